import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bankHolidaySet } from '../../core/bank-holidays.js';
import { type CalendarEvent, EVENT_KINDS, MOVABILITY, occurrences } from './calendar.js';
import { type Dependency, align, deriveDependencies, findFlags, inTime, memberOverlap } from './rules.js';

const EW = bankHolidaySet('england-and-wales', 2025, 2028);
const YEAR = { from: '2026-04-01', to: '2027-03-31' };

const event = (id: string, over: Partial<CalendarEvent>): CalendarEvent => ({
  id,
  ownerKind: 'partnership',
  ownerId: `owner-${id}`,
  ownerName: `Owner ${id}`,
  kind: 'board-meeting',
  title: 'Board meeting',
  startsOn: '2026-04-01',
  recurrence: null,
  workingDayOffset: 0,
  startTime: null,
  movability: 'within-month',
  windowDays: 0,
  restricted: false,
  themes: [],
  ...over,
});
const dep = (kind: Dependency['kind'], up: string, down: string, gap = 0): Dependency => ({
  id: 'd',
  kind,
  upstreamEventId: up,
  downstreamEventId: down,
  minGapWorkingDays: gap,
  derived: false,
  reason: '',
});
const NO_BOARDS = { members: new Map<string, Set<string>>() };
const flagsOf = (events: CalendarEvent[], deps: Dependency[], boards = NO_BOARDS) =>
  findFlags(occurrences(events, YEAR.from, YEAR.to, EW), deps, boards, EW);

describe('a sub-partnership’s report and its parent’s meeting', () => {
  const parent = event('lsp', { ownerName: 'Brackenfield Partnership', startsOn: '2026-07-14' });
  const reportOn = (day: string, movability: CalendarEvent['movability'] = 'within-days') =>
    event('csp', {
      ownerName: 'Community Safety Partnership',
      kind: 'performance-report',
      title: 'Quarterly report',
      startsOn: day,
      movability,
      windowDays: 10,
    });

  it('flags a report landing the day after the board meets, with both dates and a move inside the window', () => {
    const [flag, ...rest] = flagsOf([parent, reportOn('2026-07-15')], [dep('reports-to', 'csp', 'lsp')]);
    expect(rest).toEqual([]);
    expect(flag?.kind).toBe('reports-to');
    expect(flag?.explanation).toContain('Community Safety Partnership: Quarterly report on 15 July 2026');
    expect(flag?.explanation).toContain('1 day after Brackenfield Partnership: Board meeting on 14 July 2026');
    // The report can come 2 days earlier (13 July, a Monday); the meeting would move further.
    expect(flag?.suggestion).toEqual({ key: 'csp@2026-07-15', date: '2026-07-13' });
    expect(flag?.fix).toContain('Move Community Safety Partnership’s quarterly report to 13 July 2026');
  });

  it('flags the same day, and a report too close for the papers to go out', () => {
    expect(flagsOf([parent, reportOn('2026-07-14')], [dep('reports-to', 'csp', 'lsp')])).toHaveLength(1);
    const close = flagsOf([parent, reportOn('2026-07-10')], [dep('reports-to', 'csp', 'lsp', 5)]);
    expect(close[0]?.explanation).toContain('only 2 working days before');
    expect(close[0]?.explanation).toContain('at least 5 working days before');
  });

  it('does not flag a report in time, exactly at the gap, or far from any meeting', () => {
    expect(flagsOf([parent, reportOn('2026-07-13')], [dep('reports-to', 'csp', 'lsp')])).toEqual([]);
    // Tuesday 7 July to Tuesday 14 July: 5 working days.
    expect(flagsOf([parent, reportOn('2026-07-07')], [dep('reports-to', 'csp', 'lsp', 5)])).toEqual([]);
    expect(flagsOf([parent, reportOn('2026-09-30')], [dep('reports-to', 'csp', 'lsp')])).toEqual([]);
  });

  it('moves the meeting when the report is fixed, and says so when neither can move', () => {
    const fixed = flagsOf([parent, reportOn('2026-07-15', 'fixed')], [dep('reports-to', 'csp', 'lsp')]);
    expect(fixed[0]?.suggestion).toEqual({ key: 'lsp@2026-07-14', date: '2026-07-16' });
    const stuck = flagsOf(
      [{ ...parent, movability: 'fixed' }, reportOn('2026-07-15', 'fixed')],
      [dep('reports-to', 'csp', 'lsp')],
    );
    expect(stuck[0]?.suggestion).toBeNull();
    expect(stuck[0]?.fix).toContain('Neither date can move');
  });
});

