import type { ColumnType, Generated, Selectable } from 'kysely';
import type { Migration } from 'kysely/migration';
import { z } from 'zod';
import { MAX_INTEGER, isoDate, optionalText, recordVersion, requiredText } from '../../core/validation.js';
import { runStatements } from '../../db/statements.js';
import { financialYear } from '../performance/schema.js';
import { BENEFIT_KINDS, CONFIDENCE, CONTRIBUTION_KINDS, WHOLE_BP, parsePounds } from './rules.js';

/**
 * What partners put into partnerships, the funds and pooled budgets behind them, mainstream
 * budget lines mapped to outcomes, and the benefits partnerships record. Money is integer pence
 * (bigint), shares whole basis points (10,000 = 100%), years financial years by the year they
 * start (2025 is 2025/26).
 */
export const resourcesMigration: Migration = {
  async up(db) {
    await runStatements(
      db,
      `
      create table resource_contributions (
        id uuid primary key default gen_random_uuid(),
        locality_id uuid not null references localities(id),
        partnership_id uuid not null references partnerships(id),
        organisation_id uuid not null references organisations(id),
        financial_year integer not null,
        kind text not null check (kind in ('cash', 'in-kind', 'staff-time')),
        amount_pence bigint check (amount_pence >= 0),
        hours double precision check (hours >= 0),
        rate_pence integer check (rate_pence >= 0),
        description text,
        state text not null check (state in ('entered', 'confirmed')),
        entered_by text not null,
        confirmed_by text,
        confirmed_at timestamptz,
        version integer not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        check ((kind = 'staff-time') = (hours is not null)),
        check ((kind = 'staff-time') = (amount_pence is null))
      );
      create index resource_contributions_locality on resource_contributions (locality_id, financial_year);
      create index resource_contributions_partnership on resource_contributions (partnership_id);

      create table funding_streams (
        id uuid primary key default gen_random_uuid(),
        locality_id uuid not null references localities(id),
        fund_code text not null,
        name text not null,
        funder text not null,
        accountable_body_id uuid references organisations(id),
        amount_per_year_pence bigint not null check (amount_per_year_pence >= 0),
        starts_on date not null,
        ends_on date not null,
        requires_partnership boolean not null,
        exit_strategy text,
        version integer not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        check (ends_on >= starts_on)
      );
      create index funding_streams_locality on funding_streams (locality_id, ends_on);

      create table funding_stream_partnerships (
        stream_id uuid not null references funding_streams(id) on delete cascade,
        partnership_id uuid not null references partnerships(id),
        primary key (stream_id, partnership_id)
      );
      create index funding_stream_partnerships_partnership on funding_stream_partnerships (partnership_id);

      create table funding_stream_outcomes (
        stream_id uuid not null references funding_streams(id) on delete cascade,
        outcome_id uuid not null references outcomes(id),
        primary key (stream_id, outcome_id)
      );

      create table funding_reminders (
        stream_id uuid not null references funding_streams(id) on delete cascade,
        months integer not null,
        sent_at timestamptz not null default now(),
        primary key (stream_id, months)
      );

      create table pooled_budgets (
        id uuid primary key default gen_random_uuid(),
        locality_id uuid not null references localities(id),
        name text not null,
        legal_basis text not null,
        host_organisation_id uuid not null references organisations(id),
        governing_partnership_id uuid references partnerships(id),
        risk_share text,
        amount_per_year_pence bigint not null check (amount_per_year_pence >= 0),
        starts_on date not null,
        ends_on date,
        version integer not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        check (ends_on is null or ends_on >= starts_on)
      );
      create index pooled_budgets_locality on pooled_budgets (locality_id);

      create table pooled_budget_shares (
        budget_id uuid not null references pooled_budgets(id) on delete cascade,
        organisation_id uuid not null references organisations(id),
        share_bp integer not null check (share_bp > 0 and share_bp <= 10000),
        primary key (budget_id, organisation_id)
      );

      create table pooled_budget_outcomes (
        budget_id uuid not null references pooled_budgets(id) on delete cascade,
        outcome_id uuid not null references outcomes(id),
        share_bp integer not null check (share_bp > 0 and share_bp <= 10000),
        primary key (budget_id, outcome_id)
      );

      create table budget_lines (
        id uuid primary key default gen_random_uuid(),
        locality_id uuid not null references localities(id),
        organisation_id uuid not null references organisations(id),
        service text not null,
        financial_year integer not null,
        amount_pence bigint not null check (amount_pence >= 0),
        version integer not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );
      create index budget_lines_locality on budget_lines (locality_id, financial_year);

      create table budget_line_outcomes (
        line_id uuid not null references budget_lines(id) on delete cascade,
        outcome_id uuid not null references outcomes(id),
        share_bp integer not null check (share_bp > 0 and share_bp <= 10000),
        primary key (line_id, outcome_id)
      );

      create table partnership_benefits (
        id uuid primary key default gen_random_uuid(),
        locality_id uuid not null references localities(id),
        partnership_id uuid not null references partnerships(id),
        financial_year integer not null,
        kind text not null check (kind in ('indicator', 'costs-avoided', 'external-funding', 'qualitative')),
        title text not null,
        value_pence bigint check (value_pence >= 0),
        attribution_bp integer check (attribution_bp between 0 and 10000),
        indicator_id uuid references indicators(id),
        evidence text not null,
        confidence text not null check (confidence in ('high', 'medium', 'low')),
        entered_by text not null,
        version integer not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        check ((kind = 'qualitative') = (value_pence is null))
      );
      create index partnership_benefits_partnership on partnership_benefits (partnership_id);
      create index partnership_benefits_locality on partnership_benefits (locality_id, financial_year)
      `,
    );
  },
};

