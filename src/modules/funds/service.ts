/**
 * Community capacity funds: funds and their rounds, applications from community and voluntary
 * groups with no account (save and return through an emailed link), assessment by two assessors
 * against the round's weighted criteria, moderation, decisions, award letters, payments by
 * instalment and the monitoring return; the public list of awards and its 360Giving export.
 * Rules are in rules.ts; this file checks who may do what and writes in one transaction with
 * its audit entry. Email goes after the transaction commits, so a failed write sends nothing.
 *
 * Who may do what:
 *  - the locality administrator sets up funds and rounds, moderates, decides, schedules and
 *    records payments, and records the monitoring return;
 *  - the assessors are the locality's reviewing officers (its gatekeeper panel members and its
 *    administrator): each scores an application once; a panel member cannot decide or award;
 *  - a group reads and edits only its own application, through its link, while the link lasts;
 *  - the public reads the funds, their open rounds and the awards made, nothing else.
 */
import crypto from 'node:crypto';
import type { Principal } from '../../core/actor.js';
import { formatDate, todayInLondon } from '../../core/dates.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../core/errors.js';
import { parseInput } from '../../core/validation.js';
import type { Db } from '../../db/database.js';
import type { Locality } from '../../db/tables.js';
import { composeEmail } from '../accounts/email.js';
import type { Mailer } from '../accounts/mailer.js';
import { canAdministerLocality, canDecideLocalProposals, refuse } from '../accounts/policy.js';
import { hashToken, newToken } from '../accounts/secrets.js';
import type { AuditAction, AuditService } from '../audit/service.js';
import type { WorkItem, WorkSource } from '../notifications/service.js';
import type { RegisterService } from '../register/service.js';
import { poundsText } from '../resources/export.js';
import { type Assessment, type AwardRow, FundsRepository, type Round } from './repository.js';
import {
  DEFAULT_MODERATION_THRESHOLD,
  type Moderation,
  type RoundStatus,
  awardProblems,
  instalmentSchedule,
  linkExpired,
  linkExpiry,
  moderation,
  remainingBudget,
  roundStatus,
  scoreLabel,
  scoreProblems,
  weightedScore,
} from './rules.js';
import {
  type ApplicationInput,
  type ApplicationRow,
  type DraftInput,
  FUND_KINDS,
  type FundKind,
  type FundRow,
  type PaymentRow,
  applicationInput,
  assessmentInput,
  decisionInput,
  draftInput,
  fundInput,
  keyedCriteria,
  moderationInput,
  monitoringDraftInput,
  monitoringInput,
  monitoringReviewInput,
  roundInput,
  roundUpdate,
  fundUpdate,
  scheduleInput,
  settingsInput,
  withdrawalInput,
} from './schema.js';
import { publisherPrefix } from './three-sixty-giving.js';

/** A save-and-return or view link that has passed its expiry: the page says so (410 Gone). */
export class LinkExpiredError extends Error {
  readonly statusCode = 410;
  constructor() {
    super(
      'This link has expired. Links last 14 days from when they were sent: start a new application, or ask the fund’s administrator to help.',
    );
    this.name = 'LinkExpiredError';
  }
}

export interface RoundSummary {
  round: Round;
  fund: FundRow;
  status: RoundStatus;
  awardedPence: number;
  awardCount: number;
  remainingPence: number;
}

export interface ApplicationView {
  application: ApplicationRow;
  assessments: Assessment[];
  moderation: Moderation;
}

export interface Options {
  now?: Date;
  today?: string;
}

type Entity = 'fund' | 'fund-round' | 'fund-application' | 'fund-settings';

const KIND_PREFIX: Record<FundKind, string> = {
  'community-empowerment': 'CEF',
  'community-chest': 'CC',
  'community-champions': 'CCF',
  other: 'CF',
};

export class FundsService implements WorkSource {
  readonly repository = new FundsRepository();

  constructor(
    readonly db: Db,
    private readonly deps: {
      audit: AuditService;
      register: RegisterService;
      mailer: Mailer;
      publicUrl: string;
    },
  ) {}

  private audit(
    trx: Db,
    principal: Principal,
    localityId: string,
    entityType: Entity,
    entityId: string,
    action: AuditAction,
    summary: string,
    after?: unknown,
    before?: unknown,
  ): Promise<void> {
    return this.deps.audit.record(trx, principal, {
      localityId,
      entityType,
      entityId,
      action,
      summary,
      after,
      ...(before === undefined ? {} : { before }),
    });
  }

  private requireAdmin(principal: Principal, locality: Locality): void {
    if (!canAdministerLocality(principal, locality)) refuse(principal, locality, 'Fund');
  }

  /** The assessors: the locality's reviewing officers (its panel and its administrator). */
  private requireAssessor(principal: Principal, locality: Locality): void {
    if (!canDecideLocalProposals(principal, locality)) refuse(principal, locality, 'Application');
  }

  isAssessor(principal: Principal, locality: Locality): boolean {
    return canDecideLocalProposals(principal, locality);
  }

  // --- funds and rounds -------------------------------------------------------------------------

  private summarise(
    rounds: Round[],
    funds: FundRow[],
    awarded: Map<string, { count: number; pence: number }>,
    today: string,
  ): RoundSummary[] {
    const byId = new Map(funds.map((f) => [f.id, f]));
    return rounds.map((round) => {
      const done = awarded.get(round.id) ?? { count: 0, pence: 0 };
      return {
        round,
        fund: byId.get(round.fund_id) as FundRow,
        status: roundStatus(round, today),
        awardedPence: done.pence,
        awardCount: done.count,
        remainingPence: remainingBudget(round.budget_pence, [done.pence]),
      };
    });
  }

  /** Every fund of the locality with its rounds; anyone may read them. */
  async overview(principal: Principal, code: string, options: Options = {}) {
    const locality = await this.deps.register.locality(code);
    const today = options.today ?? todayInLondon();
    const [funds, rounds, awarded] = await Promise.all([
      this.repository.funds(this.db, locality.id),
      this.repository.rounds(this.db, locality.id),
      this.repository.awardedByRound(this.db, locality.id),
    ]);
    const summaries = this.summarise(rounds, funds, awarded, today);
    return {
      locality,
      funds: funds.map((fund) => ({ fund, rounds: summaries.filter((s) => s.fund.id === fund.id) })),
      canAdminister: canAdministerLocality(principal, locality),
      isAssessor: this.isAssessor(principal, locality),
    };
  }

