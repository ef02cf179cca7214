import type { ColumnType, Generated, JSONColumnType, Selectable } from 'kysely';
import type { Migration } from 'kysely/migration';
import { z } from 'zod';
import { runStatements } from '../../db/statements.js';
import { isRealDate, isoDate, optionalText, requiredText } from '../../core/validation.js';
import { EVENT_KINDS, MOVABILITY, recurrenceProblem } from './calendar.js';
import { DEPENDENCY_KINDS } from './rules.js';

/**
 * Calendars: each organisation's and partnership's events (one-off or recurring by an RFC 5545
 * rule), single occurrences moved or cancelled, the dependencies entered between events (the
 * register gives the rest), each owner's financial year, and the secret links of restricted
 * calendar feeds. Meetings are a partnership's meetings with their papers, attendance by
 * organisation and representative, and decisions: one model, which scrutiny extends.
 */
export const cyclesMigration: Migration = {
  async up(db) {
    await runStatements(
      db,
      `
      create table cycle_calendars (
        id uuid primary key default gen_random_uuid(),
        locality_id uuid not null references localities(id),
        organisation_id uuid references organisations(id),
        partnership_id uuid references partnerships(id),
        financial_year_start_month integer not null default 4 check (financial_year_start_month between 1 and 12),
        version integer not null default 1,
        check ((organisation_id is null) <> (partnership_id is null)),
        unique (organisation_id),
        unique (partnership_id)
      );

      create table cycle_events (
        id uuid primary key default gen_random_uuid(),
        locality_id uuid not null references localities(id),
        organisation_id uuid references organisations(id),
        partnership_id uuid references partnerships(id),
        kind text not null check (kind in (${EVENT_KINDS.map((k) => `'${k}'`).join(', ')})),
        title text not null,
        starts_on date not null,
        recurrence text,
        working_day_offset integer not null default 0,
        start_time text,
        movability text not null default 'within-month' check (movability in (${MOVABILITY.map((k) => `'${k}'`).join(', ')})),
        window_days integer not null default 0,
        restricted boolean not null default false,
        themes text[] not null default '{}',
        agenda_url text,
        notes text,
        version integer not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        check ((organisation_id is null) <> (partnership_id is null))
      );
      create index cycle_events_locality on cycle_events (locality_id);

      create table cycle_event_changes (
        event_id uuid not null references cycle_events(id) on delete cascade,
        locality_id uuid not null references localities(id),
        original_on date not null,
        moved_to date,
        reason text,
        changed_at timestamptz not null default now(),
        primary key (event_id, original_on)
      );
      create index cycle_event_changes_locality on cycle_event_changes (locality_id);

      create table cycle_dependencies (
        id uuid primary key default gen_random_uuid(),
        locality_id uuid not null references localities(id),
        kind text not null check (kind in (${DEPENDENCY_KINDS.map((k) => `'${k}'`).join(', ')})),
        upstream_event_id uuid not null references cycle_events(id) on delete cascade,
        downstream_event_id uuid not null references cycle_events(id) on delete cascade,
        min_gap_working_days integer not null default 0,
        note text,
        created_at timestamptz not null default now(),
        check (upstream_event_id <> downstream_event_id),
        unique (upstream_event_id, downstream_event_id, kind)
      );
      create index cycle_dependencies_locality on cycle_dependencies (locality_id);

      create table cycle_feed_links (
        id uuid primary key default gen_random_uuid(),
        locality_id uuid not null references localities(id),
        scope text not null check (scope in ('partnership', 'organisation', 'person')),
        subject_id uuid not null,
        token_hash text not null unique,
        created_by uuid references users(id),
        created_at timestamptz not null default now(),
        revoked_at timestamptz
      );
      create index cycle_feed_links_creator on cycle_feed_links (created_by);

      create table meetings (
        id uuid primary key default gen_random_uuid(),
        locality_id uuid not null references localities(id),
        partnership_id uuid not null references partnerships(id),
        event_id uuid references cycle_events(id) on delete set null,
        occurrence_on date,
        held_on date not null,
        start_time text,
        location text,
        agenda_url text,
        papers_url text,
        minutes_url text,
        status text not null default 'scheduled' check (status in ('scheduled', 'held', 'cancelled')),
        restricted boolean not null default false,
        version integer not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (event_id, occurrence_on)
      );
      create index meetings_partnership on meetings (partnership_id, held_on);

      create table meeting_attendance (
        meeting_id uuid not null references meetings(id) on delete cascade,
        organisation_id uuid not null references organisations(id),
        representative text,
        attendance text not null check (attendance in ('present', 'substitute', 'apologies', 'absent')),
        primary key (meeting_id, organisation_id)
      );

      create table meeting_decisions (
        id uuid primary key default gen_random_uuid(),
        meeting_id uuid not null references meetings(id) on delete cascade,
        position integer not null,
        summary text not null,
        created_at timestamptz not null default now()
      );
      create index meeting_decisions_meeting on meeting_decisions (meeting_id, position)
      `,
    );
  },
};

