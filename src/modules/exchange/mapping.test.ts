import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../../test/helpers/database.js';
import { type TestContext, createTestContext } from '../../../test/helpers/context.js';
import { SYSTEM, cliActor } from '../../core/actor.js';
import type { Principal } from '../../core/actor.js';
import { type ImportIssue, ImportRejected } from './issues.js';
import { type Mapping, NOT_RECORDED, parseMapping } from './mapping.js';
import type { ImportFile } from './service.js';

const actor = cliActor('import');
const csv = (name: string, text: string): ImportFile => ({ name, content: Buffer.from(text) });
let nextCode = 1;

async function rejection(promise: Promise<unknown>): Promise<ImportIssue[]> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportRejected);
  return (error as ImportRejected).issues;
}

/** A council's register in its own layout: its headings, labels for codes, hours, and its own codes for organisations. */
const ORGS = [
  'Org code,Organisation,Sector,Type',
  'EBC,Eastvale Borough Council,Public,District council',
  'PCT-01,Eastvale PCT,public,primary care trust',
].join('\n');
const BOARDS = [
  'Ref,Board,What it is for,Theme(s),Level,Why it exists,Legal status,Lead,Meets a year,Meeting length (hours)',
  'EV1,Safer Eastvale,Cut crime and disorder,community safety;community,executive,voluntary,none,EBC,6,1.5',
  'EV2,Eastvale Health Forum,Healthier lives,health,operational,voluntary,Unincorporated association,PCT-01,4,2',
].join('\n');
const SEATS = ['Board ref,Member,Capacity', 'EV1,EBC,Chair', 'EV1,PCT-01,member', 'EV2,PCT-01,Accountable body'].join(
  '\n',
);
const FILES = () => [csv('orgs.csv', ORGS), csv('boards.csv', BOARDS), csv('seats.csv', SEATS)];

