/**
 * The scrutiny and risk API: the risk registers (read as the pages show them; record a risk),
 * committees, reviews (the work programme) and their evidence packs, the recommendations
 * monitor and an addressee's response, and the levers register. Scores follow the locality's
 * matrix. Who may do what is the service's to decide, as for the pages.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { apiRoute } from '../../web/api.js';
import { LEVER_KINDS, RAG_LABELS, RECOMMENDATION_STATUSES, RISK_BANDS, TREND_LABELS } from './rules.js';
import {
  CONSULTATION_GROUPS,
  CONSULTATION_METHODS,
  type CommitteeRow,
  type ConsultationRow,
  type LeverRow,
  type PackRow,
  REVIEW_KINDS,
  type ReviewRow,
  committeeInput,
  committeeUpdate,
  complaintsContactInput,
  consultationInput,
  leverInput,
  responseInput,
  reviewInput,
  reviewUpdate,
  riskInput,
  riskUpdate,
} from './schema.js';
import type { ComplaintsRoute, EvidenceSnapshot, RecommendationView, RiskView, ScrutinyService } from './service.js';

type Params = { code: string; id: string };
/** The query was checked against versionQuery; it arrives as text. */
const versionOf = (request: FastifyRequest) => Number((request.query as { version: string }).version);
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

const versionQuery = z.object({
  version: z.coerce.number().int().min(1).meta({ description: 'The version you read; a stale one is refused' }),
});

const committeeOutput = z.object({
  id: z.string(),
  name: z.string(),
  remit: z.string().nullable(),
  members: z.array(z.object({ name: z.string(), role: z.enum(['chair', 'vice-chair', 'member', 'co-opted']) })),
  version: z.number().int(),
});

function committeeJson(
  c: CommitteeRow,
  members: Array<{ name: string; role: string }>,
): z.output<typeof committeeOutput> {
  return {
    id: c.id,
    name: c.name,
    remit: c.remit,
    members: members.map((m) => ({ name: m.name, role: m.role as 'member' })),
    version: c.version,
  };
}

const reviewOutput = z.object({
  id: z.string(),
  committeeId: z.string(),
  kind: z.enum(REVIEW_KINDS),
  title: z.string(),
  scopeKind: z.enum(['theme', 'partnership', 'lsp']),
  scopeTheme: z.string().nullable().meta({ description: 'The theme’s code, for a theme review' }),
  scopePartnershipId: z.string().nullable(),
  scope: z.string(),
  questions: z.string().nullable(),
  witnesses: z.string().nullable(),
  findings: z.string().nullable(),
  status: z.enum(['planned', 'in-progress', 'reported']),
  startsOn: z.string(),
  reportsOn: z.string().nullable(),
  followUpOn: z.string().nullable(),
  version: z.number().int(),
});

function reviewJson(r: ReviewRow): z.output<typeof reviewOutput> {
  return {
    id: r.id,
    committeeId: r.committee_id,
    kind: r.kind as 'event',
    title: r.title,
    scopeKind: r.scope_kind as 'lsp',
    scopeTheme: r.scope_theme,
    scopePartnershipId: r.scope_partnership_id,
    scope: r.scope,
    questions: r.questions,
    witnesses: r.witnesses,
    findings: r.findings,
    status: r.status as 'planned',
    startsOn: r.starts_on,
    reportsOn: r.reports_on,
    followUpOn: r.follow_up_on,
    version: r.version,
  };
}

const packSummary = z.object({ id: z.string(), issuedOn: z.string(), issuedBy: z.string() });
const reviewDetailOutput = reviewOutput.extend({ scopeLabel: z.string(), packs: z.array(packSummary) });

