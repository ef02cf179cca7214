import { chooseLsp, saysItIsTheLsp } from '../register/lsp.js';
import { OPEN_STATUSES, type SourcePartnership } from './graph.js';

/**
 * The nesting tree of a locality: the LSP at the apex (chosen by register/lsp.ts), its
 * sub-partnerships beneath (through their parent links), and the orphans, open partnerships
 * not connected to the LSP at all.
 */

export interface TreeNode {
  id: string;
  reference: string;
  name: string;
  layer: string;
  status: string;
  basis: string;
  children: TreeNode[];
  /** Open partnerships beneath it, at any depth. */
  descendants: number;
}

export interface Nesting {
  /** The LSP with its open sub-partnerships, or undefined when the locality has none recorded. */
  lsp?: TreeNode;
  /** Why this partnership was taken to be the LSP, for the page. */
  lspReason?: string;
  /** Trees of orphans: each top-level open partnership not beneath the LSP, with its own sub-partnerships. */
  orphans: TreeNode[];
  orphanIds: Set<string>;
  /** Every open partnership beneath the LSP. */
  beneathLsp: Set<string>;
  /** Without an LSP: every top-level open partnership with its sub-partnerships. */
  forest: TreeNode[];
}

/** The phrase in any case in its name, purpose or basis detail; or the capitalised abbreviation “LSP”. */
/**
 * Builds the tree over every open partnership. `visible` says which the viewer may see: one
 * they may not (a proposal, for the public) is left out and its sub-partnerships take its
 * place, so the shape of what is shown stays true.
 */
export function buildNesting(all: SourcePartnership[], visible: (p: SourcePartnership) => boolean): Nesting {
  const open = all.filter((p) => OPEN_STATUSES.has(p.status));
  const openIds = new Set(open.map((p) => p.id));
  const children = new Map<string, SourcePartnership[]>();
  for (const p of open) {
    if (!p.parent_id || !openIds.has(p.parent_id)) continue;
    const list = children.get(p.parent_id) ?? [];
    list.push(p);
    children.set(p.parent_id, list);
  }
  for (const list of children.values())
    list.sort((a, b) => a.name.localeCompare(b.name, 'en-GB', { sensitivity: 'base' }));

  const descendantsOf = (id: string, seen = new Set<string>()): Set<string> => {
    for (const child of children.get(id) ?? []) {
      if (seen.has(child.id)) continue;
      seen.add(child.id);
      descendantsOf(child.id, seen);
    }
    return seen;
  };
  const tops = open.filter((p) => !p.parent_id || !openIds.has(p.parent_id));
  const chosen = chooseLsp(
    tops.filter(visible).map((p) => ({
      p,
      id: p.id,
      reference: p.reference,
      name: p.name,
      purpose: p.purpose,
      basisDetail: p.basis_detail,
      layer: p.layer,
      descendants: descendantsOf(p.id).size,
    })),
  );

  const build = (p: SourcePartnership, path: Set<string>): TreeNode[] => {
    if (path.has(p.id)) return [];
    const inner = new Set(path).add(p.id);
    const kids = (children.get(p.id) ?? []).flatMap((c) => build(c, inner));
    if (!visible(p)) return kids;
    return [
      {
        id: p.id,
        reference: p.reference,
        name: p.name,
        layer: p.layer,
        status: p.status,
        basis: p.basis,
        children: kids,
        descendants: countAll(kids),
      },
    ];
  };

  const byName = (a: SourcePartnership, b: SourcePartnership) =>
    a.name.localeCompare(b.name, 'en-GB', { sensitivity: 'base' });
  if (!chosen)
    return {
      orphans: [],
      orphanIds: new Set(),
      beneathLsp: new Set(),
      forest: [...tops].sort(byName).flatMap((p) => build(p, new Set())),
    };
  const beneathLsp = descendantsOf(chosen.p.id);
  const orphanIds = new Set(
    open.filter((p) => p.id !== chosen.p.id && !beneathLsp.has(p.id) && visible(p)).map((p) => p.id),
  );
  const orphanTops = tops.filter((p) => p.id !== chosen.p.id).sort(byName);
  const visibleBeneath = new Set([...beneathLsp].filter((id) => open.some((p) => p.id === id && visible(p))));
  return {
    lsp: build(chosen.p, new Set())[0],
    lspReason: saysItIsTheLsp(chosen)
      ? 'it is the top-level partnership whose record says it is the Local Strategic Partnership'
      : 'no partnership’s record says it is the Local Strategic Partnership, so this is the top-level strategic partnership with the most sub-partnerships',
    orphans: orphanTops.flatMap((p) => build(p, new Set())),
    orphanIds,
    beneathLsp: visibleBeneath,
    forest: [],
  };
}

function countAll(nodes: TreeNode[]): number {
  return nodes.reduce((sum, n) => sum + 1 + n.descendants, 0);
}
