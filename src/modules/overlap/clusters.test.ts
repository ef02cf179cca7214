import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clusterPairs } from './clusters.js';
import { buildIndex, exactAllPairs } from './engine.js';
import { partnership } from './test-records.js';

const safety = { themes: ['community-safety'], areas: ['E07000001'] };

describe('clusters of similar partnerships', () => {
  // A and B have the same board but different purposes; B and C the same purpose but
  // different boards; A and C have nothing in common but their theme and area.
  const a = partnership('A', {
    ...safety,
    name: 'Night time economy group',
    purpose: 'Licensing, taxis and door staff in the town centre',
    memberOrganisationIds: ['O1', 'O2', 'O3', 'O4'],
  });
  const b = partnership('B', {
    ...safety,
    name: 'Hate crime forum',
    purpose: 'Encourage reporting of hate crime and support its victims',
    memberOrganisationIds: ['O1', 'O2', 'O3', 'O4'],
  });
  const c = partnership('C', {
    ...safety,
    name: 'Hate crime forum',
    purpose: 'Encourage reporting of hate crime and support its victims',
    memberOrganisationIds: ['O7', 'O8', 'O9'],
  });
  const filler = ['D', 'E', 'F', 'G'].map((id, i) =>
    partnership(id, {
      name: `Unrelated ${['recycling', 'dementia', 'apprenticeships', 'flooding'][i]}`,
      purpose: 'Something else entirely',
      memberOrganisationIds: [`X${i}`],
    }),
  );

  it('does not chain partnerships that are only linked through a third', () => {
    const index = buildIndex([a, b, c, ...filler]);
    const pairs = exactAllPairs(index);
    expect(pairs.map((p) => `${p.aId}${p.bId}`).sort()).toEqual(['AB', 'BC']);
    const clusters = clusterPairs(index, pairs);
    expect(clusters.map((k) => k.positions.map((p) => index.records[p]!.id))).toEqual([['A', 'B']]);
  });

  it('groups near-identical partnerships into one cluster, whatever order the pairs come in', () => {
    const copies = ['P1', 'P2', 'P3'].map((id, i) =>
      partnership(id, {
        ...safety,
        name: 'Domestic abuse forum',
        purpose: `Reduce domestic abuse and support survivors ${['', 'and their children', 'across the district'][i]}`,
        memberOrganisationIds: ['O1', 'O2', 'O3', i === 2 ? 'O5' : 'O4'],
      }),
    );
    const index = buildIndex([...copies, ...filler]);
    const pairs = exactAllPairs(index);
    expect(pairs).toHaveLength(3);
    fc.assert(
      fc.property(fc.shuffledSubarray(pairs, { minLength: pairs.length }), (shuffled) => {
        const clusters = clusterPairs(index, shuffled);
        expect(clusters).toHaveLength(1);
        expect(clusters[0]!.positions).toEqual([0, 1, 2]);
        expect(clusters[0]!.cohesion).toBeGreaterThanOrEqual(0.55);
      }),
    );
  });
});
