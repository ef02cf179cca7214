/**
 * The rules of a Business Improvement District, as pure functions: the ballot timetable, the
 * result tests per nation, who is eligible to vote (and pay), and the levy. The service asks
 * these; nothing here reads the database or the clock.
 *
 * England: Local Government Act 2003 Part 4 and the BID (England) Regulations 2004; Wales: the
 * same Act and the BID (Wales) Regulations 2005; Scotland: Planning etc. (Scotland) Act 2006
 * Part 9 and the BID (Scotland) Regulations 2007; Northern Ireland: the Business Improvement
 * Districts Act (Northern Ireland) 2013.
 */
import { addWorkingDays } from '../gatekeeper/timing.js';
import { bankHolidaysFor } from '../../core/bank-holidays.js';
import { type AreaGeometry, pointInArea } from './area.js';

export const NATIONS = ['England', 'Wales', 'Scotland', 'Northern Ireland'] as const;
export type Nation = (typeof NATIONS)[number];

export function isNation(value: string): value is Nation {
  return (NATIONS as readonly string[]).includes(value);
}

// --- the rules of each nation, as data -------------------------------------------------------

export interface NationRules {
  nation: Nation;
  /** What the levy and the value test are measured on. */
  valueName: 'rateable value' | 'net annual value';
  legislation: string;
  /** Minimum days from the notice of ballot to ballot day. */
  noticeMinDays: number;
  /** Minimum days from sending the papers to ballot day. */
  papersMinDays: number;
  /** Maximum days from the notice to ballot day. */
  noticeMaxDays: number;
  /** Latest time on ballot day for a vote to count, London time (24-hour). */
  closeHour: number;
  /** How many working days the ballot may be postponed. */
  postponementMaxWorkingDays: number;
  /** Minimum turnout by number of eligible hereditaments (percent; 0 for none). */
  turnoutByNumberPercent: number;
  /** Minimum turnout by aggregate value of eligible hereditaments (percent; 0 for none). */
  turnoutByValuePercent: number;
  /** Working days after ballot day within which the council may veto. */
  vetoWorkingDays: number;
  /** Days after the result within which a complaint of material irregularity may be made. */
  challengeDays: number;
  /** Longest term, in years. */
  maxTermYears: number;
}

const COMMON = {
  noticeMinDays: 42,
  papersMinDays: 28,
  noticeMaxDays: 90,
  closeHour: 17,
  postponementMaxWorkingDays: 15,
  vetoWorkingDays: 14,
  challengeDays: 28,
  maxTermYears: 5,
} as const;

export const NATION_RULES: Record<Nation, NationRules> = {
  England: {
    nation: 'England',
    valueName: 'rateable value',
    legislation: 'Local Government Act 2003, Part 4; Business Improvement Districts (England) Regulations 2004',
    ...COMMON,
    turnoutByNumberPercent: 0,
    turnoutByValuePercent: 0,
  },
  Wales: {
    nation: 'Wales',
    valueName: 'rateable value',
    legislation: 'Local Government Act 2003, Part 4; Business Improvement Districts (Wales) Regulations 2005',
    ...COMMON,
    turnoutByNumberPercent: 0,
    turnoutByValuePercent: 0,
  },
  Scotland: {
    nation: 'Scotland',
    valueName: 'rateable value',
    legislation:
      'Planning etc. (Scotland) Act 2006, Part 9; Business Improvement Districts (Scotland) Regulations 2007',
    ...COMMON,
    turnoutByNumberPercent: 25,
    turnoutByValuePercent: 25,
  },
  'Northern Ireland': {
    nation: 'Northern Ireland',
    valueName: 'net annual value',
    legislation: 'Business Improvement Districts Act (Northern Ireland) 2013',
    ...COMMON,
    turnoutByNumberPercent: 25,
    turnoutByValuePercent: 25,
  },
};

export function rulesFor(nation: string): NationRules {
  return isNation(nation) ? NATION_RULES[nation] : NATION_RULES.England;
}

// --- dates -----------------------------------------------------------------------------------

const DAY_MS = 86_400_000;

function dayNumber(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
}

