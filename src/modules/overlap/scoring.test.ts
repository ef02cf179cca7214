import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildIndex, scorePositions, termWeightIn } from './features.js';
import { combine, explainMatch, NOT_COMPARED, resolveWeights, termWeightsOver } from './scoring.js';
import { shingles, stem } from './text.js';
import type { PartnershipFeatures } from './types.js';
import { partnership } from './test-records.js';

const WORDS = [
  'domestic',
  'abuse',
  'reduce',
  'crime',
  'young',
  'people',
  'housing',
  'health',
  'carers',
  'dementia',
  'flooding',
  'recycling',
  'apprenticeships',
  'truancy',
];

/** A hand-built record with no areas unless a test gives some. */
const record = (id: string, parts: Partial<PartnershipFeatures> = {}): PartnershipFeatures =>
  partnership(id, { areas: [], ...parts });

const arbRecord = (id: string) =>
  fc
    .record({
      nameWords: fc.array(fc.constantFrom(...WORDS), { maxLength: 3 }),
      purposeWords: fc.array(fc.constantFrom(...WORDS, 'and', 'the', 'partnership'), { maxLength: 12 }),
      members: fc.uniqueArray(fc.constantFrom('O1', 'O2', 'O3', 'O4', 'O5', 'O6'), { maxLength: 5 }),
      themes: fc.uniqueArray(fc.constantFrom('housing', 'community-safety', 'health-wellbeing'), { maxLength: 2 }),
      areas: fc.uniqueArray(fc.constantFrom('E07000001', 'E05000001', 'E05000002'), { maxLength: 2 }),
    })
    .map((r) =>
      record(id, {
        name: r.nameWords.join(' '),
        purpose: r.purposeWords.join(' '),
        memberOrganisationIds: r.members,
        themes: r.themes,
        areas: r.areas,
      }),
    );

const hasEvidence = (r: PartnershipFeatures) =>
  r.memberOrganisationIds.length > 0 || shingles(r.name, r.purpose).length > 0;

