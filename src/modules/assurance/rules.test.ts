import { describe, expect, it } from 'vitest';
import { SHIPPED_CHECKLISTS } from './checklists.js';
import {
  type ChecklistDefinition,
  type PartnershipFacts,
  type SignificanceFacts,
  answerScore,
  change,
  classify,
  explain,
  isWeak,
  prefillAnswer,
  ratingFor,
  recommendation,
  scoreAssessment,
  returnReminderDue,
} from './rules.js';

const definition: ChecklistDefinition = {
  sections: [
    {
      key: 'a',
      title: 'A',
      weight: 2,
      questions: [
        { key: 'a1', text: 'A1', scale: 'yes-partly-no', evidenceRequired: false, weight: 3 },
        { key: 'a2', text: 'A2', scale: 'one-to-five', evidenceRequired: false, weight: 1 },
        { key: 'a3', text: 'A3', scale: 'text', evidenceRequired: false, weight: 0 },
      ],
    },
    {
      key: 'b',
      title: 'B',
      weight: 1,
      questions: [{ key: 'b1', text: 'B1', scale: 'rag', evidenceRequired: false, weight: 1 }],
    },
  ],
};

describe('scoring', () => {
  it('scores each scale from 0 to 1, and free text not at all', () => {
    expect(['yes', 'partly', 'no'].map((v) => answerScore('yes-partly-no', v))).toEqual([1, 0.5, 0]);
    expect(['green', 'amber', 'red'].map((v) => answerScore('rag', v))).toEqual([1, 0.5, 0]);
    expect(['1', '2', '3', '4', '5'].map((v) => answerScore('one-to-five', v))).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(answerScore('one-to-five', '6')).toBeNull();
    expect(answerScore('text', 'anything')).toBeNull();
    expect(answerScore('rag', '')).toBeNull();
  });

  it('weights questions within a section and sections overall', () => {
    // Section A: (yes × 3 + 1-of-5 × 1) / 4 = 0.75; section B: amber 0.5; overall (0.75 × 2 + 0.5) / 3.
    const scores = scoreAssessment(
      definition,
      new Map([
        ['a1', 'yes'],
        ['a2', '1'],
        ['a3', 'notes'],
        ['b1', 'amber'],
      ]),
    );
    expect(scores.sections.map((s) => s.score)).toEqual([75, 50]);
    expect(scores.overall).toBe(67);
    expect(scores.answered).toBe(4);
    expect(scores.questions).toBe(4);
  });

  it('leaves unanswered questions out rather than counting them as nought', () => {
    const scores = scoreAssessment(definition, new Map([['a1', 'partly']]));
    expect(scores.sections.map((s) => s.score)).toEqual([50, null]);
    expect(scores.overall).toBe(50);
    expect(scoreAssessment(definition, new Map()).overall).toBeNull();
  });

  it('calls half marks or less weak, and gives arrows against the score before', () => {
    expect(['no', 'partly', 'yes'].map((v) => isWeak('yes-partly-no', v))).toEqual([true, true, false]);
    expect(['3', '4'].map((v) => isWeak('one-to-five', v))).toEqual([true, false]);
    expect(isWeak('text', 'no')).toBe(false);
    expect([change(70, 60), change(60, 70), change(60, 60.4), change(60, null)]).toEqual(['up', 'down', 'same', 'new']);
  });

  it('ships three checklists whose questions have unique keys', () => {
    expect(SHIPPED_CHECKLISTS.map((c) => c.code)).toHaveLength(3);
    const improvement = SHIPPED_CHECKLISTS.find((c) => c.purpose === 'improvement');
    expect(improvement?.definition.sections.flatMap((s) => s.questions).filter((q) => q.scale === 'rag')).toHaveLength(
      7,
    );
    for (const c of SHIPPED_CHECKLISTS) {
      const keys = c.definition.sections.flatMap((s) => s.questions.map((q) => q.key));
      expect(new Set(keys).size).toBe(keys.length);
    }
  });
});

