/**
 * The resources API: contributions (record, change, confirm), funding streams and the cliff
 * edge, pooled budgets, budget lines, benefits, money by outcome and cost-benefit. Reads are
 * public and show each reader what the pages would; money is integer pence, shares basis points
 * (10000 is 100%), years financial years by the year they start (2025 is 2025/26).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { apiRoute } from '../../web/api.js';
import { parseYear } from '../performance/schema.js';
import type { FundingStreamRecord } from './repository.js';
import {
  type BenefitRow,
  type ContributionRow,
  benefitInput,
  benefitUpdate,
  budgetLineInput,
  budgetLineUpdate,
  pooledBudgetUpdate,
  resourceSettingsInput,
  confirmInput,
  contributionInput,
  fundingStreamInput,
  pooledBudgetInput,
  yearQuery,
} from './schema.js';
import type { CostBenefit } from './rules.js';
import type { ContributionView, ResourcesService } from './service.js';

type Params = { code: string; id: string };
const params = (request: FastifyRequest) => request.params as Params;
const yearOf = (request: FastifyRequest) => {
  const text = (request.query as { year?: string } | undefined)?.year;
  return text ? parseYear(text) : undefined;
};

const localityParams = z.object({
  code: z.string().meta({ description: 'ONS GSS code of the locality, e.g. E07999001' }),
});
const recordParams = localityParams.extend({ id: z.uuid() });
const pence = z.number().int().meta({ description: 'Integer pence' });
const shareBp = z.number().int().meta({ description: 'Basis points: 10000 is 100%' });

const contributionOutput = z.object({
  id: z.string(),
  partnershipId: z.string(),
  organisationId: z.string(),
  year: z.number().int(),
  kind: z.enum(['cash', 'in-kind', 'staff-time']),
  amountPence: pence.nullable(),
  hours: z.number().nullable(),
  ratePence: pence.nullable().meta({ description: 'A grade rate, when given; restricted' }),
  valuePence: pence.meta({ description: 'What it is worth: staff time costed at the grade or sector rate' }),
  grade: z.string().nullable().meta({ description: 'The locality’s grade the staff time was costed at; restricted' }),
  description: z.string().nullable().meta({ description: 'Restricted' }),
  state: z.enum(['entered', 'confirmed']),
  version: z.number().int(),
});

function contributionJson(view: ContributionView): z.output<typeof contributionOutput> {
  const r = view.row;
  return {
    id: r.id,
    partnershipId: r.partnership_id,
    organisationId: r.organisation_id,
    year: r.financial_year,
    kind: r.kind as 'cash',
    amountPence: r.amount_pence,
    hours: r.hours,
    ratePence: r.rate_pence,
    valuePence: view.valuePence,
    grade: r.grade,
    description: r.description,
    state: r.state as 'entered',
    version: r.version,
  };
}

const streamOutput = z.object({
  id: z.string(),
  fundCode: z.string(),
  name: z.string(),
  funder: z.string(),
  accountableBodyId: z.string().nullable(),
  amountPerYearPence: pence,
  startsOn: z.string(),
  endsOn: z.string(),
  requiresPartnership: z.boolean(),
  partnershipIds: z.array(z.string()),
  outcomeIds: z.array(z.string()),
  hasExitStrategy: z.boolean(),
  exitStrategy: z.string().nullable().meta({ description: 'Restricted: empty for the public when one exists' }),
  version: z.number().int(),
});

function streamJson(s: FundingStreamRecord): z.output<typeof streamOutput> {
  return {
    id: s.id,
    fundCode: s.fund_code,
    name: s.name,
    funder: s.funder,
    accountableBodyId: s.accountable_body_id,
    amountPerYearPence: s.amount_per_year_pence,
    startsOn: s.starts_on,
    endsOn: s.ends_on,
    requiresPartnership: s.requires_partnership,
    partnershipIds: s.partnershipIds,
    outcomeIds: s.outcomeIds,
    hasExitStrategy: s.exit_strategy !== null,
    exitStrategy: s.exit_strategy,
    version: s.version,
  };
}

const shareList = z.array(z.object({ outcomeId: z.string(), shareBp }));

const pooledOutput = z.object({
  id: z.string(),
  name: z.string(),
  legalBasis: z.string(),
  hostOrganisationId: z.string(),
  governingPartnershipId: z.string().nullable(),
  riskShare: z.string().nullable().meta({ description: 'Restricted' }),
  amountPerYearPence: pence,
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  contributors: z.array(z.object({ organisationId: z.string(), shareBp, amountPerYearPence: pence })),
  outcomes: shareList,
  version: z.number().int(),
});

const lineOutput = z.object({
  id: z.string(),
  organisationId: z.string(),
  service: z.string().meta({ description: 'Restricted: empty for the public' }),
  year: z.number().int(),
  amountPence: pence,
  outcomes: shareList,
  version: z.number().int(),
});

const benefitOutput = z.object({
  id: z.string(),
  partnershipId: z.string(),
  year: z.number().int(),
  kind: z.string(),
  title: z.string(),
  valuePence: pence.nullable(),
  attributionBp: shareBp.nullable(),
  indicatorId: z.string().nullable(),
  evidence: z.string(),
  confidence: z.string(),
  version: z.number().int(),
});

function benefitJson(b: BenefitRow): z.output<typeof benefitOutput> {
  return {
    id: b.id,
    partnershipId: b.partnership_id,
    year: b.financial_year,
    kind: b.kind,
    title: b.title,
    valuePence: b.value_pence,
    attributionBp: b.attribution_bp,
    indicatorId: b.indicator_id,
    evidence: b.evidence,
    confidence: b.confidence,
    version: b.version,
  };
}

const costBenefitOutput = z.object({
  partnershipId: z.string(),
  name: z.string(),
  year: z.number().int(),
  costPence: pence,
  costLowPence: pence,
  costHighPence: pence,
  transactionPence: pence,
  transactionEstimated: z.boolean(),
  contributionsPence: pence,
  benefitPence: pence,
  benefitLowPence: pence,
  benefitHighPence: pence,
  benefitsRecorded: z.number().int(),
  ratio: z.number().nullable(),
  ratioLow: z.number().nullable(),
  ratioHigh: z.number().nullable().meta({ description: 'null with a ratio: no upper limit' }),
  verdict: z.enum(['not-assessed', 'not-valued', 'no-cost', 'review', 'uncertain', 'advantage']),
  verdictText: z.string(),
});

function costBenefitJson(
  id: string,
  name: string,
  year: number,
  r: CostBenefit,
  verdictText: string,
): z.output<typeof costBenefitOutput> {
  const finite = (v: number | null) => (v === null || !Number.isFinite(v) ? null : v);
  return {
    partnershipId: id,
    name,
    year,
    costPence: r.cost.totalPence,
    costLowPence: r.costLowPence,
    costHighPence: r.costHighPence,
    transactionPence: r.cost.transactionPence,
    transactionEstimated: r.cost.transactionEstimated,
    contributionsPence: r.cost.cashPence + r.cost.inKindPence + r.cost.staffTimePence,
    benefitPence: r.benefitPence,
    benefitLowPence: r.benefitLowPence,
    benefitHighPence: r.benefitHighPence,
    benefitsRecorded: r.benefitsRecorded,
    ratio: finite(r.ratio),
    ratioLow: finite(r.ratioLow),
    ratioHigh: finite(r.ratioHigh),
    verdict: r.verdict,
    verdictText,
  };
}

export function resourcesApiRoutes(app: FastifyInstance, resources: ResourcesService): void {
  const tag = 'Resources';
  const base = '/api/v1/localities/:code';
  const readContribution = async (request: FastifyRequest, id: string) =>
    contributionJson(await resources.contribution(request.principal, params(request).code, id));

  apiRoute(app, {
    method: 'GET',
    url: `${base}/contributions`,
    operationId: 'listContributions',
    summary: 'Partners’ contributions for a year (the public sees confirmed ones, without restricted fields)',
    tag,
    access: 'public',
    params: localityParams,
    query: yearQuery,
    response: z.array(contributionOutput),
    handler: async (request) =>
      (
        await resources.contributions(request.principal, params(request).code, { year: yearOf(request) })
      ).contributions.map(contributionJson),
  });
  apiRoute(app, {
    method: 'POST',
    url: `${base}/contributions`,
    operationId: 'recordContribution',
    summary:
      'Record a contribution (for your own organisation, unless you administer the locality); it awaits confirmation',
    tag,
    access: 'partner-recorder',
    params: localityParams,
    body: contributionInput,
    response: contributionOutput,
    responseStatus: 201,
    handler: async (request, reply) => {
      const row = await resources.recordContribution(request.principal, params(request).code, request.body);
      return reply.code(201).send(await readContribution(request, row.id));
    },
  });
  apiRoute(app, {
    method: 'PUT',
    url: `${base}/contributions/:id`,
    operationId: 'updateContribution',
    summary: 'Change a contribution: send it whole with the version you read; it awaits confirmation again',
    tag,
    access: 'partner-recorder',
    params: recordParams,
    body: contributionInput,
    response: contributionOutput,
    handler: async (request) => {
      const row: ContributionRow = await resources.updateContribution(
        request.principal,
        params(request).code,
        params(request).id,
        request.body,
      );
      return readContribution(request, row.id);
    },
  });
  apiRoute(app, {
    method: 'POST',
    url: `${base}/contributions/:id/confirm`,
    operationId: 'confirmContribution',
    summary: 'Confirm a contribution, as the partnership’s secretary or the locality administrator',
    tag,
    access: 'register-editor',
    params: recordParams,
    body: confirmInput,
    response: contributionOutput,
    handler: async (request) => {
      const row = await resources.confirmContribution(
        request.principal,
        params(request).code,
        params(request).id,
        request.body,
      );
      return readContribution(request, row.id);
    },
  });

  apiRoute(app, {
    method: 'GET',
    url: `${base}/funding-streams`,
    operationId: 'listFundingStreams',
    summary: 'The locality’s funding streams, soonest ending first',
    tag,
    access: 'public',
    params: localityParams,
    response: z.array(streamOutput),
    handler: async (request) =>
      (await resources.fundingStreams(request.principal, params(request).code)).streams.map(streamJson),
  });
  apiRoute(app, {
    method: 'POST',
    url: `${base}/funding-streams`,
    operationId: 'createFundingStream',
    summary: 'Record a funding stream, with the partnerships and outcomes that depend on it',
    tag,
    access: 'locality-admin',
    params: localityParams,
    body: fundingStreamInput,
    response: streamOutput,
    responseStatus: 201,
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(streamJson(await resources.createFundingStream(request.principal, params(request).code, request.body))),
  });
  apiRoute(app, {
    method: 'GET',
    url: `${base}/cliff-edge`,
    operationId: 'fundingCliffEdge',
    summary: 'Funding ending in the next 6, 12 and 24 months, with its dependants and whether it has an exit strategy',
    tag,
    access: 'public',
    params: localityParams,
    response: z.array(
      z.object({
        window: z.union([z.literal(6), z.literal(12), z.literal(24)]),
        monthsLeft: z.number().int(),
        stream: streamOutput,
        partnerships: z.array(z.object({ id: z.string(), name: z.string() })),
        outcomes: z.array(z.object({ id: z.string(), title: z.string() })),
      }),
    ),
    handler: async (request) =>
      (await resources.cliffEdge(request.principal, params(request).code)).rows.map((r) => ({
        window: r.window,
        monthsLeft: r.monthsLeft,
        stream: streamJson(r.stream),
        partnerships: r.partnerships,
        outcomes: r.outcomes,
      })),
  });

  apiRoute(app, {
    method: 'GET',
    url: `${base}/pooled-budgets`,
    operationId: 'listPooledBudgets',
    summary: 'Pooled and aligned budgets, each contributor’s share and amount a year',
    tag,
    access: 'public',
    params: localityParams,
    response: z.array(pooledOutput),
    handler: async (request) =>
      (await resources.pooledBudgets(request.principal, params(request).code)).budgets.map((b) => ({
        id: b.id,
        name: b.name,
        legalBasis: b.legal_basis,
        hostOrganisationId: b.host_organisation_id,
        governingPartnershipId: b.governing_partnership_id,
        riskShare: b.risk_share,
        amountPerYearPence: b.amount_per_year_pence,
        startsOn: b.starts_on,
        endsOn: b.ends_on,
        contributors: b.contributors.map((c, i) => ({ ...c, amountPerYearPence: b.amounts[i] ?? 0 })),
        outcomes: b.outcomes,
        version: b.version,
      })),
  });
  apiRoute(app, {
    method: 'POST',
    url: `${base}/pooled-budgets`,
    operationId: 'createPooledBudget',
    summary: 'Record a pooled budget or joint arrangement: the shares must add up to 100%',
    tag,
    access: 'locality-admin',
    params: localityParams,
    body: pooledBudgetInput,
    response: z.object({ id: z.string() }),
    responseStatus: 201,
    handler: async (request, reply) => {
      const budget = await resources.createPooledBudget(request.principal, params(request).code, request.body);
      return reply.code(201).send({ id: budget.id });
    },
  });

  apiRoute(app, {
    method: 'GET',
    url: `${base}/budget-lines`,
    operationId: 'listBudgetLines',
    summary: 'Mainstream budget lines for a year, with the share of each toward each outcome',
    tag,
    access: 'public',
    params: localityParams,
    query: yearQuery,
    response: z.array(lineOutput),
    handler: async (request) =>
      (await resources.budgetLines(request.principal, params(request).code, { year: yearOf(request) })).lines.map(
        (l) => ({
          id: l.id,
          organisationId: l.organisation_id,
          service: l.service,
          year: l.financial_year,
          amountPence: l.amount_pence,
          outcomes: l.outcomes,
          version: l.version,
        }),
      ),
  });
  apiRoute(app, {
    method: 'POST',
    url: `${base}/budget-lines`,
    operationId: 'createBudgetLine',
    summary: 'Record a budget line (for your own organisation, unless you administer the locality); shares up to 100%',
    tag,
    access: 'partner-recorder',
    params: localityParams,
    body: budgetLineInput,
    response: z.object({ id: z.string() }),
    responseStatus: 201,
    handler: async (request, reply) => {
      const line = await resources.createBudgetLine(request.principal, params(request).code, request.body);
      return reply.code(201).send({ id: line.id });
    },
  });

  apiRoute(app, {
    method: 'POST',
    url: `${base}/benefits`,
    operationId: 'recordBenefit',
    summary: 'Record a benefit of a partnership, with its evidence and confidence',
    tag,
    access: 'register-editor',
    params: localityParams,
    body: benefitInput,
    response: benefitOutput,
    responseStatus: 201,
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(benefitJson(await resources.recordBenefit(request.principal, params(request).code, request.body))),
  });

  // --- changing and removing what was recorded, each at the version read ------------------------

  const versionQuery = z.object({
    version: z
      .string()
      .regex(/^\d+$/, { message: 'Give the version you read, a whole number' })
      .meta({ description: 'The version read: a record changed since is not removed (409)' }),
  });
  const removal = (
    path: string,
    operationId: string,
    summary: string,
    access: 'locality-admin' | 'partner-recorder' | 'register-editor',
    remove: (request: FastifyRequest, version: number) => Promise<void>,
  ) =>
    apiRoute(app, {
      method: 'DELETE',
      url: `${base}/${path}/:id`,
      operationId,
      summary,
      tag,
      access,
      params: recordParams,
      query: versionQuery,
      responseStatus: 204,
      handler: async (request, reply) => {
        await remove(request, Number((request.query as { version: string }).version));
        return reply.code(204).send();
      },
    });

  apiRoute(app, {
    method: 'PUT',
    url: `${base}/pooled-budgets/:id`,
    operationId: 'updatePooledBudget',
    summary: 'Change a pooled budget as read at its version: the shares must add up to 100%',
    tag,
    access: 'locality-admin',
    params: recordParams,
    body: pooledBudgetUpdate,
    response: z.object({ id: z.string(), version: z.number().int() }),
    handler: async (request) => {
      const b = await resources.updatePooledBudget(
        request.principal,
        params(request).code,
        params(request).id,
        request.body,
      );
      return { id: b.id, version: b.version };
    },
  });
  removal(
    'pooled-budgets',
    'removePooledBudget',
    'Remove a pooled budget recorded in error',
    'locality-admin',
    (r, version) => resources.removePooledBudget(r.principal, params(r).code, params(r).id, { version }),
  );
  apiRoute(app, {
    method: 'PUT',
    url: `${base}/budget-lines/:id`,
    operationId: 'updateBudgetLine',
    summary:
      'Change a budget line (your own organisation’s, unless you administer the locality) as read at its version',
    tag,
    access: 'partner-recorder',
    params: recordParams,
    body: budgetLineUpdate,
    response: z.object({ id: z.string(), version: z.number().int() }),
    handler: async (request) => {
      const l = await resources.updateBudgetLine(
        request.principal,
        params(request).code,
        params(request).id,
        request.body,
      );
      return { id: l.id, version: l.version };
    },
  });
  removal(
    'budget-lines',
    'removeBudgetLine',
    'Remove a budget line recorded in error',
    'partner-recorder',
    (r, version) => resources.removeBudgetLine(r.principal, params(r).code, params(r).id, { version }),
  );
  apiRoute(app, {
    method: 'PUT',
    url: `${base}/benefits/:id`,
    operationId: 'updateBenefit',
    summary: 'Change a benefit as read at its version (its partnership’s secretary or the administrator)',
    tag,
    access: 'register-editor',
    params: recordParams,
    body: benefitUpdate,
    response: benefitOutput,
    handler: async (request) =>
      benefitJson(
        await resources.updateBenefit(request.principal, params(request).code, params(request).id, request.body),
      ),
  });
  removal('benefits', 'removeBenefit', 'Remove a benefit recorded in error', 'register-editor', (r, version) =>
    resources.removeBenefit(r.principal, params(r).code, params(r).id, { version }),
  );

  const settingsOutput = z.object({
    financialYearStartMonth: z.number().int(),
    hourlyPenceBySector: z.object({ public: pence, private: pence, voluntary: pence, community: pence }),
    preparationHours: z.number(),
    gradeRates: z.array(z.object({ grade: z.string(), ratePence: pence })),
    version: z.number().int().meta({ description: '0 while the locality uses the defaults' }),
  });
  const settingsJson = (s: {
    startMonth: number;
    rates: {
      hourlyPenceBySector: z.output<typeof settingsOutput>['hourlyPenceBySector'];
      preparationHoursPerMeeting: number;
    };
    gradeRates: Array<{ grade: string; ratePence: number }>;
    version: number;
  }) => ({
    financialYearStartMonth: s.startMonth,
    hourlyPenceBySector: s.rates.hourlyPenceBySector,
    preparationHours: s.rates.preparationHoursPerMeeting,
    gradeRates: s.gradeRates,
    version: s.version,
  });
  apiRoute(app, {
    method: 'GET',
    url: `${base}/resource-settings`,
    operationId: 'resourceSettings',
    summary: 'The locality’s costing settings: financial year start, hourly rates by sector, preparation, grade rates',
    tag,
    access: 'locality-admin',
    params: localityParams,
    response: settingsOutput,
    handler: async (request) =>
      settingsJson((await resources.settings(request.principal, params(request).code)).settings),
  });
  apiRoute(app, {
    method: 'PUT',
    url: `${base}/resource-settings`,
    operationId: 'updateResourceSettings',
    summary: 'Set the locality’s costing settings, as read at their version (0 for the first time)',
    tag,
    access: 'locality-admin',
    params: localityParams,
    body: resourceSettingsInput,
    response: settingsOutput,
    handler: async (request) =>
      settingsJson(await resources.saveSettings(request.principal, params(request).code, request.body)),
  });

  apiRoute(app, {
    method: 'GET',
    url: `${base}/money-by-outcome`,
    operationId: 'moneyByOutcome',
    summary: 'Every outcome with its mainstream, pooled and fund money for a year, by partner, with gaps flagged',
    tag,
    access: 'public',
    params: localityParams,
    query: yearQuery,
    response: z.object({
      year: z.number().int(),
      outcomes: z.array(
        z.object({
          outcomeId: z.string(),
          title: z.string(),
          status: z.string(),
          mainstreamPence: pence,
          pooledPence: pence,
          fundPence: pence,
          totalPence: pence,
          partners: z.array(z.object({ name: z.string(), pence })),
          flags: z.array(z.enum(['no-money', 'off-track-money-grew'])),
        }),
      ),
      unmapped: z.object({ mainstreamPence: pence, pooledPence: pence, fundPence: pence }),
    }),
    handler: async (request) => {
      const result = await resources.moneyByOutcome(request.principal, params(request).code, { year: yearOf(request) });
      return {
        year: result.year,
        outcomes: result.rows.map((r) => ({
          outcomeId: r.outcomeId,
          title: r.title,
          status: r.status,
          mainstreamPence: r.mainstreamPence,
          pooledPence: r.pooledPence,
          fundPence: r.fundPence,
          totalPence: r.totalPence,
          partners: r.partners.map((p) => ({ name: p.name, pence: p.pence })),
          flags: r.flags,
        })),
        unmapped: result.unmapped,
      };
    },
  });

  apiRoute(app, {
    method: 'GET',
    url: `${base}/cost-benefit`,
    operationId: 'costBenefitLeague',
    summary: 'Each active partnership’s cost against its recorded benefits for a year, best first; unassessed last',
    tag,
    access: 'public',
    params: localityParams,
    query: yearQuery,
    response: z.array(costBenefitOutput),
    handler: async (request) => {
      const result = await resources.league(request.principal, params(request).code, { year: yearOf(request) });
      return result.rows.map((r) => costBenefitJson(r.id, r.name, result.year, r.result, r.verdictText));
    },
  });
  apiRoute(app, {
    method: 'GET',
    url: `${base}/partnerships/:id/cost-benefit`,
    operationId: 'partnershipCostBenefit',
    summary: 'One partnership’s cost-benefit for a year, with the range of its ratio',
    tag,
    access: 'public',
    params: recordParams,
    query: yearQuery,
    response: costBenefitOutput.extend({ benefits: z.array(benefitOutput) }),
    handler: async (request) => {
      const result = await resources.partnershipCostBenefit(
        request.principal,
        params(request).code,
        params(request).id,
        { year: yearOf(request) },
      );
      return {
        ...costBenefitJson(
          result.partnership.id,
          result.partnership.name,
          result.year,
          result.result,
          result.verdictText,
        ),
        benefits: result.benefits.map((b) => benefitJson(b.row)),
      };
    },
  });
}
