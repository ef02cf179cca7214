/**
 * What the engine compares: each partnership's text read into weighted features, and its members
 * weighted by how specific they are, over one scope (a locality's register).
 *
 * Text features, from the name and purpose together:
 *  - a concept of the thesaurus that a word or phrase names ("under-18 conception" and "teenage
 *    pregnancy" are one concept), and each broader concept above it, counted for less the further
 *    up it is (two kinds of sexual health work share "sexual health", a little);
 *  - any word no concept covers, by its stem;
 *  - the age bands of the ages named ("15-17", "u18"), counted for half a word each;
 *  - a national indicator cited by number, and the concepts its title names.
 * Every feature is weighted by its inverse document frequency over the scope, so a concept on two
 * records tells far more than one on half the register, and the locality's boilerplate nearly
 * nothing.
 *
 * Members: each organisation weighted by its inverse document frequency over the scope's boards.
 * The district council, county council, police and NHS body that sit on most boards weigh almost
 * nothing; a small charity on two boards weighs a lot. Two boards are alike on members by the
 * weight they share, not by the count.
 */
import { ageBands, idf, readText, readTokens, readingOf, saysNothing, STOP_WORDS, type TextReading } from './text.js';
import { type CompiledThesaurus, type ConceptMatch, matchConcepts } from '../thesaurus/matcher.js';
import { placesNamedIn, scopePlaceWords, shapeOfName, wordsInAtLeast, type NameShape } from './places.js';
import { impliedParents, type NameTopics, umbrellasByBreadth, umbrellasByName } from './nesting.js';
import {
  type Abbreviations,
  type WrittenAbbreviation,
  abbreviationsWritten,
  learnAbbreviations,
  usesOthers,
  withAbbreviationsSpelt,
} from './abbreviations.js';
import {
  type Boilerplate,
  type WrittenWord,
  findBoilerplate,
  withoutBoilerplate,
  writtenWords,
} from './boilerplate.js';
import { type FeatureLookup, type Focus, focusOf, frequentAbove } from './focus.js';
import { runToEnd } from './steps.js';
import type { PartnershipFeatures } from './types.js';

/** What the engine knows beyond the records: the thesaurus, indicator titles, the scope's own words. */
export interface ReadingContext {
  thesaurus?: CompiledThesaurus;
  /** National indicator number (`112`) → title, so "NI112" is read as "Under 18 conception rate". */
  indicatorTitles?: ReadonlyMap<string, string>;
  /** Lower-case words that say nothing in this scope: the locality's own name. */
  stopWords?: ReadonlySet<string>;
  /** The runs of words the scope's purposes repeat from one another (boilerplate.ts), read as nothing. */
  boilerplate?: Boilerplate;
  /** The scope's own abbreviations and what each stands for (abbreviations.ts). */
  abbreviations?: Abbreviations;
}

/** Share of a concept's weight each broader concept above it carries, per step up. */
export const BROADER_SHARE = 0.4;
/** Share of a word's weight an age band carries: ages say who, not what. */
export const AGE_SHARE = 0.5;
/**
 * The field whose concepts say how partnerships are run (the LSP, the community strategy, the
 * LAA, performance management, pooled budgets) rather than what work they do: a board that
 * "delivers the priorities of the Sustainable Community Strategy" says where it reports, not
 * what it is for. Such concepts count for this share.
 */
export const CONTEXT_FIELD = 'governance-and-resources';
export const CONTEXT_SHARE = 0.4;

/**
 * Share of a word's weight an indicator's number carries when its title names concepts: the
 * number is another way of saying what its title says, which the concepts already count, so a
 * board citing "NI 117" is not made broader than one describing NEETs in words.
 */
export const INDICATOR_SHARE = 0.3;

/** A partnership's name usually says what it is for: what it names counts this much more. */
export const NAME_EMPHASIS = 1.5;
/** A word in this many concepts' labels counts for half as much as one in none, and so on. */
export const COMMON_WORD_CONCEPTS = 8;
/** How many features found nowhere else make a text (or a board) fully telling. */
export const FULL_INFORMATION_FEATURES = 2;
/**
 * Share of a concept's weight a word the thesaurus does not know carries. Such words are often
 * the vocabulary of administration ("annual", "targets", "review") rather than of the work, and in a
 * small register their rarity overstates them.
 */
export const WORD_SHARE = 0.5;

