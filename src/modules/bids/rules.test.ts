import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CODE_ALPHABET,
  CODE_LENGTH,
  NATIONS,
  type Tally,
  addDays,
  ballotCloses,
  ballotResult,
  checkComplaint,
  checkTimetable,
  checkVeto,
  termEnd,
  eligibility,
  levyFor,
  normaliseCode,
  paperCode,
  parseAreaStreet,
  vetoDeadline,
} from './rules.js';
import { describeArea, parseAreaGeoJson, pointInArea } from './area.js';
import { DEMO_AREA_GEOJSON } from './fixtures.js';

const ballot = '2026-06-18'; // a Thursday
const good = { noticeOn: addDays(ballot, -42), papersOn: addDays(ballot, -28), ballotOn: ballot };

describe('ballot timetable', () => {
  it.each(NATIONS)('%s: notice 42 days before ballot day is accepted, 41 refused with the rule named', (nation) => {
    expect(checkTimetable(good, nation)).toEqual([]);
    const late = checkTimetable({ ...good, noticeOn: addDays(ballot, -41) }, nation);
    expect(late).toHaveLength(1);
    expect(late[0]).toMatchObject({ field: 'noticeOn', rule: 'Notice at least 42 days before ballot day' });
    expect(late[0]?.message).toContain('41 days before');
  });

  it.each(NATIONS)('%s: ballot day 90 days after notice is accepted, 91 refused', (nation) => {
    expect(checkTimetable({ ...good, noticeOn: addDays(ballot, -90) }, nation)).toEqual([]);
    const far = checkTimetable({ ...good, noticeOn: addDays(ballot, -91) }, nation);
    expect(far.map((p) => p.rule)).toEqual(['Ballot day no more than 90 days after the notice']);
  });

  it('papers 28 days before are accepted, 27 refused; papers before the notice refused', () => {
    expect(checkTimetable({ ...good, papersOn: addDays(ballot, -27) }, 'England').map((p) => p.rule)).toEqual([
      'Papers sent at least 28 days before ballot day',
    ]);
    expect(
      checkTimetable({ ...good, noticeOn: addDays(ballot, -50), papersOn: addDays(ballot, -60) }, 'Wales').map(
        (p) => p.rule,
      ),
    ).toEqual(['Papers sent no earlier than the notice']);
  });

  it('every broken rule is reported at once', () => {
    const problems = checkTimetable({ noticeOn: ballot, papersOn: ballot, ballotOn: ballot }, 'England');
    expect(problems.map((p) => p.field).sort()).toEqual(['noticeOn', 'papersOn']);
  });

  it('postponement counts 15 working days, skipping weekends and bank holidays', () => {
    // Ballot on Thursday 13 August 2026; Monday 31 August is the summer bank holiday in England
    // and Wales. 15 working days: 14, 17–21, 24–28, (31 skipped), 1, 2, 3, 4 September.
    const aug = { noticeOn: '2026-07-02', papersOn: '2026-07-16', ballotOn: '2026-08-13' };
    expect(checkTimetable({ ...aug, postponedTo: '2026-09-04' }, 'England')).toEqual([]);
    const tooLate = checkTimetable({ ...aug, postponedTo: '2026-09-07' }, 'England');
    expect(tooLate.map((p) => p.rule)).toEqual(['Postponement of no more than 15 working days']);
    expect(tooLate[0]?.message).toContain('2026-09-04');
    // Scotland's summer bank holiday is the first Monday of August: there 3 September is the 15th.
    expect(checkTimetable({ ...aug, postponedTo: '2026-09-03' }, 'Scotland')).toEqual([]);
    expect(checkTimetable({ ...aug, postponedTo: '2026-09-04' }, 'Scotland').map((p) => p.field)).toEqual([
      'postponedTo',
    ]);
    expect(checkTimetable({ ...aug, postponedTo: '2026-08-13' }, 'England').map((p) => p.field)).toEqual([
      'postponedTo',
    ]);
  });

  it('each nation skips its own bank holidays: St Andrew’s Day in Scotland, St Patrick’s Day in Northern Ireland', () => {
    // Ballot on Thursday 12 November 2026; Monday 30 November is St Andrew's Day, a bank
    // holiday in Scotland only. The 15th working day is 3 December in England, 4 in Scotland.
    const nov = { noticeOn: '2026-10-01', papersOn: '2026-10-15', ballotOn: '2026-11-12' };
    expect(checkTimetable({ ...nov, postponedTo: '2026-12-03' }, 'England')).toEqual([]);
    expect(checkTimetable({ ...nov, postponedTo: '2026-12-04' }, 'England').map((p) => p.field)).toEqual([
      'postponedTo',
    ]);
    expect(checkTimetable({ ...nov, postponedTo: '2026-12-04' }, 'Scotland')).toEqual([]);
    expect(checkTimetable({ ...nov, postponedTo: '2026-12-07' }, 'Scotland').map((p) => p.field)).toEqual([
      'postponedTo',
    ]);
    // Ballot on Thursday 5 March 2026; Tuesday 17 March is St Patrick's Day in Northern Ireland.
    const mar = { noticeOn: '2026-01-22', papersOn: '2026-02-05', ballotOn: '2026-03-05' };
    expect(checkTimetable({ ...mar, postponedTo: '2026-03-26' }, 'England')).toEqual([]);
    expect(checkTimetable({ ...mar, postponedTo: '2026-03-27' }, 'England').map((p) => p.field)).toEqual([
      'postponedTo',
    ]);
    expect(checkTimetable({ ...mar, postponedTo: '2026-03-27' }, 'Northern Ireland')).toEqual([]);
  });

  it('voting closes at 5pm London time on the ballot day in force (BST and GMT)', () => {
    expect(ballotCloses({ ballotOn: '2026-06-18' }, 'England').toISOString()).toBe('2026-06-18T16:00:00.000Z');
    expect(ballotCloses({ ballotOn: '2026-11-19' }, 'Scotland').toISOString()).toBe('2026-11-19T17:00:00.000Z');
    expect(ballotCloses({ ballotOn: '2026-06-18', postponedTo: '2026-06-25' }, 'Wales').toISOString()).toBe(
      '2026-06-25T16:00:00.000Z',
    );
  });

  it('the veto window is 14 working days after ballot day', () => {
    // 18 June 2026 + 14 working days = 8 July 2026 (no bank holiday between).
    expect(vetoDeadline({ ballotOn: '2026-06-18' }, 'England')).toBe('2026-07-08');
    // Over Christmas 2026: 25 and 28 December are bank holidays in England.
    expect(vetoDeadline({ ballotOn: '2026-12-17' }, 'England')).toBe('2027-01-11');
  });
});

