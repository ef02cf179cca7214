import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestContext } from '../../../test/helpers/context.js';
import { backends } from '../../../test/helpers/database.js';
import type { Locality } from '../../db/tables.js';
import { SEED_REFERENCE } from '../reference/data.js';
import type { MembershipView, PartnershipRecord } from '../register/repository.js';
import { jaccard } from './plan.js';
import { DUPLICATE_GROUPS } from './partnerships.js';
import { DEMO_DUPLICATE_GROUPS, DEMO_LOCALITY_CODE, type DemoSummary, seedDemoLocality } from './seed.js';

/** A fixed "today" keeps the review dates, and so the two seeded registers, identical. */
const TODAY = '2026-06-01';
const OPEN = new Set(['proposed', 'active']);

interface Register {
  locality: Locality;
  partnerships: PartnershipRecord[];
  memberships: MembershipView[];
  organisations: Awaited<ReturnType<TestContext['services']['register']['organisations']['allForLocality']>>;
}

async function readRegister(ctx: TestContext): Promise<Register> {
  const { register } = ctx.services;
  const db = ctx.database.db;
  const locality = await register.locality(DEMO_LOCALITY_CODE);
  // One query at a time: parallel reads would open more pool connections for nothing.
  const partnerships = await register.partnerships.allForLocality(db, locality.id);
  const memberships = await register.memberships.allForLocality(db, locality.id);
  const organisations = await register.organisations.allForLocality(db, locality.id);
  return { locality, partnerships, memberships, organisations };
}

/** Organisations with a current seat, by partnership reference. */
function currentBoards(r: Register): Map<string, Set<string>> {
  const boards = new Map(r.partnerships.map((p) => [p.reference, new Set<string>()]));
  for (const m of r.memberships) if (m.ended_on === null) boards.get(m.partnership_reference)?.add(m.organisation_id);
  return boards;
}

