/**
 * Planning and reporting cycles: each organisation's and partnership's calendar, the
 * misalignments between them (rules.ts), a proposed aligned calendar applied partnership by
 * partnership by whoever administers it, iCalendar feeds (public, or through a secret revocable
 * link for restricted events) and meetings. Every change is audited in its own transaction.
 */
import crypto from 'node:crypto';
import ical, { ICalCalendarMethod } from 'ical-generator';
import type { Principal } from '../../core/actor.js';
import { todayInLondon } from '../../core/dates.js';
import { ConflictError, NotFoundError, ValidationError } from '../../core/errors.js';
import { parseInput, isUuid } from '../../core/validation.js';
import type { Db } from '../../db/database.js';
import type { Locality } from '../../db/tables.js';
import { canAdministerLocality, canEditPartnership, canReadRestricted, refuse } from '../accounts/policy.js';
import type { AuditService, RecordInput } from '../audit/service.js';
import type { NotificationService, WorkItem, WorkSource } from '../notifications/service.js';
import { normaliseCode } from '../performance/repository.js';
import type { PerformanceService } from '../performance/service.js';
import type { ReferenceService } from '../reference/service.js';
import { type RegisterService, isPublished } from '../register/service.js';
import { bankHolidaySet, nationOf } from '../../core/bank-holidays.js';
import {
  type CalendarEvent,
  type Change,
  EVENT_KIND_LABELS,
  type EventKind,
  type Movability,
  type Occurrence,
  financialYear,
  occurrences as occurrencesIn,
  plusDays,
} from './calendar.js';
import { CyclesRepository, type EventWithOwner } from './repository.js';
import { type Suggestion, suggestMeetings } from './scheduler.js';
import {
  type Alignment,
  type Boards,
  type Dependency,
  type DependencyKind,
  type Flag,
  type ReportedIndicator,
  align,
  deriveDependencies,
  findFlags,
} from './rules.js';
import {
  type AnswerRow,
  type EventInput,
  type EventRow,
  type EventUpdate,
  type FeedLinkRow,
  type MeetingInput,
  type MeetingRow,
  type MeetingUpdate,
  type ProposedMove,
  type RoundRow,
  answersInput,
  bookingInput,
  dependencyInput,
  dependencyQuery,
  dependencyUpdate,
  eventInput,
  eventUpdate,
  removalInput,
  roundInput,
  feedLinkInput,
  financialYearInput,
  meetingInput,
  meetingUpdate,
  moveInput,
  timelineQuery,
} from './schema.js';

export interface CyclesDeps {
  audit: AuditService;
  reference: ReferenceService;
  register: RegisterService;
  /** The indicator library, against which a data release's indicator codes are checked. */
  performance: Pick<PerformanceService, 'indicatorsByCode'>;
  /** Asks calendar administrators to agree to the aligned calendar (optional in tests of other modules). */
  notifications?: NotificationService;
  /** The person a feed link was made by, as they are now (a link dies with their access). */
  principalFor(userId: string): Promise<Principal | undefined>;
}

interface WriteOptions {
  trx?: Db;
}

export interface Lane {
  ownerId: string;
  ownerKind: 'organisation' | 'partnership';
  name: string;
  themes: string[];
  /** The month its financial year starts (4: April to March). */
  yearStartMonth: number;
}

export interface DrawnDependency {
  dependency: Dependency;
  from: Occurrence;
  to: Occurrence;
}

export interface Calendars {
  locality: Locality;
  year: { from: string; to: string; label: string; start: number };
  restricted: boolean;
  canAdminister: boolean;
  holidays: ReadonlySet<string>;
  events: CalendarEvent[];
  occurrences: Occurrence[];
  dependencies: Dependency[];
  flags: Flag[];
  lanes: Lane[];
  boards: Boards;
  /** Each partnership's parent, name and status, from the register. */
  partnerships: Array<{ id: string; name: string; parentId: string | null; status: string }>;
  organisations: Array<{ id: string; name: string }>;
  themeLabels: Map<string, string>;
  seats: Array<{ partnership_id: string; organisation_id: string; representative: string | null }>;
}

export interface Timeline extends Calendars {
  query: { year?: number; theme?: string; partnership?: string; organisation?: string };
  shownLanes: Lane[];
  shownOccurrences: Occurrence[];
  shownFlags: Flag[];
  drawn: DrawnDependency[];
  flagOf: Map<string, Flag[]>;
}

/** A filter form sends its "all" choices as empty values: they mean no filter, not a bad one. */
const withoutBlanks = (raw: unknown): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries((raw ?? {}) as Record<string, unknown>).filter(([, v]) => v !== '' && v !== undefined),
  );

/** The outcome framework's rows grouped by the partnership that reports on each indicator. */
function indicatorsOf(rows: Array<ReportedIndicator & { partnershipId: string }>) {
  const map = new Map<string, ReportedIndicator[]>();
  for (const { partnershipId, ...row } of rows) map.set(partnershipId, [...(map.get(partnershipId) ?? []), row]);
  return map;
}

const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

function toEvent(row: EventWithOwner, partnershipThemes: Map<string, string[]>): CalendarEvent {
  const ownerId = (row.partnership_id ?? row.organisation_id) as string;
  return {
    id: row.id,
    ownerKind: row.partnership_id ? 'partnership' : 'organisation',
    ownerId,
    ownerName: row.owner_name,
    kind: row.kind as EventKind,
    title: row.title,
    startsOn: row.starts_on,
    recurrence: row.recurrence,
    workingDayOffset: row.working_day_offset,
    startTime: row.start_time,
    movability: row.movability as Movability,
    windowDays: row.window_days,
    restricted: row.restricted,
    themes: [...new Set([...row.themes, ...(partnershipThemes.get(ownerId) ?? [])])],
    indicatorCodes: row.indicator_codes,
  };
}

export class CyclesService implements WorkSource {
  readonly repository = new CyclesRepository();

  constructor(
    readonly db: Db,
    private readonly deps: CyclesDeps,
  ) {}

  private write<T>(options: WriteOptions | undefined, work: (trx: Db) => Promise<T>): Promise<T> {
    return options?.trx ? work(options.trx) : this.db.transaction().execute(work);
  }

  private audit(trx: Db, principal: Principal, entries: RecordInput[]) {
    return this.deps.audit.recordMany(trx, principal, entries);
  }

  // --- reading ----------------------------------------------------------------------------------

  /** Everything the viewer may see of a locality's calendars for one financial year. */
  async calendars(principal: Principal, gssCode: string, year?: number, db: Db = this.db): Promise<Calendars> {
    const locality = await this.deps.register.locality(gssCode, db);
    const restricted = canReadRestricted(principal, locality);
    const today = todayInLondon();
    const fy = financialYear(year ? `${year}-04-01` : today);
    const start = Number(fy.from.slice(0, 4));
    const holidays = bankHolidaySet(nationOf(locality.nation), start - 1, start + 2);
    const [rows, changes, stored, summaries, organisations, seats, themes, snapshot, years, reported] =
      await Promise.all([
        this.repository.events(db, locality.id),
        this.repository.changes(db, locality.id),
        this.repository.dependencies(db, locality.id),
        this.deps.register.partnerships.summaries(db, locality.id),
        this.deps.register.organisations.options(db, locality.id),
        this.repository.seats(db, locality.id, today),
        this.repository.partnershipThemes(db, locality.id),
        this.deps.reference.snapshot(db),
        this.repository.financialYears(db, locality.id),
        this.repository.indicatorsReported(db, locality.id, restricted),
      ]);
    const partnershipThemes = new Map<string, string[]>();
    for (const t of themes)
      partnershipThemes.set(t.partnership_id, [...(partnershipThemes.get(t.partnership_id) ?? []), t.theme]);
    const hidden = new Set(summaries.filter((p) => !isPublished(p)).map((p) => p.id));
    const visibleRows = restricted
      ? rows
      : rows.filter((r) => !r.restricted && !(r.partnership_id && hidden.has(r.partnership_id)));
    const events = visibleRows.map((r) => toEvent(r, partnershipThemes));
    const changeMap = new Map<string, Change>(
      changes.map((c) => [`${c.event_id}@${c.original_on}`, { date: c.moved_to }]),
    );
    const occurrences = occurrencesIn(events, fy.from, fy.to, holidays, changeMap);
    const members = new Map<string, Set<string>>();
    for (const s of seats)
      members.set(s.partnership_id, new Set([...(members.get(s.partnership_id) ?? []), s.organisation_id]));
    const partnerships = summaries
      .filter((p) => restricted || !hidden.has(p.id))
      .map((p) => ({ id: p.id, name: p.name, parentId: p.parent_id, status: p.status }));
    const visibleIds = new Set(events.map((e) => e.id));
    const dependencies: Dependency[] = [
      ...deriveDependencies(events, { partnerships, members, indicators: indicatorsOf(reported) }),
      ...stored
        .filter((d) => visibleIds.has(d.upstream_event_id) && visibleIds.has(d.downstream_event_id))
        .map((d) => ({
          id: d.id,
          kind: d.kind as DependencyKind,
          upstreamEventId: d.upstream_event_id,
          downstreamEventId: d.downstream_event_id,
          minGapWorkingDays: d.min_gap_working_days,
          derived: false,
          reason: d.note ?? 'entered',
        })),
    ];
    const boards = { members };
    const flags = findFlags(occurrences, dependencies, boards, holidays);
    const laneMap = new Map<string, Lane>();
    for (const e of events)
      if (!laneMap.has(e.ownerId))
        laneMap.set(e.ownerId, {
          ownerId: e.ownerId,
          ownerKind: e.ownerKind,
          name: e.ownerName,
          themes: partnershipThemes.get(e.ownerId) ?? [],
          yearStartMonth: years.get(e.ownerId) ?? 4,
        });
    const lanes = [...laneMap.values()].sort(
      (a, b) => a.ownerKind.localeCompare(b.ownerKind) || a.name.localeCompare(b.name),
    );
    return {
      locality,
      year: { ...fy, start },
      restricted,
      canAdminister: canAdministerLocality(principal, locality),
      holidays,
      events,
      occurrences,
      dependencies,
      flags,
      lanes,
      boards,
      partnerships,
      organisations,
      themeLabels: new Map(snapshot.items('theme', true).map((t) => [t.code, t.label])),
      seats,
    };
  }

