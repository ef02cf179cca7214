// The partnership map's interactive network: progressive enhancement of /localities/:code/map.
// The page already holds the same data as tables; this draws it with Cytoscape.js (served by
// the app, no CDN), from the JSON API, with the page's filters. No inline script or style is
// needed: element styles are set through the DOM, which the CSP allows.
import cytoscape from '/assets/vendor/cytoscape.esm.min.mjs';

/** Fixed colours for the themes the register ships with; others take the next spare colour. */
const THEME_COLOURS = {
  'community-safety': '#d4351c',
  'health-wellbeing': '#00703c',
  'children-young-people': '#f47738',
  'older-people': '#912b88',
  'adult-social-care': '#d53880',
  'economy-regeneration': '#1d70b8',
  'employment-skills': '#28a197',
  housing: '#b58840',
  environment: '#85994b',
  transport: '#5694ca',
  'culture-leisure': '#f499be',
  'neighbourhood-renewal': '#6f72af',
  'community-cohesion': '#ffdd00',
  'substance-misuse': '#942514',
  education: '#003078',
  resilience: '#505a5f',
};
const SPARE_COLOURS = ['#4c2c92', '#0b0c0c', '#e9c46a', '#2a9d8f', '#8d6e63', '#ff8a65'];
const LAYER_COLOURS = { strategic: '#1d70b8', executive: '#f47738', operational: '#00703c' };
const NO_THEME = '#b1b4b6';
const ORGANISATION = '#ffffff';
const MAX_SLICES = 6;

const app = document.getElementById('map-app');
if (app) {
  init(app).catch((error) => {
    const status = document.getElementById('map-status');
    app.hidden = false;
    for (const hide of app.querySelectorAll(
      '.app-map__controls, .app-map__legend, #map-canvas, #map-keys, #map-node-list',
    ))
      hide.hidden = true;
    if (status)
      status.textContent = `The network could not be drawn (${error.message}). The tables below hold the same information.`;
  });
}

