import { describe, expect, it } from 'vitest';
import { compileThesaurus } from '../thesaurus/matcher.js';
import { TEST_THESAURUS } from '../thesaurus/fixture.js';
import { explanationSentences } from './describe.js';
import { buildIndex, checkOne, explainPair } from './engine.js';
import { FOCUS_SHARE, frequentAbove } from './focus.js';
import { DEFAULT_SETTINGS } from './scoring.js';
import { partnership, unrelatedBoards } from './test-records.js';
import type { PartnershipFeatures } from './types.js';

const context = { thesaurus: compileThesaurus(TEST_THESAURUS) };
const focusOf = (records: PartnershipFeatures[], id: string) => {
  const index = buildIndex(records, context);
  return index.focus[index.positionOf.get(id)!]!.key;
};
const others = unrelatedBoards();

describe('what a partnership is mainly about (its focus)', () => {
  it('is what its name names, ahead of what its purpose goes on to list', () => {
    const records = [
      partnership('a', { name: 'Domestic Violence Forum', purpose: 'Nuisance neighbours, chlamydia and keeping warm' }),
      ...others,
    ];
    expect(focusOf(records, 'a')).toBe('c:domestic-abuse');
  });

  it('is read from the purpose when the name names no kind of work', () => {
    const records = [partnership('a', { name: 'Steering Group', purpose: 'Keeping warm at home' }), ...others];
    expect(focusOf(records, 'a')).toBe('c:fuel-poverty');
  });

  it('is never an age group: whom a board serves is not what it does', () => {
    const records = [
      partnership('a', { name: 'Teenagers Domestic Violence Project', purpose: 'Support for teenagers' }),
      // Domestic abuse on another board too: the age group is the rarer, and would otherwise win.
      partnership('b', { name: 'Refuge Trust', purpose: 'Domestic violence refuge' }),
      ...others,
    ];
    expect(focusOf(records, 'a')).toBe('c:domestic-abuse');
  });

  it('is nothing when what it names is on too many of the scope’s boards to tell them apart', () => {
    const many = frequentAbove(20) + 1;
    const records = Array.from({ length: many }, (_, i) =>
      partnership(`n${i}`, { name: `Ward ${i} Community Safety Panel`, purpose: '' }),
    );
    expect(focusOf(records, 'n0')).toBe('');
  });
});

describe('two partnerships mainly about the same work', () => {
  // One long and official, one a line of shorthand.
  const long = partnership('long', {
    name: 'Affordable Warmth Partnership',
    purpose:
      'Oversees the strategy 2019-2022 across the borough: insulation grants, boiler replacement, energy ' +
      'switching advice, referrals from GP surgeries and hospital discharge teams, landlord licensing ' +
      'enforcement, and an annual report to the health and wellbeing board on excess winter deaths.',
  });
  const short = partnership('short', { name: 'Fuel Poverty Network', purpose: 'Volunteers; warm packs.' });
  const unrelated = partnership('other', { name: 'Worklessness Board', purpose: 'Benefit claimants into jobs' });
  const index = buildIndex([long, short, unrelated, ...others], context);

  it('are alike by that however little else their wording shares, and the explanation says why', () => {
    const e = explainPair(index, 'long', 'short', DEFAULT_SETTINGS);
    expect(e.focus).toBeGreaterThan(0);
    expect(e.focus).toBeLessThanOrEqual(FOCUS_SHARE);
    // The wording alone, long against short, would not make them worth a look.
    expect(Math.min(1, e.text / 0.5) * e.textConfidence).toBeLessThan(DEFAULT_SETTINGS.look);
    expect(e.score).toBeGreaterThanOrEqual(DEFAULT_SETTINGS.look);
    expect(e.focusKey).toBe('c:fuel-poverty');
    expect(explanationSentences(e, { nameOf: (id) => id }).join(' ')).toMatch(/Both are mainly about fuel poverty/);
  });

  it('gives nothing to partnerships mainly about different work', () => {
    const e = explainPair(index, 'long', 'other', DEFAULT_SETTINGS);
    expect(e.focus).toBe(0);
    expect(e.focusKey).toBeNull();
  });

  it('counts for a proposal checked against the register too', () => {
    const register = buildIndex([long, unrelated, ...others], context);
    const [top] = checkOne({ ...short, id: 'proposal' }, register, {
      floor: 0.01,
      limit: 1,
      settings: DEFAULT_SETTINGS,
    });
    expect(top).toMatchObject({ bId: 'long', focusKey: 'c:fuel-poverty' });
    expect(top!.focus).toBeGreaterThan(0);
  });
});
