import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { chromiumInstalled, expectNoAxeViolations, launchBrowser, newPage } from '../helpers/browser.js';
import { type TestServer, startTestServer } from '../helpers/server.js';

/**
 * The LSP manager opens the locality's cycles: sees the planted misalignments on the timeline
 * and in its table, opens one, asks for an aligned calendar, reviews before and after, applies
 * it to the community safety partnership, and subscribes to that partnership's feed through a
 * secret link. axe checks every page.
 */
const LOCALITY = 'E07999001';
const runJourney = chromiumInstalled() || Boolean(process.env.CI);

describe.skipIf(!runJourney)('cycles journey in Chromium', () => {
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

  it('finds the misalignments, aligns one partnership’s calendar and subscribes to its feed', async () => {
    await page.goto(`/localities/${LOCALITY}/cycles`);
    expect(await page.locator('h1').innerText()).toBe('Planning and reporting cycles');
    expect(await page.locator('svg.app-cycles-timeline').getAttribute('role')).toBe('img');
    const flags = page.locator('.app-cycles-flags li');
    expect(await flags.count()).toBeGreaterThanOrEqual(5);
    expect(await page.locator('.app-cycles-flags').innerText()).toContain('Report lands after the parent’s meeting');
    // The table carries every event the timeline draws, and no other.
    const drawn = await page
      .locator('svg.app-cycles-timeline g[data-event]')
      .evaluateAll((gs) => gs.map((g) => g.getAttribute('data-event')));
    const listed = await page
      .locator('#events tbody tr')
      .evaluateAll((trs) => trs.map((tr) => tr.id.replace(/^event-/, '')));
    expect(drawn.length).toBeGreaterThan(40);
    expect(listed.sort()).toEqual([...drawn].sort());
    await expectNoAxeViolations(page);

    await Promise.all([
      page.waitForNavigation(),
      flags.filter({ hasText: 'Report lands after the parent’s meeting' }).first().getByRole('link').click(),
    ]);
    expect(await page.locator('h1').innerText()).toBe('Report lands after the parent’s meeting');
    expect(await page.locator('main').innerText()).toContain('comes 1 day after Brackenfield Partnership: LSP board');
    await expectNoAxeViolations(page);

    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('link', { name: 'Propose an aligned calendar' }).click(),
    ]);
    expect(await page.locator('h1').innerText()).toBe('Proposed aligned calendar');
    const before = Number(await page.locator('#flags-before').innerText());
    expect(before).toBeGreaterThanOrEqual(5);
    expect(await page.locator('#flags-after').innerText()).toBe('0');
    await expectNoAxeViolations(page);

    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('button', { name: 'Apply to Brackenfield Community Safety Partnership' }).click(),
    ]);
    expect(await page.locator('.govuk-notification-banner').innerText()).toMatch(
      /dates? moved on the calendar of Brackenfield Community Safety Partnership/,
    );
    expect(Number(await page.locator('#flags-before').innerText())).toBeLessThan(before);
    expect(await page.getByRole('button', { name: 'Apply to Brackenfield Community Safety Partnership' }).count()).toBe(
      0,
    );
    await expectNoAxeViolations(page);

    await page.goto(`/localities/${LOCALITY}/cycles`);
    expect(await page.locator('.app-cycles-flags').innerText()).not.toContain(
      'Report lands after the parent’s meeting',
    );

    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'Calendar feeds' }).click()]);
    await expectNoAxeViolations(page);
    await page.getByLabel('Which calendar').selectOption({ label: 'Brackenfield Community Safety Partnership' });
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Make a secret link' }).click()]);
    const secret = await page.locator('#secret-url').innerText();
    await expectNoAxeViolations(page);
    const feed = await page.request.get(new URL(secret).pathname);
    expect(feed.headers()['content-type']).toContain('text/calendar');
    const events = new ICAL.Component(ICAL.parse(await feed.text())).getAllSubcomponents('vevent');
    expect(events.length).toBeGreaterThan(0);
    expect(
      events.every((e) =>
        String(e.getFirstPropertyValue('summary')).includes('Brackenfield Community Safety Partnership'),
      ),
    ).toBe(true);
  }, 120_000);

  it('adds an event, reads a partnership’s meetings and records one, each page accessible', async () => {
    await page.goto(`/localities/${LOCALITY}/cycles/events/new`);
    await expectNoAxeViolations(page);
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Add the event' }).click()]);
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('There is a problem');
    await expectNoAxeViolations(page);

    await page.goto(`/localities/${LOCALITY}/cycles`);
    await page.getByLabel('Partnership').selectOption({ label: 'Brackenfield Partnership' });
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Apply filters' }).click()]);
    const lspId = new URL(page.url()).searchParams.get('partnership');
    await page.goto(`/localities/${LOCALITY}/cycles/partnerships/${lspId}/meetings?year=2025`);
    expect(await page.locator('main').innerText()).toContain('Cllr Jo Hartley');
    await expectNoAxeViolations(page);
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'Record a meeting' }).click()]);
    await expectNoAxeViolations(page);
    await page.getByLabel('Day').fill('8');
    await page.getByLabel('Month').fill('12');
    await page.getByLabel('Year').fill('2026');
    await page.getByLabel('Decisions (optional)').fill('Agreed the winter pressures plan.');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Record the meeting' }).click()]);
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('was recorded');
    expect(await page.locator('main').innerText()).toContain('Agreed the winter pressures plan.');
    await expectNoAxeViolations(page);
  }, 120_000);
});
