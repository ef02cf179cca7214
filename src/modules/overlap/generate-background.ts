/**
 * A locality's own partnerships (generate.ts): the LSP, the statutory boards, thematic
 * partnerships, one board for each of many kinds of work (some as sub-groups of a thematic board),
 * and ward-level boards. No kind of work appears twice (but for ward-level kinds, once a ward), so
 * the background holds no duplicates but those planted on purpose; it shares words and partners
 * the way registers do.
 */
import type { Random } from '../../core/random.js';
import { type Phrasing, type Style, type WorkKind, WORK_KINDS } from './catalogue/kinds.js';
import type { Era } from './catalogue/organisations.js';
import { BOILERPLATE_SENTENCES, CLOSE_WORDS } from './generate-vocabulary.js';
import { attendanceFor, basisFor, drawBoard, fundFor, meetingPattern, statusFor } from './generate-boards.js';
import type { Builder, Draft, GeneratedLocality } from './generate-model.js';

const STYLE_WEIGHTS: Record<Style, number> = { official: 0.4, everyday: 0.25, terse: 0.15, programme: 0.2 };
const BIG_CHANCE: Record<WorkKind['tier'], number> = {
  lsp: 0.97,
  statutory: 0.93,
  thematic: 0.9,
  topic: 0.8,
  facility: 0.72,
};
const GOVERNANCE_FAMILIES = new Set(['lsp-governance', 'resources', 'intelligence', 'comms', 'efficiency', 'scrutiny']);

/** One slot of a locality's register: which kind, which phrasing, under which parent. */
export interface Slot {
  kind: WorkKind;
  phrasing: number;
  ward: number | null;
  parent: number | null;
}

/** The kinds a locality of this era and tier can have, by tier, with replaced kinds left out. */
function eligibleKinds(era: Era, twoTier: boolean) {
  const fits = WORK_KINDS.filter((k) => k.eras.includes(era) && !(k.unitaryOnly && twoTier));
  const replaced = new Set(fits.map((k) => k.replaces).filter((id): id is string => id !== null));
  const kinds = fits.filter((k) => !replaced.has(k.id));
  const of = (tier: WorkKind['tier']) => kinds.filter((k) => k.tier === tier);
  return {
    lsp: of('lsp'),
    statutory: of('statutory'),
    thematic: of('thematic'),
    topic: of('topic'),
    facility: of('facility'),
  };
}

function pickStyle(rng: Random, kind: WorkKind): number {
  let total = 0;
  for (const p of kind.phrasings) total += STYLE_WEIGHTS[p.style];
  let r = rng.float() * total;
  for (let i = 0; i < kind.phrasings.length; i++) if ((r -= STYLE_WEIGHTS[kind.phrasings[i]!.style]) < 0) return i;
  return 0;
}

/** Where a topic goes: under the board of its theme, under the LSP (governance), or on its own. */
function parentFor(rng: Random, kind: WorkKind, slots: readonly Slot[]): number | null {
  if (GOVERNANCE_FAMILIES.has(kind.family)) return rng.chance(0.8) ? 0 : null;
  const board = slots.findIndex(
    (s) => (s.kind.tier === 'thematic' || s.kind.tier === 'statutory') && kind.themes.includes(s.kind.themes[0]!),
  );
  return board >= 0 && rng.chance(0.55) ? board : null;
}

/** Ward-level slots: each facility kind in turn, in a shuffled order of wards. */
function facilitySlots(rng: Random, kinds: readonly WorkKind[], locality: GeneratedLocality, count: number): Slot[] {
  const phrasing = kinds.map((k) => pickStyle(rng, k));
  const orders = kinds.map(() => rng.shuffle(locality.wardNames.map((_, w) => w)));
  const slots: Slot[] = [];
  for (let round = 0; slots.length < count && round < locality.wardNames.length; round++)
    kinds.forEach((kind, k) => {
      if (slots.length < count) slots.push({ kind, phrasing: phrasing[k]!, ward: orders[k]![round]!, parent: null });
    });
  return slots;
}

/** The register's structure: the LSP, statutory and thematic boards, topics, then ward-level boards. */
export function planSlots(rng: Random, locality: GeneratedLocality, count: number): Slot[] {
  const kinds = eligibleKinds(locality.era, locality.countyCode !== null);
  const slots: Slot[] = [{ kind: kinds.lsp[0]!, phrasing: pickStyle(rng, kinds.lsp[0]!), ward: null, parent: null }];
  const add = (kind: WorkKind, parent: number | null) => {
    if (slots.length < count) slots.push({ kind, phrasing: pickStyle(rng, kind), ward: null, parent });
  };
  for (const kind of kinds.statutory) add(kind, rng.chance(0.75) ? 0 : null);
  for (const kind of rng.sample(kinds.thematic, rng.int(8, kinds.thematic.length)))
    add(kind, rng.chance(0.8) ? 0 : null);
  const rest = count - slots.length;
  const topics = Math.min(kinds.topic.length, Math.round(rest * (0.65 + rng.float() * 0.2)));
  for (const kind of rng.sample(kinds.topic, topics)) add(kind, parentFor(rng, kind, slots));
  if (slots.length < count) slots.push(...facilitySlots(rng, kinds.facility, locality, count - slots.length));
  // A huge locality with every kind and every ward used: more topics would be duplicates, so stop.
  return slots;
}

