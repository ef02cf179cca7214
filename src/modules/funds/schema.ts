import type { ColumnType, Generated, Selectable } from 'kysely';
import type { Migration } from 'kysely/migration';
import { z } from 'zod';
import { isoDate, optionalText, requiredText } from '../../core/validation.js';
import { runStatements } from '../../db/statements.js';
import { parsePounds } from '../resources/rules.js';
import { type Criterion, MAX_INSTALMENTS, MAX_SCORE, criterionKey } from './rules.js';

/**
 * Community capacity funds: a fund (Community Empowerment Fund, Community Chest, Community
 * Champions Fund or another) runs rounds; community and voluntary groups apply to a round
 * without an account; two assessors score each application against the round's weighted
 * criteria; a moderator settles scores far apart; the administrator decides, and an award is
 * paid in instalments and closed with a monitoring return. Money is integer pence (bigint);
 * scores are tenths of a percent (0–1000).
 */
export const fundsMigration: Migration = {
  async up(db) {
    await runStatements(
      db,
      `
      create table fund_funds (
        id uuid primary key default gen_random_uuid(),
        locality_id uuid not null references localities(id),
        kind text not null,
        name text not null,
        description text,
        funder_name text not null,
        funder_identifier text not null,
        version integer not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );
      create index fund_funds_locality on fund_funds (locality_id);

      create table fund_rounds (
        id uuid primary key default gen_random_uuid(),
        locality_id uuid not null references localities(id),
        fund_id uuid not null references fund_funds(id),
        title text not null,
        budget_pence bigint not null check (budget_pence > 0),
        eligibility text not null,
        criteria jsonb not null,
        opens_on date not null,
        closes_on date not null,
        moderation_threshold integer not null default 15 check (moderation_threshold between 0 and 100),
        version integer not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        check (closes_on >= opens_on)
      );
      create index fund_rounds_fund on fund_rounds (fund_id);
      create index fund_rounds_locality on fund_rounds (locality_id, closes_on);

      create table fund_applications (
        id uuid primary key default gen_random_uuid(),
        locality_id uuid not null references localities(id),
        round_id uuid not null references fund_rounds(id),
        reference text not null,
        state text not null check (state in ('draft', 'submitted', 'awarded', 'declined')),
        group_name text,
        group_kind text,
        charity_number text,
        company_number text,
        contact_name text,
        contact_email text not null,
        postcode text,
        title text,
        description text,
        amount_pence bigint check (amount_pence > 0),
        outcomes text,
        token_hash text unique,
        token_expires_at timestamptz,
        submitted_at timestamptz,
        agreed_score integer check (agreed_score between 0 and 1000),
        moderation_reason text,
        moderated_by text,
        decision_reason text,
        decided_by text,
        decided_at timestamptz,
        awarded_pence bigint check (awarded_pence > 0),
        monitoring_spent_pence bigint check (monitoring_spent_pence >= 0),
        monitoring_outcomes text,
        monitoring_at timestamptz,
        monitoring_by text,
        version integer not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (locality_id, reference),
        check ((state = 'awarded') = (awarded_pence is not null))
      );
      create index fund_applications_round on fund_applications (round_id, state);
      create index fund_applications_locality on fund_applications (locality_id, state);

      create table fund_assessments (
        id uuid primary key default gen_random_uuid(),
        application_id uuid not null references fund_applications(id) on delete cascade,
        assessor_id text not null,
        assessor_label text not null,
        scores jsonb not null,
        score integer not null check (score between 0 and 1000),
        comment text,
        created_at timestamptz not null default now(),
        unique (application_id, assessor_id)
      );

      create table fund_payments (
        id uuid primary key default gen_random_uuid(),
        application_id uuid not null references fund_applications(id) on delete cascade,
        number integer not null,
        due_on date not null,
        amount_pence bigint not null check (amount_pence > 0),
        paid_on date,
        paid_by text,
        unique (application_id, number)
      )
      `,
    );
  },
};

