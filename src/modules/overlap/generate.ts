/**
 * A deterministic synthetic national register, for benchmarks, tests and `joinedup generate`.
 *
 * Shape (DOMAIN.md, "Numbers worth knowing"): localities of uneven density (a dense one has
 * 250+ partnerships), each with an LSP at the apex, statutory partnerships, thematic
 * partnerships and their sub-groups, funding-stream and voluntary groups; boards of 4–20
 * organisations at 8–25 people, meeting 4–12 times a year for 2–3 hours; the council on nearly
 * every local board, police forces, fire services, NHS bodies and counties shared by several
 * localities (so they sit on hundreds of boards), regional branches of national agencies, and a
 * long tail of local organisations of which a few "usual suspects" sit on many boards.
 *
 * Planted near-duplicates (about `plantedShare` of the partnerships are copies) of five kinds,
 * with the ground truth returned alongside:
 *  - reworded-purpose: same board, purpose reworded (synonyms, reordered, an objective dropped);
 *  - renamed: same board and purpose, a new name;
 *  - same-members-new-name: the same organisations under a new name and a new purpose;
 *  - same-purpose-different-members: the purpose lightly edited, a freshly drawn board;
 *  - nested-copy: a sub-group of the source doing much the same with part of its board.
 *
 * Everything comes from one seeded generator drawn in a fixed order: the same options give the
 * same register. Per-locality working data is dropped once a locality is done, so memory is
 * the output itself (about 100 MB at 50,000 partnerships, mostly the purpose strings).
 */
import { Random } from '../../core/random.js';
import type { OrganisationRecord, PartnershipFeatures, Sector } from './types.js';
import {
  CAUSES,
  CODEWORDS,
  EXTRA_SENTENCES,
  FUNDS,
  KIND_WORDS,
  LOCAL_ORGANISATION_TYPES,
  PLACE_PREFIXES,
  PLACE_SUFFIXES,
  QUALIFIERS,
  REGIONAL_AGENCIES,
  REGIONS,
  SUB_GROUP_WORDS,
  THEME_WORDS,
  THEMES,
  VERBS,
  VERB_SYNONYMS,
} from './generate-vocabulary.js';

export interface GenerateOptions {
  partnerships: number;
  organisations: number;
  localities: number;
  seed?: number;
  /** Share of partnerships that are planted copies of another. Default 0.03. */
  plantedShare?: number;
  /** Called after each locality, for a progress bar. */
  onProgress?: (localitiesDone: number, localities: number) => void;
}

export interface GeneratedLocality {
  /** The GSS code doubles as the id. */
  id: string;
  name: string;
  region: string;
  countyCode: string | null;
  wardCodes: string[];
}

export const PLANTED_KINDS = [
  'reworded-purpose',
  'renamed',
  'same-members-new-name',
  'same-purpose-different-members',
  'nested-copy',
] as const;
export type PlantedKind = (typeof PLANTED_KINDS)[number];

/** A source partnership and its planted copies: every pair in `ids` should be found. */
export interface PlantedGroup {
  kind: PlantedKind;
  sourceId: string;
  ids: string[];
}

export interface NationalData {
  localities: GeneratedLocality[];
  organisations: OrganisationRecord[];
  partnerships: PartnershipFeatures[];
  planted: PlantedGroup[];
}

/** Every pair of a planted group, as "a|b" with a < b, for checking results against. */
export function plantedPairKeys(planted: readonly PlantedGroup[]): Set<string> {
  const keys = new Set<string>();
  for (const group of planted) {
    for (let i = 0; i < group.ids.length; i++)
      for (let j = i + 1; j < group.ids.length; j++) keys.add(pairKey(group.ids[i]!, group.ids[j]!));
  }
  return keys;
}

export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

// ---------------------------------------------------------------------------------------------
// Organisations shared by several localities, and each locality's own.

type SharedBody =
  'county' | 'police' | 'fire' | 'pcc' | 'probation' | 'commissioner' | 'acuteTrust' | 'mentalHealthTrust';

