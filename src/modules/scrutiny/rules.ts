/**
 * The rules of scrutiny, risks and LSP accountability, as pure functions: risk scoring on a
 * 4×4 or 5×5 matrix, recommendation status transitions and their RAG rating, the
 * difficult-decision overdue rule, attendance rates with empty seats, sector balance against
 * the locality's target mix, and the levers gap. The service asks these; the tests check them.
 */
import { addDays } from '../../core/dates.js';

// --- risks ------------------------------------------------------------------------------------

export const MATRIX_SIZES = [4, 5] as const;
export type MatrixSize = (typeof MATRIX_SIZES)[number];

export const RISK_BANDS = ['low', 'medium', 'high', 'very-high'] as const;
export type RiskBand = (typeof RISK_BANDS)[number];

export const RISK_BAND_LABELS: Record<RiskBand, string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  'very-high': 'Very high',
};

/**
 * The highest score of each band but the last, per matrix. On a 5×5 matrix the usual local
 * government bands (1–4, 5–9, 10–16, 20–25); on a 4×4 the same shares of its 16 (1–2, 3–6, 8–9, 12–16).
 */
const BAND_TOPS: Record<MatrixSize, [number, number, number]> = {
  4: [2, 6, 9],
  5: [4, 9, 16],
};

export interface RiskScore {
  likelihood: number;
  impact: number;
  score: number;
  band: RiskBand;
}

export function isOnMatrix(size: MatrixSize, value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= size;
}

/** Likelihood × impact on the matrix, with its band. Refuses a value off the matrix. */
export function scoreRisk(size: MatrixSize, likelihood: number, impact: number): RiskScore {
  if (!isOnMatrix(size, likelihood)) throw new RangeError(`Likelihood must be a whole number from 1 to ${size}`);
  if (!isOnMatrix(size, impact)) throw new RangeError(`Impact must be a whole number from 1 to ${size}`);
  const score = likelihood * impact;
  const [low, medium, high] = BAND_TOPS[size];
  const band: RiskBand = score <= low ? 'low' : score <= medium ? 'medium' : score <= high ? 'high' : 'very-high';
  return { likelihood, impact, score, band };
}

/**
 * A value scored on one matrix placed on another, when the locality changes its matrix: the
 * same share of the scale, rounded, never below 1 (5 on a 5×5 is 4 on a 4×4; 2 is 2).
 */
export function rescale(value: number, from: MatrixSize, to: MatrixSize): number {
  if (from === to) return value;
  return Math.min(to, Math.max(1, Math.round((value * to) / from)));
}

export type Trend = 'new' | 'rising' | 'steady' | 'falling';
export const TREND_LABELS: Record<Trend, string> = {
  new: 'New',
  rising: 'Rising',
  steady: 'Steady',
  falling: 'Falling',
};

/** The direction of the residual score across the last two reviews (oldest first). */
export function riskTrend(scores: number[]): Trend {
  if (scores.length < 2) return 'new';
  const [before, latest] = scores.slice(-2) as [number, number];
  return latest > before ? 'rising' : latest < before ? 'falling' : 'steady';
}

export function isReviewOverdue(reviewOn: string, today: string): boolean {
  return reviewOn < today;
}

/** Highest residual score first, then inherent, then soonest review; for the locality-wide top risks. */
export function byRiskSeverity<
  R extends { residual: { score: number }; inherent: { score: number }; reviewOn: string; title: string },
>(a: R, b: R): number {
  return (
    b.residual.score - a.residual.score ||
    b.inherent.score - a.inherent.score ||
    a.reviewOn.localeCompare(b.reviewOn) ||
    a.title.localeCompare(b.title, 'en-GB')
  );
}

export interface HeatCell {
  likelihood: number;
  impact: number;
  score: number;
  band: RiskBand;
  count: number;
  titles: string[];
}

/** The heat map's grid: rows from the highest impact down, columns by likelihood from 1. */
export function heatMap(
  size: MatrixSize,
  risks: Array<{ likelihood: number; impact: number; title: string }>,
): HeatCell[][] {
  const rows: HeatCell[][] = [];
  for (let impact = size; impact >= 1; impact--) {
    const row: HeatCell[] = [];
    for (let likelihood = 1; likelihood <= size; likelihood++) {
      const here = risks.filter((r) => r.likelihood === likelihood && r.impact === impact);
      row.push({ ...scoreRisk(size, likelihood, impact), count: here.length, titles: here.map((r) => r.title) });
    }
    rows.push(row);
  }
  return rows;
}

// --- recommendations ----------------------------------------------------------------------------

export const RECOMMENDATION_STATUSES = [
  'awaiting-response',
  'accepted',
  'partly-accepted',
  'rejected',
  'implemented',
] as const;
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];
export const RECOMMENDATION_STATUS_LABELS: Record<RecommendationStatus, string> = {
  'awaiting-response': 'Awaiting response',
  accepted: 'Accepted',
  'partly-accepted': 'Partly accepted',
  rejected: 'Rejected',
  implemented: 'Implemented',
};

