import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumInstalled, expectNoAxeViolations, launchBrowser, newPage } from '../helpers/browser.js';
import { type TestServer, startTestServer } from '../helpers/server.js';

/**
 * Overview and scrutiny: a scrutiny officer starts a theme performance review, issues its
 * evidence pack (the PDF opens) and records two recommendations to the LSP (one first without
 * its text, shown back with the error); the LSP's secretary accepts the first and adds an
 * action; the committee sees the monitor change; the LSP manager opens the accountability
 * dashboard with its sector balance, difficult decisions and levers gap. axe checks every page.
 */
const LOCALITY = 'E07999001';
const BASE = `/localities/${LOCALITY}`;
const runJourney = chromiumInstalled() || Boolean(process.env.CI);
const FIRST = 'Report the community safety indicators to every board meeting, with the police present.';
const SECOND = 'Publish the board’s decisions on its public page within a week.';

describe.skipIf(!runJourney)('scrutiny journey in Chromium', () => {
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
  const submit = (page: Page, name: string) =>
    Promise.all([page.waitForNavigation(), page.getByRole('button', { name, exact: true }).click()]);

  it('reviews a theme, issues its evidence pack, follows its recommendations and reads the accountability dashboard', async () => {
    const officer = await signIn('scrutiny@brackenfield.example');
    await officer.goto(`${BASE}/partnerships`);
    await Promise.all([
      officer.waitForNavigation(),
      officer.locator('.govuk-service-navigation').getByRole('link', { name: 'Governance' }).click(),
    ]);
    await Promise.all([
      officer.waitForNavigation(),
      officer.getByRole('navigation', { name: 'Governance' }).getByRole('link', { name: 'Scrutiny' }).click(),
    ]);
    expect(await officer.locator('h1').innerText()).toBe('Overview and scrutiny');
    expect(await officer.locator('#reviews').innerText()).toContain('Community safety: are we safer?');
    await expectNoAxeViolations(officer);

    await Promise.all([officer.waitForNavigation(), officer.getByRole('button', { name: 'Start a review' }).click()]);
    await expectNoAxeViolations(officer);
    await officer.getByLabel('Theme performance review', { exact: true }).check();
    await officer.getByLabel('Title', { exact: true }).fill('Community safety performance, second look');
    await officer.getByLabel('A theme', { exact: true }).check();
    await officer.locator('#scopeTheme').selectOption('community-safety');
    await officer.getByLabel('Scope', { exact: true }).fill('Whether the community safety targets are on track');
    const today = new Date();
    await officer.locator('#startsOn').fill(String(today.getDate()));
    await officer.locator('#startsOn-month').fill(String(today.getMonth() + 1));
    await officer.locator('#startsOn-year').fill(String(today.getFullYear()));
    await submit(officer, 'Start the review');
    expect(await officer.locator('.govuk-notification-banner').innerText()).toContain('has started');
    expect(await officer.locator('h1').innerText()).toBe('Community safety performance, second look');
    await expectNoAxeViolations(officer);

    await submit(officer, 'Issue an evidence pack');
    expect(await officer.locator('h1').innerText()).toContain(
      'Evidence pack: Community safety performance, second look',
    );
    expect(await officer.locator('#pack-issued').innerText()).toContain('does not change');
    expect(await officer.locator('#pack-partnerships').innerText()).toContain(
      'Brackenfield Community Safety Partnership',
    );
    await expectNoAxeViolations(officer);
    const pdfHref = await officer.getByRole('link', { name: 'Download the pack as a PDF' }).getAttribute('href');
    const pdf = await officer.evaluate(async (url) => {
      const response = await fetch(url);
      const bytes = new Uint8Array(await response.arrayBuffer());
      return { type: response.headers.get('content-type'), start: String.fromCharCode(...bytes.slice(0, 5)) };
    }, pdfHref as string);
    expect(pdf).toEqual({ type: 'application/pdf', start: '%PDF-' });

    await Promise.all([
      officer.waitForNavigation(),
      officer
        .locator('.govuk-breadcrumbs')
        .getByRole('link', { name: 'Community safety performance, second look' })
        .click(),
    ]);
    // Without its text: the error is shown and the choice kept.
    await officer.getByLabel('A partnership', { exact: true }).check();
    await officer.locator('#partnershipId').selectOption({ label: 'Brackenfield Partnership' });
    await submit(officer, 'Make the recommendation');
    expect(await officer.locator('.govuk-error-summary').innerText()).toContain('Enter the recommendation');
    await expectNoAxeViolations(officer);
    await officer.getByLabel('Recommendation', { exact: true }).fill(FIRST);
    await submit(officer, 'Make the recommendation');
    expect(await officer.locator('.govuk-notification-banner').innerText()).toContain('Recommendation 1 is made');
    await officer.getByLabel('Recommendation', { exact: true }).fill(SECOND);
    await officer.getByLabel('A partnership', { exact: true }).check();
    await officer.locator('#partnershipId').selectOption({ label: 'Brackenfield Partnership' });
    await submit(officer, 'Make the recommendation');
    expect(await officer.locator('#recommendation-list tbody tr').count()).toBe(2);
    expect(await officer.locator('#recommendation-list').innerText()).toContain('Awaiting response');

    const secretary = await signIn('secretary@brackenfield.example');
    await secretary.goto('/inbox');
    expect(await secretary.locator('main').innerText()).toContain(
      'A scrutiny recommendation to Brackenfield Partnership',
    );
    await secretary.goto(`${BASE}/scrutiny/recommendations`);
    await Promise.all([secretary.waitForNavigation(), secretary.getByRole('link', { name: `1. ${FIRST}` }).click()]);
    await expectNoAxeViolations(secretary);
    await secretary.getByLabel('Accepted', { exact: true }).check();
    await submit(secretary, 'Send the response');
    expect(await secretary.locator('.govuk-notification-banner').innerText()).toContain('Your response is recorded');
    await secretary.getByLabel('Action', { exact: true }).fill('Invite the district commander to every board');
    const due = new Date(Date.now() + 60 * 86_400_000);
    await secretary.locator('#dueOn').fill(String(due.getDate()));
    await secretary.locator('#dueOn-month').fill(String(due.getMonth() + 1));
    await secretary.locator('#dueOn-year').fill(String(due.getFullYear()));
    await submit(secretary, 'Add the action');
    expect(await secretary.locator('#action-list').innerText()).toContain(
      'Invite the district commander to every board',
    );
    await expectNoAxeViolations(secretary);

    await officer.goto(`${BASE}/scrutiny/recommendations`);
    const row = officer.locator('#monitor tr', { hasText: FIRST });
    expect(await row.innerText()).toContain('Accepted');
    expect(await row.innerText()).toContain('Invite the district commander to every board: 0%');
    expect(await row.locator('.govuk-tag').first().innerText()).toMatch(/green/i);
    expect(await officer.locator('#monitor tr', { hasText: SECOND }).innerText()).toContain('Awaiting response');
    await expectNoAxeViolations(officer);

    const manager = await signIn('admin@brackenfield.example');
    await manager.goto(`${BASE}/scrutiny`);
    await Promise.all([manager.waitForNavigation(), manager.getByRole('link', { name: 'LSP accountability' }).click()]);
    expect(await manager.locator('#sector-balance').innerText()).toContain('Voluntary');
    expect(await manager.locator('#difficult-decisions').innerText()).toContain('Agreed to pool early help budgets');
    expect(await manager.locator('#difficult-decisions').innerText()).toContain('Overdue');
    expect(await manager.locator('#gap-list tbody tr').count()).toBeGreaterThan(0);
    await expectNoAxeViolations(manager);

    await Promise.all([manager.waitForNavigation(), manager.getByRole('link', { name: 'Risk registers' }).click()]);
    expect(await manager.locator('#heat-map tbody tr').count()).toBe(5);
    expect(await manager.locator('#overdue-reviews').innerText()).toContain('past its review date');
    await expectNoAxeViolations(manager);

    // In public, the LSP's page says who is accountable for what and how to complain.
    const visitor = await newPage(browser, server.url);
    pages.push(visitor);
    await visitor.goto(`${BASE}/partnerships?q=Brackenfield+Partnership`);
    await Promise.all([
      visitor.waitForNavigation(),
      visitor.getByRole('link', { name: 'Brackenfield Partnership', exact: true }).click(),
    ]);
    await Promise.all([visitor.waitForNavigation(), visitor.getByRole('link', { name: 'Who is accountable' }).click()]);
    expect(await visitor.locator('#accountable').innerText()).toContain('Accountable body');
    expect(await visitor.locator('#complain').isVisible()).toBe(true);
    await expectNoAxeViolations(visitor);
    pages = [];
  }, 240_000);
});
