import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Services } from '../../services.js';
import { SESSION_COOKIE } from '../../web/request-context.js';
import { ROLE_NAMES } from '../../core/actor.js';
import { NotFoundError, ValidationError } from '../../core/errors.js';
import { formToInput } from '../../core/validation.js';
import type { Config } from '../../config.js';
import { apiRoute } from '../../web/api.js';
import { choices } from '../../web/forms.js';
import { submitForm } from '../../web/forms.js';
import { demoAccountsFor } from './demo-users.js';
import { OutboxMailer } from './mailer.js';
import { LOCALITY_ROLES, apiTokenInput, inviteInput, resetPasswordInput } from './schema.js';
import { SESSION_MAX } from './service.js';

type Params = { code: string; token: string; id: string; grantId: string; userId: string };
const params = (request: FastifyRequest) => request.params as Params;
const body = (request: FastifyRequest) => (request.body ?? {}) as Record<string, unknown>;

/** Only a path on this site: never send someone on to another site after signing in. */
function safeReturn(value: unknown): string {
  const text = typeof value === 'string' ? value : '';
  return text.startsWith('/') && !text.startsWith('//') && !text.startsWith('/\\') ? text : '/';
}

export function accountRoutes(app: FastifyInstance, services: Services, config: Config): void {
  const { accounts, register } = services;
  const demoAccounts = demoAccountsFor(config.env);
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: config.secureCookies,
    maxAge: SESSION_MAX / 1000,
  };

  app.get('/sign-in', { config: { access: 'public' } }, async (request, reply) =>
    reply.view('accounts/views/sign-in.njk', {
      title: 'Sign in',
      values: {},
      returnTo: safeReturn((request.query as { returnTo?: string }).returnTo),
      demoAccounts,
    }),
  );
  app.post('/sign-in', { config: { access: 'public' } }, async (request, reply) => {
    const values = body(request);
    const returnTo = safeReturn(values.returnTo);
    return submitForm(
      reply,
      {
        template: 'accounts/views/sign-in.njk',
        context: () => ({ title: 'Sign in', returnTo, demoAccounts }),
        values: { email: values.email },
      },
      async () => {
        const { token, principal } = await accounts.signIn(
          { email: values.email, password: values.password },
          request.ip,
        );
        // A new session id at every sign-in, and the old one ended: no session fixation.
        if (request.sessionToken) await accounts.signOut(request.principal, request.sessionToken);
        reply.setCookie(SESSION_COOKIE, token, cookieOptions);
        // Without a page to go back to, someone whose roles are all in one locality lands on it.
        const redirect = returnTo === '/' ? await accounts.landingFor(principal) : returnTo;
        return { redirect, flash: `Signed in as ${principal.label}` };
      },
    );
  });
  app.post('/sign-out', { config: { access: 'signed-in' } }, async (request, reply) => {
    await accounts.signOut(request.principal, request.sessionToken);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirectWithFlash('/', 'You have signed out');
  });

  app.get('/forgot-password', { config: { access: 'public' } }, async (_request, reply) =>
    reply.view('accounts/views/forgot-password.njk', { title: 'Reset your password', values: {} }),
  );
  app.post('/forgot-password', { config: { access: 'public' } }, async (request, reply) => {
    const values = body(request);
    return submitForm(
      reply,
      { template: 'accounts/views/forgot-password.njk', context: () => ({ title: 'Reset your password' }), values },
      async () => {
        await accounts.requestPasswordReset({ email: values.email });
        return {
          redirect: '/sign-in',
          flash:
            'If that address has an account, we have sent it a link to reset the password. The link works once, within 1 hour.',
        };
      },
    );
  });
  app.get('/reset-password/:token', { config: { access: 'public' } }, async (request, reply) => {
    const { purpose, user } = await accounts.checkOneTimeToken(params(request).token);
    return reply.view('accounts/views/reset-password.njk', {
      title: purpose === 'invite' ? 'Choose your password' : 'Choose a new password',
      user,
      token: params(request).token,
      values: {},
    });
  });
  app.post('/reset-password/:token', { config: { access: 'public' } }, async (request, reply) => {
    const { purpose, user } = await accounts.checkOneTimeToken(params(request).token);
    return submitForm(
      reply,
      {
        template: 'accounts/views/reset-password.njk',
        context: () => ({
          title: purpose === 'invite' ? 'Choose your password' : 'Choose a new password',
          user,
          token: params(request).token,
        }),
        values: {},
      },
      async () => {
        await accounts.resetPassword(params(request).token, formToInput(resetPasswordInput, body(request)));
        return { redirect: '/sign-in', flash: 'Your password is set. Sign in with it now.' };
      },
    );
  });

  app.get('/account', { config: { access: 'signed-in' } }, async (request, reply) => accountPage(request, reply, {}));
  app.post('/account/tokens', { config: { access: 'signed-in' } }, async (request, reply) => {
    const values = body(request);
    try {
      const { token } = await accounts.createApiToken(request.principal, formToInput(apiTokenInput, values));
      // Shown on this page only, never stored in a cookie or a link.
      return reply
        .header('cache-control', 'no-store')
        .view('accounts/views/token-created.njk', { title: 'Your new API token', token, name: values.name });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return reply
        .code(422)
        .view('accounts/views/account.njk', { ...(await accountContext(request)), values, errors: error.errors });
    }
  });
  app.post('/account/tokens/:id/revoke', { config: { access: 'signed-in' } }, async (request, reply) => {
    await accounts.revokeApiToken(request.principal, params(request).id);
    return reply.redirectWithFlash(
      '/account#tokens',
      'The token was revoked. Clients using it can no longer reach the API.',
    );
  });

  async function accountContext(request: FastifyRequest) {
    const tokens = await accounts.apiTokens(request.principal);
    const localities = await register.listLocalities();
    const byId = new Map(localities.map((l) => [l.id, l]));
    const roles = request.principal.grants.map((g) => ({
      role: ROLE_NAMES[g.role],
      where: g.localityId ? (byId.get(g.localityId)?.name ?? '') : (g.region ?? 'All localities'),
      locality: g.localityId ? byId.get(g.localityId) : undefined,
    }));
    return {
      title: 'Your account',
      roles,
      tokens,
      scopeItems: choices(
        [
          { value: 'read', text: 'Read only' },
          { value: 'write', text: 'Read and write' },
        ],
        undefined,
      ),
    };
  }
  async function accountPage(request: FastifyRequest, reply: FastifyReply, values: Record<string, unknown>) {
    return reply.view('accounts/views/account.njk', { ...(await accountContext(request)), values });
  }

  // Users of a locality
  const roleItems = (current: unknown) =>
    choices(
      LOCALITY_ROLES.map((r) => ({ value: r, text: ROLE_NAMES[r] })),
      current,
    );
  async function usersContext(request: FastifyRequest) {
    const { locality, users } = await accounts.usersOfLocality(request.principal, params(request).code);
    const options = await register.formOptions(locality.gss_code);
    return {
      title: 'Users and roles',
      section: 'users',
      locality,
      users,
      roleNames: ROLE_NAMES,
      options,
      viewerId: request.principal.userId,
    };
  }
  function inviteChoices(options: Awaited<ReturnType<typeof register.formOptions>>, values: Record<string, unknown>) {
    return {
      roleItems: roleItems(values.role),
      partnershipItems: choices(
        options.partnerships
          .filter((p) => p.status === 'active' || p.status === 'proposed')
          .map((p) => ({ value: p.id, text: p.name })),
        values.partnershipId,
        'Not a secretary or chair',
      ),
      organisationItems: choices(
        options.organisations.filter((o) => o.status === 'active').map((o) => ({ value: o.id, text: o.name })),
        values.organisationId,
        'Not a partner representative or stakeholder',
      ),
    };
  }
  app.get('/localities/:code/users', { config: { access: 'locality-admin' } }, async (request, reply) => {
    const context = await usersContext(request);
    return reply.view('accounts/views/users.njk', { ...context, ...inviteChoices(context.options, {}), values: {} });
  });
  app.post('/localities/:code/users', { config: { access: 'locality-admin' } }, async (request, reply) => {
    const values = body(request);
    const context = await usersContext(request);
    return submitForm(
      reply,
      {
        template: 'accounts/views/users.njk',
        context: () => ({ ...context, ...inviteChoices(context.options, values) }),
        values,
      },
      async () => {
        const user = await accounts.invite(
          request.principal,
          context.locality.gss_code,
          formToInput(inviteInput, values),
        );
        return {
          redirect: `/localities/${context.locality.gss_code}/users`,
          flash: `${user.name} now has the role ${ROLE_NAMES[values.role as keyof typeof ROLE_NAMES] ?? ''}. We have emailed them.`,
        };
      },
    );
  });
  app.post(
    '/localities/:code/users/roles/:grantId/remove',
    { config: { access: 'locality-admin' } },
    async (request, reply) => {
      await accounts.revokeRole(request.principal, params(request).code, params(request).grantId);
      return reply.redirectWithFlash(
        `/localities/${params(request).code.toUpperCase()}/users`,
        'The role was removed. They have been signed out everywhere.',
      );
    },
  );
  app.post(
    '/localities/:code/users/:userId/deactivate',
    { config: { access: 'locality-admin' } },
    async (request, reply) => {
      await accounts.deactivateInLocality(request.principal, params(request).code, params(request).userId);
      return reply.redirectWithFlash(
        `/localities/${params(request).code.toUpperCase()}/users`,
        'Their access to this locality was removed and they were signed out.',
      );
    },
  );

  // Kept email holds reset and invitation links, which are keys to accounts: only a system
  // administrator may read it, in every mode.
  const outbox = accounts.mailer instanceof OutboxMailer ? accounts.mailer : undefined;
  app.get('/admin/outbox', { config: { access: 'system-admin' } }, async (_request, reply) => {
    const emails = outbox ? await outbox.recent() : [];
    return reply.header('cache-control', 'no-store').view('accounts/views/outbox.njk', {
      title: 'Email outbox',
      emails,
      transport: accounts.mailer.kind,
      section: 'outbox',
    });
  });
  app.get('/admin/outbox/:id/html', { config: { access: 'system-admin' } }, async (request, reply) => {
    const id = params(request).id;
    const email = outbox && /^\d{1,18}$/.test(id) ? await outbox.byId(id) : undefined;
    if (!email?.html) throw new NotFoundError('Email');
    // Shown in a frame on the outbox page: its own styles, no script, links open outside the frame.
    return reply
      .header('cache-control', 'no-store')
      .header(
        'content-security-policy',
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; base-uri 'none'; form-action 'none'; sandbox allow-popups allow-popups-to-escape-sandbox",
      )
      .header('x-frame-options', 'SAMEORIGIN')
      .type('text/html; charset=utf-8')
      .send(email.html.replace('<head>', '<head><base target="_blank">'));
  });

  apiRoute(app, {
    method: 'GET',
    url: '/api/v1/me',
    operationId: 'me',
    summary: 'Who the request is made as, with their roles',
    tag: 'Accounts',
    access: 'signed-in',
    response: z.object({
      id: z.string(),
      name: z.string(),
      email: z.string().optional(),
      canWrite: z.boolean(),
      roles: z.array(z.object({ role: z.string(), localityId: z.string().nullable(), region: z.string().nullable() })),
    }),
    handler: async (request) => ({
      id: request.principal.id,
      name: request.principal.label,
      email: request.principal.email,
      canWrite: request.principal.canWrite,
      roles: request.principal.grants.map((g) => ({ role: g.role, localityId: g.localityId, region: g.region })),
    }),
  });
}