describe('the other precedence rules', () => {
  it('flags a report due before the data it needs is released', () => {
    const release = event('ons', {
      kind: 'data-release',
      title: 'Crime statistics',
      startsOn: '2026-07-23',
      movability: 'fixed',
    });
    const report = event('r', { kind: 'performance-report', title: 'Report', startsOn: '2026-07-20' });
    const [flag] = flagsOf([release, report], [dep('needs-data', 'ons', 'r')]);
    expect(flag?.title).toBe('Report due before the data it needs');
    expect(flag?.suggestion).toEqual({ key: 'r@2026-07-20', date: '2026-07-24' });
  });

  it('flags a budget set before the performance review, and a plan refreshed after the budget', () => {
    const budget = event('b', { kind: 'budget-setting', startsOn: '2027-02-24', movability: 'fixed' });
    const review = event('v', {
      kind: 'performance-review',
      startsOn: '2027-03-10',
      movability: 'within-days',
      windowDays: 30,
    });
    const plan = event('p', { kind: 'plan-refresh', startsOn: '2027-03-25', movability: 'within-month' });
    const flags = flagsOf(
      [budget, review, plan],
      [dep('review-before-budget', 'v', 'b'), dep('plan-before-budget', 'p', 'b')],
    );
    expect(flags.map((f) => f.kind).sort()).toEqual(['plan-before-budget', 'review-before-budget']);
    expect(flags.find((f) => f.kind === 'review-before-budget')?.suggestion).toEqual({
      key: 'v@2027-03-10',
      date: '2027-02-23',
    });
    // A plan refresh may move only within March: it cannot reach before 24 February.
    expect(flags.find((f) => f.kind === 'plan-before-budget')?.suggestion).toBeNull();
  });

  it('says precedence as the calendar does: strictly before, by working days', () => {
    expect(inTime('2026-07-13', '2026-07-14', 0, EW)).toBe(true);
    expect(inTime('2026-07-14', '2026-07-14', 0, EW)).toBe(false);
    expect(inTime('2026-12-24', '2026-12-29', 2, EW)).toBe(false);
    expect(inTime('2026-12-23', '2026-12-29', 2, EW)).toBe(true);
  });
});

describe('boards with mostly the same members on the same day', () => {
  const a = event('a', { ownerId: 'A', ownerName: 'Health and Wellbeing', startsOn: '2026-09-16' });
  const b = event('b', { ownerId: 'B', ownerName: 'Children’s Trust', startsOn: '2026-09-16' });
  const boards = (shared: number) => ({
    members: new Map([
      ['A', new Set(['x', 'y', 'z', 'w'])],
      ['B', new Set([...['x', 'y', 'z', 'w'].slice(0, shared), 'q', 'r', 's', 't'].slice(0, 4))],
    ]),
  });

  it('flags them from half the smaller board’s members, and suggests a free day', () => {
    const [flag] = flagsOf([a, b], [], boards(2));
    expect(flag?.kind).toBe('board-clash');
    expect(flag?.explanation).toContain('50%');
    expect(flag?.suggestion?.date).toBe('2026-09-15');
    expect(flagsOf([a, b], [], boards(1))).toEqual([]);
    expect(flagsOf([a, { ...b, startsOn: '2026-09-17' }], [], boards(4))).toEqual([]);
  });

  it('measures overlap on the smaller board', () => {
    expect(memberOverlap(new Set(['x']), new Set(['x', 'y', 'z']))).toBe(1);
    expect(memberOverlap(new Set(), new Set(['x']))).toBe(0);
  });
});

describe('dependencies from the register', () => {
  it('derives reports to the parent, plans to members’ budgets and reviews to the same owner’s budget', () => {
    const events = [
      event('lsp-board', { ownerId: 'lsp' }),
      event('lsp-plan', { ownerId: 'lsp', kind: 'plan-refresh' }),
      event('csp-report', { ownerId: 'csp', kind: 'performance-report' }),
      event('council-budget', { ownerId: 'council', ownerKind: 'organisation', kind: 'budget-setting' }),
      event('council-review', { ownerId: 'council', ownerKind: 'organisation', kind: 'performance-review' }),
      event('police-budget', { ownerId: 'police', ownerKind: 'organisation', kind: 'budget-setting' }),
    ];
    const derived = deriveDependencies(events, {
      partnerships: [
        { id: 'lsp', name: 'LSP', parentId: null },
        { id: 'csp', name: 'CSP', parentId: 'lsp' },
      ],
      members: new Map([['lsp', new Set(['council'])]]),
    });
    expect(derived.map((d) => [d.kind, d.upstreamEventId, d.downstreamEventId])).toEqual([
      ['plan-before-budget', 'lsp-plan', 'council-budget'],
      ['reports-to', 'csp-report', 'lsp-board'],
      ['review-before-budget', 'council-review', 'council-budget'],
    ]);
    expect(derived.every((d) => d.derived && d.reason)).toBe(true);
  });

  it('derives a report’s need for the data release publishing an indicator its plan measures, and flags it when early', () => {
    const report = event('lsp-report', {
      ownerId: 'lsp',
      ownerName: 'LSP',
      kind: 'performance-report',
      title: 'Annual report',
      startsOn: '2026-06-04',
      movability: 'within-days',
      windowDays: 14,
    });
    const release = (id: string, codes: string[]) =>
      event(id, {
        ownerId: 'county',
        ownerKind: 'organisation',
        ownerName: 'County',
        kind: 'data-release',
        title: 'NEET figures',
        startsOn: '2026-06-11',
        movability: 'fixed',
        indicatorCodes: codes,
      });
    const events = [report, release('neet', ['NI 117']), release('crime', ['NI 16'])];
    const derived = deriveDependencies(events, {
      partnerships: [{ id: 'lsp', name: 'LSP', parentId: null }],
      members: new Map(),
      indicators: new Map([
        ['lsp', [{ code: 'NI 117', title: 'NEET', plan: 'The strategy', outcome: 'More young people in work' }]],
      ]),
    });
    expect(derived.map((d) => [d.kind, d.upstreamEventId, d.downstreamEventId])).toEqual([
      ['needs-data', 'neet', 'lsp-report'],
    ]);
    expect(derived[0]?.reason).toBe(
      'needs NI 117 from the County release “NEET figures”: The strategy measures “More young people in work” by NI 117',
    );
    const [flag] = flagsOf(events, derived);
    expect(flag?.kind).toBe('needs-data');
    expect(flag?.explanation).toContain('(needs NI 117 from the County release');
    // The release is fixed: the report moves to the day after it.
    expect(flag?.suggestion).toEqual({ key: 'lsp-report@2026-06-04', date: '2026-06-12' });
  });
});

