import type { ColumnType, Generated, Selectable } from 'kysely';
import type { Migration } from 'kysely/migration';
import { z } from 'zod';
import { isoDate, optionalText, requiredText } from '../../core/validation.js';
import { runStatements } from '../../db/statements.js';
import { type AreaGeometry, parseAreaGeoJson } from './area.js';
import { CHALLENGE_PARTIES, VETO_GROUNDS } from './rules.js';

/**
 * Business Improvement Districts: the proposals (with their levy rules, margins and ballot
 * timetable), the rating list extract each is balloted on, and one ballot paper per eligible
 * hereditament. A paper's vote is kept on the paper; only the ballot holder and the scrutineer
 * read it, and only after the close (the service enforces this).
 */
export const bidsMigration: Migration = {
  async up(db) {
    await runStatements(
      db,
      `
      create table bids (
        id uuid primary key default gen_random_uuid(),
        locality_id uuid not null references localities(id),
        partnership_id uuid not null references partnerships(id),
        renews_id uuid references bids(id),
        name text not null,
        proposer text not null check (proposer in ('business-group', 'council', 'property-owners')),
        proposer_name text,
        nation text not null,
        summary text not null,
        governance text,
        alterable text,
        budget_pounds integer,
        term_start date not null,
        term_years integer not null check (term_years between 1 and 5),
        area_streets text not null default '',
        area_references text not null default '',
        threshold integer not null default 0 check (threshold >= 0),
        included_classes text not null default '',
        excluded_classes text not null default '',
        levy_rate_bp integer not null check (levy_rate_bp > 0),
        levy_cap_pence integer,
        levy_minimum_pence integer,
        charity_relief_bp integer not null default 0,
        empty_relief_bp integer not null default 0,
        uplift_bp integer not null default 0,
        margin_yes_number_bp integer,
        margin_yes_value_bp integer,
        margin_turnout_number_bp integer,
        margin_turnout_value_bp integer,
        online_voting boolean not null default false,
        notice_on date,
        papers_on date,
        ballot_on date,
        postponed_to date,
        postponement_reason text,
        status text not null default 'proposal' check (status in ('proposal', 'ballot', 'declared', 'vetoed')),
        declaration jsonb,
        declared_at timestamptz,
        rating_list_name text,
        rating_list_at timestamptz,
        vetoed_on date,
        veto_grounds text,
        veto_policy text,
        veto_reasons text,
        veto_support text,
        veto_consultation text,
        veto_costs text,
        version integer not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );
      create index bids_locality on bids (locality_id, name);

      create table bid_hereditaments (
        id uuid primary key default gen_random_uuid(),
        bid_id uuid not null references bids(id) on delete cascade,
        locality_id uuid not null references localities(id),
        line integer not null,
        reference text not null,
        address text not null,
        street text not null,
        postcode text,
        ratepayer text,
        value integer not null check (value >= 0),
        occupied boolean not null,
        owner text,
        class_code text,
        charity boolean not null default false
      );
      create unique index bid_hereditaments_reference on bid_hereditaments (bid_id, upper(reference));

      create table bid_papers (
        id uuid primary key default gen_random_uuid(),
        bid_id uuid not null references bids(id) on delete cascade,
        locality_id uuid not null references localities(id),
        hereditament_id uuid not null references bid_hereditaments(id) on delete cascade,
        code text not null unique,
        voter text not null,
        value integer not null,
        status text not null default 'issued'
          check (status in ('issued', 'returned', 'spoilt', 'late', 'replaced')),
        vote text check (vote in ('yes', 'no')),
        channel text check (channel in ('post', 'online')),
        received_at timestamptz,
        replaces_id uuid references bid_papers(id),
        issued_at timestamptz not null default now(),
        check ((vote is not null) = (status = 'returned'))
      );
      create index bid_papers_bid on bid_papers (bid_id);
      create unique index bid_papers_live on bid_papers (hereditament_id) where status <> 'replaced';

      create table bid_challenges (
        id uuid primary key default gen_random_uuid(),
        bid_id uuid not null references bids(id) on delete cascade,
        locality_id uuid not null references localities(id),
        kind text not null check (kind in ('irregularity', 'veto-appeal')),
        made_on date not null,
        by_party text not null check (by_party in ('proposer', 'bid-body', 'voters')),
        supporters integer,
        grounds text not null,
        outcome text not null default 'open' check (outcome in ('open', 'upheld', 'dismissed')),
        outcome_on date,
        outcome_notes text,
        created_at timestamptz not null default now()
      );
      create index bid_challenges_bid on bid_challenges (bid_id);

      create table bid_consultation_responses (
        id uuid primary key default gen_random_uuid(),
        bid_id uuid not null references bids(id) on delete cascade,
        locality_id uuid not null references localities(id),
        received_on date not null,
        respondent text not null,
        organisation text,
        stance text not null check (stance in ('support', 'oppose', 'neutral')),
        summary text not null,
        created_at timestamptz not null default now()
      );
      create index bid_consultation_bid on bid_consultation_responses (bid_id)
      `,
    );
  },
};

