import {
  COUNTY_WEBSITE,
  DISTRICT_WEBSITE,
  FIRST_NAMES,
  LEADER_OF_THE_COUNCIL,
  ORGANISATIONS,
  type OrganisationSpec,
  PORTFOLIOS,
  SURNAMES,
  ward,
  wardCode,
} from './organisations.js';
import { DUPLICATE_GROUPS, PARTNERSHIPS, type PartnershipSpec } from './partnerships.js';
import { Random } from '../../core/random.js';
import type { Layer, Role, Sector, Theme } from './types.js';

/**
 * Turns the demo tables and a seed into a complete plan of records, without touching the
 * database. Keeping every random choice here, in a fixed order and never depending on ids the
 * database hands out, is what makes the demo the same for the same seed; seed.ts then writes
 * the plan through the register's services.
 */

export const DEMO_LOCALITY_CODE = 'E07999001';
export const DEFAULT_DEMO_SEED = 20080401;

/** Boards are compared by which organisations sit on them. Outside the planted groups no two may overlap this much. */
export const MAX_UNPLANTED_OVERLAP = 0.4;
/** Latest date the generated history reaches (seat starts, departures); review dates follow today instead. */
const HISTORY_END = '2025-09-30';
/** Draws of a board before settling for the least similar one; the first ones keep to its themes. */
const ATTEMPTS = 150;
const ON_THEME_ATTEMPTS = 60;

export interface PlannedOrganisation {
  key: string;
  input: { name: string; sector: Sector; orgType: string; identifier?: string; website?: string };
}

export interface PlannedSeat {
  organisation: string;
  role: Role;
  representative: string;
  startedOn?: string;
  /** Set for a seat that has since ended: it is added, then ended through the register. */
  endedOn?: string;
}

/** The partnership form's fields, less the ids that only exist once the records are written. */
export interface PlannedPartnershipInput {
  reference: string;
  name: string;
  purpose: string;
  themes: Theme[];
  basis: string;
  basisDetail?: string;
  statutoryType?: string;
  legalForm: string;
  layer: Layer;
  status: 'proposed' | 'active';
  chairName?: string;
  secretaryName?: string;
  leadOfficer?: string;
  serviceArea?: string;
  areas: string[];
  meetingsPerYear: number;
  meetingMinutes: number;
  typicalAttendance: number;
  significance?: string;
  establishedOn?: string;
  reviewDate?: string;
  termsOfReferenceUrl?: string;
}

export interface PlannedPartnership {
  key: string;
  reference: string;
  parent?: string;
  lead: string;
  accountableBody?: string;
  input: PlannedPartnershipInput;
  seats: PlannedSeat[];
  close?: { closedOn: string; reason: string };
}

export interface DemoPlan {
  seed: number;
  organisations: PlannedOrganisation[];
  partnerships: PlannedPartnership[];
}

export const referenceOf = (index: number): string => `P-${String(index + 1).padStart(4, '0')}`;

const REFERENCES = new Map(PARTNERSHIPS.map((p, i) => [p.key, referenceOf(i)]));

/** The planted near-duplicates, by the references they get in every seed. */
export const DEMO_DUPLICATE_GROUPS: ReadonlyArray<{ label: string; references: string[] }> = DUPLICATE_GROUPS.map(
  (g) => ({
    label: g.label,
    references: g.keys.map((key) => {
      const reference = REFERENCES.get(key);
      if (!reference) throw new Error(`Demo duplicate group names an unknown partnership: ${key}`);
      return reference;
    }),
  }),
);

const ORGS = new Map(ORGANISATIONS.map((o) => [o.key, o]));
const SPECS = new Map(PARTNERSHIPS.map((p) => [p.key, p]));

function org(key: string): OrganisationSpec {
  const found = ORGS.get(key);
  if (!found) throw new Error(`Demo data names an unknown organisation: ${key}`);
  return found;
}

