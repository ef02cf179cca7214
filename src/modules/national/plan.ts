/**
 * Turns the overlap engine's synthetic national data (`generateNational`, in memory) into rows of
 * the register, ready for the bulk loader: fictional GSS codes, organisation records per
 * locality, reference codes the lists know, dates, roles and the audit entries. Pure and
 * deterministic: the same data and seed give the same rows, apart from the database ids, which
 * are fresh UUIDs (references, names and codes are stable).
 *
 * Choices (see README.md):
 *  - GSS codes: localities `E06998nnn`, `E07998nnn`, `E08998nnn`, `E09998nnn` (nnn = position,
 *    001–900), counties `E10998nnn`, wards `E059nnnww` (locality nnn, ward ww). Real codes use
 *    the low numbers of each series and the demo uses `E07999001` and `E05999001–020`, so none
 *    of these can clash.
 *  - A register is per locality, so a body shared by several localities (a police force, a
 *    county council, an NHS trust, a regional agency) gets a record in every locality whose
 *    boards it sits on, all with the same identifier (`XX-JOINEDUP-O000123`: "XX" is no country,
 *    so it cannot clash with a real org-id.guide identifier). The identifier is what joins them
 *    up nationally.
 *  - A closed partnership that still has an open sub-group is written as active: the register
 *    refuses to close a partnership with open sub-partnerships, so such a register could not exist.
 */
import crypto from 'node:crypto';
import type { Selectable } from 'kysely';
import type {
  Locality,
  MembershipRow as RegisterMembership,
  OrganisationRow as RegisterOrganisation,
  PartnershipAreasTable,
  PartnershipRow as RegisterPartnership,
  PartnershipThemesTable,
} from '../../db/tables.js';
import { Random } from '../../core/random.js';
import type { HardNegativeKind, NationalData, PartnershipDetail, PlantedKind } from '../overlap/generate.js';
import { FUNDS } from '../overlap/generate-vocabulary.js';
import type { PartnershipFeatures } from '../overlap/types.js';
import type { RecordInput } from '../audit/service.js';
import { SEED_REFERENCE } from '../reference/data.js';

/** The third to fifth digits of every generated locality and county code. */
export const GSS_SERIES = '998';
/** Locality positions are three digits, and ward codes `E059nnn…` must stay clear of the demo's `E05999…`. */
export const MAX_LOCALITIES = 900;
export const IDENTIFIER_PREFIX = 'XX-JOINEDUP-';

const LOCALITY_KINDS: Record<string, string> = {
  E06: 'unitary',
  E07: 'district',
  E08: 'metropolitan',
  E09: 'london-borough',
};

// --- rows, as the loader writes them ----------------------------------------------------------

// The columns the loader writes, taken from the database's own table types so they cannot drift.
export type LocalityRow = Pick<Locality, 'id' | 'gss_code' | 'name' | 'kind' | 'region' | 'nation' | 'is_demo'>;
export type OrganisationRow = Pick<RegisterOrganisation, 'id' | 'locality_id' | 'name' | 'sector' | 'org_type'> & {
  identifier: string;
};
export type PartnershipRow = Pick<
  RegisterPartnership,
  | 'id'
  | 'locality_id'
  | 'reference'
  | 'name'
  | 'purpose'
  | 'basis'
  | 'basis_detail'
  | 'statutory_type'
  | 'legal_form'
  | 'accountable_body_id'
  | 'layer'
  | 'status'
  | 'parent_id'
  | 'lead_organisation_id'
  | 'meetings_per_year'
  | 'meeting_minutes'
  | 'typical_attendance'
  | 'significance'
  | 'established_on'
  | 'closed_on'
  | 'close_reason'
>;
export type ThemeRow = Selectable<PartnershipThemesTable>;
export type AreaRow = Selectable<PartnershipAreasTable>;
export type MembershipRow = Pick<
  RegisterMembership,
  'id' | 'locality_id' | 'partnership_id' | 'organisation_id' | 'role' | 'started_on' | 'ended_on'
>;

