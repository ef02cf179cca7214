/**
 * Finding the thesaurus's concepts in a text. Every label is read the way partnership texts are
 * read (overlap/text.ts: stop words dropped, words stemmed), and a label matches where its stems
 * appear as a contiguous run within one clause. The longest label wins where labels overlap, so
 * "teenage pregnancy" is one concept, not "teenage" and "pregnancy". A label written wholly in
 * capitals is an abbreviation and matches only words written in capitals ("DV", never "dv").
 * Labels of the form "NI 112" tie a national indicator to the concept it measures.
 */
import { readTokens, type Token } from '../overlap/text.js';
import { runToEnd } from '../overlap/steps.js';
import type { ConceptDefinition } from './types.js';

interface TrieNode {
  next: Map<string, TrieNode>;
  /** Concepts whose label ends here, matched whatever the case of the text. */
  concepts: number[];
  /** Concepts whose abbreviation ends here: matched only when every word was in capitals. */
  abbreviations: number[];
  /** For a label joining two kinds of work ("culture and leisure"), the concepts its parts name. */
  alsoNamed?: Map<number, number[]>;
}

export interface CompiledThesaurus {
  concepts: readonly ConceptDefinition[];
  positionOf: ReadonlyMap<string, number>;
  /** Per concept, its broader concepts at each remove: `ancestors[c][0]` are its parents. */
  ancestors: ReadonlyArray<ReadonlyArray<readonly number[]>>;
  /** Indicator number (`112`, `157a`) → concepts that name it. */
  indicators: ReadonlyMap<string, readonly number[]>;
  root: TrieNode;
  /**
   * Labels of several words, by the stem of theirs that fewest labels use: a text is checked
   * against a phrase only when it has that stem, rather than for each of the phrase's words.
   */
  phrasesByRarestStem: ReadonlyMap<string, readonly Phrase[]>;
  /** For each stem, how many concepts' labels use it: "services" is in many, "refuge" in few. */
  conceptsUsing: ReadonlyMap<string, number>;
  /** Words that name a concept when the text names ages within a range (`whenAged`), by stem. */
  agedWords: ReadonlyMap<string, ReadonlyArray<{ concept: number; ages: readonly [number, number] }>>;
}

interface Phrase {
  stems: readonly string[];
  concept: number;
  abbreviation: boolean;
  /** Place in the order phrases are tried: longest first, then in the thesaurus's order. */
  rank: number;
}

export interface ConceptMatch {
  concept: number;
  /** Positions of the tokens the label covered, in order. */
  positions: number[];
  /** The words of the text that matched, as written (lower case). */
  text: string;
}

/** Words a loosely matched phrase may have between its own (beyond its length). */
const LOOSE_SLACK = 2;

const INDICATOR_LABEL = /^NI\s?-?\s?(\d{1,3}[a-d]?)$/;
/** How far up the hierarchy a match is followed. */
const MAX_REMOVES = 3;

function node(): TrieNode {
  return { next: new Map(), concepts: [], abbreviations: [] };
}

/** A word of letters and digits together ("e2e", "la21", "s75"), not a number or an age. */
function isCode(word: string): boolean {
  return /\d/.test(word) && /[a-z]/.test(word) && !/^(?:under|over|u|o)\d+s?$/.test(word);
}

/** A word that may be part of an abbreviation: in capitals, or a number ("NHS 111", "ISO 14001"). */
function writtenAsAbbreviation(token: Token): boolean {
  return token.capitals || /^\d+$/.test(token.surface);
}

function isAbbreviation(label: string): boolean {
  const letters = label.replace(/[^A-Za-z]/g, '');
  return letters.length >= 2 && letters === letters.toUpperCase();
}

