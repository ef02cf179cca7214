import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../core/actor.js';
import { type Person, type TestContext, createTestContext } from '../../../test/helpers/context.js';
import { backends } from '../../../test/helpers/database.js';

const CODE = 'E07000061';
const API = `/api/v1/localities/${CODE}`;

/**
 * Plans, outcomes, indicators and targets through the API: the same rules and the same
 * authorisation as the pages, since both call the same service.
 */
describe.each(backends)('the performance API on %s', (backend) => {
  let ctx: TestContext;
  let admin: Person;
  let reader: Person;
  let outsider: Person;

  beforeAll(async () => {
    ctx = await createTestContext(backend);
    await ctx.services.register.createLocality(SYSTEM, {
      gssCode: CODE,
      name: 'Planford',
      kind: 'district',
      region: 'Yorkshire and the Humber',
    });
    await ctx.services.register.createLocality(SYSTEM, {
      gssCode: 'E07000062',
      name: 'Elsewhere',
      kind: 'district',
      region: 'London',
    });
    admin = await ctx.person([{ role: 'locality-admin', localityCode: CODE }]);
    reader = await ctx.person([{ role: 'scrutiny-member', localityCode: CODE }]);
    outsider = await ctx.person([{ role: 'locality-admin', localityCode: 'E07000062' }]);
  });
  afterAll(() => ctx.close());

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, person?: Person, payload?: unknown) =>
    ctx.app.inject({
      method,
      url,
      headers: person?.headers ?? {},
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });

  const plan = {
    title: 'Planford Community Strategy',
    planType: 'sustainable-community-strategy',
    startYear: 2025,
    endYear: '2027/28',
    status: 'draft',
  };

  it('creates, reads, lists and changes a plan, its outcome, a local indicator and a target', async () => {
    const created = await call('POST', `${API}/plans`, admin, plan);
    expect(created.statusCode, created.body).toBe(201);
    const planJson = created.json();
    expect(planJson).toMatchObject({ title: plan.title, startYear: 2025, endYear: 2027, status: 'draft', version: 1 });

    const outcome = await call('POST', `${API}/plans/${planJson.id}/outcomes`, admin, {
      title: 'Fewer people sleep rough',
      themes: ['housing'],
    });
    expect(outcome.statusCode, outcome.body).toBe(201);
    const outcomeJson = outcome.json();
    expect(outcomeJson).toMatchObject({ planId: planJson.id, themes: ['housing'], status: 'active', targetIds: [] });

    const indicator = await call('POST', `${API}/indicators`, admin, {
      code: 'PL 1',
      title: 'People sleeping rough on a typical night',
      unit: 'people',
      polarity: 'lower',
    });
    expect(indicator.statusCode, indicator.body).toBe(201);
    const indicatorJson = indicator.json();
    expect(indicatorJson).toMatchObject({ code: 'PL 1', scope: 'local', polarity: 'lower' });

    const target = await call('POST', `${API}/outcomes/${outcomeJson.id}/targets`, admin, {
      indicatorId: indicatorJson.id,
      baselineValue: 40,
      baselineYear: 2024,
      trajectory: [
        { year: 2025, value: 30 },
        { year: '2026/27', value: 20 },
      ],
      amberTolerance: 2,
      redTolerance: 5,
    });
    expect(target.statusCode, target.body).toBe(201);
    const targetJson = target.json();
    expect(targetJson).toMatchObject({
      outcomeId: outcomeJson.id,
      indicatorId: indicatorJson.id,
      trajectory: [
        { year: 2025, value: 30 },
        { year: 2026, value: 20 },
      ],
      rating: 'no-data',
      version: 1,
    });

    // Reads agree with what the writes answered, and the lists hold the records.
    expect((await call('GET', `${API}/plans/${planJson.id}`, admin)).json()).toMatchObject({
      outcomeIds: [outcomeJson.id],
    });
    expect((await call('GET', `${API}/plans`, admin)).json().map((p: { id: string }) => p.id)).toEqual([planJson.id]);
    expect((await call('GET', `${API}/plans/${planJson.id}/outcomes`, admin)).json()).toMatchObject([
      { id: outcomeJson.id, targetIds: [targetJson.id] },
    ]);
    expect((await call('GET', `${API}/outcomes/${outcomeJson.id}/targets`, admin)).json()).toEqual([targetJson]);
    expect((await call('GET', `${API}/targets/${targetJson.id}`, admin)).json()).toEqual(targetJson);
    const library = (await call('GET', `${API}/indicators`)).json() as Array<{ code: string; scope: string }>;
    expect(library.find((i) => i.code === 'PL 1')).toMatchObject({ scope: 'local' });
    expect(library.some((i) => i.scope === 'national')).toBe(true);

    // Changes carry the version read; a stale one is refused and changes nothing.
    const published = await call('PUT', `${API}/plans/${planJson.id}`, admin, {
      ...plan,
      status: 'published',
      version: 1,
    });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published', version: 2 });
    const stale = await call('PUT', `${API}/plans/${planJson.id}`, admin, { ...plan, title: 'Lost edit', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.headers['content-type']).toContain('application/problem+json');
    expect((await call('GET', `${API}/plans/${planJson.id}`)).json()).toMatchObject({ title: plan.title });

    const renamed = await call('PUT', `${API}/outcomes/${outcomeJson.id}`, admin, {
      title: 'Nobody sleeps rough',
      themes: ['housing'],
      version: outcomeJson.version,
    });
    expect(renamed.json()).toMatchObject({ title: 'Nobody sleeps rough', version: 2 });
    const loosened = await call('PUT', `${API}/targets/${targetJson.id}`, admin, {
      indicatorId: indicatorJson.id,
      trajectory: [{ year: 2025, value: 35 }],
      amberTolerance: 3,
      redTolerance: 6,
      version: 1,
    });
    expect(loosened.json()).toMatchObject({ trajectory: [{ year: 2025, value: 35 }], redTolerance: 6, version: 2 });
    const described = await call('PUT', `${API}/indicators/${indicatorJson.id}`, admin, {
      title: 'People sleeping rough',
      polarity: 'lower',
      definition: 'Counted on one night in autumn',
      version: indicatorJson.version,
    });
    expect(described.json()).toMatchObject({ code: 'PL 1', definition: 'Counted on one night in autumn' });
  });

  it('applies the pages’ rules: each bad field named, and a target needs an indicator that says which way is better', async () => {
    const bad = await call('POST', `${API}/plans`, admin, { ...plan, endYear: 2020 });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(['endYear']);

    const unknownType = await call('POST', `${API}/plans`, admin, { ...plan, planType: 'horoscope' });
    expect(unknownType.json().errors).toMatchObject([{ field: 'planType' }]);

    const planId = (await call('GET', `${API}/plans`, admin)).json()[0].id as string;
    const outcomeId = (await call('GET', `${API}/plans/${planId}/outcomes`, admin)).json()[0].id as string;
    const vague = (
      await call('POST', `${API}/indicators`, admin, { code: 'PL 2', title: 'A figure with no direction' })
    ).json();
    const refused = await call('POST', `${API}/outcomes/${outcomeId}/targets`, admin, { indicatorId: vague.id });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors).toMatchObject([{ field: 'indicatorId' }]);
  });

  it('lets only the locality administrator write, and shows drafts only to people with a role', async () => {
    const draft = (await call('POST', `${API}/plans`, admin, { ...plan, title: 'Draft strategy' })).json();
    expect((await call('GET', `${API}/plans/${draft.id}`, reader)).statusCode).toBe(200);
    expect((await call('GET', `${API}/plans/${draft.id}`)).statusCode).toBe(404);
    expect((await call('GET', `${API}/plans`)).json().map((p: { title: string }) => p.title)).not.toContain(
      'Draft strategy',
    );

    expect((await call('POST', `${API}/plans`, undefined, plan)).statusCode).toBe(401);
    expect((await call('POST', `${API}/plans`, reader, plan)).statusCode).toBe(403);
    const foreign = await call('PUT', `${API}/plans/${draft.id}`, outsider, { ...draft, version: draft.version });
    expect([403, 404]).toContain(foreign.statusCode);
    expect((await call('GET', `${API}/plans/${draft.id}`, admin)).json()).toMatchObject({ version: 1 });

    // A national indicator's description is a system administrator's to change, not a locality's.
    const national = (await call('GET', `${API}/indicators`))
      .json()
      .find((i: { scope: string }) => i.scope === 'national');
    const byAdmin = await call('PUT', `${API}/indicators/${national.id}`, admin, {
      title: national.title,
      version: national.version,
    });
    expect(byAdmin.statusCode).toBe(403);
  });

  it('describes every new operation in the OpenAPI document', async () => {
    const document = (await call('GET', '/api/v1/openapi.json')).json();
    const operations = Object.values(document.paths as Record<string, Record<string, { operationId: string }>>)
      .flatMap((methods) => Object.values(methods))
      .map((op) => op.operationId);
    for (const id of [
      'listPlans',
      'createPlan',
      'getPlan',
      'updatePlan',
      'listOutcomes',
      'createOutcome',
      'getOutcome',
      'updateOutcome',
      'listIndicators',
      'createIndicator',
      'getIndicator',
      'updateIndicator',
      'listTargets',
      'createTarget',
      'getTarget',
      'updateTarget',
    ])
      expect(operations).toContain(id);
  });
});
