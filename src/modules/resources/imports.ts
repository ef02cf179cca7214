/**
 * The one way resources imports a file (contributions, budget lines, funding streams): the file is
 * read by the shared reader (CSV or the first sheet of an XLSX workbook), each row is turned into
 * the input the service's own form takes, naming what a cell alone shows to be wrong, and the
 * whole batch goes through the service's checks in the caller's transaction. Every problem comes
 * back by line (the heading is line 1) and column, and any problem rejects the whole file: the
 * caller's transaction is rolled back, so nothing is written.
 */
import { ValidationError } from '../../core/errors.js';
import { ImportRejected, type ImportIssue } from '../exchange/issues.js';
import { type ColumnSpec, type FileTable, dateCell } from '../performance/imports.js';
import { parsePercent, parsePounds } from './rules.js';

/** Names as a file gives them: case and runs of spaces do not matter. */
export const nameKey = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

/** What a file may name, by `nameKey` of each name (and a partnership's reference, a fund's code). */
export interface ImportNames {
  localityName: string;
  partnerships: Map<string, string>;
  organisations: Map<string, string>;
  outcomes: Map<string, string>;
  funds: Map<string, string>;
}

/** One row's cells, read into values; each problem is reported against the row's line and the column. */
export class RowReader {
  constructor(
    readonly cells: Record<string, string>,
    private readonly report: (column: string, message: string) => void,
  ) {}

  issue(column: string, message: string): void {
    this.report(column, message);
  }

  /** The cell's text, or undefined when blank. */
  text(column: string): string | undefined {
    return this.cells[column] || undefined;
  }

  pounds(column: string): number | undefined {
    const text = this.cells[column] ?? '';
    if (text === '') return undefined;
    const value = parsePounds(text);
    if (value === undefined) this.issue(column, 'Give an amount in pounds, like 12000 or 12,000.50');
    return value;
  }

  number(column: string, message: string): number | undefined {
    const text = (this.cells[column] ?? '').replace(/,/g, '');
    if (text === '') return undefined;
    const value = Number(text);
    if (Number.isFinite(value)) return value;
    this.issue(column, message);
    return undefined;
  }

  date(column: string): string | undefined {
    const text = this.cells[column] ?? '';
    if (text === '') return undefined;
    const value = dateCell(text);
    if (value === null) this.issue(column, 'Give a real date, like 2027-03-31 or 31/03/2027');
    return value ?? undefined;
  }

  yesNo(column: string): boolean | undefined {
    const text = nameKey(this.cells[column] ?? '');
    if (text === '') return undefined;
    if (['yes', 'y', 'true'].includes(text)) return true;
    if (['no', 'n', 'false'].includes(text)) return false;
    this.issue(column, 'Give yes or no');
    return undefined;
  }

  /** The id of the one record the cell names, or undefined (with a problem when it names none). */
  find(column: string, names: Map<string, string>, missing: (name: string) => string): string | undefined {
    const text = this.cells[column] ?? '';
    if (text === '') return undefined;
    const id = names.get(nameKey(text));
    if (!id) this.issue(column, missing(text));
    return id;
  }

  /** The ids of the records a cell names, separated by semicolons. */
  findAll(column: string, names: Map<string, string>, missing: (name: string) => string): string[] {
    const ids: string[] = [];
    for (const part of (this.cells[column] ?? '').split(';')) {
      if (part.trim() === '') continue;
      const id = names.get(nameKey(part));
      if (id) ids.push(id);
      else this.issue(column, missing(part.trim()));
    }
    return ids;
  }

  /** Outcomes with their shares, as "Safer streets: 40%; Healthy lives: 25%". */
  shares(column: string, names: Map<string, string>, missing: (name: string) => string) {
    const shares: Array<{ outcomeId: string; shareBp: number }> = [];
    for (const part of (this.cells[column] ?? '').split(';')) {
      if (part.trim() === '') continue;
      const match = /^(.+?)\s*[:=]\s*([^:=]+)$/.exec(part.trim());
      const shareBp = match ? parsePercent(match[2] as string) : undefined;
      if (!match || shareBp === undefined) {
        this.issue(column, `Give each outcome with its share, like “Safer streets: 40%”, separated by semicolons`);
        continue;
      }
      const id = names.get(nameKey(match[1] as string));
      if (id) shares.push({ outcomeId: id, shareBp });
      else this.issue(column, missing((match[1] as string).trim()));
    }
    return shares;
  }
}

