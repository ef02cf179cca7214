/**
 * Whole-scope overlap detection without an all-pairs pass, checking one proposal against a
 * national index, and the exact all-pairs pass kept only to measure the fast one against.
 *
 * Why candidate generation can be exact. With the default weights (members 0.4, text 0.4,
 * themes 0.1, areas 0.1) and threshold 0.55, a pair that shares less than 15% of its members
 * (member Jaccard M < 0.15) can only reach the threshold if its text similarity T is at least
 * (0.55 − 0.1 − 0.1 − 0.4 × 0.15) / 0.4 = 0.725. So every pair above the threshold has
 * M ≥ 0.15 or T ≥ 0.725 (`candidateBounds` works this out for any weights and threshold), and:
 *
 *  1. members: an inverted index from organisation to partnerships counts, for each
 *     partnership, how many members it shares with every later one; pairs with M ≥ 0.15 are
 *     scored. Exact; cost is the sum over organisations of (boards it sits on)², about 25M
 *     steps nationally, where a county council or a regional body sits on hundreds of boards.
 *  2. text: a prefix filter over IDF-weighted shingles (AllPairs/PPJoin, Bayardo et al. 2007;
 *     Xiao et al. 2008). Shingles are ordered rarest first; a partnership's prefix is its rarest
 *     shingles up to the point where what is left weighs less than 0.725 of its total. Two
 *     records with T ≥ 0.725 must share a prefix shingle (if they did not, everything they
 *     share would lie in one record's remainder, which weighs < 0.725 of it), so only pairs
 *     sharing a prefix shingle are scored. Exact, and the prefixes hold the rare words, so
 *     the lists are short. MinHash + LSH banding (minhash.ts) is kept as an alternative; on the
 *     measured national set the prefix filter was faster and misses nothing (see the bench).
 *  3. partnerships with no members recorded (proposals, mostly) cannot use step 1: each is
 *     checked against its rare shingles' full posting lists, with the lower text bar that
 *     applies when members are left out of the score. (Likewise, the rare partnership whose
 *     name and purpose are all stop words is checked on members alone, if its bar is lower.)
 *
 * If the weights let themes and areas alone reach the threshold, no blocking is safe and the
 * search falls back to scoring every pair (reported in the stats).
 *
 * Candidates are then scored exactly (features.ts) and kept at or above the threshold.
 */
import {
  buildIndex,
  columnJaccard,
  scoreIfAbove,
  scorePositions,
  setSize,
  termOrdinal,
  termWeightIn,
} from './features.js';
import type { OverlapIndex, PairScore } from './features.js';
import { minhashCandidates } from './minhash.js';
import type { MinHashOptions } from './minhash.js';
import { DEFAULT_THRESHOLD, NOT_COMPARED, combine, explainMatch, resolveWeights } from './scoring.js';
import { shingles } from './text.js';
import type { MatchExplanation, PartnershipFeatures, ScoreWeights, SimilarPair } from './types.js';

export { buildIndex };
export type { OverlapIndex };

/**
 * Default member floor: pairs sharing at least this member Jaccard come from the organisation
 * index, the rest must clear the text bar. Measured at 50k (bench --tune, best of 3): floor
 * 0.1 → 0.93 s, 0.15 → 0.79 s, 0.2 → 0.85 s, 0.25 → 0.94 s, 0.3 → 1.23 s, the same pairs each
 * time. Lower floors score many weakly linked pairs from the organisation index; higher ones
 * lower the text bar, so prefixes lengthen and text candidates multiply.
 */
export const DEFAULT_MEMBER_FLOOR = 0.15;

export interface FindOptions {
  weights?: Partial<ScoreWeights>;
  threshold?: number;
  memberFloor?: number;
  /** How text candidates are found: the exact prefix filter (default) or MinHash + LSH. */
  textCandidates?: 'prefix' | 'minhash';
  minhash?: Partial<MinHashOptions>;
}

export interface PairSearchStats {
  /** Pairs scored in full, by the step that proposed them. */
  scoredFromMembers: number;
  scoredFromText: number;
  scoredFromSparse: number;
  /** Partnerships with no members recorded, checked one by one. */
  sparseQueries: number;
  memberFloor: number;
  textFloor: number;
  milliseconds: { members: number; text: number; sparse: number };
  /** True when the weights let themes and areas alone reach the threshold, so every pair was scored. */
  fellBackToAllPairs: boolean;
}

