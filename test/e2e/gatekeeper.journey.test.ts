import fs from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumInstalled, expectNoAxeViolations, launchBrowser, newPage } from '../helpers/browser.js';
import { type TestServer, startTestServer } from '../helpers/server.js';

/**
 * A partner drafts a proposal that duplicates the Domestic Abuse Forum, is shown the forum by
 * the pre-check, explains, and submits; the Government Office adviser comments; the gatekeeper
 * panel asks for more information, the partner resubmits, and the panel approves. The new
 * partnership is in the register and the decision in the public log. axe checks every page.
 */
const LOCALITY = 'E07999001';
const TITLE = 'Brackenfield Domestic Abuse Partnership';
const MEMBERS = [
  'Nethershire Police',
  'Brackenfield Homes',
  'Nethershire Sexual Abuse Support Centre',
  'NHS Nethershire Integrated Care Board',
  'Home-Start Brackenfield',
  'Nethershire County Council',
];
const runJourney = chromiumInstalled() || Boolean(process.env.CI);
const SHOTS = process.env.GATEKEEPER_SCREENSHOTS;

describe.skipIf(!runJourney)('gatekeeper journey in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let proposalUrl = '';
  let shot = 0;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    if (SHOTS) await fs.mkdir(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const signedIn = (email: string): Promise<Page> => newPage(browser, server.url, email);

  /** Checks the page with axe, and keeps a screenshot when asked to. */
  async function check(page: Page): Promise<void> {
    await expectNoAxeViolations(page);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/${String(++shot).padStart(2, '0')}.png`, fullPage: true });
  }

  async function submitAndWait(page: Page, button: string): Promise<void> {
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: button, exact: true }).click()]);
  }

  async function openSection(page: Page, name: string): Promise<void> {
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name, exact: true }).click()]);
  }

  it('drafts a proposal, is shown the similar partnership, explains it and submits', async () => {
    const page = await signedIn('partner@brackenfield.example');
    await page.goto(`/localities/${LOCALITY}/proposals`);
    await check(page);
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('button', { name: 'Propose a new partnership' }).click(),
    ]);
    await check(page);
    await page.getByLabel('Working title of the proposed partnership').fill(TITLE);
    await page.getByLabel('No, it is a local proposal').check();
    await submitAndWait(page, 'Start the proposal');
    proposalUrl = new URL(page.url()).pathname;
    expect(await page.locator('h1').innerText()).toBe(TITLE);
    expect(await page.locator('.govuk-task-list').first().innerText()).toContain('Not yet started');
    await check(page);

    await openSection(page, 'The problem and the outcomes sought');
    await check(page);
    await page
      .getByLabel('What problem would the partnership tackle?')
      .fill(
        'Coordinates the local response to domestic abuse: support for victims and their children, safe accommodation, risk assessment and referral to MARAC, training for frontline staff.',
      );
    await page.getByLabel('What outcomes does it seek?').fill('Fewer repeat victims of domestic abuse.');
    await page.getByRole('checkbox', { name: 'Community safety', exact: true }).check();
    await page.getByRole('checkbox', { name: 'Housing', exact: true }).check();
    await submitAndWait(page, 'Save and return to the proposal');
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('saved');

    await openSection(page, 'Why it needs a partnership');
    await page
      .getByLabel('Why does it need several organisations?')
      .fill('Police, housing and health each hold part of the risk.');
    await page
      .getByLabel('Why does it need action at several levels at once?')
      .fill('Strategy and casework must be joined.');
    await submitAndWait(page, 'Save and return to the proposal');

    await openSection(page, 'Alternatives considered');
    await page.getByLabel('A single organisation: why not?').fill('No single body holds the cases.');
    await page
      .getByLabel('Two or more organisations with better joint working: why not?')
      .fill('Referral agreements lapsed.');
    await page.getByLabel('An existing partnership: why not?').fill('The forum meets too rarely to manage cases.');
    await submitAndWait(page, 'Save and return to the proposal');

    await openSection(page, 'Members, lead and legal form');
    await check(page);
    // Every organisation of the locality is offered; the find box narrows the list.
    const offered = await page.locator('input[name="memberIds"]').count();
    await page.getByLabel('Find an organisation').fill('police');
    const visible = await page.locator('.govuk-checkboxes__item:visible label').allInnerTexts();
    expect(visible.length).toBeGreaterThan(0);
    expect(visible.length).toBeLessThan(offered);
    for (const name of visible) expect(name.toLowerCase()).toContain('police');
    expect(await page.getByText(`Showing ${visible.length} of ${offered}`).count()).toBe(1);
    await check(page);
    await page.getByLabel('Find an organisation').fill('');
    for (const name of MEMBERS) await page.getByRole('checkbox', { name, exact: true }).check();
    await page.getByLabel('Chair').selectOption({ label: 'Nethershire Police' });
    await page.getByLabel('Lead organisation').selectOption({ label: 'Nethershire Police' });
    await page.getByLabel('Accountable body').selectOption({ label: 'Nethershire County Council' });
    await page.getByLabel('Proposed legal form').selectOption('unincorporated');
    await submitAndWait(page, 'Save and return to the proposal');

    await openSection(page, 'Areas, layer and duration');
    await page.getByLabel('Operational').check();
    await page.getByLabel('Expected duration').fill('36');
    await page.getByLabel('Exit or review point').fill('Reviewed after three years');
    await submitAndWait(page, 'Save and return to the proposal');

    await openSection(page, 'Funding');
    await check(page);
    await page.getByLabel('Where the money comes from (optional)').fill('Safe Accommodation grant');
    await page.getByLabel('Amount (optional)').fill('45000');
    await page.getByLabel('No', { exact: true }).check();
    await submitAndWait(page, 'Save and return to the proposal');

    await openSection(page, 'Running cost and benefits');
    await page.getByLabel('Meetings a year').fill('10');
    await page.getByLabel('People at a typical meeting').fill('9');
    await page.getByLabel('Length of a meeting').fill('2');
    await page.getByLabel('Expected benefits').fill('Quicker safety plans for victims');
    await submitAndWait(page, 'Save and return to the proposal');
    expect(await page.getByText('7 of 7 sections completed').count()).toBe(1);

    // Submitting before explaining the similar partnerships is refused, naming them.
    await openSection(page, 'Check your answers and submit');
    await check(page);
    await submitAndWait(page, 'Submit the proposal');
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('Brackenfield Domestic Abuse Forum');
    await check(page);

    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'review the pre-check' }).click()]);
    const forum = page.locator('.govuk-summary-card', { hasText: 'Brackenfield Domestic Abuse Forum' }).first();
    expect(await forum.innerText()).toContain('Likely the same work');
    expect(await forum.innerText()).toContain('Nethershire Police');
    expect(await page.getByRole('heading', { name: 'Estimated yearly running cost' }).count()).toBe(1);
    await check(page);
    const cards = page.locator('.govuk-summary-card form');
    const count = await cards.count();
    expect(count).toBeGreaterThanOrEqual(1);
    for (let i = 0; i < count; i++) {
      const form = page.locator('.govuk-summary-card form').nth(i);
      await form
        .locator('textarea')
        .fill('This partnership would manage high-risk cases; the forum shares information and trains staff.');
      await Promise.all([page.waitForNavigation(), form.getByRole('button', { name: 'Save explanation' }).click()]);
    }
    expect(await page.getByText('Not explained yet').count()).toBe(0);
    await check(page);

    await page.goto(`${proposalUrl}/check-answers`);
    await submitAndWait(page, 'Submit the proposal');
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('was submitted to the gatekeeper');
    expect(await page.locator('.govuk-tag', { hasText: 'Submitted' }).count()).toBeGreaterThan(0);
    await check(page);
    await page.context().close();
  });

  it('lets the Government Office adviser comment, with no decision to make', async () => {
    const page = await signedIn('adviser@go-eastmidlands.example');
    await page.goto('/inbox');
    expect(await page.getByText(`submitted: ${TITLE}`).count()).toBeGreaterThan(0);
    await page.goto(proposalUrl);
    expect(await page.getByRole('button', { name: 'Record the decision' }).count()).toBe(0);
    await page
      .getByLabel('Add a comment')
      .fill('Consider whether the Community Safety Partnership could host this as a sub-group.');
    await submitAndWait(page, 'Add comment');
    expect(
      await page.locator('.govuk-inset-text', { hasText: 'Community Safety Partnership could host' }).innerText(),
    ).toContain('Government Office adviser');
    await check(page);
    await page.context().close();
  });

  it('has the gatekeeper ask for more information, the proposer resubmit, and the gatekeeper approve', async () => {
    const panel = await signedIn('panel@brackenfield.example');
    await panel.goto(proposalUrl);
    await check(panel);
    await Promise.all([
      panel.waitForNavigation(),
      panel.getByRole('button', { name: 'Ask for more information' }).click(),
    ]);
    await check(panel);
    await panel
      .getByLabel('What does the proposer need to tell you?')
      .fill('How will it report to the Community Safety Partnership?');
    await submitAndWait(panel, 'Send the request');
    expect(await panel.locator('.govuk-tag', { hasText: 'More information requested' }).count()).toBeGreaterThan(0);

    const partner = await signedIn('partner@brackenfield.example');
    await partner.goto(proposalUrl);
    expect(await partner.getByText('How will it report to the Community Safety Partnership?').count()).toBeGreaterThan(
      0,
    );
    await check(partner);
    await partner.goto(`${proposalUrl}/check-answers`);
    await partner.getByLabel('What have you changed or added?').fill('It will report to the CSP every quarter.');
    await submitAndWait(partner, 'Resubmit the proposal');
    expect(await partner.locator('.govuk-tag', { hasText: 'Resubmitted' }).count()).toBeGreaterThan(0);
    await partner.context().close();

    await panel.goto(`${proposalUrl}/precheck`);
    expect(await panel.getByText('the forum shares information and trains staff').count()).toBeGreaterThan(0);
    expect(await panel.locator('#related-guidance + ul li').count()).toBeGreaterThan(0);
    await check(panel);
    await panel.goto(proposalUrl);
    await Promise.all([panel.waitForNavigation(), panel.getByRole('button', { name: 'Record the decision' }).click()]);
    await check(panel);
    await panel.getByLabel('Approve', { exact: true }).check();
    await panel
      .getByLabel('Reasons')
      .fill('High-risk casework is not covered by the forum; it will report to the CSP.');
    await panel.getByLabel(/Similar partnerships found/).check();
    await panel.getByLabel(/Government Office advice/).check();
    await panel.getByLabel(/Active: meeting and working now/).check();
    await submitAndWait(panel, 'Record the decision');
    expect(await panel.locator('.govuk-notification-banner').innerText()).toContain('Decision recorded: approved');
    await check(panel);

    // The new partnership is in the register, with its proposed members.
    await Promise.all([panel.waitForNavigation(), panel.getByRole('link', { name: TITLE }).click()]);
    expect(await panel.locator('h1').innerText()).toContain(TITLE);
    await check(panel);
    await panel.goto(`/localities/${LOCALITY}/partnerships?q=${encodeURIComponent('Domestic Abuse Partnership')}`);
    expect(await panel.getByRole('link', { name: TITLE }).count()).toBeGreaterThan(0);
    await panel.context().close();

    // And the decision is in the public log, for a visitor who is not signed in.
    const visitor = await (await browser.newContext({ baseURL: server.url })).newPage();
    await visitor.goto(`/localities/${LOCALITY}/decisions`);
    const entry = visitor.locator('.govuk-summary-card', { hasText: TITLE });
    expect(await entry.innerText()).toContain('High-risk casework is not covered by the forum');
    expect(await entry.innerText()).toContain('Pat Panel');
    await check(visitor);
    const feed = await visitor.request.get(`/localities/${LOCALITY}/decisions.atom`);
    expect(await feed.text()).toContain(TITLE);
    await visitor.goto(`/localities/${LOCALITY}/proposals/statistics`);
    await visitor.context().close();
  });

  it('shows the gatekeeper statistics and the overdue reviews', async () => {
    const page = await signedIn('admin@brackenfield.example');
    await page.goto(`/localities/${LOCALITY}/proposals/statistics`);
    expect(await page.getByRole('table', { name: 'Proposals by outcome' }).count()).toBe(1);
    expect(await page.getByText('Running cost avoided', { exact: true }).count()).toBe(1);
    await check(page);
    await page.goto(`/localities/${LOCALITY}/proposals`);
    expect(await page.locator('#overdue + table, #overdue ~ table').first().innerText()).toContain('Overdue');
    await check(page);
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'Change the service level' }).click()]);
    await check(page);
    await page.getByLabel('Working days the gatekeeper has to decide a proposal').fill('15');
    await submitAndWait(page, 'Save the service level');
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('within 15 working days');
    await page.goto('/proposals');
    const awaiting = page.getByRole('table', { name: 'Awaiting your decision' });
    expect(await awaiting.getByRole('link', { name: /Older People’s Digital Inclusion Network/ }).count()).toBe(1);
    expect(await awaiting.innerText()).toContain('Overdue');
    await check(page);
    // Only the proposer may withdraw: anyone else is told so.
    await page.goto(`${proposalUrl}/withdraw`);
    expect(await page.getByText('Only the proposer may withdraw a proposal').count()).toBe(1);
    await check(page);
    await page.goto('/decisions');
    expect(await page.getByRole('link', { name: 'Brackenfield (demo)' }).count()).toBeGreaterThan(0);
    await check(page);
    await page.context().close();
  });
});
