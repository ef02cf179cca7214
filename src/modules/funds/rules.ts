/**
 * The rules of the community capacity funds, as pure functions: no database, no clock (the
 * time is always passed in). The service asks them; the tests try them one by one.
 *
 * Money is integer pence. A criterion is scored by each assessor from 0 to MAX_SCORE; a score
 * is the weighted share of the most it could be, in tenths of a percent (0–1000), so no score
 * is ever a float in the database and two scores compare exactly.
 */
import { splitPence } from '../resources/rules.js';

export const MAX_SCORE = 5;
/** How far apart two assessors' scores may be, in percentage points, before a moderator must agree one. */
export const DEFAULT_MODERATION_THRESHOLD = 15;
/** How long a save-and-return link works after it is sent. */
export const RETURN_LINK_DAYS = 14;
export const MAX_INSTALMENTS = 12;

export interface Criterion {
  key: string;
  label: string;
  /** A whole number; only the proportions between criteria matter. */
  weight: number;
}

export type CriterionScores = Record<string, number>;

// --- rounds -----------------------------------------------------------------------------------

export type RoundStatus = 'upcoming' | 'open' | 'closed';

/** A round takes applications from its opening day to its closing day, both included (London dates). */
export function roundStatus(round: { opens_on: string; closes_on: string }, today: string): RoundStatus {
  if (today < round.opens_on) return 'upcoming';
  if (today > round.closes_on) return 'closed';
  return 'open';
}

/** Why a round's criteria cannot be used, or nothing: at least one, unique labels, weights of 1 or more. */
export function criteriaProblems(criteria: Array<{ label: string; weight: number }>): string[] {
  const problems: string[] = [];
  if (criteria.length === 0) problems.push('Enter at least one criterion');
  const seen = new Set<string>();
  for (const c of criteria) {
    const key = c.label.trim().toLowerCase();
    if (seen.has(key)) problems.push(`“${c.label}” is listed twice`);
    seen.add(key);
    if (!Number.isInteger(c.weight) || c.weight < 1 || c.weight > 100)
      problems.push(`The weight of “${c.label}” must be a whole number from 1 to 100`);
  }
  return problems;
}

/** A stable key for a criterion from its label: "Reaches people not heard" is "reaches-people-not-heard". */
export function criterionKey(label: string, index: number): string {
  const slug = label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
  return slug || `criterion-${index + 1}`;
}

// --- scoring ----------------------------------------------------------------------------------

/** Why a set of scores is not a full assessment against the criteria, or nothing. */
export function scoreProblems(criteria: Criterion[], scores: CriterionScores): Array<{ key: string; message: string }> {
  const problems: Array<{ key: string; message: string }> = [];
  for (const c of criteria) {
    const value = scores[c.key];
    if (value === undefined) problems.push({ key: c.key, message: `Score “${c.label}”` });
    else if (!Number.isInteger(value) || value < 0 || value > MAX_SCORE)
      problems.push({
        key: c.key,
        message: `The score for “${c.label}” must be a whole number from 0 to ${MAX_SCORE}`,
      });
  }
  return problems;
}

/**
 * One assessor's weighted score in tenths of a percent: Σ(score × weight) over the most it could
 * be (MAX_SCORE × Σ weight), rounded half up. Scores 5 and 0 on criteria weighted 3 and 1 give 750.
 */
export function weightedScore(criteria: Criterion[], scores: CriterionScores): number {
  const totalWeight = criteria.reduce((sum, c) => sum + c.weight, 0);
  if (totalWeight === 0) return 0;
  const got = criteria.reduce((sum, c) => sum + (scores[c.key] ?? 0) * c.weight, 0);
  // Whole-number arithmetic: got × 1000 / (MAX × total), rounded half up.
  return Math.floor((got * 2000 + MAX_SCORE * totalWeight) / (2 * MAX_SCORE * totalWeight));
}

/** A score in tenths of a percent as people read it: 750 is "75.0%". */
export function scoreLabel(tenths: number | null | undefined): string {
  if (tenths === null || tenths === undefined) return '';
  return `${Math.floor(tenths / 10)}.${tenths % 10}%`;
}

export interface Moderation {
  /** The two assessors' scores differ by more than the threshold. */
  needsModeration: boolean;
  difference: number;
  /** The score the decision rests on, or null while it is not settled. */
  finalScore: number | null;
  state: 'awaiting-assessments' | 'awaiting-moderation' | 'settled';
}

