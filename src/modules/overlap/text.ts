/**
 * Reading a partnership's name and purpose the way an officer would: the words that say what it
 * does, the ages it serves and the national indicators it cites.
 *
 * Words: anything that is not a letter or digit separates words; accents are dropped and case is
 * folded, but whether a word was written in capitals is kept, because an abbreviation only means
 * something in capitals ("DV", "ASB", "NEET"). Each word is reduced to its stem by the Porter2
 * (Snowball English) stemmer from `wink-porter2-stemmer`, after a small table of irregular
 * plurals the stemmer leaves alone ("children" → "child"), so "insulate" and "insulation",
 * "conceptions" and "conception" meet. Clause breaks (. ; : ! ? and brackets) are kept, so a
 * phrase of the thesaurus never straddles two sentences.
 *
 * Stop words: English function words, and the words every partnership uses about itself
 * ("partnership", "board", "group", "forum"…), which say nothing about what it does. Place names
 * cannot be listed in advance: the locality's own name is passed in as extra stop words, and
 * any word on most records weighs almost nothing by its inverse document frequency.
 *
 * Numbers: a bare number says little ("150 into work by 2008"), but ages and indicators say a lot.
 * "under-18", "u18", "15-17 year olds", "16-24", "0-5s", "over-65s" and "50+" become age ranges;
 * "NI 112", "NI112" and "NI152/153" become indicator references, which the engine reads through
 * the indicator's title.
 */
import porter2 from 'wink-porter2-stemmer';

const FUNCTION_WORDS = `a about above across after again against all also am among an and any are as at be
because been before being below between both but by can could did do does doing during each
eg either etc every few fewer for from had has have having he her here hers him his how i ie if in inc
incl is it its itself just may me might more most must my no nor not now of on once only or
other our ours own per plus re same shall she should so some such than that the their
theirs them then there these they this those through to too until upon us very via vs was
we were what when where whether which while who whom whose why will with within without would you
your yours`;

/**
 * The vocabulary of administration: what every partnership says about how it works ("deliver the
 * priorities", "oversee the action plan", "across the district"), whatever the work.
 */
const ADMINISTRATION_WORDS = `aim aims objective objectives priority priorities theme themes deliver delivers
delivering delivery ensure ensures improve improves improving improvement promote promotes provide
provides develop develops developing oversee oversees lead leads leading enable enables tackle
tackles address addresses coordinate coordinates coordinating coordination overall general wide
key main various range issues matters task tasks activity activities action actions initiative
initiatives project projects programme programmes scheme schemes plan plans planning strategy
strategies framework agenda remit role roles purpose purposes district county borough city ward wards area
areas people residents partner partners organisations agencies agency services service agree agrees
approve approves publish publishes report reports annual annually audit audits monitor monitors
review reviews quarterly help helps helping support supports supporting reduce reduces reducing
reduction cut cuts cutting increase increases increasing raise raises raising target targets`;

/**
 * The vocabulary of time: when a board meets or reports and by when a target falls ("150 into
 * work by March 2008", "5x30 min a week", "monthly meetings"), never what the work is.
 */
const TIME_WORDS = `january february march april june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday
sunday day days daily week weeks weekly fortnight fortnightly month months monthly year years yearly
hour hours hrs minute minutes min mins`;

/** Placeholders registers write where a purpose should be: no evidence of anything. */
const PLACEHOLDERS = 'tbc tba tbd na unknown various misc miscellaneous';

/** Little words that carry meaning inside a phrase ("out of work", "back into work"), never alone. */
const PARTICLES = 'back down into off out over under up';

/** Words partnerships use about themselves, whatever they are for (and registers' short forms: "Ptnrshp", "Grp", "Bd"). */
const PARTNERSHIP_WORDS = `partnership partnerships partner partners board boards group groups subgroup
subgroups sub forum forums committee committees steering network networks alliance panel panels
executive strategic local locality joint working arrangement arrangements body bodies meeting
meetings member members membership new ptnrshp pship ptship grp grps bd bds cttee ctee mtg mtgs`;

