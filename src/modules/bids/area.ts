/**
 * A BID's area drawn as GeoJSON (RFC 7946): read from a pasted or uploaded text, checked with
 * a reason for every problem, and asked whether a hereditament's location is inside it. Pure:
 * no I/O. Point-in-polygon is `@turf/boolean-point-in-polygon` (a point on the boundary is in).
 */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';

export type Position = [number, number];
export interface PolygonGeometry {
  type: 'Polygon';
  coordinates: Position[][];
}
export interface MultiPolygonGeometry {
  type: 'MultiPolygon';
  coordinates: Position[][][];
}
/** What is stored: one Polygon, or a MultiPolygon when the area has several parts. */
export type AreaGeometry = PolygonGeometry | MultiPolygonGeometry;

/** Longest GeoJSON text taken (1 MB) and most positions in an area. */
export const MAX_GEOJSON_CHARS = 1_000_000;
export const MAX_POSITIONS = 20_000;

export type AreaParse = { ok: true; geometry: AreaGeometry } | { ok: false; problems: string[] };

const MAX_PROBLEMS = 5;
const GEOMETRY_TYPES = [
  'Polygon',
  'MultiPolygon',
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'GeometryCollection',
];

/**
 * Reads an area from GeoJSON text: a Polygon or MultiPolygon geometry, a Feature with one, or a
 * FeatureCollection of them (their polygons become one MultiPolygon). Each problem says where.
 */
export function parseAreaGeoJson(text: string): AreaParse {
  const trimmed = text.trim();
  if (!trimmed) return { ok: false, problems: ['The GeoJSON is empty'] };
  if (trimmed.length > MAX_GEOJSON_CHARS)
    return { ok: false, problems: ['The GeoJSON must be 1 MB or smaller: simplify the outline'] };
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch (error) {
    const detail = error instanceof SyntaxError ? error.message.replace(/^JSON\.parse: /, '') : 'unreadable';
    return { ok: false, problems: [`The text is not valid JSON (${detail})`] };
  }
  return readArea(value);
}

/** The same checks on a value already parsed (an API body). */
export function readArea(value: unknown): AreaParse {
  const problems: string[] = [];
  const polygons: Position[][][] = [];
  const add = (geometry: unknown, where: string) => {
    if (!isObject(geometry)) {
      problems.push(`${where} has no geometry`);
      return;
    }
    if (geometry.type === 'Polygon') {
      const polygon = readPolygon(geometry.coordinates, where, problems);
      if (polygon) polygons.push(polygon);
    } else if (geometry.type === 'MultiPolygon') {
      if (!Array.isArray(geometry.coordinates) || geometry.coordinates.length === 0) {
        problems.push(`${where}: a MultiPolygon needs a list of polygons`);
        return;
      }
      geometry.coordinates.forEach((c, i) => {
        const polygon = readPolygon(c, `${where}, polygon ${i + 1}`, problems);
        if (polygon) polygons.push(polygon);
      });
    } else
      problems.push(
        `${where} is a ${typeof geometry.type === 'string' ? geometry.type : 'shape of no type'}: the area must be a Polygon or MultiPolygon (an outline, not a point or a line)`,
      );
  };
  if (!isObject(value)) return { ok: false, problems: ['The GeoJSON must be an object with a "type"'] };
  if (value.type === 'FeatureCollection') {
    if (!Array.isArray(value.features) || value.features.length === 0)
      return { ok: false, problems: ['The FeatureCollection has no features'] };
    value.features.forEach((f, i) => {
      if (!isObject(f) || f.type !== 'Feature') problems.push(`Feature ${i + 1} is not a GeoJSON Feature`);
      else add(f.geometry, `Feature ${i + 1}`);
    });
  } else if (value.type === 'Feature') add(value.geometry, 'The feature');
  else if (typeof value.type === 'string' && GEOMETRY_TYPES.includes(value.type)) add(value, 'The area');
  else
    return {
      ok: false,
      problems: [
        `The GeoJSON's type is ${typeof value.type === 'string' ? `"${value.type}"` : 'missing'}: give a Polygon, a MultiPolygon, a Feature or a FeatureCollection`,
      ],
    };
  const positions = polygons.flat(2).length;
  if (positions > MAX_POSITIONS)
    problems.push(`The area has ${positions} positions; at most ${MAX_POSITIONS} are taken: simplify the outline`);
  if (problems.length) return { ok: false, problems: summarise(problems) };
  const [only] = polygons;
  return {
    ok: true,
    geometry:
      polygons.length === 1 && only
        ? { type: 'Polygon', coordinates: only }
        : { type: 'MultiPolygon', coordinates: polygons },
  };
}

function readPolygon(coordinates: unknown, where: string, problems: string[]): Position[][] | null {
  if (!Array.isArray(coordinates) || coordinates.length === 0) {
    problems.push(`${where}: a polygon needs at least one ring of positions`);
    return null;
  }
  const rings: Position[][] = [];
  coordinates.forEach((ring, r) => {
    const name = `${where}, ${r === 0 ? 'outer ring' : `hole ${r}`}`;
    if (!Array.isArray(ring)) {
      problems.push(`${name} is not a list of positions`);
      return;
    }
    const positions: Position[] = [];
    for (const [i, p] of ring.entries()) {
      if (!Array.isArray(p) || p.length < 2 || typeof p[0] !== 'number' || typeof p[1] !== 'number') {
        problems.push(`${name}, position ${i + 1} is not a pair of numbers [longitude, latitude]`);
        return;
      }
      const [lon, lat] = p as [number, number];
      if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90) {
        problems.push(
          Math.abs(lon) > 1000 || Math.abs(lat) > 1000
            ? `${name}, position ${i + 1} (${lon}, ${lat}) looks like eastings and northings: give longitude and latitude (WGS 84), as GeoJSON requires`
            : `${name}, position ${i + 1} (${lon}, ${lat}) is not a longitude (−180 to 180) and latitude (−90 to 90)`,
        );
        return;
      }
      positions.push([lon, lat]);
    }
    if (positions.length < 4) {
      problems.push(
        `${name} has ${positions.length} positions: a ring needs at least 4 (a triangle and its first position again)`,
      );
      return;
    }
    const first = positions[0] as Position;
    const last = positions.at(-1) as Position;
    if (first[0] !== last[0] || first[1] !== last[1]) {
      problems.push(`${name} is not closed: its last position must repeat its first`);
      return;
    }
    rings.push(positions);
  });
  return rings.length === coordinates.length ? rings : null;
}

function summarise(problems: string[]): string[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  return [...problems.slice(0, MAX_PROBLEMS), `and ${problems.length - MAX_PROBLEMS} more problems`];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether a location is inside the area; a point on its boundary is inside. */
export function pointInArea(area: AreaGeometry, longitude: number, latitude: number): boolean {
  return booleanPointInPolygon([longitude, latitude], area);
}

/** How many positions the outline has, and its bounds (for the table beside the map). */
export function describeArea(area: AreaGeometry): {
  parts: number;
  positions: number;
  bounds: { west: number; south: number; east: number; north: number };
} {
  const polygons = area.type === 'Polygon' ? [area.coordinates] : area.coordinates;
  const all = polygons.flat(2);
  const lons = all.map((p) => p[0]);
  const lats = all.map((p) => p[1]);
  return {
    parts: polygons.length,
    // Each ring repeats its first position at the end: count the corners.
    positions: polygons.flat().reduce((n, ring) => n + ring.length - 1, 0),
    bounds: { west: Math.min(...lons), south: Math.min(...lats), east: Math.max(...lons), north: Math.max(...lats) },
  };
}
