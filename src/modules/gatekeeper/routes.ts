import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Services } from '../../services.js';
import { NotFoundError, ValidationError } from '../../core/errors.js';
import { formToInput } from '../../core/validation.js';
import { apiRoute } from '../../web/api.js';
import { choices, labelled, submitForm, withDateParts } from '../../web/forms.js';
import { LAYER_LABELS } from '../register/schema.js';
import { burdenSentence } from '../register/burden.js';
import {
  CHECKS,
  SECTION_NAMES,
  SECTION_SCHEMAS,
  type SectionName,
  acknowledgeInput,
  commentInput,
  decisionInput,
  requestInformationInput,
  resubmitInput,
  settingsInput,
  startInput,
  withdrawInput,
} from './schema.js';
import { type DecisionLogEntry, type GatekeeperService, SECTION_TITLES } from './service.js';
import { ACTIONS, STATE_LABELS } from './workflow.js';

type Params = { code: string; id: string };
const params = (request: FastifyRequest) => request.params as Params;
const body = (request: FastifyRequest) => (request.body ?? {}) as Record<string, unknown>;
const base = (code: string) => `/localities/${encodeURIComponent(code)}/proposals`;

export function gatekeeperRoutes(app: FastifyInstance, services: Services): void {
  gatekeeperPageRoutes(app, services);
  gatekeeperPublicRoutes(app, services);
  gatekeeperApiRoutes(app, services);
}

/** What every proposal page shows: the proposal, labels for its codes, and the people and options named. */
async function proposalContext({ gatekeeper, register, reference }: Services, request: FastifyRequest) {
  const view = await gatekeeper.get(request.principal, params(request).code, params(request).id);
  const [snapshot, options] = await Promise.all([reference.snapshot(), register.formOptions(view.locality.gss_code)]);
  const orgName = new Map(options.organisations.map((o) => [o.id, o.name]));
  const partnershipName = new Map(options.partnerships.map((p) => [p.id, p.name]));
  const outcomes = await gatekeeper.outcomeChoices(view.locality);
  const a = view.answers;
  return {
    view,
    locality: view.locality,
    section: 'proposals',
    proposalBase: `${base(view.locality.gss_code)}/${view.proposal.id}`,
    stateLabel: STATE_LABELS[view.state],
    stateLabels: STATE_LABELS,
    sectionTitles: SECTION_TITLES,
    sectionNames: SECTION_NAMES,
    canEdit: view.actions.includes('edit'),
    labels: {
      themes: (a.problem?.themes ?? []).map((t) => snapshot.label('theme', t)),
      planOutcomes: (a.problem?.planOutcomeIds ?? []).map((id) => outcomes.find((o) => o.id === id)?.title ?? id),
      members: (a.members?.memberIds ?? []).map((id) => orgName.get(id) ?? id),
      chair: a.members?.chairId ? orgName.get(a.members.chairId) : undefined,
      lead: a.members?.leadOrganisationId ? orgName.get(a.members.leadOrganisationId) : undefined,
      accountable: a.members?.accountableBodyId ? orgName.get(a.members.accountableBodyId) : undefined,
      legalForm: a.members?.legalForm ? snapshot.label('legal-form', a.members.legalForm) : undefined,
      existing: a.alternatives?.existingPartnershipId
        ? partnershipName.get(a.alternatives.existingPartnershipId)
        : undefined,
      layer: a.scope?.layer ? LAYER_LABELS[a.scope.layer] : undefined,
    },
    checkLabels: CHECKS,
    breadcrumbs: [{ text: 'Proposals', href: base(view.locality.gss_code) }],
    title: `${view.proposal.reference}: ${view.proposal.title}`,
  };
}