const words = (list: string) => new Set(list.split(/\s+/).filter(Boolean));
const FUNCTION: ReadonlySet<string> = words(FUNCTION_WORDS);
/** Stems of the words partnerships use about themselves. */
const GENERIC_STEMS: ReadonlySet<string> = new Set(
  [...words(`${PARTNERSHIP_WORDS} ${PARTICLES} ${PLACEHOLDERS} ${ADMINISTRATION_WORDS} ${TIME_WORDS}`)].map((w) =>
    porter2(w),
  ),
);

/** Words that never count as evidence of what a partnership does. */
export const STOP_WORDS: ReadonlySet<string> = words(
  `${FUNCTION_WORDS} ${PARTNERSHIP_WORDS} ${PARTICLES} ${PLACEHOLDERS}`,
);

/**
 * The words of the note a register (or an import's default) writes where a purpose is missing:
 * "No purpose recorded in the source register", "Not known", "Details to be confirmed".
 */
const MISSING_NOTE_WORDS = words(`${PLACEHOLDERS} purpose purposes objective objectives aim aims remit description
details detail information recorded record given known stated provided available supplied entered source original
register blank missing empty pending awaiting confirmed determined yet none nil see`);

/** Whether a text is only a note that the purpose is missing: no evidence of anything, as if empty. */
export function saysNothing(text: string): boolean {
  // Word by word, stopping at the first that says something: most purposes do at once.
  for (const [word] of text.toLowerCase().matchAll(/[a-z\u00c0-\u024f]+/g))
    if (!FUNCTION.has(word) && !MISSING_NOTE_WORDS.has(word)) return false;
  return true;
}

/** Plurals and forms the stemmer does not bring together, and American spellings of common words. */
const IRREGULAR: Readonly<Record<string, string>> = {
  children: 'child',
  childrens: 'child',
  people: 'person',
  peoples: 'person',
  persons: 'person',
  women: 'woman',
  womens: 'woman',
  men: 'man',
  mens: 'man',
  feet: 'foot',
  teeth: 'tooth',
  lives: 'life',
  wives: 'wife',
  elderly: 'elder',
  behavior: 'behaviour',
  behaviors: 'behaviour',
  center: 'centre',
  centers: 'centre',
  program: 'programme',
  programs: 'programme',
  neighbor: 'neighbour',
  neighbors: 'neighbour',
  neighborhood: 'neighbourhood',
  neighborhoods: 'neighbourhood',
};

/** Nouns in -ing that the stemmer would fold into another word ("parking" into "park"). */
const KEPT_WHOLE: Readonly<Record<string, string>> = {
  employability: 'employability',
  localism: 'localism',
  accessible: 'accessible',
  marketing: 'marketing',
  parking: 'parking',
  training: 'training',
  trainings: 'training',
  evening: 'evening',
  evenings: 'evening',
  residency: 'residency',
  residencies: 'residency',
};

const stems = new Map<string, string>();

/** The stem a lower-case word is matched by (cached: a register repeats its words). */
export function stemWord(word: string): string {
  let stemmed = stems.get(word);
  if (stemmed === undefined) {
    const base = IRREGULAR[word] ?? word.replace(/iz(e|es|ed|ing|ation|ations)$/, 'is$1');
    stemmed = KEPT_WHOLE[word] ?? porter2(base);
    stems.set(word, stemmed);
  }
  return stemmed;
}

export interface Token {
  /** The stem, used for matching. */
  stem: string;
  /** The word as written, lower case (for explanations). */
  surface: string;
  /** Written wholly in capitals (two or more letters): an abbreviation may match it. */
  capitals: boolean;
  /** Which clause of the text it is in: phrases match within one clause only. */
  clause: number;
  /** Where the word is in the text as read (`readingOf`), for quoting a phrase as written. */
  start: number;
  end: number;
  /**
   * A word partnerships use about themselves ("partnership", "local", "board"): part of a phrase
   * of the thesaurus ("Local Strategic Partnership") but no evidence on its own.
   */
  generic: boolean;
}

