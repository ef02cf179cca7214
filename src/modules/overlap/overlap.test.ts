import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../core/actor.js';
import { backends } from '../../../test/helpers/database.js';
import { type Person, type TestContext, createTestContext } from '../../../test/helpers/context.js';
import { DEMO_DUPLICATE_GROUPS, DEMO_LOCALITY_CODE, seedDemoLocality } from '../demo/seed.js';

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

describe.each(backends)('overlap analysis of the demo locality on %s', (backend) => {
  let ctx: TestContext;
  let reader: Person;
  const idOf = new Map<string, string>();

  beforeAll(async () => {
    ctx = await createTestContext(backend);
    await seedDemoLocality(ctx.services, { today: '2026-11-23' });
    reader = await ctx.person([{ role: 'scrutiny-member', localityCode: DEMO_LOCALITY_CODE }]);
    const list = await ctx.services.register.listPartnerships(SYSTEM, DEMO_LOCALITY_CODE, { pageSize: 500 });
    for (const p of list.items) idOf.set(p.reference, p.id);
  });
  afterAll(() => ctx.close());

  it('finds every planted pair of near-duplicates, explained, and nothing that is not similar', async () => {
    const { analysis } = await ctx.services.overlap.analyse(reader.principal, DEMO_LOCALITY_CODE);
    const found = new Map(analysis.pairs.map((p) => [pairKey(p.aId, p.bId), p]));
    const planted = new Set<string>();
    for (const group of DEMO_DUPLICATE_GROUPS) {
      const ids = group.references.map((r) => idOf.get(r) ?? r);
      for (let i = 0; i < ids.length; i++)
        for (let j = i + 1; j < ids.length; j++) planted.add(pairKey(ids[i] ?? '', ids[j] ?? ''));
    }
    const missed = [...planted].filter((k) => !found.has(k));
    // Every planted group must also come out as one group.
    for (const group of DEMO_DUPLICATE_GROUPS) {
      const ids = group.references.map((r) => idOf.get(r));
      const cluster = analysis.clusters.find((c) => ids.every((id) => id && c.partnershipIds.includes(id)));
      expect(cluster, `${group.label} should form one group`).toBeDefined();
    }
    expect(missed).toEqual([]);
    // Nothing that was not planted is likely the same work; a few may be worth a look.
    const unplanted = analysis.pairs.filter((p) => p.tier === 'likely' && !planted.has(pairKey(p.aId, p.bId)));
    expect(unplanted.map((p) => `${p.aId} ${p.bId} ${p.score}`)).toEqual([]);
    for (const pair of analysis.pairs) {
      const explained = analysis.explain(pair.aId, pair.bId)!;
      expect(explained.sharedMembers.length + explained.sharedFeatures.length).toBeGreaterThan(0);
      expect(explained.score).toBeCloseTo(pair.score, 9);
    }
  });

  it('shows the groups ranked by saving, and each group with its explanation and candidates', async () => {
    const page = await ctx.app.inject({
      method: 'GET',
      url: `/localities/${DEMO_LOCALITY_CODE}/overlap`,
      headers: reader.headers,
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Town Centre Management Board');
    const clustersTable = page.body.slice(
      page.body.indexOf('id="clusters"'),
      page.body.indexOf('</table>', page.body.indexOf('id="clusters"')),
    );
    const savings = [
      ...clustersTable.matchAll(/<td class="govuk-table__cell govuk-table__cell--numeric">£([\d,.]+)<\/td>\s*<\/tr>/g),
    ].map((m) => Number((m[1] ?? '0').replace(/,/g, '')));
    expect(savings.length).toBeGreaterThanOrEqual(DEMO_DUPLICATE_GROUPS.length);
    expect([...savings].sort((a, b) => b - a)).toEqual(savings);
    const link = /href="(\/localities\/E07999001\/overlap\/cluster-[^"]+)"/.exec(page.body)?.[1] ?? '';
    const cluster = await ctx.app.inject({ method: 'GET', url: link, headers: reader.headers });
    expect(cluster.statusCode).toBe(200);
    expect(cluster.body).toContain('Why they look alike');
    expect(cluster.body).toContain('Saving a year');
    expect(cluster.body).toContain('Why this is suggested');
    expect(cluster.body).toMatch(/<strong class="govuk-tag govuk-tag--green">Suggested<\/strong>/);
    expect(cluster.body).not.toMatch(/Adds to the score|duplication index|>Weight</);
  });

  it('never suggests closing a statutory partnership or merging away one with separate legal status', async () => {
    const { analysis, records } = await ctx.services.overlap.analyse(reader.principal, DEMO_LOCALITY_CODE);
    for (const candidate of analysis.candidates.filter((c) => c.recommended && !c.blocked)) {
      for (const id of candidate.partnershipIds) {
        const record = records.get(id);
        if (candidate.action === 'close') expect(record?.statutory).toBe(false);
        if (candidate.action === 'merge') expect(record?.separateLegalStatus).toBe(false);
      }
    }
  });

  it('lists similar partnerships on a partnership page for readers, and keeps the analysis from the public', async () => {
    const townCentre = idOf.get('P-0053') ?? '';
    const page = await ctx.app.inject({
      method: 'GET',
      url: `/localities/${DEMO_LOCALITY_CODE}/partnerships/${townCentre}`,
      headers: reader.headers,
    });
    expect(page.body).toContain('Similar partnerships');
    expect(page.body).toContain('BID Steering Group');
    const api = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/localities/${DEMO_LOCALITY_CODE}/partnerships/${townCentre}/similar`,
      headers: reader.headers,
    });
    expect(api.json().map((m: { aId: string; bId: string }) => (m.aId === townCentre ? m.bId : m.aId))).toContain(
      idOf.get('P-0054'),
    );
    const publicPage = await ctx.app.inject({
      method: 'GET',
      url: `/localities/${DEMO_LOCALITY_CODE}/partnerships/${townCentre}`,
    });
    expect(publicPage.body).not.toContain('Similar partnerships');
    expect(
      (await ctx.app.inject({ method: 'GET', url: `/api/v1/localities/${DEMO_LOCALITY_CODE}/overlap` })).statusCode,
    ).toBe(401);
  });

  it('gives a regional adviser their region and a national gatekeeper every locality', async () => {
    await ctx.services.register.createLocality(SYSTEM, {
      gssCode: 'E07000901',
      name: 'Faraway',
      kind: 'district',
      region: 'South West',
    });
    const adviser = await ctx.person([{ role: 'go-adviser', region: 'East Midlands' }]);
    const gatekeeper = await ctx.person([{ role: 'national-gatekeeper' }]);
    const regional = await ctx.services.overlap.analyseWide(adviser.principal);
    expect(regional.localities.map((l) => l.gss_code)).toEqual([DEMO_LOCALITY_CODE]);
    const national = await ctx.services.overlap.analyseWide(gatekeeper.principal);
    expect(national.localities.map((l) => l.gss_code).sort()).toEqual(['E07000901', DEMO_LOCALITY_CODE].sort());
    expect(national.analysis.localityMetrics[regional.locality.id]?.partnershipsInClusters).toBeGreaterThan(0);
    const page = await ctx.app.inject({
      method: 'GET',
      url: '/overlap?region=East%20Midlands',
      headers: gatekeeper.headers,
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Overlap in East Midlands');
    expect(page.body).toContain('Brackenfield (demo)');
    expect(page.body).not.toContain('Faraway');
  });

  it('shows the last result at once after a change, and the fresh one once computed', async () => {
    const first = await ctx.services.overlap.analyse(reader.principal, DEMO_LOCALITY_CODE);
    await ctx.services.register.createOrganisation(SYSTEM, DEMO_LOCALITY_CODE, {
      name: 'Refresh Test Ltd',
      sector: 'private',
      orgType: 'business',
    });
    const stale = await ctx.services.overlap.analyse(reader.principal, DEMO_LOCALITY_CODE);
    expect(stale.refreshing).toBe(true);
    expect(stale.analysis.computedAt).toBe(first.analysis.computedAt);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const fresh = await ctx.services.overlap.analyse(reader.principal, DEMO_LOCALITY_CODE);
    expect(fresh.refreshing).toBe(false);
    expect(fresh.organisations.size).toBe(first.organisations.size + 1);
  });

  it('keeps its result when something other than the register changes, such as a role or a plan', async () => {
    const first = await ctx.services.overlap.analyse(reader.principal, DEMO_LOCALITY_CODE);
    expect(first.refreshing).toBe(false);
    await ctx.person([{ role: 'scrutiny-member', localityCode: DEMO_LOCALITY_CODE }]);
    const locality = await ctx.services.register.locality(DEMO_LOCALITY_CODE);
    await ctx.database.db.transaction().execute((trx) =>
      ctx.services.audit.record(trx, SYSTEM, {
        localityId: locality.id,
        action: 'create',
        entityType: 'plan',
        entityId: locality.id,
        summary: 'Added a plan',
      }),
    );
    const after = await ctx.services.overlap.analyse(reader.principal, DEMO_LOCALITY_CODE);
    expect(after.refreshing).toBe(false);
    expect(after.analysis.computedAt).toBe(first.analysis.computedAt);
  });
});
