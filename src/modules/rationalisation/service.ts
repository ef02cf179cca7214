import { type Principal, SYSTEM } from '../../core/actor.js';
import { formatDate, todayInLondon } from '../../core/dates.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../core/errors.js';
import type { CoreServices } from '../../core/services.js';
import { parseInput, isUuid } from '../../core/validation.js';
import type { Db } from '../../db/database.js';
import type { Locality } from '../../db/tables.js';
import {
  canAdministerLocality,
  canEditPartnership,
  canReadRestricted,
  isRegionalAdviser,
  refuse,
  requireLocalityAdmin,
} from '../accounts/policy.js';
import type { GatekeeperService } from '../gatekeeper/service.js';
import { DEFAULT_COST_RATES, type SectorOf, resolveRates, yearlyCost } from '../overlap/costs.js';
import { OverlapRepository } from '../overlap/repository.js';
import type { PartnershipFeatures, Sector } from '../overlap/types.js';
import type { PerformanceService } from '../performance/service.js';
import type { WorkItem, WorkSource } from '../notifications/service.js';
import { membershipsAsAt, partnershipsAsAt } from '../register/as-at.js';
import type { MembershipView, PartnershipRecord } from '../register/repository.js';
import { hasSeparateLegalStatus } from '../register/service.js';
import {
  type Comparison,
  type Figures,
  type PlannedOperationWithPattern,
  compare,
  figures,
  mergedPattern,
} from './comparison.js';
import { type NewOperation, RationalisationRepository } from './repository.js';
import {
  type CarriedOutPlan,
  type ChangedSince,
  type ConsentState,
  type Problem,
  type Readiness,
  type RulePartnership,
  affectedPartnerships,
  changedSince,
  checkPlan,
  consentState,
  groupParent,
  readiness,
  removedBy,
} from './rules.js';
import {
  type CommentRow,
  type ConsentRow,
  type OperationRow,
  type PlanRow,
  commentInput,
  consentInput,
  operationInput,
  planInput,
  planUpdate,
} from './schema.js';

/** Who carries out an agreed plan when its effective date comes: the audit trail says so. */
const ON_THE_EFFECTIVE_DATE: Principal = {
  ...SYSTEM,
  id: 'system:effective-date',
  label: 'Joined Up, on the agreed effective date',
};

export interface RationalisationDependencies extends CoreServices {
  performance: PerformanceService;
  gatekeeper: GatekeeperService;
}

export interface OperationView extends OperationRow {
  subjects: Array<{ id: string; name: string }>;
  targetName: string | null;
  resultName: string | null;
  problems: Problem[];
}

/** What a merge would make: everyone who would sit on the merged board, and its meeting pattern. */
export interface MergePreview {
  operationId: string;
  intoName: string;
  members: Array<{
    organisationId: string;
    name: string;
    representative: string | null;
    sector: string;
    from: string[];
    role: string;
  }>;
  before: Array<{ name: string; meetingsPerYear: number | null; meetingMinutes: number | null; members: number }>;
  after: {
    meetingsPerYear: number | null;
    meetingMinutes: number | null;
    typicalAttendance: number | null;
    members: number;
  };
}

export interface PlanDetail {
  locality: Locality;
  plan: PlanRow;
  operations: OperationView[];
  problems: Problem[];
  affected: Array<{ id: string; name: string; answer?: ConsentRow; canRecord: boolean }>;
  consent: ConsentState;
  consents: Array<ConsentRow & { partnershipName: string }>;
  comments: CommentRow[];
  readiness: Readiness;
  /** Plans carried out since this open plan was last amended or reviewed that changed its partnerships. */
  changed: ChangedSince[];
  comparison: Comparison;
  previews: MergePreview[];
  names: Map<string, string>;
  canAdminister: boolean;
  canComment: boolean;
  today: string;
}

export interface LineageNode {
  id: string;
  name: string;
  reference: string;
  status: string;
  establishedOn: string | null;
  closedOn: string | null;
  origin: { kind: 'proposal' | 'plan' | 'import' | 'creation'; text: string; href?: string; on?: string | Date };
  predecessors: string[];
  depth: number;
}

export interface LineageView {
  locality: Locality;
  partnership: { id: string; name: string; reference: string; status: string; layer: string };
  predecessors: Array<{
    id: string;
    name: string;
    how: string;
    planId: string | null;
    planReference: string | null;
    on: string;
  }>;
  successors: Array<{
    id: string | null;
    name: string | null;
    how: string;
    planId: string | null;
    planReference: string | null;
    on: string;
    detail: string | null;
  }>;
  /** Partnerships a plan nested under this one, or made report to it. */
  nestedHere: Array<{
    id: string;
    name: string;
    how: string;
    planId: string | null;
    planReference: string | null;
    on: string;
  }>;
  chain: LineageNode[];
}

export interface WriteOptions {
  trx?: Db;
}

interface Context {
  locality: Locality;
  plan: PlanRow;
  operations: OperationRow[];
}

const OPEN = new Set(['proposed', 'active']);
const ROLE_RANK = ['chair', 'vice-chair', 'accountable-body', 'member', 'observer'];

export const planned = (op: OperationRow): PlannedOperationWithPattern => ({
  kind: op.kind,
  subjectIds: op.subject_ids,
  targetId: op.target_id,
  newName: op.new_name,
  newLayer: op.new_layer,
  changeParent: op.change_parent,
  reason: op.reason,
  meetingsPerYear: op.meetings_per_year,
  meetingMinutes: op.meeting_minutes,
});

/** Rationalisation plans (merge, nest, close, re-layer), consent, execution and lineage. */
export class RationalisationService implements WorkSource {
  readonly repository = new RationalisationRepository();
  private readonly features = new OverlapRepository();

  constructor(private readonly deps: RationalisationDependencies) {}

  private get db(): Db {
    return this.deps.db;
  }

  /** Runs inside the caller's transaction (the demo seed) or a new one. */
  private write<T>(options: WriteOptions, work: (trx: Db) => Promise<T>): Promise<T> {
    return options.trx ? work(options.trx) : this.db.transaction().execute(work);
  }

  private async readable(principal: Principal, gssCode: string): Promise<Locality> {
    const locality = await this.deps.register.locality(gssCode);
    if (!canReadRestricted(principal, locality)) refuse(principal, locality, 'Page');
    return locality;
  }

  private async context(db: Db, locality: Locality, id: string, lock = false): Promise<Context> {
    const plan = isUuid(id)
      ? await (lock ? this.repository.lockPlan(db, locality.id, id) : this.repository.getPlan(db, locality.id, id))
      : undefined;
    if (!plan) throw new NotFoundError('Rationalisation plan');
    return { locality, plan, operations: await this.repository.operations(db, plan.id) };
  }

  private async planEvent(
    trx: Db,
    principal: Principal,
    locality: Locality,
    plan: { id: string },
    action: 'create' | 'update' | 'consent' | 'comment' | 'carry-out',
    summary: string,
    after?: unknown,
  ): Promise<void> {
    await this.deps.audit.record(trx, principal, {
      localityId: locality.id,
      action,
      entityType: 'rationalisation-plan',
      entityId: plan.id,
      summary,
      after,
    });
  }

  /** The register as the rules see it: every partnership with its legal and statutory standing. */
  private async ruleRegister(
    db: Db,
    locality: Locality,
  ): Promise<{ register: Map<string, RulePartnership>; records: PartnershipRecord[] }> {
    const records = await this.deps.register.partnerships.allForLocality(db, locality.id);
    const snapshot = await this.deps.reference.snapshot(db);
    const register = new Map(
      records.map((p) => [
        p.id,
        {
          id: p.id,
          name: p.name,
          status: p.status,
          parentId: p.parent_id,
          layer: p.layer,
          statutory: p.basis === 'statutory',
          separateLegalStatus: hasSeparateLegalStatus(snapshot, p.legal_form),
        },
      ]),
    );
    return { register, records };
  }

