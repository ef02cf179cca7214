import { z } from 'zod';
import { gssCode, isoDate, optionalText, requiredText, recordVersion } from '../../core/validation.js';
import { LOCALITY_KINDS } from './kinds.js';

/** Fixed vocabularies: these drive rules in code, so they are not administrator-editable lists. */
export const LAYERS = ['strategic', 'executive', 'operational'] as const;
export const STATUSES = ['proposed', 'active', 'merged', 'nested', 'closed'] as const;
export const OPEN_STATUSES = ['proposed', 'active'] as const;
export const SECTORS = ['public', 'private', 'voluntary', 'community'] as const;
export const ROLES = ['chair', 'vice-chair', 'member', 'observer', 'accountable-body'] as const;
export const SIGNIFICANCE = ['high', 'medium', 'low'] as const;
export { LOCALITY_KINDS };

export const LAYER_LABELS: Record<(typeof LAYERS)[number], string> = {
  strategic: 'Strategic',
  executive: 'Executive',
  operational: 'Operational',
};
export const STATUS_LABELS: Record<(typeof STATUSES)[number], string> = {
  proposed: 'Proposed',
  active: 'Active',
  merged: 'Merged',
  nested: 'Nested',
  closed: 'Closed',
};
export const SECTOR_LABELS: Record<(typeof SECTORS)[number], string> = {
  public: 'Public',
  private: 'Private',
  voluntary: 'Voluntary',
  community: 'Community',
};
export const ROLE_LABELS: Record<(typeof ROLES)[number], string> = {
  chair: 'Chair',
  'vice-chair': 'Vice-chair',
  member: 'Member',
  observer: 'Observer',
  'accountable-body': 'Accountable body',
};
export const SIGNIFICANCE_LABELS: Record<(typeof SIGNIFICANCE)[number], string> = {
  high: 'High',
  medium: 'Medium',
  low: 'Low',
};

const code = (message: string) => z.string({ error: message }).trim().min(1, { message });
const optionalCode = z.string().trim().optional();
const optionalId = (message: string) => z.uuid({ message }).optional();
const count = (label: string, max: number) =>
  z
    .number({ error: `${label} must be a whole number` })
    .int({ message: `${label} must be a whole number` })
    .min(0, { message: `${label} must be 0 or more` })
    .max(max, { message: `${label} must be ${max} or fewer` })
    .optional();

/** What identifies an organisation across registers: org-id.guide style, e.g. GB-CHC-1234567. */
export const ORG_ID = /^[A-Z]{2}-[A-Z0-9]{2,10}-[A-Za-z0-9./-]+$/;

export const partnershipFields = {
  reference: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$/, {
      message: 'Reference must be up to 40 letters, digits, dots, slashes or hyphens',
    })
    .optional(),
  name: requiredText(200, 'Enter the partnership’s name', 'Name'),
  purpose: requiredText(4000, 'Enter the partnership’s purpose', 'Purpose'),
  themes: z.array(z.string().trim().min(1)).max(10, { message: 'Choose up to 10 themes' }).default([]),
  basis: code('Choose the basis of the partnership'),
  basisDetail: optionalText(300, 'Basis detail'),
  statutoryType: optionalCode,
  legalForm: code('Choose a legal form'),
  accountableBodyId: optionalId('Choose an accountable body from the list'),
  layer: z.enum(LAYERS, { error: 'Choose a layer: strategic, executive or operational' }),
  status: z.enum(STATUSES, { error: 'Choose a status' }).optional(),
  parentId: optionalId('Choose a parent partnership from the list'),
  leadOrganisationId: optionalId('Choose a lead organisation from the list'),
  chairName: optionalText(200, 'Chair'),
  secretaryName: optionalText(200, 'Secretary'),
  leadOfficer: optionalText(200, 'Lead officer'),
  serviceArea: optionalText(200, 'Service area'),
  areas: z.array(gssCode).max(200, { message: 'Enter up to 200 areas' }).default([]),
  meetingsPerYear: count('Meetings a year', 365),
  meetingMinutes: count('Typical meeting length', 1440),
  typicalAttendance: count('Typical attendance', 1000),
  annualBudgetPence: z
    .number({ error: 'Annual budget must be an amount in pounds, such as 12000 or 12000.50' })
    .int({ message: 'Annual budget must be an amount in pounds, to the penny' })
    .min(0, { message: 'Annual budget must be 0 or more' })
    .max(1e14, { message: 'Annual budget is too large' })
    .optional(),
  significance: z.enum(SIGNIFICANCE, { error: 'Choose high, medium or low significance' }).optional(),
  establishedOn: isoDate('Date established must be a real date').optional(),
  reviewDate: isoDate('Review date must be a real date').optional(),
  termsOfReferenceUrl: z
    .url({ message: 'Enter a full web address, starting https://', protocol: /^https?$/ })
    .max(500)
    .optional(),
};

export const partnershipInput = z.object(partnershipFields);
export type PartnershipInput = z.infer<typeof partnershipInput>;

