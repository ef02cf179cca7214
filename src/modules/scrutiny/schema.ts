import type { ColumnType, Generated, Selectable } from 'kysely';
import type { Migration } from 'kysely/migration';
import { z } from 'zod';
import { isoDate, optionalText, recordVersion, requiredText } from '../../core/validation.js';
import { runStatements } from '../../db/statements.js';
import { LEVER_KINDS, RESPONSES } from './rules.js';

/**
 * Overview and scrutiny (committees, reviews, evidence packs frozen as snapshots,
 * recommendations with their responses and actions), risk registers with their review history,
 * the locality's accountability settings and levers. Difficult decisions are the one meetings
 * model's decisions (cycles), marked difficult with the fields this migration adds to them.
 */
export const scrutinyMigration: Migration = {
  async up(db) {
    await runStatements(
      db,
      `
      create table accountability_settings (
        locality_id uuid primary key references localities(id),
        matrix_size integer not null default 5 check (matrix_size in (4, 5)),
        decision_limit_days integer not null default 90 check (decision_limit_days between 1 and 3650),
        response_days integer not null default 60 check (response_days between 1 and 365),
        target_public_bp integer not null default 4000,
        target_private_bp integer not null default 2000,
        target_voluntary_bp integer not null default 2000,
        target_community_bp integer not null default 2000,
        version integer not null default 1,
        updated_at timestamptz not null default now(),
        check (target_public_bp + target_private_bp + target_voluntary_bp + target_community_bp = 10000)
      );

      create table risks (
        id uuid primary key default gen_random_uuid(),
        locality_id uuid not null references localities(id),
        partnership_id uuid references partnerships(id),
        title text not null,
        description text,
        cause text,
        effect text,
        owner text not null,
        controls text,
        outcomes text,
        matrix_size integer not null check (matrix_size in (4, 5)),
        inherent_likelihood integer not null,
        inherent_impact integer not null,
        residual_likelihood integer not null,
        residual_impact integer not null,
        review_on date not null,
        restricted boolean not null default false,
        closed_on date,
        version integer not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        check (inherent_likelihood between 1 and matrix_size and inherent_impact between 1 and matrix_size),
        check (residual_likelihood between 1 and matrix_size and residual_impact between 1 and matrix_size)
      );
      create index risks_locality on risks (locality_id, partnership_id);

      create table risk_reviews (
        id uuid primary key default gen_random_uuid(),
        risk_id uuid not null references risks(id) on delete cascade,
        reviewed_on date not null,
        matrix_size integer not null,
        residual_likelihood integer not null,
        residual_impact integer not null,
        note text,
        reviewed_by text not null,
        created_at timestamptz not null default now()
      );
      create index risk_reviews_risk on risk_reviews (risk_id, reviewed_on);

      create table scrutiny_committees (
        id uuid primary key default gen_random_uuid(),
        locality_id uuid not null references localities(id),
        name text not null,
        remit text,
        created_at timestamptz not null default now(),
        unique (locality_id, name)
      );

      create table scrutiny_committee_members (
        id uuid primary key default gen_random_uuid(),
        committee_id uuid not null references scrutiny_committees(id) on delete cascade,
        name text not null,
        role text not null check (role in ('chair', 'vice-chair', 'member', 'co-opted'))
      );
      create index scrutiny_committee_members_committee on scrutiny_committee_members (committee_id);

      create table scrutiny_reviews (
        id uuid primary key default gen_random_uuid(),
        locality_id uuid not null references localities(id),
        committee_id uuid not null references scrutiny_committees(id),
        kind text not null check (kind in ('event', 'systems', 'risk', 'theme-performance')),
        title text not null,
        scope_kind text not null check (scope_kind in ('theme', 'partnership', 'lsp')),
        scope_theme text,
        scope_partnership_id uuid references partnerships(id),
        scope text not null,
        questions text,
        witnesses text,
        findings text,
        status text not null default 'planned' check (status in ('planned', 'in-progress', 'reported')),
        starts_on date not null,
        reports_on date,
        follow_up_on date,
        version integer not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        check ((scope_kind = 'theme') = (scope_theme is not null)),
        check ((scope_kind = 'partnership') = (scope_partnership_id is not null))
      );
      create index scrutiny_reviews_locality on scrutiny_reviews (locality_id, starts_on);

      create table evidence_packs (
        id uuid primary key default gen_random_uuid(),
        locality_id uuid not null references localities(id),
        review_id uuid not null references scrutiny_reviews(id) on delete cascade,
        issued_on date not null,
        issued_at timestamptz not null default now(),
        issued_by text not null,
        snapshot jsonb not null
      );
      create index evidence_packs_review on evidence_packs (review_id, issued_at);

      create table scrutiny_recommendations (
        id uuid primary key default gen_random_uuid(),
        locality_id uuid not null references localities(id),
        review_id uuid not null references scrutiny_reviews(id) on delete cascade,
        number integer not null,
        text text not null,
        addressee_kind text not null check (addressee_kind in ('partnership', 'organisation', 'lsp')),
        partnership_id uuid references partnerships(id),
        organisation_id uuid references organisations(id),
        owner text,
        status text not null default 'awaiting-response'
          check (status in ('awaiting-response', 'accepted', 'partly-accepted', 'rejected', 'implemented')),
        response_reasons text,
        responded_on date,
        responded_by text,
        made_on date not null,
        response_due_on date not null,
        version integer not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (review_id, number),
        check ((addressee_kind = 'partnership') = (partnership_id is not null)),
        check ((addressee_kind = 'organisation') = (organisation_id is not null))
      );
      create index scrutiny_recommendations_locality on scrutiny_recommendations (locality_id, status);

      create table recommendation_actions (
        id uuid primary key default gen_random_uuid(),
        recommendation_id uuid not null references scrutiny_recommendations(id) on delete cascade,
        description text not null,
        due_on date not null,
        progress integer not null default 0 check (progress between 0 and 100),
        progress_note text,
        updated_on date not null,
        created_by text not null,
        created_at timestamptz not null default now()
      );
      create index recommendation_actions_recommendation on recommendation_actions (recommendation_id);

      create table levers (
        id uuid primary key default gen_random_uuid(),
        locality_id uuid not null references localities(id),
        kind text not null,
        organisation_id uuid not null references organisations(id),
        title text not null,
        partnership_id uuid references partnerships(id),
        outcomes text,
        starts_on date not null,
        ends_on date,
        evidence text,
        created_at timestamptz not null default now(),
        check (ends_on is null or ends_on >= starts_on)
      );
      create index levers_locality on levers (locality_id);

      alter table meeting_decisions add column difficult boolean not null default false;
      alter table meeting_decisions add column options_considered text;
      alter table meeting_decisions add column dissent text;
      alter table meeting_decisions add column follow_up text;
      alter table meeting_decisions add column resolved_on date;
      alter table meeting_decisions add column carried_through boolean
      `,
    );
  },
};

