import { z } from 'zod';
import type { LocalRecordRow, NationalBodyRow } from './national-bodies.js';
import type { Locality, OrganisationRow } from '../../db/tables.js';
import type { MembershipView, OrganisationListRow, PartnershipListRow, PartnershipRecord } from './repository.js';

/** The JSON the API returns, declared once for OpenAPI and built by the mappers below. */
const nullableString = z.string().nullable();
const nullableDate = z.string().meta({ format: 'date' }).nullable();
const nullableInt = z.number().int().nullable();

export const localityOutput = z.object({
  gssCode: z.string(),
  name: z.string(),
  kind: z.string(),
  region: z.string(),
  nation: z.string(),
  isDemo: z.boolean(),
});

export const partnershipOutput = z.object({
  id: z.uuid(),
  reference: z.string(),
  name: z.string(),
  purpose: z.string(),
  themes: z.array(z.string()),
  basis: z.string(),
  basisDetail: nullableString,
  statutoryType: nullableString,
  legalForm: z.string(),
  accountableBodyId: z.uuid().nullable(),
  layer: z.string(),
  status: z.string(),
  parentId: z.uuid().nullable(),
  leadOrganisationId: z.uuid().nullable(),
  chairName: nullableString,
  secretaryName: nullableString
    .optional()
    .meta({ description: 'Restricted: only for signed-in readers of the locality' }),
  leadOfficer: nullableString.optional().meta({ description: 'Restricted' }),
  serviceArea: nullableString.optional().meta({ description: 'Restricted' }),
  areas: z.array(z.string()),
  meetingsPerYear: nullableInt,
  meetingMinutes: nullableInt,
  typicalAttendance: nullableInt,
  significance: nullableString.optional().meta({ description: 'Restricted' }),
  establishedOn: nullableDate,
  reviewDate: nullableDate.optional().meta({ description: 'Restricted' }),
  termsOfReferenceUrl: nullableString,
  closedOn: nullableDate,
  closeReason: nullableString,
  version: z.number().int(),
  updatedAt: z.string().meta({ format: 'date-time' }),
});

export const partnershipSummaryOutput = z.object({
  id: z.uuid(),
  reference: z.string(),
  name: z.string(),
  layer: z.string(),
  status: z.string(),
  basis: z.string(),
  themes: z.array(z.string()),
  leadOrganisation: nullableString,
  memberCount: z.number().int(),
  meetingsPerYear: nullableInt,
});

export const organisationOutput = z.object({
  id: z.uuid(),
  name: z.string(),
  sector: z.string(),
  orgType: z.string(),
  identifier: nullableString,
  website: nullableString,
  status: z.string(),
  closedOn: nullableDate,
  closeReason: nullableString,
  version: z.number().int(),
  seats: z.number().int().optional(),
  meetingHoursPerYear: z.number().optional(),
});

/** A body once for the country, with its seats summed over every locality's record of it. */
export const nationalBodyOutput = z.object({
  identifier: z.string(),
  name: z.string().meta({ description: 'The name most localities use for it' }),
  sector: z.string(),
  orgType: z.string(),
  website: nullableString,
  localities: z.number().int(),
  seats: z.number().int().meta({ description: 'Counted seats on active partnerships, across the country' }),
  meetingHoursPerYear: z.number(),
});

export const nationalBodyDetailOutput = nationalBodyOutput.extend({
  records: z.array(
    z.object({
      localityCode: z.string(),
      localityName: z.string(),
      organisationId: z.uuid(),
      name: z.string(),
      status: z.string(),
      seats: z.number().int(),
      meetingHoursPerYear: z.number(),
    }),
  ),
});

export function toNationalBodyJson(b: NationalBodyRow): z.infer<typeof nationalBodyOutput> {
  return {
    identifier: b.identifier,
    name: b.name,
    sector: b.sector,
    orgType: b.org_type,
    website: b.website,
    localities: b.localities,
    seats: b.seats,
    meetingHoursPerYear: b.meeting_hours,
  };
}

export function toLocalRecordJson(r: LocalRecordRow): z.infer<typeof nationalBodyDetailOutput>['records'][number] {
  return {
    localityCode: r.gss_code,
    localityName: r.locality_name,
    organisationId: r.organisation_id,
    name: r.name,
    status: r.status,
    seats: r.seats,
    meetingHoursPerYear: r.meeting_hours,
  };
}

