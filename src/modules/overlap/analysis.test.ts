import { describe, expect, it } from 'vitest';
import { compileThesaurus } from '../thesaurus/matcher.js';
import { TEST_THESAURUS } from '../thesaurus/fixture.js';
import { DEFAULT_THESAURUS } from '../thesaurus/default/index.js';
import { SLICE_MS, analyseScope, analyseScopeInSlices, pairKey } from './analysis.js';
import { explanationSentences } from './describe.js';
import { generateNational } from './generate.js';
import { partnership } from './test-records.js';
import type { PartnershipFeatures } from './types.js';

const context = { thesaurus: compileThesaurus(TEST_THESAURUS) };
const BIG = ['council', 'county', 'police', 'nhs'];

function locality(id: string): PartnershipFeatures[] {
  const p = (suffix: string, parts: Partial<PartnershipFeatures>) =>
    partnership(`${id}-${suffix}`, { localityId: id, areas: [id], ...parts });
  return [
    p('tp', {
      name: 'Teenage Pregnancy Strategy Group',
      purpose: 'Halve under-18 conceptions (NI 112)',
      memberOrganisationIds: [...BIG, `${id}-clinic`],
    }),
    p('yp', {
      name: 'Young Parents Forum',
      purpose: 'Fewer teenage conceptions; support for teen pregnancy',
      memberOrganisationIds: [...BIG, `${id}-clinic`, `${id}-college`],
    }),
    p('asb', { name: 'ASB Sub-Group', purpose: 'Case conferences', memberOrganisationIds: [...BIG, `${id}-housing`] }),
    p('nn', {
      name: 'Nuisance Neighbours Group',
      purpose: 'Antisocial behaviour by tenants',
      memberOrganisationIds: [...BIG, `${id}-housing`],
    }),
    p('fl', {
      name: 'Flood Forum',
      purpose: 'Flood wardens and sandbags',
      memberOrganisationIds: [...BIG, `${id}-ea`],
    }),
    p('li', {
      name: 'Libraries Group',
      purpose: 'Opening hours and book stock',
      memberOrganisationIds: [...BIG, `${id}-friends`],
    }),
    p('wk', {
      name: 'Worklessness Board',
      purpose: 'Benefit claimants back into work',
      memberOrganisationIds: [...BIG, `${id}-jcp`],
    }),
  ];
}