/** An age range in whole years, inclusive. */
export type AgeRange = readonly [number, number];

export interface TextReading {
  /** The text as read: token offsets refer to it. */
  reading: string;
  /** Content words, stop words removed. */
  tokens: Token[];
  ages: AgeRange[];
  /** National indicator numbers cited, e.g. `112`, `157a`. */
  indicators: string[];
}

const CLAUSE_BREAK = /[.;:!?()[\]{}\n\r]/;
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const WORD = /[A-Za-z0-9]+|[.;:!?()[\]{}\n\r]/g;

/**
 * Prefixes written with a hyphen or without ("co-ordinate", "coordinate"), and single letters
 * before a hyphen ("C-card", "e-safety"): joined so both spellings read alike.
 */
const JOINED_PREFIXES = /\b(co|pre|re|non|anti|multi|inter|sub|self|post|semi|[A-Za-z])-(?=[A-Za-z])/gi;

function plain(text: string): string {
  // eslint-disable-next-line no-control-regex -- only non-ASCII text needs folding
  return /[^\u0000-\u007f]/.test(text) ? text.normalize('NFKD').replace(COMBINING_MARKS, '') : text;
}

/** "A&E", "B&B", "R&D": letters joined by an ampersand are one abbreviation. */
const AMPERSAND_LETTERS = /\b([A-Za-z])&([A-Za-z])\b/g;

function joinPrefixes(text: string): string {
  const joined = text.includes('-') ? text.replace(JOINED_PREFIXES, '$1') : text;
  return joined.includes('&') ? joined.replace(AMPERSAND_LETTERS, '$1$2') : joined;
}

/** A clause written wholly in capitals ("PREVENT STEERING GROUP") has no abbreviations to tell apart. */
function shouting(words: readonly string[]): boolean {
  const lettered = words.filter((w) => /[A-Za-z]{2}/.test(w));
  return lettered.length >= 3 && lettered.every((w) => w === w.toUpperCase());
}

/**
 * The words of a text, function words left out, with capitals noted, clauses numbered and the
 * words partnerships use about themselves marked generic. Words of one letter and bare numbers
 * are left out; `extraStopWords` (lower case) are dropped too, e.g. the locality's name.
 */
export function readTokens(text: string, extraStopWords?: ReadonlySet<string>): Token[] {
  const tokens: Token[] = [];
  let clause = 0;
  let words: string[] = [];
  let starts: number[] = [];
  const endClause = () => {
    const loud = shouting(words);
    words.forEach((word, i) => {
      const token = readWord(word, clause, loud, starts[i]!, extraStopWords);
      if (token) tokens.push(token);
    });
    words = [];
    starts = [];
    clause++;
  };
  for (const match of readingOf(text).matchAll(WORD)) {
    if (match[0].length === 1 && CLAUSE_BREAK.test(match[0])) endClause();
    else {
      words.push(match[0]);
      starts.push(match.index);
    }
  }
  endClause();
  return tokens;
}

/** Written in capitals: every letter, or every letter but a plural "s" ("CDRPs", "NEETs"). */
function inCapitals(raw: string): boolean {
  const letters = raw.replace(/[^A-Za-z]/g, '').replace(/(?<=[A-Z]{2})s$/, '');
  return letters.length >= 2 && letters === letters.toUpperCase();
}

/** The text as the reader sees it: accents folded, hyphenated prefixes joined. Token offsets refer to it. */
export function readingOf(text: string): string {
  return joinPrefixes(plain(text));
}