/** The council service area that looks after each theme, for the register's "service area". */
const SERVICE_AREAS: Record<Theme, string> = {
  'community-safety': 'Communities and Community Safety',
  'substance-misuse': 'Communities and Community Safety',
  'health-wellbeing': 'Health and Wellbeing',
  'older-people': 'Health and Wellbeing',
  'adult-social-care': 'Health and Wellbeing',
  'children-young-people': 'Young People and Learning',
  education: 'Young People and Learning',
  'economy-regeneration': 'Economic Development and Regeneration',
  'employment-skills': 'Economic Development and Regeneration',
  housing: 'Housing Services',
  environment: 'Environment and Climate',
  transport: 'Environment and Climate',
  'culture-leisure': 'Leisure and Culture',
  'neighbourhood-renewal': 'Neighbourhoods',
  'community-cohesion': 'Neighbourhoods',
  resilience: 'Emergency Planning',
};

/** Meeting patterns by layer (DOMAIN: 4–12 a year, 2–3 hours): boards meet less often than working groups. */
const MEETINGS: Record<Layer, number[]> = {
  strategic: [4, 4, 5, 6],
  executive: [4, 6, 6, 8, 10],
  operational: [6, 8, 10, 12, 12],
};
const MINUTES: Record<Layer, number[]> = {
  strategic: [120, 150, 180],
  executive: [90, 120, 150],
  operational: [90, 90, 120, 150],
};
const BOARD_SIZE: Record<Layer, [number, number]> = { strategic: [15, 20], executive: [11, 15], operational: [8, 12] };

export function jaccard<T>(a: ReadonlySet<T> | readonly T[], b: ReadonlySet<T> | readonly T[]): number {
  const left = new Set(a);
  const right = new Set(b);
  let shared = 0;
  for (const item of left) if (right.has(item)) shared++;
  const union = left.size + right.size - shared;
  return union === 0 ? 0 : shared / union;
}

// --- dates ----------------------------------------------------------------------------------

const pad = (n: number) => String(n).padStart(2, '0');
const isoDate = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;

function addMonths(iso: string, months: number): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1 + months, Math.min(day, 28)));
  return date.toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** A date from `from` to `to` inclusive (both ISO); `from` if the range is empty. */
function dateBetween(rng: Random, from: string, to: string): string {
  const span = daysBetween(from, to);
  return span <= 0 ? from : addDays(from, rng.int(0, span));
}

const maxDate = (a: string, b: string) => (a > b ? a : b);

// --- people ---------------------------------------------------------------------------------

/**
 * Fictional people. The same job at the same organisation is always held by the same person,
 * so the Head of Community Safety who sits on the CSP also sits on its sub-groups.
 */
class People {
  private readonly holders = new Map<string, string>();
  private readonly used = new Set<string>();

  constructor(private readonly rng: Random) {}

  fresh(): string {
    for (;;) {
      const name = `${this.rng.pick(FIRST_NAMES)} ${this.rng.pick(SURNAMES)}`;
      if (!this.used.has(name)) {
        this.used.add(name);
        return name;
      }
    }
  }

  holder(organisation: string, title: string): string {
    const key = `${organisation}|${title}`;
    let name = this.holders.get(key);
    if (!name) {
      name = this.fresh();
      this.holders.set(key, name);
    }
    return name;
  }
}

interface Person {
  name: string;
  title: string;
  councillor: boolean;
}

const representative = (p: Person) => `${p.councillor ? 'Cllr ' : ''}${p.name} (${p.title})`;
const displayName = (p: Person) => `${p.councillor ? 'Cllr ' : ''}${p.name}`;

// --- boards ---------------------------------------------------------------------------------

function wardsOf(spec: PartnershipSpec): number[] | undefined {
  return spec.wards?.map(ward);
}

/** Organisations that must sit on a board: the lead, those the table names, and usually the council. */
function requiredMembers(spec: PartnershipSpec): string[] {
  const required = [spec.lead, ...(spec.members ?? [])];
  if (!spec.withoutCouncil) required.push('council');
  return [...new Set(required)];
}

/**
 * How likely an organisation is to fill a free seat: its reach, whether the board works in one
 * of its themes, and, for neighbourhood groups, whether the board covers their wards.
 */