async function init(root) {
  const response = await fetch(root.dataset.api, {
    headers: { accept: 'application/json' },
    credentials: 'same-origin',
  });
  if (!response.ok) throw new Error(`the server answered ${response.status}`);
  const data = await response.json();

  root.hidden = false;
  document.getElementById('map-no-script').hidden = true;
  const container = document.getElementById('map-canvas');
  const status = document.getElementById('map-status');
  const colourSelect = document.getElementById('map-colour');
  const isNetwork = data.view === 'network';
  const themeColour = themeColours(data.labels.theme);

  const weights = data.edges.map((e) => e.weight);
  const maxWeight = Math.max(1, ...weights);
  const minWeight = Math.min(maxWeight, ...weights);
  const maxDegree = Math.max(1, ...data.nodes.map((n) => n.degree));

  const elements = [
    ...data.nodes.map((n) => ({
      group: 'nodes',
      data: { ...n, size: nodeSize(n, maxDegree), ...sliceData(n, 'theme', data, themeColour) },
      classes: [n.type, n.isLsp ? 'lsp' : '', n.isOrphan ? 'orphan' : ''].filter(Boolean).join(' '),
    })),
    ...data.edges.map((e) => ({
      group: 'edges',
      data: {
        ...e,
        width: edgeWidth(e.weight, minWeight, maxWeight, isNetwork),
        opacity: edgeOpacity(e.weight, minWeight, maxWeight, isNetwork),
      },
    })),
  ];

  const cy = cytoscape({
    container,
    elements,
    minZoom: 0.1,
    maxZoom: 4,
    boxSelectionEnabled: false,
    style: [
      {
        selector: 'node',
        style: {
          width: 'data(size)',
          height: 'data(size)',
          label: 'data(label)',
          'font-family': 'Helvetica Neue, Helvetica, Arial, sans-serif',
          // One font for a node's name whatever its state: Cytoscape sizes the name's box once,
          // so a bolder or larger font on selection ran out of it.
          'font-size': 13,
          color: '#0b0c0c',
          'text-valign': 'bottom',
          'text-margin-y': 3,
          // Names are shown whole, one at a time: on hover, on the selected node and for the LSP.
          // Every name on at once overlapped into an unreadable mass.
          'text-opacity': 0,
          'text-wrap': 'wrap',
          'text-max-width': 220,
          'text-background-color': '#ffffff',
          'text-background-opacity': 0,
          'text-background-padding': 2,
          'text-background-shape': 'round-rectangle',
          'text-border-width': 0,
          'text-border-color': '#0b0c0c',
          'text-border-opacity': 0,
          'border-width': 1,
          'border-color': '#0b0c0c',
          'background-color': 'data(fill)',
          'pie-size': '100%',
          ...pieStyle(),
        },
      },
      {
        selector: 'node.organisation',
        style: {
          shape: 'round-rectangle',
          'background-color': ORGANISATION,
          'border-color': '#505a5f',
          'border-width': 2,
        },
      },
      {
        selector: 'node.lsp',
        style: {
          'border-width': 5,
          'border-color': '#0b0c0c',
          'text-opacity': 1,
          'text-background-opacity': 0.85,
        },
      },
      {
        selector: 'node.labelled',
        style: {
          'text-opacity': 1,
          'text-background-opacity': 1,
          'text-border-width': 1,
          'text-border-opacity': 1,
          'z-index': 30,
        },
      },
      { selector: 'node.orphan', style: { 'border-style': 'dashed', 'border-width': 3 } },
      {
        selector: 'edge',
        style: {
          width: 'data(width)',
          'line-color': isNetwork ? '#b1b4b6' : '#6f777b',
          opacity: 'data(opacity)',
          'curve-style': 'haystack',
        },
      },
      { selector: '.faded', style: { opacity: 0.12, 'text-opacity': 0 } },
      { selector: 'edge.highlighted', style: { 'line-color': '#0b0c0c', opacity: 0.9, 'z-index': 9 } },
      { selector: 'node.highlighted', style: { 'z-index': 10 } },
      {
        selector: 'node.found',
        style: {
          'border-width': 6,
          'border-color': '#ffdd00',
          'border-style': 'solid',
          'z-index': 40,
          'text-background-color': '#ffdd00',
          'text-background-opacity': 1,
        },
      },
    ],
    layout: { name: 'preset' },
  });
  await runLayout(cy, data.nodes.length, data.edges.length);

  let selected;
  const ordered = cy.nodes().sort((a, b) => a.data('label').localeCompare(b.data('label'), 'en-GB'));

  function describe(node) {
    const n = node.data();
    const kind =
      n.type === 'partnership'
        ? `partnership, ${data.labels.layer[n.layer]?.toLowerCase() ?? ''} layer${n.isLsp ? ', the LSP' : ''}${n.isOrphan ? ', an orphan' : ''}`
        : `organisation, ${data.labels.sector[n.sector]?.toLowerCase() ?? ''} sector`;
    const links = isNetwork
      ? n.type === 'partnership'
        ? `${plural(n.degree, 'member organisation')}`
        : `seats on ${plural(n.degree, 'partnership')}`
      : `shares members with ${plural(n.degree, 'partnership')}`;
    return `${n.label} (${kind}): ${links}.`;
  }

  function select(node, { centre = true, announce = true } = {}) {
    cy.batch(() => {
      cy.elements().removeClass('highlighted found labelled').addClass('faded');
      node.closedNeighborhood().removeClass('faded').addClass('highlighted');
      node.addClass('found labelled');
    });
    selected = node;
    if (centre) cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 1.2) }, { duration: 250 });
    container.dataset.selected = node.id();
    if (announce) {
      status.replaceChildren(
        document.createTextNode(`Selected: ${describe(node)} `),
        link(node.data('url'), `Open the record of ${node.data('label')}`),
      );
    }
  }

  function clear() {
    selected = undefined;
    delete container.dataset.selected;
    cy.elements().removeClass('faded highlighted found labelled');
    status.textContent = 'Nothing selected.';
  }

  // A name shows while the pointer is over its node (and stays on the selected one).
  cy.on('mouseover', 'node', (event) => event.target.addClass('labelled'));
  cy.on('mouseout', 'node', (event) => {
    if (event.target !== selected) event.target.removeClass('labelled');
  });

  cy.on('tap', 'node', (event) => {
    container.focus({ preventScroll: true });
    select(event.target, { centre: false });
  });
  cy.on('dbltap', 'node', (event) => window.location.assign(event.target.data('url')));
  cy.on('tap', (event) => {
    if (event.target === cy) clear();
  });

  container.addEventListener('keydown', (event) => {
    const index = selected ? ordered.indexOf(selected) : -1;
    if (event.key === 'ArrowRight' || event.key === 'ArrowDown') {
      select(ordered[(index + 1) % ordered.length]);
    } else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') {
      select(ordered[(index - 1 + ordered.length) % ordered.length]);
    } else if (event.key === 'Enter' && selected) {
      window.location.assign(selected.data('url'));
    } else if (event.key === 'Escape') {
      clear();
    } else if (event.key === '+' || event.key === '=') {
      cy.zoom({
        level: cy.zoom() * 1.25,
        renderedPosition: { x: container.clientWidth / 2, y: container.clientHeight / 2 },
      });
    } else if (event.key === '-') {
      cy.zoom({
        level: cy.zoom() / 1.25,
        renderedPosition: { x: container.clientWidth / 2, y: container.clientHeight / 2 },
      });
    } else {
      return;
    }
    event.preventDefault();
  });

  // Find a node by name: exact first, then the first whose name contains the words typed.
  const search = document.getElementById('map-search');
  const names = document.getElementById('map-search-names');
  names.replaceChildren(
    ...ordered.map((node) => Object.assign(document.createElement('option'), { value: node.data('label') })),
  );
  document.getElementById('map-search-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const wanted = search.value.trim().toLowerCase();
    if (!wanted) return;
    const found =
      ordered.filter((n) => n.data('label').toLowerCase() === wanted)[0] ??
      ordered.filter((n) => n.data('label').toLowerCase().includes(wanted))[0];
    if (!found) {
      status.textContent = `Nothing called “${search.value.trim()}” is on this map. Check the spelling, or clear a filter.`;
      return;
    }
    select(found);
  });

  // The list of nodes: a keyboard- and screen-reader-friendly way through the same nodes.
  const list = document.getElementById('map-node-list-items');
  list.replaceChildren(
    ...ordered.map((node) => {
      const item = document.createElement('li');
      const show = Object.assign(document.createElement('button'), {
        type: 'button',
        className: 'app-link-button app-map__show',
        textContent: 'Show',
      });
      const hidden = Object.assign(document.createElement('span'), {
        className: 'govuk-visually-hidden',
        textContent: ` ${node.data('label')} on the network`,
      });
      show.append(hidden);
      show.addEventListener('click', () => {
        select(node);
        container.focus({ preventScroll: false });
      });
      item.append(
        link(node.data('url'), node.data('label')),
        document.createTextNode(` (${node.data('type')}, ${plural(node.data('degree'), 'link')}) `),
        show,
      );
      return item;
    }),
  );

  // Colours and their legend.
  const legend = document.getElementById('map-legend');
  function colourBy(mode) {
    cy.batch(() => {
      for (const node of cy.nodes('.partnership')) node.data(sliceData(node.data(), mode, data, themeColour));
    });
    const entries = [];
    if (mode === 'layer') {
      for (const [code, label] of Object.entries(data.labels.layer)) {
        const count = data.nodes.filter((n) => n.layer === code).length;
        if (count) entries.push({ colour: LAYER_COLOURS[code], label: `${label} layer (${count})` });
      }
    } else {
      const counts = new Map();
      for (const n of data.nodes) for (const t of themesShown(n)) counts.set(t, (counts.get(t) ?? 0) + 1);
      for (const [code, label] of Object.entries(data.labels.theme))
        if (counts.has(code)) entries.push({ colour: themeColour(code), label: `${label} (${counts.get(code)})` });
      if (data.nodes.some((n) => n.type === 'partnership' && n.themes.length === 0))
        entries.push({ colour: NO_THEME, label: 'No theme recorded' });
    }
    const items = entries.map((e) => legendItem(e.colour, e.label, 'app-map__swatch'));
    if (mode === 'theme')
      items.push(legendNote('A partnership with several themes is divided like a pie, one slice a theme.'));
    if (isNetwork)
      items.push(legendItem(ORGANISATION, 'Organisation (square)', 'app-map__swatch app-map__swatch--organisation'));
    if (data.nodes.some((n) => n.isLsp))
      items.push(legendItem('#ffffff', 'The LSP (thick border)', 'app-map__swatch app-map__swatch--lsp'));
    if (data.nodes.some((n) => n.isOrphan))
      items.push(
        legendItem(
          '#ffffff',
          'Orphan: not connected to the LSP (dashed border)',
          'app-map__swatch app-map__swatch--orphan',
        ),
      );
    legend.replaceChildren(...items);
    const url = new URL(window.location.href);
    if (mode === 'theme') url.searchParams.delete('colour');
    else url.searchParams.set('colour', mode);
    window.history.replaceState(null, '', url);
  }
  colourSelect.addEventListener('change', () => colourBy(colourSelect.value));
  colourBy(colourSelect.value);

  document.getElementById('map-fit').addEventListener('click', () => {
    clear();
    cy.fit(undefined, 20);
  });
  const stem = `${data.locality.gssCode}-map-${data.view}`;
  document.getElementById('map-png').addEventListener('click', () => {
    const blob = cy.png({ output: 'blob', bg: '#ffffff', full: true, scale: 2, maxWidth: 6000, maxHeight: 6000 });
    download(blob, `${stem}.png`);
  });
  document.getElementById('map-svg').addEventListener('click', () => {
    download(new Blob([toSvg(cy, data)], { type: 'image/svg+xml' }), `${stem}.svg`);
  });

  container.dataset.nodeCount = String(cy.nodes().length);
  container.dataset.edgeCount = String(cy.edges().length);
  container.dataset.ready = 'true';
  status.textContent = `The network shows ${plural(cy.nodes().length, 'node')} and ${plural(cy.edges().length, 'link')}.`;
  window.joinedUpMap = cy;
}