  private async openFeatures(
    db: Db,
    locality: Locality,
  ): Promise<{
    open: PartnershipFeatures[];
    sectorOf: SectorOf;
    organisations: Map<string, { name: string; sector: Sector }>;
  }> {
    const snapshot = await this.deps.reference.snapshot(db);
    const open = await this.features.features(db, locality.id, (form) => hasSeparateLegalStatus(snapshot, form));
    const organisations = new Map(
      (await this.features.organisations(db, locality.id)).map((o) => [o.id, { name: o.name, sector: o.sector }]),
    );
    return { open, organisations, sectorOf: (id) => organisations.get(id)?.sector };
  }

  /** The locality's carried-out plans and the partnerships each changed. */
  private async carriedOutPlans(db: Db, localityId: string): Promise<CarriedOutPlan[]> {
    const plans = (await this.repository.listPlans(db, localityId)).filter(
      (p) => p.status === 'carried-out' && p.carried_out_at,
    );
    const result: CarriedOutPlan[] = [];
    for (const p of plans) {
      const stored = (p.comparison as { affectedIds?: string[] } | null)?.affectedIds;
      result.push({
        id: p.id,
        reference: p.reference,
        title: p.title,
        carriedOutAt: new Date(p.carried_out_at as Date),
        affectedIds: stored ?? affectedPartnerships((await this.repository.operations(db, p.id)).map(planned)),
      });
    }
    return result;
  }

  /** Where an open plan stands: its partnerships, their answers, the rules, and what changed under it. */
  private async openPlanState(
    db: Db,
    plan: PlanRow,
    register: Map<string, RulePartnership>,
    carried: CarriedOutPlan[],
  ) {
    const ops = (await this.repository.operations(db, plan.id)).map(planned);
    const affected = affectedPartnerships(ops);
    const consents = await this.repository.consents(db, plan.id);
    const consent = consentOf(affected, consents, plan.consent_round);
    const changed = changedSince(new Date(plan.updated_at), affected, carried);
    return { ops, affected, consent, changed, problems: checkPlan(ops, register) };
  }

  private notifyAdviser(
    trx: Db,
    principal: Principal,
    locality: Locality,
    plan: PlanRow,
    subject: string,
    body: string,
  ) {
    return this.deps.notifications.notify(
      {
        roles: [{ role: 'go-adviser', region: locality.region }],
        except: principal.userId,
        localityId: locality.id,
        subject,
        body,
        link: `/localities/${locality.gss_code}/rationalisation/${plan.id}`,
      },
      { trx },
    );
  }

  private askForConsent(
    trx: Db,
    principal: Principal,
    locality: Locality,
    plan: PlanRow,
    partnershipIds: string[],
    names: Map<string, string>,
  ) {
    return this.deps.notifications.notify(
      {
        roles: partnershipIds.map((partnershipId) => ({ role: 'partnership-secretary' as const, partnershipId })),
        except: principal.userId,
        localityId: locality.id,
        subject: `Your agreement is asked: ${plan.reference} ${plan.title}`,
        body: `${locality.name}’s rationalisation plan ${plan.reference} affects ${partnershipIds.map((id) => names.get(id) ?? 'a partnership').join(', ')}.${plan.consent_round > 1 ? ' The plan has changed, so earlier answers no longer count.' : ''} Please record your partnership’s agreement, conditions or objection.`,
        link: `/localities/${locality.gss_code}/rationalisation/${plan.id}#consent`,
      },
      { trx },
    );
  }

  // --- plans --------------------------------------------------------------------------------

  async listPlans(principal: Principal, gssCode: string) {
    const locality = await this.readable(principal, gssCode);
    const rows = await this.repository.listPlans(this.db, locality.id);
    const carried = await this.carriedOutPlans(this.db, locality.id);
    const { register } = await this.ruleRegister(this.db, locality);
    // Where agreement stands on each open plan, and whether a plan carried out since changed it.
    const plans = [];
    for (const plan of rows) {
      if (plan.status !== 'open') {
        plans.push({ ...plan, agreement: undefined, needsReview: false });
        continue;
      }
      const state = await this.openPlanState(this.db, plan, register, carried);
      plans.push({
        ...plan,
        agreement: {
          agreed: state.consent.agreed.length + state.consent.withConditions.length,
          objected: state.consent.objected.length,
          of: state.affected.length,
        },
        needsReview: state.changed.length > 0,
      });
    }
    return { locality, plans, canAdminister: canAdministerLocality(principal, locality) };
  }

  /** What the new-plan form starts from: a cluster's partnerships and suggested title, when there is one. */
  /**
   * The values a new plan's form starts with: from an overlap group, from one partnership some
   * other page recommends changing (`about`, with the reason it gives), or blank.
   */
  async newPlanDraft(
    principal: Principal,
    gssCode: string,
    clusterId?: string,
    about?: { partnershipId: string; because?: string },
  ) {
    const locality = await this.deps.register.locality(gssCode);
    requireLocalityAdmin(principal, locality, 'Page');
    if (!clusterId && about) {
      const { partnership } = await this.deps.register.getPartnership(principal, gssCode, about.partnershipId);
      const values: Record<string, unknown> = {
        title: `The future of ${partnership.name}`,
        rationale: about.because ?? '',
        effectiveOn: todayInLondon(),
        partnershipId: partnership.id,
      };
      return { locality, values, cluster: undefined, partnership: { id: partnership.id, name: partnership.name } };
    }
    if (!clusterId)
      return { locality, values: { effectiveOn: todayInLondon() } as Record<string, unknown>, cluster: undefined };
    const detail = await this.deps.overlap.cluster(principal, gssCode, clusterId);
    const names = detail.cluster.partnershipIds.map((id) => detail.records.get(id)?.name ?? id);
    const keeper = detail.records.get(detail.cluster.keeperId)?.name ?? '';
    return {
      locality,
      cluster: { id: detail.cluster.id, names, keeper, likelySavingPence: detail.cluster.likelySavingPence },
      values: {
        clusterId: detail.cluster.id,
        title: `Bring together ${names.join(', ')}`,
        rationale: `The overlap analysis found these partnerships alike (cohesion ${Math.round(detail.cluster.cohesion * 100)}%): ${names.join(', ')}. ${keeper} would continue.`,
        effectiveOn: todayInLondon(),
      } as Record<string, unknown>,
    };
  }

  async createPlan(
    principal: Principal,
    gssCode: string,
    input: unknown,
    options: WriteOptions = {},
  ): Promise<PlanRow> {
    const data = parseInput(planInput, input);
    const locality = await this.deps.register.locality(gssCode, options.trx);
    requireLocalityAdmin(principal, locality, 'Rationalisation plan');
    // The cluster's suggested operations come from the overlap analysis, read before writing.
    const suggested = data.clusterId ? await this.clusterOperations(principal, gssCode, data.clusterId) : [];
    return this.write(options, async (trx) => {
      const plan = await this.repository.insertPlan(trx, {
        locality_id: locality.id,
        reference: await this.repository.nextReference(trx, locality.id),
        title: data.title,
        rationale: data.rationale,
        cluster_id: data.clusterId ?? null,
        effective_on: data.effectiveOn,
        created_by: principal.label,
      });
      const { register } = await this.ruleRegister(trx, locality);
      const kept: NewOperation[] = [];
      for (const op of suggested) {
        const ops = [...kept, op].map((o) => planned({ ...o, id: '', plan_id: plan.id, position: 0, result_id: null }));
        if (checkPlan(ops, register).length === 0) kept.push(op);
      }
      for (const op of kept) await this.repository.insertOperation(trx, plan.id, op);
      await this.planEvent(
        trx,
        principal,
        locality,
        plan,
        'create',
        `Opened rationalisation plan ${plan.reference}: ${plan.title}${kept.length ? ` with ${kept.length} suggested operation${kept.length === 1 ? '' : 's'}` : ''}`,
        plan,
      );
      await this.notifyAdviser(
        trx,
        principal,
        locality,
        plan,
        `New rationalisation plan in ${locality.name}: ${plan.reference}`,
        `${locality.name} has opened rationalisation plan ${plan.reference}, “${plan.title}”, taking effect on ${plan.effective_on}. You are kept informed and may comment; nothing waits on you.`,
      );
      if (kept.length) {
        const names = new Map([...register.values()].map((p) => [p.id, p.name]));
        await this.askForConsent(
          trx,
          principal,
          locality,
          plan,
          affectedPartnerships(
            kept.map((o) => planned({ ...o, id: '', plan_id: plan.id, position: 0, result_id: null })),
          ),
          names,
        );
      }
      return plan;
    });
  }

