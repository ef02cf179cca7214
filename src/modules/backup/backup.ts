import fs from 'node:fs';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { sql } from 'kysely';
import { z } from 'zod';
import { type Database, type Db, refreshStatistics } from '../../db/database.js';
import { latestMigration } from '../../db/migrations.js';
import { type TableInfo, describeTables } from './schema.js';

/**
 * A logical backup that does not depend on the engine: gzip-compressed JSON lines.
 *
 *   {"format":"joinedup-backup","version":1,"migration":"0002_accounts",...,"tables":[{"name":"localities","rows":3},...]}
 *   {"t":"localities","r":{...one row...}}
 *   ...
 *   {"end":true,"rows":{"localities":3,...}}
 *
 * Rows are written by PostgreSQL's own row_to_json and read back by json_populate_recordset,
 * so every type converts exactly as the database defines it (timestamps with microseconds
 * and offset, dates as YYYY-MM-DD, jsonb, bigint) without passing through JavaScript numbers
 * or Dates. The same file restores into PGlite or PostgreSQL.
 */
export const BACKUP_FORMAT = 'joinedup-backup';
export const BACKUP_VERSION = 1;

const headerSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  migration: z.string(),
  createdAt: z.string(),
  source: z.string(),
  tables: z.array(z.object({ name: z.string(), rows: z.number().int().min(0) })),
});
export type BackupHeader = z.infer<typeof headerSchema>;

const trailerSchema = z.object({ end: z.literal(true), rows: z.record(z.string(), z.number().int()) });

export interface Progress {
  (done: number, total: number, table: string): void;
}

export interface BackupSummary {
  file: string;
  migration: string;
  rows: Record<string, number>;
}

const FETCH_SIZE = 1000;
/** Rows per insert: large enough to be quick, small enough to keep each statement modest. */
const INSERT_BATCH_ROWS = 500;
const INSERT_BATCH_CHARS = 4_000_000;

/**
 * Writes every row of every application table to `file`, from one consistent snapshot
 * (a repeatable-read transaction). The file appears only when complete: it is written
 * beside its final name and renamed at the end, readable by its owner only.
 */
export async function backupDatabase(database: Database, file: string, onProgress?: Progress): Promise<BackupSummary> {
  const partial = `${file}.partial`;
  const gzip = createGzip();
  const written = pipeline(gzip, fs.createWriteStream(partial, { mode: 0o600 }));
  const write = async (line: string) => {
    if (!gzip.write(`${line}\n`)) await once(gzip, 'drain');
  };
  try {
    const rows = await database.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => {
        const tables = await describeTables(trx);
        const counts = await countRows(trx, tables);
        const total = Object.values(counts).reduce((a, b) => a + b, 0);
        const header: BackupHeader = {
          format: BACKUP_FORMAT,
          version: BACKUP_VERSION,
          migration: latestMigration(),
          createdAt: new Date().toISOString(),
          source: database.kind,
          tables: tables.map((t) => ({ name: t.name, rows: counts[t.name] ?? 0 })),
        };
        await write(JSON.stringify(header));
        let done = 0;
        const rows: Record<string, number> = {};
        for (const table of tables) {
          rows[table.name] = 0;
          for await (const batch of readRows(trx, table)) {
            for (const row of batch) await write(`{"t":${JSON.stringify(table.name)},"r":${row}}`);
            rows[table.name] = (rows[table.name] ?? 0) + batch.length;
            done += batch.length;
            onProgress?.(done, total, table.name);
          }
        }
        await write(JSON.stringify({ end: true, rows }));
        return rows;
      });
    gzip.end();
    await written;
    await fs.promises.rename(partial, file);
    return { file, migration: latestMigration(), rows };
  } catch (error) {
    gzip.destroy();
    await written.catch(() => undefined);
    await fs.promises.rm(partial, { force: true });
    throw error;
  }
}

async function countRows(db: Db, tables: TableInfo[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const result = await sql<{ n: number }>`select count(*) as n from ${sql.table(table.name)}`.execute(db);
    counts[table.name] = Number(result.rows[0]?.n ?? 0);
  }
  return counts;
}

/** A table's rows as JSON text, in primary-key order, through a cursor so memory stays flat. */
async function* readRows(trx: Db, table: TableInfo): AsyncGenerator<string[]> {
  // Without a primary key, every column decides the order, so two backups of one database match.
  const orderColumns = table.primaryKey.length ? table.primaryKey : table.columns;
  const order = sql`order by ${sql.join(orderColumns.map((c) => sql.ref(c)))}`;
  await sql`declare joinedup_backup no scroll cursor for select row_to_json(t)::text as row from ${sql.table(table.name)} t ${order}`.execute(
    trx,
  );
  try {
    for (;;) {
      const { rows } = await sql<{ row: string }>`fetch forward ${sql.lit(FETCH_SIZE)} from joinedup_backup`.execute(
        trx,
      );
      if (!rows.length) break;
      yield rows.map((r) => r.row);
    }
  } finally {
    await sql`close joinedup_backup`.execute(trx);
  }
}

