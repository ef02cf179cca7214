/**
 * The register's rules as pure functions of what the register holds. The service asks the
 * database for the facts a single change needs; a batch (bulk.ts) answers the same questions
 * from the locality it read once. Both then ask these functions, so a record written either way
 * met the same rules, and both write the same audit entries.
 */
import type { FieldError } from '../../core/errors.js';
import type { MembershipRow, OrganisationRow, PartnershipRow } from '../../db/tables.js';
import type { RecordInput } from '../audit/service.js';
import type { ReferenceSnapshot } from '../reference/service.js';
import type { PartnershipInput } from './schema.js';

/** What the partnership rules need to know about the records a partnership names. */
export interface PartnershipFacts {
  /** Those of its lead organisation and accountable body that are in the locality's register. */
  organisationsFound: ReadonlySet<string>;
  /** Its parent as the register holds it; undefined when the parent named is not in the locality. */
  parent?: { status: string };
  /** Whether the parent named is the partnership itself or sits beneath it. */
  parentBelow: boolean;
}

const OPEN = new Set(['proposed', 'active']);

export function partnershipProblems(
  snapshot: ReferenceSnapshot,
  data: PartnershipInput,
  facts: PartnershipFacts,
): FieldError[] {
  const errors: FieldError[] = [];
  const unknownThemes = data.themes.filter((t) => !snapshot.has('theme', t));
  if (unknownThemes.length) errors.push({ field: 'themes', message: `Unknown theme: ${unknownThemes.join(', ')}` });
  if (!snapshot.has('basis', data.basis)) errors.push({ field: 'basis', message: `Unknown basis: ${data.basis}` });
  if (!snapshot.has('legal-form', data.legalForm))
    errors.push({ field: 'legalForm', message: `Unknown legal form: ${data.legalForm}` });
  if (data.basis === 'statutory') {
    if (!data.statutoryType)
      errors.push({ field: 'statutoryType', message: 'Choose which statutory partnership this is' });
    else if (!snapshot.has('statutory-type', data.statutoryType))
      errors.push({ field: 'statutoryType', message: `Unknown statutory partnership type: ${data.statutoryType}` });
  } else if (data.statutoryType) {
    errors.push({
      field: 'statutoryType',
      message: 'Only a statutory partnership has a statutory type: choose the statutory basis or clear the type',
    });
  }
  if (data.basis === 'funding' && !data.basisDetail)
    errors.push({ field: 'basisDetail', message: 'Enter the fund that required this partnership' });
  if (data.basis === 'plan' && !data.basisDetail)
    errors.push({ field: 'basisDetail', message: 'Enter the plan this partnership delivers' });
  for (const [field, orgId] of [
    ['leadOrganisationId', data.leadOrganisationId],
    ['accountableBodyId', data.accountableBodyId],
  ] as const) {
    if (orgId && !facts.organisationsFound.has(orgId))
      errors.push({ field, message: 'Choose an organisation from this locality’s register' });
  }
  if (data.parentId) {
    if (!facts.parent)
      errors.push({ field: 'parentId', message: 'Choose a parent partnership from this locality’s register' });
    else if (facts.parentBelow)
      errors.push({
        field: 'parentId',
        message: 'A partnership cannot sit beneath itself or one of its own sub-partnerships',
      });
    else if (!OPEN.has(facts.parent.status))
      errors.push({
        field: 'parentId',
        message: `The parent partnership is ${facts.parent.status}: choose an open one`,
      });
  }
  if (data.establishedOn && data.reviewDate && data.reviewDate < data.establishedOn)
    errors.push({ field: 'reviewDate', message: 'Review date must be on or after the date established' });
  return errors;
}

export interface OrganisationFacts {
  /** Whether another organisation of the locality has the local reference. */
  localReferenceTaken: boolean;
  /** Another organisation of the locality with the same name (first) or identifier. */
  clash?: 'name' | 'identifier';
}

export function organisationProblems(
  snapshot: ReferenceSnapshot,
  data: { name: string; orgType: string; identifier?: string; localReference?: string },
  facts: OrganisationFacts,
): FieldError[] {
  const errors: FieldError[] = [];
  if (!snapshot.has('organisation-type', data.orgType))
    errors.push({ field: 'orgType', message: `Unknown organisation type: ${data.orgType}` });
  if (data.localReference && facts.localReferenceTaken)
    errors.push({
      field: 'localReference',
      message: `The local reference ${data.localReference} is already used by another organisation`,
    });
  if (facts.clash === 'name')
    errors.push({ field: 'name', message: `An organisation called ${data.name} is already in this register` });
  if (facts.clash === 'identifier')
    errors.push({
      field: 'identifier',
      message: `The identifier ${data.identifier} is already used by another organisation`,
    });
  return errors;
}

