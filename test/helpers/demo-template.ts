import os from 'node:os';
import path from 'node:path';

/** Where a test run keeps its seeded demo folder (server.ts copies it for each journey's server). */
export function demoTemplateFolder(run: string): string {
  return path.join(os.tmpdir(), `joinedup-demo-template-${run}`);
}

/** Where a test run keeps its seeded demo databases and what seeding them returned (demo-database.ts). */
export function demoDatabaseFolder(run: string): string {
  return path.join(os.tmpdir(), `joinedup-demo-databases-${run}`);
}

/** The start of the names of a run's seeded PostgreSQL template databases (demo-database.ts). */
export function demoTemplatePrefix(run: string): string {
  return `joinedup_demo_${run.replace(/[^a-z0-9]/gi, '_').toLowerCase()}`;
}