describe('pre-fill from register data', () => {
  const facts: PartnershipFacts = {
    termsOfReferenceUrl: 'https://example.org/tor',
    reviewDate: '2026-09-01',
    memberSectors: ['public', 'public', 'voluntary', 'private', 'community'],
    outcomes: 3,
    outcomesWithTargets: 2,
    risks: null,
    contributions: 2,
    confirmedContributions: 2,
  };
  const today = '2026-06-01';

  it('answers from terms of reference and the review date', () => {
    expect(prefillAnswer('terms-of-reference', facts, today)?.value).toBe('yes');
    expect(prefillAnswer('terms-of-reference', { ...facts, termsOfReferenceUrl: null }, today)?.value).toBe('no');
    expect(prefillAnswer('reviewed-in-year', facts, today)?.value).toBe('yes');
    expect(prefillAnswer('reviewed-in-year', { ...facts, reviewDate: '2026-01-01' }, today)).toMatchObject({
      value: 'no',
      note: 'The review due on 2026-01-01 is overdue.',
    });
    expect(prefillAnswer('reviewed-in-year', { ...facts, reviewDate: null }, today)).toBeNull();
  });

  it('judges sector balance by how many sectors sit and how large the largest is', () => {
    expect(prefillAnswer('sector-balance', facts, today)?.value).toBe('yes');
    expect(
      prefillAnswer('sector-balance', { ...facts, memberSectors: ['public', 'public', 'public', 'voluntary'] }, today)
        ?.value,
    ).toBe('partly');
    expect(prefillAnswer('sector-balance', { ...facts, memberSectors: ['public', 'public'] }, today)?.value).toBe('no');
    expect(prefillAnswer('sector-balance', { ...facts, memberSectors: [] }, today)).toBeNull();
  });

  it('reads outcomes with targets, costs, and leaves risks unknown without a risk register', () => {
    expect(prefillAnswer('outcomes-with-targets', facts, today)).toMatchObject({
      value: 'partly',
      note: '2 of its 3 outcomes have a target.',
    });
    expect(
      prefillAnswer('outcomes-with-targets', { ...facts, outcomes: 0, outcomesWithTargets: 0 }, today)?.value,
    ).toBe('no');
    expect(prefillAnswer('costs-known', facts, today)?.value).toBe('yes');
    expect(prefillAnswer('costs-known', { ...facts, confirmedContributions: 1 }, today)?.value).toBe('partly');
    expect(prefillAnswer('costs-known', { ...facts, contributions: 0, confirmedContributions: 0 }, today)?.value).toBe(
      'no',
    );
    expect(prefillAnswer('risks-recorded', facts, today)).toBeNull();
    expect(prefillAnswer('risks-recorded', { ...facts, risks: 4 }, today)?.value).toBe('yes');
  });
});

describe('significance: N of M with overrides', () => {
  const rule = {
    criteria: [
      { kind: 'cost-at-least' as const, amount: 100_000_00 },
      { kind: 'corporate-priority' as const },
      { kind: 'lasts-at-least' as const, amount: 5 },
      { kind: 'statutory' as const },
      { kind: 'members-at-least' as const, amount: 10 },
    ],
    required: 3,
  };
  const facts: SignificanceFacts = {
    annualCostPence: 150_000_00,
    significance: 'high',
    establishedOn: '2022-06-02',
    basis: 'voluntary',
    members: 12,
  };

  it('is significant when at least N of the M criteria hold, and says which', () => {
    const c = classify(rule, facts, '2027-06-01');
    expect(c).toMatchObject({ significant: true, met: 3, of: 5 });
    expect(c.reasons.map((r) => r.holds)).toEqual([true, true, false, false, true]);
    expect(c.reasons[2]?.because).toBe('established 4 years ago (threshold 5)');
    expect(explain(c, 3)).toMatch(/^3 of 5 criteria hold \(3 needed\): costs £150,000 a year/);
    // The anniversary makes five years: four hold.
    expect(classify(rule, facts, '2027-06-02').met).toBe(4);
    expect(classify(rule, { ...facts, members: 3 }, '2027-06-01').significant).toBe(false);
    expect(classify({ ...rule, required: 2 }, { ...facts, members: 3 }, '2027-06-01').significant).toBe(true);
  });

  it('lets a decision with a reason overrule the rule either way, and says so', () => {
    const down = classify(rule, facts, '2027-06-01', { significant: false, reason: 'A task group of the LSP' });
    expect(down.significant).toBe(false);
    expect(down.met).toBe(3);
    expect(explain(down, 3)).toBe(
      'Not significant by decision: A task group of the LSP (by the rule: 3 of 5 criteria hold (3 needed): costs £150,000 a year (threshold £100,000); high significance in the register; 12 member organisations (threshold 10).)',
    );
    const up = classify(rule, { ...facts, members: 1, significance: null }, '2027-06-01', {
      significant: true,
      reason: 'Reputational risk',
    });
    expect(up.significant).toBe(true);
  });

  it('treats an empty rule as nothing significant', () => {
    expect(classify({ criteria: [], required: 1 }, facts, '2027-06-01').significant).toBe(false);
  });
});

describe('the audit committee’s rating', () => {
  it('rates from the health check score and recommends', () => {
    expect([80, 75, 74, 50, 49, null].map(ratingFor)).toEqual([
      'major',
      'major',
      'moderate',
      'moderate',
      'limited',
      'none',
    ]);
    expect(recommendation('major', 'exit')).toBe('exit');
    expect(recommendation('limited', 'continue')).toBe('scale-down');
    expect(recommendation('moderate', null)).toBe('continue');
  });
});

describe('reminders of an annual review return still out', () => {
  it('reminds once in the week before the deadline and once after it, unless chased by hand in that time', () => {
    const deadline = '2026-01-31';
    expect(returnReminderDue(deadline, '2026-01-23', null)).toBeNull();
    expect(returnReminderDue(deadline, '2026-01-24', null)).toBe('soon');
    expect(returnReminderDue(deadline, '2026-01-31', '2026-01-24')).toBeNull();
    expect(returnReminderDue(deadline, '2026-01-31', '2026-01-10')).toBe('soon');
    expect(returnReminderDue(deadline, '2026-02-01', '2026-01-24')).toBe('overdue');
    expect(returnReminderDue(deadline, '2026-02-01', '2026-01-31')).toBe('overdue');
    expect(returnReminderDue(deadline, '2026-02-20', '2026-02-01')).toBeNull();
  });
});
