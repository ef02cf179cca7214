/**
 * Every pair of partnerships in a scope that is at least worth a look, without scoring every pair;
 * one new or proposed partnership scored against a scope; and a pair explained in plain words.
 *
 * Why the search is exact. A pair's score (scoring.ts) is 0 unless the two share a text feature
 * or a member: both kinds of evidence are weights the two have in common. So visiting, for each
 * partnership, every later one through the posting lists of its features and members finds every
 * pair that can score above 0, and each is scored exactly. The scope is one locality, where
 * duplication happens (two districts' community safety partnerships are not duplicates).
 *
 * Why it stays near-linear. Walking every posting list costs the sum over features of
 * (partnerships with it)²: the council, police and NHS on nine boards in ten, or one boilerplate
 * purpose on a hundred, make that every pair. A feature on more than frequentAbove(n) records
 * (about √n, at least 16) makes candidates only for the records whose evidence on frequent
 * features alone could reach the floor (similarPairSteps); on the synthetic national register
 * that scores a quarter of the pairs it used to, with the same pairs found.
 */
import { writtenAs } from './abbreviations.js';
import { usesBoilerplate } from './boilerplate.js';
import {
  featureLookup,
  readFeatures,
  sharedWeight,
  tellsWhat,
  outsiderContext,
  TextReader,
  type ReadingContext,
  type OverlapIndex,
  type TextFeatures,
  type WeightedPostings,
} from './features.js';
import type { NameShape } from './places.js';
import { focusOf, frequentAbove, type Focus } from './focus.js';
import { runToEnd } from './steps.js';
import { idf } from './text.js';
import {
  MEMBER_POWER,
  memberConfidenceOf,
  scoreBound,
  scoreFromShared,
  scorePositions,
  TEXT_SATURATION,
  textConfidenceOf,
  THEME_BONUS,
  type OverlapSettings,
  type PairScore,
} from './scoring.js';
import type { MatchExplanation, PartnershipFeatures, SharedFeature, SimilarPair } from './types.js';

export { buildIndex } from './features.js';
export { frequentAbove };
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
  /**
   * One kept for scoring outsiders, grown to the largest index: a proposal checked against every
   * locality would otherwise allocate four arrays per locality. Safe to share, as a scoring runs
   * to its end without yielding and leaves every slot it touched reset; one that ended in an
   * error (`inUse` still set) is not used again.
   */
  private static scratch = new Accumulator(0);
  private inUse = false;

  static forOutsider(size: number): Accumulator {
    if (Accumulator.scratch.inUse || Accumulator.scratch.text.length < size)
      Accumulator.scratch = new Accumulator(size);
    Accumulator.scratch.inUse = true;
    Accumulator.scratch.count = 0;
    return Accumulator.scratch;
  }

  /** Every touched slot is reset: the scratch may serve the next outsider. */
  release(): void {
    this.inUse = false;
  }

  readonly text: Float64Array;
  readonly members: Float64Array;
  readonly touched: Int32Array;
  private readonly marked: Uint8Array;
  count = 0;

  constructor(size: number) {
    this.text = new Float64Array(size);
    this.members = new Float64Array(size);
    this.touched = new Int32Array(size);
    this.marked = new Uint8Array(size);
  }

  touch(y: number): void {
    if (this.marked[y]) return;
    this.marked[y] = 1;
    this.touched[this.count++] = y;
  }

  reset(y: number): void {
    this.text[y] = 0;
    this.members[y] = 0;
    this.marked[y] = 0;
  }
}

/** Every pair scoring at least `floor`, best first. */
export function findSimilarPairs(index: OverlapIndex, floor: number, options: SearchOptions = {}): PairSearchResult {
  return runToEnd(similarPairSteps(index, floor, options));
}

export interface SearchOptions {
  /** Records a feature may be on before it counts as frequent (default: frequentAbove(size)). */
  frequentAbove?: number;
}

/** Partnerships whose pairs are scored between pauses of similarPairSteps. */
const ROWS_PER_STEP = 16;

/**
 * findSimilarPairs, pausing every few partnerships so a caller can let other work in.
 *
 * Still exact, frequent features and all. A pair sharing a feature that is not frequent is found
 * through its posting list. A pair sharing only frequent features can reach the floor only
 * through text evidence one of the two could carry on frequent features alone, or member evidence
 * both could (see `Frequent`): such "dense" records are the only ones that walk the frequent
 * features' lists, so a token on most of the scope costs visits only for the records where it
 * could matter. Every candidate is scored exactly.
 */