describe.each(backends)('importing a register in its own layout (%s)', (backend) => {
  let context: TestContext;
  beforeAll(async () => {
    context = await createTestContext(backend);
  });
  afterAll(async () => context?.close());

  const exchange = () => context.services.exchange;
  async function newLocality(): Promise<string> {
    const gssCode = `E07${String(nextCode++).padStart(6, '0')}`;
    await context.services.register.createLocality(actor, {
      gssCode,
      name: `Own layout ${gssCode}`,
      kind: 'district',
      region: 'East Midlands',
    });
    return gssCode;
  }
  const countsOf = async (code: string) => (await exchange().overview(actor, code)).counts;

  it('suggests a mapping from headings and values: columns, hours, local codes, labels and synonyms', async () => {
    const { mapping } = await exchange().suggestMapping(FILES());
    const [orgs, boards, seats] = mapping.sheets;
    expect(orgs).toMatchObject({
      kind: 'organisations',
      columns: { 'Org code': 'local_reference', Organisation: 'name', Sector: 'sector', Type: 'org_type' },
    });
    expect(boards?.kind).toBe('partnerships');
    expect(boards?.columns).toMatchObject({
      Ref: 'reference',
      Board: 'name',
      'Legal status': 'legal_form',
      Lead: 'lead_organisation',
      'Meeting length (hours)': 'meeting_minutes',
    });
    expect(boards?.units).toEqual({ 'Meeting length (hours)': 'hours' });
    expect(seats?.kind).toBe('memberships');
    // "community" is a theme no list calls so, but councils do; "none" is how registers say unincorporated.
    expect(mapping.values.themes).toMatchObject({ community: 'community-cohesion', health: 'health-wellbeing' });
    expect(mapping.values.legal_form).toMatchObject({ none: 'unincorporated' });
    expect(mapping.values.org_type).toMatchObject({ 'primary care trust': 'nhs-commissioner' });
  });

  it('imports with the mapping: labels become codes, hours become minutes, local codes are kept and link rows', async () => {
    const code = await newLocality();
    const { mapping } = await exchange().suggestMapping(FILES());
    // The person fills what could not be guessed: headings the suggestion left out.
    const boards = mapping.sheets[1]!;
    boards.columns['What it is for'] = 'purpose';
    boards.columns['Theme(s)'] = 'themes';
    boards.columns['Why it exists'] = 'basis';
    boards.columns['Meets a year'] = 'meetings_per_year';
    mapping.sheets[2]!.columns = { 'Board ref': 'partnership_reference', Member: 'organisation', Capacity: 'role' };
    const result = await exchange().importFiles(actor, code, FILES(), { mapping: parseMapping(mapping) });
    expect(result.summary.created).toEqual({ organisations: 2, partnerships: 2, memberships: 3 });

    const { register } = context.services;
    const safer = (await register.listPartnerships(actor, code, { q: 'Safer' })).items[0];
    const detail = await register.getPartnership(actor, code, safer?.id ?? '');
    expect(detail.partnership).toMatchObject({
      reference: 'EV1',
      meeting_minutes: 90,
      meetings_per_year: 6,
      legal_form: 'unincorporated',
      themes: ['community-cohesion', 'community-safety'],
    });
    expect(detail.leadOrganisation?.name).toBe('Eastvale Borough Council');
    expect(detail.members.map((m) => [m.organisation_name, m.role])).toEqual([
      ['Eastvale Borough Council', 'chair'],
      ['Eastvale PCT', 'member'],
    ]);
    const pct = (await register.listOrganisations(actor, code, { q: 'PCT' })).items[0];
    expect(pct).toMatchObject({ local_reference: 'PCT-01', org_type: 'nhs-commissioner', sector: 'public' });
    const health = (await register.listPartnerships(actor, code, { q: 'Health' })).items[0];
    expect((await register.getPartnership(actor, code, health?.id ?? '')).members.map((m) => m.role)).toEqual([
      'accountable-body',
    ]);
  });

  it('suggests a kind of body for every organisation type written in a register’s own words, so it imports as suggested', async () => {
    const code = await newLocality();
    const organisations = csv(
      'organisations.csv',
      [
        'id,name,sector,type',
        'WT,Downland Wildlife Trust,voluntary,wildlife trust',
        'MH,Downland Mental Health Trust,public,mental health trust',
        'FL,Lower Wendle Flood Action Group,community,flood action group',
        'RC,Rotary Club of Kelbury,community,service club',
        'DC,Downland Borough Council,public,borough council',
        // Nothing in these words says what kind of body it is: its organisations' sector does.
        'PV,Patients Speak Up,voluntary,patient and public voice',
        'DM,Visit Downland,private,destination management organisation',
        // Councils that govern nothing: "council" alone made them a parish and a county council.
        'SC,Downland Sports Council,voluntary,sports council',
        'YC,Kelbury Youth Council,community,youth council',
        'HC,Wendle Housing Co-operative,community,housing co-operative',
      ].join('\n'),
    );
    const { mapping } = await exchange().suggestMapping([organisations]);
    // "trust" alone would have made the wildlife trust an NHS trust, and "group" a faith group.
    expect(mapping.values.org_type).toEqual({
      'wildlife trust': 'charity',
      'mental health trust': 'nhs-trust',
      'flood action group': 'community-group',
      'service club': 'community-group',
      'borough council': 'district-council',
      'patient and public voice': 'charity',
      'destination management organisation': 'business',
      'sports council': 'charity',
      'youth council': 'community-group',
      'housing co-operative': 'housing-association',
    });
    const result = await exchange().importFiles(actor, code, [organisations], { mapping: parseMapping(mapping) });
    expect(result.summary.created.organisations).toBe(10);
  });

  it('suggests the label a misspelt value means, by the words it does not share with it', async () => {
    const boards = csv(
      'boards.csv',
      'ref,name,purpose,basis,legal_form,layer,themes\nB1,Board,x,voluntary,unincorporated,strategic,Helth and wellbeing;Comunity safety',
    );
    const { mapping } = await exchange().suggestMapping([boards]);
    expect(mapping.values.themes).toMatchObject({
      'helth and wellbeing': 'health-wellbeing',
      'comunity safety': 'community-safety',
    });
  });

  it('takes minutes as minutes and £k as thousands when the mapping says so', async () => {
    const code = await newLocality();
    const text =
      'ref,name,purpose,basis,legal form,layer,length,budget\nM1,Board,x,voluntary,unincorporated,strategic,45,12.5';
    const mapping = parseMapping({
      joinedUpMapping: 1,
      sheets: [
        {
          source: 'boards.csv',
          kind: 'partnerships',
          columns: {
            ref: 'reference',
            name: 'name',
            purpose: 'purpose',
            basis: 'basis',
            'legal form': 'legal_form',
            layer: 'layer',
            length: 'meeting_minutes',
            budget: 'annual_budget',
          },
          units: { length: 'minutes', budget: 'thousands' },
        },
      ],
    });
    await exchange().importFiles(actor, code, [csv('boards.csv', text)], { mapping });
    const row = (await exchange().exportSheets(actor, code)).sheets[1]?.rows[0];
    expect(row).toMatchObject({ meeting_minutes: 45, annual_budget: '12500' });
  });

  it('offers an unknown theme as a new reference item, and adds it with the import (a system administrator)', async () => {
    const code = await newLocality();
    const text =
      'ref,name,purpose,basis,legal_form,layer,themes\nA1,Allotments Forum,Grow food,voluntary,unincorporated,operational,Allotments';
    const files = [csv('boards.csv', text)];
    const { mapping } = await exchange().suggestMapping(files);
    expect(mapping.values.themes?.allotments).toBeUndefined();
    const issues = await rejection(exchange().importFiles(actor, code, files, { mapping }));
    expect(issues[0]).toMatchObject({ line: 2, column: 'themes', value: 'Allotments' });
    expect(issues[0]?.suggestion).toMatch(/add it as a new item/);

    const admin = await context.person([{ role: 'locality-admin', localityCode: code }]);
    const adding: Mapping = {
      ...mapping,
      newItems: { themes: { allotments: { code: 'allotments', label: 'Allotments' } } },
    };
    // A locality administrator may not add to the national lists: the import says so, and writes nothing.
    const refused = await rejection(exchange().importFiles(admin.principal, code, files, { mapping: adding }));
    expect(refused[0]?.message).toMatch(/Only a system administrator can add “Allotments”/);
    expect(await context.services.reference.snapshot()).toSatisfy(
      (s: { has: (l: 'theme', c: string) => boolean }) => !s.has('theme', 'allotments'),
    );

    await exchange().importFiles(SYSTEM as Principal, code, files, { mapping: adding });
    const snapshot = await context.services.reference.snapshot();
    expect(snapshot.has('theme', 'allotments')).toBe(true);
    const board = (await context.services.register.listPartnerships(actor, code, {})).items[0];
    expect(board?.themes).toEqual(['allotments']);
  });

  it('brings in a register with gaps as suggested: an empty objective, no fund or plan named, no statutory type', async () => {
    const code = await newLocality();
    const text = [
      'ref,title,objective,basis,layer',
      'G1,Worklessness Task Group,,plan,executive',
      'G2,NRF Jobs Board,Job brokerage in NRF wards,funding,executive',
      'G3,Safer Gapton CDRP,Statutory crime and disorder partnership,statutory,strategic',
    ].join('\n');
    const files = [csv('partnerships.csv', text)];
    const { mapping } = await exchange().suggestMapping(files);
    // Each default is in the mapping, where the person sees it and can change it.
    expect(mapping.defaults).toMatchObject({
      purpose: NOT_RECORDED,
      basis_detail: NOT_RECORDED,
      statutory_type: 'other',
      legal_form: 'unincorporated',
    });
    const result = await exchange().importFiles(actor, code, files, { mapping });
    expect(result.summary.created.partnerships).toBe(3);
    const { items } = await context.services.register.listPartnerships(actor, code, { sort: 'reference' });
    const detail = await context.services.register.getPartnership(actor, code, items[0]!.id);
    expect(detail.partnership.purpose).toBe(NOT_RECORDED);
    // A purpose the register gave is kept as written.
    const jobs = await context.services.register.getPartnership(actor, code, items[1]!.id);
    expect(jobs.partnership.purpose).toBe('Job brokerage in NRF wards');
  });

  it('brings in a register whose memberships name only the board and the member organisation', async () => {
    const code = await newLocality();
    const files = [
      csv('organisations.csv', 'Org ID,Organisation,Sector,Type\nM1,Millbrook Council,public,district council'),
      csv('partnerships.csv', 'Ref,Partnership name,Aims\nP1,Millbrook Carers Forum,Support for unpaid carers'),
      csv('memberships.csv', 'Partnership,Member organisation\nP1,M1'),
    ];
    const { mapping } = await exchange().suggestMapping(files);
    expect(mapping.sheets[2]?.columns).toEqual({
      Partnership: 'partnership_reference',
      'Member organisation': 'organisation',
    });
    expect(mapping.defaults).toMatchObject({ role: 'member', layer: 'operational', basis: 'voluntary' });
    const result = await exchange().importFiles(actor, code, files, { mapping });
    expect(result.summary.created).toEqual({ organisations: 1, partnerships: 1, memberships: 1 });
  });

  it('suggests no gap default a register does not need', async () => {
    const { mapping } = await exchange().suggestMapping([
      csv(
        'partnerships.csv',
        'ref,name,purpose,basis,layer,legal_form\nH1,Health Forum,Healthier lives,voluntary,operational,none',
      ),
    ]);
    expect(mapping.defaults).toEqual({});
  });

  it('rolls back the whole set when the third file has one bad row', async () => {
    const code = await newLocality();
    const before = await countsOf(code);
    const { mapping } = await exchange().suggestMapping(FILES());
    Object.assign(mapping.sheets[1]!.columns, {
      'What it is for': 'purpose',
      'Theme(s)': 'themes',
      'Why it exists': 'basis',
      'Meets a year': 'meetings_per_year',
    });
    mapping.sheets[2]!.columns = { 'Board ref': 'partnership_reference', Member: 'organisation', Capacity: 'role' };
    const badSeats = `${SEATS}\nEV2,EBC,president`;
    const issues = await rejection(
      exchange().importFiles(
        actor,
        code,
        [csv('orgs.csv', ORGS), csv('boards.csv', BOARDS), csv('seats.csv', badSeats)],
        {
          mapping,
        },
      ),
    );
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ sheet: 'seats.csv', line: 5, column: 'Capacity', value: 'president' });
    // The two good files wrote nothing either.
    expect(await countsOf(code)).toEqual(before);
  });

  it('imports the Westmarsh register through its committed mapping, from a service call with no person', async () => {
    const code = await newLocality();
    const folder = path.resolve('../shared/benchmarks/westmarsh');
    if (!fs.existsSync(folder)) return; // the benchmark registers sit beside the project, not in it
    const files = ['organisations.csv', 'partnerships.csv', 'memberships.csv'].map((name) => ({
      name,
      content: fs.readFileSync(path.join(folder, name)),
    }));
    const mapping = parseMapping(JSON.parse(fs.readFileSync('bench/mappings/westmarsh.json', 'utf8')));
    const result = await exchange().importFiles(SYSTEM, code, files, { mapping });
    expect(result.summary.created).toEqual({ organisations: 55, partnerships: 101, memberships: 894 });
    const { items } = await context.services.register.listPartnerships(actor, code, { pageSize: 500 });
    const wm002 = items.find((p) => p.reference === 'WM002');
    const detail = await context.services.register.getPartnership(actor, code, wm002?.id ?? '');
    // "6,1.5" in the register: six meetings of an hour and a half, as recorded, not an estimate.
    expect(detail.partnership).toMatchObject({ meetings_per_year: 6, meeting_minutes: 90 });
    const overlap = await context.services.overlap.analyse(actor, code);
    expect(overlap.analysis.metrics.estimatedCosts).toBe(0);
  });
});

