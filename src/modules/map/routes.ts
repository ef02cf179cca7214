import type { FastifyInstance } from 'fastify';
import type { Services } from '../../app.js';

/** The partnership map of a locality (network, nesting tree, exports). */
export function mapRoutes(_app: FastifyInstance, _services: Services): void {}
