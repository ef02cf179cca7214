import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { SYSTEM } from '../../core/actor.js';
import { type Person, type TestContext, createDemoTestContext } from '../../../test/helpers/context.js';
import { backends } from '../../../test/helpers/database.js';
import { FormSession } from '../../../test/helpers/forms.js';
import { DEMO_LOCALITY_CODE } from '../demo/seed.js';

const CODE = DEMO_LOCALITY_CODE;
const BASE = `/localities/${CODE}/cycles`;
const YEAR = 2026;
const financialYearStart = (day: string) => Number(day.slice(0, 4)) - (Number(day.slice(5, 7)) < 4 ? 1 : 0);

function parseFeed(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((v) => {
    const event = new ICAL.Event(v);
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate.toString(),
      allDay: event.startDate.isDate,
    };
  });
}

describe.each(backends)('planning and reporting cycles on %s', (backend) => {
  let ctx: TestContext;
  let admin: Person;
  let secretary: Person;
  let session: FormSession;
  const ids = { lsp: '', csp: '', asb: '', executive: '' };

  beforeAll(async () => {
    ctx = await createDemoTestContext(backend, { today: '2026-06-01' });
    const locality = await ctx.services.register.locality(CODE);
    const partnerships = await ctx.services.register.partnerships.options(ctx.database.db, locality.id);
    const named = (name: string) => partnerships.find((p) => p.name === name)?.id as string;
    ids.lsp = named('Brackenfield Partnership');
    ids.csp = named('Brackenfield Community Safety Partnership');
    ids.asb = named('Anti-Social Behaviour Action Group');
    ids.executive = named('Brackenfield Partnership Executive');
    admin = await ctx.person([{ role: 'locality-admin', localityCode: CODE }]);
    secretary = await ctx.person([{ role: 'partnership-secretary', localityCode: CODE, partnershipId: ids.asb }]);
    session = new FormSession(ctx.app);
    await session.signIn(admin.email, admin.password);
  }, 600_000);
  afterAll(() => ctx?.close());

  it('plants five kinds of misalignment in the demo, the community safety report the day after the LSP board among them', async () => {
    const { flags } = await ctx.services.cycles.calendars(SYSTEM, CODE, YEAR);
    expect(new Set(flags.map((f) => f.kind))).toEqual(
      new Set(['reports-to', 'needs-data', 'review-before-budget', 'plan-before-budget', 'board-clash']),
    );
    const late = flags.filter((f) => f.kind === 'reports-to');
    expect(late.length).toBeGreaterThanOrEqual(4);
    for (const f of late) {
      expect(f.first.event.ownerName).toBe('Brackenfield Community Safety Partnership');
      expect(f.second.event.ownerName).toBe('Brackenfield Partnership');
      const next = new Date(`${f.second.date}T00:00:00Z`);
      next.setUTCDate(next.getUTCDate() + 1);
      expect(f.first.date).toBe(next.toISOString().slice(0, 10));
    }
  });

  it('proposes an aligned calendar that removes every planted flag, moving nothing fixed and nothing outside its window', async () => {
    const { alignment } = await ctx.services.cycles.alignment(SYSTEM, CODE, YEAR);
    expect(alignment.before.length).toBeGreaterThanOrEqual(5);
    expect(alignment.after).toEqual([]);
    for (const { occurrence, to } of alignment.moves) {
      expect(occurrence.event.movability).not.toBe('fixed');
      expect(to >= occurrence.windowFrom && to <= occurrence.windowTo).toBe(true);
    }
  });

  it('shows the public the timeline with every public event in its table, and no restricted one', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: `${BASE}?year=${YEAR}` });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<svg class="app-cycles-timeline" role="img"');
    const { occurrences } = await ctx.services.cycles.calendars(
      { id: 'public', label: 'Public', kind: 'public', grants: [], canWrite: false },
      CODE,
      YEAR,
    );
    const rows = response.body.match(/<tr class="govuk-table__row" id="event-/g) ?? [];
    expect(rows.length).toBe(occurrences.length);
    expect(response.body).not.toContain('Case conference');
    expect(response.body).toContain('Report lands after the parent’s meeting');
    expect(response.body).not.toContain('Propose an aligned calendar');
    expect(response.body).toContain('except Brackenfield College: August to July');
    const signedIn = await session.get(`${BASE}?year=${YEAR}`);
    expect(signedIn.body).toContain('Case conference (closed: personal data)');
    expect(signedIn.body).toContain('Propose an aligned calendar');
  });

  it('filters the lanes by partnership and by theme', async () => {
    const page = await ctx.app.inject({ method: 'GET', url: `${BASE}?year=${YEAR}&partnership=${ids.csp}` });
    expect(page.body).toContain('Quarterly report to the LSP');
    expect(page.body).not.toContain('Health and wellbeing board</td>');
    // As the filter form sends it, with the other choices left at "all".
    const form = await ctx.app.inject({
      method: 'GET',
      url: `${BASE}?year=${YEAR}&theme=&partnership=${ids.csp}&organisation=`,
    });
    expect(form.body).not.toContain('Health and wellbeing board</td>');
    const theme = await ctx.app.inject({ method: 'GET', url: `${BASE}?year=${YEAR}&theme=health-wellbeing` });
    expect(theme.body).toContain('Health and wellbeing board');
    expect(theme.body).not.toContain('Quarterly report to the LSP</td>');
  });

  it('opens one misalignment with its dates and a fix, and says so when there is no such flag', async () => {
    const { flags } = await ctx.services.cycles.calendars(SYSTEM, CODE, YEAR);
    const flag = flags.find((f) => f.kind === 'reports-to');
    const page = await ctx.app.inject({
      method: 'GET',
      url: `${BASE}/flags?year=${YEAR}&key=${encodeURIComponent(flag?.key ?? '')}`,
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('comes 1 day after Brackenfield Partnership: LSP board');
    expect(page.body).toContain('Suggested fix');
    const missing = await ctx.app.inject({ method: 'GET', url: `${BASE}/flags?key=nothing` });
    expect(missing.statusCode).toBe(404);
  });

  it('sends the aligned calendar for agreement and moves a calendar’s dates only as its administrator agrees', async () => {
    const anonymous = await ctx.app.inject({ method: 'GET', url: `${BASE}/aligned?year=${YEAR}` });
    expect([302, 303, 401]).toContain(anonymous.statusCode);
    const page = await session.get(`${BASE}/aligned?year=${YEAR}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Ask each calendar’s administrator to agree');
    // Only the locality's administrator sends the proposal.
    await expect(ctx.services.cycles.proposeRound(secretary.principal, CODE, { year: YEAR })).rejects.toThrow(
      /permission/,
    );
    const cspSecretary = await ctx.person([
      { role: 'partnership-secretary', localityCode: CODE, partnershipId: ids.csp },
    ]);
    const before = (await ctx.services.cycles.calendars(SYSTEM, CODE, YEAR)).flags;
    const sent = await session.submit(`${BASE}/aligned?year=${YEAR}`, `${BASE}/aligned/rounds`, { year: String(YEAR) });
    expect(sent.statusCode).toBe(303);
    const roundUrl = sent.headers.location as string;
    // Sending moves nothing.
    expect((await ctx.services.cycles.calendars(SYSTEM, CODE, YEAR)).flags).toHaveLength(before.length);
    // The community safety partnership's secretary is asked.
    const inbox = await ctx.services.notifications.inbox(cspSecretary.principal);
    expect(JSON.stringify(inbox)).toContain('aligned calendar for Brackenfield Community Safety Partnership');

    const waiting = 'Answer the aligned calendar proposal for Brackenfield Community Safety Partnership';
    expect((await ctx.services.cycles.workFor(cspSecretary.principal)).map((w) => w.title)).toContain(waiting);
    const roundId = roundUrl.split('/').at(-1) as string;
    const round = await ctx.services.cycles.round(SYSTEM, CODE, roundId);
    const csp = round.owners.find((o) => o.ownerId === ids.csp);
    expect(csp?.waiting).toBeGreaterThan(1);
    const [first, ...rest] = csp?.moves ?? [];
    // Another partnership's secretary may not answer for it.
    await expect(
      ctx.services.cycles.answerRound(secretary.principal, CODE, roundId, {
        ownerId: ids.csp,
        answers: [{ key: first?.move.key, decision: 'consent' }],
      }),
    ).rejects.toThrow(/permission/);
    // Its own secretary agrees to one move and declines the others.
    const answered = await ctx.services.cycles.answerRound(cspSecretary.principal, CODE, roundId, {
      ownerId: ids.csp,
      answers: [
        { key: first?.move.key, decision: 'consent' },
        ...rest.map((m) => ({ key: m.move.key, decision: 'decline', reason: 'Police analyst on leave' })),
      ],
    });
    expect(answered).toMatchObject({ applied: 1, declined: rest.length });
    expect((await ctx.services.cycles.workFor(cspSecretary.principal)).map((w) => w.title)).not.toContain(waiting);
    // The administrator who sent the proposal hears the answer.
    expect(JSON.stringify(await ctx.services.notifications.inbox(admin.principal))).toContain(
      'Brackenfield Community Safety Partnership answered the aligned calendar proposal',
    );
    const after = await ctx.services.cycles.calendars(SYSTEM, CODE, YEAR);
    expect(after.occurrences.find((o) => o.key === first?.move.key)?.date).toBe(first?.move.to);
    for (const m of rest) expect(after.occurrences.find((o) => o.key === m.move.key)?.date).toBe(m.move.from);
    // Other calendars are untouched until their administrators answer.
    const lsp = round.owners.find((o) => o.ownerId !== ids.csp);
    for (const m of lsp?.moves ?? [])
      expect(after.occurrences.find((o) => o.key === m.move.key)?.date).toBe(m.move.from);
    // A move already answered keeps its answer.
    await expect(
      ctx.services.cycles.answerRound(cspSecretary.principal, CODE, roundId, {
        ownerId: ids.csp,
        answers: [{ key: first?.move.key, decision: 'decline' }],
      }),
    ).rejects.toThrow(/already answered/);

    // The page says who answered what.
    const shown = await session.get(roundUrl);
    expect(shown.body).toContain('Who has answered');
    expect(shown.body).toContain(cspSecretary.principal.label);
    expect(shown.body).toContain('Police analyst on leave');
    expect(shown.body).toContain('Agreed and moved');

    // The administrator answers for another calendar through the form: one agreed, the rest left.
    const other = (await ctx.services.cycles.round(admin.principal, CODE, roundId)).owners.find(
      (o) => o.ownerId !== ids.csp && o.canAnswer,
    );
    const none = await session.submit(roundUrl, `${roundUrl}/answers`, { ownerId: other?.ownerId ?? '' });
    expect(none.statusCode).toBe(422);
    expect(none.body).toContain('Choose agree or decline for at least one move');
    const agreed = await session.submit(roundUrl, `${roundUrl}/answers`, {
      ownerId: other?.ownerId ?? '',
      'key-0': other?.moves[0]?.move.key ?? '',
      'decision-0': 'consent',
    });
    expect(agreed.statusCode).toBe(303);
    const moved = await ctx.services.cycles.calendars(SYSTEM, CODE, YEAR);
    expect(moved.occurrences.find((o) => o.key === other?.moves[0]?.move.key)?.date).toBe(other?.moves[0]?.move.to);
    const audit = await ctx.database.db
      .selectFrom('audit_events')
      .select(['summary'])
      .where('entity_type', '=', 'calendar')
      .where('action', '=', 'consent')
      .execute();
    expect(audit.map((a) => a.summary).join('\n')).toContain(
      'Brackenfield Community Safety Partnership agreed to 1 move of the aligned calendar and declined',
    );

    // A newer proposal replaces this one: no more answers here. Two sent at once leave one open.
    await Promise.all([
      ctx.services.cycles.proposeRound(admin.principal, CODE, { year: YEAR }),
      ctx.services.cycles.proposeRound(admin.principal, CODE, { year: YEAR }),
    ]);
    const open = (await ctx.services.cycles.rounds(admin.principal, CODE)).filter((r) => r.status === 'open');
    expect(open).toHaveLength(1);
    await expect(
      ctx.services.cycles.answerRound(admin.principal, CODE, roundId, {
        ownerId: other?.ownerId,
        answers: [{ key: other?.moves[1]?.move.key ?? other?.moves[0]?.move.key, decision: 'consent' }],
      }),
    ).rejects.toThrow(/newer proposal|already answered/);
  });

  it('adds an event through the form: errors shown with the values kept, then saved and audited', async () => {
    const form = `${BASE}/events/new`;
    const bad = await session.submit(form, form, {
      owner: `partnership:${ids.lsp}`,
      kind: 'board-meeting',
      title: 'Away day',
      'startsOn-day': '31',
      'startsOn-month': '2',
      'startsOn-year': '2027',
      recurrence: 'FREQ=SOMETIMES',
      startTime: '25:00',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('There is a problem');
    expect(bad.body).toContain('href="#startsOn"');
    expect(bad.body).toContain('href="#recurrence"');
    expect(bad.body).toContain('href="#startTime"');
    expect(bad.body).toContain('value="Away day"');
    const good = await session.submit(form, form, {
      owner: `partnership:${ids.lsp}`,
      kind: 'board-meeting',
      title: 'Away day',
      'startsOn-day': '17',
      'startsOn-month': '2',
      'startsOn-year': '2027',
      movability: 'fixed',
    });
    expect(good.statusCode).toBe(303);
    const { events } = await ctx.services.cycles.calendars(SYSTEM, CODE, YEAR);
    const added = events.find((e) => e.title === 'Away day');
    expect(added).toMatchObject({ startsOn: '2027-02-17', recurrence: null, movability: 'fixed' });
    const audit = await ctx.database.db
      .selectFrom('audit_events')
      .select('summary')
      .where('entity_id', '=', added?.id as string)
      .executeTakeFirst();
    expect(audit?.summary).toContain('Away day');
  });

  it('changes an event through its form, refuses a stale form keeping what was typed, and removes it after asking', async () => {
    const event = await ctx.services.cycles.createEvent(admin.principal, CODE, {
      owner: `partnership:${ids.lsp}`,
      kind: 'plan-approval',
      title: 'Delivery plan sign-off',
      startsOn: '2027-01-12',
      themes: ['health-wellbeing'],
    });
    const timeline = await session.get(`${BASE}?year=${YEAR}`);
    expect(timeline.body).toContain(`${BASE}/events/${event.id}/edit`);
    const publicTimeline = await ctx.app.inject({ method: 'GET', url: `${BASE}?year=${YEAR}` });
    expect(publicTimeline.body).not.toContain('/edit"');

    const form = `${BASE}/events/${event.id}/edit`;
    const page = await session.get(form);
    expect(page.body).toContain('value="Delivery plan sign-off"');
    expect(page.body).toContain('name="version" id="version" value="1"');
    const fields = {
      kind: 'plan-approval',
      title: 'Delivery plan approval',
      'startsOn-day': '19',
      'startsOn-month': '1',
      'startsOn-year': '2027',
      movability: 'within-days',
      windowDays: '7',
      version: '1',
    };
    const bad = await session.submit(form, form, { ...fields, 'startsOn-day': '32' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('href="#startsOn"');
    expect(bad.body).toContain('value="Delivery plan approval"');
    const saved = await session.submit(form, form, fields);
    expect(saved.statusCode).toBe(303);
    const changed = (await ctx.services.cycles.editableEvent(admin.principal, CODE, event.id)).event;
    expect(changed).toMatchObject({
      title: 'Delivery plan approval',
      themes: ['health-wellbeing'],
      starts_on: '2027-01-19',
      window_days: 7,
      version: 2,
    });

    // Someone else's form, read at version 1, is refused: what they typed is kept, what is saved is shown.
    const stale = await session.submit(form, form, { ...fields, title: 'Plan sign-off (typed late)' });
    expect(stale.statusCode).toBe(422);
    expect(stale.body).toContain('Someone changed this event since you read it');
    expect(stale.body).toContain('value="Plan sign-off (typed late)"');
    expect(stale.body).toContain('Saved now (version 2)');
    expect(stale.body).toContain('name="version" id="version" value="2"');
    expect((await ctx.services.cycles.editableEvent(admin.principal, CODE, event.id)).event.title).toBe(
      'Delivery plan approval',
    );

    // A secretary of another partnership cannot open it.
    const other = new FormSession(ctx.app);
    await other.signIn(secretary.email, secretary.password);
    expect((await other.get(form)).statusCode).toBe(403);

    const remove = `${BASE}/events/${event.id}/remove`;
    const confirm = await session.get(remove);
    expect(confirm.body).toContain('Remove “Delivery plan approval”?');
    expect((await session.submit(remove, remove, { version: '1' })).body).toContain(
      'Someone changed this event since you read it',
    );
    const removed = await session.submit(remove, remove, { version: '2' });
    expect(removed.statusCode).toBe(303);
    const { events } = await ctx.services.cycles.calendars(SYSTEM, CODE, YEAR);
    expect(events.some((e) => e.id === event.id)).toBe(false);
    const audit = await ctx.database.db
      .selectFrom('audit_events')
      .select(['action', 'summary'])
      .where('entity_id', '=', event.id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'withdraw']);
  });

  it('moves one date of a repeating event through a form, and cancels another, leaving the rest', async () => {
    const { occurrences } = await ctx.services.cycles.calendars(SYSTEM, CODE, YEAR);
    const boards = occurrences.filter((o) => o.event.ownerId === ids.executive && o.event.kind === 'board-meeting');
    const [first, second, third] = boards;
    const form = `${BASE}/events/${first?.eventId}/dates/${first?.originalDate}`;
    const timeline = await session.get(`${BASE}?year=${YEAR}`);
    expect(timeline.body).toContain(form);
    const page = await session.get(form);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Move or cancel one date of');
    const bad = await session.submit(form, form, { cancel: 'false', reason: 'Chair away' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('href="#movedTo"');
    expect(bad.body).toContain('value="Chair away"');
    const to = first?.windowTo as string;
    const moved = await session.submit(form, form, {
      cancel: 'false',
      'movedTo-day': String(Number(to.slice(8, 10))),
      'movedTo-month': String(Number(to.slice(5, 7))),
      'movedTo-year': to.slice(0, 4),
      reason: 'Chair away',
    });
    expect(moved.statusCode).toBe(303);
    const cancelForm = `${BASE}/events/${second?.eventId}/dates/${second?.originalDate}`;
    expect((await session.submit(cancelForm, cancelForm, { cancel: 'true' })).statusCode).toBe(303);
    const after = await ctx.services.cycles.calendars(SYSTEM, CODE, YEAR);
    expect(after.occurrences.find((o) => o.key === first?.key)?.date).toBe(to);
    expect(after.occurrences.some((o) => o.key === second?.key)).toBe(false);
    expect(after.occurrences.find((o) => o.key === third?.key)?.date).toBe(third?.date);
    const missing = await session.get(`${BASE}/events/${first?.eventId}/dates/2026-02-30`);
    expect(missing.statusCode).toBe(404);
  });

  it('changes and removes an event through the API, naming each bad field and refusing a stale version', async () => {
    const url = `/api/v1/localities/${CODE}/cycles/events`;
    const created = await ctx.app.inject({
      method: 'POST',
      url,
      headers: admin.headers,
      payload: {
        owner: `partnership:${ids.csp}`,
        kind: 'performance-review',
        title: 'Strategic assessment',
        startsOn: '2026-11-03',
      },
    });
    const { id } = created.json() as { id: string };
    const read = await ctx.app.inject({ method: 'GET', url: `${url}/${id}`, headers: admin.headers });
    expect(read.json()).toMatchObject({ title: 'Strategic assessment', version: 1 });
    const bad = await ctx.app.inject({
      method: 'PUT',
      url: `${url}/${id}`,
      headers: admin.headers,
      payload: { kind: 'picnic', title: '', startsOn: '2026-02-30', version: 1 },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect((bad.json() as { errors: Array<{ field: string }> }).errors.map((e) => e.field).sort()).toEqual([
      'kind',
      'startsOn',
      'title',
    ]);
    const good = {
      kind: 'performance-review',
      title: 'Strategic assessment (annual)',
      startsOn: '2026-11-10',
      version: 1,
    };
    const put = await ctx.app.inject({ method: 'PUT', url: `${url}/${id}`, headers: admin.headers, payload: good });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ title: 'Strategic assessment (annual)', version: 2 });
    const stale = await ctx.app.inject({ method: 'PUT', url: `${url}/${id}`, headers: admin.headers, payload: good });
    expect(stale.statusCode).toBe(409);
    expect(stale.headers['content-type']).toContain('application/problem+json');
    const refused = await ctx.app.inject({
      method: 'DELETE',
      url: `${url}/${id}?version=2`,
      headers: secretary.headers,
    });
    expect(refused.statusCode).toBe(403);
    expect(
      (await ctx.app.inject({ method: 'DELETE', url: `${url}/${id}?version=1`, headers: admin.headers })).statusCode,
    ).toBe(409);
    expect(
      (await ctx.app.inject({ method: 'DELETE', url: `${url}/${id}?version=2`, headers: admin.headers })).statusCode,
    ).toBe(204);
    expect((await ctx.app.inject({ method: 'GET', url: `${url}/${id}`, headers: admin.headers })).statusCode).toBe(404);
  });

  it('lists worked-out and entered dependencies, filtered and sorted, and adds, changes and removes an entered one', async () => {
    const list = await ctx.app.inject({ method: 'GET', url: `${BASE}/dependencies?year=${YEAR}` });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Worked out: ');
    expect(list.body).not.toContain('Add a dependency');
    const entered = await ctx.app.inject({
      method: 'GET',
      url: `${BASE}/dependencies?year=${YEAR}&kind=&source=entered&calendar=&sort=kind`,
    });
    expect(entered.body).not.toContain('Worked out: ');
    expect(entered.body).toContain('Entered: ');
    const derived = await ctx.app.inject({
      method: 'GET',
      url: `${BASE}/dependencies?year=${YEAR}&kind=&source=derived`,
    });
    expect(derived.body).not.toContain('Entered: ');
    const reports = await ctx.app.inject({
      method: 'GET',
      url: `${BASE}/dependencies?year=${YEAR}&kind=reports-to&calendar=${ids.csp}`,
    });
    expect(reports.body).toContain('Brackenfield Community Safety Partnership: Quarterly report to the LSP');
    expect(reports.body).not.toContain('A plan’s priorities feed budget setting</td>');

    const { events } = await ctx.services.cycles.calendars(SYSTEM, CODE, YEAR);
    const release = events.find((e) => e.kind === 'data-release') as (typeof events)[number];
    const review = events.find((e) => e.ownerId === ids.lsp && e.kind === 'board-meeting') as (typeof events)[number];
    const form = `${BASE}/dependencies/new`;
    const bad = await session.submit(form, form, {
      kind: 'needs-data',
      upstreamEventId: release.id,
      downstreamEventId: release.id,
      minGapWorkingDays: '70',
      note: 'Crime figures for the board',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('href="#downstreamEventId"');
    expect(bad.body).toContain('href="#minGapWorkingDays"');
    expect(bad.body).toContain('Crime figures for the board');
    const added = await session.submit(form, form, {
      kind: 'needs-data',
      upstreamEventId: release.id,
      downstreamEventId: review.id,
      minGapWorkingDays: '5',
      note: 'Crime figures for the board',
    });
    expect(added.statusCode).toBe(303);
    const api = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/localities/${CODE}/cycles/dependencies?source=entered&sort=gap`,
      headers: admin.headers,
    });
    const mine = (
      api.json() as { dependencies: Array<{ id: string; reason: string; version: number }> }
    ).dependencies.find((d) => d.reason === 'Crime figures for the board');
    expect(mine?.version).toBe(1);
    const page = await session.get(`${BASE}/dependencies?year=${YEAR}&source=entered`);
    expect(page.body).toContain(`${BASE}/dependencies/${mine?.id}/edit`);

    const edit = `${BASE}/dependencies/${mine?.id}/edit`;
    const fields = {
      kind: 'needs-data',
      upstreamEventId: release.id,
      downstreamEventId: review.id,
      minGapWorkingDays: '8',
      note: 'Crime figures for the board',
      version: '1',
    };
    expect((await session.submit(edit, edit, fields)).statusCode).toBe(303);
    const stale = await session.submit(edit, edit, { ...fields, minGapWorkingDays: '12' });
    expect(stale.statusCode).toBe(422);
    expect(stale.body).toContain('Someone changed this dependency since you read it');
    expect(stale.body).toContain('value="12"');
    expect(stale.body).toContain('Saved now (version 2)');

    const apiStale = await ctx.app.inject({
      method: 'PUT',
      url: `/api/v1/localities/${CODE}/cycles/dependencies/${mine?.id}`,
      headers: admin.headers,
      payload: { ...fields, minGapWorkingDays: 3, version: 1 },
    });
    expect(apiStale.statusCode).toBe(409);
    const remove = `${BASE}/dependencies/${mine?.id}/remove`;
    expect((await session.get(remove)).body).toContain('Remove this dependency?');
    expect((await session.submit(remove, remove, { version: '2' })).statusCode).toBe(303);
    const after = await ctx.services.cycles.dependencyList(SYSTEM, CODE, { source: 'entered' }, YEAR);
    expect(after.rows.some((r) => r.dependency.id === mine?.id)).toBe(false);
    const audit = await ctx.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', review.id)
      .where('summary', 'like', '%depend%')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'withdraw']);
  });

  it('answers the API with events and flags, and names each bad field of a new event', async () => {
    const read = await ctx.app.inject({ method: 'GET', url: `/api/v1/localities/${CODE}/cycles?year=${YEAR}` });
    const json = read.json() as { events: Array<{ restricted: boolean }>; flags: Array<{ kind: string }> };
    expect(json.events.length).toBeGreaterThan(40);
    expect(json.events.some((e) => e.restricted)).toBe(false);
    const bad = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/localities/${CODE}/cycles/events`,
      headers: admin.headers,
      payload: { owner: 'nobody', kind: 'picnic', title: '', startsOn: '2026-13-01' },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    const fields = (bad.json() as { errors: Array<{ field: string }> }).errors.map((e) => e.field).sort();
    expect(fields).toEqual(['kind', 'owner', 'startsOn', 'title']);
    const { occurrences } = await ctx.services.cycles.calendars(SYSTEM, CODE, YEAR);
    const board = occurrences.find(
      (o) => o.event.ownerId === ids.lsp && o.event.kind === 'board-meeting' && o.date === '2026-12-08',
    );
    const moved = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/localities/${CODE}/cycles/moves`,
      headers: admin.headers,
      payload: { key: board?.key, movedTo: '2026-12-10', reason: 'Chair unavailable' },
    });
    expect(moved.statusCode).toBe(204);
    const after = await ctx.services.cycles.calendars(SYSTEM, CODE, YEAR);
    expect(after.occurrences.find((o) => o.key === board?.key)?.date).toBe('2026-12-10');
    const year = await ctx.app.inject({
      method: 'PUT',
      url: `/api/v1/localities/${CODE}/cycles/financial-year`,
      headers: secretary.headers,
      payload: { owner: `partnership:${ids.asb}`, startMonth: 1 },
    });
    expect(year.json()).toEqual({ startMonth: 1, version: 1 });
    const lanes = (await ctx.services.cycles.calendars(SYSTEM, CODE, YEAR)).lanes;
    expect(lanes.find((l) => l.ownerId === ids.asb)?.yearStartMonth).toBe(1);
    const refused = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/localities/${CODE}/cycles/events`,
      headers: secretary.headers,
      payload: { owner: `partnership:${ids.lsp}`, kind: 'board-meeting', title: 'Not mine', startsOn: '2026-05-05' },
    });
    expect(refused.statusCode).toBe(403);
  });

  it('publishes feeds that parse, keep their UIDs, and carry restricted events only through a secret link', async () => {
    const localityFeed = await ctx.app.inject({ method: 'GET', url: `/localities/${CODE}/cycles.ics` });
    expect(localityFeed.headers['content-type']).toContain('text/calendar');
    const events = parseFeed(localityFeed.body);
    expect(events.length).toBeGreaterThan(100);
    expect(events.some((e) => e.summary.includes('Case conference'))).toBe(false);
    const again = parseFeed((await ctx.app.inject({ method: 'GET', url: `/localities/${CODE}/cycles.ics` })).body);
    expect(again.map((e) => e.uid)).toEqual(events.map((e) => e.uid));
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
    // A timed meeting is at its London time; an all-day event is a date.
    const board = events.find((e) => e.summary.startsWith('LSP board') && e.start.startsWith('2026-06-09'));
    expect(board?.start).toBe('2026-06-09T17:00:00Z');
    expect(events.find((e) => e.summary.startsWith('Recorded crime data'))?.allDay).toBe(true);

    const partnershipFeed = parseFeed(
      (await ctx.app.inject({ method: 'GET', url: `${BASE}/partnerships/${ids.csp}/calendar.ics` })).body,
    );
    expect(partnershipFeed.length).toBeGreaterThan(0);
    expect(partnershipFeed.every((e) => e.summary.includes('(Brackenfield Community Safety Partnership)'))).toBe(true);
    const asbPublic = parseFeed(
      (await ctx.app.inject({ method: 'GET', url: `${BASE}/partnerships/${ids.asb}/calendar.ics` })).body,
    );
    expect(asbPublic).toEqual([]);

    const made = await session.submit(`${BASE}/feeds`, `${BASE}/feeds`, { subject: `partnership:${ids.asb}` });
    expect(made.statusCode).toBe(200);
    const secretUrl = /<code id="secret-url">([^<]+)<\/code>/.exec(made.body)?.[1] ?? '';
    const path = new URL(secretUrl).pathname;
    const secret = parseFeed((await ctx.app.inject({ method: 'GET', url: path })).body);
    expect(secret.some((e) => e.summary.includes('Case conference'))).toBe(true);

    const { links } = await ctx.services.cycles.feedLinks(admin.principal, CODE);
    const confirm = await session.get(`${BASE}/feeds/${links[0]?.id}/revoke`);
    expect(confirm.body).toContain('Revoke the link to Anti-Social Behaviour Action Group?');
    const revoked = await session.submit(
      `${BASE}/feeds/${links[0]?.id}/revoke`,
      `${BASE}/feeds/${links[0]?.id}/revoke`,
      {},
    );
    expect(revoked.statusCode).toBe(303);
    expect((await ctx.app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
  });

  it('gives a person’s feed every board they administer', async () => {
    const { token } = await ctx.services.cycles.createFeedLink(secretary.principal, CODE, { scope: 'person' });
    const feed = parseFeed(await ctx.services.cycles.secretFeed(token));
    expect(feed.length).toBeGreaterThan(0);
    expect(feed.every((e) => e.summary.includes('(Anti-Social Behaviour Action Group)'))).toBe(true);
    await expect(ctx.services.cycles.secretFeed('not-a-real-token-at-all-000')).rejects.toThrow(/not found/i);
  });

  it('shows a partnership’s recorded meetings with attendance and decisions, and the dates still to come', async () => {
    const page = await ctx.app.inject({ method: 'GET', url: `${BASE}/partnerships/${ids.lsp}/meetings?year=2025` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Cllr Jo Hartley');
    expect(page.body).toContain('Apologies');
    expect(page.body).toContain('Agreed the refreshed priorities');
    // September 2025's meeting is recorded, so the calendar lists the other three of the year.
    expect((page.body.match(/: LSP board<\/li>/g) ?? []).length).toBe(3);
  });

  it('records a meeting through its form, with attendance and decisions, after showing what was wrong', async () => {
    const form = `${BASE}/partnerships/${ids.csp}/meetings/new`;
    const page = await session.get(form);
    expect(page.statusCode).toBe(200);
    const locality = await ctx.services.register.locality(CODE);
    const organisations = await ctx.services.register.organisations.options(ctx.database.db, locality.id);
    const policeId = organisations.find((o) => o.name === 'Nethershire Police')?.id as string;
    const bad = await session.submit(form, form, {
      'heldOn-day': '30',
      'heldOn-month': '2',
      'heldOn-year': '2026',
      location: 'Town Hall',
      status: 'held',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('href="#heldOn"');
    expect(bad.body).toContain('value="Town Hall"');
    const good = await session.submit(form, form, {
      'heldOn-day': '2',
      'heldOn-month': '7',
      'heldOn-year': '2026',
      location: 'Town Hall',
      status: 'held',
      [`attendance-${policeId}`]: 'apologies',
      [`representative-${policeId}`]: 'Superintendent Okafor',
      decisions: 'Adopted the strategic assessment.\nAsked for a report on shop theft.',
    });
    expect(good.statusCode).toBe(303);
    const listed = await ctx.app.inject({ method: 'GET', url: `${BASE}/partnerships/${ids.csp}/meetings?year=2026` });
    expect(listed.body).toContain('Superintendent Okafor');
    expect(listed.body).toContain('Asked for a report on shop theft.');
  });

  it('books a suggested meeting date in one step: on the calendar and scheduled', async () => {
    const { suggestions } = await ctx.services.cycles.meetings(SYSTEM, CODE, ids.csp);
    const date = suggestions[0]?.date as string;
    const url = `${BASE}/partnerships/${ids.csp}/meetings`;
    const page = await session.get(url);
    expect(page.body).toContain('/meetings/book');
    const stale = await session.submit(url, `${url}/book`, { date: '2026-01-01' });
    expect(stale.statusCode).toBe(422);
    expect(stale.body).toContain('Choose one of the suggested dates');
    const booked = await session.submit(url, `${url}/book`, { date });
    expect(booked.statusCode).toBe(303);
    const after = await ctx.services.cycles.meetings(SYSTEM, CODE, ids.csp);
    const meeting = after.recorded.find((r) => r.meeting.held_on === date)?.meeting;
    expect(meeting?.status).toBe('scheduled');
    const { occurrences } = await ctx.services.cycles.calendars(SYSTEM, CODE, Number(financialYearStart(date)));
    expect(occurrences.some((o) => o.key === `${meeting?.event_id}@${date}` && o.event.kind === 'board-meeting')).toBe(
      true,
    );
    expect(after.suggestions.some((s) => s.date === date)).toBe(false);
    const refused = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/localities/${CODE}/cycles/meetings/bookings`,
      headers: secretary.headers,
      payload: { partnershipId: ids.csp, date: after.suggestions[0]?.date },
    });
    expect(refused.statusCode).toBe(403);
  });

  it('suggests meeting dates that avoid the boards its members already sit on', async () => {
    const { suggestions, calendars } = await ctx.services.cycles.meetings(SYSTEM, CODE, ids.csp);
    expect(suggestions.length).toBeGreaterThan(0);
    const executiveDays = new Set(
      calendars.occurrences.filter((o) => o.event.ownerId === ids.executive).map((o) => o.date),
    );
    for (const s of suggestions) {
      expect(executiveDays.has(s.date)).toBe(false);
      expect(s.clashes).toEqual([]);
    }
    const page = await ctx.app.inject({ method: 'GET', url: `${BASE}/partnerships/${ids.csp}/meetings` });
    expect(page.body).toContain('Suggested dates for the next meetings');
    expect(page.body).toContain('No member organisation has another board that day');
  });

  it('derives a report’s need for a data release from the outcome framework, and checks the codes a release names', async () => {
    const { flags, dependencies } = await ctx.services.cycles.calendars(SYSTEM, CODE, YEAR);
    const derived = dependencies.filter((d) => d.kind === 'needs-data' && d.derived);
    expect(derived.map((d) => d.reason)).toEqual([
      expect.stringContaining('needs NI 117 from the Nethershire County Council release'),
    ]);
    // The LSP's annual report is due a week before the NEET figures it reports on.
    const late = flags.find((f) => f.kind === 'needs-data' && f.second.event.ownerId === ids.lsp);
    expect(late).toMatchObject({ first: { date: '2026-06-11' }, second: { date: '2026-06-04' } });
    expect(late?.explanation).toContain('needs NI 117');
    const page = await ctx.app.inject({ method: 'GET', url: `${BASE}/dependencies?year=${YEAR}&source=derived` });
    expect(page.body).toContain('needs NI 117 from the Nethershire County Council release');

    const api = `/api/v1/localities/${CODE}/cycles/events`;
    const release = {
      owner: `partnership:${ids.csp}`,
      kind: 'data-release',
      title: 'Survey results',
      startsOn: '2030-05-01',
    };
    const unknown = await ctx.app.inject({
      method: 'POST',
      url: api,
      headers: admin.headers,
      payload: { ...release, indicatorCodes: ['NI 16', 'NI 999'] },
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json()).toMatchObject({
      errors: [
        { field: 'indicatorCodes', detail: expect.stringContaining('NI 999 is not an indicator of this locality') },
      ],
    });
    const notRelease = await ctx.app.inject({
      method: 'POST',
      url: api,
      headers: admin.headers,
      payload: { ...release, kind: 'board-meeting', indicatorCodes: ['NI 16'] },
    });
    expect(notRelease.json()).toMatchObject({ errors: [{ field: 'indicatorCodes' }] });
    // The form takes the codes as typed and keeps them as the library spells them.
    const form = `${BASE}/events/new`;
    const bad = await session.submit(form, form, {
      ...release,
      'startsOn-day': '1',
      'startsOn-month': '5',
      'startsOn-year': '2030',
      indicatorCodes: 'NI 16, XX 1',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('href="#indicatorCodes"');
    expect(bad.body).toContain('XX 1 is not an indicator of this locality');
    const good = await session.submit(form, form, {
      ...release,
      'startsOn-day': '1',
      'startsOn-month': '5',
      'startsOn-year': '2030',
      indicatorCodes: 'ni16, LI-1',
    });
    expect(good.statusCode).toBe(303);
    const added = (await ctx.services.cycles.calendars(SYSTEM, CODE, 2030)).events.find(
      (e) => e.title === 'Survey results',
    );
    expect(added?.indicatorCodes).toEqual(['NI 16', 'LI 1']);
  });

  it('lets a partnership’s secretary propose moves on their own calendar alone, and on no other', async () => {
    const cspSecretary = await ctx.person([
      { role: 'partnership-secretary', localityCode: CODE, partnershipId: ids.csp },
    ]);
    // Not another partnership's calendar, nor the whole locality's.
    await expect(
      ctx.services.cycles.proposeRound(cspSecretary.principal, CODE, { year: YEAR, partnershipId: ids.lsp }),
    ).rejects.toThrow(/permission/);
    await expect(ctx.services.cycles.proposeRound(cspSecretary.principal, CODE, { year: YEAR })).rejects.toThrow(
      /permission/,
    );
    const refused = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/localities/${CODE}/cycles/aligned/rounds`,
      headers: secretary.headers,
      payload: { year: YEAR, partnershipId: ids.csp },
    });
    expect(refused.statusCode).toBe(403);
    const openBefore = (await ctx.services.cycles.rounds(admin.principal, CODE)).filter((r) => r.status === 'open');

    const own = new FormSession(ctx.app);
    await own.signIn(cspSecretary.email, cspSecretary.password);
    const overview = await own.get(`${BASE}/aligned?year=${YEAR}`);
    expect(overview.body).toContain('Align the calendar of Brackenfield Community Safety Partnership');
    const url = `${BASE}/aligned?year=${YEAR}&partnership=${ids.csp}`;
    const page = await own.get(url);
    expect(page.body).toContain('Only dates on the calendar of Brackenfield Community Safety Partnership move here');
    const sent = await own.submit(url, `${BASE}/aligned/rounds?year=${YEAR}`, {
      year: String(YEAR),
      partnershipId: ids.csp,
    });
    expect(sent.statusCode).toBe(303);
    const round = await ctx.services.cycles.round(
      cspSecretary.principal,
      CODE,
      String(sent.headers.location).split('/').at(-1) as string,
    );
    expect(round.round.partnership_id).toBe(ids.csp);
    expect(round.round.moves.length).toBeGreaterThan(0);
    expect(round.round.moves.every((m) => m.ownerId === ids.csp)).toBe(true);
    expect(round.owners[0]?.canAnswer).toBe(true);
    // The locality's own proposal still stands beside it.
    const open = (await ctx.services.cycles.rounds(admin.principal, CODE)).filter((r) => r.status === 'open');
    expect(open.map((r) => r.id).sort()).toEqual([...openBefore.map((r) => r.id), round.round.id].sort());
  });

  it('changes a recorded meeting through its form and the API, version-checked and audited, keeping each decision’s record', async () => {
    const recorded = (await ctx.services.cycles.meetings(SYSTEM, CODE, ids.lsp, 2025)).recorded;
    const { meeting, decisions } = recorded.find(
      (r) => r.meeting.held_on === '2025-09-09',
    ) as (typeof recorded)[number];
    const form = `${BASE}/partnerships/${ids.lsp}/meetings/${meeting.id}/edit`;
    const list = await session.get(`${BASE}/partnerships/${ids.lsp}/meetings?year=2025`);
    expect(list.body).toContain(`/meetings/${meeting.id}/edit`);
    const page = await session.get(form);
    expect(page.body).toContain('value="Cllr Jo Hartley"');
    expect(page.body).toContain('Agreed the refreshed priorities');
    const typed = {
      'heldOn-day': '31',
      'heldOn-month': '9',
      'heldOn-year': '2025',
      status: 'held',
      location: 'Committee Room 2',
      version: String(meeting.version),
      decisions: `${decisions[0]?.summary}\nNoted the budget consultation.`,
    };
    const bad = await session.submit(form, form, typed);
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('href="#heldOn"');
    expect(bad.body).toContain('value="Committee Room 2"');

    // Through the API: the minutes are added and the police now sent apologies.
    const api = `/api/v1/localities/${CODE}/cycles/meetings/${meeting.id}`;
    const read = (await ctx.app.inject({ method: 'GET', url: api, headers: admin.headers })).json() as {
      version: number;
      attendance: Array<{ organisationId: string; representative: string | null; attendance: string }>;
      decisions: string[];
    };
    const changes = {
      heldOn: '2025-09-09',
      status: 'held',
      minutesUrl: 'https://www.brackenfield.example/lsp/meetings/2025-09-09/minutes',
      attendance: read.attendance.map((a) =>
        a.attendance === 'substitute' ? { ...a, attendance: 'apologies', representative: undefined } : a,
      ),
      decisions: read.decisions,
      version: read.version,
    };
    const refused = await ctx.app.inject({ method: 'PUT', url: api, headers: secretary.headers, payload: changes });
    expect(refused.statusCode).toBe(403);
    const changed = await ctx.app.inject({ method: 'PUT', url: api, headers: admin.headers, payload: changes });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ minutesUrl: changes.minutesUrl, version: read.version + 1 });
    const stale = await ctx.app.inject({ method: 'PUT', url: api, headers: admin.headers, payload: changes });
    expect(stale.statusCode).toBe(409);

    // The form read before that change is refused, keeping what was typed and showing what is saved.
    const conflict = await session.submit(form, form, { ...typed, 'heldOn-day': '16' });
    expect(conflict.statusCode).toBe(422);
    expect(conflict.body).toContain('Someone changed this meeting since you read it');
    expect(conflict.body).toContain(`Saved now (version ${read.version + 1})`);
    expect(conflict.body).toContain('value="Committee Room 2"');
    const saved = await session.submit(form, form, { ...typed, 'heldOn-day': '16', version: String(read.version + 1) });
    expect(saved.statusCode).toBe(303);

    const after = await ctx.services.cycles.editableMeeting(admin.principal, CODE, meeting.id);
    expect(after.meeting).toMatchObject({ held_on: '2025-09-16', location: 'Committee Room 2', minutes_url: null });
    expect(after.decisions.map((d) => d.summary)).toEqual([decisions[0]?.summary, 'Noted the budget consultation.']);
    // The unchanged decision keeps its record (what scrutiny noted on it stays with it).
    expect(after.decisions[0]?.id).toBe(decisions[0]?.id);
    const audit = await ctx.database.db
      .selectFrom('audit_events')
      .select('summary')
      .where('entity_id', '=', meeting.id)
      .where('action', '=', 'update')
      .execute();
    expect(audit.map((a) => a.summary)).toContain('Changed the record of the meeting of 2025-09-16 (was 2025-09-09)');
  });
});
