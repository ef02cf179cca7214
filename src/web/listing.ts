/**
 * Links for a filtered, sorted, paged list. Every filter lives in the URL, so a list can be
 * bookmarked or shared; sorting keeps the filters, and changing a filter goes back to page 1.
 */
export interface ListLinks {
  /** The URL for sorting by a column: toggles the order when already sorted by it. */
  sort: Record<string, string>;
  /** aria-sort value per column */
  ariaSort: Record<string, 'ascending' | 'descending' | 'none'>;
  pagination: {
    previous?: { href: string };
    next?: { href: string };
    items: Array<{ number?: number; href?: string; current?: boolean; ellipsis?: boolean }>;
  };
  /** The current list as query string, for exports that match what is shown. */
  query: string;
}

type Query = Record<string, string | number | undefined> & {
  sort: string;
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
};

function href(
  base: string,
  query: Record<string, string | number | undefined>,
  defaults: Record<string, string | number>,
): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === '' || defaults[key] === value) continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${base}?${text}` : base;
}

export function listLinks(base: string, query: Query, pages: number, columns?: string[]): ListLinks {
  const defaults = { sort: 'name', order: 'asc', page: 1, pageSize: 25 };
  const sort: Record<string, string> = {};
  const ariaSort: ListLinks['ariaSort'] = {};
  const sortable = columns ?? [
    'name',
    'reference',
    'layer',
    'status',
    'members',
    'meetings',
    'updated',
    'sector',
    'seats',
    'hours',
  ];
  for (const column of sortable) {
    const current = query.sort === column;
    const order = current && query.order === 'asc' ? 'desc' : current ? 'asc' : column === 'name' ? 'asc' : 'desc';
    sort[column] = href(base, { ...query, sort: column, order, page: 1 }, defaults);
    ariaSort[column] = current ? (query.order === 'asc' ? 'ascending' : 'descending') : 'none';
  }
  const at = (page: number) => href(base, { ...query, page }, defaults);
  const { page: _page, ...rest } = query;
  const exportQuery = new URLSearchParams(
    Object.entries(rest)
      .filter(([key, value]) => value !== undefined && value !== '' && !['sort', 'order', 'pageSize'].includes(key))
      .map(([key, value]) => [key, String(value)]),
  ).toString();
  return {
    sort,
    ariaSort,
    pagination: pagination(query.page, pages, at),
    query: exportQuery,
  };
}

/**
 * The GOV.UK pagination component's parameters: previous, next, the first and last pages and
 * those either side of the current one, with an ellipsis for the gaps. `at` gives a page's URL.
 */
export function pagination(current: number, pages: number, at: (page: number) => string): ListLinks['pagination'] {
  const items: ListLinks['pagination']['items'] = [];
  for (let page = 1; page <= pages; page++) {
    const near = Math.abs(page - current) <= 1 || page === 1 || page === pages;
    if (near) items.push({ number: page, href: at(page), current: page === current });
    else if (items.at(-1)?.ellipsis !== true) items.push({ ellipsis: true });
  }
  return {
    previous: current > 1 ? { href: at(current - 1) } : undefined,
    next: current < pages ? { href: at(current + 1) } : undefined,
    items,
  };
}