export interface SeatInput {
  organisationId: string;
  role: string;
  representative?: string;
  startedOn?: string;
  endedOn?: string;
}

export interface CurrentSeat {
  id: string;
  organisation_id: string;
  role: string;
  representative: string | null;
  organisation_name: string;
}

/** The seat rules: a real, open organisation; sensible dates; one chair; no seat held twice. */
export function membershipProblems(
  organisation: Pick<OrganisationRow, 'name' | 'status'> | undefined,
  current: CurrentSeat[],
  data: SeatInput,
): FieldError[] {
  const errors: FieldError[] = [];
  if (!organisation)
    errors.push({ field: 'organisationId', message: 'Choose an organisation from this locality’s register' });
  else if (organisation.status === 'closed' && !data.endedOn)
    errors.push({ field: 'organisationId', message: `${organisation.name} is closed: it cannot hold a current seat` });
  if (data.startedOn && data.endedOn && data.endedOn < data.startedOn)
    errors.push({ field: 'endedOn', message: 'End date must be on or after the start date' });
  if (data.endedOn) return errors;
  const chair = current.find((m) => m.role === 'chair');
  if (data.role === 'chair' && chair)
    errors.push({
      field: 'role',
      message: `${chair.organisation_name} already holds the chair: end that membership or choose another role`,
    });
  const representative = (data.representative ?? '').toLowerCase();
  if (
    current.some(
      (m) => m.organisation_id === data.organisationId && (m.representative ?? '').toLowerCase() === representative,
    )
  ) {
    errors.push({
      field: 'organisationId',
      message: organisation
        ? `${organisation.name} already has this seat${data.representative ? ` for ${data.representative}` : ''}`
        : 'This seat already exists',
    });
  }
  return errors;
}

/** Whether a seat may be added to a partnership with this status (past seats of a closed one may, on import). */
export function seatAllowed(partnershipStatus: string, seat: SeatInput, allowAnyStatus: boolean): boolean {
  return OPEN.has(partnershipStatus) || (allowAnyStatus && seat.endedOn !== undefined);
}

/** The stored columns of a valid partnership input (the service's and the batch's writes). */
export function toPartnershipRow(data: PartnershipInput) {
  return {
    name: data.name,
    purpose: data.purpose,
    basis: data.basis,
    basis_detail: data.basisDetail ?? null,
    statutory_type: data.statutoryType ?? null,
    legal_form: data.legalForm,
    accountable_body_id: data.accountableBodyId ?? null,
    layer: data.layer,
    parent_id: data.parentId ?? null,
    lead_organisation_id: data.leadOrganisationId ?? null,
    chair_name: data.chairName ?? null,
    secretary_name: data.secretaryName ?? null,
    lead_officer: data.leadOfficer ?? null,
    service_area: data.serviceArea ?? null,
    meetings_per_year: data.meetingsPerYear ?? null,
    meeting_minutes: data.meetingMinutes ?? null,
    typical_attendance: data.typicalAttendance ?? null,
    annual_budget_pence: data.annualBudgetPence ?? null,
    significance: data.significance ?? null,
    established_on: data.establishedOn ?? null,
    review_date: data.reviewDate ?? null,
    terms_of_reference_url: data.termsOfReferenceUrl ?? null,
  };
}

// --- the audit entries of new records ---------------------------------------------------

export function organisationCreated(created: OrganisationRow): RecordInput {
  return {
    localityId: created.locality_id,
    action: 'create',
    entityType: 'organisation',
    entityId: created.id,
    organisationId: created.id,
    summary: `Created organisation ${created.name}`,
    after: created,
  };
}

export function partnershipCreated(created: PartnershipRow, themes: string[], areas: string[]): RecordInput {
  return {
    localityId: created.locality_id,
    action: 'create',
    entityType: 'partnership',
    entityId: created.id,
    partnershipId: created.id,
    summary: `Created partnership ${created.name}`,
    after: { ...created, themes, areas },
  };
}

export function membershipAdded(seat: MembershipRow, organisationName: string, partnershipName: string): RecordInput {
  return {
    localityId: seat.locality_id,
    action: 'create',
    entityType: 'membership',
    entityId: seat.id,
    partnershipId: seat.partnership_id,
    organisationId: seat.organisation_id,
    summary: `Added ${organisationName} to ${partnershipName} as ${seat.role.replace('-', ' ')}${seat.ended_on ? ` (a past seat, ended ${seat.ended_on})` : ''}`,
    after: seat,
  };
}
