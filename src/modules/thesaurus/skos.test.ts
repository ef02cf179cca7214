import { Parser, type Quad } from 'n3';
import { describe, expect, it } from 'vitest';
import { toSkosJsonLd, toSkosTurtle } from './skos.js';
import type { ConceptDefinition } from './types.js';

const BASE = 'https://joinedup.example/thesaurus/';
const SKOS = 'http://www.w3.org/2004/02/skos/core#';

const SAMPLE: ConceptDefinition[] = [
  {
    id: 'sexual-health',
    label: 'Sexual health',
    altLabels: ['sexual health services', 'GUM'],
    broader: [],
    related: [],
    field: 'health',
  },
  {
    id: 'teenage-pregnancy',
    label: 'Teenage pregnancy',
    altLabels: ['under-18 conceptions', 'NI 112', 'teenage "parents"\\carers'],
    broader: ['sexual-health'],
    related: ['teenage-parents'],
    field: 'children-and-young-people',
    scopeNote: 'Preventing conceptions under 18.\nSupport for young parents is "teenage parents".',
  },
  {
    id: 'teenage-parents',
    label: 'Teenage parents',
    altLabels: ['young parents'],
    broader: [],
    related: [],
    field: 'children-and-young-people',
    ages: [13, 19],
  },
];

interface JsonLdNode {
  '@id': string;
  '@type': string;
  [key: string]: unknown;
}

function jsonLdGraph(): JsonLdNode[] {
  const document = JSON.parse(toSkosJsonLd(SAMPLE, { base: BASE, version: '2026-12-04' })) as {
    '@graph': JsonLdNode[];
  };
  return document['@graph'];
}

const values = (node: JsonLdNode, key: string): unknown[] => {
  const value = node[key];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
};

function parseTurtle(turtle: string): Quad[] {
  return new Parser({ format: 'text/turtle' }).parse(turtle);
}

describe('SKOS JSON-LD', () => {
  it('carries every part of a concept, so it can be read back into the same definition', () => {
    const graph = jsonLdGraph();
    const node = graph.find((n) => n['@id'] === `${BASE}teenage-pregnancy`);
    expect(node).toBeDefined();
    const idOf = (uri: unknown): string => (uri as { '@id': string })['@id'].slice(BASE.length);
    const textOf = (literal: unknown): string => {
      expect((literal as { '@language': string })['@language']).toBe('en-GB');
      return (literal as { '@value': string })['@value'];
    };
    const field = graph.find(
      (n) => n['@type'] === 'skos:Collection' && values(n, 'skos:member').some((m) => idOf(m) === 'teenage-pregnancy'),
    );
    const readBack: ConceptDefinition = {
      id: node!['@id'].slice(BASE.length),
      label: textOf(node!['skos:prefLabel']),
      altLabels: values(node!, 'skos:altLabel').map(textOf),
      broader: values(node!, 'skos:broader').map(idOf),
      related: values(node!, 'skos:related').map(idOf),
      field: field!['@id'].slice(`${BASE}field/`.length) as ConceptDefinition['field'],
      scopeNote: textOf(node!['skos:scopeNote']),
    };
    expect(node!['@type']).toBe('skos:Concept');
    expect(readBack).toEqual(SAMPLE[1]);
    expect(values(node!, 'skos:inScheme')).toEqual([{ '@id': `${BASE}scheme` }]);
  });

  it('derives narrower from broader, writes related both ways and names the top concepts', () => {
    const graph = jsonLdGraph();
    const byId = new Map(graph.map((n) => [n['@id'].slice(BASE.length), n]));
    expect(values(byId.get('sexual-health')!, 'skos:narrower')).toEqual([{ '@id': `${BASE}teenage-pregnancy` }]);
    expect(values(byId.get('teenage-parents')!, 'skos:related')).toEqual([{ '@id': `${BASE}teenage-pregnancy` }]);
    expect(byId.get('teenage-parents')!['ju:minAge']).toBe(13);
    expect(values(byId.get('scheme')!, 'skos:hasTopConcept')).toEqual([
      { '@id': `${BASE}sexual-health` },
      { '@id': `${BASE}teenage-parents` },
    ]);
    expect(byId.get('teenage-pregnancy')!['skos:topConceptOf']).toBeUndefined();
  });

  it('refuses a base that concept ids cannot be appended to', () => {
    expect(() => toSkosJsonLd(SAMPLE, { base: 'https://joinedup.example/thesaurus' })).toThrow(/ending in/);
    expect(() => toSkosJsonLd(SAMPLE, { base: 'thesaurus/' })).toThrow(/absolute URI/);
  });
});

describe('SKOS Turtle', () => {
  it('is well-formed Turtle in which quotes, backslashes and line breaks survive', () => {
    const quads = parseTurtle(toSkosTurtle(SAMPLE, { base: BASE, version: '2026-12-04' }));
    const objects = (subject: string, predicate: string): string[] =>
      quads
        .filter((q) => q.subject.value === BASE + subject && q.predicate.value === SKOS + predicate)
        .map((q) => q.object.value);
    expect(objects('teenage-pregnancy', 'altLabel')).toEqual(SAMPLE[1]!.altLabels);
    expect(objects('teenage-pregnancy', 'scopeNote')).toEqual([SAMPLE[1]!.scopeNote]);
    expect(objects('teenage-pregnancy', 'broader')).toEqual([`${BASE}sexual-health`]);
    expect(objects('sexual-health', 'narrower')).toEqual([`${BASE}teenage-pregnancy`]);
    expect(objects('teenage-parents', 'related')).toEqual([`${BASE}teenage-pregnancy`]);
    const label = quads.find(
      (q) => q.subject.value === `${BASE}sexual-health` && q.predicate.value === SKOS + 'prefLabel',
    );
    expect(label?.object.termType === 'Literal' && label.object.language).toBe('en-gb');
  });

  it('writes each concept as a skos:Concept in the scheme', () => {
    const quads = parseTurtle(toSkosTurtle(SAMPLE, { base: BASE }));
    const concepts = quads
      .filter((q) => q.object.value === SKOS + 'Concept')
      .map((q) => q.subject.value.slice(BASE.length));
    expect(concepts).toEqual(SAMPLE.map((c) => c.id));
    const inScheme = quads.filter((q) => q.predicate.value === SKOS + 'inScheme');
    expect(inScheme).toHaveLength(SAMPLE.length);
  });
});
