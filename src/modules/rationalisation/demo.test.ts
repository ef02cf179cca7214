import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../core/actor.js';
import { backends } from '../../../test/helpers/database.js';
import { type TestContext, createDemoTestContext } from '../../../test/helpers/context.js';
import { DEMO_LOCALITY_CODE } from '../demo/seed.js';
import type { GatekeeperService } from '../gatekeeper/service.js';
import { RationalisationService } from './service.js';

const CODE = DEMO_LOCALITY_CODE;

describe.each(backends)('the demo’s rationalisation on %s', (backend) => {
  let ctx: TestContext;
  const idOf = async (reference: string) => {
    const locality = await ctx.services.register.locality(CODE);
    return (await ctx.services.register.partnerships.idByReference(
      ctx.services.exchange.db,
      locality.id,
      reference,
    )) as string;
  };

  beforeAll(async () => {
    ctx = await createDemoTestContext(backend);
  });
  afterAll(() => ctx.close());

  it('has a plan carried out in the past and one waiting for agreement, with the Government Office’s comment', async () => {
    const { plans } = await ctx.services.rationalisation.listPlans(SYSTEM, CODE);
    expect(plans.map((p) => [p.reference, p.status])).toEqual([
      ['RP-002', 'open'],
      ['RP-001', 'carried-out'],
    ]);
    expect(plans[0]?.agreement).toEqual({ agreed: 1, objected: 0, of: 2 });
    const open = await ctx.services.rationalisation.getPlan(SYSTEM, CODE, plans[0]?.id as string);
    expect(open.comments[0]?.author_role).toBe('Government Office adviser');
    expect(open.readiness.reasons.join(' ')).toMatch(
      /Still waiting for the agreement of Brackenfield BID Steering Group/,
    );
  });

  it('shows the forums nested under the LSP since October 2025, and on their own before', async () => {
    const [faith, lsp] = [await idOf('P-0101'), await idOf('P-0001')];
    const lineage = await ctx.services.rationalisation.lineage(SYSTEM, CODE, faith);
    expect(lineage.successors).toMatchObject([
      { how: 'Nested under', id: lsp, planReference: 'RP-001', on: '2025-10-01' },
    ]);
    const before = await ctx.services.register.registerAsAt(SYSTEM, CODE, '2025-09-30', { pageSize: 500 });
    const after = await ctx.services.register.registerAsAt(SYSTEM, CODE, '2025-10-01', { pageSize: 500 });
    expect(before.items.find((p) => p.id === faith)?.parent_id).toBeNull();
    expect(after.items.find((p) => p.id === faith)).toMatchObject({ parent_id: lsp, meetings_per_year: 4 });
    const savings = await ctx.services.rationalisation.savings(SYSTEM, CODE);
    expect(savings.realised[0]?.realisedPence).toBeGreaterThan(0);
  });

  it('traces a partnership made from an approved proposal back to that proposal', async () => {
    const lsp = await idOf('P-0001');
    const proposal = {
      id: '00000000-0000-4000-8000-000000000001',
      reference: 'GP-0007',
      title: 'A partnership for the town',
      decidedOn: '2001-08-01',
    };
    const gatekeeper = {
      proposalForPartnership: async (id: string) => (id === lsp ? proposal : undefined),
    } as unknown as GatekeeperService;
    const service = new RationalisationService({ ...ctx.services, db: ctx.services.exchange.db, gatekeeper });
    const lineage = await service.lineage(SYSTEM, CODE, lsp);
    expect(lineage.chain[0]?.origin).toMatchObject({
      kind: 'proposal',
      text: 'Approved proposal GP-0007, “A partnership for the town”',
      href: `/localities/${CODE}/proposals/${proposal.id}`,
      on: '2001-08-01',
    });
  });
});
