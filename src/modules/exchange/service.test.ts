import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { backends } from '../../../test/helpers/database.js';
import { type TestContext, createTestContext } from '../../../test/helpers/context.js';
import { cliActor } from '../../core/actor.js';
import { GOOD_FILES, MEMBERSHIPS_CSV, ORGANISATIONS_CSV, PARTNERSHIPS_CSV } from './fixtures.js';
import { type ImportIssue, ImportRejected } from './issues.js';
import type { ImportFile } from './service.js';

const actor = cliActor('import');
let nextCode = 1;
/** A fresh, empty locality for each test, so tests do not see each other's records. */
async function newLocality(context: TestContext): Promise<string> {
  const gssCode = `E07${String(100000 + nextCode++)
    .slice(1)
    .padStart(6, '0')}`;
  await context.services.register.createLocality(actor, {
    gssCode,
    name: `Test ${gssCode}`,
    kind: 'district',
    region: 'East Midlands',
  });
  return gssCode;
}

async function rejection(promise: Promise<unknown>): Promise<ImportIssue[]> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportRejected);
  return (error as ImportRejected).issues;
}

const csv = (name: string, text: string): ImportFile => ({ name, content: Buffer.from(text) });

describe.each(backends)('exchange import and export (%s)', (backend) => {
  let context: TestContext;
  beforeAll(async () => {
    context = await createTestContext(backend);
  });
  afterAll(async () => context?.close());

  const exchange = () => context.services.exchange;
  const countsOf = async (code: string) => (await exchange().overview(actor, code)).counts;

  it('keeps an uploaded file byte for byte, a long one written and read a part at a time', async () => {
    const code = await newLocality(context);
    // Over 1 MB (more than one part), multi-byte characters across the parts' edges.
    const rows = Array.from(
      { length: 12_000 },
      (_, i) => `Organisation ${i} – “Ŵelsh” 🌳,public,charity,${'x'.repeat(i % 97)}`,
    );
    const big = Buffer.from(`name,sector,org_type,notes\n${rows.join('\n')}\n`);
    expect(big.length).toBeGreaterThan(1_048_576);
    const small = Buffer.from(ORGANISATIONS_CSV);
    const upload = await exchange().startUpload(actor, code, [
      { name: 'big.csv', content: big },
      { name: 'small.csv', content: small },
    ]);
    const { files } = await exchange().upload(actor, code, upload.id);
    expect(files.map((f) => f.name)).toEqual(['big.csv', 'small.csv']);
    expect(files[0]?.content.equals(big)).toBe(true);
    expect(files[1]?.content.equals(small)).toBe(true);
  });

  it('imports a good set of CSV files, with parents later in the file, closed records and ended memberships', async () => {
    const code = await newLocality(context);
    const result = await exchange().importFiles(actor, code, GOOD_FILES);
    expect(result.counts).toEqual({ organisations: 4, partnerships: 3, memberships: 6 });

    const { register } = context.services;
    const list = await register.listPartnerships(actor, code, { sort: 'reference' });
    const byRef = new Map(list.items.map((p) => [p.reference, p]));
    const safety = await register.getPartnership(actor, code, byRef.get('P-0002')?.id ?? '');
    expect(safety.parent?.name).toBe('Brackenfield Together');
    expect(safety.partnership.themes).toEqual(['community-safety', 'substance-misuse']);
    const lsp = await register.getPartnership(actor, code, byRef.get('P-0001')?.id ?? '');
    expect(lsp.partnership.purpose).toBe('The local strategic partnership:\r\nvision and direction');
    expect(lsp.partnership.areas).toEqual(['E05000001', 'E07999001']);
    const youth = await register.getPartnership(actor, code, byRef.get('P-0003')?.id ?? '');
    expect(youth.partnership).toMatchObject({
      status: 'closed',
      closed_on: '2019-12-31',
      close_reason: 'Funding ended',
    });
    expect(youth.members.map((m) => m.ended_on)).toEqual(['2019-12-31']);
    const organisations = await register.listOrganisations(actor, code, { status: 'closed' });
    expect(organisations.items.map((o) => [o.name, o.closed_on])).toEqual([['Old Town Youth Trust', '2020-03-31']]);
    expect(safety.members.find((m) => m.role === 'observer')?.ended_on).toBe('2010-03-31');
  });

  it('reports every bad row with its line and column, and writes nothing', async () => {
    const code = await newLocality(context);
    const before = await countsOf(code);
    const partnerships = PARTNERSHIPS_CSV.replace(',executive,', ',middle,') // line 2: layer
      .replace('community-cohesion,voluntary', 'community-cohesion,no-such-basis') // line 3 (after a two-line cell): basis
      .concat('\r\nP-0004,,Missing name,,voluntary,,,unincorporated,,strategic,,,,,,,,,many,,,,2020-02-30,,,,');
    const memberships = MEMBERSHIPS_CSV.concat('\r\nP-0009,GB-LAE-BRK,member,,,', '\r\nP-0002,Nobody Ltd,member,,,');
    const issues = await rejection(
      exchange().importFiles(actor, code, [
        GOOD_FILES[0] as ImportFile,
        csv('partnerships.csv', partnerships),
        csv('memberships.csv', memberships),
      ]),
    );
    const found = issues.map((i) => `${i.sheet}:${i.line}:${i.column}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'partnerships.csv:2:layer',
        'partnerships.csv:3:basis',
        'partnerships.csv:5:name',
        'partnerships.csv:5:meetings_per_year',
        'partnerships.csv:5:established_on',
        'memberships.csv:8:partnership_reference',
        'memberships.csv:9:organisation',
      ]),
    );
    expect(issues.find((i) => i.column === 'layer')?.message).toMatch(/strategic, executive or operational/);
    expect(await countsOf(code)).toEqual(before);
  });

  it('refuses malformed CSV with the line of the unclosed quote', async () => {
    const code = await newLocality(context);
    const broken = `${ORGANISATIONS_CSV}\r\nGB-LAE-XYZ,"Unclosed Council,public,district-council,,,,\r\nGB-LAE-ABC,Other,public,district-council,,,,`;
    const issues = await rejection(exchange().importFiles(actor, code, [csv('organisations.csv', broken)]));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ sheet: 'organisations.csv', line: 6 });
    expect(issues[0]?.message).toMatch(/quoted value that starts on line 6 is never closed/);
  });

  it('names unknown and missing columns and writes nothing', async () => {
    const code = await newLocality(context);
    const issues = await rejection(
      exchange().importFiles(actor, code, [
        csv('partnerships.csv', 'reference,name,colour,layer,basis\nP-1,A,red,strategic,voluntary'),
      ]),
    );
    expect(issues.map((i) => [i.line, i.column])).toEqual(
      expect.arrayContaining([
        [1, 'colour'],
        [1, 'purpose'],
        [1, 'legal_form'],
      ]),
    );
    expect(issues.find((i) => i.column === 'colour')?.message).toMatch(/Unknown column “colour”/);
    expect(issues.find((i) => i.column === 'purpose')?.message).toMatch(/required column purpose is missing/);
    expect(await countsOf(code)).toEqual({ organisations: 0, partnerships: 0, memberships: 0 });
  });

  it('updates records already in the register on a second import, with history, and duplicates nothing', async () => {
    const code = await newLocality(context);
    await exchange().importFiles(actor, code, GOOD_FILES);
    const before = await countsOf(code);
    const again = await exchange().importFiles(actor, code, GOOD_FILES);
    expect(again.summary.created).toEqual({ organisations: 0, partnerships: 0, memberships: 0 });
    expect(again.summary.updated).toEqual({ organisations: 0, partnerships: 0, memberships: 0 });
    expect(again.summary.unchanged).toEqual({ organisations: 4, partnerships: 3, memberships: 6 });

    // Next year's file: the safety partnership meets more often, and a new member joins.
    const partnerships = PARTNERSHIPS_CSV.replace(',E07999001,6,120,14,', ',E07999001,10,120,14,');
    const memberships = `${MEMBERSHIPS_CSV}\r\nP-0002,"Brackenfield Residents' Forum, North",member,,2025-04-01,`;
    const changed = await exchange().importFiles(actor, code, [
      csv('partnerships.csv', partnerships),
      csv('memberships.csv', memberships),
    ]);
    expect(changed.summary.updated.partnerships).toBe(1);
    expect(changed.summary.created.memberships).toBe(1);
    expect(changed.summary.updatedSamples.partnerships[0]).toMatchObject({
      key: 'P-0002',
      changes: [{ field: 'meetingsPerYear', before: 6, after: 10 }],
    });
    expect(await countsOf(code)).toEqual({ ...before, memberships: before!.memberships + 1 });

    const { register } = context.services;
    const safety = (await register.listPartnerships(actor, code, { q: 'Community Safety' })).items[0];
    expect(safety?.meetings_per_year).toBe(10);
    const history = await register.history(actor, code, { partnershipId: safety?.id ?? '' });
    expect(history.events.map((e) => e.summary)).toContain('Changed meetings a year');
    expect(history.events.find((e) => e.summary === 'Changed meetings a year')?.actor).toBe('Command line (import)');
  });

  it('imports an XLSX workbook (the downloadable template)', async () => {
    const code = await newLocality(context);
    const result = await exchange().importFiles(actor, code, [
      { name: 'template.xlsx', content: await exchange().templateWorkbook() },
    ]);
    expect(result.counts).toEqual({ organisations: 1, partnerships: 1, memberships: 1 });
  });

  it('reads XLSX cells typed as dates, numbers and rich text, and reports sheet rows', async () => {
    const code = await newLocality(context);
    const workbook = new ExcelJS.Workbook();
    const organisations = workbook.addWorksheet('Organisations');
    organisations.addRow(['identifier', 'name', 'sector', 'org_type']);
    organisations.addRow([
      'GB-LAE-BRK',
      { richText: [{ text: 'Brackenfield ' }, { text: 'Council', font: { bold: true } }] },
      'Public',
      'district-council',
    ]);
    const partnerships = workbook.addWorksheet('partnerships');
    partnerships.addRow([
      'reference',
      'name',
      'purpose',
      'basis',
      'legal_form',
      'layer',
      'meetings_per_year',
      'established_on',
      'lead_organisation',
    ]);
    partnerships.addRow([]);
    partnerships.addRow([
      'P-0001',
      'Board',
      'Oversight',
      'voluntary',
      'unincorporated',
      'strategic',
      6,
      new Date(Date.UTC(2004, 3, 1)),
      'Brackenfield Council',
    ]);
    partnerships.addRow(['P-0002', 'Bad board', 'Oversight', 'voluntary', 'unincorporated', 'sideways', 6.5, '', '']);
    const content = Buffer.from(await workbook.xlsx.writeBuffer());
    const issues = await rejection(exchange().importFiles(actor, code, [{ name: 'register.xlsx', content }]));
    expect(issues.map((i) => `${i.sheet}:${i.line}:${i.column}`)).toEqual([
      'partnerships:4:layer',
      'partnerships:4:meetings_per_year',
    ]);

    partnerships.spliceRows(4, 1);
    const good = Buffer.from(await workbook.xlsx.writeBuffer());
    await exchange().importFiles(actor, code, [{ name: 'register.xlsx', content: good }]);
    const { items } = await context.services.register.listPartnerships(actor, code, {});
    const detail = await context.services.register.getPartnership(actor, code, items[0]?.id ?? '');
    expect(detail.partnership).toMatchObject({ established_on: '2004-04-01', meetings_per_year: 6 });
    expect(detail.leadOrganisation?.name).toBe('Brackenfield Council');
  });

  it('round-trips: export then import into an empty locality gives the same register', async () => {
    const source = await newLocality(context);
    await exchange().importFiles(actor, source, GOOD_FILES);

    const csvCopy = await newLocality(context);
    const files = await Promise.all(
      (['organisations', 'partnerships', 'memberships'] as const).map(async (kind) => ({
        name: `${kind}.csv`,
        content: Buffer.from((await exchange().exportCsv(actor, source, kind)).csv),
      })),
    );
    await exchange().importFiles(actor, csvCopy, files);

    const xlsxCopy = await newLocality(context);
    await exchange().importFiles(actor, xlsxCopy, [
      { name: 'export.xlsx', content: (await exchange().exportWorkbook(actor, source)).xlsx },
    ]);

    const original = (await exchange().exportSheets(actor, source)).sheets;
    expect(original.map((s) => s.rows.length)).toEqual([4, 3, 6]);
    expect((await exchange().exportSheets(actor, csvCopy)).sheets).toEqual(original);
    expect((await exchange().exportSheets(actor, xlsxCopy)).sheets).toEqual(original);
  });

  it('keeps values that look like spreadsheet formulas exactly, without letting them run', async () => {
    const code = await newLocality(context);
    const organisations = `name,sector,org_type\n"=HYPERLINK(""http://evil"")",community,community-group\n"'-dash",community,community-group\n`;
    await exchange().importFiles(actor, code, [csv('organisations.csv', organisations)]);
    const exported = (await exchange().exportCsv(actor, code, 'organisations')).csv;
    expect(exported).toContain(`"'=HYPERLINK(""http://evil"")"`);
    const names = (await exchange().exportSheets(actor, code)).sheets[0]?.rows.map((r) => r.name);
    // An apostrophe before a formula character is read as the escape, as the layout says.
    expect(names).toEqual(['-dash', '=HYPERLINK("http://evil")']);
    const copy = await newLocality(context);
    await exchange().importFiles(actor, copy, [csv('organisations.csv', exported)]);
    expect((await exchange().exportSheets(actor, copy)).sheets[0]?.rows.map((r) => r.name)).toEqual(names);
  });

  it('imports merged and nested partnerships with their status, and ends open seats of closed ones on the closing date', async () => {
    const code = await newLocality(context);
    const partnerships = [
      'reference,name,purpose,basis,legal_form,layer,status,closed_on,close_reason',
      'P-1,Old Board,x,voluntary,unincorporated,strategic,closed,2020-01-31,Wound up',
      'P-2,Folded Group,x,voluntary,unincorporated,operational,Nested,,',
    ].join('\n');
    const memberships = 'partnership_reference,organisation,role,started_on\nP-1,Only Member Ltd,member,2015-01-01';
    await exchange().importFiles(actor, code, [
      csv('organisations.csv', 'name,sector,org_type\nOnly Member Ltd,private,business'),
      csv('partnerships.csv', partnerships),
      csv('memberships.csv', memberships),
    ]);
    const [, rows, seats] = (await exchange().exportSheets(actor, code)).sheets;
    expect(rows?.rows.map((r) => [r.reference, r.status, r.closed_on])).toEqual([
      ['P-1', 'closed', '2020-01-31'],
      ['P-2', 'nested', null],
    ]);
    expect(seats?.rows.map((r) => r.ended_on)).toEqual(['2020-01-31']);
  });

  it('reports a loop of parent references', async () => {
    const code = await newLocality(context);
    const text =
      'reference,name,purpose,basis,legal_form,layer,parent_reference\nP-1,A,x,voluntary,unincorporated,strategic,P-2\nP-2,B,x,voluntary,unincorporated,strategic,P-1\nP-3,C,x,voluntary,unincorporated,strategic,P-2';
    const issues = await rejection(exchange().importFiles(actor, code, [csv('partnerships.csv', text)]));
    expect(issues.map((i) => `${i.line}:${i.column}`)).toEqual(['2:parent_reference', '3:parent_reference']);
  });
});
