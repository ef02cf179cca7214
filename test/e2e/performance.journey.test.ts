import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumInstalled, expectNoAxeViolations, launchBrowser, newPage } from '../helpers/browser.js';
import { type TestServer, startTestServer } from '../helpers/server.js';

/**
 * The LSP manager reviews performance for the board: the outcome framework filtered to one
 * theme, an indicator's chart and its table, a new value entered (which changes nothing until
 * approved), the approval, the status changed, and the printable report. axe checks every page.
 */
const LOCALITY = 'E07999001';
const runJourney = chromiumInstalled() || Boolean(process.env.CI);

describe.skipIf(!runJourney)('performance journey in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    page = await newPage(browser, server.url, 'admin@brackenfield.example');
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const obesityStatus = () => page.locator('#status-1 .govuk-tag').innerText();

  it('filters the framework to a theme, reads an indicator chart and table, enters a value and sees the status change after approval', async () => {
    await page.goto(`/localities/${LOCALITY}/performance`);
    expect(await page.locator('h1').innerText()).toBe('Outcome framework');
    await expectNoAxeViolations(page);

    await page.getByLabel('Theme').selectOption('children-young-people');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Apply filters' }).click()]);
    expect(new URL(page.url()).searchParams.get('theme')).toBe('children-young-people');
    expect(await page.getByRole('link', { name: 'Healthier children: reduce childhood obesity' }).count()).toBe(1);
    expect(await page.getByText('A safer Brackenfield').count()).toBe(0);
    await expectNoAxeViolations(page);

    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: /dashboard, with charts/ }).click()]);
    expect(await page.locator('svg.app-perf-chart').count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page);

    await page.goto(`/localities/${LOCALITY}/performance?theme=children-young-people`);
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'NI 56' }).first().click()]);
    expect(await page.locator('h1').innerText()).toContain('NI 56');
    const chart = page.locator('svg.app-perf-chart').first();
    expect(await chart.getAttribute('role')).toBe('img');
    const table = page.locator('section.app-target').first().locator('table');
    expect(await table.locator('tbody tr', { hasText: '2024/25' }).locator('td').first().innerText()).toBe('19.6');
    expect(await chart.locator('circle').count()).toBe(
      await table.locator('tbody td:nth-child(2)').filter({ hasNotText: '–' }).count(),
    );
    expect(await obesityStatus()).toBe('At risk');
    await expectNoAxeViolations(page);

    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'Enter a value' }).click()]);
    await expectNoAxeViolations(page);
    await page.getByLabel('Year').fill('2025/26');
    await page.getByLabel('Value').fill('18.2');
    await page.getByLabel('Provisional').check();
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Save the value' }).click()]);
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain(
      'once the administrator approves it',
    );
    expect(await page.locator('#values tr', { hasText: '2025/26' }).innerText()).toContain('Awaiting approval');
    expect(await obesityStatus()).toBe('At risk');
    await expectNoAxeViolations(page);

    await page.goto(`/localities/${LOCALITY}/performance/approvals`);
    await expectNoAxeViolations(page);
    await page.locator('#pending tr', { hasText: 'NI 56' }).getByRole('checkbox').check();
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Approve chosen values' }).click()]);
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('1 value was approved');

    await page.goto(`/localities/${LOCALITY}/performance?theme=children-young-people`);
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'NI 56' }).first().click()]);
    expect(await obesityStatus()).toBe('On track');
    expect(
      await page
        .locator('section.app-target')
        .first()
        .locator('tbody tr', { hasText: '2025/26' })
        .locator('td')
        .first()
        .innerText(),
    ).toBe('18.2');
  });

  it('renders the printable report with its print stylesheet, and the PDF', async () => {
    await page.goto(`/localities/${LOCALITY}/performance/report`);
    expect(await page.locator('h1').innerText()).toBe('Performance report');
    await expectNoAxeViolations(page);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.govuk-service-navigation').isVisible()).toBe(false);
    expect(await page.locator('svg.app-perf-chart').first().isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    const pdf = await page.evaluate(async (url) => {
      const response = await fetch(url);
      return {
        type: response.headers.get('content-type'),
        start: new TextDecoder().decode((await response.arrayBuffer()).slice(0, 5)),
      };
    }, `/localities/${LOCALITY}/performance/report.pdf`);
    expect(pdf).toEqual({ type: 'application/pdf', start: '%PDF-' });
  });

  it('shows the overlapping plans, a partnership scorecard and the three layers, each accessible', async () => {
    await page.goto(`/localities/${LOCALITY}/performance/overlaps`);
    expect(await page.getByText('Brackenfield Health and Wellbeing Strategy 2022–2027').count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page);
    await Promise.all([
      page.waitForNavigation(),
      page
        .getByRole('link', { name: /Merge these outcomes/ })
        .first()
        .click(),
    ]);
    expect(await page.locator('#merge-preview li').count()).toBeGreaterThan(1);
    await expectNoAxeViolations(page);
    await page.goto(`/localities/${LOCALITY}/performance/layers`);
    expect(await page.locator('#undelivered li').count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page);
    await page.goto(`/localities/${LOCALITY}/partnerships?q=${encodeURIComponent('Health and Wellbeing Partnership')}`);
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('link', { name: 'Brackenfield Health and Wellbeing Partnership', exact: true }).click(),
    ]);
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'Outcomes and performance' }).click()]);
    expect(await page.locator('#scorecard tbody tr').count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page);
  });

  it('keeps the administrator’s forms and the remaining pages accessible', async () => {
    await page.goto(`/localities/${LOCALITY}/performance/indicators`);
    await expectNoAxeViolations(page);
    const visited: string[] = [];
    await page.goto(`/localities/${LOCALITY}/performance`);
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('link', { name: 'Brackenfield Sustainable Community Strategy 2021–2031' }).click(),
    ]);
    const planUrl = page.url();
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('link', { name: 'Less waste, more recycling' }).click(),
    ]);
    const outcomeUrl = page.url();
    for (const url of [
      planUrl,
      `${planUrl}/edit`,
      `${planUrl}/outcomes/new`,
      outcomeUrl,
      `${outcomeUrl}/edit`,
      `${outcomeUrl}/targets/new`,
      `/localities/${LOCALITY}/performance/plans/new`,
      `/localities/${LOCALITY}/performance/indicators/new`,
      `/localities/${LOCALITY}/performance/indicators/import`,
      `/localities/${LOCALITY}/performance/measurements/import`,
    ]) {
      await page.goto(url);
      expect(await page.locator('h1').count(), url).toBe(1);
      await expectNoAxeViolations(page, { soft: true });
      visited.push(url);
    }
    await page.goto(outcomeUrl);
    await Promise.all([
      page.waitForNavigation(),
      page
        .getByRole('link', { name: /^Change/ })
        .first()
        .click(),
    ]);
    await expectNoAxeViolations(page);
    await page.goto(`/localities/${LOCALITY}/performance/measurements/new`);
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Save the value' }).click()]);
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('Choose an indicator');
    await expectNoAxeViolations(page);
    expect(visited.length).toBe(10);
  });
});
