/**
 * The thesaurus as SKOS Core (https://www.w3.org/TR/skos-reference/), so other tools (search,
 * vocabulary editors, IPSV-style registries) can read it: JSON-LD for programs, Turtle for
 * people and RDF stores. Pure functions: concepts in, text out.
 *
 * Each concept becomes a `skos:Concept` at `<base><id>` in one `skos:ConceptScheme` at
 * `<base>scheme`; each field becomes a `skos:Collection` at `<base>field/<field>`. Narrower
 * links are derived from broader ones and `skos:related` is written both ways, as SKOS
 * defines them. Age ranges have no SKOS term, so they use two properties of the product's
 * own vocabulary at `<base>vocab#`.
 */
import { withRelatedBothWays } from './relations.js';
import { FIELDS, type ConceptDefinition, type Field } from './types.js';

const SKOS = 'http://www.w3.org/2004/02/skos/core#';
const DCT = 'http://purl.org/dc/terms/';
const XSD = 'http://www.w3.org/2001/XMLSchema#';
const LANGUAGE = 'en-GB';

export interface SkosOptions {
  /** Absolute URI the concept ids are appended to, ending in `/` or `#`. */
  base: string;
  /** The scheme's title; defaults to the product's name for it. */
  title?: string;
  /** The scheme's version, e.g. the date of the default thesaurus. */
  version?: string;
}

/** The same graph for both serialisations: what each concept says, with derived links. */
interface SkosConcept {
  uri: string;
  concept: ConceptDefinition;
  narrower: string[];
  related: string[];
  isTop: boolean;
}

interface SkosGraph {
  base: string;
  schemeUri: string;
  vocabUri: string;
  title: string;
  version?: string;
  concepts: SkosConcept[];
  fields: { field: Field; uri: string; members: string[] }[];
}

function buildGraph(written: readonly ConceptDefinition[], options: SkosOptions): SkosGraph {
  const base = checkedBase(options.base);
  const uriOf = (id: string): string => base + id;
  const concepts = withRelatedBothWays(written);
  const narrower = new Map<string, string[]>();
  for (const concept of concepts) {
    for (const parent of concept.broader) narrower.set(parent, [...(narrower.get(parent) ?? []), concept.id]);
  }
  return {
    base,
    schemeUri: `${base}scheme`,
    vocabUri: `${base}vocab#`,
    title: options.title ?? 'Joined Up public-service thesaurus',
    version: options.version,
    concepts: concepts.map((concept) => ({
      uri: uriOf(concept.id),
      concept,
      narrower: (narrower.get(concept.id) ?? []).map(uriOf),
      related: concept.related.map(uriOf),
      isTop: concept.broader.length === 0,
    })),
    fields: FIELDS.map((field) => ({
      field,
      uri: `${base}field/${field}`,
      members: concepts.filter((concept) => concept.field === field).map((concept) => uriOf(concept.id)),
    })).filter((collection) => collection.members.length > 0),
  };
}

