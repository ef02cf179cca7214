/**
 * The cycles pages, feeds and API. Thin: each parses, calls the service and renders.
 *
 * /localities/:code/cycles                 the timeline: lanes, flags, filters, every event in a table
 * /localities/:code/cycles/flags?key=…     one misalignment, its dates and the suggested fix
 * /localities/:code/cycles/aligned         the proposed aligned calendar, before and after; apply per partnership
 * /localities/:code/cycles/events/new      add an event to a calendar you administer
 * /localities/:code/cycles/feeds           iCalendar feeds: public ones, and your secret links
 * /localities/:code/cycles/partnerships/:id/meetings   a partnership's meetings
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Config } from '../../config.js';
import { formatDate } from '../../core/dates.js';
import { formToInput } from '../../core/validation.js';
import { NotFoundError, ValidationError } from '../../core/errors.js';
import type { Services } from '../../services.js';
import { apiRoute } from '../../web/api.js';
import { choices, submitForm, withDateParts } from '../../web/forms.js';
import { EVENT_KINDS, EVENT_KIND_LABELS, MOVABILITY, type Occurrence, financialYear } from './calendar.js';
import { DEPENDENCY_LABELS, type Flag } from './rules.js';
import { dependencyInput, eventInput, financialYearInput, meetingInput, moveInput, timelineQuery } from './schema.js';
import type { Calendars } from './service.js';
import { CYCLES_CSS } from './styles.js';
import { KIND_KEY, markSvg, timelineSvg } from './timeline-svg.js';

const param = (request: FastifyRequest, name: string) => (request.params as Record<string, string>)[name] ?? '';
const body = (request: FastifyRequest) => (request.body ?? {}) as Record<string, unknown>;
const query = (request: FastifyRequest) => (request.query ?? {}) as Record<string, string | undefined>;
const yearOf = (request: FastifyRequest) => {
  const y = Number(query(request).year);
  return Number.isInteger(y) && y >= 2000 && y <= 2100 ? y : undefined;
};

const financialYearOf = (day: string) => Number(financialYear(day).from.slice(0, 4));

const MONTHS = Array.from({ length: 12 }, (_, m) =>
  new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2026, m, 1))),
);

const MOVABILITY_LABELS: Record<(typeof MOVABILITY)[number], string> = {
  fixed: 'Fixed: it cannot move (a statutory deadline)',
  'within-month': 'Within its month (a board meeting)',
  'within-days': 'Within a number of days either side',
};

export const flagHref = (code: string, flag: Flag, year?: number) =>
  `/localities/${code}/cycles/flags?key=${encodeURIComponent(flag.key)}${year ? `&year=${year}` : ''}`;

function occurrenceRow(o: Occurrence, flags: Flag[], code: string, year: number) {
  return {
    key: o.key,
    date: o.date,
    moved: o.date !== o.originalDate ? o.originalDate : null,
    time: o.event.startTime,
    owner: o.event.ownerName,
    ownerKind: o.event.ownerKind,
    title: o.event.title,
    kind: EVENT_KIND_LABELS[o.event.kind],
    mark: markSvg(o.event.kind),
    restricted: o.event.restricted,
    flags: flags.map((f) => ({ title: f.title, href: flagHref(code, f, year) })),
  };
}

function flagView(flag: Flag, code: string, year: number) {
  return {
    key: flag.key,
    href: flagHref(code, flag, year),
    title: flag.title,
    kind: flag.kind,
    explanation: flag.explanation,
    fix: flag.fix,
    dates: [flag.first, flag.second].map((o) => ({
      owner: o.event.ownerName,
      title: o.event.title,
      kind: EVENT_KIND_LABELS[o.event.kind],
      date: o.date,
      window: o.event.movability === 'fixed' ? 'Fixed' : `${formatDate(o.windowFrom)} to ${formatDate(o.windowTo)}`,
    })),
  };
}

function flagJson(flag: Flag) {
  return {
    key: flag.key,
    kind: flag.kind,
    title: flag.title,
    explanation: flag.explanation,
    fix: flag.fix,
    suggestion: flag.suggestion,
    events: [flag.first, flag.second].map(occurrenceJson),
  };
}

function occurrenceJson(o: Occurrence) {
  return {
    key: o.key,
    eventId: o.eventId,
    owner: { kind: o.event.ownerKind, id: o.event.ownerId, name: o.event.ownerName },
    kind: o.event.kind,
    title: o.event.title,
    date: o.date,
    originalDate: o.originalDate,
    startsAt: o.startsAt?.toISOString() ?? null,
    window: { from: o.windowFrom, to: o.windowTo, movability: o.event.movability },
    restricted: o.event.restricted,
  };
}

const yearNav = (c: Calendars, code: string, extra = '') => ({
  previous: `/localities/${code}/cycles?year=${c.year.start - 1}${extra}`,
  next: `/localities/${code}/cycles?year=${c.year.start + 1}${extra}`,
  previousLabel: `${c.year.start - 1} to ${c.year.start}`,
  nextLabel: `${c.year.start + 1} to ${c.year.start + 2}`,
});

export function cyclesRoutes(app: FastifyInstance, { cycles }: Services, config: Config): void {
  const origin = config.publicUrl.replace(/\/$/, '');
  const base = '/localities/:code/cycles';

  app.get('/cycles/cycles.css', { config: { access: 'public' } }, async (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(CYCLES_CSS),
  );

  app.get(base, { config: { access: 'public' } }, async (request, reply) => {
    const code = param(request, 'code');
    const t = await cycles.timeline(request.principal, code, request.query);
    const year = t.year.start;
    const option = (items: Array<{ value: string; text: string }>, selected: string | undefined, all: string) =>
      choices([{ value: '', text: all }, ...items], selected ?? '');
    const themes = [...new Set(t.lanes.flatMap((l) => l.themes).concat(t.events.flatMap((e) => e.themes)))]
      .map((value) => ({ value, text: t.themeLabels.get(value) ?? value }))
      .sort((a, b) => a.text.localeCompare(b.text));
    const filtered = !!(t.query.theme || t.query.partnership || t.query.organisation);
    return reply.view('cycles/views/timeline.njk', {
      title: `Planning and reporting cycles, ${t.year.label}`,
      section: 'cycles',
      locality: t.locality,
      t,
      svg: timelineSvg(t),
      key: KIND_KEY,
      otherYears: t.shownLanes
        .filter((l) => l.yearStartMonth !== 4)
        .map((l) => `${l.name}: ${MONTHS[l.yearStartMonth - 1]} to ${MONTHS[(l.yearStartMonth + 10) % 12]}`),
      rows: t.shownOccurrences.map((o) => occurrenceRow(o, t.flagOf.get(o.key) ?? [], code, year)),
      flags: t.shownFlags.map((f) => flagView(f, code, year)),
      kinds: [...new Set(t.flags.map((f) => f.kind))].length,
      filters: {
        theme: option(themes, t.query.theme, 'All themes'),
        partnership: option(
          t.partnerships.map((p) => ({ value: p.id, text: p.name })),
          t.query.partnership,
          'All partnerships',
        ),
        organisation: option(
          t.organisations.map((o) => ({ value: o.id, text: o.name })),
          t.query.organisation,
          'All organisations',
        ),
      },
      filtered,
      year,
      nav: yearNav(t, code),
      canEdit: (await cycles.owners(request.principal, code)).length > 0,
    });
  });

  app.get(`${base}/flags`, { config: { access: 'public' } }, async (request, reply) => {
    const code = param(request, 'code');
    const { calendars, flag } = await cycles.flag(request.principal, code, query(request).key ?? '', yearOf(request));
    return reply.view('cycles/views/flag.njk', {
      title: flag.title,
      section: 'cycles',
      locality: calendars.locality,
      calendars,
      flag: flagView(flag, code, calendars.year.start),
      year: calendars.year.start,
    });
  });

  app.get(`${base}/aligned`, { config: { access: 'locality-reader' } }, async (request, reply) => {
    const code = param(request, 'code');
    const { calendars, alignment, byOwner } = await cycles.alignment(request.principal, code, yearOf(request));
    const year = calendars.year.start;
    const after = new Set(alignment.after.map((f) => f.key));
    return reply.view('cycles/views/aligned.njk', {
      title: `Aligned calendar, ${calendars.year.label}`,
      section: 'cycles',
      locality: calendars.locality,
      calendars,
      year,
      before: alignment.before.map((f) => ({ ...flagView(f, code, year), remains: after.has(f.key) })),
      after: alignment.after.map((f) => flagView(f, code, year)),
      removed: alignment.before.length - alignment.after.length,
      owners: byOwner.map((o) => ({
        ownerId: o.lane.ownerId,
        name: o.lane.name,
        kind: o.lane.ownerKind,
        canApply: o.canApply,
        moves: o.moves.map((m) => ({
          title: m.occurrence.event.title,
          from: m.occurrence.date,
          to: m.to,
          window: `${formatDate(m.occurrence.windowFrom)} to ${formatDate(m.occurrence.windowTo)}`,
        })),
      })),
    });
  });

  app.post(`${base}/aligned/apply`, { config: { access: 'register-editor' } }, async (request, reply) => {
    const code = param(request, 'code');
    const year = Number(body(request).year) || undefined;
    const { applied, name } = await cycles.applyAlignment(
      request.principal,
      code,
      String(body(request).owner ?? ''),
      year,
    );
    return reply.redirectWithFlash(
      `/localities/${code}/cycles/aligned${year ? `?year=${year}` : ''}`,
      `${applied} date${applied === 1 ? '' : 's'} moved on the calendar of ${name}`,
    );
  });

  // --- adding an event ---------------------------------------------------------------------------

  const eventForm = async (request: FastifyRequest, values: Record<string, unknown>) => {
    const code = param(request, 'code');
    const locality = await cycles.calendars(request.principal, code).then((c) => c.locality);
    return {
      title: 'Add an event to a calendar',
      section: 'cycles',
      locality,
      action: `/localities/${code}/cycles/events/new`,
      ownerItems: choices(
        [{ value: '', text: 'Choose a calendar' }, ...(await cycles.owners(request.principal, code))],
        values.owner,
      ),
      kindItems: choices(
        EVENT_KINDS.map((k) => ({ value: k, text: EVENT_KIND_LABELS[k] })),
        values.kind,
      ),
      movabilityItems: choices(
        MOVABILITY.map((m) => ({ value: m, text: MOVABILITY_LABELS[m] })),
        values.movability ?? 'within-month',
      ),
      values: withDateParts(values, ['startsOn']),
    };
  };

  app.get(`${base}/events/new`, { config: { access: 'register-editor' } }, async (request, reply) =>
    reply.view('cycles/views/event-form.njk', await eventForm(request, {})),
  );

  app.post(`${base}/events/new`, { config: { access: 'register-editor' } }, async (request, reply) => {
    const code = param(request, 'code');
    const values = body(request);
    return submitForm(
      reply,
      {
        template: 'cycles/views/event-form.njk',
        context: () => eventForm(request, values),
        values: withDateParts(values, ['startsOn']),
      },
      async () => {
        const event = await cycles.createEvent(request.principal, code, formToInput(eventInput, values));
        return { redirect: `/localities/${code}/cycles`, flash: `“${event.title}” was added to the calendar` };
      },
    );
  });

  // --- feeds -------------------------------------------------------------------------------------

  const feedsPage = async (request: FastifyRequest, extra: Record<string, unknown> = {}) => {
    const code = param(request, 'code');
    const calendars = await cycles.calendars(request.principal, code);
    const reader = calendars.restricted && request.principal.kind === 'user';
    const links = reader ? (await cycles.feedLinks(request.principal, code)).links : [];
    const nameOf = (scope: string, id: string) =>
      scope === 'person'
        ? 'Every board I sit on'
        : (calendars.partnerships.find((p) => p.id === id)?.name ??
          calendars.organisations.find((o) => o.id === id)?.name ??
          id);
    const publicUrl = (path: string) => `${origin}${path}`;
    return {
      title: 'Calendar feeds',
      section: 'cycles',
      locality: calendars.locality,
      localityFeed: publicUrl(`/localities/${code}/cycles.ics`),
      laneFeeds: calendars.lanes.map((l) => ({
        name: l.name,
        url: publicUrl(`/localities/${code}/cycles/${l.ownerKind}s/${l.ownerId}/calendar.ics`),
      })),
      reader,
      subjectItems: choices(
        [
          { value: 'person:', text: 'Every board I sit on' },
          ...calendars.partnerships.map((p) => ({ value: `partnership:${p.id}`, text: p.name })),
          ...calendars.organisations.map((o) => ({ value: `organisation:${o.id}`, text: `${o.name} (organisation)` })),
        ],
        extra.subject ?? 'person:',
      ),
      links: links.map((l) => ({ id: l.id, name: nameOf(l.scope, l.subject_id), created: l.created_at })),
      ...extra,
    };
  };

  app.get(`${base}/feeds`, { config: { access: 'public' } }, async (request, reply) =>
    reply.view('cycles/views/feeds.njk', await feedsPage(request)),
  );

  app.post(`${base}/feeds`, { config: { access: 'locality-reader' } }, async (request, reply) => {
    const code = param(request, 'code');
    const [scope, subjectId] = String(body(request).subject ?? '').split(':');
    try {
      const { token } = await cycles.createFeedLink(request.principal, code, {
        scope,
        subjectId: subjectId || undefined,
      });
      return reply.view(
        'cycles/views/feeds.njk',
        await feedsPage(request, {
          secretUrl: `${origin}/calendar-feeds/${token}/calendar.ics`,
          subject: body(request).subject,
        }),
      );
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const errors = error.errors.map((e) => ({ field: 'subject', message: e.message }));
      return reply
        .code(422)
        .view('cycles/views/feeds.njk', await feedsPage(request, { errors, subject: body(request).subject }));
    }
  });

  app.get(`${base}/feeds/:id/revoke`, { config: { access: 'locality-reader' } }, async (request, reply) => {
    const page = await feedsPage(request);
    const link = page.links.find((l) => l.id === param(request, 'id'));
    if (!link) throw new NotFoundError('Calendar feed link');
    return reply.view('cycles/views/revoke.njk', { ...page, title: 'Revoke a calendar feed link', link });
  });

  app.post(`${base}/feeds/:id/revoke`, { config: { access: 'locality-reader' } }, async (request, reply) => {
    const code = param(request, 'code');
    await cycles.revokeFeedLink(request.principal, code, param(request, 'id'));
    return reply.redirectWithFlash(
      `/localities/${code}/cycles/feeds`,
      'The link was revoked: calendars using it stop updating',
    );
  });

  const ics = (reply: import('fastify').FastifyReply, text: string) =>
    reply
      .type('text/calendar; charset=utf-8')
      .header('cache-control', 'private, max-age=300')
      .header('content-disposition', 'inline; filename="calendar.ics"')
      .send(text);

  app.get('/localities/:code/cycles.ics', { config: { access: 'public' } }, async (request, reply) =>
    ics(reply, await cycles.publicFeed(param(request, 'code'))),
  );
  app.get(`${base}/partnerships/:id/calendar.ics`, { config: { access: 'public' } }, async (request, reply) =>
    ics(reply, await cycles.publicFeed(param(request, 'code'), { scope: 'partnership', id: param(request, 'id') })),
  );
  app.get(`${base}/organisations/:id/calendar.ics`, { config: { access: 'public' } }, async (request, reply) =>
    ics(reply, await cycles.publicFeed(param(request, 'code'), { scope: 'organisation', id: param(request, 'id') })),
  );
  app.get('/calendar-feeds/:token/calendar.ics', { config: { access: 'public' } }, async (request, reply) =>
    ics(reply.header('x-robots-tag', 'noindex'), await cycles.secretFeed(param(request, 'token'))),
  );

  // --- meetings ----------------------------------------------------------------------------------

  app.get(`${base}/partnerships/:id/meetings`, { config: { access: 'public' } }, async (request, reply) => {
    const code = param(request, 'code');
    const m = await cycles.meetings(request.principal, code, param(request, 'id'), yearOf(request));
    return reply.view('cycles/views/meetings.njk', {
      title: `Meetings of ${m.partnership.name}`,
      section: 'cycles',
      locality: m.calendars.locality,
      m,
    });
  });

  const meetingForm = async (request: FastifyRequest, values: Record<string, unknown>) => {
    const code = param(request, 'code');
    const m = await cycles.meetings(request.principal, code, param(request, 'id'));
    const seats = m.calendars.seats.filter((s) => s.partnership_id === m.partnership.id);
    const names = new Map(m.calendars.organisations.map((o) => [o.id, o.name]));
    const members = [...new Map(seats.map((s) => [s.organisation_id, s])).values()]
      .map((s) => ({
        id: s.organisation_id,
        name: names.get(s.organisation_id) ?? s.organisation_id,
        representative: values[`representative-${s.organisation_id}`] ?? s.representative ?? '',
        items: choices(
          [
            { value: '', text: 'Not recorded' },
            { value: 'present', text: 'Present' },
            { value: 'substitute', text: 'Substitute' },
            { value: 'apologies', text: 'Apologies' },
            { value: 'absent', text: 'Absent' },
          ],
          values[`attendance-${s.organisation_id}`] ?? '',
        ),
      }))
      .sort((a, b) => a.name.localeCompare(b.name));
    return {
      title: `Record a meeting of ${m.partnership.name}`,
      section: 'cycles',
      locality: m.calendars.locality,
      action: `/localities/${code}/cycles/partnerships/${m.partnership.id}/meetings/new`,
      back: `/localities/${code}/cycles/partnerships/${m.partnership.id}/meetings`,
      members,
      statusItems: choices(
        [
          { value: 'held', text: 'Held' },
          { value: 'scheduled', text: 'Scheduled' },
          { value: 'cancelled', text: 'Cancelled' },
        ],
        values.status ?? 'held',
      ),
      values: withDateParts(values, ['heldOn']),
    };
  };

  app.get(`${base}/partnerships/:id/meetings/new`, { config: { access: 'register-editor' } }, async (request, reply) =>
    reply.view('cycles/views/meeting-form.njk', await meetingForm(request, {})),
  );

  app.post(
    `${base}/partnerships/:id/meetings/new`,
    { config: { access: 'register-editor' } },
    async (request, reply) => {
      const code = param(request, 'code');
      const id = param(request, 'id');
      const values = body(request);
      return submitForm(
        reply,
        {
          template: 'cycles/views/meeting-form.njk',
          context: () => meetingForm(request, values),
          values: withDateParts(values, ['heldOn']),
        },
        async () => {
          const fields = formToInput(
            meetingInput.omit({ attendance: true, decisions: true, partnershipId: true }),
            values,
          );
          const attendance = Object.entries(values)
            .filter(([key, value]) => key.startsWith('attendance-') && value)
            .map(([key, value]) => {
              const organisationId = key.slice('attendance-'.length);
              return {
                organisationId,
                attendance: value,
                representative: values[`representative-${organisationId}`] || undefined,
              };
            });
          const decisions = String(values.decisions ?? '')
            .split(/\r?\n/)
            .map((d) => d.trim())
            .filter(Boolean);
          const meeting = await cycles.recordMeeting(request.principal, code, {
            ...fields,
            partnershipId: id,
            attendance,
            decisions,
          });
          return {
            redirect: `/localities/${code}/cycles/partnerships/${id}/meetings?year=${financialYearOf(meeting.held_on)}`,
            flash: `The meeting of ${formatDate(meeting.held_on)} was recorded`,
          };
        },
      );
    },
  );

  // --- API ---------------------------------------------------------------------------------------

  const tag = 'Cycles';
  const api = '/api/v1/localities/:code/cycles';
  const localityParams = z.object({ code: z.string().meta({ description: 'ONS GSS code of the locality' }) });
  const occurrenceOutput = z.object({
    key: z.string(),
    eventId: z.string(),
    owner: z.object({ kind: z.enum(['organisation', 'partnership']), id: z.string(), name: z.string() }),
    kind: z.enum(EVENT_KINDS),
    title: z.string(),
    date: z.string(),
    originalDate: z.string(),
    startsAt: z.string().nullable(),
    window: z.object({ from: z.string(), to: z.string(), movability: z.enum(MOVABILITY) }),
    restricted: z.boolean(),
  });
  const flagOutput = z.object({
    key: z.string(),
    kind: z.string(),
    title: z.string(),
    explanation: z.string(),
    fix: z.string(),
    suggestion: z.object({ key: z.string(), date: z.string() }).nullable(),
    events: z.array(occurrenceOutput),
  });

  apiRoute(app, {
    method: 'GET',
    url: api,
    operationId: 'getCycles',
    summary: 'A financial year of the locality’s calendars: every event the reader may see, and the misalignments',
    tag,
    access: 'public',
    params: localityParams,
    query: timelineQuery.pick({ year: true }),
    response: z.object({
      year: z.object({ from: z.string(), to: z.string(), label: z.string() }),
      events: z.array(occurrenceOutput),
      flags: z.array(flagOutput),
    }),
    handler: async (request) => {
      const c = await cycles.calendars(request.principal, param(request, 'code'), yearOf(request));
      return {
        year: { from: c.year.from, to: c.year.to, label: c.year.label },
        events: c.occurrences.map(occurrenceJson),
        flags: c.flags.map(flagJson),
      };
    },
  });

  apiRoute(app, {
    method: 'GET',
    url: `${api}/aligned`,
    operationId: 'getAlignedCalendar',
    summary: 'The proposed aligned calendar: the moves, and the flags before and after',
    tag,
    access: 'locality-reader',
    params: localityParams,
    query: timelineQuery.pick({ year: true }),
    response: z.object({
      moves: z.array(z.object({ key: z.string(), from: z.string(), to: z.string() })),
      before: z.array(flagOutput),
      after: z.array(flagOutput),
    }),
    handler: async (request) => {
      const { alignment } = await cycles.alignment(request.principal, param(request, 'code'), yearOf(request));
      return {
        moves: alignment.moves.map((m) => ({ key: m.occurrence.key, from: m.occurrence.date, to: m.to })),
        before: alignment.before.map(flagJson),
        after: alignment.after.map(flagJson),
      };
    },
  });

  apiRoute(app, {
    method: 'POST',
    url: `${api}/events`,
    operationId: 'createCalendarEvent',
    summary: 'Add an event (one-off, or recurring by an RFC 5545 RRULE) to a partnership’s or organisation’s calendar',
    tag,
    access: 'register-editor',
    params: localityParams,
    body: eventInput,
    responseStatus: 201,
    handler: async (request, reply) => {
      const event = await cycles.createEvent(request.principal, param(request, 'code'), request.body);
      return reply.code(201).send({ id: event.id, title: event.title, kind: event.kind, version: event.version });
    },
  });

  apiRoute(app, {
    method: 'POST',
    url: `${api}/dependencies`,
    operationId: 'createCalendarDependency',
    summary: 'Record that one event depends on another (the register gives the rest)',
    tag,
    access: 'register-editor',
    params: localityParams,
    body: dependencyInput,
    responseStatus: 201,
    handler: async (request, reply) => {
      const row = await cycles.addDependency(request.principal, param(request, 'code'), request.body);
      return reply
        .code(201)
        .send({ id: row.id, kind: row.kind, label: DEPENDENCY_LABELS[row.kind as keyof typeof DEPENDENCY_LABELS] });
    },
  });

  apiRoute(app, {
    method: 'PUT',
    url: `${api}/financial-year`,
    operationId: 'setCalendarFinancialYear',
    summary: 'Set the month a partnership’s or organisation’s financial year starts (April unless set)',
    tag,
    access: 'register-editor',
    params: localityParams,
    body: financialYearInput,
    handler: async (request) => {
      const row = await cycles.setFinancialYear(request.principal, param(request, 'code'), request.body);
      return { startMonth: row.financial_year_start_month, version: row.version };
    },
  });

  apiRoute(app, {
    method: 'POST',
    url: `${api}/moves`,
    operationId: 'moveCalendarOccurrence',
    summary: 'Move one occurrence of an event to another date, or cancel it',
    tag,
    access: 'register-editor',
    params: localityParams,
    body: moveInput,
    responseStatus: 204,
    handler: async (request, reply) => {
      await cycles.moveOccurrence(request.principal, param(request, 'code'), request.body);
      return reply.code(204).send();
    },
  });

  apiRoute(app, {
    method: 'POST',
    url: `${api}/meetings`,
    operationId: 'recordMeeting',
    summary: 'Record a partnership’s meeting: its date, papers, attendance by organisation and decisions',
    tag,
    access: 'register-editor',
    params: localityParams,
    body: meetingInput,
    responseStatus: 201,
    handler: async (request, reply) => {
      const meeting = await cycles.recordMeeting(request.principal, param(request, 'code'), request.body);
      return reply.code(201).send({ id: meeting.id, heldOn: meeting.held_on, status: meeting.status });
    },
  });
}