  /** The timeline page: lanes, occurrences and flags, filtered by theme, partnership or organisation. */
  async timeline(principal: Principal, gssCode: string, rawQuery: unknown): Promise<Timeline> {
    const parsed = timelineQuery.safeParse(withoutBlanks(rawQuery));
    const query = parsed.success ? parsed.data : {};
    const calendars = await this.calendars(principal, gssCode, query.year);
    const { lanes, occurrences, flags, dependencies } = calendars;
    let shownLanes = lanes;
    const theme = query.theme;
    if (theme)
      shownLanes = shownLanes.filter(
        (l) =>
          l.themes.includes(theme) || calendars.events.some((e) => e.ownerId === l.ownerId && e.themes.includes(theme)),
      );
    if (query.partnership) {
      const wanted = new Set([
        query.partnership,
        ...calendars.seats.filter((s) => s.partnership_id === query.partnership).map((s) => s.organisation_id),
      ]);
      const parent = calendars.partnerships.find((p) => p.id === query.partnership)?.parentId;
      if (parent) wanted.add(parent);
      for (const p of calendars.partnerships) if (p.parentId === query.partnership) wanted.add(p.id);
      shownLanes = shownLanes.filter((l) => wanted.has(l.ownerId));
    }
    if (query.organisation) {
      const boards = new Set(
        calendars.seats.filter((s) => s.organisation_id === query.organisation).map((s) => s.partnership_id),
      );
      shownLanes = shownLanes.filter((l) => l.ownerId === query.organisation || boards.has(l.ownerId));
    }
    const shown = new Set(shownLanes.map((l) => l.ownerId));
    const shownOccurrences = occurrences.filter((o) => shown.has(o.event.ownerId));
    const shownFlags = flags.filter((f) => shown.has(f.first.event.ownerId) || shown.has(f.second.event.ownerId));
    const flagOf = new Map<string, Flag[]>();
    for (const f of flags) for (const o of [f.first, f.second]) flagOf.set(o.key, [...(flagOf.get(o.key) ?? []), f]);
    // Dependencies drawn: each upstream occurrence to the nearest downstream one after it.
    const byEvent = new Map<string, Occurrence[]>();
    for (const o of shownOccurrences) byEvent.set(o.eventId, [...(byEvent.get(o.eventId) ?? []), o]);
    const drawn: DrawnDependency[] = [];
    for (const dependency of dependencies) {
      const downs = byEvent.get(dependency.downstreamEventId) ?? [];
      for (const from of byEvent.get(dependency.upstreamEventId) ?? []) {
        const flagged = flags.find(
          (f) =>
            f.kind === dependency.kind && f.first.key === from.key && f.second.eventId === dependency.downstreamEventId,
        );
        const to = flagged?.second ?? downs.find((d) => d.date > from.date);
        if (to && (flagged || to.date <= plusDays(from.date, 45))) drawn.push({ dependency, from, to });
      }
    }
    return { ...calendars, query, shownLanes, shownOccurrences, shownFlags, drawn, flagOf };
  }

  async flag(
    principal: Principal,
    gssCode: string,
    key: string,
    year?: number,
  ): Promise<{ calendars: Calendars; flag: Flag }> {
    const calendars = await this.calendars(principal, gssCode, year);
    const flag = calendars.flags.find((f) => f.key === key);
    if (!flag) throw new NotFoundError('Misalignment');
    return { calendars, flag };
  }

  /**
   * The proposed aligned calendar for restricted readers: moves inside windows that remove flags.
   * For one partnership's calendar alone, every other calendar's dates are held where they are.
   */
  async alignment(
    principal: Principal,
    gssCode: string,
    year?: number,
    partnershipId?: string,
  ): Promise<{
    calendars: Calendars;
    alignment: Alignment;
    byOwner: Array<{ lane: Lane; moves: Alignment['moves']; canApply: boolean }>;
    partnership: Calendars['partnerships'][number] | null;
  }> {
    const calendars = await this.calendars(principal, gssCode, year);
    if (!calendars.restricted) refuse(principal, calendars.locality, 'Aligned calendar');
    const partnership = partnershipId ? calendars.partnerships.find((p) => p.id === partnershipId) : undefined;
    if (partnershipId && !partnership)
      throw ValidationError.of('partnershipId', 'Choose a partnership of this locality');
    const base = partnership
      ? calendars.occurrences.map((o) =>
          o.event.ownerId === partnership.id ? o : { ...o, event: { ...o.event, movability: 'fixed' as const } },
        )
      : calendars.occurrences;
    const alignment = align(base, calendars.dependencies, calendars.boards, calendars.holidays, calendars.year);
    const byOwner = calendars.lanes
      .map((lane) => ({
        lane,
        moves: alignment.moves.filter((m) => m.occurrence.event.ownerId === lane.ownerId),
        canApply: this.canEditOwner(principal, calendars.locality, lane.ownerKind, lane.ownerId),
      }))
      .filter((o) => o.moves.length);
    return { calendars, alignment, byOwner, partnership: partnership ?? null };
  }

  private canEditOwner(principal: Principal, locality: Locality, kind: 'organisation' | 'partnership', id: string) {
    return kind === 'partnership'
      ? canEditPartnership(principal, locality, id)
      : canAdministerLocality(principal, locality);
  }

  /** The inbox's work: moves of an open aligned-calendar proposal waiting for this person's answer. */
  async workFor(principal: Principal, now = new Date()): Promise<WorkItem[]> {
    if (principal.kind === 'public' || !principal.canWrite) return [];
    const today = todayInLondon(now);
    const items: WorkItem[] = [];
    const localities = (await this.deps.register.listLocalities()).filter(
      (l) => canReadRestricted(principal, l) && principal.grants.some((g) => g.localityId === l.id),
    );
    for (const locality of localities) {
      const open = (await this.repository.rounds(this.db, locality.id)).filter((r) => r.status === 'open');
      for (const round of open) {
        const answered = new Set((await this.repository.answers(this.db, round.id)).map((a) => a.occurrence_key));
        const owners = new Map<string, ProposedMove[]>();
        for (const m of round.moves)
          if (!answered.has(m.key) && this.canEditOwner(principal, locality, m.ownerKind, m.ownerId))
            owners.set(m.ownerId, [...(owners.get(m.ownerId) ?? []), m]);
        for (const moves of owners.values()) {
          const first = moves.map((m) => m.from).sort()[0] as string;
          items.push({
            kind: 'answer',
            title: `Answer the aligned calendar proposal for ${moves[0]?.ownerName}`,
            detail: `${moves.length} move${moves.length === 1 ? '' : 's'} on its calendar wait${moves.length === 1 ? 's' : ''} for your agreement; nothing moves until you agree.`,
            link: `/localities/${locality.gss_code}/cycles/aligned/rounds/${round.id}`,
            localityName: locality.name,
            overdue: first < today,
            due: new Date(`${first}T00:00:00Z`),
          });
        }
      }
    }
    return items;
  }

