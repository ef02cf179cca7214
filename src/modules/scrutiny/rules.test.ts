import { describe, expect, it } from 'vitest';
import {
  attendanceRates,
  checkTargetMix,
  decisionState,
  heatMap,
  leversGap,
  ragStatus,
  rescale,
  riskTrend,
  scoreRisk,
  sectorBalance,
  transition,
} from './rules.js';

describe('risk scoring', () => {
  it('scores likelihood × impact on a 5×5 matrix, in the usual bands', () => {
    expect(scoreRisk(5, 1, 1)).toEqual({ likelihood: 1, impact: 1, score: 1, band: 'low' });
    expect(scoreRisk(5, 2, 2).band).toBe('low');
    expect(scoreRisk(5, 1, 5)).toMatchObject({ score: 5, band: 'medium' });
    expect(scoreRisk(5, 3, 3)).toMatchObject({ score: 9, band: 'medium' });
    expect(scoreRisk(5, 2, 5)).toMatchObject({ score: 10, band: 'high' });
    expect(scoreRisk(5, 4, 4)).toMatchObject({ score: 16, band: 'high' });
    expect(scoreRisk(5, 4, 5)).toMatchObject({ score: 20, band: 'very-high' });
    expect(scoreRisk(5, 5, 5)).toMatchObject({ score: 25, band: 'very-high' });
  });

  it('scores on a 4×4 matrix with its own bands', () => {
    expect(scoreRisk(4, 1, 2)).toMatchObject({ score: 2, band: 'low' });
    expect(scoreRisk(4, 1, 3)).toMatchObject({ score: 3, band: 'medium' });
    expect(scoreRisk(4, 2, 3)).toMatchObject({ score: 6, band: 'medium' });
    expect(scoreRisk(4, 2, 4)).toMatchObject({ score: 8, band: 'high' });
    expect(scoreRisk(4, 3, 3)).toMatchObject({ score: 9, band: 'high' });
    expect(scoreRisk(4, 3, 4)).toMatchObject({ score: 12, band: 'very-high' });
    expect(scoreRisk(4, 4, 4)).toMatchObject({ score: 16, band: 'very-high' });
  });

  it('refuses values off the matrix', () => {
    expect(() => scoreRisk(4, 5, 1)).toThrow('Likelihood must be a whole number from 1 to 4');
    expect(() => scoreRisk(5, 1, 0)).toThrow('Impact must be a whole number from 1 to 5');
    expect(() => scoreRisk(5, 2.5, 1)).toThrow();
  });

  it('moves a score from one matrix to the other by its share of the scale', () => {
    expect([1, 2, 3, 4, 5].map((v) => rescale(v, 5, 4))).toEqual([1, 2, 2, 3, 4]);
    expect([1, 2, 3, 4].map((v) => rescale(v, 4, 5))).toEqual([1, 3, 4, 5]);
    expect(rescale(3, 5, 5)).toBe(3);
  });

  it('gives the trend from the last two reviews', () => {
    expect(riskTrend([12])).toBe('new');
    expect(riskTrend([12, 16])).toBe('rising');
    expect(riskTrend([16, 9, 9])).toBe('steady');
    expect(riskTrend([20, 12])).toBe('falling');
  });

  it('lays out the heat map with the highest impact first and counts each cell', () => {
    const grid = heatMap(4, [
      { likelihood: 4, impact: 4, title: 'A' },
      { likelihood: 4, impact: 4, title: 'B' },
      { likelihood: 1, impact: 2, title: 'C' },
    ]);
    expect(grid).toHaveLength(4);
    expect(grid[0]?.[3]).toMatchObject({ likelihood: 4, impact: 4, count: 2, band: 'very-high', titles: ['A', 'B'] });
    expect(grid[2]?.[0]).toMatchObject({ likelihood: 1, impact: 2, count: 1, band: 'low' });
    expect(heatMap(5, [])[0]).toHaveLength(5);
  });
});

