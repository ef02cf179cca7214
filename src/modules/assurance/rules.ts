/**
 * The assurance rules as pure functions: how an answer scores on its scale, how answers roll up
 * into section and overall scores with weights, which answers are weak, what the register says
 * before anyone answers (pre-fill), which partnerships are significant ("N of M" with overrides),
 * and the assurance rating an audit committee reads. No I/O here, so each is tested directly.
 */
import { addDays } from '../../core/dates.js';

export const SCALES = ['yes-partly-no', 'rag', 'one-to-five', 'text'] as const;
export type Scale = (typeof SCALES)[number];

export const SCALE_LABELS: Record<Scale, string> = {
  'yes-partly-no': 'Yes, partly or no',
  rag: 'Red, amber or green',
  'one-to-five': '1 (poor) to 5 (excellent)',
  text: 'Free text (not scored)',
};

/** The answers each scale offers, in the order they are shown, with their labels. */
export const SCALE_OPTIONS: Record<Scale, Array<{ value: string; text: string }>> = {
  'yes-partly-no': [
    { value: 'yes', text: 'Yes' },
    { value: 'partly', text: 'Partly' },
    { value: 'no', text: 'No' },
  ],
  rag: [
    { value: 'green', text: 'Green' },
    { value: 'amber', text: 'Amber' },
    { value: 'red', text: 'Red' },
  ],
  'one-to-five': ['5', '4', '3', '2', '1'].map((v) => ({ value: v, text: v })),
  text: [],
};

/** What the product can fill in from its own records before the person answers. */
export const PREFILLS = [
  'terms-of-reference',
  'reviewed-in-year',
  'sector-balance',
  'outcomes-with-targets',
  'risks-recorded',
  'costs-known',
] as const;
export type Prefill = (typeof PREFILLS)[number];

export const PREFILL_LABELS: Record<Prefill, string> = {
  'terms-of-reference': 'Terms of reference in the register',
  'reviewed-in-year': 'Review date in the register',
  'sector-balance': 'Members’ sectors in the register',
  'outcomes-with-targets': 'Outcomes and targets in plans and performance',
  'risks-recorded': 'Risks recorded in Joined Up',
  'costs-known': 'Contributions recorded in resources',
};

export interface Question {
  key: string;
  text: string;
  help?: string;
  scale: Scale;
  evidenceRequired: boolean;
  /** How much the question counts within its section; 0 counts for nothing. */
  weight: number;
  prefill?: Prefill;
}

export interface Section {
  key: string;
  title: string;
  /** How much the section counts in the overall score. */
  weight: number;
  questions: Question[];
}

export interface ChecklistDefinition {
  sections: Section[];
}

/** An answer's score from 0 to 1, or null when it is not scored (free text, or not answered). */
export function answerScore(scale: Scale, value: string | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  switch (scale) {
    case 'yes-partly-no':
      return value === 'yes' ? 1 : value === 'partly' ? 0.5 : value === 'no' ? 0 : null;
    case 'rag':
      return value === 'green' ? 1 : value === 'amber' ? 0.5 : value === 'red' ? 0 : null;
    case 'one-to-five': {
      const n = Number(value);
      return Number.isInteger(n) && n >= 1 && n <= 5 ? (n - 1) / 4 : null;
    }
    case 'text':
      return null;
  }
}

/** Whether a value is one the scale offers (free text takes anything not blank). */
export function validAnswer(scale: Scale, value: string): boolean {
  if (scale === 'text') return value.trim() !== '';
  return answerScore(scale, value) !== null;
}

/** A weak answer (half marks or less) needs an action: no, partly, red, amber, or 1 to 3 out of 5. */
export function isWeak(scale: Scale, value: string | null | undefined): boolean {
  const score = answerScore(scale, value);
  return score !== null && score <= 0.5;
}

export interface SectionScore {
  key: string;
  title: string;
  /** 0–100, rounded; null when nothing scored in the section is answered. */
  score: number | null;
  answered: number;
  scored: number;
}

export interface Scores {
  sections: SectionScore[];
  /** 0–100, rounded: the sections' scores weighted by section weight; null when nothing is answered. */
  overall: number | null;
  answered: number;
  questions: number;
}

/**
 * Scores by section and overall. Within a section each answered, scored question counts by its
 * weight; an unanswered one does not count (the coverage says how much is answered). Sections
 * count by their weight among those with a score.
 */
