import { describe, expect, it } from 'vitest';
import { chooseLsp } from './lsp.js';

const top = (id: string, parts: Partial<Parameters<typeof chooseLsp>[0][number]> = {}) => ({
  id,
  reference: id,
  name: `Board ${id}`,
  purpose: 'Joint working',
  basisDetail: null,
  layer: 'strategic',
  descendants: 0,
  ...parts,
});

describe('choosing the LSP', () => {
  it('prefers a partnership that says it is the LSP over a bigger strategic tree', () => {
    const chosen = chooseLsp([
      top('county', { descendants: 40 }),
      top('lsp', { purpose: 'The Local Strategic Partnership for the district', descendants: 12 }),
    ]);
    expect(chosen?.id).toBe('lsp');
  });

  it('otherwise takes the strategic partnership with the most beneath it', () => {
    expect(
      chooseLsp([
        top('a', { descendants: 3 }),
        top('b', { descendants: 9 }),
        top('c', { layer: 'operational', descendants: 50 }),
      ])?.id,
    ).toBe('b');
  });

  it('names none when no top-level partnership is strategic or says it is the LSP', () => {
    expect(
      chooseLsp([top('a', { layer: 'operational', descendants: 5 }), top('b', { layer: 'executive' })]),
    ).toBeUndefined();
  });

  it('does not mistake a word containing LSP for the abbreviation', () => {
    expect(chooseLsp([top('a', { layer: 'operational', name: 'HELSPRING Trust' })])).toBeUndefined();
  });
});
