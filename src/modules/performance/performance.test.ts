import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Person, type TestContext, createDemoTestContext } from '../../../test/helpers/context.js';
import { backends } from '../../../test/helpers/database.js';
import { PUBLIC, SYSTEM } from '../../core/actor.js';
import { ImportRejected } from '../exchange/issues.js';
import { DEMO_LOCALITY_CODE } from '../demo/seed.js';
import { NATIONAL_INDICATORS } from './indicators.js';
import { normaliseCode } from './repository.js';

const CODE = DEMO_LOCALITY_CODE;

describe.each(backends)('performance on %s', (backend) => {
  let ctx: TestContext;
  let admin: Person;
  let secretary: Person;
  let localityId: string;

  beforeAll(async () => {
    ctx = await createDemoTestContext(backend, { today: '2026-06-01' });
    const locality = await ctx.services.register.locality(CODE);
    localityId = locality.id;
    admin = await ctx.person([{ role: 'locality-admin', localityCode: CODE }]);
    const csp = (await ctx.services.register.partnerships.allForLocality(ctx.database.db, localityId)).find(
      (p) => p.name === 'Brackenfield Community Safety Partnership',
    );
    secretary = await ctx.person([{ role: 'partnership-secretary', localityCode: CODE, partnershipId: csp?.id }]);
  }, 600_000);
  afterAll(() => ctx?.close());

  async function indicatorId(code: string): Promise<string> {
    const map = await ctx.services.performance.repository.indicatorsByCode(ctx.database.db, localityId);
    const found = map.get(normaliseCode(code));
    if (!found) throw new Error(`no ${code}`);
    return found.id;
  }

  it('ships the checked national indicators once, without overwriting an edited one', async () => {
    const { performance } = ctx.services;
    const national = await performance.repository.nationalIndicators(ctx.database.db);
    expect(national).toHaveLength(NATIONAL_INDICATORS.length);
    expect(national.find((i) => i.code === 'NI 112')).toMatchObject({
      title: 'Under 18 conception rate',
      polarity: 'lower',
    });
    await ctx.database.db
      .updateTable('indicators')
      .set({ definition: 'Edited locally' })
      .where('code', '=', 'NI 1')
      .where('locality_id', 'is', null)
      .execute();
    await performance.ensureNationalIndicators();
    const again = await performance.repository.nationalIndicators(ctx.database.db);
    expect(again).toHaveLength(NATIONAL_INDICATORS.length);
    expect(again.find((i) => i.code === 'NI 1')?.definition).toBe('Edited locally');
  });

  it('gives the demo locality plans, outcomes, targets and years of values, each target with a status', async () => {
    const result = await ctx.services.performance.framework(admin.principal, CODE, {});
    expect(result.plans.map((p) => p.plan.title)).toEqual(
      expect.arrayContaining([
        'Brackenfield Sustainable Community Strategy 2021–2031',
        'Brackenfield Health and Wellbeing Strategy 2022–2027',
        'Brackenfield Housing Strategy 2025–2030',
      ]),
    );
    const targets = result.plans.flatMap((p) => p.outcomes.flatMap((o) => o.targets));
    expect(targets.length).toBeGreaterThanOrEqual(9);
    for (const t of targets) expect(t.values.length).toBeGreaterThanOrEqual(3);
    expect(result.counts['at-risk'] + result.counts['off-track'] + result.counts['on-track']).toBe(targets.length);
    expect(result.counts['off-track']).toBeGreaterThan(0);
  });

  it('shows the public only published plans and approved values', async () => {
    const result = await ctx.services.performance.framework(PUBLIC, CODE, {});
    expect(result.plans.map((p) => p.plan.title)).not.toContain('Brackenfield Housing Strategy 2025–2030');
    const pending = result.plans.flatMap((p) => p.outcomes.flatMap((o) => o.targets.flatMap((t) => t.pending)));
    expect(pending).toEqual([]);
    const restricted = await ctx.services.performance.framework(admin.principal, CODE, {});
    expect(
      restricted.plans.flatMap((p) => p.outcomes.flatMap((o) => o.targets.flatMap((t) => t.pending))).length,
    ).toBeGreaterThan(0);
  });

  it('filters the framework by theme, layer, partnership and plan', async () => {
    const { performance } = ctx.services;
    const safety = await performance.framework(PUBLIC, CODE, { theme: 'community-safety' });
    const outcomes = safety.plans.flatMap((p) => p.outcomes);
    expect(outcomes.length).toBeGreaterThan(0);
    for (const o of outcomes) expect(o.themes).toContain('community-safety');
    const operational = await performance.framework(PUBLIC, CODE, { layer: 'operational' });
    for (const o of operational.plans.flatMap((p) => p.outcomes))
      expect(o.contributors.some((c) => c.layer === 'operational')).toBe(true);
    const plan = safety.allPlans[0]?.plan.id;
    const onePlan = await performance.framework(PUBLIC, CODE, { plan });
    expect(onePlan.plans.map((p) => p.plan.id)).toEqual([plan]);
  });

  it('finds the health and wellbeing strategy overlapping the community strategy, on an indicator and an outcome', async () => {
    const { overlaps } = await ctx.services.performance.overlaps(admin.principal, CODE);
    const pair = overlaps.find(
      (o) =>
        o.plans
          .map((p) => p.plan.title)
          .sort()
          .join(' | ') ===
        'Brackenfield Health and Wellbeing Strategy 2022–2027 | Brackenfield Sustainable Community Strategy 2021–2031',
    );
    expect(pair).toBeDefined();
    expect(pair?.indicators.map((i) => i.code)).toEqual(expect.arrayContaining(['NI 56', 'NI 39']));
    expect(pair?.outcomes.map((o) => o.outcomes.map((x) => x.outcome.title).sort())).toContainEqual([
      'Healthier children: reduce childhood obesity',
      'Reduce childhood obesity in Year 6',
    ]);
  });

  it('counts a value only once it is approved', async () => {
    const { performance } = ctx.services;
    const ni56 = await indicatorId('NI 56');
    const before = await performance.indicator(admin.principal, CODE, ni56);
    expect(before.targets.map((t) => t.view.assessment.status)).toEqual(['at-risk', 'at-risk']);
    const entered = await performance.recordMeasurement(admin.principal, CODE, {
      indicatorId: ni56,
      year: '2025/26',
      value: 18.2,
      dataStatus: 'provisional',
    });
    const waiting = await performance.indicator(admin.principal, CODE, ni56);
    expect(waiting.targets.map((t) => t.view.assessment.status)).toEqual(['at-risk', 'at-risk']);
    expect((await performance.indicator(PUBLIC, CODE, ni56)).measurements.map((m) => m.year)).not.toContain(2025);
    await performance.decideMeasurements(admin.principal, CODE, { measurementIds: [entered.id], decision: 'approve' });
    const after = await performance.indicator(PUBLIC, CODE, ni56);
    expect(after.targets.map((t) => t.view.assessment.status)).toEqual(['on-track', 'on-track']);
    expect(after.measurements.find((m) => m.year === 2025)?.value).toBe(18.2);
  });

  it('shows the approver which approved value a new one would replace', async () => {
    const { performance } = ctx.services;
    await performance.recordMeasurement(admin.principal, CODE, {
      indicatorId: await indicatorId('NI 192'),
      year: 2024,
      value: 49.9,
      dataStatus: 'final',
      note: 'Final figure',
    });
    const { pending } = await performance.pending(admin.principal, CODE);
    expect(pending.find((m) => m.indicator_code === 'NI 192' && m.year === 2024)).toMatchObject({
      value: 49.9,
      replaces: 49.6,
    });
  });

  it('lets a secretary report only the indicators their partnership is accountable for', async () => {
    const { performance } = ctx.services;
    await expect(
      performance.recordMeasurement(secretary.principal, CODE, {
        indicatorId: await indicatorId('NI 16'),
        year: 2025,
        value: 14,
        dataStatus: 'provisional',
      }),
    ).resolves.toMatchObject({ state: 'pending' });
    await expect(
      performance.recordMeasurement(secretary.principal, CODE, {
        indicatorId: await indicatorId('NI 56'),
        year: 2025,
        value: 14,
        dataStatus: 'provisional',
      }),
    ).rejects.toThrow(/permission/);
    await expect(
      performance.decideMeasurements(secretary.principal, CODE, {
        measurementIds: ['00000000-0000-4000-8000-000000000000'],
        decision: 'approve',
      }),
    ).rejects.toThrow(/permission/);
  });

  it('imports a good file of values, awaiting approval', async () => {
    const file =
      'indicator,year,value,data_status,note\r\nNI 192,2025/26,50.4,provisional,Quarter 2 estimate\r\nNI 117,2025,4.5,provisional,\r\n';
    const count = await ctx.services.performance.importMeasurements(admin.principal, CODE, {
      name: 'values.csv',
      content: Buffer.from(file),
    });
    expect(count).toBe(2);
    const pending = await ctx.services.performance.pending(admin.principal, CODE);
    expect(pending.pending.filter((m) => m.year === 2025).map((m) => m.indicator_code)).toEqual(
      expect.arrayContaining(['NI 192', 'NI 117']),
    );
  });

  it('refuses a file with bad rows, naming each by line, and writes nothing', async () => {
    const before = (await ctx.services.performance.pending(admin.principal, CODE)).pending.length;
    const file = [
      'indicator,year,value,data_status,note',
      'NI 8,2025/26,36.1,final,',
      'NI 999,2025/26,1,final,',
      'NI 8,twenty,abc,final,',
      'NI 39,2025/26,690,maybe,',
      'NI 8,2025,36.2,final,',
    ].join('\n');
    const error = await ctx.services.performance
      .importMeasurements(admin.principal, CODE, { name: 'bad.csv', content: Buffer.from(file) })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportRejected);
    const issues = (error as ImportRejected).issues.map((i) => `${i.line}:${i.column}`);
    expect(issues).toEqual(['3:indicator', '4:year', '4:value', '5:data_status', '6:year']);
    expect((await ctx.services.performance.pending(admin.principal, CODE)).pending.length).toBe(before);
  });

  it('imports an XLSX workbook of values', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('values');
    sheet.addRow(['indicator', 'year', 'value', 'data_status']);
    sheet.addRow(['NI 8', '2025/26', 36.4, 'provisional']);
    const content = Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    expect(
      await ctx.services.performance.importMeasurements(admin.principal, CODE, { name: 'values.xlsx', content }),
    ).toBe(1);
  });

  it('imports local indicators, refusing a code already used', async () => {
    const good = 'code,title,unit,polarity\nLI 20,Parks rated good or better,%,higher\n';
    expect(
      await ctx.services.performance.importIndicators(admin.principal, CODE, {
        name: 'ind.csv',
        content: Buffer.from(good),
      }),
    ).toBe(1);
    const again = await ctx.services.performance
      .importIndicators(admin.principal, CODE, { name: 'ind.csv', content: Buffer.from(good) })
      .catch((e: unknown) => e);
    expect((again as ImportRejected).issues[0]).toMatchObject({ line: 2, column: 'code' });
  });

  it('merges outcomes across plans keeping their links', async () => {
    const { performance } = ctx.services;
    const result = await performance.framework(admin.principal, CODE, {});
    const outcomes = result.allPlans.flatMap((p) => p.outcomes);
    const keep = outcomes.find((o) => o.outcome.title === 'Reduce alcohol-related harm');
    const other = outcomes.find((o) => o.outcome.title === 'Fewer hospital admissions caused by alcohol');
    if (!keep || !other) throw new Error('demo outcomes missing');
    await performance.mergeOutcomes(admin.principal, CODE, {
      keepId: keep.outcome.id,
      mergeIds: [other.outcome.id],
      title: 'Reduce alcohol-related harm and hospital admissions',
    });
    const merged = await performance.outcome(admin.principal, CODE, other.outcome.id);
    expect(merged.mergedInto?.id).toBe(keep.outcome.id);
    expect(merged.view.outcome.title).toBe('Reduce alcohol-related harm and hospital admissions');
    expect(merged.view.targets.map((t) => t.indicator.code)).toEqual(['NI 39']);
    const overlaps = await performance.overlaps(admin.principal, CODE);
    const pair = overlaps.overlaps.find(
      (o) =>
        o.plans.some((p) => p.plan.title.includes('Health and Wellbeing Strategy')) &&
        o.plans.some((p) => p.plan.title.includes('Sustainable Community')),
    );
    expect(pair?.indicators.map((i) => i.code)).not.toContain('NI 39');
  });

  it('carries plan and outcome links to the partnership that absorbs others, without duplicates', async () => {
    const { performance, register } = ctx.services;
    const all = await register.partnerships.allForLocality(ctx.database.db, localityId);
    const id = (name: string) => all.find((p) => p.name === name)?.id as string;
    const healthy = id('Healthy Weight Group');
    const substance = id('Substance Misuse Partnership');
    const health = id('Brackenfield Health and Wellbeing Partnership');
    const moved = await ctx.database.db
      .transaction()
      .execute((trx) => performance.carryPartnershipLinks(trx, [healthy, substance], health));
    expect(moved).toBeGreaterThan(4);
    const card = await performance.scorecard(SYSTEM, CODE, health);
    const titles = card.rows.map((r) => r.outcome.outcome.title);
    expect(titles).toEqual(
      expect.arrayContaining([
        'Reduce childhood obesity in Year 6',
        'More adults active in sport and physical activity',
      ]),
    );
    const left = await performance.scorecard(SYSTEM, CODE, healthy);
    expect(left.rows).toEqual([]);
    const contributors = card.rows.flatMap((r) =>
      r.outcome.contributors.filter((c) => c.partnership_id === health).map((c) => c.outcome_id),
    );
    expect(new Set(contributors).size).toBe(contributors.length);
    expect(
      await ctx.database.db.transaction().execute((trx) => performance.carryPartnershipLinks(trx, [healthy], health)),
    ).toBe(0);
  });

  it('offers the locality’s outcomes for a proposal to serve', async () => {
    const choices = await ctx.services.performance.outcomeChoices(localityId);
    expect(choices).toContainEqual(
      expect.objectContaining({
        title: 'Less waste, more recycling',
        planTitle: 'Brackenfield Sustainable Community Strategy 2021–2031',
      }),
    );
  });

  it('shows the layers with their gaps', async () => {
    const layers = await ctx.services.performance.layers(PUBLIC, CODE);
    expect(layers.byLayer.map((l) => l.layer)).toEqual(['strategic', 'executive', 'operational']);
    expect(layers.undelivered.map((u) => u.outcome.outcome.title)).toContain(
      'Residents feel safe in the town centre after dark',
    );
    expect(layers.unlinked.length).toBeGreaterThan(0);
  });
});
