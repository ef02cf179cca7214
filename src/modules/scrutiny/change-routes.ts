/**
 * Pages that change or remove what scrutiny has recorded: a risk (changed, or closed with its
 * history kept), a committee, a review's scope, and a complaints contact (a partnership's own
 * or the locality's joint route). Each is read at a version; on a conflict the
 * form comes back at the record's present version with what was typed, so saving again is a
 * deliberate overwrite. Thin: parse, call the service, render.
 */
import type { AccessRule } from '../../web/access.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { formatDate } from '../../core/dates.js';
import { ConflictError } from '../../core/errors.js';
import { formToInput } from '../../core/validation.js';
import { choices, submitForm, withDateParts } from '../../web/forms.js';
import {
  REVIEW_KIND_LABELS,
  committeeUpdate,
  complaintsContactInput,
  removalInput,
  reviewUpdate,
  riskUpdate,
} from './schema.js';
import type { ScrutinyService } from './service.js';

type Params = { code: string; id: string };
const params = (request: FastifyRequest) => request.params as Params;
const body = (request: FastifyRequest) => (request.body ?? {}) as Record<string, unknown>;

/** The generic "are you sure" page, as the other capabilities' removals show it. */
const REMOVE_TEMPLATE = 'cycles/views/remove.njk';

/**
 * Submits a change; a conflict re-shows the form at the present version (the context is told),
 * with the conflict in the error summary.
 */
function submitChange(
  reply: FastifyReply,
  template: string,
  values: Record<string, unknown>,
  context: (conflict: boolean) => Promise<Record<string, unknown>>,
  action: () => Promise<{ redirect: string; flash: string }>,
) {
  let conflict = false;
  return submitForm(reply, { template, context: () => context(conflict), values }, async () => {
    try {
      return await action();
    } catch (error) {
      if (error instanceof ConflictError) conflict = true;
      throw error;
    }
  });
}

type RemovalContext = (
  request: FastifyRequest,
  values: Record<string, unknown>,
  conflict?: boolean,
) => Promise<Record<string, unknown>>;

/**
 * The "are you sure" page at `url` and its form: the removal runs at the version the page showed,
 * and a conflict shows the page again at the present version.
 */
function removalRoutes(
  app: FastifyInstance,
  url: string,
  access: AccessRule,
  context: RemovalContext,
  remove: (request: FastifyRequest, input: Record<string, unknown>) => Promise<{ redirect: string; flash: string }>,
): void {
  app.get(url, { config: { access } }, async (request, reply) =>
    reply.view(REMOVE_TEMPLATE, await context(request, {})),
  );
  app.post(url, { config: { access } }, async (request, reply) => {
    const values = { version: body(request).version };
    return submitChange(
      reply,
      REMOVE_TEMPLATE,
      values,
      (conflict) => context(request, values, conflict),
      () => remove(request, formToInput(removalInput, values)),
    );
  });
}

const scaleItems = (size: number, current: unknown) =>
  choices(
    Array.from({ length: size }, (_, i) => ({ value: String(i + 1), text: String(i + 1) })),
    current,
    'Choose',
  );

export function scrutinyChangeRoutes(
  app: FastifyInstance,
  scrutiny: ScrutinyService,
  common: Record<string, unknown>,
  reviewForm: (request: FastifyRequest, values: Record<string, unknown>) => Promise<Record<string, unknown>>,
): void {
  riskChanges(app, scrutiny, common);
  committeeChanges(app, scrutiny, common);
  reviewChanges(app, scrutiny, common, reviewForm);
  complaintsChanges(app, scrutiny, common);
}

