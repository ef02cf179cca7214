import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_COST_RATES, type CostRates } from '../overlap/costs.js';
import type { Sector } from '../overlap/types.js';
import {
  type BenefitValueInput,
  type CostBenefitInput,
  WHOLE_BP,
  addMonths,
  applyShares,
  checkOutcomeShares,
  checkPooledShares,
  cliffWindow,
  costBenefit,
  costOf,
  financialYearBounds,
  financialYearLabel,
  monthsSpanned,
  spanTotalPence,
  financialYearOf,
  leagueOrder,
  moneyByOutcome,
  moneyByTheme,
  monthsUntil,
  parsePercent,
  parsePounds,
  remindersDue,
  splitPence,
} from './rules.js';

const SECTORS: Sector[] = ['public', 'private', 'voluntary', 'community'];
const isoDate = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2060-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('financial years', () => {
  it('run April to March by default, and from another month when a locality sets it', () => {
    expect(financialYearOf('2025-03-31')).toBe(2024);
    expect(financialYearOf('2025-04-01')).toBe(2025);
    expect(financialYearBounds(2025)).toEqual({ start: '2025-04-01', end: '2026-03-31' });
    expect(financialYearOf('2025-08-31', 9)).toBe(2024);
    expect(financialYearBounds(2024, 1)).toEqual({ start: '2024-01-01', end: '2024-12-31' });
  });

  it('puts every date inside the bounds of its own financial year', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 1, max: 12 }), (date, startMonth) => {
        const { start, end } = financialYearBounds(financialYearOf(date, startMonth), startMonth);
        return start <= date && date <= end;
      }),
    );
  });
  it('counts an amount a year over a span of dates, a part month by its days', () => {
    expect(monthsSpanned('2025-04-01', '2028-03-31')).toBe(36);
    expect(monthsSpanned('2024-01-15', '2024-02-14')).toBe(1);
    expect(monthsSpanned('2025-02-01', '2025-02-14')).toBe(0.5);
    expect(spanTotalPence(1_200_000, '2025-04-01', '2026-09-30')).toBe(1_800_000);
    expect(spanTotalPence(1_200_000, '2025-04-01', '2025-03-31')).toBe(0);
  });
  it('names a year by the calendar years it spans: one starting in January is that calendar year', () => {
    expect(financialYearLabel(2025)).toBe('2025/26');
    expect(financialYearLabel(2025, 7)).toBe('2025/26');
    expect(financialYearLabel(2099, 4)).toBe('2099/00');
    expect(financialYearLabel(2026, 1)).toBe('2026');
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2090 }), fc.integer({ min: 1, max: 12 }), (year, startMonth) => {
        const { start, end } = financialYearBounds(year, startMonth);
        const spanned = [...new Set([start.slice(0, 4), end.slice(0, 4)])];
        const label = financialYearLabel(year, startMonth);
        expect(label.startsWith(spanned[0] as string)).toBe(true);
        expect(label.includes('/')).toBe(spanned.length === 2);
      }),
    );
  });
});

describe('splitting pence', () => {
  it('never loses or makes a penny, whatever the weights', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.array(fc.integer({ min: 0, max: WHOLE_BP }), { minLength: 1, maxLength: 12 }),
        (total, weights) => {
          const parts = splitPence(total, weights);
          const sum = parts.reduce((a, b) => a + b, 0);
          if (weights.every((w) => w === 0)) return parts.every((p) => p === 0);
          return sum === total && parts.every((p) => Number.isInteger(p));
        },
      ),
    );
  });

  it('gives each part its share to within a penny', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e10 }),
        fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 8 }),
        (total, weights) => {
          const sum = weights.reduce((a, b) => a + b, 0);
          return splitPence(total, weights).every((p, i) => Math.abs(p - (total * (weights[i] ?? 0)) / sum) < 1);
        },
      ),
    );
  });

  it('splits £100 three ways as £33.34, £33.33 and £33.33', () => {
    expect(splitPence(10_000, [1, 1, 1])).toEqual([3334, 3333, 3333]);
  });

  it('keeps every penny of a line between its outcome shares and what is left unshared', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.array(fc.integer({ min: 1, max: 2500 }), { maxLength: 4 }),
        (total, shares) => {
          const { parts, unshared } = applyShares(total, shares);
          return parts.reduce((a, b) => a + b, 0) + unshared === total;
        },
      ),
    );
    expect(applyShares(100_00, [2500, 5000])).toEqual({ parts: [25_00, 50_00], unshared: 25_00 });
  });
});