  /** The rounds of agreement asked for the aligned calendar, newest first. */
  async rounds(principal: Principal, gssCode: string) {
    const locality = await this.deps.register.locality(gssCode);
    if (!canReadRestricted(principal, locality)) refuse(principal, locality, 'Aligned calendar');
    return this.repository.rounds(this.db, locality.id);
  }

  /**
   * Sends the proposed aligned calendar to each affected calendar's administrator: the moves
   * are kept as proposed, any earlier open round is replaced, and the partnerships' secretaries
   * (and, for organisations' calendars, the locality's administrators) are asked to answer.
   */
  async proposeRound(principal: Principal, gssCode: string, input: unknown): Promise<RoundRow> {
    const { year, partnershipId } = parseInput(roundInput, input ?? {});
    const locality = await this.deps.register.locality(gssCode);
    // The locality's administrator proposes for every calendar; a partnership's secretary for
    // their own partnership's calendar alone.
    const allowed = partnershipId
      ? canEditPartnership(principal, locality, partnershipId)
      : canAdministerLocality(principal, locality);
    if (!allowed || !principal.canWrite) refuse(principal, locality, 'Aligned calendar');
    const { calendars, alignment, partnership } = await this.alignment(principal, gssCode, year, partnershipId);
    if (!alignment.moves.length)
      throw ValidationError.of(
        partnership ? 'partnershipId' : 'year',
        partnership
          ? `No moves to propose: no date on the calendar of ${partnership.name} can move to line up better`
          : 'No moves to propose: nothing would line up better',
      );
    const moves: ProposedMove[] = alignment.moves.map(({ occurrence, to }) => ({
      key: occurrence.key,
      eventId: occurrence.eventId,
      ownerId: occurrence.event.ownerId,
      ownerKind: occurrence.event.ownerKind,
      ownerName: occurrence.event.ownerName,
      title: occurrence.event.title,
      from: occurrence.date,
      to,
      windowFrom: occurrence.windowFrom,
      windowTo: occurrence.windowTo,
    }));
    return this.db.transaction().execute(async (trx) => {
      await this.repository.lockLocality(trx, locality.id);
      const { round, superseded } = await this.repository.insertRound(trx, {
        locality_id: locality.id,
        year: calendars.year.start,
        moves,
        flags_before: alignment.before.length,
        flags_after: alignment.after.length,
        proposed_by: principal.label,
        proposed_by_id: principal.id,
        partnership_id: partnership?.id ?? null,
      });
      const owners = [...new Map(moves.map((m) => [m.ownerId, m])).values()];
      await this.audit(trx, principal, [
        {
          localityId: locality.id,
          action: 'create',
          entityType: 'calendar',
          entityId: round.id,
          partnershipId: partnership?.id ?? null,
          summary: `Asked ${owners.length} calendar${owners.length === 1 ? '' : 's'} to agree to ${moves.length} move${moves.length === 1 ? '' : 's'} of the aligned calendar for ${calendars.year.label}${partnership ? `, on the calendar of ${partnership.name} alone` : ''}${superseded ? ' (the earlier proposal no longer stands)' : ''}`,
          after: { year: round.year, partnershipId: partnership?.id ?? null, moves },
        },
      ]);
      const link = `/localities/${locality.gss_code}/cycles/aligned/rounds/${round.id}`;
      const partnerships = owners.filter((o) => o.ownerKind === 'partnership');
      const ask = (names: string[]) =>
        `${locality.name}’s proposed aligned calendar for ${calendars.year.label} moves dates on the calendar of ${names.join(', ')} to remove misalignments. Please agree to or decline each move: a move is made only when its calendar’s administrator agrees.`;
      for (const o of partnerships)
        await this.deps.notifications?.notify(
          {
            roles: [{ role: 'partnership-secretary', partnershipId: o.ownerId }],
            except: principal.userId,
            localityId: locality.id,
            subject: `Your agreement is asked: aligned calendar for ${o.ownerName}`,
            body: ask([o.ownerName]),
            link,
          },
          { trx },
        );
      const organisations = owners.filter((o) => o.ownerKind === 'organisation');
      if (organisations.length)
        await this.deps.notifications?.notify(
          {
            roles: [{ role: 'locality-admin', localityId: locality.id }],
            except: principal.userId,
            localityId: locality.id,
            subject: `Your agreement is asked: aligned calendar for ${locality.name}’s organisations`,
            body: ask(organisations.map((o) => o.ownerName)),
            link,
          },
          { trx },
        );
      return round;
    });
  }

  /** A round: the moves calendar by calendar, each with its answer, who gave it and when. */
  async round(principal: Principal, gssCode: string, id: string) {
    const locality = await this.deps.register.locality(gssCode);
    if (!canReadRestricted(principal, locality)) refuse(principal, locality, 'Aligned calendar');
    const round = await this.repository.round(this.db, locality.id, id);
    if (!round) throw new NotFoundError('Round of agreement');
    const answers = await this.repository.answers(this.db, round.id);
    const answerOf = new Map(answers.map((a) => [a.occurrence_key, a]));
    const owners = [...new Map(round.moves.map((m) => [m.ownerId, m])).values()].map((o) => {
      const moves = round.moves
        .filter((m) => m.ownerId === o.ownerId)
        .map((m) => ({ move: m, answer: answerOf.get(m.key) }));
      const given = moves.flatMap((m) => (m.answer ? [m.answer] : []));
      return {
        ownerId: o.ownerId,
        ownerKind: o.ownerKind,
        name: o.ownerName,
        moves,
        consented: given.filter((a) => a.decision === 'consent').length,
        declined: given.filter((a) => a.decision === 'decline').length,
        waiting: moves.length - given.length,
        answeredBy: [...new Set(given.map((a) => a.recorded_by))],
        lastAnswered: given.at(-1)?.recorded_at ?? null,
        canAnswer:
          round.status === 'open' &&
          principal.canWrite &&
          this.canEditOwner(principal, locality, o.ownerKind, o.ownerId) &&
          given.length < moves.length,
      };
    });
    return { locality, round, owners, answers };
  }

