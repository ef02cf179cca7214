import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { AnswerRow, DependencyRow, EventRow, FeedLinkRow, MeetingRow, ProposedMove, RoundRow } from './schema.js';

export interface EventWithOwner extends EventRow {
  owner_name: string;
  /** The partnership's status, to keep proposed partnerships' events from the public. */
  owner_status: string;
}

export interface EventValues {
  organisation_id: string | null;
  partnership_id: string | null;
  kind: string;
  title: string;
  starts_on: string;
  recurrence: string | null;
  working_day_offset: number;
  start_time: string | null;
  movability: string;
  window_days: number;
  restricted: boolean;
  themes: string[];
  agenda_url: string | null;
  indicator_codes: string[];
}

/** Calendars, their changes and dependencies, feed links and meetings: SQL only, every query by locality. */
export class CyclesRepository {
  async events(db: Db, localityId: string): Promise<EventWithOwner[]> {
    return db
      .selectFrom('cycle_events as e')
      .leftJoin('organisations as o', 'o.id', 'e.organisation_id')
      .leftJoin('partnerships as p', 'p.id', 'e.partnership_id')
      .selectAll('e')
      .select([
        sql<string>`coalesce(p.name, o.name)`.as('owner_name'),
        sql<string>`coalesce(p.status, o.status)`.as('owner_status'),
      ])
      .where('e.locality_id', '=', localityId)
      .orderBy('e.starts_on')
      .orderBy('e.id')
      .execute();
  }

