import type { Principal } from '../../core/actor.js';
import { ConflictError, NotFoundError, ValidationError } from '../../core/errors.js';
import { parseInput } from '../../core/validation.js';
import type { Db } from '../../db/database.js';
import { KeptUntilChange, type RegisterChanges } from '../../db/changes.js';
import { TransactionCache } from '../../db/transaction-cache.js';
import type { Locality } from '../../db/tables.js';
import type { AuditService } from '../audit/service.js';
import { canAdministerLocality, canDecideLocalProposals, canReadRestricted, refuse } from '../accounts/policy.js';
import type { ReferenceService } from '../reference/service.js';
import { hasSeparateLegalStatus, type RegisterService } from '../register/service.js';
import type { PartnerBurden } from '../register/burden.js';
import type { ThesaurusSource } from '../thesaurus/source.js';
import {
  type LocalityPart,
  type OverlapAnalysis,
  type PairJudgement,
  analyseScopeInSlices,
  pairKey,
} from './analysis.js';
import { suggestSettings, type SettingsSuggestion } from './calibration.js';
import { type CostRatesInput, DEFAULT_COST_RATES, hoursCostPence, resolveRates } from './costs.js';
import { buildIndex, checkOne, explainPair, findSimilarPairs, type OverlapIndex } from './engine.js';
import { organisationPlaceWords, placeWords, TextReader, type ReadingContext } from './features.js';
import { mergeOrganisations, OverlapRepository } from './repository.js';
import { engineFingerprint } from './engine-version.js';
import { giveWay } from '../../db/give-way.js';
import { judgementInput, settingsInput, type OverlapJudgementRow } from './schema.js';
import { closestMatches, DEFAULT_SETTINGS, resolveSettings, tierOf, type OverlapSettings } from './scoring.js';
import type { MatchExplanation, OrganisationRecord, PartnershipFeatures, Sector } from './types.js';
import {
  type ProposalMatch,
  type ProposedPartnership,
  matchProposal,
  matchElsewhere,
  proposalFeatures,
  proposalRunningCost,
} from './proposal-check.js';
import type { YearlyCost } from './costs.js';

/** A partner's burden as every page counts it, with what its hours, preparation included, cost a year. */
export interface PartnerBurdenCost extends PartnerBurden {
  yearlyCostPence: number;
}

/** A proposed partnership scored against existing ones, for the gatekeeper's pre-check. */
export interface ProposalCheck {
  local: ProposalMatch[];
  /** Similar partnerships in other localities; empty when not checked or still computing. */
  national: Array<ProposalMatch & { localityName: string }>;
  /** The national index is still being built: the national part will follow on a later look. */
  nationalPending: boolean;
  nationalChecked: boolean;
  runningCost: YearlyCost;
}

export interface LocalityAnalysis {
  locality: Locality;
  /** Every locality in the scope (one, for a locality's own analysis). */
  localities: Locality[];
  analysis: OverlapAnalysis;
  records: Map<string, PartnershipFeatures>;
  organisations: Map<string, OrganisationRecord>;
  /** True while a newer analysis is being computed because the register changed. */
  refreshing: boolean;
}

/** One pair as an officer reviews it: the explanation and any judgement on it. */
export interface PairReview {
  locality: Locality;
  a: PartnershipFeatures;
  b: PartnershipFeatures;
  explanation: MatchExplanation;
  judgement: OverlapJudgementRow | undefined;
  organisations: Map<string, OrganisationRecord>;
  canJudge: boolean;
}

/** What changing a locality's sensitivity would change, before it is saved. */
export interface SettingsPreview {
  current: OverlapSettings;
  proposed: OverlapSettings;
  /** Pairs that would become likely the same work, or stop being. */
  newlyLikely: Array<{ aId: string; bId: string; score: number }>;
  noLongerLikely: Array<{ aId: string; bId: string; score: number }>;
  newlyWorthALook: number;
  noLongerWorthALook: number;
  likelyNow: number;
  likelyThen: number;
  lookNow: number;
  lookThen: number;
}

interface Entry {
  version: string;
  result: LocalityAnalysis;
}

/** A locality as last read and analysed, for the next analysis of a scope holding it. */
interface KeptLocality {
  version: string;
  records: PartnershipFeatures[];
  organisations: OrganisationRecord[];
  part?: LocalityPart;
}