/** Whole days from one date (YYYY-MM-DD) to another: 2026-01-01 → 2026-01-02 is 1. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

export function addDays(iso: string, days: number): string {
  return new Date((dayNumber(iso) + days) * DAY_MS).toISOString().slice(0, 10);
}

/** The working day `days` working days after a date, skipping weekends and the nation's bank holidays. */
export function addWorkingDaysTo(iso: string, days: number, nation: string): string {
  return addWorkingDays(new Date(`${iso}T12:00:00Z`), days, bankHolidaysFor(nation))
    .toISOString()
    .slice(0, 10);
}

/** The instant of a London wall-clock hour on a date (Europe/London: GMT or BST). */
export function londonInstant(iso: string, hour: number): Date {
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    hour: '2-digit',
    hourCycle: 'h23',
    day: '2-digit',
  });
  for (const offset of [0, 1]) {
    const candidate = new Date(Date.parse(`${iso}T${String(hour).padStart(2, '0')}:00:00Z`) - offset * 3_600_000);
    const parts = Object.fromEntries(format.formatToParts(candidate).map((p) => [p.type, p.value]));
    if (Number(parts.hour) === hour && Number(parts.day) === Number(iso.slice(8, 10))) return candidate;
  }
  return new Date(Date.parse(`${iso}T${String(hour).padStart(2, '0')}:00:00Z`));
}

// --- the ballot timetable --------------------------------------------------------------------

export interface Timetable {
  /** When the notice of ballot is published. */
  noticeOn: string;
  /** When the ballot papers are sent. */
  papersOn: string;
  /** Ballot day as first set. */
  ballotOn: string;
  /** A postponed ballot day, if the ballot holder postponed it. */
  postponedTo?: string | null;
}

export interface TimetableProblem {
  /** The field the problem is with. */
  field: 'noticeOn' | 'papersOn' | 'ballotOn' | 'postponedTo';
  /** The rule broken, named as a person would name it. */
  rule: string;
  message: string;
}

/**
 * Every rule the timetable breaks (none when it is good):
 * notice at least 42 days before ballot day; papers at least 28 days before it (and not
 * before the notice); ballot day no more than 90 days after the notice; a postponement later
 * than ballot day and no more than 15 working days after it.
 */
export function checkTimetable(timetable: Timetable, nation: string): TimetableProblem[] {
  const rules = rulesFor(nation);
  const problems: TimetableProblem[] = [];
  const { noticeOn, papersOn, ballotOn, postponedTo } = timetable;
  const notice = daysBetween(noticeOn, ballotOn);
  if (notice < rules.noticeMinDays)
    problems.push({
      field: 'noticeOn',
      rule: `Notice at least ${rules.noticeMinDays} days before ballot day`,
      message: `The notice of ballot must be published at least ${rules.noticeMinDays} days before ballot day: it is ${notice} day${notice === 1 ? '' : 's'} before`,
    });
  if (notice > rules.noticeMaxDays)
    problems.push({
      field: 'ballotOn',
      rule: `Ballot day no more than ${rules.noticeMaxDays} days after the notice`,
      message: `Ballot day must be no more than ${rules.noticeMaxDays} days after the notice of ballot: it is ${notice} days after`,
    });
  const papers = daysBetween(papersOn, ballotOn);
  if (papers < rules.papersMinDays)
    problems.push({
      field: 'papersOn',
      rule: `Papers sent at least ${rules.papersMinDays} days before ballot day`,
      message: `The ballot papers must be sent at least ${rules.papersMinDays} days before ballot day: they are ${papers} day${papers === 1 ? '' : 's'} before`,
    });
  else if (daysBetween(noticeOn, papersOn) < 0)
    problems.push({
      field: 'papersOn',
      rule: 'Papers sent no earlier than the notice',
      message: 'The ballot papers cannot be sent before the notice of ballot is published',
    });
  if (postponedTo) {
    const latest = addWorkingDaysTo(ballotOn, rules.postponementMaxWorkingDays, nation);
    if (daysBetween(ballotOn, postponedTo) <= 0)
      problems.push({
        field: 'postponedTo',
        rule: 'A postponed ballot day is later than ballot day',
        message: 'A postponed ballot day must be after the ballot day first set',
      });
    else if (daysBetween(latest, postponedTo) > 0)
      problems.push({
        field: 'postponedTo',
        rule: `Postponement of no more than ${rules.postponementMaxWorkingDays} working days`,
        message: `The ballot may be postponed by no more than ${rules.postponementMaxWorkingDays} working days: the latest day is ${latest}`,
      });
  }
  return problems;
}

