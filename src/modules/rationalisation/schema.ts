import type { ColumnType, Generated, Selectable } from 'kysely';
import type { Migration } from 'kysely/migration';
import { z } from 'zod';
import { isoDate, optionalText, requiredText, recordVersion } from '../../core/validation.js';
import { runStatements } from '../../db/statements.js';
import { LAYERS } from '../register/schema.js';

/**
 * The rationalisation tables:
 *  - rationalisation_plans: a locality's plan (title, rationale, effective date, consent round);
 *  - rationalisation_operations: its merges, nestings, closures and re-layerings, in order;
 *  - rationalisation_consents: each affected partnership's answer, per consent round;
 *  - rationalisation_comments: the Government Office adviser's advice (and replies);
 *  - partnership_lineage: what a carried-out plan did to each partnership (merged into, nested
 *    under, closed, re-layered), read by the lineage pages;
 *  - partnership_changes: dated changes of a partnership's parent, layer and meeting pattern,
 *    written by rationalisation and by register edits, so the register can be shown as at any
 *    past date (establishment, closure and seats are dated in the register itself).
 */
export const rationalisationMigration: Migration = {
  async up(db) {
    await runStatements(
      db,
      `
      create table rationalisation_plans (
        id uuid primary key default gen_random_uuid(),
        locality_id uuid not null references localities(id),
        reference text not null,
        title text not null,
        rationale text not null,
        cluster_id text,
        effective_on date not null,
        status text not null default 'open' check (status in ('open', 'carried-out', 'withdrawn')),
        consent_round integer not null default 1,
        predicted_saving_pence bigint,
        comparison jsonb,
        created_by text not null,
        created_at timestamptz not null default now(),
        carried_out_at timestamptz,
        carried_out_by text,
        version integer not null default 1,
        updated_at timestamptz not null default now()
      );
      create unique index rationalisation_plans_reference on rationalisation_plans (locality_id, reference);

      create table rationalisation_operations (
        id uuid primary key default gen_random_uuid(),
        plan_id uuid not null references rationalisation_plans(id) on delete cascade,
        position integer not null,
        kind text not null check (kind in ('merge', 'nest', 'close', 'relayer')),
        subject_ids jsonb not null,
        target_id uuid references partnerships(id),
        new_name text,
        new_layer text check (new_layer in ('strategic', 'executive', 'operational')),
        change_parent boolean not null default false,
        meetings_per_year integer check (meetings_per_year between 0 and 365),
        meeting_minutes integer check (meeting_minutes between 0 and 1440),
        reason text,
        result_id uuid references partnerships(id)
      );
      create index rationalisation_operations_plan on rationalisation_operations (plan_id, position);

      create table rationalisation_consents (
        id uuid primary key default gen_random_uuid(),
        plan_id uuid not null references rationalisation_plans(id) on delete cascade,
        partnership_id uuid not null references partnerships(id),
        round integer not null,
        decision text not null check (decision in ('agree', 'conditions', 'object')),
        detail text,
        on_behalf_of_board boolean not null default false,
        recorded_by text not null,
        recorded_by_id text,
        recorded_at timestamptz not null default now()
      );
      create index rationalisation_consents_plan on rationalisation_consents (plan_id, round);

      create table rationalisation_comments (
        id uuid primary key default gen_random_uuid(),
        plan_id uuid not null references rationalisation_plans(id) on delete cascade,
        author text not null,
        author_id text,
        author_role text not null,
        body text not null,
        created_at timestamptz not null default now()
      );
      create index rationalisation_comments_plan on rationalisation_comments (plan_id, created_at);

      create table partnership_lineage (
        id uuid primary key default gen_random_uuid(),
        locality_id uuid not null references localities(id),
        plan_id uuid references rationalisation_plans(id),
        kind text not null check (kind in ('merged-into', 'nested-under', 'closed', 'relayered')),
        from_id uuid not null references partnerships(id),
        to_id uuid references partnerships(id),
        detail text,
        effective_on date not null,
        created_at timestamptz not null default now()
      );
      create index partnership_lineage_from on partnership_lineage (from_id);
      create index partnership_lineage_to on partnership_lineage (to_id);

      create table partnership_changes (
        id uuid primary key default gen_random_uuid(),
        partnership_id uuid not null references partnerships(id),
        field text not null check (field in ('parent_id', 'layer', 'meetings_per_year', 'meeting_minutes', 'typical_attendance')),
        before text,
        after text,
        effective_on date not null,
        created_at timestamptz not null default now()
      );
      create index partnership_changes_partnership on partnership_changes (partnership_id, effective_on)
      `,
    );
  },
};

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string | null | undefined, string | null>;
type IdList = ColumnType<string[], string, string>;

