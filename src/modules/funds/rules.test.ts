import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Criterion,
  awardProblems,
  criteriaProblems,
  instalmentSchedule,
  linkExpired,
  linkExpiry,
  moderation,
  recipientIdentifier,
  remainingBudget,
  roundStatus,
  scoreLabel,
  scoreProblems,
  weightedScore,
} from './rules.js';
import { criteriaFromText, keyedCriteria } from './schema.js';

const CRITERIA: Criterion[] = [
  { key: 'need', label: 'Need in the area', weight: 3 },
  { key: 'reach', label: 'Reaches people not heard', weight: 1 },
];

describe('scoring with weights', () => {
  it('weights each criterion by its share of the total weight', () => {
    expect(weightedScore(CRITERIA, { need: 5, reach: 0 })).toBe(750);
    expect(weightedScore(CRITERIA, { need: 0, reach: 5 })).toBe(250);
    expect(weightedScore(CRITERIA, { need: 5, reach: 5 })).toBe(1000);
    expect(weightedScore(CRITERIA, { need: 0, reach: 0 })).toBe(0);
    // 3×4 + 1×3 = 15 of 20 → 75.0%; 3×3 + 1×4 = 13 of 20 → 65.0%
    expect(weightedScore(CRITERIA, { need: 4, reach: 3 })).toBe(750);
    expect(weightedScore(CRITERIA, { need: 3, reach: 4 })).toBe(650);
  });

  it('rounds half up to a tenth of a percent, in whole numbers', () => {
    const three: Criterion[] = [
      { key: 'a', label: 'A', weight: 1 },
      { key: 'b', label: 'B', weight: 1 },
      { key: 'c', label: 'C', weight: 1 },
    ];
    // 1 of 15 = 6.666…% → 66.7 tenths
    expect(weightedScore(three, { a: 1, b: 0, c: 0 })).toBe(67);
    expect(scoreLabel(67)).toBe('6.7%');
    expect(scoreLabel(1000)).toBe('100.0%');
  });

  it('stays between 0 and 1000 and never falls when a score rises', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ weight: fc.integer({ min: 1, max: 100 }), score: fc.integer({ min: 0, max: 4 }) }), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.nat(),
        (rows, pick) => {
          const criteria = rows.map((r, i) => ({ key: `k${i}`, label: `K${i}`, weight: r.weight }));
          const scores = Object.fromEntries(rows.map((r, i) => [`k${i}`, r.score]));
          const before = weightedScore(criteria, scores);
          const i = pick % rows.length;
          const after = weightedScore(criteria, { ...scores, [`k${i}`]: (scores[`k${i}`] as number) + 1 });
          return before >= 0 && after <= 1000 && after >= before;
        },
      ),
    );
  });

  it('names each criterion missing or out of range', () => {
    expect(scoreProblems(CRITERIA, { need: 5, reach: 1 })).toEqual([]);
    expect(scoreProblems(CRITERIA, { need: 6 })).toEqual([
      { key: 'need', message: 'The score for “Need in the area” must be a whole number from 0 to 5' },
      { key: 'reach', message: 'Score “Reaches people not heard”' },
    ]);
    expect(scoreProblems(CRITERIA, { need: 2.5, reach: -1 })).toHaveLength(2);
  });

  it('checks a round’s criteria and reads them from a textarea', () => {
    expect(criteriaProblems([])).toEqual(['Enter at least one criterion']);
    expect(criteriaProblems([{ label: 'Need', weight: 0 }])).toEqual([
      'The weight of “Need” must be a whole number from 1 to 100',
    ]);
    expect(
      criteriaProblems([
        { label: 'Need', weight: 1 },
        { label: 'need', weight: 2 },
      ]),
    ).toEqual(['“need” is listed twice']);
    const read = criteriaFromText('Need in the area: 3\n\nReaches people not heard | 2\nValue for money\n');
    expect(read).toEqual([
      { label: 'Need in the area', weight: 3 },
      { label: 'Reaches people not heard', weight: 2 },
      { label: 'Value for money', weight: 1 },
    ]);
    expect(keyedCriteria(read).map((c) => c.key)).toEqual([
      'need-in-the-area',
      'reaches-people-not-heard',
      'value-for-money',
    ]);
    expect(
      keyedCriteria([
        { label: '!!', weight: 1 },
        { label: '??', weight: 1 },
      ]).map((c) => c.key),
    ).toEqual(['criterion-1', 'criterion-2']);
  });
});

