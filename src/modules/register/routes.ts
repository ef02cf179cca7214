import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';
import { registerApiRoutes } from './api-routes.js';
import { registerPageRoutes } from './page-routes.js';

export function registerRoutes(app: FastifyInstance, services: Services): void {
  registerPageRoutes(app, services);
  registerApiRoutes(app, services);
}
