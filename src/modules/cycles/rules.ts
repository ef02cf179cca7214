/**
 * The misalignment rules and the aligner: pure functions over occurrences (calendar.ts), the
 * dependencies between events and who sits on which board. Each flag names the two dates, says
 * what is wrong in a sentence and suggests a fix that keeps each event inside its window.
 */
import { formatDate } from '../../core/dates.js';
import {
  type CalendarEvent,
  type Change,
  type Occurrence,
  daysBetween,
  isWorkingDay,
  londonInstant,
  plusDays,
  shiftWorkingDays,
  workingDaysFrom,
} from './calendar.js';

export const DEPENDENCY_KINDS = ['needs-data', 'reports-to', 'review-before-budget', 'plan-before-budget'] as const;
export type DependencyKind = (typeof DEPENDENCY_KINDS)[number];

export const DEPENDENCY_LABELS: Record<DependencyKind, string> = {
  'needs-data': 'A report needs data from a data release',
  'reports-to': 'A sub-partnership reports to its parent’s meeting',
  'review-before-budget': 'Performance review comes before resource allocation',
  'plan-before-budget': 'A plan’s priorities feed budget setting',
};

/** How long after the downstream date an upstream one still counts as meant for it (a near miss). */
export const NEAR_MISS_DAYS: Record<DependencyKind, number> = {
  'needs-data': 31,
  'reports-to': 21,
  'review-before-budget': 92,
  'plan-before-budget': 92,
};

export interface Dependency {
  /** Stored dependencies have an id; derived ones are worked out from the register each time. */
  id: string | null;
  kind: DependencyKind;
  /** The event that must come first (the data release, the sub-partnership's report, the plan). */
  upstreamEventId: string;
  /** The event that depends on it (the report, the parent's meeting, the budget). */
  downstreamEventId: string;
  /** Working days needed between the two (papers go out, data is analysed). */
  minGapWorkingDays: number;
  derived: boolean;
  /** Where a derived dependency came from, in words. */
  reason: string;
}

export const FLAG_KINDS = [...DEPENDENCY_KINDS, 'board-clash'] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];

export const FLAG_LABELS: Record<FlagKind, string> = {
  'needs-data': 'Report due before the data it needs',
  'reports-to': 'Report lands after the parent’s meeting',
  'review-before-budget': 'Budget set before the performance review',
  'plan-before-budget': 'Plan refreshed after the budgets it should steer',
  'board-clash': 'Boards with mostly the same members meet on the same day',
};

export interface Flag {
  /** Stable while the dates move: the kind and the two occurrences' keys. */
  key: string;
  kind: FlagKind;
  title: string;
  first: Occurrence;
  second: Occurrence;
  explanation: string;
  fix: string;
  /** A move that removes this flag on its own, when one exists inside the windows. */
  suggestion: { key: string; date: string } | null;
}

export interface Boards {
  /** The member organisations of each partnership, by partnership id. */
  members: ReadonlyMap<string, ReadonlySet<string>>;
}

const describe = (o: Occurrence) => `${o.event.ownerName}: ${o.event.title} on ${formatDate(o.date)}`;
const named = (o: Occurrence) => `${o.event.ownerName}’s ${o.event.title.toLowerCase()}`;

/** The share of the smaller board's members who also sit on the other. */
export function memberOverlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const smaller = a.size <= b.size ? a : b;
  const larger = smaller === a ? b : a;
  if (smaller.size === 0) return 0;
  let shared = 0;
  for (const id of smaller) if (larger.has(id)) shared++;
  return shared / smaller.size;
}

/** Two boards share "mostly the same members" from this share of the smaller board. */
export const CLASH_OVERLAP = 0.5;

/** The nearest working day to `day` inside [from, to] for which `ok` holds, nearest first, earlier on a tie. */
function nearest(
  day: string,
  from: string,
  to: string,
  holidays: ReadonlySet<string>,
  ok: (candidate: string) => boolean,
): string | null {
  const span = daysBetween(from, to);
  for (let d = 0; d <= span; d++) {
    for (const candidate of d === 0 ? [day] : [plusDays(day, -d), plusDays(day, d)]) {
      if (candidate < from || candidate > to || !isWorkingDay(candidate, holidays)) continue;
      if (ok(candidate)) return candidate;
    }
  }
  return null;
}

/** Whether `up` comes in time for `down`: strictly before it, with the gap in working days. */
export function inTime(up: string, down: string, gap: number, holidays: ReadonlySet<string>): boolean {
  return up < down && workingDaysFrom(up, down, holidays) >= gap;
}

