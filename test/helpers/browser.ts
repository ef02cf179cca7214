import fs from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, type Page, chromium } from 'playwright-core';
import { expect } from 'vitest';
import { DEMO_PASSWORD } from '../../src/modules/accounts/demo-users.js';

/** Debian's Chromium (`apt-get install -y chromium`). A browser is never downloaded. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * As DESIGN.md says: without the background-networking flags Chromium keeps trying to reach
 * Google's hosts, which this machine's closed network refuses.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumInstalled(): boolean {
  return fs.existsSync(CHROMIUM_PATH);
}

/** Launches headless Chromium through playwright-core, with a new empty profile. */
export async function launchBrowser(): Promise<Browser> {
  if (!chromiumInstalled()) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM_PATH}: run "apt-get install -y chromium" (browsers are never downloaded)`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/** The WCAG 2.2 AA rule set (2.0, 2.1 and 2.2, levels A and AA) the pages are held to. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface AxeViolationSummary {
  id: string;
  impact: string;
  help: string;
  helpUrl: string;
  targets: string[];
}

/** Runs axe on the page as it is now and returns its violations, one line per failing element. */
export async function axeViolations(page: Page): Promise<AxeViolationSummary[]> {
  // A sandboxed frame (an email shown in the outbox) may run no script, so axe cannot enter it
  // and would wait for it forever: it is left out.
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).exclude('iframe[sandbox]').analyze();
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact ?? 'unknown',
    help: v.help,
    helpUrl: v.helpUrl,
    targets: v.nodes.map((n) => n.target.map(String).join(' ')),
  }));
}

export function formatViolations(url: string, violations: AxeViolationSummary[]): string {
  const lines = violations.flatMap((v) => [
    `- ${v.id} (${v.impact}): ${v.help} [${v.helpUrl}]`,
    ...v.targets.map((t) => `    at ${t}`),
  ]);
  return `${violations.length} accessibility violation(s) on ${url}:\n${lines.join('\n')}`;
}

/**
 * Fails the test when axe finds WCAG 2.2 A/AA violations on the page, listing each
 * violation's id, impact, help and the elements (targets) it was found on.
 * With { soft: true } the test is marked failed but goes on, so a journey reports every page.
 */
export async function expectNoAxeViolations(page: Page, options: { soft?: boolean } = {}): Promise<void> {
  const violations = await axeViolations(page);
  if (violations.length === 0) return;
  const message = formatViolations(page.url(), violations);
  if (options.soft) expect.soft(violations.length, message).toBe(0);
  else throw new Error(message);
}

/**
 * A page in a new browser context (its own cookies) on the test server, signed in through
 * the sign-in form as a demo account when an email is given.
 */
export async function newPage(
  browser: Browser,
  baseURL: string,
  signInAs?: string,
  password = DEMO_PASSWORD,
): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  if (signInAs) {
    await page.goto('/sign-in');
    await page.getByLabel('Email address').fill(signInAs);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Sign in' }).click()]);
  }
  return page;
}
