/**
 * Assurance pages: the comparison across a locality's partnerships, significance, one
 * partnership's assessments and actions, answering an assessment, the annual review and the
 * audit committee report (HTML and PDF), accreditation, and the checklist editor. Thin: each
 * parses, calls the service and renders.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { NotFoundError, ValidationError } from '../../core/errors.js';
import { formToInput } from '../../core/validation.js';
import type { Services } from '../../services.js';
import { choices, labelled, readFileUpload, submitForm, withDateParts } from '../../web/forms.js';
import { yearLabel } from '../performance/schema.js';
import { financialYearOf } from '../resources/rules.js';
import { assuranceApiRoutes } from './api-routes.js';
import { ACCREDITATION_CODE, HEALTH_CHECK_CODE } from './checklists.js';
import { EVIDENCE_ACCEPT, EVIDENCE_KINDS_TEXT, attachmentHeader } from './evidence.js';
import { reportPdf } from './pdf.js';
import {
  ACCREDITATION_LABELS,
  CHANGE_LABELS,
  CRITERIA,
  CRITERION_LABELS,
  type Criterion,
  FUTURE_LABELS,
  PREFILLS,
  PREFILL_LABELS,
  RATING_LABELS,
  SCALES,
  SCALE_LABELS,
  SCALE_OPTIONS,
} from './rules.js';
import {
  STANCE_LABELS,
  actionInput,
  decisionInput,
  questionInput,
  returnInput,
  reviewInput,
  sectionInput,
} from './schema.js';
import type { AssuranceService } from './service.js';

type Params = { code: string; id: string; key: string; rid: string; checklist: string };
const params = (request: FastifyRequest) => request.params as Params;
const body = (request: FastifyRequest) => (request.body ?? {}) as Record<string, unknown>;
const text = (value: unknown) => (typeof value === 'string' ? value : '');

const LABELS = {
  scale: SCALE_LABELS,
  change: CHANGE_LABELS,
  rating: RATING_LABELS,
  future: FUTURE_LABELS,
  accreditation: ACCREDITATION_LABELS,
  criterion: CRITERION_LABELS,
  prefill: PREFILL_LABELS,
  evidence: { link: 'Link', note: 'Note', pointer: 'Record in Joined Up' } as Record<string, string>,
};
const common = {
  section: 'assurance',
  labels: LABELS,
  scaleOptions: SCALE_OPTIONS,
  yearLabel,
  evidenceAccept: EVIDENCE_ACCEPT,
  evidenceKinds: EVIDENCE_KINDS_TEXT,
};

/** The significance rule's form: a checkbox per criterion, with its threshold beside it. */
function ruleFromForm(form: Record<string, unknown>): { criteria: Criterion[]; required: unknown } {
  const chosen = [form.criteria ?? []].flat().map(String);
  const criteria: Criterion[] = [];
  for (const kind of CRITERIA) {
    if (!chosen.includes(kind)) continue;
    const raw = text(form[`amount-${kind}`]).replace(/[£,\s]/g, '');
    const amount = raw === '' ? undefined : Number(raw);
    criteria.push({
      kind,
      ...(amount !== undefined && Number.isFinite(amount)
        ? { amount: kind === 'cost-at-least' ? Math.round(amount * 100) : amount }
        : {}),
    });
  }
  const required = Number(text(form.required));
  return { criteria, required: text(form.required).trim() === '' || Number.isNaN(required) ? undefined : required };
}

export function assuranceRoutes(app: FastifyInstance, services: Services): void {
  const assurance = services.assurance;
  pageRoutes(app, assurance);
  checklistRoutes(app, assurance);
  assuranceApiRoutes(app, assurance);
}

