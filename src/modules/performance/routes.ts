import type { FastifyInstance } from 'fastify';
import type { Services } from '../../app.js';

export function performanceRoutes(_app: FastifyInstance, _services: Services): void {}
