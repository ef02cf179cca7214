/**
 * What a partnership is mainly about: its focus, the most telling kind of work its name names
 * (or, when the name names none, its purpose). A partnerships officer reads a register by what
 * each board is for: a long official purpose and a one-line note of the same dementia alliance
 * share little of their wording, but both are mainly about dementia.
 *
 * An age group ("teenagers", "older people") is never a focus: it says whom a board serves, not
 * what it does. Nor is a concept on more than frequentAbove(n) of the scope's records: what many
 * boards are about tells little, and every pair sharing a focus is then found through a short
 * posting list (engine.ts), so the search stays linear.
 *
 * Two partnerships with the same focus have text evidence at least FOCUS_SHARE of what fully
 * agreeing texts give, scaled by how telling the concept is in the scope (scoring.ts). Only the
 * same concept counts: a broader step (dementia and mental health, flooding and drainage) joined
 * neighbouring work in the benchmark registers.
 */
import type { CompiledThesaurus } from '../thesaurus/matcher.js';

/** A text's features as features.ts reads them (its TextFeatures), as much as a focus needs. */
export interface ReadFeatures {
  multipliers: ReadonlyMap<string, number>;
  sources: ReadonlyMap<string, { kind: string; removes: number }>;
}

/** The text evidence a shared focus gives at most: a little over what half-agreeing texts give. */
export const FOCUS_SHARE = 0.6;

/**
 * How many of a scope's records a feature may be on before it counts as frequent: the council
 * on nine boards in ten, a boilerplate purpose pasted on a hundred. Below it, a feature's pairs
 * cost at most this many visits per record that has it, so a search stays linear in the size of
 * the scope.
 */
export function frequentAbove(size: number): number {
  return Math.max(FREQUENT_FLOOR, Math.ceil(Math.sqrt(size)));
}
/**
 * Measured on the synthetic national register (143 partnerships a locality): 8, 12, 16, 24, 32, 64
 * and no cap scored 259k, 209k, 191k, 236k, 323k, 495k and 788k pairs at 10,000 partnerships.
 */
const FREQUENT_FLOOR = 16;

export interface Focus {
  /** The concept's feature key (`c:dementia`), or '' for none. */
  key: string;
  /** Its text-feature ordinal in the index, or -1 for none. */
  ordinal: number;
  /** Its weight in this partnership's text: how telling it is in the scope. */
  weight: number;
}

export const NO_FOCUS: Focus = { key: '', ordinal: -1, weight: 0 };

/** How an index knows a text feature: its ordinal (or -1), its weight, whether it is frequent. */
export interface FeatureLookup {
  ordinal(key: string): number;
  weight(ordinal: number, multiplier: number): number;
  frequent(ordinal: number): boolean;
}

/**
 * The focus of a text read as parts, its name's features first: the most telling concept the
 * name names directly, else the most telling one its purpose names; none if that is frequent.
 */
export function focusOf(
  parts: readonly ReadFeatures[],
  thesaurus: CompiledThesaurus | undefined,
  lookup: FeatureLookup,
): Focus {
  if (!thesaurus) return NO_FOCUS;
  for (const part of parts) {
    let best: Focus | null = null;
    for (const [key, multiplier] of part.multipliers) {
      const source = part.sources.get(key)!;
      if (source.kind !== 'concept' || source.removes !== 0) continue;
      const concept = thesaurus.positionOf.get(key.slice(2));
      if (concept === undefined || thesaurus.concepts[concept]!.ages) continue;
      const ordinal = lookup.ordinal(key);
      if (ordinal < 0) continue;
      const weight = lookup.weight(ordinal, multiplier);
      if (!best || weight > best.weight || (weight === best.weight && key < best.key)) best = { key, ordinal, weight };
    }
    if (best) return lookup.frequent(best.ordinal) ? NO_FOCUS : best;
  }
  return NO_FOCUS;
}

/**
 * The text evidence two focuses give, in [0, FOCUS_SHARE]: none unless they are the same concept;
 * all of it when the concept is as telling as one two boards' names alone name (then its weight
 * is at least half of `fullInformation`, what a well-described text carries).
 */
export function focusEvidence(a: Focus, b: Focus, fullInformation: number): number {
  if (a.ordinal < 0 || a.ordinal !== b.ordinal || fullInformation <= 0) return 0;
  return FOCUS_SHARE * Math.min(1, (2 * Math.min(a.weight, b.weight)) / fullInformation);
}
