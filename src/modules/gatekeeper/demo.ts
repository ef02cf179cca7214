import type { Services } from '../../services.js';
import type { Principal } from '../../core/actor.js';
import type { Locality } from '../../db/tables.js';
import type { ProposalAnswers } from './schema.js';

type Trx = Services['exchange']['db'];

const DAY_MS = 86_400_000;

interface DemoProposal {
  title: string;
  national?: boolean;
  answers: Omit<Required<ProposalAnswers>, 'problem' | 'members'> & {
    problem: { problem: string; outcomes: string; themes: string[] };
    members: { names: string[]; legalForm: string };
  };
  /** Days ago it was submitted; absent for a draft. */
  submittedDaysAgo?: number;
  then?:
    | {
        kind: 'decided';
        daysAgo: number;
        outcome: 'approved' | 'approved-with-conditions' | 'rejected';
        reasons: string;
        conditions?: string;
        diversion?: 'single-organisation' | 'existing-partnership' | 'joint-working';
        createAs?: 'proposed' | 'active';
      }
    | { kind: 'more-information'; daysAgo: number; note: string }
    | { kind: 'under-review'; daysAgo: number; advice: string }
    | { kind: 'withdrawn'; daysAgo: number; reason: string };
}

const running = (meetingsPerYear: number, attendees: number, meetingHours: number, benefits: string) => ({
  meetingsPerYear,
  attendees,
  meetingHours,
  benefits,
});
const need = {
  whySeveralOrganisations: 'No one body holds the money, the staff and the contact with the people concerned.',
  whySeveralLevels: 'The strategy is set across the district; the work is done street by street.',
};

