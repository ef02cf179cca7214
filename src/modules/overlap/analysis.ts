/**
 * The whole overlap analysis of a scope (a locality, a region, the country), in one call:
 * index → similar pairs → explanations → clusters → rationalisation candidates → metrics.
 * Pure: the caller reads the register into `PartnershipFeatures` (usually the open ones:
 * proposed and active) and stores or shows the result with its `computedAt`.
 */
import { clusterCandidates } from './candidates.js';
import type { CandidateContext } from './candidates.js';
import { clusterPairs } from './clusters.js';
import { resolveRates } from './costs.js';
import type { CostRatesInput } from './costs.js';
import { DEFAULT_MEMBER_FLOOR, buildIndex, explainPair, findSimilarPairs } from './engine.js';
import type { FindOptions, OverlapIndex, PairSearchStats } from './engine.js';
import { metricsWithLocalities } from './metrics.js';
import type { ScopeMetrics } from './metrics.js';
import { DEFAULT_THRESHOLD, resolveWeights } from './scoring.js';
import type {
  Cluster,
  MatchExplanation,
  OrganisationRecord,
  PartnershipFeatures,
  RationalisationCandidate,
  ScoreWeights,
  SimilarPair,
} from './types.js';

export interface AnalysisOptions extends FindOptions {
  rates?: CostRatesInput;
  /** Also compute metrics for each locality in the scope (default true). */
  perLocality?: boolean;
  /** Clock for `computedAt` (tests pass a fixed one). */
  now?: () => Date;
}

export interface OverlapAnalysis {
  computedAt: string;
  settings: { weights: ScoreWeights; threshold: number; memberFloor: number };
  /** Every pair at or above the threshold, explained, best first. */
  pairs: MatchExplanation[];
  /** Ranked by likely yearly saving, largest first. */
  clusters: Cluster[];
  candidates: RationalisationCandidate[];
  metrics: ScopeMetrics;
  localityMetrics: Record<string, ScopeMetrics>;
  stats: PairSearchStats & { timings: Record<'index' | 'pairs' | 'explain' | 'clusters' | 'metrics', number> };
}

function timed<T>(timings: Record<string, number>, name: string, work: () => T): T {
  const started = performance.now();
  const result = work();
  timings[name] = performance.now() - started;
  return result;
}

function lspFinder(records: readonly PartnershipFeatures[]): CandidateContext['lspOf'] {
  const lsps = new Map<string, PartnershipFeatures>();
  for (const r of records) if (r.isLsp && !lsps.has(r.localityId)) lsps.set(r.localityId, r);
  return (localityId) => lsps.get(localityId);
}

/** Clusters with their candidates, ranked by the yearly saving their recommended candidates add up to. */
function rankedClusters(
  index: OverlapIndex,
  found: readonly SimilarPair[],
  settings: { weights: ScoreWeights; threshold: number },
  ctx: CandidateContext,
) {
  const clusters: Cluster[] = [];
  const candidates: RationalisationCandidate[] = [];
  for (const c of clusterPairs(index, found, settings)) {
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
  clusters.sort((a, b) => b.likelySavingPence - a.likelySavingPence || (a.id < b.id ? -1 : 1));
  return { clusters, candidates };
}

function metricsFor(
  records: readonly PartnershipFeatures[],
  organisations: ReadonlyMap<string, OrganisationRecord>,
  clusters: readonly Cluster[],
  options: AnalysisOptions,
) {
  const clustered = new Set(clusters.flatMap((c) => c.partnershipIds));
  const { scope, localities } = metricsWithLocalities(
    records,
    organisations,
    clustered,
    resolveRates(options.rates),
    options.perLocality ?? true,
  );
  return { metrics: scope, localityMetrics: localities };
}

export function analyseScope(
  records: readonly PartnershipFeatures[],
  organisations: readonly OrganisationRecord[],
  options: AnalysisOptions = {},
): OverlapAnalysis {
  const timings = { index: 0, pairs: 0, explain: 0, clusters: 0, metrics: 0 };
  const weights = resolveWeights(options.weights);
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const orgs = new Map(organisations.map((o) => [o.id, o]));
  const index = timed(timings, 'index', () => buildIndex(records));
  const search = timed(timings, 'pairs', () => findSimilarPairs(index, options));
  const pairs = timed(timings, 'explain', () => search.pairs.map((p) => explainPair(index, p.aId, p.bId, weights)));
  const ctx: CandidateContext = {
    sectorOf: (id) => orgs.get(id)?.sector,
    rates: resolveRates(options.rates),
    lspOf: lspFinder(records),
  };
  const { clusters, candidates } = timed(timings, 'clusters', () =>
    rankedClusters(index, search.pairs, { weights, threshold }, ctx),
  );
  const { metrics, localityMetrics } = timed(timings, 'metrics', () => metricsFor(records, orgs, clusters, options));
  return {
    computedAt: (options.now?.() ?? new Date()).toISOString(),
    settings: { weights, threshold, memberFloor: options.memberFloor ?? DEFAULT_MEMBER_FLOOR },
    pairs,
    clusters,
    candidates,
    metrics,
    localityMetrics,
    stats: { ...search.stats, timings },
  };
}
