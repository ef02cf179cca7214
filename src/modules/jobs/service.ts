import crypto from 'node:crypto';
import { isUuid } from '../../core/validation.js';
import type { Principal } from '../../core/actor.js';
import { NotFoundError, ValidationError } from '../../core/errors.js';
import type { Db } from '../../db/database.js';
import { canReadRestricted, isSystem } from '../accounts/policy.js';
import type { RegisterService } from '../register/service.js';
import { type JobFilter, JobRepository } from './repository.js';
import { type JobOutput, type JobRow, jobListQuery } from './schema.js';

/** What a running job is given: its payload, who asked, a way to report progress, and a stop signal. */
export interface JobContext<P> {
  job: JobRow;
  payload: P;
  /** The person (or command) who started it, with their roles as they are now. */
  principal: Principal;
  /** Reports progress: `done` of `total` units, with a short message. Cheap: call it often. */
  progress(done: number, total: number, message?: string): void;
  /** Aborted when the server stops: give up at the next step; the job is queued again. */
  signal: AbortSignal;
}

/** A kind of job: how to name it, run it and tell the outcome. Capabilities register their kinds. */
export interface JobDefinition<P = unknown> {
  title(payload: P): string;
  run(context: JobContext<P>): Promise<unknown>;
  /**
   * An error that is the job's outcome, not a crash (an import refused for bad rows): the job
   * fails with this message and keeps the result (the list of problems). Others fail it with
   * the error's message.
   */
  failure?(error: unknown): { error: string; result?: unknown } | undefined;
  /**
   * How many times the job may start. A job that was running when its server stopped is
   * started again while it has attempts left, otherwise marked failed. Only kinds whose work
   * leaves nothing behind when interrupted (one transaction) should allow more than one.
   */
  maxAttempts?: number;
  /** Where its outcome is shown once it has finished (e.g. the register it imported into, or its problems). */
  resultLink?(job: JobRow): string | null;
}

export interface Progress {
  done: number;
  total: number;
  message: string | null;
}

/** Thrown by a handler that noticed the stop signal: the job goes back in the queue. */
export class JobInterrupted extends Error {
  constructor() {
    super('The job was interrupted');
    this.name = 'JobInterrupted';
  }
}

/** How long a running job on PostgreSQL may go unheard before another server takes it as orphaned. */
const STALE_AFTER_MS = 2 * 60 * 1000;
const HEARTBEAT_MS = 15 * 1000;
/** Progress is kept in memory at every call and written to the table at most this often. */
const PROGRESS_WRITE_MS = 1000;
const LIST_PAGE_SIZE = 25;

export interface JobServiceOptions {
  /** Who a job's owner is now (their roles may have changed since they started it). */
  principalFor(ownerId: string): Promise<Principal | undefined>;
  /**
   * 'pglite': one process owns the database, so every job found running at start is an orphan;
   * 'postgres': other servers may be working, so only jobs unheard of for a while are.
   */
  kind: 'pglite' | 'postgres';
}

/**
 * Background jobs on the `jobs` table, the same on PGlite and PostgreSQL (see ARCHITECTURE.md):
 * capabilities register a handler per kind, anyone allowed enqueues, and a worker in each server
 * process claims waiting jobs one at a time (`for update skip locked`, so several servers share
 * one queue), reports progress, and keeps the result or the errors. A job that was running when
 * its server stopped is started again (if its kind allows) or marked failed.
 */
export class JobService {
  readonly repository = new JobRepository();
  private readonly definitions = new Map<string, JobDefinition<never>>();
  private readonly live = new Map<string, Progress>();
  private readonly workerId = crypto.randomUUID();
  private running?: { id: string; controller: AbortController; settled: Promise<void> };
  private loop?: Promise<void>;
  private wake?: () => void;
  private stopping = false;
  private sweepTimer?: NodeJS.Timeout;

  constructor(
    private readonly db: Db,
    private readonly register: RegisterService,
    private readonly options: JobServiceOptions,
  ) {}

  /** Declares a kind of job; call once per kind when the services are composed. */
  define<P>(kind: string, definition: JobDefinition<P>): void {
    if (this.definitions.has(kind)) throw new Error(`The job kind ${kind} is defined twice`);
    this.definitions.set(kind, definition as JobDefinition<never>);
  }

  /** Queues a job for the worker; returns at once with its record. */
  async enqueue<P>(
    principal: Principal,
    kind: string,
    payload: P,
    options: { localityId?: string | null; db?: Db } = {},
  ): Promise<JobRow> {
    const definition = this.definition<P>(kind);
    const job = await this.repository.insert(options.db ?? this.db, {
      kind,
      title: definition.title(payload),
      localityId: options.localityId ?? null,
      ownerId: principal.id,
      ownerLabel: principal.label,
      payload,
      maxAttempts: definition.maxAttempts ?? 1,
    });
    this.wake?.();
    return job;
  }