describe('the whole analysis of a scope', () => {
  const records = [...locality('L1'), ...locality('L2')];
  const options = { contextFor: () => context, now: () => new Date('2025-04-01T09:00:00Z') };
  const analysis = analyseScope(records, [], options);

  it('says when it was computed and with which settings, per locality', () => {
    expect(analysis.computedAt).toBe('2025-04-01T09:00:00.000Z');
    expect(Object.keys(analysis.settings).sort()).toEqual(['L1', 'L2']);
  });

  it('compares partnerships only within their locality: the same work in two places is not duplication', () => {
    expect(analysis.pairs.length).toBeGreaterThan(0);
    for (const pair of analysis.pairs) expect(pair.aId.slice(0, 2)).toBe(pair.bId.slice(0, 2));
    expect(analysis.pairs.map((p) => pairKey(p.aId, p.bId))).toEqual(
      expect.arrayContaining([pairKey('L1-tp', 'L1-yp'), pairKey('L1-asb', 'L1-nn'), pairKey('L2-tp', 'L2-yp')]),
    );
  });

  it('explains any pair in the scope on demand, with the score the search gave it', () => {
    for (const pair of analysis.pairs) expect(analysis.explain(pair.aId, pair.bId)?.score).toBeCloseTo(pair.score, 9);
    expect(analysis.explain('L1-tp', 'L2-tp')).toBeUndefined();
  });

  it('drops a pair judged not a duplicate and keeps one judged the same work, in every later analysis', () => {
    const judged = analyseScope(records, [], {
      ...options,
      judgements: [
        { aId: 'L1-tp', bId: 'L1-yp', verdict: 'different' },
        { aId: 'L1-fl', bId: 'L1-li', verdict: 'same' },
      ],
    });
    const keys = new Set(judged.pairs.map((p) => pairKey(p.aId, p.bId)));
    expect(keys.has(pairKey('L1-tp', 'L1-yp'))).toBe(false);
    expect(keys.has(pairKey('L2-tp', 'L2-yp'))).toBe(true);
    expect(judged.pairs.find((p) => pairKey(p.aId, p.bId) === pairKey('L1-fl', 'L1-li'))).toMatchObject({
      tier: 'likely',
      judgement: 'same',
    });
    expect(judged.dismissed).toBe(1);
    expect(judged.clusters.some((c) => c.partnershipIds.includes('L1-fl') && c.partnershipIds.includes('L1-li'))).toBe(
      true,
    );
  });

  it('puts each pair in a tier by its locality’s own settings', () => {
    const strict = analyseScope(records, [], {
      ...options,
      settingsByLocality: new Map([['L2', { likely: 0.99, look: 0.98 }]]),
    });
    expect(strict.pairs.some((p) => p.aId.startsWith('L2'))).toBe(false);
    expect(strict.pairs.some((p) => p.aId.startsWith('L1'))).toBe(true);
  });

  it('takes two partnerships that are each other’s closest match for likely the same work from half way between the thresholds, and groups them', () => {
    const teenage = analysis.pairs.find((p) => pairKey(p.aId, p.bId) === pairKey('L1-tp', 'L1-yp'))!;
    // Thresholds either side of the pair's score: under "likely", over the half-way mark.
    const settings = { likely: teenage.score + 0.05, look: teenage.score - 0.1 };
    const closer = analyseScope(records, [], { ...options, settingsByLocality: new Map([['L1', settings]]) });
    const pair = closer.pairs.find((p) => pairKey(p.aId, p.bId) === pairKey('L1-tp', 'L1-yp'))!;
    expect(pair.score).toBeLessThan(settings.likely);
    expect(pair.tier).toBe('likely');
    expect(closer.clusters.some((c) => c.partnershipIds.includes('L1-tp') && c.partnershipIds.includes('L1-yp'))).toBe(
      true,
    );
    const explained = closer.explain('L1-tp', 'L1-yp')!;
    expect(explained.tier).toBe('likely');
    expect(explanationSentences(explained, { nameOf: (id) => id }).join(' ')).toMatch(
      /they are each other’s closest match/i,
    );
    // A pair under the half-way mark stays worth a look, closest match or not.
    const lower = { likely: teenage.score + 0.2, look: teenage.score - 0.05 };
    const apart = analyseScope(records, [], { ...options, settingsByLocality: new Map([['L1', lower]]) });
    expect(apart.pairs.find((p) => pairKey(p.aId, p.bId) === pairKey('L1-tp', 'L1-yp'))?.tier).toBe('look');
  });

  it('ranks groups by likely yearly saving, each with candidates for its other members', () => {
    const { clusters, candidates } = analysis;
    expect(clusters.length).toBeGreaterThan(0);
    for (let i = 1; i < clusters.length; i++)
      expect(clusters[i - 1]!.likelySavingPence).toBeGreaterThanOrEqual(clusters[i]!.likelySavingPence);
    for (const cluster of clusters) {
      const own = candidates.filter((c) => c.clusterId === cluster.id);
      const others = cluster.partnershipIds.filter((id) => id !== cluster.keeperId);
      expect(new Set(own.map((c) => c.partnershipIds[0]))).toEqual(new Set(others));
      expect(own.filter((c) => c.recommended).every((c) => typeof c.reason === 'string' && c.reason.length > 20)).toBe(
        true,
      );
    }
  });

  it('gives metrics for the scope and for each locality', () => {
    expect(analysis.metrics.partnerships).toBe(records.length);
    expect(Object.keys(analysis.localityMetrics)).toHaveLength(2);
  });
});

describe('a national analysis while the server keeps answering', () => {
  it('lets other work in every few tens of milliseconds, and finds what the one-go analysis finds', async () => {
    // Big enough to take over a second even on an idle machine, so that holding the loop would show.
    const data = generateNational({ partnerships: 14_000, organisations: 5600, localities: 95, seed: 3 });
    const thesaurus = compileThesaurus(DEFAULT_THESAURUS);
    const options = { contextFor: () => ({ thesaurus }), perLocality: true };
    // The longest gap between ticks of a timer stands for the longest a request would wait.
    let longestWait = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      longestWait = Math.max(longestWait, now - last);
      last = now;
    }, 5);
    const started = performance.now();
    const sliced = await analyseScopeInSlices(data.partnerships, data.organisations, options);
    const took = performance.now() - started;
    clearInterval(timer);
    expect(took).toBeGreaterThan(4 * SLICE_MS * 10); // long enough that holding the loop would show
    // Holding the loop would make the longest wait the whole analysis (seconds); a busy machine
    // stretches each slice, so the bound is generous.
    expect(longestWait).toBeLessThan(Math.min(1000, took / 3));
    const whole = analyseScope(data.partnerships, data.organisations, options);
    expect(sliced.pairs.map((p) => `${p.aId}|${p.bId}|${p.tier}`)).toEqual(
      whole.pairs.map((p) => `${p.aId}|${p.bId}|${p.tier}`),
    );
  });
});
