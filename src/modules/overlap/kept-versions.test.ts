import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'kysely';
import { SYSTEM } from '../../core/actor.js';
import type { Locality } from '../../db/tables.js';
import { backends } from '../../../test/helpers/database.js';
import { type TestContext, createTestContext } from '../../../test/helpers/context.js';
import { nextChange as nextChangeOf, untilListening } from '../../../test/helpers/changes.js';
import { OverlapRepository } from './repository.js';
import { draftProposal } from './test-records.js';

const CODE = 'E07000023';

/**
 * The gatekeeper's pre-check and the overlap pages ask for each locality's version (its register,
 * its officers' judgements, its settings and the thesaurus's edition) on every call. Those are
 * kept until the database announces a change (db/changes.ts), so a check across the country asks
 * the database nothing while nothing changes, and a change made anywhere shows at once.
 */
describe.each(backends)('the overlap versions kept until the database announces a change, on %s', (backend) => {
  let ctx: TestContext;
  let locality: Locality;

  const proposal = () =>
    draftProposal(locality.id, 'Flood Wardens Network', 'Volunteer wardens and sandbags when the river rises');
  const nextChange = () => nextChangeOf(ctx.database.changes);
  /** Listening starts with the first version kept. */
  const waitUntilListening = async () => {
    await ctx.services.overlap.checkProposal(locality, proposal());
    await untilListening(ctx.database.changes);
  };

  beforeAll(async () => {
    ctx = await createTestContext(backend);
    const { register } = ctx.services;
    locality = await register.createLocality(SYSTEM, {
      gssCode: CODE,
      name: 'Keptshire',
      kind: 'district',
      region: 'South West',
    });
    for (const [name, purpose] of [
      ['Riverside Flood Forum', 'Flood wardens and sandbags for the riverside villages'],
      ['Libraries Group', 'Opening hours and book stock'],
      ['Worklessness Board', 'Benefit claimants back into work'],
    ])
      await register.createPartnership(SYSTEM, CODE, {
        name,
        purpose,
        basis: 'voluntary',
        legalForm: 'unincorporated',
        layer: 'executive',
      });
  }, 120_000);
  afterAll(() => ctx.close());

  it('asks the database for no version while nothing changes', async () => {
    await waitUntilListening();
    await ctx.services.overlap.checkProposal(locality, proposal());
    const stamps = vi.spyOn(OverlapRepository.prototype, 'localityStamps');
    const judgements = vi.spyOn(OverlapRepository.prototype, 'judgements');
    try {
      for (let i = 0; i < 3; i++) {
        const check = await ctx.services.overlap.checkProposal(locality, proposal());
        expect(check.local[0]?.name).toBe('Riverside Flood Forum');
      }
      expect(stamps).not.toHaveBeenCalled();
      expect(judgements).not.toHaveBeenCalled();
    } finally {
      stamps.mockRestore();
      judgements.mockRestore();
    }
  });

  it('uses sensitivity settings written outside the services in the next check', async () => {
    await waitUntilListening();
    const before = await ctx.services.overlap.checkProposal(locality, proposal());
    expect(before.local.map((m) => m.name)).toContain('Riverside Flood Forum');
    expect(before.local[0]?.score).toBeLessThan(0.98);
    const heard = nextChange();
    // What a script or a second process does: nothing is worth a look below 0.98 any more.
    await sql`insert into overlap_settings (locality_id, likely, look, updated_by_name)
      values (${locality.id}, 0.99, 0.98, 'a script')`.execute(ctx.database.db);
    await heard;
    const after = await ctx.services.overlap.checkProposal(locality, proposal());
    expect(after.local).toEqual([]);
    await sql`delete from overlap_settings where locality_id = ${locality.id}`.execute(ctx.database.db);
  });

  it('uses a judgement written outside the services in the next page of judgements and analysis', async () => {
    await waitUntilListening();
    const { items } = await ctx.services.register.listPartnerships(SYSTEM, CODE, { pageSize: 10 });
    const [a, b] = items.map((p) => p.id).sort();
    await ctx.services.overlap.checkProposal(locality, proposal());
    const heard = nextChange();
    await sql`insert into overlap_judgements (locality_id, partnership_a, partnership_b, verdict, reason,
        score_at_judgement, judged_by_name)
      values (${locality.id}, ${a}, ${b}, 'different', 'Judged by a script', 0.5, 'a script')`.execute(ctx.database.db);
    await heard;
    const stamps = vi.spyOn(OverlapRepository.prototype, 'localityStamps');
    try {
      await ctx.services.overlap.checkProposal(locality, proposal());
      // The judgement changed the locality's version: it was asked again. (On PostgreSQL the
      // change may be heard more than once, on the pool's connections and the listener's.)
      expect(stamps).toHaveBeenCalled();
    } finally {
      stamps.mockRestore();
    }
    const { judgements } = await ctx.services.overlap.judgements(SYSTEM, CODE);
    expect(judgements.map((j) => j.reason)).toContain('Judged by a script');
  });

  it('reads the locality afresh every time when asked to read from the database itself, not a transaction', async () => {
    const read = vi.spyOn(OverlapRepository.prototype, 'features');
    try {
      for (let i = 0; i < 2; i++)
        await ctx.services.overlap.checkProposal(locality, proposal(), { trx: ctx.database.db });
      expect(read).toHaveBeenCalledTimes(2);
    } finally {
      read.mockRestore();
    }
  });

  it('reads the locality once for many checks in one transaction, and again once the transaction changes it', async () => {
    const read = vi.spyOn(OverlapRepository.prototype, 'features');
    try {
      await ctx.database.db.transaction().execute(async (trx) => {
        const wardens = draftProposal(locality.id, 'Harbour Wardens Rota', 'Harbour wall wardens and tide boards');
        for (let i = 0; i < 3; i++) {
          const check = await ctx.services.overlap.checkProposal(locality, wardens, { trx });
          expect(check.local.map((m) => m.name)).not.toContain('Harbour Wall Wardens');
        }
        expect(read).toHaveBeenCalledTimes(1);
        await ctx.services.register.createPartnership(
          SYSTEM,
          CODE,
          {
            name: 'Harbour Wall Wardens',
            purpose: 'Wardens for the harbour wall and its tide boards',
            basis: 'voluntary',
            legalForm: 'unincorporated',
            layer: 'operational',
          },
          { trx },
        );
        const check = await ctx.services.overlap.checkProposal(locality, wardens, { trx });
        expect(check.local[0]?.name).toBe('Harbour Wall Wardens');
        expect(read).toHaveBeenCalledTimes(2);
        throw new RolledBack();
      });
    } catch (error) {
      if (!(error instanceof RolledBack)) throw error;
    } finally {
      read.mockRestore();
    }
  });
});

/** Thrown to roll a test's transaction back. */
class RolledBack extends Error {}
