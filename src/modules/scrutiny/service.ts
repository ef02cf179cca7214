/**
 * Overview and scrutiny, risk registers and LSP accountability. Rules are in rules.ts; this file
 * checks who may do what, writes in one transaction with its audit entry (and the notices it
 * sends), and assembles what the pages and the API show.
 *
 * Who may do what:
 *  - the locality's scrutiny members and its administrator run committees, reviews, evidence
 *    packs and recommendations; they read every risk but change no partnership or risk;
 *  - a recommendation's addressee answers it and records its actions: a partnership's secretary
 *    for a partnership, the organisation's representative for an organisation, the locality
 *    administrator (the LSP manager) for the LSP; nobody answers another's;
 *  - a partnership's secretary keeps its risk register; the administrator keeps the LSP's, sets
 *    the matrix, the target mix and the limits, and records levers;
 *  - the public reads the risks that are not restricted, of published partnerships, and nothing
 *    of scrutiny's working papers.
 */
import type { Principal } from '../../core/actor.js';
import { ConflictError, NotFoundError, ValidationError } from '../../core/errors.js';
import { addDays, formatDate, todayInLondon } from '../../core/dates.js';
import { parseInput, isUuid } from '../../core/validation.js';
import type { CoreServices } from '../../core/services.js';
import type { Db } from '../../db/database.js';
import type { Locality, OrganisationRow } from '../../db/tables.js';
import {
  canAdministerLocality,
  canEditPartnership,
  canReadRestricted,
  canScrutinise,
  refuse,
} from '../accounts/policy.js';
import type { AuditAction, RecordInput } from '../audit/service.js';
import type { WorkItem, WorkSource } from '../notifications/service.js';
import type { PerformanceService } from '../performance/service.js';
import type { PartnershipRecord } from '../register/repository.js';
import { chooseLsp } from '../register/lsp.js';
import { type PartnershipDetail, isPublished } from '../register/service.js';
import type { ResourcesService } from '../resources/service.js';
import type { GatekeeperService } from '../gatekeeper/service.js';
import type { RationalisationService } from '../rationalisation/service.js';
import { ScrutinyRepository } from './repository.js';
import {
  type Attendance,
  DEFAULT_TARGET_MIX,
  type MatrixSize,
  type Rag,
  type RecommendationStatus,
  type RiskScore,
  type SectorName,
  type TargetMix,
  type Trend,
  attendanceRates,
  byRiskSeverity,
  checkTargetMix,
  decisionState,
  heatMap,
  isActionOverdue,
  isReviewOverdue,
  leversGap,
  ragStatus,
  rescale,
  riskTrend,
  scoreRisk,
  sectorBalance,
  transition,
} from './rules.js';
import {
  type ActionRow,
  type ComplaintsContactRow,
  type RecommendationRow,
  type ReviewRow,
  type RiskReviewRow,
  type RiskRow,
  type ReviewInput,
  actionInput,
  committeeInput,
  difficultDecisionInput,
  findingsInput,
  leverInput,
  progressInput,
  recommendationInput,
  removalInput,
  responseInput,
  reviewInput,
  reviewUpdate,
  riskInput,
  riskReviewInput,
  riskUpdate,
  settingsInput,
  committeeUpdate,
  complaintsContactInput,
  CONSULTATION_GROUPS,
  consultationInput,
} from './schema.js';

export interface WriteOptions {
  trx?: Db;
  /** Today's date (YYYY-MM-DD) for rules that depend on it; today in London by default. */
  today?: string;
}

type Entity =
  | 'risk'
  | 'scrutiny-committee'
  | 'scrutiny-review'
  | 'evidence-pack'
  | 'recommendation'
  | 'accountability-settings'
  | 'lever'
  | 'meeting'
  | 'complaints-contact'
  | 'consultation-activity';

export interface Settings {
  matrixSize: MatrixSize;
  decisionLimitDays: number;
  responseDays: number;
  targetMix: TargetMix;
  version: number;
}

export interface ScrutinyContext {
  locality: Locality;
  restricted: boolean;
  canAdminister: boolean;
  canScrutinise: boolean;
  settings: Settings;
  today: string;
  partnerships: PartnershipRecord[];
  partnershipNames: Map<string, string>;
  organisations: OrganisationRow[];
  organisationNames: Map<string, string>;
}

export interface RiskView {
  row: RiskRow;
  partnershipName: string;
  inherent: RiskScore;
  residual: RiskScore;
  trend: Trend;
  overdue: boolean;
  reviewOn: string;
  title: string;
  canEdit: boolean;
}

export interface RecommendationView {
  row: RecommendationRow;
  reviewTitle: string;
  addresseeName: string;
  actions: Array<ActionRow & { overdue: boolean }>;
  rag: Rag;
  overdue: boolean;
  /** Whether this person answers for the addressee. */
  canAnswer: boolean;
}

/** What an evidence pack holds: the live data for the review's scope, as issued. */
export interface EvidenceSnapshot {
  title: string;
  reviewTitle: string;
  scopeLabel: string;
  locality: string;
  generatedOn: string;
  partnerships: Array<{ name: string; reference: string; status: string; themes: string[] }>;
  performance: Array<{ outcome: string; plan: string; status: string }>;
  money: Array<{ organisation: string; pence: number; hours: number }>;
  risks: Array<{
    title: string;
    partnership: string;
    residual: number;
    band: string;
    reviewOn: string;
    overdue: boolean;
  }>;
  balance: Array<{ sector: string; seats: number; shareBp: number; targetBp: number }>;
  attendance: Array<{ organisation: string; expected: number; attended: number; empty: number }>;
  decisions: Array<{ partnership: string; heldOn: string; summary: string; difficult: boolean; open: boolean }>;
  /**
   * The overlap analysis as it stood: pairs with a partnership in scope (the score in whole
   * percent), and the groups they are part of. Absent from packs issued before it was added.
   */
  overlap?: {
    pairs: Array<{ partnership: string; other: string; scorePercent: number; likely: boolean; confirmed: boolean }>;
    groups: Array<{ partnerships: string[]; keeper: string; likelySavingPence: number }>;
  };
  /** Gatekeeper decisions and rationalisation changes about the partnerships in scope, oldest first. */
  history?: Array<{ partnership: string; on: string; source: 'gatekeeper' | 'rationalisation'; text: string }>;
}

/** How to complain about a partnership, and where that route comes from. */
export type ComplaintsRoute =
  | { source: 'partnership' | 'locality'; contact: ComplaintsContactRow }
  | {
      source: 'accountable-body' | 'lead-organisation';
      organisation: { id: string; name: string };
      website: string | null;
    }
  | { source: 'none' };

export const LSP_LABEL = 'The LSP (locality-wide)';
const LSP_KEY = 'lsp';

const SCORE_LABELS = {
  inherentLikelihood: 'likelihood before controls',
  inherentImpact: 'impact before controls',
  residualLikelihood: 'likelihood after controls',
  residualImpact: 'impact after controls',
} as const;

/** Members given one a line, "Cllr Ann Example (chair)"; a line without a role is a member. */
function committeeMembers(lines: string[]): Array<{ name: string; role: string }> {
  return lines.map((line) => {
    const match = /^(.*?)\s*\((chair|vice-chair|member|co-opted)\)\s*$/i.exec(line);
    return match
      ? { name: (match[1] as string).trim(), role: (match[2] as string).toLowerCase() }
      : { name: line, role: 'member' };
  });
}

/** Refuses any score given above the locality's matrix (the inputs allow up to 5), naming each field. */
function checkOnMatrix(size: MatrixSize, scores: Partial<Record<keyof typeof SCORE_LABELS, number>>): void {
  const off = (Object.keys(SCORE_LABELS) as Array<keyof typeof SCORE_LABELS>).filter(
    (field) => (scores[field] ?? 0) > size,
  );
  if (off.length)
    throw new ValidationError(
      off.map((field) => ({ field, message: `Choose the ${SCORE_LABELS[field]} from 1 to ${size}` })),
    );
}

/** The partnership that is the locality's LSP, by the register's one rule (register/lsp.ts). */
function findLsp(partnerships: PartnershipRecord[]): PartnershipRecord | undefined {
  const open = partnerships.filter((p) => p.status === 'active' || p.status === 'proposed');
  const openIds = new Set(open.map((p) => p.id));
  const children = new Map<string, string[]>();
  for (const p of open) if (p.parent_id) children.set(p.parent_id, [...(children.get(p.parent_id) ?? []), p.id]);
  const descendants = (id: string): number =>
    (children.get(id) ?? []).reduce((n, child) => n + 1 + descendants(child), 0);
  const tops = open
    .filter((p) => !p.parent_id || !openIds.has(p.parent_id))
    .map((p) => ({
      id: p.id,
      reference: p.reference,
      name: p.name,
      purpose: p.purpose,
      basisDetail: p.basis_detail,
      layer: p.layer,
      descendants: descendants(p.id),
    }));
  const chosen = chooseLsp(tops);
  return chosen ? partnerships.find((p) => p.id === chosen.id) : undefined;
}

export class ScrutinyService implements WorkSource {
  readonly repository = new ScrutinyRepository();

  constructor(
    private readonly core: CoreServices & {
      performance: PerformanceService;
      resources: ResourcesService;
      gatekeeper: GatekeeperService;
      rationalisation: RationalisationService;
    },
  ) {}

  private write<T>(options: WriteOptions | undefined, work: (trx: Db) => Promise<T>): Promise<T> {
    return options?.trx ? work(options.trx) : this.core.db.transaction().execute(work);
  }

  private audit(
    trx: Db,
    principal: Principal,
    entry: Omit<RecordInput, 'entityType' | 'action'> & { entityType: Entity; action: AuditAction },
  ): Promise<void> {
    return this.core.audit.record(trx, principal, entry);
  }

  // --- context ---------------------------------------------------------------------------------

  async settings(db: Db, localityId: string): Promise<Settings> {
    const row = await this.repository.settings(db, localityId);
    if (!row)
      return {
        matrixSize: 5,
        decisionLimitDays: 90,
        responseDays: 60,
        targetMix: { ...DEFAULT_TARGET_MIX },
        version: 0,
      };
    return {
      matrixSize: row.matrix_size as MatrixSize,
      decisionLimitDays: row.decision_limit_days,
      responseDays: row.response_days,
      targetMix: {
        public: row.target_public_bp,
        private: row.target_private_bp,
        voluntary: row.target_voluntary_bp,
        community: row.target_community_bp,
      },
      version: row.version,
    };
  }

