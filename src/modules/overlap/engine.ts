/**
 * Every pair of partnerships in a scope that is at least worth a look, without scoring every pair;
 * one new or proposed partnership scored against a scope; and a pair explained in plain words.
 *
 * Why the search is exact. A pair's score (scoring.ts) is 0 unless the two share a text feature
 * or a member: both kinds of evidence are weights the two have in common. So accumulating, for
 * each partnership, the weight it shares with every later one through the posting lists of its
 * features and members visits every pair that can score above 0, and scores each exactly. The
 * cost is the sum over features of (partnerships with it)², which a locality's register keeps
 * small: the scope is one locality, where duplication happens (two districts' community safety
 * partnerships are not duplicates of each other).
 */
import { readFeatures, sharedWeight, tellsWhat, type OverlapIndex } from './features.js';
import { nameShape, type NameShape } from './places.js';
import { runToEnd } from './steps.js';
import { idf } from './text.js';
import { scoreFromShared, scorePositions, type OverlapSettings, type PairScore } from './scoring.js';
import type { MatchExplanation, PartnershipFeatures, SharedFeature, SimilarPair } from './types.js';

export { buildIndex } from './features.js';
export type { OverlapIndex } from './features.js';

export interface PairSearchStats {
  /** Pairs that share at least one text feature or member, each scored once. */
  pairsScored: number;
  milliseconds: number;
}

export interface PairSearchResult {
  pairs: SimilarPair[];
  stats: PairSearchStats;
}

function toSimilarPair(index: OverlapIndex, p: number, q: number, s: PairScore): SimilarPair {
  const [a, b] = index.records[p]!.id < index.records[q]!.id ? [p, q] : [q, p];
  return { aId: index.records[a]!.id, bId: index.records[b]!.id, ...s };
}

export function byScoreThenIds(x: SimilarPair, y: SimilarPair): number {
  return y.score - x.score || (x.aId < y.aId ? -1 : x.aId > y.aId ? 1 : x.bId < y.bId ? -1 : x.bId > y.bId ? 1 : 0);
}

/** Scratch arrays reused across the partnerships of one search. */
class Accumulator {
  readonly text: Float64Array;
  readonly members: Float64Array;
  readonly touched: Int32Array;
  count = 0;

  constructor(size: number) {
    this.text = new Float64Array(size);
    this.members = new Float64Array(size);
    this.touched = new Int32Array(size);
  }

  touch(y: number): void {
    if (this.text[y] === 0 && this.members[y] === 0) this.touched[this.count++] = y;
  }

  reset(y: number): void {
    this.text[y] = 0;
    this.members[y] = 0;
  }
}

/** Every pair scoring at least `floor`, best first. */
export function findSimilarPairs(index: OverlapIndex, floor: number): PairSearchResult {
  return runToEnd(similarPairSteps(index, floor));
}

/** Partnerships whose pairs are scored between pauses of similarPairSteps. */
const ROWS_PER_STEP = 16;

/** findSimilarPairs, pausing every few partnerships so a caller can let other work in. */
export function* similarPairSteps(index: OverlapIndex, floor: number): Generator<void, PairSearchResult> {
  const started = performance.now();
  const acc = new Accumulator(index.size);
  const found: SimilarPair[] = [];
  let scored = 0;
  for (let x = 0; x < index.size; x++) {
    acc.count = 0;
    accumulateLater(index.text, index.textPostings, x, acc, acc.text);
    accumulateLater(index.members, index.memberPostings, x, acc, acc.members);
    for (let t = 0; t < acc.count; t++) {
      const y = acc.touched[t]!;
      const s = scoreFromShared(index, x, y, acc.text[y]!, acc.members[y]!);
      acc.reset(y);
      scored++;
      if (s.score >= floor) found.push(toSimilarPair(index, x, y, s));
    }
    if (x % ROWS_PER_STEP === ROWS_PER_STEP - 1) yield;
  }
  return {
    pairs: found.sort(byScoreThenIds),
    stats: { pairsScored: scored, milliseconds: performance.now() - started },
  };
}

/** Adds, for every partnership after x sharing a feature of x's, the smaller of the two weights. */
function accumulateLater(
  column: OverlapIndex['text'],
  postings: OverlapIndex['textPostings'],
  x: number,
  acc: Accumulator,
  into: Float64Array,
): void {
  for (let k = column.start[x]!; k < column.start[x + 1]!; k++) {
    const feature = column.ids[k]!;
    const mine = column.weights[k]!;
    // Posting lists are ascending by position: start after x so each pair is visited once.
    let c = postings.start[feature + 1]! - 1;
    const first = postings.start[feature]!;
    while (c >= first && postings.positions[c]! > x) {
      const y = postings.positions[c]!;
      acc.touch(y);
      into[y]! += Math.min(mine, postings.weights[c]!);
      c--;
    }
  }
}

