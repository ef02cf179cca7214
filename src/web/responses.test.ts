import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../core/actor.js';
import { backends } from '../../test/helpers/database.js';
import { type Person, type TestContext, createTestContext } from '../../test/helpers/context.js';
import { FormSession } from '../../test/helpers/forms.js';

const CODE = 'E07000022';
const list = `/api/v1/localities/${CODE}/partnerships`;
const map = `/api/v1/localities/${CODE}/map`;

describe.each(backends)('compressed, versioned responses on %s', (backend) => {
  let ctx: TestContext;
  let admin: Person;
  let council: string;

  const partnership = (name: string, status = 'active') => ({
    name,
    purpose: 'Keep people safe at home',
    basis: 'voluntary',
    legalForm: 'unincorporated',
    layer: 'executive',
    status,
  });

  beforeAll(async () => {
    ctx = await createTestContext(backend);
    const { register } = ctx.services;
    await register.createLocality(SYSTEM, { gssCode: CODE, name: 'Etagshire', kind: 'district', region: 'North West' });
    council = (
      await register.createOrganisation(SYSTEM, CODE, {
        name: 'Etagshire Council',
        sector: 'public',
        orgType: 'police',
      })
    ).id;
    for (let i = 0; i < 30; i++) {
      const created = await register.createPartnership(SYSTEM, CODE, partnership(`Safer homes board ${i}`));
      await register.addMembership(SYSTEM, CODE, created.id, { organisationId: council, role: 'member' });
    }
    admin = await ctx.person([{ role: 'locality-admin', localityCode: CODE }]);
  }, 120_000);
  afterAll(() => ctx.close());

  it('sends the map, the API and a page compressed to a client that accepts br or gzip, and whole to one that does not', async () => {
    for (const url of [map, list, `/localities/${CODE}/partnerships`]) {
      const plain = await ctx.app.inject({ url });
      expect(plain.headers['content-encoding']).toBeUndefined();
      const gzip = await ctx.app.inject({ url, headers: { 'accept-encoding': 'gzip' } });
      expect(gzip.headers['content-encoding']).toBe('gzip');
      const br = await ctx.app.inject({ url, headers: { 'accept-encoding': 'br, gzip' } });
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
      if (url.startsWith('/api/')) {
        expect(br.headers.vary).toContain('accept-encoding');
        // A client that refuses br (q=0) gets gzip.
        const refused = await ctx.app.inject({ url, headers: { 'accept-encoding': 'br;q=0, gzip' } });
        expect(refused.headers['content-encoding']).toBe('gzip');
        // The same document, whichever way it travelled.
        expect(JSON.parse(gunzipSync(gzip.rawPayload).toString('utf8'))).toEqual(plain.json());
        expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString('utf8'))).toEqual(plain.json());
      } else {
        expect(brotliDecompressSync(br.rawPayload).toString('utf8')).toContain('Safer homes board 0');
      }
    }
  });

  it('answers 304 to a client that has the current map or list, and a new ETag once the register changes', async () => {
    for (const url of [map, list]) {
      const first = await ctx.app.inject({ url });
      const etag = first.headers.etag as string;
      expect(etag).toMatch(/^W\/".+"$/);
      const again = await ctx.app.inject({ url, headers: { 'if-none-match': etag } });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');

      const added = await ctx.services.register.createPartnership(
        SYSTEM,
        CODE,
        partnership(`Aardvark board for ${url}`),
      );
      const changed = await ctx.app.inject({ url, headers: { 'if-none-match': etag } });
      expect(changed.statusCode).toBe(200);
      expect(changed.headers.etag).not.toBe(etag);
      expect(changed.body).toContain(added.id);
      expect(changed.body).not.toBe(first.body);
    }
  });

  it('gives a new ETag and fresh data after an edit, a closure and a change of seats', async () => {
    const { register } = ctx.services;
    const target = await register.createPartnership(SYSTEM, CODE, partnership('Aaron board'));
    const etagOf = async (url: string) => (await ctx.app.inject({ url })).headers.etag;
    let before = [await etagOf(map), await etagOf(list)];
    const detail = await register.getPartnership(SYSTEM, CODE, target.id);
    await register.updatePartnership(SYSTEM, CODE, target.id, {
      ...partnership('Aaron board, renamed'),
      version: detail.partnership.version,
    });
    let after = [await etagOf(map), await etagOf(list)];
    expect(after[0]).not.toBe(before[0]);
    expect(after[1]).not.toBe(before[1]);
    expect((await ctx.app.inject({ url: list })).body).toContain('Aaron board, renamed');

    before = after;
    await register.addMembership(SYSTEM, CODE, target.id, { organisationId: council, role: 'chair' });
    after = [await etagOf(map), await etagOf(list)];
    expect(after[0]).not.toBe(before[0]);
    expect(after[1]).not.toBe(before[1]);

    before = after;
    await register.closePartnership(SYSTEM, CODE, target.id, { closedOn: '2026-01-31', reason: 'Merged' });
    after = [await etagOf(map), await etagOf(list)];
    expect(after[0]).not.toBe(before[0]);
    expect(after[1]).not.toBe(before[1]);
    const closed = (await ctx.app.inject({ url: `${list}?q=Aaron` })).json();
    expect(closed.items[0].status).toBe('closed');
  });

  it('never shows the public what was kept for someone who may see proposed partnerships', async () => {
    const proposed = await ctx.services.register.createPartnership(
      SYSTEM,
      CODE,
      partnership('Aardwolf proposed board', 'proposed'),
    );
    for (const url of [map, list]) {
      const forAdmin = await ctx.app.inject({ url, headers: admin.headers });
      expect(forAdmin.body).toContain(proposed.id);
      const forPublic = await ctx.app.inject({ url });
      expect(forPublic.body).not.toContain(proposed.id);
      expect(forPublic.headers.etag).not.toBe(forAdmin.headers.etag);
      const withAdminsEtag = await ctx.app.inject({
        url,
        headers: { 'if-none-match': forAdmin.headers.etag as string },
      });
      expect(withAdminsEtag.statusCode).toBe(200);
      expect(withAdminsEtag.body).not.toContain(proposed.id);
    }
  });

  it('shows the register page as it is after each change, and never shows the public what an administrator was shown', async () => {
    const page = `/localities/${CODE}/partnerships?q=Zebra`;
    const session = new FormSession(ctx.app);
    await session.signIn(admin.email, admin.password);
    const addLink = 'or <a class="govuk-link" href="/localities/E07000022/partnerships/new">add a partnership</a>';
    expect((await session.get(page)).body).toContain(addLink);
    const forPublic = await ctx.app.inject({ url: page });
    expect(forPublic.body).toContain('No partnerships match.');
    expect(forPublic.body).not.toContain(addLink);

    await ctx.services.register.createPartnership(SYSTEM, CODE, partnership('Zebra proposed board', 'proposed'));
    expect((await session.get(page)).body).toContain('Zebra proposed board');
    expect((await ctx.app.inject({ url: page })).body).not.toContain('Zebra proposed board');

    await ctx.services.register.createPartnership(SYSTEM, CODE, partnership('Zebra crossing board'));
    const after = (await ctx.app.inject({ url: page })).body;
    expect(after).toContain('Zebra crossing board');
    expect(after).toContain('Showing 1 to 1 of 1 partnership.');
    expect(after).not.toContain('Zebra proposed board');
  });
});
