import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Person, type TestContext, createDemoTestContext } from '../../../test/helpers/context.js';
import { backends } from '../../../test/helpers/database.js';
import { FormSession } from '../../../test/helpers/forms.js';
import { PUBLIC, SYSTEM } from '../../core/actor.js';
import { todayInLondon } from '../../core/dates.js';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
  ValidationError,
} from '../../core/errors.js';
import { DEMO_LOCALITY_CODE } from '../demo/seed.js';
import { addDays } from '../../core/dates.js';

const CODE = DEMO_LOCALITY_CODE;
const TODAY = todayInLondon();

describe.each(backends)('scrutiny, risks and accountability on %s', (backend) => {
  let ctx: TestContext;
  let admin: Person;
  let member: Person;
  let lspSecretary: Person;
  let cspSecretary: Person;
  let ids: { lsp: string; csp: string; council: string; police: string };

  beforeAll(async () => {
    ctx = await createDemoTestContext(backend, { today: TODAY });
    const locality = await ctx.services.register.locality(CODE);
    const partnerships = await ctx.services.register.partnerships.allForLocality(ctx.database.db, locality.id);
    const organisations = await ctx.services.register.organisations.allForLocality(ctx.database.db, locality.id);
    const p = (name: string) => partnerships.find((x) => x.name === name)?.id as string;
    const o = (name: string) => organisations.find((x) => x.name === name)?.id as string;
    ids = {
      lsp: p('Brackenfield Partnership'),
      csp: p('Brackenfield Community Safety Partnership'),
      council: o('Brackenfield District Council'),
      police: o('Nethershire Police'),
    };
    admin = await ctx.person([{ role: 'locality-admin', localityCode: CODE }]);
    member = await ctx.person([{ role: 'scrutiny-member', localityCode: CODE }]);
    lspSecretary = await ctx.person([{ role: 'partnership-secretary', localityCode: CODE, partnershipId: ids.lsp }]);
    cspSecretary = await ctx.person([{ role: 'partnership-secretary', localityCode: CODE, partnershipId: ids.csp }]);
  }, 600_000);
  afterAll(() => ctx?.close());

  it('keeps risk registers scored on the locality’s matrix, flags overdue reviews, and rescales on a change of matrix', async () => {
    const { scrutiny } = ctx.services;
    const register = await scrutiny.risks(member.principal, CODE);
    const funding = register.risks.find((r) => r.title.startsWith('Partners withdraw'));
    expect(funding).toMatchObject({
      partnershipName: 'The LSP (locality-wide)',
      inherent: { score: 20, band: 'very-high' },
      residual: { score: 16, band: 'high' },
      trend: 'rising',
      overdue: true,
    });
    expect(register.overdue.map((r) => r.title)).toContain(funding?.title);
    expect(register.top[0]?.title).toBe(funding?.title);
    // The scrutiny member reads the restricted risk; the public does not.
    expect(register.risks.some((r) => r.row.restricted)).toBe(true);
    const publicView = await scrutiny.risks(PUBLIC, CODE);
    expect(publicView.risks.some((r) => r.row.restricted)).toBe(false);
    expect(publicView.risks.length).toBe(register.risks.length - 1);
    const cells = register.heatMap.flat();
    expect(cells).toHaveLength(25);
    expect(cells.reduce((a, c) => a + c.count, 0)).toBe(register.risks.length);

    // A 4×4 matrix: the same risk is shown on it until its next review moves it.
    await scrutiny.saveSettings(admin.principal, CODE, {
      matrixSize: 4,
      decisionLimitDays: 90,
      responseDays: 60,
      targetPublic: 40,
      targetPrivate: 20,
      targetVoluntary: 20,
      targetCommunity: 20,
    });
    const four = await scrutiny.risks(member.principal, CODE);
    expect(four.heatMap.flat()).toHaveLength(16);
    expect(four.risks.find((r) => r.row.id === funding?.row.id)).toMatchObject({
      inherent: { likelihood: 3, impact: 4, score: 12, band: 'very-high' },
      residual: { likelihood: 3, impact: 3, score: 9, band: 'high' },
    });
    await expect(
      scrutiny.createRisk(admin.principal, CODE, {
        title: 'Off the matrix',
        owner: 'Someone',
        inherentLikelihood: 5,
        inherentImpact: 1,
        residualLikelihood: 1,
        residualImpact: 1,
        reviewOn: addDays(TODAY, 30),
      }),
    ).rejects.toThrow(ValidationError);
    await scrutiny.saveSettings(admin.principal, CODE, {
      matrixSize: 5,
      decisionLimitDays: 90,
      responseDays: 60,
      targetPublic: 40,
      targetPrivate: 20,
      targetVoluntary: 20,
      targetCommunity: 20,
    });
    await expect(
      scrutiny.saveSettings(admin.principal, CODE, {
        matrixSize: 5,
        decisionLimitDays: 90,
        responseDays: 60,
        targetPublic: 50,
        targetPrivate: 20,
        targetVoluntary: 20,
        targetCommunity: 20,
      }),
    ).rejects.toThrow(ValidationError);
  });

  it('keeps a risk’s reviews as history, for its own secretary only', async () => {
    const { scrutiny } = ctx.services;
    const risk = await scrutiny.createRisk(cspSecretary.principal, CODE, {
      partnershipId: ids.csp,
      title: 'Youth diversion funding ends',
      owner: 'Community safety manager',
      inherentLikelihood: 4,
      inherentImpact: 3,
      residualLikelihood: 3,
      residualImpact: 3,
      reviewOn: addDays(TODAY, 20),
    });
    await expect(
      scrutiny.createRisk(lspSecretary.principal, CODE, { ...riskFields(), partnershipId: ids.csp }),
    ).rejects.toThrow(ForbiddenError);
    await expect(scrutiny.createRisk(member.principal, CODE, riskFields())).rejects.toThrow(ForbiddenError);
    await scrutiny.reviewRisk(cspSecretary.principal, CODE, risk.id, {
      residualLikelihood: 2,
      residualImpact: 3,
      note: 'New funding agreed',
      nextReviewOn: addDays(TODAY, 90),
      version: risk.version,
    });
    const view = await scrutiny.risk(member.principal, CODE, risk.id);
    expect(view.history.map((h) => h.residual.score)).toEqual([6, 9]);
    expect(view.risk.trend).toBe('falling');
    expect(view.risk.canEdit).toBe(false);
  });

  it('lets scrutiny members read restricted evidence but not change partnerships', async () => {
    const { scrutiny, register } = ctx.services;
    const overview = await scrutiny.overview(member.principal, CODE);
    expect(overview.committees[0]?.members.map((m) => m.role)).toContain('chair');
    await expect(
      register.updatePartnership(member.principal, CODE, ids.csp, {
        name: 'Renamed',
        purpose: 'Renamed by scrutiny',
        basis: 'voluntary',
        legalForm: 'unincorporated',
        layer: 'executive',
        version: 1,
      }),
    ).rejects.toThrow(ForbiddenError);
    await expect(
      register.createPartnership(member.principal, CODE, {
        name: 'Scrutiny’s own board',
        purpose: 'Not allowed',
        basis: 'voluntary',
        legalForm: 'unincorporated',
        layer: 'executive',
      }),
    ).rejects.toThrow(ForbiddenError);
    // Nor do the partnership's secretaries run the committee's work.
    await expect(scrutiny.overview(PUBLIC, CODE)).rejects.toThrow(UnauthenticatedError);
    const review = overview.reviews[0];
    await expect(scrutiny.issuePack(cspSecretary.principal, CODE, review?.id as string)).rejects.toThrow(
      ForbiddenError,
    );
  });

  it('freezes an evidence pack: later changes to the live data leave it as issued', async () => {
    const { scrutiny } = ctx.services;
    const overview = await scrutiny.overview(member.principal, CODE);
    const review = overview.reviews.find((r) => r.scope_theme === 'community-safety');
    const pack = await scrutiny.issuePack(member.principal, CODE, review?.id as string);
    const issued = await scrutiny.pack(member.principal, CODE, pack.id);
    expect(issued.snapshot.partnerships.map((p) => p.name)).toContain('Brackenfield Community Safety Partnership');
    expect(issued.snapshot.risks.length).toBeGreaterThan(0);
    // The restricted risk is in the committee's pack.
    expect(issued.snapshot.risks.map((r) => r.title)).toContain('Data sharing agreement with health lapses');

    await scrutiny.createRisk(cspSecretary.principal, CODE, {
      ...riskFields(),
      partnershipId: ids.csp,
      title: 'Added after the pack was issued',
    });
    const later = await scrutiny.pack(member.principal, CODE, pack.id);
    expect(later.snapshot).toEqual(issued.snapshot);
    expect(later.snapshot.risks.map((r) => r.title)).not.toContain('Added after the pack was issued');
    const live = await scrutiny.review(member.principal, CODE, review?.id as string);
    const fresh = await scrutiny.evidence(member.principal, live, live.review, ctx.database.db);
    expect(fresh.risks.map((r) => r.title)).toContain('Added after the pack was issued');

    await expect(scrutiny.pack(PUBLIC, CODE, pack.id)).rejects.toThrow(UnauthenticatedError);
  });

  it('lets only the addressee answer a recommendation, tells it and the committee, and flags overdue items', async () => {
    const { scrutiny, notifications } = ctx.services;
    const overview = await scrutiny.overview(member.principal, CODE);
    const review = overview.reviews[0];
    const rec = await scrutiny.addRecommendation(member.principal, CODE, review?.id as string, {
      text: 'Hold one board meeting a year in public, in a community venue.',
      addresseeKind: 'partnership',
      partnershipId: ids.csp,
    });
    expect(rec.status).toBe('awaiting-response');
    const told = await notifications.inbox(cspSecretary.principal);
    expect(told.notifications.map((n) => n.subject)).toContain(
      'A scrutiny recommendation to Brackenfield Community Safety Partnership',
    );
    expect(told.work.some((w) => w.kind === 'answer' && w.link.endsWith(rec.id))).toBe(true);

    await expect(
      scrutiny.respond(lspSecretary.principal, CODE, rec.id, { response: 'accepted', version: rec.version }),
    ).rejects.toThrow(ForbiddenError);
    await expect(
      scrutiny.respond(member.principal, CODE, rec.id, { response: 'accepted', version: rec.version }),
    ).rejects.toThrow(ForbiddenError);
    await expect(
      scrutiny.respond(cspSecretary.principal, CODE, rec.id, { response: 'rejected', version: rec.version }),
    ).rejects.toThrow('Give the reasons for rejecting the recommendation');
    const answered = await scrutiny.respond(cspSecretary.principal, CODE, rec.id, {
      response: 'partly-accepted',
      reasons: 'One meeting in public, but in the town hall',
      version: rec.version,
    });
    expect(answered.status).toBe('partly-accepted');
    await scrutiny.addAction(cspSecretary.principal, CODE, rec.id, {
      description: 'Book the town hall for the June meeting',
      dueOn: addDays(TODAY, 60),
    });
    const seen = await scrutiny.recommendation(member.principal, CODE, rec.id);
    expect(seen.view.actions).toHaveLength(1);
    expect(seen.view.rag).toBe('green');
    const committee = await notifications.inbox(member.principal);
    expect(
      committee.notifications.some((n) => n.subject.startsWith(`Recommendation ${rec.number}: partly accepted`)),
    ).toBe(true);
    // The demo's community safety action is past its date: red, in the committee's inbox.
    expect(
      committee.work.some(
        (w) => w.kind === 'overdue' && w.title.includes('Brackenfield Community Safety Partnership is overdue'),
      ),
    ).toBe(true);
    const monitor = await scrutiny.monitor(member.principal, CODE);
    expect(monitor.overdue).toBeGreaterThanOrEqual(1);
    // The LSP's answer is the LSP manager's.
    const lspRec = monitor.rows.find((r) => r.row.addressee_kind === 'lsp');
    expect(lspRec).toMatchObject({ rag: 'amber', overdue: false });
    await expect(
      scrutiny.respond(lspSecretary.principal, CODE, lspRec?.row.id as string, {
        response: 'accepted',
        version: lspRec?.row.version,
      }),
    ).rejects.toThrow(ForbiddenError);
    await scrutiny.respond(admin.principal, CODE, lspRec?.row.id as string, {
      response: 'accepted',
      version: lspRec?.row.version,
    });
  });

  it('shows the LSP accountability dashboard: balance, attendance, difficult decisions and the levers gap', async () => {
    const { scrutiny } = ctx.services;
    const board = await scrutiny.dashboard(admin.principal, CODE);
    expect(board.lsp?.name).toBe('Brackenfield Partnership');
    expect(board.balance.map((b) => b.sector)).toEqual(['public', 'private', 'voluntary', 'community']);
    expect(board.balance.reduce((a, b) => a + b.seats, 0)).toBe(board.boardSeats);
    expect(board.attendance.empty).toBeGreaterThan(0);
    const police = board.attendance.rates.find((r) => r.organisationId === ids.police);
    expect(police?.empty).toBeGreaterThan(0);
    const open = board.difficult.find((d) => d.summary.startsWith('Agreed to pool'));
    expect(open?.state).toMatchObject({ open: true, overdue: true });
    expect(board.difficult.find((d) => d.summary.startsWith('Closed the town centre'))?.state.open).toBe(false);
    expect(board.levers).toHaveLength(1);
    expect(board.gaps.map((g) => g.name)).not.toContain('Nethershire County Council');
    expect(board.gaps.length).toBeGreaterThan(0);
    await expect(scrutiny.dashboard(PUBLIC, CODE)).rejects.toThrow(UnauthenticatedError);
    await expect(
      scrutiny.createLever(member.principal, CODE, {
        kind: 'sla',
        organisationId: ids.police,
        title: 'Not the committee’s to record',
        startsOn: TODAY,
      }),
    ).rejects.toThrow(ForbiddenError);
  });

  it('serves the pages, the printable pack and its PDF, and shows form errors', async () => {
    const session = new FormSession(ctx.app);
    await session.signIn(member.email, member.password);
    const overview = await ctx.services.scrutiny.overview(member.principal, CODE);
    const review = overview.reviews[0];
    const pack = await ctx.services.scrutiny.issuePack(SYSTEM, CODE, review?.id as string);
    const rec = (await ctx.services.scrutiny.monitor(member.principal, CODE)).rows[0];
    for (const url of [
      `/localities/${CODE}/scrutiny`,
      `/localities/${CODE}/scrutiny/reviews/new`,
      `/localities/${CODE}/scrutiny/committees/new`,
      `/localities/${CODE}/scrutiny/reviews/${review?.id}`,
      `/localities/${CODE}/scrutiny/packs/${pack.id}`,
      `/localities/${CODE}/scrutiny/recommendations`,
      `/localities/${CODE}/scrutiny/recommendations/${rec?.row.id}`,
      `/localities/${CODE}/risks`,
      `/localities/${CODE}/accountability`,
    ]) {
      const response = await session.get(url);
      expect(response.statusCode, url).toBe(200);
    }
    const pdf = await session.get(`/localities/${CODE}/scrutiny/packs/${pack.id}/pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const bad = await session.submit(
      `/localities/${CODE}/scrutiny/reviews/new`,
      `/localities/${CODE}/scrutiny/reviews`,
      {
        title: 'Half a review',
        scopeKind: 'theme',
      },
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('govuk-error-summary');
    expect(bad.body).toContain('Choose the kind of review');
    expect(bad.body).toContain('value="Half a review"');

    // A review with a follow-up date starts its follow-up from its page: same committee and
    // scope, on that date, asked whether the recommendations were carried out.
    const demo = overview.reviews.find((r) => r.follow_up_on)!;
    const reviewPage = await session.get(`/localities/${CODE}/scrutiny/reviews/${demo.id}`);
    const followUpUrl = `/localities/${CODE}/scrutiny/reviews/new?followUp=${demo.id}`;
    expect(reviewPage.body).toContain(`href="${followUpUrl}"`);
    const form = await session.get(followUpUrl);
    const field = (name: string) => new RegExp(`name="${name}"[^>]*value="([^"]*)"`).exec(form.body)?.[1];
    const [year, month, day] = demo.follow_up_on!.split('-').map(Number);
    expect(field('title')).toBe(`Follow-up: ${demo.title}`);
    expect([field('startsOn-day'), field('startsOn-month'), field('startsOn-year')].map(Number)).toEqual([
      day,
      month,
      year,
    ]);
    expect(form.body).toContain(demo.scope.replace(/’/g, '&#8217;').slice(0, 20));
    const started = await session.submit(followUpUrl, `/localities/${CODE}/scrutiny/reviews`, {
      committeeId: demo.committee_id,
      kind: demo.kind,
      title: field('title') ?? '',
      scopeKind: demo.scope_kind,
      scopeTheme: demo.scope_theme ?? '',
      scope: demo.scope,
      'startsOn-day': String(day),
      'startsOn-month': String(month),
      'startsOn-year': String(year),
    });
    expect(started.statusCode, started.body.slice(0, 400)).toBe(303);
    const followUp = (await ctx.services.scrutiny.overview(member.principal, CODE)).reviews.find(
      (r) => r.title === `Follow-up: ${demo.title}`,
    );
    expect(followUp).toMatchObject({
      starts_on: demo.follow_up_on,
      scope: demo.scope,
      committee_id: demo.committee_id,
    });

    // The public reads the risk registers without the restricted risk, and nothing of scrutiny.
    const visitor = new FormSession(ctx.app);
    const risks = await visitor.get(`/localities/${CODE}/risks`);
    expect(risks.statusCode).toBe(200);
    expect(risks.body).not.toContain('Data sharing agreement with health lapses');
    expect((await visitor.get(`/localities/${CODE}/scrutiny`)).statusCode).toBe(303);
    const accountable = await visitor.get(`/localities/${CODE}/partnerships/${ids.lsp}/accountable`);
    expect(accountable.statusCode).toBe(200);
    expect(accountable.body).toContain('How to complain');
    expect(accountable.body).toContain('Agreed to pool early help budgets');
  });

  it('answers the API: risks for the public without restricted ones, problem details naming each bad field', async () => {
    const api = (method: 'GET' | 'POST', url: string, person?: Person, payload?: unknown) =>
      ctx.app.inject({
        method,
        url: `/api/v1/localities/${CODE}${url}`,
        headers: person?.headers ?? {},
        payload: payload as object,
      });
    const publicRisks = await api('GET', '/risks');
    expect(publicRisks.statusCode).toBe(200);
    const titles = (publicRisks.json() as Array<{ title: string; restricted: boolean }>).map((r) => r.title);
    expect(titles).not.toContain('Data sharing agreement with health lapses');
    const lsp = await api('GET', '/risks?register=lsp', member);
    expect((lsp.json() as Array<{ partnershipId: string | null }>).every((r) => r.partnershipId === null)).toBe(true);

    const bad = await api('POST', '/risks', admin, { title: '', owner: 'LSP manager', inherentLikelihood: 9 });
    expect(bad.statusCode).toBe(422);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    const fields = (bad.json() as { errors: Array<{ field: string }> }).errors.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['title', 'inherentLikelihood', 'inherentImpact', 'reviewOn']));
    const made = await api('POST', '/risks', admin, { ...riskFields(), title: 'Recorded through the API' });
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({ partnershipId: null, residual: { score: 2, band: 'low' }, matrixSize: 5 });

    expect((await api('GET', '/scrutiny/recommendations')).statusCode).toBe(401);
    const review = (await ctx.services.scrutiny.overview(member.principal, CODE)).reviews[0];
    const rec = await ctx.services.scrutiny.addRecommendation(member.principal, CODE, review?.id as string, {
      text: 'Share the partnership’s risk register with the board each quarter.',
      addresseeKind: 'partnership',
      partnershipId: ids.csp,
    });
    const monitor = (await api('GET', '/scrutiny/recommendations', member)).json() as Array<{
      id: string;
      rag: string;
    }>;
    expect(monitor.find((r) => r.id === rec.id)?.rag).toBe('amber');
    const answer = { response: 'accepted', version: rec.version };
    const refused = await api('POST', `/scrutiny/recommendations/${rec.id}/response`, member, answer);
    expect(refused.statusCode).toBe(403);
    const accepted = await api('POST', `/scrutiny/recommendations/${rec.id}/response`, cspSecretary, answer);
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', rag: 'amber', addresseeKind: 'partnership' });
  });

  const audited = async (entityId: string) =>
    (
      await ctx.database.db
        .selectFrom('audit_events')
        .select(['action', 'summary'])
        .where('entity_id', '=', entityId)
        .orderBy('id')
        .execute()
    ).map((e) => `${e.action}: ${e.summary}`);

  it('changes a risk at its version for its register’s keeper only, and closes it with its history kept', async () => {
    const { scrutiny } = ctx.services;
    const risk = await scrutiny.createRisk(cspSecretary.principal, CODE, {
      ...riskFields(),
      partnershipId: ids.csp,
      title: 'CCTV contract lapses',
    });
    const change = { ...riskFields(), title: 'CCTV maintenance contract lapses', owner: 'Safety manager', version: 1 };
    delete (change as Record<string, unknown>).residualLikelihood;
    delete (change as Record<string, unknown>).residualImpact;
    delete (change as Record<string, unknown>).reviewOn;
    await expect(scrutiny.updateRisk(member.principal, CODE, risk.id, change)).rejects.toThrow(ForbiddenError);
    await expect(scrutiny.updateRisk(lspSecretary.principal, CODE, risk.id, change)).rejects.toThrow(ForbiddenError);
    await expect(scrutiny.updateRisk(cspSecretary.principal, CODE, risk.id, { ...change, title: '' })).rejects.toThrow(
      ValidationError,
    );
    const changed = await scrutiny.updateRisk(cspSecretary.principal, CODE, risk.id, change);
    expect(changed).toMatchObject({ title: 'CCTV maintenance contract lapses', owner: 'Safety manager', version: 2 });
    // The residual score is left to reviews: a change does not touch it or the history.
    expect(changed.residual_likelihood).toBe(risk.residual_likelihood);
    await expect(scrutiny.updateRisk(cspSecretary.principal, CODE, risk.id, change)).rejects.toThrow(ConflictError);

    await expect(scrutiny.closeRisk(member.principal, CODE, risk.id, { version: 2 })).rejects.toThrow(ForbiddenError);
    await expect(scrutiny.closeRisk(cspSecretary.principal, CODE, risk.id, { version: 1 })).rejects.toThrow(
      ConflictError,
    );
    await scrutiny.closeRisk(cspSecretary.principal, CODE, risk.id, { version: 2 });
    const register = await scrutiny.risks(member.principal, CODE);
    expect(register.risks.map((r) => r.row.id)).not.toContain(risk.id);
    const closed = await scrutiny.risk(member.principal, CODE, risk.id);
    expect(closed.risk.row.closed_on).toBe(TODAY);
    expect(closed.history).toHaveLength(1);
    await expect(scrutiny.updateRisk(cspSecretary.principal, CODE, risk.id, { ...change, version: 3 })).rejects.toThrow(
      NotFoundError,
    );
    // Through the API: its keeper changes another risk, a scrutiny member may not, and a stale close is refused.
    const other = await scrutiny.createRisk(cspSecretary.principal, CODE, { ...riskFields(), partnershipId: ids.csp });
    const url = `/api/v1/localities/${CODE}/risks/${other.id}`;
    const put = (person: Person, payload: unknown) =>
      ctx.app.inject({ method: 'PUT', url, headers: person.headers, payload: payload as object });
    expect((await put(member, { ...change, version: 1 })).statusCode).toBe(403);
    const viaApi = await put(cspSecretary, { ...change, title: 'Changed through the API', version: 1 });
    expect(viaApi.json()).toMatchObject({ title: 'Changed through the API', version: 2 });
    const staleClose = await ctx.app.inject({
      method: 'DELETE',
      url: `${url}?version=1`,
      headers: cspSecretary.headers,
    });
    expect(staleClose.statusCode).toBe(409);
    const close = await ctx.app.inject({ method: 'DELETE', url: `${url}?version=2`, headers: cspSecretary.headers });
    expect(close.statusCode).toBe(204);
    expect(await audited(risk.id)).toEqual([
      'create: Recorded the risk “CCTV contract lapses”',
      'update: Changed the risk “CCTV maintenance contract lapses”',
      'close: Closed the risk “CCTV maintenance contract lapses”',
    ]);
  });

  it('changes a committee and a review’s scope for scrutiny only, and removes them only when nothing hangs on them', async () => {
    const { scrutiny } = ctx.services;
    const committee = await scrutiny.createCommittee(member.principal, CODE, {
      name: 'Health task group',
      members: ['Cllr Ann Example (chair)', 'Cllr Bo Sample'],
    });
    const update = {
      name: 'Health and wellbeing task group',
      remit: 'Health inequalities',
      members: ['Cllr Bo Sample (chair)', 'Dr Cy Coopted (co-opted)'],
      version: committee.version,
    };
    await expect(scrutiny.updateCommittee(cspSecretary.principal, CODE, committee.id, update)).rejects.toThrow(
      ForbiddenError,
    );
    const overview = await scrutiny.overview(member.principal, CODE);
    const other = overview.committees.find((c) => c.id !== committee.id);
    await expect(
      scrutiny.updateCommittee(member.principal, CODE, committee.id, { ...update, name: other?.name }),
    ).rejects.toThrow('There is already a committee with this name');
    await scrutiny.updateCommittee(member.principal, CODE, committee.id, update);
    const changed = await scrutiny.committee(member.principal, CODE, committee.id);
    expect(changed.committee).toMatchObject({ name: 'Health and wellbeing task group', version: 2 });
    expect(changed.members.map((m) => `${m.name}/${m.role}`).sort()).toEqual([
      'Cllr Bo Sample/chair',
      'Dr Cy Coopted/co-opted',
    ]);
    await expect(scrutiny.updateCommittee(member.principal, CODE, committee.id, update)).rejects.toThrow(ConflictError);

    const review = await scrutiny.createReview(member.principal, CODE, {
      committeeId: committee.id,
      kind: 'systems',
      title: 'Hospital discharge',
      scopeKind: 'lsp',
      scope: 'Discharge across the LSP',
      startsOn: TODAY,
    });
    await expect(scrutiny.removeCommittee(member.principal, CODE, committee.id, { version: 2 })).rejects.toThrow(
      'has a review',
    );
    const scope = {
      committeeId: committee.id,
      kind: 'theme-performance',
      title: 'Community safety outcomes',
      scopeKind: 'partnership',
      scopePartnershipId: ids.csp,
      scope: 'The community safety partnership’s outcomes',
      startsOn: TODAY,
      version: review.version,
    };
    await expect(scrutiny.updateReview(cspSecretary.principal, CODE, review.id, scope)).rejects.toThrow(ForbiddenError);
    await expect(
      scrutiny.updateReview(member.principal, CODE, review.id, { ...scope, scopePartnershipId: undefined }),
    ).rejects.toThrow('Choose the partnership the review looks at');
    await scrutiny.updateReview(member.principal, CODE, review.id, scope);
    const live = await scrutiny.review(member.principal, CODE, review.id);
    expect(live.scopeLabel).toBe('Brackenfield Community Safety Partnership');
    const evidence = await scrutiny.evidence(member.principal, live, live.review, ctx.database.db);
    expect(evidence.partnerships.map((p) => p.name)).toEqual(['Brackenfield Community Safety Partnership']);
    await expect(scrutiny.updateReview(member.principal, CODE, review.id, scope)).rejects.toThrow(ConflictError);

    await expect(scrutiny.removeReview(cspSecretary.principal, CODE, review.id, { version: 2 })).rejects.toThrow(
      ForbiddenError,
    );
    await scrutiny.removeReview(member.principal, CODE, review.id, { version: 2 });
    await scrutiny.removeCommittee(member.principal, CODE, committee.id, { version: 2 });
    expect((await scrutiny.overview(member.principal, CODE)).committees.map((c) => c.id)).not.toContain(committee.id);
    expect(await audited(review.id)).toEqual([
      'create: Started the review “Hospital discharge”',
      'update: Changed the review “Community safety outcomes”',
      'withdraw: Removed the review “Community safety outcomes”',
    ]);

    // A review that has issued a pack stays.
    const issued = overview.reviews.find((r) => r.scope_theme === 'community-safety');
    const pack = await scrutiny.issuePack(member.principal, CODE, issued?.id as string);
    expect(pack.id).toBeTruthy();
    const current = await scrutiny.review(member.principal, CODE, issued?.id as string);
    await expect(
      scrutiny.removeReview(member.principal, CODE, issued?.id as string, { version: current.review.version }),
    ).rejects.toThrow('stays on record');
  });

  it('serves the change and “are you sure” pages, with the error summary on bad input and on a stale version', async () => {
    const session = new FormSession(ctx.app);
    await session.signIn(cspSecretary.email, cspSecretary.password);
    const risk = await ctx.services.scrutiny.createRisk(cspSecretary.principal, CODE, {
      ...riskFields(),
      partnershipId: ids.csp,
      title: 'Night-time economy funding ends',
    });
    const riskUrl = `/localities/${CODE}/risks/${risk.id}`;
    expect((await session.get(riskUrl)).body).toContain(`${riskUrl}/edit`);
    const form = await session.get(`${riskUrl}/edit`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('value="Night-time economy funding ends"');
    const fields = { title: '', owner: 'Someone', inherentLikelihood: '2', inherentImpact: '2', version: '1' };
    const bad = await session.submit(`${riskUrl}/edit`, `${riskUrl}/edit`, fields);
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('govuk-error-summary');
    expect(bad.body).toContain('Enter the risk');
    const saved = await session.submit(`${riskUrl}/edit`, `${riskUrl}/edit`, {
      ...fields,
      title: 'Late-night levy ends',
    });
    expect(saved.statusCode).toBe(303);
    const stale = await session.submit(`${riskUrl}/edit`, `${riskUrl}/edit`, { ...fields, title: 'Stale' });
    expect(stale.statusCode).toBe(422);
    expect(stale.body).toContain('Someone else has changed this risk');
    const sure = await session.get(`${riskUrl}/close`);
    expect(sure.body).toContain('Close the risk “Late-night levy ends”?');
    const closed = await session.submit(`${riskUrl}/close`, `${riskUrl}/close`, { version: '2' });
    expect(closed.statusCode).toBe(303);
    expect((await session.get(riskUrl)).body).toContain('Closed');

    // The committee's pages are the scrutiny members', not a secretary's.
    const overview = await ctx.services.scrutiny.overview(member.principal, CODE);
    const committee = overview.committees[0];
    expect((await session.get(`/localities/${CODE}/scrutiny/committees/${committee?.id}/edit`)).statusCode).toBe(403);
    const scrutineer = new FormSession(ctx.app);
    await scrutineer.signIn(member.email, member.password);
    for (const url of [
      `/localities/${CODE}/scrutiny/committees/${committee?.id}/edit`,
      `/localities/${CODE}/scrutiny/committees/${committee?.id}/remove`,
      `/localities/${CODE}/scrutiny/reviews/${overview.reviews[0]?.id}/edit`,
      `/localities/${CODE}/scrutiny/reviews/${overview.reviews[0]?.id}/remove`,
    ])
      expect((await scrutineer.get(url)).statusCode, url).toBe(200);
    const refused = await scrutineer.submit(
      `/localities/${CODE}/scrutiny/committees/${committee?.id}/remove`,
      `/localities/${CODE}/scrutiny/committees/${committee?.id}/remove`,
      { version: String(committee?.version) },
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('govuk-error-summary');
  });

  it('answers the API for committees, reviews, evidence packs and levers, authorised as the pages are', async () => {
    const api = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, person?: Person, payload?: unknown) =>
      ctx.app.inject({
        method,
        url: `/api/v1/localities/${CODE}${url}`,
        headers: person?.headers ?? {},
        payload: payload as object,
      });
    expect((await api('GET', '/scrutiny/committees')).statusCode).toBe(401);
    const committees = await api('GET', '/scrutiny/committees', member);
    expect(committees.statusCode).toBe(200);
    expect((committees.json() as Array<{ members: unknown[] }>)[0]?.members.length).toBeGreaterThan(0);

    const body = { name: 'Call-in panel', members: ['Cllr Di Example (chair)'] };
    expect((await api('POST', '/scrutiny/committees', cspSecretary, body)).statusCode).toBe(403);
    const made = await api('POST', '/scrutiny/committees', member, body);
    expect(made.statusCode).toBe(201);
    const committee = made.json() as { id: string; version: number };
    expect(made.json()).toMatchObject({ name: 'Call-in panel', members: [{ name: 'Cllr Di Example', role: 'chair' }] });
    const bad = await api('PUT', `/scrutiny/committees/${committee.id}`, member, { name: '' });
    expect(bad.statusCode).toBe(422);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect((bad.json() as { errors: Array<{ field: string }> }).errors.map((e) => e.field)).toEqual(
      expect.arrayContaining(['name', 'version']),
    );
    const changed = await api('PUT', `/scrutiny/committees/${committee.id}`, member, {
      name: 'Call-in and councillor call for action panel',
      version: committee.version,
    });
    expect(changed.json()).toMatchObject({ members: [], version: 2 });
    expect((await api('DELETE', `/scrutiny/committees/${committee.id}?version=1`, member)).statusCode).toBe(409);

    const review = { kind: 'risk', title: 'Flood risk partnership working', scopeKind: 'lsp', startsOn: TODAY };
    const incomplete = await api('POST', '/scrutiny/reviews', member, review);
    expect(incomplete.statusCode).toBe(422);
    expect((incomplete.json() as { errors: Array<{ field: string }> }).errors.map((e) => e.field)).toEqual(
      expect.arrayContaining(['committeeId', 'scope']),
    );
    const started = await api('POST', '/scrutiny/reviews', member, {
      ...review,
      committeeId: committee.id,
      scope: 'How partners share flood risk',
    });
    expect(started.statusCode).toBe(201);
    const reviewId = (started.json() as { id: string }).id;
    expect(started.json()).toMatchObject({
      scopeLabel: 'The LSP and its partnerships',
      status: 'in-progress',
      packs: [],
    });
    expect((await api('POST', `/scrutiny/reviews/${reviewId}/packs`, cspSecretary)).statusCode).toBe(403);
    const issued = await api('POST', `/scrutiny/reviews/${reviewId}/packs`, member);
    expect(issued.statusCode).toBe(201);
    const pack = issued.json() as { id: string; snapshot: { reviewTitle: string; partnerships: unknown[] } };
    expect(pack.snapshot.reviewTitle).toBe('Flood risk partnership working');
    expect(pack.snapshot.partnerships.length).toBeGreaterThan(1);
    expect((await api('GET', `/scrutiny/packs/${pack.id}`, member)).json()).toEqual(issued.json());
    expect((await api('GET', `/scrutiny/packs/${pack.id}`)).statusCode).toBe(401);
    const listed = (await api('GET', '/scrutiny/reviews', member)).json() as Array<{ id: string }>;
    expect(listed.map((r) => r.id)).toContain(reviewId);
    expect(
      ((await api('GET', `/scrutiny/reviews/${reviewId}`, member)).json() as { packs: unknown[] }).packs,
    ).toHaveLength(1);
    // A committee with a review stays.
    expect((await api('DELETE', `/scrutiny/committees/${committee.id}?version=2`, member)).statusCode).toBe(422);

    const levers = await api('GET', '/accountability/levers', member);
    expect(levers.statusCode).toBe(200);
    expect(levers.json()).toHaveLength(1);
    const lever = { kind: 'sla', organisationId: ids.police, title: 'Neighbourhood policing SLA', startsOn: TODAY };
    expect((await api('POST', '/accountability/levers', member, lever)).statusCode).toBe(403);
    const recorded = await api('POST', '/accountability/levers', admin, lever);
    expect(recorded.statusCode).toBe(201);
    expect(recorded.json()).toMatchObject({ organisationName: 'Nethershire Police', current: true });
  });

  it('shows each partnership’s complaints contact in public, set by its secretary, falling back to the joint route and then the accountable body', async () => {
    const { scrutiny } = ctx.services;
    const before = await scrutiny.whoIsAccountable(PUBLIC, CODE, ids.csp);
    expect(['accountable-body', 'lead-organisation']).toContain(before.complaints.source);
    expect(before.canEditComplaints).toBe(false);

    await expect(
      scrutiny.saveComplaintsContact(cspSecretary.principal, CODE, null, { email: 'x@example.org' }),
    ).rejects.toThrow(ForbiddenError);
    const joint = await scrutiny.saveComplaintsContact(admin.principal, CODE, null, {
      email: 'Complaints@Brackenfield.example.org',
    });
    expect(joint?.email).toBe('complaints@brackenfield.example.org');
    expect((await scrutiny.whoIsAccountable(PUBLIC, CODE, ids.csp)).complaints).toMatchObject({
      source: 'locality',
      contact: { email: 'complaints@brackenfield.example.org' },
    });

    const invalid = await scrutiny
      .saveComplaintsContact(cspSecretary.principal, CODE, ids.csp, { email: 'not an address', phone: 'call us' })
      .catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(ValidationError);
    expect((invalid as ValidationError).errors.map((e) => e.field).sort()).toEqual(['email', 'phone']);
    const own = { url: 'https://safer.example.org/complain', phone: '01632 960 001' };
    await expect(scrutiny.saveComplaintsContact(lspSecretary.principal, CODE, ids.csp, own)).rejects.toThrow(
      ForbiddenError,
    );
    await expect(scrutiny.saveComplaintsContact(member.principal, CODE, ids.csp, own)).rejects.toThrow(ForbiddenError);
    const saved = await scrutiny.saveComplaintsContact(cspSecretary.principal, CODE, ids.csp, own);
    await expect(scrutiny.saveComplaintsContact(cspSecretary.principal, CODE, ids.csp, own)).rejects.toThrow(
      ConflictError,
    );
    expect((await scrutiny.whoIsAccountable(PUBLIC, CODE, ids.csp)).complaints).toMatchObject({
      source: 'partnership',
      contact: own,
    });
    // The other partnerships still use the joint route.
    expect((await scrutiny.whoIsAccountable(PUBLIC, CODE, ids.lsp)).complaints.source).toBe('locality');

    const page = await ctx.app.inject({
      method: 'GET',
      url: `/localities/${CODE}/partnerships/${ids.csp}/accountable`,
    });
    expect(page.body).toContain('href="https://safer.example.org/complain"');
    expect(page.body).toContain('01632 960 001');
    const api = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/localities/${CODE}/partnerships/${ids.csp}/complaints`,
    });
    expect(api.json()).toMatchObject({ source: 'partnership', phone: '01632 960 001', version: 1 });
    const refused = await ctx.app.inject({
      method: 'PUT',
      url: `/api/v1/localities/${CODE}/partnerships/${ids.csp}/complaints`,
      headers: member.headers,
      payload: { email: 'x@example.org', version: 1 },
    });
    expect(refused.statusCode).toBe(403);
    const bad = await ctx.app.inject({
      method: 'PUT',
      url: `/api/v1/localities/${CODE}/partnerships/${ids.csp}/complaints`,
      headers: cspSecretary.headers,
      payload: { email: 'nope', version: 1 },
    });
    expect(bad.statusCode).toBe(422);
    expect((bad.json() as { errors: Array<{ field: string }> }).errors.map((e) => e.field)).toEqual(['email']);

    const session = new FormSession(ctx.app);
    await session.signIn(cspSecretary.email, cspSecretary.password);
    const formUrl = `/localities/${CODE}/partnerships/${ids.csp}/accountable/complaints`;
    expect((await session.get(formUrl)).body).toContain('value="01632 960 001"');
    const wrong = await session.submit(formUrl, formUrl, { email: 'nope', version: String(saved?.version) });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain('govuk-error-summary');
    expect(wrong.body).toContain('Enter an email address in the correct format');
    // All blank: the partnership's own contact goes, and the joint route applies again.
    const cleared = await session.submit(formUrl, formUrl, { version: String(saved?.version) });
    expect(cleared.statusCode).toBe(303);
    expect((await scrutiny.whoIsAccountable(PUBLIC, CODE, ids.csp)).complaints.source).toBe('locality');
    await scrutiny.saveComplaintsContact(admin.principal, CODE, null, { version: joint?.version });
    expect((await scrutiny.whoIsAccountable(PUBLIC, CODE, ids.csp)).complaints.source).toBe(before.complaints.source);
  });

  it('puts the overlap findings and the gatekeeper and rationalisation history of the partnerships in scope into a pack', async () => {
    const { scrutiny } = ctx.services;
    const overview = await scrutiny.overview(member.principal, CODE);
    const review = await scrutiny.createReview(member.principal, CODE, {
      committeeId: overview.committees[0]?.id,
      kind: 'systems',
      title: 'How partnerships are set up and joined up',
      scopeKind: 'lsp',
      scope: 'The gatekeeper, overlap and rationalisation',
      startsOn: TODAY,
    });
    const pack = await scrutiny.issuePack(member.principal, CODE, review.id);
    const { snapshot } = await scrutiny.pack(member.principal, CODE, pack.id);
    // The planted duplicates are in the pack as pairs and groups, best first.
    const overlap = snapshot.overlap;
    expect(overlap?.pairs[0]).toMatchObject({ likely: true });
    expect(
      overlap?.pairs.map((p) => [p.partnership, p.other].sort((a, b) => a.localeCompare(b, 'en-GB')).join(' / ')),
    ).toContain('Affordable Warmth Group / Fuel Poverty Partnership');
    expect(overlap?.groups.some((g) => g.partnerships.includes('Healthy Weight Group'))).toBe(true);
    // The gatekeeper's refusal of a proposal like a partnership in scope, and the plan that nested two under the LSP.
    const history = snapshot.history ?? [];
    expect(history).toContainEqual(
      expect.objectContaining({
        partnership: 'Brackenfield Employment and Skills Board',
        source: 'gatekeeper',
        text: expect.stringContaining('Rejected: proposal') as unknown,
      }),
    );
    expect(history).toContainEqual(
      expect.objectContaining({
        partnership: 'Brackenfield Partnership',
        source: 'rationalisation',
        text: 'Faith Leaders’ Forum nested under it (plan RP-001)',
      }),
    );
    // A partnership's own review reads only its own history.
    const own = await scrutiny.updateReview(member.principal, CODE, review.id, {
      committeeId: review.committee_id,
      kind: 'systems',
      title: review.title,
      scopeKind: 'partnership',
      scopePartnershipId: ids.csp,
      scope: review.scope,
      startsOn: TODAY,
      version: review.version,
    });
    const live = await scrutiny.review(member.principal, CODE, own.id);
    const evidence = await scrutiny.evidence(member.principal, live, live.review, ctx.database.db);
    expect(evidence.overlap?.pairs.every((p) => p.partnership === 'Brackenfield Community Safety Partnership')).toBe(
      true,
    );
    expect(evidence.history?.every((h) => h.partnership === 'Brackenfield Community Safety Partnership')).toBe(true);
    const page = new FormSession(ctx.app);
    await page.signIn(member.email, member.password);
    const printed = await page.get(`/localities/${CODE}/scrutiny/packs/${pack.id}`);
    expect(printed.body).toContain('Gatekeeper and rationalisation history');
    expect(printed.body).toContain('Fuel Poverty Partnership');
  });

  it('records consultation and engagement with whom it reached, and shows on the dashboard the groups not reached', async () => {
    const { scrutiny } = ctx.services;
    const activity = {
      partnershipId: ids.csp,
      title: 'Community safety priorities survey',
      method: 'survey',
      heldOn: addDays(TODAY, -10),
      groups: ['residents', 'young-people'],
      peopleReached: 340,
    };
    await expect(scrutiny.recordConsultation(member.principal, CODE, activity)).rejects.toThrow(ForbiddenError);
    await expect(
      scrutiny.recordConsultation(cspSecretary.principal, CODE, { ...activity, partnershipId: undefined }),
    ).rejects.toThrow(ForbiddenError);
    const invalid = await scrutiny
      .recordConsultation(cspSecretary.principal, CODE, { ...activity, groups: [], method: 'carrier pigeon' })
      .catch((e: unknown) => e);
    expect((invalid as ValidationError).errors.map((e) => e.field).sort()).toEqual(['groups', 'method']);
    await expect(
      scrutiny.recordConsultation(cspSecretary.principal, CODE, { ...activity, heldOn: addDays(TODAY, 5) }),
    ).rejects.toThrow('Record an activity once it has happened');
    await scrutiny.recordConsultation(cspSecretary.principal, CODE, activity);
    await scrutiny.recordConsultation(admin.principal, CODE, {
      title: 'LSP annual conference',
      method: 'workshop',
      heldOn: addDays(TODAY, -40),
      groups: ['voluntary-community', 'business', 'young-people'],
      peopleReached: 85,
    });
    const board = await scrutiny.dashboard(admin.principal, CODE);
    const reach = new Map(board.consultation.reach.map((r) => [r.group, r]));
    expect(reach.get('young-people')).toMatchObject({ activities: 2, people: 425 });
    expect(board.consultation.notReached).toEqual(['older-people', 'disabled-people', 'minority-ethnic']);
    expect(board.consultation.activities.map((a) => a.partnershipName)).toEqual([
      'Brackenfield Community Safety Partnership',
      'The LSP (locality-wide)',
    ]);
    await expect(scrutiny.consultations(PUBLIC, CODE)).rejects.toThrow(UnauthenticatedError);
    const api = `/api/v1/localities/${CODE}/accountability/consultations`;
    const listed = await ctx.app.inject({ method: 'GET', url: api, headers: member.headers });
    expect((listed.json() as Array<{ title: string }>).map((a) => a.title)).toContain('LSP annual conference');
    const refused = await ctx.app.inject({ method: 'POST', url: api, headers: member.headers, payload: activity });
    expect(refused.statusCode).toBe(403);
    const problem = await ctx.app.inject({
      method: 'POST',
      url: api,
      headers: cspSecretary.headers,
      payload: { ...activity, peopleReached: -1 },
    });
    expect(problem.statusCode).toBe(422);
    expect((problem.json() as { errors: Array<{ field: string }> }).errors.map((e) => e.field)).toEqual([
      'peopleReached',
    ]);

    const session = new FormSession(ctx.app);
    await session.signIn(cspSecretary.email, cspSecretary.password);
    const formUrl = `/localities/${CODE}/accountability/consultations/new`;
    const action = `/localities/${CODE}/accountability/consultations`;
    const bad = await session.submit(formUrl, action, { partnershipId: ids.csp, title: 'Youth forum' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('govuk-error-summary');
    expect(bad.body).toContain('Choose at least one group it reached');
    const done = await session.submit(formUrl, action, {
      partnershipId: ids.csp,
      title: 'Youth forum',
      method: 'focus-group',
      'heldOn-day': '1',
      'heldOn-month': '1',
      'heldOn-year': '2020',
      groups: ['young-people', 'disabled-people'],
    });
    expect(done.statusCode).toBe(303);
    const page = await (async () => {
      const s2 = new FormSession(ctx.app);
      await s2.signIn(admin.email, admin.password);
      return s2.get(`/localities/${CODE}/accountability`);
    })();
    expect(page.body).toContain('Youth forum');
    expect(page.body).toContain('Not reached');
  });
});

function riskFields() {
  return {
    title: 'A risk',
    owner: 'Someone',
    inherentLikelihood: 2,
    inherentImpact: 2,
    residualLikelihood: 1,
    residualImpact: 2,
    reviewOn: addDays(todayInLondon(), 30),
  };
}
