import { CsvError, parse } from 'csv-parse';
import { stringify } from 'csv-stringify/sync';
import { giveWay } from '../../db/give-way.js';
import { type Kind, columnNames } from './columns.js';
import type { ImportIssue } from './issues.js';
import { type RawRecord, type RawSheet, type TableResult, toTable } from './table.js';

interface ParsedRecord {
  record: string[];
  info: { records: number; empty_lines: number };
}

/** Reads one CSV file of one kind, in the layout of columns.ts. */
export async function readCsv(kind: Kind, sheet: string, content: Buffer | string): Promise<TableResult> {
  const { raw, issues } = await readCsvSheet(sheet, content);
  return raw ? toTable(kind, sheet, raw.header, raw.records) : { issues };
}

/**
 * Reads one CSV file as it is: its header and records, whatever its columns. The file must be
 * UTF-8 (a byte-order mark is fine); quoted fields may hold commas, quotes and line breaks;
 * CRLF and LF both end a row. Lines are counted as a spreadsheet shows rows: the header is line 1.
 */
export async function readCsvSheet(
  sheet: string,
  content: Buffer | string,
): Promise<{ raw?: RawSheet; issues: ImportIssue[] }> {
  const problem = (message: string) => ({ issues: [{ sheet, line: 1, column: '', message }] });
  if (typeof content !== 'string' && looksBinary(content))
    return problem(
      'The file is not text: it looks like a binary file (a picture, a PDF or an old .xls workbook). Save it as CSV UTF-8 or as an .xlsx workbook',
    );
  const text = typeof content === 'string' ? content : decodeUtf8(content);
  if (text === undefined)
    return problem('The file is not UTF-8 text: in Excel, save it as “CSV UTF-8 (comma delimited)”');
  let records: RawRecord[];
  try {
    const parsed = await parseInSlices(text);
    records = parsed.map(({ record, info }) => ({
      // info.records counts this record; empty lines above it are rows in a spreadsheet too.
      line: info.records + info.empty_lines,
      values: record.map(unescapeFormula),
    }));
  } catch (error) {
    if (error instanceof CsvError) return { issues: [malformed(sheet, error)] };
    throw error;
  }
  const [header, ...rows] = records;
  if (!header) return problem('The file is empty: the first line must hold the column headings');
  return { raw: { name: sheet, header: header.values, records: rows }, issues: [] };
}

/** How much text the parser is given at a time, letting other work in between. */
const SLICE_CHARACTERS = 256 * 1024;

/**
 * csv-parse's stream, fed the text a slice at a time with a pause between slices: parsing a
 * 100,000-row file in one go held the server's event loop for over a second, and every other
 * request with it.
 */
async function parseInSlices(text: string): Promise<ParsedRecord[]> {
  const records: ParsedRecord[] = [];
  const parser = parse({ bom: true, info: true, relax_column_count: true, skip_empty_lines: true });
  // With `info`, csv-parse gives each record with its counters; its types do not say so.
  parser.on('data', (record: ParsedRecord) => records.push(record));
  let failure: unknown;
  const done = new Promise<void>((resolve) => {
    parser.on('error', (error) => {
      failure = error;
      resolve();
    });
    parser.on('end', resolve);
  });
  for (let start = 0; start < text.length && failure === undefined;) {
    let end = Math.min(text.length, start + SLICE_CHARACTERS);
    // Never between the two halves of a character outside the Basic Multilingual Plane.
    if (end < text.length && /[\uD800-\uDBFF]/.test(text[end - 1]!)) end -= 1;
    parser.write(text.slice(start, end));
    start = end;
    await giveWay();
  }
  if (failure === undefined) parser.end();
  await done;
  if (failure !== undefined) throw failure;
  return records;
}

/** NUL bytes never appear in a text file (UTF-16 text is refused too: it is not UTF-8). */
function looksBinary(content: Buffer): boolean {
  return content.subarray(0, 8000).includes(0);
}

function decodeUtf8(content: Buffer): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    return undefined;
  }
}

/** csv-parse counts physical lines; the record it stopped in is the one after those it read. */
function malformed(sheet: string, error: CsvError): ImportIssue {
  const context = error as CsvError & { records?: number; empty_lines?: number };
  const line = (context.records ?? 0) + (context.empty_lines ?? 0) + 1;
  const reasons: Record<string, string> = {
    CSV_QUOTE_NOT_CLOSED: `A quoted value that starts on line ${line} is never closed: add the missing closing quote (")`,
    CSV_INVALID_CLOSING_QUOTE: `A quote (") is followed by more text in the same value on line ${line}: double quotes inside a quoted value ("")`,
    INVALID_OPENING_QUOTE: `A quote (") appears inside an unquoted value on line ${line}: put the whole value in quotes and double the quote ("")`,
  };
  return { sheet, line, column: '', message: `The file is not valid CSV. ${reasons[error.code] ?? error.message}` };
}

/**
 * A cell starting with =, +, -, @, tab or carriage return may run as a formula when the file
 * is opened in a spreadsheet. The export puts an apostrophe in front of such cells; the
 * import takes it off again, so values round-trip unchanged.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;

export function escapeFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function unescapeFormula(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value) ? value.slice(1) : value;
}

/** A CSV file of one kind with a BOM (so Excel reads it as UTF-8) and CRLF line ends. */
export function writeCsv(kind: Kind, rows: Array<Record<string, string | number | null>>): string {
  const columns = columnNames(kind);
  const records = rows.map((row) =>
    columns.map((c) => escapeFormula(row[c] === null || row[c] === undefined ? '' : String(row[c]))),
  );
  return `\uFEFF${stringify([columns, ...records], { record_delimiter: 'windows' })}`;
}