// ---------------------------------------------------------------------------------------------
// Text.

export function fillPlaces(text: string, b: Builder, ward: number | null): string {
  const wardName = ward === null ? '' : b.ctx.locality.wardNames[ward]!;
  return text.replaceAll('{place}', b.ctx.locality.name).replaceAll('{ward}', wardName);
}

/** The name as a council writes it: sometimes with the place in front (never on a terse one). */
export function nameFor(b: Builder, phrasing: Phrasing, ward: number | null): string {
  const name = fillPlaces(phrasing.name, b, ward);
  const placed = phrasing.name.includes('{');
  return !placed && phrasing.style !== 'terse' && b.rng.chance(0.4) ? `${b.ctx.locality.name} ${name}` : name;
}

/** A background purpose: mostly the phrasing's, sometimes missing, one word, or with a pasted sentence. */
function purposeFor(b: Builder, draft: Draft, parentName: string | null): string {
  const { kind } = draft;
  const r = b.rng.float();
  if (kind.tier !== 'lsp' && kind.tier !== 'statutory' && r < 0.02) {
    draft.text = 'empty';
    return '';
  }
  if (kind.tier !== 'lsp' && kind.tier !== 'statutory' && r < 0.04) {
    draft.text = 'one-word';
    return kind.word;
  }
  let purpose = fillPlaces(kind.phrasings[draft.phrasing]!.purpose, b, draft.ward);
  if (parentName && b.rng.chance(0.15)) purpose += `${purpose ? '. ' : ''}Reports to the ${parentName}.`;
  else if (b.rng.chance(0.08)) purpose += `${purpose ? '. ' : ''}${b.rng.pick(BOILERPLATE_SENTENCES)}`;
  else if (b.rng.chance(0.05)) purpose += `${purpose ? '. ' : ''}${b.rng.pick(CLOSE_WORDS)}`;
  return purpose;
}

// ---------------------------------------------------------------------------------------------

function layerFor(b: Builder, slot: Slot): string {
  const { tier } = slot.kind;
  if (tier === 'lsp' || tier === 'statutory') return 'strategic';
  if (tier === 'thematic') return b.rng.chance(0.5) ? 'strategic' : 'executive';
  if (tier === 'facility') return 'operational';
  if (slot.parent !== null) return b.rng.chance(0.3) ? 'executive' : 'operational';
  return b.rng.chance(0.4) ? 'executive' : 'operational';
}

function areasFor(b: Builder, slot: Slot, parent: Draft | null): string[] {
  const { locality } = b.ctx;
  if (slot.ward !== null) return [locality.id, locality.wardCodes[slot.ward]!];
  if (parent && !parent.features.isLsp && b.rng.chance(0.5)) return [...parent.features.areas];
  const r = b.rng.float();
  if (locality.countyCode && r < 0.05) return [locality.countyCode];
  if (r < 0.85) return [locality.id];
  return [locality.id, ...b.rng.sample(locality.wardCodes, b.rng.int(2, 5)).sort()];
}

function themesFor(b: Builder, kind: WorkKind): string[] {
  const [main, ...others] = kind.themes;
  return [main!, ...b.rng.sample(others, b.rng.int(Math.min(1, others.length), others.length))];
}

/** Builds one background partnership from its slot. */
export function buildDraft(b: Builder, slot: Slot, parent: Draft | null): Draft {
  const { kind } = slot;
  const layer = layerFor(b, slot);
  const status = kind.tier === 'lsp' ? 'active' : statusFor(b);
  let members = drawBoard(b, kind, { layer, bigChance: BIG_CHANCE[kind.tier], parent, ward: slot.ward });
  if (status === 'proposed' && b.rng.chance(0.35)) members = [];
  const basis = basisFor(b, kind.tier);
  const id = b.nextId();
  const draft: Draft = {
    kind,
    phrasing: slot.phrasing,
    text: 'full',
    ward: slot.ward,
    parent,
    features: {
      id,
      localityId: b.ctx.locality.id,
      name: nameFor(b, kind.phrasings[slot.phrasing]!, slot.ward),
      purpose: '',
      themes: themesFor(b, kind),
      areas: areasFor(b, slot, parent),
      memberOrganisationIds: members,
      ...meetingPattern(b, layer),
      typicalAttendance: attendanceFor(b, members.length),
      basis,
      statutory: basis === 'statutory',
      separateLegalStatus:
        kind.tier !== 'statutory' && kind.tier !== 'lsp' && b.rng.chance(basis === 'funding' ? 0.15 : 0.04),
      parentId: parent?.features.id ?? null,
      status,
      layer,
    },
  };
  if (kind.tier === 'lsp') draft.features.isLsp = true;
  draft.features.purpose = purposeFor(b, draft, parent && !parent.features.isLsp ? parent.features.name : null);
  b.details[id] = {
    work: kind.id,
    statutoryType: basis === 'statutory' ? kind.statutoryType : null,
    fund: basis === 'funding' ? fundFor(b, kind.themes).name : null,
    ward: slot.ward === null ? null : b.ctx.locality.wardNames[slot.ward]!,
  };
  return draft;
}

export function buildBackground(b: Builder, slots: readonly Slot[]): Draft[] {
  const drafts: Draft[] = [];
  for (const slot of slots) drafts.push(buildDraft(b, slot, slot.parent === null ? null : drafts[slot.parent]!));
  return drafts;
}