function precedenceFlags(
  dependency: Dependency,
  ups: readonly Occurrence[],
  downs: readonly Occurrence[],
  holidays: ReadonlySet<string>,
): Flag[] {
  const flags: Flag[] = [];
  const tolerance = NEAR_MISS_DAYS[dependency.kind];
  const gap = dependency.minGapWorkingDays;
  for (const up of ups) {
    // The downstream occurrence this one was meant for: the nearest that it misses, if it
    // misses one by no more than the near-miss tolerance. Further apart, they are different cycles.
    let missed: Occurrence | null = null;
    for (const down of downs) {
      if (inTime(up.date, down.date, gap, holidays)) continue;
      const late = daysBetween(down.date, up.date);
      if (late > tolerance) continue;
      if (!missed || Math.abs(late) < Math.abs(daysBetween(missed.date, up.date))) missed = down;
    }
    if (!missed) continue;
    flags.push(precedenceFlag(dependency, up, missed, holidays));
  }
  return flags;
}

function precedenceFlag(dependency: Dependency, up: Occurrence, down: Occurrence, holidays: ReadonlySet<string>): Flag {
  const gap = dependency.minGapWorkingDays;
  const after = daysBetween(down.date, up.date);
  const when =
    after > 0
      ? `${after} day${after === 1 ? '' : 's'} after`
      : after === 0
        ? 'on the same day as'
        : `only ${workingDaysFrom(up.date, down.date, holidays)} working day${workingDaysFrom(up.date, down.date, holidays) === 1 ? '' : 's'} before`;
  const need = gap > 0 ? ` It needs to come at least ${gap} working day${gap === 1 ? '' : 's'} before.` : '';
  const explanation = `${describe(up)} comes ${when} ${describe(down)}.${need} ${DEPENDENCY_LABELS[dependency.kind]}${dependency.derived ? ` (${dependency.reason})` : ''}.`;
  const downTo = nearest(down.date, down.windowFrom, down.windowTo, holidays, (d) => inTime(up.date, d, gap, holidays));
  const upTo = nearest(up.date, up.windowFrom, up.windowTo, holidays, (d) => inTime(d, down.date, gap, holidays));
  let fix: string;
  let suggestion: Flag['suggestion'] = null;
  if (upTo && (!downTo || Math.abs(daysBetween(up.date, upTo)) <= Math.abs(daysBetween(down.date, downTo)))) {
    fix = `Move ${named(up)} to ${formatDate(upTo)}, inside its window (${formatDate(up.windowFrom)} to ${formatDate(up.windowTo)}).`;
    suggestion = { key: up.key, date: upTo };
  } else if (downTo) {
    fix = `Move ${named(down)} to ${formatDate(downTo)}, inside its window (${formatDate(down.windowFrom)} to ${formatDate(down.windowTo)}).`;
    suggestion = { key: down.key, date: downTo };
  } else {
    const latest = shiftWorkingDays(down.date, -Math.max(gap, 1), holidays);
    fix = `Neither date can move far enough inside its window: ask ${up.event.ownerName} to agree a date on or before ${formatDate(latest)}, or widen one of the windows.`;
  }
  return {
    key: `${dependency.kind}|${up.key}|${down.key}`,
    kind: dependency.kind,
    title: FLAG_LABELS[dependency.kind],
    first: up,
    second: down,
    explanation,
    fix,
    suggestion,
  };
}

function clashFlags(occurrences: readonly Occurrence[], boards: Boards, holidays: ReadonlySet<string>): Flag[] {
  const meetings = occurrences.filter((o) => o.event.kind === 'board-meeting' && o.event.ownerKind === 'partnership');
  const byDay = new Map<string, Occurrence[]>();
  for (const o of meetings) byDay.set(o.date, [...(byDay.get(o.date) ?? []), o]);
  const flags: Flag[] = [];
  for (const [, same] of byDay) {
    for (let i = 0; i < same.length; i++) {
      for (let j = i + 1; j < same.length; j++) {
        const [a, b] = [same[i] as Occurrence, same[j] as Occurrence].sort((x, y) => x.key.localeCompare(y.key)) as [
          Occurrence,
          Occurrence,
        ];
        if (a.event.ownerId === b.event.ownerId) continue;
        const share = memberOverlap(
          boards.members.get(a.event.ownerId) ?? new Set(),
          boards.members.get(b.event.ownerId) ?? new Set(),
        );
        if (share < CLASH_OVERLAP) continue;
        const taken = new Set(
          meetings
            .filter((m) => m.event.ownerId === a.event.ownerId || m.event.ownerId === b.event.ownerId)
            .map((m) => m.date),
        );
        let suggestion: Flag['suggestion'] = null;
        for (const mover of [b, a]) {
          const to = nearest(mover.date, mover.windowFrom, mover.windowTo, holidays, (d) => !taken.has(d));
          if (to) {
            suggestion = { key: mover.key, date: to };
            break;
          }
        }
        const moved = suggestion && (suggestion.key === a.key ? a : b);
        flags.push({
          key: `board-clash|${a.key}|${b.key}`,
          kind: 'board-clash',
          title: FLAG_LABELS['board-clash'],
          first: a,
          second: b,
          explanation: `${a.event.ownerName} and ${b.event.ownerName} both meet on ${formatDate(a.date)}, and ${Math.round(share * 100)}% of the smaller board’s member organisations sit on both: their representatives cannot be in two places.`,
          fix:
            suggestion && moved
              ? `Move ${named(moved)} to ${formatDate(suggestion.date)}, inside its window (${formatDate(moved.windowFrom)} to ${formatDate(moved.windowTo)}).`
              : 'Neither meeting can move inside its window: agree a different day between the two chairs.',
          suggestion,
        });
      }
    }
  }
  return flags;
}

