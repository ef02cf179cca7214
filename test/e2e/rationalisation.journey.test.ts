import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInLondon } from '../../src/core/dates.js';
import { chromiumInstalled, expectNoAxeViolations, launchBrowser, newPage } from '../helpers/browser.js';
import { type TestServer, startTestServer } from '../helpers/server.js';

/**
 * The LSP manager starts a rationalisation plan from a group of similar partnerships, records
 * each board's agreement, reads the Government Office adviser's comment, carries the merge
 * out, then follows the lineage and looks at the register as it stood yesterday. axe checks
 * every page on the way.
 */
const LOCALITY = 'E07999001';
const runJourney = chromiumInstalled() || Boolean(process.env.CI);

describe.skipIf(!runJourney)('rationalisation journey in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let admin: Page;
  let adviser: Page;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    admin = await newPage(browser, server.url, 'admin@brackenfield.example');
    adviser = await newPage(browser, server.url, 'adviser@go-eastmidlands.example');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('merges a group of similar partnerships with their agreement, then shows the lineage and the register as at yesterday', async () => {
    // From the overlap analysis to a new plan for one group.
    await admin.goto(`/localities/${LOCALITY}/overlap`);
    await Promise.all([
      admin.waitForNavigation(),
      admin.locator('#clusters tbody tr').filter({ hasText: 'Domestic Abuse Forum' }).getByRole('link').first().click(),
    ]);
    await Promise.all([
      admin.waitForNavigation(),
      admin.getByRole('link', { name: 'Start a rationalisation plan for this group' }).click(),
    ]);
    expect(await admin.locator('h1').innerText()).toBe('Start a rationalisation plan');
    await expectNoAxeViolations(admin);
    await Promise.all([admin.waitForNavigation(), admin.getByRole('button', { name: 'Open the plan' }).click()]);
    const planUrl = admin.url().replace(/#.*$/, '');
    expect(await admin.locator('.govuk-summary-card__title').first().innerText()).toMatch(
      /^1\. Merge: .*(Domestic Abuse Forum|Violence Against Women).* into .*, which continues\s*$/,
    );
    const affected = await admin.locator('#consent-table tbody tr').count();
    expect(affected).toBeGreaterThanOrEqual(2);
    expect(await admin.locator('#readiness').innerText()).toMatch(/Still waiting for the agreement of/);
    // A merge plan lists merger guidance from the knowledge base.
    expect(await admin.locator('#related-guidance + ul').innerText()).toContain('How to run a partnership merger');
    await expectNoAxeViolations(admin);

    // The Government Office adviser was told, and comments.
    await adviser.goto('/inbox');
    expect(await adviser.getByText(/New rationalisation plan in Brackenfield/).count()).toBeGreaterThan(0);
    await adviser.goto(planUrl);
    await adviser
      .getByLabel('Add a comment')
      .fill('The Government Office supports a single domestic abuse forum; keep the refuge’s voice.');
    await Promise.all([adviser.waitForNavigation(), adviser.getByRole('button', { name: 'Add the comment' }).click()]);
    await expectNoAxeViolations(adviser);

    // Each board's agreement, recorded by the LSP manager on its behalf.
    await admin.goto(planUrl);
    expect(await admin.locator('#comments ~ .app-comment').first().innerText()).toMatch(
      /supports a single domestic abuse forum/,
    );
    for (let i = 0; i < affected; i++) {
      const waiting = admin.locator('#consent-table tbody tr').filter({ hasText: 'Waiting' }).first();
      const name = await waiting.locator('th').innerText();
      await admin.getByLabel('Partnership', { exact: true }).selectOption({ label: name });
      await admin.getByLabel('It agrees', { exact: true }).check();
      await Promise.all([admin.waitForNavigation(), admin.getByRole('button', { name: 'Record the answer' }).click()]);
      expect(await admin.locator('#consent-table tbody tr').filter({ hasText: name }).innerText()).toMatch(
        /Agreed.*on behalf of the board/s,
      );
    }
    expect(await admin.getByRole('heading', { name: 'Every affected partnership agreed' }).count()).toBe(1);
    await expectNoAxeViolations(admin);

    // Carry it out.
    const kept = (await admin.locator('.govuk-summary-card__title').first().innerText())
      .replace(/^.* into /, '')
      .replace(/, which continues\s*$/, '')
      .trim();
    await Promise.all([admin.waitForNavigation(), admin.getByRole('button', { name: 'Carry out the plan' }).click()]);
    expect(await admin.locator('h1 .govuk-tag').innerText()).toBe('Carried out');
    await expectNoAxeViolations(admin);

    // The continuing partnership's lineage names what merged into it.
    await admin.goto(`/localities/${LOCALITY}/partnerships?q=${encodeURIComponent(kept)}`);
    await Promise.all([
      admin.waitForNavigation(),
      admin.locator('#register-table a', { hasText: kept }).first().click(),
    ]);
    await Promise.all([admin.waitForNavigation(), admin.getByRole('link', { name: 'Lineage' }).click()]);
    const merged = admin.locator('#predecessors tbody tr');
    expect(await merged.count()).toBe(affected - 1);
    expect(await merged.first().innerText()).toMatch(/Merged into this/);
    const mergedName = await merged.first().locator('a').first().innerText();
    await expectNoAxeViolations(admin);

    // Yesterday's register still shows the merged partnership, active, with its members.
    const yesterday = new Date(Date.parse(`${todayInLondon()}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const [year, month, day] = yesterday.split('-');
    await admin.goto(`/localities/${LOCALITY}/partnerships`);
    await admin.getByLabel('Day').fill(String(Number(day)));
    await admin.getByLabel('Month').fill(String(Number(month)));
    await admin.getByLabel('Year').fill(year ?? '');
    await Promise.all([
      admin.waitForNavigation(),
      admin.getByRole('button', { name: 'Show the register then' }).click(),
    ]);
    expect(await admin.locator('h1').innerText()).toMatch(/as at/);
    await admin.getByLabel('Search name or purpose').fill(mergedName);
    await Promise.all([admin.waitForNavigation(), admin.getByRole('button', { name: 'Apply filters' }).click()]);
    const row = admin.locator('#register-table tbody tr').filter({ hasText: mergedName });
    expect(await row.innerText()).toMatch(/Active/);
    expect(((await row.locator('.app-members-then').textContent()) ?? '').split(';').length).toBeGreaterThan(1);
    await expectNoAxeViolations(admin);

    // Today it is marked merged.
    await admin.goto(`/localities/${LOCALITY}/partnerships?q=${encodeURIComponent(mergedName)}`);
    expect(await admin.locator('#register-table tbody tr').filter({ hasText: mergedName }).innerText()).toMatch(
      /Merged/,
    );
  });
});
