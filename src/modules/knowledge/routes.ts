/**
 * The knowledge base's pages: public search and items (no sign-in), the Atom feed and sitemap;
 * writing with a preview for any signed-in person; the editors' review queue and decisions.
 * Thin: each parses, calls the service and renders.
 */
import { knowledgeApiRoutes } from './api-routes.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.js';
import { NotFoundError, ValidationError } from '../../core/errors.js';
import { formToInput } from '../../core/validation.js';
import { isKnowledgeEditor, isSystem } from '../accounts/policy.js';
import type { Services } from '../../services.js';
import { choices, submitForm, withDateParts } from '../../web/forms.js';
import { pagination } from '../../web/listing.js';
import { KNOWLEDGE_CSS } from './styles.js';
import { itemInput, type SearchQuery } from './schema.js';
import { type KnowledgeService, formValuesOf } from './service.js';
import type { LinkReport } from './links.js';
import {
  GUIDANCE_STATUSES,
  ISSUE_LABELS,
  KIND_LABELS,
  NATION_LABELS,
  PARTNERSHIP_TYPE_LABELS,
  type Kind,
} from './types.js';

const body = (request: FastifyRequest) => (request.body ?? {}) as Record<string, unknown>;
const param = (request: FastifyRequest, name: string) => (request.params as Record<string, string>)[name] ?? '';
const FACETS = ['kind', 'theme', 'issue', 'nation'] as const;
const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, text]) => ({ value, text }));

const KIND_HINTS: Record<Kind, string> = {
  'case-study': 'What was done, where, by which kind of partnership, the result and a contact',
  guidance: 'Government or other guidance, with its publisher, date and whether it is still current',
  'how-to': 'Practical steps: setting up, terms of reference, a merger, a BID ballot, pooling a budget, winding up',
  template: 'A document to download and fill in, such as terms of reference or an exit strategy',
  link: 'A useful resource elsewhere on the web',
};

export function searchHref(query: Partial<SearchQuery>, page = 1): string {
  const params = new URLSearchParams();
  for (const key of ['q', 'kind', 'theme', 'issue', 'nation'] as const) {
    const value = query[key];
    if (value) params.set(key, value);
  }
  if (page > 1) params.set('page', String(page));
  const text = params.toString();
  return text ? `/knowledge?${text}` : '/knowledge';
}

async function formContext(knowledge: KnowledgeService, request: FastifyRequest, values: Record<string, unknown>) {
  const kind = values.kind;
  return {
    section: 'knowledge',
    kindItems: choices(options(KIND_LABELS), kind).map((item) => ({
      ...item,
      hint: { text: KIND_HINTS[item.value as Kind] },
    })),
    scopeItems: choices(await knowledge.scopesFor(request.principal), values.scope ?? 'national'),
    themeItems: choices(await knowledge.themeOptions(), values.themes),
    issueItems: choices(options(ISSUE_LABELS), values.issues),
    typeItems: choices(options(PARTNERSHIP_TYPE_LABELS), values.partnershipTypes),
    nationItems: choices(options(NATION_LABELS), values.nations),
    statusItems: choices(
      GUIDANCE_STATUSES.map((value) => ({ value, text: value === 'current' ? 'Current' : 'Superseded' })),
      values.guidanceStatus,
    ),
  };
}

/** The form as typed, with the preview when asked for; a ValidationError shows the error summary. */
async function renderForm(
  reply: FastifyReply,
  knowledge: KnowledgeService,
  request: FastifyRequest,
  context: Record<string, unknown>,
  values: Record<string, unknown>,
  preview: boolean,
) {
  let errors;
  let previewed;
  if (preview) {
    try {
      previewed = await knowledge.preview(request.principal, formToInput(itemInput, values));
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      errors = error.errors;
    }
  }
  return reply.code(errors ? 422 : 200).view('knowledge/views/form.njk', {
    ...context,
    ...(await formContext(knowledge, request, values)),
    values: withDateParts(values, ['publishedOn']),
    errors,
    preview: previewed,
  });
}

