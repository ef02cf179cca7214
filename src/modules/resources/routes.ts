/**
 * Resources pages and API: money by outcome, the funding cliff edge, cost-benefit (the league
 * table with its chart, and each partnership's), contributions with their confirmation.
 * Thin: each parses, calls the service and renders.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ValidationError } from '../../core/errors.js';
import { formToInput, parseInput } from '../../core/validation.js';
import type { Services } from '../../services.js';
import { choices, labelled, submitForm } from '../../web/forms.js';
import { listLinks } from '../../web/listing.js';
import { parseYear } from '../performance/schema.js';
import { STATUS_LABELS } from '../performance/status.js';
import { resourcesApiRoutes } from './api-routes.js';
import { poundsValue, resourcesFormRoutes } from './form-routes.js';
import { costBenefitChartSvg } from './chart.js';
import { grantsCsv, grantsJson } from '../funds/three-sixty-giving.js';
import { fundingFlowGrants } from './giving.js';
import { cliffEdgeCsv, contributionsCsv, leagueCsv, moneyCsv } from './export.js';
import { VERDICT_TEXT, parsePercent, parsePounds, percentLabel } from './rules.js';
import {
  BENEFIT_KIND_LABELS,
  CONFIDENCE_LABELS,
  CONTRIBUTION_KIND_LABELS,
  contributionForm,
  fundingStreamInput,
} from './schema.js';
import type { ContributionView, ResourcesService } from './service.js';
import type { FundingStreamRecord } from './repository.js';

type Params = { code: string; id: string };
const params = (request: FastifyRequest) => request.params as Params;
const body = (request: FastifyRequest) => (request.body ?? {}) as Record<string, unknown>;
const query = (request: FastifyRequest) => (request.query ?? {}) as Record<string, unknown>;
const PAGE_SIZE = 50;

/** The year asked for in the query string (2025/26 or 2025), or undefined for the current one. */
function yearOf(request: FastifyRequest): number | undefined {
  const text = query(request).year;
  return typeof text === 'string' && text.trim() !== '' ? parseYear(text) : undefined;
}

const LABELS = {
  kind: CONTRIBUTION_KIND_LABELS,
  benefitKind: BENEFIT_KIND_LABELS,
  confidence: CONFIDENCE_LABELS,
  status: { ...STATUS_LABELS, 'no-data': 'No data' } as Record<string, string>,
  verdict: VERDICT_TEXT,
  flag: {
    'no-money': 'No money behind this outcome',
    'off-track-money-grew': 'Off track although its money grew',
  } as Record<string, string>,
};

/** Form fields are pounds; the service names pence. A message about one names the other. */
const FORM_FIELD: Record<string, string> = { amountPence: 'amount', ratePence: 'rate' };

function ratio(value: number | null): string {
  if (value === null) return '';
  if (!Number.isFinite(value)) return 'no upper limit';
  return `${new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2, minimumFractionDigits: 2 }).format(value)}`;
}

/** The version a form was read at, as the number the service checks (anything else is refused there). */
function formVersion(values: Record<string, unknown>): unknown {
  const text = String(values.version ?? '').trim();
  return /^\d+$/.test(text) ? Number(text) : values.version;
}

function yearChoices(current: number, yearLabel: (year: number) => string) {
  return [current - 2, current - 1, current, current + 1].map((y) => ({
    value: yearLabel(y),
    text: yearLabel(y),
    selected: y === current,
  }));
}

export function resourcesRoutes(app: FastifyInstance, services: Services): void {
  pageRoutes(app, services.resources);
  resourcesApiRoutes(app, services.resources);
}