  /**
   * A calendar administrator's answers to the moves on their calendar. Each move agreed to is
   * made at once; a declined one is not. A move whose date changed since it was proposed is
   * refused, and a move already answered keeps its answer.
   */
  async answerRound(principal: Principal, gssCode: string, id: string, input: unknown) {
    const data = parseInput(answersInput, input);
    const locality = await this.deps.register.locality(gssCode);
    return this.db.transaction().execute(async (trx) => {
      const round = await this.repository.round(trx, locality.id, id, true);
      if (!round) throw new NotFoundError('Round of agreement');
      const mine = round.moves.filter((m) => m.ownerId === data.ownerId);
      if (!mine.length) throw ValidationError.of('ownerId', 'That calendar has no moves in this proposal');
      const owner = mine[0] as ProposedMove;
      if (!principal.canWrite || !this.canEditOwner(principal, locality, owner.ownerKind, owner.ownerId))
        refuse(principal, locality, 'Calendar');
      if (round.status !== 'open')
        throw new ConflictError('A newer proposal replaced this one: answer the newer proposal instead');
      const answered = new Set((await this.repository.answers(trx, round.id)).map((a) => a.occurrence_key));
      const changes = new Map(
        (await this.repository.changes(trx, locality.id)).map((c) => [`${c.event_id}@${c.original_on}`, c.moved_to]),
      );
      const events = new Set((await this.repository.events(trx, locality.id)).map((e) => e.id));
      const rows: Array<Omit<AnswerRow, 'id' | 'recorded_at'>> = [];
      const applied: ProposedMove[] = [];
      for (const [i, answer] of data.answers.entries()) {
        const move = mine.find((m) => m.key === answer.key);
        if (!move) throw ValidationError.of(`answers.${i}.key`, 'That move is not proposed for this calendar');
        if (answered.has(move.key)) throw new ConflictError(`${move.title} of ${move.from} was already answered`);
        if (answer.decision === 'consent') {
          const now = changes.has(move.key) ? changes.get(move.key) : move.key.slice(-10);
          if (!events.has(move.eventId) || now !== move.from)
            throw new ConflictError(
              `${move.title} of ${move.from} was changed since the proposal: decline this move, or ask for a new proposal`,
            );
          applied.push(move);
        }
        rows.push({
          round_id: round.id,
          locality_id: locality.id,
          occurrence_key: move.key,
          owner_id: move.ownerId,
          decision: answer.decision,
          reason: answer.reason || null,
          applied: answer.decision === 'consent',
          recorded_by: principal.label,
          recorded_by_id: principal.id,
        });
      }
      for (const move of applied)
        await this.repository.upsertChange(trx, {
          event_id: move.eventId,
          locality_id: locality.id,
          original_on: move.key.slice(-10),
          moved_to: move.to,
          reason: 'Aligned calendar, agreed',
        });
      const saved = await this.repository.insertAnswers(trx, rows);
      const declined = rows.length - applied.length;
      const partnershipId = owner.ownerKind === 'partnership' ? owner.ownerId : null;
      const organisationId = owner.ownerKind === 'organisation' ? owner.ownerId : null;
      await this.audit(trx, principal, [
        {
          localityId: locality.id,
          action: 'consent',
          entityType: 'calendar',
          entityId: round.id,
          partnershipId,
          organisationId,
          summary: `${owner.ownerName} agreed to ${applied.length} move${applied.length === 1 ? '' : 's'} of the aligned calendar and declined ${declined}`,
          after: saved,
        },
        ...applied.map((m) => ({
          localityId: locality.id,
          action: 'update' as const,
          entityType: 'calendar-event' as const,
          entityId: m.eventId,
          partnershipId,
          organisationId,
          summary: `Moved ${m.title} of ${owner.ownerName} from ${m.from} to ${m.to} (aligned calendar, agreed)`,
          before: { date: m.from },
          after: { date: m.to },
        })),
      ]);
      // The proposer hears each answer, as rationalisation's administrator does.
      if (round.proposed_by_id && /^[0-9a-f-]{36}$/i.test(round.proposed_by_id))
        await this.deps.notifications?.notify(
          {
            userIds: [round.proposed_by_id],
            except: principal.userId,
            localityId: locality.id,
            subject: `${owner.ownerName} answered the aligned calendar proposal`,
            body: `${principal.label} agreed to ${applied.length} move${applied.length === 1 ? '' : 's'} on the calendar of ${owner.ownerName} (made at once) and declined ${declined}.`,
            link: `/localities/${locality.gss_code}/cycles/aligned/rounds/${round.id}`,
          },
          { trx },
        );
      return { name: owner.ownerName, applied: applied.length, declined };
    });
  }

  // --- writing events ---------------------------------------------------------------------------

  /** Whose calendars the principal may add events to. */
  async owners(principal: Principal, gssCode: string): Promise<Array<{ value: string; text: string }>> {
    const locality = await this.deps.register.locality(gssCode);
    const admin = canAdministerLocality(principal, locality);
    const partnerships = (await this.deps.register.partnerships.options(this.db, locality.id)).filter((p) =>
      canEditPartnership(principal, locality, p.id),
    );
    const organisations = admin ? await this.deps.register.organisations.options(this.db, locality.id) : [];
    return [
      ...partnerships.map((p) => ({ value: `partnership:${p.id}`, text: p.name })),
      ...organisations.map((o) => ({ value: `organisation:${o.id}`, text: `${o.name} (organisation)` })),
    ];
  }

  async createEvent(principal: Principal, gssCode: string, input: unknown, options?: WriteOptions): Promise<EventRow> {
    const data: EventInput = parseInput(eventInput, input);
    return this.write(options, async (trx) => {
      const locality = await this.deps.register.locality(gssCode, trx);
      const [kind, ownerId] = data.owner.split(':') as ['organisation' | 'partnership', string];
      const exists =
        kind === 'partnership'
          ? (await this.deps.register.partnerships.options(trx, locality.id)).some((p) => p.id === ownerId)
          : (await this.deps.register.organisations.options(trx, locality.id)).some((o) => o.id === ownerId);
      if (!this.canEditOwner(principal, locality, kind, ownerId)) refuse(principal, locality, 'Calendar');
      if (!exists) throw ValidationError.of('owner', 'Choose whose calendar the event is on');
      const indicatorCodes = await this.publishedIndicators(trx, locality.id, data.kind, data.indicatorCodes);
      const event = await this.repository.insertEvent(trx, locality.id, {
        organisation_id: kind === 'organisation' ? ownerId : null,
        partnership_id: kind === 'partnership' ? ownerId : null,
        kind: data.kind,
        title: data.title,
        starts_on: data.startsOn,
        recurrence: data.recurrence ? data.recurrence.toUpperCase() : null,
        working_day_offset: data.workingDayOffset,
        start_time: data.startTime || null,
        movability: data.movability,
        window_days: data.movability === 'within-days' ? data.windowDays : 0,
        restricted: data.restricted,
        themes: data.themes,
        agenda_url: data.agendaUrl || null,
        indicator_codes: indicatorCodes,
      });
      await this.audit(trx, principal, [
        {
          localityId: locality.id,
          action: 'create',
          entityType: 'calendar-event',
          entityId: event.id,
          partnershipId: event.partnership_id,
          organisationId: event.organisation_id,
          summary: `Added ${EVENT_KIND_LABELS[data.kind].toLowerCase()} “${event.title}” to a calendar`,
          after: event,
        },
      ]);
      return event;
    });
  }

  /**
   * The indicators a data release publishes, each as the locality's indicator library spells it;
   * a code the library does not have, or codes on an event that is not a data release, are refused.
   */
  private async publishedIndicators(db: Db, localityId: string, kind: EventKind, codes: string[]): Promise<string[]> {
    if (!codes.length) return [];
    if (kind !== 'data-release')
      throw ValidationError.of(
        'indicatorCodes',
        'Only a data release publishes indicators: choose data release, or leave the indicator codes empty',
      );
    const library = await this.deps.performance.indicatorsByCode(db, localityId);
    const unknown = codes.filter((c) => !library.has(normaliseCode(c)));
    if (unknown.length)
      throw ValidationError.of(
        'indicatorCodes',
        `${unknown.join(', ')} ${unknown.length === 1 ? 'is not an indicator' : 'are not indicators'} of this locality: enter codes from the indicator library, such as NI 117`,
      );
    return [...new Set(codes.map((c) => (library.get(normaliseCode(c)) as { code: string }).code))];
  }

  /** Sets the month a calendar's financial year starts (an FE college's runs August to July). */
  async setFinancialYear(principal: Principal, gssCode: string, input: unknown, options?: WriteOptions) {
    const data = parseInput(financialYearInput, input);
    return this.write(options, async (trx) => {
      const locality = await this.deps.register.locality(gssCode, trx);
      const [kind, ownerId] = data.owner.split(':') as ['organisation' | 'partnership', string];
      if (!this.canEditOwner(principal, locality, kind, ownerId)) refuse(principal, locality, 'Calendar');
      const exists =
        kind === 'partnership'
          ? (await this.deps.register.partnerships.options(trx, locality.id)).some((p) => p.id === ownerId)
          : (await this.deps.register.organisations.options(trx, locality.id)).some((o) => o.id === ownerId);
      if (!exists) throw ValidationError.of('owner', 'Choose whose calendar the event is on');
      const row = await this.repository.setFinancialYear(trx, {
        locality_id: locality.id,
        organisation_id: kind === 'organisation' ? ownerId : null,
        partnership_id: kind === 'partnership' ? ownerId : null,
        month: data.startMonth,
      });
      await this.audit(trx, principal, [
        {
          localityId: locality.id,
          action: 'update',
          entityType: 'calendar',
          entityId: row.id,
          partnershipId: row.partnership_id,
          organisationId: row.organisation_id,
          summary: `Set the financial year to start in month ${data.startMonth}`,
          after: row,
        },
      ]);
      return row;
    });
  }