/** Form items for one section's page. */
async function sectionFormContext(
  { gatekeeper, register, reference }: Services,
  code: string,
  values: Record<string, unknown>,
) {
  const options = await register.formOptions(code);
  const snapshot = await reference.snapshot();
  const orgs = options.organisations.filter((o) => o.status === 'active').map((o) => ({ value: o.id, text: o.name }));
  const open = options.partnerships
    .filter((p) => p.status === 'active' || p.status === 'proposed')
    .map((p) => ({ value: p.id, text: p.name }));
  const outcomes = await gatekeeper.outcomeChoices(options.locality);
  return {
    themeItems: choices(
      snapshot.items('theme').map((i) => ({ value: i.code, text: i.label })),
      values.themes,
    ),
    outcomeItems: choices(
      outcomes.map((o) => ({ value: o.id, text: `${o.title} (${o.planTitle})` })),
      values.planOutcomeIds,
    ),
    nationalItems: choices(
      [
        { value: 'no', text: 'No, it is a local proposal' },
        { value: 'yes', text: 'Yes, it comes from a government initiative: the national gatekeeper decides it' },
      ],
      values.national,
    ),
    memberItems: choices(orgs, values.memberIds),
    chairItems: choices(orgs, values.chairId, 'Not decided yet'),
    leadItems: choices(orgs, values.leadOrganisationId, 'Choose the lead organisation'),
    accountableItems: choices(orgs, values.accountableBodyId, 'Choose the accountable body'),
    legalFormItems: choices(
      snapshot.items('legal-form').map((i) => ({ value: i.code, text: i.label })),
      values.legalForm,
      'Choose a legal form',
    ),
    existingItems: choices(open, values.existingPartnershipId, 'None named'),
    layerItems: choices(labelled(LAYER_LABELS), values.layer),
    yesNoItems: choices(
      [
        { value: 'yes', text: 'Yes' },
        { value: 'no', text: 'No' },
      ],
      values.fundRequiresPartnership,
    ),
  };
}

function sectionValues(answers: Record<string, unknown> | undefined, section: SectionName): Record<string, unknown> {
  const values: Record<string, unknown> = { ...(answers ?? {}) };
  if (section === 'scope' && Array.isArray(values.areas)) values.areas = (values.areas as string[]).join(', ');
  return section === 'funding' ? withDateParts(values, ['fundEndsOn']) : values;
}

