import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM, type Principal } from '../../core/actor.js';
import { ValidationError } from '../../core/errors.js';
import { ImportRejected } from '../exchange/issues.js';
import { backends } from '../../../test/helpers/database.js';
import { type Person, type TestContext, createTestContext } from '../../../test/helpers/context.js';
import { DEMO_AREA_GEOJSON, DEMO_AREA_STREETS, demoRatingList, ratingListCsv } from './fixtures.js';
import { seedDemo } from './demo.js';
import { proposalValues } from './service.js';

const CODE = 'E07000044';
const PUBLIC: Principal = { ...SYSTEM, kind: 'public', canWrite: false, grants: [] };
const TODAY = '2026-06-01';

describe.each(backends)('BID areas on a map, levy collection and the report to levy payers on %s', (backend) => {
  let ctx: TestContext;
  let admin: Person;
  let secretary: Person;
  let reader: Person;
  let scrutineer: Person;
  let bidId: string;
  let board: string;

  beforeAll(async () => {
    ctx = await createTestContext(backend);
    const { register, bids } = ctx.services;
    const locality = await register.createLocality(SYSTEM, {
      gssCode: CODE,
      name: 'Levyford',
      kind: 'district',
      region: 'East Midlands',
    });
    board = (
      await register.createPartnership(SYSTEM, CODE, {
        name: 'Brackenfield BID Steering Group',
        purpose: 'Steers the BID',
        basis: 'voluntary',
        legalForm: 'company-limited-by-guarantee',
        layer: 'operational',
      })
    ).id;
    await ctx.database.db.transaction().execute((trx) => seedDemo(ctx.services, locality, trx, TODAY));
    bidId = (await bids.overview(SYSTEM, CODE)).bids[0]!.id;
    admin = await ctx.person([{ role: 'locality-admin', localityCode: CODE }]);
    secretary = await ctx.person([{ role: 'partnership-secretary', localityCode: CODE, partnershipId: board }]);
    reader = await ctx.person([{ role: 'scrutiny-member', localityCode: CODE }]);
    scrutineer = await ctx.person([{ role: 'bid-scrutineer', localityCode: CODE }]);
    bids.clock = () => new Date(`${TODAY}T12:00:00Z`);
  }, 180_000);
  afterAll(() => ctx?.close());

  it('draws the area as GeoJSON: located hereditaments are in or out by it, the rest by the streets', async () => {
    const { bids } = ctx.services;
    // Proposals drawn only as an area, with no street list.
    const bid = await bids.create(secretary.principal, CODE, {
      name: 'Drawn BID',
      partnershipId: board,
      proposer: 'property-owners',
      summary: 'An area drawn in a GIS',
      termStart: '2027-04-01',
      termYears: 5,
      areaGeoJson: JSON.stringify({ type: 'Feature', properties: {}, geometry: DEMO_AREA_GEOJSON }),
      threshold: 10_000,
      levyRatePercent: 1,
    });
    expect(bid.area_geojson).toEqual(DEMO_AREA_GEOJSON);
    // Neither streets, hereditaments nor an area: refused, naming what to give.
    await expect(
      bids.create(secretary.principal, CODE, {
        name: 'Nowhere BID',
        partnershipId: board,
        proposer: 'council',
        summary: 'x',
        termStart: '2027-04-01',
        termYears: 5,
        levyRatePercent: 1,
      }),
    ).rejects.toThrow('Give the area');
    const rows = demoRatingList(300);
    await bids.importRatingList(scrutineer.principal, CODE, bid.id, {
      name: 'list.csv',
      content: Buffer.from(ratingListCsv(rows)),
    });
    const area = await bids.area(secretary.principal, CODE, bid.id);
    const unlocated = area.hereditaments.filter((h) => h.row.latitude === null);
    expect(area.located).toBe(rows.filter((r) => r.latitude).length);
    expect(unlocated.length).toBeGreaterThan(0);
    // With no streets listed, a hereditament with no location cannot be placed inside.
    expect(unlocated.every((h) => !h.inside && h.reason.includes('gives no location'))).toBe(true);
    // The located ones agree with the demo's street list (the area was drawn to match it).
    const located = area.hereditaments.filter((h) => h.row.latitude !== null);
    const sheepOdd = located.find((h) => h.row.street === 'Sheep Street' && Number.parseInt(h.row.address) % 2 === 1);
    expect(sheepOdd?.inside).toBe(false);
    expect(sheepOdd?.reason).toContain('outside the area drawn on the map');
    expect(located.find((h) => h.row.street === 'High Street')?.inside).toBe(true);

    // The map's features: the area and a point per located hereditament.
    const features = await bids.areaFeatures(secretary.principal, CODE, bid.id);
    expect(features.features).toHaveLength(1 + located.length);

    // A bad GeoJSON is refused with each problem named on the field; nothing changes.
    const bad = await bids
      .setArea(secretary.principal, CODE, bid.id, '{"type": "Polygon", "coordinates": [[[-1.2, 52.6], [-1.1, 52.6]]]}')
      .catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(ValidationError);
    expect((bad as ValidationError).errors[0]).toMatchObject({
      field: 'areaGeoJson',
      message:
        'The area, outer ring has 2 positions: a ring needs at least 4 (a triangle and its first position again)',
    });
    // The only area cannot be removed while no streets are listed.
    await expect(bids.setArea(secretary.principal, CODE, bid.id, '')).rejects.toThrow('cannot be removed');
    // Someone who may not edit the proposals cannot draw the area.
    await expect(bids.setArea(reader.principal, CODE, bid.id, JSON.stringify(DEMO_AREA_GEOJSON))).rejects.toThrow();
    // Once the papers are out, the area is fixed (the demo BID).
    await expect(bids.setArea(admin.principal, CODE, bidId, JSON.stringify(DEMO_AREA_GEOJSON))).rejects.toThrow(
      'can no longer be changed',
    );

    // A street list alongside (unlocated hereditaments are then judged by it): the drawn area
    // can be removed, and the streets decide; the demo's area was drawn to agree with them.
    await bids.update(secretary.principal, CODE, bid.id, {
      ...proposalValues((await bids.get(secretary.principal, CODE, bid.id)).bid),
      areaStreets: DEMO_AREA_STREETS.join('\n'),
    });
    const insideIds = async () =>
      (await bids.area(secretary.principal, CODE, bid.id)).hereditaments
        .filter((h) => h.inside)
        .map((h) => h.row.id)
        .sort();
    const withBoth = await insideIds();
    expect(withBoth.length).toBeGreaterThan(located.filter((h) => h.inside).length);
    const removed = await bids.setArea(secretary.principal, CODE, bid.id, '');
    expect(removed.area_geojson).toBeNull();
    expect(await insideIds()).toEqual(withBoth);
    // Every change of the area is audited.
    const audit = await ctx.database.db
      .selectFrom('audit_events')
      .select('summary')
      .where('entity_id', '=', bid.id)
      .execute();
    expect(audit.some((e) => e.summary.startsWith('Removed the area drawn on the map'))).toBe(true);
  }, 120_000);

  it('the public sees the published area but not the rating list', async () => {
    const { bids } = ctx.services;
    const area = await bids.area(PUBLIC, CODE, bidId);
    expect(area.geometry).toEqual(DEMO_AREA_GEOJSON);
    expect(area.mayReadList).toBe(false);
    expect(area.hereditaments).toEqual([]);
    const features = await bids.areaFeatures(PUBLIC, CODE, bidId);
    expect(features.features).toHaveLength(1);
  });

  it('collections: each levy payer’s levy, collected and arrears, with totals that are the sums of the lines', async () => {
    const { bids } = ctx.services;
    const account = await bids.collections(admin.principal, CODE, bidId, 1);
    const levy = await bids.levy(admin.principal, CODE, bidId, 1);
    expect(account.totals.payers).toBe(levy.rows.length);
    expect(account.totals.billedPence).toBe(levy.totalPence);
    const sum = (f: (l: (typeof account.lines)[number]) => number) => account.lines.reduce((s, l) => s + f(l), 0);
    expect(account.totals.collectedPence).toBe(sum((l) => l.collectedPence));
    expect(account.totals.arrearsPence).toBe(account.totals.billedPence - account.totals.collectedPence);
    expect(account.totals.paidInFull + account.totals.inArrears).toBe(account.totals.payers);
    // The demo: most paid in full, a few in part, some not at all.
    expect(account.totals.paidInFull).toBeGreaterThan(account.totals.payers / 2);
    const part = account.lines.find((l) => l.collectedPence > 0 && l.arrearsPence > 0)!;
    const unpaid = account.lines.find((l) => l.collectedPence === 0)!;
    expect(part).toBeDefined();
    expect(unpaid).toBeDefined();
    // The BID body and the locality's readers see the account; the public and the scrutineer do not.
    expect((await bids.collections(secretary.principal, CODE, bidId, 1)).totals).toEqual(account.totals);
    expect((await bids.collections(reader.principal, CODE, bidId, 1)).canRecord).toBe(false);
    await expect(bids.collections(PUBLIC, CODE, bidId, 1)).rejects.toThrow();

    const pay = (who: Principal, input: Record<string, unknown>) =>
      bids.recordCollection(who, CODE, bidId, { year: 1, receivedOn: '2026-05-20', ...input });
    const field = async (promise: Promise<unknown>) => {
      const error = await promise.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      return (error as ValidationError).errors[0]!;
    };
    // More than is outstanding is refused, naming what is outstanding.
    const over = await field(
      pay(admin.principal, { reference: part.row.reference, amountPounds: part.arrearsPence / 100 + 0.01 }),
    );
    expect(over.field).toBe('amountPounds');
    expect(over.message).toContain(`outstanding on ${part.row.reference} for year 1`);
    // Paid in full already.
    const full = account.lines.find((l) => l.arrearsPence === 0)!;
    expect((await field(pay(admin.principal, { reference: full.row.reference, amountPounds: 1 }))).message).toContain(
      'already paid in full',
    );
    // Not on the list, not a levy payer, in the future, before ballot day, a year beyond the term.
    expect((await field(pay(admin.principal, { reference: 'NOPE-1', amountPounds: 1 }))).field).toBe('reference');
    const { rows } = await bids.hereditaments(admin.principal, CODE, bidId);
    const outside = rows.find((r) => !r.eligibility.eligible)!;
    expect(
      (await field(pay(admin.principal, { reference: outside.row.reference, amountPounds: 1 }))).message,
    ).toContain('is not a levy payer');
    expect(
      (
        await field(
          pay(admin.principal, { reference: unpaid.row.reference, amountPounds: 1, receivedOn: '2026-06-02' }),
        )
      ).message,
    ).toBe('The date received cannot be in the future');
    expect(
      (
        await field(
          pay(admin.principal, { reference: unpaid.row.reference, amountPounds: 1, receivedOn: '2026-01-02' }),
        )
      ).message,
    ).toBe('The date received cannot be before ballot day');
    expect(
      (await field(pay(admin.principal, { reference: unpaid.row.reference, amountPounds: 1, year: 6 }))).field,
    ).toBe('year');
    expect(
      (await field(pay(admin.principal, { reference: unpaid.row.reference, amountPounds: 1.005 }))).message,
    ).toContain('at most two decimal places');
    // Only the council records collections: not the BID body, not the scrutineer.
    await expect(pay(secretary.principal, { reference: unpaid.row.reference, amountPounds: 1 })).rejects.toThrow();
    await expect(pay(scrutineer.principal, { reference: unpaid.row.reference, amountPounds: 1 })).rejects.toThrow();

    // Paying the rest clears the arrears, to the penny; typed in lower case, the reference is found.
    await pay(admin.principal, { reference: part.row.reference.toLowerCase(), amountPounds: part.arrearsPence / 100 });
    const after = await bids.collections(admin.principal, CODE, bidId, 1);
    expect(after.lines.find((l) => l.row.id === part.row.id)?.arrearsPence).toBe(0);
    expect(after.totals.collectedPence).toBe(account.totals.collectedPence + part.arrearsPence);
    expect(after.totals.paidInFull).toBe(account.totals.paidInFull + 1);
    const audit = await ctx.database.db
      .selectFrom('audit_events')
      .select(['summary', 'entity_type'])
      .where('entity_type', '=', 'bid-money')
      .orderBy('id', 'desc')
      .executeTakeFirst();
    expect(audit?.summary).toContain(`of levy from ${part.row.reference} for year 1`);
  });

  it('a revenues system’s file of payments is recorded all or nothing, each problem by line and column', async () => {
    const { bids } = ctx.services;
    const before = await bids.collections(admin.principal, CODE, bidId, 1);
    const owing = before.lines.filter((l) => l.arrearsPence > 0);
    const [a, b] = owing as [(typeof owing)[number], (typeof owing)[number]];
    const file = (lines: string[]) => ({
      name: 'payments.csv',
      content: Buffer.from(`billing_reference,year,amount,received_on,payment_reference\n${lines.join('\n')}\n`),
    });
    const pounds = (pence: number) => (pence / 100).toFixed(2);
    // Line 3 pays the rest of a's levy after line 2 paid a penny: together more than is owed.
    const refused = await bids
      .importCollections(
        admin.principal,
        CODE,
        bidId,
        file([
          `${a.row.reference},1,0.01,2026-05-20,DD 1`,
          `${a.row.reference},1,${pounds(a.arrearsPence)},20/05/2026,DD 2`,
          `NOPE-9,1,1.00,2026-05-20,`,
          `${b.row.reference},1,£1.00,2026-06-30,`,
          `${b.row.reference},9,1.00,31/02/2026,`,
        ]),
      )
      .catch((e: unknown) => e as ImportRejected);
    expect(refused).toBeInstanceOf(ImportRejected);
    expect((refused as ImportRejected).issues.map((i) => [i.line, i.column])).toEqual([
      [3, 'amount'],
      [4, 'billing_reference'],
      [5, 'received_on'],
      [6, 'year'],
      [6, 'received_on'],
    ]);
    expect((refused as ImportRejected).issues[0]?.message).toContain(`outstanding on ${a.row.reference} for year 1`);
    expect((await bids.collections(admin.principal, CODE, bidId, 1)).totals).toEqual(before.totals);
    // Only the council records payments.
    await expect(
      bids.importCollections(secretary.principal, CODE, bidId, file([`${a.row.reference},1,0.01,2026-05-20,`])),
    ).rejects.toThrow();

    const done = await bids.importCollections(
      admin.principal,
      CODE,
      bidId,
      file([`${a.row.reference},1,${pounds(a.arrearsPence)},20/05/2026,DD 2`, `${b.row.reference},1,1.00,2026-05-21,`]),
    );
    expect(done).toEqual({ payments: 2, totalPence: a.arrearsPence + 100 });
    const after = await bids.collections(admin.principal, CODE, bidId, 1);
    expect(after.totals.collectedPence).toBe(before.totals.collectedPence + a.arrearsPence + 100);
    expect(after.lines.find((l) => l.row.id === a.row.id)?.arrearsPence).toBe(0);
    expect(after.lines.find((l) => l.row.id === b.row.id)?.payments.at(-1)?.received_on).toBe('2026-05-21');
  });

  it('the yearly report to levy payers: billed, collected, arrears, spending by heading and the balance carried', async () => {
    const { bids } = ctx.services;
    const account = await bids.collections(admin.principal, CODE, bidId, 1);
    const report = await bids.annualReport(PUBLIC, CODE, bidId, 1);
    expect(report.totals).toEqual(account.totals);
    expect(report.mayReadAccount).toBe(false);
    expect(report.canRecordSpending).toBe(false);
    // The demo's first spending: four headings.
    expect(report.spending.map((s) => s.heading)).toEqual([
      'Setting up the BID company',
      'Street rangers',
      'Cleansing',
      'Events',
    ]);
    expect(report.spentPence).toBe(185_000 + 420_000 + 132_050 + 260_000);
    expect(report.broughtForwardPence).toBe(0);
    expect(report.carriedForwardPence).toBe(account.totals.collectedPence - report.spentPence);
    expect(report.yearStarts).toBe('2026-07-01');
    expect(report.yearEnds).toBe('2027-06-30');

    // The BID body records spending; the council's readers and the public cannot.
    await expect(
      bids.recordSpending(reader.principal, CODE, bidId, {
        year: 2,
        heading: 'Events',
        amountPounds: 10,
        spentOn: '2026-05-30',
      }),
    ).rejects.toThrow();
    const bad = await bids
      .recordSpending(secretary.principal, CODE, bidId, {
        year: 2,
        heading: '',
        amountPounds: 0,
        spentOn: '2026-02-30',
      })
      .catch((e: unknown) => e as ValidationError);
    expect((bad as ValidationError).errors.map((e) => e.field).sort()).toEqual(['amountPounds', 'heading', 'spentOn']);
    await bids.recordSpending(secretary.principal, CODE, bidId, {
      year: 2,
      heading: 'Events',
      description: 'Christmas market',
      amountPounds: 1500.25,
      spentOn: '2026-05-30',
    });
    // Year 2 brings forward what year 1 carried.
    const second = await bids.annualReport(secretary.principal, CODE, bidId, 2);
    expect(second.broughtForwardPence).toBe(report.carriedForwardPence);
    expect(second.spentPence).toBe(150_025);
    expect(second.totals.collectedPence).toBe(0);
    expect(second.totals.billedPence).toBeGreaterThan(report.totals.billedPence); // the 2% uplift
    expect(second.carriedForwardPence).toBe(report.carriedForwardPence - 150_025);

    // The CSV carries the same figures; the PDF is a PDF.
    const csv = await bids.annualReportCsv(PUBLIC, CODE, bidId, 1);
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('bid,year,section,item,value');
    expect(lines).toContain(`Brackenfield Town Centre BID,1,levy,collected_pence,${report.totals.collectedPence}`);
    expect(lines).toContain(
      `Brackenfield Town Centre BID,1,account,carried_forward_pence,${report.carriedForwardPence}`,
    );
    const { annualReportPdf } = await import('./pdf.js');
    expect((await annualReportPdf(report)).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('no levy is collected or reported before a ballot approves the proposals', async () => {
    const { bids } = ctx.services;
    const draft = (await bids.overview(admin.principal, CODE)).bids.find((b) => b.name === 'Drawn BID')!;
    await expect(bids.annualReport(admin.principal, CODE, draft.id, 1)).rejects.toThrow(
      'only once a ballot has approved the proposals',
    );
    await expect(
      bids.recordCollection(admin.principal, CODE, draft.id, {
        reference: 'BF0100100',
        year: 1,
        amountPounds: 1,
        receivedOn: '2026-05-01',
      }),
    ).rejects.toThrow('only once a ballot has approved the proposals');
  });
});
