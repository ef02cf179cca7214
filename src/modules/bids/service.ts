import { randomBytes } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { Principal } from '../../core/actor.js';
import { ConflictError, type FieldError, NotFoundError, ValidationError } from '../../core/errors.js';
import { todayInLondon } from '../../core/dates.js';
import { parseInput, isUuid } from '../../core/validation.js';
import type { Db } from '../../db/database.js';
import type { Locality } from '../../db/tables.js';
import {
  canAdministerLocality,
  canEditPartnership,
  canReadRestricted,
  canRunBidBallot,
  isBidBallotOfficer,
  refuse,
} from '../accounts/policy.js';
import type { AuditAction, AuditEntity, AuditService } from '../audit/service.js';
import { ImportRejected, type ImportIssue } from '../exchange/issues.js';
import { type ColumnSpec, dateCell, readTable } from '../performance/imports.js';
import type { RegisterService } from '../register/service.js';
import { type AreaGeometry, describeArea, parseAreaGeoJson, readArea } from './area.js';
import { BidRepository, type PaperListRow } from './repository.js';
import {
  type BallotResult,
  type Eligibility,
  type EligibilityRules,
  type LevyLine,
  type LevyRules,
  type Margins,
  type NationRules,
  type Tally,
  addDays,
  ballotCloses,
  ballotResult,
  eligibilitySummary,
  formatPence,
  checkComplaint,
  checkTimetable,
  checkVeto,
  effectiveBallotDay,
  eligibility,
  houseNumber,
  levyFor,
  normaliseCode,
  paperCode,
  parseAreaStreet,
  rulesFor,
  termEnd,
  vetoDeadline,
} from './rules.js';
import {
  type BidRow,
  type HereditamentRow,
  type PaperRow,
  type ProposalInput,
  type ChallengeRow,
  type ConsultationRow,
  type BidLevyCollectionsTable,
  type CollectionRow,
  type SpendingRow,
  collectionInput,
  spendingInput,
  consultationInput,
  castInput,
  challengeInput,
  outcomeInput,
  vetoInput,
  proposalInput,
  replaceInput,
  returnInput,
  timetableInput,
} from './schema.js';

export const RATING_LIST_COLUMNS: ColumnSpec[] = [
  {
    name: 'reference',
    required: true,
    description: 'The billing authority reference of the hereditament',
    example: 'BF0012300',
  },
  { name: 'address', required: true, description: 'The hereditament’s address, first line', example: '12 High Street' },
  {
    name: 'street',
    required: false,
    description: 'The street, as the area lists it (taken from the address when blank)',
    example: 'High Street',
  },
  { name: 'postcode', required: false, description: 'Its postcode', example: 'BF1 2AB' },
  {
    name: 'ratepayer',
    required: false,
    description: 'Who is liable for the rates (the occupier)',
    example: 'Bracken Books Ltd',
  },
  {
    name: 'rateable_value',
    required: true,
    description: 'The rateable value in whole pounds (net annual value in Northern Ireland)',
    example: '15250',
  },
  { name: 'occupied', required: true, description: 'occupied or empty (yes or no)', example: 'occupied' },
  {
    name: 'owner',
    required: false,
    description: 'The owner: votes for an empty hereditament',
    example: 'Market Estates Ltd',
  },
  {
    name: 'class',
    required: false,
    description: 'The rating list’s description or class code, e.g. CS for a shop',
    example: 'CS',
  },
  { name: 'charity', required: false, description: 'yes when occupied by a charity (for relief)', example: 'no' },
  {
    name: 'latitude',
    required: false,
    description: 'Where it is: latitude (WGS 84), for an area drawn on the map',
    example: '52.63571',
  },
  { name: 'longitude', required: false, description: 'Where it is: longitude (WGS 84)', example: '-1.13452' },
];

/** The columns of a revenues system's file of levy payments. */
export const COLLECTION_FILE_COLUMNS: ColumnSpec[] = [
  {
    name: 'billing_reference',
    required: true,
    description: 'The hereditament’s billing reference',
    example: 'BF0100100',
  },
  { name: 'year', required: true, description: 'The year of the BID’s term the payment is for, from 1', example: '1' },
  { name: 'amount', required: true, description: 'The amount received, in pounds and pence', example: '225.00' },
  {
    name: 'received_on',
    required: true,
    description: 'The date received: YYYY-MM-DD or DD/MM/YYYY',
    example: '2027-05-14',
  },
  { name: 'payment_reference', required: false, description: 'The revenues system’s reference', example: 'DD 00412' },
];

/** The billing file's columns, in order: the documented layout for the council's revenues system. */
export const LEVY_FILE_COLUMNS = [
  'bid_reference',
  'billing_reference',
  'address',
  'postcode',
  'liable_party',
  'rateable_value',
  'levy_rate_percent',
  'year',
  'gross_levy_pence',
  'relief_percent',
  'capped',
  'levy_pence',
  'levy_pounds',
] as const;

export interface WriteOptions {
  /** The transaction to write in (the demo seed's); otherwise each call is its own. */
  trx?: Db;
  /**
   * The time the work is done as, when it is not now: the demo seed replays a ballot that has
   * since closed. Never taken from a request.
   */
  now?: Date;
}

export interface BidAccess {
  /** May edit the proposals: the locality administrator or the board's secretary, before papers go out. */
  canEdit: boolean;
  /** The ballot holder or scrutineer, with a token or session that may write. */
  canRunBallot: boolean;
  /** The ballot holder or scrutineer: may see the papers (and, after the close, their votes). */
  isOfficer: boolean;
  canReadRestricted: boolean;
}

export interface BidView extends BidAccess {
  bid: BidRow;
  locality: Locality;
  rules: NationRules;
  partnershipName: string;
  closesAt: Date | null;
  closed: boolean;
  vetoBy: string | null;
  hereditamentCount: number;
  paperCounts: Record<string, number>;
  declaration: BallotResult | null;
  challenges: ChallengeRow[];
  /** The BID's terms, earliest first, this one included: each renewal is a ballot of its own. */
  history: BidRow[];
  /** The last day of the term, and whether it has passed. */
  termEnds: string;
  termEnded: boolean;
  /** Consultation responses: for the locality's readers, the board's secretary and the ballot officers. */
  consultation: ConsultationRow[];
  /** May record the council's veto: the locality administrator, within the window. */
  canVeto: boolean;
  /** The locality administrator: the council, which bills and collects the levy. */
  canAdminister: boolean;
  /** May see each levy payer's account (the council, the BID body, the locality's readers). */
  canReadAccount: boolean;
  eligibilityRules: EligibilityRules;
  levyRules: LevyRules;
  margins: Margins;
}

export interface AreaView {
  view: BidView;
  geometry: AreaGeometry | null;
  outline: ReturnType<typeof describeArea> | null;
  /** Whether the viewer may see the rating list (and so the hereditaments on the map). */
  mayReadList: boolean;
  hereditaments: Array<{ row: HereditamentRow; inside: boolean; reason: string; eligible: boolean }>;
  /** How many hereditaments have a location from the rating list. */
  located: number;
}

export interface AccountLine {
  row: HereditamentRow;
  liable: string | null;
  levyPence: number;
  collectedPence: number;
  /** What is still owed (never negative: a collection is never more than is outstanding). */
  arrearsPence: number;
  payments: CollectionRow[];
}

export interface AccountTotals {
  payers: number;
  billedPence: number;
  collectedPence: number;
  arrearsPence: number;
  paidInFull: number;
  inArrears: number;
}

export interface CollectionsView {
  view: BidView;
  year: number;
  lines: AccountLine[];
  totals: AccountTotals;
  /** The council, as billing authority, records collections. */
  canRecord: boolean;
}

export interface AnnualReport {
  view: BidView;
  year: number;
  yearStarts: string;
  yearEnds: string;
  totals: AccountTotals;
  /** Collected as a share of billed, rounded down to a tenth of a percent. */
  collectionRatePercent: number;
  budgetPence: number | null;
  spending: Array<{ heading: string; amountPence: number }>;
  spendingLines: SpendingRow[];
  spentPence: number;
  broughtForwardPence: number;
  carriedForwardPence: number;
  canRecordSpending: boolean;
  mayReadAccount: boolean;
}

export interface HereditamentView {
  row: HereditamentRow;
  eligibility: Eligibility;
  levy: LevyLine | null;
}

export interface PaperView {
  paper: PaperListRow;
  /** Only for the ballot holder and scrutineer, after the close. */
  vote: 'yes' | 'no' | null;
}