export interface LocalityCounts {
  organisations: number;
  partnerships: number;
  memberships: number;
  themes: number;
  areas: number;
}

export interface PlannedPartnership {
  id: string;
  reference: string;
  name: string;
  localityCode: string;
}

export interface RegisterPlan {
  localities: LocalityRow[];
  organisations: OrganisationRow[];
  partnerships: PartnershipRow[];
  themes: ThemeRow[];
  areas: AreaRow[];
  memberships: MembershipRow[];
  /** Per locality, in the order of `localities`. */
  localityCounts: LocalityCounts[];
  /** Generator id (`P000123`) → what was written. */
  partnershipsByGeneratorId: Map<string, PlannedPartnership>;
  /** Distinct bodies written (the generator's organisations that belong to a locality or sit on a board). */
  distinctOrganisations: number;
  /** Shared bodies of the generator (a regional agency, say) that sit on no board: they have no locality to go in. */
  unplacedOrganisations: number;
  /** Closed partnerships written as active because an open sub-group sits beneath them. */
  reopened: number;
}

export const rowCount = (plan: RegisterPlan): number =>
  plan.localities.length +
  plan.organisations.length +
  plan.partnerships.length +
  plan.themes.length +
  plan.areas.length +
  plan.memberships.length;

// --- codes ------------------------------------------------------------------------------------

const three = (n: number) => String(n).padStart(3, '0');

/** The generator's `E07000012` (the 12th locality) becomes `E07998012`. */
export function localityCodeFor(generatorCode: string): string {
  const position = Number(generatorCode.slice(3));
  if (!Number.isInteger(position) || position < 1 || position > MAX_LOCALITIES)
    throw new RangeError(`No fictional code for locality ${generatorCode}: at most ${MAX_LOCALITIES} localities`);
  return `${generatorCode.slice(0, 3)}${GSS_SERIES}${three(position)}`;
}

/** Every code a generated register of this many localities could use, whatever the seed. */
export function candidateLocalityCodes(localities: number): string[] {
  const codes: string[] = [];
  for (const prefix of Object.keys(LOCALITY_KINDS))
    for (let i = 1; i <= localities; i++) codes.push(`${prefix}${GSS_SERIES}${three(i)}`);
  return codes;
}

function codeMap(data: NationalData): Map<string, string> {
  const codes = new Map<string, string>();
  data.localities.forEach((locality) => {
    const code = localityCodeFor(locality.id);
    const position = code.slice(6);
    codes.set(locality.id, code);
    if (locality.countyCode)
      codes.set(locality.countyCode, `E10${GSS_SERIES}${three(Number(locality.countyCode.slice(3)))}`);
    if (locality.wardCodes.length > 99) throw new RangeError(`Locality ${locality.id} has more than 99 wards`);
    locality.wardCodes.forEach((ward, w) => codes.set(ward, `E059${position}${String(w + 1).padStart(2, '0')}`));
  });
  return codes;
}

// --- organisation types -----------------------------------------------------------------------

/** Types by how bodies are named, for organisations that come without one. */
const NAMED_TYPES: Array<[RegExp, string]> = [
  [/ County Council$/, 'county-council'],
  [/ District Council$/, 'district-council'],
  [/ Borough Council$/, 'unitary-council'],
  [/ (Town|Parish) Council$/, 'parish-council'],
  [/ Police and Crime Commissioner$| Police Authority$/, 'police-crime-commissioner'],
  [/ Police$/, 'police'],
  [/ Fire and Rescue Service$/, 'fire-rescue'],
  [/ (Integrated Care Board|Clinical Commissioning Group|Primary Care Trust)$/, 'nhs-commissioner'],
  [/ NHS (Foundation )?Trust$/, 'nhs-trust'],
  [/^(National )?Probation Service/, 'probation'],
  [/ Council for Voluntary Service$/, 'infrastructure-body'],
  [/ (School|Academy|College)$/, 'school-college'],
];

/** The type a body's name gives away, if any. */
export function recognisedOrganisationType(name: string): string | undefined {
  return NAMED_TYPES.find(([pattern]) => pattern.test(name))?.[1];
}

