import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bankHolidaySet, bankHolidaysIn, easterSunday, nationOf } from '../../core/bank-holidays.js';
import {
  type CalendarEvent,
  financialYear,
  isWorkingDay,
  londonInstant,
  occurrences,
  plusDays,
  shiftWorkingDays,
  workingDaysFrom,
} from './calendar.js';

const event = (over: Partial<CalendarEvent>): CalendarEvent => ({
  id: 'e1',
  ownerKind: 'partnership',
  ownerId: 'p1',
  ownerName: 'Board',
  kind: 'board-meeting',
  title: 'Board meeting',
  startsOn: '2026-01-01',
  recurrence: null,
  workingDayOffset: 0,
  startTime: null,
  movability: 'within-month',
  windowDays: 0,
  restricted: false,
  themes: [],
  ...over,
});
/** As announced on GOV.UK for 2025 to 2027, substitute days included. */
const ANNOUNCED_ENGLAND_AND_WALES = [
  '2025-01-01',
  '2025-04-18',
  '2025-04-21',
  '2025-05-05',
  '2025-05-26',
  '2025-08-25',
  '2025-12-25',
  '2025-12-26',
  '2026-01-01',
  '2026-04-03',
  '2026-04-06',
  '2026-05-04',
  '2026-05-25',
  '2026-08-31',
  '2026-12-25',
  '2026-12-28',
  '2027-01-01',
  '2027-03-26',
  '2027-03-29',
  '2027-05-03',
  '2027-05-31',
  '2027-08-30',
  '2027-12-27',
  '2027-12-28',
];
const EW = bankHolidaySet('england-and-wales', 2020, 2030);

describe('bank holidays for every year and nation', () => {
  it('agrees with the list announced for England and Wales, 2025 to 2027', () => {
    const computed = [2025, 2026, 2027].flatMap((y) => bankHolidaysIn('england-and-wales', y));
    expect(computed).toEqual(ANNOUNCED_ENGLAND_AND_WALES);
  });

  it('finds Easter by the computus', () => {
    expect(['2024', '2025', '2026', '2027', '2038'].map((y) => easterSunday(Number(y)))).toEqual([
      '2024-03-31',
      '2025-04-20',
      '2026-04-05',
      '2027-03-28',
      '2038-04-25',
    ]);
  });

  it('gives Scotland 2 January and St Andrew’s Day, with substitutes, and no Easter Monday', () => {
    const scotland2022 = bankHolidaysIn('scotland', 2022);
    // 1 and 2 January 2022 were a Saturday and Sunday: Monday 3 and Tuesday 4 January.
    expect(scotland2022).toContain('2022-01-03');
    expect(scotland2022).toContain('2022-01-04');
    expect(scotland2022).toContain('2022-08-01');
    expect(scotland2022).not.toContain('2022-04-18');
    // St Andrew’s Day 2025 is a Sunday: Monday 1 December.
    expect(bankHolidaysIn('scotland', 2025)).toContain('2025-12-01');
  });

  it('gives Northern Ireland St Patrick’s Day and the Boyne, moved off a weekend', () => {
    const ni = bankHolidaysIn('northern-ireland', 2025);
    expect(ni).toContain('2025-03-17');
    expect(ni).toContain('2025-07-14');
    expect(bankHolidaysIn('northern-ireland', 2026)).toContain('2026-03-17');
  });

  it('applies the announced one-off changes from the data file', () => {
    const ew2022 = bankHolidaysIn('england-and-wales', 2022);
    expect(ew2022).toEqual(expect.arrayContaining(['2022-06-02', '2022-06-03', '2022-09-19']));
    expect(ew2022).not.toContain('2022-05-30');
    expect(bankHolidaysIn('scotland', 2023)).toContain('2023-05-08');
    expect(bankHolidaysIn('england-and-wales', 2020)).toContain('2020-05-08');
    expect(bankHolidaysIn('england-and-wales', 2020)).not.toContain('2020-05-04');
  });

  it('gives England and Wales eight holidays every ordinary year, each a weekday', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2100 }), (year) => {
        const days = bankHolidaysIn('england-and-wales', year);
        if (![1999, 2002, 2011, 2012, 2022, 2023].includes(year)) expect(days).toHaveLength(8);
        for (const day of days) expect(isWorkingDay(day, new Set())).toBe(true);
      }),
    );
  });

  it('reads the register’s nation names', () => {
    expect(nationOf('Scotland')).toBe('scotland');
    expect(nationOf('Northern Ireland')).toBe('northern-ireland');
    expect(nationOf('Wales')).toBe('england-and-wales');
  });
});

