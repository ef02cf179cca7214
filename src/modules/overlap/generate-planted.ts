/**
 * Planted duplicate groups and hard negatives (generate.ts), of the kinds real registers show.
 *
 * A planted copy is always another phrasing of the source's kind of work, so the two say the
 * same thing in different words (few shared words by construction of the catalogue). What else
 * they share depends on how such duplicates arise: a voluntary forum beside a statutory board has
 * other members; a renamed successor keeps the same ones; a fund's board copies a mainstream
 * board's work with part of its partners.
 *
 * Hard negatives are pairs that look alike but are different work: the same facility in two
 * wards, neighbouring kinds of work with the same big partners, and boards described with the
 * same boilerplate.
 */
import type { Random } from '../../core/random.js';
import { type Style, type WorkKind } from './catalogue/kinds.js';
import { BOILERPLATE_PURPOSE, STRESS_BOILERPLATE } from './generate-vocabulary.js';
import { fillPlaces, nameFor } from './generate-background.js';
import {
  attendanceFor,
  drawBoard,
  fundFor,
  MAX_BOARD,
  meetingPattern,
  MIN_BOARD,
  pickLocal,
  swapMembers,
} from './generate-boards.js';
import {
  type Builder,
  type Draft,
  type HardNegative,
  PLANTED_KINDS,
  type PlantedGroup,
  type PlantedKind,
} from './generate-model.js';

/** The kinds of group in turn (reworded the most often), so every kind turns up in a small set. */
const PLANT_SEQUENCE: readonly PlantedKind[] = [...PLANTED_KINDS, ...PLANTED_KINDS, 'reworded'];
/** Third and fourth members of a group: more rewordings, forums and funded boards. */
const EXTRA_MECHANISMS: PlantedKind[] = ['reworded', 'statutory-and-voluntary', 'funding-stream'];

const PREFERRED_STYLES: Record<PlantedKind, Style[]> = {
  reworded: ['official', 'everyday', 'programme'],
  'statutory-and-voluntary': ['everyday', 'official', 'programme'],
  'funding-stream': ['programme', 'official', 'everyday'],
  'renamed-successor': ['official', 'programme', 'everyday'],
  'parallel-sub-groups': ['official', 'everyday', 'programme'],
  'terse-same-members': ['terse', 'official', 'everyday', 'programme'],
};

function isBoard(d: Draft): boolean {
  return (d.kind.tier === 'thematic' || d.kind.tier === 'statutory') && d.features.status !== 'closed';
}

function eligibleSource(d: Draft, taken: ReadonlySet<string>): boolean {
  return (
    d.kind.tier !== 'lsp' &&
    d.kind.tier !== 'facility' &&
    d.text === 'full' &&
    d.features.status !== 'closed' &&
    d.features.memberOrganisationIds.length >= MIN_BOARD &&
    !taken.has(d.features.id)
  );
}

function compatible(kind: PlantedKind, d: Draft, drafts: readonly Draft[]): boolean {
  switch (kind) {
    case 'statutory-and-voluntary':
      return d.features.basis === 'statutory' || d.features.basis === 'plan';
    case 'funding-stream':
      return d.features.basis !== 'funding';
    case 'renamed-successor':
      return d.features.status === 'active';
    case 'parallel-sub-groups':
      return d.parent !== null && !d.parent.features.isLsp && drafts.some((p) => isBoard(p) && p !== d.parent);
    default:
      return true;
  }
}

function pickPhrasing(b: Builder, kind: WorkKind, used: ReadonlySet<number>, styles: readonly Style[]): number | null {
  for (const style of styles) {
    const options = kind.phrasings.flatMap((p, i) => (p.style === style && !used.has(i) ? [i] : []));
    if (options.length > 0) return b.rng.pick(options);
  }
  return null;
}

const nonBig = (b: Builder, ids: readonly string[]) => ids.filter((id) => !b.ctx.bigPartners.includes(id));

function merge(...lists: (readonly string[])[]): string[] {
  return [...new Set(lists.flat())].slice(0, MAX_BOARD);
}

function firstLetterLower(word: string): string {
  return /^[A-Z][a-z]/.test(word) ? word[0]!.toLowerCase() + word.slice(1) : word;
}

/** A copy of the source in another phrasing; the mechanism then gives it its board and standing. */
function baseCopy(b: Builder, source: Draft, phrasing: number): Draft {
  const s = source.features;
  const words = source.kind.phrasings[phrasing]!;
  const copy: Draft = {
    kind: source.kind,
    phrasing,
    text: 'full',
    ward: null,
    parent: source.parent,
    features: {
      ...s,
      id: b.nextId(),
      name: nameFor(b, words, null),
      purpose: fillPlaces(words.purpose, b, null),
      themes: [...s.themes],
      areas: [...s.areas],
      memberOrganisationIds: [...s.memberOrganisationIds],
      ...meetingPattern(b, s.layer),
      status: b.rng.chance(0.9) ? 'active' : 'proposed',
      statutory: false,
      basis: b.rng.chance(0.5) ? 'plan' : 'voluntary',
      separateLegalStatus: b.rng.chance(0.05),
    },
  };
  delete copy.features.isLsp;
  return copy;
}

