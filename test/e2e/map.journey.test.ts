import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LOCALITY_CODE } from '../../src/modules/demo/plan.js';
import { oneBackend } from '../helpers/database.js';
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

describe.skipIf(!runJourney).each([oneBackend])('map journey in Chromium (%s)', (backend) => {
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
  /** The sum of a numeric column (1-based) of a table, on the page shown. */
  async function columnSum(table: string, column: number, on: Page = page): Promise<number> {
    const values = await on.locator(`#${table} tbody tr td:nth-child(${column})`).allInnerTexts();
    return values.reduce((sum, v) => sum + Number(v.trim()), 0);
  }
  /** How many rows a table holds over all its pages, from its tab ("Partnerships (88)"). */
  async function tableTotal(panel: string): Promise<number> {
    const tab = page.locator(`#map-table-tabs a.govuk-tabs__tab[href="#${panel}"]`);
    return Number(/\(([\d,]+)\)/.exec(await tab.innerText())?.[1]?.replace(/,/g, ''));
  }
  /**
   * Every page of a table, read without JavaScript (nothing to draw): the number of rows and
   * the sum of a numeric column over all of them.
   */
  async function wholeTable(url: string, table: string, column: number): Promise<{ rows: number; sum: number }> {
    const plain = await browser.newContext({ baseURL: server.url, javaScriptEnabled: false });
    try {
      const reader = await plain.newPage();
      let next: string | null = url;
      let count = 0;
      let sum = 0;
      while (next) {
        await reader.goto(next);
        count += await reader.locator(`#${table} tbody tr`).count();
        sum += await columnSum(table, column, reader);
        next = await reader
          .locator(`#${table}`)
          .locator('xpath=ancestor::div[contains(@class, "govuk-tabs__panel")]')
          .locator('.govuk-pagination__next a')
          .getAttribute('href', { timeout: 1000 })
          .catch(() => null);
      }
      return { rows: count, sum };
    } finally {
      await plain.close();
    }
  }
  const query = () => new URL(page.url()).searchParams;
  const figure = async (name: string) => Number((await page.locator(`#figure-${name}`).innerText()).replace(/,/g, ''));
  const pageHeight = () => page.evaluate(() => document.documentElement.scrollHeight);

  it('draws the network of the demo locality, with the same nodes and links as its tables', async () => {
    await page.goto(MAP);
    expect(await page.locator('h1').innerText()).toBe('Partnership map');
    const { nodes, edges } = await drawn();
    const partnerships = await tableTotal('map-partnerships');
    const organisations = await tableTotal('map-organisations');
    expect(partnerships).toBeGreaterThan(50);
    expect(nodes).toBe(partnerships + organisations);
    // The tables come a page at a time, behind tabs: the page stays short.
    expect(await rows('map-partnerships-table').count()).toBe(20);
    expect(await page.locator('#map-organisations').isHidden()).toBe(true);
    expect(await pageHeight()).toBeLessThan(10_000);
    // Each partnership's "Links" column counts its lines: over every page, every edge once.
    const partnershipTable = await wholeTable(MAP, 'map-partnerships-table', 5);
    expect(partnershipTable).toEqual({ rows: partnerships, sum: edges });
    const organisationTable = await wholeTable(MAP, 'map-organisations-table', 4);
    expect(organisationTable).toEqual({ rows: organisations, sum: edges });
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

  it('opens the organisations table from its tab, and its next page keeps that tab open', async () => {
    await page.getByRole('tab', { name: /^Organisations \(/ }).click();
    expect(await page.locator('#map-organisations').isVisible()).toBe(true);
    expect(await page.locator('#map-partnerships').isHidden()).toBe(true);
    const firstPage = await rows('map-organisations-table').locator('th a').allInnerTexts();
    await clickAndWait(page.locator('#map-organisations .govuk-pagination__next a'));
    expect(query().get('organisationsPage')).toBe('2');
    expect(new URL(page.url()).hash).toBe('#map-organisations');
    expect(await page.locator('#map-organisations').isVisible()).toBe(true);
    const secondPage = await rows('map-organisations-table').locator('th a').allInnerTexts();
    expect(secondPage.length).toBeGreaterThan(0);
    expect(secondPage.some((name) => firstPage.includes(name))).toBe(false);
    await checkAccessibility('map, organisations table page 2');
  });

  it('offers the map as a JSON data file to download, not a page of raw JSON', async () => {
    const json = page.getByRole('link', { name: 'JSON data file' });
    expect(await json.getAttribute('download')).toBe(`${DEMO_LOCALITY_CODE}-map-network.json`);
    const [file] = await Promise.all([page.waitForEvent('download'), json.click()]);
    expect(file.suggestedFilename()).toBe(`${DEMO_LOCALITY_CODE}-map-network.json`);
    const body = JSON.parse(
      await import('node:fs/promises').then(async (fs) => fs.readFile(await file.path(), 'utf8')),
    );
    expect(body.view).toBe('network');
    expect(new URL(page.url()).pathname).toBe(MAP);
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
    expect(nodes).toBe((await tableTotal('map-partnerships')) + (await tableTotal('map-organisations')));
    expect((await wholeTable(page.url(), 'map-partnerships-table', 5)).sum).toBe(edges);
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
    // Names are not all drawn at once (they overlapped): the found node's name is, whole.
    const labels = await page.evaluate((id) => {
      type Node = { style(name: string): string };
      const cy = (
        window as unknown as {
          joinedUpMap: { getElementById(id: string): Node; nodes(): { filter(f: (n: Node) => boolean): unknown[] } };
        }
      ).joinedUpMap;
      return {
        found: cy.getElementById(id ?? '').style('text-opacity'),
        shown: cy.nodes().filter((n) => n.style('text-opacity') !== '0').length,
      };
    }, selected);
    expect(labels.found).toBe('1');
    // The found node's name, and the LSP's at most.
    expect(labels.shown).toBeLessThanOrEqual(2);
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
    expect(nodes).toBe(await tableTotal('map-partnerships'));
    expect(edges).toBe(await tableTotal('map-pairs'));
    expect(edges).toBe(await figure('links'));
    // Hundreds of pairs, a page at a time: the page stays short.
    expect(await rows('map-pairs-table').count()).toBeLessThanOrEqual(20);
    expect(await pageHeight()).toBeLessThan(10_000);
    // Sorted by link: the pair sharing most members first, and the pairs tab stays open.
    await page.getByRole('tab', { name: /^Pairs sharing members/ }).click();
    await clickAndWait(page.locator('#map-pairs-table thead').getByRole('link', { name: /Shared members/ }));
    expect(new URL(page.url()).hash).toBe('#map-pairs');
    expect(await page.locator('#map-pairs').isVisible()).toBe(true);
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
      // Without script the tabs are sections, one after the other, each a page at a time.
      expect(await noScript.locator('#map-partnerships-table tbody tr').count()).toBe(20);
      expect(await noScript.locator('#map-organisations-table tbody tr').count()).toBe(20);
      expect(await noScript.locator('#figure-memberships').innerText()).toMatch(/^\d[\d,]*$/);
    } finally {
      await plain.close();
    }
  });

  it('broke no Content Security Policy rule and logged no error', () => {
    expect(consoleErrors).toEqual([]);
  });
});
