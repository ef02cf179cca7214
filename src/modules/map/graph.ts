import type { MapQuery, MapView } from './schema.js';

/**
 * The map of a locality as a graph, built from the register in memory (a locality holds a few
 * hundred partnerships at most, so one read of each table and a pass over them is enough).
 * Everything here is pure: the service decides what the viewer may see before calling it.
 */

export const OPEN_STATUSES = new Set(['proposed', 'active']);

export interface SourcePartnership {
  id: string;
  reference: string;
  name: string;
  purpose: string;
  basis: string;
  basis_detail: string | null;
  layer: string;
  status: string;
  parent_id: string | null;
  closed_on: string | null;
  themes: string[];
}

export interface SourceOrganisation {
  id: string;
  name: string;
  sector: string;
  org_type: string;
  status: string;
}

export interface SourceMembership {
  partnership_id: string;
  organisation_id: string;
  role: string;
  /** Null for viewers who may not read named representatives. */
  representative: string | null;
  ended_on: string | null;
}

/** What the graph is built from: only what the viewer may see. */
export interface MapSource {
  locality: { gss_code: string; name: string };
  restricted: boolean;
  partnerships: SourcePartnership[];
  organisations: SourceOrganisation[];
  memberships: SourceMembership[];
}

export interface MapNode {
  id: string;
  recordId: string;
  type: 'partnership' | 'organisation';
  label: string;
  url: string;
  reference: string | null;
  layer: string | null;
  themes: string[];
  status: string;
  sector: string | null;
  organisationType: string | null;
  isLsp: boolean;
  isOrphan: boolean;
  degree: number;
}

export interface MapEdge {
  id: string;
  source: string;
  target: string;
  type: 'membership' | 'shared-members';
  weight: number;
  roles: string[];
  /** Present only for readers of restricted material. */
  representatives?: string[];
  shared: Array<{ id: string; name: string }>;
}

export interface MapFigures {
  /** Partnerships on the map. */
  partnerships: number;
  /** Organisations holding at least one of the seats counted below. */
  organisations: number;
  /** Seats on the partnerships on the map. */
  memberships: number;
  /** Edges drawn: one per partnership–organisation pair, or one per pair of partnerships sharing members. */
  links: number;
  /** Open partnerships of the locality (whatever the filters) not connected to the LSP. */
  orphans: number;
}

export interface MapGraph {
  view: MapView;
  nodes: MapNode[];
  edges: MapEdge[];
  figures: MapFigures;
}

export interface NestingFlags {
  lspId?: string;
  orphanIds: ReadonlySet<string>;
}

export const partnershipNodeId = (id: string): string => `p-${id}`;
export const organisationNodeId = (id: string): string => `o-${id}`;

/** Whether a partnership passes the map's partnership filters (status, theme, layer). */
export function matchesFilters(
  p: Pick<SourcePartnership, 'status' | 'themes' | 'layer'>,
  q: Pick<MapQuery, 'status' | 'theme' | 'layer'>,
): boolean {
  if (q.status === 'open' ? !OPEN_STATUSES.has(p.status) : q.status !== 'all' && p.status !== q.status) return false;
  if (q.theme && !p.themes.includes(q.theme)) return false;
  if (q.layer && p.layer !== q.layer) return false;
  return true;
}

/**
 * The seats a partnership's map shows: the current seats of an open partnership, and for one
 * that has closed (or been merged or nested), the seats it had when it closed, so a map of
 * closed partnerships still shows who sat on them.
 */
export function mapSeats(p: SourcePartnership, seats: SourceMembership[]): SourceMembership[] {
  if (OPEN_STATUSES.has(p.status)) return seats.filter((m) => m.ended_on === null);
  const ends = seats.map((m) => m.ended_on).filter((d): d is string => d !== null);
  const closedOn = p.closed_on ?? ends.sort().at(-1);
  return seats.filter((m) => m.ended_on === null || (closedOn !== undefined && m.ended_on >= closedOn));
}

