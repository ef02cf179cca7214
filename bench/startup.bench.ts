/**
 * Start-up benchmark: time from process start to the first page being served, on a fresh data
 * folder (initdb, migrations, reference and demo data) and on reopening it. The baseline,
 * measured in the same run, is a bare PGlite open of a fresh folder and a reopen, so the
 * ratios show what Joined Up adds on top of the embedded database itself.
 *
 * Then the command line and the build: `joinedup --help` against `node -e 0` (median of 5),
 * and the reopened start from the compiled dist/ against the sources through tsx (median of 3).
 *
 *   npm run bench:startup
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { recordFigure } from './figures.js';

/** How `joinedup` is run: the compiled dist/ (as `npm start`), or the sources through tsx (as `npm run dev`). */
const FROM_DIST = ['bin/joinedup.mjs'];
const FROM_SOURCE = ['--import', 'tsx', 'bin/dev.mjs'];

async function timeToFirstPage(dataDir: string, entry: string[] = FROM_DIST): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, [...entry, 'start'], {
    env: {
      ...process.env,
      JOINEDUP_DATA_DIR: dataDir,
      PORT: '0',
      LOG_LEVEL: 'silent',
      NODE_ENV: 'production',
      SESSION_SECRET: 'x'.repeat(40),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const address = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /ready at (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`exited with ${code}: ${output}`)));
  });
  const response = await fetch(`${address}/localities/E07999001/partnerships`);
  if (!response.ok) throw new Error(`first page answered ${response.status}`);
  await response.text();
  const elapsed = performance.now() - started;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
  return elapsed;
}

async function baseline(dataDir: string): Promise<number> {
  const started = performance.now();
  const db = await PGlite.create({ dataDir });
  await db.query('select 1');
  await db.close();
  return performance.now() - started;
}

/** Milliseconds for one run of node with these arguments, to its exit. */
function timeNode(args: string[]): number {
  const started = performance.now();
  execFileSync(process.execPath, args, { stdio: 'ignore' });
  return performance.now() - started;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

// dist/ is built (if stale) before anything is timed, so no figure includes a build.
execFileSync(process.execPath, ['bin/build.mjs', '--if-stale'], { stdio: 'inherit' });

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'joinedup-bench-'));
try {
  const baseFresh = await baseline(path.join(root, 'baseline'));
  const baseReopen = await baseline(path.join(root, 'baseline'));
  const fresh = await timeToFirstPage(path.join(root, 'app'));
  const reopen = await timeToFirstPage(path.join(root, 'app'));
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log(
    `fresh data folder: first page after ${s(fresh)} (bare PGlite initdb ${s(baseFresh)}; ratio ${(fresh / baseFresh).toFixed(2)}) — target under 10 s`,
  );
  console.log(
    `reopened folder:   first page after ${s(reopen)} (bare PGlite reopen ${s(baseReopen)}; ratio ${(reopen / baseReopen).toFixed(2)}) — target under 2 s`,
  );

  recordFigure({
    path: 'first start on a fresh folder',
    measured: fresh / 1000,
    unit: 's',
    baseline: { value: baseFresh / 1000, what: 'bare PGlite initdb' },
  });
  recordFigure({
    path: 'reopen',
    measured: reopen / 1000,
    unit: 's',
    baseline: { value: baseReopen / 1000, what: 'bare PGlite reopen' },
  });
  recordFigure({
    path: 'first start: ratio to a bare initdb',
    measured: fresh / baseFresh,
    unit: 'ratio',
    goal: { value: 2, better: 'lower' },
  });
  recordFigure({
    path: 'reopen: ratio to a bare reopen',
    measured: reopen / baseReopen,
    unit: 'ratio',
    goal: { value: 2, better: 'lower' },
  });

  const bare: number[] = [];
  const help: number[] = [];
  const helpSource: number[] = [];
  for (let i = 0; i < 5; i++) {
    bare.push(timeNode(['-e', '0']));
    help.push(timeNode([...FROM_DIST, '--help']));
    helpSource.push(timeNode([...FROM_SOURCE, '--help']));
  }
  console.log(
    `joinedup --help:   ${s(median(help))} from dist/, ${s(median(helpSource))} from the sources through tsx (node -e 0 ${s(median(bare))}; ratios ${(median(help) / median(bare)).toFixed(2)} and ${(median(helpSource) / median(bare)).toFixed(2)}; median of 5) — target under 0.5 s`,
  );

  recordFigure({
    path: '`joinedup --help`',
    measured: median(help),
    unit: 'ms',
    baseline: { value: median(bare), what: '`node -e 0`' },
    goal: { value: 500, better: 'lower' },
  });

  const reopenDist: number[] = [];
  const reopenSource: number[] = [];
  for (let i = 0; i < 3; i++) {
    reopenDist.push(await timeToFirstPage(path.join(root, 'app'), FROM_DIST));
    reopenSource.push(await timeToFirstPage(path.join(root, 'app'), FROM_SOURCE));
  }
  console.log(
    `reopened, by build: first page after ${s(median(reopenDist))} from dist/, ${s(median(reopenSource))} from the sources through tsx (ratio ${(median(reopenDist) / median(reopenSource)).toFixed(2)}; median of 3)`,
  );
} finally {
  fs.rmSync(root, { recursive: true, force: true });
}
