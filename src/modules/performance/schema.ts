import type { ColumnType, Generated, Selectable } from 'kysely';
import type { Migration } from 'kysely/migration';
import { z } from 'zod';
import { optionalText, requiredText, recordVersion } from '../../core/validation.js';
import { runStatements } from '../../db/statements.js';
import { LAYERS } from '../register/schema.js';

/**
 * Plans → outcomes → targets → indicators, and the measurements of each indicator in a
 * locality. Measurements belong to the indicator and the locality, not to one plan: two
 * plans that target the same indicator read the same numbers (which is how overlap shows).
 */
export const performanceMigration: Migration = {
  async up(db) {
    await runStatements(
      db,
      `
      create table plans (
        id uuid primary key default gen_random_uuid(),
        locality_id uuid not null references localities(id),
        title text not null,
        plan_type text not null,
        owner_partnership_id uuid references partnerships(id),
        start_year integer not null,
        end_year integer not null,
        status text not null check (status in ('draft', 'published', 'archived')),
        document_url text,
        summary text,
        version integer not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        check (end_year >= start_year)
      );
      create index plans_locality on plans (locality_id);

      create table plan_contributors (
        plan_id uuid not null references plans(id) on delete cascade,
        partnership_id uuid not null references partnerships(id),
        primary key (plan_id, partnership_id)
      );
      create index plan_contributors_partnership on plan_contributors (partnership_id);

      create table outcomes (
        id uuid primary key default gen_random_uuid(),
        locality_id uuid not null references localities(id),
        plan_id uuid not null references plans(id),
        title text not null,
        description text,
        status text not null default 'active' check (status in ('active', 'merged')),
        merged_into_id uuid references outcomes(id),
        position bigint generated always as identity,
        version integer not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );
      create index outcomes_plan on outcomes (plan_id);
      create index outcomes_locality on outcomes (locality_id);

      create table outcome_themes (
        outcome_id uuid not null references outcomes(id) on delete cascade,
        theme text not null,
        primary key (outcome_id, theme)
      );

      create table outcome_contributors (
        id uuid primary key default gen_random_uuid(),
        outcome_id uuid not null references outcomes(id) on delete cascade,
        partnership_id uuid references partnerships(id),
        organisation_id uuid references organisations(id),
        layer text not null check (layer in ('strategic', 'executive', 'operational')),
        check ((partnership_id is null) <> (organisation_id is null))
      );
      create unique index outcome_contributors_partnership on outcome_contributors (outcome_id, partnership_id) where partnership_id is not null;
      create unique index outcome_contributors_organisation on outcome_contributors (outcome_id, organisation_id) where organisation_id is not null;
      create index outcome_contributors_by_partnership on outcome_contributors (partnership_id);

      create table indicators (
        id uuid primary key default gen_random_uuid(),
        locality_id uuid references localities(id),
        code text not null,
        title text not null,
        indicator_group text,
        definition text,
        unit text,
        polarity text check (polarity in ('higher', 'lower')),
        numerator text,
        denominator text,
        frequency text,
        source text,
        geography text,
        version integer not null default 1,
        created_at timestamptz not null default now()
      );
      create unique index indicators_national_code on indicators (lower(code)) where locality_id is null;
      create unique index indicators_local_code on indicators (locality_id, lower(code)) where locality_id is not null;

      create table targets (
        id uuid primary key default gen_random_uuid(),
        locality_id uuid not null references localities(id),
        outcome_id uuid not null references outcomes(id),
        indicator_id uuid not null references indicators(id),
        baseline_value double precision,
        baseline_year integer,
        amber_tolerance double precision not null default 0,
        red_tolerance double precision not null default 0,
        accountable_partnership_id uuid references partnerships(id),
        accountable_officer text,
        version integer not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (outcome_id, indicator_id),
        check (amber_tolerance >= 0 and red_tolerance >= amber_tolerance)
      );
      create index targets_indicator on targets (locality_id, indicator_id);

      create table target_years (
        target_id uuid not null references targets(id) on delete cascade,
        year integer not null,
        value double precision not null,
        primary key (target_id, year)
      );

      create table measurements (
        id uuid primary key default gen_random_uuid(),
        locality_id uuid not null references localities(id),
        indicator_id uuid not null references indicators(id),
        year integer not null,
        value double precision not null,
        data_status text not null check (data_status in ('provisional', 'final')),
        note text,
        state text not null check (state in ('pending', 'approved', 'rejected', 'superseded')),
        entered_by text not null,
        entered_at timestamptz not null default now(),
        decided_by text,
        decided_at timestamptz
      );
      create unique index measurements_pending on measurements (locality_id, indicator_id, year) where state = 'pending';
      create unique index measurements_approved on measurements (locality_id, indicator_id, year) where state = 'approved';
      create index measurements_indicator on measurements (locality_id, indicator_id, year)
      `,
    );
  },
};

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface PlansTable {
  id: Generated<string>;
  locality_id: string;
  title: string;
  plan_type: string;
  owner_partnership_id: string | null;
  start_year: number;
  end_year: number;
  status: string;
  document_url: string | null;
  summary: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PlanContributorsTable {
  plan_id: string;
  partnership_id: string;
}

export interface OutcomesTable {
  id: Generated<string>;
  locality_id: string;
  plan_id: string;
  title: string;
  description: string | null;
  status: Generated<string>;
  merged_into_id: string | null;
  /** The order outcomes were added in, which is the order a plan lists them in. */
  position: Generated<string>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OutcomeThemesTable {
  outcome_id: string;
  theme: string;
}

export interface OutcomeContributorsTable {
  id: Generated<string>;
  outcome_id: string;
  partnership_id: string | null;
  organisation_id: string | null;
  layer: string;
}

export interface IndicatorsTable {
  id: Generated<string>;
  locality_id: string | null;
  code: string;
  title: string;
  indicator_group: string | null;
  definition: string | null;
  unit: string | null;
  polarity: string | null;
  numerator: string | null;
  denominator: string | null;
  frequency: string | null;
  source: string | null;
  geography: string | null;
  version: Generated<number>;
  created_at: Timestamp;
}

export interface TargetsTable {
  id: Generated<string>;
  locality_id: string;
  outcome_id: string;
  indicator_id: string;
  baseline_value: number | null;
  baseline_year: number | null;
  amber_tolerance: Generated<number>;
  red_tolerance: Generated<number>;
  accountable_partnership_id: string | null;
  accountable_officer: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TargetYearsTable {
  target_id: string;
  year: number;
  value: number;
}

export interface MeasurementsTable {
  id: Generated<string>;
  locality_id: string;
  indicator_id: string;
  year: number;
  value: number;
  data_status: string;
  note: string | null;
  state: string;
  entered_by: string;
  entered_at: Timestamp;
  decided_by: string | null;
  decided_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface PerformanceTables {
  plans: PlansTable;
  plan_contributors: PlanContributorsTable;
  outcomes: OutcomesTable;
  outcome_themes: OutcomeThemesTable;
  outcome_contributors: OutcomeContributorsTable;
  indicators: IndicatorsTable;
  targets: TargetsTable;
  target_years: TargetYearsTable;
  measurements: MeasurementsTable;
}

export type PlanRow = Selectable<PlansTable>;
export type OutcomeRow = Selectable<OutcomesTable>;
export type IndicatorRow = Selectable<IndicatorsTable>;
export type TargetRow = Selectable<TargetsTable>;
export type MeasurementRow = Selectable<MeasurementsTable>;

// --- inputs -------------------------------------------------------------------------------

export const PLAN_STATUSES = ['draft', 'published', 'archived'] as const;
export const PLAN_STATUS_LABELS: Record<(typeof PLAN_STATUSES)[number], string> = {
  draft: 'Draft',
  published: 'Published',
  archived: 'Archived',
};
export const POLARITIES = ['higher', 'lower'] as const;
export const POLARITY_LABELS: Record<(typeof POLARITIES)[number], string> = {
  higher: 'Higher is better',
  lower: 'Lower is better',
};
export const DATA_STATUSES = ['provisional', 'final'] as const;
export const DATA_STATUS_LABELS: Record<(typeof DATA_STATUSES)[number], string> = {
  provisional: 'Provisional',
  final: 'Final',
};

const FIRST_YEAR = 1990;
const LAST_YEAR = 2100;

/**
 * Periods are financial years, named by the year they start in: 2024 is 2024/25. Input may be
 * "2024/25", "2024-25" or "2024"; the second part must follow the first.
 */
export function parseYear(text: string): number | undefined {
  const match = /^\s*(\d{4})(?:\s*[/-]\s*(\d{2}|\d{4}))?\s*$/.exec(text);
  if (!match) return undefined;
  const start = Number(match[1]);
  if (match[2] !== undefined) {
    const end = Number(match[2]);
    const expected = match[2].length === 2 ? (start + 1) % 100 : start + 1;
    if (end !== expected) return undefined;
  }
  return start >= FIRST_YEAR && start <= LAST_YEAR ? start : undefined;
}

export function yearLabel(year: number | null | undefined): string {
  if (year === null || year === undefined) return '';
  return `${year}/${String((year + 1) % 100).padStart(2, '0')}`;
}

/** A financial year given as 2024/25 or 2024 (a form's text) or as the number 2024 (JSON). */
export const financialYear = (label: string) =>
  z
    .union([z.number(), z.string()], { error: `Enter the ${label} as a financial year, like 2024/25` })
    .transform((value, ctx) => {
      const year =
        typeof value === 'number' && Number.isInteger(value)
          ? value >= FIRST_YEAR && value <= LAST_YEAR
            ? value
            : undefined
          : parseYear(String(value));
      if (year === undefined) {
        ctx.addIssue({ code: 'custom', message: `Enter the ${label} as a financial year, like 2024/25` });
        return z.NEVER;
      }
      return year;
    });

const optionalId = (message: string) => z.uuid({ message }).optional();
const webAddress = z
  .url({ message: 'Enter a full web address, starting https://', protocol: /^https?$/ })
  .max(500)
  .optional();
const finite = (message: string) => z.number({ error: message }).refine(Number.isFinite, { message });

export const planInput = z
  .object({
    title: requiredText(200, 'Enter the plan’s title', 'Title'),
    planType: z.string({ error: 'Choose the type of plan' }).trim().min(1, { message: 'Choose the type of plan' }),
    ownerPartnershipId: optionalId('Choose the owning partnership from the list'),
    startYear: financialYear('first year'),
    endYear: financialYear('last year'),
    status: z.enum(PLAN_STATUSES, { error: 'Choose draft, published or archived' }).default('draft'),
    documentUrl: webAddress,
    summary: optionalText(2000, 'Summary'),
    contributorIds: z
      .array(z.uuid({ message: 'Choose contributing partnerships from the list' }))
      .max(100)
      .default([]),
    version: recordVersion().optional(),
  })
  .refine((p) => p.endYear >= p.startYear, {
    message: 'The last year must be the first year or later',
    path: ['endYear'],
  });
export type PlanInput = z.infer<typeof planInput>;

export const outcomeInput = z.object({
  title: requiredText(300, 'Enter the outcome', 'Outcome'),
  description: optionalText(2000, 'Description'),
  themes: z.array(z.string().trim().min(1)).max(10, { message: 'Choose up to 10 themes' }).default([]),
  version: recordVersion().optional(),
});
export type OutcomeInput = z.infer<typeof outcomeInput>;

export const contributorInput = z
  .object({
    partnershipId: optionalId('Choose a partnership from the list'),
    organisationId: optionalId('Choose an organisation from the list'),
    layer: z.enum(LAYERS, { error: 'Choose the layer it contributes at: strategic, executive or operational' }),
  })
  .refine((c) => Boolean(c.partnershipId) !== Boolean(c.organisationId), {
    message: 'Choose a partnership or an organisation (one of them)',
    path: ['partnershipId'],
  });
export type ContributorInput = z.infer<typeof contributorInput>;

export const indicatorInput = z.object({
  code: z
    .string({ error: 'Enter a short code, like LI 12' })
    .trim()
    .min(1, { message: 'Enter a short code, like LI 12' })
    .max(40, { message: 'Code must be 40 characters or fewer' }),
  title: requiredText(300, 'Enter the indicator’s title', 'Title'),
  group: optionalText(200, 'Group'),
  definition: optionalText(4000, 'Definition'),
  unit: optionalText(60, 'Unit'),
  polarity: z.enum(POLARITIES, { error: 'Choose whether higher or lower is better' }).optional(),
  numerator: optionalText(500, 'Numerator'),
  denominator: optionalText(500, 'Denominator'),
  frequency: optionalText(60, 'Frequency'),
  source: optionalText(500, 'Source'),
  geography: optionalText(200, 'Geography'),
});
export type IndicatorInput = z.infer<typeof indicatorInput>;

/** An indicator's description is edited without its code, which files and the API refer to. */
export const indicatorUpdate = indicatorInput.omit({ code: true }).extend({ version: recordVersion().optional() });

export const targetInput = z
  .object({
    indicatorId: z.uuid({ message: 'Choose an indicator from the library' }),
    baselineValue: finite('Baseline must be a number').optional(),
    baselineYear: financialYear('baseline year').optional(),
    trajectory: z
      .array(z.object({ year: financialYear('target year'), value: finite('Each target must be a number') }))
      .max(30, { message: 'Enter up to 30 yearly targets' })
      .default([]),
    amberTolerance: z
      .number({ error: 'Amber tolerance must be a number' })
      .min(0, { message: 'Amber tolerance must be 0 or more' })
      .default(0),
    redTolerance: z
      .number({ error: 'Red tolerance must be a number' })
      .min(0, { message: 'Red tolerance must be 0 or more' })
      .default(0),
    accountablePartnershipId: optionalId('Choose the accountable partnership from the list'),
    accountableOfficer: optionalText(200, 'Accountable officer'),
    version: recordVersion().optional(),
  })
  .refine((t) => t.redTolerance >= t.amberTolerance, {
    message: 'Red tolerance must be at least the amber tolerance',
    path: ['redTolerance'],
  })
  .refine((t) => (t.baselineValue === undefined) === (t.baselineYear === undefined), {
    message: 'Give the baseline’s value and its year together',
    path: ['baselineValue'],
  })
  .refine((t) => new Set(t.trajectory.map((p) => p.year)).size === t.trajectory.length, {
    message: 'Give each year one target',
    path: ['trajectory'],
  });
export type TargetInput = z.infer<typeof targetInput>;

export const measurementInput = z.object({
  indicatorId: z.uuid({ message: 'Choose an indicator' }),
  year: financialYear('year'),
  value: finite('Enter the value as a number'),
  dataStatus: z.enum(DATA_STATUSES, { error: 'Choose provisional or final' }),
  note: optionalText(1000, 'Note'),
});
export type MeasurementInput = z.infer<typeof measurementInput>;

export const decisionInput = z.object({
  measurementIds: z
    .array(z.uuid({ message: 'Choose values from the list' }))
    .min(1, { message: 'Choose at least one value' })
    .max(500),
  decision: z.enum(['approve', 'reject'], { error: 'Choose approve or reject' }),
});

export const mergeInput = z.object({
  keepId: z.uuid({ message: 'Choose the outcome to keep' }),
  mergeIds: z
    .array(z.uuid({ message: 'Choose outcomes from the list' }))
    .min(1, { message: 'Choose at least one other outcome to merge into it' })
    .max(20),
  title: optionalText(300, 'Title of the merged outcome'),
});
export type MergeInput = z.infer<typeof mergeInput>;

export const frameworkQuery = z.object({
  theme: z
    .string()
    .trim()
    .max(100)
    .optional()
    .transform((v) => v || undefined)
    .catch(undefined),
  layer: z.enum(LAYERS).optional().catch(undefined),
  partnership: z.uuid().optional().catch(undefined),
  plan: z.uuid().optional().catch(undefined),
});
export type FrameworkQuery = z.infer<typeof frameworkQuery>;
