import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { JobRow, JobState } from './schema.js';

export interface NewJob {
  kind: string;
  title: string;
  localityId: string | null;
  ownerId: string;
  ownerLabel: string;
  payload: unknown;
  maxAttempts: number;
}

export interface JobFilter {
  localityIds?: string[];
  ownerId?: string;
  /** Everything (a system administrator). */
  all?: boolean;
  /** Narrows to one locality. */
  onlyLocalityId?: string;
  state?: JobState;
}

/** What claiming a job changes: it is running, one more attempt, heard from now. */
const START_RUNNING = sql`state = 'running', attempts = attempts + 1, started_at = coalesce(started_at, now()),
  heartbeat_at = now(), message = null`;

/** The jobs table: queue entries and their records. */
export class JobRepository {
  insert(db: Db, job: NewJob): Promise<JobRow> {
    return db
      .insertInto('jobs')
      .values({
        kind: job.kind,
        title: job.title,
        locality_id: job.localityId,
        owner_id: job.ownerId,
        owner_label: job.ownerLabel,
        payload: JSON.stringify(job.payload ?? {}),
        max_attempts: job.maxAttempts,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  get(db: Db, id: string): Promise<JobRow | undefined> {
    return db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /**
   * Takes the oldest waiting job of the given kinds and marks it running, in one statement.
   * `for update skip locked` lets several servers on one PostgreSQL claim jobs side by side
   * without ever taking the same one.
   */
  async claim(db: Db, kinds: string[]): Promise<JobRow | undefined> {
    if (kinds.length === 0) return undefined;
    const result = await sql<JobRow>`
      update jobs set ${START_RUNNING}
      where id = (
        select id from jobs where state = 'queued' and kind in (${sql.join(kinds)})
        order by created_at limit 1 for update skip locked
      )
      returning *`.execute(db);
    return result.rows[0];
  }

  /** Claims one particular waiting job (the command line runs the job it queued itself). */
  async claimOne(db: Db, id: string): Promise<JobRow | undefined> {
    const result = await sql<JobRow>`
      update jobs set ${START_RUNNING}
      where id = ${id} and state = 'queued'
      returning *`.execute(db);
    return result.rows[0];
  }

  async progress(db: Db, id: string, done: number, total: number, message: string | null): Promise<void> {
    await db
      .updateTable('jobs')
      .set({ done, total, message, heartbeat_at: sql`now()` })
      .where('id', '=', id)
      .where('state', '=', 'running')
      .execute();
  }

  async finish(
    db: Db,
    id: string,
    outcome: { state: 'succeeded' | 'failed'; result?: unknown; error?: string | null; done?: number; total?: number },
  ): Promise<JobRow | undefined> {
    return db
      .updateTable('jobs')
      .set({
        state: outcome.state,
        result: outcome.result === undefined ? null : JSON.stringify(outcome.result),
        error: outcome.error ?? null,
        finished_at: sql`now()`,
        heartbeat_at: sql`now()`,
        ...(outcome.done !== undefined ? { done: outcome.done } : {}),
        ...(outcome.total !== undefined ? { total: outcome.total } : {}),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
  }

  /** Puts a running job back in the queue (it stopped with the server, and will run again). */
  async requeue(db: Db, id: string, message: string): Promise<void> {
    await db
      .updateTable('jobs')
      .set({ state: 'queued', message, heartbeat_at: null })
      .where('id', '=', id)
      .where('state', '=', 'running')
      .execute();
  }

  /** Running jobs whose worker has not been heard from since `before` (all running ones when absent). */
  orphans(db: Db, before?: Date): Promise<JobRow[]> {
    let query = db.selectFrom('jobs').selectAll().where('state', '=', 'running');
    if (before) query = query.where('heartbeat_at', '<', before);
    return query.execute();
  }

  async list(db: Db, filter: JobFilter, page: { limit: number; offset: number }) {
    let query = db.selectFrom('jobs as j').leftJoin('localities as l', 'l.id', 'j.locality_id');
    if (!filter.all) {
      const localityIds = filter.localityIds ?? [];
      const ownerId = filter.ownerId;
      query = query.where((eb) =>
        eb.or([
          ...(localityIds.length ? [eb('j.locality_id', 'in', localityIds)] : []),
          ...(ownerId ? [eb('j.owner_id', '=', ownerId)] : []),
          sql<boolean>`false`,
        ]),
      );
    }
    if (filter.onlyLocalityId) query = query.where('j.locality_id', '=', filter.onlyLocalityId);
    if (filter.state) query = query.where('j.state', '=', filter.state);
    const [rows, total] = await Promise.all([
      query
        .selectAll('j')
        .select('l.gss_code as locality_code')
        .orderBy('j.created_at', 'desc')
        .limit(page.limit)
        .offset(page.offset)
        .execute(),
      query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(total.n) };
  }
}
