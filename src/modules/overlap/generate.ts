/**
 * A deterministic synthetic national register, for benchmarks, tests and `joinedup generate`,
 * shaped like real council registers (GENERATOR.md says how and why):
 *
 *  - localities of uneven size, each with an LSP, statutory boards, thematic partnerships, one
 *    board for each of many kinds of work from a catalogue of 200 (`catalogue/`), worded in one
 *    of several independent phrasings, and ward-level boards (children's centres, PACT meetings);
 *  - the big partners (council, county, police, NHS commissioner, CVS) on 70–90% of boards,
 *    each kind of work's specialists, and local organisations; forces, trusts and counties
 *    shared by the localities they serve;
 *  - planted duplicate groups (about `plantedShare` of the partnerships are extra copies) of six
 *    kinds, each copy another phrasing of the same work, and recorded hard negatives: pairs that
 *    look alike but are different work.
 *
 * Everything comes from one seeded generator drawn in a fixed order: the same options give the
 * same register.
 */
import { Random } from '../../core/random.js';
import { applyStressBoilerplate, plantGroups, plantHardNegatives } from './generate-planted.js';
import { buildBackground, buildDraft, planSlots } from './generate-background.js';
import {
  LOCALITIES_PER_FORCE,
  makeLocalities,
  makeLocalityContext,
  makeSharedBodies,
  MIN_LOCAL_ORGANISATIONS,
} from './generate-organisations.js';
import {
  type Builder,
  type Draft,
  type GenerateOptions,
  type HardNegative,
  type NationalData,
  OrganisationFactory,
  type PlantedGroup,
} from './generate-model.js';

export {
  HARD_NEGATIVE_KINDS,
  PLANTED_KINDS,
  type GeneratedLocality,
  type GeneratedOrganisation,
  type GenerateOptions,
  type HardNegative,
  type HardNegativeKind,
  type NationalData,
  type PartnershipDetail,
  type PlantedGroup,
  type PlantedKind,
} from './generate-model.js';

/** Every pair of a planted group, as "a|b" with a < b, for checking results against. */
export function plantedPairKeys(planted: readonly PlantedGroup[]): Set<string> {
  const keys = new Set<string>();
  for (const group of planted) {
    for (let i = 0; i < group.ids.length; i++)
      for (let j = i + 1; j < group.ids.length; j++) keys.add(pairKey(group.ids[i]!, group.ids[j]!));
  }
  return keys;
}

/** Every recorded hard negative, as "a|b" with a < b. */
export function hardNegativePairKeys(hardNegatives: readonly HardNegative[]): Set<string> {
  return new Set(hardNegatives.map((h) => pairKey(h.ids[0], h.ids[1])));
}

export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** How many partnerships each locality gets: uneven, as real densities are (lognormal weights). */
function localityShares(rng: Random, count: number): number[] {
  const weights = Array.from({ length: count }, () => Math.exp(0.45 * rng.normal()));
  const sum = weights.reduce((s, w) => s + w, 0);
  return weights.map((w) => w / sum);
}

function apportion(total: number, shares: number[], minimum: number): number[] {
  const counts = shares.map((s) => Math.max(minimum, Math.floor(total * s)));
  let left = total - counts.reduce((s, c) => s + c, 0);
  for (let i = 0; left > 0; i = (i + 1) % counts.length, left--) counts[i]!++;
  for (let i = 0; left < 0; i = (i + 1) % counts.length) {
    if (counts[i]! > minimum) {
      counts[i]!--;
      left++;
    }
  }
  return counts;
}

/**
 * Copies go in at random places after their parent (after the LSP if they have none), so that a
 * register's newest references are not all planted copies.
 */
function interleave(rng: Random, drafts: Draft[], copies: readonly Draft[]): Draft[] {
  const out = [...drafts];
  for (const copy of copies) {
    const after = copy.parent ? out.indexOf(copy.parent) + 1 : 1;
    out.splice(rng.int(after, out.length), 0, copy);
  }
  return out;
}

