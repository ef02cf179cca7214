#!/usr/bin/env node
// Compiles src/ into dist/ with esbuild, one file per source file (no bundle), so every module
// keeps its place: templates, static files and node_modules are found from dist/ exactly as
// from src/, and the lazy imports (commands, the demo seed, PDF and XLSX libraries) stay lazy.
// Files that are not TypeScript (templates, CSS, client script) are copied beside them.
//
//   node bin/build.mjs             build now
//   node bin/build.mjs --if-stale  build only if dist/ is missing or older than the sources
//
// Plain JavaScript, so `joinedup` can check and build before any TypeScript runs.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SRC = path.join(ROOT, 'src');
export const DIST = path.join(ROOT, 'dist');
/** Written last into each build; its modification time is when that build started reading src/. */
export const STAMP = path.join(DIST, '.built');
const THIS_FILE = fileURLToPath(import.meta.url);

const isTest = (name) => /\.test\.ts$/.test(name) || name.endsWith('.d.ts');

/** Every file and folder under dir (folders too: a deleted file changes its folder's time). */
function* walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    yield { full, entry };
    if (entry.isDirectory()) yield* walk(full);
  }
}

/** The newest modification time (ms) of src/, anything in it, and this build script. */
export function newestSource() {
  let newest = Math.max(fs.statSync(SRC).mtimeMs, fs.statSync(THIS_FILE).mtimeMs);
  for (const { full } of walk(SRC)) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  return newest;
}

/**
 * Whether dist/ needs building: missing, or older than the newest source. False when there is
 * no src/ at all (an installation that ships dist/ alone).
 */
export function isStale() {
  if (!fs.existsSync(SRC)) return false;
  let built;
  try {
    built = fs.statSync(STAMP).mtimeMs;
  } catch {
    return true;
  }
  return newestSource() > built;
}

/**
 * Builds into a new folder beside dist/ and then swaps it in, so a process starting meanwhile
 * never reads a half-written dist/. Returns the time taken in milliseconds.
 */
export async function build({ quiet = false } = {}) {
  const started = Date.now();
  const { build: esbuild } = await import('esbuild');
  const staging = `${DIST}.building-${process.pid}-${started}`;
  fs.rmSync(staging, { recursive: true, force: true });
  try {
    const entryPoints = [];
    for (const { full, entry } of walk(SRC)) {
      if (!entry.isFile()) continue;
      const relative = path.relative(SRC, full);
      if (entry.name.endsWith('.ts')) {
        if (!isTest(entry.name)) entryPoints.push(full);
      } else {
        fs.mkdirSync(path.join(staging, path.dirname(relative)), { recursive: true });
        fs.copyFileSync(full, path.join(staging, relative));
      }
    }
    await esbuild({
      entryPoints,
      outdir: staging,
      outbase: SRC,
      bundle: false,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      // Linked maps: run with NODE_OPTIONS=--enable-source-maps to see src/ lines in a stack trace.
      sourcemap: 'linked',
      logLevel: 'warning',
    });
    await writeDatabaseTemplate(staging);
    fs.writeFileSync(path.join(staging, '.built'), `${new Date(started).toISOString()}\n`);
    fs.utimesSync(path.join(staging, '.built'), new Date(started), new Date(started));
    swapIn(staging);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
  const took = Date.now() - started;
  if (!quiet) console.error(`Built dist/ from src/ in ${(took / 1000).toFixed(1)} s.`);
  return took;
}

/**
 * A migrated empty database beside the compiled code (src/db/template.ts), made by that code: a
 * first start on a fresh data folder loads it rather than running initdb and every migration.
 */
async function writeDatabaseTemplate(staging) {
  const compiled = (file) => import(pathToFileURL(path.join(staging, file)).href);
  const [{ openDatabase }, { writeTemplate, TEMPLATE_NAME }] = await Promise.all([
    compiled('db/database.js'),
    compiled('db/template.js'),
  ]);
  const database = await openDatabase({});
  try {
    const dump = await database.dumpDataDir();
    writeTemplate(path.join(staging, TEMPLATE_NAME), new Uint8Array(await dump.arrayBuffer()));
  } finally {
    await database.close();
  }
}

function swapIn(staging) {
  const old = `${DIST}.old-${process.pid}-${Date.now()}`;
  try {
    fs.renameSync(DIST, old);
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
  }
  try {
    fs.renameSync(staging, DIST);
  } catch (error) {
    // Another build swapped its own in between: it was built from the same sources.
    if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
  } finally {
    fs.rmSync(old, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  if (!process.argv.includes('--if-stale') || isStale()) await build();
}
