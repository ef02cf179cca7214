import fs from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumInstalled, expectNoAxeViolations, launchBrowser, newPage } from '../helpers/browser.js';
import { type TestServer, startTestServer } from '../helpers/server.js';

/**
 * A partnership officer searches the knowledge base for "pooled budget", filters to guidance
 * and opens the section 75 item. A partner writes a case study with a preview and sends it for
 * review; the national editor asks for a change; the partner makes it and sends it again; the
 * editor publishes it; it is found by search and listed on the LSP's page as related practice.
 * axe checks every page on the way; KNOWLEDGE_SCREENSHOTS=<folder> keeps a screenshot of each.
 */
const LOCALITY = 'E07999001';
const TITLE = 'Brackenfield’s shared front door for families';
const runJourney = chromiumInstalled() || Boolean(process.env.CI);
const SHOTS = process.env.KNOWLEDGE_SCREENSHOTS;

describe.skipIf(!runJourney)('the knowledge base in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let lsp: { id: string; themes: string[] };
  let shot = 0;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    const found = (await (
      await fetch(
        `${server.url}/api/v1/localities/${LOCALITY}/partnerships?q=Brackenfield%20Partnership&layer=strategic`,
      )
    ).json()) as { items: Array<{ id: string; themes: string[] }> };
    lsp = found.items[0]!;
    if (SHOTS) await fs.mkdir(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function check(page: Page): Promise<void> {
    await expectNoAxeViolations(page);
    if (SHOTS)
      for (const width of [1280, 375]) {
        await page.setViewportSize({ width, height: 900 });
        await page.screenshot({ path: `${SHOTS}/${String(++shot).padStart(2, '0')}-${width}.png`, fullPage: true });
      }
    if (SHOTS) await page.setViewportSize({ width: 1280, height: 900 });
  }

  async function go(page: Page, action: Promise<unknown>): Promise<void> {
    await Promise.all([page.waitForNavigation(), action]);
  }

  it('lets a partnership officer search for a pooled budget, filter to guidance and open an item', async () => {
    const page = await newPage(browser, server.url, 'secretary@brackenfield.example');
    await page.goto(`/localities/${LOCALITY}/partnerships`);
    await go(page, page.getByRole('link', { name: 'Guidance', exact: true }).first().click());
    expect(await page.locator('h1').innerText()).toBe('Guidance and practice');
    await check(page);

    // A misspelling finds nothing; the library's own spelling is offered and followed.
    await page.getByLabel('Search guidance and practice').fill('poooled budgte');
    await go(page, page.getByRole('button', { name: 'Search' }).click());
    expect(await page.locator('#did-you-mean').innerText()).toBe('Did you mean pooled budget?');
    await check(page);
    await go(page, page.locator('#did-you-mean').getByRole('link', { name: 'pooled budget' }).click());
    expect(await page.locator('#results').innerText()).toContain('matching “pooled budget”');
    await check(page);

    await go(
      page,
      page
        .getByRole('navigation', { name: 'Filter by type' })
        .getByRole('link', { name: /^Guidance/ })
        .click(),
    );
    const titles = await page.locator('.app-knowledge-results h3').allInnerTexts();
    expect(titles.length).toBeGreaterThan(0);
    expect(await page.locator('.app-knowledge-results .govuk-caption-m').allInnerTexts()).toEqual(
      titles.map(() => 'Guidance'),
    );
    const section75 = 'Section 75 agreements: pooled funds and lead commissioning between the NHS and councils';
    expect(titles.slice(0, 3)).toContain(section75);
    await check(page);

    await go(page, page.getByRole('link', { name: section75 }).click());
    expect(await page.locator('h1').innerText()).toBe(section75);
    expect(await page.locator('.govuk-summary-list').first().innerText()).toContain(
      'National Health Service Act 2006, s.75',
    );
    expect(await page.locator('meta[property="og:title"]').getAttribute('content')).toBe(section75);
    await check(page);
  }, 180_000);

  it('takes a case study from a partner through an editor’s request for changes to publication', async () => {
    const partner = await newPage(browser, server.url, 'partner@brackenfield.example');
    await partner.goto('/knowledge');
    await go(partner, partner.getByRole('link', { name: 'Suggest an item' }).click());
    await check(partner);
    await partner.getByLabel('Case study').check();
    await partner.getByLabel('Title').fill(TITLE);
    await partner.getByLabel('Summary').fill('Three boards for families became one front door, hosted by the LSP.');
    await partner
      .getByLabel('Text')
      .fill('## What was done\n\nThe **LSP** merged three family boards.\n\n<script>alert(1)</script>');
    await partner.getByLabel('Where it was done').fill('Brackenfield');
    await partner.getByLabel('Governance').check();
    await partner.getByLabel('Rationalisation').check();
    for (const theme of lsp.themes) await partner.locator(`input[name="themes"][value="${theme}"]`).check();
    await partner.getByLabel('Local Strategic Partnership').check();
    await go(partner, partner.getByRole('button', { name: 'Preview' }).click());
    expect(await partner.locator('.app-knowledge-preview h2').first().innerText()).toBe('Preview');
    expect(await partner.locator('.app-knowledge-preview').innerText()).toContain(
      'The LSP merged three family boards.',
    );
    expect(await partner.locator('.app-knowledge-preview script').count()).toBe(0);
    await check(partner);
    await go(partner, partner.getByRole('button', { name: 'Send for review' }).click());
    expect(await partner.locator('.govuk-notification-banner').innerText()).toContain('was sent to the editors');
    const draftUrl = new URL(partner.url()).pathname;
    await check(partner);

    const editor = await newPage(browser, server.url, 'editor@knowledge.example');
    await editor.goto('/knowledge');
    await go(editor, editor.getByRole('link', { name: 'Items to review' }).click());
    await check(editor);
    await go(editor, editor.getByRole('link', { name: TITLE }).click());
    await check(editor);
    await editor.getByLabel('Ask the author for changes').check();
    await go(editor, editor.getByRole('button', { name: 'Save the decision' }).click());
    expect(await editor.locator('.govuk-error-summary').innerText()).toContain('Enter what the author should change');
    await check(editor);
    await editor.getByLabel('Ask the author for changes').check();
    await editor.getByLabel('Reason or note').fill('Please say what the result was.');
    await go(editor, editor.getByRole('button', { name: 'Save the decision' }).click());
    expect(await editor.locator('.govuk-notification-banner').innerText()).toContain('sent back to its author');

    await partner.goto(draftUrl);
    expect(await partner.locator('.govuk-inset-text').innerText()).toContain('Please say what the result was.');
    await check(partner);
    await go(partner, partner.getByRole('link', { name: 'Change the item' }).click());
    await partner
      .getByLabel('The result (optional)')
      .fill('One board instead of three; families tell their story once.');
    await check(partner);
    await go(partner, partner.getByRole('button', { name: 'Send for review' }).click());
    expect(await partner.locator('.govuk-tag').first().innerText()).toBe('Awaiting review');

    await editor.goto(draftUrl);
    await editor.getByLabel('Publish it').check();
    await go(editor, editor.getByRole('button', { name: 'Save the decision' }).click());
    expect(await editor.locator('h1').innerText()).toBe(TITLE);
    expect(await editor.locator('.govuk-summary-list').first().innerText()).toContain('One board instead of three');
    await check(editor);

    const visitor = await newPage(browser, server.url);
    await visitor.goto('/knowledge?q=front+door+families');
    expect(await visitor.locator('.app-knowledge-results h3').first().innerText()).toBe(TITLE);
    await visitor.goto(`/localities/${LOCALITY}/partnerships/${lsp.id}`);
    expect(await visitor.locator('#related-guidance + ul').innerText()).toContain(TITLE);
    await check(visitor);
  }, 240_000);
});
