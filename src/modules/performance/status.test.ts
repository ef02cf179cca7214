import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Point,
  type Polarity,
  type Status,
  STATUS_ORDER,
  type Trajectory,
  assess,
  expectedValue,
  shortfall,
  statusOf,
  worstStatus,
} from './status.js';

const tolerance = { amber: 0, red: 5 };
const falling: Trajectory = {
  baseline: { year: 2020, value: 40 },
  targets: [
    { year: 2022, value: 30 },
    { year: 2024, value: 20 },
  ],
};

describe('trajectory', () => {
  it('expects nothing before the baseline, the baseline in its year, the line between points and the last target after it', () => {
    expect(expectedValue(falling, 2019)).toBeUndefined();
    expect(expectedValue(falling, 2020)).toBe(40);
    expect(expectedValue(falling, 2021)).toBe(35);
    expect(expectedValue(falling, 2023)).toBe(25);
    expect(expectedValue(falling, 2024)).toBe(20);
    expect(expectedValue(falling, 2030)).toBe(20);
  });

  it('expects nothing without a yearly target, even with a baseline', () => {
    expect(expectedValue({ baseline: { year: 2020, value: 10 }, targets: [] }, 2021)).toBeUndefined();
  });
});

describe('status', () => {
  it('follows the polarity: lower is better for a crime rate, higher for a recycling rate', () => {
    expect(statusOf(19, 20, 'lower', tolerance)).toBe('on-track');
    expect(statusOf(21, 20, 'lower', tolerance)).toBe('at-risk');
    expect(statusOf(19, 20, 'higher', tolerance)).toBe('at-risk');
    expect(statusOf(21, 20, 'higher', tolerance)).toBe('on-track');
  });

  it('is at risk within the red tolerance and off track beyond it', () => {
    expect(statusOf(25, 20, 'lower', tolerance)).toBe('at-risk');
    expect(statusOf(25.01, 20, 'lower', tolerance)).toBe('off-track');
    expect(statusOf(21, 20, 'lower', { amber: 1, red: 5 })).toBe('on-track');
  });

  it('is measured against the trajectory for the year of the latest value', () => {
    const values: Point[] = [
      { year: 2021, value: 36 },
      { year: 2023, value: 26 },
    ];
    expect(assess(values, falling, 'lower', tolerance)).toMatchObject({
      status: 'at-risk',
      expected: 25,
      shortfall: 1,
      latest: { year: 2023 },
    });
    expect(assess([{ year: 2023, value: 24 }], falling, 'lower', tolerance).status).toBe('on-track');
    expect(assess([{ year: 2023, value: 31 }], falling, 'lower', tolerance).status).toBe('off-track');
  });

  it('has no data without a value, without a target for the year, or without a polarity', () => {
    expect(assess([], falling, 'lower', tolerance).status).toBe('no-data');
    expect(assess([{ year: 2018, value: 1 }], falling, 'lower', tolerance).status).toBe('no-data');
    expect(assess([{ year: 2023, value: 1 }], falling, null, tolerance).status).toBe('no-data');
  });

  it('takes the worst status of several, ignoring those with no data', () => {
    expect(worstStatus(['on-track', 'at-risk', 'no-data'])).toBe('at-risk');
    expect(worstStatus(['no-data'])).toBe('no-data');
    expect(worstStatus([])).toBe('no-data');
  });
});

const value = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
const polarity = fc.constantFrom<Polarity>('higher', 'lower');
const tolerances = fc
  .tuple(fc.double({ min: 0, max: 1e4, noNaN: true }), fc.double({ min: 0, max: 1e4, noNaN: true }))
  .map(([a, b]) => ({ amber: Math.min(a, b), red: Math.max(a, b) }));
const rank = (s: Status) => STATUS_ORDER[s];

describe('status properties', () => {
  it('a value on or better than expected is always on track', () => {
    fc.assert(
      fc.property(
        value,
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        polarity,
        tolerances,
        (expected, margin, p, t) => {
          const better = p === 'higher' ? expected + margin : expected - margin;
          return statusOf(better, expected, p, t) === 'on-track';
        },
      ),
    );
  });

  it('improving a value never makes its status worse', () => {
    fc.assert(
      fc.property(
        value,
        value,
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        polarity,
        tolerances,
        (v, expected, step, p, t) => {
          const improved = p === 'higher' ? v + step : v - step;
          return rank(statusOf(improved, expected, p, t)) >= rank(statusOf(v, expected, p, t));
        },
      ),
    );
  });

  it('mirroring values and flipping the polarity gives the same status', () => {
    fc.assert(
      fc.property(
        value,
        value,
        polarity,
        tolerances,
        (v, expected, p, t) =>
          statusOf(v, expected, p, t) === statusOf(-v, -expected, p === 'higher' ? 'lower' : 'higher', t),
      ),
    );
  });

  it('widening the tolerance never makes a status worse', () => {
    fc.assert(
      fc.property(
        value,
        value,
        polarity,
        tolerances,
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        (v, expected, p, t, extra) => {
          return (
            rank(statusOf(v, expected, p, { amber: t.amber + extra, red: t.red + extra })) >=
            rank(statusOf(v, expected, p, t))
          );
        },
      ),
    );
  });

  it('the shortfall is never negative and is zero exactly when the value meets the expectation', () => {
    fc.assert(
      fc.property(value, value, polarity, (v, expected, p) => {
        const gap = shortfall(v, expected, p);
        const meets = p === 'higher' ? v >= expected : v <= expected;
        return gap >= 0 && (meets ? gap === 0 : true);
      }),
    );
  });

  it('the trajectory passes through its targets and stays between neighbouring points', () => {
    const points = fc.uniqueArray(fc.record({ year: fc.integer({ min: 2000, max: 2040 }), value }), {
      minLength: 1,
      maxLength: 6,
      selector: (p) => p.year,
    });
    fc.assert(
      fc.property(points, fc.integer({ min: 2000, max: 2040 }), (targets, year) => {
        const trajectory = { targets };
        for (const t of targets) if (expectedValue(trajectory, t.year) !== t.value) return false;
        const expected = expectedValue(trajectory, year);
        const sorted = [...targets].sort((a, b) => a.year - b.year);
        if (year < (sorted[0] as Point).year) return expected === undefined;
        const before = sorted.filter((p) => p.year <= year).at(-1) as Point;
        const after = sorted.find((p) => p.year >= year) ?? before;
        const low = Math.min(before.value, after.value) - 1e-6;
        const high = Math.max(before.value, after.value) + 1e-6;
        return expected !== undefined && expected >= low && expected <= high;
      }),
    );
  });

  it('a missing value always means no data, whatever the target', () => {
    fc.assert(fc.property(polarity, tolerances, (p, t) => assess([], falling, p, t).status === 'no-data'));
  });
});
