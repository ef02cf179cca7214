import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LOCALITY_CODE } from '../../src/modules/demo/plan.js';
import { chromiumInstalled, launchBrowser, newPage } from '../helpers/browser.js';
import { type TestServer, startTestServer } from '../helpers/server.js';

/**
 * The responsive-table check: every kind of page the journeys visit, opened by the locality's
 * administrator (who sees every column) on a 375 px wide phone, never scrolls sideways (a wide
 * table scrolls within its own box), and at 1280 px no table is cut off inside its box.
 * Records are found by following the pages' own links.
 */
const runJourney = chromiumInstalled() || Boolean(process.env.CI);
const L = `/localities/${DEMO_LOCALITY_CODE}`;

describe.skipIf(!runJourney)('wide tables on a phone and a desktop (Chromium)', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const pages: string[] = [];

  /** The first link on a page whose address matches, as a path. */
  async function firstLink(from: string, pattern: RegExp): Promise<string> {
    await page.goto(from);
    for (const href of await page.locator('main a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href'))))
      if (href && pattern.test(href)) return href.split('#')[0] as string;
    throw new Error(`no link matching ${pattern} on ${from}`);
  }

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    page = await newPage(browser, server.url, 'admin@brackenfield.example');
    const partnership = await firstLink(`${L}/partnerships`, /\/partnerships\/[0-9a-f-]{36}$/);
    const organisation = await firstLink(`${L}/organisations`, /\/organisations\/[0-9a-f-]{36}$/);
    const plan = await firstLink(`${L}/performance`, /\/performance\/plans\/[0-9a-f-]{36}$/);
    const outcome = await firstLink(`${L}/performance`, /\/performance\/outcomes\/[0-9a-f-]{36}$/);
    const proposal = await firstLink(`${L}/proposals`, /\/proposals\/[0-9a-f-]{36}$/);
    const cluster = await firstLink(`${L}/overlap`, /\/overlap\/cluster-[0-9a-f-]+$/);
    const rationalisation = await firstLink(`${L}/rationalisation`, /\/rationalisation\/[0-9a-f-]{36}$/);
    pages.push(
      '/',
      `${L}/partnerships`,
      partnership,
      `${partnership}/history`,
      `${partnership}/lineage`,
      `${partnership}/scorecard`,
      `${L}/organisations`,
      organisation,
      `${L}/map`,
      `${L}/map?view=partnerships`,
      `${L}/map/tree`,
      `${L}/performance`,
      plan,
      outcome,
      `${L}/performance/layers`,
      `${L}/performance/report`,
      `${L}/performance/indicators`,
      `${L}/performance/approvals`,
      `${L}/performance/overlaps`,
      `${L}/proposals`,
      proposal,
      `${proposal}/precheck`,
      `${L}/proposals/statistics`,
      `${L}/decisions`,
      `${L}/overlap`,
      cluster,
      `${L}/rationalisation`,
      rationalisation,
      `${L}/rationalisation/savings`,
      `${L}/exchange`,
      `${L}/users`,
      '/inbox',
      '/account',
    );
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('never makes a page scroll sideways at 375 px', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    const wide: string[] = [];
    for (const path of pages) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 375) wide.push(`${path}: ${width} px wide`);
    }
    expect(wide).toEqual([]);
  });

  it('cuts no table off at 1280 px', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    const cut: string[] = [];
    for (const path of pages) {
      await page.goto(path);
      const tables = await page.evaluate(() =>
        Array.from(document.querySelectorAll('table'))
          .map((table) => {
            const box = table.closest('.app-table-wrapper') ?? table;
            return {
              name: table.id || table.caption?.textContent?.trim() || 'a table',
              over: box.scrollWidth - box.clientWidth,
            };
          })
          .filter((t) => t.over > 1),
      );
      for (const t of tables) cut.push(`${path}: ${t.name} by ${t.over} px`);
    }
    expect(cut).toEqual([]);
  });
});
