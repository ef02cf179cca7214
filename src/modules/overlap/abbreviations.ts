/**
 * A register's own abbreviations, learnt from the register: "HfU - see ToR." means Homes for
 * Ukraine where another record of the same register speaks of "the Homes for Ukraine scheme";
 * "CDP" means the combating drugs partnership where the register has an "Ambershire Combating
 * Drugs Partnership". Officers write their locality's shorthand, which no thesaurus can hold.
 *
 * An abbreviation is a word of three or more letters with at least two capitals and no more
 * small letters than capitals ("LNRS", "HfU", "CDPs"). Its spelling out is the end of a run of
 * capitalised words in a name, or in a purpose away from the start of a sentence, with "for",
 * "of", "and", "the" or "&" allowed between them, whose initials spell it (a small letter only
 * for one of those little words). It is read only when the scope spells it out one way, the
 * thesaurus does not already read it, and it is no national body's ("DWP"). The spelling out is
 * read beside the abbreviation, in brackets.
 */

/** Capitalised words, and the little words allowed between them, as a register writes a name. */
const TITLE_RUN = /[A-Z][a-z]+(?:\s+(?:(?:for|of|and|the|&)\s+)?[A-Z][a-z]+)+/g;
/** Where a sentence begins, a capital says nothing: "Deliver the Eastbrook Suicide Prevention Plan". */
const SENTENCE_START = /(?:^|[.:;!?]\s*)$/;
const LITTLE = new Set(['for', 'of', 'and', 'the', '&']);
/** A word that may be an abbreviation: two capitals in it (lettersOf says whether it is one). */
const ABBREVIATION = /\b[A-Za-z]{3,}\b/g;
const TWO_CAPITALS = /[A-Z][a-z]*[A-Z]/;
const MAX_WORDS = 6;

/**
 * National bodies a local register names by their abbreviation: a local "Dunmoor Waste
 * Partnership" does not make every "DWP" in the register a waste partnership.
 */
const NATIONAL_BODIES = new Set(
  'DWP DfE DFE DHSC DoH MHCLG DLUHC DCLG DCMS DEFRA Defra DfT DFT BEIS DESNZ DBT HMRC HMPPS MoJ MOJ MoD MOD ONS CQC UKHSA OHID PHE LGA NAO EFA ESFA OFSTED Ofsted HSE'.split(
    ' ',
  ),
);

/** Abbreviation (as written, but for a plural "s") → what it stands for, as the scope writes it. */
export type Abbreviations = ReadonlyMap<string, string>;

/**
 * The letters of an abbreviation as written, if it is one of at least three letters: "CDPs" →
 * "CDP"; "HfU" stays "HfU", since its small letter must stand for a little word ("for"), not a
 * capitalised one ("DfE" is not "Dementia Friendly Eastbrook"). Two letters stand for too much.
 */
function lettersOf(word: string): string | undefined {
  if (!TWO_CAPITALS.test(word)) return undefined;
  const bare = word.replace(/(?<=[A-Z])s$/, '');
  const capitals = bare.replace(/[^A-Z]/g, '').length;
  if (capitals < 2 || bare.length < 3 || bare.length - capitals > capitals || bare.length > MAX_WORDS + 3)
    return undefined;
  return bare;
}

/** An abbreviation a scope may spell out: neither a national body's nor one the thesaurus reads. */
function unread(word: string, letters: string, known: (abbreviation: string) => boolean): boolean {
  return !NATIONAL_BODIES.has(letters) && !known(word);
}

/**
 * The runs of capitalised words that end a title run, whose initials are among `wanted`, with
 * those initials: "Combating Drugs Partnership" in "Ambershire Combating Drugs Partnership", never
 * "Child Safeguarding Practice" out of "Child Safeguarding Practice Review Panel".
 */
function* spellings(run: string, wanted: ReadonlySet<string>): Generator<[string, string]> {
  const words = run.split(/\s+/);
  // Initials from the run's end backwards: capitals only, little words as written, little words in capitals.
  let big = '';
  let asWritten = '';
  let allBig = '';
  let bigWords = 0;
  for (let from = words.length - 1; from >= 0; from--) {
    const word = words[from]!;
    const little = LITTLE.has(word);
    if (!little) {
      big = word[0] + big;
      bigWords++;
    }
    asWritten = word[0] + asWritten;
    allBig = word[0]!.toUpperCase() + allBig;
    if (bigWords > MAX_WORDS) return;
    if (little || bigWords < 2) continue;
    for (const initials of new Set([big, asWritten, allBig]))
      if (wanted.has(initials)) yield [initials, words.slice(from).join(' ')];
  }
}

