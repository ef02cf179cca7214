import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { formToInput, parseInput } from '../../core/validation.js';
import type { Services } from '../../services.js';
import { apiRoute } from '../../web/api.js';
import { choices, submitForm } from '../../web/forms.js';
import { pagination } from '../../web/listing.js';
import {
  altLabelInput,
  conceptListOutput,
  conceptListQuery,
  conceptOutput,
  conceptParams,
  exportQuery,
  newConceptInput,
} from './schema.js';
import { fieldName, type ConceptList, type ConceptView, type ThesaurusService } from './service.js';
import { FIELDS, type ConceptDefinition } from './types.js';

const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;
const body = (request: FastifyRequest) => (request.body ?? {}) as Record<string, unknown>;
const fieldChoices = FIELDS.map((field) => ({ value: field, text: fieldName(field) }));

function conceptJson(view: Omit<ConceptView, 'history' | 'canEdit' | 'version' | 'canRetire'>) {
  return {
    id: view.concept.id,
    label: view.concept.label,
    altLabels: view.concept.altLabels,
    field: view.concept.field,
    broader: view.broader,
    narrower: view.narrower,
    related: view.related,
    ...(view.concept.scopeNote ? { scopeNote: view.concept.scopeNote } : {}),
    ...(view.concept.ages ? { ages: [...view.concept.ages] } : {}),
    addedLocally: view.addedLocally,
  };
}

function listJson(list: ConceptList) {
  return {
    version: list.version,
    total: list.total,
    page: list.page,
    pageSize: list.pageSize,
    items: list.items.map((c: ConceptDefinition) => ({
      id: c.id,
      label: c.label,
      altLabels: c.altLabels,
      field: c.field,
    })),
  };
}

function listHref(query: { q?: string; field?: string }, page = 1): string {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.field) params.set('field', query.field);
  if (page > 1) params.set('page', String(page));
  const text = params.toString();
  return text ? `/thesaurus?${text}` : '/thesaurus';
}

async function exportReply(reply: FastifyReply, thesaurus: ThesaurusService, request: FastifyRequest) {
  const { format } = parseInput(exportQuery, request.query ?? {});
  const file = await thesaurus.export(request.principal, format);
  return reply
    .type(file.contentType)
    .header('content-disposition', `attachment; filename="${file.fileName}"`)
    .send(file.body);
}

export function thesaurusRoutes(app: FastifyInstance, { thesaurus }: Services): void {
  apiRoutes(app, thesaurus);

  const conceptPage = async (request: FastifyRequest, id: string) => {
    const view = await thesaurus.concept(request.principal, id);
    return {
      title: view.concept.label,
      section: 'thesaurus',
      view,
      fieldTitle: fieldName(view.concept.field),
    };
  };

  app.get('/thesaurus', { config: { access: 'signed-in' } }, async (request, reply) => {
    const list = await thesaurus.list(request.principal, request.query ?? {});
    const { q, field } = list.query;
    return reply.view('thesaurus/views/index.njk', {
      title: 'The thesaurus',
      section: 'thesaurus',
      list,
      q: q ?? '',
      field,
      fieldTitle: field ? fieldName(field) : undefined,
      fields: list.fields.map((f) => ({
        ...f,
        title: fieldName(f.field),
        href: listHref({ q, field: f.field }),
        current: f.field === field,
      })),
      allHref: listHref({ q }),
      pagination: pagination(list.page, list.pages, (page) => listHref({ q, field }, page)),
    });
  });

  app.get('/thesaurus/export', { config: { access: 'signed-in' } }, async (request, reply) =>
    exportReply(reply, thesaurus, request),
  );

  app.get('/thesaurus/concepts/:id', { config: { access: 'signed-in' } }, async (request, reply) =>
    reply.view('thesaurus/views/concept.njk', { ...(await conceptPage(request, idOf(request))), values: {} }),
  );

  app.post('/thesaurus/concepts/:id/labels', { config: { access: 'system-admin' } }, async (request, reply) => {
    const values = body(request);
    const id = idOf(request);
    return submitForm(
      reply,
      { template: 'thesaurus/views/concept.njk', context: () => conceptPage(request, id), values },
      async () => {
        const concept = await thesaurus.addAltLabel(request.principal, id, formToInput(altLabelInput, values));
        const label = concept.altLabels.at(-1) ?? '';
        return {
          redirect: `/thesaurus/concepts/${concept.id}`,
          flash: `“${label}” was added to ${concept.label}. Overlap analyses now read with it.`,
        };
      },
    );
  });

  app.post('/thesaurus/concepts/:id/labels/remove', { config: { access: 'system-admin' } }, async (request, reply) => {
    const values = body(request);
    const id = idOf(request);
    return submitForm(
      reply,
      { template: 'thesaurus/views/concept.njk', context: () => conceptPage(request, id), values: {} },
      async () => {
        const input = formToInput(altLabelInput, values);
        const concept = await thesaurus.removeAltLabel(request.principal, id, input);
        return {
          redirect: `/thesaurus/concepts/${concept.id}`,
          flash: `“${String(input.label)}” was removed from ${concept.label}`,
        };
      },
    );
  });

  app.post('/thesaurus/concepts/:id/retire', { config: { access: 'system-admin' } }, async (request, reply) => {
    const id = idOf(request);
    return submitForm(
      reply,
      { template: 'thesaurus/views/concept.njk', context: () => conceptPage(request, id), values: {} },
      async () => {
        const concept = await thesaurus.retireConcept(request.principal, id);
        return { redirect: '/thesaurus', flash: `${concept.label} was retired from the thesaurus` };
      },
    );
  });

  const newConceptPage = (values: Record<string, unknown>) => ({
    title: 'Add a concept',
    section: 'thesaurus',
    fieldItems: choices(fieldChoices, values.field, 'Choose a field'),
  });

  app.get('/thesaurus/new-concept', { config: { access: 'system-admin' } }, async (request, reply) => {
    const query = request.query as { broader?: string; field?: string };
    const values = {
      broader: typeof query.broader === 'string' ? query.broader : '',
      field: typeof query.field === 'string' ? query.field : '',
    };
    return reply.view('thesaurus/views/new-concept.njk', { ...newConceptPage(values), values });
  });

  app.post('/thesaurus/new-concept', { config: { access: 'system-admin' } }, async (request, reply) => {
    const values = body(request);
    return submitForm(
      reply,
      { template: 'thesaurus/views/new-concept.njk', context: () => newConceptPage(values), values },
      async () => {
        const concept = await thesaurus.addConcept(request.principal, formToInput(newConceptInput, values));
        return { redirect: `/thesaurus/concepts/${concept.id}`, flash: `${concept.label} was added to the thesaurus` };
      },
    );
  });
}

