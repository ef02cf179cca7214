import type { Services } from '../../services.js';
import { SYSTEM } from '../../core/actor.js';
import type { Locality } from '../../db/tables.js';
import { normaliseCode } from '../performance/repository.js';
import { addMonths, financialYearOf } from './rules.js';

type Trx = Services['exchange']['db'];

/**
 * Brackenfield's money, through the resources service's own rules: partners' contributions to
 * most partnerships this financial year (one awaiting the LSP secretary's confirmation); a s.75
 * pooled budget between the county council and the NHS commissioner for older people, governed
 * by the health and wellbeing board; three funding streams, one ending in five months with two
 * dependent partnerships and no exit strategy; mainstream budget lines mapped to the outcomes of
 * the plans, this year and last, leaving one outcome with no money; and benefits recorded for a
 * dozen partnerships, so the league table has both ends. Fictional figures, deterministic.
 */
const COUNCIL = 'Brackenfield District Council';
const COUNTY = 'Nethershire County Council';
const ICB = 'NHS Nethershire Integrated Care Board';
const POLICE = 'Nethershire Police';

/** The outcome left with no money, so the money-by-outcome view flags a gap. */
export const DEMO_UNFUNDED_OUTCOME = 'Less waste, more recycling';
export const DEMO_ENDING_FUND = 'Supporting Families (Brackenfield)';
export const DEMO_ENDING_DEPENDANTS = ['Early Help Partnership', 'Children’s Centres Advisory Board'];

interface BenefitSpec {
  partnership: string;
  kind: 'indicator' | 'costs-avoided' | 'external-funding' | 'qualitative';
  title: string;
  pounds?: number;
  attribution?: number;
  indicator?: string;
  confidence: 'high' | 'medium' | 'low';
  evidence: string;
}

const BENEFITS: BenefitSpec[] = [
  {
    partnership: 'Brackenfield Community Safety Partnership',
    kind: 'costs-avoided',
    title: 'Fewer burglaries after the target-hardening scheme',
    pounds: 420_000,
    confidence: 'medium',
    evidence: 'Police recorded burglaries down 96 on the year; Home Office unit costs of crime (£4,400 a burglary).',
  },
  {
    partnership: 'Eastgate Community Trust',
    kind: 'external-funding',
    title: 'Lottery and trust funding for the Eastgate hub',
    pounds: 250_000,
    confidence: 'high',
    evidence: 'Grant offer letters held by the accountable body.',
  },
  {
    partnership: 'Brackenfield Employment and Skills Board',
    kind: 'external-funding',
    title: 'UK Shared Prosperity Fund allocation secured',
    pounds: 310_000,
    confidence: 'high',
    evidence: 'Allocation letter; the bid required the board’s sign-off.',
  },
  {
    partnership: 'Healthy Weight Group',
    kind: 'indicator',
    title: 'Year 6 obesity down 0.8 points',
    pounds: 90_000,
    attribution: 30,
    indicator: 'NI 56',
    confidence: 'low',
    evidence:
      'National Child Measurement Programme; the share owed to the group is a judgement by the director of public health.',
  },
  {
    partnership: 'Brackenfield Drug and Alcohol Action Team',
    kind: 'costs-avoided',
    title: 'Fewer alcohol-related admissions',
    pounds: 60_000,
    confidence: 'medium',
    evidence: 'Hospital episode statistics; NHS reference costs per admission.',
  },
  {
    partnership: 'Affordable Warmth Group',
    kind: 'external-funding',
    title: 'Energy company obligation money for insulation',
    pounds: 180_000,
    confidence: 'high',
    evidence: 'Contracts with the installers.',
  },
  {
    partnership: 'Town Centre Management Board',
    kind: 'qualitative',
    title: 'Traders say the town centre is better run',
    confidence: 'low',
    evidence: 'Survey of 40 traders, spring.',
  },
  {
    partnership: 'Carers’ Partnership Group',
    kind: 'qualitative',
    title: 'Carers’ voices heard in commissioning',
    confidence: 'medium',
    evidence: 'Minutes of the commissioning board; carers’ forum feedback.',
  },
  {
    partnership: 'Market Traders’ Liaison Group',
    kind: 'costs-avoided',
    title: 'Disputes settled without enforcement',
    pounds: 1_500,
    confidence: 'low',
    evidence: 'Licensing team’s estimate of officer time saved.',
  },
  {
    partnership: 'Private Landlords’ Forum',
    kind: 'costs-avoided',
    title: 'Fewer formal housing notices',
    pounds: 2_500,
    confidence: 'medium',
    evidence: 'Private sector housing team records.',
  },
  {
    partnership: 'Hate Crime Partnership',
    kind: 'indicator',
    title: 'More hate incidents reported',
    pounds: 20_000,
    attribution: 50,
    confidence: 'low',
    indicator: 'NI 1',
    evidence: 'Third-party reporting centre returns.',
  },
  {
    partnership: 'Brackenfield Climate Partnership',
    kind: 'external-funding',
    title: 'Public sector decarbonisation grant',
    pounds: 95_000,
    confidence: 'high',
    evidence: 'Grant offer letter.',
  },
];

