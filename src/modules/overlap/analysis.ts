/**
 * The whole overlap analysis of a scope, in one call: per locality, index → pairs at least worth
 * a look → officers' judgements applied → groups of partnerships likely doing the same work →
 * rationalisation candidates; then metrics over the whole scope. Pure: the caller reads the
 * register into `PartnershipFeatures` (usually the open ones: proposed and active).
 *
 * Duplication happens within a locality: the same work done twice for the same people. Two
 * districts each having a community safety partnership is the pattern working, not duplication,
 * so a regional or national scope is the union of its localities' analyses (each with the
 * weights of its own register), never a comparison across them.
 *
 * Explanations are not computed here: a scope can hold thousands of pairs and a person reads a
 * few. `explain()` gives any pair's full explanation from the kept indexes.
 */
import { clusterCandidates } from './candidates.js';
import type { CandidateContext } from './candidates.js';
import { clusterPairs } from './clusters.js';
import { resolveRates } from './costs.js';
import type { CostRatesInput } from './costs.js';
import { buildIndex, explainPair, similarPairSteps, byScoreThenIds } from './engine.js';
import type { OverlapIndex } from './engine.js';
import { readScopeSteps, TextReader, type ReadingContext } from './features.js';
import { inSlices, runToEnd } from './steps.js';
export { SLICE_MS } from './steps.js';
import { metricsWithLocalities } from './metrics.js';
import type { ScopeMetrics } from './metrics.js';
import {
  closestMatches,
  pairKey,
  resolveSettings,
  scorePositions,
  tierOf,
  type OverlapSettings,
  type Tier,
} from './scoring.js';
import type {
  Cluster,
  MatchExplanation,
  OrganisationRecord,
  PartnershipFeatures,
  RationalisationCandidate,
  SimilarPair,
} from './types.js';

/** An officer's judgement on a pair: the same work, or not a duplicate. */
export interface PairJudgement {
  aId: string;
  bId: string;
  verdict: 'same' | 'different';
}

/** A pair the analysis reports: its tier, and the judgement on it if there is one. */
export interface FlaggedPair extends SimilarPair {
  tier: Tier;
  judgement?: 'same';
}

export interface AnalysisOptions {
  /** Thresholds per locality (by locality id); `settings` for any locality not listed. */
  settings?: Partial<OverlapSettings>;
  settingsByLocality?: ReadonlyMap<string, Partial<OverlapSettings>>;
  /** What the engine reads text with, per locality (the thesaurus, indicator titles, place words). */
  contextFor?: (localityId: string) => ReadingContext;
  judgements?: readonly PairJudgement[];
  rates?: CostRatesInput;
  /** Also compute metrics for each locality in the scope (default true). */
  perLocality?: boolean;
  /** Clock for `computedAt` (tests pass a fixed one). */
  now?: () => Date;
  /**
   * A locality's part kept from an earlier analysis of the same register, judgements, settings,
   * rates and thesaurus: used as it is, so a change in one locality re-scores that locality only.
   */
  reusePart?: (localityId: string) => LocalityPart | undefined;
  /** Told of each part computed afresh, to be kept for the next analysis. */
  onPart?: (part: LocalityPart) => void;
}

/**
 * One locality's part of an analysis. A scope's result is the union of its localities' parts
 * (duplication is within a locality), so a part is computed, kept and reused on its own.
 */
export interface LocalityPart {
  localityId: string;
  settings: OverlapSettings;
  pairs: FlaggedPair[];
  clusters: Cluster[];
  candidates: RationalisationCandidate[];
  scored: number;
  dismissed: number;
}

export interface OverlapAnalysis {
  computedAt: string;
  /** The settings of each locality analysed. */
  settings: Record<string, OverlapSettings>;
  /** Pairs at least worth a look, best first; dismissed ones left out, confirmed ones kept. */
  pairs: FlaggedPair[];
  /** Groups of partnerships likely doing the same work, ranked by likely yearly saving. */
  clusters: Cluster[];
  candidates: RationalisationCandidate[];
  metrics: ScopeMetrics;
  localityMetrics: Record<string, ScopeMetrics>;
  /** Pairs dismissed by an officer that would otherwise have been flagged. */
  dismissed: number;
  stats: {
    pairsScored: number;
    /** Localities scored in this analysis, and those whose kept part was used as it was. */
    localitiesScored: number;
    localitiesReused: number;
    timings: Record<'index' | 'pairs' | 'clusters' | 'metrics', number>;
  };
  /** The full explanation of a pair in the scope (same locality), or undefined. */
  explain(aId: string, bId: string): MatchExplanation | undefined;
  /** A pair's tier among the flagged pairs, if it is one of them. */
  tierOfPair(aId: string, bId: string): Tier | undefined;
  /** The index of a locality in the scope, for checks against it. */
  indexOf(localityId: string): OverlapIndex | undefined;
  /**
   * Builds, in slices, the index of every locality whose part was kept rather than computed
   * (a kept part has none): before checking a proposal against every locality at once.
   */
  ensureIndexes(): Promise<void>;
}

