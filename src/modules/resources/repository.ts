/** The SQL of resources, and nothing else: rules live in rules.ts and the service. */
import type { Db } from '../../db/database.js';
import type {
  BenefitRow,
  BudgetLineRow,
  ContributionRow,
  FundingStreamRow,
  PooledBudgetRow,
  ResourceSettingsRow,
  ResourcesTables,
} from './schema.js';
import type { Insertable, Updateable } from 'kysely';

export interface Share {
  outcomeId: string;
  shareBp: number;
}

export interface FundingStreamRecord extends FundingStreamRow {
  partnershipIds: string[];
  outcomeIds: string[];
  remindersSent: number[];
}

export interface PooledBudgetRecord extends PooledBudgetRow {
  contributors: Array<{ organisationId: string; shareBp: number }>;
  outcomes: Share[];
}

export interface BudgetLineRecord extends BudgetLineRow {
  outcomes: Share[];
}

/** A partnership as cost-benefit needs it: the meeting pattern and (when asked for) who sits at the table now. */
export interface PartnershipCostRow {
  id: string;
  name: string;
  reference: string;
  status: string;
  meetings_per_year: number | null;
  meeting_minutes: number | null;
  typical_attendance: number | null;
  secretary_name: string | null;
  memberOrganisationIds: string[];
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

export class ResourcesRepository {
  // --- contributions ----------------------------------------------------------------------------

  contributions(db: Db, localityId: string, filter: { year?: number; partnershipId?: string } = {}) {
    let q = db.selectFrom('resource_contributions').selectAll().where('locality_id', '=', localityId);
    if (filter.year !== undefined) q = q.where('financial_year', '=', filter.year);
    if (filter.partnershipId) q = q.where('partnership_id', '=', filter.partnershipId);
    return q.orderBy('financial_year', 'desc').orderBy('created_at').orderBy('id').execute();
  }