const tally = (t: Partial<Tally>): Tally => ({
  eligibleCount: 100,
  eligibleValue: 1_000_000,
  yesCount: 0,
  noCount: 0,
  yesValue: 0,
  noValue: 0,
  ...t,
});

describe('ballot result per nation', () => {
  it('England: yes wins by number but loses by rateable value, so the ballot fails', () => {
    const result = ballotResult('England', tally({ yesCount: 30, noCount: 10, yesValue: 200_000, noValue: 300_000 }));
    expect(result.passed).toBe(false);
    expect(result.tests.map((t) => [t.key, t.passed])).toEqual([
      ['yes-by-number', true],
      ['yes-by-value', false],
    ]);
    expect(result.reason).toContain('aggregate rateable value');
  });

  it('England and Wales have no minimum turnout: 2 of 100 voting yes passes', () => {
    for (const nation of ['England', 'Wales'])
      expect(ballotResult(nation, tally({ yesCount: 2, yesValue: 20_000 })).passed).toBe(true);
  });

  it('ties fail, by number and by value', () => {
    expect(ballotResult('England', tally({ yesCount: 5, noCount: 5, yesValue: 900, noValue: 100 })).passed).toBe(false);
    expect(ballotResult('England', tally({ yesCount: 6, noCount: 5, yesValue: 500, noValue: 500 })).passed).toBe(false);
    expect(ballotResult('England', tally({})).passed).toBe(false);
  });

  it('Scotland: 24% turnout fails whatever the votes; 25% by number and value passes', () => {
    const low = ballotResult('Scotland', tally({ yesCount: 24, yesValue: 900_000 }));
    expect(low.passed).toBe(false);
    expect(low.tests.find((t) => t.key === 'turnout-by-number')?.passed).toBe(false);
    expect(ballotResult('Scotland', tally({ yesCount: 25, yesValue: 250_000 })).passed).toBe(true);
    expect(ballotResult('Scotland', tally({ yesCount: 25, yesValue: 249_999 })).passed).toBe(false);
  });

  it('Northern Ireland: its tests are on net annual value, with both 25% turnouts', () => {
    const result = ballotResult(
      'Northern Ireland',
      tally({ yesCount: 20, noCount: 5, yesValue: 200_000, noValue: 50_000 }),
    );
    expect(result.passed).toBe(true);
    expect(result.tests.map((t) => t.name)).toEqual([
      'Votes cast',
      'Aggregate net annual value',
      'Turnout by number',
      'Turnout by net annual value',
    ]);
    expect(ballotResult('Northern Ireland', tally({ yesCount: 20, noCount: 4, yesValue: 200_000 })).passed).toBe(false);
  });

  it('a proposer’s higher margins are applied, never lower ones', () => {
    const t = tally({ yesCount: 11, noCount: 9, yesValue: 600, noValue: 400 });
    expect(ballotResult('England', t).passed).toBe(true);
    expect(ballotResult('England', t, { yesShareByNumberBp: 6000 }).passed).toBe(false);
    expect(ballotResult('England', t, { turnoutByNumberBp: 3000 }).passed).toBe(false);
    expect(
      ballotResult('Scotland', tally({ yesCount: 25, yesValue: 250_000 }), { turnoutByNumberBp: 1000 }).passed,
    ).toBe(true);
    expect(
      ballotResult('Scotland', tally({ yesCount: 24, yesValue: 250_000 }), { turnoutByNumberBp: 1000 }).passed,
    ).toBe(false);
  });

  const tallies = fc
    .record({
      eligibleCount: fc.integer({ min: 1, max: 2000 }),
      yesCount: fc.integer({ min: 0, max: 1000 }),
      noCount: fc.integer({ min: 0, max: 1000 }),
      yesValue: fc.integer({ min: 0, max: 50_000_000 }),
      noValue: fc.integer({ min: 0, max: 50_000_000 }),
      extraValue: fc.integer({ min: 0, max: 50_000_000 }),
    })
    .filter((t) => t.yesCount + t.noCount <= t.eligibleCount)
    .map(({ extraValue, ...t }) => ({ ...t, eligibleValue: t.yesValue + t.noValue + extraValue }));

  it.each(NATIONS)('%s: passes exactly when every test of the nation holds (property)', (nation) => {
    fc.assert(
      fc.property(tallies, (t) => {
        const votes = t.yesCount + t.noCount;
        const byNumber = t.yesCount > t.noCount;
        const byValue = t.yesValue > t.noValue;
        const turnout =
          nation === 'Scotland' || nation === 'Northern Ireland'
            ? votes * 4 >= t.eligibleCount && (t.yesValue + t.noValue) * 4 >= t.eligibleValue
            : true;
        const result = ballotResult(nation, t);
        expect(result.passed).toBe(byNumber && byValue && turnout);
        expect(result.tests.every((test) => test.passed)).toBe(result.passed);
      }),
      { numRuns: 400 },
    );
  });

  it('a higher margin can only turn a pass into a fail (property)', () => {
    fc.assert(
      fc.property(tallies, fc.integer({ min: 0, max: 10_000 }), fc.constantFrom(...NATIONS), (t, bp, nation) => {
        if (!ballotResult(nation, t).passed) {
          expect(ballotResult(nation, t, { yesShareByNumberBp: bp, turnoutByValueBp: bp }).passed).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('eligibility', () => {
  const rules = {
    streets: ['High Street', 'Market Place 1-20', 'Castle Street 2-40 even'].map((s) => parseAreaStreet(s)!),
    references: ['BF-999'],
    threshold: 10_000,
    excludedClasses: ['CW'],
  };
  const base = {
    reference: 'BF-1',
    address: '12 High Street',
    street: 'High Street',
    value: 15_000,
    occupied: true,
    ratepayer: 'Bracken Books Ltd',
    classCode: 'CS',
  };

  it('an occupied shop on a whole street above the threshold votes through its ratepayer', () => {
    const e = eligibility(base, rules);
    expect(e.eligible).toBe(true);
    expect(e.voter).toBe('Bracken Books Ltd');
    expect(e.reasons.map((r) => r.passed)).toEqual([true, true, true, true]);
  });

  it('the threshold is inclusive: £10,000 is in, £9,999 is out with the reason', () => {
    expect(eligibility({ ...base, value: 10_000 }, rules).eligible).toBe(true);
    const below = eligibility({ ...base, value: 9_999 }, rules);
    expect(below.eligible).toBe(false);
    expect(below.reasons.find((r) => !r.passed)?.reason).toBe(
      'Below the threshold: rateable value £9,999 is under £10,000',
    );
  });

  it('hereditaments on the boundary: both ends of a range are in, the next number out, the wrong side out', () => {
    const at = (address: string, street: string) => eligibility({ ...base, address, street }, rules).eligible;
    expect(at('1 Market Place', 'Market Place')).toBe(true);
    expect(at('20 Market Place', 'Market Place')).toBe(true);
    expect(at('21 Market Place', 'Market Place')).toBe(false);
    expect(at('40 Castle Street', 'Castle Street')).toBe(true);
    expect(at('41 Castle Street', 'Castle Street')).toBe(false);
    expect(at('Unit 3, Station Road', 'Station Road')).toBe(false);
    expect(at('Kiosk, Market Place', 'Market Place')).toBe(false);
  });

  it('a hereditament named in the list is inside whatever its street', () => {
    expect(
      eligibility({ ...base, reference: 'bf-999', street: 'Station Road', address: '1 Station Road' }, rules).eligible,
    ).toBe(true);
  });

  it('an empty hereditament: the owner votes; with no owner named it is out', () => {
    const empty = eligibility({ ...base, occupied: false, ratepayer: null, owner: 'Brackenfield Estates' }, rules);
    expect(empty.eligible).toBe(true);
    expect(empty.voter).toBe('Brackenfield Estates');
    const noOwner = eligibility({ ...base, occupied: false, owner: '' }, rules);
    expect(noOwner.eligible).toBe(false);
    expect(noOwner.reasons.at(-1)?.reason).toBe('Empty, and no owner is named: no one to send the paper to');
  });

  it('excluded classes are out; with an included list, only those classes are in', () => {
    expect(eligibility({ ...base, classCode: 'cw' }, rules).eligible).toBe(false);
    const only = { ...rules, includedClasses: ['CS', 'CO'] };
    expect(eligibility({ ...base, classCode: 'CO' }, only).eligible).toBe(true);
    expect(eligibility({ ...base, classCode: 'IF' }, only).reasons.find((r) => r.check === 'class')?.reason).toBe(
      'Class not included: IF is not one of CS, CO',
    );
  });
});

describe('the area drawn as GeoJSON', () => {
  // A square from (-1.21, 52.60) to (-1.19, 52.62), longitude first as GeoJSON has it.
  const square = [
    [-1.21, 52.6],
    [-1.19, 52.6],
    [-1.19, 52.62],
    [-1.21, 52.62],
    [-1.21, 52.6],
  ];
  const polygon = { type: 'Polygon', coordinates: [square] };
  const read = (value: unknown) => parseAreaGeoJson(typeof value === 'string' ? value : JSON.stringify(value));
  const problems = (value: unknown) => {
    const result = read(value);
    return result.ok ? [] : result.problems;
  };

  it('takes a Polygon, a Feature, or a FeatureCollection (several polygons become one MultiPolygon)', () => {
    expect(read(polygon)).toEqual({ ok: true, geometry: polygon });
    expect(read({ type: 'Feature', properties: {}, geometry: polygon })).toEqual({ ok: true, geometry: polygon });
    const other = square.map(([x, y]) => [x! + 1, y!]);
    const both = read({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: {}, geometry: polygon },
        { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [other] } },
      ],
    });
    expect(both.ok && both.geometry.type).toBe('MultiPolygon');
    expect(both.ok && describeArea(both.geometry)).toMatchObject({ parts: 2, positions: 8 });
  });

  it('names every problem: not JSON, not an outline, a ring not closed or too short, eastings for longitudes', () => {
    expect(problems('{"type": "Polygon",')[0]).toMatch(/^The text is not valid JSON/);
    expect(problems('')).toEqual(['The GeoJSON is empty']);
    expect(problems({ type: 'Point', coordinates: [-1.2, 52.6] })[0]).toContain(
      'must be a Polygon or MultiPolygon (an outline, not a point or a line)',
    );
    expect(problems({ type: 'Polygon', coordinates: [square.slice(0, 4)] })).toEqual([
      'The area, outer ring is not closed: its last position must repeat its first',
    ]);
    expect(problems({ type: 'Polygon', coordinates: [[square[0], square[1], square[0]]] })[0]).toContain(
      'has 3 positions: a ring needs at least 4',
    );
    expect(
      problems({
        type: 'Polygon',
        coordinates: [
          [
            [458000, 302000],
            [459000, 302000],
            [459000, 303000],
            [458000, 302000],
          ],
        ],
      })[0],
    ).toContain('looks like eastings and northings: give longitude and latitude (WGS 84)');
    expect(problems({ type: 'Polygon', coordinates: [[[-1.2, 'x']]] })[0]).toContain(
      'position 1 is not a pair of numbers [longitude, latitude]',
    );
    expect(problems({ type: 'FeatureCollection', features: [] })).toEqual(['The FeatureCollection has no features']);
  });

  it('a point on the boundary is inside; just outside it is out', () => {
    const area = read(polygon);
    if (!area.ok) throw new Error('expected an area');
    expect(pointInArea(area.geometry, -1.2, 52.61)).toBe(true);
    expect(pointInArea(area.geometry, -1.19, 52.61)).toBe(true);
    expect(pointInArea(area.geometry, -1.21, 52.6)).toBe(true);
    expect(pointInArea(area.geometry, -1.18999, 52.61)).toBe(false);
  });

  describe('eligibility by the drawn area', () => {
    const area = { type: 'Polygon' as const, coordinates: [square as Array<[number, number]>] };
    const rules = { streets: [parseAreaStreet('High Street')!], area, threshold: 0 };
    const h = {
      reference: 'BF-1',
      address: '1 Station Road',
      street: 'Station Road',
      value: 20_000,
      occupied: true,
      ratepayer: 'Kestrel Café Ltd',
    };
    const areaReason = (e: ReturnType<typeof eligibility>) => e.reasons.find((r) => r.check === 'area');

    it('a hereditament with a location is in or out by the area, whatever its street', () => {
      const inside = eligibility({ ...h, location: { longitude: -1.2, latitude: 52.61 } }, rules);
      expect(inside.eligible).toBe(true);
      expect(areaReason(inside)?.reason).toBe(
        'Inside the area: its location (52.61000, -1.20000) is within the area drawn on the map',
      );
      const outside = eligibility(
        { ...h, address: '1 High Street', street: 'High Street', location: { longitude: -1.3, latitude: 52.61 } },
        rules,
      );
      expect(outside.eligible).toBe(false);
      expect(areaReason(outside)?.reason).toContain('is outside the area drawn on the map');
    });

    it('one without a location is judged by the streets, and says so', () => {
      const byStreet = eligibility({ ...h, address: '3 High Street', street: 'High Street' }, rules);
      expect(byStreet.eligible).toBe(true);
      expect(areaReason(byStreet)?.reason).toBe(
        'Inside the area: all of High Street is in it (no location on the rating list: judged by the streets)',
      );
      const noStreets = eligibility(h, { ...rules, streets: [] });
      expect(areaReason(noStreets)?.reason).toBe(
        'Outside the area: the rating list gives no location, and the area lists no streets',
      );
    });

    it('a hereditament named in the list is inside even where the area does not reach', () => {
      const named = eligibility(
        { ...h, location: { longitude: -1.3, latitude: 52.61 } },
        { ...rules, references: ['bf-1'] },
      );
      expect(named.eligible).toBe(true);
    });

    it('the demo’s drawn area agrees with its street list: Castle Street cut after 60, only the even side of Sheep Street', () => {
      const demo = { streets: [], area: DEMO_AREA_GEOJSON, threshold: 0 };
      const at = (x: number, y: number) => {
        const lat = 52.6 + y / 111_320;
        const lon = -1.2 + x / (111_320 * Math.cos((52.6 * Math.PI) / 180));
        return areaReason(eligibility({ ...h, location: { longitude: lon, latitude: lat } }, demo))?.passed;
      };
      expect(at(-30 - 60 * 5, -8)).toBe(true);
      expect(at(-30 - 61 * 5, 8)).toBe(false);
      expect(at(60, 192)).toBe(true);
      expect(at(60, 208)).toBe(false);
    });
  });
});

describe('levy', () => {
  const rules = { rateBp: 150, capPence: 500_000, charityReliefBp: 8000, emptyReliefBp: 5000, upliftBp: 300 };
  it('1.5% of £15,000 is £225.00; the cap applies above it', () => {
    expect(levyFor({ value: 15_000, occupied: true }, rules).levyPence).toBe(22_500);
    const big = levyFor({ value: 400_000, occupied: true }, rules);
    expect(big).toMatchObject({ grossPence: 600_000, capped: true, levyPence: 500_000 });
  });

  it('reliefs for charities and empty hereditaments, rounded to the penny once', () => {
    // 1.5% of £10,333 = £154.995; 80% off = £30.999 → £31.00
    expect(levyFor({ value: 10_333, occupied: true, charity: true }, rules).levyPence).toBe(3100);
    // 50% off £154.995 = £77.4975 → £77.50
    expect(levyFor({ value: 10_333, occupied: false }, rules).levyPence).toBe(7750);
    expect(levyFor({ value: 10_333, occupied: true }, rules).levyPence).toBe(15_500);
  });

  it('uplift compounds from the second year, and the cap still holds', () => {
    // £20,000 × 1.5% = £300; × 1.03 = £309; × 1.03² = £318.27
    expect(levyFor({ value: 20_000, occupied: true }, rules, 2).levyPence).toBe(30_900);
    expect(levyFor({ value: 20_000, occupied: true }, rules, 3).levyPence).toBe(31_827);
    expect(levyFor({ value: 400_000, occupied: true }, rules, 5).levyPence).toBe(500_000);
  });

  it('a minimum raises small levies', () => {
    expect(levyFor({ value: 10_000, occupied: true }, { rateBp: 100, minimumPence: 15_000 }).levyPence).toBe(15_000);
  });

  it('never more than the cap and never negative (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 1, max: 5 }),
        fc.boolean(),
        (value, rateBp, year, charity) => {
          const line = levyFor({ value, occupied: true, charity }, { ...rules, rateBp }, year);
          expect(line.levyPence).toBeGreaterThanOrEqual(0);
          expect(line.levyPence).toBeLessThanOrEqual(500_000);
        },
      ),
    );
  });
});

describe('ballot paper codes', () => {
  it('carry 80 bits from the alphabet and read back however typed', () => {
    const code = paperCode(new Uint8Array([255, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(CODE_LENGTH * Math.log2(CODE_ALPHABET.length)).toBe(80);
    expect(normaliseCode(code.toLowerCase().replace(/-/g, ' '))).toBe(code);
    expect(() => paperCode(new Uint8Array(9))).toThrow();
  });

  it('distinct random inputs give distinct codes (property)', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 10, maxLength: 10 }),
        fc.uint8Array({ minLength: 10, maxLength: 10 }),
        (a, b) => {
          if (Buffer.compare(Buffer.from(a), Buffer.from(b)) !== 0) expect(paperCode(a)).not.toBe(paperCode(b));
        },
      ),
    );
  });
});

