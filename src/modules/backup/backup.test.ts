import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, openTestDatabase, type TestDatabase } from '../../../test/helpers/database.js';
import { createServices } from '../../services.js';
import { loadConfig } from '../../config.js';
import { cliActor } from '../../core/actor.js';
import type { Db } from '../../db/database.js';
import { latestMigration } from '../../db/migrations.js';
import { HEALTH_CHECK_CODE } from '../assurance/checklists.js';
import { GOOD_FILES } from '../exchange/fixtures.js';
import { BackupMismatchError, backupDatabase, holdsData, restoreDatabase } from './backup.js';
import { describeTables } from './schema.js';

const actor = cliActor('test');
const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
const servicesFor = (database: TestDatabase) => createServices(database, config);

/** Every application table's rows as PostgreSQL prints them: exact, whatever the engine. */
async function snapshot(db: Db): Promise<Record<string, string[]>> {
  return db.transaction().execute(async (trx) => {
    // Timestamps print in the session's time zone, which differs between engines.
    await sql`set local time zone 'UTC'`.execute(trx);
    const out: Record<string, string[]> = {};
    for (const table of await describeTables(trx)) {
      const result = await sql<{
        row: string;
      }>`select row_to_json(t)::text as row from ${sql.table(table.name)} t`.execute(trx);
      out[table.name] = result.rows.map((r) => r.row).sort();
    }
    return out;
  });
}

async function populate(database: TestDatabase): Promise<void> {
  const services = servicesFor(database);
  await services.reference.ensureSeeded();
  await services.register.createLocality(actor, {
    gssCode: 'E07000901',
    name: 'Backup Town',
    kind: 'district',
    region: 'East Midlands',
  });
  await services.exchange.importFiles(actor, 'E07000901', GOOD_FILES);
  // A document kept as evidence: its bytes (a bytea column) go through the round trip too.
  const partnership = await database.db
    .selectFrom('partnerships')
    .select('id')
    .where('reference', '=', 'P-0001')
    .executeTakeFirstOrThrow();
  const assessment = await services.assurance.startAssessment(actor, 'E07000901', {
    partnershipId: partnership.id,
    checklistCode: HEALTH_CHECK_CODE,
  });
  await services.assurance.addDocument(actor, 'E07000901', assessment.id, 'purpose-clear', {
    name: 'minutes.pdf',
    content: Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x00, 0xff, 0x80, 0x5c, 0x0a]),
  });
}

describe.each(backends)('backup and restore (%s)', (backend) => {
  let source: TestDatabase;
  let folder: string;
  let file: string;
  beforeAll(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'joinedup-backup-'));
    file = path.join(folder, 'register.jsonl.gz');
    source = await openTestDatabase(backend);
    await populate(source);
  });
  afterAll(async () => {
    await source?.destroy();
    await fs.rm(folder, { recursive: true, force: true });
  });

  it('backs up a populated database and restores it exactly into a fresh one', async () => {
    const progress: number[] = [];
    const summary = await backupDatabase(source, file, (done) => progress.push(done));
    expect(summary.rows).toMatchObject({
      localities: 1,
      organisations: 4,
      partnerships: 3,
      memberships: 6,
      assurance_documents: 1,
    });
    expect(progress.at(-1)).toBe(Object.values(summary.rows).reduce((a, b) => a + b, 0));

    const target = await openTestDatabase(backend);
    try {
      expect(await holdsData(target.db)).toBe(false);
      const restored = await restoreDatabase(target, file);
      expect(restored.rows).toEqual(summary.rows);
      expect(await snapshot(target.db)).toEqual(await snapshot(source.db));

      const child = await target.db
        .selectFrom('partnerships')
        .select(['parent_id', 'status'])
        .where('reference', '=', 'P-0002')
        .executeTakeFirstOrThrow();
      const parent = await target.db
        .selectFrom('partnerships')
        .select('id')
        .where('reference', '=', 'P-0001')
        .executeTakeFirstOrThrow();
      expect(child.parent_id).toBe(parent.id);

      // The audit trail's identity continues after the restored ids.
      const services = servicesFor(target);
      const highest = await target.db
        .selectFrom('audit_events')
        .select(sql<number>`max(id)`.as('id'))
        .executeTakeFirstOrThrow();
      await services.register.createOrganisation(actor, 'E07000901', {
        name: 'After Restore Ltd',
        sector: 'private',
        orgType: 'business',
      });
      const latest = await target.db
        .selectFrom('audit_events')
        .select(sql<number>`max(id)`.as('id'))
        .executeTakeFirstOrThrow();
      expect(Number(latest.id)).toBe(Number(highest.id) + 1);
    } finally {
      await target.destroy();
    }
  });

  it('replaces data that is already there, in one go', async () => {
    await backupDatabase(source, file);
    const before = await snapshot(source.db);
    await servicesFor(source).register.createOrganisation(actor, 'E07000901', {
      name: 'Added Later',
      sector: 'private',
      orgType: 'business',
    });
    expect(await snapshot(source.db)).not.toEqual(before);
    await restoreDatabase(source, file);
    expect(await snapshot(source.db)).toEqual(before);
  });

  it('refuses a backup from another migration, and changes nothing', async () => {
    await backupDatabase(source, file);
    const lines = gunzipSync(await fs.readFile(file))
      .toString('utf8')
      .split('\n');
    const header = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
    lines[0] = JSON.stringify({ ...header, migration: '0000_older' });
    const other = path.join(folder, 'older.jsonl.gz');
    await fs.writeFile(other, gzipSync(lines.join('\n')));
    const before = await snapshot(source.db);
    const error = await restoreDatabase(source, other).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupMismatchError);
    expect((error as Error).message).toContain(`migration 0000_older; this one is at ${latestMigration()}`);
    expect(await snapshot(source.db)).toEqual(before);
  });

  it('refuses a truncated backup, and changes nothing', async () => {
    await backupDatabase(source, file);
    const lines = gunzipSync(await fs.readFile(file))
      .toString('utf8')
      .trimEnd()
      .split('\n');
    const truncated = path.join(folder, 'truncated.jsonl.gz');
    await fs.writeFile(truncated, gzipSync(lines.slice(0, -3).join('\n')));
    const before = await snapshot(source.db);
    await servicesFor(source).register.createOrganisation(actor, 'E07000901', {
      name: 'Kept After Failure',
      sector: 'private',
      orgType: 'business',
    });
    const kept = await snapshot(source.db);
    await expect(restoreDatabase(source, truncated)).rejects.toThrow(/incomplete/);
    expect(await snapshot(source.db)).toEqual(kept);
    expect(kept).not.toEqual(before);
  });

  it('refuses a file that is not a backup', async () => {
    const notBackup = path.join(folder, 'not-a-backup.csv');
    await fs.writeFile(notBackup, 'name,sector\n');
    await expect(restoreDatabase(source, notBackup)).rejects.toThrow(/not a Joined Up backup/);
  });
});

