import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_COST_RATES, mergedCost, resolveRates, yearlyCost } from './costs.js';
import type { Sector } from './types.js';

const sectors: Record<string, Sector> = {
  council: 'public',
  police: 'public',
  club: 'community',
  firm: 'private',
  charity: 'voluntary',
};
const sectorOf = (id: string) => sectors[id];
const rates = resolveRates();

describe('the yearly transaction cost of a partnership', () => {
  it('is meetings × attendees × (meeting hours + preparation hours) × hourly cost, in pence', () => {
    // 10 meetings × 12 people × (2 h + 2 h preparation) × £45 = £21,600.
    const cost = yearlyCost(
      { meetingsPerYear: 10, meetingMinutes: 120, typicalAttendance: 12, memberOrganisationIds: ['council', 'police'] },
      sectorOf,
      rates,
    );
    expect(cost).toEqual({ pence: 2_160_000, estimated: false });
  });

  it('costs attendees at their organisations’ sector rates', () => {
    // Half public (£45), half community (£17): £31 an hour on average.
    const cost = yearlyCost(
      { meetingsPerYear: 10, meetingMinutes: 120, typicalAttendance: 12, memberOrganisationIds: ['council', 'club'] },
      sectorOf,
      rates,
    );
    expect(cost.pence).toBe(10 * 12 * 4 * 3_100);
  });

  it('uses the editable rates', () => {
    const custom = resolveRates({ hourlyPenceBySector: { public: 5_000 }, preparationHoursPerMeeting: 1 });
    const cost = yearlyCost(
      { meetingsPerYear: 4, meetingMinutes: 180, typicalAttendance: 10, memberOrganisationIds: ['council'] },
      sectorOf,
      custom,
    );
    expect(cost.pence).toBe(4 * 10 * 4 * 5_000);
    expect(custom.hourlyPenceBySector.private).toBe(DEFAULT_COST_RATES.hourlyPenceBySector.private);
  });

  it('falls back to the default pattern when one is missing, and says so', () => {
    const cost = yearlyCost(
      {
        meetingsPerYear: null,
        meetingMinutes: null,
        typicalAttendance: null,
        memberOrganisationIds: ['council', 'police', 'firm'],
      },
      sectorOf,
      rates,
    );
    // 6 meetings × 3 attendees (one per organisation) × 4 hours × mean of £45, £45, £60.
    expect(cost).toEqual({ pence: 6 * 3 * 4 * 5_000, estimated: true });
  });

  it('does not call a recorded meeting pattern an estimate when only the attendance is missing', () => {
    // An imported register often has meetings a year and their length but no attendance.
    const cost = yearlyCost(
      { meetingsPerYear: 4, meetingMinutes: 90, typicalAttendance: null, memberOrganisationIds: ['council', 'police'] },
      sectorOf,
      rates,
    );
    // 4 meetings × 2 attendees (one per organisation) × 3.5 hours × £45.
    expect(cost).toEqual({ pence: 4 * 2 * 3.5 * 4_500, estimated: false });
  });

  it('is a whole number of pence, never negative, and grows with the number of meetings', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 52 }),
        fc.integer({ min: 0, max: 480 }),
        fc.integer({ min: 0, max: 40 }),
        fc.subarray(Object.keys(sectors)),
        (meetings, minutes, attendance, members) => {
          const base = {
            meetingsPerYear: meetings,
            meetingMinutes: minutes,
            typicalAttendance: attendance,
            memberOrganisationIds: members,
          };
          const cost = yearlyCost(base, sectorOf, rates).pence;
          expect(Number.isInteger(cost)).toBe(true);
          expect(cost).toBeGreaterThanOrEqual(0);
          expect(yearlyCost({ ...base, meetingsPerYear: meetings + 1 }, sectorOf, rates).pence).toBeGreaterThanOrEqual(
            cost,
          );
        },
      ),
    );
  });

  it('prices a merged board on the keeper’s pattern with everyone from both boards', () => {
    const keeper = {
      meetingsPerYear: 6,
      meetingMinutes: 120,
      typicalAttendance: 10,
      memberOrganisationIds: ['council', 'police'],
    };
    const absorbed = {
      meetingsPerYear: 12,
      meetingMinutes: 120,
      typicalAttendance: 8,
      memberOrganisationIds: ['police', 'charity'],
    };
    // Three organisations instead of two: 15 attendees; mean rate (45 + 45 + 30) / 3 = £40.
    expect(mergedCost(keeper, [absorbed], sectorOf, rates).pence).toBe(6 * 15 * 4 * 4_000);
  });

  it('rejects rates that are not whole pence or are negative', () => {
    expect(() => resolveRates({ hourlyPenceBySector: { public: 45.5 } })).toThrow(RangeError);
    expect(() => resolveRates({ preparationHoursPerMeeting: -1 })).toThrow(RangeError);
    expect(() => resolveRates({ nestedMeetingShare: 2 })).toThrow(RangeError);
  });
});