/** One locality read for a check: its index, settings, records and organisations. */
interface Scope {
  index: OverlapIndex;
  settings: OverlapSettings;
  records: Map<string, PartnershipFeatures>;
  organisations: Map<string, OrganisationRecord>;
}

/** Localities read a query: a few, so each of the background read's turns on the database is short. */
const LOCALITIES_PER_QUERY = 2;

/** The first analysis of a wide scope takes seconds: a page waits this long, then says so instead. */
const FIRST_RESULT_WAIT_MS = 1500;
/** How long a locality's page waits for a fresh analysis before showing the last one, marked as refreshing. */
const FRESH_RESULT_WAIT_MS = 1500;

/** No result yet and the first one is still being computed: ask again in a moment. */
export class StillComputingError extends Error {
  constructor(readonly localities: number) {
    super(`The overlap analysis of ${localities} localities is being computed`);
    this.name = 'StillComputingError';
  }
}

/** Officers who review overlap in a locality: the LSP manager and the gatekeeper panel. */
export function canJudgeOverlap(principal: Principal, locality: Locality): boolean {
  return canDecideLocalProposals(principal, locality);
}

/**
 * Overlap analysis of a locality's register. Results are kept with the register, judgements,
 * settings and thesaurus they were computed from; when any changes, a page gets the last result
 * at once (marked as refreshing) while the new one is computed in the background.
 */
export class OverlapService {
  private readonly repository = new OverlapRepository();
  private readonly cache = new Map<string, Entry>();
  private readonly running = new Map<string, Promise<Entry>>();
  /**
   * Each locality's register, judgements and settings stamp, and its judgements, kept until the
   * database announces a change to any of them (db/changes.ts): every pre-check and page asks.
   */
  private readonly stamps: KeptUntilChange<string, string>;
  private readonly judged: KeptUntilChange<string, OverlapJudgementRow[]>;
  /** By reading scope and locality (`wide:{rates}|id`). */
  private readonly kept = new Map<string, KeptLocality>();
  /**
   * A locality's scope as a transaction sees it, by locality and its stamp in that transaction: a
   * transaction that checks many proposals in turn (the demo seeds ten, each checked as it is
   * saved and again at submission) reads and indexes it once while it is unchanged.
   */
  private readonly inTransaction = new TransactionCache<string, Scope>();

  constructor(
    private readonly db: Db,
    private readonly register: RegisterService,
    private readonly reference: ReferenceService,
    private readonly audit: AuditService,
    private readonly thesaurus: ThesaurusSource,
    changes?: RegisterChanges,
  ) {
    this.stamps = new KeptUntilChange(changes);
    this.judged = new KeptUntilChange(changes);
  }

  async analyse(principal: Principal, gssCode: string, rates: CostRatesInput = {}): Promise<LocalityAnalysis> {
    const locality = await this.register.locality(gssCode);
    // The analysis covers proposed partnerships, which only restricted readers may see.
    if (!canReadRestricted(principal, locality)) refuse(principal, locality, 'Page');
    const entry = await this.current([locality], rates);
    return entry.result;
  }

  /**
   * The burden on each partner of a locality, heaviest first, counted as every page counts it
   * (register/burden.ts): seats and meeting hours; hours with preparation at the rates'
   * preparation per meeting; and what those hours cost at each organisation's sector rate.
   */
  async partnerBurden(principal: Principal, gssCode: string, rates: CostRatesInput = {}): Promise<PartnerBurdenCost[]> {
    const locality = await this.register.locality(gssCode);
    if (!canReadRestricted(principal, locality)) refuse(principal, locality, 'Page');
    const resolved = resolveRates(rates);
    const burden = await this.register.burden(this.db, locality.id, undefined, {
      preparationHoursPerMeeting: resolved.preparationHoursPerMeeting,
    });
    return burden.map((b) => ({
      ...b,
      yearlyCostPence: hoursCostPence(b.hoursWithPreparation, b.sector as Sector, resolved),
    }));
  }

  /**
   * A region's or the whole country's analysis, over every locality in it the principal may
   * read: a Government Office adviser sees their region, a national gatekeeper every locality.
   * It is the union of the localities' own analyses.
   */
  async readableLocalities(principal: Principal): Promise<Locality[]> {
    return (await this.register.listLocalities()).filter((l) => canReadRestricted(principal, l));
  }

