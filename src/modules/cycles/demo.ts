/**
 * The demo locality's calendars: its main partners' budget, plan, review, report and meeting
 * cycles, with five kinds of misalignment planted in them:
 *   1. the community safety partnership's quarterly report lands the day after the LSP board
 *      meets (a working-day offset of one on the board's own rule);
 *   2. the Executive's quarterly performance report is due five working days before the police
 *      release the recorded crime data it needs;
 *   3. the district council sets its budget a fortnight before the performance review that
 *      should inform it;
 *   4. the LSP refreshes its delivery plan after the district and county councils have set the
 *      budgets it should steer;
 *   5. the Executive and the community safety partnership, with mostly the same members, both
 *      meet on the first Thursday of January, April, July and October.
 *   6. from the outcome framework: the LSP's annual performance report is due a week before the
 *      county council publishes the NEET figures (NI 117) that its Sustainable Community
 *      Strategy measures young people's outcome by; no one entered that dependency.
 * Every planted flag can be removed inside the events' windows, and the aligner does so.
 */
import { SYSTEM } from '../../core/actor.js';
import type { Locality } from '../../db/tables.js';
import type { Services } from '../../services.js';

type Trx = Services['exchange']['db'];

export const DEMO_CALENDAR_START = '2025-04-01';

interface DemoEvent {
  owner: string;
  kind: string;
  title: string;
  recurrence: string | null;
  startsOn?: string;
  workingDayOffset?: number;
  startTime?: string;
  movability: 'fixed' | 'within-month' | 'within-days';
  windowDays?: number;
  restricted?: boolean;
  agendaUrl?: string;
  indicatorCodes?: string[];
  key?: string;
}

const QUARTER_ENDS = 'FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1';
const LSP_BOARD = 'FREQ=MONTHLY;BYMONTH=3,6,9,12;BYDAY=2TU';

const EVENTS: DemoEvent[] = [
  // The district council.
  {
    owner: 'Brackenfield District Council',
    kind: 'budget-setting',
    title: 'Budget and council tax set by full council',
    recurrence: 'FREQ=YEARLY;BYMONTH=2;BYDAY=4WE',
    startTime: '19:00',
    movability: 'fixed',
    key: 'council-budget',
  },
  {
    owner: 'Brackenfield District Council',
    kind: 'performance-review',
    title: 'Quarter 3 performance review at cabinet',
    recurrence: 'FREQ=YEARLY;BYMONTH=3;BYDAY=2TH',
    movability: 'within-days',
    windowDays: 30,
    key: 'council-review',
  },
  // The county council.
  {
    owner: 'Nethershire County Council',
    kind: 'budget-setting',
    title: 'County budget and precept set',
    recurrence: 'FREQ=YEARLY;BYMONTH=2;BYDAY=2TH',
    movability: 'fixed',
  },
  {
    owner: 'Nethershire County Council',
    kind: 'data-release',
    title: 'Young people not in education, employment or training (NEET) figures',
    recurrence: 'FREQ=YEARLY;BYMONTH=6;BYDAY=2TH',
    movability: 'fixed',
    indicatorCodes: ['NI 117'],
  },
  // The NHS.
  {
    owner: 'NHS Nethershire Integrated Care Board',
    kind: 'budget-setting',
    title: 'Financial plan approved by the ICB board',
    recurrence: 'FREQ=YEARLY;BYMONTH=3;BYDAY=-1TH',
    movability: 'within-month',
  },
  {
    owner: 'NHS Nethershire Integrated Care Board',
    kind: 'statutory-deadline',
    title: 'Operational plan submitted to NHS England',
    recurrence: 'FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=30',
    movability: 'fixed',
  },
  // The police.
  {
    owner: 'Nethershire Police',
    kind: 'data-release',
    title: 'Recorded crime data for the quarter',
    recurrence: QUARTER_ENDS,
    startsOn: '2025-06-30',
    workingDayOffset: 15,
    movability: 'fixed',
    key: 'police-data',
  },
  {
    owner: 'Office of the Nethershire Police and Crime Commissioner',
    kind: 'plan-refresh',
    title: 'Police and crime plan refreshed',
    recurrence: 'FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=15',
    movability: 'within-month',
  },
  // The college, whose financial year runs August to July.
  {
    owner: 'Brackenfield College',
    kind: 'budget-setting',
    title: 'Governors approve the college budget',
    recurrence: 'FREQ=YEARLY;BYMONTH=7;BYDAY=2WE',
    movability: 'within-month',
  },
  // The LSP and its executive.
  {
    owner: 'Brackenfield Partnership',
    kind: 'board-meeting',
    title: 'LSP board',
    recurrence: LSP_BOARD,
    startTime: '18:00',
    movability: 'within-month',
    agendaUrl: 'https://www.brackenfield.example/lsp/meetings',
  },
  {
    owner: 'Brackenfield Partnership',
    kind: 'plan-refresh',
    title: 'Delivery plan refresh',
    recurrence: 'FREQ=YEARLY;BYMONTH=3;BYDAY=1TU',
    movability: 'within-days',
    windowDays: 45,
  },
  {
    owner: 'Brackenfield Partnership',
    kind: 'performance-report',
    title: 'Annual performance report on the Sustainable Community Strategy',
    recurrence: 'FREQ=YEARLY;BYMONTH=6;BYDAY=1TH',
    movability: 'within-days',
    windowDays: 14,
  },
  {
    owner: 'Brackenfield Partnership Executive',
    kind: 'board-meeting',
    title: 'Executive meeting',
    recurrence: 'FREQ=MONTHLY;BYDAY=1TH',
    startTime: '09:30',
    movability: 'within-month',
  },
  {
    owner: 'Brackenfield Partnership Executive',
    kind: 'performance-report',
    title: 'Quarterly performance report',
    recurrence: QUARTER_ENDS,
    startsOn: '2025-06-30',
    workingDayOffset: 10,
    movability: 'within-days',
    windowDays: 10,
    key: 'executive-report',
  },
  // Community safety.
  {
    owner: 'Brackenfield Community Safety Partnership',
    kind: 'board-meeting',
    title: 'Community safety partnership board',
    recurrence: 'FREQ=MONTHLY;BYMONTH=1,4,7,10;BYDAY=1TH',
    startTime: '14:00',
    movability: 'within-month',
  },
  {
    owner: 'Brackenfield Community Safety Partnership',
    kind: 'performance-report',
    title: 'Quarterly report to the LSP',
    recurrence: LSP_BOARD,
    workingDayOffset: 1,
    movability: 'within-days',
    windowDays: 10,
  },
  {
    owner: 'Anti-Social Behaviour Action Group',
    kind: 'board-meeting',
    title: 'Case conference (closed: personal data)',
    recurrence: 'FREQ=MONTHLY;BYDAY=3WE',
    startTime: '10:00',
    movability: 'within-month',
    restricted: true,
  },
  // Health and care.
  {
    owner: 'Nethershire Health and Wellbeing Board',
    kind: 'board-meeting',
    title: 'Health and wellbeing board',
    recurrence: 'FREQ=MONTHLY;INTERVAL=2;BYDAY=3TU',
    startsOn: '2025-05-01',
    startTime: '14:00',
    movability: 'within-month',
  },
];

