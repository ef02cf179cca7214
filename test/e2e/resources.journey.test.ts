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

  it('records a pooled budget whose shares must add up, changes a benefit, sets the costing and opens the import', async () => {
    const manager = await signIn('admin@brackenfield.example');
    await manager.goto(`${BASE}/funding`);
    await Promise.all([
      manager.waitForNavigation(),
      manager.getByRole('button', { name: 'Record a pooled budget' }).click(),
    ]);
    expect(await manager.locator('h1').innerText()).toBe('Record a pooled budget');
    await expectNoAxeViolations(manager);
    await manager.getByLabel('Name of the arrangement').fill('Community equipment store');
    await manager.getByLabel('Legal basis').selectOption({ label: 'Section 75, NHS Act 2006 (pooled fund)' });
    await manager.getByLabel('Host partner').selectOption({ label: 'Nethershire County Council' });
    await manager.getByLabel('Amount a year').fill('300,000');
    await manager.getByRole('group', { name: 'Start date' }).getByLabel('Day').fill('1');
    await manager.getByRole('group', { name: 'Start date' }).getByLabel('Month').fill('4');
    await manager.getByRole('group', { name: 'Start date' }).getByLabel('Year').fill('2026');
    await manager.getByLabel('Contributor 1', { exact: true }).selectOption({ label: 'Nethershire County Council' });
    await manager.getByLabel('Share of contributor 1', { exact: true }).fill('70');
    await manager.getByLabel('Contributor 2', { exact: true }).selectOption({ label: 'Brackenfield District Council' });
    await manager.getByLabel('Share of contributor 2', { exact: true }).fill('20');
    await Promise.all([
      manager.waitForNavigation(),
      manager.getByRole('button', { name: 'Record the pooled budget' }).click(),
    ]);
    expect(await manager.locator('.govuk-error-summary').innerText()).toContain('they must add up to 100%');
    expect(await manager.getByLabel('Name of the arrangement').inputValue()).toBe('Community equipment store');
    await expectNoAxeViolations(manager);
    await manager.getByLabel('Share of contributor 2', { exact: true }).fill('30');
    await Promise.all([
      manager.waitForNavigation(),
      manager.getByRole('button', { name: 'Record the pooled budget' }).click(),
    ]);
    expect(await manager.locator('.govuk-notification-banner').innerText()).toContain(
      'The pooled budget Community equipment store was recorded.',
    );
    await expectNoAxeViolations(manager);

    // Budget lines, with a change link on each.
    await Promise.all([manager.waitForNavigation(), manager.getByRole('link', { name: 'Budget lines' }).click()]);
    expect(await manager.locator('#budget-lines tbody tr').count()).toBeGreaterThan(0);
    await expectNoAxeViolations(manager);
    await Promise.all([
      manager.waitForNavigation(),
      manager
        .locator('#budget-lines')
        .getByRole('link', { name: /Change/ })
        .first()
        .click(),
    ]);
    expect(await manager.locator('h1').innerText()).toBe('Change a budget line');
    await expectNoAxeViolations(manager);

    // The costing settings: the rates the costs are worked out on.
    await manager.goto(`${BASE}/budget-lines`);
    await Promise.all([manager.waitForNavigation(), manager.getByRole('link', { name: 'Costing settings' }).click()]);
    expect(await manager.getByLabel('Public sector').inputValue()).toBe('45');
    await manager.getByLabel('Grade 1', { exact: true }).fill('Senior officer');
    await manager.getByLabel('Hourly cost of grade 1').fill('55');
    await Promise.all([
      manager.waitForNavigation(),
      manager.getByRole('button', { name: 'Save the settings' }).click(),
    ]);
    expect(await manager.locator('.govuk-notification-banner').innerText()).toContain(
      'The costing settings were saved.',
    );
    await expectNoAxeViolations(manager);

    // A partnership's cost says what its meetings were costed from; its benefits can be changed.
    await manager.goto(`${BASE}/cost-benefit`);
    await Promise.all([
      manager.waitForNavigation(),
      manager.locator('#league').getByRole('link', { name: 'Brackenfield Community Safety Partnership' }).click(),
    ]);
    expect(await manager.locator('#transaction-cost').innerText()).toMatch(
      /From the (meetings held|assumed meeting pattern):/,
    );
    await Promise.all([
      manager.waitForNavigation(),
      manager
        .locator('#benefits')
        .getByRole('link', { name: /Change/ })
        .first()
        .click(),
    ]);
    expect(await manager.locator('h1').innerText()).toContain('Change a benefit');
    await expectNoAxeViolations(manager);
    await Promise.all([manager.waitForNavigation(), manager.getByRole('button', { name: 'Save the changes' }).click()]);
    expect(await manager.locator('.govuk-notification-banner').innerText()).toContain('The benefit was changed.');

    // The import of contributions: its page, and a file refused line by line.
    await manager.goto(`${BASE}/contributions`);
    await Promise.all([
      manager.waitForNavigation(),
      manager.getByRole('button', { name: 'Import contributions' }).click(),
    ]);
    await expectNoAxeViolations(manager);
    await manager.getByLabel('Upload the contributions').setInputFiles({
      name: 'contributions.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'partnership,organisation,year,kind,amount\r\nNo Such Partnership,Nethershire Police,2026/27,cash,100\r\n',
      ),
    });
    await Promise.all([manager.waitForNavigation(), manager.getByRole('button', { name: 'Import' }).click()]);
    expect(await manager.locator('#problems').innerText()).toContain('No partnership of');
    await expectNoAxeViolations(manager);
    pages = [];
  }, 180_000);
});