  async addDependency(principal: Principal, gssCode: string, input: unknown, options?: WriteOptions) {
    const data = parseInput(dependencyInput, input);
    return this.write(options, async (trx) => {
      const locality = await this.deps.register.locality(gssCode, trx);
      if (!principal.canWrite) refuse(principal, locality, 'Calendar');
      const [up, down] = await this.dependencyEnds(trx, principal, locality, data);
      const row = await this.repository.insertDependency(trx, {
        locality_id: locality.id,
        kind: data.kind,
        upstream_event_id: up.id,
        downstream_event_id: down.id,
        min_gap_working_days: data.minGapWorkingDays,
        note: data.note || null,
      });
      await this.audit(trx, principal, [
        {
          localityId: locality.id,
          action: 'create',
          entityType: 'calendar-event',
          entityId: down.id,
          partnershipId: down.partnership_id,
          organisationId: down.organisation_id,
          summary: `Recorded that “${down.title}” depends on “${up.title}”`,
          after: row,
        },
      ]);
      return row;
    });
  }

  /** An event for its calendar's administrator to change or remove; not found for anyone else who may read it. */
  async editableEvent(
    principal: Principal,
    gssCode: string,
    id: string,
    db: Db = this.db,
  ): Promise<{ locality: Locality; event: EventRow; ownerName: string; dependencies: number; meetings: number }> {
    const locality = await this.deps.register.locality(gssCode, db);
    const event = await this.repository.event(db, locality.id, id);
    if (!event) throw new NotFoundError('Event');
    const ownerKind = event.partnership_id ? 'partnership' : 'organisation';
    const ownerId = (event.partnership_id ?? event.organisation_id) as string;
    if (!this.canEditOwner(principal, locality, ownerKind, ownerId)) {
      if (canReadRestricted(principal, locality)) refuse(principal, locality, 'Event');
      throw new NotFoundError('Event');
    }
    const ownerName =
      ownerKind === 'partnership'
        ? ((await this.deps.register.partnerships.options(db, locality.id)).find((p) => p.id === ownerId)?.name ?? '')
        : ((await this.deps.register.organisations.options(db, locality.id)).find((o) => o.id === ownerId)?.name ?? '');
    const { dependencies, meetings } = await this.repository.eventLinks(db, id);
    return { locality, event, ownerName, dependencies, meetings };
  }

  /** Changes an event as read at its version; a stale version is refused and nothing is overwritten. */
  async updateEvent(principal: Principal, gssCode: string, id: string, input: unknown, options?: WriteOptions) {
    const data: EventUpdate = parseInput(eventUpdate, input);
    return this.write(options, async (trx) => {
      const { locality, event: before } = await this.editableEvent(principal, gssCode, id, trx);
      if (!principal.canWrite) refuse(principal, locality, 'Event');
      const after = await this.repository.updateEvent(trx, locality.id, id, data.version, {
        kind: data.kind,
        title: data.title,
        starts_on: data.startsOn,
        recurrence: data.recurrence ? data.recurrence.toUpperCase() : null,
        working_day_offset: data.workingDayOffset,
        start_time: data.startTime || null,
        movability: data.movability,
        window_days: data.movability === 'within-days' ? data.windowDays : 0,
        restricted: data.restricted,
        themes: data.themes ?? before.themes,
        agenda_url: data.agendaUrl || null,
        indicator_codes: await this.publishedIndicators(
          trx,
          locality.id,
          data.kind,
          data.indicatorCodes ?? (data.kind === 'data-release' ? before.indicator_codes : []),
        ),
      });
      if (!after)
        throw new ConflictError('Someone changed this event since you read it: check the event and save again');
      await this.audit(trx, principal, [
        {
          localityId: locality.id,
          action: 'update',
          entityType: 'calendar-event',
          entityId: id,
          partnershipId: after.partnership_id,
          organisationId: after.organisation_id,
          summary: `Changed ${EVENT_KIND_LABELS[data.kind].toLowerCase()} “${after.title}”`,
          before,
          after,
        },
      ]);
      return after;
    });
  }

  /** Removes an event (its moved dates and entered dependencies with it) as read at its version. */
  async removeEvent(principal: Principal, gssCode: string, id: string, input: unknown, options?: WriteOptions) {
    const { version } = parseInput(removalInput, input);
    return this.write(options, async (trx) => {
      const { locality, event: before } = await this.editableEvent(principal, gssCode, id, trx);
      if (!principal.canWrite) refuse(principal, locality, 'Event');
      if (!(await this.repository.deleteEvent(trx, locality.id, id, version)))
        throw new ConflictError('Someone changed this event since you read it: check the event before removing it');
      await this.audit(trx, principal, [
        {
          localityId: locality.id,
          action: 'withdraw',
          entityType: 'calendar-event',
          entityId: id,
          partnershipId: before.partnership_id,
          organisationId: before.organisation_id,
          summary: `Removed ${EVENT_KIND_LABELS[before.kind as EventKind].toLowerCase()} “${before.title}” from the calendar`,
          before,
        },
      ]);
      return before;
    });
  }

  /**
   * Every dependency the viewer may see, worked out and entered, with both events named, filtered
   * by kind, source and calendar and sorted; entered ones say whether the viewer may change them.
   */
  async dependencyList(principal: Principal, gssCode: string, rawQuery: unknown, year?: number) {
    const parsed = dependencyQuery.safeParse(withoutBlanks(rawQuery));
    const query = parsed.success ? parsed.data : {};
    const calendars = await this.calendars(principal, gssCode, year);
    const eventOf = new Map(calendars.events.map((e) => [e.id, e]));
    const stored = new Map((await this.repository.dependencies(this.db, calendars.locality.id)).map((d) => [d.id, d]));
    let rows = calendars.dependencies.flatMap((d) => {
      const upstream = eventOf.get(d.upstreamEventId);
      const downstream = eventOf.get(d.downstreamEventId);
      if (!upstream || !downstream) return [];
      const row = d.id ? stored.get(d.id) : undefined;
      const canEdit =
        !!row &&
        principal.canWrite &&
        [upstream, downstream].some((e) => this.canEditOwner(principal, calendars.locality, e.ownerKind, e.ownerId));
      return [{ dependency: d, upstream, downstream, version: row?.version ?? null, canEdit }];
    });
    if (query.kind) rows = rows.filter((r) => r.dependency.kind === query.kind);
    if (query.source) rows = rows.filter((r) => r.dependency.derived === (query.source === 'derived'));
    if (query.calendar)
      rows = rows.filter((r) => r.upstream.ownerId === query.calendar || r.downstream.ownerId === query.calendar);
    const name = (e: CalendarEvent) => `${e.ownerName} ${e.title}`;
    const sort = query.sort ?? 'kind';
    rows.sort(
      (a, b) =>
        (sort === 'gap'
          ? b.dependency.minGapWorkingDays - a.dependency.minGapWorkingDays
          : sort === 'upstream'
            ? name(a.upstream).localeCompare(name(b.upstream))
            : sort === 'downstream'
              ? name(a.downstream).localeCompare(name(b.downstream))
              : a.dependency.kind.localeCompare(b.dependency.kind)) ||
        name(a.downstream).localeCompare(name(b.downstream)) ||
        name(a.upstream).localeCompare(name(b.upstream)),
    );
    const editableOwners = new Set(
      (await this.owners(principal, gssCode)).map((o) => o.value.slice(o.value.indexOf(':') + 1)),
    );
    return { calendars, query: { ...query, sort }, rows, canAdd: principal.canWrite && editableOwners.size > 0 };
  }

  /** An entered dependency for someone who administers either of its calendars. */
  async editableDependency(principal: Principal, gssCode: string, id: string, db: Db = this.db) {
    const locality = await this.deps.register.locality(gssCode, db);
    const row = await this.repository.dependency(db, locality.id, id);
    if (!row) throw new NotFoundError('Dependency');
    const [up, down] = await Promise.all([
      this.repository.event(db, locality.id, row.upstream_event_id),
      this.repository.event(db, locality.id, row.downstream_event_id),
    ]);
    const mayEdit = (e: EventRow | undefined) =>
      !!e &&
      this.canEditOwner(
        principal,
        locality,
        e.partnership_id ? 'partnership' : 'organisation',
        (e.partnership_id ?? e.organisation_id) as string,
      );
    if (!mayEdit(up) && !mayEdit(down)) {
      if (canReadRestricted(principal, locality)) refuse(principal, locality, 'Dependency');
      throw new NotFoundError('Dependency');
    }
    return { locality, dependency: row, upstream: up as EventRow, downstream: down as EventRow };
  }

