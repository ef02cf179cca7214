/**
 * The one error handler: a service's errors become a page for people and RFC 9457 problem
 * details for the API, with the status each kind of error means.
 */
import { STATUS_CODES } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import {
  ConflictError,
  type FieldError,
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
  ValidationError,
  fieldErrorsFromZod,
} from '../core/errors.js';
import { TooManyAttemptsError } from '../modules/accounts/service.js';
import { StillComputingError } from '../modules/overlap/service.js';

function isApi(request: FastifyRequest): boolean {
  return (request.url ?? request.raw.url ?? '').startsWith('/api/');
}

function problem(reply: FastifyReply, status: number, title: string, extra: Record<string, unknown> = {}) {
  return reply
    .code(status)
    .type('application/problem+json')
    .send({ type: `/api/docs#problem-${status}`, title, status, ...extra });
}

/** The error handler for every route, the not-found handler, and the one check on every input's text. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => handleError(error, request, reply));
  app.setNotFoundHandler((request, reply) => handleError(new NotFoundError('Page'), request, reply));
  app.addHook('preValidation', async (request) => {
    const errors = [
      ...nulCharacters(request.params, ''),
      ...nulCharacters(request.query, ''),
      ...nulCharacters(request.body, ''),
    ];
    if (errors.length > 0) throw new ValidationError(errors);
  });
}

/**
 * PostgreSQL cannot store a NUL character in text, and no person types one: a query, path
 * parameter or body holding one is refused here, naming each field, for pages and API alike.
 */
function nulCharacters(value: unknown, path: string): FieldError[] {
  const message = 'must not contain a NUL character (\\u0000)';
  if (typeof value === 'string')
    return value.includes('\u0000') ? [{ field: path || 'body', message: `${path || 'The body'} ${message}` }] : [];
  if (value === null || typeof value !== 'object') return [];
  if (Buffer.isBuffer(value)) return [];
  return Object.entries(value).flatMap(([key, inner]) => [
    ...(key.includes('\u0000') ? [{ field: path || 'body', message: `A field name ${message}` }] : []),
    ...nulCharacters(inner, path ? `${path}.${key}` : key),
  ]);
}

/**
 * Errors Fastify meets before a route is found (a malformed address, a path parameter over
 * its length limit): answered as problem details too. No hook has run, so there is no
 * signed-in person and no page layout to draw on.
 */
export function handleFrameworkError(
  error: Error & { statusCode?: number },
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
  const title = STATUS_CODES[status] ?? 'Bad Request';
  if (isApi(request)) return problem(reply, status, title, { detail: error.message });
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .send(
      `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title} – Joined Up</title></head>` +
        `<body><h1>${title}</h1><p>That web address cannot be used. <a href="/">Go to the list of localities</a>.</p></body></html>`,
    );
}

export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  // A schema parsed in a route (a query string, say) names its fields like a service's does.
  if (error instanceof ZodError) return handleError(new ValidationError(fieldErrorsFromZod(error)), request, reply);
  if (error instanceof ValidationError) {
    if (isApi(request)) {
      return problem(reply, 422, 'Some fields are not valid', {
        detail: error.errors.map((e) => e.message).join('; '),
        errors: error.errors.map((e) => ({
          field: e.field,
          pointer: `/${e.field.replace(/\./g, '/')}`,
          detail: e.message,
        })),
      });
    }
    return reply.code(422).view('errors/problem.njk', {
      title: 'There is a problem',
      message: error.errors.map((e) => e.message).join('. '),
      errors: error.errors,
    });
  }
  if (error instanceof NotFoundError) {
    if (isApi(request)) return problem(reply, 404, `${error.what} not found`);
    return reply.code(404).view('errors/problem.njk', { title: 'Page not found', what: error.what.toLowerCase() });
  }
  if (error instanceof UnauthenticatedError) {
    if (isApi(request))
      return problem(reply.header('www-authenticate', 'Bearer'), 401, 'Sign in or send an API token', {
        detail: error.message,
      });
    if (request.method === 'GET') return reply.redirect(`/sign-in?returnTo=${encodeURIComponent(request.url)}`, 303);
    return reply.code(401).view('errors/problem.njk', {
      title: 'Sign in to do this',
      message: 'You need to sign in to do this. Nothing was saved.',
    });
  }
  if (error instanceof ForbiddenError) {
    if (isApi(request)) return problem(reply, 403, 'Not allowed', { detail: error.message });
    return reply.code(403).view('errors/problem.njk', {
      title: 'You cannot do this',
      message: `${error.message}. If you think you should be able to, ask your locality administrator.`,
    });
  }
  if (error instanceof StillComputingError) {
    reply.header('retry-after', '5');
    if (isApi(request))
      return problem(reply, 503, 'Still computing', { detail: `${error.message}: ask again in a few seconds` });
    return reply.code(503).view('errors/computing.njk', { title: 'Working it out', localities: error.localities });
  }
  if (error instanceof TooManyAttemptsError) {
    if (isApi(request))
      return problem(reply.header('retry-after', '900'), 429, 'Too many attempts', { detail: error.message });
    return reply.code(429).view('errors/problem.njk', { title: 'Too many attempts', message: error.message });
  }
  if (error instanceof ConflictError) {
    if (isApi(request)) return problem(reply, 409, 'Changed by someone else', { detail: error.message });
    return reply
      .code(409)
      .view('errors/problem.njk', { title: 'Someone else changed this record', message: error.message });
  }
  const status = (error as { statusCode?: number }).statusCode;
  const code = (error as { code?: string }).code;
  if (code === 'FST_CSRF_MISSING_SECRET' || code === 'FST_CSRF_INVALID_TOKEN') {
    if (isApi(request)) return problem(reply, 403, 'Missing or invalid CSRF token');
    return reply.code(403).view('errors/forbidden.njk', { title: 'Your form had expired' });
  }
  if (status && status >= 400 && status < 500) {
    const message = (error as Error).message;
    if (isApi(request)) return problem(reply, status, STATUS_CODES[status] ?? 'Bad Request', { detail: message });
    return reply.code(status).view('errors/problem.njk', { title: 'There is a problem', message });
  }
  request.log.error({ err: error }, 'request failed');
  if (isApi(request)) return problem(reply, 500, 'Internal error', { detail: `Reference ${request.id}` });
  return reply.code(500).view('errors/server-error.njk', { title: 'Sorry, there is a problem with the service' });
}
