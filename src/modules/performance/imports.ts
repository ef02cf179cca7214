import { CsvError, parse } from 'csv-parse/sync';
import { normaliseHeading } from '../exchange/columns.js';
import { unescapeFormula } from '../exchange/csv.js';
import type { ImportIssue } from '../exchange/issues.js';
import { README_SHEET, cellText, looksLikeXlsx } from '../exchange/xlsx.js';
import { isRealDate } from '../../core/validation.js';

/**
 * Reading a file of measurements or indicators, in the same manner as the register's import:
 * CSV (UTF-8, a byte-order mark is fine) or the first data sheet of an XLSX workbook; the
 * header is line 1 and every problem is reported with its line and column. Nothing is
 * written unless every row is good: the service checks the rows and writes them in one
 * transaction.
 */
export interface ColumnSpec {
  name: string;
  required: boolean;
  description: string;
  example: string;
}

export const MEASUREMENT_COLUMNS: ColumnSpec[] = [
  {
    name: 'indicator',
    required: true,
    description: 'The indicator’s code in the library, e.g. NI 112 or a local code',
    example: 'NI 56',
  },
  {
    name: 'year',
    required: true,
    description: 'The financial year the value is for, e.g. 2024/25',
    example: '2024/25',
  },
  { name: 'value', required: true, description: 'The value, as a number in the indicator’s unit', example: '19.4' },
  { name: 'data_status', required: true, description: 'provisional or final', example: 'final' },
  {
    name: 'note',
    required: false,
    description: 'Anything a reader should know about the value',
    example: 'Revised by the source in March',
  },
];

export const INDICATOR_COLUMNS: ColumnSpec[] = [
  { name: 'code', required: true, description: 'A short unique code, e.g. NI 112 or LI 4', example: 'LI 4' },
  {
    name: 'title',
    required: true,
    description: 'What the indicator measures',
    example: 'Residents satisfied with their neighbourhood',
  },
  { name: 'group', required: false, description: 'The group or block it belongs to', example: 'Stronger communities' },
  { name: 'definition', required: false, description: 'How it is defined and calculated', example: '' },
  {
    name: 'unit',
    required: false,
    description: 'The unit of its values, e.g. %, rate per 1,000, number',
    example: '%',
  },
  { name: 'polarity', required: false, description: 'higher or lower: which way is better', example: 'higher' },
  { name: 'numerator', required: false, description: 'What is counted', example: '' },
  { name: 'denominator', required: false, description: 'What it is counted out of', example: '' },
  { name: 'frequency', required: false, description: 'How often it is measured', example: 'annual' },
  { name: 'source', required: false, description: 'Where the data come from', example: 'Residents’ survey' },
  { name: 'geography', required: false, description: 'The area it is measured over', example: 'Local authority area' },
];

export interface FileRow {
  line: number;
  cells: Record<string, string>;
}

export interface FileTable {
  sheet: string;
  rows: FileRow[];
  issues: ImportIssue[];
}

export async function readTable(columns: ColumnSpec[], name: string, content: Buffer): Promise<FileTable> {
  if (looksLikeXlsx(content)) return readWorkbookTable(columns, content);
  const text = decodeUtf8(content);
  if (text === undefined)
    return {
      sheet: name,
      rows: [],
      issues: [
        {
          sheet: name,
          line: 1,
          column: '',
          message: 'The file is not UTF-8 text: in Excel, save it as “CSV UTF-8 (comma delimited)”',
        },
      ],
    };
  let records: Array<{ line: number; values: string[] }>;
  try {
    const parsed = parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as Array<{ record: string[]; info: { records: number; empty_lines: number } }>;
    records = parsed.map(({ record, info }) => ({
      line: info.records + info.empty_lines,
      values: record.map(unescapeFormula),
    }));
  } catch (error) {
    if (error instanceof CsvError)
      return {
        sheet: name,
        rows: [],
        issues: [{ sheet: name, line: 1, column: '', message: `The file is not valid CSV: ${error.message}` }],
      };
    throw error;
  }
  const [header, ...rest] = records;
  return toRows(columns, name, header?.values, rest);
}

