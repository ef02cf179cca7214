/**
 * The similarity of two partnerships, and why.
 *
 * Four components, each a similarity in [0, 1]:
 *  - members: Jaccard of the member organisation sets (shared ÷ all distinct members). Shared
 *    members are what make two partnerships duplicate each other's effort, and the measure with
 *    the best precision (DESIGN.md: text alone gives many false positives);
 *  - text: weighted Jaccard of the word and phrase shingles of name and purpose, each shingle
 *    weighted by its inverse document frequency over the scope (text.ts), so "domestic abuse"
 *    counts for far more than "improve", and the place name for almost nothing;
 *  - themes: Jaccard of the theme codes;
 *  - areas: Jaccard of the GSS area codes.
 *
 * The score is the weighted mean of the components that can be compared. A component is left
 * out when either side has nothing recorded (a proposal with no members yet, a record with no
 * themes): missing data is not evidence of difference. So the score is symmetric, in [0, 1],
 * 1 for identical records and 0 for records that share nothing; and the contributions shown in
 * an explanation add up to it.
 */
import { idf, shingles } from './text.js';
import type {
  ComponentName,
  ComponentScore,
  MatchExplanation,
  PartnershipFeatures,
  ScoreWeights,
  SharedTerm,
} from './types.js';
import { COMPONENTS } from './types.js';

/**
 * Default weights: members 0.4, text 0.4, themes 0.1, areas 0.1.
 *
 * DESIGN.md measured 0.5 members + 0.5 text with a 0.55 threshold. Members and text stay equal
 * because each catches a kind of duplicate the other cannot (the same board under a new name;
 * the same purpose with another board), and DESIGN.md found text alone imprecise. Themes and
 * areas come in with small weights: nearly every pair in a locality shares its area and the 16
 * themes are coarse, so they can tip a borderline pair but never make one (records sharing a
 * theme and an area and nothing else score 0.2).
 *
 * Measured on the planted near-duplicates of the 10,000-partnership synthetic set
 * (`npx tsx bench/overlap.bench.ts --tune`; recall / precision):
 *
 *   weights              threshold 0.5   0.55        0.6
 *   0.5/0.5/0/0          0.84 / 0.99     0.60 / 1.00 0.46 / 1.00
 *   0.45/0.45/0.05/0.05  0.92 / 0.96     0.84 / 1.00 0.57 / 1.00
 *   0.4/0.4/0.1/0.1      0.97 / 0.70     0.92 / 0.95 0.84 / 1.00   ← default at 0.55
 *   0.35/0.35/0.15/0.15  1.00 / 0.13     0.98 / 0.55 0.94 / 0.93
 *   0.3/0.5/0.1/0.1      0.99 / 0.95     0.82 / 0.99 0.69 / 1.00
 *
 * The default is among the best balances (F1 0.94) with members and text equal. A text-heavy
 * 0.3/0.5 at 0.5 scored a little higher (F1 0.97), but the synthetic purposes are built from
 * word banks that make unrelated partnerships read unlike each other, which flatters text;
 * real registers repeat boilerplate, so we do not lean on text more than DESIGN.md did.
 * Recalibrate on the demo locality's planted groups and on real registers as they arrive.
 */
export const DEFAULT_WEIGHTS: Readonly<ScoreWeights> = { members: 0.4, text: 0.4, themes: 0.1, areas: 0.1 };

/**
 * Default threshold, 0.55 (DESIGN.md's, confirmed by the sweep above). With the default weights
 * a pair on the same theme in the same area reaches it when member Jaccard + text similarity
 * ≥ 0.875 (the same board, the same text, or most of each); on the same theme in different
 * areas it needs ≥ 1.125.
 */
export const DEFAULT_THRESHOLD = 0.55;

/** Weights checked and scaled to add up to 1. */
export function resolveWeights(weights: Partial<ScoreWeights> = {}): ScoreWeights {
  const merged = { ...DEFAULT_WEIGHTS, ...weights };
  let total = 0;
  for (const c of COMPONENTS) {
    const w = merged[c];
    if (!Number.isFinite(w) || w < 0) throw new RangeError(`Weight for ${c} must be a number 0 or more`);
    total += w;
  }
  if (total <= 0) throw new RangeError('At least one weight must be above 0');
  return {
    members: merged.members / total,
    text: merged.text / total,
    themes: merged.themes / total,
    areas: merged.areas / total,
  };
}

/** Marks a component that could not be compared (nothing recorded on one side). */
export const NOT_COMPARED = -1;

/**
 * True when members or text (with a weight above 0) can be compared. Themes and areas only count
 * alongside one of them: two records comparable on nothing but a theme and an area score 0, or
 * any two district-wide community safety groups would look identical.
 */
function hasEvidence(members: number, text: number, w: ScoreWeights): boolean {
  return (members !== NOT_COMPARED && w.members > 0) || (text !== NOT_COMPARED && w.text > 0);
}