  async context(
    principal: Principal,
    gssCode: string,
    options: { today?: string; db?: Db } = {},
  ): Promise<ScrutinyContext> {
    const db = options.db ?? this.core.db;
    const locality = await this.core.register.locality(gssCode, db);
    const restricted = canReadRestricted(principal, locality);
    const [all, organisations, settings] = await Promise.all([
      this.core.register.partnerships.allForLocality(db, locality.id),
      this.core.register.organisations.allForLocality(db, locality.id),
      this.settings(db, locality.id),
    ]);
    const partnerships = (restricted ? all : all.filter(isPublished)).sort((a, b) =>
      a.name.localeCompare(b.name, 'en-GB'),
    );
    return {
      locality,
      restricted,
      canAdminister: canAdministerLocality(principal, locality),
      canScrutinise: canScrutinise(principal, locality),
      settings,
      today: options.today ?? todayInLondon(),
      partnerships,
      partnershipNames: new Map(partnerships.map((p) => [p.id, p.name])),
      organisations: organisations.sort((a, b) => a.name.localeCompare(b.name, 'en-GB')),
      organisationNames: new Map(organisations.map((o) => [o.id, o.name])),
    };
  }

  /** Scrutiny's working papers are for readers of the locality's restricted material. */
  private requireReader(principal: Principal, ctx: ScrutinyContext, what: string): void {
    if (!ctx.restricted) refuse(principal, ctx.locality, what);
  }

  private requireScrutiny(principal: Principal, ctx: ScrutinyContext, what: string): void {
    if (!ctx.canScrutinise) refuse(principal, ctx.locality, what);
  }

  // --- settings -------------------------------------------------------------------------------

  async saveSettings(principal: Principal, gssCode: string, input: unknown, options?: WriteOptions) {
    const data = parseInput(settingsInput, input);
    const mix: TargetMix = {
      public: data.targetPublic * 100,
      private: data.targetPrivate * 100,
      voluntary: data.targetVoluntary * 100,
      community: data.targetCommunity * 100,
    };
    const problem = checkTargetMix(mix);
    if (problem) throw ValidationError.of('targetPublic', problem);
    return this.write(options, async (trx) => {
      const locality = await this.core.register.locality(gssCode, trx);
      if (!canAdministerLocality(principal, locality)) refuse(principal, locality, 'Locality');
      const before = await this.settings(trx, locality.id);
      const row = await this.repository.saveSettings(trx, {
        locality_id: locality.id,
        matrix_size: data.matrixSize,
        decision_limit_days: data.decisionLimitDays,
        response_days: data.responseDays,
        target_public_bp: mix.public,
        target_private_bp: mix.private,
        target_voluntary_bp: mix.voluntary,
        target_community_bp: mix.community,
        updated_at: new Date(),
      });
      await this.audit(trx, principal, {
        localityId: locality.id,
        action: 'update',
        entityType: 'accountability-settings',
        entityId: locality.id,
        summary: `Set the risk matrix to ${data.matrixSize}×${data.matrixSize}, the decision limit to ${data.decisionLimitDays} days and the target mix`,
        before,
        after: row,
      });
      return row;
    });
  }

  // --- risks ------------------------------------------------------------------------------------

  private mayEditRisk(principal: Principal, locality: Locality, partnershipId: string | null): boolean {
    return partnershipId
      ? canEditPartnership(principal, locality, partnershipId)
      : canAdministerLocality(principal, locality);
  }

  mayEditPartnershipRisks(
    principal: Principal,
    ctx: Pick<ScrutinyContext, 'locality'>,
    partnershipId: string,
  ): boolean {
    return this.mayEditRisk(principal, ctx.locality, partnershipId);
  }

  private viewRisk(
    principal: Principal,
    ctx: ScrutinyContext,
    row: RiskRow,
    history: RiskReviewRow[],
  ): RiskView | undefined {
    const partnershipName = row.partnership_id ? ctx.partnershipNames.get(row.partnership_id) : LSP_LABEL;
    if (partnershipName === undefined) return undefined;
    if (!ctx.restricted && row.restricted) return undefined;
    const size = ctx.settings.matrixSize;
    const from = row.matrix_size as MatrixSize;
    const score = (l: number, i: number) => scoreRisk(size, rescale(l, from, size), rescale(i, from, size));
    return {
      row,
      partnershipName,
      inherent: score(row.inherent_likelihood, row.inherent_impact),
      residual: score(row.residual_likelihood, row.residual_impact),
      trend: riskTrend(
        history.map((h) => {
          const f = h.matrix_size as MatrixSize;
          return scoreRisk(size, rescale(h.residual_likelihood, f, size), rescale(h.residual_impact, f, size)).score;
        }),
      ),
      overdue: isReviewOverdue(row.review_on, ctx.today),
      reviewOn: row.review_on,
      title: row.title,
      canEdit: !row.closed_on && this.mayEditRisk(principal, ctx.locality, row.partnership_id),
    };
  }

  /** The risk registers: the LSP's and each partnership's, or one of them (`lsp` or a partnership id). */
  async risks(principal: Principal, gssCode: string, query: { register?: string; today?: string } = {}) {
    const ctx = await this.context(principal, gssCode, { today: query.today });
    const rows = await this.repository.risks(this.core.db, ctx.locality.id);
    const history = await this.repository.reviewsOfRisks(
      this.core.db,
      rows.map((r) => r.id),
    );
    const all = rows
      .map((r) =>
        this.viewRisk(
          principal,
          ctx,
          r,
          history.filter((h) => h.risk_id === r.id),
        ),
      )
      .filter((r): r is RiskView => !!r);
    const register = query.register;
    const risks = all
      .filter((r) => !register || (register === LSP_KEY ? !r.row.partnership_id : r.row.partnership_id === register))
      .sort(byRiskSeverity);
    const size = ctx.settings.matrixSize;
    return {
      ...ctx,
      register: register ?? '',
      risks,
      heatMap: heatMap(
        size,
        risks.map((r) => ({ likelihood: r.residual.likelihood, impact: r.residual.impact, title: r.title })),
      ),
      top: [...all].sort(byRiskSeverity).slice(0, 10),
      overdue: risks.filter((r) => r.overdue),
      canRecord: ctx.canAdminister || ctx.partnerships.some((p) => canEditPartnership(principal, ctx.locality, p.id)),
    };
  }

  async risk(principal: Principal, gssCode: string, id: string, options: { today?: string } = {}) {
    const ctx = await this.context(principal, gssCode, options);
    const row = await this.repository.risk(this.core.db, ctx.locality.id, id);
    if (!row) throw new NotFoundError('Risk');
    const history = await this.repository.reviewsOfRisks(this.core.db, [row.id]);
    const view = this.viewRisk(principal, ctx, row, history);
    if (!view) throw new NotFoundError('Risk');
    const size = ctx.settings.matrixSize;
    return {
      ...ctx,
      risk: view,
      history: history
        .map((h) => ({
          ...h,
          residual: scoreRisk(
            size,
            rescale(h.residual_likelihood, h.matrix_size as MatrixSize, size),
            rescale(h.residual_impact, h.matrix_size as MatrixSize, size),
          ),
        }))
        .reverse(),
    };
  }

  async createRisk(principal: Principal, gssCode: string, input: unknown, options?: WriteOptions): Promise<RiskRow> {
    const data = parseInput(riskInput, input);
    return this.write(options, async (trx) => {
      const ctx = await this.context(principal, gssCode, { db: trx, today: options?.today });
      const partnershipId = data.partnershipId ?? null;
      if (!this.mayEditRisk(principal, ctx.locality, partnershipId)) refuse(principal, ctx.locality, 'Partnership');
      if (partnershipId && !ctx.partnershipNames.has(partnershipId))
        throw ValidationError.of('partnershipId', 'Choose a partnership of this locality');
      const size = ctx.settings.matrixSize;
      checkOnMatrix(size, data);
      const risk = await this.repository.insertRisk(trx, {
        locality_id: ctx.locality.id,
        partnership_id: partnershipId,
        title: data.title,
        description: data.description || null,
        cause: data.cause || null,
        effect: data.effect || null,
        owner: data.owner,
        controls: data.controls || null,
        outcomes: data.outcomes || null,
        matrix_size: size,
        inherent_likelihood: data.inherentLikelihood,
        inherent_impact: data.inherentImpact,
        residual_likelihood: data.residualLikelihood,
        residual_impact: data.residualImpact,
        review_on: data.reviewOn,
        restricted: data.restricted,
      });
      await this.repository.insertRiskReview(trx, {
        risk_id: risk.id,
        reviewed_on: ctx.today,
        matrix_size: size,
        residual_likelihood: data.residualLikelihood,
        residual_impact: data.residualImpact,
        note: 'Recorded',
        reviewed_by: principal.label,
      });
      await this.audit(trx, principal, {
        localityId: ctx.locality.id,
        action: 'create',
        entityType: 'risk',
        entityId: risk.id,
        partnershipId,
        summary: `Recorded the risk “${risk.title}”`,
        after: risk,
      });
      return risk;
    });
  }

