import type { FastifyInstance } from 'fastify';
import type { Services } from '../../app.js';

export function gatekeeperRoutes(_app: FastifyInstance, _services: Services): void {}
