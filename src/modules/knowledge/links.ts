/**
 * The link check of the knowledge base: every external address the published items point to,
 * asked whether it still answers. It goes only to the hosts the administrator lists
 * (`LINK_CHECK_HOSTS`); with none listed it is off, as in tests that do not start a server of
 * their own.
 */

/** An address an item points to, with the items that point to it. */
export interface LinkUse {
  url: string;
  items: Array<{ slug: string; title: string }>;
}

export interface LinkResult extends LinkUse {
  /** The HTTP status of the answer, or null when there was none. */
  status: number | null;
  /** Why it failed, in words; null when the address answered well. */
  problem: string | null;
}

export interface LinkReport {
  checked: LinkResult[];
  /** Addresses on hosts nobody listed: not asked. */
  notAsked: number;
}

/** Most addresses asked in one check, and how many at once. */
const MOST_ADDRESSES = 500;
const AT_ONCE = 4;
const TIMEOUT_MS = 10_000;

/** The http and https addresses in Markdown: links, autolinks and bare addresses. */
export function addressesIn(markdown: string): string[] {
  const found = new Set<string>();
  for (const match of markdown.matchAll(/https?:\/\/[^\s)<>"'\]]+/gi)) {
    const url = match[0].replace(/[.,;:!?]+$/, '');
    if (URL.canParse(url)) found.add(url);
  }
  return [...found];
}

/** The addresses of these items, each once, with the items using it. */
export function linkUses(
  items: ReadonlyArray<{ slug: string; title: string; body: string; url?: string | null }>,
): LinkUse[] {
  const uses = new Map<string, LinkUse>();
  for (const item of items) {
    const urls = new Set([...addressesIn(item.body), ...(item.url && URL.canParse(item.url) ? [item.url] : [])]);
    for (const url of urls) {
      const use = uses.get(url) ?? { url, items: [] };
      use.items.push({ slug: item.slug, title: item.title });
      uses.set(url, use);
    }
  }
  return [...uses.values()].sort((a, b) => a.url.localeCompare(b.url));
}

/** Whether the check may ask this address: its host is one the administrator listed. */
export function mayAsk(url: string, hosts: readonly string[]): boolean {
  const { protocol, hostname } = new URL(url);
  return (protocol === 'http:' || protocol === 'https:') && hosts.includes(hostname.toLowerCase());
}

/** Asks one address: HEAD, then GET where HEAD is not allowed; redirects followed. */
export async function askAddress(url: string): Promise<{ status: number | null; problem: string | null }> {
  try {
    let response = await fetch(url, { method: 'HEAD', redirect: 'follow', signal: AbortSignal.timeout(TIMEOUT_MS) });
    if (response.status === 405 || response.status === 501)
      response = await fetch(url, { method: 'GET', redirect: 'follow', signal: AbortSignal.timeout(TIMEOUT_MS) });
    await response.body?.cancel();
    return response.ok
      ? { status: response.status, problem: null }
      : { status: response.status, problem: `answered ${response.status} ${response.statusText}`.trim() };
  } catch (error) {
    const reason =
      error instanceof Error && error.name === 'TimeoutError' ? 'no answer within 10 seconds' : 'could not be reached';
    return { status: null, problem: reason };
  }
}

/** Checks the addresses on the listed hosts, a few at once; the broken ones first. */
export async function checkLinks(uses: readonly LinkUse[], hosts: readonly string[]): Promise<LinkReport> {
  const listed = hosts.map((h) => h.toLowerCase());
  const askable = uses.filter((u) => mayAsk(u.url, listed)).slice(0, MOST_ADDRESSES);
  const checked: LinkResult[] = [];
  let next = 0;
  const worker = async () => {
    while (next < askable.length) {
      const use = askable[next++]!;
      checked.push({ ...use, ...(await askAddress(use.url)) });
    }
  };
  await Promise.all(Array.from({ length: Math.min(AT_ONCE, askable.length) }, worker));
  checked.sort((a, b) => Number(a.problem === null) - Number(b.problem === null) || a.url.localeCompare(b.url));
  return { checked, notAsked: uses.length - askable.length };
}
