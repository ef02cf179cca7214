import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Services } from '../../app.js';
import { WEB_VISITOR } from '../../core/actor.js';
import { apiRoute } from '../../web/api.js';
import {
  auditEventOutput,
  localityOutput,
  membershipOutput,
  organisationOutput,
  pageOf,
  partnershipOutput,
  partnershipSummaryOutput,
  toLocalityJson,
  toMembershipJson,
  toOrganisationJson,
  toPartnershipJson,
  toPartnershipSummaryJson,
} from './api-shapes.js';
import {
  closeInput,
  endMembershipInput,
  localityInput,
  membershipInput,
  membershipUpdate,
  organisationInput,
  organisationListQuery,
  organisationUpdate,
  partnershipInput,
  partnershipListQuery,
  partnershipUpdate,
} from './schema.js';

const localityParams = z.object({ code: z.string().meta({ description: 'ONS GSS code of the locality, e.g. E07999001' }) });
const recordParams = localityParams.extend({ id: z.uuid() });
const historyQuery = z.object({ page: z.coerce.number().int().min(1).default(1) });

type Params = { code: string; id: string };
const params = (request: FastifyRequest) => request.params as Params;

export function registerApiRoutes(app: FastifyInstance, { register }: Services): void {
  const base = '/api/v1/localities';
  const tag = 'Register';

  apiRoute(app, {
    method: 'GET', url: base, operationId: 'listLocalities', summary: 'List localities', tag, response: z.array(localityOutput),
    handler: async () => (await register.listLocalities()).map(toLocalityJson),
  });
  apiRoute(app, {
    method: 'POST', url: base, operationId: 'createLocality', summary: 'Create a locality', tag, body: localityInput, response: localityOutput, responseStatus: 201,
    handler: async (request, reply) => reply.code(201).send(toLocalityJson(await register.createLocality(WEB_VISITOR, request.body))),
  });
  apiRoute(app, {
    method: 'GET', url: `${base}/:code`, operationId: 'getLocality', summary: 'Get a locality', tag, params: localityParams, response: localityOutput,
    handler: async (request) => toLocalityJson(await register.locality(params(request).code)),
  });

  // Partnerships
  apiRoute(app, {
    method: 'GET', url: `${base}/:code/partnerships`, operationId: 'listPartnerships', summary: 'List, filter, sort and page the register', tag,
    params: localityParams, query: partnershipListQuery, response: pageOf(partnershipSummaryOutput),
    handler: async (request) => {
      const { query: _query, items, ...page } = await register.listPartnerships(params(request).code, request.query);
      return { ...page, items: items.map(toPartnershipSummaryJson) };
    },
  });
  apiRoute(app, {
    method: 'POST', url: `${base}/:code/partnerships`, operationId: 'createPartnership', summary: 'Create a partnership', tag,
    params: localityParams, body: partnershipInput, response: partnershipOutput, responseStatus: 201,
    handler: async (request, reply) => {
      const created = await register.createPartnership(WEB_VISITOR, params(request).code, request.body);
      const detail = await register.getPartnership(params(request).code, created.id);
      return reply.code(201).header('location', `${base}/${params(request).code}/partnerships/${created.id}`).send(toPartnershipJson(detail.partnership));
    },
  });
  apiRoute(app, {
    method: 'GET', url: `${base}/:code/partnerships/:id`, operationId: 'getPartnership', summary: 'Get a partnership', tag, params: recordParams, response: partnershipOutput,
    handler: async (request) => toPartnershipJson((await register.getPartnership(params(request).code, params(request).id)).partnership),
  });
  apiRoute(app, {
    method: 'PUT', url: `${base}/:code/partnerships/:id`, operationId: 'updatePartnership', summary: 'Replace a partnership’s details (send version to detect conflicting edits)', tag,
    params: recordParams, body: partnershipUpdate, response: partnershipOutput,
    handler: async (request) => {
      await register.updatePartnership(WEB_VISITOR, params(request).code, params(request).id, request.body);
      return toPartnershipJson((await register.getPartnership(params(request).code, params(request).id)).partnership);
    },
  });
  apiRoute(app, {
    method: 'POST', url: `${base}/:code/partnerships/:id/close`, operationId: 'closePartnership', summary: 'Close a partnership (its record and history are kept)', tag,
    params: recordParams, body: closeInput, response: partnershipOutput,
    handler: async (request) => {
      await register.closePartnership(WEB_VISITOR, params(request).code, params(request).id, request.body);
      return toPartnershipJson((await register.getPartnership(params(request).code, params(request).id)).partnership);
    },
  });
  apiRoute(app, {
    method: 'GET', url: `${base}/:code/partnerships/:id/history`, operationId: 'partnershipHistory', summary: 'The audit trail of a partnership and its memberships', tag,
    params: recordParams, query: historyQuery, response: pageOf(auditEventOutput),
    handler: async (request) => history(register, params(request), 'partnershipId', request.query),
  });
  apiRoute(app, {
    method: 'GET', url: `${base}/:code/partnerships/:id/memberships`, operationId: 'listPartnershipMemberships', summary: 'Members of a partnership, current and past', tag,
    params: recordParams, response: z.array(membershipOutput),
    handler: async (request) => (await register.getPartnership(params(request).code, params(request).id)).members.map(toMembershipJson),
  });
  apiRoute(app, {
    method: 'POST', url: `${base}/:code/partnerships/:id/memberships`, operationId: 'addMembership', summary: 'Add a member organisation to a partnership', tag,
    params: recordParams, body: membershipInput, response: membershipOutput, responseStatus: 201,
    handler: async (request, reply) => reply.code(201).send(toMembershipJson(await register.addMembership(WEB_VISITOR, params(request).code, params(request).id, request.body))),
  });

  // Organisations
  apiRoute(app, {
    method: 'GET', url: `${base}/:code/organisations`, operationId: 'listOrganisations', summary: 'List organisations with their seats and meeting hours a year', tag,
    params: localityParams, query: organisationListQuery, response: pageOf(organisationOutput),
    handler: async (request) => {
      const { query: _query, items, ...page } = await register.listOrganisations(params(request).code, request.query);
      return { ...page, items: items.map((o) => toOrganisationJson(o)) };
    },
  });
  apiRoute(app, {
    method: 'POST', url: `${base}/:code/organisations`, operationId: 'createOrganisation', summary: 'Create an organisation', tag,
    params: localityParams, body: organisationInput, response: organisationOutput, responseStatus: 201,
    handler: async (request, reply) => reply.code(201).send(toOrganisationJson(await register.createOrganisation(WEB_VISITOR, params(request).code, request.body))),
  });
  apiRoute(app, {
    method: 'GET', url: `${base}/:code/organisations/:id`, operationId: 'getOrganisation', summary: 'Get an organisation with its seats and meeting hours a year', tag,
    params: recordParams, response: organisationOutput,
    handler: async (request) => {
      const detail = await register.getOrganisation(params(request).code, params(request).id);
      return toOrganisationJson(detail.organisation, { seats: detail.seats, meetingHours: detail.meetingHours });
    },
  });
  apiRoute(app, {
    method: 'PUT', url: `${base}/:code/organisations/:id`, operationId: 'updateOrganisation', summary: 'Replace an organisation’s details', tag,
    params: recordParams, body: organisationUpdate, response: organisationOutput,
    handler: async (request) => toOrganisationJson(await register.updateOrganisation(WEB_VISITOR, params(request).code, params(request).id, request.body)),
  });
  apiRoute(app, {
    method: 'POST', url: `${base}/:code/organisations/:id/close`, operationId: 'closeOrganisation', summary: 'Close an organisation, ending its seats', tag,
    params: recordParams, body: closeInput, response: organisationOutput,
    handler: async (request) => toOrganisationJson(await register.closeOrganisation(WEB_VISITOR, params(request).code, params(request).id, request.body)),
  });
  apiRoute(app, {
    method: 'GET', url: `${base}/:code/organisations/:id/memberships`, operationId: 'listOrganisationMemberships', summary: 'Every partnership an organisation sits on', tag,
    params: recordParams, response: z.array(membershipOutput),
    handler: async (request) => (await register.getOrganisation(params(request).code, params(request).id)).memberships.map(toMembershipJson),
  });
  apiRoute(app, {
    method: 'GET', url: `${base}/:code/organisations/:id/history`, operationId: 'organisationHistory', summary: 'The audit trail of an organisation', tag,
    params: recordParams, query: historyQuery, response: pageOf(auditEventOutput),
    handler: async (request) => history(register, params(request), 'organisationId', request.query),
  });

  // Memberships
  apiRoute(app, {
    method: 'GET', url: `${base}/:code/memberships/:id`, operationId: 'getMembership', summary: 'Get a membership', tag, params: recordParams, response: membershipOutput,
    handler: async (request) => toMembershipJson(await register.getMembership(params(request).code, params(request).id)),
  });
  apiRoute(app, {
    method: 'PUT', url: `${base}/:code/memberships/:id`, operationId: 'updateMembership', summary: 'Replace a membership’s details', tag,
    params: recordParams, body: membershipUpdate, response: membershipOutput,
    handler: async (request) => toMembershipJson(await register.updateMembership(WEB_VISITOR, params(request).code, params(request).id, request.body)),
  });
  apiRoute(app, {
    method: 'POST', url: `${base}/:code/memberships/:id/end`, operationId: 'endMembership', summary: 'End a membership on a date (it stays in the record)', tag,
    params: recordParams, body: endMembershipInput, response: membershipOutput,
    handler: async (request) => toMembershipJson(await register.endMembership(WEB_VISITOR, params(request).code, params(request).id, request.body)),
  });
}

async function history(register: Services['register'], p: Params, subject: 'partnershipId' | 'organisationId', query: unknown) {
  const { page } = historyQuery.parse(query ?? {});
  const pageSize = 50;
  const result = await register.history(p.code, { [subject]: p.id }, page);
  return {
    items: result.events.map((e) => ({
      id: Number(e.id),
      occurredAt: new Date(e.occurred_at).toISOString(),
      actor: e.actor,
      action: e.action,
      entityType: e.entity_type,
      entityId: e.entity_id,
      summary: e.summary,
      before: e.before,
      after: e.after,
    })),
    total: result.total,
    page,
    pageSize,
    pages: Math.max(1, Math.ceil(result.total / pageSize)),
  };
}