  /** A review of a risk: its residual score now, a note, and the next review date; kept as history. */
  async reviewRisk(
    principal: Principal,
    gssCode: string,
    id: string,
    input: unknown,
    options?: WriteOptions,
  ): Promise<RiskRow> {
    return this.write(options, async (trx) => {
      const ctx = await this.context(principal, gssCode, { db: trx, today: options?.today });
      const risk = await this.repository.risk(trx, ctx.locality.id, id);
      if (!risk || (!ctx.restricted && risk.restricted)) throw new NotFoundError('Risk');
      if (!this.mayEditRisk(principal, ctx.locality, risk.partnership_id)) refuse(principal, ctx.locality, 'Risk');
      const data = parseInput(riskReviewInput, input);
      const size = ctx.settings.matrixSize;
      checkOnMatrix(size, data);
      if (data.nextReviewOn <= ctx.today)
        throw ValidationError.of('nextReviewOn', 'The next review must be after today');
      // A risk scored on another matrix moves to the locality's present one at its review.
      const inherent = {
        inherent_likelihood: rescale(risk.inherent_likelihood, risk.matrix_size as MatrixSize, size),
        inherent_impact: rescale(risk.inherent_impact, risk.matrix_size as MatrixSize, size),
      };
      const updated = await this.repository.updateRisk(trx, risk.id, data.version, {
        ...inherent,
        matrix_size: size,
        residual_likelihood: data.residualLikelihood,
        residual_impact: data.residualImpact,
        review_on: data.nextReviewOn,
      });
      if (!updated)
        throw new ConflictError('Someone else has reviewed this risk since you opened it: reload and try again');
      await this.repository.insertRiskReview(trx, {
        risk_id: risk.id,
        reviewed_on: ctx.today,
        matrix_size: size,
        residual_likelihood: data.residualLikelihood,
        residual_impact: data.residualImpact,
        note: data.note || null,
        reviewed_by: principal.label,
      });
      await this.audit(trx, principal, {
        localityId: ctx.locality.id,
        action: 'update',
        entityType: 'risk',
        entityId: risk.id,
        partnershipId: risk.partnership_id,
        summary: `Reviewed the risk “${risk.title}”: residual ${data.residualLikelihood}×${data.residualImpact}`,
        before: risk,
        after: updated,
      });
      return updated;
    });
  }

  /** A risk for its change and close pages: its register's keeper only, and not once closed. */
  async editableRisk(principal: Principal, gssCode: string, id: string) {
    const result = await this.risk(principal, gssCode, id);
    if (!result.risk.canEdit) refuse(principal, result.locality, 'Risk');
    return result;
  }

  /** An open risk of the locality that this person keeps, read in the write's transaction. */
  private async keptRisk(principal: Principal, ctx: ScrutinyContext, trx: Db, id: string): Promise<RiskRow> {
    const risk = await this.repository.risk(trx, ctx.locality.id, id);
    if (!risk || risk.closed_on || (!ctx.restricted && risk.restricted)) throw new NotFoundError('Risk');
    if (!this.mayEditRisk(principal, ctx.locality, risk.partnership_id)) refuse(principal, ctx.locality, 'Risk');
    return risk;
  }

  /**
   * Changes a risk's description, owner, controls, inherent score and restriction. The residual
   * score and next review move only at a review, so the history stays whole.
   */
  async updateRisk(principal: Principal, gssCode: string, id: string, input: unknown, options?: WriteOptions) {
    const data = parseInput(riskUpdate, input);
    return this.write(options, async (trx) => {
      const ctx = await this.context(principal, gssCode, { db: trx, today: options?.today });
      const risk = await this.keptRisk(principal, ctx, trx, id);
      const size = ctx.settings.matrixSize;
      checkOnMatrix(size, data);
      // Its inherent score is given on the locality's present matrix, so the rest moves there too.
      const from = risk.matrix_size as MatrixSize;
      const updated = await this.repository.updateRisk(trx, risk.id, data.version, {
        title: data.title,
        description: data.description || null,
        cause: data.cause || null,
        effect: data.effect || null,
        owner: data.owner,
        controls: data.controls || null,
        outcomes: data.outcomes || null,
        matrix_size: size,
        inherent_likelihood: data.inherentLikelihood,
        inherent_impact: data.inherentImpact,
        residual_likelihood: rescale(risk.residual_likelihood, from, size),
        residual_impact: rescale(risk.residual_impact, from, size),
        restricted: data.restricted,
      });
      if (!updated)
        throw new ConflictError('Someone else has changed this risk since you opened it: reload and try again');
      await this.audit(trx, principal, {
        localityId: ctx.locality.id,
        action: 'update',
        entityType: 'risk',
        entityId: risk.id,
        partnershipId: risk.partnership_id,
        summary: `Changed the risk “${updated.title}”`,
        before: risk,
        after: updated,
      });
      return updated;
    });
  }

  /** Closes a risk that no longer applies: it leaves the register and heat map, its history kept. */
  async closeRisk(principal: Principal, gssCode: string, id: string, input: unknown, options?: WriteOptions) {
    const { version } = parseInput(removalInput, input);
    return this.write(options, async (trx) => {
      const ctx = await this.context(principal, gssCode, { db: trx, today: options?.today });
      const risk = await this.keptRisk(principal, ctx, trx, id);
      const closed = await this.repository.updateRisk(trx, risk.id, version, { closed_on: ctx.today });
      if (!closed)
        throw new ConflictError('Someone else has changed this risk since you opened it: check it before closing it');
      await this.audit(trx, principal, {
        localityId: ctx.locality.id,
        action: 'close',
        entityType: 'risk',
        entityId: risk.id,
        partnershipId: risk.partnership_id,
        summary: `Closed the risk “${risk.title}”`,
        before: risk,
        after: closed,
      });
      return closed;
    });
  }

  // --- committees and reviews ----------------------------------------------------------------------

  /** The scrutiny workspace: committees with members, the work programme, the monitor's counts. */
  async overview(principal: Principal, gssCode: string, options: { today?: string } = {}) {
    const ctx = await this.context(principal, gssCode, options);
    this.requireReader(principal, ctx, 'Page');
    const [committees, reviews, monitor] = await Promise.all([
      this.repository.committees(this.core.db, ctx.locality.id),
      this.repository.reviews(this.core.db, ctx.locality.id),
      this.monitorRows(principal, ctx),
    ]);
    const members = await this.repository.committeeMembers(
      this.core.db,
      committees.map((c) => c.id),
    );
    return {
      ...ctx,
      committees: committees.map((c) => ({ ...c, members: members.filter((m) => m.committee_id === c.id) })),
      committeeNames: new Map(committees.map((c) => [c.id, c.name])),
      reviews,
      followUps: reviews.filter((r) => r.follow_up_on && r.follow_up_on >= ctx.today),
      monitor,
    };
  }

  async createCommittee(principal: Principal, gssCode: string, input: unknown, options?: WriteOptions) {
    const data = parseInput(committeeInput, input);
    const members = committeeMembers(data.members);
    return this.write(options, async (trx) => {
      const ctx = await this.context(principal, gssCode, { db: trx });
      this.requireScrutiny(principal, ctx, 'Locality');
      await this.checkCommitteeName(trx, ctx, data.name);
      const committee = await this.repository.insertCommittee(
        trx,
        { locality_id: ctx.locality.id, name: data.name, remit: data.remit || null },
        members,
      );
      await this.audit(trx, principal, {
        localityId: ctx.locality.id,
        action: 'create',
        entityType: 'scrutiny-committee',
        entityId: committee.id,
        summary: `Set up the committee ${committee.name}`,
        after: { ...committee, members },
      });
      return committee;
    });
  }

  private async checkCommitteeName(trx: Db, ctx: ScrutinyContext, name: string, except?: string): Promise<void> {
    const existing = await this.repository.committees(trx, ctx.locality.id);
    if (existing.some((c) => c.id !== except && c.name.toLowerCase() === name.toLowerCase()))
      throw ValidationError.of('name', 'There is already a committee with this name');
  }

  /** A committee with its members and how many reviews it holds, for its change and remove pages. */
  async committee(principal: Principal, gssCode: string, id: string) {
    const ctx = await this.context(principal, gssCode);
    this.requireReader(principal, ctx, 'Committee');
    const committee = await this.repository.committee(this.core.db, ctx.locality.id, id);
    if (!committee) throw new NotFoundError('Committee');
    const [members, reviews] = await Promise.all([
      this.repository.committeeMembers(this.core.db, [committee.id]),
      this.repository.reviews(this.core.db, ctx.locality.id),
    ]);
    return { ...ctx, committee, members, reviews: reviews.filter((r) => r.committee_id === committee.id) };
  }

  /** A committee of the locality, read in the write's transaction, for scrutiny to change. */
  private async committeeForChange(principal: Principal, gssCode: string, id: string, trx: Db) {
    const ctx = await this.context(principal, gssCode, { db: trx });
    this.requireReader(principal, ctx, 'Committee');
    const committee = await this.repository.committee(trx, ctx.locality.id, id);
    if (!committee) throw new NotFoundError('Committee');
    this.requireScrutiny(principal, ctx, 'Committee');
    return { ctx, committee };
  }

  /** A review of the locality, read in the write's transaction, for scrutiny to change. */
  private async reviewForChange(principal: Principal, gssCode: string, id: string, trx: Db) {
    const ctx = await this.context(principal, gssCode, { db: trx });
    this.requireReader(principal, ctx, 'Review');
    const review = await this.repository.review(trx, ctx.locality.id, id);
    if (!review) throw new NotFoundError('Review');
    this.requireScrutiny(principal, ctx, 'Review');
    return { ctx, review };
  }

  /** Changes a committee's name, remit and members (the list given replaces the members). */
  async updateCommittee(principal: Principal, gssCode: string, id: string, input: unknown, options?: WriteOptions) {
    const data = parseInput(committeeUpdate, input);
    const members = committeeMembers(data.members);
    return this.write(options, async (trx) => {
      const { ctx, committee } = await this.committeeForChange(principal, gssCode, id, trx);
      await this.checkCommitteeName(trx, ctx, data.name, committee.id);
      const before = { ...committee, members: await this.repository.committeeMembers(trx, [committee.id]) };
      const updated = await this.repository.updateCommittee(
        trx,
        committee.id,
        data.version,
        { name: data.name, remit: data.remit || null },
        members,
      );
      if (!updated)
        throw new ConflictError('Someone else has changed this committee since you opened it: reload and try again');
      await this.audit(trx, principal, {
        localityId: ctx.locality.id,
        action: 'update',
        entityType: 'scrutiny-committee',
        entityId: committee.id,
        summary: `Changed the committee ${updated.name}`,
        before: { ...before, members: before.members.map((m) => ({ name: m.name, role: m.role })) },
        after: { ...updated, members },
      });
      return updated;
    });
  }

