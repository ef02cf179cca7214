import { stringify } from 'csv-stringify/sync';
import { escapeFormula } from '../exchange/csv.js';
import type { MapEdge, MapGraph, MapNode } from './graph.js';

/**
 * The map as files for other tools: CSV (a nodes file and an edges file, as Kumu and Gephi's
 * spreadsheet import read them), GraphML and GEXF 1.3 (Gephi, yEd, Cytoscape desktop).
 * Each holds exactly the nodes and edges of the graph given, so an export matches the filters
 * of the page it was taken from.
 */

export const NODE_COLUMNS = [
  'id',
  'type',
  'label',
  'reference',
  'layer',
  'themes',
  'status',
  'sector',
  'organisation_type',
  'is_lsp',
  'is_orphan',
  'degree',
  'url',
] as const;
export const EDGE_COLUMNS = [
  'id',
  'source',
  'target',
  'type',
  'weight',
  'roles',
  'representatives',
  'shared_members',
] as const;

type Row = Record<string, string | number | boolean>;

function nodeRow(n: MapNode, labels: ExportLabels): Row {
  return {
    id: n.id,
    type: n.type,
    label: n.label,
    reference: n.reference ?? '',
    layer: n.layer ?? '',
    themes: n.themes.map((t) => labels.theme(t)).join('; '),
    status: n.status,
    sector: n.sector ?? '',
    organisation_type: n.organisationType ?? '',
    is_lsp: n.isLsp,
    is_orphan: n.isOrphan,
    degree: n.degree,
    url: labels.baseUrl + n.url,
  };
}

function edgeRow(e: MapEdge): Row {
  return {
    id: e.id,
    source: e.source,
    target: e.target,
    type: e.type,
    weight: e.weight,
    roles: e.roles.join('; '),
    representatives: (e.representatives ?? []).join('; '),
    shared_members: e.shared.map((s) => s.name).join('; '),
  };
}

export interface ExportLabels {
  theme(code: string): string;
  /** Prefix for record addresses, e.g. https://joinedup.example (empty: relative addresses). */
  baseUrl: string;
}

/** One CSV file with a byte-order mark (Excel then reads UTF-8) and CRLF line ends. */
export function mapCsv(graph: MapGraph, kind: 'nodes' | 'edges', labels: ExportLabels): string {
  const columns: readonly string[] = kind === 'nodes' ? NODE_COLUMNS : EDGE_COLUMNS;
  const rows = kind === 'nodes' ? graph.nodes.map((n) => nodeRow(n, labels)) : graph.edges.map(edgeRow);
  const records = rows.map((row) => columns.map((c) => escapeFormula(String(row[c] ?? ''))));
  return `\uFEFF${stringify([[...columns], ...records], { record_delimiter: '\r\n' })}`;
}

