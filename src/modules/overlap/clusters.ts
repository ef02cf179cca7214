/**
 * Clusters of mutually similar partnerships.
 *
 * Not connected components: those chain. If A shares its board with B, and B its purpose with
 * C, components put A and C in one cluster although they have nothing in common, and "merge
 * the cluster" would be nonsense. Nor complete linkage (every pair above the threshold): two
 * rewordings of one purpose are each close to the original but often just under the threshold
 * to each other, and it would split them.
 *
 * Average linkage, restricted to the threshold graph: take the pairs from the best score down;
 * join the two clusters of a pair only if the mean score over every cross pair (scored exactly,
 * including pairs under the threshold) is still at or above the threshold. A cluster is then a
 * group whose members are, on average, as similar to each other as a flagged pair; each join
 * needs a real edge, so unrelated groups never meet.
 */
import type { OverlapIndex } from './features.js';
import { pairKey, scorePositions } from './scoring.js';
import type { SimilarPair } from './types.js';

/** Largest cluster to build (a guard on the cost of average linkage). */
const MAX_CLUSTER_SIZE = 200;

export interface PositionCluster {
  positions: number[];
  /** Mean score over all pairs in the cluster. */
  cohesion: number;
}

/** Exact scores of pairs, computed once: the found pairs are known, others are scored on demand. */
class PairScores {
  private readonly known = new Map<string, number>();

  constructor(
    private readonly index: OverlapIndex,
    /** Officers' verdicts by pair of ids: a pair judged the same counts as fully alike, one judged different as not at all. */
    private readonly judged: ReadonlyMap<string, 'same' | 'different'>,
  ) {}

  private key(p: number, q: number): string {
    return p < q ? `${p},${q}` : `${q},${p}`;
  }

  /** A score already known (from the search), unless an officer's verdict overrides it. */
  remember(p: number, q: number, score: number): void {
    const verdict = this.verdict(p, q);
    this.known.set(this.key(p, q), verdict === 'same' ? 1 : verdict === 'different' ? 0 : score);
  }

  private verdict(p: number, q: number) {
    const ids = [this.index.records[p]!.id, this.index.records[q]!.id].sort();
    return this.judged.get(`${ids[0]}|${ids[1]}`);
  }

  get(p: number, q: number): number {
    const key = this.key(p, q);
    let score = this.known.get(key);
    if (score === undefined) {
      const verdict = this.verdict(p, q);
      score = verdict === 'same' ? 1 : verdict === 'different' ? 0 : scorePositions(this.index, p, q).score;
      this.known.set(key, score);
    }
    return score;
  }

  /** Sum of scores over every pair with one partnership in each group. */
  crossSum(left: readonly number[], right: readonly number[]): number {
    let sum = 0;
    for (const p of left) for (const q of right) sum += this.get(p, q);
    return sum;
  }
}

interface Group {
  positions: number[];
  /** Sum of scores over the pairs within the group. */
  internalSum: number;
}

function meanScore(group: Group): number {
  const n = group.positions.length;
  return n < 2 ? 1 : group.internalSum / ((n * (n - 1)) / 2);
}

function idKey(index: OverlapIndex, p: number, q: number): string {
  return pairKey(index.records[p]!.id, index.records[q]!.id);
}

/** Groups the found pairs into clusters (two or more partnerships each), best joined first. */
export function clusterPairs(
  index: OverlapIndex,
  pairs: readonly SimilarPair[],
  threshold: number,
  judged: ReadonlyMap<string, 'same' | 'different'> = new Map(),
  /** Pairs (by pairKey of ids) likely the same work under the threshold: each may pair two partnerships not yet grouped. */
  paired: ReadonlySet<string> = new Set(),
  maxSize = MAX_CLUSTER_SIZE,
): PositionCluster[] {
  const scores = new PairScores(index, judged);
  const groupOf = new Map<number, Group>();
  const edges = pairs.map((pair) => ({
    p: index.positionOf.get(pair.aId)!,
    q: index.positionOf.get(pair.bId)!,
    score: pair.score,
  }));
  for (const e of edges) scores.remember(e.p, e.q, e.score);
  // Best pairs first; ties by position, so the result does not depend on the input order.
  edges.sort((x, y) => y.score - x.score || x.p - y.p || x.q - y.q);
  const groupFor = (p: number) => {
    let g = groupOf.get(p);
    if (!g) {
      g = { positions: [p], internalSum: 0 };
      groupOf.set(p, g);
    }
    return g;
  };
  for (const { p, q } of edges) {
    const left = groupFor(p);
    const right = groupFor(q);
    if (left === right || left.positions.length + right.positions.length > maxSize) continue;
    const cross = scores.crossSum(left.positions, right.positions);
    const joined: Group = {
      positions: [...left.positions, ...right.positions],
      internalSum: left.internalSum + right.internalSum + cross,
    };
    const pairsTwo = left.positions.length === 1 && right.positions.length === 1 && paired.has(idKey(index, p, q));
    if (meanScore(joined) < threshold && !pairsTwo) continue;
    for (const r of joined.positions) groupOf.set(r, joined);
  }
  const distinct = new Set(groupOf.values());
  return [...distinct]
    .filter((g) => g.positions.length >= 2)
    .map((g) => ({ positions: [...g.positions].sort((a, b) => a - b), cohesion: meanScore(g) }))
    .sort((a, b) => a.positions[0]! - b.positions[0]!);
}