  /** Removes a committee set up in error; one with reviews keeps its work programme and stays. */
  async removeCommittee(principal: Principal, gssCode: string, id: string, input: unknown, options?: WriteOptions) {
    const { version } = parseInput(removalInput, input);
    return this.write(options, async (trx) => {
      const { ctx, committee } = await this.committeeForChange(principal, gssCode, id, trx);
      const reviews = (await this.repository.reviews(trx, ctx.locality.id)).filter(
        (r) => r.committee_id === committee.id,
      );
      if (reviews.length)
        throw ValidationError.of(
          'version',
          `${committee.name} has ${reviews.length === 1 ? 'a review' : `${reviews.length} reviews`}: move or remove them first`,
        );
      const members = await this.repository.committeeMembers(trx, [committee.id]);
      if (!(await this.repository.deleteCommittee(trx, committee.id, version)))
        throw new ConflictError(
          'Someone else has changed this committee since you opened it: check it before removing it',
        );
      await this.audit(trx, principal, {
        localityId: ctx.locality.id,
        action: 'withdraw',
        entityType: 'scrutiny-committee',
        entityId: committee.id,
        summary: `Removed the committee ${committee.name}`,
        before: { ...committee, members: members.map((m) => ({ name: m.name, role: m.role })) },
      });
      return committee;
    });
  }

  /** A review's committee and scope checked against the locality: the row's scope fields. */
  private async reviewFields(trx: Db, ctx: ScrutinyContext, data: ReviewInput) {
    const committees = await this.repository.committees(trx, ctx.locality.id);
    if (!committees.some((c) => c.id === data.committeeId))
      throw ValidationError.of('committeeId', 'Choose a committee of this locality');
    if (data.scopeKind === 'theme' && !data.scopeTheme)
      throw ValidationError.of('scopeTheme', 'Choose the theme the review looks at');
    if (
      data.scopeKind === 'partnership' &&
      !(data.scopePartnershipId && ctx.partnershipNames.has(data.scopePartnershipId))
    )
      throw ValidationError.of('scopePartnershipId', 'Choose the partnership the review looks at');
    if (data.reportsOn && data.reportsOn < data.startsOn)
      throw ValidationError.of('reportsOn', 'The reporting date must be on or after the start');
    return {
      committee_id: data.committeeId,
      kind: data.kind,
      title: data.title,
      scope_kind: data.scopeKind,
      scope_theme: data.scopeKind === 'theme' ? (data.scopeTheme ?? null) : null,
      scope_partnership_id: data.scopeKind === 'partnership' ? (data.scopePartnershipId ?? null) : null,
      scope: data.scope,
      questions: data.questions || null,
      witnesses: data.witnesses || null,
      starts_on: data.startsOn,
      reports_on: data.reportsOn ?? null,
      follow_up_on: data.followUpOn ?? null,
    };
  }

  async createReview(principal: Principal, gssCode: string, input: unknown, options?: WriteOptions) {
    const data = parseInput(reviewInput, input);
    return this.write(options, async (trx) => {
      const ctx = await this.context(principal, gssCode, { db: trx });
      this.requireScrutiny(principal, ctx, 'Locality');
      const review = await this.repository.insertReview(trx, {
        locality_id: ctx.locality.id,
        ...(await this.reviewFields(trx, ctx, data)),
        status: 'in-progress',
      });
      await this.audit(trx, principal, {
        localityId: ctx.locality.id,
        action: 'create',
        entityType: 'scrutiny-review',
        entityId: review.id,
        summary: `Started the review “${review.title}”`,
        after: review,
      });
      return review;
    });
  }

  private scopeLabel(ctx: ScrutinyContext, review: ReviewRow, themeNames: Map<string, string>): string {
    if (review.scope_kind === 'theme')
      return `The ${themeNames.get(review.scope_theme ?? '') ?? review.scope_theme} theme`;
    if (review.scope_kind === 'partnership')
      return ctx.partnershipNames.get(review.scope_partnership_id ?? '') ?? 'A partnership';
    return 'The LSP and its partnerships';
  }

  async themeNames(): Promise<Map<string, string>> {
    const items = await this.core.reference.list('theme');
    return new Map(items.map((i) => [i.code, i.label]));
  }

  async review(principal: Principal, gssCode: string, id: string, options: { today?: string } = {}) {
    const ctx = await this.context(principal, gssCode, options);
    this.requireReader(principal, ctx, 'Review');
    const review = isUuid(id) ? await this.repository.review(this.core.db, ctx.locality.id, id) : undefined;
    if (!review) throw new NotFoundError('Review');
    const [committees, packs, themeNames, monitor] = await Promise.all([
      this.repository.committees(this.core.db, ctx.locality.id),
      this.repository.packs(this.core.db, review.id),
      this.themeNames(),
      this.monitorRows(principal, ctx, review.id),
    ]);
    return {
      ...ctx,
      review,
      committee: committees.find((c) => c.id === review.committee_id),
      scopeLabel: this.scopeLabel(ctx, review, themeNames),
      packs,
      recommendations: monitor,
    };
  }

  async recordFindings(principal: Principal, gssCode: string, id: string, input: unknown, options?: WriteOptions) {
    const data = parseInput(findingsInput, input);
    return this.write(options, async (trx) => {
      const { ctx, review } = await this.reviewForChange(principal, gssCode, id, trx);
      const updated = await this.repository.updateReview(trx, review.id, data.version, {
        findings: data.findings,
        status: data.status,
        follow_up_on: data.followUpOn ?? review.follow_up_on,
      });
      if (!updated)
        throw new ConflictError('Someone else has changed this review since you opened it: reload and try again');
      await this.audit(trx, principal, {
        localityId: ctx.locality.id,
        action: 'update',
        entityType: 'scrutiny-review',
        entityId: review.id,
        summary: `Recorded the findings of “${review.title}”`,
        before: review,
        after: updated,
      });
      return updated;
    });
  }

  /**
   * Changes a review's committee, kind, title, scope, questions, witnesses and dates. Packs
   * already issued keep the scope they were drawn for; the next pack follows the new one.
   */
  async updateReview(principal: Principal, gssCode: string, id: string, input: unknown, options?: WriteOptions) {
    const data = parseInput(reviewUpdate, input);
    return this.write(options, async (trx) => {
      const { ctx, review } = await this.reviewForChange(principal, gssCode, id, trx);
      const updated = await this.repository.updateReview(
        trx,
        review.id,
        data.version,
        await this.reviewFields(trx, ctx, data),
      );
      if (!updated)
        throw new ConflictError('Someone else has changed this review since you opened it: reload and try again');
      await this.audit(trx, principal, {
        localityId: ctx.locality.id,
        action: 'update',
        entityType: 'scrutiny-review',
        entityId: review.id,
        summary: `Changed the review “${updated.title}”`,
        before: review,
        after: updated,
      });
      return updated;
    });
  }

  /** Removes a review started in error: one that has issued a pack or made a recommendation stays. */
  async removeReview(principal: Principal, gssCode: string, id: string, input: unknown, options?: WriteOptions) {
    const { version } = parseInput(removalInput, input);
    return this.write(options, async (trx) => {
      const { ctx, review } = await this.reviewForChange(principal, gssCode, id, trx);
      const [packs, recommendations] = await Promise.all([
        this.repository.packs(trx, review.id),
        this.repository.recommendations(trx, ctx.locality.id, review.id),
      ]);
      if (packs.length || recommendations.length)
        throw ValidationError.of(
          'version',
          'This review has issued an evidence pack or made recommendations, so it stays on record',
        );
      if (!(await this.repository.deleteReview(trx, review.id, version)))
        throw new ConflictError(
          'Someone else has changed this review since you opened it: check it before removing it',
        );
      await this.audit(trx, principal, {
        localityId: ctx.locality.id,
        action: 'withdraw',
        entityType: 'scrutiny-review',
        entityId: review.id,
        summary: `Removed the review “${review.title}”`,
        before: review,
      });
      return review;
    });
  }

  // --- evidence packs ---------------------------------------------------------------------------

  /** The review's partnerships: those of its theme, the one it names, or every open one for the LSP. */
  private inScope(ctx: ScrutinyContext, review: ReviewRow): PartnershipRecord[] {
    if (review.scope_kind === 'partnership')
      return ctx.partnerships.filter((p) => p.id === review.scope_partnership_id);
    const open = ctx.partnerships.filter((p) => p.status === 'active' || p.status === 'proposed');
    if (review.scope_kind === 'theme') return open.filter((p) => p.themes.includes(review.scope_theme ?? ''));
    return open;
  }

