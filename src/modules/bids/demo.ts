import type { Services } from '../../services.js';
import { SYSTEM } from '../../core/actor.js';
import { todayInLondon } from '../../core/dates.js';
import type { Locality } from '../../db/tables.js';
import { DEMO_AREA_GEOJSON, DEMO_AREA_STREETS, demoRatingList, ratingListCsv } from './fixtures.js';
import { addDays, ballotCloses, eligibility, levyFor } from './rules.js';
import { eligibilityRulesOf, hereditamentOf, levyRulesOf } from './service.js';

type Trx = Services['exchange']['db'];

/** The partnership that is the demo BID's board: the steering group, else the town centre board. */
const BOARD_NAMES = ['Brackenfield BID Steering Group', 'Town Centre Management Board'];

/**
 * Brackenfield town centre's BID, balloted and declared: 300 hereditaments from the demo rating
 * list, the papers issued, about three in five returned (a few spoilt, one replaced, one late),
 * and the result declared under the English tests. Ballot day is 60 days before today, so the
 * declaration, the veto window and the levy can all be shown. A handful of writes per paper.
 */
export async function seedDemo(services: Services, locality: Locality, trx: Trx, today = todayInLondon()) {
  const { bids, register } = services;
  const partnerships = await register.partnerships.summaries(trx, locality.id);
  const open = partnerships.filter((p) => p.status === 'active' || p.status === 'proposed');
  const board = BOARD_NAMES.map((name) => open.find((p) => p.name === name)).find(Boolean) ?? open[0];
  if (!board) return;
  const options = { trx };
  const code = locality.gss_code;
  const ballotOn = addDays(today, -60);
  const bid = await bids.create(
    SYSTEM,
    code,
    {
      name: 'Brackenfield Town Centre BID',
      partnershipId: board.id,
      proposer: 'business-group',
      proposerName: 'Brackenfield Chamber of Trade',
      summary:
        'A cleaner, safer and busier town centre: a street ranger team, extra cleansing of the Market Place on market days, four seasonal events, a shared radio scheme with the police, and marketing the town centre to shoppers and visitors.',
      governance:
        'Brackenfield Town Centre BID Ltd, a company limited by guarantee; its board is elected by levy payers, with the council and the police as non-voting members.',
      alterable: 'The split of the budget between projects, within 10% of each line; event dates.',
      budgetPounds: 76_000,
      termStart: addDays(today, 30),
      termYears: 5,
      areaStreets: DEMO_AREA_STREETS.join('\n'),
      areaGeoJson: JSON.stringify(DEMO_AREA_GEOJSON),
      threshold: 10_000,
      excludedClasses: 'CW',
      levyRatePercent: 1.5,
      levyCapPounds: 2500,
      charityReliefPercent: 80,
      emptyReliefPercent: 50,
      upliftPercent: 2,
      onlineVoting: true,
    },
    options,
  );
  const consulted = addDays(ballotOn, -70);
  for (const [respondent, organisation, stance, summary] of [
    [
      'Priya Shah',
      'Castle Street Opticians',
      'support',
      'Wants the street rangers on market days and late-night opening.',
    ],
    ['Tom Fenton', 'Fenton Estates Ltd', 'oppose', 'Owners of empty units should not pay while units stand empty.'],
    ['Ann Weaver', 'Weaver Books', 'support', 'Asks for a Christmas market and better signage from the car parks.'],
    ['Brackenfield Hospice Shop', null, 'neutral', 'Welcomes the 80% relief for charities; asks how it is applied.'],
  ] as const)
    await bids.recordConsultation(
      SYSTEM,
      code,
      bid.id,
      { receivedOn: consulted, respondent, organisation: organisation ?? undefined, stance, summary },
      options,
    );
  await bids.importRatingList(
    SYSTEM,
    code,
    bid.id,
    { name: 'brackenfield-rating-list.csv', content: Buffer.from(ratingListCsv(demoRatingList(300))) },
    options,
  );
  await bids.setTimetable(
    SYSTEM,
    code,
    bid.id,
    { noticeOn: addDays(ballotOn, -42), papersOn: addDays(ballotOn, -28), ballotOn },
    options,
  );
  await bids.issuePapers(SYSTEM, code, bid.id, options);
  // The returns are recorded as they arrived, before the close.
  const during = { trx, now: new Date(`${addDays(ballotOn, -1)}T12:00:00Z`) };
  const papers = await bids.repository.papers(trx, bid.id);
  const receivedOn = addDays(ballotOn, -3);
  // A deterministic spread of returns: most yes, some no, a few spoilt.
  for (const [i, paper] of papers.entries()) {
    const n = (i * 37) % 100;
    if (n >= 62) continue;
    if (i === 7) {
      await bids.recordReturn(SYSTEM, code, bid.id, { code: paper.code, outcome: 'spoilt', receivedOn }, during);
      const replacement = await bids.replacePaper(
        SYSTEM,
        code,
        bid.id,
        paper.id,
        { reason: 'Spoilt: both boxes marked' },
        during,
      );
      await bids.recordReturn(SYSTEM, code, bid.id, { code: replacement.code, outcome: 'yes', receivedOn }, during);
      continue;
    }
    const outcome = n < 2 ? 'spoilt' : n < 42 ? 'yes' : 'no';
    await bids.recordReturn(SYSTEM, code, bid.id, { code: paper.code, outcome, receivedOn }, during);
  }
  // One paper arrived the morning after ballot day: late, not counted.
  const late = (await bids.repository.papers(trx, bid.id)).find((p) => p.status === 'issued');
  if (late)
    await bids.recordReturn(
      SYSTEM,
      code,
      bid.id,
      { code: late.code, outcome: 'yes', receivedOn: addDays(ballotOn, 1), receivedTime: '09:30' },
      options,
    );
  // Declared half an hour after the close, as the ballot holder would.
  const counted = new Date(ballotCloses({ ballotOn }, locality.nation).getTime() + 30 * 60_000);
  await bids.declare(SYSTEM, code, bid.id, { trx, now: counted });
  await seedCollections(services, locality, bid.id, ballotOn, { trx, now: new Date(`${today}T12:00:00Z`) });
}

