import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC, SYSTEM } from '../../core/actor.js';
import { type Person, type TestContext, createTestContext } from '../../../test/helpers/context.js';
import { backends } from '../../../test/helpers/database.js';
import { EDGE_COLUMNS, NODE_COLUMNS } from './exports.js';
import { MapService } from './service.js';

const CODE = 'E07000031';

/** Counts the elements named `tag` in an XML document (opening tags, self-closing or not). */
const countTags = (xml: string, tag: string) => (xml.match(new RegExp(`<${tag}[\\s>/]`, 'g')) ?? []).length;

/**
 * A tolerant well-formedness check without an XML package: every tag is closed in order, no
 * bare `&` or `<` in text or attribute values, and every attribute value is quoted.
 */
function checkXml(xml: string): void {
  const body = xml.replace(/^<\?xml[^>]*\?>\s*/, '');
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>/g;
  let last = 0;
  for (let m = tag.exec(body); m; m = tag.exec(body)) {
    const text = body.slice(last, m.index);
    expect(text, 'text between tags').not.toMatch(/<|&(?!(amp|lt|gt|quot|apos);)/);
    for (const value of (m[3] ?? '').matchAll(/="([^"]*)"/g))
      expect(value[1], 'attribute value').not.toMatch(/&(?!(amp|lt|gt|quot|apos);)/);
    const [, closing, name, , selfClosing] = m;
    if (closing) expect(stack.pop(), `closing </${name}>`).toBe(name);
    else if (!selfClosing) stack.push(name as string);
    last = m.index + m[0].length;
  }
  expect(body.slice(last).trim()).toBe('');
  expect(stack).toEqual([]);
}

