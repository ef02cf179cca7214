/**
 * The one column layout for exchanging a register: the same columns in CSV files, XLSX
 * sheets, the templates, the export and the layout page. Each column says which service
 * field it feeds, so that an error the register service reports on a field is shown
 * against the column the spreadsheet user typed it in.
 */
export const KINDS = ['organisations', 'partnerships', 'memberships'] as const;
export type Kind = (typeof KINDS)[number];

export const KIND_LABELS: Record<Kind, string> = {
  organisations: 'Organisations',
  partnerships: 'Partnerships',
  memberships: 'Memberships',
};

/** Several values in one cell (themes, areas) are separated by this character. */
export const LIST_SEPARATOR = ';';

export interface ColumnSpec {
  /** The heading in the file: readable snake_case. */
  name: string;
  /** The register service's input field this column feeds, if any. */
  field?: string;
  required: boolean;
  /** Holds several values separated by LIST_SEPARATOR. */
  list?: boolean;
  /** Written as a number in XLSX exports. */
  numeric?: boolean;
  description: string;
  example: string;
}

const column = (name: string, spec: Omit<ColumnSpec, 'name' | 'required'> & { required?: boolean }): ColumnSpec => ({
  name,
  required: false,
  ...spec,
});

const DATE = 'A date as YYYY-MM-DD.';
const ORGANISATION_KEY =
  'The organisation’s identifier, its local reference, or its exact name. It may be in the organisations sheet of the same import or already in the register.';