export interface PairSearchResult {
  pairs: SimilarPair[];
  stats: PairSearchStats;
}

/**
 * The lowest member and text similarities that can still reach the threshold, in each case
 * the candidate generation distinguishes. Themes and areas are assumed to match fully, the
 * worst case; a component left out only raises the bar for the others, except members (step 3).
 */
export function candidateBounds(w: ScoreWeights, threshold: number, memberFloor: number) {
  const rest = w.themes + w.areas;
  const floor = w.members > 0 ? memberFloor : Number.POSITIVE_INFINITY;
  const memberPart = w.members > 0 ? w.members * memberFloor : 0;
  return {
    memberFloor: floor,
    /**
     * Both sides have members and M < memberFloor. Without a text weight such a pair passes on
     * members, themes and areas alone or never: ∞ if never, −∞ (score everything) otherwise.
     */
    textFloor:
      w.text > 0
        ? (threshold - rest - memberPart) / w.text
        : threshold - rest - memberPart > 0
          ? Number.POSITIVE_INFINITY
          : Number.NEGATIVE_INFINITY,
    /** One side has no members: the score is text, themes and areas only. */
    sparseTextFloor: w.text > 0 ? (threshold * (w.text + rest) - rest) / w.text : Number.POSITIVE_INFINITY,
    /** One side has no text: the score is members, themes and areas only. */
    sparseMemberFloor: w.members > 0 ? (threshold * (w.members + rest) - rest) / w.members : Number.POSITIVE_INFINITY,
  };
}

/**
 * Scores candidates and keeps the pairs that reach the threshold. The steps propose disjoint
 * sets of pairs (both with members and M ≥ floor; both with members and M < floor; at least one
 * without members), and each step proposes a pair once, so no pair is kept twice.
 */
class PairCollector {
  private readonly found: { a: number; b: number; s: PairScore }[] = [];

  constructor(
    private readonly index: OverlapIndex,
    private readonly weights: ScoreWeights,
    private readonly threshold: number,
  ) {}

  /** Scores a candidate pair (stopping early when it cannot make it) and keeps it if it reaches the threshold. */
  score(p: number, q: number, knownMembers?: number): void {
    const s = scoreIfAbove(this.index, p, q, this.weights, this.threshold, knownMembers);
    if (s) this.found.push({ a: Math.min(p, q), b: Math.max(p, q), s });
  }

  pairs(): SimilarPair[] {
    const { records } = this.index;
    return this.found.map(({ a, b, s }) => toSimilarPair(records[a]!.id, records[b]!.id, s)).sort(byScoreThenIds);
  }
}

function toSimilarPair(aId: string, bId: string, s: PairScore): SimilarPair {
  const c = (v: number) => (v === NOT_COMPARED ? 0 : v);
  return { aId, bId, score: s.score, members: c(s.members), text: c(s.text), themes: c(s.themes), areas: c(s.areas) };
}

function byScoreThenIds(x: SimilarPair, y: SimilarPair): number {
  return y.score - x.score || (x.aId < y.aId ? -1 : x.aId > y.aId ? 1 : x.bId < y.bId ? -1 : x.bId > y.bId ? 1 : 0);
}

/** Step 1: pairs sharing members, counted through the organisation index; M ≥ floor are scored. */
function memberCandidates(index: OverlapIndex, floor: number, collector: PairCollector): number {
  const { members, memberPostings, size } = index;
  const cursor = memberPostings.start.slice(0, memberPostings.start.length - 1);
  const count = new Int32Array(size);
  const touched = new Int32Array(size);
  let scored = 0;
  for (let x = 0; x < size; x++) {
    let touchedCount = 0;
    for (let k = members.start[x]!; k < members.start[x + 1]!; k++) {
      const org = members.values[k]!;
      // Posting lists are ascending and x is processed in order, so x sits at the cursor: the
      // partnerships after it are the later ones, and each pair is counted from its lower end.
      const end = memberPostings.start[org + 1]!;
      for (let c = (cursor[org] = cursor[org]! + 1); c < end; c++) {
        const y = memberPostings.positions[c]!;
        if (count[y]!++ === 0) touched[touchedCount++] = y;
      }
    }
    const sizeX = setSize(members, x);
    for (let t = 0; t < touchedCount; t++) {
      const y = touched[t]!;
      const shared = count[y]!;
      count[y] = 0;
      const jaccard = shared / (sizeX + setSize(members, y) - shared);
      if (jaccard >= floor) {
        collector.score(x, y, jaccard);
        scored++;
      }
    }
  }
  return scored;
}

