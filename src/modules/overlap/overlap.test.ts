import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../core/actor.js';
import { backends } from '../../../test/helpers/database.js';
import { type Person, type TestContext, createDemoTestContext } from '../../../test/helpers/context.js';
import { DEMO_DUPLICATE_GROUPS, DEMO_LOCALITY_CODE } from '../demo/seed.js';

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

describe.each(backends)('overlap analysis of the demo locality on %s', (backend) => {
  let ctx: TestContext;
  let reader: Person;
  const idOf = new Map<string, string>();

  beforeAll(async () => {
    ctx = await createDemoTestContext(backend, { today: '2026-11-23' });
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

  it('shows a locality the fresh result after a change, and a wide scope the last result at once, then the fresh one', async () => {
    const gatekeeper = await ctx.person([{ role: 'national-gatekeeper' }]);
    const first = await ctx.services.overlap.analyse(reader.principal, DEMO_LOCALITY_CODE);
    const wideFirst = await ctx.services.overlap.analyseWide(gatekeeper.principal);
    await ctx.services.register.createOrganisation(SYSTEM, DEMO_LOCALITY_CODE, {
      name: 'Refresh Test Ltd',
      sector: 'private',
      orgType: 'business',
    });
    const wideStale = await ctx.services.overlap.analyseWide(gatekeeper.principal);
    expect(wideStale.refreshing).toBe(true);
    expect(wideStale.analysis.computedAt).toBe(wideFirst.analysis.computedAt);
    const fresh = await ctx.services.overlap.analyse(reader.principal, DEMO_LOCALITY_CODE);
    expect(fresh.refreshing).toBe(false);
    expect(fresh.organisations.size).toBe(first.organisations.size + 1);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await ctx.services.overlap.analyseWide(gatekeeper.principal)).refreshing).toBe(false);
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

  it('keeps an officer’s judgement through every later analysis, and takes it back on request', async () => {
    const admin = await ctx.person([{ role: 'locality-admin', localityCode: DEMO_LOCALITY_CODE }]);
    const { overlap } = ctx.services;
    const warmth = idOf.get('P-0072') ?? '';
    const fuel = idOf.get('P-0074') ?? '';
    const flagged = async () =>
      (await overlap.analyse(reader.principal, DEMO_LOCALITY_CODE)).analysis.pairs.some(
        (p) => pairKey(p.aId, p.bId) === pairKey(warmth, fuel),
      );
    expect(await flagged()).toBe(true);
    await expect(
      overlap.judge(reader.principal, DEMO_LOCALITY_CODE, warmth, fuel, { verdict: 'different', reason: 'x' }),
    ).rejects.toThrow(/permission/);
    await expect(
      overlap.judge(admin.principal, DEMO_LOCALITY_CODE, warmth, fuel, { verdict: 'different' }),
    ).rejects.toMatchObject({ errors: [{ field: 'reason', message: 'Say why they are not duplicates' }] });
    const saved = await overlap.judge(admin.principal, DEMO_LOCALITY_CODE, fuel, warmth, {
      verdict: 'different',
      reason: 'One grants insulation, the other lobbies on energy prices',
    });
    expect(await flagged()).toBe(false);
    // A register change makes a new analysis: the judgement still holds.
    await ctx.services.register.createOrganisation(SYSTEM, DEMO_LOCALITY_CODE, {
      name: 'Judgement Test Ltd',
      sector: 'private',
      orgType: 'business',
    });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const fresh = await overlap.analyse(reader.principal, DEMO_LOCALITY_CODE);
    expect(fresh.refreshing).toBe(false);
    expect(await flagged()).toBe(false);
    expect(fresh.analysis.dismissed).toBeGreaterThanOrEqual(1);
    const similar = await overlap.similarTo(reader.principal, DEMO_LOCALITY_CODE, warmth);
    expect(similar?.matches.some((m) => m.bId === fuel)).toBe(false);
    const audit = await ctx.database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('entity_type', '=', 'overlap-judgement')
      .execute();
    expect(audit.at(-1)?.summary).toMatch(/not to be duplicates: One grants insulation/);
    const exported = await ctx.app.inject({
      method: 'GET',
      url: `/localities/${DEMO_LOCALITY_CODE}/overlap/judgements?format=csv`,
      headers: reader.headers,
    });
    expect(exported.headers['content-type']).toMatch(/text\/csv/);
    expect(exported.body).toContain('not a duplicate,"One grants insulation, the other lobbies on energy prices"');
    await overlap.withdrawJudgement(admin.principal, DEMO_LOCALITY_CODE, warmth, fuel, saved.version);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await flagged()).toBe(true);
  });

  it('previews a change of sensitivity, and only the administrator saves it', async () => {
    const admin = await ctx.person([{ role: 'locality-admin', localityCode: DEMO_LOCALITY_CODE }]);
    const { overlap } = ctx.services;
    const preview = await overlap.previewSettings(admin.principal, DEMO_LOCALITY_CODE, { likely: 40, look: 30 });
    expect(preview.likelyThen).toBeGreaterThan(preview.likelyNow);
    expect(preview.newlyLikely.length).toBe(preview.likelyThen - preview.likelyNow);
    await expect(
      overlap.previewSettings(admin.principal, DEMO_LOCALITY_CODE, { likely: 40, look: 50 }),
    ).rejects.toMatchObject({
      errors: [{ field: 'look' }],
    });
    await expect(overlap.saveSettings(reader.principal, DEMO_LOCALITY_CODE, { likely: 40, look: 30 })).rejects.toThrow(
      /permission/,
    );
    const api = await ctx.app.inject({
      method: 'PUT',
      url: `/api/v1/localities/${DEMO_LOCALITY_CODE}/overlap/settings`,
      headers: admin.headers,
      payload: { likely: 'high', look: 30 },
    });
    expect(api.statusCode).toBe(422);
    expect(api.json().errors.map((e: { field: string }) => e.field)).toContain('likely');
    await overlap.saveSettings(admin.principal, DEMO_LOCALITY_CODE, { likely: 95, look: 90 });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const strict = await overlap.analyse(reader.principal, DEMO_LOCALITY_CODE);
    expect(strict.analysis.settings[strict.locality.id]).toEqual({ likely: 0.95, look: 0.9 });
    expect(strict.analysis.pairs.every((p) => p.score >= 0.9 || p.judgement === 'same')).toBe(true);
  });
});
