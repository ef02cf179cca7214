import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileThesaurus } from '../thesaurus/matcher.js';
import { TEST_THESAURUS } from '../thesaurus/fixture.js';
import { DEFAULT_THESAURUS } from '../thesaurus/default/index.js';
import { buildIndex, checkOne, exactAllPairs, explainPair, findSimilarPairs } from './engine.js';
import { DEFAULT_SETTINGS, scorePositions } from './scoring.js';
import { partnership } from './test-records.js';
import type { SimilarPair } from './types.js';

const context = { thesaurus: compileThesaurus(TEST_THESAURUS) };
const list = (pairs: readonly SimilarPair[]) => pairs.map((p) => `${p.aId}|${p.bId}`).sort();

const WORDS = [
  'abuse',
  'domestic',
  'DV',
  'carers',
  'flood',
  'ASB',
  'nuisance',
  'youth',
  'jobs',
  'u18',
  'NI 112',
  'teenage',
  'pregnancy',
  '.',
];
const arbScope = fc.array(
  fc.record({
    words: fc.array(fc.constantFrom(...WORDS), { maxLength: 8 }),
    members: fc.uniqueArray(fc.constantFrom('O1', 'O2', 'O3', 'O4', 'O5', 'O6', 'O7'), { maxLength: 5 }),
    themes: fc.uniqueArray(fc.constantFrom('t1', 't2', 't3'), { maxLength: 2 }),
  }),
  { minLength: 2, maxLength: 14 },
);
const toRecords = (drafts: Array<{ words: string[]; members: string[]; themes: string[] }>) =>
  drafts.map((d, i) =>
    partnership(`P${String(i).padStart(2, '0')}`, {
      name: d.words.slice(0, 2).join(' '),
      purpose: d.words.slice(2).join(' '),
      themes: d.themes,
      memberOrganisationIds: d.members,
    }),
  );

