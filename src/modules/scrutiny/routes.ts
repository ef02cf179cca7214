/**
 * Scrutiny, risk and accountability pages: the scrutiny workspace (committees, work programme,
 * reviews, evidence packs, the recommendations monitor), the risk registers with their heat
 * map, and the LSP accountability dashboard. Thin: each parses, calls the service and renders.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { formToInput } from '../../core/validation.js';
import type { Services } from '../../services.js';
import { choices, labelled, submitForm, withDateParts } from '../../web/forms.js';
import { STATUS_LABELS } from '../performance/status.js';
import { scrutinyApiRoutes } from './api-routes.js';
import { scrutinyChangeRoutes } from './change-routes.js';
import { packPdf } from './pdf.js';
import {
  LEVER_KIND_LABELS,
  RAG_LABELS,
  RECOMMENDATION_STATUS_LABELS,
  RISK_BAND_LABELS,
  TREND_LABELS,
} from './rules.js';
import {
  CONSULTATION_GROUP_LABELS,
  CONSULTATION_METHOD_LABELS,
  REVIEW_KIND_LABELS,
  REVIEW_STATUS_LABELS,
  committeeInput,
  consultationInput,
  difficultDecisionInput,
  findingsInput,
  leverInput,
  recommendationInput,
  responseInput,
  reviewInput,
  riskInput,
  riskReviewInput,
  settingsInput,
  actionInput,
  progressInput,
} from './schema.js';
import { LSP_LABEL, type ScrutinyService } from './service.js';

type Params = { code: string; id: string; actionId: string };
const params = (request: FastifyRequest) => request.params as Params;
const body = (request: FastifyRequest) => (request.body ?? {}) as Record<string, unknown>;
const query = (request: FastifyRequest) => (request.query ?? {}) as Record<string, unknown>;

const LABELS = {
  band: RISK_BAND_LABELS,
  trend: TREND_LABELS,
  rag: RAG_LABELS,
  recommendation: RECOMMENDATION_STATUS_LABELS,
  reviewKind: REVIEW_KIND_LABELS,
  reviewStatus: REVIEW_STATUS_LABELS,
  lever: LEVER_KIND_LABELS,
  performance: { ...STATUS_LABELS, 'no-data': 'No data' } as Record<string, string>,
  sector: { public: 'Public', private: 'Private', voluntary: 'Voluntary', community: 'Community' } as Record<
    string,
    string
  >,
  addressee: { partnership: 'A partnership', organisation: 'An organisation', lsp: 'The LSP' } as Record<
    string,
    string
  >,
};
const BAND_TAG: Record<string, string> = {
  low: 'govuk-tag--green',
  medium: 'govuk-tag--yellow',
  high: 'govuk-tag--orange',
  'very-high': 'govuk-tag--red',
};
const RAG_TAG: Record<string, string> = {
  red: 'govuk-tag--red',
  amber: 'govuk-tag--orange',
  green: 'govuk-tag--green',
  complete: 'govuk-tag--blue',
  closed: 'govuk-tag--grey',
};

const scaleItems = (size: number, current: unknown) =>
  choices(
    Array.from({ length: size }, (_, i) => ({ value: String(i + 1), text: String(i + 1) })),
    current,
    'Choose',
  );

export function scrutinyRoutes(app: FastifyInstance, services: Services): void {
  const scrutiny = services.scrutiny;
  scrutinyPages(app, scrutiny);
  riskPages(app, scrutiny);
  accountabilityPages(app, scrutiny);
  scrutinyChangeRoutes(app, scrutiny, common, reviewFormContext(scrutiny));
  scrutinyApiRoutes(app, scrutiny);
}

const common = {
  labels: LABELS,
  bandTag: BAND_TAG,
  ragTag: RAG_TAG,
  lspLabel: LSP_LABEL,
  consultationGroups: CONSULTATION_GROUP_LABELS,
  consultationMethods: CONSULTATION_METHOD_LABELS,
};

/** The review form's context: the committees, kinds, themes and partnerships to choose from. */
const reviewFormContext =
  (scrutiny: ScrutinyService) => async (request: FastifyRequest, values: Record<string, unknown>) => {
    const result = await scrutiny.overview(request.principal, params(request).code);
    const themes = await scrutiny.themeNames();
    return {
      ...common,
      section: 'scrutiny',
      title: 'Start a review',
      tab: 'overview',
      locality: result.locality,
      committeeItems: choices(
        result.committees.map((c) => ({ value: c.id, text: c.name })),
        values.committeeId ?? (result.committees.length === 1 ? result.committees[0]?.id : undefined),
        result.committees.length === 1 ? undefined : 'Choose a committee',
      ),
      kindItems: choices(labelled(REVIEW_KIND_LABELS), values.kind),
      scopeKindValue: values.scopeKind,
      themeItems: choices(
        [...themes].map(([value, text]) => ({ value, text })),
        values.scopeTheme,
        'Choose a theme',
      ),
      partnershipItems: choices(
        result.partnerships.map((p) => ({ value: p.id, text: p.name })),
        values.scopePartnershipId,
        'Choose a partnership',
      ),
      hasCommittee: result.committees.length > 0,
    };
  };

