/**
 * The rules of resources, funding and cost-benefit, as pure functions: no database, no clock
 * (today is always passed in). The service asks them; the tests try them exhaustively.
 *
 * Money is integer pence throughout. Shares are whole basis points: 10,000 is 100%, so 33.33%
 * is 3,333 and no share is ever a float. A split of pence by shares uses the largest remainder,
 * so the parts always add up to the whole: no penny is lost or made.
 */
import {
  type CostInput,
  type CostRates,
  type SectorOf,
  hoursCostPence,
  meetingPattern,
  yearlyCost,
} from '../overlap/costs.js';
import type { Sector } from '../overlap/types.js';

export const WHOLE_BP = 10_000;

// --- financial years -------------------------------------------------------------------------

/** The financial year a date falls in, by the year it starts: 2025-03-31 is 2024 (2024/25). */
export function financialYearOf(isoDate: string, startMonth = 4): number {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  return month >= startMonth ? year : year - 1;
}

/**
 * A financial year's name, by the calendar years it spans: a year starting in April 2025 is
 * "2025/26", one starting in January 2026 is "2026" (it is that calendar year). Every label of a
 * year in resources comes from here.
 */
export function financialYearLabel(year: number, startMonth = 4): string {
  return startMonth === 1 ? String(year) : `${year}/${String((year + 1) % 100).padStart(2, '0')}`;
}

/** The first and last day of a financial year (April to March by default). */
export function financialYearBounds(year: number, startMonth = 4): { start: string; end: string } {
  const start = `${year}-${String(startMonth).padStart(2, '0')}-01`;
  const end = addDays(addMonths(start, 12), -1);
  return { start, end };
}

// --- dates --------------------------------------------------------------------------------------

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A calendar date some months later (or earlier), kept to the month's last day: 31 Aug + 6 is 28/29 Feb. */
export function addMonths(isoDate: string, months: number): string {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  const day = Number(isoDate.slice(8, 10));
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  const d = Math.min(day, daysInMonth(y, m));
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Whole days from one date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The months from a start date to an end date (both days counted): whole months, and the part
 * month left as its share of that month's days. 1 April 2025 to 31 March 2028 is 36.
 */
export function monthsSpanned(startsOn: string, endsOn: string): number {
  const after = addDays(endsOn, 1);
  if (after <= startsOn) return 0;
  let months = 0;
  while (addMonths(startsOn, months + 1) <= after) months += 1;
  const from = addMonths(startsOn, months);
  return months + daysBetween(from, after) / daysBetween(from, addMonths(startsOn, months + 1));
}

/** What an amount a year comes to over its dates, to the nearest penny. */
export function spanTotalPence(perYearPence: number, startsOn: string, endsOn: string): number {
  return Math.round((perYearPence * monthsSpanned(startsOn, endsOn)) / 12);
}

// --- shares and splits ----------------------------------------------------------------------------

/** A share as a percentage for people: 3,333 basis points is "33.33%". */
export function percentLabel(bp: number): string {
  return `${new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }).format(bp / 100)}%`;
}

/**
 * Splits pence by weights with the largest remainder: each part is the floor of its exact
 * share, and the pence left over go one each to the largest remainders (ties to the earlier).
 * The parts add up to `total` exactly whenever some weight is above zero; with no weight at all
 * every part is zero (nothing to split by).
 */
export function splitPence(total: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(total)) throw new RangeError('A sum of money must be whole pence');
  if (weights.some((w) => !Number.isFinite(w) || w < 0)) throw new RangeError('Weights must be 0 or more');
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0 || total === 0) return weights.map(() => 0);
  const sign = total < 0 ? -1 : 1;
  const magnitude = Math.abs(total);
  const exact = weights.map((w) => (magnitude * w) / sum);
  const parts = exact.map(Math.floor);
  let left = magnitude - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i] = (parts[i] as number) + 1;
    left--;
  }
  return parts.map((p) => (p === 0 ? 0 : p * sign));
}

