import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LOCALITY_CODE } from '../../src/modules/demo/plan.js';
import { backends } from '../helpers/database.js';
import { chromiumInstalled, expectNoAxeViolations, launchBrowser } from '../helpers/browser.js';
import { type TestServer, startTestServer } from '../helpers/server.js';

/**
 * The partnership map of the demo locality, as a council officer uses it in a real browser:
 * the network drawn from the API next to its table alternative (the same counts), filtered to
 * a theme through the form, a node found and highlighted, the partnerships-only view, the
 * nesting tree with the LSP at the top and the orphans, the PNG and SVG downloads, and the
 * page without JavaScript. Every page visited is checked with axe (after the network is drawn)
 * and the console must show no Content Security Policy violation.
 */

const runJourney = chromiumInstalled() || Boolean(process.env.CI);
if (!runJourney) console.warn('Browser journey skipped: /usr/bin/chromium is missing (apt-get install -y chromium)');

const MAP = `/localities/${DEMO_LOCALITY_CODE}/map`;

describe.skipIf(!runJourney).each(backends)('map journey in Chromium (%s)', (backend) => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const consoleErrors: string[] = [];
  const visited: string[] = [];

  beforeAll(async () => {
    server = await startTestServer({ databaseUrl: backend === 'postgres' ? process.env.TEST_DATABASE_URL : undefined });
    browser = await launchBrowser();
    context = await browser.newContext({
      baseURL: server.url,
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    context.setDefaultTimeout(30_000);
    page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
  }, 600_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
    if (visited.length)
      console.log(`axe (WCAG 2.2 AA) checked ${visited.length} map pages on ${backend}:\n  ${visited.join('\n  ')}`);
  });

  async function checkAccessibility(label: string): Promise<void> {
    visited.push(`${label}: ${new URL(page.url()).pathname}${new URL(page.url()).search}`);
    await expectNoAxeViolations(page, { soft: true });
  }

  async function clickAndWait(target: Locator): Promise<void> {
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), target.click()]);
  }

  /** Waits until the script has drawn the network; returns what Cytoscape reports. */
  async function drawn(): Promise<{ nodes: number; edges: number }> {
    const canvas = page.locator('#map-canvas[data-ready="true"]');
    await canvas.waitFor({ state: 'attached', timeout: 60_000 });
    expect(await page.locator('#map-canvas canvas').count()).toBeGreaterThan(0);
    return {
      nodes: Number(await canvas.getAttribute('data-node-count')),
      edges: Number(await canvas.getAttribute('data-edge-count')),
    };
  }

  const rows = (table: string) => page.locator(`#${table} tbody tr`);
  /** The sum of a numeric column (1-based) of a table. */
  async function columnSum(table: string, column: number): Promise<number> {
    const values = await rows(table).locator(`td:nth-child(${column})`).allInnerTexts();
    return values.reduce((sum, v) => sum + Number(v.trim()), 0);
  }
  const query = () => new URL(page.url()).searchParams;
  const figure = async (name: string) => Number((await page.locator(`#figure-${name}`).innerText()).replace(/,/g, ''));

  it('draws the network of the demo locality, with the same nodes and links as its tables', async () => {
    await page.goto(MAP);
    expect(await page.locator('h1').innerText()).toBe('Partnership map');
    const { nodes, edges } = await drawn();
    const partnerships = await rows('map-partnerships-table').count();
    const organisations = await rows('map-organisations-table').count();
    expect(partnerships).toBeGreaterThan(50);
    expect(nodes).toBe(partnerships + organisations);
    // Each partnership's "Links" column counts its lines: together, every edge once.
    expect(await columnSum('map-partnerships-table', 5)).toBe(edges);
    expect(await columnSum('map-organisations-table', 4)).toBe(edges);
    expect(await figure('partnerships')).toBe(partnerships);
    expect(await figure('organisations')).toBe(organisations);
    expect(await figure('orphans')).toBeGreaterThanOrEqual(5);
    // The canvas has a name and points to the table alternative; the page says no script is needed.
    expect(await page.locator('#map-canvas').getAttribute('aria-label')).toMatch(
      /^Network diagram of open partnerships/,
    );
    expect(await page.locator('#map-note').innerText()).toContain('the tables below');
    expect(await page.locator('#map-no-script').isHidden()).toBe(true);
    expect(await page.locator('#map-legend li').count()).toBeGreaterThan(3);
    await page.locator('#map-canvas').screenshot({ path: `/tmp/map-journey-${backend}-network.png` });
    await checkAccessibility('map, network drawn');
  });

  it('filters to a theme through the form: the address, the table and the network agree', async () => {
    await page.getByLabel('Theme', { exact: true }).selectOption('community-safety');
    await clickAndWait(page.getByRole('button', { name: 'Apply filters' }));
    expect(query().get('theme')).toBe('community-safety');
    expect(await page.getByLabel('Theme', { exact: true }).inputValue()).toBe('community-safety');
    const themes = await rows('map-partnerships-table').locator('td:nth-child(3)').allInnerTexts();
    expect(themes.length).toBeGreaterThan(3);
    for (const text of themes) expect(text).toContain('Community safety');
    const { nodes, edges } = await drawn();
    expect(nodes).toBe(
      (await rows('map-partnerships-table').count()) + (await rows('map-organisations-table').count()),
    );
    expect(await columnSum('map-partnerships-table', 5)).toBe(edges);
    // The export links carry the filter.
    expect(await page.getByRole('link', { name: 'GEXF' }).getAttribute('href')).toContain('theme=community-safety');
    await checkAccessibility('map filtered to a theme');
  });

  it('finds a node by name, highlights it and opens its record from the keyboard', async () => {
    const name = (await rows('map-partnerships-table').first().locator('th a').innerText()).trim();
    await page.getByLabel('Find a partnership or organisation').fill(name.slice(0, 12).toLowerCase());
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await expect.poll(() => page.locator('#map-status').innerText()).toContain(`Selected: ${name}`);
    const selected = await page.locator('#map-canvas').getAttribute('data-selected');
    expect(selected).toMatch(/^p-/);
    const highlighted = await page.evaluate((id) => {
      const cy = (
        window as unknown as { joinedUpMap: { getElementById(id: string): { hasClass(c: string): boolean } } }
      ).joinedUpMap;
      return cy.getElementById(id ?? '').hasClass('found');
    }, selected);
    expect(highlighted).toBe(true);
    await page.waitForTimeout(400);
    await page.locator('#map-canvas').screenshot({ path: `/tmp/map-journey-${backend}-found.png` });
    await checkAccessibility('map with a node found');

    // Keyboard: focus the network, move to the next node, Enter opens its record.
    await page.locator('#map-canvas').focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.locator('#map-status').innerText()).toMatch(/^Selected: /);
    const next = await page.locator('#map-canvas').getAttribute('data-selected');
    expect(next).not.toBe(selected);
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
    expect(new URL(page.url()).pathname).toMatch(
      new RegExp(`^/localities/${DEMO_LOCALITY_CODE}/(partnerships|organisations)/[0-9a-f-]{36}$`),
    );
    await page.goBack({ waitUntil: 'load' });
    await drawn();
  });

  it('downloads the network as PNG and SVG', async () => {
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download PNG' }).click(),
    ]);
    expect(png.suggestedFilename()).toBe(`${DEMO_LOCALITY_CODE}-map-network.png`);
    const [svg] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download SVG' }).click(),
    ]);
    expect(svg.suggestedFilename()).toBe(`${DEMO_LOCALITY_CODE}-map-network.svg`);
    const path = await svg.path();
    const text = await import('node:fs/promises').then((fs) => fs.readFile(path, 'utf8'));
    expect(text).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect((text.match(/<line /g) ?? []).length).toBe(
      Number(await page.locator('#map-canvas').getAttribute('data-edge-count')),
    );
  });

  it('shows partnerships linked by shared members, with the pairs as a table', async () => {
    await page.goto(MAP);
    await page.getByLabel('Partnerships only').check();
    await clickAndWait(page.getByRole('button', { name: 'Apply filters' }));
    expect(query().get('view')).toBe('partnerships');
    const { nodes, edges } = await drawn();
    expect(nodes).toBe(await rows('map-partnerships-table').count());
    expect(edges).toBe(await rows('map-pairs-table').count());
    expect(edges).toBe(await figure('links'));
    // Sorted by link: the pair sharing most members first.
    await clickAndWait(page.locator('#map-pairs-table thead').getByRole('link', { name: /Shared members/ }));
    const weights = (await rows('map-pairs-table').locator('td:nth-child(3)').allInnerTexts()).map(Number);
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
    await drawn();
    await page.locator('#map-canvas').screenshot({ path: `/tmp/map-journey-${backend}-partnerships.png` });
    await checkAccessibility('map, partnerships only');
  });

  it('shows the nesting tree with the LSP at the apex and the orphans called out', async () => {
    await clickAndWait(page.getByRole('link', { name: 'Nesting tree and orphans' }));
    expect(await page.locator('h1').innerText()).toBe('Nesting tree');
    const apex = page.locator('#lsp-tree > ul > li');
    expect(await apex.count()).toBe(1);
    expect((await apex.locator('> a').innerText()).trim()).toBe('Brackenfield Partnership');
    expect(await apex.locator('> ul > li').count()).toBeGreaterThanOrEqual(10);
    expect(await page.locator('#orphans').innerText()).toMatch(
      /^Orphans: open partnerships not connected to the LSP \(\d+\)$/,
    );
    expect(await page.locator('#orphan-tree li').count()).toBeGreaterThanOrEqual(5);
    await page.screenshot({ path: `/tmp/map-journey-${backend}-tree.png`, fullPage: true });
    await checkAccessibility('nesting tree');
  });

  it('says something useful without JavaScript', async () => {
    const plain = await browser.newContext({ baseURL: server.url, javaScriptEnabled: false });
    try {
      const noScript = await plain.newPage();
      await noScript.goto(MAP);
      expect(await noScript.locator('#map-no-script').isVisible()).toBe(true);
      expect(await noScript.locator('#map-app').isHidden()).toBe(true);
      expect(await noScript.locator('#map-partnerships-table tbody tr').count()).toBeGreaterThan(50);
      expect(await noScript.locator('#figure-memberships').innerText()).toMatch(/^\d[\d,]*$/);
    } finally {
      await plain.close();
    }
  });

  it('broke no Content Security Policy rule and logged no error', () => {
    expect(consoleErrors).toEqual([]);
  });
});
