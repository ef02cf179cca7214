import type { Principal } from '../../core/actor.js';
import { ConflictError, type FieldError, NotFoundError, ValidationError } from '../../core/errors.js';
import { formatDate } from '../../core/dates.js';
import type { WorkItem, WorkSource } from '../notifications/service.js';
import type { CoreServices } from '../../core/services.js';
import { parseInput, isUuid } from '../../core/validation.js';
import type { Db } from '../../db/database.js';
import type { Locality } from '../../db/tables.js';
import type { RecordInput } from '../audit/service.js';
import { canAdministerLocality, canEditPartnership, canReadRestricted, isSystem, refuse } from '../accounts/policy.js';
import { ImportRejected, type ImportIssue } from '../exchange/issues.js';
import type { PartnershipRecord } from '../register/repository.js';
import { isPublished } from '../register/service.js';
import {
  type OutcomeView,
  type PlanView,
  type TargetView,
  buildFramework,
  filterFramework,
  partnershipsOf,
  statusCounts,
} from './framework.js';
import { type ColumnSpec, INDICATOR_COLUMNS, MEASUREMENT_COLUMNS, readTable } from './imports.js';
import { NATIONAL_INDICATORS } from './indicators.js';
import { findOverlaps, type PlanOverlap } from './overlaps.js';
import { type FrameworkData, PerformanceRepository, indicatorRow, normaliseCode } from './repository.js';
import {
  type IndicatorRow,
  type MeasurementRow,
  type OutcomeRow,
  type PlanRow,
  type TargetRow,
  contributorInput,
  decisionInput,
  frameworkQuery,
  indicatorInput,
  indicatorUpdate,
  measurementInput,
  mergeInput,
  outcomeInput,
  parseYear,
  planInput,
  targetInput,
  yearLabel,
  DATA_STATUSES,
  POLARITIES,
} from './schema.js';
import { type Status, worstStatus } from './status.js';

export interface WriteOptions {
  trx?: Db;
}

/** The partnerships of a locality that performance pages name and offer in forms. */
export interface PartnershipSummary {
  id: string;
  name: string;
  layer: string;
  status: string;
  parentId: string | null;
}

export interface PerformanceContext {
  locality: Locality;
  /** Whether the viewer sees draft plans and values awaiting approval. */
  restricted: boolean;
  /** Whether the viewer may manage plans, outcomes, indicators and targets and approve values. */
  canAdminister: boolean;
  /** Whether the viewer may enter values for at least one indicator. */
  canReport: boolean;
  partnerships: PartnershipSummary[];
  partnershipNames: Map<string, string>;
  organisationNames: Map<string, string>;
  themeLabels: Map<string, string>;
  planTypeLabels: Map<string, string>;
}

export interface FrameworkResult extends PerformanceContext {
  plans: PlanView[];
  allPlans: PlanView[];
  query: ReturnType<typeof frameworkQuery.parse>;
  counts: Record<Status, number>;
}

type PerformanceEntity = 'plan' | 'outcome' | 'indicator' | 'target' | 'measurement';
type PerformanceAction = 'create' | 'update' | 'import' | 'approve' | 'reject' | 'merge' | 'enter';

const OPEN_PARTNERSHIP = new Set(['proposed', 'active']);

/** Plans, outcomes, indicators, targets and measurements: the chain from community strategy to indicator. */
export class PerformanceService implements WorkSource {
  readonly repository = new PerformanceRepository();
  /** Whether the shipped national indicators are known to be in this database. */
  private nationalReady = false;

  constructor(private readonly core: CoreServices) {}

  /**
   * The national indicators are seed data, like the reference lists: added when first needed
   * (never in a migration, so a new database stays empty for a restore), never overwritten.
   * Inside a transaction the check is repeated, since the transaction may yet roll back.
   */
  async ensureNationalIndicators(db: Db = this.core.db): Promise<void> {
    if (this.nationalReady) return;
    await this.repository.insertMissingNational(db, NATIONAL_INDICATORS);
    if (!db.isTransaction) this.nationalReady = true;
  }

  /** The library (national and local), the shipped national entries seeded first. */
  private async libraryOf(db: Db, localityId: string): Promise<IndicatorRow[]> {
    await this.ensureNationalIndicators(db);
    return this.repository.library(db, localityId);
  }

  /** Indicators by normalised code, the shipped national entries seeded first. */
  async indicatorsByCode(db: Db, localityId: string): Promise<Map<string, IndicatorRow>> {
    await this.ensureNationalIndicators(db);
    return this.repository.indicatorsByCode(db, localityId);
  }

  private write<T>(options: WriteOptions | undefined, work: (trx: Db) => Promise<T>): Promise<T> {
    return options?.trx ? work(options.trx) : this.core.db.transaction().execute(work);
  }

  /** The audit trail's entity types are the register's; performance records use their own names in the same column. */
  private audit(
    trx: Db,
    principal: Principal,
    entries: Array<
      Omit<RecordInput, 'entityType' | 'action'> & { entityType: PerformanceEntity; action: PerformanceAction }
    >,
  ): Promise<void> {
    return this.core.audit.recordMany(trx, principal, entries);
  }

  // --- reading --------------------------------------------------------------------------------

  async context(principal: Principal, gssCode: string, db: Db = this.core.db): Promise<PerformanceContext> {
    const locality = await this.core.register.locality(gssCode, db);
    const restricted = canReadRestricted(principal, locality);
    // Names and standing only: the full records (with themes and areas) cost several times more,
    // and every performance page starts here.
    const all = await this.core.register.partnerships.summaries(db, locality.id);
    const visible = restricted ? all : all.filter(isPublished);
    const organisations = await this.core.register.organisations.options(db, locality.id);
    const snapshot = await this.core.reference.snapshot(db);
    const partnerships = visible.map(summary);
    return {
      locality,
      restricted,
      canAdminister: canAdministerLocality(principal, locality),
      canReport:
        canAdministerLocality(principal, locality) || all.some((p) => canEditPartnership(principal, locality, p.id)),
      partnerships,
      partnershipNames: new Map(partnerships.map((p) => [p.id, p.name])),
      organisationNames: new Map(organisations.map((o) => [o.id, o.name])),
      themeLabels: new Map(snapshot.items('theme', true).map((t) => [t.code, t.label])),
      planTypeLabels: new Map(snapshot.items('plan-type', true).map((t) => [t.code, t.label])),
    };
  }

  /** The rows a viewer may see: drafts and values awaiting approval only for readers of restricted material. */
  private async visibleData(
    ctx: Pick<PerformanceContext, 'locality' | 'restricted'>,
    db: Db = this.core.db,
  ): Promise<FrameworkData> {
    const data = await this.repository.framework(db, ctx.locality.id, { withPending: ctx.restricted });
    if (ctx.restricted) return data;
    const plans = data.plans.filter((p) => p.status !== 'draft');
    const planIds = new Set(plans.map((p) => p.id));
    const outcomes = data.outcomes.filter((o) => planIds.has(o.plan_id));
    const outcomeIds = new Set(outcomes.map((o) => o.id));
    return { ...data, plans, outcomes, targets: data.targets.filter((t) => outcomeIds.has(t.outcome_id)) };
  }