  /** The operations an overlap cluster suggests: its recommended, unblocked candidates. */
  private async clusterOperations(principal: Principal, gssCode: string, clusterId: string): Promise<NewOperation[]> {
    const detail = await this.deps.overlap.cluster(principal, gssCode, clusterId);
    const recommended = detail.candidates.filter((c) => c.recommended && !c.blocked);
    const merged = recommended.filter((c) => c.action === 'merge' && c.intoId);
    const ops: NewOperation[] = [];
    const blank = {
      new_name: null,
      new_layer: null,
      change_parent: false,
      meetings_per_year: null,
      meeting_minutes: null,
      reason: null,
    };
    // Merges into the same partnership become one operation.
    for (const into of [...new Set(merged.map((c) => c.intoId as string))]) {
      const absorbed = merged.filter((c) => c.intoId === into).flatMap((c) => c.partnershipIds);
      ops.push({ ...blank, kind: 'merge', subject_ids: [into, ...new Set(absorbed)], target_id: into });
    }
    for (const c of recommended.filter((k) => k.action === 'nest' && k.intoId))
      ops.push({ ...blank, kind: 'nest', subject_ids: c.partnershipIds, target_id: c.intoId });
    for (const c of recommended.filter((k) => k.action === 'close'))
      ops.push({ ...blank, kind: 'close', subject_ids: c.partnershipIds, target_id: null, reason: c.rationale });
    if (ops.length === 0 && detail.cluster.partnershipIds.length > 1) {
      ops.push({
        ...blank,
        kind: 'merge',
        subject_ids: [
          detail.cluster.keeperId,
          ...detail.cluster.partnershipIds.filter((id) => id !== detail.cluster.keeperId),
        ],
        target_id: detail.cluster.keeperId,
      });
    }
    return ops;
  }

  async getPlan(principal: Principal, gssCode: string, id: string, today = todayInLondon()): Promise<PlanDetail> {
    const locality = await this.readable(principal, gssCode);
    const { plan, operations } = await this.context(this.db, locality, id);
    const { register, records } = await this.ruleRegister(this.db, locality);
    const names = new Map(records.map((p) => [p.id, p.name]));
    const name = (pid: string) => names.get(pid) ?? 'Unknown partnership';
    const ops = operations.map(planned);
    const open = plan.status === 'open';
    const problems = open ? checkPlan(ops, register) : [];
    const affectedIds = affectedPartnerships(ops);
    const consents = await this.repository.consents(this.db, plan.id);
    const consent = consentOf(affectedIds, consents, plan.consent_round);
    const latest = new Map(consents.filter((c) => c.round === plan.consent_round).map((c) => [c.partnership_id, c]));
    const changed = open
      ? changedSince(new Date(plan.updated_at), affectedIds, await this.carriedOutPlans(this.db, locality.id))
      : [];
    const { open: features, sectorOf, organisations } = await this.openFeatures(this.db, locality);
    const stored = plan.comparison as Comparison | null;
    const comparison =
      !open && stored ? stored : compare(features, ops, sectorOf, resolveRates(DEFAULT_COST_RATES), name);
    return {
      locality,
      plan,
      operations: operations.map((op, index) => ({
        ...op,
        subjects: op.subject_ids.map((sid) => ({ id: sid, name: name(sid) })),
        targetName: op.target_id ? name(op.target_id) : null,
        resultName: op.result_id ? name(op.result_id) : null,
        problems: problems.filter((p) => p.operation === index),
      })),
      problems,
      affected: affectedIds.map((pid) => ({
        id: pid,
        name: name(pid),
        answer: latest.get(pid),
        canRecord: open && canEditPartnership(principal, locality, pid),
      })),
      consent,
      consents: consents.map((c) => ({ ...c, partnershipName: name(c.partnership_id) })).reverse(),
      comments: await this.repository.comments(this.db, plan.id),
      readiness: readiness({ status: plan.status, effectiveOn: plan.effective_on }, problems, consent, today, name, {
        changed,
        shownOnPage: true,
      }),
      changed,
      comparison,
      previews: open ? await this.previews(locality, operations, features, organisations, name) : [],
      names,
      canAdminister: canAdministerLocality(principal, locality),
      canComment: open && (isRegionalAdviser(principal, locality) || canAdministerLocality(principal, locality)),
      today,
    };
  }

  /** For each merge: the combined membership (who from where, in what role) and the meeting pattern. */
  private async previews(
    locality: Locality,
    operations: OperationRow[],
    features: PartnershipFeatures[],
    organisations: Map<string, { name: string; sector: Sector }>,
    name: (id: string) => string,
  ): Promise<MergePreview[]> {
    const byId = new Map(features.map((f) => [f.id, f]));
    const previews: MergePreview[] = [];
    for (const op of operations.filter((o) => o.kind === 'merge')) {
      const ordered = op.target_id
        ? [op.target_id, ...op.subject_ids.filter((s) => s !== op.target_id)]
        : op.subject_ids;
      const seats = (
        await Promise.all(ordered.map((pid) => this.deps.register.memberships.forPartnership(this.db, pid)))
      )
        .flat()
        .filter((m) => m.ended_on === null);
      const members = carriedSeats(
        seats,
        op.target_id ? seats.filter((s) => s.partnership_id === op.target_id) : [],
      ).map((s) => ({
        organisationId: s.organisation_id,
        name: s.organisation_name,
        representative: s.representative,
        sector: organisations.get(s.organisation_id)?.sector ?? s.organisation_sector,
        from: [...new Set(seats.filter((x) => x.organisation_id === s.organisation_id).map((x) => x.partnership_name))],
        role: s.role,
      }));
      const subjects = ordered.map((pid) => byId.get(pid)).filter((p): p is PartnershipFeatures => p !== undefined);
      const distinct = new Set(members.map((m) => m.organisationId)).size;
      const pattern = mergedPattern(subjects, op.target_id ? byId.get(op.target_id) : undefined, planned(op), distinct);
      previews.push({
        operationId: op.id,
        intoName: op.target_id ? name(op.target_id) : (op.new_name ?? 'New partnership'),
        members: members.sort(
          (a, b) => ROLE_RANK.indexOf(a.role) - ROLE_RANK.indexOf(b.role) || a.name.localeCompare(b.name),
        ),
        before: subjects.map((p) => ({
          name: p.name,
          meetingsPerYear: p.meetingsPerYear,
          meetingMinutes: p.meetingMinutes,
          members: new Set(p.memberOrganisationIds).size,
        })),
        after: { ...pattern, members: distinct },
      });
    }
    void locality;
    return previews;
  }

  /** Changes to the plan itself ask every affected partnership again. */
  async updatePlan(principal: Principal, gssCode: string, id: string, input: unknown): Promise<PlanRow> {
    const data = parseInput(planUpdate, input);
    return this.amend(principal, gssCode, id, 'Amended the plan’s title, rationale or date', {}, async (trx, ctx) => {
      const updated = await this.repository.updatePlan(
        trx,
        ctx.plan.id,
        { title: data.title, rationale: data.rationale, effective_on: data.effectiveOn },
        { newRound: await this.answered(trx, ctx.plan), version: data.version ?? ctx.plan.version },
      );
      if (!updated)
        throw new ConflictError(
          'Someone else changed this plan while you were editing it. Reload the page and make your changes again.',
        );
      return updated;
    });
  }

