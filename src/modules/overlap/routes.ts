import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Services } from '../../services.js';
import { apiRoute } from '../../web/api.js';
import type { CostRatesInput } from './costs.js';
import { DEFAULT_COST_RATES } from './costs.js';
import type { LocalityAnalysis } from './service.js';
import type { MatchExplanation } from './types.js';

type Params = { code: string; clusterId: string; id: string };
const params = (request: FastifyRequest) => request.params as Params;

const pounds = z.coerce.number().min(0).max(1000).optional().catch(undefined);
/** What-if cost rates from the page's form, in pounds and hours; blank means the default. */
const ratesQuery = z.object({
  public: pounds,
  private: pounds,
  voluntary: pounds,
  community: pounds,
  preparation: z.coerce.number().min(0).max(40).optional().catch(undefined),
});

function ratesFrom(query: unknown): { input: CostRatesInput; form: Record<string, number> } {
  const q = ratesQuery.parse(query ?? {});
  const defaults = DEFAULT_COST_RATES.hourlyPenceBySector;
  const hourly: CostRatesInput['hourlyPenceBySector'] = {};
  for (const sector of ['public', 'private', 'voluntary', 'community'] as const) {
    const value = q[sector];
    if (value !== undefined && Math.round(value * 100) !== defaults[sector]) hourly[sector] = Math.round(value * 100);
  }
  const input: CostRatesInput = {};
  if (Object.keys(hourly).length) input.hourlyPenceBySector = hourly;
  if (q.preparation !== undefined && q.preparation !== DEFAULT_COST_RATES.preparationHoursPerMeeting)
    input.preparationHoursPerMeeting = q.preparation;
  const form = {
    public: (input.hourlyPenceBySector?.public ?? defaults.public) / 100,
    private: (input.hourlyPenceBySector?.private ?? defaults.private) / 100,
    voluntary: (input.hourlyPenceBySector?.voluntary ?? defaults.voluntary) / 100,
    community: (input.hourlyPenceBySector?.community ?? defaults.community) / 100,
    preparation: input.preparationHoursPerMeeting ?? DEFAULT_COST_RATES.preparationHoursPerMeeting,
  };
  return { input, form };
}

/** What a page shows of one match: the partnerships' names and the reasons in words. */
export function describeMatch(result: LocalityAnalysis, match: MatchExplanation, themeLabel: (code: string) => string) {
  const name = (id: string) => result.records.get(id)?.name ?? id;
  return {
    aId: match.aId,
    bId: match.bId,
    aName: name(match.aId),
    bName: name(match.bId),
    score: match.score,
    components: (['members', 'text', 'themes', 'areas'] as const).map((c) => ({
      name: { members: 'Shared members', text: 'Purpose and name', themes: 'Themes', areas: 'Areas' }[c],
      ...match.components[c],
    })),
    sharedMembers: match.sharedMemberIds.map((id) => result.organisations.get(id)?.name ?? id).sort(),
    sharedTerms: match.sharedTerms.slice(0, 12).map((t) => t.term),
    sharedThemes: match.sharedThemes.map(themeLabel),
    sharedAreas: match.sharedAreas,
  };
}

