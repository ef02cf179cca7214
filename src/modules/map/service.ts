import type { Principal } from '../../core/actor.js';
import { todayInLondon } from '../../core/dates.js';
import type { Db } from '../../db/database.js';
import type { Locality } from '../../db/tables.js';
import { canReadRestricted } from '../accounts/policy.js';
import type { ReferenceService, ReferenceSnapshot } from '../reference/service.js';
import { LAYER_LABELS, SECTOR_LABELS, STATUS_LABELS } from '../register/schema.js';
import { type RegisterService, isPublished } from '../register/service.js';
import { type ExportLabels, mapCsv, mapGexf, mapGraphml } from './exports.js';
import { type MapGraph, type MapSource, type SourcePartnership, buildGraph } from './graph.js';
import { type Nesting, buildNesting } from './nesting.js';
import { type MapQuery, mapQuery } from './schema.js';

export interface MapLabels {
  theme: Record<string, string>;
  layer: Record<string, string>;
  sector: Record<string, string>;
  status: Record<string, string>;
}

export interface MapResult {
  locality: Locality;
  /** Whether the viewer sees proposed partnerships and named representatives. */
  restricted: boolean;
  query: MapQuery;
  graph: MapGraph;
  labels: MapLabels;
  /** Themes used by the locality's partnerships, for the theme filter. */
  themes: Array<{ code: string; label: string }>;
  lsp?: { id: string; name: string };
}

export interface TreeResult {
  locality: Locality;
  restricted: boolean;
  nesting: Nesting;
  /** Open partnerships the viewer can see. */
  open: number;
  /** The past date the tree is shown as at, if any. */
  asAt?: string;
}

export type MapFormat = 'nodes.csv' | 'edges.csv' | 'graphml' | 'gexf';

export const EXPORT_TYPES: Record<MapFormat, string> = {
  'nodes.csv': 'text/csv; charset=utf-8',
  'edges.csv': 'text/csv; charset=utf-8',
  graphml: 'application/graphml+xml; charset=utf-8',
  gexf: 'application/gexf+xml; charset=utf-8',
};

interface Loaded {
  locality: Locality;
  restricted: boolean;
  source: MapSource;
  nesting: Nesting;
  reference: ReferenceSnapshot;
}

/**
 * The partnership map of a locality: the network, the nesting tree and their exports. It
 * obeys the register's rules for who sees what: proposed partnerships (and their seats) only
 * for readers of restricted material, and named representatives only for them too.
 */
export class MapService {
  constructor(
    private readonly db: Db,
    private readonly register: RegisterService,
    private readonly reference: ReferenceService,
  ) {}

  /** With `asAt`, the register as it stood at the end of that day (see register/as-at.ts). */
  private async load(principal: Principal, gssCode: string, asAt?: string): Promise<Loaded> {
    const locality = await this.register.locality(gssCode);
    const restricted = canReadRestricted(principal, locality);
    const visible = (p: { status: string }) => restricted || isPublished(p);
    // One query at a time: PGlite has one connection, and these are three quick reads.
    const then = asAt ? await this.register.snapshotAsAt(locality, asAt, this.db) : undefined;
    const partnerships = then
      ? then.partnerships
      : await this.register.partnerships.allForLocality(this.db, locality.id);
    const organisations = await this.register.organisations.allForLocality(this.db, locality.id);
    const memberships = then
      ? [...then.memberships.values()].flat()
      : await this.register.memberships.allForLocality(this.db, locality.id);
    const reference = await this.reference.snapshot(this.db);
    // Only the published fields of a partnership go further: the restricted ones are never copied.
    const all: SourcePartnership[] = partnerships.map((p) => ({
      id: p.id,
      reference: p.reference,
      name: p.name,
      purpose: p.purpose,
      basis: p.basis,
      basis_detail: p.basis_detail,
      layer: p.layer,
      status: p.status,
      parent_id: p.parent_id,
      closed_on: p.closed_on,
      themes: p.themes,
    }));
    const shown = new Set(all.filter(visible).map((p) => p.id));
    const source: MapSource = {
      locality: { gss_code: locality.gss_code, name: locality.name },
      restricted,
      partnerships: all.filter((p) => shown.has(p.id)),
      organisations: organisations.map((o) => ({
        id: o.id,
        name: o.name,
        sector: o.sector,
        org_type: o.org_type,
        status: o.status,
      })),
      memberships: memberships
        .filter((m) => shown.has(m.partnership_id))
        .map((m) => ({
          partnership_id: m.partnership_id,
          organisation_id: m.organisation_id,
          role: m.role,
          representative: restricted ? m.representative : null,
          ended_on: m.ended_on,
        })),
    };
    return { locality, restricted, source, nesting: buildNesting(all, visible), reference };
  }

