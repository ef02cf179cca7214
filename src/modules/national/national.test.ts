import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, openTestDatabase, type TestDatabase } from '../../../test/helpers/database.js';
import { type Services, createServices } from '../../services.js';
import { loadConfig } from '../../config.js';
import { SYSTEM, cliActor } from '../../core/actor.js';
import { GSS_CODE } from '../../core/validation.js';
import type { AuditService } from '../audit/service.js';
import { generateNational } from '../overlap/generate.js';
import { LAYERS, ORG_ID, ROLES, STATUSES } from '../register/schema.js';
import { planRegister } from './plan.js';
import { type GenerateResult, LocalitiesExistError, NationalService } from './service.js';

const SIZE = { partnerships: 300, organisations: 150, localities: 5, seed: 7 };

describe.each(backends)('joinedup generate into %s', (backend) => {
  let database: TestDatabase;
  let services: Services;
  let national: NationalService;
  let result: GenerateResult;

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    services = createServices(database, loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }));
    national = new NationalService(database.db, services.audit, services.reference);
    result = await national.generate(cliActor('generate'), {
      ...SIZE,
      commandLine: 'joinedup generate --partnerships 300',
    });
  });
  afterAll(() => database?.destroy());

  const count = async (
    table:
      | 'localities'
      | 'organisations'
      | 'partnerships'
      | 'partnership_themes'
      | 'partnership_areas'
      | 'memberships'
      | 'audit_events',
  ) =>
    Number(
      (
        await database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('writes every row it counts', async () => {
    const c = result.counts;
    expect(c).toMatchObject({ localities: 5, partnerships: 300, auditEntries: 5 });
    expect(c.memberships).toBeGreaterThan(300 * 4);
    expect(await count('localities')).toBe(5);
    expect(await count('organisations')).toBe(c.organisationRecords);
    expect(await count('partnerships')).toBe(300);
    expect(await count('partnership_themes')).toBe(c.themes);
    expect(await count('partnership_areas')).toBe(c.areas);
    expect(await count('memberships')).toBe(c.memberships);
    expect(await count('audit_events')).toBe(5);
    expect(c.organisations + c.unplacedOrganisations).toBe(150);
    expect(c.rows).toBe(5 + c.organisationRecords + 300 + c.themes + c.areas + c.memberships + 5);
    expect(c.plantedGroups).toBeGreaterThan(0);
    expect(result.groundTruth.pairs.length).toBe(c.plantedPairs);
    expect(c.hardNegatives).toBeGreaterThan(0);
    expect(result.benchmarkTruth.hard_negatives).toHaveLength(c.hardNegatives);
  });

  it('writes each generated body once for the country, however many localities hold a record of it', async () => {
    const c = result.counts;
    const national = await database.db
      .selectFrom('national_organisations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(national.n)).toBe(c.organisations);
    expect(c.organisationRecords).toBeGreaterThan(c.organisations);
    const unlinked = await database.db
      .selectFrom('organisations')
      .select('id')
      .where('national_organisation_id', 'is', null)
      .execute();
    expect(unlinked).toEqual([]);
  });

  it('uses fictional GSS codes, flags the localities as demo data, and codes the reference lists know', async () => {
    const localities = await database.db.selectFrom('localities').selectAll().execute();
    for (const l of localities) {
      expect(l.gss_code).toMatch(/^E0[6-9]998\d{3}$/);
      expect(l.is_demo).toBe(true);
      expect(l.kind).toBe(
        { E06: 'unitary', E07: 'district', E08: 'metropolitan', E09: 'london-borough' }[l.gss_code.slice(0, 3)],
      );
    }
    const areas = await database.db.selectFrom('partnership_areas').select('gss_code').distinct().execute();
    for (const a of areas) {
      expect(a.gss_code).toMatch(GSS_CODE);
      expect(a.gss_code).toMatch(/^(E0[6-9]998\d{3}|E10998\d{3}|E059\d{5})$/);
    }

    const snapshot = await services.reference.snapshot();
    const partnerships = await database.db.selectFrom('partnerships').selectAll().execute();
    for (const p of partnerships) {
      expect(snapshot.has('basis', p.basis), p.basis).toBe(true);
      expect(snapshot.has('legal-form', p.legal_form), p.legal_form).toBe(true);
      expect(LAYERS).toContain(p.layer);
      expect(STATUSES).toContain(p.status);
      expect(p.reference).toMatch(/^P-\d{4}$/);
      // The register service's own rules for a partnership.
      if (p.basis === 'statutory')
        expect(snapshot.has('statutory-type', p.statutory_type ?? ''), `${p.name} ${p.statutory_type}`).toBe(true);
      else expect(p.statutory_type).toBeNull();
      if (p.basis === 'funding' || p.basis === 'plan') expect(p.basis_detail).toBeTruthy();
      if (p.status === 'closed') expect(p.closed_on && p.close_reason).toBeTruthy();
      else expect(p.closed_on).toBeNull();
    }
    const themes = await database.db.selectFrom('partnership_themes').select('theme').distinct().execute();
    for (const t of themes) expect(snapshot.has('theme', t.theme), t.theme).toBe(true);
    const organisations = await database.db.selectFrom('organisations').selectAll().execute();
    for (const o of organisations) {
      expect(snapshot.has('organisation-type', o.org_type), o.org_type).toBe(true);
      expect(o.identifier).toMatch(ORG_ID);
    }
    // The council, the police and the schools are typed as such, not by a fallback.
    const types = new Set(organisations.map((o) => o.org_type));
    for (const type of ['police', 'fire-rescue', 'nhs-trust', 'school-college', 'charity'])
      expect(types).toContain(type);
  });

  it('keeps the seat rules: one current chair, no seat twice, seats within the locality, closed boards ended', async () => {
    const seats = await database.db
      .selectFrom('memberships as m')
      .innerJoin('partnerships as p', 'p.id', 'm.partnership_id')
      .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
      .select([
        'm.partnership_id',
        'm.organisation_id',
        'm.role',
        'm.ended_on',
        'm.started_on',
        'm.locality_id',
        'p.locality_id as p_locality',
        'o.locality_id as o_locality',
        'p.status',
        'p.closed_on',
      ])
      .execute();
    const chairs = new Map<string, number>();
    const held = new Set<string>();
    for (const s of seats) {
      expect(ROLES).toContain(s.role);
      expect(s.locality_id).toBe(s.p_locality);
      expect(s.o_locality).toBe(s.p_locality);
      if (s.status === 'closed') expect(s.ended_on).toBe(s.closed_on);
      if (s.ended_on) continue;
      if (s.role === 'chair') chairs.set(s.partnership_id, (chairs.get(s.partnership_id) ?? 0) + 1);
      const key = `${s.partnership_id}|${s.organisation_id}`;
      expect(held.has(key)).toBe(false);
      held.add(key);
    }
    expect(Math.max(...chairs.values())).toBe(1);
    // A partnership with open sub-groups cannot be closed in the register.
    const closedParents = await sql<{
      n: number;
    }>`select count(*)::int as n from partnerships c join partnerships p on p.id = c.parent_id where p.status = 'closed' and c.status in ('proposed', 'active')`.execute(
      database.db,
    );
    expect(closedParents.rows[0]?.n).toBe(0);
  });

  it('can be read through the register service', async () => {
    const code = result.localityCodes[0]!;
    const source = result.groundTruth.groups[0]!.source;
    const detail = await services.register.getPartnership(SYSTEM, result.groundTruth.groups[0]!.locality, source.id);
    expect(detail.partnership).toMatchObject({ id: source.id, reference: source.reference, name: source.name });
    expect(detail.members.length).toBeGreaterThan(0);
    expect(detail.partnership.themes.length).toBeGreaterThan(0);
    expect(detail.partnership.areas.length).toBeGreaterThan(0);
    const list = await services.register.listPartnerships(SYSTEM, code, {});
    expect(list.total).toBe(
      result.counts.partnerships -
        (
          await database.db
            .selectFrom('partnerships as p')
            .innerJoin('localities as l', 'l.id', 'p.locality_id')
            .select('p.id')
            .where('l.gss_code', '<>', code)
            .execute()
        ).length,
    );
  });

  it('gives every organisation the seat count its memberships add up to', async () => {
    const code = result.localityCodes[1]!;
    const locality = await services.register.locality(code);
    const expected = new Map<string, number>();
    const seats = await database.db
      .selectFrom('memberships as m')
      .innerJoin('partnerships as p', 'p.id', 'm.partnership_id')
      .select(['m.organisation_id', 'm.ended_on', 'm.role', 'p.status'])
      .where('m.locality_id', '=', locality.id)
      .execute();
    // A seat: a current membership, other than as an observer, of an active partnership (register/burden.ts).
    for (const s of seats)
      if (!s.ended_on && s.status === 'active' && s.role !== 'observer')
        expected.set(s.organisation_id, (expected.get(s.organisation_id) ?? 0) + 1);
    const first = await services.register.listOrganisations(SYSTEM, code, { sort: 'seats', order: 'desc' });
    expect(first.items[0]!.seats).toBeGreaterThan(5);
    let checked = 0;
    for (let page = 1; page <= first.pages; page++) {
      const { items } = await services.register.listOrganisations(SYSTEM, code, { sort: 'seats', order: 'desc', page });
      for (const row of items) expect(row.seats, row.name).toBe(expected.get(row.id) ?? 0);
      checked += items.length;
    }
    expect(checked).toBe(first.total);
    expect(first.total).toBeGreaterThan(expected.size - 1);
  });

  it('appends one audit entry per locality to an intact chain', async () => {
    const events = await database.db.selectFrom('audit_events').selectAll().orderBy('id').execute();
    expect(events).toHaveLength(5);
    for (const e of events)
      expect(e).toMatchObject({
        actor: 'Command line (generate)',
        actor_id: 'cli:generate',
        action: 'generate',
        entity_type: 'locality',
      });
    expect(events[0]!.summary).toContain('joinedup generate --partnerships 300');
    const verified = await services.audit.verify(database.db);
    expect(verified.firstBreak).toBeUndefined();
    expect(verified.checked).toBe(5);
  });

  it('refuses a second run and leaves the data as it was', async () => {
    const before = await count('partnerships');
    await expect(national.generate(cliActor('generate'), { ...SIZE, seed: 8, commandLine: 'again' })).rejects.toThrow(
      LocalitiesExistError,
    );
    await expect(
      national.generate(cliActor('generate'), { ...SIZE, localities: 2, partnerships: 50, commandLine: 'again' }),
    ).rejects.toThrow(/already exist \(E0\d998001 /);
    expect(await count('partnerships')).toBe(before);
    expect(await count('audit_events')).toBe(5);
  });

  it('writes what the same seed plans again: the same codes, references, names and roles', async () => {
    const plan = planRegister(generateNational({ ...SIZE }), { seed: SIZE.seed });
    const localityOf = new Map(plan.localities.map((l) => [l.id, l.gss_code]));
    // Purposes carry commas, full stops and curly quotes: they must come back exactly as planned.
    const planned = plan.partnerships
      .map(
        (p) => `${localityOf.get(p.locality_id)} ${p.reference} ${p.status} ${p.name} ${p.purpose} ${p.basis_detail}`,
      )
      .sort();
    const rows = await database.db
      .selectFrom('partnerships as p')
      .innerJoin('localities as l', 'l.id', 'p.locality_id')
      .select(['l.gss_code', 'p.reference', 'p.status', 'p.name', 'p.purpose', 'p.basis_detail'])
      .execute();
    expect(
      rows.map((r) => `${r.gss_code} ${r.reference} ${r.status} ${r.name} ${r.purpose} ${r.basis_detail}`).sort(),
    ).toEqual(planned);
    const roles = await database.db
      .selectFrom('memberships')
      .select(['role', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('role')
      .orderBy('role')
      .execute();
    const plannedRoles = new Map<string, number>();
    for (const m of plan.memberships) plannedRoles.set(m.role, (plannedRoles.get(m.role) ?? 0) + 1);
    expect(Object.fromEntries(roles.map((r) => [r.role, Number(r.n)]))).toEqual(Object.fromEntries(plannedRoles));
  });

  it('leaves nothing behind when the write fails part-way', async () => {
    const other = await openTestDatabase(backend);
    try {
      const otherServices = createServices(other, loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }));
      const failingAudit = {
        recordMany: () => Promise.reject(new Error('the disk is full')),
      } as unknown as AuditService;
      const failing = new NationalService(other.db, failingAudit, otherServices.reference);
      await expect(failing.generate(cliActor('generate'), { ...SIZE, commandLine: 'test' })).rejects.toThrow(
        'the disk is full',
      );
      for (const table of ['localities', 'organisations', 'partnerships', 'memberships'] as const) {
        expect(
          Number(
            (
              await other.db
                .selectFrom(table)
                .select((eb) => eb.fn.countAll<number>().as('n'))
                .executeTakeFirstOrThrow()
            ).n,
          ),
          table,
        ).toBe(0);
      }
    } finally {
      await other.destroy();
    }
  });
});