/** Which shared bodies sit on a board of each theme, and how often. */
const BODY_CHANCES: Record<string, Partial<Record<SharedBody, number>>> = {
  'community-safety': { police: 0.95, fire: 0.6, probation: 0.7, pcc: 0.35, commissioner: 0.3 },
  'substance-misuse': { police: 0.7, probation: 0.6, mentalHealthTrust: 0.5, commissioner: 0.6 },
  'health-wellbeing': { commissioner: 0.9, acuteTrust: 0.6, mentalHealthTrust: 0.4, county: 0.5 },
  'adult-social-care': { commissioner: 0.8, acuteTrust: 0.6, mentalHealthTrust: 0.5, county: 0.8 },
  'older-people': { commissioner: 0.6, acuteTrust: 0.5, county: 0.7, fire: 0.2 },
  'children-young-people': { county: 0.8, police: 0.45, commissioner: 0.4, probation: 0.15 },
  education: { county: 0.85 },
  housing: { probation: 0.15, mentalHealthTrust: 0.15 },
  'economy-regeneration': { county: 0.4 },
  'employment-skills': { county: 0.35, probation: 0.1 },
  environment: { county: 0.4, fire: 0.1 },
  transport: { county: 0.9, police: 0.2 },
  'culture-leisure': { county: 0.2 },
  'neighbourhood-renewal': { police: 0.5, fire: 0.2, commissioner: 0.2 },
  'community-cohesion': { police: 0.55 },
  resilience: { police: 0.95, fire: 0.95, acuteTrust: 0.7, county: 0.9, commissioner: 0.5 },
};

interface LocalityContext {
  locality: GeneratedLocality;
  council: string;
  bodies: Partial<Record<SharedBody, string>>;
  agencies: Map<string, string>;
  locals: string[];
  /** Cumulative popularity of the local organisations: a few sit on many boards. */
  localWeights: Float64Array;
}

const LOCALITIES_PER_FORCE = 8;

class OrganisationFactory {
  readonly records: OrganisationRecord[] = [];

  add(name: string, sector: Sector, localityId: string | null): string {
    const id = `O${String(this.records.length + 1).padStart(6, '0')}`;
    this.records.push({ id, name, sector, localityId });
    return id;
  }
}

function localityNames(rng: Random, count: number): string[] {
  const names = rng.shuffle(PLACE_PREFIXES.flatMap((p) => PLACE_SUFFIXES.map((s) => `${p}${s}`)));
  return Array.from({ length: count }, (_, i) =>
    i < names.length ? names[i]! : `${names[i % names.length]!} ${Math.floor(i / names.length) + 1}`,
  );
}

/** Localities in blocks of eight (a police force area); some blocks are two-tier counties. */
function makeLocalities(rng: Random, count: number): { localities: GeneratedLocality[]; twoTier: boolean[] } {
  const names = localityNames(rng, count);
  const localities: GeneratedLocality[] = [];
  const twoTier: boolean[] = [];
  let ward = 0;
  const prefixes = ['E06', 'E08', 'E09'];
  for (let i = 0; i < count; i++) {
    const block = Math.floor(i / LOCALITIES_PER_FORCE);
    if (i % LOCALITIES_PER_FORCE === 0) twoTier[block] = rng.chance(0.55);
    const inCounty = twoTier[block]!;
    const prefix = inCounty ? 'E07' : prefixes[block % prefixes.length]!;
    const wards = rng.int(12, 40);
    localities.push({
      id: `${prefix}${String(i + 1).padStart(6, '0')}`,
      name: names[i]!,
      region: REGIONS[Math.floor((i * REGIONS.length) / count)]!,
      countyCode: inCounty ? `E10${String(block + 1).padStart(6, '0')}` : null,
      wardCodes: Array.from({ length: wards }, () => `E05${String(++ward).padStart(6, '0')}`),
    });
  }
  return { localities, twoTier };
}

