/**
 * fast-check arbitraries built from the JSON Schemas (2020-12) of the OpenAPI document: values
 * that fit a schema, and hostile ones that a client might send instead (wrong types, missing
 * fields, NUL and huge strings, impossible dates, ids that are not ids). Only the keywords
 * that zod emits are understood; anything else gets any JSON value.
 */
import fc from 'fast-check';

export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  default?: unknown;
}

const isoDate = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

function validString(schema: JsonSchema): fc.Arbitrary<string> {
  if (schema.format === 'uuid') return fc.uuid({ version: 4 });
  if (schema.format === 'date') return isoDate;
  if (schema.format === 'date-time') return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
  if (schema.format === 'email') return fc.emailAddress();
  if (schema.format === 'uri') return fc.webUrl();
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern));
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? 40, 40));
  return fc.string({ minLength, maxLength, unit: 'grapheme' });
}

function validNumber(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -1_000);
  const max = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : 100_000);
  return integer
    ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
    : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

/** Values that fit the schema. */
export function validValue(schema: JsonSchema | undefined): fc.Arbitrary<unknown> {
  if (!schema) return fc.jsonValue({ maxDepth: 2 });
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map(validValue));
  if (Array.isArray(schema.type)) return fc.oneof(...schema.type.map((type) => validValue({ ...schema, type })));
  switch (schema.type) {
    case 'string':
      return validString(schema);
    case 'integer':
      return validNumber(schema, true);
    case 'number':
      return validNumber(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(validValue(schema.items), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? 3, 3)),
      });
    case 'object': {
      const properties = schema.properties ?? {};
      const shape = Object.fromEntries(Object.entries(properties).map(([key, inner]) => [key, validValue(inner)]));
      return fc.record(shape, { requiredKeys: (schema.required ?? []).filter((key) => key in properties) });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Strings no schema should let through to the database unchecked. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    '',
    ' ',
    '2025-02-31',
    '2025-13-01',
    '0000-00-00',
    '99999-01-01',
    'yesterday',
    'not-a-uuid',
    '00000000-0000-0000-0000-000000000000',
    "'; drop table partnerships; --",
    '%00',
    '../../etc/passwd',
    '\uD800',
    '=HYPERLINK("http://example.org")',
    '<script>alert(1)</script>',
    'NaN',
    '-1',
    '1e309',
    '9'.repeat(40),
  ),
  fc.integer({ min: 201, max: 12_000 }).map((n) => 'x'.repeat(n)),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.uuid({ version: 4 }),
);

/** Values of the wrong kind for the schema (or any kind, where the schema allows much). */
export const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.constantFrom(null, true, false, 0, -1, 1.5, 2 ** 53, -(2 ** 31), 1e308, [], {}, [null], { a: 1 }),
  fc.array(hostileString, { maxLength: 3 }),
);

/** A value that breaks the schema in one place: a field of the wrong type or hostile text, or a required one missing. */
export function hostileValue(schema: JsonSchema | undefined): fc.Arbitrary<unknown> {
  if (schema?.type !== 'object' || !schema.properties || Object.keys(schema.properties).length === 0)
    return fc.oneof(wrongType, validValue(schema));
  const keys = Object.keys(schema.properties);
  return fc
    .tuple(
      validValue(schema) as fc.Arbitrary<Record<string, unknown>>,
      fc.constantFrom(...keys),
      fc.oneof(wrongType, fc.constant(undefined)),
    )
    .map(([value, key, replacement]) => {
      const broken = { ...value };
      if (replacement === undefined) delete broken[key];
      else broken[key] = replacement;
      return broken;
    });
}