/**
 * Monitoring returns the group writes online through its link, reviewed by an officer; withdrawn
 * applications; and each locality's own 360Giving identifier prefix. A return recorded before
 * this migration was recorded by an officer, so it counts as accepted.
 */
export const fundsMonitoringMigration: Migration = {
  async up(db) {
    await runStatements(
      db,
      `
      alter table fund_applications drop constraint fund_applications_state_check;
      alter table fund_applications add constraint fund_applications_state_check
        check (state in ('draft', 'submitted', 'awarded', 'declined', 'withdrawn'));
      alter table fund_applications add column monitoring_state text
        check (monitoring_state in ('requested', 'draft', 'submitted', 'changes-requested', 'accepted'));
      alter table fund_applications add column monitoring_review_note text;
      alter table fund_applications add column monitoring_reviewed_by text;
      alter table fund_applications add column monitoring_reviewed_at timestamptz;
      alter table fund_applications add column withdrawn_at timestamptz;
      alter table fund_applications add column withdrawn_by text;
      alter table fund_applications add column withdrawal_reason text;
      update fund_applications set monitoring_state = 'accepted' where monitoring_at is not null;

      create table fund_settings (
        locality_id uuid primary key references localities(id),
        three_sixty_prefix text,
        version integer not null default 1,
        updated_at timestamptz not null default now()
      )
      `,
    );
  },
};

export const MONITORING_STATES = {
  requested: 'Asked for',
  draft: 'Being written',
  submitted: 'Sent: to review',
  'changes-requested': 'Changes asked for',
  accepted: 'Accepted',
} as const;
export type MonitoringState = keyof typeof MONITORING_STATES;

// --- reference kinds -------------------------------------------------------------------------

export const FUND_KINDS = {
  'community-empowerment': 'Community Empowerment Fund',
  'community-chest': 'Community Chest',
  'community-champions': 'Community Champions Fund',
  other: 'Another community fund',
} as const;
export type FundKind = keyof typeof FUND_KINDS;

export const GROUP_KINDS = {
  'community-group': 'Community or residents’ group',
  'voluntary-organisation': 'Voluntary organisation',
  charity: 'Registered charity',
  'social-enterprise': 'Social enterprise or community interest company',
  other: 'Other not-for-profit group',
} as const;

// --- inputs ----------------------------------------------------------------------------------

const pounds = (emptyMessage: string, label: string) =>
  z
    .string({ error: emptyMessage })
    .trim()
    .min(1, { message: emptyMessage })
    .transform((text, ctx) => {
      const pence = parsePounds(text);
      if (pence === undefined || pence <= 0) {
        ctx.addIssue({ code: 'custom', message: `${label} must be an amount in pounds, like 2,500 or 2500.50` });
        return z.NEVER;
      }
      return pence;
    });

const email = z
  .string({ error: 'Enter an email address' })
  .trim()
  .toLowerCase()
  .min(1, { message: 'Enter an email address' })
  .max(254, { message: 'Email address must be 254 characters or fewer' })
  .pipe(z.email({ message: 'Enter an email address in the correct format, like name@example.org' }));

const ORG_ID = /^[A-Z]{2,4}-[A-Z0-9]{2,8}-[A-Za-z0-9][A-Za-z0-9-]*$/;

export const fundInput = z.object({
  kind: z.enum(Object.keys(FUND_KINDS) as [FundKind, ...FundKind[]], { error: 'Choose the kind of fund' }),
  name: requiredText(200, 'Enter the fund’s name', 'Name'),
  description: optionalText(2000, 'Description'),
  funderName: requiredText(200, 'Enter who funds it, like the council', 'Funder'),
  funderIdentifier: z
    .string({ error: 'Enter the funder’s organisation identifier' })
    .trim()
    .regex(ORG_ID, { message: 'Enter the funder’s organisation identifier in the org-id form, like GB-LAE-BRK' }),
});
export type FundInput = z.output<typeof fundInput>;

