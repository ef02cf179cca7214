import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../src/modules/accounts/demo-users.js';
import { chromiumInstalled, expectNoAxeViolations, launchBrowser } from '../helpers/browser.js';
import { type TestServer, startTestServer } from '../helpers/server.js';

/**
 * A system administrator opens the thesaurus, searches it, opens a concept, adds an everyday
 * phrase as an alternative label and sees it there; a label that reads like another concept's
 * is refused with the error summary. axe checks every page on the way.
 */
const runJourney = chromiumInstalled() || Boolean(process.env.CI);
const ADMIN = DEMO_ACCOUNTS.find((account) => account.role === 'system-admin')!;

describe.skipIf(!runJourney)('the thesaurus in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    const context = await browser.newContext({ baseURL: server.url });
    context.setDefaultTimeout(15_000);
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lets an administrator search, open a concept, add a label and see it', async () => {
    await page.goto('/sign-in');
    await page.getByLabel('Email address').fill(ADMIN.email);
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Sign in' }).click()]);

    await page.goto('/');
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'Thesaurus' }).first().click()]);
    expect(await page.locator('h1').innerText()).toBe('The thesaurus');
    await expectNoAxeViolations(page);

    await page.getByLabel('Search labels and alternative labels').fill('under 18 conceptions');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Search' }).click()]);
    await expectNoAxeViolations(page);
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'Teenage pregnancy' }).click()]);
    expect(await page.locator('h1').innerText()).toBe('Teenage pregnancy');
    await expectNoAxeViolations(page);

    await page.getByLabel('Alternative label').fill('girls having babies young');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Add label' }).click()]);
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('was added to Teenage pregnancy');
    expect(await page.locator('#alt-labels').innerText()).toContain('girls having babies young');
    await expectNoAxeViolations(page);

    await page.getByLabel('Alternative label').fill('Sexual health');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Add label' }).click()]);
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('reads the same as');
    await expectNoAxeViolations(page);
  }, 120_000);
});
