/**
 * The proposal workflow as a pure state machine: which action may be taken from which state,
 * and by whom. No database and no principal: the service works out who someone is for a
 * proposal (its proposer, one of its deciders, the regional adviser) and asks here.
 *
 *   draft → submitted → under review → more information requested → resubmitted
 *         → approved / approved with conditions / rejected
 *   withdrawn from any open state
 *
 * The Government Office adviser may comment at any open state and nothing else: their advice
 * is advice, with no decision and no veto. A proposer never reviews or decides their own
 * proposal, even when they also hold the gatekeeper role.
 */
export const STATES = [
  'draft',
  'submitted',
  'under-review',
  'more-information-requested',
  'resubmitted',
  'approved',
  'approved-with-conditions',
  'rejected',
  'withdrawn',
] as const;
export type State = (typeof STATES)[number];

export const OPEN_STATES: readonly State[] = [
  'draft',
  'submitted',
  'under-review',
  'more-information-requested',
  'resubmitted',
];
export const DECIDED_STATES: readonly State[] = ['approved', 'approved-with-conditions', 'rejected'];
/** States in which the proposal waits on the gatekeeper: the service level clock runs. */
export const AWAITING_GATEKEEPER: readonly State[] = ['submitted', 'under-review', 'resubmitted'];

export const DECISION_OUTCOMES = ['approved', 'approved-with-conditions', 'rejected'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

export const STATE_LABELS: Record<State, string> = {
  draft: 'Draft',
  submitted: 'Submitted',
  'under-review': 'Under review',
  'more-information-requested': 'More information requested',
  resubmitted: 'Resubmitted',
  approved: 'Approved',
  'approved-with-conditions': 'Approved with conditions',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
};

export const ACTIONS = [
  'edit',
  'submit',
  'start-review',
  'request-information',
  'resubmit',
  'approve',
  'approve-with-conditions',
  'reject',
  'withdraw',
  'comment',
] as const;
export type Action = (typeof ACTIONS)[number];

/** Who someone is for one proposal. One person may be several (an administrator who proposes). */
export interface Standing {
  proposer: boolean;
  /** May decide proposals of this kind here (local: LSP manager or panel; national: national gatekeeper). */
  decider: boolean;
  /** The Government Office adviser for the locality's region. */
  adviser: boolean;
}

type Party = 'proposer' | 'decider' | 'adviser';

interface Rule {
  from: readonly State[];
  /** The state after the action; the same state for edits and comments. */
  to: State | 'same';
  by: readonly Party[];
}

const DECIDABLE: readonly State[] = ['submitted', 'under-review', 'resubmitted'];

export const RULES: Record<Action, Rule> = {
  edit: { from: ['draft', 'more-information-requested'], to: 'same', by: ['proposer'] },
  submit: { from: ['draft'], to: 'submitted', by: ['proposer'] },
  'start-review': { from: ['submitted', 'resubmitted'], to: 'under-review', by: ['decider'] },
  'request-information': { from: DECIDABLE, to: 'more-information-requested', by: ['decider'] },
  resubmit: { from: ['more-information-requested'], to: 'resubmitted', by: ['proposer'] },
  approve: { from: DECIDABLE, to: 'approved', by: ['decider'] },
  'approve-with-conditions': { from: DECIDABLE, to: 'approved-with-conditions', by: ['decider'] },
  reject: { from: DECIDABLE, to: 'rejected', by: ['decider'] },
  withdraw: { from: OPEN_STATES, to: 'withdrawn', by: ['proposer'] },
  comment: { from: OPEN_STATES, to: 'same', by: ['proposer', 'decider', 'adviser'] },
};

/** Actions a decider takes on someone else's proposal: never on their own. */
const GATEKEEPING: readonly Action[] = [
  'start-review',
  'request-information',
  'approve',
  'approve-with-conditions',
  'reject',
];

export type Verdict = { allowed: true; to: State } | { allowed: false; reason: string };

export function decide(action: Action, state: State, who: Standing): Verdict {
  const rule = RULES[action];
  if (!rule.from.includes(state))
    return {
      allowed: false,
      reason: `A proposal that is ${STATE_LABELS[state].toLowerCase()} cannot be ${PAST[action]}`,
    };
  if (GATEKEEPING.includes(action) && who.proposer)
    return { allowed: false, reason: 'You cannot review or decide a proposal you made' };
  const acting = rule.by.some((party) => who[party]);
  if (!acting) return { allowed: false, reason: refusal(action, who) };
  return { allowed: true, to: rule.to === 'same' ? state : rule.to };
}

function refusal(action: Action, who: Standing): string {
  if (who.adviser && GATEKEEPING.includes(action))
    return 'The Government Office adviser may comment and advise; the decision is the gatekeeper’s';
  if (GATEKEEPING.includes(action)) return 'Only the gatekeeper for this proposal may review or decide it';
  if (action === 'comment') return 'Only the proposer, the gatekeeper and the Government Office adviser may comment';
  return 'Only the proposer may do this';
}

const PAST: Record<Action, string> = {
  edit: 'changed',
  submit: 'submitted',
  'start-review': 'taken into review',
  'request-information': 'sent back for more information',
  resubmit: 'resubmitted',
  approve: 'approved',
  'approve-with-conditions': 'approved with conditions',
  reject: 'rejected',
  withdraw: 'withdrawn',
  comment: 'commented on',
};

/** The actions this person may take now, for showing buttons. */
export function availableActions(state: State, who: Standing): Action[] {
  return ACTIONS.filter((a) => decide(a, state, who).allowed);
}

export function isState(value: string): value is State {
  return (STATES as readonly string[]).includes(value);
}

export function isOpen(state: State): boolean {
  return OPEN_STATES.includes(state);
}

export function outcomeAction(outcome: DecisionOutcome): Action {
  return outcome === 'approved'
    ? 'approve'
    : outcome === 'approved-with-conditions'
      ? 'approve-with-conditions'
      : 'reject';
}
