/**
 * The shapes of the synthetic national register (generate.ts) and the working state its parts
 * share while a locality is built.
 */
import type { Random } from '../../core/random.js';
import type { WorkKind } from './catalogue/kinds.js';
import type { Era } from './catalogue/organisations.js';
import type { OrganisationRecord, PartnershipFeatures, Sector } from './types.js';

export interface GenerateOptions {
  partnerships: number;
  organisations: number;
  localities: number;
  seed?: number;
  /** Share of partnerships that are planted copies of another (the extra members of groups). Default 0.03. */
  plantedShare?: number;
  /** Hard negatives recorded per partnership of a locality. Default 0.03 (about four in a locality of 140). */
  hardNegativeShare?: number;
  /**
   * Share of each locality's other partnerships whose purpose is replaced by one boilerplate
   * sentence, the same everywhere: the stress set of issue 14 (0.7 gives about 100 a locality at
   * the default size). Planted groups and hard negatives keep their own words. Default 0.
   */
  boilerplateShare?: number;
  /** Called after each locality, for a progress bar. */
  onProgress?: (localitiesDone: number, localities: number) => void;
}

export interface GeneratedLocality {
  /** The GSS code doubles as the id. */
  id: string;
  name: string;
  region: string;
  countyCode: string | null;
  wardCodes: string[];
  /** In the order of `wardCodes`. */
  wardNames: string[];
  /** Which NHS commissioner (PCT, CCG or ICB) and agency names its register uses. */
  era: Era;
}

/** An organisation with its organisation-type code from the reference list. */
export interface GeneratedOrganisation extends OrganisationRecord {
  type: string;
}

export const PLANTED_KINDS = [
  /** The same work in other words: another phrasing of the same kind, a board drawn afresh. */
  'reworded',
  /** A statutory or council-led board beside a voluntary forum doing the same job with other members. */
  'statutory-and-voluntary',
  /** A board set up for a time-limited fund doing what a mainstream board does. */
  'funding-stream',
  /** A renamed successor left open beside its predecessor, with the same members. */
  'renamed-successor',
  /** Sub-groups of two different boards doing the same thing. */
  'parallel-sub-groups',
  /** The same members, one side with a terse, one-word or empty purpose. */
  'terse-same-members',
] as const;
export type PlantedKind = (typeof PLANTED_KINDS)[number];

/** A source partnership and its planted copies: every pair in `ids` is the same work. */
export interface PlantedGroup {
  kind: PlantedKind;
  sourceId: string;
  ids: string[];
}

export const HARD_NEGATIVE_KINDS = [
  /** The same kind of facility in two wards: the areas differ. */
  'same-facility-other-ward',
  /** Neighbouring work in the same field (admissions and exclusions), with the same big partners. */
  'neighbouring-work',
  /** Different work described with the same boilerplate. */
  'shared-boilerplate',
] as const;
export type HardNegativeKind = (typeof HARD_NEGATIVE_KINDS)[number];

/** Two partnerships that look alike but do different work: they must not be flagged. */
export interface HardNegative {
  kind: HardNegativeKind;
  ids: [string, string];
}

/** What the generator knows about a partnership beyond what the engine reads. */
export interface PartnershipDetail {
  /** The catalogue kind of work. */
  work: string;
  statutoryType: string | null;
  /** The funding stream of a funding-driven board. */
  fund: string | null;
  /** The ward of a facility board. */
  ward: string | null;
}

export interface NationalData {
  localities: GeneratedLocality[];
  organisations: GeneratedOrganisation[];
  partnerships: PartnershipFeatures[];
  planted: PlantedGroup[];
  hardNegatives: HardNegative[];
  /** By partnership id. */
  details: Record<string, PartnershipDetail>;
}

// ---------------------------------------------------------------------------------------------
// Working state while a locality is built.

export class OrganisationFactory {
  readonly records: GeneratedOrganisation[] = [];

  add(name: string, sector: Sector, type: string, localityId: string | null): string {
    const id = `O${String(this.records.length + 1).padStart(6, '0')}`;
    this.records.push({ id, name, sector, localityId, type });
    return id;
  }

  get(id: string): GeneratedOrganisation {
    return this.records[Number(id.slice(1)) - 1]!;
  }
}

/** A locality's organisations, as its boards draw on them. */
export interface LocalityContext {
  locality: GeneratedLocality;
  twoTier: boolean;
  /** The council, the county (two-tier only), the police, the NHS commissioner and the CVS. */
  bigPartners: string[];
  /** Specialist bodies by catalogue key (shared or the locality's own), where the locality has one. */
  bodies: Map<string, string>;
  /** Shared bodies, to fill a board a small locality cannot fill from its own organisations. */
  reserve: string[];
  /** Ordinary local organisations; a few sit on many boards (cumulative weights in `localWeights`). */
  locals: string[];
  localWeights: Float64Array;
  /** Ordinary local organisations by ward index. */
  localsByWard: Map<number, string[]>;
}

export type TextState = 'full' | 'empty' | 'one-word' | 'boilerplate';

/** A partnership being built, with what its copies and hard negatives need to know. */
export interface Draft {
  features: PartnershipFeatures;
  kind: WorkKind;
  phrasing: number;
  text: TextState;
  /** Ward index of a facility board. */
  ward: number | null;
  parent: Draft | null;
}

export interface Builder {
  rng: Random;
  ctx: LocalityContext;
  orgs: OrganisationFactory;
  nextId: () => string;
  details: Record<string, PartnershipDetail>;
  /** Nationally, how many groups have been planted so far: their kinds are taken in turn. */
  tally: { groups: number };
}
