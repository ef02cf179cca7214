import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Person, type TestContext, createDemoTestContext } from '../../../test/helpers/context.js';
import { backends } from '../../../test/helpers/database.js';
import { FormSession } from '../../../test/helpers/forms.js';
import { PUBLIC } from '../../core/actor.js';
import { todayInLondon } from '../../core/dates.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../core/errors.js';
import { DEMO_LOCALITY_CODE } from '../demo/seed.js';
import { ACCREDITATION_CODE, HEALTH_CHECK_CODE } from './checklists.js';
import { DEMO_ASSESSED } from './demo.js';
import { addDays } from '../../core/dates.js';

const CODE = DEMO_LOCALITY_CODE;
const TODAY = todayInLondon();
const BASE = `/localities/${CODE}/assurance`;

describe.each(backends)('assurance, its rules on the database and its pages, on %s', (backend) => {
  let ctx: TestContext;
  let admin: Person;
  let sysadmin: Person;
  let lspSecretary: Person;
  let cspSecretary: Person;
  let adviser: Person;
  let adviserElsewhere: Person;
  let ids: { lsp: string; csp: string };

  beforeAll(async () => {
    ctx = await createDemoTestContext(backend, { today: TODAY });
    const locality = await ctx.services.register.locality(CODE);
    const partnerships = await ctx.services.assurance.repository.partnerships(ctx.database.db, locality.id);
    const p = (name: string) => partnerships.find((x) => x.name === name)?.id as string;
    ids = { lsp: p('Brackenfield Partnership'), csp: p(DEMO_ASSESSED) };
    admin = await ctx.person([{ role: 'locality-admin', localityCode: CODE }]);
    sysadmin = await ctx.person([{ role: 'system-admin' }]);
    lspSecretary = await ctx.person([{ role: 'partnership-secretary', localityCode: CODE, partnershipId: ids.lsp }]);
    cspSecretary = await ctx.person([{ role: 'partnership-secretary', localityCode: CODE, partnershipId: ids.csp }]);
    adviser = await ctx.person([{ role: 'go-adviser', region: locality.region }]);
    adviserElsewhere = await ctx.person([{ role: 'go-adviser', region: 'North West' }]);
  }, 600_000);
  afterAll(() => ctx?.close());

  it('keeps an assessment on the version it was answered on when a question is changed', async () => {
    const { assurance } = ctx.services;
    const before = await assurance.startAssessment(lspSecretary.principal, CODE, {
      partnershipId: ids.lsp,
      checklistCode: HEALTH_CHECK_CODE,
    });
    await assurance.saveAnswer(lspSecretary.principal, CODE, before.id, 'purpose-clear', { value: 'yes' });
    const { checklist } = await assurance.checklist(sysadmin.principal, HEALTH_CHECK_CODE);
    const saved = await assurance.saveQuestion(
      sysadmin.principal,
      HEALTH_CHECK_CODE,
      {
        key: 'purpose-clear',
        sectionKey: 'rationale',
        text: 'Do all partners share one written purpose?',
        scale: 'one-to-five',
        evidenceRequired: true,
        weight: 3,
        changeNote: 'Sharper wording, rated 1 to 5',
        version: checklist.current_version,
      },
      'purpose-clear',
    );
    expect(saved.version).toBe(checklist.current_version + 1);
    // The same edit again, based on the old version, is refused rather than lost.
    await expect(
      assurance.saveQuestion(sysadmin.principal, HEALTH_CHECK_CODE, {
        key: 'x',
        sectionKey: 'rationale',
        text: 'X',
        scale: 'text',
        weight: 0,
        changeNote: 'x',
        version: checklist.current_version,
      }),
    ).rejects.toBeInstanceOf(ConflictError);

    const old = await assurance.assessment(lspSecretary.principal, CODE, before.id);
    const oldQuestion = old.assessment.definition.sections[0]?.questions.find((q) => q.key === 'purpose-clear');
    expect(old.assessment.checklist_version).toBe(checklist.current_version);
    expect(oldQuestion).toMatchObject({
      text: 'Is there a clear purpose that all partners share?',
      scale: 'yes-partly-no',
    });
    expect(old.answers.get('purpose-clear')?.value).toBe('yes');

    const after = await assurance.startAssessment(lspSecretary.principal, CODE, {
      partnershipId: ids.lsp,
      checklistCode: HEALTH_CHECK_CODE,
    });
    const fresh = await assurance.assessment(lspSecretary.principal, CODE, after.id);
    expect(fresh.assessment.checklist_version).toBe(saved.version);
    expect(fresh.assessment.definition.sections[0]?.questions.find((q) => q.key === 'purpose-clear')).toMatchObject({
      text: 'Do all partners share one written purpose?',
      scale: 'one-to-five',
    });
    // Only a system administrator edits checklists.
    await expect(
      assurance.saveQuestion(admin.principal, HEALTH_CHECK_CODE, {
        key: 'y',
        sectionKey: 'rationale',
        text: 'Y',
        scale: 'text',
        weight: 0,
        changeNote: 'y',
        version: saved.version,
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('pre-fills from the register and lets only the partnership’s secretary answer', async () => {
    const { assurance } = ctx.services;
    const started = await assurance.startAssessment(cspSecretary.principal, CODE, {
      partnershipId: ids.csp,
      checklistCode: HEALTH_CHECK_CODE,
    });
    const view = await assurance.assessment(cspSecretary.principal, CODE, started.id);
    const tor = view.answers.get('terms-of-reference');
    expect(tor?.suggested_value).toMatch(/^(yes|no)$/);
    expect(tor?.confirmed).toBe(false);
    expect(tor?.evidence_kind).toBe('pointer');
    // Risks come from the partnership's risk register, where the demo records one for it.
    expect(view.answers.get('risks-recorded')).toMatchObject({ suggested_value: 'yes', confirmed: false });
    expect(view.problems).toContain('Confirm or correct “Has the partnership agreed terms of reference?”');
    // Another partnership's secretary may not answer; nor may anyone start one for a partnership not theirs.
    await expect(
      assurance.saveAnswer(lspSecretary.principal, CODE, started.id, 'still-needed', { value: 'yes' }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      assurance.startAssessment(lspSecretary.principal, CODE, {
        partnershipId: ids.csp,
        checklistCode: HEALTH_CHECK_CODE,
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      assurance.saveAnswer(cspSecretary.principal, CODE, started.id, 'still-needed', { value: 'perhaps' }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(assurance.assessment(PUBLIC, CODE, started.id)).rejects.toThrow();
  });

  it('scores a submitted assessment and turns each weak answer into an action in the owner’s inbox', async () => {
    const { assurance } = ctx.services;
    const started = await assurance.startAssessment(cspSecretary.principal, CODE, {
      partnershipId: ids.csp,
      checklistCode: HEALTH_CHECK_CODE,
    });
    let view = await assurance.assessment(cspSecretary.principal, CODE, started.id);
    for (const q of view.assessment.definition.sections.flatMap((s) => s.questions)) {
      if (q.scale === 'text') continue;
      const value =
        q.key === 'complaints' ? 'no' : q.scale === 'one-to-five' ? '5' : q.scale === 'rag' ? 'green' : 'yes';
      await assurance.saveAnswer(cspSecretary.principal, CODE, started.id, q.key, {
        value,
        ...(q.evidenceRequired ? { evidenceKind: 'link', evidence: 'https://example.org/evidence' } : {}),
      });
    }
    view = await assurance.assessment(cspSecretary.principal, CODE, started.id);
    expect(view.problems).toEqual([]);
    const result = await assurance.submitAssessment(cspSecretary.principal, CODE, started.id, view.assessment.version);
    expect(result.score).toBeGreaterThan(85);
    expect(result.score).toBeLessThan(100);
    expect(result.actions.map((a) => a.title)).toEqual([
      'Improve: Are complaints handled jointly, with one route for the public?',
    ]);
    // Its owner is reminded two weeks before it is due, once, and again when it is overdue.
    const dueOn = result.actions[0]?.due_on as string;
    expect(await assurance.sendActionReminders(addDays(dueOn, -20))).toBe(0);
    expect(await assurance.sendActionReminders(addDays(dueOn, -10))).toBe(1);
    expect(await assurance.sendActionReminders(addDays(dueOn, -9))).toBe(0);
    expect(await assurance.sendActionReminders(addDays(dueOn, 1))).toBe(1);
    expect(await assurance.sendActionReminders(addDays(dueOn, 2))).toBe(0);
    const work = await ctx.services.notifications.work(cspSecretary.principal);
    expect(work.map((w) => w.title)).toContain(
      'Improve: Are complaints handled jointly, with one route for the public?',
    );
    await expect(
      assurance.saveAnswer(cspSecretary.principal, CODE, started.id, 'complaints', { value: 'yes' }),
    ).rejects.toBeInstanceOf(ConflictError);
    // The history shows this year's score against last year's with an arrow.
    const page = await assurance.partnership(admin.principal, CODE, ids.csp);
    const history = page.histories.find((h) => h.checklist.code === HEALTH_CHECK_CODE)?.history ?? [];
    expect(history.length).toBeGreaterThanOrEqual(3);
    expect(history.at(-1)?.change).toBe('new');
  });

  it('classifies every partnership by the locality’s rule and an override', async () => {
    const { assurance } = ctx.services;
    const before = await assurance.significance(admin.principal, CODE);
    expect(before.isDefault).toBe(false);
    expect(before.rule.required).toBe(2);
    expect(before.rows.every((r) => /criteria hold/.test(r.why))).toBe(true);
    await assurance.saveSignificanceRule(admin.principal, CODE, { criteria: [{ kind: 'statutory' }], required: 1 });
    const statutory = await assurance.significance(admin.principal, CODE);
    expect(statutory.significant.every((r) => r.partnership.basis === 'statutory')).toBe(true);
    await expect(assurance.setOverride(admin.principal, CODE, ids.lsp, { significant: 'yes' })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await assurance.setOverride(admin.principal, CODE, ids.lsp, {
      significant: 'yes',
      reason: 'The council relies on it',
    });
    const after = await assurance.significance(admin.principal, CODE);
    const lsp = after.rows.find((r) => r.partnership.id === ids.lsp);
    expect(lsp?.classification.significant).toBe(true);
    expect(lsp?.why).toMatch(/^Significant by decision: The council relies on it/);
    await expect(
      assurance.saveSignificanceRule(cspSecretary.principal, CODE, { criteria: [{ kind: 'statutory' }], required: 1 }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      assurance.saveSignificanceRule(admin.principal, CODE, { criteria: [{ kind: 'statutory' }], required: 2 }),
    ).rejects.toBeInstanceOf(ValidationError);
  });

  it('runs the annual review: sent to the secretaries, returned, compiled into the report and its PDF', async () => {
    const { assurance } = ctx.services;
    const review = await assurance.startReview(admin.principal, CODE, { year: 2025, deadline: '2026-01-31' });
    const sent = await assurance.review(admin.principal, CODE, review.id);
    const lspReturn = sent.returns.find((r) => r.partnership_id === ids.lsp);
    expect(lspReturn?.state).toBe('sent');
    const work = await ctx.services.notifications.work(lspSecretary.principal);
    expect(work.map((w) => w.title)).toContain('Return the annual review of a significant partnership');
    // Secretaries whose returns are out are reminded a week before the deadline, then once it has passed.
    const out = sent.returns.length;
    expect(await assurance.sendReturnReminders('2026-01-23')).toBe(0);
    expect(await assurance.sendReturnReminders('2026-01-24')).toBe(out);
    expect(await assurance.sendReturnReminders('2026-01-31')).toBe(0);
    const reminded = await ctx.services.notifications.inbox(lspSecretary.principal);
    expect(reminded.notifications.map((n) => n.subject)).toContainEqual(
      expect.stringMatching(/^Reminder: the annual review of .* is due by 31 January 2026$/),
    );
    const answer = {
      achievements: 'Agreed the community strategy',
      performance: 'Most targets met',
      risks: 'Funding ends in March',
      resources: 'Officer time from the council',
      future: 'exit',
      version: lspReturn?.version,
    };
    await expect(
      assurance.submitReturn(cspSecretary.principal, CODE, review.id, lspReturn?.id as string, answer),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await assurance.submitReturn(lspSecretary.principal, CODE, review.id, lspReturn?.id as string, answer);
    // A return made is chased no more; the others once more, when overdue.
    expect(await assurance.sendReturnReminders('2026-02-01')).toBe(out - 1);
    expect(await assurance.sendReturnReminders('2026-02-09')).toBe(0);
    const report = await assurance.report(admin.principal, CODE, review.id);
    const row = report.rows.find((r) => r.partnershipId === ids.lsp);
    expect(row).toMatchObject({ recommendation: 'exit', rating: 'none' });
    expect(row?.exceptions).toContain('No governance health check submitted');

    const session = new FormSession(ctx.app);
    await session.signIn(admin.email, admin.password);
    const html = await session.get(`${BASE}/reviews/${review.id}/report`);
    expect(html.statusCode).toBe(200);
    expect(html.body).toContain('Start a rationalisation plan');
    // The link opens a plan for that partnership, with the review's reason, and goes on to its first change.
    const link = new RegExp(`href="([^"]*rationalisation/new\\?partnership=${ids.lsp}[^"]*)"`)
      .exec(html.body)?.[1]
      ?.replaceAll('&amp;', '&');
    const lspName = row?.name as string;
    const form = await session.get(link as string);
    expect(form.body).toContain(`The future of ${lspName}`);
    expect(form.body).toMatch(/recommends that [^<]* should exit\. Assurance: /);
    const field = (name: string) =>
      new RegExp(`name="${name}"[^>]*value="([^"]*)"`).exec(form.body)?.[1] ??
      new RegExp(`name="${name}"[^>]*>([^<]*)<`).exec(form.body)?.[1] ??
      '';
    const opened = await session.submit(link as string, `/localities/${CODE}/rationalisation`, {
      title: field('title').replaceAll('&#39;', "'").replaceAll('&amp;', '&'),
      rationale: field('rationale'),
      partnershipId: field('partnershipId'),
      'effectiveOn-day': field('effectiveOn-day'),
      'effectiveOn-month': field('effectiveOn-month'),
      'effectiveOn-year': field('effectiveOn-year'),
    });
    expect(opened.statusCode).toBe(303);
    expect(opened.headers.location).toMatch(new RegExp(`/operations/new\\?subject=${ids.lsp}$`));
    const operation = await session.get(opened.headers.location as string);
    expect(operation.body).toMatch(new RegExp(`value="${ids.lsp}" checked`));
    const pdf = await session.get(`${BASE}/reviews/${review.id}/report.pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('lets only the region’s Government Office adviser decide an LSP’s accreditation', async () => {
    const { assurance } = ctx.services;
    const started = await assurance.startAssessment(lspSecretary.principal, CODE, {
      partnershipId: ids.lsp,
      checklistCode: ACCREDITATION_CODE,
    });
    const view = await assurance.assessment(lspSecretary.principal, CODE, started.id);
    for (const q of view.assessment.definition.sections.flatMap((s) => s.questions))
      await assurance.saveAnswer(lspSecretary.principal, CODE, started.id, q.key, {
        value: q.scale === 'text' ? 'We ask to be accredited.' : q.scale === 'one-to-five' ? '3' : 'partly',
        evidenceKind: 'note',
        evidence: 'Board minutes',
      });
    // Each answer moved the assessment on a version: submit what was last read.
    const answered = await assurance.assessment(lspSecretary.principal, CODE, started.id);
    await assurance.submitAssessment(lspSecretary.principal, CODE, started.id, answered.assessment.version);
    await expect(
      assurance.submitAccreditation(cspSecretary.principal, CODE, { assessmentId: started.id }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    const submitted = await assurance.submitAccreditation(lspSecretary.principal, CODE, { assessmentId: started.id });
    const decision = {
      decision: 'deferred',
      reasons: 'Community engagement is not yet shown',
      consequence: 'Neighbourhood Renewal Fund held back',
      reassessOn: '2027-03-31',
      version: submitted.version,
    };
    await expect(assurance.decide(adviserElsewhere.principal, CODE, submitted.id, decision)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(assurance.decide(admin.principal, CODE, submitted.id, decision)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(assurance.decide(lspSecretary.principal, CODE, submitted.id, decision)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(
      assurance.decide(adviser.principal, CODE, submitted.id, { ...decision, consequence: undefined }),
    ).rejects.toBeInstanceOf(ValidationError);
    await assurance.askForMore(adviser.principal, CODE, submitted.id, {
      request: 'Show the residents’ panel minutes',
      version: submitted.version,
    });
    await expect(assurance.decide(adviser.principal, CODE, submitted.id, decision)).rejects.toBeInstanceOf(
      ConflictError,
    );
    await assurance.respond(lspSecretary.principal, CODE, submitted.id, {
      response: 'Attached',
      version: submitted.version + 1,
    });
    const decided = await assurance.decide(adviser.principal, CODE, submitted.id, {
      ...decision,
      version: submitted.version + 2,
    });
    expect(decided).toMatchObject({
      state: 'deferred',
      consequence: 'Neighbourhood Renewal Fund held back',
      reassess_on: '2027-03-31',
    });
    await assurance.comment(admin.principal, CODE, submitted.id, { body: 'The council agrees with the deferral' });
    // The adviser compares the region's localities; one elsewhere may not look.
    const region = await assurance.regionComparison(adviser.principal, CODE);
    expect(region.rows.find((r) => r.locality.gss_code === CODE)?.assessed).toBeGreaterThanOrEqual(1);
    await expect(assurance.regionComparison(adviserElsewhere.principal, CODE)).rejects.toBeInstanceOf(NotFoundError);
    const summary = await assurance.publicSummary(CODE);
    expect(summary.decided.map((d) => d.state)).toEqual(['deferred']);
    const publicPage = await ctx.app.inject({ method: 'GET', url: `/localities/${CODE}/accreditation` });
    expect(publicPage.body).toContain('Neighbourhood Renewal Fund held back');
  });

  it('renders every page for the people who use them', async () => {
    const session = new FormSession(ctx.app);
    await session.signIn(admin.email, admin.password);
    for (const url of [
      BASE,
      `${BASE}/significance`,
      `${BASE}/reviews`,
      `${BASE}/accreditation`,
      `/localities/${CODE}/partnerships/${ids.csp}/assurance`,
    ]) {
      const response = await session.get(url);
      expect(response.statusCode, url).toBe(200);
    }
    const noReason = await session.submit(`${BASE}/significance`, `${BASE}/significance/${ids.csp}`, {
      significant: 'no',
      reason: '',
    });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.body).toContain(`href="#reason-${ids.csp}"`);
    expect(noReason.body).toContain('Give the reason for deciding against the rule');
    const overview = await session.get(BASE);
    expect(overview.body).toContain(DEMO_ASSESSED);
    const system = new FormSession(ctx.app);
    await system.signIn(sysadmin.email, sysadmin.password);
    for (const url of [
      '/admin/checklists',
      `/admin/checklists/${HEALTH_CHECK_CODE}`,
      `/admin/checklists/${HEALTH_CHECK_CODE}/questions/new`,
      `/admin/checklists/${HEALTH_CHECK_CODE}/questions/still-needed`,
    ]) {
      const response = await system.get(url);
      expect(response.statusCode, url).toBe(200);
    }
    const refused = await system.submit(
      `/admin/checklists/${HEALTH_CHECK_CODE}/questions/new`,
      `/admin/checklists/${HEALTH_CHECK_CODE}/questions`,
      {
        key: 'Bad Key',
        sectionKey: 'rationale',
        text: '',
        scale: 'rag',
        weight: '1',
        changeNote: 'x',
        version: '1',
      },
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('Key must be lower-case letters');
  });
});
