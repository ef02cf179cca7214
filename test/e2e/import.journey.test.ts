import fs from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../helpers/database.js';
import { chromiumInstalled, expectNoAxeViolations, launchBrowser } from '../helpers/browser.js';
import { type TestServer, startTestServer } from '../helpers/server.js';
import { SYSTEM } from '../../src/core/actor.js';

/**
 * Bringing a council's own register in, as its administrator would in a real browser: upload a
 * workbook in the council's layout, match its columns and values, check it, read the problems
 * the check found and upload a corrected workbook, import it while the progress page follows
 * the job, and see the register. Every page on the way is checked with axe (WCAG 2.2 AA), and
 * photographed at 1280 and 375 pixels wide into test-results/import-journey/ to look at.
 */
const runJourney = chromiumInstalled() || Boolean(process.env.CI);
const CODE = 'E07000778';
const PASSWORD = 'correct horse battery staple';
const SHOTS = 'test-results/import-journey';

/** The council's workbook: its own sheet names and headings, theme labels, hours; `meetingHours` of the second board. */
async function councilWorkbook(meetingHours: string | number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const orgs = workbook.addWorksheet('Partner bodies');
  orgs.addRows([
    ['Org code', 'Organisation', 'Sector', 'Type'],
    ['BVC', 'Browser Vale Council', 'Public', 'District council'],
    ['BVP', 'Browser Vale Police', 'Public', 'Police force'],
    ['BVF', 'Browser Vale Food Bank', 'Voluntary', 'Charity'],
  ]);
  const boards = workbook.addWorksheet('Partnerships');
  boards.addRows([
    [
      'Ref',
      'Title',
      'Objective',
      'Themes',
      'Layer',
      'Basis',
      'Legal status',
      'Lead org',
      'Meetings per year',
      'Meeting hours',
    ],
    [
      'BV1',
      'Safer Browser Vale',
      'Cut crime and disorder',
      'community safety',
      'executive',
      'voluntary',
      'none',
      'BVC',
      6,
      1.5,
    ],
    [
      'BV2',
      'Vale Food Network',
      'No one goes hungry',
      'health;community',
      'operational',
      'voluntary',
      'none',
      'BVF',
      4,
      meetingHours,
    ],
  ]);
  const seats = workbook.addWorksheet('Members');
  seats.addRows([
    ['Partnership ref', 'Org id', 'Role'],
    ['BV1', 'BVC', 'Chair'],
    ['BV1', 'BVP', 'Member'],
    ['BV2', 'BVF', 'Chair'],
    ['BV2', 'BVC', 'Accountable body'],
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe.skipIf(!runJourney).each(backends)('import journey in Chromium (%s)', (backend) => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let step = 0;

  beforeAll(async () => {
    server = await startTestServer({
      databaseUrl: backend === 'postgres' ? process.env.TEST_DATABASE_URL : undefined,
      seedDemo: false,
    });
    const { register, accounts } = server.running.services;
    await register.createLocality(SYSTEM, {
      gssCode: CODE,
      name: 'Browser Vale',
      kind: 'district',
      region: 'East Midlands',
    });
    await accounts.createUser(SYSTEM, { email: 'admin@browser.example', name: 'Bea Admin', password: PASSWORD }, [
      { role: 'locality-admin', localityCode: CODE, region: null, partnershipId: null, organisationId: null },
    ]);
    await fs.mkdir(SHOTS, { recursive: true });
    browser = await launchBrowser();
    context = await browser.newContext({ baseURL: server.url });
    context.setDefaultTimeout(30_000);
    page = await context.newPage();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  /** Checks the page with axe and photographs it at desktop and phone widths. */
  async function look(label: string): Promise<void> {
    await expectNoAxeViolations(page, { soft: true });
    step++;
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({
        path: `${SHOTS}/${backend}-${String(step).padStart(2, '0')}-${label}-${width}.png`,
        fullPage: true,
      });
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  async function clickAndWait(target: Locator): Promise<void> {
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), target.click()]);
  }

  /** Follows a job's progress page until the job has finished and the page shows its outcome. */
  async function waitForJob(): Promise<void> {
    expect(new URL(page.url()).pathname).toMatch(/^\/jobs\//);
    await page.locator('[data-job-state]').waitFor();
    await page.waitForFunction(
      () =>
        ['succeeded', 'failed'].includes(
          document.querySelector('[data-job-state]')?.getAttribute('data-job-state') ?? '',
        ),
      undefined,
      { timeout: 120_000, polling: 200 },
    );
    await page.waitForLoadState('load');
  }

  const heading = () => page.locator('h1').textContent();

  it('uploads a workbook in the council’s own layout and matches its columns', async () => {
    const { token } = await server.running.services.accounts.signIn(
      { email: 'admin@browser.example', password: PASSWORD },
      '127.0.0.1',
    );
    await context.addCookies([{ name: 'joinedup-session', value: token, url: server.url }]);
    await page.goto(`/localities/${CODE}/exchange`);
    expect(await heading()).toBe('Import and export');
    await look('exchange');

    await page.setInputFiles('#file', {
      name: 'Browser Vale register.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await councilWorkbook('two'),
    });
    await clickAndWait(page.getByRole('button', { name: 'Upload and continue' }));
    expect(await heading()).toBe('Match your columns to ours');
    // The suggestions: the council's headings matched to ours, hours recognised.
    expect(await page.getByLabel('Our column for “Title”').inputValue()).toBe('name');
    expect(await page.getByLabel('Our column for “Org code”').inputValue()).toBe('local_reference');
    expect(await page.getByLabel('Unit of “Meeting hours”').inputValue()).toBe('hours');
    await look('columns');
    await clickAndWait(page.getByRole('button', { name: 'Save and continue' }));
  });

  it('matches the values to our codes and checks the import, which finds a problem and writes nothing', async () => {
    expect(await heading()).toBe('Match your values to our codes');
    expect(await page.getByLabel('Our code for “community”').inputValue()).toBe('community-cohesion');
    expect(await page.getByLabel('Our code for “none”').inputValue()).toBe('unincorporated');
    // On a phone every choice fits the screen, not cut off at its edge until the table is scrolled.
    await page.setViewportSize({ width: 375, height: 900 });
    const cutOff = await page.$$eval(
      'select',
      (selects) => selects.filter((s) => s.getBoundingClientRect().right > document.documentElement.clientWidth).length,
    );
    expect(cutOff).toBe(0);
    await look('values');
    await clickAndWait(page.getByRole('button', { name: 'Save and check the import' }));
    await waitForJob();
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('The job failed');
    await look('check-failed');
    await clickAndWait(page.getByRole('link', { name: 'See what it found' }));
    expect(await heading()).toBe('Problems to fix before importing');
    const problem = page.locator('table.app-issues tbody tr').first();
    expect(await problem.textContent()).toContain('Meeting hours');
    expect(await problem.textContent()).toContain('two');
    await look('problems');
    const counts = (await server.running.services.exchange.overview(SYSTEM, CODE)).counts;
    expect(counts).toEqual({ organisations: 0, partnerships: 0, memberships: 0 });
  });

  it('fixes the problem with a corrected workbook, imports it while the progress page follows, and shows the register', async () => {
    await page.setInputFiles('#file', {
      name: 'Browser Vale register.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await councilWorkbook(2),
    });
    await clickAndWait(page.getByRole('button', { name: 'Upload and check again' }));
    await waitForJob();
    await clickAndWait(page.getByRole('link', { name: 'See the result' }));
    expect(await heading()).toBe('Check what will be imported');
    expect(await page.locator('table').first().textContent()).toMatch(/Partnerships\s*2/);
    await look('preview');

    // The worker is paused for a moment, so the progress page can be looked at before the job is done.
    await server.running.services.jobs.stop();
    await clickAndWait(page.getByRole('button', { name: 'Import' }));
    expect(await page.locator('[data-job-tag]').textContent()).toContain('Waiting');
    await look('progress');
    await server.running.services.jobs.start();
    await waitForJob();
    expect(await page.locator('[data-job-tag]').textContent()).toContain('Finished');
    await look('imported');
    await clickAndWait(page.getByRole('link', { name: 'See the result' }));
    expect(new URL(page.url()).pathname).toBe(`/localities/${CODE}/partnerships`);
    expect(await page.locator('main').textContent()).toContain('Vale Food Network');
    await look('register');
    const counts = (await server.running.services.exchange.overview(SYSTEM, CODE)).counts;
    expect(counts).toEqual({ organisations: 3, partnerships: 2, memberships: 4 });
  });
});