/**
 * Entered dependencies carry a version so a stale edit is refused; the aligned calendar's
 * consent rounds keep the moves as proposed, and each calendar administrator's answer per move.
 */
export const cyclesConsentMigration: Migration = {
  async up(db) {
    await runStatements(
      db,
      `
      alter table cycle_dependencies add column version integer not null default 1;
      alter table cycle_dependencies add column updated_at timestamptz not null default now();

      create table cycle_alignment_rounds (
        id uuid primary key default gen_random_uuid(),
        locality_id uuid not null references localities(id),
        year integer not null,
        status text not null default 'open' check (status in ('open', 'superseded')),
        moves jsonb not null,
        flags_before integer not null,
        flags_after integer not null,
        proposed_by text not null,
        proposed_by_id text,
        proposed_at timestamptz not null default now()
      );
      create index cycle_alignment_rounds_locality on cycle_alignment_rounds (locality_id, proposed_at);

      create table cycle_alignment_answers (
        id uuid primary key default gen_random_uuid(),
        round_id uuid not null references cycle_alignment_rounds(id) on delete cascade,
        locality_id uuid not null references localities(id),
        occurrence_key text not null,
        owner_id uuid not null,
        decision text not null check (decision in ('consent', 'decline')),
        reason text,
        applied boolean not null default false,
        recorded_by text not null,
        recorded_by_id text,
        recorded_at timestamptz not null default now(),
        unique (round_id, occurrence_key)
      );
      create index cycle_alignment_answers_round on cycle_alignment_answers (round_id)
      `,
    );
  },
};

/**
 * A data release names the indicator codes it publishes, so the outcome framework (plan →
 * outcome → indicator) ties a partnership's performance report to the release it needs; a
 * proposal of the aligned calendar may be for one partnership's calendar alone.
 */
export const cyclesReleasesMigration: Migration = {
  async up(db) {
    await runStatements(
      db,
      `
      alter table cycle_events add column indicator_codes text[] not null default '{}';
      alter table cycle_alignment_rounds add column partnership_id uuid references partnerships(id)
      `,
    );
  },
};

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateOnly = string;

export interface CycleCalendarsTable {
  id: Generated<string>;
  locality_id: string;
  organisation_id: string | null;
  partnership_id: string | null;
  financial_year_start_month: Generated<number>;
  version: Generated<number>;
}