export function scoreAssessment(definition: ChecklistDefinition, answers: ReadonlyMap<string, string>): Scores {
  let answered = 0;
  let questions = 0;
  let overallWeighted = 0;
  let overallWeight = 0;
  const sections = definition.sections.map((section) => {
    let weighted = 0;
    let weights = 0;
    let sectionAnswered = 0;
    let scored = 0;
    for (const q of section.questions) {
      questions++;
      const value = answers.get(q.key);
      if (value !== undefined && value !== '') {
        answered++;
        sectionAnswered++;
      }
      if (q.scale === 'text' || q.weight <= 0) continue;
      scored++;
      const score = answerScore(q.scale, value);
      if (score === null) continue;
      weighted += score * q.weight;
      weights += q.weight;
    }
    const score = weights > 0 ? weighted / weights : null;
    if (score !== null && section.weight > 0) {
      overallWeighted += score * section.weight;
      overallWeight += section.weight;
    }
    return {
      key: section.key,
      title: section.title,
      score: score === null ? null : Math.round(score * 100),
      answered: sectionAnswered,
      scored,
    };
  });
  return {
    sections,
    overall: overallWeight > 0 ? Math.round((overallWeighted / overallWeight) * 100) : null,
    answered,
    questions,
  };
}

export type Change = 'up' | 'down' | 'same' | 'new';

/** The arrow beside a score: against the one before it, a change of under 1 point is the same. */
export function change(current: number | null, previous: number | null | undefined): Change {
  if (current === null || previous === null || previous === undefined) return 'new';
  if (current - previous >= 1) return 'up';
  if (previous - current >= 1) return 'down';
  return 'same';
}

export const CHANGE_LABELS: Record<Change, string> = {
  up: '▲ up',
  down: '▼ down',
  same: '▶ no change',
  new: 'first',
};

// --- pre-fill -------------------------------------------------------------------------------------

/** What the product holds about a partnership, gathered for the pre-fill rules. */
export interface PartnershipFacts {
  termsOfReferenceUrl: string | null;
  /** The register's next review date. */
  reviewDate: string | null;
  /** The sectors of current members, one entry per member. */
  memberSectors: string[];
  /** Outcomes the partnership owns or contributes to, and how many of those have a target. */
  outcomes: number;
  outcomesWithTargets: number;
  /** Risks recorded for it, or null when the product keeps no risk register to ask. */
  risks: number | null;
  /** This financial year's contributions: how many, and how many confirmed by the secretary. */
  contributions: number;
  confirmedContributions: number;
}

export interface PrefillResult {
  value: string;
  /** Why: what in the product says so. */
  note: string;
}

/**
 * What the product suggests for a pre-filled question, or null when it does not know (the
 * person answers as for any other question). Suggestions are on the yes/partly/no scale; on
 * another scale the question is not pre-filled.
 */
export function prefillAnswer(
  prefill: Prefill,
  facts: PartnershipFacts,
  today: string,
  formatDate: (iso: string) => string = (iso) => iso,
): PrefillResult | null {
  switch (prefill) {
    case 'terms-of-reference':
      return facts.termsOfReferenceUrl
        ? { value: 'yes', note: `The register links to its terms of reference: ${facts.termsOfReferenceUrl}` }
        : { value: 'no', note: 'The register holds no link to terms of reference.' };
    case 'reviewed-in-year': {
      if (!facts.reviewDate) return null;
      return facts.reviewDate >= today
        ? { value: 'yes', note: `The next review is due on ${formatDate(facts.reviewDate)}, so it is not overdue.` }
        : { value: 'no', note: `The review due on ${formatDate(facts.reviewDate)} is overdue.` };
    }
    case 'sector-balance': {
      if (facts.memberSectors.length === 0) return null;
      const sectors = new Set(facts.memberSectors);
      const largest = Math.max(...[...sectors].map((s) => facts.memberSectors.filter((m) => m === s).length));
      const share = largest / facts.memberSectors.length;
      const names = [...sectors].sort().join(', ');
      const note = `${facts.memberSectors.length} members from ${sectors.size} sector${sectors.size === 1 ? '' : 's'} (${names}); the largest sector holds ${Math.round(share * 100)}% of seats.`;
      if (sectors.size >= 3 && share <= 0.6) return { value: 'yes', note };
      if (sectors.size >= 2) return { value: 'partly', note };
      return { value: 'no', note };
    }
    case 'outcomes-with-targets': {
      if (facts.outcomes === 0) return { value: 'no', note: 'No outcome in a plan names this partnership.' };
      const note = `${facts.outcomesWithTargets} of its ${facts.outcomes} outcome${facts.outcomes === 1 ? '' : 's'} ha${facts.outcomes === 1 ? 's' : 've'} a target.`;
      if (facts.outcomesWithTargets === facts.outcomes) return { value: 'yes', note };
      return { value: facts.outcomesWithTargets > 0 ? 'partly' : 'no', note };
    }
    case 'risks-recorded':
      if (facts.risks === null) return null;
      return facts.risks > 0
        ? { value: 'yes', note: `${facts.risks} risk${facts.risks === 1 ? '' : 's'} recorded.` }
        : { value: 'no', note: 'No risks are recorded for it.' };
    case 'costs-known': {
      if (facts.contributions === 0)
        return { value: 'no', note: 'No partner has recorded a contribution for this financial year.' };
      const note = `${facts.confirmedContributions} of ${facts.contributions} contributions this financial year confirmed by the secretary.`;
      return { value: facts.confirmedContributions === facts.contributions ? 'yes' : 'partly', note };
    }
  }
}