  /** Changes an entered dependency as read at its version. */
  async updateDependency(principal: Principal, gssCode: string, id: string, input: unknown, options?: WriteOptions) {
    const data = parseInput(dependencyUpdate, input);
    return this.write(options, async (trx) => {
      const { locality, dependency: before } = await this.editableDependency(principal, gssCode, id, trx);
      if (!principal.canWrite) refuse(principal, locality, 'Dependency');
      const [up, down] = await this.dependencyEnds(trx, principal, locality, data);
      const after = await this.repository.updateDependency(trx, locality.id, id, data.version, {
        kind: data.kind,
        upstream_event_id: up.id,
        downstream_event_id: down.id,
        min_gap_working_days: data.minGapWorkingDays,
        note: data.note || null,
      });
      if (!after) throw new ConflictError('Someone changed this dependency since you read it: check it and save again');
      await this.audit(trx, principal, [
        {
          localityId: locality.id,
          action: 'update',
          entityType: 'calendar-event',
          entityId: down.id,
          partnershipId: down.partnership_id,
          organisationId: down.organisation_id,
          summary: `Changed the dependency of “${down.title}” on “${up.title}”`,
          before,
          after,
        },
      ]);
      return after;
    });
  }

  /** Removes an entered dependency as read at its version. */
  async removeDependency(principal: Principal, gssCode: string, id: string, input: unknown, options?: WriteOptions) {
    const { version } = parseInput(removalInput, input);
    return this.write(options, async (trx) => {
      const {
        locality,
        dependency: before,
        upstream,
        downstream,
      } = await this.editableDependency(principal, gssCode, id, trx);
      if (!principal.canWrite) refuse(principal, locality, 'Dependency');
      if (!(await this.repository.deleteDependency(trx, locality.id, id, version)))
        throw new ConflictError('Someone changed this dependency since you read it: check it before removing it');
      await this.audit(trx, principal, [
        {
          localityId: locality.id,
          action: 'withdraw',
          entityType: 'calendar-event',
          entityId: downstream.id,
          partnershipId: downstream.partnership_id,
          organisationId: downstream.organisation_id,
          summary: `Removed the dependency of “${downstream.title}” on “${upstream.title}”`,
          before,
        },
      ]);
      return before;
    });
  }

  /** Both events of a dependency, of this locality, at least one on a calendar the principal administers. */
  private async dependencyEnds(
    trx: Db,
    principal: Principal,
    locality: Locality,
    data: { upstreamEventId: string; downstreamEventId: string },
  ): Promise<[EventRow, EventRow]> {
    const [up, down] = await Promise.all([
      this.repository.event(trx, locality.id, data.upstreamEventId),
      this.repository.event(trx, locality.id, data.downstreamEventId),
    ]);
    if (!up) throw ValidationError.of('upstreamEventId', 'Choose an event of this locality');
    if (!down) throw ValidationError.of('downstreamEventId', 'Choose an event of this locality');
    const mayEdit = (e: EventRow) =>
      this.canEditOwner(
        principal,
        locality,
        e.partnership_id ? 'partnership' : 'organisation',
        (e.partnership_id ?? e.organisation_id) as string,
      );
    if (!mayEdit(up) && !mayEdit(down)) refuse(principal, locality, 'Calendar');
    return [up, down];
  }

  /** One occurrence of an event, by its name (event id and the date its rule gave), as the viewer may see it. */
  async occurrence(principal: Principal, gssCode: string, key: string): Promise<Occurrence | undefined> {
    const date = key.slice(-10);
    const start = Number(financialYear(date).from.slice(0, 4));
    const calendars = await this.calendars(principal, gssCode, start);
    return calendars.occurrences.find((o) => o.key === key);
  }

  /** Moves (or cancels) one occurrence of an event. */
  async moveOccurrence(principal: Principal, gssCode: string, input: unknown, options?: WriteOptions): Promise<void> {
    const data = parseInput(moveInput, input);
    if (!data.cancel && !data.movedTo) throw ValidationError.of('movedTo', 'Enter the new date as a real date');
    const [eventId, originalOn] = data.key.split('@') as [string, string];
    await this.write(options, async (trx) => {
      const locality = await this.deps.register.locality(gssCode, trx);
      const event = await this.repository.event(trx, locality.id, eventId);
      if (!event) throw new NotFoundError('Event');
      const ownerKind = event.partnership_id ? 'partnership' : 'organisation';
      if (!this.canEditOwner(principal, locality, ownerKind, (event.partnership_id ?? event.organisation_id) as string))
        refuse(principal, locality, 'Calendar');
      const movedTo = data.cancel ? null : (data.movedTo as string);
      await this.repository.upsertChange(trx, {
        event_id: eventId,
        locality_id: locality.id,
        original_on: originalOn,
        moved_to: movedTo,
        reason: data.reason || null,
      });
      await this.audit(trx, principal, [
        {
          localityId: locality.id,
          action: 'update',
          entityType: 'calendar-event',
          entityId: eventId,
          partnershipId: event.partnership_id,
          organisationId: event.organisation_id,
          summary: movedTo
            ? `Moved “${event.title}” of ${originalOn} to ${movedTo}`
            : `Cancelled “${event.title}” of ${originalOn}`,
          before: { date: originalOn },
          after: { date: movedTo },
        },
      ]);
    });
  }

  // --- feeds ------------------------------------------------------------------------------------

  /** The public feed: a locality's public events, or one partnership's or organisation's. */
  async publicFeed(gssCode: string, subject?: { scope: 'partnership' | 'organisation'; id: string }): Promise<string> {
    const calendars = await this.calendars(
      { id: 'public', label: 'Public', kind: 'public', grants: [], canWrite: false },
      gssCode,
    );
    const name = subject
      ? (calendars.lanes.find((l) => l.ownerId === subject.id)?.name ??
        calendars.partnerships.find((p) => p.id === subject.id)?.name ??
        calendars.organisations.find((o) => o.id === subject.id)?.name)
      : calendars.locality.name;
    if (!name) throw new NotFoundError('Calendar');
    const events = await this.feedOccurrences(calendars, subject ? new Set([subject.id]) : null);
    return this.ics(`${name}: public events`, events);
  }

  /** A restricted feed through its secret link; a revoked link, or one whose maker lost access, is not found. */
  async secretFeed(token: string): Promise<string> {
    const link = /^[A-Za-z0-9_-]{20,100}$/.test(token)
      ? await this.repository.feedLinkByHash(this.db, hashToken(token))
      : undefined;
    if (!link?.created_by) throw new NotFoundError('Calendar feed');
    const maker = await this.deps.principalFor(link.created_by);
    const locality = (await this.deps.register.listLocalities()).find((l) => l.id === link.locality_id);
    if (!maker || !locality || !canReadRestricted(maker, locality)) throw new NotFoundError('Calendar feed');
    const calendars = await this.calendars(maker, locality.gss_code);
    const owners = this.feedOwners(calendars, maker, link);
    const name = this.feedName(calendars, maker, link);
    return this.ics(name, await this.feedOccurrences(calendars, owners));
  }

  private feedOwners(
    calendars: Calendars,
    person: Principal,
    link: Pick<FeedLinkRow, 'scope' | 'subject_id'>,
  ): Set<string> {
    if (link.scope !== 'person') return new Set([link.subject_id]);
    // Every board the person sits on: the partnerships they administer, the seats that name them
    // as representative, and the boards of the organisation they act for.
    const owners = new Set<string>();
    for (const g of person.grants) {
      if (g.localityId !== calendars.locality.id) continue;
      if (g.partnershipId) owners.add(g.partnershipId);
      if (g.organisationId) {
        owners.add(g.organisationId);
        for (const s of calendars.seats) if (s.organisation_id === g.organisationId) owners.add(s.partnership_id);
      }
    }
    const name = person.label.trim().toLowerCase();
    for (const s of calendars.seats) if (s.representative?.trim().toLowerCase() === name) owners.add(s.partnership_id);
    return owners;
  }

  private feedName(calendars: Calendars, person: Principal, link: Pick<FeedLinkRow, 'scope' | 'subject_id'>): string {
    if (link.scope === 'person') return `${person.label}: my boards in ${calendars.locality.name}`;
    const name =
      calendars.partnerships.find((p) => p.id === link.subject_id)?.name ??
      calendars.organisations.find((o) => o.id === link.subject_id)?.name ??
      'Calendar';
    return `${name}: all events`;
  }