/** The ballot day in force: the postponed day if there is one. */
export function effectiveBallotDay(timetable: Pick<Timetable, 'ballotOn' | 'postponedTo'>): string {
  return timetable.postponedTo || timetable.ballotOn;
}

/** When voting closes: 5pm London time on the ballot day in force. */
export function ballotCloses(timetable: Pick<Timetable, 'ballotOn' | 'postponedTo'>, nation: string): Date {
  return londonInstant(effectiveBallotDay(timetable), rulesFor(nation).closeHour);
}

/** A good timetable for a ballot day: notice 42 days and papers 28 days before it. */
export function suggestTimetable(ballotOn: string, nation: string): Timetable {
  const rules = rulesFor(nation);
  return {
    noticeOn: addDays(ballotOn, -rules.noticeMinDays),
    papersOn: addDays(ballotOn, -rules.papersMinDays),
    ballotOn,
  };
}

/** The last day the council may veto: 14 working days after the ballot day in force. */
export function vetoDeadline(timetable: Pick<Timetable, 'ballotOn' | 'postponedTo'>, nation: string): string {
  return addWorkingDaysTo(effectiveBallotDay(timetable), rulesFor(nation).vetoWorkingDays, nation);
}

// --- the result ------------------------------------------------------------------------------

/** Higher margins the proposer may set, in basis points (5,000 = 50%). */
export interface Margins {
  /** Yes votes must be more than this share of the votes cast (default 5,000: a majority). */
  yesShareByNumberBp?: number;
  /** Yes value must be more than this share of the value voting (default 5,000). */
  yesShareByValueBp?: number;
  /** Turnout by number must be at least this (the nation's own floor applies if higher). */
  turnoutByNumberBp?: number;
  /** Turnout by value must be at least this (the nation's own floor applies if higher). */
  turnoutByValueBp?: number;
}

export interface Tally {
  /** Hereditaments entitled to vote (one paper each). */
  eligibleCount: number;
  /** Their aggregate rateable value (net annual value in Northern Ireland), whole pounds. */
  eligibleValue: number;
  yesCount: number;
  noCount: number;
  yesValue: number;
  noValue: number;
  /** Papers returned but not counted (spoilt, late): shown, never counted. */
  spoiltCount?: number;
  lateCount?: number;
}

export interface ResultTest {
  key: 'yes-by-number' | 'yes-by-value' | 'turnout-by-number' | 'turnout-by-value';
  name: string;
  /** What the test asks, in words. */
  requirement: string;
  /** The figure reached, in words. */
  achieved: string;
  passed: boolean;
}

export interface BallotResult {
  nation: Nation;
  passed: boolean;
  tests: ResultTest[];
  /** Why it passed or failed, in one sentence. */
  reason: string;
  turnoutByNumberPercent: number;
  turnoutByValuePercent: number;
  tally: Tally;
}

const BP = 10_000;

function percent(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : Math.round((numerator * 10_000) / denominator) / 100;
}

function describeBp(bp: number): string {
  return `${(bp / 100).toLocaleString('en-GB', { maximumFractionDigits: 2 })}%`;
}

const money = (pounds: number) => `£${pounds.toLocaleString('en-GB')}`;

/**
 * The result of a ballot under the nation's rules, with the proposer's higher margins. Exact
 * integer arithmetic: "more than X%" is yes × 10,000 > X(bp) × total; "at least" is ≥. A tie
 * fails (yes is not more than half), and no votes at all fails.
 */
