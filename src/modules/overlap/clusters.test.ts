import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileThesaurus } from '../thesaurus/matcher.js';
import { TEST_THESAURUS } from '../thesaurus/fixture.js';
import { clusterPairs } from './clusters.js';
import { buildIndex, exactAllPairs } from './engine.js';
import { partnership } from './test-records.js';

const context = { thesaurus: compileThesaurus(TEST_THESAURUS) };
const LIKELY = 0.6;

describe('groups of partnerships likely doing the same work', () => {
  // A and B have the same specialist board but their purposes say nothing; B and C the same
  // purpose but different boards; A and C have nothing in common.
  const a = partnership('A', { name: 'Westgate Forum', purpose: '', memberOrganisationIds: ['O1', 'O2', 'O3', 'O4'] });
  const b = partnership('B', {
    name: 'Domestic abuse forum',
    purpose: 'Refuges and outreach for survivors of domestic abuse',
    memberOrganisationIds: ['O1', 'O2', 'O3', 'O4'],
  });
  const c = partnership('C', {
    name: 'Violence in the home group',
    purpose: 'Refuges and outreach for survivors of domestic violence',
    memberOrganisationIds: ['O7', 'O8', 'O9'],
  });
  // Enough other work around them that what they share is rare in the scope, as in a real register.
  const filler = [
    'recycling',
    'dementia',
    'apprenticeships',
    'flooding',
    'libraries',
    'parking',
    'allotments',
    'museums',
    'buses',
    'tourism',
    'cycling',
    'playgrounds',
    'cemeteries',
    'markets',
    'lighting',
    'bridges',
  ].map((work, i) =>
    partnership(`F${i}`, {
      name: `Unrelated ${work}`,
      purpose: `Something about ${work}`,
      memberOrganisationIds: [`X${i}`],
    }),
  );

  it('does not chain partnerships that are only linked through a third', () => {
    const index = buildIndex([a, b, c, ...filler], context);
    const pairs = exactAllPairs(index, LIKELY);
    expect(pairs.map((p) => `${p.aId}${p.bId}`).sort()).toEqual(['AB', 'BC']);
    expect(exactAllPairs(index, 0.01).some((p) => p.aId === 'A' && p.bId === 'C')).toBe(false);
    // Each link just over the bar: A and C, with nothing in common, would pull the mean under it.
    const justOver = pairs.map((p) => ({ ...p, score: p.aId === 'A' ? LIKELY + 0.05 : LIKELY + 0.04 }));
    const clusters = clusterPairs(index, justOver, LIKELY);
    expect(clusters.map((k) => k.positions.map((p) => index.records[p]!.id))).toEqual([['A', 'B']]);
  });

  it('keeps a pair an officer judged the same work together, and one judged different apart', () => {
    const index = buildIndex([a, b, c, ...filler], context);
    const pairs = exactAllPairs(index, LIKELY).map((p) => ({ ...p, score: LIKELY + 0.05 }));
    const apart = clusterPairs(index, pairs, LIKELY, new Map([['A|B', 'different']]));
    expect(apart.map((k) => k.positions.map((p) => index.records[p]!.id))).toEqual([['B', 'C']]);
  });

  it('groups rewordings of one purpose into one group, whatever order the pairs come in', () => {
    const copies = [
      ['Domestic abuse forum', 'Reduce domestic abuse and support survivors'],
      ['DV forum', 'Refuge, outreach and IDVA support for survivors'],
      ['Violence in the home group', 'Support for survivors of domestic violence'],
    ].map(([name, purpose], i) =>
      partnership(`P${i + 1}`, { name, purpose, memberOrganisationIds: ['O1', 'O2', i === 2 ? 'O5' : 'O4'] }),
    );
    const index = buildIndex([...copies, ...filler], context);
    const pairs = exactAllPairs(index, LIKELY);
    expect(pairs).toHaveLength(3);
    fc.assert(
      fc.property(fc.shuffledSubarray(pairs, { minLength: pairs.length }), (shuffled) => {
        const clusters = clusterPairs(index, shuffled, LIKELY);
        expect(clusters).toHaveLength(1);
        expect(clusters[0]!.positions).toEqual([0, 1, 2]);
        expect(clusters[0]!.cohesion).toBeGreaterThanOrEqual(LIKELY);
      }),
    );
  });
});
