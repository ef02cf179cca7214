import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bankHolidaySet } from '../../core/bank-holidays.js';
import { isWorkingDay, plusDays, workingDaysFrom } from './calendar.js';
import { type ScheduleRequest, suggestMeetings } from './scheduler.js';

const EW = bankHolidaySet('england-and-wales', 2025, 2028);
const request = (over: Partial<ScheduleRequest> = {}): ScheduleRequest => ({
  partnershipId: 'csp',
  from: '2026-06-01',
  count: 4,
  spacingDays: 365 / 4,
  members: new Set(['police', 'council', 'county']),
  others: [],
  reportsDue: [],
  reportGap: 5,
  holidays: EW,
  ...over,
});

describe('the meeting scheduler', () => {
  it('gives one working day for each meeting of the pattern, a slot apart', () => {
    const dates = suggestMeetings(request()).map((s) => s.date);
    expect(dates).toHaveLength(4);
    expect(dates).toEqual([...dates].sort());
    for (const [i, day] of dates.entries()) {
      expect(isWorkingDay(day, EW)).toBe(true);
      if (i) expect(Number(new Date(day)) - Number(new Date(dates[i - 1] as string))).toBeGreaterThan(40 * 86_400_000);
    }
  });

  it('leaves out a slot already filled by a booked meeting, and suggests the others', () => {
    const dates = suggestMeetings(request()).map((s) => s.date);
    const booked = suggestMeetings(request({ booked: [dates[1] as string] })).map((s) => s.date);
    expect(booked).toEqual([dates[0], dates[2], dates[3]]);
  });

  it('moves off a day when a board sharing members already meets, and says which', () => {
    const first = suggestMeetings(request())[0]?.date as string;
    const busy = { date: first, partnershipId: 'lsp', name: 'LSP board', members: new Set(['police', 'county']) };
    const [moved] = suggestMeetings(request({ others: [busy] }));
    expect(moved?.date).not.toBe(first);
    expect(moved?.clashes).toEqual([]);
    expect(moved?.reason).toContain('No member organisation has another board that day');
    // A board with no member in common is no clash.
    const stranger = { ...busy, members: new Set(['chamber']) };
    expect(suggestMeetings(request({ others: [stranger] }))[0]?.date).toBe(first);
  });

  it('lands five working days before the report the meeting signs off', () => {
    const first = suggestMeetings(request())[0]?.date as string;
    const due = plusDays(first, 2);
    const [s] = suggestMeetings(request({ reportsDue: [due] }));
    expect(workingDaysFrom(s?.date as string, due, EW)).toBeGreaterThanOrEqual(5);
    expect(s?.reason).toMatch(/working days before the report due/);
  });

  it('never suggests a weekend, a bank holiday, a date before the start or the same day twice', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 700 }),
        fc.integer({ min: 1, max: 12 }),
        fc.array(fc.integer({ min: 0, max: 400 }), { maxLength: 30 }),
        (offset, count, busy) => {
          const from = plusDays('2025-01-01', offset);
          const others = busy.map((n, i) => ({
            date: plusDays(from, n),
            partnershipId: `p${i}`,
            name: `Board ${i}`,
            members: new Set(['police']),
          }));
          const dates = suggestMeetings(request({ from, count, spacingDays: 365 / count, others })).map((s) => s.date);
          expect(new Set(dates).size).toBe(dates.length);
          for (const day of dates) {
            expect(isWorkingDay(day, EW)).toBe(true);
            expect(day >= from).toBe(true);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
