/**
 * The shape of the public-service thesaurus: a controlled vocabulary in the ISO 25964 / SKOS
 * shape (concepts with one preferred label, alternative labels, broader and related concepts),
 * as the UK's Integrated Public Sector Vocabulary (IPSV) was built. The overlap engine reads it
 * to see that "under-18 conceptions" and "teenage pregnancy" are the same work; it can be
 * exported as SKOS and edited by an administrator.
 */

/** The top-level fields of local public services: every concept sits in one. */
export const FIELDS = [
  'community-safety',
  'health',
  'social-care',
  'children-and-young-people',
  'education-and-skills',
  'older-people',
  'housing',
  'economy-and-employment',
  'environment',
  'transport',
  'culture-and-leisure',
  'communities-and-equality',
  'governance-and-resources',
] as const;
export type Field = (typeof FIELDS)[number];

export interface ConceptDefinition {
  /** Stable identifier: lower-case words joined by hyphens, e.g. `teenage-pregnancy`. Never reused. */
  id: string;
  /** The preferred label, in British English, e.g. `Teenage pregnancy`. */
  label: string;
  /**
   * Non-preferred terms: synonyms, spellings, inflections people actually write, phrases,
   * former names, programme names and abbreviations that mean this concept (not merely
   * relate to it). Matching folds case, drops stop words and stems each word, so "drugs and
   * alcohol" also finds "drug & alcohol". A label written wholly in CAPITALS (e.g. `ASB`,
   * `NEET`) is an abbreviation: it matches only where the text writes it in capitals.
   */
  altLabels: string[];
  /** Ids of broader concepts (e.g. teenage pregnancy → sexual health). */
  broader: string[];
  /** Ids of related concepts: near in meaning but different work (never counted as the same). */
  related: string[];
  field: Field;
  /** What the concept covers and excludes, when the labels alone could mislead. */
  scopeNote?: string;
  /** For concepts that name an age group: the ages in years it covers, inclusive. */
  ages?: [number, number];
  /**
   * Single words that mean this concept when the same text names ages mostly within `ages`
   * ("girls aged 15-17 getting pregnant" is teenage pregnancy; "a tumble" among older people is
   * falls prevention), whether as numbers or through an age group's concept ("older people").
   */
  whenAged?: { ages: [number, number]; words: string[] };
}
