import type { ColumnType, Generated, Selectable } from 'kysely';
import type { Migration } from 'kysely/migration';
import { z } from 'zod';
import { runStatements } from '../../db/statements.js';

/**
 * Officers' judgements on pairs (one row per pair, the lower id first), and each locality's
 * sensitivity. Both feed every later analysis, the pre-check and the map.
 */
export const overlapMigration: Migration = {
  async up(db) {
    await runStatements(
      db,
      `
      create table overlap_judgements (
        id uuid primary key default gen_random_uuid(),
        locality_id uuid not null references localities(id),
        partnership_a uuid not null references partnerships(id) on delete cascade,
        partnership_b uuid not null references partnerships(id) on delete cascade,
        verdict text not null check (verdict in ('same', 'different')),
        reason text,
        score_at_judgement double precision not null,
        judged_by uuid references users(id),
        judged_by_name text not null,
        judged_at timestamptz not null default now(),
        version integer not null default 1,
        check (partnership_a < partnership_b),
        unique (partnership_a, partnership_b)
      );
      create index overlap_judgements_locality on overlap_judgements (locality_id, judged_at);

      create table overlap_settings (
        locality_id uuid primary key references localities(id),
        likely double precision not null check (likely > 0 and likely <= 1),
        look double precision not null check (look > 0 and look <= likely),
        updated_by_name text not null,
        updated_at timestamptz not null default now(),
        version integer not null default 1
      );
      `,
    );
  },
};

/**
 * Each locality's part of the last analysis, kept with the version of the register, judgements,
 * settings, rates and thesaurus it was computed from: a restarted process, or a second one on
 * the same database, uses it instead of scoring the locality again. Derived data: it can be
 * emptied at any time and is computed again on the next look.
 */
export const overlapPartsMigration: Migration = {
  async up(db) {
    await runStatements(
      db,
      `
      create table overlap_parts (
        locality_id uuid not null references localities(id) on delete cascade,
        scope text not null,
        version text not null,
        computed_at timestamptz not null default now(),
        part jsonb not null,
        primary key (locality_id, scope)
      );
      `,
    );
  },
};

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface OverlapJudgementsTable {
  id: Generated<string>;
  locality_id: string;
  partnership_a: string;
  partnership_b: string;
  verdict: 'same' | 'different';
  reason: string | null;
  score_at_judgement: number;
  judged_by: string | null;
  judged_by_name: string;
  judged_at: Timestamp;
  version: Generated<number>;
}

export interface OverlapSettingsTable {
  locality_id: string;
  likely: number;
  look: number;
  updated_by_name: string;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface OverlapPartsTable {
  locality_id: string;
  /** How the part was read and costed: `locality` or `wide` reading, and the cost rates. */
  scope: string;
  version: string;
  computed_at: Timestamp;
  /** A LocalityPart (analysis.ts) as JSON. */
  part: ColumnType<unknown, string, string>;
}

export interface OverlapTables {
  overlap_judgements: OverlapJudgementsTable;
  overlap_settings: OverlapSettingsTable;
  overlap_parts: OverlapPartsTable;
}

export type OverlapJudgementRow = Selectable<OverlapJudgementsTable>;

const MAX_REASON = 2000;

/** An officer's judgement on a pair, as the page and the API take it. */
export const judgementInput = z
  .object({
    verdict: z.enum(['same', 'different'], { error: 'Choose whether they do the same work' }),
    reason: z
      .string()
      .trim()
      .max(MAX_REASON, { error: `The reason must be ${MAX_REASON} characters or fewer` })
      .optional()
      .transform((v) => (v ? v : undefined)),
    version: z.coerce.number().int().min(0).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.verdict === 'different' && !value.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Say why they are not duplicates' });
  });
export type JudgementInput = z.infer<typeof judgementInput>;

/** A locality's sensitivity: the two thresholds, as percentages on the page. */
export const settingsInput = z
  .object({
    likely: z.coerce
      .number({ error: 'Enter the score for "likely the same work" as a number' })
      .min(5, { error: '"Likely the same work" must be 5% or more' })
      .max(100, { error: '"Likely the same work" must be 100% or less' }),
    look: z.coerce
      .number({ error: 'Enter the score for "worth a look" as a number' })
      .min(5, { error: '"Worth a look" must be 5% or more' })
      .max(100, { error: '"Worth a look" must be 100% or less' }),
    version: z.coerce.number().int().min(0).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.look > value.likely)
      ctx.addIssue({
        code: 'custom',
        path: ['look'],
        message: '"Worth a look" must not be above "likely the same work"',
      });
  });
export type SettingsInput = z.infer<typeof settingsInput>;
