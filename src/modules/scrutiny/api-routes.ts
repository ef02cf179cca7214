/**
 * The scrutiny and risk API: the risk registers (read as the pages show them; record a risk),
 * the recommendations monitor, and an addressee's response. Scores follow the locality's matrix.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { apiRoute } from '../../web/api.js';
import { RAG_LABELS, RECOMMENDATION_STATUSES, RISK_BANDS, TREND_LABELS } from './rules.js';
import { responseInput, riskInput } from './schema.js';
import type { RecommendationView, RiskView, ScrutinyService } from './service.js';

type Params = { code: string; id: string };
const params = (request: FastifyRequest) => request.params as Params;

const localityParams = z.object({
  code: z.string().meta({ description: 'ONS GSS code of the locality, e.g. E07999001' }),
});
const recordParams = localityParams.extend({ id: z.uuid() });
const registerQuery = z.object({
  register: z
    .union([z.literal('lsp'), z.uuid()])
    .optional()
    .meta({ description: '`lsp` for the LSP’s register, or a partnership id; every register when absent' }),
});

const score = z.object({
  likelihood: z.number().int(),
  impact: z.number().int(),
  score: z.number().int(),
  band: z.enum(RISK_BANDS),
});
const riskOutput = z.object({
  id: z.string(),
  partnershipId: z.string().nullable().meta({ description: 'null for the LSP’s (locality-wide) register' }),
  title: z.string(),
  description: z.string().nullable(),
  cause: z.string().nullable(),
  effect: z.string().nullable(),
  owner: z.string(),
  controls: z.string().nullable(),
  outcomes: z.string().nullable(),
  matrixSize: z.number().int().meta({ description: 'The matrix the scores below are on: the locality’s' }),
  inherent: score,
  residual: score,
  trend: z.enum(Object.keys(TREND_LABELS) as [string, ...string[]]),
  reviewOn: z.string(),
  reviewOverdue: z.boolean(),
  restricted: z.boolean(),
  version: z.number().int(),
});

function riskJson(view: RiskView, matrixSize: number): z.output<typeof riskOutput> {
  const r = view.row;
  return {
    id: r.id,
    partnershipId: r.partnership_id,
    title: r.title,
    description: r.description,
    cause: r.cause,
    effect: r.effect,
    owner: r.owner,
    controls: r.controls,
    outcomes: r.outcomes,
    matrixSize,
    inherent: view.inherent,
    residual: view.residual,
    trend: view.trend,
    reviewOn: view.reviewOn,
    reviewOverdue: view.overdue,
    restricted: r.restricted,
    version: r.version,
  };
}

const recommendationOutput = z.object({
  id: z.string(),
  reviewId: z.string(),
  number: z.number().int(),
  text: z.string(),
  addresseeKind: z.enum(['partnership', 'organisation', 'lsp']),
  partnershipId: z.string().nullable(),
  organisationId: z.string().nullable(),
  addresseeName: z.string(),
  owner: z.string().nullable(),
  status: z.enum(RECOMMENDATION_STATUSES),
  reasons: z.string().nullable(),
  madeOn: z.string(),
  responseDueOn: z.string(),
  respondedOn: z.string().nullable(),
  rag: z.enum(Object.keys(RAG_LABELS) as [string, ...string[]]),
  overdue: z.boolean(),
  actions: z.array(
    z.object({ description: z.string(), dueOn: z.string(), progress: z.number().int(), overdue: z.boolean() }),
  ),
  version: z.number().int(),
});

function recommendationJson(v: RecommendationView): z.output<typeof recommendationOutput> {
  const r = v.row;
  return {
    id: r.id,
    reviewId: r.review_id,
    number: r.number,
    text: r.text,
    addresseeKind: r.addressee_kind as 'lsp',
    partnershipId: r.partnership_id,
    organisationId: r.organisation_id,
    addresseeName: v.addresseeName,
    owner: r.owner,
    status: r.status as 'accepted',
    reasons: r.response_reasons,
    madeOn: r.made_on,
    responseDueOn: r.response_due_on,
    respondedOn: r.responded_on,
    rag: v.rag,
    overdue: v.overdue,
    actions: v.actions.map((a) => ({
      description: a.description,
      dueOn: a.due_on,
      progress: a.progress,
      overdue: a.overdue,
    })),
    version: r.version,
  };
}

export function scrutinyApiRoutes(app: FastifyInstance, scrutiny: ScrutinyService): void {
  const tag = 'Scrutiny and risks';
  const base = '/api/v1/localities/:code';

  apiRoute(app, {
    method: 'GET',
    url: `${base}/risks`,
    operationId: 'listRisks',
    summary:
      'Risks, the highest residual score first (the public sees the unrestricted risks of published partnerships)',
    tag,
    access: 'public',
    params: localityParams,
    query: registerQuery,
    response: z.array(riskOutput),
    handler: async (request) => {
      const register = (request.query as { register?: string }).register;
      const result = await scrutiny.risks(request.principal, params(request).code, { register });
      return result.risks.map((r) => riskJson(r, result.settings.matrixSize));
    },
  });
  apiRoute(app, {
    method: 'POST',
    url: `${base}/risks`,
    operationId: 'recordRisk',
    summary: 'Record a risk on a partnership’s register (its secretary) or the LSP’s (the locality administrator)',
    tag,
    access: 'register-editor',
    params: localityParams,
    body: riskInput,
    response: riskOutput,
    responseStatus: 201,
    handler: async (request, reply) => {
      const row = await scrutiny.createRisk(request.principal, params(request).code, request.body);
      const result = await scrutiny.risk(request.principal, params(request).code, row.id);
      return reply.code(201).send(riskJson(result.risk, result.settings.matrixSize));
    },
  });
  apiRoute(app, {
    method: 'GET',
    url: `${base}/scrutiny/recommendations`,
    operationId: 'listRecommendations',
    summary: 'The recommendations monitor: every scrutiny recommendation with its response, actions and RAG status',
    tag,
    access: 'locality-reader',
    params: localityParams,
    response: z.array(recommendationOutput),
    handler: async (request) =>
      (await scrutiny.monitor(request.principal, params(request).code)).rows.map(recommendationJson),
  });
  apiRoute(app, {
    method: 'POST',
    url: `${base}/scrutiny/recommendations/:id/response`,
    operationId: 'respondToRecommendation',
    summary:
      'Respond to a recommendation addressed to you: accepted, partly-accepted or rejected (the last two with reasons)',
    tag,
    access: 'locality-reader',
    params: recordParams,
    body: responseInput,
    response: recommendationOutput,
    handler: async (request) => {
      const { code, id } = params(request);
      await scrutiny.respond(request.principal, code, id, request.body);
      return recommendationJson((await scrutiny.recommendation(request.principal, code, id)).view);
    },
  });
}