function scrutinyPages(app: FastifyInstance, scrutiny: ScrutinyService): void {
  const base = '/localities/:code/scrutiny';
  const home = (code: string) => `/localities/${code}/scrutiny`;
  const page = { ...common, section: 'scrutiny' };

  app.get(base, { config: { access: 'locality-reader' } }, async (request, reply) => {
    const result = await scrutiny.overview(request.principal, params(request).code);
    return reply.view('scrutiny/views/overview.njk', {
      ...page,
      title: 'Overview and scrutiny',
      tab: 'overview',
      locality: result.locality,
      result,
      overdue: result.monitor.filter((r) => r.overdue).length,
    });
  });

  // --- committees ---------------------------------------------------------------------------------

  const committeeForm = async (request: FastifyRequest) => {
    const ctx = await scrutiny.context(request.principal, params(request).code);
    return { ...page, title: 'Set up a committee', tab: 'overview', locality: ctx.locality };
  };
  app.get(`${base}/committees/new`, { config: { access: 'scrutiny' } }, async (request, reply) =>
    reply.view('scrutiny/views/committee-form.njk', { ...(await committeeForm(request)), values: {} }),
  );
  app.post(`${base}/committees`, { config: { access: 'scrutiny' } }, async (request, reply) => {
    const values = body(request);
    const code = params(request).code;
    return submitForm(
      reply,
      { template: 'scrutiny/views/committee-form.njk', context: () => committeeForm(request), values },
      async () => {
        const committee = await scrutiny.createCommittee(request.principal, code, formToInput(committeeInput, values));
        return { redirect: home(code), flash: `${committee.name} is set up` };
      },
    );
  });

  // --- reviews -------------------------------------------------------------------------------------

  const reviewForm = reviewFormContext(scrutiny);
  app.get(`${base}/reviews/new`, { config: { access: 'scrutiny' } }, async (request, reply) => {
    const { kind, followUp } = query(request);
    const values =
      typeof followUp === 'string' && followUp ? await followUpValues(request, followUp) : withDateParts({ kind }, []);
    return reply.view('scrutiny/views/review-form.njk', { ...(await reviewForm(request, values)), values });
  });
  /** The follow-up of a review, as the committee would start it: same committee and scope, on its follow-up date. */
  const followUpValues = async (request: FastifyRequest, reviewId: string) => {
    const { review } = await scrutiny.review(request.principal, params(request).code, reviewId);
    return withDateParts(
      {
        committeeId: review.committee_id,
        kind: review.kind,
        title: `Follow-up: ${review.title}`.slice(0, 200),
        scopeKind: review.scope_kind,
        scopeTheme: review.scope_theme ?? '',
        scopePartnershipId: review.scope_partnership_id ?? '',
        scope: review.scope,
        questions: `Have the recommendations of “${review.title}” been carried out, and with what effect?`,
        startsOn: review.follow_up_on ?? '',
      },
      ['startsOn'],
    );
  };
  app.post(`${base}/reviews`, { config: { access: 'scrutiny' } }, async (request, reply) => {
    const values = body(request);
    const code = params(request).code;
    return submitForm(
      reply,
      { template: 'scrutiny/views/review-form.njk', context: () => reviewForm(request, values), values },
      async () => {
        const review = await scrutiny.createReview(request.principal, code, formToInput(reviewInput, values));
        return { redirect: `${home(code)}/reviews/${review.id}`, flash: `The review “${review.title}” has started` };
      },
    );
  });

  const reviewPage = async (request: FastifyRequest, values: Record<string, unknown> = {}) => {
    const result = await scrutiny.review(request.principal, params(request).code, params(request).id);
    return {
      ...page,
      title: result.review.title,
      tab: 'overview',
      locality: result.locality,
      result,
      addresseeItems: choices(labelled(LABELS.addressee), values.addresseeKind),
      partnershipItems: choices(
        result.partnerships.map((p) => ({ value: p.id, text: p.name })),
        values.partnershipId ?? result.review.scope_partnership_id,
        'Choose a partnership',
      ),
      organisationItems: choices(
        result.organisations.map((o) => ({ value: o.id, text: o.name })),
        values.organisationId,
        'Choose an organisation',
      ),
      statusItems: choices(labelled(REVIEW_STATUS_LABELS), values.status ?? result.review.status),
      findingsValue: values.findings ?? result.review.findings ?? '',
    };
  };
  app.get(`${base}/reviews/:id`, { config: { access: 'locality-reader' } }, async (request, reply) =>
    reply.view('scrutiny/views/review.njk', { ...(await reviewPage(request)), values: {} }),
  );
  app.post(`${base}/reviews/:id/findings`, { config: { access: 'scrutiny' } }, async (request, reply) => {
    const values = body(request);
    const { code, id } = params(request);
    return submitForm(
      reply,
      { template: 'scrutiny/views/review.njk', context: () => reviewPage(request, values), values },
      async () => {
        await scrutiny.recordFindings(request.principal, code, id, formToInput(findingsInput, values));
        return { redirect: `${home(code)}/reviews/${id}`, flash: 'The findings are recorded' };
      },
    );
  });
  app.post(`${base}/reviews/:id/packs`, { config: { access: 'scrutiny' } }, async (request, reply) => {
    const { code, id } = params(request);
    const pack = await scrutiny.issuePack(request.principal, code, id);
    return reply.redirectWithFlash(
      `${home(code)}/packs/${pack.id}`,
      'The evidence pack is issued: it shows the data as it is today, and will not change',
    );
  });
  app.post(`${base}/reviews/:id/recommendations`, { config: { access: 'scrutiny' } }, async (request, reply) => {
    const values = body(request);
    const { code, id } = params(request);
    return submitForm(
      reply,
      { template: 'scrutiny/views/review.njk', context: () => reviewPage(request, values), values },
      async () => {
        const rec = await scrutiny.addRecommendation(
          request.principal,
          code,
          id,
          formToInput(recommendationInput, values),
        );
        return {
          redirect: `${home(code)}/reviews/${id}#recommendations`,
          flash: `Recommendation ${rec.number} is made, and its addressee has been told`,
        };
      },
    );
  });

  // --- evidence packs ------------------------------------------------------------------------------

  app.get(`${base}/packs/:id`, { config: { access: 'locality-reader' } }, async (request, reply) => {
    const result = await scrutiny.pack(request.principal, params(request).code, params(request).id);
    return reply.view('scrutiny/views/pack.njk', {
      ...page,
      title: result.snapshot.title,
      locality: result.locality,
      result,
      s: result.snapshot,
    });
  });
  app.get(`${base}/packs/:id/pdf`, { config: { access: 'locality-reader' } }, async (request, reply) => {
    const result = await scrutiny.pack(request.principal, params(request).code, params(request).id);
    const pdf = await packPdf(result.snapshot, result.pack.issued_on);
    return reply
      .type('application/pdf')
      .header('content-disposition', `inline; filename="evidence-pack-${result.pack.issued_on}.pdf"`)
      .send(pdf);
  });

  // --- recommendations monitor ------------------------------------------------------------------------

  app.get(`${base}/recommendations`, { config: { access: 'locality-reader' } }, async (request, reply) => {
    const rag = typeof query(request).rag === 'string' ? (query(request).rag as string) : '';
    const result = await scrutiny.monitor(request.principal, params(request).code, { rag: rag || undefined });
    return reply.view('scrutiny/views/monitor.njk', {
      ...page,
      title: 'Recommendations monitor',
      tab: 'monitor',
      locality: result.locality,
      result,
      rag,
      ragItems: choices(
        [
          { value: 'overdue', text: 'Overdue' },
          ...(['red', 'amber', 'green', 'complete', 'closed'] as const).map((r) => ({ value: r, text: RAG_LABELS[r] })),
        ],
        rag,
        'Any',
      ),
    });
  });

  const recommendationPage = async (request: FastifyRequest, values: Record<string, unknown> = {}) => {
    const result = await scrutiny.recommendation(request.principal, params(request).code, params(request).id);
    return {
      ...page,
      title: `Recommendation ${result.view.row.number}: ${result.view.reviewTitle}`,
      tab: 'monitor',
      locality: result.locality,
      result,
      v: result.view,
      responseItems: choices(
        [
          { value: 'accepted', text: 'Accepted' },
          { value: 'partly-accepted', text: 'Partly accepted' },
          { value: 'rejected', text: 'Rejected' },
        ],
        values.response,
      ),
    };
  };
  app.get(`${base}/recommendations/:id`, { config: { access: 'locality-reader' } }, async (request, reply) =>
    reply.view('scrutiny/views/recommendation.njk', { ...(await recommendationPage(request)), values: {} }),
  );
  const recommendationPost = (
    path: string,
    schema: Parameters<typeof formToInput>[0],
    act: (request: FastifyRequest, input: Record<string, unknown>) => Promise<unknown>,
    flash: string,
  ) =>
    app.post(
      `${base}/recommendations/:id${path}`,
      { config: { access: 'locality-reader' } },
      async (request, reply) => {
        const values = body(request);
        const { code, id } = params(request);
        return submitForm(
          reply,
          {
            template: 'scrutiny/views/recommendation.njk',
            context: () => recommendationPage(request, values),
            values,
          },
          async () => {
            await act(request, formToInput(schema, values));
            return { redirect: `${home(code)}/recommendations/${id}`, flash };
          },
        );
      },
    );
  recommendationPost(
    '/response',
    responseInput,
    (request, input) => scrutiny.respond(request.principal, params(request).code, params(request).id, input),
    'Your response is recorded and the committee has been told',
  );
  recommendationPost(
    '/actions',
    actionInput,
    (request, input) => scrutiny.addAction(request.principal, params(request).code, params(request).id, input),
    'The action is added',
  );
  recommendationPost(
    '/actions/:actionId',
    progressInput,
    (request, input) =>
      scrutiny.updateProgress(
        request.principal,
        params(request).code,
        params(request).id,
        params(request).actionId,
        input,
      ),
    'The progress is recorded',
  );
  app.post(`${base}/recommendations/:id/sign-off`, { config: { access: 'scrutiny' } }, async (request, reply) => {
    const { code, id } = params(request);
    const event = body(request).event === 'reopen' ? 'reopen' : 'complete';
    return submitForm(
      reply,
      {
        template: 'scrutiny/views/recommendation.njk',
        context: () => recommendationPage(request),
        values: {},
      },
      async () => {
        await scrutiny.signOff(request.principal, code, id, event);
        return {
          redirect: `${home(code)}/recommendations/${id}`,
          flash: event === 'complete' ? 'Signed off as implemented' : 'Reopened',
        };
      },
    );
  });
}