const snapshotOutput = z
  .object({
    title: z.string(),
    reviewTitle: z.string(),
    scopeLabel: z.string(),
    locality: z.string(),
    generatedOn: z.string(),
    partnerships: z.array(
      z.object({ name: z.string(), reference: z.string(), status: z.string(), themes: z.array(z.string()) }),
    ),
    performance: z.array(z.object({ outcome: z.string(), plan: z.string(), status: z.string() })),
    money: z.array(
      z.object({
        organisation: z.string(),
        pence: z.number().int().meta({ description: 'Confirmed contributions, in pence' }),
        hours: z.number(),
      }),
    ),
    risks: z.array(
      z.object({
        title: z.string(),
        partnership: z.string(),
        residual: z.number().int(),
        band: z.string(),
        reviewOn: z.string(),
        overdue: z.boolean(),
      }),
    ),
    balance: z.array(
      z.object({
        sector: z.string(),
        seats: z.number().int(),
        shareBp: z.number().int().meta({ description: 'Share of seats in basis points (10000 = 100%)' }),
        targetBp: z.number().int(),
      }),
    ),
    attendance: z.array(
      z.object({
        organisation: z.string(),
        expected: z.number().int(),
        attended: z.number().int(),
        empty: z.number().int(),
      }),
    ),
    decisions: z.array(
      z.object({
        partnership: z.string(),
        heldOn: z.string(),
        summary: z.string(),
        difficult: z.boolean(),
        open: z.boolean(),
      }),
    ),
    overlap: z
      .object({
        pairs: z.array(
          z.object({
            partnership: z.string(),
            other: z.string(),
            scorePercent: z.number().int(),
            likely: z.boolean(),
            confirmed: z.boolean().meta({ description: 'An officer judged the pair the same work' }),
          }),
        ),
        groups: z.array(
          z.object({ partnerships: z.array(z.string()), keeper: z.string(), likelySavingPence: z.number().int() }),
        ),
      })
      .optional()
      .meta({ description: 'Absent from packs issued before overlap was drawn into them' }),
    history: z
      .array(
        z.object({
          partnership: z.string(),
          on: z.string(),
          source: z.enum(['gatekeeper', 'rationalisation']),
          text: z.string(),
        }),
      )
      .optional()
      .meta({ description: 'Gatekeeper decisions and rationalisation changes, oldest first; absent from older packs' }),
  })
  .meta({ description: 'The evidence as it was on the day the pack was issued; it never changes' });

const packOutput = packSummary.extend({ reviewId: z.string(), snapshot: snapshotOutput });

function packJson(pack: PackRow, snapshot: EvidenceSnapshot): z.output<typeof packOutput> {
  return {
    id: pack.id,
    reviewId: pack.review_id,
    issuedOn: pack.issued_on,
    issuedBy: pack.issued_by,
    snapshot,
  };
}