  async framework(principal: Principal, gssCode: string, query: unknown): Promise<FrameworkResult> {
    const ctx = await this.context(principal, gssCode);
    const q = frameworkQuery.parse(query ?? {});
    const allPlans = buildFramework(await this.visibleData(ctx)).filter(
      (p) => p.plan.status !== 'archived' || q.plan === p.plan.id,
    );
    const plans = filterFramework(allPlans, q);
    return { ...ctx, plans, allPlans, query: q, counts: statusCounts(plans) };
  }

  /** Every plan the viewer may see, archived ones included, with their outcomes and targets. */
  async plans(principal: Principal, gssCode: string): Promise<PerformanceContext & { plans: PlanView[] }> {
    const ctx = await this.context(principal, gssCode);
    return { ...ctx, plans: buildFramework(await this.visibleData(ctx)) };
  }

  /** One target the viewer may see, with its outcome and plan. */
  async target(
    principal: Principal,
    gssCode: string,
    id: string,
  ): Promise<PerformanceContext & { view: TargetView; outcome: OutcomeView; plan: PlanView }> {
    const { plans, ...ctx } = await this.plans(principal, gssCode);
    for (const plan of plans)
      for (const outcome of plan.outcomes) {
        const view = outcome.targets.find((t) => t.target.id === id);
        if (view) return { ...ctx, view, outcome, plan };
      }
    throw new NotFoundError('Target');
  }

  async plan(principal: Principal, gssCode: string, id: string): Promise<PerformanceContext & { view: PlanView }> {
    const ctx = await this.context(principal, gssCode);
    const view = isUuid(id) ? buildFramework(await this.visibleData(ctx)).find((p) => p.plan.id === id) : undefined;
    if (!view) throw new NotFoundError('Plan');
    return { ...ctx, view };
  }

  async outcome(
    principal: Principal,
    gssCode: string,
    id: string,
  ): Promise<PerformanceContext & { view: OutcomeView; planView: PlanView; mergedInto?: OutcomeRow }> {
    const ctx = await this.context(principal, gssCode);
    const data = await this.visibleData(ctx);
    const row = isUuid(id) ? data.outcomes.find((o) => o.id === id) : undefined;
    if (!row) throw new NotFoundError('Outcome');
    if (row.status === 'merged') {
      // A merged outcome lives on as the one it was merged into: show that one, saying so.
      const into = data.outcomes.find((o) => o.id === row.merged_into_id);
      if (into) return { ...(await this.outcome(principal, gssCode, into.id)), mergedInto: into };
    }
    const plans = buildFramework(data);
    const planView = plans.find((p) => p.plan.id === row.plan_id);
    const view = planView?.outcomes.find((o) => o.outcome.id === id);
    if (!planView || !view) throw new NotFoundError('Outcome');
    return { ...ctx, view, planView };
  }

  async library(
    principal: Principal,
    gssCode: string,
  ): Promise<PerformanceContext & { indicators: IndicatorRow[]; used: Set<string> }> {
    const ctx = await this.context(principal, gssCode);
    const [indicators, used] = await Promise.all([
      this.libraryOf(this.core.db, ctx.locality.id),
      this.repository.targetIndicatorIds(this.core.db, ctx.locality.id),
    ]);
    return { ...ctx, indicators, used };
  }

  /** An indicator in a locality: every visible target on it, its approved values and (for readers) those awaiting approval. */
  async indicator(
    principal: Principal,
    gssCode: string,
    id: string,
  ): Promise<
    PerformanceContext & {
      indicator: IndicatorRow;
      targets: Array<{ view: TargetView; outcome: OutcomeView; plan: PlanView }>;
      measurements: MeasurementRow[];
      canReportHere: boolean;
      canEdit: boolean;
    }
  > {
    const ctx = await this.context(principal, gssCode);
    const indicator = isUuid(id) ? await this.repository.indicator(this.core.db, ctx.locality.id, id) : undefined;
    if (!indicator) throw new NotFoundError('Indicator');
    const plans = buildFramework(await this.visibleData(ctx));
    const targets = plans.flatMap((plan) =>
      plan.outcomes.flatMap((outcome) =>
        outcome.targets.filter((t) => t.indicator.id === id).map((view) => ({ view, outcome, plan })),
      ),
    );
    const measurements = await this.repository.measurementsOf(
      this.core.db,
      ctx.locality.id,
      id,
      ctx.restricted ? ['approved', 'pending'] : ['approved'],
    );
    const canReportHere = await this.mayReport(principal, ctx.locality, id);
    return {
      ...ctx,
      indicator,
      targets,
      measurements,
      canReportHere,
      canEdit: this.canEditIndicator(principal, ctx.locality, indicator),
    };
  }

  /** Outcomes with a theme, and their targets with the numbers for charts. */
  async theme(
    principal: Principal,
    gssCode: string,
    theme: string,
  ): Promise<FrameworkResult & { theme: { code: string; label: string } }> {
    const result = await this.framework(principal, gssCode, { theme });
    const label = result.themeLabels.get(theme);
    if (!label) throw new NotFoundError('Theme');
    return { ...result, theme: { code: theme, label } };
  }

  /** A partnership's scorecard: the outcomes it contributes to and how their targets are doing. */
  async scorecard(principal: Principal, gssCode: string, partnershipId: string) {
    const detail = await this.core.register.getPartnership(principal, gssCode, partnershipId);
    const result = await this.framework(principal, gssCode, { partnership: partnershipId });
    const rows = result.plans.flatMap((plan) =>
      plan.outcomes.map((outcome) => ({
        plan,
        outcome,
        roles: rolesOf(partnershipId, outcome, plan),
      })),
    );
    return { ...result, detail, rows, overall: worstStatus(rows.map((r) => r.outcome.status)) };
  }

