import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { NationalIndicator } from './indicators.js';
import type { IndicatorInput, IndicatorRow, MeasurementRow, OutcomeRow, PlanRow, TargetRow } from './schema.js';

export interface ContributorRow {
  id: string;
  outcome_id: string;
  partnership_id: string | null;
  organisation_id: string | null;
  layer: string;
}

export interface TargetYear {
  target_id: string;
  year: number;
  value: number;
}

/** Everything a locality's outcome framework is made of, read in a handful of queries. */
export interface FrameworkData {
  plans: PlanRow[];
  planContributors: Array<{ plan_id: string; partnership_id: string }>;
  outcomes: OutcomeRow[];
  themes: Array<{ outcome_id: string; theme: string }>;
  contributors: ContributorRow[];
  targets: TargetRow[];
  targetYears: TargetYear[];
  indicators: IndicatorRow[];
  /** Approved values, and (for readers of restricted material) those awaiting approval. */
  measurements: MeasurementRow[];
}

export type IndicatorValues = Omit<IndicatorRow, 'id' | 'version' | 'created_at'>;

export function indicatorRow(localityId: string | null, input: IndicatorInput): IndicatorValues {
  return {
    locality_id: localityId,
    code: input.code,
    title: input.title,
    indicator_group: input.group ?? null,
    definition: input.definition ?? null,
    unit: input.unit ?? null,
    polarity: input.polarity ?? null,
    numerator: input.numerator ?? null,
    denominator: input.denominator ?? null,
    frequency: input.frequency ?? null,
    source: input.source ?? null,
    geography: input.geography ?? null,
  };
}

/** All the SQL of plans, outcomes, indicators, targets and measurements; every query is scoped by locality. */
export class PerformanceRepository {
  async framework(db: Db, localityId: string, options: { withPending: boolean }): Promise<FrameworkData> {
    const plans = await db
      .selectFrom('plans')
      .selectAll()
      .where('locality_id', '=', localityId)
      .orderBy('start_year')
      .orderBy('title')
      .execute();
    const planIds = plans.map((p) => p.id);
    const none = planIds.length === 0;
    const planContributors = none
      ? []
      : await db.selectFrom('plan_contributors').selectAll().where('plan_id', 'in', planIds).execute();
    // Outcomes keep the order they were added in, as a plan lists them.
    const outcomes = await db
      .selectFrom('outcomes')
      .selectAll()
      .where('locality_id', '=', localityId)
      .orderBy('position')
      .execute();
    const outcomeIds = outcomes.map((o) => o.id);
    const themes = outcomeIds.length
      ? await db.selectFrom('outcome_themes').selectAll().where('outcome_id', 'in', outcomeIds).execute()
      : [];
    const contributors = outcomeIds.length
      ? await db.selectFrom('outcome_contributors').selectAll().where('outcome_id', 'in', outcomeIds).execute()
      : [];
    const targets = await db
      .selectFrom('targets')
      .selectAll()
      .where('locality_id', '=', localityId)
      .orderBy('created_at')
      .execute();
    const targetYears = targets.length
      ? await db
          .selectFrom('target_years')
          .selectAll()
          .where(
            'target_id',
            'in',
            targets.map((t) => t.id),
          )
          .orderBy('year')
          .execute()
      : [];
    const indicatorIds = [...new Set(targets.map((t) => t.indicator_id))];
    const indicators = indicatorIds.length
      ? await db.selectFrom('indicators').selectAll().where('id', 'in', indicatorIds).execute()
      : [];
    const states = options.withPending ? ['approved', 'pending'] : ['approved'];
    const measurements = await db
      .selectFrom('measurements')
      .selectAll()
      .where('locality_id', '=', localityId)
      .where('state', 'in', states)
      .orderBy('year')
      .execute();
    return { plans, planContributors, outcomes, themes, contributors, targets, targetYears, indicators, measurements };
  }

  // --- plans ------------------------------------------------------------------------------

