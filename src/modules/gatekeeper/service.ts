import { type Principal, ROLE_NAMES } from '../../core/actor.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../core/errors.js';
import { parseInput, isUuid } from '../../core/validation.js';
import { formatDate } from '../../core/dates.js';
import type { CoreServices } from '../../core/services.js';
import type { Db } from '../../db/database.js';
import type { Locality } from '../../db/tables.js';
import type { RecordInput } from '../audit/service.js';
import {
  canAdministerLocality,
  canDecideLocalProposals,
  canDecideNationalProposals,
  canProposePartnerships,
  canReadRestricted,
  isRegionalAdviser,
  isSystem,
  refuse,
} from '../accounts/policy.js';
import type { ProposalCheck } from '../overlap/service.js';
import type { ProposalMatch, ProposedPartnership } from '../overlap/proposal-check.js';
import type { PerformanceService } from '../performance/service.js';
import type { RoleHolderQuery } from '../notifications/repository.js';
import type { WorkItem, WorkSource } from '../notifications/service.js';
import { bankHolidaysFor } from '../../core/bank-holidays.js';
import { SAME_THEME_SHOWN, type SameThemeEntry, rankSameThemeArea } from './relevance.js';
import { LAYER_LABELS } from '../register/schema.js';
import { MEETING_HOURS_ONLY } from '../register/burden.js';
import { GatekeeperRepository } from './repository.js';
import {
  type AcknowledgementRow,
  type Decision,
  type DecisionInput,
  type ProposalAnswers,
  type ProposalRow,
  SECTION_SCHEMAS,
  type SectionName,
  type StoredPrecheck,
  acknowledgeInput,
  commentInput,
  decisionInput,
  requestInformationInput,
  resubmitInput,
  settingsInput,
  startInput,
  withdrawInput,
} from './schema.js';
import {
  type DecidedProposal,
  type GatekeeperStatistics,
  type ReviewClock,
  gatekeeperStatistics,
  reviewClock,
  timeInStates,
} from './timing.js';
import {
  type Action,
  type Standing,
  type State,
  AWAITING_GATEKEEPER,
  STATE_LABELS,
  availableActions,
  decide as judge,
  isState,
  outcomeAction,
} from './workflow.js';

export interface GatekeeperDependencies extends CoreServices {
  performance: PerformanceService;
}

interface WriteOptions {
  trx?: Db;
  /** When it happened: the demo seed backdates its proposals; otherwise now. */
  at?: Date;
}

/** The audit trail's list of record kinds does not name proposals yet; they are recorded under their own name. */
const PROPOSAL_ENTITY: RecordInput['entityType'] = 'proposal';

/** What each task list section must hold before the proposal can be submitted. */
const SECTION_COMPLETE: Record<SectionName, (a: ProposalAnswers) => boolean> = {
  problem: (a) => !!(a.problem?.title && a.problem.problem && a.problem.outcomes && a.problem.themes.length > 0),
  need: (a) => !!(a.need?.whySeveralOrganisations && a.need.whySeveralLevels),
  alternatives: (a) =>
    !!(a.alternatives?.singleOrganisation && a.alternatives.jointWorking && a.alternatives.existingPartnership),
  members: (a) =>
    !!(
      a.members &&
      a.members.memberIds.length >= 2 &&
      a.members.leadOrganisationId &&
      a.members.accountableBodyId &&
      a.members.legalForm
    ),
  scope: (a) => !!(a.scope?.layer && a.scope.durationMonths !== undefined && a.scope.reviewPoint),
  funding: (a) => !!a.funding?.fundRequiresPartnership,
  running: (a) =>
    !!(
      a.running &&
      a.running.meetingsPerYear !== undefined &&
      a.running.attendees !== undefined &&
      a.running.meetingHours !== undefined &&
      a.running.benefits
    ),
};

const SECTION_MISSING: Record<SectionName, string> = {
  problem: 'Complete “The problem and the outcomes sought”: title, problem, outcomes and at least one theme',
  need: 'Complete “Why it needs a partnership”: why several organisations and why several levels',
  alternatives: 'Complete “Alternatives considered”: say why each alternative was rejected',
  members:
    'Complete “Members, lead and legal form”: at least two members, the lead, the accountable body and the legal form',
  scope: 'Complete “Areas, layer and duration”: the layer, expected duration and exit or review point',
  funding: 'Complete “Funding”: say whether a fund requires a new partnership',
  running: 'Complete “Running cost and benefits”: meetings a year, attendees, meeting length and expected benefits',
};

export type SectionStatus = 'completed' | 'in-progress' | 'not-started';

export interface SimilarFound extends ProposalMatch {
  scope: 'local' | 'national';
  localityName: string;
  localityCode: string;
  acknowledgement: AcknowledgementRow | null;
}

export interface Precheck {
  similar: SimilarFound[];
  nationalPending: boolean;
  nationalChecked: boolean;
  unacknowledged: number;
  burden: Array<{
    organisationId: string;
    name: string;
    seats: number;
    yearlyHours: number;
    addedHours: number;
    increase: number | null;
  }>;
  /** Ranked by relevance to the proposal, each with why it is listed; the first sameThemeShown are shown. */
  sameThemeArea: SameThemeEntry[];
  sameThemeShown: number;
  statutoryCover: Array<{ id: string; name: string; reference: string; statutoryType: string | null }>;
  runningCost: {
    pence: number;
    estimated: boolean;
    meetingsPerYear: number | null;
    attendees: number | null;
    meetingHours: number | null;
  };
}

export interface ProposalView {
  locality: Locality;
  proposal: ProposalRow;
  answers: ProposalAnswers;
  state: State;
  standing: Standing;
  actions: Action[];
  sections: Record<SectionName, SectionStatus>;
  missing: string[];
  events: Array<{ from: string | null; to: string; actor: string; note: string | null; at: Date }>;
  comments: Array<{ author: string; role: string; body: string; at: Date }>;
  acknowledgements: AcknowledgementRow[];
  timeInStates: Array<{ state: State; days: number; workingDays: number }>;
  clock: ReviewClock | null;
  serviceLevelDays: number;
  partnership: { id: string; name: string } | null;
}

export interface ProposalSummary {
  id: string;
  reference: string;
  title: string;
  national: boolean;
  state: State;
  localityCode: string;
  localityName: string;
  proposerName: string;
  mine: boolean;
  /** Waiting on a decision this person may take. */
  awaitsYou: boolean;
  updatedAt: Date;
  clock: ReviewClock | null;
}