  /** The evidence for a review, from live data, as a pack would freeze it. */
  async evidence(principal: Principal, ctx: ScrutinyContext, review: ReviewRow, db: Db): Promise<EvidenceSnapshot> {
    const themeNames = await this.themeNames();
    const scope = this.inScope(ctx, review);
    const ids = new Set(scope.map((p) => p.id));
    const code = ctx.locality.gss_code;

    const framework = await this.core.performance.framework(
      principal,
      code,
      review.scope_kind === 'theme'
        ? { theme: review.scope_theme }
        : review.scope_kind === 'partnership'
          ? { partnership: review.scope_partnership_id }
          : {},
    );
    const performance = framework.plans.flatMap((plan) =>
      plan.outcomes.map((o) => ({ outcome: o.outcome.title, plan: plan.plan.title, status: o.status as string })),
    );

    const contributions = await this.core.resources.contributions(principal, code, { today: ctx.today });
    const money = new Map<string, { organisation: string; pence: number; hours: number }>();
    for (const c of contributions.contributions) {
      if (c.row.state !== 'confirmed' || !ids.has(c.row.partnership_id)) continue;
      const entry = money.get(c.row.organisation_id) ?? { organisation: c.organisationName, pence: 0, hours: 0 };
      entry.pence += c.valuePence;
      entry.hours += c.row.hours ?? 0;
      money.set(c.row.organisation_id, entry);
    }

    const riskRows = (await this.repository.risks(db, ctx.locality.id)).filter(
      (r) =>
        (r.partnership_id === null && review.scope_kind === 'lsp') || (r.partnership_id && ids.has(r.partnership_id)),
    );
    const risks = riskRows
      .map((r) => this.viewRisk(principal, ctx, r, []))
      .filter((r): r is RiskView => !!r)
      .sort(byRiskSeverity)
      .map((r) => ({
        title: r.title,
        partnership: r.partnershipName,
        residual: r.residual.score,
        band: r.residual.band,
        reviewOn: r.reviewOn,
        overdue: r.overdue,
      }));

    const seats = (await this.core.register.memberships.allForLocality(db, ctx.locality.id)).filter(
      (m) => ids.has(m.partnership_id) && !m.ended_on,
    );
    const balance = sectorBalance(
      seats.map((s) => ({ sector: s.organisation_sector as SectorName, role: s.role })),
      ctx.settings.targetMix,
    ).map((b) => ({ sector: b.sector, seats: b.seats, shareBp: b.shareBp, targetBp: b.targetBp }));

    const attendance = await this.attendance(ctx, db, ids);
    const decisions = (await this.repository.decisions(db, ctx.locality.id))
      .filter((d) => ids.has(d.partnership_id))
      .map((d) => ({
        partnership: d.partnership_name,
        heldOn: d.held_on,
        summary: d.summary,
        difficult: d.difficult,
        open: d.difficult && !d.resolved_on,
      }));

    const [overlap, history] = await Promise.all([
      this.overlapEvidence(principal, ctx, ids),
      this.historyEvidence(principal, ctx, scope),
    ]);

    return {
      title: `Evidence pack: ${review.title}`,
      reviewTitle: review.title,
      scopeLabel: this.scopeLabel(ctx, review, themeNames),
      locality: ctx.locality.name,
      generatedOn: ctx.today,
      partnerships: scope.map((p) => ({
        name: p.name,
        reference: p.reference,
        status: p.status,
        themes: p.themes.map((t) => themeNames.get(t) ?? t),
      })),
      performance,
      money: [...money.values()].sort((a, b) => b.pence - a.pence || a.organisation.localeCompare(b.organisation)),
      risks,
      balance,
      attendance: attendance.rates
        .map((r) => ({
          organisation: ctx.organisationNames.get(r.organisationId) ?? '',
          expected: r.expected,
          attended: r.attended,
          empty: r.empty,
        }))
        .sort((a, b) => a.organisation.localeCompare(b.organisation, 'en-GB')),
      decisions,
      overlap,
      history,
    };
  }

  /** What the overlap analysis finds about the partnerships in scope: their pairs and groups. */
  private async overlapEvidence(
    principal: Principal,
    ctx: ScrutinyContext,
    ids: Set<string>,
  ): Promise<NonNullable<EvidenceSnapshot['overlap']>> {
    const { analysis } = await this.core.overlap.analyse(principal, ctx.locality.gss_code);
    const name = (id: string) => ctx.partnershipNames.get(id) ?? '';
    const pairs = analysis.pairs
      .filter((p) => ids.has(p.aId) || ids.has(p.bId))
      .slice(0, 20)
      .map((p) => {
        const [mine, other] = ids.has(p.aId) ? [p.aId, p.bId] : [p.bId, p.aId];
        return {
          partnership: name(mine),
          other: name(other),
          scorePercent: Math.round(p.score * 100),
          likely: p.tier === 'likely',
          confirmed: p.judgement === 'same',
        };
      });
    const groups = analysis.clusters
      .filter((c) => c.partnershipIds.some((id) => ids.has(id)))
      .map((c) => ({
        partnerships: c.partnershipIds.map(name).sort((a, b) => a.localeCompare(b, 'en-GB')),
        keeper: name(c.keeperId),
        likelySavingPence: c.likelySavingPence,
      }));
    return { pairs, groups };
  }

  /**
   * The gatekeeper's decisions on proposals about the partnerships in scope (the one that
   * created each, and those whose pre-check found them alike), and the rationalisation plans
   * that merged into, nested under or closed them.
   */
  private async historyEvidence(
    principal: Principal,
    ctx: ScrutinyContext,
    scope: PartnershipRecord[],
  ): Promise<NonNullable<EvidenceSnapshot['history']>> {
    const code = ctx.locality.gss_code;
    const ids = new Set(scope.map((p) => p.id));
    const name = (id: string | null) => (id ? (ctx.partnershipNames.get(id) ?? '') : '');
    const log = await this.core.gatekeeper.decisionLog(principal, code);
    const decided = (
      await Promise.all(
        log.entries.map(async (e) => {
          const on = e.decidedAt.toISOString().slice(0, 10);
          const decision = `${e.outcomeLabel}: proposal ${e.reference}, “${e.title}”`;
          const reasons = e.reasons ? `. ${e.reasons}` : '';
          if (e.partnershipId && ids.has(e.partnershipId))
            return [{ partnership: name(e.partnershipId), on, text: `${decision}, which created it${reasons}` }];
          // A proposal its pre-check found like a partnership in scope was decided about it too.
          const { proposal } = await this.core.gatekeeper.get(principal, code, e.id);
          const precheck = (
            typeof proposal.precheck === 'string' ? JSON.parse(proposal.precheck) : proposal.precheck
          ) as { similar?: Array<{ partnershipId: string; score: number }> } | null;
          return (precheck?.similar ?? [])
            .filter((m) => ids.has(m.partnershipId))
            .map((m) => ({
              partnership: name(m.partnershipId),
              on,
              text: `${decision}, whose pre-check found it ${Math.round(m.score * 100)}% like this partnership${reasons}`,
            }));
        }),
      )
    )
      .flat()
      .map((d) => ({ ...d, source: 'gatekeeper' as const }));
    const changed = await this.repository.partnershipsWithLineage(this.core.db, ctx.locality.id);
    const changes = (
      await Promise.all(
        scope
          .filter((p) => changed.has(p.id))
          .map(async (p) => {
            const lineage = await this.core.rationalisation.lineage(principal, code, p.id);
            const plan = (reference: string | null) => (reference ? ` (plan ${reference})` : '');
            return [
              ...lineage.predecessors.map((l) => ({
                on: l.on,
                text: `${l.name} merged into it${plan(l.planReference)}`,
              })),
              ...lineage.successors.map((l) => ({
                on: l.on,
                text: `${l.how}${l.name ? ` ${l.name}` : ''}${plan(l.planReference)}`,
              })),
              ...lineage.nestedHere.map((l) => ({
                on: l.on,
                text: `${l.name} nested under it${plan(l.planReference)}`,
              })),
            ].map((c) => ({ partnership: p.name, source: 'rationalisation' as const, ...c }));
          }),
      )
    ).flat();
    return [...decided, ...changes].sort(
      (a, b) => a.on.localeCompare(b.on) || a.partnership.localeCompare(b.partnership),
    );
  }

  /**
   * Freezes the evidence as it is today: the committee reads what was true when the pack was
   * issued. The evidence is read first, through the other capabilities' services (which read on
   * their own connection, so it cannot be inside this write's transaction on PGlite); the pack
   * and its audit entry are then written together.
   */
  async issuePack(principal: Principal, gssCode: string, reviewId: string, options: { today?: string } = {}) {
    const ctx = await this.context(principal, gssCode, options);
    this.requireReader(principal, ctx, 'Review');
    const review = await this.repository.review(this.core.db, ctx.locality.id, reviewId);
    if (!review) throw new NotFoundError('Review');
    this.requireScrutiny(principal, ctx, 'Review');
    const snapshot = await this.evidence(principal, ctx, review, this.core.db);
    return this.write(undefined, async (trx) => {
      const pack = await this.repository.insertPack(trx, {
        locality_id: ctx.locality.id,
        review_id: review.id,
        issued_on: ctx.today,
        issued_by: principal.label,
        snapshot: JSON.stringify(snapshot),
      });
      await this.audit(trx, principal, {
        localityId: ctx.locality.id,
        action: 'issue',
        entityType: 'evidence-pack',
        entityId: pack.id,
        summary: `Issued the evidence pack for “${review.title}”`,
      });
      return pack;
    });
  }

  async pack(principal: Principal, gssCode: string, id: string) {
    const ctx = await this.context(principal, gssCode);
    this.requireReader(principal, ctx, 'Evidence pack');
    const pack = await this.repository.pack(this.core.db, ctx.locality.id, id);
    if (!pack) throw new NotFoundError('Evidence pack');
    const snapshot = (
      typeof pack.snapshot === 'string' ? JSON.parse(pack.snapshot) : pack.snapshot
    ) as EvidenceSnapshot;
    return { ...ctx, pack, snapshot };
  }

  // --- recommendations ----------------------------------------------------------------------------

  private async mayAnswer(
    principal: Principal,
    locality: Locality,
    rec: Pick<RecommendationRow, 'addressee_kind' | 'partnership_id' | 'organisation_id'>,
  ): Promise<boolean> {
    if (!principal.canWrite) return false;
    if (rec.addressee_kind === 'partnership')
      return canEditPartnership(principal, locality, rec.partnership_id ?? undefined);
    if (rec.addressee_kind === 'organisation')
      return (
        canAdministerLocality(principal, locality) ||
        principal.grants.some(
          (g) =>
            g.role === 'partner-representative' &&
            g.localityId === locality.id &&
            g.organisationId === rec.organisation_id,
        )
      );
    return canAdministerLocality(principal, locality);
  }

  private addresseeName(ctx: ScrutinyContext, rec: RecommendationRow): string {
    if (rec.addressee_kind === 'partnership') return ctx.partnershipNames.get(rec.partnership_id ?? '') ?? '';
    if (rec.addressee_kind === 'organisation') return ctx.organisationNames.get(rec.organisation_id ?? '') ?? '';
    return LSP_LABEL;
  }

  private async monitorRows(
    principal: Principal,
    ctx: ScrutinyContext,
    reviewId?: string,
  ): Promise<RecommendationView[]> {
    const [rows, reviews] = await Promise.all([
      this.repository.recommendations(this.core.db, ctx.locality.id, reviewId),
      this.repository.reviews(this.core.db, ctx.locality.id),
    ]);
    const actions = await this.repository.actions(
      this.core.db,
      rows.map((r) => r.id),
    );
    const titles = new Map(reviews.map((r) => [r.id, r.title]));
    return Promise.all(rows.map((row) => this.viewRecommendation(principal, ctx, row, actions, titles)));
  }