export function ballotResult(nation: string, tally: Tally, margins: Margins = {}): BallotResult {
  const rules = rulesFor(nation);
  const value = rules.valueName;
  const votes = tally.yesCount + tally.noCount;
  const votedValue = tally.yesValue + tally.noValue;
  const yesNumberBp = Math.max(5_000, margins.yesShareByNumberBp ?? 5_000);
  const yesValueBp = Math.max(5_000, margins.yesShareByValueBp ?? 5_000);
  const turnoutNumberBp = Math.max(rules.turnoutByNumberPercent * 100, margins.turnoutByNumberBp ?? 0);
  const turnoutValueBp = Math.max(rules.turnoutByValuePercent * 100, margins.turnoutByValueBp ?? 0);

  const tests: ResultTest[] = [
    {
      key: 'yes-by-number',
      name: 'Votes cast',
      requirement:
        yesNumberBp === 5_000
          ? 'More of those voting vote yes than no'
          : `More than ${describeBp(yesNumberBp)} of those voting vote yes`,
      achieved: `${tally.yesCount} yes and ${tally.noCount} no (${percent(tally.yesCount, votes)}% yes)`,
      passed: votes > 0 && tally.yesCount * BP > yesNumberBp * votes,
    },
    {
      key: 'yes-by-value',
      name: `Aggregate ${value}`,
      requirement:
        yesValueBp === 5_000
          ? `The ${value} of those voting yes exceeds that of those voting no`
          : `More than ${describeBp(yesValueBp)} of the ${value} voting is voting yes`,
      achieved: `${money(tally.yesValue)} yes and ${money(tally.noValue)} no (${percent(tally.yesValue, votedValue)}% yes)`,
      passed: votedValue > 0 && tally.yesValue * BP > yesValueBp * votedValue,
    },
  ];
  if (turnoutNumberBp > 0)
    tests.push({
      key: 'turnout-by-number',
      name: 'Turnout by number',
      requirement: `At least ${describeBp(turnoutNumberBp)} of those entitled vote`,
      achieved: `${votes} of ${tally.eligibleCount} voted (${percent(votes, tally.eligibleCount)}%)`,
      passed: tally.eligibleCount > 0 && votes * BP >= turnoutNumberBp * tally.eligibleCount,
    });
  if (turnoutValueBp > 0)
    tests.push({
      key: 'turnout-by-value',
      name: `Turnout by ${value}`,
      requirement: `Those voting hold at least ${describeBp(turnoutValueBp)} of the total ${value}`,
      achieved: `${money(votedValue)} of ${money(tally.eligibleValue)} (${percent(votedValue, tally.eligibleValue)}%)`,
      passed: tally.eligibleValue > 0 && votedValue * BP >= turnoutValueBp * tally.eligibleValue,
    });
  const failed = tests.filter((t) => !t.passed);
  const passed = failed.length === 0;
  const reason = passed
    ? `The proposals are approved: every test is met (${tests.map((t) => t.name.toLowerCase()).join(', ')}).`
    : `The proposals are not approved: ${failed.map((t) => `${t.name.toLowerCase()} — ${t.requirement.charAt(0).toLowerCase()}${t.requirement.slice(1)} (${t.achieved})`).join('; ')}.`;
  return {
    nation: rules.nation,
    passed,
    tests,
    reason,
    turnoutByNumberPercent: percent(votes, tally.eligibleCount),
    turnoutByValuePercent: percent(votedValue, tally.eligibleValue),
    tally,
  };
}

// --- eligibility -----------------------------------------------------------------------------

export interface Hereditament {
  reference: string;
  address: string;
  street: string;
  /** The number on the street, when the address has one. */
  number?: number | null;
  postcode?: string | null;
  ratepayer?: string | null;
  /** Rateable value (net annual value in Northern Ireland), whole pounds. */
  value: number;
  occupied: boolean;
  owner?: string | null;
  /** The rating list's description or class code, e.g. CS (shop) or CO (office). */
  classCode?: string | null;
  /** Occupied by a charity (for relief). */
  charity?: boolean;
  /** Where it is, when the rating list says (WGS 84). */
  location?: { longitude: number; latitude: number } | null;
}

/** One street of the area, whole or a range of numbers (both ends inside). */
export interface AreaStreet {
  street: string;
  from?: number;
  to?: number;
  /** Only odd or only even numbers (one side of the street). */
  side?: 'odd' | 'even';
}