export interface DecisionLogEntry {
  id: string;
  reference: string;
  title: string;
  summary: string;
  national: boolean;
  localityCode: string;
  localityName: string;
  outcome: Decision['outcome'];
  outcomeLabel: string;
  reasons: string;
  conditions: string | null;
  deciderName: string;
  deciderRole: string;
  decidedAt: Date;
  partnershipId: string | null;
  /** The created partnership's status now: a proposed one is published in the register once active. */
  partnershipStatus: string | null;
  /** Only for readers of the locality's restricted material. */
  restrictedNote: string | null;
  /** Whether the viewer reads the locality's restricted material (and so its proposed partnerships). */
  restrictedView: boolean;
}

/** Proposals for new partnerships, their automatic pre-check, and the gatekeeper's decisions. */
export class GatekeeperService implements WorkSource {
  private readonly repository = new GatekeeperRepository();

  constructor(private readonly deps: GatekeeperDependencies) {}

  private write<T>(options: WriteOptions | undefined, work: (trx: Db) => Promise<T>): Promise<T> {
    return options?.trx ? work(options.trx) : this.deps.db.transaction().execute(work);
  }

  // --- who is who ---------------------------------------------------------------------------

  standing(
    principal: Principal,
    locality: Locality,
    proposal: Pick<ProposalRow, 'proposer_id' | 'national'>,
  ): Standing {
    return {
      proposer: principal.kind !== 'public' && proposal.proposer_id === actorId(principal),
      decider: proposal.national ? canDecideNationalProposals(principal) : canDecideLocalProposals(principal, locality),
      adviser: isRegionalAdviser(principal, locality),
    };
  }

  /** Drafts are seen by their proposer, the gatekeeper and the regional adviser; a submitted proposal by every reader. */
  private canSee(principal: Principal, locality: Locality, proposal: ProposalRow): boolean {
    if (!canReadRestricted(principal, locality)) return false;
    if (proposal.status !== 'draft') return true;
    const s = this.standing(principal, locality, proposal);
    return (
      s.proposer ||
      s.decider ||
      s.adviser ||
      isSystem(principal) ||
      canDecideNationalProposals(principal) ||
      canDecideLocalProposals(principal, locality)
    );
  }

  private async load(
    db: Db,
    principal: Principal,
    code: string,
    id: string,
    lock = false,
  ): Promise<{ locality: Locality; proposal: ProposalRow }> {
    const locality = await this.deps.register.locality(code, db);
    if (!canReadRestricted(principal, locality)) refuse(principal, locality, 'Proposal');
    const proposal = isUuid(id)
      ? await (lock ? this.repository.forUpdate(db, locality.id, id) : this.repository.byId(db, locality.id, id))
      : undefined;
    if (!proposal || !this.canSee(principal, locality, proposal)) throw new NotFoundError('Proposal');
    return { locality, proposal };
  }

  private allow(action: Action, principal: Principal, locality: Locality, proposal: ProposalRow): State {
    if (!principal.canWrite) throw new ForbiddenError('This API token is read-only');
    const verdict = judge(action, stateOf(proposal), this.standing(principal, locality, proposal));
    if (!verdict.allowed) throw new ForbiddenError(verdict.reason);
    return verdict.to;
  }

  // --- reading ------------------------------------------------------------------------------

  async overview(principal: Principal, code: string, now = new Date()) {
    const locality = await this.deps.register.locality(code);
    if (!canReadRestricted(principal, locality)) refuse(principal, locality, 'Page');
    const proposals = await this.summaries(principal, [locality], now);
    const serviceLevelDays = await this.repository.serviceLevelDays(this.deps.db, locality.id);
    return {
      locality,
      proposals,
      awaiting: proposals.filter((p) => p.awaitsYou),
      overdue: proposals.filter((p) => p.awaitsYou && p.clock?.overdue),
      serviceLevelDays,
      canPropose: canProposePartnerships(principal, locality),
      isGatekeeper: canDecideLocalProposals(principal, locality) || canDecideNationalProposals(principal),
      canSetServiceLevel: canAdministerLocality(principal, locality),
    };
  }

  /** Proposals across every locality the person may read: their own first, then those awaiting a decision. */
  async acrossLocalities(principal: Principal, now = new Date()): Promise<ProposalSummary[]> {
    const localities = (await this.deps.register.listLocalities()).filter((l) => canReadRestricted(principal, l));
    return this.summaries(principal, localities, now);
  }

  private async summaries(principal: Principal, localities: Locality[], now: Date): Promise<ProposalSummary[]> {
    const byId = new Map(localities.map((l) => [l.id, l]));
    const rows = (await this.repository.list(this.deps.db, [...byId.keys()])).filter((p) =>
      this.canSee(principal, byId.get(p.locality_id) as Locality, p),
    );
    const events = await this.repository.events(
      this.deps.db,
      rows.filter((p) => AWAITING_GATEKEEPER.includes(stateOf(p))).map((p) => p.id),
    );
    const levels = new Map<string, number>();
    for (const l of localities)
      if (rows.some((p) => p.locality_id === l.id))
        levels.set(l.id, await this.repository.serviceLevelDays(this.deps.db, l.id));
    return rows.map((p) => ({
      id: p.id,
      reference: p.reference,
      title: p.title,
      national: p.national,
      state: stateOf(p),
      localityCode: p.locality_code,
      localityName: p.locality_name,
      proposerName: p.proposer_name,
      mine: p.proposer_id === actorId(principal),
      awaitsYou:
        AWAITING_GATEKEEPER.includes(stateOf(p)) &&
        this.standing(principal, byId.get(p.locality_id) as Locality, p).decider &&
        p.proposer_id !== actorId(principal),
      updatedAt: p.updated_at,
      clock: reviewClock(
        stateOf(p),
        eventsOf(events, p.id),
        levels.get(p.locality_id) ?? 20,
        now,
        bankHolidaysFor(byId.get(p.locality_id)?.nation ?? ''),
      ),
    }));
  }