function addLabel(root: TrieNode, tokens: readonly Token[], concept: number, abbreviation: boolean): void {
  let at = root;
  for (const t of tokens) {
    let child = at.next.get(t.stem);
    if (!child) at.next.set(t.stem, (child = node()));
    at = child;
  }
  const list = abbreviation ? at.abbreviations : at.concepts;
  if (!list.includes(concept)) list.push(concept);
}

/** A label's parts when it joins kinds of work with "and" ("sport and physical activity"). */
function coordinatedParts(label: string): string[] {
  const parts = label.split(/\s+(?:and|&)\s+|,\s*/i).filter((part) => part.trim().length > 0);
  return parts.length > 1 ? parts : [];
}

/** The trie node a whole run of tokens ends at, if any. */
function nodeOf(root: TrieNode, tokens: readonly Token[]): TrieNode | undefined {
  let at: TrieNode | undefined = root;
  for (const t of tokens) at = at?.next.get(t.stem);
  return at;
}

const asWritten = (label: string) => label.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * A label that joins kinds of work ("culture and leisure", "sport and physical activity") names
 * each part as well as its own concept: a text saying "sport and physical activity" is about
 * physical activity too. Parts that are the label's own concept or above it add nothing.
 */
function* linkCoordinatedLabels(
  concepts: readonly ConceptDefinition[],
  root: TrieNode,
  ancestors: ReadonlyArray<ReadonlyArray<readonly number[]>>,
): Generator<void> {
  // A part counts only where it is another concept's label as written: read as stems, "child
  // care" would be "children in care".
  const byLabel = new Map<string, number[]>();
  for (const [c, concept] of concepts.entries())
    for (const label of [concept.label, ...concept.altLabels])
      byLabel.set(asWritten(label), [...(byLabel.get(asWritten(label)) ?? []), c]);
  for (const [c, concept] of concepts.entries()) {
    const above = new Set([c, ...ancestors[c]!.flat()]);
    for (const label of [concept.label, ...concept.altLabels]) {
      const parts = coordinatedParts(label);
      if (parts.length === 0 || isAbbreviation(label)) continue;
      const named = new Set<number>();
      for (const part of parts) for (const n of byLabel.get(asWritten(part)) ?? []) named.add(n);
      for (const n of above) named.delete(n);
      const end = nodeOf(root, readTokens(label));
      if (named.size === 0 || !end) continue;
      end.alsoNamed ??= new Map();
      end.alsoNamed.set(c, [...new Set([...(end.alsoNamed.get(c) ?? []), ...named])]);
    }
    if (c % CONCEPTS_PER_STEP === CONCEPTS_PER_STEP - 1) yield;
  }
}

function ancestorsOf(concepts: readonly ConceptDefinition[], positionOf: ReadonlyMap<string, number>, c: number) {
  const removes: number[][] = [];
  const seen = new Set([c]);
  let frontier = [c];
  for (let level = 0; level < MAX_REMOVES && frontier.length > 0; level++) {
    const next: number[] = [];
    for (const f of frontier) {
      for (const id of concepts[f]!.broader) {
        const b = positionOf.get(id);
        if (b !== undefined && !seen.has(b)) {
          seen.add(b);
          next.push(b);
        }
      }
    }
    if (next.length > 0) removes.push(next);
    frontier = next;
  }
  return removes;
}

export function compileThesaurus(concepts: readonly ConceptDefinition[]): CompiledThesaurus {
  return runToEnd(compileThesaurusSteps(concepts));
}

/** Concepts compiled between pauses of compileThesaurusSteps (about ten thousand labels in all). */
const CONCEPTS_PER_STEP = 50;