function checkShare(name: string, value: number) {
  if (!(value >= 0 && value < 1)) throw new RangeError(`${name} must be from 0 to just under 1`);
}

export function generateNational(options: GenerateOptions): NationalData {
  const { partnerships: total, organisations, localities: localityCount, seed = 1 } = options;
  const { plantedShare = 0.03, hardNegativeShare = 0.03, boilerplateShare = 0 } = options;
  if (total < localityCount * 12)
    throw new RangeError(`${total} partnerships are too few for ${localityCount} localities (at least 12 each)`);
  checkShare('plantedShare', plantedShare);
  checkShare('hardNegativeShare', hardNegativeShare);
  checkShare('boilerplateShare', boilerplateShare);
  const rng = new Random(seed);
  const shares = localityShares(rng, localityCount);
  const counts = apportion(total, shares, 12);
  const { localities, blocks } = makeLocalities(rng, counts);
  const orgs = new OrganisationFactory();
  const shared = makeSharedBodies(orgs, blocks);
  const localBudget = organisations - orgs.records.length - localityCount;
  if (localBudget < localityCount * MIN_LOCAL_ORGANISATIONS)
    throw new RangeError(
      `${organisations} organisations are too few for ${localityCount} localities (at least ${orgs.records.length + localityCount * (1 + MIN_LOCAL_ORGANISATIONS)})`,
    );
  const budgets = apportion(localBudget, shares, MIN_LOCAL_ORGANISATIONS);

  const data: NationalData = {
    localities,
    organisations: orgs.records,
    partnerships: [],
    planted: [],
    hardNegatives: [],
    details: {},
  };
  let serial = 0;
  const nextId = () => `P${String(++serial).padStart(6, '0')}`;
  const tally = { groups: 0 };
  const stressRng = new Random((seed ^ 0xb011_e7a7) >>> 0);
  localities.forEach((locality, i) => {
    const count = counts[i]!;
    const slots = planSlots(rng, locality, count);
    if (slots.length < count)
      throw new RangeError(
        `${locality.name} would need ${count} partnerships, more than its kinds of work and wards allow (${slots.length}): use more localities`,
      );
    const block = blocks[Math.floor(i / LOCALITIES_PER_FORCE)]!;
    const ctx = makeLocalityContext(
      rng,
      orgs,
      locality,
      { block: shared.byBlock[block.index]!, region: shared.byRegion.get(block.region)! },
      budgets[i]!,
      slots.map((s) => s.kind),
    );
    const b: Builder = { rng, ctx, orgs, nextId, details: data.details, tally };
    const copies = Math.round(count * plantedShare);
    const background = buildBackground(b, slots.slice(0, count - copies));
    const hardNegatives = plantHardNegatives(b, background, Math.round(count * hardNegativeShare));
    const inHardNegatives = new Set(hardNegatives.flatMap((h) => h.ids));
    const planted = plantGroups(b, background, copies, inHardNegatives);
    // Sources ran short (a tiny locality): the rest of the planned register makes up the count.
    const extra: Draft[] = [];
    for (const slot of slots.slice(count - copies, count - planted.copies.length)) {
      const drafts = [...background, ...extra];
      extra.push(buildDraft(b, slot, slot.parent === null ? null : drafts[slot.parent]!));
    }
    if (boilerplateShare > 0) {
      const keep = new Set([...inHardNegatives, ...planted.groups.flatMap((g) => g.ids)]);
      applyStressBoilerplate(stressRng, [...background, ...extra], keep, boilerplateShare);
    }
    for (const d of interleave(rng, [...background, ...extra], planted.copies)) data.partnerships.push(d.features);
    data.planted.push(...planted.groups);
    data.hardNegatives.push(...hardNegatives);
    options.onProgress?.(i + 1, localities.length);
  });
  return data;
}