  async createFund(principal: Principal, code: string, input: unknown): Promise<FundRow> {
    const locality = await this.deps.register.locality(code);
    this.requireAdmin(principal, locality);
    const values = parseInput(fundInput, input);
    return this.db.transaction().execute(async (trx) => {
      const fund = await this.repository.insertFund(trx, {
        locality_id: locality.id,
        kind: values.kind,
        name: values.name,
        description: values.description ?? null,
        funder_name: values.funderName,
        funder_identifier: values.funderIdentifier,
      });
      await this.audit(trx, principal, locality.id, 'fund', fund.id, 'create', `Fund created: ${fund.name}`, fund);
      return fund;
    });
  }

  async fund(principal: Principal, code: string, id: string) {
    const locality = await this.deps.register.locality(code);
    const fund = await this.repository.fund(this.db, locality.id, id);
    if (!fund) throw new NotFoundError('Fund');
    return { locality, fund, canAdminister: canAdministerLocality(principal, locality) };
  }

  async createRound(principal: Principal, code: string, fundId: string, input: unknown): Promise<Round> {
    const locality = await this.deps.register.locality(code);
    this.requireAdmin(principal, locality);
    const fund = await this.repository.fund(this.db, locality.id, fundId);
    if (!fund) throw new NotFoundError('Fund');
    const values = parseInput(roundInput, input);
    return this.db.transaction().execute(async (trx) => {
      const round = await this.repository.insertRound(trx, {
        locality_id: locality.id,
        fund_id: fund.id,
        title: values.title,
        budget_pence: values.budget,
        eligibility: values.eligibility,
        criteria: keyedCriteria(values.criteria),
        opens_on: values.opensOn,
        closes_on: values.closesOn,
        moderation_threshold: values.moderationThreshold ?? DEFAULT_MODERATION_THRESHOLD,
      });
      await this.audit(
        trx,
        principal,
        locality.id,
        'fund-round',
        round.id,
        'create',
        `Round opened for applications: ${fund.name}, ${round.title}`,
        round,
      );
      return round;
    });
  }

  /** Changes a fund as the administrator read it (its version): a change made since is refused. */
  async updateFund(principal: Principal, code: string, id: string, input: unknown): Promise<FundRow> {
    const locality = await this.deps.register.locality(code);
    this.requireAdmin(principal, locality);
    const values = parseInput(fundUpdate, input);
    return this.db.transaction().execute(async (trx) => {
      const before = await this.repository.fund(trx, locality.id, id);
      if (!before) throw new NotFoundError('Fund');
      const after = await this.repository.updateFund(trx, id, values.version, {
        kind: values.kind,
        name: values.name,
        description: values.description || null,
        funder_name: values.funderName,
        funder_identifier: values.funderIdentifier,
      });
      if (!after) throw new ConflictError('Someone changed this fund since you read it: read it again');
      await this.audit(trx, principal, locality.id, 'fund', id, 'update', `Fund changed: ${after.name}`, after, before);
      return after;
    });
  }

  /** A round with what is already awarded from it, for its edit form. */
  async roundForEdit(principal: Principal, code: string, id: string) {
    const locality = await this.deps.register.locality(code);
    this.requireAdmin(principal, locality);
    const summary = await this.publicRound(code, id);
    return { ...summary, scored: await this.repository.scoredInRound(this.db, id) };
  }

  /**
   * Changes a round as the administrator read it. Its budget may not go below what is already
   * awarded from it (the round is locked while that is checked, as an award locks it), and its
   * criteria cannot change once an application has been scored against them.
   */
  async updateRound(principal: Principal, code: string, id: string, input: unknown): Promise<Round> {
    const locality = await this.deps.register.locality(code);
    this.requireAdmin(principal, locality);
    const values = parseInput(roundUpdate, input);
    return this.db.transaction().execute(async (trx) => {
      const before = await this.repository.round(trx, locality.id, id, { lock: true });
      if (!before) throw new NotFoundError('Fund round');
      if (before.version !== values.version)
        throw new ConflictError('Someone changed this round since you read it: read it again');
      const awarded = await this.repository.awardedPence(trx, id);
      if (values.budget < awarded)
        throw new ValidationError([
          {
            field: 'budget',
            message: `Budget cannot be less than the £${poundsText(awarded)} already awarded from this round`,
          },
        ]);
      const criteria = keyedCriteria(values.criteria);
      const same =
        JSON.stringify(criteria.map((c) => [c.label, c.weight])) ===
        JSON.stringify(before.criteria.map((c) => [c.label, c.weight]));
      if (!same && (await this.repository.scoredInRound(trx, id)) > 0)
        throw new ValidationError([
          {
            field: 'criteria',
            message: 'Applications in this round have been scored: its criteria and weights can no longer change',
          },
        ]);
      const after = await this.repository.updateRound(trx, id, values.version, {
        title: values.title,
        budget_pence: values.budget,
        eligibility: values.eligibility,
        ...(same ? {} : { criteria }),
        opens_on: values.opensOn,
        closes_on: values.closesOn,
        moderation_threshold: values.moderationThreshold ?? before.moderation_threshold,
      });
      if (!after) throw new ConflictError('Someone changed this round since you read it: read it again');
      await this.audit(
        trx,
        principal,
        locality.id,
        'fund-round',
        id,
        'update',
        `Round changed: ${after.title}`,
        after,
        before,
      );
      return after;
    });
  }

  // --- settings -----------------------------------------------------------------------------------

  /** The locality's fund settings: its 360Giving prefix (the default made from its GSS code when none is set). */
  async settings(code: string) {
    const locality = await this.deps.register.locality(code);
    const row = await this.repository.settings(this.db, locality.id);
    return {
      locality,
      threeSixtyPrefix: row?.three_sixty_prefix ?? null,
      prefix: row?.three_sixty_prefix || publisherPrefix(locality.gss_code),
      defaultPrefix: publisherPrefix(locality.gss_code),
      version: row?.version ?? 0,
    };
  }

