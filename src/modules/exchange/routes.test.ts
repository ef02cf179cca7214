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

  it('page: a bad upload shows the error summary and a table of problems; a good one imports', async () => {
    const cookies = [sessionCookie];
    const page = await context.app.inject({
      method: 'GET',
      url: `/localities/${CODE}/exchange`,
      headers: { cookie: cookies.join('; ') },
    });
    expect(page.statusCode).toBe(200);
    cookies.push(...cookiesFrom(page.headers['set-cookie']));
    const action = /<form method="post" action="([^"]+)" enctype="multipart\/form-data"/
      .exec(page.body)?.[1]
      ?.replace(/&amp;/g, '&');
    expect(action).toMatch(/\/exchange\/import\?_csrf=/);
    const post = (body: ReturnType<typeof multipart>) =>
      context.app.inject({
        method: 'POST',
        url: action ?? '',
        headers: { cookie: cookies.join('; '), 'content-type': body.contentType },
        payload: body.payload,
      });

    const memberships =
      'partnership_reference,organisation,role\nP-0999,GB-LAE-BRK,member\nP-0100,Nobody Ltd,member\nP-0100,GB-LAE-BRK,leader\n';
    const before = await counts();
    const refused = await post(
      multipart({ kind: 'memberships' }, { name: 'members.csv', type: 'text/csv', content: Buffer.from(memberships) }),
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('govuk-error-summary');
    expect(refused.body).toContain('<a href="#file">members.csv has 3 problems. Nothing was imported');
    expect(refused.body).toMatch(
      /<td class="govuk-table__cell govuk-table__cell--numeric">2<\/td>\s*<td class="govuk-table__cell">partnership_reference<\/td>/,
    );
    expect(refused.body).toMatch(
      /<td class="govuk-table__cell govuk-table__cell--numeric">4<\/td>\s*<td class="govuk-table__cell">role<\/td>/,
    );
    expect(await counts()).toEqual(before);

    const missing = await post(multipart({}, undefined));
    expect(missing.statusCode).toBe(422);
    expect(missing.body).toContain('<a href="#kind">Choose what the file holds</a>');
    expect(missing.body).toContain('<a href="#file">Choose a file to import</a>');

    const good = await post(
      multipart(
        { kind: 'memberships' },
        {
          name: 'members.csv',
          type: 'text/csv',
          content: Buffer.from('partnership_reference,organisation,role\nP-0100,GB-LAE-BRK,chair\n'),
        },
      ),
    );
    expect(good.statusCode).toBe(303);
    const after = await context.app.inject({
      method: 'GET',
      url: good.headers.location ?? '',
      headers: { cookie: [...cookies, ...cookiesFrom(good.headers['set-cookie'])].join('; ') },
    });
    expect(after.body).toContain('Imported 0 organisations, 0 partnerships and 1 membership from members.csv');
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