  contribution(db: Db, localityId: string, id: string): Promise<ContributionRow | undefined> {
    return db
      .selectFrom('resource_contributions')
      .selectAll()
      .where('locality_id', '=', localityId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  insertContribution(db: Db, row: Insertable<ResourcesTables['resource_contributions']>): Promise<ContributionRow> {
    return db.insertInto('resource_contributions').values(row).returningAll().executeTakeFirstOrThrow();
  }

  /** Changes a contribution if it is still at the version read; undefined when someone changed it first. */
  updateContribution(
    db: Db,
    id: string,
    version: number,
    changes: Updateable<ResourcesTables['resource_contributions']>,
  ): Promise<ContributionRow | undefined> {
    return db
      .updateTable('resource_contributions')
      .set({ ...changes, version: version + 1, updated_at: new Date() })
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
  }

  /** Removes a contribution read at `version`; false when someone changed it since. */
  async deleteContribution(db: Db, id: string, version: number): Promise<boolean> {
    const deleted = await db
      .deleteFrom('resource_contributions')
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(deleted.numDeletedRows) > 0;
  }

  // --- funding streams ---------------------------------------------------------------------------

  async fundingStreams(db: Db, localityId: string, id?: string): Promise<FundingStreamRecord[]> {
    let query = db.selectFrom('funding_streams').selectAll().where('locality_id', '=', localityId);
    if (id) query = query.where('id', '=', id);
    const rows = await query.orderBy('ends_on').orderBy('name').execute();
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const [partnerships, outcomes, reminders] = await Promise.all([
      db.selectFrom('funding_stream_partnerships').selectAll().where('stream_id', 'in', ids).execute(),
      db.selectFrom('funding_stream_outcomes').selectAll().where('stream_id', 'in', ids).execute(),
      db.selectFrom('funding_reminders').select(['stream_id', 'months']).where('stream_id', 'in', ids).execute(),
    ]);
    const p = groupBy(partnerships, (r) => r.stream_id);
    const o = groupBy(outcomes, (r) => r.stream_id);
    const m = groupBy(reminders, (r) => r.stream_id);
    return rows.map((row) => ({
      ...row,
      partnershipIds: (p.get(row.id) ?? []).map((r) => r.partnership_id),
      outcomeIds: (o.get(row.id) ?? []).map((r) => r.outcome_id),
      remindersSent: (m.get(row.id) ?? []).map((r) => r.months),
    }));
  }

  async insertFundingStream(
    db: Db,
    row: Insertable<ResourcesTables['funding_streams']>,
    partnershipIds: string[],
    outcomeIds: string[],
  ): Promise<FundingStreamRecord> {
    const stream = await db.insertInto('funding_streams').values(row).returningAll().executeTakeFirstOrThrow();
    await this.linkFundingStream(db, stream.id, partnershipIds, outcomeIds);
    return { ...stream, partnershipIds, outcomeIds, remindersSent: [] };
  }

  async fundingStream(db: Db, localityId: string, id: string): Promise<FundingStreamRecord | undefined> {
    return (await this.fundingStreams(db, localityId, id))[0];
  }

  /**
   * Changes a stream read at `version`, its partnerships and outcomes with it; undefined when
   * someone changed it since. With `forgetReminders` (its end date moved) it is reminded again.
   */
  async updateFundingStream(
    db: Db,
    id: string,
    version: number,
    row: Updateable<ResourcesTables['funding_streams']>,
    links: { partnershipIds: string[]; outcomeIds: string[]; forgetReminders: boolean },
  ): Promise<FundingStreamRecord | undefined> {
    const { partnershipIds, outcomeIds } = links;
    const stream = await db
      .updateTable('funding_streams')
      .set({ ...row, version: version + 1, updated_at: new Date() })
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
    if (!stream) return undefined;
    await db.deleteFrom('funding_stream_partnerships').where('stream_id', '=', id).execute();
    await db.deleteFrom('funding_stream_outcomes').where('stream_id', '=', id).execute();
    await this.linkFundingStream(db, id, partnershipIds, outcomeIds);
    if (links.forgetReminders) await db.deleteFrom('funding_reminders').where('stream_id', '=', id).execute();
    return this.fundingStream(db, stream.locality_id, id);
  }

  /** Removes a stream read at `version` (its links and reminders with it); false when someone changed it since. */
  async deleteFundingStream(db: Db, id: string, version: number): Promise<boolean> {
    const deleted = await db
      .deleteFrom('funding_streams')
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(deleted.numDeletedRows) > 0;
  }

  private async linkFundingStream(db: Db, streamId: string, partnershipIds: string[], outcomeIds: string[]) {
    if (partnershipIds.length > 0)
      await db
        .insertInto('funding_stream_partnerships')
        .values(partnershipIds.map((partnership_id) => ({ stream_id: streamId, partnership_id })))
        .execute();
    if (outcomeIds.length > 0)
      await db
        .insertInto('funding_stream_outcomes')
        .values(outcomeIds.map((outcome_id) => ({ stream_id: streamId, outcome_id })))
        .execute();
  }

  /** Records reminders as sent; false when another server recorded the first of them already. */
  async markReminders(db: Db, streamId: string, months: number[]): Promise<boolean> {
    const rows = await db
      .insertInto('funding_reminders')
      .values(months.map((m) => ({ stream_id: streamId, months: m })))
      .onConflict((oc) => oc.doNothing())
      .returning('months')
      .execute();
    return rows.length === months.length;
  }

  /** Every funding stream of every locality ending between two dates, for the reminder sweep. */
  endingBetween(db: Db, from: string, to: string) {
    return db
      .selectFrom('funding_streams')
      .select(['id', 'locality_id', 'ends_on'])
      .where('ends_on', '>=', from)
      .where('ends_on', '<=', to)
      .execute();
  }

  // --- pooled budgets ----------------------------------------------------------------------------

  async pooledBudgets(db: Db, localityId: string): Promise<PooledBudgetRecord[]> {
    const rows = await db
      .selectFrom('pooled_budgets')
      .selectAll()
      .where('locality_id', '=', localityId)
      .orderBy('name')
      .execute();
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const [shares, outcomes] = await Promise.all([
      db.selectFrom('pooled_budget_shares').selectAll().where('budget_id', 'in', ids).execute(),
      db.selectFrom('pooled_budget_outcomes').selectAll().where('budget_id', 'in', ids).execute(),
    ]);
    const s = groupBy(shares, (r) => r.budget_id);
    const o = groupBy(outcomes, (r) => r.budget_id);
    return rows.map((row) => ({
      ...row,
      contributors: (s.get(row.id) ?? [])
        .map((r) => ({ organisationId: r.organisation_id, shareBp: r.share_bp }))
        .sort((a, b) => b.shareBp - a.shareBp),
      outcomes: (o.get(row.id) ?? []).map((r) => ({ outcomeId: r.outcome_id, shareBp: r.share_bp })),
    }));
  }

  async insertPooledBudget(
    db: Db,
    row: Insertable<ResourcesTables['pooled_budgets']>,
    contributors: Array<{ organisationId: string; shareBp: number }>,
    outcomes: Share[],
  ): Promise<PooledBudgetRecord> {
    const budget = await db.insertInto('pooled_budgets').values(row).returningAll().executeTakeFirstOrThrow();
    await db
      .insertInto('pooled_budget_shares')
      .values(
        contributors.map((c) => ({ budget_id: budget.id, organisation_id: c.organisationId, share_bp: c.shareBp })),
      )
      .execute();
    if (outcomes.length > 0)
      await db
        .insertInto('pooled_budget_outcomes')
        .values(outcomes.map((o) => ({ budget_id: budget.id, outcome_id: o.outcomeId, share_bp: o.shareBp })))
        .execute();
    return { ...budget, contributors, outcomes };
  }

  /** Changes a pooled budget read at `version`, its contributors and outcomes with it; undefined when changed since. */
  async updatePooledBudget(
    db: Db,
    id: string,
    version: number,
    row: Updateable<ResourcesTables['pooled_budgets']>,
    contributors: Array<{ organisationId: string; shareBp: number }>,
    outcomes: Share[],
  ): Promise<PooledBudgetRecord | undefined> {
    const budget = await db
      .updateTable('pooled_budgets')
      .set({ ...row, version: version + 1, updated_at: new Date() })
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
    if (!budget) return undefined;
    await db.deleteFrom('pooled_budget_shares').where('budget_id', '=', id).execute();
    await db.deleteFrom('pooled_budget_outcomes').where('budget_id', '=', id).execute();
    if (contributors.length > 0)
      await db
        .insertInto('pooled_budget_shares')
        .values(contributors.map((c) => ({ budget_id: id, organisation_id: c.organisationId, share_bp: c.shareBp })))
        .execute();
    if (outcomes.length > 0)
      await db
        .insertInto('pooled_budget_outcomes')
        .values(outcomes.map((o) => ({ budget_id: id, outcome_id: o.outcomeId, share_bp: o.shareBp })))
        .execute();
    return { ...budget, contributors, outcomes };
  }

  async pooledBudget(db: Db, localityId: string, id: string): Promise<PooledBudgetRecord | undefined> {
    return (await this.pooledBudgets(db, localityId)).find((b) => b.id === id);
  }

  /** Removes a pooled budget read at `version` (its shares with it); false when changed since. */
  async deletePooledBudget(db: Db, id: string, version: number): Promise<boolean> {
    const deleted = await db
      .deleteFrom('pooled_budgets')
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(deleted.numDeletedRows) > 0;
  }

  // --- budget lines ------------------------------------------------------------------------------

  async budgetLine(db: Db, localityId: string, id: string): Promise<BudgetLineRecord | undefined> {
    const row = await db
      .selectFrom('budget_lines')
      .selectAll()
      .where('locality_id', '=', localityId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) return undefined;
    const shares = await db.selectFrom('budget_line_outcomes').selectAll().where('line_id', '=', id).execute();
    return { ...row, outcomes: shares.map((r) => ({ outcomeId: r.outcome_id, shareBp: r.share_bp })) };
  }

  async updateBudgetLine(
    db: Db,
    id: string,
    version: number,
    row: Updateable<ResourcesTables['budget_lines']>,
    outcomes: Share[],
  ): Promise<BudgetLineRecord | undefined> {
    const line = await db
      .updateTable('budget_lines')
      .set({ ...row, version: version + 1, updated_at: new Date() })
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
    if (!line) return undefined;
    await db.deleteFrom('budget_line_outcomes').where('line_id', '=', id).execute();
    if (outcomes.length > 0)
      await db
        .insertInto('budget_line_outcomes')
        .values(outcomes.map((o) => ({ line_id: id, outcome_id: o.outcomeId, share_bp: o.shareBp })))
        .execute();
    return { ...line, outcomes };
  }

  async deleteBudgetLine(db: Db, id: string, version: number): Promise<boolean> {
    const deleted = await db
      .deleteFrom('budget_lines')
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(deleted.numDeletedRows) > 0;
  }

  async budgetLines(db: Db, localityId: string, years?: number[]): Promise<BudgetLineRecord[]> {
    let q = db.selectFrom('budget_lines').selectAll().where('locality_id', '=', localityId);
    if (years) q = q.where('financial_year', 'in', years.length > 0 ? years : [-1]);
    const rows = await q.orderBy('financial_year', 'desc').orderBy('service').orderBy('id').execute();
    if (rows.length === 0) return [];
    const shares = await db
      .selectFrom('budget_line_outcomes')
      .selectAll()
      .where(
        'line_id',
        'in',
        rows.map((r) => r.id),
      )
      .execute();
    const s = groupBy(shares, (r) => r.line_id);
    return rows.map((row) => ({
      ...row,
      outcomes: (s.get(row.id) ?? []).map((r) => ({ outcomeId: r.outcome_id, shareBp: r.share_bp })),
    }));
  }

  async insertBudgetLine(
    db: Db,
    row: Insertable<ResourcesTables['budget_lines']>,
    outcomes: Share[],
  ): Promise<BudgetLineRecord> {
    const line = await db.insertInto('budget_lines').values(row).returningAll().executeTakeFirstOrThrow();
    if (outcomes.length > 0)
      await db
        .insertInto('budget_line_outcomes')
        .values(outcomes.map((o) => ({ line_id: line.id, outcome_id: o.outcomeId, share_bp: o.shareBp })))
        .execute();
    return { ...line, outcomes };
  }

  // --- benefits ----------------------------------------------------------------------------------

  benefits(db: Db, localityId: string, filter: { year?: number; partnershipId?: string } = {}): Promise<BenefitRow[]> {
    let q = db.selectFrom('partnership_benefits').selectAll().where('locality_id', '=', localityId);
    if (filter.year !== undefined) q = q.where('financial_year', '=', filter.year);
    if (filter.partnershipId) q = q.where('partnership_id', '=', filter.partnershipId);
    return q.orderBy('financial_year', 'desc').orderBy('created_at').orderBy('id').execute();
  }

  insertBenefit(db: Db, row: Insertable<ResourcesTables['partnership_benefits']>): Promise<BenefitRow> {
    return db.insertInto('partnership_benefits').values(row).returningAll().executeTakeFirstOrThrow();
  }

  benefit(db: Db, localityId: string, id: string): Promise<BenefitRow | undefined> {
    return db
      .selectFrom('partnership_benefits')
      .selectAll()
      .where('locality_id', '=', localityId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  updateBenefit(
    db: Db,
    id: string,
    version: number,
    row: Updateable<ResourcesTables['partnership_benefits']>,
  ): Promise<BenefitRow | undefined> {
    return db
      .updateTable('partnership_benefits')
      .set({ ...row, version: version + 1, updated_at: new Date() })
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
  }

  async deleteBenefit(db: Db, id: string, version: number): Promise<boolean> {
    const deleted = await db
      .deleteFrom('partnership_benefits')
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(deleted.numDeletedRows) > 0;
  }

  // --- settings ----------------------------------------------------------------------------------

  settings(db: Db, localityId: string): Promise<ResourceSettingsRow | undefined> {
    return db.selectFrom('resource_settings').selectAll().where('locality_id', '=', localityId).executeTakeFirst();
  }

  /** Writes a locality's settings read at `version` (0: none yet); undefined when someone changed them since. */
  async saveSettings(
    db: Db,
    localityId: string,
    version: number,
    row: Omit<Insertable<ResourcesTables['resource_settings']>, 'locality_id' | 'version' | 'updated_at'>,
  ): Promise<ResourceSettingsRow | undefined> {
    if (version === 0)
      return db
        .insertInto('resource_settings')
        .values({ ...row, locality_id: localityId, version: 1, updated_at: new Date() })
        .onConflict((oc) => oc.doNothing())
        .returningAll()
        .executeTakeFirst();
    return db
      .updateTable('resource_settings')
      .set({ ...row, version: version + 1, updated_at: new Date() })
      .where('locality_id', '=', localityId)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
  }

  // --- meetings held (the cycles module's meetings, read here) -------------------------------------

  /**
   * The meetings held by the locality's partnerships (or one) between two dates, each with the
   * organisations recorded as present or sending a substitute.
   */
  async meetingsHeld(
    db: Db,
    localityId: string,
    range: { from: string; to: string },
    partnershipId?: string,
  ): Promise<Map<string, Array<{ id: string; heldOn: string; attendingOrganisationIds: string[] }>>> {
    let q = db
      .selectFrom('meetings')
      .select(['id', 'partnership_id', 'held_on'])
      .where('locality_id', '=', localityId)
      .where('status', '=', 'held')
      .where('held_on', '>=', range.from)
      .where('held_on', '<=', range.to);
    if (partnershipId) q = q.where('partnership_id', '=', partnershipId);
    const meetings = await q.orderBy('held_on').execute();
    const byPartnership = new Map<string, Array<{ id: string; heldOn: string; attendingOrganisationIds: string[] }>>();
    if (meetings.length === 0) return byPartnership;
    const attendance = await db
      .selectFrom('meeting_attendance')
      .select(['meeting_id', 'organisation_id'])
      .where(
        'meeting_id',
        'in',
        meetings.map((m) => m.id),
      )
      .where('attendance', 'in', ['present', 'substitute'])
      .execute();
    const present = groupBy(attendance, (a) => a.meeting_id);
    for (const m of meetings) {
      const list = byPartnership.get(m.partnership_id) ?? [];
      list.push({
        id: m.id,
        heldOn: String(m.held_on),
        attendingOrganisationIds: (present.get(m.id) ?? []).map((a) => a.organisation_id),
      });
      byPartnership.set(m.partnership_id, list);
    }
    return byPartnership;
  }

  // --- the register, as resources read it ---------------------------------------------------------

  /** Every partnership of the locality with its meeting pattern (members left empty: see `seatedOrganisations`). */
  async partnershipCosts(db: Db, localityId: string): Promise<PartnershipCostRow[]> {
    const partnerships = await db
      .selectFrom('partnerships')
      .select([
        'id',
        'name',
        'reference',
        'status',
        'meetings_per_year',
        'meeting_minutes',
        'typical_attendance',
        'secretary_name',
      ])
      .where('locality_id', '=', localityId)
      .orderBy('name')
      .execute();
    return partnerships.map((p) => ({ ...p, memberOrganisationIds: [] }));
  }

  /** The organisations seated now (not as observers) on the locality's partnerships, or on one of them. */
  async seatedOrganisations(db: Db, localityId: string, partnershipId?: string): Promise<Map<string, string[]>> {
    let q = db
      .selectFrom('memberships as m')
      .innerJoin('partnerships as p', 'p.id', 'm.partnership_id')
      .select(['m.partnership_id', 'm.organisation_id'])
      .where('m.locality_id', '=', localityId)
      .where('p.locality_id', '=', localityId)
      .where('m.ended_on', 'is', null)
      .where('m.role', '<>', 'observer');
    if (partnershipId) q = q.where('m.partnership_id', '=', partnershipId);
    const seats = await q.execute();
    const byPartnership = new Map<string, string[]>();
    for (const [id, rows] of groupBy(seats, (s) => s.partnership_id))
      byPartnership.set(id, [...new Set(rows.map((r) => r.organisation_id))]);
    return byPartnership;
  }

  locality(db: Db, id: string) {
    return db.selectFrom('localities').selectAll().where('id', '=', id).executeTakeFirst();
  }

  organisations(db: Db, localityId: string) {
    return db
      .selectFrom('organisations')
      .select(['id', 'name', 'sector', 'status', 'identifier'])
      .where('locality_id', '=', localityId)
      .orderBy('name')
      .execute();
  }

  /** The locality's own 360Giving identifier prefix, as its funds settings keep it (null when none is set). */
  async threeSixtyPrefix(db: Db, localityId: string): Promise<string | null> {
    const row = await db
      .selectFrom('fund_settings')
      .select('three_sixty_prefix')
      .where('locality_id', '=', localityId)
      .executeTakeFirst();
    return row?.three_sixty_prefix ?? null;
  }
}