function runLayout(cy, nodes, edges) {
  // cose (force-directed, built in) reads well up to a few thousand edges; beyond, circles are quicker.
  const options =
    edges > 4000
      ? { name: 'concentric', concentric: (n) => n.degree(), levelWidth: () => 4, animate: false, minNodeSpacing: 8 }
      : {
          name: 'cose',
          animate: false,
          randomize: true,
          nodeRepulsion: () => 400000,
          idealEdgeLength: () => (nodes > 120 ? 80 : 100),
          edgeElasticity: () => 100,
          gravity: 0.25,
          numIter: 1500,
          nodeDimensionsIncludeLabels: false,
          padding: 20,
        };
  return new Promise((resolve) => {
    const layout = cy.layout(options);
    layout.one('layoutstop', () => {
      cy.fit(undefined, 20);
      resolve();
    });
    layout.run();
  });
}

function themeColours(labels) {
  const assigned = new Map();
  let spare = 0;
  for (const code of Object.keys(labels)) {
    assigned.set(code, THEME_COLOURS[code] ?? SPARE_COLOURS[spare++ % SPARE_COLOURS.length]);
  }
  return (code) => assigned.get(code) ?? NO_THEME;
}

/** Every theme of a partnership, even with a theme filter: what else it covers is worth seeing. */
function themesShown(n) {
  return n.type === 'partnership' ? n.themes : [];
}

