import crypto from 'node:crypto';
import path from 'node:path';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import type { Config } from './config.js';
import { ConflictError, NotFoundError, ValidationError } from './core/errors.js';
import { type Database, isReachable } from './db/database.js';
import { AuditService } from './modules/audit/service.js';
import { ExchangeService } from './modules/exchange/service.js';
import { exchangeRoutes } from './modules/exchange/routes.js';
import { referenceRoutes } from './modules/reference/routes.js';
import { ReferenceService } from './modules/reference/service.js';
import { registerRoutes } from './modules/register/routes.js';
import { RegisterService } from './modules/register/service.js';
import { LABELS } from './modules/register/view-models.js';
import { docsRoutes } from './web/docs-routes.js';
import { GOVUK_DIR, SRC_DIR, createViewEnvironment } from './web/render.js';

export interface Services {
  audit: AuditService;
  reference: ReferenceService;
  register: RegisterService;
  exchange: ExchangeService;
}

export function createServices(database: Database): Services {
  const audit = new AuditService();
  const reference = new ReferenceService(database.db, audit);
  const register = new RegisterService(database.db, audit, reference);
  const exchange = new ExchangeService(database.db, register, reference);
  return { audit, reference, register, exchange };
}

declare module 'fastify' {
  interface FastifyReply {
    /** Renders a page template with the layout's common values (CSRF token, nonce, flash). */
    view(template: string, context?: Record<string, unknown>): FastifyReply;
    /** Redirects after a successful form, with a message for the next page's banner. */
    redirectWithFlash(url: string, message: string): FastifyReply;
  }
  interface FastifyRequest {
    /** The one-time message left by the previous page, if any. */
    flash?: string;
  }
}

export interface AppOptions {
  config: Config;
  database: Database;
  services: Services;
  logger?: boolean;
}

const FLASH_COOKIE = 'joinedup-flash';

export async function createApp({ config, database, services, logger = true }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ? { level: config.logLevel, redact: ['req.headers.cookie', 'req.headers.authorization'] } : false,
    genReqId: () => crypto.randomUUID(),
    trustProxy: config.env === 'production',
    bodyLimit: 20 * 1024 * 1024,
  });

  await app.register(fastifyHelmet, {
    enableCSPNonces: true,
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        upgradeInsecureRequests: config.secureCookies ? [] : null,
      },
    },
    hsts: config.secureCookies ? { maxAge: 31536000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(fastifyCookie, { secret: config.sessionSecret });
  await app.register(fastifyCsrf, {
    cookieKey: 'joinedup-csrf',
    cookieOpts: { httpOnly: true, sameSite: 'lax', secure: config.secureCookies, path: '/', signed: true },
    getToken: (request: FastifyRequest) => {
      const body = request.body as Record<string, unknown> | undefined;
      const query = request.query as Record<string, unknown> | undefined;
      return String(body?._csrf ?? query?._csrf ?? request.headers['x-csrf-token'] ?? '');
    },
  });
  await app.register(fastifyFormbody);
  await app.register(fastifyMultipart, { limits: { fileSize: 20 * 1024 * 1024, files: 1 } });
  await app.register(fastifyStatic, { root: path.join(GOVUK_DIR, 'govuk/assets'), prefix: '/assets/', maxAge: '1d' });
  await app.register(fastifyStatic, { root: path.join(SRC_DIR, 'web/static'), prefix: '/static/', decorateReply: false, maxAge: '1h' });
  app.get('/assets/govuk-frontend.min.js', (_request, reply) => reply.sendFile('govuk-frontend.min.js', path.join(GOVUK_DIR, 'govuk')));

  const views = createViewEnvironment({ labels: LABELS });
  app.decorateRequest('flash', undefined);
  app.decorateReply('view', function view(this: FastifyReply, template: string, context: Record<string, unknown> = {}) {
    const html = views.render(template, {
      csrfToken: this.generateCsrf(),
      cspNonce: this.cspNonce.script,
      flash: this.request.flash,
      requestId: this.request.id,
      currentUrl: this.request.url,
      ...context,
    });
    return this.type('text/html; charset=utf-8').send(html);
  });
  app.decorateReply('redirectWithFlash', function redirectWithFlash(this: FastifyReply, url: string, message: string) {
    this.setCookie(FLASH_COOKIE, message, { path: '/', httpOnly: true, sameSite: 'lax', secure: config.secureCookies, signed: true, maxAge: 60 });
    return this.redirect(url, 303);
  });
  app.addHook('onRequest', async (request, reply) => {
    const raw = request.cookies[FLASH_COOKIE];
    if (!raw) return;
    const unsigned = request.unsignCookie(raw);
    if (unsigned.valid) request.flash = unsigned.value ?? undefined;
    reply.clearCookie(FLASH_COOKIE, { path: '/' });
  });
  // Every page form is protected against cross-site request forgery. API clients send JSON
  // without an ambient session, so the token is for the pages.
  app.addHook('preHandler', (request, reply, done) => {
    if (request.method === 'GET' || request.method === 'HEAD' || request.url.startsWith('/api/')) return done();
    app.csrfProtection(request, reply, done);
  });

  app.setErrorHandler((error, request, reply) => handleError(error, request, reply));
  app.setNotFoundHandler((request, reply) => handleError(new NotFoundError('Page'), request, reply));

  app.get('/healthz', async (_request, reply) => {
    const ok = await isReachable(database.db);
    return reply.code(ok ? 200 : 503).send({ status: ok ? 'ok' : 'unavailable', database: { kind: database.kind, reachable: ok } });
  });

  app.get('/', async (_request, reply) => {
    const localities = await services.register.listLocalities();
    return reply.view('home.njk', { title: 'Localities', localities });
  });

  registerRoutes(app, services);
  referenceRoutes(app, services);
  exchangeRoutes(app, services);
  docsRoutes(app, config);
  return app;
}

