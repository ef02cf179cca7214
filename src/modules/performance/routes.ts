import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Services } from '../../services.js';
import type { FieldError } from '../../core/errors.js';
import { formToInput } from '../../core/validation.js';
import { apiRoute } from '../../web/api.js';
import {
  choices,
  labelled,
  readFileUpload,
  refusedUpload,
  submitForm,
  MAX_UPLOAD_MB,
  noFileProblem,
} from '../../web/forms.js';
import { ImportRejected } from '../exchange/issues.js';
import { LAYER_LABELS } from '../register/schema.js';
import { performanceApiRoutes } from './api-routes.js';
import { lineChartSvg } from './chart.js';
import { type TargetView, seriesOf } from './framework.js';
import { INDICATOR_COLUMNS, MEASUREMENT_COLUMNS, templateCsv } from './imports.js';
import { reportPdf } from './pdf.js';
import {
  DATA_STATUS_LABELS,
  PLAN_STATUS_LABELS,
  POLARITY_LABELS,
  contributorInput,
  type IndicatorRow,
  indicatorInput,
  indicatorUpdate,
  measurementInput,
  outcomeInput,
  planInput,
  yearLabel,
} from './schema.js';
import type { FrameworkResult, PerformanceService } from './service.js';
import { STATUS_LABELS } from './status.js';

type Params = { code: string; id: string; theme: string };
const params = (request: FastifyRequest) => request.params as Params;
const body = (request: FastifyRequest) => (request.body ?? {}) as Record<string, unknown>;
const query = (request: FastifyRequest) => (request.query ?? {}) as Record<string, unknown>;
const TRAJECTORY_ROWS = 8;

/** Labels the templates share. */
const PERFORMANCE_LABELS = {
  status: STATUS_LABELS,
  planStatus: PLAN_STATUS_LABELS,
  polarity: POLARITY_LABELS,
  dataStatus: DATA_STATUS_LABELS,
  layer: LAYER_LABELS,
};

/** A chart of one target, with the same numbers for its table. */
export function chartOf(view: TargetView, planTitle: string) {
  const rows = seriesOf(view);
  const unit = view.indicator.unit ? ` (${view.indicator.unit})` : '';
  const latest = view.assessment.latest;
  const description = latest
    ? `Latest approved value ${latest.value} for ${yearLabel(latest.year)}${view.assessment.expected !== undefined ? ` against ${round(view.assessment.expected)} expected` : ''}: ${STATUS_LABELS[view.assessment.status].toLowerCase()}. The table below gives every year.`
    : 'No approved values yet. The table below gives the trajectory.';
  return {
    rows,
    svg: lineChartSvg(rows, {
      title: `${view.indicator.code} ${view.indicator.title}${unit}: values against the ${planTitle} trajectory`,
      description,
    }),
  };
}

/** The framework's filters in words, for a report's title. */
function describeFilters(result: FrameworkResult): string[] {
  const q = result.query;
  return [
    q.theme ? result.themeLabels.get(q.theme) : undefined,
    q.layer ? `${LAYER_LABELS[q.layer]} layer` : undefined,
    q.partnership ? result.partnershipNames.get(q.partnership) : undefined,
    q.plan ? result.allPlans.find((p) => p.plan.id === q.plan)?.plan.title : undefined,
  ].filter((v): v is string => !!v);
}

/** The framework's filters as a query string (empty when there are none), for links to the report. */
function queryString(query: Record<string, string | undefined>): string {
  const params = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => !!e[1]));
  const text = params.toString();
  return text ? `?${text}` : '';
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * Performance pages and API. They live in their own plugin scope, so the body parsers for
 * text/csv and XLSX uploads apply to these routes only.
 */
export function performanceRoutes(app: FastifyInstance, services: Services): void {
  app.register(async (scope) => {
    scope.addContentTypeParser(
      ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      { parseAs: 'buffer' },
      (_request, payload, done) => done(null, payload),
    );
    pageRoutes(scope, services.performance);
    apiRoutes(scope, services.performance);
    performanceApiRoutes(scope, services.performance);
  });
}

