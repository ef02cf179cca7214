/**
 * The generated register in the layout of the independent benchmark registers (shared benchmark
 * README): a truth file of groups and hard negatives by partnership reference, and for one
 * locality the council-style CSV register (`organisations.csv`, `partnerships.csv`,
 * `memberships.csv`, `truth.json`) that the quality bench imports like a register written
 * outside the project.
 */
import { stringify } from 'csv-stringify/sync';
import { Random } from '../../core/random.js';
import { generateNational, type HardNegativeKind, type PlantedKind } from '../overlap/generate.js';
import {
  type GroundTruth,
  groundTruth,
  type OrganisationRow,
  type PartnershipRow,
  planRegister,
  type RegisterPlan,
} from './plan.js';

/** The benchmark's truth format, with the kind of each group and hard negative alongside. */
export interface BenchmarkTruth {
  groups: string[][];
  hard_negatives: Array<[string, string]>;
  note: string;
  /** In the order of `groups`. */
  group_kinds: PlantedKind[];
  /** In the order of `hard_negatives`. */
  hard_negative_kinds: HardNegativeKind[];
}

/** The national set's truth: references are unique only within a locality, so each is `GSS/reference`. */
export function nationalBenchmarkTruth(truth: GroundTruth): BenchmarkTruth {
  const ref = (locality: string, reference: string) => `${locality}/${reference}`;
  return {
    groups: truth.groups.map((g) => g.partnerships.map((p) => ref(g.locality, p.reference))),
    hard_negatives: truth.hardNegatives.map((h) => [ref(h.locality, h.a.reference), ref(h.locality, h.b.reference)]),
    note: `Synthetic national register of joinedup generate (seed ${truth.seed}). Each reference is the locality's GSS code, a slash and the partnership's reference in that locality's register. Every pair inside a group is the same work; no pair across localities is. Hard negatives look alike but are different work.`,
    group_kinds: truth.groups.map((g) => g.kind),
    hard_negative_kinds: truth.hardNegatives.map((h) => h.kind),
  };
}

// ---------------------------------------------------------------------------------------------

const THEME_LABELS: Record<string, string[]> = {
  'community-safety': ['community safety'],
  'health-wellbeing': ['health'],
  'children-young-people': ['children and young people'],
  'older-people': ['older people'],
  'adult-social-care': ['health'],
  'economy-regeneration': ['economy and regeneration'],
  'employment-skills': ['employment', 'education and skills'],
  housing: ['housing'],
  environment: ['environment'],
  transport: ['transport'],
  'culture-leisure': ['culture and leisure'],
  'neighbourhood-renewal': ['economy and regeneration', 'community'],
  'community-cohesion': ['community'],
  'substance-misuse': ['drugs and alcohol'],
  education: ['education and skills'],
  resilience: ['community safety'],
};
const LEGAL_STATUS: Record<string, string> = {
  'company-limited-by-guarantee': 'company limited by guarantee',
  'charitable-company': 'charitable incorporated organisation',
  charity: 'charitable incorporated organisation',
  'community-interest-company': 'community interest company',
  'joint-committee': 'joint committee',
};
const ORGANISATION_TYPES: Record<string, string> = {
  'county-council': 'county council',
  'district-council': 'district council',
  'unitary-council': 'unitary council',
  'parish-council': 'town or parish council',
  'nhs-trust': 'NHS trust',
  'nhs-commissioner': 'NHS commissioner',
  police: 'police force',
  'police-crime-commissioner': 'police and crime commissioner',
  'fire-rescue': 'fire and rescue service',
  probation: 'probation service',
  'government-agency': 'government agency',
  'school-college': 'school or college',
  university: 'university',
  'housing-association': 'housing association',
  business: 'business',
  'business-association': 'business association',
  charity: 'charity',
  'community-group': 'community group',
  'faith-group': 'faith group',
  'infrastructure-body': 'voluntary sector infrastructure body',
};
const ROLES: Record<string, string> = { 'accountable-body': 'accountable body' };
const OPEN = new Set(['active', 'proposed']);
const MIN_BOARD = 5;

export interface BenchmarkRegister {
  /** CSV text of each file, and the truth. */
  organisations: string;
  partnerships: string;
  memberships: string;
  truth: BenchmarkTruth;
  counts: { organisations: number; partnerships: number; memberships: number; groups: number; hardNegatives: number };
}

/** A council's yearly budget for the partnership, in whole pounds, or nothing recorded. */
function budgetFor(rng: Random, p: PartnershipRow): number | '' {
  if (p.basis === 'funding') return rng.int(4, 100) * 5_000;
  if (p.layer === 'strategic') return rng.int(2, 40) * 2_500;
  return rng.chance(0.5) ? '' : rng.int(0, 20) * 1_000;
}

function refPrefix(name: string): string {
  const letters = name.replace(/[^A-Za-z]/g, '').toUpperCase();
  return `${letters[0] ?? 'G'}${letters.at(-1) ?? 'R'}`;
}

/**
 * One locality of the plan as a council-style register in the benchmark's layout: its open
 * partnerships with a board of five or more, the organisations on them and the truth among them.
 */
