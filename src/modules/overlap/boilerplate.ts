/**
 * A scope's boilerplate: the runs of words its purposes repeat from one another ("The partnership
 * brings together statutory, voluntary and community sector partners to …, aligned to the Council
 * Plan 2022-2026 priorities of …"). Registers paste their council's house wording into purpose
 * after purpose; read as the partnership's own words, it makes unrelated boards look alike and
 * buries what each one is for in the middle of the sentence.
 *
 * A run counts as boilerplate when the same BOILERPLATE_WORDS words in a row appear in at least
 * BOILERPLATE_RECORDS purposes of the scope. Two partnerships sharing a sentence are not
 * boilerplate: a successor often keeps its predecessor's words, and that is telling. The words a
 * purpose shares with boilerplate are read as a clause break, so a phrase never joins across the
 * gap they leave.
 */

/**
 * Words in a row that make a run. Runs of 4 to 8 words in 3 or 4 purposes measured alike on the
 * six benchmark registers; in 5, a register lost a true pair to its template.
 */
export const BOILERPLATE_WORDS = 6;
/** Purposes a run must be in to be boilerplate: more than a pair that shares its wording. */
export const BOILERPLATE_RECORDS = 3;

/**
 * A scope's boilerplate runs, each kept as a number made from its words' numbers (two 26-bit
 * hashes side by side, so two different runs of a scope share one by chance about once in 2^52)
 * rather than as its six words joined: counting every run of every purpose makes no strings.
 */
export interface Boilerplate {
  readonly wordIds: ReadonlyMap<string, number>;
  readonly runs: ReadonlySet<number>;
}

const WORD = /[A-Za-z0-9]+/g;
const HASH_BITS = 0x3ffffff;
const HASH_SPACE = HASH_BITS + 1;

interface Word {
  id: number;
  start: number;
  end: number;
}

/** A word of a text, lower-cased, and where it is written. */
export interface WrittenWord {
  lower: string;
  start: number;
  end: number;
}

/** The words of a text, in order. */
export function writtenWords(text: string): WrittenWord[] {
  const words: WrittenWord[] = [];
  for (const m of text.matchAll(WORD))
    words.push({ lower: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length });
  return words;
}

/** The words of a text, numbered by `idOf` (-1: a word no run has). */
function wordsIn(
  text: string,
  idOf: (lower: string) => number,
  written: readonly WrittenWord[] = writtenWords(text),
): Word[] {
  return written.map((w) => ({ id: idOf(w.lower), start: w.start, end: w.end }));
}

/** The key of the run of BOILERPLATE_WORDS words from `from`, or -1 if a word of it is in no run. */
function runKey(words: readonly Word[], from: number): number {
  let h1 = 0;
  let h2 = 0;
  for (let i = from; i < from + BOILERPLATE_WORDS; i++) {
    const id = words[i]!.id;
    if (id < 0) return -1;
    h1 = (Math.imul(h1, 31) + id) & HASH_BITS;
    h2 = (Math.imul(h2, 131) + id * 7 + 1) & HASH_BITS;
  }
  return h1 * HASH_SPACE + h2;
}

/** The runs of words at least BOILERPLATE_RECORDS of these purposes (one a record) repeat; undefined if none. */
export function findBoilerplate(purposes: Iterable<string>): Boilerplate | undefined {
  const wordIds = new Map<string, number>();
  const idOf = (lower: string) => wordIds.get(lower) ?? wordIds.set(lower, wordIds.size).get(lower)!;
  const purposesWith = new Map<number, number>();
  const runs = new Set<number>();
  const runWords = new Set<number>();
  // A purpose pasted on several records is read once and counted for each.
  const records = new Map<string, number>();
  for (const purpose of purposes) records.set(purpose, (records.get(purpose) ?? 0) + 1);
  for (const [purpose, times] of records) {
    const words = wordsIn(purpose, idOf);
    const seen = new Set<number>();
    for (let i = 0; i + BOILERPLATE_WORDS <= words.length; i++) {
      const key = runKey(words, i);
      if (seen.has(key)) continue;
      seen.add(key);
      const count = (purposesWith.get(key) ?? 0) + times;
      purposesWith.set(key, count);
      if (count < BOILERPLATE_RECORDS) continue;
      runs.add(key);
      for (let j = i; j < i + BOILERPLATE_WORDS; j++) runWords.add(words[j]!.id);
    }
  }
  if (runs.size === 0) return undefined;
  // Only the words of some run are worth knowing when a purpose is read.
  const inRuns = new Map<string, number>();
  for (const [word, id] of wordIds) if (runWords.has(id)) inRuns.set(word, id);
  return { wordIds: inRuns, runs };
}

/** Whether at least `count` of the items pass the test. */
function atLeast<T>(items: readonly T[], count: number, test: (item: T) => boolean): boolean {
  let found = 0;
  for (const item of items) if (test(item) && ++found >= count) return true;
  return false;
}

/**
 * The purpose with its boilerplate runs read as clause breaks. `written`, the purpose's words
 * when the caller already has them, spares reading it again (a proposal is read in every locality).
 */
export function withoutBoilerplate(
  purpose: string,
  boilerplate: Boilerplate | undefined,
  written?: readonly WrittenWord[],
): string {
  if (!boilerplate) return purpose;
  // A run is BOILERPLATE_WORDS words, each of some run: a purpose with fewer such words has none.
  if (written && !atLeast(written, BOILERPLATE_WORDS, (w) => boilerplate.wordIds.has(w.lower))) return purpose;
  const words = wordsIn(purpose, (lower) => boilerplate.wordIds.get(lower) ?? -1, written);
  let covered: Uint8Array | undefined;
  for (let i = 0; i + BOILERPLATE_WORDS <= words.length; i++) {
    const key = runKey(words, i);
    if (key < 0 || !boilerplate.runs.has(key)) continue;
    (covered ??= new Uint8Array(words.length)).fill(1, i, i + BOILERPLATE_WORDS);
  }
  if (!covered) return purpose;
  let out = '';
  let from = 0;
  for (let i = 0; i < words.length; i++) {
    if (!covered[i]) continue;
    let j = i;
    while (j + 1 < words.length && covered[j + 1]) j++;
    out += `${purpose.slice(from, words[i]!.start)}. `;
    from = words[j]!.end;
    i = j;
  }
  return out + purpose.slice(from);
}

/** Whether a purpose uses any of its scope's boilerplate. */
export function usesBoilerplate(purpose: string, boilerplate: Boilerplate | undefined): boolean {
  return withoutBoilerplate(purpose, boilerplate) !== purpose;
}