export const roundInput = z
  .object({
    title: requiredText(200, 'Enter the round’s title', 'Title'),
    budget: pounds('Enter the round’s budget', 'Budget'),
    eligibility: requiredText(4000, 'Say who may apply', 'Eligibility'),
    criteria: z
      .array(
        z.object({
          label: requiredText(200, 'Enter each criterion', 'A criterion'),
          weight: z.number({ error: 'Give each criterion a weight' }).int().min(1).max(100),
        }),
        { error: 'Enter the criteria' },
      )
      .min(1, { message: 'Enter at least one criterion' })
      .max(12, { message: 'Enter no more than 12 criteria' }),
    opensOn: isoDate('Enter the opening date as a real date, like 1 4 2026'),
    closesOn: isoDate('Enter the closing date as a real date, like 30 4 2026'),
    moderationThreshold: z
      .number({ error: 'The moderation threshold must be a whole number of percentage points' })
      .int({ message: 'The moderation threshold must be a whole number of percentage points' })
      .min(0, { message: 'The moderation threshold must be from 0 to 100 percentage points' })
      .max(100, { message: 'The moderation threshold must be from 0 to 100 percentage points' })
      .optional(),
  })
  .refine((v) => v.closesOn >= v.opensOn, {
    message: 'The closing date must be on or after the opening date',
    path: ['closesOn'],
  })
  .refine((v) => new Set(v.criteria.map((c) => c.label.toLowerCase())).size === v.criteria.length, {
    message: 'Each criterion must be listed once',
    path: ['criteria'],
  });
export type RoundInput = z.output<typeof roundInput>;

/**
 * The criteria as a form's textarea holds them, one a line, "label: weight" ("Need in the area: 3");
 * a line with no weight weighs 1. The round's zod schema checks the result.
 */
export function criteriaFromText(text: string): Array<{ label: string; weight: number }> {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const match = /^(.*?)\s*[:|]\s*(\d+)\s*$/.exec(line);
      return match ? { label: (match[1] ?? '').trim(), weight: Number(match[2]) } : { label: line, weight: 1 };
    });
}

export function criteriaToText(criteria: Criterion[]): string {
  return criteria.map((c) => `${c.label}: ${c.weight}`).join('\n');
}

export function keyedCriteria(criteria: Array<{ label: string; weight: number }>): Criterion[] {
  const used = new Set<string>();
  return criteria.map((c, i) => {
    let key = criterionKey(c.label, i);
    while (used.has(key)) key = `${key}-${i + 1}`;
    used.add(key);
    return { key, label: c.label, weight: c.weight };
  });
}

const groupKind = z.enum(Object.keys(GROUP_KINDS) as [string, ...string[]], {
  error: 'Choose what kind of group you are',
});

/** A submitted application: every answer is needed. */
export const applicationInput = z.object({
  groupName: requiredText(200, 'Enter your group’s name', 'Group name'),
  groupKind,
  charityNumber: z
    .string()
    .trim()
    .regex(/^\d{6,8}(-\d{1,2})?$/, { message: 'Enter a charity number like 1123456, or leave it empty' })
    .optional(),
  companyNumber: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{8}$/, { message: 'Enter a company number of 8 characters, like 09876543, or leave it empty' })
    .optional(),
  contactName: requiredText(200, 'Enter the name of the person we should contact', 'Contact name'),
  contactEmail: email,
  postcode: optionalText(10, 'Postcode'),
  title: requiredText(200, 'Say in a few words what the money is for', 'What the money is for'),
  description: requiredText(4000, 'Describe what you will do with the money', 'Description'),
  amount: pounds('Enter how much you are asking for', 'Amount'),
  outcomes: requiredText(4000, 'Say what difference it will make', 'Outcomes'),
});
export type ApplicationInput = z.output<typeof applicationInput>;

