/**
 * The same kind of body for different places is the pattern working, not duplication: a
 * children's centre board in each of two wards, a neighbourhood action group on each estate. Two
 * ways to tell, both general:
 *  - their areas: each lists ward-level areas (GSS codes E05, W05, S13, N08) and they share none;
 *  - their names: the same name but for one place-like part, a word or two in capitals that the
 *    thesaurus does not read as part of a kind of work in that name ("Sure Start Northgate Partnership Board" and
 *    "Sure Start Elmwood Partnership Board").
 */
import { matchConcepts, type CompiledThesaurus, type ConceptMatch } from '../thesaurus/matcher.js';
import { readingOf, readTokens, type TextReading } from './text.js';
import type { PartnershipFeatures } from './types.js';

/** GSS prefixes of areas within a local authority: electoral wards and divisions. */
const WARD_PREFIXES = /^(E05|W05|S13|N08)/;
/** Most words a place's name may take in a partnership's name. */
const MAX_PLACE_WORDS = 2;

export interface NameShape {
  /** Stems of the name's words, in order. */
  stems: string[];
  /** The words as written. */
  words: string[];
  /** Whether each word could be part of a place's name: written with a capital, unknown to the thesaurus. */
  placeLike: boolean[];
  generic: boolean[];
  /**
   * The words of the scope's own place the name began with, as written, when the reading left
   * them out ("Harrowfield" of "Harrowfield Town Centre Partnership" in Harrowfield's register).
   */
  ownPlace?: string;
}

/** How a name is compared with others: once per partnership, when the index is built. */
export function nameShape(
  name: string,
  thesaurus: CompiledThesaurus | undefined,
  stopWords?: ReadonlySet<string>,
): NameShape {
  const tokens = readTokens(name, stopWords);
  return shapeOfName(
    { reading: readingOf(name), tokens },
    thesaurus ? matchConcepts(thesaurus, tokens) : [],
    stopWords,
  );
}

/** nameShape, from a name already read and the concepts found in it. */
export function shapeOfName(
  name: Pick<TextReading, 'reading' | 'tokens'>,
  matches: readonly Pick<ConceptMatch, 'positions'>[],
  stopWords?: ReadonlySet<string>,
): NameShape {
  const { reading, tokens } = name;
  // A word the thesaurus reads as part of a kind of work in this name is not a place.
  const work = new Set(matches.flatMap((m) => m.positions));
  const words = tokens.map((t) => reading.slice(t.start, t.end));
  const ownPlace = stopWords
    ? leadingPlace(reading.slice(0, tokens[0]?.start ?? reading.length), stopWords)
    : undefined;
  return {
    stems: tokens.map((t) => t.stem),
    words,
    placeLike: tokens.map((t, i) => /^[A-Z]/.test(words[i]!) && !t.generic && !work.has(i)),
    generic: tokens.map((t) => t.generic),
    ...(ownPlace ? { ownPlace } : {}),
  };
}

/** The scope's own place words a name begins with, before its first word read ("Harrowfield" in "Harrowfield Town Centre Partnership"). */
function leadingPlace(before: string, stopWords: ReadonlySet<string>): string | undefined {
  const places = (before.match(/[A-Z][A-Za-z]*/g) ?? []).filter((word) => stopWords.has(word.toLowerCase()));
  return places.length > 0 && places.length <= MAX_PLACE_WORDS ? places.join(' ') : undefined;
}

/** Whether a name names something beyond the words partnerships use about themselves. */
const namesSomething = (shape: NameShape) => shape.generic.some((generic) => !generic);

/** Fewest partnerships' names a place-like word must be in to be read as one of the scope's places. */
const PLACE_IN_NAMES = 2;

/**
 * The scope's own places, learnt from its partnerships' names: a place-like word (a capital, not
 * read by the thesaurus as part of a kind of work, not generic) in the names of at least two
 * partnerships ("Cherry Tree Neighbourhood Forum", "Cherry Tree Community Centre"). In a text
 * they say where, not what: two bodies for one ward are the same work only if their work is.
 */
export function scopePlaceWords(shapes: readonly NameShape[]): Set<string> {
  return wordsInAtLeast(
    shapes.map((shape) => shape.words.filter((_, i) => shape.placeLike[i]).map((w) => w.toLowerCase())),
    PLACE_IN_NAMES,
  );
}

/** Capitalised words listed after a preposition and before a kind of local area: "in Saltings, Brackenholt and Fendyke wards". */
const NAMED_AREAS =
  /\b(?:in|for|across|covering|of|at)\s+((?:\b[A-Z][a-z]+(?:,\s*|\s+and\s+|\s+|\s*&\s*))+)(?:wards?|parish(?:es)?|estates?|villages?|neighbourhoods?)\b/g;

/** A quick test first: most purposes name no kind of area at all. */
const AREA_WORD = /\b(?:wards?|parish(?:es)?|estates?|villages?|neighbourhoods?)\b/;

/**
 * Places a text names as such: the capitalised words of a list after "in", "for", "across"… that
 * ends in "wards", "parishes", "estates", "villages" or "neighbourhoods" (a capital at the start of
 * a sentence is not a place: "Support parishes"). Like places in names, they say where, not what.
 */
