import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Services } from '../../services.js';

import { formToInput } from '../../core/validation.js';
import { apiRoute } from '../../web/api.js';
import { submitForm } from '../../web/forms.js';
import { REFERENCE_LISTS, REFERENCE_LIST_NAMES, type ReferenceList } from './data.js';
import { referenceItemInput, referenceItemOutput, referenceItemUpdate } from './schema.js';
import type { ReferenceItem } from '../../db/tables.js';

type Params = { list: string; item: string };
const params = (request: FastifyRequest) => request.params as Params;
const toJson = (i: ReferenceItem) => ({
  id: i.id,
  list: i.list,
  code: i.code,
  label: i.label,
  detail: i.detail,
  sortOrder: i.sort_order,
  active: i.active,
});
const listParams = z.object({ list: z.enum(REFERENCE_LIST_NAMES as [string, ...string[]]) });

function listTitle(list: string): string {
  return REFERENCE_LISTS[list as ReferenceList] ?? 'Reference list';
}

export function referenceRoutes(app: FastifyInstance, { reference }: Services): void {
  const tag = 'Reference data';
  apiRoute(app, {
    method: 'GET',
    url: '/api/v1/reference/:list',
    operationId: 'listReferenceItems',
    summary: 'Entries of a reference list (themes, bases, legal forms, organisation and statutory types)',
    tag,
    access: 'public',
    params: listParams,
    query: z.object({ includeRetired: z.enum(['true', 'false']).optional() }),
    response: z.array(referenceItemOutput),
    handler: async (request) =>
      (
        await reference.list(
          params(request).list,
          (request.query as { includeRetired?: string }).includeRetired === 'true',
        )
      ).map(toJson),
  });
  apiRoute(app, {
    method: 'POST',
    url: '/api/v1/reference/:list',
    operationId: 'addReferenceItem',
    summary: 'Add an entry to a reference list',
    tag,
    access: 'system-admin',
    params: listParams,
    body: referenceItemInput,
    response: referenceItemOutput,
    responseStatus: 201,
    handler: async (request, reply) =>
      reply.code(201).send(toJson(await reference.add(request.principal, params(request).list, request.body))),
  });
  apiRoute(app, {
    method: 'PUT',
    url: '/api/v1/reference/:list/:item',
    operationId: 'updateReferenceItem',
    summary: 'Relabel, reorder or retire a reference entry',
    tag,
    access: 'system-admin',
    params: listParams.extend({ item: z.string().meta({ description: 'The entry’s code, e.g. community-safety' }) }),
    body: referenceItemUpdate,
    response: referenceItemOutput,
    handler: async (request) =>
      toJson(await reference.update(request.principal, params(request).list, params(request).item, request.body)),
  });

  app.get('/admin/reference', { config: { access: 'system-admin' } }, async (_request, reply) => {
    const snapshot = await reference.snapshot();
    const lists = REFERENCE_LIST_NAMES.map((list) => ({
      list,
      title: REFERENCE_LISTS[list],
      active: snapshot.items(list).length,
      total: snapshot.items(list, true).length,
    }));
    return reply.view('reference/views/lists.njk', { title: 'Reference data', section: 'reference', lists });
  });
  app.get('/admin/reference/:list', { config: { access: 'system-admin' } }, async (request, reply) => {
    const items = await reference.list(params(request).list, true);
    return reply.view('reference/views/list.njk', {
      title: listTitle(params(request).list),
      section: 'reference',
      list: params(request).list,
      items,
      values: {},
    });
  });
  app.post('/admin/reference/:list', { config: { access: 'system-admin' } }, async (request, reply) => {
    const values = (request.body ?? {}) as Record<string, unknown>;
    const list = params(request).list;
    return submitForm(
      reply,
      {
        template: 'reference/views/list.njk',
        context: async () => ({
          title: listTitle(list),
          section: 'reference',
          list,
          items: await reference.list(list, true),
        }),
        values,
      },
      async () => {
        const item = await reference.add(request.principal, list, formToInput(referenceItemInput, values));
        return { redirect: `/admin/reference/${list}`, flash: `${item.label} was added` };
      },
    );
  });
  app.get('/admin/reference/:list/:item', { config: { access: 'system-admin' } }, async (request, reply) => {
    const item = await reference.get(params(request).list, params(request).item);
    const uses = await reference.usageCount(params(request).list as ReferenceList, item.code);
    const values = {
      label: item.label,
      detail: item.detail ?? '',
      sortOrder: item.sort_order,
      active: item.active ? 'true' : 'false',
    };
    return reply.view('reference/views/item.njk', {
      title: `Change ${item.label}`,
      section: 'reference',
      list: params(request).list,
      listTitle: listTitle(params(request).list),
      item,
      uses,
      values,
    });
  });
  app.post('/admin/reference/:list/:item', { config: { access: 'system-admin' } }, async (request, reply) => {
    const values = (request.body ?? {}) as Record<string, unknown>;
    const { list, item: code } = params(request);
    const item = await reference.get(list, code);
    const uses = await reference.usageCount(list as ReferenceList, code);
    return submitForm(
      reply,
      {
        template: 'reference/views/item.njk',
        context: () => ({
          title: `Change ${item.label}`,
          section: 'reference',
          list,
          listTitle: listTitle(list),
          item,
          uses,
        }),
        values,
      },
      async () => {
        const updated = await reference.update(request.principal, list, code, formToInput(referenceItemUpdate, values));
        return {
          redirect: `/admin/reference/${list}`,
          flash: `${updated.label} was saved${updated.active ? '' : ' and retired: existing records keep it, new ones cannot choose it'}`,
        };
      },
    );
  });
}