function seatWeight(o: OrganisationSpec, spec: PartnershipSpec, offTheme: boolean): number {
  const hits = spec.themes.filter((t) => o.themes.includes(t)).length;
  if (hits === 0 && !offTheme) return 0;
  let weight = o.reach * (hits > 0 ? 1 + 0.3 * (hits - 1) : 0.1);
  const boardWards = wardsOf(spec);
  if (o.wards) {
    if (spec.countyBoard) return 0;
    if (boardWards) weight *= o.wards.some((w) => boardWards.includes(w)) ? 3 : 0;
    else weight *= 0.25;
  }
  if (spec.countyBoard && o.sector === 'community') weight *= 0.3;
  return weight;
}

/**
 * Fill-in weights. Organisations from outside the board's themes come in only when its themes
 * cannot fill it or, after `ON_THEME_ATTEMPTS` draws, when they cannot fill it without copying
 * another board: the planted duplicates must stay the only boards that look alike.
 */
function fillWeights(
  candidates: OrganisationSpec[],
  spec: PartnershipSpec,
  needed: number,
  attempt = 0,
): (o: OrganisationSpec) => number {
  const offTheme =
    attempt >= ON_THEME_ATTEMPTS || candidates.filter((o) => seatWeight(o, spec, false) > 0).length < needed;
  return (o) => seatWeight(o, spec, offTheme);
}

function boardSize(rng: Random, spec: PartnershipSpec): number {
  const [min, max] = spec.size ?? BOARD_SIZE[spec.layer];
  return rng.int(min, max);
}

/** Boards decided so far, to keep unplanted boards from looking like each other. */
class Boards {
  readonly byKey = new Map<string, string[]>();
  private readonly groupOf = new Map<string, number>();

  constructor() {
    DUPLICATE_GROUPS.forEach((g, i) => g.keys.forEach((k) => this.groupOf.set(k, i)));
  }

  /** The highest overlap between `members` and any board it is not meant to duplicate. */
  worstOverlap(key: string, members: string[]): number {
    const group = this.groupOf.get(key);
    let worst = 0;
    for (const [other, board] of this.byKey) {
      if (other === key || (group !== undefined && this.groupOf.get(other) === group)) continue;
      worst = Math.max(worst, jaccard(members, board));
    }
    return worst;
  }
}

/** Draws fill-in members several times and keeps the first board that resembles no other. */
function drawBoard(rng: Random, spec: PartnershipSpec, boards: Boards): string[] {
  const required = requiredMembers(spec);
  const size = Math.max(boardSize(rng, spec), required.length);
  const candidates = ORGANISATIONS.filter((o) => !required.includes(o.key));
  let best: { members: string[]; overlap: number } | undefined;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const weight = fillWeights(candidates, spec, size - required.length, attempt);
    const members = [...required, ...rng.weightedSample(candidates, weight, size - required.length).map((o) => o.key)];
    const overlap = boards.worstOverlap(spec.key, members);
    if (!best || overlap < best.overlap) best = { members, overlap };
    if (overlap < MAX_UNPLANTED_OVERLAP) break;
  }
  return (best as { members: string[] }).members;
}

/**
 * A planted duplicate: the original board with `swaps` seats exchanged. The copy keeps its own
 * lead, and the newcomers are again chosen so the copy resembles nothing but its group.
 */
function copyBoard(rng: Random, spec: PartnershipSpec, original: string[], boards: Boards): string[] {
  const keep = new Set([spec.lead, ...(spec.withoutCouncil ? [] : ['council'])]);
  let best: { members: string[]; overlap: number } | undefined;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const members = [...original];
    if (!members.includes(spec.lead)) members.push(spec.lead);
    const leavers = rng.shuffle(members.filter((m) => !keep.has(m))).slice(0, spec.swaps ?? 0);
    const staying = members.filter((m) => !leavers.includes(m));
    const candidates = ORGANISATIONS.filter((o) => !members.includes(o.key));
    const joiners = rng
      .weightedSample(candidates, fillWeights(candidates, spec, leavers.length, attempt), leavers.length)
      .map((o) => o.key);
    const board = [...staying, ...joiners];
    const overlap = boards.worstOverlap(spec.key, board);
    if (!best || overlap < best.overlap) best = { members: board, overlap };
    if (overlap < MAX_UNPLANTED_OVERLAP) break;
  }
  return (best as { members: string[] }).members;
}

