import { STATUS_CODES } from 'node:http';
import fc from 'fast-check';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../core/actor.js';
import { backends } from '../../test/helpers/database.js';
import { type Person, type DemoTestContext, createDemoTestContext } from '../../test/helpers/context.js';
import { type JsonSchema, hostileString, hostileValue, validValue } from '../../test/helpers/json-schema-arbitrary.js';

/**
 * The API fuzzed from its own OpenAPI document: for every operation, requests of valid shape
 * and hostile ones (wrong types, missing fields, NUL and huge strings, impossible dates and
 * ids, wrong or malformed content), as a locality administrator with an API token and as the
 * public. No answer may be a server error, and every error must be RFC 9457 problem details
 * whose status is the response's. Seeded, so a run can be repeated: FUZZ_SEED=n to vary it.
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20261204);
const REQUESTS_PER_OPERATION = Number(process.env.FUZZ_RUNS ?? 26);

interface Operation {
  method: string;
  path: string;
  parameters: Array<{ name: string; in: 'path' | 'query'; required: boolean; schema: JsonSchema }>;
  jsonBody?: JsonSchema;
  otherBodyTypes: string[];
}

interface Failure {
  request: string;
  status: number;
  contentType: string;
  body: string;
}

function operationsOf(document: { paths: Record<string, Record<string, Record<string, unknown>>> }): Operation[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => {
      const content = (operation.requestBody as { content?: Record<string, { schema: JsonSchema }> } | undefined)
        ?.content;
      return {
        method: method.toUpperCase(),
        path,
        parameters: (operation.parameters ?? []) as Operation['parameters'],
        jsonBody: content?.['application/json']?.schema,
        otherBodyTypes: Object.keys(content ?? {}).filter((type) => type !== 'application/json'),
      };
    }),
  );
}

/** Percent-encodes a path segment; a lone surrogate becomes bytes that are not UTF-8, as a careless client sends. */
function encodePathSegment(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80';
  }
}

const pick = <T>(values: T[]) => fc.constantFrom(...values);

