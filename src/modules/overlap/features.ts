/**
 * The compact index the engine works on: every partnership's members, shingles, themes and
 * areas as sorted integer arrays in flat typed arrays (one offsets array, one values array per
 * feature), and posting lists from each organisation and each shingle to the partnerships that
 * have it. At 50,000 partnerships that is about 4 million integers, a few tens of megabytes,
 * built in well under a second, and a score is a handful of merges over short sorted arrays.
 *
 * Ordinals are given in order of rarity (fewest partnerships first), so that a partnership's
 * shingles sorted by ordinal run from the most to the least distinctive: the prefix filter in
 * engine.ts relies on it.
 */
import { contentStem, idf, scanWords } from './text.js';
import { NOT_COMPARED, combine } from './scoring.js';
import type { PartnershipFeatures, ScoreWeights } from './types.js';

/** Sorted, de-duplicated integer sets for every partnership, flattened. */
export interface SetColumn {
  /** Partnership p's values are values[start[p]] … values[start[p + 1] − 1]. */
  start: Int32Array;
  values: Int32Array;
}

/** From each value to the partnerships that have it, ascending. */
export interface Postings {
  start: Int32Array;
  positions: Int32Array;
}

export interface OverlapIndex {
  records: readonly PartnershipFeatures[];
  size: number;
  positionOf: ReadonlyMap<string, number>;
  members: SetColumn;
  memberPostings: Postings;
  organisationOrdinal: ReadonlyMap<string, number>;
  organisationIds: readonly string[];
  terms: SetColumn;
  termPostings: Postings;
  /** Parallel to termPostings.positions: the partnership's shingle weight from that shingle on. */
  termRemaining: Float64Array;
  /** IDF of each shingle over the scope. */
  termWeight: Float64Array;
  /** Sum of a partnership's shingle weights. */
  textWeight: Float64Array;
  vocabulary: Vocabulary;
  themes: SetColumn;
  areas: SetColumn;
  themeOrdinal: ReadonlyMap<string, number>;
  areaOrdinal: ReadonlyMap<string, number>;
}

/** How words and phrases of the scope map to shingle ordinals. */
export interface Vocabulary {
  /** Stem → word id (a provisional id: `ordinalOfId` turns it into an ordinal). */
  wordId: Map<string, number>;
  /** Word id pair (first, second) → phrase id. */
  phraseId: IntPairMap;
  /** Provisional id (words and phrases share one id space) → ordinal. */
  ordinalOfId: Int32Array;
}

/** An Int32Array that grows as values are pushed. */
class IntList {
  values = new Int32Array(1024);
  length = 0;

  push(v: number): void {
    if (this.length === this.values.length) {
      const bigger = new Int32Array(this.values.length * 2);
      bigger.set(this.values);
      this.values = bigger;
    }
    this.values[this.length++] = v;
  }

  toArray(): Int32Array {
    return this.values.slice(0, this.length);
  }
}

/** Collects per-partnership integer sets, then flattens them. */
class SetBuilder {
  private readonly starts = new IntList();
  private readonly values = new IntList();

  constructor() {
    this.starts.push(0);
  }

  add(set: Iterable<number>): void {
    for (const v of set) this.values.push(v);
    this.starts.push(this.values.length);
  }

  build(): SetColumn {
    return { start: this.starts.toArray(), values: this.values.toArray() };
  }
}

/** Interns strings to provisional ids and counts in how many sets each appears. */
class Interner {
  readonly idOf = new Map<string, number>();
  readonly names: string[] = [];
  readonly frequency: number[] = [];

  intern(name: string): number {
    let id = this.idOf.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.idOf.set(name, id);
      this.names.push(name);
      this.frequency.push(0);
    }
    return id;
  }

  /** Distinct ids of a list of names, each counted once. */
  internSet(names: readonly string[]): number[] {
    const ids = [...new Set(names.map((n) => this.intern(n)))];
    for (const id of ids) this.frequency[id]!++;
    return ids;
  }
}