export interface EligibilityRules {
  streets: AreaStreet[];
  /**
   * The area drawn as a polygon, when it was: a hereditament with a location is in or out by
   * it; one without a location is judged by the streets.
   */
  area?: AreaGeometry | null;
  /** Hereditaments named one by one as inside the area, by billing authority reference. */
  references?: string[];
  /** Hereditaments below this value do not vote or pay (whole pounds; 0 for none). */
  threshold: number;
  /** Classes included (all when empty). */
  includedClasses?: string[];
  /** Classes excluded. */
  excludedClasses?: string[];
}

export interface Eligibility {
  eligible: boolean;
  /** Who receives the paper: the ratepayer, or the owner of an empty hereditament. */
  voter: string | null;
  /** Each check, in order, with why it is in or out. */
  reasons: Array<{ check: 'area' | 'threshold' | 'class' | 'voter'; passed: boolean; reason: string }>;
}

const normaliseStreet = (s: string) =>
  s
    .toLowerCase()
    .replace(/[.,']/g, '')
    .replace(/\bst\b/g, 'street')
    .replace(/\brd\b/g, 'road')
    .replace(/\s+/g, ' ')
    .trim();

const normaliseClass = (s: string) => s.trim().toUpperCase();

/** "High Street", "High Street 1-45", "High Street 2-40 even", "Market Place odd". */
export function parseAreaStreet(line: string): AreaStreet | null {
  const text = line.trim().replace(/\s+/g, ' ');
  if (!text) return null;
  const match = /^(.*?)(?:\s+(\d+)\s*[-–]\s*(\d+))?(?:\s+(odd|even))?$/i.exec(text);
  const street = (match?.[1] ?? text).trim();
  const from = match?.[2] ? Number(match[2]) : undefined;
  const to = match?.[3] ? Number(match[3]) : undefined;
  const side = match?.[4]?.toLowerCase() as 'odd' | 'even' | undefined;
  return {
    street,
    ...(from !== undefined && to !== undefined ? { from: Math.min(from, to), to: Math.max(from, to) } : {}),
    ...(side ? { side } : {}),
  };
}

export function describeAreaStreet(s: AreaStreet): string {
  return `${s.street}${s.from !== undefined ? ` ${s.from}–${s.to}` : ''}${s.side ? ` (${s.side} numbers)` : ''}`;
}

/** The first number in an address line ("12a High Street" → 12), if there is one. */
export function houseNumber(address: string): number | null {
  const match = /(?:^|[\s,])(\d+)[a-z]?\b/i.exec(address);
  return match ? Number(match[1]) : null;
}

function inArea(h: Hereditament, rules: EligibilityRules): { passed: boolean; reason: string } {
  if (rules.references?.some((r) => r.trim().toUpperCase() === h.reference.trim().toUpperCase()))
    return { passed: true, reason: 'Inside the area: named in the proposals’ list of hereditaments' };
  if (rules.area && h.location) {
    const { longitude, latitude } = h.location;
    const at = `${latitude.toFixed(5)}, ${longitude.toFixed(5)}`;
    return pointInArea(rules.area, longitude, latitude)
      ? { passed: true, reason: `Inside the area: its location (${at}) is within the area drawn on the map` }
      : { passed: false, reason: `Outside the area: its location (${at}) is outside the area drawn on the map` };
  }
  const byStreet = inAreaByStreet(h, rules);
  if (!rules.area) return byStreet;
  if (!rules.streets.length)
    return {
      passed: false,
      reason: 'Outside the area: the rating list gives no location, and the area lists no streets',
    };
  return { ...byStreet, reason: `${byStreet.reason} (no location on the rating list: judged by the streets)` };
}

function inAreaByStreet(h: Hereditament, rules: EligibilityRules): { passed: boolean; reason: string } {
  const street = normaliseStreet(h.street);
  const entries = rules.streets.filter((s) => normaliseStreet(s.street) === street);
  if (!entries.length)
    return { passed: false, reason: `Outside the area: ${h.street || 'no street'} is not in the area` };
  const number = h.number ?? houseNumber(h.address);
  for (const entry of entries) {
    if (entry.from === undefined && !entry.side)
      return { passed: true, reason: `Inside the area: all of ${entry.street} is in it` };
    if (number === null) continue;
    const inRange = entry.from === undefined || (number >= entry.from && number <= (entry.to ?? entry.from));
    const onSide = !entry.side || (entry.side === 'odd') === (number % 2 === 1);
    if (inRange && onSide)
      return { passed: true, reason: `Inside the area: number ${number} is within ${describeAreaStreet(entry)}` };
  }
  return {
    passed: false,
    reason:
      number === null
        ? `Outside the area: the address has no number and only part of ${h.street} is in the area`
        : `Outside the area: number ${number} is not within ${entries.map(describeAreaStreet).join(' or ')}`,
  };
}

/** Whether a hereditament votes (and pays), and why it is in or out. Every check is reported. */
export function eligibility(h: Hereditament, rules: EligibilityRules, nation = 'England'): Eligibility {
  const value = rulesFor(nation).valueName;
  const reasons: Eligibility['reasons'] = [];
  const area = inArea(h, rules);
  reasons.push({ check: 'area', ...area });
  const overThreshold = h.value >= rules.threshold;
  reasons.push({
    check: 'threshold',
    passed: overThreshold,
    reason:
      rules.threshold <= 0
        ? 'No threshold: every value is included'
        : overThreshold
          ? `${money(h.value)} is at or above the threshold of ${money(rules.threshold)}`
          : `Below the threshold: ${value} ${money(h.value)} is under ${money(rules.threshold)}`,
  });
  const classCode = normaliseClass(h.classCode ?? '');
  const included = (rules.includedClasses ?? []).map(normaliseClass).filter(Boolean);
  const excluded = (rules.excludedClasses ?? []).map(normaliseClass).filter(Boolean);
  let classCheck: { passed: boolean; reason: string };
  if (classCode && excluded.includes(classCode))
    classCheck = { passed: false, reason: `Excluded class: ${classCode} is excluded by the proposals` };
  else if (included.length && !included.includes(classCode))
    classCheck = {
      passed: false,
      reason: classCode
        ? `Class not included: ${classCode} is not one of ${included.join(', ')}`
        : `No class given: the proposals include only ${included.join(', ')}`,
    };
  else classCheck = { passed: true, reason: classCode ? `Class ${classCode} is included` : 'Every class is included' };
  reasons.push({ check: 'class', ...classCheck });
  const ratepayer = h.ratepayer?.trim() || null;
  const owner = h.owner?.trim() || null;
  const voter = h.occupied ? ratepayer : owner;
  reasons.push({
    check: 'voter',
    passed: voter !== null,
    reason: h.occupied
      ? ratepayer
        ? `Occupied: the ratepayer ${ratepayer} votes`
        : 'Occupied, but no ratepayer is named: no one to send the paper to'
      : owner
        ? `Empty: the owner ${owner} votes`
        : 'Empty, and no owner is named: no one to send the paper to',
  });
  return { eligible: reasons.every((r) => r.passed), voter, reasons };
}

/** The first reason a hereditament is out, or the summary of why it is in. */
export function eligibilitySummary(e: Eligibility): string {
  if (e.eligible) return `Eligible: ${e.reasons.find((r) => r.check === 'voter')?.reason ?? ''}`;
  return e.reasons
    .filter((r) => !r.passed)
    .map((r) => r.reason)
    .join('; ');
}

// --- the levy --------------------------------------------------------------------------------

export interface LevyRules {
  /** The levy as a share of value, in basis points (150 = 1.5%). */
  rateBp: number;
  /** Most a hereditament pays a year, pence (none when absent). */
  capPence?: number | null;
  /** Least an eligible hereditament pays a year, pence (none when absent). */
  minimumPence?: number | null;
  /** Relief for hereditaments occupied by charities, basis points of the levy (8,000 = 80% off). */
  charityReliefBp?: number;
  /** Relief for empty hereditaments, basis points of the levy. */
  emptyReliefBp?: number;
  /** Yearly inflation uplift of the rate, basis points, compounded from the second year. */
  upliftBp?: number;
}

export interface LevyLine {
  /** Before cap and relief, pence, rounded. */
  grossPence: number;
  capped: boolean;
  reliefBp: number;
  /** What is billed, pence. */
  levyPence: number;
  explanation: string;
}

function roundHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (numerator * 2n + denominator) / (denominator * 2n);
}

/**
 * The levy on one eligible hereditament for a year of the term (1 = the first), pence-exact:
 * value × rate × (1 + uplift)^(year − 1), then the cap (or the minimum), then relief; each
 * step exact in rationals and the whole rounded once, to the nearest penny, halves up.
 */
export function levyFor(h: Pick<Hereditament, 'value' | 'occupied' | 'charity'>, rules: LevyRules, year = 1): LevyLine {
  const uplift = BigInt(BP + (rules.upliftBp ?? 0));
  const years = BigInt(Math.max(0, year - 1));
  // pence = value(£) × 100 × rateBp / 10,000 × (uplift / 10,000)^(year−1)
  let numerator = BigInt(h.value) * BigInt(rules.rateBp) * uplift ** years;
  let denominator = 100n * BigInt(BP) ** years;
  const grossPence = Number(roundHalfUp(numerator, denominator));
  let capped = false;
  const notes: string[] = [];
  if (rules.capPence != null && numerator > BigInt(rules.capPence) * denominator) {
    numerator = BigInt(rules.capPence);
    denominator = 1n;
    capped = true;
    notes.push(`capped at ${formatPence(rules.capPence)}`);
  } else if (rules.minimumPence != null && numerator < BigInt(rules.minimumPence) * denominator) {
    numerator = BigInt(rules.minimumPence);
    denominator = 1n;
    notes.push(`raised to the minimum of ${formatPence(rules.minimumPence)}`);
  }
  const reliefBp = Math.max(h.charity ? (rules.charityReliefBp ?? 0) : 0, !h.occupied ? (rules.emptyReliefBp ?? 0) : 0);
  if (reliefBp > 0) {
    numerator *= BigInt(BP - reliefBp);
    denominator *= BigInt(BP);
    notes.push(`${describeBp(reliefBp)} ${h.charity ? 'charity' : 'empty property'} relief`);
  }
  const levyPence = Number(roundHalfUp(numerator, denominator));
  const upliftNote =
    year > 1 && rules.upliftBp
      ? ` with ${year - 1} year${year === 2 ? '' : 's'} of ${describeBp(rules.upliftBp)} uplift`
      : '';
  return {
    grossPence,
    capped,
    reliefBp,
    levyPence,
    explanation: `${describeBp(rules.rateBp)} of ${money(h.value)}${upliftNote}${notes.length ? `, ${notes.join(', ')}` : ''}`,
  };
}

export function formatPence(pence: number): string {
  const sign = pence < 0 ? '-' : '';
  const abs = Math.abs(pence);
  return `${sign}£${Math.floor(abs / 100).toLocaleString('en-GB')}.${String(abs % 100).padStart(2, '0')}`;
}

// --- ballot paper codes ----------------------------------------------------------------------

/** Crockford's base 32 without I, L, O, U: no letter to mistake for a digit. */
export const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 16 characters of 32: 80 bits. */
export const CODE_LENGTH = 16;

/** A ballot paper code from random bytes (at least 10): XXXX-XXXX-XXXX-XXXX. */
export function paperCode(random: Uint8Array): string {
  if (random.length < 10) throw new Error('A paper code needs 80 random bits');
  let bits = 0n;
  for (const byte of random.subarray(0, 10)) bits = (bits << 8n) | BigInt(byte);
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) {
    code = (CODE_ALPHABET[Number(bits & 31n)] ?? '0') + code;
    bits >>= 5n;
  }
  return code.match(/.{4}/g)?.join('-') ?? code;
}

