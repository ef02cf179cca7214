import { describe, expect, it } from 'vitest';
import { listLinks } from './listing.js';

describe('list links', () => {
  const query = { q: 'safety', layer: 'strategic', sort: 'name', order: 'asc' as const, page: 2, pageSize: 25 };

  it('keeps the filters when sorting, toggles the order and goes back to page 1', () => {
    const links = listLinks('/r', query, 5);
    expect(links.sort.name).toBe('/r?q=safety&layer=strategic&order=desc');
    expect(links.sort.members).toBe('/r?q=safety&layer=strategic&sort=members&order=desc');
    expect(links.ariaSort.name).toBe('ascending');
    expect(links.ariaSort.members).toBe('none');
  });

  it('pages with the filters kept and an ellipsis for long runs', () => {
    const links = listLinks('/r', { ...query, page: 5 }, 10);
    expect(links.pagination.previous?.href).toBe('/r?q=safety&layer=strategic&page=4');
    expect(links.pagination.items.map((i) => (i.ellipsis ? '…' : i.number))).toEqual([1, '…', 4, 5, 6, '…', 10]);
    expect(links.pagination.items.find((i) => i.current)?.number).toBe(5);
  });
});