/**
 * The area drawn as GeoJSON (a Polygon or MultiPolygon in longitude and latitude) beside its
 * street list; hereditaments' locations from the rating list, when it carries them; the levy
 * collected into the BID revenue account, hereditament by hereditament and year by year; and
 * what the BID body spent, for its yearly report to levy payers.
 */
export const bidsMapCollectionsMigration: Migration = {
  async up(db) {
    await runStatements(
      db,
      `
      alter table bids add column area_geojson jsonb;
      alter table bid_hereditaments add column latitude double precision;
      alter table bid_hereditaments add column longitude double precision;

      create table bid_levy_collections (
        id uuid primary key default gen_random_uuid(),
        bid_id uuid not null references bids(id) on delete cascade,
        locality_id uuid not null references localities(id),
        hereditament_id uuid not null references bid_hereditaments(id) on delete cascade,
        year integer not null check (year between 1 and 5),
        amount_pence integer not null check (amount_pence > 0),
        received_on date not null,
        reference text,
        created_at timestamptz not null default now()
      );
      create index bid_levy_collections_bid on bid_levy_collections (bid_id, year);

      create table bid_spending (
        id uuid primary key default gen_random_uuid(),
        bid_id uuid not null references bids(id) on delete cascade,
        locality_id uuid not null references localities(id),
        year integer not null check (year between 1 and 5),
        spent_on date not null,
        heading text not null,
        description text,
        amount_pence integer not null check (amount_pence > 0),
        created_at timestamptz not null default now()
      );
      create index bid_spending_bid on bid_spending (bid_id, year)
      `,
    );
  },
};

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string | undefined | null, string | null>;

