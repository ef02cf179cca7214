import crypto from 'node:crypto';
import { MAX_UPLOAD_MB } from './web/forms.js';
import path from 'node:path';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyEtag from '@fastify/etag';
import fastifyFormbody from '@fastify/formbody';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import { TooManyAttemptsError } from './modules/accounts/service.js';
import fastifyStatic from '@fastify/static';
import type { Config } from './config.js';
import type { Services } from './services.js';
import { handleFrameworkError, installErrorHandling } from './web/errors.js';
import { installSecurityHeaders } from './web/security-headers.js';
import { FLASH_COOKIE, SESSION_COOKIE } from './web/request-context.js';
import { UnauthenticatedError } from './core/errors.js';
import { PUBLIC, type Principal } from './core/actor.js';
import { type Database, isReachable } from './db/database.js';
import { accountRoutes } from './modules/accounts/routes.js';
import { viewerFor } from './modules/accounts/viewer.js';
import { installAccessGate } from './web/access.js';
import { exchangeRoutes } from './modules/exchange/routes.js';
import { mapRoutes } from './modules/map/routes.js';
import { overlapRoutes } from './modules/overlap/routes.js';
import { referenceRoutes } from './modules/reference/routes.js';
import { registerRoutes } from './modules/register/routes.js';
import { LABELS } from './modules/register/view-models.js';
import { docsRoutes } from './web/docs-routes.js';
import { notificationRoutes } from './modules/notifications/routes.js';
import { performanceRoutes } from './modules/performance/routes.js';
import { gatekeeperRoutes } from './modules/gatekeeper/routes.js';
import { rationalisationRoutes } from './modules/rationalisation/routes.js';
import { jobRoutes } from './modules/jobs/routes.js';
import { thesaurusRoutes } from './modules/thesaurus/routes.js';
import { knowledgeRoutes } from './modules/knowledge/routes.js';
import { cyclesRoutes } from './modules/cycles/routes.js';
import { bidRoutes } from './modules/bids/routes.js';
import { resourcesRoutes } from './modules/resources/routes.js';
import { assuranceRoutes } from './modules/assurance/routes.js';
import { scrutinyRoutes } from './modules/scrutiny/routes.js';
import { fundsRoutes } from './modules/funds/routes.js';
import { GOVUK_DIR, SRC_DIR, createViewEnvironment } from './web/render.js';
import { navigationFor } from './web/navigation.js';

export interface AppOptions {
  config: Config;
  database: Database;
  services: Services;
  logger?: boolean;
}