  /**
   * What waits on this person in the inbox: proposals awaiting their decision (overdue ones
   * flagged, against the service level), and their own proposals that wait on them: more
   * information asked for, or a draft not yet submitted.
   */
  async workFor(principal: Principal, now = new Date()): Promise<WorkItem[]> {
    if (principal.kind === 'public') return [];
    const items: WorkItem[] = [];
    for (const p of await this.acrossLocalities(principal, now)) {
      const link = `/localities/${p.localityCode}/proposals/${p.id}`;
      const named = `${p.reference}: ${p.title}`;
      if (p.awaitsYou) {
        const waiting = p.clock ? `Waiting ${plural(p.clock.workingDaysWaiting, 'working day')}` : 'Waiting';
        items.push({
          kind: 'review',
          title: `Review proposal ${named}`,
          detail: p.clock?.overdue
            ? `${waiting}: it was due on ${formatDate(p.clock.due)}. Proposed by ${p.proposerName}.`
            : `${waiting}${p.clock ? `; due by ${formatDate(p.clock.due)}` : ''}. Proposed by ${p.proposerName}.`,
          link,
          localityName: p.localityName,
          overdue: p.clock?.overdue ?? false,
          due: p.clock?.due ?? null,
        });
      } else if (p.mine && p.state === 'more-information-requested') {
        items.push({
          kind: 'answer',
          title: `Answer the gatekeeper on ${named}`,
          detail: 'The gatekeeper asked for more information: give it and resubmit the proposal.',
          link,
          localityName: p.localityName,
          overdue: false,
          due: null,
        });
      } else if (p.mine && p.state === 'draft') {
        items.push({
          kind: 'action',
          title: `Finish and submit your draft ${named}`,
          detail: `Last saved ${formatDate(p.updatedAt)}.`,
          link,
          localityName: p.localityName,
          overdue: false,
          due: null,
        });
      }
    }
    return items;
  }

  async get(principal: Principal, code: string, id: string, now = new Date()): Promise<ProposalView> {
    const { locality, proposal } = await this.load(this.deps.db, principal, code, id);
    const db = this.deps.db;
    const [events, comments, acknowledgements, serviceLevelDays] = await Promise.all([
      this.repository.events(db, [proposal.id]),
      this.repository.comments(db, proposal.id),
      this.repository.acknowledgements(db, proposal.id),
      this.repository.serviceLevelDays(db, locality.id),
    ]);
    const state = stateOf(proposal);
    const standing = this.standing(principal, locality, proposal);
    const answers = proposal.answers ?? {};
    const stateEvents = events.map((e) => ({ toStatus: e.to_status, occurredAt: e.occurred_at }));
    const partnership = proposal.partnership_id
      ? ((await this.repository.partnershipLocalityNames(db, [proposal.partnership_id])).get(proposal.partnership_id) ??
        null)
      : null;
    return {
      locality,
      proposal,
      answers,
      state,
      standing,
      actions: principal.canWrite ? availableActions(state, standing) : [],
      sections: sectionStatuses(answers),
      missing: missingSections(answers),
      events: events.map((e) => ({
        from: e.from_status,
        to: e.to_status,
        actor: e.actor_name,
        note: e.note,
        at: e.occurred_at,
      })),
      comments: comments.map((c) => ({ author: c.author_name, role: c.author_role, body: c.body, at: c.created_at })),
      acknowledgements,
      timeInStates: timeInStates(stateEvents, now, bankHolidaysFor(locality.nation)),
      clock: reviewClock(state, stateEvents, serviceLevelDays, now, bankHolidaysFor(locality.nation)),
      serviceLevelDays,
      partnership:
        partnership && proposal.partnership_id ? { id: proposal.partnership_id, name: partnership.name } : null,
    };
  }

  /** The outcomes of the locality's plans a proposal may say it serves (none until plans are recorded). */
  async outcomeChoices(locality: Locality, options: { trx?: Db } = {}) {
    return this.deps.performance.outcomeChoices(locality.id, options);
  }

  // --- the proposer's part ------------------------------------------------------------------

  async start(principal: Principal, code: string, input: unknown, options: WriteOptions = {}): Promise<ProposalRow> {
    // Checked before the role, so the form shows what is missing to anyone who may open it.
    const data = parseInput(startInput, input);
    return this.write(options, async (trx) => {
      const locality = await this.deps.register.locality(code, trx);
      if (!canProposePartnerships(principal, locality)) refuse(principal, locality, 'Page');
      const at = options.at ?? new Date();
      const reference = await this.repository.nextReference(trx, locality.id, at.getUTCFullYear());
      const national = data.national === 'yes';
      const proposal = await this.repository.insert(trx, {
        locality_id: locality.id,
        reference,
        title: data.title,
        national,
        answers: { problem: { title: data.title, national: data.national, themes: [], planOutcomeIds: [] } },
        proposer_id: actorId(principal),
        proposer_name: principal.label,
        created_at: at,
      });
      await this.repository.recordCreated(trx, proposal, actorOf(principal));
      await this.audit(trx, principal, locality, proposal, 'create', `Started proposal ${reference}: ${data.title}`, {
        after: proposal,
      });
      return proposal;
    });
  }

  async saveSection(
    principal: Principal,
    code: string,
    id: string,
    section: SectionName,
    input: unknown,
    options: WriteOptions = {},
  ): Promise<ProposalRow> {
    return this.write(options, async (trx) => {
      const { locality, proposal } = await this.load(trx, principal, code, id, true);
      this.allow('edit', principal, locality, proposal);
      const data = parseInput(SECTION_SCHEMAS[section], input);
      await this.checkSection(trx, locality, section, data);
      const answers: ProposalAnswers = { ...(proposal.answers ?? {}), [section]: data };
      const changes: Parameters<GatekeeperRepository['update']>[2] = { answers };
      if (section === 'problem') {
        const problem = data as NonNullable<ProposalAnswers['problem']>;
        changes.title = problem.title;
        if (problem.national) changes.national = problem.national === 'yes';
      }
      const updated = await this.repository.update(trx, proposal.id, changes);
      await this.audit(
        trx,
        principal,
        locality,
        proposal,
        'update',
        `Saved “${SECTION_TITLES[section]}” of proposal ${proposal.reference}`,
        { before: proposal.answers?.[section] ?? null, after: data },
      );
      return updated;
    });
  }