/** Every pair scored one by one: the yardstick the search is tested against, never for pages. */
export function exactAllPairs(index: OverlapIndex, floor: number): SimilarPair[] {
  const out: SimilarPair[] = [];
  for (let p = 0; p < index.size; p++) {
    for (let q = p + 1; q < index.size; q++) {
      const s = scorePositions(index, p, q);
      if (s.score > 0 && s.score >= floor) out.push(toSimilarPair(index, p, q, s));
    }
  }
  return out.sort(byScoreThenIds);
}

/** A record outside the index (a proposal, an edited partnership) as the index would weigh it. */
export interface Outsider {
  textIds: Array<{ ordinal: number; weight: number }>;
  textTotal: number;
  textInformation: number;
  memberIds: Array<{ ordinal: number; weight: number }>;
  memberTotal: number;
  name: NameShape;
}

/** Weighs an outsider's features by the index's IDF; a feature the scope has never seen is as rare as can be. */
export function weighOutsider(index: OverlapIndex, candidate: PartnershipFeatures): Outsider {
  const rare = idf(0, index.size + 1);
  const read = readFeatures(candidate.name, candidate.purpose, index.context);
  const textIds: Outsider['textIds'] = [];
  let textTotal = 0;
  let textInformation = 0;
  for (const [key, multiplier] of read.multipliers) {
    const ordinal = index.textOrdinal.get(key) ?? -1;
    const weight = multiplier * (ordinal >= 0 ? index.textIdf[ordinal]! : rare);
    textTotal += weight;
    if (tellsWhat(read.sources.get(key)!)) textInformation += weight;
    if (ordinal >= 0) textIds.push({ ordinal, weight });
  }
  const memberIds: Outsider['memberIds'] = [];
  let memberTotal = 0;
  for (const id of new Set(candidate.memberOrganisationIds)) {
    const ordinal = index.memberOrdinal.get(id) ?? -1;
    const weight = ordinal >= 0 ? index.memberIdf[ordinal]! : rare;
    memberTotal += weight;
    if (ordinal >= 0) memberIds.push({ ordinal, weight });
  }
  return {
    textIds,
    textTotal,
    textInformation,
    memberIds,
    memberTotal,
    name: nameShape(candidate.name, index.nameContext.thesaurus, index.nameContext.stopWords),
  };
}

/**
 * A new or proposed partnership scored against every partnership of an index, best first: the
 * gatekeeper's "could an existing partnership do this?" and a partnership page's "similar
 * partnerships". Exact, by the same posting lists. A partnership with the candidate's id is
 * skipped, so an edited record can be checked against its old self's scope.
 */
export function checkOne(
  candidate: PartnershipFeatures,
  index: OverlapIndex,
  options: { floor: number; limit?: number; settings: OverlapSettings },
): MatchExplanation[] {
  const outsider = weighOutsider(index, candidate);
  const acc = new Accumulator(index.size);
  for (const { ordinal, weight } of outsider.textIds) {
    for (let c = index.textPostings.start[ordinal]!; c < index.textPostings.start[ordinal + 1]!; c++) {
      const y = index.textPostings.positions[c]!;
      acc.touch(y);
      acc.text[y]! += Math.min(weight, index.textPostings.weights[c]!);
    }
  }
  for (const { ordinal, weight } of outsider.memberIds) {
    for (let c = index.memberPostings.start[ordinal]!; c < index.memberPostings.start[ordinal + 1]!; c++) {
      const y = index.memberPostings.positions[c]!;
      acc.touch(y);
      acc.members[y]! += Math.min(weight, index.memberPostings.weights[c]!);
    }
  }
  const self = index.positionOf.get(candidate.id);
  const hits: Array<{ y: number; score: number }> = [];
  for (let t = 0; t < acc.count; t++) {
    const y = acc.touched[t]!;
    const shared = { text: acc.text[y]!, members: acc.members[y]! };
    acc.reset(y);
    if (y === self) continue;
    const s = scoreOutsider(index, outsider, candidate, y, shared.text, shared.members);
    if (s.score >= options.floor) hits.push({ y, score: s.score });
  }
  hits.sort((a, b) => b.score - a.score || a.y - b.y);
  return hits
    .slice(0, options.limit ?? 20)
    .map((h) => explainAgainst(index, candidate, index.records[h.y]!, options.settings));
}

function scoreOutsider(
  index: OverlapIndex,
  outsider: Outsider,
  candidate: PartnershipFeatures,
  y: number,
  sharedText: number,
  sharedMembers: number,
): PairScore {
  // Score as if the outsider were one more record of the index, by reusing scoreFromShared on a view.
  const view = outsiderView(index, outsider, candidate, y);
  return scoreFromShared(view.index, view.p, view.q, sharedText, sharedMembers);
}