/** compileThesaurus, pausing every few concepts, so a server compiling a new edition keeps answering. */
export function* compileThesaurusSteps(concepts: readonly ConceptDefinition[]): Generator<void, CompiledThesaurus> {
  const positionOf = new Map(concepts.map((c, i) => [c.id, i]));
  const root = node();
  const indicators = new Map<string, number[]>();
  const phrases: Phrase[] = [];
  const using = new Map<string, Set<number>>();
  const agedWords = new Map<string, Array<{ concept: number; ages: readonly [number, number] }>>();
  for (const [c, concept] of concepts.entries()) {
    for (const label of [concept.label, ...concept.altLabels]) {
      const tokens = readTokens(label);
      for (const t of tokens) using.set(t.stem, (using.get(t.stem) ?? new Set()).add(c));
      const indicator = INDICATOR_LABEL.exec(label.trim());
      if (indicator) {
        const key = indicator[1]!.toLowerCase();
        indicators.set(key, [...(indicators.get(key) ?? []), c]);
        continue;
      }
      // A one-word label of a generic word ("services", "local") would match everything; a
      // phrase of them ("Local Strategic Partnership", "out of work") is specific enough, and so
      // is a code of letters and digits ("E2E", "LA21"), which the reader otherwise sets aside.
      if (tokens.length > 1 || (tokens.length === 1 && (!tokens[0]!.generic || isCode(tokens[0]!.surface))))
        addLabel(root, tokens, c, isAbbreviation(label));
      if (tokens.length > 1) {
        phrases.push({ stems: tokens.map((t) => t.stem), concept: c, abbreviation: isAbbreviation(label), rank: 0 });
      }
    }
    for (const word of concept.whenAged?.words ?? []) {
      const stem = readTokens(word)[0]?.stem;
      if (stem) agedWords.set(stem, [...(agedWords.get(stem) ?? []), { concept: c, ages: concept.whenAged!.ages }]);
    }
    if (c % CONCEPTS_PER_STEP === CONCEPTS_PER_STEP - 1) yield;
  }
  const ancestors = concepts.map((_, c) => ancestorsOf(concepts, positionOf, c));
  yield* linkCoordinatedLabels(concepts, root, ancestors);
  const conceptsUsing = new Map([...using].map(([stem, set]) => [stem, set.size]));
  return {
    concepts,
    positionOf,
    ancestors,
    indicators,
    root,
    phrasesByRarestStem: indexPhrases(phrases),
    conceptsUsing,
    agedWords,
  };
}

/** Phrases ranked longest first (a stable sort), each filed under its rarest stem. */
function indexPhrases(phrases: Phrase[]): Map<string, Phrase[]> {
  [...phrases].sort((a, b) => b.stems.length - a.stems.length).forEach((phrase, rank) => (phrase.rank = rank));
  const phrasesUsing = new Map<string, number>();
  for (const phrase of phrases)
    for (const stem of new Set(phrase.stems)) phrasesUsing.set(stem, (phrasesUsing.get(stem) ?? 0) + 1);
  const byRarest = new Map<string, Phrase[]>();
  for (const phrase of phrases) {
    const rarest = phrase.stems.reduce((a, b) => (phrasesUsing.get(b)! < phrasesUsing.get(a)! ? b : a));
    const list = byRarest.get(rarest);
    if (list) list.push(phrase);
    else byRarest.set(rarest, [phrase]);
  }
  return byRarest;
}

/** The phrases every stem of which the text has, by each of their stems, in the order they are tried. */
function phrasesInText(thesaurus: CompiledThesaurus, stems: ReadonlySet<string>): Map<string, Phrase[]> {
  const byStem = new Map<string, Phrase[]>();
  for (const stem of stems)
    for (const phrase of thesaurus.phrasesByRarestStem.get(stem) ?? []) {
      if (!phrase.stems.every((s) => stems.has(s))) continue;
      for (const s of new Set(phrase.stems)) {
        const list = byStem.get(s);
        if (list) list.push(phrase);
        else byStem.set(s, [phrase]);
      }
    }
  for (const list of byStem.values()) list.sort((a, b) => a.rank - b.rank);
  return byStem;
}

/**
 * Every concept named in a run of tokens: exact labels, longest first, then loose phrases. With
 * the text the tokens were read from (`readingOf`), a match quotes it as written ("drug and
 * alcohol", not "drug alcohol").
 */