/** Ordinal of each provisional id, rarest first (ties by first appearance, so deterministic). */
function rarityOrdinals(frequency: ArrayLike<number>, count: number): Int32Array {
  const ids = Array.from({ length: count }, (_, i) => i);
  ids.sort((a, b) => frequency[a]! - frequency[b]! || a - b);
  const ordinal = new Int32Array(count);
  ids.forEach((id, rank) => (ordinal[id] = rank));
  return ordinal;
}

/** Rewrites a column's provisional ids as ordinals and sorts each set. */
function remapColumn(column: SetColumn, ordinal: Int32Array): SetColumn {
  const values = column.values.map((id) => ordinal[id]!);
  for (let p = 0; p + 1 < column.start.length; p++) values.subarray(column.start[p]!, column.start[p + 1]!).sort();
  return { start: column.start, values };
}

function postingsOf(column: SetColumn, valueCount: number): Postings {
  const start = new Int32Array(valueCount + 1);
  for (const v of column.values) start[v + 1]!++;
  for (let v = 0; v < valueCount; v++) start[v + 1]! += start[v]!;
  const fill = start.slice(0, valueCount);
  const positions = new Int32Array(column.values.length);
  for (let p = 0; p + 1 < column.start.length; p++) {
    for (let k = column.start[p]!; k < column.start[p + 1]!; k++) positions[fill[column.values[k]!]!++] = p;
  }
  return { start, positions };
}

/**
 * A map from a pair of small non-negative integers to an integer, by open addressing in typed
 * arrays: the phrase table. A JS Map keyed by first × 2^24 + second would hold heap numbers
 * (keys past 2^30) and was a measurable part of building the national index.
 */
export class IntPairMap {
  private firsts = new Int32Array(1 << 12).fill(-1);
  private seconds = new Int32Array(1 << 12);
  private values = new Int32Array(1 << 12);
  private count = 0;

  private slot(first: number, second: number): number {
    const mask = this.firsts.length - 1;
    let h = (Math.imul(first, 0x9e3779b1) ^ Math.imul(second + 0x632be5ab, 0x85ebca6b)) >>> 0;
    h = (h ^ (h >>> 15)) & mask;
    while (this.firsts[h] !== -1 && (this.firsts[h] !== first || this.seconds[h] !== second)) h = (h + 1) & mask;
    return h;
  }

  get(first: number, second: number): number | undefined {
    const h = this.slot(first, second);
    return this.firsts[h] === -1 ? undefined : this.values[h];
  }

  /** The value for a pair, adding `create()` for it when absent (one probe instead of two). */
  getOrAdd(first: number, second: number, create: () => number): number {
    if ((this.count + 1) * 2 > this.firsts.length) this.grow();
    const h = this.slot(first, second);
    if (this.firsts[h] !== -1) return this.values[h]!;
    const value = create();
    this.firsts[h] = first;
    this.seconds[h] = second;
    this.values[h] = value;
    this.count++;
    return value;
  }

  set(first: number, second: number, value: number): void {
    if ((this.count + 1) * 2 > this.firsts.length) this.grow();
    const h = this.slot(first, second);
    if (this.firsts[h] === -1) this.count++;
    this.firsts[h] = first;
    this.seconds[h] = second;
    this.values[h] = value;
  }

  private grow(): void {
    const { firsts, seconds, values } = this;
    this.firsts = new Int32Array(firsts.length * 2).fill(-1);
    this.seconds = new Int32Array(firsts.length * 2);
    this.values = new Int32Array(firsts.length * 2);
    this.count = 0;
    for (let i = 0; i < firsts.length; i++) if (firsts[i] !== -1) this.set(firsts[i]!, seconds[i]!, values[i]!);
  }
}

/** Turns text into provisional shingle ids, remembering each distinct word's stem. */
class Shingler {
  readonly wordId = new Map<string, number>();
  readonly phraseId = new IntPairMap();
  /** Surface word → word id, or −1 for a stop word: each distinct word is stemmed once. */
  private readonly surfaceCache = new Map<string, number>();
  readonly frequency = new IntList();
  /** Per id, the last record it was added for: de-duplicates without a Set per record. */
  private lastRecord = new IntList();
  private record = -1;
  private previous = -1;
  private readonly ids = new IntList();
  // Bound once: closures made per record showed up in the profile of the national build.
  private readonly onWord = (surface: string) => this.addWord(surface);
  private readonly onClauseEnd = () => {
    this.previous = -1;
  };

