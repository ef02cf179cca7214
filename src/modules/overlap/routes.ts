import type { FastifyInstance, FastifyRequest } from 'fastify';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import type { Services } from '../../services.js';
import { apiRoute } from '../../web/api.js';
import { submitForm } from '../../web/forms.js';
import type { CostRatesInput } from './costs.js';
import { DEFAULT_COST_RATES } from './costs.js';
import { explanationSentences, UBIQUITOUS_SHARE } from './describe.js';
import { FOCUS_SHARE } from './focus.js';
import { closestFloor, DEFAULT_SETTINGS, strengthOf } from './scoring.js';
import { burdenSentence } from '../register/burden.js';
import type { LocalityAnalysis } from './service.js';
import type { MatchExplanation, OrganisationRecord, PartnershipFeatures } from './types.js';

type Params = { code: string; clusterId: string; id: string; aId: string; bId: string };
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

interface Named {
  records: ReadonlyMap<string, PartnershipFeatures>;
  organisations: ReadonlyMap<string, OrganisationRecord>;
}

/** What a page shows of one match: the partnerships' names, its strength and the reasons in words. */
export function describeMatch(result: Named, match: MatchExplanation, themeLabel: (code: string) => string) {
  const name = (id: string) => result.records.get(id)?.name ?? id;
  const organisationName = (id: string) => result.organisations.get(id)?.name ?? id;
  return {
    aId: match.aId,
    bId: match.bId,
    aName: name(match.aId),
    bName: name(match.bId),
    score: match.score,
    strength: strengthOf(match.score, match.settings),
    likely: match.tier ? match.tier === 'likely' : match.score >= match.settings.likely,
    sentences: explanationSentences(match, { nameOf: organisationName }),
    text: match.text,
    textConfidence: match.textConfidence,
    members: match.members,
    memberConfidence: match.memberConfidence,
    focus: match.focusKey ? match.sharedFeatures.find((f) => f.key === match.focusKey)?.label : undefined,
    // How telling the shared focus is in the scope, as its share of the most it can give.
    focusTells: match.focus / FOCUS_SHARE,
    sharedFeatures: match.sharedFeatures.slice(0, 12),
    specialistMembers: match.sharedMembers
      .filter((m) => m.boardShare < UBIQUITOUS_SHARE)
      .map((m) => organisationName(m.id)),
    commonMembers: match.sharedMembers
      .filter((m) => m.boardShare >= UBIQUITOUS_SHARE)
      .map((m) => organisationName(m.id)),
    sharedThemes: match.sharedThemes.map(themeLabel),
  };
}

const pairPath = (code: string, aId: string, bId: string) =>
  `/localities/${code}/overlap/pairs/${aId < bId ? `${aId}/${bId}` : `${bId}/${aId}`}`;

