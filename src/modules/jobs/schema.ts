import type { ColumnType, Generated, Selectable } from 'kysely';
import type { Migration } from 'kysely/migration';
import { z } from 'zod';
import { runStatements } from '../../db/statements.js';

/**
 * Background jobs: long work (imports, large exports, national generation and analysis) runs
 * outside the request that asked for it. The row is both the queue entry and the record people
 * see afterwards: who asked, for which locality, how far it got, and its result or errors.
 */
export const jobsMigration: Migration = {
  async up(db) {
    await runStatements(
      db,
      `
      create table jobs (
        id uuid primary key default gen_random_uuid(),
        kind text not null,
        title text not null,
        state text not null default 'queued' check (state in ('queued', 'running', 'succeeded', 'failed')),
        locality_id uuid references localities(id),
        owner_id text not null,
        owner_label text not null,
        payload jsonb not null default '{}',
        done integer not null default 0,
        total integer not null default 0,
        message text,
        result jsonb,
        error text,
        attempts integer not null default 0,
        max_attempts integer not null default 1,
        created_at timestamptz not null default now(),
        started_at timestamptz,
        finished_at timestamptz,
        heartbeat_at timestamptz
      );
      create index jobs_waiting on jobs (created_at) where state = 'queued';
      create index jobs_running on jobs (heartbeat_at) where state = 'running';
      create index jobs_locality on jobs (locality_id, created_at desc);
      create index jobs_owner on jobs (owner_id, created_at desc)
      `,
    );
  },
};

export const JOB_STATES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json = ColumnType<unknown, string | null | undefined, string | null>;

export interface JobsTable {
  id: Generated<string>;
  kind: string;
  title: string;
  state: Generated<JobState>;
  locality_id: string | null;
  owner_id: string;
  owner_label: string;
  payload: ColumnType<unknown, string, string>;
  done: Generated<number>;
  total: Generated<number>;
  message: string | null;
  result: Json;
  error: string | null;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  created_at: Timestamp;
  started_at: NullableTimestamp;
  finished_at: NullableTimestamp;
  heartbeat_at: NullableTimestamp;
}

export interface JobTables {
  jobs: JobsTable;
}

export type JobRow = Selectable<JobsTable>;

export const jobOutput = z.object({
  id: z.uuid(),
  kind: z.string().meta({ description: 'What the job does, e.g. exchange.import' }),
  title: z.string(),
  state: z.enum(JOB_STATES),
  localityCode: z.string().nullable(),
  owner: z.string().meta({ description: 'Who started it' }),
  progress: z.object({
    done: z.number().int(),
    total: z.number().int(),
    percent: z.number().int().meta({ description: '0–100; 0 while the total is not known' }),
    message: z.string().nullable(),
  }),
  result: z
    .unknown()
    .nullable()
    .meta({ description: 'What the job produced, once it succeeded (or what it found, once it failed)' }),
  error: z.string().nullable(),
  attempts: z.number().int(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  links: z.object({ page: z.string(), result: z.string().nullable() }),
});
export type JobOutput = z.infer<typeof jobOutput>;

export const jobListQuery = z.object({
  locality: z.string().trim().toUpperCase().optional().meta({ description: 'Only this locality’s jobs (GSS code)' }),
  state: z.enum(JOB_STATES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).default(1).catch(1),
});