export const membershipOutput = z.object({
  id: z.uuid(),
  partnershipId: z.uuid(),
  partnershipName: z.string(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  sector: z.string(),
  role: z.string(),
  representative: nullableString.optional().meta({ description: 'Restricted: a named person' }),
  startedOn: nullableDate,
  endedOn: nullableDate,
  version: z.number().int(),
});

export const auditEventOutput = z.object({
  id: z.number().int(),
  occurredAt: z.string().meta({ format: 'date-time' }),
  actor: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  summary: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    pages: z.number().int(),
  });

export const toLocalityJson = (l: Locality) => ({
  gssCode: l.gss_code,
  name: l.name,
  kind: l.kind,
  region: l.region,
  nation: l.nation,
  isDemo: l.is_demo,
});

/** Restricted fields are left out entirely, not sent as null, for readers who may not see them. */
export function toPartnershipJson(p: PartnershipRecord, restricted: boolean): z.infer<typeof partnershipOutput> {
  const json: z.infer<typeof partnershipOutput> = {
    id: p.id,
    reference: p.reference,
    name: p.name,
    purpose: p.purpose,
    themes: p.themes,
    basis: p.basis,
    basisDetail: p.basis_detail,
    statutoryType: p.statutory_type,
    legalForm: p.legal_form,
    accountableBodyId: p.accountable_body_id,
    layer: p.layer,
    status: p.status,
    parentId: p.parent_id,
    leadOrganisationId: p.lead_organisation_id,
    chairName: p.chair_name,
    secretaryName: p.secretary_name,
    leadOfficer: p.lead_officer,
    serviceArea: p.service_area,
    areas: p.areas,
    meetingsPerYear: p.meetings_per_year,
    meetingMinutes: p.meeting_minutes,
    typicalAttendance: p.typical_attendance,
    significance: p.significance,
    establishedOn: p.established_on,
    reviewDate: p.review_date,
    termsOfReferenceUrl: p.terms_of_reference_url,
    closedOn: p.closed_on,
    closeReason: p.close_reason,
    version: p.version,
    updatedAt: new Date(p.updated_at).toISOString(),
  };
  if (!restricted) {
    delete json.secretaryName;
    delete json.leadOfficer;
    delete json.serviceArea;
    delete json.significance;
    delete json.reviewDate;
  }
  return json;
}

export const toPartnershipSummaryJson = (p: PartnershipListRow): z.infer<typeof partnershipSummaryOutput> => ({
  id: p.id,
  reference: p.reference,
  name: p.name,
  layer: p.layer,
  status: p.status,
  basis: p.basis,
  themes: p.themes,
  leadOrganisation: p.lead_organisation_name,
  memberCount: p.member_count,
  meetingsPerYear: p.meetings_per_year,
});

export function toOrganisationJson(
  o: OrganisationRow | OrganisationListRow,
  totals?: { seats: number; meetingHours: number },
): z.infer<typeof organisationOutput> {
  const listed = 'seats' in o ? { seats: o.seats, meetingHours: o.meeting_hours } : totals;
  return {
    id: o.id,
    name: o.name,
    sector: o.sector,
    orgType: o.org_type,
    identifier: o.identifier,
    website: o.website,
    status: o.status,
    closedOn: o.closed_on,
    closeReason: o.close_reason,
    version: o.version,
    ...(listed ? { seats: listed.seats, meetingHoursPerYear: Math.round(listed.meetingHours * 10) / 10 } : {}),
  };
}

export const toMembershipJson = (m: MembershipView, restricted: boolean): z.infer<typeof membershipOutput> => {
  const json: z.infer<typeof membershipOutput> = {
    id: m.id,
    partnershipId: m.partnership_id,
    partnershipName: m.partnership_name,
    organisationId: m.organisation_id,
    organisationName: m.organisation_name,
    sector: m.organisation_sector,
    role: m.role,
    representative: m.representative,
    startedOn: m.started_on,
    endedOn: m.ended_on,
    version: m.version,
  };
  if (!restricted) delete json.representative;
  return json;
};