  private newId(): number {
    this.frequency.push(0);
    this.lastRecord.push(-1);
    return this.frequency.length - 1;
  }

  private wordOf(surface: string): number {
    let id = this.surfaceCache.get(surface);
    if (id === undefined) {
      const stemmed = contentStem(surface);
      if (stemmed === null) id = -1;
      else {
        id = this.wordId.get(stemmed);
        if (id === undefined) {
          id = this.newId();
          this.wordId.set(stemmed, id);
        }
      }
      this.surfaceCache.set(surface, id);
    }
    return id;
  }

  private phraseOf(first: number, second: number): number {
    return this.phraseId.getOrAdd(first, second, this.nextIdFor);
  }

  private readonly nextIdFor = () => this.newId();

  private addId(id: number): void {
    if (this.lastRecord.values[id] === this.record) return;
    this.lastRecord.values[id] = this.record;
    this.frequency.values[id]!++;
    this.ids.push(id);
  }

  private addWord(surface: string): void {
    const word = this.wordOf(surface);
    if (word < 0) return;
    this.addId(word);
    if (this.previous >= 0) this.addId(this.phraseOf(this.previous, word));
    this.previous = word;
  }

  /** The distinct shingle ids of a name and purpose (valid until the next call), each counted once in `frequency`. */
  shingleIds(name: string, purpose: string): Int32Array {
    this.record++;
    this.ids.length = 0;
    this.previous = -1;
    scanWords(name, this.onWord, this.onClauseEnd);
    scanWords(purpose, this.onWord, this.onClauseEnd);
    return this.ids.values.subarray(0, this.ids.length);
  }
}

function indexTerms(records: readonly PartnershipFeatures[]) {
  const shingler = new Shingler();
  const builder = new SetBuilder();
  for (const r of records) builder.add(shingler.shingleIds(r.name, r.purpose));
  const count = shingler.frequency.length;
  const frequency = shingler.frequency.values;
  const ordinalOfId = rarityOrdinals(frequency, count);
  const terms = remapColumn(builder.build(), ordinalOfId);
  const termWeight = new Float64Array(count);
  for (let id = 0; id < count; id++) termWeight[ordinalOfId[id]!] = idf(frequency[id]!, records.length);
  const textWeight = new Float64Array(records.length);
  for (let p = 0; p < records.length; p++) {
    let sum = 0;
    for (let k = terms.start[p]!; k < terms.start[p + 1]!; k++) sum += termWeight[terms.values[k]!]!;
    textWeight[p] = sum;
  }
  const vocabulary: Vocabulary = { wordId: shingler.wordId, phraseId: shingler.phraseId, ordinalOfId };
  const termPostings = postingsOf(terms, count);
  return {
    terms,
    termWeight,
    textWeight,
    vocabulary,
    termPostings,
    termRemaining: remainingAtPostings(terms, termWeight, textWeight, termPostings),
  };
}

/**
 * For each entry of the shingle posting lists: the weight the partnership has from that shingle
 * on (itself included), in rarity order. It bounds what two partnerships can share when this
 * shingle is the rarest they have in common (the positional filter in engine.ts).
 */
function remainingAtPostings(
  terms: SetColumn,
  termWeight: Float64Array,
  textWeight: Float64Array,
  postings: Postings,
): Float64Array {
  const remaining = new Float64Array(postings.positions.length);
  const fill = postings.start.slice(0, postings.start.length - 1);
  for (let p = 0; p + 1 < terms.start.length; p++) {
    let left = textWeight[p]!;
    for (let k = terms.start[p]!; k < terms.start[p + 1]!; k++) {
      const term = terms.values[k]!;
      remaining[fill[term]!++] = left;
      left -= termWeight[term]!;
    }
  }
  return remaining;
}

