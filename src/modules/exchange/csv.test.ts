import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COLUMNS } from './columns.js';
import { escapeFormula, readCsv, readCsvSheet, unescapeFormula, writeCsv } from './csv.js';

describe('CSV reading and writing', () => {
  it('reads what it writes, whatever the text: quotes, commas, line breaks, formulas, non-ASCII', async () => {
    const text = fc.string({
      unit: fc.constantFrom('a', 'Z', ' ', ',', '"', "'", '\n', '\r\n', '=', '+', '-', '@', '’', 'é', ';', '\t'),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(text, text), { minLength: 1, maxLength: 5 }), async (pairs) => {
        const rows = pairs.map(([name, website]) => ({
          name: `x${name}`,
          sector: 'public',
          org_type: 'charity',
          website,
        }));
        const { table, issues } = await readCsv(
          'organisations',
          'organisations.csv',
          Buffer.from(writeCsv('organisations', rows)),
        );
        expect(issues).toEqual([]);
        expect(table?.rows.map((r) => [r.cells.name, r.cells.website])).toEqual(rows.map((r) => [r.name, r.website]));
      }),
    );
  });

  it('escapes cells a spreadsheet would run as formulas, and unescapes them exactly', () => {
    for (const value of ['=1+1', '+44 1234', '-5', '@SUM(A1)', "'=x", "''=y", "'plain", 'plain', '']) {
      expect(unescapeFormula(escapeFormula(value))).toBe(value);
    }
    expect(escapeFormula('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
  });

  it('counts lines as a spreadsheet numbers rows, across blank lines and line breaks in cells', async () => {
    const { table } = await readCsv(
      'organisations',
      'o.csv',
      'name,sector,org_type\r\n"Two\r\nlines",public,charity\r\n\r\nAfter blank,public,charity\r\n',
    );
    expect(table?.rows.map((r) => r.line)).toEqual([2, 4]);
  });

  it('refuses a file that is not UTF-8, and a row with more values than columns', async () => {
    const latin1 = Buffer.from('name,sector,org_type\nCaf\xe9,public,charity\n', 'latin1');
    expect((await readCsv('organisations', 'o.csv', latin1)).issues[0]?.message).toMatch(/not UTF-8/);
    const extra = await readCsv('organisations', 'o.csv', 'name,sector,org_type\nA,public,charity,oops\n');
    expect(extra.issues).toEqual([expect.objectContaining({ line: 2, column: '' })]);
  });

  it('accepts headings in any order and case, leaving optional columns out', async () => {
    const { table, issues } = await readCsv('organisations', 'o.csv', 'Org Type,NAME,sector\ncharity,A,public\n');
    expect(issues).toEqual([]);
    expect(table?.rows[0]?.cells).toMatchObject({ name: 'A', org_type: 'charity', identifier: '' });
    expect(Object.keys(table?.rows[0]?.cells ?? {})).toEqual(COLUMNS.organisations.map((c) => c.name));
  });

  it('reads a long file a slice at a time, letting other requests in, and reads it whole and in order', async () => {
    // Characters outside the Basic Multilingual Plane and quoted line breaks land on slice edges.
    const rows = Array.from({ length: 40_000 }, (_, i) => `Org ${i} 🌳,"line one\nline ${i}",public`);
    const text = `name,notes,sector\n${rows.join('\n')}\n`;
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 1);
    const read = await readCsvSheet('long.csv', Buffer.from(text)).finally(() => clearInterval(timer));
    expect(ticks).toBeGreaterThanOrEqual(2);
    expect(read.issues).toEqual([]);
    expect(read.raw?.records).toHaveLength(40_000);
    expect(read.raw?.records.at(-1)?.values).toEqual(['Org 39999 🌳', 'line one\nline 39999', 'public']);
    expect(read.raw?.records.every((r, i) => r.values[0] === `Org ${i} 🌳`)).toBe(true);
  });
});
