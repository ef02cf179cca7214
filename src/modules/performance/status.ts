/**
 * How an indicator is doing against its target: pure rules, no I/O.
 *
 * The trajectory is the line through the baseline and the yearly targets. A year between two
 * of those points expects the value on the straight line between them; a year after the last
 * target expects that target to be held; a year before the first point expects nothing.
 *
 * The shortfall is how far the value is on the wrong side of the expected value, in the
 * indicator's own unit (for "higher is better", expected minus value; for "lower is better",
 * value minus expected). A value that meets or beats the trajectory has no shortfall.
 *
 *   on track   shortfall ≤ amber tolerance
 *   at risk    amber tolerance < shortfall ≤ red tolerance
 *   off track  shortfall > red tolerance
 *   no data    no approved value, or nothing expected for its year
 */
export const STATUSES = ['on-track', 'at-risk', 'off-track', 'no-data'] as const;
export type Status = (typeof STATUSES)[number];
export type Polarity = 'higher' | 'lower';

export const STATUS_LABELS: Record<Status, string> = {
  'on-track': 'On track',
  'at-risk': 'At risk',
  'off-track': 'Off track',
  'no-data': 'No data',
};

/** Worst first: the order a board wants to read them in. */
export const STATUS_ORDER: Record<Status, number> = { 'off-track': 0, 'at-risk': 1, 'on-track': 2, 'no-data': 3 };

export interface Point {
  year: number;
  value: number;
}

export interface Trajectory {
  baseline?: Point;
  targets: Point[];
}

export interface Tolerance {
  amber: number;
  red: number;
}

/** Rounding noise (0.1 + 0.2) must not turn "exactly on target" into a shortfall. */
const EPSILON = 1e-9;

/** The points of the line, by year; a target replaces a baseline given for the same year. */
export function trajectoryPoints(trajectory: Trajectory): Point[] {
  const byYear = new Map<number, number>();
  if (trajectory.baseline) byYear.set(trajectory.baseline.year, trajectory.baseline.value);
  for (const t of trajectory.targets) byYear.set(t.year, t.value);
  return [...byYear].map(([year, value]) => ({ year, value })).sort((a, b) => a.year - b.year);
}

/** What the trajectory expects in a year, or undefined when it expects nothing yet. */
export function expectedValue(trajectory: Trajectory, year: number): number | undefined {
  if (trajectory.targets.length === 0) return undefined;
  const points = trajectoryPoints(trajectory);
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last || year < first.year) return undefined;
  if (year >= last.year) return last.value;
  for (let i = 0; i < points.length - 1; i++) {
    const from = points[i] as Point;
    const to = points[i + 1] as Point;
    if (year >= from.year && year <= to.year) {
      if (year === from.year) return from.value;
      if (year === to.year) return to.value;
      return from.value + ((to.value - from.value) * (year - from.year)) / (to.year - from.year);
    }
  }
  return undefined;
}

/** How far the value falls short of what is expected, in the indicator's unit; 0 when it meets it. */
export function shortfall(value: number, expected: number, polarity: Polarity): number {
  const gap = polarity === 'higher' ? expected - value : value - expected;
  return gap > EPSILON ? gap : 0;
}

export function statusOf(value: number, expected: number, polarity: Polarity, tolerance: Tolerance): Status {
  const gap = shortfall(value, expected, polarity);
  if (gap <= tolerance.amber + EPSILON) return 'on-track';
  if (gap <= tolerance.red + EPSILON) return 'at-risk';
  return 'off-track';
}

export interface Assessment {
  status: Status;
  /** The approved value the status rests on. */
  latest?: Point;
  expected?: number;
  shortfall?: number;
}

/**
 * The status of a target from its approved values: the latest year's value against what the
 * trajectory expects that year. Values awaiting approval must not be passed in.
 */
export function assess(
  values: Point[],
  trajectory: Trajectory,
  polarity: Polarity | null,
  tolerance: Tolerance,
): Assessment {
  const latest = [...values].sort((a, b) => b.year - a.year)[0];
  if (!latest) return { status: 'no-data' };
  const expected = expectedValue(trajectory, latest.year);
  if (expected === undefined || polarity === null) return { status: 'no-data', latest };
  return {
    status: statusOf(latest.value, expected, polarity, tolerance),
    latest,
    expected,
    shortfall: shortfall(latest.value, expected, polarity),
  };
}

/** The worst status among several targets; an outcome or partnership with none has no data. */
export function worstStatus(statuses: Status[]): Status {
  const assessed = statuses.filter((s) => s !== 'no-data');
  if (!assessed.length) return 'no-data';
  return assessed.reduce((worst, s) => (STATUS_ORDER[s] < STATUS_ORDER[worst] ? s : worst));
}
