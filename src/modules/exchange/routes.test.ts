import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../../test/helpers/database.js';
import { type TestContext, createTestContext } from '../../../test/helpers/context.js';
import { SYSTEM } from '../../core/actor.js';
import { GOOD_FILES, ORGANISATIONS_CSV, PARTNERSHIPS_CSV } from './fixtures.js';
import { XLSX_TYPE } from './xlsx.js';

const CODE = 'E07000777';
const PASSWORD = 'correct horse battery staple';

/** A multipart/form-data body as a browser sends it, with a text field and one file. */
function multipart(fields: Record<string, string>, file?: { name: string; type: string; content: Buffer }) {
  const boundary = '----joinedup-test-boundary';
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

function multipartHeaders(body: ReturnType<typeof multipart>) {
  return { 'content-type': body.contentType };
}

function cookiesFrom(setCookie: string | string[] | undefined): string[] {
  return [setCookie ?? []].flat().map((line) => line.split(';')[0] ?? '');
}

describe.each(backends)('exchange pages and API (%s)', (backend) => {
  let context: TestContext;
  let apiToken: string;
  let sessionCookie: string;

  beforeAll(async () => {
    context = await createTestContext(backend);
    const { register, accounts } = context.services;
    await register.createLocality(SYSTEM, {
      gssCode: CODE,
      name: 'Exchange Vale',
      kind: 'district',
      region: 'East Midlands',
    });
    const { user } = await accounts.createUser(
      SYSTEM,
      { email: 'admin@exchange.example', name: 'Ada Admin', password: PASSWORD },
      [{ role: 'locality-admin', localityCode: CODE, region: null, partnershipId: null, organisationId: null }],
    );
    apiToken = (await accounts.createApiToken(await accounts.principalFor(user), { name: 'tests', scope: 'write' }))
      .token;
    sessionCookie = `joinedup-session=${(await accounts.signIn({ email: 'admin@exchange.example', password: PASSWORD }, '127.0.0.1')).token}`;
  });
  afterAll(async () => context?.close());

  const api = (method: 'GET' | 'POST', url: string, body?: { payload: string | Buffer; type: string }) =>
    context.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${apiToken}`, ...(body ? { 'content-type': body.type } : {}) },
      payload: body?.payload,
    });
  const counts = async () => (await context.services.exchange.overview(SYSTEM, CODE)).counts;

  it('API: refuses a CSV with bad rows as 422 problem+json listing every one, and writes nothing', async () => {
    const bad = PARTNERSHIPS_CSV.replace(',executive,', ',middle,').replace('children-young-people', 'no-such-theme');
    const before = await counts();
    const response = await api('POST', `/api/v1/localities/${CODE}/import?kind=partnerships`, {
      payload: bad,
      type: 'text/csv',
    });
    expect(response.statusCode).toBe(422);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = response.json();
    expect(problem).toMatchObject({ status: 422, title: 'The import was refused: nothing was written' });
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          sheet: 'partnerships.csv',
          line: 2,
          column: 'layer',
          field: 'layer',
          pointer: '/partnerships.csv/2/layer',
        }),
        expect.objectContaining({
          sheet: 'partnerships.csv',
          line: 4,
          column: 'themes',
          detail: 'Unknown theme: no-such-theme',
        }),
        // The file refers to organisations that are not in the register yet.
        expect.objectContaining({ line: 2, column: 'accountable_body' }),
      ]),
    );
    expect(await counts()).toEqual(before);
  });

  it('API: imports CSV and an XLSX workbook, and exports both', async () => {
    const organisations = await api('POST', `/api/v1/localities/${CODE}/import?kind=organisations`, {
      payload: ORGANISATIONS_CSV,
      type: 'text/csv; charset=utf-8',
    });
    expect(organisations.statusCode).toBe(200);
    expect(organisations.json()).toEqual({ imported: { organisations: 4, partnerships: 0, memberships: 0 } });

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('partnerships');
    sheet.addRow(['reference', 'name', 'purpose', 'basis', 'legal_form', 'layer', 'lead_organisation']);
    sheet.addRow(['P-0100', 'Vale Board', 'Oversight', 'voluntary', 'unincorporated', 'strategic', 'GB-LAE-BRK']);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const imported = await api('POST', `/api/v1/localities/${CODE}/import`, { payload: xlsx, type: XLSX_TYPE });
    expect(imported.json()).toEqual({ imported: { organisations: 0, partnerships: 1, memberships: 0 } });

    const csv = await api('GET', `/api/v1/localities/${CODE}/export?format=csv&kind=partnerships`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toBe(`attachment; filename="${CODE}-partnerships.csv"`);
    expect(csv.body).toContain('P-0100,Vale Board,Oversight');

    const book = await api('GET', `/api/v1/localities/${CODE}/export?format=xlsx`);
    expect(book.headers['content-type']).toBe(XLSX_TYPE);
    const read = new ExcelJS.Workbook();
    await read.xlsx.load(book.rawPayload as unknown as Parameters<typeof read.xlsx.load>[0]);
    expect(read.worksheets.map((w) => w.name)).toEqual(['Read me', 'organisations', 'partnerships', 'memberships']);

    const missingKind = await api('GET', `/api/v1/localities/${CODE}/export?format=csv`);
    expect(missingKind.statusCode).toBe(422);
  });

  it('API: with Prefer: respond-async, imports in the background: 202, then the job at Location holds the result or every problem', async () => {
    const asyncImport = (payload: string) =>
      context.app.inject({
        method: 'POST',
        url: `/api/v1/localities/${CODE}/import?kind=organisations`,
        headers: { authorization: `Bearer ${apiToken}`, 'content-type': 'text/csv', prefer: 'respond-async' },
        payload,
      });
    const before = await counts();
    await context.services.jobs.start();
    try {
      const bad = await asyncImport('identifier,name,sector,org_type\nGB-LAE-ASY,Async Trust,public,no-such-type\n');
      expect(bad.statusCode).toBe(202);
      expect(bad.headers['preference-applied']).toBe('respond-async');
      expect(bad.headers.location).toBe(`/api/v1/jobs/${bad.json().id}`);
      await context.services.jobs.idle();
      const failed = (await api('GET', bad.headers.location ?? '')).json();
      expect(failed).toMatchObject({ state: 'failed', error: '1 problem found: nothing was imported.' });
      expect(failed.result.issues).toEqual([
        expect.objectContaining({ sheet: 'organisations.csv', line: 2, column: 'org_type' }),
      ]);
      expect(await counts()).toEqual(before);

      const good = await asyncImport('identifier,name,sector,org_type\nGB-LAE-ASY,Async Trust,public,charity\n');
      expect(good.statusCode).toBe(202);
      await context.services.jobs.idle();
      const done = (await api('GET', good.headers.location ?? '')).json();
      expect(done).toMatchObject({ state: 'succeeded', result: { summary: { created: { organisations: 1 } } } });
      expect(await counts()).toMatchObject({ organisations: (before?.organisations ?? 0) + 1 });
    } finally {
      await context.services.jobs.stop();
    }
  });

  it('API: answers 415 for a body that is neither CSV nor XLSX, and 401 without a token', async () => {
    const json = await api('POST', `/api/v1/localities/${CODE}/import?kind=organisations`, {
      payload: '{}',
      type: 'application/json',
    });
    expect(json.statusCode).toBe(415);
    const anonymous = await context.app.inject({ method: 'GET', url: `/api/v1/localities/${CODE}/export?format=xlsx` });
    expect(anonymous.statusCode).toBe(401);
  });

  it('serves the templates and the column layout to anyone', async () => {
    const template = await context.app.inject({
      method: 'GET',
      url: '/api/v1/exchange/template?format=csv&kind=memberships',
    });
    expect(template.body).toBe(
      '\uFEFFpartnership_reference,organisation,role,representative,started_on,ended_on\r\nP-0001,GB-LAE-BRK,chair,Leader of the Council,2003-04-01,\r\n',
    );
    const layout = await context.app.inject({ method: 'GET', url: `/localities/${CODE}/exchange/columns` });
    expect(layout.statusCode).toBe(200);
    expect(layout.body).toContain('<th scope="row" class="govuk-table__header"><code>parent_reference</code></th>');
    expect(layout.body).toContain('Codes for <code>themes</code>');
    const page = await context.app.inject({ method: 'GET', url: `/localities/${CODE}/exchange` });
    expect(page.body).toContain('Download the XLSX template');
    const openapi = (await context.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    expect(Object.keys(openapi.paths['/api/v1/localities/{code}/import'].post.requestBody.content)).toEqual([
      'text/csv',
      XLSX_TYPE,
    ]);
    expect(openapi.paths['/api/v1/localities/{code}/export'].get.operationId).toBe('exportRegister');
    expect(page.body).not.toContain('enctype="multipart/form-data"');
  });

  it('page: brings a register in its own layout in: columns, values, a check that finds problems, a corrected file, the import', async () => {
    const cookies = [sessionCookie];
    const get = async (url: string) => {
      const response = await context.app.inject({ method: 'GET', url, headers: { cookie: cookies.join('; ') } });
      cookies.push(...cookiesFrom(response.headers['set-cookie']));
      return response;
    };
    const csrf = (body: string) => /name="_csrf" value="([^"]+)"/.exec(body)?.[1] ?? '';
    const postForm = (url: string, fields: Record<string, string>) =>
      context.app.inject({
        method: 'POST',
        url,
        headers: { cookie: cookies.join('; '), 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams(fields).toString(),
      });
    const page = await get(`/localities/${CODE}/exchange`);
    const action = /<form method="post" action="([^"]+)" enctype="multipart\/form-data"/
      .exec(page.body)?.[1]
      ?.replace(/&amp;/g, '&');
    expect(action).toMatch(/\/exchange\/import\?_csrf=/);
    const upload = (url: string, name: string, content: Buffer) => {
      const body = multipart({}, { name, type: 'text/csv', content });
      return context.app.inject({
        method: 'POST',
        url,
        headers: { cookie: cookies.join('; '), 'content-type': body.contentType },
        payload: body.payload,
      });
    };

    const before = await counts();
    const binary = await upload(action ?? '', 'register.csv', Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00]));
    expect(binary.statusCode).toBe(422);
    expect(binary.body).toContain('govuk-error-summary');
    expect(binary.body).toContain('The file is not text');
    const missing = await context.app.inject({
      method: 'POST',
      url: action ?? '',
      headers: { cookie: cookies.join('; '), ...multipartHeaders(multipart({})) },
      payload: multipart({}).payload,
    });
    expect(missing.body).toContain('<a href="#file">Choose the files to import</a>');

    // A council's own layout: its headings, its theme labels, hours not minutes.
    const register = [
      'Ref,Title,Objective,Themes,Layer,Basis,Legal status,Meeting hours',
      'CS1,Safer Vale Partnership,Cut crime and disorder,community safety,executive,voluntary,none,1.5',
      'CS2,Vale Allotments Forum,Grow food together,allotments,operational,voluntary,none,two',
    ].join('\n');
    const started = await upload(action ?? '', 'Vale register.csv', Buffer.from(register));
    expect(started.statusCode).toBe(303);
    const columnsUrl = started.headers.location ?? '';
    expect(columnsUrl).toMatch(/\/exchange\/uploads\/[0-9a-f-]+\/columns$/);
    const columns = await get(columnsUrl);
    expect(columns.body).toContain('Match your columns to ours');
    expect(columns.body).toMatch(/<option value="meeting_minutes" selected>/);
    expect(columns.body).toMatch(/<option value="hours" selected>/);
    const fields: Record<string, string> = { _csrf: csrf(columns.body), 'kind-0': 'partnerships' };
    for (const [, name, value] of columns.body.matchAll(
      /<select class="govuk-select[^"]*" id="([^"]+)" name="[^"]+">[\s\S]*?<option value="([^"]*)" selected>/g,
    ))
      fields[name ?? ''] = value ?? '';
    const savedColumns = await postForm(columnsUrl, fields);
    expect(savedColumns.statusCode).toBe(303);
    const values = await get(savedColumns.headers.location ?? '');
    expect(values.body).toContain('Values of themes');
    expect(values.body).toContain('Needs a code'); // "allotments" is no theme of ours
    await context.services.jobs.start();
    try {
      const checked = await postForm(savedColumns.headers.location ?? '', {
        _csrf: csrf(values.body),
        'value-themes-0': 'environment',
        'value-legal_form-0': 'unincorporated',
      });
      expect(checked.headers.location).toMatch(/^\/jobs\//);
      await context.services.jobs.idle();
      const jobPage = await get(checked.headers.location ?? '');
      expect(jobPage.body).toContain('The job failed');
      const previewUrl = columnsUrl.replace(/columns$/, 'preview');
      const preview = await get(previewUrl);
      expect(preview.body).toContain('Problems to fix before importing');
      expect(preview.body).toContain('Meeting hours'); // the problem is named by the file's own heading
      expect(preview.body).toContain('<code>two</code>');
      expect(await counts()).toEqual(before);

      const corrected = await upload(
        `${previewUrl.replace(/preview$/, 'files')}?_csrf=${encodeURIComponent(csrf(preview.body))}`,
        'Vale register.csv',
        Buffer.from(register.replace(',two', ',2')),
      );
      expect(corrected.statusCode).toBe(303);
      await context.services.jobs.idle();
      const ready = await get(previewUrl);
      expect(ready.body).toContain('What the import will do');
      expect(await counts()).toEqual(before);
      const imported = await postForm(previewUrl.replace(/preview$/, 'import'), { _csrf: csrf(ready.body) });
      await context.services.jobs.idle();
      const done = await get(imported.headers.location ?? '');
      expect(done.body).toContain('See the result');
      expect((await counts())?.partnerships).toBe((before?.partnerships ?? 0) + 2);
      const { items } = await context.services.register.listPartnerships(SYSTEM, CODE, { q: 'Allotments' });
      expect(items[0]).toMatchObject({ reference: 'CS2', themes: ['environment'] });
    } finally {
      await context.services.jobs.stop();
    }
  });

  it('page: refuses an upload without the CSRF token', async () => {
    const body = multipart(
      { kind: 'organisations' },
      { name: 'organisations.csv', type: 'text/csv', content: GOOD_FILES[0]?.content ?? Buffer.alloc(0) },
    );
    const response = await context.app.inject({
      method: 'POST',
      url: `/localities/${CODE}/exchange/import`,
      headers: { cookie: sessionCookie, 'content-type': body.contentType },
      payload: body.payload,
    });
    expect(response.statusCode).toBe(403);
  });
});