export const PLAN_STATUSES = ['open', 'carried-out', 'withdrawn'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export const OPERATION_KINDS = ['merge', 'nest', 'close', 'relayer'] as const;
export type OperationKind = (typeof OPERATION_KINDS)[number];
export const DECISIONS = ['agree', 'conditions', 'object'] as const;
export type Decision = (typeof DECISIONS)[number];
export const CHANGE_FIELDS = [
  'parent_id',
  'layer',
  'meetings_per_year',
  'meeting_minutes',
  'typical_attendance',
] as const;
export type ChangeField = (typeof CHANGE_FIELDS)[number];

export const OPERATION_LABELS: Record<OperationKind, string> = {
  merge: 'Merge',
  nest: 'Nest',
  close: 'Close',
  relayer: 'Re-layer or change reporting line',
};
export const DECISION_LABELS: Record<Decision, string> = {
  agree: 'Agreed',
  conditions: 'Agreed with conditions',
  object: 'Objected',
};
export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = {
  open: 'Open for agreement',
  'carried-out': 'Carried out',
  withdrawn: 'Withdrawn',
};

export interface RationalisationPlansTable {
  id: Generated<string>;
  locality_id: string;
  reference: string;
  title: string;
  rationale: string;
  cluster_id: string | null;
  effective_on: string;
  status: Generated<PlanStatus>;
  consent_round: Generated<number>;
  predicted_saving_pence: ColumnType<string | null, number | null | undefined, number | null>;
  comparison: Json;
  created_by: string;
  created_at: Timestamp;
  carried_out_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  carried_out_by: string | null;
  version: Generated<number>;
  updated_at: Timestamp;
}

export interface RationalisationOperationsTable {
  id: Generated<string>;
  plan_id: string;
  position: number;
  kind: OperationKind;
  subject_ids: IdList;
  target_id: string | null;
  new_name: string | null;
  new_layer: string | null;
  change_parent: Generated<boolean>;
  meetings_per_year: number | null;
  meeting_minutes: number | null;
  reason: string | null;
  result_id: string | null;
}

export interface RationalisationConsentsTable {
  id: Generated<string>;
  plan_id: string;
  partnership_id: string;
  round: number;
  decision: Decision;
  detail: string | null;
  on_behalf_of_board: Generated<boolean>;
  recorded_by: string;
  recorded_by_id: string | null;
  recorded_at: Timestamp;
}

export interface RationalisationCommentsTable {
  id: Generated<string>;
  plan_id: string;
  author: string;
  author_id: string | null;
  author_role: string;
  body: string;
  created_at: Timestamp;
}

export interface PartnershipLineageTable {
  id: Generated<string>;
  locality_id: string;
  plan_id: string | null;
  kind: 'merged-into' | 'nested-under' | 'closed' | 'relayered';
  from_id: string;
  to_id: string | null;
  detail: string | null;
  effective_on: string;
  created_at: Timestamp;
}

export interface PartnershipChangesTable {
  id: Generated<string>;
  partnership_id: string;
  field: ChangeField;
  before: string | null;
  after: string | null;
  effective_on: string;
  created_at: Timestamp;
}

export interface RationalisationTables {
  rationalisation_plans: RationalisationPlansTable;
  rationalisation_operations: RationalisationOperationsTable;
  rationalisation_consents: RationalisationConsentsTable;
  rationalisation_comments: RationalisationCommentsTable;
  partnership_lineage: PartnershipLineageTable;
  partnership_changes: PartnershipChangesTable;
}

export type PlanRow = Selectable<RationalisationPlansTable>;
export type OperationRow = Selectable<RationalisationOperationsTable>;
export type ConsentRow = Selectable<RationalisationConsentsTable>;
export type CommentRow = Selectable<RationalisationCommentsTable>;
export type LineageRow = Selectable<PartnershipLineageTable>;

// --- inputs ------------------------------------------------------------------------------

const partnershipId = (message: string) => z.uuid({ message });
const count = (label: string, max: number) =>
  z
    .number({ error: `${label} must be a whole number` })
    .int({ message: `${label} must be a whole number` })
    .min(0, { message: `${label} must be 0 or more` })
    .max(max, { message: `${label} must be ${max} or fewer` })
    .optional();

export const planInput = z.object({
  title: requiredText(200, 'Enter a title for the plan', 'Title'),
  rationale: requiredText(4000, 'Say why the locality is making these changes', 'Rationale'),
  effectiveOn: isoDate('Enter the date the changes take effect, for example 1 4 2027'),
  clusterId: z.string().trim().max(100).optional(),
});
export type PlanInput = z.infer<typeof planInput>;
export const planUpdate = planInput.extend({ version: recordVersion().optional() });

/**
 * One operation. merge: `subjectIds` are merged; with `targetId` (one of them) that one
 * continues, without it a new partnership called `newName` is made. nest: each subject goes
 * under `targetId`. close: each subject closes, for `reason`. relayer: each subject takes
 * `newLayer` and/or, with `changeParent`, reports to `targetId` (none when blank).
 */
export const operationInput = z.object({
  kind: z.enum(OPERATION_KINDS, { error: 'Choose what to do: merge, nest, close or re-layer' }),
  subjectIds: z
    .array(partnershipId('Choose partnerships from the list'))
    .min(1, { message: 'Choose at least one partnership' })
    .max(20, { message: 'Choose up to 20 partnerships' }),
  targetId: partnershipId('Choose a partnership from the list').optional(),
  newName: optionalText(200, 'Name of the merged partnership'),
  newLayer: z.enum(LAYERS, { error: 'Choose a layer: strategic, executive or operational' }).optional(),
  changeParent: z.boolean().default(false),
  meetingsPerYear: count('Meetings a year', 365),
  meetingMinutes: count('Meeting length', 1440),
  reason: optionalText(2000, 'Reason'),
});
export type OperationInput = z.infer<typeof operationInput>;

export const consentInput = z.object({
  partnershipId: partnershipId('Choose the partnership whose answer this is'),
  decision: z.enum(DECISIONS, { error: 'Choose agree, agree with conditions or object' }),
  detail: optionalText(4000, 'Reasons or conditions'),
  onBehalfOfBoard: z.boolean().default(false),
});
export type ConsentInput = z.infer<typeof consentInput>;

export const commentInput = z.object({
  body: requiredText(4000, 'Enter your comment', 'Comment'),
});

export const asAtQuery = z.object({
  asAt: isoDate('Enter a real date, for example 30 11 2026').optional(),
});