export type FeatureKind = 'concept' | 'word' | 'age' | 'indicator';

/** How one feature arose in one text: for explanations. */
export interface FeatureSource {
  kind: FeatureKind;
  /** As written in the text ("under-18 conceptions", "insulation", "15-17", "NI 112"). */
  written: string;
  /** For a concept: reached through a narrower one, this many steps down (0 when named directly). */
  removes: number;
}

/** A text read into features: key → multiplier (1 named directly, less for broader concepts and ages). */
export interface TextFeatures {
  multipliers: Map<string, number>;
  sources: Map<string, FeatureSource>;
}

function addFeature(into: TextFeatures, key: string, multiplier: number, source: FeatureSource): void {
  const had = into.multipliers.get(key);
  if (had === undefined || multiplier > had) {
    into.multipliers.set(key, multiplier);
    into.sources.set(key, source);
  }
}

function addConcept(
  into: TextFeatures,
  thesaurus: CompiledThesaurus,
  concept: number,
  written: string,
  emphasis = 1,
): void {
  const weight = emphasis * (thesaurus.concepts[concept]!.field === CONTEXT_FIELD ? CONTEXT_SHARE : 1);
  addFeature(into, `c:${thesaurus.concepts[concept]!.id}`, weight, { kind: 'concept', written, removes: 0 });
  thesaurus.ancestors[concept]!.forEach((level, k) => {
    for (const b of level)
      addFeature(into, `c:${thesaurus.concepts[b]!.id}`, weight * BROADER_SHARE ** (k + 1), {
        kind: 'concept',
        written,
        removes: k + 1,
      });
  });
}

/**
 * The age bands a range covers, sharing one age's weight between them (a wide range says less
 * about whom than a narrow one); ages implied by a word ("children") count for half of that.
 */
function addAges(into: TextFeatures, range: readonly [number, number], written: string, implied = false): void {
  const bands = ageBands(range);
  const share = (AGE_SHARE * (implied ? 0.5 : 1)) / bands.length;
  for (const band of bands) addFeature(into, `a:${band}`, share, { kind: 'age', written, removes: 0 });
}

function describeAges(range: readonly [number, number]): string {
  return range[1] >= 110
    ? `${range[0]} and over`
    : range[0] === 0
      ? `under ${range[1] + 1}`
      : `${range[0]}–${range[1]}`;
}

/** A text read in one context: its words, ages and indicators, and the concepts the thesaurus names in it. */
export interface ParsedText {
  reading: TextReading;
  matches: ConceptMatch[];
}

export function parseText(text: string, context: ReadingContext = {}): ParsedText {
  const reading = readText(text, context.stopWords);
  const { thesaurus } = context;
  return { reading, matches: thesaurus ? matchConcepts(thesaurus, reading.tokens, reading.reading) : [] };
}

/** Whether at least half of `range` lies within `within`: "15-17" is within teenage years, "working age" is not within old age. */
function mostlyWithin(range: readonly [number, number], within: readonly [number, number]): boolean {
  const overlap = Math.min(range[1], within[1]) - Math.max(range[0], within[0]) + 1;
  return overlap > 0 && overlap * 2 >= range[1] - range[0] + 1;
}

/** Concepts a word names only for the ages the same text names (a thesaurus's `whenAged` words). */
function addAgedConcepts(
  out: TextFeatures,
  thesaurus: CompiledThesaurus,
  reading: TextReading,
  textAges: ReadonlyArray<readonly [number, number]>,
  covered: Set<number>,
  emphasis: number,
): void {
  reading.tokens.forEach((t, i) => {
    if (covered.has(i)) return;
    for (const aged of thesaurus.agedWords.get(t.stem) ?? []) {
      if (!textAges.some((range) => mostlyWithin(range, aged.ages))) continue;
      addConcept(out, thesaurus, aged.concept, t.surface, emphasis);
      covered.add(i);
    }
  });
}

