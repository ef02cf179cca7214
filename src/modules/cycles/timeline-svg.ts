/**
 * The locality's year as a server-rendered SVG: a lane for each organisation and partnership,
 * a mark for each event (its shape says the kind), a line for each dependency, and misaligned
 * pairs in red. No script; the page gives the same events in a table beside it.
 */
import { formatDate } from '../../core/dates.js';
import { EVENT_KIND_LABELS, type EventKind, daysBetween } from './calendar.js';
import type { Flag } from './rules.js';
import type { Timeline } from './service.js';

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif';
const TEXT = '#0b0c0c';
const MUTED = '#505a5f';
const GRID = '#b1b4b6';
const RED = '#d4351c';
const LINE = '#626a6e';
const LABEL_WIDTH = 250;
const WIDTH = 1000;
const LANE = 34;
const TOP = 40;

export const KIND_COLOURS: Record<EventKind, string> = {
  'budget-setting': '#00703c',
  'plan-approval': '#4c2c92',
  'plan-refresh': '#4c2c92',
  'performance-review': '#1d70b8',
  'performance-report': '#1d70b8',
  'board-meeting': '#0b0c0c',
  'statutory-deadline': '#942514',
  'data-release': '#b58840',
};

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The mark of a kind of event, centred on (x, y). */
export function markFor(kind: EventKind, x: number, y: number, colour = KIND_COLOURS[kind]): string {
  const r = 6;
  switch (kind) {
    case 'board-meeting':
      return `<circle cx="${x}" cy="${y}" r="${r}" fill="${colour}"/>`;
    case 'budget-setting':
      return `<rect x="${x - r}" y="${y - r}" width="${2 * r}" height="${2 * r}" fill="${colour}"/>`;
    case 'performance-report':
    case 'performance-review':
      return `<path d="M${x} ${y - r - 1}L${x + r + 1} ${y + r}L${x - r - 1} ${y + r}Z" fill="${kind === 'performance-review' ? '#fff' : colour}" stroke="${colour}" stroke-width="2"/>`;
    case 'plan-approval':
    case 'plan-refresh':
      return `<path d="M${x} ${y - r - 1}L${x + r + 1} ${y}L${x} ${y + r + 1}L${x - r - 1} ${y}Z" fill="${kind === 'plan-refresh' ? '#fff' : colour}" stroke="${colour}" stroke-width="2"/>`;
    case 'data-release':
      return `<path d="M${x - r} ${y - r}L${x + r} ${y - r}L${x} ${y + r + 1}Z" fill="${colour}"/>`;
    case 'statutory-deadline':
      return `<path d="M${x - r} ${y - r}L${x + r} ${y + r}M${x + r} ${y - r}L${x - r} ${y + r}" stroke="${colour}" stroke-width="3"/>`;
  }
}

/** A small SVG of one mark, for the key and the table. */
export function markSvg(kind: EventKind): string {
  return `<svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true" focusable="false">${markFor(kind, 9, 9)}</svg>`;
}

export function timelineSvg(timeline: Timeline): string {
  const { year, shownLanes, shownOccurrences, drawn, flags } = timeline;
  const span = daysBetween(year.from, year.to) + 1;
  const x = (day: string) => LABEL_WIDTH + ((daysBetween(year.from, day) + 0.5) / span) * (WIDTH - LABEL_WIDTH - 10);
  const laneIndex = new Map(shownLanes.map((l, i) => [l.ownerId, i]));
  const y = (ownerId: string) => TOP + (laneIndex.get(ownerId) ?? 0) * LANE + LANE / 2;
  const height = TOP + shownLanes.length * LANE + 10;
  const flagged = new Set<string>();
  for (const f of flags) flagged.add(f.first.key).add(f.second.key);
  const parts: string[] = [];
  shownLanes.forEach((lane, i) => {
    const top = TOP + i * LANE;
    if (i % 2 === 0) parts.push(`<rect x="0" y="${top}" width="${WIDTH}" height="${LANE}" fill="#f3f2f1"/>`);
    const name = lane.name.length > 36 ? `${lane.name.slice(0, 35)}…` : lane.name;
    parts.push(`<text x="6" y="${top + LANE / 2 + 4}" font-size="12" fill="${TEXT}">${escapeXml(name)}</text>`);
  });
  // Where a calendar's own financial year starts, when it is not April.
  shownLanes.forEach((lane, i) => {
    if (lane.yearStartMonth === 4) return;
    const month = String(lane.yearStartMonth).padStart(2, '0');
    const starts = `${lane.yearStartMonth >= 4 ? year.start : year.start + 1}-${month}-01`;
    const top = TOP + i * LANE;
    parts.push(`<rect x="${x(starts) - 2}" y="${top + 3}" width="4" height="${LANE - 6}" fill="#4c2c92"/>`);
  });
  // Months across the top, with a line at each.
  for (let m = 0; m < 12; m++) {
    const first = new Date(Date.UTC(Number(year.from.slice(0, 4)), Number(year.from.slice(5, 7)) - 1 + m, 1))
      .toISOString()
      .slice(0, 10);
    const left = x(first) - (0.5 / span) * (WIDTH - LABEL_WIDTH - 10);
    parts.push(`<line x1="${left}" y1="${TOP - 8}" x2="${left}" y2="${height - 10}" stroke="${GRID}"/>`);
    const label = new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC' }).format(
      new Date(`${first}T00:00:00Z`),
    );
    parts.push(`<text x="${left + 4}" y="${TOP - 14}" font-size="12" fill="${MUTED}">${label}</text>`);
  }
  for (const d of drawn) {
    const red = flags.some((f: Flag) => f.first.key === d.from.key && f.second.key === d.to.key);
    const [x1, y1, x2, y2] = [x(d.from.date), y(d.from.event.ownerId), x(d.to.date), y(d.to.event.ownerId)];
    const bend = Math.max(12, Math.abs(y2 - y1) / 3);
    parts.push(
      `<path d="M${x1} ${y1}C${x1 + bend} ${y1},${x2 - bend} ${y2},${x2} ${y2}" fill="none" stroke="${red ? RED : LINE}" stroke-width="${red ? 2 : 1}"${red ? '' : ' stroke-dasharray="3 3"'} opacity="${red ? 1 : 0.6}"/>`,
    );
  }
  for (const o of shownOccurrences) {
    const cx = x(o.date);
    const cy = y(o.event.ownerId);
    const ring = flagged.has(o.key)
      ? `<circle cx="${cx}" cy="${cy}" r="11" fill="none" stroke="${RED}" stroke-width="2.5"/>`
      : '';
    parts.push(`<g data-event="${escapeXml(o.key)}">${ring}${markFor(o.event.kind, cx, cy)}</g>`);
  }
  const title = `Planning and reporting cycles, ${year.label}`;
  const desc = `${shownOccurrences.length} events in ${shownLanes.length} calendars from ${formatDate(year.from)} to ${formatDate(year.to)}; ${flags.length} misalignments are ringed in red. The table below lists every event.`;
  return `<svg class="app-cycles-timeline" role="img" aria-labelledby="timeline-title timeline-desc" viewBox="0 0 ${WIDTH} ${height}" width="100%" font-family='${FONT}' xmlns="http://www.w3.org/2000/svg"><title id="timeline-title">${escapeXml(title)}</title><desc id="timeline-desc">${escapeXml(desc)}</desc>${parts.join('')}</svg>`;
}

export const KIND_KEY = (Object.keys(EVENT_KIND_LABELS) as EventKind[]).map((kind) => ({
  kind,
  label: EVENT_KIND_LABELS[kind],
  svg: markSvg(kind),
}));
