import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Person, type TestContext, createTestContext } from '../../../test/helpers/context.js';
import { backends } from '../../../test/helpers/database.js';
import { FormSession } from '../../../test/helpers/forms.js';
import { SYSTEM } from '../../core/actor.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../core/errors.js';

const CODE = 'E07000042';
const BASE = `/localities/${CODE}/funds`;
const NOW = new Date('2026-04-10T09:00:00Z');
const TODAY = '2026-04-10';

const application = (overrides: Record<string, unknown> = {}) => ({
  groupName: 'Millbrook Allotment Society',
  groupKind: 'community-group',
  contactName: 'Sam Patel',
  contactEmail: 'sam@millbrook.example',
  title: 'Raised beds for older growers',
  description: 'Six raised beds and a ramp.',
  amount: '1,200',
  outcomes: 'Twelve older members keep growing.',
  ...overrides,
});

const errors = (error: unknown) => (error as ValidationError).errors;
const linkIn = (body: string) =>
  /\/localities\/[^\s]+\/applications\/return\/([A-Za-z0-9_-]+)/.exec(body)?.[1] as string;

describe.each(backends)('fund monitoring returns, edits and withdrawals on %s', (backend) => {
  let ctx: TestContext;
  let admin: Person;
  let panel: Person;
  let panel2: Person;
  let fundId: string;
  let roundId: string;

  const outbox = (to: string) =>
    ctx.database.db.selectFrom('outbox').selectAll().where('recipient', '=', to).orderBy('id', 'desc').execute();

  /** An application sent, scored by two assessors and awarded, and every instalment paid. */
  async function paidAward(email: string, amount = '1,000') {
    const { funds } = ctx.services;
    const { application: a } = await funds.submit(CODE, roundId, application({ contactEmail: email, amount }), {
      now: NOW,
      today: TODAY,
    });
    for (const who of [panel, panel2]) await funds.assess(who.principal, CODE, a.id, { scores: { need: 4 } });
    await funds.decide(admin.principal, CODE, a.id, { outcome: 'award', amount, reason: 'Good' });
    await funds.schedulePayments(admin.principal, CODE, a.id, { instalments: 1, firstDueOn: TODAY, monthsApart: 0 });
    const [payment] = (await funds.application(admin.principal, CODE, a.id)).payments;
    return { a, payment: payment! };
  }

  beforeAll(async () => {
    ctx = await createTestContext(backend);
    await ctx.services.register.createLocality(SYSTEM, {
      gssCode: CODE,
      name: 'Millbrook',
      kind: 'district',
      region: 'East Midlands',
    });
    admin = await ctx.person([{ role: 'locality-admin', localityCode: CODE }]);
    panel = await ctx.person([{ role: 'locality-gatekeeper', localityCode: CODE }]);
    panel2 = await ctx.person([{ role: 'locality-gatekeeper', localityCode: CODE }]);
    const fund = await ctx.services.funds.createFund(admin.principal, CODE, {
      kind: 'community-chest',
      name: 'Millbrook Community Chest',
      funderName: 'Millbrook District Council',
      funderIdentifier: 'GB-LAE-MIL',
    });
    fundId = fund.id;
    const round = await ctx.services.funds.createRound(admin.principal, CODE, fund.id, {
      title: 'Spring 2026',
      budget: '5,000',
      eligibility: 'Groups in Millbrook.',
      criteria: [{ label: 'Need', weight: 1 }],
      opensOn: '2026-04-01',
      closesOn: '2026-04-30',
    });
    roundId = round.id;
  }, 120_000);
  afterAll(() => ctx?.close());

  it('lets the group write its monitoring return online, save and come back, send it, and an officer review it', async () => {
    const { funds } = ctx.services;
    const { a, payment } = await paidAward('return@millbrook.example');
    // Not until every instalment is paid.
    const early = await funds.requestMonitoring(admin.principal, CODE, a.id).catch((e: unknown) => e);
    expect(errors(early)[0]?.message).toContain('once every instalment is paid');
    await funds.markPaid(admin.principal, CODE, payment.id, { today: TODAY });
    await expect(funds.requestMonitoring(panel.principal, CODE, a.id)).rejects.toBeInstanceOf(ForbiddenError);
    await funds.requestMonitoring(admin.principal, CODE, a.id);
    const [asked] = await outbox('return@millbrook.example');
    expect(asked?.subject).toContain('Your monitoring return');
    const first = linkIn(asked?.body ?? '');

    // The group opens its link, saves half an answer and gets a new link; the old one stops working.
    const group = new FormSession(ctx.app);
    const page = `${BASE}/applications/return/${first}`;
    const form = await group.get(page);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('How much of the award did you spend?');
    const saved = await group.submit(page, `${page}/monitoring`, { spent: '400', action: 'save' });
    expect(saved.statusCode).toBe(303);
    expect((await group.get(page)).statusCode).toBe(404);
    const second = linkIn((await outbox('return@millbrook.example'))[0]?.body ?? '');
    const back = await group.get(`${BASE}/applications/return/${second}`);
    expect(back.body).toContain('value="400"');

    // Sending checks both answers and the amount, keeping what was typed.
    const page2 = `${BASE}/applications/return/${second}`;
    const bad = await group.submit(page2, `${page2}/monitoring`, { spent: '1,500', outcomes: '', action: 'submit' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('govuk-error-summary');
    expect(bad.body).toContain('Say what the group achieved with the money');
    expect(bad.body).toContain('value="1,500"');
    const over = await funds
      .submitMonitoring(CODE, second, { spent: '1,500', outcomes: 'All of it' })
      .catch((e: unknown) => e);
    expect(errors(over)[0]?.message).toBe('Amount spent cannot be more than the award of £1000.00');
    const sent = await group.submit(page2, `${page2}/monitoring`, {
      spent: '950',
      outcomes: 'Six beds built; twelve members growing again.',
      action: 'submit',
    });
    expect(sent.statusCode).toBe(303);
    const third = linkIn((await outbox('return@millbrook.example'))[0]?.body ?? '');
    const done = await group.get(`${BASE}/applications/return/${third}`);
    expect(done.body).toContain('You sent your monitoring return');
    expect(done.body).not.toContain('How much of the award did you spend?');

    // The administrator is asked to review it; asks for a change; the group changes it; it is accepted.
    const work = (await funds.workFor(admin.principal, NOW)).map((w) => w.title);
    expect(work).toContain(`Review the monitoring return for ${a.reference}: Millbrook Allotment Society`);
    const noNote = await funds
      .reviewMonitoring(admin.principal, CODE, a.id, { outcome: 'changes' })
      .catch((e: unknown) => e);
    expect(errors(noNote).map((e) => e.field)).toEqual(['note']);
    await funds.reviewMonitoring(admin.principal, CODE, a.id, {
      outcome: 'changes',
      note: 'Say what the £50 left over will be used for.',
    });
    const fourth = linkIn((await outbox('return@millbrook.example'))[0]?.body ?? '');
    const again = await group.get(`${BASE}/applications/return/${fourth}`);
    expect(again.body).toContain('Say what the £50 left over will be used for.');
    expect(again.body).toContain('value="950"');
    await funds.submitMonitoring(CODE, fourth, { spent: '950', outcomes: 'Six beds; £50 returned to the fund.' });
    const accepted = await funds.reviewMonitoring(admin.principal, CODE, a.id, { outcome: 'accept' });
    expect(accepted.monitoring_state).toBe('accepted');
    expect(accepted.monitoring_spent_pence).toBe(95_000);
    expect((await funds.workFor(admin.principal, NOW)).some((w) => w.title.includes(a.reference))).toBe(false);
    // An officer can no longer record over it, and the group's link no longer takes a return.
    await expect(
      funds.recordMonitoring(admin.principal, CODE, a.id, { spent: '1', outcomes: 'x' }),
    ).rejects.toBeInstanceOf(ValidationError);
    const trail = await ctx.database.db
      .selectFrom('audit_events')
      .select(['action', 'summary'])
      .where('entity_id', '=', a.id)
      .orderBy('id')
      .execute();
    expect(trail.map((e) => e.summary)).toEqual(
      expect.arrayContaining([
        `Award ${a.reference}: monitoring return sent by the group`,
        `Award ${a.reference}: changes asked for in the monitoring return`,
        `Award ${a.reference}: monitoring return accepted`,
      ]),
    );
  });

  it('changes a fund and a round as read, never taking the budget below what is awarded', async () => {
    const { funds } = ctx.services;
    const fund = (await funds.fund(admin.principal, CODE, fundId)).fund;
    await expect(
      funds.updateFund(panel.principal, CODE, fundId, {
        kind: 'community-chest',
        name: 'X',
        funderName: 'Y',
        funderIdentifier: 'GB-LAE-MIL',
        version: fund.version,
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    const changed = await funds.updateFund(admin.principal, CODE, fundId, {
      kind: 'community-chest',
      name: 'Millbrook Community Chest 2026',
      funderName: 'Millbrook District Council',
      funderIdentifier: 'GB-LAE-MIL',
      version: fund.version,
    });
    expect(changed.name).toBe('Millbrook Community Chest 2026');
    // A second edit made from the same reading is refused.
    await expect(
      funds.updateFund(admin.principal, CODE, fundId, {
        kind: 'other',
        name: 'Stale',
        funderName: 'Y',
        funderIdentifier: 'GB-LAE-MIL',
        version: fund.version,
      }),
    ).rejects.toBeInstanceOf(ConflictError);

    const { round, awardedPence } = await funds.roundForEdit(admin.principal, CODE, roundId);
    expect(awardedPence).toBeGreaterThan(0);
    const input = (overrides: Record<string, unknown>) => ({
      title: round.title,
      budget: '5,000',
      eligibility: round.eligibility,
      criteria: [{ label: 'Need', weight: 1 }],
      opensOn: round.opens_on,
      closesOn: round.closes_on,
      version: round.version,
      ...overrides,
    });
    const low = await funds
      .updateRound(admin.principal, CODE, roundId, input({ budget: '500' }))
      .catch((e: unknown) => e);
    expect(errors(low)).toEqual([
      {
        field: 'budget',
        message: `Budget cannot be less than the £${(awardedPence / 100).toFixed(2)} already awarded from this round`,
      },
    ]);
    const reweighted = await funds
      .updateRound(admin.principal, CODE, roundId, input({ criteria: [{ label: 'Need', weight: 3 }] }))
      .catch((e: unknown) => e);
    expect(errors(reweighted)[0]?.field).toBe('criteria');
    const bigger = await funds.updateRound(
      admin.principal,
      CODE,
      roundId,
      input({ budget: '8,000', title: 'Spring 2026 (extended)' }),
    );
    expect(bigger.budget_pence).toBe(800_000);
    await expect(funds.updateRound(admin.principal, CODE, roundId, input({}))).rejects.toBeInstanceOf(ConflictError);

    // Through the page: the form keeps what was typed and names the problem.
    const session = new FormSession(ctx.app);
    await session.signIn(admin.email, admin.password);
    const edit = `${BASE}/rounds/${roundId}/edit`;
    const page = await session.get(edit);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Spring 2026 (extended)');
    const refused = await session.submit(edit, edit, { budget: '1' });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('already awarded from this round');
  });

  it('lets a group withdraw through its link, and the administrator withdraw with a reason after a confirmation', async () => {
    const { funds } = ctx.services;
    // The link is made now, for the page to accept it; the round is open on its April day.
    const own = await funds.submit(CODE, roundId, application({ contactEmail: 'leave@millbrook.example' }), {
      now: new Date(),
      today: TODAY,
    });
    const group = new FormSession(ctx.app);
    const page = `${BASE}/applications/return/${own.token}`;
    const confirm = await group.get(`${page}/withdraw`);
    expect(confirm.body).toContain('Are you sure you want to withdraw your application?');
    const gone = await group.submit(`${page}/withdraw`, `${page}/withdraw`, { reason: 'We found other funding' });
    expect(gone.statusCode).toBe(303);
    expect((await group.get(page)).body).toContain('The application was withdrawn');
    expect((await outbox('leave@millbrook.example'))[0]?.subject).toBe(
      `Application ${own.application.reference} withdrawn`,
    );
    // It cannot be withdrawn twice, assessed or decided.
    await expect(funds.withdrawByLink(CODE, own.token, {})).rejects.toBeInstanceOf(ValidationError);
    await expect(
      funds.assess(panel.principal, CODE, own.application.id, { scores: { need: 3 } }),
    ).rejects.toBeInstanceOf(ValidationError);

    const other = await funds.submit(CODE, roundId, application({ contactEmail: 'officer@millbrook.example' }), {
      now: NOW,
      today: TODAY,
    });
    await expect(funds.withdraw(panel.principal, CODE, other.application.id, { reason: 'x' })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    const noReason = await funds.withdraw(admin.principal, CODE, other.application.id, {}).catch((e: unknown) => e);
    expect(errors(noReason)[0]?.field).toBe('reason');
    await funds.withdraw(admin.principal, CODE, other.application.id, { reason: 'The group is not in Millbrook' });
    const detail = await funds.application(admin.principal, CODE, other.application.id);
    expect(detail.application.state).toBe('withdrawn');
    // An award cannot be withdrawn.
    const { a } = await paidAward('kept@millbrook.example', '100');
    await expect(funds.withdraw(admin.principal, CODE, a.id, { reason: 'x' })).rejects.toBeInstanceOf(ValidationError);
    await expect(
      funds.withdraw(admin.principal, CODE, 'b6a1e3f0-0000-4000-8000-000000000000', { reason: 'x' }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('publishes awards under the locality’s own 360Giving prefix once it sets one', async () => {
    const { funds } = ctx.services;
    const before = await funds.settings(CODE);
    expect(before.prefix).toBe(`360G-joinedup-${CODE}`);
    const bad = await funds
      .saveSettings(admin.principal, CODE, { threeSixtyPrefix: 'GB-LAE-MIL', version: 0 })
      .catch((e: unknown) => e);
    expect(errors(bad)[0]?.field).toBe('threeSixtyPrefix');
    await expect(
      funds.saveSettings(panel.principal, CODE, { threeSixtyPrefix: '360G-millbrook', version: 0 }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await funds.saveSettings(admin.principal, CODE, { threeSixtyPrefix: '360G-millbrook', version: 0 });
    await expect(
      funds.saveSettings(admin.principal, CODE, { threeSixtyPrefix: '360G-other', version: 0 }),
    ).rejects.toBeInstanceOf(ConflictError);
    const json = JSON.parse((await ctx.app.inject({ url: `${BASE}/awards.json` })).body) as {
      grants: Array<{ id: string }>;
    };
    expect(json.grants.length).toBeGreaterThan(0);
    for (const g of json.grants) expect(g.id).toMatch(/^360G-millbrook-CC-2026-/);
    const csv = (await ctx.app.inject({ url: `${BASE}/awards.csv` })).body;
    expect(csv).toContain('360G-millbrook-CC-2026-');
  });
});