  /** The three layers: which partnerships sit at each, what they report to, what they deliver, and the gaps. */
  async layers(principal: Principal, gssCode: string) {
    const result = await this.framework(principal, gssCode, {});
    const open = result.partnerships.filter((p) => OPEN_PARTNERSHIP.has(p.status));
    const outcomes = result.plans.flatMap((plan) => plan.outcomes.map((outcome) => ({ plan, outcome })));
    const outcomesOf = new Map<string, Array<{ plan: PlanView; outcome: OutcomeView }>>();
    for (const entry of outcomes) {
      for (const id of partnershipsOf(entry.outcome, entry.plan))
        outcomesOf.set(id, [...(outcomesOf.get(id) ?? []), entry]);
    }
    const layerOf = new Map(open.map((p) => [p.id, p.layer]));
    const byLayer = (['strategic', 'executive', 'operational'] as const).map((layer) => ({
      layer,
      partnerships: open
        .filter((p) => p.layer === layer)
        .map((p) => ({
          ...p,
          reportsTo: p.parentId ? result.partnershipNames.get(p.parentId) : undefined,
          outcomes: outcomesOf.get(p.id) ?? [],
        })),
    }));
    const undelivered = outcomes.filter(
      ({ outcome }) =>
        !outcome.contributors.some(
          (c) =>
            c.layer === 'operational' && (c.organisation_id || (c.partnership_id && layerOf.has(c.partnership_id))),
        ),
    );
    const unlinked = open.filter((p) => p.layer === 'operational' && !outcomesOf.has(p.id));
    return { ...result, byLayer, undelivered, unlinked };
  }

  /** Plans that target the same indicator or much the same outcome: the prompt to integrate them. */
  async overlaps(principal: Principal, gssCode: string): Promise<FrameworkResult & { overlaps: PlanOverlap[] }> {
    const result = await this.framework(principal, gssCode, {});
    if (!result.restricted) refuse(principal, result.locality, 'Page');
    return { ...result, overlaps: findOverlaps(result.allPlans) };
  }

  /** What waits on a locality administrator in the inbox: values entered or imported that await approval before they count. */
  async workFor(principal: Principal): Promise<WorkItem[]> {
    const items: WorkItem[] = [];
    for (const locality of await this.core.register.listLocalities()) {
      if (!principal.grants.some((g) => g.role === 'locality-admin' && g.localityId === locality.id)) continue;
      const pending = await this.repository.pending(this.core.db, locality.id);
      if (pending.length === 0) continue;
      const oldest = pending.reduce((a, b) => (a.entered_at < b.entered_at ? a : b));
      items.push({
        kind: 'action',
        title: `Approve or reject ${pending.length === 1 ? '1 performance value' : `${pending.length} performance values`}`,
        detail: `They do not count until approved; the oldest was entered ${formatDate(oldest.entered_at)}.`,
        link: `/localities/${locality.gss_code}/performance/approvals`,
        localityName: locality.name,
        overdue: false,
        due: null,
      });
    }
    return items;
  }

  async pending(principal: Principal, gssCode: string) {
    const ctx = await this.context(principal, gssCode);
    if (!ctx.canAdminister) refuse(principal, ctx.locality, 'Page');
    return { ...ctx, pending: await this.repository.pending(this.core.db, ctx.locality.id) };
  }

  /** For forms: the plan types, themes and indicators a locality may choose from. */
  async choices(gssCode: string) {
    const locality = await this.core.register.locality(gssCode);
    const snapshot = await this.core.reference.snapshot();
    return {
      planTypes: snapshot.items('plan-type').map((i) => ({ value: i.code, text: i.label })),
      themes: snapshot.items('theme').map((i) => ({ value: i.code, text: i.label })),
      indicators: (await this.libraryOf(this.core.db, locality.id)).map((i) => ({
        value: i.id,
        text: `${i.code}: ${i.title}`,
      })),
    };
  }

  /** The indicators this person may enter values for: all of them for the administrator, their partnerships' for a secretary. */
  async reportableIndicators(principal: Principal, gssCode: string): Promise<Array<{ value: string; text: string }>> {
    const locality = await this.core.register.locality(gssCode);
    const library = await this.libraryOf(this.core.db, locality.id);
    const allowed = await this.reportableIds(principal, locality);
    return library
      .filter((i) => allowed === 'all' || allowed.has(i.id))
      .map((i) => ({ value: i.id, text: `${i.code}: ${i.title}` }));
  }

  private async reportableIds(
    principal: Principal,
    locality: Locality,
    db: Db = this.core.db,
  ): Promise<'all' | Set<string>> {
    if (!principal.canWrite) return new Set();
    if (canAdministerLocality(principal, locality)) return 'all';
    const partnershipIds = principal.grants
      .filter((g) => g.role === 'partnership-secretary' && g.localityId === locality.id && g.partnershipId)
      .map((g) => g.partnershipId as string);
    return this.repository.indicatorsReportedBy(db, locality.id, partnershipIds);
  }

  // --- plans and outcomes ---------------------------------------------------------------------

  private async requireAdmin(principal: Principal, gssCode: string, trx: Db): Promise<Locality> {
    const locality = await this.core.register.locality(gssCode, trx);
    if (!canAdministerLocality(principal, locality)) refuse(principal, locality, 'Page');
    return locality;
  }

  private async checkPartnerships(
    trx: Db,
    locality: Locality,
    ids: Array<string | undefined>,
    field: string,
  ): Promise<void> {
    const wanted = unique(ids.filter((id): id is string => !!id));
    if (!wanted.length) return;
    const found = await this.repository.partnershipsIn(trx, locality.id, wanted);
    if (found.size !== wanted.length)
      throw ValidationError.of(field, 'Choose a partnership of this locality from the list');
  }

  async createPlan(principal: Principal, gssCode: string, input: unknown, options?: WriteOptions): Promise<PlanRow> {
    const data = parseInput(planInput, input);
    return this.write(options, async (trx) => {
      const locality = await this.requireAdmin(principal, gssCode, trx);
      await this.checkPlan(trx, locality, data);
      const plan = await this.repository.insertPlan(trx, { locality_id: locality.id, ...planColumns(data) });
      await this.repository.replacePlanContributors(trx, plan.id, unique(data.contributorIds));
      await this.audit(trx, principal, [
        {
          localityId: locality.id,
          action: 'create',
          entityType: 'plan',
          entityId: plan.id,
          partnershipId: plan.owner_partnership_id,
          summary: `Added the plan ${plan.title}`,
          after: { ...plan, contributorIds: data.contributorIds },
        },
      ]);
      return plan;
    });
  }

  async updatePlan(
    principal: Principal,
    gssCode: string,
    id: string,
    input: unknown,
    options?: WriteOptions,
  ): Promise<PlanRow> {
    const data = parseInput(planInput, input);
    return this.write(options, async (trx) => {
      const locality = await this.requireAdmin(principal, gssCode, trx);
      const before = isUuid(id) ? await this.repository.plan(trx, locality.id, id) : undefined;
      if (!before) throw new NotFoundError('Plan');
      await this.checkPlan(trx, locality, data);
      const updated = await this.repository.updatePlan(trx, id, data.version ?? before.version, planColumns(data));
      if (!updated)
        throw new ConflictError(
          'Someone else changed this plan since you opened it. Reload the page to see their changes, then make yours again.',
        );
      const contributorsBefore = await this.repository.planContributorIds(trx, id);
      await this.repository.replacePlanContributors(trx, id, unique(data.contributorIds));
      await this.audit(trx, principal, [
        {
          localityId: locality.id,
          action: 'update',
          entityType: 'plan',
          entityId: id,
          partnershipId: updated.owner_partnership_id,
          summary: `Changed the plan ${updated.title}`,
          before: { ...before, contributorIds: contributorsBefore },
          after: { ...updated, contributorIds: data.contributorIds },
        },
      ]);
      return updated;
    });
  }

