import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Person, type TestContext, createTestContext } from '../../../test/helpers/context.js';
import { backends } from '../../../test/helpers/database.js';
import { SYSTEM } from '../../core/actor.js';

const CODE = 'E07000043';
const NOW = new Date('2026-04-10T09:00:00Z');
const TODAY = '2026-04-10';

describe.each(backends)('the funds and knowledge API on %s', (backend) => {
  let ctx: TestContext;
  let admin: Person;
  let panel: Person;
  let panel2: Person;
  let roundId: string;
  let applicationId: string;

  const api = (method: 'GET' | 'PUT', url: string, person?: Person, payload?: unknown) =>
    ctx.app.inject({ method, url, headers: person?.headers ?? {}, payload: payload as object });

  beforeAll(async () => {
    ctx = await createTestContext(backend);
    await ctx.services.register.createLocality(SYSTEM, {
      gssCode: CODE,
      name: 'Apiton',
      kind: 'district',
      region: 'East Midlands',
    });
    admin = await ctx.person([{ role: 'locality-admin', localityCode: CODE }]);
    panel = await ctx.person([{ role: 'locality-gatekeeper', localityCode: CODE }]);
    panel2 = await ctx.person([{ role: 'locality-gatekeeper', localityCode: CODE }]);
    const { funds } = ctx.services;
    const fund = await funds.createFund(admin.principal, CODE, {
      kind: 'community-empowerment',
      name: 'Apiton Community Empowerment Fund',
      funderName: 'Apiton District Council',
      funderIdentifier: 'GB-LAE-API',
    });
    roundId = (
      await funds.createRound(admin.principal, CODE, fund.id, {
        title: 'Spring 2026',
        budget: '2,000',
        eligibility: 'Groups in Apiton.',
        criteria: [{ label: 'Need', weight: 1 }],
        opensOn: '2026-04-01',
        closesOn: '2026-04-30',
      })
    ).id;
    const sent = await funds.submit(
      CODE,
      roundId,
      {
        groupName: 'Apiton Youth Forum',
        groupKind: 'community-group',
        contactName: 'Ali Khan',
        contactEmail: 'ali@apiton.example',
        postcode: 'AP1 1AA',
        title: 'Youth panel',
        description: 'A panel of young people.',
        amount: '800',
        outcomes: 'Young people heard.',
      },
      { now: NOW, today: TODAY },
    );
    applicationId = sent.application.id;
    await funds.assess(panel.principal, CODE, applicationId, { scores: { need: 4 }, comment: 'Private note' });
    await funds.assess(panel2.principal, CODE, applicationId, { scores: { need: 4 } });
    await funds.decide(admin.principal, CODE, applicationId, { outcome: 'award', amount: '800', reason: 'Good' });
  }, 120_000);
  afterAll(() => ctx?.close());

  it('lists funds, rounds and awards for anyone, without any group’s contact details', async () => {
    const list = await api('GET', `/api/v1/localities/${CODE}/funds`);
    expect(list.statusCode).toBe(200);
    const [fund] = list.json() as Array<{
      name: string;
      rounds: Array<{ budgetPence: number; remainingPence: number }>;
    }>;
    expect(fund?.name).toBe('Apiton Community Empowerment Fund');
    expect(fund?.rounds[0]).toMatchObject({ budgetPence: 200_000, remainingPence: 120_000 });
    const awards = await api('GET', `/api/v1/localities/${CODE}/funds/awards`);
    expect(awards.json()).toEqual([
      expect.objectContaining({
        groupName: 'Apiton Youth Forum',
        amountPence: 80_000,
        identifier: expect.stringMatching(/^360G-joinedup-E07000043-CEF-2026-/),
      }),
    ]);
    expect(awards.body).not.toContain('ali@apiton.example');
    // The assessors' routes ask the public to authenticate, as problem details.
    const refused = await api('GET', `/api/v1/localities/${CODE}/funds/applications/${applicationId}`);
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['content-type']).toContain('application/problem+json');
  });

  it('shows an assessor the application but not the contact or the comments; the administrator sees both', async () => {
    const url = `/api/v1/localities/${CODE}/funds/applications/${applicationId}`;
    const asPanel = (await api('GET', url, panel)).json() as Record<string, unknown>;
    expect(asPanel).toMatchObject({ groupName: 'Apiton Youth Forum', contact: null, state: 'awarded' });
    expect(JSON.stringify(asPanel)).not.toContain('ali@apiton.example');
    expect(JSON.stringify(asPanel)).not.toContain('Private note');
    expect(JSON.stringify(asPanel)).not.toContain('token');
    const asAdmin = (await api('GET', url, admin)).json() as Record<string, unknown>;
    expect(asAdmin).toMatchObject({ contact: { email: 'ali@apiton.example', postcode: 'AP1 1AA' } });
    expect(JSON.stringify(asAdmin)).toContain('Private note');
    const listed = (await api('GET', `/api/v1/localities/${CODE}/funds/rounds/${roundId}/applications`, panel)).json();
    expect(listed).toHaveLength(1);
    expect((await api('GET', `/api/v1/localities/${CODE}/funds/applications/not-a-uuid`, admin)).statusCode).toBe(404);
  });

  it('changes a round as read, answering problem details naming each bad field and a conflict', async () => {
    const url = `/api/v1/localities/${CODE}/funds/rounds/${roundId}`;
    const round = (await api('GET', url)).json() as { version: number };
    const body = {
      title: 'Spring 2026',
      budget: '500',
      eligibility: '',
      criteria: [{ label: 'Need', weight: 1 }],
      opensOn: '2026-04-01',
      closesOn: '2026-04-30',
      version: round.version,
    };
    expect((await api('PUT', url, panel, body)).statusCode).toBe(403);
    const bad = await api('PUT', url, admin, body);
    expect(bad.statusCode).toBe(422);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect((bad.json() as { errors: Array<{ field: string }> }).errors.map((e) => e.field)).toEqual(['eligibility']);
    const low = await api('PUT', url, admin, { ...body, eligibility: 'Groups in Apiton.' });
    expect(low.statusCode).toBe(422);
    expect((low.json() as { errors: Array<{ field: string; detail: string }> }).errors).toEqual([
      expect.objectContaining({
        field: 'budget',
        detail: 'Budget cannot be less than the £800.00 already awarded from this round',
      }),
    ]);
    const ok = await api('PUT', url, admin, { ...body, eligibility: 'Groups in Apiton.', budget: '3,000' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ budgetPence: 300_000, remainingPence: 220_000, version: round.version + 1 });
    expect((await api('PUT', url, admin, { ...body, eligibility: 'x', budget: '3,000' })).statusCode).toBe(409);
  });

  it('searches and reads the knowledge base', async () => {
    const found = await api('GET', '/api/v1/knowledge/items?q=pooled%20budget&kind=guidance');
    expect(found.statusCode).toBe(200);
    const results = found.json() as {
      total: number;
      items: Array<{ slug: string; kind: string; snippet: string | null }>;
    };
    expect(results.total).toBeGreaterThan(0);
    expect(results.items.every((i) => i.kind === 'guidance')).toBe(true);
    expect(results.items.some((i) => (i.snippet ?? '').includes(String.fromCharCode(1)))).toBe(false);
    const item = await api('GET', `/api/v1/knowledge/items/${results.items[0]?.slug}`);
    expect(item.statusCode).toBe(200);
    expect(item.json()).toMatchObject({ slug: results.items[0]?.slug, kind: 'guidance' });
    expect((item.json() as { html: string }).html).not.toContain('<script');
    const missing = await api('GET', '/api/v1/knowledge/items/no-such-item');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    // A misspelling finds nothing, and the library's own spelling is suggested (on the page too).
    const typo = (await api('GET', '/api/v1/knowledge/items?q=poooled%20budgte')).json() as {
      total: number;
      didYouMean: string | null;
    };
    expect(typo).toMatchObject({ total: 0, didYouMean: 'pooled budget' });
    const page = await api('GET', '/knowledge?q=poooled+budgte');
    expect(page.body).toContain(
      'Did you mean <a class="govuk-link" href="/knowledge?q=pooled+budget">pooled budget</a>?',
    );
    expect(
      ((await api('GET', '/api/v1/knowledge/items?q=xqzvw')).json() as { didYouMean: null }).didYouMean,
    ).toBeNull();
    const long = await api('GET', `/api/v1/knowledge/items?q=${'a'.repeat(201)}`);
    expect(long.statusCode).toBe(422);
    expect((long.json() as { errors: Array<{ field: string }> }).errors[0]?.field).toBe('q');
  });
});