export interface BidsTable {
  id: Generated<string>;
  locality_id: string;
  partnership_id: string;
  /** The BID whose term this one renews (or alters): its history runs across terms. */
  renews_id: string | null;
  name: string;
  proposer: string;
  proposer_name: string | null;
  nation: string;
  summary: string;
  governance: string | null;
  alterable: string | null;
  budget_pounds: number | null;
  term_start: string;
  term_years: number;
  area_streets: Generated<string>;
  area_references: Generated<string>;
  threshold: Generated<number>;
  included_classes: Generated<string>;
  excluded_classes: Generated<string>;
  levy_rate_bp: number;
  levy_cap_pence: number | null;
  levy_minimum_pence: number | null;
  charity_relief_bp: Generated<number>;
  empty_relief_bp: Generated<number>;
  uplift_bp: Generated<number>;
  margin_yes_number_bp: number | null;
  margin_yes_value_bp: number | null;
  margin_turnout_number_bp: number | null;
  margin_turnout_value_bp: number | null;
  online_voting: Generated<boolean>;
  notice_on: string | null;
  papers_on: string | null;
  ballot_on: string | null;
  postponed_to: string | null;
  postponement_reason: string | null;
  status: Generated<string>;
  declaration: Json<unknown>;
  declared_at: Timestamp | null;
  rating_list_name: string | null;
  rating_list_at: Timestamp | null;
  vetoed_on: string | null;
  veto_grounds: string | null;
  veto_policy: string | null;
  veto_reasons: string | null;
  veto_support: string | null;
  veto_consultation: string | null;
  veto_costs: string | null;
  /** The area drawn as a GeoJSON Polygon or MultiPolygon (longitude, latitude), if it was. */
  area_geojson: Json<AreaGeometry | null>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface BidHereditamentsTable {
  id: Generated<string>;
  bid_id: string;
  locality_id: string;
  line: number;
  reference: string;
  address: string;
  street: string;
  postcode: string | null;
  ratepayer: string | null;
  value: number;
  occupied: boolean;
  owner: string | null;
  class_code: string | null;
  charity: Generated<boolean>;
  latitude: number | null;
  longitude: number | null;
}

export interface BidLevyCollectionsTable {
  id: Generated<string>;
  bid_id: string;
  locality_id: string;
  hereditament_id: string;
  year: number;
  amount_pence: number;
  received_on: string;
  reference: string | null;
  created_at: Generated<Date>;
}

export interface BidSpendingTable {
  id: Generated<string>;
  bid_id: string;
  locality_id: string;
  year: number;
  spent_on: string;
  heading: string;
  description: string | null;
  amount_pence: number;
  created_at: Generated<Date>;
}

export interface BidPapersTable {
  id: Generated<string>;
  bid_id: string;
  locality_id: string;
  hereditament_id: string;
  code: string;
  voter: string;
  value: number;
  status: Generated<string>;
  vote: string | null;
  channel: string | null;
  received_at: Timestamp | null;
  replaces_id: string | null;
  issued_at: Generated<Date>;
}

export interface BidChallengesTable {
  id: Generated<string>;
  bid_id: string;
  locality_id: string;
  kind: string;
  made_on: string;
  by_party: string;
  supporters: number | null;
  grounds: string;
  outcome: Generated<string>;
  outcome_on: string | null;
  outcome_notes: string | null;
  created_at: Generated<Date>;
}

export interface BidConsultationResponsesTable {
  id: Generated<string>;
  bid_id: string;
  locality_id: string;
  received_on: string;
  respondent: string;
  organisation: string | null;
  stance: string;
  summary: string;
  created_at: Generated<Date>;
}

export interface BidTables {
  bids: BidsTable;
  bid_hereditaments: BidHereditamentsTable;
  bid_papers: BidPapersTable;
  bid_challenges: BidChallengesTable;
  bid_consultation_responses: BidConsultationResponsesTable;
  bid_levy_collections: BidLevyCollectionsTable;
  bid_spending: BidSpendingTable;
}

export type CollectionRow = Selectable<BidLevyCollectionsTable>;
export type SpendingRow = Selectable<BidSpendingTable>;

export type ConsultationRow = Selectable<BidConsultationResponsesTable>;

export type ChallengeRow = Selectable<BidChallengesTable>;

export type BidRow = Selectable<BidsTable>;
export type HereditamentRow = Selectable<BidHereditamentsTable>;
export type PaperRow = Selectable<BidPapersTable>;

// --- inputs ----------------------------------------------------------------------------------

export const PROPOSERS = ['business-group', 'council', 'property-owners'] as const;
export const PROPOSER_LABELS: Record<(typeof PROPOSERS)[number], string> = {
  'business-group': 'A business group',
  council: 'The council',
  'property-owners': 'Property owners',
};

const percent = (label: string, min: number, max: number) =>
  z
    .number({ error: `${label} must be a number` })
    .min(min, { message: `${label} must be at least ${min}%` })
    .max(max, { message: `${label} must be ${max}% or less` })
    .refine((v) => Number.isInteger(Math.round(v * 100)) && Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, {
      message: `${label} may have at most two decimal places`,
    });

const pounds = (label: string) =>
  z
    .number({ error: `${label} must be a number of pounds` })
    .min(0, { message: `${label} cannot be negative` })
    .max(10_000_000, { message: `${label} must be £10,000,000 or less` });

/** An area as GeoJSON text, each problem reported on the field. */
export const areaGeoJsonText = z
  .string()
  .trim()
  .superRefine((text, ctx) => {
    if (!text) return;
    const read = parseAreaGeoJson(text);
    if (!read.ok) for (const message of read.problems) ctx.addIssue({ code: 'custom', message });
  });

export const proposalInput = z
  .object({
    name: requiredText(200, 'Enter the BID’s name', 'Name'),
    partnershipId: z.uuid({ message: 'Choose the partnership that is the BID’s board' }),
    renewsId: z.uuid({ message: 'Choose the BID this one renews' }).optional(),
    proposer: z.enum(PROPOSERS, { error: 'Choose who proposes the BID' }),
    proposerName: optionalText(200, 'Proposer'),
    summary: requiredText(5000, 'Describe the services and projects the BID will deliver', 'Services and projects'),
    governance: optionalText(2000, 'Governance'),
    alterable: optionalText(2000, 'What may be altered without a ballot'),
    budgetPounds: pounds('Yearly budget').int({ message: 'Yearly budget must be whole pounds' }).optional(),
    termStart: isoDate('Enter the date the term starts, like 2027 4 1'),
    termYears: z
      .number({ error: 'Enter the term in years' })
      .int({ message: 'The term must be whole years' })
      .min(1, { message: 'The term must be at least 1 year' })
      .max(5, { message: 'The term may be at most 5 years' }),
    areaStreets: optionalText(10_000, 'Area'),
    areaGeoJson: areaGeoJsonText.optional(),
    areaReferences: optionalText(10_000, 'Hereditaments named'),
    threshold: pounds('Threshold').int({ message: 'The threshold must be whole pounds' }).optional(),
    includedClasses: optionalText(500, 'Classes included'),
    excludedClasses: optionalText(500, 'Classes excluded'),
    levyRatePercent: z
      .number({ error: 'Enter the levy as a percentage of rateable value, like 1.5' })
      .gt(0, { message: 'The levy must be more than 0%' })
      .max(10, { message: 'The levy must be 10% or less' })
      .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, {
        message: 'The levy may have at most two decimal places',
      }),
    levyCapPounds: pounds('Cap').optional(),
    levyMinimumPounds: pounds('Minimum').optional(),
    charityReliefPercent: percent('Charity relief', 0, 100).optional(),
    emptyReliefPercent: percent('Empty property relief', 0, 100).optional(),
    upliftPercent: percent('Yearly uplift', 0, 20).optional(),
    marginYesNumberPercent: percent('Yes share by number', 50, 100).optional(),
    marginYesValuePercent: percent('Yes share by value', 50, 100).optional(),
    marginTurnoutNumberPercent: percent('Turnout by number', 0, 100).optional(),
    marginTurnoutValuePercent: percent('Turnout by value', 0, 100).optional(),
    onlineVoting: z.boolean().optional(),
    version: z.number().int().optional(),
  })
  .superRefine((input, ctx) => {
    if (!input.areaStreets && !input.areaReferences && !input.areaGeoJson)
      ctx.addIssue({
        code: 'custom',
        path: ['areaStreets'],
        message: 'Give the area: list its streets (one a line), name its hereditaments, or draw it as GeoJSON',
      });
  });