export function matchConcepts(
  thesaurus: CompiledThesaurus,
  tokens: readonly Token[],
  reading?: string,
): ConceptMatch[] {
  const matches = matchExactly(thesaurus, tokens);
  const covered = new Set(matches.flatMap((m) => m.positions));
  const all = [...matches, ...matchLoosely(thesaurus, tokens, covered)];
  if (reading)
    for (const m of all)
      m.text = reading.slice(tokens[m.positions[0]!]!.start, tokens[m.positions.at(-1)!]!.end).toLowerCase();
  return all;
}

function matchExactly(thesaurus: CompiledThesaurus, tokens: readonly Token[]): ConceptMatch[] {
  const matches: ConceptMatch[] = [];
  let i = 0;
  while (i < tokens.length) {
    let at: TrieNode | undefined = thesaurus.root;
    let best: { end: number; concepts: number[]; node: TrieNode } | undefined;
    let allCapitals = true;
    for (let j = i; j < tokens.length && tokens[j]!.clause === tokens[i]!.clause; j++) {
      at = at.next.get(tokens[j]!.stem);
      if (!at) break;
      allCapitals &&= writtenAsAbbreviation(tokens[j]!);
      const found = allCapitals ? [...at.concepts, ...at.abbreviations] : at.concepts;
      if (found.length > 0) best = { end: j + 1, concepts: found, node: at };
    }
    if (!best) {
      i++;
      continue;
    }
    const positions = Array.from({ length: best.end - i }, (_, k) => i + k);
    const text = positions.map((p) => tokens[p]!.surface).join(' ');
    const named = new Set(best.concepts);
    for (const concept of best.concepts) for (const also of best.node.alsoNamed?.get(concept) ?? []) named.add(also);
    for (const concept of named) matches.push({ concept, positions, text });
    i = best.end;
  }
  return matches;
}

/** Where each stem of a phrase sits near `around`, among uncovered tokens of its clause; undefined if one is missing. */
function placePhrase(phrase: Phrase, tokens: readonly Token[], around: number, covered: ReadonlySet<number>) {
  const window = phrase.stems.length + LOOSE_SLACK;
  const taken = new Set<number>();
  for (const stem of phrase.stems) {
    let best = -1;
    for (let d = 0; d <= window && best < 0; d++) {
      for (const p of d === 0 ? [around] : [around - d, around + d]) {
        const t = tokens[p];
        if (!t || taken.has(p) || covered.has(p) || t.clause !== tokens[around]!.clause || t.stem !== stem) continue;
        if (phrase.abbreviation && !writtenAsAbbreviation(t)) continue;
        best = p;
        break;
      }
    }
    if (best < 0) return undefined;
    taken.add(best);
  }
  const positions = [...taken].sort((a, b) => a - b);
  return positions.at(-1)! - positions[0]! < window ? positions : undefined;
}

function matchLoosely(thesaurus: CompiledThesaurus, tokens: readonly Token[], covered: Set<number>): ConceptMatch[] {
  const found: ConceptMatch[] = [];
  const candidates = phrasesInText(thesaurus, new Set(tokens.map((t) => t.stem)));
  if (candidates.size === 0) return found;
  for (let i = 0; i < tokens.length; i++) {
    if (covered.has(i)) continue;
    const phrases = candidates.get(tokens[i]!.stem) ?? [];
    for (const phrase of phrases) {
      const positions = placePhrase(phrase, tokens, i, covered);
      if (!positions) continue;
      for (const p of positions) covered.add(p);
      const text = positions.map((p) => tokens[p]!.surface).join(' ');
      for (const other of phrases.filter(
        (o) => o.stems.length === phrase.stems.length && o.stems.join(' ') === phrase.stems.join(' '),
      ))
        found.push({ concept: other.concept, positions, text });
      break;
    }
  }
  return found;
}
