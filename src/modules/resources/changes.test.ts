import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Person, type TestContext, createDemoTestContext } from '../../../test/helpers/context.js';
import { backends } from '../../../test/helpers/database.js';
import { FormSession } from '../../../test/helpers/forms.js';
import { PUBLIC } from '../../core/actor.js';
import { todayInLondon } from '../../core/dates.js';
import { ForbiddenError } from '../../core/errors.js';
import { DEMO_LOCALITY_CODE } from '../demo/seed.js';
import { ImportRejected } from '../exchange/issues.js';
import { THREE_SIXTY_COLUMNS, type ThreeSixtyGrant, missingFields } from '../funds/three-sixty-giving.js';
import { yearLabel } from '../performance/schema.js';
import { financialYearOf } from './rules.js';

/**
 * Changing and removing what resources records (pooled budgets, budget lines, benefits), the
 * locality's costing settings, the import of contributions, and the transaction cost of the
 * meetings actually held.
 */
const CODE = DEMO_LOCALITY_CODE;
const TODAY = todayInLondon();
const YEAR = financialYearOf(TODAY);
const BASE = `/localities/${CODE}/resources`;

describe.each(backends)('resources changes, settings, import and meetings held, on %s', (backend) => {
  let ctx: TestContext;
  let admin: Person;
  let partner: Person;
  let secretary: Person;
  let ids: {
    lsp: string;
    csp: string;
    council: string;
    county: string;
    police: string;
    outcomes: string[];
    localityId: string;
  };

  beforeAll(async () => {
    ctx = await createDemoTestContext(backend, { today: TODAY });
    const locality = await ctx.services.register.locality(CODE);
    const partnerships = await ctx.services.register.partnerships.allForLocality(ctx.database.db, locality.id);
    const organisations = await ctx.services.resources.repository.organisations(ctx.database.db, locality.id);
    const p = (name: string) => partnerships.find((x) => x.name === name)?.id as string;
    const o = (name: string) => organisations.find((x) => x.name === name)?.id as string;
    admin = await ctx.person([{ role: 'locality-admin', localityCode: CODE }]);
    const context = await ctx.services.resources.context(admin.principal, CODE);
    const outcomes = await ctx.services.resources.outcomeOptions(admin.principal, context);
    ids = {
      lsp: p('Brackenfield Partnership'),
      csp: p('Brackenfield Community Safety Partnership'),
      council: o('Brackenfield District Council'),
      county: o('Nethershire County Council'),
      police: o('Nethershire Police'),
      outcomes: outcomes.map((x) => x.value),
      localityId: locality.id,
    };
    partner = await ctx.person([{ role: 'partner-representative', localityCode: CODE, organisationId: ids.council }]);
    secretary = await ctx.person([{ role: 'partnership-secretary', localityCode: CODE, partnershipId: ids.csp }]);
  }, 600_000);
  afterAll(() => ctx?.close());

  const signedIn = async (person: Person) => {
    const session = new FormSession(ctx.app);
    await session.signIn(person.email, person.password);
    return session;
  };
  /** Uploads a CSV on an import page as the signed-in person would, with the page's CSRF token. */
  const importer = async (session: FormSession, path: string, fileName: string) => {
    const page = await session.get(path);
    expect(page.statusCode).toBe(200);
    const token = decodeURIComponent(/_csrf=([^"&]+)/.exec(page.body)?.[1] ?? '');
    return (content: string) =>
      ctx.app.inject({
        method: 'POST',
        url: `${path}?_csrf=${encodeURIComponent(token)}`,
        headers: { cookie: session.cookieHeader(), 'content-type': 'multipart/form-data; boundary=XyZ' },
        payload: `--XyZ\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n${content}\r\n--XyZ--\r\n`,
      });
  };
  const trail = (entityId: string) =>
    ctx.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', entityId)
      .orderBy('id')
      .execute()
      .then((rows) => rows.map((r) => r.action));

  // --- pooled budgets ---------------------------------------------------------------------------

  it('records a pooled budget through its form only when the contributors’ shares add up to 100%, then changes and removes it', async () => {
    const session = await signedIn(admin);
    const fields = {
      name: 'Community equipment store',
      legalBasis: 's75-nhs-act-2006',
      hostOrganisationId: ids.county,
      amount: '400,000',
      'startsOn-day': '1',
      'startsOn-month': '4',
      'startsOn-year': String(YEAR),
      'contributors-0-id': ids.county,
      'contributors-0-share': '60',
      'contributors-2-id': ids.council,
      'contributors-2-share': '30',
      'outcomes-0-id': ids.outcomes[0] as string,
      'outcomes-0-share': '50',
    };
    const bad = await session.submit(`${BASE}/pooled/new`, `${BASE}/pooled`, fields);
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('add up to 100%');
    expect(bad.body).toContain('value="Community equipment store"');
    expect(bad.body).toContain('href="#contributors-0-share"');
    expect(await ctx.services.resources.repository.pooledBudgets(ctx.database.db, ids.localityId)).toHaveLength(1);

    const good = await session.submit(`${BASE}/pooled/new`, `${BASE}/pooled`, {
      ...fields,
      'contributors-2-share': '40',
    });
    expect(good.statusCode).toBe(303);
    const funding = await session.get(`${BASE}/funding`);
    expect(funding.body).toContain('Community equipment store');
    expect(funding.body).toContain('£160,000');
    const budget = (await ctx.services.resources.repository.pooledBudgets(ctx.database.db, ids.localityId)).find(
      (b) => b.name === 'Community equipment store',
    );
    if (!budget) throw new Error('not recorded');

    // Its filled-in form, changed: the police join at 10%, the council goes down to 30%.
    const form = await session.get(`${BASE}/pooled/${budget.id}/edit`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('value="400000"');
    expect(form.body).toContain('value="60"');
    const changed = {
      ...fields,
      'contributors-2-share': '30',
      'contributors-3-id': ids.police,
      'contributors-3-share': '10',
      version: String(budget.version),
    };
    expect(
      (await session.submit(`${BASE}/pooled/${budget.id}/edit`, `${BASE}/pooled/${budget.id}`, changed)).statusCode,
    ).toBe(303);
    const after = await ctx.services.resources.pooledBudget(admin.principal, CODE, budget.id);
    expect(after.before.contributors.map((c) => c.shareBp)).toEqual([6000, 3000, 1000]);
    // The same form again was read at the old version: refused, what was typed kept.
    const stale = await session.submit(`${BASE}/pooled/${budget.id}/edit`, `${BASE}/pooled/${budget.id}`, {
      ...changed,
      name: 'Equipment store (renamed)',
    });
    expect(stale.statusCode).toBe(422);
    expect(stale.body).toContain('Someone changed this pooled budget since you read it');
    expect(stale.body).toContain('value="Equipment store (renamed)"');
    // Only the administrator changes it.
    await expect(
      ctx.services.resources.updatePooledBudget(secretary.principal, CODE, budget.id, {}),
    ).rejects.toBeInstanceOf(ForbiddenError);

    const ask = await session.get(`${BASE}/pooled/${budget.id}/remove`);
    expect(ask.body).toContain('Remove Community equipment store?');
    const removed = await session.submit(`${BASE}/pooled/${budget.id}/remove`, `${BASE}/pooled/${budget.id}/remove`, {
      version: String(after.before.version),
    });
    expect(removed.statusCode).toBe(303);
    const gone = await session.get(`${BASE}/funding`);
    expect(gone.body).toContain('The pooled budget Community equipment store was removed.');
    expect(gone.body).not.toContain('<h3 class="govuk-heading-s">Community equipment store</h3>');
    expect(await trail(budget.id)).toEqual(['create', 'update', 'withdraw']);
  });

  // --- contributions ----------------------------------------------------------------------------

  it('lets a partner change their contribution from its filled-in form, sending it back for confirmation, and remove it', async () => {
    const { resources } = ctx.services;
    const row = await resources.recordContribution(partner.principal, CODE, {
      partnershipId: ids.csp,
      organisationId: ids.council,
      year: YEAR,
      kind: 'cash',
      amountPence: 300_000,
      description: 'Printing',
    });
    const confirmed = await resources.confirmContribution(secretary.principal, CODE, row.id, { version: row.version });
    const session = await signedIn(partner);
    const list = await session.get(`${BASE}/contributions?year=${yearLabel(YEAR)}`);
    expect(list.body).toContain(`href="${BASE}/contributions/${row.id}/edit"`);
    const form = await session.get(`${BASE}/contributions/${row.id}/edit`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('value="3000"');
    const fields = {
      partnershipId: ids.csp,
      organisationId: ids.council,
      year: yearLabel(YEAR),
      kind: 'cash',
      amount: '3,500',
      description: 'Printing and post',
      version: String(confirmed.version),
    };
    const changed = await session.submit(
      `${BASE}/contributions/${row.id}/edit`,
      `${BASE}/contributions/${row.id}`,
      fields,
    );
    expect(changed.statusCode).toBe(303);
    const after = await resources.contributionToChange(partner.principal, CODE, row.id);
    expect(after.before).toMatchObject({ amount_pence: 350_000, state: 'entered' });
    const stale = await session.submit(`${BASE}/contributions/${row.id}/edit`, `${BASE}/contributions/${row.id}`, {
      ...fields,
      amount: '1',
    });
    expect(stale.statusCode).toBe(422);
    expect(stale.body).toContain('Someone changed this contribution since you read it');
    // The secretary confirms it; the secretary may not change what the council put in.
    await expect(resources.contributionToChange(secretary.principal, CODE, row.id)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    const removed = await session.submit(
      `${BASE}/contributions/${row.id}/remove`,
      `${BASE}/contributions/${row.id}/remove`,
      { version: String(after.before.version) },
    );
    expect(removed.statusCode).toBe(303);
    const page = await session.get(`${BASE}/contributions?year=${yearLabel(YEAR)}`);
    expect(page.body).toContain(
      'The contribution from Brackenfield District Council to Brackenfield Community Safety Partnership was removed.',
    );
    expect(await trail(row.id)).toEqual(['create', 'approve', 'update', 'withdraw']);
  });

  // --- budget lines -----------------------------------------------------------------------------

  it('lets a partner record, change and remove their own organisation’s budget line, mapped to outcomes, and no other', async () => {
    const session = await signedIn(partner);
    const fields = {
      organisationId: ids.council,
      service: 'Community safety wardens',
      year: yearLabel(YEAR),
      amount: '120,000',
      'outcomes-0-id': ids.outcomes[0] as string,
      'outcomes-0-share': '70',
      'outcomes-1-id': ids.outcomes[1] as string,
      'outcomes-1-share': '40',
    };
    const bad = await session.submit(`${BASE}/budget-lines/new`, `${BASE}/budget-lines`, fields);
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('100%');
    expect(bad.body).toContain('value="Community safety wardens"');
    const good = await session.submit(`${BASE}/budget-lines/new`, `${BASE}/budget-lines`, {
      ...fields,
      'outcomes-1-share': '30',
    });
    expect(good.statusCode).toBe(303);
    const list = await session.get(`${BASE}/budget-lines?year=${yearLabel(YEAR)}`);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Community safety wardens');
    const lines = await ctx.services.resources.repository.budgetLines(ctx.database.db, ids.localityId, [YEAR]);
    const line = lines.find((l) => l.service === 'Community safety wardens');
    if (!line) throw new Error('not recorded');
    expect(line.organisation_id).toBe(ids.council);

    const edit = await session.submit(`${BASE}/budget-lines/${line.id}/edit`, `${BASE}/budget-lines/${line.id}`, {
      ...fields,
      amount: '150,000',
      'outcomes-1-share': '30',
      version: String(line.version),
    });
    expect(edit.statusCode).toBe(303);
    const changed = await ctx.services.resources.budgetLine(partner.principal, CODE, line.id);
    expect(changed.before.amount_pence).toBe(15_000_000);

    // Another organisation's line is not theirs to change.
    const police = lines.find((l) => l.organisation_id !== ids.council);
    if (police) {
      await expect(ctx.services.resources.budgetLine(partner.principal, CODE, police.id)).rejects.toBeInstanceOf(
        ForbiddenError,
      );
      expect((await session.get(`${BASE}/budget-lines/${police.id}/edit`)).statusCode).toBe(403);
    }
    // The public sees the line's money, not its service.
    const publicList = await ctx.app.inject({ method: 'GET', url: `${BASE}/budget-lines?year=${yearLabel(YEAR)}` });
    expect(publicList.statusCode).toBe(200);
    expect(publicList.body).not.toContain('Community safety wardens');

    const removed = await session.submit(
      `${BASE}/budget-lines/${line.id}/remove`,
      `${BASE}/budget-lines/${line.id}/remove`,
      { version: String(changed.before.version) },
    );
    expect(removed.statusCode).toBe(303);
    expect(await trail(line.id)).toEqual(['create', 'update', 'withdraw']);
  });

  // --- benefits ---------------------------------------------------------------------------------

  it('lets the partnership’s secretary change and remove a benefit, refusing a stale form and anyone else', async () => {
    const benefit = await ctx.services.resources.recordBenefit(secretary.principal, CODE, {
      partnershipId: ids.csp,
      year: YEAR,
      kind: 'costs-avoided',
      title: 'Fewer repeat call-outs',
      valuePence: 2_000_000,
      evidence: 'Police call data',
      confidence: 'medium',
    });
    const session = await signedIn(secretary);
    const url = `/localities/${CODE}/partnerships/${ids.csp}/benefits/${benefit.id}`;
    const page = await session.get(`/localities/${CODE}/partnerships/${ids.csp}/cost-benefit`);
    expect(page.body).toContain(`href="${url}/edit"`);
    const form = await session.get(`${url}/edit`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('value="20000"');
    const fields = {
      title: 'Fewer repeat call-outs',
      year: yearLabel(YEAR),
      kind: 'costs-avoided',
      value: '25,000',
      evidence: 'Police call data, checked by the analyst',
      confidence: 'high',
      version: String(benefit.version),
    };
    expect((await session.submit(`${url}/edit`, url, fields)).statusCode).toBe(303);
    const stale = await session.submit(`${url}/edit`, url, { ...fields, value: '1' });
    expect(stale.statusCode).toBe(422);
    expect(stale.body).toContain('Someone changed this benefit since you read it');
    expect(stale.body).toContain('value="1"');
    await expect(ctx.services.resources.benefit(partner.principal, CODE, benefit.id)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    const after = await ctx.services.resources.benefit(secretary.principal, CODE, benefit.id);
    expect(after.before).toMatchObject({ value_pence: 2_500_000, confidence: 'high' });
    const removed = await session.submit(`${url}/remove`, `${url}/remove`, { version: String(after.before.version) });
    expect(removed.statusCode).toBe(303);
    expect(await trail(benefit.id)).toEqual(['create', 'update', 'withdraw']);
  });

  // --- settings ---------------------------------------------------------------------------------

  it('costs with the rates and the financial year the locality’s administrator sets, and no one else', async () => {
    const { resources } = ctx.services;
    const before = await resources.partnershipCostBenefit(PUBLIC, CODE, ids.lsp, { year: 2019 });
    expect(before.result.cost.transactionBasis).toBe('pattern');
    const session = await signedIn(admin);
    const page = await session.get(`${BASE}/settings`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('value="45"');
    const fields: Record<string, string> = {
      financialYearStartMonth: '1',
      'rate-public': '90',
      'rate-private': '120',
      'rate-voluntary': '60',
      'rate-community': '34',
      preparationHours: '2',
      'grades-0-grade': 'Principal officer',
      'grades-0-rate': '52.50',
      'grades-1-grade': 'principal officer',
      'grades-1-rate': '50',
      version: '0',
    };
    const bad = await session.submit(`${BASE}/settings`, `${BASE}/settings`, fields);
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('The grade principal officer is listed twice');
    expect(bad.body).toContain('value="52.50"');
    const good = await session.submit(`${BASE}/settings`, `${BASE}/settings`, {
      ...fields,
      'grades-1-grade': '',
      'grades-1-rate': '',
    });
    expect(good.statusCode).toBe(303);
    // Every rate doubled: the meetings cost twice as much.
    const after = await resources.partnershipCostBenefit(PUBLIC, CODE, ids.lsp, { year: 2019 });
    expect(Math.abs(after.result.cost.transactionPence - before.result.cost.transactionPence * 2)).toBeLessThanOrEqual(
      1,
    );
    // A January start: the year of a date is its calendar year.
    const context = await resources.context(PUBLIC, CODE, { today: `${YEAR + 1}-02-10` });
    expect(context.year).toBe(YEAR + 1);
    // …and is named as that calendar year on the pages and in the exports, not as 2019/20.
    const money = await ctx.app.inject({ method: 'GET', url: `${BASE}?year=2019` });
    expect(money.body).toContain('Money by outcome, 2019</h1>');
    expect(money.body).not.toContain('2019/20');
    const league = await ctx.app.inject({ method: 'GET', url: `${BASE}/cost-benefit.csv?year=2019` });
    expect(league.body.split('\r\n')[1]).toMatch(/^2019,/);
    // A staff-time contribution at a grade takes the grade's rate.
    const graded = await resources.recordContribution(partner.principal, CODE, {
      partnershipId: ids.csp,
      organisationId: ids.council,
      year: 2019,
      kind: 'staff-time',
      hours: 10,
      grade: 'PRINCIPAL OFFICER',
    });
    expect(graded).toMatchObject({ grade: 'Principal officer', rate_pence: 5250 });
    const unknown = await resources
      .recordContribution(partner.principal, CODE, {
        partnershipId: ids.csp,
        organisationId: ids.council,
        year: 2019,
        kind: 'staff-time',
        hours: 10,
        grade: 'Chief executive',
      })
      .catch((e: unknown) => e);
    expect((unknown as { errors: unknown[] }).errors).toEqual([
      { field: 'grade', message: 'Choose a grade from the locality’s grade rates: Principal officer' },
    ]);
    // Only the administrator sets them; a stale form is refused.
    await expect(resources.saveSettings(partner.principal, CODE, {})).rejects.toBeInstanceOf(ForbiddenError);
    expect((await session.submit(`${BASE}/settings`, `${BASE}/settings`, fields)).statusCode).toBe(422);
    // Back to April and the default rates for the other tests.
    await resources.saveSettings(admin.principal, CODE, {
      financialYearStartMonth: 4,
      hourlyPenceBySector: { public: 4500, private: 6000, voluntary: 3000, community: 1700 },
      preparationHours: 2,
      gradeRates: [{ grade: 'Principal officer', ratePence: 5250 }],
      version: 1,
    });
  });

  // --- import -----------------------------------------------------------------------------------

  it('imports contributions from CSV all or nothing, naming each bad row by its line and column', async () => {
    const { resources } = ctx.services;
    const count = async () =>
      (await resources.contributions(admin.principal, CODE, { year: 2031 })).contributions.length;
    const header = 'partnership,organisation,year,kind,amount,hours,rate,grade,description';
    const bad = [
      header,
      'Brackenfield Community Safety Partnership,Brackenfield District Council,2031/32,cash,"1,500",,,,Room hire',
      'No Such Partnership,Brackenfield District Council,2031/32,cash,10,,,,',
      'Brackenfield Partnership,Nethershire Police,2031/32,cash,10,,,,',
      'Brackenfield Partnership,Brackenfield District Council,2031/32,staff time,,lots,,,',
      'Brackenfield Partnership,Brackenfield District Council,2031/32,cash,,,,,',
    ].join('\r\n');
    const error = await resources
      .importContributions(partner.principal, CODE, { name: 'contributions.csv', content: Buffer.from(bad) })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportRejected);
    expect((error as ImportRejected).issues.map((i) => [i.line, i.column, i.message])).toEqual([
      [3, 'partnership', 'No partnership of Brackenfield (demo) is called No Such Partnership'],
      [4, 'organisation', 'You may record contributions for your own organisation only'],
      [5, 'hours', 'Give the hours as a number, like 40 or 7.5'],
      [6, 'amount', 'Enter the amount'],
    ]);
    expect(await count()).toBe(0);

    // Through the page, as the partner would: refused line by line, then taken whole.
    const upload = await importer(await signedIn(partner), `${BASE}/contributions/import`, 'contributions.csv');
    const refused = await upload(bad);
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('contributions.csv was not imported: 4 problems found. Nothing was written.');
    expect(refused.body).toMatch(
      /<td class="govuk-table__cell govuk-table__cell--numeric">5<\/td><td class="govuk-table__cell">hours<\/td>/,
    );
    const good = [
      header,
      'Brackenfield Community Safety Partnership,Brackenfield District Council,2031/32,cash,"1,500",,,,Room hire',
      'Brackenfield Partnership,Brackenfield District Council,2031/32,staff-time,,40,,Principal officer,Secretariat',
    ].join('\r\n');
    const taken = await upload(good);
    expect(taken.statusCode).toBe(303);
    const rows = (await resources.contributions(admin.principal, CODE, { year: 2031 })).contributions;
    expect(rows.map((r) => [r.partnershipName, r.row.state, r.valuePence]).sort()).toEqual([
      ['Brackenfield Community Safety Partnership', 'entered', 150_000],
      ['Brackenfield Partnership', 'entered', 40 * 5250],
    ]);
  });

  it('imports contributions from an XLSX workbook, with the sheet’s line numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Contributions');
    sheet.addRow(['partnership', 'organisation', 'year', 'kind', 'amount']);
    sheet.addRow(['Brackenfield Partnership', 'Nethershire Police', '2032/33', 'in-kind', '2500']);
    sheet.addRow(['Brackenfield Partnership', 'Nethershire Police', '2032/33', 'cash', 'free']);
    const content = Buffer.from(await workbook.xlsx.writeBuffer());
    const error = await ctx.services.resources
      .importContributions(admin.principal, CODE, { name: 'money.xlsx', content })
      .catch((e: unknown) => e);
    expect((error as ImportRejected).issues).toMatchObject([
      { sheet: 'Contributions', line: 3, column: 'amount', value: 'free' },
    ]);
    sheet.getRow(3).getCell(5).value = '100';
    const result = await ctx.services.resources.importContributions(admin.principal, CODE, {
      name: 'money.xlsx',
      content: Buffer.from(await workbook.xlsx.writeBuffer()),
    });
    expect(result.imported).toBe(2);
  });

  it('imports budget lines with their outcome shares all or nothing, a partner only their own, through the page', async () => {
    const { resources } = ctx.services;
    const lines = () => resources.repository.budgetLines(ctx.database.db, ids.localityId, [2031]);
    const header = 'organisation,service,year,amount,outcomes';
    const safer = 'A safer Brackenfield: cut serious acquisitive crime';
    const good = `Brackenfield District Council,Youth service,2031/32,"250,000","${safer}: 60%; Less waste, more recycling: 40%"`;
    const bad = [
      header,
      good,
      'Nethershire Police,Patrols,2031/32,1000,',
      `Brackenfield District Council,Parks,2031/32,1000,"${safer}: 70%; Less waste, more recycling: 40%"`,
      'Brackenfield District Council,Libraries,2031/32,1000,Nowhere: 10%',
      'Brackenfield District Council,Leisure,2031/32,lots,',
    ].join('\r\n');
    const session = await signedIn(partner);
    const upload = await importer(session, `${BASE}/budget-lines/import`, 'lines.csv');
    expect((await session.get(`${BASE}/budget-lines`)).body).toContain(`href="${BASE}/budget-lines/import"`);
    const template = await ctx.app.inject({ method: 'GET', url: `${BASE}/budget-lines-template.csv` });
    expect(template.body).toContain('organisation,service,year,amount,outcomes');
    const refused = await upload(bad);
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('lines.csv was not imported: 4 problems found. Nothing was written.');
    const error = await resources
      .importBudgetLines(partner.principal, CODE, { name: 'lines.csv', content: Buffer.from(bad) })
      .catch((e: unknown) => e);
    expect((error as ImportRejected).issues.map((i) => [i.line, i.column, i.message])).toEqual([
      [3, 'organisation', 'You may record budget lines for your own organisation only'],
      [4, 'outcomes', 'The shares add up to 110%: a line cannot put more than 100% toward outcomes'],
      [5, 'outcomes', 'No active outcome of Brackenfield (demo) is called Nowhere'],
      [6, 'amount', 'Give an amount in pounds, like 12000 or 12,000.50'],
    ]);
    expect(await lines()).toHaveLength(0);

    const taken = await upload([header, good].join('\r\n'));
    expect(taken.statusCode).toBe(303);
    const [line] = await lines();
    expect([line?.service, line?.amount_pence, line?.outcomes.map((o) => o.shareBp).sort()]).toEqual([
      'Youth service',
      25_000_000,
      [4000, 6000],
    ]);
  });

  it('imports funding streams for the locality’s administrator only, each problem by line and column', async () => {
    const { resources } = ctx.services;
    const file = (...rows: string[]) => ({
      name: 'funding.csv',
      content: Buffer.from(
        [
          'fund,name,funder,amount,starts,ends,accountable_body,requires_partnership,partnerships,outcomes,exit_strategy',
          ...rows,
        ].join('\r\n'),
      ),
    });
    const good =
      'Towns Fund,Brackenfield Town Deal,,"1,000,000",01/04/2031,2034-03-31,Brackenfield District Council,yes,Brackenfield Partnership; Brackenfield Community Safety Partnership,,Mainstreamed into the council’s budget';
    const bad = file(
      good,
      'Lottery money,,,1000,2031-04-01,2032-03-31,,,,,',
      'Towns Fund,,,1000,2031-04-01,2030-03-31,,,,,',
      'Towns Fund,,,1000,2031-04-01,2032-03-31,Nowhere Trust,maybe,No Such Partnership,,',
    );
    await expect(resources.importFundingStreams(partner.principal, CODE, bad)).rejects.toBeInstanceOf(ForbiddenError);
    const error = await resources.importFundingStreams(admin.principal, CODE, bad).catch((e: unknown) => e);
    expect((error as ImportRejected).issues.map((i) => [i.line, i.column, i.message])).toEqual([
      [3, 'fund', 'No fund on the fund list is called Lottery money'],
      [4, 'ends', 'End date must be on or after the start date'],
      [5, 'accountable_body', 'No organisation of Brackenfield (demo) is called Nowhere Trust'],
      [5, 'partnerships', 'No partnership of Brackenfield (demo) is called No Such Partnership'],
      [5, 'requires_partnership', 'Give yes or no'],
    ]);
    const named = async () =>
      (await resources.fundingStreams(admin.principal, CODE)).streams.filter(
        (s) => s.name === 'Brackenfield Town Deal',
      );
    expect(await named()).toHaveLength(0);
    expect(await resources.importFundingStreams(admin.principal, CODE, file(good))).toEqual({ imported: 1 });
    const [stream] = await named();
    expect(stream).toMatchObject({
      fund_code: 'towns-fund',
      amount_per_year_pence: 100_000_000,
      starts_on: '2031-04-01',
      ends_on: '2034-03-31',
      accountable_body_id: ids.council,
      requires_partnership: true,
    });
    expect([...(stream?.partnershipIds ?? [])].sort()).toEqual([ids.lsp, ids.csp].sort());
  });

  it('publishes the funding flows as 360Giving grants, leaving out and naming a stream with no recipient', async () => {
    const { resources } = ctx.services;
    await resources.createFundingStream(admin.principal, CODE, {
      fundCode: 'lottery',
      name: 'Community chest',
      amountPerYearPence: 500_000,
      startsOn: '2031-04-01',
      endsOn: '2032-03-31',
    });
    const json = await ctx.app.inject({ method: 'GET', url: `${BASE}/funding-360giving.json` });
    expect(json.statusCode).toBe(200);
    const { grants } = JSON.parse(json.body) as { grants: ThreeSixtyGrant[] };
    for (const grant of grants) expect(missingFields(grant)).toEqual([]);
    expect(grants.map((g) => g.title)).not.toContain('Community chest');
    const townDeal = grants.find((g) => g.title === 'Brackenfield Town Deal');
    expect(townDeal).toMatchObject({
      currency: 'GBP',
      amountAwarded: 3_000_000,
      awardDate: '2031-04-01',
      plannedDates: [{ startDate: '2031-04-01', endDate: '2034-03-31', duration: 36 }],
      recipientOrganization: [{ name: 'Brackenfield District Council' }],
      fundingOrganization: [{ name: expect.any(String) }],
      grantProgramme: [{ title: 'Towns Fund' }],
    });
    expect(townDeal?.id).toMatch(new RegExp(`^360G-joinedup-${CODE}-stream-`));
    expect(townDeal?.fundingOrganization[0]?.id).toMatch(new RegExp(`^360G-joinedup-${CODE}-funder-`));
    // The pooled budget: the NHS commissioner's share flows to the county council, its host.
    expect(grants.find((g) => g.id.includes('-pooled-'))).toMatchObject({
      recipientOrganization: [{ name: 'Nethershire County Council' }],
      fundingOrganization: [{ name: expect.stringContaining('NHS') }],
    });

    const csv = await ctx.app.inject({ method: 'GET', url: `${BASE}/funding-360giving.csv` });
    const [heading, ...rows] = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(heading).toBe(THREE_SIXTY_COLUMNS.join(','));
    expect(rows).toHaveLength(grants.length);
    expect(csv.body).toContain('GBP,3000000.00,2031-04-01,2031-04-01,2034-03-31,36,');

    const page = await ctx.app.inject({ method: 'GET', url: `${BASE}/funding` });
    expect(page.body).toContain(`href="${BASE}/funding-360giving.json"`);
    expect(/id="giving-left-out"[\s\S]*?<\/div>/.exec(page.body)?.[0]).toContain('Community chest: no recipient');
  });

  // --- meetings held ----------------------------------------------------------------------------

  it('costs the meetings actually held where recorded, falling back to the assumed pattern, and says which', async () => {
    const { resources } = ctx.services;
    const year = 2018;
    const pattern = await resources.partnershipCostBenefit(PUBLIC, CODE, ids.csp, { year });
    expect(pattern.result.cost.transactionBasis).toBe('pattern');
    const hold = async (heldOn: string, attending: string[], status = 'held') => {
      const meeting = await ctx.database.db
        .insertInto('meetings')
        .values({ locality_id: ids.localityId, partnership_id: ids.csp, held_on: heldOn, status })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (attending.length > 0)
        await ctx.database.db
          .insertInto('meeting_attendance')
          .values(
            attending.map((organisation_id) => ({ meeting_id: meeting.id, organisation_id, attendance: 'present' })),
          )
          .execute();
    };
    // Two meetings held in 2018/19 with two and three public bodies present; one cancelled; one the year after.
    await hold('2018-05-10', [ids.council, ids.police]);
    await hold('2018-11-08', [ids.council, ids.police, ids.county]);
    await hold('2019-01-10', [ids.council], 'cancelled');
    await hold('2019-06-10', [ids.council]);
    const held = await resources.partnershipCostBenefit(PUBLIC, CODE, ids.csp, { year });
    expect(held.result.cost).toMatchObject({
      transactionBasis: 'meetings-held',
      meetingsCosted: 2,
      attendancesCosted: 5,
    });
    const hours = (held.partnership.meeting_minutes ?? 120) / 60 + 2;
    expect(held.result.cost.transactionPence).toBe(Math.round(5 * hours * 4500));
    const page = await ctx.app.inject({
      method: 'GET',
      url: `/localities/${CODE}/partnerships/${ids.csp}/cost-benefit?year=${yearLabel(year)}`,
    });
    expect(page.body).toContain('From the meetings held:');
    const other = await ctx.app.inject({
      method: 'GET',
      url: `/localities/${CODE}/partnerships/${ids.lsp}/cost-benefit?year=${yearLabel(year)}`,
    });
    expect(other.body).toContain('From the assumed meeting pattern:');
    // The league table costs the same meetings.
    const league = await resources.league(PUBLIC, CODE, { year });
    expect(league.rows.find((r) => r.id === ids.csp)?.result.cost.transactionPence).toBe(
      held.result.cost.transactionPence,
    );
  });

  // --- the API ----------------------------------------------------------------------------------

  it('changes and removes through the API at the version read, with problem details naming each field', async () => {
    const api = `/api/v1/localities/${CODE}`;
    const created = await ctx.services.resources.createBudgetLine(admin.principal, CODE, {
      organisationId: ids.police,
      service: 'Neighbourhood policing',
      year: YEAR,
      amountPence: 5_000_000,
      outcomes: [{ outcomeId: ids.outcomes[0], shareBp: 5000 }],
    });
    const body = {
      organisationId: ids.police,
      service: 'Neighbourhood policing',
      year: YEAR,
      amountPence: 6_000_000,
      outcomes: [
        { outcomeId: ids.outcomes[0], shareBp: 8000 },
        { outcomeId: ids.outcomes[1], shareBp: 3000 },
      ],
      version: created.version,
    };
    const bad = await ctx.app.inject({
      method: 'PUT',
      url: `${api}/budget-lines/${created.id}`,
      headers: admin.headers,
      payload: body,
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(bad.json())).toContain('outcomes');
    const good = await ctx.app.inject({
      method: 'PUT',
      url: `${api}/budget-lines/${created.id}`,
      headers: admin.headers,
      payload: { ...body, outcomes: [{ outcomeId: ids.outcomes[0], shareBp: 8000 }] },
    });
    expect(good.statusCode).toBe(200);
    expect(good.json()).toMatchObject({ version: created.version + 1 });
    const stale = await ctx.app.inject({
      method: 'DELETE',
      url: `${api}/budget-lines/${created.id}?version=${created.version}`,
      headers: admin.headers,
    });
    expect(stale.statusCode).toBe(409);
    const removed = await ctx.app.inject({
      method: 'DELETE',
      url: `${api}/budget-lines/${created.id}?version=${created.version + 1}`,
      headers: admin.headers,
    });
    expect(removed.statusCode).toBe(204);
    // Settings are the administrator's: defaults read as version 0 until set.
    const settings = await ctx.app.inject({ method: 'GET', url: `${api}/resource-settings`, headers: admin.headers });
    expect(settings.statusCode).toBe(200);
    expect(settings.json()).toMatchObject({ financialYearStartMonth: 4 });
    expect(
      (await ctx.app.inject({ method: 'GET', url: `${api}/resource-settings`, headers: partner.headers })).statusCode,
    ).toBe(403);
  });

  // --- the fund and legal-basis lists ----------------------------------------------------------

  it('takes funds and legal bases from the reference lists the system administrator edits', async () => {
    const { reference, resources } = ctx.services;
    const sysadmin = await ctx.person([{ role: 'system-admin' }]);
    await reference.add(sysadmin.principal, 'fund', {
      code: 'fenland-trust',
      label: 'Fenland Community Trust',
      detail: 'Fenland Charitable Foundation',
    });
    const session = await signedIn(admin);
    const form = await session.get(`${BASE}/funding/new`);
    expect(form.body).toContain('<option value="fenland-trust">Fenland Community Trust</option>');
    const stream = await resources.createFundingStream(admin.principal, CODE, {
      fundCode: 'fenland-trust',
      amountPerYearPence: 10_000_000,
      startsOn: `${YEAR}-04-01`,
      endsOn: `${YEAR + 3}-03-31`,
    });
    expect(stream).toMatchObject({
      name: 'Fenland Community Trust',
      funder: 'Fenland Charitable Foundation',
    });
    // Retired: no longer offered or taken for a new stream, but the stream keeps it and can be corrected.
    await reference.update(sysadmin.principal, 'fund', 'fenland-trust', {
      label: 'Fenland Community Trust',
      active: false,
    });
    expect((await session.get(`${BASE}/funding/new`)).body).not.toContain('Fenland Community Trust</option>');
    const refused = await resources
      .createFundingStream(admin.principal, CODE, {
        fundCode: 'fenland-trust',
        amountPerYearPence: 1,
        startsOn: `${YEAR}-04-01`,
        endsOn: `${YEAR + 1}-03-31`,
      })
      .catch((e: unknown) => e);
    expect((refused as { errors: unknown[] }).errors).toEqual([
      { field: 'fundCode', message: 'Choose the fund from the list' },
    ]);
    expect((await session.get(`${BASE}/funding/${stream.id}/edit`)).body).toContain('Fenland Community Trust</option>');
    const corrected = await resources.updateFundingStream(admin.principal, CODE, stream.id, {
      fundCode: 'fenland-trust',
      name: 'Fenland Trust: Brackenfield',
      amountPerYearPence: 10_000_000,
      startsOn: `${YEAR}-04-01`,
      endsOn: `${YEAR + 3}-03-31`,
      version: stream.version,
    });
    expect(corrected.name).toBe('Fenland Trust: Brackenfield');
    // A legal basis relabelled by the administrator shows as relabelled.
    await reference.update(sysadmin.principal, 'legal-basis', 's75-nhs-act-2006', {
      label: 'Section 75 agreement (NHS Act 2006)',
    });
    expect((await session.get(`${BASE}/funding`)).body).toContain('Section 75 agreement (NHS Act 2006)');
    const basis = await resources
      .createPooledBudget(admin.principal, CODE, {
        name: 'Nothing',
        legalBasis: 'handshake',
        hostOrganisationId: ids.county,
        amountPerYearPence: 1,
        startsOn: `${YEAR}-04-01`,
        contributors: [{ organisationId: ids.county, shareBp: 10_000 }],
      })
      .catch((e: unknown) => e);
    expect((basis as { errors: unknown[] }).errors).toEqual([
      { field: 'legalBasis', message: 'Choose the legal basis from the list' },
    ]);
  });
});
