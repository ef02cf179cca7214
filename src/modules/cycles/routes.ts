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
import { ConflictError, NotFoundError, ValidationError } from '../../core/errors.js';
import type { Services } from '../../services.js';
import { apiRoute } from '../../web/api.js';
import { choices, labelled, submitForm, withDateParts } from '../../web/forms.js';
import { EVENT_KINDS, EVENT_KIND_LABELS, MOVABILITY, type Occurrence, financialYear } from './calendar.js';
import { DEPENDENCY_LABELS, type Flag } from './rules.js';
import {
  answersInput,
  bookingInput,
  dependencyInput,
  dependencyQuery,
  dependencyUpdate,
  eventInput,
  eventUpdate,
  financialYearInput,
  meetingInput,
  meetingUpdate,
  moveInput,
  roundInput,
  timelineQuery,
} from './schema.js';
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

function occurrenceRow(o: Occurrence, flags: Flag[], code: string, year: number, editable?: Set<string>) {
  return {
    key: o.key,
    editHref: editable?.has(o.event.ownerId) ? `/localities/${code}/cycles/events/${o.eventId}/edit` : null,
    moveHref: editable?.has(o.event.ownerId)
      ? `/localities/${code}/cycles/events/${o.eventId}/dates/${o.originalDate}`
      : null,
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
    const owners = request.principal.canWrite ? await cycles.owners(request.principal, code) : [];
    const editable = new Set(owners.map((o) => o.value.slice(o.value.indexOf(':') + 1)));
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
      rows: t.shownOccurrences.map((o) => occurrenceRow(o, t.flagOf.get(o.key) ?? [], code, year, editable)),
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
      canEdit: owners.length > 0,
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

  const alignedPage = async (request: FastifyRequest, partnershipId: string | undefined) => {
    const code = param(request, 'code');
    const { calendars, alignment, byOwner, partnership } = await cycles.alignment(
      request.principal,
      code,
      yearOf(request),
      partnershipId,
    );
    const year = calendars.year.start;
    const after = new Set(alignment.after.map((f) => f.key));
    const rounds = await cycles.rounds(request.principal, code);
    const names = new Map(calendars.partnerships.map((p) => [p.id, p.name]));
    // A partnership's secretary may propose moves on their own partnership's calendar alone.
    const own = calendars.canAdminister
      ? []
      : (await cycles.owners(request.principal, code)).filter((o) => o.value.startsWith('partnership:'));
    return {
      rounds: rounds.map((r) => ({ ...r, partnershipName: r.partnership_id ? names.get(r.partnership_id) : null })),
      partnership,
      ownCalendars: own.map((o) => ({
        name: o.text,
        href: `/localities/${code}/cycles/aligned?year=${year}&partnership=${o.value.slice('partnership:'.length)}`,
      })),
      canPropose:
        request.principal.canWrite &&
        (calendars.canAdminister || (!!partnership && own.some((o) => o.value === `partnership:${partnership.id}`))),
      title: partnership
        ? `Aligned calendar for ${partnership.name}, ${calendars.year.label}`
        : `Aligned calendar, ${calendars.year.label}`,
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
    };
  };

  app.get(`${base}/aligned`, { config: { access: 'locality-reader' } }, async (request, reply) => {
    const partnership = query(request).partnership;
    return reply.view(
      'cycles/views/aligned.njk',
      await alignedPage(request, partnership && /^[0-9a-f-]{36}$/i.test(partnership) ? partnership : undefined),
    );
  });

  app.post(`${base}/aligned/rounds`, { config: { access: 'register-editor' } }, async (request, reply) => {
    const code = param(request, 'code');
    const year = Number(body(request).year) || undefined;
    const partnershipId = String(body(request).partnershipId ?? '') || undefined;
    try {
      const round = await cycles.proposeRound(request.principal, code, { year, partnershipId });
      return reply.redirectWithFlash(
        `/localities/${code}/cycles/aligned/rounds/${round.id}`,
        'The proposal was sent to each calendar’s administrator for their agreement',
      );
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return reply.code(422).view('cycles/views/aligned.njk', {
        ...(await alignedPage(request, partnershipId)),
        errors: error.errors.map((e) => ({ field: 'propose', message: e.message })),
      });
    }
  });

  const roundPage = async (request: FastifyRequest, typed: Record<string, unknown> = {}) => {
    const code = param(request, 'code');
    const r = await cycles.round(request.principal, code, param(request, 'id'));
    return {
      title: 'Agreement to the aligned calendar',
      section: 'cycles',
      ...r,
      owners: r.owners.map((o) => ({
        ...o,
        form: o.moves
          .filter((m) => !m.answer)
          .map((m, i) => {
            const typedHere = typed.ownerId === o.ownerId;
            return {
              ...m.move,
              reason: typedHere ? typed[`reason-${i}`] : '',
              items: choices(
                [
                  { value: 'consent', text: 'Agree' },
                  { value: 'decline', text: 'Decline' },
                ],
                typedHere ? typed[`decision-${i}`] : '',
              ),
            };
          }),
      })),
    };
  };

  app.get(`${base}/aligned/rounds/:id`, { config: { access: 'locality-reader' } }, async (request, reply) =>
    reply.view('cycles/views/round.njk', await roundPage(request)),
  );

  app.post(`${base}/aligned/rounds/:id/answers`, { config: { access: 'register-editor' } }, async (request, reply) => {
    const code = param(request, 'code');
    const id = param(request, 'id');
    const values = body(request);
    const ownerId = String(values.ownerId ?? '');
    const answers = Object.keys(values)
      .filter((k) => /^key-\d+$/.test(k))
      .map((k) => k.slice(4))
      .filter((i) => values[`decision-${i}`])
      .map((i) => ({
        key: String(values[`key-${i}`]),
        decision: values[`decision-${i}`],
        reason: String(values[`reason-${i}`] ?? '').trim() || undefined,
      }));
    try {
      const { name, applied, declined } = await cycles.answerRound(request.principal, code, id, { ownerId, answers });
      return reply.redirectWithFlash(
        `/localities/${code}/cycles/aligned/rounds/${id}`,
        `${name}: ${applied} move${applied === 1 ? '' : 's'} agreed and made, ${declined} declined`,
      );
    } catch (error) {
      if (!(error instanceof ValidationError || error instanceof ConflictError)) throw error;
      const message =
        error instanceof ConflictError
          ? error.message
          : answers.length
            ? (error.errors[0]?.message ?? 'Check the answers')
            : 'Choose agree or decline for at least one move';
      return reply.code(error instanceof ConflictError ? 409 : 422).view('cycles/views/round.njk', {
        ...(await roundPage(request, values)),
        errors: [{ field: `decision-0-${ownerId}`, message }],
      });
    }
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

  // --- changing and removing an event ------------------------------------------------------------

  const eventValues = (e: import('./schema.js').EventRow): Record<string, unknown> => ({
    kind: e.kind,
    title: e.title,
    startsOn: e.starts_on,
    recurrence: e.recurrence ?? '',
    workingDayOffset: String(e.working_day_offset),
    startTime: e.start_time ?? '',
    movability: e.movability,
    windowDays: String(e.window_days),
    restricted: e.restricted ? 'true' : '',
    agendaUrl: e.agenda_url ?? '',
    indicatorCodes: e.indicator_codes.join(', '),
    version: String(e.version),
  });

  const editContext = async (request: FastifyRequest, values: Record<string, unknown>, conflict = false) => {
    const code = param(request, 'code');
    const id = param(request, 'id');
    const found = await cycles.editableEvent(request.principal, code, id);
    if (conflict) values.version = String(found.event.version);
    return {
      ...(await eventForm(request, values)),
      title: `Change “${found.event.title}”`,
      action: `/localities/${code}/cycles/events/${id}/edit`,
      editing: true,
      ownerName: found.ownerName,
      removeHref: `/localities/${code}/cycles/events/${id}/remove`,
      back: `/localities/${code}/cycles`,
      current: conflict
        ? { ...found.event, kind: EVENT_KIND_LABELS[found.event.kind as keyof typeof EVENT_KIND_LABELS] }
        : null,
    };
  };

  app.get(`${base}/events/:id/edit`, { config: { access: 'register-editor' } }, async (request, reply) => {
    const found = await cycles.editableEvent(request.principal, param(request, 'code'), param(request, 'id'));
    const values = eventValues(found.event);
    return reply.view('cycles/views/event-form.njk', {
      ...(await editContext(request, values)),
      values: withDateParts(values, ['startsOn']),
    });
  });

  app.post(`${base}/events/:id/edit`, { config: { access: 'register-editor' } }, async (request, reply) => {
    const code = param(request, 'code');
    const values = withDateParts(body(request), ['startsOn']);
    let conflict = false;
    return submitForm(
      reply,
      { template: 'cycles/views/event-form.njk', context: () => editContext(request, values, conflict), values },
      async () => {
        try {
          // The form does not show themes: the event keeps its own.
          const { themes: _themes, ...input } = formToInput(eventUpdate, values);
          const event = await cycles.updateEvent(request.principal, code, param(request, 'id'), input);
          return { redirect: `/localities/${code}/cycles`, flash: `“${event.title}” was changed` };
        } catch (error) {
          if (error instanceof ConflictError) conflict = true;
          throw error;
        }
      },
    );
  });

  const removeEventContext = async (request: FastifyRequest, values: Record<string, unknown>, conflict = false) => {
    const code = param(request, 'code');
    const id = param(request, 'id');
    const found = await cycles.editableEvent(request.principal, code, id);
    if (conflict || !values.version) values.version = String(found.event.version);
    const links = [
      found.dependencies
        ? `${found.dependencies} entered dependenc${found.dependencies === 1 ? 'y' : 'ies'} go with it`
        : '',
      found.meetings
        ? `${found.meetings} recorded meeting${found.meetings === 1 ? '' : 's'} stay, no longer tied to the calendar`
        : '',
    ].filter(Boolean);
    return {
      title: `Remove “${found.event.title}”?`,
      section: 'cycles',
      locality: found.locality,
      action: `/localities/${code}/cycles/events/${id}/remove`,
      back: `/localities/${code}/cycles/events/${id}/edit`,
      summary: [
        { key: 'Calendar', value: found.ownerName },
        { key: 'Kind', value: EVENT_KIND_LABELS[found.event.kind as keyof typeof EVENT_KIND_LABELS] },
        { key: 'First date', value: formatDate(found.event.starts_on) },
        { key: 'Repeats', value: found.event.recurrence ?? 'No: a one-off event' },
      ],
      warning: `Every date of this event leaves the calendar and its feeds${links.length ? `; ${links.join('; ')}` : ''}.`,
      values,
    };
  };

  app.get(`${base}/events/:id/remove`, { config: { access: 'register-editor' } }, async (request, reply) =>
    reply.view('cycles/views/remove.njk', await removeEventContext(request, {})),
  );

  app.post(`${base}/events/:id/remove`, { config: { access: 'register-editor' } }, async (request, reply) => {
    const code = param(request, 'code');
    const values = { version: body(request).version };
    let conflict = false;
    return submitForm(
      reply,
      { template: 'cycles/views/remove.njk', context: () => removeEventContext(request, values, conflict), values },
      async () => {
        try {
          const event = await cycles.removeEvent(request.principal, code, param(request, 'id'), values);
          return { redirect: `/localities/${code}/cycles`, flash: `“${event.title}” was removed from the calendar` };
        } catch (error) {
          if (error instanceof ConflictError) conflict = true;
          throw error;
        }
      },
    );
  });

  // --- moving or cancelling one date -------------------------------------------------------------

  const occurrenceForm = async (request: FastifyRequest, values: Record<string, unknown>) => {
    const code = param(request, 'code');
    const id = param(request, 'id');
    const date = param(request, 'date');
    const found = await cycles.editableEvent(request.principal, code, id);
    const o = /^\d{4}-\d{2}-\d{2}$/.test(date)
      ? await cycles.occurrence(request.principal, code, `${id}@${date}`)
      : undefined;
    if (!o) throw new NotFoundError('Date of the event');
    return {
      title: `Move or cancel one date of “${found.event.title}”`,
      section: 'cycles',
      locality: found.locality,
      ownerName: found.ownerName,
      originalDate: o.originalDate,
      currentDate: o.date,
      window:
        o.event.movability === 'fixed' ? 'It is fixed' : `${formatDate(o.windowFrom)} to ${formatDate(o.windowTo)}`,
      action: `/localities/${code}/cycles/events/${id}/dates/${date}`,
      back: `/localities/${code}/cycles?year=${financialYearOf(o.date)}`,
      cancelItems: choices(
        [
          { value: 'false', text: 'Move it to another date' },
          { value: 'true', text: 'Cancel it: this date will not happen' },
        ],
        values.cancel ?? 'false',
      ),
      values,
    };
  };

  app.get(`${base}/events/:id/dates/:date`, { config: { access: 'register-editor' } }, async (request, reply) =>
    reply.view('cycles/views/occurrence-form.njk', await occurrenceForm(request, {})),
  );

  app.post(`${base}/events/:id/dates/:date`, { config: { access: 'register-editor' } }, async (request, reply) => {
    const code = param(request, 'code');
    const values = body(request);
    return submitForm(
      reply,
      { template: 'cycles/views/occurrence-form.njk', context: () => occurrenceForm(request, values), values },
      async () => {
        const context = await occurrenceForm(request, values);
        const cancel = values.cancel === 'true';
        const input = formToInput(moveInput, { ...values, key: `${param(request, 'id')}@${param(request, 'date')}` });
        await cycles.moveOccurrence(request.principal, code, {
          ...input,
          cancel,
          ...(cancel ? { movedTo: undefined } : {}),
        });
        return {
          redirect: context.back,
          flash: cancel
            ? `${formatDate(context.originalDate)} was cancelled`
            : `The date of ${formatDate(context.originalDate)} was moved`,
        };
      },
    );
  });

  // --- dependencies ------------------------------------------------------------------------------

  const DEPENDENCY_SORTS = [
    { value: 'kind', text: 'Kind' },
    { value: 'upstream', text: 'The event that comes first' },
    { value: 'downstream', text: 'The event that depends on it' },
    { value: 'gap', text: 'Working days between, most first' },
  ];
  const eventName = (e: { ownerName: string; title: string }) => `${e.ownerName}: ${e.title}`;

  app.get(`${base}/dependencies`, { config: { access: 'public' } }, async (request, reply) => {
    const code = param(request, 'code');
    const d = await cycles.dependencyList(request.principal, code, request.query, yearOf(request));
    const calendarsShown = d.calendars.lanes.map((l) => ({ value: l.ownerId, text: l.name }));
    return reply.view('cycles/views/dependencies.njk', {
      title: 'Dependencies between events',
      section: 'cycles',
      locality: d.calendars.locality,
      year: d.calendars.year.start,
      yearLabel: d.calendars.year.label,
      canAdd: d.canAdd,
      filtered: !!(d.query.kind || d.query.source || d.query.calendar),
      filters: {
        kind: choices([{ value: '', text: 'All kinds' }, ...labelled(DEPENDENCY_LABELS)], d.query.kind ?? ''),
        source: choices(
          [
            { value: '', text: 'Worked out and entered' },
            { value: 'derived', text: 'Worked out from the register' },
            { value: 'entered', text: 'Entered' },
          ],
          d.query.source ?? '',
        ),
        calendar: choices([{ value: '', text: 'All calendars' }, ...calendarsShown], d.query.calendar ?? ''),
        sort: choices(DEPENDENCY_SORTS, d.query.sort),
      },
      rows: d.rows.map((r) => ({
        id: r.dependency.id,
        upstream: eventName(r.upstream),
        downstream: eventName(r.downstream),
        kind: DEPENDENCY_LABELS[r.dependency.kind],
        gap: r.dependency.minGapWorkingDays,
        source: r.dependency.derived
          ? `Worked out: ${r.dependency.reason}`
          : `Entered${r.dependency.reason && r.dependency.reason !== 'entered' ? `: ${r.dependency.reason}` : ''}`,
        canEdit: r.canEdit,
      })),
    });
  });

  const dependencyForm = async (
    request: FastifyRequest,
    values: Record<string, unknown>,
    editing?: { id: string; current?: { version: number; text: string } | null },
  ) => {
    const code = param(request, 'code');
    const calendars = await cycles.calendars(request.principal, code);
    const events = [...calendars.events]
      .sort((a, b) => eventName(a).localeCompare(eventName(b)))
      .map((e) => ({ value: e.id, text: eventName(e) }));
    return {
      title: editing ? 'Change a dependency' : 'Add a dependency',
      section: 'cycles',
      locality: calendars.locality,
      action: editing
        ? `/localities/${code}/cycles/dependencies/${editing.id}/edit`
        : `/localities/${code}/cycles/dependencies/new`,
      editing: !!editing,
      current: editing?.current ?? null,
      submitText: editing ? 'Save the changes' : 'Add the dependency',
      removeHref: editing ? `/localities/${code}/cycles/dependencies/${editing.id}/remove` : null,
      back: `/localities/${code}/cycles/dependencies`,
      kindItems: choices(labelled(DEPENDENCY_LABELS), values.kind, 'Choose the kind'),
      upstreamItems: choices(events, values.upstreamEventId, 'Choose an event'),
      downstreamItems: choices(events, values.downstreamEventId, 'Choose an event'),
      values,
    };
  };

  app.get(`${base}/dependencies/new`, { config: { access: 'register-editor' } }, async (request, reply) =>
    reply.view('cycles/views/dependency-form.njk', await dependencyForm(request, { minGapWorkingDays: '0' })),
  );

  app.post(`${base}/dependencies/new`, { config: { access: 'register-editor' } }, async (request, reply) => {
    const code = param(request, 'code');
    const values = body(request);
    return submitForm(
      reply,
      { template: 'cycles/views/dependency-form.njk', context: () => dependencyForm(request, values), values },
      async () => {
        const row = await cycles.addDependency(request.principal, code, formToInput(dependencyInput, values));
        return {
          redirect: `/localities/${code}/cycles/dependencies#dependency-${row.id}`,
          flash: 'The dependency was added',
        };
      },
    );
  });

  const dependencyText = (found: Awaited<ReturnType<typeof cycles.editableDependency>>) =>
    `“${found.downstream.title}” depends on “${found.upstream.title}”, ${DEPENDENCY_LABELS[found.dependency.kind as keyof typeof DEPENDENCY_LABELS].toLowerCase()}, ${found.dependency.min_gap_working_days} working days between`;

  app.get(`${base}/dependencies/:id/edit`, { config: { access: 'register-editor' } }, async (request, reply) => {
    const found = await cycles.editableDependency(request.principal, param(request, 'code'), param(request, 'id'));
    const d = found.dependency;
    return reply.view(
      'cycles/views/dependency-form.njk',
      await dependencyForm(
        request,
        {
          kind: d.kind,
          upstreamEventId: d.upstream_event_id,
          downstreamEventId: d.downstream_event_id,
          minGapWorkingDays: String(d.min_gap_working_days),
          note: d.note ?? '',
          version: String(d.version),
        },
        { id: d.id },
      ),
    );
  });

  app.post(`${base}/dependencies/:id/edit`, { config: { access: 'register-editor' } }, async (request, reply) => {
    const code = param(request, 'code');
    const id = param(request, 'id');
    const values = body(request);
    let conflict = false;
    return submitForm(
      reply,
      {
        template: 'cycles/views/dependency-form.njk',
        context: async () => {
          const found = await cycles.editableDependency(request.principal, code, id);
          if (conflict) values.version = String(found.dependency.version);
          return dependencyForm(request, values, {
            id,
            current: conflict ? { version: found.dependency.version, text: dependencyText(found) } : null,
          });
        },
        values,
      },
      async () => {
        try {
          await cycles.updateDependency(request.principal, code, id, formToInput(dependencyUpdate, values));
          return {
            redirect: `/localities/${code}/cycles/dependencies#dependency-${id}`,
            flash: 'The dependency was changed',
          };
        } catch (error) {
          if (error instanceof ConflictError) conflict = true;
          throw error;
        }
      },
    );
  });

  const removeDependencyContext = async (
    request: FastifyRequest,
    values: Record<string, unknown>,
    conflict = false,
  ) => {
    const code = param(request, 'code');
    const found = await cycles.editableDependency(request.principal, code, param(request, 'id'));
    if (conflict || !values.version) values.version = String(found.dependency.version);
    const calendars = await cycles.calendars(request.principal, code);
    const owner = (id: string) => calendars.events.find((e) => e.id === id)?.ownerName ?? '';
    return {
      title: 'Remove this dependency?',
      section: 'cycles',
      locality: found.locality,
      action: `/localities/${code}/cycles/dependencies/${found.dependency.id}/remove`,
      back: `/localities/${code}/cycles/dependencies`,
      summary: [
        { key: 'Comes first', value: `${owner(found.upstream.id)}: ${found.upstream.title}` },
        { key: 'Depends on it', value: `${owner(found.downstream.id)}: ${found.downstream.title}` },
        { key: 'Kind', value: DEPENDENCY_LABELS[found.dependency.kind as keyof typeof DEPENDENCY_LABELS] },
        { key: 'Working days between', value: String(found.dependency.min_gap_working_days) },
      ],
      warning: 'Misalignments between these two events will no longer be flagged.',
      values,
    };
  };

  app.get(`${base}/dependencies/:id/remove`, { config: { access: 'register-editor' } }, async (request, reply) =>
    reply.view('cycles/views/remove.njk', await removeDependencyContext(request, {})),
  );

  app.post(`${base}/dependencies/:id/remove`, { config: { access: 'register-editor' } }, async (request, reply) => {
    const code = param(request, 'code');
    const values = { version: body(request).version };
    let conflict = false;
    return submitForm(
      reply,
      {
        template: 'cycles/views/remove.njk',
        context: () => removeDependencyContext(request, values, conflict),
        values,
      },
      async () => {
        try {
          await cycles.removeDependency(request.principal, code, param(request, 'id'), values);
          return { redirect: `/localities/${code}/cycles/dependencies`, flash: 'The dependency was removed' };
        } catch (error) {
          if (error instanceof ConflictError) conflict = true;
          throw error;
        }
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

  app.post(
    `${base}/partnerships/:id/meetings/book`,
    { config: { access: 'register-editor' } },
    async (request, reply) => {
      const code = param(request, 'code');
      const id = param(request, 'id');
      try {
        const { meeting } = await cycles.bookMeeting(request.principal, code, {
          partnershipId: id,
          date: String(body(request).date ?? ''),
        });
        return reply.redirectWithFlash(
          `/localities/${code}/cycles/partnerships/${id}/meetings?year=${financialYearOf(meeting.held_on)}`,
          `A meeting on ${formatDate(meeting.held_on)} was booked: it is on the calendar and scheduled`,
        );
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const m = await cycles.meetings(request.principal, code, id);
        return reply.code(422).view('cycles/views/meetings.njk', {
          title: `Meetings of ${m.partnership.name}`,
          section: 'cycles',
          locality: m.calendars.locality,
          m,
          errors: [{ field: 'suggestions', message: error.errors[0]?.message ?? 'Choose one of the suggested dates' }],
        });
      }
    },
  );

  /** The meeting form's attendance (a choice and a representative per organisation) and decisions (one a line). */
  const attendanceAndDecisions = (values: Record<string, unknown>) => ({
    attendance: Object.entries(values)
      .filter(([key, value]) => key.startsWith('attendance-') && value)
      .map(([key, value]) => {
        const organisationId = key.slice('attendance-'.length);
        return {
          organisationId,
          attendance: value,
          representative: values[`representative-${organisationId}`] || undefined,
        };
      }),
    decisions: String(values.decisions ?? '')
      .split(/\r?\n/)
      .map((d) => d.trim())
      .filter(Boolean),
  });

  const meetingForm = async (request: FastifyRequest, values: Record<string, unknown>) => {
    const code = param(request, 'code');
    const m = await cycles.meetings(request.principal, code, param(request, 'id'));
    const seats: Array<{ organisation_id: string; representative: string | null }> = m.calendars.seats.filter(
      (s) => s.partnership_id === m.partnership.id,
    );
    // An organisation recorded at a meeting stays on its form after it leaves the partnership.
    for (const key of Object.keys(values))
      if (key.startsWith('attendance-') && values[key])
        seats.push({ organisation_id: key.slice('attendance-'.length), representative: null });
    const names = new Map(m.calendars.organisations.map((o) => [o.id, o.name]));
    const members = [...new Map(seats.reverse().map((s) => [s.organisation_id, s])).values()]
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
      submitText: 'Record the meeting',
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
          const meeting = await cycles.recordMeeting(request.principal, code, {
            ...fields,
            ...attendanceAndDecisions(values),
            partnershipId: id,
          });
          return {
            redirect: `/localities/${code}/cycles/partnerships/${id}/meetings?year=${financialYearOf(meeting.held_on)}`,
            flash: `The meeting of ${formatDate(meeting.held_on)} was recorded`,
          };
        },
      );
    },
  );

  // --- changing a recorded meeting -----------------------------------------------------------------

  const meetingValues = (found: Awaited<ReturnType<typeof cycles.editableMeeting>>): Record<string, unknown> => ({
    heldOn: found.meeting.held_on,
    startTime: found.meeting.start_time ?? '',
    location: found.meeting.location ?? '',
    agendaUrl: found.meeting.agenda_url ?? '',
    papersUrl: found.meeting.papers_url ?? '',
    minutesUrl: found.meeting.minutes_url ?? '',
    status: found.meeting.status,
    decisions: found.decisions.map((d) => d.summary).join('\n'),
    version: String(found.meeting.version),
    ...Object.fromEntries(
      found.attendance.flatMap((a) => [
        [`attendance-${a.organisation_id}`, a.attendance],
        [`representative-${a.organisation_id}`, a.representative ?? ''],
      ]),
    ),
  });

  /** The meeting the address names, under the partnership the address names. */
  const meetingOfPage = async (request: FastifyRequest) => {
    const found = await cycles.editableMeeting(request.principal, param(request, 'code'), param(request, 'meetingId'));
    if (found.meeting.partnership_id !== param(request, 'id')) throw new NotFoundError('Meeting');
    return found;
  };

  const editMeetingContext = async (request: FastifyRequest, values: Record<string, unknown>, conflict = false) => {
    const code = param(request, 'code');
    const found = await meetingOfPage(request);
    if (conflict) values.version = String(found.meeting.version);
    const base = `/localities/${code}/cycles/partnerships/${found.meeting.partnership_id}/meetings`;
    return {
      ...(await meetingForm(request, values)),
      title: `Change the meeting of ${formatDate(found.meeting.held_on)}`,
      action: `${base}/${found.meeting.id}/edit`,
      back: `${base}?year=${financialYearOf(found.meeting.held_on)}`,
      submitText: 'Save the changes',
      editing: true,
      current: conflict
        ? {
            version: found.meeting.version,
            heldOn: found.meeting.held_on,
            status: found.meeting.status,
            decisions: found.decisions.length,
            attendance: found.attendance.length,
          }
        : null,
    };
  };

  app.get(
    `${base}/partnerships/:id/meetings/:meetingId/edit`,
    { config: { access: 'register-editor' } },
    async (request, reply) => {
      const values = withDateParts(meetingValues(await meetingOfPage(request)), ['heldOn']);
      return reply.view('cycles/views/meeting-form.njk', { ...(await editMeetingContext(request, values)), values });
    },
  );

  app.post(
    `${base}/partnerships/:id/meetings/:meetingId/edit`,
    { config: { access: 'register-editor' } },
    async (request, reply) => {
      const code = param(request, 'code');
      const values = withDateParts(body(request), ['heldOn']);
      let conflict = false;
      return submitForm(
        reply,
        {
          template: 'cycles/views/meeting-form.njk',
          context: () => editMeetingContext(request, values, conflict),
          values,
        },
        async () => {
          try {
            await meetingOfPage(request);
            const fields = formToInput(meetingUpdate.omit({ attendance: true, decisions: true }), values);
            const meeting = await cycles.updateMeeting(request.principal, code, param(request, 'meetingId'), {
              ...fields,
              ...attendanceAndDecisions(values),
            });
            return {
              redirect: `/localities/${code}/cycles/partnerships/${meeting.partnership_id}/meetings?year=${financialYearOf(meeting.held_on)}`,
              flash: `The record of the meeting of ${formatDate(meeting.held_on)} was changed`,
            };
          } catch (error) {
            if (error instanceof ConflictError) conflict = true;
            throw error;
          }
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

  const idParams = localityParams.extend({ id: z.uuid().meta({ description: 'The record’s id' }) });
  const versionQuery = z.object({
    version: z.coerce.number().int().min(1).meta({ description: 'The version you read; a stale one is refused' }),
  });
  const eventOutput = z.object({
    id: z.string(),
    owner: z.object({ kind: z.enum(['organisation', 'partnership']), id: z.string(), name: z.string() }),
    kind: z.enum(EVENT_KINDS),
    title: z.string(),
    startsOn: z.string(),
    recurrence: z.string().nullable(),
    workingDayOffset: z.number(),
    startTime: z.string().nullable(),
    movability: z.enum(MOVABILITY),
    windowDays: z.number(),
    restricted: z.boolean(),
    themes: z.array(z.string()),
    agendaUrl: z.string().nullable(),
    indicatorCodes: z.array(z.string()),
    version: z.number(),
  });
  const eventJson = (e: import('./schema.js').EventRow, ownerName: string) => ({
    id: e.id,
    owner: {
      kind: e.partnership_id ? ('partnership' as const) : ('organisation' as const),
      id: (e.partnership_id ?? e.organisation_id) as string,
      name: ownerName,
    },
    kind: e.kind as (typeof EVENT_KINDS)[number],
    title: e.title,
    startsOn: e.starts_on,
    recurrence: e.recurrence,
    workingDayOffset: e.working_day_offset,
    startTime: e.start_time,
    movability: e.movability as (typeof MOVABILITY)[number],
    windowDays: e.window_days,
    restricted: e.restricted,
    themes: e.themes,
    agendaUrl: e.agenda_url,
    indicatorCodes: e.indicator_codes,
    version: e.version,
  });

  apiRoute(app, {
    method: 'GET',
    url: `${api}/events/:id`,
    operationId: 'getCalendarEvent',
    summary: 'One event, with its version, for its calendar’s administrator',
    tag,
    access: 'register-editor',
    params: idParams,
    response: eventOutput,
    handler: async (request) => {
      const found = await cycles.editableEvent(request.principal, param(request, 'code'), param(request, 'id'));
      return eventJson(found.event, found.ownerName);
    },
  });

  apiRoute(app, {
    method: 'PUT',
    url: `${api}/events/:id`,
    operationId: 'updateCalendarEvent',
    summary: 'Change an event (send the version you read; a stale one is refused with 409)',
    tag,
    access: 'register-editor',
    params: idParams,
    body: eventUpdate,
    response: eventOutput,
    handler: async (request) => {
      const code = param(request, 'code');
      const event = await cycles.updateEvent(request.principal, code, param(request, 'id'), request.body);
      const found = await cycles.editableEvent(request.principal, code, event.id);
      return eventJson(event, found.ownerName);
    },
  });

  apiRoute(app, {
    method: 'DELETE',
    url: `${api}/events/:id`,
    operationId: 'removeCalendarEvent',
    summary: 'Remove an event, its moved dates and its entered dependencies (send the version you read)',
    tag,
    access: 'register-editor',
    params: idParams,
    query: versionQuery,
    responseStatus: 204,
    handler: async (request, reply) => {
      await cycles.removeEvent(request.principal, param(request, 'code'), param(request, 'id'), {
        version: query(request).version,
      });
      return reply.code(204).send();
    },
  });

  const dependencyOutput = z.object({
    id: z.string().nullable(),
    kind: z.string(),
    label: z.string(),
    upstream: z.object({ eventId: z.string(), owner: z.string(), title: z.string() }),
    downstream: z.object({ eventId: z.string(), owner: z.string(), title: z.string() }),
    minGapWorkingDays: z.number(),
    derived: z.boolean(),
    reason: z.string(),
    version: z.number().nullable(),
  });

  apiRoute(app, {
    method: 'GET',
    url: `${api}/dependencies`,
    operationId: 'listCalendarDependencies',
    summary: 'Every dependency the reader may see: worked out from the register, and entered',
    tag,
    access: 'public',
    params: localityParams,
    query: dependencyQuery.extend({ year: timelineQuery.shape.year }),
    response: z.object({ dependencies: z.array(dependencyOutput) }),
    handler: async (request) => {
      const d = await cycles.dependencyList(request.principal, param(request, 'code'), request.query, yearOf(request));
      return {
        dependencies: d.rows.map((r) => ({
          id: r.dependency.id,
          kind: r.dependency.kind,
          label: DEPENDENCY_LABELS[r.dependency.kind],
          upstream: { eventId: r.upstream.id, owner: r.upstream.ownerName, title: r.upstream.title },
          downstream: { eventId: r.downstream.id, owner: r.downstream.ownerName, title: r.downstream.title },
          minGapWorkingDays: r.dependency.minGapWorkingDays,
          derived: r.dependency.derived,
          reason: r.dependency.reason,
          version: r.version,
        })),
      };
    },
  });

  apiRoute(app, {
    method: 'PUT',
    url: `${api}/dependencies/:id`,
    operationId: 'updateCalendarDependency',
    summary: 'Change an entered dependency (send the version you read; a stale one is refused with 409)',
    tag,
    access: 'register-editor',
    params: idParams,
    body: dependencyUpdate,
    handler: async (request) => {
      const row = await cycles.updateDependency(
        request.principal,
        param(request, 'code'),
        param(request, 'id'),
        request.body,
      );
      return { id: row.id, kind: row.kind, minGapWorkingDays: row.min_gap_working_days, version: row.version };
    },
  });

  apiRoute(app, {
    method: 'DELETE',
    url: `${api}/dependencies/:id`,
    operationId: 'removeCalendarDependency',
    summary: 'Remove an entered dependency (send the version you read)',
    tag,
    access: 'register-editor',
    params: idParams,
    query: versionQuery,
    responseStatus: 204,
    handler: async (request, reply) => {
      await cycles.removeDependency(request.principal, param(request, 'code'), param(request, 'id'), {
        version: query(request).version,
      });
      return reply.code(204).send();
    },
  });

  const roundOutput = z.object({
    id: z.string(),
    year: z.number(),
    partnershipId: z
      .string()
      .nullable()
      .meta({ description: 'Set when proposed for one partnership’s calendar alone' }),
    status: z.enum(['open', 'superseded']),
    proposedBy: z.string(),
    proposedAt: z.string(),
    flagsBefore: z.number(),
    flagsAfter: z.number(),
    calendars: z.array(
      z.object({
        ownerId: z.string(),
        kind: z.enum(['organisation', 'partnership']),
        name: z.string(),
        moves: z.array(
          z.object({
            key: z.string(),
            title: z.string(),
            from: z.string(),
            to: z.string(),
            answer: z
              .object({
                decision: z.enum(['consent', 'decline']),
                reason: z.string().nullable(),
                applied: z.boolean(),
                by: z.string(),
                at: z.string(),
              })
              .nullable(),
          }),
        ),
      }),
    ),
  });
  const roundJson = (r: Awaited<ReturnType<typeof cycles.round>>) => ({
    id: r.round.id,
    year: r.round.year,
    partnershipId: r.round.partnership_id,
    status: r.round.status,
    proposedBy: r.round.proposed_by,
    proposedAt: new Date(r.round.proposed_at).toISOString(),
    flagsBefore: r.round.flags_before,
    flagsAfter: r.round.flags_after,
    calendars: r.owners.map((o) => ({
      ownerId: o.ownerId,
      kind: o.ownerKind,
      name: o.name,
      moves: o.moves.map((m) => ({
        key: m.move.key,
        title: m.move.title,
        from: m.move.from,
        to: m.move.to,
        answer: m.answer
          ? {
              decision: m.answer.decision,
              reason: m.answer.reason,
              applied: m.answer.applied,
              by: m.answer.recorded_by,
              at: new Date(m.answer.recorded_at).toISOString(),
            }
          : null,
      })),
    })),
  });

  apiRoute(app, {
    method: 'POST',
    url: `${api}/aligned/rounds`,
    operationId: 'proposeAlignedCalendar',
    summary:
      'Send the proposed aligned calendar to each affected calendar’s administrator for their agreement (a partnership’s secretary: send partnershipId, for that calendar alone)',
    tag,
    access: 'register-editor',
    params: localityParams,
    body: roundInput,
    responseStatus: 201,
    response: roundOutput,
    handler: async (request, reply) => {
      const code = param(request, 'code');
      const round = await cycles.proposeRound(request.principal, code, request.body);
      return reply.code(201).send(roundJson(await cycles.round(request.principal, code, round.id)));
    },
  });

  apiRoute(app, {
    method: 'GET',
    url: `${api}/aligned/rounds/:id`,
    operationId: 'getAlignedCalendarRound',
    summary: 'A proposal sent for agreement: each calendar’s moves and who answered what, when',
    tag,
    access: 'locality-reader',
    params: idParams,
    response: roundOutput,
    handler: async (request) =>
      roundJson(await cycles.round(request.principal, param(request, 'code'), param(request, 'id'))),
  });

  apiRoute(app, {
    method: 'POST',
    url: `${api}/aligned/rounds/:id/answers`,
    operationId: 'answerAlignedCalendarRound',
    summary: 'A calendar administrator agrees to or declines each move on their calendar; agreed moves are made',
    tag,
    access: 'register-editor',
    params: idParams,
    body: answersInput,
    response: roundOutput,
    handler: async (request) => {
      const code = param(request, 'code');
      await cycles.answerRound(request.principal, code, param(request, 'id'), request.body);
      return roundJson(await cycles.round(request.principal, code, param(request, 'id')));
    },
  });

  apiRoute(app, {
    method: 'POST',
    url: `${api}/meetings/bookings`,
    operationId: 'bookSuggestedMeeting',
    summary: 'Book one of the scheduler’s suggested dates: a board meeting on the calendar and a scheduled meeting',
    tag,
    access: 'register-editor',
    params: localityParams,
    body: bookingInput,
    responseStatus: 201,
    handler: async (request, reply) => {
      const { event, meeting } = await cycles.bookMeeting(request.principal, param(request, 'code'), request.body);
      return reply.code(201).send({ eventId: event.id, meetingId: meeting.id, date: meeting.held_on });
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

  const meetingOutput = z.object({
    id: z.string(),
    partnershipId: z.string(),
    heldOn: z.string(),
    startTime: z.string().nullable(),
    location: z.string().nullable(),
    agendaUrl: z.string().nullable(),
    papersUrl: z.string().nullable(),
    minutesUrl: z.string().nullable(),
    status: z.string(),
    restricted: z.boolean(),
    attendance: z.array(
      z.object({ organisationId: z.string(), representative: z.string().nullable(), attendance: z.string() }),
    ),
    decisions: z.array(z.string()),
    version: z.number(),
  });
  const meetingJson = (found: Awaited<ReturnType<typeof cycles.editableMeeting>>) => ({
    id: found.meeting.id,
    partnershipId: found.meeting.partnership_id,
    heldOn: found.meeting.held_on,
    startTime: found.meeting.start_time,
    location: found.meeting.location,
    agendaUrl: found.meeting.agenda_url,
    papersUrl: found.meeting.papers_url,
    minutesUrl: found.meeting.minutes_url,
    status: found.meeting.status,
    restricted: found.meeting.restricted,
    attendance: found.attendance.map((a) => ({
      organisationId: a.organisation_id,
      representative: a.representative,
      attendance: a.attendance,
    })),
    decisions: found.decisions.map((d) => d.summary),
    version: found.meeting.version,
  });

  apiRoute(app, {
    method: 'GET',
    url: `${api}/meetings/:id`,
    operationId: 'getMeeting',
    summary: 'One recorded meeting, with its attendance, decisions and version, for its partnership’s secretary',
    tag,
    access: 'register-editor',
    params: idParams,
    response: meetingOutput,
    handler: async (request) =>
      meetingJson(await cycles.editableMeeting(request.principal, param(request, 'code'), param(request, 'id'))),
  });

  apiRoute(app, {
    method: 'PUT',
    url: `${api}/meetings/:id`,
    operationId: 'updateMeeting',
    summary:
      'Change a recorded meeting: attendance and decisions are replaced whole (send the version you read; a stale one is refused with 409)',
    tag,
    access: 'register-editor',
    params: idParams,
    body: meetingUpdate,
    response: meetingOutput,
    handler: async (request) => {
      const code = param(request, 'code');
      const meeting = await cycles.updateMeeting(request.principal, code, param(request, 'id'), request.body);
      return meetingJson(await cycles.editableMeeting(request.principal, code, meeting.id));
    },
  });
}