/** A draft saved to come back to: only the email address the link goes to is needed. */
export const draftInput = applicationInput.partial().extend({ contactEmail: email });
export type DraftInput = z.output<typeof draftInput>;

export const APPLICATION_FIELDS = Object.keys(applicationInput.shape) as Array<keyof ApplicationInput>;

export const assessmentInput = z.object({
  scores: z.record(
    z.string(),
    z
      .number({ error: `Each score must be a whole number from 0 to ${MAX_SCORE}` })
      .int({ message: `Each score must be a whole number from 0 to ${MAX_SCORE}` }),
  ),
  comment: optionalText(4000, 'Comment'),
});
export type AssessmentInput = z.output<typeof assessmentInput>;

export const moderationInput = z.object({
  agreedScore: z
    .number({ error: 'Enter the agreed score as a percentage, like 65 or 65.5' })
    .min(0, { message: 'The agreed score must be from 0 to 100' })
    .max(100, { message: 'The agreed score must be from 0 to 100' })
    .refine((v) => Math.abs(v * 10 - Math.round(v * 10)) < 1e-9, {
      message: 'Give the agreed score to one decimal place at most',
    }),
  reason: requiredText(2000, 'Give the reason for the agreed score', 'Reason'),
});

export const decisionInput = z
  .object({
    outcome: z.enum(['award', 'decline'], { error: 'Choose whether to make an award' }),
    amount: z
      .string()
      .trim()
      .optional()
      .transform((text, ctx) => {
        if (!text) return undefined;
        const pence = parsePounds(text);
        if (pence === undefined) {
          ctx.addIssue({ code: 'custom', message: 'Amount must be an amount in pounds, like 2,500 or 2500.50' });
          return z.NEVER;
        }
        return pence;
      }),
    reason: requiredText(4000, 'Give the reason for the decision', 'Reason'),
  })
  .refine((v) => v.outcome !== 'award' || v.amount !== undefined, {
    message: 'Enter the amount to award',
    path: ['amount'],
  });

export const scheduleInput = z.object({
  instalments: z
    .number({ error: `Enter the number of instalments, from 1 to ${MAX_INSTALMENTS}` })
    .int({ message: `Enter the number of instalments, from 1 to ${MAX_INSTALMENTS}` })
    .min(1, { message: `Enter the number of instalments, from 1 to ${MAX_INSTALMENTS}` })
    .max(MAX_INSTALMENTS, { message: `Enter the number of instalments, from 1 to ${MAX_INSTALMENTS}` }),
  firstDueOn: isoDate('Enter the first payment date as a real date, like 1 5 2026'),
  monthsApart: z
    .number({ error: 'Enter the months between instalments, from 0 to 12' })
    .int({ message: 'Enter the months between instalments, from 0 to 12' })
    .min(0, { message: 'Enter the months between instalments, from 0 to 12' })
    .max(12, { message: 'Enter the months between instalments, from 0 to 12' }),
});

export const monitoringInput = z.object({
  spent: pounds('Enter how much of the award was spent', 'Amount spent'),
  outcomes: requiredText(4000, 'Say what the group achieved with the money', 'What was achieved'),
});

/** A monitoring return saved to come back to: nothing is needed yet. */
export const monitoringDraftInput = z.object({
  spent: z
    .string()
    .trim()
    .optional()
    .transform((text, ctx) => {
      if (!text) return undefined;
      const pence = parsePounds(text);
      if (pence === undefined || pence < 0) {
        ctx.addIssue({ code: 'custom', message: 'Amount spent must be an amount in pounds, like 2,500 or 2500.50' });
        return z.NEVER;
      }
      return pence;
    }),
  outcomes: optionalText(4000, 'What was achieved'),
});