export async function seedDemo(services: Services, locality: Locality, trx: Trx, today: string): Promise<void> {
  const { resources } = services;
  const code = locality.gss_code;
  const options = { trx, today };
  const year = financialYearOf(today);
  const organisations = await resources.repository.organisations(trx, locality.id);
  const org = (name: string): string => {
    const found = organisations.find((o) => o.name === name);
    if (!found) throw new Error(`Demo resources name an unknown organisation: ${name}`);
    return found.id;
  };
  const partnerships = await services.register.partnerships.allForLocality(trx, locality.id);
  const partnership = (name: string): string => {
    const found = partnerships.find((p) => p.name === name);
    if (!found) throw new Error(`Demo resources name an unknown partnership: ${name}`);
    return found.id;
  };
  const outcomes = await trx
    .selectFrom('outcomes')
    .select(['id', 'title'])
    .where('locality_id', '=', locality.id)
    .where('status', '=', 'active')
    .orderBy('position')
    .execute();
  const outcome = (title: string): string => {
    const found = outcomes.find((o) => o.title === title);
    if (!found) throw new Error(`Demo resources name an unknown outcome: ${title}`);
    return found.id;
  };

  // Contributions: staff time from each active partnership's lead for four in five of them,
  // cash from the district council to every third, all confirmed.
  const active = partnerships
    .filter((p) => p.status === 'active')
    .sort((a, b) => a.reference.localeCompare(b.reference));
  const inputs: Array<Record<string, unknown>> = [];
  active.forEach((p, i) => {
    if (i % 5 === 4) return;
    const lead = p.lead_organisation_id ?? org(COUNCIL);
    inputs.push({
      partnershipId: p.id,
      organisationId: lead,
      year,
      kind: 'staff-time',
      hours: 40 + ((i * 37) % 160),
      description: 'Chair’s and officers’ time beyond the meetings',
    });
    if (i % 3 === 0)
      inputs.push({
        partnershipId: p.id,
        organisationId: org(COUNCIL),
        year,
        kind: 'cash',
        amountPence: (1_000 + ((i * 750) % 9_000)) * 100,
        description: 'Grant toward the partnership’s running costs',
      });
    if (i % 7 === 1)
      inputs.push({
        partnershipId: p.id,
        organisationId: lead,
        year,
        kind: 'in-kind',
        amountPence: (500 + ((i * 210) % 3_000)) * 100,
        description: 'Meeting rooms and refreshments',
      });
  });
  const lsp = partnership('Brackenfield Partnership');
  inputs.push(
    {
      partnershipId: lsp,
      organisationId: org(COUNCIL),
      year,
      kind: 'cash',
      amountPence: 25_000_00,
      description: 'LSP support team',
    },
    {
      partnershipId: lsp,
      organisationId: org(COUNTY),
      year,
      kind: 'cash',
      amountPence: 15_000_00,
      description: 'Contribution to the LSP budget',
    },
    {
      partnershipId: lsp,
      organisationId: org(POLICE),
      year,
      kind: 'staff-time',
      hours: 120,
      ratePence: 5_500,
      description: 'Superintendent’s time as theme lead (grade rate)',
    },
  );
  await resources.recordContributions(SYSTEM, code, inputs, { ...options, confirm: true });
  // One awaits the LSP secretary's confirmation.
  await resources.recordContribution(
    SYSTEM,
    code,
    {
      partnershipId: lsp,
      organisationId: org(ICB),
      year,
      kind: 'in-kind',
      amountPence: 8_000_00,
      description: 'Analyst support for the joint strategic needs assessment',
    },
    options,
  );

  // The s.75 pooled budget for older people, governed by the health and wellbeing board.
  await resources.createPooledBudget(
    SYSTEM,
    code,
    {
      name: 'Older people’s integrated care pooled fund',
      legalBasis: 's75-nhs-act-2006',
      hostOrganisationId: org(COUNTY),
      governingPartnershipId: partnership('Nethershire Health and Wellbeing Board'),
      riskShare:
        'Overspends are shared in proportion to contributions up to 5% of the fund; beyond that each partner bears its own.',
      amountPerYearPence: 12_400_000_00,
      startsOn: `${year - 2}-04-01`,
      endsOn: `${year + 2}-03-31`,
      contributors: [
        { organisationId: org(COUNTY), shareBp: 6000 },
        { organisationId: org(ICB), shareBp: 4000 },
      ],
      outcomes: [
        { outcomeId: outcome('Fewer hospital admissions caused by alcohol'), shareBp: 1000 },
        { outcomeId: outcome('More adults active in sport and physical activity'), shareBp: 500 },
      ],
    },
    options,
  );

  // Three funding streams: one ends in five months, with two dependants and no exit strategy.
  await resources.createFundingStream(
    SYSTEM,
    code,
    {
      fundCode: 'supporting-families',
      name: DEMO_ENDING_FUND,
      accountableBodyId: org(COUNTY),
      amountPerYearPence: 640_000_00,
      startsOn: `${year - 3}-04-01`,
      endsOn: addMonths(today, 5),
      partnershipIds: DEMO_ENDING_DEPENDANTS.map(partnership),
      outcomeIds: [outcome('More young people in education, employment or training')],
    },
    options,
  );
  await resources.createFundingStream(
    SYSTEM,
    code,
    {
      fundCode: 'safer-streets',
      name: 'Safer Streets: Kingsmead',
      accountableBodyId: org('Office of the Nethershire Police and Crime Commissioner'),
      amountPerYearPence: 180_000_00,
      startsOn: `${year - 1}-04-01`,
      endsOn: addMonths(today, 10),
      partnershipIds: [partnership('Kingsmead Problem-Solving Group')],
      outcomeIds: [outcome('A safer Brackenfield: cut serious acquisitive crime')],
      exitStrategy: 'Target-hardening ends with the fund; patrols continue from the police neighbourhood budget.',
    },
    options,
  );
  await resources.createFundingStream(
    SYSTEM,
    code,
    {
      fundCode: 'ukspf',
      name: 'UK Shared Prosperity Fund: Brackenfield',
      accountableBodyId: org(COUNCIL),
      amountPerYearPence: 1_050_000_00,
      startsOn: `${year - 2}-04-01`,
      endsOn: addMonths(today, 16),
      partnershipIds: [partnership('Brackenfield Employment and Skills Board')],
      outcomeIds: [outcome('More young people in education, employment or training')],
      exitStrategy: 'Skills projects to be mainstreamed into the college’s adult budget; bids for successor funds.',
    },
    options,
  );

  // Mainstream budget lines, this year and last, mapped to every outcome but one.
  const lines: Array<[string, string, number, Array<[string, number]>]> = [
    [
      COUNCIL,
      'Leisure and sports development',
      2_100_000,
      [['More adults active in sport and physical activity', 6000]],
    ],
    [
      COUNTY,
      'Public health: children’s weight management',
      850_000,
      [['Healthier children: reduce childhood obesity', 10_000]],
    ],
    [COUNTY, 'Public health: school nursing', 1_400_000, [['Reduce childhood obesity in Year 6', 2500]]],
    [
      COUNTY,
      'Public health: substance misuse services',
      2_300_000,
      [
        ['Reduce alcohol-related harm', 5000],
        ['Fewer hospital admissions caused by alcohol', 3000],
      ],
    ],
    [
      POLICE,
      'Neighbourhood policing, Brackenfield',
      6_200_000,
      [
        ['A safer Brackenfield: cut serious acquisitive crime', 4000],
        ['Residents feel safe in the town centre after dark', 2000],
      ],
    ],
    [
      COUNTY,
      'Youth services and careers advice',
      1_200_000,
      [['More young people in education, employment or training', 7500]],
    ],
    [COUNCIL, 'Housing strategy and enabling', 600_000, [['More new homes, more of them affordable', 8000]]],
    [
      COUNCIL,
      'Community safety team',
      350_000,
      [
        ['A safer Brackenfield: cut serious acquisitive crime', 5000],
        ['Residents feel safe in the town centre after dark', 3000],
      ],
    ],
    [COUNCIL, 'Corporate policy and partnerships', 420_000, []],
  ];
  for (const [organisation, service, pounds, shares] of lines) {
    for (const [offset, factor] of [
      [-1, 0.9],
      [0, 1],
    ] as const) {
      await resources.createBudgetLine(
        SYSTEM,
        code,
        {
          organisationId: org(organisation),
          service,
          year: year + offset,
          amountPence: Math.round(pounds * factor) * 100,
          outcomes: shares.map(([title, shareBp]) => ({ outcomeId: outcome(title), shareBp })),
        },
        options,
      );
    }
  }

  // Benefits for a dozen partnerships, from clear advantage to costs that exceed what is recorded.
  const indicators = await services.performance.indicatorsByCode(trx, locality.id);
  for (const b of BENEFITS) {
    const indicatorId = b.indicator ? indicators.get(normaliseCode(b.indicator))?.id : undefined;
    await resources.recordBenefit(
      SYSTEM,
      code,
      {
        partnershipId: partnership(b.partnership),
        year,
        kind: b.kind,
        title: b.title,
        valuePence: b.pounds === undefined ? undefined : b.pounds * 100,
        attributionBp: b.attribution === undefined ? undefined : b.attribution * 100,
        indicatorId,
        evidence: b.evidence,
        confidence: b.confidence,
      },
      options,
    );
  }
}