function riskPages(app: FastifyInstance, scrutiny: ScrutinyService): void {
  const base = '/localities/:code/risks';
  const home = (code: string) => `/localities/${code}/risks`;
  const page = { ...common, section: 'scrutiny' };

  app.get(base, { config: { access: 'public' } }, async (request, reply) => {
    const register = typeof query(request).register === 'string' ? (query(request).register as string) : '';
    const result = await scrutiny.risks(request.principal, params(request).code, { register: register || undefined });
    return reply.view('scrutiny/views/risks.njk', {
      ...page,
      title: 'Risk registers',
      tab: 'risks',
      locality: result.locality,
      result,
      registerItems: choices(
        [{ value: 'lsp', text: LSP_LABEL }, ...result.partnerships.map((p) => ({ value: p.id, text: p.name }))],
        register,
        'Every register',
      ),
    });
  });

  const riskForm = async (request: FastifyRequest, values: Record<string, unknown>) => {
    const ctx = await scrutiny.context(request.principal, params(request).code);
    const size = ctx.settings.matrixSize;
    return {
      ...page,
      title: 'Record a risk',
      tab: 'risks',
      locality: ctx.locality,
      size,
      partnershipItems: choices(
        [
          ...(ctx.canAdminister ? [{ value: '', text: LSP_LABEL }] : []),
          ...ctx.partnerships
            .filter(
              (p) =>
                (p.status === 'active' || p.status === 'proposed') &&
                scrutiny.mayEditPartnershipRisks(request.principal, ctx, p.id),
            )
            .map((p) => ({ value: p.id, text: p.name })),
        ],
        values.partnershipId,
      ),
      scale: (field: string) => scaleItems(size, values[field]),
    };
  };
  app.get(`${base}/new`, { config: { access: 'register-editor' } }, async (request, reply) => {
    const values = {};
    return reply.view('scrutiny/views/risk-form.njk', { ...(await riskForm(request, values)), values });
  });
  app.post(base, { config: { access: 'register-editor' } }, async (request, reply) => {
    const values = body(request);
    const code = params(request).code;
    return submitForm(
      reply,
      { template: 'scrutiny/views/risk-form.njk', context: () => riskForm(request, values), values },
      async () => {
        const risk = await scrutiny.createRisk(request.principal, code, formToInput(riskInput, values));
        return { redirect: `${home(code)}/${risk.id}`, flash: `The risk “${risk.title}” is recorded` };
      },
    );
  });

  const riskPage = async (request: FastifyRequest, values: Record<string, unknown> = {}) => {
    const result = await scrutiny.risk(request.principal, params(request).code, params(request).id);
    const size = result.settings.matrixSize;
    return {
      ...page,
      title: result.risk.title,
      tab: 'risks',
      locality: result.locality,
      result,
      r: result.risk,
      size,
      scale: (field: string) => scaleItems(size, values[field]),
    };
  };
  app.get(`${base}/:id`, { config: { access: 'public' } }, async (request, reply) =>
    reply.view('scrutiny/views/risk.njk', { ...(await riskPage(request)), values: {} }),
  );
  app.post(`${base}/:id/reviews`, { config: { access: 'register-editor' } }, async (request, reply) => {
    const values = body(request);
    const { code, id } = params(request);
    return submitForm(
      reply,
      { template: 'scrutiny/views/risk.njk', context: () => riskPage(request, values), values },
      async () => {
        await scrutiny.reviewRisk(request.principal, code, id, formToInput(riskReviewInput, values));
        return { redirect: `${home(code)}/${id}`, flash: 'The review is recorded' };
      },
    );
  });
}