/** One string-set feature (members, themes or areas) as a column of rarity ordinals. */
function indexStrings(records: readonly PartnershipFeatures[], pick: (r: PartnershipFeatures) => readonly string[]) {
  const interner = new Interner();
  const builder = new SetBuilder();
  for (const r of records) builder.add(interner.internSet(pick(r)));
  const ordinal = rarityOrdinals(interner.frequency, interner.names.length);
  const column = remapColumn(builder.build(), ordinal);
  const ordinalOf = new Map<string, number>();
  const names: string[] = new Array<string>(interner.names.length);
  interner.names.forEach((name, id) => {
    ordinalOf.set(name, ordinal[id]!);
    names[ordinal[id]!] = name;
  });
  return { column, ordinalOf, names, count: interner.names.length };
}

/** Builds the index over one scope (a locality, a region or the country). */
export function buildIndex(records: readonly PartnershipFeatures[]): OverlapIndex {
  const positionOf = new Map<string, number>();
  records.forEach((r, p) => {
    if (positionOf.has(r.id)) throw new Error(`Partnership ${r.id} appears twice in the scope`);
    positionOf.set(r.id, p);
  });
  const members = indexStrings(records, (r) => r.memberOrganisationIds);
  const themes = indexStrings(records, (r) => r.themes);
  const areas = indexStrings(records, (r) => r.areas);
  return {
    records,
    size: records.length,
    positionOf,
    members: members.column,
    memberPostings: postingsOf(members.column, members.count),
    organisationOrdinal: members.ordinalOf,
    organisationIds: members.names,
    ...indexTerms(records),
    themes: themes.column,
    areas: areas.column,
    themeOrdinal: themes.ordinalOf,
    areaOrdinal: areas.ordinalOf,
  };
}

/** The shingle ordinal of a key as `shingles()` writes it (`stem` or `stem stem`), or −1. */
export function termOrdinal(index: OverlapIndex, key: string): number {
  const { wordId, phraseId, ordinalOfId } = index.vocabulary;
  const space = key.indexOf(' ');
  if (space < 0) {
    const id = wordId.get(key);
    return id === undefined ? -1 : ordinalOfId[id]!;
  }
  const first = wordId.get(key.slice(0, space));
  const second = wordId.get(key.slice(space + 1));
  if (first === undefined || second === undefined) return -1;
  const id = phraseId.get(first, second);
  return id === undefined ? -1 : ordinalOfId[id]!;
}

/** IDF of a shingle key over the index's scope (a shingle never seen there is as rare as can be). */
export function termWeightIn(index: OverlapIndex, key: string): number {
  const ordinal = termOrdinal(index, key);
  return ordinal < 0 ? idf(0, index.size) : index.termWeight[ordinal]!;
}

export function setSize(column: SetColumn, p: number): number {
  return column.start[p + 1]! - column.start[p]!;
}

/** How many values two partnerships' sets share (a merge of two short sorted arrays). */
export function sharedCount(column: SetColumn, p: number, q: number): number {
  const v = column.values;
  let i = column.start[p]!;
  const iEnd = column.start[p + 1]!;
  let j = column.start[q]!;
  const jEnd = column.start[q + 1]!;
  let shared = 0;
  while (i < iEnd && j < jEnd) {
    const a = v[i]!;
    const b = v[j]!;
    if (a === b) {
      shared++;
      i++;
      j++;
    } else if (a < b) i++;
    else j++;
  }
  return shared;
}

/** Jaccard of two partnerships' sets in a column; NOT_COMPARED when either is empty. */
export function columnJaccard(column: SetColumn, p: number, q: number): number {
  const sizeP = setSize(column, p);
  const sizeQ = setSize(column, q);
  if (sizeP === 0 || sizeQ === 0) return NOT_COMPARED;
  const shared = sharedCount(column, p, q);
  return shared / (sizeP + sizeQ - shared);
}

/** Weighted Jaccard of two partnerships' shingles; NOT_COMPARED when either has none. */
export function textJaccard(index: OverlapIndex, p: number, q: number): number {
  const { terms, termWeight, textWeight } = index;
  if (setSize(terms, p) === 0 || setSize(terms, q) === 0) return NOT_COMPARED;
  if (p === q) return 1;
  const v = terms.values;
  let i = terms.start[p]!;
  const iEnd = terms.start[p + 1]!;
  let j = terms.start[q]!;
  const jEnd = terms.start[q + 1]!;
  let shared = 0;
  while (i < iEnd && j < jEnd) {
    const a = v[i]!;
    const b = v[j]!;
    if (a === b) {
      shared += termWeight[a]!;
      i++;
      j++;
    } else if (a < b) i++;
    else j++;
  }
  const union = textWeight[p]! + textWeight[q]! - shared;
  return union > 0 ? Math.min(1, shared / union) : 0;
}

