import { CODE_COLUMNS } from './columns.js';
import type { ImportIssue, SourceTable } from './issues.js';
import { type CodeBook, suggestCode } from './mapping.js';

/** Statutory partnerships by what their names say (registers often record only "statutory"). */
const STATUTORY_BY_NAME: Array<[RegExp, string]> = [
  [/community safety|\bcdrp\b|crime and disorder|\bsafer\b/i, 'community-safety-partnership'],
  [/youth offending|\byot\b/i, 'youth-offending-board'],
  [/safeguarding children|\blscb\b|child protection|\bacpc\b/i, 'safeguarding-children'],
  [/safeguarding adults/i, 'safeguarding-adults'],
  [/children'?s trust|children and young people'?s (strategic )?partnership/i, 'childrens-trust'],
  [/health and wellbeing board/i, 'health-wellbeing-board'],
  [/resilience|emergency planning/i, 'local-resilience-forum'],
  [/\bmappa\b|public protection/i, 'mappa'],
];

const DATE_COLUMNS = new Set(['established_on', 'review_date', 'started_on', 'ended_on', 'closed_on']);
const COUNT_COLUMNS = new Set(['meetings_per_year', 'meeting_minutes', 'typical_attendance']);
const ORGANISATION_COLUMNS = new Set(['organisation', 'lead_organisation', 'accountable_body']);

/** The statutory type a partnership's name suggests, if any. */
export function statutoryTypeFromName(name: string): string | undefined {
  return STATUTORY_BY_NAME.find(([pattern]) => pattern.test(name))?.[1];
}

/**
 * Adds to each problem the value it is about and, where one can be guessed, a fix: the code an
 * unknown value most likely means, the statutory type a name suggests, the nearest
 * organisation or reference when a key names nothing, the form a date or number must take.
 * Issues arrive with our column names; the column is then given as the file's own heading.
 */
export function suggestFixes(
  issues: ImportIssue[],
  tables: SourceTable[],
  book: CodeBook,
  levenshtein: (a: string, b: string) => number,
): ImportIssue[] {
  const rows = new Map<string, Record<string, string>>();
  for (const table of tables) for (const row of table.rows) rows.set(`${table.sheet}:${row.line}`, row.cells);
  const keys = (column: string) => [
    ...new Set(
      tables
        .filter((t) => t.kind === (column === 'partnership_reference' ? 'partnerships' : 'organisations'))
        .flatMap((t) =>
          t.rows.flatMap((r) =>
            column === 'partnership_reference'
              ? [r.cells.reference ?? '']
              : [r.cells.identifier ?? '', r.cells.local_reference ?? '', r.cells.name ?? ''],
          ),
        )
        .filter(Boolean),
    ),
  ];
  const nearest = (value: string, candidates: string[]) =>
    candidates
      .map((c) => ({ c, d: levenshtein(c.toLowerCase(), value.toLowerCase()) }))
      .filter((x) => x.d <= Math.max(2, Math.floor(value.length / 3)))
      .sort((a, b) => a.d - b.d)[0]?.c;

  return issues.map((issue) => {
    const cells = rows.get(`${issue.sheet}:${issue.line}`);
    const table = tables.find((t) => t.sheet === issue.sheet);
    const shown = table?.sourceColumns?.[issue.column] ?? issue.column;
    if (!cells || !issue.column) return { ...issue, column: shown };
    const value = cells[issue.column] ?? '';
    let suggestion: string | undefined;
    if (CODE_COLUMNS.has(issue.column) && value) {
      const unknown = value.split(';').find((v) => (book.get(issue.column) ?? []).every((i) => i.code !== v.trim()));
      const guess = unknown ? suggestCode(issue.column, unknown, book, levenshtein) : undefined;
      suggestion = guess
        ? `map “${unknown}” to ${guess.code} (${guess.label})`
        : unknown
          ? `map “${unknown}” to one of the codes listed on the column layout page${issue.column in { themes: 1, org_type: 1, basis: 1, legal_form: 1, statutory_type: 1 } ? ', or add it as a new item' : ''}`
          : undefined;
    } else if (issue.column === 'statutory_type') {
      const guess = statutoryTypeFromName(cells.name ?? '');
      suggestion = guess
        ? `the name suggests ${guess}: add a statutory_type column, or give a default statutory type in the mapping`
        : 'add a statutory_type column, or give a default statutory type in the mapping (“other” if it is not known)';
    } else if (issue.column === 'basis_detail')
      suggestion = 'name the fund or plan in a basis_detail column, or give a default for it in the mapping';
    else if (DATE_COLUMNS.has(issue.column)) suggestion = 'write the date as YYYY-MM-DD, such as 2024-03-31';
    else if (COUNT_COLUMNS.has(issue.column)) suggestion = 'enter a whole number, such as 6';
    else if (ORGANISATION_COLUMNS.has(issue.column) || issue.column === 'partnership_reference') {
      const near = value ? nearest(value, keys(issue.column)) : undefined;
      suggestion = near ? `did you mean “${near}”?` : undefined;
    } else if (issue.column === 'purpose' && !value)
      suggestion = 'describe what it is for, or give a default purpose in the mapping';
    return { ...issue, column: shown, value, ...(suggestion ? { suggestion } : {}) };
  });
}
