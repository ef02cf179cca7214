/**
 * The knowledge base API: search the published items (the same search as the page, with its
 * facets and thesaurus synonyms) and read one as last published. Anyone may call it.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { apiRoute } from '../../web/api.js';
import { SNIPPET_END, SNIPPET_START } from './repository.js';
import { searchQuery } from './schema.js';
import type { KnowledgeService } from './service.js';

const facet = z.array(
  z.object({ code: z.string(), label: z.string(), count: z.number().int(), selected: z.boolean() }),
);

const hitOutput = z.object({
  slug: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  title: z.string(),
  summary: z.string(),
  publishedAt: z.string(),
  themes: z.array(z.string()),
  issues: z.array(z.string()),
  nations: z.array(z.string()),
  snippet: z.string().nullable().meta({ description: 'Plain text around the words found' }),
  url: z.string(),
});

const searchOutput = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pages: z.number().int(),
  items: z.array(hitOutput),
  facets: z.object({ kind: facet, theme: facet, issue: facet, nation: facet }),
  widenedBy: z.array(z.string()).meta({ description: 'Thesaurus concepts the words were also read as' }),
  didYouMean: z
    .string()
    .nullable()
    .meta({ description: 'When nothing matched: the words respelt as the library spells them, if that finds items' }),
});

const itemOutput = z.object({
  slug: z.string(),
  kind: z.string(),
  title: z.string(),
  summary: z.string(),
  body: z.string().meta({ description: 'Markdown, as written' }),
  html: z.string().meta({ description: 'The body rendered and sanitised, as the page shows it' }),
  details: z.record(z.string(), z.unknown()),
  themes: z.array(z.string()),
  issues: z.array(z.string()),
  partnershipTypes: z.array(z.string()),
  nations: z.array(z.string()),
  version: z.number().int(),
  publishedAt: z.string(),
  reviewDueOn: z.string().nullable(),
  url: z.string(),
});

export function knowledgeApiRoutes(app: FastifyInstance, knowledge: KnowledgeService): void {
  const tag = 'Knowledge base';

  apiRoute(app, {
    method: 'GET',
    url: '/api/v1/knowledge/items',
    operationId: 'searchKnowledge',
    summary: 'Search the published guidance, case studies, how-to guides, templates and links (ten a page)',
    tag,
    access: 'public',
    query: searchQuery,
    response: searchOutput,
    handler: async (request) => {
      const results = await knowledge.search(request.query);
      return {
        total: results.total,
        page: results.page,
        pages: results.pages,
        items: results.hits.map((h) => ({
          slug: h.slug,
          kind: h.kind,
          kindLabel: h.kindLabel,
          title: h.title,
          summary: h.summary,
          publishedAt: new Date(h.published_at).toISOString(),
          themes: h.themes,
          issues: h.issues,
          nations: h.nations,
          snippet: h.snippet === null ? null : h.snippet.split(SNIPPET_START).join('').split(SNIPPET_END).join(''),
          url: `/knowledge/items/${h.slug}`,
        })),
        facets: results.facets,
        widenedBy: results.widenedBy,
        didYouMean: results.didYouMean,
      };
    },
  });

  apiRoute(app, {
    method: 'GET',
    url: '/api/v1/knowledge/items/:slug',
    operationId: 'getKnowledgeItem',
    summary: 'One published item, as last published',
    tag,
    access: 'public',
    params: z.object({ slug: z.string().regex(/^[a-z0-9-]{1,200}$/) }),
    response: itemOutput,
    handler: async (request) => {
      const { slug } = request.params as { slug: string };
      const view = await knowledge.published(request.principal, slug);
      const v = view.version;
      return {
        slug: view.item.slug,
        kind: v.kind,
        title: v.title,
        summary: v.summary,
        body: v.body,
        html: view.html,
        details: (v.details ?? {}) as Record<string, unknown>,
        themes: v.themes,
        issues: v.issues,
        partnershipTypes: v.partnership_types,
        nations: v.nations,
        version: view.latest,
        publishedAt: new Date(v.published_at).toISOString(),
        reviewDueOn: view.item.review_due_on ?? null,
        url: `/knowledge/items/${view.item.slug}`,
      };
    },
  });
}
