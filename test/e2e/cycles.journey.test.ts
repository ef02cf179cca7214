import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { chromiumInstalled, expectNoAxeViolations, launchBrowser, newPage } from '../helpers/browser.js';
import { type TestServer, startTestServer } from '../helpers/server.js';

/**
 * The LSP manager opens the locality's cycles: sees the planted misalignments on the timeline
 * and in its table, opens one, asks for an aligned calendar, reviews before and after, applies
 * it for agreement, gives the community safety partnership's agreement, and subscribes to that
 * partnership's feed through a secret link; then changes and removes an event, works with the
 * dependencies, records a meeting and books a suggested date. axe checks every page.
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
      page.getByRole('button', { name: 'Ask each calendar’s administrator to agree' }).click(),
    ]);
    expect(await page.locator('h1').innerText()).toBe('Agreement to the aligned calendar');
    expect(await page.locator('#answers').innerText()).toContain('No answer yet');
    await expectNoAxeViolations(page);
    // The administrator gives the community safety partnership's answer: every move agreed.
    const csp = page.locator('form', {
      has: page.getByRole('button', { name: 'Send the answers for Brackenfield Community Safety Partnership' }),
    });
    for (const radio of await csp.locator('input[value="consent"]').all()) await radio.check();
    await Promise.all([
      page.waitForNavigation(),
      csp.getByRole('button', { name: 'Send the answers for Brackenfield Community Safety Partnership' }).click(),
    ]);
    expect(await page.locator('.govuk-notification-banner').innerText()).toMatch(
      /Brackenfield Community Safety Partnership: \d+ moves? agreed and made, 0 declined/,
    );
    const answered = page.locator('#answers tr', { hasText: 'Brackenfield Community Safety Partnership' });
    expect(await answered.innerText()).not.toContain('No answer yet');
    expect(
      await page
        .getByRole('button', { name: 'Send the answers for Brackenfield Community Safety Partnership' })
        .count(),
    ).toBe(0);
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

  it('changes and removes an event, and adds, changes and removes a dependency, each page accessible', async () => {
    await page.goto(`/localities/${LOCALITY}/cycles/events/new`);
    await page.getByLabel('Calendar', { exact: true }).selectOption({ label: 'Brackenfield Partnership' });
    await page.getByLabel('Kind of event', { exact: true }).selectOption({ label: 'Plan approval' });
    await page.getByLabel('Title', { exact: true }).fill('Locality plan sign-off');
    await page.getByLabel('Day', { exact: true }).fill('13');
    await page.getByLabel('Month', { exact: true }).fill('1');
    await page.getByLabel('Year', { exact: true }).fill('2027');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Add the event' }).click()]);
    const row = page.locator('#events tr', { hasText: 'Locality plan sign-off' });
    await Promise.all([page.waitForNavigation(), row.getByRole('link', { name: /^Change/ }).click()]);
    expect(await page.locator('h1').innerText()).toBe('Change “Locality plan sign-off”');
    await expectNoAxeViolations(page);
    await page.getByLabel('Title', { exact: true }).fill('');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Save the changes' }).click()]);
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('Enter a title');
    await expectNoAxeViolations(page);
    await page.getByLabel('Title', { exact: true }).fill('Locality plan approval');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Save the changes' }).click()]);
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain(
      '“Locality plan approval” was changed',
    );
    await Promise.all([
      page.waitForNavigation(),
      page
        .locator('#events tr', { hasText: 'Locality plan approval' })
        .getByRole('link', { name: /^Move this date/ })
        .click(),
    ]);
    expect(await page.locator('h1').innerText()).toBe('Move or cancel one date of “Locality plan approval”');
    await expectNoAxeViolations(page);
    await page.getByLabel('Day', { exact: true }).fill('20');
    await page.getByLabel('Month', { exact: true }).fill('1');
    await page.getByLabel('Year', { exact: true }).fill('2027');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Save this date' }).click()]);
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('was moved');
    expect(await page.locator('#events tr', { hasText: 'Locality plan approval' }).innerText()).toContain(
      'moved from 13 January 2027',
    );

    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('link', { name: 'Dependencies', exact: true }).click(),
    ]);
    expect(await page.locator('h1').innerText()).toBe('Dependencies between events');
    expect(await page.locator('#dependencies tbody tr').count()).toBeGreaterThan(5);
    await expectNoAxeViolations(page);
    await page.getByLabel('Source').selectOption({ label: 'Worked out from the register' });
    await page.getByLabel('Sort by').selectOption({ label: 'The event that depends on it' });
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Apply', exact: true }).click()]);
    const sources = await page
      .locator('#dependencies tbody tr td:nth-child(5)')
      .evaluateAll((tds) => tds.map((td) => td.textContent ?? ''));
    expect(sources.length).toBeGreaterThan(0);
    expect(sources.filter((t) => !t.startsWith('Worked out'))).toEqual([]);
    await expectNoAxeViolations(page);

    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'Add a dependency' }).click()]);
    await expectNoAxeViolations(page);
    await page.getByLabel('Kind of dependency').selectOption({ label: 'A plan’s priorities feed budget setting' });
    await page
      .getByLabel('The event that comes first')
      .selectOption({ label: 'Brackenfield Partnership: Locality plan approval' });
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Add the dependency' }).click()]);
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('Choose the event that depends on it');
    await expectNoAxeViolations(page);
    const budget = await page
      .getByLabel('The event that depends on it')
      .locator('option', { hasText: 'Budget' })
      .first()
      .innerText();
    await page.getByLabel('The event that depends on it').selectOption({ label: budget });
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Add the dependency' }).click()]);
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('The dependency was added');
    const entered = page.locator('#dependencies tr', { hasText: 'Locality plan approval' });
    await Promise.all([page.waitForNavigation(), entered.getByRole('link', { name: /^Change/ }).click()]);
    await expectNoAxeViolations(page);
    await page.getByLabel('Working days needed between them').fill('10');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Save the changes' }).click()]);
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('The dependency was changed');
    await Promise.all([
      page.waitForNavigation(),
      page
        .locator('#dependencies tr', { hasText: 'Locality plan approval' })
        .getByRole('link', { name: /^Remove/ })
        .click(),
    ]);
    expect(await page.locator('h1').innerText()).toBe('Remove this dependency?');
    await expectNoAxeViolations(page);
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Yes, remove it' }).click()]);
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('The dependency was removed');

    await page.goto(`/localities/${LOCALITY}/cycles`);
    await Promise.all([
      page.waitForNavigation(),
      page
        .locator('#events tr', { hasText: 'Locality plan approval' })
        .getByRole('link', { name: /^Change/ })
        .click(),
    ]);
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'Remove this event' }).click()]);
    expect(await page.locator('h1').innerText()).toBe('Remove “Locality plan approval”?');
    await expectNoAxeViolations(page);
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Yes, remove it' }).click()]);
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('was removed from the calendar');
    expect(await page.locator('#events').innerText()).not.toContain('Locality plan approval');
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

    // Book the first suggested date in one step.
    const first = page.locator('#suggestions tbody tr').first();
    const day = await first.locator('td').first().innerText();
    await Promise.all([page.waitForNavigation(), first.getByRole('button', { name: /^Book/ }).click()]);
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain(`A meeting on ${day} was booked`);
    expect(await page.locator('main').innerText()).toMatch(new RegExp(`${day}( at \\d\\d:\\d\\d)? \\(scheduled\\)`));
    await expectNoAxeViolations(page);
  }, 120_000);
});
