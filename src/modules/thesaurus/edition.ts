/**
 * An edition of the thesaurus: the shipped default with an administrator's edits laid on top,
 * in the order they were made. Pure: the service reads the edits and the default, this works
 * out what the engine reads.
 */
import { readTokens } from '../overlap/text.js';
import type { ThesaurusEditRow } from './schema.js';
import { FIELDS, type ConceptDefinition, type Field } from './types.js';

export interface Edition {
  concepts: ConceptDefinition[];
  /** Concepts an administrator added (and has not retired). */
  addedLocally: Set<string>;
  /** Every id ever used, retired ones included: an id is never reused. */
  usedIds: Set<string>;
}

type Edit = Pick<ThesaurusEditRow, 'kind' | 'concept_id' | 'label' | 'field' | 'broader'>;

export function applyEdits(defaults: readonly ConceptDefinition[], edits: readonly Edit[]): Edition {
  const byId = new Map(defaults.map((concept) => [concept.id, { ...concept, altLabels: [...concept.altLabels] }]));
  const addedLocally = new Set<string>();
  const usedIds = new Set(byId.keys());
  for (const edit of edits) {
    const concept = byId.get(edit.concept_id);
    switch (edit.kind) {
      case 'add-alt-label':
        if (concept && edit.label && !concept.altLabels.includes(edit.label)) concept.altLabels.push(edit.label);
        break;
      case 'remove-alt-label':
        if (concept) concept.altLabels = concept.altLabels.filter((label) => label !== edit.label);
        break;
      case 'add-concept':
        if (!concept && edit.label && FIELDS.includes(edit.field as Field)) {
          byId.set(edit.concept_id, {
            id: edit.concept_id,
            label: edit.label,
            altLabels: [],
            broader: edit.broader.filter((id) => byId.has(id)),
            related: [],
            field: edit.field as Field,
          });
          addedLocally.add(edit.concept_id);
          usedIds.add(edit.concept_id);
        }
        break;
      case 'retire-concept':
        if (addedLocally.has(edit.concept_id)) {
          byId.delete(edit.concept_id);
          addedLocally.delete(edit.concept_id);
          for (const other of byId.values()) other.broader = other.broader.filter((id) => id !== edit.concept_id);
        }
        break;
    }
  }
  return { concepts: [...byId.values()], addedLocally, usedIds };
}

const isAbbreviation = (label: string): boolean => /[A-Z]/.test(label) && label === label.toUpperCase();

/**
 * How the engine reads a label: its word stems in order, abbreviations apart (they match only
 * capitals). Two labels with the same key send the engine to the same place; '' reads as nothing.
 */
export function labelKey(label: string): string {
  const stems = readTokens(label).map((token) => token.stem);
  if (stems.length === 0) return '';
  return `${isAbbreviation(label) ? 'ABBR' : 'WORDS'} ${stems.join(' ')}`;
}

/** The concept and label that already read as `label`, other than `except`'s own labels. */
export function labelClash(
  concepts: readonly ConceptDefinition[],
  label: string,
  except?: string,
): { concept: ConceptDefinition; label: string } | undefined {
  const key = labelKey(label);
  if (key === '') return undefined;
  for (const concept of concepts) {
    if (concept.id === except) continue;
    for (const existing of [concept.label, ...concept.altLabels])
      if (labelKey(existing) === key) return { concept, label: existing };
  }
  return undefined;
}

/** Folds case and accents for searching labels. */
export function searchText(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}
