import { describe, expect, it } from 'vitest';
import { chooseKeeper, clusterCandidates } from './candidates.js';
import type { CandidateContext } from './candidates.js';
import { resolveRates, yearlyCost } from './costs.js';
import { partnership } from './test-records.js';
import type { PartnershipFeatures } from './types.js';

const rates = resolveRates();
const lsp = partnership('LSP', { name: 'Brackenfield LSP', layer: 'strategic', isLsp: true });
const ctx: CandidateContext = {
  sectorOf: () => 'public',
  rates,
  lspOf: (locality) => (locality === lsp.localityId ? lsp : undefined),
};
const board = ['O1', 'O2', 'O3', 'O4'];

const csp = partnership('CSP', {
  name: 'Community Safety Partnership',
  statutory: true,
  basis: 'statutory',
  layer: 'strategic',
  memberOrganisationIds: board,
  parentId: 'LSP',
});
const company = partnership('CO', {
  name: 'Safer Streets Ltd',
  separateLegalStatus: true,
  memberOrganisationIds: [...board, 'O9'],
});
const forum = partnership('FORUM', { name: 'Safer Streets Forum', memberOrganisationIds: board });

function actionsFor(candidates: ReturnType<typeof clusterCandidates>['candidates'], id: string) {
  return candidates.filter((c) => c.partnershipIds.includes(id));
}

describe('rationalisation candidates', () => {
  const { keeper, candidates, likelySavingPence } = clusterCandidates('cluster-1', [forum, company, csp], ctx);

  it('keeps the statutory partnership and folds the others towards it', () => {
    expect(keeper.id).toBe('CSP');
    expect(candidates.every((c) => !c.partnershipIds.includes('CSP'))).toBe(true);
  });

  it('offers nesting, not merging, for a partnership with separate legal status', () => {
    const options = actionsFor(candidates, 'CO');
    const merge = options.find((c) => c.action === 'merge')!;
    expect(merge.blocked).toBe(true);
    expect(merge.flags.map((f) => f.code)).toEqual(['separate-legal-status']);
    const recommended = options.filter((c) => c.recommended);
    expect(recommended).toHaveLength(1);
    expect(recommended[0]).toMatchObject({ action: 'nest', intoId: 'CSP', blocked: false });
  });

  it('never closes or merges away a statutory partnership', () => {
    const second = partnership('YOT', {
      name: 'Youth Offending Board',
      statutory: true,
      basis: 'statutory',
      memberOrganisationIds: board,
      parentId: 'CSP',
    });
    const result = clusterCandidates('cluster-2', [csp, second], ctx);
    const options = actionsFor(result.candidates, 'YOT');
    expect(options.find((c) => c.action === 'close')).toMatchObject({ blocked: true, recommended: false });
    expect(options.find((c) => c.action === 'merge')).toMatchObject({ blocked: true, recommended: false });
    // Already nested under the CSP, so the open move is nesting under the LSP.
    expect(options.find((c) => c.action === 'nest' && c.intoId === 'CSP')?.flags.map((f) => f.code)).toEqual([
      'already-nested',
    ]);
    expect(options.filter((c) => c.recommended)).toMatchObject([{ action: 'nest', intoId: 'LSP' }]);
  });

  it('recommends closing a partnership whose whole board already sits on the keeper, saving its whole cost', () => {
    const close = actionsFor(candidates, 'FORUM').find((c) => c.action === 'close')!;
    expect(close.recommended).toBe(true);
    expect(close.yearlySavingPence).toBe(yearlyCost(forum, ctx.sectorOf, rates).pence);
  });

  it('prices nesting at the meetings a nested group no longer holds', () => {
    const nest = actionsFor(candidates, 'FORUM').find((c) => c.action === 'nest' && c.intoId === 'CSP')!;
    expect(nest.yearlySavingPence).toBe(
      Math.round(yearlyCost(forum, ctx.sectorOf, rates).pence * (1 - rates.nestedMeetingShare)),
    );
  });

  it('adds up the recommended savings as the cluster’s likely saving', () => {
    expect(likelySavingPence).toBe(
      candidates.filter((c) => c.recommended).reduce((s, c) => s + c.yearlySavingPence, 0),
    );
    expect(likelySavingPence).toBeGreaterThan(0);
  });

  it('prefers a higher layer, then a parent, then a bigger board as the keeper', () => {
    const parent = partnership('A', { layer: 'executive', memberOrganisationIds: ['O1'] });
    const child = partnership('B', { layer: 'executive', parentId: 'A', memberOrganisationIds: ['O1', 'O2', 'O3'] });
    const low = partnership('C', { layer: 'operational', memberOrganisationIds: ['O1', 'O2', 'O3', 'O4'] });
    expect(chooseKeeper([low, child, parent]).id).toBe('A');
    const members: PartnershipFeatures[] = [
      low,
      partnership('D', { layer: 'operational', memberOrganisationIds: ['O1'] }),
    ];
    expect(chooseKeeper(members).id).toBe('C');
  });
});

describe('a proposal that duplicates an existing partnership', () => {
  it('is not kept over the existing one, and the advice is not to set it up', () => {
    const existing = partnership('OLD', { name: 'Carers Forum', memberOrganisationIds: board });
    const proposal = partnership('NEW', {
      name: 'Carers Network',
      memberOrganisationIds: board,
      status: 'proposed',
      layer: 'executive',
    });
    const { keeper, candidates } = clusterCandidates('cluster-3', [proposal, existing], ctx);
    expect(keeper.id).toBe('OLD');
    const recommended = candidates.find((c) => c.recommended)!;
    expect(recommended).toMatchObject({ action: 'close', partnershipIds: ['NEW'] });
    expect(recommended.rationale).toMatch(/^Do not set up Carers Network/);
  });
});