/**
 * Committees changed at a version; a complaints contact of each partnership's own, or the
 * locality's joint complaints route (no partnership); consultation and engagement activities
 * with whom they reached.
 */
export const scrutinyConsultationMigration: Migration = {
  async up(db) {
    await runStatements(
      db,
      `
      alter table scrutiny_committees add column version integer not null default 1;
      alter table scrutiny_committees add column updated_at timestamptz not null default now();

      create table complaints_contacts (
        id uuid primary key default gen_random_uuid(),
        locality_id uuid not null references localities(id),
        partnership_id uuid references partnerships(id),
        email text,
        url text,
        phone text,
        note text,
        version integer not null default 1,
        updated_at timestamptz not null default now(),
        check (email is not null or url is not null or phone is not null)
      );
      create unique index complaints_contacts_partnership on complaints_contacts (partnership_id)
        where partnership_id is not null;
      create unique index complaints_contacts_locality on complaints_contacts (locality_id)
        where partnership_id is null;

      create table consultation_activities (
        id uuid primary key default gen_random_uuid(),
        locality_id uuid not null references localities(id),
        partnership_id uuid references partnerships(id),
        title text not null,
        method text not null,
        held_on date not null,
        groups text[] not null default '{}',
        reached text,
        people_reached integer check (people_reached is null or people_reached >= 0),
        created_by text not null,
        created_at timestamptz not null default now()
      );
      create index consultation_activities_locality on consultation_activities (locality_id, held_on)
      `,
    );
  },
};

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A date column read as YYYY-MM-DD (the database module parses dates as text). */
type DateOnly = string;
type Json = ColumnType<unknown, string, string>;

