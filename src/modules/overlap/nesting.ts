/**
 * Sub-groups a register does not record as such, but whose purpose says so: "Culture
 * Partnership sub-group", "sub-group of the Health Partnership", "reports to the Housing Board".
 * Registers kept in a spreadsheet often have no parent column; the nesting is written in the
 * purpose instead. A partnership and the body it says it belongs to share work by design, as
 * a recorded sub-group does (scoring.ts, NESTED_SHARE).
 */
import { readTokens } from './text.js';

/** The name a purpose gives for the body it belongs to: capitalised words before or after the phrase. */
const BELONGS_TO = [
  // "Culture Partnership sub-group": the name comes first.
  /((?:[A-Z][\w'’&-]*\s+(?:(?:and|&|of|for|the)\s+)?)*[A-Z][\w'’&-]*)\s+sub[-\s]?(?:group|committee|panel)\b/g,
  // "sub-group of the Health Partnership", "reports to the Housing Board", "a theme group of …"
  /\b(?:[Ss]ub[-\s]?(?:group|committee|panel)\s+of|[Rr]eports?\s+to|[Aa]ccountable\s+to)\s+(?:the\s+)?((?:[A-Z][\w'’&-]*\s*(?:(?:and|&|of|for)\s+)?)+)/g,
];

/** The words of a name that must all be in the name of the body meant (stop words and places aside). */
function wordsOf(name: string, stopWords?: ReadonlySet<string>): string[] {
  return [...new Set(readTokens(name, stopWords).map((t) => t.stem))];
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
    if (record.parentId || !/sub[-\s]?(?:group|committee|panel)|reports?\s+to|accountable\s+to/i.test(record.purpose))
      return;
    names ??= nameStems.map((stems) => new Set(stems));
    for (const pattern of BELONGS_TO)
      for (const match of record.purpose.matchAll(pattern)) {
        const wanted = wordsOf(match[1]!, stopWords);
        if (wanted.length === 0) continue;
        const found = names.flatMap((words, q) => (q !== p && wanted.every((w) => words.has(w)) ? [q] : []));
        if (found.length === 1) {
          implied[p] = found[0]!;
          return;
        }
      }
  });
  return implied;
}
