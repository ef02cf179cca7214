import crypto from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { type Database, openDatabase } from '../../src/db/database.js';
import { writeAtomically } from './once-per-run.js';
import { TEMPLATE_NAME, usableTemplate } from '../../src/db/template.js';

export type Backend = 'pglite' | 'postgres';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL names a server (CI sets it). */
export const backends: Backend[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

/**
 * One database for a test whose subject does not depend on it (a browser journey's pages, the
 * role table): PostgreSQL, the production database, when the run has one, else PGlite. Every
 * repository is tested on both by the integration tests.
 */
export const oneBackend: Backend = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';

export interface TestDatabase extends Database {
  /** Closes the connection and drops the throwaway database. */
  destroy(): Promise<void>;
}

export interface TestDatabaseOptions {
  /** PostgreSQL: a copy of this database (CREATE DATABASE … TEMPLATE), not an empty one. */
  template?: string;
  /** PGlite: start from this dump of a data folder, not an empty one. */
  loadDataDir?: Blob;
}

/** A random name for a throwaway database on the shared PostgreSQL server. */
export function throwawayDatabaseName(prefix = 'joinedup_test'): string {
  return `${prefix}_${crypto.randomBytes(6).toString('hex')}`;
}

/** Runs one statement on the server's maintenance connection (creating and dropping databases). */
export async function adminQuery(statement: string, values: unknown[] = []): Promise<pg.QueryResult> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error('TEST_DATABASE_URL is not set');
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    return await admin.query(statement, values);
  } finally {
    await admin.end();
  }
}

/** The URL of another database on the TEST_DATABASE_URL server. */
export function databaseUrl(name: string): string {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error('TEST_DATABASE_URL is not set');
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * A fresh, migrated database for one test file. On PostgreSQL each gets its own randomly
 * named database, dropped at the end: the server is shared and keeps what earlier runs left.
 */
export async function openTestDatabase(backend: Backend, options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  if (backend === 'pglite') {
    const database = await openDatabase({ loadDataDir: options.loadDataDir ?? (await migratedPgliteDump()) });
    return { ...database, destroy: () => database.close() };
  }
  const name = throwawayDatabaseName();
  await createDatabase(name, options.template);
  const database = await openDatabase({ databaseUrl: databaseUrl(name) });
  return {
    ...database,
    async destroy() {
      await database.close();
      await adminQuery(`drop database if exists ${name} with (force)`);
    },
  };
}

/**
 * The build's migrated empty database (src/db/template.ts), which the run's global setup has just
 * built from these sources: loading it takes PGlite a third of the time migrating takes.
 * Undefined without the run's global setup, or when the template is not of these migrations.
 */
async function migratedPgliteDump(): Promise<Blob | undefined> {
  if (!process.env.JOINEDUP_TEST_RUN) return undefined;
  return usableTemplate(path.join(ROOT, 'dist', TEMPLATE_NAME));
}

/** Opens an empty PGlite database in memory, lets `fill` write to it, and dumps its data folder to `dumpFile`. */
export async function writePgliteDump<T>(dumpFile: string, fill: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase({});
  try {
    const filled = await fill(database);
    const dump = await database.dumpDataDir?.();
    if (!dump) throw new Error('PGlite did not dump its data folder');
    writeAtomically(dumpFile, Buffer.from(await dump.arrayBuffer()));
    return filled;
  } finally {
    await database.close();
  }
}

async function createDatabase(name: string, template: string | undefined): Promise<void> {
  if (!template) {
    await adminQuery(`create database ${name}`);
    return;
  }
  // Copying refuses while anyone else is connected to the template (SQLSTATE 55006): the
  // connection that seeded it may take a moment to go.
  for (let attempt = 1; ; attempt++) {
    try {
      await adminQuery(`create database ${name} template ${template}`);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== '55006' || attempt >= 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
