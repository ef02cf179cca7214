import type { Services } from '../../services.js';
import { SYSTEM } from '../../core/actor.js';
import type { Locality } from '../../db/tables.js';
import { normaliseCode } from './repository.js';

type Trx = Services['exchange']['db'];

/**
 * Brackenfield's plans and how they are doing: the Sustainable Community Strategy, the health
 * and wellbeing strategy (which shares two indicators and an outcome with it, so the overlap
 * view finds them), the community safety plan, and a draft housing strategy. Five years of
 * approved values (2020/21 to 2024/25) and one value awaiting approval. The numbers are
 * fictional, shaped like the real series. Deterministic, and a few dozen writes.
 */
interface TargetSpec {
  indicator: string;
  baseline: [number, number];
  trajectory: Array<[number, number]>;
  amber: number;
  red: number;
  accountable?: string;
  officer?: string;
}

interface OutcomeSpec {
  title: string;
  description?: string;
  themes: string[];
  partnerships: string[];
  organisations?: string[];
  targets: TargetSpec[];
}

interface PlanSpec {
  title: string;
  type: string;
  owner: string;
  years: [number, number];
  status: 'draft' | 'published';
  summary: string;
  contributors: string[];
  outcomes: OutcomeSpec[];
}

const LSP = 'Brackenfield Partnership';
const HEALTH = 'Brackenfield Health and Wellbeing Partnership';
const CSP = 'Brackenfield Community Safety Partnership';

