import type { FastifyInstance } from 'fastify';
import type { Services } from '../../app.js';

export function exchangeRoutes(_app: FastifyInstance, _services: Services): void {}
