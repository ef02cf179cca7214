/**
 * Rationalisation candidates for a cluster: for every partnership but one (the keeper), what
 * merging it into the keeper, nesting it (under the keeper or the LSP) or closing it would save
 * a year, and which rules stand in the way (DOMAIN.md, "Rationalisation led by the LSP"):
 *
 *  - a partnership with separate legal status keeps a distinct identity: it may be nested, not
 *    merged away;
 *  - a statutory partnership cannot be closed, and is not merged away either (the law requires
 *    it to exist); statutory partnerships slot in as sub-partnerships, so nesting is offered;
 *  - nesting where it is already nested is pointless.
 *
 * Every action is listed, blocked or not, so the page can show why an obvious one is not
 * offered; one per partnership is marked recommended. These are candidates for discussion:
 * changes must still be agreed with each partnership affected, and the Government Office may
 * advise but has no veto. The engine decides nothing.
 */
import { mergedCost, yearlyCost } from './costs.js';
import type { CostRates, SectorOf, YearlyCost } from './costs.js';
import type { CandidateFlag, PartnershipFeatures, RationalisationAction, RationalisationCandidate } from './types.js';

export interface CandidateContext {
  sectorOf: SectorOf;
  rates: CostRates;
  /** Finds a locality's LSP, if the register knows it. */
  lspOf: (localityId: string) => PartnershipFeatures | undefined;
}

const LAYER_RANK: Record<string, number> = { strategic: 0, executive: 1, operational: 2 };

/**
 * The partnership the others would fold into: the one that must stay anyway (statutory, then a
 * separate legal entity), then one that exists over a mere proposal, then the higher layer, then
 * the parent of others in the cluster, then the bigger board; ties by id so the choice is stable.
 */
