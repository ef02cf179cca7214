/** The SQL of assurance, and nothing else: rules live in rules.ts and the service. */
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { ChecklistDefinition, SignificanceRule } from './rules.js';
import type {
  AccreditationRow,
  ActionRow,
  AnswerRow,
  AssessmentRow,
  AssuranceTables,
  ChecklistRow,
  ChecklistVersionRow,
  DocumentRow,
  DocumentSummary,
  ReturnRow,
  ReviewRow,
  StakeholderViewRow,
} from './schema.js';
import type { Insertable, Updateable } from 'kysely';

/** A partnership with what the pre-fill and significance rules read about it. */
export interface PartnershipFactsRow {
  id: string;
  name: string;
  reference: string;
  status: string;
  layer: string;
  basis: string;
  significance: string | null;
  established_on: string | null;
  review_date: string | null;
  terms_of_reference_url: string | null;
  annual_budget_pence: number | null;
}

export interface AssessmentRecord extends AssessmentRow {
  checklist_code: string;
  checklist_title: string;
  checklist_purpose: string;
  checklist_version: number;
  definition: ChecklistDefinition;
}

export class AssuranceRepository {
  // --- checklists -------------------------------------------------------------------------------

  checklists(db: Db): Promise<ChecklistRow[]> {
    return db.selectFrom('assurance_checklists').selectAll().orderBy('created_at').orderBy('code').execute();
  }

  checklistByCode(db: Db, code: string): Promise<ChecklistRow | undefined> {
    return db.selectFrom('assurance_checklists').selectAll().where('code', '=', code).executeTakeFirst();
  }

  async insertChecklist(
    db: Db,
    row: Insertable<AssuranceTables['assurance_checklists']>,
    definition: ChecklistDefinition,
    createdBy: string,
  ): Promise<ChecklistRow> {
    const checklist = await db
      .insertInto('assurance_checklists')
      .values(row)
      .onConflict((oc) => oc.column('code').doNothing())
      .returningAll()
      .executeTakeFirst();
    if (!checklist) return (await this.checklistByCode(db, row.code)) as ChecklistRow;
    await this.insertVersion(db, checklist.id, 1, definition, 'Shipped with Joined Up', createdBy);
    return checklist;
  }