function riskChanges(app: FastifyInstance, scrutiny: ScrutinyService, common: Record<string, unknown>): void {
  const base = '/localities/:code/risks/:id';
  const riskHref = (code: string, id: string) => `/localities/${code}/risks/${id}`;

  const editContext = async (request: FastifyRequest, values: Record<string, unknown>, conflict = false) => {
    const { code, id } = params(request);
    const result = await scrutiny.editableRisk(request.principal, code, id);
    if (conflict) values.version = String(result.risk.row.version);
    const size = result.settings.matrixSize;
    return {
      ...common,
      section: 'scrutiny',
      title: `Change the risk “${result.risk.title}”`,
      tab: 'risks',
      locality: result.locality,
      size,
      editing: true,
      registerName: result.risk.partnershipName,
      action: `${riskHref(code, id)}/edit`,
      back: riskHref(code, id),
      removeHref: `${riskHref(code, id)}/close`,
      scale: (field: string) => scaleItems(size, values[field]),
    };
  };

  app.get(`${base}/edit`, { config: { access: 'register-editor' } }, async (request, reply) => {
    const { code, id } = params(request);
    const { risk } = await scrutiny.editableRisk(request.principal, code, id);
    const r = risk.row;
    const values = {
      title: r.title,
      description: r.description ?? '',
      cause: r.cause ?? '',
      effect: r.effect ?? '',
      owner: r.owner,
      controls: r.controls ?? '',
      outcomes: r.outcomes ?? '',
      inherentLikelihood: String(risk.inherent.likelihood),
      inherentImpact: String(risk.inherent.impact),
      restricted: r.restricted ? 'true' : '',
      version: String(r.version),
    };
    return reply.view('scrutiny/views/risk-form.njk', { ...(await editContext(request, values)), values });
  });

  app.post(`${base}/edit`, { config: { access: 'register-editor' } }, async (request, reply) => {
    const values = body(request);
    const { code, id } = params(request);
    return submitChange(
      reply,
      'scrutiny/views/risk-form.njk',
      values,
      (conflict) => editContext(request, values, conflict),
      async () => {
        const risk = await scrutiny.updateRisk(request.principal, code, id, formToInput(riskUpdate, values));
        return { redirect: riskHref(code, id), flash: `The risk “${risk.title}” is changed` };
      },
    );
  });

  const closeContext = async (request: FastifyRequest, values: Record<string, unknown>, conflict = false) => {
    const { code, id } = params(request);
    const { risk, locality } = await scrutiny.editableRisk(request.principal, code, id);
    if (conflict || !values.version) values.version = String(risk.row.version);
    return {
      ...common,
      section: 'scrutiny',
      title: `Close the risk “${risk.title}”?`,
      locality,
      action: `${riskHref(code, id)}/close`,
      back: riskHref(code, id),
      summary: [
        { key: 'Register', value: risk.partnershipName },
        { key: 'Owner', value: risk.row.owner },
        {
          key: 'Residual score',
          value: `${risk.residual.likelihood} × ${risk.residual.impact} = ${risk.residual.score}`,
        },
        { key: 'Next review', value: formatDate(risk.reviewOn) },
      ],
      warning:
        'A closed risk leaves the register, the heat map and the evidence packs issued from now on. Its page and review history stay.',
      values,
    };
  };

  removalRoutes(app, `${base}/close`, 'register-editor', closeContext, async (request, input) => {
    const { code, id } = params(request);
    const risk = await scrutiny.closeRisk(request.principal, code, id, input);
    return { redirect: `/localities/${code}/risks`, flash: `The risk “${risk.title}” is closed` };
  });
}

