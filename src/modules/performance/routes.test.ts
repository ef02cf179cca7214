import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMeasure } from '../../core/measures.js';
import { type Person, type TestContext, createDemoTestContext } from '../../../test/helpers/context.js';
import { backends } from '../../../test/helpers/database.js';
import { FormSession } from '../../../test/helpers/forms.js';
import { DEMO_LOCALITY_CODE } from '../demo/seed.js';
import { normaliseCode } from './repository.js';

const CODE = DEMO_LOCALITY_CODE;
const BASE = `/localities/${CODE}/performance`;

describe.each(backends)('performance pages and API on %s', (backend) => {
  let ctx: TestContext;
  let admin: Person;
  let session: FormSession;
  let ids: { ni56: string; plan: string; outcome: string; target: string; lsp: string };

  beforeAll(async () => {
    ctx = await createDemoTestContext(backend, { today: '2026-06-01' });
    admin = await ctx.person([{ role: 'locality-admin', localityCode: CODE }]);
    session = new FormSession(ctx.app);
    await session.signIn(admin.email, admin.password);
    const locality = await ctx.services.register.locality(CODE);
    const byCode = await ctx.services.performance.repository.indicatorsByCode(ctx.database.db, locality.id);
    const framework = await ctx.services.performance.framework(admin.principal, CODE, {});
    const lsp = (await ctx.services.register.partnerships.allForLocality(ctx.database.db, locality.id)).find(
      (p) => p.name === 'Brackenfield Partnership',
    );
    ids = {
      ni56: byCode.get(normaliseCode('NI 56'))?.id as string,
      plan: framework.allPlans[0]?.plan.id as string,
      outcome: framework.allPlans[0]?.outcomes[0]?.outcome.id as string,
      target: framework.allPlans[0]?.outcomes[0]?.targets[0]?.target.id as string,
      lsp: lsp?.id as string,
    };
  }, 600_000);
  afterAll(() => ctx?.close());

  it('renders every page for the public and for the administrator', async () => {
    const publicPages = [
      '',
      '/themes/health-wellbeing',
      '/indicators',
      `/indicators/${ids.ni56}`,
      `/plans/${ids.plan}`,
      `/outcomes/${ids.outcome}`,
      '/layers',
      '/report',
    ];
    for (const path of publicPages) {
      const response = await ctx.app.inject({ method: 'GET', url: `${BASE}${path}` });
      expect(response.statusCode, path).toBe(200);
    }
    const adminPages = [
      ...publicPages,
      '/overlaps',
      '/approvals',
      '/plans/new',
      `/plans/${ids.plan}/edit`,
      `/plans/${ids.plan}/outcomes/new`,
      `/outcomes/${ids.outcome}/edit`,
      `/outcomes/${ids.outcome}/targets/new`,
      `/targets/${ids.target}/edit`,
      '/indicators/new',
      '/indicators/import',
      '/measurements/new',
      '/measurements/import',
      `/overlaps/merge?keepId=${ids.outcome}`,
    ];
    for (const path of adminPages) {
      const response = await session.get(`${BASE}${path}`);
      expect(response.statusCode, path).toBe(200);
    }
    const scorecard = await ctx.app.inject({
      method: 'GET',
      url: `/localities/${CODE}/partnerships/${ids.lsp}/scorecard`,
    });
    expect(scorecard.statusCode).toBe(200);
    expect(scorecard.body).toContain('Brackenfield Sustainable Community Strategy');
    expect(scorecard.body).toContain('aria-current="page"');
  });

  it('filters the framework page to a theme', async () => {
    const page = await ctx.app.inject({ method: 'GET', url: `${BASE}?theme=community-safety` });
    expect(page.body).toContain('A safer Brackenfield');
    expect(page.body).not.toContain('Less waste, more recycling');
  });

  it('draws each indicator chart with a table of the same numbers', async () => {
    const page = await ctx.app.inject({ method: 'GET', url: `${BASE}/indicators/${ids.ni56}` });
    expect(page.body).toContain('<svg class="app-perf-chart" role="img"');
    expect(page.body).toMatch(
      /<th scope="row" class="govuk-table__header">2024\/25<\/th>\s*<td class="govuk-table__cell govuk-table__cell--numeric">19.6<\/td>/,
    );
    // No value and no target for 2025/26: the axis and the table still show the year, so the
    // line does not close the gap up to the 2026/27 target.
    const theme = await ctx.app.inject({ method: 'GET', url: `${BASE}/themes/children-young-people` });
    const firstChart = /<svg class="app-perf-chart"[\s\S]*?<\/svg>/.exec(theme.body)?.[0] ?? '';
    expect(firstChart).toContain('>2026/27</text>');
    expect(firstChart).toContain('>2025/26</text>');
  });

  it('keeps drafts and the overlap view from the public', async () => {
    const framework = await ctx.app.inject({ method: 'GET', url: BASE });
    expect(framework.body).not.toContain('Housing Strategy');
    const overlaps = await ctx.app.inject({ method: 'GET', url: `${BASE}/overlaps` });
    expect(overlaps.statusCode).toBe(303);
  });

  it('enters a value through the form, and it shows as awaiting approval', async () => {
    const bad = await session.submit(`${BASE}/measurements/new`, `${BASE}/measurements`, {
      indicatorId: ids.ni56,
      year: 'next year',
      value: 'lots',
      dataStatus: 'final',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Enter the year as a financial year, like 2024/25');
    expect(bad.body).toContain('value="lots"');
    const good = await session.submit(`${BASE}/measurements/new`, `${BASE}/measurements`, {
      indicatorId: ids.ni56,
      year: '2025/26',
      value: '18.1',
      dataStatus: 'provisional',
    });
    expect(good.statusCode).toBe(303);
    const approvals = await session.get(`${BASE}/approvals`);
    expect(approvals.body).toContain('18.1');
  });

  it('adds a plan and an outcome through the forms, naming what is wrong first', async () => {
    const bad = await session.submit(`${BASE}/plans/new`, `${BASE}/plans`, {
      title: '',
      planType: 'housing-strategy',
      startYear: '2026/27',
      endYear: '2025/26',
      status: 'draft',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Enter the plan’s title');
    const good = await session.submit(`${BASE}/plans/new`, `${BASE}/plans`, {
      title: 'Brackenfield Local Transport Plan',
      planType: 'local-transport-plan',
      startYear: '2026/27',
      endYear: '2030/31',
      status: 'published',
      contributorIds: ids.lsp,
    });
    expect(good.statusCode).toBe(303);
    const planUrl = good.headers.location as string;
    const outcome = await session.submit(`${planUrl}/outcomes/new`, `${planUrl}/outcomes`, {
      title: 'Better buses',
      themes: 'transport',
    });
    expect(outcome.statusCode).toBe(303);
    expect((await session.get(planUrl)).body).toContain('Better buses');
  });

  it('reports an import’s bad rows by line on the page', async () => {
    const form = await session.get(`${BASE}/measurements/import`);
    const token = /name="_csrf" value="([^"]+)"|_csrf=([^"&]+)/.exec(form.body);
    const csrf = decodeURIComponent(token?.[1] ?? token?.[2] ?? '');
    const boundary = 'XyZ';
    const file = 'indicator,year,value,data_status\nNI 56,2025/26,abc,final\n';
    const payload = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="v.csv"\r\nContent-Type: text/csv\r\n\r\n${file}\r\n--${boundary}--\r\n`;
    const response = await ctx.app.inject({
      method: 'POST',
      url: `${BASE}/measurements/import?_csrf=${encodeURIComponent(csrf)}`,
      headers: { cookie: session.cookieHeader(), 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload,
    });
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('“abc” is not a number');
  });

  it('prints a report of one theme, linked from the filtered framework', async () => {
    const framework = await ctx.app.inject({ method: 'GET', url: `${BASE}?theme=community-safety` });
    expect(framework.body).toContain(`href="${BASE}/report?theme=community-safety"`);
    const report = await ctx.app.inject({ method: 'GET', url: `${BASE}/report?theme=community-safety` });
    expect(report.body).toContain('the outcomes and targets for Community safety');
    expect(report.body).toContain('NI 16 Serious acquisitive crime rate');
    expect(report.body).not.toContain('NI 56 Obesity');
    expect(report.body).toContain(`href="${BASE}/report.pdf?theme=community-safety"`);
    expect((await ctx.app.inject({ method: 'GET', url: `${BASE}/report.pdf?theme=community-safety` })).statusCode).toBe(
      200,
    );
  });

  it('serves the report as a PDF, with each value’s unit as the page shows it', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: `${BASE}/report.pdf` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const framework = await ctx.services.performance.framework(admin.principal, CODE, {});
    const percentages = framework.plans
      .flatMap((p) => p.outcomes.flatMap((o) => o.targets))
      .filter((t) => t.indicator.unit === '%' && t.assessment.latest);
    expect(percentages.length).toBeGreaterThan(0);
    const text = pdfText(response.rawPayload);
    const page = (await ctx.app.inject({ method: 'GET', url: `${BASE}/report` })).body;
    for (const t of percentages) {
      const shown = formatMeasure(t.assessment.latest?.value, '%');
      expect(shown).toMatch(/%$/);
      expect(page).toContain(shown);
      expect(text).toContain(shown);
    }
  });

  it('takes a value through the API, naming bad fields, and lists only approved values publicly', async () => {
    const bad = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/localities/${CODE}/measurements`,
      headers: admin.headers,
      payload: { indicatorId: ids.ni56, year: 2025, value: 'x', dataStatus: 'final' },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].field).toBe('value');
    const good = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/localities/${CODE}/measurements`,
      headers: admin.headers,
      payload: { indicatorId: ids.ni56, year: 2026, value: 17.9, dataStatus: 'provisional' },
    });
    expect(good.statusCode).toBe(201);
    expect(good.json()).toMatchObject({ period: '2026/27', state: 'pending' });
    const listed = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/localities/${CODE}/indicators/${ids.ni56}/measurements`,
    });
    expect(listed.json().map((m: { year: number }) => m.year)).not.toContain(2026);
    const framework = await ctx.app.inject({ method: 'GET', url: `/api/v1/localities/${CODE}/performance` });
    expect(framework.json().targets.length).toBeGreaterThan(5);
  });

  it('imports values through the API as CSV, all or nothing', async () => {
    const bad = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/localities/${CODE}/measurements/import`,
      headers: { ...admin.headers, 'content-type': 'text/csv' },
      payload: 'indicator,year,value,data_status\nNI 56,2027,1,final\nNI 56,2027,2,final\n',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0]).toMatchObject({ line: 3, column: 'year' });
    const good = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/localities/${CODE}/measurements/import`,
      headers: { ...admin.headers, 'content-type': 'text/csv' },
      payload: 'indicator,year,value,data_status\nNI 56,2027,1,final\n',
    });
    expect(good.json()).toEqual({ imported: 1 });
  });

  it('lets only a system administrator add national indicators, with problems named by line', async () => {
    const sysadmin = await ctx.person([{ role: 'system-admin' }]);
    const file =
      'code,title,polarity\nNI 117,Duplicate of a shipped one,lower\nXN 1,An indicator added nationally,higher\n';
    const refused = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/indicators/import',
      headers: { ...admin.headers, 'content-type': 'text/csv' },
      payload: file,
    });
    expect(refused.statusCode).toBe(403);
    const bad = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/indicators/import',
      headers: { ...sysadmin.headers, 'content-type': 'text/csv' },
      payload: file,
    });
    expect(bad.json().errors).toEqual([expect.objectContaining({ line: 2, column: 'code' })]);
    const good = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/indicators/import',
      headers: { ...sysadmin.headers, 'content-type': 'text/csv' },
      payload: 'code,title,polarity\nXN 1,An indicator added nationally,higher\n',
    });
    expect(good.json()).toEqual({ imported: 1 });
    expect((await ctx.app.inject({ method: 'GET', url: `${BASE}/indicators` })).body).toContain(
      'An indicator added nationally',
    );
  });

  it('offers a secretary only the indicators their partnership reports', async () => {
    const locality = await ctx.services.register.locality(CODE);
    const csp = (await ctx.services.register.partnerships.allForLocality(ctx.database.db, locality.id)).find(
      (p) => p.name === 'Brackenfield Community Safety Partnership',
    );
    const secretary = await ctx.person([{ role: 'partnership-secretary', localityCode: CODE, partnershipId: csp?.id }]);
    const form = new FormSession(ctx.app);
    await form.signIn(secretary.email, secretary.password);
    const page = await form.get(`${BASE}/measurements/new`);
    expect(page.body).toContain('NI 16: Serious acquisitive crime rate');
    expect(page.body).toContain('LI 1: Residents who feel safe');
    expect(page.body).not.toContain('NI 56:');
  });

  it('describes its API in the OpenAPI document', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const create = doc.paths['/api/v1/localities/{code}/measurements'].post;
    expect(create.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['indicatorId', 'year', 'value', 'dataStatus']),
    );
    expect(Object.keys(doc.paths['/api/v1/localities/{code}/measurements/import'].post.requestBody.content)).toContain(
      'text/csv',
    );
    expect(doc.paths['/api/v1/localities/{code}/performance'].get.operationId).toBe('getOutcomeFramework');
  });

  it('lets the administrator describe a local indicator, and only a system administrator a national one', async () => {
    const locality = await ctx.services.register.locality(CODE);
    const byCode = await ctx.services.performance.repository.indicatorsByCode(ctx.database.db, locality.id);
    const local = byCode.get(normaliseCode('LI 1'))?.id as string;
    const national = byCode.get(normaliseCode('NI 65'))?.id as string;
    expect((await session.get(`${BASE}/indicators/${national}/edit`)).statusCode).toBe(403);
    const saved = await session.submit(`${BASE}/indicators/${local}/edit`, `${BASE}/indicators/${local}/edit`, {
      title: 'Residents who feel safe in the town centre after dark',
      polarity: 'higher',
      unit: '%',
      frequency: 'annual, from the autumn survey',
    });
    expect(saved.statusCode).toBe(303);
    expect((await ctx.app.inject({ method: 'GET', url: `${BASE}/indicators/${local}` })).body).toContain(
      'annual, from the autumn survey',
    );
    const sysadmin = await ctx.person([{ role: 'system-admin' }]);
    const updated = await ctx.services.performance.updateIndicator(sysadmin.principal, CODE, national, {
      title: 'Percentage of children becoming the subject of Child Protection Plan for a second or subsequent time',
      unit: '%',
      definition: 'Set by the system administrator',
    });
    expect(updated.definition).toBe('Set by the system administrator');
  });
});

/**
 * The text a PDF shows, read from its compressed content streams: pdfkit writes the standard
 * fonts' text as hex strings of single-byte codes inside TJ arrays, one array per line.
 */
function pdfText(pdf: Buffer): string {
  const lines: string[] = [];
  const raw = pdf.toString('latin1');
  for (const match of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = zlib.inflateSync(Buffer.from(match[1] as string, 'latin1')).toString('latin1');
    } catch {
      continue;
    }
    for (const array of content.matchAll(/\[([^\]]*)\]\s*TJ/g))
      lines.push(
        [...(array[1] as string).matchAll(/<([0-9a-fA-F]+)>/g)]
          .map((hex) => Buffer.from(hex[1] as string, 'hex').toString('latin1'))
          .join(''),
      );
  }
  return lines.join('\n');
}
