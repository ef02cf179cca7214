/**
 * The reference lists a new installation starts with. Administrators may relabel, reorder,
 * add and retire entries; codes are stable identifiers used in imports and the API.
 */
import { FUNDS, LEGAL_BASES } from '../resources/reference.js';
export const REFERENCE_LISTS = {
  theme: 'Themes',
  basis: 'Partnership bases',
  'legal-form': 'Legal forms',
  'organisation-type': 'Organisation types',
  'statutory-type': 'Statutory partnership types',
  'plan-type': 'Plan types',
  fund: 'Funds (of funding streams; the detail is the funder)',
  'legal-basis': 'Legal bases of pooled budgets and joint arrangements',
} as const;

export type ReferenceList = keyof typeof REFERENCE_LISTS;
export const REFERENCE_LIST_NAMES = Object.keys(REFERENCE_LISTS) as ReferenceList[];

export interface SeedItem {
  code: string;
  label: string;
  detail?: string;
  attributes?: Record<string, unknown>;
}

export const SEED_REFERENCE: Record<ReferenceList, SeedItem[]> = {
  theme: [
    { code: 'community-safety', label: 'Community safety' },
    { code: 'health-wellbeing', label: 'Health and wellbeing' },
    { code: 'children-young-people', label: 'Children and young people' },
    { code: 'older-people', label: 'Older people' },
    { code: 'adult-social-care', label: 'Adult social care' },
    { code: 'economy-regeneration', label: 'Economy and regeneration' },
    { code: 'employment-skills', label: 'Employment and skills' },
    { code: 'housing', label: 'Housing' },
    { code: 'environment', label: 'Environment and climate' },
    { code: 'transport', label: 'Transport' },
    { code: 'culture-leisure', label: 'Culture, sport and leisure' },
    { code: 'neighbourhood-renewal', label: 'Neighbourhood renewal' },
    { code: 'community-cohesion', label: 'Stronger and cohesive communities' },
    { code: 'substance-misuse', label: 'Drugs and alcohol' },
    { code: 'education', label: 'Education and learning' },
    { code: 'resilience', label: 'Emergency planning and resilience' },
  ],
  basis: [
    { code: 'statutory', label: 'Statutory', detail: 'Required by an Act of Parliament' },
    { code: 'funding', label: 'Funding-driven', detail: 'Created because a funding stream required it' },
    { code: 'plan', label: 'Plan-driven', detail: 'Created to deliver a plan or strategy' },
    { code: 'voluntary', label: 'Voluntary', detail: 'Formed by partners by choice' },
  ],
  'legal-form': [
    { code: 'unincorporated', label: 'Unincorporated (terms of reference only)' },
    { code: 'joint-committee', label: 'Joint committee' },
    {
      code: 'company-limited-by-guarantee',
      label: 'Company limited by guarantee',
      attributes: { separateLegalStatus: true },
    },
    { code: 'charity', label: 'Charity (trust or association)', attributes: { separateLegalStatus: true } },
    { code: 'charitable-company', label: 'Charitable company', attributes: { separateLegalStatus: true } },
    {
      code: 'community-interest-company',
      label: 'Community interest company',
      attributes: { separateLegalStatus: true },
    },
    { code: 'statutory-body', label: 'Statutory body', attributes: { separateLegalStatus: true } },
  ],
  'organisation-type': [
    { code: 'county-council', label: 'County council' },
    { code: 'district-council', label: 'District council' },
    { code: 'unitary-council', label: 'Unitary or metropolitan council' },
    { code: 'parish-council', label: 'Town or parish council' },
    { code: 'nhs-trust', label: 'NHS trust or foundation trust' },
    { code: 'nhs-commissioner', label: 'NHS commissioner (ICB, formerly PCT or CCG)' },
    { code: 'police', label: 'Police force' },
    { code: 'police-crime-commissioner', label: 'Police and crime commissioner' },
    { code: 'fire-rescue', label: 'Fire and rescue service' },
    { code: 'probation', label: 'Probation service' },
    { code: 'government-agency', label: 'Government department or agency' },
    { code: 'school-college', label: 'School or college' },
    { code: 'university', label: 'University' },
    { code: 'housing-association', label: 'Housing association' },
    { code: 'business', label: 'Business' },
    { code: 'business-association', label: 'Chamber of commerce or business association' },
    { code: 'charity', label: 'Charity' },
    { code: 'community-group', label: 'Community or residents’ group' },
    { code: 'faith-group', label: 'Faith group' },
    { code: 'infrastructure-body', label: 'Voluntary sector infrastructure body (CVS)' },
  ],
  'statutory-type': [
    {
      code: 'community-safety-partnership',
      label: 'Community Safety Partnership (CDRP)',
      detail: 'Crime and Disorder Act 1998, s.5–6',
    },
    {
      code: 'youth-offending-board',
      label: 'Youth Offending Team management board',
      detail: 'Crime and Disorder Act 1998, s.39',
    },
    { code: 'childrens-trust', label: 'Children’s Trust board', detail: 'Children Act 2004, s.10' },
    {
      code: 'safeguarding-children',
      label: 'Safeguarding children partnership',
      detail: 'Children Act 2004, s.16E (as inserted by the Children and Social Work Act 2017)',
    },
    { code: 'safeguarding-adults', label: 'Safeguarding Adults Board', detail: 'Care Act 2014, s.43' },
    {
      code: 'health-wellbeing-board',
      label: 'Health and Wellbeing Board',
      detail: 'Health and Social Care Act 2012, s.194',
    },
    { code: 'local-resilience-forum', label: 'Local Resilience Forum', detail: 'Civil Contingencies Act 2004' },
    { code: 'mappa', label: 'Multi-Agency Public Protection Arrangements', detail: 'Criminal Justice Act 2003, s.325' },
    {
      code: 'other',
      label: 'Other statutory partnership (type not recorded)',
      detail: 'For registers brought in that say a partnership is statutory but not which Act requires it',
    },
  ],
  'plan-type': [
    {
      code: 'sustainable-community-strategy',
      label: 'Sustainable Community Strategy',
      detail: 'The LSP’s long-term plan for the area (earlier: the community plan or strategy)',
    },
    {
      code: 'local-area-agreement',
      label: 'Local Area Agreement',
      detail: 'Improvement targets agreed with government for three years',
    },
    {
      code: 'health-wellbeing-strategy',
      label: 'Health and wellbeing strategy',
      detail: 'Joint Health and Wellbeing Strategy (earlier: Health Improvement Programme, HImP)',
    },
    {
      code: 'community-safety-plan',
      label: 'Community safety plan',
      detail: 'The Community Safety Partnership’s partnership plan',
    },
    { code: 'children-young-peoples-plan', label: 'Children and young people’s plan' },
    { code: 'local-transport-plan', label: 'Local transport plan' },
    { code: 'housing-strategy', label: 'Housing strategy' },
    { code: 'economic-strategy', label: 'Economic strategy' },
    { code: 'climate-action-plan', label: 'Climate or environment action plan' },
    { code: 'other', label: 'Other plan or strategy' },
  ],
  fund: FUNDS.map((f) => ({
    code: f.code,
    label: f.label,
    ...(f.funder ? { detail: f.funder } : {}),
    attributes: { historic: f.historic, requiresPartnership: f.requiresPartnership },
  })),
  'legal-basis': LEGAL_BASES.map((b) => ({ code: b.code, label: b.label, attributes: { pooled: b.pooled } })),
};
