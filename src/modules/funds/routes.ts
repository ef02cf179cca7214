/**
 * Community capacity funds pages: funds and rounds, the public application form with save and
 * return, the assessors' pages, decisions, the award letter, payments and monitoring, the public
 * list of awards and its 360Giving export. Thin: each parses, calls the service and renders.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ValidationError } from '../../core/errors.js';
import { formToInput } from '../../core/validation.js';
import type { Services } from '../../services.js';
import { choices, labelled, submitForm, withDateParts } from '../../web/forms.js';
import { pagination } from '../../web/listing.js';
import { fundsApiRoutes } from './api-routes.js';
import { MAX_SCORE, type RoundStatus, scoreLabel } from './rules.js';
import {
  APPLICATION_FIELDS,
  FUND_KINDS,
  GROUP_KINDS,
  applicationInput,
  criteriaFromText,
  decisionInput,
  fundInput,
  MONITORING_STATES,
  criteriaToText,
  moderationInput,
  monitoringDraftInput,
  monitoringInput,
  roundInput,
  scheduleInput,
  withdrawalInput,
} from './schema.js';
import { closedMessage } from './service.js';
import { fundKindLabel, threeSixtyCsv, threeSixtyJson } from './three-sixty-giving.js';

type Params = { code: string; id: string; token: string };
const params = (request: FastifyRequest) => request.params as Params;
const body = (request: FastifyRequest) => (request.body ?? {}) as Record<string, unknown>;
const text = (value: unknown) =>
  typeof value === 'string' ? value : Array.isArray(value) ? String(value[0] ?? '') : '';

/** The version a form was read at, as the number the service checks (anything else is refused there). */
function formVersion(values: Record<string, unknown>): unknown {
  const version = text(values.version).trim();
  return /^\d+$/.test(version) ? Number(version) : values.version;
}

const STATUS_TAGS: Record<RoundStatus, { text: string; classes: string }> = {
  open: { text: 'Open', classes: 'govuk-tag--green' },
  upcoming: { text: 'Opens soon', classes: 'govuk-tag--blue' },
  closed: { text: 'Closed', classes: 'govuk-tag--grey' },
};

const STATE_TAGS: Record<string, { text: string; classes: string }> = {
  draft: { text: 'Draft', classes: 'govuk-tag--grey' },
  submitted: { text: 'Being assessed', classes: 'govuk-tag--blue' },
  awarded: { text: 'Awarded', classes: 'govuk-tag--green' },
  declined: { text: 'Not funded', classes: 'govuk-tag--red' },
  withdrawn: { text: 'Withdrawn', classes: 'govuk-tag--grey' },
};

const MODERATION_TEXT: Record<string, string> = {
  'awaiting-assessments': 'Waiting for two assessors',
  'awaiting-moderation': 'Scores differ: agree a score',
  settled: 'Ready to decide',
};

/** Runs a service call, naming its fields as the form does (two forms on one page both have a reason). */
async function renamed<T>(fields: Record<string, string>, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    throw new ValidationError(
      error.errors.map((e) => {
        const prefix = Object.keys(fields).find((f) => e.field === f || e.field.startsWith(`${f}.`));
        return prefix ? { ...e, field: fields[prefix] as string } : e;
      }),
    );
  }
}

const AWARDS_PAGE = 50;
/**
 * The public form sends email to the address typed in (the link, the confirmation), so posts are
 * throttled per address as the BID voting page's are: a group needs a handful, not thirty.
 */
export const APPLY_RATE_LIMIT = { max: 30, timeWindow: '15 minutes' } as const;

const common = {
  section: 'funds',
  statusTags: STATUS_TAGS,
  stateTags: STATE_TAGS,
  moderationText: MODERATION_TEXT,
  scoreLabel,
  fundKindLabel,
  groupKinds: GROUP_KINDS,
  monitoringStates: MONITORING_STATES,
};

/** An application form's answers back in the form's own names (pounds typed, not pence). */
function applicationValues(row: Record<string, unknown> | undefined): Record<string, unknown> {
  if (!row) return {};
  const pence = row.amount_pence as number | null;
  return {
    groupName: row.group_name,
    groupKind: row.group_kind,
    charityNumber: row.charity_number,
    companyNumber: row.company_number,
    contactName: row.contact_name,
    contactEmail: row.contact_email,
    postcode: row.postcode,
    title: row.title,
    description: row.description,
    amount: pence ? (pence % 100 === 0 ? String(pence / 100) : (pence / 100).toFixed(2)) : '',
    outcomes: row.outcomes,
  };
}

