/**
 * The default thesaurus holds together: every link leads somewhere, the hierarchy has no
 * loops, and no label sends the overlap engine to two concepts at once. Labels are read
 * exactly as the engine reads partnership texts (overlap/text.ts), so two spellings that the
 * engine reads alike count as one label.
 */
import { describe, expect, it } from 'vitest';
import { readTokens, stemWord } from '../overlap/text.js';
import { DEFAULT_THESAURUS, DEFAULT_THESAURUS_VERSION } from './default/index.js';
import { compileThesaurus, matchConcepts } from './matcher.js';
import { FIELDS, type ConceptDefinition } from './types.js';

const concepts = DEFAULT_THESAURUS;
const byId = new Map(concepts.map((concept) => [concept.id, concept]));

/** Stems too general to mean any one kind of work when one stands alone as a label. */
const GENERIC_STEMS = new Set(
  `support service improve health young community safety strategy plan delivery people work care help team regional
   national area district county borough city town neighbourhood public development programme project action
   management system assessment review quality day week hour access advice information policy unit centre fund
   scheme learning business school home`
    .split(/\s+/)
    .map(stemWord),
);

const INDICATOR = /^NI \d/;
const isAbbreviation = (label: string): boolean => /[A-Z]/.test(label) && label === label.toUpperCase();

/** How the engine reads a label: its stems in order, abbreviations apart (they match only capitals). */
function matchKey(label: string): string {
  const stems = readTokens(label).map((token) => token.stem);
  if (stems.length === 0) return '';
  return `${isAbbreviation(label) ? 'ABBR' : 'WORDS'} ${stems.join(' ')}`;
}

/**
 * Labels deliberately given to two concepts, with the reason. Keep it short: a shared label
 * makes the engine count both concepts wherever it appears.
 */
const SHARED_LABELS: Record<string, string> = {};