/** Every board: originals first (in table order), then the planted copies of them. */
function planBoards(rng: Random): Map<string, string[]> {
  const boards = new Boards();
  for (const spec of PARTNERSHIPS) if (!spec.copyOf) boards.byKey.set(spec.key, drawBoard(rng, spec, boards));
  for (const spec of PARTNERSHIPS) {
    if (!spec.copyOf) continue;
    const original = boards.byKey.get(spec.copyOf);
    if (!original)
      throw new Error(`Demo partnership ${spec.key} copies ${spec.copyOf}, which is itself a copy or unknown`);
    boards.byKey.set(spec.key, copyBoard(rng, spec, original, boards));
  }
  return boards.byKey;
}

// --- one partnership -----------------------------------------------------------------------

interface Context {
  rng: Random;
  people: People;
  today: string;
}

function titleFor(o: OrganisationSpec, spec: PartnershipSpec): string {
  if (spec.layer === 'strategic' && !spec.countyBoard && o.titles.strategic) return o.titles.strategic;
  for (const theme of spec.themes) {
    const title = o.titles[theme];
    if (title) return title;
  }
  return o.titles.default;
}

function officer(ctx: Context, o: OrganisationSpec, spec: PartnershipSpec): Person {
  const title = titleFor(o, spec);
  return { name: ctx.people.holder(o.key, title), title, councillor: false };
}

function councillor(ctx: Context, spec: PartnershipSpec): Person {
  const title = spec.key === 'lsp' ? LEADER_OF_THE_COUNCIL : PORTFOLIOS[spec.themes[0] as Theme];
  return { name: ctx.people.holder('council', title), title, councillor: true };
}

/** On a neighbourhood group the council is represented by a ward councillor, not an officer. */
function wardCouncillor(ctx: Context, spec: PartnershipSpec): Person | undefined {
  const first = spec.wards?.[0];
  if (!first || spec.lead === 'council' || spec.layer !== 'operational' || (spec.wards?.length ?? 0) > 3)
    return undefined;
  const title = `Ward Councillor, ${first}`;
  return { name: ctx.people.holder('council', title), title, councillor: true };
}

function establishedOn(rng: Random, spec: PartnershipSpec): string | undefined {
  if (!spec.established) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(spec.established)) return spec.established;
  return isoDate(Number(spec.established), rng.int(1, 12), rng.int(1, 28));
}

/**
 * Review dates are set from today, not fixed, so that the demo always has a realistic mix of
 * reviews due soon and reviews overdue (about a quarter), whenever it is created.
 */
function reviewDate(rng: Random, today: string, established: string | undefined): string {
  const review = rng.chance(0.27) ? addMonths(today, -rng.int(1, 26)) : addMonths(today, rng.int(1, 15));
  return established ? maxDate(review, addMonths(established, 12)) : review;
}

function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function termsOfReference(rng: Random, spec: PartnershipSpec): string | undefined {
  // Small voluntary groups often have no published terms of reference at all.
  if (spec.basis === 'voluntary' && spec.layer === 'operational' && rng.chance(0.35)) return undefined;
  const site = spec.countyBoard ? COUNTY_WEBSITE : DISTRICT_WEBSITE;
  return `${site}/partnerships/${slug(spec.name)}/terms-of-reference`;
}

function accountableBodyOf(spec: PartnershipSpec): string | undefined {
  if (spec.accountableBody) return spec.accountableBody;
  const separate = [
    'company-limited-by-guarantee',
    'charity',
    'charitable-company',
    'community-interest-company',
    'statutory-body',
  ];
  if (separate.includes(spec.legalForm ?? 'unincorporated')) return undefined;
  if (spec.lead === 'council' || spec.lead === 'county') return spec.lead;
  // A funded group needs somebody to hold the money; a purely voluntary one may have nobody.
  return spec.basis === 'funding' || spec.basis === 'plan' ? 'council' : undefined;
}

interface DraftSeat {
  organisation: string;
  person: Person;
  role: Role;
}

