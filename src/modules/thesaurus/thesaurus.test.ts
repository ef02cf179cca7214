/**
 * The default thesaurus holds together: every link leads somewhere, the hierarchy has no
 * loops, and no label sends the overlap engine to two concepts at once. The label checks
 * fold text roughly as the engine does (case, punctuation, stop words, plural endings) so
 * that two spellings of one phrase count as the same label.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_THESAURUS, DEFAULT_THESAURUS_VERSION } from './default/index.js';
import { FIELDS, type ConceptDefinition } from './types.js';

const concepts = DEFAULT_THESAURUS;
const byId = new Map(concepts.map((concept) => [concept.id, concept]));

/** Words the engine drops before matching (and the "s" of an apostrophe). */
const STOP_WORDS = new Set(
  'a an the and of for to in on at by with s partnership partnerships group groups board boards forum forums steering sub'.split(
    ' ',
  ),
);

/** Words too general to mean any one kind of work when one stands alone as a label. */
const GENERIC_WORDS = new Set(
  `support service improve improving health young community safety strategy plan delivery local people person work
   working care help team new regional national strategic joint multi agency area district county borough city town
   neighbourhood public partner network development programme project action`.split(/\s+/),
);

const isAbbreviation = (label: string): boolean => /[A-Z]/.test(label) && label === label.toUpperCase();

/** Lower-cased content words, each with a plural ending folded (a stand-in for the stemmer). */
function contentWords(label: string): string[] {
  return label
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '' && !STOP_WORDS.has(word))
    .map((word) => word.replace(/ies$/, 'y').replace(/([^s])s$/, '$1'));
}

/** How the engine sees a label: abbreviations by their capitals, other labels by their words. */
const matchKey = (label: string): string => (isAbbreviation(label) ? `ABBR ${label}` : contentWords(label).join(' '));

/**
 * Labels deliberately given to two concepts, with the reason. Keep it short: a shared label
 * makes the engine count both concepts wherever it appears.
 */
const SHARED_LABELS: Record<string, string> = {};

function labelsOf(concept: ConceptDefinition): string[] {
  return [concept.label, ...concept.altLabels];
}

