import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../web/request-context.js';
import { SYSTEM } from '../../core/actor.js';
import { backends } from '../../../test/helpers/database.js';
import { type Person, type TestContext, createTestContext } from '../../../test/helpers/context.js';
import { FormSession } from '../../../test/helpers/forms.js';
import { MAX_FAILURES_PER_ACCOUNT } from './service.js';
import type { OutboxMailer } from './mailer.js';

const CODE = 'E07000021';
const OTHER = 'E07000022';

describe.each(backends)('accounts and security on %s', (backend) => {
  let ctx: TestContext;
  let admin: Person;
  let proposedId: string;
  let activeId: string;

  beforeAll(async () => {
    ctx = await createTestContext(backend);
    const { register } = ctx.services;
    await register.createLocality(SYSTEM, { gssCode: CODE, name: 'Secureton', kind: 'district', region: 'North East' });
    await register.createLocality(SYSTEM, { gssCode: OTHER, name: 'Elsewhere', kind: 'district', region: 'London' });
    const base = { purpose: 'Joint working', basis: 'voluntary', legalForm: 'unincorporated', layer: 'executive' };
    activeId = (
      await register.createPartnership(SYSTEM, CODE, {
        ...base,
        name: 'Published board',
        significance: 'high',
        leadOfficer: 'Jo Officer',
        reviewDate: '2027-01-01',
      })
    ).id;
    proposedId = (
      await register.createPartnership(SYSTEM, CODE, { ...base, name: 'Draft proposal group', status: 'proposed' })
    ).id;
    admin = await ctx.person([{ role: 'locality-admin', localityCode: CODE }]);
  });
  afterAll(() => ctx.close());

  const cookieFrom = (setCookie: string | string[] | undefined) =>
    [setCookie ?? []]
      .flat()
      .find((c) => c.startsWith(`${SESSION_COOKIE}=`))
      ?.split(';')[0]
      ?.split('=')[1];

  it('signs in with the right password, gives a new session id each time, and signs out', async () => {
    const session = new FormSession(ctx.app);
    const first = await session.signIn(admin.email, admin.password);
    const firstId = cookieFrom(first.headers['set-cookie']);
    const second = await session.signIn(admin.email, admin.password);
    const secondId = cookieFrom(second.headers['set-cookie']);
    expect(firstId).toBeTruthy();
    expect(secondId).not.toBe(firstId);
    // The session replaced at the second sign-in no longer works: no fixation.
    const withOld = await ctx.app.inject({
      method: 'GET',
      url: '/account',
      headers: { cookie: `${SESSION_COOKIE}=${firstId}` },
    });
    expect(withOld.statusCode).toBe(303);
    expect((await session.get('/account')).statusCode).toBe(200);
    await session.submit('/account', '/sign-out', {});
    const afterSignOut = await ctx.app.inject({
      method: 'GET',
      url: '/account',
      headers: { cookie: `${SESSION_COOKIE}=${secondId}` },
    });
    expect(afterSignOut.headers.location).toBe('/sign-in?returnTo=%2Faccount');
  });

  it('takes someone whose roles are all in one locality to it after signing in, and others to the list of localities', async () => {
    const landing = async (person: Person, returnTo?: string) => {
      const session = new FormSession(ctx.app);
      const form = returnTo ? `/sign-in?returnTo=${encodeURIComponent(returnTo)}` : '/sign-in';
      const response = await session.submit(form, '/sign-in', {
        email: person.email,
        password: person.password,
        ...(returnTo ? { returnTo } : {}),
      });
      expect(response.statusCode).toBe(303);
      return response.headers.location;
    };
    expect(await landing(admin)).toBe(`/localities/${CODE}/partnerships`);
    const twoRoles = await ctx.person([
      { role: 'scrutiny-member', localityCode: CODE },
      { role: 'partnership-secretary', localityCode: CODE, partnershipId: activeId },
    ]);
    expect(await landing(twoRoles)).toBe(`/localities/${CODE}/partnerships`);
    const twoLocalities = await ctx.person([
      { role: 'scrutiny-member', localityCode: CODE },
      { role: 'scrutiny-member', localityCode: OTHER },
    ]);
    expect(await landing(twoLocalities)).toBe('/');
    const adviser = await ctx.person([{ role: 'go-adviser', region: 'North East' }]);
    expect(await landing(adviser)).toBe('/');
    // A page that sent them to sign in comes first.
    expect(await landing(admin, '/account')).toBe('/account');
  });

  it('ends a session that has been idle too long, or lived past its maximum', async () => {
    const session = new FormSession(ctx.app);
    await session.signIn(admin.email, admin.password);
    expect((await session.get('/account')).statusCode).toBe(200);
    await ctx.database.db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('user_id', '=', admin.principal.userId ?? '')
      .where('revoked_at', 'is', null)
      .execute();
    expect((await session.get('/account')).statusCode).toBe(303);

    const again = new FormSession(ctx.app);
    await again.signIn(admin.email, admin.password);
    await ctx.database.db
      .updateTable('sessions')
      .set({ created_at: new Date(Date.now() - 13 * 3600_000) })
      .where('user_id', '=', admin.principal.userId ?? '')
      .where('revoked_at', 'is', null)
      .execute();
    expect((await again.get('/account')).statusCode).toBe(303);
  });

  it('gives the same message for an unknown address and a wrong password', async () => {
    const unknown = await new FormSession(ctx.app).submit('/sign-in', '/sign-in', {
      email: 'nobody@example.org',
      password: 'whatever it is',
    });
    const wrong = await new FormSession(ctx.app).submit('/sign-in', '/sign-in', {
      email: admin.email,
      password: 'not the password',
    });
    expect(unknown.statusCode).toBe(422);
    expect(wrong.statusCode).toBe(422);
    const message = (body: string) => /<a href="#email">([^<]+)<\/a>/.exec(body)?.[1];
    expect(message(unknown.body)).toBe('Enter a correct email address and password');
    expect(message(wrong.body)).toBe(message(unknown.body));
  });

  it('locks an account after repeated failures, even with the right password, and records the attempts', async () => {
    const victim = await ctx.person([{ role: 'scrutiny-member', localityCode: CODE }]);
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      await new FormSession(ctx.app).submit('/sign-in', '/sign-in', { email: victim.email, password: `guess ${i}` });
    }
    const locked = await new FormSession(ctx.app).submit('/sign-in', '/sign-in', {
      email: victim.email,
      password: victim.password,
    });
    expect(locked.statusCode).toBe(429);
    expect(locked.body).toContain('Too many failed sign-in attempts');
    const failures = await ctx.database.db
      .selectFrom('audit_events')
      .select('summary')
      .where('action', '=', 'sign-in-failed')
      .where('entity_id', '=', victim.principal.userId ?? '')
      .execute();
    expect(failures.length).toBe(MAX_FAILURES_PER_ACCOUNT);
  });

  it('sends a single-use, expiring reset link through the outbox', async () => {
    const person = await ctx.person([
      { role: 'partner-representative', localityCode: CODE, organisationId: await someOrganisation() },
    ]);
    const response = await new FormSession(ctx.app).submit('/forgot-password', '/forgot-password', {
      email: person.email,
    });
    expect(response.statusCode).toBe(303);
    const [mail] = await (ctx.services.accounts.mailer as OutboxMailer).recent(1);
    expect(mail?.recipient).toBe(person.email);
    const link = /\/reset-password\/(\S+)/.exec(mail?.body ?? '')?.[1];
    expect(link).toBeTruthy();
    const reset = await new FormSession(ctx.app).submit(`/reset-password/${link}`, `/reset-password/${link}`, {
      password: 'a brand new passphrase',
      confirmPassword: 'a brand new passphrase',
    });
    expect(reset.statusCode).toBe(303);
    expect((await ctx.app.inject({ method: 'GET', url: `/reset-password/${link}` })).statusCode).toBe(404);
    await new FormSession(ctx.app).signIn(person.email, 'a brand new passphrase');
    // An expired link is refused too.
    await new FormSession(ctx.app).submit('/forgot-password', '/forgot-password', { email: person.email });
    const [second] = await (ctx.services.accounts.mailer as OutboxMailer).recent(1);
    const expired = /\/reset-password\/(\S+)/.exec(second?.body ?? '')?.[1] ?? '';
    await ctx.database.db
      .updateTable('one_time_tokens')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('used_at', 'is', null)
      .execute();
    expect((await ctx.app.inject({ method: 'GET', url: `/reset-password/${expired}` })).statusCode).toBe(404);
  });

  it('does not reveal whether an address has an account when asked for a reset', async () => {
    const before = (await (ctx.services.accounts.mailer as OutboxMailer).recent(100)).length;
    const response = await new FormSession(ctx.app).submit('/forgot-password', '/forgot-password', {
      email: 'no-such-person@example.org',
    });
    expect(response.statusCode).toBe(303);
    expect((await (ctx.services.accounts.mailer as OutboxMailer).recent(100)).length).toBe(before);
  });

  it('requires a CSRF token for API writes made with a session cookie, but not with a bearer token', async () => {
    const session = new FormSession(ctx.app);
    await session.signIn(admin.email, admin.password);
    const cookie = session.cookieHeader();
    const payload = { name: 'Via session', sector: 'community', orgType: 'community-group' };
    const withoutToken = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/localities/${CODE}/organisations`,
      headers: { cookie },
      payload,
    });
    expect(withoutToken.statusCode).toBe(403);
    const withBearer = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/localities/${CODE}/organisations`,
      headers: admin.headers,
      payload,
    });
    expect(withBearer.statusCode).toBe(201);
  });

  it('withholds restricted fields and proposed partnerships from the public, in pages and the API', async () => {
    const publicJson = (
      await ctx.app.inject({ method: 'GET', url: `/api/v1/localities/${CODE}/partnerships/${activeId}` })
    ).json();
    expect(publicJson.name).toBe('Published board');
    for (const field of ['significance', 'leadOfficer', 'reviewDate', 'secretaryName', 'serviceArea'])
      expect(publicJson).not.toHaveProperty(field);
    const memberJson = (
      await ctx.app.inject({
        method: 'GET',
        url: `/api/v1/localities/${CODE}/partnerships/${activeId}`,
        headers: admin.headers,
      })
    ).json();
    expect(memberJson.significance).toBe('high');
    expect(memberJson.leadOfficer).toBe('Jo Officer');
    const page = await ctx.app.inject({ method: 'GET', url: `/localities/${CODE}/partnerships/${activeId}` });
    expect(page.body).not.toContain('Jo Officer');
    expect(page.body).not.toContain('Significance');
    expect(
      (await ctx.app.inject({ method: 'GET', url: `/api/v1/localities/${CODE}/partnerships/${proposedId}` }))
        .statusCode,
    ).toBe(404);
    const list = (await ctx.app.inject({ method: 'GET', url: `/api/v1/localities/${CODE}/partnerships` })).json();
    expect(list.items.map((p: { name: string }) => p.name)).not.toContain('Draft proposal group');
  });

  it('answers 404, not 403, to a user of another locality asking for restricted records', async () => {
    const outsider = await ctx.person([{ role: 'locality-admin', localityCode: OTHER }]);
    const draft = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/localities/${CODE}/partnerships/${proposedId}`,
      headers: outsider.headers,
    });
    expect(draft.statusCode).toBe(404);
    const history = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/localities/${CODE}/partnerships/${activeId}/history`,
      headers: outsider.headers,
    });
    expect(history.statusCode).toBe(404);
    const edit = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/localities/${CODE}/partnerships/${activeId}/close`,
      headers: outsider.headers,
      payload: { closedOn: '2026-01-01', reason: 'x' },
    });
    expect(edit.statusCode).toBe(404);
    // The published record stays public to everyone, including them.
    expect(
      (
        await ctx.app.inject({
          method: 'GET',
          url: `/api/v1/localities/${CODE}/partnerships/${activeId}`,
          headers: outsider.headers,
        })
      ).statusCode,
    ).toBe(200);
  });

  it('lets a locality administrator grant roles only in their own locality', async () => {
    const session = new FormSession(ctx.app);
    await session.signIn(admin.email, admin.password);
    const own = await session.submit(`/localities/${CODE}/users`, `/localities/${CODE}/users`, {
      name: 'New Scrutineer',
      email: 'scrutineer@example.org',
      role: 'scrutiny-member',
    });
    expect(own.statusCode).toBe(303);
    const elsewhere = await session.submit(`/localities/${CODE}/users`, `/localities/${OTHER}/users`, {
      name: 'Sneaky',
      email: 'sneaky@example.org',
      role: 'locality-admin',
    });
    expect(elsewhere.statusCode).toBe(404);
    expect(await ctx.services.accounts.repository.userByEmail(ctx.database.db, 'sneaky@example.org')).toBeUndefined();
    const [invite] = await (ctx.services.accounts.mailer as OutboxMailer).recent(1);
    expect(invite?.recipient).toBe('scrutineer@example.org');
    expect(invite?.body).toContain('/reset-password/');
  });

  it('never lets a Government Office adviser change anything, but lets them read their region', async () => {
    const adviser = await ctx.person([{ role: 'go-adviser', region: 'North East' }]);
    const read = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/localities/${CODE}/partnerships/${proposedId}`,
      headers: adviser.headers,
    });
    expect(read.statusCode).toBe(200);
    const write = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/localities/${CODE}/organisations`,
      headers: adviser.headers,
      payload: { name: 'Adviser Ltd', sector: 'private', orgType: 'business' },
    });
    expect(write.statusCode).toBe(403);
    const otherRegion = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/localities/${OTHER}/partnerships/${proposedId}`,
      headers: adviser.headers,
    });
    expect(otherRegion.statusCode).toBe(404);
  });

  it('refuses writes through a read-only API token and a revoked one', async () => {
    const reader = await ctx.person([{ role: 'locality-admin', localityCode: CODE }], { readOnly: true });
    const write = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/localities/${CODE}/organisations`,
      headers: reader.headers,
      payload: { name: 'Read Only Ltd', sector: 'private', orgType: 'business' },
    });
    expect(write.statusCode).toBe(403);
    const tokens = await ctx.services.accounts.apiTokens(admin.principal);
    const fresh = await ctx.person([{ role: 'scrutiny-member', localityCode: CODE }]);
    const [token] = await ctx.services.accounts.apiTokens(fresh.principal);
    await ctx.services.accounts.revokeApiToken(fresh.principal, token?.id ?? '');
    const revoked = await ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: fresh.headers });
    expect(revoked.statusCode).toBe(401);
    expect(tokens.length).toBeGreaterThan(0);
  });

  it('ends someone’s sessions when their roles change', async () => {
    const person = await ctx.person([{ role: 'scrutiny-member', localityCode: CODE }]);
    const session = new FormSession(ctx.app);
    await session.signIn(person.email, person.password);
    expect((await session.get('/account')).statusCode).toBe(200);
    const grant = (await ctx.services.accounts.repository.grants(ctx.database.db, person.principal.userId ?? ''))[0];
    await ctx.services.accounts.revokeRole(admin.principal, CODE, grant?.id ?? '');
    expect((await session.get('/account')).statusCode).toBe(303);
  });

  it('chains the audit trail so that verify finds an edited entry', async () => {
    const intact = await ctx.services.audit.verify(ctx.database.db);
    expect(intact.firstBreak).toBeUndefined();
    expect(intact.checked).toBeGreaterThan(5);
    const victim = await ctx.database.db
      .selectFrom('audit_events')
      .select('id')
      .where('action', '=', 'create')
      .orderBy('id')
      .limit(1)
      .offset(2)
      .executeTakeFirstOrThrow();
    await sql`update audit_events set summary = 'Nothing to see here' where id = ${victim.id}`.execute(ctx.database.db);
    const broken = await ctx.services.audit.verify(ctx.database.db);
    expect(broken.firstBreak?.id).toBe(Number(victim.id));
    expect(broken.firstBreak?.reason).toContain('changed');
  });

  async function someOrganisation(): Promise<string> {
    const existing = await ctx.services.register.organisations.options(
      ctx.database.db,
      (await ctx.services.register.locality(CODE)).id,
    );
    if (existing[0]) return existing[0].id;
    return (
      await ctx.services.register.createOrganisation(SYSTEM, CODE, {
        name: 'Secureton Council',
        sector: 'public',
        orgType: 'district-council',
      })
    ).id;
  }
});
