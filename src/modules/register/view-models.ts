import { formatDateTime } from '../../core/dates.js';
import type { Locality } from '../../db/tables.js';
import { choices, labelled } from '../../web/forms.js';
import type { AuditPage } from '../audit/repository.js';
import type { ReferenceSnapshot } from '../reference/service.js';
import type { PartnershipRecord } from './repository.js';
import { LAYER_LABELS, ROLE_LABELS, SECTOR_LABELS, SIGNIFICANCE_LABELS, STATUS_LABELS } from './schema.js';
import { fieldLabel } from './service.js';

interface FormOptions {
  locality: Locality;
  organisations: Array<{ id: string; name: string; sector: string; status: string }>;
  partnerships: Array<{ id: string; name: string; status: string }>;
  reference: ReferenceSnapshot;
}

const refChoices = (reference: ReferenceSnapshot, list: Parameters<ReferenceSnapshot['items']>[0]) =>
  reference.items(list).map((i) => ({ value: i.code, text: i.label, hint: i.detail ? { text: i.detail } : undefined }));

export function partnershipFormContext(options: FormOptions, values: Record<string, unknown>, selfId?: string) {
  const { reference } = options;
  const openOrgs = options.organisations
    .filter((o) => o.status === 'active')
    .map((o) => ({ value: o.id, text: o.name }));
  const parents = options.partnerships
    .filter((p) => p.id !== selfId && (p.status === 'active' || p.status === 'proposed'))
    .map((p) => ({ value: p.id, text: p.name }));
  return {
    locality: options.locality,
    themeItems: choices(refChoices(reference, 'theme'), values.themes),
    basisItems: choices(refChoices(reference, 'basis'), values.basis),
    statutoryTypeItems: choices(
      reference.items('statutory-type').map((i) => ({ value: i.code, text: `${i.label} – ${i.detail ?? ''}` })),
      values.statutoryType,
      'Not statutory',
    ),
    legalFormItems: choices(refChoices(reference, 'legal-form'), values.legalForm, 'Choose a legal form'),
    layerItems: choices(labelled(LAYER_LABELS), values.layer),
    statusItems: choices(
      [
        { value: 'proposed', text: 'Proposed' },
        { value: 'active', text: 'Active' },
      ],
      values.status,
    ),
    significanceItems: choices(labelled(SIGNIFICANCE_LABELS), values.significance),
    parentItems: choices(parents, values.parentId, 'None (top level)'),
    leadItems: choices(openOrgs, values.leadOrganisationId, 'Not recorded'),
    accountableItems: choices(openOrgs, values.accountableBodyId, 'Not recorded'),
  };
}

export function partnershipToValues(p: PartnershipRecord): Record<string, unknown> {
  return {
    reference: p.reference,
    name: p.name,
    purpose: p.purpose,
    themes: p.themes,
    basis: p.basis,
    basisDetail: p.basis_detail ?? '',
    statutoryType: p.statutory_type ?? '',
    legalForm: p.legal_form,
    accountableBodyId: p.accountable_body_id ?? '',
    layer: p.layer,
    status: p.status,
    parentId: p.parent_id ?? '',
    leadOrganisationId: p.lead_organisation_id ?? '',
    chairName: p.chair_name ?? '',
    secretaryName: p.secretary_name ?? '',
    leadOfficer: p.lead_officer ?? '',
    serviceArea: p.service_area ?? '',
    areas: p.areas.join(', '),
    meetingsPerYear: p.meetings_per_year ?? '',
    meetingMinutes: p.meeting_minutes ?? '',
    typicalAttendance: p.typical_attendance ?? '',
    significance: p.significance ?? '',
    establishedOn: p.established_on,
    reviewDate: p.review_date,
    termsOfReferenceUrl: p.terms_of_reference_url ?? '',
    version: p.version,
  };
}

export function organisationFormContext(options: FormOptions, values: Record<string, unknown>) {
  return {
    locality: options.locality,
    sectorItems: choices(labelled(SECTOR_LABELS), values.sector),
    typeItems: choices(refChoices(options.reference, 'organisation-type'), values.orgType, 'Choose a type'),
  };
}

export function membershipFormContext(options: FormOptions, values: Record<string, unknown>) {
  const orgs = options.organisations
    .filter((o) => o.status === 'active' || o.id === values.organisationId)
    .map((o) => ({ value: o.id, text: `${o.name} (${o.sector})` }));
  return {
    locality: options.locality,
    organisationItems: choices(orgs, values.organisationId, 'Choose an organisation'),
    roleItems: choices(labelled(ROLE_LABELS), values.role),
  };
}

/** Labels the templates use to show codes as words. */
export const LABELS = {
  layer: LAYER_LABELS,
  status: STATUS_LABELS,
  sector: SECTOR_LABELS,
  role: ROLE_LABELS,
  significance: SIGNIFICANCE_LABELS,
};

export function historyView(result: AuditPage, page: number, pageSize = 50) {
  const pages = Math.max(1, Math.ceil(result.total / pageSize));
  return {
    total: result.total,
    page,
    pages,
    previous: page > 1 ? page - 1 : undefined,
    next: page < pages ? page + 1 : undefined,
    events: result.events.map((e) => {
      const before = (e.before ?? {}) as Record<string, unknown>;
      const after = (e.after ?? {}) as Record<string, unknown>;
      const changes =
        e.action === 'update' || e.action === 'close' || e.action === 'end'
          ? Object.keys(after).map((field) => ({
              field: fieldLabel(field),
              before: show(before[field]),
              after: show(after[field]),
            }))
          : [];
      return { when: formatDateTime(e.occurred_at), actor: e.actor, action: e.action, summary: e.summary, changes };
    }),
  };
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(blank)';
  if (Array.isArray(value)) return value.length ? value.join(', ') : '(none)';
  return String(value);
}

/** The register's filter drop-downs, with the current choice selected. */
export function registerFilters(
  options: Pick<FormOptions, 'organisations' | 'reference'>,
  query: { theme?: string; basis?: string; organisation?: string },
) {
  return {
    theme: choices(refChoices(options.reference, 'theme'), query.theme, 'All themes'),
    basis: choices(refChoices(options.reference, 'basis'), query.basis, 'Any basis'),
    organisation: choices(
      options.organisations.map((o) => ({ value: o.id, text: o.name })),
      query.organisation,
      'Any organisation',
    ),
  };
}
