/**
 * Moderation as a pure state machine: which action may be taken from which state, and by whom.
 * The service works out who someone is for an item (its author, an editor for its scope) and
 * asks here; no database, no principal.
 *
 *   draft → submitted → changes requested → submitted … → published / rejected
 *   published → draft (a revision: the published version stays public until the next publish)
 *   withdrawn from draft, submitted or changes requested
 *
 * An editor never publishes, rejects or asks for changes on their own submission: a second
 * pair of eyes is the point of moderation.
 */
export const STATES = ['draft', 'submitted', 'changes-requested', 'published', 'rejected', 'withdrawn'] as const;
export type State = (typeof STATES)[number];

export const STATE_LABELS: Record<State, string> = {
  draft: 'Draft',
  submitted: 'Awaiting review',
  'changes-requested': 'Changes requested',
  published: 'Published',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
};

export const ACTIONS = [
  'edit',
  'submit',
  'request-changes',
  'publish',
  'reject',
  'withdraw',
  'revise',
  'mark-reviewed',
] as const;
export type Action = (typeof ACTIONS)[number];

/** Who someone is for one item. One person may be both (an editor who submits). */
export interface Standing {
  author: boolean;
  /** May moderate items of this item's scope: its locality's editor, or a national editor. */
  editor: boolean;
}

interface Rule {
  from: readonly State[];
  to: State | 'same';
  by: ReadonlyArray<keyof Standing>;
}

export const RULES: Record<Action, Rule> = {
  edit: { from: ['draft', 'changes-requested'], to: 'same', by: ['author'] },
  submit: { from: ['draft', 'changes-requested'], to: 'submitted', by: ['author'] },
  'request-changes': { from: ['submitted'], to: 'changes-requested', by: ['editor'] },
  publish: { from: ['submitted'], to: 'published', by: ['editor'] },
  reject: { from: ['submitted'], to: 'rejected', by: ['editor'] },
  withdraw: { from: ['draft', 'submitted', 'changes-requested'], to: 'withdrawn', by: ['author'] },
  revise: { from: ['published'], to: 'draft', by: ['author', 'editor'] },
  'mark-reviewed': { from: ['published'], to: 'same', by: ['editor'] },
};

/** Decisions on a submission: never by the person who submitted it. */
const MODERATING: readonly Action[] = ['request-changes', 'publish', 'reject'];

/** Actions that must carry a reason the author will read. */
export const NEEDS_REASON: readonly Action[] = ['request-changes', 'reject'];

const PAST: Record<Action, string> = {
  edit: 'changed',
  submit: 'submitted',
  'request-changes': 'sent back for changes',
  publish: 'published',
  reject: 'rejected',
  withdraw: 'withdrawn',
  revise: 'revised',
  'mark-reviewed': 'marked as reviewed',
};

export type Verdict = { allowed: true; to: State } | { allowed: false; reason: string };

export function decide(action: Action, state: State, who: Standing): Verdict {
  const rule = RULES[action];
  if (!rule.from.includes(state))
    return { allowed: false, reason: `An item that is ${STATE_LABELS[state].toLowerCase()} cannot be ${PAST[action]}` };
  if (MODERATING.includes(action) && who.author)
    return { allowed: false, reason: 'You cannot moderate an item you submitted: another editor must review it' };
  if (!rule.by.some((party) => who[party]))
    return {
      allowed: false,
      reason:
        rule.by.includes('editor') && !rule.by.includes('author')
          ? 'Only an editor of the knowledge base may do this'
          : 'Only the item’s author may do this',
    };
  return { allowed: true, to: rule.to === 'same' ? state : rule.to };
}

/** The actions this person may take now, for showing buttons. */
export function availableActions(state: State, who: Standing): Action[] {
  return ACTIONS.filter((action) => decide(action, state, who).allowed);
}

export function isState(value: string): value is State {
  return (STATES as readonly string[]).includes(value);
}
