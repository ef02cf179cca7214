import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

/**
 * `joinedup --help` and `--version` answer at once: they load commander and the commands'
 * declarations, never the app, the database or the services. Checked by behaviour: the
 * command runs with a module hook that refuses to load the web framework, the database
 * drivers, zod and our own app modules. The same hook makes `joinedup migrate` fail, so the
 * hook is known to bite.
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = promisify(execFile);

const REFUSED = [
  /\/node_modules\/(fastify|@fastify\/[^/]+|@electric-sql\/pglite|pg|kysely|zod|nunjucks)\//,
  /\/(dist|src)\/(app|main|services|config)\.js$/,
  /\/(dist|src)\/db\/database\.js$/,
];

/** A resolve hook, registered through --import, that throws for any module in REFUSED. */
const hooks = `
const refused = [${REFUSED.map(String).join(', ')}];
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  if (refused.some((pattern) => pattern.test(result.url))) throw new Error('refused to load ' + result.url);
  return result;
}`;
const register = `import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)});`;
const REFUSE_APP = ['--import', `data:text/javascript,${encodeURIComponent(register)}`];

async function joinedup(nodeArgs: string[], ...args: string[]) {
  const started = performance.now();
  try {
    const { stdout, stderr } = await run(process.execPath, [...nodeArgs, 'bin/joinedup.mjs', ...args], {
      cwd: ROOT,
      env: { ...process.env, JOINEDUP_DATA_DIR: path.join(ROOT, '.tmp', 'cli-test-never-opened') },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr, ms: performance.now() - started };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr, ms: performance.now() - started };
  }
}

describe('joinedup --help and --version', () => {
  it('prints the usage without loading the app, database, services or zod', async () => {
    const help = await joinedup(REFUSE_APP, '--help');
    expect(help.stderr).toBe('');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: joinedup \[options\] \[command\]/);
    for (const command of ['start', 'migrate', 'import', 'export', 'backup', 'user', 'audit', 'generate'])
      expect(help.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    // A subcommand's help is the same: declared, not loaded.
    const importHelp = await joinedup(REFUSE_APP, 'import', '--help');
    expect(importHelp.code).toBe(0);
    expect(importHelp.stdout).toContain('--kind <kind>');
  });

  it('prints the version from package.json, loading nothing more', async () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const result = await joinedup(REFUSE_APP, '--version');
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(version);
  });

  it('the same hook stops a command that needs the database, so the checks above mean something', async () => {
    const result = await joinedup(REFUSE_APP, 'migrate');
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/refused to load \S+/);
    expect(fs.existsSync(path.join(ROOT, '.tmp', 'cli-test-never-opened'))).toBe(false);
  });

  it('answers --help within a second of a bare node start, measured in the same run', async () => {
    const bare = async () => {
      const started = performance.now();
      await run(process.execPath, ['-e', '0']);
      return performance.now() - started;
    };
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const baseline: number[] = [];
    const help: number[] = [];
    for (let i = 0; i < 3; i++) {
      baseline.push(await bare());
      help.push((await joinedup([], '--help')).ms);
    }
    // Loading the whole app took seconds; the bound is generous for a busy machine.
    expect(median(help) - median(baseline)).toBeLessThan(1000);
  });
});