  async analyseWide(principal: Principal, region?: string, rates: CostRatesInput = {}): Promise<LocalityAnalysis> {
    const readable = (await this.readableLocalities(principal)).filter((l) => !region || l.region === region);
    if (readable.length === 0) refuse(principal, undefined, 'Page');
    const entry = await this.current(readable, rates);
    return entry.result;
  }

  /** Partnerships like this one in its locality, best first; pairs judged not duplicates are left out. */
  async similarTo(
    principal: Principal,
    gssCode: string,
    partnershipId: string,
  ): Promise<{ matches: MatchExplanation[]; analysis: LocalityAnalysis } | undefined> {
    const locality = await this.register.locality(gssCode);
    if (!canReadRestricted(principal, locality)) return undefined;
    const entry = await this.current([locality], {});
    const record = entry.result.records.get(partnershipId);
    const index = entry.result.analysis.indexOf(locality.id);
    if (!record || !index) return { matches: [], analysis: entry.result };
    const settings = entry.result.analysis.settings[locality.id] ?? DEFAULT_SETTINGS;
    const dismissed = await this.dismissedPairs(this.db, locality.id);
    const matches = checkOne(record, index, { floor: settings.look, limit: 12, settings })
      .filter((m) => !dismissed.has(pairKey(m.aId, m.bId)))
      .map((m) => {
        const tier = entry.result.analysis.tierOfPair(m.aId, m.bId);
        return tier ? { ...m, tier } : m;
      });
    return { matches: matches.slice(0, 8), analysis: entry.result };
  }

  async cluster(principal: Principal, gssCode: string, clusterId: string, rates: CostRatesInput = {}) {
    const result = await this.analyse(principal, gssCode, rates);
    const cluster = result.analysis.clusters.find((c) => c.id === clusterId);
    if (!cluster) throw new NotFoundError('Group');
    const inCluster = new Set(cluster.partnershipIds);
    const pairs: MatchExplanation[] = [];
    for (let i = 0; i < cluster.partnershipIds.length; i++) {
      for (let j = i + 1; j < cluster.partnershipIds.length; j++) {
        const explained = result.analysis.explain(cluster.partnershipIds[i]!, cluster.partnershipIds[j]!);
        if (explained) pairs.push(explained);
      }
    }
    pairs.sort((x, y) => y.score - x.score);
    return {
      ...result,
      cluster,
      pairs: pairs.filter((p) => inCluster.has(p.aId) && inCluster.has(p.bId)),
      candidates: result.analysis.candidates.filter((c) => c.clusterId === clusterId),
    };
  }

  /** One pair of the locality's partnerships, explained, with the judgement on it. */
  async pair(principal: Principal, gssCode: string, aId: string, bId: string): Promise<PairReview> {
    const locality = await this.register.locality(gssCode);
    if (!canReadRestricted(principal, locality)) refuse(principal, locality, 'Pair');
    const entry = await this.current([locality], {});
    const a = entry.result.records.get(aId);
    const b = entry.result.records.get(bId);
    if (!a || !b || aId === bId) throw new NotFoundError('Pair');
    const explanation = entry.result.analysis.explain(aId, bId);
    if (!explanation) throw new NotFoundError('Pair');
    return {
      locality,
      a,
      b,
      explanation,
      judgement: await this.repository.judgement(this.db, aId, bId),
      organisations: entry.result.organisations,
      canJudge: canJudgeOverlap(principal, locality),
    };
  }