function gatekeeperPageRoutes(app: FastifyInstance, services: Services): void {
  const { gatekeeper, register } = services;

  app.get('/proposals', { config: { access: 'signed-in' } }, async (request, reply) => {
    const proposals = await gatekeeper.acrossLocalities(request.principal);
    return reply.view('gatekeeper/views/all.njk', {
      title: 'Proposals for new partnerships',
      proposals,
      stateLabels: STATE_LABELS,
    });
  });

  app.get('/localities/:code/proposals', { config: { access: 'locality-reader' } }, async (request, reply) => {
    const overview = await gatekeeper.overview(request.principal, params(request).code);
    return reply.view('gatekeeper/views/overview.njk', {
      title: 'Proposals for new partnerships',
      section: 'proposals',
      locality: overview.locality,
      overview,
      stateLabels: STATE_LABELS,
    });
  });

  app.get('/localities/:code/proposals/new', { config: { access: 'locality-reader' } }, async (request, reply) => {
    const overview = await gatekeeper.overview(request.principal, params(request).code);
    return reply.view('gatekeeper/views/start.njk', startContext(overview.locality, overview.canPropose, {}));
  });
  app.post('/localities/:code/proposals', { config: { access: 'locality-reader' } }, async (request, reply) => {
    const values = body(request);
    const locality = await register.locality(params(request).code);
    const canPropose = (await gatekeeper.overview(request.principal, locality.gss_code)).canPropose;
    return submitForm(
      reply,
      { template: 'gatekeeper/views/start.njk', context: () => startContext(locality, canPropose, values), values },
      async () => {
        const created = await gatekeeper.start(request.principal, locality.gss_code, formToInput(startInput, values));
        return {
          redirect: `${base(locality.gss_code)}/${created.id}`,
          flash: `Proposal ${created.reference} started. Work through the sections in any order: each is saved as you go.`,
        };
      },
    );
  });

  app.get(
    '/localities/:code/proposals/statistics',
    { config: { access: 'locality-reader' } },
    async (request, reply) => {
      const result = await gatekeeper.statistics(request.principal, params(request).code);
      const snapshot = await services.reference.snapshot();
      const themes = result.statistics.byTheme.map((t) => ({
        ...t,
        label: t.theme === '(no theme)' ? 'No theme' : snapshot.label('theme', t.theme),
      }));
      return reply.view('gatekeeper/views/statistics.njk', {
        title: 'Gatekeeper statistics',
        section: 'proposals',
        locality: result.locality,
        result,
        themes,
        stateLabels: STATE_LABELS,
        breadcrumbs: [{ text: 'Proposals', href: base(result.locality.gss_code) }],
      });
    },
  );

  app.get('/localities/:code/proposals/settings', { config: { access: 'locality-admin' } }, async (request, reply) => {
    const settings = await gatekeeper.settings(request.principal, params(request).code);
    return reply.view('gatekeeper/views/settings.njk', {
      title: 'Gatekeeper service level',
      section: 'proposals',
      locality: settings.locality,
      values: { serviceLevelDays: settings.serviceLevelDays },
      breadcrumbs: [{ text: 'Proposals', href: base(settings.locality.gss_code) }],
    });
  });
  app.post('/localities/:code/proposals/settings', { config: { access: 'locality-admin' } }, async (request, reply) => {
    const values = body(request);
    const locality = await register.locality(params(request).code);
    return submitForm(
      reply,
      {
        template: 'gatekeeper/views/settings.njk',
        context: () => ({
          title: 'Gatekeeper service level',
          section: 'proposals',
          locality,
          breadcrumbs: [{ text: 'Proposals', href: base(locality.gss_code) }],
        }),
        values,
      },
      async () => {
        const days = await gatekeeper.updateSettings(
          request.principal,
          locality.gss_code,
          formToInput(settingsInput, values),
        );
        return {
          redirect: base(locality.gss_code),
          flash: `Proposals are now due a decision within ${days} working days`,
        };
      },
    );
  });

  app.get('/localities/:code/proposals/:id', { config: { access: 'locality-reader' } }, async (request, reply) => {
    const context = await proposalContext(services, request);
    return reply.view('gatekeeper/views/proposal.njk', { ...context, values: {} });
  });

  for (const section of SECTION_NAMES) {
    const path = `/localities/:code/proposals/:id/${section}`;
    app.get(path, { config: { access: 'locality-reader' } }, async (request, reply) => {
      const context = await proposalContext(services, request);
      const values = sectionValues(context.view.answers[section] as Record<string, unknown> | undefined, section);
      return reply.view('gatekeeper/views/section.njk', {
        ...context,
        ...(await sectionFormContext(services, context.locality.gss_code, values)),
        part: section,
        title: SECTION_TITLES[section],
        values,
        breadcrumbs: [...context.breadcrumbs, { text: context.view.proposal.reference, href: context.proposalBase }],
      });
    });
    app.post(path, { config: { access: 'locality-reader' } }, async (request, reply) => {
      const values = body(request);
      const context = await proposalContext(services, request);
      return submitForm(
        reply,
        {
          template: 'gatekeeper/views/section.njk',
          context: async () => ({
            ...context,
            ...(await sectionFormContext(services, context.locality.gss_code, values)),
            part: section,
            title: SECTION_TITLES[section],
            breadcrumbs: [
              ...context.breadcrumbs,
              { text: context.view.proposal.reference, href: context.proposalBase },
            ],
          }),
          values,
        },
        async () => {
          await gatekeeper.saveSection(
            request.principal,
            context.locality.gss_code,
            context.view.proposal.id,
            section,
            formToInput(SECTION_SCHEMAS[section], values),
          );
          return { redirect: context.proposalBase, flash: `“${SECTION_TITLES[section]}” saved` };
        },
      );
    });
  }

  app.get(
    '/localities/:code/proposals/:id/precheck',
    { config: { access: 'locality-reader' } },
    async (request, reply) => {
      const context = await proposalContext(services, request);
      const { precheck } = await gatekeeper.precheck(
        request.principal,
        context.locality.gss_code,
        context.view.proposal.id,
      );
      return reply.view('gatekeeper/views/precheck.njk', {
        ...context,
        precheck,
        related: await services.knowledge.relatedToProposal(context.view.proposal),
        burdenCounts: burdenSentence(),
        title: `Pre-check: ${context.view.proposal.title}`,
        values: {},
        breadcrumbs: [...context.breadcrumbs, { text: context.view.proposal.reference, href: context.proposalBase }],
      });
    },
  );
  app.post(
    '/localities/:code/proposals/:id/acknowledgements',
    { config: { access: 'locality-reader' } },
    async (request, reply) => {
      const values = body(request);
      const context = await proposalContext(services, request);
      return submitForm(
        reply,
        {
          template: 'gatekeeper/views/precheck.njk',
          context: async () => ({
            ...context,
            precheck: (
              await gatekeeper.precheck(request.principal, context.locality.gss_code, context.view.proposal.id)
            ).precheck,
            burdenCounts: burdenSentence(),
            title: `Pre-check: ${context.view.proposal.title}`,
            breadcrumbs: [
              ...context.breadcrumbs,
              { text: context.view.proposal.reference, href: context.proposalBase },
            ],
          }),
          values,
        },
        async () => {
          await gatekeeper.acknowledge(
            request.principal,
            context.locality.gss_code,
            context.view.proposal.id,
            formToInput(acknowledgeInput, values),
          );
          return { redirect: `${context.proposalBase}/precheck`, flash: 'Your explanation was saved' };
        },
      );
    },
  );

  app.get(
    '/localities/:code/proposals/:id/check-answers',
    { config: { access: 'locality-reader' } },
    async (request, reply) => {
      const context = await proposalContext(services, request);
      return reply.view('gatekeeper/views/check-answers.njk', {
        ...context,
        title: 'Check your answers before submitting your proposal',
        values: {},
        breadcrumbs: [...context.breadcrumbs, { text: context.view.proposal.reference, href: context.proposalBase }],
      });
    },
  );
  const checkAnswersForm = (
    request: FastifyRequest,
    values: Record<string, unknown>,
    context: Awaited<ReturnType<typeof proposalContext>>,
  ) => ({
    template: 'gatekeeper/views/check-answers.njk',
    context: () => ({
      ...context,
      title: 'Check your answers before submitting your proposal',
      breadcrumbs: [...context.breadcrumbs, { text: context.view.proposal.reference, href: context.proposalBase }],
    }),
    values,
  });
  app.post(
    '/localities/:code/proposals/:id/submit',
    { config: { access: 'locality-reader' } },
    async (request, reply) => {
      const context = await proposalContext(services, request);
      return submitForm(reply, checkAnswersForm(request, {}, context), async () => {
        const submitted = await gatekeeper.submit(
          request.principal,
          context.locality.gss_code,
          context.view.proposal.id,
        );
        return {
          redirect: context.proposalBase,
          flash: `Proposal ${submitted.reference} was submitted to the gatekeeper`,
        };
      });
    },
  );
  app.post(
    '/localities/:code/proposals/:id/resubmit',
    { config: { access: 'locality-reader' } },
    async (request, reply) => {
      const values = body(request);
      const context = await proposalContext(services, request);
      return submitForm(reply, checkAnswersForm(request, values, context), async () => {
        const resubmitted = await gatekeeper.resubmit(
          request.principal,
          context.locality.gss_code,
          context.view.proposal.id,
          formToInput(resubmitInput, values),
        );
        return {
          redirect: context.proposalBase,
          flash: `Proposal ${resubmitted.reference} was sent back to the gatekeeper with more information`,
        };
      });
    },
  );

  app.post(
    '/localities/:code/proposals/:id/comments',
    { config: { access: 'locality-reader' } },
    async (request, reply) => {
      const values = body(request);
      const context = await proposalContext(services, request);
      return submitForm(
        reply,
        { template: 'gatekeeper/views/proposal.njk', context: () => context, values },
        async () => {
          await gatekeeper.comment(
            request.principal,
            context.locality.gss_code,
            context.view.proposal.id,
            formToInput(commentInput, values),
          );
          return { redirect: `${context.proposalBase}#comments`, flash: 'Your comment was added' };
        },
      );
    },
  );

  app.post('/localities/:code/proposals/:id/review', { config: { access: 'gatekeeper' } }, async (request, reply) => {
    const context = await proposalContext(services, request);
    return submitForm(
      reply,
      { template: 'gatekeeper/views/proposal.njk', context: () => context, values: {} },
      async () => {
        await gatekeeper.startReview(request.principal, context.locality.gss_code, context.view.proposal.id);
        return { redirect: context.proposalBase, flash: 'The proposal is now under review' };
      },
    );
  });

  const actionPage = (
    path: string,
    template: string,
    title: string,
    schema: z.ZodObject,
    run: (request: FastifyRequest, code: string, id: string, input: Record<string, unknown>) => Promise<string>,
    access: 'gatekeeper' | 'locality-reader',
  ) => {
    app.get(`/localities/:code/proposals/:id/${path}`, { config: { access } }, async (request, reply) => {
      const context = await proposalContext(services, request);
      return reply.view(template, {
        ...context,
        title,
        values: {},
        breadcrumbs: [...context.breadcrumbs, { text: context.view.proposal.reference, href: context.proposalBase }],
      });
    });
    app.post(
      `/localities/:code/proposals/:id/${path}`,
      { config: { access } },
      async (request, reply: FastifyReply) => {
        const values = body(request);
        const context = await proposalContext(services, request);
        return submitForm(
          reply,
          {
            template,
            context: () => ({
              ...context,
              title,
              breadcrumbs: [
                ...context.breadcrumbs,
                { text: context.view.proposal.reference, href: context.proposalBase },
              ],
            }),
            values,
          },
          async () => {
            const flash = await run(
              request,
              context.locality.gss_code,
              context.view.proposal.id,
              formToInput(schema, values),
            );
            return { redirect: context.proposalBase, flash };
          },
        );
      },
    );
  };
  actionPage(
    'request-information',
    'gatekeeper/views/request-information.njk',
    'Ask for more information',
    requestInformationInput,
    async (request, code, id, input) => {
      await gatekeeper.requestInformation(request.principal, code, id, input);
      return 'The proposer has been asked for more information';
    },
    'gatekeeper',
  );
  actionPage(
    'decision',
    'gatekeeper/views/decision.njk',
    'Record the decision',
    decisionInput,
    async (request, code, id, input) => {
      const decided = await gatekeeper.decide(request.principal, code, id, input);
      return `Decision recorded: ${STATE_LABELS[decided.status as keyof typeof STATE_LABELS].toLowerCase()}. It is published in the decision log.`;
    },
    'gatekeeper',
  );
  actionPage(
    'withdraw',
    'gatekeeper/views/withdraw.njk',
    'Withdraw the proposal',
    withdrawInput,
    async (request, code, id, input) => {
      await gatekeeper.withdraw(request.principal, code, id, input);
      return 'The proposal was withdrawn';
    },
    'locality-reader',
  );
}