/**
 * What each share of an amount comes to, and what is left unshared: the shares (basis points,
 * adding up to 10,000 or less) and the rest together split the whole amount exactly.
 */
export function applyShares(total: number, sharesBp: readonly number[]): { parts: number[]; unshared: number } {
  const used = sharesBp.reduce((a, b) => a + b, 0);
  const split = splitPence(total, [...sharesBp, Math.max(0, WHOLE_BP - used)]);
  return { parts: split.slice(0, sharesBp.length), unshared: split[sharesBp.length] ?? 0 };
}

export interface ShareProblem {
  /** The index of the share at fault, or null for the set as a whole. */
  index: number | null;
  message: string;
}

function checkEach(
  shares: ReadonlyArray<{ key: string; shareBp: number }>,
  duplicate: string,
  minimum: number,
): ShareProblem[] {
  const problems: ShareProblem[] = [];
  const seen = new Set<string>();
  shares.forEach((share, index) => {
    if (!Number.isInteger(share.shareBp) || share.shareBp < minimum || share.shareBp > WHOLE_BP)
      problems.push({
        index,
        message: `Each share must be between ${minimum === 0 ? '0' : '0.01'}% and 100%, to two decimal places`,
      });
    if (seen.has(share.key)) problems.push({ index, message: duplicate });
    seen.add(share.key);
  });
  return problems;
}

/**
 * A pooled budget's shares: each contributor once, each share above 0, and together exactly
 * 100%. A pooled budget is the whole of what its partners put in, so 99% or 101% is a mistake.
 */
export function checkPooledShares(shares: ReadonlyArray<{ organisationId: string; shareBp: number }>): ShareProblem[] {
  if (shares.length === 0) return [{ index: null, message: 'Add at least one contributor and their share' }];
  const problems = checkEach(
    shares.map((s) => ({ key: s.organisationId, shareBp: s.shareBp })),
    'Each contributor may appear only once',
    1,
  );
  const total = shares.reduce((a, s) => a + s.shareBp, 0);
  if (problems.length === 0 && total !== WHOLE_BP)
    problems.push({ index: null, message: `The shares add up to ${percentLabel(total)}: they must add up to 100%` });
  return problems;
}

/**
 * A budget line's (or a pooled budget's) shares toward outcomes: each outcome once, each share
 * above 0, and together no more than 100%. Less is allowed: the rest works toward no outcome
 * of the framework, which the money-by-outcome view flags.
 */
export function checkOutcomeShares(shares: ReadonlyArray<{ outcomeId: string; shareBp: number }>): ShareProblem[] {
  const problems = checkEach(
    shares.map((s) => ({ key: s.outcomeId, shareBp: s.shareBp })),
    'Each outcome may appear only once',
    1,
  );
  const total = shares.reduce((a, s) => a + s.shareBp, 0);
  if (problems.length === 0 && total > WHOLE_BP)
    problems.push({
      index: null,
      message: `The shares add up to ${percentLabel(total)}: a line cannot put more than 100% toward outcomes`,
    });
  return problems;
}

// --- contributions ------------------------------------------------------------------------------

export const CONTRIBUTION_KINDS = ['cash', 'in-kind', 'staff-time'] as const;
export type ContributionKind = (typeof CONTRIBUTION_KINDS)[number];

export interface ContributionValueInput {
  kind: ContributionKind;
  /** Cash, or the value put on an in-kind contribution. */
  amountPence: number | null;
  /** Staff time, in hours a year. */
  hours: number | null;
  /** A rate per hour for the grade of the staff, when given; else the organisation's sector rate. */
  ratePence: number | null;
  sector: Sector;
}

/** What a contribution is worth in pence at the given rates. */
export function contributionPence(c: ContributionValueInput, rates: CostRates, rateFactor = 1): number {
  if (c.kind !== 'staff-time') return c.amountPence ?? 0;
  const hours = c.hours ?? 0;
  if (c.ratePence !== null) return Math.round(hours * c.ratePence * rateFactor);
  return hoursCostPence(hours, c.sector, scaleRates(rates, rateFactor));
}