  /** Records an officer's judgement on a pair (a new one, or a change to theirs or a colleague's). */
  async judge(principal: Principal, gssCode: string, aId: string, bId: string, input: unknown) {
    const locality = await this.register.locality(gssCode);
    if (!canJudgeOverlap(principal, locality)) refuse(principal, locality, 'Pair');
    const data = parseInput(judgementInput, input);
    const review = await this.pair(principal, gssCode, aId, bId);
    const [first, second] = aId < bId ? [aId, bId] : [bId, aId];
    return this.db.transaction().execute(async (trx) => {
      const before = await this.repository.judgement(trx, first, second);
      if (before && data.version !== undefined && data.version !== before.version)
        throw new ConflictError('Someone else judged this pair since you opened it. Look again before you save.');
      const saved = await this.repository.saveJudgement(
        trx,
        {
          locality_id: locality.id,
          partnership_a: first,
          partnership_b: second,
          verdict: data.verdict,
          reason: data.reason ?? null,
          score_at_judgement: review.explanation.score,
          judged_by: principal.userId ?? null,
          judged_by_name: principal.label,
        },
        before?.version,
      );
      if (!saved) throw new ConflictError('Someone else judged this pair at the same moment. Look again.');
      const names = `${review.a.name} and ${review.b.name}`;
      await this.audit.record(trx, principal, {
        localityId: locality.id,
        action: 'judge',
        entityType: 'overlap-judgement',
        entityId: saved.id,
        partnershipId: first,
        summary:
          data.verdict === 'same'
            ? `Judged ${names} to do the same work`
            : `Judged ${names} not to be duplicates: ${data.reason}`,
        before: before ? { verdict: before.verdict, reason: before.reason } : null,
        after: { verdict: saved.verdict, reason: saved.reason },
      });
      return saved;
    });
  }

  /** Takes a judgement back: the pair is scored as the engine sees it again. */
  async withdrawJudgement(principal: Principal, gssCode: string, aId: string, bId: string, version: number) {
    const locality = await this.register.locality(gssCode);
    if (!canJudgeOverlap(principal, locality)) refuse(principal, locality, 'Pair');
    await this.db.transaction().execute(async (trx) => {
      const before = await this.repository.judgement(trx, aId, bId);
      if (!before || before.locality_id !== locality.id) throw new NotFoundError('Judgement');
      if (!(await this.repository.deleteJudgement(trx, aId, bId, version)))
        throw new ConflictError('Someone else changed this judgement since you opened it. Look again.');
      await this.audit.record(trx, principal, {
        localityId: locality.id,
        action: 'withdraw',
        entityType: 'overlap-judgement',
        entityId: before.id,
        partnershipId: before.partnership_a,
        summary: 'Withdrew a judgement on a pair of partnerships',
        before: { verdict: before.verdict, reason: before.reason },
        after: null,
      });
    });
  }

  /** Every judgement in the locality, newest first, with the partnerships' names. */
  async judgements(principal: Principal, gssCode: string) {
    const locality = await this.register.locality(gssCode);
    if (!canReadRestricted(principal, locality)) refuse(principal, locality, 'Page');
    const rows = await this.repository.judgements(this.db, locality.id);
    const names = await this.register.partnerships.names(
      this.db,
      rows.flatMap((r) => [r.partnership_a, r.partnership_b]),
    );
    return {
      locality,
      judgements: rows.map((r) => ({
        ...r,
        nameA: names.get(r.partnership_a) ?? '',
        nameB: names.get(r.partnership_b) ?? '',
      })),
    };
  }

  /** The locality's sensitivity, and what its officers' judgements suggest it should be. */
  async settings(
    principal: Principal,
    gssCode: string,
  ): Promise<{
    locality: Locality;
    settings: OverlapSettings;
    version: number | undefined;
    suggestion: SettingsSuggestion;
    canChange: boolean;
  }> {
    const locality = await this.register.locality(gssCode);
    if (!canReadRestricted(principal, locality)) refuse(principal, locality, 'Page');
    const row = (await this.repository.settings(this.db, locality.id))[0];
    const settings = resolveSettings(row ? { likely: row.likely, look: row.look } : {});
    const entry = await this.current([locality], {});
    const judgements = await this.repository.judgements(this.db, locality.id);
    const scored = judgements.flatMap((j) => {
      const explained = entry.result.analysis.explain(j.partnership_a, j.partnership_b);
      return explained ? [{ score: explained.score, same: j.verdict === 'same' }] : [];
    });
    return {
      locality,
      settings,
      version: row?.version,
      suggestion: suggestSettings(scored, settings),
      canChange: canAdministerLocality(principal, locality),
    };
  }

