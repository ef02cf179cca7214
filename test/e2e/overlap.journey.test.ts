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
      page.locator('.govuk-service-navigation').getByRole('link', { name: 'Governance', exact: true }).click(),
    ]);
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('navigation', { name: 'Governance' }).getByRole('link', { name: 'Overlap', exact: true }).click(),
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
    expect(await page.getByText(/^Strength:/).count()).toBeGreaterThan(0);
    const saving = await page.locator('.app-key-figure__value').first().innerText();
    expect(saving).toMatch(/^£[\d,]+/);
    expect(await page.locator('.govuk-summary-card').count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page);
  });
});

describe.skipIf(!runJourney)('an officer judges a pair and tunes the sensitivity, in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const visited: string[] = [];
  const proposalTitle = 'Town Centre Night-time Safety Group';

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    page = await newPage(browser, server.url, 'admin@brackenfield.example');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (visited.length) console.log(`axe (WCAG 2.2 AA) checked ${visited.length} pages:\n  ${visited.join('\n  ')}`);
  });

  async function checked(label: string) {
    visited.push(`${label}: ${new URL(page.url()).pathname}`);
    await expectNoAxeViolations(page);
  }
  const go = (target: ReturnType<Page['locator']>) => Promise.all([page.waitForNavigation(), target.click()]);

  async function openPrecheck() {
    await page.goto(`/localities/${LOCALITY}/proposals`);
    await go(page.getByRole('link', { name: proposalTitle }).first());
    await go(page.getByRole('link', { name: /pre-check/i }).first());
  }

  it('reads why a pair looks alike, marks it not a duplicate with a reason, and sees it gone from the groups and the pre-check', async () => {
    await openPrecheck();
    const alreadyGrouped = page.getByText(
      /already finds Town Centre Management Board likely doing the same work as Brackenfield BID Steering Group/,
    );
    expect(await alreadyGrouped.count()).toBe(1);
    await checked('pre-check before');

    await page.goto(`/localities/${LOCALITY}/overlap`);
    const group = page.locator('#clusters tbody tr').filter({ hasText: 'Town Centre Management Board' });
    expect(await group.count()).toBe(1);
    await go(group.getByRole('link').first());
    await checked('group page');
    await go(
      page.getByRole('link', {
        name: /Town Centre Management Board and Brackenfield BID Steering Group|Brackenfield BID Steering Group and Town Centre Management Board/,
      }),
    );
    expect(await page.locator('h1').innerText()).toBe('Do they do the same work?');
    const reasons = await page.locator('.govuk-list--bullet li').allInnerTexts();
    expect(reasons.join(' ')).toMatch(/Both describe the same work|specialist members|boards are the same/);
    expect(await page.getByText('Strength:').count()).toBeGreaterThan(0);
    await checked('pair page');

    // A reason is required for "not a duplicate": the error summary says so.
    await page.getByLabel('No, they are not duplicates').check();
    await go(page.getByRole('button', { name: 'Save judgement' }));
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('Say why they are not duplicates');
    await checked('pair page with an error');
    await page.getByLabel('No, they are not duplicates').check();
    await page
      .getByLabel('Why are they not duplicates?')
      .fill('The BID board is the levy payers’ company; the management board runs the council’s town centre service.');
    await go(page.getByRole('button', { name: 'Save judgement' }));
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('Recorded: not a duplicate');
    expect(await page.getByText('Not a duplicate', { exact: false }).count()).toBeGreaterThan(0);
    await checked('pair page judged');

    await page.goto(`/localities/${LOCALITY}/overlap`);
    expect(await page.locator('#clusters tbody tr').filter({ hasText: 'Town Centre Management Board' }).count()).toBe(
      0,
    );
    expect(await page.getByText(/judged not duplicates, no longer flagged/).count()).toBe(1);
    await page.goto(`/localities/${LOCALITY}/overlap/judgements`);
    expect(await page.locator('tbody tr').filter({ hasText: 'levy payers' }).count()).toBe(1);
    await checked('judgements');

    await openPrecheck();
    expect(await page.getByText(/already finds Town Centre Management Board likely doing the same work/).count()).toBe(
      0,
    );
    await checked('pre-check after');
  });

  it('raises the sensitivity and sees what would change before saving anything', async () => {
    await page.goto(`/localities/${LOCALITY}/overlap/settings`);
    await checked('sensitivity');
    const likely = Number(await page.getByLabel('Likely the same work from').inputValue());
    await page.getByLabel('Likely the same work from').fill(String(likely - 20));
    await page.getByLabel('Worth a look from').fill(String(likely - 30));
    await go(page.getByRole('button', { name: 'Preview the change' }));
    const preview = page.locator('#preview');
    expect(await preview.getByRole('heading', { name: 'What would change' }).count()).toBe(1);
    const cells = await preview.locator('tbody tr').first().locator('td').allInnerTexts();
    expect(Number(cells[1])).toBeGreaterThan(Number(cells[0]));
    expect(await preview.getByText(/Would become likely the same work/).count()).toBe(1);
    await checked('sensitivity preview');
    await page.goto(`/localities/${LOCALITY}/overlap/settings`);
    expect(Number(await page.getByLabel('Likely the same work from').inputValue())).toBe(likely);
  });
});
