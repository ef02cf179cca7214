import type { Services } from '../../services.js';
import { SYSTEM } from '../../core/actor.js';
import type { Locality } from '../../db/tables.js';
import { financialYearOf } from '../resources/rules.js';
import { HEALTH_CHECK_CODE } from './checklists.js';
import type { Scale } from './rules.js';

/** The partnership whose health checks the demo holds, a year apart. */
export const DEMO_ASSESSED = 'Brackenfield Community Safety Partnership';

type Db = Services['exchange']['db'];

/**
 * The demo's assurance: the locality's significance rule (key if 2 of 4 criteria hold), and two
 * governance health checks of the community safety partnership a year apart, the second better
 * than the first, whose one weak answer is an open action for the secretary.
 */
export async function seedDemo(services: Services, locality: Locality, trx: Db, today: string): Promise<void> {
  const { assurance } = services;
  const code = locality.gss_code;
  const options = { trx, today };
  await assurance.saveSignificanceRule(
    SYSTEM,
    code,
    {
      criteria: [
        { kind: 'cost-at-least', amount: 100_000_00 },
        { kind: 'corporate-priority' },
        { kind: 'lasts-at-least', amount: 5 },
        { kind: 'statutory' },
      ],
      required: 2,
    },
    options,
  );
  const partnerships = await assurance.repository.partnerships(trx, locality.id);
  const csp = partnerships.find((p) => p.name === DEMO_ASSESSED);
  if (!csp) return;
  const year = financialYearOf(today);
  // Last year most answers were weak; this year only one is.
  const answerFor = (scale: Scale, index: number, strong: boolean): string => {
    const weak = strong ? index === 3 : index % 2 === 0;
    if (scale === 'one-to-five') return weak ? '2' : '4';
    if (scale === 'rag') return weak ? 'red' : 'green';
    if (scale === 'text') return strong ? 'Reviewed with the board in the spring.' : '';
    return weak ? 'no' : 'yes';
  };
  for (const [y, strong] of [
    [year - 1, false],
    [year, true],
  ] as const) {
    const assessment = await assurance.startAssessment(
      SYSTEM,
      code,
      { partnershipId: csp.id, checklistCode: HEALTH_CHECK_CODE, year: y },
      options,
    );
    const record = await assurance.repository.assessment(trx, locality.id, assessment.id);
    const questions = record?.definition.sections.flatMap((s) => s.questions) ?? [];
    for (const [index, q] of questions.entries())
      await assurance.repository.upsertAnswer(trx, {
        assessment_id: assessment.id,
        question_key: q.key,
        value: answerFor(q.scale, index, strong) || null,
        evidence_kind: 'note',
        evidence: 'Board minutes and the partnership’s annual report',
        confirmed: true,
        answered_by: SYSTEM.id,
      });
    const result = await assurance.submitAssessment(SYSTEM, code, assessment.id, assessment.version, options);
    // The demo's owner is the partnership's secretary by name: demo accounts are made later, if at all.
    for (const action of result.actions)
      await assurance.repository.updateAction(trx, action.id, action.version, {
        owner_name: 'Jo Harding (community safety manager)',
        ...(strong ? {} : { state: 'done', done_note: 'Addressed in the refreshed terms of reference.' }),
      });
  }
}
