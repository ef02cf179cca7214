import { giveWay } from './give-way.js';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { DB } from './tables.js';
import { type RegisterChanges, pgliteChanges, postgresChanges } from './changes.js';
import { type DataFolderLock, lockDataFolder } from './lock.js';
import { migrateToLatest } from './migrations.js';
import { isFreshFolder, usableTemplate } from './template.js';

export type Db = Kysely<DB>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Where the data lives, for messages: a folder, "memory" or the server (without credentials). */
  location: string;
  /** Committed changes to the register, heard from every process on the database (changes.ts). */
  changes: RegisterChanges;
  /** Flush to disk where that means something (PGlite CHECKPOINT), then close. */
  close(): Promise<void>;
  /** PGlite only: the whole data folder as a tarball, which `loadDataDir` opens again. */
  dumpDataDir?(): Promise<Blob>;
}

export interface DatabaseOptions {
  /** A PostgreSQL connection string; when absent the embedded PGlite is used. */
  databaseUrl?: string;
  /** PGlite data folder; absent means an in-memory database (tests). */
  dataDir?: string;
  /** PGlite in memory: start from this dump of a data folder (`dumpDataDir`) instead of empty. */
  loadDataDir?: Blob;
  /** PGlite in a folder: a migrated empty database (template.ts) to load when the folder is new. */
  templateFile?: string;
  migrate?: boolean;
}

const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;

/** Both drivers read values alike: dates stay ISO strings, bigint counts become numbers. */
const keepDateString = (value: string) => value;
const toNumber = (value: string) => Number(value);

function openPostgres(databaseUrl: string): Database {
  const types = {
    getTypeParser(oid: number, format?: 'text' | 'binary') {
      if (oid === DATE_OID) return keepDateString;
      if (oid === INT8_OID || oid === NUMERIC_OID) return toNumber;
      return pg.types.getTypeParser(oid, format);
    },
  };
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10, types });
  const changes = postgresChanges(pool, { connectionString: databaseUrl });
  // An idle connection the server closes (a restart, a failover, an administrator) must not
  // take the process down: the pool drops it and opens a new one on the next query.
  pool.on('error', (error) =>
    console.error(
      `PostgreSQL connection lost while idle (${(error as { code?: string }).code ?? error.message}); it will be replaced.`,
    ),
  );
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  const url = new URL(databaseUrl);
  return {
    db,
    kind: 'postgres',
    location: `${url.hostname}:${url.port || 5432}${url.pathname}`,
    changes,
    async close() {
      await changes.close();
      await db.destroy();
    },
  };
}

async function openPglite(options: DatabaseOptions): Promise<Database> {
  const { dataDir } = options;
  let lock: DataFolderLock | undefined;
  if (dataDir) lock = lockDataFolder(dataDir);
  try {
    const loadDataDir =
      options.loadDataDir ??
      (dataDir && isFreshFolder(dataDir) ? await usableTemplate(options.templateFile) : undefined);
    const pglite = await PGlite.create({
      dataDir,
      loadDataDir,
      parsers: { [DATE_OID]: keepDateString, [INT8_OID]: toNumber, [NUMERIC_OID]: toNumber },
    });
    const db = new Kysely<DB>({ dialect: new PGliteDialect({ pglite }) });
    const changes = pgliteChanges(pglite);
    return {
      db,
      kind: 'pglite',
      location: dataDir ?? 'memory',
      changes,
      dumpDataDir: () => pglite.dumpDataDir('none'),
      async close() {
        try {
          await changes.close();
          if (dataDir) await pglite.query('CHECKPOINT');
          await db.destroy();
        } finally {
          lock?.release();
        }
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const database = options.databaseUrl ? openPostgres(options.databaseUrl) : await openPglite(options);
  try {
    if (options.migrate !== false) await migrateToLatest(database.db as unknown as Kysely<unknown>);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

export async function isReachable(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}

/**
 * Refreshes the query planner's statistics after a bulk write (a generated national set, a
 * restore). Until autovacuum gets round to it the planner still believes the tables empty or
 * small: on a freshly generated 50,000-partnership set it guessed 1,737 seats a partnership
 * instead of 8, and the register's list query took 70 ms (15 of them compiling it) instead of 1.
 */
export async function refreshStatistics(db: Db): Promise<void> {
  // Table by table, other requests let in between: on PGlite one `analyze` of everything held
  // the server's one thread for 0.9 s after a 112,000-row import.
  const { rows } = await sql<{ name: string }>`
    select tablename as name from pg_tables where schemaname = current_schema() order by tablename`.execute(db);
  for (const { name } of rows) {
    await sql`analyze ${sql.table(name)}`.execute(db);
    await giveWay();
  }
}