export const monitoringReviewInput = z
  .object({
    outcome: z.enum(['accept', 'changes'], { error: 'Choose whether to accept the return' }),
    note: optionalText(2000, 'Note'),
  })
  .refine((v) => v.outcome !== 'changes' || !!v.note, {
    message: 'Say what the group should change',
    path: ['note'],
  });

export const withdrawalInput = z.object({
  reason: optionalText(2000, 'Reason'),
});

const version = z.number({ error: 'Read the page again: the version is missing' }).int().min(1);

export const fundUpdate = fundInput.extend({ version });
export const roundUpdate = roundInput.and(z.object({ version }));

export const settingsInput = z.object({
  threeSixtyPrefix: z
    .string()
    .trim()
    .regex(/^360G-[A-Za-z0-9][A-Za-z0-9-]{0,60}$/, {
      message: 'Enter the prefix 360Giving gave you, like 360G-brackenfield, or leave it empty',
    })
    .optional(),
  version: z.number().int().min(0).optional(),
});

// --- tables ----------------------------------------------------------------------------------

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string, string>;

export interface FundFundsTable {
  id: Generated<string>;
  locality_id: string;
  kind: string;
  name: string;
  description: string | null;
  funder_name: string;
  funder_identifier: string;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface FundRoundsTable {
  id: Generated<string>;
  locality_id: string;
  fund_id: string;
  title: string;
  budget_pence: number;
  eligibility: string;
  criteria: Json;
  opens_on: string;
  closes_on: string;
  moderation_threshold: Generated<number>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface FundApplicationsTable {
  id: Generated<string>;
  locality_id: string;
  round_id: string;
  reference: string;
  state: 'draft' | 'submitted' | 'awarded' | 'declined' | 'withdrawn';
  group_name: string | null;
  group_kind: string | null;
  charity_number: string | null;
  company_number: string | null;
  contact_name: string | null;
  contact_email: string;
  postcode: string | null;
  title: string | null;
  description: string | null;
  amount_pence: number | null;
  outcomes: string | null;
  token_hash: string | null;
  token_expires_at: Timestamp | null;
  submitted_at: Timestamp | null;
  agreed_score: number | null;
  moderation_reason: string | null;
  moderated_by: string | null;
  decision_reason: string | null;
  decided_by: string | null;
  decided_at: Timestamp | null;
  awarded_pence: number | null;
  monitoring_spent_pence: number | null;
  monitoring_outcomes: string | null;
  monitoring_at: Timestamp | null;
  monitoring_by: string | null;
  monitoring_state: MonitoringState | null;
  monitoring_review_note: string | null;
  monitoring_reviewed_by: string | null;
  monitoring_reviewed_at: Timestamp | null;
  withdrawn_at: Timestamp | null;
  withdrawn_by: string | null;
  withdrawal_reason: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface FundAssessmentsTable {
  id: Generated<string>;
  application_id: string;
  assessor_id: string;
  assessor_label: string;
  scores: Json;
  score: number;
  comment: string | null;
  created_at: Timestamp;
}

export interface FundPaymentsTable {
  id: Generated<string>;
  application_id: string;
  number: number;
  due_on: string;
  amount_pence: number;
  paid_on: string | null;
  paid_by: string | null;
}

export interface FundSettingsTable {
  locality_id: string;
  three_sixty_prefix: string | null;
  version: Generated<number>;
  updated_at: Timestamp;
}

export interface FundsTables {
  fund_settings: FundSettingsTable;
  fund_funds: FundFundsTable;
  fund_rounds: FundRoundsTable;
  fund_applications: FundApplicationsTable;
  fund_assessments: FundAssessmentsTable;
  fund_payments: FundPaymentsTable;
}

export type FundRow = Selectable<FundFundsTable>;
export type RoundRow = Selectable<FundRoundsTable>;
export type ApplicationRow = Selectable<FundApplicationsTable>;
export type AssessmentRow = Selectable<FundAssessmentsTable>;
export type PaymentRow = Selectable<FundPaymentsTable>;
