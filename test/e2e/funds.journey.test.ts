import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumInstalled, expectNoAxeViolations, launchBrowser, newPage } from '../helpers/browser.js';
import { type TestServer, startTestServer } from '../helpers/server.js';

/**
 * A community group applies to the demo's Community Chest through the public form with no
 * account (a mistake first, shown back in the error summary); the gatekeeper panel member and
 * the locality administrator each score it against the weighted criteria; the administrator
 * awards it, and it appears on the public list of awards. axe checks every page.
 */
const LOCALITY = 'E07999001';
const BASE = `/localities/${LOCALITY}/funds`;
const GROUP = 'Bracken Vale Walking Group';
const runJourney = chromiumInstalled() || Boolean(process.env.CI);

describe.skipIf(!runJourney)('community funds journey in Chromium', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const go = (page: Page, action: Promise<unknown>) => Promise.all([page.waitForNavigation(), action]);

  async function score(page: Page, scores: string[]) {
    await page.goto(`${BASE}`);
    await go(page, page.getByRole('link', { name: /^Applications to Neighbourhood grants/ }).click());
    await expectNoAxeViolations(page);
    await go(page, page.locator('#application-list').getByRole('link', { name: GROUP }).click());
    await expectNoAxeViolations(page);
    const groups = page.locator('form[action$="/assessment"] .govuk-radios');
    for (const [i, value] of scores.entries()) await groups.nth(i).getByLabel(value, { exact: true }).check();
    await go(page, page.getByRole('button', { name: 'Record your scores' }).click());
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('Your score is recorded');
    await expectNoAxeViolations(page);
  }

  it('takes an application from a group, has two assessors score it, and awards it', async () => {
    const visitor = await newPage(browser, server.url);
    await visitor.goto(`/localities/${LOCALITY}/partnerships`);
    await go(
      visitor,
      visitor.locator('.govuk-service-navigation').getByRole('link', { name: 'Plans and money' }).click(),
    );
    await go(
      visitor,
      visitor.getByRole('navigation', { name: 'Plans and money' }).getByRole('link', { name: 'Funds' }).click(),
    );
    expect(await visitor.locator('h1').innerText()).toBe('Community funds');
    await expectNoAxeViolations(visitor);
    await go(
      visitor,
      visitor
        .getByRole('link', { name: /^Apply/ })
        .first()
        .click(),
    );
    await expectNoAxeViolations(visitor);

    await visitor.getByLabel('Group name').fill(GROUP);
    await visitor.getByLabel('Community or residents’ group').check();
    await visitor.getByLabel('Full name').fill('Morgan Hale');
    await visitor.getByLabel('Email address').fill('walks@brackenvale.example');
    await visitor.getByLabel('In a few words').fill('Led health walks for isolated older residents');
    await visitor.getByLabel('What you will do').fill('Weekly led walks with trained volunteer leaders.');
    await visitor.getByLabel('How much you are asking for').fill('two thousand');
    await visitor.getByLabel('What difference it will make').fill('Sixty older residents walk weekly.');
    await go(visitor, visitor.getByRole('button', { name: 'Send your application' }).click());
    expect(await visitor.locator('.govuk-error-summary').innerText()).toContain('Amount must be an amount in pounds');
    expect(await visitor.getByLabel('Group name').inputValue()).toBe(GROUP);
    await expectNoAxeViolations(visitor);
    await visitor.getByLabel('How much you are asking for').fill('2,000');
    await go(visitor, visitor.getByRole('button', { name: 'Send your application' }).click());
    expect(await visitor.locator('.govuk-notification-banner').innerText()).toContain('Application sent');
    expect(await visitor.locator('h1').innerText()).toMatch(/^Your application CC-/);
    await expectNoAxeViolations(visitor);

    const panel = await newPage(browser, server.url, 'panel@brackenfield.example');
    await score(panel, ['4', '4', '3']);
    // A panel member scores; only the administrator decides.
    expect(await panel.getByRole('button', { name: 'Record the decision' }).count()).toBe(0);

    const admin = await newPage(browser, server.url, 'admin@brackenfield.example');
    await score(admin, ['4', '3', '4']);
    expect(await admin.locator('#final-score').innerText()).toContain('the mean of the two');
    await admin.getByLabel('Make an award').check();
    await admin.getByLabel('Amount to award').fill('2,000');
    await admin.getByLabel('Reason for the decision').fill('Meets a clear need for older residents; good value.');
    await go(admin, admin.getByRole('button', { name: 'Record the decision' }).click());
    expect(await admin.locator('.govuk-notification-banner').innerText()).toContain('Award made');
    await expectNoAxeViolations(admin);
    await go(admin, admin.getByRole('link', { name: 'Award letter (printable)' }).click());
    expect(await admin.locator('h1').innerText()).toContain('Award of £2,000');
    await expectNoAxeViolations(admin);

    // The administrator's set-up forms, checked by axe (not filled in: the demo has the fund).
    await admin.goto(BASE);
    await go(admin, admin.getByRole('button', { name: 'Set up a fund' }).click());
    expect(await admin.locator('h1').innerText()).toBe('Set up a fund');
    await expectNoAxeViolations(admin);
    await admin.goto(BASE);
    await go(admin, admin.getByRole('link', { name: /^Add a round/ }).click());
    expect(await admin.locator('h1').innerText()).toBe('Add a round');
    await expectNoAxeViolations(admin);

    // Another group saves a draft to come back to: only the email address is needed.
    await visitor.goto(BASE);
    await go(
      visitor,
      visitor
        .getByRole('link', { name: /^Apply/ })
        .first()
        .click(),
    );
    await visitor.getByLabel('Email address').fill('choir@brackenvale.example');
    await go(visitor, visitor.getByRole('button', { name: 'Save and come back later' }).click());
    expect(await visitor.locator('.govuk-panel').innerText()).toContain('Your application is saved');
    expect(await visitor.locator('main').innerText()).toContain('We have emailed a link to choir@brackenvale.example');
    await expectNoAxeViolations(visitor);

    await visitor.goto(BASE);
    await go(visitor, visitor.getByRole('link', { name: 'Awards made' }).click());
    const row = visitor.locator('#award-list tr', { hasText: GROUP });
    expect(await row.innerText()).toContain('£2,000');
    await expectNoAxeViolations(visitor);
  }, 180_000);
});