function startContext(
  locality: { gss_code: string; name: string },
  canPropose: boolean,
  values: Record<string, unknown>,
) {
  return {
    title: 'Propose a new partnership',
    section: 'proposals',
    locality,
    canPropose,
    values,
    nationalItems: choices(
      [
        { value: 'no', text: 'No, it is a local proposal' },
        { value: 'yes', text: 'Yes, it comes from a government initiative: the national gatekeeper decides it' },
      ],
      values.national,
    ),
    breadcrumbs: [{ text: 'Proposals', href: base(locality.gss_code) }],
  };
}

// --- the public decision log and its feeds ---------------------------------------------------

function gatekeeperPublicRoutes(app: FastifyInstance, { gatekeeper }: Services): void {
  app.get('/localities/:code/decisions', { config: { access: 'public' } }, async (request, reply) => {
    const log = await gatekeeper.decisionLog(request.principal, params(request).code);
    return reply.view('gatekeeper/views/decisions.njk', {
      title: 'Gatekeeper decisions',
      section: 'decisions',
      locality: log.locality,
      log,
      feedUrl: `/localities/${log.locality?.gss_code}/decisions.atom`,
    });
  });
  app.get('/decisions', { config: { access: 'public' } }, async (request, reply) => {
    const log = await gatekeeper.decisionLog(request.principal);
    return reply.view('gatekeeper/views/decisions.njk', {
      title: 'Gatekeeper decisions in every locality',
      log,
      national: true,
      feedUrl: '/decisions.atom',
    });
  });
  app.get('/localities/:code/decisions.atom', { config: { access: 'public' } }, async (request, reply) => {
    const log = await gatekeeper.decisionLog(request.principal, params(request).code);
    return atom(
      reply,
      request,
      `Gatekeeper decisions: ${log.locality?.name}`,
      `/localities/${log.locality?.gss_code}/decisions`,
      log.entries,
    );
  });
  app.get('/decisions.atom', { config: { access: 'public' } }, async (request, reply) => {
    const log = await gatekeeper.decisionLog(request.principal);
    return atom(reply, request, 'Gatekeeper decisions in every locality', '/decisions', log.entries);
  });
}