/** A kind of record a file holds: its columns and how a row becomes the service's input. */
export interface ImportKind {
  columns: ColumnSpec[];
  /** The service input's field → the file's column, for the service's messages by field. */
  columnOf: Record<string, string>;
  read(row: RowReader, names: ImportNames): unknown;
}

/**
 * Imports a table read by `readTable`: every row read, then `record` (the service's batch, all or
 * none, naming a row's field `rows.N.field`) given every input, so that problems of cells and of
 * the service's checks are listed together. Throws `ImportRejected` with every problem, after
 * `record` may have written: it must run in a transaction the rejection rolls back.
 */
export async function importTable(
  table: FileTable,
  kind: ImportKind,
  names: ImportNames,
  record: (inputs: unknown[]) => Promise<number>,
): Promise<{ imported: number }> {
  if (table.issues.length > 0) throw new ImportRejected(table.issues);
  const issues: ImportIssue[] = [];
  // One problem a cell: the service's message for a field whose cell was already found wrong is dropped.
  const taken = new Set<string>();
  const inputs = table.rows.map(({ line, cells }) =>
    kind.read(
      new RowReader(cells, (column, message) => {
        taken.add(`${line}:${column}`);
        issues.push({ sheet: table.sheet, line, column, message, value: cells[column] });
      }),
      names,
    ),
  );
  let imported = 0;
  try {
    imported = await record(inputs);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    for (const e of error.errors) {
      const match = /^rows\.(\d+)\.(\w+)/.exec(e.field);
      const index = match ? Number(match[1]) : 0;
      const field = match ? (match[2] as string) : (e.field.split('.')[0] ?? '');
      const row = table.rows[index];
      const column = kind.columnOf[field] ?? field;
      if (!row || taken.has(`${row.line}:${column}`)) continue;
      taken.add(`${row.line}:${column}`);
      issues.push({ sheet: table.sheet, line: row.line, column, message: e.message, value: row.cells[column] });
    }
    if (issues.length === 0) throw error;
  }
  if (issues.length > 0)
    throw new ImportRejected(issues.sort((a, b) => a.line - b.line || a.column.localeCompare(b.column)));
  return { imported };
}

/**
 * Records each input in turn through a single-record write, gathering every row's problems under
 * `rows.N.` before throwing them together (in the caller's transaction, which the throw undoes).
 */
export async function recordEach(inputs: unknown[], write: (input: unknown) => Promise<unknown>): Promise<number> {
  const errors: Array<{ field: string; message: string }> = [];
  for (const [i, input] of inputs.entries()) {
    try {
      await write(input);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      for (const e of error.errors) errors.push({ field: `rows.${i}.${e.field}`, message: e.message });
    }
  }
  if (errors.length > 0) throw new ValidationError(errors);
  return inputs.length;
}

// --- the kinds ------------------------------------------------------------------------------------

const notIn = (what: string, names: ImportNames) => (name: string) =>
  `No ${what} of ${names.localityName} is called ${name}`;

export const CONTRIBUTIONS: ImportKind = {
  columns: [
    {
      name: 'partnership',
      required: true,
      description: 'The partnership’s name or reference, as the register has it',
      example: 'Brackenfield Community Safety Partnership',
    },
    {
      name: 'organisation',
      required: true,
      description: 'The contributing organisation’s name, as the register has it',
      example: 'Brackenfield District Council',
    },
    {
      name: 'year',
      required: true,
      description: 'The financial year, like 2025/26 (or 2026 where years start in January)',
      example: '2025/26',
    },
    { name: 'kind', required: true, description: 'cash, in-kind or staff-time', example: 'cash' },
    {
      name: 'amount',
      required: false,
      description: 'Cash, or the value of what is given in kind, in pounds (not for staff time)',
      example: '12,000',
    },
    { name: 'hours', required: false, description: 'Hours of staff time a year (for staff time)', example: '' },
    {
      name: 'rate',
      required: false,
      description: 'Pounds an hour for the staff’s grade (for staff time; the sector rate when blank)',
      example: '',
    },
    {
      name: 'grade',
      required: false,
      description: 'One of the locality’s grade rates, costing the staff time at its rate (for staff time)',
      example: '',
    },
    { name: 'description', required: false, description: 'What the contribution is', example: 'Venue hire' },
  ],
  columnOf: {
    partnershipId: 'partnership',
    organisationId: 'organisation',
    amountPence: 'amount',
    ratePence: 'rate',
  },
  read(row, names) {
    const kind = nameKey(row.cells.kind ?? '').replace(/ /g, '-');
    return {
      partnershipId: row.find('partnership', names.partnerships, notIn('partnership', names)),
      organisationId: row.find('organisation', names.organisations, notIn('organisation', names)),
      year: row.cells.year,
      kind: kind === 'staff' ? 'staff-time' : kind,
      amountPence: row.pounds('amount'),
      hours: row.number('hours', 'Give the hours as a number, like 40 or 7.5'),
      ratePence: row.pounds('rate'),
      grade: row.text('grade'),
      description: row.text('description'),
    };
  },
};