export function knowledgeRoutes(app: FastifyInstance, { knowledge }: Services, config: Config): void {
  knowledgeApiRoutes(app, knowledge);
  const origin = config.publicUrl.replace(/\/$/, '');

  app.get('/knowledge', { config: { access: 'public' } }, async (request, reply) => {
    const results = await knowledge.search(request.query ?? {});
    const { query } = results;
    const facet = (name: 'kind' | 'theme' | 'issue' | 'nation') =>
      results.facets[name].map((option) => ({
        ...option,
        href: searchHref({ ...query, [name]: option.selected ? undefined : option.code }),
      }));
    const chosen = FACETS.flatMap((name) => {
      const code = query[name];
      if (!code) return [];
      const label = results.facets[name].find((o) => o.code === code)?.label ?? code;
      return [{ label, href: searchHref({ ...query, [name]: undefined }) }];
    });
    return reply.view('knowledge/views/search.njk', {
      title: query.q ? `Guidance and practice: ${query.q}` : 'Guidance and practice',
      section: 'knowledge',
      results,
      q: query.q ?? '',
      facets: { kind: facet('kind'), theme: facet('theme'), issue: facet('issue'), nation: facet('nation') },
      chosen,
      clearHref: searchHref({ q: query.q }),
      didYouMeanHref: results.didYouMean ? searchHref({ ...query, q: results.didYouMean }, 1) : null,
      pagination: pagination(results.page, results.pages, (page) => searchHref(query, page)),
      isEditor: isKnowledgeEditor(request.principal),
      isSystemAdmin: isSystem(request.principal),
      signedIn: request.principal.kind !== 'public',
    });
  });

  app.get('/knowledge/knowledge.css', { config: { access: 'public' } }, async (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(KNOWLEDGE_CSS),
  );

  const itemPage = async (request: FastifyRequest, reply: FastifyReply, versionNumber?: number) => {
    const view = await knowledge.published(request.principal, param(request, 'slug'), versionNumber);
    const address = `${origin}/knowledge/items/${view.item.slug}`;
    return reply.view('knowledge/views/item.njk', {
      title: view.version.title,
      section: 'knowledge',
      view,
      details: view.version.details,
      address,
      old: versionNumber !== undefined && versionNumber !== view.latest,
      openGraph: {
        title: view.version.title,
        description: view.version.summary,
        url: address,
        type: 'article',
        published: view.item.first_published_at?.toISOString(),
        modified: view.version.published_at.toISOString(),
      },
      breadcrumbs: [
        { text: 'Guidance and practice', href: '/knowledge' },
        { text: view.tags.kind, href: searchHref({ kind: view.version.kind }) },
      ],
    });
  };

  app.get('/knowledge/items/:slug', { config: { access: 'public' } }, async (request, reply) =>
    itemPage(request, reply),
  );

  app.get('/knowledge/items/:slug/versions/:number', { config: { access: 'public' } }, async (request, reply) => {
    const number = Number(param(request, 'number'));
    if (!Number.isInteger(number) || number < 1 || number > 1_000_000) throw new NotFoundError('Version');
    return itemPage(request, reply, number);
  });

  /** A template (or any item) as a Markdown file to fill in: plain text opens in any editor. */
  app.get('/knowledge/items/:slug/download', { config: { access: 'public' } }, async (request, reply) => {
    const view = await knowledge.published(request.principal, param(request, 'slug'));
    return reply
      .type('text/markdown; charset=utf-8')
      .header('content-disposition', `attachment; filename="${view.item.slug}.md"`)
      .send(`${view.version.body}\n`);
  });

  app.get('/knowledge/feed.atom', { config: { access: 'public' } }, async (_request, reply) => {
    const items = await knowledge.latest(50);
    const { Feed } = await import('feed');
    const feed = new Feed({
      id: `${origin}/knowledge`,
      title: 'Joined Up: new guidance and practice',
      description: 'New items in the knowledge base of partnership practice',
      link: `${origin}/knowledge`,
      updated: items[0]?.published_at ?? new Date(0),
      generator: false,
      copyright: '',
      feedLinks: { atom: `${origin}/knowledge/feed.atom` },
    });
    for (const item of items)
      feed.addItem({
        id: `${origin}/knowledge/items/${item.slug}`,
        title: `${KIND_LABELS[item.kind]}: ${item.title}`,
        link: `${origin}/knowledge/items/${item.slug}`,
        date: item.published_at,
        description: item.summary,
      });
    return reply.type('application/atom+xml; charset=utf-8').send(feed.atom1());
  });

  app.get('/knowledge/sitemap.xml', { config: { access: 'public' } }, async (_request, reply) => {
    const entries = await knowledge.sitemapEntries();
    const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    const urls = [
      `<url><loc>${escape(`${origin}/knowledge`)}</loc></url>`,
      ...entries.map(
        (e) =>
          `<url><loc>${escape(`${origin}/knowledge/items/${e.slug}`)}</loc><lastmod>${e.published_at.toISOString().slice(0, 10)}</lastmod></url>`,
      ),
    ];
    return reply
      .type('application/xml; charset=utf-8')
      .send(
        `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`,
      );
  });

  // ---- writing ------------------------------------------------------------------------------

  const newContext = { title: 'Suggest an item', mode: 'new', action: '/knowledge/new' };

  app.get('/knowledge/new', { config: { access: 'signed-in' } }, async (request, reply) =>
    renderForm(reply, knowledge, request, newContext, { nations: ['england'] }, false),
  );

  app.post('/knowledge/new', { config: { access: 'signed-in' } }, async (request, reply) => {
    const values = body(request);
    if (values.intent === 'preview') return renderForm(reply, knowledge, request, newContext, values, true);
    const submit = values.intent !== 'draft';
    return submitForm(
      reply,
      {
        template: 'knowledge/views/form.njk',
        context: async () => ({ ...newContext, ...(await formContext(knowledge, request, values)) }),
        values: withDateParts(values, ['publishedOn']),
      },
      async () => {
        const item = await knowledge.create(request.principal, formToInput(itemInput, values), { submit });
        return {
          redirect: `/knowledge/drafts/${item.id}`,
          flash: submit ? `“${item.title}” was sent to the editors for review` : `“${item.title}” was saved as a draft`,
        };
      },
    );
  });

  app.get('/knowledge/mine', { config: { access: 'signed-in' } }, async (request, reply) =>
    reply.view('knowledge/views/mine.njk', {
      title: 'Your items',
      section: 'knowledge',
      items: await knowledge.mine(request.principal),
      breadcrumbs: [{ text: 'Guidance and practice', href: '/knowledge' }],
    }),
  );

  const linksPage = (request: FastifyRequest, report?: LinkReport) => ({
    title: 'Check the links',
    section: 'knowledge',
    hosts: knowledge.linkCheckHosts(request.principal),
    report,
    broken: report?.checked.filter((r) => r.problem !== null) ?? [],
    breadcrumbs: [{ text: 'Guidance and practice', href: '/knowledge' }],
  });
  app.get('/knowledge/links', { config: { access: 'system-admin' } }, async (request, reply) =>
    reply.view('knowledge/views/links.njk', linksPage(request)),
  );
  app.post('/knowledge/links', { config: { access: 'system-admin' } }, async (request, reply) => {
    const report = await knowledge.checkLinks(request.principal);
    return reply.view('knowledge/views/links.njk', linksPage(request, report));
  });

  app.get('/knowledge/review', { config: { access: 'knowledge-editor' } }, async (request, reply) =>
    reply.view('knowledge/views/review.njk', {
      title: 'Items to review',
      section: 'knowledge',
      queue: await knowledge.reviewQueue(request.principal),
      breadcrumbs: [{ text: 'Guidance and practice', href: '/knowledge' }],
    }),
  );

  const workingPage = async (request: FastifyRequest) => {
    const view = await knowledge.working(request.principal, param(request, 'id'));
    return {
      title: view.item.title,
      section: 'knowledge',
      view,
      details: view.item.details,
      breadcrumbs: [
        { text: 'Guidance and practice', href: '/knowledge' },
        view.standing.author
          ? { text: 'Your items', href: '/knowledge/mine' }
          : { text: 'Items to review', href: '/knowledge/review' },
      ],
    };
  };

  app.get('/knowledge/drafts/:id', { config: { access: 'signed-in' } }, async (request, reply) =>
    reply.view('knowledge/views/working.njk', { ...(await workingPage(request)), values: {} }),
  );

  app.post('/knowledge/drafts/:id/decision', { config: { access: 'signed-in' } }, async (request, reply) => {
    const values = body(request);
    return submitForm(
      reply,
      { template: 'knowledge/views/working.njk', context: () => workingPage(request), values },
      async () => {
        const item = await knowledge.moderate(request.principal, param(request, 'id'), values);
        const FLASH: Record<string, string> = {
          publish: `“${item.title}” was published`,
          reject: `“${item.title}” was rejected; the author has been told why`,
          'request-changes': `“${item.title}” was sent back to its author for changes`,
          submit: `“${item.title}” was sent to the editors for review`,
          withdraw: `“${item.title}” was withdrawn`,
          revise: `You are revising “${item.title}”; the published version stays public until the next is published`,
          'mark-reviewed': `“${item.title}” was marked as reviewed`,
        };
        const action = String(values.action);
        return {
          redirect:
            action === 'publish' || action === 'mark-reviewed'
              ? `/knowledge/items/${item.slug}`
              : action === 'revise'
                ? `/knowledge/drafts/${item.id}/edit`
                : `/knowledge/drafts/${item.id}`,
          flash: FLASH[action] ?? 'Done',
        };
      },
    );
  });

  const editContext = async (request: FastifyRequest) => {
    const view = await knowledge.working(request.principal, param(request, 'id'));
    return {
      view,
      context: {
        title: `Edit ${view.item.title}`,
        mode: 'edit',
        action: `/knowledge/drafts/${view.item.id}/edit`,
        item: view.item,
      },
    };
  };

  app.get('/knowledge/drafts/:id/edit', { config: { access: 'signed-in' } }, async (request, reply) => {
    const { view, context } = await editContext(request);
    if (!view.actions.includes('edit'))
      return reply.redirectWithFlash(`/knowledge/drafts/${view.item.id}`, 'This item cannot be changed now');
    return renderForm(
      reply,
      knowledge,
      request,
      context,
      { ...formValuesOf(view.item), version: view.item.version },
      false,
    );
  });

  app.post('/knowledge/drafts/:id/edit', { config: { access: 'signed-in' } }, async (request, reply) => {
    const values = body(request);
    const { context } = await editContext(request);
    if (values.intent === 'preview') return renderForm(reply, knowledge, request, context, values, true);
    const submit = values.intent !== 'draft';
    return submitForm(
      reply,
      {
        template: 'knowledge/views/form.njk',
        context: async () => ({ ...context, ...(await formContext(knowledge, request, values)) }),
        values: withDateParts(values, ['publishedOn']),
      },
      async () => {
        const item = await knowledge.update(
          request.principal,
          param(request, 'id'),
          { ...formToInput(itemInput, values), version: values.version },
          { submit },
        );
        return {
          redirect: `/knowledge/drafts/${item.id}`,
          flash: submit ? `“${item.title}” was sent to the editors for review` : 'Your changes were saved',
        };
      },
    );
  });
}
