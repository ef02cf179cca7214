import { describe, expect, it } from 'vitest';
import { analyseScope } from './analysis.js';
import { generateNational } from './generate.js';

describe('the whole analysis of a scope', () => {
  const data = generateNational({ partnerships: 1_000, organisations: 400, localities: 7, seed: 3 });
  const analysis = analyseScope(data.partnerships, data.organisations, { now: () => new Date('2025-04-01T09:00:00Z') });

  it('says when it was computed and with which settings', () => {
    expect(analysis.computedAt).toBe('2025-04-01T09:00:00.000Z');
    expect(analysis.settings.threshold).toBe(0.55);
    expect(Object.values(analysis.settings.weights).reduce((s, w) => s + w, 0)).toBeCloseTo(1, 12);
  });

  it('explains every pair it reports', () => {
    expect(analysis.pairs.length).toBeGreaterThan(0);
    for (const pair of analysis.pairs) {
      expect(pair.score).toBeGreaterThanOrEqual(0.55);
      expect(pair.sharedMemberIds.length + pair.sharedTerms.length).toBeGreaterThan(0);
    }
  });

  it('ranks clusters by likely yearly saving, each with candidates for its other members', () => {
    const { clusters, candidates } = analysis;
    expect(clusters.length).toBeGreaterThan(0);
    for (let i = 1; i < clusters.length; i++)
      expect(clusters[i - 1]!.likelySavingPence).toBeGreaterThanOrEqual(clusters[i]!.likelySavingPence);
    for (const cluster of clusters) {
      expect(cluster.partnershipIds.length).toBeGreaterThanOrEqual(2);
      const own = candidates.filter((c) => c.clusterId === cluster.id);
      const others = cluster.partnershipIds.filter((id) => id !== cluster.keeperId);
      expect(new Set(own.map((c) => c.partnershipIds[0]))).toEqual(new Set(others));
      for (const c of own) expect(Number.isInteger(c.yearlySavingPence)).toBe(true);
    }
  });

  it('gives metrics for the scope and for each locality', () => {
    expect(analysis.metrics.partnerships).toBe(1_000);
    expect(Object.keys(analysis.localityMetrics)).toHaveLength(7);
    const inClusters = new Set(analysis.clusters.flatMap((c) => c.partnershipIds)).size;
    expect(analysis.metrics.duplicationIndex).toBeCloseTo(inClusters / 1_000, 12);
    expect(analysis.metrics.totalYearlyCostPence).toBe(
      Object.values(analysis.localityMetrics).reduce((s, m) => s + m.totalYearlyCostPence, 0),
    );
  });
});
