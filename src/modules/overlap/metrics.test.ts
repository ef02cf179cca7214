import { describe, expect, it } from 'vitest';
import { resolveRates, yearlyCost } from './costs.js';
import { scopeMetrics } from './metrics.js';
import { partnership } from './test-records.js';
import type { OrganisationRecord } from './types.js';

const organisations = new Map<string, OrganisationRecord>([
  ['council', { id: 'council', name: 'District Council', sector: 'public', localityId: 'E07000001' }],
  ['police', { id: 'police', name: 'Police', sector: 'public', localityId: null }],
  ['club', { id: 'club', name: 'Youth Club', sector: 'community', localityId: 'E07000001' }],
]);
const rates = resolveRates();

describe('locality metrics', () => {
  const records = [
    partnership('A', {
      themes: ['community-safety', 'children-young-people'],
      layer: 'strategic',
      memberOrganisationIds: ['council', 'police'],
      meetingsPerYear: 4,
      meetingMinutes: 120,
      typicalAttendance: 4,
    }),
    partnership('B', {
      themes: ['community-safety'],
      layer: 'operational',
      memberOrganisationIds: ['council', 'club'],
      meetingsPerYear: 12,
      meetingMinutes: 90,
      typicalAttendance: 2,
    }),
    partnership('C', { themes: [], layer: 'operational', memberOrganisationIds: ['council'], meetingsPerYear: null }),
  ];
  const metrics = scopeMetrics(records, organisations, new Set(['A', 'B']), rates);

  it('counts partnerships by theme and by layer', () => {
    expect(metrics.byTheme).toEqual({ 'community-safety': 2, 'children-young-people': 1, '(none)': 1 });
    expect(metrics.byLayer).toEqual({ strategic: 1, operational: 2 });
  });

  it('shows the burden on each partner: seats and meeting hours a year', () => {
    const council = metrics.organisations.find((o) => o.organisationId === 'council')!;
    expect(metrics.organisations[0]!.organisationId).toBe('council');
    expect(council.seats).toBe(3);
    // A: 4 × 2 h × 2 people; B: 12 × 1.5 h × 1 person; C: default 6 × 2 h × 10 people.
    expect(council.meetingHoursPerYear).toBe(16 + 18 + 120);
    expect(metrics.organisations.find((o) => o.organisationId === 'club')).toMatchObject({
      seats: 1,
      name: 'Youth Club',
      sector: 'community',
    });
  });

  it('gives the duplication index as the share of partnerships in a cluster', () => {
    expect(metrics.partnershipsInClusters).toBe(2);
    expect(metrics.duplicationIndex).toBeCloseTo(2 / 3, 12);
  });

  it('totals the yearly cost of partnership working and counts the estimates', () => {
    const sectorOf = (id: string) => organisations.get(id)?.sector;
    expect(metrics.totalYearlyCostPence).toBe(records.reduce((s, r) => s + yearlyCost(r, sectorOf, rates).pence, 0));
    expect(metrics.estimatedCosts).toBe(1);
  });
});