  async saveSettings(principal: Principal, code: string, input: unknown) {
    const locality = await this.deps.register.locality(code);
    this.requireAdmin(principal, locality);
    const values = parseInput(settingsInput, input);
    return this.db.transaction().execute(async (trx) => {
      const before = await this.repository.settings(trx, locality.id);
      const after = await this.repository.saveSettings(trx, locality.id, values.version ?? 0, {
        three_sixty_prefix: values.threeSixtyPrefix || null,
      });
      if (!after) throw new ConflictError('Someone changed these settings since you read them: read them again');
      await this.audit(
        trx,
        principal,
        locality.id,
        'fund-settings',
        locality.id,
        'update',
        after.three_sixty_prefix
          ? `360Giving identifier prefix set to ${after.three_sixty_prefix}`
          : '360Giving identifier prefix set back to the default',
        after,
        before ?? null,
      );
      return after;
    });
  }

  /** A round as a group sees it before applying: its fund, criteria, eligibility and whether it is open. */
  async publicRound(
    code: string,
    roundId: string,
    options: Options = {},
  ): Promise<RoundSummary & { locality: Locality }> {
    const locality = await this.deps.register.locality(code);
    const round = await this.repository.round(this.db, locality.id, roundId);
    if (!round) throw new NotFoundError('Fund round');
    const fund = (await this.repository.fund(this.db, locality.id, round.fund_id)) as FundRow;
    const awarded = await this.repository.awardedPence(this.db, round.id);
    return {
      locality,
      round,
      fund,
      status: roundStatus(round, options.today ?? todayInLondon()),
      awardedPence: awarded,
      awardCount: 0,
      remainingPence: remainingBudget(round.budget_pence, [awarded]),
    };
  }

  /** A round with its applications and where each one's assessment stands: for the assessors. */
  async roundDetail(principal: Principal, code: string, roundId: string, options: Options = {}) {
    const locality = await this.deps.register.locality(code);
    this.requireAssessor(principal, locality);
    const summary = await this.publicRound(code, roundId, options);
    const applications = await this.repository.applications(this.db, locality.id, roundId);
    const assessments = await this.repository.assessments(
      this.db,
      applications.map((a) => a.id),
    );
    return {
      ...summary,
      canAdminister: canAdministerLocality(principal, locality),
      applications: applications.map((application) => this.view(application, assessments, summary.round)),
    };
  }

  private view(application: ApplicationRow, all: Assessment[], round: Round): ApplicationView {
    const assessments = all.filter((a) => a.application_id === application.id);
    return {
      application,
      assessments,
      moderation: moderation(
        assessments.map((a) => a.score),
        application.agreed_score,
        round.moderation_threshold,
      ),
    };
  }

  // --- applying ---------------------------------------------------------------------------------

  private async openRound(trx: Db, locality: Locality, roundId: string, today: string): Promise<Round> {
    const round = await this.repository.round(trx, locality.id, roundId);
    if (!round) throw new NotFoundError('Fund round');
    const status = roundStatus(round, today);
    if (status !== 'open') throw new ValidationError([{ field: 'round', message: closedMessage(round, status) }]);
    return round;
  }

  private async reference(trx: Db, locality: Locality, round: Round): Promise<string> {
    const fund = (await this.repository.fund(trx, locality.id, round.fund_id)) as FundRow;
    // Random, not counted: two groups applying at once never collide, and references cannot be guessed in turn.
    const suffix = crypto.randomBytes(4).readUInt32BE(0).toString(36).toUpperCase().padStart(6, '0').slice(-6);
    return `${KIND_PREFIX[fund.kind as FundKind] ?? 'CF'}-${round.opens_on.slice(0, 4)}-${suffix}`;
  }

  /** Finds a draft or submitted application by its link, or says the link is unknown or expired. */
  private async byToken(trx: Db, locality: Locality, token: string, now: Date): Promise<ApplicationRow> {
    const application = await this.repository.applicationByTokenHash(trx, locality.id, hashToken(token));
    if (!application || !application.token_expires_at) throw new NotFoundError('Application');
    if (linkExpired(new Date(application.token_expires_at), now)) throw new LinkExpiredError();
    return application;
  }

  /** A group's own application, through its link: nothing else is reachable by it. */
  async applicationByLink(code: string, token: string, options: Options = {}) {
    const locality = await this.deps.register.locality(code);
    const application = await this.byToken(this.db, locality, token, options.now ?? new Date());
    const round = await this.publicRound(code, application.round_id, options);
    return { ...round, application };
  }

  private values(input: Partial<ApplicationInput>) {
    return {
      group_name: input.groupName ?? null,
      group_kind: input.groupKind ?? null,
      charity_number: input.charityNumber ?? null,
      company_number: input.companyNumber ?? null,
      contact_name: input.contactName ?? null,
      contact_email: input.contactEmail as string,
      postcode: input.postcode ?? null,
      title: input.title ?? null,
      description: input.description ?? null,
      amount_pence: input.amount ?? null,
      outcomes: input.outcomes ?? null,
    };
  }

  /**
   * Saves a group's answers to come back to. The link is sent to the contact email address; a
   * new link is made at every save (the old one stops working), and only its hash is kept.
   */
  async saveDraft(
    code: string,
    roundId: string,
    input: unknown,
    options: Options & { token?: string } = {},
  ): Promise<{ application: ApplicationRow; token: string }> {
    const locality = await this.deps.register.locality(code);
    const values = parseInput(draftInput, input) as DraftInput;
    const now = options.now ?? new Date();
    const today = options.today ?? todayInLondon(now);
    const token = newToken();
    const result = await this.db.transaction().execute(async (trx) => {
      const round = await this.openRound(trx, locality, roundId, today);
      const secret = { token_hash: hashToken(token), token_expires_at: linkExpiry(now) };
      let application: ApplicationRow;
      if (options.token) {
        const existing = await this.byToken(trx, locality, options.token, now);
        if (existing.state !== 'draft' || existing.round_id !== round.id) throw new NotFoundError('Application');
        application = await this.repository.updateApplication(trx, existing.id, { ...this.values(values), ...secret });
      } else {
        application = await this.repository.insertApplication(trx, {
          locality_id: locality.id,
          round_id: round.id,
          reference: await this.reference(trx, locality, round),
          state: 'draft',
          ...this.values(values),
          ...secret,
        });
      }
      await this.audit(
        trx,
        publicActor(application),
        locality.id,
        'fund-application',
        application.id,
        'update',
        `Application ${application.reference} saved to return to`,
      );
      return { application, round };
    });
    await this.deps.mailer.send(
      composeEmail({
        to: result.application.contact_email,
        subject: `Your application ${result.application.reference} is saved`,
        name: result.application.contact_name ?? 'applicant',
        paragraphs: [
          `Your application to ${result.round.title} is saved. Use the link below to come back to it and send it.`,
          `The round closes on ${formatDate(result.round.closes_on)}.`,
        ],
        action: { label: 'Return to your application', url: this.link(code, token) },
        afterAction: [
          'The link lasts 14 days. Anyone with it can read and change your application, so do not pass it on.',
        ],
      }),
    );
    return { application: result.application, token };
  }

