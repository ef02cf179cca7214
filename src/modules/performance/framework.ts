import type { FrameworkData } from './repository.js';
import type { IndicatorRow, MeasurementRow, OutcomeRow, PlanRow, TargetRow, FrameworkQuery } from './schema.js';
import {
  type Assessment,
  type Point,
  type Polarity,
  type Status,
  type Trajectory,
  assess,
  expectedValue,
  worstStatus,
} from './status.js';

/**
 * The outcome framework assembled from its rows: plans → outcomes → targets → indicators →
 * latest value and status. Pure, so every page (framework, theme dashboard, scorecard, report,
 * three-layer view) reads the same numbers the same way.
 */
export interface TargetView {
  target: TargetRow;
  indicator: IndicatorRow;
  trajectory: Trajectory;
  /** Approved values by year: the only ones that count toward status. */
  values: Point[];
  /** Values awaiting approval (only for readers of restricted material). */
  pending: MeasurementRow[];
  assessment: Assessment;
  /** The approved measurement rows, for their data status and note. */
  approved: MeasurementRow[];
}

export interface OutcomeView {
  outcome: OutcomeRow;
  plan: PlanRow;
  themes: string[];
  contributors: FrameworkData['contributors'];
  targets: TargetView[];
  status: Status;
}

export interface PlanView {
  plan: PlanRow;
  contributorIds: string[];
  outcomes: OutcomeView[];
  status: Status;
}

function groupBy<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

export function trajectoryOf(target: TargetRow, years: Array<{ year: number; value: number }>): Trajectory {
  return {
    baseline:
      target.baseline_value !== null && target.baseline_year !== null
        ? { year: target.baseline_year, value: target.baseline_value }
        : undefined,
    targets: years.map((y) => ({ year: y.year, value: y.value })),
  };
}

export function targetView(
  target: TargetRow,
  indicator: IndicatorRow,
  years: Array<{ year: number; value: number }>,
  measurements: MeasurementRow[],
): TargetView {
  const approved = measurements.filter((m) => m.state === 'approved').sort((a, b) => a.year - b.year);
  const values = approved.map((m) => ({ year: m.year, value: m.value }));
  const trajectory = trajectoryOf(target, years);
  return {
    target,
    indicator,
    trajectory,
    values,
    approved,
    pending: measurements.filter((m) => m.state === 'pending'),
    assessment: assess(values, trajectory, indicator.polarity as Polarity | null, {
      amber: target.amber_tolerance,
      red: target.red_tolerance,
    }),
  };
}

/** Every active outcome of the given plans with its targets and their status. */
export function buildFramework(data: FrameworkData): PlanView[] {
  const indicators = new Map(data.indicators.map((i) => [i.id, i]));
  const yearsByTarget = groupBy(data.targetYears, (y) => y.target_id);
  const measurementsByIndicator = groupBy(data.measurements, (m) => m.indicator_id);
  const targetsByOutcome = groupBy(data.targets, (t) => t.outcome_id);
  const themesByOutcome = groupBy(data.themes, (t) => t.outcome_id);
  const contributorsByOutcome = groupBy(data.contributors, (c) => c.outcome_id);
  const outcomesByPlan = groupBy(
    data.outcomes.filter((o) => o.status === 'active'),
    (o) => o.plan_id,
  );
  const planContributors = groupBy(data.planContributors, (c) => c.plan_id);
  return data.plans.map((plan) => {
    const outcomes = (outcomesByPlan.get(plan.id) ?? []).map((outcome): OutcomeView => {
      const targets = (targetsByOutcome.get(outcome.id) ?? []).flatMap((target) => {
        const indicator = indicators.get(target.indicator_id);
        return indicator
          ? [
              targetView(
                target,
                indicator,
                yearsByTarget.get(target.id) ?? [],
                measurementsByIndicator.get(target.indicator_id) ?? [],
              ),
            ]
          : [];
      });
      return {
        outcome,
        plan,
        themes: (themesByOutcome.get(outcome.id) ?? []).map((t) => t.theme).sort(),
        contributors: contributorsByOutcome.get(outcome.id) ?? [],
        targets,
        status: worstStatus(targets.map((t) => t.assessment.status)),
      };
    });
    return {
      plan,
      contributorIds: (planContributors.get(plan.id) ?? []).map((c) => c.partnership_id),
      outcomes,
      status: worstStatus(outcomes.map((o) => o.status)),
    };
  });
}

/** The partnerships linked to an outcome: contributors, the plan's owner and contributors, and those accountable for its targets. */
export function partnershipsOf(outcome: OutcomeView, plan: PlanView): Set<string> {
  const ids = new Set<string>();
  for (const c of outcome.contributors) if (c.partnership_id) ids.add(c.partnership_id);
  if (plan.plan.owner_partnership_id) ids.add(plan.plan.owner_partnership_id);
  for (const id of plan.contributorIds) ids.add(id);
  for (const t of outcome.targets)
    if (t.target.accountable_partnership_id) ids.add(t.target.accountable_partnership_id);
  return ids;
}

/** Narrows the framework to a theme, a layer, a partnership and a plan; plans left with no outcome drop out. */
export function filterFramework(plans: PlanView[], query: FrameworkQuery): PlanView[] {
  const outcomeFilter = query.theme || query.layer || query.partnership;
  return plans
    .filter((p) => !query.plan || p.plan.id === query.plan)
    .map((p) => {
      const outcomes = p.outcomes.filter(
        (o) =>
          (!query.theme || o.themes.includes(query.theme)) &&
          (!query.layer || o.contributors.some((c) => c.layer === query.layer)) &&
          (!query.partnership || partnershipsOf(o, p).has(query.partnership)),
      );
      return { ...p, outcomes, status: worstStatus(outcomes.map((o) => o.status)) };
    })
    .filter((p) => !outcomeFilter || p.outcomes.length > 0);
}

export function statusCounts(plans: PlanView[]): Record<Status, number> {
  const counts: Record<Status, number> = { 'on-track': 0, 'at-risk': 0, 'off-track': 0, 'no-data': 0 };
  for (const p of plans) for (const o of p.outcomes) for (const t of o.targets) counts[t.assessment.status]++;
  return counts;
}

/** The rows of an indicator's chart and table: each year's approved value and what the trajectory expected. */
export interface SeriesRow {
  year: number;
  value?: number;
  expected?: number;
  dataStatus?: string;
}

export function seriesOf(view: TargetView, extraYears: number[] = []): SeriesRow[] {
  const years = new Set<number>([
    ...view.values.map((v) => v.year),
    ...view.trajectory.targets.map((t) => t.year),
    ...extraYears,
  ]);
  if (view.trajectory.baseline) years.add(view.trajectory.baseline.year);
  // Every year in between too: a chart's axis must not close up a year with no value or target.
  const span = [...years];
  for (let year = Math.min(...span) + 1; year < Math.max(...span); year++) years.add(year);
  const byYear = new Map(view.approved.map((m) => [m.year, m]));
  return [...years]
    .sort((a, b) => a - b)
    .map((year) => ({
      year,
      value: byYear.get(year)?.value,
      expected: expectedValue(view.trajectory, year),
      dataStatus: byYear.get(year)?.data_status,
    }));
}
