import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoTemplateFolder } from './demo-template.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Builds dist/ once before any test file runs, if it is missing or older than src/: the
 * tests that run `joinedup` (bin/joinedup.mjs) run the compiled code, and workers starting
 * it side by side must not each build it.
 */
export function buildDist(): void {
  execFileSync(process.execPath, [path.join(ROOT, 'bin/build.mjs'), '--if-stale'], { cwd: ROOT, stdio: 'inherit' });
}

/**
 * Vitest's globalSetup hook: builds dist/, and names this run so its browser journeys share one
 * seeded demo folder (server.ts), removed when the run ends.
 */
export default function setup(): () => void {
  buildDist();
  const run = `${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
  process.env.JOINEDUP_TEST_RUN = run;
  return () => fs.rmSync(demoTemplateFolder(run), { recursive: true, force: true });
}