  private async checkPlan(trx: Db, locality: Locality, data: ReturnType<typeof planInput.parse>): Promise<void> {
    const snapshot = await this.core.reference.snapshot(trx);
    if (!snapshot.has('plan-type', data.planType))
      throw ValidationError.of('planType', 'Choose a type of plan from the list');
    await this.checkPartnerships(trx, locality, [data.ownerPartnershipId], 'ownerPartnershipId');
    await this.checkPartnerships(trx, locality, data.contributorIds, 'contributorIds');
  }

  async createOutcome(
    principal: Principal,
    gssCode: string,
    planId: string,
    input: unknown,
    options?: WriteOptions,
  ): Promise<OutcomeRow> {
    const data = parseInput(outcomeInput, input);
    return this.write(options, async (trx) => {
      const locality = await this.requireAdmin(principal, gssCode, trx);
      const plan = isUuid(planId) ? await this.repository.plan(trx, locality.id, planId) : undefined;
      if (!plan) throw new NotFoundError('Plan');
      await this.checkThemes(trx, data.themes);
      const outcome = await this.repository.insertOutcome(trx, {
        locality_id: locality.id,
        plan_id: plan.id,
        title: data.title,
        description: data.description ?? null,
      });
      await this.repository.replaceOutcomeThemes(trx, outcome.id, unique(data.themes));
      await this.audit(trx, principal, [
        {
          localityId: locality.id,
          action: 'create',
          entityType: 'outcome',
          entityId: outcome.id,
          summary: `Added the outcome “${outcome.title}” to ${plan.title}`,
          after: { ...outcome, themes: data.themes },
        },
      ]);
      return outcome;
    });
  }

  async updateOutcome(
    principal: Principal,
    gssCode: string,
    id: string,
    input: unknown,
    options?: WriteOptions,
  ): Promise<OutcomeRow> {
    const data = parseInput(outcomeInput, input);
    return this.write(options, async (trx) => {
      const locality = await this.requireAdmin(principal, gssCode, trx);
      const before = isUuid(id) ? await this.repository.outcome(trx, locality.id, id) : undefined;
      if (!before) throw new NotFoundError('Outcome');
      await this.checkThemes(trx, data.themes);
      const updated = await this.repository.updateOutcome(trx, id, data.version ?? before.version, {
        title: data.title,
        description: data.description ?? null,
      });
      if (!updated)
        throw new ConflictError(
          'Someone else changed this outcome since you opened it. Reload the page and make your changes again.',
        );
      const themesBefore = await this.repository.outcomeThemes(trx, id);
      await this.repository.replaceOutcomeThemes(trx, id, unique(data.themes));
      await this.audit(trx, principal, [
        {
          localityId: locality.id,
          action: 'update',
          entityType: 'outcome',
          entityId: id,
          summary: `Changed the outcome “${updated.title}”`,
          before: { ...before, themes: themesBefore },
          after: { ...updated, themes: data.themes },
        },
      ]);
      return updated;
    });
  }

  private async checkThemes(trx: Db, themes: string[]): Promise<void> {
    const snapshot = await this.core.reference.snapshot(trx);
    const unknown = themes.find((t) => !snapshot.has('theme', t));
    if (unknown) throw ValidationError.of('themes', `Unknown theme “${unknown}”: choose themes from the list`);
  }

  async addContributor(
    principal: Principal,
    gssCode: string,
    outcomeId: string,
    input: unknown,
    options?: WriteOptions,
  ) {
    const data = parseInput(contributorInput, input);
    return this.write(options, async (trx) => {
      const locality = await this.requireAdmin(principal, gssCode, trx);
      const outcome = isUuid(outcomeId) ? await this.repository.outcome(trx, locality.id, outcomeId) : undefined;
      if (!outcome) throw new NotFoundError('Outcome');
      await this.checkPartnerships(trx, locality, [data.partnershipId], 'partnershipId');
      if (data.organisationId) {
        const organisations = await this.core.register.organisations.byIds(trx, locality.id, [data.organisationId]);
        if (!organisations.has(data.organisationId))
          throw ValidationError.of('organisationId', 'Choose an organisation of this locality from the list');
      }
      const existing = await this.repository.contributorsOf(trx, [outcome.id]);
      if (
        existing.some(
          (c) =>
            (data.partnershipId && c.partnership_id === data.partnershipId) ||
            (data.organisationId && c.organisation_id === data.organisationId),
        )
      ) {
        throw ValidationError.of(
          data.partnershipId ? 'partnershipId' : 'organisationId',
          'It already contributes to this outcome',
        );
      }
      const row = await this.repository.insertContributor(trx, {
        outcome_id: outcome.id,
        partnership_id: data.partnershipId ?? null,
        organisation_id: data.organisationId ?? null,
        layer: data.layer,
      });
      await this.audit(trx, principal, [
        {
          localityId: locality.id,
          action: 'update',
          entityType: 'outcome',
          entityId: outcome.id,
          partnershipId: row.partnership_id,
          organisationId: row.organisation_id,
          summary: `Added ${await this.contributorName(trx, row)} as a contributor (${row.layer}) to the outcome “${outcome.title}”`,
          after: { layer: row.layer },
        },
      ]);
      return row;
    });
  }

  async removeContributor(
    principal: Principal,
    gssCode: string,
    outcomeId: string,
    contributorId: string,
    options?: WriteOptions,
  ): Promise<void> {
    return this.write(options, async (trx) => {
      const locality = await this.requireAdmin(principal, gssCode, trx);
      const outcome = isUuid(outcomeId) ? await this.repository.outcome(trx, locality.id, outcomeId) : undefined;
      if (!outcome) throw new NotFoundError('Outcome');
      const removed = isUuid(contributorId)
        ? await this.repository.deleteContributor(trx, outcome.id, contributorId)
        : undefined;
      if (!removed) throw new NotFoundError('Contributor');
      await this.audit(trx, principal, [
        {
          localityId: locality.id,
          action: 'update',
          entityType: 'outcome',
          entityId: outcome.id,
          partnershipId: removed.partnership_id,
          organisationId: removed.organisation_id,
          summary: `Removed ${await this.contributorName(trx, removed)} as a contributor to the outcome “${outcome.title}”`,
          before: { layer: removed.layer },
        },
      ]);
    });
  }

  private async contributorName(
    trx: Db,
    c: { partnership_id: string | null; organisation_id: string | null },
  ): Promise<string> {
    if (c.partnership_id)
      return (
        (await this.core.register.partnerships.names(trx, [c.partnership_id])).get(c.partnership_id) ?? 'a partnership'
      );
    if (c.organisation_id)
      return (
        (await this.core.register.organisations.names(trx, [c.organisation_id])).get(c.organisation_id) ??
        'an organisation'
      );
    return 'a contributor';
  }