export function placesNamedIn(text: string): string[] {
  const found: string[] = [];
  if (!AREA_WORD.test(text)) return found;
  for (const match of text.matchAll(NAMED_AREAS))
    for (const word of match[1]!.match(/[A-Z][a-z]+/g) ?? []) if (word !== 'And') found.push(word.toLowerCase());
  return found;
}

/** The words found in at least `least` of the lists (each list counted once per word). */
export function wordsInAtLeast(lists: Iterable<Iterable<string>>, least: number): Set<string> {
  const listsUsing = new Map<string, number>();
  for (const list of lists) for (const word of new Set(list)) listsUsing.set(word, (listsUsing.get(word) ?? 0) + 1);
  return new Set([...listsUsing].filter(([, count]) => count >= least).map(([word]) => word));
}

/** Why two partnerships are the same kind of body for different places, in words; undefined if they are not. */
export function differentPlaces(
  a: Pick<PartnershipFeatures, 'areas'>,
  b: Pick<PartnershipFeatures, 'areas'>,
  shapeA: NameShape,
  shapeB: NameShape,
  scopePlaces?: ReadonlySet<string>,
): string | undefined {
  const places = differentLeadingPlaces(shapeA, shapeB) ?? differentPlaceNames(shapeA, shapeB, scopePlaces);
  if (places) return `${places[0]} and ${places[1]}`;
  return differentWards(a, b) ? 'wards with no ward in common' : undefined;
}

/**
 * Each name begins with a different one of the scope's places, and neither begins with the
 * other's: "Harrowfield Pool and Leisure Centre Users' Forum" and "Kelbury Sports Centre Users'
 * Forum" are bodies for two towns, however their facilities are named.
 */
function differentLeadingPlaces(a: NameShape, b: NameShape): [string, string] | undefined {
  if (!a.ownPlace || !b.ownPlace) return undefined;
  const wordsOf = (place: string) => place.toLowerCase().split(' ');
  const placeB = new Set(wordsOf(b.ownPlace));
  return wordsOf(a.ownPlace).some((w) => placeB.has(w)) ? undefined : [a.ownPlace, b.ownPlace];
}

function wards(areas: readonly string[]): string[] {
  return areas.filter((a) => WARD_PREFIXES.test(a));
}

/** Both list wards, and none in common. */
export function differentWards(a: Pick<PartnershipFeatures, 'areas'>, b: Pick<PartnershipFeatures, 'areas'>): boolean {
  // Asked of every pair scored: most partnerships list no area at all.
  if (a.areas.length === 0 || b.areas.length === 0) return false;
  const left = wards(a.areas);
  const right = new Set(wards(b.areas));
  return left.length > 0 && right.size > 0 && !left.some((w) => right.has(w));
}

/**
 * The same name but for a place: everything before and after one short run of place-like words
 * is the same in both, that run differs, and what they share names something (not only generic
 * words). Returns the two places, or undefined.
 */
export function differentPlaceNames(
  a: NameShape,
  b: NameShape,
  scopePlaces?: ReadonlySet<string>,
): [string, string] | undefined {
  let head = 0;
  while (head < a.stems.length && head < b.stems.length && a.stems[head] === b.stems[head]) head++;
  let tail = 0;
  while (
    tail < a.stems.length - head &&
    tail < b.stems.length - head &&
    a.stems[a.stems.length - 1 - tail] === b.stems[b.stems.length - 1 - tail]
  )
    tail++;
  const restA = a.stems.length - head - tail;
  const restB = b.stems.length - head - tail;
  // "Harrowfield Town Centre Partnership" and "Kelbury Town Centre Partnership" with Kelbury
  // written: the scope's own place, left out of the reading, against another of its places.
  // (With both left out, differentLeadingPlaces has told them apart.)
  const ownAgainstOther = (own: NameShape, other: NameShape, rest: number) => {
    if (!own.ownPlace || !namesSomething(own) || rest === 0) return undefined;
    const run = other.words.slice(0, rest);
    const isPlace =
      head === 0 &&
      !other.ownPlace &&
      rest <= MAX_PLACE_WORDS &&
      other.placeLike.slice(0, rest).every(Boolean) &&
      run.every((w) => scopePlaces?.has(w.toLowerCase()));
    return isPlace ? run.join(' ') : undefined;
  };
  if (restA === 0) {
    const place = ownAgainstOther(a, b, restB);
    if (place) return [a.ownPlace!, place];
  }
  if (restB === 0) {
    const place = ownAgainstOther(b, a, restA);
    if (place) return [place, b.ownPlace!];
  }
  if (restA < 1 || restB < 1 || restA > MAX_PLACE_WORDS || restB > MAX_PLACE_WORDS) return undefined;
  const placeLike = (shape: NameShape, count: number) => shape.placeLike.slice(head, head + count).every(Boolean);
  if (!placeLike(a, restA) || !placeLike(b, restB)) return undefined;
  const shared = [...a.generic.slice(0, head), ...a.generic.slice(a.stems.length - tail)];
  if (!shared.some((generic) => !generic)) return undefined;
  return [a.words.slice(head, head + restA).join(' '), b.words.slice(head, head + restB).join(' ')];
}
