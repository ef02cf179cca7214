/**
 * Before and after: the locality's partnerships as they are, and as they would be once a plan's
 * operations are carried out, measured the way the overlap analysis measures them (its cost
 * model: meetings × attendees × (meeting + preparation hours) × each sector's hourly cost).
 * Pure: the service reads the register and hands the records over.
 */
import { type CostRates, type SectorOf, meetingPattern, yearlyCost } from '../overlap/costs.js';
import type { PartnershipFeatures } from '../overlap/types.js';
import { type PlannedOperation, groupParent, newPartnershipId, removedBy } from './rules.js';

export interface PlannedOperationWithPattern extends PlannedOperation {
  meetingsPerYear: number | null;
  meetingMinutes: number | null;
}

export interface Figures {
  partnerships: number;
  /** Member organisations' seats on open partnerships. */
  seats: number;
  /** Organisation-hours in meetings a year: seats × meetings × length (defaults where missing). */
  meetingHours: number;
  yearlyCostPence: number;
  /** Partnerships whose meeting pattern was missing, so a default was used. */
  estimated: number;
  byLayer: Record<string, number>;
}

export interface MapRow {
  id: string;
  name: string;
  before: { status: string; layer: string; parentId: string | null } | null;
  after: { status: string; layer: string; parentId: string | null } | null;
}

export interface Comparison {
  before: Figures;
  after: Figures;
  savingPence: number;
  /** The partnerships the plan touches, before and after: the map of what changes. */
  map: MapRow[];
}

const LAYER_ORDER = ['strategic', 'executive', 'operational'];

/** The meeting pattern of a merged partnership: what the operation says, else the continuing one's, else the busiest. */
export function mergedPattern(
  subjects: readonly PartnershipFeatures[],
  keeper: PartnershipFeatures | undefined,
  op: Pick<PlannedOperationWithPattern, 'meetingsPerYear' | 'meetingMinutes'>,
  members: number,
) {
  const max = (pick: (p: PartnershipFeatures) => number | null) =>
    subjects
      .map(pick)
      .filter((v): v is number => v !== null)
      .reduce<number | null>((m, v) => (m === null || v > m ? v : m), null);
  const meetingsPerYear = op.meetingsPerYear ?? (keeper ? keeper.meetingsPerYear : max((p) => p.meetingsPerYear));
  const meetingMinutes = op.meetingMinutes ?? (keeper ? keeper.meetingMinutes : max((p) => p.meetingMinutes));
  // Attendance grows with the organisations added, from the continuing board's (or the fullest) ratio.
  const basis = keeper ? [keeper] : subjects;
  const ratios = basis
    .filter((p) => p.typicalAttendance !== null && p.memberOrganisationIds.length > 0)
    .map((p) => (p.typicalAttendance as number) / new Set(p.memberOrganisationIds).size);
  const typicalAttendance = ratios.length ? Math.round(Math.max(...ratios) * members) : null;
  return { meetingsPerYear, meetingMinutes, typicalAttendance };
}

