import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Person, type DemoTestContext, createDemoTestContext } from '../../../test/helpers/context.js';
import { backends } from '../../../test/helpers/database.js';
import { PUBLIC, SYSTEM } from '../../core/actor.js';
import type { Locality } from '../../db/tables.js';
import { DEMO_DUPLICATE_GROUPS, DEMO_LOCALITY_CODE } from '../demo/seed.js';

const CODE = DEMO_LOCALITY_CODE;

/** A proposal written to duplicate the demo's Domestic Abuse Forum: its purpose reworded, much the same board. */
const DUPLICATE = {
  problem:
    'Coordinates the local response to domestic abuse: support for victims and their children, safe accommodation, risk assessment and referral to MARAC, and training for frontline staff.',
  outcomes: 'Fewer repeat victims of domestic abuse; every high-risk case referred to MARAC within a week.',
  themes: ['community-safety', 'housing'],
};
const DA_FORUM = 'Brackenfield Domestic Abuse Forum';

describe.each(backends)('gatekeeper (%s)', (backend) => {
  let ctx: DemoTestContext;
  let locality: Locality;
  let proposer: Person;
  let panel: Person;
  let adviser: Person;
  let national: Person;
  let memberIds: string[];

  beforeAll(async () => {
    ctx = await createDemoTestContext(backend, { today: '2026-06-01' });
    ({ locality } = ctx.demo);
    proposer = await ctx.person([{ role: 'partner-representative', localityCode: CODE }]);
    panel = await ctx.person([{ role: 'locality-gatekeeper', localityCode: CODE }]);
    adviser = await ctx.person([{ role: 'go-adviser', region: locality.region }]);
    national = await ctx.person([{ role: 'national-gatekeeper' }]);
    const boards = await ctx.services.register.memberships.allForLocality(ctx.database.db, locality.id);
    memberIds = [
      ...new Set(
        boards.filter((m) => m.partnership_name === DA_FORUM && m.ended_on === null).map((m) => m.organisation_id),
      ),
    ];
  });
  afterAll(() => ctx.close());

  async function draftDuplicate(title = 'Brackenfield Domestic Abuse Partnership', nationalFlag = 'no') {
    const { gatekeeper } = ctx.services;
    const p = proposer.principal;
    const created = await gatekeeper.start(p, CODE, { title, national: nationalFlag });
    await gatekeeper.saveSection(p, CODE, created.id, 'problem', { title, national: nationalFlag, ...DUPLICATE });
    await gatekeeper.saveSection(p, CODE, created.id, 'need', {
      whySeveralOrganisations: 'Police, housing and health each hold part of the risk.',
      whySeveralLevels: 'Strategy and casework must be joined.',
    });
    await gatekeeper.saveSection(p, CODE, created.id, 'alternatives', {
      singleOrganisation: 'No single body holds the cases.',
      jointWorking: 'Tried; referrals fell through.',
      existingPartnership: 'The forum meets too rarely.',
    });
    await gatekeeper.saveSection(p, CODE, created.id, 'members', {
      memberIds,
      chairId: memberIds[0],
      leadOrganisationId: memberIds[0],
      accountableBodyId: memberIds[1],
      legalForm: 'unincorporated',
    });
    await gatekeeper.saveSection(p, CODE, created.id, 'scope', {
      layer: 'operational',
      durationMonths: 36,
      reviewPoint: 'Reviewed after three years',
    });
    await gatekeeper.saveSection(p, CODE, created.id, 'funding', {
      fundName: 'Domestic Abuse Safe Accommodation grant',
      fundAmount: 45000,
      fundRequiresPartnership: 'yes',
    });
    await gatekeeper.saveSection(p, CODE, created.id, 'running', {
      meetingsPerYear: 10,
      attendees: 9,
      meetingHours: 2,
      benefits: 'Quicker safety plans',
    });
    return created;
  }

  it('finds the demo locality’s similar partnership for a proposal written to duplicate it, with why', async () => {
    const created = await draftDuplicate();
    const { precheck } = await ctx.services.gatekeeper.precheck(proposer.principal, CODE, created.id);
    const group = DEMO_DUPLICATE_GROUPS.find((g) => g.label.startsWith('Domestic abuse'));
    const planted = await ctx.services.register.partnerships.allForLocality(ctx.database.db, locality.id);
    const plantedNames = planted.filter((p) => group?.references.includes(p.reference)).map((p) => p.name);
    const found = precheck.similar.find((s) => s.name === DA_FORUM);
    expect(plantedNames).toContain(DA_FORUM);
    expect(found?.likelyDuplicate).toBe(true);
    expect(found?.sharedMembers.length).toBeGreaterThanOrEqual(4);
    expect(found?.reasons.join(' ')).toMatch(/domestic abuse/i);
    expect(precheck.unacknowledged).toBe(precheck.similar.length);
    // The members already sit on other boards, and the proposal's running cost is costed.
    expect(precheck.burden.some((b) => b.seats >= 5)).toBe(true);
    expect(precheck.sameThemeArea.map((p) => p.name)).toContain(DA_FORUM);
    // Ranked by relevance, each with its reasons: the board most of the proposed members sit on comes in the few shown.
    const ranked = precheck.sameThemeArea;
    expect(ranked.map((p) => p.relevance)).toEqual([...ranked.map((p) => p.relevance)].sort((a, b) => b - a));
    expect(
      ranked
        .slice(0, precheck.sameThemeShown)
        .map((p) => p.name)
        .includes(DA_FORUM),
    ).toBe(true);
    for (const p of ranked)
      expect(
        p.reasons.some((r) => r.startsWith('Shares')),
        p.name,
      ).toBe(true);
    expect(ranked.find((p) => p.name === DA_FORUM)?.reasons[0]).toMatch(
      /^\d+ of the \d+ proposed members already sit on it: /,
    );
    expect(precheck.statutoryCover.length).toBeGreaterThan(0);
    expect(precheck.runningCost.pence).toBeGreaterThan(0);
  });

  it('refuses submission until each similar partnership is explained, then goes through review, advice and approval into the register', async () => {
    const { gatekeeper, register, notifications } = ctx.services;
    const created = await draftDuplicate('Domestic Abuse Safe Accommodation Board');
    await expect(gatekeeper.submit(proposer.principal, CODE, created.id)).rejects.toThrow(
      /does not duplicate Brackenfield Domestic Abuse Forum, or withdraw it/,
    );
    const { precheck } = await gatekeeper.precheck(proposer.principal, CODE, created.id);
    for (const s of precheck.similar)
      await gatekeeper.acknowledge(proposer.principal, CODE, created.id, {
        partnershipId: s.partnershipId,
        explanation: `Safe accommodation only; ${s.name} covers the wider response.`,
      });
    const submitted = await gatekeeper.submit(proposer.principal, CODE, created.id);
    expect(submitted.status).toBe('submitted');
    expect((await notifications.inbox(panel.principal)).notifications.map((n) => n.subject)).toContain(
      `Proposal ${created.reference} submitted: Domestic Abuse Safe Accommodation Board`,
    );

    // The adviser advises; the software gives them no decision. The proposer cannot decide their own.
    await gatekeeper.comment(adviser.principal, CODE, created.id, {
      body: 'Consider a sub-group of the Community Safety Partnership.',
    });
    const decision = {
      outcome: 'approved',
      reasons: 'Fills a gap in safe accommodation.',
      checks: ['similar', 'burden', 'advice'],
      createAs: 'active',
    };
    await expect(gatekeeper.decide(adviser.principal, CODE, created.id, decision)).rejects.toThrow(
      /comment and advise/,
    );
    await expect(gatekeeper.decide(proposer.principal, CODE, created.id, decision)).rejects.toThrow(
      /cannot review or decide a proposal you made/,
    );
    await expect(gatekeeper.decide(national.principal, CODE, created.id, decision)).rejects.toThrow(
      /Only the gatekeeper/,
    );

    await gatekeeper.requestInformation(panel.principal, CODE, created.id, { note: 'How will it report to the CSP?' });
    await gatekeeper.resubmit(proposer.principal, CODE, created.id, { note: 'It reports to the CSP quarterly.' });
    const approved = await gatekeeper.decide(panel.principal, CODE, created.id, {
      ...decision,
      restrictedNote: 'Funding confirmed privately.',
    });
    expect(approved.status).toBe('approved');
    expect(approved.partnership_id).toBeTruthy();

    const detail = await register.getPartnership(panel.principal, CODE, approved.partnership_id as string);
    expect(detail.partnership.name).toBe('Domestic Abuse Safe Accommodation Board');
    expect(detail.partnership.status).toBe('active');
    expect(detail.activeMembers).toBe(memberIds.length);
    expect(await gatekeeper.proposalForPartnership(approved.partnership_id as string)).toMatchObject({
      id: created.id,
      reference: created.reference,
      title: 'Domestic Abuse Safe Accommodation Board',
    });

    const view = await gatekeeper.get(panel.principal, CODE, created.id);
    expect(view.timeInStates.map((t) => t.state)).toEqual(
      expect.arrayContaining(['draft', 'submitted', 'more-information-requested', 'resubmitted']),
    );
    expect(view.comments[0]).toMatchObject({ role: 'Government Office adviser' });

    // The public log says what was decided, by whom and why, and withholds the restricted note.
    const publicLog = await gatekeeper.decisionLog(PUBLIC, CODE);
    const entry = publicLog.entries.find((e) => e.id === created.id);
    expect(entry).toMatchObject({
      outcome: 'approved',
      reasons: 'Fills a gap in safe accommodation.',
      restrictedNote: null,
      deciderRole: 'Gatekeeper panel member',
    });
    expect(
      (await gatekeeper.decisionLog(panel.principal, CODE)).entries.find((e) => e.id === created.id)?.restrictedNote,
    ).toBe('Funding confirmed privately.');
    const feed = await ctx.app.inject({ method: 'GET', url: `/localities/${CODE}/decisions.atom` });
    expect(feed.headers['content-type']).toContain('application/atom+xml');
    expect(feed.body).toContain('Domestic Abuse Safe Accommodation Board');
    expect(feed.body).not.toContain('Funding confirmed privately');
  });

  it('sends a proposal flagged national to the national gatekeeper, not the LSP', async () => {
    const { gatekeeper } = ctx.services;
    const created = await draftDuplicate('Government Domestic Abuse Pathfinder', 'yes');
    const { precheck } = await gatekeeper.precheck(proposer.principal, CODE, created.id);
    for (const s of precheck.similar)
      await gatekeeper.acknowledge(proposer.principal, CODE, created.id, {
        partnershipId: s.partnershipId,
        explanation: 'A time-limited national pathfinder.',
      });
    await gatekeeper.submit(proposer.principal, CODE, created.id);
    const reject = {
      outcome: 'rejected',
      reasons: 'The existing forum can run the pathfinder.',
      checks: ['similar'],
      diversion: 'existing-partnership',
    };
    await expect(gatekeeper.decide(panel.principal, CODE, created.id, reject)).rejects.toThrow(/Only the gatekeeper/);
    const rejected = await gatekeeper.decide(national.principal, CODE, created.id, reject);
    expect(rejected.status).toBe('rejected');
    expect(rejected.partnership_id).toBeNull();
    const { statistics } = await gatekeeper.statistics(panel.principal, CODE);
    expect(statistics.avoided.partnerships).toBeGreaterThanOrEqual(1);
    expect(statistics.avoided.yearlyCostPence).toBeGreaterThan(0);
    expect(statistics.diverted.existingPartnership).toBeGreaterThanOrEqual(1);
  });

  it('keeps drafts from other readers and lets only proposers start proposals', async () => {
    const { gatekeeper } = ctx.services;
    const draft = await gatekeeper.start(proposer.principal, CODE, { title: 'A quiet draft', national: 'no' });
    const scrutiny = await ctx.person([{ role: 'scrutiny-member', localityCode: CODE }]);
    await expect(gatekeeper.get(scrutiny.principal, CODE, draft.id)).rejects.toThrow(/not found/i);
    await expect(
      gatekeeper.start(scrutiny.principal, CODE, { title: 'Scrutiny proposal', national: 'no' }),
    ).rejects.toThrow();
    await expect(
      gatekeeper.start(adviser.principal, CODE, { title: 'Adviser proposal', national: 'no' }),
    ).rejects.toThrow();
    expect((await gatekeeper.get(panel.principal, CODE, draft.id)).state).toBe('draft');
  });

  it('answers the same through the API: a draft started, a section saved, the pre-check, and the public log', async () => {
    const api = (
      method: 'GET' | 'POST' | 'PUT',
      url: string,
      payload?: object,
      headers: Record<string, string> = proposer.headers,
    ) => ctx.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
    const started = await api('POST', `/localities/${CODE}/proposals`, {
      title: 'Brackenfield Domestic Abuse Network',
      national: 'no',
    });
    expect(started.statusCode).toBe(201);
    const id = started.json().id as string;
    const bad = await api('PUT', `/localities/${CODE}/proposals/${id}/sections/running`, { meetingsPerYear: -1 });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Meetings a year must be 0 or more');
    const saved = await api('PUT', `/localities/${CODE}/proposals/${id}/sections/problem`, {
      title: 'Brackenfield Domestic Abuse Network',
      ...DUPLICATE,
    });
    expect(saved.statusCode).toBe(200);
    const precheck = await api('GET', `/localities/${CODE}/proposals/${id}/precheck`);
    expect(precheck.json().similar.map((s: { name: string }) => s.name)).toContain(DA_FORUM);
    const stray = await api('POST', `/localities/${CODE}/proposals/${id}/acknowledgements`, {
      partnershipId: '00000000-0000-4000-8000-000000000000',
      explanation: 'Not one the pre-check found',
    });
    expect(stray.statusCode).toBe(422);
    expect(stray.body).toContain('Choose a partnership the pre-check found');
    const adviserDecides = await api(
      'POST',
      `/localities/${CODE}/proposals/${id}/decision`,
      { outcome: 'approved', reasons: 'x', checks: ['similar'], createAs: 'active' },
      adviser.headers,
    );
    expect(adviserDecides.statusCode).toBe(403);
    const log = await ctx.app.inject({ method: 'GET', url: `/api/v1/localities/${CODE}/decisions` });
    expect(log.statusCode).toBe(200);
    expect(log.json().length).toBeGreaterThanOrEqual(2);
    expect(log.body).not.toContain('Funding confirmed privately');
    const openapi = (await ctx.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    expect(Object.keys(openapi.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/localities/{code}/proposals/{id}/precheck',
        '/api/v1/localities/{code}/proposals/{id}/decision',
        '/api/v1/decisions',
      ]),
    );
  });

  it('finds a similar partnership in another locality too, and names the locality', async () => {
    const { register, gatekeeper } = ctx.services;
    await register.createLocality(SYSTEM, {
      gssCode: 'E07000031',
      name: 'Otherford',
      kind: 'district',
      region: 'East Midlands',
    });
    await register.createPartnership(SYSTEM, 'E07000031', {
      name: 'Otherford Domestic Abuse Partnership',
      purpose: `${DUPLICATE.problem} ${DUPLICATE.outcomes}`,
      themes: DUPLICATE.themes,
      basis: 'voluntary',
      legalForm: 'unincorporated',
      layer: 'operational',
    });
    const created = await draftDuplicate('Brackenfield Domestic Abuse Casework Group');
    const { precheck } = await gatekeeper.precheck(proposer.principal, CODE, created.id);
    expect(precheck.nationalChecked).toBe(true);
    expect(precheck.similar.find((s) => s.scope === 'national')).toMatchObject({
      name: 'Otherford Domestic Abuse Partnership',
      localityName: 'Otherford',
      localityCode: 'E07000031',
    });
  });

  it('gives the demo locality proposals in several states, with decisions in its public log', async () => {
    const overview = await ctx.services.gatekeeper.overview(panel.principal, CODE);
    const states = new Set(overview.proposals.map((p) => p.state));
    expect(states.size).toBeGreaterThanOrEqual(4);
    const log = await ctx.services.gatekeeper.decisionLog(PUBLIC, CODE);
    expect(log.entries.length).toBeGreaterThanOrEqual(2);
    expect(overview.overdue.length).toBeGreaterThanOrEqual(1);
  });
});