export type ProposalInput = z.output<typeof proposalInput>;

export const timetableInput = z.object({
  noticeOn: isoDate('Enter the date the notice of ballot is published'),
  papersOn: isoDate('Enter the date the ballot papers are sent'),
  ballotOn: isoDate('Enter ballot day'),
  postponedTo: isoDate('Enter the postponed ballot day as a real date').optional(),
  postponementReason: optionalText(1000, 'Reason for postponement'),
});
export type TimetableInput = z.output<typeof timetableInput>;

export const OUTCOMES = ['yes', 'no', 'spoilt'] as const;
export const returnInput = z.object({
  code: requiredText(40, 'Enter the code printed on the returned paper', 'Code'),
  outcome: z.enum(OUTCOMES, { error: 'Choose how the paper was marked: yes, no, or spoilt' }),
  receivedOn: isoDate('Enter the date the paper was received as a real date').optional(),
  receivedTime: z
    .string()
    .trim()
    .regex(/^([01]?\d|2[0-3]):[0-5]\d$/, {
      message: 'Enter the time received as 24-hour hours and minutes, like 16:45',
    })
    .optional(),
});
export type ReturnInput = z.output<typeof returnInput>;

export const castInput = z.object({
  code: requiredText(40, 'Enter the code printed on your ballot paper', 'Code'),
  vote: z.enum(['yes', 'no'], { error: 'Choose yes or no' }),
});

export const replaceInput = z.object({
  reason: requiredText(500, 'Say why a replacement paper is needed (lost, spoilt, not received)', 'Reason'),
});

export const vetoInput = z.object({
  decidedOn: isoDate('Enter the date of the council’s decision'),
  grounds: z.enum(VETO_GROUNDS, { error: 'Choose the permitted ground the veto rests on' }),
  policy: optionalText(500, 'Policy'),
  reasons: requiredText(5000, 'Give the council’s reasons', 'Reasons'),
  support: requiredText(2000, 'Say how the council weighed the level of support in the ballot', 'Level of support'),
  consultation: requiredText(2000, 'Say how the council weighed the consultation before the ballot', 'Consultation'),
  costs: requiredText(2000, 'Say how the council weighed the costs the proposer has incurred', 'Costs incurred'),
});

