/**
 * How alike two partnerships' work is, and why, as an experienced partnerships officer would
 * weigh it.
 *
 * Two kinds of evidence, each a similarity in [0, 1] with a confidence in [0, 1]:
 *  - **what they say they do** (text): the weight of the text features both have (features.ts:
 *    concepts of the thesaurus, words, ages, indicators, each weighted by how rare it is in the
 *    scope), over the geometric mean of their totals. The confidence is how much the shorter
 *    text says, against a couple of things found nowhere else in the scope: an empty or
 *    one-word purpose, or one of nothing but boilerplate, is missing data, not evidence of
 *    difference;
 *  - **who sits on them** (members): the IDF weight of the organisations both have over the
 *    weight of all their organisations (weighted Jaccard), so the partners on most boards count
 *    for little and a shared specialist charity for a lot. Only a board that is nearly the same
 *    is evidence on its own (the similarity is raised to a power); the confidence is how much
 *    the smaller board's members weigh: a board of only the partners on most boards tells little.
 *
 * Two texts mainly about the same kind of work (focus.ts) agree at least that far, however much
 * else either lists: a long official purpose dilutes what it shares with a one-line note.
 *
 * The two are combined as independent evidence (a noisy-or): either can make a pair alike, and
 * missing evidence on one side never lowers the other. One exception: when both purposes say
 * plainly that they do different things, the same board counts for half (the same people meeting
 * twice is worth a look, not likely the same work). Shared themes add a little; different
 * areas of one scope are not held against a pair. A pair is "likely the same work" at or above
 * the locality's `likely` threshold and "worth a look" at or above its `look` threshold.
 */
import { sharedWeight, type OverlapIndex } from './features.js';
import { focusEvidence } from './focus.js';
import { differentPlaces } from './places.js';
import type { SimilarPair } from './types.js';

export interface OverlapSettings {
  /** Score at or above which a pair is likely the same work. */
  likely: number;
  /** Score at or above which a pair is worth a look (below `likely`). */
  look: number;
}

/** Measured on the benchmark registers: see README.md "Calibration". */
export const DEFAULT_SETTINGS: Readonly<OverlapSettings> = { likely: 0.7, look: 0.4 };

/** Text similarity at which the wording alone makes a pair certain. */
export const TEXT_SATURATION = 0.5;
/** Text similarity under which two telling purposes plainly describe different work. */
export const TEXT_DISAGREEMENT = 0.15;
/** Member similarity is raised to this power: only nearly the same board counts on its own. */
export const MEMBER_POWER = 6;
/**
 * A partnership and its own sub-group share work and members by design: the nesting already
 * accounts for them, so what they share counts for this much.
 */
export const NESTED_SHARE = 0.6;

/** The same kind of body in two places (places.ts) is the pattern working: what they share counts for this much. */
export const PLACES_SHARE = 0.3;

/** Most a fully shared theme list adds to the score. */
export const THEME_BONUS = 0.05;

export type Tier = 'likely' | 'look';

/** The parts of a pair's score, by position in an index. */
export interface PairScore {
  score: number;
  text: number;
  textConfidence: number;
  members: number;
  memberConfidence: number;
  themes: number;
  /** One is the other's sub-group: what they share counts for less. */
  nested: boolean;
  /** The same kind of body for different places (which, in words), or null. */
  differentPlaces: string | null;
  /** Text evidence from what both are mainly about (focus.ts): 0 unless it is the same. */
  focus: number;
}

/** Weight of the broader text's share in the mean two texts' shared weight is taken over. */
export const BREADTH = 0.7;

/**
 * The mean of two texts' total weights that their shared weight is measured against: the
 * geometric mean (BREADTH 0.5) lets a short focused text match a long one that says much the
 * same; leaning towards the larger keeps an umbrella that lists many kinds of work from matching
 * each of them.
 */
function breadthMean(a: number, b: number, textConfidence: number): number {
  // A terse text is missing data: that the other says more is no sign that it is an umbrella.
  const breadth = BREADTH * textConfidence;
  return Math.max(a, b) ** breadth * Math.min(a, b) ** (1 - breadth);
}

