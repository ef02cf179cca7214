import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import { z } from 'zod';
import type { AccessRule } from './access.js';
import { NotFoundError, ValidationError, fieldErrorsFromZod } from '../core/errors.js';

/**
 * API routes declare their zod schemas once; the same declaration validates (in the services)
 * and describes (in OpenAPI 3.1, whose schemas are JSON Schema 2020-12, as zod emits).
 */
export interface ApiRouteDefinition {
  method: HTTPMethods;
  url: string;
  operationId: string;
  summary: string;
  tag: string;
  /** Who may call it; see web/access.ts. */
  access: AccessRule;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** A non-JSON request body, e.g. an uploaded file, in one or more media types. */
  bodyContentType?: string | string[];
  response?: z.ZodType;
  responseStatus?: number;
  responseContentType?: string;
  /**
   * The work can run in the background: asked with `Prefer: respond-async` (RFC 7240), the route
   * answers 202 Accepted with this body and a Location to follow.
   */
  accepted?: z.ZodType;
  handler: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
}

const routes: ApiRouteDefinition[] = [];

export function apiRoute(app: FastifyInstance, definition: ApiRouteDefinition): void {
  if (!routes.some((r) => r.operationId === definition.operationId)) routes.push(definition);
  app.route({
    method: definition.method,
    url: definition.url,
    config: { access: definition.access },
    // After the access gate (an app-level preHandler, which runs first): someone who may not
    // reach the route learns nothing from how its address is checked.
    preHandler: async (request) => checkParameters(definition, request),
    handler: definition.handler,
  });
}

/**
 * The address is checked against the route's declared schemas before the handler runs: a
 * path that names nothing that could exist (an id that is not a UUID) is not found, and a
 * query parameter that breaks its schema is a 422 naming the parameter.
 */
/** Whether the request asks for the work to run in the background (RFC 7240). */
export function prefersAsync(request: FastifyRequest): boolean {
  return /(^|[\s,;])respond-async([\s,;=]|$)/i.test(String(request.headers.prefer ?? ''));
}

function checkParameters(definition: ApiRouteDefinition, request: FastifyRequest): void {
  if (definition.params && !definition.params.safeParse(request.params ?? {}).success)
    throw new NotFoundError('Record');
  if (definition.query) {
    const result = definition.query.safeParse(request.query ?? {});
    if (!result.success) throw new ValidationError(fieldErrorsFromZod(result.error));
  }
}

const problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  errors: z
    .array(
      z.object({
        field: z.string(),
        pointer: z.string(),
        detail: z.string(),
        sheet: z.string().optional().meta({ description: 'Imports: the file or sheet' }),
        line: z.number().int().optional().meta({ description: 'Imports: the line, counting the header as line 1' }),
        column: z.string().optional().meta({ description: 'Imports: the column heading' }),
      }),
    )
    .optional(),
});

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    target: 'draft-2020-12',
  }) as Record<string, unknown>;
  return rest;
}

function openApiPath(url: string): string {
  return url.replace(/:([A-Za-z]+)/g, '{$1}');
}

export function buildOpenApi(serverUrl: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const parameters: unknown[] = [];
    for (const [location, schema] of [
      ['path', route.params],
      ['query', route.query],
    ] as const) {
      if (!schema) continue;
      for (const [name, fieldSchema] of Object.entries(schema.shape)) {
        const field = fieldSchema as z.ZodType;
        parameters.push({
          name,
          in: location,
          required: location === 'path' || !field.safeParse(undefined).success,
          schema: jsonSchema(field, 'input'),
        });
      }
    }
    const responses: Record<string, unknown> = {
      [String(route.responseStatus ?? 200)]: route.response
        ? {
            description: 'Success',
            content: {
              [route.responseContentType ?? 'application/json']: { schema: jsonSchema(route.response, 'output') },
            },
          }
        : { description: 'Success' },
      '404': {
        description: 'Not found',
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
      },
    };
    if (route.accepted) {
      parameters.push({
        name: 'Prefer',
        in: 'header',
        required: false,
        description: 'respond-async: run it in the background and answer 202 at once',
        schema: { type: 'string', enum: ['respond-async'] },
      });
      responses['202'] = {
        description: 'Accepted: running in the background; follow Location',
        headers: { Location: { description: 'Where to follow it', schema: { type: 'string' } } },
        content: { 'application/json': { schema: jsonSchema(route.accepted, 'output') } },
      };
    }
    if (route.body || route.bodyContentType) {
      responses['422'] = {
        description: 'Invalid fields, each named',
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
      };
    }
    if (route.method !== 'GET')
      responses['409'] = {
        description: 'Changed by someone else since read',
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
      };
    if (route.access !== 'public') {
      responses['401'] = {
        description: 'Not signed in and no valid API token',
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
      };
      responses['403'] = {
        description: 'Signed in, but not allowed to do this',
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
      };
    }
    const operation: Record<string, unknown> = {
      operationId: route.operationId,
      summary: route.summary,
      description: `Access: ${route.access}.`,
      tags: [route.tag],
      parameters,
      responses,
      ...(route.access === 'public'
        ? { security: [{}, { bearer: [] }] }
        : { security: [{ bearer: [] }, { session: [] }] }),
    };
    if (route.body)
      operation.requestBody = {
        required: true,
        content: { 'application/json': { schema: jsonSchema(route.body, 'input') } },
      };
    else if (route.bodyContentType) {
      const types = [route.bodyContentType].flat();
      operation.requestBody = {
        required: true,
        content: Object.fromEntries(types.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])),
      };
    }
    const path = openApiPath(route.url);
    paths[path] = { ...(paths[path] ?? {}), [route.method.toLowerCase()]: operation };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Joined Up API',
      version: '1',
      description:
        'The register of local public-service partnerships: localities, partnerships, organisations, memberships, reference lists, import and export. Errors are RFC 9457 problem details naming each invalid field.',
    },
    servers: [{ url: serverUrl }],
    paths,
    components: {
      schemas: { Problem: jsonSchema(problem, 'output') },
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'An API token from your account page (ju_…). Read-only tokens cannot write.',
        },
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'joinedup-session',
          description: 'The web session; writes also need the x-csrf-token header.',
        },
      },
    },
  };
}

export function apiRoutes(): readonly ApiRouteDefinition[] {
  return routes;
}
