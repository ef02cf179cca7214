import { scaleSymlog } from 'd3-scale';

/**
 * A server-rendered SVG chart of each assessed partnership's yearly cost against its recorded
 * benefit: above the diagonal, benefits exceed costs (collaborative advantage); below, costs
 * exceed benefits (collaborative inertia). Each point carries the number of its row in the table
 * beside it, which gives every figure; the SVG has a title and description for screen readers.
 * Both axes are symmetric-log, so a £2,000 board and a £400,000 one both read.
 */
export interface ChartPoint {
  key: string;
  name: string;
  cost: number;
  benefit: number;
}

const MARGIN = { top: 24, right: 24, bottom: 52, left: 84 };
const BLUE = '#1d70b8';
const RED = '#d4351c';
const TEXT = '#505a5f';
const GRID = '#b1b4b6';
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif';
const POUNDS = new Intl.NumberFormat('en-GB', {
  style: 'currency',
  currency: 'GBP',
  notation: 'compact',
  maximumFractionDigits: 0,
});

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

let chartCounter = 0;

export function costBenefitChartSvg(points: ChartPoint[], options: { title: string; description: string }): string {
  const width = 640;
  const height = 420;
  const id = `cb-chart-${++chartCounter}`;
  const top = Math.max(100_000, ...points.map((p) => Math.max(p.cost, p.benefit)));
  const ticks = [0, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000].filter((t) => t <= top * 1.5);
  const domainTop = Math.max(top * 1.2, ticks.at(-1) ?? 0);
  const x = scaleSymlog()
    .constant(100_000)
    .domain([0, domainTop])
    .range([MARGIN.left, width - MARGIN.right]);
  const y = scaleSymlog()
    .constant(100_000)
    .domain([0, domainTop])
    .range([height - MARGIN.bottom, MARGIN.top]);
  const parts: string[] = [
    `<svg class="app-cb-chart" role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${width} ${height}" width="100%" preserveAspectRatio="xMidYMid meet" font-family='${FONT}' xmlns="http://www.w3.org/2000/svg">`,
    `<title id="${id}-title">${escapeXml(options.title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(options.description)}</desc>`,
  ];
  for (const t of ticks) {
    parts.push(
      `<line x1="${MARGIN.left}" x2="${width - MARGIN.right}" y1="${y(t)}" y2="${y(t)}" stroke="${GRID}"/>`,
      `<text x="${MARGIN.left - 8}" y="${y(t)}" dy="0.32em" text-anchor="end" font-size="14" fill="${TEXT}">${escapeXml(POUNDS.format(t / 100))}</text>`,
      `<line x1="${x(t)}" x2="${x(t)}" y1="${MARGIN.top}" y2="${height - MARGIN.bottom}" stroke="${GRID}"/>`,
      `<text x="${x(t)}" y="${height - MARGIN.bottom + 20}" text-anchor="middle" font-size="14" fill="${TEXT}">${escapeXml(POUNDS.format(t / 100))}</text>`,
    );
  }
  parts.push(
    `<text x="${(MARGIN.left + width - MARGIN.right) / 2}" y="${height - 8}" text-anchor="middle" font-size="14" fill="${TEXT}">Yearly cost</text>`,
    `<text transform="translate(16 ${(MARGIN.top + height - MARGIN.bottom) / 2}) rotate(-90)" text-anchor="middle" font-size="14" fill="${TEXT}">Recorded benefit</text>`,
    // Benefit equals cost: the line between advantage and inertia.
    `<line x1="${x(0)}" y1="${y(0)}" x2="${x(domainTop)}" y2="${y(domainTop)}" stroke="${TEXT}" stroke-width="2" stroke-dasharray="6 4"/>`,
  );
  for (const p of points) {
    const colour = p.benefit >= p.cost ? BLUE : RED;
    const cx = x(p.cost);
    const cy = y(p.benefit);
    parts.push(
      `<g><title>${escapeXml(`${p.key}. ${p.name}`)}</title><circle cx="${cx}" cy="${cy}" r="11" fill="${colour}"/><text x="${cx}" y="${cy}" dy="0.35em" text-anchor="middle" font-size="12" font-weight="bold" fill="#ffffff">${escapeXml(p.key)}</text></g>`,
    );
  }
  parts.push('</svg>');
  return parts.join('');
}
