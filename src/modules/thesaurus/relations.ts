import type { ConceptDefinition } from './types.js';

/**
 * SKOS `related` is symmetric: a pair written on either side is a pair both ways. Returns the
 * concepts with each one's related list completed (in first-seen order), so readers need not
 * look for links written on the other side.
 */
export function withRelatedBothWays(concepts: readonly ConceptDefinition[]): ConceptDefinition[] {
  const related = new Map<string, Set<string>>(concepts.map((concept) => [concept.id, new Set(concept.related)]));
  for (const concept of concepts) {
    for (const other of concept.related) related.get(other)?.add(concept.id);
  }
  return concepts.map((concept) => ({ ...concept, related: [...(related.get(concept.id) ?? [])] }));
}
