/**
 * Boards and the other particulars of a generated partnership (generate.ts): who sits on it, how
 * often it meets, its status and basis. The big partners sit on most boards (70–90%, as in real
 * registers), each kind of work brings its specialists, and ordinary local organisations fill the
 * rest, 5 to 20 in all.
 */
import type { WorkKind } from './catalogue/kinds.js';
import { FUNDS } from './generate-vocabulary.js';
import type { Builder, Draft } from './generate-model.js';
import type { Sector } from './types.js';

export const MIN_BOARD = 5;
export const MAX_BOARD = 20;

export function sizeFor(b: Builder, layer: string): number {
  if (layer === 'strategic') return b.rng.int(10, MAX_BOARD);
  if (layer === 'executive') return b.rng.int(7, 14);
  return b.rng.int(MIN_BOARD, 10);
}

/** An ordinary local organisation, popular ones more often. */
export function pickLocal(b: Builder): string | undefined {
  const { localWeights, locals } = b.ctx;
  if (locals.length === 0) return undefined;
  const r = b.rng.float() * localWeights[localWeights.length - 1]!;
  let lo = 0;
  let hi = localWeights.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (localWeights[mid]! > r) hi = mid;
    else lo = mid + 1;
  }
  return locals[lo];
}

export interface BoardOptions {
  layer: string;
  /** Chance of each big partner having a seat. */
  bigChance: number;
  /** Chance of each of the kind's specialists having a seat. */
  specialistChance?: number;
  /** Some of a parent board's members come along to its sub-group. */
  parent?: Draft | null;
  /** A facility board seats organisations of its own ward. */
  ward?: number | null;
  /** A voluntary forum: the CVS always, few public bodies, ordinary members from the voluntary and community sectors. */
  voluntary?: boolean;
}

const VOLUNTARY_SECTORS: ReadonlySet<Sector> = new Set(['voluntary', 'community']);

function isVoluntary(b: Builder, id: string): boolean {
  return VOLUNTARY_SECTORS.has(b.orgs.get(id).sector);
}

function addBigPartners(b: Builder, chosen: Set<string>, options: BoardOptions) {
  for (const id of b.ctx.bigPartners) {
    const voluntary = isVoluntary(b, id);
    const chance = options.voluntary ? (voluntary ? 1 : 0.2) : options.bigChance;
    if (b.rng.chance(chance)) chosen.add(id);
  }
}

function addSpecialists(b: Builder, chosen: Set<string>, kind: WorkKind, options: BoardOptions) {
  const chance = options.specialistChance ?? 0.75;
  for (const key of kind.specialists) {
    const id = b.ctx.bodies.get(key);
    if (!id) continue;
    const weight = options.voluntary && !isVoluntary(b, id) ? 0.25 : 1;
    if (b.rng.chance(chance * weight)) chosen.add(id);
  }
}

/** A board for a kind of work: big partners, specialists, some of a parent's board, locals. */
export function drawBoard(b: Builder, kind: WorkKind, options: BoardOptions): string[] {
  const size = sizeFor(b, options.layer);
  const chosen = new Set<string>();
  addBigPartners(b, chosen, options);
  addSpecialists(b, chosen, kind, options);
  const parentMembers = options.parent?.features.memberOrganisationIds.filter((id) => !b.ctx.bigPartners.includes(id));
  if (parentMembers?.length)
    for (const id of b.rng.sample(parentMembers, Math.ceil(parentMembers.length * 0.3))) chosen.add(id);
  if (options.ward !== null && options.ward !== undefined) {
    const own = b.ctx.localsByWard.get(options.ward) ?? [];
    for (const id of b.rng.sample(own, b.rng.int(1, 3))) chosen.add(id);
  }
  const wanted = Math.min(MAX_BOARD, Math.max(size, chosen.size + 1));
  for (let tries = 0; chosen.size < wanted && tries < wanted * 6; tries++) {
    const id = pickLocal(b);
    if (id && (!options.voluntary || isVoluntary(b, id))) chosen.add(id);
  }
  // A small locality may run out of its own organisations: shared bodies make up the number.
  for (let tries = 0; chosen.size < MIN_BOARD && tries < 30 && b.ctx.reserve.length > 0; tries++)
    chosen.add(b.rng.pick(b.ctx.reserve));
  return [...chosen].slice(0, MAX_BOARD);
}

/** The same board with `swaps` seats given to other local organisations. */
export function swapMembers(b: Builder, members: readonly string[], swaps: number): string[] {
  const kept = b.rng.sample(members, Math.max(0, members.length - swaps));
  const chosen = new Set(kept);
  for (let tries = 0; chosen.size < members.length && tries < 50; tries++) {
    const id = pickLocal(b);
    if (id) chosen.add(id);
  }
  return [...chosen];
}

export function meetingPattern(b: Builder, layer: string) {
  const meetings =
    layer === 'strategic'
      ? b.rng.pick([4, 4, 4, 6])
      : layer === 'executive'
        ? b.rng.pick([6, 6, 8, 10, 12])
        : b.rng.pick([4, 6, 8, 10, 12, 12]);
  const minutes = b.rng.pick([120, 120, 150, 180]);
  return {
    meetingsPerYear: b.rng.chance(0.04) ? null : meetings,
    meetingMinutes: b.rng.chance(0.04) ? null : minutes,
  };
}

export function attendanceFor(b: Builder, members: number): number | null {
  if (b.rng.chance(0.04)) return null;
  return Math.min(25, Math.max(8, Math.round(members * (1.1 + b.rng.float() * 0.4))));
}

export function statusFor(b: Builder): string {
  const r = b.rng.float();
  return r < 0.87 ? 'active' : r < 0.97 ? 'closed' : 'proposed';
}

/** Why a board of this tier exists: statutory, plan-driven, voluntary or funding-driven. */
export function basisFor(b: Builder, tier: WorkKind['tier']): string {
  if (tier === 'statutory') return 'statutory';
  const r = b.rng.float();
  if (tier === 'lsp' || tier === 'thematic') return r < 0.6 ? 'plan' : 'voluntary';
  if (tier === 'facility') return r < 0.25 ? 'plan' : r < 0.8 ? 'voluntary' : 'funding';
  return r < 0.35 ? 'plan' : r < 0.8 ? 'voluntary' : 'funding';
}

/** A funding stream that paid for work on one of these themes. */
export function fundFor(b: Builder, themes: readonly string[]) {
  const matching = FUNDS.filter((f) => f.themes.some((t) => themes.includes(t)));
  return b.rng.pick(matching.length > 0 ? matching : FUNDS);
}
