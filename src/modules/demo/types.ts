import type { LAYERS, ROLES, SECTORS, SIGNIFICANCE } from '../register/schema.js';

/**
 * The vocabulary of the demo tables. The codes are the reference codes the register ships
 * with (src/modules/reference/data.ts); the demo tests check that every one still exists.
 */
export type Theme =
  | 'community-safety'
  | 'health-wellbeing'
  | 'children-young-people'
  | 'older-people'
  | 'adult-social-care'
  | 'economy-regeneration'
  | 'employment-skills'
  | 'housing'
  | 'environment'
  | 'transport'
  | 'culture-leisure'
  | 'neighbourhood-renewal'
  | 'community-cohesion'
  | 'substance-misuse'
  | 'education'
  | 'resilience';

export type Basis = 'statutory' | 'funding' | 'plan' | 'voluntary';

export type LegalForm =
  | 'unincorporated'
  | 'joint-committee'
  | 'company-limited-by-guarantee'
  | 'charity'
  | 'charitable-company'
  | 'community-interest-company'
  | 'statutory-body';

export type StatutoryType =
  | 'community-safety-partnership'
  | 'youth-offending-board'
  | 'childrens-trust'
  | 'safeguarding-children'
  | 'safeguarding-adults'
  | 'health-wellbeing-board'
  | 'local-resilience-forum'
  | 'mappa';

export type OrganisationType =
  | 'county-council'
  | 'district-council'
  | 'parish-council'
  | 'nhs-trust'
  | 'nhs-commissioner'
  | 'police'
  | 'police-crime-commissioner'
  | 'fire-rescue'
  | 'probation'
  | 'government-agency'
  | 'school-college'
  | 'university'
  | 'housing-association'
  | 'business'
  | 'business-association'
  | 'charity'
  | 'community-group'
  | 'faith-group'
  | 'infrastructure-body';

export type Layer = (typeof LAYERS)[number];
export type Sector = (typeof SECTORS)[number];
export type Role = (typeof ROLES)[number];
export type Significance = (typeof SIGNIFICANCE)[number];

/** A ward of the demo district, 1–20: its GSS code is E05999001 + (ward − 1). */
export type Ward = number;