function applyMechanism(b: Builder, mechanism: PlantedKind, source: Draft, copy: Draft, drafts: readonly Draft[]) {
  const f = copy.features;
  const s = source.features;
  const kind = source.kind;
  const detail = { work: kind.id, statutoryType: null as string | null, fund: null as string | null, ward: null };
  switch (mechanism) {
    case 'reworded':
      f.memberOrganisationIds = merge(
        drawBoard(b, kind, { layer: s.layer, bigChance: 0.8 }),
        b.rng.sample(nonBig(b, s.memberOrganisationIds), Math.ceil(nonBig(b, s.memberOrganisationIds).length * 0.4)),
      );
      if (b.rng.chance(0.5)) copy.parent = null;
      break;
    case 'statutory-and-voluntary':
      f.memberOrganisationIds = drawBoard(b, kind, { layer: 'operational', bigChance: 0, voluntary: true });
      f.basis = 'voluntary';
      f.layer = 'operational';
      copy.parent = null;
      break;
    case 'funding-stream': {
      const fund = fundFor(b, kind.themes);
      f.memberOrganisationIds = merge(
        drawBoard(b, kind, { layer: 'executive', bigChance: 0.75, specialistChance: 0.6 }),
        b.rng.sample(nonBig(b, s.memberOrganisationIds), Math.ceil(nonBig(b, s.memberOrganisationIds).length * 0.3)),
      );
      f.basis = 'funding';
      f.name = `${fund.short} ${kind.phrasings[copy.phrasing]!.name.replaceAll('{place}', b.ctx.locality.name)}`;
      f.purpose = `${fund.name} programme, ${fund.years}: ${f.purpose}`;
      f.separateLegalStatus = b.rng.chance(0.15);
      detail.fund = fund.name;
      copy.parent = null;
      break;
    }
    case 'renamed-successor':
      f.memberOrganisationIds = swapMembers(b, s.memberOrganisationIds, b.rng.int(0, 1));
      f.status = 'active';
      f.basis = s.basis;
      f.statutory = s.statutory;
      detail.statutoryType = b.details[s.id]!.statutoryType;
      detail.fund = b.details[s.id]!.fund;
      break;
    case 'parallel-sub-groups': {
      const boards = drafts.filter((p) => isBoard(p) && p !== source.parent);
      const related = boards.filter((p) => kind.themes.includes(p.kind.themes[0]!));
      const parent = b.rng.pick(related.length > 0 ? related : boards);
      f.memberOrganisationIds = drawBoard(b, kind, { layer: 'operational', bigChance: 0.8, parent });
      f.layer = 'operational';
      if (b.rng.chance(0.5)) f.areas = [...parent.features.areas];
      copy.parent = parent;
      break;
    }
    case 'terse-same-members': {
      f.memberOrganisationIds = [...s.memberOrganisationIds];
      if (kind.phrasings[copy.phrasing]!.style !== 'terse') break;
      const r = b.rng.float();
      if (r < 0.25) {
        f.purpose = '';
        copy.text = 'empty';
      } else if (r < 0.5) {
        f.purpose = kind.word;
        copy.text = 'one-word';
      }
      break;
    }
  }
  f.parentId = copy.parent?.features.id ?? null;
  f.typicalAttendance = attendanceFor(b, f.memberOrganisationIds.length);
  b.details[f.id] = detail;
}

function groupSize(b: Builder, remaining: number, phrasingsLeft: number): number {
  const r = b.rng.float();
  const wanted = r < 0.75 ? 2 : r < 0.95 ? 3 : 4;
  return Math.max(2, Math.min(wanted, remaining + 1, phrasingsLeft + 1));
}