const SECTOR_TYPES: Record<string, string> = {
  public: 'government-agency',
  private: 'business',
  voluntary: 'charity',
  community: 'community-group',
};

/** The generator's type, else the recognised type, else the commonest type of the sector. */
export function organisationTypeOf(name: string, sector: string, type?: string): string {
  return type ?? recognisedOrganisationType(name) ?? SECTOR_TYPES[sector] ?? 'charity';
}

// --- partnership details ----------------------------------------------------------------------

const STATUTORY_TYPES: Array<[suffix: string, code: string]> = [
  ['Community Safety Partnership', 'community-safety-partnership'],
  ['Health and Wellbeing Board', 'health-wellbeing-board'],
  ['Safeguarding Children Partnership', 'safeguarding-children'],
  ['Safeguarding Adults Board', 'safeguarding-adults'],
  ['Youth Offending Management Board', 'youth-offending-board'],
];
const STATUTORY_BY_THEME: Record<string, string> = {
  'community-safety': 'community-safety-partnership',
  'health-wellbeing': 'health-wellbeing-board',
  'children-young-people': 'safeguarding-children',
  'adult-social-care': 'safeguarding-adults',
  resilience: 'local-resilience-forum',
};
const SEPARATE_LEGAL_FORMS = [
  'company-limited-by-guarantee',
  'charitable-company',
  'community-interest-company',
  'charity',
];
const CLOSE_REASONS = [
  'Its funding stream ended.',
  'Its work passed to the parent partnership.',
  'Merged into a wider thematic partnership after a review.',
  'The plan it was set up to deliver was completed.',
  'Partners agreed it was no longer needed.',
];
const THEME_LABELS = new Map(SEED_REFERENCE.theme.map((t) => [t.code, t.label]));

function statutoryTypeOf(p: PartnershipFeatures, detail: PartnershipDetail | undefined): string {
  return (
    detail?.statutoryType ??
    STATUTORY_TYPES.find(([suffix]) => p.name.endsWith(suffix))?.[1] ??
    STATUTORY_BY_THEME[p.themes[0] ?? ''] ??
    'community-safety-partnership'
  );
}

