import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC, SYSTEM } from '../../core/actor.js';
import { NotFoundError } from '../../core/errors.js';
import { backends } from '../../../test/helpers/database.js';
import { type TestContext, createTestContext } from '../../../test/helpers/context.js';
import { untilListening } from '../../../test/helpers/changes.js';

const CODE = 'E07000171';

/**
 * A partnership's page keeps what it reads of the register until the register changes
 * (RegisterService.getPartnership): every change made through the product shows on the next
 * view, and what one viewer may see is still worked out for each viewer.
 */
describe.each(backends)('a partnership page kept until the register changes, on %s', (backend) => {
  let ctx: TestContext;
  let partnershipId: string;
  let proposedId: string;

  const organisation = (name: string) =>
    ctx.services.register.createOrganisation(SYSTEM, CODE, { name, sector: 'voluntary', orgType: 'charity' });
  const page = () => ctx.services.register.getPartnership(SYSTEM, CODE, partnershipId);

  beforeAll(async () => {
    ctx = await createTestContext(backend);
    const { register } = ctx.services;
    await register.createLocality(SYSTEM, {
      gssCode: CODE,
      name: 'Pageton',
      kind: 'district',
      region: 'East Midlands',
    });
    const board = {
      purpose: 'Support for unpaid carers',
      basis: 'voluntary',
      legalForm: 'unincorporated',
      layer: 'operational',
    };
    partnershipId = (await register.createPartnership(SYSTEM, CODE, { name: 'Pageton Carers Forum', ...board })).id;
    proposedId = (
      await register.createPartnership(SYSTEM, CODE, {
        name: 'Pageton Young Carers Group',
        status: 'proposed',
        parentId: partnershipId,
        ...board,
      })
    ).id;
    const carers = await organisation('Pageton Carers Centre');
    await register.addMemberships(SYSTEM, CODE, partnershipId, [{ organisationId: carers.id, role: 'chair' }]);
  }, 120_000);
  afterAll(() => ctx.close());

  it('shows a seat added and an organisation renamed since the page was last read', async () => {
    // Kept once the process hears the database's changes, which starts with the first look.
    await page();
    await untilListening(ctx.database.changes);
    expect((await page()).members.map((m) => m.organisation_name)).toEqual(['Pageton Carers Centre']);
    const advice = await organisation('Pageton Advice Service');
    await ctx.services.register.addMemberships(SYSTEM, CODE, partnershipId, [
      { organisationId: advice.id, role: 'member' },
    ]);
    expect((await page()).members.map((m) => m.organisation_name).sort()).toEqual([
      'Pageton Advice Service',
      'Pageton Carers Centre',
    ]);
    await ctx.services.register.updateOrganisation(SYSTEM, CODE, advice.id, {
      name: 'Pageton Citizens Advice',
      sector: 'voluntary',
      orgType: 'charity',
      version: advice.version,
    });
    expect((await page()).members.map((m) => m.organisation_name).sort()).toEqual([
      'Pageton Carers Centre',
      'Pageton Citizens Advice',
    ]);
  });

  it('still hides proposed records from the public after an officer’s view was kept', async () => {
    expect((await page()).children.map((c) => c.name)).toEqual(['Pageton Young Carers Group']);
    await ctx.services.register.getPartnership(SYSTEM, CODE, proposedId);
    const seenByPublic = await ctx.services.register.getPartnership(PUBLIC, CODE, partnershipId);
    expect(seenByPublic.children).toEqual([]);
    await expect(ctx.services.register.getPartnership(PUBLIC, CODE, proposedId)).rejects.toBeInstanceOf(NotFoundError);
    // The officer's view is unchanged by the public one.
    expect((await page()).children.map((c) => c.name)).toEqual(['Pageton Young Carers Group']);
  });
});
