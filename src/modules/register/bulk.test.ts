import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../../test/helpers/database.js';
import { type TestContext, createTestContext } from '../../../test/helpers/context.js';
import { cliActor } from '../../core/actor.js';
import { NotFoundError, ValidationError } from '../../core/errors.js';
import type { Db } from '../../db/database.js';
import type { Locality } from '../../db/tables.js';
import type { RegisterBatch } from './bulk.js';
import type { RegisterService } from './service.js';

const actor = cliActor('test');
const GSS = 'E07000771';
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

class Rollback extends Error {}

type Outcome = 'written' | 'not found' | Array<{ field: string; message: string }>;

/**
 * A new record written in bulk (an import) must meet exactly the rules it would meet written
 * alone through the service: each case is tried both ways against the same register, and the
 * outcomes (written, or the same field errors) must agree.
 */
describe.each(backends)('the register batch keeps the service’s rules (%s)', (backend) => {
  let context: TestContext;
  let register: RegisterService;
  let locality: Locality;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    context = await createTestContext(backend);
    register = context.services.register;
    locality = await register.createLocality(actor, {
      gssCode: GSS,
      name: 'Batchford',
      kind: 'district',
      region: 'East Midlands',
    });
    const org = (input: object) =>
      register.createOrganisation(actor, GSS, { sector: 'public', orgType: 'district-council', ...input });
    ids.council = (await org({ name: 'Batchford Council', identifier: 'GB-LAE-BTC', localReference: 'BTC' })).id;
    ids.gone = (await org({ name: 'Gone Trust', orgType: 'charity', sector: 'voluntary' })).id;
    await register.closeOrganisation(actor, GSS, ids.gone, { closedOn: '2024-01-31', reason: 'Wound up' });
    const board = (input: object) =>
      register.createPartnership(actor, GSS, {
        purpose: 'Joint work',
        themes: ['housing'],
        basis: 'voluntary',
        legalForm: 'unincorporated',
        layer: 'operational',
        ...input,
      });
    ids.board = (await board({ reference: 'P-0001', name: 'Housing Board' })).id;
    ids.closedBoard = (await board({ reference: 'P-0002', name: 'Old Board' })).id;
    await register.closePartnership(actor, GSS, ids.closedBoard, { closedOn: '2024-02-01', reason: 'Done' });
    await register.addMembership(actor, GSS, ids.board, { organisationId: ids.council, role: 'chair' });
  });
  afterAll(async () => context?.close());

  async function outcome(work: (trx: Db) => Promise<unknown>): Promise<Outcome> {
    try {
      await context.database.db.transaction().execute(async (trx) => {
        await work(trx);
        throw new Rollback();
      });
    } catch (error) {
      if (error instanceof Rollback) return 'written';
      if (error instanceof ValidationError) return error.errors;
      if (error instanceof NotFoundError) return 'not found';
      throw error;
    }
    return 'written';
  }

  const inBatch = (work: (batch: RegisterBatch) => unknown) =>
    outcome(async (trx) => {
      const batch = await register.batch(actor, locality, trx);
      await work(batch);
      await batch.flush();
    });

  const organisations: Array<[string, Record<string, unknown>]> = [
    ['a new organisation', { name: 'Batchford CVS', sector: 'voluntary', orgType: 'charity' }],
    [
      'a name already used, in other letters',
      { name: 'batchford council', sector: 'public', orgType: 'district-council' },
    ],
    [
      'an identifier already used',
      { name: 'Other', sector: 'public', orgType: 'district-council', identifier: 'gb-lae-btc' },
    ],
    [
      'a local reference already used',
      { name: 'Other', sector: 'public', orgType: 'district-council', localReference: 'btc' },
    ],
    ['an unknown type', { name: 'Other', sector: 'public', orgType: 'guild' }],
    ['no name', { sector: 'public', orgType: 'charity' }],
  ];
  it.each(organisations)('organisations: %s', async (_, input) => {
    const alone = await outcome((trx) => register.createOrganisation(actor, GSS, input, { trx }));
    expect(await inBatch((batch) => batch.createOrganisation(input))).toEqual(alone);
  });

  const base = {
    name: 'New Board',
    purpose: 'Joint work',
    themes: ['housing'],
    basis: 'voluntary',
    legalForm: 'unincorporated',
    layer: 'operational',
  };
  const partnerships: Array<[string, Record<string, unknown>]> = [
    ['a new partnership under an open parent', { parentId: 'board' }],
    ['an unknown theme', { themes: ['housing', 'astrology'] }],
    ['a statutory partnership without its type', { basis: 'statutory' }],
    ['a statutory type on a voluntary one', { statutoryType: 'community-safety' }],
    ['a funded one without its fund', { basis: 'funding' }],
    ['a closed parent', { parentId: 'closedBoard' }],
    ['a parent from nowhere', { parentId: UNKNOWN_ID }],
    [
      'a lead organisation from nowhere, and the register’s own accountable body',
      { leadOrganisationId: UNKNOWN_ID, accountableBodyId: 'council' },
    ],
    ['a review date before it was established', { establishedOn: '2024-05-01', reviewDate: '2023-05-01' }],
    ['a reference already used', { reference: 'P-0001' }],
    ['a closed status', { status: 'closed' }],
  ];
  it.each(partnerships)('partnerships: %s', async (_, changes) => {
    const input = Object.fromEntries(
      Object.entries({ ...base, ...changes }).map(([k, v]) => [k, typeof v === 'string' && ids[v] ? ids[v] : v]),
    );
    const alone = await outcome((trx) => register.createPartnership(actor, GSS, input, { trx }));
    expect(await inBatch((batch) => batch.createPartnership(input))).toEqual(alone);
  });

  const seats: Array<[string, string, Record<string, unknown>]> = [
    [
      'a second seat for another representative',
      'board',
      { organisationId: 'council', role: 'member', representative: 'Deputy Leader' },
    ],
    ['a second chair', 'board', { organisationId: 'gone', role: 'chair', endedOn: undefined }],
    ['the same seat twice', 'board', { organisationId: 'council', role: 'member' }],
    ['a current seat for a closed organisation', 'board', { organisationId: 'gone', role: 'member' }],
    ['a seat on a closed partnership', 'closedBoard', { organisationId: 'council', role: 'member' }],
    [
      'an end before the start',
      'board',
      {
        organisationId: 'council',
        role: 'member',
        representative: 'X',
        startedOn: '2024-03-01',
        endedOn: '2024-01-01',
      },
    ],
    ['an organisation from nowhere', 'board', { organisationId: UNKNOWN_ID, role: 'member' }],
    ['a partnership from nowhere', UNKNOWN_ID, { organisationId: 'council', role: 'member' }],
  ];
  it.each(seats)('memberships: %s', async (_, partnership, fields) => {
    const partnershipId = ids[partnership] ?? partnership;
    const input = Object.fromEntries(
      Object.entries(fields).map(([k, v]) => [k, typeof v === 'string' && ids[v] ? ids[v] : v]),
    );
    const alone = await outcome((trx) => register.addMembership(actor, GSS, partnershipId, input, { trx }));
    expect(await inBatch((batch) => batch.addMembership(partnershipId, input))).toEqual(alone);
  });

  it('checks each new record against those added before it in the same batch', async () => {
    const result = await inBatch(async (batch) => {
      const org = batch.createOrganisation({ name: 'Newcomers Forum', sector: 'community', orgType: 'charity' });
      const board = batch.createPartnership({
        ...base,
        reference: 'P-0100',
        parentId: ids.board,
        leadOrganisationId: org.id,
      });
      await batch.addMembership(board.id, { organisationId: org.id, role: 'chair' });
      await batch.addMembership(board.id, { organisationId: ids.council, role: 'chair' });
    });
    expect(result).toEqual([
      { field: 'role', message: 'Newcomers Forum already holds the chair: end that membership or choose another role' },
    ]);
    expect(
      await inBatch((batch) =>
        [1, 2].map(() => batch.createOrganisation({ name: 'Twice', sector: 'public', orgType: 'charity' })),
      ),
    ).toEqual([{ field: 'name', message: 'An organisation called Twice is already in this register' }]);
  });

  it('writes what it was given, with the audit entries the service writes', async () => {
    const written = await context.database.db.transaction().execute(async (trx) => {
      const batch = await register.batch(actor, locality, trx);
      const org = batch.createOrganisation({ name: 'Batchford Food Bank', sector: 'voluntary', orgType: 'charity' });
      const board = batch.createPartnership({
        ...base,
        reference: 'P-0200',
        name: 'Food Board',
        themes: ['health-wellbeing', 'community-safety'],
      });
      await batch.addMembership(board.id, { organisationId: org.id, role: 'chair', representative: 'Sam Patel' });
      await batch.flush();
      return { org: org.id, board: board.id };
    });
    const detail = await register.getPartnership(actor, GSS, written.board);
    expect(detail.partnership.themes).toEqual(['community-safety', 'health-wellbeing']);
    expect(detail.members.map((m) => [m.organisation_name, m.role, m.representative])).toEqual([
      ['Batchford Food Bank', 'chair', 'Sam Patel'],
    ]);
    const history = await register.history(actor, GSS, { partnershipId: written.board });
    expect(history.events.map((e) => e.summary).sort()).toEqual([
      'Added Batchford Food Bank to Food Board as chair',
      'Created partnership Food Board',
    ]);
    const chain = await context.services.audit.verify(context.database.db);
    expect(chain.firstBreak).toBeUndefined();
    expect(chain.checked).toBeGreaterThan(5);
  });
});