async function readWorkbookTable(columns: ColumnSpec[], content: Buffer): Promise<FileTable> {
  const ExcelJS = (await import('exceljs')).default;
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    return {
      sheet: 'workbook',
      rows: [],
      issues: [
        {
          sheet: 'workbook',
          line: 1,
          column: '',
          message:
            'The file is not an XLSX workbook that can be read: save it from your spreadsheet as “Excel Workbook (.xlsx)”',
        },
      ],
    };
  }
  // The first sheet holding data is read; a "Read me" sheet is skipped.
  const worksheet = workbook.worksheets.find(
    (w) => w.name.trim().toLowerCase() !== README_SHEET.toLowerCase() && w.actualRowCount > 0,
  );
  if (!worksheet)
    return {
      sheet: 'workbook',
      rows: [],
      issues: [{ sheet: 'workbook', line: 1, column: '', message: 'The workbook has no sheet with data in it' }],
    };
  const width = worksheet.columnCount;
  const valuesOf = (row: ReturnType<typeof worksheet.getRow>) =>
    Array.from({ length: Math.max(width, row.cellCount) }, (_, i) => cellText(row.getCell(i + 1).value));
  const records: Array<{ line: number; values: string[] }> = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber > 1) records.push({ line: rowNumber, values: valuesOf(row) });
  });
  return toRows(columns, worksheet.name, valuesOf(worksheet.getRow(1)), records);
}

function decodeUtf8(content: Buffer): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    return undefined;
  }
}

function toRows(
  columns: ColumnSpec[],
  sheet: string,
  header: string[] | undefined,
  records: Array<{ line: number; values: string[] }>,
): FileTable {
  const issues: ImportIssue[] = [];
  if (!header)
    return {
      sheet,
      rows: [],
      issues: [
        { sheet, line: 1, column: '', message: 'The file is empty: the first line must hold the column headings' },
      ],
    };
  const known = new Set(columns.map((c) => c.name));
  const headings = header.map(normaliseHeading);
  while (headings.length && headings.at(-1) === '') headings.pop();
  headings.forEach((heading, index) => {
    if (!known.has(heading))
      issues.push({
        sheet,
        line: 1,
        column: heading,
        message: `Unknown column “${header[index]?.trim() ?? ''}”: the columns are ${[...known].join(', ')}`,
      });
    else if (headings.indexOf(heading) !== index)
      issues.push({ sheet, line: 1, column: heading, message: `The column ${heading} appears more than once` });
  });
  for (const c of columns)
    if (c.required && !headings.includes(c.name))
      issues.push({ sheet, line: 1, column: c.name, message: `The required column ${c.name} is missing` });
  if (issues.length) return { sheet, rows: [], issues };
  const rows: FileRow[] = [];
  for (const record of records) {
    if (record.values.every((v) => v.trim() === '')) continue;
    const cells: Record<string, string> = Object.fromEntries(columns.map((c) => [c.name, '']));
    headings.forEach((heading, index) => (cells[heading] = (record.values[index] ?? '').trim()));
    rows.push({ line: record.line, cells });
  }
  if (!rows.length) issues.push({ sheet, line: 2, column: '', message: 'The file has headings but no rows' });
  return { sheet, rows, issues };
}

/** A CSV template: the headings and one example row. */
export function templateCsv(columns: ColumnSpec[]): string {
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return `\uFEFF${columns.map((c) => c.name).join(',')}\r\n${columns.map((c) => quote(c.example)).join(',')}\r\n`;
}

/** A date cell as YYYY-MM-DD, from that or DD/MM/YYYY; null when it is neither or not a real date. */
export function dateCell(text: string): string | null {
  const t = text.trim();
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  const iso = uk ? `${uk[3]}-${uk[2]!.padStart(2, '0')}-${uk[1]!.padStart(2, '0')}` : t.slice(0, 10);
  return isRealDate(iso) && (uk || /^\d{4}-\d{2}-\d{2}(T|$)/.test(t)) ? iso : null;
}
