import type { ConceptDefinition } from '../types.js';

/** The thesaurus shipped with the product (see README.md in this folder). */
export const DEFAULT_THESAURUS: readonly ConceptDefinition[] = [];
export const DEFAULT_THESAURUS_VERSION = '0';