function sliceData(n, mode, data, themeColour) {
  const out = { fill: n.type === 'organisation' ? ORGANISATION : NO_THEME };
  for (let i = 1; i <= MAX_SLICES; i++) {
    out[`slice${i}`] = 0;
    out[`slice${i}c`] = NO_THEME;
  }
  if (n.type !== 'partnership') return out;
  if (mode === 'layer') {
    out.fill = LAYER_COLOURS[n.layer] ?? NO_THEME;
    return out;
  }
  const themes = themesShown(n).slice(0, MAX_SLICES);
  if (themes.length === 0) return out;
  out.fill = themeColour(themes[0]);
  themes.forEach((t, i) => {
    out[`slice${i + 1}`] = 100 / themes.length;
    out[`slice${i + 1}c`] = themeColour(t);
  });
  return out;
}

function pieStyle() {
  const style = {};
  for (let i = 1; i <= MAX_SLICES; i++) {
    style[`pie-${i}-background-color`] = `data(slice${i}c)`;
    style[`pie-${i}-background-size`] = `data(slice${i})`;
  }
  return style;
}

function nodeSize(n, maxDegree) {
  const scale = Math.sqrt(n.degree / maxDegree);
  return n.type === 'organisation' ? Math.round(10 + 22 * scale) : Math.round((n.isLsp ? 30 : 16) + 30 * scale);
}

function edgeWidth(weight, min, max, isNetwork) {
  if (isNetwork) return weight > 1 ? 2 : 1;
  return max === min ? 2 : 1 + (7 * (weight - min)) / (max - min);
}

function edgeOpacity(weight, min, max, isNetwork) {
  if (isNetwork) return 0.55;
  return max === min ? 0.5 : 0.2 + (0.7 * (weight - min)) / (max - min);
}