const splitList = (text: string | null | undefined) =>
  (text ?? '')
    .split(/[\n,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);

const bp = (percent: number | undefined) => (percent === undefined ? undefined : Math.round(percent * 100));
const pence = (pounds: number | undefined) => (pounds === undefined ? null : Math.round(pounds * 100));

export function eligibilityRulesOf(bid: BidRow): EligibilityRules {
  return {
    streets: (bid.area_streets ?? '')
      .split('\n')
      .map(parseAreaStreet)
      .filter((s) => s !== null),
    references: splitList(bid.area_references),
    area: bid.area_geojson ?? null,
    threshold: bid.threshold,
    includedClasses: splitList(bid.included_classes),
    excludedClasses: splitList(bid.excluded_classes),
  };
}

export function levyRulesOf(bid: BidRow): LevyRules {
  return {
    rateBp: bid.levy_rate_bp,
    capPence: bid.levy_cap_pence,
    minimumPence: bid.levy_minimum_pence,
    charityReliefBp: bid.charity_relief_bp,
    emptyReliefBp: bid.empty_relief_bp,
    upliftBp: bid.uplift_bp,
  };
}

export function marginsOf(bid: BidRow): Margins {
  return {
    yesShareByNumberBp: bid.margin_yes_number_bp ?? undefined,
    yesShareByValueBp: bid.margin_yes_value_bp ?? undefined,
    turnoutByNumberBp: bid.margin_turnout_number_bp ?? undefined,
    turnoutByValueBp: bid.margin_turnout_value_bp ?? undefined,
  };
}

/** The proposals as form values (percentages and pounds), for editing. */
export function proposalValues(bid: BidRow): Record<string, unknown> {
  const pct = (v: number | null) => (v === null ? undefined : v / 100);
  return {
    name: bid.name,
    partnershipId: bid.partnership_id,
    renewsId: bid.renews_id ?? undefined,
    proposer: bid.proposer,
    proposerName: bid.proposer_name ?? undefined,
    summary: bid.summary,
    governance: bid.governance ?? undefined,
    alterable: bid.alterable ?? undefined,
    budgetPounds: bid.budget_pounds ?? undefined,
    termStart: bid.term_start,
    termYears: bid.term_years,
    areaStreets: bid.area_streets,
    areaReferences: bid.area_references,
    areaGeoJson: bid.area_geojson ? JSON.stringify(bid.area_geojson) : undefined,
    threshold: bid.threshold,
    includedClasses: bid.included_classes,
    excludedClasses: bid.excluded_classes,
    levyRatePercent: bid.levy_rate_bp / 100,
    levyCapPounds: bid.levy_cap_pence === null ? undefined : bid.levy_cap_pence / 100,
    levyMinimumPounds: bid.levy_minimum_pence === null ? undefined : bid.levy_minimum_pence / 100,
    charityReliefPercent: pct(bid.charity_relief_bp || null),
    emptyReliefPercent: pct(bid.empty_relief_bp || null),
    upliftPercent: pct(bid.uplift_bp || null),
    marginYesNumberPercent: pct(bid.margin_yes_number_bp),
    marginYesValuePercent: pct(bid.margin_yes_value_bp),
    marginTurnoutNumberPercent: pct(bid.margin_turnout_number_bp),
    marginTurnoutValuePercent: pct(bid.margin_turnout_value_bp),
    onlineVoting: bid.online_voting,
    version: bid.version,
  };
}

function proposalColumns(input: ProposalInput) {
  return {
    partnership_id: input.partnershipId,
    renews_id: input.renewsId ?? null,
    name: input.name,
    proposer: input.proposer,
    proposer_name: input.proposerName || null,
    summary: input.summary,
    governance: input.governance || null,
    alterable: input.alterable || null,
    budget_pounds: input.budgetPounds ?? null,
    term_start: input.termStart,
    term_years: input.termYears,
    area_streets: (input.areaStreets ?? '')
      .split(/\r?\n/)
      .map((s) => s.trim())
      .filter(Boolean)
      .join('\n'),
    area_references: splitList(input.areaReferences).join('\n'),
    area_geojson: input.areaGeoJson ? JSON.stringify(geometryOf(input.areaGeoJson)) : null,
    threshold: input.threshold ?? 0,
    included_classes: splitList(input.includedClasses)
      .map((c) => c.toUpperCase())
      .join(', '),
    excluded_classes: splitList(input.excludedClasses)
      .map((c) => c.toUpperCase())
      .join(', '),
    levy_rate_bp: bp(input.levyRatePercent) as number,
    levy_cap_pence: pence(input.levyCapPounds),
    levy_minimum_pence: pence(input.levyMinimumPounds),
    charity_relief_bp: bp(input.charityReliefPercent) ?? 0,
    empty_relief_bp: bp(input.emptyReliefPercent) ?? 0,
    uplift_bp: bp(input.upliftPercent) ?? 0,
    margin_yes_number_bp: bp(input.marginYesNumberPercent) ?? null,
    margin_yes_value_bp: bp(input.marginYesValuePercent) ?? null,
    margin_turnout_number_bp: bp(input.marginTurnoutNumberPercent) ?? null,
    margin_turnout_value_bp: bp(input.marginTurnoutValuePercent) ?? null,
    online_voting: input.onlineVoting ?? false,
  };
}

/**
 * Business Improvement Districts: proposals, the rating list, the ballot and its declaration,
 * and the levy. Every change is audited in its own transaction; no vote is ever written to the
 * audit trail, and no one reads a vote but the ballot holder and scrutineer after the close.
 */
export class BidService {
  readonly repository = new BidRepository();
  /** The time now: replaced in tests to stand before or after a close. */
  clock: () => Date = () => new Date();

  constructor(
    readonly db: Db,
    private readonly deps: { audit: AuditService; register: RegisterService },
  ) {}

  private now(options?: WriteOptions): Date {
    return options?.now ?? this.clock();
  }

  private write<T>(options: WriteOptions | undefined, work: (trx: Db) => Promise<T>): Promise<T> {
    return options?.trx ? work(options.trx) : this.db.transaction().execute(work);
  }

  private audit(
    trx: Db,
    principal: Principal,
    bid: Pick<BidRow, 'id' | 'locality_id' | 'partnership_id'>,
    action: AuditAction,
    summary: string,
    extra: { entityType?: AuditEntity; entityId?: string; before?: unknown; after?: unknown } = {},
  ): Promise<void> {
    return this.deps.audit.record(trx, principal, {
      localityId: bid.locality_id,
      action,
      entityType: extra.entityType ?? 'bid',
      entityId: extra.entityId ?? bid.id,
      partnershipId: bid.partnership_id,
      summary,
      before: extra.before,
      after: extra.after,
    });
  }

  private access(
    principal: Principal,
    locality: Locality,
    bid: Pick<BidRow, 'partnership_id' | 'status'> | null,
  ): BidAccess {
    const editor =
      canAdministerLocality(principal, locality) ||
      (bid ? canEditPartnership(principal, locality, bid.partnership_id) : false);
    return {
      canEdit: editor && (bid === null || bid.status === 'proposal'),
      canRunBallot: canRunBidBallot(principal, locality),
      isOfficer: isBidBallotOfficer(principal, locality),
      canReadRestricted: canReadRestricted(principal, locality),
    };
  }

  /** Whether the viewer may see the BID at all: published once its ballot is under way. */
  private visible(principal: Principal, locality: Locality, bid: BidRow): boolean {
    if (bid.status !== 'proposal') return true;
    const access = this.access(principal, locality, bid);
    return access.canReadRestricted || access.isOfficer || canEditPartnership(principal, locality, bid.partnership_id);
  }

  private async find(principal: Principal, gssCode: string, id: string, db: Db = this.db) {
    const locality = await this.deps.register.locality(gssCode, db);
    const bid = isUuid(id) ? await this.repository.get(db, locality.id, id) : undefined;
    if (!bid || !this.visible(principal, locality, bid)) throw new NotFoundError('BID');
    return { locality, bid };
  }

  // --- reading --------------------------------------------------------------------------------

  async overview(principal: Principal, gssCode: string) {
    const locality = await this.deps.register.locality(gssCode);
    const bids = (await this.repository.list(this.db, locality.id)).filter((b) => this.visible(principal, locality, b));
    const access = this.access(principal, locality, null);
    const canPropose =
      canAdministerLocality(principal, locality) ||
      principal.grants.some(
        (g) => principal.canWrite && g.role === 'partnership-secretary' && g.localityId === locality.id,
      );
    return { locality, bids, canPropose, ...access };
  }

  async get(principal: Principal, gssCode: string, id: string): Promise<BidView> {
    const { locality, bid } = await this.find(principal, gssCode, id);
    return this.view(principal, locality, bid);
  }

  private async view(principal: Principal, locality: Locality, bid: BidRow): Promise<BidView> {
    const names = await this.deps.register.partnerships.names(this.db, [bid.partnership_id]);
    const closesAt = bid.ballot_on
      ? ballotCloses({ ballotOn: bid.ballot_on, postponedTo: bid.postponed_to }, bid.nation)
      : null;
    return {
      bid,
      locality,
      rules: rulesFor(bid.nation),
      partnershipName: names.get(bid.partnership_id) ?? 'Unknown partnership',
      closesAt,
      closed: closesAt !== null && this.clock() >= closesAt,
      vetoBy: bid.ballot_on
        ? vetoDeadline({ ballotOn: bid.ballot_on, postponedTo: bid.postponed_to }, bid.nation)
        : null,
      hereditamentCount: await this.repository.hereditamentCount(this.db, bid.id),
      paperCounts: await this.repository.paperCounts(this.db, bid.id),
      declaration: (bid.declaration as BallotResult | null) ?? null,
      challenges: await this.repository.challenges(this.db, bid.id),
      history: await this.history(principal, locality, bid),
      termEnds: termEnd(bid.term_start, bid.term_years),
      termEnded: todayInLondon(this.clock()) > termEnd(bid.term_start, bid.term_years),
      consultation:
        canReadRestricted(principal, locality) ||
        isBidBallotOfficer(principal, locality) ||
        canEditPartnership(principal, locality, bid.partnership_id)
          ? await this.repository.consultation(this.db, bid.id)
          : [],
      canVeto:
        canAdministerLocality(principal, locality) &&
        bid.status === 'declared' &&
        Boolean((bid.declaration as BallotResult | null)?.passed) &&
        bid.ballot_on !== null &&
        todayInLondon(this.clock()) <=
          vetoDeadline({ ballotOn: bid.ballot_on, postponedTo: bid.postponed_to }, bid.nation),
      canAdminister: canAdministerLocality(principal, locality),
      canReadAccount: this.mayReadAccount(principal, locality, bid),
      eligibilityRules: eligibilityRulesOf(bid),
      levyRules: levyRulesOf(bid),
      margins: marginsOf(bid),
      ...this.access(principal, locality, bid),
    };
  }

  /** The terms before this one (by what each renews) and the renewals after it. */
  private async history(principal: Principal, locality: Locality, bid: BidRow): Promise<BidRow[]> {
    const all = await this.repository.list(this.db, locality.id);
    const byId = new Map(all.map((b) => [b.id, b]));
    const before: BidRow[] = [];
    for (let at = bid.renews_id ? byId.get(bid.renews_id) : undefined; at && before.length < 50;) {
      before.unshift(at);
      at = at.renews_id ? byId.get(at.renews_id) : undefined;
    }
    const after: BidRow[] = [];
    for (let at = all.find((b) => b.renews_id === bid.id); at && after.length < 50;) {
      after.push(at);
      const current: BidRow = at;
      at = all.find((b) => b.renews_id === current.id);
    }
    return [...before, bid, ...after].filter((b) => b.id === bid.id || this.visible(principal, locality, b));
  }

  /** The partnerships a person may name as a BID's board. */
  async boardChoices(principal: Principal, gssCode: string) {
    const locality = await this.deps.register.locality(gssCode);
    const all = await this.deps.register.partnerships.summaries(this.db, locality.id);
    return {
      locality,
      partnerships: all.filter(
        (p) => (p.status === 'active' || p.status === 'proposed') && canEditPartnership(principal, locality, p.id),
      ),
    };
  }

  /** Every hereditament of the rating list with whether it votes (and pays), why, and its levy. */
  async hereditaments(principal: Principal, gssCode: string, id: string) {
    const { locality, bid } = await this.find(principal, gssCode, id);
    const view = await this.view(principal, locality, bid);
    if (!view.canReadRestricted && !view.isOfficer && !view.canEdit) refuse(principal, locality, 'BID');
    const rows = await this.repository.hereditaments(this.db, bid.id);
    return { view, rows: rows.map((row) => this.judge(bid, row)) };
  }

  private judge(bid: BidRow, row: HereditamentRow, year = 1): HereditamentView {
    const h = hereditamentOf(row);
    const e = eligibility(h, eligibilityRulesOf(bid), bid.nation);
    return { row, eligibility: e, levy: e.eligible ? levyFor(h, levyRulesOf(bid), year) : null };
  }

  // --- proposals ------------------------------------------------------------------------------

  async create(principal: Principal, gssCode: string, input: unknown, options?: WriteOptions): Promise<BidRow> {
    const data = parseInput(proposalInput, input);
    return this.write(options, async (trx) => {
      const locality = await this.deps.register.locality(gssCode, trx);
      await this.checkBoard(principal, locality, data.partnershipId, trx);
      await this.checkRenews(locality, data.renewsId, null, trx);
      const bid = await this.repository.insert(trx, {
        locality_id: locality.id,
        nation: locality.nation,
        ...proposalColumns(data),
      });
      await this.audit(trx, principal, bid, 'create', `Drafted the BID proposals “${bid.name}”`, {
        after: proposalValues(bid),
      });
      return bid;
    });
  }

  private async checkBoard(principal: Principal, locality: Locality, partnershipId: string, trx: Db) {
    const board = await this.deps.register.partnerships.summaries(trx, locality.id);
    const partnership = board.find((p) => p.id === partnershipId);
    if (!partnership || (partnership.status !== 'active' && partnership.status !== 'proposed'))
      throw ValidationError.of('partnershipId', 'Choose an open partnership of this locality as the BID’s board');
    if (!canEditPartnership(principal, locality, partnershipId)) refuse(principal, locality, 'Partnership');
  }

  /** A renewal, a change of area or a levy increase is a new ballot on a BID whose earlier ballot approved it. */
  private async checkRenews(locality: Locality, renewsId: string | undefined, selfId: string | null, trx: Db) {
    if (!renewsId) return;
    const earlier = await this.repository.get(trx, locality.id, renewsId);
    const approved = earlier && (earlier.declaration as BallotResult | null)?.passed && earlier.status === 'declared';
    if (!earlier || earlier.id === selfId || !approved)
      throw ValidationError.of('renewsId', 'Choose a BID of this locality whose ballot approved it');
  }

  /** The BIDs a new proposal may renew: those whose ballot approved them. */
  async renewable(principal: Principal, gssCode: string): Promise<BidRow[]> {
    const overview = await this.overview(principal, gssCode);
    return overview.bids.filter((b) => b.status === 'declared' && (b.declaration as BallotResult | null)?.passed);
  }

  async update(
    principal: Principal,
    gssCode: string,
    id: string,
    input: unknown,
    options?: WriteOptions,
  ): Promise<BidRow> {
    const data = parseInput(proposalInput, input);
    return this.write(options, async (trx) => {
      const { locality, bid } = await this.locked(principal, gssCode, id, trx);
      if (!this.access(principal, locality, bid).canEdit) {
        if (bid.status !== 'proposal')
          throw ValidationError.of('name', 'The papers have gone out: the proposals can no longer be changed');
        refuse(principal, locality, 'BID');
      }
      if (data.version !== undefined && data.version !== bid.version)
        throw new ConflictError('Someone else changed these proposals since you opened them: check them and try again');
      if (data.partnershipId !== bid.partnership_id)
        await this.checkBoard(principal, locality, data.partnershipId, trx);
      await this.checkRenews(locality, data.renewsId, bid.id, trx);
      const after = await this.repository.update(trx, bid.id, proposalColumns(data));
      await this.audit(trx, principal, after, 'update', `Changed the BID proposals “${after.name}”`, {
        before: proposalValues(bid),
        after: proposalValues(after),
      });
      return after;
    });
  }

  private async locked(principal: Principal, gssCode: string, id: string, trx: Db) {
    const locality = await this.deps.register.locality(gssCode, trx);
    const bid = isUuid(id) ? await this.repository.lock(trx, locality.id, id) : undefined;
    if (!bid || !this.visible(principal, locality, bid)) throw new NotFoundError('BID');
    return { locality, bid };
  }

  private async ballotWork(principal: Principal, gssCode: string, id: string, trx: Db) {
    const found = await this.locked(principal, gssCode, id, trx);
    if (!canRunBidBallot(principal, found.locality)) refuse(principal, found.locality, 'BID');
    return found;
  }

  // --- the rating list ------------------------------------------------------------------------

  /**
   * Replaces the BID's rating list extract with a file's rows, all or nothing: any problem
   * (with its line and column) and nothing is written. Only before the papers go out.
   */
  async importRatingList(
    principal: Principal,
    gssCode: string,
    id: string,
    file: { name: string; content: Buffer },
    options?: WriteOptions,
  ): Promise<{ imported: number; eligible: number }> {
    const table = await readTable(RATING_LIST_COLUMNS, file.name, file.content);
    return this.write(options, async (trx) => {
      const { bid } = await this.ballotWork(principal, gssCode, id, trx);
      if (bid.status !== 'proposal')
        throw new ImportRejected([
          {
            sheet: file.name,
            line: 1,
            column: '',
            message: 'The papers have gone out: the rating list can no longer be replaced',
          },
        ]);
      if (table.issues.length) throw new ImportRejected(table.issues);
      const issues: ImportIssue[] = [];
      const seen = new Map<string, number>();
      const rows = table.rows.map(({ line, cells }) => {
        const issue = (column: string, message: string, value?: string) =>
          issues.push({ sheet: table.sheet, line, column, message, ...(value !== undefined ? { value } : {}) });
        const reference = cells.reference ?? '';
        if (!reference) issue('reference', 'The billing authority reference is missing');
        const key = reference.toUpperCase();
        if (reference && seen.has(key))
          issue('reference', `The reference ${reference} is already on line ${seen.get(key)}`, reference);
        seen.set(key, line);
        const address = cells.address ?? '';
        if (!address) issue('address', 'The address is missing');
        const rawValue = (cells.rateable_value ?? '').replace(/[£,\s]/g, '');
        const value = /^\d+$/.test(rawValue) ? Number(rawValue) : NaN;
        if (!Number.isSafeInteger(value) || value > 2_000_000_000)
          issue('rateable_value', 'The rateable value must be whole pounds, like 15250', cells.rateable_value);
        const occupied = yesNo(
          cells.occupied ?? '',
          ['occupied', 'yes', 'y', 'true'],
          ['empty', 'no', 'n', 'false', 'vacant', 'unoccupied'],
        );
        if (occupied === undefined) issue('occupied', 'Say occupied or empty', cells.occupied);
        const charity = cells.charity ? yesNo(cells.charity, ['yes', 'y', 'true'], ['no', 'n', 'false']) : false;
        if (charity === undefined) issue('charity', 'Say yes or no', cells.charity);
        const street = cells.street || streetOf(address);
        const latitude = coordinate(cells.latitude, 90);
        const longitude = coordinate(cells.longitude, 180);
        if (Number.isNaN(latitude)) issue('latitude', 'The latitude must be a number from -90 to 90', cells.latitude);
        if (Number.isNaN(longitude))
          issue('longitude', 'The longitude must be a number from -180 to 180', cells.longitude);
        if ((latitude === null) !== (longitude === null))
          issue(latitude === null ? 'latitude' : 'longitude', 'Give both the latitude and the longitude, or neither');
        for (const [column, text] of Object.entries(cells))
          if (text.length > 500) issue(column, 'The value must be 500 characters or fewer');
        return {
          bid_id: bid.id,
          locality_id: bid.locality_id,
          line,
          reference,
          address,
          street,
          postcode: cells.postcode || null,
          ratepayer: cells.ratepayer || null,
          value: Number.isSafeInteger(value) ? value : 0,
          occupied: occupied ?? true,
          owner: cells.owner || null,
          class_code: cells.class ? cells.class.toUpperCase() : null,
          charity: charity ?? false,
          latitude: latitude !== null && !Number.isNaN(latitude) ? latitude : null,
          longitude: longitude !== null && !Number.isNaN(longitude) ? longitude : null,
        };
      });
      if (issues.length) throw new ImportRejected(issues);
      await this.repository.replaceHereditaments(trx, bid.id, rows);
      const updated = await this.repository.update(trx, bid.id, {
        rating_list_name: file.name,
        rating_list_at: this.now(options),
      });
      const rules = eligibilityRulesOf(updated);
      const eligible = rows.filter((r) => eligibility(hereditamentOf(r), rules, bid.nation).eligible).length;
      await this.audit(
        trx,
        principal,
        bid,
        'import',
        `Imported the rating list ${file.name}: ${rows.length} hereditaments, ${eligible} eligible`,
        { after: { file: file.name, hereditaments: rows.length, eligible } },
      );
      return { imported: rows.length, eligible };
    });
  }

  // --- the timetable --------------------------------------------------------------------------

  async setTimetable(
    principal: Principal,
    gssCode: string,
    id: string,
    input: unknown,
    options?: WriteOptions,
  ): Promise<BidRow> {
    const data = parseInput(timetableInput, input);
    return this.write(options, async (trx) => {
      const { bid } = await this.ballotWork(principal, gssCode, id, trx);
      if (bid.status === 'declared')
        throw ValidationError.of('ballotOn', 'The result has been declared: the timetable is closed');
      const errors: FieldError[] = checkTimetable(data, bid.nation).map((p) => ({
        field: p.field,
        message: `${p.message} (rule: ${p.rule})`,
      }));
      if (
        bid.status === 'ballot' &&
        this.now(options) >=
          ballotCloses({ ballotOn: bid.ballot_on as string, postponedTo: bid.postponed_to }, bid.nation)
      )
        throw ValidationError.of('postponedTo', 'The ballot has closed: it can no longer be postponed');
      if (bid.status === 'ballot') {
        // Once papers are out only a postponement may move ballot day.
        const fixed = ['noticeOn', 'papersOn', 'ballotOn'] as const;
        const before = { noticeOn: bid.notice_on, papersOn: bid.papers_on, ballotOn: bid.ballot_on };
        for (const field of fixed)
          if (data[field] !== before[field])
            errors.push({
              field,
              message: 'The papers have gone out: only a postponement may change the timetable now',
            });
      }
      if (data.postponedTo && !data.postponementReason)
        errors.push({ field: 'postponementReason', message: 'Say why the ballot is postponed' });
      if (errors.length) throw new ValidationError(dedupe(errors));
      const after = await this.repository.update(trx, bid.id, {
        notice_on: data.noticeOn,
        papers_on: data.papersOn,
        ballot_on: data.ballotOn,
        postponed_to: data.postponedTo ?? null,
        postponement_reason: data.postponedTo ? (data.postponementReason ?? null) : null,
      });
      const day = effectiveBallotDay({ ballotOn: data.ballotOn, postponedTo: data.postponedTo });
      await this.audit(trx, principal, bid, 'update', `Set the ballot timetable: ballot day ${day}`, {
        before: {
          noticeOn: bid.notice_on,
          papersOn: bid.papers_on,
          ballotOn: bid.ballot_on,
          postponedTo: bid.postponed_to,
        },
        after: {
          noticeOn: after.notice_on,
          papersOn: after.papers_on,
          ballotOn: after.ballot_on,
          postponedTo: after.postponed_to,
        },
      });
      return after;
    });
  }

  // --- the ballot -----------------------------------------------------------------------------

  /** One paper, with an unguessable code, for every eligible hereditament; the proposals are then fixed. */
  async issuePapers(principal: Principal, gssCode: string, id: string, options?: WriteOptions): Promise<number> {
    return this.write(options, async (trx) => {
      const { bid } = await this.ballotWork(principal, gssCode, id, trx);
      if (bid.status !== 'proposal') throw ValidationError.of('papers', 'The papers have already been issued');
      if (!bid.ballot_on || !bid.notice_on || !bid.papers_on)
        throw ValidationError.of('papers', 'Set the ballot timetable before issuing papers');
      const rows = await this.repository.hereditaments(trx, bid.id);
      const rules = eligibilityRulesOf(bid);
      const eligible = rows
        .map((row) => ({ row, e: eligibility(hereditamentOf(row), rules, bid.nation) }))
        .filter((x) => x.e.eligible);
      if (!eligible.length)
        throw ValidationError.of('papers', 'No hereditament is eligible: import the rating list and check the area');
      const papers = await this.repository.insertPapers(
        trx,
        eligible.map(({ row, e }) => ({
          bid_id: bid.id,
          locality_id: bid.locality_id,
          hereditament_id: row.id,
          code: paperCode(randomBytes(10)),
          voter: e.voter ?? '',
          value: row.value,
        })),
      );
      await this.repository.update(trx, bid.id, { status: 'ballot' });
      await this.audit(
        trx,
        principal,
        bid,
        'issue',
        `Issued ${papers.length} ballot papers, one per eligible hereditament`,
        {
          after: { papers: papers.length },
        },
      );
      return papers.length;
    });
  }

  /**
   * The papers of the ballot, for the ballot holder and scrutineer. Codes are theirs to print;
   * how each paper voted is shown only after the close.
   */
  async papers(principal: Principal, gssCode: string, id: string): Promise<{ view: BidView; papers: PaperView[] }> {
    const { locality, bid } = await this.find(principal, gssCode, id);
    const view = await this.view(principal, locality, bid);
    if (!view.isOfficer) refuse(principal, locality, 'BID');
    const rows = await this.repository.papers(this.db, bid.id);
    return {
      view,
      papers: rows.map((paper) => ({
        paper: redact(paper),
        vote: view.closed ? (paper.vote as 'yes' | 'no' | null) : null,
      })),
    };
  }

  /** A returned paper, recorded by the ballot holder or scrutineer: yes, no or spoilt; late after the close. */
  async recordReturn(
    principal: Principal,
    gssCode: string,
    id: string,
    input: unknown,
    options?: WriteOptions,
  ): Promise<PaperRow> {
    const data = parseInput(returnInput, input);
    return this.write(options, async (trx) => {
      const { bid } = await this.ballotWork(principal, gssCode, id, trx);
      if (bid.status !== 'ballot')
        throw ValidationError.of('code', 'The ballot is not open: no papers are being returned');
      const now = this.now(options);
      let receivedAt = now;
      if (data.receivedOn) {
        const [h, m] = (data.receivedTime ?? '12:00').split(':').map(Number);
        receivedAt = londonTime(data.receivedOn, h ?? 12, m ?? 0);
        if (receivedAt > now) throw ValidationError.of('receivedOn', 'The time received cannot be in the future');
      }
      const code = normaliseCode(data.code);
      const paper = await this.repository.paperByCode(trx, code);
      if (!paper || paper.bid_id !== bid.id) throw ValidationError.of('code', 'No paper of this ballot has that code');
      if (paper.status === 'replaced')
        throw ValidationError.of(
          'code',
          'That paper was cancelled when a replacement was issued: it cannot be counted',
        );
      if (paper.status !== 'issued')
        throw ValidationError.of('code', 'That paper has already been returned and recorded');
      const closes = ballotCloses({ ballotOn: bid.ballot_on as string, postponedTo: bid.postponed_to }, bid.nation);
      const late = receivedAt >= closes;
      const status = late ? 'late' : data.outcome === 'spoilt' ? 'spoilt' : 'returned';
      const updated = await this.repository.updatePaper(trx, paper.id, {
        status,
        vote: status === 'returned' ? data.outcome : null,
        channel: 'post',
        received_at: receivedAt,
      });
      // The audit trail records that a paper came back and in what state, never how it voted.
      await this.audit(
        trx,
        principal,
        bid,
        'record-return',
        `Recorded the returned paper for ${paper.reference} as ${status === 'returned' ? 'a valid vote' : status}`,
        { entityType: 'bid-paper', entityId: paper.id, after: { status, receivedAt: receivedAt.toISOString() } },
      );
      return updated;
    });
  }

  /** A new paper with a new code for the same hereditament; the original is cancelled and can never count. */
  async replacePaper(
    principal: Principal,
    gssCode: string,
    id: string,
    paperId: string,
    input: unknown,
    options?: WriteOptions,
  ): Promise<PaperRow> {
    const data = parseInput(replaceInput, input);
    return this.write(options, async (trx) => {
      const { bid } = await this.ballotWork(principal, gssCode, id, trx);
      const paper = isUuid(paperId) ? await this.repository.paper(trx, bid.id, paperId) : undefined;
      if (!paper) throw new NotFoundError('Ballot paper');
      if (bid.status !== 'ballot') throw ValidationError.of('reason', 'The ballot is not open');
      if (
        this.now(options) >=
        ballotCloses({ ballotOn: bid.ballot_on as string, postponedTo: bid.postponed_to }, bid.nation)
      )
        throw ValidationError.of('reason', 'The ballot has closed: no replacement papers may be issued');
      if (paper.status !== 'issued' && paper.status !== 'spoilt')
        throw ValidationError.of(
          'reason',
          paper.status === 'replaced'
            ? 'That paper has already been replaced'
            : 'That paper has been counted: it cannot be replaced',
        );
      await this.repository.updatePaper(trx, paper.id, { status: 'replaced', vote: null });
      const [created] = await this.repository.insertPapers(trx, [
        {
          bid_id: bid.id,
          locality_id: bid.locality_id,
          hereditament_id: paper.hereditament_id,
          code: paperCode(randomBytes(10)),
          voter: paper.voter,
          value: paper.value,
          replaces_id: paper.id,
        },
      ]);
      if (!created) throw new Error('The replacement paper was not written');
      await this.audit(
        trx,
        principal,
        bid,
        'replace',
        `Issued a replacement paper for ${paper.reference}: ${data.reason}`,
        {
          entityType: 'bid-paper',
          entityId: created.id,
          before: { paper: paper.id, status: paper.status },
          after: { paper: created.id, reason: data.reason },
        },
      );
      return created;
    });
  }

  /** What a voter sees when they enter their code: which BID and hereditament, before they vote. */
  async paperForVoter(input: unknown) {
    const code = normaliseCode(parseInput(castInput.pick({ code: true }), input).code);
    const paper = await this.repository.paperByCode(this.db, code);
    const bid = paper ? await this.repository.byId(this.db, paper.bid_id) : undefined;
    if (!paper || !bid)
      throw ValidationError.of('code', 'That code is not a ballot paper’s code: check it and try again');
    this.checkCastable(bid, paper);
    return { bid, code, reference: paper.reference, address: paper.address, voter: paper.voter };
  }

  private checkCastable(bid: BidRow, paper: PaperRow, now = this.clock()): void {
    if (!bid.online_voting) throw ValidationError.of('code', 'This ballot is postal only: return your paper by post');
    if (bid.status !== 'ballot') throw ValidationError.of('code', 'This ballot is not open');
    if (now >= ballotCloses({ ballotOn: bid.ballot_on as string, postponedTo: bid.postponed_to }, bid.nation))
      throw ValidationError.of('code', 'The ballot closed at 5pm on ballot day: votes can no longer be cast');
    if (paper.status === 'replaced')
      throw ValidationError.of('code', 'This paper was replaced: use the code on your replacement paper');
    if (paper.status !== 'issued') throw ValidationError.of('code', 'This code has already been used');
  }

  /** A vote cast online with the paper's code, by whoever holds it (as a returned paper would be). */
  async cast(principal: Principal, input: unknown, options?: WriteOptions): Promise<{ bidName: string }> {
    const data = parseInput(castInput, input);
    return this.write(options, async (trx) => {
      const paper = await this.repository.paperByCode(trx, normaliseCode(data.code));
      const bid = paper ? await this.repository.byId(trx, paper.bid_id, { lock: true }) : undefined;
      if (!paper || !bid)
        throw ValidationError.of('code', 'That code is not a ballot paper’s code: check it and try again');
      this.checkCastable(bid, paper, this.now(options));
      const now = this.now(options);
      await this.repository.updatePaper(trx, paper.id, {
        status: 'returned',
        vote: data.vote,
        channel: 'online',
        received_at: now,
      });
      await this.audit(trx, principal, bid, 'cast', `A vote was cast online with the paper for ${paper.reference}`, {
        entityType: 'bid-paper',
        entityId: paper.id,
        after: { status: 'returned', channel: 'online', receivedAt: now.toISOString() },
      });
      return { bidName: bid.name };
    });
  }

  /** The count, after the close: the nation's tests (and the proposer's margins) applied, and published. */
  async declare(principal: Principal, gssCode: string, id: string, options?: WriteOptions): Promise<BallotResult> {
    return this.write(options, async (trx) => {
      const { bid } = await this.ballotWork(principal, gssCode, id, trx);
      if (bid.status !== 'ballot') throw ValidationError.of('declare', 'There is no ballot to declare');
      const closes = ballotCloses({ ballotOn: bid.ballot_on as string, postponedTo: bid.postponed_to }, bid.nation);
      if (this.now(options) < closes)
        throw ValidationError.of('declare', 'The ballot has not closed: it closes at 5pm on ballot day');
      const papers = await this.repository.papers(trx, bid.id);
      const result = ballotResult(bid.nation, tallyOf(papers), marginsOf(bid));
      await this.repository.update(trx, bid.id, {
        status: 'declared',
        declaration: JSON.stringify(result),
        declared_at: this.now(options),
      });
      await this.audit(
        trx,
        principal,
        bid,
        'declare',
        `Declared the result: ${result.passed ? 'approved' : 'not approved'}`,
        {
          after: result,
        },
      );
      return result;
    });
  }

  /** The published declaration, for anyone. */
  async declaration(principal: Principal, gssCode: string, id: string) {
    const view = await this.get(principal, gssCode, id);
    if (!view.declaration) throw new NotFoundError('Declaration');
    return view;
  }

  /** A response to the consultation on the proposals, recorded by their editors or the ballot officers. */
  async recordConsultation(
    principal: Principal,
    gssCode: string,
    id: string,
    input: unknown,
    options?: WriteOptions,
  ): Promise<ConsultationRow> {
    const data = parseInput(consultationInput, input);
    return this.write(options, async (trx) => {
      const { locality, bid } = await this.locked(principal, gssCode, id, trx);
      const editor =
        canAdministerLocality(principal, locality) || canEditPartnership(principal, locality, bid.partnership_id);
      if (!editor && !canRunBidBallot(principal, locality)) refuse(principal, locality, 'BID');
      if (data.receivedOn > todayInLondon(this.now(options)))
        throw ValidationError.of('receivedOn', 'The date received cannot be in the future');
      const row = await this.repository.insertConsultation(trx, {
        bid_id: bid.id,
        locality_id: bid.locality_id,
        received_on: data.receivedOn,
        respondent: data.respondent,
        organisation: data.organisation ?? null,
        stance: data.stance,
        summary: data.summary,
      });
      await this.audit(trx, principal, bid, 'create', `Recorded a consultation response about ${bid.name}`, {
        after: data,
      });
      return row;
    });
  }

  // --- veto and challenge --------------------------------------------------------------------

  /**
   * The council's veto of approved proposals: only on a permitted ground, within 14 working days
   * of ballot day, with its reasons and the three matters it must weigh recorded.
   */
  async veto(
    principal: Principal,
    gssCode: string,
    id: string,
    input: unknown,
    options?: WriteOptions,
  ): Promise<BidRow> {
    const data = parseInput(vetoInput, input);
    return this.write(options, async (trx) => {
      const { locality, bid } = await this.locked(principal, gssCode, id, trx);
      if (!canAdministerLocality(principal, locality)) refuse(principal, locality, 'BID');
      if (bid.status === 'vetoed') throw ValidationError.of('decidedOn', 'The proposals have already been vetoed');
      const errors: FieldError[] = checkVeto({
        decidedOn: data.decidedOn,
        ballotOn: bid.ballot_on ?? data.decidedOn,
        postponedTo: bid.postponed_to,
        nation: bid.nation,
        approved: bid.status === 'declared' && Boolean((bid.declaration as BallotResult | null)?.passed),
        grounds: data.grounds,
      }).map((p) => ({ field: p.field, message: p.message }));
      if (data.decidedOn > todayInLondon(this.now(options)))
        errors.push({ field: 'decidedOn', message: 'The decision date cannot be in the future' });
      if (data.grounds === 'policy-conflict' && !data.policy)
        errors.push({ field: 'policy', message: 'Name the formally adopted policy the proposals conflict with' });
      if (errors.length) throw new ValidationError(dedupe(errors));
      const after = await this.repository.update(trx, bid.id, {
        status: 'vetoed',
        vetoed_on: data.decidedOn,
        veto_grounds: data.grounds,
        veto_policy: data.policy ?? null,
        veto_reasons: data.reasons,
        veto_support: data.support,
        veto_consultation: data.consultation,
        veto_costs: data.costs,
      });
      await this.audit(trx, principal, bid, 'update', `The council vetoed the approved proposals for ${bid.name}`, {
        after: { ...data },
      });
      return after;
    });
  }

  /** A complaint of material irregularity or an appeal against a veto, as made to the Secretary of State. */
  async recordChallenge(
    principal: Principal,
    gssCode: string,
    id: string,
    input: unknown,
    options?: WriteOptions,
  ): Promise<ChallengeRow> {
    const data = parseInput(challengeInput, input);
    return this.write(options, async (trx) => {
      const { locality, bid } = await this.locked(principal, gssCode, id, trx);
      if (!canAdministerLocality(principal, locality) && !canRunBidBallot(principal, locality))
        refuse(principal, locality, 'BID');
      const errors: FieldError[] = [];
      if (data.madeOn > todayInLondon(this.now(options)))
        errors.push({ field: 'madeOn', message: 'The date it was made cannot be in the future' });
      if (data.kind === 'irregularity') {
        if (!bid.declared_at) throw ValidationError.of('kind', 'A complaint about the ballot follows its declaration');
        const result = bid.declaration as BallotResult;
        errors.push(
          ...checkComplaint({
            madeOn: data.madeOn,
            declaredOn: todayInLondon(new Date(bid.declared_at)),
            by: data.by,
            supporters: data.supporters,
            voted: result.tally.yesCount + result.tally.noCount,
            nation: bid.nation,
          }),
        );
      } else {
        if (bid.status !== 'vetoed') throw ValidationError.of('kind', 'Only a veto can be appealed');
        if (data.by === 'voters')
          errors.push({ field: 'by', message: 'A veto is appealed by the proposer or the BID body' });
        if (bid.vetoed_on && data.madeOn < bid.vetoed_on)
          errors.push({ field: 'madeOn', message: 'An appeal cannot be made before the veto' });
      }
      if (errors.length) throw new ValidationError(dedupe(errors));
      const row = await this.repository.insertChallenge(trx, {
        bid_id: bid.id,
        locality_id: bid.locality_id,
        kind: data.kind,
        made_on: data.madeOn,
        by_party: data.by,
        supporters: data.by === 'voters' ? (data.supporters ?? null) : null,
        grounds: data.grounds,
      });
      await this.audit(
        trx,
        principal,
        bid,
        'create',
        `Recorded a ${data.kind === 'irregularity' ? 'complaint of material irregularity' : 'veto appeal'} about ${bid.name}`,
        {
          after: data,
        },
      );
      return row;
    });
  }

  /** The Secretary of State's decision on a challenge. */
  async recordOutcome(
    principal: Principal,
    gssCode: string,
    id: string,
    challengeId: string,
    input: unknown,
    options?: WriteOptions,
  ): Promise<ChallengeRow> {
    const data = parseInput(outcomeInput, input);
    return this.write(options, async (trx) => {
      const { locality, bid } = await this.locked(principal, gssCode, id, trx);
      if (!canAdministerLocality(principal, locality) && !canRunBidBallot(principal, locality))
        refuse(principal, locality, 'BID');
      const challenge = (await this.repository.challenges(trx, bid.id)).find((c) => c.id === challengeId);
      if (!challenge) throw new NotFoundError('Challenge');
      if (challenge.outcome !== 'open') throw ValidationError.of('outcome', 'The decision has already been recorded');
      if (data.outcomeOn < challenge.made_on)
        throw ValidationError.of('outcomeOn', 'The decision cannot come before the challenge was made');
      const row = await this.repository.updateChallenge(trx, challenge.id, {
        outcome: data.outcome,
        outcome_on: data.outcomeOn,
        outcome_notes: data.notes ?? null,
      });
      await this.audit(
        trx,
        principal,
        bid,
        'update',
        `Recorded the decision on a challenge about ${bid.name}: ${data.outcome}`,
        {
          before: { outcome: challenge.outcome },
          after: data,
        },
      );
      return row;
    });
  }

  // --- the levy -------------------------------------------------------------------------------

  /** The billing lines for a year of the term, with totals that equal the sum of the lines. */
  async levy(principal: Principal, gssCode: string, id: string, year = 1) {
    const { locality, bid } = await this.find(principal, gssCode, id);
    const view = await this.view(principal, locality, bid);
    if (!canAdministerLocality(principal, locality) && !view.isOfficer) refuse(principal, locality, 'BID');
    if (!view.declaration?.passed || bid.status !== 'declared')
      throw ValidationError.of(
        'year',
        bid.status === 'vetoed'
          ? 'The council vetoed the proposals: no levy is billed'
          : 'The levy is billed only once a ballot has approved the proposals',
      );
    if (!Number.isInteger(year) || year < 1 || year > bid.term_years)
      throw ValidationError.of('year', `Choose a year of the term, 1 to ${bid.term_years}`);
    const rows = (await this.repository.hereditaments(this.db, bid.id))
      .map((row) => this.judge(bid, row, year))
      .filter((h) => h.levy !== null);
    const totalPence = rows.reduce((sum, h) => sum + (h.levy?.levyPence ?? 0), 0);
    return { view, year, rows, totalPence };
  }

  /** The billing file's lines, as values in the documented column order. */
  private async levyLines(principal: Principal, gssCode: string, id: string, year: number) {
    const { view, rows, totalPence } = await this.levy(principal, gssCode, id, year);
    const lines = rows.map(({ row, eligibility: e, levy }) => [
      view.bid.id,
      row.reference,
      row.address,
      row.postcode ?? '',
      e.voter ?? '',
      row.value,
      (view.bid.levy_rate_bp / 100).toFixed(2),
      year,
      levy?.grossPence ?? 0,
      ((levy?.reliefBp ?? 0) / 100).toFixed(2),
      levy?.capped ? 'yes' : 'no',
      levy?.levyPence ?? 0,
      ((levy?.levyPence ?? 0) / 100).toFixed(2),
    ]);
    return { lines, totalPence };
  }

  async levyCsv(
    principal: Principal,
    gssCode: string,
    id: string,
    year = 1,
  ): Promise<{ csv: string; totalPence: number; lines: number }> {
    const { lines, totalPence } = await this.levyLines(principal, gssCode, id, year);
    const quote = (v: string | number) => {
      const text = String(v);
      const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
      return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
    };
    const body = lines.map((l) => `${l.map(quote).join(',')}\r\n`).join('');
    return { csv: `\uFEFF${LEVY_FILE_COLUMNS.join(',')}\r\n${body}`, totalPence, lines: lines.length };
  }

  /** The same lines as an XLSX workbook: one sheet, numbers as numbers, text as text. */
  async levyXlsx(principal: Principal, gssCode: string, id: string, year = 1): Promise<Buffer> {
    const { lines } = await this.levyLines(principal, gssCode, id, year);
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'Joined Up';
    const sheet = workbook.addWorksheet('Levy', { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = LEVY_FILE_COLUMNS.map((name) => ({
      header: name,
      key: name,
      width: Math.max(12, name.length + 4),
    }));
    sheet.getRow(1).font = { bold: true };
    for (const line of lines) sheet.addRow(line);
    return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
  }

  // --- the area on a map ----------------------------------------------------------------------

  /**
   * The area as drawn (if it was) and, for those who may read the rating list, each
   * hereditament with where it is and whether it is inside the area, and why.
   */
  async area(principal: Principal, gssCode: string, id: string): Promise<AreaView> {
    const { locality, bid } = await this.find(principal, gssCode, id);
    const view = await this.view(principal, locality, bid);
    const mayReadList = view.canReadRestricted || view.isOfficer || view.canEdit;
    const rows = mayReadList ? await this.repository.hereditaments(this.db, bid.id) : [];
    const rules = eligibilityRulesOf(bid);
    const hereditaments = rows.map((row) => {
      const e = eligibility(hereditamentOf(row), rules, bid.nation);
      const area = e.reasons.find((r) => r.check === 'area') ?? { passed: false, reason: '' };
      return { row, inside: area.passed, reason: area.reason, eligible: e.eligible };
    });
    return {
      view,
      geometry: bid.area_geojson ?? null,
      outline: bid.area_geojson ? describeArea(bid.area_geojson) : null,
      mayReadList,
      hereditaments,
      located: rows.filter((r) => r.latitude !== null).length,
    };
  }

  /** The area and hereditaments as one GeoJSON FeatureCollection (for the map and to download). */
  async areaFeatures(principal: Principal, gssCode: string, id: string) {
    const { view, geometry, hereditaments } = await this.area(principal, gssCode, id);
    const features: unknown[] = [];
    if (geometry) features.push({ type: 'Feature', geometry, properties: { kind: 'area', name: view.bid.name } });
    for (const h of hereditaments)
      if (h.row.latitude !== null && h.row.longitude !== null)
        features.push({
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [h.row.longitude, h.row.latitude] },
          properties: {
            kind: 'hereditament',
            reference: h.row.reference,
            address: h.row.address,
            inside: h.inside,
            eligible: h.eligible,
          },
        });
    return { type: 'FeatureCollection', features };
  }

  /**
   * Draws (or, with empty text, removes) the area as GeoJSON: the proposals' editors, before
   * the papers go out. Every problem with the GeoJSON is named on the field.
   */
  async setArea(
    principal: Principal,
    gssCode: string,
    id: string,
    geojson: string | unknown,
    options?: WriteOptions,
  ): Promise<BidRow> {
    const text = typeof geojson === 'string' ? geojson.trim() : null;
    const read = text === '' ? null : text !== null ? parseAreaGeoJson(text) : readArea(geojson);
    if (read && !read.ok)
      throw new ValidationError(read.problems.map((message) => ({ field: 'areaGeoJson', message })));
    return this.write(options, async (trx) => {
      const { locality, bid } = await this.locked(principal, gssCode, id, trx);
      if (!this.access(principal, locality, bid).canEdit) {
        if (bid.status !== 'proposal')
          throw ValidationError.of('areaGeoJson', 'The papers have gone out: the area can no longer be changed');
        refuse(principal, locality, 'BID');
      }
      const geometry = read?.ok ? read.geometry : null;
      if (!geometry && !bid.area_streets && !bid.area_references)
        throw ValidationError.of(
          'areaGeoJson',
          'The proposals list no streets or hereditaments: the drawn area cannot be removed',
        );
      const after = await this.repository.update(trx, bid.id, {
        area_geojson: geometry ? JSON.stringify(geometry) : null,
      });
      const outline = geometry ? describeArea(geometry) : null;
      await this.audit(
        trx,
        principal,
        after,
        'update',
        outline
          ? `Drew the area of ${bid.name} on the map: ${outline.parts} part${outline.parts === 1 ? '' : 's'}, ${outline.positions} corners`
          : `Removed the area drawn on the map for ${bid.name}: the streets listed decide`,
        { before: { areaDrawn: Boolean(bid.area_geojson) }, after: { areaDrawn: Boolean(geometry), outline } },
      );
      return after;
    });
  }

  // --- levy collection and the report to levy payers ------------------------------------------

  /** The BID whose levy is billed (approved, not vetoed), and the year asked for, checked. */
  private async billed(principal: Principal, gssCode: string, id: string, year: number) {
    const found = await this.find(principal, gssCode, id);
    checkBilled(found.bid, year);
    return found;
  }

  /** Who may see what each levy payer owes and paid: the council, the BID body, the locality's readers. */
  private mayReadAccount(principal: Principal, locality: Locality, bid: BidRow): boolean {
    return canReadRestricted(principal, locality) || canEditPartnership(principal, locality, bid.partnership_id);
  }

  /**
   * The BID revenue account for a year: each levy payer's levy, what has been collected against
   * it and what is in arrears, with totals that are the sums of the lines.
   */
  async collections(principal: Principal, gssCode: string, id: string, year = 1): Promise<CollectionsView> {
    const { locality, bid } = await this.billed(principal, gssCode, id, year);
    if (!this.mayReadAccount(principal, locality, bid)) refuse(principal, locality, 'BID');
    const view = await this.view(principal, locality, bid);
    const account = await this.account(bid, year);
    return {
      view,
      year,
      ...account,
      canRecord: canAdministerLocality(principal, locality),
    };
  }

  private async account(bid: BidRow, year: number) {
    const rows = (await this.repository.hereditaments(this.db, bid.id))
      .map((row) => this.judge(bid, row, year))
      .filter((h) => h.levy !== null);
    const payments = await this.repository.collections(this.db, bid.id, year);
    const byHereditament = new Map<string, typeof payments>();
    for (const p of payments)
      byHereditament.set(p.hereditament_id, [...(byHereditament.get(p.hereditament_id) ?? []), p]);
    const lines: AccountLine[] = rows.map((h) => {
      const paid = byHereditament.get(h.row.id) ?? [];
      const levyPence = h.levy?.levyPence ?? 0;
      const collectedPence = paid.reduce((sum, p) => sum + p.amount_pence, 0);
      return {
        row: h.row,
        liable: h.eligibility.voter,
        levyPence,
        collectedPence,
        arrearsPence: levyPence - collectedPence,
        payments: paid,
      };
    });
    const sum = (f: (l: AccountLine) => number) => lines.reduce((s, l) => s + f(l), 0);
    return {
      lines,
      totals: {
        payers: lines.length,
        billedPence: sum((l) => l.levyPence),
        collectedPence: sum((l) => l.collectedPence),
        arrearsPence: sum((l) => l.arrearsPence),
        paidInFull: lines.filter((l) => l.arrearsPence === 0).length,
        inArrears: lines.filter((l) => l.arrearsPence > 0).length,
      },
    };
  }

  /**
   * Records a payment of the levy into the BID revenue account, against one hereditament's
   * levy for a year: the council (as billing authority) only; never more than is outstanding,
   * never dated in the future or before ballot day.
   */
  async recordCollection(
    principal: Principal,
    gssCode: string,
    id: string,
    input: unknown,
    options?: WriteOptions,
  ): Promise<CollectionRow> {
    const data = parseInput(collectionInput, input);
    return this.write(options, async (trx) => {
      const { locality, bid } = await this.locked(principal, gssCode, id, trx);
      if (!canAdministerLocality(principal, locality)) refuse(principal, locality, 'BID');
      checkBilled(bid, data.year);
      const today = todayInLondon(this.now(options));
      if (data.receivedOn > today) throw ValidationError.of('receivedOn', 'The date received cannot be in the future');
      if (bid.ballot_on && data.receivedOn < bid.ballot_on)
        throw ValidationError.of('receivedOn', 'The date received cannot be before ballot day');
      const row = await this.repository.hereditamentByReference(trx, bid.id, data.reference);
      const judged = row ? this.judge(bid, row, data.year) : null;
      if (!row || !judged?.levy)
        throw ValidationError.of(
          'reference',
          row
            ? `${row.reference} is not a levy payer: ${eligibilitySummary(judged!.eligibility)}`
            : `No hereditament on this BID’s rating list has the reference ${data.reference}`,
        );
      const paid = (await this.repository.collections(trx, bid.id, data.year))
        .filter((p) => p.hereditament_id === row.id)
        .reduce((s, p) => s + p.amount_pence, 0);
      const amountPence = Math.round(data.amountPounds * 100);
      const outstanding = judged.levy.levyPence - paid;
      if (amountPence > outstanding)
        throw ValidationError.of(
          'amountPounds',
          outstanding <= 0
            ? `${row.reference}’s levy for year ${data.year} (${formatPence(judged.levy.levyPence)}) is already paid in full`
            : `${formatPence(amountPence)} is more than the ${formatPence(outstanding)} outstanding on ${row.reference} for year ${data.year}`,
        );
      const collection = await this.repository.insertCollection(trx, {
        bid_id: bid.id,
        locality_id: bid.locality_id,
        hereditament_id: row.id,
        year: data.year,
        amount_pence: amountPence,
        received_on: data.receivedOn,
        reference: data.note || null,
      });
      await this.audit(
        trx,
        principal,
        bid,
        'create',
        `Recorded ${formatPence(amountPence)} of levy from ${row.reference} for year ${data.year} of ${bid.name}`,
        {
          entityType: 'bid-money',
          entityId: collection.id,
          after: { reference: row.reference, year: data.year, amountPence, receivedOn: data.receivedOn },
        },
      );
      return collection;
    });
  }

  /**
   * Records a revenues system's file of levy payments (CSV or XLSX), all or nothing: each row is
   * checked as a single payment is (a levy payer, a year of the term, no more than is
   * outstanding counting the file's earlier rows, a date neither in the future nor before ballot
   * day), every problem named by line and column, and nothing written if there is one.
   */
  async importCollections(
    principal: Principal,
    gssCode: string,
    id: string,
    file: { name: string; content: Buffer },
    options?: WriteOptions,
  ): Promise<{ payments: number; totalPence: number }> {
    const table = await readTable(COLLECTION_FILE_COLUMNS, file.name, file.content);
    return this.write(options, async (trx) => {
      const { locality, bid } = await this.locked(principal, gssCode, id, trx);
      if (!canAdministerLocality(principal, locality)) refuse(principal, locality, 'BID');
      checkBilled(bid, 1);
      if (table.issues.length) throw new ImportRejected(table.issues);
      const today = todayInLondon(this.now(options));
      const hereditaments = await this.repository.hereditaments(trx, bid.id);
      const byReference = new Map(hereditaments.map((h) => [h.reference.trim().toUpperCase(), h]));
      const paid = new Map<string, number>();
      for (const p of await this.repository.collections(trx, bid.id))
        paid.set(`${p.hereditament_id}/${p.year}`, (paid.get(`${p.hereditament_id}/${p.year}`) ?? 0) + p.amount_pence);
      const issues: ImportIssue[] = [];
      const rows: Array<Insertable<BidLevyCollectionsTable>> = [];
      for (const { line, cells } of table.rows) {
        const issue = (column: string, message: string, value?: string) =>
          issues.push({ sheet: table.sheet, line, column, message, ...(value !== undefined ? { value } : {}) });
        const reference = (cells.billing_reference ?? '').trim();
        const row = byReference.get(reference.toUpperCase());
        const year = /^\d+$/.test(cells.year ?? '') ? Number(cells.year) : NaN;
        const amountText = (cells.amount ?? '').replace(/[£,\s]/g, '');
        const amountPence = /^\d+(\.\d{1,2})?$/.test(amountText) ? Math.round(Number(amountText) * 100) : NaN;
        const receivedOn = dateCell(cells.received_on ?? '');
        if (!row)
          issue(
            'billing_reference',
            `No hereditament on this BID’s rating list has the reference ${reference}`,
            reference,
          );
        if (!Number.isInteger(year) || year < 1 || year > bid.term_years)
          issue('year', `The year must be a year of the term, 1 to ${bid.term_years}`, cells.year);
        if (!(amountPence > 0))
          issue('amount', 'The amount must be pounds and pence more than 0, like 125.50', cells.amount);
        if (!receivedOn)
          issue(
            'received_on',
            'The date received must be a real date, like 2027-05-14 or 14/05/2027',
            cells.received_on,
          );
        else if (receivedOn > today)
          issue('received_on', 'The date received cannot be in the future', cells.received_on);
        else if (bid.ballot_on && receivedOn < bid.ballot_on)
          issue('received_on', 'The date received cannot be before ballot day', cells.received_on);
        if (!row || !Number.isInteger(year) || year < 1 || year > bid.term_years || !(amountPence > 0)) continue;
        const judged = this.judge(bid, row, year);
        if (!judged.levy) {
          issue(
            'billing_reference',
            `${row.reference} is not a levy payer: ${eligibilitySummary(judged.eligibility)}`,
            reference,
          );
          continue;
        }
        const key = `${row.id}/${year}`;
        const outstanding = judged.levy.levyPence - (paid.get(key) ?? 0);
        if (amountPence > outstanding) {
          issue(
            'amount',
            `${formatPence(amountPence)} is more than the ${formatPence(Math.max(0, outstanding))} outstanding on ${row.reference} for year ${year}`,
            cells.amount,
          );
          continue;
        }
        paid.set(key, (paid.get(key) ?? 0) + amountPence);
        if (receivedOn)
          rows.push({
            bid_id: bid.id,
            locality_id: bid.locality_id,
            hereditament_id: row.id,
            year,
            amount_pence: amountPence,
            received_on: receivedOn,
            reference: (cells.payment_reference ?? '').slice(0, 200) || null,
          });
      }
      if (!table.rows.length) issue0(issues, table.sheet);
      if (issues.length) throw new ImportRejected(issues);
      for (const row of rows) await this.repository.insertCollection(trx, row);
      const totalPence = rows.reduce((sum, r) => sum + r.amount_pence, 0);
      await this.audit(
        trx,
        principal,
        bid,
        'import',
        `Recorded ${rows.length} levy payments from ${file.name} into the revenue account of ${bid.name}: ${formatPence(totalPence)}`,
        { entityType: 'bid-money', after: { file: file.name, payments: rows.length, totalPence } },
      );
      return { payments: rows.length, totalPence };
    });
  }

  /** Records what the BID body spent from the revenue account: the board’s secretary or the administrator. */
  async recordSpending(
    principal: Principal,
    gssCode: string,
    id: string,
    input: unknown,
    options?: WriteOptions,
  ): Promise<SpendingRow> {
    const data = parseInput(spendingInput, input);
    return this.write(options, async (trx) => {
      const { locality, bid } = await this.locked(principal, gssCode, id, trx);
      if (!canEditPartnership(principal, locality, bid.partnership_id)) refuse(principal, locality, 'BID');
      checkBilled(bid, data.year);
      if (data.spentOn > todayInLondon(this.now(options)))
        throw ValidationError.of('spentOn', 'The date of the spending cannot be in the future');
      const amountPence = Math.round(data.amountPounds * 100);
      const row = await this.repository.insertSpending(trx, {
        bid_id: bid.id,
        locality_id: bid.locality_id,
        year: data.year,
        spent_on: data.spentOn,
        heading: data.heading,
        description: data.description || null,
        amount_pence: amountPence,
      });
      await this.audit(
        trx,
        principal,
        bid,
        'create',
        `Recorded ${formatPence(amountPence)} spent on ${data.heading} in year ${data.year} of ${bid.name}`,
        { entityType: 'bid-money', entityId: row.id, after: { ...data, amountPence } },
      );
      return row;
    });
  }

  /**
   * The BID body's yearly report to levy payers: the levy billed, collected and in arrears,
   * what was spent under each heading, and the balance carried: totals only, no one's account.
   * Public once the ballot has approved the proposals.
   */
  async annualReport(principal: Principal, gssCode: string, id: string, year = 1): Promise<AnnualReport> {
    const { locality, bid } = await this.billed(principal, gssCode, id, year);
    const view = await this.view(principal, locality, bid);
    const { totals } = await this.account(bid, year);
    const spending = await this.repository.spending(this.db, bid.id);
    const collected = await this.repository.collections(this.db, bid.id);
    const sum = (list: Array<{ amount_pence: number }>) => list.reduce((s, r) => s + r.amount_pence, 0);
    const headings = new Map<string, number>();
    const thisYear = spending.filter((s) => s.year === year);
    for (const s of thisYear) headings.set(s.heading, (headings.get(s.heading) ?? 0) + s.amount_pence);
    const before = (y: number) => y < year;
    const broughtForwardPence =
      sum(collected.filter((c) => before(c.year))) - sum(spending.filter((s) => before(s.year)));
    const spentPence = sum(thisYear);
    return {
      view,
      year,
      yearStarts: year === 1 ? bid.term_start : addDays(termEnd(bid.term_start, year - 1), 1),
      yearEnds: termEnd(bid.term_start, year),
      totals,
      collectionRatePercent:
        totals.billedPence > 0 ? Math.floor((totals.collectedPence * 1000) / totals.billedPence) / 10 : 0,
      budgetPence: bid.budget_pounds === null ? null : bid.budget_pounds * 100,
      spending: [...headings.entries()].map(([heading, amountPence]) => ({ heading, amountPence })),
      spendingLines: thisYear,
      spentPence,
      broughtForwardPence,
      carriedForwardPence: broughtForwardPence + totals.collectedPence - spentPence,
      canRecordSpending: canEditPartnership(principal, locality, bid.partnership_id),
      mayReadAccount: this.mayReadAccount(principal, locality, bid),
    };
  }

  /** The report as CSV lines: section, item, amount in pence. */
  async annualReportCsv(principal: Principal, gssCode: string, id: string, year = 1): Promise<string> {
    const r = await this.annualReport(principal, gssCode, id, year);
    const rows: Array<[string, string, number]> = [
      ['levy', 'levy payers', r.totals.payers],
      ['levy', 'billed_pence', r.totals.billedPence],
      ['levy', 'collected_pence', r.totals.collectedPence],
      ['levy', 'arrears_pence', r.totals.arrearsPence],
      ['levy', 'paid in full', r.totals.paidInFull],
      ['levy', 'in arrears', r.totals.inArrears],
      ...r.spending.map((s): [string, string, number] => ['spent_pence', s.heading, s.amountPence]),
      ['account', 'spent_pence', r.spentPence],
      ['account', 'brought_forward_pence', r.broughtForwardPence],
      ['account', 'carried_forward_pence', r.carriedForwardPence],
    ];
    const quote = (v: string | number) => {
      const text = String(v);
      const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
      return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
    };
    const head = `bid,year,section,item,value\r\n`;
    return `\uFEFF${head}${rows.map((row) => [r.view.bid.name, year, ...row].map(quote).join(',') + '\r\n').join('')}`;
  }
}

/** The levy is billed (and collected, and reported on) only for an approved BID, in a year of its term. */
function checkBilled(bid: BidRow, year: number): void {
  if (!(bid.declaration as BallotResult | null)?.passed || bid.status !== 'declared')
    throw ValidationError.of(
      'year',
      bid.status === 'vetoed'
        ? 'The council vetoed the proposals: no levy is billed or collected'
        : 'The levy is billed only once a ballot has approved the proposals',
    );
  if (!Number.isInteger(year) || year < 1 || year > bid.term_years)
    throw ValidationError.of('year', `Choose a year of the term, 1 to ${bid.term_years}`);
}

function redact(paper: PaperListRow): PaperListRow {
  return { ...paper, vote: null };
}

export function tallyOf(papers: Array<Pick<PaperRow, 'status' | 'vote' | 'value'>>): Tally {
  const live = papers.filter((p) => p.status !== 'replaced');
  const yes = live.filter((p) => p.status === 'returned' && p.vote === 'yes');
  const no = live.filter((p) => p.status === 'returned' && p.vote === 'no');
  const sum = (list: typeof live) => list.reduce((s, p) => s + p.value, 0);
  return {
    eligibleCount: live.length,
    eligibleValue: sum(live),
    yesCount: yes.length,
    noCount: no.length,
    yesValue: sum(yes),
    noValue: sum(no),
    spoiltCount: live.filter((p) => p.status === 'spoilt').length,
    lateCount: live.filter((p) => p.status === 'late').length,
  };
}

export function hereditamentOf(
  row: Pick<
    HereditamentRow,
    | 'reference'
    | 'address'
    | 'street'
    | 'postcode'
    | 'ratepayer'
    | 'value'
    | 'occupied'
    | 'owner'
    | 'class_code'
    | 'charity'
    | 'latitude'
    | 'longitude'
  >,
) {
  return {
    reference: row.reference,
    address: row.address,
    street: row.street,
    postcode: row.postcode,
    ratepayer: row.ratepayer,
    value: row.value,
    occupied: row.occupied,
    owner: row.owner,
    classCode: row.class_code,
    charity: row.charity,
    location:
      row.latitude !== null && row.longitude !== null ? { latitude: row.latitude, longitude: row.longitude } : null,
  };
}

function issue0(issues: ImportIssue[], sheet: string): void {
  issues.push({ sheet, line: 2, column: '', message: 'The file has no payments' });
}

/** A coordinate cell: null when blank, NaN when not a number within ±limit. */
function coordinate(text: string | undefined, limit: number): number | null {
  const t = (text ?? '').trim();
  if (!t) return null;
  const n = /^[-+]?\d+(\.\d+)?$/.test(t) ? Number(t) : NaN;
  return Math.abs(n) <= limit ? n : NaN;
}

/** The geometry of GeoJSON text the schema has already checked. */
function geometryOf(text: string): AreaGeometry {
  const read = parseAreaGeoJson(text);
  if (!read.ok) throw ValidationError.of('areaGeoJson', read.problems.join('. '));
  return read.geometry;
}

function yesNo(text: string, yes: string[], no: string[]): boolean | undefined {
  const t = text.trim().toLowerCase();
  if (yes.includes(t)) return true;
  if (no.includes(t)) return false;
  return undefined;
}

/** "Unit 3, 12a High Street" → "High Street". */
export function streetOf(address: string): string {
  const last =
    address
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .at(-1) ?? address;
  return last.replace(/^\d+[a-z]?(\s*[-–]\s*\d+[a-z]?)?\s+/i, '').trim();
}

function londonTime(iso: string, hour: number, minute: number): Date {
  const base = new Date(Date.parse(`${iso}T00:00:00Z`) + (hour * 60 + minute) * 60_000);
  const london = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', hourCycle: 'h23' });
  const offset = (Number(london.format(base)) - base.getUTCHours() + 24) % 24;
  return new Date(base.getTime() - offset * 3_600_000);
}

function dedupe(errors: FieldError[]): FieldError[] {
  const seen = new Map<string, FieldError>();
  for (const e of errors) {
    const prior = seen.get(e.field);
    seen.set(e.field, prior ? { field: e.field, message: `${prior.message}. ${e.message}` } : e);
  }
  return [...seen.values()];
}

export { houseNumber };