/** What a word as written reads as, wherever it stands: worked out once per distinct word. */
interface WordReading {
  surface: string;
  /** A bare number ("136", "5s", "2008"): kept for the thesaurus's phrases, never evidence alone. */
  number: boolean;
  /** Written in capitals, as an abbreviation is (when the clause is not all in capitals). */
  capitals: boolean;
  /** A function word, read only when written in capitals ("IT", "HE"). */
  functionWord: boolean;
  /** The stem as written in capitals and as not: "CDRPs" reads as "cdrp" only in capitals. */
  stem: string;
  stemInCapitals: string;
  /** A code with digits, or a word partnerships use about themselves: part of a phrase at most. */
  generic: boolean;
  genericInCapitals: boolean;
}

const wordReadings = new Map<string, WordReading>();
/** Distinct written words kept (a national register has some tens of thousands). */
const MAX_WORD_READINGS = 200_000;

function wordReading(raw: string): WordReading {
  let reading = wordReadings.get(raw);
  if (reading) return reading;
  const surface = raw.toLowerCase();
  // Codes with digits ("A1101", "5x30", "u18", "NI112") are read as ages and indicators
  // elsewhere, or are references.
  const coded = /\d/.test(surface);
  const stem = stemWord(surface);
  const stemInCapitals = /[A-Z]{2}s$/.test(raw) ? stemWord(surface.slice(0, -1)) : stem;
  const generic = (s: string) => coded || GENERIC_STEMS.has(s) || STOP_WORDS.has(surface);
  reading = {
    surface,
    number: /^\d+(s|st|nd|rd|th)?$/.test(surface),
    capitals: inCapitals(raw),
    functionWord: FUNCTION.has(surface),
    stem,
    stemInCapitals,
    generic: generic(stem),
    genericInCapitals: generic(stemInCapitals),
  };
  if (wordReadings.size >= MAX_WORD_READINGS) wordReadings.clear();
  wordReadings.set(raw, reading);
  return reading;
}

function readWord(
  raw: string,
  clause: number,
  loud: boolean,
  start: number,
  extraStopWords?: ReadonlySet<string>,
): Token | undefined {
  const word = wordReading(raw);
  const { surface } = word;
  const end = start + raw.length;
  if (word.number) return { stem: surface, surface, capitals: false, clause, start, end, generic: true };
  if (raw.length < 2 || extraStopWords?.has(surface)) return undefined;
  const capitals = !loud && word.capitals;
  if (word.functionWord && !capitals) return undefined;
  return capitals
    ? { stem: word.stemInCapitals, surface, capitals, clause, start, end, generic: word.genericInCapitals }
    : { stem: word.stem, surface, capitals, clause, start, end, generic: word.generic };
}

/** Words before a number range that make it something other than ages ("Tier 2-4", "Key Stage 3-4"). */
const NOT_AGES = new Set(
  'tier tiers level levels stage stages ks phase phases step steps grade grades band bands class classes page pages ward wards no nos number numbers year years yr hours hrs am pm ni nvq'.split(
    ' ',
  ),
);
const OLDEST = 110;

function plausible(range: AgeRange): boolean {
  return range[0] >= 0 && range[0] <= range[1] && range[1] <= OLDEST;
}

