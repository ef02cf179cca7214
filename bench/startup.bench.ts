/**
 * Start-up benchmark: time from process start to the first page being served, on a fresh data
 * folder (initdb, migrations, reference and demo data) and on reopening it. The baseline,
 * measured in the same run, is a bare PGlite open of a fresh folder and a reopen, so the
 * ratios show what Joined Up adds on top of the embedded database itself.
 *
 *   npm run bench:startup
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';

async function timeToFirstPage(dataDir: string): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, ['bin/joinedup.mjs', 'start'], {
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
} finally {
  fs.rmSync(root, { recursive: true, force: true });
}