/** The rates with every hourly cost multiplied (rounded to the penny), for sensitivity. */
export function scaleRates(rates: CostRates, factor: number): CostRates {
  if (factor === 1) return rates;
  const hourly = Object.fromEntries(
    Object.entries(rates.hourlyPenceBySector).map(([sector, pence]) => [sector, Math.round(pence * factor)]),
  ) as Record<Sector, number>;
  return { ...rates, hourlyPenceBySector: hourly };
}

// --- cost-benefit ---------------------------------------------------------------------------------

export const BENEFIT_KINDS = ['indicator', 'costs-avoided', 'external-funding', 'qualitative'] as const;
export type BenefitKind = (typeof BENEFIT_KINDS)[number];
export const CONFIDENCE = ['high', 'medium', 'low'] as const;
export type Confidence = (typeof CONFIDENCE)[number];

export interface BenefitValueInput {
  kind: BenefitKind;
  /** What the benefit is worth in pence: for an indicator, the whole change valued; null when qualitative. */
  valuePence: number | null;
  /** For an indicator: the share of the change owed to the partnership (basis points). */
  attributionBp: number | null;
}

/** What a benefit counts for, with the attribution shares multiplied by a factor (clamped to 0–100%). */
export function benefitPence(b: BenefitValueInput, attributionFactor = 1): number {
  if (b.kind === 'qualitative' || b.valuePence === null) return 0;
  if (b.kind !== 'indicator') return b.valuePence;
  const share = Math.min(WHOLE_BP, Math.max(0, Math.round((b.attributionBp ?? WHOLE_BP) * attributionFactor)));
  return Math.round((b.valuePence * share) / WHOLE_BP);
}

export interface Sensitivity {
  /** Hourly rates are tried this much lower and higher (0.25: from 75% to 125%). */
  rateSpread: number;
  /** Attribution shares are tried this much lower and higher (0.5: from half to one and a half). */
  attributionSpread: number;
}

export const DEFAULT_SENSITIVITY: Readonly<Sensitivity> = { rateSpread: 0.25, attributionSpread: 0.5 };

/** A meeting held, with the organisations recorded as attending (present or by substitute). */
export interface HeldMeeting {
  attendingOrganisationIds: readonly string[];
}

export interface CostBenefitInput {
  /** The partnership's meeting pattern and members, as the overlap engine costs it. */
  meetings: CostInput;
  /**
   * The meetings recorded as held in the year. When there are any, the transaction cost is
   * theirs (each meeting's attendance where recorded, else the pattern's attendees); when
   * none, the assumed pattern is costed.
   */
  held?: readonly HeldMeeting[];
  sectorOf: SectorOf;
  contributions: readonly ContributionValueInput[];
  benefits: readonly BenefitValueInput[];
}

export interface CostParts {
  transactionPence: number;
  /** The meeting pattern (or, for meetings held, their length) was missing and defaults were used. */
  transactionEstimated: boolean;
  /** Whether the transaction cost is of the meetings recorded as held, or of the assumed pattern. */
  transactionBasis: 'meetings-held' | 'pattern';
  /** How many meetings were costed: those held, or the pattern's meetings a year. */
  meetingsCosted: number;
  /** The attendances costed: summed over the meetings held, or the pattern's attendees a meeting × meetings. */
  attendancesCosted: number;
  cashPence: number;
  inKindPence: number;
  staffTimePence: number;
  totalPence: number;
}

/** The yearly cost of a partnership at the given rates: its meetings, and what the partners put in. */
/**
 * The transaction cost of the meetings held: each meeting's attendances × (its length +
 * preparation) × the mean rate of the organisations attending it (of the members when its
 * attendance is not recorded, counting the pattern's attendees).
 */
