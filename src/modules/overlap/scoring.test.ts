import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileThesaurus } from '../thesaurus/matcher.js';
import { TEST_THESAURUS } from '../thesaurus/fixture.js';
import { DEFAULT_THESAURUS } from '../thesaurus/default/index.js';
import { buildIndex, explainPair } from './engine.js';
import {
  closestFloor,
  closestMatches,
  DEFAULT_SETTINGS,
  resolveSettings,
  scorePositions,
  strengthOf,
  tierOf,
} from './scoring.js';
import { partnership } from './test-records.js';
import type { PartnershipFeatures } from './types.js';

const context = { thesaurus: compileThesaurus(TEST_THESAURUS) };
const BIG = ['district-council', 'county-council', 'police', 'nhs', 'cvs'];

/** A register where the big partners sit on every board, plus filler partnerships on other work. */
function register(pair: PartnershipFeatures[]): PartnershipFeatures[] {
  const filler = [
    'recycling',
    'libraries',
    'road safety',
    'tourism',
    'allotments',
    'flooding',
    'museums',
    'parking',
  ].map((work, i) =>
    partnership(`F${i}`, {
      name: `${work} group`,
      purpose: `Improve ${work} across the district`,
      memberOrganisationIds: [...BIG, `local-${i}`],
    }),
  );
  return [...pair, ...filler];
}

function score(records: PartnershipFeatures[], a = 'A', b = 'B', reading = context) {
  const index = buildIndex(records, reading);
  return scorePositions(index, index.positionOf.get(a)!, index.positionOf.get(b)!);
}

