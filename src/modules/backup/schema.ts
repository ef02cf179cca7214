import { sql } from 'kysely';
import type { Db } from '../../db/database.js';

/** One application table as the catalogue describes it: enough to copy it row for row. */
export interface TableInfo {
  name: string;
  /** Columns that can be inserted (generated columns are left to the database). */
  columns: string[];
  primaryKey: string[];
  /** Columns referring to this same table (partnerships.parent_id): filled in after the rows exist. */
  selfReferences: string[];
  /** Columns whose values come from a sequence (identity or serial), reset after a restore. */
  sequenced: string[];
  /** Whether a column is GENERATED ALWAYS AS IDENTITY, so inserts must override it. */
  identityAlways: boolean;
}

/** Kysely's own bookkeeping is not application data: it describes the schema, not the register. */
const NOT_APPLICATION_DATA = /^kysely_/;

/**
 * Every application table in the current schema, parents before children (by foreign keys),
 * read from the catalogue so that tables added by later migrations are backed up too.
 */
export async function describeTables(db: Db): Promise<TableInfo[]> {
  const tables = await sql<{ name: string }>`
    select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relkind = 'r' order by c.relname`.execute(db);
  const columns = await sql<{
    table_name: string;
    column_name: string;
    is_generated: string;
    is_identity: string;
    identity_generation: string | null;
    column_default: string | null;
  }>`
    select table_name, column_name, is_generated, is_identity, identity_generation, column_default
    from information_schema.columns where table_schema = current_schema() order by table_name, ordinal_position`.execute(
    db,
  );
  const keys = await sql<{ table_name: string; column_name: string }>`
    select c.relname as table_name, a.attname as column_name
    from pg_index i join pg_class c on c.oid = i.indrelid join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
    where i.indisprimary and n.nspname = current_schema() order by c.relname, array_position(i.indkey, a.attnum)`.execute(
    db,
  );
  const references = await sql<{ child: string; parent: string; column_name: string }>`
    select c.relname as child, p.relname as parent, a.attname as column_name
    from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
    join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = k.conrelid and a.attnum = any(k.conkey)
    where k.contype = 'f' and n.nspname = current_schema()`.execute(db);

  const infos = tables.rows
    .map((t) => t.name)
    .filter((name) => !NOT_APPLICATION_DATA.test(name))
    .map((name): TableInfo => {
      const own = columns.rows.filter((c) => c.table_name === name);
      return {
        name,
        columns: own.filter((c) => c.is_generated !== 'ALWAYS').map((c) => c.column_name),
        primaryKey: keys.rows.filter((k) => k.table_name === name).map((k) => k.column_name),
        selfReferences: references.rows.filter((r) => r.child === name && r.parent === name).map((r) => r.column_name),
        sequenced: own
          .filter((c) => c.is_identity === 'YES' || (c.column_default ?? '').startsWith('nextval('))
          .map((c) => c.column_name),
        identityAlways: own.some((c) => c.is_identity === 'YES' && c.identity_generation === 'ALWAYS'),
      };
    });
  const parents = new Map(
    infos.map((t) => [
      t.name,
      references.rows.filter((r) => r.child === t.name && r.parent !== t.name).map((r) => r.parent),
    ]),
  );
  return parentsFirst(infos, parents);
}

/** A topological order of tables by their foreign keys; ties keep alphabetical order. */
function parentsFirst(tables: TableInfo[], parents: Map<string, string[]>): TableInfo[] {
  const ordered: TableInfo[] = [];
  const placed = new Set<string>();
  const visiting = new Set<string>();
  const byName = new Map(tables.map((t) => [t.name, t]));
  const place = (table: TableInfo) => {
    if (placed.has(table.name)) return;
    if (visiting.has(table.name))
      throw new Error(`The tables' foreign keys form a loop through ${table.name}: a backup cannot order them`);
    visiting.add(table.name);
    for (const parent of parents.get(table.name) ?? []) {
      const parentTable = byName.get(parent);
      if (parentTable) place(parentTable);
    }
    visiting.delete(table.name);
    placed.add(table.name);
    ordered.push(table);
  };
  tables.forEach(place);
  return ordered;
}