export function heldMeetingsCost(
  held: readonly HeldMeeting[],
  meetings: CostInput,
  sectorOf: SectorOf,
  rates: CostRates,
): { pence: number; estimated: boolean; attendances: number } {
  const pattern = meetingPattern(meetings, rates);
  const hours = pattern.meetingMinutes / 60 + rates.preparationHoursPerMeeting;
  let pence = 0;
  let attendances = 0;
  for (const meeting of held) {
    const recorded = meeting.attendingOrganisationIds.length > 0;
    const who = recorded ? meeting.attendingOrganisationIds : meetings.memberOrganisationIds;
    const attendees = recorded ? meeting.attendingOrganisationIds.length : pattern.attendees;
    const distinct = [...new Set(who)];
    const mean =
      distinct.length === 0
        ? rates.hourlyPenceBySector.public
        : distinct.reduce((a, id) => a + rates.hourlyPenceBySector[sectorOf(id) ?? 'public'], 0) / distinct.length;
    pence += attendees * hours * mean;
    attendances += attendees;
  }
  return { pence: Math.round(pence), estimated: meetings.meetingMinutes === null, attendances };
}

export function costOf(
  input: Pick<CostBenefitInput, 'meetings' | 'sectorOf' | 'contributions' | 'held'>,
  rates: CostRates,
) {
  const fromHeld = input.held !== undefined && input.held.length > 0;
  const pattern = meetingPattern(input.meetings, rates);
  const transaction = fromHeld
    ? heldMeetingsCost(input.held ?? [], input.meetings, input.sectorOf, rates)
    : {
        ...yearlyCost(input.meetings, input.sectorOf, rates),
        attendances: pattern.attendees * pattern.meetingsPerYear,
      };
  let cashPence = 0;
  let inKindPence = 0;
  let staffTimePence = 0;
  for (const c of input.contributions) {
    const pence = contributionPence(c, rates);
    if (c.kind === 'cash') cashPence += pence;
    else if (c.kind === 'in-kind') inKindPence += pence;
    else staffTimePence += pence;
  }
  const parts: CostParts = {
    transactionPence: transaction.pence,
    transactionEstimated: transaction.estimated,
    transactionBasis: fromHeld ? 'meetings-held' : 'pattern',
    meetingsCosted: fromHeld ? (input.held?.length ?? 0) : pattern.meetingsPerYear,
    attendancesCosted: transaction.attendances,
    cashPence,
    inKindPence,
    staffTimePence,
    totalPence: transaction.pence + cashPence + inKindPence + staffTimePence,
  };
  return parts;
}

export type Verdict = 'not-assessed' | 'not-valued' | 'no-cost' | 'review' | 'uncertain' | 'advantage';

export const VERDICT_TEXT: Record<Verdict, string> = {
  'not-assessed': 'Not yet assessed: no benefit has been recorded',
  'not-valued': 'Benefits recorded but not valued in money: judge them against the cost',
  'no-cost': 'No cost recorded: record the meeting pattern and contributions',
  review: 'Costs exceed recorded benefits: review',
  uncertain: 'Costs and recorded benefits are close: the answer depends on the assumptions',
  advantage: 'Recorded benefits exceed costs, on every assumption tried',
};

export interface CostBenefit {
  cost: CostParts;
  /** The cost with hourly rates at their low and high ends. */
  costLowPence: number;
  costHighPence: number;
  benefitPence: number;
  benefitLowPence: number;
  benefitHighPence: number;
  /** How many benefits are recorded, and how many of them are qualitative only. */
  benefitsRecorded: number;
  qualitative: number;
  /**
   * Benefit over cost; null when either side cannot be divided (no cost, or nothing valued).
   * The ends are null exactly when the centre is; the upper end may be infinite.
   */
  ratio: number | null;
  ratioLow: number | null;
  ratioHigh: number | null;
  verdict: Verdict;
}

/**
 * A partnership's cost against its recorded benefits. The ratio's range takes the lowest
 * benefit (attribution shares reduced) over the highest cost (rates raised), and the highest
 * over the lowest, so it always contains the central figure. A partnership with no benefit
 * recorded is "not yet assessed", never a ratio of zero.
 */
