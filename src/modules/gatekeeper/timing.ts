/**
 * Time in each state, service levels in working days, and the gatekeeper statistics: pure
 * functions over a proposal's events, so they are tested without a database.
 *
 * Working days are Monday to Friday less the locality's bank holidays (bank-holidays.ts),
 * counted on London calendar dates: the working days after one date up to and including
 * another. (date-fns's
 * business-day difference was tried and dropped: from a Saturday it counts differently from
 * its own add, so a weekend submission could never reach its due date; the property test in
 * workflow.test.ts holds the two together.)
 */
import { todayInLondon } from '../../core/dates.js';
import { AWAITING_GATEKEEPER, type DecisionOutcome, type State, isState } from './workflow.js';

export const DEFAULT_SERVICE_LEVEL_DAYS = 20;

export interface StateEvent {
  toStatus: string;
  occurredAt: Date;
}

export interface StateSpan {
  state: State;
  from: Date;
  /** Null while the proposal is still in this state. */
  to: Date | null;
  days: number;
  workingDays: number;
}

const DAY_MS = 86_400_000;

/** Each stay in a state, in order, from the proposal's events (oldest first). */
export function stateSpans(
  events: readonly StateEvent[],
  now: Date,
  holidays: ReadonlySet<string> = NO_HOLIDAYS,
): StateSpan[] {
  const ordered = [...events].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  return ordered.flatMap((event, i) => {
    if (!isState(event.toStatus)) return [];
    const end = ordered[i + 1]?.occurredAt ?? null;
    const until = end ?? now;
    return [
      {
        state: event.toStatus,
        from: event.occurredAt,
        to: end,
        days: (until.getTime() - event.occurredAt.getTime()) / DAY_MS,
        workingDays: workingDaysBetween(event.occurredAt, until, holidays),
      },
    ];
  });
}

/** Total time spent in each state, in days (fractional) and whole working days. */
export function timeInStates(
  events: readonly StateEvent[],
  now: Date,
  holidays: ReadonlySet<string> = NO_HOLIDAYS,
): Array<{ state: State; days: number; workingDays: number }> {
  const totals = new Map<State, { days: number; workingDays: number }>();
  for (const span of stateSpans(events, now, holidays)) {
    const total = totals.get(span.state) ?? { days: 0, workingDays: 0 };
    totals.set(span.state, { days: total.days + span.days, workingDays: total.workingDays + span.workingDays });
  }
  return [...totals].map(([state, t]) => ({ state, ...t }));
}

/** Days since 1 January 1970 of the date in London. */
function londonDay(d: Date): number {
  return Date.parse(`${todayInLondon(d)}T00:00:00Z`) / DAY_MS;
}

/** 1 January 1970 was a Thursday. */
function isWeekday(day: number): boolean {
  const dow = (((day + 4) % 7) + 7) % 7;
  return dow >= 1 && dow <= 5;
}

const NO_HOLIDAYS: ReadonlySet<string> = new Set();

function isoOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Working days after `from`'s date up to and including `to`'s. */
export function workingDaysBetween(from: Date, to: Date, holidays: ReadonlySet<string> = NO_HOLIDAYS): number {
  const a = londonDay(from);
  const b = londonDay(to);
  if (b <= a) return 0;
  const weeks = Math.floor((b - a) / 7);
  let count = weeks * 5;
  for (let day = a + weeks * 7 + 1; day <= b; day++) if (isWeekday(day)) count++;
  for (const holiday of holidays) {
    const day = Date.parse(`${holiday}T00:00:00Z`) / DAY_MS;
    if (day > a && day <= b && isWeekday(day)) count--;
  }
  return count;
}

/** The date (midnight UTC) `days` working days after `from`'s date in London. */
export function addWorkingDays(from: Date, days: number, holidays: ReadonlySet<string> = NO_HOLIDAYS): Date {
  let day = londonDay(from);
  for (let left = days; left > 0;) {
    day++;
    if (isWeekday(day) && !holidays.has(isoOf(day))) left--;
  }
  return new Date(day * DAY_MS);
}