/** How many of a partnership's rarest shingles must be indexed so that what is left weighs < floor of it. */
function prefixLength(index: OverlapIndex, p: number, floor: number): number {
  const { terms, termWeight, textWeight } = index;
  const start = terms.start[p]!;
  // A hair below the floor, so rounding can only lengthen a prefix, never drop a pair.
  const limit = floor * textWeight[p]! * (1 - 1e-9);
  let k = terms.start[p + 1]!;
  let suffix = 0;
  while (k > start && suffix + termWeight[terms.values[k - 1]!]! < limit) suffix += termWeight[terms.values[--k]!]!;
  return k - start;
}

/** Prefix lists: for each shingle, the partnerships with it in their prefix, and their unmerged weight from it on. */
function prefixLists(index: OverlapIndex, floor: number) {
  const { terms, termWeight, size } = index;
  const prefix = new Int32Array(size);
  const listStart = new Int32Array(termWeight.length + 1);
  for (let p = 0; p < size; p++) {
    prefix[p] = prefixLength(index, p, floor);
    for (let k = terms.start[p]!; k < terms.start[p]! + prefix[p]!; k++) listStart[terms.values[k]! + 1]!++;
  }
  for (let t = 0; t + 1 < listStart.length; t++) listStart[t + 1]! += listStart[t]!;
  const positions = new Int32Array(listStart[listStart.length - 1]!);
  const remaining = new Float64Array(positions.length);
  const fill = listStart.slice(0, listStart.length - 1);
  for (let p = 0; p < size; p++) {
    let left = index.textWeight[p]!;
    for (let k = terms.start[p]!; k < terms.start[p]! + prefix[p]!; k++) {
      const slot = fill[terms.values[k]!]!++;
      positions[slot] = p;
      remaining[slot] = left;
      left -= termWeight[terms.values[k]!]!;
    }
  }
  return { prefix, listStart, positions, remaining };
}

/**
 * Step 2: pairs sharing a shingle in both prefixes and whose member Jaccard is under the member
 * floor. Two cheap filters before scoring: length (T ≥ floor needs the lighter record to weigh
 * at least floor × the heavier) and position (PPJoin): the first shingle two records share is
 * the rarest they share, so their shared weight is at most the smaller of the two weights from
 * that shingle on.
 */
function prefixCandidates(index: OverlapIndex, floor: number, memberFloor: number, collector: PairCollector): number {
  const { terms, termWeight, textWeight, size } = index;
  const { prefix, listStart, positions, remaining } = prefixLists(index, floor);
  const cursor = listStart.slice(0, listStart.length - 1);
  const seen = new Int32Array(size).fill(-1);
  const overlapShare = (floor / (1 + floor)) * (1 - 1e-9);
  let scored = 0;
  for (let x = 0; x < size; x++) {
    const low = textWeight[x]! * floor;
    const high = textWeight[x]! / floor;
    let leftX = textWeight[x]!;
    for (let k = terms.start[x]!; k < terms.start[x]! + prefix[x]!; k++) {
      const term = terms.values[k]!;
      const end = listStart[term + 1]!;
      for (let c = (cursor[term] = cursor[term]! + 1); c < end; c++) {
        const y = positions[c]!;
        if (seen[y] === x) continue;
        seen[y] = x;
        const weightY = textWeight[y]!;
        if (weightY < low || weightY > high) continue;
        if (Math.min(leftX, remaining[c]!) < overlapShare * (textWeight[x]! + weightY)) continue;
        const members = columnJaccard(index.members, x, y);
        // Step 1 has the pairs at or over the member floor, step 3 those without members.
        if (members >= memberFloor || members === NOT_COMPARED) continue;
        collector.score(x, y, members);
        scored++;
      }
      leftX -= termWeight[term]!;
    }
  }
  return scored;
}