/** Shared bodies by force area and region, then each locality's council and local organisations. */
function makeOrganisations(
  rng: Random,
  localities: GeneratedLocality[],
  twoTier: boolean[],
  total: number,
  partnershipShare: number[],
) {
  const orgs = new OrganisationFactory();
  const blockBodies: Partial<Record<SharedBody, string>>[] = [];
  for (let block = 0; block * LOCALITIES_PER_FORCE < localities.length; block++) {
    const first = localities[block * LOCALITIES_PER_FORCE]!;
    const area = `${first.name} and District`;
    blockBodies.push({
      county: twoTier[block] ? orgs.add(`${first.name}shire County Council`, 'public', null) : undefined,
      police: orgs.add(`${area} Police`, 'public', null),
      fire: orgs.add(`${area} Fire and Rescue Service`, 'public', null),
      pcc: orgs.add(`${area} Police and Crime Commissioner`, 'public', null),
      commissioner: orgs.add(`${area} Integrated Care Board`, 'public', null),
      mentalHealthTrust: orgs.add(`${area} Mental Health NHS Trust`, 'public', null),
    });
  }
  const regionBodies = new Map<string, { probation: string; agencies: Map<string, string> }>();
  for (const region of new Set(localities.map((l) => l.region))) {
    const agencies = new Map(
      REGIONAL_AGENCIES.map((a) => [a.name, orgs.add(`${a.name} (${region})`, a.sector, null)] as const),
    );
    regionBodies.set(region, { probation: orgs.add(`Probation Service ${region}`, 'public', null), agencies });
  }
  const acuteTrusts: string[] = [];
  for (let i = 0; i < localities.length; i += 2)
    acuteTrusts.push(orgs.add(`${localities[i]!.name} Hospitals NHS Foundation Trust`, 'public', null));

  const localBudget = total - orgs.records.length - localities.length;
  if (localBudget < localities.length * 5)
    throw new RangeError(`${total} organisations are too few for ${localities.length} localities`);
  const localCounts = apportion(localBudget, partnershipShare, 5);
  const contexts = localities.map((locality, i) => {
    const council = orgs.add(
      `${locality.name} ${locality.countyCode ? 'District' : 'Borough'} Council`,
      'public',
      locality.id,
    );
    const region = regionBodies.get(locality.region)!;
    const bodies = {
      ...blockBodies[Math.floor(i / LOCALITIES_PER_FORCE)]!,
      probation: region.probation,
      acuteTrust: acuteTrusts[Math.floor(i / 2)]!,
    };
    const locals = makeLocalOrganisations(rng, orgs, locality, localCounts[i]!);
    // Zipf-like popularity: the CVS, the college and a few charities end up on many boards.
    const localWeights = new Float64Array(locals.length);
    let sum = 0;
    for (let k = 0; k < locals.length; k++) localWeights[k] = sum += 1 / (k + 1) ** 0.7;
    return { locality, council, bodies, agencies: region.agencies, locals, localWeights } satisfies LocalityContext;
  });
  return { organisations: orgs.records, contexts };
}

function makeLocalOrganisations(
  rng: Random,
  orgs: OrganisationFactory,
  locality: GeneratedLocality,
  count: number,
): string[] {
  const totalShare = LOCAL_ORGANISATION_TYPES.reduce((s, t) => s + t.share, 0);
  const ids: string[] = [];
  for (let k = 0; k < count; k++) {
    let r = rng.float() * totalShare;
    const type = LOCAL_ORGANISATION_TYPES.find((t) => (r -= t.share) < 0) ?? LOCAL_ORGANISATION_TYPES[0]!;
    const name =
      type.type === 'charity'
        ? `${locality.name} ${rng.pick(CAUSES)} ${type.label}`
        : `${locality.name} ${type.label} ${k + 1}`;
    ids.push(orgs.add(name, type.sector, locality.id));
  }
  // Popularity follows list order (see localWeights); shuffled so it does not follow type.
  return rng.shuffle(ids);
}

// ---------------------------------------------------------------------------------------------
// Partnerships: drafts keep the parts of a name and purpose so copies can be reworded.

interface Objective {
  verb: string;
  object: string;
  qualifier: string;
}

interface Draft {
  features: PartnershipFeatures;
  theme: string;
  objectives: Objective[];
  extra: string | null;
  phrase: string;
}

interface Builder {
  rng: Random;
  ctx: LocalityContext;
  nextId: () => string;
}

function objective(b: Builder, theme: string): Objective {
  const words = THEME_WORDS[theme]!;
  return { verb: b.rng.pick(VERBS), object: b.rng.pick(words.objects), qualifier: b.rng.pick(QUALIFIERS) };
}

function objectives(b: Builder, theme: string, count: number): Objective[] {
  return Array.from({ length: count }, () => objective(b, theme));
}