export interface AccountabilitySettingsTable {
  locality_id: string;
  matrix_size: Generated<number>;
  decision_limit_days: Generated<number>;
  response_days: Generated<number>;
  target_public_bp: Generated<number>;
  target_private_bp: Generated<number>;
  target_voluntary_bp: Generated<number>;
  target_community_bp: Generated<number>;
  version: Generated<number>;
  updated_at: Timestamp;
}

export interface RisksTable {
  id: Generated<string>;
  locality_id: string;
  partnership_id: string | null;
  title: string;
  description: string | null;
  cause: string | null;
  effect: string | null;
  owner: string;
  controls: string | null;
  outcomes: string | null;
  matrix_size: number;
  inherent_likelihood: number;
  inherent_impact: number;
  residual_likelihood: number;
  residual_impact: number;
  review_on: DateOnly;
  restricted: Generated<boolean>;
  closed_on: DateOnly | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RiskReviewsTable {
  id: Generated<string>;
  risk_id: string;
  reviewed_on: DateOnly;
  matrix_size: number;
  residual_likelihood: number;
  residual_impact: number;
  note: string | null;
  reviewed_by: string;
  created_at: Timestamp;
}

export interface ScrutinyCommitteesTable {
  id: Generated<string>;
  locality_id: string;
  name: string;
  remit: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ScrutinyCommitteeMembersTable {
  id: Generated<string>;
  committee_id: string;
  name: string;
  role: string;
}

export interface ScrutinyReviewsTable {
  id: Generated<string>;
  locality_id: string;
  committee_id: string;
  kind: string;
  title: string;
  scope_kind: string;
  scope_theme: string | null;
  scope_partnership_id: string | null;
  scope: string;
  questions: string | null;
  witnesses: string | null;
  findings: string | null;
  status: Generated<string>;
  starts_on: DateOnly;
  reports_on: DateOnly | null;
  follow_up_on: DateOnly | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface EvidencePacksTable {
  id: Generated<string>;
  locality_id: string;
  review_id: string;
  issued_on: DateOnly;
  issued_at: Timestamp;
  issued_by: string;
  snapshot: Json;
}

export interface ScrutinyRecommendationsTable {
  id: Generated<string>;
  locality_id: string;
  review_id: string;
  number: number;
  text: string;
  addressee_kind: string;
  partnership_id: string | null;
  organisation_id: string | null;
  owner: string | null;
  status: Generated<string>;
  response_reasons: string | null;
  responded_on: DateOnly | null;
  responded_by: string | null;
  made_on: DateOnly;
  response_due_on: DateOnly;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RecommendationActionsTable {
  id: Generated<string>;
  recommendation_id: string;
  description: string;
  due_on: DateOnly;
  progress: Generated<number>;
  progress_note: string | null;
  updated_on: DateOnly;
  created_by: string;
  created_at: Timestamp;
}

export interface LeversTable {
  id: Generated<string>;
  locality_id: string;
  kind: string;
  organisation_id: string;
  title: string;
  partnership_id: string | null;
  outcomes: string | null;
  starts_on: DateOnly;
  ends_on: DateOnly | null;
  evidence: string | null;
  created_at: Timestamp;
}

export interface ComplaintsContactsTable {
  id: Generated<string>;
  locality_id: string;
  partnership_id: string | null;
  email: string | null;
  url: string | null;
  phone: string | null;
  note: string | null;
  version: Generated<number>;
  updated_at: Timestamp;
}

export interface ConsultationActivitiesTable {
  id: Generated<string>;
  locality_id: string;
  partnership_id: string | null;
  title: string;
  method: string;
  held_on: DateOnly;
  groups: ColumnType<string[], string[] | undefined, string[]>;
  reached: string | null;
  people_reached: number | null;
  created_by: string;
  created_at: Timestamp;
}

export interface ScrutinyTables {
  accountability_settings: AccountabilitySettingsTable;
  risks: RisksTable;
  risk_reviews: RiskReviewsTable;
  scrutiny_committees: ScrutinyCommitteesTable;
  scrutiny_committee_members: ScrutinyCommitteeMembersTable;
  scrutiny_reviews: ScrutinyReviewsTable;
  evidence_packs: EvidencePacksTable;
  scrutiny_recommendations: ScrutinyRecommendationsTable;
  recommendation_actions: RecommendationActionsTable;
  levers: LeversTable;
  complaints_contacts: ComplaintsContactsTable;
  consultation_activities: ConsultationActivitiesTable;
}

export type RiskRow = Selectable<RisksTable>;
export type RiskReviewRow = Selectable<RiskReviewsTable>;
export type CommitteeRow = Selectable<ScrutinyCommitteesTable>;
export type ReviewRow = Selectable<ScrutinyReviewsTable>;
export type PackRow = Selectable<EvidencePacksTable>;
export type RecommendationRow = Selectable<ScrutinyRecommendationsTable>;
export type ActionRow = Selectable<RecommendationActionsTable>;
export type LeverRow = Selectable<LeversTable>;
export type ComplaintsContactRow = Selectable<ComplaintsContactsTable>;
export type ConsultationRow = Selectable<ConsultationActivitiesTable>;

// --- inputs ---------------------------------------------------------------------------------

const scale = (label: string) =>
  z.coerce
    .number({ message: `Choose the ${label}` })
    .int({ message: `Choose the ${label}` })
    .min(1, { message: `Choose the ${label}` })
    .max(5, { message: `Choose the ${label}` });

export const riskInput = z
  .object({
    partnershipId: z.uuid({ message: 'Choose a partnership, or the LSP' }).optional(),
    title: requiredText(200, 'Enter the risk', 'Risk'),
    description: optionalText(2000, 'Description'),
    cause: optionalText(2000, 'Cause'),
    effect: optionalText(2000, 'Effect'),
    owner: requiredText(200, 'Enter who owns the risk', 'Owner'),
    controls: optionalText(2000, 'Controls'),
    outcomes: optionalText(1000, 'Linked outcomes'),
    inherentLikelihood: scale('likelihood before controls'),
    inherentImpact: scale('impact before controls'),
    residualLikelihood: scale('likelihood after controls'),
    residualImpact: scale('impact after controls'),
    reviewOn: isoDate('Enter the next review date as a real date'),
    restricted: z.coerce.boolean().default(false),
  })
  .strict();
export type RiskInput = z.output<typeof riskInput>;

export const riskReviewInput = z
  .object({
    residualLikelihood: scale('likelihood after controls'),
    residualImpact: scale('impact after controls'),
    note: optionalText(2000, 'Note'),
    nextReviewOn: isoDate('Enter the next review date as a real date'),
    version: recordVersion(),
  })
  .strict();

export const settingsInput = z
  .object({
    matrixSize: z.coerce
      .number()
      .pipe(z.union([z.literal(4), z.literal(5)], { message: 'Choose a 4×4 or 5×5 matrix' })),
    decisionLimitDays: z.coerce
      .number({ message: 'Enter the limit in days, like 90' })
      .int({ message: 'Enter the limit in whole days, like 90' })
      .min(1, { message: 'The limit must be at least 1 day' })
      .max(3650, { message: 'The limit must be 3,650 days or fewer' }),
    responseDays: z.coerce
      .number({ message: 'Enter the days allowed for a response, like 60' })
      .int({ message: 'Enter whole days, like 60' })
      .min(1, { message: 'Allow at least 1 day' })
      .max(365, { message: 'Allow 365 days or fewer' }),
    targetPublic: z.coerce.number({ message: 'Enter the public sector’s target share' }).int().min(0).max(100),
    targetPrivate: z.coerce.number({ message: 'Enter the private sector’s target share' }).int().min(0).max(100),
    targetVoluntary: z.coerce.number({ message: 'Enter the voluntary sector’s target share' }).int().min(0).max(100),
    targetCommunity: z.coerce.number({ message: 'Enter the community sector’s target share' }).int().min(0).max(100),
  })
  .strict();

export const committeeInput = z
  .object({
    name: requiredText(200, 'Enter the committee’s name', 'Name'),
    remit: optionalText(2000, 'Remit'),
    /** One member a line: "Cllr Ann Example (chair)". */
    members: z.array(z.string().trim().min(1).max(200)).max(50).default([]),
  })
  .strict();

export const REVIEW_KINDS = ['event', 'systems', 'risk', 'theme-performance'] as const;
export const REVIEW_KIND_LABELS: Record<(typeof REVIEW_KINDS)[number], string> = {
  event: 'One-off activity or event',
  systems: 'Systems review',
  risk: 'Risk review',
  'theme-performance': 'Theme performance review',
};
export const REVIEW_STATUS_LABELS: Record<string, string> = {
  planned: 'Planned',
  'in-progress': 'In progress',
  reported: 'Reported',
};

export const reviewInput = z
  .object({
    committeeId: z.uuid({ message: 'Choose the committee' }),
    kind: z.enum(REVIEW_KINDS, { message: 'Choose the kind of review' }),
    title: requiredText(200, 'Enter the review’s title', 'Title'),
    scopeKind: z.enum(['theme', 'partnership', 'lsp'], { message: 'Choose what the review looks at' }),
    scopeTheme: optionalText(80, 'Theme'),
    scopePartnershipId: z.uuid({ message: 'Choose the partnership' }).optional(),
    scope: requiredText(4000, 'Enter the scope of the review', 'Scope'),
    questions: optionalText(4000, 'Key questions'),
    witnesses: optionalText(4000, 'Witnesses and sessions'),
    startsOn: isoDate('Enter the start date as a real date'),
    reportsOn: isoDate('Enter the reporting date as a real date').optional(),
    followUpOn: isoDate('Enter the follow-up date as a real date').optional(),
  })
  .strict();
export type ReviewInput = z.output<typeof reviewInput>;

export const findingsInput = z
  .object({
    findings: requiredText(8000, 'Enter the findings', 'Findings'),
    status: z.enum(['planned', 'in-progress', 'reported'], { message: 'Choose the review’s status' }),
    followUpOn: isoDate('Enter the follow-up date as a real date').optional(),
    version: recordVersion(),
  })
  .strict();

export const recommendationInput = z
  .object({
    text: requiredText(4000, 'Enter the recommendation', 'Recommendation'),
    addresseeKind: z.enum(['partnership', 'organisation', 'lsp'], { message: 'Choose who the recommendation is to' }),
    partnershipId: z.uuid({ message: 'Choose the partnership' }).optional(),
    organisationId: z.uuid({ message: 'Choose the organisation' }).optional(),
    owner: optionalText(200, 'Owner'),
  })
  .strict();
export type RecommendationInput = z.output<typeof recommendationInput>;

export const responseInput = z
  .object({
    response: z.enum(RESPONSES, { message: 'Choose accepted, partly accepted or rejected' }),
    reasons: optionalText(4000, 'Reasons'),
    owner: optionalText(200, 'Owner'),
    version: recordVersion(),
  })
  .strict();

export const actionInput = z
  .object({
    description: requiredText(2000, 'Enter the action', 'Action'),
    dueOn: isoDate('Enter the due date as a real date'),
  })
  .strict();

export const progressInput = z
  .object({
    progress: z.coerce
      .number({ message: 'Enter progress as a percentage, like 50' })
      .int({ message: 'Enter progress as a whole percentage, like 50' })
      .min(0, { message: 'Progress must be 0% or more' })
      .max(100, { message: 'Progress must be 100% or less' }),
    note: optionalText(2000, 'Progress update'),
  })
  .strict();

export const leverInput = z
  .object({
    kind: z.enum(LEVER_KINDS, { message: 'Choose the kind of lever' }),
    organisationId: z.uuid({ message: 'Choose the public body it applies to' }),
    title: requiredText(200, 'Enter what the lever is', 'Lever'),
    partnershipId: z.uuid({ message: 'Choose a partnership' }).optional(),
    outcomes: optionalText(1000, 'Outcomes'),
    startsOn: isoDate('Enter the start date as a real date'),
    endsOn: isoDate('Enter the end date as a real date').optional(),
    evidence: optionalText(2000, 'Evidence that it works'),
  })
  .strict();

export const difficultDecisionInput = z
  .object({
    difficult: z.coerce.boolean().default(true),
    optionsConsidered: optionalText(4000, 'Options considered'),
    dissent: optionalText(2000, 'Who disagreed'),
    followUp: optionalText(2000, 'Follow-up'),
    resolvedOn: isoDate('Enter the date it was resolved as a real date').optional(),
    carriedThrough: z.enum(['yes', 'no']).optional(),
  })
  .strict();

// --- changes and removals ----------------------------------------------------------------------

/** A risk's details changed: its residual score and review date move only at a review, kept as history. */
export const riskUpdate = riskInput
  .omit({ partnershipId: true, residualLikelihood: true, residualImpact: true, reviewOn: true })
  .extend({ version: recordVersion() })
  .strict();

export const committeeUpdate = committeeInput.extend({ version: recordVersion() }).strict();

export const reviewUpdate = reviewInput.extend({ version: recordVersion() }).strict();

/** Removing (or closing) a record read at a version. */
export const removalInput = z.object({ version: recordVersion() }).strict();

// --- complaints contact ------------------------------------------------------------------------

const PHONE = /^\+?[\d\s()-]+$/;

export const complaintsContactInput = z
  .object({
    email: z
      .string()
      .trim()
      .toLowerCase()
      .max(254, { message: 'Email address must be 254 characters or fewer' })
      .pipe(z.email({ message: 'Enter an email address in the correct format, like complaints@example.org' }))
      .optional(),
    url: z
      .url({ message: 'Enter a full web address, starting https://', protocol: /^https?$/ })
      .max(500, { message: 'Web address must be 500 characters or fewer' })
      .optional(),
    phone: z
      .string()
      .trim()
      .refine((v) => PHONE.test(v) && (v.match(/\d/g)?.length ?? 0) >= 10 && (v.match(/\d/g)?.length ?? 0) <= 15, {
        message: 'Enter a telephone number, like 01632 960 001 or +44 1632 960 001',
      })
      .optional(),
    note: optionalText(500, 'Note'),
    /** The version read, or 0 when there was no contact of its own. */
    version: recordVersion().default(0),
  })
  .strict();
export type ComplaintsContactInput = z.output<typeof complaintsContactInput>;

// --- consultation and engagement ---------------------------------------------------------------

export const CONSULTATION_METHODS = ['survey', 'public-meeting', 'focus-group', 'online', 'workshop', 'other'] as const;
export const CONSULTATION_METHOD_LABELS: Record<(typeof CONSULTATION_METHODS)[number], string> = {
  survey: 'Survey',
  'public-meeting': 'Public meeting',
  'focus-group': 'Focus group',
  online: 'Online consultation',
  workshop: 'Workshop or event',
  other: 'Other',
};

/** Whom an activity reached: the groups the dashboard counts, to show who is seldom heard. */
export const CONSULTATION_GROUPS = [
  'residents',
  'young-people',
  'older-people',
  'disabled-people',
  'minority-ethnic',
  'voluntary-community',
  'business',
] as const;
export const CONSULTATION_GROUP_LABELS: Record<(typeof CONSULTATION_GROUPS)[number], string> = {
  residents: 'Residents generally',
  'young-people': 'Young people',
  'older-people': 'Older people',
  'disabled-people': 'Disabled people',
  'minority-ethnic': 'Black and minority ethnic communities',
  'voluntary-community': 'Voluntary and community groups',
  business: 'Businesses',
};

export const consultationInput = z
  .object({
    partnershipId: z.uuid({ message: 'Choose a partnership, or the LSP' }).optional(),
    title: requiredText(200, 'Enter what the activity was', 'Activity'),
    method: z.enum(CONSULTATION_METHODS, { message: 'Choose how people were consulted' }),
    heldOn: isoDate('Enter the date as a real date'),
    groups: z
      .array(z.enum(CONSULTATION_GROUPS, { message: 'Choose the groups it reached from the list' }))
      .min(1, { message: 'Choose at least one group it reached' }),
    reached: optionalText(2000, 'Whom it reached'),
    peopleReached: z.coerce
      .number({ message: 'Enter the number of people reached, like 120' })
      .int({ message: 'Enter a whole number of people, like 120' })
      .min(0, { message: 'The number of people reached must be 0 or more' })
      .max(10_000_000, { message: 'The number of people reached is too large' })
      .optional(),
  })
  .strict();