  /** Organisations and codes named in a section must be this locality's and current. */
  private async checkSection(trx: Db, locality: Locality, section: SectionName, data: unknown): Promise<void> {
    if (section === 'members') {
      const m = data as NonNullable<ProposalAnswers['members']>;
      const named = [...m.memberIds, m.chairId, m.leadOrganisationId, m.accountableBodyId].filter(
        (x): x is string => !!x,
      );
      const found = await this.deps.register.organisations.byIds(trx, locality.id, [...new Set(named)]);
      const errors: Array<{ field: string; message: string }> = [];
      for (const [field, value] of [
        ['chairId', m.chairId],
        ['leadOrganisationId', m.leadOrganisationId],
        ['accountableBodyId', m.accountableBodyId],
      ] as const) {
        if (value && !found.has(value))
          errors.push({ field, message: 'Choose an organisation from this locality’s register' });
      }
      if (m.memberIds.some((x) => !found.has(x)))
        errors.push({ field: 'memberIds', message: 'Choose members from this locality’s register' });
      if (m.chairId && !m.memberIds.includes(m.chairId))
        errors.push({ field: 'chairId', message: 'The chair must be one of the proposed members' });
      if (m.legalForm) {
        const snapshot = await this.deps.reference.snapshot(trx);
        if (!snapshot.has('legal-form', m.legalForm))
          errors.push({ field: 'legalForm', message: 'Choose a legal form from the list' });
      }
      if (errors.length) throw new ValidationError(errors);
    }
    if (section === 'problem') {
      const p = data as NonNullable<ProposalAnswers['problem']>;
      const snapshot = await this.deps.reference.snapshot(trx);
      if (p.themes.some((t) => !snapshot.has('theme', t)))
        throw ValidationError.of('themes', 'Choose themes from the list');
      if (p.planOutcomeIds.length) {
        const outcomes = new Set((await this.deps.performance.outcomeChoices(locality.id, { trx })).map((o) => o.id));
        if (p.planOutcomeIds.some((id) => !outcomes.has(id)))
          throw ValidationError.of('planOutcomeIds', 'Choose outcomes from the locality’s plans');
      }
    }
    if (section === 'alternatives') {
      const a = data as NonNullable<ProposalAnswers['alternatives']>;
      if (
        a.existingPartnershipId &&
        !(await this.deps.register.partnerships.summary(trx, locality.id, a.existingPartnershipId))
      ) {
        throw ValidationError.of('existingPartnershipId', 'Choose a partnership from this locality’s register');
      }
    }
  }

  /** The automatic pre-check, as the proposer and the reviewers see it now. */
  async precheck(
    principal: Principal,
    code: string,
    id: string,
    options: { trx?: Db } = {},
  ): Promise<{ view: { locality: Locality; proposal: ProposalRow }; precheck: Precheck }> {
    const db = options.trx ?? this.deps.db;
    const loaded = await this.load(db, principal, code, id);
    return {
      view: loaded,
      precheck: await this.runPrecheck(db, loaded.locality, loaded.proposal, options.trx !== undefined),
    };
  }

  private async runPrecheck(
    db: Db,
    locality: Locality,
    proposal: ProposalRow,
    inTransaction: boolean,
  ): Promise<Precheck> {
    const answers = proposal.answers ?? {};
    const candidate = proposedPartnership(locality, proposal);
    const identifiers = await this.repository.organisationIdentifiers(db, candidate.memberOrganisationIds);
    const check: ProposalCheck = await this.deps.overlap.checkProposal(
      locality,
      { ...candidate, memberIdentifiers: candidate.memberOrganisationIds.map((m) => identifiers.get(m) ?? m) },
      inTransaction ? { trx: db } : {},
    );
    const acknowledgements = new Map(
      (await this.repository.acknowledgements(db, proposal.id)).map((a) => [a.partnership_id, a]),
    );
    const nationalIds = check.national.map((m) => m.partnershipId);
    const places = await this.repository.partnershipLocalityNames(db, nationalIds);
    const similar: SimilarFound[] = [
      ...check.local.map((m) => ({
        ...m,
        scope: 'local' as const,
        localityName: locality.name,
        localityCode: locality.gss_code,
        acknowledgement: acknowledgements.get(m.partnershipId) ?? null,
      })),
      ...check.national.map((m) => ({
        ...m,
        scope: 'national' as const,
        localityName: m.localityName,
        localityCode: places.get(m.partnershipId)?.code ?? '',
        acknowledgement: acknowledgements.get(m.partnershipId) ?? null,
      })),
    ];
    const members = candidate.memberOrganisationIds;
    const organisations = await this.deps.register.organisations.byIds(db, locality.id, members);
    // Each member's seats and meeting hours now, as every page counts them; the hours the
    // proposal adds are counted the same way: one seat, its meetings a year × their length.
    const addedHours = (answers.running?.meetingsPerYear ?? 0) * (answers.running?.meetingHours ?? 0);
    const now = await this.deps.register.burden(
      db,
      locality.id,
      members.map((id) => ({
        id,
        name: organisations.get(id)?.name ?? 'Unknown organisation',
        sector: organisations.get(id)?.sector ?? 'public',
      })),
      MEETING_HOURS_ONLY,
    );
    const burden = now.map((b) => ({
      organisationId: b.organisationId,
      name: b.name,
      seats: b.seats,
      yearlyHours: b.meetingHours,
      addedHours,
      increase: b.meetingHours > 0 ? addedHours / b.meetingHours : null,
    }));
    burden.sort((a, b) => b.seats - a.seats || a.name.localeCompare(b.name));
    const themes = answers.problem?.themes ?? [];
    const snapshot = await this.deps.reference.snapshot(db);
    const themeLabel = (code: string) => snapshot.label('theme', code);
    for (const s of similar) s.sharedThemes = s.sharedThemes.map(themeLabel);
    const areas = new Set(candidate.areas);
    const inArea = (await this.repository.sharingTheme(db, locality.id, themes)).filter(
      (p) =>
        p.areas === null ||
        p.areas.length === 0 ||
        p.areas.includes(locality.gss_code) ||
        areas.has(locality.gss_code) ||
        p.areas.some((a) => areas.has(a)),
    );
    const seated = await this.repository.currentSeats(db, locality.id, members);
    // How many open boards each member sits on, for how telling a shared seat is (not its burden).
    const boards = new Map<string, number>();
    for (const ids of seated.values()) for (const id of ids) boards.set(id, (boards.get(id) ?? 0) + 1);
    const similarIds = new Set(similar.map((s) => s.partnershipId));
    const seatedMember = (id: string) => ({
      name: organisations.get(id)?.name ?? 'Unknown organisation',
      boards: boards.get(id) ?? 0,
    });
    const sameThemeArea = rankSameThemeArea(
      inArea.map((p) => ({
        id: p.id,
        name: p.name,
        reference: p.reference,
        sharedThemes: (p.themes ?? []).filter((t) => themes.includes(t)).map(themeLabel),
        sharedMembers: (seated.get(p.id) ?? [])
          .map(seatedMember)
          .sort((a, b) => a.boards - b.boards || a.name.localeCompare(b.name, 'en-GB')),
        sharedAreas: (p.areas ?? []).filter((a) => areas.has(a) && a !== locality.gss_code),
        statutory: p.basis === 'statutory',
        statutoryType: p.statutory_type ? snapshot.label('statutory-type', p.statutory_type) : null,
        sameLayer: candidate.layer !== null && p.layer === candidate.layer,
        alsoSimilar: similarIds.has(p.id),
      })),
      {
        themeCount: themes.length,
        members: members.map(seatedMember),
        openPartnerships: await this.repository.openPartnershipCount(db, locality.id),
        layerLabel: candidate.layer
          ? (LAYER_LABELS[candidate.layer as keyof typeof LAYER_LABELS] ?? candidate.layer)
          : null,
      },
    );
    return {
      similar,
      nationalPending: check.nationalPending,
      nationalChecked: check.nationalChecked,
      unacknowledged: similar.filter((s) => !s.acknowledgement).length,
      burden,
      sameThemeArea,
      statutoryCover: sameThemeArea
        .filter((p) => p.statutory)
        .map(({ id, name, reference, statutoryType }) => ({ id, name, reference, statutoryType })),
      sameThemeShown: SAME_THEME_SHOWN,
      runningCost: {
        pence: check.runningCost.pence,
        estimated: check.runningCost.estimated,
        meetingsPerYear: answers.running?.meetingsPerYear ?? null,
        attendees: answers.running?.attendees ?? null,
        meetingHours: answers.running?.meetingHours ?? null,
      },
    };
  }

