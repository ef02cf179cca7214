/**
 * Resources pages that change records: pooled budgets and budget lines (with their shares),
 * benefits changed or removed, the locality's costing settings, and the import of contributions.
 * Every change is read at a version and re-shown with what was typed when refused. Thin: parse
 * the form, call the service, render.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type FieldError, NotFoundError, ValidationError } from '../../core/errors.js';
import { formToInput } from '../../core/validation.js';
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
import { templateCsv } from '../performance/imports.js';
import type { Sector } from '../overlap/types.js';
import { parsePercent, parsePounds, percentLabel } from './rules.js';
import { BENEFIT_KIND_LABELS, CONFIDENCE_LABELS, pooledBudgetInput } from './schema.js';
import { BUDGET_LINES, CONTRIBUTIONS, FUNDING_STREAMS, type ImportKind } from './imports.js';
import type { ResourcesService } from './service.js';

type Params = { code: string; id: string; bid: string };
const params = (request: FastifyRequest) => request.params as Params;
const body = (request: FastifyRequest) => (request.body ?? {}) as Record<string, unknown>;
const query = (request: FastifyRequest) => (request.query ?? {}) as Record<string, unknown>;

const LIST_TITLES = { contributions: 'Contributions', 'budget-lines': 'Budget lines', funding: 'Funding cliff edge' };

/** The largest file an import takes (the multipart limit is the app's). */