export function costBenefit(
  input: CostBenefitInput,
  rates: CostRates,
  sensitivity: Sensitivity = DEFAULT_SENSITIVITY,
): CostBenefit {
  const cost = costOf(input, rates);
  const costLowPence = costOf(input, scaleRates(rates, 1 - sensitivity.rateSpread)).totalPence;
  const costHighPence = costOf(input, scaleRates(rates, 1 + sensitivity.rateSpread)).totalPence;
  const sum = (factor: number) => input.benefits.reduce((a, b) => a + benefitPence(b, factor), 0);
  const benefit = sum(1);
  const benefitLow = sum(1 - sensitivity.attributionSpread);
  const benefitHigh = sum(1 + sensitivity.attributionSpread);
  const qualitative = input.benefits.filter((b) => b.kind === 'qualitative' || b.valuePence === null).length;
  const valued = input.benefits.length - qualitative;
  const ratio = cost.totalPence > 0 && valued > 0 ? benefit / cost.totalPence : null;
  // The ends exist when the centre does; the lower cost may round to nothing (a few minutes of
  // staff time at a reduced rate), and then the upper end has no limit.
  const ratioLow = ratio === null ? null : benefitLow / costHighPence;
  const ratioHigh = ratio === null ? null : costLowPence > 0 ? benefitHigh / costLowPence : Number.POSITIVE_INFINITY;
  let verdict: Verdict;
  if (input.benefits.length === 0) verdict = 'not-assessed';
  else if (valued === 0) verdict = 'not-valued';
  else if (cost.totalPence === 0) verdict = 'no-cost';
  else if ((ratioHigh ?? 0) < 1) verdict = 'review';
  else if ((ratioLow ?? 0) >= 1) verdict = 'advantage';
  else verdict = 'uncertain';
  return {
    cost,
    costLowPence,
    costHighPence,
    benefitPence: benefit,
    benefitLowPence: benefitLow,
    benefitHighPence: benefitHigh,
    benefitsRecorded: input.benefits.length,
    qualitative,
    ratio,
    ratioLow,
    ratioHigh,
    verdict,
  };
}

/**
 * The league table's order: assessed partnerships by ratio, best first (ties by name); then
 * those with benefits not valued; then "not yet assessed", by name. Never zero for the unassessed.
 */
export function leagueOrder<T extends { name: string; result: CostBenefit }>(rows: readonly T[]): T[] {
  const rank = (r: T) =>
    r.result.ratio !== null ? 0 : r.result.verdict === 'not-assessed' ? 3 : r.result.verdict === 'no-cost' ? 1 : 2;
  return [...rows].sort(
    (a, b) =>
      rank(a) - rank(b) || (b.result.ratio ?? 0) - (a.result.ratio ?? 0) || a.name.localeCompare(b.name, 'en-GB'),
  );
}

// --- the funding cliff edge --------------------------------------------------------------------------

export const CLIFF_WINDOWS = [6, 12, 24] as const;
export type CliffWindow = (typeof CLIFF_WINDOWS)[number];

/**
 * Which window a fund's end falls in, counted from today: 6 when it ends within six months
 * (on or before the day six months on), else 12, else 24; null when it ended before today or
 * ends later than 24 months on. A fund ending today still ends in the window.
 */
export function cliffWindow(today: string, endsOn: string): CliffWindow | null {
  if (endsOn < today) return null;
  for (const months of CLIFF_WINDOWS) if (endsOn <= addMonths(today, months)) return months;
  return null;
}

export const REMINDER_MONTHS = [12, 6] as const;

/**
 * The reminders a fund is due today, given those already sent: 12 months and 6 months before
 * its end. A fund first seen inside six months gets the six-month reminder only (the 12-month
 * one is then marked sent with it, so it never arrives late and out of order).
 * `send` is the reminder to send now (or null), `mark` every threshold to record as sent.
 */
