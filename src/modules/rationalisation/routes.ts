import type { FastifyInstance } from 'fastify';
import type { Services } from '../../app.js';

export function rationalisationRoutes(_app: FastifyInstance, _services: Services): void {}
