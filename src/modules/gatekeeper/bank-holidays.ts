/**
 * Bank holidays in England and Wales, 2025 to 2027, as announced (substitute days included:
 * Boxing Day 2026 falls on a Saturday, so Monday 28 December is the holiday; Christmas and
 * Boxing Day 2027 fall at a weekend, so Monday 27 and Tuesday 28 December are). Scotland and
 * Northern Ireland have their own, not listed yet: their localities count weekends only. Add
 * each new year here when it is announced; outside these years only weekends are skipped.
 */
export const ENGLAND_AND_WALES_BANK_HOLIDAYS: ReadonlySet<string> = new Set([
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
]);

export const BANK_HOLIDAY_YEARS = { first: 2025, last: 2027 } as const;

const NONE: ReadonlySet<string> = new Set();

/** The bank holidays a locality's working days skip, by its nation. */
export function bankHolidaysFor(nation: string): ReadonlySet<string> {
  return nation === 'England' || nation === 'Wales' ? ENGLAND_AND_WALES_BANK_HOLIDAYS : NONE;
}