// --- restore ------------------------------------------------------------------------------

export class BackupMismatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupMismatchError';
  }
}

export interface RestoreOptions {
  onProgress?: Progress;
}

/**
 * Replaces all application data with the backup's, in one transaction: if anything is wrong
 * (another migration, a damaged or truncated file, a row the schema refuses) nothing changes.
 * Tables are emptied children first and filled parents first; rows that refer to their own
 * table are linked once all of that table's rows exist; sequences continue after the
 * highest restored id.
 */
export async function restoreDatabase(
  database: Database,
  file: string,
  options: RestoreOptions = {},
): Promise<BackupSummary> {
  const lines = readLines(file);
  try {
    const summary = await restoreLines(database, file, lines, options);
    await refreshStatistics(database.db);
    return summary;
  } finally {
    await lines.return(undefined);
  }
}

async function restoreLines(
  database: Database,
  file: string,
  lines: AsyncGenerator<string>,
  options: RestoreOptions,
): Promise<BackupSummary> {
  const header = await readHeader(lines);
  if (header.migration !== latestMigration()) {
    throw new BackupMismatchError(
      `This backup was made by a version of Joined Up whose database was at migration ${header.migration}; this one is at ${latestMigration()}. Restore it with the matching version of Joined Up, then upgrade.`,
    );
  }
  const total = header.tables.reduce((sum, t) => sum + t.rows, 0);
  return database.db.transaction().execute(async (trx) => {
    const tables = await describeTables(trx);
    checkSameTables(header, tables);
    for (const table of [...tables].reverse()) await sql`delete from ${sql.table(table.name)}`.execute(trx);

    const byName = new Map(tables.map((t) => [t.name, t]));
    const rows: Record<string, number> = Object.fromEntries(tables.map((t) => [t.name, 0]));
    let batch: { table?: TableInfo; rows: string[]; chars: number } = { rows: [], chars: 0 };
    let done = 0;
    const flush = async () => {
      if (batch.table && batch.rows.length) {
        await insertRows(trx, batch.table, batch.rows);
        rows[batch.table.name] = (rows[batch.table.name] ?? 0) + batch.rows.length;
        done += batch.rows.length;
        options.onProgress?.(done, total, batch.table.name);
      }
      batch = { table: batch.table, rows: [], chars: 0 };
    };
    let trailer: z.infer<typeof trailerSchema> | undefined;
    for await (const line of lines) {
      if (!line.trim()) continue;
      if (trailer)
        throw new BackupMismatchError(
          'The backup file has data after its end marker: it is damaged. Nothing was restored.',
        );
      const row = ROW_LINE.exec(line);
      if (!row) {
        await flush();
        trailer = parseJsonLine(line, trailerSchema, 'end marker');
        continue;
      }
      const table = byName.get(row[1] ?? '');
      if (!table)
        throw new BackupMismatchError(
          `The backup holds rows for a table ${row[1]} that this database does not have. Nothing was restored.`,
        );
      if (batch.table !== table) {
        await flush();
        if (batch.table) await linkSelfReferences(trx, batch.table);
        batch.table = table;
      }
      batch.rows.push(row[2] ?? 'null');
      batch.chars += line.length;
      if (batch.rows.length >= INSERT_BATCH_ROWS || batch.chars >= INSERT_BATCH_CHARS) await flush();
    }
    await flush();
    if (batch.table) await linkSelfReferences(trx, batch.table);
    if (!trailer)
      throw new BackupMismatchError(
        'The backup file ends before its end marker: it is incomplete. Nothing was restored.',
      );
    for (const table of tables) {
      const expected = trailer.rows[table.name] ?? 0;
      if ((rows[table.name] ?? 0) !== expected)
        throw new BackupMismatchError(
          `The backup says ${table.name} has ${expected} rows but ${rows[table.name]} were read: the file is damaged. Nothing was restored.`,
        );
    }
    for (const table of tables) await resetSequences(trx, table);
    return { file, migration: header.migration, rows };
  });
}

/** {"t":"name","r":{...}}: the row's JSON is passed to the database as it is, never parsed here. */
const ROW_LINE = /^\{"t":"([A-Za-z0-9_]+)","r":(.*)\}$/;

function checkSameTables(header: BackupHeader, tables: TableInfo[]): void {
  const here = new Set(tables.map((t) => t.name));
  const there = new Set(header.tables.map((t) => t.name));
  const missingHere = [...there].filter((t) => !here.has(t));
  const missingThere = [...here].filter((t) => !there.has(t));
  if (missingHere.length || missingThere.length) {
    const parts = [
      missingHere.length ? `tables this database lacks (${missingHere.join(', ')})` : '',
      missingThere.length ? `no rows for ${missingThere.join(', ')}` : '',
    ].filter(Boolean);
    throw new BackupMismatchError(
      `The backup does not match this database: it has ${parts.join(' and ')}. Nothing was restored.`,
    );
  }
}

/**
 * Inserts a batch through json_populate_recordset, which converts each JSON value to its
 * column's type. Self-references are left empty for now (a parent may come later).
 */
