/**
 * Localities and the organisations their boards draw on (generate.ts). Localities come in blocks
 * of eight, a police force area: the force, the NHS commissioner, the trusts and, in two-tier
 * areas, the county council serve the whole block; national agencies have an office per region;
 * each locality has its council, its CVS, its own specialist charities and groups, and ordinary
 * organisations (schools, residents' groups, churches, firms) tied to its wards.
 */
import type { Random } from '../../core/random.js';
import { BODY_PATTERNS, ERAS, type BodyPattern, type Era, LOCAL_PATTERNS } from './catalogue/organisations.js';
import type { WorkKind } from './catalogue/kinds.js';
import {
  PLACE_PREFIXES,
  PLACE_SUFFIXES,
  REGIONS,
  SAINTS,
  SURNAMES,
  TRADES,
  WARD_QUALIFIERS,
  WARD_STEMS,
} from './generate-vocabulary.js';
import { type GeneratedLocality, type LocalityContext, OrganisationFactory } from './generate-model.js';

export const LOCALITIES_PER_FORCE = 8;
/** A locality's own organisations: at least the CVS, two specialists and two ordinary ones. */
export const MIN_LOCAL_ORGANISATIONS = 5;

export interface Block {
  index: number;
  area: string;
  county: string | null;
  region: string;
  era: Era;
}

function localityNames(rng: Random, count: number): string[] {
  const names = rng.shuffle(PLACE_PREFIXES.flatMap((p) => PLACE_SUFFIXES.map((s) => `${p}${s}`)));
  return Array.from({ length: count }, (_, i) =>
    i < names.length ? names[i]! : `${names[i % names.length]!} ${Math.floor(i / names.length) + 1}`,
  );
}

function wardNames(rng: Random, count: number): string[] {
  const stems = rng.shuffle(WARD_STEMS);
  const names = stems.slice(0, Math.min(count, stems.length));
  for (let q = 0; names.length < count; q++)
    names.push(
      `${stems[q % stems.length]!} ${WARD_QUALIFIERS[Math.floor(q / stems.length) % WARD_QUALIFIERS.length]!}`,
    );
  return names;
}

/** Eras by region: a register reads as of its time (a PCT, a CCG or an ICB). */
function regionEras(rng: Random): Map<string, Era> {
  return new Map(REGIONS.map((r) => [r, rng.chance(0.5) ? 'pct' : rng.pick(ERAS.slice(1))] as const));
}

/**
 * Localities in blocks of eight; some blocks are two-tier counties. Wards grow with a locality's
 * size, so a big district has enough wards for its ward-level boards (at most 99, as plan.ts codes them).
 */
export function makeLocalities(
  rng: Random,
  partnershipCounts: number[],
): { localities: GeneratedLocality[]; blocks: Block[] } {
  const count = partnershipCounts.length;
  const names = localityNames(rng, count);
  const eras = regionEras(rng);
  const blockCount = Math.ceil(count / LOCALITIES_PER_FORCE);
  const blocks: Block[] = [];
  const prefixes = ['E06', 'E08', 'E09'];
  const localities: GeneratedLocality[] = [];
  let ward = 0;
  for (let i = 0; i < count; i++) {
    const b = Math.floor(i / LOCALITIES_PER_FORCE);
    if (i % LOCALITIES_PER_FORCE === 0) {
      const region = REGIONS[Math.floor((b * REGIONS.length) / blockCount)]!;
      const twoTier = rng.chance(0.55);
      const first = names[i]!;
      blocks.push({
        index: b,
        area: twoTier ? `${first}shire` : `Greater ${first}`,
        county: twoTier ? `${first}shire` : null,
        region,
        era: eras.get(region)!,
      });
    }
    const block = blocks[b]!;
    const wards = Math.min(99, Math.max(12, Math.ceil(partnershipCounts[i]! / 6) + rng.int(0, 12)));
    localities.push({
      id: `${block.county ? 'E07' : prefixes[b % prefixes.length]!}${String(i + 1).padStart(6, '0')}`,
      name: names[i]!,
      region: block.region,
      countyCode: block.county ? `E10${String(b + 1).padStart(6, '0')}` : null,
      wardCodes: Array.from({ length: wards }, () => `E05${String(++ward).padStart(6, '0')}`),
      wardNames: wardNames(rng, wards),
      era: block.era,
    });
  }
  return { localities, blocks };
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

function addBody(
  orgs: OrganisationFactory,
  pattern: BodyPattern,
  era: Era,
  values: Record<string, string>,
  at: string | null,
) {
  return orgs.add(fill(pattern.names[ERAS.indexOf(era)]!, values), pattern.sector, pattern.type, at);
}

/** The bodies each block and each region shares, by catalogue key. */
export function makeSharedBodies(orgs: OrganisationFactory, blocks: Block[]) {
  const byBlock = blocks.map((block) => {
    const bodies = new Map<string, string>();
    const values = { area: block.area, county: block.county ?? block.area, region: block.region };
    for (const pattern of BODY_PATTERNS.values()) {
      if (pattern.scope !== 'block' || (pattern.key === 'county' && !block.county)) continue;
      bodies.set(pattern.key, addBody(orgs, pattern, block.era, values, null));
    }
    return bodies;
  });
  const byRegion = new Map<string, Map<string, string>>();
  for (const block of blocks) {
    if (byRegion.has(block.region)) continue;
    const bodies = new Map<string, string>();
    for (const pattern of BODY_PATTERNS.values())
      if (pattern.scope === 'region')
        bodies.set(pattern.key, addBody(orgs, pattern, block.era, { region: block.region }, null));
    byRegion.set(block.region, bodies);
  }
  return { byBlock, byRegion };
}

/** How many shared bodies `makeSharedBodies` will create: the rest of the budget is the localities'. */
export function sharedBodyCount(blocks: Block[]): number {
  const perBlock = [...BODY_PATTERNS.values()].filter((p) => p.scope === 'block' && p.key !== 'county').length;
  const perRegion = [...BODY_PATTERNS.values()].filter((p) => p.scope === 'region').length;
  return (
    blocks.length * perBlock +
    blocks.filter((b) => b.county).length +
    new Set(blocks.map((b) => b.region)).size * perRegion
  );
}

/**
 * The locality's own specialists most in demand from the kinds it has, CVS first. A kind's first
 * specialist is its most characteristic (the women's aid charity of domestic abuse), so counts most.
 */
function wantedSpecialists(kinds: readonly WorkKind[], room: number): string[] {
  const demand = new Map<string, number>();
  for (const kind of kinds)
    kind.specialists.forEach((key, i) => {
      if (BODY_PATTERNS.get(key)!.scope === 'locality') demand.set(key, (demand.get(key) ?? 0) + (i === 0 ? 3 : 1));
    });
  demand.delete('cvs');
  const ranked = [...demand].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([key]) => key);
  return ['cvs', ...ranked].slice(0, room);
}