describe.each(backends)('partnership map on %s', (backend) => {
  let ctx: TestContext;
  let map: MapService;
  let reader: Person;
  const id: Record<string, string> = {};

  beforeAll(async () => {
    ctx = await createTestContext(backend);
    const { register } = ctx.services;
    map = new MapService(ctx.database.db, register, ctx.services.reference);
    await register.createLocality(SYSTEM, {
      gssCode: CODE,
      name: 'Mapshire & <Vale>',
      kind: 'district',
      region: 'North West',
    });
    const org = async (key: string, name: string, sector: string) => {
      id[key] = (
        await register.createOrganisation(SYSTEM, CODE, {
          name,
          sector,
          orgType: sector === 'public' ? 'district-council' : 'charity',
        })
      ).id;
    };
    await org('council', 'Mapshire "District" Council', 'public');
    await org('police', 'Mapshire Police', 'public');
    await org('cvs', 'Mapshire CVS & Volunteers', 'voluntary');
    await org('trust', 'Riverside <Housing> Trust', 'voluntary');
    await org('shop', 'Corner Shop Ltd', 'private');
    const base = { basis: 'voluntary', legalForm: 'unincorporated' };
    const partnership = async (key: string, fields: Record<string, unknown>) => {
      id[key] = (
        await register.createPartnership(SYSTEM, CODE, { ...base, purpose: `The ${key} board`, ...fields })
      ).id;
    };
    await partnership('lsp', {
      name: 'Mapshire Together',
      purpose: 'The Local Strategic Partnership for Mapshire',
      layer: 'strategic',
      themes: ['community-cohesion'],
    });
    await partnership('safety', {
      name: 'Safer Mapshire',
      layer: 'executive',
      parentId: id.lsp,
      themes: ['community-safety'],
    });
    await partnership('asb', {
      name: 'ASB Group',
      layer: 'operational',
      parentId: id.safety,
      themes: ['community-safety', 'housing'],
    });
    await partnership('health', { name: 'Health Board', layer: 'strategic', themes: ['health-wellbeing'] });
    await partnership('forum', { name: 'Housing Forum', layer: 'operational', themes: ['housing'] });
    await partnership('draft', {
      name: 'Proposed Youth Board',
      layer: 'executive',
      status: 'proposed',
      parentId: id.lsp,
      themes: ['children-young-people'],
    });
    await partnership('old', { name: 'Old Regeneration Board', layer: 'executive', themes: ['economy-regeneration'] });
    const seat = (p: string, o: string, extra: Record<string, unknown> = {}) =>
      register.addMembership(SYSTEM, CODE, id[p] as string, { organisationId: id[o], role: 'member', ...extra });
    await seat('lsp', 'council', { role: 'chair', representative: 'Councillor Jane Secret' });
    await seat('lsp', 'police');
    await seat('lsp', 'cvs');
    await seat('safety', 'council');
    await seat('safety', 'police', { representative: 'Inspector A' });
    await seat('safety', 'police', { representative: 'Inspector B' });
    await seat('safety', 'trust');
    await seat('asb', 'police');
    await seat('asb', 'trust');
    await seat('health', 'council');
    await seat('forum', 'trust');
    await seat('forum', 'cvs');
    await seat('draft', 'council');
    await seat('draft', 'shop', { representative: 'Ms Hidden Person' });
    await seat('old', 'council');
    await seat('old', 'shop');
    const old = await register.getPartnership(SYSTEM, CODE, id.old as string);
    await register.closePartnership(SYSTEM, CODE, id.old as string, {
      closedOn: '2024-03-31',
      reason: 'Funding ended',
      version: old.partnership.version,
    });
    reader = await ctx.person([{ role: 'scrutiny-member', localityCode: CODE }]);
  });
  afterAll(() => ctx.close());

  it('draws partnerships and organisations as nodes and one edge per partnership–organisation pair', async () => {
    const result = await map.map(reader.principal, CODE, {});
    const partnerships = result.graph.nodes.filter((n) => n.type === 'partnership').map((n) => n.label);
    // Open partnerships only by default: the closed board is left out; the proposal is in for a reader.
    expect(partnerships).toEqual([
      'ASB Group',
      'Health Board',
      'Housing Forum',
      'Mapshire Together',
      'Proposed Youth Board',
      'Safer Mapshire',
    ]);
    expect(
      result.graph.nodes
        .filter((n) => n.type === 'organisation')
        .map((n) => n.label)
        .sort(),
    ).toEqual([
      'Corner Shop Ltd',
      'Mapshire "District" Council',
      'Mapshire CVS & Volunteers',
      'Mapshire Police',
      'Riverside <Housing> Trust',
    ]);
    // The police hold two seats on Safer Mapshire: one edge of weight 2, with both representatives.
    const police = result.graph.edges.find((e) => e.source === `p-${id.safety}` && e.target === `o-${id.police}`);
    expect(police).toMatchObject({ type: 'membership', weight: 2, roles: ['member'] });
    expect(police?.representatives?.sort()).toEqual(['Inspector A', 'Inspector B']);
    expect(result.graph.edges).toHaveLength(13);
    expect(result.graph.figures).toMatchObject({ partnerships: 6, organisations: 5, memberships: 14, links: 13 });
    const lsp = result.graph.nodes.find((n) => n.isLsp);
    expect(lsp?.label).toBe('Mapshire Together');
    expect(lsp?.degree).toBe(3);
  });

  it('keeps proposed partnerships, their seats and representatives’ names from the public', async () => {
    const result = await map.map(PUBLIC, CODE, {});
    expect(result.restricted).toBe(false);
    const labels = result.graph.nodes.map((n) => n.label);
    expect(labels).not.toContain('Proposed Youth Board');
    // The shop sits only on the proposal (and the closed board), so it is not on the public map.
    expect(labels).not.toContain('Corner Shop Ltd');
    expect(result.graph.edges.every((e) => e.representatives === undefined)).toBe(true);
    const json = JSON.stringify(result.graph);
    for (const secret of ['Councillor Jane Secret', 'Inspector A', 'Ms Hidden Person', 'Proposed Youth Board'])
      expect(json).not.toContain(secret);
    // Asking for proposals by name gives nothing either.
    expect((await map.map(PUBLIC, CODE, { status: 'proposed' })).graph.nodes).toEqual([]);
    // The exports follow the same rules.
    for (const format of ['nodes.csv', 'edges.csv', 'graphml', 'gexf'] as const) {
      const file = await map.exportMap(PUBLIC, CODE, {}, format);
      expect(file.body).not.toContain('Proposed Youth Board');
      expect(file.body).not.toContain('Inspector A');
    }
    const readerFile = await map.exportMap(reader.principal, CODE, {}, 'edges.csv');
    expect(readerFile.body).toContain('Inspector A');
  });

  it('links partnerships that share members, weighted by how many they share', async () => {
    const result = await map.map(reader.principal, CODE, { view: 'partnerships', min: '1' });
    expect(result.graph.nodes.every((n) => n.type === 'partnership')).toBe(true);
    const weight = (a: string, b: string) =>
      result.graph.edges.find((e) => [e.source, e.target].sort().join() === [`p-${id[a]}`, `p-${id[b]}`].sort().join())
        ?.weight;
    // Safer Mapshire (council, police, trust) and the LSP (council, police, cvs) share two.
    expect(weight('safety', 'lsp')).toBe(2);
    expect(weight('safety', 'asb')).toBe(2);
    expect(weight('forum', 'lsp')).toBe(1);
    expect(weight('health', 'forum')).toBeUndefined();
    // Every weight is the size of the intersection of the two boards, and names who.
    const boards = new Map<string, Set<string>>();
    const network = await map.map(reader.principal, CODE, {});
    for (const e of network.graph.edges)
      boards.set(e.source, (boards.get(e.source) ?? new Set()).add(e.target.slice(2)));
    for (const e of result.graph.edges) {
      const shared = [...(boards.get(e.source) ?? [])].filter((o) => boards.get(e.target)?.has(o));
      expect(e.weight).toBe(shared.length);
      expect(e.shared.map((s) => s.id).sort()).toEqual(shared.sort());
    }
    // The default link needs four shared members: none of these boards share that many.
    expect((await map.map(reader.principal, CODE, { view: 'partnerships' })).graph.edges).toEqual([]);
    expect((await map.map(reader.principal, CODE, { view: 'partnerships', min: '2' })).graph.edges).toHaveLength(2);
  });

  it('filters by theme, layer, status and member sector', async () => {
    const labels = async (query: Record<string, string>) =>
      (await map.map(reader.principal, CODE, query)).graph.nodes
        .filter((n) => n.type === 'partnership')
        .map((n) => n.label);
    expect(await labels({ theme: 'housing' })).toEqual(['ASB Group', 'Housing Forum']);
    expect(await labels({ layer: 'strategic' })).toEqual(['Health Board', 'Mapshire Together']);
    expect(await labels({ status: 'closed' })).toEqual(['Old Regeneration Board']);
    expect(await labels({ status: 'all', theme: 'economy-regeneration' })).toEqual(['Old Regeneration Board']);
    // A closed board still shows who sat on it when it closed.
    const closed = await map.map(reader.principal, CODE, { status: 'closed' });
    expect(closed.graph.edges).toHaveLength(2);
    // Sector: only voluntary members, so only their seats are edges.
    const voluntary = await map.map(reader.principal, CODE, { sector: 'voluntary' });
    expect(
      voluntary.graph.nodes
        .filter((n) => n.type === 'organisation')
        .map((n) => n.label)
        .sort(),
    ).toEqual(['Mapshire CVS & Volunteers', 'Riverside <Housing> Trust']);
    expect(voluntary.graph.edges.every((e) => e.target === `o-${id.cvs}` || e.target === `o-${id.trust}`)).toBe(true);
    // Unknown values fall back to the defaults, as the register's filters do.
    expect(
      (await map.map(reader.principal, CODE, { view: 'bogus', layer: 'nope', status: 'gone' })).query,
    ).toMatchObject({ view: 'network', layer: undefined, status: 'open' });
  });

  it('finds the LSP, nests sub-partnerships beneath it and calls out the orphans', async () => {
    const tree = await map.tree(reader.principal, CODE);
    expect(tree.nesting.lsp?.name).toBe('Mapshire Together');
    expect(tree.nesting.lspReason).toContain('says it is the Local Strategic Partnership');
    expect(tree.nesting.lsp?.children.map((c) => c.name)).toEqual(['Proposed Youth Board', 'Safer Mapshire']);
    expect(tree.nesting.lsp?.children[1]?.children.map((c) => c.name)).toEqual(['ASB Group']);
    expect(tree.nesting.orphans.map((o) => o.name)).toEqual(['Health Board', 'Housing Forum']);
    expect([...tree.nesting.orphanIds].sort()).toEqual([id.health, id.forum].sort());
    // The public do not see the proposal in the tree.
    const publicTree = await map.tree(PUBLIC, CODE);
    expect(publicTree.nesting.lsp?.children.map((c) => c.name)).toEqual(['Safer Mapshire']);
    // The map marks the same orphans.
    const result = await map.map(PUBLIC, CODE, {});
    expect(result.graph.nodes.filter((n) => n.isOrphan).map((n) => n.label)).toEqual(['Health Board', 'Housing Forum']);
    expect(result.graph.figures.orphans).toBe(2);
  });

  it('writes CSV files of nodes and edges with fixed columns', async () => {
    const nodes = await map.exportMap(reader.principal, CODE, {}, 'nodes.csv', 'https://joinedup.example');
    const lines = nodes.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(NODE_COLUMNS.join(','));
    expect(lines).toHaveLength(1 + 11);
    expect(nodes.body).toContain(`https://joinedup.example/localities/${CODE}/partnerships/${id.lsp}`);
    expect(nodes.body).toContain('"Mapshire ""District"" Council"');
    expect(nodes.contentType).toMatch(/^text\/csv/);
    const edges = await map.exportMap(reader.principal, CODE, { view: 'partnerships', min: '1' }, 'edges.csv');
    const edgeLines = edges.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(edgeLines[0]).toBe(EDGE_COLUMNS.join(','));
    const result = await map.map(reader.principal, CODE, { view: 'partnerships', min: '1' });
    expect(edgeLines).toHaveLength(1 + result.graph.edges.length);
    expect(edges.filename).toBe(`${CODE}-map-partnerships-edges.csv`);
  });

  it('writes well-formed GraphML and GEXF with every node, edge and attribute, escaped', async () => {
    for (const view of ['network', 'partnerships'] as const) {
      const query = { view, min: '1' };
      const result = await map.map(reader.principal, CODE, query);
      const graphml = (await map.exportMap(reader.principal, CODE, query, 'graphml')).body;
      const gexf = (await map.exportMap(reader.principal, CODE, query, 'gexf')).body;
      checkXml(graphml);
      checkXml(gexf);
      expect(countTags(graphml, 'node')).toBe(result.graph.nodes.length);
      expect(countTags(graphml, 'edge')).toBe(result.graph.edges.length);
      expect(countTags(gexf, 'node')).toBe(result.graph.nodes.length);
      expect(countTags(gexf, 'edge')).toBe(result.graph.edges.length);
      // Names with & < > " are escaped, in text and in attribute values.
      expect(graphml).toContain('Mapshire CVS &amp; Volunteers');
      expect(gexf).toContain(
        view === 'network' ? 'label="Riverside &lt;Housing&gt; Trust"' : 'value="Riverside &lt;Housing&gt; Trust"',
      );
      expect(graphml).toContain('<desc>Partnership map of Mapshire &amp; &lt;Vale&gt;');
      expect(gexf).not.toContain('<Housing>');
      // Node attributes: type, layer, themes, status, sector.
      for (const key of ['type', 'layer', 'themes', 'status', 'sector'])
        expect(gexf).toContain(`<attribute id="${key}"`);
      expect(graphml).toContain('<data key="n_layer">strategic</data>');
      if (view === 'partnerships') {
        for (const e of result.graph.edges)
          expect(gexf).toContain(`source="${e.source}" target="${e.target}" weight="${e.weight}"`);
      }
    }
  });

  it('serves the page, the tree, the exports and the JSON API, with the viewer’s rights', async () => {
    const page = await ctx.app.inject({ url: `/localities/${CODE}/map?theme=housing` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('id="map-partnerships-table"');
    expect(page.body).toContain('Housing Forum');
    expect(page.body).not.toContain('Safer Mapshire</a>');
    expect(page.body).toMatch(/<script type="module" src="\/static\/map.js" nonce="[^"]+"><\/script>/);
    const tree = await ctx.app.inject({ url: `/localities/${CODE}/map/tree` });
    expect(tree.statusCode).toBe(200);
    expect(tree.body).toContain('id="orphans"');
    const api = await ctx.app.inject({ url: `/api/v1/localities/${CODE}/map?view=partnerships&min=1` });
    expect(api.statusCode).toBe(200);
    const json = api.json() as {
      view: string;
      nodes: unknown[];
      edges: Array<{ weight: number }>;
      restricted: boolean;
    };
    expect(json.view).toBe('partnerships');
    expect(json.restricted).toBe(false);
    expect(json.nodes).toHaveLength(5);
    const asReader = await ctx.app.inject({ url: `/api/v1/localities/${CODE}/map`, headers: reader.headers });
    expect((asReader.json() as { restricted: boolean }).restricted).toBe(true);
    expect(asReader.body).toContain('Proposed Youth Board');
    const gexf = await ctx.app.inject({ url: `/localities/${CODE}/map/map.gexf?theme=housing` });
    expect(gexf.headers['content-type']).toMatch(/^application\/gexf\+xml/);
    expect(gexf.headers['content-disposition']).toContain('attachment');
    expect(countTags(gexf.body, 'node')).toBe(5); // two housing partnerships and their three member organisations
    const script = await ctx.app.inject({ url: '/assets/vendor/cytoscape.esm.min.mjs' });
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-type']).toMatch(/^text\/javascript/);
    expect((await ctx.app.inject({ url: '/localities/E07999999/map' })).statusCode).toBe(404);
  });
});