function committeeChanges(app: FastifyInstance, scrutiny: ScrutinyService, common: Record<string, unknown>): void {
  const base = '/localities/:code/scrutiny/committees/:id';
  const home = (code: string) => `/localities/${code}/scrutiny`;
  const committeeHref = (code: string, id: string) => `${home(code)}/committees/${id}`;

  const editContext = async (request: FastifyRequest, values: Record<string, unknown>, conflict = false) => {
    const { code, id } = params(request);
    const result = await scrutiny.committee(request.principal, code, id);
    if (conflict) values.version = String(result.committee.version);
    return {
      ...common,
      section: 'scrutiny',
      title: `Change ${result.committee.name}`,
      tab: 'overview',
      locality: result.locality,
      editing: true,
      action: `${committeeHref(code, id)}/edit`,
      removeHref: `${committeeHref(code, id)}/remove`,
    };
  };

  app.get(`${base}/edit`, { config: { access: 'scrutiny' } }, async (request, reply) => {
    const { code, id } = params(request);
    const { committee, members } = await scrutiny.committee(request.principal, code, id);
    const values = {
      name: committee.name,
      remit: committee.remit ?? '',
      members: members.map((m) => (m.role === 'member' ? m.name : `${m.name} (${m.role})`)).join('\n'),
      version: String(committee.version),
    };
    return reply.view('scrutiny/views/committee-form.njk', { ...(await editContext(request, values)), values });
  });

  app.post(`${base}/edit`, { config: { access: 'scrutiny' } }, async (request, reply) => {
    const values = body(request);
    const { code, id } = params(request);
    return submitChange(
      reply,
      'scrutiny/views/committee-form.njk',
      values,
      (conflict) => editContext(request, values, conflict),
      async () => {
        const committee = await scrutiny.updateCommittee(
          request.principal,
          code,
          id,
          formToInput(committeeUpdate, values),
        );
        return { redirect: `${home(code)}#committees`, flash: `${committee.name} is changed` };
      },
    );
  });

  const removeContext = async (request: FastifyRequest, values: Record<string, unknown>, conflict = false) => {
    const { code, id } = params(request);
    const { committee, members, reviews, locality } = await scrutiny.committee(request.principal, code, id);
    if (conflict || !values.version) values.version = String(committee.version);
    return {
      ...common,
      section: 'scrutiny',
      title: `Remove ${committee.name}?`,
      locality,
      action: `${committeeHref(code, id)}/remove`,
      back: `${committeeHref(code, id)}/edit`,
      summary: [
        { key: 'Remit', value: committee.remit ?? 'Not recorded' },
        { key: 'Members', value: members.length ? members.map((m) => m.name).join(', ') : 'None recorded' },
        { key: 'Reviews', value: reviews.length ? reviews.map((r) => r.title).join(', ') : 'None' },
      ],
      warning: reviews.length
        ? 'A committee with reviews cannot be removed: its work programme stays on record.'
        : 'Remove a committee only if it was set up in error.',
      values,
    };
  };

  removalRoutes(app, `${base}/remove`, 'scrutiny', removeContext, async (request, input) => {
    const { code, id } = params(request);
    const committee = await scrutiny.removeCommittee(request.principal, code, id, input);
    return { redirect: home(code), flash: `${committee.name} is removed` };
  });
}

function reviewChanges(
  app: FastifyInstance,
  scrutiny: ScrutinyService,
  common: Record<string, unknown>,
  reviewForm: (request: FastifyRequest, values: Record<string, unknown>) => Promise<Record<string, unknown>>,
): void {
  const base = '/localities/:code/scrutiny/reviews/:id';
  const reviewHref = (code: string, id: string) => `/localities/${code}/scrutiny/reviews/${id}`;

  const editContext = async (request: FastifyRequest, values: Record<string, unknown>, conflict = false) => {
    const { code, id } = params(request);
    const result = await scrutiny.review(request.principal, code, id);
    if (conflict) values.version = String(result.review.version);
    return {
      ...(await reviewForm(request, values)),
      title: `Change the review “${result.review.title}”`,
      editing: true,
      action: `${reviewHref(code, id)}/edit`,
      back: reviewHref(code, id),
      removeHref: result.packs.length || result.recommendations.length ? null : `${reviewHref(code, id)}/remove`,
    };
  };

  app.get(`${base}/edit`, { config: { access: 'scrutiny' } }, async (request, reply) => {
    const { code, id } = params(request);
    const { review } = await scrutiny.review(request.principal, code, id);
    const values = withDateParts(
      {
        committeeId: review.committee_id,
        kind: review.kind,
        title: review.title,
        scopeKind: review.scope_kind,
        scopeTheme: review.scope_theme ?? '',
        scopePartnershipId: review.scope_partnership_id ?? '',
        scope: review.scope,
        questions: review.questions ?? '',
        witnesses: review.witnesses ?? '',
        startsOn: review.starts_on,
        reportsOn: review.reports_on ?? '',
        followUpOn: review.follow_up_on ?? '',
        version: String(review.version),
      },
      ['startsOn', 'reportsOn', 'followUpOn'],
    );
    return reply.view('scrutiny/views/review-form.njk', { ...(await editContext(request, values)), values });
  });

  app.post(`${base}/edit`, { config: { access: 'scrutiny' } }, async (request, reply) => {
    const values = body(request);
    const { code, id } = params(request);
    return submitChange(
      reply,
      'scrutiny/views/review-form.njk',
      values,
      (conflict) => editContext(request, values, conflict),
      async () => {
        const review = await scrutiny.updateReview(request.principal, code, id, formToInput(reviewUpdate, values));
        return { redirect: reviewHref(code, id), flash: `The review “${review.title}” is changed` };
      },
    );
  });

  const removeContext = async (request: FastifyRequest, values: Record<string, unknown>, conflict = false) => {
    const { code, id } = params(request);
    const result = await scrutiny.review(request.principal, code, id);
    const review = result.review;
    if (conflict || !values.version) values.version = String(review.version);
    const issued = result.packs.length > 0 || result.recommendations.length > 0;
    return {
      ...common,
      section: 'scrutiny',
      title: `Remove the review “${review.title}”?`,
      locality: result.locality,
      action: `${reviewHref(code, id)}/remove`,
      back: `${reviewHref(code, id)}/edit`,
      summary: [
        { key: 'Kind', value: REVIEW_KIND_LABELS[review.kind as keyof typeof REVIEW_KIND_LABELS] },
        { key: 'Committee', value: result.committee?.name ?? '' },
        { key: 'Looks at', value: result.scopeLabel },
        { key: 'Starts', value: formatDate(review.starts_on) },
      ],
      warning: issued
        ? 'This review has issued an evidence pack or made recommendations, so it stays on record.'
        : 'Remove a review only if it was started in error.',
      values,
    };
  };

  removalRoutes(app, `${base}/remove`, 'scrutiny', removeContext, async (request, input) => {
    const { code, id } = params(request);
    const review = await scrutiny.removeReview(request.principal, code, id, input);
    return { redirect: `/localities/${code}/scrutiny`, flash: `The review “${review.title}” is removed` };
  });
}

