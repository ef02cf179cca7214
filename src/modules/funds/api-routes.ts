/**
 * The community funds API: funds and their rounds, a round's applications and one application
 * (the assessors'), and the awards made (public). Restricted fields stay where the pages keep
 * them: a group's contact details and the assessors' comments go to the administrator only; an
 * assessor sees the other's scores once they have scored; the link's hash never leaves the service.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { apiRoute } from '../../web/api.js';
import { roundUpdate } from './schema.js';
import type { ApplicationView, FundsService, RoundSummary } from './service.js';

type Params = { code: string; id: string };
const params = (request: FastifyRequest) => request.params as Params;

const localityParams = z.object({
  code: z.string().meta({ description: 'ONS GSS code of the locality, e.g. E07000041' }),
});
const recordParams = localityParams.extend({ id: z.uuid() });

const roundOutput = z.object({
  id: z.string(),
  fundId: z.string(),
  title: z.string(),
  status: z.enum(['upcoming', 'open', 'closed']),
  budgetPence: z.number().int(),
  awardedPence: z.number().int(),
  remainingPence: z.number().int(),
  eligibility: z.string(),
  criteria: z.array(z.object({ key: z.string(), label: z.string(), weight: z.number().int() })),
  opensOn: z.string(),
  closesOn: z.string(),
  moderationThreshold: z.number().int().meta({ description: 'Percentage points' }),
  version: z.number().int(),
});
const fundOutput = z.object({
  id: z.string(),
  kind: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  funderName: z.string(),
  funderIdentifier: z.string(),
  version: z.number().int(),
  rounds: z.array(roundOutput),
});

function roundJson(s: RoundSummary): z.output<typeof roundOutput> {
  const r = s.round;
  return {
    id: r.id,
    fundId: r.fund_id,
    title: r.title,
    status: s.status,
    budgetPence: Number(r.budget_pence),
    awardedPence: s.awardedPence,
    remainingPence: s.remainingPence,
    eligibility: r.eligibility,
    criteria: r.criteria,
    opensOn: r.opens_on,
    closesOn: r.closes_on,
    moderationThreshold: r.moderation_threshold,
    version: r.version,
  };
}

const applicationOutput = z.object({
  id: z.string(),
  roundId: z.string(),
  reference: z.string(),
  state: z.enum(['submitted', 'awarded', 'declined', 'withdrawn']),
  groupName: z.string().nullable(),
  groupKind: z.string().nullable(),
  charityNumber: z.string().nullable(),
  companyNumber: z.string().nullable(),
  contact: z
    .object({ name: z.string().nullable(), email: z.string(), postcode: z.string().nullable() })
    .nullable()
    .meta({ description: 'The group’s contact: for the fund’s administrator only (null for an assessor)' }),
  title: z.string().nullable(),
  description: z.string().nullable(),
  amountPence: z.number().int().nullable(),
  outcomes: z.string().nullable(),
  submittedAt: z.string().nullable(),
  moderation: z.enum(['awaiting-assessments', 'awaiting-moderation', 'settled']),
  score: z.number().int().nullable().meta({ description: 'The settled score in tenths of a percent (0–1000)' }),
  assessments: z
    .array(
      z.object({
        assessor: z.string(),
        score: z.number().int(),
        scores: z.record(z.string(), z.number().int()),
        comment: z.string().nullable().meta({ description: 'For the administrator only' }),
      }),
    )
    .meta({ description: 'Empty for an assessor who has not yet scored it' }),
  decisionReason: z.string().nullable(),
  awardedPence: z.number().int().nullable(),
  monitoringState: z.string().nullable(),
  version: z.number().int(),
});

function applicationJson(
  view: ApplicationView,
  who: { administrator: boolean; assessorId: string },
): z.output<typeof applicationOutput> {
  const a = view.application;
  const scored = view.assessments.some((s) => s.assessor_id === who.assessorId);
  const visible = who.administrator || scored ? view.assessments : [];
  return {
    id: a.id,
    roundId: a.round_id,
    reference: a.reference,
    state: a.state as 'submitted',
    groupName: a.group_name,
    groupKind: a.group_kind,
    charityNumber: a.charity_number,
    companyNumber: a.company_number,
    contact: who.administrator ? { name: a.contact_name, email: a.contact_email, postcode: a.postcode } : null,
    title: a.title,
    description: a.description,
    amountPence: a.amount_pence === null ? null : Number(a.amount_pence),
    outcomes: a.outcomes,
    submittedAt: a.submitted_at ? new Date(a.submitted_at).toISOString() : null,
    moderation: view.moderation.state,
    score: who.administrator || scored ? view.moderation.finalScore : null,
    assessments: visible.map((s) => ({
      assessor: s.assessor_label,
      score: s.score,
      scores: s.scores,
      comment: who.administrator ? s.comment : null,
    })),
    decisionReason: a.decision_reason,
    awardedPence: a.awarded_pence === null ? null : Number(a.awarded_pence),
    monitoringState: a.monitoring_state,
    version: a.version,
  };
}

const awardOutput = z.object({
  id: z.string(),
  reference: z.string(),
  identifier: z.string().meta({ description: 'The 360Giving grant identifier, under the locality’s prefix' }),
  groupName: z.string().nullable(),
  title: z.string().nullable(),
  amountPence: z.number().int(),
  awardedOn: z.string().nullable(),
  fund: z.string(),
  round: z.string(),
  roundId: z.string(),
});

export function fundsApiRoutes(app: FastifyInstance, funds: FundsService): void {
  const tag = 'Community funds';
  const base = '/api/v1/localities/:code/funds';

  apiRoute(app, {
    method: 'GET',
    url: base,
    operationId: 'listFunds',
    summary: 'The locality’s community funds with their rounds, budgets and what is left to award',
    tag,
    access: 'public',
    params: localityParams,
    response: z.array(fundOutput),
    handler: async (request) => {
      const result = await funds.overview(request.principal, params(request).code);
      return result.funds.map(({ fund, rounds }) => ({
        id: fund.id,
        kind: fund.kind,
        name: fund.name,
        description: fund.description,
        funderName: fund.funder_name,
        funderIdentifier: fund.funder_identifier,
        version: fund.version,
        rounds: rounds.map(roundJson),
      }));
    },
  });

  apiRoute(app, {
    method: 'GET',
    url: `${base}/rounds/:id`,
    operationId: 'getFundRound',
    summary: 'One round: its criteria, dates, budget and whether it takes applications',
    tag,
    access: 'public',
    params: recordParams,
    response: roundOutput,
    handler: async (request) => roundJson(await funds.publicRound(params(request).code, params(request).id)),
  });

  apiRoute(app, {
    method: 'PUT',
    url: `${base}/rounds/:id`,
    operationId: 'updateFundRound',
    summary:
      'Change a round as read at its version (the administrator); its budget never below what is already awarded, its criteria fixed once an application is scored',
    tag,
    access: 'locality-admin',
    params: recordParams,
    body: roundUpdate,
    response: roundOutput,
    handler: async (request) => {
      const { code, id } = params(request);
      await funds.updateRound(request.principal, code, id, request.body);
      return roundJson(await funds.publicRound(code, id));
    },
  });

  apiRoute(app, {
    method: 'GET',
    url: `${base}/rounds/:id/applications`,
    operationId: 'listFundApplications',
    summary: 'A round’s sent applications and where each assessment stands (the locality’s assessors)',
    tag,
    access: 'local-officer',
    params: recordParams,
    response: z.array(applicationOutput),
    handler: async (request) => {
      const result = await funds.roundDetail(request.principal, params(request).code, params(request).id);
      const who = { administrator: result.canAdminister, assessorId: request.principal.id };
      return result.applications.map((v) => applicationJson(v, who));
    },
  });

  apiRoute(app, {
    method: 'GET',
    url: `${base}/applications/:id`,
    operationId: 'getFundApplication',
    summary: 'One sent application with its assessments, as the assessor or administrator may see them',
    tag,
    access: 'local-officer',
    params: recordParams,
    response: applicationOutput,
    handler: async (request) => {
      const detail = await funds.application(request.principal, params(request).code, params(request).id);
      return applicationJson(detail, { administrator: detail.canAdminister, assessorId: request.principal.id });
    },
  });

  apiRoute(app, {
    method: 'GET',
    url: `${base}/awards`,
    operationId: 'listFundAwards',
    summary: 'Every award made in the locality, newest first (the public record; the 360Giving files hold the same)',
    tag,
    access: 'public',
    params: localityParams,
    response: z.array(awardOutput),
    handler: async (request) => {
      const result = await funds.awards(params(request).code);
      return result.awards.map((a) => ({
        id: a.id,
        reference: a.reference,
        identifier: `${result.prefix}-${a.reference}`,
        groupName: a.group_name,
        title: a.title,
        amountPence: Number(a.awarded_pence ?? 0),
        awardedOn: a.decided_at ? new Date(a.decided_at).toISOString().slice(0, 10) : null,
        fund: a.fund_name,
        round: a.round_title,
        roundId: a.round_id,
      }));
    },
  });
}