  async addOperation(
    principal: Principal,
    gssCode: string,
    id: string,
    input: unknown,
    options: WriteOptions = {},
  ): Promise<OperationRow> {
    const data = parseInput(operationInput, input);
    const subjects = [...new Set(data.subjectIds)];
    const op: NewOperation = {
      kind: data.kind,
      subject_ids:
        data.kind === 'merge' && data.targetId && !subjects.includes(data.targetId)
          ? [data.targetId, ...subjects]
          : subjects,
      target_id: data.targetId ?? null,
      new_name: data.kind === 'merge' && !data.targetId ? (data.newName ?? null) : null,
      new_layer: data.newLayer ?? null,
      change_parent: data.kind === 'relayer' ? data.changeParent : false,
      meetings_per_year: data.meetingsPerYear ?? null,
      meeting_minutes: data.meetingMinutes ?? null,
      reason: data.reason ?? null,
    };
    return this.amend(
      principal,
      gssCode,
      id,
      `Added an operation: ${data.kind}`,
      { ...options, askAgain: 'always' },
      async (trx, ctx) => {
        const { register } = await this.ruleRegister(trx, ctx.locality);
        const proposed = [
          ...ctx.operations.map(planned),
          planned({ ...op, id: '', plan_id: ctx.plan.id, position: 0, result_id: null }),
        ];
        const problems = checkPlan(proposed, register).filter((p) => p.operation === proposed.length - 1);
        if (problems.length) throw new ValidationError(problems.map((p) => ({ field: p.field, message: p.message })));
        const created = await this.repository.insertOperation(trx, ctx.plan.id, op);
        await this.repository.updatePlan(trx, ctx.plan.id, {}, { newRound: await this.answered(trx, ctx.plan) });
        return created;
      },
    );
  }

  async removeOperation(principal: Principal, gssCode: string, id: string, operationId: string): Promise<void> {
    await this.amend(principal, gssCode, id, 'Removed an operation', {}, async (trx, ctx) => {
      if (!isUuid(operationId) || !(await this.repository.deleteOperation(trx, ctx.plan.id, operationId)))
        throw new NotFoundError('Operation');
      await this.repository.updatePlan(trx, ctx.plan.id, {}, { newRound: await this.answered(trx, ctx.plan) });
    });
  }

  async withdraw(principal: Principal, gssCode: string, id: string): Promise<PlanRow> {
    return this.amend(principal, gssCode, id, 'Withdrew the plan', {}, async (trx, ctx) => {
      const updated = await this.repository.updatePlan(trx, ctx.plan.id, { status: 'withdrawn' });
      if (!updated) throw new NotFoundError('Rationalisation plan');
      return updated;
    });
  }

  /** Whether anyone answered this round: only then does an amendment start a new one. */
  private async answered(trx: Db, plan: PlanRow): Promise<boolean> {
    return (await this.repository.consents(trx, plan.id)).some((c) => c.round === plan.consent_round);
  }

  /** Every amendment: by the locality administrator, on an open plan, in one transaction with its audit entry. */
  private async amend<T>(
    principal: Principal,
    gssCode: string,
    id: string,
    summary: string,
    options: WriteOptions & { askAgain?: 'always' | 'on-new-round' },
    work: (trx: Db, ctx: Context) => Promise<T>,
  ): Promise<T> {
    const locality = await this.deps.register.locality(gssCode, options.trx);
    return this.write(options, async (trx) => {
      const ctx = await this.context(trx, locality, id, true);
      requireLocalityAdmin(principal, locality, 'Rationalisation plan');
      if (ctx.plan.status !== 'open')
        throw ValidationError.of(
          'plan',
          `This plan is ${ctx.plan.status === 'carried-out' ? 'carried out' : 'withdrawn'}: it can no longer be changed`,
        );
      const result = await work(trx, ctx);
      await this.planEvent(trx, principal, locality, ctx.plan, 'update', `${ctx.plan.reference}: ${summary}`);
      // An amendment that started a new round asks everyone again; so does a new operation.
      const after = await this.context(trx, locality, id);
      if (
        after.plan.status === 'open' &&
        (options.askAgain === 'always' || after.plan.consent_round > ctx.plan.consent_round)
      ) {
        const { register } = await this.ruleRegister(trx, locality);
        await this.askForConsent(
          trx,
          principal,
          locality,
          after.plan,
          affectedPartnerships(after.operations.map(planned)),
          new Map([...register.values()].map((p) => [p.id, p.name])),
        );
      }
      return result;
    });
  }

  // --- consent and advice ---------------------------------------------------------------------

  /**
   * An affected partnership's answer, recorded by its secretary, or by the locality
   * administrator on its board's behalf. Objections and conditions need their reasons.
   */
  async recordConsent(
    principal: Principal,
    gssCode: string,
    id: string,
    input: unknown,
    options: WriteOptions = {},
  ): Promise<ConsentRow> {
    const data = parseInput(consentInput, input);
    const locality = await this.deps.register.locality(gssCode, options.trx);
    return this.write(options, async (trx) => {
      const ctx = await this.context(trx, locality, id, true);
      if (!canEditPartnership(principal, locality, data.partnershipId))
        refuse(principal, locality, 'Rationalisation plan');
      if (ctx.plan.status !== 'open') throw ValidationError.of('decision', 'This plan is no longer open for agreement');
      if (!affectedPartnerships(ctx.operations.map(planned)).includes(data.partnershipId))
        throw ValidationError.of('partnershipId', 'That partnership is not affected by this plan');
      if (data.decision !== 'agree' && !data.detail)
        throw ValidationError.of(
          'detail',
          data.decision === 'object' ? 'Give the reasons for the objection' : 'Set out the conditions',
        );
      const isSecretary = principal.grants.some(
        (g) => g.role === 'partnership-secretary' && g.partnershipId === data.partnershipId,
      );
      const consent = await this.repository.insertConsent(trx, {
        plan_id: ctx.plan.id,
        partnership_id: data.partnershipId,
        round: ctx.plan.consent_round,
        decision: data.decision,
        detail: data.detail ?? null,
        on_behalf_of_board: !isSecretary,
        recorded_by: principal.label,
        recorded_by_id: principal.id,
      });
      const partnership = await this.deps.register.partnerships.summary(trx, locality.id, data.partnershipId);
      await this.planEvent(
        trx,
        principal,
        locality,
        ctx.plan,
        'consent',
        `${ctx.plan.reference}: ${partnership?.name ?? 'A partnership'} ${data.decision === 'agree' ? 'agreed' : data.decision === 'object' ? 'objected' : 'agreed with conditions'}${isSecretary ? '' : ' (recorded on behalf of its board)'}`,
        consent,
      );
      return consent;
    });
  }

  /** The Government Office adviser's advice (or the administrator's reply): it informs; nothing waits on it. */
  async addComment(
    principal: Principal,
    gssCode: string,
    id: string,
    input: unknown,
    options: WriteOptions = {},
  ): Promise<CommentRow> {
    const data = parseInput(commentInput, input);
    const locality = await this.deps.register.locality(gssCode, options.trx);
    return this.write(options, async (trx) => {
      const ctx = await this.context(trx, locality, id);
      const adviser = isRegionalAdviser(principal, locality);
      if (!adviser && !canAdministerLocality(principal, locality)) {
        if (!canReadRestricted(principal, locality)) refuse(principal, locality, 'Rationalisation plan');
        throw new ForbiddenError(
          'Only the Government Office adviser for the region, or the locality administrator, can comment on a plan',
        );
      }
      const comment = await this.repository.insertComment(trx, {
        plan_id: ctx.plan.id,
        author: principal.label,
        author_id: principal.id,
        author_role: adviser ? 'Government Office adviser' : 'Locality administrator',
        body: data.body,
      });
      await this.planEvent(
        trx,
        principal,
        locality,
        ctx.plan,
        'comment',
        `${ctx.plan.reference}: comment by ${principal.label}`,
      );
      if (adviser) {
        await this.deps.notifications.notify(
          {
            roles: [{ role: 'locality-admin', localityId: locality.id }],
            localityId: locality.id,
            subject: `Government Office comment on ${ctx.plan.reference}`,
            body: `${principal.label} commented on ${ctx.plan.reference}, “${ctx.plan.title}”: ${data.body.slice(0, 300)}`,
            link: `/localities/${locality.gss_code}/rationalisation/${ctx.plan.id}#comments`,
          },
          { trx },
        );
      }
      return comment;
    });
  }