describe('shares', () => {
  const contributors = (shares: number[]) => shares.map((shareBp, i) => ({ organisationId: `org-${i}`, shareBp }));

  it('accepts pooled shares only when they add up to exactly 100%', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: WHOLE_BP }), { minLength: 1, maxLength: 6 }), (shares) => {
        const problems = checkPooledShares(contributors(shares));
        const total = shares.reduce((a, b) => a + b, 0);
        return (problems.length === 0) === (total === WHOLE_BP);
      }),
    );
    expect(checkPooledShares(contributors([6000, 4000]))).toEqual([]);
    expect(checkPooledShares(contributors([6000, 3500]))).toEqual([
      { index: null, message: 'The shares add up to 95%: they must add up to 100%' },
    ]);
  });

  it('refuses a pooled budget with no contributor, a zero share or a contributor twice', () => {
    expect(checkPooledShares([])[0]?.message).toBe('Add at least one contributor and their share');
    expect(checkPooledShares(contributors([0, 10_000]))[0]).toMatchObject({ index: 0 });
    expect(
      checkPooledShares([
        { organisationId: 'a', shareBp: 5000 },
        { organisationId: 'a', shareBp: 5000 },
      ]),
    ).toEqual([{ index: 1, message: 'Each contributor may appear only once' }]);
  });

  it('accepts a line’s outcome shares up to 100% and no further', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: WHOLE_BP }), { maxLength: 6 }), (shares) => {
        const problems = checkOutcomeShares(shares.map((shareBp, i) => ({ outcomeId: `o-${i}`, shareBp })));
        return (problems.length === 0) === shares.reduce((a, b) => a + b, 0) <= WHOLE_BP;
      }),
    );
    expect(
      checkOutcomeShares([
        { outcomeId: 'a', shareBp: 7000 },
        { outcomeId: 'b', shareBp: 4000 },
      ])[0]?.message,
    ).toBe('The shares add up to 110%: a line cannot put more than 100% toward outcomes');
  });

  it('reads percentages and pounds as people type them, exactly', () => {
    expect(parsePercent('33.33')).toBe(3333);
    expect(parsePercent('60%')).toBe(6000);
    expect(parsePercent('12.345')).toBeUndefined();
    expect(parsePounds('£12,000')).toBe(1_200_000);
    expect(parsePounds('0.1')).toBe(10);
    expect(parsePounds('1234.56')).toBe(123_456);
    expect(parsePounds('12,00')).toBeUndefined();
    expect(parsePounds('-5')).toBeUndefined();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e13 }), (pence) => {
        const text = `${Math.floor(pence / 100)}.${String(pence % 100).padStart(2, '0')}`;
        return parsePounds(text) === pence;
      }),
    );
  });
});

// --- cost-benefit --------------------------------------------------------------------------------

const benefitArb: fc.Arbitrary<BenefitValueInput> = fc.oneof(
  fc.record({
    kind: fc.constant('indicator' as const),
    valuePence: fc.integer({ min: 0, max: 1e9 }),
    attributionBp: fc.integer({ min: 0, max: WHOLE_BP }),
  }),
  fc.record({
    kind: fc.constantFrom('costs-avoided' as const, 'external-funding' as const),
    valuePence: fc.integer({ min: 0, max: 1e9 }),
    attributionBp: fc.constant(null),
  }),
  fc.record({
    kind: fc.constant('qualitative' as const),
    valuePence: fc.constant(null),
    attributionBp: fc.constant(null),
  }),
);