/** The labels the engine reads as words (indicator numbers it reads apart). */
function wordLabels(concept: ConceptDefinition, withPreferred: boolean): string[] {
  return (withPreferred ? [concept.label, ...concept.altLabels] : concept.altLabels).filter((l) => !INDICATOR.test(l));
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
      for (const label of wordLabels(concept, true)) {
        const key = matchKey(label);
        if (key !== '') owners.set(key, (owners.get(key) ?? new Set()).add(concept.id));
      }
    }
    const shared = [...owners].filter(([, ids]) => ids.size > 1);
    const unexplained = shared.filter(([key]) => !(key in SHARED_LABELS)).map(([k, ids]) => `${k}: ${[...ids]}`);
    expect(unexplained).toEqual([]);
    for (const key of Object.keys(SHARED_LABELS)) expect(owners.get(key)?.size, key).toBeGreaterThan(1);
  });

  it('lists no alternative label twice within a concept (spellings the engine reads alike are one)', () => {
    for (const concept of concepts) {
      const labels = wordLabels(concept, false);
      const keys = labels.map(matchKey);
      const repeated = labels.filter((_, index) => keys.indexOf(keys[index]!) !== index);
      expect(repeated, concept.id).toEqual([]);
    }
  });

  it('gives the engine something to read in every label', () => {
    for (const concept of concepts) {
      const unreadable = wordLabels(concept, false).filter((label) => matchKey(label) === '');
      expect(unreadable, `${concept.id}: labels made only of stop words or single letters`).toEqual([]);
    }
  });

  it('finds every label of every concept in a text that says it, codes of letters and digits included', () => {
    const compiled = compileThesaurus(concepts);
    const missed = concepts.flatMap((concept) =>
      wordLabels(concept, true)
        .filter(
          (label) =>
            !matchConcepts(compiled, readTokens(label)).some((m) => compiled.concepts[m.concept]!.id === concept.id),
        )
        .map((label) => `${concept.id}: ${label}`),
    );
    expect(missed, 'labels the matcher never finds').toEqual([]);
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

  it('keeps alternative labels short and specific: 1 to 5 words read, never one generic word', () => {
    for (const concept of concepts) {
      for (const label of wordLabels(concept, false)) {
        const stems = readTokens(label).map((token) => token.stem);
        expect(stems.length, `${concept.id}: "${label}"`).toBeLessThanOrEqual(5);
        const lone = stems.length === 1 ? stems[0]! : '';
        expect(GENERIC_STEMS.has(lone), `${concept.id}: "${label}" is too general`).toBe(false);
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

describe('the default thesaurus read by the matcher', () => {
  const compiled = compileThesaurus(concepts);
  const conceptsIn = (text: string): Set<string> =>
    new Set(matchConcepts(compiled, readTokens(text)).map((match) => concepts[match.concept]!.id));

  it.each([
    ['Reduce under-18 conceptions', 'Teenage pregnancy strategy group'],
    ['Tackle worklessness in the borough', 'Getting benefit claimants into jobs'],
    ['Reduce ASB', 'Nuisance neighbours'],
    ['Fuel poverty', 'Affordable warmth partnership'],
    ['Warm Front grants', 'Tackling fuel poverty'],
    ['Crime and Disorder Reduction Partnership', 'Community Safety Partnership'],
    ['Area Child Protection Committee', 'Local Safeguarding Children Board'],
    ['Primary Care Trust', 'Integrated Care Board'],
    ['Sure Start local programme', "Children's centres"],
    ['Supporting People programme', 'Floating support'],
    ['Things for teenagers to do', 'Positive activities for young people'],
    ['Help for people misusing drink or drugs', 'Drug and Alcohol Action Team'],
    ['Keeping older people living at home', 'Independence of older people'],
    ["Kids' activities", 'Positive activities for young people'],
    ['Getting people back to work', 'Jobseekers and the long term unemployed'],
    ['Lollipop ladies', 'School crossing patrol service'],
    ['Early excellence centres', 'Family hubs'],
    ['Mental handicap services', 'People with learning disabilities'],
    ['Old age pensioners', 'Older people'],
    ['Bed blockers', 'Delayed transfers of care'],
  ])('finds the same work in "%s" and "%s"', (first, second) => {
    const shared = [...conceptsIn(first)].filter((id) => conceptsIn(second).has(id));
    expect(shared.length, `${[...conceptsIn(first)]} / ${[...conceptsIn(second)]}`).toBeGreaterThan(0);
  });

  it.each([
    ['School admissions', 'School exclusions'],
    ['Recycling', 'Street cleansing'],
    ['Homelessness prevention', 'Affordable housing supply'],
    ['Youth offending team', 'Youth service'],
    ['Intermediate care', 'Reablement'],
    ['Home care', 'Care homes'],
    ['Childcare', 'Looked after children'],
  ])('keeps "%s" and "%s" apart, as related but different work', (first, second) => {
    const [a] = [...conceptsIn(first)];
    const [b] = [...conceptsIn(second)];
    expect(a && b && a !== b, `${a} / ${b}`).toBe(true);
    expect(byId.get(a!)!.related).toContain(b);
  });

  it.each([
    ['Acute hospital', 'tourism'],
    ['Tourism and hospitality', 'hospital-services'],
    ['Support for people with dementia', 'housing-related-support'],
    ['Energy efficiency partnership', 'efficiency-value-for-money'],
    ['Early Years and Child Care Partnership', 'looked-after-children'],
    ['Strategy to prevent falls in care homes', 'preventing-violent-extremism'],
    ['Joint working between the council, health and police', 'health-and-work'],
    ['Local preventative strategy', 'preventing-violent-extremism'],
    ['Partnership board - health and housing', 'nhs-commissioning'],
    ['Working with local agencies to support people in their own homes', 'homelessness'],
    ['Local authority', 'literature-development'],
    ['Neighbourhood renewal', 'renewable-energy'],
    ['Child sex abuse', 'domestic-abuse-perpetrators'],
    ['Adapting to climate change', 'disabled-adaptations'],
    ['Accountability of the board', 'digital-government'],
  ])('does not read "%s" as %s, whose words stem alike', (text, id) => {
    expect([...conceptsIn(text)]).not.toContain(id);
  });
});