  // --- carrying a plan out -------------------------------------------------------------------

  /**
   * Carries the plan out: every operation in one transaction, dated its effective date. It
   * goes ahead only when every affected partnership agreed this round and the date has come;
   * if anything fails part-way the transaction rolls back and the register is untouched.
   */
  async carryOut(
    principal: Principal,
    gssCode: string,
    id: string,
    options: WriteOptions & { today?: string } = {},
  ): Promise<PlanRow & { needsReview: Array<{ id: string; reference: string; title: string }> }> {
    const locality = await this.deps.register.locality(gssCode, options.trx);
    const today = options.today ?? todayInLondon();
    return this.write(options, async (trx) => {
      const ctx = await this.context(trx, locality, id, true);
      requireLocalityAdmin(principal, locality, 'Rationalisation plan');
      const { register, records } = await this.ruleRegister(trx, locality);
      const names = new Map(records.map((p) => [p.id, p.name]));
      const name = (pid: string) => names.get(pid) ?? 'Unknown partnership';
      const ops = ctx.operations.map(planned);
      const consents = await this.repository.consents(trx, ctx.plan.id);
      const consent = consentOf(affectedPartnerships(ops), consents, ctx.plan.consent_round);
      const ready = readiness(
        { status: ctx.plan.status, effectiveOn: ctx.plan.effective_on },
        checkPlan(ops, register),
        consent,
        today,
        name,
        {
          changed: changedSince(
            new Date(ctx.plan.updated_at),
            affectedPartnerships(ops),
            await this.carriedOutPlans(trx, locality.id),
          ),
        },
      );
      if (!ready.ready) throw new ValidationError(ready.reasons.map((message) => ({ field: 'plan', message })));

      const { open, sectorOf } = await this.openFeatures(trx, locality);
      const rates = resolveRates(DEFAULT_COST_RATES);
      const comparison = compare(open, ops, sectorOf, rates, name);
      const affectedIds = affectedPartnerships(ops);
      const costOf = (ids: Set<string>, list: PartnershipFeatures[]) =>
        list.filter((p) => ids.has(p.id)).reduce((sum, p) => sum + yearlyCost(p, sectorOf, rates).pence, 0);
      const affectedCostBefore = costOf(new Set(affectedIds), open);

      const resultIds: string[] = [];
      for (const op of ctx.operations) resultIds.push(...(await this.execute(trx, principal, ctx, op, names)));
      const survivors = new Set([...affectedIds, ...resultIds]);
      const executed = await this.repository.updatePlan(trx, ctx.plan.id, {
        status: 'carried-out',
        carried_out_at: new Date(),
        carried_out_by: principal.label,
        predicted_saving_pence: comparison.savingPence,
        comparison: JSON.stringify({
          ...comparison,
          affectedIds,
          survivorIds: [...survivors],
          affectedCostBeforePence: affectedCostBefore,
        }),
      });
      if (!executed) throw new NotFoundError('Rationalisation plan');
      await this.planEvent(
        trx,
        principal,
        locality,
        ctx.plan,
        'carry-out',
        `Carried out ${ctx.plan.reference}: ${ctx.operations.length} operation${ctx.operations.length === 1 ? '' : 's'}, effective ${ctx.plan.effective_on}`,
      );
      await this.notifyAdviser(
        trx,
        principal,
        locality,
        ctx.plan,
        `Rationalisation plan carried out in ${locality.name}: ${ctx.plan.reference}`,
        `${locality.name} carried out ${ctx.plan.reference}, “${ctx.plan.title}”, effective ${ctx.plan.effective_on}, with the agreement of every partnership affected.`,
      );
      const needsReview = await this.otherOpenPlansTouching(trx, locality, ctx.plan, affectedIds, name);
      return { ...executed, needsReview };
    });
  }

  /**
   * After a plan is carried out, every other open plan touching the same partnerships was
   * written for a register that no longer exists: each is now marked as needing review (it is
   * not carried out until amended or confirmed), and the locality's administrators are told.
   */
  private async otherOpenPlansTouching(
    trx: Db,
    locality: Locality,
    done: PlanRow,
    affectedIds: string[],
    name: (id: string) => string,
  ): Promise<Array<{ id: string; reference: string; title: string }>> {
    const changed = new Set(affectedIds);
    const stale: PlanRow[] = [];
    for (const plan of await this.repository.listPlans(trx, locality.id)) {
      if (plan.status !== 'open' || plan.id === done.id) continue;
      const touched = affectedPartnerships((await this.repository.operations(trx, plan.id)).map(planned));
      if (touched.some((id) => changed.has(id))) stale.push(plan);
    }
    if (stale.length) {
      await this.deps.notifications.notify(
        {
          roles: [{ role: 'locality-admin', localityId: locality.id }],
          localityId: locality.id,
          subject: `Review ${stale.map((p) => p.reference).join(', ')}: ${done.reference} changed the same partnerships`,
          body: `${done.reference}, “${done.title}”, was carried out and changed ${affectedIds.map(name).join(', ')}. ${stale.map((p) => `${p.reference} (“${p.title}”)`).join(', ')} ${stale.length === 1 ? 'touches' : 'touch'} the same partnerships and now ${stale.length === 1 ? 'needs' : 'need'} review: amend ${stale.length === 1 ? 'it' : 'each'}, or confirm ${stale.length === 1 ? 'it still stands' : 'they still stand'}, before ${stale.length === 1 ? 'it' : 'they'} can be carried out.`,
          link: `/localities/${locality.gss_code}/rationalisation/${stale[0]?.id}`,
        },
        { trx },
      );
    }
    return stale.map((p) => ({ id: p.id, reference: p.reference, title: p.title }));
  }

  /** The administrator has looked again at a plan marked as needing review and it stands as it is. */
  async confirmStillStands(principal: Principal, gssCode: string, id: string): Promise<PlanRow> {
    return this.amend(
      principal,
      gssCode,
      id,
      'Reviewed after the plans carried out since: it stands as it is',
      {},
      async (trx, ctx) => {
        const updated = await this.repository.updatePlan(trx, ctx.plan.id, {});
        if (!updated) throw new NotFoundError('Rationalisation plan');
        return updated;
      },
    );
  }

  /**
   * What waits on this person in the inbox: for a partnership secretary, the answer their
   * board owes an open plan; for the locality administrator, every open plan still waiting on
   * answers (overdue once its effective date has passed), plans ready to carry out, plans
   * that need review after another was carried out, and objections to settle.
   */
  async workFor(principal: Principal, now = new Date()): Promise<WorkItem[]> {
    if (principal.kind === 'public') return [];
    const today = todayInLondon(now);
    const items: WorkItem[] = [];
    const localities = (await this.deps.register.listLocalities()).filter(
      (l) => canReadRestricted(principal, l) && principal.grants.some((g) => g.localityId === l.id),
    );
    for (const locality of localities) {
      const plans = (await this.repository.listPlans(this.db, locality.id)).filter((p) => p.status === 'open');
      if (plans.length === 0) continue;
      const carried = await this.carriedOutPlans(this.db, locality.id);
      const { register } = await this.ruleRegister(this.db, locality);
      const name = (id: string) => register.get(id)?.name ?? 'a partnership';
      const admin = canAdministerLocality(principal, locality);
      for (const plan of plans) {
        const state = await this.openPlanState(this.db, plan, register, carried);
        const link = `/localities/${locality.gss_code}/rationalisation/${plan.id}`;
        const named = `${plan.reference}: ${plan.title}`;
        const due = new Date(`${plan.effective_on}T00:00:00Z`);
        const late = plan.effective_on <= today;
        const item = (kind: WorkItem['kind'], title: string, detail: string, overdue = false): WorkItem => ({
          kind,
          title,
          detail,
          link,
          localityName: locality.name,
          overdue,
          due,
        });
        const mine = state.consent.pending.filter((id) =>
          principal.grants.some((g) => g.role === 'partnership-secretary' && g.partnershipId === id),
        );
        for (const id of mine)
          items.push(
            item(
              'answer',
              `Give ${name(id)}’s answer to plan ${named}`,
              `The plan takes effect on ${formatDate(plan.effective_on)}: record whether your board agrees, agrees with conditions or objects.`,
              late,
            ),
          );
        if (!admin) continue;
        if (state.changed.length)
          items.push(
            item(
              'action',
              `Review plan ${named}`,
              `${state.changed.map((q) => q.reference).join(', ')} changed the same partnerships since it was written: amend it, or confirm it still stands.`,
            ),
          );
        const others = state.consent.pending.filter((id) => !mine.includes(id));
        if (others.length)
          items.push(
            item(
              'answer',
              `Plan ${named} awaits answers`,
              `Still waiting for ${others.map(name).join(', ')}${late ? `; it was to take effect on ${formatDate(plan.effective_on)}` : `; it takes effect on ${formatDate(plan.effective_on)}`}. You can record a board’s answer on its behalf.`,
              late,
            ),
          );
        if (state.consent.objected.length)
          items.push(
            item(
              'action',
              `Settle the objections to plan ${named}`,
              `${state.consent.objected.map(name).join(', ')} objected: amend the plan and ask again, or withdraw it.`,
            ),
          );
        const ready = readiness(
          { status: plan.status, effectiveOn: plan.effective_on },
          state.problems,
          state.consent,
          today,
          name,
          {
            changed: state.changed,
          },
        );
        if (ready.ready)
          items.push(
            item('action', `Carry out plan ${named}`, 'Every affected partnership agreed and its date has come.'),
          );
      }
    }
    return items;
  }

