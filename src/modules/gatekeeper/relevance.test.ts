import { describe, expect, it } from 'vitest';
import { type SameThemeCandidate, rankSameThemeArea } from './relevance.js';

const council = { name: 'District Council', boards: 40 };
const police = { name: 'Police', boards: 30 };
const refuge = { name: 'Women’s Refuge', boards: 2 };

const proposal = {
  themeCount: 2,
  members: [council, police, refuge],
  openPartnerships: 45,
  layerLabel: 'Operational',
};

function candidate(name: string, changes: Partial<SameThemeCandidate> = {}): SameThemeCandidate {
  return {
    id: name,
    name,
    reference: 'P-0001',
    sharedThemes: ['Community safety'],
    sharedMembers: [],
    sharedAreas: [],
    statutory: false,
    statutoryType: null,
    sameLayer: false,
    alsoSimilar: false,
    ...changes,
  };
}

describe('the pre-check’s partnerships in the same theme and area', () => {
  it('puts first the one sharing a distinctive member, before one where only the council and police sit', () => {
    const ranked = rankSameThemeArea(
      [
        candidate('Aardvark Forum', { sharedMembers: [council, police] }),
        candidate('Refuge Network', { sharedMembers: [refuge] }),
        candidate('Nobody in common'),
      ],
      proposal,
    );
    expect(ranked.map((p) => p.name)).toEqual(['Refuge Network', 'Aardvark Forum', 'Nobody in common']);
    expect(ranked[0]?.reasons[0]).toBe('1 of the 3 proposed members already sit on it: Women’s Refuge (on 2 boards)');
  });

  it('ranks more shared themes, a statutory partnership, the same areas and the same layer higher, saying so', () => {
    const ranked = rankSameThemeArea(
      [
        candidate('Plain'),
        candidate('Both themes', { sharedThemes: ['Community safety', 'Housing'] }),
        candidate('Statutory', { statutory: true, statutoryType: 'Community Safety Partnership' }),
        candidate('Same wards', { sharedAreas: ['E05000001'], sameLayer: true }),
      ],
      proposal,
    );
    expect(ranked.at(-1)?.name).toBe('Plain');
    const relevance = new Map(ranked.map((p) => [p.name, p.relevance]));
    for (const name of ['Both themes', 'Statutory', 'Same wards'])
      expect(relevance.get(name), name).toBeGreaterThan(relevance.get('Plain') as number);
    const reasons = new Map(ranked.map((p) => [p.name, p.reasons]));
    expect(reasons.get('Both themes')).toContain('Shares 2 of the proposal’s 2 themes: Community safety, Housing');
    expect(reasons.get('Statutory')).toContain(
      'A statutory partnership (Community Safety Partnership): it could take this on as a sub-group',
    );
    expect(reasons.get('Same wards')).toEqual(
      expect.arrayContaining(['Covers the same areas: E05000001', 'Works at the same layer (operational)']),
    );
    expect(reasons.get('Plain')).toEqual([
      'Shares 1 of the proposal’s 2 themes: Community safety',
      'Covers the whole locality',
    ]);
  });
});