describe('the default thesaurus', () => {
  it('has a dated version', () => {
    expect(DEFAULT_THESAURUS_VERSION).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('covers every field broadly', () => {
    for (const field of FIELDS) {
      expect(concepts.filter((c) => c.field === field).length, field).toBeGreaterThanOrEqual(25);
    }
    expect(concepts.length).toBeGreaterThanOrEqual(600);
  });

  it('gives each concept a unique, well-formed id and a preferred label', () => {
    const seen = new Set<string>();
    for (const concept of concepts) {
      expect(concept.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(seen.has(concept.id), `${concept.id} is used twice`).toBe(false);
      seen.add(concept.id);
      expect(concept.label.trim(), concept.id).toBe(concept.label);
      expect(concept.label, concept.id).toMatch(/^[A-Z0-9]/);
      expect(FIELDS, concept.id).toContain(concept.field);
    }
  });

  it('links only to concepts that exist, and never to the concept itself', () => {
    for (const concept of concepts) {
      for (const id of [...concept.broader, ...concept.related]) {
        expect(byId.has(id), `${concept.id} links to unknown ${id}`).toBe(true);
        expect(id, `${concept.id} links to itself`).not.toBe(concept.id);
      }
    }
  });

  it('has no loop through broader concepts', () => {
    const done = new Set<string>();
    const visit = (id: string, path: string[]): void => {
      if (path.includes(id)) throw new Error(`broader loop: ${[...path, id].join(' → ')}`);
      if (done.has(id)) return;
      for (const parent of byId.get(id)?.broader ?? []) visit(parent, [...path, id]);
      done.add(id);
    };
    for (const concept of concepts) expect(() => visit(concept.id, [])).not.toThrow();
  });

  it('places every concept under a broader one except a few tops per field', () => {
    for (const field of FIELDS) {
      const tops = concepts.filter((c) => c.field === field && c.broader.length === 0).map((c) => c.id);
      expect(tops.length, `${field} tops: ${tops.join(', ')}`).toBeGreaterThanOrEqual(1);
      expect(tops.length, `${field} tops: ${tops.join(', ')}`).toBeLessThanOrEqual(4);
    }
  });

  it('never calls an ancestor or descendant "related": related concepts are different work', () => {
    const ancestors = (id: string, seen = new Set<string>()): Set<string> => {
      for (const parent of byId.get(id)?.broader ?? []) {
        if (!seen.has(parent)) ancestors(parent, seen.add(parent));
      }
      return seen;
    };
    for (const concept of concepts) {
      for (const other of concept.related) {
        expect(ancestors(concept.id).has(other), `${concept.id} is under its related ${other}`).toBe(false);
        expect(ancestors(other).has(concept.id), `${other} is under its related ${concept.id}`).toBe(false);
      }
    }
  });

  it('sends each label to one concept only, unless the allow-list says why two share it', () => {
    const owners = new Map<string, Set<string>>();
    for (const concept of concepts) {
      for (const label of labelsOf(concept)) {
        const key = matchKey(label);
        owners.set(key, (owners.get(key) ?? new Set()).add(concept.id));
      }
    }
    const shared = [...owners].filter(([, ids]) => ids.size > 1).map(([key, ids]) => `${key}: ${[...ids].join(', ')}`);
    const unexplained = shared.filter((entry) => !(entry.slice(0, entry.indexOf(':')) in SHARED_LABELS));
    expect(unexplained).toEqual([]);
    for (const key of Object.keys(SHARED_LABELS)) expect(owners.get(key)?.size, key).toBeGreaterThan(1);
  });

  it('lists no alternative label twice within a concept (spelling variants that fold together are one)', () => {
    for (const concept of concepts) {
      const keys = concept.altLabels.map(matchKey);
      const repeated = keys.filter((key, index) => keys.indexOf(key) !== index);
      expect(repeated, concept.id).toEqual([]);
    }
  });

  it('writes abbreviations in capitals with two letters or more, and other labels in lower case', () => {
    for (const concept of concepts) {
      for (const label of concept.altLabels) {
        expect(label.trim(), `${concept.id}: "${label}"`).toBe(label);
        if (isAbbreviation(label)) {
          expect(label, concept.id).toMatch(/^[A-Z0-9][A-Z0-9&'’.\- ]*$/);
          expect(label.replace(/[^A-Z]/g, '').length, `${concept.id}: ${label}`).toBeGreaterThanOrEqual(2);
        } else {
          // A word is either an abbreviation within a phrase ("NHS commissioning") or lower case.
          for (const word of label.split(/[^A-Za-z]+/)) {
            expect(word === word.toLowerCase() || word === word.toUpperCase(), `${concept.id}: "${label}"`).toBe(true);
          }
        }
      }
    }
  });

  it('keeps alternative labels short and specific: 1 to 5 content words, never one generic word', () => {
    for (const concept of concepts) {
      for (const label of concept.altLabels) {
        if (isAbbreviation(label)) continue;
        const words = contentWords(label);
        expect(words.length, `${concept.id}: "${label}"`).toBeGreaterThanOrEqual(1);
        expect(words.length, `${concept.id}: "${label}"`).toBeLessThanOrEqual(5);
        const lone = words.length === 1 ? words[0]! : '';
        expect(GENERIC_WORDS.has(lone), `${concept.id}: "${label}" is too general`).toBe(false);
      }
    }
  });

  it('writes National Indicator numbers as "NI n", within the set (1 to 199)', () => {
    for (const concept of concepts) {
      for (const label of concept.altLabels.filter((l) => /^NI\b/.test(l))) {
        expect(label, concept.id).toMatch(/^NI [1-9]\d{0,2}$/);
        expect(Number(label.slice(3)), concept.id).toBeLessThanOrEqual(199);
      }
    }
  });

  it('gives age ranges as whole years, youngest first', () => {
    const withAges = concepts.filter((c) => c.ages);
    expect(withAges.length).toBeGreaterThanOrEqual(8);
    for (const { id, ages } of withAges) {
      const [from, to] = ages!;
      expect(Number.isInteger(from) && Number.isInteger(to), id).toBe(true);
      expect(from, id).toBeGreaterThanOrEqual(0);
      expect(to, id).toBeLessThanOrEqual(120);
      expect(from, id).toBeLessThanOrEqual(to);
    }
  });
});