export interface ReviewClock {
  /** When the proposal last came to the gatekeeper (submitted or resubmitted). */
  since: Date;
  due: Date;
  workingDaysWaiting: number;
  overdue: boolean;
}

/**
 * The service level clock: it starts when the proposal reaches the gatekeeper and starts again
 * when it comes back with more information; while the proposer is answering, nothing is due.
 */
export function reviewClock(
  status: State,
  events: readonly StateEvent[],
  serviceLevelDays: number,
  now: Date,
  holidays: ReadonlySet<string> = NO_HOLIDAYS,
): ReviewClock | null {
  if (!AWAITING_GATEKEEPER.includes(status)) return null;
  const arrivals = events
    .filter((e) => e.toStatus === 'submitted' || e.toStatus === 'resubmitted')
    .map((e) => e.occurredAt);
  const since = arrivals.sort((a, b) => b.getTime() - a.getTime())[0];
  if (!since) return null;
  const due = addWorkingDays(since, serviceLevelDays, holidays);
  const workingDaysWaiting = workingDaysBetween(since, now, holidays);
  return { since, due, workingDaysWaiting, overdue: workingDaysWaiting > serviceLevelDays };
}

export interface DecidedProposal {
  outcome: DecisionOutcome;
  themes: string[];
  submittedAt: Date;
  decidedAt: Date;
  diversion: 'single-organisation' | 'joint-working' | 'existing-partnership' | 'none' | null;
  yearlyCostPence: number;
}

export interface GatekeeperStatistics {
  decided: number;
  byOutcome: Array<{ outcome: DecisionOutcome; count: number }>;
  byTheme: Array<{ theme: string; approved: number; rejected: number; total: number }>;
  /** Median calendar days from first submission to decision; null with nothing decided. */
  medianDecisionDays: number | null;
  medianDecisionWorkingDays: number | null;
  /** Rejected proposals whose work went to a single organisation or an existing partnership. */
  diverted: { singleOrganisation: number; jointWorking: number; existingPartnership: number; share: number };
  /** Partnerships not created (rejections) and their estimated running cost a year. */
  avoided: { partnerships: number; yearlyCostPence: number };
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function gatekeeperStatistics(
  decided: readonly DecidedProposal[],
  holidays: ReadonlySet<string> = NO_HOLIDAYS,
): GatekeeperStatistics {
  const outcomes: DecisionOutcome[] = ['approved', 'approved-with-conditions', 'rejected'];
  const themes = new Map<string, { approved: number; rejected: number; total: number }>();
  for (const p of decided) {
    for (const theme of p.themes.length ? p.themes : ['(no theme)']) {
      const t = themes.get(theme) ?? { approved: 0, rejected: 0, total: 0 };
      t.total++;
      if (p.outcome === 'rejected') t.rejected++;
      else t.approved++;
      themes.set(theme, t);
    }
  }
  const rejected = decided.filter((p) => p.outcome === 'rejected');
  const count = (d: DecidedProposal['diversion']) => rejected.filter((p) => p.diversion === d).length;
  const singleOrganisation = count('single-organisation');
  const existingPartnership = count('existing-partnership');
  const jointWorking = count('joint-working');
  return {
    decided: decided.length,
    byOutcome: outcomes.map((outcome) => ({ outcome, count: decided.filter((p) => p.outcome === outcome).length })),
    byTheme: [...themes]
      .map(([theme, t]) => ({ theme, ...t }))
      .sort((a, b) => b.total - a.total || a.theme.localeCompare(b.theme)),
    medianDecisionDays: median(decided.map((p) => (p.decidedAt.getTime() - p.submittedAt.getTime()) / DAY_MS)),
    medianDecisionWorkingDays: median(decided.map((p) => workingDaysBetween(p.submittedAt, p.decidedAt, holidays))),
    diverted: {
      singleOrganisation,
      jointWorking,
      existingPartnership,
      share: decided.length ? (singleOrganisation + existingPartnership) / decided.length : 0,
    },
    avoided: {
      partnerships: rejected.length,
      yearlyCostPence: rejected.reduce((sum, p) => sum + p.yearlyCostPence, 0),
    },
  };
}