/**
 * The first year's levy, billed once the veto window closed: about three in four levy payers
 * have paid in full, a few in part, the rest are in arrears; and the BID body's first spending.
 */
async function seedCollections(
  services: Services,
  locality: Locality,
  bidId: string,
  ballotOn: string,
  options: { trx: Trx; now: Date },
) {
  const { bids } = services;
  const code = locality.gss_code;
  const bid = await bids.repository.get(options.trx, locality.id, bidId);
  if (!bid) return;
  const lines = (await bids.repository.hereditaments(options.trx, bid.id))
    .filter((row) => eligibility(hereditamentOf(row), eligibilityRulesOf(bid), bid.nation).eligible)
    .map((row) => ({ row, levyPence: levyFor(hereditamentOf(row), levyRulesOf(bid), 1).levyPence }));
  const paidFrom = addDays(ballotOn, 30);
  for (const [i, line] of lines.entries()) {
    const n = (i * 41) % 100;
    if (n >= 82) continue;
    const part = n >= 74;
    const amount = part ? Math.floor(line.levyPence / 2) : line.levyPence;
    await bids.recordCollection(
      SYSTEM,
      code,
      bidId,
      {
        reference: line.row.reference,
        year: 1,
        amountPounds: amount / 100,
        receivedOn: addDays(paidFrom, i % 25),
        note: part ? 'First instalment' : undefined,
      },
      options,
    );
  }
  for (const [heading, pounds, days, description] of [
    ['Setting up the BID company', 1850, 32, 'Incorporation, insurance and the levy payers’ first meeting'],
    ['Street rangers', 4200, 40, 'Two rangers, first month'],
    ['Cleansing', 1320.5, 45, 'Market day cleansing of the Market Place'],
    ['Events', 2600, 50, 'Late-night shopping launch'],
  ] as const)
    await bids.recordSpending(
      SYSTEM,
      code,
      bidId,
      { year: 1, heading, description, amountPounds: pounds, spentOn: addDays(ballotOn, days) },
      options,
    );
}