function pageRoutes(app: FastifyInstance, resources: ResourcesService): void {
  const base = '/localities/:code/resources';
  const home = (code: string) => `/localities/${code}/resources`;
  const common = { section: 'resources', labels: LABELS, percentLabel, ratio };
  resourcesFormRoutes(app, resources, common);

  app.get(base, { config: { access: 'public' } }, async (request, reply) => {
    const result = await resources.moneyByOutcome(request.principal, params(request).code, { year: yearOf(request) });
    const gaps = result.rows.filter((r) => r.flags.length > 0);
    return reply.view('resources/views/money.njk', {
      ...common,
      title: 'Money by outcome',
      tab: 'money',
      locality: result.locality,
      result,
      yearLabel: result.yearLabel,
      gaps,
      years: yearChoices(result.year, result.yearLabel),
    });
  });

  // --- exports: each view as CSV, what the page shows to this person -----------------------------

  const sendCsv = (reply: FastifyReply, name: string, body: string) =>
    reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}"`).send(body);

  app.get(`${base}/money.csv`, { config: { access: 'public' } }, async (request, reply) => {
    const result = await resources.moneyByOutcome(request.principal, params(request).code, { year: yearOf(request) });
    return sendCsv(reply, `money-by-outcome-${result.year}.csv`, moneyCsv(result.year, result.rows, result.yearLabel));
  });
  app.get(`${base}/funding.csv`, { config: { access: 'public' } }, async (request, reply) => {
    const result = await resources.cliffEdge(request.principal, params(request).code);
    return sendCsv(reply, 'funding-cliff-edge.csv', cliffEdgeCsv(result.rows));
  });
  app.get(`${base}/cost-benefit.csv`, { config: { access: 'public' } }, async (request, reply) => {
    const result = await resources.league(request.principal, params(request).code, { year: yearOf(request) });
    return sendCsv(reply, `cost-benefit-${result.year}.csv`, leagueCsv(result.year, result.rows, result.yearLabel));
  });
  app.get(`${base}/contributions.csv`, { config: { access: 'public' } }, async (request, reply) => {
    const result = await resources.contributions(request.principal, params(request).code, { year: yearOf(request) });
    return sendCsv(reply, `contributions-${result.year}.csv`, contributionsCsv(result.contributions, result.yearLabel));
  });

  // The funding flows in the 360Giving Data Standard, as the funds module publishes its awards.
  for (const [format, type, write] of [
    ['json', 'application/json; charset=utf-8', grantsJson],
    ['csv', 'text/csv; charset=utf-8', grantsCsv],
  ] as const) {
    app.get(`${base}/funding-360giving.${format}`, { config: { access: 'public' } }, async (request, reply) => {
      const flows = await resources.fundingFlows(request.principal, params(request).code);
      return reply
        .type(type)
        .header('content-disposition', `attachment; filename="funding-360giving-${flows.locality.gss_code}.${format}"`)
        .send(write(fundingFlowGrants(flows).grants));
    });
  }

  app.get(`${base}/funding`, { config: { access: 'public' } }, async (request, reply) => {
    const code = params(request).code;
    const [edge, pooled, all, lists] = await Promise.all([
      resources.cliffEdge(request.principal, code),
      resources.pooledBudgets(request.principal, code),
      resources.fundingStreams(request.principal, code),
      resources.referenceLists(),
    ]);
    return reply.view('resources/views/funding.njk', {
      ...common,
      title: 'Funding cliff edge',
      tab: 'funding',
      locality: edge.locality,
      edge,
      windows: [6, 12, 24].map((months) => ({ months, rows: edge.rows.filter((r) => r.window === months) })),
      streams: all.streams.map((s) => ({
        ...s,
        fund: lists.label('fund', s.fund_code),
        accountableBodyName: s.accountable_body_id ? edge.organisationNames.get(s.accountable_body_id) : undefined,
      })),
      canAdminister: edge.canAdminister,
      // Which flows the 360Giving files leave out, and why (the prefix does not change that).
      givingLeftOut: fundingFlowGrants({
        locality: edge.locality,
        prefix: null,
        organisations: edge.organisations,
        streams: all.streams,
        budgets: pooled.budgets,
        lists,
      }).left,
      budgets: pooled.budgets.map((b) => ({
        ...b,
        basis: lists.label('legal-basis', b.legal_basis),
        host: pooled.organisationNames.get(b.host_organisation_id),
        governing: b.governing_partnership_id ? pooled.partnershipNames.get(b.governing_partnership_id) : undefined,
        contributors: b.contributors.map((c, i) => ({
          name: pooled.organisationNames.get(c.organisationId),
          share: percentLabel(c.shareBp),
          pence: b.amounts[i],
        })),
      })),
    });
  });

  app.get(`${base}/cost-benefit`, { config: { access: 'public' } }, async (request, reply) => {
    const result = await resources.league(request.principal, params(request).code, { year: yearOf(request) });
    const assessed = result.rows.filter((r) => r.result.ratio !== null);
    const svg = costBenefitChartSvg(
      assessed.map((r, i) => ({
        key: String(i + 1),
        name: r.name,
        cost: r.result.cost.totalPence,
        benefit: r.result.benefitPence,
      })),
      {
        title: `Cost against recorded benefit, ${result.yearLabel(result.year)}: each partnership assessed`,
        description: `${assessed.length} partnerships with benefits valued in money. Above the diagonal, recorded benefits exceed costs (collaborative advantage); below it, costs exceed them (collaborative inertia). The table below gives every figure.`,
      },
    );
    return reply.view('resources/views/league.njk', {
      ...common,
      title: 'Cost-benefit of partnerships',
      tab: 'cost-benefit',
      locality: result.locality,
      result,
      yearLabel: result.yearLabel,
      assessed,
      others: result.rows.filter((r) => r.result.ratio === null),
      svg,
      years: yearChoices(result.year, result.yearLabel),
    });
  });

  app.get(
    '/localities/:code/partnerships/:id/cost-benefit',
    { config: { access: 'public' } },
    async (request, reply) => {
      const result = await resources.partnershipCostBenefit(
        request.principal,
        params(request).code,
        params(request).id,
        {
          year: yearOf(request),
        },
      );
      return reply.view('resources/views/partnership.njk', {
        ...common,
        title: `Cost-benefit: ${result.partnership.name}`,
        tab: 'cost-benefit',
        locality: result.locality,
        result,
        yearLabel: result.yearLabel,
        years: yearChoices(result.year, result.yearLabel),
      });
    },
  );

  // --- contributions --------------------------------------------------------------------------

  app.get(`${base}/contributions`, { config: { access: 'public' } }, async (request, reply) => {
    const q = query(request);
    const result = await resources.contributions(request.principal, params(request).code, { year: yearOf(request) });
    const search = typeof q.q === 'string' ? q.q.trim() : '';
    const state = q.state === 'entered' || q.state === 'confirmed' ? q.state : '';
    const sort = q.sort === 'value' || q.sort === 'organisation' ? q.sort : 'name';
    const order = q.order === 'desc' ? 'desc' : 'asc';
    const needle = search.toLowerCase();
    const rows = result.contributions
      .filter(
        (c) =>
          (!needle ||
            c.partnershipName.toLowerCase().includes(needle) ||
            c.organisationName.toLowerCase().includes(needle)) &&
          (!state || c.row.state === state),
      )
      .sort((a: ContributionView, b: ContributionView) => {
        const by =
          sort === 'value'
            ? a.valuePence - b.valuePence
            : sort === 'organisation'
              ? a.organisationName.localeCompare(b.organisationName, 'en-GB')
              : a.partnershipName.localeCompare(b.partnershipName, 'en-GB');
        return order === 'asc' ? by : -by;
      });
    const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
    const page = Math.min(pages, Math.max(1, Number(q.page) || 1));
    const links = listLinks(
      `${home(result.locality.gss_code)}/contributions`,
      {
        sort,
        order,
        page,
        pageSize: PAGE_SIZE,
        q: search || undefined,
        state: state || undefined,
        year: result.yearLabel(result.year),
      },
      pages,
      ['name', 'organisation', 'value'],
    );
    const resourcing = await resources.partnerResourcing(request.principal, params(request).code, {
      year: result.year,
    });
    return reply.view('resources/views/contributions.njk', {
      ...common,
      title: 'Partners’ contributions',
      tab: 'contributions',
      locality: result.locality,
      result,
      yearLabel: result.yearLabel,
      rows: rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE),
      total: rows.length,
      totalPence: rows.reduce((a, c) => a + c.valuePence, 0),
      links,
      pages,
      search,
      state,
      stateItems: choices(
        [
          { value: 'entered', text: 'Awaiting confirmation' },
          { value: 'confirmed', text: 'Confirmed' },
        ],
        state,
        'Any',
      ),
      years: yearChoices(result.year, result.yearLabel),
      canRecord: resources.mayRecord(result),
      resourcing: resourcing.rows,
    });
  });

  const contributionFormContext = async (request: FastifyRequest, values: Record<string, unknown>) => {
    const ctx = await resources.context(request.principal, params(request).code);
    const own = ctx.organisations.filter((o) => resources.mayActFor(ctx, o.id));
    return {
      ...common,
      title: 'Record a contribution',
      tab: 'contributions',
      locality: ctx.locality,
      partnershipItems: choices(
        ctx.partnerships
          .filter((p) => p.status === 'active' || p.status === 'proposed')
          .map((p) => ({ value: p.id, text: p.name })),
        values.partnershipId,
        'Choose a partnership',
      ),
      organisationItems: choices(
        own.map((o) => ({ value: o.id, text: o.name })),
        values.organisationId ?? (own.length === 1 ? own[0]?.id : undefined),
        own.length === 1 ? undefined : 'Choose an organisation',
      ),
      kindItems: choices(labelled(CONTRIBUTION_KIND_LABELS), values.kind),
      gradeItems: choices(
        ctx.settings.gradeRates.map((g) => ({
          value: g.grade,
          text: `${g.grade} (£${poundsValue(g.ratePence)} an hour)`,
        })),
        values.grade,
        'No grade',
      ),
      yearValue: values.year ?? ctx.yearLabel(ctx.year),
      yearExample: ctx.yearLabel(ctx.year),
    };
  };

  app.get(`${base}/contributions/new`, { config: { access: 'partner-recorder' } }, async (request, reply) => {
    const values = { partnershipId: query(request).partnership };
    return reply.view('resources/views/contribution-form.njk', {
      ...(await contributionFormContext(request, values)),
      values,
    });
  });

  /** What the form shows when it changes a contribution (`id`) rather than recording one. */
  const changing = (code: string, id: string) => ({
    title: 'Change a contribution',
    formAction: `${home(code)}/contributions/${id}`,
    submitText: 'Save the changes',
    removeHref: `${home(code)}/contributions/${id}/remove`,
  });

  app.get(`${base}/contributions/:id/edit`, { config: { access: 'partner-recorder' } }, async (request, reply) => {
    const { code, id } = params(request);
    const { ctx, before: c } = await resources.contributionToChange(request.principal, code, id);
    const values = {
      partnershipId: c.partnership_id,
      organisationId: c.organisation_id,
      year: ctx.yearLabel(c.financial_year),
      kind: c.kind,
      amount: c.amount_pence === null ? '' : poundsValue(c.amount_pence),
      hours: c.hours === null ? '' : String(c.hours),
      rate: c.rate_pence === null || c.grade ? '' : poundsValue(c.rate_pence),
      grade: c.grade ?? '',
      description: c.description ?? '',
      version: String(c.version),
    };
    return reply.view('resources/views/contribution-form.njk', {
      ...(await contributionFormContext(request, values)),
      ...changing(code, id),
      values,
    });
  });

  /** Records a contribution, or changes one (`id`, read at the form's version), from the form's values. */
  const saveContribution = (request: FastifyRequest, reply: FastifyReply, id?: string) => {
    const values = body(request);
    const code = params(request).code;
    return submitForm(
      reply,
      {
        template: 'resources/views/contribution-form.njk',
        context: async () => ({
          ...(await contributionFormContext(request, values)),
          ...(id ? changing(code, id) : {}),
        }),
        values,
      },
      async () => {
        const form = parseInput(contributionForm, values);
        const { amount, rate, hours, ...rest } = form;
        const hoursNumber = hours === undefined || hours.trim() === '' ? undefined : Number(hours.replace(/,/g, ''));
        if (hoursNumber !== undefined && Number.isNaN(hoursNumber))
          throw ValidationError.of('hours', 'Hours must be a number, like 40 or 7.5');
        try {
          const input = {
            ...rest,
            amountPence: rest.kind === 'staff-time' ? undefined : amount,
            ratePence: rest.kind === 'staff-time' ? rate : undefined,
            hours: rest.kind === 'staff-time' ? hoursNumber : undefined,
            grade: rest.kind === 'staff-time' ? rest.grade || undefined : undefined,
          };
          const row = id
            ? await resources.updateContribution(request.principal, code, id, {
                ...input,
                version: formVersion(values),
              })
            : await resources.recordContribution(request.principal, code, input);
          return {
            redirect: `${home(code)}/contributions?year=${row.financial_year}&state=entered`,
            flash: id
              ? 'The contribution was changed. The partnership’s secretary has been asked to confirm it again.'
              : 'The contribution was recorded. The partnership’s secretary has been asked to confirm it.',
          };
        } catch (error) {
          if (error instanceof ValidationError)
            throw new ValidationError(error.errors.map((e) => ({ ...e, field: FORM_FIELD[e.field] ?? e.field })));
          throw error;
        }
      },
    );
  };

  app.post(`${base}/contributions`, { config: { access: 'partner-recorder' } }, (request, reply) =>
    saveContribution(request, reply),
  );
  app.post(`${base}/contributions/:id`, { config: { access: 'partner-recorder' } }, (request, reply) =>
    saveContribution(request, reply, params(request).id),
  );

  app.post(`${base}/contributions/:id/confirm`, { config: { access: 'register-editor' } }, async (request, reply) => {
    const code = params(request).code;
    const row = await resources.confirmContribution(request.principal, code, params(request).id, {
      version: Number(body(request).version),
    });
    const view = await resources.contribution(request.principal, code, row.id);
    return reply.redirectWithFlash(
      `${home(code)}/contributions?year=${row.financial_year}`,
      `The contribution from ${view.organisationName} to ${view.partnershipName} is confirmed.`,
    );
  });

  // --- funding streams ------------------------------------------------------------------------

  const fundingFormContext = async (request: FastifyRequest, values: Record<string, unknown>) => {
    const ctx = await resources.context(request.principal, params(request).code);
    const outcomes = await resources.outcomeOptions(request.principal, ctx);
    const lists = await resources.referenceLists();
    const funds = lists.items('fund', true).filter((f) => f.active || f.code === values.fundCode);
    return {
      ...common,
      title: 'Record a funding stream',
      tab: 'funding',
      locality: ctx.locality,
      fundItems: choices(
        funds.map((f) => ({ value: f.code, text: f.attributes.historic === true ? `${f.label} (historic)` : f.label })),
        values.fundCode,
        'Choose a fund',
      ),
      bodyItems: choices(
        ctx.organisations.map((o) => ({ value: o.id, text: o.name })),
        values.accountableBodyId,
        'Not recorded',
      ),
      requiresItems: choices(
        [
          { value: 'yes', text: 'Yes' },
          { value: 'no', text: 'No' },
        ],
        values.requiresPartnership,
      ),
      partnershipItems: choices(
        ctx.partnerships.filter((p) => p.status === 'active').map((p) => ({ value: p.id, text: p.name })),
        values.partnershipIds,
      ),
      outcomeItems: choices(outcomes, values.outcomeIds),
    };
  };

  app.get(`${base}/funding/new`, { config: { access: 'locality-admin' } }, async (request, reply) => {
    const values = {};
    return reply.view('resources/views/funding-form.njk', { ...(await fundingFormContext(request, values)), values });
  });

  /** The stream's amount, dates and choices as the form writes them. */
  const streamFormValues = (s: FundingStreamRecord): Record<string, unknown> => {
    const [sy, sm, sd] = String(s.starts_on).split('-');
    const [ey, em, ed] = String(s.ends_on).split('-');
    return {
      fundCode: s.fund_code,
      name: s.name,
      funder: s.funder,
      accountableBodyId: s.accountable_body_id ?? '',
      amount: (s.amount_per_year_pence / 100).toFixed(2).replace(/\.00$/, ''),
      'startsOn-day': String(Number(sd)),
      'startsOn-month': String(Number(sm)),
      'startsOn-year': sy,
      'endsOn-day': String(Number(ed)),
      'endsOn-month': String(Number(em)),
      'endsOn-year': ey,
      requiresPartnership: s.requires_partnership ? 'yes' : 'no',
      partnershipIds: s.partnershipIds,
      outcomeIds: s.outcomeIds,
      exitStrategy: s.exit_strategy ?? '',
      version: String(s.version),
    };
  };

  /** Records a new stream, or changes one (`id`), from the form's values. */
  const saveStream = (request: FastifyRequest, reply: FastifyReply, id?: string) => {
    const values = body(request);
    const code = params(request).code;
    return submitForm(
      reply,
      {
        template: 'resources/views/funding-form.njk',
        context: async () => ({ ...(await fundingFormContext(request, values)), ...(id ? editing(code, id) : {}) }),
        values,
      },
      async () => {
        const amountText = String(values.amount ?? '').trim();
        const amountPerYearPence = amountText === '' ? undefined : parsePounds(amountText);
        if (amountText !== '' && amountPerYearPence === undefined)
          throw ValidationError.of('amount', 'Amount a year must be an amount in pounds, like 250000 or 250,000.50');
        const input = formToInput(fundingStreamInput, values);
        const requires = values.requiresPartnership;
        const stream = {
          ...input,
          amountPerYearPence,
          requiresPartnership: requires === 'yes' ? true : requires === 'no' ? false : undefined,
        };
        try {
          const saved = id
            ? await resources.updateFundingStream(request.principal, code, id, {
                ...stream,
                version: formVersion(values),
              })
            : await resources.createFundingStream(request.principal, code, stream);
          return {
            redirect: `${home(code)}/funding`,
            flash: id
              ? `The funding stream ${saved.name} was changed.`
              : `The funding stream ${saved.name} was recorded.`,
          };
        } catch (error) {
          if (error instanceof ValidationError)
            throw new ValidationError(
              error.errors.map((e) => ({
                ...e,
                field: e.field === 'amountPerYearPence' ? 'amount' : e.field.replace(/\.\d+$/, ''),
              })),
            );
          throw error;
        }
      },
    );
  };
  const editing = (code: string, id: string) => ({
    title: 'Change a funding stream',
    formAction: `${home(code)}/funding/${id}`,
    submitText: 'Save the changes',
    removeHref: `${home(code)}/funding/${id}/remove`,
  });

  app.post(`${base}/funding`, { config: { access: 'locality-admin' } }, (request, reply) => saveStream(request, reply));

  app.get(`${base}/funding/:id/edit`, { config: { access: 'locality-admin' } }, async (request, reply) => {
    const { code, id } = params(request);
    const values = streamFormValues(await resources.fundingStream(request.principal, code, id));
    return reply.view('resources/views/funding-form.njk', {
      ...(await fundingFormContext(request, values)),
      ...editing(code, id),
      values,
    });
  });

  app.post(`${base}/funding/:id`, { config: { access: 'locality-admin' } }, (request, reply) =>
    saveStream(request, reply, params(request).id),
  );

  const removalContext = async (request: FastifyRequest) => {
    const { code, id } = params(request);
    const stream = await resources.fundingStream(request.principal, code, id);
    const ctx = await resources.context(request.principal, code);
    return {
      ...common,
      title: `Remove ${stream.name}`,
      tab: 'funding',
      locality: ctx.locality,
      stream,
      dependants: stream.partnershipIds.map((p) => ctx.partnershipNames.get(p)).filter(Boolean),
    };
  };

  app.get(`${base}/funding/:id/remove`, { config: { access: 'locality-admin' } }, async (request, reply) => {
    const ctx = await removalContext(request);
    return reply.view('resources/views/funding-remove.njk', {
      ...ctx,
      values: { version: String(ctx.stream.version) },
    });
  });

  app.post(`${base}/funding/:id/remove`, { config: { access: 'locality-admin' } }, async (request, reply) => {
    const values = body(request);
    const { code, id } = params(request);
    return submitForm(
      reply,
      { template: 'resources/views/funding-remove.njk', context: () => removalContext(request), values },
      async () => {
        const { stream } = await removalContext(request);
        await resources.removeFundingStream(request.principal, code, id, { version: formVersion(values) });
        return { redirect: `${home(code)}/funding`, flash: `The funding stream ${stream.name} was removed.` };
      },
    );
  });

  // --- benefits -------------------------------------------------------------------------------

  const benefitFormContext = async (request: FastifyRequest) => {
    const result = await resources.partnershipCostBenefit(request.principal, params(request).code, params(request).id);
    return {
      ...common,
      title: `Record a benefit: ${result.partnership.name}`,
      tab: 'cost-benefit',
      locality: result.locality,
      partnership: result.partnership,
      kindItems: labelled(BENEFIT_KIND_LABELS),
      indicatorItems: await resources.indicatorOptions(result.locality),
      confidenceItems: labelled(CONFIDENCE_LABELS),
      yearValue: result.yearLabel(result.year),
      yearExample: result.yearLabel(result.year),
    };
  };

  app.get(
    '/localities/:code/partnerships/:id/benefits/new',
    { config: { access: 'register-editor' } },
    async (request, reply) => {
      const ctx = await benefitFormContext(request);
      return reply.view('resources/views/benefit-form.njk', {
        ...ctx,
        values: { year: ctx.yearValue },
        indicatorItems: choices(ctx.indicatorItems, undefined, 'Choose an indicator'),
        kindItems: choices(ctx.kindItems, undefined),
        confidenceItems: choices(ctx.confidenceItems, undefined),
      });
    },
  );

  app.post(
    '/localities/:code/partnerships/:id/benefits',
    { config: { access: 'register-editor' } },
    async (request, reply) => {
      const values = body(request);
      const { code, id } = params(request);
      return submitForm(
        reply,
        {
          template: 'resources/views/benefit-form.njk',
          context: async () => {
            const ctx = await benefitFormContext(request);
            return {
              ...ctx,
              kindItems: choices(ctx.kindItems, values.kind),
              confidenceItems: choices(ctx.confidenceItems, values.confidence),
              indicatorItems: choices(ctx.indicatorItems, values.indicatorId, 'Choose an indicator'),
            };
          },
          values,
        },
        async () => {
          const value =
            values.value === undefined || String(values.value).trim() === '' ? undefined : String(values.value);
          const attribution =
            values.attribution === undefined || String(values.attribution).trim() === ''
              ? undefined
              : String(values.attribution);
          const valuePence = value === undefined ? undefined : parsePounds(value);
          const attributionBp = attribution === undefined ? undefined : parsePercent(attribution);
          const errors = [
            ...(value !== undefined && valuePence === undefined
              ? [{ field: 'value', message: 'Value must be an amount in pounds, like 12000 or 12,000.50' }]
              : []),
            ...(attribution !== undefined && attributionBp === undefined
              ? [{ field: 'attribution', message: 'Attribution must be a percentage, like 30 or 12.5' }]
              : []),
          ];
          if (errors.length > 0) throw new ValidationError(errors);
          try {
            await resources.recordBenefit(request.principal, code, {
              partnershipId: id,
              year: values.year,
              kind: values.kind,
              title: values.title,
              valuePence: values.kind === 'qualitative' ? undefined : valuePence,
              attributionBp: values.kind === 'indicator' ? attributionBp : undefined,
              indicatorId: values.kind === 'indicator' ? values.indicatorId || undefined : undefined,
              evidence: values.evidence,
              confidence: values.confidence,
            });
          } catch (error) {
            if (error instanceof ValidationError)
              throw new ValidationError(
                error.errors.map((e) => ({
                  ...e,
                  field: e.field === 'valuePence' ? 'value' : e.field === 'attributionBp' ? 'attribution' : e.field,
                })),
              );
            throw error;
          }
          return {
            redirect: `/localities/${code}/partnerships/${id}/cost-benefit`,
            flash: 'The benefit was recorded.',
          };
        },
      );
    },
  );
}
