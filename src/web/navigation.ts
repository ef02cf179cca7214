import type { Viewer } from '../modules/accounts/viewer.js';

/** One link of the navigation; `sections` are the page sections it is current for. */
interface NavigationLink {
  href: string;
  text: string;
  sections: string[];
}

/** A heading of the service navigation and the pages under it (shown as a second row). */
interface NavigationGroup {
  text: string;
  links: NavigationLink[];
}

/** What the layout draws: the service navigation's items, and the current group's own links. */
export interface Navigation {
  items: Array<{ href: string; text: string; active: boolean }>;
  /** The current group's links when it has more than one, else undefined. */
  sub?: { label: string; items: Array<{ href: string; text: string; current: boolean }> };
}

const link = (href: string, text: string, ...sections: string[]): NavigationLink => ({ href, text, sections });

/**
 * The groups a person sees: a locality's register, its governance and its plans and money, then
 * administration and the pages every person has. Twenty sections in one row wrapped to three
 * lines at 1280 px and twelve at 375 px; grouped, the first row holds at most seven headings.
 */
function groupsFor(viewer: Viewer, locality: { gss_code: string } | undefined): NavigationGroup[] {
  const groups: NavigationGroup[] = [];
  if (locality) {
    const base = `/localities/${locality.gss_code}`;
    const restricted = viewer.canReadRestricted;
    groups.push(
      {
        text: 'Register',
        links: [
          link(`${base}/partnerships`, 'Partnerships', 'partnerships'),
          link(`${base}/organisations`, 'Organisations', 'organisations'),
          link(`${base}/map`, 'Map', 'map'),
          ...(restricted ? [link(`${base}/exchange`, 'Import and export', 'exchange', 'jobs')] : []),
        ],
      },
      {
        text: 'Governance',
        links: restricted
          ? [
              link(`${base}/proposals`, 'Proposals', 'proposals'),
              link(`${base}/overlap`, 'Overlap', 'overlap'),
              link(`${base}/rationalisation`, 'Rationalisation', 'rationalisation'),
              link(`${base}/scrutiny`, 'Scrutiny', 'scrutiny'),
              link(`${base}/assurance`, 'Assurance', 'assurance'),
            ]
          : [link(`${base}/decisions`, 'Decisions', 'decisions')],
      },
      {
        text: 'Plans and money',
        links: [
          link(`${base}/performance`, 'Performance', 'performance'),
          link(`${base}/resources`, 'Resources', 'resources'),
          link(`${base}/cycles`, 'Cycles', 'cycles'),
          link(`${base}/funds`, 'Funds', 'funds'),
          link(`${base}/bids`, 'BIDs', 'bids'),
        ],
      },
    );
    if (viewer.canAdminister) groups.push({ text: 'Users', links: [link(`${base}/users`, 'Users', 'users')] });
  }
  if (viewer.isSystemAdmin)
    groups.push({
      text: 'Administration',
      links: [
        link('/admin/reference', 'Reference data', 'reference'),
        link('/admin/checklists', 'Checklists', 'checklists'),
        link('/admin/outbox', 'Email outbox', 'outbox'),
        link('/thesaurus', 'Thesaurus', 'thesaurus'),
      ],
    });
  groups.push(
    { text: 'Guidance', links: [link('/knowledge', 'Guidance', 'knowledge')] },
    { text: 'API', links: [link('/api/docs', 'API', 'api')] },
  );
  return groups;
}

/** The navigation for a page of `section`, as `viewer` may see it. */
export function navigationFor(
  viewer: Viewer,
  locality: { gss_code: string } | undefined,
  section: string | undefined,
): Navigation {
  const groups = groupsFor(viewer, locality);
  const current = groups.find((g) => g.links.some((l) => section !== undefined && l.sections.includes(section)));
  return {
    items: groups.map((g) => ({ href: g.links[0]!.href, text: g.text, active: g === current })),
    sub:
      current && current.links.length > 1
        ? {
            label: current.text,
            items: current.links.map((l) => ({
              href: l.href,
              text: l.text,
              current: section !== undefined && l.sections.includes(section),
            })),
          }
        : undefined,
  };
}