function purposeText(b: Builder, objectivesList: Objective[], extra: string | null): string {
  const clauses = objectivesList.map(
    (o) => `${o.verb} ${o.object} ${o.qualifier.replace('{place}', b.ctx.locality.name)}`,
  );
  const last = clauses.pop()!;
  const body = clauses.length > 0 ? `To ${clauses.join(', ')} and ${last}.` : `To ${last}.`;
  return extra ? `${body} ${extra}.` : body;
}

function extraSentence(b: Builder, parentName: string | null): string | null {
  if (!b.rng.chance(0.45)) return null;
  const template = b.rng.pick(EXTRA_SENTENCES);
  if (template.includes('{parent}') && !parentName) return null;
  return template
    .replace('{parent}', `the ${parentName ?? ''}`)
    .replace('{fund}', b.rng.pick(FUNDS))
    .replace('{codeword}', b.rng.pick(CODEWORDS));
}

function sizeFor(b: Builder, layer: string): number {
  if (layer === 'strategic') return b.rng.int(10, 18);
  if (layer === 'executive') return b.rng.int(6, 12);
  return b.rng.int(4, 8);
}

function pickLocal(b: Builder): string {
  const { localWeights, locals } = b.ctx;
  const r = b.rng.float() * localWeights[localWeights.length - 1]!;
  let lo = 0;
  let hi = localWeights.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (localWeights[mid]! > r) hi = mid;
    else lo = mid + 1;
  }
  return locals[lo]!;
}

/** A board: the council, the shared bodies the theme calls for, part of a parent's board, locals. */
function drawMembers(b: Builder, theme: string, layer: string, parentMembers: readonly string[] | null): string[] {
  const size = sizeFor(b, layer);
  const chosen = new Set<string>();
  if (b.rng.chance(layer === 'strategic' ? 0.97 : 0.88)) chosen.add(b.ctx.council);
  for (const [body, chance] of Object.entries(BODY_CHANCES[theme] ?? {})) {
    const id = b.ctx.bodies[body as SharedBody];
    if (id && b.rng.chance(chance)) chosen.add(id);
  }
  for (const agency of REGIONAL_AGENCIES) {
    if (agency.themes.includes(theme) && b.rng.chance(agency.chance)) chosen.add(b.ctx.agencies.get(agency.name)!);
  }
  if (parentMembers)
    for (const id of b.rng.sample(parentMembers, Math.ceil(parentMembers.length * 0.4))) chosen.add(id);
  // Every board has some local organisations of its own, so that two boards on one theme are
  // not identical by accident (identical boards are planted, and recorded, on purpose).
  const wanted = Math.max(size, chosen.size + (layer === 'operational' ? 2 : 3));
  for (let tries = 0; chosen.size < wanted && tries < wanted * 6; tries++) chosen.add(pickLocal(b));
  return [...chosen];
}

function areasFor(b: Builder, parentAreas: readonly string[] | null): string[] {
  if (parentAreas && b.rng.chance(0.5)) return [...parentAreas];
  const { locality } = b.ctx;
  const r = b.rng.float();
  if (locality.countyCode && r < 0.05) return [locality.countyCode];
  if (r < 0.75) return [locality.id];
  return [locality.id, ...b.rng.sample(locality.wardCodes, b.rng.int(1, 4)).sort()];
}