function apiRoutes(app: FastifyInstance, thesaurus: ThesaurusService): void {
  const tag = 'Thesaurus';
  apiRoute(app, {
    method: 'GET',
    url: '/api/v1/thesaurus/concepts',
    operationId: 'listThesaurusConcepts',
    summary: 'Concepts of the thesaurus the overlap engine reads with, sorted by label; q searches labels',
    tag,
    access: 'signed-in',
    query: conceptListQuery,
    response: conceptListOutput,
    handler: async (request) => listJson(await thesaurus.list(request.principal, request.query ?? {})),
  });
  apiRoute(app, {
    method: 'GET',
    url: '/api/v1/thesaurus/concepts/:id',
    operationId: 'getThesaurusConcept',
    summary: 'One concept: labels, field, broader, narrower and related concepts',
    tag,
    access: 'signed-in',
    params: conceptParams,
    response: conceptOutput,
    handler: async (request) => conceptJson(await thesaurus.concept(request.principal, idOf(request))),
  });
  apiRoute(app, {
    method: 'GET',
    url: '/api/v1/thesaurus/export',
    operationId: 'exportThesaurus',
    summary: 'The current edition as SKOS: Turtle (format=turtle, text/turtle) or JSON-LD (format=jsonld)',
    tag,
    access: 'signed-in',
    query: exportQuery,
    response: z.string().meta({ description: 'text/turtle, or application/ld+json for format=jsonld' }),
    responseContentType: 'text/turtle',
    handler: async (request, reply) => exportReply(reply, thesaurus, request),
  });
  apiRoute(app, {
    method: 'POST',
    url: '/api/v1/thesaurus/concepts',
    operationId: 'addThesaurusConcept',
    summary: 'Add a concept to the administrator’s edition',
    tag,
    access: 'system-admin',
    body: newConceptInput,
    response: conceptOutput,
    responseStatus: 201,
    handler: async (request, reply) => {
      const concept = await thesaurus.addConcept(request.principal, request.body);
      return reply.code(201).send(conceptJson(await thesaurus.concept(request.principal, concept.id)));
    },
  });
  apiRoute(app, {
    method: 'DELETE',
    url: '/api/v1/thesaurus/concepts/:id',
    operationId: 'retireThesaurusConcept',
    summary: 'Retire a concept that was added here (shipped concepts stay)',
    tag,
    access: 'system-admin',
    params: conceptParams,
    responseStatus: 204,
    handler: async (request, reply) => {
      await thesaurus.retireConcept(request.principal, idOf(request));
      return reply.code(204).send();
    },
  });
  apiRoute(app, {
    method: 'POST',
    url: '/api/v1/thesaurus/concepts/:id/alt-labels',
    operationId: 'addThesaurusAltLabel',
    summary: 'Add an alternative label to a concept',
    tag,
    access: 'system-admin',
    params: conceptParams,
    body: altLabelInput,
    response: conceptOutput,
    responseStatus: 201,
    handler: async (request, reply) => {
      await thesaurus.addAltLabel(request.principal, idOf(request), request.body);
      return reply.code(201).send(conceptJson(await thesaurus.concept(request.principal, idOf(request))));
    },
  });
  apiRoute(app, {
    method: 'POST',
    url: '/api/v1/thesaurus/concepts/:id/alt-labels/remove',
    operationId: 'removeThesaurusAltLabel',
    summary: 'Remove an alternative label from a concept',
    tag,
    access: 'system-admin',
    params: conceptParams,
    body: altLabelInput,
    response: conceptOutput,
    handler: async (request) => {
      await thesaurus.removeAltLabel(request.principal, idOf(request), request.body);
      return conceptJson(await thesaurus.concept(request.principal, idOf(request)));
    },
  });
}
