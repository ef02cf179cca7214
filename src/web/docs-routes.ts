import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import { buildOpenApi } from './api.js';

export function docsRoutes(app: FastifyInstance, config: Config): void {
  app.get('/api/v1/openapi.json', { config: { access: 'public' } }, async () => buildOpenApi(`${config.publicUrl}`));
  app.get('/api/docs', { config: { access: 'public' } }, async (_request, reply) =>
    reply.view('api-docs.njk', { title: 'API', section: 'api', publicUrl: config.publicUrl }),
  );
}
