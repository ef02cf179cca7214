import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIONS, type Action, STATES, type Standing, type State, availableActions, decide } from './workflow.js';

const WHO = {
  author: { author: true, editor: false },
  editor: { author: false, editor: true },
  'editor who wrote it': { author: true, editor: true },
  'anyone else': { author: false, editor: false },
} satisfies Record<string, Standing>;
type Who = keyof typeof WHO;

/**
 * The moderation table written out from the issue rather than from the code: every action,
 * the states it may be taken from, where it leads and who may take it. All else is refused.
 */
const ALLOWED: Record<Action, { from: State[]; to: State | 'same'; by: Who[] }> = {
  edit: { from: ['draft', 'changes-requested'], to: 'same', by: ['author', 'editor who wrote it'] },
  submit: { from: ['draft', 'changes-requested'], to: 'submitted', by: ['author', 'editor who wrote it'] },
  'request-changes': { from: ['submitted'], to: 'changes-requested', by: ['editor'] },
  publish: { from: ['submitted'], to: 'published', by: ['editor'] },
  reject: { from: ['submitted'], to: 'rejected', by: ['editor'] },
  withdraw: {
    from: ['draft', 'submitted', 'changes-requested'],
    to: 'withdrawn',
    by: ['author', 'editor who wrote it'],
  },
  revise: { from: ['published'], to: 'draft', by: ['author', 'editor', 'editor who wrote it'] },
  'mark-reviewed': { from: ['published'], to: 'same', by: ['editor', 'editor who wrote it'] },
};

describe('knowledge moderation by role', () => {
  const cases = ACTIONS.flatMap((action) =>
    STATES.flatMap((state) => (Object.keys(WHO) as Who[]).map((who) => ({ action, state, who }))),
  );

  it.each(cases)('$who: $action from $state', ({ action, state, who }) => {
    const rule = ALLOWED[action];
    const verdict = decide(action, state, WHO[who]);
    if (rule.from.includes(state) && rule.by.includes(who)) {
      expect(verdict).toEqual({ allowed: true, to: rule.to === 'same' ? state : rule.to });
    } else {
      expect(verdict.allowed).toBe(false);
      if (!verdict.allowed) expect(verdict.reason.length).toBeGreaterThan(10);
    }
  });

  it('never lets an editor publish, reject or send back their own submission', () => {
    for (const action of ['publish', 'reject', 'request-changes'] as const) {
      const verdict = decide(action, 'submitted', WHO['editor who wrote it']);
      expect(verdict).toEqual({ allowed: false, reason: expect.stringContaining('another editor') });
    }
  });

  it('offers as buttons exactly the actions it would allow', () => {
    fc.assert(
      fc.property(fc.constantFrom(...STATES), fc.boolean(), fc.boolean(), (state, author, editor) => {
        const offered = availableActions(state, { author, editor });
        for (const action of ACTIONS)
          expect(offered.includes(action)).toBe(decide(action, state, { author, editor }).allowed);
      }),
    );
  });

  it('leaves rejected and withdrawn items where they are: nothing moves them', () => {
    for (const state of ['rejected', 'withdrawn'] as const)
      for (const who of Object.values(WHO)) expect(availableActions(state, who)).toEqual([]);
  });
});