function pageRoutes(app: FastifyInstance, assurance: AssuranceService): void {
  const base = '/localities/:code/assurance';
  const home = (code: string) => `/localities/${code}/assurance`;

  app.get(base, { config: { access: 'locality-reader' } }, async (request, reply) => {
    const result = await assurance.overview(request.principal, params(request).code);
    return reply.view('assurance/views/overview.njk', {
      ...common,
      title: 'Governance assurance',
      tab: 'overview',
      result,
      locality: result.locality,
    });
  });

  app.get(`${base}/region`, { config: { access: 'locality-reader' } }, async (request, reply) => {
    const result = await assurance.regionComparison(request.principal, params(request).code);
    return reply.view('assurance/views/region.njk', {
      ...common,
      title: `Health checks across ${result.region}`,
      tab: 'overview',
      result,
      locality: result.locality,
    });
  });

  // --- significance -----------------------------------------------------------------------------

  const significanceContext = async (request: FastifyRequest) => {
    const result = await assurance.significance(request.principal, params(request).code);
    return {
      ...common,
      title: 'Significant partnerships',
      tab: 'significance',
      result,
      locality: result.locality,
      criteria: CRITERIA.map((kind) => {
        const c = result.rule.criteria.find((x) => x.kind === kind);
        return {
          kind,
          label: CRITERION_LABELS[kind],
          checked: !!c,
          amount: c?.amount === undefined ? '' : kind === 'cost-at-least' ? String(c.amount / 100) : String(c.amount),
          hasAmount: kind === 'cost-at-least' || kind === 'lasts-at-least' || kind === 'members-at-least',
        };
      }),
    };
  };

  app.get(`${base}/significance`, { config: { access: 'locality-reader' } }, async (request, reply) =>
    reply.view('assurance/views/significance.njk', await significanceContext(request)),
  );

  app.post(`${base}/significance`, { config: { access: 'locality-admin' } }, async (request, reply) => {
    const code = params(request).code;
    return submitForm(
      reply,
      {
        template: 'assurance/views/significance.njk',
        context: () => significanceContext(request),
        values: body(request),
      },
      async () => {
        await assurance.saveSignificanceRule(request.principal, code, ruleFromForm(body(request)));
        return {
          redirect: `${home(code)}/significance`,
          flash: 'The significance rule is saved: every partnership is classified again below.',
        };
      },
    );
  });

  app.post(`${base}/significance/:id`, { config: { access: 'locality-admin' } }, async (request, reply) => {
    const code = params(request).code;
    return submitForm(
      reply,
      {
        template: 'assurance/views/significance.njk',
        context: () => significanceContext(request),
        values: body(request),
      },
      async () => {
        const id = params(request).id;
        try {
          await assurance.setOverride(request.principal, code, id, {
            significant: text(body(request).significant) || undefined,
            reason: text(body(request).reason) || undefined,
          });
        } catch (error) {
          // Each partnership's form has its own fields: the message goes beside the one it is about.
          if (error instanceof ValidationError)
            throw new ValidationError(error.errors.map((e) => ({ ...e, field: `${e.field}-${id}` })));
          throw error;
        }
        return { redirect: `${home(code)}/significance#classification`, flash: 'The decision is recorded.' };
      },
    );
  });

  // --- one partnership, assessments and answers ----------------------------------------------------

  app.get(
    '/localities/:code/partnerships/:id/assurance',
    { config: { access: 'locality-reader' } },
    async (request, reply) => {
      const result = await assurance.partnership(request.principal, params(request).code, params(request).id);
      return reply.view('assurance/views/partnership.njk', {
        ...common,
        title: `Assurance: ${result.partnership.name}`,
        tab: 'overview',
        result,
        locality: result.locality,
        checklistItems: choices(
          result.checklists.map((c) => ({ value: c.code, text: c.title })),
          HEALTH_CHECK_CODE,
        ),
      });
    },
  );

  app.post(`${base}/assessments`, { config: { access: 'locality-reader' } }, async (request, reply) => {
    const code = params(request).code;
    const form = body(request);
    const assessment = await assurance.startAssessment(request.principal, code, {
      partnershipId: text(form.partnershipId),
      checklistCode: text(form.checklistCode),
    });
    return reply.redirectWithFlash(
      `${home(code)}/assessments/${assessment.id}`,
      'Started. Answers the product could fill in are filled in: confirm or correct each. Every answer is saved as you go.',
    );
  });

  const assessmentContext = async (request: FastifyRequest) => {
    const view = await assurance.assessment(request.principal, params(request).code, params(request).id);
    return {
      ...common,
      title: `${view.assessment.checklist_title}: ${view.partnershipName}`,
      tab: 'overview',
      view,
      locality: view.ctx.locality,
      evidenceLimit: assurance.evidenceLimit,
    };
  };

  app.get(`${base}/assessments/:id`, { config: { access: 'locality-reader' } }, async (request, reply) =>
    reply.view('assurance/views/assessment.njk', await assessmentContext(request)),
  );

  app.post(
    `${base}/assessments/:id/answers/:key`,
    { config: { access: 'locality-reader' } },
    async (request, reply) => {
      const { code, id, key } = params(request);
      const form = body(request);
      try {
        await assurance.saveAnswer(request.principal, code, id, key, {
          value: text(form.value) || undefined,
          evidenceKind: text(form.evidenceKind) || undefined,
          evidence: text(form.evidence) || undefined,
        });
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const context = await assessmentContext(request);
        return reply.code(422).view('assurance/views/assessment.njk', {
          ...context,
          errors: error.errors.map((e) => ({ ...e, field: `${key}-${e.field}` })),
          values: {
            [`${key}-value`]: form.value,
            [`${key}-evidenceKind`]: form.evidenceKind,
            [`${key}-evidence`]: form.evidence,
          },
        });
      }
      return reply.redirectWithFlash(`${home(code)}/assessments/${id}#q-${key}`, 'Answer saved.');
    },
  );

  // --- documents as evidence ----------------------------------------------------------------------------

  app.post(
    `${base}/assessments/:id/answers/:key/documents`,
    { config: { access: 'locality-reader' } },
    async (request, reply) => {
      const { code, id, key } = params(request);
      const upload = await readFileUpload(request);
      try {
        if (upload.tooLarge)
          throw new ValidationError([
            { field: 'file', message: `The file must be ${assurance.evidenceLimit} or smaller` },
          ]);
        const document = await assurance.addDocument(request.principal, code, id, key, upload.file);
        return reply.redirectWithFlash(
          `${home(code)}/assessments/${id}#q-${key}-documents`,
          `${document.file_name} is kept as evidence.`,
        );
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return reply.code(422).view('assurance/views/assessment.njk', {
          ...(await assessmentContext(request)),
          errors: error.errors.map((e) => ({ ...e, field: `${key}-${e.field}` })),
        });
      }
    },
  );

  app.get(`${base}/assessments/:id/documents/:rid`, { config: { access: 'signed-in' } }, async (request, reply) => {
    const { code, id, rid } = params(request);
    const document = await assurance.document(request.principal, code, id, rid);
    return reply
      .header('content-type', document.content_type)
      .header('content-disposition', attachmentHeader(document.file_name))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .send(document.content);
  });

  const documentContext = async (request: FastifyRequest) => {
    const context = await assessmentContext(request);
    const document = [...context.view.documents.values()].flat().find((d) => d.id === params(request).rid);
    if (!document) throw new NotFoundError('Document');
    const question = context.view.assessment.definition.sections
      .flatMap((s) => s.questions)
      .find((q) => q.key === document.question_key);
    return { ...context, title: `Remove ${document.file_name}?`, document, questionText: question?.text ?? '' };
  };

  app.get(
    `${base}/assessments/:id/documents/:rid/remove`,
    { config: { access: 'locality-reader' } },
    async (request, reply) => {
      const { code, id } = params(request);
      const context = await documentContext(request);
      const d = context.document;
      // The one "are you sure" page the product's removals share.
      return reply.view('resources/views/remove.njk', {
        ...context,
        summary: [
          { key: 'Document', value: d.file_name },
          { key: 'Evidence for', value: context.questionText },
          { key: 'Uploaded', value: `by ${d.uploaded_by_name}` },
        ],
        action: `${home(code)}/assessments/${id}/documents/${d.id}/remove`,
        back: `${home(code)}/assessments/${id}#q-${d.question_key}`,
        values: {},
      });
    },
  );

  app.post(
    `${base}/assessments/:id/documents/:rid/remove`,
    { config: { access: 'locality-reader' } },
    async (request, reply) => {
      const { code, id, rid } = params(request);
      const { document } = await documentContext(request);
      await assurance.removeDocument(request.principal, code, id, rid);
      return reply.redirectWithFlash(
        `${home(code)}/assessments/${id}#q-${document.question_key}-documents`,
        `${document.file_name} was removed.`,
      );
    },
  );

  app.post(`${base}/assessments/:id/submit`, { config: { access: 'locality-reader' } }, async (request, reply) => {
    const { code, id } = params(request);
    const version = z.coerce.number().int().safeParse(body(request).version);
    if (!version.success)
      throw new ValidationError([
        { field: 'version', message: 'Version must be the whole number read with the record' },
      ]);
    try {
      const result = await assurance.submitAssessment(request.principal, code, id, version.data);
      return reply.redirectWithFlash(
        `${home(code)}/assessments/${id}`,
        `Submitted with a score of ${result.score ?? 'none'}.${result.actions.length ? ` ${result.actions.length} weak answer${result.actions.length === 1 ? ' is' : 's are'} now ${result.actions.length === 1 ? 'an action' : 'actions'}: see below.` : ''}`,
      );
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const context = await assessmentContext(request);
      return reply.code(422).view('assurance/views/assessment.njk', {
        ...context,
        errors: error.errors.map((e) => ({ ...e, field: 'submit' })),
      });
    }
  });

  // --- actions -----------------------------------------------------------------------------------------

  const actionContext = async (request: FastifyRequest) => {
    const result = await assurance.action(request.principal, params(request).code, params(request).id);
    return {
      ...common,
      title: `Action: ${result.action.title}`,
      tab: 'overview',
      result,
      locality: result.locality,
      personItems: choices(
        result.people.map((p) => ({ value: p.id, text: p.name })),
        result.action.owner_user_id,
        'Choose someone',
      ),
    };
  };

  app.get(`${base}/actions/:id`, { config: { access: 'locality-reader' } }, async (request, reply) => {
    const context = await actionContext(request);
    const a = context.result.action;
    return reply.view('assurance/views/action.njk', {
      ...context,
      values: withDateParts({ title: a.title, ownerUserId: a.owner_user_id, dueOn: a.due_on }, ['dueOn']),
    });
  });

  app.post(`${base}/actions/:id`, { config: { access: 'locality-reader' } }, async (request, reply) => {
    const { code, id } = params(request);
    return submitForm(
      reply,
      { template: 'assurance/views/action.njk', context: () => actionContext(request), values: body(request) },
      async () => {
        await assurance.updateAction(request.principal, code, id, formToInput(actionInput, body(request)));
        return { redirect: `${home(code)}/actions/${id}`, flash: 'The action is updated.' };
      },
    );
  });

  app.post(`${base}/actions/:id/done`, { config: { access: 'locality-reader' } }, async (request, reply) => {
    const { code, id } = params(request);
    return submitForm(
      reply,
      { template: 'assurance/views/action.njk', context: () => actionContext(request), values: body(request) },
      async () => {
        await assurance.completeAction(request.principal, code, id, {
          note: text(body(request).note) || undefined,
          version: Number(body(request).version),
        });
        return { redirect: `${home(code)}/actions/${id}`, flash: 'The action is marked done.' };
      },
    );
  });

  // --- annual review ----------------------------------------------------------------------------------

  const reviewsContext = async (request: FastifyRequest) => {
    const result = await assurance.reviews(request.principal, params(request).code);
    return {
      ...common,
      title: 'Annual review of significant partnerships',
      tab: 'reviews',
      result,
      locality: result.locality,
      currentYear: yearLabel(financialYearOf(result.today)),
    };
  };

  app.get(`${base}/reviews`, { config: { access: 'locality-reader' } }, async (request, reply) =>
    reply.view('assurance/views/reviews.njk', await reviewsContext(request)),
  );

  app.post(`${base}/reviews`, { config: { access: 'locality-admin' } }, async (request, reply) => {
    const code = params(request).code;
    return submitForm(
      reply,
      { template: 'assurance/views/reviews.njk', context: () => reviewsContext(request), values: body(request) },
      async () => {
        const review = await assurance.startReview(request.principal, code, formToInput(reviewInput, body(request)));
        return {
          redirect: `${home(code)}/reviews/${review.id}`,
          flash: 'The annual review is sent to the secretaries of the significant partnerships.',
        };
      },
    );
  });

  app.get(`${base}/reviews/:id`, { config: { access: 'locality-reader' } }, async (request, reply) => {
    const result = await assurance.review(request.principal, params(request).code, params(request).id);
    return reply.view('assurance/views/review.njk', {
      ...common,
      title: `Annual review ${yearLabel(result.review.financial_year)}`,
      tab: 'reviews',
      result,
      locality: result.locality,
    });
  });

  app.post(`${base}/reviews/:id/chase`, { config: { access: 'locality-admin' } }, async (request, reply) => {
    const { code, id } = params(request);
    const chased = await assurance.chase(request.principal, code, id);
    return reply.redirectWithFlash(
      `${home(code)}/reviews/${id}`,
      chased
        ? `Reminded the secretaries of ${chased} partnership${chased === 1 ? '' : 's'}.`
        : 'Every return is in: nobody to remind.',
    );
  });

  const returnContext = async (request: FastifyRequest) => {
    const { code, id, rid } = params(request);
    const result = await assurance.returnForm(request.principal, code, id, rid);
    return {
      ...common,
      title: `Annual review: ${result.ret.name}`,
      tab: 'reviews',
      result,
      locality: result.locality,
      futureItems: choices(labelled(FUTURE_LABELS), result.ret.future),
    };
  };

  app.get(`${base}/reviews/:id/returns/:rid`, { config: { access: 'locality-reader' } }, async (request, reply) => {
    const context = await returnContext(request);
    const r = context.result.ret;
    return reply.view('assurance/views/return.njk', {
      ...context,
      values: {
        achievements: r.achievements,
        performance: r.performance,
        risks: r.risks,
        governanceActions: r.governance_actions,
        resources: r.resources,
        future: r.future,
        futureReason: r.future_reason,
      },
    });
  });

  app.post(`${base}/reviews/:id/returns/:rid`, { config: { access: 'locality-reader' } }, async (request, reply) => {
    const { code, id, rid } = params(request);
    return submitForm(
      reply,
      {
        template: 'assurance/views/return.njk',
        context: async () => {
          const context = await returnContext(request);
          return { ...context, futureItems: choices(labelled(FUTURE_LABELS), body(request).future) };
        },
        values: body(request),
      },
      async () => {
        await assurance.submitReturn(request.principal, code, id, rid, formToInput(returnInput, body(request)));
        return { redirect: `${home(code)}/reviews/${id}`, flash: 'The annual review is returned. Thank you.' };
      },
    );
  });

  app.get(`${base}/reviews/:id/report`, { config: { access: 'locality-reader' } }, async (request, reply) => {
    const result = await assurance.report(request.principal, params(request).code, params(request).id);
    return reply.view('assurance/views/report.njk', {
      ...common,
      title: `Audit committee report: significant partnerships ${yearLabel(result.review.financial_year)}`,
      tab: 'reviews',
      year: yearLabel(result.review.financial_year),
      result,
      locality: result.locality,
    });
  });

  app.get(`${base}/reviews/:id/report.pdf`, { config: { access: 'locality-reader' } }, async (request, reply) => {
    const result = await assurance.report(request.principal, params(request).code, params(request).id);
    const pdf = await reportPdf(result);
    return reply
      .type('application/pdf')
      .header('content-disposition', `inline; filename="audit-committee-report-${result.review.financial_year}.pdf"`)
      .send(pdf);
  });

  app.post(`${base}/reviews/:id/compile`, { config: { access: 'locality-admin' } }, async (request, reply) => {
    const { code, id } = params(request);
    await assurance.compile(request.principal, code, id);
    return reply.redirectWithFlash(`${home(code)}/reviews/${id}/report`, 'The report is compiled: returns are closed.');
  });

  // --- accreditation ------------------------------------------------------------------------------------

  app.get(`${base}/accreditation`, { config: { access: 'locality-reader' } }, async (request, reply) => {
    const result = await assurance.accreditations(request.principal, params(request).code);
    return reply.view('assurance/views/accreditations.njk', {
      ...common,
      title: 'LSP accreditation',
      tab: 'accreditation',
      result,
      locality: result.locality,
      accreditationCode: ACCREDITATION_CODE,
    });
  });

  app.post(`${base}/accreditation`, { config: { access: 'register-editor' } }, async (request, reply) => {
    const code = params(request).code;
    const row = await assurance.submitAccreditation(request.principal, code, {
      assessmentId: text(body(request).assessmentId),
    });
    return reply.redirectWithFlash(
      `${home(code)}/accreditation/${row.id}`,
      'Submitted for accreditation. The Government Office adviser for the region is told.',
    );
  });

  const accreditationContext = async (request: FastifyRequest) => {
    const result = await assurance.accreditation(request.principal, params(request).code, params(request).id);
    return {
      ...common,
      title: `Accreditation: ${result.name}`,
      tab: 'accreditation',
      result,
      locality: result.locality,
      stanceLabels: STANCE_LABELS,
      stanceItems: choices(labelled(STANCE_LABELS), body(request).stance ?? result.myView?.stance),
      decisionItems: choices(
        [
          { value: 'accredited', text: 'Accredited' },
          { value: 'accredited-with-conditions', text: 'Accredited with conditions' },
          { value: 'deferred', text: 'Deferred' },
        ],
        body(request).decision,
      ),
    };
  };

  // Signed in, not locality reader: the locality's local stakeholders read this page too (the service decides).
  app.get(`${base}/accreditation/:id`, { config: { access: 'signed-in' } }, async (request, reply) =>
    reply.view('assurance/views/accreditation.njk', { ...(await accreditationContext(request)), values: {} }),
  );

  const accreditationPost = (
    path: string,
    run: (request: FastifyRequest) => Promise<unknown>,
    flash: string,
    access: 'locality-reader' | 'register-editor' | 'signed-in' = 'locality-reader',
  ) =>
    app.post(`${base}/accreditation/:id/${path}`, { config: { access } }, async (request, reply) => {
      const { code, id } = params(request);
      return submitForm(
        reply,
        {
          template: 'assurance/views/accreditation.njk',
          context: () => accreditationContext(request),
          values: body(request),
        },
        async () => {
          await run(request);
          return { redirect: `${home(code)}/accreditation/${id}`, flash };
        },
      );
    });

  accreditationPost(
    'more',
    (request) =>
      assurance.askForMore(request.principal, params(request).code, params(request).id, {
        request: text(body(request).request) || undefined,
        version: Number(body(request).version),
      }),
    'Your request is sent to the partnership’s secretary.',
  );
  accreditationPost(
    'respond',
    (request) =>
      assurance.respond(request.principal, params(request).code, params(request).id, {
        response: text(body(request).response) || undefined,
        version: Number(body(request).version),
      }),
    'Your answer is sent back to the Government Office.',
    'register-editor',
  );
  accreditationPost(
    'decision',
    (request) =>
      assurance.decide(
        request.principal,
        params(request).code,
        params(request).id,
        formToInput(decisionInput as unknown as z.ZodObject, body(request)),
      ),
    'The decision is recorded and published in the public summary.',
  );
  accreditationPost(
    'view',
    (request) =>
      assurance.recordView(request.principal, params(request).code, params(request).id, {
        stance: text(body(request).stance) || undefined,
        comment: text(body(request).comment) || undefined,
        version: text(body(request).version) ? Number(body(request).version) : undefined,
      }),
    'Your view is recorded. The Government Office adviser sees it when deciding.',
    'signed-in',
  );
  accreditationPost(
    'comments',
    (request) =>
      assurance.comment(request.principal, params(request).code, params(request).id, {
        body: text(body(request).body) || undefined,
      }),
    'Your comment is added.',
  );

  app.get('/localities/:code/accreditation', { config: { access: 'public' } }, async (request, reply) => {
    const result = await assurance.publicSummary(params(request).code);
    return reply.view('assurance/views/summary.njk', {
      ...common,
      section: 'partnerships',
      title: `LSP accreditation in ${result.locality.name}`,
      result,
      locality: result.locality,
    });
  });
}

