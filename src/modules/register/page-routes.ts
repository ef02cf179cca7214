import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';

import { formatDate, todayInLondon } from '../../core/dates.js';
import { z } from 'zod';
import { formToInput, isoDate } from '../../core/validation.js';
import { submitForm, withDateParts } from '../../web/forms.js';
import { listLinks } from '../../web/listing.js';
import { KeptByVersion } from '../../web/versioned-responses.js';
import {
  membershipFormContext,
  organisationFormContext,
  partnershipFormContext,
  partnershipToValues,
  historyView,
  registerFilters,
} from './view-models.js';
import {
  closeInput,
  endMembershipInput,
  localityInput,
  membershipUpdate,
  organisationUpdate,
  partnershipUpdate,
} from './schema.js';
import { LOCALITY_KINDS } from './schema.js';
import { burdenSentence } from './burden.js';
import { choices } from '../../web/forms.js';
import { describeMatch } from '../overlap/routes.js';

type Params = { code: string; id: string };
const asAtQuery = z.object({ asAt: isoDate('Enter a real date').optional() });
const params = (request: FastifyRequest) => request.params as Params;
const body = (request: FastifyRequest) => (request.body ?? {}) as Record<string, unknown>;

export function registerPageRoutes(app: FastifyInstance, { register, overlap, reference, knowledge }: Services): void {
  // The register's filters and table, rendered, by version (see register-list.njk): about 50 KB
  // each, within 16 MB.
  const registerLists = new KeptByVersion<string>(16 * 1024 * 1024, (html) => html.length * 2);
  // Localities
  const localityKinds = LOCALITY_KINDS.map((k) => ({
    value: k,
    text: k === 'london-borough' ? 'London borough' : k[0]?.toUpperCase() + k.slice(1),
  }));
  app.get('/localities/new', { config: { access: 'system-admin' } }, async (_request, reply) =>
    reply.view('register/views/locality-form.njk', {
      title: 'Add a locality',
      values: {},
      kinds: choices(localityKinds, undefined),
    }),
  );
  app.post('/localities', { config: { access: 'system-admin' } }, async (request, reply) => {
    const values = body(request);
    return submitForm(
      reply,
      {
        template: 'register/views/locality-form.njk',
        context: () => ({ title: 'Add a locality', kinds: choices(localityKinds, values.kind) }),
        values,
      },
      async () => {
        const locality = await register.createLocality(request.principal, formToInput(localityInput, values));
        return {
          redirect: `/localities/${locality.gss_code}/users#invite`,
          flash: `${locality.name} was added. Next, give someone the role of locality administrator: they can then build the register or import it.`,
        };
      },
    );
  });
  app.get('/localities/:code', { config: { access: 'public' } }, async (request, reply) =>
    reply.redirect(`/localities/${encodeURIComponent(params(request).code)}/partnerships`),
  );

  // Register (partnerships)
  app.get('/localities/:code/partnerships', { config: { access: 'public' } }, async (request, reply) => {
    // ?asAt=YYYY-MM-DD (or the date inputs asAt-day/-month/-year) shows the register as it stood then.
    const query = request.query as Record<string, unknown>;
    const typed = formToInput(asAtQuery, query).asAt;
    const asAt =
      asAtQuery.safeParse({ asAt: typed }).success && typeof typed === 'string' && typed <= todayInLondon()
        ? typed
        : undefined;
    const asAtError =
      typed !== undefined && !asAt
        ? [{ field: 'asAt', message: 'Enter a real date in the past, for example 30 11 2026' }]
        : undefined;
    // The page keeps its numbered pages (GOV.UK pagination); `after` is for the API.
    const listQuery = { ...query, after: undefined };
    const renderList = async () => {
      const result = asAt
        ? await register.registerAsAt(request.principal, params(request).code, asAt, listQuery)
        : await register.listPartnerships(request.principal, params(request).code, listQuery);
      const options = await register.filterOptions(params(request).code);
      return reply.renderFragment('register/views/register-list.njk', {
        locality: options.locality,
        result,
        asAt,
        errors: asAtError,
        values: withDateParts({ asAt: asAt ?? '' }, ['asAt']),
        reference: options.reference,
        filters: registerFilters(options, result.query),
        links: listLinks(
          `/localities/${options.locality.gss_code}/partnerships`,
          { ...result.query, asAt },
          result.pages,
        ),
      });
    };
    let registerList: string;
    let locality;
    if (asAt || asAtError) {
      locality = await register.locality(params(request).code);
      registerList = await renderList();
    } else {
      // Today's register, kept by its version: one small query when nothing has changed.
      const kept = await register.partnershipListKey(request.principal, params(request).code, listQuery);
      locality = kept.locality;
      registerList = await registerLists.get(`${kept.key}|${kept.canAdminister}`, renderList);
    }
    return reply.view('register/views/register.njk', {
      title: asAt ? `Partnership register as at ${formatDate(asAt)}` : 'Partnership register',
      section: 'partnerships',
      locality,
      asAt,
      errors: asAtError,
      registerList,
    });
  });

  app.get('/localities/:code/partnerships/new', { config: { access: 'locality-admin' } }, async (request, reply) => {
    const options = await register.formOptions(params(request).code);
    const values = { status: 'active', ...(request.query as Record<string, unknown>) };
    return reply.view('register/views/partnership-form.njk', {
      title: 'Add a partnership',
      section: 'partnerships',
      mode: 'create',
      ...partnershipFormContext(options, values),
      values: withDateParts(values, ['establishedOn', 'reviewDate']),
    });
  });
  app.post('/localities/:code/partnerships', { config: { access: 'locality-admin' } }, async (request, reply) => {
    const values = body(request);
    const options = await register.formOptions(params(request).code);
    return submitForm(
      reply,
      {
        template: 'register/views/partnership-form.njk',
        context: () => ({
          title: 'Add a partnership',
          section: 'partnerships',
          mode: 'create',
          ...partnershipFormContext(options, values),
        }),
        values,
      },
      async () => {
        const created = await register.createPartnership(
          request.principal,
          options.locality.gss_code,
          formToInput(partnershipUpdate, values),
        );
        return {
          redirect: `/localities/${options.locality.gss_code}/partnerships/${created.id}`,
          flash: `${created.name} was added to the register as ${created.reference}`,
        };
      },
    );
  });

  app.get('/localities/:code/partnerships/:id', { config: { access: 'public' } }, async (request, reply) => {
    const asAt = asAtQuery.safeParse(request.query ?? {}).data?.asAt;
    const detail =
      asAt && asAt <= todayInLondon()
        ? await register.getPartnershipAsAt(request.principal, params(request).code, params(request).id, asAt)
        : await register.getPartnership(request.principal, params(request).code, params(request).id);
    const similar = 'asAt' in detail ? undefined : await similarPartnerships(request, detail.partnership.id);
    return reply.view('register/views/partnership.njk', {
      title: detail.partnership.name,
      section: 'partnerships',
      tab: 'overview',
      locality: detail.locality,
      detail,
      reference: await reference.snapshot(),
      today: todayInLondon(),
      similar,
      related: 'asAt' in detail ? undefined : await knowledge.relatedTo(detail.partnership),
    });
  });

  app.get(
    '/localities/:code/partnerships/:id/edit',
    { config: { access: 'register-editor' } },
    async (request, reply) => {
      const detail = await register.getPartnership(request.principal, params(request).code, params(request).id);
      const options = await register.formOptions(params(request).code);
      const values = partnershipToValues(detail.partnership);
      return reply.view('register/views/partnership-form.njk', {
        title: `Edit ${detail.partnership.name}`,
        section: 'partnerships',
        mode: 'edit',
        detail,
        ...partnershipFormContext(options, values, detail.partnership.id),
        values: withDateParts(values, ['establishedOn', 'reviewDate']),
      });
    },
  );
  app.post(
    '/localities/:code/partnerships/:id/edit',
    { config: { access: 'register-editor' } },
    async (request, reply) => {
      const values = body(request);
      const detail = await register.getPartnership(request.principal, params(request).code, params(request).id);
      const options = await register.formOptions(params(request).code);
      return submitForm(
        reply,
        {
          template: 'register/views/partnership-form.njk',
          context: () => ({
            title: `Edit ${detail.partnership.name}`,
            section: 'partnerships',
            mode: 'edit',
            detail,
            ...partnershipFormContext(options, values, detail.partnership.id),
          }),
          values,
        },
        async () => {
          const updated = await register.updatePartnership(
            request.principal,
            options.locality.gss_code,
            detail.partnership.id,
            formToInput(partnershipUpdate, values),
          );
          return {
            redirect: `/localities/${options.locality.gss_code}/partnerships/${updated.id}`,
            flash: 'Your changes were saved',
          };
        },
      );
    },
  );

  app.get(
    '/localities/:code/partnerships/:id/close',
    { config: { access: 'locality-admin' } },
    async (request, reply) => {
      const detail = await register.getPartnership(request.principal, params(request).code, params(request).id);
      const values = withDateParts({ closedOn: todayInLondon(), version: detail.partnership.version }, ['closedOn']);
      return reply.view('register/views/close-form.njk', {
        title: `Close ${detail.partnership.name}`,
        section: 'partnerships',
        locality: detail.locality,
        subject: closeSubject(detail.locality.gss_code, 'partnerships', detail.partnership),
        detail,
        values,
      });
    },
  );
  app.post(
    '/localities/:code/partnerships/:id/close',
    { config: { access: 'locality-admin' } },
    async (request, reply) => {
      const values = body(request);
      const detail = await register.getPartnership(request.principal, params(request).code, params(request).id);
      return submitForm(
        reply,
        {
          template: 'register/views/close-form.njk',
          context: () => ({
            title: `Close ${detail.partnership.name}`,
            section: 'partnerships',
            locality: detail.locality,
            subject: closeSubject(detail.locality.gss_code, 'partnerships', detail.partnership),
            detail,
          }),
          values,
        },
        async () => {
          await register.closePartnership(
            request.principal,
            detail.locality.gss_code,
            detail.partnership.id,
            formToInput(closeInput, values),
          );
          return {
            redirect: `/localities/${detail.locality.gss_code}/partnerships/${detail.partnership.id}`,
            flash: `${detail.partnership.name} was closed. Its record and history are kept.`,
          };
        },
      );
    },
  );

  app.get(
    '/localities/:code/partnerships/:id/history',
    { config: { access: 'locality-reader' } },
    async (request, reply) => {
      const detail = await register.getPartnership(request.principal, params(request).code, params(request).id);
      const page = Math.max(1, Number((request.query as { page?: string }).page) || 1);
      const result = await register.history(
        request.principal,
        params(request).code,
        { partnershipId: detail.partnership.id },
        page,
      );
      return reply.view('register/views/partnership-history.njk', {
        title: `History of ${detail.partnership.name}`,
        section: 'partnerships',
        tab: 'history',
        locality: detail.locality,
        detail,
        history: historyView(result, page),
      });
    },
  );

  /** Similar partnerships with the reasons, for readers who may see the overlap analysis. */
  async function similarPartnerships(request: FastifyRequest, id: string) {
    const found = await overlap.similarTo(request.principal, params(request).code, id);
    if (!found) return undefined;
    const snapshot = await reference.snapshot();
    const clusterOf = new Map(
      found.analysis.analysis.clusters.flatMap((c) => c.partnershipIds.map((p) => [p, c.id] as const)),
    );
    return {
      computedAt: found.analysis.analysis.computedAt,
      clusterId: clusterOf.get(id),
      matches: found.matches.map((m) => {
        const other = m.aId === id ? m.bId : m.aId;
        return {
          ...describeMatch(found.analysis, m.aId === id ? m : { ...m, aId: m.bId, bId: m.aId }, (code) =>
            snapshot.label('theme', code),
          ),
          otherId: other,
        };
      }),
    };
  }

  // Memberships
  app.get(
    '/localities/:code/partnerships/:id/members/new',
    { config: { access: 'register-editor' } },
    async (request, reply) => {
      const detail = await register.getPartnership(request.principal, params(request).code, params(request).id);
      const options = await register.formOptions(params(request).code);
      const values = withDateParts({ role: 'member', startedOn: todayInLondon() }, ['startedOn', 'endedOn']);
      return reply.view('register/views/membership-form.njk', {
        title: `Add a member to ${detail.partnership.name}`,
        section: 'partnerships',
        mode: 'create',
        detail,
        ...membershipFormContext(options, values),
        values,
      });
    },
  );
  app.post(
    '/localities/:code/partnerships/:id/members',
    { config: { access: 'register-editor' } },
    async (request, reply) => {
      const values = body(request);
      const detail = await register.getPartnership(request.principal, params(request).code, params(request).id);
      const options = await register.formOptions(params(request).code);
      return submitForm(
        reply,
        {
          template: 'register/views/membership-form.njk',
          context: () => ({
            title: `Add a member to ${detail.partnership.name}`,
            section: 'partnerships',
            mode: 'create',
            detail,
            ...membershipFormContext(options, values),
          }),
          values,
        },
        async () => {
          const added = await register.addMembership(
            request.principal,
            detail.locality.gss_code,
            detail.partnership.id,
            formToInput(membershipUpdate, values),
          );
          return {
            redirect: `/localities/${detail.locality.gss_code}/partnerships/${detail.partnership.id}#members`,
            flash: `${added.organisation_name} was added as ${added.role.replace('-', ' ')}`,
          };
        },
      );
    },
  );
  app.get(
    '/localities/:code/memberships/:id/edit',
    { config: { access: 'register-editor' } },
    async (request, reply) => {
      const membership = await register.getMembership(request.principal, params(request).code, params(request).id);
      const detail = await register.getPartnership(request.principal, params(request).code, membership.partnership_id);
      const options = await register.formOptions(params(request).code);
      const values = withDateParts(
        {
          organisationId: membership.organisation_id,
          role: membership.role,
          representative: membership.representative ?? '',
          startedOn: membership.started_on,
          endedOn: membership.ended_on,
          version: membership.version,
        },
        ['startedOn', 'endedOn'],
      );
      return reply.view('register/views/membership-form.njk', {
        title: `Change ${membership.organisation_name}’s membership`,
        section: 'partnerships',
        mode: 'edit',
        membership,
        detail,
        ...membershipFormContext(options, values),
        values,
      });
    },
  );
  app.post(
    '/localities/:code/memberships/:id/edit',
    { config: { access: 'register-editor' } },
    async (request, reply) => {
      const values = body(request);
      const membership = await register.getMembership(request.principal, params(request).code, params(request).id);
      const detail = await register.getPartnership(request.principal, params(request).code, membership.partnership_id);
      const options = await register.formOptions(params(request).code);
      return submitForm(
        reply,
        {
          template: 'register/views/membership-form.njk',
          context: () => ({
            title: `Change ${membership.organisation_name}’s membership`,
            section: 'partnerships',
            mode: 'edit',
            membership,
            detail,
            ...membershipFormContext(options, values),
          }),
          values,
        },
        async () => {
          await register.updateMembership(
            request.principal,
            detail.locality.gss_code,
            membership.id,
            formToInput(membershipUpdate, values),
          );
          return {
            redirect: `/localities/${detail.locality.gss_code}/partnerships/${detail.partnership.id}#members`,
            flash: 'The membership was updated',
          };
        },
      );
    },
  );
  app.get(
    '/localities/:code/memberships/:id/end',
    { config: { access: 'register-editor' } },
    async (request, reply) => {
      const membership = await register.getMembership(request.principal, params(request).code, params(request).id);
      const values = withDateParts({ endedOn: todayInLondon(), version: membership.version }, ['endedOn']);
      return reply.view('register/views/end-membership.njk', {
        title: `End ${membership.organisation_name}’s membership`,
        section: 'partnerships',
        locality: membership.locality,
        membership,
        values,
      });
    },
  );
  app.post(
    '/localities/:code/memberships/:id/end',
    { config: { access: 'register-editor' } },
    async (request, reply) => {
      const values = body(request);
      const membership = await register.getMembership(request.principal, params(request).code, params(request).id);
      return submitForm(
        reply,
        {
          template: 'register/views/end-membership.njk',
          context: () => ({
            title: `End ${membership.organisation_name}’s membership`,
            section: 'partnerships',
            locality: membership.locality,
            membership,
          }),
          values,
        },
        async () => {
          await register.endMembership(
            request.principal,
            membership.locality.gss_code,
            membership.id,
            formToInput(endMembershipInput, values),
          );
          return {
            redirect: `/localities/${membership.locality.gss_code}/partnerships/${membership.partnership_id}#members`,
            flash: `${membership.organisation_name}’s membership was ended. It stays in the record.`,
          };
        },
      );
    },
  );

  // National bodies: one record per body across localities
  app.get('/bodies', { config: { access: 'public' } }, async (request, reply) => {
    const result = await register.listNationalBodies(request.principal, request.query);
    return reply.view('register/views/national-bodies.njk', {
      title: 'Bodies across the country',
      result,
      links: listLinks('/bodies', result.query, result.pages, ['name', 'localities', 'seats', 'hours']),
      burdenCounts: burdenSentence(),
    });
  });
  app.get('/bodies/:identifier', { config: { access: 'public' } }, async (request, reply) => {
    const detail = await register.getNationalBody(
      request.principal,
      (request.params as { identifier: string }).identifier,
    );
    return reply.view('register/views/national-body.njk', {
      title: detail.body.name,
      detail,
      reference: detail.reference,
      burdenCounts: burdenSentence(),
    });
  });

  // Organisations
  app.get('/localities/:code/organisations', { config: { access: 'public' } }, async (request, reply) => {
    const result = await register.listOrganisations(request.principal, params(request).code, request.query);
    const options = await register.formOptions(params(request).code);
    return reply.view('register/views/organisations.njk', {
      title: 'Organisations',
      section: 'organisations',
      locality: options.locality,
      result,
      reference: options.reference,
      links: listLinks(`/localities/${options.locality.gss_code}/organisations`, result.query, result.pages),
      burdenCounts: burdenSentence(),
    });
  });
  app.get('/localities/:code/organisations/new', { config: { access: 'locality-admin' } }, async (request, reply) => {
    const options = await register.formOptions(params(request).code);
    return reply.view('register/views/organisation-form.njk', {
      title: 'Add an organisation',
      section: 'organisations',
      mode: 'create',
      ...organisationFormContext(options, {}),
      values: {},
    });
  });
  app.post('/localities/:code/organisations', { config: { access: 'locality-admin' } }, async (request, reply) => {
    const values = body(request);
    const options = await register.formOptions(params(request).code);
    return submitForm(
      reply,
      {
        template: 'register/views/organisation-form.njk',
        context: () => ({
          title: 'Add an organisation',
          section: 'organisations',
          mode: 'create',
          ...organisationFormContext(options, values),
        }),
        values,
      },
      async () => {
        const created = await register.createOrganisation(
          request.principal,
          options.locality.gss_code,
          formToInput(organisationUpdate, values),
        );
        return {
          redirect: `/localities/${options.locality.gss_code}/organisations/${created.id}`,
          flash: `${created.name} was added`,
        };
      },
    );
  });
  app.get('/localities/:code/organisations/:id', { config: { access: 'public' } }, async (request, reply) => {
    const detail = await register.getOrganisation(request.principal, params(request).code, params(request).id);
    const options = await register.formOptions(params(request).code);
    return reply.view('register/views/organisation.njk', {
      title: detail.organisation.name,
      section: 'organisations',
      tab: 'overview',
      locality: detail.locality,
      detail,
      reference: options.reference,
      burdenCounts: burdenSentence(),
    });
  });
  app.get(
    '/localities/:code/organisations/:id/edit',
    { config: { access: 'locality-admin' } },
    async (request, reply) => {
      const detail = await register.getOrganisation(request.principal, params(request).code, params(request).id);
      const options = await register.formOptions(params(request).code);
      const o = detail.organisation;
      const values = {
        name: o.name,
        sector: o.sector,
        orgType: o.org_type,
        identifier: o.identifier ?? '',
        website: o.website ?? '',
        version: o.version,
      };
      return reply.view('register/views/organisation-form.njk', {
        title: `Edit ${o.name}`,
        section: 'organisations',
        mode: 'edit',
        detail,
        ...organisationFormContext(options, values),
        values,
      });
    },
  );
  app.post(
    '/localities/:code/organisations/:id/edit',
    { config: { access: 'locality-admin' } },
    async (request, reply) => {
      const values = body(request);
      const detail = await register.getOrganisation(request.principal, params(request).code, params(request).id);
      const options = await register.formOptions(params(request).code);
      return submitForm(
        reply,
        {
          template: 'register/views/organisation-form.njk',
          context: () => ({
            title: `Edit ${detail.organisation.name}`,
            section: 'organisations',
            mode: 'edit',
            detail,
            ...organisationFormContext(options, values),
          }),
          values,
        },
        async () => {
          await register.updateOrganisation(
            request.principal,
            options.locality.gss_code,
            detail.organisation.id,
            formToInput(organisationUpdate, values),
          );
          return {
            redirect: `/localities/${options.locality.gss_code}/organisations/${detail.organisation.id}`,
            flash: 'Your changes were saved',
          };
        },
      );
    },
  );
  app.get(
    '/localities/:code/organisations/:id/close',
    { config: { access: 'locality-admin' } },
    async (request, reply) => {
      const detail = await register.getOrganisation(request.principal, params(request).code, params(request).id);
      const values = withDateParts({ closedOn: todayInLondon(), version: detail.organisation.version }, ['closedOn']);
      return reply.view('register/views/close-form.njk', {
        title: `Close ${detail.organisation.name}`,
        section: 'organisations',
        locality: detail.locality,
        subject: closeSubject(detail.locality.gss_code, 'organisations', detail.organisation),
        values,
      });
    },
  );
  app.post(
    '/localities/:code/organisations/:id/close',
    { config: { access: 'locality-admin' } },
    async (request, reply) => {
      const values = body(request);
      const detail = await register.getOrganisation(request.principal, params(request).code, params(request).id);
      return submitForm(
        reply,
        {
          template: 'register/views/close-form.njk',
          context: () => ({
            title: `Close ${detail.organisation.name}`,
            section: 'organisations',
            locality: detail.locality,
            subject: closeSubject(detail.locality.gss_code, 'organisations', detail.organisation),
          }),
          values,
        },
        async () => {
          await register.closeOrganisation(
            request.principal,
            detail.locality.gss_code,
            detail.organisation.id,
            formToInput(closeInput, values),
          );
          return {
            redirect: `/localities/${detail.locality.gss_code}/organisations/${detail.organisation.id}`,
            flash: `${detail.organisation.name} was closed and its seats ended. Its record and history are kept.`,
          };
        },
      );
    },
  );
  app.get(
    '/localities/:code/organisations/:id/history',
    { config: { access: 'locality-reader' } },
    async (request, reply) => {
      const detail = await register.getOrganisation(request.principal, params(request).code, params(request).id);
      const page = Math.max(1, Number((request.query as { page?: string }).page) || 1);
      const result = await register.history(
        request.principal,
        params(request).code,
        { organisationId: detail.organisation.id },
        page,
      );
      return reply.view('register/views/organisation-history.njk', {
        title: `History of ${detail.organisation.name}`,
        section: 'organisations',
        tab: 'history',
        locality: detail.locality,
        detail,
        history: historyView(result, page),
      });
    },
  );
}

function closeSubject(code: string, kind: 'partnerships' | 'organisations', record: { id: string; name: string }) {
  return {
    kind: kind === 'partnerships' ? 'partnership' : 'organisation',
    name: record.name,
    href: `/localities/${code}/${kind}/${record.id}`,
    action: `/localities/${code}/${kind}/${record.id}/close`,
  };
}