/**
 * The abbreviations these texts use that they also spell out, each one way only, leaving out
 * those the thesaurus already reads (`known`: "CCG", "GP"); undefined if none.
 */
export function learnAbbreviations(
  names: readonly string[],
  purposes: readonly string[],
  known: (abbreviation: string) => boolean = () => false,
): Abbreviations | undefined {
  const used = new Set<string>();
  for (const text of [...names, ...purposes])
    for (const [word] of text.matchAll(ABBREVIATION)) {
      const letters = lettersOf(word);
      if (letters && !used.has(letters) && unread(word, letters, known)) used.add(letters);
    }
  if (used.size === 0) return undefined;
  const meanings = new Map<string, Set<string>>();
  const runs = [
    ...names.flatMap((name) => [...name.matchAll(TITLE_RUN)].map((m) => m[0])),
    ...purposes.flatMap((purpose) =>
      [...purpose.matchAll(TITLE_RUN)]
        .filter((m) => !SENTENCE_START.test(purpose.slice(Math.max(0, m.index - 3), m.index)))
        .map((m) => m[0]),
    ),
  ];
  for (const run of runs)
    for (const [initials, phrase] of spellings(run, used)) {
      let phrases = meanings.get(initials);
      if (!phrases) meanings.set(initials, (phrases = new Set()));
      phrases.add(phrase.toLowerCase());
    }
  const learnt = new Map<string, string>();
  for (const [initials, phrases] of meanings) if (phrases.size === 1) learnt.set(initials, [...phrases][0]!);
  return learnt.size > 0 ? learnt : undefined;
}

/** Whether a text uses an abbreviation these do not spell out (one a scope might spell out for it). */
export function usesOthers(
  text: string,
  abbreviations: Abbreviations | undefined,
  known: (abbreviation: string) => boolean = () => false,
  written: readonly WrittenAbbreviation[] = abbreviationsWritten(text),
): boolean {
  return written.some(({ word, letters }) => !abbreviations?.has(letters) && unread(word, letters, known));
}

/** A word of a text that may be an abbreviation, with its letters (lettersOf). */
export interface WrittenAbbreviation {
  word: string;
  letters: string;
}

/** The words of a text that may be abbreviations, in order. */
export function abbreviationsWritten(text: string): WrittenAbbreviation[] {
  const found: WrittenAbbreviation[] = [];
  for (const [word] of text.matchAll(ABBREVIATION)) {
    const letters = lettersOf(word);
    if (letters) found.push({ word, letters });
  }
  return found;
}

/**
 * The text with each learnt abbreviation followed by what it stands for, in brackets. `written`,
 * the text's abbreviations when the caller already has them, spares reading a text that has none.
 */
export function withAbbreviationsSpelt(
  text: string,
  abbreviations: Abbreviations | undefined,
  written?: readonly WrittenAbbreviation[],
): string {
  if (!abbreviations) return text;
  if (written && !written.some((w) => abbreviations.has(w.letters))) return text;
  return text.replace(ABBREVIATION, (word) => {
    const letters = lettersOf(word);
    const meaning = letters && abbreviations.get(letters);
    return meaning ? `${word} (${meaning})` : word;
  });
}

/**
 * How a partnership wrote what it shares, for an explanation: a phrase read from an abbreviation's
 * spelling out is shown as the abbreviation, with what it was read as ("HfU (homes for ukraine)").
 */
export function writtenAs(written: string, name: string, purpose: string, abbreviations: Abbreviations | undefined) {
  if (!abbreviations) return written;
  const original = `${name} ${purpose}`;
  if (original.toLowerCase().includes(written.toLowerCase())) return written;
  for (const [word] of original.matchAll(ABBREVIATION)) {
    const letters = lettersOf(word);
    const meaning = letters && abbreviations.get(letters);
    if (meaning && meaning.includes(written.toLowerCase())) return `${word} (${written})`;
  }
  return written;
}
