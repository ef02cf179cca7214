/**
 * Sub-groups a register does not record as such, but whose purpose says so: "Culture
 * Partnership sub-group", "sub-group of the Health Partnership", "reports to the Housing Board".
 * Registers kept in a spreadsheet often have no parent column; the nesting is written in the
 * purpose instead. A partnership and the body it says it belongs to share work by design, as
 * a recorded sub-group does (scoring.ts, NESTED_SHARE).
 */
import { readTokens } from './text.js';

/** The phrases that say whose part a partnership is; a name before "sub-group", after the others. */
const BELONGING = /\b(?:sub[-\s]?(?:group|committee|panel)(\s+of\b)?|reports?\s+to\b|accountable\s+to\b)/gi;
/** Small words inside a body's name ("Culture and Leisure Partnership", "Board of Governors"). */
const CONNECTORS = new Set(['and', '&', 'of', 'for']);
/** Most words taken for a body's name. */
const MOST_WORDS = 8;

/** The capitalised words of a name, reading away from the phrase, stopping at anything else. */
function nameBeside(words: readonly string[]): string {
  const taken: string[] = [];
  for (const raw of words) {
    const word = raw.replace(/[.,;:!?()"]+$/, '');
    if (/^[A-Z]/.test(word) || (CONNECTORS.has(word) && taken.length > 0)) taken.push(word);
    else break;
    if (word !== raw || taken.length >= MOST_WORDS) break;
  }
  while (taken.length > 0 && CONNECTORS.has(taken.at(-1)!)) taken.pop();
  return taken.join(' ');
}

/** The names a purpose gives for the body it belongs to, nearest the phrase first. */
export function bodiesNamedIn(purpose: string): string[] {
  const names: string[] = [];
  for (const match of purpose.matchAll(BELONGING)) {
    const before = /sub/i.test(match[0]) && !match[1];
    if (before) {
      const preceding = purpose.slice(Math.max(0, match.index - 120), match.index).trimEnd();
      // Words back to a clause break: "…plans. Culture Partnership sub-group".
      const clause = preceding.split(/[.;:!?()]/).at(-1)!;
      names.push(nameBeside(clause.split(/\s+/).filter(Boolean).reverse()).split(' ').reverse().join(' '));
    } else {
      const following = purpose.slice(match.index + match[0].length, match.index + match[0].length + 120);
      const words = following.split(/\s+/).filter(Boolean);
      names.push(nameBeside(words[0]?.toLowerCase() === 'the' ? words.slice(1) : words));
    }
  }
  return names.filter(Boolean);
}

/**
 * For each partnership with no recorded parent, the position of the one partnership of the
 * scope its purpose names as the body it belongs to, or -1: the named words must all be in that
 * partnership's name (`nameStems`: each name's word stems, as already read), and in no other's.
 */
export function impliedParents(
  records: readonly { purpose: string; parentId: string | null }[],
  nameStems: readonly (readonly string[])[],
  stopWords?: ReadonlySet<string>,
): Int32Array {
  const implied = new Int32Array(records.length).fill(-1);
  let names: Array<Set<string>> | undefined;
  records.forEach((record, p) => {
    if (record.parentId) return;
    for (const body of bodiesNamedIn(record.purpose)) {
      const wanted = [...new Set(readTokens(body, stopWords).map((t) => t.stem))];
      if (wanted.length === 0) continue;
      names ??= nameStems.map((stems) => new Set(stems));
      const found = names.flatMap((words, q) => (q !== p && wanted.every((w) => words.has(w)) ? [q] : []));
      if (found.length === 1) {
        implied[p] = found[0]!;
        return;
      }
    }
  });
  return implied;
}

/** What a name says it works on: the concepts and the other words it names directly. */
export interface NameTopics {
  concepts: readonly string[];
  words: readonly string[];
  /** The name as written. */
  name: string;
}

/** Most concepts in a name for its umbrellas to be looked for (a name with more lists, it does not narrow). */
const MOST_NAME_CONCEPTS = 5;

/**
 * For each partnership, the partnerships whose names it extends by a kind of work: "NRF Jobs
 * Programme Board" names everything "Neighbourhood Renewal Fund Programme Board" names, and
 * jobs too, so it is the programme's jobs strand rather than the same work again. A name that
 * joins the extra work with "and" ("Domestic Violence and Sexual Violence Forum") broadens
 * instead, and is not a strand; nor is one whose extra is a word rather than a kind of work
 * ("Teenage Pregnancy Implementation Group"), nor one whose extra the caller's `isKindOfWork`
 * does not count as another kind of work (how it is funded; the same work named more narrowly).
 */
export function umbrellasByName(
  names: readonly NameTopics[],
  isKindOfWork: (extra: readonly string[], base: readonly string[]) => boolean = () => true,
): number[][] {
  const bySignature = new Map<string, number[]>();
  names.forEach((n, p) => {
    if (n.concepts.length === 0) return;
    const signature = [...new Set(n.concepts)].sort().join(' ');
    bySignature.set(signature, [...(bySignature.get(signature) ?? []), p]);
  });
  return names.map((n) => {
    const concepts = [...new Set(n.concepts)].sort();
    if (concepts.length < 2 || concepts.length > MOST_NAME_CONCEPTS || /\band\b|&/i.test(n.name)) return [];
    const words = new Set(n.words);
    const umbrellas: number[] = [];
    // Every strict, non-empty subset of the name's concepts, as a signature.
    for (let mask = 1; mask < (1 << concepts.length) - 1; mask++) {
      const base = concepts.filter((_, i) => mask & (1 << i));
      const named = bySignature.get(base.join(' '));
      if (
        !named ||
        !isKindOfWork(
          concepts.filter((_, i) => !(mask & (1 << i))),
          base,
        )
      )
        continue;
      for (const p of named) if (names[p]!.words.every((w) => words.has(w))) umbrellas.push(p);
    }
    return umbrellas;
  });
}

/** How high a layer sits: a strategic board sets the direction its executive and operational groups carry out. */
const LAYER_RANK: Readonly<Record<string, number>> = { strategic: 3, executive: 2, operational: 1 };

/**
 * For each partnership, the partnerships of a higher layer whose names name a broader kind of the
 * work its name names: "Stronger Communities Partnership" (strategic) over "Volunteering Strategy
 * Group" (operational), when the thesaurus holds volunteering under stronger communities. The
 * board for the broad theme and the group for one strand of it are a parent and its strand, not
 * the same work twice. Names that share a concept are left alone: they may be the same work.
 */
export function umbrellasByBreadth(
  names: readonly NameTopics[],
  records: readonly { layer: string; localityId: string }[],
  ancestorsOf: (concept: string) => readonly string[],
): number[][] {
  // Only a board of the same locality is its umbrella.
  const byConcept = new Map<string, number[]>();
  const keyOf = (p: number, concept: string) => `${records[p]!.localityId} ${concept}`;
  names.forEach((n, p) => {
    for (const c of new Set(n.concepts)) {
      const list = byConcept.get(keyOf(p, c));
      if (list) list.push(p);
      else byConcept.set(keyOf(p, c), [p]);
    }
  });
  return names.map((n, p) => {
    const rank = LAYER_RANK[records[p]!.layer] ?? 0;
    if (rank === 0 || n.concepts.length === 0) return [];
    const own = new Set(n.concepts);
    const umbrellas = new Set<number>();
    for (const concept of own)
      for (const broader of ancestorsOf(concept))
        for (const q of byConcept.get(keyOf(p, broader)) ?? [])
          if ((LAYER_RANK[records[q]!.layer] ?? 0) > rank && !names[q]!.concepts.some((c) => own.has(c)))
            umbrellas.add(q);
    return [...umbrellas];
  });
}
