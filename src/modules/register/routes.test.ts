import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../../test/helpers/database.js';
import { type TestContext, createTestContext } from '../../../test/helpers/context.js';
import { FormSession } from '../../../test/helpers/forms.js';
import type { Person } from '../../../test/helpers/context.js';

const CODE = 'E07000010';
const api = `/api/v1/localities/${CODE}`;

describe.each(backends)('register API and pages on %s', (backend) => {
  let ctx: TestContext;
  let orgId: string;
  let admin: Person;
  let session: FormSession;

  beforeAll(async () => {
    ctx = await createTestContext(backend);
    const sysadmin = await ctx.person([{ role: 'system-admin' }]);
    const created = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/localities',
      headers: sysadmin.headers,
      payload: { gssCode: CODE, name: 'Apiville', kind: 'unitary', region: 'South West' },
    });
    expect(created.statusCode).toBe(201);
    admin = await ctx.person([{ role: 'locality-admin', localityCode: CODE }]);
    const org = await ctx.app.inject({
      method: 'POST',
      url: `${api}/organisations`,
      headers: admin.headers,
      payload: { name: 'Apiville Council', sector: 'public', orgType: 'unitary-council' },
    });
    orgId = org.json().id;
    session = new FormSession(ctx.app);
    await session.signIn(admin.email, admin.password);
  });
  afterAll(() => ctx.close());

  it('answers invalid JSON input with problem+json naming each field', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: `${api}/partnerships`,
      headers: admin.headers,
      payload: { name: '', layer: 'middle', meetingsPerYear: -1 },
    });
    expect(response.statusCode).toBe(422);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const body = response.json();
    expect(body.status).toBe(422);
    expect(body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'basis',
      'layer',
      'legalForm',
      'meetingsPerYear',
      'name',
      'purpose',
    ]);
    expect(body.errors.find((e: { field: string }) => e.field === 'layer').pointer).toBe('/layer');
  });

  it('creates, reads, updates, closes and lists a partnership over the API', async () => {
    const created = await ctx.app.inject({
      method: 'POST',
      url: `${api}/partnerships`,
      headers: admin.headers,
      payload: {
        name: 'Apiville Health and Wellbeing Board',
        purpose: 'Joint health strategy',
        basis: 'statutory',
        statutoryType: 'health-wellbeing-board',
        legalForm: 'statutory-body',
        layer: 'strategic',
        themes: ['health-wellbeing'],
        leadOrganisationId: orgId,
      },
    });
    expect(created.statusCode).toBe(201);
    const p = created.json();
    expect(created.headers.location).toBe(`${api}/partnerships/${p.id}`);
    const member = await ctx.app.inject({
      method: 'POST',
      url: `${api}/partnerships/${p.id}/memberships`,
      headers: admin.headers,
      payload: { organisationId: orgId, role: 'chair' },
    });
    expect(member.statusCode).toBe(201);
    const updated = await ctx.app.inject({
      method: 'PUT',
      url: `${api}/partnerships/${p.id}`,
      headers: admin.headers,
      payload: { ...p, meetingsPerYear: 6, version: p.version },
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json().meetingsPerYear).toBe(6);
    const stale = await ctx.app.inject({
      method: 'PUT',
      url: `${api}/partnerships/${p.id}`,
      headers: admin.headers,
      payload: { ...p, meetingsPerYear: 12, version: p.version },
    });
    expect(stale.statusCode).toBe(409);
    const list = await ctx.app.inject({ method: 'GET', url: `${api}/partnerships?theme=health-wellbeing` });
    expect(list.json().items.map((i: { name: string; memberCount: number }) => [i.name, i.memberCount])).toEqual([
      ['Apiville Health and Wellbeing Board', 1],
    ]);
    const closed = await ctx.app.inject({
      method: 'POST',
      url: `${api}/partnerships/${p.id}/close`,
      headers: admin.headers,
      payload: { closedOn: '2026-03-31', reason: 'Replaced' },
    });
    expect(closed.json().status).toBe('closed');
    const history = await ctx.app.inject({
      method: 'GET',
      url: `${api}/partnerships/${p.id}/history`,
      headers: admin.headers,
    });
    expect(history.json().items.map((e: { action: string }) => e.action)).toEqual([
      'close',
      'update',
      'create',
      'create',
    ]);
    const org = await ctx.app.inject({ method: 'GET', url: `${api}/organisations/${orgId}` });
    expect(org.json().seats).toBe(0);
  });

  it('answers 404 problem+json for an unknown locality or record', async () => {
    const unknown = await ctx.app.inject({ method: 'GET', url: '/api/v1/localities/E07999999/partnerships' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().title).toBe('Locality not found');
    const missing = await ctx.app.inject({
      method: 'GET',
      url: `${api}/partnerships/00000000-0000-0000-0000-000000000000`,
    });
    expect(missing.statusCode).toBe(404);
  });

  it('publishes an OpenAPI 3.1 document generated from the schemas', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    const create = doc.paths['/api/v1/localities/{code}/partnerships'].post;
    expect(create.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['name', 'purpose', 'basis', 'legalForm', 'layer']),
    );
    expect(create.responses['422'].content['application/problem+json']).toBeDefined();
    expect(
      doc.paths['/api/v1/localities/{code}/partnerships'].get.parameters.map((p: { name: string }) => p.name),
    ).toEqual(expect.arrayContaining(['q', 'theme', 'layer', 'status', 'sort', 'page']));
  });

  it('reports database reachability at /healthz', async () => {
    const health = await ctx.app.inject({ method: 'GET', url: '/healthz' });
    expect(health.json()).toEqual({ status: 'ok', database: { kind: backend, reachable: true } });
  });

  it('shows the GOV.UK error summary for a bad form and keeps what was typed', async () => {
    const response = await session.submit(`/localities/${CODE}/partnerships/new`, `/localities/${CODE}/partnerships`, {
      name: 'Half-finished group',
      purpose: '',
      meetingsPerYear: 'twelve',
    });
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('There is a problem');
    expect(response.body).toContain('<title>Error: Add a partnership');
    expect(response.body).toContain('href="#purpose"');
    expect(response.body).toContain('Meetings a year must be a whole number');
    expect(response.body).toContain('value="Half-finished group"');
  });

  it('creates a partnership from the form with dates, checkboxes and codes, then redirects with a banner', async () => {
    const response = await session.submit(`/localities/${CODE}/partnerships/new`, `/localities/${CODE}/partnerships`, {
      name: 'Form-made forum',
      purpose: 'Residents and services meet about the estate',
      themes: ['housing', 'community-cohesion'],
      basis: 'voluntary',
      legalForm: 'unincorporated',
      layer: 'operational',
      status: 'active',
      areas: 'E05000101, e05000102',
      'reviewDate-day': '31',
      'reviewDate-month': '3',
      'reviewDate-year': '2027',
      meetingsPerYear: '10',
    });
    expect(response.statusCode).toBe(303);
    const page = await session.get(String(response.headers.location));
    expect(page.body).toContain('Form-made forum was added to the register');
    expect(page.body).toContain('31 March 2027');
    expect(page.body).toContain('E05000101, E05000102');
    expect(page.body).toContain('Stronger and cohesive communities, Housing');
  });

  it('rejects an impossible date on the form', async () => {
    const response = await session.submit(`/localities/${CODE}/partnerships/new`, `/localities/${CODE}/partnerships`, {
      name: 'Dated',
      purpose: 'x',
      basis: 'voluntary',
      legalForm: 'unincorporated',
      layer: 'operational',
      'reviewDate-day': '31',
      'reviewDate-month': '2',
      'reviewDate-year': '2027',
    });
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('Review date must be a real date');
  });

  it('refuses a form without its CSRF token and saves nothing', async () => {
    const response = await session.submit(
      `/localities/${CODE}/organisations/new`,
      `/localities/${CODE}/organisations`,
      { name: 'Forged Ltd', sector: 'private', orgType: 'business' },
      { csrf: false },
    );
    expect(response.statusCode).toBe(403);
    const list = await ctx.app.inject({ method: 'GET', url: `${api}/organisations?q=Forged` });
    expect(list.json().total).toBe(0);
  });

  it('sets a strict content security policy with a nonce and no inline script', async () => {
    const page = await ctx.app.inject({ method: 'GET', url: `/localities/${CODE}/partnerships` });
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("frame-ancestors 'none'");
    const nonce = /script-src 'self' 'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    const scripts = page.body.match(/<script[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    // A fresh nonce for every response: one that could be predicted would let injected script in.
    const again = await ctx.app.inject({ method: 'GET', url: `/localities/${CODE}/partnerships` });
    const nextNonce = /script-src 'self' 'nonce-([^']+)'/.exec(String(again.headers['content-security-policy']))?.[1];
    expect(nextNonce).toMatch(/^[0-9a-f]{32}$/);
    expect(nextNonce).not.toBe(nonce);
    expect(again.headers['x-content-type-options']).toBe('nosniff');
    expect(again.headers['referrer-policy']).toBe('same-origin');
  });

  it('shows a helpful 404 page for an unknown partnership', async () => {
    const page = await ctx.app.inject({ method: 'GET', url: `/localities/${CODE}/partnerships/not-an-id` });
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('Page not found');
  });
});