export function chooseKeeper(members: readonly PartnershipFeatures[]): PartnershipFeatures {
  const ids = new Set(members.map((m) => m.id));
  const childrenInCluster = (p: PartnershipFeatures) =>
    members.filter((m) => m.parentId === p.id && ids.has(m.id)).length;
  const proposed = (p: PartnershipFeatures) => Number(p.status === 'proposed');
  const ranked = [...members].sort(
    (a, b) =>
      Number(b.statutory) - Number(a.statutory) ||
      Number(b.separateLegalStatus) - Number(a.separateLegalStatus) ||
      proposed(a) - proposed(b) ||
      (LAYER_RANK[a.layer] ?? 3) - (LAYER_RANK[b.layer] ?? 3) ||
      childrenInCluster(b) - childrenInCluster(a) ||
      new Set(b.memberOrganisationIds).size - new Set(a.memberOrganisationIds).size ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return ranked[0]!;
}

function flag(code: CandidateFlag['code'], p: PartnershipFeatures, blocks: boolean, message: string): CandidateFlag {
  return { code, partnershipId: p.id, blocks, message };
}

function mergeFlags(p: PartnershipFeatures): CandidateFlag[] {
  const flags: CandidateFlag[] = [];
  if (p.separateLegalStatus)
    flags.push(
      flag(
        'separate-legal-status',
        p,
        true,
        `${p.name} has separate legal status and keeps a distinct identity: nest it rather than merge it.`,
      ),
    );
  if (p.statutory)
    flags.push(
      flag('statutory', p, true, `${p.name} is statutory and cannot be merged away: nest it as a sub-partnership.`),
    );
  return flags;
}

function closeFlags(p: PartnershipFeatures): CandidateFlag[] {
  const flags: CandidateFlag[] = [];
  if (p.statutory) flags.push(flag('statutory', p, true, `${p.name} is statutory and cannot be closed.`));
  if (p.separateLegalStatus)
    flags.push(
      flag(
        'separate-legal-status',
        p,
        false,
        `${p.name} has separate legal status: closing it means winding up the body, not only stopping the meetings.`,
      ),
    );
  return flags;
}

function nestFlags(p: PartnershipFeatures, parent: PartnershipFeatures): CandidateFlag[] {
  return p.parentId === parent.id
    ? [flag('already-nested', p, true, `${p.name} is already nested under ${parent.name}.`)]
    : [];
}

function candidate(
  clusterId: string,
  action: RationalisationAction,
  p: PartnershipFeatures,
  into: PartnershipFeatures | null,
  saving: YearlyCost,
  flags: CandidateFlag[],
  rationale: string,
): RationalisationCandidate {
  return {
    clusterId,
    action,
    partnershipIds: [p.id],
    intoId: into?.id ?? null,
    yearlySavingPence: Math.max(0, saving.pence),
    savingIsEstimate: saving.estimated,
    blocked: flags.some((f) => f.blocks),
    flags,
    rationale,
    recommended: false,
  };
}

/** Every member organisation of `p` already sits on `keeper`. */
function coveredBy(p: PartnershipFeatures, keeper: PartnershipFeatures): boolean {
  const seats = new Set(keeper.memberOrganisationIds);
  return p.memberOrganisationIds.length > 0 && p.memberOrganisationIds.every((id) => seats.has(id));
}

/** The merge, nest and close candidates for one partnership of a cluster. */
function candidatesFor(
  clusterId: string,
  p: PartnershipFeatures,
  keeper: PartnershipFeatures,
  ctx: CandidateContext,
): RationalisationCandidate[] {
  const { sectorOf, rates } = ctx;
  const own = yearlyCost(p, sectorOf, rates);
  const keeperCost = yearlyCost(keeper, sectorOf, rates);
  const merged = mergedCost(keeper, [p], sectorOf, rates);
  const mergeSaving = {
    pence: own.pence + keeperCost.pence - merged.pence,
    estimated: merged.estimated || own.estimated,
  };
  const nestSaving = { pence: Math.round(own.pence * (1 - rates.nestedMeetingShare)), estimated: own.estimated };
  const out = [
    candidate(
      clusterId,
      'merge',
      p,
      keeper,
      mergeSaving,
      mergeFlags(p),
      `Fold ${p.name} into ${keeper.name}: one board with both memberships, meeting on ${keeper.name}'s pattern.`,
    ),
    candidate(
      clusterId,
      'nest',
      p,
      keeper,
      nestSaving,
      nestFlags(p, keeper),
      `Nest ${p.name} under ${keeper.name}: it reports through ${keeper.name}, meets less often and shares its papers.`,
    ),
  ];
  const lsp = ctx.lspOf(p.localityId);
  if (lsp && lsp.id !== keeper.id && lsp.id !== p.id) {
    out.push(
      candidate(
        clusterId,
        'nest',
        p,
        lsp,
        nestSaving,
        nestFlags(p, lsp),
        `Nest ${p.name} under the LSP, ${lsp.name}, at the apex of the locality's partnerships.`,
      ),
    );
  }
  const covered = `${keeper.name} already covers its purpose${coveredBy(p, keeper) ? ' and every one of its members sits there' : ''}`;
  const closing = p.status === 'proposed' ? `Do not set up ${p.name}: ${covered}.` : `Close ${p.name}: ${covered}.`;
  out.push(candidate(clusterId, 'close', p, null, own, closeFlags(p), closing));
  markRecommended(out, p, keeper);
  return out;
}

/**
 * One recommendation per partnership, the mildest change that fits: close when the keeper
 * already has its whole board, else merge; nest when the rules rule those out. The chosen one
 * says, in plain words, why it was chosen over the others.
 */
function markRecommended(
  options: RationalisationCandidate[],
  p: PartnershipFeatures,
  keeper: PartnershipFeatures,
): void {
  const open = (action: RationalisationAction) => options.find((c) => c.action === action && !c.blocked);
  const covered = coveredBy(p, keeper);
  const choice = (covered ? open('close') : undefined) ?? open('merge') ?? open('nest');
  if (!choice) return;
  choice.recommended = true;
  choice.reason = reasonFor(choice, options, p, keeper);
}

function pounds(pence: number): string {
  return `£${Math.round(pence / 100).toLocaleString('en-GB')}`;
}

function reasonFor(
  choice: RationalisationCandidate,
  options: readonly RationalisationCandidate[],
  p: PartnershipFeatures,
  keeper: PartnershipFeatures,
): string {
  const close = options.find((c) => c.action === 'close');
  const blockedBy = (action: RationalisationAction) =>
    options
      .filter((c) => c.action === action && c.blocked)
      .flatMap((c) => c.flags.filter((f) => f.blocks).map((f) => f.message))[0];
  if (choice.action === 'close')
    return `Closing is suggested because every organisation on ${p.name} already sits on ${keeper.name}, so no one loses a seat.`;
  const seatsLost = new Set(keeper.memberOrganisationIds);
  const outside = [...new Set(p.memberOrganisationIds)].filter((id) => !seatsLost.has(id)).length;
  const closeNote =
    close && !close.blocked && close.yearlySavingPence > choice.yearlySavingPence
      ? ` Closing would save more (${pounds(close.yearlySavingPence)} a year against ${pounds(choice.yearlySavingPence)}), but`
      : '';
  const lost = `${outside} of its member organisations ${outside === 1 ? 'does' : 'do'} not sit on ${keeper.name}`;
  if (choice.action === 'merge')
    return closeNote
      ? `Merging is suggested rather than closing.${closeNote} ${lost} and would lose their voice; a merged board keeps them.`
      : `Merging is suggested: ${lost}, and a merged board keeps them.`;
  const why = blockedBy('merge') ?? blockedBy('close');
  return `Nesting is suggested because the rules rule out merging and closing.${why ? ` ${why}` : ''}`;
}

/** Candidates for a cluster (the keeper stays as it is), and the cluster's likely yearly saving. */
export function clusterCandidates(
  clusterId: string,
  members: readonly PartnershipFeatures[],
  ctx: CandidateContext,
): { keeper: PartnershipFeatures; candidates: RationalisationCandidate[]; likelySavingPence: number } {
  const keeper = chooseKeeper(members);
  const candidates = members.filter((m) => m.id !== keeper.id).flatMap((m) => candidatesFor(clusterId, m, keeper, ctx));
  const likelySavingPence = candidates.filter((c) => c.recommended).reduce((sum, c) => sum + c.yearlySavingPence, 0);
  return { keeper, candidates, likelySavingPence };
}