  /** The proposer says why a similar partnership found by the pre-check is not a duplicate. */
  async acknowledge(
    principal: Principal,
    code: string,
    id: string,
    input: unknown,
    options: WriteOptions = {},
  ): Promise<void> {
    const check = await this.precheckBeforeWriting(principal, code, id, options);
    return this.write(options, async (trx) => {
      const { locality, proposal } = await this.load(trx, principal, code, id, true);
      this.allow('edit', principal, locality, proposal);
      const data = parseInput(acknowledgeInput, input);
      const found = check.similar.find((s) => s.partnershipId === data.partnershipId);
      if (!found) throw ValidationError.of('partnershipId', 'Choose a partnership the pre-check found');
      await this.repository.acknowledge(trx, {
        proposal_id: proposal.id,
        partnership_id: data.partnershipId,
        explanation: data.explanation,
        acknowledged_by: principal.label,
      });
      await this.audit(
        trx,
        principal,
        locality,
        proposal,
        'update',
        `Explained why proposal ${proposal.reference} does not duplicate ${found.name}`,
        { after: data },
      );
    });
  }

  async submit(principal: Principal, code: string, id: string, options: WriteOptions = {}): Promise<ProposalRow> {
    const check = await this.precheckBeforeWriting(principal, code, id, options);
    return this.write(options, async (trx) => {
      const { locality, proposal } = await this.load(trx, principal, code, id, true);
      const to = this.allow('submit', principal, locality, proposal);
      const missing = missingSections(proposal.answers ?? {});
      if (missing.length) throw new ValidationError(missing.map((message) => ({ field: 'sections', message })));
      const precheck = await this.requireAcknowledged(trx, proposal, check, options);
      const at = options.at ?? new Date();
      await this.repository.update(trx, proposal.id, { submitted_at: at, precheck });
      const moved = await this.repository.moveTo(trx, proposal, to, actorOf(principal), null, at);
      await this.audit(
        trx,
        principal,
        locality,
        proposal,
        'update',
        `Submitted proposal ${proposal.reference} to the gatekeeper`,
        { before: { status: proposal.status }, after: { status: to } },
      );
      await this.tell(
        trx,
        locality,
        moved,
        principal,
        ['reviewers', 'adviser'],
        `Proposal ${moved.reference} submitted: ${moved.title}`,
        `${principal.label} has submitted the proposal “${moved.title}” for the gatekeeper to examine. The pre-check found ${precheck.similar.length} similar partnership${precheck.similar.length === 1 ? '' : 's'}.`,
      );
      return moved;
    });
  }

  /**
   * The pre-check for a submission, run before the write transaction opens: the overlap index
   * is read outside it (on PGlite a second reader would wait on the open transaction forever).
   */
  private async precheckBeforeWriting(
    principal: Principal,
    code: string,
    id: string,
    options: WriteOptions,
  ): Promise<Precheck> {
    const db = options.trx ?? this.deps.db;
    const { locality, proposal } = await this.load(db, principal, code, id);
    return this.runPrecheck(db, locality, proposal, options.trx !== undefined);
  }

  /** Every similar partnership the pre-check finds must be explained before the proposal goes in. */
  private async requireAcknowledged(
    trx: Db,
    proposal: ProposalRow,
    check: Precheck,
    options: WriteOptions,
  ): Promise<StoredPrecheck> {
    const explained = new Set((await this.repository.acknowledgements(trx, proposal.id)).map((a) => a.partnership_id));
    const open = check.similar.filter((s) => !explained.has(s.partnershipId));
    if (open.length)
      throw new ValidationError(
        open.map((s) => ({
          field: 'acknowledgements',
          message: `Explain why the proposal does not duplicate ${s.name}${s.scope === 'national' ? ` (${s.localityName})` : ''}, or withdraw it`,
        })),
      );
    return {
      at: (options.at ?? new Date()).toISOString(),
      similar: check.similar.map((s) => ({
        partnershipId: s.partnershipId,
        name: s.name,
        localityName: s.localityName,
        score: s.score,
      })),
      yearlyCostPence: check.runningCost.pence,
      costEstimated: check.runningCost.estimated,
    };
  }

  async resubmit(
    principal: Principal,
    code: string,
    id: string,
    input: unknown,
    options: WriteOptions = {},
  ): Promise<ProposalRow> {
    const check = await this.precheckBeforeWriting(principal, code, id, options);
    return this.write(options, async (trx) => {
      const { locality, proposal } = await this.load(trx, principal, code, id, true);
      const to = this.allow('resubmit', principal, locality, proposal);
      const data = parseInput(resubmitInput, input);
      const missing = missingSections(proposal.answers ?? {});
      if (missing.length) throw new ValidationError(missing.map((message) => ({ field: 'sections', message })));
      const precheck = await this.requireAcknowledged(trx, proposal, check, options);
      await this.repository.update(trx, proposal.id, { precheck });
      const moved = await this.repository.moveTo(trx, proposal, to, actorOf(principal), data.note, options.at);
      await this.audit(
        trx,
        principal,
        locality,
        proposal,
        'update',
        `Resubmitted proposal ${proposal.reference} with more information`,
        { before: { status: proposal.status }, after: { status: to, note: data.note } },
      );
      await this.tell(
        trx,
        locality,
        moved,
        principal,
        ['reviewers', 'adviser'],
        `Proposal ${moved.reference} resubmitted`,
        `${principal.label} has sent more information on “${moved.title}”: ${data.note}`,
      );
      return moved;
    });
  }