const PLANS: PlanSpec[] = [
  {
    title: 'Brackenfield Sustainable Community Strategy 2021–2031',
    type: 'sustainable-community-strategy',
    owner: LSP,
    years: [2021, 2030],
    status: 'published',
    summary:
      'The long-term vision for Brackenfield agreed by the Brackenfield Partnership: healthier, safer, greener and more prosperous communities, with the gaps between wards narrowed.',
    contributors: ['Brackenfield Partnership Executive', HEALTH, CSP, 'Brackenfield Economic Partnership'],
    outcomes: [
      {
        title: 'Healthier children: reduce childhood obesity',
        themes: ['health-wellbeing', 'children-young-people'],
        partnerships: [HEALTH, 'Healthy Weight Group'],
        targets: [
          {
            indicator: 'NI 56',
            baseline: [2020, 20.8],
            trajectory: [
              [2022, 20],
              [2024, 19],
              [2026, 18],
            ],
            amber: 0.3,
            red: 1,
            accountable: HEALTH,
            officer: 'Director of Public Health',
          },
        ],
      },
      {
        title: 'Reduce alcohol-related harm',
        themes: ['health-wellbeing', 'substance-misuse'],
        partnerships: ['Substance Misuse Partnership'],
        targets: [
          {
            indicator: 'NI 39',
            baseline: [2020, 742],
            trajectory: [
              [2023, 700],
              [2026, 650],
            ],
            amber: 10,
            red: 30,
            accountable: 'Substance Misuse Partnership',
          },
        ],
      },
      {
        title: 'A safer Brackenfield: cut serious acquisitive crime',
        themes: ['community-safety'],
        partnerships: [CSP, 'Anti-Social Behaviour Action Group'],
        organisations: ['Nethershire Police'],
        targets: [
          {
            indicator: 'NI 16',
            baseline: [2020, 14.2],
            trajectory: [
              [2022, 13.5],
              [2024, 12.5],
              [2026, 12],
            ],
            amber: 0.5,
            red: 1.5,
            accountable: CSP,
            officer: 'District Commander',
          },
        ],
      },
      {
        title: 'More young people in education, employment or training',
        themes: ['children-young-people', 'employment-skills'],
        partnerships: ['NEET Reduction Group'],
        targets: [
          {
            indicator: 'NI 117',
            baseline: [2020, 6.1],
            trajectory: [
              [2023, 5],
              [2026, 4.2],
            ],
            amber: 0.2,
            red: 0.6,
          },
        ],
      },
      {
        title: 'Less waste, more recycling',
        themes: ['environment'],
        partnerships: ['Nethershire Waste Partnership'],
        organisations: ['Brackenfield District Council'],
        targets: [
          {
            indicator: 'NI 192',
            baseline: [2020, 44],
            trajectory: [
              [2023, 48],
              [2026, 52],
            ],
            amber: 0.5,
            red: 2,
          },
        ],
      },
    ],
  },
  {
    title: 'Brackenfield Health and Wellbeing Strategy 2022–2027',
    type: 'health-wellbeing-strategy',
    owner: HEALTH,
    years: [2022, 2027],
    status: 'published',
    summary:
      'The district’s part of the Nethershire Joint Health and Wellbeing Strategy: healthy weight, alcohol harm and physical activity, with most effort in the wards with the lowest life expectancy.',
    contributors: ['Healthy Weight Group', 'Substance Misuse Partnership'],
    outcomes: [
      {
        title: 'Reduce childhood obesity in Year 6',
        themes: ['health-wellbeing', 'children-young-people'],
        partnerships: ['Healthy Weight Group'],
        organisations: ['NHS Nethershire Integrated Care Board'],
        targets: [
          {
            indicator: 'NI 56',
            baseline: [2021, 21.4],
            trajectory: [
              [2022, 20.2],
              [2025, 18.8],
              [2027, 18],
            ],
            amber: 0.3,
            red: 1,
            accountable: 'Healthy Weight Group',
          },
        ],
      },
      {
        title: 'Fewer hospital admissions caused by alcohol',
        themes: ['health-wellbeing', 'substance-misuse'],
        partnerships: ['Substance Misuse Partnership'],
        targets: [
          {
            indicator: 'NI 39',
            baseline: [2021, 760],
            trajectory: [
              [2024, 700],
              [2027, 640],
            ],
            amber: 10,
            red: 30,
            accountable: 'Substance Misuse Partnership',
          },
        ],
      },
      {
        title: 'More adults active in sport and physical activity',
        themes: ['health-wellbeing', 'culture-leisure'],
        partnerships: ['Healthy Weight Group'],
        targets: [
          {
            indicator: 'NI 8',
            baseline: [2021, 34],
            trajectory: [
              [2023, 36],
              [2026, 39],
            ],
            amber: 0.5,
            red: 1.5,
            accountable: HEALTH,
          },
        ],
      },
    ],
  },
  {
    title: 'Brackenfield Community Safety Plan 2023–2026',
    type: 'community-safety-plan',
    owner: CSP,
    years: [2023, 2025],
    status: 'published',
    summary:
      'The Community Safety Partnership’s plan: acquisitive crime, anti-social behaviour and feeling safe at night.',
    contributors: ['Anti-Social Behaviour Action Group'],
    outcomes: [
      {
        title: 'Residents feel safe in the town centre after dark',
        themes: ['community-safety'],
        partnerships: [CSP],
        targets: [
          {
            indicator: 'LI 1',
            baseline: [2022, 52],
            trajectory: [
              [2023, 54],
              [2025, 58],
            ],
            amber: 1,
            red: 3,
            accountable: CSP,
          },
        ],
      },
    ],
  },
  {
    title: 'Brackenfield Housing Strategy 2025–2030',
    type: 'housing-strategy',
    owner: 'Brackenfield Housing Partnership',
    years: [2025, 2029],
    status: 'draft',
    summary: 'A draft for consultation: more affordable homes, fewer empty homes and warmer homes.',
    contributors: [],
    outcomes: [
      {
        title: 'More new homes, more of them affordable',
        themes: ['housing'],
        partnerships: ['Brackenfield Housing Partnership'],
        targets: [
          {
            indicator: 'NI 154',
            baseline: [2024, 362],
            trajectory: [
              [2025, 400],
              [2029, 450],
            ],
            amber: 10,
            red: 40,
          },
        ],
      },
    ],
  },
];

/** Approved values by indicator, 2020/21 onward. */
const HISTORY: Record<string, Array<[number, number]>> = {
  'NI 56': [
    [2020, 20.8],
    [2021, 21.4],
    [2022, 20.5],
    [2023, 20.1],
    [2024, 19.6],
  ],
  'NI 39': [
    [2020, 742],
    [2021, 760],
    [2022, 731],
    [2023, 718],
    [2024, 705],
  ],
  'NI 16': [
    [2020, 14.2],
    [2021, 12.9],
    [2022, 13.8],
    [2023, 14.6],
    [2024, 15.1],
  ],
  'NI 117': [
    [2020, 6.1],
    [2021, 5.8],
    [2022, 5.5],
    [2023, 5.1],
    [2024, 4.9],
  ],
  'NI 192': [
    [2020, 44],
    [2021, 45.2],
    [2022, 46.1],
    [2023, 47],
    [2024, 49.6],
  ],
  'NI 8': [
    [2021, 34],
    [2022, 34.8],
    [2023, 35.1],
    [2024, 35.3],
  ],
  'LI 1': [
    [2022, 52],
    [2023, 53.5],
    [2024, 55.2],
  ],
  'NI 154': [
    [2021, 310],
    [2022, 295],
    [2023, 340],
    [2024, 362],
  ],
};