function timed<T>(timings: Record<string, number>, name: string, work: () => T): T {
  const started = performance.now();
  const result = work();
  timings[name] = (timings[name] ?? 0) + performance.now() - started;
  return result;
}

/** Like timed, for a stepwise computation: only the time spent in its steps counts. */
function* timedSteps<T>(timings: Record<string, number>, name: string, steps: Generator<void, T>): Generator<void, T> {
  for (;;) {
    const started = performance.now();
    const step = steps.next();
    timings[name] = (timings[name] ?? 0) + performance.now() - started;
    if (step.done) return step.value;
    yield;
  }
}

function lspFinder(records: readonly PartnershipFeatures[]): CandidateContext['lspOf'] {
  const lsps = new Map<string, PartnershipFeatures>();
  for (const r of records) if (r.isLsp && !lsps.has(r.localityId)) lsps.set(r.localityId, r);
  return (localityId) => lsps.get(localityId);
}

export { pairKey };

function byLocality(records: readonly PartnershipFeatures[]): Map<string, PartnershipFeatures[]> {
  const groups = new Map<string, PartnershipFeatures[]>();
  for (const r of records) {
    let list = groups.get(r.localityId);
    if (!list) groups.set(r.localityId, (list = []));
    list.push(r);
  }
  return groups;
}

/** Pairs at least worth a look in one locality, with judgements applied. */
function* flagPairSteps(
  index: OverlapIndex,
  settings: OverlapSettings,
  judged: ReadonlyMap<string, PairJudgement['verdict']>,
): Generator<void, { pairs: FlaggedPair[]; scored: number; dismissed: number }> {
  const search = yield* similarPairSteps(index, settings.look);
  const pairs: FlaggedPair[] = [];
  let dismissed = 0;
  const seen = new Set<string>();
  // A pair judged not a duplicate is no one's closest match.
  const closest = closestMatches(search.pairs.filter((p) => judged.get(pairKey(p.aId, p.bId)) !== 'different'));
  for (const pair of search.pairs) {
    const key = pairKey(pair.aId, pair.bId);
    seen.add(key);
    const verdict = judged.get(key);
    if (verdict === 'different') dismissed++;
    else
      pairs.push({
        ...pair,
        tier: verdict === 'same' ? 'likely' : tierOf(pair.score, settings, closest.has(key))!,
        ...(verdict === 'same' ? { judgement: 'same' as const } : {}),
      });
  }
  // A pair confirmed as the same work stays flagged whatever its score now.
  for (const [key, verdict] of judged) {
    if (verdict !== 'same' || seen.has(key)) continue;
    const [aId, bId] = key.split('|') as [string, string];
    const p = index.positionOf.get(aId);
    const q = index.positionOf.get(bId);
    if (p === undefined || q === undefined) continue;
    pairs.push({ aId, bId, ...scorePositions(index, p, q), tier: 'likely', judgement: 'same' });
  }
  return { pairs: pairs.sort(byScoreThenIds), scored: search.stats.pairsScored, dismissed };
}

/** The analysis of a scope, all at once: for tests, benches and one locality. */
export function analyseScope(
  records: readonly PartnershipFeatures[],
  organisations: readonly OrganisationRecord[],
  options: AnalysisOptions = {},
): OverlapAnalysis {
  return runToEnd(analysisSteps(records, organisations, options));
}

/**
 * The same analysis in slices of about SLICE_MS, letting requests in between: a national scope
 * takes seconds, and a server must keep answering while it runs.
 */
export function analyseScopeInSlices(
  records: readonly PartnershipFeatures[],
  organisations: readonly OrganisationRecord[],
  options: AnalysisOptions = {},
): Promise<OverlapAnalysis> {
  return inSlices(analysisSteps(records, organisations, options));
}

