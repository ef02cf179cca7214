/**
 * Reference data of resources: the funds that have created local partnerships, historic and
 * current, with their funder; and the legal bases on which partners pool or align budgets.
 * These are the seed of the administrator-edited reference lists `fund` (the funder is the
 * entry's detail) and `legal-basis` (see reference/data.ts): a new installation starts with them,
 * and a system administrator relabels, adds and retires entries on the reference pages. A
 * funding stream names its fund by code, or "other" with a name.
 */
export interface FundReference {
  code: string;
  label: string;
  funder: string;
  /** Historic funds have closed nationally; they stay listed for the partnerships they created. */
  historic: boolean;
  /** Whether the fund, as designed, required a partnership to receive it. */
  requiresPartnership: boolean;
}

export const FUNDS: readonly FundReference[] = [
  {
    code: 'esf',
    label: 'European Social Fund',
    funder: 'European Commission (through DWP)',
    historic: true,
    requiresPartnership: true,
  },
  {
    code: 'erdf',
    label: 'European Regional Development Fund',
    funder: 'European Commission (through DLUHC)',
    historic: true,
    requiresPartnership: true,
  },
  {
    code: 'srb',
    label: 'Single Regeneration Budget',
    funder: 'Regional Development Agencies',
    historic: true,
    requiresPartnership: true,
  },
  {
    code: 'haz',
    label: 'Health Action Zone',
    funder: 'Department of Health',
    historic: true,
    requiresPartnership: true,
  },
  {
    code: 'eaz',
    label: 'Education Action Zone',
    funder: 'Department for Education and Skills',
    historic: true,
    requiresPartnership: true,
  },
  {
    code: 'ez',
    label: 'Employment Zone',
    funder: 'Department for Work and Pensions',
    historic: true,
    requiresPartnership: true,
  },
  { code: 'its', label: 'Invest to Save Budget', funder: 'HM Treasury', historic: true, requiresPartnership: true },
  {
    code: 'nrf',
    label: 'Neighbourhood Renewal Fund',
    funder: 'Neighbourhood Renewal Unit (ODPM)',
    historic: true,
    requiresPartnership: true,
  },
  {
    code: 'ndc',
    label: 'New Deal for Communities',
    funder: 'Neighbourhood Renewal Unit (ODPM)',
    historic: true,
    requiresPartnership: true,
  },
  {
    code: 'sure-start',
    label: 'Sure Start Local Programme',
    funder: 'Department for Education and Skills',
    historic: true,
    requiresPartnership: true,
  },
  {
    code: 'childrens-fund',
    label: 'Children’s Fund',
    funder: 'Department for Education and Skills',
    historic: true,
    requiresPartnership: true,
  },
  {
    code: 'cef',
    label: 'Community Empowerment Fund',
    funder: 'Neighbourhood Renewal Unit (ODPM)',
    historic: true,
    requiresPartnership: true,
  },
  {
    code: 'wnf',
    label: 'Working Neighbourhoods Fund',
    funder: 'Communities and Local Government',
    historic: true,
    requiresPartnership: false,
  },
  {
    code: 'abg',
    label: 'Area Based Grant',
    funder: 'Communities and Local Government',
    historic: true,
    requiresPartnership: false,
  },
  {
    code: 'lpsa-reward',
    label: 'Local Public Service Agreement reward grant',
    funder: 'Communities and Local Government',
    historic: true,
    requiresPartnership: true,
  },
  {
    code: 'bcf',
    label: 'Better Care Fund',
    funder: 'NHS England and DHSC',
    historic: false,
    requiresPartnership: true,
  },
  {
    code: 'ukspf',
    label: 'UK Shared Prosperity Fund',
    funder: 'Ministry of Housing, Communities and Local Government',
    historic: false,
    requiresPartnership: true,
  },
  {
    code: 'towns-fund',
    label: 'Towns Fund',
    funder: 'Ministry of Housing, Communities and Local Government',
    historic: false,
    requiresPartnership: true,
  },
  {
    code: 'supporting-families',
    label: 'Supporting Families',
    funder: 'Ministry of Housing, Communities and Local Government',
    historic: false,
    requiresPartnership: true,
  },
  {
    code: 'safer-streets',
    label: 'Safer Streets Fund',
    funder: 'Home Office',
    historic: false,
    requiresPartnership: false,
  },
  {
    code: 'public-health-grant',
    label: 'Public Health Grant',
    funder: 'Department of Health and Social Care',
    historic: false,
    requiresPartnership: false,
  },
  {
    code: 'lottery',
    label: 'National Lottery Community Fund',
    funder: 'The National Lottery Community Fund',
    historic: false,
    requiresPartnership: false,
  },
  { code: 'other', label: 'Another fund', funder: '', historic: false, requiresPartnership: false },
];

export interface LegalBasisReference {
  code: string;
  label: string;
  /** Aligned budgets stay with each partner: nothing is pooled. */
  pooled: boolean;
}

export const LEGAL_BASES: readonly LegalBasisReference[] = [
  { code: 's75-nhs-act-2006', label: 'Section 75, NHS Act 2006 (pooled fund)', pooled: true },
  { code: 's31-health-act-1999', label: 'Section 31, Health Act 1999 (pooled fund; before 2006)', pooled: true },
  { code: 'better-care-fund', label: 'Better Care Fund (a section 75 pooled fund)', pooled: true },
  { code: 'aligned', label: 'Aligned budgets (not pooled)', pooled: false },
  { code: 'lead-commissioning', label: 'Lead commissioning', pooled: false },
  { code: 'joint-committee', label: 'Joint committee (s.101–102 Local Government Act 1972)', pooled: true },
  {
    code: 's2-lga-2000',
    label: 'Well-being power (s.2 Local Government Act 2000) / general power of competence',
    pooled: true,
  },
];
