import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Services } from '../../services.js';
import { formToInput } from '../../core/validation.js';
import { apiRoute } from '../../web/api.js';
import { choices, submitForm, withDateParts } from '../../web/forms.js';
import { LAYER_LABELS, STATUS_LABELS } from '../register/schema.js';
import {
  asAtQuery,
  commentInput,
  consentInput,
  DECISION_LABELS,
  OPERATION_LABELS,
  operationInput,
  PLAN_STATUS_LABELS,
  planInput,
  planUpdate,
} from './schema.js';
import type { PlanDetail } from './service.js';

type Params = { code: string; id: string; operationId: string };
const params = (request: FastifyRequest) => request.params as Params;
const body = (request: FastifyRequest) => (request.body ?? {}) as Record<string, unknown>;
const planParams = z.object({ code: z.string(), id: z.uuid() });
const LABELS = {
  layer: LAYER_LABELS,
  status: STATUS_LABELS,
  operation: OPERATION_LABELS,
  decision: DECISION_LABELS,
  planStatus: PLAN_STATUS_LABELS,
};

/** What the plan page shows; `name` also names the partnership a merge would form. */
function planPage(detail: PlanDetail) {
  const name = (id: string | null) =>
    id
      ? (detail.names.get(id) ?? (id.startsWith('new:') ? 'the new merged partnership' : 'an unknown partnership'))
      : '–';
  return {
    title: `${detail.plan.reference}: ${detail.plan.title}`,
    section: 'rationalisation',
    locality: detail.locality,
    detail,
    labels2: LABELS,
    name,
  };
}

/** A plan as JSON: its operations, where agreement stands, and the comparison. */
function toPlanJson(detail: PlanDetail) {
  const { plan } = detail;
  return {
    id: plan.id,
    reference: plan.reference,
    title: plan.title,
    rationale: plan.rationale,
    status: plan.status,
    effectiveOn: plan.effective_on,
    consentRound: plan.consent_round,
    clusterId: plan.cluster_id,
    operations: detail.operations.map((o) => ({
      id: o.id,
      kind: o.kind,
      subjectIds: o.subject_ids,
      targetId: o.target_id,
      newName: o.new_name,
      newLayer: o.new_layer,
      changeParent: o.change_parent,
      reason: o.reason,
      resultId: o.result_id,
      problems: o.problems.map((p) => p.message),
    })),
    consent: {
      complete: detail.consent.complete,
      agreed: detail.consent.agreed,
      withConditions: detail.consent.withConditions,
      objected: detail.consent.objected,
      pending: detail.consent.pending,
    },
    ready: detail.readiness.ready,
    notReadyBecause: detail.readiness.reasons,
    comparison: {
      before: detail.comparison.before,
      after: detail.comparison.after,
      savingPence: detail.comparison.savingPence,
    },
    comments: detail.comments.map((c) => ({ author: c.author, role: c.author_role, body: c.body, at: c.created_at })),
  };
}