/** A code as typed: spaces and dashes dropped, capitals, O read as 0 and I or L as 1. */
export function normaliseCode(typed: string): string {
  const clean = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return clean.length === CODE_LENGTH ? (clean.match(/.{4}/g)?.join('-') ?? clean) : clean;
}

// --- veto and challenge ----------------------------------------------------------------------

/** The only grounds on which the council may veto approved proposals. */
export const VETO_GROUNDS = ['policy-conflict', 'disproportionate-burden'] as const;
export type VetoGround = (typeof VETO_GROUNDS)[number];
export const VETO_GROUND_LABELS: Record<VetoGround, string> = {
  'policy-conflict': 'The proposals conflict with a policy the council has formally adopted',
  'disproportionate-burden':
    'The proposals impose a significantly disproportionate and inequitable burden on some ratepayers, through the shape of the area or the structure of the levy',
};

export interface VetoProblem {
  field: 'decidedOn' | 'grounds';
  message: string;
}

/**
 * Whether the council may veto now: only approved proposals, only on the permitted grounds,
 * no earlier than ballot day and within 14 working days after it (the nation's bank holidays
 * skipped).
 */
export function checkVeto(input: {
  decidedOn: string;
  ballotOn: string;
  postponedTo?: string | null;
  nation: string;
  approved: boolean;
  grounds: string;
}): VetoProblem[] {
  const problems: VetoProblem[] = [];
  if (!input.approved)
    problems.push({ field: 'decidedOn', message: 'Only proposals approved by the ballot can be vetoed' });
  const day = effectiveBallotDay(input);
  const deadline = vetoDeadline(input, input.nation);
  if (daysBetween(day, input.decidedOn) < 0)
    problems.push({ field: 'decidedOn', message: 'A veto cannot be made before ballot day' });
  else if (daysBetween(deadline, input.decidedOn) > 0)
    problems.push({
      field: 'decidedOn',
      message: `The council may veto only within ${rulesFor(input.nation).vetoWorkingDays} working days of ballot day: the last day was ${deadline}`,
    });
  if (!(VETO_GROUNDS as readonly string[]).includes(input.grounds))
    problems.push({
      field: 'grounds',
      message:
        'A veto is allowed only where the proposals conflict with a formally adopted policy or impose a significantly disproportionate, inequitable burden',
    });
  return problems;
}