describe('recommendation status transitions', () => {
  it('takes one response; partly and rejected need reasons', () => {
    expect(transition('awaiting-response', { type: 'respond', response: 'accepted' })).toEqual({
      ok: true,
      status: 'accepted',
    });
    expect(transition('awaiting-response', { type: 'respond', response: 'rejected' })).toMatchObject({ ok: false });
    expect(
      transition('awaiting-response', { type: 'respond', response: 'partly-accepted', reasons: ' ' }),
    ).toMatchObject({
      ok: false,
      message: 'Give the reasons for accepting only part of the recommendation',
    });
    expect(
      transition('awaiting-response', { type: 'respond', response: 'rejected', reasons: 'No budget this year' }),
    ).toEqual({ ok: true, status: 'rejected' });
    expect(
      transition('accepted', { type: 'respond', response: 'rejected', reasons: 'Changed our mind' }),
    ).toMatchObject({
      ok: false,
      message: 'This recommendation has been answered already',
    });
  });

  it('completes only what was accepted, reopens only what was completed, and keeps a rejection final', () => {
    expect(transition('accepted', { type: 'complete' })).toEqual({ ok: true, status: 'implemented' });
    expect(transition('partly-accepted', { type: 'complete' })).toEqual({ ok: true, status: 'implemented' });
    expect(transition('awaiting-response', { type: 'complete' }).ok).toBe(false);
    expect(transition('rejected', { type: 'complete' }).ok).toBe(false);
    expect(transition('implemented', { type: 'reopen' })).toEqual({ ok: true, status: 'accepted' });
    expect(transition('rejected', { type: 'reopen' }).ok).toBe(false);
  });

  it('rates implementation red, amber or green', () => {
    const today = '2026-06-01';
    const base = { responseDueOn: '2026-07-01', actions: [] };
    expect(ragStatus({ ...base, status: 'awaiting-response' }, today)).toEqual({ rag: 'amber', overdue: false });
    expect(ragStatus({ ...base, status: 'awaiting-response', responseDueOn: '2026-05-31' }, today)).toEqual({
      rag: 'red',
      overdue: true,
    });
    expect(ragStatus({ ...base, status: 'accepted' }, today).rag).toBe('amber');
    expect(ragStatus({ ...base, status: 'accepted', actions: [{ dueOn: '2026-05-01', progress: 80 }] }, today)).toEqual(
      { rag: 'red', overdue: true },
    );
    // Finished late is not overdue.
    expect(
      ragStatus({ ...base, status: 'accepted', actions: [{ dueOn: '2026-05-01', progress: 100 }] }, today).rag,
    ).toBe('green');
    expect(
      ragStatus({ ...base, status: 'accepted', actions: [{ dueOn: '2026-06-15', progress: 20 }] }, today).rag,
    ).toBe('amber');
    expect(
      ragStatus({ ...base, status: 'partly-accepted', actions: [{ dueOn: '2026-12-01', progress: 0 }] }, today).rag,
    ).toBe('green');
    expect(ragStatus({ ...base, status: 'implemented' }, today).rag).toBe('complete');
    expect(ragStatus({ ...base, status: 'rejected' }, today).rag).toBe('closed');
  });
});

describe('difficult decisions', () => {
  it('flags a decision open longer than the limit, never a resolved one', () => {
    expect(decisionState({ openedOn: '2026-01-01', resolvedOn: null }, 90, '2026-03-31')).toEqual({
      open: true,
      daysOpen: 89,
      overdue: false,
    });
    expect(decisionState({ openedOn: '2026-01-01', resolvedOn: null }, 90, '2026-04-02')).toMatchObject({
      daysOpen: 91,
      overdue: true,
    });
    expect(decisionState({ openedOn: '2026-01-01', resolvedOn: null }, 90, '2026-04-01').overdue).toBe(false);
    expect(decisionState({ openedOn: '2026-01-01', resolvedOn: '2026-09-01' }, 90, '2026-12-01')).toEqual({
      open: false,
      daysOpen: 243,
      overdue: false,
    });
  });
});

