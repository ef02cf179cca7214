import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { SYSTEM, cliActor } from '../../core/actor.js';
import { backends } from '../../../test/helpers/database.js';
import { type TestContext, createTestContext } from '../../../test/helpers/context.js';
import { GOOD_FILES } from '../exchange/fixtures.js';
import { linkNationalBodies } from './national-bodies-schema.js';

const NORTH = 'E07000901';
const SOUTH = 'E07000902';
const IMPORTED = 'E07000903';
const POLICE = 'GB-POL-TST';

/** Text of an HTML page: tags dropped, spaces collapsed. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&rsquo;/g, '’')
    .replace(/\s+/g, ' ')
    .trim();

describe.each(backends)('a body serving many localities is one national record, on %s', (backend) => {
  let ctx: TestContext;

  /** A board in the locality with the given organisations as members. */
  async function boardWith(code: string, name: string, organisationIds: string[], meetingsPerYear = 4) {
    const { register } = ctx.services;
    const board = await register.createPartnership(SYSTEM, code, {
      name,
      purpose: 'Keep people safe',
      basis: 'voluntary',
      legalForm: 'unincorporated',
      layer: 'executive',
      meetingsPerYear,
      meetingMinutes: 120,
    });
    for (const organisationId of organisationIds)
      await register.addMembership(SYSTEM, code, board.id, { organisationId, role: 'member' });
    return board;
  }

  beforeAll(async () => {
    ctx = await createTestContext(backend);
    const { register } = ctx.services;
    for (const [gssCode, name] of [
      [NORTH, 'North Testshire'],
      [SOUTH, 'South Testshire'],
      [IMPORTED, 'West Testshire'],
    ] as const)
      await register.createLocality(SYSTEM, { gssCode, name, kind: 'district', region: 'North West' });
    // Each locality names the force its own way: one body all the same.
    const north = await register.createOrganisation(SYSTEM, NORTH, {
      name: 'Testshire Police',
      sector: 'public',
      orgType: 'police',
      identifier: POLICE.toLowerCase(),
    });
    const south = await register.createOrganisation(SYSTEM, SOUTH, {
      name: 'Testshire Constabulary',
      sector: 'public',
      orgType: 'police',
      identifier: POLICE,
    });
    await boardWith(NORTH, 'North Safer Streets', [north.id]);
    await boardWith(NORTH, 'North Night-time Economy Group', [north.id], 6);
    await boardWith(SOUTH, 'South Safer Streets', [south.id]);
  });
  afterAll(() => ctx.close());

  it('links every locality’s record with the identifier to one national record, and counts the seats across the country', async () => {
    const { register } = ctx.services;
    const { body, records } = await register.getNationalBody(SYSTEM, POLICE);
    expect(body).toMatchObject({ identifier: POLICE, localities: 2, seats: 3 });
    // 4 + 6 + 4 meetings of two hours.
    expect(body.meeting_hours).toBe(28);
    expect(records.map((r) => [r.locality_name, r.name, r.seats])).toEqual([
      ['North Testshire', 'Testshire Police', 2],
      ['South Testshire', 'Testshire Constabulary', 1],
    ]);
    const rows = await ctx.database.db
      .selectFrom('national_organisations')
      .select('id')
      .where('identifier', '=', POLICE)
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('lists the bodies shared between localities, heaviest first, and shows each on its page and on the local records', async () => {
    const list = await ctx.app.inject({ url: '/bodies?minLocalities=2&sort=seats&order=desc' });
    expect(list.statusCode).toBe(200);
    const text = textOf(list.body);
    expect(text).toContain('Showing 1 to 1 of 1 body');
    expect(text).toMatch(/Testshire (Police|Constabulary) GB-POL-TST Public 2 3 28/);

    const page = await ctx.app.inject({ url: `/bodies/${POLICE}` });
    expect(page.statusCode).toBe(200);
    expect(textOf(page.body)).toContain('North Testshire North West Testshire Police 2 20');

    const local = (await ctx.services.register.listOrganisations(SYSTEM, SOUTH, {})).items[0]!;
    const organisationPage = await ctx.app.inject({ url: `/localities/${SOUTH}/organisations/${local.id}` });
    expect(textOf(organisationPage.body)).toContain('Across the country 2 localities, 3 seats');
    expect(organisationPage.body).toContain(`href="/bodies/${POLICE}"`);

    expect((await ctx.app.inject({ url: '/bodies/GB-POL-NONE' })).statusCode).toBe(404);
  });

  it('serves the same through the API, paged, with a problem for an unknown body', async () => {
    const list = await ctx.app.inject({ url: '/api/v1/bodies?minLocalities=2' });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ total: 1, items: [{ identifier: POLICE, localities: 2, seats: 3 }] });
    const one = await ctx.app.inject({ url: `/api/v1/bodies/${POLICE.toLowerCase()}` });
    expect(one.json().records.map((r: { localityCode: string }) => r.localityCode)).toEqual([NORTH, SOUTH]);
    const missing = await ctx.app.inject({ url: '/api/v1/bodies/GB-POL-NONE' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
  });

  it('links records an import brings in, and follows an identifier that is changed or removed', async () => {
    const { register, exchange } = ctx.services;
    await exchange.importFiles(cliActor('import'), IMPORTED, GOOD_FILES);
    const imported = (await register.listOrganisations(SYSTEM, IMPORTED, { q: 'GB-LAE-BRK' })).items[0]!;
    expect(imported.national_organisation_id).not.toBeNull();
    expect((await register.getNationalBody(SYSTEM, 'GB-LAE-BRK')).records.map((r) => r.gss_code)).toEqual([IMPORTED]);

    // The imported council takes the police identifier by mistake, then loses it.
    const moved = await register.updateOrganisation(SYSTEM, IMPORTED, imported.id, {
      name: imported.name,
      sector: imported.sector,
      orgType: imported.org_type,
      identifier: POLICE,
      version: imported.version,
    });
    expect((await register.getNationalBody(SYSTEM, POLICE)).body.localities).toBe(3);
    // The list, kept between requests, follows the change too.
    const listed = await register.listNationalBodies(SYSTEM, { q: POLICE });
    expect(listed.items.map((b) => b.localities)).toEqual([3]);
    await expect(register.getNationalBody(SYSTEM, 'GB-LAE-BRK')).rejects.toThrow(/not found/i);
    const cleared = await register.updateOrganisation(SYSTEM, IMPORTED, imported.id, {
      name: imported.name,
      sector: imported.sector,
      orgType: imported.org_type,
      version: moved.version,
    });
    expect(cleared.national_organisation_id).toBeNull();
    expect((await register.getNationalBody(SYSTEM, POLICE)).body.localities).toBe(2);
  });

  it('links records written before national records existed, as the migration does', async () => {
    const { db } = ctx.database;
    await sql`update organisations set national_organisation_id = null`.execute(db);
    await sql`delete from national_organisations`.execute(db);
    await linkNationalBodies(db);
    const { body } = await ctx.services.register.getNationalBody(SYSTEM, POLICE);
    expect(body).toMatchObject({ localities: 2, seats: 3 });
    // The name most localities use; on a tie, the first in order.
    expect(body.name).toBe('Testshire Constabulary');
    const unlinked = await db
      .selectFrom('organisations')
      .select('id')
      .where('identifier', 'is not', null)
      .where('national_organisation_id', 'is', null)
      .execute();
    expect(unlinked).toEqual([]);
  });
});