  /** Sends a group's application: every answer checked, the round open, a confirmation emailed. */
  async submit(
    code: string,
    roundId: string,
    input: unknown,
    options: Options & { token?: string } = {},
  ): Promise<{ application: ApplicationRow; token: string }> {
    const locality = await this.deps.register.locality(code);
    const now = options.now ?? new Date();
    const today = options.today ?? todayInLondon(now);
    const token = newToken();
    // A closed round refuses before the answers are checked: the group learns the one thing that matters.
    const result = await this.db.transaction().execute(async (trx) => {
      const round = await this.openRound(trx, locality, roundId, today);
      const values = parseInput(applicationInput, input);
      if (values.amount > round.budget_pence)
        throw new ValidationError([
          {
            field: 'amount',
            message: `Amount must be no more than the round’s whole budget of £${poundsText(round.budget_pence)}`,
          },
        ]);
      const secret = { token_hash: hashToken(token), token_expires_at: linkExpiry(now) };
      const sent = { state: 'submitted' as const, submitted_at: now };
      let application: ApplicationRow;
      if (options.token) {
        const existing = await this.byToken(trx, locality, options.token, now);
        if (existing.state !== 'draft' || existing.round_id !== round.id) throw new NotFoundError('Application');
        application = await this.repository.updateApplication(trx, existing.id, {
          ...this.values(values),
          ...secret,
          ...sent,
        });
      } else {
        application = await this.repository.insertApplication(trx, {
          locality_id: locality.id,
          round_id: round.id,
          reference: await this.reference(trx, locality, round),
          ...this.values(values),
          ...secret,
          ...sent,
        });
      }
      await this.audit(
        trx,
        publicActor(application),
        locality.id,
        'fund-application',
        application.id,
        'create',
        `Application ${application.reference} sent by ${application.group_name}`,
      );
      return { application, round };
    });
    const { application, round } = result;
    await this.deps.mailer.send(
      composeEmail({
        to: application.contact_email,
        subject: `Application ${application.reference} received`,
        name: application.contact_name ?? 'applicant',
        paragraphs: [
          `We have received ${application.group_name}’s application to ${round.title} for £${poundsText(application.amount_pence ?? 0)}: “${application.title}”.`,
          `Your reference is ${application.reference}. Two assessors will score it against the round’s criteria after the round closes on ${formatDate(round.closes_on)}, and we will email you the decision.`,
        ],
        action: { label: 'See your application', url: this.link(code, token) },
        afterAction: ['The link lasts 14 days.'],
      }),
    );
    return { application, token };
  }

  link(code: string, token: string): string {
    return `${this.deps.publicUrl.replace(/\/$/, '')}/localities/${code}/funds/applications/return/${token}`;
  }

  // --- assessment, moderation and decision ---------------------------------------------------------

  /** One application with its round, fund and assessments, for the assessors and the administrator. */
  async application(principal: Principal, code: string, id: string) {
    const locality = await this.deps.register.locality(code);
    this.requireAssessor(principal, locality);
    const application = await this.repository.application(this.db, locality.id, id);
    if (!application || application.state === 'draft') throw new NotFoundError('Application');
    const round = (await this.repository.round(this.db, locality.id, application.round_id)) as Round;
    const fund = (await this.repository.fund(this.db, locality.id, round.fund_id)) as FundRow;
    const assessments = await this.repository.assessments(this.db, [id]);
    const view = this.view(application, assessments, round);
    const mine = assessments.find((a) => a.assessor_id === principal.id);
    const awarded = await this.repository.awardedPence(this.db, round.id);
    const canAdminister = canAdministerLocality(principal, locality);
    const payments = await this.repository.payments(this.db, id);
    return {
      locality,
      round,
      fund,
      ...view,
      mine,
      // Each assessor scores without seeing the other's scores; the administrator sees both.
      visibleAssessments: canAdminister || mine ? assessments : [],
      canAssess: application.state === 'submitted' && !mine && assessments.length < 2,
      canAdminister,
      remainingPence: remainingBudget(round.budget_pence, [awarded]),
      payments,
      allPaid: payments.length > 0 && payments.every((p) => p.paid_on),
    };
  }

  async assess(principal: Principal, code: string, id: string, input: unknown) {
    const locality = await this.deps.register.locality(code);
    this.requireAssessor(principal, locality);
    const values = parseInput(assessmentInput, input);
    return this.db.transaction().execute(async (trx) => {
      const application = await this.repository.application(trx, locality.id, id, { lock: true });
      if (!application || application.state === 'draft') throw new NotFoundError('Application');
      if (application.state !== 'submitted')
        throw new ValidationError([
          { field: 'scores', message: 'This application has been decided: it takes no more scores' },
        ]);
      const round = (await this.repository.round(trx, locality.id, application.round_id)) as Round;
      const existing = await this.repository.assessments(trx, [id]);
      if (existing.some((a) => a.assessor_id === principal.id))
        throw new ValidationError([{ field: 'scores', message: 'You have already scored this application' }]);
      if (existing.length >= 2)
        throw new ValidationError([{ field: 'scores', message: 'Two assessors have already scored this application' }]);
      const problems = scoreProblems(round.criteria, values.scores);
      if (problems.length)
        throw new ValidationError(problems.map((p) => ({ field: `score-${p.key}`, message: p.message })));
      const scores = Object.fromEntries(round.criteria.map((c) => [c.key, values.scores[c.key] as number]));
      const score = weightedScore(round.criteria, scores);
      const assessment = await this.repository.insertAssessment(trx, {
        application_id: id,
        assessor_id: principal.id,
        assessor_label: principal.label,
        scores,
        score,
        comment: values.comment ?? null,
      });
      await this.audit(
        trx,
        principal,
        locality.id,
        'fund-application',
        id,
        'judge',
        `Application ${application.reference} scored ${scoreLabel(score)}`,
        { scores, score },
      );
      return { assessment, application };
    });
  }