describe.each(backends)('demo locality (%s)', (backend) => {
  let ctx: TestContext;
  let summary: DemoSummary;
  let r: Register;
  let seconds: number;

  beforeAll(async () => {
    ctx = await createTestContext(backend);
    const started = performance.now();
    summary = await seedDemoLocality(ctx.services, { today: TODAY });
    seconds = (performance.now() - started) / 1000;
    r = await readRegister(ctx);
  }, 600_000);

  afterAll(async () => {
    await ctx?.close();
  });

  it('creates a demo district with counts in range, through the services', async () => {
    console.info(
      `Seeded the demo locality on ${backend} in ${seconds.toFixed(1)} s: ${summary.partnerships} partnerships, ${summary.organisations} organisations, ${summary.memberships} memberships`,
    );
    expect(r.locality).toMatchObject({
      gss_code: 'E07999001',
      name: 'Brackenfield (demo)',
      kind: 'district',
      region: 'East Midlands',
      is_demo: true,
    });
    expect(r.partnerships.length).toBe(summary.partnerships);
    expect(r.organisations.length).toBe(summary.organisations);
    expect(r.memberships.length).toBe(summary.memberships);
    expect(r.partnerships.length).toBeGreaterThanOrEqual(80);
    expect(r.partnerships.length).toBeLessThanOrEqual(120);
    expect(r.organisations.length).toBeGreaterThanOrEqual(60);
    expect(r.organisations.length).toBeLessThanOrEqual(100);
    // Every record has its audit entry (and every ending and closing one more).
    const audit = await ctx.database.db
      .selectFrom('audit_events')
      .select(sql<number>`count(*)`.as('n'))
      .where('locality_id', '=', r.locality.id)
      .executeTakeFirstOrThrow();
    expect(Number(audit.n)).toBeGreaterThan(1 + r.partnerships.length + r.organisations.length + r.memberships.length);
  });

  it('puts the LSP at the apex with sub-partnerships several levels deep', () => {
    const lsp = r.partnerships.find((p) => p.reference === 'P-0001');
    expect(lsp).toMatchObject({
      name: 'Brackenfield Partnership',
      layer: 'strategic',
      parent_id: null,
      status: 'active',
    });
    const byId = new Map(r.partnerships.map((p) => [p.id, p]));
    const depth = (p: PartnershipRecord): number =>
      p.parent_id ? 1 + depth(byId.get(p.parent_id) as PartnershipRecord) : 0;
    const underLsp = (p: PartnershipRecord): boolean =>
      p.parent_id === lsp?.id || (!!p.parent_id && underLsp(byId.get(p.parent_id) as PartnershipRecord));
    expect(r.partnerships.filter((p) => p.parent_id === lsp?.id).length).toBeGreaterThanOrEqual(10);
    expect(Math.max(...r.partnerships.filter(underLsp).map(depth))).toBeGreaterThanOrEqual(3);
    // Orphans: open partnerships with no connection to the LSP at all.
    const orphans = r.partnerships.filter((p) => p.id !== lsp?.id && OPEN.has(p.status) && !underLsp(p));
    expect(orphans.length).toBeGreaterThanOrEqual(5);
  });

  it('uses every layer, theme and basis, with statutory types and funds named', () => {
    expect(new Set(r.partnerships.map((p) => p.layer))).toEqual(new Set(['strategic', 'executive', 'operational']));
    const themes = new Set(r.partnerships.flatMap((p) => p.themes));
    for (const theme of SEED_REFERENCE.theme) expect(themes, theme.code).toContain(theme.code);
    for (const p of r.partnerships) expect(p.themes.length >= 1 && p.themes.length <= 3).toBe(true);
    const byBasis = (basis: string) => r.partnerships.filter((p) => p.basis === basis);
    for (const basis of ['statutory', 'funding', 'plan', 'voluntary'])
      expect(byBasis(basis).length, basis).toBeGreaterThanOrEqual(4);
    for (const p of byBasis('statutory')) expect(p.statutory_type).toBeTruthy();
    expect(new Set(byBasis('statutory').map((p) => p.statutory_type)).size).toBeGreaterThanOrEqual(6);
    for (const p of [...byBasis('funding'), ...byBasis('plan')]) expect(p.basis_detail).toBeTruthy();
    const funds = byBasis('funding')
      .map((p) => p.basis_detail)
      .join(' ');
    for (const fund of [
      'Neighbourhood Renewal Fund',
      'New Deal for Communities',
      'Sure Start',
      'European Social Fund',
      'Single Regeneration Budget',
    ])
      expect(funds).toContain(fund);
  });

  it('mixes legal forms, mostly unincorporated', () => {
    const forms = r.partnerships.map((p) => p.legal_form);
    expect(forms.filter((f) => f === 'unincorporated').length).toBeGreaterThan(forms.length / 2);
    for (const form of [
      'joint-committee',
      'company-limited-by-guarantee',
      'charitable-company',
      'community-interest-company',
    ])
      expect(forms, form).toContain(form);
  });

  it('has closed partnerships (closed in the past, with a reason, no open sub-groups) and proposals', () => {
    const closed = r.partnerships.filter((p) => p.status === 'closed');
    expect(closed.length).toBeGreaterThanOrEqual(8);
    expect(closed.length).toBeLessThanOrEqual(12);
    for (const p of closed) {
      expect(p.close_reason).toBeTruthy();
      expect((p.closed_on as string) < TODAY).toBe(true);
      expect(r.partnerships.filter((c) => c.parent_id === p.id && OPEN.has(c.status))).toEqual([]);
      expect(r.memberships.filter((m) => m.partnership_id === p.id && m.ended_on === null)).toEqual([]);
    }
    expect(r.partnerships.filter((p) => p.status === 'proposed').length).toBeGreaterThanOrEqual(3);
    const reviewed = r.partnerships.filter((p) => OPEN.has(p.status) && p.review_date);
    expect(reviewed.filter((p) => (p.review_date as string) < TODAY).length).toBeGreaterThan(0);
  });

  it('seats the council on most boards and the police and NHS on many', () => {
    const open = r.partnerships.filter((p) => OPEN.has(p.status));
    const boards = currentBoards(r);
    const council = r.organisations.find((o) => o.identifier === 'GB-LAE-BRK');
    expect(council?.name).toBe('Brackenfield District Council');
    const boardsWith = (ids: string[]) => open.filter((p) => ids.some((id) => boards.get(p.reference)?.has(id))).length;
    const idsOf = (types: string[]) => r.organisations.filter((o) => types.includes(o.org_type)).map((o) => o.id);
    expect(boardsWith([council?.id as string])).toBeGreaterThan(open.length * 0.8);
    expect(boardsWith(idsOf(['police']))).toBeGreaterThanOrEqual(20);
    expect(boardsWith(idsOf(['nhs-trust', 'nhs-commissioner']))).toBeGreaterThanOrEqual(20);
    expect(new Set(r.organisations.map((o) => o.sector))).toEqual(
      new Set(['public', 'private', 'voluntary', 'community']),
    );
    for (const o of r.organisations)
      if (o.identifier) expect(o.identifier).toMatch(/^GB-(LAE|NHS|COH|CHC|EDU|UKPRN|MPR)-/);
  });

  it('gives open boards 8–25 members, named representatives and usually a chair', () => {
    const open = r.partnerships.filter((p) => OPEN.has(p.status));
    const boards = currentBoards(r);
    let chaired = 0;
    for (const p of open) {
      const size = boards.get(p.reference)?.size ?? 0;
      expect(size, p.name).toBeGreaterThanOrEqual(8);
      expect(size, p.name).toBeLessThanOrEqual(25);
      const chairs = r.memberships.filter(
        (m) => m.partnership_id === p.id && m.ended_on === null && m.role === 'chair',
      );
      expect(chairs.length).toBeLessThanOrEqual(1);
      if (chairs.length === 1) chaired++;
      expect(p.meetings_per_year).toBeGreaterThanOrEqual(4);
      expect(p.meetings_per_year).toBeLessThanOrEqual(12);
      expect(p.meeting_minutes).toBeGreaterThanOrEqual(90);
      expect(p.meeting_minutes).toBeLessThanOrEqual(180);
      for (const area of p.areas) expect(area).toMatch(/^(E05999(0(0[1-9]|1\d)|020)|E07999001)$/);
    }
    expect(chaired).toBeGreaterThan(open.length * 0.8);
    for (const m of r.memberships) expect(m.representative).toMatch(/^(Cllr )?[A-Z][a-z]+ [A-Z][a-z]+ \(.+\)$/);
    // Some seats ended while their partnership carried on (a member left, a chair handed over).
    expect(
      r.memberships.filter((m) => m.ended_on !== null && OPEN.has(m.partnership_status)).length,
    ).toBeGreaterThanOrEqual(3);
  });

  it('plants near-duplicates that share most members, unlike any other pair', () => {
    const boards = currentBoards(r);
    const planted = new Set<string>();
    let minPlanted = 1;
    for (const [i, group] of DEMO_DUPLICATE_GROUPS.entries()) {
      const newBoard = DUPLICATE_GROUPS[i]?.newBoard ?? false;
      for (const a of group.references) {
        expect(
          r.partnerships.find((p) => p.reference === a && OPEN.has(p.status)),
          `${group.label}: ${a}`,
        ).toBeDefined();
        for (const b of group.references) {
          if (a >= b) continue;
          planted.add(`${a}|${b}`);
          if (newBoard) continue;
          const similarity = jaccard(boards.get(a) ?? [], boards.get(b) ?? []);
          expect(similarity, `${group.label}: ${a} and ${b}`).toBeGreaterThanOrEqual(0.5);
          minPlanted = Math.min(minPlanted, similarity);
        }
      }
    }
    const open = r.partnerships.filter((p) => OPEN.has(p.status)).map((p) => p.reference);
    let sum = 0;
    let count = 0;
    let maxOther = 0;
    for (const a of open) {
      for (const b of open) {
        if (a >= b || planted.has(`${a}|${b}`)) continue;
        const similarity = jaccard(boards.get(a) ?? [], boards.get(b) ?? []);
        sum += similarity;
        count++;
        maxOther = Math.max(maxOther, similarity);
      }
    }
    expect(maxOther).toBeLessThan(minPlanted);
    expect(sum / count).toBeLessThan(0.2);
  });

  it('refuses to seed the demo locality twice, clearly and without changing anything', async () => {
    await expect(seedDemoLocality(ctx.services, { today: TODAY })).rejects.toThrow(
      'The demo locality Brackenfield (demo) (E07999001) already exists',
    );
    expect((await readRegister(ctx)).partnerships.length).toBe(r.partnerships.length);
  });

  it('is deterministic: a fresh database with the same seed gets the same register', async () => {
    const other = await createTestContext(backend);
    try {
      await seedDemoLocality(other.services, { today: TODAY });
      const again = await readRegister(other);
      const outline = (x: Register) => {
        const boards = currentBoards(x);
        const parents = new Map(x.partnerships.map((p) => [p.id, p.reference]));
        return x.partnerships.map((p) => [
          p.reference,
          p.name,
          p.status,
          p.parent_id ? parents.get(p.parent_id) : null,
          boards.get(p.reference)?.size,
          p.chair_name,
          p.established_on,
          p.review_date,
        ]);
      };
      expect(outline(again)).toEqual(outline(r));
      const seats = (x: Register) =>
        x.memberships
          .map((m) => [
            m.partnership_reference,
            m.organisation_name,
            m.role,
            m.representative,
            m.started_on,
            m.ended_on,
          ])
          .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
      expect(seats(again)).toEqual(seats(r));
    } finally {
      await other.close();
    }
  }, 600_000);
});