  /**
   * Runs a job here and now rather than through the worker (the command line, where the
   * process is the worker): the same record, progress and outcome as in the background.
   */
  async runInForeground<P>(
    principal: Principal,
    kind: string,
    payload: P,
    options: { localityId?: string | null; onProgress?: (progress: Progress) => void } = {},
  ): Promise<JobRow> {
    const queued = await this.enqueue(principal, kind, payload, options);
    const claimed = await this.repository.claimOne(this.db, queued.id);
    if (!claimed) throw new Error(`The job ${queued.id} was taken by another worker`);
    return this.execute(claimed, options.onProgress);
  }

  // --- reading --------------------------------------------------------------------------------

  /** A job, for someone allowed to see it: its owner, readers of its locality, or a system administrator. */
  async get(principal: Principal, id: string): Promise<JobOutput> {
    const row = isUuid(id) ? await this.repository.get(this.db, id) : undefined;
    if (!row || !(await this.canSee(principal, row))) throw new NotFoundError('Job');
    return this.output(row, row.locality_id ? await this.localityCode(row.locality_id) : null);
  }

  /** The raw record, for the capability that owns the kind (its payload and result). */
  async record(principal: Principal, id: string): Promise<JobRow> {
    const row = isUuid(id) ? await this.repository.get(this.db, id) : undefined;
    if (!row || !(await this.canSee(principal, row))) throw new NotFoundError('Job');
    return { ...row, ...this.progressOf(row) };
  }

  async list(principal: Principal, query: unknown = {}) {
    const q = jobListQuery.parse(query ?? {});
    if (principal.kind === 'public') return { items: [], total: 0, page: 1, pages: 1, query: q };
    const localities = await this.register.listLocalities();
    const only = q.locality ? localities.find((l) => l.gss_code === q.locality) : undefined;
    if (q.locality && !only) throw ValidationError.of('locality', `There is no locality ${q.locality}`);
    const filter: JobFilter = isSystem(principal)
      ? { all: true, state: q.state, onlyLocalityId: only?.id }
      : {
          state: q.state,
          onlyLocalityId: only?.id,
          localityIds: localities.filter((l) => canReadRestricted(principal, l)).map((l) => l.id),
          ownerId: principal.id,
        };
    const { rows, total } = await this.repository.list(this.db, filter, {
      limit: LIST_PAGE_SIZE,
      offset: (q.page - 1) * LIST_PAGE_SIZE,
    });
    return {
      items: rows.map((row) => this.output(row, row.locality_code)),
      total,
      page: q.page,
      pages: Math.max(1, Math.ceil(total / LIST_PAGE_SIZE)),
      query: q,
    };
  }

  private async canSee(principal: Principal, row: JobRow): Promise<boolean> {
    if (principal.kind === 'public') return false;
    if (isSystem(principal) || row.owner_id === principal.id) return true;
    if (!row.locality_id) return false;
    const locality = (await this.register.listLocalities()).find((l) => l.id === row.locality_id);
    return !!locality && canReadRestricted(principal, locality);
  }

  private async localityCode(id: string): Promise<string | null> {
    return (await this.register.listLocalities()).find((l) => l.id === id)?.gss_code ?? null;
  }

  /** Progress a job running in this process has reported and not yet written (it may be in a transaction). */
  liveProgress(id: string): Progress | undefined {
    return this.live.get(id);
  }

  private progressOf(row: JobRow): Progress {
    return this.live.get(row.id) ?? { done: row.done, total: row.total, message: row.message };
  }

  output(row: JobRow, localityCode: string | null): JobOutput {
    const progress = this.progressOf(row);
    const definition = this.definitions.get(row.kind);
    return {
      id: row.id,
      kind: row.kind,
      title: row.title,
      state: row.state,
      localityCode,
      owner: row.owner_label,
      progress: {
        ...progress,
        percent: progress.total > 0 ? Math.min(100, Math.floor((progress.done / progress.total) * 100)) : 0,
      },
      result: row.result ?? null,
      error: row.error,
      attempts: row.attempts,
      createdAt: new Date(row.created_at).toISOString(),
      startedAt: row.started_at ? new Date(row.started_at).toISOString() : null,
      finishedAt: row.finished_at ? new Date(row.finished_at).toISOString() : null,
      links: {
        page: `/jobs/${row.id}`,
        result: row.state === 'succeeded' || row.state === 'failed' ? (definition?.resultLink?.(row) ?? null) : null,
      },
    };
  }

  // --- the worker -----------------------------------------------------------------------------

