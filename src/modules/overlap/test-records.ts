/** Building partnership records by hand in tests: every field filled, override what matters. */
import type { ProposedPartnership } from './proposal-check.js';
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

/** A draft proposal as the gatekeeper's form may leave it: a name and a purpose, nothing else. */
export function draftProposal(
  localityId: string,
  name: string,
  purpose: string,
  id = '00000000-0000-4000-8000-000000000001',
): ProposedPartnership {
  return {
    id,
    localityId,
    name,
    purpose,
    themes: [],
    areas: [],
    memberOrganisationIds: [],
    layer: null,
    meetingsPerYear: null,
    meetingMinutes: null,
    typicalAttendance: null,
  };
}
