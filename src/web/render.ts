import path from 'node:path';
import { fileURLToPath } from 'node:url';
import nunjucks from 'nunjucks';
import { formatDate, formatDateTime, dateParts } from '../core/dates.js';
import { formatMeasure } from '../core/measures.js';
import type { FieldError } from '../core/errors.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const SRC_DIR = path.resolve(here, '..');
export const GOVUK_DIR = path.resolve(SRC_DIR, '../node_modules/govuk-frontend/dist');

/**
 * Integer pence as pounds, rounded to the pound like every figure of yearly cost: £12,345 and
 * £0; pence show only on a small sum that has them (£12.50).
 */
export function formatMoney(pence: number | null | undefined): string {
  if (pence === null || pence === undefined) return '';
  const pounds = pence / 100;
  const showPence = Math.abs(pounds) < 100 && !Number.isInteger(pounds);
  return (showPence ? POUNDS_AND_PENCE : POUNDS).format(pounds);
}

// Intl formatters are made once (making one costs far more than using it), by digits shown.
const POUNDS = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 });
const POUNDS_AND_PENCE = new Intl.NumberFormat('en-GB', {
  style: 'currency',
  currency: 'GBP',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const numberFormats = new Map<number, Intl.NumberFormat>();
function numberFormat(digits: number): Intl.NumberFormat {
  let format = numberFormats.get(digits);
  if (!format) numberFormats.set(digits, (format = new Intl.NumberFormat('en-GB', { maximumFractionDigits: digits })));
  return format;
}

/**
 * Nunjucks' own trim (`str.replace(/^\s*|\s*$/g, '')`) retries the trailing pattern at every
 * run of spaces, so on the long indented HTML the GOV.UK macros trim it took an eighth of the
 * register page's time. String.prototype.trim removes the same characters, in one pass.
 */
function trim(value: unknown): unknown {
  const text = String(value ?? '').trim();
  return value instanceof nunjucks.runtime.SafeString ? new nunjucks.runtime.SafeString(text) : text;
}

export function createViewEnvironment(globals: Record<string, unknown> = {}): nunjucks.Environment {
  const env = nunjucks.configure([path.join(SRC_DIR, 'web/views'), path.join(SRC_DIR, 'modules'), GOVUK_DIR], {
    autoescape: true,
    throwOnUndefined: false,
    noCache: process.env.NODE_ENV === 'development',
  });
  for (const [name, value] of Object.entries(globals)) env.addGlobal(name, value);
  env.addFilter('date', formatDate);
  env.addFilter('dateTime', formatDateTime);
  env.addFilter('dateParts', dateParts);
  env.addFilter('trim', trim);
  env.addFilter('number', (value: number | null | undefined, digits = 0) =>
    value === null || value === undefined ? '' : numberFormat(digits).format(value),
  );
  env.addFilter(
    'plural',
    (count: number, singular: string, pluralForm?: string) =>
      `${numberFormat(3).format(count)} ${count === 1 ? singular : (pluralForm ?? `${singular}s`)}`,
  );
  /** Error summary items for govukErrorSummary, linking each message to its field. */
  env.addFilter('errorList', (errors: FieldError[] | undefined) =>
    (errors ?? []).map((e) => ({ text: e.message, href: `#${e.field}` })),
  );
  /** The message for one field, as govukInput's errorMessage expects, or false. */
  env.addFilter('fieldError', (errors: FieldError[] | undefined, field: string) => {
    const found = (errors ?? []).find((e) => e.field === field);
    return found ? { text: found.message } : false;
  });
  env.addFilter('money', formatMoney);
  env.addFilter('measure', formatMeasure);
  env.addFilter('percent', (share: number | null | undefined, digits = 0) =>
    share === null || share === undefined ? '' : `${(share * 100).toFixed(digits)}%`,
  );
  env.addFilter('json', (value: unknown) => JSON.stringify(value, null, 2));
  return env;
}
