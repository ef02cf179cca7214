/**
 * Scoring a partnership that does not exist yet (a proposal put to the gatekeeper) against the
 * partnerships that do, with the same engine and the same explanations as the overlap pages:
 * `checkOne` against an index of the locality, and against the national index with members
 * named by their org-id identifier (as the wide analysis names them), plus its yearly running
 * cost from the cost model. Pure: the service hands in the indexes.
 */
import { closestFloor, pairKey, strengthOf, tierOf, type OverlapSettings, type Strength } from './scoring.js';
import { checkOne, explainAgainst, scoreOne, type OverlapIndex } from './engine.js';
import type { TextReader } from './features.js';
import { type CostRatesInput, resolveRates, yearlyCost, type YearlyCost } from './costs.js';
import { explanationSentences } from './describe.js';
import type { MatchExplanation, OrganisationRecord, PartnershipFeatures, Sector } from './types.js';

/** What the gatekeeper knows of a proposed partnership. */
export interface ProposedPartnership {
  /** The proposal's id: never a partnership's, so it never matches itself. */
  id: string;
  localityId: string;
  name: string;
  purpose: string;
  themes: string[];
  areas: string[];
  memberOrganisationIds: string[];
  layer: string | null;
  meetingsPerYear: number | null;
  meetingMinutes: number | null;
  typicalAttendance: number | null;
}

/** One existing partnership the proposal resembles, explained. */
export interface ProposalMatch {
  partnershipId: string;
  name: string;
  localityId: string;
  score: number;
  /**
   * A likely duplicate, not just alike: at or above the locality's "likely the same work"
   * threshold, or, from half way to it, the partnership the proposal would be each other's
   * closest match with.
   */
  likelyDuplicate: boolean;
  strength: Strength;
  /** Why, in plain words. */
  reasons: string[];
  sharedMembers: string[];
  sharedThemes: string[];
  statutory: boolean;
  explanation: MatchExplanation;
  /**
   * Partnerships of its locality that this one is likely doing the same work as already (by the
   * locality's analysis and its officers' judgements): consolidating those may be the better answer.
   */
  alsoLikelyWith: string[];
}

export function proposalFeatures(p: ProposedPartnership): PartnershipFeatures {
  return {
    id: `proposal:${p.id}`,
    localityId: p.localityId,
    name: p.name,
    purpose: p.purpose,
    themes: p.themes,
    areas: p.areas,
    memberOrganisationIds: p.memberOrganisationIds,
    meetingsPerYear: p.meetingsPerYear,
    meetingMinutes: p.meetingMinutes,
    typicalAttendance: p.typicalAttendance,
    basis: 'voluntary',
    statutory: false,
    separateLegalStatus: false,
    parentId: null,
    status: 'proposed',
    layer: p.layer ?? 'operational',
  };
}

export interface MatchContext {
  records: ReadonlyMap<string, PartnershipFeatures>;
  organisationName: (id: string) => string;
  settings: OverlapSettings;
  /** Shared when one proposal is checked against many localities' indexes: read once. */
  reader?: TextReader;
  /** Pairs of the scope's partnerships officers judged not a duplicate (pairKey): no one's closest match. */
  dismissed?: ReadonlySet<string>;
}

/** The existing partnerships in the index that a proposal resembles (at least worth a look), best first. */
export function matchProposal(
  candidate: PartnershipFeatures,
  index: OverlapIndex,
  context: MatchContext,
  limit = 8,
): ProposalMatch[] {
  const options = { floor: context.settings.look, limit, settings: context.settings, reader: context.reader };
  const found = checkOne(candidate, index, options);
  const closest = closestExisting(found, index, context);
  return found.map((match) => {
    const m: MatchExplanation = match.bId === closest ? { ...match, tier: 'likely' } : match;
    const other = context.records.get(m.bId);
    return {
      partnershipId: m.bId,
      name: other?.name ?? m.bId,
      localityId: other?.localityId ?? '',
      score: m.score,
      likelyDuplicate: tierOf(m.score, context.settings, m.bId === closest) === 'likely',
      strength: strengthOf(m.score, context.settings),
      reasons: explanationSentences(m, { nameOf: context.organisationName }),
      sharedMembers: m.sharedMembers.map((s) => context.organisationName(s.id)).sort(),
      sharedThemes: m.sharedThemes,
      statutory: other?.statutory ?? false,
      explanation: m,
      alsoLikelyWith: [],
    };
  });
}