/** Adds the features of one parsed text, counted `emphasis` times (a name more than a purpose). */
function addText(out: TextFeatures, parsed: ParsedText, emphasis: number, context: ReadingContext): void {
  const { thesaurus } = context;
  const { reading, matches } = parsed;
  const covered = new Set<number>();
  if (thesaurus) {
    const textAges: Array<readonly [number, number]> = [...reading.ages];
    for (const m of matches) {
      addConcept(out, thesaurus, m.concept, m.text, emphasis);
      for (const i of m.positions) covered.add(i);
      const ages = thesaurus.concepts[m.concept]!.ages;
      if (ages) {
        addAges(out, ages, m.text, true);
        textAges.push(ages);
      }
    }
    if (textAges.length > 0) addAgedConcepts(out, thesaurus, reading, textAges, covered, emphasis);
  }
  reading.tokens.forEach((t, i) => {
    if (covered.has(i) || t.generic) return;
    // A word many concepts' labels use ("services", "support") is the field's common stock.
    const commonness = thesaurus?.conceptsUsing.get(t.stem) ?? 0;
    const multiplier = (emphasis * WORD_SHARE) / (1 + commonness / COMMON_WORD_CONCEPTS);
    addFeature(out, `w:${t.stem}`, multiplier, { kind: 'word', written: t.surface, removes: 0 });
  });
  for (const range of reading.ages) addAges(out, range, describeAges(range));
  for (const number of reading.indicators) {
    const written = `NI ${number}`;
    const named = new Set(thesaurus?.indicators.get(number) ?? []);
    const title = context.indicatorTitles?.get(number);
    if (thesaurus && title) for (const m of matchConcepts(thesaurus, readText(title).tokens)) named.add(m.concept);
    addFeature(out, `n:${number}`, named.size > 0 ? INDICATOR_SHARE : 1, { kind: 'indicator', written, removes: 0 });
    for (const c of named) addConcept(out, thesaurus!, c, written);
  }
}

/**
 * A name and purpose as the scope reads them: the purpose without the scope's boilerplate, both
 * with the scope's abbreviations spelt out. The index and an explanation read through this alone,
 * so what a score counts and what its explanation lists never differ.
 */
function ownWords(
  name: string,
  purpose: string,
  context: ReadingContext,
  scanOf?: (text: string) => TextScan,
): [string, string] {
  const spelt = (text: string) => withAbbreviationsSpelt(text, context.abbreviations, scanOf?.(text).abbreviations);
  return [spelt(name), spelt(withoutBoilerplate(purpose, context.boilerplate, scanOf?.(purpose).words))];
}

/** What of a text may read differently from one scope to the next: its words and its abbreviations. */
interface TextScan {
  words: readonly WrittenWord[];
  abbreviations: readonly WrittenAbbreviation[];
}

const outsiderContexts = new WeakMap<object, Map<string, ReadingContext>>();

/**
 * The context a record from outside a scope (a proposal) is read in: the scope's, but with its
 * own abbreviations spelt out as the scope spells them, as they would be once it is registered
 * ("HfU hosts' group" against a register that speaks of "the Homes for Ukraine scheme"). Kept per
 * scope and text, since a national pre-check reads one proposal in every locality.
 */
export function outsiderContext(
  scope: { context: ReadingContext; records: readonly Pick<PartnershipFeatures, 'name' | 'purpose'>[] },
  name: string,
  purpose: string,
  reader?: TextReader,
): ReadingContext {
  const { context } = scope;
  const known = context.thesaurus && abbreviationKnown(context.thesaurus);
  const uses = (text: string) => usesOthers(text, context.abbreviations, known, reader?.scan(text).abbreviations);
  if (!uses(name) && !uses(purpose)) return context;
  let kept = outsiderContexts.get(scope);
  if (!kept) outsiderContexts.set(scope, (kept = new Map()));
  const key = `${name}\n${purpose}`;
  let own = kept.get(key);
  if (!own) {
    const abbreviations = learnAbbreviations(
      [...scope.records.map((r) => r.name), name],
      [...scope.records.map((r) => r.purpose), purpose],
      known,
    );
    own = { ...context, abbreviations };
    if (kept.size > 100) kept.clear();
    kept.set(key, own);
  }
  return own;
}

const knownAbbreviations = new WeakMap<CompiledThesaurus, (word: string) => boolean>();

/**
 * Whether the thesaurus reads an abbreviation as a kind of work: asked once per word, since
 * localities share them; one question per thesaurus, since a national pre-check asks in every locality.
 */
function abbreviationKnown(thesaurus: CompiledThesaurus): (word: string) => boolean {
  let known = knownAbbreviations.get(thesaurus);
  if (!known) {
    const answers = new Map<string, boolean>();
    known = (word) => {
      let answer = answers.get(word);
      if (answer === undefined) {
        answer = [...readFeatures(word, '', { thesaurus }).sources.values()].some((s) => s.kind === 'concept');
        answers.set(word, answer);
      }
      return answer;
    };
    knownAbbreviations.set(thesaurus, known);
  }
  return known;
}

