import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Person, type TestContext, createTestContext } from '../../../test/helpers/context.js';
import { backends } from '../../../test/helpers/database.js';
import { FormSession } from '../../../test/helpers/forms.js';
import { PUBLIC, SYSTEM } from '../../core/actor.js';
import { ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError } from '../../core/errors.js';
import { THREE_SIXTY_COLUMNS } from './three-sixty-giving.js';
import { APPLY_RATE_LIMIT } from './routes.js';
import { LinkExpiredError } from './service.js';

const CODE = 'E07000041';
const TODAY = '2026-04-10';
const NOW = new Date('2026-04-10T09:00:00Z');
const BASE = `/localities/${CODE}/funds`;

const application = (overrides: Record<string, unknown> = {}) => ({
  groupName: 'Kingsmead Residents Association',
  groupKind: 'community-group',
  contactName: 'Jo Bloggs',
  contactEmail: 'jo@kingsmead.example',
  postcode: 'BF1 2AB',
  title: 'Summer play scheme',
  description: 'Six weeks of supervised play on the estate.',
  amount: '3,000',
  outcomes: 'Forty children take part; fewer reports of nuisance.',
  ...overrides,
});

const errorFields = (error: unknown) => (error as ValidationError).errors.map((e) => e.field);

describe.each(backends)('community capacity funds on %s', (backend) => {
  let ctx: TestContext;
  let admin: Person;
  let panel: Person;
  let panel2: Person;
  let scrutiny: Person;
  let roundId: string;

  const outbox = (to: string) =>
    ctx.database.db.selectFrom('outbox').selectAll().where('recipient', '=', to).orderBy('id', 'desc').execute();

  beforeAll(async () => {
    ctx = await createTestContext(backend);
    await ctx.services.register.createLocality(SYSTEM, {
      gssCode: CODE,
      name: 'Fundsford',
      kind: 'district',
      region: 'East Midlands',
    });
    admin = await ctx.person([{ role: 'locality-admin', localityCode: CODE }]);
    panel = await ctx.person([{ role: 'locality-gatekeeper', localityCode: CODE }]);
    panel2 = await ctx.person([{ role: 'locality-gatekeeper', localityCode: CODE }]);
    scrutiny = await ctx.person([{ role: 'scrutiny-member', localityCode: CODE }]);
    const fund = await ctx.services.funds.createFund(admin.principal, CODE, {
      kind: 'community-chest',
      name: 'Fundsford Community Chest',
      funderName: 'Fundsford District Council',
      funderIdentifier: 'GB-LAE-FUN',
    });
    const round = await ctx.services.funds.createRound(admin.principal, CODE, fund.id, {
      title: 'Spring 2026',
      budget: '5,000',
      eligibility: 'Constituted community groups in Fundsford with an income under £50,000.',
      criteria: [
        { label: 'Need in the area', weight: 3 },
        { label: 'Reaches people not heard', weight: 1 },
      ],
      opensOn: '2026-04-01',
      closesOn: '2026-04-30',
      moderationThreshold: 15,
    });
    roundId = round.id;
  }, 120_000);
  afterAll(() => ctx?.close());

  it('lets only the administrator set up funds and rounds', async () => {
    const input = { kind: 'community-chest', name: 'X', funderName: 'Y', funderIdentifier: 'GB-LAE-FUN' };
    await expect(ctx.services.funds.createFund(panel.principal, CODE, input)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(ctx.services.funds.createFund(PUBLIC, CODE, input)).rejects.toBeInstanceOf(UnauthenticatedError);
    const bad = await ctx.services.funds
      .createRound(
        admin.principal,
        CODE,
        (await ctx.services.funds.overview(admin.principal, CODE)).funds[0]!.fund.id,
        {
          title: 'Bad',
          budget: 'lots',
          eligibility: 'Anyone',
          criteria: [],
          opensOn: '2026-05-01',
          closesOn: '2026-04-01',
        },
      )
      .catch((e: unknown) => e);
    expect(errorFields(bad).sort()).toEqual(['budget', 'criteria']);
  });

  it('saves a draft with only an email, sends a link that returns to it, and refuses it once expired', async () => {
    const { funds } = ctx.services;
    const bad = await funds
      .saveDraft(CODE, roundId, { groupName: 'Only a name' }, { now: NOW, today: TODAY })
      .catch((e: unknown) => e);
    expect(errorFields(bad)).toEqual(['contactEmail']);

    const saved = await funds.saveDraft(
      CODE,
      roundId,
      { groupName: 'Draft group', contactEmail: 'draft@example.org' },
      { now: NOW, today: TODAY },
    );
    expect(saved.application.state).toBe('draft');
    // Only the hash of the link's secret is kept.
    expect(saved.application.token_hash).not.toContain(saved.token);
    const [mail] = await outbox('draft@example.org');
    expect(mail?.body).toContain(`${BASE}/applications/return/${saved.token}`);
    expect(mail?.body).toContain('14 days');

    const back = await funds.applicationByLink(CODE, saved.token, { now: new Date('2026-04-20T09:00:00Z') });
    expect(back.application.group_name).toBe('Draft group');

    // Saving again makes a new link; the old one stops working.
    const again = await funds.saveDraft(
      CODE,
      roundId,
      { groupName: 'Draft group 2', contactEmail: 'draft@example.org' },
      { now: NOW, today: TODAY, token: saved.token },
    );
    expect(again.application.id).toBe(saved.application.id);
    await expect(funds.applicationByLink(CODE, saved.token, { now: NOW })).rejects.toBeInstanceOf(NotFoundError);

    // Fourteen days to the instant: 09:00 on the 24th it has expired.
    await expect(
      funds.applicationByLink(CODE, again.token, { now: new Date('2026-04-24T08:59:59Z') }),
    ).resolves.toBeTruthy();
    await expect(
      funds.applicationByLink(CODE, again.token, { now: new Date('2026-04-24T09:00:00Z') }),
    ).rejects.toBeInstanceOf(LinkExpiredError);
    await expect(
      funds.submit(CODE, roundId, application({ contactEmail: 'draft@example.org' }), {
        now: new Date('2026-04-25T09:00:00Z'),
        today: '2026-04-25',
        token: again.token,
      }),
    ).rejects.toBeInstanceOf(LinkExpiredError);
    await expect(funds.applicationByLink(CODE, 'not-a-real-token', { now: NOW })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('checks every answer on submission, refuses a closed round, and emails a confirmation', async () => {
    const { funds } = ctx.services;
    const bad = await funds
      .submit(CODE, roundId, { contactEmail: 'x@example.org', amount: '£3k' }, { now: NOW, today: TODAY })
      .catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(ValidationError);
    expect(errorFields(bad)).toEqual([
      'groupName',
      'groupKind',
      'contactName',
      'title',
      'description',
      'amount',
      'outcomes',
    ]);

    const closed = await funds
      .submit(CODE, roundId, application(), { now: NOW, today: '2026-05-01' })
      .catch((e: unknown) => e);
    expect((closed as ValidationError).errors).toEqual([
      { field: 'round', message: 'This round closed on 30 April 2026. It takes no more applications.' },
    ]);
    await expect(
      funds.saveDraft(CODE, roundId, { contactEmail: 'a@example.org' }, { today: '2026-03-01' }),
    ).rejects.toBeInstanceOf(ValidationError);

    const sent = await funds.submit(CODE, roundId, application(), { now: NOW, today: TODAY });
    expect(sent.application).toMatchObject({
      state: 'submitted',
      amount_pence: 300_000,
      group_name: 'Kingsmead Residents Association',
    });
    const [mail] = await outbox('jo@kingsmead.example');
    expect(mail?.subject).toBe(`Application ${sent.application.reference} received`);
    expect(mail?.body).toContain('£3000.00');
  });

  it('scores with two assessors, flags differing scores for moderation, and lets only the administrator award within the budget', async () => {
    const { funds } = ctx.services;
    const a = (await funds.submit(CODE, roundId, application({ amount: '4,000' }), { now: NOW, today: TODAY }))
      .application;
    const b = (
      await funds.submit(CODE, roundId, application({ groupName: 'Friends of Bracken Park', amount: '2,000' }), {
        now: NOW,
        today: TODAY,
      })
    ).application;

    // A scrutiny member reads the locality but does not assess; the public is asked to sign in.
    await expect(funds.assess(scrutiny.principal, CODE, a.id, { scores: {} })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(funds.application(PUBLIC, CODE, a.id)).rejects.toBeInstanceOf(UnauthenticatedError);

    const missing = await funds
      .assess(panel.principal, CODE, a.id, { scores: { 'need-in-the-area': 4 } })
      .catch((e: unknown) => e);
    expect(errorFields(missing)).toEqual(['score-reaches-people-not-heard']);

    await funds.assess(panel.principal, CODE, a.id, {
      scores: { 'need-in-the-area': 5, 'reaches-people-not-heard': 5 },
    }); // 100%
    await expect(
      funds.assess(panel.principal, CODE, a.id, { scores: { 'need-in-the-area': 1, 'reaches-people-not-heard': 1 } }),
    ).rejects.toBeInstanceOf(ValidationError);
    // Before scoring, the second assessor does not see the first's scores.
    expect((await funds.application(panel2.principal, CODE, a.id)).visibleAssessments).toEqual([]);
    await funds.assess(panel2.principal, CODE, a.id, {
      scores: { 'need-in-the-area': 3, 'reaches-people-not-heard': 2 },
    }); // 55%

    // The inbox: the admin is asked to agree a score for the first; the panel member who scored it is not asked again.
    const titles = async (who: Person) => (await funds.workFor(who.principal, NOW)).map((w) => w.title);
    expect(await titles(admin)).toContain(
      `Agree a score for application ${a.reference}: Kingsmead Residents Association`,
    );
    expect(await titles(panel)).toContain(`Score application ${b.reference}: Friends of Bracken Park`);
    expect((await titles(panel)).some((t) => t.includes(a.reference))).toBe(false);
    expect(await titles(scrutiny)).toEqual([]);

    const view = await funds.application(admin.principal, CODE, a.id);
    expect(view.moderation).toMatchObject({ needsModeration: true, difference: 450, state: 'awaiting-moderation' });
    const early = await funds
      .decide(admin.principal, CODE, a.id, { outcome: 'award', amount: '4,000', reason: 'Strong' })
      .catch((e: unknown) => e);
    expect((early as ValidationError).errors[0]?.message).toContain('agree a score');

    // An assessor may not moderate or award.
    await expect(funds.moderate(panel.principal, CODE, a.id, { agreedScore: 80, reason: 'x' })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await funds.moderate(admin.principal, CODE, a.id, {
      agreedScore: 77.5,
      reason: 'Need is well evidenced; reach is local only',
    });
    expect((await funds.application(admin.principal, CODE, a.id)).moderation).toMatchObject({
      finalScore: 775,
      state: 'settled',
    });
    await expect(
      funds.decide(panel.principal, CODE, a.id, { outcome: 'award', amount: '4,000', reason: 'x' }),
    ).rejects.toBeInstanceOf(ForbiddenError);

    await funds.decide(admin.principal, CODE, a.id, {
      outcome: 'award',
      amount: '4,000',
      reason: 'Meets the need; good value',
    });
    const [letter] = await outbox('jo@kingsmead.example');
    expect(letter?.subject).toContain('Award letter');
    expect(letter?.body).toContain('£4000.00');

    // The second application asks for £2,000 but only £1,000 is left of the £5,000.
    await funds.assess(panel.principal, CODE, b.id, {
      scores: { 'need-in-the-area': 4, 'reaches-people-not-heard': 4 },
    });
    await funds.assess(admin.principal, CODE, b.id, {
      scores: { 'need-in-the-area': 4, 'reaches-people-not-heard': 3 },
    });
    const over = await funds
      .decide(admin.principal, CODE, b.id, { outcome: 'award', amount: '2,000', reason: 'Good' })
      .catch((e: unknown) => e);
    expect((over as ValidationError).errors).toEqual([
      { field: 'amount', message: 'The award cannot be more than the £1,000 left in the round’s budget' },
    ]);
    const awarded = await funds.decide(admin.principal, CODE, b.id, {
      outcome: 'award',
      amount: '1,000',
      reason: 'Part funded: the round is nearly spent',
    });
    expect(awarded.awarded_pence).toBe(100_000);
    const round = await funds.publicRound(CODE, roundId, { today: TODAY });
    expect(round.remainingPence).toBe(0);

    // Payments by instalment, then the monitoring return at the end.
    await expect(
      funds.recordMonitoring(admin.principal, CODE, a.id, { spent: '4,000', outcomes: 'Done' }),
    ).rejects.toBeInstanceOf(ValidationError);
    const schedule = await funds.schedulePayments(admin.principal, CODE, a.id, {
      instalments: 2,
      firstDueOn: '2026-05-01',
      monthsApart: 3,
    });
    expect(schedule.map((p) => [p.dueOn, p.amountPence])).toEqual([
      ['2026-05-01', 200_000],
      ['2026-08-01', 200_000],
    ]);
    const payments = await funds.repository.payments(ctx.database.db, a.id);
    for (const p of payments) await funds.markPaid(admin.principal, CODE, p.id, { today: TODAY });
    await expect(funds.markPaid(admin.principal, CODE, payments[0]!.id)).rejects.toBeInstanceOf(ValidationError);
    await expect(
      funds.schedulePayments(admin.principal, CODE, a.id, { instalments: 1, firstDueOn: '2026-05-01', monthsApart: 0 }),
    ).rejects.toBeInstanceOf(ValidationError);
    const overSpent = await funds
      .recordMonitoring(admin.principal, CODE, a.id, { spent: '4,000.01', outcomes: 'Done' })
      .catch((e: unknown) => e);
    expect(errorFields(overSpent)).toEqual(['spent']);
    const done = await funds.recordMonitoring(admin.principal, CODE, a.id, {
      spent: '3,950',
      outcomes: '46 children took part',
    });
    expect(done.monitoring_spent_pence).toBe(395_000);

    // The public list holds awards only: no drafts, no pending or declined applications, no contacts.
    const { awards } = await funds.awards(CODE);
    expect(awards.map((x) => [x.group_name, x.awarded_pence])).toEqual(
      expect.arrayContaining([
        ['Kingsmead Residents Association', 400_000],
        ['Friends of Bracken Park', 100_000],
      ]),
    );
    expect(awards).toHaveLength(2);
    expect(JSON.stringify(awards)).not.toContain('jo@kingsmead.example');
  });

  it('never lets two awards made at once spend more than the round has left', async () => {
    const { funds } = ctx.services;
    const fund = (await funds.overview(admin.principal, CODE)).funds[0]!.fund;
    const round = await funds.createRound(admin.principal, CODE, fund.id, {
      title: 'Small round',
      budget: '1,000',
      eligibility: 'Anyone',
      criteria: [{ label: 'Need', weight: 1 }],
      opensOn: '2026-04-01',
      closesOn: '2026-04-30',
    });
    const ids: string[] = [];
    for (const name of ['One', 'Two']) {
      const { application: app } = await funds.submit(CODE, round.id, application({ groupName: name, amount: '700' }), {
        now: NOW,
        today: TODAY,
      });
      await funds.assess(panel.principal, CODE, app.id, { scores: { need: 4 } });
      await funds.assess(panel2.principal, CODE, app.id, { scores: { need: 4 } });
      ids.push(app.id);
    }
    const results = await Promise.allSettled(
      ids.map((id) => funds.decide(admin.principal, CODE, id, { outcome: 'award', amount: '700', reason: 'Good' })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((await funds.publicRound(CODE, round.id, { today: TODAY })).remainingPence).toBe(30_000);
  });

  it('serves the public form, the group’s own application by its link, the awards and the 360Giving export', async () => {
    const visitor = new FormSession(ctx.app);
    const overview = await visitor.get(BASE);
    expect(overview.statusCode).toBe(200);
    expect(overview.body).toContain('Fundsford Community Chest');

    // The round's dates are real ones, so the open round for the page is made here.
    const fund = (await ctx.services.funds.overview(admin.principal, CODE)).funds[0]!.fund;
    const open = await ctx.services.funds.createRound(admin.principal, CODE, fund.id, {
      title: 'Always open',
      budget: '10,000',
      eligibility: 'Anyone',
      criteria: [{ label: 'Need', weight: 1 }],
      opensOn: '2020-01-01',
      closesOn: '2099-12-31',
    });
    const form = `${BASE}/rounds/${open.id}/apply`;
    const bad = await visitor.submit(form, form, { ...application({ groupName: '' }), action: 'submit' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('govuk-error-summary');
    expect(bad.body).toContain('Enter your group’s name');
    const sent = await visitor.submit(form, form, {
      ...application({ contactEmail: 'page@example.org' }),
      action: 'submit',
    });
    expect(sent.statusCode).toBe(303);
    const [mail] = await outbox('page@example.org');
    const link = /\/localities\/[^\s]+\/applications\/return\/[A-Za-z0-9_-]+/.exec(mail?.body ?? '')?.[0] as string;
    const own = await visitor.get(link);
    expect(own.statusCode).toBe(200);
    expect(own.body).toContain('Summer play scheme');
    expect(own.body).not.toContain('Friends of Bracken Park');
    expect((await visitor.get(`${BASE}/applications/return/not-a-real-token`)).statusCode).toBe(404);
    // A link sent in 2020 has long expired: the page says so.
    const old = await ctx.services.funds.saveDraft(
      CODE,
      open.id,
      { contactEmail: 'old@example.org' },
      { now: new Date('2020-02-01T12:00:00Z'), today: '2020-02-01' },
    );
    const expired = await visitor.get(`${BASE}/applications/return/${old.token}`);
    expect(expired.statusCode).toBe(410);
    expect(expired.body).toContain('This link has expired');

    // The spring round closed on 30 April 2026: no form, and a sent form is refused with the reason.
    const closedPage = await visitor.get(`${BASE}/rounds/${roundId}/apply`);
    expect(closedPage.body).toContain('This round closed on 30 April 2026. It takes no more applications.');
    expect(closedPage.body).not.toContain('Send your application');
    const refusedForm = await visitor.submit(form, `${BASE}/rounds/${roundId}/apply`, {
      ...application(),
      action: 'submit',
    });
    expect(refusedForm.statusCode).toBe(422);
    expect(refusedForm.body).toContain('This round closed on 30 April 2026');

    // The public sees the awards only; assessors' pages ask them to sign in.
    const awards = await visitor.get(`${BASE}/awards`);
    expect(awards.body).toContain('Kingsmead Residents Association');
    expect(awards.body).not.toContain('jo@kingsmead.example');
    expect((await visitor.get(`${BASE}/rounds/${roundId}`)).statusCode).toBe(303);

    const csv = await visitor.get(`${BASE}/awards.csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(THREE_SIXTY_COLUMNS.join(','));
    expect(csv.body).toContain('GBP,4000.00');
    const json = JSON.parse((await visitor.get(`${BASE}/awards.json`)).body) as {
      grants: Array<Record<string, unknown>>;
    };
    const grant = json.grants.find((g) => g.amountAwarded === 4000);
    expect(grant).toMatchObject({
      currency: 'GBP',
      fundingOrganization: [{ id: 'GB-LAE-FUN', name: 'Fundsford District Council' }],
      recipientOrganization: [
        expect.objectContaining({ name: 'Kingsmead Residents Association', postalCode: 'BF1 2AB' }),
      ],
    });
    expect(String(grant?.id)).toMatch(/^360G-joinedup-E07000041-CC-2026-/);

    // The same through the pages: an assessor reads and scores, but the decision is refused them.
    const token = link.split('/').pop() as string;
    const sentId = (await ctx.services.funds.applicationByLink(CODE, token)).application.id;
    const page = `${BASE}/applications/${sentId}`;
    expect((await ctx.app.inject({ method: 'GET', url: page, headers: panel.headers })).statusCode).toBe(200);
    const refused = await ctx.app.inject({
      method: 'POST',
      url: `${page}/decision`,
      headers: { ...panel.headers, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'outcome=award&amount=100&reason=x',
    });
    expect(refused.statusCode).toBe(403);
    const scored = await ctx.app.inject({
      method: 'POST',
      url: `${page}/assessment`,
      headers: { ...panel.headers, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'score-need=9',
    });
    expect(scored.statusCode).toBe(422);
    expect(scored.body).toContain('The score for “Need” must be a whole number from 0 to 5');
    expect(scored.body).toContain('href="#score-need"');
    // A reader of the locality who is not an assessor is refused the assessors' pages.
    expect((await ctx.app.inject({ method: 'GET', url: page, headers: scrutiny.headers })).statusCode).toBe(403);
  });

  it('throttles the public form: past the limit from one address, posts are refused', async () => {
    const sender = new FormSession(ctx.app);
    const form = `${BASE}/rounds/${roundId}/apply`;
    const statuses: number[] = [];
    for (let attempt = 0; attempt <= APPLY_RATE_LIMIT.max; attempt++) {
      // The closed round's page has no form, so the CSRF token comes from the sign-in page's.
      const response = await sender.submit('/sign-in', form, {
        contactEmail: `x${attempt}@example.org`,
        action: 'save',
      });
      statuses.push(response.statusCode);
      if (response.statusCode === 429) break;
    }
    // The spring round is closed, so each post is refused with the reason until the limit.
    expect(statuses.slice(0, -1).every((s) => s === 422)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});
