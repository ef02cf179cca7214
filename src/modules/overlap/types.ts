/**
 * Shapes the overlap engine reads and writes. The engine is pure and database-free: an adapter
 * reads partnerships, their themes, areas and memberships from the register and hands them over
 * as `PartnershipFeatures`; pages and persistence store and show what comes back.
 */

export type Sector = 'public' | 'private' | 'voluntary' | 'community';

/** One partnership, as the engine sees it. Everything the score, the costs and the rules need. */
export interface PartnershipFeatures {
  id: string;
  localityId: string;
  name: string;
  purpose: string;
  /** Theme codes from the reference list, e.g. `community-safety`. */
  themes: string[];
  /**
   * GSS codes of the areas served. Codes are compared as sets, so list a coverage at the levels
   * you want compared: a ward-level group lists its wards and the authority that contains them
   * (`['E07000123', 'E05000001', 'E05000002']`), a district-wide one lists the district.
   */
  areas: string[];
  /** Organisations with a current seat (any role). Duplicates are ignored. */
  memberOrganisationIds: string[];
  meetingsPerYear: number | null;
  meetingMinutes: number | null;
  /** People at a typical meeting; when unknown, one per member organisation. */
  typicalAttendance: number | null;
  /** Reference code of the basis: statutory, funding, plan, voluntary. */
  basis: string;
  /** Required by law (a CSP, a Health and Wellbeing Board…): may not be closed or merged away. */
  statutory: boolean;
  /** A company, charity or statutory body: keeps its identity, so it may be nested, not merged away. */
  separateLegalStatus: boolean;
  parentId: string | null;
  status: string;
  layer: string;
  /** The locality's Local Strategic Partnership: the apex under which others may be nested. */
  isLsp?: boolean;
}

export interface OrganisationRecord {
  id: string;
  name: string;
  sector: Sector;
  /** Home locality; null for bodies that serve a county, a region or the nation. */
  localityId: string | null;
}

/** The four things two partnerships can have in common. */
export type ComponentName = 'members' | 'text' | 'themes' | 'areas';
export const COMPONENTS: readonly ComponentName[] = ['members', 'text', 'themes', 'areas'];

export type ScoreWeights = Record<ComponentName, number>;

/**
 * One component of a pair's score. `similarity` is in [0, 1]; `weight` is the share of the
 * score this component carries for this pair (weights of components with no data on either
 * side are spread over the rest); `contribution` = weight × similarity, and the contributions
 * add up to the score.
 */
export interface ComponentScore {
  similarity: number;
  weight: number;
  contribution: number;
  /** False when one side has nothing recorded (no members, no themes…): left out, not counted as a difference. */
  compared: boolean;
}

/**
 * A pair at or above the threshold, as found by a whole-scope pass (light: `explainPair` gives
 * the full explanation). The four similarities are 0 for a component that could not be compared.
 */
export interface SimilarPair {
  aId: string;
  bId: string;
  score: number;
  members: number;
  text: number;
  themes: number;
  areas: number;
}

export interface SharedTerm {
  /** As written in the first partnership's name or purpose, e.g. `domestic abuse`. */
  term: string;
  kind: 'word' | 'phrase';
  /** Inverse document frequency over the scope: higher means rarer, more telling. */
  weight: number;
}

/** Why two partnerships look alike: exactly what they share and what each part contributed. */
export interface MatchExplanation {
  aId: string;
  bId: string;
  score: number;
  components: Record<ComponentName, ComponentScore>;
  sharedMemberIds: string[];
  /** Every shared word and phrase, most distinctive (highest IDF) first. */
  sharedTerms: SharedTerm[];
  sharedThemes: string[];
  sharedAreas: string[];
}

export interface Cluster {
  /** `cluster-` + the smallest partnership id in it: stable while the cluster keeps that member. */
  id: string;
  partnershipIds: string[];
  /** The partnership the others would fold into (see candidates.ts). */
  keeperId: string;
  /** Mean score over every pair in the cluster (pairs below the threshold included). */
  cohesion: number;
  /** Sum of the recommended candidates' yearly savings, in pence: what ranks clusters. */
  likelySavingPence: number;
}

export type RationalisationAction = 'merge' | 'nest' | 'close';

export type FlagCode = 'separate-legal-status' | 'statutory' | 'already-nested';

export interface CandidateFlag {
  code: FlagCode;
  partnershipId: string;
  message: string;
  /** True when the flag stops this action for this partnership (the action is then not offered as-is). */
  blocks: boolean;
}

export interface RationalisationCandidate {
  clusterId: string;
  action: RationalisationAction;
  /** Partnerships that would be merged away, nested or closed. */
  partnershipIds: string[];
  /** Merge target or new parent; null for a closure. */
  intoId: string | null;
  yearlySavingPence: number;
  /** True when a meeting pattern was missing and a default was used in the estimate. */
  savingIsEstimate: boolean;
  blocked: boolean;
  flags: CandidateFlag[];
  rationale: string;
  /** The one action suggested for this partnership (the mildest the rules allow). */
  recommended: boolean;
}