describe('moderation of differing scores', () => {
  it('waits for two assessments', () => {
    expect(moderation([], null).state).toBe('awaiting-assessments');
    expect(moderation([700], null)).toMatchObject({ state: 'awaiting-assessments', finalScore: null });
  });

  it('takes the mean when the two are within the threshold', () => {
    expect(moderation([700, 550], null, 15)).toEqual({
      needsModeration: false,
      difference: 150,
      finalScore: 625,
      state: 'settled',
    });
    expect(moderation([701, 552], null, 15)).toMatchObject({ finalScore: 627, state: 'settled' }); // 626.5 rounds up
  });

  it('flags scores further apart than the threshold until a moderator agrees one', () => {
    expect(moderation([800, 549], null, 25)).toMatchObject({
      needsModeration: true,
      difference: 251,
      finalScore: null,
      state: 'awaiting-moderation',
    });
    expect(moderation([800, 549], 700, 25)).toMatchObject({ needsModeration: true, finalScore: 700, state: 'settled' });
    // A threshold of 0 sends every disagreement to the moderator.
    expect(moderation([600, 601], null, 0).state).toBe('awaiting-moderation');
    expect(moderation([600, 600], null, 0).state).toBe('settled');
  });
});

describe('an award never exceeds the round’s remaining budget', () => {
  it('counts what is left after the awards already made', () => {
    expect(remainingBudget(1_000_000, [])).toBe(1_000_000);
    expect(remainingBudget(1_000_000, [250_000, 500_000])).toBe(250_000);
  });

  it('refuses more than is left, more than was asked, and nothing at all', () => {
    expect(awardProblems(250_000, 300_000, 250_000)).toEqual([]);
    expect(awardProblems(250_001, 300_000, 250_000)).toEqual([
      'The award cannot be more than the £2,500 left in the round’s budget',
    ]);
    expect(awardProblems(300_001, 300_000, 1_000_000)).toEqual(['The award cannot be more than the group asked for']);
    expect(awardProblems(100, 300_000, 0)).toEqual(['The round has no budget left']);
    expect(awardProblems(0, 300_000, 1_000_000)).toEqual(['Enter an amount of more than £0']);
    expect(awardProblems(12_345, 20_000, 12_344)).toEqual([
      'The award cannot be more than the £123.44 left in the round’s budget',
    ]);
  });

  it('never lets a sequence of accepted awards spend more than the budget', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.array(fc.integer({ min: 1, max: 5_000_000 })),
        (budget, asks) => {
          const made: number[] = [];
          for (const ask of asks)
            if (awardProblems(ask, ask, remainingBudget(budget, made)).length === 0) made.push(ask);
          return made.reduce((a, b) => a + b, 0) <= budget;
        },
      ),
    );
  });
});

describe('payments by instalment', () => {
  it('splits the award so the instalments add up to it exactly, months apart', () => {
    expect(instalmentSchedule(100_001, 3, '2026-01-31', 1)).toEqual([
      { number: 1, dueOn: '2026-01-31', amountPence: 33_334 },
      { number: 2, dueOn: '2026-02-28', amountPence: 33_334 },
      { number: 3, dueOn: '2026-03-31', amountPence: 33_333 },
    ]);
    expect(instalmentSchedule(500_000, 1, '2026-05-01', 0)).toEqual([
      { number: 1, dueOn: '2026-05-01', amountPence: 500_000 },
    ]);
    expect(instalmentSchedule(900, 2, '2026-11-15', 6).map((i) => i.dueOn)).toEqual(['2026-11-15', '2027-05-15']);
    expect(() => instalmentSchedule(900, 0, '2026-01-01', 1)).toThrow(RangeError);
  });
});

describe('the save-and-return link', () => {
  it('lasts fourteen days to the instant, then expires', () => {
    const sent = new Date('2026-04-01T10:00:00Z');
    const expires = linkExpiry(sent);
    expect(expires.toISOString()).toBe('2026-04-15T10:00:00.000Z');
    expect(linkExpired(expires, new Date('2026-04-15T09:59:59.999Z'))).toBe(false);
    expect(linkExpired(expires, new Date('2026-04-15T10:00:00.000Z'))).toBe(true);
    expect(linkExpired(expires, new Date('2026-05-01T00:00:00Z'))).toBe(true);
  });
});

describe('rounds and identifiers', () => {
  it('is open from its opening day to its closing day, both included', () => {
    const round = { opens_on: '2026-04-01', closes_on: '2026-04-30' };
    expect(roundStatus(round, '2026-03-31')).toBe('upcoming');
    expect(roundStatus(round, '2026-04-01')).toBe('open');
    expect(roundStatus(round, '2026-04-30')).toBe('open');
    expect(roundStatus(round, '2026-05-01')).toBe('closed');
  });

  it('names a group by its charity or company number where it has one', () => {
    const id = 'a1b2';
    expect(recipientIdentifier({ charity_number: '1123 456', company_number: null, id }, '360G-x')).toBe(
      'GB-CHC-1123456',
    );
    expect(recipientIdentifier({ charity_number: null, company_number: 'sc123456', id }, '360G-x')).toBe(
      'GB-COH-SC123456',
    );
    expect(recipientIdentifier({ charity_number: null, company_number: null, id }, '360G-x')).toBe('360G-x-org-a1b2');
  });
});
