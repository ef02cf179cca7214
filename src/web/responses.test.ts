import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'kysely';
import { SYSTEM } from '../core/actor.js';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { createServices } from '../services.js';
import { backends } from '../../test/helpers/database.js';
import { type Person, type TestContext, createTestContext } from '../../test/helpers/context.js';
import { FormSession } from '../../test/helpers/forms.js';
import { nextChange as nextChangeOf, untilListening } from '../../test/helpers/changes.js';

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

  const nextChange = () => nextChangeOf(ctx.database.changes);
  const waitUntilListening = () => untilListening(ctx.database.changes);

  it('asks the database for the register’s version once, not on every request, while nothing changes', async () => {
    await ctx.app.inject({ url: list });
    await waitUntilListening();
    await ctx.app.inject({ url: list });
    const asked = vi.spyOn(ctx.services.register.localities, 'byCodeWithVersions');
    try {
      for (let i = 0; i < 5; i++) expect((await ctx.app.inject({ url: list })).statusCode).toBe(200);
      expect(asked).not.toHaveBeenCalled();
    } finally {
      asked.mockRestore();
    }
  });

  it('shows a change written without the services (another connection, a script) in the next response', async () => {
    await waitUntilListening();
    const before = await ctx.app.inject({ url: list });
    const etag = before.headers.etag as string;
    const heard = nextChange();
    // What an import or a script does: rename a partnership and record it, in one transaction.
    await ctx.database.db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ id: string; locality_id: string }>`
        update partnerships set name = 'Abbot board, renamed by a script'
        where id = (select id from partnerships where name = 'Safer homes board 1')
        returning id, locality_id`.execute(trx);
      const row = rows[0] as { id: string; locality_id: string };
      await sql`insert into audit_events (locality_id, actor, action, entity_type, entity_id, summary)
        values (${row.locality_id}, 'system', 'update', 'partnership', ${row.id}, 'Renamed')`.execute(trx);
    });
    await heard;
    const after = await ctx.app.inject({ url: list, headers: { 'if-none-match': etag } });
    expect(after.statusCode).toBe(200);
    expect(after.body).toContain('Abbot board, renamed by a script');
  });

  it('shows a locality renamed and a reference label changed outside the services on the next page', async () => {
    await waitUntilListening();
    const page = `/localities/${CODE}/partnerships`;
    expect((await ctx.app.inject({ url: page })).body).toContain('Etagshire');
    const before = await ctx.services.reference.snapshot();
    const theme = before.items('theme')[0];
    expect(theme).toBeDefined();
    let heard = nextChange();
    await sql`update localities set name = 'Etagshire and Vale' where gss_code = ${CODE}`.execute(ctx.database.db);
    await heard;
    expect((await ctx.app.inject({ url: page })).body).toContain('Etagshire and Vale');
    heard = nextChange();
    await sql`update reference_items set label = 'Relabelled by a script' where id = ${theme?.id}`.execute(
      ctx.database.db,
    );
    await heard;
    expect((await ctx.services.reference.snapshot()).label('theme', theme?.code)).toBe('Relabelled by a script');
  });

  it.runIf(backend === 'postgres')(
    'shows a change made by another process on the same database in the next response',
    async () => {
      await waitUntilListening();
      const before = await ctx.app.inject({ url: list });
      const url = new URL(process.env.TEST_DATABASE_URL as string);
      url.pathname = `/${ctx.database.location.split('/').at(-1)}`;
      const other = await openDatabase({ databaseUrl: url.toString() });
      try {
        const heard = nextChange();
        const services = createServices(other, loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }));
        const added = await services.register.createPartnership(SYSTEM, CODE, partnership('Abacus board'));
        await heard;
        const after = await ctx.app.inject({ url: list, headers: { 'if-none-match': before.headers.etag as string } });
        expect(after.statusCode).toBe(200);
        expect(after.body).toContain(added.id);
      } finally {
        await other.close();
      }
    },
  );

  it.runIf(backend === 'postgres')(
    'shows a change that committed after a change begun later, although that one was answered first',
    async () => {
      await ctx.app.inject({ url: list });
      await waitUntilListening();
      const url = new URL(process.env.TEST_DATABASE_URL as string);
      url.pathname = `/${ctx.database.location.split('/').at(-1)}`;
      const other = await openDatabase({ databaseUrl: url.toString() });
      const services = createServices(other, loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }));
      let commitSlow!: () => void;
      const slowMayCommit = new Promise<void>((resolve) => (commitSlow = resolve));
      let slowWrote!: () => void;
      const slowHasWritten = new Promise<void>((resolve) => (slowWrote = resolve));
      try {
        // The register's version is its newest audit id; audit writes wait in line for the chain
        // (audit/repository.ts), so ids follow commits. A slow writer adds a partnership and holds
        // its transaction open...
        const slow = other.db.transaction().execute(async (trx) => {
          await services.register.createPartnership(
            SYSTEM,
            CODE,
            { ...partnership('Slow writer board'), reference: 'SLOW-1' },
            { trx },
          );
          slowWrote();
          await slowMayCommit;
        });
        await slowHasWritten;
        // ...while a quick writer, begun later, adds another and is answered.
        const quick = ctx.services.register.createPartnership(SYSTEM, CODE, {
          ...partnership('Quick writer board'),
          reference: 'QUICK-1',
        });
        await new Promise((resolve) => setTimeout(resolve, 300));
        const writers = `${list}?q=writer`;
        const between = await ctx.app.inject({ url: writers });
        commitSlow();
        await slow;
        await quick;
        for (let i = 0; i < 50; i++) {
          const after = await ctx.app.inject({
            url: writers,
            headers: { 'if-none-match': between.headers.etag as string },
          });
          if (after.statusCode === 200 && after.body.includes('Slow writer board')) break;
          expect(i, 'the slow writer’s partnership never showed: the version did not change').toBeLessThan(49);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        const final = await ctx.app.inject({ url: writers });
        expect(final.body).toContain('Slow writer board');
        expect(final.body).toContain('Quick writer board');
      } finally {
        commitSlow();
        await other.close();
      }
    },
  );

  it.runIf(backend === 'postgres')(
    'forgets every version it kept when its listening connection is lost, and keeps them again once it listens again',
    async () => {
      await waitUntilListening();
      await ctx.app.inject({ url: list });
      const forgotten = nextChange();
      const { rows } = await sql<{ stopped: boolean }>`
        select pg_terminate_backend(pid) as stopped from pg_stat_activity
        where application_name = 'joinedup register listener' and datname = current_database()
          and pid <> pg_backend_pid()`.execute(ctx.database.db);
      expect(rows.map((r) => r.stopped)).toEqual([true]);
      await forgotten;
      const asked = vi.spyOn(ctx.services.register.localities, 'byCodeWithVersions');
      try {
        // Until it listens again, every request asks the database (a change could go unheard).
        if (!ctx.database.changes.live) {
          await ctx.app.inject({ url: list });
          await ctx.app.inject({ url: list });
          expect(asked.mock.calls.length).toBe(2);
        }
        await waitUntilListening();
        asked.mockClear();
        await ctx.app.inject({ url: list });
        await ctx.app.inject({ url: list });
        expect(asked.mock.calls.length).toBe(1);
      } finally {
        asked.mockRestore();
      }
    },
  );
});