describe('attendance', () => {
  it('counts each seat at each meeting held while it was open, with empty seats', () => {
    const seats = [
      { partnershipId: 'p', organisationId: 'council', startedOn: null, endedOn: null },
      { partnershipId: 'p', organisationId: 'police', startedOn: null, endedOn: null },
      // Joined after the first meeting: expected at the second only.
      { partnershipId: 'p', organisationId: 'vcs', startedOn: '2026-02-01', endedOn: null },
      { partnershipId: 'q', organisationId: 'council', startedOn: null, endedOn: '2025-12-31' },
    ];
    const result = attendanceRates(
      [
        {
          id: 'm1',
          partnershipId: 'p',
          heldOn: '2026-01-15',
          attendance: [
            { organisationId: 'council', attendance: 'present' },
            { organisationId: 'police', attendance: 'apologies' },
            { organisationId: 'guest', attendance: 'present' },
          ],
        },
        {
          id: 'm2',
          partnershipId: 'p',
          heldOn: '2026-03-15',
          attendance: [
            { organisationId: 'council', attendance: 'substitute' },
            { organisationId: 'vcs', attendance: 'present' },
          ],
        },
        // The council's seat on q had ended: nobody expected.
        { id: 'm3', partnershipId: 'q', heldOn: '2026-03-20', attendance: [] },
      ],
      seats,
    );
    const byOrg = new Map(result.rates.map((r) => [r.organisationId, r]));
    expect(byOrg.get('council')).toEqual({ organisationId: 'council', expected: 2, attended: 2, empty: 0, rate: 1 });
    expect(byOrg.get('police')).toEqual({ organisationId: 'police', expected: 2, attended: 0, empty: 2, rate: 0 });
    expect(byOrg.get('vcs')).toMatchObject({ expected: 1, attended: 1, rate: 1 });
    expect(byOrg.has('guest')).toBe(false);
    expect(result).toMatchObject({ expected: 5, empty: 2 });
  });
});

describe('balance and levers', () => {
  it('compares each sector’s share of seats with the target mix', () => {
    const balance = sectorBalance(
      [
        { sector: 'public', role: 'chair' },
        { sector: 'public', role: 'member' },
        { sector: 'public', role: 'member' },
        { sector: 'voluntary', role: 'member' },
      ],
      { public: 4000, private: 2000, voluntary: 2000, community: 2000 },
    );
    expect(balance.find((b) => b.sector === 'public')).toMatchObject({
      seats: 3,
      shareBp: 7500,
      gapBp: 3500,
      chairs: 1,
    });
    expect(balance.find((b) => b.sector === 'community')).toMatchObject({ seats: 0, shareBp: 0, gapBp: -2000 });
    expect(checkTargetMix({ public: 4000, private: 2000, voluntary: 2000, community: 2000 })).toBeNull();
    expect(checkTargetMix({ public: 5000, private: 2000, voluntary: 2000, community: 2000 })).toBe(
      'The target shares must add up to 100%',
    );
  });

  it('lists public bodies with no lever and poor engagement', () => {
    const gaps = leversGap(
      [
        { organisationId: 'absent', attendanceRate: 0.25, contributes: true },
        { organisationId: 'mean', attendanceRate: 0.9, contributes: false },
        { organisationId: 'good', attendanceRate: 0.9, contributes: true },
        { organisationId: 'levered', attendanceRate: 0.1, contributes: false },
      ],
      new Set(['levered']),
    );
    expect(gaps.map((g) => [g.organisationId, g.reasons])).toEqual([
      ['absent', ['attends 25% of its seats']],
      ['mean', ['no contribution recorded']],
    ]);
  });
});