  /** From the start of last financial year to the end of next: what a calendar client keeps. */
  private async feedOccurrences(calendars: Calendars, owners: Set<string> | null): Promise<Occurrence[]> {
    const events = calendars.events.filter((e) => !owners || owners.has(e.ownerId));
    const rows = await this.repository.changes(this.db, calendars.locality.id);
    const changes = new Map<string, Change>(rows.map((c) => [`${c.event_id}@${c.original_on}`, { date: c.moved_to }]));
    const start = calendars.year.start;
    const holidays = bankHolidaySet(nationOf(calendars.locality.nation), start - 2, start + 3);
    return occurrencesIn(events, `${start - 1}-04-01`, `${start + 2}-03-31`, holidays, changes);
  }

  private ics(name: string, events: Occurrence[]): string {
    const calendar = ical({
      name,
      prodId: { company: 'Joined Up', product: 'Planning and reporting cycles', language: 'EN' },
      method: ICalCalendarMethod.PUBLISH,
      ttl: 60 * 60 * 6,
    });
    for (const o of events) {
      const timed = o.startsAt;
      calendar.createEvent({
        id: `${o.key}@joinedup`,
        start: timed ?? new Date(`${o.date}T00:00:00Z`),
        end: timed ? new Date(timed.getTime() + 2 * 3_600_000) : new Date(`${plusDays(o.date, 1)}T00:00:00Z`),
        allDay: !timed,
        floating: !timed,
        summary: `${o.event.title} (${o.event.ownerName})`,
        description: `${EVENT_KIND_LABELS[o.event.kind]} on the calendar of ${o.event.ownerName}.${o.date !== o.originalDate ? ` Moved from ${o.originalDate}.` : ''}`,
        categories: [{ name: EVENT_KIND_LABELS[o.event.kind] }],
        stamp: new Date(`${o.originalDate}T00:00:00Z`),
      });
    }
    return calendar.toString();
  }

  async feedLinks(principal: Principal, gssCode: string): Promise<{ locality: Locality; links: FeedLinkRow[] }> {
    const locality = await this.deps.register.locality(gssCode);
    if (!canReadRestricted(principal, locality) || !principal.userId) refuse(principal, locality, 'Calendar feeds');
    return { locality, links: await this.repository.feedLinksOf(this.db, locality.id, principal.userId as string) };
  }

  /** A secret link to a restricted feed: the token is shown once; only its hash is kept. */
  async createFeedLink(
    principal: Principal,
    gssCode: string,
    input: unknown,
  ): Promise<{ token: string; link: FeedLinkRow }> {
    const data = parseInput(feedLinkInput, input);
    const locality = await this.deps.register.locality(gssCode);
    if (!canReadRestricted(principal, locality) || !principal.userId || !principal.canWrite)
      refuse(principal, locality, 'Calendar feeds');
    const userId = principal.userId as string;
    let subjectId = userId;
    if (data.scope !== 'person') {
      if (!data.subjectId) throw ValidationError.of('subjectId', 'Choose a partnership or organisation');
      const found =
        data.scope === 'partnership'
          ? (await this.deps.register.partnerships.options(this.db, locality.id)).some((p) => p.id === data.subjectId)
          : (await this.deps.register.organisations.options(this.db, locality.id)).some((o) => o.id === data.subjectId);
      if (!found) throw ValidationError.of('subjectId', 'Choose a partnership or organisation of this locality');
      subjectId = data.subjectId;
    }
    const token = crypto.randomBytes(24).toString('base64url');
    return this.db.transaction().execute(async (trx) => {
      const link = await this.repository.insertFeedLink(trx, {
        locality_id: locality.id,
        scope: data.scope,
        subject_id: subjectId,
        token_hash: hashToken(token),
        created_by: userId,
      });
      await this.audit(trx, principal, [
        {
          localityId: locality.id,
          action: 'create-token',
          entityType: 'calendar-feed',
          entityId: link.id,
          partnershipId: data.scope === 'partnership' ? subjectId : null,
          organisationId: data.scope === 'organisation' ? subjectId : null,
          summary: `Made a secret calendar feed link (${data.scope})`,
          after: { scope: link.scope, subject_id: link.subject_id },
        },
      ]);
      return { token, link };
    });
  }

  async revokeFeedLink(principal: Principal, gssCode: string, id: string): Promise<void> {
    const locality = await this.deps.register.locality(gssCode);
    if (!principal.userId || !principal.canWrite) refuse(principal, locality, 'Calendar feeds');
    const admin = canAdministerLocality(principal, locality);
    await this.db.transaction().execute(async (trx) => {
      const link = await this.repository.revokeFeedLink(
        trx,
        locality.id,
        id,
        admin ? null : (principal.userId as string),
      );
      if (!link) throw new NotFoundError('Calendar feed link');
      await this.audit(trx, principal, [
        {
          localityId: locality.id,
          action: 'revoke-token',
          entityType: 'calendar-feed',
          entityId: link.id,
          summary: `Revoked a secret calendar feed link (${link.scope})`,
          before: { scope: link.scope, subject_id: link.subject_id },
        },
      ]);
    });
  }

  // --- meetings ---------------------------------------------------------------------------------

  /** A partnership's meetings: those recorded, and the dates its calendar gives that are not yet recorded. */
  async meetings(principal: Principal, gssCode: string, partnershipId: string, year?: number) {
    const calendars = await this.calendars(principal, gssCode, year);
    const partnership = calendars.partnerships.find((p) => p.id === partnershipId);
    if (!partnership) throw new NotFoundError('Partnership');
    const rows = (await this.repository.meetings(this.db, calendars.locality.id, partnershipId)).filter(
      (m) => calendars.restricted || !m.restricted,
    );
    const ids = rows.map((m) => m.id);
    const [attendance, decisions] = await Promise.all([
      this.repository.attendance(this.db, ids),
      this.repository.decisions(this.db, ids),
    ]);
    const recorded = new Set(rows.filter((m) => m.event_id).map((m) => `${m.event_id}@${m.occurrence_on}`));
    const suggestions = await this.suggestions(calendars, partnershipId);
    const planned = calendars.occurrences.filter(
      (o) => o.event.ownerId === partnershipId && o.event.kind === 'board-meeting' && !recorded.has(o.key),
    );
    return {
      calendars,
      partnership,
      canEdit: canEditPartnership(principal, calendars.locality, partnershipId),
      recorded: rows.map((m) => ({
        meeting: m,
        attendance: attendance.filter((a) => a.meeting_id === m.id),
        decisions: decisions.filter((d) => d.meeting_id === m.id),
      })),
      planned,
      suggestions,
    };
  }

  /**
   * Suggested dates for the partnership's meetings in the year from today: its meeting pattern
   * (meetings a year, four if the register does not say), avoiding the days its members'
   * other boards meet and landing five working days before the reports it sends its parent.
   */
  private async suggestions(calendars: Calendars, partnershipId: string): Promise<Suggestion[]> {
    const today = todayInLondon();
    const until = plusDays(today, 366);
    const rows = await this.repository.changes(this.db, calendars.locality.id);
    const changes = new Map<string, Change>(rows.map((c) => [`${c.event_id}@${c.original_on}`, { date: c.moved_to }]));
    const start = Number(today.slice(0, 4));
    const holidays = bankHolidaySet(nationOf(calendars.locality.nation), start - 1, start + 2);
    const coming = occurrencesIn(calendars.events, today, until, holidays, changes);
    const summaries = await this.deps.register.partnerships.summaries(this.db, calendars.locality.id);
    const perYear = summaries.find((p) => p.id === partnershipId)?.meetings_per_year || 4;
    const names = new Map(calendars.partnerships.map((p) => [p.id, p.name]));
    return suggestMeetings({
      partnershipId,
      from: plusDays(today, 14),
      count: Math.min(perYear, 12),
      spacingDays: 365 / Math.min(perYear, 12),
      members: calendars.boards.members.get(partnershipId) ?? new Set(),
      others: coming
        .filter((o) => o.event.kind === 'board-meeting' && o.event.ownerKind === 'partnership')
        .map((o) => ({
          date: o.date,
          partnershipId: o.event.ownerId,
          name: names.get(o.event.ownerId) ?? o.event.ownerName,
          members: calendars.boards.members.get(o.event.ownerId) ?? new Set(),
        })),
      reportsDue: coming
        .filter((o) => o.event.ownerId === partnershipId && o.event.kind === 'performance-report')
        .map((o) => o.date),
      reportGap: 5,
      holidays,
      booked: (await this.repository.meetings(this.db, calendars.locality.id, partnershipId))
        .filter((m) => m.status !== 'cancelled' && m.held_on >= today)
        .map((m) => m.held_on),
    });
  }