export function remindersDue(
  today: string,
  endsOn: string,
  sent: readonly number[],
): { send: number | null; mark: number[] } {
  if (endsOn < today) return { send: null, mark: [] };
  const reached = REMINDER_MONTHS.filter((m) => endsOn <= addMonths(today, m));
  const unsent = reached.filter((m) => !sent.includes(m));
  if (unsent.length === 0) return { send: null, mark: [] };
  return { send: Math.min(...unsent), mark: unsent };
}

/** Whole months from today to a date, rounded down, for sentences ("ends in 5 months"). */
export function monthsUntil(today: string, endsOn: string): number {
  let months = 0;
  while (addMonths(today, months + 1) <= endsOn && months < 1200) months++;
  return months;
}

// --- money by outcome -------------------------------------------------------------------------------

export interface OutcomeMoneyInput {
  outcomes: ReadonlyArray<{ id: string; offTrack: boolean }>;
  /** Mainstream budget lines of the year, with the year before for the same line key. */
  lines: ReadonlyArray<{
    organisationId: string;
    amountPence: number;
    year: number;
    shares: ReadonlyArray<{ outcomeId: string; shareBp: number }>;
  }>;
  pooled: ReadonlyArray<{
    amountPence: number;
    contributors: ReadonlyArray<{ organisationId: string; shareBp: number }>;
    outcomes: ReadonlyArray<{ outcomeId: string; shareBp: number }>;
  }>;
  funds: ReadonlyArray<{ funderKey: string; amountPence: number; outcomeIds: readonly string[] }>;
  year: number;
}

export interface OutcomeMoney {
  outcomeId: string;
  mainstreamPence: number;
  pooledPence: number;
  fundPence: number;
  totalPence: number;
  /** By partner (organisation id, or the fund's funder key), in pence. */
  byPartner: Map<string, number>;
  previousMainstreamPence: number;
  flags: Array<'no-money' | 'off-track-money-grew'>;
}

export interface MoneyByOutcome {
  outcomes: OutcomeMoney[];
  /** Money of the year that works toward no outcome. */
  unmapped: { mainstreamPence: number; pooledPence: number; fundPence: number };
}

function add(map: Map<string, number>, key: string, pence: number) {
  if (pence !== 0) map.set(key, (map.get(key) ?? 0) + pence);
}

/**
 * Every outcome with the mainstream, pooled and fund money behind it in a year, by partner,
 * and the gaps: an outcome with no money; money mapped to no outcome; an outcome off track
 * whose mainstream money grew on the year before. Each split keeps every penny.
 */
export function moneyByOutcome(input: OutcomeMoneyInput): MoneyByOutcome {
  const rows = new Map<string, OutcomeMoney>(
    input.outcomes.map((o) => [
      o.id,
      {
        outcomeId: o.id,
        mainstreamPence: 0,
        pooledPence: 0,
        fundPence: 0,
        totalPence: 0,
        byPartner: new Map(),
        previousMainstreamPence: 0,
        flags: [],
      },
    ]),
  );
  const unmapped = { mainstreamPence: 0, pooledPence: 0, fundPence: 0 };
  for (const line of input.lines) {
    const known = line.shares.filter((s) => rows.has(s.outcomeId));
    const { parts, unshared } = applyShares(
      line.amountPence,
      known.map((s) => s.shareBp),
    );
    if (line.year === input.year) unmapped.mainstreamPence += unshared;
    known.forEach((share, i) => {
      const row = rows.get(share.outcomeId) as OutcomeMoney;
      const pence = parts[i] ?? 0;
      if (line.year === input.year) {
        row.mainstreamPence += pence;
        add(row.byPartner, line.organisationId, pence);
      } else if (line.year === input.year - 1) row.previousMainstreamPence += pence;
    });
  }
  for (const budget of input.pooled) {
    const known = budget.outcomes.filter((s) => rows.has(s.outcomeId));
    const { parts, unshared } = applyShares(
      budget.amountPence,
      known.map((s) => s.shareBp),
    );
    unmapped.pooledPence += unshared;
    known.forEach((share, i) => {
      const row = rows.get(share.outcomeId) as OutcomeMoney;
      const pence = parts[i] ?? 0;
      row.pooledPence += pence;
      const byContributor = splitPence(
        pence,
        budget.contributors.map((c) => c.shareBp),
      );
      budget.contributors.forEach((c, j) => add(row.byPartner, c.organisationId, byContributor[j] ?? 0));
    });
  }
  for (const fund of input.funds) {
    const known = [...new Set(fund.outcomeIds)].filter((id) => rows.has(id));
    if (known.length === 0) {
      unmapped.fundPence += fund.amountPence;
      continue;
    }
    const parts = splitPence(
      fund.amountPence,
      known.map(() => 1),
    );
    known.forEach((id, i) => {
      const row = rows.get(id) as OutcomeMoney;
      row.fundPence += parts[i] ?? 0;
      add(row.byPartner, fund.funderKey, parts[i] ?? 0);
    });
  }
  const offTrack = new Set(input.outcomes.filter((o) => o.offTrack).map((o) => o.id));
  for (const row of rows.values()) {
    row.totalPence = row.mainstreamPence + row.pooledPence + row.fundPence;
    if (row.totalPence === 0) row.flags.push('no-money');
    if (
      offTrack.has(row.outcomeId) &&
      row.previousMainstreamPence > 0 &&
      row.mainstreamPence > row.previousMainstreamPence
    )
      row.flags.push('off-track-money-grew');
  }
  return { outcomes: [...rows.values()], unmapped };
}