export function overlapRoutes(app: FastifyInstance, { overlap, reference }: Services): void {
  const themeLabeller = async () => {
    const snapshot = await reference.snapshot();
    return (code: string) => snapshot.label('theme', code);
  };

  const overviewModel = (result: LocalityAnalysis) => {
    const name = (id: string) => result.records.get(id)?.name ?? id;
    const clusters = result.analysis.clusters.map((c, rank) => {
      const recommended = result.analysis.candidates.filter((k) => k.clusterId === c.id && k.recommended);
      return {
        ...c,
        rank: rank + 1,
        names: c.partnershipIds.map(name).sort(),
        keeperName: name(c.keeperId),
        recommended: recommended.map((k) => ({
          action: k.action,
          names: k.partnershipIds.map(name),
          into: k.intoId ? name(k.intoId) : null,
          blocked: k.blocked,
          rationale: k.rationale,
          reason: k.reason,
        })),
      };
    });
    const inClusters = new Set(result.analysis.clusters.flatMap((c) => c.partnershipIds));
    const worthALook = result.analysis.pairs
      .filter((p) => p.tier === 'look' || !(inClusters.has(p.aId) && inClusters.has(p.bId)))
      .slice(0, 50)
      .map((p) => ({ ...p, aName: name(p.aId), bName: name(p.bId) }));
    return { clusters, worthALook };
  };

  app.get('/localities/:code/overlap', { config: { access: 'locality-reader' } }, async (request, reply) => {
    const rates = ratesFrom(request.query);
    const result = await overlap.analyse(request.principal, params(request).code, rates.input);
    const burden = await overlap.partnerBurden(request.principal, params(request).code, rates.input);
    const themeLabel = await themeLabeller();
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
      ...overviewModel(result),
      settings: result.analysis.settings[result.locality.id],
      closestFrom: closestFloor(result.analysis.settings[result.locality.id] ?? DEFAULT_SETTINGS),
      metrics: result.analysis.metrics,
      themes: Object.entries(result.analysis.metrics.byTheme)
        .map(([code, count]) => ({ label: code === '(none)' ? 'No theme recorded' : themeLabel(code), count }))
        .sort((a, b) => b.count - a.count),
      burden: burden.slice(0, 15),
      burdenCounts: burdenSentence({
        preparationHoursPerMeeting: rates.form.preparation ?? DEFAULT_COST_RATES.preparationHoursPerMeeting,
      }),
      rates: rates.form,
      ratesQuery: query ? `?${query}` : '',
    });
  });

  app.get('/localities/:code/overlap/judgements', { config: { access: 'locality-reader' } }, async (request, reply) => {
    const { locality, judgements } = await overlap.judgements(request.principal, params(request).code);
    if ((request.query as { format?: string }).format === 'csv') {
      const csv = stringify(
        judgements.map((j) => ({
          partnership_a: j.nameA,
          partnership_b: j.nameB,
          judgement: j.verdict === 'same' ? 'same work' : 'not a duplicate',
          reason: j.reason ?? '',
          judged_by: j.judged_by_name,
          judged_at: new Date(j.judged_at).toISOString(),
          score_then: Math.round(j.score_at_judgement * 100),
        })),
        {
          header: true,
          columns: ['partnership_a', 'partnership_b', 'judgement', 'reason', 'judged_by', 'judged_at', 'score_then'],
          cast: { string: (value) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value) },
        },
      );
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${locality.gss_code}-overlap-judgements.csv"`)
        .send(csv);
    }
    return reply.view('overlap/views/judgements.njk', {
      title: 'Judgements on similar partnerships',
      section: 'overlap',
      locality,
      judgements,
    });
  });

  const settingsPage = async (request: FastifyRequest, extra: Record<string, unknown> = {}) => {
    const current = await overlap.settings(request.principal, params(request).code);
    return {
      title: 'How sensitive the overlap analysis is',
      section: 'overlap',
      ...current,
      closestFrom: closestFloor(current.settings),
      values: {
        likely: Math.round(current.settings.likely * 100),
        look: Math.round(current.settings.look * 100),
        version: current.version,
      },
      ...extra,
    };
  };

  app.get('/localities/:code/overlap/settings', { config: { access: 'locality-reader' } }, async (request, reply) =>
    reply.view('overlap/views/settings.njk', await settingsPage(request)),
  );

  app.post('/localities/:code/overlap/settings', { config: { access: 'locality-admin' } }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const code = params(request).code;
    if (body.action === 'preview') {
      const context = await settingsPage(request, { values: body });
      try {
        const preview = await overlap.previewSettings(request.principal, code, body);
        const result = await overlap.analyse(request.principal, code);
        const name = (id: string) => result.records.get(id)?.name ?? id;
        const named = (list: typeof preview.newlyLikely) =>
          list.map((p) => ({ ...p, aName: name(p.aId), bName: name(p.bId), href: pairPath(code, p.aId, p.bId) }));
        return reply.view('overlap/views/settings.njk', {
          ...context,
          preview: {
            ...preview,
            newlyLikely: named(preview.newlyLikely),
            noLongerLikely: named(preview.noLongerLikely),
          },
        });
      } catch (error) {
        return submitForm(reply, { template: 'overlap/views/settings.njk', context: () => context, values: body }, () =>
          Promise.reject(error),
        );
      }
    }
    return submitForm(
      reply,
      { template: 'overlap/views/settings.njk', context: () => settingsPage(request, { values: body }), values: body },
      async () => {
        const saved = await overlap.saveSettings(request.principal, code, body);
        return {
          redirect: `/localities/${code}/overlap`,
          flash: `Sensitivity saved: likely the same work from ${Math.round(saved.likely * 100)}%, worth a look from ${Math.round(saved.look * 100)}%.`,
        };
      },
    );
  });

  const pairModel = async (request: FastifyRequest) => {
    const { code, aId, bId } = params(request);
    const review = await overlap.pair(request.principal, code, aId, bId);
    const themeLabel = await themeLabeller();
    const named = {
      records: new Map([
        [review.a.id, review.a],
        [review.b.id, review.b],
      ]),
      organisations: review.organisations,
    };
    return {
      title: `${review.a.name} and ${review.b.name}`,
      section: 'overlap',
      locality: review.locality,
      review,
      m: describeMatch(named, review.explanation, themeLabel),
      values: {
        verdict: review.judgement?.verdict,
        reason: review.judgement?.reason,
        version: review.judgement?.version,
      },
    };
  };

  app.get(
    '/localities/:code/overlap/pairs/:aId/:bId',
    { config: { access: 'locality-reader' } },
    async (request, reply) => reply.view('overlap/views/pair.njk', await pairModel(request)),
  );

  app.post(
    '/localities/:code/overlap/pairs/:aId/:bId',
    { config: { access: 'local-officer' } },
    async (request, reply) => {
      const { code, aId, bId } = params(request);
      const body = (request.body ?? {}) as Record<string, unknown>;
      return submitForm(
        reply,
        { template: 'overlap/views/pair.njk', context: () => pairModel(request), values: body },
        async () => {
          const saved = await overlap.judge(request.principal, code, aId, bId, body);
          return {
            redirect: pairPath(code, aId, bId),
            flash:
              saved.verdict === 'same'
                ? 'Recorded: they do the same work. The pair stays in the groups in every later analysis.'
                : 'Recorded: not a duplicate. The pair is no longer flagged, here, on partnership pages or in the pre-check.',
          };
        },
      );
    },
  );

  app.post(
    '/localities/:code/overlap/pairs/:aId/:bId/withdraw',
    { config: { access: 'local-officer' } },
    async (request, reply) => {
      const { code, aId, bId } = params(request);
      const version = Number((request.body as { version?: string } | undefined)?.version);
      await overlap.withdrawJudgement(request.principal, code, aId, bId, version);
      return reply.redirectWithFlash(
        pairPath(code, aId, bId),
        'Judgement withdrawn: the pair is scored as the engine sees it again.',
      );
    },
  );

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
      title: `Likely the same work: ${name(detail.cluster.keeperId)} and others`,
      section: 'overlap',
      locality: detail.locality,
      detail,
      members: detail.cluster.partnershipIds.map((id) => detail.records.get(id)).filter((p) => p !== undefined),
      pairs: detail.pairs.map((m) => ({
        ...describeMatch(detail, m, themeLabel),
        href: pairPath(detail.locality.gss_code, m.aId, m.bId),
      })),
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

  overlapApi(app, { overlap, reference });
}

