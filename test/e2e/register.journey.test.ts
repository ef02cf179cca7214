import crypto from 'node:crypto';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oneBackend } from '../helpers/database.js';
import {
  axeViolations,
  chromiumInstalled,
  expectNoAxeViolations,
  formatViolations,
  launchBrowser,
} from '../helpers/browser.js';
import { type TestServer, startBuiltServer, startTestServer } from '../helpers/server.js';

/**
 * The register journey a council officer takes, in a real browser against the real server:
 * open and filter the published register, sign in as the locality's administrator, add a
 * partnership (first with mistakes), add an organisation and make it a member, find the
 * partnership again and read its history; then, as the system administrator, the reference
 * data. Every page visited is checked with axe against WCAG 2.2 AA.
 *
 * Works whether the demo locality is empty or populated: what it checks it creates itself,
 * under names no demo data uses. It signs in with the demo accounts `joinedup start` makes
 * with the demo locality (README: "Demo accounts").
 */

const DEMO_PASSWORD = 'joined-up-demo';
const LOCALITY_ADMIN = 'admin@brackenfield.example';
const SYSTEM_ADMIN = 'sysadmin@joinedup.example';

// Locally without Chromium the journey is skipped with a note; in CI (CI=true) it must run.
const runJourney = chromiumInstalled() || Boolean(process.env.CI);
if (!runJourney) console.warn('Browser journey skipped: /usr/bin/chromium is missing (apt-get install -y chromium)');

/**
 * The journey runs against the source (started in this process) on PostgreSQL when the run has
 * it, and against the built app: `joinedup start` from dist/ in its own process, on a fresh
 * PGlite data folder, which must pass the same journey as the source. So both databases serve it.
 */
const targets = [oneBackend, 'built app from dist/'] as const;