describe.runIf(backends.includes('postgres'))('backup from PGlite, restore into PostgreSQL', () => {
  it('moves the data exactly from one engine to the other', async () => {
    const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'joinedup-backup-'));
    const embedded = await openTestDatabase('pglite');
    const server = await openTestDatabase('postgres');
    try {
      await populate(embedded);
      const file = path.join(folder, 'move.jsonl.gz');
      await backupDatabase(embedded, file);
      await restoreDatabase(server, file);
      expect(await snapshot(server.db)).toEqual(await snapshot(embedded.db));
    } finally {
      await embedded.destroy();
      await server.destroy();
      await fs.rm(folder, { recursive: true, force: true });
    }
  });
});

/**
 * Every export lists its rows in an order fixed by what they hold, not by where the database
 * happens to keep them: a restore writes rows in a new physical order, and the same register
 * must still export byte for byte the same.
 */
describe.each(backends)('exports after a restore (%s)', (backend) => {
  const CODE = 'E07000902';
  let source: TestDatabase;
  let target: TestDatabase;
  let folder: string;

  beforeAll(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'joinedup-backup-order-'));
    source = await openTestDatabase(backend);
    const services = servicesFor(source);
    await services.reference.ensureSeeded();
    await services.register.createLocality(actor, {
      gssCode: CODE,
      name: 'Order Town',
      kind: 'district',
      region: 'London',
    });
    // Ties where an export sorts: one organisation holding several seats on every board.
    const council = await services.register.createOrganisation(actor, CODE, {
      name: 'Order Council',
      sector: 'public',
      orgType: 'district-council',
    });
    const base = { purpose: 'Working together', basis: 'voluntary', legalForm: 'unincorporated', layer: 'operational' };
    for (let i = 0; i < 12; i++) {
      const board = await services.register.createPartnership(actor, CODE, {
        ...base,
        name: `Order Board ${i + 1}`,
      });
      for (const representative of ['Zoe Zed', 'Amy Ash', 'Mo Moss', 'Bea Birch'])
        await services.register.addMembership(actor, CODE, board.id, {
          organisationId: council.id,
          role: 'member',
          representative,
        });
    }
    const file = path.join(folder, 'order.jsonl.gz');
    await backupDatabase(source, file);
    target = await openTestDatabase(backend);
    await restoreDatabase(target, file);
  });
  afterAll(async () => {
    await source?.destroy();
    await target?.destroy();
    await fs.rm(folder, { recursive: true, force: true });
  });

  async function exports(database: TestDatabase) {
    const services = servicesFor(database);
    const sheets = await services.exchange.exportSheets(actor, CODE);
    const map = async (query: Record<string, string>, format: 'nodes.csv' | 'edges.csv' | 'graphml') =>
      (await services.map.exportMap(actor, CODE, query, format)).body;
    return {
      sheets: sheets.sheets,
      csv: await services.exchange.exportCsv(actor, CODE, 'memberships'),
      nodes: await map({ view: 'network', status: 'all' }, 'nodes.csv'),
      edges: await map({ view: 'network', status: 'all' }, 'edges.csv'),
      shared: await map({ view: 'partnerships', status: 'all' }, 'graphml'),
    };
  }

  it('exports the register, its workbook sheets and its map in the same order as before', async () => {
    const before = await exports(source);
    expect(before.sheets.find((s) => s.kind === 'memberships')?.rows).toHaveLength(48);
    expect(await exports(target)).toEqual(before);
  });
});
