/**
 * UK bank holidays for every year and every nation, from the rules and announced changes in
 * bank-holidays.json (a data file: a new one-off holiday is a line there, not a code change).
 * Every working-day count in the product skips them by the locality's nation: the gatekeeper's
 * service level, planning cycles and BID ballot timetables. The arithmetic itself is the
 * gatekeeper's (`gatekeeper/timing.ts`), given the set `bankHolidaysFor` returns.
 */
import { readFileSync } from 'node:fs';

export type Nation = 'england-and-wales' | 'scotland' | 'northern-ireland';

interface HolidayFile {
  nations: Record<Nation, string[]>;
  changes: Array<{ nations: 'all' | Nation[]; add?: string; remove?: string; reason: string }>;
}

const FILE = JSON.parse(readFileSync(new URL('./bank-holidays.json', import.meta.url), 'utf8')) as HolidayFile;

const DAY_MS = 86_400_000;
const iso = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);
const dow = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();
const plusDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/** Easter Sunday (Gregorian), by the anonymous computus. */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return iso(year, month, day);
}

/** The first (n = 1) or last (n = -1) Monday of a month. */
function monday(year: number, month: number, n: 1 | -1): string {
  if (n === 1) {
    const first = iso(year, month, 1);
    return plusDays(first, (8 - dow(first)) % 7);
  }
  const last = iso(year, month + 1, 0);
  return plusDays(last, -((dow(last) + 6) % 7));
}

const FIXED: Record<string, [number, number]> = {
  'new-year': [1, 1],
  'second-january': [1, 2],
  'st-patricks-day': [3, 17],
  'battle-of-the-boyne': [7, 12],
  'st-andrews-day': [11, 30],
  christmas: [12, 25],
  'boxing-day': [12, 26],
};

function movable(rule: string, year: number): string {
  switch (rule) {
    case 'good-friday':
      return plusDays(easterSunday(year), -2);
    case 'easter-monday':
      return plusDays(easterSunday(year), 1);
    case 'early-may':
      return monday(year, 5, 1);
    case 'spring':
      return monday(year, 5, -1);
    case 'summer-first-monday-august':
      return monday(year, 8, 1);
    case 'summer-last-monday-august':
      return monday(year, 8, -1);
    default:
      throw new Error(`Unknown bank holiday rule: ${rule}`);
  }
}

/** One nation's bank holidays in one year, as YYYY-MM-DD, in date order. */
export function bankHolidaysIn(nation: Nation, year: number): string[] {
  const rules = FILE.nations[nation];
  const taken = new Set<string>();
  const weekend: string[] = [];
  for (const rule of rules) {
    const fixed = FIXED[rule];
    const day = fixed ? iso(year, fixed[0], fixed[1]) : movable(rule, year);
    if (fixed && (dow(day) === 0 || dow(day) === 6)) weekend.push(day);
    else taken.add(day);
  }
  // A fixed holiday at a weekend moves to the next weekday not already a holiday, in date order
  // (Christmas on a Saturday: Monday; Boxing Day on the Sunday after it: Tuesday).
  for (const day of weekend.sort()) {
    let substitute = plusDays(day, 1);
    while (dow(substitute) === 0 || dow(substitute) === 6 || taken.has(substitute))
      substitute = plusDays(substitute, 1);
    taken.add(substitute);
  }
  for (const change of FILE.changes) {
    if (change.nations !== 'all' && !change.nations.includes(nation)) continue;
    if (change.remove?.startsWith(String(year))) taken.delete(change.remove);
    if (change.add?.startsWith(String(year))) taken.add(change.add);
  }
  return [...taken].sort();
}

const cache = new Map<string, ReadonlySet<string>>();

/** Every bank holiday of the nation in the years from `first` to `last`, for the working-day functions. */
export function bankHolidaySet(nation: Nation, first: number, last: number): ReadonlySet<string> {
  const key = `${nation}:${first}:${last}`;
  let set = cache.get(key);
  if (!set) {
    const days: string[] = [];
    for (let year = first; year <= last; year++) days.push(...bankHolidaysIn(nation, year));
    set = new Set(days);
    cache.set(key, set);
  }
  return set;
}

/** The holiday calendar of a locality's nation as the register names it (England, Wales, Scotland, Northern Ireland). */
export function nationOf(registerNation: string): Nation {
  if (registerNation === 'Scotland') return 'scotland';
  if (registerNation === 'Northern Ireland') return 'northern-ireland';
  return 'england-and-wales';
}

/** Why a one-off holiday was added or moved, for the reason shown beside it. */
export function changeReason(day: string): string | undefined {
  return FILE.changes.find((c) => c.add === day)?.reason;
}

/** The years bankHolidaysFor covers: from the first year the data file's changes go back to, well ahead. */
export const BANK_HOLIDAY_YEARS = { first: 1999, last: 2100 } as const;

/** The bank holidays a locality's working days skip, by its nation as the register names it. */
export function bankHolidaysFor(registerNation: string): ReadonlySet<string> {
  return bankHolidaySet(nationOf(registerNation), BANK_HOLIDAY_YEARS.first, BANK_HOLIDAY_YEARS.last);
}
