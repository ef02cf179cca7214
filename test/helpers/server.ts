import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { loadConfig } from '../../src/config.js';
import { type Running, start } from '../../src/main.js';
import { demoDatabaseFolder, demoTemplateFolder, demoTemplatePrefix } from './demo-template.js';
import { oncePerRun } from './once-per-run.js';

export interface TestServer {
  /** The server's base address, e.g. http://127.0.0.1:40123 (no trailing slash). */
  url: string;
  /** The PGlite data folder (a fresh temporary folder), or undefined on PostgreSQL. */
  dataDir?: string;
  running: Running;
  /** Stops the server, closes the database and removes the data folder (or drops the database). */
  stop(): Promise<void>;
}

export interface TestServerOptions {
  /**
   * A PostgreSQL server URL (e.g. TEST_DATABASE_URL): a randomly named database is created
   * on it for this server and dropped by stop(). Absent: an embedded PGlite in a temp folder.
   */
  databaseUrl?: string;
  /** Create the demo locality on the empty database (default true, as `joinedup start`). */
  seedDemo?: boolean;
}

/**
 * Starts the real service (the same start() as `joinedup start`) on a random port of
 * 127.0.0.1, with its own database, for browser journeys and other end-to-end tests.
 */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'joinedup-e2e-'));
  let databaseUrl: string | undefined;
  let dropDatabase: (() => Promise<void>) | undefined;
  if (options.databaseUrl) {
    const template = (options.seedDemo ?? true) ? await postgresDemoTemplate(options.databaseUrl) : undefined;
    const created = await createThrowawayDatabase(options.databaseUrl, template);
    databaseUrl = created.url;
    dropDatabase = created.drop;
  }
  const env = testServerEnv(dataDir, databaseUrl);
  let running: Running;
  try {
    if (!databaseUrl && (options.seedDemo ?? true)) await copyDemoTemplate(dataDir);
    running = await start(loadConfig(env), { seedDemo: options.seedDemo ?? true });
  } catch (error) {
    await dropDatabase?.();
    await fs.rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  const port = (running.app.server.address() as { port: number }).port;
  let stopping: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    dataDir: databaseUrl ? undefined : dataDir,
    running,
    stop() {
      stopping ??= (async () => {
        try {
          await running.stop();
        } finally {
          await dropDatabase?.();
          await fs.rm(dataDir, { recursive: true, force: true });
        }
      })();
      return stopping;
    },
  };
}

let template: Promise<string | undefined> | undefined;

/**
 * Fills `dataDir` with a copy of a PGlite folder on which the demo was seeded, made once per
 * test run (the name is set by the global setup, which removes the folder at the end): seeding
 * the demo took each browser journey 10–40 s; a copy takes under a second, and start() then
 * finds the demo there as it would on a second start.
 */
async function copyDemoTemplate(dataDir: string): Promise<void> {
  const run = process.env.JOINEDUP_TEST_RUN;
  if (!run) return;
  template ??= (async () => {
    const folder = demoTemplateFolder(run);
    if (await exists(folder)) return folder;
    const building = await fs.mkdtemp(path.join(os.tmpdir(), 'joinedup-demo-building-'));
    const running = await start(loadConfig(testServerEnv(building)), { seedDemo: true });
    await running.stop();
    // Another worker may have finished first: its folder is as good as this one.
    await fs.rename(building, folder).catch(() => fs.rm(building, { recursive: true, force: true }));
    return folder;
  })();
  const folder = await template;
  if (folder) await fs.cp(folder, dataDir, { recursive: true });
}

/**
 * The name of a PostgreSQL database on which start() seeded the demo, made once per test run
 * (dropped by the global setup at the end), for servers on PostgreSQL to start on a copy of:
 * the same saving as copyDemoTemplate's. Undefined without the run's global setup.
 */
async function postgresDemoTemplate(serverUrl: string): Promise<string | undefined> {
  const run = process.env.JOINEDUP_TEST_RUN;
  if (!run) return undefined;
  const name = `${demoTemplatePrefix(run)}_server`;
  const folder = demoDatabaseFolder(run);
  await fs.mkdir(folder, { recursive: true });
  await oncePerRun(path.join(folder, `${name}.json`), async () => {
    await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
    await adminQuery(serverUrl, `create database ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'joinedup-demo-building-'));
    try {
      const running = await start(loadConfig(testServerEnv(dataDir, url.toString())), { seedDemo: true });
      await running.stop();
    } finally {
      await fs.rm(dataDir, { recursive: true, force: true });
    }
    return { template: name };
  });
  return name;
}

async function adminQuery(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

async function exists(folder: string): Promise<boolean> {
  return fs.access(folder).then(
    () => true,
    () => false,
  );
}

/**
 * A new, randomly named database on a shared PostgreSQL server (empty, or a copy of `template`),
 * and how to drop it.
 */
export async function createThrowawayDatabase(
  serverUrl: string,
  template?: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `joinedup_e2e_${crypto.randomBytes(6).toString('hex')}`;
  // Copying refuses while anyone is connected to the template (SQLSTATE 55006): the server
  // that seeded it may take a moment to let go.
  for (let attempt = 1; ; attempt++) {
    try {
      await adminQuery(serverUrl, `create database ${name}${template ? ` template ${template}` : ''}`);
      break;
    } catch (error) {
      if ((error as { code?: string }).code !== '55006' || attempt >= 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => adminQuery(serverUrl, `drop database if exists ${name} with (force)`) };
}

/** The environment a test server starts with: a random port of 127.0.0.1, its own data folder. */
function testServerEnv(dataDir: string, databaseUrl?: string): NodeJS.ProcessEnv {
  return {
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    JOINEDUP_DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  };
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface BuiltServer {
  /** The server's base address on 127.0.0.1 (no trailing slash). */
  url: string;
  /** The fresh PGlite data folder it was started on. */
  dataDir: string;
  /** What it printed so far. */
  output(): string;
  /** SIGTERM, wait for it to exit, remove the data folder. */
  stop(): Promise<void>;
}

/**
 * Starts `joinedup start` as an operator does (`node bin/joinedup.mjs start`, which runs the
 * compiled dist/), in its own process on a fresh PGlite data folder and a random port, with the
 * same settings as startTestServer.
 */
export async function startBuiltServer(timeoutMs = 240_000): Promise<BuiltServer> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'joinedup-dist-'));
  const { PATH, HOME, TMPDIR } = process.env;
  const env: NodeJS.ProcessEnv = { PATH, HOME, TMPDIR, ...testServerEnv(dataDir) };
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/joinedup.mjs'), 'start'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  let stopping = false;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // A server that dies mid-journey shows only as refused connections: say why, where CI shows it.
  child.once('exit', (code, signal) => {
    if (!stopping) process.stderr.write(`joinedup start (dist) exited early (${code ?? signal}):\n${output}\n`);
  });
  const stop = async () => {
    stopping = true;
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    await fs.rm(dataDir, { recursive: true, force: true });
  };
  try {
    const port = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`not ready after ${timeoutMs} ms:\n${output}`)), timeoutMs);
      child.stdout.on('data', () => {
        const match = /ready at http:\/\/[^\s:]+:(\d+)/.exec(output);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`joinedup start exited with ${code}:\n${output}`));
      });
    });
    return { url: `http://127.0.0.1:${port}`, dataDir, output: () => output, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