/** The decision log as an Atom feed: what was proposed, the decision, by whom and why. The restricted note never goes in. */
async function atom(
  reply: FastifyReply,
  request: FastifyRequest,
  title: string,
  path: string,
  entries: DecisionLogEntry[],
): Promise<FastifyReply> {
  // Loaded on first use, so start-up does not pay for it.
  const { Feed } = await import('feed');
  const origin = `${request.protocol}://${request.host}`;
  const feed = new Feed({
    id: `${origin}${path}`,
    title,
    link: `${origin}${path}`,
    updated: entries[0]?.decidedAt ?? new Date(0),
    generator: false,
    feedLinks: { atom: `${origin}${path}.atom` },
  });
  for (const e of entries.slice(0, 100)) {
    const link = `${origin}/localities/${e.localityCode}/decisions#${e.reference}`;
    const lines = [
      `${e.outcomeLabel} by ${e.deciderName} (${e.deciderRole}).`,
      `Proposed: ${e.summary}`,
      `Reasons: ${e.reasons}`,
      e.conditions ? `Conditions: ${e.conditions}` : '',
    ];
    feed.addItem({
      id: `${origin}/decisions/${e.id}`,
      title: `${e.reference} ${e.title}: ${e.outcomeLabel.toLowerCase()} (${e.localityName})`,
      link,
      date: e.decidedAt,
      description: lines.filter(Boolean).join('\n'),
    });
  }
  return reply.type('application/atom+xml; charset=utf-8').send(feed.atom1());
}