export function overlapRoutes(app: FastifyInstance, { overlap, reference }: Services): void {
  const themeLabeller = async () => {
    const snapshot = await reference.snapshot();
    return (code: string) => snapshot.label('theme', code);
  };

  app.get('/localities/:code/overlap', { config: { access: 'locality-reader' } }, async (request, reply) => {
    const rates = ratesFrom(request.query);
    const result = await overlap.analyse(request.principal, params(request).code, rates.input);
    const themeLabel = await themeLabeller();
    const name = (id: string) => result.records.get(id)?.name ?? id;
    const clusters = result.analysis.clusters.map((c, rank) => ({
      ...c,
      rank: rank + 1,
      names: c.partnershipIds.map(name).sort(),
      keeperName: name(c.keeperId),
      recommended: result.analysis.candidates
        .filter((k) => k.clusterId === c.id && k.recommended)
        .map((k) => ({
          action: k.action,
          names: k.partnershipIds.map(name),
          into: k.intoId ? name(k.intoId) : null,
          blocked: k.blocked,
        })),
    }));
    const query = new URLSearchParams(
      Object.entries(rates.form)
        .filter(
          ([key, value]) =>
            value !==
            (key === 'preparation'
              ? DEFAULT_COST_RATES.preparationHoursPerMeeting
              : DEFAULT_COST_RATES.hourlyPenceBySector[key as 'public'] / 100),
        )
        .map(([k, v]) => [k, String(v)]),
    ).toString();
    return reply.view('overlap/views/overview.njk', {
      title: 'Overlap and duplication',
      section: 'overlap',
      locality: result.locality,
      result,
      clusters,
      metrics: result.analysis.metrics,
      themes: Object.entries(result.analysis.metrics.byTheme)
        .map(([code, count]) => ({ label: code === '(none)' ? 'No theme recorded' : themeLabel(code), count }))
        .sort((a, b) => b.count - a.count),
      burden: result.analysis.metrics.organisations.slice(0, 15),
      rates: rates.form,
      ratesQuery: query ? `?${query}` : '',
    });
  });

  app.get('/localities/:code/overlap/:clusterId', { config: { access: 'locality-reader' } }, async (request, reply) => {
    const rates = ratesFrom(request.query);
    const detail = await overlap.cluster(
      request.principal,
      params(request).code,
      params(request).clusterId,
      rates.input,
    );
    const themeLabel = await themeLabeller();
    const name = (id: string) => detail.records.get(id)?.name ?? id;
    return reply.view('overlap/views/cluster.njk', {
      title: `Similar partnerships: ${name(detail.cluster.keeperId)} and others`,
      section: 'overlap',
      locality: detail.locality,
      detail,
      members: detail.cluster.partnershipIds.map((id) => detail.records.get(id)).filter((p) => p !== undefined),
      pairs: detail.pairs.map((m) => describeMatch(detail, m, themeLabel)),
      candidates: detail.candidates.map((c) => ({
        ...c,
        names: c.partnershipIds.map(name),
        into: c.intoId ? name(c.intoId) : null,
      })),
      name,
      rates: rates.form,
    });
  });

  app.get('/overlap', { config: { access: 'signed-in' } }, async (request, reply) => {
    const region = z
      .string()
      .trim()
      .min(1)
      .max(100)
      .optional()
      .catch(undefined)
      .parse((request.query as { region?: string }).region);
    const result = await overlap.analyseWide(request.principal, region);
    const name = (id: string) => result.records.get(id)?.name ?? id;
    const localityOf = new Map(result.localities.map((l) => [l.id, l]));
    const regions = [...new Set((await overlap.readableLocalities(request.principal)).map((l) => l.region))].sort();
    const localities = result.localities
      .map((l) => ({ locality: l, metrics: result.analysis.localityMetrics[l.id] }))
      .sort(
        (a, b) =>
          (b.metrics?.duplicationIndex ?? 0) - (a.metrics?.duplicationIndex ?? 0) ||
          a.locality.name.localeCompare(b.locality.name),
      );
    const clusters = result.analysis.clusters.slice(0, 50).map((c) => ({
      ...c,
      partnerships: c.partnershipIds.map((id) => ({
        id,
        name: name(id),
        locality: localityOf.get(result.records.get(id)?.localityId ?? ''),
      })),
    }));
    return reply.view('overlap/views/wide.njk', {
      title: region ? `Overlap in ${region}` : 'Overlap across localities',
      result,
      region,
      regions,
      localities,
      clusters,
    });
  });

  const explanation = z.object({
    aId: z.uuid(),
    bId: z.uuid(),
    score: z.number(),
    components: z.record(
      z.string(),
      z.object({ similarity: z.number(), weight: z.number(), contribution: z.number(), compared: z.boolean() }),
    ),
    sharedMemberIds: z.array(z.string()),
    sharedTerms: z.array(z.object({ term: z.string(), kind: z.string(), weight: z.number() })),
    sharedThemes: z.array(z.string()),
    sharedAreas: z.array(z.string()),
  });
  apiRoute(app, {
    method: 'GET',
    url: '/api/v1/localities/:code/overlap',
    operationId: 'overlapAnalysis',
    summary:
      'The locality’s overlap analysis: explained similar pairs, clusters ranked by likely saving, rationalisation candidates and metrics (the last result, with when it was computed)',
    tag: 'Overlap',
    access: 'locality-reader',
    params: z.object({ code: z.string() }),
    query: ratesQuery,
    response: z.object({
      computedAt: z.string(),
      refreshing: z.boolean(),
      settings: z.unknown(),
      pairs: z.array(explanation),
      clusters: z.array(z.unknown()),
      candidates: z.array(z.unknown()),
      metrics: z.unknown(),
    }),
    handler: async (request) => {
      const result = await overlap.analyse(request.principal, params(request).code, ratesFrom(request.query).input);
      const { computedAt, settings, pairs, clusters, candidates, metrics } = result.analysis;
      return { computedAt, refreshing: result.refreshing, settings, pairs, clusters, candidates, metrics };
    },
  });
  apiRoute(app, {
    method: 'GET',
    url: '/api/v1/overlap',
    operationId: 'wideOverlapAnalysis',
    summary:
      'Overlap across every locality you may read (a region with ?region=, or all): groups may cross locality boundaries',
    tag: 'Overlap',
    access: 'signed-in',
    query: z.object({ region: z.string().optional() }),
    response: z.object({
      computedAt: z.string(),
      refreshing: z.boolean(),
      localities: z.array(z.string()),
      pairs: z.array(explanation),
      clusters: z.array(z.unknown()),
      candidates: z.array(z.unknown()),
      metrics: z.unknown(),
      localityMetrics: z.unknown(),
    }),
    handler: async (request) => {
      const result = await overlap.analyseWide(
        request.principal,
        (request.query as { region?: string }).region || undefined,
      );
      const { computedAt, pairs, clusters, candidates, metrics, localityMetrics } = result.analysis;
      return {
        computedAt,
        refreshing: result.refreshing,
        localities: result.localities.map((l) => l.gss_code),
        pairs,
        clusters,
        candidates,
        metrics,
        localityMetrics,
      };
    },
  });
  apiRoute(app, {
    method: 'GET',
    url: '/api/v1/localities/:code/partnerships/:id/similar',
    operationId: 'similarPartnerships',
    summary: 'Partnerships similar to this one, each with what they share and what it contributed',
    tag: 'Overlap',
    access: 'locality-reader',
    params: z.object({ code: z.string(), id: z.uuid() }),
    response: z.array(explanation),
    handler: async (request) =>
      (await overlap.similarTo(request.principal, params(request).code, params(request).id))?.matches ?? [],
  });
}