/** A saved monitoring return back in the form's names. */
function monitoringValues(row: { monitoring_spent_pence: number | null; monitoring_outcomes: string | null }) {
  const pence = row.monitoring_spent_pence;
  return {
    spent: pence === null ? '' : pence % 100 === 0 ? String(pence / 100) : (pence / 100).toFixed(2),
    outcomes: row.monitoring_outcomes ?? '',
  };
}

export function fundsRoutes(app: FastifyInstance, services: Services): void {
  const funds = services.funds;
  fundsApiRoutes(app, funds);
  const base = '/localities/:code/funds';
  const home = (code: string) => `/localities/${code}/funds`;

  // --- overview, funds and rounds -----------------------------------------------------------------

  app.get(base, { config: { access: 'public' } }, async (request, reply) => {
    const result = await funds.overview(request.principal, params(request).code);
    return reply.view('funds/views/overview.njk', {
      ...common,
      title: 'Community funds',
      locality: result.locality,
      result,
    });
  });

  const fundForm = (request: FastifyRequest, values: Record<string, unknown>) => async () => {
    const locality = await services.register.locality(params(request).code);
    return {
      ...common,
      title: 'Set up a fund',
      locality,
      values,
      action: `${home(locality.gss_code)}/new`,
      submitText: 'Set up the fund',
      kindItems: choices(labelled(FUND_KINDS), values.kind),
    };
  };

  const fundEditForm = (request: FastifyRequest, values: Record<string, unknown>) => async () => {
    const detail = await funds.fund(request.principal, params(request).code, params(request).id);
    return {
      ...common,
      title: `Change ${detail.fund.name}`,
      locality: detail.locality,
      values,
      action: `${home(detail.locality.gss_code)}/${detail.fund.id}/edit`,
      submitText: 'Save the changes',
      kindItems: choices(labelled(FUND_KINDS), values.kind),
    };
  };

  app.get(`${base}/:id/edit`, { config: { access: 'locality-admin' } }, async (request, reply) => {
    const { fund } = await funds.fund(request.principal, params(request).code, params(request).id);
    const values = {
      kind: fund.kind,
      name: fund.name,
      description: fund.description ?? '',
      funderName: fund.funder_name,
      funderIdentifier: fund.funder_identifier,
      version: String(fund.version),
    };
    return reply.view('funds/views/fund-form.njk', await fundEditForm(request, values)());
  });

  app.post(`${base}/:id/edit`, { config: { access: 'locality-admin' } }, async (request, reply) => {
    const values = body(request);
    return submitForm(
      reply,
      { template: 'funds/views/fund-form.njk', context: fundEditForm(request, values), values },
      async () => {
        const fund = await funds.updateFund(request.principal, params(request).code, params(request).id, {
          ...formToInput(fundInput, values),
          version: formVersion(values),
        });
        return { redirect: home(params(request).code), flash: `${fund.name} is changed.` };
      },
    );
  });

  // --- settings: the locality's 360Giving prefix ---------------------------------------------------

  const settingsForm = (request: FastifyRequest, values: Record<string, unknown>) => async () => {
    const settings = await funds.settings(params(request).code);
    return { ...common, title: 'Fund settings', locality: settings.locality, settings, values };
  };

  app.get(`${base}/settings`, { config: { access: 'locality-admin' } }, async (request, reply) => {
    const settings = await funds.settings(params(request).code);
    const values = { threeSixtyPrefix: settings.threeSixtyPrefix ?? '', version: String(settings.version) };
    return reply.view('funds/views/settings.njk', await settingsForm(request, values)());
  });

  app.post(`${base}/settings`, { config: { access: 'locality-admin' } }, async (request, reply) => {
    const values = body(request);
    return submitForm(
      reply,
      { template: 'funds/views/settings.njk', context: settingsForm(request, values), values },
      async () => {
        const saved = await funds.saveSettings(request.principal, params(request).code, {
          threeSixtyPrefix: text(values.threeSixtyPrefix).trim() || undefined,
          version: formVersion(values),
        });
        return {
          redirect: home(params(request).code),
          flash: saved.three_sixty_prefix
            ? `Awards are published under ${saved.three_sixty_prefix}.`
            : 'Awards are published under the default prefix.',
        };
      },
    );
  });

  app.get(`${base}/new`, { config: { access: 'locality-admin' } }, async (request, reply) => {
    const locality = await services.register.locality(params(request).code);
    const values = { funderName: `${locality.name} Council` };
    return reply.view('funds/views/fund-form.njk', await fundForm(request, values)());
  });

  app.post(`${base}/new`, { config: { access: 'locality-admin' } }, async (request, reply) => {
    const values = body(request);
    return submitForm(
      reply,
      { template: 'funds/views/fund-form.njk', context: fundForm(request, values), values },
      async () => {
        const fund = await funds.createFund(request.principal, params(request).code, formToInput(fundInput, values));
        return {
          redirect: `${home(params(request).code)}/${fund.id}/rounds/new`,
          flash: `${fund.name} is set up. Add its first round.`,
        };
      },
    );
  });

  const roundForm = (request: FastifyRequest, values: Record<string, unknown>) => async () => {
    const detail = await funds.fund(request.principal, params(request).code, params(request).id);
    return {
      ...common,
      title: `Add a round to ${detail.fund.name}`,
      heading: 'Add a round',
      locality: detail.locality,
      fund: detail.fund,
      values,
      action: `${home(detail.locality.gss_code)}/${detail.fund.id}/rounds/new`,
      submitText: 'Add the round',
    };
  };

  const roundEditForm = (request: FastifyRequest, values: Record<string, unknown>) => async () => {
    const detail = await funds.roundForEdit(request.principal, params(request).code, params(request).id);
    return {
      ...common,
      title: `Change ${detail.round.title}`,
      heading: `Change ${detail.round.title}`,
      locality: detail.locality,
      fund: detail.fund,
      editing: detail,
      values,
      action: `${home(detail.locality.gss_code)}/rounds/${detail.round.id}/edit`,
      submitText: 'Save the changes',
    };
  };

  app.get(`${base}/rounds/:id/edit`, { config: { access: 'locality-admin' } }, async (request, reply) => {
    const { round } = await funds.roundForEdit(request.principal, params(request).code, params(request).id);
    const pence = round.budget_pence;
    const values = withDateParts(
      {
        title: round.title,
        budget: pence % 100 === 0 ? String(pence / 100) : (pence / 100).toFixed(2),
        eligibility: round.eligibility,
        criteria: criteriaToText(round.criteria),
        opensOn: round.opens_on,
        closesOn: round.closes_on,
        moderationThreshold: String(round.moderation_threshold),
        version: String(round.version),
      },
      ['opensOn', 'closesOn'],
    );
    return reply.view('funds/views/round-form.njk', await roundEditForm(request, values)());
  });

  app.post(`${base}/rounds/:id/edit`, { config: { access: 'locality-admin' } }, async (request, reply) => {
    const values = body(request);
    return submitForm(
      reply,
      { template: 'funds/views/round-form.njk', context: roundEditForm(request, values), values },
      async () => {
        const input = {
          ...formToInput(roundInput, values),
          criteria: criteriaFromText(text(values.criteria)),
          version: formVersion(values),
        };
        const round = await renamed({ criteria: 'criteria' }, () =>
          funds.updateRound(request.principal, params(request).code, params(request).id, input),
        );
        return { redirect: home(params(request).code), flash: `${round.title} is changed.` };
      },
    );
  });

  app.get(`${base}/:id/rounds/new`, { config: { access: 'locality-admin' } }, async (request, reply) => {
    const values = {
      criteria: 'Need in the area: 3\nReaches people not often heard: 2\nValue for money: 1',
      moderationThreshold: '15',
    };
    return reply.view('funds/views/round-form.njk', await roundForm(request, values)());
  });

  app.post(`${base}/:id/rounds/new`, { config: { access: 'locality-admin' } }, async (request, reply) => {
    const values = body(request);
    return submitForm(
      reply,
      { template: 'funds/views/round-form.njk', context: roundForm(request, values), values },
      async () => {
        const input = { ...formToInput(roundInput, values), criteria: criteriaFromText(text(values.criteria)) };
        const round = await renamed({ criteria: 'criteria' }, () =>
          funds.createRound(request.principal, params(request).code, params(request).id, input),
        );
        return {
          redirect: home(params(request).code),
          flash: `${round.title} is set up: it takes applications from its opening date.`,
        };
      },
    );
  });

  app.get(`${base}/rounds/:id`, { config: { access: 'local-officer' } }, async (request, reply) => {
    const result = await funds.roundDetail(request.principal, params(request).code, params(request).id);
    return reply.view('funds/views/round.njk', {
      ...common,
      title: `${result.fund.name}: ${result.round.title}`,
      locality: result.locality,
      result,
    });
  });

  // --- applying: the public form, save and return ------------------------------------------------

  const applyForm = (request: FastifyRequest, values: Record<string, unknown>, action: string) => async () => {
    const round = await funds.publicRound(params(request).code, params(request).id);
    return {
      ...common,
      title: `Apply to ${round.fund.name}: ${round.round.title}`,
      locality: round.locality,
      summary: round,
      values,
      action,
      groupKindItems: choices(labelled(GROUP_KINDS), values.groupKind),
    };
  };

  /** Saves or sends, as the button pressed says; the same for a new application and a returned one. */
  async function saveOrSend(
    request: FastifyRequest,
    reply: FastifyReply,
    roundId: string,
    token: string | undefined,
    form: () => Promise<Record<string, unknown>>,
  ) {
    const values = body(request);
    const code = params(request).code;
    const input = Object.fromEntries(
      Object.entries(formToInput(applicationInput, values)).filter(([k]) => APPLICATION_FIELDS.includes(k as never)),
    );
    if (values.action === 'save') {
      try {
        const saved = await funds.saveDraft(code, roundId, input, { token });
        return reply.view('funds/views/saved.njk', {
          ...common,
          ...(await form()),
          title: 'Your application is saved',
          application: saved.application,
        });
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return reply.code(422).view('funds/views/apply.njk', { ...(await form()), values, errors: error.errors });
      }
    }
    return submitForm(reply, { template: 'funds/views/apply.njk', context: form, values }, async () => {
      const sent = await funds.submit(code, roundId, input, { token });
      return {
        redirect: `${home(code)}/applications/return/${sent.token}`,
        flash: `Application sent. Your reference is ${sent.application.reference}. We have emailed a confirmation to ${sent.application.contact_email}.`,
      };
    });
  }

  app.get(`${base}/rounds/:id/apply`, { config: { access: 'public' } }, async (request, reply) => {
    const context = await applyForm(request, {}, request.url)();
    if (context.summary.status !== 'open') {
      return reply.view('funds/views/closed.njk', {
        ...context,
        title: 'This round is not taking applications',
        message: closedMessage(context.summary.round, context.summary.status),
      });
    }
    return reply.view('funds/views/apply.njk', context);
  });

  app.post(
    `${base}/rounds/:id/apply`,
    { config: { access: 'public', rateLimit: APPLY_RATE_LIMIT } },
    async (request, reply) =>
      saveOrSend(request, reply, params(request).id, undefined, applyForm(request, body(request), request.url)),
  );

  app.get(`${base}/applications/return/:token`, { config: { access: 'public' } }, async (request, reply) => {
    const { code, token } = params(request);
    const found = await funds.applicationByLink(code, token);
    reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
    if (found.application.state === 'draft' && found.status === 'open') {
      return reply.view('funds/views/apply.njk', {
        ...common,
        title: `Apply to ${found.fund.name}: ${found.round.title}`,
        locality: found.locality,
        summary: found,
        values: applicationValues(found.application),
        action: request.url,
        returning: true,
        groupKindItems: choices(labelled(GROUP_KINDS), found.application.group_kind),
      });
    }
    if (found.application.state === 'draft') {
      return reply.view('funds/views/closed.njk', {
        ...common,
        locality: found.locality,
        summary: found,
        title: 'This round is not taking applications',
        message: closedMessage(found.round, found.status),
      });
    }
    return reply.view('funds/views/own-application.njk', {
      ...common,
      title: `Your application ${found.application.reference}`,
      locality: found.locality,
      found,
      values: monitoringValues(found.application),
      action: `${home(code)}/applications/return/${token}`,
    });
  });

  app.post(
    `${base}/applications/return/:token`,
    { config: { access: 'public', rateLimit: APPLY_RATE_LIMIT } },
    async (request, reply) => {
      const { code, token } = params(request);
      const found = await funds.applicationByLink(code, token);
      reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
      const form = async () => ({
        ...common,
        title: `Apply to ${found.fund.name}: ${found.round.title}`,
        locality: found.locality,
        summary: found,
        values: body(request),
        action: request.url,
        returning: true,
        groupKindItems: choices(labelled(GROUP_KINDS), body(request).groupKind),
      });
      return saveOrSend(request, reply, found.round.id, token, form);
    },
  );

  // --- the group's monitoring return and withdrawal, through its link ---------------------------

  const ownPage = async (request: FastifyRequest, values: Record<string, unknown> = {}) => {
    const { code, token } = params(request);
    const found = await funds.applicationByLink(code, token);
    return {
      ...common,
      title: `Your application ${found.application.reference}`,
      locality: found.locality,
      found,
      values,
      action: `${home(code)}/applications/return/${token}`,
    };
  };

  app.post(
    `${base}/applications/return/:token/monitoring`,
    { config: { access: 'public', rateLimit: APPLY_RATE_LIMIT } },
    async (request, reply) => {
      const { code, token } = params(request);
      reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
      const values = body(request);
      const form = () => ownPage(request, values);
      return submitForm(reply, { template: 'funds/views/own-application.njk', context: form, values }, async () => {
        if (values.action === 'save') {
          const saved = await funds.saveMonitoring(code, token, formToInput(monitoringDraftInput, values));
          return {
            redirect: `${home(code)}/applications/return/${saved.token}`,
            flash: `Your monitoring return is saved. We have emailed a new link to ${saved.application.contact_email}: the old one no longer works.`,
          };
        }
        const sent = await funds.submitMonitoring(code, token, formToInput(monitoringInput, values));
        return {
          redirect: `${home(code)}/applications/return/${sent.token}`,
          flash: `Monitoring return sent. We have emailed a confirmation to ${sent.application.contact_email}.`,
        };
      });
    },
  );

  app.get(`${base}/applications/return/:token/withdraw`, { config: { access: 'public' } }, async (request, reply) => {
    reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
    const page = await ownPage(request);
    return reply.view('funds/views/withdraw.njk', {
      ...page,
      title: `Withdraw application ${page.found.application.reference}`,
      application: page.found.application,
      action: `${page.action}/withdraw`,
      cancel: page.action,
      byGroup: true,
    });
  });

  app.post(
    `${base}/applications/return/:token/withdraw`,
    { config: { access: 'public', rateLimit: APPLY_RATE_LIMIT } },
    async (request, reply) => {
      const { code, token } = params(request);
      reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
      const values = body(request);
      const form = async () => {
        const page = await ownPage(request, values);
        return {
          ...page,
          title: `Withdraw application ${page.found.application.reference}`,
          application: page.found.application,
          action: `${page.action}/withdraw`,
          cancel: page.action,
          byGroup: true,
        };
      };
      return submitForm(reply, { template: 'funds/views/withdraw.njk', context: form, values }, async () => {
        const withdrawn = await funds.withdrawByLink(code, token, formToInput(withdrawalInput, values));
        return {
          redirect: `${home(code)}/applications/return/${token}`,
          flash: `Application ${withdrawn.reference} is withdrawn.`,
        };
      });
    },
  );

  // --- assessment, moderation, decision, payments, monitoring ---------------------------------------

  const applicationPage =
    (request: FastifyRequest, values: Record<string, unknown> = {}) =>
    async () => {
      const detail = await funds.application(request.principal, params(request).code, params(request).id);
      return {
        ...common,
        title: `${detail.application.group_name}: ${detail.application.title}`,
        locality: detail.locality,
        detail,
        values: withDateParts(values, ['firstDueOn']),
        scoreItems: (key: string) =>
          Array.from({ length: MAX_SCORE + 1 }, (_, i) => ({
            value: String(i),
            text: String(i),
            checked: text(values[`score-${key}`]) === String(i),
          })),
        outcomeItems: choices(
          [
            { value: 'award', text: 'Make an award' },
            { value: 'decline', text: 'Do not fund' },
          ],
          values.outcome,
        ),
        reviewItems: choices(
          [
            { value: 'accept', text: 'Accept the return' },
            { value: 'changes', text: 'Ask the group to change it' },
          ],
          values.reviewOutcome,
        ),
      };
    };
  const view = 'funds/views/application.njk';
  const applicationUrl = (request: FastifyRequest) =>
    `${home(params(request).code)}/applications/${params(request).id}`;

  app.get(`${base}/applications/:id`, { config: { access: 'local-officer' } }, async (request, reply) =>
    reply.view(view, await applicationPage(request)()),
  );

  app.post(`${base}/applications/:id/assessment`, { config: { access: 'local-officer' } }, async (request, reply) => {
    const values = body(request);
    return submitForm(
      reply,
      { template: view, context: applicationPage(request, values), values: withDateParts(values, ['firstDueOn']) },
      async () => {
        const scores: Record<string, number> = {};
        for (const [key, value] of Object.entries(values)) {
          if (!key.startsWith('score-') || text(value) === '') continue;
          scores[key.slice('score-'.length)] = /^\d{1,2}$/.test(text(value)) ? Number(text(value)) : -1;
        }
        const { assessment } = await funds.assess(request.principal, params(request).code, params(request).id, {
          scores,
          comment: text(values.comment) || undefined,
        });
        return { redirect: applicationUrl(request), flash: `Your score is recorded: ${scoreLabel(assessment.score)}.` };
      },
    );
  });

  app.post(`${base}/applications/:id/moderation`, { config: { access: 'locality-admin' } }, async (request, reply) => {
    const values = body(request);
    return submitForm(reply, { template: view, context: applicationPage(request, values), values }, async () => {
      const updated = await renamed({ reason: 'moderationReason' }, () =>
        funds.moderate(
          request.principal,
          params(request).code,
          params(request).id,
          formToInput(moderationInput, values),
        ),
      );
      return { redirect: applicationUrl(request), flash: `The agreed score is ${scoreLabel(updated.agreed_score)}.` };
    });
  });

  app.post(`${base}/applications/:id/decision`, { config: { access: 'locality-admin' } }, async (request, reply) => {
    const values = body(request);
    return submitForm(reply, { template: view, context: applicationPage(request, values), values }, async () => {
      const decided = await renamed({ reason: 'decisionReason' }, () =>
        funds.decide(request.principal, params(request).code, params(request).id, formToInput(decisionInput, values)),
      );
      return {
        redirect: applicationUrl(request),
        flash:
          decided.state === 'awarded'
            ? `Award made. The award letter is emailed to ${decided.contact_email}.`
            : `The application is not funded. ${decided.contact_email} is told why.`,
      };
    });
  });

  app.get(`${base}/applications/:id/letter`, { config: { access: 'local-officer' } }, async (request, reply) => {
    const letter = await funds.letter(request.principal, params(request).code, params(request).id);
    return reply.view('funds/views/letter.njk', {
      ...common,
      title: `Award letter: ${letter.application.reference}`,
      locality: letter.locality,
      letter,
    });
  });

  app.post(`${base}/applications/:id/payments`, { config: { access: 'locality-admin' } }, async (request, reply) => {
    const values = body(request);
    return submitForm(reply, { template: view, context: applicationPage(request, values), values }, async () => {
      const schedule = await funds.schedulePayments(
        request.principal,
        params(request).code,
        params(request).id,
        formToInput(scheduleInput, values),
      );
      return {
        redirect: applicationUrl(request),
        flash: `The award is to be paid in ${schedule.length} instalment${schedule.length === 1 ? '' : 's'}.`,
      };
    });
  });

  app.post(`${base}/payments/:id/paid`, { config: { access: 'locality-admin' } }, async (request, reply) => {
    const { payment, application } = await funds.markPaid(request.principal, params(request).code, params(request).id);
    return reply.redirectWithFlash(
      `${home(params(request).code)}/applications/${application.id}`,
      `Instalment ${payment.number} is recorded as paid.`,
    );
  });

  app.post(`${base}/applications/:id/monitoring`, { config: { access: 'locality-admin' } }, async (request, reply) => {
    const values = body(request);
    return submitForm(reply, { template: view, context: applicationPage(request, values), values }, async () => {
      await funds.recordMonitoring(
        request.principal,
        params(request).code,
        params(request).id,
        formToInput(monitoringInput, values),
      );
      return { redirect: applicationUrl(request), flash: 'The monitoring return is recorded. The award is complete.' };
    });
  });

  const officerWithdrawForm = (request: FastifyRequest, values: Record<string, unknown>) => async () => {
    const detail = await funds.application(request.principal, params(request).code, params(request).id);
    return {
      ...common,
      title: `Withdraw application ${detail.application.reference}`,
      locality: detail.locality,
      application: detail.application,
      values,
      action: `${applicationUrl(request)}/withdraw`,
      cancel: applicationUrl(request),
      byGroup: false,
    };
  };

  app.get(`${base}/applications/:id/withdraw`, { config: { access: 'locality-admin' } }, async (request, reply) =>
    reply.view('funds/views/withdraw.njk', await officerWithdrawForm(request, {})()),
  );

  app.post(`${base}/applications/:id/withdraw`, { config: { access: 'locality-admin' } }, async (request, reply) => {
    const values = body(request);
    return submitForm(
      reply,
      { template: 'funds/views/withdraw.njk', context: officerWithdrawForm(request, values), values },
      async () => {
        const withdrawn = await funds.withdraw(
          request.principal,
          params(request).code,
          params(request).id,
          formToInput(withdrawalInput, values),
        );
        return {
          redirect: applicationUrl(request),
          flash: `Application ${withdrawn.reference} is withdrawn. ${withdrawn.contact_email} is told why.`,
        };
      },
    );
  });

  app.post(
    `${base}/applications/:id/monitoring-request`,
    { config: { access: 'locality-admin' } },
    async (request, reply) => {
      const values = body(request);
      return submitForm(reply, { template: view, context: applicationPage(request, values), values }, async () => {
        const { application } = await funds.requestMonitoring(
          request.principal,
          params(request).code,
          params(request).id,
        );
        return {
          redirect: `${applicationUrl(request)}#monitoring`,
          flash: `A link to the monitoring return is emailed to ${application.contact_email}.`,
        };
      });
    },
  );

  app.post(
    `${base}/applications/:id/monitoring-review`,
    { config: { access: 'locality-admin' } },
    async (request, reply) => {
      const values = body(request);
      return submitForm(reply, { template: view, context: applicationPage(request, values), values }, async () => {
        const reviewed = await renamed({ outcome: 'reviewOutcome', note: 'reviewNote' }, () =>
          funds.reviewMonitoring(request.principal, params(request).code, params(request).id, {
            outcome: text(values.reviewOutcome) || undefined,
            note: text(values.reviewNote).trim() || undefined,
          }),
        );
        return {
          redirect: `${applicationUrl(request)}#monitoring`,
          flash:
            reviewed.monitoring_state === 'accepted'
              ? 'The monitoring return is accepted. The award is complete.'
              : `Changes are asked for: a new link is emailed to ${reviewed.contact_email}.`,
        };
      });
    },
  );

  // --- the public record ----------------------------------------------------------------------------

  app.get(`${base}/awards`, { config: { access: 'public' } }, async (request, reply) => {
    const result = await funds.awards(params(request).code);
    const pages = Math.max(1, Math.ceil(result.awards.length / AWARDS_PAGE));
    const page = Math.min(pages, Math.max(1, Number((request.query as { page?: string }).page) || 1));
    const at = (n: number) => `${home(result.locality.gss_code)}/awards${n > 1 ? `?page=${n}` : ''}`;
    return reply.view('funds/views/awards.njk', {
      ...common,
      title: page > 1 ? `Awards made (page ${page} of ${pages})` : 'Awards made',
      locality: result.locality,
      count: result.awards.length,
      awards: result.awards.slice((page - 1) * AWARDS_PAGE, page * AWARDS_PAGE),
      totalPence: result.awards.reduce((sum, a) => sum + (a.awarded_pence ?? 0), 0),
      pagination: pages > 1 ? pagination(page, pages, at) : null,
    });
  });

  app.get(`${base}/awards.csv`, { config: { access: 'public' } }, async (request, reply) => {
    const result = await funds.awards(params(request).code);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="awards-360giving-${result.locality.gss_code}.csv"`)
      .send(threeSixtyCsv(result.prefix, result.awards));
  });

  app.get(`${base}/awards.json`, { config: { access: 'public' } }, async (request, reply) => {
    const result = await funds.awards(params(request).code);
    return reply
      .type('application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="awards-360giving-${result.locality.gss_code}.json"`)
      .send(threeSixtyJson(result.prefix, result.awards));
  });
}
