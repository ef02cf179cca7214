import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../core/actor.js';
import { loadConfig } from '../../config.js';
import { backends } from '../../../test/helpers/database.js';
import { type Person, type TestContext, createTestContext } from '../../../test/helpers/context.js';
import { FormSession } from '../../../test/helpers/forms.js';
import { demoAccountsFor } from './demo-users.js';
import { LogMailer, type OutboxMailer } from './mailer.js';
import { createServices } from '../../services.js';

const CODE = 'E07000031';

/**
 * Kept email holds password-reset and invitation links: whoever reads one can take the
 * account. Without a mail server, mail is kept in the outbox, and only a system
 * administrator may read it, whatever the mode.
 */
describe.each(backends)('the email outbox on %s', (backend) => {
  let ctx: TestContext;
  let victim: Person;
  let localityAdmin: Person;
  let sysadmin: Person;
  let resetToken: string;
  let emailId: string;

  beforeAll(async () => {
    ctx = await createTestContext(backend);
    await ctx.services.register.createLocality(SYSTEM, {
      gssCode: CODE,
      name: 'Mailbury',
      kind: 'district',
      region: 'South West',
    });
    victim = await ctx.person([{ role: 'scrutiny-member', localityCode: CODE }]);
    localityAdmin = await ctx.person([{ role: 'locality-admin', localityCode: CODE }]);
    sysadmin = await ctx.person([{ role: 'system-admin' }]);
    // A visitor, signed out, asks for a reset of someone else's password.
    const asked = await new FormSession(ctx.app).submit('/forgot-password', '/forgot-password', {
      email: victim.email,
    });
    expect(asked.statusCode).toBe(303);
    const [mail] = await (ctx.services.accounts.mailer as OutboxMailer).recent(1);
    resetToken = /\/reset-password\/([\w-]+)/.exec(mail?.body ?? '')?.[1] ?? '';
    emailId = mail?.id ?? '';
    expect(resetToken.length).toBeGreaterThan(20);
  });
  afterAll(() => ctx.close());

  /** Every GET route, with the email's id wherever a route takes an id. */
  function everyAddress(): string[] {
    const urls = ctx.app.routeTable
      .filter((r) => r.method === 'GET')
      .map((r) => r.url.replace(':code', CODE).replace(/:[A-Za-z]+/g, emailId));
    return [...new Set([...urls, '/dev/outbox', '/admin/outbox', `/admin/outbox/${emailId}/html`])];
  }

  it('leaves a visitor who asked for a reset no page, API or other route that shows the link', async () => {
    const addresses = everyAddress();
    expect(addresses.length).toBeGreaterThan(50);
    for (const url of addresses) {
      const response = await ctx.app.inject({ method: 'GET', url });
      expect(response.body, url).not.toContain(resetToken);
    }
    expect((await ctx.app.inject({ method: 'GET', url: '/admin/outbox' })).statusCode).toBe(303);
    expect((await ctx.app.inject({ method: 'GET', url: '/dev/outbox' })).statusCode).toBe(404);
  });

  it('does not show the outbox to people signed in without the system administrator role', async () => {
    for (const person of [victim, localityAdmin]) {
      const session = new FormSession(ctx.app);
      await session.signIn(person.email, person.password);
      for (const url of everyAddress()) expect((await session.get(url)).body, url).not.toContain(resetToken);
      expect((await session.get('/admin/outbox')).statusCode).toBe(403);
      const api = await ctx.app.inject({
        method: 'GET',
        url: `/admin/outbox/${emailId}/html`,
        headers: person.headers,
      });
      expect(api.statusCode).toBe(403);
    }
  });

  it('shows a system administrator each email as text and as HTML, with links that work', async () => {
    const session = new FormSession(ctx.app);
    await session.signIn(sysadmin.email, sysadmin.password);
    const page = await session.get('/admin/outbox');
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.body).toContain('Reset your Joined Up password');
    expect(page.body).toContain(`/reset-password/${resetToken}`);
    // The text part is shown as text, never HTML printed as characters.
    expect(page.body).not.toContain('&lt;a');
    expect(page.body).toContain(`src="/admin/outbox/${emailId}/html"`);

    const html = await session.get(`/admin/outbox/${emailId}/html`);
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.headers['content-security-policy']).toContain("default-src 'none'");
    expect(html.headers['content-security-policy']).toContain('sandbox');
    expect(html.body).toMatch(new RegExp(`<a href="http://[^"]+/reset-password/${resetToken}"`));
  });

  it('sends every email in two parts from one template: plain text and HTML', async () => {
    await ctx.services.accounts.invite(localityAdmin.principal, CODE, {
      email: 'new.person@example.org',
      name: 'Ann <Bold> & Co',
      role: 'scrutiny-member',
    });
    const [invite] = await (ctx.services.accounts.mailer as OutboxMailer).recent(1);
    expect(invite?.subject).toBe('You have been given access to Mailbury on Joined Up');
    expect(invite?.body).toContain('Hello Ann <Bold> & Co,');
    expect(invite?.body).not.toMatch(/<a |<p>|&lt;|&amp;/);
    expect(invite?.body).toMatch(/Choose your password:\n\S+\/reset-password\/[\w-]+\n/);
    expect(invite?.html).toContain('Hello Ann &lt;Bold&gt; &amp; Co,');
    expect(invite?.html).toMatch(/<a href="\S+\/reset-password\/[\w-]+"[^>]*>Choose your password<\/a>/);
  });
});

describe('what a development install does not open', () => {
  it('signs cookies with a secret of its own, never a published default, when none is set', () => {
    const config = loadConfig({ NODE_ENV: 'development' });
    expect(config.sessionSecret).not.toBe('joined-up-development-secret-not-for-production-use');
    expect(config.sessionSecret.length).toBeGreaterThanOrEqual(32);
  });

  it('creates and lists no demo accounts in production', () => {
    expect(demoAccountsFor('production')).toEqual([]);
    expect(demoAccountsFor('development').map((a) => a.role)).toContain('system-admin');
  });

  it('writes email to the log instead of keeping it, when asked to', () => {
    const config = loadConfig({ NODE_ENV: 'development', MAIL_TRANSPORT: 'log', LOG_LEVEL: 'silent' });
    expect(config.mailTransport).toBe('log');
    const services = createServices({ db: undefined as never } as never, config);
    expect(services.accounts.mailer).toBeInstanceOf(LogMailer);
    expect(() => loadConfig({ MAIL_TRANSPORT: 'smtp' })).toThrow(/SMTP_URL/);
  });
});