async function insertRows(trx: Db, table: TableInfo, rows: string[]): Promise<void> {
  const json = `[${rows.join(',')}]`;
  const target = sql.join(table.columns.map((c) => sql.ref(c)));
  const values = sql.join(table.columns.map((c) => (table.selfReferences.includes(c) ? sql`null` : sql.ref(`r.${c}`))));
  const overriding = table.identityAlways ? sql`overriding system value` : sql``;
  await sql`insert into ${sql.table(table.name)} (${target}) ${overriding}
    select ${values} from json_populate_recordset(null::${sql.table(table.name)}, ${json}::json) r`.execute(trx);
  if (table.selfReferences.length) await rememberSelfReferences(trx, table, json);
}

/** Self-references wait in a temporary table until all of their table's rows are in. */
async function rememberSelfReferences(trx: Db, table: TableInfo, json: string): Promise<void> {
  const holding = sql.table(`joinedup_restore_${table.name}`);
  const keep = sql.join([...table.primaryKey, ...table.selfReferences].map((c) => sql.ref(`r.${c}`)));
  await sql`create temporary table if not exists ${holding} on commit drop as
    select ${keep} from json_populate_recordset(null::${sql.table(table.name)}, '[]'::json) r with no data`.execute(
    trx,
  );
  await sql`insert into ${holding} select ${keep} from json_populate_recordset(null::${sql.table(table.name)}, ${json}::json) r`.execute(
    trx,
  );
}

async function linkSelfReferences(trx: Db, table: TableInfo): Promise<void> {
  if (!table.selfReferences.length) return;
  if (!table.primaryKey.length)
    throw new Error(`${table.name} refers to itself but has no primary key: it cannot be restored`);
  const holding = sql.table(`joinedup_restore_${table.name}`);
  const assignments = sql.join(table.selfReferences.map((c) => sql`${sql.ref(c)} = h.${sql.ref(c)}`));
  const match = sql.join(
    table.primaryKey.map((c) => sql`t.${sql.ref(c)} = h.${sql.ref(c)}`),
    sql` and `,
  );
  const exists = await sql<{
    found: boolean;
  }>`select to_regclass(${`pg_temp.joinedup_restore_${table.name}`}) is not null as found`.execute(trx);
  if (!exists.rows[0]?.found) return;
  // One statement: foreign keys are checked at its end, when every link is in place.
  await sql`update ${sql.table(table.name)} t set ${assignments} from ${holding} h where ${match}`.execute(trx);
}

/** Identity and serial columns continue after the highest restored value. */
async function resetSequences(trx: Db, table: TableInfo): Promise<void> {
  for (const column of table.sequenced) {
    await sql`select setval(pg_get_serial_sequence(${table.name}, ${column}), coalesce(max(${sql.ref(column)}), 1), max(${sql.ref(column)}) is not null) from ${sql.table(table.name)}`.execute(
      trx,
    );
  }
}

// --- reading the file ---------------------------------------------------------------------

/** The file's lines, decompressed as they are read; a damaged file fails the iteration. */
async function* readLines(file: string): AsyncGenerator<string> {
  const gunzip = createGunzip();
  const input = fs.createReadStream(file);
  input.on('error', (error) => gunzip.destroy(error));
  input.pipe(gunzip);
  gunzip.setEncoding('utf8');
  let rest = '';
  try {
    for await (const chunk of gunzip as AsyncIterable<string>) {
      const parts = (rest + chunk).split('\n');
      rest = parts.pop() ?? '';
      yield* parts;
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT') throw new BackupMismatchError(`There is no file ${file}`);
    if (code?.startsWith('Z_'))
      throw new BackupMismatchError(
        `${file} is not a Joined Up backup, or it is damaged (${(error as Error).message}). Nothing was restored.`,
      );
    throw error;
  } finally {
    input.destroy();
  }
  if (rest) yield rest;
}

async function readHeader(lines: AsyncGenerator<string>): Promise<BackupHeader> {
  const first = await lines.next();
  if (first.done) throw new BackupMismatchError('The backup file is empty. Nothing was restored.');
  return parseJsonLine(first.value, headerSchema, 'header');
}

function parseJsonLine<S extends z.ZodType>(line: string, schema: S, what: string): z.output<S> {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new BackupMismatchError(
      `The backup's ${what} is not readable: this is not a Joined Up backup, or it is damaged. Nothing was restored.`,
    );
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new BackupMismatchError(
      `The backup's ${what} is not one this version of Joined Up understands (format ${BACKUP_FORMAT} version ${BACKUP_VERSION}). Nothing was restored.`,
    );
  return parsed.data;
}

/** Whether the database holds any application row: restore asks before replacing data. */
export async function holdsData(db: Db): Promise<boolean> {
  for (const table of await describeTables(db)) {
    const result = await sql<{
      found: boolean;
    }>`select exists (select 1 from ${sql.table(table.name)}) as found`.execute(db);
    if (result.rows[0]?.found) return true;
  }
  return false;
}