/** Seats on the board: one per organisation, plus a councillor or an independent chair where the table asks. */
function draftSeats(
  ctx: Context,
  spec: PartnershipSpec,
  members: string[],
  accountableBody: string | undefined,
): { seats: DraftSeat[]; chair?: DraftSeat } {
  const { rng } = ctx;
  const seats: DraftSeat[] = members.map((key) => {
    const o = org(key);
    const person = (key === 'council' && wardCouncillor(ctx, spec)) || officer(ctx, o, spec);
    let role: Role = 'member';
    if (o.observer && rng.chance(0.7)) role = 'observer';
    if (key === accountableBody && key !== spec.lead && spec.basis === 'funding') role = 'accountable-body';
    return { organisation: key, person, role };
  });
  // Forums of volunteers sometimes pass the chair to another member; boards are chaired by their lead.
  const rotates =
    spec.basis === 'voluntary' &&
    spec.layer === 'operational' &&
    ['voluntary', 'community'].includes(org(spec.lead).sector);
  const style = spec.chair ?? (rng.chance(0.08) ? 'vacant' : rotates && rng.chance(0.35) ? 'member' : 'lead');
  let chair: DraftSeat | undefined;
  if (style === 'councillor') {
    chair = { organisation: 'council', person: councillor(ctx, spec), role: 'chair' };
    seats.unshift(chair);
  } else if (style === 'independent') {
    chair = {
      organisation: spec.lead,
      person: {
        name: ctx.people.holder(spec.lead, `Independent Chair, ${spec.name}`),
        title: 'Independent Chair',
        councillor: false,
      },
      role: 'chair',
    };
    seats.unshift(chair);
  } else if (style === 'lead') {
    chair = seats.find((s) => s.organisation === spec.lead);
  } else if (style === 'member') {
    chair =
      seats.find(
        (s) => s.organisation !== spec.lead && ['voluntary', 'community'].includes(org(s.organisation).sector),
      ) ?? seats.find((s) => s.organisation === spec.lead);
  }
  if (chair) chair.role = 'chair';
  // On strategic and executive district boards a portfolio holder often sits beside the officers.
  if (
    !chair?.person.councillor &&
    !spec.withoutCouncil &&
    !spec.countyBoard &&
    spec.layer !== 'operational' &&
    rng.chance(0.5)
  ) {
    seats.push({ organisation: 'council', person: councillor(ctx, spec), role: 'member' });
  }
  const deputies = seats.filter((s) => s.role === 'member');
  if (deputies.length > 0 && rng.chance(0.35)) (rng.pick(deputies) as DraftSeat).role = 'vice-chair';
  return { seats, chair };
}

/** When members joined: founding members on the day it was set up, the rest later. */
function seatStart(rng: Random, established: string | undefined, latest: string): string | undefined {
  if (!established) return undefined;
  return rng.chance(0.55) ? established : dateBetween(rng, established, latest);
}

