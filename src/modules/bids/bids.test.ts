import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../core/actor.js';
import { ValidationError } from '../../core/errors.js';
import { ImportRejected } from '../exchange/issues.js';
import { backends } from '../../../test/helpers/database.js';
import { type Person, type TestContext, createTestContext } from '../../../test/helpers/context.js';
import { DEMO_AREA_STREETS, demoRatingList, ratingListCsv } from './fixtures.js';
import { levyFor } from './rules.js';
import { seedDemo } from './demo.js';

const CODE = 'E07000041';
const SCOTS = 'S12000041';
const DEMO_CODE = 'E07000043';

/** A proposal as the form sends it. */
const proposal = (partnershipId: string, extra: Record<string, unknown> = {}) => ({
  name: 'Brackenfield Town Centre BID',
  partnershipId,
  proposer: 'business-group',
  summary: 'Cleaner, safer streets and events to bring shoppers in.',
  termStart: '2027-04-01',
  termYears: 5,
  areaStreets: DEMO_AREA_STREETS.join('\n'),
  threshold: 10_000,
  excludedClasses: 'CW',
  levyRatePercent: 1.5,
  levyCapPounds: 2500,
  charityReliefPercent: 80,
  emptyReliefPercent: 50,
  upliftPercent: 2,
  onlineVoting: true,
  ...extra,
});

const file = (content: string, name = 'rating-list.csv') => ({ name, content: Buffer.from(content) });
const timetable = { noticeOn: '2026-05-07', papersOn: '2026-05-21', ballotOn: '2026-06-18' };
const beforeClose = new Date('2026-06-18T15:59:00Z'); // 4:59pm BST
const afterClose = new Date('2026-06-18T16:00:00Z'); // 5pm BST

