import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../core/actor.js';
import { type Person, type TestContext, createTestContext } from '../../test/helpers/context.js';
import { FormSession } from '../../test/helpers/forms.js';
import { SRC_DIR, createViewEnvironment } from './render.js';

/** Every id on a page with how often it occurs. */
function idCounts(html: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const match of html.matchAll(/\sid="([^"]+)"/g))
    counts.set(match[1] as string, (counts.get(match[1] as string) ?? 0) + 1);
  return counts;
}

/** The element whose id an error summary link targets, as the opening tag. */
function target(html: string, href: string): string | undefined {
  const id = href.replace(/^#/, '');
  return new RegExp(`<[a-z]+[^>]*\\sid="${id}"[^>]*>`).exec(html)?.[0];
}

function summaryLinks(html: string): string[] {
  const summary = /<div class="govuk-error-summary"[\s\S]*?<\/div>\s*<\/div>/.exec(html)?.[0] ?? '';
  return [...summary.matchAll(/href="(#[^"]+)"/g)].map((m) => m[1] as string);
}

function templates(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? templates(full) : entry.name.endsWith('.njk') ? [full] : [];
  });
}

describe('date inputs', () => {
  it('give the Day box the id the error summary links to, and that id to nothing else', () => {
    const env = createViewEnvironment();
    const html = env.renderString(
      `{% from "partials/date-input.njk" import dateInput %}{{ dateInput({ name: "establishedOn", legend: "Date established", hint: "For example, 1 4 2005", values: { day: "31", month: "2", year: "2020" }, errorMessage: { text: "Enter a real date" } }) }}`,
      {},
    );
    expect(target(html, '#establishedOn')).toMatch(/^<input\s[^>]*name="establishedOn-day"/);
    for (const [id, count] of idCounts(html)) expect(count, id).toBe(1);
    expect(html).toContain('value="31"');
  });

  it('are all drawn by that one macro: no page builds its own', () => {
    const direct = templates(path.join(SRC_DIR))
      .filter((file) => !file.endsWith(path.join('partials', 'date-input.njk')))
      .filter((file) => /govukDateInput\s*\(/.test(fs.readFileSync(file, 'utf8')))
      .map((file) => path.relative(SRC_DIR, file));
    expect(direct).toEqual([]);
  });
});

describe('a date field with an error, on a real form', () => {
  let ctx: TestContext;
  let admin: Person;
  const CODE = 'E07000088';

  beforeAll(async () => {
    ctx = await createTestContext('pglite');
    await ctx.services.register.createLocality(SYSTEM, {
      gssCode: CODE,
      name: 'Dateford',
      kind: 'district',
      region: 'London',
    });
    admin = await ctx.person([{ role: 'locality-admin', localityCode: CODE }]);
  });
  afterAll(() => ctx.close());

  it('links the error summary to the Day box of the date, on a page with no id twice', async () => {
    const session = new FormSession(ctx.app);
    await session.signIn(admin.email, admin.password);
    const response = await session.submit(`/localities/${CODE}/partnerships/new`, `/localities/${CODE}/partnerships`, {
      name: 'Dated board',
      purpose: 'Joint working',
      basis: 'voluntary',
      legalForm: 'unincorporated',
      layer: 'executive',
      status: 'active',
      'establishedOn-day': '31',
      'establishedOn-month': '2',
      'establishedOn-year': '2020',
    });
    expect(response.statusCode).toBe(422);
    const links = summaryLinks(response.body);
    expect(links).toContain('#establishedOn');
    expect(target(response.body, '#establishedOn')).toMatch(/^<input\s[^>]*name="establishedOn-day"/);
    for (const [id, count] of idCounts(response.body)) expect(count, id).toBe(1);
  });
});