function pageRoutes(app: FastifyInstance, performance: PerformanceService): void {
  const base = '/localities/:code/performance';
  const home = (code: string) => `/localities/${code}/performance`;
  const common = { section: 'performance', perfLabels: PERFORMANCE_LABELS, yearLabel };

  // --- the framework and its views --------------------------------------------------------------

  app.get(base, { config: { access: 'public' } }, async (request, reply) => {
    const result = await performance.framework(request.principal, params(request).code, request.query);
    const filters = {
      theme: choices(
        [...result.themeLabels].map(([value, text]) => ({ value, text })),
        result.query.theme,
        'All themes',
      ),
      layer: choices(labelled(LAYER_LABELS), result.query.layer, 'All layers'),
      partnership: choices(
        result.partnerships.map((p) => ({ value: p.id, text: p.name })),
        result.query.partnership,
        'All partnerships',
      ),
      plan: choices(
        result.allPlans.map((p) => ({ value: p.plan.id, text: p.plan.title })),
        result.query.plan,
        'All plans',
      ),
    };
    const filtered = Object.values(result.query).some(Boolean);
    const used = new Set(result.allPlans.flatMap((p) => p.outcomes.flatMap((o) => o.themes)));
    const usedThemes = [...result.themeLabels]
      .filter(([code]) => used.has(code))
      .map(([value, text]) => ({ value, text }));
    const reportQuery = queryString(result.query);
    return reply.view('performance/views/framework.njk', {
      ...common,
      title: 'Outcome framework',
      tab: 'framework',
      locality: result.locality,
      result,
      filters,
      filtered,
      usedThemes,
      reportQuery,
    });
  });

  app.get(`${base}/themes/:theme`, { config: { access: 'public' } }, async (request, reply) => {
    const result = await performance.theme(request.principal, params(request).code, params(request).theme);
    const charts = result.plans.flatMap((plan) =>
      plan.outcomes.flatMap((outcome) =>
        outcome.targets.map((view) => ({ plan, outcome, view, chart: chartOf(view, plan.plan.title) })),
      ),
    );
    return reply.view('performance/views/theme.njk', {
      ...common,
      title: `${result.theme.label}: performance`,
      tab: 'framework',
      locality: result.locality,
      result,
      charts,
    });
  });

  app.get(`${base}/indicators`, { config: { access: 'public' } }, async (request, reply) => {
    const result = await performance.library(request.principal, params(request).code);
    return reply.view('performance/views/indicators.njk', {
      ...common,
      title: 'Indicator library',
      tab: 'indicators',
      locality: result.locality,
      result,
    });
  });

  app.get(`${base}/indicators/:id`, { config: { access: 'public' } }, async (request, reply) => {
    const result = await performance.indicator(request.principal, params(request).code, params(request).id);
    const charts = result.targets.map((t) => ({ ...t, chart: chartOf(t.view, t.plan.plan.title) }));
    return reply.view('performance/views/indicator.njk', {
      ...common,
      title: `${result.indicator.code}: ${result.indicator.title}`,
      tab: 'indicators',
      locality: result.locality,
      result,
      charts,
    });
  });

  app.get(`${base}/plans/:id`, { config: { access: 'public' } }, async (request, reply) => {
    const result = await performance.plan(request.principal, params(request).code, params(request).id);
    return reply.view('performance/views/plan.njk', {
      ...common,
      title: result.view.plan.title,
      tab: 'framework',
      locality: result.locality,
      result,
    });
  });

  app.get(`${base}/outcomes/:id`, { config: { access: 'public' } }, async (request, reply) => {
    const result = await performance.outcome(request.principal, params(request).code, params(request).id);
    return reply.view('performance/views/outcome.njk', {
      ...common,
      ...(await outcomeFormContext(performance, result)),
      title: result.view.outcome.title,
      tab: 'framework',
      locality: result.locality,
      result,
      values: {},
    });
  });

  app.get(`${base}/layers`, { config: { access: 'public' } }, async (request, reply) => {
    const result = await performance.layers(request.principal, params(request).code);
    return reply.view('performance/views/layers.njk', {
      ...common,
      title: 'The three layers',
      tab: 'layers',
      locality: result.locality,
      result,
    });
  });

  app.get('/localities/:code/partnerships/:id/scorecard', { config: { access: 'public' } }, async (request, reply) => {
    const result = await performance.scorecard(request.principal, params(request).code, params(request).id);
    return reply.view('performance/views/scorecard.njk', {
      ...common,
      section: 'partnerships',
      title: `${result.detail.partnership.name}: outcomes and performance`,
      tab: 'scorecard',
      locality: result.locality,
      result,
    });
  });

  app.get(`${base}/report`, { config: { access: 'public' } }, async (request, reply) => {
    const result = await performance.framework(request.principal, params(request).code, request.query);
    const charts = new Map(
      result.plans.flatMap((plan) =>
        plan.outcomes.flatMap((o) =>
          o.targets.map((view) => [view.target.id, chartOf(view, plan.plan.title)] as const),
        ),
      ),
    );
    const filtersShown = describeFilters(result);
    return reply.view('performance/views/report.njk', {
      ...common,
      title: 'Performance report',
      tab: 'report',
      locality: result.locality,
      result,
      charts,
      generatedAt: new Date(),
      reportQuery: queryString(result.query),
      filtersShown,
    });
  });

  app.get(`${base}/report.pdf`, { config: { access: 'public' } }, async (request, reply) => {
    const result = await performance.framework(request.principal, params(request).code, request.query);
    const pdf = await reportPdf(result, describeFilters(result));
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="performance-report-${result.locality.gss_code}.pdf"`)
      .send(pdf);
  });

  app.get(`${base}/overlaps`, { config: { access: 'locality-reader' } }, async (request, reply) => {
    const result = await performance.overlaps(request.principal, params(request).code);
    return reply.view('performance/views/overlaps.njk', {
      ...common,
      title: 'Overlapping plans',
      tab: 'overlaps',
      locality: result.locality,
      result,
    });
  });

  // --- merging outcomes --------------------------------------------------------------------------

  const mergeValues = (source: Record<string, unknown>) => ({
    keepId: typeof source.keepId === 'string' ? source.keepId : undefined,
    mergeIds: [source.mergeIds ?? []].flat().map(String).filter(Boolean),
    title: typeof source.title === 'string' && source.title.trim() ? source.title : undefined,
  });
  const mergePage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: ReturnType<typeof mergeValues>,
    errors?: FieldError[],
  ) => {
    const result = await performance.framework(request.principal, params(request).code, {});
    if (!result.canAdminister)
      return reply.code(403).view('errors/problem.njk', {
        title: 'You cannot do this',
        message: 'Only the locality’s administrator can merge outcomes.',
      });
    const chosen = [values.keepId, ...values.mergeIds].filter((v): v is string => !!v);
    const outcomes = result.allPlans.flatMap((p) => p.outcomes).filter((o) => chosen.includes(o.outcome.id));
    let preview: Awaited<ReturnType<PerformanceService['mergePreview']>> | undefined;
    if (values.keepId && values.mergeIds.some((id) => id !== values.keepId) && !errors) {
      preview = await performance.mergePreview(request.principal, params(request).code, values).catch(() => undefined);
    }
    const allOutcomes = result.allPlans.flatMap((p) =>
      p.outcomes.map((o) => ({ value: o.outcome.id, text: `${o.outcome.title} (${p.plan.title})` })),
    );
    return reply.code(errors ? 422 : 200).view('performance/views/merge.njk', {
      ...common,
      title: 'Merge outcomes',
      tab: 'overlaps',
      locality: result.locality,
      outcomes,
      preview,
      values,
      errors,
      keepItems: choices(
        outcomes.map((o) => ({ value: o.outcome.id, text: `${o.outcome.title} (${o.plan.title})` })),
        values.keepId,
      ),
      mergeItems: choices(allOutcomes, chosen),
    });
  };
  app.get(`${base}/overlaps/merge`, { config: { access: 'locality-admin' } }, async (request, reply) =>
    mergePage(request, reply, mergeValues(query(request))),
  );
  app.post(`${base}/overlaps/merge`, { config: { access: 'locality-admin' } }, async (request, reply) => {
    const values = mergeValues(body(request));
    try {
      const kept = await performance.mergeOutcomes(request.principal, params(request).code, values);
      return reply.redirectWithFlash(
        `${home(params(request).code)}/outcomes/${kept.id}`,
        `The outcomes were merged into “${kept.title}”. Their targets, contributors and themes are now here.`,
      );
    } catch (error) {
      const errors = (error as { errors?: FieldError[] }).errors;
      if (!errors) throw error;
      return mergePage(request, reply, values, errors);
    }
  });

  // --- plans ---------------------------------------------------------------------------------------

  const planForm = async (request: FastifyRequest, values: Record<string, unknown>) => {
    const code = params(request).code;
    const ctx = await performance.context(request.principal, code);
    const c = await performance.choices(code);
    const open = ctx.partnerships
      .filter((p) => p.status === 'active' || p.status === 'proposed')
      .map((p) => ({ value: p.id, text: p.name }));
    return {
      locality: ctx.locality,
      planTypeItems: choices(c.planTypes, values.planType, 'Choose a type of plan'),
      ownerItems: choices(open, values.ownerPartnershipId, 'No owning partnership'),
      contributorItems: choices(open, values.contributorIds),
      statusItems: choices(labelled(PLAN_STATUS_LABELS), values.status ?? 'draft'),
    };
  };
  app.get(`${base}/plans/new`, { config: { access: 'locality-admin' } }, async (request, reply) =>
    reply.view('performance/views/plan-form.njk', {
      ...common,
      ...(await planForm(request, {})),
      title: 'Add a plan',
      tab: 'framework',
      values: { status: 'draft' },
    }),
  );
  app.post(`${base}/plans`, { config: { access: 'locality-admin' } }, async (request, reply) => {
    const values = body(request);
    const code = params(request).code;
    return submitForm(
      reply,
      {
        template: 'performance/views/plan-form.njk',
        context: async () => ({
          ...common,
          ...(await planForm(request, values)),
          title: 'Add a plan',
          tab: 'framework',
        }),
        values,
      },
      async () => {
        const plan = await performance.createPlan(request.principal, code, formToInput(planInput, values));
        return {
          redirect: `${home(code)}/plans/${plan.id}`,
          flash: `${plan.title} was added. Next, add its outcomes.`,
        };
      },
    );
  });
  app.get(`${base}/plans/:id/edit`, { config: { access: 'locality-admin' } }, async (request, reply) => {
    const { code, id } = params(request);
    const result = await performance.plan(request.principal, code, id);
    const p = result.view.plan;
    const values = {
      title: p.title,
      planType: p.plan_type,
      ownerPartnershipId: p.owner_partnership_id,
      startYear: yearLabel(p.start_year),
      endYear: yearLabel(p.end_year),
      status: p.status,
      documentUrl: p.document_url,
      summary: p.summary,
      contributorIds: result.view.contributorIds,
      version: p.version,
    };
    return reply.view('performance/views/plan-form.njk', {
      ...common,
      ...(await planForm(request, values)),
      title: `Edit ${p.title}`,
      tab: 'framework',
      plan: p,
      values,
    });
  });
  app.post(`${base}/plans/:id/edit`, { config: { access: 'locality-admin' } }, async (request, reply) => {
    const { code, id } = params(request);
    const values = body(request);
    const result = await performance.plan(request.principal, code, id);
    return submitForm(
      reply,
      {
        template: 'performance/views/plan-form.njk',
        context: async () => ({
          ...common,
          ...(await planForm(request, values)),
          title: `Edit ${result.view.plan.title}`,
          tab: 'framework',
          plan: result.view.plan,
        }),
        values,
      },
      async () => {
        const plan = await performance.updatePlan(request.principal, code, id, formToInput(planInput, values));
        return { redirect: `${home(code)}/plans/${plan.id}`, flash: 'Your changes were saved' };
      },
    );
  });

  // --- outcomes ------------------------------------------------------------------------------------

  const outcomeForm = async (code: string, values: Record<string, unknown>) => {
    const c = await performance.choices(code);
    return { themeItems: choices(c.themes, values.themes) };
  };
  app.get(`${base}/plans/:id/outcomes/new`, { config: { access: 'locality-admin' } }, async (request, reply) => {
    const { code, id } = params(request);
    const result = await performance.plan(request.principal, code, id);
    return reply.view('performance/views/outcome-form.njk', {
      ...common,
      ...(await outcomeForm(code, {})),
      title: 'Add an outcome',
      tab: 'framework',
      locality: result.locality,
      plan: result.view.plan,
      values: {},
    });
  });
  app.post(`${base}/plans/:id/outcomes`, { config: { access: 'locality-admin' } }, async (request, reply) => {
    const { code, id } = params(request);
    const values = body(request);
    const result = await performance.plan(request.principal, code, id);
    return submitForm(
      reply,
      {
        template: 'performance/views/outcome-form.njk',
        context: async () => ({
          ...common,
          ...(await outcomeForm(code, values)),
          title: 'Add an outcome',
          tab: 'framework',
          locality: result.locality,
          plan: result.view.plan,
        }),
        values,
      },
      async () => {
        const outcome = await performance.createOutcome(request.principal, code, id, formToInput(outcomeInput, values));
        return {
          redirect: `${home(code)}/outcomes/${outcome.id}`,
          flash: `The outcome was added. Next, say who contributes to it and set its targets.`,
        };
      },
    );
  });
  app.get(`${base}/outcomes/:id/edit`, { config: { access: 'locality-admin' } }, async (request, reply) => {
    const { code, id } = params(request);
    const result = await performance.outcome(request.principal, code, id);
    const o = result.view.outcome;
    const values = { title: o.title, description: o.description, themes: result.view.themes, version: o.version };
    return reply.view('performance/views/outcome-form.njk', {
      ...common,
      ...(await outcomeForm(code, values)),
      title: `Edit the outcome`,
      tab: 'framework',
      locality: result.locality,
      plan: result.view.plan,
      outcome: o,
      values,
    });
  });
  app.post(`${base}/outcomes/:id/edit`, { config: { access: 'locality-admin' } }, async (request, reply) => {
    const { code, id } = params(request);
    const values = body(request);
    const result = await performance.outcome(request.principal, code, id);
    return submitForm(
      reply,
      {
        template: 'performance/views/outcome-form.njk',
        context: async () => ({
          ...common,
          ...(await outcomeForm(code, values)),
          title: 'Edit the outcome',
          tab: 'framework',
          locality: result.locality,
          plan: result.view.plan,
          outcome: result.view.outcome,
        }),
        values,
      },
      async () => {
        const outcome = await performance.updateOutcome(request.principal, code, id, formToInput(outcomeInput, values));
        return { redirect: `${home(code)}/outcomes/${outcome.id}`, flash: 'Your changes were saved' };
      },
    );
  });
  app.post(`${base}/outcomes/:id/contributors`, { config: { access: 'locality-admin' } }, async (request, reply) => {
    const { code, id } = params(request);
    const values = body(request);
    const result = await performance.outcome(request.principal, code, id);
    return submitForm(
      reply,
      {
        template: 'performance/views/outcome.njk',
        context: async () => ({
          ...common,
          ...(await outcomeFormContext(performance, result, values)),
          title: result.view.outcome.title,
          tab: 'framework',
          locality: result.locality,
          result,
        }),
        values,
      },
      async () => {
        await performance.addContributor(request.principal, code, id, formToInput(contributorInput, values));
        return { redirect: `${home(code)}/outcomes/${id}#contributors`, flash: 'The contributor was added' };
      },
    );
  });
  app.post(
    `${base}/outcomes/:id/contributors/remove`,
    { config: { access: 'locality-admin' } },
    async (request, reply) => {
      const { code, id } = params(request);
      await performance.removeContributor(request.principal, code, id, String(body(request).contributorId ?? ''));
      return reply.redirectWithFlash(`${home(code)}/outcomes/${id}#contributors`, 'The contributor was removed');
    },
  );

  // --- targets -------------------------------------------------------------------------------------

  const targetForm = async (request: FastifyRequest, values: Record<string, unknown>) => {
    const code = params(request).code;
    const c = await performance.choices(code);
    const ctx = await performance.context(request.principal, code);
    return {
      indicatorItems: choices(c.indicators, values.indicatorId, 'Choose an indicator'),
      accountableItems: choices(
        ctx.partnerships
          .filter((p) => p.status === 'active' || p.status === 'proposed')
          .map((p) => ({ value: p.id, text: p.name })),
        values.accountablePartnershipId,
        'No accountable partnership',
      ),
      trajectoryRows: Array.from({ length: TRAJECTORY_ROWS }, (_, i) => i),
    };
  };
  app.get(`${base}/outcomes/:id/targets/new`, { config: { access: 'locality-admin' } }, async (request, reply) => {
    const { code, id } = params(request);
    const result = await performance.outcome(request.principal, code, id);
    const values = { indicatorId: query(request).indicator, amberTolerance: 0, redTolerance: 0 };
    return reply.view('performance/views/target-form.njk', {
      ...common,
      ...(await targetForm(request, values)),
      title: 'Set a target',
      tab: 'framework',
      locality: result.locality,
      outcome: result.view.outcome,
      values,
    });
  });
  app.post(`${base}/outcomes/:id/targets`, { config: { access: 'locality-admin' } }, async (request, reply) => {
    const { code, id } = params(request);
    const values = body(request);
    const result = await performance.outcome(request.principal, code, id);
    return submitForm(
      reply,
      {
        template: 'performance/views/target-form.njk',
        context: async () => ({
          ...common,
          ...(await targetForm(request, values)),
          title: 'Set a target',
          tab: 'framework',
          locality: result.locality,
          outcome: result.view.outcome,
        }),
        values,
      },
      async () => {
        await performance.createTarget(request.principal, code, id, targetFormInput(values));
        return { redirect: `${home(code)}/outcomes/${id}`, flash: 'The target was set' };
      },
    );
  });
  app.get(`${base}/targets/:id/edit`, { config: { access: 'locality-admin' } }, async (request, reply) => {
    const { code, id } = params(request);
    const found = await performance.targetForEdit(request.principal, code, id);
    const t = found.target;
    const values: Record<string, unknown> = {
      indicatorId: t.indicator_id,
      baselineValue: t.baseline_value,
      baselineYear: t.baseline_year === null ? undefined : yearLabel(t.baseline_year),
      amberTolerance: t.amber_tolerance,
      redTolerance: t.red_tolerance,
      accountablePartnershipId: t.accountable_partnership_id,
      accountableOfficer: t.accountable_officer,
      version: t.version,
    };
    found.trajectory.forEach((p, i) => {
      values[`trajectoryYear-${i}`] = yearLabel(p.year);
      values[`trajectoryValue-${i}`] = p.value;
    });
    return reply.view('performance/views/target-form.njk', {
      ...common,
      ...(await targetForm(request, values)),
      title: `Change the target on ${found.indicator.code}`,
      tab: 'framework',
      locality: found.locality,
      outcome: found.outcome,
      target: t,
      indicator: found.indicator,
      values,
    });
  });
  app.post(`${base}/targets/:id/edit`, { config: { access: 'locality-admin' } }, async (request, reply) => {
    const { code, id } = params(request);
    const values = body(request);
    const found = await performance.targetForEdit(request.principal, code, id);
    return submitForm(
      reply,
      {
        template: 'performance/views/target-form.njk',
        context: async () => ({
          ...common,
          ...(await targetForm(request, values)),
          title: `Change the target on ${found.indicator.code}`,
          tab: 'framework',
          locality: found.locality,
          outcome: found.outcome,
          target: found.target,
          indicator: found.indicator,
        }),
        values,
      },
      async () => {
        await performance.updateTarget(
          request.principal,
          code,
          id,
          targetFormInput({ ...values, indicatorId: found.target.indicator_id }),
        );
        return { redirect: `${home(code)}/outcomes/${found.outcome.id}`, flash: 'The target was changed' };
      },
    );
  });

  // --- indicators ----------------------------------------------------------------------------------

  const indicatorForm = async (request: FastifyRequest) => {
    const ctx = await performance.context(request.principal, params(request).code);
    return { locality: ctx.locality, polarityItems: choices(labelled(POLARITY_LABELS), undefined) };
  };
  app.get(`${base}/indicators/new`, { config: { access: 'locality-admin' } }, async (request, reply) =>
    reply.view('performance/views/indicator-form.njk', {
      ...common,
      ...(await indicatorForm(request)),
      title: 'Add a local indicator',
      tab: 'indicators',
      values: {},
    }),
  );
  app.post(`${base}/indicators`, { config: { access: 'locality-admin' } }, async (request, reply) => {
    const values = body(request);
    const context = await indicatorForm(request);
    return submitForm(
      reply,
      {
        template: 'performance/views/indicator-form.njk',
        context: () => ({
          ...common,
          ...context,
          polarityItems: choices(labelled(POLARITY_LABELS), values.polarity),
          title: 'Add a local indicator',
          tab: 'indicators',
        }),
        values,
      },
      async () => {
        const row = await performance.createIndicator(
          request.principal,
          params(request).code,
          formToInput(indicatorInput, values),
        );
        return {
          redirect: `${home(params(request).code)}/indicators/${row.id}`,
          flash: `${row.code} was added to the library`,
        };
      },
    );
  });

  const indicatorValues = (i: IndicatorRow) => ({
    title: i.title,
    group: i.indicator_group,
    definition: i.definition,
    unit: i.unit,
    polarity: i.polarity,
    numerator: i.numerator,
    denominator: i.denominator,
    frequency: i.frequency,
    source: i.source,
    geography: i.geography,
    version: i.version,
  });
  app.get(`${base}/indicators/:id/edit`, { config: { access: 'locality-admin' } }, async (request, reply) => {
    const result = await performance.indicator(request.principal, params(request).code, params(request).id);
    if (!result.canEdit)
      return reply.code(403).view('errors/problem.njk', {
        title: 'You cannot do this',
        message: 'A national indicator is shared by every locality: only a system administrator can change it.',
      });
    const values = indicatorValues(result.indicator);
    return reply.view('performance/views/indicator-form.njk', {
      ...common,
      locality: result.locality,
      indicator: result.indicator,
      polarityItems: choices(labelled(POLARITY_LABELS), values.polarity),
      title: `Change ${result.indicator.code}`,
      tab: 'indicators',
      values,
    });
  });
  app.post(`${base}/indicators/:id/edit`, { config: { access: 'locality-admin' } }, async (request, reply) => {
    const values = body(request);
    const { code, id } = params(request);
    const result = await performance.indicator(request.principal, code, id);
    return submitForm(
      reply,
      {
        template: 'performance/views/indicator-form.njk',
        context: () => ({
          ...common,
          locality: result.locality,
          indicator: result.indicator,
          polarityItems: choices(labelled(POLARITY_LABELS), values.polarity),
          title: `Change ${result.indicator.code}`,
          tab: 'indicators',
        }),
        values,
      },
      async () => {
        const row = await performance.updateIndicator(
          request.principal,
          code,
          id,
          formToInput(indicatorUpdate, values),
        );
        return { redirect: `${home(code)}/indicators/${row.id}`, flash: `${row.code} was changed` };
      },
    );
  });

  app.get(`${base}/indicators/template.csv`, { config: { access: 'public' } }, async (_request, reply) =>
    reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="indicators-template.csv"')
      .send(templateCsv(INDICATOR_COLUMNS)),
  );
  app.get(`${base}/measurements/template.csv`, { config: { access: 'public' } }, async (_request, reply) =>
    reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="values-template.csv"')
      .send(templateCsv(MEASUREMENT_COLUMNS)),
  );

  const importPage =
    (kind: 'indicators' | 'measurements') =>
    async (request: FastifyRequest, reply: FastifyReply, extra: Record<string, unknown> = {}, status = 200) => {
      const ctx = await performance.context(request.principal, params(request).code);
      const columns = kind === 'indicators' ? INDICATOR_COLUMNS : MEASUREMENT_COLUMNS;
      return reply.code(status).view('performance/views/import.njk', {
        ...common,
        title: kind === 'indicators' ? 'Import local indicators' : 'Import values',
        tab: kind === 'indicators' ? 'indicators' : 'framework',
        kind,
        columns,
        locality: ctx.locality,
        maxUploadMb: MAX_UPLOAD_MB,
        ...extra,
      });
    };
  const importHandler =
    (kind: 'indicators' | 'measurements') => async (request: FastifyRequest, reply: FastifyReply) => {
      const upload = await readFileUpload(request);
      const render = importPage(kind);
      if (!upload.file)
        return render(
          request,
          reply,
          {
            errors: [noFileProblem(upload)],
          },
          422,
        );
      try {
        const code = params(request).code;
        const count =
          kind === 'indicators'
            ? await performance.importIndicators(request.principal, code, upload.file)
            : await performance.importMeasurements(request.principal, code, upload.file);
        const flash =
          kind === 'indicators'
            ? `${count} indicator${count === 1 ? ' was' : 's were'} added to the library`
            : `${count} value${count === 1 ? ' was' : 's were'} imported. They count toward status once the administrator approves them.`;
        return reply.redirectWithFlash(kind === 'indicators' ? `${home(code)}/indicators` : home(code), flash);
      } catch (error) {
        if (!(error instanceof ImportRejected)) throw error;
        return render(request, reply, refusedUpload(upload.file.name, error.issues), 422);
      }
    };
  app.get(`${base}/indicators/import`, { config: { access: 'locality-admin' } }, async (request, reply) =>
    importPage('indicators')(request, reply),
  );
  app.post(`${base}/indicators/import`, { config: { access: 'locality-admin' } }, importHandler('indicators'));
  app.get(`${base}/measurements/import`, { config: { access: 'register-editor' } }, async (request, reply) =>
    importPage('measurements')(request, reply),
  );
  app.post(`${base}/measurements/import`, { config: { access: 'register-editor' } }, importHandler('measurements'));

  // --- measurements and approval ---------------------------------------------------------------

  const measurementForm = async (request: FastifyRequest, values: Record<string, unknown>) => {
    const indicators = await performance.reportableIndicators(request.principal, params(request).code);
    return {
      indicatorItems: choices(indicators, values.indicatorId, 'Choose an indicator'),
      dataStatusItems: choices(labelled(DATA_STATUS_LABELS), values.dataStatus),
    };
  };
  app.get(`${base}/measurements/new`, { config: { access: 'register-editor' } }, async (request, reply) => {
    const ctx = await performance.context(request.principal, params(request).code);
    const values = { indicatorId: query(request).indicator, dataStatus: 'provisional' };
    return reply.view('performance/views/measurement-form.njk', {
      ...common,
      ...(await measurementForm(request, values)),
      title: 'Enter a value',
      tab: 'framework',
      locality: ctx.locality,
      values,
    });
  });
  app.post(`${base}/measurements`, { config: { access: 'register-editor' } }, async (request, reply) => {
    const values = body(request);
    const code = params(request).code;
    const ctx = await performance.context(request.principal, code);
    return submitForm(
      reply,
      {
        template: 'performance/views/measurement-form.njk',
        context: async () => ({
          ...common,
          ...(await measurementForm(request, values)),
          title: 'Enter a value',
          tab: 'framework',
          locality: ctx.locality,
        }),
        values,
      },
      async () => {
        const row = await performance.recordMeasurement(request.principal, code, formToInput(measurementInput, values));
        return {
          redirect: `${home(code)}/indicators/${row.indicator_id}`,
          flash: `The value for ${yearLabel(row.year)} was saved. It counts toward status, and is published, once the administrator approves it.`,
        };
      },
    );
  });

  app.get(`${base}/approvals`, { config: { access: 'locality-admin' } }, async (request, reply) => {
    const result = await performance.pending(request.principal, params(request).code);
    return reply.view('performance/views/approvals.njk', {
      ...common,
      title: 'Values awaiting approval',
      tab: 'approvals',
      locality: result.locality,
      result,
    });
  });
  app.post(`${base}/approvals`, { config: { access: 'locality-admin' } }, async (request, reply) => {
    const values = body(request);
    const code = params(request).code;
    const input = {
      measurementIds: [values.measurementIds ?? []].flat().map(String).filter(Boolean),
      decision: values.decision,
    };
    return submitForm(
      reply,
      {
        template: 'performance/views/approvals.njk',
        context: async () => ({
          ...common,
          title: 'Values awaiting approval',
          tab: 'approvals',
          locality: (await performance.pending(request.principal, code)).locality,
          result: await performance.pending(request.principal, code),
        }),
        values,
      },
      async () => {
        const count = await performance.decideMeasurements(request.principal, code, input);
        const verb =
          input.decision === 'reject' ? 'rejected' : 'approved: they now count toward status and are published';
        return {
          redirect: `${home(code)}/approvals`,
          flash: `${count} value${count === 1 ? ' was' : 's were'} ${verb}`,
        };
      },
    );
  });
}