  event(db: Db, localityId: string, id: string): Promise<EventRow | undefined> {
    return db
      .selectFrom('cycle_events')
      .selectAll()
      .where('locality_id', '=', localityId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  insertEvent(db: Db, localityId: string, values: EventValues): Promise<EventRow> {
    return db
      .insertInto('cycle_events')
      .values({ locality_id: localityId, ...values })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** Changes an event as read at its version; undefined when someone changed it since. */
  updateEvent(
    db: Db,
    localityId: string,
    id: string,
    version: number,
    values: Omit<EventValues, 'organisation_id' | 'partnership_id'>,
  ): Promise<EventRow | undefined> {
    return db
      .updateTable('cycle_events')
      .set({ ...values, version: version + 1, updated_at: new Date() })
      .where('locality_id', '=', localityId)
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
  }

  /** Removes an event as read at its version (its moved dates and dependencies go with it). */
  async deleteEvent(db: Db, localityId: string, id: string, version: number): Promise<boolean> {
    const row = await db
      .deleteFrom('cycle_events')
      .where('locality_id', '=', localityId)
      .where('id', '=', id)
      .where('version', '=', version)
      .returning('id')
      .executeTakeFirst();
    return !!row;
  }

  /** How many entered dependencies and recorded meetings name an event (shown before removing it). */
  async eventLinks(db: Db, eventId: string): Promise<{ dependencies: number; meetings: number }> {
    const [deps, meetings] = await Promise.all([
      db
        .selectFrom('cycle_dependencies')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where((eb) => eb.or([eb('upstream_event_id', '=', eventId), eb('downstream_event_id', '=', eventId)]))
        .executeTakeFirst(),
      db
        .selectFrom('meetings')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('event_id', '=', eventId)
        .executeTakeFirst(),
    ]);
    return { dependencies: Number(deps?.n ?? 0), meetings: Number(meetings?.n ?? 0) };
  }

  async financialYears(db: Db, localityId: string): Promise<Map<string, number>> {
    const rows = await db
      .selectFrom('cycle_calendars')
      .select(['organisation_id', 'partnership_id', 'financial_year_start_month'])
      .where('locality_id', '=', localityId)
      .execute();
    return new Map(rows.map((r) => [(r.partnership_id ?? r.organisation_id) as string, r.financial_year_start_month]));
  }

  async setFinancialYear(
    db: Db,
    row: { locality_id: string; organisation_id: string | null; partnership_id: string | null; month: number },
  ) {
    const existing = await db
      .selectFrom('cycle_calendars')
      .selectAll()
      .where('locality_id', '=', row.locality_id)
      .where(
        row.partnership_id ? 'partnership_id' : 'organisation_id',
        '=',
        (row.partnership_id ?? row.organisation_id) as string,
      )
      .executeTakeFirst();
    if (existing)
      return db
        .updateTable('cycle_calendars')
        .set({ financial_year_start_month: row.month, version: existing.version + 1 })
        .where('id', '=', existing.id)
        .returningAll()
        .executeTakeFirstOrThrow();
    return db
      .insertInto('cycle_calendars')
      .values({
        locality_id: row.locality_id,
        organisation_id: row.organisation_id,
        partnership_id: row.partnership_id,
        financial_year_start_month: row.month,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  changes(db: Db, localityId: string) {
    return db
      .selectFrom('cycle_event_changes')
      .select(['event_id', 'original_on', 'moved_to', 'reason'])
      .where('locality_id', '=', localityId)
      .execute();
  }

  async upsertChange(
    db: Db,
    row: { event_id: string; locality_id: string; original_on: string; moved_to: string | null; reason: string | null },
  ): Promise<void> {
    await db
      .insertInto('cycle_event_changes')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['event_id', 'original_on']).doUpdateSet({
          moved_to: row.moved_to,
          reason: row.reason,
          changed_at: new Date(),
        }),
      )
      .execute();
  }

  dependencies(db: Db, localityId: string) {
    return db.selectFrom('cycle_dependencies').selectAll().where('locality_id', '=', localityId).execute();
  }

  dependency(db: Db, localityId: string, id: string): Promise<DependencyRow | undefined> {
    return db
      .selectFrom('cycle_dependencies')
      .selectAll()
      .where('locality_id', '=', localityId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  updateDependency(
    db: Db,
    localityId: string,
    id: string,
    version: number,
    values: {
      kind: string;
      upstream_event_id: string;
      downstream_event_id: string;
      min_gap_working_days: number;
      note: string | null;
    },
  ): Promise<DependencyRow | undefined> {
    return db
      .updateTable('cycle_dependencies')
      .set({ ...values, version: version + 1, updated_at: new Date() })
      .where('locality_id', '=', localityId)
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
  }

  async deleteDependency(db: Db, localityId: string, id: string, version: number): Promise<boolean> {
    const row = await db
      .deleteFrom('cycle_dependencies')
      .where('locality_id', '=', localityId)
      .where('id', '=', id)
      .where('version', '=', version)
      .returning('id')
      .executeTakeFirst();
    return !!row;
  }

  insertDependency(
    db: Db,
    row: {
      locality_id: string;
      kind: string;
      upstream_event_id: string;
      downstream_event_id: string;
      min_gap_working_days: number;
      note: string | null;
    },
  ) {
    return db.insertInto('cycle_dependencies').values(row).returningAll().executeTakeFirstOrThrow();
  }

  /** Who sits on which partnership now: organisations with a membership that has not ended. */
  async seats(db: Db, localityId: string, today: string) {
    return db
      .selectFrom('memberships')
      .select(['partnership_id', 'organisation_id', 'representative'])
      .where('locality_id', '=', localityId)
      .where((eb) => eb.or([eb('ended_on', 'is', null), eb('ended_on', '>', today)]))
      .execute();
  }

  /**
   * The outcome framework as the calendars need it: each indicator a partnership reports on,
   * because it owns the plan whose outcome is measured by it or is accountable for the target.
   * Archived plans and merged outcomes no longer count; drafts only for readers of restricted data.
   */
  async indicatorsReported(db: Db, localityId: string, withDrafts: boolean) {
    const rows = await db
      .selectFrom('targets as t')
      .innerJoin('outcomes as o', 'o.id', 't.outcome_id')
      .innerJoin('plans as p', 'p.id', 'o.plan_id')
      .innerJoin('indicators as i', 'i.id', 't.indicator_id')
      .select([
        'p.owner_partnership_id',
        't.accountable_partnership_id',
        'i.code',
        'i.title as indicator_title',
        'p.title as plan_title',
        'o.title as outcome_title',
      ])
      .where('t.locality_id', '=', localityId)
      .where('o.status', '=', 'active')
      .where('p.status', 'in', withDrafts ? ['published', 'draft'] : ['published'])
      .orderBy('p.title')
      .orderBy('o.position')
      .execute();
    return rows.flatMap((r) =>
      [...new Set([r.owner_partnership_id, r.accountable_partnership_id])]
        .filter((id): id is string => !!id)
        .map((partnershipId) => ({
          partnershipId,
          code: r.code,
          title: r.indicator_title,
          plan: r.plan_title,
          outcome: r.outcome_title,
        })),
    );
  }

  partnershipThemes(db: Db, localityId: string) {
    return db
      .selectFrom('partnership_themes as t')
      .innerJoin('partnerships as p', 'p.id', 't.partnership_id')
      .select(['t.partnership_id', 't.theme'])
      .where('p.locality_id', '=', localityId)
      .execute();
  }

  // --- feed links -------------------------------------------------------------------------------

  insertFeedLink(
    db: Db,
    row: {
      locality_id: string;
      scope: FeedLinkRow['scope'];
      subject_id: string;
      token_hash: string;
      created_by: string | null;
    },
  ): Promise<FeedLinkRow> {
    return db.insertInto('cycle_feed_links').values(row).returningAll().executeTakeFirstOrThrow();
  }

  feedLinkByHash(db: Db, hash: string): Promise<FeedLinkRow | undefined> {
    return db
      .selectFrom('cycle_feed_links')
      .selectAll()
      .where('token_hash', '=', hash)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
  }

  feedLinksOf(db: Db, localityId: string, userId: string): Promise<FeedLinkRow[]> {
    return db
      .selectFrom('cycle_feed_links')
      .selectAll()
      .where('locality_id', '=', localityId)
      .where('created_by', '=', userId)
      .where('revoked_at', 'is', null)
      .orderBy('created_at', 'desc')
      .execute();
  }

  async revokeFeedLink(
    db: Db,
    localityId: string,
    id: string,
    userId: string | null,
  ): Promise<FeedLinkRow | undefined> {
    let query = db
      .updateTable('cycle_feed_links')
      .set({ revoked_at: new Date() })
      .where('locality_id', '=', localityId)
      .where('id', '=', id)
      .where('revoked_at', 'is', null);
    if (userId) query = query.where('created_by', '=', userId);
    return query.returningAll().executeTakeFirst();
  }

  // --- consent rounds for the aligned calendar ---------------------------------------------------

  /** Holds the locality's row until the transaction ends, so two proposals sent at once take turns. */
  async lockLocality(db: Db, localityId: string): Promise<void> {
    await db.selectFrom('localities').select('id').where('id', '=', localityId).forUpdate().execute();
  }

  /** A new round replaces the open ones of its scope: only the newest proposal is answered. */
  async insertRound(
    db: Db,
    row: {
      locality_id: string;
      year: number;
      moves: ProposedMove[];
      flags_before: number;
      flags_after: number;
      proposed_by: string;
      proposed_by_id: string | null;
      partnership_id: string | null;
    },
  ): Promise<{ round: RoundRow; superseded: number }> {
    // The locality's proposal replaces the locality's; one partnership's replaces that partnership's.
    const superseded = await db
      .updateTable('cycle_alignment_rounds')
      .set({ status: 'superseded' })
      .where('locality_id', '=', row.locality_id)
      .where('status', '=', 'open')
      .where((eb) =>
        row.partnership_id ? eb('partnership_id', '=', row.partnership_id) : eb('partnership_id', 'is', null),
      )
      .returning('id')
      .execute();
    const round = await db
      .insertInto('cycle_alignment_rounds')
      .values({ ...row, moves: JSON.stringify(row.moves) })
      .returningAll()
      .executeTakeFirstOrThrow();
    return { round, superseded: superseded.length };
  }

  rounds(db: Db, localityId: string): Promise<RoundRow[]> {
    return db
      .selectFrom('cycle_alignment_rounds')
      .selectAll()
      .where('locality_id', '=', localityId)
      .orderBy('proposed_at', 'desc')
      .orderBy('id')
      .execute();
  }

  round(db: Db, localityId: string, id: string, lock = false): Promise<RoundRow | undefined> {
    let query = db
      .selectFrom('cycle_alignment_rounds')
      .selectAll()
      .where('locality_id', '=', localityId)
      .where('id', '=', id);
    if (lock) query = query.forUpdate();
    return query.executeTakeFirst();
  }

  answers(db: Db, roundId: string): Promise<AnswerRow[]> {
    return db
      .selectFrom('cycle_alignment_answers')
      .selectAll()
      .where('round_id', '=', roundId)
      .orderBy('recorded_at')
      .execute();
  }

  async insertAnswers(db: Db, rows: Array<Omit<AnswerRow, 'id' | 'recorded_at'>>): Promise<AnswerRow[]> {
    if (!rows.length) return [];
    return db.insertInto('cycle_alignment_answers').values(rows).returningAll().execute();
  }

  // --- meetings ---------------------------------------------------------------------------------

  async insertMeeting(
    db: Db,
    row: Omit<MeetingRow, 'id' | 'version' | 'created_at' | 'updated_at'>,
    attendance: Array<{ organisation_id: string; representative: string | null; attendance: string }>,
    decisions: string[],
  ): Promise<MeetingRow> {
    const meeting = await db.insertInto('meetings').values(row).returningAll().executeTakeFirstOrThrow();
    if (attendance.length)
      await db
        .insertInto('meeting_attendance')
        .values(attendance.map((a) => ({ meeting_id: meeting.id, ...a })))
        .execute();
    if (decisions.length)
      await db
        .insertInto('meeting_decisions')
        .values(decisions.map((summary, position) => ({ meeting_id: meeting.id, position, summary })))
        .execute();
    return meeting;
  }

  meeting(db: Db, localityId: string, id: string): Promise<MeetingRow | undefined> {
    return db
      .selectFrom('meetings')
      .selectAll()
      .where('locality_id', '=', localityId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** Changes a meeting as read at its version; undefined when someone changed it since. */
  updateMeeting(
    db: Db,
    localityId: string,
    id: string,
    version: number,
    values: Pick<
      MeetingRow,
      'held_on' | 'start_time' | 'location' | 'agenda_url' | 'papers_url' | 'minutes_url' | 'status' | 'restricted'
    >,
  ): Promise<MeetingRow | undefined> {
    return db
      .updateTable('meetings')
      .set({ ...values, version: version + 1, updated_at: new Date() })
      .where('locality_id', '=', localityId)
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
  }

  async replaceAttendance(
    db: Db,
    meetingId: string,
    attendance: Array<{ organisation_id: string; representative: string | null; attendance: string }>,
  ): Promise<void> {
    await db.deleteFrom('meeting_attendance').where('meeting_id', '=', meetingId).execute();
    if (attendance.length)
      await db
        .insertInto('meeting_attendance')
        .values(attendance.map((a) => ({ meeting_id: meetingId, ...a })))
        .execute();
  }

  /**
   * Sets a meeting's decisions in order. A decision whose words are unchanged keeps its record,
   * and a reworded one takes the record of a decision no longer there, so what scrutiny noted
   * on a decision (difficult, its options, follow-up) stays with it.
   */
  async reviseDecisions(db: Db, meetingId: string, summaries: string[]): Promise<void> {
    const existing = await db
      .selectFrom('meeting_decisions')
      .select(['id', 'summary'])
      .where('meeting_id', '=', meetingId)
      .orderBy('position')
      .execute();
    const free = [...existing];
    const kept = summaries.map((summary) => {
      const i = free.findIndex((d) => d.summary === summary);
      return i >= 0 ? (free.splice(i, 1)[0] as { id: string }).id : null;
    });
    const ids = kept.map((id) => id ?? free.shift()?.id ?? null);
    for (const left of free) await db.deleteFrom('meeting_decisions').where('id', '=', left.id).execute();
    for (const [position, summary] of summaries.entries()) {
      const id = ids[position];
      if (id) await db.updateTable('meeting_decisions').set({ position, summary }).where('id', '=', id).execute();
      else await db.insertInto('meeting_decisions').values({ meeting_id: meetingId, position, summary }).execute();
    }
  }

  meetings(db: Db, localityId: string, partnershipId: string): Promise<MeetingRow[]> {
    return db
      .selectFrom('meetings')
      .selectAll()
      .where('locality_id', '=', localityId)
      .where('partnership_id', '=', partnershipId)
      .orderBy('held_on')
      .execute();
  }

  attendance(db: Db, meetingIds: string[]) {
    if (!meetingIds.length) return Promise.resolve([]);
    return db
      .selectFrom('meeting_attendance as a')
      .innerJoin('organisations as o', 'o.id', 'a.organisation_id')
      .select(['a.meeting_id', 'a.organisation_id', 'o.name as organisation_name', 'a.representative', 'a.attendance'])
      .where('a.meeting_id', 'in', meetingIds)
      .orderBy('o.name')
      .execute();
  }

  decisions(db: Db, meetingIds: string[]) {
    if (!meetingIds.length) return Promise.resolve([]);
    return db
      .selectFrom('meeting_decisions')
      .select(['id', 'meeting_id', 'position', 'summary'])
      .where('meeting_id', 'in', meetingIds)
      .orderBy('meeting_id')
      .orderBy('position')
      .execute();
  }
}