  async moderate(principal: Principal, code: string, id: string, input: unknown) {
    const locality = await this.deps.register.locality(code);
    this.requireAdmin(principal, locality);
    const values = parseInput(moderationInput, input);
    return this.db.transaction().execute(async (trx) => {
      const application = await this.repository.application(trx, locality.id, id, { lock: true });
      if (!application || application.state === 'draft') throw new NotFoundError('Application');
      if (application.state !== 'submitted')
        throw new ValidationError([
          { field: 'agreedScore', message: 'This application has been decided: its score is settled' },
        ]);
      const assessments = await this.repository.assessments(trx, [id]);
      if (assessments.length < 2)
        throw new ValidationError([
          { field: 'agreedScore', message: 'Both assessors must score it before a score is agreed' },
        ]);
      const agreed = Math.round(values.agreedScore * 10);
      const updated = await this.repository.updateApplication(trx, id, {
        agreed_score: agreed,
        moderation_reason: values.reason,
        moderated_by: principal.label,
      });
      await this.audit(
        trx,
        principal,
        locality.id,
        'fund-application',
        id,
        'judge',
        `Application ${application.reference}: score agreed at ${scoreLabel(agreed)}`,
        { agreed, reason: values.reason, assessed: assessments.map((a) => a.score) },
      );
      return updated;
    });
  }

  /**
   * Awards or declines. An award needs a settled score and may not exceed what was asked for or
   * what the round has left: the round is locked while the award is checked and written, so two
   * awards made at the same moment cannot together overspend it.
   */
  async decide(principal: Principal, code: string, id: string, input: unknown, options: Options = {}) {
    const locality = await this.deps.register.locality(code);
    if (!canAdministerLocality(principal, locality)) {
      if (canDecideLocalProposals(principal, locality))
        throw new ForbiddenError('An assessor scores applications; the fund’s administrator decides them');
      refuse(principal, locality, 'Application');
    }
    const values = parseInput(decisionInput, input);
    const now = options.now ?? new Date();
    const result = await this.db.transaction().execute(async (trx) => {
      const found = await this.repository.application(trx, locality.id, id);
      if (!found || found.state === 'draft') throw new NotFoundError('Application');
      const round = (await this.repository.round(trx, locality.id, found.round_id, { lock: true })) as Round;
      const application = (await this.repository.application(trx, locality.id, id, { lock: true })) as ApplicationRow;
      if (application.state !== 'submitted')
        throw new ValidationError([{ field: 'outcome', message: 'This application has already been decided' }]);
      const assessments = await this.repository.assessments(trx, [id]);
      const settled = moderation(
        assessments.map((a) => a.score),
        application.agreed_score,
        round.moderation_threshold,
      );
      if (settled.state !== 'settled')
        throw new ValidationError([
          {
            field: 'outcome',
            message:
              settled.state === 'awaiting-assessments'
                ? 'Two assessors must score the application before it is decided'
                : 'The assessors’ scores differ by more than the threshold: agree a score before deciding',
          },
        ]);
      let awarded: number | null = null;
      if (values.outcome === 'award') {
        const remaining = remainingBudget(round.budget_pence, [await this.repository.awardedPence(trx, round.id)]);
        const amount = values.amount as number;
        const problems = awardProblems(amount, application.amount_pence ?? 0, remaining);
        if (problems.length) throw new ValidationError(problems.map((message) => ({ field: 'amount', message })));
        awarded = amount;
      }
      const updated = await this.repository.updateApplication(trx, id, {
        state: values.outcome === 'award' ? 'awarded' : 'declined',
        awarded_pence: awarded,
        decision_reason: values.reason,
        decided_by: principal.label,
        decided_at: now,
      });
      await this.audit(
        trx,
        principal,
        locality.id,
        'fund-application',
        id,
        values.outcome === 'award' ? 'approve' : 'reject',
        values.outcome === 'award'
          ? `Application ${application.reference} awarded £${poundsText(awarded as number)}`
          : `Application ${application.reference} declined`,
        { state: updated.state, awarded_pence: awarded, reason: values.reason, score: settled.finalScore },
      );
      return { application: updated, round };
    });
    const fund = (await this.repository.fund(this.db, locality.id, result.round.fund_id)) as FundRow;
    await this.deps.mailer.send(decisionEmail(result.application, result.round, fund, locality));
    return result.application;
  }

  /** The award letter's content, for the printable page (the email says the same). */
  async letter(principal: Principal, code: string, id: string) {
    const detail = await this.application(principal, code, id);
    if (detail.application.state !== 'awarded') throw new NotFoundError('Award letter');
    return { ...detail, paragraphs: letterParagraphs(detail.application, detail.round, detail.fund, detail.locality) };
  }

  // --- payments and monitoring ------------------------------------------------------------------

  async schedulePayments(principal: Principal, code: string, id: string, input: unknown) {
    const locality = await this.deps.register.locality(code);
    this.requireAdmin(principal, locality);
    const values = parseInput(scheduleInput, input);
    return this.db.transaction().execute(async (trx) => {
      const application = await this.repository.application(trx, locality.id, id, { lock: true });
      if (!application || application.state !== 'awarded') throw new NotFoundError('Award');
      const existing = await this.repository.payments(trx, id);
      if (existing.some((p) => p.paid_on))
        throw new ValidationError([
          { field: 'instalments', message: 'A payment has been made: the schedule can no longer change' },
        ]);
      const schedule = instalmentSchedule(
        application.awarded_pence as number,
        values.instalments,
        values.firstDueOn,
        values.monthsApart,
      );
      await this.repository.replacePayments(trx, id, schedule);
      await this.audit(
        trx,
        principal,
        locality.id,
        'fund-application',
        id,
        'update',
        `Award ${application.reference}: paid in ${schedule.length} instalment${schedule.length === 1 ? '' : 's'} from ${formatDate(values.firstDueOn)}`,
        schedule,
      );
      return schedule;
    });
  }

  async markPaid(
    principal: Principal,
    code: string,
    paymentId: string,
    options: Options = {},
  ): Promise<{ payment: PaymentRow; application: ApplicationRow }> {
    const locality = await this.deps.register.locality(code);
    this.requireAdmin(principal, locality);
    const today = options.today ?? todayInLondon();
    return this.db.transaction().execute(async (trx) => {
      const payment = await this.repository.payment(trx, paymentId);
      const application = payment && (await this.repository.application(trx, locality.id, payment.application_id));
      if (!payment || !application) throw new NotFoundError('Payment');
      const paid = await this.repository.markPaid(trx, paymentId, today, principal.label);
      if (!paid)
        throw new ValidationError([
          { field: 'payment', message: `Instalment ${payment.number} is already recorded as paid` },
        ]);
      await this.audit(
        trx,
        principal,
        locality.id,
        'fund-application',
        application.id,
        'update',
        `Award ${application.reference}: instalment ${payment.number} of £${poundsText(payment.amount_pence)} paid`,
        paid,
      );
      return { payment: paid, application };
    });
  }