const iso = (year: number, month: number, day: number) =>
  `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
const LAST_YEAR = 2024;

// --- the plan ---------------------------------------------------------------------------------

export interface PlanOptions {
  seed: number;
  /** Database ids; fresh random UUIDs unless a test wants something else. */
  newId?: () => string;
}

export function planRegister(data: NationalData, options: PlanOptions): RegisterPlan {
  const newId = options.newId ?? (() => crypto.randomUUID());
  // A stream of its own, so the register's details do not disturb the generator's draws.
  const rng = new Random((options.seed ^ 0x6a0f_1ed5) >>> 0);
  const codes = codeMap(data);
  const mapCode = (code: string) => {
    const mapped = codes.get(code);
    if (!mapped) throw new Error(`The generator used an unknown area code ${code}`);
    return mapped;
  };
  const organisationsById = new Map(data.organisations.map((o) => [o.id, o]));

  const byLocality = new Map<string, PartnershipFeatures[]>();
  for (const p of data.partnerships) {
    const list = byLocality.get(p.localityId) ?? [];
    list.push(p);
    byLocality.set(p.localityId, list);
  }
  const ownOrganisations = new Map<string, string[]>();
  for (const o of data.organisations) {
    if (!o.localityId) continue;
    const list = ownOrganisations.get(o.localityId) ?? [];
    list.push(o.id);
    ownOrganisations.set(o.localityId, list);
  }

  // Closed partnerships with an open sub-group stay open (children follow their parents in the
  // generator's order, so one backward pass also reopens a chain).
  const statusOf = new Map(data.partnerships.map((p) => [p.id, p.status]));
  let reopened = 0;
  for (let i = data.partnerships.length - 1; i >= 0; i--) {
    const p = data.partnerships[i]!;
    if (!p.parentId || statusOf.get(p.id) === 'closed') continue;
    if (statusOf.get(p.parentId) === 'closed') {
      statusOf.set(p.parentId, 'active');
      reopened++;
    }
  }

  const plan: RegisterPlan = {
    localities: [],
    organisations: [],
    partnerships: [],
    themes: [],
    areas: [],
    memberships: [],
    localityCounts: [],
    partnershipsByGeneratorId: new Map(),
    distinctOrganisations: 0,
    unplacedOrganisations: 0,
    reopened,
  };
  const bodiesSeen = new Set<string>();

  for (const locality of data.localities) {
    const gss = codes.get(locality.id)!;
    const localityRow: LocalityRow = {
      id: newId(),
      gss_code: gss,
      name: locality.name,
      kind: LOCALITY_KINDS[gss.slice(0, 3)]!,
      region: locality.region,
      nation: 'England',
      is_demo: true,
    };
    plan.localities.push(localityRow);
    const partnerships = byLocality.get(locality.id) ?? [];
    const counts: LocalityCounts = {
      organisations: 0,
      partnerships: partnerships.length,
      memberships: 0,
      themes: 0,
      areas: 0,
    };

    // Organisation records: the locality's own, then the shared bodies its boards use.
    const needed = [...(ownOrganisations.get(locality.id) ?? [])];
    const neededSet = new Set(needed);
    const shared = new Set<string>();
    for (const p of partnerships) for (const id of p.memberOrganisationIds) if (!neededSet.has(id)) shared.add(id);
    needed.push(...[...shared].sort());
    const orgRowId = new Map<string, string>();
    const orgTypeOf = new Map<string, string>();
    const namesUsed = new Set<string>();
    let council: string | undefined;
    for (const generatorId of needed) {
      const o = organisationsById.get(generatorId);
      if (!o) throw new Error(`A partnership names an unknown organisation ${generatorId}`);
      bodiesSeen.add(generatorId);
      // Names are unique within a register; the generator can repeat a charity's name.
      let name = o.name;
      for (let n = 2; namesUsed.has(name.toLowerCase()); n++) name = `${o.name} (${n})`;
      namesUsed.add(name.toLowerCase());
      const row: OrganisationRow = {
        id: newId(),
        locality_id: localityRow.id,
        name,
        sector: o.sector,
        org_type: organisationTypeOf(o.name, o.sector, o.type),
        identifier: `${IDENTIFIER_PREFIX}${o.id}`,
      };
      if (o.localityId === locality.id && (row.org_type === 'district-council' || row.org_type === 'unitary-council'))
        council ??= row.id;
      orgRowId.set(generatorId, row.id);
      orgTypeOf.set(row.id, row.org_type);
      plan.organisations.push(row);
    }
    counts.organisations = needed.length;

    const established = new Map<string, string | null>();
    partnerships.forEach((p, index) => {
      const id = newId();
      const reference = `P-${String(index + 1).padStart(4, '0')}`;
      plan.partnershipsByGeneratorId.set(p.id, { id, reference, name: p.name, localityCode: gss });
      const status = statusOf.get(p.id)!;
      const parent = p.parentId ? plan.partnershipsByGeneratorId.get(p.parentId) : undefined;
      if (p.parentId && !parent) throw new Error(`Partnership ${p.id} comes before its parent ${p.parentId}`);

      // Dates: established 1998–2021 (not before its parent); closed some years later.
      let established_on: string | null = null;
      const year = rng.int(1998, 2021);
      const month = rng.int(1, 12);
      const day = rng.int(1, 28);
      if (status !== 'proposed') {
        established_on = iso(year, month, day);
        const parentDate = parent ? established.get(p.parentId!) : null;
        if (parentDate && parentDate > established_on) established_on = parentDate;
      }
      established.set(p.id, established_on);
      let closed_on: string | null = null;
      let close_reason: string | null = null;
      const closeYear = Math.min(LAST_YEAR, Number((established_on ?? '2000').slice(0, 4)) + rng.int(1, 8));
      const reason = rng.pick(CLOSE_REASONS);
      if (status === 'closed') {
        closed_on = `${closeYear}${(established_on ?? '2000-01-01').slice(4)}`;
        if (established_on && closed_on < established_on) closed_on = established_on;
        close_reason = reason;
      }

      const theme = p.themes[0] ?? 'community-cohesion';
      const planYear = Math.max(2000, year);
      const detail = data.details[p.id];
      const fund = rng.pick(FUNDS).name;
      const basis_detail =
        p.basis === 'funding'
          ? (detail?.fund ?? fund)
          : p.basis === 'plan'
            ? `${locality.name} ${THEME_LABELS.get(theme) ?? 'Community'} Strategy ${planYear}–${String((planYear + 3) % 100).padStart(2, '0')}`
            : null;
      const legalChoice = rng.float();
      const legal_form = p.separateLegalStatus
        ? rng.pick(SEPARATE_LEGAL_FORMS)
        : (p.statutory ? legalChoice < 0.5 : legalChoice < 0.1)
          ? 'joint-committee'
          : 'unincorporated';
      const significance = { strategic: 'high', executive: 'medium', operational: 'low' }[p.layer] ?? null;

      // Seats: one chair (the council's more often than not), perhaps a vice-chair, the
      // accountable body of a funded group in that role, commissioners and agencies often observing.
      const members = [...new Set(p.memberOrganisationIds)].map((g) => orgRowId.get(g)!);
      const councilIndex = council ? members.indexOf(council) : -1;
      const chairIndex =
        members.length === 0
          ? -1
          : councilIndex >= 0 && rng.chance(0.6)
            ? councilIndex
            : rng.int(0, Math.min(2, members.length - 1));
      const viceIndex = members.length > 2 && rng.chance(0.35) ? rng.int(0, members.length - 1) : -1;
      const accountable_body_id = p.basis === 'funding' && council ? council : null;
      const lead_organisation_id = chairIndex >= 0 && rng.chance(0.6) ? members[chairIndex]! : null;
      members.forEach((organisationId, m) => {
        const type = orgTypeOf.get(organisationId);
        let role = 'member';
        if (m === chairIndex) role = 'chair';
        else if (m === viceIndex) role = 'vice-chair';
        else if (organisationId === accountable_body_id) role = 'accountable-body';
        else if ((type === 'government-agency' || type === 'nhs-commissioner') && rng.chance(0.5)) role = 'observer';
        plan.memberships.push({
          id: newId(),
          locality_id: localityRow.id,
          partnership_id: id,
          organisation_id: organisationId,
          role,
          started_on: established_on,
          ended_on: closed_on,
        });
      });
      counts.memberships += members.length;

      plan.partnerships.push({
        id,
        locality_id: localityRow.id,
        reference,
        name: p.name,
        purpose: p.purpose,
        basis: p.basis,
        basis_detail,
        statutory_type: p.basis === 'statutory' ? statutoryTypeOf(p, detail) : null,
        legal_form,
        accountable_body_id,
        layer: p.layer,
        status,
        parent_id: parent?.id ?? null,
        lead_organisation_id,
        meetings_per_year: p.meetingsPerYear,
        meeting_minutes: p.meetingMinutes,
        typical_attendance: p.typicalAttendance,
        significance,
        established_on,
        closed_on,
        close_reason,
      });
      for (const themeCode of new Set(p.themes)) plan.themes.push({ partnership_id: id, theme: themeCode });
      const areas = new Set(p.areas.map(mapCode));
      for (const gss_code of areas) plan.areas.push({ partnership_id: id, gss_code });
      counts.themes += new Set(p.themes).size;
      counts.areas += areas.size;
    });
    plan.localityCounts.push(counts);
  }
  plan.distinctOrganisations = bodiesSeen.size;
  plan.unplacedOrganisations = data.organisations.length - bodiesSeen.size;
  return plan;
}

// --- audit and ground truth -------------------------------------------------------------------

export interface AuditContext {
  seed: number;
  commandLine: string;
}

/** One entry per locality: what was generated there, by which command. */
export function auditEvents(plan: RegisterPlan, context: AuditContext): RecordInput[] {
  return plan.localities.map((locality, i) => {
    const counts = plan.localityCounts[i]!;
    return {
      localityId: locality.id,
      action: 'generate' as const,
      entityType: 'locality' as const,
      entityId: locality.id,
      summary: `Generated a synthetic register for ${locality.name} (${locality.gss_code}): ${counts.partnerships} partnerships, ${counts.organisations} organisations, ${counts.memberships} memberships (seed ${context.seed}; ${context.commandLine})`,
      after: {
        generated: true,
        seed: context.seed,
        command: context.commandLine,
        locality: { gss_code: locality.gss_code, name: locality.name, kind: locality.kind, region: locality.region },
        counts,
      },
    };
  });
}

export interface GroundTruthPartnership {
  id: string;
  reference: string;
  name: string;
  /** The generator's own id, as in `generateNational`'s output. */
  generatorId: string;
}

export interface GroundTruthOptions {
  partnerships: number;
  organisations: number;
  localities: number;
  plantedShare: number;
  hardNegativeShare: number;
  boilerplateShare: number;
}

export interface GroundTruth {
  description: string;
  seed: number;
  options: GroundTruthOptions;
  groups: Array<{
    kind: PlantedKind;
    locality: string;
    source: GroundTruthPartnership;
    partnerships: GroundTruthPartnership[];
  }>;
  /** Every pair of a group, ids in ascending order (as `pairKey` orders them). */
  pairs: Array<{
    kind: PlantedKind;
    locality: string;
    aId: string;
    bId: string;
    aReference: string;
    bReference: string;
  }>;
  /** Pairs that look alike but are different work: flagging one is a false positive. */
  hardNegatives: Array<{
    kind: HardNegativeKind;
    locality: string;
    a: GroundTruthPartnership;
    b: GroundTruthPartnership;
  }>;
}

export function groundTruth(
  data: NationalData,
  plan: RegisterPlan,
  options: GroundTruthOptions & { seed: number },
): GroundTruth {
  const written = (generatorId: string): GroundTruthPartnership => {
    const p = plan.partnershipsByGeneratorId.get(generatorId);
    if (!p) throw new Error(`Planted partnership ${generatorId} was not written`);
    return { id: p.id, reference: p.reference, name: p.name, generatorId };
  };
  const groups: GroundTruth['groups'] = [];
  const pairs: GroundTruth['pairs'] = [];
  for (const group of data.planted) {
    const partnerships = group.ids.map(written);
    const locality = plan.partnershipsByGeneratorId.get(group.sourceId)!.localityCode;
    groups.push({ kind: group.kind, locality, source: written(group.sourceId), partnerships });
    for (let i = 0; i < partnerships.length; i++) {
      for (let j = i + 1; j < partnerships.length; j++) {
        const [a, b] =
          partnerships[i]!.id < partnerships[j]!.id
            ? [partnerships[i]!, partnerships[j]!]
            : [partnerships[j]!, partnerships[i]!];
        pairs.push({
          kind: group.kind,
          locality,
          aId: a.id,
          bId: b.id,
          aReference: a.reference,
          bReference: b.reference,
        });
      }
    }
  }
  const hardNegatives = data.hardNegatives.map((h) => ({
    kind: h.kind,
    locality: plan.partnershipsByGeneratorId.get(h.ids[0])!.localityCode,
    a: written(h.ids[0]),
    b: written(h.ids[1]),
  }));
  return {
    description:
      'Planted near-duplicates of `joinedup generate`: every pair in a group should be found, and no hard negative. Ids are the database ids; references are unique within the locality (GSS code).',
    seed: options.seed,
    options: {
      partnerships: options.partnerships,
      organisations: options.organisations,
      localities: options.localities,
      plantedShare: options.plantedShare,
      hardNegativeShare: options.hardNegativeShare,
      boilerplateShare: options.boilerplateShare,
    },
    groups,
    pairs,
    hardNegatives,
  };
}