/** Concept ids are appended as they are, so the base must end where an id can start. */
function checkedBase(base: string): string {
  if (!/^[a-z][a-z0-9+.-]*:[^\s<>"{}|\\^`]*[/#]$/i.test(base)) {
    throw new Error(`The SKOS base must be an absolute URI ending in "/" or "#", not "${base}"`);
  }
  return base;
}

function fieldTitle(field: Field): string {
  const words = field.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

type JsonLdNode = Record<string, unknown>;

const text = (value: string): JsonLdNode => ({ '@value': value, '@language': LANGUAGE });
const ref = (uri: string): JsonLdNode => ({ '@id': uri });

/** JSON-LD (compacted with the `skos:`, `dct:` and `ju:` prefixes), as a JSON string. */
export function toSkosJsonLd(concepts: readonly ConceptDefinition[], options: SkosOptions): string {
  const graph = buildGraph(concepts, options);
  const scheme: JsonLdNode = {
    '@id': graph.schemeUri,
    '@type': 'skos:ConceptScheme',
    'dct:title': text(graph.title),
    ...(graph.version ? { 'owl:versionInfo': graph.version } : {}),
    'skos:hasTopConcept': graph.concepts.filter((c) => c.isTop).map((c) => ref(c.uri)),
  };
  const nodes: JsonLdNode[] = graph.concepts.map(({ uri, concept, narrower, related, isTop }) => ({
    '@id': uri,
    '@type': 'skos:Concept',
    'skos:prefLabel': text(concept.label),
    'skos:altLabel': concept.altLabels.map(text),
    'skos:broader': concept.broader.map((id) => ref(graph.base + id)),
    'skos:narrower': narrower.map(ref),
    'skos:related': related.map(ref),
    ...(concept.scopeNote ? { 'skos:scopeNote': text(concept.scopeNote) } : {}),
    ...(concept.ages ? { 'ju:minAge': concept.ages[0], 'ju:maxAge': concept.ages[1] } : {}),
    'skos:inScheme': ref(graph.schemeUri),
    ...(isTop ? { 'skos:topConceptOf': ref(graph.schemeUri) } : {}),
  }));
  const collections: JsonLdNode[] = graph.fields.map(({ field, uri, members }) => ({
    '@id': uri,
    '@type': 'skos:Collection',
    'skos:prefLabel': text(fieldTitle(field)),
    'skos:member': members.map(ref),
  }));
  const document = {
    '@context': {
      skos: SKOS,
      dct: DCT,
      owl: 'http://www.w3.org/2002/07/owl#',
      ju: graph.vocabUri,
      'ju:minAge': { '@type': `${XSD}integer` },
      'ju:maxAge': { '@type': `${XSD}integer` },
    },
    '@graph': [scheme, ...nodes, ...collections],
  };
  return JSON.stringify(document, null, 2);
}

/** A Turtle string literal: backslash, quote and line breaks escaped (Turtle 1.1 ECHAR). */
function turtleString(value: string, language: string | null = LANGUAGE): string {
  const escaped = value.replace(/[\\"\n\r\t\b\f]/g, (char) => {
    const escapes: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };
    return escapes[char] ?? `\\${char}`;
  });
  return language ? `"${escaped}"@${language}` : `"${escaped}"`;
}

function turtleSubject(uri: string, type: string, predicates: [string, string[]][]): string {
  const lines = predicates
    .filter(([, objects]) => objects.length > 0)
    .map(([predicate, objects]) => `    ${predicate} ${objects.join(', ')}`);
  return `<${uri}> a ${type} ;\n${lines.join(' ;\n')} .\n`;
}

/** Turtle, with one block per concept. */
export function toSkosTurtle(concepts: readonly ConceptDefinition[], options: SkosOptions): string {
  const graph = buildGraph(concepts, options);
  const iri = (uri: string): string => `<${uri}>`;
  const prefixes = [
    `@prefix skos: <${SKOS}> .`,
    `@prefix dct: <${DCT}> .`,
    '@prefix owl: <http://www.w3.org/2002/07/owl#> .',
    `@prefix xsd: <${XSD}> .`,
    `@prefix ju: <${graph.vocabUri}> .`,
    '',
  ].join('\n');
  const scheme = turtleSubject(graph.schemeUri, 'skos:ConceptScheme', [
    ['dct:title', [turtleString(graph.title)]],
    ['owl:versionInfo', graph.version ? [turtleString(graph.version, null)] : []],
    ['skos:hasTopConcept', graph.concepts.filter((c) => c.isTop).map((c) => iri(c.uri))],
  ]);
  const blocks = graph.concepts.map(({ uri, concept, narrower, related, isTop }) =>
    turtleSubject(uri, 'skos:Concept', [
      ['skos:prefLabel', [turtleString(concept.label)]],
      ['skos:altLabel', concept.altLabels.map((label) => turtleString(label))],
      ['skos:broader', concept.broader.map((id) => iri(graph.base + id))],
      ['skos:narrower', narrower.map(iri)],
      ['skos:related', related.map(iri)],
      ['skos:scopeNote', concept.scopeNote ? [turtleString(concept.scopeNote)] : []],
      ['ju:minAge', concept.ages ? [`"${concept.ages[0]}"^^xsd:integer`] : []],
      ['ju:maxAge', concept.ages ? [`"${concept.ages[1]}"^^xsd:integer`] : []],
      ['skos:inScheme', [iri(graph.schemeUri)]],
      ['skos:topConceptOf', isTop ? [iri(graph.schemeUri)] : []],
    ]),
  );
  const collections = graph.fields.map(({ field, uri, members }) =>
    turtleSubject(uri, 'skos:Collection', [
      ['skos:prefLabel', [turtleString(fieldTitle(field))]],
      ['skos:member', members.map(iri)],
    ]),
  );
  return [prefixes, scheme, ...blocks, ...collections].join('\n');
}