/** The outcome page's contributor form choices. */
async function outcomeFormContext(
  performance: PerformanceService,
  result: Awaited<ReturnType<PerformanceService['outcome']>>,
  values: Record<string, unknown> = {},
) {
  const organisations = [...result.organisationNames].map(([value, text]) => ({ value, text }));
  const partnerships = result.partnerships
    .filter((p) => p.status === 'active' || p.status === 'proposed')
    .map((p) => ({ value: p.id, text: p.name }));
  void performance;
  return {
    partnershipItems: choices(partnerships, values.partnershipId, 'Choose a partnership'),
    organisationItems: choices(organisations, values.organisationId, 'Or choose an organisation'),
    layerItems: choices(labelled(LAYER_LABELS), values.layer),
  };
}

/** The target form's rows of year and value become the trajectory; a blank row is skipped. */
export function targetFormInput(values: Record<string, unknown>): Record<string, unknown> {
  const trajectory: Array<{ year: string; value: number | string }> = [];
  for (let i = 0; i < TRAJECTORY_ROWS; i++) {
    const year = String(values[`trajectoryYear-${i}`] ?? '').trim();
    const value = String(values[`trajectoryValue-${i}`] ?? '').trim();
    if (!year && !value) continue;
    trajectory.push({ year, value: numberOrText(value) });
  }
  const text = (key: string) => String(values[key] ?? '').trim() || undefined;
  return {
    indicatorId: text('indicatorId'),
    baselineValue: text('baselineValue') === undefined ? undefined : numberOrText(text('baselineValue') as string),
    baselineYear: text('baselineYear'),
    trajectory,
    amberTolerance: text('amberTolerance') === undefined ? undefined : numberOrText(text('amberTolerance') as string),
    redTolerance: text('redTolerance') === undefined ? undefined : numberOrText(text('redTolerance') as string),
    accountablePartnershipId: text('accountablePartnershipId'),
    accountableOfficer: text('accountableOfficer'),
    version: text('version') === undefined ? undefined : Number(text('version')),
  };
}

