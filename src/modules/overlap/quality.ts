/**
 * Scoring the overlap analysis against a register's known answers, in the layout of the
 * independent benchmarks (`{"groups": [[ref…]…], "hard_negatives": [[ref, ref]…]}`): pairwise
 * precision, recall and F1, hard negatives flagged, groups found exactly, and the plain
 * word-overlap baseline those benchmarks come with, and the pre-check on reworded proposals. Pure; `bench/quality.bench.ts` and the
 * quality test feed it what the product found through its real import and service.
 */
import { z } from 'zod';
import { checkOne, type OverlapIndex } from './engine.js';
import type { OverlapSettings } from './scoring.js';
import type { PartnershipFeatures } from './types.js';

export const truthFile = z.object({
  groups: z.array(z.array(z.string()).min(2)),
  hard_negatives: z.array(z.tuple([z.string(), z.string()])).default([]),
  note: z.string().optional(),
});
export type Truth = z.infer<typeof truthFile>;

export interface QualityScore {
  flagged: number;
  truePairs: number;
  found: number;
  precision: number;
  recall: number;
  f1: number;
  hardNegativesFlagged: number;
  hardNegatives: number;
  /** Truth groups that came out as exactly one group of the analysis. */
  groupsExact: number;
  groups: number;
}

export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** Every pair inside each group. */
export function pairsOfGroups(groups: readonly (readonly string[])[]): Set<string> {
  const keys = new Set<string>();
  for (const g of groups)
    for (let i = 0; i < g.length; i++) for (let j = i + 1; j < g.length; j++) keys.add(pairKey(g[i]!, g[j]!));
  return keys;
}

function f1(precision: number, recall: number): number {
  return precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
}

/** Scores flagged pairs (by reference) and the groups the analysis formed against the truth. */
export function scoreAgainstTruth(
  flaggedPairs: Iterable<string>,
  foundGroups: readonly (readonly string[])[],
  truth: Truth,
): QualityScore {
  const flagged = new Set(flaggedPairs);
  const truePairs = pairsOfGroups(truth.groups);
  const found = [...flagged].filter((k) => truePairs.has(k)).length;
  const precision = flagged.size > 0 ? found / flagged.size : 0;
  const recall = truePairs.size > 0 ? found / truePairs.size : 0;
  const asSet = (g: readonly string[]) => [...g].sort().join(',');
  const formed = new Set(foundGroups.map(asSet));
  return {
    flagged: flagged.size,
    truePairs: truePairs.size,
    found,
    precision,
    recall,
    f1: f1(precision, recall),
    hardNegativesFlagged: truth.hard_negatives.filter(([a, b]) => flagged.has(pairKey(a, b))).length,
    hardNegatives: truth.hard_negatives.length,
    groupsExact: truth.groups.filter((g) => formed.has(asSet(g))).length,
    groups: truth.groups.length,
  };
}

/**
 * The benchmarks' own baseline: Jaccard of the lower-cased word sets of title and objective, at
 * the threshold that gives the best F1 (so it flatters the baseline, not the product).
 */
export function wordOverlapBaseline(
  records: ReadonlyArray<{ ref: string; text: string }>,
  truth: Truth,
): QualityScore & { threshold: number } {
  const words = records.map((r) => ({ ref: r.ref, words: new Set(r.text.toLowerCase().match(/[a-z0-9]+/g) ?? []) }));
  const scored: Array<{ key: string; score: number }> = [];
  for (let i = 0; i < words.length; i++) {
    for (let j = i + 1; j < words.length; j++) {
      const a = words[i]!.words;
      const b = words[j]!.words;
      let shared = 0;
      for (const w of a) if (b.has(w)) shared++;
      const union = a.size + b.size - shared;
      if (shared > 0) scored.push({ key: pairKey(words[i]!.ref, words[j]!.ref), score: shared / union });
    }
  }
  scored.sort((x, y) => y.score - x.score);
  let best: QualityScore & { threshold: number } = { ...scoreAgainstTruth([], [], truth), threshold: 1 };
  const flagged: string[] = [];
  for (let i = 0; i < scored.length; i++) {
    flagged.push(scored[i]!.key);
    if (i + 1 < scored.length && scored[i + 1]!.score === scored[i]!.score) continue;
    const s = scoreAgainstTruth(flagged, [], truth);
    if (s.f1 > best.f1) best = { ...s, threshold: scored[i]!.score };
  }
  return best;
}

export interface PrecheckScore {
  /** Group members put to the pre-check as proposals. */
  proposals: number;
  /** Of them, those with a group-mate among the pre-check's top three. */
  top3: number;
  /** Groups every member of which had a group-mate in its top three. */
  groupsAllTop3: number;
}

/**
 * The gatekeeper pre-check on proposals reworded from existing partnerships: each group member,
 * as a draft (its name and purpose, no members yet), checked against its scope; is a group-mate
 * among the top three? `recordOf` and `refOf` map between the truth's references and the index.
 */
export function scorePrecheck(
  truth: Truth,
  index: OverlapIndex,
  settings: OverlapSettings,
  recordOf: (ref: string) => PartnershipFeatures | undefined,
  refOf: (id: string) => string,
): PrecheckScore {
  let proposals = 0;
  let top3 = 0;
  let groupsAllTop3 = 0;
  for (const group of truth.groups) {
    let allHit = true;
    for (const member of group) {
      const record = recordOf(member);
      if (!record) continue;
      proposals++;
      const top = checkOne({ ...record, memberOrganisationIds: [] }, index, { floor: 0.01, limit: 3, settings });
      const hit = top.some((m) => refOf(m.bId) !== member && group.includes(refOf(m.bId)));
      if (hit) top3++;
      allHit &&= hit;
    }
    if (allHit) groupsAllTop3++;
  }
  return { proposals, top3, groupsAllTop3 };
}