describe.each(backends)('Business Improvement Districts on %s', (backend) => {
  let ctx: TestContext;
  let admin: Person;
  let scrutineer: Person;
  let reader: Person;
  let secretary: Person;
  let board: string;

  beforeAll(async () => {
    ctx = await createTestContext(backend);
    const { register } = ctx.services;
    await register.createLocality(SYSTEM, {
      gssCode: CODE,
      name: 'Bidford',
      kind: 'district',
      region: 'East Midlands',
    });
    await register.createLocality(SYSTEM, { gssCode: SCOTS, name: 'Bidmuir', kind: 'unitary', region: 'Scotland' });
    board = (
      await register.createPartnership(SYSTEM, CODE, {
        name: 'Bidford BID Board',
        purpose: 'Runs the town centre BID',
        basis: 'voluntary',
        legalForm: 'company-limited-by-guarantee',
        layer: 'operational',
      })
    ).id;
    admin = await ctx.person([{ role: 'locality-admin', localityCode: CODE }]);
    scrutineer = await ctx.person([{ role: 'bid-scrutineer', localityCode: CODE }]);
    reader = await ctx.person([{ role: 'scrutiny-member', localityCode: CODE }]);
    secretary = await ctx.person([{ role: 'partnership-secretary', localityCode: CODE, partnershipId: board }]);
  }, 120_000);
  afterAll(() => ctx?.close());

  it('runs a BID from proposal to a declared result and a levy file whose total is the sum of its lines', async () => {
    const { bids } = ctx.services;
    bids.clock = () => new Date('2026-04-01T09:00:00Z');
    const bid = await bids.create(secretary.principal, CODE, proposal(board));
    expect(bid.nation).toBe('England');

    // Only the ballot holder or scrutineer imports the rating list; all or nothing.
    await expect(bids.importRatingList(secretary.principal, CODE, bid.id, file('x'))).rejects.toThrow();
    const rows = demoRatingList(300);
    const bad = [...rows];
    bad[4] = { ...bad[4]!, rateable_value: 'lots' };
    bad[9] = { ...bad[9]!, occupied: 'maybe' };
    bad[20] = { ...bad[20]!, reference: bad[3]!.reference };
    const rejected = await bids
      .importRatingList(admin.principal, CODE, bid.id, file(ratingListCsv(bad)))
      .catch((e) => e);
    expect(rejected).toBeInstanceOf(ImportRejected);
    expect((rejected as ImportRejected).issues.map((i) => [i.line, i.column])).toEqual([
      [6, 'rateable_value'],
      [11, 'occupied'],
      [22, 'reference'],
    ]);
    expect((await bids.hereditaments(admin.principal, CODE, bid.id)).rows).toHaveLength(0);

    const imported = await bids.importRatingList(admin.principal, CODE, bid.id, file(ratingListCsv(rows)));
    expect(imported.imported).toBe(300);
    const list = await bids.hereditaments(reader.principal, CODE, bid.id);
    const eligible = list.rows.filter((r) => r.eligibility.eligible);
    expect(eligible.length).toBe(imported.eligible);
    expect(eligible.length).toBeGreaterThan(100);
    expect(list.rows.some((r) => r.eligibility.reasons.some((x) => x.reason.startsWith('Below the threshold')))).toBe(
      true,
    );
    expect(list.rows.some((r) => r.eligibility.reasons.some((x) => x.reason.startsWith('Outside the area')))).toBe(
      true,
    );
    expect(list.rows.some((r) => r.eligibility.reasons.some((x) => x.reason.startsWith('Empty: the owner')))).toBe(
      true,
    );

    // A timetable that breaks a rule is refused with the rule named.
    const refused = await bids
      .setTimetable(admin.principal, CODE, bid.id, { ...timetable, noticeOn: '2026-05-08' })
      .catch((e) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).errors[0]).toMatchObject({ field: 'noticeOn' });
    expect((refused as ValidationError).errors[0]?.message).toContain(
      'rule: Notice at least 42 days before ballot day',
    );
    await bids.setTimetable(admin.principal, CODE, bid.id, timetable);

    const issued = await bids.issuePapers(admin.principal, CODE, bid.id);
    expect(issued).toBe(eligible.length);
    // Proposals are fixed once papers are out.
    await expect(bids.update(secretary.principal, CODE, bid.id, proposal(board))).rejects.toThrow(ValidationError);

    bids.clock = () => beforeClose;
    const { papers } = await bids.papers(scrutineer.principal, CODE, bid.id);
    const codes = papers.map((p) => p.paper.code);
    expect(new Set(codes).size).toBe(codes.length);
    const [p1, p2, p3, p4, p5, ...rest] = papers;
    // Returns recorded by the ballot holder and scrutineer, a spoilt one, an online vote.
    await bids.recordReturn(admin.principal, CODE, bid.id, { code: p1!.paper.code, outcome: 'yes' });
    await bids.recordReturn(scrutineer.principal, CODE, bid.id, { code: p2!.paper.code.toLowerCase(), outcome: 'no' });
    await bids.recordReturn(scrutineer.principal, CODE, bid.id, { code: p3!.paper.code, outcome: 'spoilt' });
    await bids.cast(
      { ...SYSTEM, id: 'public', label: 'Voter', kind: 'public', canWrite: false },
      { code: p4!.paper.code, vote: 'yes' },
    );
    // A code cannot be used twice.
    await expect(bids.cast(SYSTEM, { code: p4!.paper.code, vote: 'no' })).rejects.toThrow('already been used');
    await expect(
      bids.recordReturn(admin.principal, CODE, bid.id, { code: p1!.paper.code, outcome: 'no' }),
    ).rejects.toThrow('already been returned');
    // A replacement for the spoilt paper cancels it; the original code is dead, the new one counts.
    const replacement = await bids.replacePaper(admin.principal, CODE, bid.id, p3!.paper.id, {
      reason: 'Spoilt: both boxes marked',
    });
    await expect(
      bids.recordReturn(admin.principal, CODE, bid.id, { code: p3!.paper.code, outcome: 'yes' }),
    ).rejects.toThrow('cancelled');
    await bids.recordReturn(admin.principal, CODE, bid.id, { code: replacement.code, outcome: 'yes' });
    // Secrecy before the close: not even the ballot holder sees a vote.
    const before = await bids.papers(admin.principal, CODE, bid.id);
    expect(before.papers.every((p) => p.vote === null && p.paper.vote === null)).toBe(true);
    await expect(bids.papers(reader.principal, CODE, bid.id)).rejects.toThrow();
    await expect(bids.declare(admin.principal, CODE, bid.id)).rejects.toThrow('has not closed');

    // A paper that arrives after 5pm is late and not counted.
    bids.clock = () => afterClose;
    await bids.recordReturn(admin.principal, CODE, bid.id, { code: p5!.paper.code, outcome: 'yes' });
    await expect(bids.cast(SYSTEM, { code: rest[0]!.paper.code, vote: 'yes' })).rejects.toThrow('closed');

    const result = await bids.declare(scrutineer.principal, CODE, bid.id);
    expect(result.tally).toMatchObject({
      yesCount: 3,
      noCount: 1,
      spoiltCount: 0,
      lateCount: 1,
      eligibleCount: issued,
    });
    const after = await bids.papers(admin.principal, CODE, bid.id);
    expect(after.papers.find((p) => p.paper.id === p1!.paper.id)?.vote).toBe('yes');
    expect(after.papers.find((p) => p.paper.id === p3!.paper.id)?.paper.status).toBe('replaced');
    // Everyone else still sees no vote: the published declaration carries only totals.
    const published = await bids.declaration(reader.principal, CODE, bid.id);
    expect(JSON.stringify(published.declaration)).not.toContain(p1!.paper.code);
    await expect(bids.papers(reader.principal, CODE, bid.id)).rejects.toThrow();
    const sysadmin = await ctx.person([{ role: 'system-admin' }]);
    await expect(bids.papers(sysadmin.principal, CODE, bid.id)).rejects.toThrow();

    // No vote reaches the audit trail.
    const audit = await ctx.database.db
      .selectFrom('audit_events')
      .select(['summary', 'after'])
      .where('entity_type', '=', 'bid-paper')
      .execute();
    expect(audit.length).toBeGreaterThanOrEqual(6);
    for (const e of audit) expect(JSON.stringify(e)).not.toMatch(/"vote"|\byes\b|\bno\b/);

    expect(result.passed).toBe(true);
    {
      const levy = await bids.levyCsv(admin.principal, CODE, bid.id, 1);
      const lines = levy.csv.trim().split('\r\n').slice(1);
      expect(lines).toHaveLength(eligible.length);
      const sum = lines.reduce((s, l) => s + Number(l.split(',').at(-2)), 0);
      expect(sum).toBe(levy.totalPence);
      const expected = eligible.reduce(
        (s, r) =>
          s +
          levyFor(
            { value: r.row.value, occupied: r.row.occupied, charity: r.row.charity },
            { rateBp: 150, capPence: 250_000, charityReliefBp: 8000, emptyReliefBp: 5000, upliftBp: 200 },
          ).levyPence,
        0,
      );
      expect(levy.totalPence).toBe(expected);
      // The XLSX file carries the same lines: its levy_pence column adds up to the same total.
      const ExcelJS = (await import('exceljs')).default;
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await bids.levyXlsx(admin.principal, CODE, bid.id, 1)) as never);
      const sheet = workbook.getWorksheet('Levy')!;
      let xlsxTotal = 0;
      sheet.eachRow((row, n) => {
        if (n > 1) xlsxTotal += Number(row.getCell(12).value);
      });
      expect(sheet.rowCount - 1).toBe(eligible.length);
      expect(xlsxTotal).toBe(levy.totalPence);
    }
  }, 120_000);

  it('a Scottish BID: the declaration applies the 25% turnout tests', async () => {
    const { bids, register } = ctx.services;
    bids.clock = () => new Date('2026-04-01T09:00:00Z');
    const scotsBoard = (
      await register.createPartnership(SYSTEM, SCOTS, {
        name: 'Bidmuir BID',
        purpose: 'BID',
        basis: 'voluntary',
        legalForm: 'company-limited-by-guarantee',
        layer: 'operational',
      })
    ).id;
    const bid = await bids.create(SYSTEM, SCOTS, proposal(scotsBoard, { onlineVoting: false }));
    expect(bid.nation).toBe('Scotland');
    await bids.importRatingList(SYSTEM, SCOTS, bid.id, file(ratingListCsv(demoRatingList(40))));
    await bids.setTimetable(SYSTEM, SCOTS, bid.id, timetable);
    const count = await bids.issuePapers(SYSTEM, SCOTS, bid.id);
    bids.clock = () => beforeClose;
    const { papers } = await bids.papers(SYSTEM, SCOTS, bid.id);
    await expect(bids.cast(SYSTEM, { code: papers[0]!.paper.code, vote: 'yes' })).rejects.toThrow('postal only');
    // Everyone who votes votes yes, but fewer than a quarter vote.
    const voters = Math.ceil(count / 4) - 1;
    for (const p of papers.slice(0, voters))
      await bids.recordReturn(SYSTEM, SCOTS, bid.id, { code: p.paper.code, outcome: 'yes' });
    bids.clock = () => afterClose;
    const result = await bids.declare(SYSTEM, SCOTS, bid.id);
    expect(result.passed).toBe(false);
    expect(result.tests.find((t) => t.key === 'turnout-by-number')?.passed).toBe(false);
    expect(result.reason).toContain('turnout by number');
  }, 120_000);

  it('only the board’s secretary or the administrator drafts proposals, and others never see a draft', async () => {
    const { bids } = ctx.services;
    await expect(bids.create(reader.principal, CODE, proposal(board))).rejects.toThrow();
    const draft = await bids.create(admin.principal, CODE, proposal(board, { name: 'Riverside BID' }));
    const visitor = { ...SYSTEM, id: 'public', label: 'Public visitor', kind: 'public' as const, canWrite: false };
    expect((await bids.overview(visitor, CODE)).bids.map((b) => b.name)).not.toContain('Riverside BID');
    await expect(bids.get(visitor, CODE, draft.id)).rejects.toThrow('BID not found');
    const invalid = await bids
      .create(admin.principal, CODE, proposal(board, { termYears: 6, levyRatePercent: 0 }))
      .catch((e) => e);
    expect((invalid as ValidationError).errors.map((e) => e.field).sort()).toEqual(['levyRatePercent', 'termYears']);
  });

  it('the council vetoes within 14 working days on a permitted ground; challenges are recorded with their outcome', async () => {
    const { bids } = ctx.services;
    bids.clock = () => new Date('2026-04-01T09:00:00Z');
    const bid = await bids.create(admin.principal, CODE, proposal(board, { name: 'Quayside BID' }));
    await bids.importRatingList(admin.principal, CODE, bid.id, file(ratingListCsv(demoRatingList(40))));
    await bids.setTimetable(admin.principal, CODE, bid.id, timetable);
    await bids.issuePapers(admin.principal, CODE, bid.id);
    bids.clock = () => beforeClose;
    const { papers } = await bids.papers(admin.principal, CODE, bid.id);
    for (const p of papers.slice(0, 20))
      await bids.recordReturn(admin.principal, CODE, bid.id, { code: p.paper.code, outcome: 'yes' });
    // A veto before the result is refused: only approved proposals.
    const veto = {
      decidedOn: '2026-06-25',
      grounds: 'disproportionate-burden',
      reasons: 'The levy falls on the market traders alone',
      support: 'Strong support by number, narrower by value',
      consultation: 'Two public meetings',
      costs: 'The proposer spent £18,000 on the campaign',
    };
    await expect(bids.veto(admin.principal, CODE, bid.id, veto)).rejects.toThrow(ValidationError);
    bids.clock = () => afterClose;
    await bids.declare(admin.principal, CODE, bid.id);
    bids.clock = () => new Date('2026-07-20T09:00:00Z');
    // Out of time (the window closed on 8 July), on a ground not permitted, or without the policy named.
    const late = await bids.veto(admin.principal, CODE, bid.id, { ...veto, decidedOn: '2026-07-09' }).catch((e) => e);
    expect((late as ValidationError).errors[0]?.message).toContain('the last day was 2026-07-08');
    const noPolicy = await bids
      .veto(admin.principal, CODE, bid.id, { ...veto, grounds: 'policy-conflict' })
      .catch((e) => e);
    expect((noPolicy as ValidationError).errors.map((e) => e.field)).toEqual(['policy']);
    await expect(bids.veto(scrutineer.principal, CODE, bid.id, veto)).rejects.toThrow();
    const missing = await bids.veto(admin.principal, CODE, bid.id, { ...veto, costs: '' }).catch((e) => e);
    expect((missing as ValidationError).errors.map((e) => e.field)).toEqual(['costs']);

    // A complaint by 5% of voters: 20 voted, so one voter is enough; a veto cannot yet be appealed.
    await expect(
      bids.recordChallenge(scrutineer.principal, CODE, bid.id, {
        kind: 'veto-appeal',
        madeOn: '2026-07-01',
        by: 'proposer',
        grounds: 'x',
      }),
    ).rejects.toThrow('Only a veto can be appealed');
    const complaint = await bids.recordChallenge(scrutineer.principal, CODE, bid.id, {
      kind: 'irregularity',
      madeOn: '2026-07-01',
      by: 'voters',
      supporters: 1,
      grounds: 'Papers went to the wrong addresses on Mill Lane',
    });
    expect(complaint.outcome).toBe('open');
    const tooLate = await bids
      .recordChallenge(scrutineer.principal, CODE, bid.id, {
        kind: 'irregularity',
        madeOn: '2026-07-17',
        by: 'proposer',
        grounds: 'x',
      })
      .catch((e) => e);
    expect((tooLate as ValidationError).errors[0]?.field).toBe('madeOn');

    // Recorded on the last day of the window.
    await bids.veto(admin.principal, CODE, bid.id, { ...veto, decidedOn: '2026-07-08' });
    const vetoed = await bids.get(reader.principal, CODE, bid.id);
    expect(vetoed.bid.status).toBe('vetoed');
    expect(vetoed.bid.veto_costs).toContain('£18,000');
    await expect(bids.levyCsv(admin.principal, CODE, bid.id)).rejects.toThrow('vetoed');
    const appeal = await bids.recordChallenge(admin.principal, CODE, bid.id, {
      kind: 'veto-appeal',
      madeOn: '2026-07-09',
      by: 'proposer',
      grounds: 'The burden is proportionate',
    });
    await bids.recordOutcome(admin.principal, CODE, bid.id, appeal.id, { outcome: 'upheld', outcomeOn: '2026-07-09' });
    await expect(
      bids.recordOutcome(admin.principal, CODE, bid.id, appeal.id, { outcome: 'dismissed', outcomeOn: '2026-07-09' }),
    ).rejects.toThrow('already been recorded');
    expect((await bids.get(reader.principal, CODE, bid.id)).challenges.map((c) => [c.kind, c.outcome])).toEqual([
      ['irregularity', 'open'],
      ['veto-appeal', 'upheld'],
    ]);
  });

  it('once papers are out only a postponement moves ballot day, with a reason, and not after the close', async () => {
    const { bids } = ctx.services;
    bids.clock = () => new Date('2026-04-01T09:00:00Z');
    const bid = await bids.create(admin.principal, CODE, proposal(board, { name: 'Canal Basin BID' }));
    await bids.importRatingList(admin.principal, CODE, bid.id, file(ratingListCsv(demoRatingList(20))));
    await bids.setTimetable(admin.principal, CODE, bid.id, timetable);
    await bids.issuePapers(admin.principal, CODE, bid.id);
    const moved = await bids
      .setTimetable(admin.principal, CODE, bid.id, { ...timetable, noticeOn: '2026-05-06' })
      .catch((e) => e);
    expect((moved as ValidationError).errors[0]).toMatchObject({ field: 'noticeOn' });
    const unexplained = await bids
      .setTimetable(admin.principal, CODE, bid.id, { ...timetable, postponedTo: '2026-07-09' })
      .catch((e) => e);
    expect((unexplained as ValidationError).errors.map((e) => e.field)).toEqual(['postponementReason']);
    const postponed = { ...timetable, postponedTo: '2026-07-09', postponementReason: 'Postal strike' };
    const tooFar = await bids
      .setTimetable(admin.principal, CODE, bid.id, { ...postponed, postponedTo: '2026-07-10' })
      .catch((e) => e);
    expect((tooFar as ValidationError).errors[0]?.message).toContain(
      'rule: Postponement of no more than 15 working days',
    );
    await bids.setTimetable(admin.principal, CODE, bid.id, postponed);
    // The close moved with it: on the first ballot day at 6pm a vote is still on time.
    bids.clock = () => new Date('2026-06-18T17:00:00Z');
    const { papers } = await bids.papers(admin.principal, CODE, bid.id);
    const paper = await bids.recordReturn(admin.principal, CODE, bid.id, {
      code: papers[0]!.paper.code,
      outcome: 'no',
    });
    expect(paper.status).toBe('returned');
    bids.clock = () => new Date('2026-07-09T16:00:00Z');
    await expect(bids.setTimetable(admin.principal, CODE, bid.id, postponed)).rejects.toThrow('has closed');
  });

  it('a renewal is a new ballot on an approved BID, and carries its history across terms', async () => {
    const { bids } = ctx.services;
    const [approved] = await bids.renewable(admin.principal, CODE);
    expect(approved?.name).toBe('Brackenfield Town Centre BID');
    const draft = (await bids.overview(admin.principal, CODE)).bids.find((b) => b.status === 'proposal');
    const refused = await bids
      .create(admin.principal, CODE, proposal(board, { name: 'Bad renewal', renewsId: draft!.id }))
      .catch((e) => e);
    expect((refused as ValidationError).errors.map((e) => e.field)).toEqual(['renewsId']);
    const renewal = await bids.create(
      admin.principal,
      CODE,
      proposal(board, {
        name: 'Brackenfield Town Centre BID (second term)',
        termStart: '2032-04-01',
        renewsId: approved!.id,
      }),
    );
    expect((await bids.get(admin.principal, CODE, renewal.id)).history.map((b) => b.name)).toEqual([
      'Brackenfield Town Centre BID',
      'Brackenfield Town Centre BID (second term)',
    ]);
    expect((await bids.get(admin.principal, CODE, approved!.id)).history).toHaveLength(2);
  });

  it('is a declared Brackenfield town centre ballot with spoilt, replaced and late papers', async () => {
    const { register, bids } = ctx.services;
    const locality = await register.createLocality(SYSTEM, {
      gssCode: DEMO_CODE,
      name: 'Demoford',
      kind: 'district',
      region: 'East Midlands',
    });
    await register.createPartnership(SYSTEM, DEMO_CODE, {
      name: 'Brackenfield BID Steering Group',
      purpose: 'Steers the BID',
      basis: 'voluntary',
      legalForm: 'company-limited-by-guarantee',
      layer: 'operational',
    });
    await ctx.database.db.transaction().execute((trx) => seedDemo(ctx.services, locality, trx, '2026-06-01'));
    const [bid] = (await bids.overview(SYSTEM, DEMO_CODE)).bids;
    expect(bid?.status).toBe('declared');
    const view = await bids.declaration({ ...SYSTEM, kind: 'public', canWrite: false, grants: [] }, DEMO_CODE, bid!.id);
    expect(view.declaration?.passed).toBe(true);
    expect(view.declaration?.tally.lateCount).toBe(1);
    expect(view.declaration?.tally.spoiltCount).toBeGreaterThan(0);
    expect(view.bid.ballot_on).toBe('2026-04-02');
    expect(view.paperCounts.replaced).toBe(1);
    const levy = await bids.levyCsv(SYSTEM, DEMO_CODE, bid!.id, 1);
    expect(levy.lines).toBe(view.declaration?.tally.eligibleCount);
  }, 120_000);
});
