/**
 * The meeting scheduler: dates for a partnership's next meetings, spread through the period at
 * its meeting pattern, each on a working day that no other board of its member organisations
 * already holds, and early enough before the reports the meeting signs off. Pure.
 */
import { formatDate } from '../../core/dates.js';
import { isWorkingDay, plusDays, workingDaysFrom } from './calendar.js';

export interface OtherMeeting {
  date: string;
  partnershipId: string;
  name: string;
  members: ReadonlySet<string>;
}

export interface ScheduleRequest {
  partnershipId: string;
  /** The first date a meeting may be on. */
  from: string;
  count: number;
  /** Days between meetings: 365 over the meetings a year. */
  spacingDays: number;
  members: ReadonlySet<string>;
  others: readonly OtherMeeting[];
  /** Dates of the reports the partnership's meetings sign off (its own reports to its parent). */
  reportsDue: readonly string[];
  /** Working days a meeting must come before a report it signs off. */
  reportGap: number;
  holidays: ReadonlySet<string>;
  /** Dates the partnership's meetings are already booked or held on: a slot with one is filled. */
  booked?: readonly string[];
}

export interface Suggestion {
  date: string;
  clashes: Array<{ name: string; shared: number }>;
  report: { due: string; workingDaysBefore: number } | null;
  reason: string;
}

/** The next meetings, one for each slot of the pattern, best first by: no clash, before the report, near the slot. */
export function suggestMeetings(request: ScheduleRequest): Suggestion[] {
  const { from, count, spacingDays, members, holidays, reportGap } = request;
  const others = request.others.filter((o) => o.partnershipId !== request.partnershipId);
  const reach = Math.max(3, Math.floor(spacingDays / 3));
  const out: Suggestion[] = [];
  const taken = new Set<string>();
  for (let i = 0; i < count; i++) {
    const target = plusDays(from, Math.round(i * spacingDays + Math.min(14, spacingDays / 4)));
    if ((request.booked ?? []).some((b) => b >= plusDays(target, -reach) && b <= plusDays(target, reach))) continue;
    // The report this slot's meeting signs off: the first one due in or just after the slot.
    const due = request.reportsDue.find((r) => r >= plusDays(target, -reach) && r <= plusDays(target, reach + 14));
    let best: { score: number; suggestion: Suggestion } | null = null;
    for (let d = -reach; d <= reach; d++) {
      const day = plusDays(target, d);
      if (day < from || taken.has(day) || !isWorkingDay(day, holidays)) continue;
      const clashes = others
        .filter((o) => o.date === day)
        .map((o) => ({ name: o.name, shared: [...o.members].filter((m) => members.has(m)).length }))
        .filter((c) => c.shared > 0);
      const before = due ? workingDaysFrom(day, due, holidays) : null;
      const late = due !== undefined && (day >= due || (before ?? 0) < reportGap);
      const score =
        clashes.reduce((sum, c) => sum + c.shared, 0) * 100 + (late ? 50 : 0) + Math.abs(d) + (d < 0 ? 0 : 0.5);
      if (best && best.score <= score) continue;
      const parts = [
        clashes.length
          ? `Clashes with ${clashes.map((c) => `${c.name} (${c.shared} shared member${c.shared === 1 ? '' : 's'})`).join(', ')}`
          : 'No member organisation has another board that day',
      ];
      if (due && before !== null)
        parts.push(
          !late
            ? `${before} working days before the report due ${formatDate(due)}`
            : day >= due
              ? `after the report due ${formatDate(due)}`
              : `only ${before} working day${before === 1 ? '' : 's'} before the report due ${formatDate(due)}`,
        );
      best = {
        score,
        suggestion: {
          date: day,
          clashes,
          report: due && before !== null ? { due, workingDaysBefore: before } : null,
          reason: parts.join('; ') + '.',
        },
      };
    }
    if (best) {
      taken.add(best.suggestion.date);
      out.push(best.suggestion);
    }
  }
  return out;
}