export const BUDGET_LINES: ImportKind = {
  columns: [
    {
      name: 'organisation',
      required: true,
      description: 'The partner whose budget it is, by its name as the register has it',
      example: 'Brackenfield District Council',
    },
    { name: 'service', required: true, description: 'The service the money is spent on', example: 'Youth service' },
    {
      name: 'year',
      required: true,
      description: 'The financial year, like 2025/26 (or 2026 where years start in January)',
      example: '2025/26',
    },
    { name: 'amount', required: true, description: 'The line’s amount for the year, in pounds', example: '250,000' },
    {
      name: 'outcomes',
      required: false,
      description:
        'The outcomes the line works toward, each with its share, separated by semicolons; 100% or less in all (the rest is mapped to no outcome)',
      example: 'Safer streets: 40%; Healthier lives: 25%',
    },
  ],
  columnOf: { organisationId: 'organisation', amountPence: 'amount' },
  read(row, names) {
    return {
      organisationId: row.find('organisation', names.organisations, notIn('organisation', names)),
      service: row.cells.service,
      year: row.cells.year,
      amountPence: row.pounds('amount'),
      outcomes: row.shares('outcomes', names.outcomes, notIn('active outcome', names)),
    };
  },
};

export const FUNDING_STREAMS: ImportKind = {
  columns: [
    {
      name: 'fund',
      required: true,
      description: 'The fund, by its name or code on the fund list (Other, with a name, for one not listed)',
      example: 'Shared Prosperity Fund',
    },
    { name: 'name', required: false, description: 'The stream’s own name (needed for Other)', example: '' },
    { name: 'funder', required: false, description: 'Who funds it; the fund list’s funder when blank', example: '' },
    { name: 'amount', required: true, description: 'The amount a year, in pounds', example: '120,000' },
    {
      name: 'starts',
      required: true,
      description: 'The start date, like 2025-04-01 or 01/04/2025',
      example: '2025-04-01',
    },
    { name: 'ends', required: true, description: 'The end date, like 2028-03-31 or 31/03/2028', example: '2028-03-31' },
    {
      name: 'accountable_body',
      required: false,
      description: 'The organisation accountable for the money, by its name as the register has it',
      example: 'Brackenfield District Council',
    },
    { name: 'requires_partnership', required: false, description: 'yes or no', example: 'yes' },
    {
      name: 'partnerships',
      required: false,
      description: 'The partnerships that depend on it, by name or reference, separated by semicolons',
      example: 'Brackenfield Partnership',
    },
    {
      name: 'outcomes',
      required: false,
      description: 'The outcomes that depend on it, by title, separated by semicolons',
      example: '',
    },
    { name: 'exit_strategy', required: false, description: 'The exit or succession strategy', example: '' },
  ],
  columnOf: {
    fundCode: 'fund',
    accountableBodyId: 'accountable_body',
    amountPerYearPence: 'amount',
    startsOn: 'starts',
    endsOn: 'ends',
    requiresPartnership: 'requires_partnership',
    partnershipIds: 'partnerships',
    outcomeIds: 'outcomes',
    exitStrategy: 'exit_strategy',
  },
  read(row, names) {
    return {
      fundCode: row.find('fund', names.funds, (name) => `No fund on the fund list is called ${name}`),
      name: row.text('name'),
      funder: row.text('funder'),
      accountableBodyId: row.find('accountable_body', names.organisations, notIn('organisation', names)),
      amountPerYearPence: row.pounds('amount'),
      startsOn: row.date('starts'),
      endsOn: row.date('ends'),
      requiresPartnership: row.yesNo('requires_partnership'),
      partnershipIds: row.findAll('partnerships', names.partnerships, notIn('partnership', names)),
      outcomeIds: row.findAll('outcomes', names.outcomes, notIn('active outcome', names)),
      exitStrategy: row.text('exit_strategy'),
    };
  },
};
