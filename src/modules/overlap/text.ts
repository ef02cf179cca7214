/**
 * Turning a partnership's name and purpose into word shingles: the words that tell what it is
 * for, and the two-word phrases they form.
 *
 * Normalising: lower case, accents dropped, anything not a letter or digit is a space, so
 * "Anti-Social Behaviour" and "anti social behaviour" meet. Clauses (split at . ; : ! ? and
 * brackets) are kept apart so a phrase never straddles two sentences.
 *
 * Stop words: English function words, and the words every partnership uses about itself
 * ("partnership", "board", "group", "forum", "local"…), which say nothing about what it does.
 * Place names cannot be listed in advance; the score gives each shingle an inverse document
 * frequency over the scope, so a locality's own name, on every one of its partnerships, counts
 * for almost nothing when that locality is analysed.
 *
 * Stemming: a light, predictable suffix strip (plural s, -ies, -ing, -ed, final e), enough for
 * "reducing"/"reduce"/"reduced" and "communities"/"community" to meet. A full Porter stemmer
 * (the `stemmer` package) would merge more forms; it was not needed for the measured recall.
 */

const FUNCTION_WORDS = `a about above across after again against all also am among an and any are as at be
because been before being below between both but by can could did do does doing down during each
either etc few for from further had has have having he her here hers him his how i if in into is it
its itself just may me might more most must my no nor not now of off on once only or other our ours
out over own per same shall she should so some such than that the their theirs them then there these
they this those through to too under until up upon us very via was we were what when where whether
which while who whom whose why will with within without would you your yours`;

/** Words partnerships use about themselves, whatever they are for. */
const PARTNERSHIP_WORDS = `partnership partnerships partner partners board boards group groups subgroup
subgroups sub forum forums committee committees steering network networks alliance panel panels
executive strategic local locality joint working arrangement arrangements body bodies meeting
meetings member members membership new`;

export const STOP_WORDS: ReadonlySet<string> = new Set(
  `${FUNCTION_WORDS} ${PARTNERSHIP_WORDS}`.split(/\s+/).filter(Boolean),
);

/** Sentence-like boundaries (. ; : ! ? brackets, line ends): phrases never join two clauses. */
const CLAUSE_BREAKS = new Uint8Array(128);
for (const c of '.;:!?()[]{}\n\r') CLAUSE_BREAKS[c.charCodeAt(0)] = 1;
const NON_ASCII = /[\u0080-\uffff]/;
const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** The light stemmer: one rule, chosen by ending, then a final "e" is dropped. */
export function stem(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

export interface ContentWord {
  /** The stem, used for matching. */
  stem: string;
  /** The word as written (lower case), used in explanations. */
  surface: string;
}

/**
 * Calls `onWord` for each word of a text (folded to plain lower case; at least two characters,
 * not all digits) and `onClauseEnd` at each clause boundary. A character loop rather than
 * regular expressions, since it runs over every purpose in the country when the national index
 * is built; the same rule as splitting on /[^a-z0-9]+/.
 */
export function scanWords(text: string, onWord: (word: string) => void, onClauseEnd: () => void): void {
  // Plain ASCII (nearly every record) is scanned as it is, lower-casing only words with capitals.
  const folded = NON_ASCII.test(text) ? text.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase() : text;
  let start = -1;
  let digitsOnly = true;
  let hasCapital = false;
  for (let i = 0; i <= folded.length; i++) {
    const code = i < folded.length ? folded.charCodeAt(i) : 46; // a full stop ends the last clause
    const isSmall = code >= 97 && code <= 122;
    const isCapital = code >= 65 && code <= 90;
    if (isSmall || isCapital || (code >= 48 && code <= 57)) {
      if (start < 0) start = i;
      if (isSmall || isCapital) digitsOnly = false;
      if (isCapital) hasCapital = true;
      continue;
    }
    if (start >= 0 && i - start >= 2 && !digitsOnly) {
      const word = folded.slice(start, i);
      onWord(hasCapital ? word.toLowerCase() : word);
    }
    start = -1;
    digitsOnly = true;
    hasCapital = false;
    if (code < 128 && CLAUSE_BREAKS[code] === 1) onClauseEnd();
  }
}

/** The words of a text, clause by clause (stop words still in). */
export function rawClauses(text: string): string[][] {
  const clauses: string[][] = [];
  let clause: string[] = [];
  scanWords(
    text,
    (word) => clause.push(word),
    () => {
      if (clause.length > 0) clauses.push(clause);
      clause = [];
    },
  );
  return clauses;
}

/** The stem a word is matched by, or null for a stop word. */
export function contentStem(word: string): string | null {
  if (STOP_WORDS.has(word)) return null;
  const stemmed = stem(word);
  return STOP_WORDS.has(stemmed) ? null : stemmed;
}

/** The content words of a text, clause by clause, stop words removed. */
export function contentClauses(text: string): ContentWord[][] {
  const clauses: ContentWord[][] = [];
  for (const raw of rawClauses(text)) {
    const words: ContentWord[] = [];
    for (const surface of raw) {
      const stemmed = contentStem(surface);
      if (stemmed !== null) words.push({ stem: stemmed, surface });
    }
    if (words.length > 0) clauses.push(words);
  }
  return clauses;
}

export interface Shingle {
  /** `word` or `first second` in stems: the matching key. */
  key: string;
  kind: 'word' | 'phrase';
  surface: string;
}

/**
 * The shingles of a partnership: every content word and every pair of neighbouring content
 * words (a phrase), from the name and the purpose, each once. Words catch rewording; phrases
 * reward the same expression ("domestic abuse", "night time economy") more than the same words
 * scattered.
 */
export function shingles(name: string, purpose: string): Shingle[] {
  const seen = new Map<string, Shingle>();
  for (const clause of [...contentClauses(name), ...contentClauses(purpose)]) {
    for (let i = 0; i < clause.length; i++) {
      const word = clause[i]!;
      if (!seen.has(word.stem)) seen.set(word.stem, { key: word.stem, kind: 'word', surface: word.surface });
      const next = clause[i + 1];
      if (next) {
        const key = `${word.stem} ${next.stem}`;
        if (!seen.has(key)) seen.set(key, { key, kind: 'phrase', surface: `${word.surface} ${next.surface}` });
      }
    }
  }
  return [...seen.values()];
}

/**
 * Inverse document frequency, in the BM25 form: always positive (a word on every partnership
 * still weighs a little, so two identical records always score 1), about 0.5/N for such a word
 * and about ln(2N) for a word found once.
 */
export function idf(documentFrequency: number, documents: number): number {
  return Math.log(1 + (documents - documentFrequency + 0.5) / (documentFrequency + 0.5));
}