/** Step 3: a partnership with no members, against every partnership sharing one of its rare shingles. */
function sparseCandidates(
  index: OverlapIndex,
  floor: number,
  collector: PairCollector,
): { queries: number; scored: number } {
  const { terms, termPostings, members, size } = index;
  const seen = new Int32Array(size).fill(-1);
  const overlapShare = (floor / (1 + floor)) * (1 - 1e-9);
  let queries = 0;
  let scored = 0;
  for (let x = 0; x < size; x++) {
    if (setSize(members, x) > 0 || setSize(terms, x) === 0) continue;
    queries++;
    const length = prefixLength(index, x, floor);
    const weightX = index.textWeight[x]!;
    let leftX = weightX;
    for (let k = terms.start[x]!; k < terms.start[x]! + length; k++) {
      const term = terms.values[k]!;
      for (let c = termPostings.start[term]!; c < termPostings.start[term + 1]!; c++) {
        const y = termPostings.positions[c]!;
        if (y === x || seen[y] === x) continue;
        seen[y] = x;
        // Two partnerships without members find each other from both sides: take it once.
        if (y < x && setSize(members, y) === 0) continue;
        const weightY = index.textWeight[y]!;
        if (weightY < weightX * floor || weightY > weightX / floor) continue;
        // The rarest shingle they share is this one (x's rarer ones did not reach y): position filter.
        if (Math.min(leftX, index.termRemaining[c]!) < overlapShare * (weightX + weightY)) continue;
        collector.score(x, y);
        scored++;
      }
      leftX -= index.termWeight[term]!;
    }
  }
  return { queries, scored };
}

/** Partnerships with members but no words at all (a name made only of stop words): checked on members alone. */
function textlessCandidates(index: OverlapIndex, floor: number, memberFloor: number, collector: PairCollector): number {
  const { terms, members, memberPostings, size } = index;
  const seen = new Int32Array(size).fill(-1);
  let scored = 0;
  for (let x = 0; x < size; x++) {
    if (setSize(terms, x) > 0 || setSize(members, x) === 0) continue;
    for (let k = members.start[x]!; k < members.start[x + 1]!; k++) {
      const org = members.values[k]!;
      for (let c = memberPostings.start[org]!; c < memberPostings.start[org + 1]!; c++) {
        const y = memberPostings.positions[c]!;
        if (y === x || seen[y] === x) continue;
        seen[y] = x;
        // Two partnerships without words find each other from both sides: take it once.
        if (y < x && setSize(terms, y) === 0) continue;
        const jaccard = columnJaccard(members, x, y);
        // At or over the member floor step 1 scored it already.
        if (jaccard >= floor && jaccard < memberFloor) {
          collector.score(x, y, jaccard);
          scored++;
        }
      }
    }
  }
  return scored;
}

/** Every pair at or above the threshold in the scope, without scoring every pair. */
export function findSimilarPairs(index: OverlapIndex, options: FindOptions = {}): PairSearchResult {
  const weights = resolveWeights(options.weights);
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const bounds = candidateBounds(weights, threshold, options.memberFloor ?? DEFAULT_MEMBER_FLOOR);
  const stats: PairSearchStats = {
    scoredFromMembers: 0,
    scoredFromText: 0,
    scoredFromSparse: 0,
    sparseQueries: 0,
    memberFloor: bounds.memberFloor,
    textFloor: bounds.textFloor,
    milliseconds: { members: 0, text: 0, sparse: 0 },
    fellBackToAllPairs: false,
  };
  if (bounds.textFloor <= 0 || bounds.sparseTextFloor <= 0 || bounds.sparseMemberFloor <= 0) {
    // Themes and areas alone could reach the threshold: no blocking is safe, so score everything.
    return { pairs: exactAllPairs(index, { weights, threshold }), stats: { ...stats, fellBackToAllPairs: true } };
  }
  const collector = new PairCollector(index, weights, threshold);
  let started = performance.now();
  if (Number.isFinite(bounds.memberFloor))
    stats.scoredFromMembers = memberCandidates(index, bounds.memberFloor, collector);
  stats.milliseconds.members = performance.now() - started;

  started = performance.now();
  if (bounds.textFloor <= 1) {
    stats.scoredFromText =
      options.textCandidates === 'minhash'
        ? minhashCandidates(index, bounds.textFloor, options.minhash ?? {}, (x, y) => {
            const members = columnJaccard(index.members, x, y);
            if (members >= bounds.memberFloor || members === NOT_COMPARED) return false;
            collector.score(x, y, members);
            return true;
          })
        : prefixCandidates(index, bounds.textFloor, bounds.memberFloor, collector);
  }
  stats.milliseconds.text = performance.now() - started;

  started = performance.now();
  if (bounds.sparseTextFloor <= 1) {
    const sparse = sparseCandidates(index, bounds.sparseTextFloor, collector);
    stats.sparseQueries = sparse.queries;
    stats.scoredFromSparse = sparse.scored;
  }
  if (bounds.sparseMemberFloor < bounds.memberFloor)
    stats.scoredFromSparse += textlessCandidates(index, bounds.sparseMemberFloor, bounds.memberFloor, collector);
  stats.milliseconds.sparse = performance.now() - started;
  return { pairs: collector.pairs(), stats };
}