const score = z.object({
  score: z.number(),
  text: z.number(),
  textConfidence: z.number(),
  members: z.number(),
  memberConfidence: z.number(),
  themes: z.number(),
  nested: z.boolean(),
  differentPlaces: z.string().nullable(),
  focus: z.number(),
});
const pairSchema = score.extend({
  aId: z.uuid(),
  bId: z.uuid(),
  tier: z.enum(['likely', 'look']),
  judgement: z.literal('same').optional(),
});
const explanation = score.extend({
  aId: z.string(),
  bId: z.string(),
  settings: z.object({ likely: z.number(), look: z.number() }),
  sharedFeatures: z.array(
    z.object({
      key: z.string(),
      kind: z.enum(['concept', 'word', 'age', 'indicator']),
      label: z.string(),
      writtenA: z.string(),
      writtenB: z.string(),
      weight: z.number(),
      removes: z.number(),
    }),
  ),
  sharedMembers: z.array(z.object({ id: z.string(), weight: z.number(), boardShare: z.number() })),
  sharedThemes: z.array(z.string()),
  sharedAreas: z.array(z.string()),
  templateLeftOut: z.boolean(),
});
const explained = explanation.extend({ strength: z.string(), reasons: z.array(z.string()) });
const paging = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});

function pageOf<T>(items: readonly T[], query: unknown) {
  const { page, pageSize } = paging.parse(query ?? {});
  return { page, pageSize, total: items.length, items: items.slice((page - 1) * pageSize, page * pageSize) };
}