  async insertVersion(
    db: Db,
    checklistId: string,
    version: number,
    definition: ChecklistDefinition,
    changeNote: string,
    createdBy: string,
  ): Promise<ChecklistVersionRow> {
    return db
      .insertInto('assurance_checklist_versions')
      .values({
        checklist_id: checklistId,
        version,
        definition: JSON.stringify(definition),
        change_note: changeNote,
        created_by: createdBy,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** Moves the checklist to a new version, only if it is still at the one the edit was based on. */
  async bumpChecklist(db: Db, checklistId: string, from: number): Promise<boolean> {
    const result = await db
      .updateTable('assurance_checklists')
      .set({ current_version: from + 1, updated_at: new Date() })
      .where('id', '=', checklistId)
      .where('current_version', '=', from)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  version(db: Db, checklistId: string, version: number): Promise<ChecklistVersionRow | undefined> {
    return db
      .selectFrom('assurance_checklist_versions')
      .selectAll()
      .where('checklist_id', '=', checklistId)
      .where('version', '=', version)
      .executeTakeFirst();
  }

  versions(db: Db, checklistId: string): Promise<ChecklistVersionRow[]> {
    return db
      .selectFrom('assurance_checklist_versions')
      .selectAll()
      .where('checklist_id', '=', checklistId)
      .orderBy('version', 'desc')
      .execute();
  }

  // --- register facts ------------------------------------------------------------------------------

  partnerships(db: Db, localityId: string): Promise<PartnershipFactsRow[]> {
    return db
      .selectFrom('partnerships')
      .select([
        'id',
        'name',
        'reference',
        'status',
        'layer',
        'basis',
        'significance',
        sql<string | null>`established_on::text`.as('established_on'),
        sql<string | null>`review_date::text`.as('review_date'),
        'terms_of_reference_url',
        'annual_budget_pence',
      ])
      .where('locality_id', '=', localityId)
      .orderBy('name')
      .execute();
  }

  /** Each current member's sector, by partnership (observers are not seated). */
  async memberSectors(db: Db, localityId: string): Promise<Map<string, string[]>> {
    const rows = await db
      .selectFrom('memberships as m')
      .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
      .select(['m.partnership_id', 'o.sector'])
      .where('m.locality_id', '=', localityId)
      .where('m.ended_on', 'is', null)
      .where('m.role', '<>', 'observer')
      .execute();
    const out = new Map<string, string[]>();
    for (const r of rows) out.set(r.partnership_id, [...(out.get(r.partnership_id) ?? []), r.sector]);
    return out;
  }

  /** Outcomes each partnership owns (through its plans) or contributes to, and whether each has a target. */
  /** Each partnership's open risks in its risk register (scrutiny's `risks`). */
  async riskCounts(db: Db, localityId: string): Promise<Map<string, number>> {
    const rows = await db
      .selectFrom('risks')
      .select((eb) => ['partnership_id', eb.fn.countAll<string>().as('n')])
      .where('locality_id', '=', localityId)
      .where('partnership_id', 'is not', null)
      .where('closed_on', 'is', null)
      .groupBy('partnership_id')
      .execute();
    return new Map(rows.map((r) => [r.partnership_id!, Number(r.n)]));
  }

  async outcomeCounts(db: Db, localityId: string): Promise<Map<string, { outcomes: number; withTargets: number }>> {
    const rows = await sql<{ partnership_id: string; outcomes: number; with_targets: number }>`
      with linked as (
        select p.owner_partnership_id as partnership_id, o.id as outcome_id
          from outcomes o join plans p on p.id = o.plan_id
         where o.locality_id = ${localityId} and o.status = 'active' and p.owner_partnership_id is not null
        union
        select c.partnership_id, o.id
          from outcomes o join outcome_contributors c on c.outcome_id = o.id
         where o.locality_id = ${localityId} and o.status = 'active' and c.partnership_id is not null
      )
      select l.partnership_id,
             count(*)::int as outcomes,
             count(*) filter (where exists (select 1 from targets t where t.outcome_id = l.outcome_id))::int as with_targets
        from linked l
       group by l.partnership_id`.execute(db);
    return new Map(
      rows.rows.map((r) => [r.partnership_id, { outcomes: Number(r.outcomes), withTargets: Number(r.with_targets) }]),
    );
  }

  /** A financial year's contributions by partnership: how many, how many confirmed, and the confirmed value in pence. */
  async contributionCounts(
    db: Db,
    localityId: string,
    year: number,
  ): Promise<Map<string, { all: number; confirmed: number; confirmedPence: number }>> {
    const rows = await db
      .selectFrom('resource_contributions')
      .select([
        'partnership_id',
        sql<number>`count(*)::int`.as('all'),
        sql<number>`count(*) filter (where state = 'confirmed')::int`.as('confirmed'),
        sql<number>`coalesce(sum(case when state = 'confirmed' then coalesce(amount_pence, round(hours * coalesce(rate_pence, 0))) else 0 end), 0)::bigint`.as(
          'confirmed_pence',
        ),
      ])
      .where('locality_id', '=', localityId)
      .where('financial_year', '=', year)
      .groupBy('partnership_id')
      .execute();
    return new Map(
      rows.map((r) => [
        r.partnership_id,
        { all: Number(r.all), confirmed: Number(r.confirmed), confirmedPence: Number(r.confirmed_pence) },
      ]),
    );
  }

  /** People holding a role in the locality, who may own an action. */
  localityPeople(db: Db, localityId: string): Promise<Array<{ id: string; name: string; email: string }>> {
    return db
      .selectFrom('role_assignments as r')
      .innerJoin('users as u', 'u.id', 'r.user_id')
      .select(['u.id', 'u.name', 'u.email'])
      .distinct()
      .where('r.locality_id', '=', localityId)
      .where('u.active', '=', true)
      .orderBy('u.name')
      .execute();
  }

  locality(db: Db, id: string) {
    return db.selectFrom('localities').select(['id', 'gss_code', 'name']).where('id', '=', id).executeTakeFirst();
  }

  userName(db: Db, userId: string): Promise<{ id: string; name: string } | undefined> {
    return db.selectFrom('users').select(['id', 'name']).where('id', '=', userId).executeTakeFirst();
  }

  // --- assessments -----------------------------------------------------------------------------------

  insertAssessment(db: Db, row: Insertable<AssuranceTables['assurance_assessments']>): Promise<AssessmentRow> {
    return db.insertInto('assurance_assessments').values(row).returningAll().executeTakeFirstOrThrow();
  }

  private assessmentQuery(db: Db) {
    return db
      .selectFrom('assurance_assessments as a')
      .innerJoin('assurance_checklist_versions as v', 'v.id', 'a.checklist_version_id')
      .innerJoin('assurance_checklists as c', 'c.id', 'v.checklist_id')
      .selectAll('a')
      .select([
        'c.code as checklist_code',
        'c.title as checklist_title',
        'c.purpose as checklist_purpose',
        'v.version as checklist_version',
        'v.definition',
      ]);
  }

  assessment(db: Db, localityId: string, id: string): Promise<AssessmentRecord | undefined> {
    return this.assessmentQuery(db)
      .where('a.locality_id', '=', localityId)
      .where('a.id', '=', id)
      .executeTakeFirst() as Promise<AssessmentRecord | undefined>;
  }

  /** A locality's assessments, newest first; of one partnership when asked. */
  assessments(db: Db, localityId: string, partnershipId?: string): Promise<AssessmentRecord[]> {
    let q = this.assessmentQuery(db).where('a.locality_id', '=', localityId);
    if (partnershipId) q = q.where('a.partnership_id', '=', partnershipId);
    return q.orderBy('a.financial_year', 'desc').orderBy('a.created_at', 'desc').execute() as Promise<
      AssessmentRecord[]
    >;
  }

  async updateAssessment(
    db: Db,
    id: string,
    version: number,
    patch: Updateable<AssuranceTables['assurance_assessments']>,
  ): Promise<boolean> {
    const result = await db
      .updateTable('assurance_assessments')
      .set({ ...patch, version: version + 1, updated_at: new Date() })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  answers(db: Db, assessmentId: string): Promise<AnswerRow[]> {
    return db.selectFrom('assurance_answers').selectAll().where('assessment_id', '=', assessmentId).execute();
  }

  async upsertAnswer(db: Db, row: Insertable<AssuranceTables['assurance_answers']>): Promise<void> {
    await db
      .insertInto('assurance_answers')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['assessment_id', 'question_key']).doUpdateSet({
          value: row.value,
          evidence_kind: row.evidence_kind,
          evidence: row.evidence,
          confirmed: row.confirmed,
          answered_by: row.answered_by,
          updated_at: new Date(),
        }),
      )
      .execute();
  }

  /** Submitted assessments on one checklist in every locality of a region, newest first. */
  regionScores(db: Db, region: string, checklistCode: string) {
    return db
      .selectFrom('assurance_assessments as a')
      .innerJoin('localities as l', 'l.id', 'a.locality_id')
      .innerJoin('assurance_checklist_versions as v', 'v.id', 'a.checklist_version_id')
      .innerJoin('assurance_checklists as c', 'c.id', 'v.checklist_id')
      .select(['l.id as locality_id', 'a.partnership_id', 'a.score'])
      .where('l.region', '=', region)
      .where('c.code', '=', checklistCode)
      .where('a.state', '=', 'submitted')
      .orderBy('a.financial_year', 'desc')
      .orderBy('a.created_at', 'desc')
      .execute();
  }

  localitiesInRegion(db: Db, region: string) {
    return db.selectFrom('localities').selectAll().where('region', '=', region).orderBy('name').execute();
  }

  // --- actions -------------------------------------------------------------------------------------

  insertAction(db: Db, row: Insertable<AssuranceTables['assurance_actions']>): Promise<ActionRow> {
    return db.insertInto('assurance_actions').values(row).returningAll().executeTakeFirstOrThrow();
  }

  private actionQuery(db: Db) {
    return db
      .selectFrom('assurance_actions')
      .selectAll()
      .select(sql<string>`due_on::text`.as('due_on'));
  }

  action(db: Db, localityId: string, id: string): Promise<ActionRow | undefined> {
    return this.actionQuery(db).where('locality_id', '=', localityId).where('id', '=', id).executeTakeFirst();
  }

  actions(
    db: Db,
    localityId: string,
    filter: { partnershipId?: string; assessmentId?: string } = {},
  ): Promise<ActionRow[]> {
    let q = this.actionQuery(db).where('locality_id', '=', localityId);
    if (filter.partnershipId) q = q.where('partnership_id', '=', filter.partnershipId);
    if (filter.assessmentId) q = q.where('assessment_id', '=', filter.assessmentId);
    return q
      .orderBy('assurance_actions.state', 'desc')
      .orderBy('assurance_actions.due_on')
      .orderBy('assurance_actions.title')
      .execute();
  }

  openActionsOwnedBy(db: Db, userId: string): Promise<Array<ActionRow & { gss_code: string; locality_name: string }>> {
    return db
      .selectFrom('assurance_actions as a')
      .innerJoin('localities as l', 'l.id', 'a.locality_id')
      .selectAll('a')
      .select([sql<string>`a.due_on::text`.as('due_on'), 'l.gss_code', 'l.name as locality_name'])
      .where('a.owner_user_id', '=', userId)
      .where('a.state', '=', 'open')
      .orderBy('a.due_on')
      .execute();
  }

  /** Open actions whose reminder is due: within two weeks of the due date and not yet reminded, or overdue and not reminded since. */
  actionsToRemind(db: Db, today: string, soon: string) {
    return db
      .selectFrom('assurance_actions as a')
      .innerJoin('localities as l', 'l.id', 'a.locality_id')
      .selectAll('a')
      .select([sql<string>`a.due_on::text`.as('due_on'), 'l.gss_code'])
      .where('a.state', '=', 'open')
      .where('a.owner_user_id', 'is not', null)
      .where((eb) =>
        eb.or([
          eb.and([eb('a.due_on', '<=', soon), eb('a.reminded_on', 'is', null)]),
          eb.and([
            eb('a.due_on', '<', today),
            eb.or([eb('a.reminded_on', 'is', null), eb('a.reminded_on', '<=', eb.ref('a.due_on'))]),
          ]),
        ]),
      )
      .execute();
  }

  async markReminded(db: Db, id: string, today: string): Promise<void> {
    await db.updateTable('assurance_actions').set({ reminded_on: today }).where('id', '=', id).execute();
  }

  async updateAction(
    db: Db,
    id: string,
    version: number,
    patch: Updateable<AssuranceTables['assurance_actions']>,
  ): Promise<boolean> {
    const result = await db
      .updateTable('assurance_actions')
      .set({ ...patch, version: version + 1, updated_at: new Date() })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  // --- significance ----------------------------------------------------------------------------------

  async significanceRule(db: Db, localityId: string): Promise<{ rule: SignificanceRule; version: number } | undefined> {
    return db
      .selectFrom('assurance_significance_rules')
      .select(['rule', 'version'])
      .where('locality_id', '=', localityId)
      .executeTakeFirst();
  }

  async saveSignificanceRule(db: Db, localityId: string, rule: SignificanceRule, by: string): Promise<void> {
    await db
      .insertInto('assurance_significance_rules')
      .values({ locality_id: localityId, rule: JSON.stringify(rule), updated_by: by })
      .onConflict((oc) =>
        oc.column('locality_id').doUpdateSet({
          rule: JSON.stringify(rule),
          updated_by: by,
          updated_at: new Date(),
          version: sql<number>`assurance_significance_rules.version + 1`,
        }),
      )
      .execute();
  }

  overrides(db: Db, localityId: string) {
    return db
      .selectFrom('assurance_significance_overrides')
      .selectAll()
      .where('locality_id', '=', localityId)
      .execute();
  }

  async saveOverride(
    db: Db,
    row: { partnership_id: string; locality_id: string; significant: boolean; reason: string; decided_by: string },
  ): Promise<void> {
    await db
      .insertInto('assurance_significance_overrides')
      .values(row)
      .onConflict((oc) =>
        oc.column('partnership_id').doUpdateSet({
          significant: row.significant,
          reason: row.reason,
          decided_by: row.decided_by,
          decided_at: new Date(),
        }),
      )
      .execute();
  }

  async removeOverride(db: Db, partnershipId: string): Promise<void> {
    await db.deleteFrom('assurance_significance_overrides').where('partnership_id', '=', partnershipId).execute();
  }

  // --- annual review ---------------------------------------------------------------------------------

  insertReview(db: Db, row: Insertable<AssuranceTables['assurance_reviews']>): Promise<ReviewRow> {
    return db.insertInto('assurance_reviews').values(row).returningAll().executeTakeFirstOrThrow();
  }

  private reviewQuery(db: Db) {
    return db
      .selectFrom('assurance_reviews')
      .selectAll()
      .select(sql<string>`deadline::text`.as('deadline'));
  }

  review(db: Db, localityId: string, id: string): Promise<ReviewRow | undefined> {
    return this.reviewQuery(db).where('locality_id', '=', localityId).where('id', '=', id).executeTakeFirst();
  }

  reviewForYear(db: Db, localityId: string, year: number): Promise<ReviewRow | undefined> {
    return this.reviewQuery(db)
      .where('locality_id', '=', localityId)
      .where('financial_year', '=', year)
      .executeTakeFirst();
  }

  reviews(db: Db, localityId: string): Promise<ReviewRow[]> {
    return this.reviewQuery(db).where('locality_id', '=', localityId).orderBy('financial_year', 'desc').execute();
  }

  openReviews(db: Db): Promise<ReviewRow[]> {
    return this.reviewQuery(db).where('state', '=', 'open').execute();
  }

  async setReviewState(db: Db, id: string, state: 'open' | 'compiled'): Promise<void> {
    await db
      .updateTable('assurance_reviews')
      .set({ state, compiled_at: state === 'compiled' ? new Date() : null })
      .where('id', '=', id)
      .execute();
  }

  async insertReturns(db: Db, reviewId: string, partnershipIds: string[]): Promise<void> {
    if (partnershipIds.length === 0) return;
    await db
      .insertInto('assurance_review_returns')
      .values(partnershipIds.map((partnership_id) => ({ review_id: reviewId, partnership_id, state: 'sent' })))
      .onConflict((oc) => oc.columns(['review_id', 'partnership_id']).doNothing())
      .execute();
  }

  returns(db: Db, reviewId: string): Promise<ReturnRow[]> {
    return db.selectFrom('assurance_review_returns').selectAll().where('review_id', '=', reviewId).execute();
  }

  returnById(db: Db, reviewId: string, id: string): Promise<ReturnRow | undefined> {
    return db
      .selectFrom('assurance_review_returns')
      .selectAll()
      .where('review_id', '=', reviewId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  async updateReturn(
    db: Db,
    id: string,
    version: number,
    patch: Updateable<AssuranceTables['assurance_review_returns']>,
  ): Promise<boolean> {
    const result = await db
      .updateTable('assurance_review_returns')
      .set({ ...patch, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async markChased(db: Db, ids: string[], at: Date = new Date()): Promise<void> {
    if (ids.length === 0) return;
    await db.updateTable('assurance_review_returns').set({ chased_at: at }).where('id', 'in', ids).execute();
  }

  /** Returns still out on open annual reviews, with the review's deadline and the day each was last chased (London). */
  returnsOut(db: Db) {
    return db
      .selectFrom('assurance_review_returns as r')
      .innerJoin('assurance_reviews as v', 'v.id', 'r.review_id')
      .innerJoin('localities as l', 'l.id', 'v.locality_id')
      .innerJoin('partnerships as p', 'p.id', 'r.partnership_id')
      .select([
        'r.id',
        'r.review_id',
        'r.partnership_id',
        'p.name',
        'l.id as locality_id',
        'l.gss_code',
        sql<string>`v.deadline::text`.as('deadline'),
        sql<string | null>`(r.chased_at at time zone 'Europe/London')::date::text`.as('chased_on'),
      ])
      .where('r.state', '=', 'sent')
      .where('v.state', '=', 'open')
      .execute();
  }

  // --- accreditation -------------------------------------------------------------------------------

  insertAccreditation(db: Db, row: Insertable<AssuranceTables['assurance_accreditations']>): Promise<AccreditationRow> {
    return db.insertInto('assurance_accreditations').values(row).returningAll().executeTakeFirstOrThrow();
  }

  private accreditationQuery(db: Db) {
    return db
      .selectFrom('assurance_accreditations')
      .selectAll()
      .select(sql<string | null>`reassess_on::text`.as('reassess_on'));
  }

  accreditation(db: Db, localityId: string, id: string): Promise<AccreditationRow | undefined> {
    return this.accreditationQuery(db).where('locality_id', '=', localityId).where('id', '=', id).executeTakeFirst();
  }

  accreditations(db: Db, localityId: string): Promise<AccreditationRow[]> {
    return this.accreditationQuery(db).where('locality_id', '=', localityId).orderBy('created_at', 'desc').execute();
  }

  /** Accreditations waiting on an adviser, in a region's localities. */
  waitingInRegion(db: Db, region: string) {
    return db
      .selectFrom('assurance_accreditations as a')
      .innerJoin('localities as l', 'l.id', 'a.locality_id')
      .innerJoin('partnerships as p', 'p.id', 'a.partnership_id')
      .select(['a.id', 'a.submitted_at', 'l.gss_code', 'l.name as locality_name', 'p.name as partnership_name'])
      .where('l.region', '=', region)
      .where('a.state', '=', 'submitted')
      .execute();
  }

  async updateAccreditation(
    db: Db,
    id: string,
    version: number,
    patch: Updateable<AssuranceTables['assurance_accreditations']>,
  ): Promise<boolean> {
    const result = await db
      .updateTable('assurance_accreditations')
      .set({ ...patch, version: version + 1, updated_at: new Date() })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  comments(db: Db, accreditationId: string) {
    return db
      .selectFrom('assurance_accreditation_comments')
      .selectAll()
      .where('accreditation_id', '=', accreditationId)
      .orderBy('created_at')
      .execute();
  }

  async insertComment(
    db: Db,
    row: { accreditation_id: string; author_name: string; author_id: string; body: string },
  ): Promise<void> {
    await db.insertInto('assurance_accreditation_comments').values(row).execute();
  }

  // --- evidence documents and stakeholders' views ------------------------------------------------------

  async documents(db: Db, assessmentId: string): Promise<DocumentSummary[]> {
    return db
      .selectFrom('assurance_documents')
      .select([
        'id',
        'assessment_id',
        'question_key',
        'file_name',
        'content_type',
        'size_bytes',
        'uploaded_by',
        'uploaded_by_name',
        'created_at',
      ])
      .where('assessment_id', '=', assessmentId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  }

  async document(db: Db, assessmentId: string, id: string): Promise<DocumentRow | undefined> {
    return db
      .selectFrom('assurance_documents')
      .selectAll()
      .where('assessment_id', '=', assessmentId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  async insertDocument(db: Db, row: Insertable<AssuranceTables['assurance_documents']>): Promise<DocumentSummary> {
    const { content: _content, ...summary } = await db
      .insertInto('assurance_documents')
      .values(row)
      .returningAll()
      .executeTakeFirstOrThrow();
    return summary;
  }

  async deleteDocument(db: Db, id: string): Promise<void> {
    await db.deleteFrom('assurance_documents').where('id', '=', id).execute();
  }

  /** Whether the assessment has been put forward for accreditation (what a local stakeholder may read). */
  async isPutForward(db: Db, localityId: string, assessmentId: string): Promise<boolean> {
    const row = await db
      .selectFrom('assurance_accreditations')
      .select('id')
      .where('locality_id', '=', localityId)
      .where('assessment_id', '=', assessmentId)
      .executeTakeFirst();
    return !!row;
  }

  async stakeholderViews(db: Db, accreditationId: string): Promise<StakeholderViewRow[]> {
    return db
      .selectFrom('assurance_stakeholder_views')
      .selectAll()
      .where('accreditation_id', '=', accreditationId)
      .orderBy('created_at')
      .execute();
  }

  async insertStakeholderView(db: Db, row: Insertable<AssuranceTables['assurance_stakeholder_views']>): Promise<void> {
    await db.insertInto('assurance_stakeholder_views').values(row).execute();
  }

  async updateStakeholderView(
    db: Db,
    id: string,
    version: number,
    patch: Updateable<AssuranceTables['assurance_stakeholder_views']>,
  ): Promise<boolean> {
    const result = await db
      .updateTable('assurance_stakeholder_views')
      .set({ ...patch, version: version + 1, updated_at: new Date() })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async organisationName(db: Db, localityId: string, id: string): Promise<string | undefined> {
    const row = await db
      .selectFrom('organisations')
      .select('name')
      .where('locality_id', '=', localityId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row?.name;
  }
}