const partnershipArb: fc.Arbitrary<CostBenefitInput & { sectors: Sector[] }> = fc
  .record({
    meetingsPerYear: fc.option(fc.integer({ min: 0, max: 24 }), { nil: null }),
    meetingMinutes: fc.option(fc.integer({ min: 0, max: 300 }), { nil: null }),
    typicalAttendance: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }),
    sectors: fc.array(fc.constantFrom(...SECTORS), { maxLength: 12 }),
    // Meetings recorded as held: none (the pattern is costed), or some, each with the members present.
    held: fc.array(fc.array(fc.integer({ min: 0, max: 11 }), { maxLength: 12 }), { maxLength: 8 }),
    contributions: fc.array(
      fc.oneof(
        fc.record({
          kind: fc.constantFrom('cash' as const, 'in-kind' as const),
          amountPence: fc.integer({ min: 0, max: 1e8 }),
          hours: fc.constant(null),
          ratePence: fc.constant(null),
          sector: fc.constantFrom(...SECTORS),
        }),
        fc.record({
          kind: fc.constant('staff-time' as const),
          amountPence: fc.constant(null),
          hours: fc.integer({ min: 0, max: 2000 }),
          ratePence: fc.option(fc.integer({ min: 0, max: 20_000 }), { nil: null }),
          sector: fc.constantFrom(...SECTORS),
        }),
      ),
      { maxLength: 6 },
    ),
    benefits: fc.array(benefitArb, { maxLength: 6 }),
  })
  .map((r) => {
    const ids = r.sectors.map((_, i) => `org-${i}`);
    return {
      sectors: r.sectors,
      meetings: {
        meetingsPerYear: r.meetingsPerYear,
        meetingMinutes: r.meetingMinutes,
        typicalAttendance: r.typicalAttendance,
        memberOrganisationIds: ids,
      },
      sectorOf: (id: string) => r.sectors[Number(id.slice(4))],
      held: r.held.map((present) => ({
        attendingOrganisationIds: [...new Set(present.filter((i) => i < ids.length))].map((i) => `org-${i}`),
      })),
      contributions: r.contributions,
      benefits: r.benefits,
    };
  });

const ratesArb: fc.Arbitrary<CostRates> = fc
  .record({
    public: fc.integer({ min: 0, max: 20_000 }),
    private: fc.integer({ min: 0, max: 20_000 }),
    voluntary: fc.integer({ min: 0, max: 20_000 }),
    community: fc.integer({ min: 0, max: 20_000 }),
  })
  .map((hourly) => ({ ...DEFAULT_COST_RATES, hourlyPenceBySector: hourly }));

