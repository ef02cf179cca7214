/**
 * The national analysis takes seconds; the server must keep answering while it runs (issue:
 * "every request ≤ 200 ms while it runs", tested here with a generous bound for a busy machine).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM, cliActor } from '../../core/actor.js';
import { createTestContext, type TestContext } from '../../../test/helpers/context.js';
import { NationalService } from '../national/service.js';
import { StillComputingError } from './service.js';

describe('a national overlap analysis while people use the site', () => {
  let ctx: TestContext;
  let localityCode: string;

  beforeAll(async () => {
    ctx = await createTestContext('pglite');
    const national = new NationalService(ctx.database.db, ctx.services.audit, ctx.services.reference);
    await national.generate(cliActor('generate'), {
      partnerships: 4000,
      organisations: 1600,
      localities: 28,
      seed: 11,
      commandLine: 'joinedup generate --partnerships 4000',
    });
    const first = await ctx.database.db.selectFrom('localities').select('gss_code').limit(1).executeTakeFirstOrThrow();
    localityCode = first.gss_code;
  }, 300_000);
  afterAll(() => ctx.close());

  it('answers the health check and a register page within 500 ms while it runs', async () => {
    const waits: number[] = [];
    let done = false;
    const started = performance.now();
    // The page asks for the analysis and, while it is being computed, says so; ask until it is ready.
    const analysis = (async () => {
      for (;;) {
        try {
          return await ctx.services.overlap.analyseWide(SYSTEM);
        } catch (error) {
          if (!(error instanceof StillComputingError)) throw error;
        }
      }
    })().finally(() => (done = true));
    while (!done) {
      for (const url of ['/healthz', `/localities/${localityCode}/partnerships`]) {
        // A request arrives every 20 ms; its wait counts from its arrival, so time the server
        // spends on other work before it can even read the request counts too.
        const arrives = performance.now() + 20;
        await new Promise((resolve) => setTimeout(resolve, 20));
        const response = await ctx.app.inject({ method: 'GET', url });
        expect(response.statusCode).toBe(200);
        waits.push(performance.now() - arrives);
      }
    }
    const result = await analysis;
    const took = performance.now() - started;
    expect(result.analysis.metrics.partnerships).toBeGreaterThan(3000);
    // Long enough that an analysis holding the server would have shown in the waits.
    expect(took).toBeGreaterThan(1000);
    expect(waits.length).toBeGreaterThan(4);
    expect(Math.max(...waits)).toBeLessThan(500);
  }, 300_000);
});