function plural(count, word) {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function link(href, text) {
  return Object.assign(document.createElement('a'), { className: 'govuk-link', href, textContent: text });
}

function legendItem(colour, label, className) {
  const item = document.createElement('li');
  const swatch = Object.assign(document.createElement('span'), { className });
  swatch.setAttribute('aria-hidden', 'true');
  swatch.style.backgroundColor = colour;
  item.append(swatch, document.createTextNode(label));
  return item;
}

function legendNote(text) {
  return Object.assign(document.createElement('li'), { className: 'app-map__legend-note', textContent: text });
}

function download(blob, filename) {
  const url = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement('a'), { href: url, download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The network as drawn, as SVG: lines, circles (with theme slices), squares and names. */
function toSvg(cy, data) {
  const box = cy.elements().boundingBox({ includeLabels: true });
  const pad = 20;
  const width = Math.ceil(box.w + 2 * pad);
  const height = Math.ceil(box.h + 2 * pad);
  const x = (v) => (v - box.x1 + pad).toFixed(1);
  const y = (v) => (v - box.y1 + pad).toFixed(1);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Helvetica, Arial, sans-serif">`,
    `<title>${escapeXml(`Partnership map of ${data.locality.name}`)}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    '<g stroke-linecap="round">',
  ];
  for (const edge of cy.edges()) {
    const s = edge.source().position();
    const t = edge.target().position();
    parts.push(
      `<line x1="${x(s.x)}" y1="${y(s.y)}" x2="${x(t.x)}" y2="${y(t.y)}" stroke="${edge.style('line-color')}" stroke-opacity="${edge.style('opacity')}" stroke-width="${edge.data('width')}"/>`,
    );
  }
  parts.push('</g><g>');
  for (const node of cy.nodes()) {
    const p = node.position();
    const r = node.data('size') / 2;
    const border = `stroke="${node.style('border-color')}" stroke-width="${parseFloat(node.style('border-width'))}"${node.style('border-style') === 'dashed' ? ' stroke-dasharray="4 3"' : ''}`;
    const title = `<title>${escapeXml(node.data('label'))}</title>`;
    if (node.hasClass('organisation')) {
      parts.push(
        `<rect x="${x(p.x - r)}" y="${y(p.y - r)}" width="${(2 * r).toFixed(1)}" height="${(2 * r).toFixed(1)}" rx="3" fill="${ORGANISATION}" ${border}>${title}</rect>`,
      );
      continue;
    }
    const slices = [];
    for (let i = 1; i <= MAX_SLICES; i++)
      if (node.data(`slice${i}`) > 0) slices.push({ size: node.data(`slice${i}`), colour: node.data(`slice${i}c`) });
    if (slices.length > 1) {
      let angle = -Math.PI / 2;
      parts.push('<g>');
      for (const slice of slices) {
        const end = angle + (slice.size / 100) * 2 * Math.PI;
        const large = end - angle > Math.PI ? 1 : 0;
        parts.push(
          `<path d="M ${x(p.x)} ${y(p.y)} L ${x(p.x + r * Math.cos(angle))} ${y(p.y + r * Math.sin(angle))} A ${r} ${r} 0 ${large} 1 ${x(p.x + r * Math.cos(end))} ${y(p.y + r * Math.sin(end))} Z" fill="${slice.colour}"/>`,
        );
        angle = end;
      }
      parts.push(`<circle cx="${x(p.x)}" cy="${y(p.y)}" r="${r}" fill="none" ${border}>${title}</circle></g>`);
    } else {
      parts.push(
        `<circle cx="${x(p.x)}" cy="${y(p.y)}" r="${r}" fill="${node.data('fill')}" ${border}>${title}</circle>`,
      );
    }
  }
  parts.push('</g><g font-size="10" fill="#0b0c0c" text-anchor="middle">');
  for (const node of cy.nodes()) {
    const p = node.position();
    const style = node.hasClass('lsp')
      ? ' font-weight="bold" font-size="13"'
      : node.hasClass('organisation')
        ? ' font-size="9" fill="#484949"'
        : '';
    parts.push(
      `<text x="${x(p.x)}" y="${y(p.y + node.data('size') / 2 + 11)}"${style}>${escapeXml(node.data('label'))}</text>`,
    );
  }
  parts.push('</g></svg>');
  return parts.join('\n');
}

function escapeXml(text) {
  return String(text).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c],
  );
}
