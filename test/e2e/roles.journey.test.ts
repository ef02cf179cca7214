import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../src/modules/accounts/demo-users.js';
import { chromiumInstalled, expectNoAxeViolations, launchBrowser } from '../helpers/browser.js';
import { type TestServer, startTestServer } from '../helpers/server.js';

/**
 * Each demo role signs in and sees the navigation its role allows; a visitor sees only the
 * published register; a scrutiny member can read but not edit. axe checks the sign-in page,
 * the user administration page and the public register.
 */
const LOCALITY = 'E07999001';
const runJourney = chromiumInstalled() || Boolean(process.env.CI);

/** The service navigation's groups a reader of the locality's restricted material sees. */
const GROUPS = ['Register', 'Governance', 'Plans and money'];
const signedIn = (name: string, inbox = 'Inbox') => ['Guidance', 'API', inbox, name, 'Sign out'];
const NAVIGATION: Record<string, string[]> = {
  public: [...GROUPS, 'Guidance', 'API', 'Sign in'],
  'partner-representative': [...GROUPS, ...signedIn('Priya Partner')],
  'partnership-secretary': [...GROUPS, ...signedIn('Sam Secretary')],
  'partnership-chair': [...GROUPS, ...signedIn('Chris Chair')],
  // A local stakeholder reads the register as the public does, and the LSP's accreditation when submitted.
  'local-stakeholder': [...GROUPS, ...signedIn('Sol Stakeholder')],
  // The LSP manager has two funding reminders waiting: the demo's streams ending in 5 and 10 months.
  'locality-admin': [...GROUPS, 'Users', ...signedIn('Alex Admin', 'Inbox 2 unread')],
  'locality-gatekeeper': [...GROUPS, ...signedIn('Pat Panel')],
  'scrutiny-member': [...GROUPS, ...signedIn('Cllr Morgan Scrutiny')],
  'go-adviser': [...GROUPS, ...signedIn('Gita Adviser')],
  'national-gatekeeper': [...GROUPS, ...signedIn('Nat Gatekeeper')],
  // A knowledge base editor moderates guidance; they read the register as the public does.
  'knowledge-editor': [...GROUPS, ...signedIn('Kim Editor')],
  // A BID ballot scrutineer runs the BID ballots; they read the register as the public does.
  'bid-scrutineer': [...GROUPS, ...signedIn('Robin Scrutineer')],
  'system-admin': [...GROUPS, 'Users', 'Administration', ...signedIn('Sys Admin')],
};
/** The register group's own pages, under the navigation on the register page. */
const PUBLIC_REGISTER = ['Partnerships', 'Organisations', 'Map'];
const REGISTER: Record<string, string[]> = {
  public: PUBLIC_REGISTER,
  'knowledge-editor': PUBLIC_REGISTER,
  'bid-scrutineer': PUBLIC_REGISTER,
  'local-stakeholder': PUBLIC_REGISTER,
};
/** The governance group's pages: the public and those who read as it does see the decisions only. */
const PUBLIC_GOVERNANCE = ['Decisions'];
const GOVERNANCE = ['Proposals', 'Overlap', 'Rationalisation', 'Scrutiny', 'Assurance'];