/** Reads a name and purpose into features (pure; the index weights them over its scope). */
export function readFeatures(name: string, purpose: string, context: ReadingContext = {}): TextFeatures {
  const out: TextFeatures = { multipliers: new Map(), sources: new Map() };
  const [ownName, ownPurpose] = ownWords(name, purpose, context);
  addText(out, parseText(ownName, context), NAME_EMPHASIS, context);
  if (!saysNothing(ownPurpose)) addText(out, parseText(ownPurpose, context), 1, context);
  return out;
}

function featuresOf(parsed: ParsedText, emphasis: number, context: ReadingContext): TextFeatures {
  const out: TextFeatures = { multipliers: new Map(), sources: new Map() };
  addText(out, parsed, emphasis, context);
  return out;
}

/** Whether a feature says what the partnership does (not a broader heading, not the ages it serves). */
export function tellsWhat(source: FeatureSource): boolean {
  return source.removes === 0 && source.kind !== 'age';
}

/** Lower-case words of a place's name, to be ignored in its own scope ("Westmarsh", "Saltings"). */
export function placeWords(...names: string[]): Set<string> {
  const words = new Set<string>();
  for (const name of names)
    for (const w of name.toLowerCase().split(/[^a-z0-9]+/))
      if (w.length > 1 && !STOP_WORDS.has(w) && !['demo', 'city', 'borough', 'district', 'county'].includes(w))
        words.add(w);
  return words;
}

/**
 * Words of the places a scope's organisations are named after ("Nethershire County Council",
 * "NHS Nethershire ICB", "Age UK Nethershire"): written with a capital in at least two
 * organisations' names, used by no concept's label and not generic. In a partnership's text they
 * say where it works, which every partnership of the scope shares, not what it does.
 */
export function organisationPlaceWords(names: readonly string[], thesaurus?: CompiledThesaurus): Set<string> {
  const placeLike = (name: string) =>
    readTokens(name)
      .filter((token) => {
        const written = readingOf(name).slice(token.start, token.end);
        return !token.generic && /^[A-Z]/.test(written) && (thesaurus?.conceptsUsing.get(token.stem) ?? 0) === 0;
      })
      .map((token) => token.surface);
  return wordsInAtLeast(names.map(placeLike), 2);
}

/** Per partnership, a sorted list of feature ordinals with a weight each, flattened. */
export interface WeightedColumn {
  /** Partnership p's entries are at start[p] … start[p + 1] − 1. */
  start: Int32Array;
  ids: Int32Array;
  weights: Float64Array;
  /** Sum of each partnership's weights. */
  total: Float64Array;
}

/** From each feature to the partnerships that have it, with their weight for it. */
export interface WeightedPostings {
  start: Int32Array;
  positions: Int32Array;
  weights: Float64Array;
}

export interface OverlapIndex {
  records: readonly PartnershipFeatures[];
  size: number;
  positionOf: ReadonlyMap<string, number>;
  /** What the texts were read with: the scope's context and its own places as stop words. */
  context: ReadingContext;
  /** What the names were read with (places kept, to tell them apart). */
  nameContext: ReadingContext;
  text: WeightedColumn;
  textPostings: WeightedPostings;
  /** Each partnership's weight from features named directly (not broader concepts): how much its text says. */
  textInformation: Float64Array;
  /** Feature key → ordinal, and the IDF of each. */
  textOrdinal: ReadonlyMap<string, number>;
  textIdf: Float64Array;
  members: WeightedColumn;
  memberPostings: WeightedPostings;
  memberOrdinal: ReadonlyMap<string, number>;
  memberIdf: Float64Array;
  /**
   * What a well-described partnership carries, text or board: the weight of a couple of things
   * found nowhere else in the scope. Below it, the evidence is trusted less (scoring.ts).
   */
  fullInformation: number;
  themes: readonly ReadonlySet<string>[];
  areas: readonly ReadonlySet<string>[];
  /** Each partnership's name as read on its own, for telling the same kind of body in different places. */
  names: readonly NameShape[];
  /** Per position, the position of the partnership its purpose says it belongs to, or -1 (nesting.ts). */
  impliedParents: Int32Array;
  /** Per position, the partnerships whose names its name extends by a kind of work (nesting.ts). */
  umbrellas: ReadonlyArray<readonly number[]>;
  /** Per position, what the partnership is mainly about (focus.ts). */
  focus: readonly Focus[];
}

