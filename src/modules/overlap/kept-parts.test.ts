/**
 * A national analysis is the union of its localities' parts. After a change to one partnership
 * only its locality is read and scored again, and the result is what a full pass gives. The
 * parts are kept in the database, so a restarted process, or a second one on the same database,
 * uses them instead of scoring the country again.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM, cliActor } from '../../core/actor.js';
import { loadConfig } from '../../config.js';
import { backends } from '../../../test/helpers/database.js';
import { createTestContext, type TestContext } from '../../../test/helpers/context.js';
import { createServices } from '../../services.js';
import { NationalService } from '../national/service.js';
import type { LocalityAnalysis } from './service.js';
import { draftProposal } from './test-records.js';

/** What a user sees of an analysis: each flagged pair with its score and tier, and the groups. */
function seen(result: LocalityAnalysis) {
  return {
    pairs: result.analysis.pairs.map((p) => `${p.aId} ${p.bId} ${p.score.toFixed(9)} ${p.tier}`),
    clusters: result.analysis.clusters.map((c) => `${c.id} ${c.keeperId} ${c.partnershipIds.join(',')}`),
    metrics: result.analysis.metrics,
  };
}

describe.each(backends)('the national overlap analysis, kept by locality, on %s', (backend) => {
  let ctx: TestContext;
  let localityCode: string;

  beforeAll(async () => {
    ctx = await createTestContext(backend);
    const national = new NationalService(ctx.database.db, ctx.services.audit, ctx.services.reference);
    await national.generate(cliActor('generate'), {
      partnerships: 900,
      organisations: 360,
      localities: 6,
      seed: 5,
      commandLine: 'joinedup generate --partnerships 900',
    });
    const first = await ctx.database.db
      .selectFrom('localities')
      .select('gss_code')
      .orderBy('gss_code')
      .executeTakeFirstOrThrow();
    localityCode = first.gss_code;
  }, 300_000);
  afterAll(() => ctx.close());

  /** The national scope, waiting out "still computing" and "refreshing". */
  async function national(services = ctx.services): Promise<LocalityAnalysis> {
    for (;;) {
      try {
        const result = await services.overlap.analyseWide(SYSTEM);
        if (!result.refreshing) return result;
      } catch (error) {
        if ((error as Error).name !== 'StillComputingError') throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  it('re-scores only the locality of a changed partnership, and matches a full pass', async () => {
    const before = await national();
    expect(before.localities).toHaveLength(6);
    expect(before.analysis.pairs.length).toBeGreaterThan(0);

    // A new partnership doing the same work as one already there.
    const listed = (await ctx.services.register.listPartnerships(SYSTEM, localityCode, { pageSize: 5 })).items[0]!;
    const existing = (await ctx.services.register.getPartnership(SYSTEM, localityCode, listed.id)).partnership;
    const copy = await ctx.services.register.createPartnership(SYSTEM, localityCode, {
      name: `${existing.name} Forum`,
      purpose: existing.purpose,
      basis: 'voluntary',
      legalForm: 'unincorporated',
      layer: 'operational',
    });
    const after = await national();
    expect(after.analysis.stats.localitiesScored).toBe(1);
    expect(after.analysis.stats.localitiesReused).toBe(5);
    expect(after.analysis.pairs.some((p) => p.aId === copy.id || p.bId === copy.id)).toBe(true);

    // A process that has kept nothing, with nothing in the database: every locality scored.
    await ctx.database.db.deleteFrom('overlap_parts').execute();
    const full = await national(createServices(ctx.database, loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' })));
    expect(full.analysis.stats.localitiesScored).toBe(6);
    expect(seen(after)).toEqual(seen(full));
  }, 120_000);

  it('checks a proposal against the locality as it is now, with its kept index', async () => {
    const locality = await ctx.services.register.locality(localityCode);
    const proposal = (name: string, purpose: string) => draftProposal(locality.id, name, purpose);
    const purpose = 'Free bicycle repair cafes and cycle maintenance lessons in every library';
    const before = await ctx.services.overlap.checkProposal(locality, proposal('Pedal Fixers', purpose), {
      national: false,
    });
    expect(before.local.map((m) => m.name)).not.toContain('Bike Repair Cafe Network');
    await ctx.services.register.createPartnership(SYSTEM, localityCode, {
      name: 'Bike Repair Cafe Network',
      purpose,
      basis: 'voluntary',
      legalForm: 'unincorporated',
      layer: 'operational',
    });
    const after = await ctx.services.overlap.checkProposal(locality, proposal('Pedal Fixers', purpose), {
      national: false,
    });
    expect(after.local[0]?.name).toBe('Bike Repair Cafe Network');
  }, 60_000);

  it('lets a restarted or second process use the kept parts instead of scoring again', async () => {
    const first = await national();
    const second = createServices(ctx.database, loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }));
    const shared = await national(second);
    expect(shared.analysis.stats.localitiesScored).toBe(0);
    expect(shared.analysis.stats.localitiesReused).toBe(6);
    expect(seen(shared)).toEqual(seen(first));
    // A pair's explanation still works where the part came from the database.
    const pair = shared.analysis.pairs[0]!;
    expect(shared.analysis.explain(pair.aId, pair.bId)?.score).toBeCloseTo(pair.score, 9);

    // Parts computed by other code (an earlier release of the engine or thesaurus) are not used.
    await ctx.database.db
      .updateTable('overlap_parts')
      .set((eb) => ({ version: sql<string>`${eb.ref('version')} || '-older'` }))
      .execute();
    const upgraded = await national(
      createServices(ctx.database, loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' })),
    );
    expect(upgraded.analysis.stats.localitiesScored).toBe(6);

    // A judgement in one locality makes only that locality's kept part stale, in either process.
    const locality = await ctx.services.register.locality(localityCode);
    const inLocality = shared.analysis.pairs.find((p) => shared.records.get(p.aId)?.localityId === locality.id)!;
    await second.overlap.judge(SYSTEM, localityCode, inLocality.aId, inLocality.bId, {
      verdict: 'different',
      reason: 'Different people',
    });
    const judged = await national();
    expect(judged.analysis.stats.localitiesScored).toBe(1);
    expect(judged.analysis.pairs.some((p) => p.aId === inLocality.aId && p.bId === inLocality.bId)).toBe(false);
  }, 120_000);
});