describe('the similarity score', () => {
  it('is symmetric and between 0 and 1, and its contributions add up to it', () => {
    fc.assert(
      fc.property(arbRecord('A'), arbRecord('B'), arbRecord('C'), (a, b, c) => {
        const weightOf = termWeightsOver([a, b, c]);
        const ab = explainMatch(a, b, weightOf);
        const ba = explainMatch(b, a, weightOf);
        expect(ab.score).toBeCloseTo(ba.score, 12);
        expect(ab.score).toBeGreaterThanOrEqual(0);
        expect(ab.score).toBeLessThanOrEqual(1);
        const sum = Object.values(ab.components).reduce((s, c) => s + c.contribution, 0);
        expect(sum).toBeCloseTo(ab.score, 12);
      }),
    );
  });

  it('gives identical records exactly 1', () => {
    fc.assert(
      fc.property(arbRecord('A'), arbRecord('B'), (a, other) => {
        fc.pre(hasEvidence(a));
        const copy = { ...a, id: 'A2' };
        expect(explainMatch(a, copy, termWeightsOver([a, copy, other])).score).toBe(1);
      }),
    );
  });

  it('gives records that share nothing exactly 0', () => {
    const a = record('A', {
      name: 'Domestic Abuse Forum',
      purpose: 'Reduce domestic abuse.',
      memberOrganisationIds: ['O1', 'O2'],
      themes: ['community-safety'],
      areas: ['E05000001'],
    });
    const b = record('B', {
      name: 'Recycling Group',
      purpose: 'More recycling of waste.',
      memberOrganisationIds: ['O3'],
      themes: ['environment'],
      areas: ['E05000002'],
    });
    expect(explainMatch(a, b, termWeightsOver([a, b])).score).toBe(0);
    fc.assert(
      fc.property(arbRecord('A'), arbRecord('B'), (x, y) => {
        // Make y disjoint from x in every component: other organisations, words, themes, areas.
        const disjoint = {
          ...y,
          name: 'flooding',
          purpose: 'recycling truancy',
          memberOrganisationIds: y.memberOrganisationIds.map((m) => `${m}-other`),
          themes: ['transport'],
          areas: ['W06000001'],
        };
        fc.pre(!/flooding|recycling|truancy|flood|recycl|truanc/.test(`${x.name} ${x.purpose}`));
        expect(explainMatch(x, disjoint, termWeightsOver([x, disjoint])).score).toBe(0);
      }),
    );
  });

  it('explains exactly what is shared: members, words and phrases, themes and areas', () => {
    fc.assert(
      fc.property(arbRecord('A'), arbRecord('B'), (a, b) => {
        const e = explainMatch(a, b, termWeightsOver([a, b]));
        const intersect = (x: string[], y: string[]) => [...new Set(x)].filter((v) => y.includes(v)).sort();
        expect(e.sharedMemberIds).toEqual(intersect(a.memberOrganisationIds, b.memberOrganisationIds));
        expect(e.sharedThemes).toEqual(intersect(a.themes, b.themes));
        expect(e.sharedAreas).toEqual(intersect(a.areas, b.areas));
        const keysA = new Map(shingles(a.name, a.purpose).map((s) => [s.key, s.surface]));
        const keysB = new Set(shingles(b.name, b.purpose).map((s) => s.key));
        const sharedSurfaces = [...keysA]
          .filter(([k]) => keysB.has(k))
          .map(([, surface]) => surface)
          .sort();
        expect(e.sharedTerms.map((t) => t.term).sort()).toEqual(sharedSurfaces);
        // Most distinctive first.
        for (let i = 1; i < e.sharedTerms.length; i++)
          expect(e.sharedTerms[i - 1]!.weight).toBeGreaterThanOrEqual(e.sharedTerms[i]!.weight);
      }),
    );
  });

  it('is computed the same from the compact index as from the records', () => {
    fc.assert(
      fc.property(fc.array(arbRecord('x'), { minLength: 2, maxLength: 6 }), (drafts) => {
        const records = drafts.map((r, i) => ({ ...r, id: `P${i}` }));
        const index = buildIndex(records);
        const weights = resolveWeights();
        for (let p = 0; p < records.length; p++) {
          for (let q = p + 1; q < records.length; q++) {
            const fromIndex = scorePositions(index, p, q, weights).score;
            const fromRecords = explainMatch(records[p]!, records[q]!, (k) => termWeightIn(index, k), weights).score;
            expect(fromIndex).toBeCloseTo(fromRecords, 10);
          }
        }
      }),
    );
  });

  it('leaves out what one side has not recorded instead of counting it as a difference', () => {
    const a = record('A', {
      name: 'Dementia carers',
      purpose: 'Support carers of people with dementia',
      memberOrganisationIds: [],
      themes: ['older-people'],
    });
    const b = record('B', {
      name: 'Dementia carers',
      purpose: 'Support carers of people with dementia',
      memberOrganisationIds: ['O1', 'O2'],
      themes: ['older-people'],
    });
    const e = explainMatch(a, b, termWeightsOver([a, b]));
    expect(e.components.members.compared).toBe(false);
    expect(e.components.areas.compared).toBe(false);
    expect(e.score).toBe(1);
  });

  it('never lets themes and areas alone make a match', () => {
    expect(combine(NOT_COMPARED, NOT_COMPARED, 1, 1, resolveWeights())).toBe(0);
  });

  it('weighs a word on every partnership in the scope (the place name) next to nothing', () => {
    const scope = [
      record('A', { name: 'Brackenfield Domestic Abuse Forum', purpose: 'Brackenfield domestic abuse' }),
      record('B', { name: 'Brackenfield Recycling Group', purpose: 'Brackenfield recycling' }),
      record('C', { name: 'Brackenfield Carers Network', purpose: 'Brackenfield carers' }),
    ];
    const weightOf = termWeightsOver(scope);
    expect(weightOf('brackenfield')).toBeLessThan(weightOf('abus') / 5);
    expect(explainMatch(scope[0]!, scope[1]!, weightOf).components.text.similarity).toBeLessThan(0.1);
  });

  it('matches word forms and ignores generic partnership words', () => {
    expect(stem('reducing')).toBe(stem('reduce'));
    expect(stem('communities')).toBe(stem('community'));
    expect(shingles('The Safer Streets Partnership Board', '').map((s) => s.key)).toEqual([
      'safer',
      'safer street',
      'street',
    ]);
  });

  it('rejects weights that are negative or all zero', () => {
    expect(() => resolveWeights({ members: -1 })).toThrow(RangeError);
    expect(() => resolveWeights({ members: 0, text: 0, themes: 0, areas: 0 })).toThrow(RangeError);
  });
});