describe('finding every pair worth a look in a scope', () => {
  it('finds exactly the pairs an all-pairs pass finds, at any floor (property)', () => {
    fc.assert(
      fc.property(arbScope, fc.double({ min: 0.01, max: 0.95, noNaN: true }), (drafts, floor) => {
        const index = buildIndex(toRecords(drafts), context);
        // Lists, not sets: a pair found twice would be a bug too.
        expect(list(findSimilarPairs(index, floor).pairs)).toEqual(list(exactAllPairs(index, floor)));
      }),
      { numRuns: 300 },
    );
  });

  it('still finds exactly those pairs when features on more than a record or two are frequent (property)', () => {
    fc.assert(
      fc.property(
        arbScope,
        fc.double({ min: 0.01, max: 0.95, noNaN: true }),
        fc.integer({ min: 0, max: 4 }),
        (drafts, floor, frequentAbove) => {
          const index = buildIndex(toRecords(drafts), context);
          expect(list(findSimilarPairs(index, floor, { frequentAbove }).pairs)).toEqual(
            list(exactAllPairs(index, floor)),
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('does not visit every pair of a hundred records sharing one boilerplate purpose and the big partners', () => {
    const boilerplate =
      'To deliver the priorities of the Sustainable Community Strategy and the Local Area Agreement through partnership working.';
    const kinds = [
      'Flood',
      'Carers',
      'Youth',
      'Libraries',
      'Allotments',
      'Tourism',
      'Museums',
      'Parking',
      'Jobs',
      'Arts',
    ];
    const records = Array.from({ length: 120 }, (_, i) =>
      partnership(`P${String(i).padStart(3, '0')}`, {
        name: `${kinds[i % kinds.length]} ${['Group', 'Forum', 'Panel'][i % 3]} ${Math.floor(i / 30)}`,
        purpose: boilerplate,
        memberOrganisationIds: ['council', 'police', 'nhs', `own-${i}`],
      }),
    );
    const index = buildIndex(records, { thesaurus: compileThesaurus(DEFAULT_THESAURUS) });
    const search = findSimilarPairs(index, DEFAULT_SETTINGS.look);
    expect(list(search.pairs)).toEqual(list(exactAllPairs(index, DEFAULT_SETTINGS.look)));
    expect(search.stats.pairsScored).toBeLessThan((120 * 119) / 2 / 4);
  });

  it('gives each pair the score that scoring it alone gives, and explains it with the same score', () => {
    fc.assert(
      fc.property(arbScope, (drafts) => {
        const index = buildIndex(toRecords(drafts), context);
        for (const pair of findSimilarPairs(index, 0.01).pairs) {
          const alone = scorePositions(index, index.positionOf.get(pair.aId)!, index.positionOf.get(pair.bId)!);
          expect(pair.score).toBeCloseTo(alone.score, 9);
          expect(explainPair(index, pair.aId, pair.bId, DEFAULT_SETTINGS).score).toBeCloseTo(pair.score, 9);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('checking one partnership against a scope', () => {
  it('scores a record of the scope as the whole-scope search does (property)', () => {
    fc.assert(
      fc.property(arbScope, (drafts) => {
        const records = toRecords(drafts);
        const index = buildIndex(records, context);
        const found = findSimilarPairs(index, 0.05).pairs;
        const subject = records[0]!;
        const checked = checkOne(subject, index, { floor: 0.05, limit: 100, settings: DEFAULT_SETTINGS });
        const expected = found.filter((p) => p.aId === subject.id || p.bId === subject.id);
        expect(checked.map((m) => m.bId).sort()).toEqual(
          expected.map((p) => (p.aId === subject.id ? p.bId : p.aId)).sort(),
        );
        for (const m of checked) {
          const p = expected.find((e) => e.aId === m.bId || e.bId === m.bId)!;
          expect(m.score).toBeCloseTo(p.score, 9);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('finds the duplicate of a proposal worded differently, on name and purpose alone', () => {
    const records = [
      partnership('TP', {
        name: 'Teenage Pregnancy Strategy Group',
        purpose: 'Halve the under-18 conception rate (NI 112)',
        memberOrganisationIds: ['o1', 'o2', 'o3'],
      }),
      partnership('DV', {
        name: 'Domestic Violence Forum',
        purpose: 'Refuge and outreach',
        memberOrganisationIds: ['o1', 'o4'],
      }),
      partnership('FL', { name: 'Flood Forum', purpose: 'Flood wardens', memberOrganisationIds: ['o1', 'o5'] }),
      partnership('CH', {
        name: 'Chlamydia Screening Group',
        purpose: 'Screening for 15-24s',
        memberOrganisationIds: ['o1', 'o6'],
      }),
    ];
    // Read through the thesaurus the product ships with, as a gatekeeper's pre-check is.
    const index = buildIndex(records, { thesaurus: compileThesaurus(DEFAULT_THESAURUS) });
    const proposal = partnership('proposal:1', {
      name: 'Young Parents Prevention Forum',
      purpose: 'Reduce conceptions among girls under 18',
      memberOrganisationIds: [],
    });
    const matches = checkOne(proposal, index, { floor: 0.1, settings: DEFAULT_SETTINGS });
    expect(matches[0]?.bId).toBe('TP');
    expect(matches[0]!.score).toBeGreaterThanOrEqual(DEFAULT_SETTINGS.likely);
  });

  it('reads the name of the proposal, not of another record, when telling places apart', () => {
    // The first two are one kind of body for two places; the proposal is a plain copy of the third.
    const records = [
      partnership('N', {
        name: 'Northgate Litter Pickers',
        purpose: 'Estate litter picks',
        memberOrganisationIds: ['o1'],
      }),
      partnership('E', {
        name: 'Elmwood Litter Pickers',
        purpose: 'Estate litter picks',
        memberOrganisationIds: ['o2'],
      }),
      partnership('DV', {
        name: 'Domestic Violence Forum',
        purpose: 'Refuges and outreach for survivors of domestic abuse',
        memberOrganisationIds: ['o3'],
      }),
      partnership('FL', { name: 'Flood Forum', purpose: 'Flood wardens', memberOrganisationIds: ['o4'] }),
    ];
    const index = buildIndex(records, context);
    const proposal = partnership('proposal:1', {
      name: 'Domestic Violence Forum',
      purpose: 'Refuges and outreach for survivors of domestic abuse',
      memberOrganisationIds: [],
    });
    const [match] = checkOne(proposal, index, { floor: 0.1, settings: DEFAULT_SETTINGS });
    expect(match?.bId).toBe('DV');
    expect(match!.differentPlaces).toBeNull();
    expect(match!.score).toBeGreaterThanOrEqual(DEFAULT_SETTINGS.likely);
  });

  it('leaves the partnership itself out when an existing one is checked', () => {
    const records = toRecords([
      { words: ['domestic', 'abuse'], members: ['O1'], themes: [] },
      { words: ['domestic', 'abuse'], members: ['O1'], themes: [] },
    ]);
    const index = buildIndex(records, context);
    expect(checkOne(records[0]!, index, { floor: 0, settings: DEFAULT_SETTINGS }).map((m) => m.bId)).toEqual(['P01']);
  });
});
