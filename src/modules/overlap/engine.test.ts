import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIndex, checkOne, exactAllPairs, explainPair, findSimilarPairs } from './engine.js';
import type { OverlapIndex } from './engine.js';
import { termWeightIn } from './features.js';
import { generateNational, pairKey, plantedPairKeys } from './generate.js';
import type { NationalData } from './generate.js';
import { explainMatch } from './scoring.js';
import type { PartnershipFeatures, SimilarPair } from './types.js';

const keys = (pairs: readonly SimilarPair[]) => new Set(pairs.map((p) => pairKey(p.aId, p.bId)));

function recall(found: readonly SimilarPair[], exact: readonly SimilarPair[]): number {
  const got = keys(found);
  return exact.length === 0 ? 1 : exact.filter((p) => got.has(pairKey(p.aId, p.bId))).length / exact.length;
}

describe('whole-scope analysis on the small synthetic set (1,000 partnerships)', () => {
  let data: NationalData;
  let index: OverlapIndex;
  let exact: SimilarPair[];

  beforeAll(() => {
    data = generateNational({ partnerships: 1000, organisations: 400, localities: 7, seed: 11 });
    index = buildIndex(data.partnerships);
    exact = exactAllPairs(index);
  });

  it('finds at least 98% of the pairs an exact all-pairs pass finds, and nothing else', () => {
    const { pairs } = findSimilarPairs(index);
    expect(exact.length).toBeGreaterThan(10);
    expect(recall(pairs, exact)).toBeGreaterThanOrEqual(0.98);
    const exactKeys = keys(exact);
    expect(pairs.every((p) => exactKeys.has(pairKey(p.aId, p.bId)))).toBe(true);
  });

  it('does the same with MinHash and LSH banding instead of the prefix filter', () => {
    const { pairs } = findSimilarPairs(index, { textCandidates: 'minhash' });
    expect(recall(pairs, exact)).toBeGreaterThanOrEqual(0.98);
  });

  it('finds most planted near-duplicates, and flags little that was not planted', () => {
    const { pairs } = findSimilarPairs(index);
    const planted = plantedPairKeys(data.planted);
    const found = keys(pairs);
    const hits = [...planted].filter((k) => found.has(k)).length;
    expect(hits / planted.size).toBeGreaterThan(0.85);
    expect(pairs.filter((p) => planted.has(pairKey(p.aId, p.bId))).length / pairs.length).toBeGreaterThan(0.8);
  });

  it('explains every pair it finds with the same score', () => {
    const { pairs } = findSimilarPairs(index);
    for (const p of pairs.slice(0, 50)) {
      const e = explainPair(index, p.aId, p.bId);
      expect(e.score).toBeCloseTo(p.score, 9);
      expect(e.sharedMemberIds.length > 0 || e.sharedTerms.length > 0).toBe(true);
    }
  });

  it('checks a new partnership against the index exactly as scoring it against every record would', () => {
    const source = data.partnerships[123]!;
    const proposal: PartnershipFeatures = {
      ...source,
      id: 'NEW',
      name: `${source.name} Task Group`,
      memberOrganisationIds: source.memberOrganisationIds.slice(1),
    };
    const matches = checkOne(proposal, index, { threshold: 0.3, limit: 1000 });
    const weightOf = (key: string) => termWeightIn(index, key);
    const brute = data.partnerships.map((r) => explainMatch(proposal, r, weightOf)).filter((e) => e.score >= 0.3);
    expect(new Set(matches.map((m) => m.bId))).toEqual(new Set(brute.map((e) => e.bId)));
    expect(matches[0]!.bId).toBe(source.id);
    for (let i = 1; i < matches.length; i++) expect(matches[i - 1]!.score).toBeGreaterThanOrEqual(matches[i]!.score);
  });

  it('leaves the partnership itself out when an existing one is checked', () => {
    const existing = data.partnerships[40]!;
    expect(checkOne(existing, index, { threshold: 0 }).some((m) => m.bId === existing.id)).toBe(false);
  });
});

describe('candidate generation', () => {
  const WORDS = [
    'abuse',
    'domestic',
    'crime',
    'carers',
    'dementia',
    'housing',
    'flood',
    'recycling',
    'youth',
    'truancy',
    'obesity',
    'jobs',
  ];
  const arbScope = fc.array(
    fc.record({
      words: fc.array(fc.constantFrom(...WORDS), { maxLength: 8 }),
      members: fc.uniqueArray(fc.constantFrom('O1', 'O2', 'O3', 'O4', 'O5', 'O6', 'O7'), { maxLength: 5 }),
      themes: fc.uniqueArray(fc.constantFrom('t1', 't2', 't3'), { maxLength: 2 }),
      areas: fc.uniqueArray(fc.constantFrom('a1', 'a2'), { maxLength: 2 }),
    }),
    { minLength: 2, maxLength: 14 },
  );
  const arbWeights = fc.record({
    members: fc.double({ min: 0, max: 1, noNaN: true }),
    text: fc.double({ min: 0, max: 1, noNaN: true }),
    themes: fc.double({ min: 0, max: 0.3, noNaN: true }),
    areas: fc.double({ min: 0, max: 0.3, noNaN: true }),
  });

  it('finds exactly the pairs an all-pairs pass finds, whatever the weights, threshold and member floor', () => {
    fc.assert(
      fc.property(
        arbScope,
        arbWeights,
        fc.double({ min: 0.2, max: 0.95, noNaN: true }),
        fc.double({ min: 0.05, max: 0.6, noNaN: true }),
        (drafts, weights, threshold, memberFloor) => {
          fc.pre(weights.members + weights.text + weights.themes + weights.areas > 0.01);
          const records = drafts.map((d, i) => ({
            id: `P${i}`,
            localityId: 'L',
            name: d.words.slice(0, 2).join(' '),
            purpose: d.words.slice(2).join(' '),
            themes: d.themes,
            areas: d.areas,
            memberOrganisationIds: d.members,
            meetingsPerYear: null,
            meetingMinutes: null,
            typicalAttendance: null,
            basis: 'voluntary',
            statutory: false,
            separateLegalStatus: false,
            parentId: null,
            status: 'active',
            layer: 'operational',
          }));
          const index = buildIndex(records);
          for (const textCandidates of ['prefix', 'minhash'] as const) {
            const found = findSimilarPairs(index, { weights, threshold, memberFloor, textCandidates }).pairs;
            const exact = exactAllPairs(index, { weights, threshold });
            const list = (pairs: readonly SimilarPair[]) => pairs.map((p) => pairKey(p.aId, p.bId)).sort();
            // Lists, not sets: a pair found twice would be a bug too.
            if (textCandidates === 'prefix') expect(list(found)).toEqual(list(exact));
            else expect([...keys(found)].every((k) => keys(exact).has(k))).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