  // --- indicators and targets -----------------------------------------------------------------

  async createIndicator(
    principal: Principal,
    gssCode: string,
    input: unknown,
    options?: WriteOptions,
  ): Promise<IndicatorRow> {
    const data = parseInput(indicatorInput, input);
    return this.write(options, async (trx) => {
      const locality = await this.requireAdmin(principal, gssCode, trx);
      const existing = await this.indicatorsByCode(trx, locality.id);
      if (existing.get(normaliseCode(data.code))?.locality_id === locality.id)
        throw ValidationError.of('code', `The code ${data.code} is already used by a local indicator`);
      const [row] = await this.repository.insertIndicators(trx, [indicatorRow(locality.id, data)]);
      if (!row) throw new Error('indicator not written');
      await this.audit(trx, principal, [
        {
          localityId: locality.id,
          action: 'create',
          entityType: 'indicator',
          entityId: row.id,
          summary: `Added the local indicator ${row.code}: ${row.title}`,
          after: row,
        },
      ]);
      return row;
    });
  }

  /**
   * Fills in or corrects an indicator's description. A local indicator is its locality
   * administrator's; a national one (shared by every locality) a system administrator's.
   * The code stays: files and the API refer to indicators by it.
   */
  async updateIndicator(principal: Principal, gssCode: string, id: string, input: unknown): Promise<IndicatorRow> {
    const data = parseInput(indicatorUpdate, input);
    return this.core.db.transaction().execute(async (trx) => {
      const locality = await this.core.register.locality(gssCode, trx);
      const before = isUuid(id) ? await this.repository.indicator(trx, locality.id, id) : undefined;
      if (!before) throw new NotFoundError('Indicator');
      const allowed = before.locality_id
        ? canAdministerLocality(principal, locality)
        : principal.canWrite && isSystem(principal);
      if (!allowed) refuse(principal, locality, 'Indicator');
      const {
        code: _code,
        locality_id: _locality,
        ...values
      } = indicatorRow(before.locality_id, { ...data, code: before.code });
      const updated = await this.repository.updateIndicator(trx, id, data.version ?? before.version, values);
      if (!updated)
        throw new ConflictError(
          'Someone else changed this indicator since you opened it. Reload the page and make your changes again.',
        );
      await this.audit(trx, principal, [
        {
          localityId: before.locality_id,
          action: 'update',
          entityType: 'indicator',
          entityId: id,
          summary: `Changed the ${before.locality_id ? 'local' : 'national'} indicator ${before.code}`,
          before,
          after: updated,
        },
      ]);
      return updated;
    });
  }

  /** Whether this person may change this indicator's description (for showing the link). */
  canEditIndicator(principal: Principal, locality: Locality, indicator: IndicatorRow): boolean {
    return indicator.locality_id
      ? canAdministerLocality(principal, locality)
      : principal.canWrite && isSystem(principal);
  }

  /**
   * Adds indicators from a file, all or nothing. With a locality they are its local
   * indicators (its administrator); without, they join the national library (a system
   * administrator). A code already in the library is reported, never overwritten.
   */
  async importIndicators(
    principal: Principal,
    gssCode: string | null,
    file: { name: string; content: Buffer },
  ): Promise<number> {
    return this.core.db.transaction().execute(async (trx) => {
      const locality = gssCode ? await this.requireAdmin(principal, gssCode, trx) : undefined;
      if (!locality && !(principal.canWrite && isSystem(principal))) refuse(principal, undefined, 'Page');
      const table = await readTable(INDICATOR_COLUMNS, file.name, file.content);
      if (table.issues.length) throw new ImportRejected(table.issues);
      const existing = locality ? await this.indicatorsByCode(trx, locality.id) : await this.nationalByCode(trx);
      const issues: ImportIssue[] = [];
      const rows: Array<ReturnType<typeof indicatorRow>> = [];
      const seen = new Map<string, number>();
      for (const row of table.rows) {
        const issue = (column: string, message: string) =>
          issues.push({ sheet: table.sheet, line: row.line, column, message });
        const input = Object.fromEntries(
          Object.entries(row.cells)
            .filter(([, v]) => v !== '')
            .map(([k, v]) => [k, v]),
        );
        if (input.polarity && !POLARITIES.includes(input.polarity.toLowerCase() as (typeof POLARITIES)[number])) {
          issue('polarity', `Polarity must be higher or lower, not “${input.polarity}”`);
          continue;
        }
        const parsed = indicatorInput.safeParse({ ...input, polarity: input.polarity?.toLowerCase() });
        if (!parsed.success) {
          for (const e of parsed.error.issues) issue(String(e.path[0] ?? ''), e.message);
          continue;
        }
        const key = normaliseCode(parsed.data.code);
        const clash = existing.get(key);
        if (clash && (locality ? clash.locality_id === locality.id : true))
          issue('code', `${parsed.data.code} is already in the library (${clash.title})`);
        else if (seen.has(key)) issue('code', `${parsed.data.code} is also on line ${seen.get(key)}`);
        else rows.push(indicatorRow(locality?.id ?? null, parsed.data));
        seen.set(key, row.line);
      }
      if (issues.length) throw new ImportRejected(issues);
      const written = await this.repository.insertIndicators(trx, rows);
      await this.audit(trx, principal, [
        {
          localityId: locality?.id ?? null,
          action: 'import',
          entityType: 'indicator',
          entityId: locality?.id ?? 'national',
          summary: `Imported ${written.length} ${locality ? 'local' : 'national'} indicator${written.length === 1 ? '' : 's'} from ${file.name}`,
          after: { codes: written.map((w) => w.code) },
        },
      ]);
      return written.length;
    });
  }

  private async nationalByCode(trx: Db): Promise<Map<string, IndicatorRow>> {
    await this.ensureNationalIndicators(trx);
    return new Map((await this.repository.nationalIndicators(trx)).map((r) => [normaliseCode(r.code), r]));
  }