export interface CycleEventsTable {
  id: Generated<string>;
  locality_id: string;
  organisation_id: string | null;
  partnership_id: string | null;
  kind: string;
  title: string;
  starts_on: DateOnly;
  recurrence: string | null;
  working_day_offset: Generated<number>;
  start_time: string | null;
  movability: Generated<string>;
  window_days: Generated<number>;
  restricted: Generated<boolean>;
  themes: Generated<string[]>;
  agenda_url: string | null;
  notes: string | null;
  /** The indicator codes a data release publishes, as the indicator library spells them. */
  indicator_codes: Generated<string[]>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CycleEventChangesTable {
  event_id: string;
  locality_id: string;
  original_on: DateOnly;
  moved_to: DateOnly | null;
  reason: string | null;
  changed_at: Timestamp;
}

export interface CycleDependenciesTable {
  id: Generated<string>;
  locality_id: string;
  kind: string;
  upstream_event_id: string;
  downstream_event_id: string;
  min_gap_working_days: Generated<number>;
  note: string | null;
  created_at: Timestamp;
  version: Generated<number>;
  updated_at: Timestamp;
}

/** One move of a proposed aligned calendar, as it was proposed. */
export interface ProposedMove {
  key: string;
  eventId: string;
  ownerId: string;
  ownerKind: 'organisation' | 'partnership';
  ownerName: string;
  title: string;
  from: string;
  to: string;
  windowFrom: string;
  windowTo: string;
}

export interface CycleAlignmentRoundsTable {
  id: Generated<string>;
  locality_id: string;
  year: number;
  status: Generated<'open' | 'superseded'>;
  moves: JSONColumnType<ProposedMove[], string, string>;
  flags_before: number;
  flags_after: number;
  proposed_by: string;
  proposed_by_id: string | null;
  proposed_at: Timestamp;
  /** Set when a partnership's secretary proposed moves on that partnership's calendar alone. */
  partnership_id: string | null;
}

export interface CycleAlignmentAnswersTable {
  id: Generated<string>;
  round_id: string;
  locality_id: string;
  occurrence_key: string;
  owner_id: string;
  decision: 'consent' | 'decline';
  reason: string | null;
  applied: Generated<boolean>;
  recorded_by: string;
  recorded_by_id: string | null;
  recorded_at: Timestamp;
}

export interface CycleFeedLinksTable {
  id: Generated<string>;
  locality_id: string;
  scope: 'partnership' | 'organisation' | 'person';
  subject_id: string;
  token_hash: string;
  created_by: string | null;
  created_at: Timestamp;
  revoked_at: Date | null;
}

export interface MeetingsTable {
  id: Generated<string>;
  locality_id: string;
  partnership_id: string;
  event_id: string | null;
  occurrence_on: DateOnly | null;
  held_on: DateOnly;
  start_time: string | null;
  location: string | null;
  agenda_url: string | null;
  papers_url: string | null;
  minutes_url: string | null;
  status: Generated<string>;
  restricted: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MeetingAttendanceTable {
  meeting_id: string;
  organisation_id: string;
  representative: string | null;
  attendance: string;
}

export interface MeetingDecisionsTable {
  id: Generated<string>;
  meeting_id: string;
  position: number;
  summary: string;
  created_at: Timestamp;
  // A difficult decision's record, added by the scrutiny capability's migration (0020_scrutiny).
  difficult: Generated<boolean>;
  options_considered: string | null;
  dissent: string | null;
  follow_up: string | null;
  resolved_on: DateOnly | null;
  carried_through: boolean | null;
}

export interface CyclesTables {
  cycle_calendars: CycleCalendarsTable;
  cycle_events: CycleEventsTable;
  cycle_event_changes: CycleEventChangesTable;
  cycle_dependencies: CycleDependenciesTable;
  cycle_feed_links: CycleFeedLinksTable;
  cycle_alignment_rounds: CycleAlignmentRoundsTable;
  cycle_alignment_answers: CycleAlignmentAnswersTable;
  meetings: MeetingsTable;
  meeting_attendance: MeetingAttendanceTable;
  meeting_decisions: MeetingDecisionsTable;
}

export type EventRow = Selectable<CycleEventsTable>;
export type MeetingRow = Selectable<MeetingsTable>;
export type FeedLinkRow = Selectable<CycleFeedLinksTable>;
export type DependencyRow = Selectable<CycleDependenciesTable>;
export type RoundRow = Selectable<CycleAlignmentRoundsTable>;
export type AnswerRow = Selectable<CycleAlignmentAnswersTable>;

// --- inputs ---------------------------------------------------------------------------------

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** An occurrence's name: its event's id and the date the rule gave it. */
const occurrenceKey = (message: string) =>
  z
    .string()
    .regex(new RegExp(`^${UUID}@\\d{4}-\\d{2}-\\d{2}$`, 'i'), { message })
    .refine((v) => isRealDate(v.slice(-10)), { message });
const url = (label: string) =>
  optionalText(500, label).refine((v) => !v || /^https?:\/\/\S+$/i.test(v), {
    message: `${label} must be a web address starting http:// or https://`,
  });

export const eventInput = z
  .object({
    owner: requiredText(80, 'Choose whose calendar the event is on', 'Owner').refine(
      (v) => new RegExp(`^(organisation|partnership):${UUID}$`, 'i').test(v),
      { message: 'Choose whose calendar the event is on' },
    ),
    kind: z.enum(EVENT_KINDS, { message: 'Choose the kind of event' }),
    title: requiredText(200, 'Enter a title', 'Title'),
    startsOn: isoDate('Enter the first date as a real date'),
    recurrence: optionalText(300, 'Recurrence').refine((v) => !v || recurrenceProblem(v.toUpperCase()) === null, {
      message: 'Enter a recurrence rule such as FREQ=MONTHLY;BYDAY=2TU, or leave it empty for a one-off event',
    }),
    workingDayOffset: z.coerce
      .number({ message: 'Enter a whole number of working days' })
      .int({ message: 'Enter a whole number of working days' })
      .min(-60, { message: 'Working days must be between -60 and 60' })
      .max(60, { message: 'Working days must be between -60 and 60' })
      .default(0),
    startTime: optionalText(5, 'Start time').refine((v) => !v || TIME.test(v), {
      message: 'Enter a start time like 18:00, or leave it empty',
    }),
    movability: z.enum(MOVABILITY, { message: 'Choose how far the event may move' }).default('within-month'),
    windowDays: z.coerce
      .number({ message: 'Enter a whole number of days' })
      .int({ message: 'Enter a whole number of days' })
      .min(0, { message: 'Days must be between 0 and 60' })
      .max(60, { message: 'Days must be between 0 and 60' })
      .default(0),
    restricted: z.coerce.boolean().default(false),
    themes: z.array(z.string().max(80)).max(20).default([]),
    agendaUrl: url('Agenda link'),
    /** What a data release publishes: codes from the indicator library (NI 117, LI 1). */
    indicatorCodes: z
      .array(z.string().trim().min(1).max(40, { message: 'An indicator code has at most 40 characters' }))
      .max(50, { message: 'Name at most 50 indicators' })
      .default([]),
  })
  .strict();
export type EventInput = z.output<typeof eventInput>;

const versionField = z.coerce
  .number({ message: 'Read the record again: its version is missing' })
  .int({ message: 'Read the record again: its version is missing' })
  .min(1, { message: 'Read the record again: its version is missing' });

/** A change to an event: everything but whose calendar it is, as read at its version. */
export const eventUpdate = eventInput
  .omit({ owner: true, themes: true, indicatorCodes: true })
  .extend({
    /** Left out, the event keeps its themes (the page's form does not show them). */
    themes: z.array(z.string().max(80)).max(20).optional(),
    /** Left out, a data release keeps the indicators it publishes. */
    indicatorCodes: eventInput.shape.indicatorCodes.unwrap().optional(),
    version: versionField,
  })
  .strict();
export type EventUpdate = z.output<typeof eventUpdate>;

/** Removing an event or an entered dependency, as read at its version. */
export const removalInput = z.object({ version: versionField }).strict();

export const financialYearInput = z
  .object({
    owner: eventInput.shape.owner,
    startMonth: z.coerce
      .number({ message: 'Enter the month the financial year starts, 1 to 12' })
      .int({ message: 'Enter the month the financial year starts, 1 to 12' })
      .min(1, { message: 'Enter the month the financial year starts, 1 to 12' })
      .max(12, { message: 'Enter the month the financial year starts, 1 to 12' }),
  })
  .strict();

export const dependencyInput = z
  .object({
    kind: z.enum(DEPENDENCY_KINDS, { message: 'Choose the kind of dependency' }),
    upstreamEventId: z.uuid({ message: 'Choose the event that comes first' }),
    downstreamEventId: z.uuid({ message: 'Choose the event that depends on it' }),
    minGapWorkingDays: z.coerce
      .number({ message: 'Enter a whole number of working days' })
      .int({ message: 'Enter a whole number of working days' })
      .min(0, { message: 'Working days must be between 0 and 60' })
      .max(60, { message: 'Working days must be between 0 and 60' })
      .default(0),
    note: optionalText(500, 'Note'),
  })
  .strict()
  .refine((v) => v.upstreamEventId !== v.downstreamEventId, {
    message: 'Choose two different events',
    path: ['downstreamEventId'],
  });

/** A change to an entered dependency, as read at its version. */
export const dependencyUpdate = z
  .object({
    kind: z.enum(DEPENDENCY_KINDS, { message: 'Choose the kind of dependency' }),
    upstreamEventId: z.uuid({ message: 'Choose the event that comes first' }),
    downstreamEventId: z.uuid({ message: 'Choose the event that depends on it' }),
    minGapWorkingDays: z.coerce
      .number({ message: 'Enter a whole number of working days' })
      .int({ message: 'Enter a whole number of working days' })
      .min(0, { message: 'Working days must be between 0 and 60' })
      .max(60, { message: 'Working days must be between 0 and 60' })
      .default(0),
    note: optionalText(500, 'Note'),
    version: versionField,
  })
  .strict()
  .refine((v) => v.upstreamEventId !== v.downstreamEventId, {
    message: 'Choose two different events',
    path: ['downstreamEventId'],
  });

export const dependencyQuery = z.object({
  kind: z.enum(DEPENDENCY_KINDS).optional(),
  source: z.enum(['derived', 'entered']).optional(),
  calendar: z.uuid().optional(),
  sort: z.enum(['kind', 'upstream', 'downstream', 'gap']).optional(),
});

/** Asking each affected calendar's administrator to agree to the aligned calendar's moves. */
export const roundInput = z
  .object({
    year: z.coerce.number().int().min(2000).max(2100).optional(),
    /** A partnership's secretary proposes moves on that partnership's calendar alone. */
    partnershipId: z.uuid({ message: 'Choose the partnership whose calendar to align' }).optional(),
  })
  .strict();

/** One calendar administrator's answers to a round's moves on their calendar. */
export const answersInput = z
  .object({
    ownerId: z.uuid({ message: 'Choose the calendar whose answers these are' }),
    answers: z
      .array(
        z.object({
          key: occurrenceKey('Choose a proposed move'),
          decision: z.enum(['consent', 'decline'], { message: 'Choose whether you agree to the move' }),
          reason: optionalText(500, 'Reason'),
        }),
      )
      .min(1, { message: 'Answer at least one of the moves' })
      .max(500),
  })
  .strict();

/** Booking a suggested meeting date: a board meeting on the calendar and a scheduled meeting. */
export const bookingInput = z
  .object({
    partnershipId: z.uuid({ message: 'Choose the partnership' }),
    date: isoDate('Choose a suggested date'),
  })
  .strict();

export const moveInput = z
  .object({
    key: occurrenceKey('Choose an occurrence'),
    movedTo: isoDate('Enter the new date as a real date').optional(),
    cancel: z.coerce.boolean().default(false),
    reason: optionalText(500, 'Reason'),
  })
  .strict();

export const feedLinkInput = z
  .object({
    scope: z.enum(['partnership', 'organisation', 'person'], { message: 'Choose which calendar to subscribe to' }),
    subjectId: z.uuid({ message: 'Choose a partnership or organisation' }).optional(),
  })
  .strict();

export const ATTENDANCE = ['present', 'substitute', 'apologies', 'absent'] as const;

export const meetingInput = z
  .object({
    partnershipId: z.uuid({ message: 'Choose the partnership' }),
    heldOn: isoDate('Enter the date of the meeting as a real date'),
    occurrenceKey: occurrenceKey('Choose a meeting from the calendar').optional(),
    startTime: optionalText(5, 'Start time').refine((v) => !v || TIME.test(v), {
      message: 'Enter a start time like 18:00, or leave it empty',
    }),
    location: optionalText(200, 'Location'),
    agendaUrl: url('Agenda link'),
    papersUrl: url('Papers link'),
    minutesUrl: url('Minutes link'),
    status: z.enum(['scheduled', 'held', 'cancelled'], { message: 'Choose the meeting’s status' }).default('scheduled'),
    restricted: z.coerce.boolean().default(false),
    attendance: z
      .array(
        z.object({
          organisationId: z.uuid({ message: 'Choose an organisation' }),
          representative: optionalText(200, 'Representative'),
          attendance: z.enum(ATTENDANCE, { message: 'Choose present, substitute, apologies or absent' }),
        }),
      )
      .max(100)
      .default([]),
    decisions: z
      .array(requiredText(2000, 'Enter the decision', 'Decision'))
      .max(100)
      .default([]),
  })
  .strict();
export type MeetingInput = z.output<typeof meetingInput>;

/**
 * A change to a recorded meeting, as read at its version: everything it records but whose
 * meeting it is and which calendar date it was. Attendance and decisions are replaced whole.
 */
export const meetingUpdate = meetingInput
  .omit({ partnershipId: true, occurrenceKey: true, restricted: true })
  .extend({
    /** Left out, the meeting stays as restricted as it was (the page's form does not show it). */
    restricted: z.coerce.boolean().optional(),
    version: versionField,
  })
  .strict();
export type MeetingUpdate = z.output<typeof meetingUpdate>;

export const timelineQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  theme: z.string().max(80).optional(),
  partnership: z.uuid().optional(),
  organisation: z.uuid().optional(),
});
