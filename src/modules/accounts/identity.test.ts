import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../core/actor.js';
import { backends } from '../../../test/helpers/database.js';
import { type TestContext, createTestContext } from '../../../test/helpers/context.js';
import { FormSession } from '../../../test/helpers/forms.js';

const CODE = 'E07000023';
const adminPage = `/localities/${CODE}/partnerships/new`;

describe.each(backends)('who is asking, on every request, on %s', (backend) => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await createTestContext(backend);
    await ctx.services.register.createLocality(SYSTEM, {
      gssCode: CODE,
      name: 'Roleshire',
      kind: 'district',
      region: 'North West',
    });
  });
  afterAll(() => ctx.close());

  const grantIdOf = async (userId: string) =>
    (
      await ctx.database.db
        .selectFrom('role_assignments')
        .select('id')
        .where('user_id', '=', userId)
        .executeTakeFirstOrThrow()
    ).id;

  it('refuses a role removed by another server on the very next request of a signed-in person', async () => {
    const person = await ctx.person([{ role: 'locality-admin', localityCode: CODE }]);
    const session = new FormSession(ctx.app);
    await session.signIn(person.email, person.password);
    for (let i = 0; i < 3; i++) expect((await session.get(adminPage)).statusCode).toBe(200);
    // Straight in the database, as another replica's change arrives: this process hears nothing of it.
    await ctx.database.db
      .deleteFrom('role_assignments')
      .where('id', '=', await grantIdOf(person.principal.userId ?? ''))
      .execute();
    const after = await session.get(adminPage);
    // No standing in the locality any more: not found, as for anyone outside it.
    expect(after.statusCode).toBe(404);
    // Still signed in, just without the role.
    expect(after.body).toContain('Sign out');
  });

  it('refuses an API token on the next call once its owner’s role is removed, and signs their sessions out', async () => {
    const person = await ctx.person([{ role: 'locality-admin', localityCode: CODE }]);
    const session = new FormSession(ctx.app);
    await session.signIn(person.email, person.password);
    const create = () =>
      ctx.app.inject({
        method: 'POST',
        url: `/api/v1/localities/${CODE}/partnerships`,
        headers: person.headers,
        payload: {
          name: 'Roleshire safety board',
          purpose: 'Keep Roleshire safe',
          basis: 'voluntary',
          legalForm: 'unincorporated',
          layer: 'executive',
        },
      });
    const me = await ctx.app.inject({ url: '/api/v1/me', headers: person.headers });
    expect(me.json().roles.map((r: { role: string }) => r.role)).toEqual(['locality-admin']);
    expect((await create()).statusCode).toBe(201);

    const administrator = await ctx.person([{ role: 'locality-admin', localityCode: CODE }]);
    await ctx.services.accounts.revokeRole(
      administrator.principal,
      CODE,
      await grantIdOf(person.principal.userId ?? ''),
    );

    expect((await ctx.app.inject({ url: '/api/v1/me', headers: person.headers })).json().roles).toEqual([]);
    expect((await create()).statusCode).toBe(404);
    const page = await session.get(adminPage);
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toContain('/sign-in');
  });

  it('signs a person out on the next request after they sign out, wherever the session is used', async () => {
    const person = await ctx.person([{ role: 'locality-admin', localityCode: CODE }]);
    const session = new FormSession(ctx.app);
    await session.signIn(person.email, person.password);
    const cookie = session.cookieHeader();
    expect((await ctx.app.inject({ url: adminPage, headers: { cookie } })).statusCode).toBe(200);
    const out = await session.submit('/', '/sign-out', {});
    expect(out.statusCode).toBe(303);
    // The old cookie, replayed (from another tab, or stolen), no longer signs anyone in.
    const replayed = await ctx.app.inject({ url: adminPage, headers: { cookie } });
    expect(replayed.statusCode).toBe(303);
    expect(replayed.headers.location).toContain('/sign-in');
  });
});