interface Interned {
  ordinal: Map<string, number>;
  frequency: number[];
}

function intern(into: Interned, key: string): number {
  let o = into.ordinal.get(key);
  if (o === undefined) {
    o = into.frequency.length;
    into.ordinal.set(key, o);
    into.frequency.push(0);
  }
  return o;
}

/** Builds a weighted column from per-record (ordinal → multiplier) maps, IDF over the records. */
function weighColumn(rows: ReadonlyArray<Map<number, number>>, interned: Interned) {
  const n = rows.length;
  const idfs = Float64Array.from(interned.frequency, (df) => idf(df, n));
  const start = new Int32Array(n + 1);
  for (let p = 0; p < n; p++) start[p + 1] = start[p]! + rows[p]!.size;
  const ids = new Int32Array(start[n]!);
  const weights = new Float64Array(start[n]!);
  const total = new Float64Array(n);
  rows.forEach((row, p) => {
    const sorted = [...row.keys()].sort((a, b) => a - b);
    sorted.forEach((o, k) => {
      ids[start[p]! + k] = o;
      weights[start[p]! + k] = row.get(o)! * idfs[o]!;
      total[p]! += row.get(o)! * idfs[o]!;
    });
  });
  const column: WeightedColumn = { start, ids, weights, total };
  return { column, idfs, postings: postingsOf(column, interned.frequency.length) };
}

function postingsOf(column: WeightedColumn, count: number): WeightedPostings {
  const start = new Int32Array(count + 1);
  for (const o of column.ids) start[o + 1]!++;
  for (let o = 0; o < count; o++) start[o + 1]! += start[o]!;
  const fill = start.slice(0, count);
  const positions = new Int32Array(column.ids.length);
  const weights = new Float64Array(column.ids.length);
  for (let p = 0; p + 1 < column.start.length; p++) {
    for (let k = column.start[p]!; k < column.start[p + 1]!; k++) {
      const slot = fill[column.ids[k]!]!++;
      positions[slot] = p;
      weights[slot] = column.weights[k]!;
    }
  }
  return { start, positions, weights };
}

/** How many steps of reading a pause comes after: reading one partnership takes well under a millisecond. */
const RECORDS_PER_STEP = 20;

/** A scope's partnerships as read: their names, and their texts read without the scope's own places. */
export interface ScopeReading {
  names: NameShape[];
  /**
   * Each partnership's text as the features of its name and of its purpose, kept apart (they are
   * shared with other partnerships): together they are what readFeatures gives (`mergeParts`).
   */
  texts: Array<readonly TextFeatures[]>;
  /** The context the texts were read in: the scope's context and its places as stop words. */
  textContext: ReadingContext;
}

/** What one text reads as in one context (see TextReader). */
interface CachedReading {
  shape?: NameShape;
  /** By emphasis: the name's and the purpose's. */
  features: Map<number, TextFeatures>;
}

interface TextEntry {
  words: readonly string[];
  readings: Map<string, CachedReading>;
  /** Whether the text, as a purpose, only says that the purpose is missing (saysNothing). */
  missing?: boolean;
  scan?: TextScan;
}

/**
 * Reads texts, each distinct text once per context: registers repeat names and boilerplate
 * purposes across partnerships and localities. What a text reads as depends on its context only
 * through the thesaurus, the indicator titles and which of the text's own words are stop words, so
 * that is what a reading is kept under. One reader serves one analysis and is dropped with it.
 */
export class TextReader {
  private readonly texts = new Map<string, TextEntry>();
  private readonly merges = new WeakMap<TextFeatures, WeakMap<TextFeatures, TextFeatures>>();
  private readonly ids = new WeakMap<object, number>();
  private nextId = 1;

  /** A name's shape (places.ts), read in `context`. */
  nameShape(name: string, context: ReadingContext): NameShape {
    const cached = this.reading(name, context);
    if (!cached.shape) {
      const parsed = parseText(name, context);
      cached.shape = shapeOfName(parsed.reading, parsed.matches, context.stopWords);
      // The same parse serves the name's features whenever the name is read with the same stop words.
      cached.features.set(NAME_EMPHASIS, featuresOf(parsed, NAME_EMPHASIS, context));
    }
    return cached.shape;
  }