describe('working days', () => {
  it('skips Christmas, Boxing Day’s substitute and New Year across the year end', () => {
    // Thursday 24 December 2026 + 1 working day: Christmas (Fri), the weekend, the substitute
    // for Boxing Day (Mon 28) all pass: Tuesday 29 December.
    expect(shiftWorkingDays('2026-12-24', 1, EW)).toBe('2026-12-29');
    expect(shiftWorkingDays('2026-12-31', 1, EW)).toBe('2027-01-04');
    expect(shiftWorkingDays('2027-01-04', -1, EW)).toBe('2026-12-31');
    expect(workingDaysFrom('2026-12-24', '2027-01-04', EW)).toBe(4);
  });

  it('moves forward then back to the same working day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1, max: 60 }), (offset, n) => {
        let day = plusDays('2021-01-01', offset);
        while (!isWorkingDay(day, EW)) day = plusDays(day, 1);
        const later = shiftWorkingDays(day, n, EW);
        expect(isWorkingDay(later, EW)).toBe(true);
        expect(workingDaysFrom(day, later, EW)).toBe(n);
        expect(shiftWorkingDays(later, -n, EW)).toBe(day);
      }),
    );
  });
});

describe('recurrence', () => {
  it('expands an RRULE across a year end', () => {
    const monthly = event({ recurrence: 'FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2', startsOn: '2026-10-01' });
    expect(occurrences([monthly], '2026-11-01', '2027-02-28', EW).map((o) => o.date)).toEqual([
      '2026-11-10',
      '2026-12-08',
      '2027-01-12',
      '2027-02-09',
    ]);
  });

  it('moves each date by working days, skipping bank holidays, and names it by the moved date', () => {
    // Ten working days after each quarter's end: New Year's Day 2027 is skipped (15 January,
    // not 14); Easter 2027 (26 and 29 March) falls before the quarter's end and is not.
    const report = event({
      id: 'r',
      kind: 'performance-report',
      recurrence: 'FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1',
      startsOn: '2026-06-30',
      workingDayOffset: 10,
    });
    const dates = occurrences([report], '2026-07-01', '2027-06-30', EW).map((o) => o.date);
    expect(dates).toEqual(['2026-07-14', '2026-10-14', '2027-01-15', '2027-04-14']);
    expect(occurrences([report], '2026-07-01', '2026-07-31', EW)[0]?.key).toBe('r@2026-07-14');
  });

  it('keeps a London evening meeting at 6pm on both sides of the clock change', () => {
    const meeting = event({ recurrence: 'FREQ=WEEKLY;BYDAY=TH', startsOn: '2027-03-18', startTime: '18:00' });
    const found = occurrences([meeting], '2027-03-18', '2027-04-01', EW);
    expect(found.map((o) => o.startsAt?.toISOString())).toEqual([
      '2027-03-18T18:00:00.000Z',
      '2027-03-25T18:00:00.000Z',
      '2027-04-01T17:00:00.000Z',
    ]);
    expect(londonInstant('2026-10-25', '09:30').toISOString()).toBe('2026-10-25T09:30:00.000Z');
    expect(londonInstant('2026-10-24', '09:30').toISOString()).toBe('2026-10-24T08:30:00.000Z');
  });

  it('moves or cancels one occurrence without touching the rest', () => {
    const monthly = event({ recurrence: 'FREQ=MONTHLY;BYMONTHDAY=15', startsOn: '2026-01-15' });
    const changes = new Map([
      ['e1@2026-02-15', { date: '2026-02-18' }],
      ['e1@2026-03-15', { date: null }],
    ]);
    const found = occurrences([monthly], '2026-01-01', '2026-04-30', EW, changes);
    expect(found.map((o) => [o.key, o.date])).toEqual([
      ['e1@2026-01-15', '2026-01-15'],
      ['e1@2026-02-15', '2026-02-18'],
      ['e1@2026-04-15', '2026-04-15'],
    ]);
    expect(found[1]).toMatchObject({ windowFrom: '2026-02-01', windowTo: '2026-02-28' });
  });

  it('dates a one-off event once', () => {
    expect(occurrences([event({ startsOn: '2026-05-05' })], '2026-04-01', '2027-03-31', EW)).toHaveLength(1);
    expect(occurrences([event({ startsOn: '2027-05-05' })], '2026-04-01', '2027-03-31', EW)).toHaveLength(0);
  });

  it('knows the financial year', () => {
    expect(financialYear('2027-02-01')).toEqual({ from: '2026-04-01', to: '2027-03-31', label: '2026 to 2027' });
    expect(financialYear('2026-04-01')).toMatchObject({ from: '2026-04-01' });
    expect(financialYear('2026-09-01', 1)).toEqual({ from: '2026-01-01', to: '2026-12-31', label: '2026' });
  });
});
