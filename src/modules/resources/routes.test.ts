import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Person, type TestContext, createTestContext } from '../../../test/helpers/context.js';
import { backends } from '../../../test/helpers/database.js';
import { FormSession } from '../../../test/helpers/forms.js';
import { DEMO_LOCALITY_CODE, seedDemoLocality } from '../demo/seed.js';
import { DEMO_ENDING_FUND } from './demo.js';

const CODE = DEMO_LOCALITY_CODE;
const BASE = `/localities/${CODE}/resources`;

describe.each(backends)('resources pages and API on %s', (backend) => {
  let ctx: TestContext;
  let admin: Person;
  let partner: Person;
  let secretary: Person;
  let ids: { lsp: string; csp: string; council: string; county: string; police: string };

  beforeAll(async () => {
    ctx = await createTestContext(backend);
    // Seeded as of today: the pages count the cliff edge from today.
    await seedDemoLocality(ctx.services);
    const locality = await ctx.services.register.locality(CODE);
    const partnerships = await ctx.services.register.partnerships.allForLocality(ctx.database.db, locality.id);
    const organisations = await ctx.services.resources.repository.organisations(ctx.database.db, locality.id);
    const p = (name: string) => partnerships.find((x) => x.name === name)?.id as string;
    const o = (name: string) => organisations.find((x) => x.name === name)?.id as string;
    ids = {
      lsp: p('Brackenfield Partnership'),
      csp: p('Brackenfield Community Safety Partnership'),
      council: o('Brackenfield District Council'),
      county: o('Nethershire County Council'),
      police: o('Nethershire Police'),
    };
    admin = await ctx.person([{ role: 'locality-admin', localityCode: CODE }]);
    partner = await ctx.person([{ role: 'partner-representative', localityCode: CODE, organisationId: ids.council }]);
    secretary = await ctx.person([{ role: 'partnership-secretary', localityCode: CODE, partnershipId: ids.csp }]);
  }, 600_000);
  afterAll(() => ctx?.close());

  it('renders every page for the public and for the administrator', async () => {
    const pages = [
      BASE,
      `${BASE}/funding`,
      `${BASE}/cost-benefit`,
      `${BASE}/contributions`,
      `${BASE}/contributions?sort=value&order=desc&q=police&page=2`,
      `/localities/${CODE}/partnerships/${ids.csp}/cost-benefit`,
    ];
    for (const url of pages) {
      const response = await ctx.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.body).toContain(`href="${BASE}"`);
    }
    const session = new FormSession(ctx.app);
    await session.signIn(admin.email, admin.password);
    for (const url of [
      ...pages,
      `${BASE}/contributions/new`,
      `/localities/${CODE}/partnerships/${ids.csp}/benefits/new`,
    ]) {
      const response = await session.get(url);
      expect(response.statusCode, url).toBe(200);
    }
  });

  it('shows the cliff edge with the fund ending in five months, its dependants and no exit strategy', async () => {
    const page = await ctx.app.inject({ method: 'GET', url: `${BASE}/funding` });
    const window = /<h2 class="govuk-heading-m" id="window-6">[\s\S]*?<\/table>/.exec(page.body)?.[0] ?? '';
    expect(window).toContain(DEMO_ENDING_FUND);
    expect(window).toContain('Early Help Partnership');
    expect(window).toContain('in 5 months');
    expect(window).toContain('govuk-tag--red">No<');
    // The public sees that the Safer Streets fund has an exit strategy, not what it says.
    expect(page.body).not.toContain('Target-hardening ends with the fund');
    expect(page.body).not.toContain('Overspends are shared');
  });

  it('flags the outcome with no money, and lists the unassessed partnerships as not yet assessed', async () => {
    const money = await ctx.app.inject({ method: 'GET', url: BASE });
    expect(money.body).toMatch(/No money behind this outcome:<\/strong> Less waste, more recycling/);
    expect(money.body).toContain('Money mapped to no outcome:');
    const league = await ctx.app.inject({ method: 'GET', url: `${BASE}/cost-benefit` });
    expect(league.body).toContain('<svg class="app-cb-chart" role="img"');
    expect(league.body).toContain('Costs exceed recorded benefits: review');
    expect(league.body).toContain('Recorded benefits exceed costs, on every assumption tried');
    const notAssessed = /<table class="govuk-table" id="not-assessed">[\s\S]*?<\/table>/.exec(league.body)?.[0] ?? '';
    expect(notAssessed).toContain('Not yet assessed: no benefit has been recorded');
    const csp = await ctx.app.inject({
      method: 'GET',
      url: `/localities/${CODE}/partnerships/${ids.csp}/cost-benefit`,
    });
    expect(csp.body).toMatch(/Benefit to cost ratio <strong>[\d.]+<\/strong>, between [\d.]+ and [\d.]+/);
  });

  it('lets a partner record a contribution through the form, keeping what was typed when it is wrong, and the secretary confirm it', async () => {
    const session = new FormSession(ctx.app);
    await session.signIn(partner.email, partner.password);
    const form = `${BASE}/contributions/new`;
    const bad = await session.submit(form, `${BASE}/contributions`, {
      partnershipId: ids.csp,
      organisationId: ids.council,
      year: '2026/27',
      kind: 'cash',
      amount: '12,00',
      description: 'Analyst time',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('govuk-error-summary');
    expect(bad.body).toContain('href="#amount"');
    expect(bad.body).toContain('Amount must be an amount in pounds');
    expect(bad.body).toContain('value="12,00"');
    expect(bad.body).toContain('Analyst time');
    // Only their own organisation is offered.
    expect(bad.body).not.toContain('>Nethershire Police<');
    const good = await session.submit(form, `${BASE}/contributions`, {
      partnershipId: ids.csp,
      organisationId: ids.council,
      year: '2026/27',
      kind: 'cash',
      amount: '1,234.56',
      description: 'Analyst time',
    });
    expect(good.statusCode).toBe(303);
    const recorded = await ctx.database.db
      .selectFrom('resource_contributions')
      .selectAll()
      .where('amount_pence', '=', 123_456)
      .executeTakeFirstOrThrow();
    expect(recorded).toMatchObject({ state: 'entered', organisation_id: ids.council, financial_year: 2026 });

    const secretarySession = new FormSession(ctx.app);
    await secretarySession.signIn(secretary.email, secretary.password);
    const list = `${BASE}/contributions?year=2026/27&state=entered&q=community+safety`;
    const listed = await secretarySession.get(list);
    expect(listed.body).toContain(`/contributions/${recorded.id}/confirm`);
    const confirmed = await secretarySession.submit(list, `${BASE}/contributions/${recorded.id}/confirm`, {
      version: String(recorded.version),
    });
    expect(confirmed.statusCode).toBe(303);
    const after = await ctx.database.db
      .selectFrom('resource_contributions')
      .select('state')
      .where('id', '=', recorded.id)
      .executeTakeFirstOrThrow();
    expect(after.state).toBe('confirmed');
  });

  it('answers the API with problem details naming each bad field, and hides restricted fields from the public', async () => {
    const bad = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/localities/${CODE}/contributions`,
      headers: partner.headers,
      payload: { partnershipId: ids.csp, organisationId: ids.police, year: 2026, kind: 'staff-time' },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(['hours']);
    const notOwn = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/localities/${CODE}/contributions`,
      headers: partner.headers,
      payload: { partnershipId: ids.csp, organisationId: ids.police, year: 2026, kind: 'staff-time', hours: 4 },
    });
    expect(notOwn.json().errors).toEqual([
      expect.objectContaining({
        field: 'organisationId',
        detail: 'You may record contributions for your own organisation only',
      }),
    ]);
    const pooled = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/localities/${CODE}/pooled-budgets`,
      headers: admin.headers,
      payload: {
        name: 'Aligned budget',
        legalBasis: 'aligned',
        hostOrganisationId: ids.county,
        amountPerYearPence: 100,
        startsOn: '2026-04-01',
        contributors: [
          { organisationId: ids.county, shareBp: 5000 },
          { organisationId: ids.council, shareBp: 5001 },
        ],
      },
    });
    expect(pooled.statusCode).toBe(422);
    expect(pooled.json().errors).toEqual([
      expect.objectContaining({
        field: 'contributors',
        detail: 'The shares add up to 100.01%: they must add up to 100%',
      }),
    ]);
    const forPublic = await ctx.app.inject({ method: 'GET', url: `/api/v1/localities/${CODE}/contributions` });
    const rows = forPublic.json() as Array<{ state: string; description: string | null; ratePence: number | null }>;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.state === 'confirmed' && r.description === null && r.ratePence === null)).toBe(true);
    const forAdmin = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/localities/${CODE}/contributions`,
      headers: admin.headers,
    });
    expect((forAdmin.json() as typeof rows).some((r) => r.description !== null)).toBe(true);
    const edge = await ctx.app.inject({ method: 'GET', url: `/api/v1/localities/${CODE}/cliff-edge` });
    const ending = (edge.json() as Array<{ window: number; stream: { name: string; hasExitStrategy: boolean } }>).find(
      (r) => r.stream.name === DEMO_ENDING_FUND,
    );
    expect(ending).toMatchObject({ window: 6, stream: { hasExitStrategy: false } });
    const league = await ctx.app.inject({ method: 'GET', url: `/api/v1/localities/${CODE}/cost-benefit` });
    expect((league.json() as Array<{ verdict: string; ratio: number | null }>).at(-1)).toMatchObject({
      verdict: 'not-assessed',
      ratio: null,
    });
  });
});
