import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Person, type TestContext, createDemoTestContext } from '../../../test/helpers/context.js';
import { backends } from '../../../test/helpers/database.js';
import { FormSession } from '../../../test/helpers/forms.js';
import { PUBLIC, SYSTEM } from '../../core/actor.js';
import { todayInLondon } from '../../core/dates.js';
import { ForbiddenError, ValidationError } from '../../core/errors.js';
import { DEMO_LOCALITY_CODE } from '../demo/seed.js';
import { DEMO_ENDING_DEPENDANTS, DEMO_ENDING_FUND, DEMO_UNFUNDED_OUTCOME } from './demo.js';
import { yearLabel } from '../performance/schema.js';
import { addMonths, financialYearOf } from './rules.js';

const CODE = DEMO_LOCALITY_CODE;
// The demo is seeded as of today, as a server would: the pages count the cliff edge from today.
const TODAY = todayInLondon();
const YEAR = financialYearOf(TODAY);
const BASE = `/localities/${CODE}/resources`;

describe.each(backends)('resources, its pages and API, on %s', (backend) => {
  let ctx: TestContext;
  let admin: Person;
  let partner: Person;
  let lspSecretary: Person;
  let secretary: Person;
  let ids: { lsp: string; csp: string; council: string; county: string; police: string };

  beforeAll(async () => {
    ctx = await createDemoTestContext(backend, { today: TODAY });
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
    lspSecretary = await ctx.person([{ role: 'partnership-secretary', localityCode: CODE, partnershipId: ids.lsp }]);
    secretary = await ctx.person([{ role: 'partnership-secretary', localityCode: CODE, partnershipId: ids.csp }]);
  }, 600_000);
  afterAll(() => ctx?.close());

  const staffTime = (partnershipId: string, organisationId: string) => ({
    partnershipId,
    organisationId,
    year: yearLabel(YEAR),
    kind: 'staff-time',
    hours: 30,
  });

  it('lets a partner representative record a contribution for their own organisation only', async () => {
    const { resources } = ctx.services;
    const row = await resources.recordContribution(partner.principal, CODE, staffTime(ids.csp, ids.council), {
      today: TODAY,
    });
    expect(row).toMatchObject({ state: 'entered', financial_year: YEAR, hours: 30, amount_pence: null });
    const refused = await resources
      .recordContribution(partner.principal, CODE, staffTime(ids.csp, ids.police))
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).errors).toEqual([
      { field: 'organisationId', message: 'You may record contributions for your own organisation only' },
    ]);
    // And may not change another organisation's contribution.
    const police = await resources.recordContribution(admin.principal, CODE, staffTime(ids.csp, ids.police));
    await expect(
      resources.updateContribution(partner.principal, CODE, police.id, {
        ...staffTime(ids.csp, ids.police),
        hours: 1,
        version: police.version,
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    // A scrutiny member reads but records nothing; the public is asked to sign in.
    const scrutiny = await ctx.person([{ role: 'scrutiny-member', localityCode: CODE }]);
    await expect(
      resources.recordContribution(scrutiny.principal, CODE, staffTime(ids.csp, ids.council)),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(resources.recordContribution(PUBLIC, CODE, staffTime(ids.csp, ids.council))).rejects.toThrow();
  });

  it('has the contribution confirmed by the partnership’s secretary, and by no other secretary', async () => {
    const { resources } = ctx.services;
    const row = await resources.recordContribution(partner.principal, CODE, {
      partnershipId: ids.lsp,
      organisationId: ids.council,
      year: YEAR,
      kind: 'cash',
      amountPence: 123_456,
    });
    const told = await ctx.database.db
      .selectFrom('notifications')
      .select('subject')
      .where('user_id', '=', lspSecretary.principal.userId as string)
      .execute();
    expect(told.map((n) => n.subject)).toContain('A contribution to Brackenfield Partnership awaits confirmation');
    const cspSecretary = await ctx.person([
      { role: 'partnership-secretary', localityCode: CODE, partnershipId: ids.csp },
    ]);
    await expect(
      resources.confirmContribution(cspSecretary.principal, CODE, row.id, { version: row.version }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      resources.confirmContribution(partner.principal, CODE, row.id, { version: row.version }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    const confirmed = await resources.confirmContribution(lspSecretary.principal, CODE, row.id, {
      version: row.version,
    });
    expect(confirmed).toMatchObject({ state: 'confirmed', confirmed_by: lspSecretary.principal.label });
    // Changing it sends it back for confirmation.
    const changed = await resources.updateContribution(partner.principal, CODE, row.id, {
      partnershipId: ids.lsp,
      organisationId: ids.council,
      year: YEAR,
      kind: 'cash',
      amountPence: 200_000,
      version: confirmed.version,
    });
    expect(changed).toMatchObject({ state: 'entered', amount_pence: 200_000, confirmed_by: null });
    const audit = await ctx.database.db
      .selectFrom('audit_events')
      .select(['action', 'summary'])
      .where('entity_id', '=', row.id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'approve', 'update']);
  });

  it('shows the public confirmed contributions only, without their restricted details', async () => {
    const { resources } = ctx.services;
    const forAdmin = await resources.contributions(admin.principal, CODE, { year: YEAR, today: TODAY });
    const forPublic = await resources.contributions(PUBLIC, CODE, { year: YEAR, today: TODAY });
    expect(forAdmin.contributions.some((c) => c.row.state === 'entered')).toBe(true);
    expect(forPublic.contributions.length).toBeGreaterThan(50);
    expect(forPublic.contributions.every((c) => c.row.state === 'confirmed')).toBe(true);
    expect(forPublic.contributions.every((c) => c.row.description === null && c.row.rate_pence === null)).toBe(true);
    // The police superintendent's time is costed at its grade rate, which the public does not see but the total uses.
    const superintendent = forPublic.contributions.find(
      (c) => c.row.partnership_id === ids.lsp && c.row.organisation_id === ids.police,
    );
    expect(superintendent?.valuePence).toBe(120 * 5_500);
    const pending = forAdmin.contributions.find((c) => c.row.state === 'entered' && c.row.partnership_id === ids.lsp);
    await expect(
      resources.confirmContribution(PUBLIC, CODE, pending?.row.id as string, { version: 1 }),
    ).rejects.toThrow();
  });

  it('refuses pooled shares that do not add up, naming the field, and writes nothing', async () => {
    const { resources } = ctx.services;
    const input = {
      name: 'Learning disability pooled budget',
      legalBasis: 's75-nhs-act-2006',
      hostOrganisationId: ids.county,
      amountPerYearPence: 1_000_000,
      startsOn: '2026-04-01',
      contributors: [
        { organisationId: ids.county, shareBp: 6000 },
        { organisationId: ids.council, shareBp: 3000 },
      ],
    };
    const error = await resources.createPooledBudget(admin.principal, CODE, input).catch((e: unknown) => e);
    expect((error as ValidationError).errors).toEqual([
      { field: 'contributors', message: 'The shares add up to 90%: they must add up to 100%' },
    ]);
    await expect(resources.createPooledBudget(partner.principal, CODE, input)).rejects.toBeInstanceOf(ForbiddenError);
    const budgets = await resources.pooledBudgets(admin.principal, CODE);
    expect(budgets.budgets.map((b) => b.name)).toEqual(['Older people’s integrated care pooled fund']);
    const [s75] = budgets.budgets;
    expect(s75?.amounts).toEqual([744_000_000, 496_000_000]);
    expect(s75?.risk_share).toMatch(/shared in proportion/);
    expect((await resources.pooledBudgets(PUBLIC, CODE)).budgets[0]?.risk_share).toBeNull();
  });

  it('refuses a budget line that puts more than 100% toward outcomes', async () => {
    const { resources } = ctx.services;
    const money = await resources.moneyByOutcome(admin.principal, CODE, { today: TODAY });
    const [a, b] = money.rows;
    const error = await resources
      .createBudgetLine(partner.principal, CODE, {
        organisationId: ids.council,
        service: 'Street cleansing',
        year: YEAR,
        amountPence: 100_000_00,
        outcomes: [
          { outcomeId: a?.outcomeId, shareBp: 6000 },
          { outcomeId: b?.outcomeId, shareBp: 5000 },
        ],
      })
      .catch((e: unknown) => e);
    expect((error as ValidationError).errors).toEqual([
      { field: 'outcomes', message: 'The shares add up to 110%: a line cannot put more than 100% toward outcomes' },
    ]);
  });

  it('shows money by outcome with the unfunded outcome and the money mapped to none flagged', async () => {
    const { resources } = ctx.services;
    const money = await resources.moneyByOutcome(admin.principal, CODE, { today: TODAY });
    expect(money.year).toBe(YEAR);
    const unfunded = money.rows.filter((r) => r.flags.includes('no-money')).map((r) => r.title);
    expect(unfunded).toEqual([DEMO_UNFUNDED_OUTCOME]);
    const alcohol = money.rows.find((r) => r.title === 'Fewer hospital admissions caused by alcohol');
    // 30% of £2.3m of substance misuse services, and 10% of the £12.4m pooled fund.
    expect(alcohol?.mainstreamPence).toBe(690_000_00);
    expect(alcohol?.pooledPence).toBe(1_240_000_00);
    expect(alcohol?.partners.map((p) => p.name)).toEqual([
      'Nethershire County Council',
      'NHS Nethershire Integrated Care Board',
    ]);
    expect(money.unmapped.mainstreamPence).toBeGreaterThan(0);
    // By theme, the unfunded outcome shows against its theme.
    const environment = money.themes.find((t) => t.unfunded > 0);
    expect(environment).toBeDefined();
    expect(money.themes.every((t) => t.outcomes >= t.unfunded)).toBe(true);
    expect(money.unmapped.pooledPence).toBe(12_400_000_00 - 1_240_000_00 - 620_000_00);
  });

  it('finds the demo fund ending in five months, with its two dependants and no exit strategy', async () => {
    const { resources } = ctx.services;
    const edge = await resources.cliffEdge(PUBLIC, CODE, { today: TODAY });
    const ending = edge.rows.find((r) => r.stream.name === DEMO_ENDING_FUND);
    expect(ending).toMatchObject({ window: 6, monthsLeft: 5, hasExitStrategy: false });
    expect(ending?.stream.ends_on).toBe(addMonths(TODAY, 5));
    expect(ending?.partnerships.map((p) => p.name).sort()).toEqual([...DEMO_ENDING_DEPENDANTS].sort());
    expect(ending?.outcomes.map((o) => o.title)).toEqual(['More young people in education, employment or training']);
    expect(edge.counts).toEqual({ 6: 1, 12: 1, 24: 1 });
    // The public learns an exit strategy exists, not what it says.
    const safer = edge.rows.find((r) => r.stream.name === 'Safer Streets: Kingsmead');
    expect(safer).toMatchObject({ hasExitStrategy: true });
    expect(safer?.stream.exit_strategy).toBe('');
    const forAdmin = await resources.cliffEdge(admin.principal, CODE, { today: TODAY });
    expect(forAdmin.rows.find((r) => r.stream.name === 'Safer Streets: Kingsmead')?.stream.exit_strategy).toMatch(
      /Target-hardening/,
    );
  });

  it('reminds the LSP manager and the dependants’ secretaries at 12 and 6 months, once each', async () => {
    const { resources } = ctx.services;
    const earlyHelp = (
      await ctx.services.register.partnerships.allForLocality(
        ctx.database.db,
        (await ctx.services.register.locality(CODE)).id,
      )
    ).find((p) => p.name === DEMO_ENDING_DEPENDANTS[0]);
    const secretary = await ctx.person([
      { role: 'partnership-secretary', localityCode: CODE, partnershipId: earlyHelp?.id },
    ]);
    const first = await resources.sendFundingReminders(TODAY);
    // The ending fund (inside 6 months) and Safer Streets (inside 12) are due; UKSPF (16 months) is not.
    expect(first.map((r) => r.months).sort()).toEqual([12, 6].sort());
    expect(await resources.sendFundingReminders(TODAY)).toEqual([]);
    const notices = await ctx.database.db
      .selectFrom('notifications')
      .select(['user_id', 'subject'])
      .where('subject', 'like', `${DEMO_ENDING_FUND}%`)
      .execute();
    expect(notices.map((n) => n.user_id)).toEqual(
      expect.arrayContaining([admin.principal.userId, secretary.principal.userId]),
    );
    expect(notices.find((n) => n.user_id === secretary.principal.userId)?.subject).toBe(
      `${DEMO_ENDING_FUND} ends in 5 months`,
    );
    // Four months on, Safer Streets reaches six months and the Shared Prosperity Fund twelve.
    const later = await resources.sendFundingReminders(addMonths(TODAY, 4));
    expect(later.map((r) => r.months).sort()).toEqual([12, 6].sort());
    // And the inbox asks the LSP manager for the missing exit strategy.
    const work = await resources.workFor(admin.principal, new Date(`${TODAY}T12:00:00Z`));
    expect(work.map((w) => w.title)).toEqual([`Agree an exit strategy for ${DEMO_ENDING_FUND}`]);
  });

  it('gives the league table both ends, and lists partnerships with no benefit as not yet assessed', async () => {
    const { resources } = ctx.services;
    const league = await resources.league(PUBLIC, CODE, { today: TODAY });
    const verdicts = new Set(league.rows.map((r) => r.result.verdict));
    expect(verdicts).toEqual(new Set(['advantage', 'review', 'uncertain', 'not-valued', 'not-assessed']));
    const assessed = league.rows.filter((r) => r.result.ratio !== null);
    expect(assessed.length).toBeGreaterThanOrEqual(8);
    expect(league.rows.at(-1)?.result.verdict).toBe('not-assessed');
    expect(league.rows.filter((r) => r.result.verdict === 'not-assessed').every((r) => r.result.ratio === null)).toBe(
      true,
    );
    const csp = await resources.partnershipCostBenefit(PUBLIC, CODE, ids.csp, { today: TODAY });
    expect(csp.result.ratioLow as number).toBeLessThanOrEqual(csp.result.ratio as number);
    expect(csp.result.ratio as number).toBeLessThanOrEqual(csp.result.ratioHigh as number);
    expect(csp.result.cost.transactionPence).toBeGreaterThan(0);
    expect(csp.benefits.map((b) => b.row.title)).toEqual(['Fewer burglaries after the target-hardening scheme']);
  });

  it('records a benefit only as the partnership’s secretary or the administrator', async () => {
    const { resources } = ctx.services;
    const input = {
      partnershipId: ids.lsp,
      year: YEAR,
      kind: 'costs-avoided',
      title: 'Joint commissioning saved a procurement',
      valuePence: 40_000_00,
      evidence: 'Procurement team estimate',
      confidence: 'medium',
    };
    await expect(resources.recordBenefit(partner.principal, CODE, input)).rejects.toBeInstanceOf(ForbiddenError);
    const row = await resources.recordBenefit(lspSecretary.principal, CODE, input);
    expect(row).toMatchObject({ value_pence: 40_000_00, attribution_bp: null });
    const missing = await resources
      .recordBenefit(lspSecretary.principal, CODE, { ...input, kind: 'indicator' })
      .catch((e: unknown) => e);
    expect((missing as ValidationError).errors.map((e) => e.field).sort()).toEqual(['attributionBp', 'indicatorId']);
  });

  it('records a batch all or nothing, naming each bad row', async () => {
    const { resources } = ctx.services;
    const before = (await resources.contributions(admin.principal, CODE, { year: 2030 })).contributions.length;
    const error = await resources
      .recordContributions(SYSTEM, CODE, [
        { ...staffTime(ids.csp, ids.council), year: 2030 },
        { ...staffTime(ids.csp, ids.council), year: 2030, hours: -1 },
        { partnershipId: ids.csp, organisationId: ids.council, year: 2030, kind: 'cash' },
      ])
      .catch((e: unknown) => e);
    expect((error as ValidationError).errors).toEqual([
      { field: 'rows.1.hours', message: 'Hours must be 0 or more' },
      { field: 'rows.2.amountPence', message: 'Enter the amount' },
    ]);
    expect((await resources.contributions(admin.principal, CODE, { year: 2030 })).contributions).toHaveLength(before);
  });

  // --- pages and API -----------------------------------------------------------------------------

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
      expect(response.headers['content-type'], url).toContain('text/html');
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

  it('lets the administrator record a funding stream through the form, which then shows on the cliff edge', async () => {
    const session = new FormSession(ctx.app);
    await session.signIn(admin.email, admin.password);
    const ends = addMonths(TODAY, 8);
    const fields = {
      fundCode: 'lottery',
      name: 'Reaching Communities: Eastgate',
      amount: '85,000',
      'startsOn-day': '1',
      'startsOn-month': '4',
      'startsOn-year': String(YEAR),
      'endsOn-day': String(Number(ends.slice(8, 10))),
      'endsOn-month': String(Number(ends.slice(5, 7))),
      'endsOn-year': String(YEAR - 2),
      partnershipIds: [ids.csp],
      exitStrategy: '',
    };
    const bad = await session.submit(`${BASE}/funding/new`, `${BASE}/funding`, fields);
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('End date must be on or after the start date');
    expect(bad.body).toContain('value="Reaching Communities: Eastgate"');
    const good = await session.submit(`${BASE}/funding/new`, `${BASE}/funding`, {
      ...fields,
      'endsOn-year': ends.slice(0, 4),
    });
    expect(good.statusCode).toBe(303);
    const page = await session.get(`${BASE}/funding`);
    const window = /<h2 class="govuk-heading-m" id="window-12">[\s\S]*?<\/table>/.exec(page.body)?.[0] ?? '';
    expect(window).toContain('Reaching Communities: Eastgate');
    expect(window).toContain('Brackenfield Community Safety Partnership');
  });

  it('lets the administrator change a funding stream from its filled-in form, refusing a stale version', async () => {
    const stream = await ctx.services.resources.createFundingStream(SYSTEM, CODE, {
      fundCode: 'lottery',
      name: 'Awards for All: Millfield',
      amountPerYearPence: 1_000_000,
      startsOn: `${YEAR}-04-01`,
      endsOn: `${YEAR + 1}-03-31`,
      partnershipIds: [ids.csp],
    });
    const session = new FormSession(ctx.app);
    await session.signIn(admin.email, admin.password);
    const form = await session.get(`${BASE}/funding/${stream.id}/edit`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('value="Awards for All: Millfield"');
    expect(form.body).toContain('value="10000"');
    const fields = {
      fundCode: 'lottery',
      name: 'Awards for All: Millfield',
      amount: '12,500',
      'startsOn-day': '1',
      'startsOn-month': '4',
      'startsOn-year': String(YEAR),
      'endsOn-day': '31',
      'endsOn-month': '3',
      'endsOn-year': String(YEAR + 2),
      partnershipIds: [ids.csp, ids.lsp],
      version: String(stream.version),
    };
    // Both reminders were sent before; the end date moves, so it is reminded of again.
    await ctx.services.resources.repository.markReminders(ctx.database.db, stream.id, [12, 6]);
    const changed = await session.submit(`${BASE}/funding/${stream.id}/edit`, `${BASE}/funding/${stream.id}`, fields);
    expect(changed.statusCode).toBe(303);
    const after = await ctx.services.resources.fundingStream(admin.principal, CODE, stream.id);
    expect(after.amount_per_year_pence).toBe(1_250_000);
    expect(after.ends_on).toBe(`${YEAR + 2}-03-31`);
    expect(after.remindersSent).toEqual([]);
    expect(after.partnershipIds.sort()).toEqual([ids.csp, ids.lsp].sort());
    // The same form posted again was read at the old version: refused, and what was typed is kept.
    const stale = await session.submit(`${BASE}/funding/${stream.id}/edit`, `${BASE}/funding/${stream.id}`, {
      ...fields,
      amount: '99',
    });
    expect(stale.statusCode).toBe(422);
    expect(stale.body).toContain('Someone changed this funding stream since you read it');
    expect(stale.body).toContain('value="99"');
    // Only the administrator may change it.
    await expect(
      ctx.services.resources.updateFundingStream(secretary.principal, CODE, stream.id, {
        ...fields,
        version: after.version,
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('removes a funding stream recorded in error after asking, keeping it in the audit trail', async () => {
    const stream = await ctx.services.resources.createFundingStream(SYSTEM, CODE, {
      fundCode: 'lottery',
      name: 'Entered twice by mistake',
      amountPerYearPence: 500_000,
      startsOn: `${YEAR}-04-01`,
      endsOn: `${YEAR + 1}-03-31`,
      partnershipIds: [ids.csp],
    });
    const session = new FormSession(ctx.app);
    await session.signIn(admin.email, admin.password);
    const ask = await session.get(`${BASE}/funding/${stream.id}/remove`);
    expect(ask.statusCode).toBe(200);
    expect(ask.body).toContain('Remove Entered twice by mistake?');
    expect(ask.body).toContain('Brackenfield Community Safety Partnership');
    const removed = await session.submit(`${BASE}/funding/${stream.id}/remove`, `${BASE}/funding/${stream.id}/remove`, {
      version: String(stream.version),
    });
    expect(removed.statusCode).toBe(303);
    const page = await session.get(`${BASE}/funding`);
    expect(page.body).toContain('The funding stream Entered twice by mistake was removed.');
    const streams = /<table class="govuk-table" id="streams">[\s\S]*?<\/table>/.exec(page.body)?.[0] ?? '';
    expect(streams).toContain(DEMO_ENDING_FUND);
    expect(streams).not.toContain('Entered twice by mistake');
    const trail = await ctx.database.db
      .selectFrom('audit_events')
      .select(['action', 'summary'])
      .where('entity_id', '=', stream.id)
      .orderBy('id')
      .execute();
    expect(trail.map((e) => e.action)).toEqual(['create', 'withdraw']);
    expect(
      (await ctx.app.inject({ method: 'GET', url: `${BASE}/funding/${stream.id}/edit`, headers: admin.headers }))
        .statusCode,
    ).toBe(404);
  });

  it('exports each view as CSV, with the page’s figures in pounds to the penny and restricted rows withheld', async () => {
    const money = await ctx.app.inject({ method: 'GET', url: `${BASE}/money.csv` });
    expect(money.headers['content-type']).toContain('text/csv');
    expect(money.body).toContain('Less waste, more recycling');
    expect(money.body).toMatch(/Fewer hospital admissions caused by alcohol,[^\r]*,690000\.00,1240000\.00,/);
    const edge = await ctx.app.inject({ method: 'GET', url: `${BASE}/funding.csv` });
    expect(edge.body).toContain(`6,${DEMO_ENDING_FUND},`);
    expect(edge.body).toMatch(/,no\r\n/);
    const league = await ctx.app.inject({ method: 'GET', url: `${BASE}/cost-benefit.csv` });
    expect(league.body.trim().split('\r\n').at(-1)).toContain('Not yet assessed');
    const publicRows = await ctx.app.inject({ method: 'GET', url: `${BASE}/contributions.csv` });
    expect(publicRows.body).not.toContain(',entered');
    const adminRows = await ctx.app.inject({ method: 'GET', url: `${BASE}/contributions.csv`, headers: admin.headers });
    expect(adminRows.body).toContain(',entered');
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
      year: yearLabel(YEAR),
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
      year: yearLabel(YEAR),
      kind: 'cash',
      amount: '1,234.57',
      description: 'Analyst time',
    });
    expect(good.statusCode).toBe(303);
    const recorded = await ctx.database.db
      .selectFrom('resource_contributions')
      .selectAll()
      .where('amount_pence', '=', 123_457)
      .executeTakeFirstOrThrow();
    expect(recorded).toMatchObject({ state: 'entered', organisation_id: ids.council, financial_year: YEAR });

    const secretarySession = new FormSession(ctx.app);
    await secretarySession.signIn(secretary.email, secretary.password);
    const list = `${BASE}/contributions?year=${yearLabel(YEAR)}&state=entered&q=community+safety`;
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