export async function seedDemo(services: Services, locality: Locality, trx: Trx): Promise<void> {
  const { performance, register } = services;
  const code = locality.gss_code;
  const options = { trx };
  const partnerships = new Map((await register.partnerships.allForLocality(trx, locality.id)).map((p) => [p.name, p]));
  const organisations = new Map(
    (await register.organisations.allForLocality(trx, locality.id)).map((o) => [o.name, o.id]),
  );
  const partnershipId = (name: string) => {
    const found = partnerships.get(name);
    if (!found) throw new Error(`The performance demo names a partnership the register does not have: ${name}`);
    return found;
  };

  const local = await performance.createIndicator(
    SYSTEM,
    code,
    {
      code: 'LI 1',
      title: 'Residents who feel safe in the town centre after dark',
      unit: '%',
      polarity: 'higher',
      definition:
        'Share of respondents to the residents’ survey who say they feel very or fairly safe in the town centre after dark.',
      numerator: 'Respondents who feel very or fairly safe',
      denominator: 'All respondents who answered',
      frequency: 'annual',
      source: 'Brackenfield residents’ survey',
      geography: 'Brackenfield district',
    },
    options,
  );
  const indicators = await performance.indicatorsByCode(trx, locality.id);
  const indicatorId = (c: string) => (c === 'LI 1' ? local.id : (indicators.get(normaliseCode(c))?.id ?? missing(c)));

  for (const spec of PLANS) {
    const plan = await performance.createPlan(
      SYSTEM,
      code,
      {
        title: spec.title,
        planType: spec.type,
        ownerPartnershipId: partnershipId(spec.owner).id,
        startYear: spec.years[0],
        endYear: spec.years[1],
        status: spec.status,
        summary: spec.summary,
        contributorIds: spec.contributors.map((n) => partnershipId(n).id),
      },
      options,
    );
    for (const o of spec.outcomes) {
      const outcome = await performance.createOutcome(
        SYSTEM,
        code,
        plan.id,
        { title: o.title, description: o.description, themes: o.themes },
        options,
      );
      for (const name of o.partnerships) {
        const p = partnershipId(name);
        await performance.addContributor(SYSTEM, code, outcome.id, { partnershipId: p.id, layer: p.layer }, options);
      }
      for (const name of o.organisations ?? []) {
        await performance.addContributor(
          SYSTEM,
          code,
          outcome.id,
          { organisationId: organisations.get(name) ?? missing(name), layer: 'operational' },
          options,
        );
      }
      for (const t of o.targets) {
        await performance.createTarget(
          SYSTEM,
          code,
          outcome.id,
          {
            indicatorId: indicatorId(t.indicator),
            baselineYear: t.baseline[0],
            baselineValue: t.baseline[1],
            trajectory: t.trajectory.map(([year, value]) => ({ year, value })),
            amberTolerance: t.amber,
            redTolerance: t.red,
            accountablePartnershipId: t.accountable ? partnershipId(t.accountable).id : undefined,
            accountableOfficer: t.officer,
          },
          options,
        );
      }
    }
  }

  const history = Object.entries(HISTORY).flatMap(([c, values]) =>
    values.map(([year, value]) => ({
      indicatorId: indicatorId(c),
      year,
      value,
      dataStatus: year === 2024 ? ('provisional' as const) : ('final' as const),
    })),
  );
  await performance.loadApprovedHistory(SYSTEM, code, history, options);
  // One value waiting for the administrator, so the approvals page has something to show.
  await performance.recordMeasurement(
    SYSTEM,
    code,
    {
      indicatorId: indicatorId('NI 117'),
      year: 2025,
      value: 4.6,
      dataStatus: 'provisional',
      note: 'Early estimate from the autumn tracking return',
    },
    options,
  );
}

function missing(what: string): never {
  throw new Error(`The performance demo needs ${what}, which is not there`);
}
