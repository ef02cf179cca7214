/**
 * A calendar's events and their dates: RFC 5545 recurrence rules expanded by `rrule`, then
 * moved by working days (the gatekeeper's working-day arithmetic over this module's bank
 * holidays), then any single occurrence moved or cancelled. Pure: no database, no clock.
 */
import rrule from 'rrule';
import { addWorkingDays, workingDaysBetween } from '../gatekeeper/timing.js';

const { rrulestr } = rrule;

export const EVENT_KINDS = [
  'budget-setting',
  'plan-approval',
  'plan-refresh',
  'performance-review',
  'performance-report',
  'board-meeting',
  'statutory-deadline',
  'data-release',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const EVENT_KIND_LABELS: Record<EventKind, string> = {
  'budget-setting': 'Budget setting',
  'plan-approval': 'Plan approval',
  'plan-refresh': 'Plan refresh',
  'performance-review': 'Performance review',
  'performance-report': 'Performance report due',
  'board-meeting': 'Board meeting',
  'statutory-deadline': 'Statutory deadline',
  'data-release': 'Data release',
};

/** How far an occurrence may move when the calendars are aligned. */
export const MOVABILITY = ['fixed', 'within-month', 'within-days'] as const;
export type Movability = (typeof MOVABILITY)[number];

export interface CalendarEvent {
  id: string;
  ownerKind: 'organisation' | 'partnership';
  ownerId: string;
  ownerName: string;
  kind: EventKind;
  title: string;
  /** The first date (YYYY-MM-DD): DTSTART of the rule, or the one date of a one-off event. */
  startsOn: string;
  /** An RFC 5545 RRULE value (FREQ=MONTHLY;BYDAY=2TU), or null for a one-off event. */
  recurrence: string | null;
  /** Working days to move each date by (negative: earlier), skipping weekends and bank holidays. */
  workingDayOffset: number;
  /** Local time in London (HH:MM), or null for an all-day event. */
  startTime: string | null;
  movability: Movability;
  windowDays: number;
  restricted: boolean;
  themes: string[];
  /** For a data release: the indicator codes it publishes, as the indicator library spells them. */
  indicatorCodes?: string[];
}

export interface Occurrence {
  /** The event's id and the date the rule gave, which stays the occurrence's name when it moves. */
  key: string;
  eventId: string;
  event: CalendarEvent;
  originalDate: string;
  date: string;
  /** The instant it starts, for timed events (London time, clock changes included). */
  startsAt: Date | null;
  windowFrom: string;
  windowTo: string;
}

const DAY_MS = 86_400_000;
export const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;
export const dayOf = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);
export const plusDays = (day: string, n: number) => dayOf(dayNumber(day) + n);
export const daysBetween = (from: string, to: string) => dayNumber(to) - dayNumber(from);
const noon = (day: string) => new Date(`${day}T12:00:00Z`);

export function isWorkingDay(day: string, holidays: ReadonlySet<string>): boolean {
  const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
  return dow !== 0 && dow !== 6 && !holidays.has(day);
}

/** The date `n` working days after (or, negative, before) `day`. */
export function shiftWorkingDays(day: string, n: number, holidays: ReadonlySet<string>): string {
  if (n >= 0) return addWorkingDays(noon(day), n, holidays).toISOString().slice(0, 10);
  let at = day;
  for (let left = -n; left > 0;) {
    at = plusDays(at, -1);
    if (isWorkingDay(at, holidays)) left--;
  }
  return at;
}

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysFrom(from: string, to: string, holidays: ReadonlySet<string>): number {
  return workingDaysBetween(noon(from), noon(to), holidays);
}

const LONDON_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** The instant of a London wall-clock time on a date: 18:00 is 17:00 UTC in summer, 18:00 in winter. */
export function londonInstant(day: string, time: string): Date {
  const wanted = Date.parse(`${day}T${time}:00Z`);
  let guess = wanted;
  for (let i = 0; i < 2; i++) {
    const parts = Object.fromEntries(LONDON_PARTS.formatToParts(new Date(guess)).map((p) => [p.type, p.value]));
    const shown = Date.parse(`${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:00Z`);
    guess += wanted - shown;
  }
  return new Date(guess);
}

