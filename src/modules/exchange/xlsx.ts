import type ExcelJS from 'exceljs';

/** exceljs takes about half a second to load: only load it when a workbook is read or written. */
async function excel(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}
import { COLUMNS, KINDS, type Kind, LIST_SEPARATOR, normaliseHeading } from './columns.js';
import type { ImportIssue, SourceTable } from './issues.js';
import { type RawRecord, type RawSheet, toTable } from './table.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const README_SHEET = 'Read me';

/** An XLSX file is a zip archive: it starts with "PK". */
export function looksLikeXlsx(content: Buffer): boolean {
  return content.length > 3 && content[0] === 0x50 && content[1] === 0x4b;
}

/**
 * Reads a workbook whose sheets are named organisations, partnerships and memberships (any
 * may be left out); the "Read me" sheet is ignored and any other sheet is an error, so no
 * data is silently skipped. Line numbers are the sheet's row numbers.
 */
export async function readWorkbook(content: Buffer): Promise<{ tables: SourceTable[]; issues: ImportIssue[] }> {
  const { sheets, issues } = await readWorkbookSheets(content);
  const tables: SourceTable[] = [];
  for (const sheet of sheets) {
    const kind = KINDS.find((k) => k === normaliseHeading(sheet.name).replace(/_/g, ' '));
    if (!kind) {
      issues.push({
        sheet: sheet.name,
        line: 1,
        column: '',
        message: `Unknown sheet “${sheet.name}”: a workbook holds sheets named ${KINDS.join(', ')} (and “${README_SHEET}”)`,
      });
      continue;
    }
    if (tables.some((t) => t.kind === kind)) {
      issues.push({ sheet: sheet.name, line: 1, column: '', message: `There is more than one ${kind} sheet` });
      continue;
    }
    const result = toTable(kind, sheet.name, sheet.header, sheet.records);
    issues.push(...result.issues);
    if (result.table) tables.push(result.table);
  }
  if (!tables.length && !issues.length)
    issues.push({
      sheet: 'workbook',
      line: 1,
      column: '',
      message: `The workbook has none of the sheets ${KINDS.join(', ')}`,
    });
  return { tables, issues };
}

/** Every sheet of a workbook that holds something, as read (the "Read me" sheet left out). */
export async function readWorkbookSheets(content: Buffer): Promise<{ sheets: RawSheet[]; issues: ImportIssue[] }> {
  const workbook = new (await excel()).Workbook();
  try {
    // exceljs declares an older Buffer type than @types/node's generic one.
    await workbook.xlsx.load(content as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    return {
      sheets: [],
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
  const sheets: RawSheet[] = [];
  for (const worksheet of workbook.worksheets) {
    if (normaliseHeading(worksheet.name).replace(/_/g, ' ') === README_SHEET.toLowerCase()) continue;
    if (worksheet.actualRowCount === 0) continue;
    sheets.push(readSheet(worksheet));
  }
  return { sheets, issues: [] };
}

function readSheet(worksheet: ExcelJS.Worksheet): RawSheet {
  const width = worksheet.columnCount;
  const valuesOf = (row: ExcelJS.Row) =>
    Array.from({ length: Math.max(width, row.cellCount) }, (_, i) => cellText(row.getCell(i + 1).value));
  const header = valuesOf(worksheet.getRow(1));
  const records: RawRecord[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber > 1) records.push({ line: rowNumber, values: valuesOf(row) });
  });
  return { name: worksheet.name, header, records };
}

/** A cell as the text a user sees: dates as YYYY-MM-DD, formulas by their result, links by their text. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value !== 'object') return String(value);
  const cell = value as Record<string, unknown>;
  if (Array.isArray(cell.richText))
    return cell.richText.map((part: { text?: unknown }) => String(part.text ?? '')).join('');
  if ('hyperlink' in cell) return cellText(cell.text);
  if ('formula' in cell || 'sharedFormula' in cell) return cellText(cell.result);
  if ('error' in cell) return String(cell.error);
  if ('text' in cell) return cellText(cell.text);
  return '';
}

export interface SheetData {
  kind: Kind;
  rows: Array<Record<string, string | number | null>>;
}

export interface CodeListEntry {
  list: string;
  code: string;
  label: string;
}

/**
 * A workbook with a "Read me" sheet describing every column and code, then one sheet per
 * kind. Cells are written as text (format "@") so that references and dates stay exactly as
 * typed when a user edits them; counts are written as numbers.
 */
export async function writeWorkbook(sheets: SheetData[], codes: CodeListEntry[], intro: string): Promise<Buffer> {
  const workbook = new (await excel()).Workbook();
  workbook.creator = 'Joined Up';
  workbook.created = new Date();
  addReadme(workbook, codes, intro);
  for (const { kind, rows } of sheets) {
    const worksheet = workbook.addWorksheet(kind, { views: [{ state: 'frozen', ySplit: 1 }] });
    worksheet.columns = COLUMNS[kind].map((c) => ({
      header: c.name,
      key: c.name,
      width: Math.min(50, Math.max(12, c.name.length + 4)),
      style: c.numeric ? {} : { numFmt: '@' },
    }));
    worksheet.getRow(1).font = { bold: true };
    for (const row of rows)
      worksheet.addRow(Object.fromEntries(COLUMNS[kind].map((c) => [c.name, cellValue(row[c.name], c.numeric)])));
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return Buffer.from(buffer as ArrayBuffer);
}

function cellValue(value: string | number | null | undefined, numeric?: boolean): string | number | null {
  if (value === null || value === undefined || value === '') return null;
  if (numeric && typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return numeric && typeof value === 'number' ? value : escapeXmlString(String(value));
}

/**
 * XML turns a carriage return into a line feed, so OOXML writes it as _x000D_ (and a
 * literal "_x…_" with its underscore escaped as _x005F_). Readers, exceljs and Excel
 * included, decode these, so text with Windows line breaks comes back exactly.
 */
export function escapeXmlString(value: string): string {
  return value.replace(/_(?=x[0-9A-Fa-f]{4}_)/g, '_x005F_').replace(/\r/g, '_x000D_');
}

function addReadme(workbook: ExcelJS.Workbook, codes: CodeListEntry[], intro: string): void {
  const sheet = workbook.addWorksheet(README_SHEET);
  sheet.columns = [
    { key: 'a', width: 18 },
    { key: 'b', width: 26 },
    { key: 'c', width: 12 },
    { key: 'd', width: 90 },
    { key: 'e', width: 36 },
  ];
  sheet.addRow([intro]).font = { bold: true };
  sheet.addRow([
    `Several values in one cell are separated by “${LIST_SEPARATOR}”. Dates are YYYY-MM-DD. The first row of each sheet holds the column headings; line numbers in error reports are row numbers.`,
  ]);
  sheet.addRow([]);
  sheet.addRow(['Sheet', 'Column', 'Required', 'What it holds', 'Example']).font = { bold: true };
  for (const kind of KINDS) {
    for (const c of COLUMNS[kind]) sheet.addRow([kind, c.name, c.required ? 'yes' : 'no', c.description, c.example]);
  }
  sheet.addRow([]);
  sheet.addRow(['Code list', 'Code', '', 'Meaning']).font = { bold: true };
  for (const entry of codes) sheet.addRow([entry.list, entry.code, '', entry.label]);
  sheet.getColumn('d').alignment = { wrapText: true, vertical: 'top' };
}