describe.skipIf(!runJourney).each(targets)('register journey in Chromium (%s)', (backend) => {
  let server: Pick<TestServer, 'url' | 'stop'>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  /** Every page the journey checked with axe, in order. */
  const visited: string[] = [];

  const suffix = crypto.randomBytes(3).toString('hex').toUpperCase();
  const partnershipName = `Journey Test Safer Streets Board ${suffix}`;
  const organisationName = `Journey Test Housing Trust ${suffix}`;
  let registerUrl = '';
  let partnershipUrl = '';

  beforeAll(async () => {
    server =
      backend === 'built app from dist/'
        ? await startBuiltServer()
        : await startTestServer({ databaseUrl: backend === 'postgres' ? process.env.TEST_DATABASE_URL : undefined });
    browser = await launchBrowser();
    context = await browser.newContext({ baseURL: server.url });
    context.setDefaultTimeout(15_000);
    page = await context.newPage();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
    if (visited.length)
      console.log(`axe (WCAG 2.2 AA) checked ${visited.length} pages on ${backend}:\n  ${visited.join('\n  ')}`);
  });

  /** Runs axe on the page as it stands; soft, so the journey goes on and reports every page. */
  async function checkAccessibility(label: string): Promise<void> {
    visited.push(`${label}: ${new URL(page.url()).pathname}${new URL(page.url()).search}`);
    await expectNoAxeViolations(page, { soft: true });
  }

  /** Clicks a link or button that loads a new page; returns the new page's HTTP status (after redirects). */
  async function clickAndWait(target: Locator): Promise<number> {
    const [response] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), target.click()]);
    return response?.status() ?? 0;
  }

  const rows = () => page.locator('#register-table tbody tr');
  const banner = () => page.locator('.govuk-notification-banner--success');
  const heading = () => text(page.locator('h1'));
  const path = () => new URL(page.url()).pathname;
  const query = () => new URL(page.url()).searchParams;
  const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');
  const serviceNavigation = () => page.locator('.govuk-service-navigation');

  /** Signs in through the service navigation's "Sign in" link, which comes back to this page. */
  async function signIn(email: string): Promise<void> {
    const here = `${path()}${new URL(page.url()).search}`;
    await clickAndWait(serviceNavigation().getByRole('link', { name: 'Sign in' }));
    expect(await heading()).toBe('Sign in');
    await checkAccessibility('sign-in page');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    expect(await clickAndWait(page.getByRole('button', { name: 'Sign in', exact: true }))).toBe(200);
    expect(await text(banner())).toContain('Signed in as');
    expect(`${path()}${new URL(page.url()).search}`).toBe(here);
  }

  it('opens the demo locality’s register from the home page', async () => {
    await page.goto('/');
    expect(await heading()).toBe('Partnership registers');
    await checkAccessibility('home page');

    const demoRow = page.locator('table tbody tr', { has: page.locator('.govuk-tag', { hasText: 'Demo' }) }).first();
    expect(await clickAndWait(demoRow.locator('a').first())).toBe(200);
    expect(await heading()).toBe('Partnership register');
    registerUrl = path();
    expect(registerUrl).toMatch(/^\/localities\/[A-Z0-9]+\/partnerships$/);
    expect(await text(page.locator('p[role="status"]'))).toMatch(
      /^(Showing 1 to \d+ of [\d,]+ partnerships?\.|No partnerships match\.)$/,
    );
    await checkAccessibility('register');
  });

  it('filters the register by status, and the address keeps the filter', async () => {
    await page.getByLabel('Status', { exact: true }).selectOption('active');
    await clickAndWait(page.getByRole('button', { name: 'Apply filters' }));
    expect(path()).toBe(registerUrl);
    expect(query().get('status')).toBe('active');
    // The choice is still shown, and every row listed is active.
    expect(await page.getByLabel('Status', { exact: true }).inputValue()).toBe('active');
    for (const status of await rows().locator('td:nth-child(4)').allInnerTexts()) expect(status.trim()).toBe('Active');
    await checkAccessibility('register filtered by status');

    await clickAndWait(page.getByRole('link', { name: 'Clear filters' }));
    expect(new URL(page.url()).search).toBe('');
    expect(await page.getByLabel('Status', { exact: true }).inputValue()).toBe('');
  });

  it('signs in as the locality’s administrator and comes back to the register', async () => {
    // A visitor reads the published register but cannot add to it.
    expect(await page.getByRole('link', { name: 'Add a partnership' }).count()).toBe(0);
    await signIn(LOCALITY_ADMIN);
    expect(path()).toBe(registerUrl);
    expect(await page.getByRole('link', { name: 'Add a partnership' }).count()).toBeGreaterThanOrEqual(1);
    await checkAccessibility('register, signed in');
  });

  it('shows the error summary for a partnership with mistakes, keeping what was typed', async () => {
    await clickAndWait(page.getByRole('link', { name: 'Add a partnership' }).first());
    expect(await heading()).toBe('Add a partnership');
    await checkAccessibility('new partnership form');

    // A mistake: no name and no layer; everything else filled in.
    await page
      .getByLabel('Purpose', { exact: true })
      .fill('Brings the council, police and housing providers together to cut antisocial behaviour.');
    await page.getByRole('group', { name: 'Basis' }).getByLabel('Voluntary', { exact: true }).check();
    await page.getByLabel('Legal form', { exact: true }).selectOption('unincorporated');
    await page.getByLabel('Chair (optional)').fill('Cllr Jo Rowe');
    await page.getByLabel('Meetings a year (optional)').fill('6');
    await page.getByLabel('Typical meeting length (optional)').fill('90');
    expect(await clickAndWait(page.getByRole('button', { name: 'Add partnership' }))).toBe(422);

    expect(await page.title()).toMatch(/^Error: Add a partnership/);
    const summary = page.locator('.govuk-error-summary');
    expect(await summary.isVisible()).toBe(true);
    expect(await text(summary.locator('.govuk-error-summary__title'))).toBe('There is a problem');
    // The summary links to each field in error, and each field shows its own message.
    expect(await text(summary.locator('a[href="#name"]'))).toBe('Enter the partnership’s name');
    expect(await text(summary.locator('a[href="#layer"]'))).toContain('Choose a layer');
    expect(await text(page.locator('#name-error'))).toContain('Enter the partnership’s name');
    expect(await text(page.locator('#layer-error'))).toContain('Choose a layer');
    // GOV.UK Frontend moves focus to the summary, so a screen reader announces it first.
    await expect
      .poll(() => page.evaluate(() => Boolean(document.activeElement?.classList.contains('govuk-error-summary'))))
      .toBe(true);

    // What was typed is all still there.
    expect(await page.getByLabel('Purpose', { exact: true }).inputValue()).toMatch(/cut antisocial behaviour/);
    expect(await page.getByRole('group', { name: 'Basis' }).getByLabel('Voluntary', { exact: true }).isChecked()).toBe(
      true,
    );
    expect(await page.getByLabel('Legal form', { exact: true }).inputValue()).toBe('unincorporated');
    expect(await page.getByLabel('Chair (optional)').inputValue()).toBe('Cllr Jo Rowe');
    expect(await page.getByLabel('Meetings a year (optional)').inputValue()).toBe('6');
    expect(await page.getByLabel('Typical meeting length (optional)').inputValue()).toBe('90');
    await checkAccessibility('partnership form with errors');

    // The summary's links take the user to the field.
    await summary.locator('a[href="#layer"]').click();
    await expect.poll(focusedId).toBe('layer');
    await summary.locator('a[href="#name"]').click();
    await expect.poll(focusedId).toBe('name');
  });

  it('adds the partnership once the mistakes are fixed', async () => {
    await page.locator('#name').fill(partnershipName);
    await page.getByRole('group', { name: 'Layer' }).getByLabel('Operational', { exact: true }).check();
    expect(await clickAndWait(page.getByRole('button', { name: 'Add partnership' }))).toBe(200);

    partnershipUrl = path();
    expect(partnershipUrl).toMatch(new RegExp(`^${registerUrl}/[0-9a-f-]{36}$`));
    expect(await heading()).toContain(partnershipName);
    expect(await banner().isVisible()).toBe(true);
    expect(await text(banner())).toContain(`${partnershipName} was added to the register as`);
    expect(await text(page.locator('.govuk-summary-list', { hasText: 'Chair' }))).toContain('Cllr Jo Rowe');
    expect(await page.getByText('No members recorded yet.').isVisible()).toBe(true);
    await checkAccessibility('partnership page');
  });

  it('adds an organisation from the member form and makes it a member', async () => {
    // The button must lead to this partnership's member form. (Checked softly, so that if
    // the link is broken the rest of the journey still runs and reports.)
    const addMember = page.getByRole('link', { name: 'Add a member' });
    expect.soft(await addMember.getAttribute('href'), '“Add a member” link').toBe(`${partnershipUrl}/members/new`);
    if ((await addMember.getAttribute('href')) === `${partnershipUrl}/members/new`) await clickAndWait(addMember);
    else await page.goto(`${partnershipUrl}/members/new`);
    expect(await heading()).toBe('Add a member');
    await checkAccessibility('add a member form');
    const memberFormUrl = path();

    // The organisation is not listed yet: the form's hint leads to the organisation form.
    const organisationSelect = page.getByLabel('Organisation', { exact: true });
    expect(await organisationSelect.locator('option', { hasText: organisationName }).count()).toBe(0);
    await clickAndWait(page.getByRole('link', { name: 'Add the organisation' }));
    expect(await heading()).toBe('Add an organisation');
    await checkAccessibility('organisation form');

    await page.getByLabel('Name', { exact: true }).fill(organisationName);
    await page.getByRole('group', { name: 'Sector' }).getByLabel('Voluntary', { exact: true }).check();
    await page.getByLabel('Type', { exact: true }).selectOption('housing-association');
    await page.getByLabel('Identifier (optional)').fill('GB-CHC-1234567');
    expect(await clickAndWait(page.getByRole('button', { name: 'Add organisation' }))).toBe(200);
    expect(await heading()).toBe(organisationName);
    expect(await text(banner())).toContain(`${organisationName} was added`);
    expect
      .soft(await page.getByRole('link', { name: 'Edit details' }).getAttribute('href'), '“Edit details” link')
      .toBe(`${path()}/edit`);
    await checkAccessibility('organisation page');

    await page.goto(memberFormUrl);
    const organisationId = await organisationSelect
      .locator('option', { hasText: organisationName })
      .getAttribute('value');
    expect(organisationId).toMatch(/^[0-9a-f-]{36}$/);
    await organisationSelect.selectOption(organisationId ?? '');
    await page.getByRole('group', { name: 'Role' }).getByLabel('Vice-chair', { exact: true }).check();
    await page.getByLabel('Representative (optional)').fill('Director of Housing');
    expect(await clickAndWait(page.getByRole('button', { name: 'Add member' }))).toBe(200);

    expect(path()).toBe(partnershipUrl);
    expect(await text(banner())).toContain(`${organisationName} was added as vice chair`);
    const memberRow = page.locator('table tbody tr', { hasText: organisationName });
    expect(await memberRow.count()).toBe(1);
    const cells = (await memberRow.locator('td').allInnerTexts()).map((c) => c.trim());
    expect(cells.slice(0, 4)).toEqual([organisationName, 'Voluntary', 'Vice-chair', 'Director of Housing']);
    expect(await text(page.locator('.app-key-figures > div').first())).toMatch(/^1\s*current members$/);
    expect
      .soft(
        await page.getByRole('link', { name: 'See the full history' }).getAttribute('href'),
        '“See the full history” link',
      )
      .toBe(`${partnershipUrl}/history`);
    await checkAccessibility('partnership page with its member');
  });

  it('finds the partnership in the register, with its member count, and filters by layer', async () => {
    await clickAndWait(page.locator('.govuk-breadcrumbs').getByRole('link', { name: 'Partnership register' }));
    expect(path()).toBe(registerUrl);

    await page.getByLabel('Search name or purpose').fill(partnershipName);
    await page.getByLabel('Layer', { exact: true }).selectOption('operational');
    await clickAndWait(page.getByRole('button', { name: 'Apply filters' }));
    expect(query().get('q')).toBe(partnershipName);
    expect(query().get('layer')).toBe('operational');
    expect(await page.getByLabel('Search name or purpose').inputValue()).toBe(partnershipName);
    expect(await page.getByLabel('Layer', { exact: true }).inputValue()).toBe('operational');
    expect(await rows().count()).toBe(1);
    const cells = (await rows().first().locator('td').allInnerTexts()).map((c) => c.trim());
    // Partnership, Ref, Layer, Status, Themes, Lead organisation, Members, Meetings a year
    expect(cells[0]).toBe(partnershipName);
    expect(cells[1]).toMatch(/^P-\d+$/);
    expect(cells.slice(2, 4)).toEqual(['Operational', 'Active']);
    expect(cells.slice(6, 8)).toEqual(['1', '6']);
    expect(await text(page.locator('p[role="status"]'))).toBe('Showing 1 to 1 of 1 partnership.');
    await checkAccessibility('register searched and filtered by layer');

    // Every operational partnership, and only those.
    await page.getByLabel('Search name or purpose').fill('');
    await clickAndWait(page.getByRole('button', { name: 'Apply filters' }));
    expect(query().get('layer')).toBe('operational');
    const layers = await rows().locator('td:nth-child(3)').allInnerTexts();
    expect(layers.length).toBeGreaterThanOrEqual(1);
    for (const layer of layers) expect(layer.trim()).toBe('Operational');

    // The same search in another layer finds nothing.
    await page.goto(`${registerUrl}?q=${encodeURIComponent(partnershipName)}&layer=strategic`);
    expect(await rows().count()).toBe(0);
    expect(await text(page.locator('p[role="status"]'))).toBe('No partnerships match.');
    await checkAccessibility('register with no matches');
  });

  it('shows the creation and the membership on the partnership’s History tab', async () => {
    await page.goto(partnershipUrl);
    await clickAndWait(
      page.getByRole('navigation', { name: 'Partnership sections' }).getByRole('link', { name: 'History' }),
    );
    expect(path()).toBe(`${partnershipUrl}/history`);
    expect(
      await page
        .getByRole('navigation', { name: 'Partnership sections' })
        .getByRole('link', { name: 'History' })
        .getAttribute('aria-current'),
    ).toBe('page');
    expect(await text(page.locator('#main-content p.govuk-body').first())).toMatch(/^2 changes recorded/);
    const entries = (await page.locator('ol.govuk-list > li h2').allInnerTexts()).map((e) => e.trim());
    expect(entries).toEqual([
      `Added ${organisationName} to ${partnershipName} as vice chair`,
      `Created partnership ${partnershipName}`,
    ]);
    await checkAccessibility('partnership history');
  });

  it('lists the organisation with its seat', async () => {
    await page.goto(registerUrl);
    await clickAndWait(
      page.getByRole('navigation', { name: 'Register' }).getByRole('link', { name: 'Organisations', exact: true }),
    );
    expect(await heading()).toBe('Organisations');
    await checkAccessibility('organisations list');

    await page.getByLabel('Search name or identifier').fill(organisationName);
    await clickAndWait(page.getByRole('button', { name: 'Apply filters' }));
    expect(query().get('q')).toBe(organisationName);
    const row = page.locator('table tbody tr', { hasText: organisationName });
    expect(await row.count()).toBe(1);
    await checkAccessibility('organisations list searched');

    await clickAndWait(row.getByRole('link', { name: organisationName }));
    expect(await heading()).toBe(organisationName);
    expect(await text(page.locator('.app-key-figures > div').first())).toMatch(/^1\s*seat on active partnerships$/);
    expect(await page.getByRole('link', { name: partnershipName }).count()).toBeGreaterThanOrEqual(1);
    await checkAccessibility('organisation page with its seat');
  });

  it('signs out, and signs in as the system administrator to see the reference data', async () => {
    await page.goto(registerUrl);
    await clickAndWait(serviceNavigation().getByRole('button', { name: 'Sign out' }));
    expect(await text(banner())).toContain('You have signed out');
    expect(await serviceNavigation().getByRole('link', { name: 'Sign in' }).count()).toBe(1);
    await signIn(SYSTEM_ADMIN);
    await clickAndWait(serviceNavigation().getByRole('link', { name: 'Administration' }));
    expect(await heading()).toBe('Reference data');
    await checkAccessibility('reference data');

    await clickAndWait(page.getByRole('link', { name: 'Partnership bases' }));
    expect(path()).toBe('/admin/reference/basis');
    await checkAccessibility('reference list (bases)');

    await clickAndWait(serviceNavigation().getByRole('link', { name: 'API', exact: true }));
    expect(await heading()).toBe('API');
    await checkAccessibility('API docs');

    await clickAndWait(page.locator('.govuk-template__header').getByRole('link', { name: 'Joined Up' }));
    expect(path()).toBe('/');
    await checkAccessibility('home page (after the journey)');
  });

  it('has a skip link as the first Tab stop, which takes keyboard users to the main content', async () => {
    for (const url of ['/', registerUrl, `${registerUrl}/new`, partnershipUrl]) {
      await page.goto(url);
      await page.keyboard.press('Tab');
      const first = await page.evaluate(() => {
        const el = document.activeElement as HTMLAnchorElement | null;
        return {
          className: el?.className ?? '',
          text: el?.textContent?.trim() ?? '',
          href: el?.getAttribute('href') ?? '',
        };
      });
      expect(first, url).toEqual({
        className: expect.stringContaining('govuk-skip-link'),
        text: 'Skip to main content',
        href: '#main-content',
      });
      expect(await page.locator('.govuk-skip-link').isVisible()).toBe(true); // shown when focused
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => location.hash)).toBe('#main-content');
      await expect.poll(focusedId).toBe('main-content');
      // The next Tab goes on into the page's content, not back to the header.
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => Boolean(document.activeElement?.closest('#main-content'))), url).toBe(true);
    }
  });
});

async function text(locator: Locator): Promise<string> {
  return (await locator.innerText()).trim();
}

describe.skipIf(!runJourney)('the accessibility check itself', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('reports violations with their id, impact, help and elements, so a clean page means something', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await page.setContent(
        '<html><head><title>Broken</title></head><body><main><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><a href="/x"></a><p style="color:#aaa;background:#fff">Faint text</p></main></body></html>',
      );
      const violations = await axeViolations(page);
      const ids = violations.map((v) => v.id);
      expect(ids).toEqual(expect.arrayContaining(['html-has-lang', 'image-alt', 'link-name', 'color-contrast']));
      const message = formatViolations('about:blank', violations);
      expect(message).toMatch(
        /- image-alt \(critical\): Images must have alternative text \[https:\/\/[^\]]+\]\n {4}at img/,
      );
      await expect(expectNoAxeViolations(page)).rejects.toThrow(/accessibility violation\(s\) on about:blank:\n- /);
    } finally {
      await context.close();
    }
  });
});