  /**
   * Carries out every open plan whose effective date has come and which every affected
   * partnership has agreed, so agreement reached before the date takes effect on the date
   * without anyone pressing the button. The server runs this every hour. A plan that is not
   * ready (an answer missing, or a rule broken by changes since) stays open for its
   * administrator, with the reasons returned here.
   */
  async carryOutDue(
    today = todayInLondon(),
  ): Promise<{ carriedOut: string[]; leftOpen: Array<{ reference: string; reasons: string[] }> }> {
    const carriedOut: string[] = [];
    const leftOpen: Array<{ reference: string; reasons: string[] }> = [];
    for (const due of await this.repository.plansDue(this.deps.db, today)) {
      try {
        await this.carryOut(ON_THE_EFFECTIVE_DATE, due.gss_code, due.id, { today });
        carriedOut.push(due.reference);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        leftOpen.push({ reference: due.reference, reasons: error.errors.map((e) => e.message) });
      }
    }
    return { carriedOut, leftOpen };
  }

  /** Applies one operation to the register; returns the id of any partnership it created. */
  private async execute(
    trx: Db,
    principal: Principal,
    ctx: Context,
    op: OperationRow,
    names: Map<string, string>,
  ): Promise<string[]> {
    const on = ctx.plan.effective_on;
    const planText = `${ctx.plan.reference} (${ctx.plan.title})`;
    switch (op.kind) {
      case 'merge':
        return [await this.merge(trx, principal, ctx, op, names)];
      case 'nest':
        for (const sid of op.subject_ids) {
          await this.change(
            trx,
            principal,
            ctx.locality,
            sid,
            {
              parent_id: op.target_id,
              ...(op.meetings_per_year !== null ? { meetings_per_year: op.meetings_per_year } : {}),
              ...(op.meeting_minutes !== null ? { meeting_minutes: op.meeting_minutes } : {}),
            },
            on,
            `Nested under ${names.get(op.target_id ?? '') ?? 'its new parent'} by plan ${planText}`,
          );
          await this.repository.insertLineage(trx, [
            {
              locality_id: ctx.locality.id,
              plan_id: ctx.plan.id,
              kind: 'nested-under',
              from_id: sid,
              to_id: op.target_id,
              detail: null,
              effective_on: on,
            },
          ]);
        }
        return [];
      case 'close':
        for (const sid of op.subject_ids) {
          const record = await this.deps.register.partnerships.get(trx, ctx.locality.id, sid);
          for (const child of (await this.deps.register.partnerships.children(trx, sid)).filter((c) =>
            OPEN.has(c.status),
          )) {
            await this.change(
              trx,
              principal,
              ctx.locality,
              child.id,
              { parent_id: record?.parent_id ?? null },
              on,
              `Moved up a level: ${names.get(sid)} closes under plan ${planText}`,
            );
          }
          await this.deps.register.closePartnership(
            principal,
            ctx.locality.gss_code,
            sid,
            { closedOn: on, reason: `${op.reason ?? 'Closed'} (plan ${planText})` },
            { trx },
          );
          await this.repository.insertLineage(trx, [
            {
              locality_id: ctx.locality.id,
              plan_id: ctx.plan.id,
              kind: 'closed',
              from_id: sid,
              to_id: null,
              detail: op.reason,
              effective_on: on,
            },
          ]);
        }
        return [];
      case 'relayer':
        for (const sid of op.subject_ids) {
          const changes = {
            ...(op.new_layer ? { layer: op.new_layer } : {}),
            ...(op.change_parent ? { parent_id: op.target_id } : {}),
          };
          const what = [
            op.new_layer ? `moved to the ${op.new_layer} layer` : '',
            op.change_parent ? `reports to ${op.target_id ? names.get(op.target_id) : 'no parent partnership'}` : '',
          ]
            .filter(Boolean)
            .join(' and ');
          await this.change(trx, principal, ctx.locality, sid, changes, on, `Re-layered by plan ${planText}: ${what}`);
          await this.repository.insertLineage(trx, [
            {
              locality_id: ctx.locality.id,
              plan_id: ctx.plan.id,
              kind: 'relayered',
              from_id: sid,
              to_id: op.change_parent ? op.target_id : null,
              detail: what,
              effective_on: on,
            },
          ]);
        }
        return [];
    }
  }

  /** Changes a partnership's parent, layer or meeting pattern, dated, with its audit entry. */
  private async change(
    trx: Db,
    principal: Principal,
    locality: Locality,
    id: string,
    changes: Partial<
      Pick<PartnershipRecord, 'parent_id' | 'layer' | 'meetings_per_year' | 'meeting_minutes' | 'typical_attendance'>
    >,
    on: string,
    summary: string,
  ): Promise<void> {
    const before = await this.deps.register.partnerships.get(trx, locality.id, id);
    if (!before) throw new NotFoundError('Partnership');
    const updated = await this.deps.register.partnerships.update(trx, id, before.version, changes);
    if (!updated)
      throw new ConflictError(
        `${before.name} changed while the plan was being carried out: nothing was changed. Try again.`,
      );
    await this.deps.register.partnerships.recordChanges(trx, id, before, updated, on);
    const fields = Object.keys(changes) as Array<keyof typeof changes>;
    await this.deps.audit.record(trx, principal, {
      localityId: locality.id,
      action: 'update',
      entityType: 'partnership',
      entityId: id,
      partnershipId: id,
      summary,
      before: Object.fromEntries(fields.map((f) => [f, before[f]])),
      after: Object.fromEntries(fields.map((f) => [f, updated[f]])),
    });
  }

