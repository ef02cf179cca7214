/** Building partnership records by hand in tests: every field filled, override what matters. */
import type { PartnershipFeatures } from './types.js';

export function partnership(id: string, parts: Partial<PartnershipFeatures> = {}): PartnershipFeatures {
  return {
    id,
    localityId: 'E07000001',
    name: `Group ${id}`,
    purpose: '',
    themes: [],
    areas: ['E07000001'],
    memberOrganisationIds: [],
    meetingsPerYear: 6,
    meetingMinutes: 120,
    typicalAttendance: 10,
    basis: 'voluntary',
    statutory: false,
    separateLegalStatus: false,
    parentId: null,
    status: 'active',
    layer: 'operational',
    ...parts,
  };
}

/** Other work in a scope, so that what the pairs a test compares share is rare in it. */
export function unrelatedBoards(): PartnershipFeatures[] {
  return ['Allotments Society', 'Library Friends', 'Museum Trust', 'Parking Review', 'Tourism Group'].map((name, i) =>
    partnership(`o${i}`, { name, purpose: `${name} business` }),
  );
}
