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

/** The parts of a pair's score (scoring.ts): each similarity and confidence in [0, 1]. */
export interface ScoreParts {
  score: number;
  /** How alike their names and purposes are, by the thesaurus's concepts, words, ages and indicators. */
  text: number;
  /** How much the shorter text says: low for an empty or one-word purpose. */
  textConfidence: number;
  /** How alike their boards are, each member weighted by how few boards it sits on. */
  members: number;
  /** How much the smaller board tells: low for a board of only the partners on most boards. */
  memberConfidence: number;
  themes: number;
  /** One is the other's sub-group: the nesting accounts for some of what they share. */
  nested: boolean;
  /** The same kind of body for different places ("Northgate and Elmwood"), or null. */
  differentPlaces: string | null;
  /** Text evidence from what both are mainly about (focus.ts): 0 unless it is the same. */
  focus: number;
}

/** A pair found by a whole-scope search (light: `explainPair` gives the full explanation). */
export interface SimilarPair extends ScoreParts {
  aId: string;
  bId: string;
}

/** One thing two texts share: a concept of the thesaurus, a word, an age band or an indicator. */
export interface SharedFeature {
  /** `c:` concept id, `w:` word stem, `a:` age band, `n:` indicator number. */
  key: string;
  kind: 'concept' | 'word' | 'age' | 'indicator';
  /** What it is: the concept's preferred label, the word, the ages, the indicator and its title. */
  label: string;
  /** As each partnership writes it. */
  writtenA: string;
  writtenB: string;
  /** Its weight in the score: how telling it is in the scope. */
  weight: number;
  /** For a concept reached through narrower ones: how many steps up (0 when both name it). */
  removes: number;
}

export interface SharedMember {
  id: string;
  /** How telling the shared seat is: the organisation's IDF over the scope's boards. */
  weight: number;
  /** Share of the scope's partnerships it sits on. */
  boardShare: number;
}

/** Why two partnerships look alike: exactly what they share and what each part gave. */
export interface MatchExplanation extends ScoreParts {
  aId: string;
  bId: string;
  settings: { likely: number; look: number };
  /** Most telling first. */
  sharedFeatures: SharedFeature[];
  /** Most telling first. */
  sharedMembers: SharedMember[];
  sharedThemes: string[];
  sharedAreas: string[];
  /** The key of the shared feature both are mainly about (focus.ts), when that counted; else null. */
  focusKey: string | null;
  /** Both purposes use wording three or more of the scope's purposes repeat (boilerplate.ts), left out. */
  templateLeftOut: boolean;
  /**
   * Where the pair is among an analysis's flagged pairs, its tier there: "likely" also for two
   * partnerships that are each other's closest match (scoring.ts, closestMatches).
   */
  tier?: 'likely' | 'look';
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
  /** For the suggested one: why it was chosen over the others, in plain words. */
  reason?: string;
}
