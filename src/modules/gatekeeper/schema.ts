import type { ColumnType, Generated, Selectable } from 'kysely';
import type { Migration } from 'kysely/migration';
import { z } from 'zod';
import { isoDate, optionalText, requiredText } from '../../core/validation.js';
import { runStatements } from '../../db/statements.js';
import { LAYERS } from '../register/schema.js';
import { DECISION_OUTCOMES } from './workflow.js';

/**
 * The gatekeeper tables. A proposal keeps its answers as one JSON document (one key per task
 * list section), so a section can be saved half-done and returned to; the workflow, decision
 * and the link to the partnership it created are columns, because lists and reports filter on
 * them. Every change of state is an event row: time in each state is read from those.
 */
export const gatekeeperMigration: Migration = {
  async up(db) {
    await runStatements(
      db,
      `
      create table gatekeeper_settings (
        locality_id uuid primary key references localities(id),
        service_level_days integer not null default 20 check (service_level_days between 1 and 250),
        updated_at timestamptz not null default now()
      );

      create table proposals (
        id uuid primary key default gen_random_uuid(),
        locality_id uuid not null references localities(id),
        reference text not null,
        title text not null,
        national boolean not null default false,
        status text not null default 'draft',
        status_since timestamptz not null default now(),
        answers jsonb not null default '{}',
        proposer_id text not null,
        proposer_name text not null,
        submitted_at timestamptz,
        precheck jsonb,
        decision jsonb,
        decided_at timestamptz,
        decided_by text,
        partnership_id uuid references partnerships(id),
        version integer not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (locality_id, reference)
      );
      create index proposals_locality on proposals (locality_id, status);
      create index proposals_partnership on proposals (partnership_id);

      create table proposal_events (
        id uuid primary key default gen_random_uuid(),
        proposal_id uuid not null references proposals(id) on delete cascade,
        from_status text,
        to_status text not null,
        actor_id text not null,
        actor_name text not null,
        note text,
        occurred_at timestamptz not null default now()
      );
      create index proposal_events_proposal on proposal_events (proposal_id, occurred_at);

      create table proposal_comments (
        id uuid primary key default gen_random_uuid(),
        proposal_id uuid not null references proposals(id) on delete cascade,
        author_id text not null,
        author_name text not null,
        author_role text not null,
        body text not null,
        created_at timestamptz not null default now()
      );
      create index proposal_comments_proposal on proposal_comments (proposal_id, created_at);

      create table proposal_acknowledgements (
        proposal_id uuid not null references proposals(id) on delete cascade,
        partnership_id uuid not null references partnerships(id),
        explanation text not null,
        acknowledged_by text not null,
        acknowledged_at timestamptz not null default now(),
        primary key (proposal_id, partnership_id)
      )
      `,
    );
  },
};

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T> = ColumnType<T, string, string>;
type NullableJson<T> = ColumnType<T | null, string | null | undefined, string | null>;

export interface GatekeeperSettingsTable {
  locality_id: string;
  service_level_days: number;
  updated_at: Timestamp;
}