/** The ages a text names: ranges, "under N", "over N", "N+" and single ages in years. */
export function readAges(text: string): AgeRange[] {
  // Every way of writing an age has a number in it.
  if (!/\d/.test(text)) return [];
  const found: AgeRange[] = [];
  const taken: Array<[number, number]> = [];
  const add = (range: AgeRange, at: number, length: number) => {
    if (!plausible(range) || taken.some(([s, e]) => at < e && at + length > s)) return;
    found.push(range);
    taken.push([at, at + length]);
  };
  const source = plain(text);
  for (const m of source.matchAll(/\b(?:under|u|below)[\s-]?(\d{1,2})(?:'?s)?\b/gi))
    add([0, Number(m[1]) - 1], m.index, m[0].length);
  for (const m of source.matchAll(/\b(?:over|aged over|older than)[\s-]?(\d{1,2})(?:'?s)?\b/gi))
    add([Number(m[1]), OLDEST], m.index, m[0].length);
  for (const m of source.matchAll(/\b(\d{1,2})\s?(?:\+|plus\b)/gi)) {
    if (Number(m[1]) >= 11) add([Number(m[1]), OLDEST], m.index, m[0].length);
  }
  const ranges = /\b(\d{1,2})\s?(?:-|–|—|to)\s?(\d{1,2})(?:('?s)\b|\s?(?:year|yr)s?[\s-]?old)?/gi;
  for (const m of source.matchAll(ranges)) {
    const before = /([A-Za-z]+)\s*$/.exec(source.slice(Math.max(0, m.index - 12), m.index))?.[1]?.toLowerCase();
    if (before && NOT_AGES.has(before)) continue;
    const low = Number(m[1]);
    const high = Number(m[2]);
    const marked = m[0].length > `${m[1]}-${m[2]}`.length || before === 'aged' || before === 'ages';
    if (low < high && (high <= 25 || marked)) add([low, high], m.index, m[0].length);
  }
  for (const m of source.matchAll(/\b(?:aged\s)?(\d{1,2})\s?(?:year|yr)s?[\s-]?olds?\b|\baged\s(\d{1,2})\b/gi)) {
    const age = Number(m[1] ?? m[2]);
    add([age, age], m.index, m[0].length);
  }
  return found;
}

/** Age bands a range is compared by: two ranges share a band when they overlap in it. */
export const AGE_BANDS: readonly AgeRange[] = [
  [0, 4],
  [5, 10],
  [11, 15],
  [16, 18],
  [19, 24],
  [25, 49],
  [50, 64],
  [65, OLDEST],
];

/**
 * The bands a range covers: each it overlaps by two years or more (or wholly, for a shorter
 * range); a short range across a boundary ("4-5") is in the band it overlaps most.
 */
export function ageBands(range: AgeRange): string[] {
  const length = range[1] - range[0] + 1;
  const overlaps = AGE_BANDS.map(([low, high]) => Math.min(high, range[1]) - Math.max(low, range[0]) + 1);
  const name = (i: number) =>
    AGE_BANDS[i]![1] === OLDEST ? `${AGE_BANDS[i]![0]}+` : `${AGE_BANDS[i]![0]}-${AGE_BANDS[i]![1]}`;
  const bands = overlaps.flatMap((overlap, i) => (overlap >= Math.min(2, length) ? [name(i)] : []));
  return bands.length > 0 ? bands : [name(overlaps.indexOf(Math.max(...overlaps)))];
}

/** National indicators cited: "NI 112", "NI112", "NI-117", "NI152/153", "NI 157a". */
export function readIndicators(text: string): string[] {
  if (!text.includes('NI')) return [];
  const found = new Set<string>();
  for (const m of plain(text).matchAll(/\bNI\s?-?\s?(\d{1,3}[a-d]?)((?:\s?(?:\/|,|&|and)\s?\d{1,3}[a-d]?\b)*)/g)) {
    found.add(m[1]!.toLowerCase());
    for (const more of (m[2] ?? '').matchAll(/\d{1,3}[a-d]?/g)) found.add(more[0].toLowerCase());
  }
  return [...found];
}

/** Everything the engine reads from one text. */
export function readText(text: string, extraStopWords?: ReadonlySet<string>): TextReading {
  return {
    reading: readingOf(text),
    tokens: readTokens(text, extraStopWords),
    ages: readAges(text),
    indicators: readIndicators(text),
  };
}

/**
 * Inverse document frequency, in the BM25 form: always positive (a word on every partnership
 * still weighs a little, so two identical records always score 1), about 0.5/N for such a word
 * and about ln(2N) for a word found once.
 */
export function idf(documentFrequency: number, documents: number): number {
  return Math.log(1 + (documents - documentFrequency + 0.5) / (documentFrequency + 0.5));
}
