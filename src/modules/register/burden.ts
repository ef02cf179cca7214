/**
 * An organisation's partnership burden: the seats it holds and the hours they take a year. One
 * definition, used by every page that shows it (the organisation's page and the register of
 * organisations, the gatekeeper's pre-check, the overlap page):
 *
 *  - a seat is a current membership (no end date) of an active partnership, as chair, vice-chair,
 *    member or accountable body. Observers are not counted: they hold no seat. Proposed
 *    partnerships are not counted: they do not meet yet (and are not public). Two
 *    representatives of one organisation on one board are two seats: two people at the table;
 *  - meeting hours a year are, for each seat, the partnership's meetings a year times its
 *    meeting length, as recorded; a partnership with no meeting pattern recorded adds none;
 *  - a page that shows hours with preparation asks for them with `preparationHoursPerMeeting`:
 *    that many hours per seat for each meeting, added to the same figures.
 *
 * The repository (`OrganisationRepository.burden`) adds the seats up in SQL; this file holds the
 * rules on top and the sentence each page shows to say what it counts.
 */

/** Whether a membership is a seat that counts, as above (the repository's `countedSeat` in SQL). */
export function isCountedSeat(m: { ended_on: string | null; role: string; partnership_status: string }): boolean {
  return m.ended_on === null && m.partnership_status === 'active' && m.role !== 'observer';
}

/** An organisation's seats and their meetings, as the repository adds them up. */
export interface BurdenTotals {
  organisation_id: string;
  organisation_name: string;
  organisation_sector: string;
  seats: number;
  /** Meetings a year summed over the seats (each seat attends each of its board's meetings). */
  meetings: number;
  /** Meeting hours a year summed over the seats, without preparation. */
  meeting_hours: number;
}

export interface BurdenOptions {
  /** Preparation per seat per meeting, in hours; 0 for meeting hours alone. */
  preparationHoursPerMeeting: number;
}

export const MEETING_HOURS_ONLY: BurdenOptions = { preparationHoursPerMeeting: 0 };

export interface PartnerBurden {
  organisationId: string;
  name: string;
  sector: string;
  seats: number;
  /** Meeting hours a year, without preparation, to one decimal place. */
  meetingHours: number;
  /** Preparation hours a year at the rate asked for, to one decimal place. */
  preparationHours: number;
  /** Meeting hours plus preparation, to one decimal place. */
  hoursWithPreparation: number;
}

const tenths = (n: number) => Math.round(n * 10) / 10;

/** The burden of one organisation from its totals (none: no seats). */
export function partnerBurden(
  organisation: { id: string; name: string; sector: string },
  totals: BurdenTotals | undefined,
  options: BurdenOptions,
): PartnerBurden {
  const meetingHours = totals?.meeting_hours ?? 0;
  const preparationHours = (totals?.meetings ?? 0) * options.preparationHoursPerMeeting;
  return {
    organisationId: organisation.id,
    name: organisation.name,
    sector: organisation.sector,
    seats: totals?.seats ?? 0,
    meetingHours: tenths(meetingHours),
    preparationHours: tenths(preparationHours),
    hoursWithPreparation: tenths(meetingHours + preparationHours),
  };
}

/** Heaviest first: most seats, then most meeting hours, then by name. */
export function byBurden(a: PartnerBurden, b: PartnerBurden): number {
  return b.seats - a.seats || b.meetingHours - a.meetingHours || a.name.localeCompare(b.name, 'en-GB');
}

const hoursText = (hours: number) => `${hours} hour${hours === 1 ? '' : 's'}`;

/**
 * What the figures count, in the words every page uses. With a preparation rate, a last
 * sentence says how hours with preparation are worked out.
 */
export function burdenSentence(options: BurdenOptions = MEETING_HOURS_ONLY): string {
  const base =
    'Seats are current places on active partnerships as chair, vice-chair, member or accountable body; observers and proposed partnerships are not counted, and two representatives on one board are two seats. Meeting hours a year are each seat’s meetings a year times the meeting length, without preparation; a partnership with no meeting pattern recorded adds none.';
  return options.preparationHoursPerMeeting > 0
    ? `${base} Hours with preparation add ${hoursText(options.preparationHoursPerMeeting)} per seat for each meeting.`
    : base;
}