  /** What the locality's groups would look like with other thresholds, without saving them. */
  async previewSettings(principal: Principal, gssCode: string, input: unknown): Promise<SettingsPreview> {
    const locality = await this.register.locality(gssCode);
    if (!canAdministerLocality(principal, locality)) refuse(principal, locality, 'Page');
    const proposed = this.parseSettings(input);
    const current = (await this.settings(principal, gssCode)).settings;
    const entry = await this.current([locality], {});
    const index = entry.result.analysis.indexOf(locality.id);
    const judged = new Map(
      (await this.repository.judgements(this.db, locality.id)).map((j) => [
        pairKey(j.partnership_a, j.partnership_b),
        j.verdict,
      ]),
    );
    const floor = Math.min(current.look, proposed.look);
    const all = index ? findSimilarPairs(index, floor).pairs : [];
    const preview: SettingsPreview = {
      current,
      proposed,
      newlyLikely: [],
      noLongerLikely: [],
      newlyWorthALook: 0,
      noLongerWorthALook: 0,
      likelyNow: 0,
      likelyThen: 0,
      lookNow: 0,
      lookThen: 0,
    };
    const closest = closestMatches(all.filter((p) => judged.get(pairKey(p.aId, p.bId)) !== 'different'));
    for (const p of all) {
      const verdict = judged.get(pairKey(p.aId, p.bId));
      if (verdict) continue; // judged pairs stay as judged whatever the thresholds
      const now = tierOf(p.score, current, closest.has(pairKey(p.aId, p.bId)));
      const then = tierOf(p.score, proposed, closest.has(pairKey(p.aId, p.bId)));
      if (now === 'likely') preview.likelyNow++;
      if (then === 'likely') preview.likelyThen++;
      if (now === 'look') preview.lookNow++;
      if (then === 'look') preview.lookThen++;
      const brief = { aId: p.aId, bId: p.bId, score: p.score };
      if (then === 'likely' && now !== 'likely') preview.newlyLikely.push(brief);
      if (now === 'likely' && then !== 'likely') preview.noLongerLikely.push(brief);
      if (then === 'look' && now === null) preview.newlyWorthALook++;
      if (now === 'look' && then === null) preview.noLongerWorthALook++;
    }
    return preview;
  }

  async saveSettings(principal: Principal, gssCode: string, input: unknown): Promise<OverlapSettings> {
    const locality = await this.register.locality(gssCode);
    if (!canAdministerLocality(principal, locality)) refuse(principal, locality, 'Page');
    const proposed = this.parseSettings(input);
    const version = parseInput(settingsInput, input).version;
    await this.db.transaction().execute(async (trx) => {
      const before = (await this.repository.settings(trx, locality.id))[0];
      const saved = await this.repository.saveSettings(
        trx,
        { locality_id: locality.id, likely: proposed.likely, look: proposed.look, updated_by_name: principal.label },
        before ? (version ?? before.version) : undefined,
      );
      if (!saved) throw new ConflictError('Someone else changed the sensitivity since you opened it. Look again.');
      await this.audit.record(trx, principal, {
        localityId: locality.id,
        action: 'update',
        entityType: 'overlap-settings',
        entityId: locality.id,
        summary: `Set overlap sensitivity: likely the same work from ${Math.round(proposed.likely * 100)}%, worth a look from ${Math.round(proposed.look * 100)}%`,
        before: before ? { likely: before.likely, look: before.look } : DEFAULT_SETTINGS,
        after: proposed,
      });
    });
    return proposed;
  }

  private parseSettings(input: unknown): OverlapSettings {
    const data = parseInput(settingsInput, input);
    try {
      return resolveSettings({ likely: data.likely / 100, look: data.look / 100 });
    } catch (error) {
      throw ValidationError.of('look', (error as Error).message);
    }
  }