/** Every misalignment among these occurrences, in date order of the first date. */
export function findFlags(
  occurrences: readonly Occurrence[],
  dependencies: readonly Dependency[],
  boards: Boards,
  holidays: ReadonlySet<string>,
): Flag[] {
  const byEvent = new Map<string, Occurrence[]>();
  for (const o of occurrences) byEvent.set(o.eventId, [...(byEvent.get(o.eventId) ?? []), o]);
  const flags = new Map<string, Flag>();
  for (const dependency of dependencies) {
    const ups = byEvent.get(dependency.upstreamEventId) ?? [];
    const downs = byEvent.get(dependency.downstreamEventId) ?? [];
    for (const flag of precedenceFlags(dependency, ups, downs, holidays)) flags.set(flag.key, flag);
  }
  for (const flag of clashFlags(occurrences, boards, holidays)) flags.set(flag.key, flag);
  return [...flags.values()].sort(
    (a, b) =>
      [a.first.date, a.second.date].sort()[0]!.localeCompare([b.first.date, b.second.date].sort()[0]!) ||
      a.key.localeCompare(b.key),
  );
}

/** An indicator a partnership reports on, and the plan and outcome that make it so. */
export interface ReportedIndicator {
  /** As the indicator library spells it (NI 117): data releases name it the same way. */
  code: string;
  title: string;
  plan: string;
  outcome: string;
}

export interface Register {
  partnerships: Array<{ id: string; name: string; parentId: string | null }>;
  /** Which organisations sit on which partnership. */
  members: ReadonlyMap<string, ReadonlySet<string>>;
  /** The outcome framework: the indicators each partnership reports on, by partnership id. */
  indicators?: ReadonlyMap<string, readonly ReportedIndicator[]>;
}

/** Working days a partnership needs between a data release and the report that uses it. */
export const DATA_GAP_WORKING_DAYS = 0;

/**
 * Dependencies that follow from the register: a sub-partnership's performance report feeds its
 * parent's board meetings; a partnership's plan approval or refresh feeds the budget setting of
 * each member organisation; an owner's own performance review comes before its budget setting;
 * and, from the outcome framework, a partnership's performance report needs each data release
 * that publishes an indicator measuring an outcome of its plans (plan → outcome → indicator →
 * release).
 */
