import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestContext } from '../../../test/helpers/context.js';
import { backends } from '../../../test/helpers/database.js';

describe.each(backends)('related guidance for proposals and plans on %s', (backend) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(backend);
  }, 120_000);
  afterAll(() => ctx?.close());

  it('finds guidance by the concepts a proposal’s words name, synonyms included', async () => {
    const related = await ctx.services.knowledge.relatedToProposal({
      title: 'Joint commissioning board for older people',
      answers: { purpose: 'To agree a pooled budget with the NHS for care at home.', members: ['Council', 'NHS'] },
    });
    expect(related.length).toBeGreaterThan(0);
    expect(related.length).toBeLessThanOrEqual(5);
    expect(related.map((r) => r.title).join(' | ')).toMatch(/section 75|pool/i);
  });

  it('shows a merge plan merger guidance, how-to guides and case studies first', async () => {
    const related = await ctx.services.knowledge.relatedToPlan(
      { title: 'Bring the two community safety boards together', rationale: 'They have the same members.' },
      ['merge'],
    );
    expect(related.slice(0, 3).map((r) => r.title)).toContain('How to run a partnership merger');
    expect(related.slice(0, 3).some((r) => r.kindLabel === 'Case study')).toBe(true);
    const closing = await ctx.services.knowledge.relatedToPlan(
      { title: 'Close the dormant forum', rationale: 'It has not met for two years.' },
      ['close'],
    );
    expect(closing.length).toBeGreaterThan(0);
  });

  it('finds nothing for words naming no concept and no issue', async () => {
    expect(await ctx.services.knowledge.relatedToText('xqzvw')).toEqual([]);
  });
});