  /**
   * Scores a proposed partnership against the open partnerships of its locality and, unless
   * told not to, of every other locality (informative there: elsewhere is not duplication). The
   * locality is read through the caller's transaction when there is one; the national check then
   * is skipped, as the kept national analysis reads outside it.
   */
  async checkProposal(
    locality: Locality,
    proposal: ProposedPartnership & { memberIdentifiers?: string[] },
    options: { trx?: Db; national?: boolean } = {},
  ): Promise<ProposalCheck> {
    const candidate = proposalFeatures(proposal);
    const local = options.trx ? await this.transactionScope(options.trx, locality) : await this.residentScope(locality);
    const nameOf = (organisations: Map<string, OrganisationRecord>) => (id: string) =>
      organisations.get(id)?.name ?? id;
    const check: ProposalCheck = {
      local: matchProposal(candidate, local.index, {
        records: local.records,
        organisationName: nameOf(local.organisations),
        settings: local.settings,
        dismissed: await this.dismissedPairs(options.trx ?? this.db, locality.id),
      }),
      national: [],
      nationalPending: false,
      nationalChecked: false,
      runningCost: proposalRunningCost(proposal, local.organisations),
    };
    if (options.trx) return check;
    await this.addExistingGroups(locality, check.local);
    if (options.national === false) return check;
    try {
      const wide = await this.current(await this.register.listLocalities(), {});
      // Localities whose part was kept by another process have no index yet: built in slices.
      if (
        !(await within(
          wide.result.analysis.ensureIndexes().then(() => true),
          FIRST_RESULT_WAIT_MS,
        ))
      )
        throw new StillComputingError(wide.result.localities.length);
      const names = new Map(wide.result.localities.map((l) => [l.id, l.name]));
      const others = wide.result.localities.flatMap((other) => {
        const index = other.id === locality.id ? undefined : wide.result.analysis.indexOf(other.id);
        return index ? [{ index, settings: wide.result.analysis.settings[other.id] ?? DEFAULT_SETTINGS }] : [];
      });
      check.national = matchElsewhere({ ...candidate, memberOrganisationIds: [] }, others, {
        records: wide.result.records,
        organisationName: nameOf(wide.result.organisations),
        reader: new TextReader(),
      }).map((m) => ({ ...m, localityName: names.get(m.localityId) ?? '' }));
      check.nationalChecked = true;
    } catch (error) {
      if (!(error instanceof StillComputingError)) throw error;
      check.nationalPending = true;
    }
    return check;
  }

  /** The locality's pairs its officers judged not a duplicate, by pairKey. */
  private async dismissedPairs(db: Db, localityId: string): Promise<Set<string>> {
    const judgements =
      db === this.db
        ? await this.judged.get(localityId, () => this.repository.judgements(db, localityId))
        : await this.repository.judgements(db, localityId);
    return new Set(
      judgements.filter((j) => j.verdict === 'different').map((j) => pairKey(j.partnership_a, j.partnership_b)),
    );
  }

  /** For each match, the partnerships its locality's analysis already finds likely doing the same work. */
  private async addExistingGroups(locality: Locality, matches: ProposalMatch[]): Promise<void> {
    if (matches.length === 0) return;
    const { result } = await this.current([locality], {});
    const partners = new Map<string, string[]>();
    for (const pair of result.analysis.pairs) {
      if (pair.tier !== 'likely') continue;
      for (const [one, other] of [
        [pair.aId, pair.bId],
        [pair.bId, pair.aId],
      ] as const)
        partners.set(one, [...(partners.get(one) ?? []), result.records.get(other)?.name ?? other]);
    }
    for (const m of matches) m.alsoLikelyWith = (partners.get(m.partnershipId) ?? []).sort();
  }

  private async contextFor(
    db: Db,
    localities: Locality[],
    organisations: readonly OrganisationRecord[],
  ): Promise<{ contextFor: (id: string) => ReadingContext; version: string }> {
    const { thesaurus, version } = await this.thesaurus.current(db);
    const indicatorTitles = await this.repository.indicatorTitles(db);
    const byId = new Map(localities.map((l) => [l.id, l]));
    const organisationNames = new Map<string, string[]>();
    for (const o of organisations)
      if (o.localityId) organisationNames.set(o.localityId, [...(organisationNames.get(o.localityId) ?? []), o.name]);
    const stopWords = (id: string) =>
      new Set([
        ...placeWords(byId.get(id)?.name ?? ''),
        ...organisationPlaceWords(organisationNames.get(id) ?? [], thesaurus),
      ]);
    return {
      version,
      contextFor: (id) => ({ thesaurus, indicatorTitles, stopWords: stopWords(id) }),
    };
  }

  private async settingsByLocality(db: Db, ids: string[]) {
    return new Map(
      (await this.repository.settings(db, ids)).map((s) => [s.locality_id, { likely: s.likely, look: s.look }]),
    );
  }

