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

const MARGIN = { top: 16, right: 16, bottom: 36, left: 56 };

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
  const x = scalePoint<string>().domain(years).range([MARGIN.left, width - MARGIN.right]).padding(0.3);
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
    `<svg class="app-chart" role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${width} ${height}" width="100%" preserveAspectRatio="xMidYMid meet" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="${id}-title">${escapeXml(options.title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(options.description)}</desc>`,
  ];
  for (const tick of ticks) {
    parts.push(`<line class="app-chart__grid" x1="${MARGIN.left}" x2="${width - MARGIN.right}" y1="${y(tick)}" y2="${y(tick)}"/>`);
    parts.push(`<text class="app-chart__tick" x="${MARGIN.left - 6}" y="${y(tick)}" dy="0.32em" text-anchor="end">${escapeXml(formatTick(tick))}</text>`);
  }
  for (const label of years) parts.push(`<text class="app-chart__tick" x="${x(label)}" y="${height - MARGIN.bottom + 18}" text-anchor="middle">${escapeXml(label)}</text>`);
  parts.push(`<path class="app-chart__expected" d="${pathOf('expected')}"/>`);
  parts.push(`<path class="app-chart__actual" d="${pathOf('value')}"/>`);
  for (const r of rows) {
    if (r.value !== undefined) parts.push(`<circle class="app-chart__point" cx="${px(r)}" cy="${y(r.value)}" r="4"/>`);
  }
  parts.push('</svg>');
  return parts.join('');
}