  /** readFeatures, from the readings kept. */
  read(name: string, purpose: string, context: ReadingContext): TextFeatures {
    return mergeParts(this.readParts(name, purpose, context));
  }

  /** The features of a name and of a purpose, as kept: read-only, shared with every text alike. */
  readParts(name: string, purpose: string, context: ReadingContext): readonly TextFeatures[] {
    return this.partsOf(ownWords(name, purpose, context), context);
  }

  /**
   * readParts for a text read in many scopes (a proposal checked across the country): its words and
   * abbreviations are found once, not in every scope. A scope's own records are read in one scope
   * each, so they are not kept so.
   */
  readOutsiderParts(name: string, purpose: string, context: ReadingContext): readonly TextFeatures[] {
    return this.partsOf(
      ownWords(name, purpose, context, (text) => this.scan(text)),
      context,
    );
  }

  private partsOf([ownName, ownPurpose]: [string, string], context: ReadingContext): readonly TextFeatures[] {
    return [this.features(ownName, NAME_EMPHASIS, context), this.features(this.purposeText(ownPurpose), 1, context)];
  }

  /** mergeParts of parts this reader read, kept: a proposal reads alike in most localities. */
  merged(parts: readonly TextFeatures[]): TextFeatures {
    const [name, purpose] = parts;
    if (parts.length !== 2 || !name || !purpose) return mergeParts(parts);
    let withName = this.merges.get(name);
    if (!withName) this.merges.set(name, (withName = new WeakMap()));
    let merged = withName.get(purpose);
    if (!merged) withName.set(purpose, (merged = mergeParts(parts)));
    return merged;
  }

  /** A text's words and abbreviations, found once however many scopes read it. */
  scan(text: string): TextScan {
    const entry = this.entry(text);
    entry.scan ??= { words: writtenWords(text), abbreviations: abbreviationsWritten(text) };
    return entry.scan;
  }

  /** A purpose as read: a note that it is missing reads as no purpose at all. */
  private purposeText(purpose: string): string {
    const entry = this.entry(purpose);
    entry.missing ??= saysNothing(purpose);
    return entry.missing ? '' : purpose;
  }

  private features(text: string, emphasis: number, context: ReadingContext): TextFeatures {
    const cached = this.reading(text, context);
    let features = cached.features.get(emphasis);
    if (!features) cached.features.set(emphasis, (features = featuresOf(parseText(text, context), emphasis, context)));
    return features;
  }

  private entry(text: string): TextEntry {
    let entry = this.texts.get(text);
    if (!entry) this.texts.set(text, (entry = { words: wordsOf(text), readings: new Map() }));
    return entry;
  }

  private reading(text: string, context: ReadingContext): CachedReading {
    const entry = this.entry(text);
    let key = `${this.idOf(context.thesaurus)} ${this.idOf(context.indicatorTitles)}`;
    const stops = context.stopWords;
    if (stops) for (const word of entry.words) if (stops.has(word)) key += ` ${word}`;
    let cached = entry.readings.get(key);
    if (!cached) entry.readings.set(key, (cached = { features: new Map() }));
    return cached;
  }

  private idOf(thing: object | undefined): number {
    if (!thing) return 0;
    let id = this.ids.get(thing);
    if (id === undefined) this.ids.set(thing, (id = this.nextId++));
    return id;
  }
}

/** Parts read separately, as readFeatures reads them together: each feature at its largest, the first such. */
export function mergeParts(parts: readonly TextFeatures[]): TextFeatures {
  const out: TextFeatures = { multipliers: new Map(), sources: new Map() };
  for (const part of parts)
    for (const [key, multiplier] of part.multipliers) addFeature(out, key, multiplier, part.sources.get(key)!);
  return out;
}

/**
 * Reads a scope's partnerships, pausing every few (a caller may let other work in): names first,
 * since they tell the scope's own places (places.ts), then the texts with those places ignored.
 * A reader shared across scopes reads a text repeated in several only once.
 */
