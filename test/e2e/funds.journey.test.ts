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

  it('has the group write its monitoring return online, an officer accept it, and the administrator change and withdraw', async () => {
    const admin = await newPage(browser, server.url, 'admin@brackenfield.example');
    await admin.goto(BASE);
    await go(admin, admin.getByRole('link', { name: /^Applications to Neighbourhood grants/ }).click());
    await go(
      admin,
      admin.locator('#application-list').getByRole('link', { name: 'Kingsmead Community Garden' }).click(),
    );
    const awardPage = admin.url();
    await go(admin, admin.getByRole('button', { name: /^Record as paid/ }).click());
    await go(admin, admin.getByRole('button', { name: 'Email the group a link to its return' }).click());
    expect(await admin.locator('.govuk-notification-banner').innerText()).toContain('garden@kingsmead.example');
    await expectNoAxeViolations(admin);

    // The link reaches the group by email (read here from the outbox).
    const sysadmin = await newPage(browser, server.url, 'sysadmin@joinedup.example');
    await sysadmin.goto('/admin/outbox');
    const frame = sysadmin.frameLocator('iframe.app-email__html').first();
    const link = (await frame
      .getByRole('link', { name: 'Open your monitoring return' })
      .getAttribute('href')) as string;
    const group = await newPage(browser, server.url);
    await group.goto(new URL(link).pathname);
    expect(await group.locator('#monitoring').innerText()).toBe('Your monitoring return');
    await expectNoAxeViolations(group);
    await group.getByLabel('How much of the award did you spend?').fill('2,000');
    await go(group, group.getByRole('button', { name: 'Send your monitoring return' }).click());
    expect(await group.locator('.govuk-error-summary').innerText()).toContain('Say what the group achieved');
    expect(await group.getByLabel('How much of the award did you spend?').inputValue()).toBe('2,000');
    await expectNoAxeViolations(group);
    await group.getByLabel('How much of the award did you spend?').fill('1,450');
    await group
      .getByLabel('What did you achieve with the money?')
      .fill('Twelve beds built; thirty households growing food.');
    await go(group, group.getByRole('button', { name: 'Send your monitoring return' }).click());
    expect(await group.locator('.govuk-notification-banner').innerText()).toContain('Monitoring return sent');
    await expectNoAxeViolations(group);

    await admin.goto(awardPage);
    await admin.getByLabel('Accept the return').check();
    await go(admin, admin.getByRole('button', { name: 'Record the review' }).click());
    expect(await admin.locator('.govuk-notification-banner').innerText()).toContain(
      'The monitoring return is accepted',
    );
    await expectNoAxeViolations(admin);

    // Changing a round, a fund and the settings; each form checked by axe.
    await admin.goto(BASE);
    await go(
      admin,
      admin.getByRole('link', { name: /^Change Brackenfield Community Chest: Neighbourhood grants/ }).click(),
    );
    await admin.getByLabel('Budget').fill('1');
    await go(admin, admin.getByRole('button', { name: 'Save the changes' }).click());
    expect(await admin.locator('.govuk-error-summary').innerText()).toContain('already awarded from this round');
    await expectNoAxeViolations(admin);
    await admin.goto(BASE);
    await go(
      admin,
      admin
        .getByRole('link', { name: /^Change the fund/ })
        .first()
        .click(),
    );
    await expectNoAxeViolations(admin);
    await admin.goto(`${BASE}/settings`);
    await admin.getByLabel('Your 360Giving identifier prefix').fill('360G-brackenfield');
    await go(admin, admin.getByRole('button', { name: 'Save the settings' }).click());
    expect(await admin.locator('.govuk-notification-banner').innerText()).toContain('360G-brackenfield');
    await expectNoAxeViolations(admin);

    // The administrator withdraws the application still being assessed, after a confirmation page.
    await admin.goto(BASE);
    await go(admin, admin.getByRole('link', { name: /^Applications to Neighbourhood grants/ }).click());
    await go(
      admin,
      admin.locator('#application-list').getByRole('link', { name: 'Brackenfield Young Carers Forum' }).click(),
    );
    await go(admin, admin.getByRole('link', { name: 'Withdraw this application' }).click());
    expect(await admin.locator('h1').innerText()).toBe('Are you sure you want to withdraw this application?');
    await expectNoAxeViolations(admin);
    await go(admin, admin.getByRole('button', { name: 'Withdraw the application' }).click());
    expect(await admin.locator('.govuk-error-summary').innerText()).toContain('Give the reason');
    await admin.getByLabel('Reason').fill('The forum asked us to withdraw it: it has other funding.');
    await go(admin, admin.getByRole('button', { name: 'Withdraw the application' }).click());
    expect(await admin.locator('#withdrawn').innerText()).toContain('other funding');
    await expectNoAxeViolations(admin);
  }, 180_000);
});