/** The weighted mean of the compared components (0 without members or text to compare). */
export function combine(members: number, text: number, themes: number, areas: number, w: ScoreWeights): number {
  if (!hasEvidence(members, text, w)) return 0;
  let sum = 0;
  let weight = 0;
  if (members !== NOT_COMPARED) {
    sum += w.members * members;
    weight += w.members;
  }
  if (text !== NOT_COMPARED) {
    sum += w.text * text;
    weight += w.text;
  }
  if (themes !== NOT_COMPARED) {
    sum += w.themes * themes;
    weight += w.themes;
  }
  if (areas !== NOT_COMPARED) {
    sum += w.areas * areas;
    weight += w.areas;
  }
  return weight > 0 ? Math.min(1, sum / weight) : 0;
}

/** Each component's similarity, share of the weight and contribution, for an explanation. */
export function componentScores(
  similarities: Record<ComponentName, number>,
  w: ScoreWeights,
): Record<ComponentName, ComponentScore> {
  const evidence = hasEvidence(similarities.members, similarities.text, w);
  let weight = 0;
  for (const c of COMPONENTS) if (evidence && similarities[c] !== NOT_COMPARED) weight += w[c];
  const out = {} as Record<ComponentName, ComponentScore>;
  for (const c of COMPONENTS) {
    const compared = evidence && similarities[c] !== NOT_COMPARED;
    const share = compared && weight > 0 ? w[c] / weight : 0;
    const similarity = compared ? similarities[c] : 0;
    out[c] = { similarity, weight: share, contribution: share * similarity, compared };
  }
  return out;
}

/** Jaccard of two string sets, with what they share; NOT_COMPARED when either is empty. */
export function setSimilarity(a: readonly string[], b: readonly string[]): { similarity: number; shared: string[] } {
  const left = new Set(a);
  const right = new Set(b);
  if (left.size === 0 || right.size === 0) return { similarity: NOT_COMPARED, shared: [] };
  const shared = [...left].filter((x) => right.has(x)).sort();
  return { similarity: shared.length / (left.size + right.size - shared.length), shared };
}

/** How much a shingle weighs: its IDF over the scope the records belong to. */
export type TermWeight = (key: string) => number;

/** IDF weights computed over a list of records (for tests, single pairs and small scopes). */
export function termWeightsOver(records: readonly Pick<PartnershipFeatures, 'name' | 'purpose'>[]): TermWeight {
  const df = new Map<string, number>();
  for (const r of records) for (const s of shingles(r.name, r.purpose)) df.set(s.key, (df.get(s.key) ?? 0) + 1);
  const n = records.length;
  return (key) => idf(df.get(key) ?? 0, n);
}

/** Weighted Jaccard of the shingles, with every shared shingle, most distinctive first. */
export function textSimilarity(
  a: Pick<PartnershipFeatures, 'name' | 'purpose'>,
  b: Pick<PartnershipFeatures, 'name' | 'purpose'>,
  weightOf: TermWeight,
): { similarity: number; shared: SharedTerm[] } {
  const left = shingles(a.name, a.purpose);
  const right = new Set(shingles(b.name, b.purpose).map((s) => s.key));
  if (left.length === 0 || right.size === 0) return { similarity: NOT_COMPARED, shared: [] };
  let sharedWeight = 0;
  let unionWeight = 0;
  const shared: SharedTerm[] = [];
  for (const s of left) {
    const w = weightOf(s.key);
    unionWeight += w;
    if (right.has(s.key)) {
      sharedWeight += w;
      right.delete(s.key);
      shared.push({ term: s.surface, kind: s.kind, weight: w });
    }
  }
  for (const key of right) unionWeight += weightOf(key);
  shared.sort((x, y) => y.weight - x.weight || x.term.localeCompare(y.term));
  return { similarity: unionWeight > 0 ? sharedWeight / unionWeight : 0, shared };
}

/**
 * The score of two partnerships with its full explanation, computed from the records
 * themselves. The engine scores millions of candidates from a compact index instead
 * (features.ts), and uses this to explain the pairs it keeps; tests check the two agree.
 */
export function explainMatch(
  a: PartnershipFeatures,
  b: PartnershipFeatures,
  weightOf: TermWeight,
  weights: ScoreWeights = resolveWeights(),
): MatchExplanation {
  const members = setSimilarity(a.memberOrganisationIds, b.memberOrganisationIds);
  const text = textSimilarity(a, b, weightOf);
  const themes = setSimilarity(a.themes, b.themes);
  const areas = setSimilarity(a.areas, b.areas);
  const similarities = {
    members: members.similarity,
    text: text.similarity,
    themes: themes.similarity,
    areas: areas.similarity,
  };
  return {
    aId: a.id,
    bId: b.id,
    score: combine(members.similarity, text.similarity, themes.similarity, areas.similarity, weights),
    components: componentScores(similarities, weights),
    sharedMemberIds: members.shared,
    sharedTerms: text.shared,
    sharedThemes: themes.shared,
    sharedAreas: areas.shared,
  };
}
