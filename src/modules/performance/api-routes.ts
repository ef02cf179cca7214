/**
 * The API for plans, outcomes, indicators and targets: list, read, create and change (with the
 * version read, as everywhere else). Reads are public and the service shows each reader what
 * the pages would (draft plans only to people with a role in the locality); writes are the
 * locality administrator's, and a national indicator's description a system administrator's.
 * Every answer is the record as a later GET returns it, so a client can send back what it read.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { apiRoute } from '../../web/api.js';
import type { OutcomeView, PlanView, TargetView } from './framework.js';
import { indicatorInput, indicatorUpdate, outcomeInput, planInput, targetInput, type IndicatorRow } from './schema.js';
import type { PerformanceService } from './service.js';

type Params = { code: string; id: string };
const params = (request: FastifyRequest) => request.params as Params;

const localityParams = z.object({
  code: z.string().meta({ description: 'ONS GSS code of the locality, e.g. E07999001' }),
});
const recordParams = localityParams.extend({ id: z.uuid() });

const rating = z
  .enum(['on-track', 'at-risk', 'off-track', 'no-data'])
  .meta({ description: 'The worst status of its targets, from approved values only' });
const point = z.object({
  year: z.number().int().meta({ description: 'The financial year, by the year it starts: 2024 is 2024/25' }),
  value: z.number(),
});

const planOutput = z.object({
  id: z.string(),
  title: z.string(),
  planType: z.string(),
  ownerPartnershipId: z.string().nullable(),
  startYear: z.number().int(),
  endYear: z.number().int(),
  status: z.enum(['draft', 'published', 'archived']),
  documentUrl: z.string().nullable(),
  summary: z.string().nullable(),
  contributorIds: z.array(z.string()),
  outcomeIds: z.array(z.string()),
  rating,
  version: z.number().int(),
});

const outcomeOutput = z.object({
  id: z.string(),
  planId: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  themes: z.array(z.string()),
  status: z.enum(['active', 'merged']),
  mergedIntoId: z.string().nullable(),
  contributors: z.array(
    z.object({ partnershipId: z.string().nullable(), organisationId: z.string().nullable(), layer: z.string() }),
  ),
  targetIds: z.array(z.string()),
  rating,
  version: z.number().int(),
});

const indicatorOutput = z.object({
  id: z.string(),
  code: z.string(),
  scope: z.enum(['national', 'local']),
  title: z.string(),
  group: z.string().nullable(),
  definition: z.string().nullable(),
  unit: z.string().nullable(),
  polarity: z.string().nullable(),
  numerator: z.string().nullable(),
  denominator: z.string().nullable(),
  frequency: z.string().nullable(),
  source: z.string().nullable(),
  geography: z.string().nullable(),
  version: z.number().int(),
});

const targetOutput = z.object({
  id: z.string(),
  outcomeId: z.string(),
  indicatorId: z.string(),
  baselineValue: z.number().nullable(),
  baselineYear: z.number().int().nullable(),
  trajectory: z.array(point),
  amberTolerance: z.number(),
  redTolerance: z.number(),
  accountablePartnershipId: z.string().nullable(),
  accountableOfficer: z.string().nullable(),
  latest: point.nullable(),
  expected: z.number().nullable(),
  rating,
  version: z.number().int(),
});

function planJson(view: PlanView): z.output<typeof planOutput> {
  const p = view.plan;
  return {
    id: p.id,
    title: p.title,
    planType: p.plan_type,
    ownerPartnershipId: p.owner_partnership_id,
    startYear: p.start_year,
    endYear: p.end_year,
    status: p.status as 'draft' | 'published' | 'archived',
    documentUrl: p.document_url,
    summary: p.summary,
    contributorIds: view.contributorIds,
    outcomeIds: view.outcomes.map((o) => o.outcome.id),
    rating: view.status,
    version: p.version,
  };
}

function outcomeJson(view: OutcomeView): z.output<typeof outcomeOutput> {
  const o = view.outcome;
  return {
    id: o.id,
    planId: o.plan_id,
    title: o.title,
    description: o.description,
    themes: view.themes,
    status: o.status === 'merged' ? 'merged' : 'active',
    mergedIntoId: o.merged_into_id,
    contributors: view.contributors.map((c) => ({
      partnershipId: c.partnership_id,
      organisationId: c.organisation_id,
      layer: c.layer,
    })),
    targetIds: view.targets.map((t) => t.target.id),
    rating: view.status,
    version: o.version,
  };
}

function indicatorJson(row: IndicatorRow): z.output<typeof indicatorOutput> {
  return {
    id: row.id,
    code: row.code,
    scope: row.locality_id ? 'local' : 'national',
    title: row.title,
    group: row.indicator_group,
    definition: row.definition,
    unit: row.unit,
    polarity: row.polarity,
    numerator: row.numerator,
    denominator: row.denominator,
    frequency: row.frequency,
    source: row.source,
    geography: row.geography,
    version: row.version,
  };
}

function targetJson(view: TargetView, outcomeId: string): z.output<typeof targetOutput> {
  const t = view.target;
  return {
    id: t.id,
    outcomeId,
    indicatorId: t.indicator_id,
    baselineValue: t.baseline_value,
    baselineYear: t.baseline_year,
    trajectory: view.trajectory.targets,
    amberTolerance: t.amber_tolerance,
    redTolerance: t.red_tolerance,
    accountablePartnershipId: t.accountable_partnership_id,
    accountableOfficer: t.accountable_officer,
    latest: view.assessment.latest ?? null,
    expected: view.assessment.expected ?? null,
    rating: view.assessment.status,
    version: t.version,
  };
}

export function performanceApiRoutes(app: FastifyInstance, performance: PerformanceService): void {
  const tag = 'Performance';
  const base = '/api/v1/localities/:code';
  const readPlan = async (request: FastifyRequest, id: string) =>
    planJson((await performance.plan(request.principal, params(request).code, id)).view);
  const readOutcome = async (request: FastifyRequest, id: string) =>
    outcomeJson((await performance.outcome(request.principal, params(request).code, id)).view);
  const readIndicator = async (request: FastifyRequest, id: string) =>
    indicatorJson((await performance.indicator(request.principal, params(request).code, id)).indicator);
  const readTarget = async (request: FastifyRequest, id: string) => {
    const found = await performance.target(request.principal, params(request).code, id);
    return targetJson(found.view, found.outcome.outcome.id);
  };

  // Plans
  apiRoute(app, {
    method: 'GET',
    url: `${base}/plans`,
    operationId: 'listPlans',
    summary: 'The locality’s plans (drafts only for people with a role in it), archived ones included',
    tag,
    access: 'public',
    params: localityParams,
    response: z.array(planOutput),
    handler: async (request) => (await performance.plans(request.principal, params(request).code)).plans.map(planJson),
  });
  apiRoute(app, {
    method: 'POST',
    url: `${base}/plans`,
    operationId: 'createPlan',
    summary: 'Add a plan',
    tag,
    access: 'locality-admin',
    params: localityParams,
    body: planInput,
    response: planOutput,
    responseStatus: 201,
    handler: async (request, reply) => {
      const plan = await performance.createPlan(request.principal, params(request).code, request.body);
      return reply.code(201).send(await readPlan(request, plan.id));
    },
  });
  apiRoute(app, {
    method: 'GET',
    url: `${base}/plans/:id`,
    operationId: 'getPlan',
    summary: 'One plan, with its outcomes’ ids and its rating',
    tag,
    access: 'public',
    params: recordParams,
    response: planOutput,
    handler: async (request) => readPlan(request, params(request).id),
  });
  apiRoute(app, {
    method: 'PUT',
    url: `${base}/plans/:id`,
    operationId: 'updatePlan',
    summary: 'Change a plan: send the whole plan with the version you read',
    tag,
    access: 'locality-admin',
    params: recordParams,
    body: planInput,
    response: planOutput,
    handler: async (request) => {
      await performance.updatePlan(request.principal, params(request).code, params(request).id, request.body);
      return readPlan(request, params(request).id);
    },
  });

  // Outcomes
  apiRoute(app, {
    method: 'GET',
    url: `${base}/plans/:id/outcomes`,
    operationId: 'listOutcomes',
    summary: 'A plan’s outcomes, in the order the plan lists them',
    tag,
    access: 'public',
    params: recordParams,
    response: z.array(outcomeOutput),
    handler: async (request) =>
      (await performance.plan(request.principal, params(request).code, params(request).id)).view.outcomes.map(
        outcomeJson,
      ),
  });
  apiRoute(app, {
    method: 'POST',
    url: `${base}/plans/:id/outcomes`,
    operationId: 'createOutcome',
    summary: 'Add an outcome to a plan',
    tag,
    access: 'locality-admin',
    params: recordParams,
    body: outcomeInput,
    response: outcomeOutput,
    responseStatus: 201,
    handler: async (request, reply) => {
      const { code, id } = params(request);
      const outcome = await performance.createOutcome(request.principal, code, id, request.body);
      return reply.code(201).send(await readOutcome(request, outcome.id));
    },
  });
  apiRoute(app, {
    method: 'GET',
    url: `${base}/outcomes/:id`,
    operationId: 'getOutcome',
    summary:
      'One outcome, with its themes, contributors, targets’ ids and rating (a merged one answers as the one it joined)',
    tag,
    access: 'public',
    params: recordParams,
    response: outcomeOutput,
    handler: async (request) => readOutcome(request, params(request).id),
  });
  apiRoute(app, {
    method: 'PUT',
    url: `${base}/outcomes/:id`,
    operationId: 'updateOutcome',
    summary: 'Change an outcome: send the whole outcome with the version you read',
    tag,
    access: 'locality-admin',
    params: recordParams,
    body: outcomeInput,
    response: outcomeOutput,
    handler: async (request) => {
      await performance.updateOutcome(request.principal, params(request).code, params(request).id, request.body);
      return readOutcome(request, params(request).id);
    },
  });

  // Indicators
  apiRoute(app, {
    method: 'GET',
    url: `${base}/indicators`,
    operationId: 'listIndicators',
    summary: 'The indicator library as the locality sees it: the national indicators and its local ones',
    tag,
    access: 'public',
    params: localityParams,
    response: z.array(indicatorOutput),
    handler: async (request) =>
      (await performance.library(request.principal, params(request).code)).indicators.map(indicatorJson),
  });
  apiRoute(app, {
    method: 'POST',
    url: `${base}/indicators`,
    operationId: 'createIndicator',
    summary: 'Add a local indicator',
    tag,
    access: 'locality-admin',
    params: localityParams,
    body: indicatorInput,
    response: indicatorOutput,
    responseStatus: 201,
    handler: async (request, reply) => {
      const row = await performance.createIndicator(request.principal, params(request).code, request.body);
      return reply.code(201).send(indicatorJson(row));
    },
  });
  apiRoute(app, {
    method: 'GET',
    url: `${base}/indicators/:id`,
    operationId: 'getIndicator',
    summary: 'One indicator of the library',
    tag,
    access: 'public',
    params: recordParams,
    response: indicatorOutput,
    handler: async (request) => readIndicator(request, params(request).id),
  });
  apiRoute(app, {
    method: 'PUT',
    url: `${base}/indicators/:id`,
    operationId: 'updateIndicator',
    summary:
      'Change an indicator’s description (its code stays): a local one by the locality administrator, a national one by a system administrator',
    tag,
    access: 'locality-admin',
    params: recordParams,
    body: indicatorUpdate,
    response: indicatorOutput,
    handler: async (request) =>
      indicatorJson(
        await performance.updateIndicator(request.principal, params(request).code, params(request).id, request.body),
      ),
  });

  // Targets
  apiRoute(app, {
    method: 'GET',
    url: `${base}/outcomes/:id/targets`,
    operationId: 'listTargets',
    summary: 'An outcome’s targets, each with its trajectory, latest approved value and rating',
    tag,
    access: 'public',
    params: recordParams,
    response: z.array(targetOutput),
    handler: async (request) => {
      const { view } = await performance.outcome(request.principal, params(request).code, params(request).id);
      return view.targets.map((t) => targetJson(t, view.outcome.id));
    },
  });
  apiRoute(app, {
    method: 'POST',
    url: `${base}/outcomes/:id/targets`,
    operationId: 'createTarget',
    summary: 'Set a target for an outcome on an indicator that says whether higher or lower is better',
    tag,
    access: 'locality-admin',
    params: recordParams,
    body: targetInput,
    response: targetOutput,
    responseStatus: 201,
    handler: async (request, reply) => {
      const { code, id } = params(request);
      const target = await performance.createTarget(request.principal, code, id, request.body);
      return reply.code(201).send(await readTarget(request, target.id));
    },
  });
  apiRoute(app, {
    method: 'GET',
    url: `${base}/targets/:id`,
    operationId: 'getTarget',
    summary: 'One target, with its trajectory, latest approved value and rating',
    tag,
    access: 'public',
    params: recordParams,
    response: targetOutput,
    handler: async (request) => readTarget(request, params(request).id),
  });
  apiRoute(app, {
    method: 'PUT',
    url: `${base}/targets/:id`,
    operationId: 'updateTarget',
    summary: 'Change a target (not its indicator): send the whole target with the version you read',
    tag,
    access: 'locality-admin',
    params: recordParams,
    body: targetInput,
    response: targetOutput,
    handler: async (request) => {
      await performance.updateTarget(request.principal, params(request).code, params(request).id, request.body);
      return readTarget(request, params(request).id);
    },
  });
}
