/**
 * MinHash + LSH banding over IDF-weighted shingles: the approximate route DESIGN.md measured
 * (recall 0.98–0.996 of exact), kept as an alternative to the exact prefix filter in engine.ts.
 *
 * Weighted, not plain, MinHash: the score weighs shingles by IDF, so the sketch must estimate
 * the same weighted Jaccard or it would miss pairs that share rare words but differ in common
 * ones. Because a shingle's weight is the same in every record (it is the scope's IDF), the
 * "exponential race" is exact: give shingle t, for hash function k, the value E_k(t) / w(t)
 * with E_k(t) = −ln U_k(t) an exponential draw; the shingle with the lowest value in a record
 * is shingle t with probability w(t) / (total weight), so two records pick the same one with
 * probability Σ shared w / Σ union w, their weighted Jaccard.
 *
 * Values are computed shingle by shingle (each shingle's K values once, then pushed to the
 * records that have it), so the logarithms are paid per distinct shingle, not per occurrence.
 *
 * Banding: K = bands × rows hashes; two records are candidates when all rows of some band
 * agree. P(candidate) = 1 − (1 − T^rows)^bands; `chooseBands` picks the most selective split
 * of 128 hashes that still catches a pair at the text floor with probability ≥ 0.995.
 */
import type { OverlapIndex } from './features.js';

export interface MinHashOptions {
  bands: number;
  rows: number;
  seed: number;
}

const DEFAULT_HASHES = 128;
const TARGET_RECALL_AT_FLOOR = 0.995;

/** Bands and rows for a text floor: as many rows as 128 hashes allow while keeping recall at the floor. */
export function chooseBands(textFloor: number, hashes = DEFAULT_HASHES): { bands: number; rows: number } {
  let best = { bands: hashes, rows: 1 };
  for (let rows = 1; rows <= 16; rows++) {
    const bands = Math.floor(hashes / rows);
    if (bands < 1) break;
    if (1 - (1 - textFloor ** rows) ** bands >= TARGET_RECALL_AT_FLOOR) best = { bands, rows };
  }
  return best;
}

/** A 32-bit mix of (term, hash number, seed): murmur3's finaliser. */
function mix(term: number, k: number, seed: number): number {
  let h = Math.imul(term ^ seed, 0x9e3779b1) ^ Math.imul(k + 1, 0x85ebca6b);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** For each record and hash: the shingle that wins the weighted race (−1 for a record with no text). */
function signatures(index: OverlapIndex, hashes: number, seed: number): Int32Array {
  const { size, termPostings, termWeight } = index;
  const best = new Float32Array(size * hashes).fill(Number.POSITIVE_INFINITY);
  const winner = new Int32Array(size * hashes).fill(-1);
  const values = new Float32Array(hashes);
  for (let term = 0; term < termWeight.length; term++) {
    const w = termWeight[term]!;
    for (let k = 0; k < hashes; k++) values[k] = -Math.log((mix(term, k, seed) + 0.5) / 4294967296) / w;
    for (let c = termPostings.start[term]!; c < termPostings.start[term + 1]!; c++) {
      const base = termPostings.positions[c]! * hashes;
      for (let k = 0; k < hashes; k++) {
        if (values[k]! < best[base + k]!) {
          best[base + k] = values[k]!;
          winner[base + k] = term;
        }
      }
    }
  }
  return winner;
}

/** Each record's key in each band: a hash of the band's winning shingles. */
function bandKeys(winner: Int32Array, size: number, bands: number, rows: number, hashes: number): Uint32Array {
  const keys = new Uint32Array(size * bands);
  for (let p = 0; p < size; p++) {
    for (let band = 0; band < bands; band++) {
      let h = 0x811c9dc5 ^ band;
      for (let r = 0; r < rows; r++) h = Math.imul(h ^ winner[p * hashes + band * rows + r]!, 0x01000193);
      keys[p * bands + band] = h >>> 0;
    }
  }
  return keys;
}

/**
 * Calls `onCandidate(x, y)` once for each pair of records that agree on a whole band (x < y),
 * after a length filter; returns how many candidates it accepted (onCandidate returns true).
 */
export function minhashCandidates(
  index: OverlapIndex,
  textFloor: number,
  options: Partial<MinHashOptions>,
  onCandidate: (x: number, y: number) => boolean,
): number {
  const chosen = chooseBands(textFloor);
  const bands = options.bands ?? chosen.bands;
  const rows = options.rows ?? chosen.rows;
  const hashes = bands * rows;
  const { size, textWeight } = index;
  const winner = signatures(index, hashes, options.seed ?? 0x5eed);
  const keys = bandKeys(winner, size, bands, rows, hashes);
  const hasText = (p: number) => winner[p * hashes] !== -1;
  let accepted = 0;
  const order = new Float64Array(size);
  for (let band = 0; band < bands; band++) {
    // Sort records by key: key × size + position packs both in one exactly representable double.
    for (let p = 0; p < size; p++) order[p] = keys[p * bands + band]! * size + p;
    order.sort();
    for (let i = 0; i < size;) {
      let j = i + 1;
      const key = Math.floor(order[i]! / size);
      while (j < size && Math.floor(order[j]! / size) === key) j++;
      for (let a = i; a < j; a++) {
        const x = order[a]! - key * size;
        if (!hasText(x)) continue;
        for (let b = a + 1; b < j; b++) {
          const y = order[b]! - key * size;
          if (!hasText(y) || collidedEarlier(keys, bands, band, x, y)) continue;
          const [small, large] =
            textWeight[x]! < textWeight[y]! ? [textWeight[x]!, textWeight[y]!] : [textWeight[y]!, textWeight[x]!];
          if (small < textFloor * large) continue;
          if (onCandidate(Math.min(x, y), Math.max(x, y))) accepted++;
        }
      }
      i = j;
    }
  }
  return accepted;
}

/** True when the pair already shared a key in an earlier band (so it was offered then). */
function collidedEarlier(keys: Uint32Array, bands: number, band: number, x: number, y: number): boolean {
  for (let earlier = 0; earlier < band; earlier++)
    if (keys[x * bands + earlier] === keys[y * bands + earlier]) return true;
  return false;
}
