import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumInstalled, expectNoAxeViolations, launchBrowser, newPage } from '../helpers/browser.js';
import { type TestServer, startTestServer } from '../helpers/server.js';

/**
 * Money and partnerships: the district council's representative records what the council puts
 * into the LSP (a wrong amount first, shown back with the error); the LSP's secretary confirms
 * it; the LSP manager reads money by outcome with the unfunded outcome flagged, opens the
 * funding cliff edge, the league table and one partnership's cost-benefit with its range.
 * axe checks every page.
 */
const LOCALITY = 'E07999001';
const BASE = `/localities/${LOCALITY}/resources`;
const runJourney = chromiumInstalled() || Boolean(process.env.CI);

describe.skipIf(!runJourney)('resources journey in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let pages: Page[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const signIn = async (email: string) => {
    const page = await newPage(browser, server.url, email);
    pages.push(page);
    return page;
  };

  it('records a contribution, confirms it, and reads money by outcome, the cliff edge and cost-benefit', async () => {
    const partner = await signIn('partner@brackenfield.example');
    await partner.goto(`${BASE}/contributions`);
    await expectNoAxeViolations(partner);
    await Promise.all([
      partner.waitForNavigation(),
      partner.getByRole('button', { name: 'Record a contribution' }).click(),
    ]);
    await expectNoAxeViolations(partner);
    await partner.getByLabel('Partnership', { exact: true }).selectOption({ label: 'Brackenfield Partnership' });
    await partner.getByLabel('Cash', { exact: true }).check();
    await partner.getByLabel('Cash, or the value of what is given in kind').fill('2,500.5.0');
    await partner.getByLabel('Description (optional)').fill('Venue hire for the annual conference');
    await Promise.all([
      partner.waitForNavigation(),
      partner.getByRole('button', { name: 'Record the contribution' }).click(),
    ]);
    expect(await partner.locator('.govuk-error-summary').innerText()).toContain('Amount must be an amount in pounds');
    expect(await partner.getByLabel('Description (optional)').inputValue()).toBe(
      'Venue hire for the annual conference',
    );
    await expectNoAxeViolations(partner);
    await partner.getByLabel('Cash, or the value of what is given in kind').fill('2,500.50');
    await Promise.all([
      partner.waitForNavigation(),
      partner.getByRole('button', { name: 'Record the contribution' }).click(),
    ]);
    expect(await partner.locator('.govuk-notification-banner').innerText()).toContain('asked to confirm it');
    const row = partner.locator('#contribution-list tr', { hasText: 'Venue hire for the annual conference' });
    expect(await row.innerText()).toContain('Awaiting confirmation');
    expect(await row.innerText()).toContain('£2,501');
    // The representative is not the secretary: no confirm button for them.
    expect(await row.getByRole('button', { name: /Confirm/ }).count()).toBe(0);
    await expectNoAxeViolations(partner);

    const secretary = await signIn('secretary@brackenfield.example');
    await secretary.goto(`${BASE}/contributions?state=entered`);
    const pending = secretary.locator('#contribution-list tr', { hasText: 'Venue hire for the annual conference' });
    await Promise.all([secretary.waitForNavigation(), pending.getByRole('button', { name: /Confirm/ }).click()]);
    expect(await secretary.locator('.govuk-notification-banner').innerText()).toContain(
      'from Brackenfield District Council to Brackenfield Partnership is confirmed',
    );
    expect(
      await secretary.locator('#contribution-list tr', { hasText: 'Venue hire for the annual conference' }).innerText(),
    ).toContain('Confirmed');
    await expectNoAxeViolations(secretary);

    const manager = await signIn('admin@brackenfield.example');
    await manager.goto(`/localities/${LOCALITY}/partnerships`);
    await Promise.all([
      manager.waitForNavigation(),
      manager.locator('.govuk-service-navigation').getByRole('link', { name: 'Plans and money' }).click(),
    ]);
    await Promise.all([
      manager.waitForNavigation(),
      manager.getByRole('navigation', { name: 'Plans and money' }).getByRole('link', { name: 'Resources' }).click(),
    ]);
    expect(await manager.locator('h1').innerText()).toContain('Money by outcome');
    expect(await manager.locator('#gaps').innerText()).toContain(
      'No money behind this outcome: Less waste, more recycling',
    );
    expect(
      await manager.locator('#money-by-outcome tr', { hasText: 'Less waste, more recycling' }).innerText(),
    ).toContain('No money behind this outcome');
    await expectNoAxeViolations(manager);

    await Promise.all([manager.waitForNavigation(), manager.getByRole('link', { name: 'Funding cliff edge' }).click()]);
    const soonest = manager.locator('#window-6 + table');
    expect(await soonest.innerText()).toContain('Supporting Families (Brackenfield)');
    expect(await soonest.innerText()).toContain('Early Help Partnership');
    expect((await soonest.locator('.govuk-tag--red').innerText()).toLowerCase()).toBe('no');
    await expectNoAxeViolations(manager);
    await Promise.all([
      manager.waitForNavigation(),
      manager.getByRole('button', { name: 'Record a funding stream' }).click(),
    ]);
    expect(await manager.locator('h1').innerText()).toBe('Record a funding stream');
    await expectNoAxeViolations(manager);
    await Promise.all([manager.waitForNavigation(), manager.getByRole('link', { name: 'Cancel' }).click()]);

    await Promise.all([
      manager.waitForNavigation(),
      manager.getByRole('link', { name: 'Cost-benefit', exact: true }).click(),
    ]);
    expect(await manager.locator('svg.app-cb-chart').getAttribute('role')).toBe('img');
    expect(await manager.locator('#league tbody tr').count()).toBe(
      await manager.locator('svg.app-cb-chart circle').count(),
    );
    expect(await manager.locator('#not-assessed').innerText()).toContain('Not yet assessed');
    await expectNoAxeViolations(manager);

    await Promise.all([
      manager.waitForNavigation(),
      manager.locator('#league').getByRole('link', { name: 'Brackenfield Community Safety Partnership' }).click(),
    ]);
    expect(await manager.locator('#verdict').innerText()).toMatch(/ratio [\d.]+, between [\d.]+ and [\d.]+/);
    expect(await manager.locator('#sensitivity').innerText()).toContain('Ratio of benefit to cost');
    await expectNoAxeViolations(manager);
    pages = [];
  }, 180_000);
});