export function rationalisationRoutes(app: FastifyInstance, services: Services): void {
  const { rationalisation, register } = services;
  const base = (code: string) => `/localities/${code}/rationalisation`;

  app.get('/localities/:code/rationalisation', { config: { access: 'locality-reader' } }, async (request, reply) => {
    const result = await rationalisation.listPlans(request.principal, params(request).code);
    return reply.view('rationalisation/views/plans.njk', {
      title: 'Rationalisation',
      section: 'rationalisation',
      ...result,
      labels2: LABELS,
    });
  });

  app.get(
    '/localities/:code/rationalisation/savings',
    { config: { access: 'locality-reader' } },
    async (request, reply) => {
      const query = request.query as Record<string, unknown>;
      const typed = formToInput(asAtQuery, query).asAt;
      const parsed = asAtQuery.safeParse({ asAt: typed });
      const asAt = parsed.success ? parsed.data.asAt : undefined;
      const result = await rationalisation.savings(request.principal, params(request).code, { asAt });
      const errors =
        typed !== undefined && (!asAt || asAt !== result.metrics.asAt)
          ? [{ field: 'asAt', message: 'Enter a real date, today or in the past, for example 31 3 2025' }]
          : undefined;
      return reply.view('rationalisation/views/savings.njk', {
        title: 'Savings, timeline and figures as at a date',
        section: 'rationalisation',
        ...result,
        errors,
        values: withDateParts({ asAt: result.metrics.asAt }, ['asAt']),
        chart: timelineChart(result.timeline),
      });
    },
  );

  const planFormContext = (title: string, extra: Record<string, unknown> = {}) => ({
    title,
    section: 'rationalisation',
    ...extra,
  });
  app.get('/localities/:code/rationalisation/new', { config: { access: 'locality-admin' } }, async (request, reply) => {
    const cluster =
      z
        .string()
        .trim()
        .max(100)
        .optional()
        .catch(undefined)
        .parse((request.query as { cluster?: string }).cluster) || undefined;
    const query = request.query as { partnership?: string; because?: string };
    const about = query.partnership
      ? {
          partnershipId: z.string().trim().max(100).catch('').parse(query.partnership),
          because: z.string().trim().max(1000).optional().catch(undefined).parse(query.because),
        }
      : undefined;
    const draft = await rationalisation.newPlanDraft(request.principal, params(request).code, cluster, about);
    return reply.view(
      'rationalisation/views/plan-form.njk',
      planFormContext('Start a rationalisation plan', {
        locality: draft.locality,
        cluster: draft.cluster,
        partnership: draft.partnership,
        mode: 'create',
        values: withDateParts(draft.values, ['effectiveOn']),
      }),
    );
  });
  app.post('/localities/:code/rationalisation', { config: { access: 'locality-admin' } }, async (request, reply) => {
    const values = body(request);
    const locality = await register.locality(params(request).code);
    return submitForm(
      reply,
      {
        template: 'rationalisation/views/plan-form.njk',
        context: () => planFormContext('Start a rationalisation plan', { locality, mode: 'create' }),
        values,
      },
      async () => {
        const plan = await rationalisation.createPlan(
          request.principal,
          locality.gss_code,
          formToInput(planUpdate, values),
        );
        // A plan started for one partnership goes straight on to its first change, that partnership chosen.
        const about = z.string().uuid().optional().catch(undefined).parse(values.partnershipId);
        return {
          redirect: about
            ? `${base(locality.gss_code)}/${plan.id}/operations/new?subject=${about}`
            : `${base(locality.gss_code)}/${plan.id}`,
          flash: `Plan ${plan.reference} was opened. The Government Office adviser has been told.`,
        };
      },
    );
  });

  app.get(
    '/localities/:code/rationalisation/:id',
    { config: { access: 'locality-reader' } },
    async (request, reply) => {
      const detail = await rationalisation.getPlan(request.principal, params(request).code, params(request).id);
      const related = await services.knowledge.relatedToPlan(
        detail.plan,
        detail.operations.map((o) => o.kind),
      );
      return reply.view('rationalisation/views/plan.njk', { ...planPage(detail), related });
    },
  );

  app.get(
    '/localities/:code/rationalisation/:id/edit',
    { config: { access: 'locality-admin' } },
    async (request, reply) => {
      const detail = await rationalisation.getPlan(request.principal, params(request).code, params(request).id);
      const p = detail.plan;
      return reply.view(
        'rationalisation/views/plan-form.njk',
        planFormContext(`Amend ${p.reference}`, {
          locality: detail.locality,
          plan: p,
          mode: 'edit',
          values: withDateParts(
            { title: p.title, rationale: p.rationale, effectiveOn: p.effective_on, version: p.version },
            ['effectiveOn'],
          ),
        }),
      );
    },
  );
  app.post(
    '/localities/:code/rationalisation/:id/edit',
    { config: { access: 'locality-admin' } },
    async (request, reply) => {
      const values = body(request);
      const detail = await rationalisation.getPlan(request.principal, params(request).code, params(request).id);
      return submitForm(
        reply,
        {
          template: 'rationalisation/views/plan-form.njk',
          context: () =>
            planFormContext(`Amend ${detail.plan.reference}`, {
              locality: detail.locality,
              plan: detail.plan,
              mode: 'edit',
            }),
          values,
        },
        async () => {
          await rationalisation.updatePlan(
            request.principal,
            detail.locality.gss_code,
            detail.plan.id,
            formToInput(planUpdate, values),
          );
          return {
            redirect: `${base(detail.locality.gss_code)}/${detail.plan.id}`,
            flash: 'The plan was amended. Every affected partnership is asked to agree again.',
          };
        },
      );
    },
  );

  const operationContext = async (
    request: FastifyRequest,
    detail: PlanDetail,
    values: Record<string, unknown>,
    find?: string,
  ) => {
    const options = await register.formOptions(params(request).code);
    const open = options.partnerships
      .filter((p) => p.status === 'active' || p.status === 'proposed')
      .map((p) => ({ value: p.id, text: p.name }));
    const kind = String(values.kind ?? 'merge');
    // "Find" narrows the long list of checkboxes to names containing the words typed.
    const words = (find ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    const chosen = new Set([values.subjectIds].flat().map(String));
    const listed = words.length
      ? open.filter((p) => chosen.has(p.value) || words.every((w) => p.text.toLowerCase().includes(w)))
      : open;
    return {
      title: `Add an operation to ${detail.plan.reference}`,
      section: 'rationalisation',
      locality: detail.locality,
      plan: detail.plan,
      kind,
      kinds: choices(
        Object.entries(OPERATION_LABELS).map(([value, text]) => ({ value, text })),
        kind,
      ),
      find: find ?? '',
      subjects: choices(listed, values.subjectIds),
      targets: choices(
        open,
        values.targetId,
        kind === 'relayer' ? 'No parent partnership' : kind === 'merge' ? 'A new partnership' : 'Choose a partnership',
      ),
      layers: choices(
        Object.entries(LAYER_LABELS).map(([value, text]) => ({ value, text })),
        values.newLayer,
        'Keep its layer',
      ),
    };
  };
  app.get(
    '/localities/:code/rationalisation/:id/operations/new',
    { config: { access: 'locality-admin' } },
    async (request, reply) => {
      const detail = await rationalisation.getPlan(request.principal, params(request).code, params(request).id);
      const query = request.query as { kind?: string; find?: string; subject?: string };
      const kind = z.enum(['merge', 'nest', 'close', 'relayer']).catch('merge').parse(query.kind);
      const find = z
        .string()
        .trim()
        .max(100)
        .catch('')
        .parse(query.find ?? '');
      // A plan started for one partnership arrives with it chosen.
      const subject = z.string().uuid().optional().catch(undefined).parse(query.subject);
      const values = { kind, ...(subject ? { subjectIds: [subject] } : {}) };
      return reply.view('rationalisation/views/operation-form.njk', {
        ...(await operationContext(request, detail, values, find)),
        values,
      });
    },
  );
  app.post(
    '/localities/:code/rationalisation/:id/operations',
    { config: { access: 'locality-admin' } },
    async (request, reply) => {
      const values = body(request);
      const detail = await rationalisation.getPlan(request.principal, params(request).code, params(request).id);
      return submitForm(
        reply,
        {
          template: 'rationalisation/views/operation-form.njk',
          context: () => operationContext(request, detail, values),
          values,
        },
        async () => {
          await rationalisation.addOperation(
            request.principal,
            detail.locality.gss_code,
            detail.plan.id,
            formToInput(operationInput, values),
          );
          return {
            redirect: `${base(detail.locality.gss_code)}/${detail.plan.id}#operations`,
            flash: 'The operation was added. Every affected partnership is asked to agree.',
          };
        },
      );
    },
  );
  app.post(
    '/localities/:code/rationalisation/:id/operations/:operationId/remove',
    { config: { access: 'locality-admin' } },
    async (request, reply) => {
      await rationalisation.removeOperation(
        request.principal,
        params(request).code,
        params(request).id,
        params(request).operationId,
      );
      return reply.redirectWithFlash(
        `${base(params(request).code)}/${params(request).id}#operations`,
        'The operation was removed. Every affected partnership is asked to agree again.',
      );
    },
  );

  /** The plan page again, with the error summary, when a form on it was not right. */
  const planAgain = async (request: FastifyRequest) => {
    return planPage(await rationalisation.getPlan(request.principal, params(request).code, params(request).id));
  };
  app.post(
    '/localities/:code/rationalisation/:id/consent',
    { config: { access: 'register-editor' } },
    async (request, reply) => {
      const values = body(request);
      return submitForm(
        reply,
        { template: 'rationalisation/views/plan.njk', context: () => planAgain(request), values },
        async () => {
          const consent = await rationalisation.recordConsent(
            request.principal,
            params(request).code,
            params(request).id,
            formToInput(consentInput, values),
          );
          return {
            redirect: `${base(params(request).code)}/${params(request).id}#consent`,
            flash: `The answer was recorded: ${DECISION_LABELS[consent.decision].toLowerCase()}`,
          };
        },
      );
    },
  );
  app.post(
    '/localities/:code/rationalisation/:id/comments',
    { config: { access: 'locality-reader' } },
    async (request, reply) => {
      const values = body(request);
      return submitForm(
        reply,
        { template: 'rationalisation/views/plan.njk', context: () => planAgain(request), values },
        async () => {
          await rationalisation.addComment(
            request.principal,
            params(request).code,
            params(request).id,
            formToInput(commentInput, values),
          );
          return {
            redirect: `${base(params(request).code)}/${params(request).id}#comments`,
            flash: 'Your comment was added',
          };
        },
      );
    },
  );
  app.post(
    '/localities/:code/rationalisation/:id/carry-out',
    { config: { access: 'locality-admin' } },
    async (request, reply) => {
      return submitForm(
        reply,
        { template: 'rationalisation/views/plan.njk', context: () => planAgain(request), values: {} },
        async () => {
          const plan = await rationalisation.carryOut(request.principal, params(request).code, params(request).id);
          const review = plan.needsReview.map((p) => p.reference);
          return {
            redirect: `${base(params(request).code)}/${plan.id}`,
            flash: `${plan.reference} was carried out. The register, the map and each partnership’s lineage show the changes.${review.length ? ` ${review.join(', ')} ${review.length === 1 ? 'touches' : 'touch'} the same partnerships and ${review.length === 1 ? 'is' : 'are'} now marked as needing review.` : ''}`,
          };
        },
      );
    },
  );
  app.post(
    '/localities/:code/rationalisation/:id/still-stands',
    { config: { access: 'locality-admin' } },
    async (request, reply) => {
      const plan = await rationalisation.confirmStillStands(
        request.principal,
        params(request).code,
        params(request).id,
      );
      return reply.redirectWithFlash(
        `${base(params(request).code)}/${plan.id}`,
        `${plan.reference} was reviewed and stands as it is`,
      );
    },
  );
  app.post(
    '/localities/:code/rationalisation/:id/withdraw',
    { config: { access: 'locality-admin' } },
    async (request, reply) => {
      const plan = await rationalisation.withdraw(request.principal, params(request).code, params(request).id);
      return reply.redirectWithFlash(`${base(params(request).code)}/${plan.id}`, `${plan.reference} was withdrawn`);
    },
  );

  app.get('/localities/:code/partnerships/:id/lineage', { config: { access: 'public' } }, async (request, reply) => {
    const lineage = await rationalisation.lineage(request.principal, params(request).code, params(request).id);
    return reply.view('rationalisation/views/lineage.njk', {
      title: `Lineage of ${lineage.partnership.name}`,
      section: 'partnerships',
      tab: 'lineage',
      locality: lineage.locality,
      lineage,
      p: lineage.partnership,
    });
  });

  // API
  const tag = 'Rationalisation';
  apiRoute(app, {
    method: 'GET',
    url: '/api/v1/localities/:code/rationalisation',
    operationId: 'listRationalisationPlans',
    summary: 'The locality’s rationalisation plans',
    tag,
    access: 'locality-reader',
    params: z.object({ code: z.string() }),
    response: z.array(
      z.object({
        id: z.uuid(),
        reference: z.string(),
        title: z.string(),
        status: z.string(),
        effectiveOn: z.string(),
        operations: z.number(),
      }),
    ),
    handler: async (request) =>
      (await rationalisation.listPlans(request.principal, params(request).code)).plans.map((p) => ({
        id: p.id,
        reference: p.reference,
        title: p.title,
        status: p.status,
        effectiveOn: p.effective_on,
        operations: p.operations,
      })),
  });
  apiRoute(app, {
    method: 'GET',
    url: '/api/v1/localities/:code/rationalisation/:id',
    operationId: 'getRationalisationPlan',
    summary:
      'A plan: its operations, each rule it breaks, where agreement stands, the comments and the before/after comparison',
    tag,
    access: 'locality-reader',
    params: planParams,
    response: z.unknown(),
    handler: async (request) =>
      toPlanJson(await rationalisation.getPlan(request.principal, params(request).code, params(request).id)),
  });
  const planSummary = z.object({
    id: z.uuid(),
    reference: z.string(),
    title: z.string(),
    status: z.string(),
    effectiveOn: z.string(),
    consentRound: z.number(),
  });
  const summaryOf = (p: {
    id: string;
    reference: string;
    title: string;
    status: string;
    effective_on: string;
    consent_round: number;
  }) => ({
    id: p.id,
    reference: p.reference,
    title: p.title,
    status: p.status,
    effectiveOn: p.effective_on,
    consentRound: p.consent_round,
  });
  apiRoute(app, {
    method: 'POST',
    url: '/api/v1/localities/:code/rationalisation',
    operationId: 'createRationalisationPlan',
    summary:
      'Open a plan (with clusterId, it starts with the overlap group’s suggested operations that the rules allow); the Government Office adviser is told',
    tag,
    access: 'locality-admin',
    params: z.object({ code: z.string() }),
    body: planInput,
    response: planSummary,
    responseStatus: 201,
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(summaryOf(await rationalisation.createPlan(request.principal, params(request).code, request.body))),
  });
  apiRoute(app, {
    method: 'POST',
    url: '/api/v1/localities/:code/rationalisation/:id/operations',
    operationId: 'addRationalisationOperation',
    summary:
      'Add a merge, nesting, closure or re-layering; refused with the reason when it breaks a rule; every affected partnership is asked to agree again',
    tag,
    access: 'locality-admin',
    params: planParams,
    body: operationInput,
    response: z.object({ id: z.uuid(), kind: z.string(), position: z.number() }),
    responseStatus: 201,
    handler: async (request, reply) => {
      const op = await rationalisation.addOperation(
        request.principal,
        params(request).code,
        params(request).id,
        request.body,
      );
      return reply.code(201).send({ id: op.id, kind: op.kind, position: op.position });
    },
  });
  apiRoute(app, {
    method: 'POST',
    url: '/api/v1/localities/:code/rationalisation/:id/comments',
    operationId: 'commentOnRationalisationPlan',
    summary: 'The Government Office adviser’s comment (or the administrator’s reply); nothing waits on it',
    tag,
    access: 'locality-reader',
    params: planParams,
    body: commentInput,
    response: z.object({ id: z.uuid() }),
    responseStatus: 201,
    handler: async (request, reply) =>
      reply.code(201).send({
        id: (
          await rationalisation.addComment(request.principal, params(request).code, params(request).id, request.body)
        ).id,
      }),
  });
  apiRoute(app, {
    method: 'POST',
    url: '/api/v1/localities/:code/rationalisation/:id/carry-out',
    operationId: 'carryOutRationalisationPlan',
    summary:
      'Carry the plan out: all operations in one transaction, dated its effective date; refused with every reason while not all agreed or before that date',
    tag,
    access: 'locality-admin',
    params: planParams,
    response: planSummary,
    handler: async (request) =>
      summaryOf(await rationalisation.carryOut(request.principal, params(request).code, params(request).id)),
  });
  apiRoute(app, {
    method: 'POST',
    url: '/api/v1/localities/:code/rationalisation/:id/consent',
    operationId: 'recordConsent',
    summary:
      'Record an affected partnership’s agreement, conditions or objection (its secretary, or the locality administrator on its board’s behalf)',
    tag,
    access: 'register-editor',
    params: planParams,
    body: consentInput,
    response: z.object({ id: z.uuid(), decision: z.string(), round: z.number() }),
    responseStatus: 201,
    handler: async (request, reply) => {
      const consent = await rationalisation.recordConsent(
        request.principal,
        params(request).code,
        params(request).id,
        request.body,
      );
      return reply.code(201).send({ id: consent.id, decision: consent.decision, round: consent.round });
    },
  });
  apiRoute(app, {
    method: 'GET',
    url: '/api/v1/localities/:code/partnerships/:id/lineage',
    operationId: 'partnershipLineage',
    summary: 'A partnership’s predecessors, successors and the chain back to each origin',
    tag,
    access: 'public',
    params: planParams,
    response: z.unknown(),
    handler: async (request) => {
      const { locality: _locality, ...lineage } = await rationalisation.lineage(
        request.principal,
        params(request).code,
        params(request).id,
      );
      return lineage;
    },
  });
}

/** A line chart of open partnerships over time as SVG paths, drawn on the server (the table beside it has the same numbers). */
function timelineChart(points: Array<{ date: string; partnerships: number; yearlyCostPence: number }>) {
  const width = 640;
  const height = 200;
  const pad = 36;
  // The axis starts a little below the fewest, so a change of a few partnerships shows.
  const max = Math.max(1, ...points.map((p) => p.partnerships)) + 1;
  const min = Math.max(0, Math.min(...points.map((p) => p.partnerships)) - 5);
  const x = (i: number) => pad + (points.length > 1 ? (i * (width - 2 * pad)) / (points.length - 1) : 0);
  const y = (v: number) => height - pad - ((v - min) * (height - 2 * pad)) / (max - min);
  const path = points
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.partnerships).toFixed(1)}`)
    .join(' ');
  return {
    width,
    height,
    path,
    max,
    min,
    baseline: height - pad,
    top: pad,
    dots: points.map((p, i) => ({
      cx: x(i).toFixed(1),
      cy: y(p.partnerships).toFixed(1),
      date: p.date,
      value: p.partnerships,
    })),
  };
}