/** One locality's index, as a proposal is checked against it from elsewhere. */
export interface OtherScope {
  index: OverlapIndex;
  settings: OverlapSettings;
}

/** Puts `score` among the `limit` best scores (ascending), if it is one of them. */
function keepBest(best: number[], score: number, limit: number): void {
  if (best.length === limit && score <= best[0]!) return;
  let at = best.length;
  best.push(score);
  for (; at > 0 && best[at - 1]! > score; at--) best[at] = best[at - 1]!;
  best[at] = score;
  if (best.length > limit) best.shift();
}

/**
 * The proposal's best matches across other localities' indexes (at most `perScope` from each),
 * best first. Every index is scored, but only the `limit` kept are explained: across the country
 * that is a handful of explanations, not a thousand.
 */
export function matchElsewhere(
  candidate: PartnershipFeatures,
  scopes: readonly OtherScope[],
  context: Omit<MatchContext, 'settings' | 'dismissed'>,
  limit = 5,
  perScope = 3,
): ProposalMatch[] {
  const found: Array<{ scope: number; id: string; score: number }> = [];
  // The best `limit` scores so far, lowest first: a partnership scoring under all of them is
  // never named, so it need not be scored in full.
  const best: number[] = [];
  scopes.forEach(({ index, settings }, scope) => {
    const floor = Math.max(settings.look, best.length === limit ? best[0]! : 0);
    const { hits } = scoreOne(candidate, index, { floor, limit: perScope, reader: context.reader });
    for (const h of hits) {
      found.push({ scope, id: index.records[h.y]!.id, score: h.score.score });
      keepBest(best, h.score.score, limit);
    }
  });
  const explained = new Map<number, ProposalMatch[]>();
  const explain = (scope: number) => {
    const { index, settings } = scopes[scope]!;
    const matches = explained.get(scope) ?? matchProposal(candidate, index, { ...context, settings }, perScope);
    explained.set(scope, matches);
    return matches;
  };
  return found
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .flatMap(({ scope, id }) => explain(scope).filter((m) => m.partnershipId === id));
}

/**
 * The existing partnership that the proposal and it would be each other's closest match, as the
 * analysis would find once the proposal is registered (scoring.ts closestMatches): the proposal's
 * best match, ahead of its next, scoring more with the proposal than with any partnership it is
 * not nested with. Only asked where it could change the answer, between the two thresholds.
 */
function closestExisting(found: readonly MatchExplanation[], index: OverlapIndex, context: MatchContext) {
  const [top, next] = found;
  if (!top || top.nested || (next && next.score >= top.score)) return undefined;
  if (top.score < closestFloor(context.settings) || top.score >= context.settings.likely) return undefined;
  const existing = context.records.get(top.bId);
  if (!existing) return undefined;
  // Room for a few dismissed pairs ahead of the rival.
  const limit = 4 + Math.min(8, context.dismissed?.size ?? 0);
  const options = { floor: context.settings.look, limit, reader: context.reader };
  const { outsider, hits } = scoreOne(existing, index, options);
  const rival = hits.find(
    (h) => !h.score.nested && !context.dismissed?.has(pairKey(existing.id, index.records[h.y]!.id)),
  );
  if (!rival) return top.bId;
  // Its score as the explanation gives it, which the proposal's own score was measured by.
  const rivalScore = explainAgainst(index, existing, index.records[rival.y]!, context.settings, outsider).score;
  return top.score > rivalScore ? top.bId : undefined;
}

/** The proposal's yearly running cost by the overlap cost model (meeting time of the people who meet). */
export function proposalRunningCost(
  p: ProposedPartnership,
  organisations: ReadonlyMap<string, OrganisationRecord>,
  rates: CostRatesInput = {},
): YearlyCost {
  const sectorOf = (id: string): Sector | undefined => organisations.get(id)?.sector;
  return yearlyCost(
    {
      meetingsPerYear: p.meetingsPerYear,
      meetingMinutes: p.meetingMinutes,
      typicalAttendance: p.typicalAttendance,
      memberOrganisationIds: p.memberOrganisationIds,
    },
    sectorOf,
    resolveRates(rates),
  );
}