/**
 * Each locality's settings for resources: the month its financial year starts, the hourly cost of
 * people's time by sector and preparation per meeting (the costing's assumptions), and named
 * grade rates a staff-time contribution may be costed at. A contribution names the grade it used.
 */
export const resourceSettingsMigration: Migration = {
  async up(db) {
    await runStatements(
      db,
      `
      create table resource_settings (
        locality_id uuid primary key references localities(id),
        financial_year_start_month integer not null default 4 check (financial_year_start_month between 1 and 12),
        public_rate_pence integer not null check (public_rate_pence >= 0),
        private_rate_pence integer not null check (private_rate_pence >= 0),
        voluntary_rate_pence integer not null check (voluntary_rate_pence >= 0),
        community_rate_pence integer not null check (community_rate_pence >= 0),
        preparation_hours double precision not null check (preparation_hours >= 0),
        grade_rates jsonb not null default '[]',
        version integer not null default 1,
        updated_at timestamptz not null default now()
      );
      alter table resource_contributions add column grade text
      `,
    );
  },
};

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** bigint pence, read as a number (the database module parses int8), written as a number. */
type Pence = ColumnType<number, number, number>;

export interface ResourceContributionsTable {
  id: Generated<string>;
  locality_id: string;
  partnership_id: string;
  organisation_id: string;
  financial_year: number;
  kind: string;
  amount_pence: Pence | null;
  hours: number | null;
  rate_pence: number | null;
  /** The grade of the locality's grade rates the staff time was costed at, when one was chosen. */
  grade: Generated<string | null>;
  description: string | null;
  state: string;
  entered_by: string;
  confirmed_by: string | null;
  confirmed_at: Timestamp | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface FundingStreamsTable {
  id: Generated<string>;
  locality_id: string;
  fund_code: string;
  name: string;
  funder: string;
  accountable_body_id: string | null;
  amount_per_year_pence: Pence;
  starts_on: string;
  ends_on: string;
  requires_partnership: boolean;
  exit_strategy: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PooledBudgetsTable {
  id: Generated<string>;
  locality_id: string;
  name: string;
  legal_basis: string;
  host_organisation_id: string;
  governing_partnership_id: string | null;
  risk_share: string | null;
  amount_per_year_pence: Pence;
  starts_on: string;
  ends_on: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface BudgetLinesTable {
  id: Generated<string>;
  locality_id: string;
  organisation_id: string;
  service: string;
  financial_year: number;
  amount_pence: Pence;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PartnershipBenefitsTable {
  id: Generated<string>;
  locality_id: string;
  partnership_id: string;
  financial_year: number;
  kind: string;
  title: string;
  value_pence: Pence | null;
  attribution_bp: number | null;
  indicator_id: string | null;
  evidence: string;
  confidence: string;
  entered_by: string;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface GradeRate {
  grade: string;
  ratePence: number;
}

export interface ResourceSettingsTable {
  locality_id: string;
  financial_year_start_month: number;
  public_rate_pence: number;
  private_rate_pence: number;
  voluntary_rate_pence: number;
  community_rate_pence: number;
  preparation_hours: number;
  grade_rates: ColumnType<GradeRate[], string, string>;
  version: Generated<number>;
  updated_at: Timestamp;
}

export interface ResourcesTables {
  resource_settings: ResourceSettingsTable;
  resource_contributions: ResourceContributionsTable;
  funding_streams: FundingStreamsTable;
  funding_stream_partnerships: { stream_id: string; partnership_id: string };
  funding_stream_outcomes: { stream_id: string; outcome_id: string };
  funding_reminders: { stream_id: string; months: number; sent_at: Timestamp };
  pooled_budgets: PooledBudgetsTable;
  pooled_budget_shares: { budget_id: string; organisation_id: string; share_bp: number };
  pooled_budget_outcomes: { budget_id: string; outcome_id: string; share_bp: number };
  budget_lines: BudgetLinesTable;
  budget_line_outcomes: { line_id: string; outcome_id: string; share_bp: number };
  partnership_benefits: PartnershipBenefitsTable;
}

export type ContributionRow = Selectable<ResourceContributionsTable>;
export type FundingStreamRow = Selectable<FundingStreamsTable>;
export type PooledBudgetRow = Selectable<PooledBudgetsTable>;
export type BudgetLineRow = Selectable<BudgetLinesTable>;
export type BenefitRow = Selectable<PartnershipBenefitsTable>;
export type ResourceSettingsRow = Selectable<ResourceSettingsTable>;

// --- inputs -----------------------------------------------------------------------------------------

const MAX_PENCE = 1e14;
const pence = (label: string) =>
  z
    .number({ error: `${label} must be an amount in pence, a whole number` })
    .int({ message: `${label} must be an amount in pence, a whole number` })
    .min(0, { message: `${label} must be 0 or more` })
    .max(MAX_PENCE, { message: `${label} is too large` });
const share = (label: string) =>
  z
    .number({ error: `${label} must be a share in basis points (10000 is 100%)` })
    .int({ message: `${label} must be a share in basis points (10000 is 100%)` })
    .min(1, { message: `${label} must be more than 0%` })
    .max(WHOLE_BP, { message: `${label} must be 100% or less` });
const id = (message: string) => z.uuid({ message });
/** A code of an administrator-edited reference list; the service checks it is on the list. */
const listCode = (message: string) => z.string({ error: message }).trim().min(1, { message }).max(60, { message });

export const CONTRIBUTION_KIND_LABELS: Record<(typeof CONTRIBUTION_KINDS)[number], string> = {
  cash: 'Cash',
  'in-kind': 'In kind (valued)',
  'staff-time': 'Staff time',
};

export const contributionInput = z
  .object({
    partnershipId: id('Choose the partnership'),
    organisationId: id('Choose the contributing organisation'),
    year: financialYear('year'),
    kind: z.enum(CONTRIBUTION_KINDS, { error: 'Choose cash, in kind or staff time' }),
    amountPence: pence('Amount').optional(),
    hours: z
      .number({ error: 'Hours must be a number' })
      .min(0, { message: 'Hours must be 0 or more' })
      .max(100_000, { message: 'Hours must be 100,000 or fewer a year' })
      .optional(),
    ratePence: pence('Rate per hour').max(MAX_INTEGER, { message: 'Rate per hour is too large' }).optional(),
    grade: optionalText(100, 'Grade'),
    description: optionalText(500, 'Description'),
    version: recordVersion().optional(),
  })
  .superRefine((value, ctx) => {
    if (value.kind === 'staff-time' && value.hours === undefined)
      ctx.addIssue({ code: 'custom', path: ['hours'], message: 'Enter the hours of staff time a year' });
    if (value.kind !== 'staff-time' && value.amountPence === undefined)
      ctx.addIssue({ code: 'custom', path: ['amountPence'], message: 'Enter the amount' });
  });
export type ContributionInput = z.output<typeof contributionInput>;

const poundsText = (label: string) =>
  z
    .string()
    .optional()
    .transform((text, ctx) => {
      if (text === undefined || text.trim() === '') return undefined;
      const value = parsePounds(text);
      if (value === undefined) {
        ctx.addIssue({ code: 'custom', message: `${label} must be an amount in pounds, like 12000 or 12,000.50` });
        return z.NEVER;
      }
      return value;
    });

/** The page's form: pounds as typed; the service takes pence. Field names are the form's. */
export const contributionForm = z.object({
  partnershipId: z.string().optional(),
  organisationId: z.string().optional(),
  year: z.string().optional(),
  kind: z.string().optional(),
  amount: poundsText('Amount'),
  hours: z.string().optional(),
  rate: poundsText('Rate per hour'),
  grade: z.string().optional(),
  description: z.string().optional(),
});

export const confirmInput = z.object({ version: recordVersion() });

export const fundingStreamInput = z
  .object({
    fundCode: listCode('Choose the fund from the list').meta({
      description: 'A code of the fund reference list (GET /api/v1/reference/fund)',
    }),
    name: optionalText(200, 'Name'),
    funder: optionalText(200, 'Funder'),
    accountableBodyId: id('Choose the accountable body').optional(),
    amountPerYearPence: pence('Amount a year'),
    startsOn: isoDate('Start date must be a real date'),
    endsOn: isoDate('End date must be a real date'),
    requiresPartnership: z.boolean({ error: 'Say whether the fund requires a partnership' }).optional(),
    partnershipIds: z.array(id('Choose partnerships from the list')).max(200).default([]),
    outcomeIds: z.array(id('Choose outcomes from the list')).max(200).default([]),
    exitStrategy: optionalText(4000, 'Exit strategy'),
  })
  .superRefine((value, ctx) => {
    if (value.endsOn < value.startsOn)
      ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'End date must be on or after the start date' });
    if (value.fundCode === 'other' && !value.name)
      ctx.addIssue({ code: 'custom', path: ['name'], message: 'Enter the name of the fund' });
  });
export type FundingStreamInput = z.output<typeof fundingStreamInput>;

/** A change to a funding stream: the whole stream again, and the version it was read at. */
export const fundingStreamUpdate = fundingStreamInput.and(z.object({ version: recordVersion() }));

/** Removing a funding stream recorded in error, at the version it was read at. */
export const fundingStreamRemoval = z.object({ version: recordVersion() });

export const pooledBudgetInput = z
  .object({
    name: requiredText(200, 'Enter a name for the arrangement', 'Name'),
    legalBasis: listCode('Choose the legal basis from the list').meta({
      description: 'A code of the legal-basis reference list (GET /api/v1/reference/legal-basis)',
    }),
    hostOrganisationId: id('Choose the host partner'),
    governingPartnershipId: id('Choose the governing partnership').optional(),
    riskShare: optionalText(2000, 'Risk-share rule'),
    amountPerYearPence: pence('Amount a year'),
    startsOn: isoDate('Start date must be a real date'),
    endsOn: isoDate('End date must be a real date').optional(),
    contributors: z
      .array(z.object({ organisationId: id('Choose each contributor'), shareBp: share('Share') }))
      .max(50, { message: 'Enter up to 50 contributors' }),
    outcomes: z
      .array(z.object({ outcomeId: id('Choose each outcome'), shareBp: share('Share') }))
      .max(100)
      .default([]),
  })
  .superRefine((value, ctx) => {
    if (value.endsOn && value.endsOn < value.startsOn)
      ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'End date must be on or after the start date' });
  });
export type PooledBudgetInput = z.output<typeof pooledBudgetInput>;

export const budgetLineInput = z.object({
  organisationId: id('Choose the organisation'),
  service: requiredText(200, 'Enter the service', 'Service'),
  year: financialYear('year'),
  amountPence: pence('Amount'),
  outcomes: z
    .array(z.object({ outcomeId: id('Choose each outcome'), shareBp: share('Share') }))
    .max(100)
    .default([]),
});
export type BudgetLineInput = z.output<typeof budgetLineInput>;

export const BENEFIT_KIND_LABELS: Record<(typeof BENEFIT_KINDS)[number], string> = {
  indicator: 'Change in an indicator',
  'costs-avoided': 'Costs avoided',
  'external-funding': 'External funding brought in',
  qualitative: 'Qualitative',
};
export const CONFIDENCE_LABELS: Record<(typeof CONFIDENCE)[number], string> = {
  high: 'High',
  medium: 'Medium',
  low: 'Low',
};

export const benefitInput = z
  .object({
    partnershipId: id('Choose the partnership'),
    year: financialYear('year'),
    kind: z.enum(BENEFIT_KINDS, { error: 'Choose the kind of benefit' }),
    title: requiredText(200, 'Say what the benefit is', 'Benefit'),
    valuePence: pence('Value').optional(),
    attributionBp: z
      .number({ error: 'Attribution must be a share in basis points (10000 is 100%)' })
      .int({ message: 'Attribution must be a share in basis points (10000 is 100%)' })
      .min(0, { message: 'Attribution must be 0% or more' })
      .max(WHOLE_BP, { message: 'Attribution must be 100% or less' })
      .optional(),
    indicatorId: id('Choose the indicator').optional(),
    evidence: requiredText(4000, 'Give the evidence for the benefit', 'Evidence'),
    confidence: z.enum(CONFIDENCE, { error: 'Choose how confident you are' }),
  })
  .superRefine((value, ctx) => {
    if (value.kind !== 'qualitative' && value.valuePence === undefined)
      ctx.addIssue({ code: 'custom', path: ['valuePence'], message: 'Enter what the benefit is worth' });
    if (value.kind === 'indicator' && value.attributionBp === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['attributionBp'],
        message: 'Enter the share of the change owed to the partnership',
      });
    if (value.kind === 'indicator' && value.indicatorId === undefined)
      ctx.addIssue({ code: 'custom', path: ['indicatorId'], message: 'Choose the indicator that changed' });
  });
