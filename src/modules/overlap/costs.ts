/**
 * The transaction cost of a partnership: the time of the people who meet.
 *
 *   yearly cost = meetings a year × attendees × (meeting hours + preparation hours) × hourly cost
 *
 * with the hourly cost taken per sector: attendees are shared among the member organisations,
 * and each organisation's share is costed at its sector's rate. Money is integer pence, rounded
 * once at the end.
 *
 * Defaults (editable per locality; they are assumptions to calibrate, not facts):
 *  - hourly cost, fully loaded (salary, on-costs, overheads): public £45 (a senior officer on
 *    about £55k with 30% on-costs over ~1,650 working hours is £43); private £60 (senior
 *    business time is dearer); voluntary £30 (a manager on about £38k loaded the same way);
 *    community £17 (volunteer time valued at about median hourly pay, as volunteering
 *    valuations commonly do);
 *  - preparation: 2 hours per attendee per meeting (reading papers, briefing, travel; DOMAIN.md:
 *    "officer preparation time of several hours per meeting");
 *  - when a pattern is missing: 6 meetings a year, 2 hours each, one attendee per member
 *    organisation (DOMAIN.md: 4–12 meetings, 2–3 hours); the estimate is then flagged;
 *  - a nested partnership keeps half its meetings (it reports through its parent and shares
 *    its papers and secretariat), so nesting saves half its cost.
 */
import type { PartnershipFeatures, Sector } from './types.js';

export interface CostRates {
  /** Fully loaded cost of an hour of someone's time, in pence, by sector. */
  hourlyPenceBySector: Record<Sector, number>;
  /** Preparation per attendee per meeting, in hours. */
  preparationHoursPerMeeting: number;
  defaultMeetingsPerYear: number;
  defaultMeetingMinutes: number;
  /** Share of its meetings a partnership still holds once nested under another (0–1). */
  nestedMeetingShare: number;
}

export const DEFAULT_COST_RATES: Readonly<CostRates> = {
  hourlyPenceBySector: { public: 4500, private: 6000, voluntary: 3000, community: 1700 },
  preparationHoursPerMeeting: 2,
  defaultMeetingsPerYear: 6,
  defaultMeetingMinutes: 120,
  nestedMeetingShare: 0.5,
};

export type CostRatesInput = Partial<Omit<CostRates, 'hourlyPenceBySector'>> & {
  hourlyPenceBySector?: Partial<Record<Sector, number>>;
};

/** Rates with defaults filled in, checked: whole pence, hours and counts 0 or more. */
export function resolveRates(input: CostRatesInput = {}): CostRates {
  const rates: CostRates = {
    ...DEFAULT_COST_RATES,
    ...input,
    hourlyPenceBySector: { ...DEFAULT_COST_RATES.hourlyPenceBySector, ...input.hourlyPenceBySector },
  };
  for (const [sector, pence] of Object.entries(rates.hourlyPenceBySector)) {
    if (!Number.isInteger(pence) || pence < 0)
      throw new RangeError(`Hourly cost for ${sector} must be a whole number of pence, 0 or more`);
  }
  for (const key of ['preparationHoursPerMeeting', 'defaultMeetingsPerYear', 'defaultMeetingMinutes'] as const) {
    if (!Number.isFinite(rates[key]) || rates[key] < 0) throw new RangeError(`${key} must be 0 or more`);
  }
  if (!(rates.nestedMeetingShare >= 0 && rates.nestedMeetingShare <= 1))
    throw new RangeError('nestedMeetingShare must be between 0 and 1');
  return rates;
}

export type SectorOf = (organisationId: string) => Sector | undefined;

/** What some hours of an organisation's people cost a year at its sector's rate, in pence. */
export function hoursCostPence(hours: number, sector: Sector, rates: CostRates): number {
  return Math.round(hours * rates.hourlyPenceBySector[sector]);
}

/** The meeting pattern a cost is computed from: what the record says, or the defaults. */
export interface MeetingPattern {
  meetingsPerYear: number;
  meetingMinutes: number;
  attendees: number;
  /**
   * True when the meetings a year or their length was missing and a default was used. A missing
   * attendance alone is not an estimate of the pattern: one person per member organisation is
   * counted, which is the rule, not an assumption about how often the board meets.
   */
  estimated: boolean;
}

export type CostInput = Pick<
  PartnershipFeatures,
  'meetingsPerYear' | 'meetingMinutes' | 'typicalAttendance' | 'memberOrganisationIds'
>;

export function meetingPattern(p: CostInput, rates: CostRates): MeetingPattern {
  const members = new Set(p.memberOrganisationIds).size;
  return {
    meetingsPerYear: p.meetingsPerYear ?? rates.defaultMeetingsPerYear,
    meetingMinutes: p.meetingMinutes ?? rates.defaultMeetingMinutes,
    attendees: p.typicalAttendance ?? members,
    estimated: p.meetingsPerYear === null || p.meetingMinutes === null,
  };
}

/** Mean hourly rate over the member organisations (unknown organisations and empty boards at the public rate). */
function meanHourlyPence(memberIds: readonly string[], sectorOf: SectorOf, rates: CostRates): number {
  const distinct = [...new Set(memberIds)];
  if (distinct.length === 0) return rates.hourlyPenceBySector.public;
  let sum = 0;
  for (const id of distinct) sum += rates.hourlyPenceBySector[sectorOf(id) ?? 'public'];
  return sum / distinct.length;
}

export interface YearlyCost {
  pence: number;
  estimated: boolean;
}

/** Yearly transaction cost of a partnership, in pence. */
export function yearlyCost(p: CostInput, sectorOf: SectorOf, rates: CostRates): YearlyCost {
  const pattern = meetingPattern(p, rates);
  const hoursPerMeeting = pattern.meetingMinutes / 60 + rates.preparationHoursPerMeeting;
  const pence =
    pattern.meetingsPerYear *
    pattern.attendees *
    hoursPerMeeting *
    meanHourlyPence(p.memberOrganisationIds, sectorOf, rates);
  return { pence: Math.round(pence), estimated: pattern.estimated };
}

/**
 * The cost of `keeper` once `absorbed` is merged into it: the keeper's meeting pattern, with
 * everyone from both boards, attendance growing in proportion to the organisations added.
 */
export function mergedCost(
  keeper: CostInput,
  absorbed: readonly CostInput[],
  sectorOf: SectorOf,
  rates: CostRates,
): YearlyCost {
  const before = meetingPattern(keeper, rates);
  const members = new Set(keeper.memberOrganisationIds);
  for (const a of absorbed) for (const id of a.memberOrganisationIds) members.add(id);
  const keeperMembers = new Set(keeper.memberOrganisationIds).size;
  const attendees = keeperMembers > 0 ? (before.attendees * members.size) / keeperMembers : members.size;
  const merged: CostInput = {
    meetingsPerYear: before.meetingsPerYear,
    meetingMinutes: before.meetingMinutes,
    typicalAttendance: attendees,
    memberOrganisationIds: [...members],
  };
  const cost = yearlyCost(merged, sectorOf, rates);
  return { pence: cost.pence, estimated: before.estimated || absorbed.some((a) => meetingPattern(a, rates).estimated) };
}