  private async viewRecommendation(
    principal: Principal,
    ctx: ScrutinyContext,
    row: RecommendationRow,
    allActions: ActionRow[],
    reviewTitles: Map<string, string>,
  ): Promise<RecommendationView> {
    const actions = allActions.filter((a) => a.recommendation_id === row.id);
    const { rag, overdue } = ragStatus(
      {
        status: row.status as RecommendationStatus,
        responseDueOn: row.response_due_on,
        actions: actions.map((a) => ({ dueOn: a.due_on, progress: a.progress })),
      },
      ctx.today,
    );
    return {
      row,
      reviewTitle: reviewTitles.get(row.review_id) ?? '',
      addresseeName: this.addresseeName(ctx, row),
      actions: actions.map((a) => ({
        ...a,
        overdue: isActionOverdue({ dueOn: a.due_on, progress: a.progress }, ctx.today),
      })),
      rag,
      overdue,
      canAnswer: await this.mayAnswer(principal, ctx.locality, row),
    };
  }

  /** The recommendations monitor: every recommendation with its response, actions and RAG status. */
  async monitor(principal: Principal, gssCode: string, query: { rag?: string; today?: string } = {}) {
    const ctx = await this.context(principal, gssCode, { today: query.today });
    this.requireReader(principal, ctx, 'Page');
    const all = await this.monitorRows(principal, ctx);
    const rows =
      query.rag === 'overdue' ? all.filter((r) => r.overdue) : query.rag ? all.filter((r) => r.rag === query.rag) : all;
    return { ...ctx, rows, all, overdue: all.filter((r) => r.overdue).length };
  }

  async recommendation(principal: Principal, gssCode: string, id: string, options: { today?: string } = {}) {
    const ctx = await this.context(principal, gssCode, options);
    this.requireReader(principal, ctx, 'Recommendation');
    const row = await this.repository.recommendation(this.core.db, ctx.locality.id, id);
    if (!row) throw new NotFoundError('Recommendation');
    const [actions, reviews] = await Promise.all([
      this.repository.actions(this.core.db, [row.id]),
      this.repository.reviews(this.core.db, ctx.locality.id),
    ]);
    const view = await this.viewRecommendation(
      principal,
      ctx,
      row,
      actions,
      new Map(reviews.map((r) => [r.id, r.title])),
    );
    return { ...ctx, view };
  }

  /** Who to tell about a recommendation: its addressee's secretaries, representatives or administrators. */
  private async addresseeUserIds(db: Db, localityId: string, rec: RecommendationRow): Promise<string[]> {
    let query = db
      .selectFrom('role_assignments as r')
      .innerJoin('users as u', 'u.id', 'r.user_id')
      .select('u.id')
      .distinct()
      .where('u.active', '=', true)
      .where('r.locality_id', '=', localityId);
    if (rec.addressee_kind === 'partnership')
      query = query.where('r.role', '=', 'partnership-secretary').where('r.partnership_id', '=', rec.partnership_id);
    else if (rec.addressee_kind === 'organisation')
      query = query.where('r.role', '=', 'partner-representative').where('r.organisation_id', '=', rec.organisation_id);
    else query = query.where('r.role', '=', 'locality-admin');
    return (await query.execute()).map((r) => r.id);
  }

  async addRecommendation(
    principal: Principal,
    gssCode: string,
    reviewId: string,
    input: unknown,
    options?: WriteOptions,
  ): Promise<RecommendationRow> {
    return this.write(options, async (trx) => {
      const ctx = await this.context(principal, gssCode, { db: trx, today: options?.today });
      this.requireReader(principal, ctx, 'Review');
      const review = await this.repository.review(trx, ctx.locality.id, reviewId);
      if (!review) throw new NotFoundError('Review');
      this.requireScrutiny(principal, ctx, 'Review');
      const data = parseInput(recommendationInput, input);
      if (data.addresseeKind === 'partnership' && !(data.partnershipId && ctx.partnershipNames.has(data.partnershipId)))
        throw ValidationError.of('partnershipId', 'Choose the partnership the recommendation is to');
      if (
        data.addresseeKind === 'organisation' &&
        !(data.organisationId && ctx.organisationNames.has(data.organisationId))
      )
        throw ValidationError.of('organisationId', 'Choose the organisation the recommendation is to');
      const rec = await this.repository.insertRecommendation(trx, {
        locality_id: ctx.locality.id,
        review_id: review.id,
        number: await this.repository.nextNumber(trx, review.id),
        text: data.text,
        addressee_kind: data.addresseeKind,
        partnership_id: data.addresseeKind === 'partnership' ? (data.partnershipId ?? null) : null,
        organisation_id: data.addresseeKind === 'organisation' ? (data.organisationId ?? null) : null,
        owner: data.owner || null,
        made_on: ctx.today,
        response_due_on: addDays(ctx.today, ctx.settings.responseDays),
      });
      await this.audit(trx, principal, {
        localityId: ctx.locality.id,
        action: 'create',
        entityType: 'recommendation',
        entityId: rec.id,
        partnershipId: rec.partnership_id,
        organisationId: rec.organisation_id,
        summary: `Made recommendation ${rec.number} of “${review.title}” to ${this.addresseeName(ctx, rec)}`,
        after: rec,
      });
      await this.core.notifications.notify(
        {
          userIds: await this.addresseeUserIds(trx, ctx.locality.id, rec),
          except: principal.userId,
          localityId: ctx.locality.id,
          subject: `A scrutiny recommendation to ${this.addresseeName(ctx, rec)}`,
          body: `The review “${review.title}” recommends: ${rec.text}\n\nPlease respond by ${formatDate(rec.response_due_on)}: accept it, accept part of it or reject it, with your reasons, and record the actions you will take.`,
          link: `/localities/${ctx.locality.gss_code}/scrutiny/recommendations/${rec.id}`,
        },
        { trx },
      );
      return rec;
    });
  }

  private async changeRecommendation(
    principal: Principal,
    gssCode: string,
    id: string,
    options: WriteOptions | undefined,
    work: (trx: Db, ctx: ScrutinyContext, rec: RecommendationRow) => Promise<{ summary: string; notify: boolean }>,
  ): Promise<RecommendationRow> {
    return this.write(options, async (trx) => {
      const ctx = await this.context(principal, gssCode, { db: trx, today: options?.today });
      this.requireReader(principal, ctx, 'Recommendation');
      const rec = await this.repository.recommendation(trx, ctx.locality.id, id);
      if (!rec) throw new NotFoundError('Recommendation');
      const { summary, notify } = await work(trx, ctx, rec);
      const after = (await this.repository.recommendation(trx, ctx.locality.id, id)) as RecommendationRow;
      await this.audit(trx, principal, {
        localityId: ctx.locality.id,
        action: 'update',
        entityType: 'recommendation',
        entityId: rec.id,
        partnershipId: rec.partnership_id,
        organisationId: rec.organisation_id,
        summary,
        before: rec,
        after,
      });
      if (notify)
        await this.core.notifications.notify(
          {
            roles: [{ role: 'scrutiny-member', localityId: ctx.locality.id }],
            except: principal.userId,
            localityId: ctx.locality.id,
            subject: `Recommendation ${rec.number}: ${summary.toLowerCase()}`,
            body: `${this.addresseeName(ctx, rec)}: ${summary}.\n\n${rec.text}`,
            link: `/localities/${ctx.locality.gss_code}/scrutiny/recommendations/${rec.id}`,
          },
          { trx },
        );
      return after;
    });
  }

  /** The addressee's response: accepted, partly accepted or rejected, with reasons for the last two. */
  respond(principal: Principal, gssCode: string, id: string, input: unknown, options?: WriteOptions) {
    return this.changeRecommendation(principal, gssCode, id, options, async (trx, ctx, rec) => {
      if (!(await this.mayAnswer(principal, ctx.locality, rec))) refuse(principal, ctx.locality, 'Recommendation');
      const data = parseInput(responseInput, input);
      const next = transition(rec.status as RecommendationStatus, {
        type: 'respond',
        response: data.response,
        reasons: data.reasons,
      });
      if (!next.ok) throw ValidationError.of(next.message.startsWith('Give') ? 'reasons' : 'response', next.message);
      const updated = await this.repository.updateRecommendation(trx, rec.id, data.version, {
        status: next.status,
        response_reasons: data.reasons || null,
        owner: data.owner || rec.owner,
        responded_on: ctx.today,
        responded_by: principal.label,
      });
      if (!updated)
        throw new ConflictError('This recommendation has changed since you opened it: reload and try again');
      const said = { accepted: 'Accepted', 'partly-accepted': 'Partly accepted', rejected: 'Rejected' }[data.response];
      return { summary: `${said} by ${this.addresseeName(ctx, rec)}`, notify: true };
    });
  }

  addAction(principal: Principal, gssCode: string, id: string, input: unknown, options?: WriteOptions) {
    return this.changeRecommendation(principal, gssCode, id, options, async (trx, ctx, rec) => {
      if (!(await this.mayAnswer(principal, ctx.locality, rec))) refuse(principal, ctx.locality, 'Recommendation');
      const data = parseInput(actionInput, input);
      if (rec.status !== 'accepted' && rec.status !== 'partly-accepted')
        throw ValidationError.of('description', 'Accept the recommendation, or part of it, before recording actions');
      await this.repository.insertAction(trx, {
        recommendation_id: rec.id,
        description: data.description,
        due_on: data.dueOn,
        updated_on: ctx.today,
        created_by: principal.label,
      });
      return { summary: `Action added: ${data.description} (due ${formatDate(data.dueOn)})`, notify: true };
    });
  }

  updateProgress(
    principal: Principal,
    gssCode: string,
    id: string,
    actionId: string,
    input: unknown,
    options?: WriteOptions,
  ) {
    return this.changeRecommendation(principal, gssCode, id, options, async (trx, ctx, rec) => {
      const action = await this.repository.action(trx, actionId);
      if (!action || action.recommendation_id !== rec.id) throw new NotFoundError('Action');
      if (!(await this.mayAnswer(principal, ctx.locality, rec))) refuse(principal, ctx.locality, 'Recommendation');
      const data = parseInput(progressInput, input);
      await this.repository.updateAction(trx, action.id, {
        progress: data.progress,
        progress_note: data.note || action.progress_note,
        updated_on: ctx.today,
      });
      return { summary: `Progress on “${action.description}”: ${data.progress}%`, notify: true };
    });
  }