function isApi(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/');
}

function problem(reply: FastifyReply, status: number, title: string, extra: Record<string, unknown> = {}) {
  return reply
    .code(status)
    .type('application/problem+json')
    .send({ type: `/api/docs#problem-${status}`, title, status, ...extra });
}

function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof ValidationError) {
    if (isApi(request)) {
      return problem(reply, 422, 'Some fields are not valid', {
        detail: error.errors.map((e) => e.message).join('; '),
        errors: error.errors.map((e) => ({ field: e.field, pointer: `/${e.field.replace(/\./g, '/')}`, detail: e.message })),
      });
    }
    return reply.code(422).view('errors/not-found.njk', { title: 'There is a problem', message: error.errors.map((e) => e.message).join('. '), errors: error.errors });
  }
  if (error instanceof NotFoundError) {
    if (isApi(request)) return problem(reply, 404, `${error.what} not found`);
    return reply.code(404).view('errors/not-found.njk', { title: 'Page not found' });
  }
  if (error instanceof ConflictError) {
    if (isApi(request)) return problem(reply, 409, 'Changed by someone else', { detail: error.message });
    return reply.code(409).view('errors/not-found.njk', { title: 'Someone else changed this record', message: error.message });
  }
  const status = (error as { statusCode?: number }).statusCode;
  const code = (error as { code?: string }).code;
  if (code === 'FST_CSRF_MISSING_SECRET' || code === 'FST_CSRF_INVALID_TOKEN') {
    if (isApi(request)) return problem(reply, 403, 'Missing or invalid CSRF token');
    return reply.code(403).view('errors/forbidden.njk', { title: 'Your form had expired' });
  }
  if (status && status >= 400 && status < 500) {
    const message = (error as Error).message;
    if (isApi(request)) return problem(reply, status, message);
    return reply.code(status).view('errors/not-found.njk', { title: 'There is a problem', message });
  }
  request.log.error({ err: error }, 'request failed');
  if (isApi(request)) return problem(reply, 500, 'Internal error', { detail: `Reference ${request.id}` });
  return reply.code(500).view('errors/server-error.njk', { title: 'Sorry, there is a problem with the service' });
}