function numberOrText(text: string): number | string {
  const cleaned = text.replace(/,/g, '');
  return /^-?\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : text;
}

// --- API -------------------------------------------------------------------------------------------

const localityParams = z.object({
  code: z.string().meta({ description: 'ONS GSS code of the locality, e.g. E07999001' }),
});
const recordParams = localityParams.extend({ id: z.uuid() });

const measurementOutput = z.object({
  id: z.string(),
  indicatorId: z.string(),
  year: z.number().int().meta({ description: 'The financial year, by the year it starts: 2024 is 2024/25' }),
  period: z.string(),
  value: z.number(),
  dataStatus: z.enum(['provisional', 'final']),
  note: z.string().nullable(),
  state: z
    .enum(['pending', 'approved', 'rejected', 'superseded'])
    .meta({ description: 'Only approved values count toward status and are public' }),
});

const targetOutput = z.object({
  id: z.string(),
  plan: z.string(),
  outcome: z.string(),
  indicator: z.object({
    id: z.string(),
    code: z.string(),
    title: z.string(),
    unit: z.string().nullable(),
    polarity: z.string().nullable(),
  }),
  baseline: z.object({ year: z.number(), value: z.number() }).nullable(),
  trajectory: z.array(z.object({ year: z.number(), value: z.number() })),
  tolerance: z.object({ amber: z.number(), red: z.number() }),
  latest: z.object({ year: z.number(), value: z.number() }).nullable(),
  expected: z.number().nullable(),
  status: z.enum(['on-track', 'at-risk', 'off-track', 'no-data']),
});