export interface ProposalsTable {
  id: Generated<string>;
  locality_id: string;
  reference: string;
  title: string;
  national: boolean;
  status: string;
  status_since: Timestamp;
  answers: Json<ProposalAnswers>;
  proposer_id: string;
  proposer_name: string;
  submitted_at: NullableTimestamp;
  precheck: NullableJson<StoredPrecheck>;
  decision: NullableJson<Decision>;
  decided_at: NullableTimestamp;
  decided_by: string | null;
  partnership_id: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ProposalEventsTable {
  id: Generated<string>;
  proposal_id: string;
  from_status: string | null;
  to_status: string;
  actor_id: string;
  actor_name: string;
  note: string | null;
  occurred_at: Timestamp;
}

export interface ProposalCommentsTable {
  id: Generated<string>;
  proposal_id: string;
  author_id: string;
  author_name: string;
  author_role: string;
  body: string;
  created_at: Timestamp;
}

export interface ProposalAcknowledgementsTable {
  proposal_id: string;
  partnership_id: string;
  explanation: string;
  acknowledged_by: string;
  acknowledged_at: Timestamp;
}

export interface GatekeeperTables {
  gatekeeper_settings: GatekeeperSettingsTable;
  proposals: ProposalsTable;
  proposal_events: ProposalEventsTable;
  proposal_comments: ProposalCommentsTable;
  proposal_acknowledgements: ProposalAcknowledgementsTable;
}

export type ProposalRow = Selectable<ProposalsTable>;
export type ProposalEventRow = Selectable<ProposalEventsTable>;
export type ProposalCommentRow = Selectable<ProposalCommentsTable>;
export type AcknowledgementRow = Selectable<ProposalAcknowledgementsTable>;

// --- inputs -----------------------------------------------------------------------------------

const longText = (label: string) => optionalText(4000, label);
const optionalId = (message: string) => z.uuid({ message }).optional();
const count = (label: string, max: number) =>
  z
    .number({ error: `${label} must be a number` })
    .int({ message: `${label} must be a whole number` })
    .min(0, { message: `${label} must be 0 or more` })
    .max(max, { message: `${label} must be ${max} or fewer` })
    .optional();
const yesNo = z.enum(['yes', 'no'], { error: 'Choose yes or no' });

/** Starting a proposal: its title and whether it comes from a government initiative. */
export const startInput = z.object({
  title: requiredText(200, 'Enter a short title for the proposal', 'Title'),
  national: yesNo,
});

/** One schema per task list section. Every field is optional so a section saves half-done. */
export const SECTION_SCHEMAS = {
  problem: z.object({
    title: requiredText(200, 'Enter a short title for the proposal', 'Title'),
    national: yesNo.optional(),
    problem: longText('The problem'),
    outcomes: longText('Outcomes sought'),
    themes: z.array(z.string().trim().min(1)).max(10, { message: 'Choose up to 10 themes' }).default([]),
    planOutcomeIds: z.array(z.string().trim().min(1)).max(20).default([]),
  }),
  need: z.object({
    whySeveralOrganisations: longText('Why it needs several organisations'),
    whySeveralLevels: longText('Why it needs action at several levels'),
  }),
  alternatives: z.object({
    singleOrganisation: longText('A single organisation'),
    jointWorking: longText('Better joint working'),
    existingPartnershipId: optionalId('Choose an existing partnership from the list'),
    existingPartnership: longText('An existing partnership'),
  }),
  members: z.object({
    memberIds: z
      .array(z.uuid({ message: 'Choose members from the list' }))
      .max(60, { message: 'Choose up to 60 members' })
      .default([]),
    chairId: optionalId('Choose the chair from the list'),
    leadOrganisationId: optionalId('Choose a lead organisation from the list'),
    accountableBodyId: optionalId('Choose an accountable body from the list'),
    legalForm: z.string().trim().optional(),
    roles: longText('Roles'),
  }),
  scope: z.object({
    areas: z
      .array(
        z
          .string()
          .trim()
          .toUpperCase()
          .regex(/^[ENSWK]\d{8}$/, { message: 'Enter ONS GSS codes like E07000123' }),
      )
      .max(200)
      .default([]),
    layer: z.enum(LAYERS, { error: 'Choose a layer: strategic, executive or operational' }).optional(),
    durationMonths: count('Expected duration', 240),
    reviewPoint: longText('Exit or review point'),
  }),
  funding: z.object({
    fundName: optionalText(300, 'Fund'),
    fundAmount: z
      .number({ error: 'Amount must be a number, like 25000' })
      .min(0, { message: 'Amount must be 0 or more' })
      .max(1_000_000_000, { message: 'Amount must be £1,000,000,000 or less' })
      .optional(),
    fundEndsOn: isoDate('Fund end date must be a real date, for example 31 3 2028').optional(),
    fundRequiresPartnership: yesNo.optional(),
  }),
  running: z.object({
    meetingsPerYear: count('Meetings a year', 365),
    attendees: count('Attendees', 1000),
    meetingHours: z
      .number({ error: 'Meeting length must be a number of hours' })
      .min(0, { message: 'Meeting length must be 0 or more' })
      .max(24, { message: 'Meeting length must be 24 hours or fewer' })
      .optional(),
    benefits: longText('Expected benefits'),
  }),
} as const;

export type SectionName = keyof typeof SECTION_SCHEMAS;
export const SECTION_NAMES = Object.keys(SECTION_SCHEMAS) as SectionName[];
export type ProposalAnswers = { [K in SectionName]?: z.output<(typeof SECTION_SCHEMAS)[K]> };

export const acknowledgeInput = z.object({
  partnershipId: z.uuid({ message: 'Choose a similar partnership' }),
  explanation: requiredText(
    2000,
    'Explain why the proposal does not duplicate this partnership, or withdraw it',
    'Explanation',
  ),
});

export const commentInput = z.object({
  body: requiredText(4000, 'Enter your comment', 'Comment'),
});

export const requestInformationInput = z.object({
  note: requiredText(4000, 'Say what more information is needed', 'What is needed'),
});

export const resubmitInput = z.object({
  note: requiredText(4000, 'Say what you have changed or added', 'What has changed'),
});

export const withdrawInput = z.object({
  reason: optionalText(2000, 'Reason'),
});

export const CHECKS = {
  similar: 'Similar partnerships found by the pre-check',
  burden: 'Seat burden on the proposed members',
  'theme-area': 'Partnerships in the same theme and area',
  statutory: 'Statutory partnerships that already cover it',
  cost: 'Estimated yearly running cost',
  alternatives: 'Alternatives the proposer considered',
  advice: 'Government Office advice',
} as const;
export type CheckCode = keyof typeof CHECKS;

export const decisionInput = z
  .object({
    outcome: z.enum(DECISION_OUTCOMES, { error: 'Choose approve, approve with conditions or reject' }),
    reasons: requiredText(4000, 'Give the reasons for the decision: they are published in the decision log', 'Reasons'),
    checks: z
      .array(z.enum(Object.keys(CHECKS) as [CheckCode, ...CheckCode[]], { error: 'Choose checks from the list' }))
      .default([]),
    conditions: optionalText(4000, 'Conditions'),
    createAs: z
      .enum(['proposed', 'active'], { error: 'Choose whether the partnership starts as proposed or active' })
      .optional(),
    diversion: z
      .enum(['single-organisation', 'joint-working', 'existing-partnership', 'none'], {
        error: 'Choose where the work goes instead',
      })
      .optional(),
    restrictedNote: optionalText(4000, 'Note for readers of restricted material'),
  })
  .superRefine((d, ctx) => {
    if (d.checks.length === 0)
      ctx.addIssue({ code: 'custom', path: ['checks'], message: 'Say which checks you considered' });
    if (d.outcome === 'approved-with-conditions' && !d.conditions)
      ctx.addIssue({ code: 'custom', path: ['conditions'], message: 'Enter the conditions of the approval' });
    if (d.outcome !== 'rejected' && !d.createAs)
      ctx.addIssue({
        code: 'custom',
        path: ['createAs'],
        message: 'Choose whether the new partnership starts as proposed or active',
      });
  });
export type DecisionInput = z.output<typeof decisionInput>;

export const settingsInput = z.object({
  serviceLevelDays: z
    .number({ error: 'Enter a number of working days, like 20' })
    .int({ message: 'Enter a whole number of working days' })
    .min(1, { message: 'The service level must be at least 1 working day' })
    .max(250, { message: 'The service level must be 250 working days or fewer' }),
});

/** A decision as stored on the proposal. */
export interface Decision {
  outcome: (typeof DECISION_OUTCOMES)[number];
  reasons: string;
  checks: CheckCode[];
  conditions: string | null;
  createAs: 'proposed' | 'active' | null;
  diversion: 'single-organisation' | 'joint-working' | 'existing-partnership' | 'none' | null;
  restrictedNote: string | null;
  deciderName: string;
  deciderRole: string;
}

/** What the pre-check found when the proposal was submitted, kept as the reviewers saw it. */
export interface StoredPrecheck {
  at: string;
  similar: Array<{ partnershipId: string; name: string; localityName: string; score: number }>;
  yearlyCostPence: number;
  costEstimated: boolean;
}