// --- significance --------------------------------------------------------------------------------

export const CRITERIA = [
  'cost-at-least',
  'corporate-priority',
  'lasts-at-least',
  'statutory',
  'members-at-least',
] as const;
export type CriterionKind = (typeof CRITERIA)[number];

export const CRITERION_LABELS: Record<CriterionKind, string> = {
  'cost-at-least': 'Costs at least an amount a year',
  'corporate-priority': 'Significant for corporate priorities (high significance in the register)',
  'lasts-at-least': 'Has lasted, or is set to last, at least a number of years',
  statutory: 'Has a statutory basis',
  'members-at-least': 'Has at least a number of member organisations',
};

export interface Criterion {
  kind: CriterionKind;
  /** Pence for cost, years for lasting, members for membership; unused otherwise. */
  amount?: number;
}

export interface SignificanceRule {
  criteria: Criterion[];
  /** How many of the criteria must hold: the "N of M" rule. */
  required: number;
}

/** What the register and money say about a partnership, for the significance rules. */
export interface SignificanceFacts {
  /** What it costs a year: its budget, or what partners put in, whichever is larger. */
  annualCostPence: number;
  significance: string | null;
  establishedOn: string | null;
  basis: string;
  members: number;
}

export interface Override {
  significant: boolean;
  reason: string;
}

export interface Classification {
  significant: boolean;
  /** How many criteria hold, of how many. */
  met: number;
  of: number;
  /** Each criterion with whether it holds and why. */
  reasons: Array<{ kind: CriterionKind; holds: boolean; because: string }>;
  override: Override | null;
}

function yearsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return ty - fy - (tm < fm || (tm === fm && td < fd) ? 1 : 0);
}

const pounds = (pence: number) => `£${Math.round(pence / 100).toLocaleString('en-GB')}`;

export function criterionHolds(
  criterion: Criterion,
  facts: SignificanceFacts,
  today: string,
): { holds: boolean; because: string } {
  const amount = criterion.amount ?? 0;
  switch (criterion.kind) {
    case 'cost-at-least':
      return {
        holds: facts.annualCostPence >= amount,
        because: `costs ${pounds(facts.annualCostPence)} a year (threshold ${pounds(amount)})`,
      };
    case 'corporate-priority':
      return {
        holds: facts.significance === 'high',
        because: facts.significance
          ? `${facts.significance} significance in the register`
          : 'no significance recorded in the register',
      };
    case 'lasts-at-least': {
      if (!facts.establishedOn) return { holds: false, because: 'no date established in the register' };
      const years = yearsBetween(facts.establishedOn, today);
      return {
        holds: years >= amount,
        because: `established ${years} year${years === 1 ? '' : 's'} ago (threshold ${amount})`,
      };
    }
    case 'statutory':
      return {
        holds: facts.basis === 'statutory',
        because: facts.basis === 'statutory' ? 'statutory basis' : `${facts.basis} basis, not statutory`,
      };
    case 'members-at-least':
      return {
        holds: facts.members >= amount,
        because: `${facts.members} member organisation${facts.members === 1 ? '' : 's'} (threshold ${amount})`,
      };
  }
}