  /** The committee signs a recommendation off as implemented, or reopens one it is not satisfied with. */
  signOff(principal: Principal, gssCode: string, id: string, event: 'complete' | 'reopen', options?: WriteOptions) {
    return this.changeRecommendation(principal, gssCode, id, options, async (trx, ctx, rec) => {
      if (!ctx.canScrutinise) refuse(principal, ctx.locality, 'Recommendation');
      const next = transition(rec.status as RecommendationStatus, { type: event });
      if (!next.ok) throw ValidationError.of('status', next.message);
      await this.repository.updateRecommendation(trx, rec.id, rec.version, { status: next.status });
      return {
        summary: event === 'complete' ? 'Signed off as implemented' : 'Reopened by the committee',
        notify: false,
      };
    });
  }

  /**
   * What waits on a person: the committee sees overdue recommendations (a response or an
   * action past its date); an addressee sees the recommendations awaiting its answer.
   */
  async workFor(principal: Principal, now: Date): Promise<WorkItem[]> {
    if (!principal.canWrite || principal.kind === 'public') return [];
    const today = todayInLondon(now);
    const items: WorkItem[] = [];
    const localityIds = new Set(
      principal.grants.filter((g) => g.localityId && g.role !== 'bid-scrutineer').map((g) => g.localityId as string),
    );
    for (const localityId of localityIds) {
      const locality = await this.core.db
        .selectFrom('localities')
        .selectAll()
        .where('id', '=', localityId)
        .executeTakeFirst();
      if (!locality) continue;
      const recs = await this.repository.recommendations(this.core.db, localityId);
      if (!recs.length) continue;
      const ctx = await this.context(principal, locality.gss_code, { today });
      const actions = await this.repository.actions(
        this.core.db,
        recs.map((r) => r.id),
      );
      const committee = principal.grants.some((g) => g.role === 'scrutiny-member' && g.localityId === localityId);
      for (const rec of recs) {
        const view = await this.viewRecommendation(principal, ctx, rec, actions, new Map());
        const link = `/localities/${locality.gss_code}/scrutiny/recommendations/${rec.id}`;
        if (view.canAnswer && rec.status === 'awaiting-response')
          items.push({
            kind: 'answer',
            title: `Respond to scrutiny recommendation ${rec.number} to ${view.addresseeName}`,
            detail: `Due by ${formatDate(rec.response_due_on)}.`,
            link,
            localityName: locality.name,
            overdue: view.overdue,
            due: new Date(`${rec.response_due_on}T00:00:00Z`),
          });
        else if (committee && view.overdue)
          items.push({
            kind: 'overdue',
            title: `Recommendation ${rec.number} to ${view.addresseeName} is overdue`,
            detail:
              rec.status === 'awaiting-response'
                ? `No response since ${formatDate(rec.response_due_on)}.`
                : 'An action is past its due date.',
            link,
            localityName: locality.name,
            overdue: true,
            due: null,
          });
      }
    }
    return items;
  }

  // --- accountability ------------------------------------------------------------------------------

  /**
   * Who is accountable for a partnership, in public: its chair (and so the duties of paragraph
   * 2.35), its accountable body and lead organisation, how to complain, and the latest decisions
   * of its meetings that are not restricted. Only what the register publishes.
   */
  async whoIsAccountable(principal: Principal, gssCode: string, partnershipId: string) {
    const detail = await this.core.register.getPartnership(principal, gssCode, partnershipId);
    const chairs = detail.members.filter((m) => !m.ended_on && (m.role === 'chair' || m.role === 'vice-chair'));
    const decisions = (await this.repository.decisions(this.core.db, detail.locality.id))
      .filter((d) => d.partnership_id === partnershipId && !d.restricted)
      .slice(0, 10);
    const complaints = await this.complaintsRoute(this.core.db, detail.locality.id, detail);
    return {
      ...detail,
      chairs,
      decisions,
      complaints,
      canEditComplaints: canEditPartnership(principal, detail.locality, partnershipId),
    };
  }

  /**
   * How to complain about a partnership: its own complaints contact; else the locality's joint
   * complaints route; else the accountable body's (or, without one, the lead organisation's)
   * own complaints procedure, with its website.
   */
  private async complaintsRoute(
    db: Db,
    localityId: string,
    detail: Pick<PartnershipDetail, 'accountableBody' | 'leadOrganisation'> & { partnership: { id: string } },
  ): Promise<ComplaintsRoute> {
    const contacts = await this.repository.complaintsContacts(db, localityId);
    const own = contacts.find((c) => c.partnership_id === detail.partnership.id);
    if (own) return { source: 'partnership', contact: own };
    const joint = contacts.find((c) => c.partnership_id === null);
    if (joint) return { source: 'locality', contact: joint };
    const organisation = detail.accountableBody ?? detail.leadOrganisation;
    if (!organisation) return { source: 'none' };
    const website =
      (await db.selectFrom('organisations').select('website').where('id', '=', organisation.id).executeTakeFirst())
        ?.website ?? null;
    return {
      source: detail.accountableBody ? 'accountable-body' : 'lead-organisation',
      organisation,
      website,
    };
  }

  /**
   * A complaints contact for its form: a partnership's own (its secretary or the administrator)
   * or, with no partnership, the locality's joint route (the administrator).
   */
  async complaintsContact(principal: Principal, gssCode: string, partnershipId: string | null, db?: Db) {
    const ctx = await this.context(principal, gssCode, { db });
    const partnership = partnershipId ? ctx.partnerships.find((p) => p.id === partnershipId) : undefined;
    if (partnershipId && !partnership) throw new NotFoundError('Partnership');
    const allowed = partnershipId
      ? canEditPartnership(principal, ctx.locality, partnershipId)
      : canAdministerLocality(principal, ctx.locality);
    if (!allowed || !principal.canWrite) refuse(principal, ctx.locality, partnershipId ? 'Partnership' : 'Locality');
    const contact = (await this.repository.complaintsContacts(db ?? this.core.db, ctx.locality.id)).find(
      (c) => c.partnership_id === partnershipId,
    );
    return { ...ctx, partnership, contact };
  }

  /**
   * Sets a complaints contact (an email address, a web address or a telephone number, at least
   * one), or, with all three left blank, removes it so the fallback applies again.
   */
  async saveComplaintsContact(
    principal: Principal,
    gssCode: string,
    partnershipId: string | null,
    input: unknown,
    options?: WriteOptions,
  ): Promise<ComplaintsContactRow | null> {
    const data = parseInput(complaintsContactInput, input);
    return this.write(options, async (trx) => {
      const { locality, partnership, contact } = await this.complaintsContact(principal, gssCode, partnershipId, trx);
      const fields = {
        email: data.email || null,
        url: data.url || null,
        phone: data.phone || null,
        note: data.note || null,
      };
      const whose = partnership ? partnership.name : 'the locality’s joint complaints route';
      const stale = () =>
        new ConflictError('Someone else has changed this complaints contact since you opened it: reload and try again');
      const blank = !fields.email && !fields.url && !fields.phone;
      if (blank && fields.note)
        throw ValidationError.of('email', 'Enter an email address, a web address or a telephone number');
      let saved: ComplaintsContactRow | null = null;
      if (!contact) {
        if (data.version !== 0) throw stale();
        if (blank) return null;
        saved = await this.repository.insertComplaintsContact(trx, {
          locality_id: locality.id,
          partnership_id: partnershipId,
          ...fields,
        });
      } else if (blank) {
        if (!(await this.repository.deleteComplaintsContact(trx, contact.id, data.version))) throw stale();
      } else {
        saved = (await this.repository.updateComplaintsContact(trx, contact.id, data.version, fields)) ?? null;
        if (!saved) throw stale();
      }
      await this.audit(trx, principal, {
        localityId: locality.id,
        action: saved ? (contact ? 'update' : 'create') : 'withdraw',
        entityType: 'complaints-contact',
        entityId: (saved ?? contact)?.id as string,
        partnershipId,
        summary: saved
          ? `Set the complaints contact of ${whose}`
          : `Removed the complaints contact of ${whose}: the fallback applies`,
        before: contact ?? null,
        after: saved,
      });
      return saved;
    });
  }

  private async attendance(ctx: ScrutinyContext, db: Db, partnershipIds?: Set<string>) {
    const since = addDays(ctx.today, -365);
    const meetings = (await this.repository.heldMeetings(db, ctx.locality.id, since)).filter(
      (m) => (!partnershipIds || partnershipIds.has(m.partnership_id)) && (ctx.restricted || !m.restricted),
    );
    const records = await this.repository.attendance(
      db,
      meetings.map((m) => m.id),
    );
    const seats = (await this.core.register.memberships.allForLocality(db, ctx.locality.id)).filter(
      (m) => m.role !== 'observer' && (!partnershipIds || partnershipIds.has(m.partnership_id)),
    );
    return attendanceRates(
      meetings.map((m) => ({
        id: m.id,
        partnershipId: m.partnership_id,
        heldOn: m.held_on,
        attendance: records
          .filter((r) => r.meeting_id === m.id)
          .map((r) => ({ organisationId: r.organisation_id, attendance: r.attendance as Attendance })),
      })),
      seats.map((s) => ({
        partnershipId: s.partnership_id,
        organisationId: s.organisation_id,
        startedOn: s.started_on,
        endedOn: s.ended_on,
      })),
    );
  }

