import { describe, expect, it } from 'vitest';
import { readTokens } from '../overlap/text.js';
import { TEST_THESAURUS } from './fixture.js';
import { compileThesaurus, matchConcepts } from './matcher.js';

const thesaurus = compileThesaurus(TEST_THESAURUS);
const found = (text: string) =>
  matchConcepts(thesaurus, readTokens(text)).map((m) => thesaurus.concepts[m.concept]!.id);

describe('finding the thesaurus’s concepts in a text', () => {
  it('reads different wordings of the same work as one concept', () => {
    expect(found('Teenage Pregnancy Strategy Group')).toEqual(['teenage-pregnancy']);
    expect(found('reduce under-18 conceptions')).toEqual(['teenage-pregnancy']);
    expect(found('Nuisance Neighbours and tenancy enforcement')).toEqual(['antisocial-behaviour']);
    expect(found('getting people back into work')).toEqual(['worklessness']);
  });

  it('prefers the longest label: “nuisance neighbours” once, not “nuisance” and another', () => {
    const matches = matchConcepts(thesaurus, readTokens('nuisance neighbours'));
    expect(matches).toHaveLength(1);
    expect(matches[0]!.text).toBe('nuisance neighbours');
  });

  it('matches an abbreviation only where it is written in capitals', () => {
    expect(found('DV forum')).toEqual(['domestic-abuse']);
    expect(found('dv forum')).toEqual([]);
    expect(found('ASB case conferences')).toEqual(['antisocial-behaviour']);
  });

  it('never matches a phrase across a sentence break', () => {
    expect(found('Nuisance. Neighbours')).toEqual(['antisocial-behaviour']);
    expect(found('Teenage. Pregnancy')).not.toContain('teenage-pregnancy');
  });

  it('knows which concept a national indicator measures, and what is broader', () => {
    expect(thesaurus.indicators.get('112')).toEqual([thesaurus.positionOf.get('teenage-pregnancy')]);
    const ancestors = thesaurus.ancestors[thesaurus.positionOf.get('teenage-pregnancy')!]!;
    expect(ancestors.map((level) => level.map((c) => thesaurus.concepts[c]!.id))).toEqual([
      ['sexual-health'],
      ['public-health'],
    ]);
  });

  it('does not let a one-word label of a generic word match everything', () => {
    const generic = compileThesaurus([
      { id: 'x', label: 'Transition', altLabels: ['local', 'out of work'], broader: [], related: [], field: 'health' },
    ]);
    expect(matchConcepts(generic, readTokens('a local group')).length).toBe(0);
    expect(matchConcepts(generic, readTokens('people out of work')).length).toBe(1);
  });
});

describe('labels that join two kinds of work', () => {
  const concept = (id: string, label: string, altLabels: string[] = [], broader: string[] = []) => ({
    id,
    label,
    altLabels,
    broader,
    related: [],
    field: 'culture-and-leisure' as const,
  });
  const joined = compileThesaurus([
    concept('culture', 'Culture'),
    concept('leisure', 'Leisure', ['culture and leisure']),
    concept('physical-activity', 'Physical activity'),
    concept('sport', 'Sport', ['sport and physical activity']),
    concept('arts', 'Arts', ['arts and culture'], ['culture']),
  ]);
  const named = (text: string) =>
    matchConcepts(joined, readTokens(text))
      .map((m) => joined.concepts[m.concept]!.id)
      .sort();

  it('names each part as well as the concept the label belongs to', () => {
    expect(named('Culture and Leisure Partnership')).toEqual(['culture', 'leisure']);
    expect(named('Sport and physical activity strategy')).toEqual(['physical-activity', 'sport']);
  });

  it('adds nothing for a part that is the concept itself or broader than it', () => {
    expect(named('Arts and culture forum')).toEqual(['arts']);
  });
});