/**
 * Where an application's assessment stands. Two assessments are needed; if their scores differ
 * by more than the threshold (percentage points) a moderator must agree a score, and that score
 * is final; otherwise the final score is their mean (rounded half up). A moderator's agreed score
 * stands even when the two were close: a moderator may correct a shared mistake.
 */
export function moderation(
  assessments: number[],
  agreedScore: number | null,
  thresholdPoints = DEFAULT_MODERATION_THRESHOLD,
): Moderation {
  if (assessments.length < 2) {
    return { needsModeration: false, difference: 0, finalScore: agreedScore, state: 'awaiting-assessments' };
  }
  const [a, b] = assessments as [number, number];
  const difference = Math.abs(a - b);
  const needsModeration = difference > thresholdPoints * 10;
  if (agreedScore !== null) return { needsModeration, difference, finalScore: agreedScore, state: 'settled' };
  if (needsModeration) return { needsModeration, difference, finalScore: null, state: 'awaiting-moderation' };
  return { needsModeration, difference, finalScore: Math.floor((a + b + 1) / 2), state: 'settled' };
}

// --- awards -----------------------------------------------------------------------------------

/** What is left of a round's budget after the awards already made. */
export function remainingBudget(budgetPence: number, awardedPence: number[]): number {
  return budgetPence - awardedPence.reduce((sum, p) => sum + p, 0);
}

/**
 * Why an award cannot be made, or nothing: more than a penny, no more than was asked for, and
 * never more than the round has left. The service asks this inside the transaction that writes
 * the award, with the round locked, so two awards made at once cannot overspend it.
 */
export function awardProblems(amountPence: number, requestedPence: number, remainingPence: number): string[] {
  if (!Number.isSafeInteger(amountPence) || amountPence <= 0) return ['Enter an amount of more than £0'];
  const problems: string[] = [];
  if (amountPence > requestedPence) problems.push('The award cannot be more than the group asked for');
  if (amountPence > remainingPence)
    problems.push(
      remainingPence <= 0
        ? 'The round has no budget left'
        : `The award cannot be more than the ${pounds(remainingPence)} left in the round’s budget`,
    );
  return problems;
}

function pounds(pence: number): string {
  const whole = Math.floor(pence / 100).toLocaleString('en-GB');
  return pence % 100 === 0 ? `£${whole}` : `£${whole}.${String(pence % 100).padStart(2, '0')}`;
}

// --- payments ---------------------------------------------------------------------------------

/** A calendar date some months on, kept to the month's last day. */
export function addMonthsTo(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * An award paid in equal instalments a number of months apart: the pence split so the parts add
 * up to the award exactly (the first instalments take any odd pence).
 */
export function instalmentSchedule(
  awardPence: number,
  count: number,
  firstDueOn: string,
  monthsApart: number,
): Array<{ number: number; dueOn: string; amountPence: number }> {
  if (!Number.isInteger(count) || count < 1 || count > MAX_INSTALMENTS)
    throw new RangeError(`An award is paid in 1 to ${MAX_INSTALMENTS} instalments`);
  return splitPence(awardPence, Array(count).fill(1) as number[]).map((amountPence, i) => ({
    number: i + 1,
    dueOn: addMonthsTo(firstDueOn, i * monthsApart),
    amountPence,
  }));
}

// --- save and return --------------------------------------------------------------------------

/** A save-and-return link works until its expiry instant, not after (the instant itself has passed it). */
export function linkExpired(expiresAt: Date, now: Date): boolean {
  return now.getTime() >= expiresAt.getTime();
}

export function linkExpiry(now: Date, days = RETURN_LINK_DAYS): Date {
  return new Date(now.getTime() + days * 24 * 60 * 60 * 1000);
}

// --- 360Giving identifiers --------------------------------------------------------------------

/**
 * The org-id of a group: its charity or company number where it has one (GB-CHC-, GB-COH-),
 * otherwise an identifier in the publisher's own 360G- space, as the standard allows for groups
 * with no registration.
 */
export function recipientIdentifier(
  group: { charity_number: string | null; company_number: string | null; id: string },
  prefix: string,
): string {
  if (group.charity_number) return `GB-CHC-${group.charity_number.replace(/\s+/g, '')}`;
  if (group.company_number) return `GB-COH-${group.company_number.replace(/\s+/g, '').toUpperCase()}`;
  return `${prefix}-org-${group.id}`;
}