function confidence(information: number, full: number): number {
  if (full <= 0) return information > 0 ? 1 : 0;
  return Math.min(1, information / full);
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

/** The evidence each part gives, and the score they make together. */
export function combine(parts: Omit<PairScore, 'score' | 'nested' | 'differentPlaces'>): number {
  return combineParts(
    parts.text,
    parts.textConfidence,
    parts.members,
    parts.memberConfidence,
    parts.themes,
    parts.focus,
  );
}

function combineParts(
  text: number,
  textConfidence: number,
  members: number,
  memberConfidence: number,
  themes: number,
  focus: number,
): number {
  const textAgreement = Math.min(1, text / TEXT_SATURATION);
  // Two texts mainly about the same thing agree that far, however much else either says.
  const textEvidence = Math.max(textConfidence * textAgreement, focus);
  // The same people meeting twice is worth a look whatever the purposes say; it is likely the
  // same work only if the purposes do not clearly say otherwise.
  // Only a purpose that says enough can say otherwise.
  const telling = Math.max(0, 2 * textConfidence - 1);
  const textSaysOtherwise = telling * Math.max(0, 1 - text / TEXT_DISAGREEMENT);
  const memberEvidence = memberConfidence * members ** MEMBER_POWER * (1 - textSaysOtherwise / 2);
  const evidence = 1 - (1 - textEvidence) * (1 - memberEvidence);
  return evidence > 0 ? Math.min(1, evidence + THEME_BONUS * themes * evidence) : 0;
}

export function textConfidenceOf(index: OverlapIndex, p: number): number {
  return confidence(index.textInformation[p]!, index.fullInformation);
}

export function memberConfidenceOf(index: OverlapIndex, p: number): number {
  return confidence(index.members.total[p]!, index.fullInformation);
}

/**
 * At most the score of a pair, from what it shares, before themes and places are looked at (they
 * add at most THEME_BONUS, or take away): most pairs a search meets are ruled out by this alone.
 */
export function scoreBound(
  index: OverlapIndex,
  p: number,
  q: number,
  sharedText: number,
  sharedMembers: number,
): number {
  // The arithmetic of scoreFromShared, without making an object: a search bounds many pairs.
  const textP = index.text.total[p]!;
  const textQ = index.text.total[q]!;
  const memberP = index.members.total[p]!;
  const memberQ = index.members.total[q]!;
  const memberUnion = memberP + memberQ - sharedMembers;
  const textConfidence = confidence(
    Math.min(index.textInformation[p]!, index.textInformation[q]!),
    index.fullInformation,
  );
  return combineParts(
    textP > 0 && textQ > 0 ? Math.min(1, sharedText / breadthMean(textP, textQ, textConfidence)) : 0,
    textConfidence,
    memberUnion > 0 ? sharedMembers / memberUnion : 0,
    confidence(Math.min(memberP, memberQ), index.fullInformation),
    1,
    focusEvidence(index.focus[p]!, index.focus[q]!, index.fullInformation),
  );
}

/** The parts of a pair's score from the weight the two share (known from the posting lists, or merged here). */
export function scoreFromShared(
  index: OverlapIndex,
  p: number,
  q: number,
  sharedText: number,
  sharedMembers: number,
): PairScore {
  const textP = index.text.total[p]!;
  const textQ = index.text.total[q]!;
  const memberP = index.members.total[p]!;
  const memberQ = index.members.total[q]!;
  const memberUnion = memberP + memberQ - sharedMembers;
  const textConfidence = confidence(
    Math.min(index.textInformation[p]!, index.textInformation[q]!),
    index.fullInformation,
  );
  const [a, b] = [index.records[p]!, index.records[q]!];
  const nested =
    a.parentId === b.id ||
    b.parentId === a.id ||
    index.impliedParents[p] === q ||
    index.impliedParents[q] === p ||
    index.umbrellas[p]!.includes(q) ||
    index.umbrellas[q]!.includes(p);
  const [nameA, nameB] = [index.names[p]!, index.names[q]!];
  const places = differentPlaces(a, b, nameA, nameB, index.context.stopWords) ?? null;
  const parts = {
    text: textP > 0 && textQ > 0 ? Math.min(1, sharedText / breadthMean(textP, textQ, textConfidence)) : 0,
    textConfidence,
    members: memberUnion > 0 ? sharedMembers / memberUnion : 0,
    memberConfidence: confidence(Math.min(memberP, memberQ), index.fullInformation),
    themes: jaccard(index.themes[p]!, index.themes[q]!),
    // A sub-group shares its parent's focus by design; two places' bodies share theirs by pattern.
    focus: nested || places ? 0 : focusEvidence(index.focus[p]!, index.focus[q]!, index.fullInformation),
  };
  const discount = (nested ? NESTED_SHARE : 1) * (places ? PLACES_SHARE : 1);
  return { score: combine(parts) * discount, ...parts, nested, differentPlaces: places };
}

export function scorePositions(index: OverlapIndex, p: number, q: number): PairScore {
  return scoreFromShared(index, p, q, sharedWeight(index.text, p, q), sharedWeight(index.members, p, q));
}

/** One key for a pair of partnerships, whichever order they come in. */
export function pairKey(aId: string, bId: string): string {
  return aId < bId ? `${aId}|${bId}` : `${bId}|${aId}`;
}

/**
 * How far from "worth a look" towards "likely" a pair of closest matches must score to be likely
 * the same work (see closestMatches): half way.
 */
export const CLOSEST_SHARE = 0.5;

/** The score at which two partnerships that are each other's closest match are likely the same work. */
export function closestFloor(settings: OverlapSettings): number {
  return settings.look + (settings.likely - settings.look) * CLOSEST_SHARE;
}

/**
 * The pairs (by pairKey of ids) whose partnerships are each other's closest match: neither has a
 * better-scoring pair, nor another as good. Two records of the same work are usually each
 * other's nearest in a register, whatever their wording does to the score itself; a partnership
 * that is merely in the same field as another is usually nearer to something else. A sub-group
 * and its own board are left out: the nesting is why they are close.
 */
export function closestMatches(pairs: Iterable<Pick<SimilarPair, 'aId' | 'bId' | 'score' | 'nested'>>): Set<string> {
  const best = new Map<string, { score: number; other: string | undefined }>();
  const consider = (id: string, other: string, score: number) => {
    const held = best.get(id);
    if (!held || score > held.score) best.set(id, { score, other });
    else if (score === held.score) held.other = undefined; // a tie: no single closest match
  };
  for (const pair of pairs) {
    if (pair.nested) continue;
    consider(pair.aId, pair.bId, pair.score);
    consider(pair.bId, pair.aId, pair.score);
  }
  const closest = new Set<string>();
  for (const [id, held] of best)
    if (held.other !== undefined && best.get(held.other)?.other === id) closest.add(pairKey(id, held.other));
  return closest;
}

/** The tier a score falls in under a locality's settings, if any; `closest` if the two are each other's closest match. */
export function tierOf(score: number, settings: OverlapSettings, closest = false): Tier | null {
  if (score >= settings.likely || (closest && score >= closestFloor(settings))) return 'likely';
  return score >= settings.look ? 'look' : null;
}

export type Strength = 'very strong' | 'strong' | 'moderate' | 'weak';

/** A score in plain words, relative to the locality's thresholds. */
export function strengthOf(score: number, settings: OverlapSettings): Strength {
  if (score >= Math.min(0.95, settings.likely + (1 - settings.likely) / 2)) return 'very strong';
  if (score >= settings.likely) return 'strong';
  if (score >= settings.look) return 'moderate';
  return 'weak';
}

/** Settings checked: both thresholds in (0, 1], worth a look no higher than likely. */
export function resolveSettings(input: Partial<OverlapSettings> = {}): OverlapSettings {
  const settings = { ...DEFAULT_SETTINGS, ...input };
  for (const [name, value] of Object.entries(settings)) {
    if (!(Number.isFinite(value) && value > 0 && value <= 1))
      throw new RangeError(`${name} must be above 0 and at most 1`);
  }
  if (settings.look > settings.likely) throw new RangeError('The "worth a look" threshold must not be above "likely"');
  return settings;
}
