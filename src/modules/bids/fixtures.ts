/**
 * A fictional rating list extract for Brackenfield town centre: deterministic, shaped like a
 * real one (mostly shops and offices, a few large stores, some empty units, some charities,
 * streets inside and just outside the area). The demo, the tests and the browser journey use it.
 */
export const DEMO_AREA_STREETS = [
  'High Street',
  'Market Place',
  'Castle Street 1-60',
  'Bridge Street',
  'Sheep Street even',
  'Church Lane',
];

const STREETS = [
  'High Street',
  'High Street',
  'High Street',
  'Market Place',
  'Market Place',
  'Castle Street',
  'Castle Street',
  'Bridge Street',
  'Sheep Street',
  'Church Lane',
  'Station Road',
  'Mill Lane',
];
const CLASSES = ['CS', 'CS', 'CS', 'CS', 'CO', 'CO', 'CR', 'LX', 'CW', 'CG'];
const TRADES = [
  'Books',
  'Bakery',
  'Opticians',
  'Café',
  'Estate Agents',
  'Florist',
  'Solicitors',
  'Hair Studio',
  'Pharmacy',
  'Jewellers',
  'Outfitters',
  'Deli',
  'Travel',
  'Gallery',
  'Hardware',
];
const NAMES = ['Bracken', 'Castle', 'Market', 'Abbey', 'Weaver', 'Old Town', 'Fenton', 'Harrow', 'Kestrel', 'Linden'];

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface RatingListRow {
  reference: string;
  address: string;
  street: string;
  postcode: string;
  ratepayer: string;
  rateable_value: string;
  occupied: string;
  owner: string;
  class: string;
  charity: string;
}

export function demoRatingList(count = 300, seed = 2026): RatingListRow[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const numbers = new Map<string, number>();
  return Array.from({ length: count }, (_, i) => {
    const street = pick(STREETS);
    const number = (numbers.get(street) ?? 0) + 1 + (next() < 0.3 ? 1 : 0);
    numbers.set(street, number);
    const classCode = pick(CLASSES);
    const empty = next() < 0.08;
    const charity = !empty && next() < 0.06;
    const big = next() < 0.04;
    // Most between £4,000 and £40,000; a few large stores.
    const value = big
      ? 120_000 + Math.floor(next() * 200) * 1000
      : 4000 + Math.floor(next() * 36) * 1000 + Math.floor(next() * 20) * 25;
    const trade = charity ? 'Hospice Shop' : pick(TRADES);
    return {
      reference: `BF${String(100100 + i * 7).padStart(7, '0')}`,
      address: `${number} ${street}`,
      street,
      postcode: `BF1 ${1 + (i % 9)}${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + ((i * 7) % 26))}`,
      ratepayer: empty ? '' : `${pick(NAMES)} ${trade}${classCode === 'CO' ? ' LLP' : ' Ltd'}`,
      rateable_value: String(value),
      occupied: empty ? 'empty' : 'occupied',
      owner: empty ? (next() < 0.85 ? `${pick(NAMES)} Estates Ltd` : '') : '',
      class: classCode,
      charity: charity ? 'yes' : 'no',
    };
  });
}

export function ratingListCsv(rows: RatingListRow[]): string {
  const headings = Object.keys(rows[0] ?? {}) as Array<keyof RatingListRow>;
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return `${headings.join(',')}\n${rows.map((r) => headings.map((h) => quote(r[h])).join(',')).join('\n')}\n`;
}