export function deriveDependencies(events: readonly CalendarEvent[], register: Register): Dependency[] {
  const byOwner = new Map<string, CalendarEvent[]>();
  for (const e of events) byOwner.set(e.ownerId, [...(byOwner.get(e.ownerId) ?? []), e]);
  const of = (owner: string, ...kinds: string[]) => (byOwner.get(owner) ?? []).filter((e) => kinds.includes(e.kind));
  const names = new Map(register.partnerships.map((p) => [p.id, p.name]));
  const out: Dependency[] = [];
  for (const p of register.partnerships) {
    if (p.parentId) {
      for (const report of of(p.id, 'performance-report'))
        for (const meeting of of(p.parentId, 'board-meeting'))
          out.push({
            id: null,
            kind: 'reports-to',
            upstreamEventId: report.id,
            downstreamEventId: meeting.id,
            minGapWorkingDays: 5,
            derived: true,
            reason: `the register has ${p.name} under ${names.get(p.parentId) ?? 'its parent'}; papers go out 5 working days before`,
          });
    }
    for (const plan of of(p.id, 'plan-approval', 'plan-refresh'))
      for (const organisation of register.members.get(p.id) ?? [])
        for (const budget of of(organisation, 'budget-setting'))
          out.push({
            id: null,
            kind: 'plan-before-budget',
            upstreamEventId: plan.id,
            downstreamEventId: budget.id,
            minGapWorkingDays: 0,
            derived: true,
            reason: `${budget.ownerName} sits on ${p.name}`,
          });
    const reported = register.indicators?.get(p.id) ?? [];
    if (reported.length)
      for (const report of of(p.id, 'performance-report'))
        for (const release of events) {
          if (release.kind !== 'data-release' || !release.indicatorCodes?.length) continue;
          const needed = reported.filter((i) => release.indicatorCodes?.includes(i.code));
          if (!needed.length) continue;
          const codes = [...new Set(needed.map((i) => i.code))];
          const first = needed[0] as ReportedIndicator;
          out.push({
            id: null,
            kind: 'needs-data',
            upstreamEventId: release.id,
            downstreamEventId: report.id,
            minGapWorkingDays: DATA_GAP_WORKING_DAYS,
            derived: true,
            reason: `needs ${codes.join(', ')} from the ${release.ownerName} release “${release.title}”: ${first.plan} measures “${first.outcome}” by ${first.code}`,
          });
        }
  }
  for (const [owner] of byOwner)
    for (const review of of(owner, 'performance-review'))
      for (const budget of of(owner, 'budget-setting'))
        out.push({
          id: null,
          kind: 'review-before-budget',
          upstreamEventId: review.id,
          downstreamEventId: budget.id,
          minGapWorkingDays: 0,
          derived: true,
          reason: `both are ${review.ownerName}’s`,
        });
  return out;
}

/** The occurrences with some of them moved (the moves name occurrences by key). */
export function withMoves(base: readonly Occurrence[], moves: ReadonlyMap<string, Change>): Occurrence[] {
  return base
    .map((o) => {
      const date = moves.get(o.key)?.date;
      if (!date || date === o.date) return o;
      return { ...o, date, startsAt: o.event.startTime ? londonInstant(date, o.event.startTime) : null };
    })
    .sort((a, b) => a.date.localeCompare(b.date) || a.event.ownerName.localeCompare(b.event.ownerName));
}

export interface Alignment {
  changes: Map<string, Change>;
  /** Each occurrence moved, as it was before, and its new date. */
  moves: Array<{ occurrence: Occurrence; to: string }>;
  before: Flag[];
  after: Flag[];
}

/**
 * A proposed aligned calendar: moves of single occurrences, each inside its window and never of
 * a fixed event, that remove flags without adding any. Greedy: for each flag in turn, the
 * nearest move of either side that leaves a strict subset of the flags is taken.
 */
export function align(
  base: readonly Occurrence[],
  dependencies: readonly Dependency[],
  boards: Boards,
  holidays: ReadonlySet<string>,
  /** The dates shown: nothing is moved out of them, where it would vanish from the view. */
  range: { from: string; to: string },
): Alignment {
  const changes = new Map<string, Change>();
  const occurrencesOf = (moves: ReadonlyMap<string, Change>) => withMoves(base, moves);
  const before = findFlags(occurrencesOf(changes), dependencies, boards, holidays);
  let current = before;
  for (let round = 0; round < 3 && current.length; round++) {
    let improved = false;
    for (const flag of [...current]) {
      if (!current.some((f) => f.key === flag.key)) continue;
      const keys = new Set(current.map((f) => f.key));
      const tries: Array<{ o: Occurrence; to: string }> = [];
      for (const o of [flag.first, flag.second]) {
        if (o.event.movability === 'fixed') continue;
        const from = o.windowFrom > range.from ? o.windowFrom : range.from;
        const until = o.windowTo < range.to ? o.windowTo : range.to;
        const span = daysBetween(o.windowFrom, o.windowTo);
        for (let d = 1; d <= span; d++)
          for (const to of [plusDays(o.date, -d), plusDays(o.date, d)])
            if (to >= from && to <= until && isWorkingDay(to, holidays)) tries.push({ o, to });
      }
      tries.sort((a, b) => Math.abs(daysBetween(a.o.date, a.to)) - Math.abs(daysBetween(b.o.date, b.to)));
      for (const { o, to } of tries) {
        const trial = new Map(changes).set(o.key, { date: to });
        const flags = findFlags(occurrencesOf(trial), dependencies, boards, holidays);
        if (flags.length < current.length && flags.every((f) => keys.has(f.key))) {
          changes.set(o.key, { date: to });
          current = flags;
          improved = true;
          break;
        }
      }
    }
    if (!improved) break;
  }
  const moves = base.flatMap((occurrence) => {
    const to = changes.get(occurrence.key)?.date;
    return to && to !== occurrence.date ? [{ occurrence, to }] : [];
  });
  return { changes, moves, before, after: current };
}
