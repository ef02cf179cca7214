import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_COST_RATES } from '../overlap/costs.js';
import type { PartnershipFeatures } from '../overlap/types.js';
import { type PlannedOperationWithPattern, compare, simulate } from './comparison.js';
import { checkPlan, parentsAfter } from './rules.js';

function features(id: string, extra: Partial<PartnershipFeatures> = {}): PartnershipFeatures {
  return {
    id,
    localityId: 'l',
    name: `P ${id}`,
    purpose: '',
    themes: [],
    areas: [],
    memberOrganisationIds: [],
    meetingsPerYear: 6,
    meetingMinutes: 120,
    typicalAttendance: null,
    basis: 'voluntary',
    statutory: false,
    separateLegalStatus: false,
    parentId: null,
    status: 'active',
    layer: 'operational',
    ...extra,
  };
}
const op = (
  kind: PlannedOperationWithPattern['kind'],
  subjectIds: string[],
  extra: Partial<PlannedOperationWithPattern> = {},
): PlannedOperationWithPattern => ({
  kind,
  subjectIds,
  targetId: null,
  newName: null,
  newLayer: null,
  changeParent: false,
  reason: null,
  meetingsPerYear: null,
  meetingMinutes: null,
  ...extra,
});
const publicSector = () => 'public' as const;

describe('before and after', () => {
  it('counts one partnership, and the shared members’ seats, fewer after a merge, and saves the absorbed board’s meetings', () => {
    const a = features('a', { memberOrganisationIds: ['council', 'police'] });
    const b = features('b', { memberOrganisationIds: ['council', 'police', 'nhs'] });
    const result = compare(
      [a, b],
      [op('merge', ['a', 'b'], { targetId: 'a' })],
      publicSector,
      DEFAULT_COST_RATES,
      (id) => id,
    );
    expect(result.before).toMatchObject({ partnerships: 2, seats: 5, meetingHours: 60 });
    expect(result.after).toMatchObject({ partnerships: 1, seats: 3, meetingHours: 36 });
    // 6 meetings × attendees × (2 h + 2 h preparation) × £45: 2 + 3 attendees before, 3 after.
    expect(result.before.yearlyCostPence).toBe(6 * 5 * 4 * 4500);
    expect(result.savingPence).toBe(6 * 2 * 4 * 4500);
    expect(result.map.find((r) => r.id === 'b')).toMatchObject({ before: { status: 'active' }, after: null });
  });

  it('places partnerships after a plan exactly where the rules say they go', () => {
    const register = fc
      .integer({ min: 2, max: 10 })
      .chain((n) =>
        fc
          .array(fc.option(fc.nat(), { nil: undefined }), { minLength: n, maxLength: n })
          .map((parents) =>
            parents.map((parent, i) =>
              features(`p${i}`, { parentId: parent !== undefined && i > 0 ? `p${parent % i}` : null }),
            ),
          ),
      );
    const plan = register.chain((open) => {
      const id = fc.nat({ max: open.length - 1 }).map((i) => `p${i}`);
      const one = fc.oneof(
        fc.tuple(fc.array(id, { minLength: 1, maxLength: 3 }), id).map(([s, t]) => op('nest', s, { targetId: t })),
        fc
          .tuple(fc.array(id, { minLength: 1, maxLength: 3 }), id)
          .map(([s, t]) => op('merge', [...new Set([t, ...s])], { targetId: t })),
        fc.array(id, { minLength: 2, maxLength: 3 }).map((s) => op('merge', [...new Set(s)], { newName: 'Joined' })),
        fc.array(id, { minLength: 1, maxLength: 2 }).map((s) => op('close', [...new Set(s)], { reason: 'Done' })),
      );
      return fc.array(one, { minLength: 1, maxLength: 4 }).map((ops) => ({ open, ops }));
    });
    fc.assert(
      fc.property(plan, ({ open, ops }) => {
        const rules = new Map(
          open.map((p) => [
            p.id,
            {
              id: p.id,
              name: p.name,
              status: p.status,
              parentId: p.parentId,
              layer: p.layer,
              statutory: false,
              separateLegalStatus: false,
            },
          ]),
        );
        if (checkPlan(ops, rules).length) return;
        const after = new Map(simulate(open, ops).map((p) => [p.id, p.parentId]));
        expect(after).toEqual(parentsAfter(ops, rules));
      }),
    );
  });
});
