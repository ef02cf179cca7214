import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateNational, PLANTED_KINDS } from './generate.js';

const options = { partnerships: 2_000, organisations: 800, localities: 14, seed: 5 };
const digest = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

describe('the synthetic national register', () => {
  const data = generateNational(options);

  it('comes out the same for the same seed, and differently for another', () => {
    expect(digest(generateNational(options))).toBe(digest(data));
    expect(digest(generateNational({ ...options, seed: 6 }))).not.toBe(digest(data));
  });

  it('has the numbers asked for', () => {
    expect(data.partnerships).toHaveLength(2_000);
    expect(data.organisations).toHaveLength(800);
    expect(data.localities).toHaveLength(14);
    expect(new Set(data.partnerships.map((p) => p.id)).size).toBe(2_000);
  });

  it('has realistic boards, meeting patterns, layers, areas and nesting', () => {
    const open = data.partnerships.filter((p) => p.memberOrganisationIds.length > 0);
    const meanBoard = open.reduce((s, p) => s + p.memberOrganisationIds.length, 0) / open.length;
    expect(meanBoard).toBeGreaterThan(6);
    expect(meanBoard).toBeLessThan(12);
    for (const p of data.partnerships) {
      const within = (value: number | null, low: number, high: number) =>
        value === null || (value >= low && value <= high);
      expect(within(p.meetingsPerYear, 4, 12)).toBe(true);
      expect(within(p.meetingMinutes, 120, 180)).toBe(true);
      expect(within(p.typicalAttendance, 8, 25)).toBe(true);
      expect(p.areas.every((a) => /^E(05|06|07|08|09|10)\d{6}$/.test(a))).toBe(true);
      expect(new Set(p.memberOrganisationIds).size).toBe(p.memberOrganisationIds.length);
    }
    expect(new Set(data.partnerships.map((p) => p.layer))).toEqual(new Set(['strategic', 'executive', 'operational']));
    expect(data.partnerships.filter((p) => p.isLsp)).toHaveLength(14);
    const ids = new Set(data.partnerships.map((p) => p.id));
    expect(data.partnerships.filter((p) => p.parentId !== null).every((p) => ids.has(p.parentId!))).toBe(true);
    expect(data.partnerships.some((p) => p.statutory)).toBe(true);
  });

  it('puts big public bodies on 30 boards or more', () => {
    const seats = new Map<string, number>();
    for (const p of data.partnerships) for (const o of p.memberOrganisationIds) seats.set(o, (seats.get(o) ?? 0) + 1);
    const police = data.organisations.filter((o) => o.name.endsWith(' Police'));
    expect(police.length).toBeGreaterThan(0);
    for (const force of police) expect(seats.get(force.id) ?? 0).toBeGreaterThanOrEqual(30);
  });

  it('plants near-duplicates of every kind, with the ground truth', () => {
    const byId = new Map(data.partnerships.map((p) => [p.id, p]));
    expect(new Set(data.planted.map((g) => g.kind))).toEqual(new Set(PLANTED_KINDS));
    for (const group of data.planted) {
      expect(group.ids[0]).toBe(group.sourceId);
      const members = group.ids.map((id) => byId.get(id)!);
      expect(new Set(members.map((m) => m.localityId)).size).toBe(1);
      if (group.kind === 'same-members-new-name')
        for (const copy of members.slice(1))
          expect(new Set(copy.memberOrganisationIds)).toEqual(new Set(members[0]!.memberOrganisationIds));
      if (group.kind === 'nested-copy') for (const copy of members.slice(1)) expect(copy.parentId).toBe(group.sourceId);
    }
    const copies = data.planted.reduce((s, g) => s + g.ids.length - 1, 0);
    expect(copies / data.partnerships.length).toBeGreaterThan(0.02);
  });
});