describe('reading malformed files', () => {
  let context: TestContext;
  beforeAll(async () => {
    context = await createTestContext('pglite');
    await context.services.register.createLocality(actor, {
      gssCode: 'E07000990',
      name: 'Malformed',
      kind: 'district',
      region: 'East Midlands',
    });
  });
  afterAll(async () => context?.close());
  const code = 'E07000990';
  const exchange = () => context.services.exchange;
  const nothingWritten = async () =>
    expect((await exchange().overview(actor, code)).counts).toEqual({
      organisations: 0,
      partnerships: 0,
      memberships: 0,
    });

  it('refuses a truncated file: a quote never closed, named by line', async () => {
    const issues = await rejection(
      exchange().importFiles(actor, code, [
        csv('organisations.csv', 'name,sector,org_type\n"Cut off here,public,charity'),
      ]),
    );
    expect(issues[0]?.message).toMatch(/never closed/);
    await nothingWritten();
  });

  it('refuses a file in the wrong encoding, and reads a byte-order mark as UTF-8', async () => {
    const latin1 = Buffer.from('name,sector,org_type\nCaf\xe9 Trust,voluntary,charity\n', 'latin1');
    const issues = await rejection(
      exchange().importFiles(actor, code, [{ name: 'organisations.csv', content: latin1 }]),
    );
    expect(issues[0]?.message).toMatch(/not UTF-8/);
    await nothingWritten();
    const bom = Buffer.from('\uFEFFname,sector,org_type\nCafé Trust,voluntary,charity\n');
    const preview = await exchange().importFiles(actor, code, [{ name: 'organisations.csv', content: bom }], {
      preview: true,
    });
    expect(preview.summary.created.organisations).toBe(1);
    expect(preview.summary.createdSamples.organisations[0]?.name).toBe('Café Trust');
    await nothingWritten();
  });

  it('refuses a binary file and a file named .xlsx that is not a workbook', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
    const issues = await rejection(exchange().importFiles(actor, code, [{ name: 'organisations.csv', content: png }]));
    expect(issues[0]?.message).toMatch(/not text/);
    const fake = await rejection(exchange().importFiles(actor, code, [{ name: 'register.xlsx', content: png }]));
    expect(fake[0]?.message).toMatch(/not an XLSX workbook/);
    await nothingWritten();
  });

  it('takes formula cells by their saved value, never running them, and refuses duplicate headings', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('organisations');
    sheet.addRow(['name', 'sector', 'org_type']);
    sheet.addRow([{ formula: 'CONCATENATE("Vale ","Trust")', result: 'Vale Trust' }, 'voluntary', 'charity']);
    const content = Buffer.from(await workbook.xlsx.writeBuffer());
    const preview = await exchange().importFiles(actor, code, [{ name: 'register.xlsx', content }], { preview: true });
    expect(preview.summary.createdSamples.organisations[0]?.name).toBe('Vale Trust');

    const duplicated = await rejection(
      exchange().importFiles(actor, code, [csv('organisations.csv', 'name,sector,name,org_type\nA,public,B,charity')]),
    );
    expect(duplicated[0]).toMatchObject({ line: 1, column: 'name' });
    expect(duplicated[0]?.message).toMatch(/more than once/);
    const mapped = await rejection(
      exchange().importFiles(actor, code, [csv('orgs.csv', 'Name,Sector,Name,Type\nA,public,B,charity')], {
        mapping: parseMapping({
          joinedUpMapping: 1,
          sheets: [
            {
              source: 'orgs.csv',
              kind: 'organisations',
              columns: { Name: 'name', Sector: 'sector', Type: 'org_type' },
            },
          ],
        }),
      }),
    );
    expect(mapped[0]?.message).toMatch(/appears more than once/);
    await nothingWritten();
  });

  it('reports the one broken row of a 100,000-row file by its line, and writes nothing', async () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => `Org ${i},public,charity`);
    rows[99_990] = 'Org 99990, Ltd,public,charity';
    const text = ['name,sector,org_type', ...rows].join('\n');
    const issues = await rejection(exchange().importFiles(actor, code, [csv('organisations.csv', text)]));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ line: 99_992, column: '' });
    expect(issues[0]?.message).toMatch(/stray comma or a missing quote/);
    await nothingWritten();
  });

  it('suggests the code a mistyped value most likely means', async () => {
    const issues = await rejection(
      exchange().importFiles(actor, code, [csv('organisations.csv', 'name,sector,org_type\nA,publick,charity')]),
    );
    expect(issues[0]).toMatchObject({ line: 2, column: 'sector', value: 'publick' });
    expect(issues[0]?.suggestion).toMatch(/map “publick” to public/);
    await nothingWritten();
  });
});