/** A recorded LSP meeting with its attendance and decisions, from the calendar's September 2025 date. */
const LSP_MEETING_ON = '2025-09-09';

export async function seedDemo(services: Services, locality: Locality, trx: Trx): Promise<void> {
  const { cycles, register } = services;
  const code = locality.gss_code;
  const [partnerships, organisations] = await Promise.all([
    register.partnerships.options(trx, locality.id),
    register.organisations.options(trx, locality.id),
  ]);
  const ownerOf = (name: string) => {
    const p = partnerships.find((x) => x.name === name);
    if (p) return `partnership:${p.id}`;
    const o = organisations.find((x) => x.name === name);
    if (o) return `organisation:${o.id}`;
    throw new Error(`The demo calendars name an unknown partnership or organisation: ${name}`);
  };
  const ids = new Map<string, string>();
  const options = { trx };
  let lspBoard = '';
  for (const e of EVENTS) {
    const row = await cycles.createEvent(
      SYSTEM,
      code,
      {
        owner: ownerOf(e.owner),
        kind: e.kind,
        title: e.title,
        startsOn: e.startsOn ?? DEMO_CALENDAR_START,
        recurrence: e.recurrence ?? undefined,
        workingDayOffset: e.workingDayOffset ?? 0,
        startTime: e.startTime,
        movability: e.movability,
        windowDays: e.windowDays ?? 0,
        restricted: e.restricted ?? false,
        agendaUrl: e.agendaUrl,
        indicatorCodes: e.indicatorCodes,
      },
      options,
    );
    if (e.key) ids.set(e.key, row.id);
    if (e.title === 'LSP board') lspBoard = row.id;
  }
  await cycles.setFinancialYear(SYSTEM, code, { owner: ownerOf('Brackenfield College'), startMonth: 8 }, options);
  await cycles.addDependency(
    SYSTEM,
    code,
    {
      kind: 'needs-data',
      upstreamEventId: ids.get('police-data'),
      downstreamEventId: ids.get('executive-report'),
      minGapWorkingDays: 0,
      note: 'the report’s crime indicators come from the police quarterly release',
    },
    options,
  );
  const lsp = partnerships.find((p) => p.name === 'Brackenfield Partnership');
  const org = (name: string) => organisations.find((o) => o.name === name)?.id as string;
  if (lsp)
    await cycles.recordMeeting(
      SYSTEM,
      code,
      {
        partnershipId: lsp.id,
        heldOn: LSP_MEETING_ON,
        occurrenceKey: `${lspBoard}@${LSP_MEETING_ON}`,
        startTime: '18:00',
        location: 'Council Chamber, Brackenfield Town Hall',
        agendaUrl: 'https://www.brackenfield.example/lsp/meetings/2025-09-09/agenda',
        papersUrl: 'https://www.brackenfield.example/lsp/meetings/2025-09-09/papers',
        status: 'held',
        attendance: [
          {
            organisationId: org('Brackenfield District Council'),
            representative: 'Cllr Jo Hartley',
            attendance: 'present',
          },
          {
            organisationId: org('Nethershire County Council'),
            representative: 'Director of Communities',
            attendance: 'present',
          },
          {
            organisationId: org('Nethershire Police'),
            representative: 'Chief Inspector, Brackenfield',
            attendance: 'substitute',
          },
          {
            organisationId: org('NHS Nethershire Integrated Care Board'),
            representative: 'Place Director',
            attendance: 'apologies',
          },
        ],
        decisions: [
          'Agreed the refreshed priorities of the Sustainable Community Strategy for consultation.',
          'Asked the community safety partnership to bring its quarterly report to the board before the meeting, not after.',
        ],
      },
      options,
    );
}
