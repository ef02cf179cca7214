import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Criterion } from './rules.js';
import type { ApplicationRow, AssessmentRow, FundRow, PaymentRow, RoundRow } from './schema.js';

export type Round = Omit<RoundRow, 'criteria'> & { criteria: Criterion[] };
export type Assessment = Omit<AssessmentRow, 'scores'> & { scores: Record<string, number> };

const round = (row: RoundRow): Round => ({ ...row, criteria: row.criteria as Criterion[] });

/** The SQL of the community capacity funds; every query is scoped by locality. */
export class FundsRepository {
  funds(db: Db, localityId: string): Promise<FundRow[]> {
    return db.selectFrom('fund_funds').selectAll().where('locality_id', '=', localityId).orderBy('name').execute();
  }

  fund(db: Db, localityId: string, id: string): Promise<FundRow | undefined> {
    return db
      .selectFrom('fund_funds')
      .selectAll()
      .where('locality_id', '=', localityId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  insertFund(db: Db, values: Omit<FundRow, 'id' | 'version' | 'created_at' | 'updated_at'>): Promise<FundRow> {
    return db.insertInto('fund_funds').values(values).returningAll().executeTakeFirstOrThrow();
  }

  /** Changes a fund as read at its version; undefined when someone changed it since. */
  updateFund(db: Db, id: string, version: number, values: Partial<FundRow>): Promise<FundRow | undefined> {
    return db
      .updateTable('fund_funds')
      .set({ ...values, version: sql<number>`version + 1`, updated_at: sql<Date>`now()` })
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
  }

  /** Changes a round as read at its version; undefined when someone changed it since. */
  async updateRound(
    db: Db,
    id: string,
    version: number,
    values: Partial<Omit<RoundRow, 'criteria'>> & { criteria?: Criterion[] },
  ): Promise<Round | undefined> {
    const { criteria, ...rest } = values;
    const row = await db
      .updateTable('fund_rounds')
      .set({
        ...rest,
        ...(criteria ? { criteria: JSON.stringify(criteria) } : {}),
        version: sql<number>`version + 1`,
        updated_at: sql<Date>`now()`,
      })
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
    return row ? round(row) : undefined;
  }

  /** How many of a round's applications have been scored at least once. */
  async scoredInRound(db: Db, roundId: string): Promise<number> {
    const row = await db
      .selectFrom('fund_assessments as s')
      .innerJoin('fund_applications as a', 'a.id', 's.application_id')
      .select(sql<number>`count(distinct a.id)::int`.as('count'))
      .where('a.round_id', '=', roundId)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  settings(db: Db, localityId: string) {
    return db.selectFrom('fund_settings').selectAll().where('locality_id', '=', localityId).executeTakeFirst();
  }

  /** Writes a locality's settings as read at its version (0 when none were saved); undefined when changed since. */
  async saveSettings(db: Db, localityId: string, version: number, values: { three_sixty_prefix: string | null }) {
    if (version === 0) {
      return db
        .insertInto('fund_settings')
        .values({ locality_id: localityId, ...values })
        .onConflict((oc) => oc.column('locality_id').doNothing())
        .returningAll()
        .executeTakeFirst();
    }
    return db
      .updateTable('fund_settings')
      .set({ ...values, version: sql<number>`version + 1`, updated_at: sql<Date>`now()` })
      .where('locality_id', '=', localityId)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
  }

  async rounds(db: Db, localityId: string, fundId?: string): Promise<Round[]> {
    let query = db.selectFrom('fund_rounds').selectAll().where('locality_id', '=', localityId);
    if (fundId) query = query.where('fund_id', '=', fundId);
    return (await query.orderBy('opens_on', 'desc').orderBy('title').execute()).map(round);
  }

  async round(db: Db, localityId: string, id: string, options: { lock?: boolean } = {}): Promise<Round | undefined> {
    let query = db.selectFrom('fund_rounds').selectAll().where('locality_id', '=', localityId).where('id', '=', id);
    if (options.lock) query = query.forUpdate();
    const row = await query.executeTakeFirst();
    return row ? round(row) : undefined;
  }

  async insertRound(
    db: Db,
    values: Omit<RoundRow, 'id' | 'version' | 'created_at' | 'updated_at' | 'criteria' | 'moderation_threshold'> & {
      criteria: Criterion[];
      moderation_threshold: number;
    },
  ): Promise<Round> {
    const row = await db
      .insertInto('fund_rounds')
      .values({ ...values, criteria: JSON.stringify(values.criteria) })
      .returningAll()
      .executeTakeFirstOrThrow();
    return round(row);
  }

  /** The pence already awarded in a round. */
  async awardedPence(db: Db, roundId: string): Promise<number> {
    const row = await db
      .selectFrom('fund_applications')
      .select(sql<number>`coalesce(sum(awarded_pence), 0)::bigint`.as('total'))
      .where('round_id', '=', roundId)
      .where('state', '=', 'awarded')
      .executeTakeFirstOrThrow();
    return Number(row.total);
  }

  async awardedByRound(db: Db, localityId: string): Promise<Map<string, { count: number; pence: number }>> {
    const rows = await db
      .selectFrom('fund_applications')
      .select(['round_id', sql<number>`count(*)::int`.as('count'), sql<number>`sum(awarded_pence)::bigint`.as('pence')])
      .where('locality_id', '=', localityId)
      .where('state', '=', 'awarded')
      .groupBy('round_id')
      .execute();
    return new Map(rows.map((r) => [r.round_id, { count: Number(r.count), pence: Number(r.pence) }]));
  }

  applications(db: Db, localityId: string, roundId: string): Promise<ApplicationRow[]> {
    return db
      .selectFrom('fund_applications')
      .selectAll()
      .where('locality_id', '=', localityId)
      .where('round_id', '=', roundId)
      .where('state', '!=', 'draft')
      .orderBy('submitted_at')
      .execute();
  }

  application(db: Db, localityId: string, id: string, options: { lock?: boolean } = {}) {
    let query = db
      .selectFrom('fund_applications')
      .selectAll()
      .where('locality_id', '=', localityId)
      .where('id', '=', id);
    if (options.lock) query = query.forUpdate();
    return query.executeTakeFirst();
  }

  applicationByTokenHash(db: Db, localityId: string, hash: string) {
    return db
      .selectFrom('fund_applications')
      .selectAll()
      .where('locality_id', '=', localityId)
      .where('token_hash', '=', hash)
      .executeTakeFirst();
  }

  insertApplication(
    db: Db,
    values: Partial<ApplicationRow> &
      Pick<ApplicationRow, 'locality_id' | 'round_id' | 'reference' | 'state' | 'contact_email'>,
  ) {
    return db.insertInto('fund_applications').values(values).returningAll().executeTakeFirstOrThrow();
  }

  updateApplication(db: Db, id: string, values: Partial<ApplicationRow>) {
    return db
      .updateTable('fund_applications')
      .set({ ...values, version: sql<number>`version + 1`, updated_at: sql<Date>`now()` })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** The next reference in a round's series, like CEF-2026-0007. */
  async countApplications(db: Db, localityId: string): Promise<number> {
    const row = await db
      .selectFrom('fund_applications')
      .select(sql<number>`count(*)::int`.as('count'))
      .where('locality_id', '=', localityId)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  /** Applications sent and not yet decided in a locality, with their round: the assessors' and administrator's work. */
  waiting(db: Db, localityId: string) {
    return db
      .selectFrom('fund_applications as a')
      .innerJoin('fund_rounds as r', 'r.id', 'a.round_id')
      .select(['a.id', 'a.reference', 'a.group_name', 'a.agreed_score', 'r.closes_on', 'r.moderation_threshold'])
      .where('a.locality_id', '=', localityId)
      .where('a.state', '=', 'submitted')
      .orderBy('r.closes_on')
      .orderBy('a.reference')
      .execute();
  }

  /** Monitoring returns the groups have sent and no officer has reviewed yet. */
  returnsToReview(db: Db, localityId: string) {
    return db
      .selectFrom('fund_applications')
      .select(['id', 'reference', 'group_name'])
      .where('locality_id', '=', localityId)
      .where('state', '=', 'awarded')
      .where('monitoring_state', '=', 'submitted')
      .orderBy('monitoring_at')
      .execute();
  }

  async assessments(db: Db, applicationIds: string[]): Promise<Assessment[]> {
    if (applicationIds.length === 0) return [];
    const rows = await db
      .selectFrom('fund_assessments')
      .selectAll()
      .where('application_id', 'in', applicationIds)
      .orderBy('created_at')
      .execute();
    return rows.map((r) => ({ ...r, scores: r.scores as Record<string, number> }));
  }

  insertAssessment(
    db: Db,
    values: Omit<AssessmentRow, 'id' | 'created_at' | 'scores'> & { scores: Record<string, number> },
  ) {
    return db
      .insertInto('fund_assessments')
      .values({ ...values, scores: JSON.stringify(values.scores) })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  payments(db: Db, applicationId: string): Promise<PaymentRow[]> {
    return db
      .selectFrom('fund_payments')
      .selectAll()
      .where('application_id', '=', applicationId)
      .orderBy('number')
      .execute();
  }

  async replacePayments(
    db: Db,
    applicationId: string,
    rows: Array<{ number: number; dueOn: string; amountPence: number }>,
  ): Promise<void> {
    await db.deleteFrom('fund_payments').where('application_id', '=', applicationId).execute();
    await db
      .insertInto('fund_payments')
      .values(
        rows.map((r) => ({
          application_id: applicationId,
          number: r.number,
          due_on: r.dueOn,
          amount_pence: r.amountPence,
        })),
      )
      .execute();
  }

  markPaid(db: Db, paymentId: string, paidOn: string, paidBy: string) {
    return db
      .updateTable('fund_payments')
      .set({ paid_on: paidOn, paid_by: paidBy })
      .where('id', '=', paymentId)
      .where('paid_on', 'is', null)
      .returningAll()
      .executeTakeFirst();
  }

  payment(db: Db, id: string) {
    return db.selectFrom('fund_payments').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Every award of the locality with its round and fund, newest first: the public list and the 360Giving export. */
  awards(db: Db, localityId: string) {
    return db
      .selectFrom('fund_applications as a')
      .innerJoin('fund_rounds as r', 'r.id', 'a.round_id')
      .innerJoin('fund_funds as f', 'f.id', 'r.fund_id')
      .select([
        'a.id',
        'a.reference',
        'a.group_name',
        'a.charity_number',
        'a.company_number',
        'a.postcode',
        'a.title',
        'a.description',
        'a.awarded_pence',
        'a.decided_at',
        'a.updated_at',
        'r.id as round_id',
        'r.title as round_title',
        'f.name as fund_name',
        'f.kind as fund_kind',
        'f.funder_name',
        'f.funder_identifier',
      ])
      .where('a.locality_id', '=', localityId)
      .where('a.state', '=', 'awarded')
      .orderBy('a.decided_at', 'desc')
      .orderBy('a.reference')
      .execute();
  }
}

export type AwardRow = Awaited<ReturnType<FundsRepository['awards']>>[number];