// --- money as pounds ---------------------------------------------------------------------------------

/**
 * Pounds as people type them ("£12,000", "12000.5", "1,234.56") to whole pence, or undefined
 * when it is not an amount to the penny. Exact: no float multiplication.
 */
export function parsePounds(text: string): number | undefined {
  const match = /^\s*£?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?\s*$/.exec(text);
  if (!match) return undefined;
  const pounds = Number((match[1] as string).replace(/,/g, ''));
  const pence = Number(((match[2] ?? '') + '00').slice(0, 2));
  const total = pounds * 100 + pence;
  return Number.isSafeInteger(total) ? total : undefined;
}

/** A percentage as typed ("33.33", "33.33%") to basis points, or undefined. */
export function parsePercent(text: string): number | undefined {
  const match = /^\s*(\d{1,3})(?:\.(\d{1,2}))?\s*%?\s*$/.exec(text);
  if (!match) return undefined;
  return Number(match[1]) * 100 + Number(((match[2] ?? '') + '00').slice(0, 2));
}

/**
 * Money by theme: each outcome's money counted under each of its themes (an outcome with two
 * themes counts in both, so themes do not add up to the whole), with how many outcomes each has
 * and how many of them have no money.
 */
export function moneyByTheme(
  rows: ReadonlyArray<{ themes: readonly string[]; mainstreamPence: number; pooledPence: number; fundPence: number }>,
): Array<{
  theme: string;
  outcomes: number;
  unfunded: number;
  mainstreamPence: number;
  pooledPence: number;
  fundPence: number;
  totalPence: number;
}> {
  const themes = new Map<
    string,
    {
      theme: string;
      outcomes: number;
      unfunded: number;
      mainstreamPence: number;
      pooledPence: number;
      fundPence: number;
      totalPence: number;
    }
  >();
  for (const row of rows) {
    for (const theme of new Set(row.themes)) {
      const t = themes.get(theme) ?? {
        theme,
        outcomes: 0,
        unfunded: 0,
        mainstreamPence: 0,
        pooledPence: 0,
        fundPence: 0,
        totalPence: 0,
      };
      const total = row.mainstreamPence + row.pooledPence + row.fundPence;
      t.outcomes++;
      if (total === 0) t.unfunded++;
      t.mainstreamPence += row.mainstreamPence;
      t.pooledPence += row.pooledPence;
      t.fundPence += row.fundPence;
      t.totalPence += total;
      themes.set(theme, t);
    }
  }
  return [...themes.values()].sort((a, b) => b.totalPence - a.totalPence || a.theme.localeCompare(b.theme));
}