/** Plants groups until `copies` extra partnerships are made, or the sources run out. */
export function plantGroups(
  b: Builder,
  drafts: readonly Draft[],
  copies: number,
  taken: ReadonlySet<string>,
): { copies: Draft[]; groups: PlantedGroup[] } {
  const made: Draft[] = [];
  const groups: PlantedGroup[] = [];
  const sources = b.rng.shuffle(drafts.filter((d) => eligibleSource(d, taken)));
  let remaining = copies;
  while (remaining > 0 && sources.length > 0) {
    const wanted = PLANT_SEQUENCE[b.tally.groups % PLANT_SEQUENCE.length]!;
    let at = sources.findIndex((d) => compatible(wanted, d, drafts));
    const kind: PlantedKind = at >= 0 ? wanted : 'reworded';
    if (at < 0) at = 0;
    const source = sources.splice(at, 1)[0]!;
    const used = new Set([source.phrasing]);
    const size = groupSize(b, remaining, source.kind.phrasings.length - 1);
    const group: Draft[] = [];
    for (let k = 1; k < size; k++) {
      const mechanism = k === 1 ? kind : b.rng.pick(EXTRA_MECHANISMS);
      const phrasing = pickPhrasing(b, source.kind, used, PREFERRED_STYLES[mechanism]);
      if (phrasing === null) break;
      used.add(phrasing);
      const copy = baseCopy(b, source, phrasing);
      applyMechanism(b, mechanism, source, copy, drafts);
      group.push(copy);
    }
    if (group.length === 0) continue;
    b.tally.groups++;
    made.push(...group);
    groups.push({ kind, sourceId: source.features.id, ids: [source.features.id, ...group.map((c) => c.features.id)] });
    remaining -= group.length;
  }
  return { copies: made, groups };
}

// ---------------------------------------------------------------------------------------------

function usable(d: Draft, used: ReadonlySet<string>): boolean {
  return (
    d.text === 'full' &&
    d.features.status !== 'closed' &&
    d.features.memberOrganisationIds.length >= MIN_BOARD &&
    !used.has(d.features.id)
  );
}

function pairsOfFamilies(
  b: Builder,
  drafts: readonly Draft[],
  used: ReadonlySet<string>,
  key: (d: Draft) => string | null,
) {
  const byKey = new Map<string, Draft[]>();
  for (const d of drafts) {
    const k = key(d);
    if (k === null || !usable(d, used)) continue;
    byKey.set(k, [...(byKey.get(k) ?? []), d]);
  }
  return b.rng.shuffle([...byKey.values()].filter((list) => list.length >= 2));
}

/** B keeps its own members but sits with exactly the big partners A has. */
function alignBigPartners(b: Builder, a: Draft, other: Draft) {
  const big = a.features.memberOrganisationIds.filter((id) => b.ctx.bigPartners.includes(id));
  const members = new Set(merge(big, nonBig(b, other.features.memberOrganisationIds)));
  for (let tries = 0; members.size < MIN_BOARD && tries < 30; tries++) {
    const id = pickLocal(b);
    if (id) members.add(id);
  }
  other.features.memberOrganisationIds = [...members];
}

/**
 * Records `budget` hard negatives among the background partnerships, adjusting them where the
 * look-alike is made (big partners aligned, boilerplate purposes), and returns them.
 */
export function plantHardNegatives(b: Builder, drafts: readonly Draft[], budget: number): HardNegative[] {
  const used = new Set<string>();
  const found: HardNegative[] = [];
  const record = (kind: HardNegative['kind'], x: Draft, y: Draft) => {
    used.add(x.features.id).add(y.features.id);
    found.push({ kind, ids: [x.features.id, y.features.id] });
  };
  const facilities = pairsOfFamilies(b, drafts, used, (d) => (d.ward === null ? null : d.kind.id));
  for (const list of facilities.slice(0, Math.ceil(budget / 3))) {
    const [x, y] = b.rng.sample(list, 2);
    record('same-facility-other-ward', x!, y!);
  }
  const topics = drafts.filter((d) => d.kind.tier === 'topic' && usable(d, used));
  if (budget - found.length >= 2 && topics.length >= 2) {
    const [x, y] = b.rng.sample(topics, 2);
    for (const d of [x!, y!]) {
      d.features.purpose = BOILERPLATE_PURPOSE.replace('{word}', firstLetterLower(d.kind.word));
      d.text = 'boilerplate';
    }
    record('shared-boilerplate', x!, y!);
  }
  const families = pairsOfFamilies(b, drafts, used, (d) =>
    d.ward === null && d.kind.tier !== 'lsp' ? d.kind.family : null,
  );
  for (const list of families) {
    if (found.length >= budget) break;
    const distinct = list.filter((d, i) => list.findIndex((e) => e.kind.id === d.kind.id) === i);
    if (distinct.length < 2) continue;
    const [x, y] = b.rng.sample(distinct, 2);
    alignBigPartners(b, x!, y!);
    record('neighbouring-work', x!, y!);
  }
  return found;
}

/**
 * The stress set: `share` of the locality's other partnerships get one boilerplate purpose. It
 * draws from a generator of its own, so the register is otherwise the one the seed gives.
 */
export function applyStressBoilerplate(
  rng: Random,
  drafts: readonly Draft[],
  keep: ReadonlySet<string>,
  share: number,
) {
  const candidates = drafts.filter((d) => !d.features.isLsp && !keep.has(d.features.id));
  for (const d of rng.sample(candidates, Math.round(drafts.length * share))) {
    d.features.purpose = STRESS_BOILERPLATE;
    d.text = 'boilerplate';
  }
}
