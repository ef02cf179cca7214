import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AREA_GEOJSON, demoRatingList, ratingListCsv } from '../../src/modules/bids/fixtures.js';
import { addDays, ballotCloses } from '../../src/modules/bids/rules.js';
import { todayInLondon } from '../../src/core/dates.js';
import { chromiumInstalled, expectNoAxeViolations, launchBrowser, newPage } from '../helpers/browser.js';
import { type TestServer, startTestServer } from '../helpers/server.js';

/**
 * The council proposes a BID for the Old Town and lists its streets; as ballot holder it
 * imports a rating list of 300 hereditaments, checks who is eligible and why, sets the
 * timetable (a notice one day short of 42 days is refused with the rule named), issues the
 * papers (PDF), and records returns, including a spoilt paper and its replacement. After the
 * close the result is declared with both tests shown, and the levy file is exported. axe checks
 * every page on the way.
 */
const LOCALITY = 'E07999001';
const runJourney = chromiumInstalled() || Boolean(process.env.CI);

describe.skipIf(!runJourney)('a Business Improvement District ballot in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    page = await newPage(browser, server.url, 'admin@brackenfield.example');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function go(action: Promise<unknown>): Promise<void> {
    await Promise.all([page.waitForNavigation(), action]);
  }
  async function fillDate(legend: string, iso: string): Promise<void> {
    const [year, month, day] = iso.split('-');
    const group = page.getByRole('group', { name: legend });
    await group.getByLabel('Day').fill(String(Number(day)));
    await group.getByLabel('Month').fill(String(Number(month)));
    await group.getByLabel('Year').fill(year as string);
  }

  it('shows the demo town centre BID and its published declaration', async () => {
    await page.goto(`/localities/${LOCALITY}/partnerships`);
    await go(page.locator('.govuk-service-navigation').getByRole('link', { name: 'Plans and money' }).click());
    await go(page.getByRole('navigation', { name: 'Plans and money' }).getByRole('link', { name: 'BIDs' }).click());
    expect(await page.locator('h1').innerText()).toBe('Business Improvement Districts');
    await expectNoAxeViolations(page);
    await go(page.getByRole('link', { name: 'Approved' }).first().click());
    expect(await page.locator('#result').innerText()).toBe('The proposals are approved');
    expect(await page.locator('#tests').innerText()).toContain('Aggregate rateable value');
    await expectNoAxeViolations(page);
  });

  it('shows the demo BID’s area on a map beside its table, its levy collected and its report to levy payers', async () => {
    // Nothing is fetched from anywhere but the app: no base tiles unless configured.
    const elsewhere: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(server.url) && !request.url().startsWith('data:')) elsewhere.push(request.url());
    });
    await page.goto(`/localities/${LOCALITY}/bids`);
    await go(page.getByRole('link', { name: 'Brackenfield Town Centre BID' }).first().click());
    await go(page.getByRole('link', { name: 'See the area on a map and as a table' }).click());
    expect(await page.locator('#area-summary').innerText()).toContain('The area is drawn on the map');
    // The map draws the outline and a point per located hereditament.
    await page.locator('#bid-map path.leaflet-interactive').first().waitFor();
    expect(await page.locator('#bid-map path.leaflet-interactive').count()).toBeGreaterThan(100);
    expect(await page.locator('#bid-map-no-script').isHidden()).toBe(true);
    expect(await page.locator('#area-hereditaments caption').innerText()).toMatch(
      /\d+ of 300 hereditaments are inside/,
    );
    await expectNoAxeViolations(page);
    // The keyboard moves and zooms the map once it has focus.
    const pane = page.locator('#bid-map .leaflet-map-pane');
    const before = await pane.getAttribute('style');
    await page.locator('#bid-map').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('+');
    await page.waitForTimeout(500);
    expect(await pane.getAttribute('style')).not.toBe(before);
    expect(elsewhere).toEqual([]);

    // The levy collected so far and what is in arrears; the yearly report with PDF and CSV.
    await page.goto(new URL(page.url()).pathname.replace(/\/area$/, ''));
    await go(page.getByRole('link', { name: 'levy collected and arrears' }).click());
    expect(await page.locator('#collection-totals').innerText()).toMatch(
      /In arrears\s+£[\d,]+\.\d\d from \d+ levy payers/,
    );
    await expectNoAxeViolations(page);
    await page.getByLabel('Show').selectOption('arrears');
    await go(page.getByRole('button', { name: 'Filter' }).click());
    const reference = (await page.locator('#collections tbody td').first().innerText()).split('\n')[0] as string;
    await page.getByLabel('Billing reference').fill(reference);
    await page.getByLabel('Amount received').fill('0.01');
    await fillDate('Date received', todayInLondon());
    await go(page.getByRole('button', { name: 'Record the payment', exact: true }).click());
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain(`£0.01 is recorded`);
    await expectNoAxeViolations(page);
    // A file of payments with a line for a hereditament not on the list: refused, line named.
    await page.setInputFiles('#file', {
      name: 'payments.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        `billing_reference,year,amount,received_on\n${reference},1,0.01,${todayInLondon()}\nNOPE,1,1,${todayInLondon()}\n`,
      ),
    });
    await go(page.getByRole('button', { name: 'Record the payments' }).click());
    expect(await page.locator('#problems').innerText()).toContain(
      'No hereditament on this BID’s rating list has the reference NOPE',
    );
    await expectNoAxeViolations(page);
    await go(page.getByRole('link', { name: 'The report to levy payers for year 1' }).click());
    expect(await page.locator('#report-spending').innerText()).toContain('Street rangers');
    await expectNoAxeViolations(page);
    const pdf = await page.request.get(
      `${new URL(page.url()).pathname}.pdf?year=1`.replace('/report.pdf', '/report.pdf'),
    );
    expect(pdf.headers()['content-type']).toBe('application/pdf');
  });

  it('runs a BID from proposal to declaration and levy', async () => {
    await page.goto(`/localities/${LOCALITY}/bids`);
    await go(page.getByRole('button', { name: 'Draft a BID proposal' }).click());
    await expectNoAxeViolations(page);
    await page.getByLabel('Name of the BID').fill('Brackenfield Old Town BID');
    await page.getByLabel('The BID’s board').selectOption({ label: 'Brackenfield BID Steering Group' });
    await page.getByLabel('The council').check();
    await page.getByLabel('Services and projects').fill('Street rangers, hanging baskets and a Christmas market.');
    await fillDate('When the term starts', addDays(todayInLondon(), 120));
    await page.getByLabel('Streets in the area, one a line').fill('High Street\nMarket Place\nCastle Street 1-60');
    await page.getByLabel('Levy as a percentage of rateable value').fill('1.25');
    await page.getByLabel('Voters may also vote online with the code on their paper').check();
    await go(page.getByRole('button', { name: 'Draft the proposals' }).click());
    expect(await page.locator('h1').innerText()).toBe('Brackenfield Old Town BID');
    await expectNoAxeViolations(page);
    const bidUrl = new URL(page.url()).pathname;

    // The area drawn too: a line is refused with the reason, an outline is taken.
    await go(page.getByRole('link', { name: 'See the area on a map and as a table' }).click());
    await expectNoAxeViolations(page);
    await page
      .getByLabel('Or paste the GeoJSON')
      .fill('{"type": "LineString", "coordinates": [[-1.2, 52.6], [-1.1, 52.6]]}');
    await go(page.getByRole('button', { name: 'Save the area' }).click());
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('must be a Polygon or MultiPolygon');
    await expectNoAxeViolations(page);
    await page.getByLabel('Or paste the GeoJSON').fill(JSON.stringify(DEMO_AREA_GEOJSON));
    await go(page.getByRole('button', { name: 'Save the area' }).click());
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('The area is drawn');
    await page.locator('#bid-map path.leaflet-interactive').first().waitFor();
    await expectNoAxeViolations(page);
    await page.goto(bidUrl);

    // The rating list: 300 hereditaments, all or nothing.
    await go(page.getByRole('link', { name: 'Import the rating list' }).click());
    await expectNoAxeViolations(page);
    await page.setInputFiles('#file', {
      name: 'old-town.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(ratingListCsv(demoRatingList(300, 7))),
    });
    await go(page.getByRole('button', { name: 'Import' }).click());
    expect(await page.locator('.govuk-notification-banner').innerText()).toMatch(/300 hereditaments were imported/);
    expect(await page.locator('#hereditaments').innerText()).toContain('Below the threshold');
    await expectNoAxeViolations(page);
    await page.getByLabel('Show').selectOption('eligible');
    await go(page.getByRole('button', { name: 'Filter' }).click());
    expect(await page.locator('#hereditaments').innerText()).not.toContain('Below the threshold');

    // The timetable: one day short of 42 days' notice is refused, with the rule named.
    const ballotOn = addDays(todayInLondon(), 60);
    await page.goto(bidUrl);
    await go(page.getByRole('link', { name: 'Set the timetable' }).click());
    await fillDate('Notice of ballot published', addDays(ballotOn, -41));
    await fillDate('Ballot papers sent', addDays(ballotOn, -28));
    await fillDate('Ballot day', ballotOn);
    await go(page.getByRole('button', { name: 'Save the timetable' }).click());
    expect(await page.locator('.govuk-error-summary').innerText()).toContain(
      'rule: Notice at least 42 days before ballot day',
    );
    await expectNoAxeViolations(page);
    await fillDate('Notice of ballot published', addDays(ballotOn, -42));
    await go(page.getByRole('button', { name: 'Save the timetable' }).click());
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('The timetable is set');

    // The papers, one per eligible hereditament, printable as a PDF.
    await go(page.getByRole('link', { name: 'Issue the papers' }).click());
    await expectNoAxeViolations(page);
    await go(page.getByRole('button', { name: /^Issue \d+ papers$/ }).click());
    await expectNoAxeViolations(page);
    const pdf = await page.request.get(`${bidUrl}/papers.pdf`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const codes = await page.locator('#papers code').allInnerTexts();
    expect(codes.length).toBeGreaterThan(10);

    // Returns: a yes, a no, a spoilt paper, then its replacement.
    await page.goto(`${bidUrl}/returns`);
    await expectNoAxeViolations(page);
    for (const [code, outcome] of [
      [codes[0], 'Yes'],
      [codes[1], 'Yes'],
      [codes[2], 'No'],
      [codes[3], 'Spoilt'],
    ] as const) {
      await page.getByLabel('Code on the paper').fill(code as string);
      await page.getByLabel(outcome, { exact: true }).check();
      await go(page.getByRole('button', { name: 'Record the paper' }).click());
      expect(await page.locator('.govuk-notification-banner').innerText()).toContain(code as string);
    }
    await page.goto(`${bidUrl}/papers?q=${encodeURIComponent(codes[3] as string)}`);
    expect(await page.locator('#papers').innerText()).not.toMatch(/\bVote\b/);
    await go(page.getByRole('link', { name: /^Replace/ }).click());
    await expectNoAxeViolations(page);
    await page.getByLabel('Why is a replacement needed?').fill('Spoilt: both boxes marked');
    await go(page.getByRole('button', { name: 'Cancel the original and issue a replacement' }).click());
    const replacement = (await page.locator('#papers code').allInnerTexts()).find((c) => c !== codes[3]);
    expect(replacement).toBeTruthy();
    await page.goto(`${bidUrl}/returns`);
    await page.getByLabel('Code on the paper').fill(codes[3] as string);
    await page.getByLabel('Yes', { exact: true }).check();
    await go(page.getByRole('button', { name: 'Record the paper' }).click());
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('cancelled');
    await page.getByLabel('Code on the paper').fill(replacement as string);
    await page.getByLabel('Yes', { exact: true }).check();
    await go(page.getByRole('button', { name: 'Record the paper' }).click());

    // After 5pm on ballot day: the count, both tests shown.
    const closes = ballotCloses({ ballotOn }, 'England');
    server.running.services.bids.clock = () => new Date(closes.getTime() + 60_000);
    await page.goto(bidUrl);
    await go(page.getByRole('link', { name: 'count and declare the result' }).click());
    await expectNoAxeViolations(page);
    await go(page.getByRole('button', { name: 'Count the votes and publish the declaration' }).click());
    expect(await page.locator('#result').innerText()).toBe('The proposals are approved');
    const tests = await page.locator('#tests').innerText();
    expect(tests).toContain('Votes cast');
    expect(tests).toContain('Aggregate rateable value');
    expect(await page.locator('#counts').innerText()).toMatch(/Voted yes\s+3/);
    await expectNoAxeViolations(page);

    // The levy and its billing file, whose lines add up to the total shown.
    await page.goto(`${bidUrl}/levy`);
    await expectNoAxeViolations(page);
    const total = await page.locator('#levy-total').innerText();
    const file = await (await page.request.get(`${bidUrl}/levy.csv?year=1`)).text();
    const lines = file.trim().split('\r\n').slice(1);
    const pence = lines.reduce((sum, line) => sum + Number(line.split(',').at(-2)), 0);
    expect(`£${(pence / 100).toLocaleString('en-GB', { minimumFractionDigits: 2 })}`).toBe(total);
  }, 180_000);
});