  async withdraw(
    principal: Principal,
    code: string,
    id: string,
    input: unknown,
    options: WriteOptions = {},
  ): Promise<ProposalRow> {
    return this.write(options, async (trx) => {
      const { locality, proposal } = await this.load(trx, principal, code, id, true);
      const to = this.allow('withdraw', principal, locality, proposal);
      const data = parseInput(withdrawInput, input);
      const moved = await this.repository.moveTo(
        trx,
        proposal,
        to,
        actorOf(principal),
        data.reason ?? null,
        options.at,
      );
      await this.audit(trx, principal, locality, proposal, 'close', `Withdrew proposal ${proposal.reference}`, {
        before: { status: proposal.status },
        after: { status: to, reason: data.reason ?? null },
      });
      if (proposal.status !== 'draft')
        await this.tell(
          trx,
          locality,
          moved,
          principal,
          ['reviewers', 'adviser'],
          `Proposal ${moved.reference} withdrawn`,
          `${principal.label} has withdrawn the proposal “${moved.title}”.${data.reason ? ` Reason: ${data.reason}` : ''}`,
        );
      return moved;
    });
  }

  // --- comments, review and decisions --------------------------------------------------------

  async comment(
    principal: Principal,
    code: string,
    id: string,
    input: unknown,
    options: WriteOptions = {},
  ): Promise<void> {
    return this.write(options, async (trx) => {
      const { locality, proposal } = await this.load(trx, principal, code, id);
      this.allow('comment', principal, locality, proposal);
      const data = parseInput(commentInput, input);
      const role = this.roleLabel(principal, locality, proposal);
      await this.repository.addComment(trx, {
        proposal_id: proposal.id,
        author_id: actorId(principal),
        author_name: principal.label,
        author_role: role,
        body: data.body,
        created_at: options.at ?? new Date(),
      });
      await this.audit(
        trx,
        principal,
        locality,
        proposal,
        'update',
        `${role} commented on proposal ${proposal.reference}`,
        { after: data },
      );
      await this.tell(
        trx,
        locality,
        proposal,
        principal,
        ['proposer', 'reviewers', 'adviser'],
        `Comment on proposal ${proposal.reference}`,
        `${principal.label} (${role}) commented on “${proposal.title}”: ${data.body}`,
      );
    });
  }

  async startReview(principal: Principal, code: string, id: string, options: WriteOptions = {}): Promise<ProposalRow> {
    return this.write(options, async (trx) => {
      const { locality, proposal } = await this.load(trx, principal, code, id, true);
      const to = this.allow('start-review', principal, locality, proposal);
      const moved = await this.repository.moveTo(trx, proposal, to, actorOf(principal), null, options.at);
      await this.audit(
        trx,
        principal,
        locality,
        proposal,
        'update',
        `Started reviewing proposal ${proposal.reference}`,
        { before: { status: proposal.status }, after: { status: to } },
      );
      await this.tell(
        trx,
        locality,
        moved,
        principal,
        ['proposer'],
        `Proposal ${moved.reference} is under review`,
        `The gatekeeper has started to review “${moved.title}”.`,
      );
      return moved;
    });
  }

  async requestInformation(
    principal: Principal,
    code: string,
    id: string,
    input: unknown,
    options: WriteOptions = {},
  ): Promise<ProposalRow> {
    return this.write(options, async (trx) => {
      const { locality, proposal } = await this.load(trx, principal, code, id, true);
      const to = this.allow('request-information', principal, locality, proposal);
      const data = parseInput(requestInformationInput, input);
      const moved = await this.repository.moveTo(trx, proposal, to, actorOf(principal), data.note, options.at);
      await this.audit(
        trx,
        principal,
        locality,
        proposal,
        'update',
        `Asked for more information on proposal ${proposal.reference}`,
        { before: { status: proposal.status }, after: { status: to, note: data.note } },
      );
      await this.tell(
        trx,
        locality,
        moved,
        principal,
        ['proposer', 'adviser'],
        `More information needed on proposal ${moved.reference}`,
        `The gatekeeper needs more information on “${moved.title}”: ${data.note}`,
      );
      return moved;
    });
  }

  /**
   * Records the gatekeeper's decision. Approving creates the partnership in the register with
   * its proposed members, in the same transaction, and links it to the proposal; the register
   * records it as done by the decider, on the authority of the decision.
   */
  async decide(
    principal: Principal,
    code: string,
    id: string,
    input: unknown,
    options: WriteOptions = {},
  ): Promise<ProposalRow> {
    return this.write(options, async (trx) => {
      const { locality, proposal } = await this.load(trx, principal, code, id, true);
      const data = parseInput(decisionInput, input);
      const to = this.allow(outcomeAction(data.outcome), principal, locality, proposal);
      const at = options.at ?? new Date();
      const decision: Decision = {
        outcome: data.outcome,
        reasons: data.reasons,
        checks: data.checks,
        conditions: data.conditions ?? null,
        createAs: data.outcome === 'rejected' ? null : (data.createAs ?? 'proposed'),
        diversion: data.outcome === 'rejected' ? (data.diversion ?? 'none') : null,
        restrictedNote: data.restrictedNote ?? null,
        deciderName: principal.label,
        deciderRole: this.roleLabel(principal, locality, proposal),
      };
      const partnershipId =
        data.outcome === 'rejected'
          ? undefined
          : await this.createPartnership(trx, principal, locality, proposal, data);
      await this.repository.update(trx, proposal.id, {
        decision,
        decided_at: at,
        decided_by: principal.label,
        ...(partnershipId ? { partnership_id: partnershipId } : {}),
      });
      const moved = await this.repository.moveTo(trx, proposal, to, actorOf(principal), data.reasons, at);
      await this.audit(
        trx,
        principal,
        locality,
        proposal,
        'update',
        `${STATE_LABELS[to]}: proposal ${proposal.reference}`,
        { before: { status: proposal.status }, after: { status: to, decision, partnershipId: partnershipId ?? null } },
      );
      await this.tell(
        trx,
        locality,
        moved,
        principal,
        ['proposer', 'reviewers', 'adviser'],
        `Proposal ${moved.reference}: ${STATE_LABELS[to].toLowerCase()}`,
        `The gatekeeper’s decision on “${moved.title}”: ${STATE_LABELS[to].toLowerCase()}. Reasons: ${data.reasons}${data.conditions ? ` Conditions: ${data.conditions}` : ''}`,
      );
      return moved;
    });
  }