export function* similarPairSteps(
  index: OverlapIndex,
  floor: number,
  options: SearchOptions = {},
): Generator<void, PairSearchResult> {
  const started = performance.now();
  const cap = options.frequentAbove ?? frequentAbove(index.size);
  const { text, members } = frequentEvidence(index, floor, cap);
  const acc = new Accumulator(index.size);
  const found: SimilarPair[] = [];
  let scored = 0;
  for (let x = 0; x < index.size; x++) {
    acc.count = 0;
    touchLater(index.text, index.textPostings, text, x, acc, true);
    touchLater(index.members, index.memberPostings, members, x, acc, false);
    touchSharingFocus(index, text, x, acc);
    for (let t = 0; t < acc.count; t++) {
      const y = acc.touched[t]!;
      acc.reset(y);
      scored++;
      const sharedText = sharedWeight(index.text, x, y);
      const sharedMembers = sharedWeight(index.members, x, y);
      if (scoreBound(index, x, y, sharedText, sharedMembers) < floor) continue;
      const s = scoreFromShared(index, x, y, sharedText, sharedMembers);
      if (s.score >= floor) found.push(toSimilarPair(index, x, y, s));
    }
    if (x % ROWS_PER_STEP === ROWS_PER_STEP - 1) yield;
  }
  return {
    pairs: found.sort(byScoreThenIds),
    stats: { pairsScored: scored, milliseconds: performance.now() - started },
  };
}

/**
 * One column's frequent features, and the records whose evidence on them alone could count: their
 * posting lists restricted to those records.
 */
interface Frequent {
  isFrequent: Uint8Array;
  dense: Uint8Array;
  densePostings: { start: Int32Array; positions: Int32Array };
}

/**
 * Which records are dense, from an upper bound on the evidence a pair sharing only frequent
 * features can have. A pair at the floor has evidence ≥ e = floor / (1 + THEME_BONUS), so text
 * evidence or member evidence ≥ t = 1 − √(1 − e) (else (1 − T)(1 − M) > 1 − e).
 *  - Text: sharing only frequent features, the pair's similarity is at most the share r of its
 *    frequent weight in the text of the one with less text, and its confidence at most that one's:
 *    T ≤ max over the two of confidence · min(1, r / TEXT_SATURATION).
 *  - Members: weighted Jaccard ≤ min(r, r′) and confidence ≤ min(c, c′), so M ≤ min over the two
 *    of c · r^MEMBER_POWER: both must be dense.
 * A pair sharing a focus is touched through it (touchSharingFocus), so the bound need not count it.
 */
function frequentEvidence(index: OverlapIndex, floor: number, cap: number) {
  // Lowered a hair, so that rounding never rules out a record that could count.
  const needed = (1 - Math.sqrt(Math.max(0, 1 - floor / (1 + THEME_BONUS)))) * (1 - 1e-9);
  const text = frequentOf(
    index.text,
    index.textPostings,
    cap,
    (p, share) => textConfidenceOf(index, p) * Math.min(1, share / TEXT_SATURATION) >= needed,
  );
  const members = frequentOf(
    index.members,
    index.memberPostings,
    cap,
    (p, share) => memberConfidenceOf(index, p) * share ** MEMBER_POWER >= needed,
  );
  return { text, members };
}

function frequentOf(
  column: OverlapIndex['text'],
  postings: OverlapIndex['textPostings'],
  cap: number,
  isDense: (p: number, frequentShare: number) => boolean,
): Frequent {
  const features = postings.start.length - 1;
  const isFrequent = new Uint8Array(features);
  for (let f = 0; f < features; f++) isFrequent[f] = postings.start[f + 1]! - postings.start[f]! > cap ? 1 : 0;
  const records = column.start.length - 1;
  const dense = new Uint8Array(records);
  for (let p = 0; p < records; p++) {
    let weight = 0;
    for (let k = column.start[p]!; k < column.start[p + 1]!; k++)
      if (isFrequent[column.ids[k]!]) weight += column.weights[k]!;
    // A small margin, so rounding never makes a record look less dense than it is.
    dense[p] = weight > 0 && isDense(p, Math.min(1, (weight / column.total[p]!) * (1 + 1e-9))) ? 1 : 0;
  }
  const start = new Int32Array(features + 1);
  for (let f = 0; f < features; f++) {
    let count = 0;
    if (isFrequent[f])
      for (let c = postings.start[f]!; c < postings.start[f + 1]!; c++) count += dense[postings.positions[c]!]!;
    start[f + 1] = start[f]! + count;
  }
  const positions = new Int32Array(start[features]!);
  let at = 0;
  for (let f = 0; f < features; f++)
    if (isFrequent[f])
      for (let c = postings.start[f]!; c < postings.start[f + 1]!; c++)
        if (dense[postings.positions[c]!]) positions[at++] = postings.positions[c]!;
  return { isFrequent, dense, densePostings: { start, positions } };
}