  /**
   * A key that changes whenever this viewer's map for this query may have: the register's stamp,
   * the query, and today's date (seats and partnerships open and close by date).
   */
  async mapKey(principal: Principal, gssCode: string, query: unknown): Promise<string> {
    const q = mapQuery.parse(query ?? {});
    const { stamp } = await this.register.registerStamp(principal, gssCode);
    return `map|${stamp}|${todayInLondon()}|${JSON.stringify(q)}`;
  }

  async map(principal: Principal, gssCode: string, query: unknown): Promise<MapResult> {
    const q = mapQuery.parse(query ?? {});
    const { locality, restricted, source, nesting, reference } = await this.load(principal, gssCode, q.asAt);
    const graph = buildGraph(source, { lspId: nesting.lsp?.id, orphanIds: nesting.orphanIds }, q);
    const used = new Set(source.partnerships.flatMap((p) => p.themes));
    const themes = reference
      .items('theme', true)
      .filter((t) => used.has(t.code))
      .map((t) => ({ code: t.code, label: t.label }));
    return {
      locality,
      restricted,
      query: q,
      graph,
      labels: {
        theme: Object.fromEntries(reference.items('theme', true).map((t) => [t.code, t.label])),
        layer: { ...LAYER_LABELS },
        sector: { ...SECTOR_LABELS },
        status: { ...STATUS_LABELS },
      },
      themes,
      lsp: nesting.lsp ? { id: nesting.lsp.id, name: nesting.lsp.name } : undefined,
    };
  }

  /** The nesting tree, today or (with `asAt`) as it stood at the end of that day. */
  async tree(principal: Principal, gssCode: string, asAt?: string): Promise<TreeResult> {
    const { locality, restricted, source, nesting } = await this.load(principal, gssCode, asAt);
    const open = source.partnerships.filter((p) => p.status === 'active' || p.status === 'proposed').length;
    return { locality, restricted, nesting, open, asAt };
  }

  /** One export file of the map as filtered by `query`; `baseUrl` makes the record links absolute. */
  async exportMap(
    principal: Principal,
    gssCode: string,
    query: unknown,
    format: MapFormat,
    baseUrl = '',
  ): Promise<{ filename: string; contentType: string; body: string }> {
    const result = await this.map(principal, gssCode, query);
    const labels: ExportLabels = { theme: (code) => result.labels.theme[code] ?? code, baseUrl };
    const title = `Partnership map of ${result.locality.name}: ${describeMap(result)}`;
    const stem = `${result.locality.gss_code}-map-${result.query.view}`;
    const body =
      format === 'graphml'
        ? mapGraphml(result.graph, { title, labels })
        : format === 'gexf'
          ? mapGexf(result.graph, { title, labels, modified: new Date().toISOString().slice(0, 10) })
          : mapCsv(result.graph, format === 'nodes.csv' ? 'nodes' : 'edges', labels);
    return {
      filename: `${stem}-${format.replace('.csv', '')}.${format.endsWith('csv') ? 'csv' : format}`,
      contentType: EXPORT_TYPES[format],
      body,
    };
  }
}

/** What a map shows, in words, e.g. "open partnerships and their member organisations; theme: Housing". */
export function describeMap(result: Pick<MapResult, 'query' | 'labels'>): string {
  const q = result.query;
  const which =
    q.status === 'open'
      ? 'open partnerships'
      : q.status === 'all'
        ? 'partnerships of every status'
        : `${result.labels.status[q.status]?.toLowerCase()} partnerships`;
  const parts = [
    q.view === 'network'
      ? `${which} and their member organisations`
      : `${which} linked where they share ${q.min === 1 ? 'a member' : `at least ${q.min} members`}`,
    q.theme ? `theme: ${result.labels.theme[q.theme] ?? q.theme}` : undefined,
    q.layer ? `layer: ${result.labels.layer[q.layer]?.toLowerCase()}` : undefined,
    q.sector ? `members from the ${result.labels.sector[q.sector]?.toLowerCase()} sector only` : undefined,
  ].filter(Boolean);
  return parts.join('; ');
}
