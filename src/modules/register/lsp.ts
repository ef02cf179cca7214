/**
 * Which partnership is a locality's Local Strategic Partnership, the apex others nest under?
 * The register has no flag for it, and the largest tree is not always it (a county-wide board
 * can have more sub-groups than a young LSP). One rule, used by the map and the overlap
 * analysis alike:
 *  1. candidates are open partnerships at the top of their tree (no open parent);
 *  2. one that says it is the LSP — "Local Strategic Partnership" or "LSP" in its name, purpose
 *     or basis detail — comes first (sub-partnerships often mention the LSP too, which is why
 *     only tops of trees are candidates);
 *  3. then one at the strategic layer; then the most open sub-partnerships at any depth; then
 *     the earliest reference;
 *  4. a candidate that neither says it is the LSP nor works at the strategic layer is not the
 *     LSP: the locality then has none recorded.
 */
export interface LspCandidate {
  id: string;
  reference: string;
  name: string;
  purpose: string;
  basisDetail: string | null;
  layer: string;
  /** Open partnerships beneath it, at any depth. */
  descendants: number;
}

export function saysItIsTheLsp(p: Pick<LspCandidate, 'name' | 'purpose' | 'basisDetail'>): boolean {
  const text = `${p.name} ${p.purpose} ${p.basisDetail ?? ''}`;
  return /\blocal strategic partnership\b/i.test(text) || /\bLSP\b/.test(text);
}

/** The LSP among the tops of the locality's trees, or undefined when none qualifies. */
export function chooseLsp<C extends LspCandidate>(tops: C[]): C | undefined {
  return tops
    .map((c) => ({ c, says: saysItIsTheLsp(c), strategic: c.layer === 'strategic' }))
    .filter((x) => x.says || x.strategic)
    .sort(
      (a, b) =>
        Number(b.says) - Number(a.says) ||
        Number(b.strategic) - Number(a.strategic) ||
        b.c.descendants - a.c.descendants ||
        a.c.reference.localeCompare(b.c.reference),
    )[0]?.c;
}