function ordinaryName(rng: Random, template: string, ward: string): string {
  return fill(template, { ward, saint: rng.pick(SAINTS), surname: rng.pick(SURNAMES), trade: rng.pick(TRADES) });
}

/**
 * The locality's council, its own specialists (as many as its budget allows, those its kinds of
 * work call on most first) and ordinary organisations tied to wards, with the shared bodies it uses.
 */
export function makeLocalityContext(
  rng: Random,
  orgs: OrganisationFactory,
  locality: GeneratedLocality,
  shared: { block: Map<string, string>; region: Map<string, string> },
  budget: number,
  kinds: readonly WorkKind[],
): LocalityContext {
  const twoTier = locality.countyCode !== null;
  const council = orgs.add(
    `${locality.name} ${twoTier ? 'District' : 'Borough'} Council`,
    'public',
    twoTier ? 'district-council' : 'unitary-council',
    locality.id,
  );
  const bodies = new Map<string, string>([...shared.region, ...shared.block]);
  const specialists = wantedSpecialists(kinds, Math.max(3, Math.floor(budget * 0.65)));
  for (const key of specialists)
    bodies.set(key, addBody(orgs, BODY_PATTERNS.get(key)!, locality.era, { place: locality.name }, locality.id));

  const totalShare = LOCAL_PATTERNS.reduce((s, p) => s + p.share, 0);
  const locals: string[] = [];
  const localsByWard = new Map<number, string[]>();
  for (let k = specialists.length; k < budget; k++) {
    let r = rng.float() * totalShare;
    const pattern = LOCAL_PATTERNS.find((p) => (r -= p.share) < 0) ?? LOCAL_PATTERNS[0]!;
    const ward = rng.int(0, locality.wardNames.length - 1);
    const name = ordinaryName(rng, rng.pick(pattern.names), locality.wardNames[ward]!);
    const id = orgs.add(name, pattern.sector, pattern.type, locality.id);
    locals.push(id);
    localsByWard.set(ward, [...(localsByWard.get(ward) ?? []), id]);
  }
  // Zipf-like popularity: a few ordinary organisations (the big school, a church) sit on many boards.
  const shuffled = rng.shuffle(locals);
  const localWeights = new Float64Array(shuffled.length);
  let sum = 0;
  for (let k = 0; k < shuffled.length; k++) localWeights[k] = sum += 1 / (k + 1) ** 0.7;

  const bigPartners = [
    council,
    shared.block.get('county'),
    shared.block.get('police'),
    shared.block.get('commissioner'),
  ]
    .concat(bodies.get('cvs'))
    .filter((id): id is string => id !== undefined);
  const reserve = [...shared.block.values(), ...shared.region.values()].filter((id) => !bigPartners.includes(id));
  return { locality, twoTier, bigPartners, bodies, reserve, locals: shuffled, localWeights, localsByWard };
}