/** An edit sends the whole record (as the form does) and the version it was based on. */
export const partnershipUpdate = partnershipInput.extend({
  version: recordVersion('Version is missing: reload the page and try again').optional(),
});
export type PartnershipUpdateInput = z.infer<typeof partnershipUpdate>;

export const closeInput = z.object({
  closedOn: isoDate('Enter the date it closed, for example 31 3 2025'),
  reason: requiredText(2000, 'Enter why it is closing', 'Reason'),
  version: recordVersion().optional(),
});
export type CloseInput = z.infer<typeof closeInput>;

export const organisationInput = z.object({
  name: requiredText(200, 'Enter the organisation’s name', 'Name'),
  sector: z.enum(SECTORS, { error: 'Choose a sector: public, private, voluntary or community' }),
  orgType: code('Choose the type of organisation'),
  identifier: z
    .string()
    .trim()
    .toUpperCase()
    .regex(ORG_ID, { message: 'Enter an identifier like GB-LAE-BRK, GB-COH-01234567 or GB-CHC-1234567' })
    .optional(),
  website: z
    .url({ message: 'Enter a full web address, starting https://', protocol: /^https?$/ })
    .max(500)
    .optional(),
  localReference: z
    .string()
    .trim()
    .max(40, { message: 'Local reference must be 40 characters or fewer' })
    .regex(/^[^\s].*$/, { message: 'Local reference must not start with a space' })
    .optional(),
});
export type OrganisationInput = z.infer<typeof organisationInput>;
export const organisationUpdate = organisationInput.extend({ version: recordVersion().optional() });

export const membershipInput = z.object({
  organisationId: z.uuid({ message: 'Choose an organisation from the list' }),
  role: z.enum(ROLES, { error: 'Choose a role' }),
  representative: optionalText(200, 'Representative'),
  startedOn: isoDate('Start date must be a real date').optional(),
  endedOn: isoDate('End date must be a real date').optional(),
});
export type MembershipInput = z.infer<typeof membershipInput>;
export const membershipUpdate = membershipInput.extend({ version: recordVersion().optional() });

export const endMembershipInput = z.object({
  endedOn: isoDate('Enter the date the membership ended'),
  version: recordVersion().optional(),
});

export const localityInput = z.object({
  gssCode: z
    .string({ error: 'Enter the ONS GSS code' })
    .trim()
    .toUpperCase()
    .regex(/^(E06|E07|E08|E09|E10|W06|S12|N09)\d{6}$/, {
      message: 'Enter a local authority GSS code like E07000123 (E06, E07, E08, E09, E10, W06, S12 or N09)',
    }),
  name: requiredText(200, 'Enter the locality’s name', 'Name'),
  kind: z.enum(LOCALITY_KINDS, { error: 'Choose the kind of authority' }),
  region: requiredText(100, 'Enter the region', 'Region'),
});
export type LocalityInput = z.infer<typeof localityInput>;

export const SORTS = ['name', 'reference', 'layer', 'status', 'members', 'meetings', 'updated'] as const;
const optionalQueryText = z
  .string()
  .trim()
  .max(200)
  .optional()
  .transform((v) => (v ? v : undefined));

export const partnershipListQuery = z.object({
  q: optionalQueryText,
  theme: optionalQueryText,
  layer: z.enum(LAYERS).optional().catch(undefined),
  status: z.enum(STATUSES).optional().catch(undefined),
  basis: optionalQueryText,
  organisation: z.uuid().optional().catch(undefined),
  area: optionalQueryText,
  sort: z.enum(SORTS).default('name').catch('name'),
  order: z.enum(['asc', 'desc']).default('asc').catch('asc'),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1).catch(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(25).catch(25),
  after: z.string().max(1000).optional().meta({
    description:
      'Where to carry on: the `next` of the page before. Pages through the whole list, each row exactly once, however deep; `page` is then ignored.',
  }),
});
export type PartnershipListQuery = z.infer<typeof partnershipListQuery>;

export const organisationListQuery = z.object({
  q: optionalQueryText,
  sector: z.enum(SECTORS).optional().catch(undefined),
  type: optionalQueryText,
  status: z.enum(['active', 'closed']).optional().catch(undefined),
  sort: z.enum(['name', 'sector', 'seats', 'hours']).default('name').catch('name'),
  order: z.enum(['asc', 'desc']).default('asc').catch('asc'),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1).catch(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(25).catch(25),
});
export type OrganisationListQuery = z.infer<typeof organisationListQuery>;

/** The country's bodies: by default every body with an identifier, heaviest burden first. */
export const nationalBodyListQuery = z.object({
  q: optionalQueryText,
  sector: z.enum(SECTORS).optional().catch(undefined),
  /** Only bodies with records in at least this many localities (2: those shared between localities). */
  minLocalities: z.coerce.number().int().min(1).max(1000).default(1).catch(1),
  sort: z.enum(['name', 'localities', 'seats', 'hours']).default('name').catch('name'),
  order: z.enum(['asc', 'desc']).default('asc').catch('asc'),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1).catch(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(25).catch(25),
});
export type NationalBodyListQuery = z.infer<typeof nationalBodyListQuery>;