export async function createApp({ config, database, services, logger = true }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ? { level: config.logLevel, redact: ['req.headers.cookie', 'req.headers.authorization'] } : false,
    genReqId: () => crypto.randomUUID(),
    trustProxy: config.env === 'production',
    bodyLimit: 20 * 1024 * 1024,
    frameworkErrors: handleFrameworkError,
  });
  // Input is validated by zod in the services, never by Fastify's JSON schemas; without this
  // Fastify would build an Ajv instance at start (about half a second) for plugins that
  // attach an empty schema to their routes.
  app.setValidatorCompiler(() => (data) => ({ value: data }));

  installSecurityHeaders(app, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', ...(config.mapTiles ? [new URL(config.mapTiles.url).origin] : [])],
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
  // ETags first, on the uncompressed bytes (weak: the same ETag for every encoding); then
  // compression, for clients that accept br or gzip, of everything over 1 KB.
  await app.register(fastifyEtag, { weak: true });
  await app.register(fastifyCompress, { global: true, encodings: ['br', 'gzip'], threshold: 1024 });
  // Limits by address, only on the routes that ask for one (a guessable code, such as a BID paper's).
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new TooManyAttemptsError(`Too many attempts from your address. Wait ${context.after}, then try again.`),
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
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_UPLOAD_MB * 1024 * 1024, files: 10 } });
  await app.register(fastifyStatic, { root: path.join(GOVUK_DIR, 'govuk/assets'), prefix: '/assets/', maxAge: '1d' });
  await app.register(fastifyStatic, {
    root: path.join(SRC_DIR, 'web/static'),
    prefix: '/static/',
    decorateReply: false,
    maxAge: '1h',
  });
  app.get('/assets/govuk-frontend.min.js', { config: { access: 'public' } }, (_request, reply) =>
    reply.sendFile('govuk-frontend.min.js', path.join(GOVUK_DIR, 'govuk')),
  );

  const views = createViewEnvironment({ labels: LABELS, navigationFor });
  app.decorateRequest('flash', undefined);
  app.decorateRequest('principal', null as unknown as Principal);
  app.decorateRequest('authenticatedBy', 'none');
  app.decorateRequest('sessionToken', undefined);
  app.decorateRequest('unreadNotifications', undefined);
  app.addHook('onRequest', async (request) => {
    request.principal = PUBLIC;
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (bearer) {
      const principal = await services.accounts.principalForApiToken(bearer);
      if (!principal) throw new UnauthenticatedError('The API token is not valid: it may have been revoked');
      request.principal = principal;
      request.authenticatedBy = 'token';
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    const principal = await services.accounts.principalForSession(token);
    if (principal) {
      request.principal = principal;
      request.authenticatedBy = 'session';
      request.sessionToken = token;
      if (request.method === 'GET' && !request.url.startsWith('/api/'))
        request.unreadNotifications = await services.notifications.unreadCount(principal);
    }
  });
  app.decorateReply('view', function view(this: FastifyReply, template: string, context: Record<string, unknown> = {}) {
    const html = views.render(template, {
      viewer: viewerFor(this.request.principal, context.locality as { id: string; region: string } | undefined),
      csrfToken: this.generateCsrf(),
      cspNonce: this.cspNonce.script,
      flash: this.request.flash,
      requestId: this.request.id,
      currentUrl: this.request.url,
      unreadNotifications: this.request.unreadNotifications ?? 0,
      ...context,
    });
    return this.type('text/html; charset=utf-8').send(html);
  });
  app.decorateReply(
    'renderFragment',
    function renderFragment(this: FastifyReply, template: string, context: Record<string, unknown> = {}) {
      return views.render(template, {
        viewer: viewerFor(this.request.principal, context.locality as { id: string; region: string } | undefined),
        ...context,
      });
    },
  );
  app.decorateReply('redirectWithFlash', function redirectWithFlash(this: FastifyReply, url: string, message: string) {
    this.setCookie(FLASH_COOKIE, message, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: config.secureCookies,
      signed: true,
      maxAge: 60,
    });
    return this.redirect(url, 303);
  });
  app.addHook('onRequest', async (request, reply) => {
    const raw = request.cookies[FLASH_COOKIE];
    if (!raw) return;
    const unsigned = request.unsignCookie(raw);
    if (unsigned.valid) request.flash = unsigned.value ?? undefined;
    reply.clearCookie(FLASH_COOKIE, { path: '/' });
  });
  // Every state-changing request made with a cookie is protected against cross-site request
  // forgery: all page forms, and API calls that rely on a session cookie. A request with a
  // bearer token carries no ambient credential another site could borrow, so it needs none.
  app.addHook('preHandler', (request, reply, done) => {
    const safe = request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS';
    const apiWithoutSession = request.url.startsWith('/api/') && request.authenticatedBy !== 'session';
    if (safe || apiWithoutSession || request.authenticatedBy === 'token') return done();
    app.csrfProtection(request, reply, done);
  });
  installErrorHandling(app);
  installAccessGate(app, {
    localityScope: async (code) => services.register.localities.byCode(database.db, code.toUpperCase()),
  });

  // Notices written by a change are emailed once its transaction has committed: here, before
  // the response goes, so the person who acted sees the same state as the outbox.
  app.addHook('onSend', async (request, _reply, payload) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      await services.notifications
        .deliverPending()
        .catch((error: unknown) => request.log.warn({ err: error }, 'email delivery failed; it will be retried'));
    }
    return payload;
  });

  app.get('/healthz', { config: { access: 'public' } }, async (_request, reply) => {
    const ok = await isReachable(database.db);
    return reply
      .code(ok ? 200 : 503)
      .send({ status: ok ? 'ok' : 'unavailable', database: { kind: database.kind, reachable: ok } });
  });

  app.get('/', { config: { access: 'public' } }, async (_request, reply) => {
    const localities = await services.register.listLocalities();
    return reply.view('home.njk', { title: 'Localities', localities });
  });

  accountRoutes(app, services, config);
  registerRoutes(app, services);
  referenceRoutes(app, services);
  exchangeRoutes(app, services);
  mapRoutes(app, services);
  overlapRoutes(app, services);
  notificationRoutes(app, services);
  performanceRoutes(app, services);
  gatekeeperRoutes(app, services);
  rationalisationRoutes(app, services);
  jobRoutes(app, services);
  thesaurusRoutes(app, services);
  knowledgeRoutes(app, services, config);
  cyclesRoutes(app, services, config);
  bidRoutes(app, services, config);
  resourcesRoutes(app, services);
  assuranceRoutes(app, services);
  scrutinyRoutes(app, services);
  fundsRoutes(app, services);
  docsRoutes(app, config);
  return app;
}
