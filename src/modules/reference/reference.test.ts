import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC, SYSTEM } from '../../core/actor.js';
import { ForbiddenError, UnauthenticatedError } from '../../core/errors.js';
import { backends } from '../../../test/helpers/database.js';
import { type TestContext, createTestContext } from '../../../test/helpers/context.js';

describe.each(backends)('reference lists on %s', (backend) => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await createTestContext(backend);
    await ctx.services.register.createLocality(SYSTEM, {
      gssCode: 'E07000041',
      name: 'Listford',
      kind: 'district',
      region: 'London',
    });
  });
  afterAll(() => ctx.close());

  it('lets only a system administrator add or change entries, whoever calls the service', async () => {
    const admin = await ctx.person([{ role: 'locality-admin', localityCode: 'E07000041' }]);
    const sysadmin = await ctx.person([{ role: 'system-admin' }]);
    const { reference } = ctx.services;
    await expect(
      reference.add(admin.principal, 'theme', { code: 'allotments', label: 'Allotments' }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(reference.update(admin.principal, 'theme', 'housing', { label: 'Homes' })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    const added = await reference.add(sysadmin.principal, 'theme', { code: 'allotments', label: 'Allotments' });
    expect(added.label).toBe('Allotments');
    await expect(reference.update(PUBLIC, 'theme', 'allotments', { label: 'x' })).rejects.toBeInstanceOf(
      UnauthenticatedError,
    );
  });

  it('keeps a retired entry on the records that use it but stops it being chosen', async () => {
    const sysadmin = await ctx.person([{ role: 'system-admin' }]);
    const { reference, register } = ctx.services;
    await reference.update(sysadmin.principal, 'theme', 'transport', { label: 'Transport', active: false });
    const snapshot = await reference.snapshot();
    expect(snapshot.has('theme', 'transport')).toBe(false);
    expect(snapshot.label('theme', 'transport')).toBe('Transport');
    await expect(
      register.createPartnership(SYSTEM, 'E07000041', {
        name: 'Bus forum',
        purpose: 'Buses',
        basis: 'voluntary',
        legalForm: 'unincorporated',
        layer: 'operational',
        themes: ['transport'],
      }),
    ).rejects.toThrow('Unknown theme: transport');
  });
});