/** The open partnerships once the operations are applied, in order. */
export function simulate(
  open: readonly PartnershipFeatures[],
  ops: readonly PlannedOperationWithPattern[],
): PartnershipFeatures[] {
  const byId = new Map(
    open.map((p) => [
      p.id,
      { ...p, memberOrganisationIds: [...p.memberOrganisationIds], themes: [...p.themes], areas: [...p.areas] },
    ]),
  );
  const reparent = (from: string, to: string | null) => {
    const grandparent = byId.get(from)?.parentId ?? null;
    for (const p of byId.values()) if (p.parentId === from) p.parentId = p.id === to ? grandparent : to;
  };
  ops.forEach((op, index) => {
    if (op.kind === 'merge') {
      const subjects = op.subjectIds.map((id) => byId.get(id)).filter((p): p is PartnershipFeatures => p !== undefined);
      if (subjects.length === 0) return;
      const keeper = op.targetId ? byId.get(op.targetId) : undefined;
      const members = [...new Set(subjects.flatMap((p) => p.memberOrganisationIds))];
      const pattern = mergedPattern(subjects, keeper, op, members.length);
      const first = subjects[0] as PartnershipFeatures;
      const into: PartnershipFeatures = keeper ?? {
        ...first,
        id: newPartnershipId(index),
        name: op.newName ?? 'New merged partnership',
        purpose: subjects.map((p) => p.purpose).join(' '),
        statutory: false,
        separateLegalStatus: false,
        isLsp: false,
        layer: op.newLayer ?? LAYER_ORDER.find((l) => subjects.some((p) => p.layer === l)) ?? first.layer,
        parentId: groupParent(op.subjectIds, (id) => byId.get(id)?.parentId ?? null),
      };
      Object.assign(into, pattern, {
        memberOrganisationIds: members,
        themes: [...new Set(subjects.flatMap((p) => p.themes))].sort(),
        areas: [...new Set(subjects.flatMap((p) => p.areas))].sort(),
      });
      byId.set(into.id, into);
      for (const id of removedBy(op)) {
        reparent(id, into.id);
        byId.delete(id);
      }
    } else if (op.kind === 'close') {
      for (const id of op.subjectIds) {
        reparent(id, byId.get(id)?.parentId ?? null);
        byId.delete(id);
      }
    } else {
      for (const id of op.subjectIds) {
        const p = byId.get(id);
        if (!p) continue;
        if (op.kind === 'nest' || op.changeParent) p.parentId = op.targetId;
        if (op.newLayer) p.layer = op.newLayer;
        if (op.meetingsPerYear !== null) p.meetingsPerYear = op.meetingsPerYear;
        if (op.meetingMinutes !== null) p.meetingMinutes = op.meetingMinutes;
      }
    }
  });
  return [...byId.values()];
}

/** What figures need of a partnership: its members, meeting pattern and layer. */
export type Measured = Pick<
  PartnershipFeatures,
  'memberOrganisationIds' | 'meetingsPerYear' | 'meetingMinutes' | 'typicalAttendance' | 'layer'
>;

export function figures(open: readonly Measured[], sectorOf: SectorOf, rates: CostRates): Figures {
  const result: Figures = {
    partnerships: open.length,
    seats: 0,
    meetingHours: 0,
    yearlyCostPence: 0,
    estimated: 0,
    byLayer: {},
  };
  for (const p of open) {
    const seats = new Set(p.memberOrganisationIds).size;
    const pattern = meetingPattern(p, rates);
    const cost = yearlyCost(p, sectorOf, rates);
    result.seats += seats;
    result.meetingHours += (seats * pattern.meetingsPerYear * pattern.meetingMinutes) / 60;
    result.yearlyCostPence += cost.pence;
    if (cost.estimated) result.estimated++;
    result.byLayer[p.layer] = (result.byLayer[p.layer] ?? 0) + 1;
  }
  result.meetingHours = Math.round(result.meetingHours);
  return result;
}

/** The whole comparison for a plan. */
export function compare(
  open: readonly PartnershipFeatures[],
  ops: readonly PlannedOperationWithPattern[],
  sectorOf: SectorOf,
  rates: CostRates,
  names: (id: string) => string,
): Comparison {
  const after = simulate(open, ops);
  const before = figures(open, sectorOf, rates);
  const afterFigures = figures(after, sectorOf, rates);
  const touched = new Set<string>();
  ops.forEach((op, index) => {
    for (const id of op.subjectIds) touched.add(id);
    if (op.targetId) touched.add(op.targetId);
    if (op.kind === 'merge' && !op.targetId) touched.add(newPartnershipId(index));
  });
  const beforeById = new Map(open.map((p) => [p.id, p]));
  const afterById = new Map(after.map((p) => [p.id, p]));
  for (const p of after)
    if (p.parentId && touched.has(p.parentId) && beforeById.get(p.id)?.parentId !== p.parentId) touched.add(p.id);
  const state = (p: PartnershipFeatures | undefined) =>
    p ? { status: p.status, layer: p.layer, parentId: p.parentId } : null;
  const map: MapRow[] = [...touched].map((id) => ({
    id,
    name: afterById.get(id)?.name ?? beforeById.get(id)?.name ?? names(id),
    before: state(beforeById.get(id)),
    after: state(afterById.get(id)),
  }));
  return { before, after: afterFigures, savingPence: before.yearlyCostPence - afterFigures.yearlyCostPence, map };
}