function overlapApi(app: FastifyInstance, { overlap }: Pick<Services, 'overlap' | 'reference'>): void {
  const withReasons = (m: MatchExplanation, organisations: ReadonlyMap<string, OrganisationRecord>) => ({
    ...m,
    strength: strengthOf(m.score, m.settings),
    reasons: explanationSentences(m, { nameOf: (id) => organisations.get(id)?.name ?? id }),
  });
  apiRoute(app, {
    method: 'GET',
    url: '/api/v1/localities/:code/overlap',
    operationId: 'overlapAnalysis',
    summary:
      'The locality’s overlap analysis: pairs likely the same work or worth a look (paged), groups ranked by likely saving, rationalisation candidates and metrics (the last result, with when it was computed)',
    tag: 'Overlap',
    access: 'locality-reader',
    params: z.object({ code: z.string() }),
    query: ratesQuery.extend(paging.shape),
    response: z.object({
      computedAt: z.string(),
      refreshing: z.boolean(),
      settings: z.object({ likely: z.number(), look: z.number() }),
      pairs: z.object({ page: z.number(), pageSize: z.number(), total: z.number(), items: z.array(pairSchema) }),
      dismissed: z.number(),
      clusters: z.array(z.unknown()),
      candidates: z.array(z.unknown()),
      metrics: z.unknown(),
    }),
    handler: async (request) => {
      const rates = ratesFrom(request.query).input;
      const result = await overlap.analyse(request.principal, params(request).code, rates);
      const { computedAt, settings, pairs, clusters, candidates, metrics, dismissed } = result.analysis;
      // The burden on each partner as every page counts it, in the fields the engine's used.
      const organisations = (await overlap.partnerBurden(request.principal, params(request).code, rates)).map((b) => ({
        organisationId: b.organisationId,
        name: b.name,
        sector: b.sector,
        seats: b.seats,
        meetingHoursPerYear: b.meetingHours,
        hoursWithPreparation: b.hoursWithPreparation,
        yearlyCostPence: b.yearlyCostPence,
      }));
      return {
        computedAt,
        refreshing: result.refreshing,
        settings: settings[result.locality.id],
        pairs: pageOf(pairs, request.query),
        dismissed,
        clusters,
        candidates,
        metrics: { ...metrics, organisations },
      };
    },
  });
  apiRoute(app, {
    method: 'GET',
    url: '/api/v1/overlap',
    operationId: 'wideOverlapAnalysis',
    summary:
      'Overlap in every locality you may read (a region with ?region=, or all): each locality’s own analysis, pairs paged',
    tag: 'Overlap',
    access: 'signed-in',
    query: z.object({ region: z.string().max(100).optional() }).extend(paging.shape),
    response: z.object({
      computedAt: z.string(),
      refreshing: z.boolean(),
      localities: z.array(z.string()),
      pairs: z.object({ page: z.number(), pageSize: z.number(), total: z.number(), items: z.array(pairSchema) }),
      clusters: z.object({ page: z.number(), pageSize: z.number(), total: z.number(), items: z.array(z.unknown()) }),
      metrics: z.unknown(),
    }),
    handler: async (request) => {
      const result = await overlap.analyseWide(
        request.principal,
        (request.query as { region?: string }).region || undefined,
      );
      const { computedAt, pairs, clusters, metrics } = result.analysis;
      return {
        computedAt,
        refreshing: result.refreshing,
        localities: result.localities.map((l) => l.gss_code),
        pairs: pageOf(pairs, request.query),
        clusters: pageOf(clusters, request.query),
        metrics: { ...metrics, organisations: metrics.organisations.slice(0, 100) },
      };
    },
  });
  apiRoute(app, {
    method: 'GET',
    url: '/api/v1/localities/:code/overlap/pairs/:aId/:bId',
    operationId: 'overlapPair',
    summary: 'One pair of partnerships explained, with the judgement on it',
    tag: 'Overlap',
    access: 'locality-reader',
    params: z.object({ code: z.string(), aId: z.uuid(), bId: z.uuid() }),
    response: z.object({
      explanation: explained,
      judgement: z
        .object({
          verdict: z.enum(['same', 'different']),
          reason: z.string().nullable(),
          judgedBy: z.string(),
          judgedAt: z.string(),
          version: z.number(),
        })
        .nullable(),
    }),
    handler: async (request) => {
      const review = await overlap.pair(
        request.principal,
        params(request).code,
        params(request).aId,
        params(request).bId,
      );
      const j = review.judgement;
      return {
        explanation: withReasons(review.explanation, review.organisations),
        judgement: j
          ? {
              verdict: j.verdict,
              reason: j.reason,
              judgedBy: j.judged_by_name,
              judgedAt: new Date(j.judged_at).toISOString(),
              version: j.version,
            }
          : null,
      };
    },
  });
  apiRoute(app, {
    method: 'PUT',
    url: '/api/v1/localities/:code/overlap/pairs/:aId/:bId/judgement',
    operationId: 'judgeOverlapPair',
    summary:
      'Record that a pair does the same work, or is not a duplicate (with a reason); send the version to change an existing judgement',
    tag: 'Overlap',
    access: 'local-officer',
    params: z.object({ code: z.string(), aId: z.uuid(), bId: z.uuid() }),
    body: z.object({
      verdict: z.enum(['same', 'different']),
      reason: z.string().optional(),
      version: z.number().int().optional(),
    }),
    response: z.object({ verdict: z.enum(['same', 'different']), reason: z.string().nullable(), version: z.number() }),
    handler: async (request) => {
      const saved = await overlap.judge(
        request.principal,
        params(request).code,
        params(request).aId,
        params(request).bId,
        request.body,
      );
      return { verdict: saved.verdict, reason: saved.reason, version: saved.version };
    },
  });
  apiRoute(app, {
    method: 'GET',
    url: '/api/v1/localities/:code/overlap/settings',
    operationId: 'overlapSettings',
    summary: 'The locality’s sensitivity, and what its officers’ judgements suggest',
    tag: 'Overlap',
    access: 'locality-reader',
    params: z.object({ code: z.string() }),
    response: z.object({
      settings: z.object({ likely: z.number(), look: z.number() }),
      version: z.number().nullable(),
      suggestion: z.unknown(),
    }),
    handler: async (request) => {
      const s = await overlap.settings(request.principal, params(request).code);
      return { settings: s.settings, version: s.version ?? null, suggestion: s.suggestion };
    },
  });
  apiRoute(app, {
    method: 'PUT',
    url: '/api/v1/localities/:code/overlap/settings',
    operationId: 'saveOverlapSettings',
    summary:
      'Set the locality’s sensitivity: the scores (in %) from which a pair is likely the same work, and worth a look',
    tag: 'Overlap',
    access: 'locality-admin',
    params: z.object({ code: z.string() }),
    body: z.object({ likely: z.number(), look: z.number(), version: z.number().int().optional() }),
    response: z.object({ likely: z.number(), look: z.number() }),
    handler: (request) => overlap.saveSettings(request.principal, params(request).code, request.body),
  });
  apiRoute(app, {
    method: 'GET',
    url: '/api/v1/localities/:code/partnerships/:id/similar',
    operationId: 'similarPartnerships',
    summary: 'Partnerships similar to this one, each explained, best first (pairs judged not duplicates are left out)',
    tag: 'Overlap',
    access: 'locality-reader',
    params: z.object({ code: z.string(), id: z.uuid() }),
    response: z.array(explained),
    handler: async (request) => {
      const found = await overlap.similarTo(request.principal, params(request).code, params(request).id);
      return found?.matches.map((m) => withReasons(m, found.analysis.organisations)) ?? [];
    },
  });
}