/** Characters XML 1.0 does not allow at all, even escaped. */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function xmlEscape(value: string | number | boolean): string {
  return String(value)
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

interface Attribute {
  id: string;
  title: string;
  type: 'string' | 'int' | 'boolean';
}

const NODE_ATTRIBUTES: Attribute[] = [
  { id: 'type', title: 'type', type: 'string' },
  { id: 'reference', title: 'reference', type: 'string' },
  { id: 'layer', title: 'layer', type: 'string' },
  { id: 'themes', title: 'themes', type: 'string' },
  { id: 'status', title: 'status', type: 'string' },
  { id: 'sector', title: 'sector', type: 'string' },
  { id: 'organisation_type', title: 'organisation type', type: 'string' },
  { id: 'is_lsp', title: 'is the LSP', type: 'boolean' },
  { id: 'is_orphan', title: 'orphan', type: 'boolean' },
  { id: 'url', title: 'record', type: 'string' },
];
const EDGE_ATTRIBUTES: Attribute[] = [
  { id: 'type', title: 'type', type: 'string' },
  { id: 'roles', title: 'roles', type: 'string' },
  { id: 'representatives', title: 'representatives', type: 'string' },
  { id: 'shared_members', title: 'shared members', type: 'string' },
];

export interface GraphDocumentInfo {
  title: string;
  labels: ExportLabels;
}

/** GraphML (http://graphml.graphdrawing.org): keys for every attribute, an undirected graph. */
export function mapGraphml(graph: MapGraph, info: GraphDocumentInfo): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    `  <desc>${xmlEscape(info.title)}</desc>`,
    '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
    ...NODE_ATTRIBUTES.map(
      (a) => `  <key id="n_${a.id}" for="node" attr.name="${xmlEscape(a.title)}" attr.type="${a.type}"/>`,
    ),
    '  <key id="weight" for="edge" attr.name="weight" attr.type="int"/>',
    ...EDGE_ATTRIBUTES.map(
      (a) => `  <key id="e_${a.id}" for="edge" attr.name="${xmlEscape(a.title)}" attr.type="${a.type}"/>`,
    ),
    `  <graph id="${xmlEscape(graph.view)}" edgedefault="undirected">`,
  ];
  for (const n of graph.nodes) {
    const row = nodeRow(n, info.labels);
    lines.push(`    <node id="${xmlEscape(n.id)}">`, `      <data key="label">${xmlEscape(n.label)}</data>`);
    for (const a of NODE_ATTRIBUTES)
      if (row[a.id] !== '') lines.push(`      <data key="n_${a.id}">${xmlEscape(row[a.id] ?? '')}</data>`);
    lines.push('    </node>');
  }
  for (const e of graph.edges) {
    const row = edgeRow(e);
    lines.push(
      `    <edge id="${xmlEscape(e.id)}" source="${xmlEscape(e.source)}" target="${xmlEscape(e.target)}">`,
      `      <data key="weight">${e.weight}</data>`,
    );
    for (const a of EDGE_ATTRIBUTES)
      if (row[a.id] !== '') lines.push(`      <data key="e_${a.id}">${xmlEscape(row[a.id] ?? '')}</data>`);
    lines.push('    </edge>');
  }
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}

/** GEXF 1.3 (https://gexf.net): declared attributes, native edge weights, undirected. */
export function mapGexf(graph: MapGraph, info: GraphDocumentInfo & { modified: string }): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    `  <meta lastmodifieddate="${xmlEscape(info.modified)}">`,
    '    <creator>Joined Up</creator>',
    `    <description>${xmlEscape(info.title)}</description>`,
    '  </meta>',
    '  <graph mode="static" defaultedgetype="undirected">',
    '    <attributes class="node">',
    ...NODE_ATTRIBUTES.map((a) => `      <attribute id="${a.id}" title="${xmlEscape(a.title)}" type="${a.type}"/>`),
    '    </attributes>',
    '    <attributes class="edge">',
    ...EDGE_ATTRIBUTES.map((a) => `      <attribute id="${a.id}" title="${xmlEscape(a.title)}" type="${a.type}"/>`),
    '    </attributes>',
    '    <nodes>',
  ];
  for (const n of graph.nodes) {
    const row = nodeRow(n, info.labels);
    lines.push(`      <node id="${xmlEscape(n.id)}" label="${xmlEscape(n.label)}">`, '        <attvalues>');
    for (const a of NODE_ATTRIBUTES)
      if (row[a.id] !== '') lines.push(`          <attvalue for="${a.id}" value="${xmlEscape(row[a.id] ?? '')}"/>`);
    lines.push('        </attvalues>', '      </node>');
  }
  lines.push('    </nodes>', '    <edges>');
  for (const e of graph.edges) {
    const row = edgeRow(e);
    lines.push(
      `      <edge id="${xmlEscape(e.id)}" source="${xmlEscape(e.source)}" target="${xmlEscape(e.target)}" weight="${e.weight}">`,
      '        <attvalues>',
    );
    for (const a of EDGE_ATTRIBUTES)
      if (row[a.id] !== '') lines.push(`          <attvalue for="${a.id}" value="${xmlEscape(row[a.id] ?? '')}"/>`);
    lines.push('        </attvalues>', '      </edge>');
  }
  lines.push('    </edges>', '  </graph>', '</gexf>', '');
  return lines.join('\n');
}
