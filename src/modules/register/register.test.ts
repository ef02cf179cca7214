import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../core/actor.js';
import { ConflictError, ValidationError } from '../../core/errors.js';
import { backends } from '../../../test/helpers/database.js';
import { type TestContext, createTestContext } from '../../../test/helpers/context.js';

const CODE = 'E07000001';

function fieldsOf(error: unknown): string[] {
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).errors.map((e) => e.field);
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to be refused');
}

describe.each(backends)('register service on %s', (backend) => {
  let ctx: TestContext;
  let council: string;
  let police: string;

  beforeAll(async () => {
    ctx = await createTestContext(backend);
    const { register } = ctx.services;
    await register.createLocality(SYSTEM, {
      gssCode: CODE,
      name: 'Testshire District',
      kind: 'district',
      region: 'North West',
    });
    council = (
      await register.createOrganisation(SYSTEM, CODE, {
        name: 'Testshire District Council',
        sector: 'public',
        orgType: 'district-council',
        identifier: 'gb-lae-tst',
      })
    ).id;
    police = (
      await register.createOrganisation(SYSTEM, CODE, { name: 'Testshire Police', sector: 'public', orgType: 'police' })
    ).id;
  });
  afterAll(() => ctx.close());

  const base = {
    purpose: 'Cut crime and disorder',
    basis: 'voluntary',
    legalForm: 'unincorporated',
    layer: 'executive' as const,
  };

  it('creates a partnership with the next reference, themes and areas, and records it in the history', async () => {
    const { register } = ctx.services;
    const created = await register.createPartnership(SYSTEM, CODE, {
      ...base,
      name: 'Safer Testshire',
      themes: ['community-safety'],
      areas: ['e05000001'],
      leadOrganisationId: council,
    });
    expect(created.reference).toMatch(/^P-\d{4}$/);
    const detail = await register.getPartnership(SYSTEM, CODE, created.id);
    expect(detail.partnership.themes).toEqual(['community-safety']);
    expect(detail.partnership.areas).toEqual(['E05000001']);
    expect(detail.leadOrganisation?.name).toBe('Testshire District Council');
    const history = await register.history(SYSTEM, CODE, { partnershipId: created.id });
    expect(history.events.map((e) => e.summary)).toEqual(['Created partnership Safer Testshire']);
  });

  it('stores an organisation identifier in upper case and refuses a duplicate name or identifier', async () => {
    const { register } = ctx.services;
    const detail = await register.getOrganisation(SYSTEM, CODE, council);
    expect(detail.organisation.identifier).toBe('GB-LAE-TST');
    const error = await rejection(
      register.createOrganisation(SYSTEM, CODE, {
        name: 'testshire district council',
        sector: 'public',
        orgType: 'district-council',
        identifier: 'GB-LAE-TST',
      }),
    );
    expect(fieldsOf(error)).toEqual(['name']);
  });

  it('names every broken rule at once', async () => {
    const error = await rejection(
      ctx.services.register.createPartnership(SYSTEM, CODE, {
        ...base,
        name: 'Bad',
        basis: 'funding',
        themes: ['not-a-theme'],
        legalForm: 'nope',
        statutoryType: 'community-safety-partnership',
      }),
    );
    expect(fieldsOf(error).sort()).toEqual(['basisDetail', 'legalForm', 'statutoryType', 'themes']);
  });

  it('requires the statutory type of a statutory partnership', async () => {
    const error = await rejection(
      ctx.services.register.createPartnership(SYSTEM, CODE, { ...base, name: 'CSP', basis: 'statutory' }),
    );
    expect(fieldsOf(error)).toEqual(['statutoryType']);
  });

  it('refuses a nesting cycle', async () => {
    const { register } = ctx.services;
    const top = await register.createPartnership(SYSTEM, CODE, { ...base, name: 'Top board', layer: 'strategic' });
    const middle = await register.createPartnership(SYSTEM, CODE, { ...base, name: 'Middle group', parentId: top.id });
    const bottom = await register.createPartnership(SYSTEM, CODE, {
      ...base,
      name: 'Bottom group',
      parentId: middle.id,
    });
    const current = await register.getPartnership(SYSTEM, CODE, top.id);
    const error = await rejection(
      register.updatePartnership(SYSTEM, CODE, top.id, {
        ...base,
        name: 'Top board',
        layer: 'strategic',
        parentId: bottom.id,
        version: current.partnership.version,
      }),
    );
    expect(fieldsOf(error)).toEqual(['parentId']);
  });

  it('refuses an edit based on a stale version and keeps the first writer’s change', async () => {
    const { register } = ctx.services;
    const p = await register.createPartnership(SYSTEM, CODE, { ...base, name: 'Versioned board' });
    await register.updatePartnership(SYSTEM, CODE, p.id, {
      ...base,
      name: 'Versioned board (renamed)',
      version: p.version,
    });
    const error = await rejection(
      register.updatePartnership(SYSTEM, CODE, p.id, { ...base, name: 'Second writer', version: p.version }),
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect((await register.getPartnership(SYSTEM, CODE, p.id)).partnership.name).toBe('Versioned board (renamed)');
  });

  it('records what changed, before and after', async () => {
    const { register } = ctx.services;
    const p = await register.createPartnership(SYSTEM, CODE, { ...base, name: 'Audited board', meetingsPerYear: 4 });
    await register.updatePartnership(SYSTEM, CODE, p.id, {
      ...base,
      name: 'Audited board',
      meetingsPerYear: 6,
      version: p.version,
    });
    const [latest] = (await register.history(SYSTEM, CODE, { partnershipId: p.id })).events;
    expect(latest?.summary).toBe('Changed meetings a year');
    expect(latest?.before).toEqual({ meetings_per_year: 4 });
    expect(latest?.after).toEqual({ meetings_per_year: 6 });
  });

  it('adds members, allows one chair, and counts seats and meeting hours per organisation', async () => {
    const { register } = ctx.services;
    const p = await register.createPartnership(SYSTEM, CODE, {
      ...base,
      name: 'Hours board',
      meetingsPerYear: 6,
      meetingMinutes: 120,
    });
    const before = await register.getOrganisation(SYSTEM, CODE, police);
    await register.addMembership(SYSTEM, CODE, p.id, {
      organisationId: council,
      role: 'chair',
      representative: 'Leader',
    });
    await register.addMembership(SYSTEM, CODE, p.id, {
      organisationId: police,
      role: 'member',
      representative: 'Chief Inspector',
    });
    const error = await rejection(
      register.addMembership(SYSTEM, CODE, p.id, {
        organisationId: police,
        role: 'chair',
        representative: 'Superintendent',
      }),
    );
    expect(fieldsOf(error)).toEqual(['role']);
    const duplicate = await rejection(
      register.addMembership(SYSTEM, CODE, p.id, {
        organisationId: police,
        role: 'observer',
        representative: 'chief inspector',
      }),
    );
    expect(fieldsOf(duplicate)).toEqual(['organisationId']);
    const after = await register.getOrganisation(SYSTEM, CODE, police);
    expect(after.seats - before.seats).toBe(1);
    expect(after.meetingHours - before.meetingHours).toBe(12);
    const detail = await register.getPartnership(SYSTEM, CODE, p.id);
    expect(detail.yearlyMeetingHours).toBe(24);
  });

  it('closing a partnership keeps the record, ends its seats and refuses while sub-partnerships are open', async () => {
    const { register } = ctx.services;
    const parent = await register.createPartnership(SYSTEM, CODE, { ...base, name: 'Closing parent' });
    const child = await register.createPartnership(SYSTEM, CODE, {
      ...base,
      name: 'Closing child',
      parentId: parent.id,
    });
    await register.addMembership(SYSTEM, CODE, child.id, {
      organisationId: council,
      role: 'member',
      startedOn: '2020-01-01',
    });
    const refused = await rejection(
      register.closePartnership(SYSTEM, CODE, parent.id, { closedOn: '2025-03-31', reason: 'Merged' }),
    );
    expect(fieldsOf(refused)).toEqual(['closedOn']);
    await register.closePartnership(SYSTEM, CODE, child.id, { closedOn: '2025-03-31', reason: 'No longer needed' });
    const closed = await register.getPartnership(SYSTEM, CODE, child.id);
    expect(closed.partnership.status).toBe('closed');
    expect(closed.partnership.close_reason).toBe('No longer needed');
    expect(closed.members.map((m) => m.ended_on)).toEqual(['2025-03-31']);
    const listed = await register.listPartnerships(SYSTEM, CODE, { status: 'closed', q: 'Closing child' });
    expect(listed.items.map((p) => p.name)).toEqual(['Closing child']);
  });

  it('filters, searches, sorts and pages the register', async () => {
    const { register } = ctx.services;
    for (const n of [1, 2, 3]) {
      await register.createPartnership(SYSTEM, CODE, {
        ...base,
        name: `Paging group ${n}`,
        purpose: 'Allotments and green spaces',
        layer: 'operational',
        themes: ['environment'],
        meetingsPerYear: n,
      });
    }
    const page1 = await register.listPartnerships(SYSTEM, CODE, {
      q: 'allotments',
      theme: 'environment',
      sort: 'meetings',
      order: 'desc',
      pageSize: '2',
    });
    expect(page1.total).toBe(3);
    expect(page1.pages).toBe(2);
    expect(page1.items.map((p) => p.name)).toEqual(['Paging group 3', 'Paging group 2']);
    const page2 = await register.listPartnerships(SYSTEM, CODE, {
      q: 'allotments',
      sort: 'meetings',
      order: 'desc',
      pageSize: '2',
      page: '2',
    });
    expect(page2.items.map((p) => p.name)).toEqual(['Paging group 1']);
    const byOrg = await register.listPartnerships(SYSTEM, CODE, { organisation: council, q: 'Hours' });
    expect(byOrg.items.map((p) => p.name)).toEqual(['Hours board']);
    const byArea = await register.listPartnerships(SYSTEM, CODE, { area: 'e05000001' });
    expect(byArea.items.map((p) => p.name)).toEqual(['Safer Testshire']);
    const wildcard = await register.listPartnerships(SYSTEM, CODE, { q: '%' });
    expect(wildcard.total).toBe(0);
  });

  it('keeps each locality’s register to itself', async () => {
    const { register } = ctx.services;
    await register.createLocality(SYSTEM, {
      gssCode: 'E07000002',
      name: 'Otherton',
      kind: 'district',
      region: 'North West',
    });
    const ours = await register.createPartnership(SYSTEM, CODE, { ...base, name: 'Ours only' });
    await expect(register.getPartnership(SYSTEM, 'E07000002', ours.id)).rejects.toThrow('Partnership not found');
    const error = await rejection(
      register.addMembership(SYSTEM, 'E07000002', ours.id, { organisationId: council, role: 'member' }),
    );
    expect((error as Error).message).toBe('Partnership not found');
    expect((await register.listPartnerships(SYSTEM, 'E07000002', {})).total).toBe(0);
  });
});
