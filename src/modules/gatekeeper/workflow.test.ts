import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACTIONS,
  type Action,
  DECIDED_STATES,
  OPEN_STATES,
  STATES,
  type Standing,
  type State,
  availableActions,
  decide,
} from './workflow.js';
import { gatekeeperStatistics, reviewClock, timeInStates, workingDaysBetween } from './timing.js';
import { bankHolidaysFor } from '../../core/bank-holidays.js';

const PROPOSER: Standing = { proposer: true, decider: false, adviser: false };
const DECIDER: Standing = { proposer: false, decider: true, adviser: false };
const ADVISER: Standing = { proposer: false, decider: false, adviser: true };
const OTHER: Standing = { proposer: false, decider: false, adviser: false };
/** A locality administrator who made the proposal: a gatekeeper, but not for their own. */
const PROPOSING_DECIDER: Standing = { proposer: true, decider: true, adviser: false };

const WHO = {
  proposer: PROPOSER,
  decider: DECIDER,
  adviser: ADVISER,
  other: OTHER,
  'proposing decider': PROPOSING_DECIDER,
} as const;
type Who = keyof typeof WHO;

/**
 * The full table, written out from the issue rather than from the code: for every action, the
 * states it may be taken from, where it leads, and who may take it. Everything not listed is
 * refused.
 */
const ALLOWED: Record<Action, { from: State[]; to: State | 'same'; by: Who[] }> = {
  edit: { from: ['draft', 'more-information-requested'], to: 'same', by: ['proposer', 'proposing decider'] },
  submit: { from: ['draft'], to: 'submitted', by: ['proposer', 'proposing decider'] },
  'start-review': { from: ['submitted', 'resubmitted'], to: 'under-review', by: ['decider'] },
  'request-information': {
    from: ['submitted', 'under-review', 'resubmitted'],
    to: 'more-information-requested',
    by: ['decider'],
  },
  resubmit: { from: ['more-information-requested'], to: 'resubmitted', by: ['proposer', 'proposing decider'] },
  approve: { from: ['submitted', 'under-review', 'resubmitted'], to: 'approved', by: ['decider'] },
  'approve-with-conditions': {
    from: ['submitted', 'under-review', 'resubmitted'],
    to: 'approved-with-conditions',
    by: ['decider'],
  },
  reject: { from: ['submitted', 'under-review', 'resubmitted'], to: 'rejected', by: ['decider'] },
  withdraw: {
    from: ['draft', 'submitted', 'under-review', 'more-information-requested', 'resubmitted'],
    to: 'withdrawn',
    by: ['proposer', 'proposing decider'],
  },
  comment: {
    from: ['draft', 'submitted', 'under-review', 'more-information-requested', 'resubmitted'],
    to: 'same',
    by: ['proposer', 'decider', 'adviser', 'proposing decider'],
  },
};

describe('proposal workflow: every action from every state by every kind of person', () => {
  const cases = ACTIONS.flatMap((action) =>
    STATES.flatMap((state) => (Object.keys(WHO) as Who[]).map((who) => ({ action, state, who }))),
  );

  it.each(cases)('$action from $state by $who', ({ action, state, who }) => {
    const rule = ALLOWED[action];
    const verdict = decide(action, state, WHO[who]);
    const expected = rule.from.includes(state) && rule.by.includes(who);
    expect(verdict.allowed).toBe(expected);
    if (verdict.allowed) expect(verdict.to).toBe(rule.to === 'same' ? state : rule.to);
    else expect(verdict.reason.length).toBeGreaterThan(10);
  });

  it('never lets the Government Office adviser decide, and says their role is advice', () => {
    for (const state of STATES) {
      for (const action of [
        'approve',
        'approve-with-conditions',
        'reject',
        'request-information',
        'start-review',
      ] as const) {
        const verdict = decide(action, state, ADVISER);
        expect(verdict.allowed).toBe(false);
      }
    }
    const verdict = decide('approve', 'under-review', ADVISER);
    expect(!verdict.allowed && verdict.reason).toMatch(/comment and advise/);
  });

  it('never lets a proposer approve their own proposal, even when they hold the gatekeeper role', () => {
    const verdict = decide('approve', 'under-review', PROPOSING_DECIDER);
    expect(verdict.allowed).toBe(false);
    expect(!verdict.allowed && verdict.reason).toBe('You cannot review or decide a proposal you made');
  });

  it('closes a proposal for good once decided or withdrawn: nothing more may be done to it', () => {
    for (const state of [...DECIDED_STATES, 'withdrawn' as const]) {
      for (const who of Object.values(WHO)) expect(availableActions(state, who)).toEqual([]);
    }
  });

  it('keeps every reachable state reachable from a draft and ends every path in a closed state (property)', () => {
    const anyone = fc.constantFrom(...Object.values(WHO));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...ACTIONS), anyone), { maxLength: 30 }), (steps) => {
        let state: State = 'draft';
        for (const [action, who] of steps) {
          const verdict = decide(action, state, who);
          if (!verdict.allowed) continue;
          // An open proposal may only close through a decision by a decider or a withdrawal by its proposer.
          if (!OPEN_STATES.includes(verdict.to))
            expect(
              who.decider && !who.proposer ? ['approve', 'approve-with-conditions', 'reject'] : ['withdraw'],
            ).toContain(action);
          state = verdict.to;
        }
        expect(STATES).toContain(state);
      }),
    );
  });
});