export const RESPONSES = ['accepted', 'partly-accepted', 'rejected'] as const;
export type Response = (typeof RESPONSES)[number];

export type RecommendationEvent =
  { type: 'respond'; response: Response; reasons?: string } | { type: 'complete' } | { type: 'reopen' };

/**
 * The recommendation's life: the addressee responds once (accepted, partly or rejected; partly
 * and rejected need reasons); an accepted or partly accepted one is completed when implemented;
 * the committee may reopen an implemented one it is not satisfied with. Rejected is final: the
 * committee answers a rejection with a new recommendation or a follow-up review.
 */
export function transition(
  status: RecommendationStatus,
  event: RecommendationEvent,
): { ok: true; status: RecommendationStatus } | { ok: false; message: string } {
  switch (event.type) {
    case 'respond':
      if (status !== 'awaiting-response')
        return { ok: false, message: 'This recommendation has been answered already' };
      if (event.response !== 'accepted' && !event.reasons?.trim())
        return {
          ok: false,
          message:
            event.response === 'rejected'
              ? 'Give the reasons for rejecting the recommendation'
              : 'Give the reasons for accepting only part of the recommendation',
        };
      return { ok: true, status: event.response };
    case 'complete':
      if (status !== 'accepted' && status !== 'partly-accepted')
        return { ok: false, message: 'Only an accepted or partly accepted recommendation can be implemented' };
      return { ok: true, status: 'implemented' };
    case 'reopen':
      if (status !== 'implemented') return { ok: false, message: 'Only an implemented recommendation can be reopened' };
      return { ok: true, status: 'accepted' };
  }
}

export type Rag = 'red' | 'amber' | 'green' | 'complete' | 'closed';
export const RAG_LABELS: Record<Rag, string> = {
  red: 'Red',
  amber: 'Amber',
  green: 'Green',
  complete: 'Complete',
  closed: 'Closed',
};

export interface ActionState {
  dueOn: string;
  progress: number;
}

export function isActionOverdue(action: ActionState, today: string): boolean {
  return action.progress < 100 && action.dueOn < today;
}

/**
 * The implementation status: red when an answer or an action is overdue; amber while awaiting a
 * response, or accepted with no action yet, or an action due within 30 days less than half done;
 * green when every action is on time; complete once implemented; closed when rejected.
 */
export function ragStatus(
  rec: { status: RecommendationStatus; responseDueOn: string; actions: ActionState[] },
  today: string,
): { rag: Rag; overdue: boolean } {
  if (rec.status === 'implemented') return { rag: 'complete', overdue: false };
  if (rec.status === 'rejected') return { rag: 'closed', overdue: false };
  if (rec.status === 'awaiting-response') {
    const overdue = rec.responseDueOn < today;
    return { rag: overdue ? 'red' : 'amber', overdue };
  }
  if (rec.actions.some((a) => isActionOverdue(a, today))) return { rag: 'red', overdue: true };
  const soon = addDays(today, 30);
  if (!rec.actions.length || rec.actions.some((a) => a.progress < 50 && a.dueOn <= soon))
    return { rag: 'amber', overdue: false };
  return { rag: 'green', overdue: false };
}

// --- difficult decisions ----------------------------------------------------------------------------

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * A difficult decision is open until it is resolved; one open longer than the locality's limit
 * (in days from the meeting that took it) is overdue. Resolved ones never are.
 */
export function decisionState(
  decision: { openedOn: string; resolvedOn: string | null },
  limitDays: number,
  today: string,
): { open: boolean; daysOpen: number; overdue: boolean } {
  const until = decision.resolvedOn ?? today;
  const daysOpen = Math.max(0, daysBetween(decision.openedOn, until));
  const open = decision.resolvedOn === null;
  return { open, daysOpen, overdue: open && daysOpen > limitDays };
}

// --- attendance -------------------------------------------------------------------------------------

export type Attendance = 'present' | 'substitute' | 'apologies' | 'absent';

export interface HeldMeeting {
  id: string;
  partnershipId: string;
  heldOn: string;
  attendance: Array<{ organisationId: string; attendance: Attendance }>;
}

export interface Seat {
  partnershipId: string;
  organisationId: string;
  startedOn: string | null;
  endedOn: string | null;
}

export interface AttendanceRate {
  organisationId: string;
  /** Seats it was expected to fill: one per meeting of a partnership where it held a seat that day. */
  expected: number;
  /** Filled in person or by a substitute. */
  attended: number;
  /** Expected but not filled: apologies, absent, or no record at all. */
  empty: number;
  /** attended / expected, or null when it was expected at none. */
  rate: number | null;
}

/**
 * Each organisation's attendance across its seats: a seat counts at a meeting held while the
 * seat was open; a substitute fills it; apologies, absence or no record leave it empty. An
 * attendee without a seat (a guest) fills nothing and is not counted.
 */
