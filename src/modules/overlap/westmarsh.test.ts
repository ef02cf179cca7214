/**
 * Overlap quality on a register written outside the project (../shared/benchmarks/westmarsh):
 * imported through the product's import with its mapping, analysed by the overlap service, scored
 * against the register's known answers. `npm run bench:quality` prints the same figures in full.
 *
 * The bars are where the engine stands, measured (README "Quality"), so that a change which makes
 * it worse fails here: F1 of "likely the same work" at least 0.85 (the plain word-overlap baseline
 * scores 0.22), no hard negative flagged, a group-mate in the pre-check's top three for nine
 * proposals in ten. The goal in the product's plans is F1 0.9.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/context.js';
import {
  importRegister,
  registerQuality,
  registerTruth,
  type RegisterQuality,
} from '../../../test/helpers/register-quality.js';
import { pairsOfGroups, type Truth } from './quality.js';

const REGISTER = path.resolve('../shared/benchmarks/westmarsh');
const MAPPING = path.resolve('bench/mappings/westmarsh.json');
const CODE = 'E07990001';

describe.skipIf(!fs.existsSync(path.join(REGISTER, 'truth.json')))(
  'overlap quality on the Westmarsh register, written outside the project',
  () => {
    let ctx: TestContext;
    let truth: Truth;
    let quality: RegisterQuality;

    beforeAll(async () => {
      ctx = await createTestContext('pglite');
      truth = registerTruth(REGISTER);
      await importRegister(ctx, REGISTER, CODE, MAPPING);
      quality = await registerQuality(ctx, CODE, truth);
    }, 120_000);
    afterAll(() => ctx.close());

    it('finds its duplicates well beyond plain word overlap, and flags none of its look-alikes', () => {
      expect(quality.likely.truePairs).toBe(pairsOfGroups(truth.groups).size);
      expect(quality.likely.f1).toBeGreaterThanOrEqual(0.85);
      expect(quality.likely.hardNegativesFlagged).toBe(0);
    });

    it('names a group-mate among the top three for a proposal worded like an existing partnership', () => {
      expect(quality.proposals).toBeGreaterThan(30);
      expect(quality.precheckTop3).toBeGreaterThanOrEqual(0.9);
    });
  },
);
