import type { Services } from '../../services.js';
import type { Locality } from '../../db/tables.js';
import { addMonthsTo, weightedScore } from './rules.js';
import { keyedCriteria } from './schema.js';

type Trx = Services['exchange']['db'];

/**
 * Brackenfield's Community Chest: one round open now (a fortnight in, a month to go) with a
 * £10,000 budget and three weighted criteria; two applications sent, both scored by two
 * assessors: one awarded £1,500, paid in two instalments (the first paid), the other waiting for
 * a decision. Fictional groups and figures, written in the seed's transaction.
 */
export const DEMO_FUND = 'Brackenfield Community Chest';
export const DEMO_ROUND = 'Neighbourhood grants';
export const DEMO_AWARDED_GROUP = 'Kingsmead Community Garden';

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export async function seedDemo(services: Services, locality: Locality, trx: Trx, today: string): Promise<void> {
  const repository = services.funds.repository;
  const fund = await repository.insertFund(trx, {
    locality_id: locality.id,
    kind: 'community-chest',
    name: DEMO_FUND,
    description:
      'Grants of up to £2,500 for residents’ groups and small voluntary groups to take part in local partnerships and improve their neighbourhood.',
    funder_name: 'Brackenfield District Council',
    funder_identifier: 'GB-LAE-BRK',
  });
  const criteria = keyedCriteria([
    { label: 'Need in the area', weight: 3 },
    { label: 'Reaches people not often heard', weight: 2 },
    { label: 'Value for money', weight: 1 },
  ]);
  const opensOn = addDays(today, -14);
  const round = await repository.insertRound(trx, {
    locality_id: locality.id,
    fund_id: fund.id,
    title: DEMO_ROUND,
    budget_pence: 1_000_000,
    eligibility:
      'Constituted community and voluntary groups working in Brackenfield with a yearly income under £100,000. Individuals, political groups and statutory bodies may not apply.',
    criteria,
    opens_on: opensOn,
    closes_on: addDays(today, 30),
    moderation_threshold: 15,
  });
  const sentAt = new Date(`${addDays(today, -7)}T10:00:00Z`);
  const applications = [
    {
      reference: `CC-${opensOn.slice(0, 4)}-DEMO01`,
      group_name: DEMO_AWARDED_GROUP,
      group_kind: 'community-group',
      charity_number: null,
      contact_name: 'Ade Okafor',
      contact_email: 'garden@kingsmead.example',
      postcode: 'BF2 4KG',
      title: 'Raised beds and a tool store',
      description: 'Twelve raised beds on the Kingsmead estate’s unused green, with a lockable tool store.',
      amount_pence: 180_000,
      outcomes: 'Thirty households growing food; a monthly open day bringing neighbours together.',
      scores: [
        [4, 4, 3],
        [4, 3, 4],
      ],
    },
    {
      reference: `CC-${opensOn.slice(0, 4)}-DEMO02`,
      group_name: 'Brackenfield Young Carers Forum',
      group_kind: 'charity',
      charity_number: '1187654',
      contact_name: 'Sam Whitley',
      contact_email: 'forum@youngcarers.example',
      postcode: 'BF1 3YC',
      title: 'Young carers’ voice at the children’s partnership',
      description:
        'Travel and cover so that young carers can attend and speak at the children and families partnership.',
      amount_pence: 95_000,
      outcomes: 'Young carers attend four partnership meetings a year and two of their proposals are taken up.',
      scores: [
        [5, 5, 3],
        [4, 5, 4],
      ],
    },
  ];
  for (const [i, spec] of applications.entries()) {
    const { scores, ...values } = spec;
    const awarded = i === 0;
    const application = await repository.insertApplication(trx, {
      locality_id: locality.id,
      round_id: round.id,
      state: awarded ? 'awarded' : 'submitted',
      ...values,
      submitted_at: sentAt,
      ...(awarded
        ? {
            awarded_pence: 150_000,
            decision_reason: 'Strong local need and good value; the tool store is funded from the group’s own savings.',
            decided_by: 'Alex Admin',
            decided_at: new Date(`${addDays(today, -2)}T14:00:00Z`),
          }
        : {}),
    });
    for (const [n, assessor] of ['Pat Panel', 'Alex Admin'].entries()) {
      const byCriterion = Object.fromEntries(criteria.map((c, k) => [c.key, scores[n]?.[k] ?? 0]));
      await repository.insertAssessment(trx, {
        application_id: application.id,
        assessor_id: `demo:${assessor.toLowerCase().replace(/\s+/g, '-')}`,
        assessor_label: assessor,
        scores: byCriterion,
        score: weightedScore(criteria, byCriterion),
        comment: null,
      });
    }
    if (awarded) {
      await repository.replacePayments(trx, application.id, [
        { number: 1, dueOn: addDays(today, -1), amountPence: 75_000 },
        { number: 2, dueOn: addMonthsTo(addDays(today, -1), 3), amountPence: 75_000 },
      ]);
      const [first] = await repository.payments(trx, application.id);
      if (first) await repository.markPaid(trx, first.id, addDays(today, -1), 'Alex Admin');
    }
  }
}