/** Proposals in each state the gatekeeper meets, so the queue, the decision log and the statistics have something to show. */
const PROPOSALS: DemoProposal[] = [
  {
    title: 'Brackenfield Youth Employment Partnership',
    answers: {
      problem: {
        problem:
          'Too many young people leave college without work or training, and the help on offer is spread across several providers who do not share referrals.',
        outcomes: 'More 16 to 24 year olds in work or training; one referral route.',
        themes: ['employment-skills', 'children-young-people'],
      },
      need,
      alternatives: {
        singleOrganisation: 'Jobcentre Plus cannot fund training places.',
        jointWorking: 'Referral agreements have been tried and lapsed.',
        existingPartnership: 'The employment and skills board works at district strategy level only.',
      },
      members: {
        names: [
          'Jobcentre Plus (Brackenfield)',
          'Brackenfield College',
          'Brackenfield District Council',
          'Brackenfield CVS',
          'Brackenfield and District Chamber of Commerce',
        ],
        legalForm: 'unincorporated',
      },
      scope: {
        areas: [],
        layer: 'operational',
        durationMonths: 36,
        reviewPoint: 'When the UK Shared Prosperity Fund ends',
      },
      funding: { fundName: 'UK Shared Prosperity Fund', fundAmount: 180000, fundRequiresPartnership: 'no' },
      running: running(10, 9, 2, 'A single referral route and shared data on who is not in work or training'),
    },
    submittedDaysAgo: 95,
    then: {
      kind: 'decided',
      daysAgo: 70,
      outcome: 'rejected',
      reasons:
        'The Employment and Skills Board already brings these partners together and agreed to take the referral route on as a standing item. A new partnership would add ten meetings a year for the same people.',
      diversion: 'existing-partnership',
    },
  },
  {
    title: 'Healthy Homes Partnership',
    answers: {
      problem: {
        problem:
          'Cold, damp private rented homes are making older and disabled tenants ill, and the council, the NHS and landlords each see only part of it.',
        outcomes: 'Fewer emergency admissions for cold-related illness; more homes improved with grant.',
        themes: ['housing', 'health-wellbeing'],
      },
      need,
      alternatives: {
        singleOrganisation: 'Private sector housing cannot reach tenants the NHS sees.',
        jointWorking: 'A referral agreement is part of the plan but needs a group to own it.',
        existingPartnership: 'The Health and Wellbeing Board is county-wide and meets four times a year.',
      },
      members: {
        names: [
          'Brackenfield District Council',
          'NHS Nethershire Integrated Care Board',
          'Age UK Brackenfield and District',
          'Nethershire Residential Landlords’ Association',
        ],
        legalForm: 'unincorporated',
      },
      scope: { areas: [], layer: 'operational', durationMonths: 24, reviewPoint: 'Reviewed after two winters' },
      funding: {
        fundName: 'Better Care Fund (disabled facilities grant)',
        fundAmount: 250000,
        fundRequiresPartnership: 'no',
      },
      running: running(6, 6, 1.5, 'Homes improved before winter; admissions avoided'),
    },
    submittedDaysAgo: 12,
    then: {
      kind: 'under-review',
      daysAgo: 8,
      advice:
        'The Health and Wellbeing Board’s housing and health task group already has the ICB and the council on it: worth asking whether it could take landlords on instead.',
    },
  },
  {
    title: 'Town Centre Night-time Safety Group',
    answers: {
      problem: {
        problem:
          'Late-night disorder in the town centre at weekends, with licensees, taxis and the police working separately.',
        outcomes: 'Fewer violent incidents between 10pm and 4am.',
        themes: ['community-safety', 'economy-regeneration'],
      },
      need,
      alternatives: {
        singleOrganisation: 'The police cannot manage licensing or taxi ranks.',
        jointWorking: 'Pubwatch already meets monthly.',
        existingPartnership: 'The Community Safety Partnership covers the whole district.',
      },
      members: {
        names: [
          'Nethershire Police',
          'Brackenfield Licensees’ Association',
          'Brackenfield Hackney Carriage Association',
          'Brackenfield District Council',
        ],
        legalForm: 'unincorporated',
      },
      scope: { areas: [], layer: 'operational', durationMonths: 12, reviewPoint: 'After a year' },
      funding: { fundName: '', fundRequiresPartnership: 'no' },
      running: running(12, 8, 1.5, 'A joined-up weekend plan'),
    },
    submittedDaysAgo: 50,
    then: {
      kind: 'decided',
      daysAgo: 31,
      outcome: 'rejected',
      reasons:
        'The council’s licensing team will take this on in its weekend enforcement plan, briefing the police and Pubwatch and reporting to the Community Safety Partnership; no new board is needed.',
      diversion: 'single-organisation',
    },
  },
  {
    title: 'Upperton Community Transport Scheme',
    answers: {
      problem: {
        problem: 'Villages around Upperton lost their bus service and older residents cannot reach the surgery.',
        outcomes: 'Every resident can get to a GP appointment.',
        themes: ['transport', 'older-people'],
      },
      need,
      alternatives: {
        singleOrganisation: 'The bus company will not run the route commercially.',
        jointWorking: 'Volunteer drivers exist but have no booking system.',
        existingPartnership: 'None covers transport in the villages.',
      },
      members: {
        names: [
          'Upperton Town Council',
          'Brackenfield Buses Ltd',
          'Age UK Brackenfield and District',
          'Nethershire County Council',
        ],
        legalForm: 'community-interest-company',
      },
      scope: {
        areas: [],
        layer: 'operational',
        durationMonths: 60,
        reviewPoint: 'Five years, or sooner if a bus route returns',
      },
      funding: { fundName: 'Rural Mobility Fund', fundAmount: 90000, fundRequiresPartnership: 'yes' },
      running: running(4, 6, 2, 'Trips to the surgery, shops and day centres'),
    },
    submittedDaysAgo: 120,
    then: {
      kind: 'withdrawn',
      daysAgo: 101,
      reason:
        'The county’s community transport partnership will extend its dial-a-ride scheme to the Upperton villages.',
    },
  },
  {
    title: 'Brackenfield Hoarding Support Panel',
    answers: {
      problem: {
        problem:
          'Hoarding cases take months to resolve because fire safety, environmental health, housing and mental health services act separately.',
        outcomes: 'Every case with a named lead and a plan within a month.',
        themes: ['housing', 'health-wellbeing'],
      },
      need,
      alternatives: {
        singleOrganisation: 'No one service owns hoarding.',
        jointWorking: 'Case conferences happen but are arranged case by case.',
        existingPartnership: 'The adult safeguarding board covers only cases with abuse or neglect.',
      },
      members: {
        names: [
          'Brackenfield District Council',
          'Nethershire Fire and Rescue Service',
          'Nethershire Healthcare NHS Foundation Trust',
          'Brackenfield Homes',
        ],
        legalForm: 'unincorporated',
      },
      scope: { areas: [], layer: 'operational', durationMonths: 24, reviewPoint: 'After two years' },
      funding: { fundName: '', fundRequiresPartnership: 'no' },
      running: running(12, 6, 1.5, 'Cases resolved sooner; fewer fires'),
    },
    submittedDaysAgo: 150,
    then: {
      kind: 'decided',
      daysAgo: 128,
      outcome: 'rejected',
      reasons:
        'Agreed instead as a joint protocol between the council, the fire service and the mental health trust, with a named lead per case: joint working, not a new board.',
      diversion: 'joint-working',
    },
  },
  {
    title: 'Older People’s Digital Inclusion Network',
    answers: {
      problem: {
        problem:
          'Older residents cannot book appointments or claim benefits online now that services have moved there.',
        outcomes: 'Fewer older people shut out of online services.',
        themes: ['older-people', 'community-cohesion'],
      },
      need,
      alternatives: {
        singleOrganisation: 'The library service has no outreach staff.',
        jointWorking: 'Drop-in sessions run but are not joined up.',
        existingPartnership: 'The older people’s forum is a voice, not a delivery group.',
      },
      members: {
        names: [
          'Age UK Brackenfield and District',
          'Brackenfield District Council',
          'Citizens Advice Brackenfield',
          'Brackenfield CVS',
        ],
        legalForm: 'unincorporated',
      },
      scope: { areas: [], layer: 'operational', durationMonths: 24, reviewPoint: 'After two years' },
      funding: { fundName: 'Council community grants', fundAmount: 20000, fundRequiresPartnership: 'no' },
      running: running(6, 7, 1.5, 'Help where people already go'),
    },
    submittedDaysAgo: 38,
  },
  {
    title: 'Millbrook Flood Resilience Group',
    answers: {
      problem: {
        problem: 'Millbrook flooded twice in three years and residents do not know who does what when the river rises.',
        outcomes: 'A community flood plan; every at-risk household warned.',
        themes: ['resilience', 'environment'],
      },
      need,
      alternatives: {
        singleOrganisation: 'The Environment Agency does not run community plans.',
        jointWorking: 'Possible, but the parish wants a standing group.',
        existingPartnership: 'The Local Resilience Forum is county-wide.',
      },
      members: {
        names: [
          'Millbrook Parish Council',
          'Environment Agency',
          'Nethershire Fire and Rescue Service',
          'Brackenfield District Council',
        ],
        legalForm: 'unincorporated',
      },
      scope: { areas: [], layer: 'operational', durationMonths: 36, reviewPoint: 'When the flood scheme is built' },
      funding: { fundName: '', fundRequiresPartnership: 'no' },
      running: running(4, 6, 2, 'A plan residents know'),
    },
    submittedDaysAgo: 16,
    then: {
      kind: 'more-information',
      daysAgo: 9,
      note: 'Could the Local Resilience Forum’s flood sub-group cover Millbrook instead? Please say what it would not do.',
    },
  },
  {
    title: 'Brackenfield Food Network',
    answers: {
      problem: {
        problem: 'Food banks, community fridges and school holiday schemes do not share stock or volunteers.',
        outcomes: 'Less food wasted; no family turned away.',
        themes: ['health-wellbeing', 'community-cohesion'],
      },
      need,
      alternatives: { singleOrganisation: '', jointWorking: '', existingPartnership: '' },
      members: { names: ['Brackenfield CVS', 'Citizens Advice Brackenfield'], legalForm: 'unincorporated' },
      scope: { areas: [], layer: 'operational', durationMonths: 12, reviewPoint: '' },
      funding: { fundName: '' },
      running: running(6, 8, 1.5, ''),
    },
  },
];

