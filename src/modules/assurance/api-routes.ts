/**
 * The assurance API: the checklists, a partnership's assessments with their scores by section,
 * answering and submitting (version-checked), the significance classification with its reasons,
 * the annual reviews with their returns, and the governance actions. Thin: the service decides
 * who may read and do what, exactly as for the pages.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { parseInput, recordVersion } from '../../core/validation.js';
import { apiRoute } from '../../web/api.js';
import type { AssessmentRecord } from './repository.js';
import { CRITERIA, FUTURES, PREFILLS, SCALES, type Scores } from './rules.js';
import { answerInput } from './schema.js';
import type { AssuranceService } from './service.js';

type Params = { code: string; id: string; key: string };
const params = (request: FastifyRequest) => request.params as Params;

const localityParams = z.object({
  code: z.string().meta({ description: 'ONS GSS code of the locality, e.g. E07000041' }),
});
const recordParams = localityParams.extend({ id: z.uuid() });
const answerParams = recordParams.extend({
  key: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,59}$/)
    .meta({ description: 'The question’s key in the checklist version the assessment was started on' }),
});

const questionOutput = z.object({
  key: z.string(),
  text: z.string(),
  help: z.string().nullable(),
  scale: z.enum(SCALES),
  evidenceRequired: z.boolean(),
  weight: z.number(),
  prefill: z.enum(PREFILLS).nullable().meta({ description: 'What Joined Up fills in from its own records' }),
});
const checklistOutput = z.object({
  code: z.string(),
  title: z.string(),
  purpose: z.enum(['health-check', 'improvement', 'accreditation']),
  description: z.string(),
  version: z.number().int().meta({ description: 'The current version; assessments keep the one they started on' }),
  sections: z.array(
    z.object({ key: z.string(), title: z.string(), weight: z.number(), questions: z.array(questionOutput) }),
  ),
});

const assessmentOutput = z.object({
  id: z.string(),
  partnershipId: z.string(),
  checklist: z.object({ code: z.string(), title: z.string(), version: z.number().int() }),
  financialYear: z.number().int().meta({ description: 'The year the financial year starts, e.g. 2026 for 2026–27' }),
  state: z.enum(['in-progress', 'submitted']),
  score: z.number().int().nullable().meta({ description: 'Out of 100, weighted; null while nothing is answered' }),
  answered: z.number().int(),
  questions: z.number().int(),
  sections: z.array(
    z.object({
      key: z.string(),
      title: z.string(),
      score: z.number().int().nullable().meta({ description: 'Out of 100; null while nothing scored is answered' }),
      answered: z.number().int(),
    }),
  ),
  submittedAt: z.string().nullable(),
  version: z.number().int(),
});

function assessmentJson(view: { assessment: AssessmentRecord; scores: Scores }): z.output<typeof assessmentOutput> {
  const a = view.assessment;
  return {
    id: a.id,
    partnershipId: a.partnership_id,
    checklist: { code: a.checklist_code, title: a.checklist_title, version: a.checklist_version },
    financialYear: a.financial_year,
    state: a.state as 'submitted',
    score: view.scores.overall,
    answered: view.scores.answered,
    questions: view.scores.questions,
    sections: view.scores.sections.map((s) => ({ key: s.key, title: s.title, score: s.score, answered: s.answered })),
    submittedAt: a.submitted_at ? new Date(a.submitted_at).toISOString() : null,
    version: a.version,
  };
}

/** The API sends the version it read: an answer based on an older reading is refused. */
const apiAnswerInput = answerInput.extend({ version: recordVersion() });
const submitInput = z.object({ version: recordVersion() });

