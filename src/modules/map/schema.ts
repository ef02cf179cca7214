import { z } from 'zod';
import { isoDate } from '../../core/validation.js';
import { LAYERS, SECTORS, STATUSES } from '../register/schema.js';

export const MAP_VIEWS = ['network', 'partnerships'] as const;
export type MapView = (typeof MAP_VIEWS)[number];

/** `open` (the default) is proposed and active together; `all` is every status. */
export const MAP_STATUSES = ['open', 'all', ...STATUSES] as const;

const optionalQueryText = z
  .string()
  .trim()
  .max(200)
  .optional()
  .transform((v) => (v ? v : undefined));

/** Pages only: which page of one of the tables is shown (20 rows a page). */
const tablePage = z.coerce
  .number()
  .int()
  .min(1)
  .max(100_000)
  .default(1)
  .catch(1)
  .meta({ description: 'Pages only: the page of a table' });

/**
 * The map's filters, as they arrive in a page's or an API call's query string. Like the
 * register's list, a value it does not know falls back to the default rather than failing,
 * so an old bookmark still opens a map.
 */
export const mapQuery = z.object({
  view: z.enum(MAP_VIEWS).default('network').catch('network').meta({
    description:
      'network: partnerships and organisations, an edge per membership; partnerships: partnerships only, an edge where two share members, weighted by how many',
  }),
  theme: optionalQueryText.meta({
    description: 'A theme code (reference list "theme"): only partnerships with this theme',
  }),
  layer: z.enum(LAYERS).optional().catch(undefined),
  status: z.enum(MAP_STATUSES).default('open').catch('open').meta({
    description:
      'open (proposed and active, the default), all, or one status. Proposed partnerships are shown only to readers of restricted material',
  }),
  sector: z.enum(SECTORS).optional().catch(undefined).meta({
    description: 'Only member organisations of this sector (and, in the partnerships view, only they count as shared)',
  }),
  min: z.coerce.number().int().min(1).max(100).default(4).catch(4).meta({
    description:
      'Partnerships view: the fewest shared members that make a link (default 4: most boards share two or three, often the council and the police)',
  }),
  colour: z
    .enum(['theme', 'layer'])
    .default('theme')
    .catch('theme')
    .meta({ description: 'Pages only: what the network’s colours show' }),
  sort: z
    .enum(['name', 'links'])
    .default('name')
    .catch('name')
    .meta({ description: 'Pages only: how the tables are sorted' }),
  order: z.enum(['asc', 'desc']).default('asc').catch('asc'),
  partnershipsPage: tablePage,
  organisationsPage: tablePage,
  pairsPage: tablePage,
  asAt: isoDate('Enter a real date').optional().catch(undefined).meta({
    description:
      'YYYY-MM-DD: the map as it stood at the end of that day (partnerships that then existed, seats then held)',
  }),
});
export type MapQuery = z.infer<typeof mapQuery>;

/** The query of the JSON API: the same filters without what only pages use. */
export const mapApiQuery = mapQuery.omit({
  colour: true,
  sort: true,
  order: true,
  partnershipsPage: true,
  organisationsPage: true,
  pairsPage: true,
});

const nodeOutput = z.object({
  id: z.string().meta({ description: '“p-” or “o-” followed by the record’s id' }),
  recordId: z.uuid(),
  type: z.enum(['partnership', 'organisation']),
  label: z.string(),
  url: z.string().meta({ description: 'The record’s page' }),
  reference: z.string().nullable(),
  layer: z.string().nullable(),
  themes: z.array(z.string()),
  status: z.string(),
  sector: z.string().nullable(),
  organisationType: z.string().nullable(),
  isLsp: z.boolean(),
  isOrphan: z.boolean().meta({ description: 'An open partnership not connected to the LSP through its parents' }),
  degree: z.number().int().meta({ description: 'How many edges it has' }),
});

const edgeOutput = z.object({
  id: z.string(),
  source: z.string(),
  target: z.string(),
  type: z.enum(['membership', 'shared-members']),
  weight: z.number().int().meta({ description: 'Seats (membership) or shared member organisations (shared-members)' }),
  roles: z.array(z.string()).meta({ description: 'Membership: the roles held' }),
  representatives: z
    .array(z.string())
    .optional()
    .meta({ description: 'Restricted: named representatives, only for readers of restricted material' }),
  shared: z
    .array(z.object({ id: z.uuid(), name: z.string() }))
    .meta({ description: 'Shared members: the organisations on both boards' }),
});

export const mapOutput = z.object({
  locality: z.object({ gssCode: z.string(), name: z.string() }),
  view: z.enum(MAP_VIEWS),
  filters: z.object({
    theme: z.string().nullable(),
    layer: z.string().nullable(),
    status: z.string(),
    sector: z.string().nullable(),
    min: z.number().int(),
  }),
  restricted: z.boolean().meta({ description: 'Whether proposed partnerships and representatives are included' }),
  figures: z.object({
    partnerships: z.number().int(),
    organisations: z.number().int(),
    memberships: z.number().int(),
    links: z.number().int(),
    orphans: z.number().int(),
  }),
  labels: z.object({
    theme: z.record(z.string(), z.string()),
    layer: z.record(z.string(), z.string()),
    sector: z.record(z.string(), z.string()),
    status: z.record(z.string(), z.string()),
  }),
  nodes: z.array(nodeOutput),
  edges: z.array(edgeOutput),
});
