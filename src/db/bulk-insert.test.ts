import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { type TestDatabase, backends, openTestDatabase } from '../../test/helpers/database.js';
import { insertRows, insertRowsReturning } from './bulk-insert.js';

interface Row {
  n: number;
  label: string;
}
const COLUMNS = [
  ['n', 'integer'],
  ['label', 'text'],
] as const;
const rows = (count: number): Row[] => Array.from({ length: count }, (_, n) => ({ n, label: `row ’${n}’` }));

describe.each(backends)('bulk inserts (%s)', (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
    await sql`create table bulk_rows (id serial primary key, n integer not null, label text not null)`.execute(
      database.db,
    );
  }, 60_000);
  afterAll(() => database.destroy());

  it('writes every row in order, however many statements it takes, and gives them back as stored', async () => {
    await insertRows(database.db, 'bulk_rows', COLUMNS, rows(3_500));
    const stored = await insertRowsReturning<Row, Row & { id: number }>(database.db, 'bulk_rows', COLUMNS, rows(2_100));
    expect(stored.map((r) => r.n)).toEqual(rows(2_100).map((r) => r.n));
    const all = await sql<Row>`select n, label from bulk_rows order by id`.execute(database.db);
    expect(all.rows).toEqual([...rows(3_500), ...rows(2_100)]);
  });

  // On PGlite a statement runs on the server's own thread, so only pauses between statements let
  // a page in while an import writes; PostgreSQL's round trips let timers run anyway.
  it.runIf(backend === 'pglite')('lets timers (other requests) run between its statements', async () => {
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 1);
    try {
      await insertRows(database.db, 'bulk_rows', COLUMNS, rows(5_000));
    } finally {
      clearInterval(timer);
    }
    expect(ticks).toBeGreaterThanOrEqual(3);
  });
});
