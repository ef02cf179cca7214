import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Services } from '../../services.js';

import { apiRoute } from '../../web/api.js';
import { VersionedResponses } from '../../web/versioned-responses.js';
import {
  auditEventOutput,
  localityOutput,
  membershipOutput,
  nationalBodyDetailOutput,
  nationalBodyOutput,
  organisationOutput,
  pageOf,
  partnershipOutput,
  partnershipSummaryOutput,
  toLocalityJson,
  toLocalRecordJson,
  toMembershipJson,
  toNationalBodyJson,
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
  nationalBodyListQuery,
  organisationInput,
  organisationListQuery,
  organisationUpdate,
  partnershipInput,
  partnershipListQuery,
  partnershipUpdate,
} from './schema.js';

const localityParams = z.object({
  code: z.string().meta({ description: 'ONS GSS code of the locality, e.g. E07999001' }),
});
const recordParams = localityParams.extend({ id: z.uuid() });
const historyQuery = z.object({ page: z.coerce.number().int().min(1).max(1_000_000).default(1) });

type Params = { code: string; id: string };
const params = (request: FastifyRequest) => request.params as Params;

export function registerApiRoutes(app: FastifyInstance, { register }: Services): void {
  const base = '/api/v1/localities';
  const tag = 'Register';
  // Pages of the register kept until it changes (one small query a request instead of three),
  // and answered 304 to a client that has the page.
  const lists = new VersionedResponses(8 * 1024 * 1024);

  apiRoute(app, {
    method: 'GET',
    url: base,
    operationId: 'listLocalities',
    summary: 'List localities',
    tag,
    access: 'public',
    response: z.array(localityOutput),
    handler: async () => (await register.listLocalities()).map(toLocalityJson),
  });
  apiRoute(app, {
    method: 'POST',
    url: base,
    operationId: 'createLocality',
    summary: 'Create a locality',
    tag,
    access: 'system-admin',
    body: localityInput,
    response: localityOutput,
    responseStatus: 201,
    handler: async (request, reply) =>
      reply.code(201).send(toLocalityJson(await register.createLocality(request.principal, request.body))),
  });
  apiRoute(app, {
    method: 'GET',
    url: `${base}/:code`,
    operationId: 'getLocality',
    summary: 'Get a locality',
    tag,
    access: 'public',
    params: localityParams,
    response: localityOutput,
    handler: async (request) => toLocalityJson(await register.locality(params(request).code)),
  });

  // Partnerships
  apiRoute(app, {
    method: 'GET',
    url: `${base}/:code/partnerships`,
    operationId: 'listPartnerships',
    summary: 'List, filter, sort and page the register',
    tag,
    access: 'public',
    params: localityParams,
    query: partnershipListQuery,
    response: pageOf(partnershipSummaryOutput).extend({
      page: z.number().int().nullable().meta({ description: 'The page number; null for a page found by `after`' }),
      next: z.string().nullable().meta({ description: 'Give as `after` for the next page; null on the last page' }),
    }),
    handler: async (request, reply) => {
      const { key } = await register.partnershipListKey(request.principal, params(request).code, request.query);
      return lists.send(request, reply, key, async () => {
        const { query, items, ...page } = await register.listPartnerships(
          request.principal,
          params(request).code,
          request.query,
        );
        // A page found by `after` has no number: the rows before it were never counted.
        return { ...page, page: query.after ? null : page.page, items: items.map(toPartnershipSummaryJson) };
      });
    },
  });
  apiRoute(app, {
    method: 'POST',
    url: `${base}/:code/partnerships`,
    operationId: 'createPartnership',
    summary: 'Create a partnership',
    tag,
    access: 'locality-admin',
    params: localityParams,
    body: partnershipInput,
    response: partnershipOutput,
    responseStatus: 201,
    handler: async (request, reply) => {
      const created = await register.createPartnership(request.principal, params(request).code, request.body);
      const detail = await register.getPartnership(request.principal, params(request).code, created.id);
      return reply
        .code(201)
        .header('location', `${base}/${params(request).code}/partnerships/${created.id}`)
        .send(toPartnershipJson(detail.partnership, detail.restricted));
    },
  });
  apiRoute(app, {
    method: 'GET',
    url: `${base}/:code/partnerships/:id`,
    operationId: 'getPartnership',
    summary: 'Get a partnership',
    tag,
    access: 'public',
    params: recordParams,
    response: partnershipOutput,
    handler: async (request) => partnershipJson(register, request),
  });
  apiRoute(app, {
    method: 'PUT',
    url: `${base}/:code/partnerships/:id`,
    operationId: 'updatePartnership',
    summary: 'Replace a partnership’s details (send version to detect conflicting edits)',
    tag,
    access: 'register-editor',
    params: recordParams,
    body: partnershipUpdate,
    response: partnershipOutput,
    handler: async (request) => {
      await register.updatePartnership(request.principal, params(request).code, params(request).id, request.body);
      return partnershipJson(register, request);
    },
  });
  apiRoute(app, {
    method: 'POST',
    url: `${base}/:code/partnerships/:id/close`,
    operationId: 'closePartnership',
    summary: 'Close a partnership (its record and history are kept)',
    tag,
    access: 'locality-admin',
    params: recordParams,
    body: closeInput,
    response: partnershipOutput,
    handler: async (request) => {
      await register.closePartnership(request.principal, params(request).code, params(request).id, request.body);
      return partnershipJson(register, request);
    },
  });
  apiRoute(app, {
    method: 'GET',
    url: `${base}/:code/partnerships/:id/history`,
    operationId: 'partnershipHistory',
    summary: 'The audit trail of a partnership and its memberships',
    tag,
    access: 'locality-reader',
    params: recordParams,
    query: historyQuery,
    response: pageOf(auditEventOutput),
    handler: async (request) => history(register, request, params(request), 'partnershipId', request.query),
  });
  apiRoute(app, {
    method: 'GET',
    url: `${base}/:code/partnerships/:id/memberships`,
    operationId: 'listPartnershipMemberships',
    summary: 'Members of a partnership, current and past',
    tag,
    access: 'public',
    params: recordParams,
    response: z.array(membershipOutput),
    handler: async (request) => {
      const detail = await register.getPartnership(request.principal, params(request).code, params(request).id);
      return detail.members.map((m) => toMembershipJson(m, detail.restricted));
    },
  });
  apiRoute(app, {
    method: 'POST',
    url: `${base}/:code/partnerships/:id/memberships`,
    operationId: 'addMembership',
    summary: 'Add a member organisation to a partnership',
    tag,
    access: 'register-editor',
    params: recordParams,
    body: membershipInput,
    response: membershipOutput,
    responseStatus: 201,
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(
          toMembershipJson(
            await register.addMembership(request.principal, params(request).code, params(request).id, request.body),
            true,
          ),
        ),
  });

  // National bodies
  apiRoute(app, {
    method: 'GET',
    url: '/api/v1/bodies',
    operationId: 'listNationalBodies',
    summary: 'List bodies across the country (one record per identifier) with their localities and seats',
    tag,
    access: 'public',
    query: nationalBodyListQuery,
    response: pageOf(nationalBodyOutput),
    handler: async (request) => {
      const { query: _query, items, ...page } = await register.listNationalBodies(request.principal, request.query);
      return { ...page, items: items.map(toNationalBodyJson) };
    },
  });
  apiRoute(app, {
    method: 'GET',
    url: '/api/v1/bodies/:identifier',
    operationId: 'getNationalBody',
    summary: 'Get a body across the country, with its record and seats in each locality',
    tag,
    access: 'public',
    params: z.object({ identifier: z.string().max(100).meta({ description: 'Its org-id identifier' }) }),
    response: nationalBodyDetailOutput,
    handler: async (request) => {
      const { body, records } = await register.getNationalBody(
        request.principal,
        (request.params as { identifier: string }).identifier,
      );
      return { ...toNationalBodyJson(body), records: records.map(toLocalRecordJson) };
    },
  });

  // Organisations
  apiRoute(app, {
    method: 'GET',
    url: `${base}/:code/organisations`,
    operationId: 'listOrganisations',
    summary: 'List organisations with their seats and meeting hours a year',
    tag,
    access: 'public',
    params: localityParams,
    query: organisationListQuery,
    response: pageOf(organisationOutput),
    handler: async (request) => {
      const {
        query: _query,
        items,
        ...page
      } = await register.listOrganisations(request.principal, params(request).code, request.query);
      return { ...page, items: items.map((o) => toOrganisationJson(o)) };
    },
  });
  apiRoute(app, {
    method: 'POST',
    url: `${base}/:code/organisations`,
    operationId: 'createOrganisation',
    summary: 'Create an organisation',
    tag,
    access: 'locality-admin',
    params: localityParams,
    body: organisationInput,
    response: organisationOutput,
    responseStatus: 201,
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(
          toOrganisationJson(await register.createOrganisation(request.principal, params(request).code, request.body)),
        ),
  });
  apiRoute(app, {
    method: 'GET',
    url: `${base}/:code/organisations/:id`,
    operationId: 'getOrganisation',
    summary: 'Get an organisation with its seats and meeting hours a year',
    tag,
    access: 'public',
    params: recordParams,
    response: organisationOutput,
    handler: async (request) => {
      const detail = await register.getOrganisation(request.principal, params(request).code, params(request).id);
      return toOrganisationJson(detail.organisation, { seats: detail.seats, meetingHours: detail.meetingHours });
    },
  });
  apiRoute(app, {
    method: 'PUT',
    url: `${base}/:code/organisations/:id`,
    operationId: 'updateOrganisation',
    summary: 'Replace an organisation’s details',
    tag,
    access: 'locality-admin',
    params: recordParams,
    body: organisationUpdate,
    response: organisationOutput,
    handler: async (request) =>
      toOrganisationJson(
        await register.updateOrganisation(request.principal, params(request).code, params(request).id, request.body),
      ),
  });
  apiRoute(app, {
    method: 'POST',
    url: `${base}/:code/organisations/:id/close`,
    operationId: 'closeOrganisation',
    summary: 'Close an organisation, ending its seats',
    tag,
    access: 'locality-admin',
    params: recordParams,
    body: closeInput,
    response: organisationOutput,
    handler: async (request) =>
      toOrganisationJson(
        await register.closeOrganisation(request.principal, params(request).code, params(request).id, request.body),
      ),
  });
  apiRoute(app, {
    method: 'GET',
    url: `${base}/:code/organisations/:id/memberships`,
    operationId: 'listOrganisationMemberships',
    summary: 'Every partnership an organisation sits on',
    tag,
    access: 'public',
    params: recordParams,
    response: z.array(membershipOutput),
    handler: async (request) => {
      const detail = await register.getOrganisation(request.principal, params(request).code, params(request).id);
      return detail.memberships.map((m) => toMembershipJson(m, detail.restricted));
    },
  });
  apiRoute(app, {
    method: 'GET',
    url: `${base}/:code/organisations/:id/history`,
    operationId: 'organisationHistory',
    summary: 'The audit trail of an organisation',
    tag,
    access: 'locality-reader',
    params: recordParams,
    query: historyQuery,
    response: pageOf(auditEventOutput),
    handler: async (request) => history(register, request, params(request), 'organisationId', request.query),
  });

  // Memberships
  apiRoute(app, {
    method: 'GET',
    url: `${base}/:code/memberships/:id`,
    operationId: 'getMembership',
    summary: 'Get a membership',
    tag,
    access: 'public',
    params: recordParams,
    response: membershipOutput,
    handler: async (request) => {
      const membership = await register.getMembership(request.principal, params(request).code, params(request).id);
      return toMembershipJson(membership, membership.restricted);
    },
  });
  apiRoute(app, {
    method: 'PUT',
    url: `${base}/:code/memberships/:id`,
    operationId: 'updateMembership',
    summary: 'Replace a membership’s details',
    tag,
    access: 'register-editor',
    params: recordParams,
    body: membershipUpdate,
    response: membershipOutput,
    handler: async (request) =>
      toMembershipJson(
        await register.updateMembership(request.principal, params(request).code, params(request).id, request.body),
        true,
      ),
  });
  apiRoute(app, {
    method: 'POST',
    url: `${base}/:code/memberships/:id/end`,
    operationId: 'endMembership',
    summary: 'End a membership on a date (it stays in the record)',
    tag,
    access: 'register-editor',
    params: recordParams,
    body: endMembershipInput,
    response: membershipOutput,
    handler: async (request) =>
      toMembershipJson(
        await register.endMembership(request.principal, params(request).code, params(request).id, request.body),
        true,
      ),
  });
}

async function partnershipJson(register: Services['register'], request: FastifyRequest) {
  const detail = await register.getPartnership(request.principal, params(request).code, params(request).id);
  return toPartnershipJson(detail.partnership, detail.restricted);
}

async function history(
  register: Services['register'],
  request: FastifyRequest,
  p: Params,
  subject: 'partnershipId' | 'organisationId',
  query: unknown,
) {
  const { page } = historyQuery.parse(query ?? {});
  const pageSize = 50;
  const result = await register.history(request.principal, p.code, { [subject]: p.id }, page);
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