export const CHALLENGE_PARTIES = ['proposer', 'bid-body', 'voters'] as const;
export type ChallengeParty = (typeof CHALLENGE_PARTIES)[number];

/**
 * Whether a complaint of material irregularity may be recorded: made within 28 days of the
 * declaration, by the proposer, the BID body, or by at least 5% of those who voted (counted
 * papers), rounded up: 5% of 41 voters is 3 people.
 */
export function checkComplaint(input: {
  madeOn: string;
  declaredOn: string;
  by: string;
  supporters?: number;
  voted: number;
  nation: string;
}): Array<{ field: 'madeOn' | 'by' | 'supporters'; message: string }> {
  const problems: Array<{ field: 'madeOn' | 'by' | 'supporters'; message: string }> = [];
  const days = rulesFor(input.nation).challengeDays;
  const last = addDays(input.declaredOn, days);
  if (daysBetween(input.declaredOn, input.madeOn) < 0)
    problems.push({ field: 'madeOn', message: 'A complaint cannot be made before the result is declared' });
  else if (daysBetween(last, input.madeOn) > 0)
    problems.push({
      field: 'madeOn',
      message: `A complaint of material irregularity must be made within ${days} days of the declaration: the last day was ${last}`,
    });
  if (!(CHALLENGE_PARTIES as readonly string[]).includes(input.by))
    problems.push({ field: 'by', message: 'Say who makes the complaint: the proposer, the BID body, or voters' });
  if (input.by === 'voters') {
    const needed = Math.max(1, Math.ceil(input.voted / 20));
    if ((input.supporters ?? 0) < needed)
      problems.push({
        field: 'supporters',
        message: `A complaint by voters needs at least 5% of those who voted: ${needed} of ${input.voted}`,
      });
  }
  return problems;
}

/** The last day of a term of whole years: 1 April 2027 for 5 years ends on 31 March 2032. */
export function termEnd(start: string, years: number): string {
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  // 29 February rolls on to 1 March in a year without one, as Date does.
  const end = new Date(Date.UTC(y + years, m - 1, d));
  return addDays(end.toISOString().slice(0, 10), -1);
}