describe('cost-benefit', () => {
  it('gives a ratio range that always contains its central figure', () => {
    fc.assert(
      fc.property(partnershipArb, ratesArb, (p, rates) => {
        const result = costBenefit(p, rates);
        if (result.ratio === null) return result.ratioLow === null && result.ratioHigh === null;
        return (
          (result.ratioLow as number) <= result.ratio + 1e-12 && result.ratio <= (result.ratioHigh as number) + 1e-12
        );
      }),
    );
  });

  it('moves the cost up, never down, when any hourly rate goes up', () => {
    fc.assert(
      fc.property(
        partnershipArb,
        ratesArb,
        fc.constantFrom(...SECTORS),
        fc.integer({ min: 1, max: 10_000 }),
        (p, rates, sector, raise) => {
          const higher: CostRates = {
            ...rates,
            hourlyPenceBySector: { ...rates.hourlyPenceBySector, [sector]: rates.hourlyPenceBySector[sector] + raise },
          };
          return costOf(p, higher).totalPence >= costOf(p, rates).totalPence;
        },
      ),
    );
  });

  it('costs the meetings held where any are recorded, else the pattern, and says which', () => {
    const meetings = {
      meetingsPerYear: 10,
      meetingMinutes: 120,
      typicalAttendance: 8,
      memberOrganisationIds: ['a', 'b', 'c'],
    };
    const sectorOf = (id: string): Sector => (id === 'c' ? 'voluntary' : 'public');
    const base = { meetings, sectorOf, contributions: [], benefits: [] };
    const pattern = costOf(base, DEFAULT_COST_RATES);
    expect(pattern).toMatchObject({ transactionBasis: 'pattern', meetingsCosted: 10, attendancesCosted: 80 });
    // Two meetings held: two public bodies at the first; at the second no attendance recorded, so
    // the usual 8 attendees at the members' mean rate. Each hour of a meeting is 2 + 2 hours.
    const held = costOf(
      { ...base, held: [{ attendingOrganisationIds: ['a', 'b'] }, { attendingOrganisationIds: [] }] },
      DEFAULT_COST_RATES,
    );
    expect(held).toMatchObject({ transactionBasis: 'meetings-held', meetingsCosted: 2, attendancesCosted: 10 });
    const mean = (4500 + 4500 + 3000) / 3;
    expect(held.transactionPence).toBe(Math.round(2 * 4 * 4500 + 8 * 4 * mean));
    expect(costOf({ ...base, held: [] }, DEFAULT_COST_RATES).transactionBasis).toBe('pattern');
  });

  it('costs a board of six public officers meeting six times a year for two hours, with preparation, at £45 an hour', () => {
    const result = costBenefit(
      {
        meetings: { meetingsPerYear: 6, meetingMinutes: 120, typicalAttendance: 6, memberOrganisationIds: ['a', 'b'] },
        sectorOf: () => 'public',
        contributions: [
          { kind: 'cash', amountPence: 500_000, hours: null, ratePence: null, sector: 'public' },
          { kind: 'staff-time', amountPence: null, hours: 100, ratePence: null, sector: 'voluntary' },
          { kind: 'staff-time', amountPence: null, hours: 10, ratePence: 8000, sector: 'public' },
        ],
        benefits: [],
      },
      DEFAULT_COST_RATES,
    );
    // 6 meetings × 6 people × (2 + 2 hours) × £45 = £6,480.
    expect(result.cost.transactionPence).toBe(648_000);
    expect(result.cost.cashPence).toBe(500_000);
    // 100 voluntary-sector hours at £30, and 10 hours of a grade costed at £80.
    expect(result.cost.staffTimePence).toBe(300_000 + 80_000);
    expect(result.cost.totalPence).toBe(648_000 + 500_000 + 380_000);
    expect(result.verdict).toBe('not-assessed');
    expect(result.ratio).toBeNull();
  });

  it('gives a plain verdict at each end', () => {
    const base = {
      meetings: { meetingsPerYear: 4, meetingMinutes: 120, typicalAttendance: 10, memberOrganisationIds: ['a'] },
      sectorOf: () => 'public' as const,
      contributions: [],
    };
    // Cost: 4 × 10 × 4 h × £45 = £7,200 (£5,400 to £9,000 with rates ±25%).
    const review = costBenefit(
      { ...base, benefits: [{ kind: 'costs-avoided', valuePence: 300_000, attributionBp: null }] },
      DEFAULT_COST_RATES,
    );
    expect(review.verdict).toBe('review');
    const advantage = costBenefit(
      { ...base, benefits: [{ kind: 'external-funding', valuePence: 5_000_000, attributionBp: null }] },
      DEFAULT_COST_RATES,
    );
    expect(advantage.verdict).toBe('advantage');
    // An indicator's £10,000 at 70% attribution: £7,000 (£3,500 to £10,000): either way.
    const close = costBenefit(
      { ...base, benefits: [{ kind: 'indicator', valuePence: 1_000_000, attributionBp: 7000 }] },
      DEFAULT_COST_RATES,
    );
    expect(close.verdict).toBe('uncertain');
    expect(close.benefitPence).toBe(700_000);
    expect(close.benefitLowPence).toBe(350_000);
    expect(close.benefitHighPence).toBe(1_000_000);
    expect(close.ratioLow).toBeCloseTo(350_000 / 900_000);
    expect(close.ratioHigh).toBeCloseTo(1_000_000 / 540_000);
    const words = costBenefit(
      { ...base, benefits: [{ kind: 'qualitative', valuePence: null, attributionBp: null }] },
      DEFAULT_COST_RATES,
    );
    expect(words.verdict).toBe('not-valued');
  });

  it('lists partnerships with no recorded benefit last, as not yet assessed, never as zero', () => {
    const rows = [
      { name: 'A', result: { ratio: null, verdict: 'not-assessed' } },
      { name: 'B', result: { ratio: 0.5, verdict: 'review' } },
      { name: 'C', result: { ratio: 2, verdict: 'advantage' } },
      { name: 'D', result: { ratio: 0, verdict: 'review' } },
      { name: 'E', result: { ratio: null, verdict: 'not-valued' } },
    ] as unknown as Array<{ name: string; result: ReturnType<typeof costBenefit> }>;
    expect(leagueOrder(rows).map((r) => r.name)).toEqual(['C', 'B', 'D', 'E', 'A']);
  });
});