  /**
   * The locality's index as its kept analysis holds it, when that is of the register as it is
   * now; else read fresh (tens of milliseconds). Never a result still refreshing: the proposer
   * must explain exactly what the gatekeeper will see at submission.
   */
  private async residentScope(locality: Locality) {
    const { result } = await this.current([locality], {});
    const index = result.analysis.indexOf(locality.id);
    if (result.refreshing || !index) return this.uncachedScope(this.db, locality);
    return {
      index,
      settings: result.analysis.settings[locality.id] ?? DEFAULT_SETTINGS,
      records: result.records,
      organisations: result.organisations,
    };
  }

  /** Outside a real transaction (a caller asking to read afresh) nothing is kept. */
  private async transactionScope(trx: Db, locality: Locality): Promise<Scope> {
    if (!trx.isTransaction) return this.uncachedScope(trx, locality);
    const register = (await this.repository.localityStamps(trx, [locality.id])).get(locality.id);
    const stamp = `${locality.id}/${register}/${(await this.thesaurus.current(trx)).version}`;
    return this.inTransaction.get(trx, stamp, () => this.uncachedScope(trx, locality));
  }

  private async uncachedScope(db: Db, locality: Locality): Promise<Scope> {
    const snapshot = await this.reference.snapshot(db);
    const records = await this.repository.features(db, locality.id, (form) => hasSeparateLegalStatus(snapshot, form));
    const organisations = await this.repository.organisations(db, locality.id);
    const { contextFor } = await this.contextFor(db, [locality], organisations);
    const settings = resolveSettings((await this.settingsByLocality(db, [locality.id])).get(locality.id));
    const index: OverlapIndex = buildIndex(records, contextFor(locality.id));
    return {
      index,
      settings,
      records: new Map(records.map((r) => [r.id, r])),
      organisations: new Map(organisations.map((o) => [o.id, o])),
    };
  }

  private async current(localities: Locality[], rates: CostRatesInput): Promise<Entry> {
    const ids = localities.map((l) => l.id).sort();
    const key = `${ids.join(',')}:${JSON.stringify(rates)}`;
    const versions = await this.localityVersions(ids);
    const version = ids.map((id) => versions.get(id)).join(',');
    const cached = this.cache.get(key);
    if (cached && cached.version === version) return { ...cached, result: { ...cached.result, refreshing: false } };
    const pending = this.running.get(key) ?? this.compute(localities, rates, versions, version, key);
    if (cached) {
      // A locality's analysis takes tens of milliseconds: wait for it, so an officer sees the
      // effect of a judgement at once. A wide scope shows the last result now, marked as
      // refreshing; the fresh one replaces it when ready.
      pending.catch(() => undefined);
      const fresh = localities.length === 1 ? await within(pending, FRESH_RESULT_WAIT_MS) : undefined;
      return fresh ?? { ...cached, result: { ...cached.result, refreshing: true } };
    }
    // One locality is quick (the first time includes reading the thesaurus): wait for it.
    return localities.length === 1 ? pending : firstResult(pending, localities.length);
  }

  /** Each locality's version: its register, judgements and settings, the thesaurus's edition and the engine's code. */
  private async localityVersions(ids: string[]): Promise<Map<string, string>> {
    const thesaurus = (await this.thesaurus.current()).version;
    const stamps = await this.stamps.getMany(ids, (missing) => this.repository.localityStamps(this.db, missing));
    return new Map(ids.map((id) => [id, `${stamps.get(id) ?? ''}/${thesaurus}/${engineFingerprint()}`]));
  }