describe('scoring a pair', () => {
  it('sees the same work in different words through the thesaurus', () => {
    const records = register([
      partnership('A', {
        name: 'Teenage Pregnancy Strategy Group',
        purpose: 'Halve teenage conceptions',
        memberOrganisationIds: [...BIG, 'o1'],
      }),
      partnership('B', {
        name: 'Young Parents Forum',
        purpose: 'Reduce under-18 conceptions',
        memberOrganisationIds: [...BIG, 'o2'],
      }),
    ]);
    // Read through the thesaurus the product ships with.
    const s = score(records, 'A', 'B', { thesaurus: compileThesaurus(DEFAULT_THESAURUS) });
    expect(s.score).toBeGreaterThanOrEqual(DEFAULT_SETTINGS.likely);
  });

  it('does not take two boards of the big partners doing different work for duplicates', () => {
    const records = register([
      partnership('A', {
        name: 'Chlamydia screening group',
        purpose: 'Screen young people',
        memberOrganisationIds: [...BIG],
      }),
      partnership('B', {
        name: 'Fuel poverty group',
        purpose: 'Affordable warmth for older people',
        memberOrganisationIds: [...BIG],
      }),
    ]);
    expect(score(records).score).toBeLessThan(DEFAULT_SETTINGS.look);
  });

  it('counts a member on every board for almost nothing (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 5 }), (shared, own) => {
        const specialist = Array.from({ length: shared }, (_, i) => `s${i}`);
        const a = partnership('A', {
          name: 'Carers',
          memberOrganisationIds: [...specialist, ...Array.from({ length: own }, (_, i) => `a${i}`)],
        });
        const b = partnership('B', {
          name: 'Carers',
          memberOrganisationIds: [...specialist, ...Array.from({ length: own }, (_, i) => `b${i}`)],
        });
        const without = score(
          register([a, b]).map((r) => ({
            ...r,
            memberOrganisationIds: r.memberOrganisationIds.filter((m) => !BIG.includes(m)),
          })),
        );
        const withEverywhere = score(
          register([a, b]).map((r) => ({
            ...r,
            memberOrganisationIds: [...r.memberOrganisationIds, 'on-every-board'],
          })),
        );
        expect(Math.abs(withEverywhere.members - without.members)).toBeLessThan(0.05);
      }),
      { numRuns: 40 },
    );
  });

  it('lets specialist members outweigh the partners on most boards', () => {
    const specialists = score(
      register([
        partnership('A', {
          name: 'Group one',
          memberOrganisationIds: [...BIG.slice(0, 1), 'womens-aid', 'refuge', 'idva-service'],
        }),
        partnership('B', {
          name: 'Group two',
          memberOrganisationIds: [...BIG.slice(0, 1), 'womens-aid', 'refuge', 'idva-service'],
        }),
      ]),
    );
    const bigOnly = score(
      register([
        partnership('A', { name: 'Group one', memberOrganisationIds: [...BIG, 'x1'] }),
        partnership('B', { name: 'Group two', memberOrganisationIds: [...BIG, 'x2'] }),
      ]),
    );
    expect(specialists.members).toBeGreaterThan(0.9);
    expect(bigOnly.members).toBeLessThan(0.2);
  });

  it('treats an empty or terse purpose as missing, not as a difference (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom('', 'TBC', 'Flooding', 'Forum.', 'n/a'), (terse) => {
        const board = ['s1', 's2', 's3', 's4', ...BIG];
        const described = partnership('A', {
          name: 'Flood Action Group',
          purpose: 'Flood wardens, sandbag stores and household flood plans in low-lying parishes',
          memberOrganisationIds: board,
        });
        const bare = (purpose: string) =>
          partnership('B', { name: 'Flood Forum', purpose, memberOrganisationIds: board });
        const onlyMembers = score(
          register([
            { ...described, name: '', purpose: '' },
            { ...bare(''), name: '' },
          ]),
        );
        const withTerse = score(register([described, bare(terse)]));
        expect(withTerse.score).toBeGreaterThanOrEqual(onlyMembers.score - 1e-9);
      }),
    );
  });

  it('reads a note that the purpose is missing as no purpose: two such notes are not shared work', () => {
    const notes = [
      'No purpose recorded in the source register',
      'Not recorded in the source register',
      'Details to be confirmed',
    ];
    for (const note of notes) {
      const members = (i: number) => [...BIG, `own-${i}`];
      const noted = score(
        register([
          partnership('A', { name: 'Community Cohesion Group', purpose: note, memberOrganisationIds: members(1) }),
          partnership('B', { name: 'Westside Flood Forum', purpose: note, memberOrganisationIds: members(2) }),
        ]),
      );
      const empty = score(
        register([
          partnership('A', { name: 'Community Cohesion Group', purpose: '', memberOrganisationIds: members(1) }),
          partnership('B', { name: 'Westside Flood Forum', purpose: '', memberOrganisationIds: members(2) }),
        ]),
      );
      expect(noted.text).toBe(0);
      expect(noted.score).toBeCloseTo(empty.score, 9);
    }
  });

  it('is symmetric, in [0, 1], and no pair is more alike than a record and its copy (property)', () => {
    const word = fc.constantFrom(
      'domestic',
      'abuse',
      'carers',
      'flood',
      'youth',
      'housing',
      'jobs',
      'ASB',
      'u18',
      'NI 112',
    );
    const record = (id: string) =>
      fc
        .record({
          name: fc.array(word, { maxLength: 4 }).map((w) => w.join(' ')),
          purpose: fc.array(word, { maxLength: 8 }).map((w) => w.join(' ')),
          members: fc.uniqueArray(fc.constantFrom('o1', 'o2', 'o3', 'o4', 'o5', 'o6'), { maxLength: 6 }),
        })
        .map((r) => partnership(id, { name: r.name, purpose: r.purpose, memberOrganisationIds: r.members }));
    fc.assert(
      fc.property(record('A'), record('B'), (a, b) => {
        const records = register([a, b]);
        const ab = score(records, 'A', 'B');
        const ba = score(records, 'B', 'A');
        expect(ab.score).toBeCloseTo(ba.score, 12);
        expect(ab.score).toBeGreaterThanOrEqual(0);
        expect(ab.score).toBeLessThanOrEqual(1);
        const withCopy = register([a, b, { ...a, id: 'C' }]);
        expect(score(withCopy, 'A', 'C').score).toBeGreaterThanOrEqual(score(withCopy, 'A', 'B').score - 1e-9);
      }),
      { numRuns: 60 },
    );
  });

  it('explains a pair with the same score, naming the thesaurus link in both wordings', () => {
    const records = register([
      partnership('A', { name: 'ASB Sub-Group', purpose: 'Case conferences', memberOrganisationIds: [...BIG, 'o1'] }),
      partnership('B', {
        name: 'Nuisance Neighbours Group',
        purpose: 'Tenancy enforcement',
        memberOrganisationIds: [...BIG, 'o1'],
      }),
    ]);
    const index = buildIndex(records, context);
    const e = explainPair(index, 'A', 'B', DEFAULT_SETTINGS);
    expect(e.score).toBeCloseTo(score(records).score, 12);
    const concept = e.sharedFeatures.find((f) => f.key === 'c:antisocial-behaviour');
    expect(concept).toMatchObject({
      writtenA: 'asb',
      writtenB: 'nuisance neighbours',
      label: 'Antisocial behaviour',
      removes: 0,
    });
  });
});