describe('the funding cliff edge', () => {
  it('puts a fund in the 6, 12 or 24 month window by its end date', () => {
    const today = '2026-06-15';
    expect(cliffWindow(today, '2026-06-14')).toBeNull();
    expect(cliffWindow(today, '2026-06-15')).toBe(6);
    expect(cliffWindow(today, '2026-12-15')).toBe(6);
    expect(cliffWindow(today, '2026-12-16')).toBe(12);
    expect(cliffWindow(today, '2027-06-15')).toBe(12);
    expect(cliffWindow(today, '2028-06-15')).toBe(24);
    expect(cliffWindow(today, '2028-06-16')).toBeNull();
  });

  it('keeps a month’s end when adding months, and the windows in order', () => {
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-01-31', -2)).toBe('2025-11-30');
    fc.assert(
      fc.property(isoDate, isoDate, (today, endsOn) => {
        const window = cliffWindow(today, endsOn);
        if (window === null) return endsOn < today || endsOn > addMonths(today, 24);
        return endsOn >= today && endsOn <= addMonths(today, window) && monthsUntil(today, endsOn) <= window;
      }),
    );
  });

  it('sends the 12-month reminder, then the 6-month one, each once', () => {
    const ends = '2027-06-30';
    expect(remindersDue('2026-06-29', ends, [])).toEqual({ send: null, mark: [] });
    expect(remindersDue('2026-06-30', ends, [])).toEqual({ send: 12, mark: [12] });
    expect(remindersDue('2026-09-01', ends, [12])).toEqual({ send: null, mark: [] });
    expect(remindersDue('2026-12-30', ends, [12])).toEqual({ send: 6, mark: [6] });
    expect(remindersDue('2027-01-30', ends, [12, 6])).toEqual({ send: null, mark: [] });
    expect(remindersDue('2027-07-01', ends, [])).toEqual({ send: null, mark: [] });
  });

  it('sends only the 6-month reminder for a fund first seen inside six months', () => {
    expect(remindersDue('2026-06-01', '2026-11-01', [])).toEqual({ send: 6, mark: [12, 6] });
  });
});

