/**
 * The vocabulary of the knowledge base: kinds of item and the tags every item carries besides
 * the register's themes (partnership issue, partnership type, nation). Codes are stable: they
 * appear in addresses (`?issue=finance`) and in the starter library.
 */
export const KINDS = ['case-study', 'guidance', 'how-to', 'template', 'link'] as const;
export type Kind = (typeof KINDS)[number];

export const KIND_LABELS: Record<Kind, string> = {
  'case-study': 'Case study',
  guidance: 'Guidance',
  'how-to': 'How-to guide',
  template: 'Template',
  link: 'External link',
};

export const ISSUES = [
  'governance',
  'finance',
  'rationalisation',
  'performance',
  'engagement',
  'legal-form',
  'funding',
  'scrutiny',
] as const;
export type Issue = (typeof ISSUES)[number];

export const ISSUE_LABELS: Record<Issue, string> = {
  governance: 'Governance',
  finance: 'Finance and pooled budgets',
  rationalisation: 'Rationalisation',
  performance: 'Performance',
  engagement: 'Community engagement',
  'legal-form': 'Legal form',
  funding: 'Funding',
  scrutiny: 'Scrutiny and accountability',
};

export const NATIONS = ['england', 'wales', 'scotland', 'northern-ireland'] as const;
export type Nation = (typeof NATIONS)[number];

export const NATION_LABELS: Record<Nation, string> = {
  england: 'England',
  wales: 'Wales',
  scotland: 'Scotland',
  'northern-ireland': 'Northern Ireland',
};

/**
 * Kinds of partnership an item speaks to. The statutory ones are the register's
 * `statutory-type` codes and the rest its bases, so a partnership's own record says which
 * items are about its kind (see `partnershipTypesOf`).
 */
export const PARTNERSHIP_TYPE_LABELS: Record<string, string> = {
  'local-strategic-partnership': 'Local Strategic Partnership',
  'community-safety-partnership': 'Community Safety Partnership',
  'youth-offending-board': 'Youth Offending Team board',
  'childrens-trust': 'Children’s Trust',
  'safeguarding-children': 'Safeguarding children partnership',
  'safeguarding-adults': 'Safeguarding Adults Board',
  'health-wellbeing-board': 'Health and Wellbeing Board',
  'local-resilience-forum': 'Local Resilience Forum',
  'business-improvement-district': 'Business Improvement District',
  funding: 'Funding-driven partnership',
  plan: 'Plan-driven partnership',
  voluntary: 'Voluntary partnership',
};
export const PARTNERSHIP_TYPES = Object.keys(PARTNERSHIP_TYPE_LABELS);

/** The types a register partnership counts as: its statutory type, its basis, and the LSP. */
export function partnershipTypesOf(partnership: {
  basis: string;
  statutory_type: string | null;
  name: string;
  layer: string;
}): string[] {
  const types = [partnership.basis];
  if (partnership.statutory_type) types.push(partnership.statutory_type);
  // The register has no "LSP" flag: the board at the strategic layer is the umbrella partnership.
  if (partnership.layer === 'strategic') types.push('local-strategic-partnership');
  if (/business improvement district|\bBID\b/.test(partnership.name)) types.push('business-improvement-district');
  return types.filter((t) => PARTNERSHIP_TYPES.includes(t));
}

export const GUIDANCE_STATUSES = ['current', 'superseded'] as const;
export type GuidanceStatus = (typeof GUIDANCE_STATUSES)[number];

/** How long a published item stays "reviewed" before its editor is asked to look again. */
export const REVIEW_MONTHS = 12;