export interface ExactOptions {
  weights?: Partial<ScoreWeights>;
  threshold?: number;
  /** Only pairs among these partnerships (positions in the index); all of them by default. */
  positions?: readonly number[];
}

/**
 * Every pair scored: the yardstick for recall in tests and the benchmark, never for pages.
 * Members, themes and areas are compared first; the text is only merged when a perfect text
 * match could still reach the threshold, which keeps 10,000 partnerships to seconds and
 * changes no result (the score only grows with T).
 */
export function exactAllPairs(index: OverlapIndex, options: ExactOptions = {}): SimilarPair[] {
  const weights = resolveWeights(options.weights);
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const positions = options.positions ?? Array.from({ length: index.size }, (_, p) => p);
  const out: SimilarPair[] = [];
  for (let i = 0; i < positions.length; i++) {
    const p = positions[i]!;
    const pHasText = setSize(index.terms, p) > 0;
    for (let j = i + 1; j < positions.length; j++) {
      const q = positions[j]!;
      const members = columnJaccard(index.members, p, q);
      const themes = columnJaccard(index.themes, p, q);
      const areas = columnJaccard(index.areas, p, q);
      const bestText = pHasText && setSize(index.terms, q) > 0 ? 1 : NOT_COMPARED;
      if (combine(members, bestText, themes, areas, weights) < threshold) continue;
      const s = scorePositions(index, p, q, weights);
      if (s.score >= threshold)
        out.push(toSimilarPair(index.records[Math.min(p, q)]!.id, index.records[Math.max(p, q)]!.id, s));
    }
  }
  return out.sort(byScoreThenIds);
}

/** The full explanation of a pair in the index, with IDF weights over the index's scope. */
export function explainPair(
  index: OverlapIndex,
  aId: string,
  bId: string,
  weights?: Partial<ScoreWeights>,
): MatchExplanation {
  const a = index.records[index.positionOf.get(aId) ?? -1];
  const b = index.records[index.positionOf.get(bId) ?? -1];
  if (!a || !b) throw new Error(`Partnership ${a ? bId : aId} is not in this scope`);
  return explainMatch(a, b, (key) => termWeightIn(index, key), resolveWeights(weights));
}

export interface CheckOptions {
  weights?: Partial<ScoreWeights>;
  /** Lowest score to report. Default: the pair threshold. */
  threshold?: number;
  /** Most matches to return, best first. Default 20. */
  limit?: number;
}

/** Scratch arrays for checkOne, one set per index, so a check allocates almost nothing. */
const scratch = new WeakMap<OverlapIndex, { shared: Int32Array; weight: Float64Array; touched: Int32Array }>();

function scratchFor(index: OverlapIndex) {
  let s = scratch.get(index);
  if (!s) {
    s = {
      shared: new Int32Array(index.size),
      weight: new Float64Array(index.size),
      touched: new Int32Array(index.size),
    };
    scratch.set(index, s);
  }
  return s;
}