/** The analysis, pausing after each locality (a national scope is many small ones). */
function* analysisSteps(
  records: readonly PartnershipFeatures[],
  organisations: readonly OrganisationRecord[],
  options: AnalysisOptions,
): Generator<void, OverlapAnalysis> {
  const timings = { index: 0, pairs: 0, clusters: 0, metrics: 0 };
  const orgs = new Map(organisations.map((o) => [o.id, o]));
  const judged = new Map((options.judgements ?? []).map((j) => [pairKey(j.aId, j.bId), j.verdict]));
  const ctx: CandidateContext = {
    sectorOf: (id) => orgs.get(id)?.sector,
    rates: resolveRates(options.rates),
    lspOf: lspFinder(records),
  };
  const localities = byLocality(records);
  const indexes = new Map<string, OverlapIndex>();
  const parts: LocalityPart[] = [];
  let scored = 0;
  let reused = 0;
  // Registers repeat names and boilerplate purposes from one locality to the next: read each once.
  const reader = new TextReader();
  const contextOf = (localityId: string) => options.contextFor?.(localityId) ?? {};
  for (const [localityId, local] of localities) {
    const kept = options.reusePart?.(localityId);
    if (kept) {
      parts.push(kept);
      reused++;
      continue;
    }
    const settings = resolveSettings({ ...options.settings, ...options.settingsByLocality?.get(localityId) });
    const context = contextOf(localityId);
    const reading = yield* timedSteps(timings, 'index', readScopeSteps(local, context, reader));
    const index = timed(timings, 'index', () => buildIndex(local, context, reading));
    indexes.set(localityId, index);
    const found = yield* timedSteps(timings, 'pairs', flagPairSteps(index, settings, judged));
    const part = timed(timings, 'clusters', () => localityPart(localityId, index, settings, found, judged, ctx));
    parts.push(part);
    scored += found.scored;
    options.onPart?.(part);
    yield;
  }
  const pairs = parts.flatMap((p) => p.pairs).sort(byScoreThenIds);
  const clusters = parts
    .flatMap((p) => p.clusters)
    .sort((a, b) => b.likelySavingPence - a.likelySavingPence || (a.id < b.id ? -1 : 1));
  const { metrics, localityMetrics } = timed(timings, 'metrics', () => {
    const clustered = new Set(clusters.flatMap((c) => c.partnershipIds));
    const result = metricsWithLocalities(
      records,
      orgs,
      clustered,
      resolveRates(options.rates),
      options.perLocality ?? true,
    );
    return { metrics: result.scope, localityMetrics: result.localities };
  });
  const localityOf = new Map(records.map((r) => [r.id, r.localityId]));
  const settingsOf = Object.fromEntries(parts.map((p) => [p.localityId, p.settings]));
  // A kept part comes without its index: it is built the first time a page asks for it.
  const indexOf = (localityId: string) => {
    let index = indexes.get(localityId);
    const local = localities.get(localityId);
    if (!index && local) {
      index = buildIndex(local, contextOf(localityId), runToEnd(readScopeSteps(local, contextOf(localityId), reader)));
      indexes.set(localityId, index);
    }
    return index;
  };
  function* buildMissingIndexes(): Generator<void, void> {
    for (const [localityId, local] of localities) {
      if (indexes.has(localityId)) continue;
      const context = contextOf(localityId);
      const reading = yield* readScopeSteps(local, context, reader);
      indexes.set(localityId, buildIndex(local, context, reading));
      yield;
    }
  }
  let indexesBuilt: Promise<void> | undefined;
  let flagged: Map<string, Tier> | undefined;
  const tierOfPair = (aId: string, bId: string) =>
    (flagged ??= new Map(pairs.map((p) => [pairKey(p.aId, p.bId), p.tier]))).get(pairKey(aId, bId));
  return {
    computedAt: (options.now?.() ?? new Date()).toISOString(),
    settings: settingsOf,
    pairs,
    clusters,
    candidates: parts.flatMap((p) => p.candidates),
    metrics,
    localityMetrics,
    dismissed: parts.reduce((sum, p) => sum + p.dismissed, 0),
    stats: {
      pairsScored: scored,
      localitiesScored: parts.length - reused,
      localitiesReused: reused,
      timings,
    },
    explain(aId, bId) {
      const localityId = localityOf.get(aId);
      if (!localityId || localityOf.get(bId) !== localityId) return undefined;
      const explanation = explainPair(indexOf(localityId)!, aId, bId, settingsOf[localityId]!);
      const tier = tierOfPair(aId, bId);
      return tier ? { ...explanation, tier } : explanation;
    },
    tierOfPair,
    indexOf,
    ensureIndexes: () => (indexesBuilt ??= inSlices(buildMissingIndexes())),
  };
}

/** A locality's flagged pairs, grouped, with the rationalisation candidates of each group. */
function localityPart(
  localityId: string,
  index: OverlapIndex,
  settings: OverlapSettings,
  found: { pairs: FlaggedPair[]; scored: number; dismissed: number },
  judged: ReadonlyMap<string, PairJudgement['verdict']>,
  ctx: CandidateContext,
): LocalityPart {
  const clusters: Cluster[] = [];
  const candidates: RationalisationCandidate[] = [];
  const likely = found.pairs.filter((p) => p.tier === 'likely');
  // Closest matches under the threshold are likely the same work too: they pair up as a group.
  const closest = new Set(likely.filter((p) => p.score < settings.likely).map((p) => pairKey(p.aId, p.bId)));
  for (const c of clusterPairs(index, likely, settings.likely, judged, closest)) {
    const members = c.positions.map((p) => index.records[p]!);
    const id = `cluster-${members.map((m) => m.id).sort()[0]!}`;
    const result = clusterCandidates(id, members, ctx);
    clusters.push({
      id,
      partnershipIds: members.map((m) => m.id),
      keeperId: result.keeper.id,
      cohesion: c.cohesion,
      likelySavingPence: result.likelySavingPence,
    });
    candidates.push(...result.candidates);
  }
  return {
    localityId,
    settings,
    pairs: found.pairs,
    clusters,
    candidates,
    scored: found.scored,
    dismissed: found.dismissed,
  };
}