export function* readScopeSteps(
  records: readonly Pick<PartnershipFeatures, 'name' | 'purpose'>[],
  context: ReadingContext = {},
  reader: TextReader = new TextReader(),
): Generator<void, ScopeReading> {
  const names: NameShape[] = [];
  for (const record of records) {
    names.push(reader.nameShape(record.name, context));
    if (names.length % RECORDS_PER_STEP === 0) yield;
  }
  const places = scopePlaceWords(names);
  for (const record of records) for (const place of placesNamedIn(record.purpose)) places.add(place);
  const boilerplate = findBoilerplate(records.map((r) => r.purpose));
  const abbreviations = learnAbbreviations(
    records.map((r) => r.name),
    records.map((r) => r.purpose),
    context.thesaurus && abbreviationKnown(context.thesaurus),
  );
  const textContext = {
    ...context,
    ...(places.size > 0 && { stopWords: new Set([...(context.stopWords ?? []), ...places]) }),
    ...(boilerplate && { boilerplate }),
    ...(abbreviations && { abbreviations }),
  };
  const texts: Array<readonly TextFeatures[]> = [];
  for (const record of records) {
    texts.push(reader.readParts(record.name, record.purpose, textContext));
    if (texts.length % RECORDS_PER_STEP === 0) yield;
  }
  return { names, texts, textContext };
}

/** The distinct lower-case words of a text as read (stop words included). */
export function wordsOf(text: string): string[] {
  return [...new Set((readingOf(text).match(/[A-Za-z0-9]+/g) ?? []).map((w) => w.toLowerCase()))];
}

/** The kinds of work and other words a name's own features name directly. */
function nameTopics(name: string, features: TextFeatures): NameTopics {
  const concepts: string[] = [];
  const words: string[] = [];
  for (const [key, source] of features.sources) {
    if (source.removes !== 0) continue;
    if (source.kind === 'concept') concepts.push(key);
    else if (source.kind === 'word') words.push(key);
  }
  return { concepts, words, name };
}

/** Per position, the partnerships whose names make it one strand of their work (nesting.ts). */
function umbrellasOf(
  records: readonly PartnershipFeatures[],
  reading: ScopeReading,
  thesaurus: CompiledThesaurus | undefined,
  impliedParents: Int32Array,
): number[][] {
  const names = records.map((r, p) => nameTopics(r.name, reading.texts[p]![0]!));
  // A partnership whose record or purpose says whose sub-group it is is no strand of another body
  // its name happens to extend: that one is a peer ("SAB Modern Slavery Sub-Group", the SAB's, and
  // an anti-slavery network). A theme board over its kind of work (by breadth) still is.
  const byName = umbrellasByName(names, thesaurus && extendsByWork(thesaurus)).map((list, p) => {
    const parent = records[p]!.parentId ?? (impliedParents[p]! >= 0 ? records[impliedParents[p]!]!.id : null);
    return parent === null ? list : list.filter((q) => records[q]!.id === parent);
  });
  if (!thesaurus) return byName;
  const byBreadth = umbrellasByBreadth(names, records, ancestorsIn(thesaurus));
  return byName.map((list, p) => (byBreadth[p]!.length === 0 ? list : [...new Set([...list, ...byBreadth[p]!])]));
}

/**
 * Whether a name's extra concepts make it a strand of a name with the base ones: not when they only
 * say how it is run or funded ("Community Budget Pilot"), nor when they name the base's own work
 * more narrowly or broadly ("Town Team (Portas Pilot)": high streets, under town centres).
 */
function extendsByWork(thesaurus: CompiledThesaurus) {
  const ancestorsOf = ancestorsIn(thesaurus);
  const known = new Map<string, readonly string[]>();
  const ancestors = (key: string) => known.get(key) ?? known.set(key, ancestorsOf(key)).get(key)!;
  const isContext = (key: string) =>
    thesaurus.concepts[thesaurus.positionOf.get(key.slice(2)) ?? -1]?.field === CONTEXT_FIELD;
  const akin = (a: string, b: string) => ancestors(a).includes(b) || ancestors(b).includes(a);
  return (extra: readonly string[], base: readonly string[]) =>
    extra.some((e) => !isContext(e) && !base.some((b) => akin(e, b)));
}

/** A concept key's broader concepts' keys, at every remove. */
function ancestorsIn(thesaurus: CompiledThesaurus) {
  return (key: string) => {
    const c = thesaurus.positionOf.get(key.slice(2));
    return c === undefined ? [] : thesaurus.ancestors[c]!.flat().map((a) => `c:${thesaurus.concepts[a]!.id}`);
  };
}

