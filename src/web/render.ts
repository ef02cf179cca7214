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
  return new Intl.NumberFormat('en-GB', {
    style: 'currency',
    currency: 'GBP',
    maximumFractionDigits: showPence ? 2 : 0,
    minimumFractionDigits: showPence ? 2 : 0,
  }).format(pounds);
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
  env.addFilter('number', (value: number | null | undefined, digits = 0) =>
    value === null || value === undefined
      ? ''
      : new Intl.NumberFormat('en-GB', { maximumFractionDigits: digits }).format(value),
  );
  env.addFilter(
    'plural',
    (count: number, singular: string, pluralForm?: string) =>
      `${new Intl.NumberFormat('en-GB').format(count)} ${count === 1 ? singular : (pluralForm ?? `${singular}s`)}`,
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