function meetingPattern(b: Builder, layer: string) {
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

function attendanceFor(b: Builder, members: number): number | null {
  if (b.rng.chance(0.04)) return null;
  return Math.min(25, Math.max(8, Math.round(members * (1.1 + b.rng.float() * 0.4))));
}

function statusFor(b: Builder): string {
  const r = b.rng.float();
  return r < 0.87 ? 'active' : r < 0.97 ? 'closed' : 'proposed';
}

function basisFor(b: Builder, kind: 'statutory' | 'thematic' | 'sub-group' | 'standalone'): string {
  if (kind === 'statutory') return 'statutory';
  const r = b.rng.float();
  if (kind === 'thematic') return r < 0.6 ? 'plan' : 'voluntary';
  if (kind === 'sub-group') return r < 0.4 ? 'plan' : r < 0.85 ? 'voluntary' : 'funding';
  return r < 0.45 ? 'funding' : r < 0.85 ? 'voluntary' : 'plan';
}

interface DraftSpec {
  kind: 'lsp' | 'statutory' | 'thematic' | 'sub-group' | 'standalone';
  theme: string;
  themes: string[];
  layer: string;
  name: string;
  phrase: string;
  parent: Draft | null;
}

function makeDraft(b: Builder, spec: DraftSpec): Draft {
  const parentMembers = spec.parent?.features.memberOrganisationIds ?? null;
  let status = statusFor(b);
  if (spec.kind === 'lsp') status = 'active';
  let members = drawMembers(b, spec.theme, spec.layer, spec.kind === 'sub-group' ? parentMembers : null);
  if (status === 'proposed' && b.rng.chance(0.35)) members = [];
  const objectiveList = objectives(b, spec.theme, b.rng.int(2, 4));
  const extra = extraSentence(b, spec.parent?.features.name ?? null);
  const basisKind = spec.kind === 'lsp' ? 'thematic' : spec.kind;
  const basis = basisFor(b, basisKind);
  const features: PartnershipFeatures = {
    id: b.nextId(),
    localityId: b.ctx.locality.id,
    name: spec.name,
    purpose: purposeText(b, objectiveList, extra),
    themes: spec.themes,
    areas: areasFor(b, spec.parent && spec.kind === 'sub-group' ? spec.parent.features.areas : null),
    memberOrganisationIds: members,
    ...meetingPattern(b, spec.layer),
    typicalAttendance: attendanceFor(b, members.length),
    basis,
    statutory: basis === 'statutory',
    separateLegalStatus:
      spec.kind !== 'statutory' && spec.kind !== 'lsp' && b.rng.chance(basis === 'funding' ? 0.15 : 0.04),
    parentId: spec.parent?.features.id ?? null,
    status,
    layer: spec.layer,
  };
  if (spec.kind === 'lsp') features.isLsp = true;
  return { features, theme: spec.theme, objectives: objectiveList, extra, phrase: spec.phrase };
}

function themesAround(b: Builder, theme: string): string[] {
  const related = THEME_WORDS[theme]!.related;
  const extra = b.rng.sample(related, b.rng.int(0, 2));
  return [theme, ...extra];
}

function namedAfter(b: Builder, phrase: string, kindWords: readonly string[]): string {
  const place = b.rng.chance(0.6) ? `${b.ctx.locality.name} ` : '';
  return `${place}${phrase} ${b.rng.pick(kindWords)}`;
}

const STATUTORY: { theme: string; name: string; unitaryOnly: boolean }[] = [
  { theme: 'community-safety', name: 'Community Safety Partnership', unitaryOnly: false },
  { theme: 'health-wellbeing', name: 'Health and Wellbeing Board', unitaryOnly: true },
  { theme: 'children-young-people', name: 'Safeguarding Children Partnership', unitaryOnly: true },
  { theme: 'adult-social-care', name: 'Safeguarding Adults Board', unitaryOnly: true },
  { theme: 'children-young-people', name: 'Youth Offending Management Board', unitaryOnly: true },
];

/** The locality's own partnerships: LSP, statutory, thematic, then sub-groups and standalone groups. */
function baseDrafts(b: Builder, count: number): Draft[] {
  const { locality } = b.ctx;
  const drafts: Draft[] = [];
  const lsp = makeDraft(b, {
    kind: 'lsp',
    theme: 'community-cohesion',
    themes: b.rng.sample(THEMES, 4),
    layer: 'strategic',
    name: `${locality.name} Local Strategic Partnership`,
    phrase: 'Local Strategic',
    parent: null,
  });
  drafts.push(lsp);
  const parents: Draft[] = [];
  for (const s of STATUTORY) {
    if (drafts.length >= count) break;
    if (s.unitaryOnly && locality.countyCode) continue;
    const parent = b.rng.chance(0.75) ? lsp : null;
    const draft = makeDraft(b, {
      kind: 'statutory',
      theme: s.theme,
      themes: [s.theme],
      layer: 'strategic',
      name: `${locality.name} ${s.name}`,
      phrase: s.name,
      parent,
    });
    drafts.push(draft);
    parents.push(draft);
  }
  for (const theme of b.rng.sample(THEMES, b.rng.int(8, 12))) {
    if (drafts.length >= count) break;
    const phrase = b.rng.pick(THEME_WORDS[theme]!.names);
    const layer = b.rng.chance(0.5) ? 'strategic' : 'executive';
    const draft = makeDraft(b, {
      kind: 'thematic',
      theme,
      themes: themesAround(b, theme),
      layer,
      name: namedAfter(b, phrase, KIND_WORDS),
      phrase,
      parent: b.rng.chance(0.8) ? lsp : null,
    });
    drafts.push(draft);
    parents.push(draft);
  }
  while (drafts.length < count)
    drafts.push(b.rng.chance(0.7) && parents.length > 0 ? subGroup(b, b.rng.pick(parents)) : standalone(b));
  return drafts;
}

function subGroup(b: Builder, parent: Draft): Draft {
  const topic = b.rng.pick(THEME_WORDS[parent.theme]!.topics);
  const layer = b.rng.chance(0.25) ? 'executive' : 'operational';
  return makeDraft(b, {
    kind: 'sub-group',
    theme: parent.theme,
    themes: [parent.theme],
    layer,
    name: namedAfter(b, topic, SUB_GROUP_WORDS),
    phrase: topic,
    parent,
  });
}

function standalone(b: Builder): Draft {
  const theme = b.rng.pick(THEMES);
  const phrase = b.rng.pick(THEME_WORDS[theme]!.names);
  const layer = b.rng.pick(['executive', 'operational', 'operational']);
  return makeDraft(b, {
    kind: 'standalone',
    theme,
    themes: themesAround(b, theme),
    layer,
    name: namedAfter(b, phrase, KIND_WORDS),
    phrase,
    parent: null,
  });
}

// ---------------------------------------------------------------------------------------------
// Planted copies.

function synonym(b: Builder, verb: string): string {
  const options = VERB_SYNONYMS[verb];
  return options ? b.rng.pick(options) : verb;
}

/** Rewords objectives: synonyms for verbs, other qualifiers, reordering, one dropped or added. */
function reword(b: Builder, source: Draft, strength: 'light' | 'medium'): Objective[] {
  const verbChance = strength === 'light' ? 0.3 : 0.6;
  const qualifierChance = strength === 'light' ? 0.1 : 0.35;
  let out = source.objectives.map((o) => ({
    verb: b.rng.chance(verbChance) ? synonym(b, o.verb) : o.verb,
    object: o.object,
    qualifier: b.rng.chance(qualifierChance) ? b.rng.pick(QUALIFIERS) : o.qualifier,
  }));
  if (strength === 'medium') {
    if (b.rng.chance(0.5)) out = b.rng.shuffle(out);
    if (out.length > 2 && b.rng.chance(0.3)) out.splice(b.rng.int(0, out.length - 1), 1);
    else if (b.rng.chance(0.3)) out.push(objective(b, source.theme));
  }
  return out;
}

/** The source's board with `swaps` seats given to other local organisations. */
function swapMembers(b: Builder, members: readonly string[], swaps: number): string[] {
  const kept = b.rng.sample(members, Math.max(0, members.length - swaps));
  const chosen = new Set(kept);
  for (let tries = 0; chosen.size < members.length && tries < 50; tries++) chosen.add(pickLocal(b));
  return [...chosen];
}

function otherPhrase(b: Builder, source: Draft): string {
  const names = THEME_WORDS[source.theme]!.names.filter((n) => n !== source.phrase);
  return names.length > 0 ? b.rng.pick(names) : source.phrase;
}

function differentKind(b: Builder, source: Draft): string {
  const place = source.features.name.startsWith(b.ctx.locality.name) ? `${b.ctx.locality.name} ` : '';
  return `${place}${source.phrase} ${b.rng.pick(KIND_WORDS)}`;
}

function plantCopy(b: Builder, source: Draft, kind: PlantedKind): PartnershipFeatures {
  const s = source.features;
  const copy: PartnershipFeatures = {
    ...s,
    id: b.nextId(),
    status: b.rng.chance(0.9) ? 'active' : 'proposed',
    statutory: false,
    basis: basisFor(b, 'standalone'),
  };
  copy.separateLegalStatus = b.rng.chance(0.05);
  delete copy.isLsp;
  switch (kind) {
    case 'reworded-purpose':
      copy.memberOrganisationIds = swapMembers(b, s.memberOrganisationIds, b.rng.int(0, 1));
      copy.name = b.rng.chance(0.6) ? s.name : differentKind(b, source);
      copy.purpose = purposeText(b, reword(b, source, 'medium'), source.extra);
      break;
    case 'renamed':
      copy.memberOrganisationIds = swapMembers(b, s.memberOrganisationIds, b.rng.int(0, 1));
      copy.name = namedAfter(b, otherPhrase(b, source), KIND_WORDS);
      copy.purpose = purposeText(b, reword(b, source, 'light'), source.extra);
      break;
    case 'same-members-new-name':
      copy.memberOrganisationIds = [...s.memberOrganisationIds];
      copy.name = namedAfter(b, otherPhrase(b, source), KIND_WORDS);
      copy.purpose = purposeText(b, objectives(b, source.theme, b.rng.int(2, 4)), extraSentence(b, null));
      break;
    case 'same-purpose-different-members':
      copy.memberOrganisationIds = drawMembers(b, source.theme, s.layer, null);
      copy.name = differentKind(b, source);
      copy.purpose = purposeText(b, reword(b, source, 'light'), source.extra);
      break;
    case 'nested-copy':
      copy.memberOrganisationIds = swapMembers(
        b,
        b.rng.sample(
          s.memberOrganisationIds,
          Math.max(3, Math.round(s.memberOrganisationIds.length * (0.6 + b.rng.float() * 0.2))),
        ),
        1,
      );
      copy.name = `${s.name} ${b.rng.pick(SUB_GROUP_WORDS)}`;
      copy.purpose = purposeText(b, reword(b, source, 'light'), `It reports to the ${s.name}`);
      copy.parentId = s.id;
      copy.layer = 'operational';
      break;
  }
  copy.typicalAttendance = attendanceFor(b, copy.memberOrganisationIds.length);
  return copy;
}

function plantGroups(b: Builder, drafts: Draft[], copies: number, planted: PlantedGroup[]): PartnershipFeatures[] {
  const out: PartnershipFeatures[] = [];
  const sources = b.rng.shuffle(
    drafts.filter(
      (d) => !d.features.isLsp && d.features.status !== 'closed' && d.features.memberOrganisationIds.length > 0,
    ),
  );
  let remaining = copies;
  for (const source of sources) {
    if (remaining <= 0) break;
    const kind = b.rng.pick(PLANTED_KINDS);
    const n = Math.min(remaining, b.rng.chance(0.3) ? 2 : 1);
    const group = Array.from({ length: n }, () => plantCopy(b, source, kind));
    out.push(...group);
    planted.push({ kind, sourceId: source.features.id, ids: [source.features.id, ...group.map((c) => c.id)] });
    remaining -= n;
  }
  // Too few sources (a tiny locality): make up the count with ordinary groups.
  for (; remaining > 0; remaining--) out.push(standalone(b).features);
  return out;
}

// ---------------------------------------------------------------------------------------------

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

export function generateNational(options: GenerateOptions): NationalData {
  const { partnerships: total, organisations, localities: localityCount, seed = 1, plantedShare = 0.03 } = options;
  if (total < localityCount * 12)
    throw new RangeError(`${total} partnerships are too few for ${localityCount} localities (at least 12 each)`);
  const rng = new Random(seed);
  const { localities, twoTier } = makeLocalities(rng, localityCount);
  const shares = localityShares(rng, localityCount);
  const { organisations: orgs, contexts } = makeOrganisations(rng, localities, twoTier, organisations, shares);
  const counts = apportion(total, shares, 12);
  const partnerships: PartnershipFeatures[] = [];
  const planted: PlantedGroup[] = [];
  let serial = 0;
  const nextId = () => `P${String(++serial).padStart(6, '0')}`;
  contexts.forEach((ctx, i) => {
    const b: Builder = { rng, ctx, nextId };
    const copies = Math.round(counts[i]! * plantedShare);
    const drafts = baseDrafts(b, counts[i]! - copies);
    for (const d of drafts) partnerships.push(d.features);
    partnerships.push(...plantGroups(b, drafts, copies, planted));
    options.onProgress?.(i + 1, contexts.length);
  });
  return { localities, organisations: orgs, partnerships, planted };
}