  /**
   * Analyses the scope, reusing each locality's part whose version has not changed: from this
   * process's last analysis (records and all), or kept in the database by an earlier process or
   * another one. So a change to one partnership re-reads and re-scores its locality only.
   */
  private compute(
    localities: Locality[],
    rates: CostRatesInput,
    versions: Map<string, string>,
    version: string,
    key: string,
  ): Promise<Entry> {
    const work = (async () => {
      const ids = localities.map((l) => l.id);
      const wide = localities.length > 1;
      const scope = `${wide ? 'wide' : 'locality'}:${JSON.stringify(rates)}`;
      const keptOf = (id: string) => {
        const kept = this.kept.get(`${scope}|${id}`);
        return kept && kept.version === versions.get(id) ? kept : undefined;
      };
      await this.readStale(
        ids.filter((id) => !keptOf(id)),
        scope,
        wide,
        versions,
      );
      // Taken together, with no wait between: another scope's analysis may read a newer version
      // of a locality later, and each part must go with the records it was computed from.
      const kept = new Map(ids.map((id) => [id, this.kept.get(`${scope}|${id}`)!]));
      const stored = new Map<string, LocalityPart>();
      const unscored = ids.filter((id) => !kept.get(id)!.part);
      for (const row of await this.repository.keptParts(this.db, unscored, scope))
        if (row.version === kept.get(row.localityId)?.version) stored.set(row.localityId, row.part as LocalityPart);
      const records = ids.flatMap((id) => kept.get(id)!.records);
      const byLocality = ids.map((id) => kept.get(id)!.organisations);
      const organisations = mergeOrganisations(byLocality);
      const judgements: PairJudgement[] = (await this.repository.judgements(this.db, ids)).map((j) => ({
        aId: j.partnership_a,
        bId: j.partnership_b,
        verdict: j.verdict,
      }));
      const { contextFor } = await this.contextFor(this.db, localities, byLocality.flat());
      const computed: LocalityPart[] = [];
      const analysis = await analyseScopeInSlices(records, organisations, {
        rates,
        perLocality: wide,
        settingsByLocality: await this.settingsByLocality(this.db, ids),
        contextFor,
        judgements: wide ? judgementsById(judgements, records) : judgements,
        reusePart: (id) => {
          const locality = kept.get(id)!;
          locality.part ??= stored.get(id);
          return locality.part;
        },
        onPart: (part) => {
          kept.get(part.localityId)!.part = part;
          computed.push(part);
        },
      });
      await this.repository.keepParts(
        this.db,
        scope,
        computed.map((part) => ({ localityId: part.localityId, version: kept.get(part.localityId)!.version, part })),
      );
      const entry: Entry = {
        version,
        result: {
          locality: localities[0] as Locality,
          localities,
          analysis,
          records: new Map(records.map((r) => [r.id, r])),
          organisations: new Map(organisations.map((o) => [o.id, o])),
          refreshing: false,
        },
      };
      this.cache.set(key, entry);
      return entry;
    })();
    this.running.set(key, work);
    const forget = () => {
      if (this.running.get(key) === work) this.running.delete(key);
    };
    work.then(forget, forget);
    return work;
  }

  /** Reads these localities' open partnerships and organisations, keeping them with their version. */
  private async readStale(ids: string[], scope: string, wide: boolean, versions: Map<string, string>) {
    if (ids.length === 0) return;
    const snapshot = await this.reference.snapshot(this.db);
    // A few localities per query, letting other requests in between: on PGlite a query runs
    // on the main thread, so one query over the whole country would stall the server.
    for (let start = 0; start < ids.length; start += LOCALITIES_PER_QUERY) {
      const batch = ids.slice(start, start + LOCALITIES_PER_QUERY);
      const records = await this.repository.features(
        this.db,
        batch,
        (form) => hasSeparateLegalStatus(snapshot, form),
        wide,
      );
      const organisations = await this.repository.organisationsByLocality(this.db, batch, wide);
      for (const id of batch)
        this.kept.set(`${scope}|${id}`, {
          version: versions.get(id)!,
          records: records.filter((r) => r.localityId === id),
          organisations: organisations.get(id) ?? [],
        });
      await giveWay();
    }
  }
}

/** Judgements are by partnership id, which the wide scope keeps: only those on records in scope matter. */
function judgementsById(judgements: PairJudgement[], records: readonly PartnershipFeatures[]): PairJudgement[] {
  const ids = new Set(records.map((r) => r.id));
  return judgements.filter((j) => ids.has(j.aId) && ids.has(j.bId));
}

/** The result if it comes within `ms`, else undefined (the work goes on). */
async function within<T>(pending: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([pending, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** The first result if it comes quickly; otherwise StillComputingError, with the work going on. */
async function firstResult(pending: Promise<Entry>, localities: number): Promise<Entry> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StillComputingError(localities)), FIRST_RESULT_WAIT_MS);
  });
  try {
    return await Promise.race([pending, late]);
  } finally {
    clearTimeout(timer);
  }
}

export { DEFAULT_COST_RATES, explainPair };