export type BenefitInput = z.output<typeof benefitInput>;

/** A year in a query string: 2025 or 2025/26. */
export const yearQuery = z.object({
  year: z
    .string()
    .regex(/^\d{4}(\/\d{2})?$/, { message: 'Give the financial year like 2025/26' })
    .optional()
    .meta({ description: 'The financial year, like 2025/26 or 2025; the current one when absent' }),
});

/** A locality's resources settings, as the service takes them: rates in pence, a version read. */
export const resourceSettingsInput = z
  .object({
    financialYearStartMonth: z
      .number({ error: 'Choose the month the financial year starts' })
      .int({ message: 'Choose the month the financial year starts' })
      .min(1, { message: 'Choose the month the financial year starts' })
      .max(12, { message: 'Choose the month the financial year starts' }),
    hourlyPenceBySector: z.object({
      public: pence('Public sector rate').max(MAX_INTEGER, { message: 'Public sector rate is too large' }),
      private: pence('Private sector rate').max(MAX_INTEGER, { message: 'Private sector rate is too large' }),
      voluntary: pence('Voluntary sector rate').max(MAX_INTEGER, { message: 'Voluntary sector rate is too large' }),
      community: pence('Community sector rate').max(MAX_INTEGER, { message: 'Community sector rate is too large' }),
    }),
    preparationHours: z
      .number({ error: 'Preparation must be a number of hours' })
      .min(0, { message: 'Preparation must be 0 hours or more' })
      .max(40, { message: 'Preparation must be 40 hours or fewer a meeting' }),
    gradeRates: z
      .array(
        z.object({
          grade: requiredText(100, 'Enter the name of the grade', 'Grade'),
          ratePence: pence('Grade rate').max(MAX_INTEGER, { message: 'Grade rate is too large' }),
        }),
      )
      .max(30, { message: 'Enter up to 30 grades' })
      .default([]),
    version: recordVersion().optional(),
  })
  .superRefine((value, ctx) => {
    const seen = new Set<string>();
    value.gradeRates.forEach((g, i) => {
      const key = g.grade.toLowerCase();
      if (seen.has(key))
        ctx.addIssue({
          code: 'custom',
          path: ['gradeRates', i, 'grade'],
          message: `The grade ${g.grade} is listed twice`,
        });
      seen.add(key);
    });
  });
export type ResourceSettingsInput = z.output<typeof resourceSettingsInput>;

/** Changing or removing a record read at a version. */
export const versionInput = z.object({ version: recordVersion() });

export const pooledBudgetUpdate = pooledBudgetInput.safeExtend({ version: recordVersion() });
export const budgetLineUpdate = budgetLineInput.safeExtend({ version: recordVersion() });
export const benefitUpdate = benefitInput.safeExtend({ version: recordVersion() });