/** How many rows of shares (contributors, outcomes, grades) a form offers. */
export const SHARE_ROWS = 6;
const SECTORS: Sector[] = ['public', 'private', 'voluntary', 'community'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const text = (value: unknown) => (value === undefined || value === null ? '' : String(value).trim());

/** The version a form was read at, as the number the service checks (anything else is refused there). */
function formVersion(values: Record<string, unknown>): unknown {
  const t = text(values.version);
  return /^\d+$/.test(t) ? Number(t) : values.version;
}

/** Pence as the form shows pounds: 1250000 is "12500", 1250050 is "12500.50". */
export function poundsValue(pence: number): string {
  return (pence / 100).toFixed(2).replace(/\.00$/, '');
}

/** Basis points as the form shows a percentage: 3333 is "33.33". */
function percentValue(bp: number): string {
  return (bp / 100).toFixed(2).replace(/\.?0+$/, '');
}

function dateValues(name: string, iso: string | null): Record<string, string> {
  if (!iso) return {};
  const [y, m, d] = String(iso).split('-');
  return { [`${name}-day`]: String(Number(d)), [`${name}-month`]: String(Number(m)), [`${name}-year`]: y ?? '' };
}

/**
 * The rows of shares a form holds (`prefix-N-id`, `prefix-N-share`), blank rows left out: the
 * list for the service, the form row of each entry (to put the service's messages back on the
 * right row), and the problems found reading them.
 */
function readShareRows(values: Record<string, unknown>, prefix: string, idKey: string, choose: string) {
  const list: Array<Record<string, unknown>> = [];
  const rowOf: number[] = [];
  const errors: FieldError[] = [];
  for (let i = 0; i < SHARE_ROWS; i++) {
    const id = text(values[`${prefix}-${i}-id`]);
    const share = text(values[`${prefix}-${i}-share`]);
    if (!id && !share) continue;
    const shareBp = share === '' ? undefined : parsePercent(share);
    if (!id) errors.push({ field: `${prefix}-${i}-id`, message: choose });
    if (share === '') errors.push({ field: `${prefix}-${i}-share`, message: 'Enter the share, like 60 or 33.33' });
    else if (shareBp === undefined)
      errors.push({ field: `${prefix}-${i}-share`, message: 'The share must be a percentage, like 60 or 33.33' });
    list.push({ [idKey]: id, shareBp });
    rowOf.push(i);
  }
  return { list, rowOf, errors };
}

/** The service's field (`contributors.1.shareBp`, `contributors`) as the form's (`contributors-3-share`). */
function formField(field: string, rows: Record<string, number[]>, renames: Record<string, string> = {}): string {
  const match = /^(\w+)\.(\d+)\.(\w+)$/.exec(field);
  if (match) {
    const [, prefix, index, key] = match as unknown as [string, string, string, string];
    const row = rows[prefix]?.[Number(index)] ?? 0;
    return `${prefix}-${row}-${key === 'shareBp' ? 'share' : 'id'}`;
  }
  if (rows[field]) return `${field}-${rows[field]?.[0] ?? 0}-share`;
  return renames[field] ?? field.replace(/\.\d+$/, '');
}

/** Re-throws a validation error with its fields named as the form names them. */
function renamed<T>(work: () => Promise<T>, rows: Record<string, number[]>, renames: Record<string, string>) {
  return work().catch((error: unknown) => {
    if (error instanceof ValidationError)
      throw new ValidationError(error.errors.map((e) => ({ ...e, field: formField(e.field, rows, renames) })));
    throw error;
  });
}

/** Share rows' current values for the form: each row's choices and share. */
function shareRowsView(
  values: Record<string, unknown>,
  prefix: string,
  options: Array<{ value: string; text: string }>,
  blank: string,
) {
  return Array.from({ length: SHARE_ROWS }, (_, i) => ({
    index: i,
    items: choices(options, values[`${prefix}-${i}-id`], blank),
    share: values[`${prefix}-${i}-share`],
  }));
}

function shareValues(prefix: string, list: Array<{ id: string; shareBp: number }>): Record<string, string> {
  const out: Record<string, string> = {};
  list.forEach((entry, i) => {
    out[`${prefix}-${i}-id`] = entry.id;
    out[`${prefix}-${i}-share`] = percentValue(entry.shareBp);
  });
  return out;
}

export function resourcesFormRoutes(
  app: FastifyInstance,
  resources: ResourcesService,
  common: Record<string, unknown>,
): void {
  const base = '/localities/:code/resources';
  const home = (code: string) => `/localities/${code}/resources`;

  // --- pooled budgets -------------------------------------------------------------------------

  const pooledContext = async (request: FastifyRequest, values: Record<string, unknown>, id?: string) => {
    const code = params(request).code;
    const ctx = await resources.context(request.principal, code);
    const outcomes = await resources.outcomeOptions(request.principal, ctx);
    const organisations = ctx.organisations.map((o) => ({ value: o.id, text: o.name }));
    const lists = await resources.referenceLists();
    const bases = lists.items('legal-basis', true).filter((b) => b.active || b.code === values.legalBasis);
    return {
      ...common,
      title: id ? 'Change a pooled budget' : 'Record a pooled budget',
      tab: 'funding',
      locality: ctx.locality,
      formAction: id ? `${home(code)}/pooled/${id}` : `${home(code)}/pooled`,
      submitText: id ? 'Save the changes' : 'Record the pooled budget',
      removeHref: id ? `${home(code)}/pooled/${id}/remove` : undefined,
      basisItems: choices(
        bases.map((b) => ({ value: b.code, text: b.label })),
        values.legalBasis,
        'Choose the legal basis',
      ),
      hostItems: choices(organisations, values.hostOrganisationId, 'Choose the host partner'),
      governingItems: choices(
        ctx.partnerships.filter((p) => p.status !== 'closed').map((p) => ({ value: p.id, text: p.name })),
        values.governingPartnershipId,
        'Not recorded',
      ),
      contributorRows: shareRowsView(values, 'contributors', organisations, 'Choose a partner'),
      outcomeRows: shareRowsView(values, 'outcomes', outcomes, 'Choose an outcome'),
    };
  };

  const savePooled = (request: FastifyRequest, reply: FastifyReply, id?: string) => {
    const values = body(request);
    const code = params(request).code;
    return submitForm(
      reply,
      { template: 'resources/views/pooled-form.njk', context: () => pooledContext(request, values, id), values },
      async () => {
        const amountText = text(values.amount);
        const amountPerYearPence = amountText === '' ? undefined : parsePounds(amountText);
        const contributors = readShareRows(values, 'contributors', 'organisationId', 'Choose the partner');
        const outcomes = readShareRows(values, 'outcomes', 'outcomeId', 'Choose the outcome');
        const errors = [
          ...(amountText !== '' && amountPerYearPence === undefined
            ? [{ field: 'amount', message: 'Amount a year must be an amount in pounds, like 250000 or 250,000.50' }]
            : []),
          ...contributors.errors,
          ...outcomes.errors,
        ];
        if (errors.length > 0) throw new ValidationError(errors);
        const input = {
          ...formToInput(pooledBudgetInput, values),
          amountPerYearPence,
          contributors: contributors.list,
          outcomes: outcomes.list,
        };
        const rows = { contributors: contributors.rowOf, outcomes: outcomes.rowOf };
        const saved = await renamed(
          () =>
            id
              ? resources.updatePooledBudget(request.principal, code, id, { ...input, version: formVersion(values) })
              : resources.createPooledBudget(request.principal, code, input),
          rows,
          { amountPerYearPence: 'amount' },
        );
        return {
          redirect: `${home(code)}/funding#pooled`,
          flash: id ? `The pooled budget ${saved.name} was changed.` : `The pooled budget ${saved.name} was recorded.`,
        };
      },
    );
  };

  app.get(`${base}/pooled/new`, { config: { access: 'locality-admin' } }, async (request, reply) => {
    const values = {};
    return reply.view('resources/views/pooled-form.njk', { ...(await pooledContext(request, values)), values });
  });
  app.post(`${base}/pooled`, { config: { access: 'locality-admin' } }, (request, reply) => savePooled(request, reply));
  app.get(`${base}/pooled/:id/edit`, { config: { access: 'locality-admin' } }, async (request, reply) => {
    const { code, id } = params(request);
    const { before: b } = await resources.pooledBudget(request.principal, code, id);
    const values = {
      name: b.name,
      legalBasis: b.legal_basis,
      hostOrganisationId: b.host_organisation_id,
      governingPartnershipId: b.governing_partnership_id ?? '',
      riskShare: b.risk_share ?? '',
      amount: poundsValue(b.amount_per_year_pence),
      ...dateValues('startsOn', b.starts_on),
      ...dateValues('endsOn', b.ends_on),
      ...shareValues(
        'contributors',
        b.contributors.map((c) => ({ id: c.organisationId, shareBp: c.shareBp })),
      ),
      ...shareValues(
        'outcomes',
        b.outcomes.map((o) => ({ id: o.outcomeId, shareBp: o.shareBp })),
      ),
      version: String(b.version),
    };
    return reply.view('resources/views/pooled-form.njk', { ...(await pooledContext(request, values, id)), values });
  });
  app.post(`${base}/pooled/:id`, { config: { access: 'locality-admin' } }, (request, reply) =>
    savePooled(request, reply, params(request).id),
  );

  /** A page asking whether to remove a record recorded in error, and the removal. */
  const removal = (
    path: string,
    access: 'locality-admin' | 'partner-recorder' | 'register-editor',
    describe: (request: FastifyRequest) => Promise<{
      noun: string;
      name: string;
      version: number;
      rows: Array<{ key: string; value: string }>;
      warning?: string;
      back: string;
      done: string;
      /** The message once removed; "The {noun} {name} was removed." by default. */
      flash?: string;
    }>,
    remove: (request: FastifyRequest, version: unknown) => Promise<void>,
  ) => {
    const context = async (request: FastifyRequest) => {
      const d = await describe(request);
      const ctx = await resources.context(request.principal, params(request).code);
      return {
        ...common,
        ...d,
        title: `Remove ${d.name}`,
        tab: 'funding',
        locality: ctx.locality,
        action: request.url.split('?')[0],
      };
    };
    app.get(path, { config: { access } }, async (request, reply) => {
      const ctx = await context(request);
      return reply.view('resources/views/remove.njk', { ...ctx, values: { version: String(ctx.version) } });
    });
    app.post(path, { config: { access } }, async (request, reply) => {
      const values = body(request);
      return submitForm(
        reply,
        { template: 'resources/views/remove.njk', context: () => context(request), values },
        async () => {
          const d = await describe(request);
          await remove(request, formVersion(values));
          return { redirect: d.done, flash: d.flash ?? `The ${d.noun} ${d.name} was removed.` };
        },
      );
    });
  };

  removal(
    `${base}/pooled/:id/remove`,
    'locality-admin',
    async (request) => {
      const { code, id } = params(request);
      const { before: b } = await resources.pooledBudget(request.principal, code, id);
      const ctx = await resources.context(request.principal, code);
      return {
        noun: 'pooled budget',
        name: b.name,
        version: b.version,
        rows: [
          { key: 'Legal basis', value: (await resources.referenceLists()).label('legal-basis', b.legal_basis) },
          { key: 'Host partner', value: ctx.organisationNames.get(b.host_organisation_id) ?? '' },
          {
            key: 'Contributors',
            value: b.contributors
              .map((c) => `${ctx.organisationNames.get(c.organisationId)} ${percentLabel(c.shareBp)}`)
              .join('; '),
          },
        ],
        warning: 'Its money will no longer count toward any outcome.',
        back: `${home(code)}/pooled/${id}/edit`,
        done: `${home(code)}/funding#pooled`,
      };
    },
    (request, version) =>
      resources.removePooledBudget(request.principal, params(request).code, params(request).id, { version }),
  );

  removal(
    `${base}/contributions/:id/remove`,
    'partner-recorder',
    async (request) => {
      const { code, id } = params(request);
      const { ctx, before: c } = await resources.contributionToChange(request.principal, code, id);
      const organisation = ctx.organisationNames.get(c.organisation_id) ?? '';
      const partnership = ctx.partnershipNames.get(c.partnership_id) ?? '';
      return {
        noun: 'contribution',
        name: `the contribution from ${organisation} to ${partnership}`,
        version: c.version,
        rows: [
          { key: 'Financial year', value: ctx.yearLabel(c.financial_year) },
          {
            key: 'Kind',
            value: c.kind === 'staff-time' ? `Staff time, ${c.hours} hours` : c.kind === 'cash' ? 'Cash' : 'In kind',
          },
          ...(c.amount_pence === null ? [] : [{ key: 'Amount', value: `£${poundsValue(c.amount_pence)}` }]),
          { key: 'State', value: c.state === 'confirmed' ? 'Confirmed' : 'Awaiting confirmation' },
        ],
        warning: c.state === 'confirmed' ? 'It will no longer count in the partnership’s cost.' : undefined,
        flash: `The contribution from ${organisation} to ${partnership} was removed.`,
        back: `${home(code)}/contributions/${id}/edit`,
        done: `${home(code)}/contributions?year=${c.financial_year}`,
      };
    },
    (request, version) =>
      resources.removeContribution(request.principal, params(request).code, params(request).id, { version }),
  );

  // --- budget lines ---------------------------------------------------------------------------

  app.get(`${base}/budget-lines`, { config: { access: 'public' } }, async (request, reply) => {
    const yearText = text(query(request).year);
    const year = /^\d{4}/.test(yearText) ? Number(yearText.slice(0, 4)) : undefined;
    const result = await resources.budgetLines(request.principal, params(request).code, { year });
    const outcomes = new Map((await resources.outcomeOptions(request.principal, result)).map((o) => [o.value, o.text]));
    const lines = result.lines
      .map((l) => ({
        ...l,
        organisationName: result.organisationNames.get(l.organisation_id) ?? '',
        mapped: l.outcomes.map((o) => ({
          title: outcomes.get(o.outcomeId) ?? 'An outcome not shown',
          share: percentLabel(o.shareBp),
        })),
        canChange: request.principal.canWrite && resources.mayActFor(result, l.organisation_id),
      }))
      .sort(
        (a, b) => a.organisationName.localeCompare(b.organisationName, 'en-GB') || a.service.localeCompare(b.service),
      );
    return reply.view('resources/views/budget-lines.njk', {
      ...common,
      title: 'Budget lines',
      tab: 'budget-lines',
      locality: result.locality,
      result,
      yearLabel: result.yearLabel,
      lines,
      canRecord: request.principal.canWrite && resources.mayRecord(result),
      years: [result.year - 2, result.year - 1, result.year, result.year + 1].map((y) => ({
        value: result.yearLabel(y),
        text: result.yearLabel(y),
        selected: y === result.year,
      })),
    });
  });

  const lineContext = async (request: FastifyRequest, values: Record<string, unknown>, id?: string) => {
    const code = params(request).code;
    const ctx = await resources.context(request.principal, code);
    const outcomes = await resources.outcomeOptions(request.principal, ctx);
    const own = ctx.organisations.filter((o) => resources.mayActFor(ctx, o.id));
    return {
      ...common,
      title: id ? 'Change a budget line' : 'Record a budget line',
      tab: 'budget-lines',
      locality: ctx.locality,
      formAction: id ? `${home(code)}/budget-lines/${id}` : `${home(code)}/budget-lines`,
      submitText: id ? 'Save the changes' : 'Record the budget line',
      removeHref: id ? `${home(code)}/budget-lines/${id}/remove` : undefined,
      organisationItems: choices(
        own.map((o) => ({ value: o.id, text: o.name })),
        values.organisationId ?? (own.length === 1 ? own[0]?.id : undefined),
        own.length === 1 ? undefined : 'Choose an organisation',
      ),
      outcomeRows: shareRowsView(values, 'outcomes', outcomes, 'Choose an outcome'),
      yearValue: values.year ?? ctx.yearLabel(ctx.year),
      yearExample: ctx.yearLabel(ctx.year),
    };
  };

  const saveLine = (request: FastifyRequest, reply: FastifyReply, id?: string) => {
    const values = body(request);
    const code = params(request).code;
    return submitForm(
      reply,
      { template: 'resources/views/line-form.njk', context: () => lineContext(request, values, id), values },
      async () => {
        const amountText = text(values.amount);
        const amountPence = amountText === '' ? undefined : parsePounds(amountText);
        const outcomes = readShareRows(values, 'outcomes', 'outcomeId', 'Choose the outcome');
        const errors = [
          ...(amountText !== '' && amountPence === undefined
            ? [{ field: 'amount', message: 'Amount must be an amount in pounds, like 250000 or 250,000.50' }]
            : []),
          ...outcomes.errors,
        ];
        if (errors.length > 0) throw new ValidationError(errors);
        const input = {
          organisationId: text(values.organisationId) || undefined,
          service: values.service,
          year: text(values.year) || undefined,
          amountPence,
          outcomes: outcomes.list,
        };
        const saved = await renamed(
          () =>
            id
              ? resources.updateBudgetLine(request.principal, code, id, { ...input, version: formVersion(values) })
              : resources.createBudgetLine(request.principal, code, input),
          { outcomes: outcomes.rowOf },
          { amountPence: 'amount' },
        );
        return {
          redirect: `${home(code)}/budget-lines?year=${saved.financial_year}`,
          flash: id
            ? `The budget line ${saved.service} was changed.`
            : `The budget line ${saved.service} was recorded.`,
        };
      },
    );
  };

  app.get(`${base}/budget-lines/new`, { config: { access: 'partner-recorder' } }, async (request, reply) => {
    const values = {};
    return reply.view('resources/views/line-form.njk', { ...(await lineContext(request, values)), values });
  });
  app.post(`${base}/budget-lines`, { config: { access: 'partner-recorder' } }, (request, reply) =>
    saveLine(request, reply),
  );
  app.get(`${base}/budget-lines/:id/edit`, { config: { access: 'partner-recorder' } }, async (request, reply) => {
    const { code, id } = params(request);
    const { ctx, before: l } = await resources.budgetLine(request.principal, code, id);
    const values = {
      organisationId: l.organisation_id,
      service: l.service,
      year: ctx.yearLabel(l.financial_year),
      amount: poundsValue(l.amount_pence),
      ...shareValues(
        'outcomes',
        l.outcomes.map((o) => ({ id: o.outcomeId, shareBp: o.shareBp })),
      ),
      version: String(l.version),
    };
    return reply.view('resources/views/line-form.njk', { ...(await lineContext(request, values, id)), values });
  });
  app.post(`${base}/budget-lines/:id`, { config: { access: 'partner-recorder' } }, (request, reply) =>
    saveLine(request, reply, params(request).id),
  );
  removal(
    `${base}/budget-lines/:id/remove`,
    'partner-recorder',
    async (request) => {
      const { code, id } = params(request);
      const { ctx, before: l } = await resources.budgetLine(request.principal, code, id);
      return {
        noun: 'budget line',
        name: l.service,
        version: l.version,
        rows: [
          { key: 'Organisation', value: ctx.organisationNames.get(l.organisation_id) ?? '' },
          { key: 'Financial year', value: ctx.yearLabel(l.financial_year) },
          { key: 'Amount', value: `£${poundsValue(l.amount_pence)}` },
        ],
        warning: 'Its money will no longer count toward the outcomes it is mapped to.',
        back: `${home(code)}/budget-lines/${id}/edit`,
        done: `${home(code)}/budget-lines?year=${l.financial_year}`,
      };
    },
    (request, version) =>
      resources.removeBudgetLine(request.principal, params(request).code, params(request).id, { version }),
  );

  // --- benefits: change and remove ------------------------------------------------------------

  const benefitBase = '/localities/:code/partnerships/:id/benefits/:bid';
  const benefitContext = async (request: FastifyRequest, values: Record<string, unknown>) => {
    const { code, id, bid } = params(request);
    const { ctx, before } = await resources.benefit(request.principal, code, bid);
    if (before.partnership_id !== id) throw new NotFoundError('Benefit');
    const indicators = await resources.indicatorOptions(ctx.locality);
    return {
      ...common,
      title: `Change a benefit: ${ctx.partnershipNames.get(id)}`,
      tab: 'cost-benefit',
      locality: ctx.locality,
      partnership: { id, name: ctx.partnershipNames.get(id) },
      formAction: `/localities/${code}/partnerships/${id}/benefits/${bid}`,
      submitText: 'Save the changes',
      removeHref: `/localities/${code}/partnerships/${id}/benefits/${bid}/remove`,
      kindItems: choices(labelled(BENEFIT_KIND_LABELS), values.kind),
      confidenceItems: choices(labelled(CONFIDENCE_LABELS), values.confidence),
      indicatorItems: choices(indicators, values.indicatorId, 'Choose an indicator'),
      yearValue: values.year,
      yearExample: ctx.yearLabel(ctx.year),
      before,
    };
  };

  app.get(`${benefitBase}/edit`, { config: { access: 'register-editor' } }, async (request, reply) => {
    const { code, bid } = params(request);
    const { ctx, before: b } = await resources.benefit(request.principal, code, bid);
    const values = {
      title: b.title,
      year: ctx.yearLabel(b.financial_year),
      kind: b.kind,
      value: b.value_pence === null ? '' : poundsValue(b.value_pence),
      indicatorId: b.indicator_id ?? '',
      attribution: b.attribution_bp === null ? '' : percentValue(b.attribution_bp),
      evidence: b.evidence,
      confidence: b.confidence,
      version: String(b.version),
    };
    return reply.view('resources/views/benefit-form.njk', { ...(await benefitContext(request, values)), values });
  });

  app.post(benefitBase, { config: { access: 'register-editor' } }, async (request, reply) => {
    const values = body(request);
    const { code, id, bid } = params(request);
    return submitForm(
      reply,
      { template: 'resources/views/benefit-form.njk', context: () => benefitContext(request, values), values },
      async () => {
        const value = text(values.value);
        const attribution = text(values.attribution);
        const valuePence = value === '' ? undefined : parsePounds(value);
        const attributionBp = attribution === '' ? undefined : parsePercent(attribution);
        const errors = [
          ...(value !== '' && valuePence === undefined
            ? [{ field: 'value', message: 'Value must be an amount in pounds, like 12000 or 12,000.50' }]
            : []),
          ...(attribution !== '' && attributionBp === undefined
            ? [{ field: 'attribution', message: 'Attribution must be a percentage, like 30 or 12.5' }]
            : []),
        ];
        if (errors.length > 0) throw new ValidationError(errors);
        await renamed(
          () =>
            resources.updateBenefit(request.principal, code, bid, {
              partnershipId: id,
              year: values.year,
              kind: values.kind,
              title: values.title,
              valuePence: values.kind === 'qualitative' ? undefined : valuePence,
              attributionBp: values.kind === 'indicator' ? attributionBp : undefined,
              indicatorId: values.kind === 'indicator' ? text(values.indicatorId) || undefined : undefined,
              evidence: values.evidence,
              confidence: values.confidence,
              version: formVersion(values),
            }),
          {},
          { valuePence: 'value', attributionBp: 'attribution' },
        );
        return { redirect: `/localities/${code}/partnerships/${id}/cost-benefit`, flash: 'The benefit was changed.' };
      },
    );
  });

  removal(
    `${benefitBase}/remove`,
    'register-editor',
    async (request) => {
      const { code, id, bid } = params(request);
      const { ctx, before: b } = await resources.benefit(request.principal, code, bid);
      return {
        noun: 'benefit',
        name: b.title,
        version: b.version,
        rows: [
          { key: 'Partnership', value: ctx.partnershipNames.get(b.partnership_id) ?? '' },
          { key: 'Financial year', value: ctx.yearLabel(b.financial_year) },
          { key: 'Kind', value: BENEFIT_KIND_LABELS[b.kind as keyof typeof BENEFIT_KIND_LABELS] ?? b.kind },
          { key: 'Value', value: b.value_pence === null ? 'Not valued' : `£${poundsValue(b.value_pence)}` },
        ],
        back: `/localities/${code}/partnerships/${id}/benefits/${bid}/edit`,
        done: `/localities/${code}/partnerships/${id}/cost-benefit`,
      };
    },
    (request, version) =>
      resources.removeBenefit(request.principal, params(request).code, params(request).bid, { version }),
  );

  // --- settings -------------------------------------------------------------------------------

  const settingsContext = async (request: FastifyRequest, values: Record<string, unknown>) => {
    const ctx = await resources.settings(request.principal, params(request).code);
    return {
      ...common,
      title: 'Costing settings',
      tab: 'settings',
      locality: ctx.locality,
      canAdminister: true,
      sectors: SECTORS,
      monthItems: choices(
        MONTHS.map((m, i) => ({ value: String(i + 1), text: m })),
        values.financialYearStartMonth,
      ),
      gradeRows: Array.from({ length: SHARE_ROWS }, (_, i) => ({
        index: i,
        grade: values[`grades-${i}-grade`],
        rate: values[`grades-${i}-rate`],
      })),
      custom: ctx.settings.version > 0,
    };
  };

  app.get(`${base}/settings`, { config: { access: 'locality-admin' } }, async (request, reply) => {
    const ctx = await resources.settings(request.principal, params(request).code);
    const s = ctx.settings;
    const values: Record<string, unknown> = {
      financialYearStartMonth: String(s.startMonth),
      preparationHours: String(s.rates.preparationHoursPerMeeting),
      version: String(s.version),
    };
    for (const sector of SECTORS) values[`rate-${sector}`] = poundsValue(s.rates.hourlyPenceBySector[sector]);
    s.gradeRates.forEach((g, i) => {
      values[`grades-${i}-grade`] = g.grade;
      values[`grades-${i}-rate`] = poundsValue(g.ratePence);
    });
    return reply.view('resources/views/settings.njk', { ...(await settingsContext(request, values)), values });
  });

  app.post(`${base}/settings`, { config: { access: 'locality-admin' } }, async (request, reply) => {
    const values = body(request);
    const code = params(request).code;
    return submitForm(
      reply,
      { template: 'resources/views/settings.njk', context: () => settingsContext(request, values), values },
      async () => {
        const errors: FieldError[] = [];
        const hourly: Record<string, number | undefined> = {};
        for (const sector of SECTORS) {
          const t = text(values[`rate-${sector}`]);
          const pence = t === '' ? undefined : parsePounds(t);
          if (pence === undefined)
            errors.push({
              field: `rate-${sector}`,
              message: `Enter the ${sector} sector’s hourly cost in pounds, like 45 or 45.50`,
            });
          hourly[sector] = pence;
        }
        const grades: Array<{ grade: string; ratePence: number | undefined }> = [];
        const gradeRow: number[] = [];
        for (let i = 0; i < SHARE_ROWS; i++) {
          const grade = text(values[`grades-${i}-grade`]);
          const rate = text(values[`grades-${i}-rate`]);
          if (!grade && !rate) continue;
          const ratePence = rate === '' ? undefined : parsePounds(rate);
          if (!grade) errors.push({ field: `grades-${i}-grade`, message: 'Enter the name of the grade' });
          if (ratePence === undefined)
            errors.push({ field: `grades-${i}-rate`, message: 'Enter the grade’s hourly cost in pounds, like 38.50' });
          grades.push({ grade, ratePence });
          gradeRow.push(i);
        }
        const prep = text(values.preparationHours).replace(/,/g, '');
        const preparationHours = /^\d+(\.\d+)?$/.test(prep) ? Number(prep) : undefined;
        if (preparationHours === undefined)
          errors.push({
            field: 'preparationHours',
            message: 'Enter the hours of preparation a meeting, like 2 or 1.5',
          });
        if (errors.length > 0) throw new ValidationError(errors);
        try {
          await resources.saveSettings(request.principal, code, {
            financialYearStartMonth: Number(text(values.financialYearStartMonth)),
            hourlyPenceBySector: hourly,
            preparationHours,
            gradeRates: grades,
            version: formVersion(values),
          });
        } catch (error) {
          if (!(error instanceof ValidationError)) throw error;
          throw new ValidationError(
            error.errors.map((e) => {
              const grade = /^gradeRates\.(\d+)\.(\w+)$/.exec(e.field);
              if (grade)
                return {
                  ...e,
                  field: `grades-${gradeRow[Number(grade[1])] ?? 0}-${grade[2] === 'ratePence' ? 'rate' : 'grade'}`,
                };
              const sector = /^hourlyPenceBySector\.(\w+)$/.exec(e.field);
              if (sector) return { ...e, field: `rate-${sector[1]}` };
              return e;
            }),
          );
        }
        return { redirect: `${home(code)}/settings`, flash: 'The costing settings were saved.' };
      },
    );
  });

  // --- imports: contributions, budget lines, funding streams -----------------------------------------

  const imports: Array<{
    /** The list the import belongs to: its address under resources, the page's tab. */
    list: 'contributions' | 'budget-lines' | 'funding';
    kind: ImportKind;
    title: string;
    noun: [string, string];
    access: 'partner-recorder' | 'locality-admin';
    intro: string;
    run: ResourcesService['importContributions'];
    /** Where the list is, and what the message after an import adds. */
    done: (code: string) => { url: string; then?: string };
  }> = [
    {
      list: 'contributions',
      kind: CONTRIBUTIONS,
      title: 'Import contributions',
      noun: ['contribution', 'contributions'],
      access: 'partner-recorder',
      intro:
        'A file of partners’ contributions, one row a contribution. A partner’s representative imports their own organisation’s; the locality’s administrator any. Each awaits confirmation by the partnership’s secretary, as one recorded on the form does.',
      run: (...a) => resources.importContributions(...a),
      done: (code) => ({
        url: `${home(code)}/contributions?state=entered`,
        then: ' The partnerships’ secretaries have been asked to confirm them.',
      }),
    },
    {
      list: 'budget-lines',
      kind: BUDGET_LINES,
      title: 'Import budget lines',
      noun: ['budget line', 'budget lines'],
      access: 'partner-recorder',
      intro:
        'A file of mainstream budget lines, one row a line, each with its shares toward the outcomes of the plans (100% or less a line). A partner’s representative imports their own organisation’s; the locality’s administrator any.',
      run: (...a) => resources.importBudgetLines(...a),
      done: (code) => ({ url: `${home(code)}/budget-lines` }),
    },
    {
      list: 'funding',
      kind: FUNDING_STREAMS,
      title: 'Import funding streams',
      noun: ['funding stream', 'funding streams'],
      access: 'locality-admin',
      intro:
        'A file of funding streams, one row a stream, with the fund from the fund list, its amount a year, dates, accountable body and the partnerships and outcomes that depend on it. The locality’s administrator imports them.',
      run: (...a) => resources.importFundingStreams(...a),
      done: (code) => ({ url: `${home(code)}/funding` }),
    },
  ];

  for (const kind of imports) {
    app.get(`${base}/${kind.list}-template.csv`, { config: { access: 'public' } }, async (_request, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${kind.list}-template.csv"`)
        .send(templateCsv(kind.kind.columns)),
    );
    const importPage = async (
      request: FastifyRequest,
      reply: FastifyReply,
      extra: Record<string, unknown> = {},
      status = 200,
    ) => {
      const ctx = await resources.context(request.principal, params(request).code);
      return reply.code(status).view('resources/views/import.njk', {
        ...common,
        title: kind.title,
        tab: kind.list,
        list: kind.list,
        listTitle: LIST_TITLES[kind.list],
        intro: kind.intro,
        noun: kind.noun[1],
        locality: ctx.locality,
        columns: kind.kind.columns,
        maxUploadMb: MAX_UPLOAD_MB,
        ...extra,
      });
    };
    app.get(`${base}/${kind.list}/import`, { config: { access: kind.access } }, (request, reply) =>
      importPage(request, reply),
    );
    app.post(`${base}/${kind.list}/import`, { config: { access: kind.access } }, async (request, reply) => {
      const code = params(request).code;
      const upload = await readFileUpload(request);
      if (!upload.file)
        return importPage(
          request,
          reply,
          {
            errors: [noFileProblem(upload)],
          },
          422,
        );
      try {
        const { imported } = await kind.run(request.principal, code, upload.file);
        const { url, then } = kind.done(code);
        return reply.redirectWithFlash(
          url,
          `${imported} ${kind.noun[imported === 1 ? 0 : 1]} ${imported === 1 ? 'was' : 'were'} imported from ${upload.file.name}.${then ?? ''}`,
        );
      } catch (error) {
        if (!(error instanceof ImportRejected)) throw error;
        return importPage(request, reply, refusedUpload(upload.file.name, error.issues), 422);
      }
    });
  }
}