// --- API ---------------------------------------------------------------------------------------

const codeParams = z.object({ code: z.string() });
const idParams = z.object({ code: z.string(), id: z.uuid() });
const sectionParams = z.object({
  code: z.string(),
  id: z.uuid(),
  section: z.enum(SECTION_NAMES as [SectionName, ...SectionName[]]),
});
const actionBody = z.object({
  action: z.enum(['submit', 'start-review', 'request-information', 'resubmit', 'withdraw']),
  note: z.string().optional(),
});

function gatekeeperApiRoutes(app: FastifyInstance, { gatekeeper }: Services): void {
  const tag = 'Gatekeeper';
  apiRoute(app, {
    method: 'GET',
    url: '/api/v1/localities/:code/proposals',
    operationId: 'listProposals',
    summary: 'Proposals for new partnerships in the locality, with the review clock of each awaiting a decision',
    tag,
    access: 'locality-reader',
    params: codeParams,
    handler: async (request) => (await gatekeeper.overview(request.principal, params(request).code)).proposals,
  });
  apiRoute(app, {
    method: 'POST',
    url: '/api/v1/localities/:code/proposals',
    operationId: 'startProposal',
    summary: 'Starts a draft proposal',
    tag,
    access: 'locality-reader',
    params: codeParams,
    body: startInput,
    responseStatus: 201,
    handler: async (request, reply) =>
      reply.code(201).send(await gatekeeper.start(request.principal, params(request).code, request.body)),
  });
  apiRoute(app, {
    method: 'GET',
    url: '/api/v1/localities/:code/proposals/:id',
    operationId: 'getProposal',
    summary: 'A proposal: its answers, state, history, comments, time in each state and the actions open to the caller',
    tag,
    access: 'locality-reader',
    params: idParams,
    handler: async (request) => gatekeeper.get(request.principal, params(request).code, params(request).id),
  });
  apiRoute(app, {
    method: 'PUT',
    url: '/api/v1/localities/:code/proposals/:id/sections/:section',
    operationId: 'saveProposalSection',
    summary: 'Saves one section of a draft (problem, need, alternatives, members, scope, funding, running)',
    tag,
    access: 'locality-reader',
    params: sectionParams,
    handler: async (request) => {
      const section = (request.params as { section: string }).section;
      if (!(SECTION_NAMES as string[]).includes(section)) throw new NotFoundError('Section');
      return gatekeeper.saveSection(
        request.principal,
        params(request).code,
        params(request).id,
        section as SectionName,
        request.body,
      );
    },
  });
  apiRoute(app, {
    method: 'GET',
    url: '/api/v1/localities/:code/proposals/:id/precheck',
    operationId: 'proposalPrecheck',
    summary:
      'The automatic pre-check: similar partnerships locally and nationally with explanations, seat burden, same theme and area, statutory cover, yearly running cost',
    tag,
    access: 'locality-reader',
    params: idParams,
    handler: async (request) =>
      (await gatekeeper.precheck(request.principal, params(request).code, params(request).id)).precheck,
  });
  apiRoute(app, {
    method: 'POST',
    url: '/api/v1/localities/:code/proposals/:id/acknowledgements',
    operationId: 'acknowledgeSimilarPartnership',
    summary: 'The proposer explains why a similar partnership is not a duplicate',
    tag,
    access: 'locality-reader',
    params: idParams,
    body: acknowledgeInput,
    responseStatus: 204,
    handler: async (request, reply) => {
      await gatekeeper.acknowledge(request.principal, params(request).code, params(request).id, request.body);
      return reply.code(204).send();
    },
  });
  apiRoute(app, {
    method: 'POST',
    url: '/api/v1/localities/:code/proposals/:id/actions',
    operationId: 'proposalAction',
    summary: 'Moves the proposal on: submit, start-review, request-information (note), resubmit (note) or withdraw',
    tag,
    access: 'locality-reader',
    params: idParams,
    body: actionBody,
    handler: async (request) => {
      const { code, id } = params(request);
      const input = (request.body ?? {}) as { action?: string; note?: string };
      const p = request.principal;
      switch (input.action) {
        case 'submit':
          return gatekeeper.submit(p, code, id);
        case 'start-review':
          return gatekeeper.startReview(p, code, id);
        case 'request-information':
          return gatekeeper.requestInformation(p, code, id, { note: input.note });
        case 'resubmit':
          return gatekeeper.resubmit(p, code, id, { note: input.note });
        case 'withdraw':
          return gatekeeper.withdraw(p, code, id, { reason: input.note });
        default:
          // Reading the proposal first answers 404 for one that does not exist.
          await gatekeeper.get(p, code, id);
          throw new ValidationError([
            {
              field: 'action',
              message: `Choose an action: ${ACTIONS.filter((a) => (actionBody.shape.action.options as readonly string[]).includes(a)).join(', ')}`,
            },
          ]);
      }
    },
  });
  apiRoute(app, {
    method: 'POST',
    url: '/api/v1/localities/:code/proposals/:id/comments',
    operationId: 'commentOnProposal',
    summary: 'Adds a comment (the proposer, the gatekeeper or the Government Office adviser)',
    tag,
    access: 'locality-reader',
    params: idParams,
    body: commentInput,
    responseStatus: 204,
    handler: async (request, reply) => {
      await gatekeeper.comment(request.principal, params(request).code, params(request).id, request.body);
      return reply.code(204).send();
    },
  });
  apiRoute(app, {
    method: 'POST',
    url: '/api/v1/localities/:code/proposals/:id/decision',
    operationId: 'decideProposal',
    summary: 'Records the gatekeeper’s decision; approving creates the partnership in the register',
    tag,
    access: 'gatekeeper',
    params: idParams,
    body: decisionInput,
    handler: async (request) =>
      gatekeeper.decide(request.principal, params(request).code, params(request).id, request.body),
  });
  apiRoute(app, {
    method: 'GET',
    url: '/api/v1/localities/:code/proposals/statistics',
    operationId: 'gatekeeperStatistics',
    summary:
      'Proposals by outcome and theme, median decision time, share diverted, partnerships and running cost avoided',
    tag,
    access: 'locality-reader',
    params: codeParams,
    handler: async (request) => (await gatekeeper.statistics(request.principal, params(request).code)).statistics,
  });
  apiRoute(app, {
    method: 'GET',
    url: '/api/v1/localities/:code/decisions',
    operationId: 'localityDecisionLog',
    summary: 'The public decision log of a locality (restricted details withheld)',
    tag,
    access: 'public',
    params: codeParams,
    handler: async (request) => (await gatekeeper.decisionLog(request.principal, params(request).code)).entries,
  });
  apiRoute(app, {
    method: 'GET',
    url: '/api/v1/decisions',
    operationId: 'decisionLog',
    summary: 'The public decision log of every locality (restricted details withheld)',
    tag,
    access: 'public',
    handler: async (request) => (await gatekeeper.decisionLog(request.principal)).entries,
  });
}

export type { GatekeeperService };