export const CHALLENGE_KINDS = ['irregularity', 'veto-appeal'] as const;
export const CHALLENGE_KIND_LABELS: Record<(typeof CHALLENGE_KINDS)[number], string> = {
  irregularity: 'Complaint of material irregularity in the ballot',
  'veto-appeal': 'Appeal against the council’s veto',
};
export const CHALLENGE_PARTY_LABELS: Record<(typeof CHALLENGE_PARTIES)[number], string> = {
  proposer: 'The BID proposer',
  'bid-body': 'The BID body',
  voters: 'Voters (at least 5% of those who voted)',
};
export const challengeInput = z.object({
  kind: z.enum(CHALLENGE_KINDS, { error: 'Choose what kind of challenge it is' }),
  madeOn: isoDate('Enter the date it was made'),
  by: z.enum(CHALLENGE_PARTIES, { error: 'Choose who made it' }),
  supporters: z
    .number({ error: 'Enter how many voters made it, as a number' })
    .int({ message: 'Enter a whole number of voters' })
    .min(1, { message: 'Enter how many voters made it' })
    .max(1_000_000, { message: 'Enter a realistic number of voters' })
    .optional(),
  grounds: requiredText(5000, 'Describe the grounds', 'Grounds'),
});
export const outcomeInput = z.object({
  outcome: z.enum(['upheld', 'dismissed'], { error: 'Choose the Secretary of State’s decision' }),
  outcomeOn: isoDate('Enter the date of the decision'),
  notes: optionalText(5000, 'Notes'),
});

export const STANCE_LABELS = { support: 'Supports', oppose: 'Opposes', neutral: 'Neither' } as const;
export const consultationInput = z.object({
  receivedOn: isoDate('Enter the date the response was received'),
  respondent: requiredText(200, 'Enter who responded', 'Respondent'),
  organisation: optionalText(200, 'Business or organisation'),
  stance: z.enum(['support', 'oppose', 'neutral'], { error: 'Choose whether they support the proposals' }),
  summary: requiredText(5000, 'Summarise the response', 'Summary'),
});

export const hereditamentQuery = z.object({
  q: z.string().trim().max(200).optional(),
  show: z.enum(['all', 'eligible', 'ineligible']).optional(),
  page: z.coerce.number().int().min(1).max(10_000).optional(),
});

export const paperQuery = z.object({
  q: z.string().trim().max(200).optional(),
  status: z.enum(['issued', 'returned', 'spoilt', 'late', 'replaced']).optional(),
  page: z.coerce.number().int().min(1).max(10_000).optional(),
});

export const areaInput = z.object({
  areaGeoJson: areaGeoJsonText.optional(),
});

const money = (label: string) =>
  z
    .number({ error: `Enter the ${label} in pounds, like 125.50` })
    .gt(0, { message: `The ${label} must be more than £0` })
    .max(10_000_000, { message: `The ${label} must be £10,000,000 or less` })
    .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, {
      message: `The ${label} may have at most two decimal places (pence)`,
    });
const termYear = z
  .number({ error: 'Choose the year of the term' })
  .int({ message: 'Choose the year of the term' })
  .min(1, { message: 'Choose a year of the term, from 1' })
  .max(5, { message: 'Choose a year of the term, 5 at most' });

export const collectionInput = z.object({
  reference: requiredText(60, 'Enter the billing reference of the hereditament that paid', 'Billing reference'),
  year: termYear,
  amountPounds: money('amount received'),
  receivedOn: isoDate('Enter the date the payment was received, like 14 5 2027'),
  note: optionalText(200, 'Payment reference'),
});
export type CollectionInput = z.output<typeof collectionInput>;

export const spendingInput = z.object({
  year: termYear,
  spentOn: isoDate('Enter the date of the spending, like 30 6 2027'),
  heading: requiredText(120, 'Enter what the money was spent on, like Street rangers', 'Heading'),
  description: optionalText(1000, 'Description'),
  amountPounds: money('amount spent'),
});
export type SpendingInput = z.output<typeof spendingInput>;

export const yearQuery = z.object({
  year: z.coerce.number().int().min(1).max(5).optional(),
  show: z.enum(['all', 'arrears', 'paid']).optional(),
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).max(10_000).optional(),
});