  /** The group's monitoring return at the end of the award, recorded once every instalment is paid. */
  async recordMonitoring(principal: Principal, code: string, id: string, input: unknown, options: Options = {}) {
    const locality = await this.deps.register.locality(code);
    this.requireAdmin(principal, locality);
    const values = parseInput(monitoringInput, input);
    return this.db.transaction().execute(async (trx) => {
      const application = await this.repository.application(trx, locality.id, id, { lock: true });
      if (!application || application.state !== 'awarded') throw new NotFoundError('Award');
      const payments = await this.repository.payments(trx, id);
      if (payments.length === 0 || payments.some((p) => !p.paid_on))
        throw new ValidationError([
          { field: 'spent', message: 'The monitoring return comes at the end: record every instalment as paid first' },
        ]);
      if (application.monitoring_state === 'submitted' || application.monitoring_state === 'accepted')
        throw new ValidationError([
          { field: 'spent', message: 'The group has sent its monitoring return: review it instead' },
        ]);
      if (values.spent > (application.awarded_pence as number))
        throw new ValidationError([{ field: 'spent', message: overspent(application) }]);
      const updated = await this.repository.updateApplication(trx, id, {
        monitoring_state: 'accepted',
        monitoring_reviewed_by: principal.label,
        monitoring_reviewed_at: options.now ?? new Date(),
        monitoring_spent_pence: values.spent,
        monitoring_outcomes: values.outcomes,
        monitoring_at: options.now ?? new Date(),
        monitoring_by: principal.label,
      });
      await this.audit(
        trx,
        principal,
        locality.id,
        'fund-application',
        id,
        'record-return',
        `Award ${application.reference}: monitoring return recorded`,
        { spent: values.spent },
      );
      return updated;
    });
  }

  // --- the group's monitoring return, online ---------------------------------------------------

  private async sendLink(
    code: string,
    application: ApplicationRow,
    token: string,
    subject: string,
    paragraphs: string[],
  ) {
    await this.deps.mailer.send(
      composeEmail({
        to: application.contact_email,
        subject,
        name: application.contact_name ?? 'applicant',
        paragraphs,
        action: { label: 'Open your monitoring return', url: this.link(code, token) },
        afterAction: ['The link lasts 14 days. Anyone with it can read and change your return, so do not pass it on.'],
      }),
    );
  }

  /**
   * Asks the group for its monitoring return once every instalment is paid: a new link (the old one
   * stops working) is emailed to the group's contact. Asking again sends a fresh link.
   */
  async requestMonitoring(principal: Principal, code: string, id: string, options: Options = {}) {
    const locality = await this.deps.register.locality(code);
    this.requireAdmin(principal, locality);
    const now = options.now ?? new Date();
    const token = newToken();
    const application = await this.db.transaction().execute(async (trx) => {
      const found = await this.repository.application(trx, locality.id, id, { lock: true });
      if (!found || found.state !== 'awarded') throw new NotFoundError('Award');
      const payments = await this.repository.payments(trx, id);
      if (payments.length === 0 || payments.some((p) => !p.paid_on))
        throw new ValidationError([
          { field: 'monitoring', message: 'Ask for the monitoring return once every instalment is paid' },
        ]);
      if (found.monitoring_state === 'submitted' || found.monitoring_state === 'accepted')
        throw new ValidationError([
          { field: 'monitoring', message: 'The group has already sent its monitoring return' },
        ]);
      const updated = await this.repository.updateApplication(trx, id, {
        monitoring_state: found.monitoring_state ?? 'requested',
        token_hash: hashToken(token),
        token_expires_at: linkExpiry(now),
      });
      await this.audit(
        trx,
        principal,
        locality.id,
        'fund-application',
        id,
        'issue',
        `Award ${found.reference}: monitoring return asked for`,
      );
      return updated;
    });
    await this.sendLink(code, application, token, `Your monitoring return for ${application.reference}`, [
      `Every instalment of ${application.group_name}’s award of £${poundsText(application.awarded_pence ?? 0)} for “${application.title}” has been paid.`,
      'Please tell us, through the link below, how much you spent and what you achieved. You can save your answers and come back to them.',
    ]);
    return { application, token };
  }

  private async awardByLink(trx: Db, locality: Locality, token: string, now: Date) {
    const application = await this.byToken(trx, locality, token, now);
    if (
      application.state !== 'awarded' ||
      !['requested', 'draft', 'changes-requested'].includes(application.monitoring_state ?? '')
    )
      throw new NotFoundError('Monitoring return');
    return application;
  }

  /** Saves the group's monitoring return to come back to; a new link is emailed and the old one stops working. */
  async saveMonitoring(code: string, token: string, input: unknown, options: Options = {}) {
    const locality = await this.deps.register.locality(code);
    const values = parseInput(monitoringDraftInput, input);
    const now = options.now ?? new Date();
    const next = newToken();
    const application = await this.db.transaction().execute(async (trx) => {
      const found = await this.awardByLink(trx, locality, token, now);
      if (values.spent !== undefined && values.spent > (found.awarded_pence as number))
        throw new ValidationError([{ field: 'spent', message: overspent(found) }]);
      const updated = await this.repository.updateApplication(trx, found.id, {
        monitoring_state: found.monitoring_state === 'changes-requested' ? 'changes-requested' : 'draft',
        monitoring_spent_pence: values.spent ?? null,
        monitoring_outcomes: values.outcomes || null,
        token_hash: hashToken(next),
        token_expires_at: linkExpiry(now),
      });
      await this.audit(
        trx,
        publicActor(found),
        locality.id,
        'fund-application',
        found.id,
        'update',
        `Award ${found.reference}: monitoring return saved to return to`,
      );
      return updated;
    });
    await this.sendLink(code, application, next, `Your monitoring return for ${application.reference} is saved`, [
      'Your monitoring return is saved. Use the link below to come back to it and send it.',
    ]);
    return { application, token: next };
  }

