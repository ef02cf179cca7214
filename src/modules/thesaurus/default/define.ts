import type { ConceptDefinition, Field } from '../types.js';

/** A concept as written in its field's file: the field is the file's, and empty lists may be left out. */
export type ConceptEntry = Omit<ConceptDefinition, 'field' | 'broader' | 'related'> &
  Partial<Pick<ConceptDefinition, 'broader' | 'related'>>;

export function inField(field: Field, entries: ConceptEntry[]): ConceptDefinition[] {
  return entries.map(({ broader = [], related = [], ...entry }) => ({ ...entry, broader, related, field }));
}
