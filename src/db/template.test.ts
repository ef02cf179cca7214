import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { type Database, openDatabase } from './database.js';
import { currentTemplateLabel, usableTemplate, writeTemplate } from './template.js';

/**
 * A first start on a fresh PGlite folder loads the build's migrated empty database instead of
 * running initdb and every migration. The template here carries a marker table, so each test
 * can tell whether a folder was made from it or from empty.
 */
describe('the database template a first start loads', () => {
  let root: string;
  let templateFile: string;

  const folder = (name: string) => path.join(root, name);
  const hasMarker = async (database: Database) =>
    (
      await sql<{ n: number }>`select count(*)::int as n from pg_tables where tablename = 'template_marker'`.execute(
        database.db,
      )
    ).rows[0]!.n === 1;
  const schemaOf = async (database: Database) =>
    (
      await sql<{ line: string }>`
        select table_name || '.' || column_name || ' ' || data_type as line from information_schema.columns
        where table_schema = 'public' and table_name <> 'template_marker'
        union all select indexdef from pg_indexes where schemaname = 'public'
        union all select 'migration ' || name from kysely_migration
        order by 1`.execute(database.db)
    ).rows.map((r) => r.line);

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'joinedup-template-'));
    templateFile = path.join(root, 'db-template.tar');
    const made = await openDatabase({});
    try {
      await sql`create table template_marker (note text)`.execute(made.db);
      const dump = await made.dumpDataDir!();
      writeTemplate(templateFile, new Uint8Array(await dump.arrayBuffer()));
    } finally {
      await made.close();
    }
  }, 120_000);
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('makes a fresh folder from the template, with the same schema and migrations as one made from empty', async () => {
    const fromTemplate = await openDatabase({ dataDir: folder('a'), templateFile });
    const fromEmpty = await openDatabase({ dataDir: folder('b') });
    try {
      expect(await hasMarker(fromTemplate)).toBe(true);
      expect(await hasMarker(fromEmpty)).toBe(false);
      const schema = await schemaOf(fromTemplate);
      expect(schema).toContain('migration 0001_register');
      expect(schema).toEqual(await schemaOf(fromEmpty));
    } finally {
      await fromTemplate.close();
      await fromEmpty.close();
    }
  }, 120_000);

  it('opens a folder that already holds a database as it is, never replacing it with the template', async () => {
    const first = await openDatabase({ dataDir: folder('kept'), templateFile });
    await sql`insert into template_marker (note) values ('written after the first start')`.execute(first.db);
    await first.close();
    const reopened = await openDatabase({ dataDir: folder('kept'), templateFile });
    try {
      const { rows } = await sql<{ note: string }>`select note from template_marker`.execute(reopened.db);
      expect(rows.map((r) => r.note)).toEqual(['written after the first start']);
    } finally {
      await reopened.close();
    }
  }, 120_000);

  it('is not used when another PGlite or another set of migrations made it', async () => {
    const label = currentTemplateLabel();
    const relabel = (changed: object) =>
      fs.writeFileSync(`${templateFile}.json`, JSON.stringify({ ...label, ...changed }));
    try {
      relabel({ pglite: '0.0.1' });
      expect(await usableTemplate(templateFile)).toBeUndefined();
      relabel({ migrations: label.migrations.slice(0, -1) });
      expect(await usableTemplate(templateFile)).toBeUndefined();
      const database = await openDatabase({ dataDir: folder('relabelled'), templateFile });
      try {
        expect(await hasMarker(database)).toBe(false);
        expect(await schemaOf(database)).toContain(`migration ${label.migrations.at(-1)}`);
      } finally {
        await database.close();
      }
      relabel({});
      expect(await usableTemplate(templateFile)).toBeInstanceOf(Blob);
    } finally {
      relabel({});
    }
  }, 120_000);
});