function checklistRoutes(app: FastifyInstance, assurance: AssuranceService): void {
  const common2 = { ...common, section: 'checklists', scales: SCALES };

  app.get('/admin/checklists', { config: { access: 'system-admin' } }, async (request, reply) => {
    const checklists = await assurance.checklists(request.principal);
    return reply.view('assurance/views/checklists.njk', { ...common2, title: 'Checklists', checklists });
  });

  const checklistContext = async (request: FastifyRequest) => {
    const result = await assurance.checklist(request.principal, params(request).checklist);
    return { ...common2, title: result.checklist.title, result, definition: result.current.definition };
  };

  app.get('/admin/checklists/:checklist', { config: { access: 'system-admin' } }, async (request, reply) =>
    reply.view('assurance/views/checklist.njk', await checklistContext(request)),
  );

  app.post('/admin/checklists/:checklist/sections', { config: { access: 'system-admin' } }, async (request, reply) => {
    const code = params(request).checklist;
    return submitForm(
      reply,
      { template: 'assurance/views/checklist.njk', context: () => checklistContext(request), values: body(request) },
      async () => {
        await assurance.addSection(request.principal, code, formToInput(sectionInput, body(request)));
        return {
          redirect: `/admin/checklists/${code}`,
          flash: 'Section added: this is a new version of the checklist.',
        };
      },
    );
  });

  const questionContext = async (request: FastifyRequest, values: Record<string, unknown>) => {
    const context = await checklistContext(request);
    const key = params(request).key;
    return {
      ...context,
      title: key ? 'Change a question' : 'Add a question',
      questionKey: key,
      sectionItems: choices(
        context.definition.sections.map((s) => ({ value: s.key, text: s.title })),
        values.sectionKey,
      ),
      scaleItems: choices(labelled(SCALE_LABELS), values.scale),
      prefillItems: choices(
        PREFILLS.map((p) => ({ value: p, text: PREFILL_LABELS[p] })),
        values.prefill,
        'Nothing: the person answers',
      ),
    };
  };

  const questionValues = async (request: FastifyRequest) => {
    const context = await checklistContext(request);
    const key = params(request).key;
    const section = context.definition.sections.find((s) => s.questions.some((q) => q.key === key));
    const q = section?.questions.find((x) => x.key === key);
    if (key && !q) throw new ValidationError([{ field: 'key', message: 'No such question' }]);
    return q
      ? {
          key: q.key,
          sectionKey: section?.key,
          text: q.text,
          help: q.help,
          scale: q.scale,
          evidenceRequired: q.evidenceRequired ? 'true' : '',
          weight: String(q.weight),
          prefill: q.prefill,
        }
      : { weight: '1', scale: 'yes-partly-no' };
  };

  for (const path of ['/admin/checklists/:checklist/questions/new', '/admin/checklists/:checklist/questions/:key']) {
    app.get(path, { config: { access: 'system-admin' } }, async (request, reply) => {
      const values = await questionValues(request);
      return reply.view('assurance/views/question-form.njk', { ...(await questionContext(request, values)), values });
    });
  }

  for (const path of ['/admin/checklists/:checklist/questions', '/admin/checklists/:checklist/questions/:key']) {
    app.post(path, { config: { access: 'system-admin' } }, async (request, reply) => {
      const code = params(request).checklist;
      return submitForm(
        reply,
        {
          template: 'assurance/views/question-form.njk',
          context: () => questionContext(request, body(request)),
          values: body(request),
        },
        async () => {
          const saved = await assurance.saveQuestion(
            request.principal,
            code,
            formToInput(questionInput, body(request)),
            params(request).key,
          );
          return {
            redirect: `/admin/checklists/${code}`,
            flash: `Saved as version ${saved.version}. Assessments already started keep the version they were answered on.`,
          };
        },
      );
    });
  }
}