export function buildGraph(source: MapSource, nesting: NestingFlags, q: MapQuery): MapGraph {
  const base = `/localities/${source.locality.gss_code}`;
  const partnerships = source.partnerships.filter((p) => matchesFilters(p, q)).sort(byName);
  const shown = new Map(partnerships.map((p) => [p.id, p]));
  const organisations = new Map(
    source.organisations.filter((o) => !q.sector || o.sector === q.sector).map((o) => [o.id, o]),
  );

  const seatsByPartnership = new Map<string, SourceMembership[]>();
  for (const m of source.memberships) {
    if (!shown.has(m.partnership_id) || !organisations.has(m.organisation_id)) continue;
    const list = seatsByPartnership.get(m.partnership_id) ?? [];
    list.push(m);
    seatsByPartnership.set(m.partnership_id, list);
  }
  const seats = partnerships.flatMap((p) => mapSeats(p, seatsByPartnership.get(p.id) ?? []));

  // One membership edge per partnership–organisation pair: an organisation can hold two seats.
  const pairs = new Map<string, { partnershipId: string; organisationId: string; seats: SourceMembership[] }>();
  for (const m of seats) {
    const key = `${m.partnership_id}|${m.organisation_id}`;
    const pair = pairs.get(key) ?? { partnershipId: m.partnership_id, organisationId: m.organisation_id, seats: [] };
    pair.seats.push(m);
    pairs.set(key, pair);
  }
  const seated = new Set([...pairs.values()].map((p) => p.organisationId));

  let edges: MapEdge[];
  if (q.view === 'network') {
    edges = [...pairs.values()].map(({ partnershipId, organisationId, seats: held }) => ({
      id: `m-${partnershipId}-${organisationId}`,
      source: partnershipNodeId(partnershipId),
      target: organisationNodeId(organisationId),
      type: 'membership' as const,
      weight: held.length,
      roles: unique(held.map((s) => s.role)),
      ...(source.restricted
        ? { representatives: unique(held.map((s) => s.representative).filter((r): r is string => !!r)) }
        : {}),
      shared: [],
    }));
  } else {
    edges = sharedMemberEdges(partnerships, [...pairs.values()], organisations, q.min);
  }

  const degree = new Map<string, number>();
  for (const e of edges) {
    degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
    degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
  }
  const nodes: MapNode[] = partnerships.map((p) => ({
    id: partnershipNodeId(p.id),
    recordId: p.id,
    type: 'partnership',
    label: p.name,
    url: `${base}/partnerships/${p.id}`,
    reference: p.reference,
    layer: p.layer,
    themes: p.themes,
    status: p.status,
    sector: null,
    organisationType: null,
    isLsp: p.id === nesting.lspId,
    isOrphan: nesting.orphanIds.has(p.id),
    degree: degree.get(partnershipNodeId(p.id)) ?? 0,
  }));
  if (q.view === 'network') {
    const orgNodes = [...seated]
      .map((id) => organisations.get(id))
      .filter((o): o is SourceOrganisation => !!o)
      .sort(byName)
      .map((o): MapNode => ({
        id: organisationNodeId(o.id),
        recordId: o.id,
        type: 'organisation',
        label: o.name,
        url: `${base}/organisations/${o.id}`,
        reference: null,
        layer: null,
        themes: [],
        status: o.status,
        sector: o.sector,
        organisationType: o.org_type,
        isLsp: false,
        isOrphan: false,
        degree: degree.get(organisationNodeId(o.id)) ?? 0,
      }));
    nodes.push(...orgNodes);
  }
  return {
    view: q.view,
    nodes,
    edges,
    figures: {
      partnerships: partnerships.length,
      organisations: seated.size,
      memberships: seats.length,
      links: edges.length,
      orphans: nesting.orphanIds.size,
    },
  };
}

/**
 * The partnerships view: an edge between two partnerships for each pair that shares member
 * organisations, weighted by how many. Built from an index of organisation → partnerships,
 * so only pairs that share someone are ever looked at.
 */
function sharedMemberEdges(
  partnerships: SourcePartnership[],
  pairs: Array<{ partnershipId: string; organisationId: string }>,
  organisations: Map<string, SourceOrganisation>,
  min: number,
): MapEdge[] {
  const order = new Map(partnerships.map((p, i) => [p.id, i]));
  const boardsOf = new Map<string, string[]>();
  for (const { partnershipId, organisationId } of pairs) {
    const list = boardsOf.get(organisationId) ?? [];
    list.push(partnershipId);
    boardsOf.set(organisationId, list);
  }
  const shared = new Map<string, { a: string; b: string; organisations: string[] }>();
  for (const [organisationId, boards] of boardsOf) {
    const sorted = [...boards].sort((x, y) => (order.get(x) ?? 0) - (order.get(y) ?? 0));
    for (let i = 0; i < sorted.length; i++) {
      for (let j = i + 1; j < sorted.length; j++) {
        const a = sorted[i] as string;
        const b = sorted[j] as string;
        const key = `${a}|${b}`;
        const entry = shared.get(key) ?? { a, b, organisations: [] };
        entry.organisations.push(organisationId);
        shared.set(key, entry);
      }
    }
  }
  return [...shared.values()]
    .filter((s) => s.organisations.length >= min)
    .map((s) => ({
      id: `s-${s.a}-${s.b}`,
      source: partnershipNodeId(s.a),
      target: partnershipNodeId(s.b),
      type: 'shared-members' as const,
      weight: s.organisations.length,
      roles: [],
      shared: s.organisations
        .map((id) => ({ id, name: organisations.get(id)?.name ?? '' }))
        .sort((x, y) => x.name.localeCompare(y.name, 'en-GB')),
    }))
    .sort((x, y) => y.weight - x.weight || x.id.localeCompare(y.id));
}

/** By name, then by id, so two records of one name always come out in the same order. */
function byName<T extends { name: string; id: string }>(a: T, b: T): number {
  return a.name.localeCompare(b.name, 'en-GB', { sensitivity: 'base' }) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
