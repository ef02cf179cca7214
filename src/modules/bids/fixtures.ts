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

/**
 * Where the streets lie, in metres from the west end of High Street (x east, y north): each
 * runs east from `x` (or west, with a negative step) along `y`; odd numbers on the north side,
 * even on the south. The drawn area below agrees with the street list: Castle Street is cut
 * between 60 and 61, and the area's north edge runs down the middle of Sheep Street, so only
 * its even (south) side is inside.
 */
const LAYOUT: Record<string, { x: number; y: number; step: number }> = {
  'High Street': { x: 0, y: 0, step: 6 },
  'Castle Street': { x: -30, y: 0, step: -5 },
  'Church Lane': { x: 0, y: 100, step: 6 },
  'Sheep Street': { x: 0, y: 200, step: 6 },
  'Mill Lane': { x: 0, y: 400, step: 6 },
  'Market Place': { x: 0, y: -200, step: 6 },
  'Bridge Street': { x: 0, y: -400, step: 6 },
  'Station Road': { x: 0, y: -600, step: 6 },
};
/** Brackenfield is fictional: its town centre is put at an empty spot of the map. */
const ORIGIN = { latitude: 52.6, longitude: -1.2 };
const METRES_PER_DEGREE = 111_320;

function toLonLat(x: number, y: number): [number, number] {
  const lat = ORIGIN.latitude + y / METRES_PER_DEGREE;
  const lon = ORIGIN.longitude + x / (METRES_PER_DEGREE * Math.cos((ORIGIN.latitude * Math.PI) / 180));
  return [Number(lon.toFixed(6)), Number(lat.toFixed(6))];
}

/** The demo area drawn as a GeoJSON Polygon (longitude, latitude), the same area as the street list. */
export const DEMO_AREA_GEOJSON = {
  type: 'Polygon' as const,
  coordinates: [
    (
      [
        [-332.5, -20],
        [-332.5, 20],
        [-20, 20],
        [-20, 200],
        [760, 200],
        [760, -420],
        [-20, -420],
        [-20, -20],
        [-332.5, -20],
      ] as Array<[number, number]>
    ).map(([x, y]) => toLonLat(x, y)),
  ],
};

/** Where number `n` of a street stands: its side of the street by odd or even. */
function locate(street: string, n: number): [number, number] {
  const at = LAYOUT[street] ?? { x: 0, y: -1000, step: 6 };
  return toLonLat(at.x + n * at.step, at.y + (n % 2 === 1 ? 8 : -8));
}

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
  latitude: string;
  longitude: string;
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
    // A few rows of a rating list have no location: they are judged by the street list.
    const [longitude, latitude] = i % 23 === 11 ? [null, null] : locate(street, number);
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
      latitude: latitude === null ? '' : String(latitude),
      longitude: longitude === null ? '' : String(longitude),
    };
  });
}

export function ratingListCsv(rows: RatingListRow[]): string {
  const headings = Object.keys(rows[0] ?? {}) as Array<keyof RatingListRow>;
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return `${headings.join(',')}\n${rows.map((r) => headings.map((h) => quote(r[h])).join(',')).join('\n')}\n`;
}