export function attendanceRates(
  meetings: HeldMeeting[],
  seats: Seat[],
): { rates: AttendanceRate[]; expected: number; empty: number } {
  const byOrganisation = new Map<string, AttendanceRate>();
  for (const meeting of meetings) {
    const seated = new Set(
      seats
        .filter(
          (s) =>
            s.partnershipId === meeting.partnershipId &&
            (!s.startedOn || s.startedOn <= meeting.heldOn) &&
            (!s.endedOn || s.endedOn >= meeting.heldOn),
        )
        .map((s) => s.organisationId),
    );
    for (const organisationId of seated) {
      const entry = byOrganisation.get(organisationId) ?? {
        organisationId,
        expected: 0,
        attended: 0,
        empty: 0,
        rate: null,
      };
      entry.expected++;
      const record = meeting.attendance.find((a) => a.organisationId === organisationId);
      if (record && (record.attendance === 'present' || record.attendance === 'substitute')) entry.attended++;
      else entry.empty++;
      byOrganisation.set(organisationId, entry);
    }
  }
  const rates = [...byOrganisation.values()].map((r) => ({ ...r, rate: r.expected ? r.attended / r.expected : null }));
  return {
    rates,
    expected: rates.reduce((a, r) => a + r.expected, 0),
    empty: rates.reduce((a, r) => a + r.empty, 0),
  };
}

// --- balance and inclusion ----------------------------------------------------------------------------

export const SECTOR_ORDER = ['public', 'private', 'voluntary', 'community'] as const;
export type SectorName = (typeof SECTOR_ORDER)[number];
export type TargetMix = Record<SectorName, number>;

/** The default target mix, in basis points (10,000 = 100%), until the locality sets its own. */
export const DEFAULT_TARGET_MIX: TargetMix = { public: 4000, private: 2000, voluntary: 2000, community: 2000 };

export interface SectorBalance {
  sector: SectorName;
  seats: number;
  /** Share of seats, basis points. */
  shareBp: number;
  targetBp: number;
  /** Share minus target, basis points. */
  gapBp: number;
  chairs: number;
  /** Attendance rate of the sector's seats, or null with no meetings. */
  attendanceRate: number | null;
}

/** Within five percentage points of its target a sector is in balance. */
export const BALANCE_TOLERANCE_BP = 500;

export function sectorBalance(
  seats: Array<{ sector: SectorName; role: string }>,
  target: TargetMix,
  attendance: Map<SectorName, { attended: number; expected: number }> = new Map(),
): SectorBalance[] {
  const total = seats.length;
  return SECTOR_ORDER.map((sector) => {
    const mine = seats.filter((s) => s.sector === sector);
    const shareBp = total ? Math.round((mine.length * 10_000) / total) : 0;
    const att = attendance.get(sector);
    return {
      sector,
      seats: mine.length,
      shareBp,
      targetBp: target[sector],
      gapBp: shareBp - target[sector],
      chairs: mine.filter((s) => s.role === 'chair' || s.role === 'vice-chair').length,
      attendanceRate: att && att.expected ? att.attended / att.expected : null,
    };
  });
}

export function checkTargetMix(mix: TargetMix): string | null {
  const total = SECTOR_ORDER.reduce((a, s) => a + mix[s], 0);
  return total === 10_000 ? null : 'The target shares must add up to 100%';
}

// --- levers ------------------------------------------------------------------------------------------

export const LEVER_KINDS = [
  'budget',
  'psa',
  'business-plan',
  'sla',
  'management-statement',
  'line-management',
  'reward-grant',
  'restructuring',
] as const;
export type LeverKind = (typeof LEVER_KINDS)[number];
export const LEVER_KIND_LABELS: Record<LeverKind, string> = {
  budget: 'Budgetary mechanism',
  psa: 'Public Service Agreement',
  'business-plan': 'Business plan',
  sla: 'Service level agreement',
  'management-statement': 'Management statement',
  'line-management': 'Line-management incentive',
  'reward-grant': 'Organisational incentive (local PSA reward grant)',
  restructuring: 'Restructuring',
};

/** Below this attendance rate an organisation's engagement is poor. */
export const POOR_ATTENDANCE = 0.5;

export interface LeverGap {
  organisationId: string;
  attendanceRate: number | null;
  contributes: boolean;
  reasons: string[];
}

/**
 * Public bodies with a seat in the locality's partnerships, no current lever, and poor
 * engagement: attending under half their seats, or contributing nothing.
 */
export function leversGap(
  bodies: Array<{ organisationId: string; attendanceRate: number | null; contributes: boolean }>,
  leveredIds: Set<string>,
): LeverGap[] {
  const gaps: LeverGap[] = [];
  for (const b of bodies) {
    if (leveredIds.has(b.organisationId)) continue;
    const reasons: string[] = [];
    if (b.attendanceRate !== null && b.attendanceRate < POOR_ATTENDANCE)
      reasons.push(`attends ${Math.round(b.attendanceRate * 100)}% of its seats`);
    if (!b.contributes) reasons.push('no contribution recorded');
    if (reasons.length) gaps.push({ ...b, reasons });
  }
  return gaps;
}