function accountabilityPages(app: FastifyInstance, scrutiny: ScrutinyService): void {
  const base = '/localities/:code/accountability';
  const home = (code: string) => `/localities/${code}/accountability`;
  const page = { ...common, section: 'scrutiny' };

  app.get(
    '/localities/:code/partnerships/:id/accountable',
    { config: { access: 'public' } },
    async (request, reply) => {
      const result = await scrutiny.whoIsAccountable(request.principal, params(request).code, params(request).id);
      return reply.view('scrutiny/views/accountable.njk', {
        ...common,
        section: 'partnerships',
        title: `Who is accountable: ${result.partnership.name}`,
        tab: 'accountable',
        locality: result.locality,
        result,
      });
    },
  );

  app.get(base, { config: { access: 'locality-reader' } }, async (request, reply) => {
    const result = await scrutiny.dashboard(request.principal, params(request).code);
    return reply.view('scrutiny/views/dashboard.njk', {
      ...page,
      title: 'LSP accountability',
      tab: 'accountability',
      locality: result.locality,
      result,
    });
  });

  const settingsForm = async (request: FastifyRequest) => {
    const ctx = await scrutiny.context(request.principal, params(request).code);
    return {
      ...page,
      title: 'Accountability settings',
      tab: 'accountability',
      locality: ctx.locality,
      settings: ctx.settings,
    };
  };
  app.get(`${base}/settings`, { config: { access: 'locality-admin' } }, async (request, reply) => {
    const ctx = await settingsForm(request);
    const s = ctx.settings;
    return reply.view('scrutiny/views/settings-form.njk', {
      ...ctx,
      values: {
        matrixSize: String(s.matrixSize),
        decisionLimitDays: s.decisionLimitDays,
        responseDays: s.responseDays,
        targetPublic: s.targetMix.public / 100,
        targetPrivate: s.targetMix.private / 100,
        targetVoluntary: s.targetMix.voluntary / 100,
        targetCommunity: s.targetMix.community / 100,
      },
    });
  });
  app.post(`${base}/settings`, { config: { access: 'locality-admin' } }, async (request, reply) => {
    const values = body(request);
    const code = params(request).code;
    return submitForm(
      reply,
      { template: 'scrutiny/views/settings-form.njk', context: () => settingsForm(request), values },
      async () => {
        await scrutiny.saveSettings(request.principal, code, formToInput(settingsInput, values));
        return { redirect: home(code), flash: 'The settings are saved' };
      },
    );
  });

  const leverForm = async (request: FastifyRequest, values: Record<string, unknown>) => {
    const ctx = await scrutiny.context(request.principal, params(request).code);
    return {
      ...page,
      title: 'Record a lever',
      tab: 'accountability',
      locality: ctx.locality,
      kindItems: choices(labelled(LEVER_KIND_LABELS), values.kind, 'Choose the kind of lever'),
      organisationItems: choices(
        ctx.organisations.filter((o) => o.sector === 'public').map((o) => ({ value: o.id, text: o.name })),
        values.organisationId ?? query(request).organisation,
        'Choose a public body',
      ),
      partnershipItems: choices(
        ctx.partnerships.map((p) => ({ value: p.id, text: p.name })),
        values.partnershipId,
        'None in particular',
      ),
    };
  };
  app.get(`${base}/levers/new`, { config: { access: 'locality-admin' } }, async (request, reply) => {
    const values = {};
    return reply.view('scrutiny/views/lever-form.njk', { ...(await leverForm(request, values)), values });
  });
  app.post(`${base}/levers`, { config: { access: 'locality-admin' } }, async (request, reply) => {
    const values = body(request);
    const code = params(request).code;
    return submitForm(
      reply,
      { template: 'scrutiny/views/lever-form.njk', context: () => leverForm(request, values), values },
      async () => {
        const lever = await scrutiny.createLever(request.principal, code, formToInput(leverInput, values));
        return { redirect: `${home(code)}#levers`, flash: `The lever “${lever.title}” is recorded` };
      },
    );
  });

  const consultationForm = async (request: FastifyRequest, values: Record<string, unknown>) => {
    const ctx = await scrutiny.context(request.principal, params(request).code);
    return {
      ...page,
      title: 'Record a consultation or engagement activity',
      tab: 'accountability',
      locality: ctx.locality,
      partnershipItems: choices(
        [
          ...(ctx.canAdminister ? [{ value: '', text: LSP_LABEL }] : []),
          ...ctx.partnerships
            .filter((p) => scrutiny.mayEditPartnershipRisks(request.principal, ctx, p.id))
            .map((p) => ({ value: p.id, text: p.name })),
        ],
        values.partnershipId,
      ),
      methodItems: choices(labelled(CONSULTATION_METHOD_LABELS), values.method, 'Choose'),
      groupItems: choices(labelled(CONSULTATION_GROUP_LABELS), values.groups),
    };
  };
  app.get(`${base}/consultations/new`, { config: { access: 'register-editor' } }, async (request, reply) => {
    const values = {};
    return reply.view('scrutiny/views/consultation-form.njk', {
      ...(await consultationForm(request, values)),
      values,
    });
  });
  app.post(`${base}/consultations`, { config: { access: 'register-editor' } }, async (request, reply) => {
    const values = body(request);
    const code = params(request).code;
    return submitForm(
      reply,
      {
        template: 'scrutiny/views/consultation-form.njk',
        context: () => consultationForm(request, values),
        values,
      },
      async () => {
        const row = await scrutiny.recordConsultation(request.principal, code, formToInput(consultationInput, values));
        return { redirect: `${home(code)}#consultation`, flash: `The consultation “${row.title}” is recorded` };
      },
    );
  });

  const decisionForm = async (request: FastifyRequest) => {
    const result = await scrutiny.decisionForEdit(request.principal, params(request).code, params(request).id);
    return { ...page, title: 'Record a difficult decision', tab: 'accountability', locality: result.locality, result };
  };
  app.get(`${base}/decisions/:id`, { config: { access: 'register-editor' } }, async (request, reply) => {
    const ctx = await decisionForm(request);
    const d = ctx.result.decision;
    return reply.view('scrutiny/views/decision-form.njk', {
      ...ctx,
      values: withDateParts(
        {
          optionsConsidered: d.options_considered,
          dissent: d.dissent,
          followUp: d.follow_up,
          resolvedOn: d.resolved_on,
          carriedThrough: d.carried_through === null ? undefined : d.carried_through ? 'yes' : 'no',
        },
        ['resolvedOn'],
      ),
    });
  });
  app.post(`${base}/decisions/:id`, { config: { access: 'register-editor' } }, async (request, reply) => {
    const values = body(request);
    const { code, id } = params(request);
    return submitForm(
      reply,
      { template: 'scrutiny/views/decision-form.njk', context: () => decisionForm(request), values },
      async () => {
        await scrutiny.markDecision(request.principal, code, id, formToInput(difficultDecisionInput, values));
        return { redirect: `${home(code)}#difficult`, flash: 'The decision is recorded as difficult' };
      },
    );
  });
}