/** Builds the index over one scope (one locality's open partnerships); `reading` when already read. */
export function buildIndex(
  records: readonly PartnershipFeatures[],
  context: ReadingContext = {},
  reading: ScopeReading = runToEnd(readScopeSteps(records, context)),
): OverlapIndex {
  const positionOf = new Map<string, number>();
  records.forEach((r, p) => {
    if (positionOf.has(r.id)) throw new Error(`Partnership ${r.id} appears twice in the scope`);
    positionOf.set(r.id, p);
  });
  const textInterned: Interned = { ordinal: new Map(), frequency: [] };
  const directKeys: Array<Set<number>> = [];
  const textRows = reading.texts.map((parts) => {
    // As mergeParts would merge them, straight into ordinals.
    const row = new Map<number, number>();
    // Whether the feature, as counted, says what the partnership does; in the row's order, so
    // sums over the direct ones add up in the same order as over the whole texts.
    const tells = new Map<number, boolean>();
    for (const part of parts) {
      for (const [key, multiplier] of part.multipliers) {
        const o = intern(textInterned, key);
        const had = row.get(o);
        if (had !== undefined && multiplier <= had) continue;
        if (had === undefined) textInterned.frequency[o]!++;
        row.set(o, multiplier);
        tells.set(o, tellsWhat(part.sources.get(key)!));
      }
    }
    directKeys.push(new Set([...tells].filter(([, direct]) => direct).map(([o]) => o)));
    return row;
  });
  const memberInterned: Interned = { ordinal: new Map(), frequency: [] };
  const memberRows = records.map((r) => {
    const row = new Map<number, number>();
    for (const id of new Set(r.memberOrganisationIds)) {
      const o = intern(memberInterned, id);
      memberInterned.frequency[o]!++;
      row.set(o, 1);
    }
    return row;
  });
  const text = weighColumn(textRows, textInterned);
  const members = weighColumn(memberRows, memberInterned);
  const textInformation = Float64Array.from(directKeys, (keys, p) => {
    let sum = 0;
    for (const o of keys) sum += text.idfs[o]! * textRows[p]!.get(o)!;
    return sum;
  });
  const parents = impliedParents(
    records,
    reading.names.map((n) => n.stems),
    reading.textContext.stopWords,
  );
  const index: Omit<OverlapIndex, 'focus'> = {
    records,
    size: records.length,
    positionOf,
    context: reading.textContext,
    nameContext: context,
    text: text.column,
    textPostings: text.postings,
    textInformation,
    textOrdinal: textInterned.ordinal,
    textIdf: text.idfs,
    members: members.column,
    memberPostings: members.postings,
    memberOrdinal: memberInterned.ordinal,
    memberIdf: members.idfs,
    fullInformation: FULL_INFORMATION_FEATURES * idf(1, records.length),
    themes: records.map((r) => new Set(r.themes)),
    areas: records.map((r) => new Set(r.areas)),
    names: reading.names,
    impliedParents: parents,
    umbrellas: umbrellasOf(records, reading, context.thesaurus, parents),
  };
  const lookup = featureLookup(index);
  return { ...index, focus: reading.texts.map((parts) => focusOf(parts, reading.textContext.thesaurus, lookup)) };
}

/** How an index knows a text feature, for reading a focus (focus.ts) in it. */
export function featureLookup(
  index: Pick<OverlapIndex, 'size' | 'textOrdinal' | 'textIdf' | 'textPostings'>,
): FeatureLookup {
  const frequentFrom = frequentAbove(index.size);
  const { start } = index.textPostings;
  return {
    ordinal: (key) => index.textOrdinal.get(key) ?? -1,
    weight: (ordinal, multiplier) => multiplier * index.textIdf[ordinal]!,
    frequent: (ordinal) => start[ordinal + 1]! - start[ordinal]! > frequentFrom,
  };
}

/** The weight two partnerships share in a column: for each feature both have, the smaller weight. */
export function sharedWeight(column: WeightedColumn, p: number, q: number): number {
  let i = column.start[p]!;
  const iEnd = column.start[p + 1]!;
  let j = column.start[q]!;
  const jEnd = column.start[q + 1]!;
  let shared = 0;
  while (i < iEnd && j < jEnd) {
    const a = column.ids[i]!;
    const b = column.ids[j]!;
    if (a === b) {
      shared += Math.min(column.weights[i]!, column.weights[j]!);
      i++;
      j++;
    } else if (a < b) i++;
    else j++;
  }
  return shared;
}
