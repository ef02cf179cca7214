import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { demoDatabaseFolder, demoTemplateFolder, demoTemplatePrefix } from './demo-template.js';

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
 * seeded demo folder (server.ts) and its integration tests copies of seeded demo databases
 * (demo-database.ts), removed when the run ends.
 */
export default function setup(): () => Promise<void> {
  buildDist();
  const run = `${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
  process.env.JOINEDUP_TEST_RUN = run;
  return async () => {
    fs.rmSync(demoTemplateFolder(run), { recursive: true, force: true });
    fs.rmSync(demoDatabaseFolder(run), { recursive: true, force: true });
    await dropTemplates(demoTemplatePrefix(run));
  };
}

/** Drops the run's seeded PostgreSQL templates (their names start with `prefix`). */
async function dropTemplates(prefix: string): Promise<void> {
  if (!process.env.TEST_DATABASE_URL) return;
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  try {
    await client.connect();
    const { rows } = await client.query<{ datname: string }>(
      'select datname from pg_database where starts_with(datname, $1)',
      [prefix],
    );
    for (const { datname } of rows) await client.query(`drop database if exists ${datname} with (force)`);
  } catch (error) {
    console.error(`Could not drop this run's demo template databases (${prefix}…):`, error);
  } finally {
    await client.end().catch(() => undefined);
  }
}