describe('a partnership and its own sub-group', () => {
  it('count what they share for less: the nesting accounts for it', () => {
    const parent = partnership('A', {
      name: 'Domestic Abuse Partnership',
      purpose: 'Refuges, IDVA and outreach',
      memberOrganisationIds: [...BIG, 'refuge'],
    });
    const child = partnership('B', {
      name: 'Domestic Violence Forum',
      purpose: 'Refuge and IDVA referrals',
      memberOrganisationIds: [...BIG, 'refuge'],
    });
    const apart = score(register([parent, child]));
    const nested = score(register([parent, { ...child, parentId: 'A' }]));
    expect(nested.nested).toBe(true);
    expect(nested.score).toBeLessThan(apart.score);
    expect(apart.score).toBeGreaterThanOrEqual(DEFAULT_SETTINGS.likely);
  });
});

describe('tiers and strength', () => {
  it('puts a score in a tier by the locality’s thresholds', () => {
    const settings = resolveSettings({ likely: 0.6, look: 0.4 });
    expect(tierOf(0.65, settings)).toBe('likely');
    expect(tierOf(0.5, settings)).toBe('look');
    expect(tierOf(0.2, settings)).toBeNull();
    expect(strengthOf(0.95, settings)).toBe('very strong');
    expect(strengthOf(0.61, settings)).toBe('strong');
    expect(strengthOf(0.45, settings)).toBe('moderate');
  });

  it('makes two partnerships that are each other’s closest match likely the same work from half way between the thresholds', () => {
    const settings = resolveSettings({ likely: 0.7, look: 0.4 });
    expect(closestFloor(settings)).toBeCloseTo(0.55);
    expect(tierOf(0.6, settings, true)).toBe('likely');
    expect(tierOf(0.6, settings, false)).toBe('look');
    expect(tierOf(0.5, settings, true)).toBe('look');
  });

  it('finds the pairs that are each other’s closest match, and no pair where either has a better or an equal one', () => {
    const pair = (aId: string, bId: string, score: number, nested = false) => ({ aId, bId, score, nested });
    const closest = closestMatches([
      pair('A', 'B', 0.6), // A's and B's best: closest
      pair('A', 'C', 0.5),
      pair('C', 'D', 0.45), // C's best is D, but D's best is E
      pair('D', 'E', 0.5),
      pair('E', 'F', 0.5), // E has two equal best: neither is its closest
      pair('G', 'H', 0.65, true), // a sub-group and its board: the nesting is why they are close
      pair('G', 'I', 0.5),
    ]);
    expect([...closest].sort()).toEqual(['A|B', 'G|I']);
  });
});

describe('refusing bad thresholds', () => {
  it('refuses thresholds out of range or the wrong way round', () => {
    expect(() => resolveSettings({ likely: 0.3, look: 0.5 })).toThrow(/not be above/);
    expect(() => resolveSettings({ likely: 1.2 })).toThrow(/at most 1/);
  });
});