/**
 * Gives Brackenfield a few proposals in different states, through the gatekeeper's own
 * service and the pre-check, dated relative to today so the queue has an overdue review and
 * the decision log and statistics have decisions in them.
 */
export async function seedDemo(services: Services, locality: Locality, trx: Trx): Promise<void> {
  const { gatekeeper, register } = services;
  const organisations = await register.organisations.allForLocality(trx, locality.id);
  const idOf = new Map(organisations.map((o) => [o.name, o.id]));
  const proposer: Principal = {
    id: 'demo:proposer',
    label: 'Sam Okafor, Brackenfield CVS',
    kind: 'user',
    canWrite: true,
    grants: [
      {
        role: 'partner-representative',
        localityId: locality.id,
        region: null,
        partnershipId: null,
        organisationId: null,
      },
    ],
  };
  const lspManager: Principal = {
    id: 'demo:lsp-manager',
    label: 'Ruth Adeyemi',
    kind: 'user',
    canWrite: true,
    grants: [
      { role: 'locality-admin', localityId: locality.id, region: null, partnershipId: null, organisationId: null },
    ],
  };
  const adviser: Principal = {
    id: 'demo:go-adviser',
    label: 'Government Office for the East Midlands',
    kind: 'user',
    canWrite: true,
    grants: [
      { role: 'go-adviser', localityId: null, region: locality.region, partnershipId: null, organisationId: null },
    ],
  };
  const now = Date.now();
  const daysAgo = (days: number) => new Date(now - days * DAY_MS);
  const code = locality.gss_code;

  // Oldest first, so references run in the order the proposals were made.
  const oldestFirst = [...PROPOSALS].sort((a, b) => (b.submittedDaysAgo ?? -1) - (a.submittedDaysAgo ?? -1));
  for (const spec of oldestFirst) {
    const startedAt = daysAgo((spec.submittedDaysAgo ?? 5) + 14);
    const created = await gatekeeper.start(
      proposer,
      code,
      { title: spec.title, national: spec.national ? 'yes' : 'no' },
      { trx, at: startedAt },
    );
    const a = spec.answers;
    const memberIds = a.members.names.map((name) => idOf.get(name)).filter((id): id is string => !!id);
    const sections = {
      problem: { title: spec.title, national: spec.national ? 'yes' : 'no', ...a.problem },
      need: a.need,
      alternatives: a.alternatives,
      members: {
        memberIds,
        chairId: memberIds[0],
        leadOrganisationId: memberIds[0],
        accountableBodyId: memberIds.find((id) => id === idOf.get('Brackenfield District Council')) ?? memberIds[1],
        legalForm: a.members.legalForm,
      },
      scope: a.scope,
      funding: a.funding,
      running: a.running,
    };
    for (const [section, input] of Object.entries(sections))
      await gatekeeper.saveSection(proposer, code, created.id, section as keyof typeof sections, stripEmpty(input), {
        trx,
        at: startedAt,
      });
    if (spec.submittedDaysAgo === undefined) continue;
    const { precheck } = await gatekeeper.precheck(proposer, code, created.id, { trx });
    for (const s of precheck.similar) {
      await gatekeeper.acknowledge(
        proposer,
        code,
        created.id,
        {
          partnershipId: s.partnershipId,
          explanation: `${s.name} shares some members but works on a different problem; this proposal is time-limited.`,
        },
        { trx },
      );
    }
    await gatekeeper.submit(proposer, code, created.id, { trx, at: daysAgo(spec.submittedDaysAgo) });
    const then = spec.then;
    if (!then) continue;
    if (then.kind === 'more-information') {
      await gatekeeper.requestInformation(
        lspManager,
        code,
        created.id,
        { note: then.note },
        { trx, at: daysAgo(then.daysAgo) },
      );
    } else if (then.kind === 'under-review') {
      await gatekeeper.comment(
        adviser,
        code,
        created.id,
        { body: then.advice },
        { trx, at: daysAgo(then.daysAgo + 2) },
      );
      await gatekeeper.startReview(lspManager, code, created.id, { trx, at: daysAgo(then.daysAgo) });
    } else if (then.kind === 'withdrawn') {
      await gatekeeper.withdraw(
        proposer,
        code,
        created.id,
        { reason: then.reason },
        { trx, at: daysAgo(then.daysAgo) },
      );
    } else {
      await gatekeeper.startReview(lspManager, code, created.id, { trx, at: daysAgo(then.daysAgo + 3) });
      await gatekeeper.decide(
        lspManager,
        code,
        created.id,
        {
          outcome: then.outcome,
          reasons: then.reasons,
          conditions: then.conditions,
          checks: ['similar', 'burden', 'theme-area', 'cost', 'alternatives'],
          createAs: then.createAs,
          diversion: then.diversion,
        },
        { trx, at: daysAgo(then.daysAgo) },
      );
    }
  }
}

/** Blank answers are left out, as a form leaves them out. */
function stripEmpty(input: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== '' && v !== undefined));
}
