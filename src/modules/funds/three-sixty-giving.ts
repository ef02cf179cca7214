/**
 * Grants in the 360Giving Data Standard: the flat CSV with the standard's column titles, and the
 * JSON package (`{"grants": [...]}`) with its field names, for any grants (this module's awards,
 * and the funding flows resources records). Money goes out in pounds to the penny from the pence,
 * through the resources export's writer, which escapes cells that could run as spreadsheet
 * formulas.
 */
import { csv, poundsText } from '../resources/export.js';
import type { AwardRow } from './repository.js';
import { recipientIdentifier } from './rules.js';
import { FUND_KINDS, type FundKind } from './schema.js';

export const THREE_SIXTY_COLUMNS = [
  'Identifier',
  'Title',
  'Description',
  'Currency',
  'Amount Awarded',
  'Award Date',
  'Planned Dates:Start Date',
  'Planned Dates:End Date',
  'Planned Dates:Duration (months)',
  'Recipient Org:Identifier',
  'Recipient Org:Name',
  'Recipient Org:Charity Number',
  'Recipient Org:Company Number',
  'Recipient Org:Postal Code',
  'Funding Org:Identifier',
  'Funding Org:Name',
  'Grant Programme:Title',
  'Last Modified',
] as const;

export interface ThreeSixtyGrant {
  id: string;
  title: string;
  description: string;
  currency: 'GBP';
  amountAwarded: number;
  awardDate: string;
  recipientOrganization: Array<{
    id: string;
    name: string;
    charityNumber?: string;
    companyNumber?: string;
    postalCode?: string;
  }>;
  fundingOrganization: Array<{ id: string; name: string }>;
  grantProgramme: Array<{ title: string }>;
  plannedDates?: Array<{ startDate: string; endDate: string; duration?: number }>;
  lastModified: string;
}

/** The fields the standard requires of every grant, as the schema names them. */
const REQUIRED: Array<[string, (g: ThreeSixtyGrant) => unknown]> = [
  ['id', (g) => g.id],
  ['title', (g) => g.title],
  ['description', (g) => g.description],
  ['currency', (g) => g.currency],
  ['amountAwarded', (g) => Number.isFinite(g.amountAwarded)],
  ['awardDate', (g) => /^\d{4}-\d{2}-\d{2}/.test(g.awardDate)],
  ['recipientOrganization/0/id', (g) => g.recipientOrganization[0]?.id],
  ['recipientOrganization/0/name', (g) => g.recipientOrganization[0]?.name],
  ['fundingOrganization/0/id', (g) => g.fundingOrganization[0]?.id],
  ['fundingOrganization/0/name', (g) => g.fundingOrganization[0]?.name],
];

/** The required fields a grant lacks (empty when it may be published). */
export function missingFields(grant: ThreeSixtyGrant): string[] {
  return REQUIRED.filter(([, value]) => !value(grant)).map(([field]) => field);
}

/** An identifier minted in the publisher's own 360G- space for a body with no org-id (a funder, a group). */
export function mintedIdentifier(prefix: string, kind: 'org' | 'funder', key: string): string {
  const slug = key
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${prefix}-${kind}-${slug}`;
}

/**
 * The identifier prefix a publisher registers with 360Giving (360G-…). Until a locality
 * registers its own, its awards go out under one made from its GSS code, so identifiers stay
 * stable and unique.
 */
export function publisherPrefix(gssCode: string): string {
  return `360G-joinedup-${gssCode}`;
}

function iso(value: Date | string | null): string {
  if (!value) return '';
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

/** The grants under the locality's identifier prefix (its own, or `publisherPrefix` of its GSS code). */
export function threeSixtyGrants(prefix: string, awards: AwardRow[]): ThreeSixtyGrant[] {
  return awards.map((a) => {
    const recipient: ThreeSixtyGrant['recipientOrganization'][number] = {
      id: recipientIdentifier({ charity_number: a.charity_number, company_number: a.company_number, id: a.id }, prefix),
      name: a.group_name ?? '',
    };
    if (a.charity_number) recipient.charityNumber = a.charity_number;
    if (a.company_number) recipient.companyNumber = a.company_number;
    if (a.postcode) recipient.postalCode = a.postcode;
    return {
      id: `${prefix}-${a.reference}`,
      title: a.title ?? '',
      description: a.description ?? '',
      currency: 'GBP',
      // The standard's amounts are numbers; pence are exact in a double up to 2^53.
      amountAwarded: Number(poundsText(a.awarded_pence ?? 0)),
      awardDate: iso(a.decided_at).slice(0, 10),
      recipientOrganization: [recipient],
      fundingOrganization: [{ id: a.funder_identifier, name: a.funder_name }],
      grantProgramme: [{ title: `${a.fund_name}: ${a.round_title}` }],
      lastModified: iso(a.updated_at),
    };
  });
}

export function threeSixtyJson(prefix: string, awards: AwardRow[]): string {
  return grantsJson(threeSixtyGrants(prefix, awards));
}

export function threeSixtyCsv(prefix: string, awards: AwardRow[]): string {
  return grantsCsv(threeSixtyGrants(prefix, awards));
}

/** The standard's JSON package of grants. */
export function grantsJson(grants: ThreeSixtyGrant[]): string {
  return JSON.stringify({ grants }, null, 2);
}

/** The standard's flat layout of grants, one row a grant. */
export function grantsCsv(grants: ThreeSixtyGrant[]): string {
  return csv(
    [...THREE_SIXTY_COLUMNS],
    grants.map((g) => {
      const r = g.recipientOrganization[0];
      const planned = g.plannedDates?.[0];
      return [
        g.id,
        g.title,
        g.description,
        g.currency,
        // Back to the exact pence the amount was made from, then written as pounds to the penny.
        poundsText(Math.round(g.amountAwarded * 100)),
        g.awardDate,
        planned?.startDate,
        planned?.endDate,
        planned?.duration,
        r?.id,
        r?.name,
        r?.charityNumber,
        r?.companyNumber,
        r?.postalCode,
        g.fundingOrganization[0]?.id,
        g.fundingOrganization[0]?.name,
        g.grantProgramme[0]?.title,
        g.lastModified,
      ];
    }),
  );
}

export function fundKindLabel(kind: string): string {
  return FUND_KINDS[kind as FundKind] ?? kind;
}
