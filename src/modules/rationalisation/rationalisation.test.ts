import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../core/actor.js';
import { todayInLondon } from '../../core/dates.js';
import { ValidationError } from '../../core/errors.js';
import { backends } from '../../../test/helpers/database.js';
import { type Person, type TestContext, createTestContext } from '../../../test/helpers/context.js';
import { FormSession } from '../../../test/helpers/forms.js';
import type { PerformanceService } from '../performance/service.js';
import { RationalisationService } from './service.js';

const CODE = 'E07000077';
const REGION = 'North West';
const today = todayInLondon();
const yesterday = new Date(Date.parse(`${today}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to be refused');
}
const messages = (error: Error) =>
  error instanceof ValidationError ? error.errors.map((e) => e.message).join(' ') : error.message;

describe.each(backends)('rationalisation on %s', (backend) => {
  let ctx: TestContext;
  let admin: Person;
  let adviser: Person;
  let secretaryOfA: Person;
  const orgs: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const base = {
    purpose: 'Tackle domestic abuse across the district',
    basis: 'voluntary',
    legalForm: 'unincorporated',
    layer: 'operational' as const,
    establishedOn: '2020-04-01',
    meetingsPerYear: 6,
    meetingMinutes: 120,
  };

  beforeAll(async () => {
    ctx = await createTestContext(backend);
    const { register } = ctx.services;
    await register.createLocality(SYSTEM, { gssCode: CODE, name: 'Mergeford', kind: 'district', region: REGION });
    for (const [key, name, sector] of [
      ['council', 'Mergeford Council', 'public'],
      ['police', 'Mergeford Police', 'public'],
      ['refuge', 'Mergeford Refuge', 'voluntary'],
      ['nhs', 'Mergeford NHS Trust', 'public'],
    ] as const) {
      orgs[key] = (
        await register.createOrganisation(SYSTEM, CODE, {
          name,
          sector,
          orgType: sector === 'voluntary' ? 'charity' : 'district-council',
        })
      ).id;
    }
    admin = await ctx.person([{ role: 'locality-admin', localityCode: CODE }]);
    adviser = await ctx.person([{ role: 'go-adviser', region: REGION }]);
  });
  afterAll(() => ctx.close());

  /** A fresh small register before each test: the LSP, two alike forums, a statutory CSP and a company. */
  beforeEach(async () => {
    const { register } = ctx.services;
    const stamp = Math.random().toString(36).slice(2, 7);
    ids.lsp = (
      await register.createPartnership(SYSTEM, CODE, {
        ...base,
        name: `Mergeford Partnership ${stamp}`,
        purpose: 'The local strategic partnership',
        layer: 'strategic',
      })
    ).id;
    ids.a = (
      await register.createPartnership(SYSTEM, CODE, {
        ...base,
        name: `Domestic Abuse Forum ${stamp}`,
        parentId: ids.lsp,
      })
    ).id;
    ids.b = (
      await register.createPartnership(SYSTEM, CODE, {
        ...base,
        name: `Domestic Violence Group ${stamp}`,
        meetingsPerYear: 10,
      })
    ).id;
    ids.csp = (
      await register.createPartnership(SYSTEM, CODE, {
        ...base,
        name: `Community Safety Partnership ${stamp}`,
        basis: 'statutory',
        statutoryType: 'community-safety-partnership',
      })
    ).id;
    ids.trust = (
      await register.createPartnership(SYSTEM, CODE, {
        ...base,
        name: `Refuge Trust ${stamp}`,
        legalForm: 'company-limited-by-guarantee',
      })
    ).id;
    await register.addMemberships(SYSTEM, CODE, ids.a, [
      { organisationId: orgs.council, role: 'chair' },
      { organisationId: orgs.police, role: 'member' },
    ]);
    await register.addMemberships(SYSTEM, CODE, ids.b, [
      { organisationId: orgs.refuge, role: 'chair' },
      { organisationId: orgs.police, role: 'member' },
      { organisationId: orgs.nhs, role: 'member' },
    ]);
    secretaryOfA = await ctx.person([
      { role: 'partnership-secretary', localityCode: CODE, partnershipId: ids.a as string },
    ]);
  });

  async function mergePlan(effectiveOn = today) {
    const { rationalisation } = ctx.services;
    const plan = await rationalisation.createPlan(admin.principal, CODE, {
      title: 'One domestic abuse forum',
      rationale: 'Same purpose, same people',
      effectiveOn,
    });
    await rationalisation.addOperation(admin.principal, CODE, plan.id, {
      kind: 'merge',
      subjectIds: [ids.a, ids.b],
      targetId: ids.a,
    });
    return plan;
  }

  async function agreeAll(planId: string) {
    const { rationalisation } = ctx.services;
    await rationalisation.recordConsent(secretaryOfA.principal, CODE, planId, {
      partnershipId: ids.a,
      decision: 'agree',
    });
    await rationalisation.recordConsent(admin.principal, CODE, planId, {
      partnershipId: ids.b,
      decision: 'conditions',
      detail: 'The refuge keeps the chair of the survivors’ panel',
      onBehalfOfBoard: true,
    });
  }

  it('merges two partnerships once both agree: members carried across, the other marked merged, lineage kept, the adviser told and free to comment', async () => {
    const { rationalisation, register } = ctx.services;
    const plan = await mergePlan();
    const notReady = await rejection(rationalisation.carryOut(admin.principal, CODE, plan.id));
    expect(messages(notReady)).toMatch(
      /Still waiting for the agreement of Domestic Abuse Forum .*, Domestic Violence Group/,
    );

    await agreeAll(plan.id);
    const list = await ctx.app.inject({
      method: 'GET',
      url: `/localities/${CODE}/rationalisation`,
      headers: adviser.headers,
    });
    expect(list.body).toMatch(new RegExp(`${plan.reference}: One domestic abuse forum[\\s\\S]*?2 of 2 agreed`));
    await rationalisation.addComment(adviser.principal, CODE, plan.id, {
      body: 'Sensible: keep the refuge’s voice on the board.',
    });
    const detail = await rationalisation.getPlan(admin.principal, CODE, plan.id);
    expect(detail.readiness).toEqual({ ready: true, reasons: [] });
    expect(detail.comments[0]).toMatchObject({
      author_role: 'Government Office adviser',
      body: 'Sensible: keep the refuge’s voice on the board.',
    });
    expect(detail.affected.map((a) => a.answer?.on_behalf_of_board)).toEqual([false, true]);
    expect(detail.comparison.after.partnerships).toBe(detail.comparison.before.partnerships - 1);
    expect(detail.comparison.savingPence).toBeGreaterThan(0);
    expect(detail.previews[0]?.members.map((m) => m.name).sort()).toEqual([
      'Mergeford Council',
      'Mergeford NHS Trust',
      'Mergeford Police',
      'Mergeford Refuge',
    ]);
    expect(detail.previews[0]?.members.find((m) => m.name === 'Mergeford Refuge')?.role).toBe('member');
    const told = await ctx.services.notifications.inbox(adviser.principal);
    expect(told.notifications.map((n) => n.subject)).toContain(
      `New rationalisation plan in Mergeford: ${plan.reference}`,
    );

    await rationalisation.carryOut(admin.principal, CODE, plan.id);
    const a = await register.getPartnership(admin.principal, CODE, ids.a as string);
    const b = await register.getPartnership(admin.principal, CODE, ids.b as string);
    expect(b.partnership).toMatchObject({ status: 'merged', closed_on: today });
    expect(
      a.members
        .filter((m) => m.ended_on === null)
        .map((m) => `${m.organisation_name}:${m.role}`)
        .sort(),
    ).toEqual([
      'Mergeford Council:chair',
      'Mergeford NHS Trust:member',
      'Mergeford Police:member',
      'Mergeford Refuge:member',
    ]);
    expect(a.partnership.meetings_per_year).toBe(6);

    const lineage = await rationalisation.lineage(admin.principal, CODE, ids.a as string);
    expect(lineage.predecessors.map((p) => p.name)).toEqual([b.partnership.name]);
    expect(lineage.chain.map((n) => n.origin.kind)).toEqual(['creation', 'creation']);
    // Established in 2020, entered today: the lineage says so, and that nothing before is recorded.
    expect(lineage.chain[0]?.origin.text).toMatch(
      /^Established 1 April 2020\. Entered in the register by .+ on \d{1,2} \w+ \d{4}; its history before then is not recorded$/,
    );
    expect(lineage.chain[0]?.origin.on).toBeUndefined();
    const after = await rationalisation.lineage(admin.principal, CODE, ids.b as string);
    expect(after.successors[0]).toMatchObject({
      how: 'Merged into',
      name: a.partnership.name,
      planReference: plan.reference,
    });

    const carried = await rationalisation.getPlan(admin.principal, CODE, plan.id);
    expect(carried.plan.status).toBe('carried-out');
    expect(Number(carried.plan.predicted_saving_pence)).toBe(detail.comparison.savingPence);
    const again = await rejection(rationalisation.carryOut(admin.principal, CODE, plan.id));
    expect(messages(again)).toMatch(/already carried out/);
  });

  it('shows the register as at a date before the merge with the original partnerships and their members', async () => {
    const { rationalisation, register } = ctx.services;
    const plan = await mergePlan();
    await agreeAll(plan.id);
    await rationalisation.carryOut(admin.principal, CODE, plan.id);

    const then = await register.registerAsAt(admin.principal, CODE, yesterday, { pageSize: 500 });
    const a = then.items.find((p) => p.id === ids.a);
    const b = then.items.find((p) => p.id === ids.b);
    expect(b).toMatchObject({ status: 'active', member_count: 3 });
    expect(b?.members.map((m) => m.organisation_name).sort()).toEqual([
      'Mergeford NHS Trust',
      'Mergeford Police',
      'Mergeford Refuge',
    ]);
    expect(a?.members.map((m) => m.organisation_name).sort()).toEqual(['Mergeford Council', 'Mergeford Police']);

    const now = await register.registerAsAt(admin.principal, CODE, today, { pageSize: 500 });
    expect(now.items.find((p) => p.id === ids.b)).toBeUndefined();
    expect(now.items.find((p) => p.id === ids.a)?.member_count).toBe(4);

    // The register page and the map answer for the same date.
    const bName = b?.name ?? '';
    const page = await ctx.app.inject({
      method: 'GET',
      url: `/localities/${CODE}/partnerships?asAt=${yesterday}&q=${encodeURIComponent(bName)}`,
      headers: admin.headers,
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Partnership register as at');
    expect(page.body).toMatch(/class="govuk-details__text app-members-then">[^<]*Mergeford Refuge/);
    const detailThen = await ctx.app.inject({
      method: 'GET',
      url: `/localities/${CODE}/partnerships/${ids.b}?asAt=${yesterday}`,
      headers: admin.headers,
    });
    expect(detailThen.body).toContain('As it stood at the end of');
    expect(detailThen.body).toContain('Mergeford NHS Trust');
    expect(detailThen.body).not.toContain('>Merged<');
    const [y, m, d] = yesterday.split('-');
    const mapPage = await ctx.app.inject({
      method: 'GET',
      url: `/localities/${CODE}/map?asAt-day=${Number(d)}&asAt-month=${Number(m)}&asAt-year=${y}`,
      headers: admin.headers,
    });
    expect(mapPage.body).toContain('Partnership map as at');
    expect(mapPage.body).toContain(`/api/v1/localities/${CODE}/map?asAt=${yesterday}`);
    const mapThen = (
      await ctx.app.inject({
        method: 'GET',
        url: `/api/v1/localities/${CODE}/map?asAt=${yesterday}`,
        headers: admin.headers,
      })
    ).json() as { nodes: Array<{ label: string; status: string }> };
    expect(mapThen.nodes.find((n) => n.label === bName)?.status).toBe('active');
    const mapNow = (
      await ctx.app.inject({ method: 'GET', url: `/api/v1/localities/${CODE}/map`, headers: admin.headers })
    ).json() as { nodes: Array<{ label: string }> };
    expect(mapNow.nodes.find((n) => n.label === bName)).toBeUndefined();
  });

  it('asks everyone again when the plan is amended', async () => {
    const { rationalisation } = ctx.services;
    const plan = await mergePlan();
    await agreeAll(plan.id);
    expect((await rationalisation.getPlan(admin.principal, CODE, plan.id)).consent.complete).toBe(true);
    await rationalisation.addOperation(admin.principal, CODE, plan.id, {
      kind: 'nest',
      subjectIds: [ids.csp],
      targetId: ids.lsp,
    });
    const amended = await rationalisation.getPlan(admin.principal, CODE, plan.id);
    expect(amended.plan.consent_round).toBe(2);
    expect(amended.consent).toMatchObject({ complete: false });
    expect(amended.consent.pending).toHaveLength(4);
    expect(amended.readiness.ready).toBe(false);
    const inbox = await ctx.services.notifications.inbox(secretaryOfA.principal);
    expect(inbox.notifications.map((n) => n.body).join(' ')).toMatch(
      /The plan has changed, so earlier answers no longer count/,
    );
    await rationalisation.updatePlan(admin.principal, CODE, plan.id, {
      title: 'One forum, and the CSP under the LSP',
      rationale: 'Same purpose',
      effectiveOn: today,
    });
    expect((await rationalisation.getPlan(admin.principal, CODE, plan.id)).plan.consent_round).toBe(2);
  });

  it('refuses, with the reason, to merge away a company or to close a statutory partnership', async () => {
    const { rationalisation } = ctx.services;
    const plan = await rationalisation.createPlan(admin.principal, CODE, {
      title: 'Tidy up',
      rationale: 'Fewer boards',
      effectiveOn: today,
    });
    const merge = await rejection(
      rationalisation.addOperation(admin.principal, CODE, plan.id, {
        kind: 'merge',
        subjectIds: [ids.a, ids.trust],
        targetId: ids.a,
      }),
    );
    expect(messages(merge)).toMatch(
      /has separate legal status and keeps a distinct identity: it cannot be merged away\. Nest it under/,
    );
    const close = await rejection(
      rationalisation.addOperation(admin.principal, CODE, plan.id, {
        kind: 'close',
        subjectIds: [ids.csp],
        reason: 'Duplicates the LSP',
      }),
    );
    expect(messages(close)).toMatch(/is a statutory partnership, required by law: it cannot be closed/);
    await rationalisation.addOperation(admin.principal, CODE, plan.id, {
      kind: 'nest',
      subjectIds: [ids.lsp],
      targetId: ids.b,
    });
    const cycle = await rejection(
      rationalisation.addOperation(admin.principal, CODE, plan.id, {
        kind: 'nest',
        subjectIds: [ids.b],
        targetId: ids.a,
      }),
    );
    expect(messages(cycle)).toMatch(/nesting cycle/);
  });

  it('lets a secretary answer only for their own partnership', async () => {
    const { rationalisation } = ctx.services;
    const plan = await mergePlan();
    const refused = await rejection(
      rationalisation.recordConsent(secretaryOfA.principal, CODE, plan.id, { partnershipId: ids.b, decision: 'agree' }),
    );
    expect(refused.name).toBe('ForbiddenError');
    const objection = await rejection(
      rationalisation.recordConsent(secretaryOfA.principal, CODE, plan.id, {
        partnershipId: ids.a,
        decision: 'object',
      }),
    );
    expect(messages(objection)).toMatch(/Give the reasons for the objection/);
  });

  /** Services that fail at one point of carrying a plan out: after the register is changed, or at the very end. */
  const failures: Array<
    [string, (services: TestContext['services']) => Partial<ConstructorParameters<typeof RationalisationService>[0]>]
  > = [
    [
      'moving the plan links',
      () => ({
        performance: {
          carryPartnershipLinks: async () => Promise.reject(new Error('plan links could not be moved')),
        } as unknown as PerformanceService,
      }),
    ],
    [
      'telling the adviser it was carried out',
      (services) => ({
        notifications: new Proxy(services.notifications, {
          get: (target, key) =>
            key === 'notify'
              ? async (notice: { subject: string }, options: object) =>
                  notice.subject.startsWith('Rationalisation plan carried out')
                    ? Promise.reject(new Error('the notice could not be written'))
                    : target.notify(notice as never, options)
              : Reflect.get(target, key),
        }),
      }),
    ],
  ];

  it.each(failures)('leaves the register untouched when carrying out fails part-way (%s)', async (_point, failing) => {
    const { register } = ctx.services;
    const plan = await mergePlan();
    await agreeAll(plan.id);
    const service = new RationalisationService({
      ...ctx.services,
      db: ctx.services.exchange.db,
      ...failing(ctx.services),
    });
    const before = await register.registerAsAt(admin.principal, CODE, today, { pageSize: 500 });
    const error = await rejection(service.carryOut(admin.principal, CODE, plan.id));
    expect(error.message).toMatch(/could not be/);
    const after = await register.registerAsAt(admin.principal, CODE, today, { pageSize: 500 });
    expect(after.items.map((p) => [p.id, p.status, p.member_count])).toEqual(
      before.items.map((p) => [p.id, p.status, p.member_count]),
    );
    expect((await register.getPartnership(admin.principal, CODE, ids.b as string)).partnership.status).toBe('active');
    const detail = await ctx.services.rationalisation.getPlan(admin.principal, CODE, plan.id);
    expect(detail.plan.status).toBe('open');
    expect((await ctx.services.rationalisation.lineage(admin.principal, CODE, ids.b as string)).successors).toEqual([]);
  });

  it('leaves the register untouched whichever step of carrying out fails, and carries it out once nothing does', async () => {
    const { register } = ctx.services;
    const plan = await ctx.services.rationalisation.createPlan(admin.principal, CODE, {
      title: 'Several changes at once',
      rationale: 'Simpler',
      effectiveOn: today,
    });
    await ctx.services.rationalisation.addOperation(admin.principal, CODE, plan.id, {
      kind: 'merge',
      subjectIds: [ids.a, ids.b],
      newName: 'Mergeford Domestic Abuse Partnership',
    });
    await ctx.services.rationalisation.addOperation(admin.principal, CODE, plan.id, {
      kind: 'nest',
      subjectIds: [ids.csp],
      targetId: ids.lsp,
    });
    await ctx.services.rationalisation.addOperation(admin.principal, CODE, plan.id, {
      kind: 'relayer',
      subjectIds: [ids.trust],
      newLayer: 'executive',
    });
    for (const id of [ids.a, ids.b, ids.csp, ids.lsp, ids.trust])
      await ctx.services.rationalisation.recordConsent(admin.principal, CODE, plan.id, {
        partnershipId: id,
        decision: 'agree',
      });
    const snapshot = async () =>
      (await register.registerAsAt(admin.principal, CODE, today, { pageSize: 500 })).items.map((p) => [
        p.id,
        p.status,
        p.layer,
        p.parent_id,
        p.member_count,
      ]);
    const before = await snapshot();
    let failAt = 1;
    for (;;) {
      let calls = 0;
      const audit = new Proxy(ctx.services.audit, {
        get: (target, key) =>
          key === 'record'
            ? (...args: Parameters<typeof target.record>) =>
                ++calls === failAt ? Promise.reject(new Error(`step ${failAt} failed`)) : target.record(...args)
            : Reflect.get(target, key),
      });
      const service = new RationalisationService({ ...ctx.services, db: ctx.services.exchange.db, audit });
      const outcome = await service.carryOut(admin.principal, CODE, plan.id).then(
        () => 'done',
        (error: Error) => error.message,
      );
      if (outcome === 'done') break;
      expect(outcome).toBe(`step ${failAt} failed`);
      expect(await snapshot()).toEqual(before);
      failAt++;
    }
    expect(failAt).toBeGreaterThan(4);
    expect(await snapshot()).not.toEqual(before);
  });

  it('carries out an agreed plan when its effective date comes, without anyone pressing the button, and leaves an unagreed one open', async () => {
    const { rationalisation, register } = ctx.services;
    const tomorrow = new Date(Date.parse(`${today}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const agreed = await mergePlan(tomorrow);
    await agreeAll(agreed.id);
    const waiting = await rationalisation.createPlan(admin.principal, CODE, {
      title: 'Close the trust',
      rationale: 'Work done',
      effectiveOn: today,
    });
    await rationalisation.addOperation(admin.principal, CODE, waiting.id, {
      kind: 'close',
      subjectIds: [ids.trust],
      reason: 'Its work is done',
    });

    const beforeTheDate = await rationalisation.carryOutDue(today);
    expect(beforeTheDate.carriedOut).not.toContain(agreed.reference);
    expect((await rationalisation.getPlan(admin.principal, CODE, agreed.id)).plan.status).toBe('open');
    expect(beforeTheDate.leftOpen.find((p) => p.reference === waiting.reference)?.reasons.join(' ')).toMatch(
      /agree|answer/i,
    );

    const onTheDate = await rationalisation.carryOutDue(tomorrow);
    expect(onTheDate.carriedOut).toContain(agreed.reference);
    expect((await rationalisation.getPlan(admin.principal, CODE, agreed.id)).plan).toMatchObject({
      status: 'carried-out',
      carried_out_by: 'Joined Up, on the agreed effective date',
    });
    expect((await register.getPartnership(admin.principal, CODE, ids.b as string)).partnership.status).toBe('merged');
    expect((await rationalisation.getPlan(admin.principal, CODE, waiting.id)).plan.status).toBe('open');
  });

  it('merges into a new partnership whose lineage goes back to both, and nests with a dated change of parent', async () => {
    const { rationalisation, register } = ctx.services;
    const plan = await rationalisation.createPlan(admin.principal, CODE, {
      title: 'A new forum, and the CSP under the LSP',
      rationale: 'Simpler',
      effectiveOn: today,
    });
    await rationalisation.addOperation(admin.principal, CODE, plan.id, {
      kind: 'merge',
      subjectIds: [ids.a, ids.b],
      newName: 'Mergeford Domestic Abuse Partnership',
    });
    await rationalisation.addOperation(admin.principal, CODE, plan.id, {
      kind: 'nest',
      subjectIds: [ids.csp],
      targetId: ids.lsp,
      meetingsPerYear: 3,
    });
    for (const id of [ids.a, ids.b, ids.csp, ids.lsp])
      await rationalisation.recordConsent(admin.principal, CODE, plan.id, { partnershipId: id, decision: 'agree' });
    await rationalisation.carryOut(admin.principal, CODE, plan.id);

    const carried = await rationalisation.getPlan(admin.principal, CODE, plan.id);
    const newId = carried.operations[0]?.result_id as string;
    const created = await register.getPartnership(admin.principal, CODE, newId);
    expect(created.partnership).toMatchObject({
      name: 'Mergeford Domestic Abuse Partnership',
      established_on: today,
      parent_id: ids.lsp,
      status: 'active',
    });
    expect(created.members.map((m) => m.organisation_name).sort()).toEqual([
      'Mergeford Council',
      'Mergeford NHS Trust',
      'Mergeford Police',
      'Mergeford Refuge',
    ]);
    const lineage = await rationalisation.lineage(admin.principal, CODE, newId);
    expect(lineage.chain[0]?.origin.kind).toBe('plan');
    expect(
      lineage.chain
        .slice(1)
        .map((n) => n.name)
        .sort(),
    ).toEqual(
      [
        `${(await register.getPartnership(admin.principal, CODE, ids.a as string)).partnership.name}`,
        `${(await register.getPartnership(admin.principal, CODE, ids.b as string)).partnership.name}`,
      ].sort(),
    );

    const lspLineage = await rationalisation.lineage(admin.principal, CODE, ids.lsp as string);
    expect(lspLineage.nestedHere).toMatchObject([
      { id: ids.csp, how: 'Nested under this', planReference: carried.plan.reference },
    ]);
    const csp = await register.getPartnership(admin.principal, CODE, ids.csp as string);
    expect(csp.partnership).toMatchObject({ parent_id: ids.lsp, meetings_per_year: 3, status: 'active' });
    const then = await register.registerAsAt(admin.principal, CODE, yesterday, { pageSize: 500 });
    expect(then.items.find((p) => p.id === ids.csp)).toMatchObject({ parent_id: null, meetings_per_year: 6 });
    expect(then.items.find((p) => p.id === newId)).toBeUndefined();
  });

  it('marks every other open plan on the same partnerships as needing review once one is carried out, and says each broken rule once', async () => {
    const { rationalisation } = ctx.services;
    const first = await mergePlan();
    const second = await mergePlan();
    const elsewhere = await rationalisation.createPlan(admin.principal, CODE, {
      title: 'The community safety partnership under the LSP',
      rationale: 'Touches neither forum',
      effectiveOn: today,
    });
    await rationalisation.addOperation(admin.principal, CODE, elsewhere.id, {
      kind: 'nest',
      subjectIds: [ids.csp],
      targetId: ids.lsp,
    });
    await agreeAll(first.id);
    await agreeAll(second.id);
    const done = await rationalisation.carryOut(admin.principal, CODE, first.id);
    expect(done.needsReview.map((p) => p.reference)).toEqual([second.reference]);

    // The plans list and the plan say so; it is no longer ready, and is not carried out.
    const list = await rationalisation.listPlans(admin.principal, CODE);
    const flags = new Map(list.plans.map((p) => [p.reference, p.needsReview]));
    expect(flags.get(second.reference)).toBe(true);
    expect(flags.get(elsewhere.reference)).toBe(false);
    const detail = await rationalisation.getPlan(admin.principal, CODE, second.id);
    expect(detail.changed.map((q) => q.reference)).toEqual([first.reference]);
    expect(detail.readiness.ready).toBe(false);
    expect(detail.readiness.reasons[0]).toBe(`Review the plan after ${first.reference}: see the warning above`);
    const refused = await rejection(rationalisation.carryOut(admin.principal, CODE, second.id));
    expect(messages(refused)).toContain(`Review the plan: ${first.reference}`);
    // The administrator was warned, in the inbox.
    const inbox = await ctx.services.notifications.inbox(admin.principal);
    expect(inbox.notifications.map((n) => n.subject)).toContain(
      `Review ${second.reference}: ${first.reference} changed the same partnerships`,
    );
    expect(inbox.work.map((w) => w.title)).toContain(`Review plan ${second.reference}: ${second.title}`);

    // The page: the warning, each broken rule once, and money rounded to the pound.
    const session = new FormSession(ctx.app);
    await session.signIn(admin.email, admin.password);
    const planUrl = `/localities/${CODE}/rationalisation/${second.id}`;
    const page = await session.get(planUrl);
    expect(page.body).toContain('This plan needs review.');
    expect(page.body.split(`${first.reference}</a> was carried out on`).length - 1).toBe(1);
    for (const problem of detail.problems) {
      const text = problem.message.replace(/’/g, '&#8217;').replace(/'/g, '&#39;');
      expect(page.body.split(text).length - 1, problem.message).toBe(1);
    }
    expect(detail.problems.length).toBeGreaterThan(0);
    expect(detail.comparison.savingPence).toBe(0);
    expect(page.body).toContain('>£0</span>');
    expect(page.body).not.toContain('£0.00');

    // Confirming it still stands clears the mark (amending would too).
    const confirmed = await session.submit(planUrl, `${planUrl}/still-stands`, {});
    expect(confirmed.statusCode).toBe(303);
    expect((await rationalisation.getPlan(admin.principal, CODE, second.id)).changed).toEqual([]);
    expect(
      (await rationalisation.listPlans(admin.principal, CODE)).plans.find((p) => p.id === second.id)?.needsReview,
    ).toBe(false);
  });

  it('builds a plan through the pages: find partnerships, add a merge, and see a refused answer explained', async () => {
    const { register } = ctx.services;
    const session = new FormSession(ctx.app);
    await session.signIn(admin.email, admin.password);
    const opened = await session.submit(
      `/localities/${CODE}/rationalisation/new`,
      `/localities/${CODE}/rationalisation`,
      {
        title: 'Through the pages',
        rationale: 'Same people',
        'effectiveOn-day': today.slice(8),
        'effectiveOn-month': today.slice(5, 7),
        'effectiveOn-year': today.slice(0, 4),
      },
    );
    expect(opened.statusCode).toBe(303);
    const planUrl = opened.headers.location as string;
    const a = (await register.getPartnership(admin.principal, CODE, ids.a as string)).partnership.name;
    const form = await session.get(`${planUrl}/operations/new?kind=merge&find=${encodeURIComponent(a)}`);
    expect(form.body.match(/name="subjectIds"/g)).toHaveLength(1);
    const added = await session.submit(`${planUrl}/operations/new?kind=merge`, `${planUrl}/operations`, {
      kind: 'merge',
      subjectIds: [ids.a as string, ids.b as string],
      targetId: ids.a as string,
    });
    expect(added.statusCode).toBe(303);
    const page = await session.get(planUrl);
    expect(page.body).toContain(`into ${a}, which continues`);
    const objection = await session.submit(planUrl, `${planUrl}/consent`, {
      partnershipId: ids.b as string,
      decision: 'object',
    });
    expect(objection.statusCode).toBe(422);
    expect(objection.body).toContain('There is a problem');
    expect(objection.body).toContain('Give the reasons for the objection');
  });

  it('does the whole merge through the API, naming each problem field by field', async () => {
    const api = (method: 'GET' | 'POST', url: string, who: Person, payload?: object) =>
      ctx.app.inject({
        method,
        url: `/api/v1/localities/${CODE}${url}`,
        headers: who.headers,
        ...(payload ? { payload } : {}),
      });
    const created = await api('POST', '/rationalisation', admin, {
      title: 'By the API',
      rationale: 'Same people',
      effectiveOn: today,
    });
    expect(created.statusCode).toBe(201);
    const planId = created.json().id as string;
    const refused = await api('POST', `/rationalisation/${planId}/operations`, admin, {
      kind: 'close',
      subjectIds: [ids.csp],
    });
    expect(refused.statusCode).toBe(422);
    expect(
      refused
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['reason', 'subjectIds']);
    expect(
      (
        await api('POST', `/rationalisation/${planId}/operations`, admin, {
          kind: 'merge',
          subjectIds: [ids.a, ids.b],
          targetId: ids.a,
        })
      ).statusCode,
    ).toBe(201);
    expect((await api('POST', `/rationalisation/${planId}/carry-out`, admin)).json().errors[0].detail).toMatch(
      /Still waiting/,
    );
    expect(
      (
        await api('POST', `/rationalisation/${planId}/consent`, secretaryOfA, {
          partnershipId: ids.a,
          decision: 'agree',
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (await api('POST', `/rationalisation/${planId}/consent`, admin, { partnershipId: ids.b, decision: 'agree' }))
        .statusCode,
    ).toBe(201);
    expect(
      (await api('POST', `/rationalisation/${planId}/comments`, adviser, { body: 'Fine by us.' })).statusCode,
    ).toBe(201);
    expect(
      (await api('POST', `/rationalisation/${planId}/comments`, secretaryOfA, { body: 'And us.' })).statusCode,
    ).toBe(403);
    const done = await api('POST', `/rationalisation/${planId}/carry-out`, admin);
    expect(done.json()).toMatchObject({ status: 'carried-out' });
    const plan = (await api('GET', `/rationalisation/${planId}`, adviser)).json();
    expect(plan).toMatchObject({
      status: 'carried-out',
      consent: { complete: true },
      comments: [{ role: 'Government Office adviser', body: 'Fine by us.' }],
    });
    const lineage = (
      await ctx.app.inject({ method: 'GET', url: `/api/v1/localities/${CODE}/partnerships/${ids.a}/lineage` })
    ).json();
    expect(lineage.predecessors).toHaveLength(1);
  });

  it('shows realised savings and a timeline for carried-out plans', async () => {
    const { rationalisation } = ctx.services;
    const plan = await mergePlan();
    await agreeAll(plan.id);
    await rationalisation.carryOut(admin.principal, CODE, plan.id);
    const savings = await rationalisation.savings(admin.principal, CODE);
    const row = savings.realised.find((r) => r.id === plan.id);
    expect(row?.predictedPence).toBeGreaterThan(0);
    expect(row?.realisedPence).toBe(row?.predictedPence);
    expect(savings.timeline.at(-1)?.date).toBe(today);
    expect(savings.timeline.at(-1)?.partnerships).toBeLessThan(savings.timeline.at(-2)?.partnerships ?? 0);
  });
});