  /**
   * Books one of the scheduler's suggested dates in one step: a board meeting on the
   * partnership's calendar and a scheduled meeting for that occurrence, in one transaction.
   */
  async bookMeeting(principal: Principal, gssCode: string, input: unknown) {
    const data = parseInput(bookingInput, input);
    const calendars = await this.calendars(principal, gssCode);
    const locality = calendars.locality;
    if (!principal.canWrite || !canEditPartnership(principal, locality, data.partnershipId))
      refuse(principal, locality, 'Partnership');
    const partnership = calendars.partnerships.find((p) => p.id === data.partnershipId);
    if (!partnership) throw ValidationError.of('partnershipId', 'Choose a partnership of this locality');
    const suggestions = await this.suggestions(calendars, data.partnershipId);
    if (!suggestions.some((s) => s.date === data.date))
      throw ValidationError.of(
        'date',
        'Choose one of the suggested dates: the suggestions have changed since you read them',
      );
    const pattern = calendars.events.find((e) => e.ownerId === data.partnershipId && e.kind === 'board-meeting');
    return this.db.transaction().execute(async (trx) => {
      const event = await this.repository.insertEvent(trx, locality.id, {
        organisation_id: null,
        partnership_id: data.partnershipId,
        kind: 'board-meeting',
        title: pattern?.title ?? 'Board meeting',
        starts_on: data.date,
        recurrence: null,
        working_day_offset: 0,
        start_time: pattern?.startTime ?? null,
        movability: 'within-month',
        window_days: 0,
        restricted: false,
        themes: [],
        agenda_url: null,
        indicator_codes: [],
      });
      const meeting = await this.repository.insertMeeting(
        trx,
        {
          locality_id: locality.id,
          partnership_id: data.partnershipId,
          event_id: event.id,
          occurrence_on: data.date,
          held_on: data.date,
          start_time: event.start_time,
          location: null,
          agenda_url: null,
          papers_url: null,
          minutes_url: null,
          status: 'scheduled',
          restricted: false,
        },
        [],
        [],
      );
      await this.audit(trx, principal, [
        {
          localityId: locality.id,
          action: 'create',
          entityType: 'calendar-event',
          entityId: event.id,
          partnershipId: data.partnershipId,
          summary: `Booked the suggested date ${data.date} for a meeting of ${partnership.name}`,
          after: event,
        },
        {
          localityId: locality.id,
          action: 'create',
          entityType: 'meeting',
          entityId: meeting.id,
          partnershipId: data.partnershipId,
          summary: `Scheduled the meeting of ${data.date}`,
          after: meeting,
        },
      ]);
      return { event, meeting, partnership };
    });
  }

  /** Each organisation named in a meeting's attendance is one of the locality's. */
  private async checkAttendance(db: Db, localityId: string, attendance: MeetingInput['attendance']) {
    const organisations = new Set((await this.deps.register.organisations.options(db, localityId)).map((o) => o.id));
    attendance.forEach((a, i) => {
      if (!organisations.has(a.organisationId))
        throw ValidationError.of(`attendance.${i}.organisationId`, 'Choose an organisation of this locality');
    });
  }

  /** A recorded meeting, with its attendance and decisions, for whoever administers its partnership. */
  async editableMeeting(principal: Principal, gssCode: string, id: string, db: Db = this.db) {
    const locality = await this.deps.register.locality(gssCode, db);
    const meeting = isUuid(id) ? await this.repository.meeting(db, locality.id, id) : undefined;
    if (!meeting) throw new NotFoundError('Meeting');
    if (!canEditPartnership(principal, locality, meeting.partnership_id)) {
      if (canReadRestricted(principal, locality)) refuse(principal, locality, 'Meeting');
      throw new NotFoundError('Meeting');
    }
    const [attendance, decisions] = await Promise.all([
      this.repository.attendance(db, [meeting.id]),
      this.repository.decisions(db, [meeting.id]),
    ]);
    return { locality, meeting, attendance, decisions };
  }

  /**
   * Changes a recorded meeting (date, time, place, papers, status, attendance and decisions) as
   * read at its version; a stale version is refused and nothing is overwritten.
   */
  async updateMeeting(
    principal: Principal,
    gssCode: string,
    id: string,
    input: unknown,
    options?: WriteOptions,
  ): Promise<MeetingRow> {
    const data: MeetingUpdate = parseInput(meetingUpdate, input);
    return this.write(options, async (trx) => {
      const before = await this.editableMeeting(principal, gssCode, id, trx);
      const { locality } = before;
      if (!principal.canWrite) refuse(principal, locality, 'Meeting');
      await this.checkAttendance(trx, locality.id, data.attendance);
      const meeting = await this.repository.updateMeeting(trx, locality.id, id, data.version, {
        held_on: data.heldOn,
        start_time: data.startTime || null,
        location: data.location || null,
        agenda_url: data.agendaUrl || null,
        papers_url: data.papersUrl || null,
        minutes_url: data.minutesUrl || null,
        status: data.status,
        restricted: data.restricted ?? before.meeting.restricted,
      });
      if (!meeting)
        throw new ConflictError('Someone changed this meeting since you read it: check what is saved and save again');
      const attendance = data.attendance.map((a) => ({
        organisation_id: a.organisationId,
        representative: a.representative || null,
        attendance: a.attendance,
      }));
      await this.repository.replaceAttendance(trx, id, attendance);
      await this.repository.reviseDecisions(trx, id, data.decisions);
      await this.audit(trx, principal, [
        {
          localityId: locality.id,
          action: 'update',
          entityType: 'meeting',
          entityId: id,
          partnershipId: meeting.partnership_id,
          summary: `Changed the record of the meeting of ${meeting.held_on}${before.meeting.held_on !== meeting.held_on ? ` (was ${before.meeting.held_on})` : ''}`,
          before: {
            ...before.meeting,
            attendance: before.attendance.map(({ organisation_id, representative, attendance }) => ({
              organisation_id,
              representative,
              attendance,
            })),
            decisions: before.decisions.map((d) => d.summary),
          },
          after: { ...meeting, attendance, decisions: data.decisions },
        },
      ]);
      return meeting;
    });
  }

  async recordMeeting(
    principal: Principal,
    gssCode: string,
    input: unknown,
    options?: WriteOptions,
  ): Promise<MeetingRow> {
    const data = parseInput(meetingInput, input);
    return this.write(options, async (trx) => {
      const locality = await this.deps.register.locality(gssCode, trx);
      if (!canEditPartnership(principal, locality, data.partnershipId)) refuse(principal, locality, 'Partnership');
      const partnerships = await this.deps.register.partnerships.options(trx, locality.id);
      if (!partnerships.some((p) => p.id === data.partnershipId))
        throw ValidationError.of('partnershipId', 'Choose a partnership of this locality');
      let eventId: string | null = null;
      let occurrenceOn: string | null = null;
      if (data.occurrenceKey) {
        [eventId, occurrenceOn] = data.occurrenceKey.split('@') as [string, string];
        const event = await this.repository.event(trx, locality.id, eventId);
        if (!event || event.partnership_id !== data.partnershipId)
          throw ValidationError.of('occurrenceKey', 'Choose a meeting from this partnership’s calendar');
      }
      await this.checkAttendance(trx, locality.id, data.attendance);
      const meeting = await this.repository.insertMeeting(
        trx,
        {
          locality_id: locality.id,
          partnership_id: data.partnershipId,
          event_id: eventId,
          occurrence_on: occurrenceOn,
          held_on: data.heldOn,
          start_time: data.startTime || null,
          location: data.location || null,
          agenda_url: data.agendaUrl || null,
          papers_url: data.papersUrl || null,
          minutes_url: data.minutesUrl || null,
          status: data.status,
          restricted: data.restricted,
        },
        data.attendance.map((a) => ({
          organisation_id: a.organisationId,
          representative: a.representative || null,
          attendance: a.attendance,
        })),
        data.decisions,
      );
      await this.audit(trx, principal, [
        {
          localityId: locality.id,
          action: 'create',
          entityType: 'meeting',
          entityId: meeting.id,
          partnershipId: data.partnershipId,
          summary: `Recorded the meeting of ${data.heldOn}`,
          after: { ...meeting, attendance: data.attendance, decisions: data.decisions },
        },
      ]);
      return meeting;
    });
  }
}