const leverOutput = z.object({
  id: z.string(),
  kind: z.enum(LEVER_KINDS),
  title: z.string(),
  organisationId: z.string().meta({ description: 'The public body it applies to' }),
  organisationName: z.string(),
  partnershipId: z.string().nullable(),
  outcomes: z.string().nullable(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  evidence: z.string().nullable().meta({ description: 'The evidence that it works' }),
  current: z.boolean(),
});

function leverJson(l: LeverRow & { organisationName: string; current: boolean }): z.output<typeof leverOutput> {
  return {
    id: l.id,
    kind: l.kind as 'sla',
    title: l.title,
    organisationId: l.organisation_id,
    organisationName: l.organisationName,
    partnershipId: l.partnership_id,
    outcomes: l.outcomes,
    startsOn: l.starts_on,
    endsOn: l.ends_on,
    evidence: l.evidence,
    current: l.current,
  };
}

const complaintsOutput = z.object({
  source: z.enum(['partnership', 'locality', 'accountable-body', 'lead-organisation', 'none']).meta({
    description:
      'Where the route comes from: the partnership’s own contact, the locality’s joint route, else the accountable body’s (or lead organisation’s) own procedure',
  }),
  email: z.string().nullable(),
  url: z.string().nullable(),
  phone: z.string().nullable(),
  note: z.string().nullable(),
  organisationId: z.string().nullable(),
  organisationName: z.string().nullable(),
  version: z.number().int().meta({ description: 'The partnership’s own contact’s version; 0 when it has none' }),
});

function complaintsJson(route: ComplaintsRoute, own: number): z.output<typeof complaintsOutput> {
  const contact = route.source === 'partnership' || route.source === 'locality' ? route.contact : undefined;
  const organisation = route.source === 'accountable-body' || route.source === 'lead-organisation' ? route : undefined;
  return {
    source: route.source,
    email: contact?.email ?? null,
    url: contact?.url ?? organisation?.website ?? null,
    phone: contact?.phone ?? null,
    note: contact?.note ?? null,
    organisationId: organisation?.organisation.id ?? null,
    organisationName: organisation?.organisation.name ?? null,
    version: own,
  };
}

const consultationOutput = z.object({
  id: z.string(),
  partnershipId: z.string().nullable().meta({ description: 'null for the LSP (locality-wide)' }),
  title: z.string(),
  method: z.enum(CONSULTATION_METHODS),
  heldOn: z.string(),
  groups: z.array(z.enum(CONSULTATION_GROUPS)),
  reached: z.string().nullable(),
  peopleReached: z.number().int().nullable(),
});

function consultationJson(c: ConsultationRow): z.output<typeof consultationOutput> {
  return {
    id: c.id,
    partnershipId: c.partnership_id,
    title: c.title,
    method: c.method as 'survey',
    heldOn: c.held_on,
    groups: c.groups as Array<'residents'>,
    reached: c.reached,
    peopleReached: c.people_reached,
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
    method: 'PUT',
    url: `${base}/risks/:id`,
    operationId: 'updateRisk',
    summary:
      'Change a risk’s details, inherent score and restriction as read at its version (its register’s keeper); the residual score moves only at a review',
    tag,
    access: 'register-editor',
    params: recordParams,
    body: riskUpdate,
    response: riskOutput,
    handler: async (request) => {
      const { code, id } = params(request);
      await scrutiny.updateRisk(request.principal, code, id, request.body);
      const result = await scrutiny.risk(request.principal, code, id);
      return riskJson(result.risk, result.settings.matrixSize);
    },
  });
  apiRoute(app, {
    method: 'DELETE',
    url: `${base}/risks/:id`,
    operationId: 'closeRisk',
    summary:
      'Close a risk that no longer applies: it leaves the register, its history kept (send the version you read)',
    tag,
    access: 'register-editor',
    params: recordParams,
    query: versionQuery,
    responseStatus: 204,
    handler: async (request, reply) => {
      const { code, id } = params(request);
      await scrutiny.closeRisk(request.principal, code, id, { version: versionOf(request) });
      return reply.code(204).send();
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

  // --- committees -------------------------------------------------------------------------------

  const committeeById = async (request: FastifyRequest, id: string) => {
    const found = await scrutiny.committee(request.principal, params(request).code, id);
    return committeeJson(found.committee, found.members);
  };

  apiRoute(app, {
    method: 'GET',
    url: `${base}/scrutiny/committees`,
    operationId: 'listScrutinyCommittees',
    summary: 'The scrutiny committees with their members',
    tag,
    access: 'locality-reader',
    params: localityParams,
    response: z.array(committeeOutput),
    handler: async (request) =>
      (await scrutiny.overview(request.principal, params(request).code)).committees.map((c) =>
        committeeJson(c, c.members),
      ),
  });
  apiRoute(app, {
    method: 'POST',
    url: `${base}/scrutiny/committees`,
    operationId: 'createScrutinyCommittee',
    summary: 'Set up a committee (scrutiny members and the locality administrator); members as "Name (role)"',
    tag,
    access: 'scrutiny',
    params: localityParams,
    body: committeeInput,
    response: committeeOutput,
    responseStatus: 201,
    handler: async (request, reply) => {
      const committee = await scrutiny.createCommittee(request.principal, params(request).code, request.body);
      return reply.code(201).send(await committeeById(request, committee.id));
    },
  });
  apiRoute(app, {
    method: 'PUT',
    url: `${base}/scrutiny/committees/:id`,
    operationId: 'updateScrutinyCommittee',
    summary: 'Change a committee as read at its version; the members given replace its members',
    tag,
    access: 'scrutiny',
    params: recordParams,
    body: committeeUpdate,
    response: committeeOutput,
    handler: async (request) => {
      const { code, id } = params(request);
      await scrutiny.updateCommittee(request.principal, code, id, request.body);
      return committeeById(request, id);
    },
  });
  apiRoute(app, {
    method: 'DELETE',
    url: `${base}/scrutiny/committees/:id`,
    operationId: 'removeScrutinyCommittee',
    summary: 'Remove a committee set up in error (refused while it has reviews); send the version you read',
    tag,
    access: 'scrutiny',
    params: recordParams,
    query: versionQuery,
    responseStatus: 204,
    handler: async (request, reply) => {
      const { code, id } = params(request);
      await scrutiny.removeCommittee(request.principal, code, id, { version: versionOf(request) });
      return reply.code(204).send();
    },
  });

  // --- reviews and evidence packs -----------------------------------------------------------------

  const reviewById = async (request: FastifyRequest, id: string): Promise<z.output<typeof reviewDetailOutput>> => {
    const found = await scrutiny.review(request.principal, params(request).code, id);
    return {
      ...reviewJson(found.review),
      scopeLabel: found.scopeLabel,
      packs: found.packs.map((p) => ({ id: p.id, issuedOn: p.issued_on, issuedBy: p.issued_by })),
    };
  };

  apiRoute(app, {
    method: 'GET',
    url: `${base}/scrutiny/reviews`,
    operationId: 'listScrutinyReviews',
    summary: 'The work programme: every review, the latest first',
    tag,
    access: 'locality-reader',
    params: localityParams,
    response: z.array(reviewOutput),
    handler: async (request) =>
      (await scrutiny.overview(request.principal, params(request).code)).reviews.map(reviewJson),
  });
  apiRoute(app, {
    method: 'GET',
    url: `${base}/scrutiny/reviews/:id`,
    operationId: 'getScrutinyReview',
    summary: 'A review with what it looks at and the evidence packs issued for it',
    tag,
    access: 'locality-reader',
    params: recordParams,
    response: reviewDetailOutput,
    handler: async (request) => reviewById(request, params(request).id),
  });
  apiRoute(app, {
    method: 'POST',
    url: `${base}/scrutiny/reviews`,
    operationId: 'startScrutinyReview',
    summary: 'Start a review of a theme, a partnership or the LSP (scrutiny members and the locality administrator)',
    tag,
    access: 'scrutiny',
    params: localityParams,
    body: reviewInput,
    response: reviewDetailOutput,
    responseStatus: 201,
    handler: async (request, reply) => {
      const review = await scrutiny.createReview(request.principal, params(request).code, request.body);
      return reply.code(201).send(await reviewById(request, review.id));
    },
  });
  apiRoute(app, {
    method: 'PUT',
    url: `${base}/scrutiny/reviews/:id`,
    operationId: 'updateScrutinyReview',
    summary: 'Change a review’s committee, kind, scope and dates as read at its version; packs issued keep theirs',
    tag,
    access: 'scrutiny',
    params: recordParams,
    body: reviewUpdate,
    response: reviewDetailOutput,
    handler: async (request) => {
      const { code, id } = params(request);
      await scrutiny.updateReview(request.principal, code, id, request.body);
      return reviewById(request, id);
    },
  });
  apiRoute(app, {
    method: 'POST',
    url: `${base}/scrutiny/reviews/:id/packs`,
    operationId: 'issueEvidencePack',
    summary: 'Issue an evidence pack: the live evidence for the review’s scope, frozen as it is today',
    tag,
    access: 'scrutiny',
    params: recordParams,
    response: packOutput,
    responseStatus: 201,
    handler: async (request, reply) => {
      const { code, id } = params(request);
      const pack = await scrutiny.issuePack(request.principal, code, id);
      const issued = await scrutiny.pack(request.principal, code, pack.id);
      return reply.code(201).send(packJson(issued.pack, issued.snapshot));
    },
  });
  apiRoute(app, {
    method: 'GET',
    url: `${base}/scrutiny/packs/:id`,
    operationId: 'getEvidencePack',
    summary: 'An evidence pack as it was issued',
    tag,
    access: 'locality-reader',
    params: recordParams,
    response: packOutput,
    handler: async (request) => {
      const found = await scrutiny.pack(request.principal, params(request).code, params(request).id);
      return packJson(found.pack, found.snapshot);
    },
  });

  // --- levers -------------------------------------------------------------------------------------

  apiRoute(app, {
    method: 'GET',
    url: `${base}/accountability/levers`,
    operationId: 'listLevers',
    summary: 'The levers register: the levers that draw public bodies into the LSP, the latest first',
    tag,
    access: 'locality-reader',
    params: localityParams,
    response: z.array(leverOutput),
    handler: async (request) => (await scrutiny.levers(request.principal, params(request).code)).levers.map(leverJson),
  });
  apiRoute(app, {
    method: 'POST',
    url: `${base}/accountability/levers`,
    operationId: 'recordLever',
    summary: 'Record a lever on a public body of the locality (the locality administrator)',
    tag,
    access: 'locality-admin',
    params: localityParams,
    body: leverInput,
    response: leverOutput,
    responseStatus: 201,
    handler: async (request, reply) => {
      const code = params(request).code;
      const lever = await scrutiny.createLever(request.principal, code, request.body);
      const found = (await scrutiny.levers(request.principal, code)).levers.find((l) => l.id === lever.id);
      return reply.code(201).send(leverJson(found as NonNullable<typeof found>));
    },
  });

  // --- complaints contact -------------------------------------------------------------------------

  const complaintsOf = async (request: FastifyRequest) => {
    const result = await scrutiny.whoIsAccountable(request.principal, params(request).code, params(request).id);
    const own = result.complaints.source === 'partnership' ? result.complaints.contact.version : 0;
    return complaintsJson(result.complaints, own);
  };
  apiRoute(app, {
    method: 'GET',
    url: `${base}/partnerships/:id/complaints`,
    operationId: 'getComplaintsRoute',
    summary: 'How to complain about a partnership, as its public page says',
    tag,
    access: 'public',
    params: recordParams,
    response: complaintsOutput,
    handler: complaintsOf,
  });
  apiRoute(app, {
    method: 'PUT',
    url: `${base}/partnerships/:id/complaints`,
    operationId: 'setComplaintsContact',
    summary:
      'Set a partnership’s own complaints contact (its secretary or the locality administrator) as read at its version (0 for none); all of email, url and phone absent removes it, so the fallback applies',
    tag,
    access: 'register-editor',
    params: recordParams,
    body: complaintsContactInput,
    response: complaintsOutput,
    handler: async (request) => {
      const { code, id } = params(request);
      await scrutiny.saveComplaintsContact(request.principal, code, id, request.body);
      return complaintsOf(request);
    },
  });

  // --- consultation and engagement ------------------------------------------------------------------

  apiRoute(app, {
    method: 'GET',
    url: `${base}/accountability/consultations`,
    operationId: 'listConsultations',
    summary: 'Consultation and engagement activities with whom they reached, the latest first',
    tag,
    access: 'locality-reader',
    params: localityParams,
    response: z.array(consultationOutput),
    handler: async (request) =>
      (await scrutiny.consultations(request.principal, params(request).code)).activities.map(consultationJson),
  });
  apiRoute(app, {
    method: 'POST',
    url: `${base}/accountability/consultations`,
    operationId: 'recordConsultation',
    summary:
      'Record a consultation or engagement activity: for a partnership (its secretary) or, without one, the LSP (the locality administrator)',
    tag,
    access: 'register-editor',
    params: localityParams,
    body: consultationInput,
    response: consultationOutput,
    responseStatus: 201,
    handler: async (request, reply) => {
      const row = await scrutiny.recordConsultation(request.principal, params(request).code, request.body);
      return reply.code(201).send(consultationJson(row));
    },
  });
}
