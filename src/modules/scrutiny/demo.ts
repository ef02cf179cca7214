import type { Services } from '../../services.js';
import { SYSTEM } from '../../core/actor.js';
import type { Locality } from '../../db/tables.js';
import { addDays } from '../../core/dates.js';

type Trx = Services['exchange']['db'];

/**
 * The demo's scrutiny and accountability: a few risks on the LSP's and the community safety
 * partnership's registers (one past its review, one restricted), the council's Overview and
 * Scrutiny Committee with a community safety theme review and two recommendations (one
 * answered with an action now overdue, one awaiting the LSP manager's response), two recent meetings whose attendance
 * leaves seats empty, difficult decisions (one open beyond the limit, one resolved) and a lever.
 * Dates follow today, so the overdue items stay overdue whenever the demo is seeded.
 */
export async function seedDemo(services: Services, locality: Locality, trx: Trx, today: string): Promise<void> {
  const { scrutiny, cycles, register } = services;
  const code = locality.gss_code;
  const [partnerships, organisations] = await Promise.all([
    register.partnerships.options(trx, locality.id),
    register.organisations.options(trx, locality.id),
  ]);
  const p = (name: string) => partnerships.find((x) => x.name === name)?.id;
  const o = (name: string) => organisations.find((x) => x.name === name)?.id as string;
  const lsp = p('Brackenfield Partnership');
  const csp = p('Brackenfield Community Safety Partnership');
  if (!lsp || !csp) return;
  const at = (days: number) => ({ trx, today: addDays(today, days) });

  // --- risks ---
  const risk = (partnershipId: string | undefined, fields: Record<string, unknown>, days = -120) =>
    scrutiny.createRisk(SYSTEM, code, { partnershipId, ...fields }, at(days));
  const funding = await risk(undefined, {
    title: 'Partners withdraw mainstream funding from shared priorities',
    cause: 'Budget pressures in the county council and the NHS',
    effect: 'Outcomes in the Sustainable Community Strategy go unfunded',
    owner: 'LSP manager',
    controls: 'Annual resourcing statement agreed by the board; pooled budget for early help',
    outcomes: 'Early help; less waste, more recycling',
    inherentLikelihood: 4,
    inherentImpact: 5,
    residualLikelihood: 3,
    residualImpact: 4,
    reviewOn: addDays(today, -10),
  });
  await scrutiny.reviewRisk(
    SYSTEM,
    code,
    funding.id,
    {
      residualLikelihood: 4,
      residualImpact: 4,
      note: 'The county’s draft budget cuts the early help grant',
      nextReviewOn: addDays(today, -10),
      version: funding.version,
    },
    at(-60),
  );
  await risk(undefined, {
    title: 'Voluntary sector voice weakens on the board',
    owner: 'LSP chair',
    controls: 'Two seats reserved for the CVS forum',
    inherentLikelihood: 3,
    inherentImpact: 3,
    residualLikelihood: 2,
    residualImpact: 3,
    reviewOn: addDays(today, 45),
  });
  await risk(csp, {
    title: 'Night-time economy violence rises after licensing changes',
    owner: 'Chief Inspector, Brackenfield',
    controls: 'Joint patrols; Pubwatch',
    inherentLikelihood: 4,
    inherentImpact: 4,
    residualLikelihood: 3,
    residualImpact: 3,
    reviewOn: addDays(today, 30),
  });
  await risk(csp, {
    title: 'Data sharing agreement with health lapses',
    owner: 'Community safety manager',
    inherentLikelihood: 3,
    inherentImpact: 4,
    residualLikelihood: 2,
    residualImpact: 4,
    reviewOn: addDays(today, 60),
    restricted: true,
  });

  // --- meetings in the last year, with empty seats and difficult decisions ---
  const meeting = await cycles.recordMeeting(
    SYSTEM,
    code,
    {
      partnershipId: lsp,
      heldOn: addDays(today, -150),
      location: 'Council Chamber, Brackenfield Town Hall',
      status: 'held',
      attendance: [
        { organisationId: o('Brackenfield District Council'), attendance: 'present' },
        { organisationId: o('Nethershire County Council'), attendance: 'present' },
        { organisationId: o('Nethershire Police'), attendance: 'apologies' },
        { organisationId: o('NHS Nethershire Integrated Care Board'), attendance: 'absent' },
      ],
      decisions: [
        'Closed the town centre partnership and moved its work to the BID.',
        'Agreed to pool early help budgets with the county council from April.',
        'Noted the annual report.',
      ],
    },
    { trx },
  );
  const decisions = await trx
    .selectFrom('meeting_decisions')
    .select(['id', 'position'])
    .where('meeting_id', '=', meeting.id)
    .orderBy('position')
    .execute();
  const [closed, pooled] = decisions;
  if (closed)
    await scrutiny.markDecision(
      SYSTEM,
      code,
      closed.id,
      {
        optionsConsidered: 'Keep it as a sub-group; merge it into the BID board; close it',
        dissent: 'Brackenfield Small Business Network',
        followUp: 'BID board to report on the town centre action plan in six months',
        resolvedOn: addDays(today, -100),
        carriedThrough: 'yes',
      },
      { trx },
    );
  if (pooled)
    await scrutiny.markDecision(
      SYSTEM,
      code,
      pooled.id,
      {
        optionsConsidered: 'Aligned budgets; a pooled budget under section 75; no change',
        dissent: 'NHS Nethershire Integrated Care Board (asked for another year of aligned budgets)',
        followUp: 'Finance officers to draft the pooling agreement',
      },
      { trx },
    );

  // --- the committee, a theme review and two recommendations ---
  const committee = await scrutiny.createCommittee(
    SYSTEM,
    code,
    {
      name: 'Overview and Scrutiny Committee',
      remit: 'Holds the LSP and its partners to account for the Sustainable Community Strategy',
      members: [
        'Cllr Morgan Scrutiny (chair)',
        'Cllr Dev Patel (vice-chair)',
        'Cllr Ruth Allen',
        'Ann Oakes (co-opted)',
      ],
    },
    { trx },
  );
  const review = await scrutiny.createReview(
    SYSTEM,
    code,
    {
      committeeId: committee.id,
      kind: 'theme-performance',
      title: 'Community safety: are we safer?',
      scopeKind: 'theme',
      scopeTheme: 'community-safety',
      scope:
        'The performance of the community safety theme against the strategy’s targets, and the partners’ part in it',
      questions: 'Are the targets on track? Are the partners at the table? Is the money behind the priorities?',
      witnesses: 'Chief Inspector, Brackenfield; community safety manager; Brackenfield CVS',
      startsOn: addDays(today, -120),
      reportsOn: addDays(today, -30),
      followUpOn: addDays(today, 150),
    },
    { trx },
  );
  const first = await scrutiny.addRecommendation(
    SYSTEM,
    code,
    review.id,
    {
      text: 'Publish the community safety partnership’s quarterly performance report before each board meeting.',
      addresseeKind: 'partnership',
      partnershipId: csp,
      owner: 'Community safety manager',
    },
    at(-90),
  );
  await scrutiny.respond(SYSTEM, code, first.id, { response: 'accepted', version: first.version }, at(-70));
  await scrutiny.addAction(
    SYSTEM,
    code,
    first.id,
    { description: 'Move the report deadline two weeks earlier', dueOn: addDays(today, -20) },
    at(-70),
  );
  await scrutiny.addRecommendation(
    SYSTEM,
    code,
    review.id,
    {
      text: 'Secure the police’s attendance at the LSP board, through a lever if need be.',
      addresseeKind: 'lsp',
      owner: 'LSP manager',
    },
    at(-30),
  );

  // --- a lever ---
  await scrutiny.createLever(
    SYSTEM,
    code,
    {
      kind: 'reward-grant',
      organisationId: o('Nethershire County Council'),
      title: 'Local Area Agreement reward grant: reducing re-offending',
      partnershipId: csp,
      outcomes: 'Reducing re-offending',
      startsOn: addDays(today, -400),
      evidence:
        'County attendance at the community safety partnership rose from 50% to 100% after the grant was agreed',
    },
    { trx },
  );
}
