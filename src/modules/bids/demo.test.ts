import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../core/actor.js';
import { backends } from '../../../test/helpers/database.js';
import { type TestContext, createTestContext } from '../../../test/helpers/context.js';
import { seedDemo } from './demo.js';

const CODE = 'E07000043';

describe.each(backends)('the demo BID on %s', (backend) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(backend);
  }, 120_000);
  afterAll(() => ctx?.close());

  it('is a declared Brackenfield town centre ballot with spoilt, replaced and late papers', async () => {
    const { register, bids } = ctx.services;
    const locality = await register.createLocality(SYSTEM, {
      gssCode: CODE,
      name: 'Demoford',
      kind: 'district',
      region: 'East Midlands',
    });
    await register.createPartnership(SYSTEM, CODE, {
      name: 'Brackenfield BID Steering Group',
      purpose: 'Steers the BID',
      basis: 'voluntary',
      legalForm: 'company-limited-by-guarantee',
      layer: 'operational',
    });
    await ctx.database.db.transaction().execute((trx) => seedDemo(ctx.services, locality, trx, '2026-06-01'));
    const [bid] = (await bids.overview(SYSTEM, CODE)).bids;
    expect(bid?.status).toBe('declared');
    const view = await bids.declaration({ ...SYSTEM, kind: 'public', canWrite: false, grants: [] }, CODE, bid!.id);
    expect(view.declaration?.passed).toBe(true);
    expect(view.declaration?.tally.lateCount).toBe(1);
    expect(view.declaration?.tally.spoiltCount).toBeGreaterThan(0);
    expect(view.bid.ballot_on).toBe('2026-04-02');
    expect(view.paperCounts.replaced).toBe(1);
    const levy = await bids.levyCsv(SYSTEM, CODE, bid!.id, 1);
    expect(levy.lines).toBe(view.declaration?.tally.eligibleCount);
  }, 120_000);
});