  /** The group sends its monitoring return: both answers needed, no more spent than awarded; the officers review it. */
  async submitMonitoring(code: string, token: string, input: unknown, options: Options = {}) {
    const locality = await this.deps.register.locality(code);
    const values = parseInput(monitoringInput, input);
    const now = options.now ?? new Date();
    const next = newToken();
    const application = await this.db.transaction().execute(async (trx) => {
      const found = await this.awardByLink(trx, locality, token, now);
      if (values.spent > (found.awarded_pence as number))
        throw new ValidationError([{ field: 'spent', message: overspent(found) }]);
      const actor = publicActor(found);
      const updated = await this.repository.updateApplication(trx, found.id, {
        monitoring_state: 'submitted',
        monitoring_spent_pence: values.spent,
        monitoring_outcomes: values.outcomes,
        monitoring_at: now,
        monitoring_by: found.group_name ?? actor.label,
        token_hash: hashToken(next),
        token_expires_at: linkExpiry(now),
      });
      await this.audit(
        trx,
        actor,
        locality.id,
        'fund-application',
        found.id,
        'record-return',
        `Award ${found.reference}: monitoring return sent by the group`,
        { spent: values.spent },
      );
      return updated;
    });
    await this.deps.mailer.send(
      composeEmail({
        to: application.contact_email,
        subject: `Monitoring return ${application.reference} received`,
        name: application.contact_name ?? 'applicant',
        paragraphs: [
          `We have received ${application.group_name}’s monitoring return: £${poundsText(application.monitoring_spent_pence ?? 0)} spent of the £${poundsText(application.awarded_pence ?? 0)} awarded.`,
          'An officer will read it and tell you if anything more is needed.',
        ],
        action: { label: 'See your return', url: this.link(code, next) },
        afterAction: ['The link lasts 14 days.'],
      }),
    );
    return { application, token: next };
  }

  /** An officer accepts the group's return, or asks for changes with a note (a new link goes to the group). */
  async reviewMonitoring(principal: Principal, code: string, id: string, input: unknown, options: Options = {}) {
    const locality = await this.deps.register.locality(code);
    this.requireAdmin(principal, locality);
    const values = parseInput(monitoringReviewInput, input);
    const now = options.now ?? new Date();
    const token = newToken();
    const application = await this.db.transaction().execute(async (trx) => {
      const found = await this.repository.application(trx, locality.id, id, { lock: true });
      if (!found || found.state !== 'awarded') throw new NotFoundError('Award');
      if (found.monitoring_state !== 'submitted')
        throw new ValidationError([{ field: 'outcome', message: 'There is no monitoring return waiting for review' }]);
      const accept = values.outcome === 'accept';
      const updated = await this.repository.updateApplication(trx, id, {
        monitoring_state: accept ? 'accepted' : 'changes-requested',
        monitoring_review_note: values.note || null,
        monitoring_reviewed_by: principal.label,
        monitoring_reviewed_at: now,
        ...(accept ? {} : { token_hash: hashToken(token), token_expires_at: linkExpiry(now) }),
      });
      await this.audit(
        trx,
        principal,
        locality.id,
        'fund-application',
        id,
        accept ? 'approve' : 'reject',
        accept
          ? `Award ${found.reference}: monitoring return accepted`
          : `Award ${found.reference}: changes asked for in the monitoring return`,
        { note: values.note ?? null },
      );
      return updated;
    });
    if (application.monitoring_state === 'changes-requested') {
      await this.sendLink(code, application, token, `Please change your monitoring return ${application.reference}`, [
        `We have read ${application.group_name}’s monitoring return and ask you to change it: ${application.monitoring_review_note ?? ''}`,
      ]);
    } else {
      await this.deps.mailer.send(
        composeEmail({
          to: application.contact_email,
          subject: `Monitoring return ${application.reference} accepted`,
          name: application.contact_name ?? 'applicant',
          paragraphs: [
            `Thank you: ${application.group_name}’s monitoring return is accepted and the award is complete.`,
            ...(application.monitoring_review_note ? [application.monitoring_review_note] : []),
          ],
        }),
      );
    }
    return application;
  }

  // --- withdrawing --------------------------------------------------------------------------------

  private async withdrawIn(
    trx: Db,
    principal: Principal,
    locality: Locality,
    found: ApplicationRow,
    reason: string | undefined,
    now: Date,
    by: string,
  ) {
    const updated = await this.repository.updateApplication(trx, found.id, {
      state: 'withdrawn',
      withdrawn_at: now,
      withdrawn_by: by,
      withdrawal_reason: reason || null,
    });
    await this.audit(
      trx,
      principal,
      locality.id,
      'fund-application',
      found.id,
      'withdraw',
      `Application ${found.reference} withdrawn by ${by}`,
      { reason: reason ?? null },
      { state: found.state },
    );
    return updated;
  }

  /** The group withdraws its own draft or sent application, through its link, before it is decided. */
  async withdrawByLink(code: string, token: string, input: unknown, options: Options = {}) {
    const locality = await this.deps.register.locality(code);
    const values = parseInput(withdrawalInput, input);
    const now = options.now ?? new Date();
    const application = await this.db.transaction().execute(async (trx) => {
      const found = await this.byToken(trx, locality, token, now);
      if (found.state !== 'draft' && found.state !== 'submitted')
        throw new ValidationError([{ field: 'reason', message: withdrawRefusal(found) }]);
      return this.withdrawIn(trx, publicActor(found), locality, found, values.reason, now, 'the group');
    });
    await this.deps.mailer.send(withdrawnEmail(application));
    return application;
  }

  /** An officer (the administrator) withdraws a sent application, with a reason the group is told. */
  async withdraw(principal: Principal, code: string, id: string, input: unknown, options: Options = {}) {
    const locality = await this.deps.register.locality(code);
    this.requireAdmin(principal, locality);
    const values = parseInput(withdrawalInput, input);
    if (!values.reason)
      throw new ValidationError([{ field: 'reason', message: 'Give the reason the application is withdrawn' }]);
    const now = options.now ?? new Date();
    const application = await this.db.transaction().execute(async (trx) => {
      const found = await this.repository.application(trx, locality.id, id, { lock: true });
      if (!found || found.state === 'draft') throw new NotFoundError('Application');
      if (found.state !== 'submitted')
        throw new ValidationError([{ field: 'reason', message: withdrawRefusal(found) }]);
      return this.withdrawIn(trx, principal, locality, found, values.reason, now, principal.label);
    });
    await this.deps.mailer.send(withdrawnEmail(application));
    return application;
  }