describe.each([backends.at(-1) ?? 'pglite'])('the API, fuzzed from its OpenAPI document, on %s', (backend) => {
  let ctx: DemoTestContext;
  let admin: Person;
  let operations: Operation[];
  const realIds: Record<string, string[]> = {};
  let demoCode: string;

  beforeAll(async () => {
    ctx = await createDemoTestContext(backend);
    const demo = ctx.demo;
    demoCode = demo.locality.gss_code;
    await ctx.services.register.createLocality(SYSTEM, {
      gssCode: 'E07000041',
      name: 'Fuzzbury',
      kind: 'district',
      region: 'London',
    });
    admin = await ctx.person([{ role: 'locality-admin', localityCode: demoCode }]);
    const db = ctx.database.db;
    const tables = {
      partnerships: 'partnerships',
      organisations: 'organisations',
      memberships: 'memberships',
      proposals: 'proposals',
      indicators: 'indicators',
      plans: 'plans',
      outcomes: 'outcomes',
      targets: 'targets',
      rationalisation: 'rationalisation_plans',
    } as const;
    for (const [segment, table] of Object.entries(tables))
      realIds[segment] = (await db.selectFrom(table).select('id').limit(4).execute()).map((r) => String(r.id));
    const document = (await ctx.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    operations = operationsOf(document);
  }, 300_000);
  afterAll(() => ctx?.close());

  /** A value for a path parameter: mostly one that names a real record, sometimes nonsense. */
  function pathValue(operation: Operation, name: string, schema: JsonSchema): fc.Arbitrary<string> {
    const before = operation.path.split('/').at(operation.path.split('/').indexOf(`{${name}}`) - 1) ?? '';
    const real =
      name === 'code'
        ? [demoCode, demoCode, 'E07000041']
        : name === 'id'
          ? (realIds[before] ?? [])
          : name === 'item'
            ? ['housing', 'voluntary', 'district-council']
            : [];
    const valid = real.length > 0 ? fc.oneof(pick(real), validValue(schema)) : validValue(schema);
    return fc.oneof(
      { weight: 4, arbitrary: valid.map(String) },
      { weight: 1, arbitrary: hostileString.map((s) => (s === '' ? 'x' : s)) },
    );
  }

  function requestFor(operation: Operation, auth: Record<string, string>): fc.Arbitrary<InjectOptions> {
    const pathParams = operation.parameters.filter((p) => p.in === 'path');
    const queryParams = operation.parameters.filter((p) => p.in === 'query');
    const path = fc
      .tuple(...pathParams.map((p) => pathValue(operation, p.name, p.schema)))
      .map((values) =>
        pathParams.reduce(
          (url, p, i) => url.replace(`{${p.name}}`, encodePathSegment(values[i] ?? '')),
          operation.path as string,
        ),
      );
    const query = fc.record(
      Object.fromEntries(
        queryParams.map((p) => [
          p.name,
          fc.oneof({ weight: 3, arbitrary: validValue(p.schema) }, { weight: 1, arbitrary: hostileString }),
        ]),
      ),
      { requiredKeys: queryParams.filter((p) => p.required).map((p) => p.name) },
    );
    const body = operation.jsonBody
      ? fc.oneof(
          { weight: 3, arbitrary: validValue(operation.jsonBody).map((v) => json(v)) },
          { weight: 4, arbitrary: hostileValue(operation.jsonBody).map((v) => json(v)) },
          { weight: 2, arbitrary: badContent() },
        )
      : operation.otherBodyTypes.length > 0
        ? fc.oneof(
            fc
              .tuple(pick(operation.otherBodyTypes), fc.string({ maxLength: 300 }))
              .map(([type, payload]) => ({ type, payload })),
            badContent(),
          )
        : fc.constant(undefined);
    return fc.tuple(path, query, body).map(([url, q, b]) => {
      const search = new URLSearchParams(
        Object.entries(q).map(([key, value]) => [key, typeof value === 'string' ? value : JSON.stringify(value)]),
      ).toString();
      return {
        method: operation.method as InjectOptions['method'],
        url: search ? `${url}?${search}` : url,
        headers: { ...auth, ...(b?.type ? { 'content-type': b.type } : {}) },
        ...(b ? { payload: b.payload } : {}),
      };
    });
  }

  const json = (value: unknown) => ({ type: 'application/json', payload: JSON.stringify(value) ?? 'null' });
  /** Bodies a careless client sends: malformed JSON, the wrong media type, an empty body, a huge one. */
  const badContent = () =>
    fc.oneof(
      fc.constantFrom(
        { type: 'application/json', payload: '{"name": ' },
        { type: 'application/json', payload: '' },
        { type: 'application/json', payload: '{"name":"\\u0000"}' },
        { type: 'application/json', payload: '[1,2,3]' },
        { type: 'application/json', payload: '"just a string"' },
        { type: 'text/plain', payload: 'name=Board' },
        { type: 'application/xml', payload: '<partnership/>' },
        { type: 'application/x-www-form-urlencoded', payload: 'name=Board&purpose=%00' },
        { type: 'multipart/form-data; boundary=x', payload: '--x\r\nbroken' },
        { type: 'application/json', payload: `{"name":"${'y'.repeat(25 * 1024 * 1024)}"}` },
      ),
      fc.string({ maxLength: 60 }).map((payload) => ({ type: 'application/json', payload })),
    );

  function problemsIn(request: InjectOptions, response: LightMyRequestResponse): Failure | undefined {
    const contentType = String(response.headers['content-type'] ?? '');
    const describe = () => ({
      request: `${request.method} ${String(request.url).slice(0, 160)} ${String(request.payload ?? '').slice(0, 120)}`,
      status: response.statusCode,
      contentType,
      body: response.body.slice(0, 300),
    });
    // Still computing (503 with Retry-After) is the one answer in the 500s that is not a fault.
    const stillComputing = response.statusCode === 503 && response.headers['retry-after'] !== undefined;
    if (response.statusCode >= 500 && !stillComputing) return describe();
    if (response.statusCode < 400) return undefined;
    if (!contentType.startsWith('application/problem+json')) return describe();
    const body = JSON.parse(response.body) as { status?: number; title?: string; type?: string };
    if (body.status !== response.statusCode || !body.title || !body.type) return describe();
    // A bare framework message ("Body is not valid JSON…") is a detail, never a title; a
    // standard reason phrase as title must be the one for this status.
    if (body.title.length > 80) return describe();
    const phrase = Object.values(STATUS_CODES).includes(body.title);
    if (phrase && body.title !== STATUS_CODES[response.statusCode]) return describe();
    return undefined;
  }

  async function fuzz(auth: Record<string, string>): Promise<{ sent: number; failures: Failure[] }> {
    const failures: Failure[] = [];
    let sent = 0;
    for (const [index, operation] of operations.entries()) {
      const requests = fc.sample(requestFor(operation, auth), { numRuns: REQUESTS_PER_OPERATION, seed: SEED + index });
      for (const request of requests) {
        const response = await ctx.app.inject(request);
        sent++;
        const failure = problemsIn(request, response);
        if (failure) failures.push(failure);
      }
    }
    return { sent, failures };
  }

  it('never answers a locality administrator with a server error, and every error is problem details', async () => {
    const { sent, failures } = await fuzz(admin.headers);
    expect(sent).toBeGreaterThan(operations.length * 10);
    expect(failures).toEqual([]);
  }, 300_000);

  it('never answers the public with a server error, and every error is problem details', async () => {
    const { sent, failures } = await fuzz({});
    expect(sent).toBeGreaterThan(operations.length * 10);
    expect(failures).toEqual([]);
  }, 300_000);
});