describe('the aligner', () => {
  const day = fc
    .integer({ min: 0, max: 364 })
    .map((n) => new Date(Date.UTC(2026, 3, 1 + n)).toISOString().slice(0, 10));
  const arbitraryEvent = (i: number) =>
    fc
      .record({
        kind: fc.constantFrom(...EVENT_KINDS),
        owner: fc.integer({ min: 0, max: 3 }),
        startsOn: day,
        recurrence: fc.constantFrom(null, 'FREQ=MONTHLY;INTERVAL=3', 'FREQ=MONTHLY', 'FREQ=YEARLY'),
        movability: fc.constantFrom(...MOVABILITY),
        windowDays: fc.integer({ min: 0, max: 12 }),
      })
      .map((r) =>
        event(`e${i}`, {
          ...r,
          ownerId: `o${r.owner}`,
          ownerName: `Owner ${r.owner}`,
        }),
      );
  const world = fc.integer({ min: 2, max: 6 }).chain((n) =>
    fc.tuple(
      fc.tuple(...Array.from({ length: n }, (_, i) => arbitraryEvent(i))),
      fc.array(
        fc.record({
          kind: fc.constantFrom('needs-data', 'reports-to', 'review-before-budget', 'plan-before-budget' as const),
          up: fc.integer({ min: 0, max: n - 1 }),
          down: fc.integer({ min: 0, max: n - 1 }),
          gap: fc.integer({ min: 0, max: 5 }),
        }),
        { maxLength: 4 },
      ),
      fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 4 })), { maxLength: 12 }),
    ),
  );

  it('never moves a fixed event, never leaves a window, never adds a flag', () => {
    fc.assert(
      fc.property(world, ([events, links, seats]) => {
        const deps = links.filter((l) => l.up !== l.down).map((l) => dep(l.kind, `e${l.up}`, `e${l.down}`, l.gap));
        const members = new Map<string, Set<string>>();
        for (const [owner, org] of seats)
          members.set(`o${owner}`, new Set([...(members.get(`o${owner}`) ?? []), `g${org}`]));
        const boards = { members };
        const result = align(occurrences(events, YEAR.from, YEAR.to, EW), deps, boards, EW, YEAR);
        const before = new Set(result.before.map((f) => f.key));
        for (const flag of result.after) expect(before.has(flag.key)).toBe(true);
        expect(result.after.length).toBeLessThanOrEqual(result.before.length);
        for (const { occurrence, to } of result.moves) {
          expect(occurrence.event.movability).not.toBe('fixed');
          expect(to >= occurrence.windowFrom && to <= occurrence.windowTo).toBe(true);
        }
        // What the aligner reports is what the calendar then says.
        const recomputed = findFlags(occurrences(events, YEAR.from, YEAR.to, EW, result.changes), deps, boards, EW);
        expect(recomputed.map((f) => f.key)).toEqual(result.after.map((f) => f.key));
      }),
      { numRuns: 100 },
    );
    // About 30 s on an idle machine; over the 60 s default on a busy shared one.
  }, 240_000);

  it('removes a flag that one move inside a window can remove', () => {
    const parent = event('lsp', { startsOn: '2026-07-14', movability: 'fixed' });
    const report = event('csp', {
      kind: 'performance-report',
      startsOn: '2026-07-15',
      movability: 'within-days',
      windowDays: 5,
    });
    const result = align(
      occurrences([parent, report], YEAR.from, YEAR.to, EW),
      [dep('reports-to', 'csp', 'lsp')],
      NO_BOARDS,
      EW,
      YEAR,
    );
    expect(result.before).toHaveLength(1);
    expect(result.after).toEqual([]);
    expect(result.moves.map((m) => [m.occurrence.key, m.to])).toEqual([['csp@2026-07-15', '2026-07-13']]);
  });
});