  /** The LSP accountability dashboard: balance, attendance, difficult decisions, resourcing and levers. */
  async dashboard(principal: Principal, gssCode: string, options: { today?: string } = {}) {
    const ctx = await this.context(principal, gssCode, options);
    this.requireReader(principal, ctx, 'Page');
    const db = this.core.db;
    const lsp = findLsp(ctx.partnerships);
    const seats = (await this.core.register.memberships.allForLocality(db, ctx.locality.id)).filter(
      (m) => !m.ended_on && m.partnership_status === 'active',
    );
    const boardSeats = lsp ? seats.filter((s) => s.partnership_id === lsp.id) : seats;
    const attendance = await this.attendance(ctx, db);
    const bySector = new Map<SectorName, { attended: number; expected: number }>();
    const sectorOf = new Map(ctx.organisations.map((o) => [o.id, o.sector as SectorName]));
    for (const r of attendance.rates) {
      const sector = sectorOf.get(r.organisationId) ?? 'public';
      const entry = bySector.get(sector) ?? { attended: 0, expected: 0 };
      entry.attended += r.attended;
      entry.expected += r.expected;
      bySector.set(sector, entry);
    }
    const balance = sectorBalance(
      boardSeats.map((s) => ({ sector: s.organisation_sector as SectorName, role: s.role })),
      ctx.settings.targetMix,
      bySector,
    );

    const decisions = (await this.repository.decisions(db, ctx.locality.id))
      .filter((d) => ctx.partnershipNames.has(d.partnership_id))
      .map((d) => ({
        ...d,
        state: decisionState(
          { openedOn: d.held_on, resolvedOn: d.resolved_on },
          ctx.settings.decisionLimitDays,
          ctx.today,
        ),
        canMark: canEditPartnership(principal, ctx.locality, d.partnership_id),
      }));
    const difficult = decisions.filter((d) => d.difficult);

    const resourcing = await this.core.resources.partnerResourcing(principal, gssCode);
    const contributors = new Set(resourcing.rows.map((r) => r.id));
    const levers = await this.repository.levers(db, ctx.locality.id);
    const current = levers.filter((l) => !l.ends_on || l.ends_on >= ctx.today);
    const seatedPublic = [...new Set(seats.map((s) => s.organisation_id))].filter(
      (id) => sectorOf.get(id) === 'public',
    );
    const rates = new Map(attendance.rates.map((r) => [r.organisationId, r.rate]));
    const gaps = leversGap(
      seatedPublic.map((id) => ({
        organisationId: id,
        attendanceRate: rates.get(id) ?? null,
        contributes: contributors.has(id),
      })),
      new Set(current.map((l) => l.organisation_id)),
    )
      .map((g) => ({ ...g, name: ctx.organisationNames.get(g.organisationId) ?? '' }))
      .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));

    return {
      ...ctx,
      lsp,
      balance,
      boardSeats: boardSeats.length,
      communitySeats: boardSeats.filter(
        (s) => s.organisation_sector === 'community' || s.organisation_sector === 'voluntary',
      ).length,
      attendance: {
        ...attendance,
        rates: attendance.rates
          .map((r) => ({ ...r, name: ctx.organisationNames.get(r.organisationId) ?? '' }))
          .sort((a, b) => (a.rate ?? 2) - (b.rate ?? 2) || a.name.localeCompare(b.name, 'en-GB')),
      },
      decisionCount: decisions.length,
      difficult,
      openDifficult: difficult.filter((d) => d.state.open).length,
      overdueDifficult: difficult.filter((d) => d.state.overdue).length,
      undifficult: decisions.filter((d) => !d.difficult).slice(0, 50),
      resourcing: resourcing.rows,
      resourcingYear: resourcing.year,
      levers: (await this.levers(principal, gssCode, options)).levers,
      gaps,
      consultation: await this.consultations(principal, gssCode, options),
    };
  }

  /** The levers register: each lever with the public body it applies to and whether it is current. */
  async levers(principal: Principal, gssCode: string, options: { today?: string } = {}) {
    const ctx = await this.context(principal, gssCode, options);
    this.requireReader(principal, ctx, 'Page');
    const levers = await this.repository.levers(this.core.db, ctx.locality.id);
    return {
      ...ctx,
      levers: levers.map((l) => ({
        ...l,
        organisationName: ctx.organisationNames.get(l.organisation_id) ?? '',
        partnershipName: l.partnership_id ? ctx.partnershipNames.get(l.partnership_id) : undefined,
        current: !l.ends_on || l.ends_on >= ctx.today,
      })),
    };
  }

  async createLever(principal: Principal, gssCode: string, input: unknown, options?: WriteOptions) {
    const data = parseInput(leverInput, input);
    return this.write(options, async (trx) => {
      const ctx = await this.context(principal, gssCode, { db: trx });
      if (!ctx.canAdminister) refuse(principal, ctx.locality, 'Locality');
      const organisation = ctx.organisations.find((o) => o.id === data.organisationId);
      if (!organisation || organisation.sector !== 'public')
        throw ValidationError.of('organisationId', 'Choose a public body of this locality');
      if (data.partnershipId && !ctx.partnershipNames.has(data.partnershipId))
        throw ValidationError.of('partnershipId', 'Choose a partnership of this locality');
      if (data.endsOn && data.endsOn < data.startsOn)
        throw ValidationError.of('endsOn', 'The end date must be on or after the start date');
      const lever = await this.repository.insertLever(trx, {
        locality_id: ctx.locality.id,
        kind: data.kind,
        organisation_id: data.organisationId,
        title: data.title,
        partnership_id: data.partnershipId ?? null,
        outcomes: data.outcomes || null,
        starts_on: data.startsOn,
        ends_on: data.endsOn ?? null,
        evidence: data.evidence || null,
      });
      await this.audit(trx, principal, {
        localityId: ctx.locality.id,
        action: 'create',
        entityType: 'lever',
        entityId: lever.id,
        organisationId: lever.organisation_id,
        summary: `Recorded the lever “${lever.title}” on ${organisation.name}`,
        after: lever,
      });
      return lever;
    });
  }

  // --- consultation and engagement ----------------------------------------------------------------

  /**
   * Consultation and engagement activities, the latest first, with whom they reached: each
   * group's activities and people in the last 12 months, and the groups none reached.
   */
  async consultations(principal: Principal, gssCode: string, options: { today?: string } = {}) {
    const ctx = await this.context(principal, gssCode, options);
    this.requireReader(principal, ctx, 'Page');
    const rows = (await this.repository.consultations(this.core.db, ctx.locality.id)).filter(
      (r) => !r.partnership_id || ctx.partnershipNames.has(r.partnership_id),
    );
    const since = addDays(ctx.today, -365);
    const recent = rows.filter((r) => r.held_on >= since && r.held_on <= ctx.today);
    const reach = CONSULTATION_GROUPS.map((group) => {
      const reaching = recent.filter((r) => r.groups.includes(group));
      return {
        group,
        activities: reaching.length,
        people: reaching.reduce((n, r) => n + (r.people_reached ?? 0), 0),
      };
    });
    return {
      ...ctx,
      activities: rows.map((r) => ({
        ...r,
        partnershipName: r.partnership_id ? (ctx.partnershipNames.get(r.partnership_id) ?? '') : LSP_LABEL,
      })),
      reach,
      notReached: reach.filter((r) => r.activities === 0).map((r) => r.group),
      canRecord: ctx.canAdminister || ctx.partnerships.some((p) => canEditPartnership(principal, ctx.locality, p.id)),
    };
  }

  /** Records an activity: for a partnership, by its secretary; for the LSP, by the administrator. */
  async recordConsultation(principal: Principal, gssCode: string, input: unknown, options?: WriteOptions) {
    const data = parseInput(consultationInput, input);
    return this.write(options, async (trx) => {
      const ctx = await this.context(principal, gssCode, { db: trx, today: options?.today });
      const partnershipId = data.partnershipId ?? null;
      const allowed = partnershipId
        ? canEditPartnership(principal, ctx.locality, partnershipId)
        : canAdministerLocality(principal, ctx.locality);
      if (!allowed || !principal.canWrite) refuse(principal, ctx.locality, partnershipId ? 'Partnership' : 'Locality');
      if (partnershipId && !ctx.partnershipNames.has(partnershipId))
        throw ValidationError.of('partnershipId', 'Choose a partnership of this locality');
      if (data.heldOn > ctx.today) throw ValidationError.of('heldOn', 'Record an activity once it has happened');
      const row = await this.repository.insertConsultation(trx, {
        locality_id: ctx.locality.id,
        partnership_id: partnershipId,
        title: data.title,
        method: data.method,
        held_on: data.heldOn,
        groups: [...new Set(data.groups)],
        reached: data.reached || null,
        people_reached: data.peopleReached ?? null,
        created_by: principal.label,
      });
      await this.audit(trx, principal, {
        localityId: ctx.locality.id,
        action: 'create',
        entityType: 'consultation-activity',
        entityId: row.id,
        partnershipId,
        summary: `Recorded the consultation “${row.title}”`,
        after: row,
      });
      return row;
    });
  }

  async decisionForEdit(principal: Principal, gssCode: string, id: string) {
    const ctx = await this.context(principal, gssCode);
    const decision = (await this.repository.decisions(this.core.db, ctx.locality.id)).find((d) => d.id === id);
    if (!decision || !ctx.partnershipNames.has(decision.partnership_id)) throw new NotFoundError('Decision');
    if (!canEditPartnership(principal, ctx.locality, decision.partnership_id))
      refuse(principal, ctx.locality, 'Decision');
    return { ...ctx, decision };
  }

  /** Marks a meeting's decision difficult, with its options, dissent and follow-up, or records it resolved. */
  async markDecision(principal: Principal, gssCode: string, id: string, input: unknown, options?: WriteOptions) {
    return this.write(options, async (trx) => {
      const ctx = await this.context(principal, gssCode, { db: trx });
      const decision = await this.repository.decision(trx, ctx.locality.id, id);
      if (!decision || !ctx.partnershipNames.has(decision.partnership_id)) throw new NotFoundError('Decision');
      if (!canEditPartnership(principal, ctx.locality, decision.partnership_id))
        refuse(principal, ctx.locality, 'Decision');
      const data = parseInput(difficultDecisionInput, input);
      if (data.resolvedOn && data.resolvedOn < decision.held_on)
        throw ValidationError.of('resolvedOn', 'It cannot be resolved before the meeting that took it');
      const updated = await this.repository.markDecision(trx, decision.id, {
        difficult: data.difficult,
        options_considered: data.optionsConsidered || null,
        dissent: data.dissent || null,
        follow_up: data.followUp || null,
        resolved_on: data.resolvedOn ?? null,
        carried_through: data.carriedThrough === undefined ? null : data.carriedThrough === 'yes',
      });
      await this.audit(trx, principal, {
        localityId: ctx.locality.id,
        action: 'update',
        entityType: 'meeting',
        entityId: decision.id,
        partnershipId: decision.partnership_id,
        summary: `Recorded the decision “${decision.summary}” as ${data.difficult ? 'difficult' : 'not difficult'}`,
        before: decision,
        after: updated,
      });
      return updated;
    });
  }
}