describe('veto and complaints', () => {
  const ballot = { ballotOn: '2026-06-18', nation: 'England', approved: true, grounds: 'policy-conflict' };
  it('the veto is open from ballot day to the 14th working day after it, on the permitted grounds only', () => {
    expect(checkVeto({ ...ballot, decidedOn: '2026-06-18' })).toEqual([]);
    expect(checkVeto({ ...ballot, decidedOn: '2026-07-08' })).toEqual([]);
    expect(checkVeto({ ...ballot, decidedOn: '2026-07-09' })[0]?.message).toContain('the last day was 2026-07-08');
    expect(checkVeto({ ...ballot, decidedOn: '2026-06-17' })[0]?.message).toContain('before ballot day');
    expect(
      checkVeto({ ...ballot, decidedOn: '2026-06-20', grounds: 'we changed our mind' }).map((p) => p.field),
    ).toEqual(['grounds']);
    expect(checkVeto({ ...ballot, decidedOn: '2026-06-20', approved: false }).map((p) => p.field)).toEqual([
      'decidedOn',
    ]);
    // Over the August bank holiday the window stretches by a day in England, not in Scotland.
    const august = { ...ballot, ballotOn: '2026-08-20' };
    expect(checkVeto({ ...august, decidedOn: '2026-09-10' })).toEqual([]);
    expect(checkVeto({ ...august, nation: 'Scotland', decidedOn: '2026-09-10' })).toHaveLength(1);
  });

  it('a complaint within 28 days, by the proposer, the BID body or 5% of voters', () => {
    const base = { declaredOn: '2026-06-19', voted: 41, nation: 'Wales' };
    expect(checkComplaint({ ...base, madeOn: '2026-07-17', by: 'proposer' })).toEqual([]);
    expect(checkComplaint({ ...base, madeOn: '2026-07-18', by: 'bid-body' })[0]?.field).toBe('madeOn');
    expect(checkComplaint({ ...base, madeOn: '2026-07-01', by: 'voters', supporters: 3 })).toEqual([]);
    expect(checkComplaint({ ...base, madeOn: '2026-07-01', by: 'voters', supporters: 2 })[0]?.message).toContain(
      '3 of 41',
    );
    expect(checkComplaint({ ...base, madeOn: '2026-07-01', by: 'neighbour' })[0]?.field).toBe('by');
  });
});

describe('term', () => {
  it('ends the day before the anniversary, at most five years on', () => {
    expect(termEnd('2027-04-01', 5)).toBe('2032-03-31');
    expect(termEnd('2028-02-29', 1)).toBe('2029-02-28');
    expect(termEnd('2026-01-01', 1)).toBe('2026-12-31');
  });
});