  private async createPartnership(
    trx: Db,
    principal: Principal,
    locality: Locality,
    proposal: ProposalRow,
    data: DecisionInput,
  ): Promise<string> {
    const a = proposal.answers ?? {};
    const asDecided: Principal = {
      id: principal.id,
      label: `${principal.label} (gatekeeper decision ${proposal.reference})`,
      kind: 'system',
      userId: principal.userId,
      grants: [],
      canWrite: true,
    };
    const purpose =
      [a.problem?.problem, a.problem?.outcomes ? `Outcomes sought: ${a.problem.outcomes}` : undefined]
        .filter(Boolean)
        .join('\n\n')
        .slice(0, 4000) || proposal.title;
    const basis =
      a.funding?.fundRequiresPartnership === 'yes'
        ? 'funding'
        : (a.problem?.planOutcomeIds.length ?? 0) > 0
          ? 'plan'
          : 'voluntary';
    const months = a.scope?.durationMonths;
    const created = await this.deps.register.createPartnership(
      asDecided,
      locality.gss_code,
      {
        name: proposal.title,
        purpose,
        themes: a.problem?.themes ?? [],
        basis,
        basisDetail: a.funding?.fundName,
        legalForm: a.members?.legalForm ?? 'unincorporated',
        accountableBodyId: a.members?.accountableBodyId,
        leadOrganisationId: a.members?.leadOrganisationId,
        layer: a.scope?.layer ?? 'operational',
        status: data.createAs ?? 'proposed',
        areas: a.scope?.areas.length ? a.scope.areas : [],
        meetingsPerYear: a.running?.meetingsPerYear,
        meetingMinutes: a.running?.meetingHours !== undefined ? Math.round(a.running.meetingHours * 60) : undefined,
        typicalAttendance: a.running?.attendees,
        reviewDate: months ? addMonths(new Date(), months) : undefined,
      },
      { trx },
    );
    const members = a.members?.memberIds ?? [];
    if (members.length) {
      await this.deps.register.addMemberships(
        asDecided,
        locality.gss_code,
        created.id,
        members.map((organisationId) => ({
          organisationId,
          role:
            organisationId === a.members?.chairId
              ? 'chair'
              : organisationId === a.members?.accountableBodyId
                ? 'accountable-body'
                : 'member',
        })),
        { trx },
      );
    }
    return created.id;
  }

  private roleLabel(principal: Principal, locality: Locality, proposal: ProposalRow): string {
    const s = this.standing(principal, locality, proposal);
    if (s.proposer) return 'Proposer';
    if (s.adviser) return ROLE_NAMES['go-adviser'];
    if (proposal.national && canDecideNationalProposals(principal)) return ROLE_NAMES['national-gatekeeper'];
    if (principal.grants.some((g) => g.role === 'locality-admin' && g.localityId === locality.id)) return 'LSP manager';
    if (principal.grants.some((g) => g.role === 'locality-gatekeeper' && g.localityId === locality.id))
      return ROLE_NAMES['locality-gatekeeper'];
    if (isSystem(principal)) return 'Gatekeeper';
    return 'Reader';
  }

  // --- the public decision log, statistics and settings ---------------------------------------

  /** Decisions in one locality (code) or every locality, as the public may read them. */
  async decisionLog(
    principal: Principal,
    code?: string,
  ): Promise<{ locality: Locality | null; entries: DecisionLogEntry[] }> {
    const locality = code ? await this.deps.register.locality(code) : null;
    const localities = await this.deps.register.listLocalities();
    const readers = new Set(localities.filter((l) => canReadRestricted(principal, l)).map((l) => l.id));
    const rows = await this.repository.decided(this.deps.db, locality ? [locality.id] : 'all');
    return {
      locality,
      entries: rows.flatMap((p) => {
        const d = p.decision;
        if (!d || !p.decided_at) return [];
        return [
          {
            id: p.id,
            reference: p.reference,
            title: p.title,
            summary: publicSummary(p.answers ?? {}),
            national: p.national,
            localityCode: p.locality_code,
            localityName: p.locality_name,
            outcome: d.outcome,
            outcomeLabel: STATE_LABELS[d.outcome],
            reasons: d.reasons,
            conditions: d.conditions,
            deciderName: d.deciderName,
            deciderRole: d.deciderRole,
            decidedAt: p.decided_at,
            partnershipId: p.partnership_id,
            partnershipStatus: p.partnership_status,
            restrictedNote: readers.has(p.locality_id) ? d.restrictedNote : null,
            restrictedView: readers.has(p.locality_id),
          },
        ];
      }),
    };
  }

  async statistics(
    principal: Principal,
    code: string,
  ): Promise<{ locality: Locality; statistics: GatekeeperStatistics; open: number }> {
    const locality = await this.deps.register.locality(code);
    if (!canReadRestricted(principal, locality)) refuse(principal, locality, 'Page');
    const rows = await this.repository.decided(this.deps.db, [locality.id]);
    const decided: DecidedProposal[] = rows.flatMap((p) =>
      p.decision && p.decided_at && p.submitted_at
        ? [
            {
              outcome: p.decision.outcome,
              themes: p.answers?.problem?.themes ?? [],
              submittedAt: p.submitted_at,
              decidedAt: p.decided_at,
              diversion: p.decision.diversion,
              yearlyCostPence: p.precheck?.yearlyCostPence ?? 0,
            },
          ]
        : [],
    );
    const open = (await this.repository.list(this.deps.db, [locality.id])).filter(
      (p) => AWAITING_GATEKEEPER.includes(stateOf(p)) || p.status === 'more-information-requested',
    ).length;
    return { locality, statistics: gatekeeperStatistics(decided, bankHolidaysFor(locality.nation)), open };
  }

  async settings(principal: Principal, code: string) {
    const locality = await this.deps.register.locality(code);
    if (!canAdministerLocality(principal, locality)) refuse(principal, locality, 'Page');
    return { locality, serviceLevelDays: await this.repository.serviceLevelDays(this.deps.db, locality.id) };
  }