  /** A merge: the continuing (or new) partnership takes the others' seats, themes, areas, sub-partnerships and plan links. */
  private async merge(
    trx: Db,
    principal: Principal,
    ctx: Context,
    op: OperationRow,
    names: Map<string, string>,
  ): Promise<string> {
    const { locality, plan } = ctx;
    const on = plan.effective_on;
    const register = this.deps.register;
    const subjects = (
      await Promise.all(op.subject_ids.map((sid) => register.partnerships.get(trx, locality.id, sid)))
    ).filter((p): p is PartnershipRecord => p !== undefined);
    const snapshot = await this.deps.reference.snapshot(trx);
    const features = await this.features.features(trx, locality.id, (form) => hasSeparateLegalStatus(snapshot, form));
    const byId = new Map(features.map((f) => [f.id, f]));
    const subjectFeatures = subjects
      .map((s) => byId.get(s.id))
      .filter((f): f is PartnershipFeatures => f !== undefined);
    const allSeats = (await Promise.all(subjects.map((s) => register.memberships.forPartnership(trx, s.id))))
      .flat()
      .filter((m) => m.ended_on === null);
    const distinct = new Set(allSeats.map((s) => s.organisation_id)).size;
    const keeper = op.target_id ? subjects.find((s) => s.id === op.target_id) : undefined;
    const pattern = mergedPattern(subjectFeatures, keeper ? byId.get(keeper.id) : undefined, planned(op), distinct);
    const absorbed = subjects.filter((s) => removedBy(planned(op)).includes(s.id));
    const planText = `${plan.reference} (${plan.title})`;

    let intoId: string;
    if (keeper) {
      intoId = keeper.id;
      await this.change(
        trx,
        principal,
        locality,
        keeper.id,
        {
          meetings_per_year: pattern.meetingsPerYear,
          meeting_minutes: pattern.meetingMinutes,
          typical_attendance: pattern.typicalAttendance ?? keeper.typical_attendance,
        },
        on,
        `Took in ${absorbed.map((a) => a.name).join(', ')} by plan ${planText}`,
      );
    } else {
      const first = subjects[0] as PartnershipRecord;
      const layer =
        op.new_layer ??
        ['strategic', 'executive', 'operational'].find((l) => subjects.some((s) => s.layer === l)) ??
        first.layer;
      const parent =
        groupParent(op.subject_ids, (sid) => subjects.find((s) => s.id === sid)?.parent_id ?? null) ?? undefined;
      const created = await register.createPartnership(
        principal,
        locality.gss_code,
        {
          name: op.new_name ?? `${first.name} (merged)`,
          purpose:
            `Formed on ${on} by merging ${subjects.map((s) => s.name).join(', ')} (plan ${plan.reference}). ${subjects.map((s) => s.purpose).join(' ')}`.slice(
              0,
              4000,
            ),
          themes: [...new Set(subjects.flatMap((s) => s.themes))].slice(0, 10),
          areas: [...new Set(subjects.flatMap((s) => s.areas))].slice(0, 200),
          basis: first.basis,
          basisDetail: first.basis_detail ?? undefined,
          legalForm: 'unincorporated',
          accountableBodyId: first.accountable_body_id ?? undefined,
          leadOrganisationId: first.lead_organisation_id ?? undefined,
          layer,
          parentId: parent,
          meetingsPerYear: pattern.meetingsPerYear ?? undefined,
          meetingMinutes: pattern.meetingMinutes ?? undefined,
          typicalAttendance: pattern.typicalAttendance ?? undefined,
          establishedOn: on,
          status: 'active',
        },
        { trx },
      );
      intoId = created.id;
      names.set(created.id, created.name);
      await this.repository.setOperationResult(trx, op.id, created.id);
    }

    // Seats: everyone from every board, each organisation (and representative) once; the
    // continuing board's chair keeps the chair, any other chair sits as a member.
    const current = keeper ? allSeats.filter((s) => s.partnership_id === keeper.id) : [];
    const carried = carriedSeats(allSeats, current).filter((s) => s.partnership_id !== intoId);
    if (carried.length) {
      await register.addMemberships(
        principal,
        locality.gss_code,
        intoId,
        carried.map((s) => ({
          organisationId: s.organisation_id,
          role: s.role,
          representative: s.representative ?? undefined,
          startedOn: on,
        })),
        { trx },
      );
    }
    if (keeper) {
      const themes = [...new Set(subjects.flatMap((s) => s.themes))].sort().slice(0, 10);
      const areas = [...new Set(subjects.flatMap((s) => s.areas))].sort();
      await register.partnerships.replaceThemesAndAreas(trx, keeper.id, themes, areas);
    }
    for (const a of absorbed) {
      for (const child of (await register.partnerships.children(trx, a.id)).filter((c) => OPEN.has(c.status))) {
        // The continuing partnership, if it sat beneath the one merged into it, moves up to that one's parent.
        const parent = child.id === intoId ? (a.parent_id === intoId ? null : a.parent_id) : intoId;
        await this.change(
          trx,
          principal,
          locality,
          child.id,
          { parent_id: parent },
          on,
          `Now reports to ${parent ? names.get(parent) : 'no partnership'}: ${a.name} merged ${child.id === intoId ? 'into it' : `into ${names.get(intoId)}`} by plan ${planText}`,
        );
      }
      const ended = await register.memberships.endOpen(trx, { partnershipId: a.id }, on);
      const fresh = await register.partnerships.get(trx, locality.id, a.id);
      const updated =
        fresh &&
        (await register.partnerships.update(trx, a.id, fresh.version, {
          status: 'merged',
          closed_on: on,
          close_reason: `Merged into ${names.get(intoId)} by plan ${planText}`,
        }));
      if (!updated)
        throw new ConflictError(
          `${a.name} changed while the plan was being carried out: nothing was changed. Try again.`,
        );
      await this.deps.audit.record(trx, principal, {
        localityId: locality.id,
        action: 'close',
        entityType: 'partnership',
        entityId: a.id,
        partnershipId: a.id,
        summary: `Merged into ${names.get(intoId)} by plan ${planText} (${ended.length} seat${ended.length === 1 ? '' : 's'} carried across)`,
        before: { status: a.status, closed_on: null },
        after: { status: 'merged', closed_on: on },
      });
    }
    const links = await this.deps.performance.carryPartnershipLinks(
      trx,
      absorbed.map((a) => a.id),
      intoId,
    );
    if (links > 0) {
      await this.deps.audit.record(trx, principal, {
        localityId: locality.id,
        action: 'update',
        entityType: 'partnership',
        entityId: intoId,
        partnershipId: intoId,
        summary: `Took over ${links} link${links === 1 ? '' : 's'} to plans, outcomes and targets from ${absorbed.map((a) => a.name).join(', ')} (plan ${planText})`,
      });
    }
    await this.repository.insertLineage(
      trx,
      absorbed.map((a) => ({
        locality_id: locality.id,
        plan_id: plan.id,
        kind: 'merged-into' as const,
        from_id: a.id,
        to_id: intoId,
        detail: null,
        effective_on: on,
      })),
    );
    return intoId;
  }

  // --- lineage, history and savings -----------------------------------------------------------

  /** Where a partnership came from and what became of it, back to each origin. */
  async lineage(principal: Principal, gssCode: string, partnershipId: string): Promise<LineageView> {
    const detail = await this.deps.register.getPartnership(principal, gssCode, partnershipId);
    const locality = detail.locality;
    const links = await this.repository.lineage(this.db, locality.id);
    const records = new Map(
      (await this.deps.register.partnerships.allForLocality(this.db, locality.id)).map((p) => [p.id, p]),
    );
    const createdBy = new Map(
      (await this.repository.createdByPlans(this.db, locality.id)).map((c) => [c.result_id, c]),
    );
    const name = (id: string | null) => (id ? (records.get(id)?.name ?? 'Unknown partnership') : null);
    const how = {
      'merged-into': 'Merged into',
      'nested-under': 'Nested under',
      closed: 'Closed',
      relayered: 'Re-layered',
    } as const;
    const predecessorsOf = (id: string) => links.filter((l) => l.kind === 'merged-into' && l.to_id === id);

    const chain: LineageNode[] = [];
    const seen = new Set<string>();
    const visit = async (id: string, depth: number): Promise<void> => {
      if (seen.has(id) || depth > 50) return;
      seen.add(id);
      const p = records.get(id);
      if (!p) return;
      const preds = predecessorsOf(id).map((l) => l.from_id);
      chain.push({
        id,
        name: p.name,
        reference: p.reference,
        status: p.status,
        establishedOn: p.established_on,
        closedOn: p.closed_on,
        origin: await this.originOf(locality, p, createdBy),
        predecessors: preds,
        depth,
      });
      for (const pred of preds) await visit(pred, depth + 1);
    };
    await visit(partnershipId, 0);
    return {
      locality,
      partnership: {
        id: detail.partnership.id,
        name: detail.partnership.name,
        reference: detail.partnership.reference,
        status: detail.partnership.status,
        layer: detail.partnership.layer,
      },
      predecessors: predecessorsOf(partnershipId).map((l) => ({
        id: l.from_id,
        name: name(l.from_id) ?? '',
        how: 'Merged into this',
        planId: l.plan_id,
        planReference: l.plan_reference,
        on: l.effective_on,
      })),
      successors: links
        .filter((l) => l.from_id === partnershipId)
        .map((l) => ({
          id: l.to_id,
          name: name(l.to_id),
          how: how[l.kind],
          planId: l.plan_id,
          planReference: l.plan_reference,
          on: l.effective_on,
          detail: l.detail,
        })),
      nestedHere: links
        .filter((l) => l.to_id === partnershipId && (l.kind === 'nested-under' || l.kind === 'relayered'))
        .map((l) => ({
          id: l.from_id,
          name: name(l.from_id) ?? '',
          how: l.kind === 'nested-under' ? 'Nested under this' : 'Now reports to this',
          planId: l.plan_id,
          planReference: l.plan_reference,
          on: l.effective_on,
        })),
      chain,
    };
  }