/**
 * Touches every partnership after x that shares its focus (focus.ts), where this search counts the
 * focus as frequent: a focus never is in its scope, but a caller may set a lower cap.
 */
function touchSharingFocus(index: OverlapIndex, text: Frequent, x: number, acc: Accumulator): void {
  const feature = index.focus[x]!.ordinal;
  if (feature < 0 || !text.isFrequent[feature]) return; // touchLater has walked it
  const postings = index.textPostings;
  const first = postings.start[feature]!;
  for (let c = postings.start[feature + 1]! - 1; c >= first && postings.positions[c]! > x; c--)
    acc.touch(postings.positions[c]!);
}

/**
 * Touches every partnership after x that may pair with it through this column: through features
 * that are not frequent, every one; through frequent ones, every one if x is dense, else the dense
 * ones (for text, where one dense record is enough) or none (for members, where both must be).
 */
function touchLater(
  column: OverlapIndex['text'],
  postings: OverlapIndex['textPostings'],
  frequent: Frequent,
  x: number,
  acc: Accumulator,
  oneDenseEnough: boolean,
): void {
  const xDense = frequent.dense[x] === 1;
  for (let k = column.start[x]!; k < column.start[x + 1]!; k++) {
    const feature = column.ids[k]!;
    let list: { start: Int32Array; positions: Int32Array } = postings;
    if (frequent.isFrequent[feature]) {
      if (!xDense && !oneDenseEnough) continue;
      if (!xDense || !oneDenseEnough) list = frequent.densePostings;
    }
    // Posting lists are ascending by position: start after x so each pair is visited once.
    const first = list.start[feature]!;
    for (let c = list.start[feature + 1]! - 1; c >= first && list.positions[c]! > x; c--) acc.touch(list.positions[c]!);
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
  /** The features and members the index knows, by ordinal, each with its weight (the same position in both lists). */
  text: WeightedOrdinals;
  textTotal: number;
  textInformation: number;
  members: WeightedOrdinals;
  memberTotal: number;
  name: NameShape;
  focus: Focus;
  /** Its text as read, for explanations. */
  read: TextFeatures;
  /** What it was read in: the scope's context, with its own abbreviations spelt out as the scope would. */
  context: ReadingContext;
}

/** Weighs an outsider's features by the index's IDF; a feature the scope has never seen is as rare as can be. */
export function weighOutsider(index: OverlapIndex, candidate: PartnershipFeatures, reader?: TextReader): Outsider {
  const rare = idf(0, index.size + 1);
  // A reader kept across indexes reads the candidate once for every locality whose place words it does not name.
  const texts = reader ?? new TextReader();
  const context = outsiderContext(index, candidate.name, candidate.purpose, texts);
  const parts = texts.readOutsiderParts(candidate.name, candidate.purpose, context);
  const read = texts.merged(parts);
  const text: WeightedOrdinals = { ordinals: [], weights: [] };
  let textTotal = 0;
  let textInformation = 0;
  // forEach rather than for…of: no entry is allocated for each feature in each locality.
  read.multipliers.forEach((multiplier, key) => {
    const ordinal = index.textOrdinal.get(key) ?? -1;
    const weight = multiplier * (ordinal >= 0 ? index.textIdf[ordinal]! : rare);
    textTotal += weight;
    if (tellsWhat(read.sources.get(key)!)) textInformation += weight;
    if (ordinal >= 0) {
      text.ordinals.push(ordinal);
      text.weights.push(weight);
    }
  });
  const members: WeightedOrdinals = { ordinals: [], weights: [] };
  let memberTotal = 0;
  for (const id of new Set(candidate.memberOrganisationIds)) {
    const ordinal = index.memberOrdinal.get(id) ?? -1;
    const weight = ordinal >= 0 ? index.memberIdf[ordinal]! : rare;
    memberTotal += weight;
    if (ordinal >= 0) {
      members.ordinals.push(ordinal);
      members.weights.push(weight);
    }
  }
  return {
    text,
    textTotal,
    textInformation,
    members,
    memberTotal,
    // As the index read its own names, so a name shared across localities is read once.
    name: texts.nameShape(candidate.name, index.nameContext),
    focus: focusOf(parts, index.context.thesaurus, featureLookup(index)),
    read,
    context,
  };
}

/** Ordinals of an index's features or members, each with a weight at the same position. */
export interface WeightedOrdinals {
  ordinals: number[];
  weights: number[];
}

/** Adds to each partnership's shared weight what it shares of `outsider`'s, by the postings. */
function addShared(acc: Accumulator, shared: Float64Array, outsider: WeightedOrdinals, postings: WeightedPostings) {
  for (let i = 0; i < outsider.ordinals.length; i++) {
    const ordinal = outsider.ordinals[i]!;
    const weight = outsider.weights[i]!;
    for (let c = postings.start[ordinal]!; c < postings.start[ordinal + 1]!; c++) {
      const y = postings.positions[c]!;
      acc.touch(y);
      shared[y]! += Math.min(weight, postings.weights[c]!);
    }
  }
}

/** A partnership of the index an outsider scores against, by its position, with the parts of the score. */
export interface OutsiderHit {
  y: number;
  score: PairScore;
}

/**
 * A new or proposed partnership scored against every partnership of an index, best first, without
 * explanations: the hits at or above `floor` (at most `limit`), and the candidate as read and
 * weighed. Exact, by the same posting lists. A partnership with the candidate's id is skipped, so
 * an edited record can be checked against its old self's scope.
 */
export function scoreOne(
  candidate: PartnershipFeatures,
  index: OverlapIndex,
  options: { floor: number; limit?: number; reader?: TextReader },
): { outsider: Outsider; hits: OutsiderHit[] } {
  const outsider = weighOutsider(index, candidate, options.reader);
  const acc = Accumulator.forOutsider(index.size);
  addShared(acc, acc.text, outsider.text, index.textPostings);
  addShared(acc, acc.members, outsider.members, index.memberPostings);
  const self = index.positionOf.get(candidate.id);
  const view = OutsiderView.of(index, outsider, candidate);
  const hits: OutsiderHit[] = [];
  for (let t = 0; t < acc.count; t++) {
    const y = acc.touched[t]!;
    const sharedText = acc.text[y]!;
    const sharedMembers = acc.members[y]!;
    acc.reset(y);
    if (y === self) continue;
    // Score as if the outsider were one more record of the index, by scoreFromShared on a view.
    const pair = view.at(y);
    if (scoreBound(pair, 0, 1, sharedText, sharedMembers) < options.floor) continue;
    const score = scoreFromShared(pair, 0, 1, sharedText, sharedMembers);
    if (score.score >= options.floor) hits.push({ y, score });
  }
  acc.release();
  hits.sort((a, b) => b.score.score - a.score.score || a.y - b.y);
  return { outsider, hits: hits.slice(0, options.limit ?? 20) };
}

/**
 * `scoreOne`, each hit explained: the gatekeeper's "could an existing partnership do this?" and a
 * partnership page's "similar partnerships".
 */
export function checkOne(
  candidate: PartnershipFeatures,
  index: OverlapIndex,
  options: { floor: number; limit?: number; settings: OverlapSettings; reader?: TextReader },
): MatchExplanation[] {
  const { outsider, hits } = scoreOne(candidate, index, options);
  // The candidate as already read and weighed, not read again for each explanation.
  return hits.map((h) => explainAgainst(index, candidate, index.records[h.y]!, options.settings, outsider));
}

/**
 * A two-record view of the index holding the outsider (position 0) and one partnership (1), for
 * scoring and explaining. One view serves every partnership an outsider is scored against: `at`
 * puts the next one in place, so scoring thousands of pairs builds no objects.
 */
class OutsiderView {
  /** One view per index, its outsider changed for each: the view copies the index's fields once. */
  private static readonly views = new WeakMap<OverlapIndex, OutsiderView>();
  private readonly view: OverlapIndex;
  private self: number | undefined;
  // The view's own arrays, held writable here.
  private readonly records: PartnershipFeatures[] = [];
  private readonly themes: Array<ReadonlySet<string>> = [];
  private readonly areas: Array<ReadonlySet<string>> = [];
  private readonly names: NameShape[] = [];
  private readonly focus: Focus[] = [];
  private readonly umbrellas: Array<readonly number[]> = [NO_PARENT, NO_PARENT];

  private constructor(private readonly index: OverlapIndex) {
    this.view = {
      ...index,
      records: this.records,
      text: { ...index.text, total: new Float64Array(2) },
      members: { ...index.members, total: new Float64Array(2) },
      textInformation: new Float64Array(2),
      themes: this.themes,
      areas: this.areas,
      names: this.names,
      focus: this.focus,
      impliedParents: Int32Array.of(-1, -1),
      umbrellas: this.umbrellas,
    };
  }

  /** A candidate's themes and areas as sets, made once however many indexes it is scored against. */
  private static readonly candidateSets = new WeakMap<
    PartnershipFeatures,
    { themes: ReadonlySet<string>; areas: ReadonlySet<string> }
  >();

  private static setsOf(candidate: PartnershipFeatures) {
    let sets = OutsiderView.candidateSets.get(candidate);
    if (!sets)
      OutsiderView.candidateSets.set(
        candidate,
        (sets = { themes: new Set(candidate.themes), areas: new Set(candidate.areas) }),
      );
    return sets;
  }

  /** The index's view with this outsider at position 0. */
  static of(index: OverlapIndex, outsider: Outsider, candidate: PartnershipFeatures): OutsiderView {
    let view = OutsiderView.views.get(index);
    if (!view) OutsiderView.views.set(index, (view = new OutsiderView(index)));
    view.self = index.positionOf.get(candidate.id);
    view.records[0] = candidate;
    view.view.text.total[0] = outsider.textTotal;
    view.view.members.total[0] = outsider.memberTotal;
    view.view.textInformation[0] = outsider.textInformation;
    const sets = OutsiderView.setsOf(candidate);
    view.themes[0] = sets.themes;
    view.areas[0] = sets.areas;
    view.names[0] = outsider.name;
    view.focus[0] = outsider.focus;
    return view;
  }

  /** The view with the index's partnership `y` at position 1. Valid until the next `of` or `at`. */
  at(y: number): OverlapIndex {
    const { index, view, self } = this;
    this.records[1] = index.records[y]!;
    view.text.total[1] = index.text.total[y]!;
    view.members.total[1] = index.members.total[y]!;
    view.textInformation[1] = index.textInformation[y]!;
    this.themes[1] = index.themes[y]!;
    this.areas[1] = index.areas[y]!;
    this.names[1] = index.names[y]!;
    this.focus[1] = index.focus[y]!;
    // A proposal belongs to nothing yet; a record of the scope keeps its nesting with `y`, so
    // checking it scores as the whole-scope search does.
    view.impliedParents[0] = self !== undefined && index.impliedParents[self] === y ? 1 : -1;
    view.impliedParents[1] = self !== undefined && index.impliedParents[y] === self ? 0 : -1;
    this.umbrellas[0] = self !== undefined && index.umbrellas[self]!.includes(y) ? PARENT_AT_1 : NO_PARENT;
    this.umbrellas[1] = self !== undefined && index.umbrellas[y]!.includes(self) ? PARENT_AT_0 : NO_PARENT;
    return view;
  }
}

const NO_PARENT: readonly number[] = [];
const PARENT_AT_0: readonly number[] = [0];
const PARENT_AT_1: readonly number[] = [1];

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
  outsiderA?: Outsider,
): MatchExplanation {
  const q = index.positionOf.get(b.id)!;
  const p = index.positionOf.get(a.id);
  const readA = outsiderA?.read ?? readFeatures(a.name, a.purpose, index.context);
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
      writtenA: writtenAs(sourceA.written, a.name, a.purpose, (outsiderA?.context ?? index.context).abbreviations),
      writtenB: writtenAs(sourceB.written, b.name, b.purpose, index.context.abbreviations),
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
          const view = OutsiderView.of(index, outsiderA ?? weighOutsider(index, a), a).at(q);
          return scoreFromShared(view, 0, 1, sharedText, sharedMembers);
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
    focusKey: s.focus > 0 ? index.focus[q]!.key : null,
    templateLeftOut:
      usesBoilerplate(a.purpose, (outsiderA?.context ?? index.context).boilerplate) &&
      usesBoilerplate(b.purpose, index.context.boilerplate),
    sharedAreas: [...new Set(a.areas)].filter((t) => areasB.has(t)).sort(),
  };
}

export { sharedWeight };