/** Ordinals of the values the index knows, and how many distinct values there were in all. */
function ordinalsOf(
  values: readonly string[],
  ordinalOf: ReadonlyMap<string, number>,
): { known: number[]; size: number } {
  const distinct = new Set(values);
  const known: number[] = [];
  for (const v of distinct) {
    const o = ordinalOf.get(v);
    if (o !== undefined) known.push(o);
  }
  return { known: known.sort((a, b) => a - b), size: distinct.size };
}

function jaccardWithColumn(
  candidate: { known: number[]; size: number },
  column: OverlapIndex['themes'],
  q: number,
): number {
  const sizeQ = setSize(column, q);
  if (candidate.size === 0 || sizeQ === 0) return NOT_COMPARED;
  let shared = 0;
  let i = 0;
  for (let k = column.start[q]!; k < column.start[q + 1]! && i < candidate.known.length;) {
    const a = candidate.known[i]!;
    const b = column.values[k]!;
    if (a === b) {
      shared++;
      i++;
      k++;
    } else if (a < b) i++;
    else k++;
  }
  return shared / (candidate.size + sizeQ - shared);
}

/**
 * A new or proposed partnership scored against every partnership in a prebuilt index (the
 * gatekeeper's "could an existing partnership do this?"). Exact: it accumulates shared members
 * and shared shingle weight through the posting lists of everything the candidate has, so
 * every partnership sharing at least one member or one word is scored. (One sharing neither
 * scores at most the themes and areas weights, 0.2 by default.) A partnership with the same id
 * as the candidate is skipped, so an edited record can be checked against its old self's scope.
 */
export function checkOne(
  candidate: PartnershipFeatures,
  index: OverlapIndex,
  options: CheckOptions = {},
): MatchExplanation[] {
  const weights = resolveWeights(options.weights);
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const { shared, weight, touched } = scratchFor(index);
  let touchedCount = 0;
  const members = ordinalsOf(candidate.memberOrganisationIds, index.organisationOrdinal);
  for (const org of members.known) {
    for (let c = index.memberPostings.start[org]!; c < index.memberPostings.start[org + 1]!; c++) {
      const y = index.memberPostings.positions[c]!;
      if (shared[y] === 0 && weight[y] === 0) touched[touchedCount++] = y;
      shared[y]!++;
    }
  }
  let candidateWeight = 0;
  const terms = shingles(candidate.name, candidate.purpose);
  for (const s of terms) {
    const ordinal = termOrdinal(index, s.key);
    const w = termWeightIn(index, s.key);
    candidateWeight += w;
    if (ordinal < 0) continue;
    for (let c = index.termPostings.start[ordinal]!; c < index.termPostings.start[ordinal + 1]!; c++) {
      const y = index.termPostings.positions[c]!;
      if (shared[y] === 0 && weight[y] === 0) touched[touchedCount++] = y;
      weight[y]! += w;
    }
  }
  const themes = ordinalsOf(candidate.themes, index.themeOrdinal);
  const areas = ordinalsOf(candidate.areas, index.areaOrdinal);
  const self = index.positionOf.get(candidate.id);
  const hits: { position: number; score: number }[] = [];
  for (let t = 0; t < touchedCount; t++) {
    const y = touched[t]!;
    const m =
      members.size > 0 && setSize(index.members, y) > 0
        ? shared[y]! / (members.size + setSize(index.members, y) - shared[y]!)
        : NOT_COMPARED;
    const union = candidateWeight + index.textWeight[y]! - weight[y]!;
    const text =
      terms.length > 0 && setSize(index.terms, y) > 0
        ? union > 0
          ? Math.min(1, weight[y]! / union)
          : 0
        : NOT_COMPARED;
    shared[y] = 0;
    weight[y] = 0;
    if (y === self) continue;
    const score = combine(
      m,
      text,
      jaccardWithColumn(themes, index.themes, y),
      jaccardWithColumn(areas, index.areas, y),
      weights,
    );
    if (score >= threshold) hits.push({ position: y, score });
  }
  hits.sort((a, b) => b.score - a.score || a.position - b.position);
  const weightOf = (key: string) => termWeightIn(index, key);
  return hits
    .slice(0, options.limit ?? 20)
    .map((h) => explainMatch(candidate, index.records[h.position]!, weightOf, weights));
}