const classificationOutput = z.object({
  rule: z.object({
    criteria: z.array(z.object({ kind: z.enum(CRITERIA), amount: z.number().optional() })),
    required: z.number().int().meta({ description: 'How many criteria must hold: the N of "N of M"' }),
    isDefault: z.boolean(),
  }),
  partnerships: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      significant: z.boolean(),
      met: z.number().int(),
      of: z.number().int(),
      why: z.string().meta({ description: 'The classification in a sentence, the override first where there is one' }),
      reasons: z.array(z.object({ kind: z.enum(CRITERIA), holds: z.boolean(), because: z.string() })),
      override: z.object({ significant: z.boolean(), reason: z.string() }).nullable(),
    }),
  ),
});

const returnOutput = z.object({
  id: z.string(),
  partnershipId: z.string(),
  partnershipName: z.string(),
  state: z.enum(['sent', 'returned']),
  achievements: z.string().nullable(),
  performance: z.string().nullable(),
  risks: z.string().nullable(),
  governanceActions: z.string().nullable(),
  resources: z.string().nullable(),
  future: z.enum(FUTURES).nullable(),
  futureReason: z.string().nullable(),
  returnedAt: z.string().nullable(),
  chasedAt: z.string().nullable(),
  version: z.number().int(),
});
const reviewOutput = z.object({
  id: z.string(),
  financialYear: z.number().int(),
  deadline: z.string(),
  state: z.enum(['open', 'compiled']),
  compiledAt: z.string().nullable(),
  returns: z.array(returnOutput),
});

const actionOutput = z.object({
  id: z.string(),
  partnershipId: z.string(),
  assessmentId: z.string().nullable(),
  questionKey: z.string().nullable(),
  title: z.string(),
  ownerUserId: z.string().nullable(),
  ownerName: z.string(),
  dueOn: z.string(),
  state: z.enum(['open', 'done']),
  doneNote: z.string().nullable(),
  version: z.number().int(),
});
const actionQuery = z.object({
  state: z.enum(['open', 'done']).optional().meta({ description: 'Only the open, or only the done, actions' }),
});

const iso = (value: Date | string | null) => (value ? new Date(value).toISOString() : null);