describe('money by outcome', () => {
  const outcomes = [
    { id: 'health', offTrack: true },
    { id: 'safety', offTrack: false },
    { id: 'jobs', offTrack: false },
  ];

  it('adds mainstream, pooled and fund money to each outcome by partner, and flags the gaps', () => {
    const result = moneyByOutcome({
      year: 2025,
      outcomes,
      lines: [
        {
          organisationId: 'council',
          amountPence: 100_000_00,
          year: 2025,
          shares: [{ outcomeId: 'health', shareBp: 6000 }],
        },
        {
          organisationId: 'council',
          amountPence: 50_000_00,
          year: 2024,
          shares: [{ outcomeId: 'health', shareBp: 6000 }],
        },
        {
          organisationId: 'police',
          amountPence: 30_000_00,
          year: 2025,
          shares: [{ outcomeId: 'safety', shareBp: 10_000 }],
        },
      ],
      pooled: [
        {
          amountPence: 1_000_000_00,
          contributors: [
            { organisationId: 'county', shareBp: 6000 },
            { organisationId: 'nhs', shareBp: 4000 },
          ],
          outcomes: [{ outcomeId: 'health', shareBp: 10_000 }],
        },
      ],
      funds: [
        { funderKey: 'fund:esf', amountPence: 20_000_00, outcomeIds: ['safety', 'health'] },
        { funderKey: 'fund:lottery', amountPence: 7_00, outcomeIds: [] },
      ],
    });
    const health = result.outcomes.find((o) => o.outcomeId === 'health');
    expect(health).toMatchObject({ mainstreamPence: 60_000_00, pooledPence: 1_000_000_00, fundPence: 10_000_00 });
    expect(health?.byPartner.get('county')).toBe(600_000_00);
    expect(health?.byPartner.get('nhs')).toBe(400_000_00);
    expect(health?.flags).toEqual(['off-track-money-grew']);
    expect(result.outcomes.find((o) => o.outcomeId === 'jobs')?.flags).toEqual(['no-money']);
    expect(result.unmapped).toEqual({ mainstreamPence: 40_000_00, pooledPence: 0, fundPence: 7_00 });
  });

  it('accounts for every penny of the year: mapped to outcomes plus unmapped is all the money', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            amountPence: fc.integer({ min: 0, max: 1e9 }),
            shares: fc
              .subarray(['health', 'safety', 'jobs', 'gone'])
              .chain((ids) =>
                fc
                  .tuple(...ids.map(() => fc.integer({ min: 1, max: 2500 })))
                  .map((bp) => ids.map((outcomeId, i) => ({ outcomeId, shareBp: bp[i] as number }))),
              ),
          }),
          { maxLength: 8 },
        ),
        fc.array(
          fc.record({
            amountPence: fc.integer({ min: 0, max: 1e9 }),
            outcomeIds: fc.subarray(['health', 'jobs', 'gone']),
          }),
          {
            maxLength: 4,
          },
        ),
        (lines, funds) => {
          const result = moneyByOutcome({
            year: 2025,
            outcomes,
            lines: lines.map((l) => ({ ...l, organisationId: 'x', year: 2025 })),
            pooled: [],
            funds: funds.map((f) => ({ ...f, funderKey: 'f' })),
          });
          const mapped = result.outcomes.reduce((a, o) => a + o.totalPence, 0);
          const all = lines.reduce((a, l) => a + l.amountPence, 0) + funds.reduce((a, f) => a + f.amountPence, 0);
          return mapped + result.unmapped.mainstreamPence + result.unmapped.fundPence === all;
        },
      ),
    );
  });
});

describe('money by theme', () => {
  it('counts an outcome under each of its themes, and its unfunded outcomes', () => {
    expect(
      moneyByTheme([
        { themes: ['health', 'children'], mainstreamPence: 100, pooledPence: 50, fundPence: 0 },
        { themes: ['health'], mainstreamPence: 0, pooledPence: 0, fundPence: 0 },
        { themes: ['safety'], mainstreamPence: 10, pooledPence: 0, fundPence: 5 },
      ]),
    ).toEqual([
      {
        theme: 'children',
        outcomes: 1,
        unfunded: 0,
        mainstreamPence: 100,
        pooledPence: 50,
        fundPence: 0,
        totalPence: 150,
      },
      {
        theme: 'health',
        outcomes: 2,
        unfunded: 1,
        mainstreamPence: 100,
        pooledPence: 50,
        fundPence: 0,
        totalPence: 150,
      },
      { theme: 'safety', outcomes: 1, unfunded: 0, mainstreamPence: 10, pooledPence: 0, fundPence: 5, totalPence: 15 },
    ]);
  });
});
