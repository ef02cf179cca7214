import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumInstalled, expectNoAxeViolations, launchBrowser, newPage } from '../helpers/browser.js';
import { type TestServer, startTestServer } from '../helpers/server.js';

/**
 * Governance assurance: the LSP manager decides the LSP is significant (with a reason) and sees
 * every partnership classified with why; the LSP's secretary completes a health check,
 * confirming a pre-filled answer and giving one weak answer, which becomes an action with its
 * owner; the annual review goes out, comes back and is compiled into the audit committee report,
 * whose PDF opens; the LSP submits its accreditation self-assessment and the Government Office
 * adviser defers it with a reason and a consequence. axe checks every page on the way.
 */
const LOCALITY = 'E07999001';
const BASE = `/localities/${LOCALITY}/assurance`;
const runJourney = chromiumInstalled() || Boolean(process.env.CI);

describe.skipIf(!runJourney)('assurance journey in Chromium', () => {
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

  const click = async (page: Page, action: () => Promise<void>) => {
    await Promise.all([page.waitForNavigation(), action()]);
  };

  /** Answers every question still open on the assessment page: strong answers, except the one named weak. */
  const answerAll = async (page: Page, weak?: string) => {
    const keys = await page.locator('.app-question').evaluateAll((els) => els.map((e) => e.id.slice(2)));
    for (const key of keys) {
      const question = page.locator(`#q-${key}`);
      const button = question.getByRole('button');
      const label = await button.innerText();
      if (label === 'Confirm or correct') {
        await click(page, () => button.click());
        continue;
      }
      if ((await question.locator('p', { hasText: 'Saved answer' }).count()) > 0) continue;
      const textarea = question.locator(`textarea[name="value"]`);
      if ((await textarea.count()) > 0) await textarea.fill('Reviewed with the board in the spring.');
      else {
        const option =
          key === weak
            ? 'No'
            : /[1-5]/.test(await question.locator('.govuk-radios').innerText())
              ? '5'
              : (await question.getByLabel('Green', { exact: true }).count())
                ? 'Green'
                : 'Yes';
        await question.getByLabel(option, { exact: true }).check();
      }
      await question.getByRole('combobox').selectOption('note');
      await question.getByLabel('Evidence: the link, note or record').fill('Board minutes, March');
      await click(page, () => button.click());
    }
  };

  it('classifies partnerships, completes a health check, compiles the audit committee report and defers accreditation', async () => {
    const manager = await newPage(browser, server.url, 'admin@brackenfield.example');
    await manager.goto(`/localities/${LOCALITY}/partnerships`);
    await click(manager, () =>
      manager.locator('.govuk-service-navigation').getByRole('link', { name: 'Governance' }).click(),
    );
    await click(manager, () =>
      manager.getByRole('navigation', { name: 'Governance' }).getByRole('link', { name: 'Assurance' }).click(),
    );
    expect(await manager.locator('h1').innerText()).toBe('Governance assurance');
    await expectNoAxeViolations(manager);
    await click(manager, () => manager.getByRole('link', { name: 'Significant partnerships' }).click());
    await manager.getByText('Change the rule').click();
    await manager.getByLabel('How many must hold (N of M)').fill('9');
    await click(manager, () => manager.getByRole('button', { name: 'Save the rule' }).click());
    expect(await manager.locator('.govuk-error-summary').innerText()).toContain('Must be no more than the');
    await expectNoAxeViolations(manager);
    await manager.getByLabel('How many must hold (N of M)').fill('2');
    await click(manager, () => manager.getByRole('button', { name: 'Save the rule' }).click());
    expect(await manager.locator('.govuk-notification-banner').innerText()).toContain('classified again');
    const lspRow = manager.locator('#classification tr', {
      has: manager.getByRole('rowheader', { name: 'Brackenfield Partnership', exact: true }),
    });
    await lspRow.getByText('Decide for Brackenfield Partnership').click();
    await lspRow.getByLabel('Significant, whatever the rule says', { exact: true }).check();
    await lspRow.getByLabel('Reason').fill('The council relies heavily on it');
    await click(manager, () => lspRow.getByRole('button', { name: 'Record the decision' }).click());
    const decided = manager.locator('#classification tr', {
      has: manager.getByRole('rowheader', { name: 'Brackenfield Partnership', exact: true }),
    });
    expect(await decided.innerText()).toContain('Significant by decision: The council relies heavily on it');
    expect(await manager.locator('#classification').innerText()).toMatch(/\d of 4 criteria hold \(2 needed\)/);
    await expectNoAxeViolations(manager);

    // The LSP's secretary completes a health check.
    const secretary = await newPage(browser, server.url, 'secretary@brackenfield.example');
    await secretary.goto(BASE);
    await click(secretary, () =>
      secretary.locator('#comparison').getByRole('link', { name: 'Brackenfield Partnership', exact: true }).click(),
    );
    await expectNoAxeViolations(secretary);
    await secretary.getByLabel('Partnership governance health check').check();
    await click(secretary, () => secretary.getByRole('button', { name: 'Start the assessment' }).click());
    const prefilled = secretary.locator('#q-terms-of-reference');
    expect(await prefilled.innerText()).toContain('Filled in from Joined Up');
    expect(await prefilled.innerText()).toContain('Confirm or correct');
    await expectNoAxeViolations(secretary);
    await answerAll(secretary, 'complaints');
    expect(await secretary.locator('#q-terms-of-reference').innerText()).toContain('Confirmed');
    expect(await secretary.locator('#q-complaints').innerText()).toContain('Weak');
    await click(secretary, () => secretary.getByRole('button', { name: 'Submit the assessment' }).click());
    expect(await secretary.locator('.govuk-notification-banner').innerText()).toMatch(/Submitted with a score of \d+/);
    const action = secretary.locator('#actions tr', { hasText: 'Are complaints handled jointly' });
    expect(await action.innerText()).toContain('Sam Secretary');
    await expectNoAxeViolations(secretary);
    await secretary.goto('/inbox');
    expect(await secretary.locator('main').innerText()).toContain(
      'Improve: Are complaints handled jointly, with one route for the public?',
    );

    // The annual review goes out, comes back and is compiled.
    await manager.goto(`${BASE}/reviews`);
    await manager.getByLabel('Day').fill('31');
    await manager.getByLabel('Month').fill('1');
    await manager.getByLabel('Year', { exact: true }).fill('2027');
    await expectNoAxeViolations(manager);
    await click(manager, () => manager.getByRole('button', { name: 'Send to the significant partnerships' }).click());
    expect(await manager.locator('#returns').innerText()).toContain('Brackenfield Partnership');
    await expectNoAxeViolations(manager);
    const reviewUrl = manager.url();

    await secretary.goto(reviewUrl);
    await click(secretary, () =>
      secretary.locator('#returns').getByRole('link', { name: 'Brackenfield Partnership', exact: true }).click(),
    );
    await secretary.getByLabel('Achievements this year').fill('Agreed the sustainable community strategy');
    await secretary.getByLabel('Performance against targets').fill('Eight of ten targets met');
    await secretary.getByLabel('Main risks').fill('Neighbourhood renewal funding ends');
    await secretary.getByLabel('Resources used').fill('Officer time from the district council');
    await secretary.getByLabel('Scale down').check();
    await expectNoAxeViolations(secretary);
    await click(secretary, () => secretary.getByRole('button', { name: 'Return the annual review' }).click());
    expect(await secretary.locator('.govuk-notification-banner').innerText()).toContain('returned');

    await manager.goto(reviewUrl);
    await click(manager, () => manager.getByRole('button', { name: 'Compile the audit committee report' }).click());
    const lspReport = manager.locator('#report tr', { hasText: 'Brackenfield Partnership' }).first();
    expect(await lspReport.innerText()).toContain('Scale down');
    expect(await lspReport.getByRole('link', { name: /Start a rationalisation plan/ }).count()).toBe(1);
    await expectNoAxeViolations(manager);
    const pdfHref = (await manager.locator('#pdf-link').getAttribute('href')) as string;
    const pdf = await manager.request.get(new URL(pdfHref, manager.url()).toString());
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

    // The LSP submits its accreditation self-assessment; the adviser defers it.
    await secretary.goto(BASE);
    await click(secretary, () =>
      secretary.locator('#comparison').getByRole('link', { name: 'Brackenfield Partnership', exact: true }).click(),
    );
    await secretary.getByLabel('LSP accreditation self-assessment').check();
    await click(secretary, () => secretary.getByRole('button', { name: 'Start the assessment' }).click());
    await answerAll(secretary);
    await click(secretary, () => secretary.getByRole('button', { name: 'Submit the assessment' }).click());
    expect(await secretary.locator('.govuk-notification-banner').innerText()).toMatch(/Submitted with a score of \d+/);
    await secretary.goto(`${BASE}/accreditation`);
    await expectNoAxeViolations(secretary);
    await click(secretary, () => secretary.getByRole('button', { name: 'Submit for accreditation' }).click());
    const accreditationUrl = secretary.url();
    expect(await secretary.locator('#accreditation-state').innerText()).toContain(
      'Submitted: awaiting the Government Office',
    );

    const adviser = await newPage(browser, server.url, 'adviser@go-eastmidlands.example');
    await adviser.goto(accreditationUrl);
    await adviser.getByLabel('Deferred', { exact: true }).check();
    await adviser.getByLabel('Reasons').fill('Community engagement is not yet shown in the evidence');
    await click(adviser, () => adviser.getByRole('button', { name: 'Record the decision' }).click());
    expect(await adviser.locator('.govuk-error-summary').innerText()).toContain('Say what follows from deferral');
    await expectNoAxeViolations(adviser);
    await adviser
      .getByLabel('Consequence (if deferred)')
      .fill('Neighbourhood Renewal Fund held back until reassessment');
    await adviser.getByLabel('Day').fill('31');
    await adviser.getByLabel('Month').fill('3');
    await adviser.getByLabel('Year', { exact: true }).fill('2027');
    await click(adviser, () => adviser.getByRole('button', { name: 'Record the decision' }).click());
    expect(await adviser.locator('#accreditation-state').innerText()).toContain('Deferred');
    expect(await adviser.locator('#accreditation-state').innerText()).toContain('Neighbourhood Renewal Fund held back');
    await expectNoAxeViolations(adviser);

    await adviser.goto(`/localities/${LOCALITY}/accreditation`);
    expect(await adviser.locator('main').innerText()).toContain('Brackenfield Partnership: Deferred');
    await expectNoAxeViolations(adviser);
  }, 300_000);
});