/** Significant when at least N of the M criteria hold, unless someone has overridden it with a reason. */
export function classify(
  rule: SignificanceRule,
  facts: SignificanceFacts,
  today: string,
  override: Override | null = null,
): Classification {
  const reasons = rule.criteria.map((c) => ({ kind: c.kind, ...criterionHolds(c, facts, today) }));
  const met = reasons.filter((r) => r.holds).length;
  const byRule = rule.criteria.length > 0 && met >= rule.required;
  return {
    significant: override ? override.significant : byRule,
    met,
    of: rule.criteria.length,
    reasons,
    override,
  };
}

/** A sentence saying why: the rule's count, and the override when there is one. */
export function explain(classification: Classification, required: number): string {
  const held = classification.reasons.filter((r) => r.holds).map((r) => r.because);
  const byRule = `${classification.met} of ${classification.of} criteria hold (${required} needed)${held.length ? `: ${held.join('; ')}` : ''}.`;
  if (!classification.override) return byRule;
  return `${classification.override.significant ? 'Significant' : 'Not significant'} by decision: ${classification.override.reason} (by the rule: ${byRule.charAt(0).toLowerCase()}${byRule.slice(1)})`;
}

// --- the audit committee's rating -----------------------------------------------------------------

export const RATINGS = ['major', 'moderate', 'limited', 'none'] as const;
export type Rating = (typeof RATINGS)[number];
export const RATING_LABELS: Record<Rating, string> = {
  major: 'Major assurance',
  moderate: 'Moderate assurance',
  limited: 'Limited assurance',
  none: 'No assurance: not assessed',
};

/** The assurance rating from the latest health check score: 75 or more major, 50 or more moderate, else limited. */
export function ratingFor(score: number | null): Rating {
  if (score === null) return 'none';
  if (score >= 75) return 'major';
  if (score >= 50) return 'moderate';
  return 'limited';
}

export const FUTURES = ['continue', 'scale-down', 'exit'] as const;
export type Future = (typeof FUTURES)[number];
export const FUTURE_LABELS: Record<Future, string> = {
  continue: 'Continue',
  'scale-down': 'Scale down',
  exit: 'Exit',
};

/**
 * What the report recommends for a partnership: what its secretary proposed when it is to scale
 * down or exit; scale down when the assurance is limited or it is not assessed and the proposal
 * was to continue; otherwise continue.
 */
export function recommendation(rating: Rating, proposed: Future | null): Future {
  if (proposed === 'exit' || proposed === 'scale-down') return proposed;
  if (rating === 'limited' || rating === 'none') return 'scale-down';
  return 'continue';
}

// --- accreditation ---------------------------------------------------------------------------------

/** Days before an annual review's deadline that a secretary whose return is still out is reminded. */
export const RETURN_REMINDER_DAYS = 7;

/**
 * Whether a return still out is due a reminder today: once in the week before the deadline, and
 * once after it has passed. `chasedOn` is the day it was last chased (by hand or by this rule).
 * Dates are ISO days, compared as text.
 */
export function returnReminderDue(deadline: string, today: string, chasedOn: string | null): 'soon' | 'overdue' | null {
  const soonFrom = addDays(deadline, -RETURN_REMINDER_DAYS);
  if (today > deadline) return chasedOn === null || chasedOn <= deadline ? 'overdue' : null;
  if (today >= soonFrom) return chasedOn === null || chasedOn < soonFrom ? 'soon' : null;
  return null;
}

export const ACCREDITATION_STATES = [
  'submitted',
  'more-asked',
  'accredited',
  'accredited-with-conditions',
  'deferred',
] as const;
export type AccreditationState = (typeof ACCREDITATION_STATES)[number];
export const DECISIONS = ['accredited', 'accredited-with-conditions', 'deferred'] as const;
export type Decision = (typeof DECISIONS)[number];
export const ACCREDITATION_LABELS: Record<AccreditationState, string> = {
  submitted: 'Submitted: awaiting the Government Office',
  'more-asked': 'More information asked for',
  accredited: 'Accredited',
  'accredited-with-conditions': 'Accredited with conditions',
  deferred: 'Deferred',
};

/** Whether the adviser may decide now: once submitted (or answered after asking for more), and only once. */
export function mayDecide(state: AccreditationState): boolean {
  return state === 'submitted';
}
