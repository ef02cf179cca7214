import { choices } from '../../web/forms.js';
import { type ListLinks, pagination } from '../../web/listing.js';
import { LAYER_LABELS, SECTOR_LABELS, STATUS_LABELS } from '../register/schema.js';
import type { MapEdge, MapNode } from './graph.js';
import type { MapQuery } from './schema.js';
import type { MapResult } from './service.js';

const DEFAULTS: Partial<Record<keyof MapQuery, string | number>> = {
  view: 'network',
  status: 'open',
  min: 4,
  colour: 'theme',
  sort: 'name',
  order: 'asc',
  partnershipsPage: 1,
  organisationsPage: 1,
  pairsPage: 1,
};

/** Rows a page in each of the map's tables: the page stays short however large the locality. */
export const MAP_TABLE_PAGE_SIZE = 20;

const TABLE_KEYS: Array<keyof MapQuery> = [
  'view',
  'theme',
  'layer',
  'status',
  'sector',
  'min',
  'colour',
  'sort',
  'order',
  'asAt',
];

/** The query string of a map, without the values that are the defaults. */
export function mapQueryString(q: Partial<MapQuery>, keys: Array<keyof MapQuery> = TABLE_KEYS): string {
  const params = new URLSearchParams();
  for (const key of keys) {
    const value = q[key];
    if (value === undefined || value === '' || DEFAULTS[key] === value) continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export interface MemberCell {
  name: string;
  url: string;
  detail: string;
}

export interface PartnershipTableRow {
  node: MapNode;
  /** Network: its member organisations; partnerships view: the partnerships it shares members with. */
  links: MemberCell[];
}

export interface PairRow {
  edge: MapEdge;
  a: MapNode;
  b: MapNode;
}

export type MapTableName = 'partnerships' | 'organisations' | 'pairs';

const PAGE_KEYS = {
  partnerships: 'partnershipsPage',
  organisations: 'organisationsPage',
  pairs: 'pairsPage',
} as const satisfies Record<MapTableName, keyof MapQuery>;

/** One page of one of the map's tables, shown in its own tab (panel id `map-<name>`). */
export interface MapTablePage<T> {
  name: MapTableName;
  panelId: string;
  rows: T[];
  total: number;
  page: number;
  pages: number;
  /** 1-based positions of the first and last row shown. */
  from: number;
  to: number;
  pagination: ListLinks['pagination'] & { landmarkLabel: string };
}

/** Cuts a table into pages; each page link keeps the filters, the sort and the other tables' pages, and opens the table's tab. */
export function tablePage<T>(name: MapTableName, rows: T[], base: string, q: MapQuery): MapTablePage<T> {
  const key = PAGE_KEYS[name];
  const pages = Math.max(1, Math.ceil(rows.length / MAP_TABLE_PAGE_SIZE));
  const page = Math.min(q[key], pages);
  const start = (page - 1) * MAP_TABLE_PAGE_SIZE;
  const shown = rows.slice(start, start + MAP_TABLE_PAGE_SIZE);
  const panelId = `map-${name}`;
  const allKeys: Array<keyof MapQuery> = [...TABLE_KEYS, ...Object.values(PAGE_KEYS)];
  const at = (n: number) => `${base}${mapQueryString({ ...q, [key]: n }, allKeys)}#${panelId}`;
  return {
    name,
    panelId,
    rows: shown,
    total: rows.length,
    page,
    pages,
    from: rows.length ? start + 1 : 0,
    to: start + shown.length,
    pagination: { ...pagination(page, pages, at), landmarkLabel: `Pages of the ${name} table` },
  };
}

/**
 * The table alternative of the map: the same nodes and edges as the network, in tables a
 * screen reader and a keyboard can go through, sorted by name or by number of links, a page
 * of each at a time so the page stays short.
 */
export function mapTables(result: MapResult, base: string) {
  const tables = allMapRows(result);
  return {
    partnerships: tablePage('partnerships', tables.partnerships, base, result.query),
    organisations: tablePage('organisations', tables.organisations, base, result.query),
    pairs: tablePage('pairs', tables.pairs, base, result.query),
    themeText: tables.themeText,
  };
}

/** Every row of the map's tables, sorted as the query asks. */
export function allMapRows(result: MapResult) {
  const { graph, query: q, labels } = result;
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const linksOf = new Map<string, MemberCell[]>();
  const add = (id: string, cell: MemberCell) => {
    const list = linksOf.get(id) ?? [];
    list.push(cell);
    linksOf.set(id, list);
  };
  for (const e of graph.edges) {
    const source = byId.get(e.source);
    const target = byId.get(e.target);
    if (!source || !target) continue;
    if (e.type === 'membership') {
      const roles = e.roles.map((r) => r.replace('-', ' ')).join(', ');
      const people = e.representatives?.length ? ` – ${e.representatives.join(', ')}` : '';
      add(source.id, { name: target.label, url: target.url, detail: `${roles}${people}` });
      add(target.id, { name: source.label, url: source.url, detail: roles });
    } else {
      add(source.id, { name: target.label, url: target.url, detail: `${e.weight} shared` });
      add(target.id, { name: source.label, url: source.url, detail: `${e.weight} shared` });
    }
  }
  const direction = q.order === 'desc' ? -1 : 1;
  const byName = (a: MapNode, b: MapNode) => a.label.localeCompare(b.label, 'en-GB', { sensitivity: 'base' });
  const nodeOrder = (a: MapNode, b: MapNode) =>
    (q.sort === 'links' ? a.degree - b.degree || -byName(a, b) * direction : byName(a, b)) * direction;
  const rows = (type: MapNode['type']): PartnershipTableRow[] =>
    graph.nodes
      .filter((n) => n.type === type)
      .sort(nodeOrder)
      .map((node) => ({
        node,
        links: (linksOf.get(node.id) ?? []).sort((x, y) => x.name.localeCompare(y.name, 'en-GB')),
      }));
  const pairs: PairRow[] = graph.edges
    .filter((e) => e.type === 'shared-members')
    .map((edge) => ({ edge, a: byId.get(edge.source) as MapNode, b: byId.get(edge.target) as MapNode }))
    .sort(
      (x, y) =>
        (q.sort === 'links'
          ? x.edge.weight - y.edge.weight || -byName(x.a, y.a) * direction
          : byName(x.a, y.a) || byName(x.b, y.b)) * direction,
    );
  const themeText = (n: MapNode) => n.themes.map((t) => labels.theme[t] ?? t).join(', ');
  return { partnerships: rows('partnership'), organisations: rows('organisation'), pairs, themeText };
}

/**
 * Sort links for the tables' headers, keeping the filters and going back to each table's first
 * page; each link opens the tab of the table it sorts. aria-sort for the current column.
 */
export function sortLinks(base: string, q: MapQuery) {
  const aria = (sort: 'name' | 'links') =>
    q.sort === sort ? (q.order === 'asc' ? 'ascending' : 'descending') : 'none';
  const forTable = (name: MapTableName) => {
    const link = (sort: 'name' | 'links') => {
      const current = q.sort === sort;
      const order = current ? (q.order === 'asc' ? 'desc' : 'asc') : sort === 'name' ? 'asc' : 'desc';
      return `${base}${mapQueryString({ ...q, sort, order })}#map-${name}`;
    };
    return {
      sort: { name: link('name'), links: link('links') },
      ariaSort: { name: aria('name'), links: aria('links') },
    };
  };
  return { partnerships: forTable('partnerships'), organisations: forTable('organisations'), pairs: forTable('pairs') };
}

export function mapFilters(result: MapResult) {
  const q = result.query;
  const statusOptions = [
    { value: 'open', text: result.restricted ? 'Open (active and proposed)' : 'Open (active)' },
    { value: 'all', text: 'Any status' },
    ...Object.entries(STATUS_LABELS)
      .filter(([value]) => result.restricted || value !== 'proposed')
      .map(([value, text]) => ({ value, text })),
  ];
  return {
    view: [
      {
        value: 'network',
        text: 'Partnerships and their member organisations',
        hint: { text: 'A line joins each partnership to each organisation with a seat on it' },
        checked: q.view === 'network',
      },
      {
        value: 'partnerships',
        text: 'Partnerships only',
        hint: { text: 'A line joins two partnerships that share member organisations; thicker for more' },
        checked: q.view === 'partnerships',
      },
    ],
    theme: choices(
      result.themes.map((t) => ({ value: t.code, text: t.label })),
      q.theme,
      'All themes',
    ),
    layer: choices(
      Object.entries(LAYER_LABELS).map(([value, text]) => ({ value, text })),
      q.layer,
      'All layers',
    ),
    status: choices(statusOptions, q.status),
    sector: choices(
      Object.entries(SECTOR_LABELS).map(([value, text]) => ({ value, text })),
      q.sector,
      'All sectors',
    ),
  };
}