function planPartnership(ctx: Context, spec: PartnershipSpec, index: number, members: string[]): PlannedPartnership {
  const { rng, today } = ctx;
  const lead = org(spec.lead);
  const accountableBody = accountableBodyOf(spec);
  const established = establishedOn(rng, spec);
  const closedOn =
    spec.closed && established
      ? maxDate(dateBetween(rng, isoDate(spec.closed.year, 1, 1), isoDate(spec.closed.year, 12, 28)), established)
      : undefined;
  const latestStart = closedOn ? maxDate(established ?? closedOn, addMonths(closedOn, -6)) : HISTORY_END;
  const { seats, chair } = draftSeats(ctx, spec, members, accountableBody);

  const planned: PlannedSeat[] = [];
  // Now and then a chair has handed over: the previous holder's seat is kept, ended.
  if (chair && established && !closedOn && established < '2018-01-01' && rng.chance(0.2)) {
    const handover = dateBetween(rng, addMonths(established, 24), HISTORY_END);
    const previous = { ...chair.person, name: ctx.people.fresh() };
    planned.push({
      organisation: chair.organisation,
      role: 'chair',
      representative: representative(previous),
      startedOn: established,
      endedOn: handover,
    });
    planned.push(
      ...seats.map((s) => ({
        organisation: s.organisation,
        role: s.role,
        representative: representative(s.person),
        startedOn: s === chair ? handover : seatStart(rng, established, latestStart),
      })),
    );
  } else {
    planned.push(
      ...seats.map((s) => ({
        organisation: s.organisation,
        role: s.role,
        representative: representative(s.person),
        startedOn: seatStart(rng, established, latestStart),
      })),
    );
  }
  // And now and then a member has left: an organisation that used to sit on it.
  if (established && !closedOn && established < '2020-01-01' && rng.chance(0.12)) {
    const outsiders = ORGANISATIONS.filter((o) => !members.includes(o.key) && o.key !== 'council');
    const former = rng.weightedSample(outsiders, fillWeights(outsiders, spec, 1), 1)[0];
    if (former) {
      const startedOn = dateBetween(rng, established, addMonths(HISTORY_END, -18));
      planned.push({
        organisation: former.key,
        role: 'member',
        representative: representative(officer(ctx, former, spec)),
        startedOn,
        endedOn: dateBetween(rng, addMonths(startedOn, 12), HISTORY_END),
      });
    }
  }

  const current = planned.filter((s) => !s.endedOn).length;
  const leadOfficer = officer(ctx, lead, spec);
  const serviceArea = SERVICE_AREAS[spec.themes[0] as Theme];
  const secretaryTitle = lead.titles.secretary
    ? `${lead.titles.secretary}, ${serviceArea}`
    : lead.sector === 'community'
      ? 'Secretary'
      : 'Partnership Coordinator';
  const meetingsPerYear = rng.pick(MEETINGS[spec.layer]);
  const meetingMinutes = rng.pick(MINUTES[spec.layer]);
  const boardWards = wardsOf(spec);

  return {
    key: spec.key,
    reference: referenceOf(index),
    parent: spec.parent,
    lead: spec.lead,
    accountableBody,
    input: {
      reference: referenceOf(index),
      name: spec.name,
      purpose: spec.purpose,
      themes: spec.themes,
      basis: spec.basis,
      basisDetail: spec.basisDetail,
      statutoryType: spec.statutoryType,
      legalForm: spec.legalForm ?? 'unincorporated',
      layer: spec.layer,
      status: spec.proposed ? 'proposed' : 'active',
      chairName: chair ? displayName(chair.person) : undefined,
      secretaryName: ctx.people.holder(spec.lead, secretaryTitle),
      leadOfficer: `${leadOfficer.name}, ${leadOfficer.title}`,
      // The council's own register notes which of its service areas looks after each partnership it sits on.
      serviceArea: spec.withoutCouncil ? undefined : serviceArea,
      // A ward-level group lists its wards and the district that contains them, so areas compare at both levels.
      areas: boardWards ? [DEMO_LOCALITY_CODE, ...boardWards.map(wardCode)] : [DEMO_LOCALITY_CODE],
      meetingsPerYear,
      meetingMinutes,
      typicalAttendance: Math.max(1, Math.round(current * (0.6 + rng.float() * 0.3))),
      significance: spec.significance,
      establishedOn: established,
      reviewDate: closedOn ? undefined : reviewDate(rng, today, established),
      termsOfReferenceUrl: termsOfReference(rng, spec),
    },
    seats: planned,
    close: closedOn && spec.closed ? { closedOn, reason: spec.closed.reason } : undefined,
  };
}

/** The whole demo locality for a seed. `today` (YYYY-MM-DD) only moves the review dates. */
export function planDemoLocality(options: { seed?: number; today: string }): DemoPlan {
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const rng = new Random(seed);
  const boards = planBoards(rng);
  const ctx: Context = { rng, people: new People(rng), today: options.today };
  const organisations = ORGANISATIONS.map((o) => ({
    key: o.key,
    input: { name: o.name, sector: o.sector, orgType: o.orgType, identifier: o.identifier, website: o.website },
  }));
  const partnerships = PARTNERSHIPS.map((spec, index) => {
    if (spec.parent && !SPECS.has(spec.parent))
      throw new Error(`Demo partnership ${spec.key} names an unknown parent ${spec.parent}`);
    return planPartnership(ctx, spec, index, boards.get(spec.key) ?? []);
  });
  return { seed, organisations, partnerships };
}