export const COLUMNS: Record<Kind, ColumnSpec[]> = {
  organisations: [
    column('identifier', {
      field: 'identifier',
      description:
        'An org-id.guide identifier: GB-LAE-… local authorities, GB-COH-… companies, GB-CHC-… charities, GB-NHS-… NHS bodies. Other sheets refer to the organisation by it.',
      example: 'GB-LAE-BRK',
    }),
    column('local_reference', {
      field: 'localReference',
      description:
        'Your own code for the organisation, such as EBC or PCT-01 (up to 40 characters), kept beside its identifier. Other sheets may refer to the organisation by it.',
      example: 'BDC',
    }),
    column('name', {
      field: 'name',
      required: true,
      description:
        'The organisation’s name, unique in the register. Other sheets refer to it by name when it has no identifier.',
      example: 'Brackenfield District Council',
    }),
    column('sector', {
      field: 'sector',
      required: true,
      description: 'public, private, voluntary or community.',
      example: 'public',
    }),
    column('org_type', {
      field: 'orgType',
      required: true,
      description: 'A code from the organisation types list.',
      example: 'district-council',
    }),
    column('website', {
      field: 'website',
      description: 'A full web address starting https://.',
      example: 'https://www.brackenfield.example.gov.uk',
    }),
    column('status', { description: 'active (the default when empty) or closed.', example: 'active' }),
    column('closed_on', {
      field: 'closedOn',
      description: `When the organisation closed, if its status is closed. ${DATE} Its memberships still open are ended on this date.`,
      example: '',
    }),
    column('close_reason', { field: 'reason', description: 'Why it closed, if its status is closed.', example: '' }),
  ],
  partnerships: [
    column('reference', {
      field: 'reference',
      description:
        'The partnership’s reference in this register, such as P-0001: up to 40 letters, digits, dots, slashes or hyphens. Leave it empty to have the next free P-number given; memberships and sub-partnerships refer to a partnership by its reference.',
      example: 'P-0001',
    }),
    column('name', {
      field: 'name',
      required: true,
      description: 'The partnership’s name.',
      example: 'Brackenfield Community Safety Partnership',
    }),
    column('purpose', {
      field: 'purpose',
      required: true,
      description: 'What it is for.',
      example: 'Reduce crime, disorder and reoffending in Brackenfield',
    }),
    column('themes', {
      field: 'themes',
      list: true,
      description: 'Up to 10 codes from the themes list, separated by semicolons.',
      example: 'community-safety;substance-misuse',
    }),
    column('basis', {
      field: 'basis',
      required: true,
      description: 'A code from the partnership bases list: why it exists.',
      example: 'statutory',
    }),
    column('basis_detail', {
      field: 'basisDetail',
      description: 'The fund (basis funding) or plan (basis plan) behind it; required for those bases.',
      example: '',
    }),
    column('statutory_type', {
      field: 'statutoryType',
      description: 'For basis statutory only: a code from the statutory partnership types list.',
      example: 'community-safety-partnership',
    }),
    column('legal_form', {
      field: 'legalForm',
      required: true,
      description: 'A code from the legal forms list.',
      example: 'unincorporated',
    }),
    column('accountable_body', {
      field: 'accountableBodyId',
      description: `The organisation that holds its money and legal liability. ${ORGANISATION_KEY}`,
      example: 'GB-LAE-BRK',
    }),
    column('layer', {
      field: 'layer',
      required: true,
      description: 'strategic, executive or operational.',
      example: 'executive',
    }),
    column('status', {
      field: 'status',
      description:
        'proposed, active (the default when empty), merged, nested or closed. A closed partnership is imported as closed, with closed_on and close_reason.',
      example: 'active',
    }),
    column('parent_reference', {
      field: 'parentId',
      description:
        'The reference of the partnership it sits beneath, in this import (anywhere in the file) or already in the register. The parent must be proposed or active.',
      example: '',
    }),
    column('lead_organisation', {
      field: 'leadOrganisationId',
      description: `The lead organisation. ${ORGANISATION_KEY}`,
      example: 'GB-LAE-BRK',
    }),
    column('chair', { field: 'chairName', description: 'The chair’s name or post.', example: 'Cllr A. Example' }),
    column('secretary', { field: 'secretaryName', description: 'The secretary’s name or post.', example: '' }),
    column('lead_officer', {
      field: 'leadOfficer',
      description: 'The council officer responsible.',
      example: 'Community Safety Manager',
    }),
    column('service_area', {
      field: 'serviceArea',
      description: 'The council service area it belongs to.',
      example: 'Communities',
    }),
    column('areas', {
      field: 'areas',
      list: true,
      description: 'ONS GSS codes of the areas it covers (up to 200), separated by semicolons.',
      example: 'E07999001',
    }),
    column('meetings_per_year', {
      field: 'meetingsPerYear',
      numeric: true,
      description: 'How many times a year it meets: a whole number from 0 to 365.',
      example: '6',
    }),
    column('meeting_minutes', {
      field: 'meetingMinutes',
      numeric: true,
      description: 'How long a meeting usually lasts, in minutes: 0 to 1440.',
      example: '120',
    }),
    column('annual_budget', {
      field: 'annualBudgetPence',
      numeric: true,
      description: 'Its total yearly budget in pounds, such as 12000 or 12000.50 (no £ sign or commas needed).',
      example: '',
    }),
    column('typical_attendance', {
      field: 'typicalAttendance',
      numeric: true,
      description: 'How many people usually attend: 0 to 1000.',
      example: '14',
    }),
    column('significance', { field: 'significance', description: 'high, medium or low.', example: 'high' }),
    column('established_on', {
      field: 'establishedOn',
      description: `When it was set up. ${DATE}`,
      example: '2003-04-01',
    }),
    column('review_date', {
      field: 'reviewDate',
      description: `When it is next reviewed: on or after established_on. ${DATE}`,
      example: '2026-03-31',
    }),
    column('terms_of_reference_url', {
      field: 'termsOfReferenceUrl',
      description: 'A full web address of its terms of reference, starting https://.',
      example: '',
    }),
    column('closed_on', {
      field: 'closedOn',
      description: `When it closed, if its status is closed. ${DATE} Its memberships still open are ended on this date.`,
      example: '',
    }),
    column('close_reason', { field: 'reason', description: 'Why it closed, if its status is closed.', example: '' }),
  ],
  memberships: [
    column('partnership_reference', {
      required: true,
      description: 'The reference of the partnership, in this import or already in the register.',
      example: 'P-0001',
    }),
    column('organisation', {
      field: 'organisationId',
      required: true,
      description: ORGANISATION_KEY,
      example: 'GB-LAE-BRK',
    }),
    column('role', {
      field: 'role',
      required: true,
      description: 'chair, vice-chair, member, observer or accountable-body.',
      example: 'chair',
    }),
    column('representative', {
      field: 'representative',
      description:
        'Who represents the organisation: a name or post. One organisation may hold several seats with different representatives.',
      example: 'Leader of the Council',
    }),
    column('started_on', {
      field: 'startedOn',
      description: `When the membership started. ${DATE}`,
      example: '2003-04-01',
    }),
    column('ended_on', {
      field: 'endedOn',
      description: `When it ended, for a past membership: on or after started_on. ${DATE}`,
      example: '',
    }),
  ],
};

/** Columns holding codes from a fixed or reference list: "Public" is read as "public". */
export const CODE_COLUMNS = new Set([
  'sector',
  'org_type',
  'status',
  'themes',
  'basis',
  'statutory_type',
  'legal_form',
  'layer',
  'significance',
  'role',
]);

export function columnNames(kind: Kind): string[] {
  return COLUMNS[kind].map((c) => c.name);
}

/** The column a service field is read from, so its errors point at the right cell. */
export function columnForField(kind: Kind, field: string): string {
  const top = field.split('.')[0] ?? field;
  return COLUMNS[kind].find((c) => c.field === top)?.name ?? '';
}

/** The kind a file or sheet holds, from its name: "partnerships", "E07999001-partnerships.csv". */
export function kindFromName(name: string): Kind | undefined {
  const lower = name.toLowerCase();
  const found = KINDS.filter((kind) => lower.includes(kind));
  return found.length === 1 ? found[0] : undefined;
}

/** Headings are matched leniently: "Org type", "org-type" and "org_type" are the same column. */
export function normaliseHeading(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}