function measurementJson(m: {
  id: string;
  indicator_id: string;
  year: number;
  value: number;
  data_status: string;
  note: string | null;
  state: string;
}) {
  return {
    id: m.id,
    indicatorId: m.indicator_id,
    year: m.year,
    period: yearLabel(m.year),
    value: m.value,
    dataStatus: m.data_status as 'provisional' | 'final',
    note: m.note,
    state: m.state as 'pending' | 'approved',
  };
}

function apiRoutes(app: FastifyInstance, performance: PerformanceService): void {
  const tag = 'Performance';
  const base = '/api/v1/localities/:code';
  apiRoute(app, {
    method: 'GET',
    url: `${base}/performance`,
    operationId: 'getOutcomeFramework',
    summary: 'The outcome framework: every visible target with its latest approved value and status',
    tag,
    access: 'public',
    params: localityParams,
    response: z.object({ targets: z.array(targetOutput) }),
    handler: async (request) => {
      const result = await performance.framework(request.principal, params(request).code, request.query);
      return {
        targets: result.plans.flatMap((p) =>
          p.outcomes.flatMap((o) =>
            o.targets.map((t) => ({
              id: t.target.id,
              plan: p.plan.title,
              outcome: o.outcome.title,
              indicator: {
                id: t.indicator.id,
                code: t.indicator.code,
                title: t.indicator.title,
                unit: t.indicator.unit,
                polarity: t.indicator.polarity,
              },
              baseline: t.trajectory.baseline ?? null,
              trajectory: t.trajectory.targets,
              tolerance: { amber: t.target.amber_tolerance, red: t.target.red_tolerance },
              latest: t.assessment.latest ?? null,
              expected: t.assessment.expected ?? null,
              status: t.assessment.status,
            })),
          ),
        ),
      };
    },
  });
  apiRoute(app, {
    method: 'GET',
    url: `${base}/indicators/:id/measurements`,
    operationId: 'listMeasurements',
    summary: 'An indicator’s values in the locality (awaiting approval only for readers of restricted material)',
    tag,
    access: 'public',
    params: recordParams,
    response: z.array(measurementOutput),
    handler: async (request) =>
      (await performance.indicator(request.principal, params(request).code, params(request).id)).measurements.map(
        measurementJson,
      ),
  });
  apiRoute(app, {
    method: 'POST',
    url: `${base}/measurements`,
    operationId: 'createMeasurement',
    summary: 'Enter a value for a year; it awaits the administrator’s approval',
    tag,
    access: 'register-editor',
    params: localityParams,
    body: measurementInput,
    response: measurementOutput,
    responseStatus: 201,
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(
          measurementJson(await performance.recordMeasurement(request.principal, params(request).code, request.body)),
        ),
  });
  apiRoute(app, {
    method: 'POST',
    url: '/api/v1/indicators/import',
    operationId: 'importNationalIndicators',
    summary: 'Add national indicators to the shared library from a CSV or XLSX file, all or nothing',
    tag,
    access: 'system-admin',
    bodyContentType: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    response: z.object({ imported: z.number().int() }),
    handler: async (request, reply) =>
      importing(reply, async () =>
        performance.importIndicators(request.principal, null, { name: 'upload', content: bodyBuffer(request) }),
      ),
  });
  apiRoute(app, {
    method: 'POST',
    url: `${base}/measurements/import`,
    operationId: 'importMeasurements',
    summary: 'Import values from a CSV or XLSX file, all or nothing; each problem is named by line and column',
    tag,
    access: 'register-editor',
    params: localityParams,
    bodyContentType: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    response: z.object({ imported: z.number().int() }),
    handler: async (request, reply) =>
      importing(reply, async () =>
        performance.importMeasurements(request.principal, params(request).code, {
          name: 'upload',
          content: bodyBuffer(request),
        }),
      ),
  });
}

function bodyBuffer(request: FastifyRequest): Buffer {
  return Buffer.isBuffer(request.body)
    ? request.body
    : Buffer.from(typeof request.body === 'string' ? request.body : '');
}

/** An import's answer: how many were written, or 422 with every problem by line and column. */
async function importing(reply: FastifyReply, work: () => Promise<number>) {
  try {
    return { imported: await work() };
  } catch (error) {
    if (!(error instanceof ImportRejected)) throw error;
    return reply
      .code(422)
      .type('application/problem+json')
      .send({
        type: '/api/docs#problem-422',
        title: 'Nothing was imported',
        status: 422,
        detail: error.message,
        errors: error.issues.map((i) => ({
          field: i.column || 'file',
          pointer: `/${i.column}`,
          detail: i.message,
          sheet: i.sheet,
          line: i.line,
          column: i.column,
        })),
      });
  }
}
