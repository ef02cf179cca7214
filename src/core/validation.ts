import { z } from 'zod';
import { ValidationError, fieldErrorsFromZod } from './errors.js';

/** Parse input against a schema, turning failures into a ValidationError naming each field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(withoutNulls(input));
  if (!result.success) throw new ValidationError(fieldErrorsFromZod(result.error));
  return result.data;
}

/**
 * In a JSON body, null means "no value", as absence does: a client can send back what it read
 * (where empty fields are null) as a full replacement.
 */
function withoutNulls(input: unknown): unknown {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return input;
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== null));
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether an id from an address or a form can be a record's id (anything else is simply not found). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

export function isRealDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** A calendar date as YYYY-MM-DD that exists (no 31 February). */
export const isoDate = (message: string) =>
  z.string({ error: message }).refine(isRealDate, { message }).meta({ format: 'date' });

export const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, { message: `${label} must be ${max} characters or fewer` })
    .optional();

export const requiredText = (max: number, emptyMessage: string, label: string) =>
  z
    .string({ error: emptyMessage })
    .trim()
    .min(1, { message: emptyMessage })
    .max(max, { message: `${label} must be ${max} characters or fewer` });

export const uuid = (message: string) => z.uuid({ message });

/** ONS GSS code: a letter, two digits, six digits (E07000123, W06000015, S12000033, N09000001). */
export const GSS_CODE = /^[ENSWK]\d{8}$/;
export const gssCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(GSS_CODE, { message: 'Enter an ONS GSS code like E07000123' });

/**
 * HTML forms send every value as a string (or an array for repeated names). Turn a form body
 * into the shape the JSON schema expects, using the schema itself to know each field's type,
 * so one schema validates both the API and the pages. Empty strings mean "not given".
 * GOV.UK date inputs arrive as name-day, name-month, name-year and are joined to YYYY-MM-DD;
 * an incomplete date is passed on as it is so that validation names the field.
 */
export function formToInput(schema: z.ZodObject, body: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, fieldSchema] of Object.entries(schema.shape)) {
    const kind = baseType(fieldSchema as z.ZodType);
    const raw = kind === 'date' ? joinDateParts(body, key) : body[key];
    const value = coerce(kind, raw);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

type FieldKind = 'string' | 'number' | 'boolean' | 'array' | 'date' | 'other';

function baseType(schema: z.ZodType): FieldKind {
  let current: z.ZodType = schema;
  for (let depth = 0; depth < 10; depth++) {
    const def = (current as unknown as { def: { type: string; innerType?: z.ZodType; in?: z.ZodType } }).def;
    if (def.type === 'optional' || def.type === 'nullable' || def.type === 'default') {
      current = def.innerType as z.ZodType;
      continue;
    }
    if (def.type === 'pipe' && def.in) {
      current = def.in;
      continue;
    }
    if (def.type === 'string' && current.meta()?.format === 'date') return 'date';
    if (def.type === 'string' || def.type === 'enum') return 'string';
    if (def.type === 'number' || def.type === 'int') return 'number';
    if (def.type === 'boolean') return 'boolean';
    if (def.type === 'array') return 'array';
    return 'other';
  }
  return 'other';
}

function joinDateParts(body: Record<string, unknown>, key: string): unknown {
  const day = String(body[`${key}-day`] ?? '').trim();
  const month = String(body[`${key}-month`] ?? '').trim();
  const year = String(body[`${key}-year`] ?? '').trim();
  if (!day && !month && !year) return body[key];
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return `${year}-${month}-${day}`;
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

function coerce(kind: FieldKind, raw: unknown): unknown {
  if (raw === undefined || raw === null) return kind === 'array' ? [] : undefined;
  if (kind === 'array') {
    // A textarea of codes may hold several, separated by commas or new lines.
    return (Array.isArray(raw) ? raw : [raw])
      .flatMap((v) => String(v).split(/[\n,]+/))
      .map((v) => v.trim())
      .filter((v) => v !== '');
  }
  const text = Array.isArray(raw) ? String(raw[0] ?? '') : String(raw);
  if (text.trim() === '') return undefined;
  if (kind === 'number') {
    const trimmed = text.trim().replace(/,/g, '');
    return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : text;
  }
  if (kind === 'boolean') return ['true', 'on', 'yes', '1'].includes(text.toLowerCase());
  return text;
}

/** The largest whole number a PostgreSQL `integer` column holds. */
export const MAX_INTEGER = 2_147_483_647;

/** The version an edit was based on (optimistic concurrency): a whole number the database can hold. */
export const recordVersion = (message = 'Version must be the whole number read with the record') =>
  z.number({ error: message }).int({ message }).min(0, { message }).max(MAX_INTEGER, { message });
