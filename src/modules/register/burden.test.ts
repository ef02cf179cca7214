import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../core/actor.js';
import { backends } from '../../../test/helpers/database.js';
import { type Person, type TestContext, createDemoTestContext } from '../../../test/helpers/context.js';
import { DEMO_LOCALITY_CODE } from '../demo/seed.js';
import { MEETING_HOURS_ONLY } from './burden.js';

const CODE = DEMO_LOCALITY_CODE;
const COUNCIL = 'Brackenfield District Council';

/** Text of an HTML fragment: tags dropped, entities for spaces and quotes undone, spaces collapsed. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&#39;|&rsquo;|&#x27;/g, '’')
    .replace(/\s+/g, ' ')
    .trim();
const numberIn = (cell: string) => Number(textOf(cell).replace(/,/g, ''));

/** The cells of the table row whose first cell names `name`. */
function rowFor(html: string, name: string): string[] {
  const row = [...html.matchAll(/<tr class="govuk-table__row">([\s\S]*?)<\/tr>/g)]
    .map((m) => m[1] ?? '')
    .find((r) => textOf(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/.exec(r)?.[1] ?? '') === name);
  expect(row, `a row for ${name}`).toBeDefined();
  return [...(row ?? '').matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((m) => m[1] ?? '');
}

/** The sentence saying what the burden figures count, as shown on a page. */
const countsSentence = (html: string) => textOf(/<p[^>]*data-burden-counts[^>]*>([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '');

describe.each(backends)('one burden figure for a partner, on every page, on %s', (backend) => {
  let ctx: TestContext;
  let reader: Person;
  let proposer: Person;
  let councilId: string;
  let proposalId: string;

  beforeAll(async () => {
    ctx = await createDemoTestContext(backend, { today: '2026-11-23' });
    reader = await ctx.person([{ role: 'scrutiny-member', localityCode: CODE }]);
    proposer = await ctx.person([{ role: 'partner-representative', localityCode: CODE }]);
    const organisations = await ctx.services.register.listOrganisations(SYSTEM, CODE, { pageSize: 500 });
    councilId = organisations.items.find((o) => o.name === COUNCIL)?.id ?? '';
    const other = organisations.items.find((o) => o.name !== COUNCIL && o.status === 'active')?.id ?? '';
    const { gatekeeper } = ctx.services;
    const created = await gatekeeper.start(proposer.principal, CODE, {
      title: 'Brackenfield Street Art Group',
      national: 'no',
    });
    await gatekeeper.saveSection(proposer.principal, CODE, created.id, 'members', {
      memberIds: [councilId, other],
      chairId: councilId,
      leadOrganisationId: councilId,
      accountableBodyId: councilId,
      legalForm: 'unincorporated',
    });
    proposalId = created.id;
  });
  afterAll(() => ctx.close());

  const get = async (url: string) => {
    const page = await ctx.app.inject({ method: 'GET', url, headers: reader.headers });
    expect(page.statusCode, url).toBe(200);
    return page.body;
  };

  it('shows Brackenfield District Council’s seats and meeting hours the same on its page, the pre-check and the overlap page', async () => {
    const organisationPage = await get(`/localities/${CODE}/organisations/${councilId}`);
    const figures = [...organisationPage.matchAll(/app-key-figure__value">([^<]*)</g)].map((m) => m[1] ?? '');
    const onOrganisationPage = { seats: numberIn(figures[0] ?? ''), hours: numberIn(figures[1] ?? '') };

    const precheck = await ctx.app.inject({
      method: 'GET',
      url: `/localities/${CODE}/proposals/${proposalId}/precheck`,
      headers: proposer.headers,
    });
    expect(precheck.statusCode).toBe(200);
    const precheckRow = rowFor(precheck.body, COUNCIL);
    const onPrecheck = { seats: numberIn(precheckRow[1] ?? ''), hours: numberIn(precheckRow[2] ?? '') };

    const overlapPage = await get(`/localities/${CODE}/overlap`);
    const overlapRow = rowFor(overlapPage, COUNCIL);
    const onOverlapPage = { seats: numberIn(overlapRow[2] ?? ''), hours: numberIn(overlapRow[3] ?? '') };

    // The definition, worked out here from the register itself: current seats on active
    // partnerships in any role but observer; each seat's meetings a year × meeting length.
    const locality = await ctx.services.register.locality(CODE);
    const seats = (await ctx.services.register.memberships.allForLocality(ctx.database.db, locality.id)).filter(
      (m) =>
        m.organisation_id === councilId &&
        m.ended_on === null &&
        m.partnership_status === 'active' &&
        m.role !== 'observer',
    );
    const expected = {
      seats: seats.length,
      hours: Math.round(
        seats.reduce((sum, m) => sum + ((m.meetings_per_year ?? 0) * (m.meeting_minutes ?? 0)) / 60, 0),
      ),
    };
    expect({ onOrganisationPage, onPrecheck, onOverlapPage }).toEqual({
      onOrganisationPage: expected,
      onPrecheck: expected,
      onOverlapPage: expected,
    });

    // Each page says what it counts, in the same words.
    const sentences = [organisationPage, precheck.body, overlapPage].map(countsSentence);
    expect(sentences[0]).toMatch(/observers/);
    expect(new Set(sentences.map((s) => s.replace(/ Hours with preparation .*$/, ''))).size).toBe(1);
  });

  it('counts on a partnership’s page the organisation-hours of the seats its members’ burden counts: no observers, nothing for a proposed one', async () => {
    const { register } = ctx.services;
    const organisations = (await register.listOrganisations(SYSTEM, CODE, { pageSize: 500 })).items.filter(
      (o) => o.status === 'active',
    );
    const [chair, member, observer] = organisations.map((o) => o.id);
    const board = (status: string, name: string) =>
      register.createPartnership(SYSTEM, CODE, {
        name,
        purpose: 'Seats and hours',
        themes: ['housing'],
        basis: 'voluntary',
        legalForm: 'unincorporated',
        layer: 'operational',
        status,
        meetingsPerYear: 6,
        meetingMinutes: 120,
      });
    const seat = async (id: string) => {
      await register.addMembership(SYSTEM, CODE, id, { organisationId: chair, role: 'chair' });
      await register.addMembership(SYSTEM, CODE, id, { organisationId: member, role: 'member' });
      await register.addMembership(SYSTEM, CODE, id, { organisationId: observer, role: 'observer' });
    };
    const localityId = (await register.locality(CODE)).id;
    const burden = () => register.burden(ctx.database.db, localityId, organisations, MEETING_HOURS_ONLY);
    const before = await burden();
    const active = await board('active', 'Hours Board');
    const proposed = await board('proposed', 'Hours Board in waiting');
    await seat(active.id);
    await seat(proposed.id);
    const after = await burden();
    const hoursOf = (list: typeof before) => list.reduce((sum, b) => sum + b.meetingHours, 0);

    const page = await register.getPartnership(SYSTEM, CODE, active.id);
    expect(page.activeMembers).toBe(3);
    expect(page.yearlyMeetingHours).toBe(24);
    expect(hoursOf(after) - hoursOf(before)).toBeCloseTo(page.yearlyMeetingHours, 5);
    expect((await register.getPartnership(SYSTEM, CODE, proposed.id)).yearlyMeetingHours).toBe(0);
    // The page says why its hours count fewer seats than it has members.
    const html = (
      await ctx.app.inject({ url: `/localities/${CODE}/partnerships/${active.id}`, headers: reader.headers })
    ).body;
    expect(textOf(html)).toContain('24 organisation-hours in meetings a year (2 seats: observers add none)');
  });

  it('adds preparation on the overlap page from the same figures, at the rate asked for', async () => {
    const atDefault = rowFor(await get(`/localities/${CODE}/overlap`), COUNCIL).map(numberIn);
    const atFour = rowFor(await get(`/localities/${CODE}/overlap?preparation=4`), COUNCIL).map(numberIn);
    const [, , seats = 0, hours = 0, withPreparation = 0] = atDefault;
    expect(atFour.slice(2, 4)).toEqual([seats, hours]);
    expect(withPreparation).toBeGreaterThan(hours);
    // Preparation is per seat per meeting, so doubling the rate doubles what it adds.
    expect((atFour[4] ?? 0) - hours).toBeCloseTo(2 * (withPreparation - hours), -1);
  });
});