  async createTarget(
    principal: Principal,
    gssCode: string,
    outcomeId: string,
    input: unknown,
    options?: WriteOptions,
  ): Promise<TargetRow> {
    const data = parseInput(targetInput, input);
    return this.write(options, async (trx) => {
      const locality = await this.requireAdmin(principal, gssCode, trx);
      const outcome = isUuid(outcomeId) ? await this.repository.outcome(trx, locality.id, outcomeId) : undefined;
      if (!outcome) throw new NotFoundError('Outcome');
      const indicator = await this.checkTarget(trx, locality, data);
      const existing = await this.repository.targetsOfOutcomes(trx, [outcome.id]);
      if (existing.some((t) => t.indicator_id === data.indicatorId))
        throw ValidationError.of(
          'indicatorId',
          `This outcome already has a target on ${indicator.code}: change that one`,
        );
      const target = await this.repository.insertTarget(trx, {
        locality_id: locality.id,
        outcome_id: outcome.id,
        indicator_id: indicator.id,
        baseline_value: data.baselineValue ?? null,
        baseline_year: data.baselineYear ?? null,
        amber_tolerance: data.amberTolerance,
        red_tolerance: data.redTolerance,
        accountable_partnership_id: data.accountablePartnershipId ?? null,
        accountable_officer: data.accountableOfficer ?? null,
      });
      await this.repository.replaceTrajectory(trx, target.id, data.trajectory);
      await this.audit(trx, principal, [
        {
          localityId: locality.id,
          action: 'create',
          entityType: 'target',
          entityId: target.id,
          partnershipId: target.accountable_partnership_id,
          summary: `Set a target on ${indicator.code} for “${outcome.title}”`,
          after: { ...target, trajectory: describeTrajectory(data.trajectory) },
        },
      ]);
      return target;
    });
  }

  async updateTarget(
    principal: Principal,
    gssCode: string,
    id: string,
    input: unknown,
    options?: WriteOptions,
  ): Promise<TargetRow> {
    const data = parseInput(targetInput, input);
    return this.write(options, async (trx) => {
      const locality = await this.requireAdmin(principal, gssCode, trx);
      const before = isUuid(id) ? await this.repository.target(trx, locality.id, id) : undefined;
      if (!before) throw new NotFoundError('Target');
      if (data.indicatorId !== before.indicator_id)
        throw ValidationError.of('indicatorId', 'A target’s indicator cannot change: add a new target instead');
      const indicator = await this.checkTarget(trx, locality, data);
      const updated = await this.repository.updateTarget(trx, id, data.version ?? before.version, {
        baseline_value: data.baselineValue ?? null,
        baseline_year: data.baselineYear ?? null,
        amber_tolerance: data.amberTolerance,
        red_tolerance: data.redTolerance,
        accountable_partnership_id: data.accountablePartnershipId ?? null,
        accountable_officer: data.accountableOfficer ?? null,
      });
      if (!updated)
        throw new ConflictError(
          'Someone else changed this target since you opened it. Reload the page and make your changes again.',
        );
      const trajectoryBefore = await this.repository.trajectory(trx, id);
      await this.repository.replaceTrajectory(trx, id, data.trajectory);
      await this.audit(trx, principal, [
        {
          localityId: locality.id,
          action: 'update',
          entityType: 'target',
          entityId: id,
          partnershipId: updated.accountable_partnership_id,
          summary: `Changed the target on ${indicator.code}`,
          before: { ...before, trajectory: describeTrajectory(trajectoryBefore) },
          after: { ...updated, trajectory: describeTrajectory(data.trajectory) },
        },
      ]);
      return updated;
    });
  }

  private async checkTarget(
    trx: Db,
    locality: Locality,
    data: ReturnType<typeof targetInput.parse>,
  ): Promise<IndicatorRow> {
    const indicator = await this.repository.indicator(trx, locality.id, data.indicatorId);
    if (!indicator) throw ValidationError.of('indicatorId', 'Choose an indicator from the library');
    if (!indicator.polarity)
      throw ValidationError.of(
        'indicatorId',
        `${indicator.code} does not say whether higher or lower is better: a target needs that to be judged. Choose another, or add a local indicator that says.`,
      );
    await this.checkPartnerships(trx, locality, [data.accountablePartnershipId], 'accountablePartnershipId');
    return indicator;
  }

  async targetForEdit(principal: Principal, gssCode: string, id: string) {
    const ctx = await this.context(principal, gssCode);
    if (!ctx.canAdminister) refuse(principal, ctx.locality, 'Page');
    const target = isUuid(id) ? await this.repository.target(this.core.db, ctx.locality.id, id) : undefined;
    if (!target) throw new NotFoundError('Target');
    const [trajectory, indicator, outcome] = await Promise.all([
      this.repository.trajectory(this.core.db, id),
      this.repository.indicator(this.core.db, ctx.locality.id, target.indicator_id),
      this.repository.outcome(this.core.db, ctx.locality.id, target.outcome_id),
    ]);
    if (!indicator || !outcome) throw new NotFoundError('Target');
    return { ...ctx, target, trajectory, indicator, outcome };
  }

  // --- measurements ---------------------------------------------------------------------------

  /** Who may enter values for an indicator: the administrator, or a secretary of a partnership accountable for a target on it or owning its plan. */
  private async mayReport(
    principal: Principal,
    locality: Locality,
    indicatorId: string,
    db: Db = this.core.db,
  ): Promise<boolean> {
    const allowed = await this.reportableIds(principal, locality, db);
    return allowed === 'all' || allowed.has(indicatorId);
  }

  /** Enters a value for a year. It waits for the administrator's approval before it counts or is shown publicly. */
  async recordMeasurement(
    principal: Principal,
    gssCode: string,
    input: unknown,
    options?: WriteOptions,
  ): Promise<MeasurementRow> {
    return this.write(options, async (trx) => {
      const locality = await this.core.register.locality(gssCode, trx);
      if (
        !principal.canWrite ||
        !(
          canAdministerLocality(principal, locality) ||
          principal.grants.some((g) => g.role === 'partnership-secretary' && g.localityId === locality.id)
        )
      )
        refuse(principal, locality, 'Page');
      const data = parseInput(measurementInput, input);
      const indicator = await this.repository.indicator(trx, locality.id, data.indicatorId);
      if (!indicator) throw ValidationError.of('indicatorId', 'Choose an indicator from the library');
      if (!(await this.mayReport(principal, locality, indicator.id, trx))) refuse(principal, locality, 'Indicator');
      const row = await this.repository.upsertPending(trx, {
        locality_id: locality.id,
        indicator_id: indicator.id,
        year: data.year,
        value: data.value,
        data_status: data.dataStatus,
        note: data.note ?? null,
        entered_by: principal.label,
      });
      await this.audit(trx, principal, [
        {
          localityId: locality.id,
          action: 'enter',
          entityType: 'measurement',
          entityId: row.id,
          summary: `Entered ${indicator.code} for ${yearLabel(data.year)}: ${data.value} (${data.dataStatus}), awaiting approval`,
          after: row,
        },
      ]);
      await this.notifyApprovers(
        trx,
        locality,
        principal,
        `A value for ${indicator.code} awaits approval`,
        `${principal.label} entered ${data.value} for ${indicator.code} (${indicator.title}) for ${yearLabel(data.year)}. It will count toward status and be published once approved.`,
      );
      return row;
    });
  }

  private async notifyApprovers(
    trx: Db,
    locality: Locality,
    principal: Principal,
    subject: string,
    body: string,
  ): Promise<void> {
    await this.core.notifications.notify(
      {
        roles: [{ role: 'locality-admin', localityId: locality.id }],
        except: principal.userId,
        localityId: locality.id,
        subject,
        body,
        link: `/localities/${locality.gss_code}/performance/approvals`,
      },
      { trx },
    );
  }