describe.skipIf(!runJourney)('roles in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let lspUrl = '';

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    const lsp = await (
      await fetch(
        `${server.url}/api/v1/localities/${LOCALITY}/partnerships?q=Brackenfield%20Partnership&layer=strategic`,
      )
    ).json();
    lspUrl = `/localities/${LOCALITY}/partnerships/${lsp.items[0].id}`;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function freshPage(): Promise<Page> {
    await context?.close();
    context = await browser.newContext({ baseURL: server.url });
    context.setDefaultTimeout(15_000);
    page = await context.newPage();
    return page;
  }

  async function signIn(email: string): Promise<void> {
    await page.goto('/sign-in');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Sign in' }).click()]);
  }

  const texts = (selector: string) =>
    page
      .locator(selector)
      .allInnerTexts()
      .then((items) => items.map((t) => t.trim().replace(/\s+/g, ' ')));
  const navigation = () => texts('.govuk-service-navigation__item');
  const groupPages = () => texts('.app-subnav__item');

  it('shows a visitor the published register, without proposed partnerships or restricted details', async () => {
    await freshPage();
    await page.goto(`/localities/${LOCALITY}/partnerships?status=proposed`);
    expect(await navigation()).toEqual(NAVIGATION.public);
    expect(await page.getByText('No partnerships match.').count()).toBe(1);
    expect(await page.locator('#register-table tbody tr').count()).toBe(0);
    await page.goto(`/localities/${LOCALITY}/partnerships`);
    expect(await page.getByText('This is the published register.').count()).toBe(1);
    await expectNoAxeViolations(page);
    await page.goto(lspUrl);
    expect(await page.locator('text=Restricted').count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Edit details' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'History', exact: true }).count()).toBe(0);
  });

  it('gives each demo role the navigation its role allows', async () => {
    await freshPage();
    await page.goto('/sign-in');
    await expectNoAxeViolations(page);
    for (const account of DEMO_ACCOUNTS) {
      await freshPage();
      await signIn(account.email);
      await page.goto(`/localities/${LOCALITY}/partnerships`);
      expect(await navigation(), account.role).toEqual(NAVIGATION[account.role]);
      const register = REGISTER[account.role] ?? [...PUBLIC_REGISTER, 'Import and export'];
      expect(await groupPages(), account.role).toEqual(register);
      await page.locator('.govuk-service-navigation').getByRole('link', { name: 'Governance' }).click();
      const governance = REGISTER[account.role] ? PUBLIC_GOVERNANCE : GOVERNANCE;
      // A group of one page has no row of its own.
      expect(await groupPages(), account.role).toEqual(governance.length > 1 ? governance : []);
    }
  });

  it('lets the LSP secretary edit the LSP, and a scrutiny member read but not edit it', async () => {
    await freshPage();
    await signIn('secretary@brackenfield.example');
    await page.goto(lspUrl);
    expect(await page.getByRole('link', { name: 'Edit details' }).getAttribute('href')).toBe(`${lspUrl}/edit`);
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'Edit details' }).click()]);
    expect(await page.locator('h1').innerText()).toBe('Edit Brackenfield Partnership');

    await freshPage();
    await signIn('scrutiny@brackenfield.example');
    await page.goto(lspUrl);
    expect(await page.locator('.app-restricted').count()).toBeGreaterThan(0);
    expect(await page.getByRole('link', { name: 'Edit details' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'History', exact: true }).count()).toBe(1);
    const response = await page.goto(`${lspUrl}/edit`);
    expect(response?.status()).toBe(403);
    expect(await page.locator('h1').innerText()).toBe('You cannot do this');
  });

  it('keeps a requested reset link from the visitor, and shows it to the system administrator as the email was sent', async () => {
    await freshPage();
    await page.goto('/forgot-password');
    await page.getByLabel('Email address').fill('scrutiny@brackenfield.example');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Send the link' }).click()]);
    expect((await page.goto('/admin/outbox'))?.url()).toContain('/sign-in');
    expect((await page.goto('/dev/outbox'))?.status()).toBe(404);

    await freshPage();
    await signIn('sysadmin@joinedup.example');
    await page.goto('/admin/outbox');
    expect(await page.locator('h1').innerText()).toBe('Email outbox');
    const first = page.locator('section.app-email').first();
    expect(await first.locator('h2').innerText()).toBe('Reset your Joined Up password');
    const frame = page.frameLocator('iframe.app-email__html').first();
    await expect.poll(() => frame.getByRole('link', { name: 'Choose a new password' }).count()).toBe(1);
    expect(await frame.getByRole('link', { name: 'Choose a new password' }).getAttribute('href')).toMatch(
      /\/reset-password\/[\w-]+$/,
    );
    await first.locator('summary').click();
    expect(await first.locator('pre').innerText()).toMatch(/Choose a new password:\n\S+\/reset-password\//);
    await expectNoAxeViolations(page);
  });

  it('shows the locality administrator the users page, accessibly', async () => {
    await freshPage();
    await signIn('admin@brackenfield.example');
    await page.goto(`/localities/${LOCALITY}/users`);
    expect(await page.locator('h1').innerText()).toBe('Users and roles');
    expect(await page.locator('tbody tr').count()).toBeGreaterThanOrEqual(4);
    await expectNoAxeViolations(page);
  });
});