describe('time in each state and the service level', () => {
  const at = (iso: string) => new Date(iso);
  // Monday 2 March 2026 submitted; more information requested Wednesday 4 March; resubmitted Monday 9 March.
  const events = [
    { toStatus: 'draft', occurredAt: at('2026-02-27T10:00:00Z') },
    { toStatus: 'submitted', occurredAt: at('2026-03-02T10:00:00Z') },
    { toStatus: 'more-information-requested', occurredAt: at('2026-03-04T10:00:00Z') },
    { toStatus: 'resubmitted', occurredAt: at('2026-03-09T10:00:00Z') },
  ];

  it('adds up the time spent in each state', () => {
    const totals = timeInStates(events, at('2026-03-10T10:00:00Z'));
    expect(totals.find((t) => t.state === 'submitted')).toMatchObject({ days: 2, workingDays: 2 });
    expect(totals.find((t) => t.state === 'more-information-requested')).toMatchObject({ days: 5, workingDays: 3 });
    expect(totals.find((t) => t.state === 'resubmitted')).toMatchObject({ days: 1, workingDays: 1 });
  });

  it('restarts the clock on resubmission and counts working days only', () => {
    const onTime = reviewClock('resubmitted', events, 20, at('2026-04-03T09:00:00Z'));
    expect(onTime).toMatchObject({ workingDaysWaiting: 19, overdue: false });
    expect(onTime?.due.toISOString().slice(0, 10)).toBe('2026-04-06');
    expect(reviewClock('resubmitted', events, 20, at('2026-04-07T09:00:00Z'))?.overdue).toBe(true);
    expect(reviewClock('more-information-requested', events, 20, at('2026-06-01T09:00:00Z'))).toBeNull();
  });

  it('skips Good Friday and Easter Monday in England and Wales, and only Good Friday in Scotland', () => {
    const england = reviewClock('resubmitted', events, 20, at('2026-04-07T09:00:00Z'), bankHolidaysFor('England'));
    expect(england?.due.toISOString().slice(0, 10)).toBe('2026-04-08');
    expect(england).toMatchObject({ workingDaysWaiting: 19, overdue: false });
    expect(
      reviewClock('resubmitted', events, 20, at('2026-04-07T09:00:00Z'), bankHolidaysFor('Scotland'))
        ?.due.toISOString()
        .slice(0, 10),
    ).toBe('2026-04-07');
  });
});

describe('service level property', () => {
  it('falls due on a weekday exactly the service level in working days after the proposal arrives, and is overdue only after it', () => {
    const day = fc.integer({ min: 0, max: 1800 }).map((n) => new Date(Date.UTC(2024, 0, 1, 9) + n * 86_400_000));
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 120 }),
        fc.boolean(),
        (since, level, later, inEngland) => {
          const now = new Date(since.getTime() + later * 86_400_000);
          const holidays = inEngland ? bankHolidaysFor('England') : new Set<string>();
          const clock = reviewClock('submitted', [{ toStatus: 'submitted', occurredAt: since }], level, now, holidays);
          expect(clock).not.toBeNull();
          if (!clock) return;
          expect([1, 2, 3, 4, 5]).toContain(clock.due.getUTCDay());
          expect(holidays.has(clock.due.toISOString().slice(0, 10))).toBe(false);
          expect(workingDaysBetween(since, clock.due, holidays)).toBe(level);
          expect(clock.overdue).toBe(clock.workingDaysWaiting > level);
          expect(clock.workingDaysWaiting).toBeLessThanOrEqual(later);
        },
      ),
    );
  });
});

describe('gatekeeper statistics', () => {
  it('counts outcomes, the median decision time, diversions and the running cost avoided', () => {
    const d = (
      outcome: 'approved' | 'rejected' | 'approved-with-conditions',
      days: number,
      diversion: 'single-organisation' | 'existing-partnership' | null,
      cost: number,
      themes = ['housing'],
    ) => ({
      outcome,
      themes,
      submittedAt: new Date('2026-03-02T10:00:00Z'),
      decidedAt: new Date(Date.parse('2026-03-02T10:00:00Z') + days * 86_400_000),
      diversion,
      yearlyCostPence: cost,
    });
    const stats = gatekeeperStatistics([
      d('approved', 10, null, 500_000),
      d('rejected', 20, 'existing-partnership', 1_200_000),
      d('rejected', 30, 'single-organisation', 800_000, ['health-wellbeing']),
      d('approved-with-conditions', 40, null, 100_000),
    ]);
    expect(stats.byOutcome).toEqual([
      { outcome: 'approved', count: 1 },
      { outcome: 'approved-with-conditions', count: 1 },
      { outcome: 'rejected', count: 2 },
    ]);
    expect(stats.medianDecisionDays).toBe(25);
    expect(stats.diverted).toMatchObject({ singleOrganisation: 1, existingPartnership: 1, share: 0.5 });
    expect(stats.avoided).toEqual({ partnerships: 2, yearlyCostPence: 2_000_000 });
    expect(stats.byTheme[0]).toEqual({ theme: 'housing', approved: 2, rejected: 1, total: 3 });
    expect(gatekeeperStatistics([]).medianDecisionDays).toBeNull();
  });
});