  /**
   * Imports values from a CSV or XLSX file, all or nothing: every row is checked (indicator
   * known and reportable by this person, year, number, data status, no year given twice) and
   * if any row has a problem nothing is written and every problem is listed by line.
   */
  async importMeasurements(
    principal: Principal,
    gssCode: string,
    file: { name: string; content: Buffer },
  ): Promise<number> {
    return this.core.db.transaction().execute(async (trx) => {
      const locality = await this.core.register.locality(gssCode, trx);
      if (
        !principal.canWrite ||
        !(
          canAdministerLocality(principal, locality) ||
          principal.grants.some((g) => g.role === 'partnership-secretary' && g.localityId === locality.id)
        )
      )
        refuse(principal, locality, 'Page');
      const table = await readTable(MEASUREMENT_COLUMNS, file.name, file.content);
      if (table.issues.length) throw new ImportRejected(table.issues);
      const rows = await this.checkMeasurementRows(trx, principal, locality, table.sheet, table.rows);
      if (rows.issues.length) throw new ImportRejected(rows.issues);
      const written: MeasurementRow[] = [];
      for (const row of rows.values)
        written.push(
          await this.repository.upsertPending(trx, { ...row, locality_id: locality.id, entered_by: principal.label }),
        );
      await this.audit(trx, principal, [
        {
          localityId: locality.id,
          action: 'import',
          entityType: 'measurement',
          entityId: locality.id,
          summary: `Imported ${written.length} value${written.length === 1 ? '' : 's'} from ${file.name}, awaiting approval`,
          after: { ids: written.map((w) => w.id) },
        },
      ]);
      await this.notifyApprovers(
        trx,
        locality,
        principal,
        `${written.length} imported value${written.length === 1 ? '' : 's'} await approval`,
        `${principal.label} imported ${written.length} value${written.length === 1 ? '' : 's'} from ${file.name}. They will count toward status and be published once approved.`,
      );
      return written.length;
    });
  }

  private async checkMeasurementRows(
    trx: Db,
    principal: Principal,
    locality: Locality,
    sheet: string,
    rows: Array<{ line: number; cells: Record<string, string> }>,
  ) {
    const byCode = await this.indicatorsByCode(trx, locality.id);
    const reportable = new Map<string, boolean>();
    const issues: ImportIssue[] = [];
    const values: Array<Pick<MeasurementRow, 'indicator_id' | 'year' | 'value' | 'data_status' | 'note'>> = [];
    const seen = new Map<string, number>();
    for (const { line, cells } of rows) {
      const issue = (column: string, message: string) => issues.push({ sheet, line, column, message });
      const before = issues.length;
      const indicator = byCode.get(normaliseCode(cells.indicator ?? ''));
      if (!cells.indicator) issue('indicator', 'Enter the indicator’s code');
      else if (!indicator)
        issue('indicator', `No indicator ${cells.indicator} in the library: add it first, or check the code`);
      else {
        if (!reportable.has(indicator.id))
          reportable.set(indicator.id, await this.mayReport(principal, locality, indicator.id, trx));
        if (!reportable.get(indicator.id))
          issue(
            'indicator',
            `You may not enter values for ${indicator.code}: only the administrator, or a secretary of a partnership accountable for it`,
          );
      }
      const year = parseYear(cells.year ?? '');
      if (year === undefined) issue('year', `“${cells.year ?? ''}” is not a financial year like 2024/25`);
      const text = (cells.value ?? '').replace(/,/g, '');
      const value = /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : undefined;
      if (value === undefined) issue('value', `“${cells.value ?? ''}” is not a number`);
      const dataStatus = (cells.data_status ?? '').toLowerCase();
      if (!DATA_STATUSES.includes(dataStatus as (typeof DATA_STATUSES)[number]))
        issue('data_status', `Data status must be provisional or final, not “${cells.data_status ?? ''}”`);
      if ((cells.note ?? '').length > 1000) issue('note', 'Note must be 1000 characters or fewer');
      if (issues.length > before || !indicator || year === undefined || value === undefined) continue;
      const key = `${indicator.id}:${year}`;
      if (seen.has(key)) {
        issue('year', `${indicator.code} for ${yearLabel(year)} is also on line ${seen.get(key)}`);
        continue;
      }
      seen.set(key, line);
      values.push({ indicator_id: indicator.id, year, value, data_status: dataStatus, note: cells.note || null });
    }
    return { issues, values };
  }

  /** Approves or rejects values awaiting approval: an approved value replaces the year's earlier one and counts from then on. */
  async decideMeasurements(
    principal: Principal,
    gssCode: string,
    input: unknown,
    options?: WriteOptions,
  ): Promise<number> {
    return this.write(options, async (trx) => {
      const locality = await this.requireAdmin(principal, gssCode, trx);
      const data = parseInput(decisionInput, input);
      const rows = await this.repository.pendingByIds(trx, locality.id, unique(data.measurementIds));
      if (rows.length !== unique(data.measurementIds).length)
        throw ValidationError.of(
          'measurementIds',
          'Some of those values were already decided, or are not awaiting approval: reload the page',
        );
      for (const row of rows) await this.repository.decide(trx, row, data.decision, principal.label);
      const action = data.decision === 'approve' ? 'approve' : 'reject';
      await this.audit(
        trx,
        principal,
        rows.map((row) => ({
          localityId: locality.id,
          action,
          entityType: 'measurement' as const,
          entityId: row.id,
          summary: `${action === 'approve' ? 'Approved' : 'Rejected'} the value ${row.value} for ${yearLabel(row.year)}`,
          before: row,
        })),
      );
      return rows.length;
    });
  }

  /**
   * The demo seed and other trusted bulk loaders: values that arrive already approved
   * (history from before the locality used Joined Up). Only the administrator or the system.
   */
  async loadApprovedHistory(
    principal: Principal,
    gssCode: string,
    rows: Array<{
      indicatorId: string;
      year: number;
      value: number;
      dataStatus: 'provisional' | 'final';
      note?: string;
    }>,
    options?: WriteOptions,
  ): Promise<number> {
    return this.write(options, async (trx) => {
      const locality = await this.requireAdmin(principal, gssCode, trx);
      await this.repository.insertApproved(
        trx,
        rows.map((r) => ({
          locality_id: locality.id,
          indicator_id: r.indicatorId,
          year: r.year,
          value: r.value,
          data_status: r.dataStatus,
          note: r.note ?? null,
          entered_by: principal.label,
        })),
      );
      await this.audit(trx, principal, [
        {
          localityId: locality.id,
          action: 'import',
          entityType: 'measurement',
          entityId: locality.id,
          summary: `Loaded ${rows.length} approved historical values`,
          after: { count: rows.length },
        },
      ]);
      return rows.length;
    });
  }