function complaintsChanges(app: FastifyInstance, scrutiny: ScrutinyService, common: Record<string, unknown>): void {
  /** The partnership's id from the address, or null for the locality's joint route. */
  const whose = (request: FastifyRequest) => (params(request).id as string | undefined) ?? null;
  const back = (code: string, partnershipId: string | null) =>
    partnershipId
      ? `/localities/${code}/partnerships/${partnershipId}/accountable#complain`
      : `/localities/${code}/accountability`;

  const formContext = async (request: FastifyRequest, values: Record<string, unknown>, conflict = false) => {
    const code = params(request).code;
    const partnershipId = whose(request);
    const found = await scrutiny.complaintsContact(request.principal, code, partnershipId);
    if (conflict) values.version = String(found.contact?.version ?? 0);
    return {
      ...common,
      section: partnershipId ? 'partnerships' : 'scrutiny',
      title: partnershipId ? 'Complaints contact' : 'The joint complaints route',
      caption: found.partnership?.name ?? found.locality.name,
      intro: partnershipId
        ? 'How the public complains about this partnership, shown on its public page. Leave all three blank to use the locality’s joint complaints route, or, without one, the accountable body’s complaints procedure.'
        : 'How the public complains about any partnership of the locality that has no complaints contact of its own, shown on each partnership’s public page. Leave all three blank to use each partnership’s accountable body’s complaints procedure.',
      locality: found.locality,
      action: request.url.split('?')[0],
      back: back(code, partnershipId),
    };
  };

  for (const [url, access] of [
    ['/localities/:code/partnerships/:id/accountable/complaints', 'register-editor'],
    ['/localities/:code/accountability/complaints', 'locality-admin'],
  ] as const) {
    app.get(url, { config: { access } }, async (request, reply) => {
      const found = await scrutiny.complaintsContact(request.principal, params(request).code, whose(request));
      const c = found.contact;
      const values = {
        email: c?.email ?? '',
        url: c?.url ?? '',
        phone: c?.phone ?? '',
        note: c?.note ?? '',
        version: String(c?.version ?? 0),
      };
      return reply.view('scrutiny/views/complaints-form.njk', { ...(await formContext(request, values)), values });
    });

    app.post(url, { config: { access } }, async (request, reply) => {
      const values = body(request);
      const code = params(request).code;
      const partnershipId = whose(request);
      return submitChange(
        reply,
        'scrutiny/views/complaints-form.njk',
        values,
        (conflict) => formContext(request, values, conflict),
        async () => {
          const saved = await scrutiny.saveComplaintsContact(
            request.principal,
            code,
            partnershipId,
            formToInput(complaintsContactInput, values),
          );
          return {
            redirect: back(code, partnershipId),
            flash: saved
              ? 'The complaints contact is saved'
              : 'The complaints contact is cleared: the fallback applies',
          };
        },
      );
    });
  }
}
