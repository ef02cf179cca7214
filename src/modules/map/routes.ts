import fs from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Services } from '../../services.js';
import { formatDate } from '../../core/dates.js';
import { apiRoute } from '../../web/api.js';
import { SRC_DIR } from '../../web/render.js';
import { VersionedResponses } from '../../web/versioned-responses.js';
import { type MapFormat, describeMap } from './service.js';
import { mapApiQuery, mapOutput, mapQuery } from './schema.js';
import { mapFilters, mapQueryString, mapTables, sortLinks } from './view-models.js';
import type { MapResult } from './service.js';

type Params = { code: string };
const params = (request: FastifyRequest) => request.params as Params;
const localityParams = z.object({
  code: z.string().meta({ description: 'ONS GSS code of the locality, e.g. E07999001' }),
});

const CYTOSCAPE = path.resolve(SRC_DIR, '../node_modules/cytoscape/dist/cytoscape.esm.min.mjs');
export const CYTOSCAPE_URL = '/assets/vendor/cytoscape.esm.min.mjs';

/** The partnership map of a locality (network, nesting tree, exports). */
export function mapRoutes(app: FastifyInstance, services: Services): void {
  const { map } = services;
  // A locality's map is built from every seat (about 100 ms and 1 MB on a national set): kept
  // until the register changes, and answered 304 to a client that has it.
  const maps = new VersionedResponses();
  const base = (code: string) => `/localities/${code}/map`;

  // Cytoscape.js, served with the app (no CDN): read once, cached by browsers for a day.
  let cytoscape: Promise<Buffer> | undefined;
  app.get(CYTOSCAPE_URL, { config: { access: 'public' } }, async (_request, reply) => {
    cytoscape ??= fs.readFile(CYTOSCAPE);
    return reply
      .type('text/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=86400')
      .send(await cytoscape);
  });

  app.get('/localities/:code/map', { config: { access: 'public' } }, async (request, reply) => {
    const result = await map.map(request.principal, params(request).code, joinAsAt(request.query));
    return reply.view('map/views/map.njk', pageContext(result, base(result.locality.gss_code)));
  });

  app.get('/localities/:code/map/tree', { config: { access: 'public' } }, async (request, reply) => {
    const { asAt } = mapQuery.pick({ asAt: true }).parse(request.query ?? {});
    const result = await map.tree(request.principal, params(request).code, asAt);
    return reply.view('map/views/tree.njk', {
      title: asAt ? `Nesting tree as at ${formatDate(asAt)}` : 'Nesting tree',
      section: 'map',
      tab: 'tree',
      ...result,
      mapBase: base(result.locality.gss_code),
    });
  });

  const download = (format: MapFormat) => async (request: FastifyRequest, reply: FastifyReply) => {
    const origin = `${request.protocol}://${request.host}`;
    const file = await map.exportMap(request.principal, params(request).code, request.query, format, origin);
    return reply
      .type(file.contentType)
      .header('content-disposition', `attachment; filename="${file.filename}"`)
      .send(file.body);
  };
  app.get('/localities/:code/map/nodes.csv', { config: { access: 'public' } }, download('nodes.csv'));
  app.get('/localities/:code/map/edges.csv', { config: { access: 'public' } }, download('edges.csv'));
  app.get('/localities/:code/map/map.graphml', { config: { access: 'public' } }, download('graphml'));
  app.get('/localities/:code/map/map.gexf', { config: { access: 'public' } }, download('gexf'));

  apiRoute(app, {
    method: 'GET',
    url: '/api/v1/localities/:code/map',
    operationId: 'getPartnershipMap',
    summary: 'The partnership map of a locality: nodes and edges, filtered',
    tag: 'Map',
    access: 'public',
    params: localityParams,
    query: mapApiQuery,
    response: mapOutput,
    handler: async (request, reply) =>
      maps.send(request, reply, await map.mapKey(request.principal, params(request).code, request.query), async () =>
        toMapJson(await map.map(request.principal, params(request).code, request.query)),
      ),
  });
}

/** The filter form's "as at" date arrives as asAt-day, -month and -year: one YYYY-MM-DD, or none when blank. */
function joinAsAt(query: unknown): Record<string, unknown> {
  const q = { ...(query as Record<string, unknown>) };
  const parts = ['day', 'month', 'year'].map((part) => String(q[`asAt-${part}`] ?? '').trim());
  if (parts.some((part) => part !== '') || 'asAt-day' in q) {
    const [day, month, year] = parts;
    q.asAt = parts.every((part) => part !== '')
      ? `${year}-${(month ?? '').padStart(2, '0')}-${(day ?? '').padStart(2, '0')}`
      : undefined;
  }
  for (const part of ['day', 'month', 'year']) delete q[`asAt-${part}`];
  return q;
}

function pageContext(result: MapResult, mapBase: string) {
  const q = result.query;
  const filterQuery = mapQueryString(q, ['view', 'theme', 'layer', 'status', 'sector', 'min', 'asAt']);
  return {
    title: q.asAt ? `Partnership map as at ${formatDate(q.asAt)}` : 'Partnership map',
    section: 'map',
    tab: 'network',
    locality: result.locality,
    result,
    q,
    mapBase,
    description: describeMap(result),
    filters: mapFilters(result),
    tables: mapTables(result, mapBase),
    links: sortLinks(mapBase, q),
    filterQuery,
    apiUrl: `/api/v1/localities/${result.locality.gss_code}/map${filterQuery}`,
  };
}

export function toMapJson(result: MapResult): z.input<typeof mapOutput> {
  const q = result.query;
  return {
    locality: { gssCode: result.locality.gss_code, name: result.locality.name },
    view: q.view,
    filters: { theme: q.theme ?? null, layer: q.layer ?? null, status: q.status, sector: q.sector ?? null, min: q.min },
    restricted: result.restricted,
    figures: result.graph.figures,
    labels: result.labels,
    nodes: result.graph.nodes,
    edges: result.graph.edges,
  };
}