  /** Starts this process's worker: recovers orphans, then claims and runs waiting jobs one at a time. */
  async start(): Promise<void> {
    if (this.loop) return;
    this.stopping = false;
    await this.recover();
    this.loop = this.work();
    if (this.options.kind === 'postgres') {
      // Another server may have died with a job running: look for orphans now and then.
      this.sweepTimer = setInterval(() => void this.recover().catch(() => undefined), STALE_AFTER_MS / 2).unref();
    }
  }

  /** Stops claiming; a running job is asked to stop and goes back in the queue, to resume at the next start. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearInterval(this.sweepTimer);
    this.running?.controller.abort();
    this.wake?.();
    await this.running?.settled;
    await this.loop;
    this.loop = undefined;
  }

  /** Resolves once no job is waiting or running in this process (tests and the command line). */
  async idle(): Promise<void> {
    for (;;) {
      if (this.running) await this.running.settled;
      const waiting = await this.db
        .selectFrom('jobs')
        .select('id')
        .where('state', 'in', ['queued', 'running'])
        .where('kind', 'in', [...this.definitions.keys()])
        .limit(1)
        .executeTakeFirst();
      if (!waiting && !this.running) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  private async work(): Promise<void> {
    while (!this.stopping) {
      const job = await this.repository.claim(this.db, [...this.definitions.keys()]).catch(() => undefined);
      if (job) {
        await this.execute(job);
        continue;
      }
      // On PostgreSQL another server may enqueue: look again now and then; here, when woken.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.options.kind === 'postgres' ? 2000 : 10_000);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }

  private async execute(job: JobRow, onProgress?: (progress: Progress) => void): Promise<JobRow> {
    const definition = this.definitions.get(job.kind);
    const controller = new AbortController();
    let release!: () => void;
    const settled = new Promise<void>((resolve) => (release = resolve));
    this.running = { id: job.id, controller, settled };
    let lastWrite = 0;
    const write = (progress: Progress) =>
      // Never awaited: on PGlite the write waits for the job's own transaction to end.
      void this.repository.progress(this.db, job.id, progress.done, progress.total, progress.message).catch(() => {});
    const heartbeat = setInterval(() => write(this.progressOf(job)), HEARTBEAT_MS).unref();
    try {
      if (!definition) throw new Error(`No handler for jobs of kind ${job.kind}`);
      const principal = await this.options.principalFor(job.owner_id);
      if (!principal) throw new Error('The person who started this job no longer has an account');
      const result = await definition.run({
        job,
        payload: job.payload as never,
        principal,
        signal: controller.signal,
        progress: (done, total, message) => {
          const progress = { done, total, message: message ?? this.live.get(job.id)?.message ?? null };
          this.live.set(job.id, progress);
          onProgress?.(progress);
          const now = Date.now();
          if (now - lastWrite >= PROGRESS_WRITE_MS) {
            lastWrite = now;
            write(progress);
          }
        },
      });
      const final = this.progressOf(job);
      return (await this.repository.finish(this.db, job.id, {
        state: 'succeeded',
        result: result ?? null,
        done: final.total || final.done,
        total: final.total,
      })) as JobRow;
    } catch (error) {
      if (controller.signal.aborted || error instanceof JobInterrupted) {
        await this.repository.requeue(this.db, job.id, 'Interrupted when the server stopped; it will start again');
        return { ...job, state: 'queued' };
      }
      const known = definition?.failure?.(error);
      return (await this.repository.finish(this.db, job.id, {
        state: 'failed',
        result: known?.result,
        error:
          known?.error ?? `The job stopped with an error: ${error instanceof Error ? error.message : String(error)}`,
      })) as JobRow;
    } finally {
      clearInterval(heartbeat);
      this.live.delete(job.id);
      this.running = undefined;
      release();
    }
  }

  /**
   * Jobs left running by a server that stopped without finishing them. Whatever they wrote was
   * in a transaction that never committed, so nothing is half-written: they start again while
   * they have attempts left, or are marked failed.
   */
  async recover(options: { staleAfterMs?: number } = {}): Promise<number> {
    const staleAfter = options.staleAfterMs ?? STALE_AFTER_MS;
    const before = this.options.kind === 'postgres' ? new Date(Date.now() - staleAfter) : undefined;
    const orphans = (await this.repository.orphans(this.db, before)).filter((j) => j.id !== this.running?.id);
    for (const job of orphans) {
      if (job.attempts < job.max_attempts)
        await this.repository.requeue(this.db, job.id, 'The server stopped while this job ran; it has started again');
      else
        await this.repository.finish(this.db, job.id, {
          state: 'failed',
          error:
            'The server stopped while this job was running. Nothing it had done was kept: start it again when you are ready.',
        });
    }
    return orphans.length;
  }

  private definition<P>(kind: string): JobDefinition<P> {
    const definition = this.definitions.get(kind);
    if (!definition) throw new Error(`Unknown job kind ${kind}`);
    return definition as unknown as JobDefinition<P>;
  }
}
