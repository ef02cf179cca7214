import type { Kind } from './columns.js';

/** One problem in an import, where a spreadsheet user can find it. */
export interface ImportIssue {
  /** The file name (CSV) or sheet name (XLSX). */
  sheet: string;
  /** The row as a spreadsheet shows it: the header is line 1. */
  line: number;
  /** The column heading, or empty when the problem is with the whole row or file. */
  column: string;
  message: string;
  /** The value in that cell, when the problem is with one value. */
  value?: string;
  /** What would probably put it right. */
  suggestion?: string;
}

/** The import was refused and nothing was written; every problem found is listed. */
export class ImportRejected extends Error {
  constructor(readonly issues: ImportIssue[]) {
    super(`Nothing was imported: ${issues.length} problem${issues.length === 1 ? '' : 's'} found`);
    this.name = 'ImportRejected';
  }
}

/** One row of a file or sheet: its line and its cells by column heading (absent cells are ''). */
export interface SourceRow {
  line: number;
  cells: Record<string, string>;
}

/** The rows of one kind read from one file or sheet, headings already checked. */
export interface SourceTable {
  kind: Kind;
  sheet: string;
  /** Our columns the file has: on a re-import, the others keep the register's values. */
  columns: string[];
  rows: SourceRow[];
  /** Our column → the heading it came from, when a mapping renamed it (for messages). */
  sourceColumns?: Record<string, string>;
}

export interface ImportCounts {
  organisations: number;
  partnerships: number;
  memberships: number;
}

export const noCounts = (): ImportCounts => ({ organisations: 0, partnerships: 0, memberships: 0 });

/** One field that an import changes on a record already in the register. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** What an import did (or, as a preview, would do): new, changed and unchanged records, with the first of each. */
export interface ImportSummary {
  created: ImportCounts;
  updated: ImportCounts;
  unchanged: ImportCounts;
  /** The first rows created, by kind, as the register shows them (key, name). */
  createdSamples: Record<Kind, Array<{ key: string; name: string }>>;
  /** The first records changed, by kind, with each change. */
  updatedSamples: Record<Kind, Array<{ key: string; name: string; changes: FieldChange[] }>>;
}

/** Issues in reading order: sheet by sheet as the import names them, then line by line. */
export function sortIssues(issues: ImportIssue[], sheetOrder: string[] = []): ImportIssue[] {
  const rank = (sheet: string) => (sheetOrder.includes(sheet) ? sheetOrder.indexOf(sheet) : sheetOrder.length);
  return [...issues].sort(
    (a, b) =>
      rank(a.sheet) - rank(b.sheet) ||
      a.sheet.localeCompare(b.sheet) ||
      a.line - b.line ||
      a.column.localeCompare(b.column),
  );
}

/** "partnerships.csv line 4, column basis: Unknown basis: foo (…)" for the command line. */
export function describeIssue(issue: ImportIssue): string {
  const value =
    issue.value !== undefined && !issue.message.includes(issue.value) ? ` (the value is “${issue.value}”)` : '';
  const fix = issue.suggestion ? ` Suggested fix: ${issue.suggestion}` : '';
  return `${issue.sheet} line ${issue.line}${issue.column ? `, column ${issue.column}` : ''}: ${issue.message}${value}.${fix}`.replace(
    /\.\./g,
    '.',
  );
}

/** "4 organisations, 3 partnerships and 1 membership" */
export function describeCounts(counts: ImportCounts): string {
  const part = (n: number, word: string) => `${n} ${n === 1 ? word : `${word}s`}`;
  return `${part(counts.organisations, 'organisation')}, ${part(counts.partnerships, 'partnership')} and ${part(counts.memberships, 'membership')}`;
}