  private async originOf(
    locality: Locality,
    p: PartnershipRecord,
    createdBy: Map<string, { plan_id: string; reference: string; title: string; effective_on: string }>,
  ): Promise<LineageNode['origin']> {
    const plan = createdBy.get(p.id);
    if (plan)
      return {
        kind: 'plan',
        text: `Formed by merger under plan ${plan.reference}, “${plan.title}”`,
        href: `/localities/${locality.gss_code}/rationalisation/${plan.plan_id}`,
        on: plan.effective_on,
      };
    const proposal = await this.deps.gatekeeper.proposalForPartnership(p.id);
    if (proposal)
      return {
        kind: 'proposal',
        text: `Approved proposal ${proposal.reference}, “${proposal.title}”`,
        href: `/localities/${locality.gss_code}/proposals/${proposal.id}`,
        on: proposal.decidedOn,
      };
    const event = await this.repository.creationEvent(this.db, p.id);
    const imported = !!event && (event.actor_id?.startsWith('cli:import') || /import/i.test(event.actor));
    const entered = event?.occurred_at ?? p.created_at;
    const how = imported ? 'Imported into the register' : 'Entered in the register';
    const by = event ? ` by ${event.actor}` : '';
    // A board older than its record (imported, or the demo): its life began long before
    // anything here was written down, and nothing says what happened to it in between.
    if (p.established_on && p.established_on < todayInLondon(new Date(entered)))
      return {
        kind: imported ? 'import' : 'creation',
        text: `Established ${formatDate(p.established_on)}. ${how}${by} on ${formatDate(entered)}; its history before then is not recorded`,
      };
    return { kind: imported ? 'import' : 'creation', text: `${how}${by}`, on: entered };
  }

  /**
   * Savings realised by carried-out plans (the yearly cost of the partnerships they touched,
   * before, against what those and their successors cost now), the locality's open partnerships
   * and their yearly cost at the end of each of the last twelve quarters, and its figures
   * (partnerships, seats, meeting hours, cost, layers) as at `asAt` beside today's.
   */
  async savings(principal: Principal, gssCode: string, options: { today?: string; asAt?: string } = {}) {
    const today = options.today ?? todayInLondon();
    const locality = await this.readable(principal, gssCode);
    const plans = (await this.repository.listPlans(this.db, locality.id)).filter((p) => p.status === 'carried-out');
    const { open, sectorOf } = await this.openFeatures(this.db, locality);
    const rates = resolveRates(DEFAULT_COST_RATES);
    const costNow = new Map(open.map((p) => [p.id, yearlyCost(p, sectorOf, rates).pence]));
    const realised = plans.map((plan) => {
      const stored = (plan.comparison ?? {}) as Partial<{ survivorIds: string[]; affectedCostBeforePence: number }>;
      const now = (stored.survivorIds ?? []).reduce((sum, id) => sum + (costNow.get(id) ?? 0), 0);
      const before = stored.affectedCostBeforePence ?? 0;
      return {
        id: plan.id,
        reference: plan.reference,
        title: plan.title,
        effectiveOn: plan.effective_on,
        predictedPence: Number(plan.predicted_saving_pence ?? 0),
        realisedPence: before - now,
        beforePence: before,
        nowPence: now,
      };
    });
    const history = await this.history(locality, sectorOf);
    const asAt = options.asAt && options.asAt <= today ? options.asAt : yearBefore(today);
    return {
      locality,
      realised,
      totals: {
        predictedPence: realised.reduce((s, r) => s + r.predictedPence, 0),
        realisedPence: realised.reduce((s, r) => s + r.realisedPence, 0),
      },
      timeline: quarterEnds(today, 12).map((date) => {
        const f = history(date);
        return { date, partnerships: f.partnerships, yearlyCostPence: f.yearlyCostPence };
      }),
      metrics: { asAt, then: history(asAt), now: history(today) },
    };
  }

  /** The locality's register history, loaded once: a function giving its figures as at any date. */
  private async history(locality: Locality, sectorOf: SectorOf): Promise<(date: string) => Figures> {
    const register = this.deps.register;
    const all = await register.partnerships.allForLocality(this.db, locality.id);
    const changes = await register.partnerships.changes(this.db, locality.id);
    const seats: MembershipView[] = await register.memberships.allForLocality(this.db, locality.id);
    const rates = resolveRates(DEFAULT_COST_RATES);
    return (date) => {
      const then = partnershipsAsAt(all, changes, date).filter((p) => OPEN.has(p.status));
      const members = new Map<string, string[]>();
      for (const m of membershipsAsAt(seats, date))
        members.set(m.partnership_id, [...(members.get(m.partnership_id) ?? []), m.organisation_id]);
      return figures(
        then.map((p) => ({
          layer: p.layer,
          meetingsPerYear: p.meetings_per_year,
          meetingMinutes: p.meeting_minutes,
          typicalAttendance: p.typical_attendance,
          memberOrganisationIds: [...new Set(members.get(p.id) ?? [])],
        })),
        sectorOf,
        rates,
      );
    };
  }
}

/** The same day a year earlier (28 February for 29 February). */
export function yearBefore(date: string): string {
  const [year, rest] = [Number(date.slice(0, 4)), date.slice(4)];
  return rest === '-02-29' ? `${year - 1}-02-28` : `${year - 1}${rest}`;
}

/** The seats a merged board would hold: each organisation and representative once, one chair. */
export function carriedSeats(
  seats: readonly MembershipView[],
  keeperSeats: readonly MembershipView[],
): MembershipView[] {
  const key = (s: MembershipView) => `${s.organisation_id}|${(s.representative ?? '').toLowerCase()}`;
  const chosen = new Map<string, MembershipView>(keeperSeats.map((s) => [key(s), s]));
  let chair = keeperSeats.some((s) => s.role === 'chair');
  for (const s of seats) {
    if (chosen.has(key(s))) continue;
    const role = s.role === 'chair' && chair ? 'member' : s.role;
    if (role === 'chair') chair = true;
    chosen.set(key(s), { ...s, role });
  }
  return [...chosen.values()];
}

/** The last day of each of the `count` quarters before today, oldest first, and today. */
export function quarterEnds(today: string, count: number): string[] {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const dates: string[] = [];
  let quarter = Math.floor((month - 1) / 3) - 1;
  let y = year;
  for (let i = 0; i < count; i++) {
    if (quarter < 0) {
      quarter += 4;
      y -= 1;
    }
    const end = new Date(Date.UTC(y, quarter * 3 + 3, 0));
    dates.unshift(end.toISOString().slice(0, 10));
    quarter -= 1;
  }
  return [...dates, today];
}

/** Where agreement stands this round, from the answers recorded in every round. */
function consentOf(affected: string[], consents: ConsentRow[], round: number): ConsentState {
  return consentState(
    affected,
    consents.map((c) => ({
      partnershipId: c.partnership_id,
      decision: c.decision,
      round: c.round,
      recordedAt: c.recorded_at,
    })),
    round,
  );
}
