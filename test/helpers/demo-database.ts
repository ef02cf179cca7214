import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../src/config.js';
import { todayInLondon } from '../../src/core/dates.js';
import { type Database, openDatabase } from '../../src/db/database.js';
import {
  DEMO_LOCALITY_CODE,
  type DemoSummary,
  type SeedDemoOptions,
  seedDemoLocality,
} from '../../src/modules/demo/seed.js';
import { createServices } from '../../src/services.js';
import { demoDatabaseFolder, demoTemplatePrefix } from './demo-template.js';
import { oncePerRun } from './once-per-run.js';
import {
  type Backend,
  type TestDatabase,
  adminQuery,
  databaseUrl,
  openTestDatabase,
  writePgliteDump,
} from './database.js';

export interface DemoTestDatabase {
  database: TestDatabase;
  /** What seedDemoLocality returned when the demo was seeded. */
  demo: DemoSummary;
}

/**
 * A fresh database for one test file holding the demo locality as `seedDemoLocality` leaves it
 * (with the reference lists). Seeding takes seconds, so a test run seeds once per database kind
 * and options, and each test file gets its own copy: on PGlite from a dump of the seeded data
 * folder, on PostgreSQL a database made from a seeded template. Without the run's global setup
 * (vitest.config.ts) it seeds for real. src/modules/demo/seed.test.ts tests the seeding itself.
 */
export async function openDemoTestDatabase(backend: Backend, options: SeedDemoOptions = {}): Promise<DemoTestDatabase> {
  const run = process.env.JOINEDUP_TEST_RUN;
  if (!run) {
    const database = await openTestDatabase(backend);
    try {
      return { database, demo: await seedInto(database, options) };
    } catch (error) {
      await database.destroy();
      throw error;
    }
  }
  // Seeding without a date seeds for today in London: the same as giving today's date.
  const key = `${options.seed ?? 'default'}_${options.today ?? todayInLondon()}`
    .replace(/[^a-z0-9]/gi, '_')
    .toLowerCase();
  const folder = demoDatabaseFolder(run);
  fs.mkdirSync(folder, { recursive: true });
  const summaryFile = path.join(folder, `${backend}-${key}.json`);

  if (backend === 'pglite') {
    const dumpFile = path.join(folder, `pglite-${key}.tar`);
    await oncePerRun(summaryFile, () => writePgliteDump(dumpFile, (database) => seedInto(database, options)));
    const database = await openTestDatabase('pglite', { loadDataDir: new Blob([fs.readFileSync(dumpFile)]) });
    return { database, demo: await storedSummary(database, summaryFile) };
  }

  const template = `${demoTemplatePrefix(run)}_${key}`;
  await oncePerRun(summaryFile, async () => {
    await adminQuery(`drop database if exists ${template} with (force)`);
    await adminQuery(`create database ${template}`);
    const database = await openDatabase({ databaseUrl: databaseUrl(template) });
    try {
      return await seedInto(database, options);
    } finally {
      await database.close();
    }
  });
  const database = await openTestDatabase('postgres', { template });
  return { database, demo: await storedSummary(database, summaryFile) };
}

async function seedInto(database: Database, options: SeedDemoOptions): Promise<DemoSummary> {
  const services = createServices(database, loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }));
  await services.reference.ensureSeeded();
  return seedDemoLocality(services, options);
}

/**
 * What seeding returned, as it returned it: the stored JSON, with the locality's dates made
 * dates again (the copy's own row says which of its columns are dates).
 */
async function storedSummary(database: Database, summaryFile: string): Promise<DemoSummary> {
  const stored = JSON.parse(fs.readFileSync(summaryFile, 'utf8')) as DemoSummary;
  const row = await database.db
    .selectFrom('localities')
    .selectAll()
    .where('gss_code', '=', DEMO_LOCALITY_CODE)
    .executeTakeFirstOrThrow();
  const locality = Object.fromEntries(
    Object.entries(stored.locality).map(([column, value]) => [
      column,
      row[column as keyof typeof row] instanceof Date ? new Date(value as string) : value,
    ]),
  );
  if (locality.id !== row.id) throw new Error(`The demo copy in ${summaryFile} does not match its database`);
  return { ...stored, locality: locality as typeof row };
}
