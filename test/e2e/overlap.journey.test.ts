import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumInstalled, expectNoAxeViolations, launchBrowser, newPage } from '../helpers/browser.js';
import { type TestServer, startTestServer } from '../helpers/server.js';

/**
 * A scrutiny councillor looks for duplication: the map filtered to one theme, then the overlap
 * analysis, one group of similar partnerships with why they look alike and what merging would
 * save. The groups table shows the same groups as the API. axe checks every page.
 */
const LOCALITY = 'E07999001';
const runJourney = chromiumInstalled() || Boolean(process.env.CI);

describe.skipIf(!runJourney)('overlap journey in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    page = await newPage(browser, server.url, 'scrutiny@brackenfield.example');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('filters the map to a theme, then opens a group of similar partnerships with its explanation and saving', async () => {
    await page.goto(`/localities/${LOCALITY}/map`);
    await page.locator('#map-canvas[data-ready]').waitFor();
    await page.locator('select[name="theme"]').selectOption('community-safety');
    await Promise.all([
      page.waitForNavigation(),
      page
        .getByRole('button', { name: /apply|show|filter/i })
        .first()
        .click(),
    ]);
    expect(new URL(page.url()).searchParams.get('theme')).toBe('community-safety');
    await page.locator('#map-canvas[data-ready]').waitFor();
    await expectNoAxeViolations(page);

    await Promise.all([
      page.waitForNavigation(),
      page.locator('.govuk-service-navigation').getByRole('link', { name: 'Overlap', exact: true }).click(),
    ]);
    expect(await page.locator('h1').innerText()).toBe('Overlap and duplication');
    await expectNoAxeViolations(page);
    const rows = page.locator('#clusters tbody tr');
    const api = await page.evaluate(
      async (code) => (await fetch(`/api/v1/localities/${code}/overlap`)).json(),
      LOCALITY,
    );
    expect(await rows.count()).toBe(api.clusters.length);
    expect(await rows.count()).toBeGreaterThanOrEqual(5);

    const domestic = rows.filter({ hasText: 'Domestic Abuse Forum' }).getByRole('link');
    await Promise.all([page.waitForNavigation(), domestic.click()]);
    expect(await page.getByRole('heading', { name: 'Why they look alike' }).count()).toBe(1);
    expect(await page.getByText('Shared members', { exact: true }).count()).toBeGreaterThan(0);
    const saving = await page.locator('.app-key-figure__value').first().innerText();
    expect(saving).toMatch(/^£[\d,]+/);
    expect(await page.locator('.govuk-summary-card').count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page);
  });
});
