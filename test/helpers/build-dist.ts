import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Builds dist/ once before any test file runs, if it is missing or older than src/: the
 * tests that run `joinedup` (bin/joinedup.mjs) run the compiled code, and workers starting
 * it side by side must not each build it.
 */
export function buildDist(): void {
  execFileSync(process.execPath, [path.join(ROOT, 'bin/build.mjs'), '--if-stale'], { cwd: ROOT, stdio: 'inherit' });
}

/** Vitest's globalSetup hook. */
export default function setup(): void {
  buildDist();
}