export function benchmarkRegister(
  plan: RegisterPlan,
  truth: GroundTruth,
  options: { localityCode: string; seed: number },
): BenchmarkRegister {
  const locality = plan.localities.find((l) => l.gss_code === options.localityCode);
  if (!locality) throw new Error(`No locality ${options.localityCode} in the generated register`);
  const rng = new Random((options.seed ^ 0x5eed_be11) >>> 0);
  const seats = new Map<string, PlanMembership[]>();
  for (const m of plan.memberships)
    if (m.locality_id === locality.id && !m.ended_on)
      seats.set(m.partnership_id, [...(seats.get(m.partnership_id) ?? []), m]);
  const partnerships = plan.partnerships.filter(
    (p) => p.locality_id === locality.id && OPEN.has(p.status) && (seats.get(p.id)?.length ?? 0) >= MIN_BOARD,
  );
  const themes = new Map<string, string[]>();
  for (const t of plan.themes) themes.set(t.partnership_id, [...(themes.get(t.partnership_id) ?? []), t.theme]);

  const prefix = refPrefix(locality.name);
  const refOf = new Map(partnerships.map((p, i) => [p.id, `${prefix}${String(i + 1).padStart(3, '0')}`]));
  const organisations = new Map<string, OrganisationRow>(
    plan.organisations.filter((o) => o.locality_id === locality.id).map((o) => [o.id, o]),
  );
  const orgIds = new Map<string, string>();
  const orgId = (id: string) => {
    if (!orgIds.has(id)) orgIds.set(id, `O${String(orgIds.size + 1).padStart(3, '0')}`);
    return orgIds.get(id)!;
  };

  const partnershipRows = partnerships.map((p) => {
    const board = seats.get(p.id)!;
    const chair = board.find((m) => m.role === 'chair') ?? board[0]!;
    const labels = [...new Set((themes.get(p.id) ?? []).flatMap((t) => THEME_LABELS[t] ?? ['community']))];
    const legal = LEGAL_STATUS[p.legal_form] ?? (rng.chance(0.2) ? 'unincorporated association' : 'none');
    return [
      refOf.get(p.id)!,
      p.name,
      p.purpose,
      labels.join(';'),
      p.layer,
      p.basis,
      legal,
      orgId(chair.organisation_id),
      p.meetings_per_year ?? '',
      p.meeting_minutes === null ? '' : p.meeting_minutes / 60,
      budgetFor(rng, p),
    ];
  });
  const membershipRows = partnerships.flatMap((p) => {
    const board = seats.get(p.id)!;
    const chair = board.find((m) => m.role === 'chair') ?? board[0]!;
    return board.map((m) => [
      refOf.get(p.id)!,
      orgId(m.organisation_id),
      m === chair ? 'chair' : (ROLES[m.role] ?? m.role),
    ]);
  });
  const organisationRows = [...orgIds].map(([id, short]) => {
    const o = organisations.get(id)!;
    return [short, o.name, o.sector, ORGANISATION_TYPES[o.org_type] ?? o.org_type];
  });

  const byReference = new Map(partnerships.map((p) => [p.reference, refOf.get(p.id)!]));
  const here = (t: { locality: string }) => t.locality === options.localityCode;
  const groups = truth.groups
    .filter(here)
    .map((g) => ({ kind: g.kind, refs: g.partnerships.flatMap((p) => byReference.get(p.reference) ?? []) }))
    .filter((g) => g.refs.length >= 2);
  const hardNegatives = truth.hardNegatives
    .filter(here)
    .map((h) => ({ kind: h.kind, refs: [byReference.get(h.a.reference), byReference.get(h.b.reference)] }))
    .filter((h): h is { kind: HardNegativeKind; refs: [string, string] } => h.refs.every(Boolean));
  const csv = (header: string[], rows: unknown[][]) => stringify([header, ...rows]);
  return {
    organisations: csv(['id', 'name', 'sector', 'type'], organisationRows),
    partnerships: csv(
      [
        'ref',
        'title',
        'objective',
        'themes',
        'layer',
        'basis',
        'legal_status',
        'lead_org',
        'meetings_per_year',
        'meeting_hours',
        'annual_budget_gbp',
      ],
      partnershipRows,
    ),
    memberships: csv(['partnership_ref', 'org_id', 'role'], membershipRows),
    truth: {
      groups: groups.map((g) => g.refs),
      hard_negatives: hardNegatives.map((h) => h.refs),
      note: `Generated by Joined Up's synthetic register (seed ${options.seed}), locality ${locality.name}: ${groups.length} groups of the same work and ${hardNegatives.length} hard negatives. Any pair not inside a group is not a duplicate.`,
      group_kinds: groups.map((g) => g.kind),
      hard_negative_kinds: hardNegatives.map((h) => h.kind),
    },
    counts: {
      organisations: organisationRows.length,
      partnerships: partnershipRows.length,
      memberships: membershipRows.length,
      groups: groups.length,
      hardNegatives: hardNegatives.length,
    },
  };
}

type PlanMembership = RegisterPlan['memberships'][number];

export interface SmallRegisterOptions {
  seed: number;
  partnerships: number;
  organisations: number;
  plantedShare: number;
  hardNegativeShare: number;
}

/**
 * The size of a dense district (about a hundred partnerships), with more planted groups and hard
 * negatives than the national default so that one locality has enough to score.
 */
export const SMALL_REGISTER: SmallRegisterOptions = {
  seed: 1,
  partnerships: 100,
  organisations: 80,
  plantedShare: 0.15,
  hardNegativeShare: 0.12,
};

/** A one-locality generated register in the benchmark layout, and the locality's name. */
export function generatedBenchmarkRegister(options: SmallRegisterOptions): BenchmarkRegister & { name: string } {
  const generate = { ...options, localities: 1, boilerplateShare: 0 };
  const data = generateNational(generate);
  const plan = planRegister(data, { seed: options.seed });
  const truth = groundTruth(data, plan, generate);
  const locality = plan.localities[0]!;
  return {
    ...benchmarkRegister(plan, truth, { localityCode: locality.gss_code, seed: options.seed }),
    name: locality.name,
  };
}