/** A two-record view of the index holding the outsider and one partnership, for scoring and explaining. */
function outsiderView(index: OverlapIndex, outsider: Outsider, candidate: PartnershipFeatures, y: number) {
  const view: OverlapIndex = {
    ...index,
    records: [candidate, index.records[y]!],
    text: { ...index.text, total: Float64Array.of(outsider.textTotal, index.text.total[y]!) },
    members: { ...index.members, total: Float64Array.of(outsider.memberTotal, index.members.total[y]!) },
    textInformation: Float64Array.of(outsider.textInformation, index.textInformation[y]!),
    themes: [new Set(candidate.themes), index.themes[y]!],
    areas: [new Set(candidate.areas), index.areas[y]!],
    names: [outsider.name, index.names[y]!],
  };
  return { index: view, p: 0, q: 1 };
}

/** What a feature is, in words: a concept's preferred label, an indicator's title, an age band. */
function featureLabel(index: OverlapIndex, key: string, written: string): string {
  const value = key.slice(2);
  if (key.startsWith('c:')) {
    const thesaurus = index.context.thesaurus;
    const position = thesaurus?.positionOf.get(value);
    return position === undefined ? value : thesaurus!.concepts[position]!.label;
  }
  if (key.startsWith('n:')) {
    const title = index.context.indicatorTitles?.get(value);
    return title ? `NI ${value} (${title})` : `NI ${value}`;
  }
  if (key.startsWith('a:'))
    return value.endsWith('+') ? `ages ${value.slice(0, -1)} and over` : `ages ${value.replace('-', '–')}`;
  return written;
}

/** The full explanation of a pair in the index. */
export function explainPair(
  index: OverlapIndex,
  aId: string,
  bId: string,
  settings: OverlapSettings,
): MatchExplanation {
  const a = index.records[index.positionOf.get(aId) ?? -1];
  const b = index.records[index.positionOf.get(bId) ?? -1];
  if (!a || !b) throw new Error(`Partnership ${a ? bId : aId} is not in this scope`);
  return explainAgainst(index, a, b, settings);
}

/** Explains `a` (in the index or not) against `b` (in the index). */
export function explainAgainst(
  index: OverlapIndex,
  a: PartnershipFeatures,
  b: PartnershipFeatures,
  settings: OverlapSettings,
): MatchExplanation {
  const q = index.positionOf.get(b.id)!;
  const p = index.positionOf.get(a.id);
  const readA = readFeatures(a.name, a.purpose, index.context);
  const readB = readFeatures(b.name, b.purpose, index.context);
  const rare = idf(0, index.size + 1);
  const weightOf = (key: string, multiplier: number) => {
    const ordinal = index.textOrdinal.get(key);
    return multiplier * (ordinal === undefined ? rare : index.textIdf[ordinal]!);
  };
  const sharedFeatures: SharedFeature[] = [];
  let sharedText = 0;
  for (const [key, multiplierA] of readA.multipliers) {
    const multiplierB = readB.multipliers.get(key);
    if (multiplierB === undefined) continue;
    const weight = Math.min(weightOf(key, multiplierA), weightOf(key, multiplierB));
    sharedText += weight;
    const sourceA = readA.sources.get(key)!;
    const sourceB = readB.sources.get(key)!;
    sharedFeatures.push({
      key,
      kind: sourceA.kind,
      label: featureLabel(index, key, sourceA.written),
      writtenA: sourceA.written,
      writtenB: sourceB.written,
      weight,
      removes: Math.max(sourceA.removes, sourceB.removes),
    });
  }
  sharedFeatures.sort((x, y) => y.weight - x.weight || (x.key < y.key ? -1 : 1));
  const membersB = new Set(b.memberOrganisationIds);
  const sharedMemberIds = [...new Set(a.memberOrganisationIds)].filter((id) => membersB.has(id)).sort();
  const memberWeight = (id: string) => {
    const ordinal = index.memberOrdinal.get(id);
    return ordinal === undefined ? rare : index.memberIdf[ordinal]!;
  };
  const sharedMembers = sharedMemberIds.reduce((sum, id) => sum + memberWeight(id), 0);
  const s =
    p !== undefined
      ? scoreFromShared(index, p, q, sharedText, sharedMembers)
      : (() => {
          const view = outsiderView(index, weighOutsider(index, a), a, q);
          return scoreFromShared(view.index, 0, 1, sharedText, sharedMembers);
        })();
  const boards = (id: string) => {
    const ordinal = index.memberOrdinal.get(id);
    return ordinal === undefined ? 0 : index.memberPostings.start[ordinal + 1]! - index.memberPostings.start[ordinal]!;
  };
  const themesB = new Set(b.themes);
  const areasB = new Set(b.areas);
  return {
    aId: a.id,
    bId: b.id,
    ...s,
    settings,
    sharedFeatures,
    sharedMembers: sharedMemberIds
      .map((id) => ({ id, weight: memberWeight(id), boardShare: index.size > 0 ? boards(id) / index.size : 0 }))
      .sort((x, y) => y.weight - x.weight || (x.id < y.id ? -1 : 1)),
    sharedThemes: [...new Set(a.themes)].filter((t) => themesB.has(t)).sort(),
    sharedAreas: [...new Set(a.areas)].filter((t) => areasB.has(t)).sort(),
  };
}

export { sharedWeight };
