import { COLUMNS, type Kind, normaliseHeading } from './columns.js';
import type { ImportIssue, SourceRow, SourceTable } from './issues.js';

/** A record as a reader (CSV or XLSX) found it: its line and its values in column order. */
export interface RawRecord {
  line: number;
  values: string[];
}

/** A file or sheet as read, before its columns are matched to the layout. */
export interface RawSheet {
  /** The file name (CSV) or sheet name (XLSX). */
  name: string;
  header: string[];
  records: RawRecord[];
}

export interface TableResult {
  table?: SourceTable;
  issues: ImportIssue[];
}

/**
 * Checks the header row against the layout and turns records into rows keyed by column.
 * Unknown, duplicated and missing required columns are each named; rows are not read
 * when the header is wrong, since their cells could not be trusted to mean anything.
 */
export function toTable(kind: Kind, sheet: string, header: string[], records: RawRecord[]): TableResult {
  const issues: ImportIssue[] = [];
  const headerIssue = (column: string, message: string) => issues.push({ sheet, line: 1, column, message });
  const known = new Set(COLUMNS[kind].map((c) => c.name));
  const headings = trimTrailingBlanks(header.map(normaliseHeading));
  const seen = new Set<string>();
  headings.forEach((heading, index) => {
    if (heading === '')
      headerIssue('', `Column ${index + 1} has no heading: give it one of the ${kind} columns or delete it`);
    else if (!known.has(heading))
      headerIssue(
        heading,
        `Unknown column “${header[index]?.trim()}”: ${kind} have the columns ${[...known].join(', ')}`,
      );
    else if (seen.has(heading)) headerIssue(heading, `The column ${heading} appears more than once`);
    seen.add(heading);
  });
  for (const spec of COLUMNS[kind]) {
    if (spec.required && !seen.has(spec.name)) headerIssue(spec.name, `The required column ${spec.name} is missing`);
  }
  if (issues.length) return { issues };

  const rows: SourceRow[] = [];
  for (const record of records) {
    if (record.values.every((v) => v.trim() === '')) continue;
    const extra = record.values.slice(headings.length).filter((v) => v.trim() !== '');
    if (extra.length) {
      issues.push({
        sheet,
        line: record.line,
        column: '',
        message: `This row has ${headings.length + extra.length} or more values but there are only ${headings.length} columns: check for a stray comma or a missing quote`,
      });
      continue;
    }
    const nul = record.values.findIndex((v) => v.includes('\u0000'));
    if (nul >= 0) {
      issues.push({
        sheet,
        line: record.line,
        column: headings[nul] ?? '',
        message: 'This cell holds a null character, which cannot be stored: retype the value',
      });
      continue;
    }
    const cells: Record<string, string> = Object.fromEntries(COLUMNS[kind].map((c) => [c.name, '']));
    headings.forEach((heading, index) => (cells[heading] = record.values[index] ?? ''));
    rows.push({ line: record.line, cells });
  }
  return { table: { kind, sheet, columns: [...seen], rows }, issues };
}

/** Spreadsheets often save empty cells to the right of the last heading. */
function trimTrailingBlanks(headings: string[]): string[] {
  let end = headings.length;
  while (end > 0 && headings[end - 1] === '') end--;
  return headings.slice(0, end);
}