  // --- what needs doing ---------------------------------------------------------------------------

  /**
   * The inbox's "what needs you now": for an assessor, applications waiting for their score; for
   * the administrator, scores to agree and applications ready to decide. Worked out when the
   * inbox opens, so nothing goes stale.
   */
  async workFor(principal: Principal, now: Date): Promise<WorkItem[]> {
    if (!principal.canWrite || principal.kind === 'public') return [];
    const localityIds = new Set(
      principal.grants
        .filter((g) => g.role === 'locality-admin' || g.role === 'locality-gatekeeper')
        .map((g) => g.localityId)
        .filter((id): id is string => !!id),
    );
    const items: WorkItem[] = [];
    const today = todayInLondon(now);
    for (const localityId of localityIds) {
      const locality = await this.db
        .selectFrom('localities')
        .selectAll()
        .where('id', '=', localityId)
        .executeTakeFirst();
      if (!locality || !this.isAssessor(principal, locality)) continue;
      const admin = canAdministerLocality(principal, locality);
      const waiting = await this.repository.waiting(this.db, localityId);
      const assessments = await this.repository.assessments(
        this.db,
        waiting.map((w) => w.id),
      );
      for (const w of waiting) {
        const mine = assessments.filter((a) => a.application_id === w.id);
        const state = moderation(
          mine.map((a) => a.score),
          w.agreed_score,
          w.moderation_threshold,
        ).state;
        const link = `/localities/${locality.gss_code}/funds/applications/${w.id}`;
        const item = { link, localityName: locality.name, overdue: false, due: null };
        if (state === 'awaiting-assessments' && !mine.some((a) => a.assessor_id === principal.id)) {
          items.push({
            ...item,
            kind: 'review',
            title: `Score application ${w.reference}: ${w.group_name ?? ''}`,
            detail: `${mine.length} of 2 assessors have scored it; the round ${w.closes_on < today ? 'closed' : 'closes'} on ${formatDate(w.closes_on)}.`,
          });
        } else if (admin && state === 'awaiting-moderation') {
          items.push({
            ...item,
            kind: 'action',
            title: `Agree a score for application ${w.reference}: ${w.group_name ?? ''}`,
            detail: 'The two assessors’ scores differ by more than the round’s threshold.',
          });
        } else if (admin && state === 'settled') {
          items.push({
            ...item,
            kind: 'action',
            title: `Decide application ${w.reference}: ${w.group_name ?? ''}`,
            detail: 'Two assessors have scored it.',
          });
        }
      }
      if (!admin) continue;
      for (const r of await this.repository.returnsToReview(this.db, localityId)) {
        items.push({
          link: `/localities/${locality.gss_code}/funds/applications/${r.id}#monitoring`,
          localityName: locality.name,
          overdue: false,
          due: null,
          kind: 'review',
          title: `Review the monitoring return for ${r.reference}: ${r.group_name ?? ''}`,
          detail: 'The group has sent its monitoring return online.',
        });
      }
    }
    return items;
  }

  // --- the public record ------------------------------------------------------------------------

  /** Every award made in the locality: what the public sees, and what the 360Giving export holds. */
  async awards(code: string): Promise<{ locality: Locality; awards: AwardRow[]; prefix: string }> {
    const { locality, prefix } = await this.settings(code);
    return { locality, awards: await this.repository.awards(this.db, locality.id), prefix };
  }
}

/** Changes a group makes have no account behind them: the audit names the application. */
function publicActor(application: ApplicationRow): Principal {
  return {
    kind: 'public',
    id: `applicant:${application.id}`,
    label: `Applicant for ${application.reference}`,
    grants: [],
    canWrite: false,
  };
}

function overspent(application: ApplicationRow): string {
  return `Amount spent cannot be more than the award of £${poundsText(application.awarded_pence as number)}`;
}

function withdrawRefusal(application: ApplicationRow): string {
  return application.state === 'withdrawn'
    ? 'This application has already been withdrawn'
    : 'This application has been decided: it can no longer be withdrawn';
}

function withdrawnEmail(application: ApplicationRow) {
  return composeEmail({
    to: application.contact_email,
    subject: `Application ${application.reference} withdrawn`,
    name: application.contact_name ?? 'applicant',
    paragraphs: [
      `${application.group_name ?? 'Your group'}’s application ${application.reference} is withdrawn: it will not be assessed or funded.`,
      ...(application.withdrawal_reason ? [`The reason given: ${application.withdrawal_reason}`] : []),
    ],
  });
}

export function closedMessage(round: Round, status: RoundStatus): string {
  return status === 'upcoming'
    ? `This round opens on ${formatDate(round.opens_on)}. It takes applications from then until ${formatDate(round.closes_on)}.`
    : `This round closed on ${formatDate(round.closes_on)}. It takes no more applications.`;
}

function letterParagraphs(application: ApplicationRow, round: Round, fund: FundRow, locality: Locality): string[] {
  return [
    `I am pleased to tell you that ${fund.funder_name} has awarded ${application.group_name} £${poundsText(application.awarded_pence ?? 0)} from the ${fund.name} (${round.title}) for “${application.title}”.`,
    `The reason for the decision: ${application.decision_reason ?? ''}`,
    `The award is to be spent on what you described in your application, to achieve the outcomes you set out: ${application.outcomes ?? ''}`,
    `We will pay it in instalments and tell you the dates. At the end, we will ask you for a short monitoring return: how much you spent and what you achieved.`,
    `Please quote your reference, ${application.reference}, in any letter or email about this award. Awards are published, with your group’s name, on ${locality.name}’s list of awards.`,
  ];
}

function decisionEmail(application: ApplicationRow, round: Round, fund: FundRow, locality: Locality) {
  const name = application.contact_name ?? 'applicant';
  if (application.state === 'awarded') {
    return composeEmail({
      to: application.contact_email,
      subject: `Award letter: ${fund.name}, ${application.reference}`,
      name,
      paragraphs: letterParagraphs(application, round, fund, locality),
    });
  }
  return composeEmail({
    to: application.contact_email,
    subject: `Decision on your application ${application.reference}`,
    name,
    paragraphs: [
      `We are sorry to tell you that ${application.group_name}’s application to ${round.title} (${fund.name}) was not successful.`,
      `The reason for the decision: ${application.decision_reason ?? ''}`,
    ],
  });
}

export { FUND_KINDS };
