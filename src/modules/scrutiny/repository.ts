import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { DB } from '../../db/tables.js';
import type {
  ActionRow,
  CommitteeRow,
  ComplaintsContactRow,
  ConsultationRow,
  LeverRow,
  PackRow,
  RecommendationRow,
  ReviewRow,
  RiskReviewRow,
  RiskRow,
} from './schema.js';

/** The SQL of scrutiny, risks and accountability; every query is scoped by locality. */
export class ScrutinyRepository {
  // --- settings -------------------------------------------------------------------------------

  settings(db: Db, localityId: string) {
    return db
      .selectFrom('accountability_settings')
      .selectAll()
      .where('locality_id', '=', localityId)
      .executeTakeFirst();
  }

  async saveSettings(db: Db, row: Insertable<DB['accountability_settings']>) {
    return db
      .insertInto('accountability_settings')
      .values(row)
      .onConflict((oc) =>
        oc.column('locality_id').doUpdateSet((eb) => ({
          matrix_size: eb.ref('excluded.matrix_size'),
          decision_limit_days: eb.ref('excluded.decision_limit_days'),
          response_days: eb.ref('excluded.response_days'),
          target_public_bp: eb.ref('excluded.target_public_bp'),
          target_private_bp: eb.ref('excluded.target_private_bp'),
          target_voluntary_bp: eb.ref('excluded.target_voluntary_bp'),
          target_community_bp: eb.ref('excluded.target_community_bp'),
          updated_at: new Date(),
          version: eb('accountability_settings.version', '+', 1),
        })),
      )
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  // --- risks ------------------------------------------------------------------------------------

  risks(db: Db, localityId: string): Promise<RiskRow[]> {
    return db
      .selectFrom('risks')
      .selectAll()
      .where('locality_id', '=', localityId)
      .where('closed_on', 'is', null)
      .orderBy('title')
      .execute();
  }

  risk(db: Db, localityId: string, id: string): Promise<RiskRow | undefined> {
    return db
      .selectFrom('risks')
      .selectAll()
      .where('locality_id', '=', localityId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  insertRisk(db: Db, row: Insertable<DB['risks']>): Promise<RiskRow> {
    return db.insertInto('risks').values(row).returningAll().executeTakeFirstOrThrow();
  }

  updateRisk(db: Db, id: string, version: number, changes: Updateable<DB['risks']>): Promise<RiskRow | undefined> {
    return db
      .updateTable('risks')
      .set((eb) => ({ ...changes, version: eb('version', '+', 1), updated_at: new Date() }))
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
  }

  reviewsOfRisks(db: Db, riskIds: string[]): Promise<RiskReviewRow[]> {
    if (!riskIds.length) return Promise.resolve([]);
    return db
      .selectFrom('risk_reviews')
      .selectAll()
      .where('risk_id', 'in', riskIds)
      .orderBy('reviewed_on')
      .orderBy('created_at')
      .execute();
  }

  insertRiskReview(db: Db, row: Insertable<DB['risk_reviews']>): Promise<RiskReviewRow> {
    return db.insertInto('risk_reviews').values(row).returningAll().executeTakeFirstOrThrow();
  }

  // --- committees and reviews ---------------------------------------------------------------------

  committees(db: Db, localityId: string): Promise<CommitteeRow[]> {
    return db
      .selectFrom('scrutiny_committees')
      .selectAll()
      .where('locality_id', '=', localityId)
      .orderBy('name')
      .execute();
  }

  committeeMembers(db: Db, committeeIds: string[]) {
    if (!committeeIds.length) return Promise.resolve([]);
    return db
      .selectFrom('scrutiny_committee_members')
      .selectAll()
      .where('committee_id', 'in', committeeIds)
      .orderBy('name')
      .execute();
  }

  async insertCommittee(
    db: Db,
    row: Insertable<DB['scrutiny_committees']>,
    members: Array<{ name: string; role: string }>,
  ): Promise<CommitteeRow> {
    const committee = await db.insertInto('scrutiny_committees').values(row).returningAll().executeTakeFirstOrThrow();
    if (members.length)
      await db
        .insertInto('scrutiny_committee_members')
        .values(members.map((m) => ({ committee_id: committee.id, ...m })))
        .execute();
    return committee;
  }

  committee(db: Db, localityId: string, id: string): Promise<CommitteeRow | undefined> {
    return db
      .selectFrom('scrutiny_committees')
      .selectAll()
      .where('locality_id', '=', localityId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** Changes a committee at the version read, its members replaced by the list given. */
  async updateCommittee(
    db: Db,
    id: string,
    version: number,
    changes: Updateable<DB['scrutiny_committees']>,
    members: Array<{ name: string; role: string }>,
  ): Promise<CommitteeRow | undefined> {
    const committee = await db
      .updateTable('scrutiny_committees')
      .set((eb) => ({ ...changes, version: eb('version', '+', 1), updated_at: new Date() }))
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
    if (!committee) return undefined;
    await db.deleteFrom('scrutiny_committee_members').where('committee_id', '=', id).execute();
    if (members.length)
      await db
        .insertInto('scrutiny_committee_members')
        .values(members.map((m) => ({ committee_id: id, ...m })))
        .execute();
    return committee;
  }

  async deleteCommittee(db: Db, id: string, version: number): Promise<boolean> {
    const result = await db
      .deleteFrom('scrutiny_committees')
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  reviews(db: Db, localityId: string): Promise<ReviewRow[]> {
    return db
      .selectFrom('scrutiny_reviews')
      .selectAll()
      .where('locality_id', '=', localityId)
      .orderBy('starts_on', 'desc')
      .orderBy('title')
      .execute();
  }

  review(db: Db, localityId: string, id: string): Promise<ReviewRow | undefined> {
    return db
      .selectFrom('scrutiny_reviews')
      .selectAll()
      .where('locality_id', '=', localityId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  insertReview(db: Db, row: Insertable<DB['scrutiny_reviews']>): Promise<ReviewRow> {
    return db.insertInto('scrutiny_reviews').values(row).returningAll().executeTakeFirstOrThrow();
  }

  updateReview(
    db: Db,
    id: string,
    version: number,
    changes: Updateable<DB['scrutiny_reviews']>,
  ): Promise<ReviewRow | undefined> {
    return db
      .updateTable('scrutiny_reviews')
      .set((eb) => ({ ...changes, version: eb('version', '+', 1), updated_at: new Date() }))
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
  }

  async deleteReview(db: Db, id: string, version: number): Promise<boolean> {
    const result = await db
      .deleteFrom('scrutiny_reviews')
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  // --- evidence packs ---------------------------------------------------------------------------

  packs(db: Db, reviewId: string) {
    return db
      .selectFrom('evidence_packs')
      .select(['id', 'review_id', 'issued_on', 'issued_at', 'issued_by'])
      .where('review_id', '=', reviewId)
      .orderBy('issued_at', 'desc')
      .execute();
  }

  pack(db: Db, localityId: string, id: string): Promise<PackRow | undefined> {
    return db
      .selectFrom('evidence_packs')
      .selectAll()
      .where('locality_id', '=', localityId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  insertPack(db: Db, row: Insertable<DB['evidence_packs']>): Promise<PackRow> {
    return db.insertInto('evidence_packs').values(row).returningAll().executeTakeFirstOrThrow();
  }

  // --- recommendations ----------------------------------------------------------------------------

  recommendations(db: Db, localityId: string, reviewId?: string): Promise<RecommendationRow[]> {
    let query = db.selectFrom('scrutiny_recommendations').selectAll().where('locality_id', '=', localityId);
    if (reviewId) query = query.where('review_id', '=', reviewId);
    return query.orderBy('made_on').orderBy('number').execute();
  }

  recommendation(db: Db, localityId: string, id: string): Promise<RecommendationRow | undefined> {
    return db
      .selectFrom('scrutiny_recommendations')
      .selectAll()
      .where('locality_id', '=', localityId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  async nextNumber(db: Db, reviewId: string): Promise<number> {
    const row = await db
      .selectFrom('scrutiny_recommendations')
      .select((eb) => eb.fn.max('number').as('last'))
      .where('review_id', '=', reviewId)
      .executeTakeFirst();
    return Number(row?.last ?? 0) + 1;
  }

  insertRecommendation(db: Db, row: Insertable<DB['scrutiny_recommendations']>): Promise<RecommendationRow> {
    return db.insertInto('scrutiny_recommendations').values(row).returningAll().executeTakeFirstOrThrow();
  }

  updateRecommendation(
    db: Db,
    id: string,
    version: number,
    changes: Updateable<DB['scrutiny_recommendations']>,
  ): Promise<RecommendationRow | undefined> {
    return db
      .updateTable('scrutiny_recommendations')
      .set((eb) => ({ ...changes, version: eb('version', '+', 1), updated_at: new Date() }))
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
  }

  actions(db: Db, recommendationIds: string[]): Promise<ActionRow[]> {
    if (!recommendationIds.length) return Promise.resolve([]);
    return db
      .selectFrom('recommendation_actions')
      .selectAll()
      .where('recommendation_id', 'in', recommendationIds)
      .orderBy('due_on')
      .orderBy('created_at')
      .execute();
  }

  action(db: Db, id: string): Promise<ActionRow | undefined> {
    return db.selectFrom('recommendation_actions').selectAll().where('id', '=', id).executeTakeFirst();
  }

  insertAction(db: Db, row: Insertable<DB['recommendation_actions']>): Promise<ActionRow> {
    return db.insertInto('recommendation_actions').values(row).returningAll().executeTakeFirstOrThrow();
  }

  updateAction(db: Db, id: string, changes: Updateable<DB['recommendation_actions']>): Promise<ActionRow> {
    return db
      .updateTable('recommendation_actions')
      .set(changes)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  // --- meetings (the cycles capability's one model), read for attendance and decisions -------------

  heldMeetings(db: Db, localityId: string, since: string) {
    return db
      .selectFrom('meetings')
      .select(['id', 'partnership_id', 'held_on', 'restricted'])
      .where('locality_id', '=', localityId)
      .where('status', '=', 'held')
      .where('held_on', '>=', since)
      .orderBy('held_on')
      .execute();
  }

  attendance(db: Db, meetingIds: string[]) {
    if (!meetingIds.length) return Promise.resolve([]);
    return db
      .selectFrom('meeting_attendance')
      .select(['meeting_id', 'organisation_id', 'attendance'])
      .where('meeting_id', 'in', meetingIds)
      .execute();
  }

  decisions(db: Db, localityId: string, options: { difficultOnly?: boolean } = {}) {
    let query = db
      .selectFrom('meeting_decisions as d')
      .innerJoin('meetings as m', 'm.id', 'd.meeting_id')
      .innerJoin('partnerships as p', 'p.id', 'm.partnership_id')
      .select([
        'd.id',
        'd.summary',
        'd.difficult',
        'd.options_considered',
        'd.dissent',
        'd.follow_up',
        'd.resolved_on',
        'd.carried_through',
        'm.id as meeting_id',
        'm.held_on',
        'm.restricted',
        'm.partnership_id',
        'p.name as partnership_name',
        'p.status as partnership_status',
      ])
      .where('m.locality_id', '=', localityId);
    if (options.difficultOnly) query = query.where('d.difficult', '=', true);
    return query.orderBy('m.held_on', 'desc').orderBy('d.position').execute();
  }

  decision(db: Db, localityId: string, id: string) {
    return db
      .selectFrom('meeting_decisions as d')
      .innerJoin('meetings as m', 'm.id', 'd.meeting_id')
      .select(['d.id', 'd.summary', 'd.difficult', 'm.partnership_id', 'm.held_on'])
      .where('m.locality_id', '=', localityId)
      .where('d.id', '=', id)
      .executeTakeFirst();
  }

  markDecision(db: Db, id: string, changes: Updateable<DB['meeting_decisions']>) {
    return db
      .updateTable('meeting_decisions')
      .set(changes)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** The partnerships a rationalisation plan changed (either end of a lineage link), to ask their lineage only. */
  async partnershipsWithLineage(db: Db, localityId: string): Promise<Set<string>> {
    const rows = await db
      .selectFrom('partnership_lineage')
      .select(['from_id', 'to_id'])
      .where('locality_id', '=', localityId)
      .execute();
    return new Set(rows.flatMap((r) => (r.to_id ? [r.from_id, r.to_id] : [r.from_id])));
  }

  // --- levers ----------------------------------------------------------------------------------

  levers(db: Db, localityId: string): Promise<LeverRow[]> {
    return db
      .selectFrom('levers')
      .selectAll()
      .where('locality_id', '=', localityId)
      .orderBy('starts_on', 'desc')
      .orderBy('title')
      .execute();
  }

  insertLever(db: Db, row: Insertable<DB['levers']>): Promise<LeverRow> {
    return db.insertInto('levers').values(row).returningAll().executeTakeFirstOrThrow();
  }

  // --- consultation and engagement ------------------------------------------------------------------

  consultations(db: Db, localityId: string): Promise<ConsultationRow[]> {
    return db
      .selectFrom('consultation_activities')
      .selectAll()
      .where('locality_id', '=', localityId)
      .orderBy('held_on', 'desc')
      .orderBy('title')
      .execute();
  }

  insertConsultation(db: Db, row: Insertable<DB['consultation_activities']>): Promise<ConsultationRow> {
    return db.insertInto('consultation_activities').values(row).returningAll().executeTakeFirstOrThrow();
  }

  // --- complaints contacts ------------------------------------------------------------------------

  /** The locality's contacts: its joint route (no partnership) and each partnership's own. */
  complaintsContacts(db: Db, localityId: string): Promise<ComplaintsContactRow[]> {
    return db.selectFrom('complaints_contacts').selectAll().where('locality_id', '=', localityId).execute();
  }

  insertComplaintsContact(db: Db, row: Insertable<DB['complaints_contacts']>): Promise<ComplaintsContactRow> {
    return db.insertInto('complaints_contacts').values(row).returningAll().executeTakeFirstOrThrow();
  }

  updateComplaintsContact(
    db: Db,
    id: string,
    version: number,
    changes: Updateable<DB['complaints_contacts']>,
  ): Promise<ComplaintsContactRow | undefined> {
    return db
      .updateTable('complaints_contacts')
      .set((eb) => ({ ...changes, version: eb('version', '+', 1), updated_at: new Date() }))
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
  }

  async deleteComplaintsContact(db: Db, id: string, version: number): Promise<boolean> {
    const result = await db
      .deleteFrom('complaints_contacts')
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}
