import { scaleLinear, scalePoint } from 'd3-scale';
import { line } from 'd3-shape';
import { yearLabel } from './schema.js';
import type { SeriesRow } from './framework.js';

/**
 * A server-rendered SVG line chart of an indicator against its trajectory. No script runs in
 * the browser; the page always shows a table with the same numbers beside it, and the SVG
 * carries a title and description for screen readers.
 */
export interface ChartOptions {
  title: string;
  description: string;
  unit?: string | null;
  width?: number;
  height?: number;
}

const MARGIN = { top: 36, right: 16, bottom: 36, left: 56 };
// Presentation attributes, not CSS: the chart reads the same in the page, in print and when
// saved on its own. GOV.UK blue for the values; dashed secondary text colour for the trajectory.
const BLUE = '#1d70b8';
const TEXT = '#505a5f';
const GRID = '#b1b4b6';
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif';

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function formatTick(value: number): string {
  return new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }).format(value);
}

let chartCounter = 0;

export function lineChartSvg(rows: SeriesRow[], options: ChartOptions): string {
  const width = options.width ?? 640;
  const height = options.height ?? 260;
  const id = `chart-${++chartCounter}`;
  const years = rows.map((r) => yearLabel(r.year));
  const numbers = rows.flatMap((r) => [r.value, r.expected]).filter((v): v is number => v !== undefined);
  const low = numbers.length ? Math.min(...numbers) : 0;
  const high = numbers.length ? Math.max(...numbers) : 1;
  const pad = (high - low) * 0.1 || Math.abs(high) * 0.1 || 1;
  const x = scalePoint<string>()
    .domain(years)
    .range([MARGIN.left, width - MARGIN.right])
    .padding(0.3);
  // A chart of values that are never negative starts at zero or above, never below it.
  const bottom = low >= 0 ? Math.max(0, low - pad) : low - pad;
  const y = scaleLinear()
    .domain([bottom, high + pad])
    .nice()
    .range([height - MARGIN.bottom, MARGIN.top]);
  const px = (r: SeriesRow) => x(yearLabel(r.year)) ?? 0;
  const pathOf = (key: 'value' | 'expected') =>
    line<SeriesRow>()
      .defined((r) => r[key] !== undefined)
      .x(px)
      .y((r) => y(r[key] as number))(rows) ?? '';
  const ticks = y.ticks(5);
  const parts: string[] = [
    `<svg class="app-perf-chart" role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${width} ${height}" width="100%" preserveAspectRatio="xMidYMid meet" font-family='${FONT}' xmlns="http://www.w3.org/2000/svg">`,
    `<title id="${id}-title">${escapeXml(options.title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(options.description)}</desc>`,
  ];
  // The key: what the solid and the dashed lines are.
  parts.push(
    `<g font-size="14" fill="${TEXT}"><line x1="${MARGIN.left}" x2="${MARGIN.left + 28}" y1="12" y2="12" stroke="${BLUE}" stroke-width="3"/><text x="${MARGIN.left + 34}" y="12" dy="0.32em">Approved value</text>`,
  );
  parts.push(
    `<line x1="${MARGIN.left + 170}" x2="${MARGIN.left + 198}" y1="12" y2="12" stroke="${TEXT}" stroke-width="2" stroke-dasharray="6 4"/><text x="${MARGIN.left + 204}" y="12" dy="0.32em">Expected (trajectory)</text></g>`,
  );
  for (const tick of ticks) {
    parts.push(
      `<line x1="${MARGIN.left}" x2="${width - MARGIN.right}" y1="${y(tick)}" y2="${y(tick)}" stroke="${GRID}" stroke-width="1"/>`,
    );
    parts.push(
      `<text x="${MARGIN.left - 6}" y="${y(tick)}" dy="0.32em" text-anchor="end" font-size="14" fill="${TEXT}">${escapeXml(formatTick(tick))}</text>`,
    );
  }
  for (const label of years)
    parts.push(
      `<text x="${x(label)}" y="${height - MARGIN.bottom + 20}" text-anchor="middle" font-size="14" fill="${TEXT}">${escapeXml(label)}</text>`,
    );
  parts.push(`<path d="${pathOf('expected')}" fill="none" stroke="${TEXT}" stroke-width="2" stroke-dasharray="6 4"/>`);
  parts.push(`<path d="${pathOf('value')}" fill="none" stroke="${BLUE}" stroke-width="3"/>`);
  for (const r of rows) {
    if (r.value !== undefined) parts.push(`<circle cx="${px(r)}" cy="${y(r.value)}" r="5" fill="${BLUE}"/>`);
  }
  parts.push('</svg>');
  return parts.join('');
}