/** Checks an RRULE value; the message says what is wrong, or null when it is good. */
export function recurrenceProblem(recurrence: string): string | null {
  try {
    const rule = rrulestr(`DTSTART:20260101T000000Z\nRRULE:${recurrence}`);
    if (!('origOptions' in rule)) return 'Enter one RRULE';
    const freq = (rule as InstanceType<typeof rrule.RRule>).options.freq;
    if (freq > rrule.RRule.DAILY) return 'Repeat at most daily';
    return null;
  } catch (error) {
    return `Enter a recurrence rule such as FREQ=MONTHLY;BYDAY=2TU (${(error as Error).message})`;
  }
}

/** The dates the rule gives from `from` to `to` inclusive, before any working-day offset. */
function ruleDates(event: CalendarEvent, from: string, to: string): string[] {
  if (!event.recurrence) return event.startsOn >= from && event.startsOn <= to ? [event.startsOn] : [];
  const start = event.startsOn.replace(/-/g, '');
  const rule = rrulestr(`DTSTART:${start}T000000Z\nRRULE:${event.recurrence}`);
  const dates = rule.between(new Date(`${from}T00:00:00Z`), new Date(`${to}T00:00:00Z`), true, (_d, i) => i < 1000);
  return dates.map((d) => d.toISOString().slice(0, 10));
}

export function windowOf(event: CalendarEvent, day: string): { from: string; to: string } {
  if (event.movability === 'fixed') return { from: day, to: day };
  if (event.movability === 'within-month') {
    const first = `${day.slice(0, 7)}-01`;
    const [y, m] = [Number(day.slice(0, 4)), Number(day.slice(5, 7))];
    return { from: first, to: new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10) };
  }
  return { from: plusDays(day, -event.windowDays), to: plusDays(day, event.windowDays) };
}

export interface Change {
  /** The new date, or null when the occurrence is cancelled. */
  date: string | null;
}

/**
 * Every occurrence of the events dated from `from` to `to` inclusive, in date order. A working
 * day offset may carry a rule's date across the range's edge, so the rule is read a margin wider.
 */
export function occurrences(
  events: readonly CalendarEvent[],
  from: string,
  to: string,
  holidays: ReadonlySet<string>,
  changes: ReadonlyMap<string, Change> = new Map(),
): Occurrence[] {
  const out: Occurrence[] = [];
  for (const event of events) {
    const margin = Math.ceil(Math.abs(event.workingDayOffset) * 1.6) + 14;
    for (const ruled of ruleDates(event, plusDays(from, -margin), plusDays(to, margin))) {
      const originalDate = event.workingDayOffset ? shiftWorkingDays(ruled, event.workingDayOffset, holidays) : ruled;
      const key = `${event.id}@${originalDate}`;
      const change = changes.get(key);
      if (change && change.date === null) continue;
      const date = change?.date ?? originalDate;
      if (date < from || date > to) continue;
      const window = windowOf(event, originalDate);
      out.push({
        key,
        eventId: event.id,
        event,
        originalDate,
        date,
        startsAt: event.startTime ? londonInstant(date, event.startTime) : null,
        windowFrom: window.from,
        windowTo: window.to,
      });
    }
  }
  return out.sort((a, b) => a.date.localeCompare(b.date) || a.event.ownerName.localeCompare(b.event.ownerName));
}

/** The financial year containing `day`, starting in `startMonth` (4: April to March). */
export function financialYear(day: string, startMonth = 4): { from: string; to: string; label: string } {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  const first = month >= startMonth ? year : year - 1;
  const from = `${first}-${String(startMonth).padStart(2, '0')}-01`;
  const to = plusDays(`${startMonth === 1 ? first + 1 : first + 1}-${String(startMonth).padStart(2, '0')}-01`, -1);
  const label = startMonth === 1 ? String(first) : `${first} to ${first + 1}`;
  return { from, to, label };
}
