/**
 * A small seeded pseudo-random generator, for the demo locality, synthetic national data and
 * sampling in benchmarks. Math.random cannot be seeded, and generated data must come out the
 * same for the same seed, so every random choice goes through one of these, in a fixed order.
 */

/** mulberry32: 32-bit state, good enough spread for synthetic data, and tiny. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Random {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  /** A float in [0, 1). */
  float(): number {
    return this.next();
  }

  /** A whole number from min to max inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Cannot pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** A standard normal draw (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }

  /** k distinct items (all of them when there are k or fewer), in random order. */
  sample<T>(items: readonly T[], k: number): T[] {
    if (k >= items.length) return this.shuffle(items);
    const chosen = new Set<number>();
    while (chosen.size < k) chosen.add(Math.floor(this.next() * items.length));
    return [...chosen].map((i) => items[i]!);
  }
  /**
   * Up to `count` distinct items, each draw proportional to its weight (items of weight 0 are
   * never drawn). Used to fill boards so that big public bodies turn up more often.
   */
  weightedSample<T>(items: readonly T[], weight: (item: T) => number, count: number): T[] {
    const pool = items.map((item) => ({ item, w: Math.max(0, weight(item)) })).filter((e) => e.w > 0);
    const chosen: T[] = [];
    while (chosen.length < count && pool.length > 0) {
      const total = pool.reduce((sum, e) => sum + e.w, 0);
      let target = this.next() * total;
      let index = pool.length - 1;
      for (let i = 0; i < pool.length; i++) {
        target -= (pool[i] as { w: number }).w;
        if (target < 0) {
          index = i;
          break;
        }
      }
      chosen.push((pool[index] as { item: T }).item);
      pool.splice(index, 1);
    }
    return chosen;
  }
}