export function assuranceApiRoutes(app: FastifyInstance, assurance: AssuranceService): void {
  const tag = 'Governance assurance';
  const base = '/api/v1/localities/:code';

  apiRoute(app, {
    method: 'GET',
    url: '/api/v1/assurance/checklists',
    operationId: 'listAssuranceChecklists',
    summary: 'The governance checklists at their current versions: sections, questions, scales and weights',
    tag,
    access: 'signed-in',
    response: z.array(checklistOutput),
    handler: async (request) =>
      (await assurance.currentChecklists(request.principal)).map(({ checklist, current }) => ({
        code: checklist.code,
        title: checklist.title,
        purpose: checklist.purpose as 'health-check',
        description: checklist.description,
        version: current.version,
        sections: current.definition.sections.map((s) => ({
          key: s.key,
          title: s.title,
          weight: s.weight,
          questions: s.questions.map((q) => ({
            key: q.key,
            text: q.text,
            help: q.help ?? null,
            scale: q.scale,
            evidenceRequired: q.evidenceRequired,
            weight: q.weight,
            prefill: q.prefill ?? null,
          })),
        })),
      })),
  });

  apiRoute(app, {
    method: 'GET',
    url: `${base}/partnerships/:id/assessments`,
    operationId: 'listPartnershipAssessments',
    summary: 'A partnership’s governance assessments on every checklist, newest first, with scores by section',
    tag,
    access: 'locality-reader',
    params: recordParams,
    response: z.array(assessmentOutput),
    handler: async (request) =>
      (await assurance.partnershipAssessments(request.principal, params(request).code, params(request).id)).map(
        assessmentJson,
      ),
  });

  apiRoute(app, {
    method: 'PUT',
    url: `${base}/assessments/:id/answers/:key`,
    operationId: 'answerAssessmentQuestion',
    summary:
      'Answer one question of an assessment in progress, as read at its version (the partnership’s secretary or chair, or the LSP manager); a pre-filled answer is confirmed or corrected',
    tag,
    access: 'locality-reader',
    params: answerParams,
    body: apiAnswerInput,
    response: assessmentOutput,
    handler: async (request) => {
      const { code, id, key } = params(request);
      const input = parseInput(apiAnswerInput, request.body);
      await assurance.saveAnswer(request.principal, code, id, key, input);
      return assessmentJson(await assurance.scoredAssessment(request.principal, code, id));
    },
  });

  apiRoute(app, {
    method: 'POST',
    url: `${base}/assessments/:id/submit`,
    operationId: 'submitAssessment',
    summary:
      'Submit a complete assessment as read at its version: its score is kept and each weak answer becomes an action',
    tag,
    access: 'locality-reader',
    params: recordParams,
    body: submitInput,
    response: assessmentOutput,
    handler: async (request) => {
      const { code, id } = params(request);
      const { version } = parseInput(submitInput, request.body);
      await assurance.submitAssessment(request.principal, code, id, version);
      return assessmentJson(await assurance.scoredAssessment(request.principal, code, id));
    },
  });

  apiRoute(app, {
    method: 'GET',
    url: `${base}/assurance/significance`,
    operationId: 'getSignificance',
    summary: 'The locality’s significance rule and every live partnership classified by it, with the reasons',
    tag,
    access: 'locality-reader',
    params: localityParams,
    response: classificationOutput,
    handler: async (request) => {
      const result = await assurance.significance(request.principal, params(request).code);
      return {
        rule: { criteria: result.rule.criteria, required: result.rule.required, isDefault: result.isDefault },
        partnerships: result.rows.map((r) => ({
          id: r.partnership.id,
          name: r.partnership.name,
          significant: r.classification.significant,
          met: r.classification.met,
          of: r.classification.of,
          why: r.why,
          reasons: r.classification.reasons,
          override: r.classification.override,
        })),
      };
    },
  });

  apiRoute(app, {
    method: 'GET',
    url: `${base}/assurance/reviews`,
    operationId: 'listAnnualReviews',
    summary: 'The locality’s annual reviews of significant partnerships, newest first, with each partnership’s return',
    tag,
    access: 'locality-reader',
    params: localityParams,
    response: z.array(reviewOutput),
    handler: async (request) =>
      (await assurance.reviewsWithReturns(request.principal, params(request).code)).map(({ review, returns }) => ({
        id: review.id,
        financialYear: review.financial_year,
        deadline: review.deadline,
        state: review.state as 'open',
        compiledAt: iso(review.compiled_at),
        returns: returns.map((r) => ({
          id: r.id,
          partnershipId: r.partnership_id,
          partnershipName: r.name,
          state: r.state as 'sent',
          achievements: r.achievements,
          performance: r.performance,
          risks: r.risks,
          governanceActions: r.governance_actions,
          resources: r.resources,
          future: r.future as 'continue' | null,
          futureReason: r.future_reason,
          returnedAt: iso(r.returned_at),
          chasedAt: iso(r.chased_at),
          version: r.version,
        })),
      })),
  });

  apiRoute(app, {
    method: 'GET',
    url: `${base}/assurance/actions`,
    operationId: 'listAssuranceActions',
    summary: 'The locality’s governance actions from weak answers, open ones first, with owners and due dates',
    tag,
    access: 'locality-reader',
    params: localityParams,
    query: actionQuery,
    response: z.array(actionOutput),
    handler: async (request) => {
      const { state } = actionQuery.parse(request.query ?? {});
      const { actions } = await assurance.actionList(request.principal, params(request).code, state);
      return actions.map((a) => ({
        id: a.id,
        partnershipId: a.partnership_id,
        assessmentId: a.assessment_id,
        questionKey: a.question_key,
        title: a.title,
        ownerUserId: a.owner_user_id,
        ownerName: a.owner_name,
        dueOn: a.due_on,
        state: a.state as 'open',
        doneNote: a.done_note,
        version: a.version,
      }));
    },
  });
}