  plan(db: Db, localityId: string, id: string): Promise<PlanRow | undefined> {
    return db
      .selectFrom('plans')
      .selectAll()
      .where('locality_id', '=', localityId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  insertPlan(db: Db, row: Omit<PlanRow, 'id' | 'version' | 'created_at' | 'updated_at'>): Promise<PlanRow> {
    return db.insertInto('plans').values(row).returningAll().executeTakeFirstOrThrow();
  }

  updatePlan(
    db: Db,
    id: string,
    version: number,
    changes: Partial<Omit<PlanRow, 'id' | 'version' | 'created_at' | 'updated_at' | 'locality_id'>>,
  ): Promise<PlanRow | undefined> {
    return db
      .updateTable('plans')
      .set({ ...changes, version: sql<number>`version + 1`, updated_at: new Date() })
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
  }

  async planContributorIds(db: Db, planId: string): Promise<string[]> {
    const rows = await db
      .selectFrom('plan_contributors')
      .select('partnership_id')
      .where('plan_id', '=', planId)
      .execute();
    return rows.map((r) => r.partnership_id);
  }

  async replacePlanContributors(db: Db, planId: string, partnershipIds: string[]): Promise<void> {
    await db.deleteFrom('plan_contributors').where('plan_id', '=', planId).execute();
    if (partnershipIds.length)
      await db
        .insertInto('plan_contributors')
        .values(partnershipIds.map((partnership_id) => ({ plan_id: planId, partnership_id })))
        .execute();
  }

  // --- outcomes ---------------------------------------------------------------------------

  outcome(db: Db, localityId: string, id: string): Promise<OutcomeRow | undefined> {
    return db
      .selectFrom('outcomes')
      .selectAll()
      .where('locality_id', '=', localityId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  outcomesByIds(db: Db, localityId: string, ids: string[]): Promise<OutcomeRow[]> {
    if (!ids.length) return Promise.resolve([]);
    return db.selectFrom('outcomes').selectAll().where('locality_id', '=', localityId).where('id', 'in', ids).execute();
  }

  insertOutcome(
    db: Db,
    row: { locality_id: string; plan_id: string; title: string; description: string | null },
  ): Promise<OutcomeRow> {
    return db.insertInto('outcomes').values(row).returningAll().executeTakeFirstOrThrow();
  }

  updateOutcome(
    db: Db,
    id: string,
    version: number,
    changes: Partial<Pick<OutcomeRow, 'title' | 'description' | 'status' | 'merged_into_id'>>,
  ): Promise<OutcomeRow | undefined> {
    return db
      .updateTable('outcomes')
      .set({ ...changes, version: sql<number>`version + 1`, updated_at: new Date() })
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
  }

  async outcomeThemes(db: Db, outcomeId: string): Promise<string[]> {
    const rows = await db
      .selectFrom('outcome_themes')
      .select('theme')
      .where('outcome_id', '=', outcomeId)
      .orderBy('theme')
      .execute();
    return rows.map((r) => r.theme);
  }

  async replaceOutcomeThemes(db: Db, outcomeId: string, themes: string[]): Promise<void> {
    await db.deleteFrom('outcome_themes').where('outcome_id', '=', outcomeId).execute();
    if (themes.length)
      await db
        .insertInto('outcome_themes')
        .values(themes.map((theme) => ({ outcome_id: outcomeId, theme })))
        .execute();
  }

  contributorsOf(db: Db, outcomeIds: string[]): Promise<ContributorRow[]> {
    if (!outcomeIds.length) return Promise.resolve([]);
    return db.selectFrom('outcome_contributors').selectAll().where('outcome_id', 'in', outcomeIds).execute();
  }

  insertContributor(db: Db, row: Omit<ContributorRow, 'id'>): Promise<ContributorRow> {
    return db.insertInto('outcome_contributors').values(row).returningAll().executeTakeFirstOrThrow();
  }

  async deleteContributor(db: Db, outcomeId: string, id: string): Promise<ContributorRow | undefined> {
    return db
      .deleteFrom('outcome_contributors')
      .where('outcome_id', '=', outcomeId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
  }

  // --- indicators -------------------------------------------------------------------------

  /** The national library and the locality's own indicators. */
  library(db: Db, localityId: string): Promise<IndicatorRow[]> {
    return db
      .selectFrom('indicators')
      .selectAll()
      .where((eb) => eb.or([eb('locality_id', 'is', null), eb('locality_id', '=', localityId)]))
      .orderBy(sql`locality_id is null`, 'desc')
      .orderBy(sql`coalesce(substring(code from '[0-9]+')::int, 0)`)
      .orderBy('code')
      .execute();
  }

  indicator(db: Db, localityId: string, id: string): Promise<IndicatorRow | undefined> {
    return db
      .selectFrom('indicators')
      .selectAll()
      .where('id', '=', id)
      .where((eb) => eb.or([eb('locality_id', 'is', null), eb('locality_id', '=', localityId)]))
      .executeTakeFirst();
  }

  /** Finds an indicator by its code, as a user types it (NI 112, ni112, NI-112). */
  async indicatorsByCode(db: Db, localityId: string): Promise<Map<string, IndicatorRow>> {
    const map = new Map<string, IndicatorRow>();
    for (const row of await this.library(db, localityId)) {
      // A local indicator with the same code as a national one is the one meant locally.
      const key = normaliseCode(row.code);
      if (!map.has(key) || row.locality_id) map.set(key, row);
    }
    return map;
  }

  updateIndicator(
    db: Db,
    id: string,
    version: number,
    changes: Omit<IndicatorValues, 'code' | 'locality_id'>,
  ): Promise<IndicatorRow | undefined> {
    return db
      .updateTable('indicators')
      .set({ ...changes, version: sql<number>`version + 1` })
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
  }

  /** Adds the shipped national indicators that are missing; never changes one an administrator has edited. */
  async insertMissingNational(db: Db, indicators: NationalIndicator[]): Promise<number> {
    const existing = new Set((await this.nationalIndicators(db)).map((r) => normaliseCode(r.code)));
    const missing = indicators.filter((i) => !existing.has(normaliseCode(i.code)));
    if (!missing.length) return 0;
    await db
      .insertInto('indicators')
      .values(
        missing.map((i) => ({
          locality_id: null,
          code: i.code,
          title: i.title,
          indicator_group: i.group ?? null,
          definition: null,
          unit: i.unit ?? null,
          polarity: i.polarity ?? null,
          numerator: null,
          denominator: null,
          frequency: null,
          source: i.source,
          geography: 'Local authority area',
        })),
      )
      .execute();
    return missing.length;
  }

  nationalIndicators(db: Db): Promise<IndicatorRow[]> {
    return db.selectFrom('indicators').selectAll().where('locality_id', 'is', null).execute();
  }

  insertIndicators(db: Db, rows: IndicatorValues[]): Promise<IndicatorRow[]> {
    if (!rows.length) return Promise.resolve([]);
    return db.insertInto('indicators').values(rows).returningAll().execute();
  }

  // --- targets ----------------------------------------------------------------------------

  target(db: Db, localityId: string, id: string): Promise<TargetRow | undefined> {
    return db
      .selectFrom('targets')
      .selectAll()
      .where('locality_id', '=', localityId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  targetsOfOutcomes(db: Db, outcomeIds: string[]): Promise<TargetRow[]> {
    if (!outcomeIds.length) return Promise.resolve([]);
    return db.selectFrom('targets').selectAll().where('outcome_id', 'in', outcomeIds).execute();
  }

  insertTarget(db: Db, row: Omit<TargetRow, 'id' | 'version' | 'created_at' | 'updated_at'>): Promise<TargetRow> {
    return db.insertInto('targets').values(row).returningAll().executeTakeFirstOrThrow();
  }

  updateTarget(
    db: Db,
    id: string,
    version: number,
    changes: Partial<Omit<TargetRow, 'id' | 'version' | 'created_at' | 'updated_at' | 'locality_id'>>,
  ): Promise<TargetRow | undefined> {
    return db
      .updateTable('targets')
      .set({ ...changes, version: sql<number>`version + 1`, updated_at: new Date() })
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
  }

  deleteTarget(db: Db, id: string): Promise<unknown> {
    return db.deleteFrom('targets').where('id', '=', id).execute();
  }

  trajectory(db: Db, targetId: string): Promise<TargetYear[]> {
    return db.selectFrom('target_years').selectAll().where('target_id', '=', targetId).orderBy('year').execute();
  }

  async replaceTrajectory(db: Db, targetId: string, points: Array<{ year: number; value: number }>): Promise<void> {
    await db.deleteFrom('target_years').where('target_id', '=', targetId).execute();
    if (points.length)
      await db
        .insertInto('target_years')
        .values(points.map((p) => ({ target_id: targetId, year: p.year, value: p.value })))
        .execute();
  }

  async targetIndicatorIds(db: Db, localityId: string): Promise<Set<string>> {
    const rows = await db
      .selectFrom('targets')
      .select('indicator_id')
      .distinct()
      .where('locality_id', '=', localityId)
      .execute();
    return new Set(rows.map((r) => r.indicator_id));
  }

  /** Indicators with a target that one of these partnerships is accountable for, or whose plan one of them owns. */
  async indicatorsReportedBy(db: Db, localityId: string, partnershipIds: string[]): Promise<Set<string>> {
    if (!partnershipIds.length) return new Set();
    const rows = await db
      .selectFrom('targets as t')
      .innerJoin('outcomes as o', 'o.id', 't.outcome_id')
      .innerJoin('plans as p', 'p.id', 'o.plan_id')
      .select('t.indicator_id')
      .distinct()
      .where('t.locality_id', '=', localityId)
      .where((eb) =>
        eb.or([
          eb('t.accountable_partnership_id', 'in', partnershipIds),
          eb('p.owner_partnership_id', 'in', partnershipIds),
        ]),
      )
      .execute();
    return new Set(rows.map((r) => r.indicator_id));
  }

  // --- measurements -----------------------------------------------------------------------

  measurementsOf(db: Db, localityId: string, indicatorId: string, states: string[]): Promise<MeasurementRow[]> {
    return db
      .selectFrom('measurements')
      .selectAll()
      .where('locality_id', '=', localityId)
      .where('indicator_id', '=', indicatorId)
      .where('state', 'in', states)
      .orderBy('year')
      .orderBy('entered_at')
      .execute();
  }

  /** Values awaiting approval, each with the approved value it would replace (if any). */
  pending(
    db: Db,
    localityId: string,
  ): Promise<
    Array<
      MeasurementRow & { indicator_code: string; indicator_title: string; unit: string | null; replaces: number | null }
    >
  > {
    return db
      .selectFrom('measurements as m')
      .innerJoin('indicators as i', 'i.id', 'm.indicator_id')
      .leftJoin('measurements as a', (join) =>
        join
          .onRef('a.locality_id', '=', 'm.locality_id')
          .onRef('a.indicator_id', '=', 'm.indicator_id')
          .onRef('a.year', '=', 'm.year')
          .on('a.state', '=', 'approved'),
      )
      .selectAll('m')
      .select(['i.code as indicator_code', 'i.title as indicator_title', 'i.unit', 'a.value as replaces'])
      .where('m.locality_id', '=', localityId)
      .where('m.state', '=', 'pending')
      .orderBy('i.code')
      .orderBy('m.year')
      .execute();
  }

  /** A new value for a year replaces one still awaiting approval; an approved value stays until the new one is approved. */
  async upsertPending(
    db: Db,
    row: Pick<
      MeasurementRow,
      'locality_id' | 'indicator_id' | 'year' | 'value' | 'data_status' | 'note' | 'entered_by'
    >,
  ): Promise<MeasurementRow> {
    await db
      .deleteFrom('measurements')
      .where('locality_id', '=', row.locality_id)
      .where('indicator_id', '=', row.indicator_id)
      .where('year', '=', row.year)
      .where('state', '=', 'pending')
      .execute();
    return db
      .insertInto('measurements')
      .values({ ...row, state: 'pending' })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  insertApproved(
    db: Db,
    rows: Array<
      Pick<MeasurementRow, 'locality_id' | 'indicator_id' | 'year' | 'value' | 'data_status' | 'note' | 'entered_by'>
    >,
  ): Promise<unknown> {
    if (!rows.length) return Promise.resolve();
    return db
      .insertInto('measurements')
      .values(rows.map((r) => ({ ...r, state: 'approved', decided_by: r.entered_by, decided_at: new Date() })))
      .execute();
  }

  pendingByIds(db: Db, localityId: string, ids: string[]): Promise<MeasurementRow[]> {
    return db
      .selectFrom('measurements')
      .selectAll()
      .where('locality_id', '=', localityId)
      .where('id', 'in', ids)
      .where('state', '=', 'pending')
      .execute();
  }

  async decide(db: Db, measurement: MeasurementRow, decision: 'approve' | 'reject', decidedBy: string): Promise<void> {
    if (decision === 'approve') {
      await db
        .updateTable('measurements')
        .set({ state: 'superseded' })
        .where('locality_id', '=', measurement.locality_id)
        .where('indicator_id', '=', measurement.indicator_id)
        .where('year', '=', measurement.year)
        .where('state', '=', 'approved')
        .execute();
    }
    await db
      .updateTable('measurements')
      .set({ state: decision === 'approve' ? 'approved' : 'rejected', decided_by: decidedBy, decided_at: new Date() })
      .where('id', '=', measurement.id)
      .execute();
  }

  /** Which of these partnerships are in the locality (to check a choice made in a form). */
  async partnershipsIn(db: Db, localityId: string, ids: string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows = await db
      .selectFrom('partnerships')
      .select('id')
      .where('locality_id', '=', localityId)
      .where('id', 'in', ids)
      .execute();
    return new Set(rows.map((r) => r.id));
  }

  /** Active outcomes of plans that are not archived, for a proposal to say which it serves. */
  outcomeChoices(db: Db, localityId: string): Promise<Array<{ id: string; title: string; planTitle: string }>> {
    return db
      .selectFrom('outcomes as o')
      .innerJoin('plans as p', 'p.id', 'o.plan_id')
      .select(['o.id', 'o.title', 'p.title as planTitle'])
      .where('o.locality_id', '=', localityId)
      .where('o.status', '=', 'active')
      .where('p.status', '!=', 'archived')
      .orderBy('p.title')
      .orderBy('o.title')
      .execute();
  }

  // --- partnership links, for merges --------------------------------------------------------

  /** Moves every plan, outcome and target link from the old partnerships to the new one, without duplicates. */
  async carryPartnershipLinks(db: Db, fromIds: string[], toId: string): Promise<number> {
    const from = fromIds.filter((id) => id !== toId);
    if (!from.length) return 0;
    let moved = 0;
    const owners = await db
      .updateTable('plans')
      .set({ owner_partnership_id: toId })
      .where('owner_partnership_id', 'in', from)
      .executeTakeFirst();
    moved += Number(owners.numUpdatedRows);
    const accountable = await db
      .updateTable('targets')
      .set({ accountable_partnership_id: toId })
      .where('accountable_partnership_id', 'in', from)
      .executeTakeFirst();
    moved += Number(accountable.numUpdatedRows);

    const planLinks = await db
      .selectFrom('plan_contributors')
      .selectAll()
      .where('partnership_id', 'in', [...from, toId])
      .execute();
    const plansWithTo = new Set(planLinks.filter((l) => l.partnership_id === toId).map((l) => l.plan_id));
    for (const link of planLinks.filter((l) => l.partnership_id !== toId)) {
      await db
        .deleteFrom('plan_contributors')
        .where('plan_id', '=', link.plan_id)
        .where('partnership_id', '=', link.partnership_id)
        .execute();
      if (!plansWithTo.has(link.plan_id)) {
        await db.insertInto('plan_contributors').values({ plan_id: link.plan_id, partnership_id: toId }).execute();
        plansWithTo.add(link.plan_id);
      }
      moved++;
    }

    const outcomeLinks = await db
      .selectFrom('outcome_contributors')
      .selectAll()
      .where('partnership_id', 'in', [...from, toId])
      .execute();
    const outcomesWithTo = new Set(outcomeLinks.filter((l) => l.partnership_id === toId).map((l) => l.outcome_id));
    for (const link of outcomeLinks.filter((l) => l.partnership_id !== toId)) {
      if (outcomesWithTo.has(link.outcome_id)) {
        await db.deleteFrom('outcome_contributors').where('id', '=', link.id).execute();
      } else {
        await db.updateTable('outcome_contributors').set({ partnership_id: toId }).where('id', '=', link.id).execute();
        outcomesWithTo.add(link.outcome_id);
      }
      moved++;
    }
    return moved;
  }
}

export function normaliseCode(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9]/g, '');
}