  // --- merging outcomes -----------------------------------------------------------------------

  /** What a merge would do, for the guided merge's check page. */
  async mergePreview(principal: Principal, gssCode: string, input: unknown) {
    const result = await this.framework(principal, gssCode, {});
    if (!result.canAdminister) refuse(principal, result.locality, 'Page');
    const data = parseInput(mergeInput, input);
    const outcomes = result.allPlans.flatMap((p) => p.outcomes);
    const keep = outcomes.find((o) => o.outcome.id === data.keepId);
    const merging = data.mergeIds
      .filter((id) => id !== data.keepId)
      .map((id) => outcomes.find((o) => o.outcome.id === id));
    if (!keep) throw ValidationError.of('keepId', 'Choose the outcome to keep from the list');
    if (!merging.length || merging.some((o) => !o))
      throw ValidationError.of('mergeIds', 'Choose at least one other active outcome to merge into it');
    const others = merging as OutcomeView[];
    const keptIndicators = new Set(keep.targets.map((t) => t.indicator.id));
    const movingTargets = others.flatMap((o) => o.targets.filter((t) => !keptIndicators.has(t.indicator.id)));
    const duplicateTargets = others.flatMap((o) => o.targets.filter((t) => keptIndicators.has(t.indicator.id)));
    const keptContributors = new Set(keep.contributors.map((c) => c.partnership_id ?? c.organisation_id));
    const movingContributors = others.flatMap((o) =>
      o.contributors.filter((c) => !keptContributors.has(c.partnership_id ?? c.organisation_id)),
    );
    const themes = unique([...keep.themes, ...others.flatMap((o) => o.themes)]);
    return { ...result, data, keep, others, movingTargets, duplicateTargets, movingContributors, themes };
  }

  /**
   * Merges outcomes into one, keeping every link: targets on other indicators, contributing
   * partnerships and organisations and themes move to the kept outcome. A target on an
   * indicator the kept outcome already targets is folded into the kept target (the kept
   * target's trajectory stands; the measurements are the indicator's and are untouched).
   * The merged outcomes stay on record as merged into the kept one.
   */
  async mergeOutcomes(principal: Principal, gssCode: string, input: unknown): Promise<OutcomeRow> {
    const preview = await this.mergePreview(principal, gssCode, input);
    const { keep, others, data } = preview;
    return this.core.db.transaction().execute(async (trx) => {
      const locality = await this.requireAdmin(principal, gssCode, trx);
      const keptIndicators = new Set(keep.targets.map((t) => t.indicator.id));
      const keptContributors = new Set(keep.contributors.map((c) => c.partnership_id ?? c.organisation_id));
      for (const other of others) {
        for (const t of other.targets) {
          if (keptIndicators.has(t.indicator.id)) await this.repository.deleteTarget(trx, t.target.id);
          else {
            await this.repository.updateTarget(trx, t.target.id, t.target.version, { outcome_id: keep.outcome.id });
            keptIndicators.add(t.indicator.id);
          }
        }
        for (const c of other.contributors) {
          const key = c.partnership_id ?? c.organisation_id;
          if (!keptContributors.has(key)) {
            await this.repository.insertContributor(trx, {
              outcome_id: keep.outcome.id,
              partnership_id: c.partnership_id,
              organisation_id: c.organisation_id,
              layer: c.layer,
            });
            keptContributors.add(key);
          }
        }
        const merged = await this.repository.updateOutcome(trx, other.outcome.id, other.outcome.version, {
          status: 'merged',
          merged_into_id: keep.outcome.id,
        });
        if (!merged) throw new ConflictError('An outcome changed while you were merging: reload and try again');
      }
      await this.repository.replaceOutcomeThemes(trx, keep.outcome.id, preview.themes);
      const title = data.title ?? keep.outcome.title;
      const kept = await this.repository.updateOutcome(trx, keep.outcome.id, keep.outcome.version, { title });
      if (!kept) throw new ConflictError('The outcome changed while you were merging: reload and try again');
      await this.audit(trx, principal, [
        {
          localityId: locality.id,
          action: 'merge',
          entityType: 'outcome',
          entityId: kept.id,
          summary: `Merged ${others.map((o) => `“${o.outcome.title}” (${o.plan.title})`).join(', ')} into “${title}” (${keep.plan.title})`,
          before: {
            kept: keep.outcome,
            merged: others.map((o) => o.outcome),
            targets: others.flatMap((o) => o.targets.map((t) => t.target)),
          },
          after: kept,
        },
      ]);
      return kept;
    });
  }

  // --- what other capabilities call ----------------------------------------------------------

  /**
   * Rationalisation calls this inside its transaction when partnerships merge: every plan
   * owner and contributor, outcome contributor and accountable partnership that named one of
   * `fromIds` names `toId` instead, with no duplicates. Returns how many links moved.
   */
  async carryPartnershipLinks(trx: Db, fromIds: string[], toId: string): Promise<number> {
    return this.repository.carryPartnershipLinks(trx, unique(fromIds), toId);
  }

  /** The outcomes of a locality's plans, for a proposal to say which it serves. */
  async outcomeChoices(
    localityId: string,
    options: { trx?: Db } = {},
  ): Promise<Array<{ id: string; title: string; planTitle: string }>> {
    return this.repository.outcomeChoices(options.trx ?? this.core.db, localityId);
  }
}

function summary(p: Pick<PartnershipRecord, 'id' | 'name' | 'layer' | 'status' | 'parent_id'>): PartnershipSummary {
  return { id: p.id, name: p.name, layer: p.layer, status: p.status, parentId: p.parent_id };
}

function rolesOf(partnershipId: string, outcome: OutcomeView, plan: PlanView): string[] {
  const roles: string[] = [];
  if (plan.plan.owner_partnership_id === partnershipId) roles.push('Owns the plan');
  if (plan.contributorIds.includes(partnershipId)) roles.push('Contributes to the plan');
  for (const c of outcome.contributors) if (c.partnership_id === partnershipId) roles.push(`Contributes (${c.layer})`);
  if (outcome.targets.some((t) => t.target.accountable_partnership_id === partnershipId))
    roles.push('Accountable for a target');
  return roles;
}

/** A trajectory as the history page shows it: "2024/25: 19". */
function describeTrajectory(points: Array<{ year: number; value: number }>): string[] {
  return points.map((p) => `${yearLabel(p.year)}: ${p.value}`);
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

export type { FieldError, ColumnSpec };

/** A plan's own columns from its input, the same for adding and changing one. */
function planColumns(data: ReturnType<typeof planInput.parse>) {
  return {
    title: data.title,
    plan_type: data.planType,
    owner_partnership_id: data.ownerPartnershipId ?? null,
    start_year: data.startYear,
    end_year: data.endYear,
    status: data.status,
    document_url: data.documentUrl ?? null,
    summary: data.summary ?? null,
  };
}