  async updateSettings(principal: Principal, code: string, input: unknown): Promise<number> {
    return this.write({}, async (trx) => {
      const locality = await this.deps.register.locality(code, trx);
      if (!canAdministerLocality(principal, locality)) refuse(principal, locality, 'Page');
      const data = parseInput(settingsInput, input);
      const before = await this.repository.serviceLevelDays(trx, locality.id);
      await this.repository.setServiceLevelDays(trx, locality.id, data.serviceLevelDays);
      await this.deps.audit.record(trx, principal, {
        localityId: locality.id,
        action: 'update',
        entityType: 'locality',
        entityId: locality.id,
        summary: `Set the gatekeeper’s service level to ${data.serviceLevelDays} working days`,
        before: { serviceLevelDays: before },
        after: data,
      });
      return data.serviceLevelDays;
    });
  }

  /** The approved proposal a partnership was created from, for its lineage. */
  async proposalForPartnership(
    partnershipId: string,
    options: { trx?: Db } = {},
  ): Promise<{ id: string; reference: string; title: string; decidedOn: string } | undefined> {
    if (!isUuid(partnershipId)) return undefined;
    const row = await this.repository.byPartnership(options.trx ?? this.deps.db, partnershipId);
    if (!row || !row.decided_at) return undefined;
    return {
      id: row.id,
      reference: row.reference,
      title: row.title,
      decidedOn: row.decided_at.toISOString().slice(0, 10),
    };
  }

  // --- helpers -------------------------------------------------------------------------------

  private async audit(
    trx: Db,
    principal: Principal,
    locality: Locality,
    proposal: ProposalRow,
    action: 'create' | 'update' | 'close',
    summary: string,
    change: { before?: unknown; after?: unknown },
  ): Promise<void> {
    await this.deps.audit.record(trx, principal, {
      localityId: locality.id,
      action,
      entityType: PROPOSAL_ENTITY,
      entityId: proposal.id,
      summary,
      ...change,
    });
  }

  /** Tells the people concerned, in the inbox and by email, never the person who acted. */
  private async tell(
    trx: Db,
    locality: Locality,
    proposal: ProposalRow,
    principal: Principal,
    who: Array<'proposer' | 'reviewers' | 'adviser'>,
    subject: string,
    body: string,
  ): Promise<void> {
    const roles: RoleHolderQuery[] = [];
    if (who.includes('reviewers')) {
      if (proposal.national) roles.push({ role: 'national-gatekeeper' });
      else
        roles.push(
          { role: 'locality-admin', localityId: locality.id },
          { role: 'locality-gatekeeper', localityId: locality.id },
        );
    }
    if (who.includes('adviser')) roles.push({ role: 'go-adviser', region: locality.region });
    const userIds = who.includes('proposer') && isUuid(proposal.proposer_id) ? [proposal.proposer_id] : [];
    const recipients = {
      roles,
      userIds,
      except: principal.userId,
      localityId: locality.id,
      subject,
      body,
      link: `/localities/${locality.gss_code}/proposals/${proposal.id}`,
    };
    // The proposer is not told about their own proposal as a reviewer would be: they get their own notices.
    await this.deps.notifications.notify(recipients, { trx });
  }
}

export const SECTION_TITLES: Record<SectionName, string> = {
  problem: 'The problem and the outcomes sought',
  need: 'Why it needs a partnership',
  alternatives: 'Alternatives considered',
  members: 'Members, lead and legal form',
  scope: 'Areas, layer and duration',
  funding: 'Funding',
  running: 'Running cost and benefits',
};

function actorId(principal: Principal): string {
  return principal.userId ?? principal.id;
}

function actorOf(principal: Principal): { id: string; name: string } {
  return { id: actorId(principal), name: principal.label };
}

function stateOf(proposal: Pick<ProposalRow, 'status'>): State {
  return isState(proposal.status) ? proposal.status : 'draft';
}

function eventsOf(events: Array<{ proposal_id: string; to_status: string; occurred_at: Date }>, id: string) {
  return events.filter((e) => e.proposal_id === id).map((e) => ({ toStatus: e.to_status, occurredAt: e.occurred_at }));
}

export function sectionStatuses(answers: ProposalAnswers): Record<SectionName, SectionStatus> {
  const out = {} as Record<SectionName, SectionStatus>;
  for (const name of Object.keys(SECTION_COMPLETE) as SectionName[]) {
    out[name] = SECTION_COMPLETE[name](answers)
      ? 'completed'
      : answers[name] && hasAnyAnswer(answers[name])
        ? 'in-progress'
        : 'not-started';
  }
  return out;
}

function hasAnyAnswer(section: object): boolean {
  return Object.entries(section).some(
    ([key, v]) => key !== 'national' && (Array.isArray(v) ? v.length > 0 : v !== undefined && v !== ''),
  );
}

function missingSections(answers: ProposalAnswers): string[] {
  return (Object.keys(SECTION_COMPLETE) as SectionName[])
    .filter((s) => !SECTION_COMPLETE[s](answers))
    .map((s) => SECTION_MISSING[s]);
}

/** The proposal as the overlap engine sees a partnership: the whole locality unless areas are named. */
export function proposedPartnership(locality: Locality, proposal: ProposalRow): ProposedPartnership {
  const a = proposal.answers ?? {};
  return {
    id: proposal.id,
    localityId: locality.id,
    name: proposal.title,
    purpose: [a.problem?.problem, a.problem?.outcomes].filter(Boolean).join(' '),
    themes: a.problem?.themes ?? [],
    areas: a.scope?.areas.length ? a.scope.areas : [locality.gss_code],
    memberOrganisationIds: a.members?.memberIds ?? [],
    layer: a.scope?.layer ?? null,
    meetingsPerYear: a.running?.meetingsPerYear ?? null,
    meetingMinutes: a.running?.meetingHours !== undefined ? Math.round(a.running.meetingHours * 60) : null,
    typicalAttendance: a.running?.attendees ?? null,
  };
}

/** What the public log says was proposed: the problem, never the money or the people. */
function publicSummary(answers: ProposalAnswers): string {
  const text = answers.problem?.problem ?? '';
  return text.length > 400 ? `${text.slice(0, 397)}…` : text;
}

function addMonths(from: Date, months: number): string {
  const d = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + months, Math.min(from.getUTCDate(), 28)));
  return d.toISOString().slice(0, 10);
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
