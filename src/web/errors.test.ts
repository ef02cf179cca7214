import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { SYSTEM } from '../core/actor.js';
import { backends } from '../../test/helpers/database.js';
import { type Person, type TestContext, createTestContext } from '../../test/helpers/context.js';
import { FormSession } from '../../test/helpers/forms.js';

const CODE = 'E07000051';
const API = `/api/v1/localities/${CODE}`;

/** Bad input never answers 500, and the API always answers RFC 9457 problem details. */
describe.each(backends)('errors for bad input on %s', (backend) => {
  let ctx: TestContext;
  let admin: Person;
  let partnershipId: string;

  beforeAll(async () => {
    ctx = await createTestContext(backend);
    const { register } = ctx.services;
    await register.createLocality(SYSTEM, { gssCode: CODE, name: 'Errorby', kind: 'district', region: 'London' });
    partnershipId = (
      await register.createPartnership(SYSTEM, CODE, {
        name: 'Errorby Board',
        purpose: 'Testing errors',
        basis: 'voluntary',
        legalForm: 'unincorporated',
        layer: 'executive',
      })
    ).id;
    admin = await ctx.person([{ role: 'locality-admin', localityCode: CODE }]);
  });
  afterAll(() => ctx.close());

  function expectProblem(response: LightMyRequestResponse, status: number, title: string, fields: string[] = []) {
    expect(response.statusCode, response.body).toBe(status);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const body = response.json() as { status: number; title: string; errors?: Array<{ field: string }> };
    expect(body).toMatchObject({ status, title });
    if (fields.length) expect(body.errors?.map((e) => e.field)).toEqual(fields);
  }
  const get = (url: string) => ctx.app.inject({ method: 'GET', url, headers: admin.headers });
  const post = (url: string, payload: unknown) =>
    ctx.app.inject({ method: 'POST', url, headers: admin.headers, payload: payload as Record<string, unknown> });

  it('refuses a NUL character in a query, naming the parameter', async () => {
    for (const [url, field] of [
      [`${API}/partnerships?q=%00`, 'q'],
      [`${API}/partnerships?theme=%00`, 'theme'],
      [`${API}/organisations?q=%00`, 'q'],
      [`${API}/organisations?type=a%00b`, 'type'],
    ] as const) {
      expectProblem(await get(url), 422, 'Some fields are not valid', [field]);
      expectProblem(await ctx.app.inject({ method: 'GET', url }), 422, 'Some fields are not valid', [field]);
    }
  });

  it('refuses a NUL character in a JSON body, naming the field, and saves nothing', async () => {
    expectProblem(await post(`${API}/proposals`, { title: '\u0000' }), 422, 'Some fields are not valid', ['title']);
    expectProblem(
      await post(`${API}/partnerships/${partnershipId}/close`, { closedOn: '2025-01-01', reason: 'Done\u0000' }),
      422,
      'Some fields are not valid',
      ['reason'],
    );
    const stillOpen = await get(`${API}/partnerships/${partnershipId}`);
    expect(stillOpen.json()).toMatchObject({ status: 'active' });
    expect(await ctx.database.db.selectFrom('proposals').select('id').execute()).toEqual([]);
  });

  it('refuses a NUL character in a form, on the page, naming the field', async () => {
    const session = new FormSession(ctx.app);
    const response = await session.submit('/forgot-password', '/forgot-password', { email: 'a\u0000@example.org' });
    expect(response.statusCode).toBe(422);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain('email must not contain a NUL character');
  });

  it('answers 422 naming a query parameter that breaks its schema', async () => {
    expectProblem(await get(`${API}/partnerships?q=${'x'.repeat(201)}`), 422, 'Some fields are not valid', ['q']);
    expectProblem(
      await get(`${API}/partnerships/${partnershipId}/history?page=abc`),
      422,
      'Some fields are not valid',
      ['page'],
    );
    expectProblem(await get(`${API}/map?theme=${'t'.repeat(10_000)}`), 422, 'Some fields are not valid', ['theme']);
  });

  it("answers Fastify's own errors as problem details whose title matches the status", async () => {
    expectProblem(await get(`${API}/partnerships/${'p'.repeat(3000)}`), 414, 'URI Too Long');
    const proposal = (type: string, payload: string) =>
      ctx.app.inject({
        method: 'POST',
        url: `${API}/proposals`,
        headers: { ...admin.headers, 'content-type': type },
        payload,
      });
    expectProblem(await proposal('application/json', '{"title": '), 400, 'Bad Request');
    expectProblem(await proposal('application/xml', '<proposal/>'), 415, 'Unsupported Media Type');
    const huge = JSON.stringify({ title: 'x'.repeat(21 * 1024 * 1024) });
    expectProblem(await proposal('application/json', huge), 413, 'Payload Too Large');
    expectProblem(await get(`${API}/partnerships/%E0%A4%A`), 400, 'Bad Request');
  });

  it('answers an id that cannot exist as not found, not as a server error', async () => {
    expectProblem(await get(`${API}/partnerships/not-a-uuid`), 404, 'Record not found');
    expectProblem(
      await post(`${API}/partnerships/${partnershipId}/close`, { version: 2 ** 53 }),
      422,
      'Some fields are not valid',
    );
  });
});
