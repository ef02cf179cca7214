/**
 * Map page benchmark, in Chromium as a person (and the browser journey) meets it: for the
 * network view and the partnerships-only view of the demo locality, the time until the page
 * has loaded, until the network is drawn, and for axe to check it (what the journey does on
 * every page), with the page's height and element count. The baseline, measured in the same
 * run and browser, is the partnership register's first page: an ordinary page of the product.
 *
 *   npm run bench:map            (MAP_BENCH_RUNS=5 for more runs; the median is printed)
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { AXE_TAGS, launchBrowser } from '../test/helpers/browser.js';
import { startTestServer } from '../test/helpers/server.js';

interface Figures {
  loadMs: number;
  drawnMs: number | null;
  axeMs: number;
  heightPx: number;
  elements: number;
}

const RUNS = Number(process.env.MAP_BENCH_RUNS ?? 3);
const LOCALITY = '/localities/E07999001';

async function measure(browser: Browser, url: string, drawn: boolean): Promise<Figures> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    const started = performance.now();
    await page.goto(url, { waitUntil: 'load' });
    const loadMs = performance.now() - started;
    let drawnMs: number | null = null;
    if (drawn) {
      await page.locator('#map-canvas[data-ready="true"]').waitFor({ state: 'attached', timeout: 300_000 });
      drawnMs = performance.now() - started;
    }
    const heightPx = await page.evaluate(() => document.documentElement.scrollHeight);
    const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
    const axeStarted = performance.now();
    const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
    const axeMs = performance.now() - axeStarted;
    if (result.violations.length) throw new Error(`axe found ${result.violations.length} violations on ${url}`);
    return { loadMs, drawnMs, axeMs, heightPx, elements };
  } finally {
    await context.close();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

async function medianOf(browser: Browser, url: string, drawn: boolean): Promise<Figures> {
  const runs: Figures[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await measure(browser, url, drawn));
  const pick = (key: keyof Figures) => median(runs.map((r) => r[key] ?? NaN));
  return {
    loadMs: pick('loadMs'),
    drawnMs: drawn ? pick('drawnMs') : null,
    axeMs: pick('axeMs'),
    heightPx: pick('heightPx'),
    elements: pick('elements'),
  };
}

const server = await startTestServer();
const browser = await launchBrowser();
try {
  const base = server.url;
  const cases: Array<[string, string, boolean]> = [
    ['register (baseline)', `${base}${LOCALITY}/partnerships`, false],
    ['map: network', `${base}${LOCALITY}/map`, true],
    ['map: partnerships only', `${base}${LOCALITY}/map?view=partnerships`, true],
  ];
  const results: Array<[string, Figures]> = [];
  for (const [name, url, drawn] of cases) results.push([name, await medianOf(browser, url, drawn)]);
  const baseline = results[0]?.[1] as Figures;
  const baselineTotal = baseline.loadMs + baseline.axeMs;
  const ms = (value: number | null) => (value === null ? '–' : `${Math.round(value)} ms`);
  console.log(`Median of ${RUNS} runs at 1280 px, load average ${(await import('node:os')).loadavg()[0]?.toFixed(2)}`);
  console.log(
    'page                     load      drawn     axe       height     elements  (load+drawn+axe) / baseline',
  );
  for (const [name, f] of results) {
    const total = (f.drawnMs ?? f.loadMs) + f.axeMs;
    console.log(
      `${name.padEnd(24)} ${ms(f.loadMs).padEnd(9)} ${ms(f.drawnMs).padEnd(9)} ${ms(f.axeMs).padEnd(9)} ${`${Math.round(f.heightPx).toLocaleString('en-GB')} px`.padEnd(10)} ${String(f.elements).padEnd(9)} ${(total / baselineTotal).toFixed(1)}×`,
    );
  }
} finally {
  await browser.close();
  await server.stop();
}
