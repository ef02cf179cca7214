import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../../test/helpers/database.js';
import { chromiumInstalled, expectNoAxeViolations, launchBrowser } from '../../../test/helpers/browser.js';
import { type TestServer, startTestServer } from '../../../test/helpers/server.js';
import { SYSTEM } from '../../core/actor.js';

/**
 * The import and export pages in a real browser: every state (visitor, administrator, a
 * refused upload with its error summary and table, a successful one) checked with axe
 * against WCAG 2.2 AA, and the upload itself done as a person would.
 */
const runBrowser = chromiumInstalled() || Boolean(process.env.CI);
const CODE = 'E07000778';
const PASSWORD = 'correct horse battery staple';

describe.skipIf(!runBrowser).each(backends)('import and export pages in Chromium (%s)', (backend) => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer({
      databaseUrl: backend === 'postgres' ? process.env.TEST_DATABASE_URL : undefined,
      seedDemo: false,
    });
    const { register, accounts } = server.running.services;
    await register.createLocality(SYSTEM, {
      gssCode: CODE,
      name: 'Browser Vale',
      kind: 'district',
      region: 'East Midlands',
    });
    await accounts.createUser(SYSTEM, { email: 'admin@browser.example', name: 'Bea Admin', password: PASSWORD }, [
      { role: 'locality-admin', localityCode: CODE, region: null, partnershipId: null, organisationId: null },
    ]);
    browser = await launchBrowser();
    context = await browser.newContext({ baseURL: server.url });
    context.setDefaultTimeout(15_000);
    page = await context.newPage();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  const signIn = async () => {
    const { token } = await server.running.services.accounts.signIn(
      { email: 'admin@browser.example', password: PASSWORD },
      '127.0.0.1',
    );
    await context.addCookies([{ name: 'joinedup-session', value: token, url: server.url }]);
  };

  const upload = async (kind: string, name: string, text: string) => {
    await page.getByLabel(kind).check();
    await page.setInputFiles('#file', { name, mimeType: 'text/csv', buffer: Buffer.from(text) });
    await Promise.all([
      page.waitForNavigation({ waitUntil: 'load' }),
      page.getByRole('button', { name: 'Import' }).click(),
    ]);
  };

  it('shows a visitor the templates and the layout, accessibly', async () => {
    await page.goto(`/localities/${CODE}/exchange`);
    expect(await page.locator('h1').textContent()).toBe('Import and export');
    expect(await page.locator('input[type=file]').count()).toBe(0);
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Read the column layout' }).click();
    await page.waitForLoadState('load');
    expect(await page.locator('table caption').first().textContent()).toContain('organisations.csv');
    await expectNoAxeViolations(page);
  });

  it('lets the administrator upload: a bad file shows the error summary and every problem, a good one imports', async () => {
    await signIn();
    await page.goto(`/localities/${CODE}/exchange`);
    await expectNoAxeViolations(page);

    await upload(
      'A CSV file of organisations',
      'organisations.csv',
      'name,sector,org_type\nVale Council,public,district-council\nVale Trust,charitable,charity\n,community,community-group\n',
    );
    expect(await page.locator('.govuk-error-summary').isVisible()).toBe(true);
    expect(await page.locator('.govuk-error-summary a').first().textContent()).toContain(
      'organisations.csv has 2 problems',
    );
    expect(await page.locator('#import-problems ~ table tbody tr').count()).toBe(2);
    await expectNoAxeViolations(page);
    // The summary links to the file input, as the GOV.UK pattern asks.
    await page.locator('.govuk-error-summary a').first().click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('file');

    await upload(
      'A CSV file of organisations',
      'organisations.csv',
      'name,sector,org_type\nVale Council,public,district-council\n',
    );
    expect(await page.locator('.govuk-notification-banner--success').textContent()).toContain(
      'Imported 1 organisation, 0 partnerships and 0 memberships',
    );
    await expectNoAxeViolations(page);
  });
});