/** The four similarities of a pair, by position. */
export interface PairScore {
  score: number;
  members: number;
  text: number;
  themes: number;
  areas: number;
}

export function scorePositions(index: OverlapIndex, p: number, q: number, weights: ScoreWeights): PairScore {
  const members = columnJaccard(index.members, p, q);
  const text = textJaccard(index, p, q);
  const themes = columnJaccard(index.themes, p, q);
  const areas = columnJaccard(index.areas, p, q);
  return { score: combine(members, text, themes, areas, weights), members, text, themes, areas };
}

/**
 * The weighted Jaccard of two partnerships' shingles if it is at least `floor`, else −1,
 * stopping as soon as what is left to merge could no longer reach it: T ≥ floor exactly when
 * the shared weight s ≥ floor × (Wp + Wq) / (1 + floor), and s can grow by at most the smaller
 * of the two unmerged remainders. Most candidates fail within their rarest few shingles.
 */
export function textJaccardAtLeast(index: OverlapIndex, p: number, q: number, floor: number): number {
  const { terms, termWeight, textWeight } = index;
  const totalP = textWeight[p]!;
  const totalQ = textWeight[q]!;
  // A hair under the exact bar, so rounding can never drop a pair that reaches it.
  const needed = ((floor * (totalP + totalQ)) / (1 + floor)) * (1 - 1e-9);
  // Length bound: the shared weight cannot exceed the lighter record's total.
  if ((totalP < totalQ ? totalP : totalQ) < needed) return -1;
  const v = terms.values;
  let i = terms.start[p]!;
  const iEnd = terms.start[p + 1]!;
  let j = terms.start[q]!;
  const jEnd = terms.start[q + 1]!;
  let shared = 0;
  let leftP = totalP;
  let leftQ = totalQ;
  while (i < iEnd && j < jEnd) {
    const a = v[i]!;
    const b = v[j]!;
    if (a === b) {
      const w = termWeight[a]!;
      shared += w;
      leftP -= w;
      leftQ -= w;
      i++;
      j++;
      continue;
    }
    if (a < b) {
      leftP -= termWeight[a]!;
      i++;
    } else {
      leftQ -= termWeight[b]!;
      j++;
    }
    if (shared + (leftP < leftQ ? leftP : leftQ) < needed) return -1;
  }
  if (shared < needed) return -1;
  if (p === q) return 1;
  const union = totalP + totalQ - shared;
  return union > 0 ? Math.min(1, shared / union) : 0;
}

/**
 * A pair's score if it reaches the threshold, else null, doing as little work as possible:
 * members (or the count the caller already has), themes and areas are cheap, and they fix the
 * text similarity the pair would need, which the text merge can then stop short of.
 */
export function scoreIfAbove(
  index: OverlapIndex,
  p: number,
  q: number,
  weights: ScoreWeights,
  threshold: number,
  knownMembers?: number,
): PairScore | null {
  const members = knownMembers ?? columnJaccard(index.members, p, q);
  const themes = columnJaccard(index.themes, p, q);
  const areas = columnJaccard(index.areas, p, q);
  const hasText = setSize(index.terms, p) > 0 && setSize(index.terms, q) > 0;
  let text = NOT_COMPARED;
  if (hasText) {
    // combine() is linear in the text similarity: solve for the least that reaches the threshold.
    const atZero = combine(members, 0, themes, areas, weights);
    const atOne = combine(members, 1, themes, areas, weights);
    if (atOne < threshold) return null;
    text =
      atZero >= threshold
        ? textJaccard(index, p, q)
        : textJaccardAtLeast(index, p, q, (threshold - atZero) / (atOne - atZero));
    if (text < 0) return null;
  }
  const score = combine(members, text, themes, areas, weights);
  return score >= threshold ? { score, members, text, themes, areas } : null;
}
