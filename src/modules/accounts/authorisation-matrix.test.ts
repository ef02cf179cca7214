import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../core/actor.js';
import { ACCESS_RULES, type AccessRule } from '../../web/access.js';
import { oneBackend } from '../../../test/helpers/database.js';
import { type Grant, type Person, type TestContext, createTestContext } from '../../../test/helpers/context.js';

/**
 * Every route of the app, for every kind of person, checked against what the rules say they
 * may do. The routes come from the app's own route table, so a new route is checked as soon
 * as it exists (and the app refuses to start with a route that declares no rule).
 */
const A = 'E07000031';
const B = 'E07000032';
const REGION = 'Yorkshire and the Humber';

type Who =
  | 'public'
  | 'representative'
  | 'secretary'
  | 'admin'
  | 'panel'
  | 'scrutiny'
  | 'adviser'
  | 'adviser-elsewhere'
  | 'gatekeeper'
  | 'editor'
  | 'scrutineer'
  | 'sysadmin'
  | 'admin-elsewhere';
const EVERYONE: Who[] = [
  'public',
  'representative',
  'secretary',
  'admin',
  'panel',
  'scrutiny',
  'adviser',
  'adviser-elsewhere',
  'gatekeeper',
  'editor',
  'scrutineer',
  'sysadmin',
  'admin-elsewhere',
];

/** What the role table says, written out independently of the code under test. */
const MAY: Record<AccessRule, Who[]> = {
  public: EVERYONE,
  'signed-in': EVERYONE.filter((w) => w !== 'public'),
  'locality-reader': ['representative', 'secretary', 'admin', 'panel', 'scrutiny', 'adviser', 'gatekeeper', 'sysadmin'],
  'register-editor': ['secretary', 'admin', 'sysadmin'],
  'locality-admin': ['admin', 'sysadmin'],
  'partner-recorder': ['representative', 'admin', 'sysadmin'],
  gatekeeper: ['admin', 'panel', 'gatekeeper', 'sysadmin'],
  'local-officer': ['admin', 'panel', 'sysadmin'],
  'knowledge-editor': ['editor', 'sysadmin'],
  'system-admin': ['sysadmin'],
  scrutiny: ['admin', 'scrutiny', 'sysadmin'],
};

/**
 * Where the service is narrower than the route's gate, on purpose: the wide overlap analysis
 * (gate: signed-in) covers the localities the person may read, so someone who reads none (a
 * national knowledge base editor holds no locality role; a BID scrutineer's role reads only
 * its ballots) is refused by the service.
 */
const SERVICE_REFUSES = new Set([
  'GET /overlap as editor',
  'GET /api/v1/overlap as editor',
  'GET /overlap as scrutineer',
  'GET /api/v1/overlap as scrutineer',
  // A partnership's secretary proposes an aligned calendar for their own partnership's calendar
  // alone; the service refuses one for the whole locality, which is what an empty request asks.
  'POST /localities/:code/cycles/aligned/rounds as secretary',
  'POST /api/v1/localities/:code/cycles/aligned/rounds as secretary',
]);

// The role table does not depend on the database: one is enough (see oneBackend).
describe.each([oneBackend])('authorisation matrix on %s', (backend) => {
  let ctx: TestContext;
  const people = new Map<Who, Person | undefined>();
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    ctx = await createTestContext(backend);
    const { register } = ctx.services;
    await register.createLocality(SYSTEM, { gssCode: A, name: 'Matrixford', kind: 'district', region: REGION });
    await register.createLocality(SYSTEM, { gssCode: B, name: 'Otherford', kind: 'district', region: 'Wales' });
    ids.organisation = (
      await register.createOrganisation(SYSTEM, A, {
        name: 'Matrixford Council',
        sector: 'public',
        orgType: 'district-council',
      })
    ).id;
    const base = { purpose: 'Matrix testing', basis: 'voluntary', legalForm: 'unincorporated', layer: 'executive' };
    ids.partnership = (await register.createPartnership(SYSTEM, A, { ...base, name: 'Matrix board' })).id;
    ids.membership = (
      await register.addMembership(SYSTEM, A, ids.partnership, { organisationId: ids.organisation, role: 'member' })
    ).id;
    const grants: Record<Exclude<Who, 'public'>, Grant[]> = {
      representative: [{ role: 'partner-representative', localityCode: A, organisationId: ids.organisation }],
      secretary: [{ role: 'partnership-secretary', localityCode: A, partnershipId: ids.partnership }],
      admin: [{ role: 'locality-admin', localityCode: A }],
      panel: [{ role: 'locality-gatekeeper', localityCode: A }],
      scrutiny: [{ role: 'scrutiny-member', localityCode: A }],
      adviser: [{ role: 'go-adviser', region: REGION }],
      'adviser-elsewhere': [{ role: 'go-adviser', region: 'Wales' }],
      gatekeeper: [{ role: 'national-gatekeeper' }],
      editor: [{ role: 'knowledge-editor' }],
      // Runs the locality's BID ballots with its administrator; reads nothing else restricted.
      scrutineer: [{ role: 'bid-scrutineer', localityCode: A }],
      sysadmin: [{ role: 'system-admin' }],
      'admin-elsewhere': [{ role: 'locality-admin', localityCode: B }],
    };
    people.set('public', undefined);
    for (const [who, g] of Object.entries(grants)) people.set(who as Who, await ctx.person(g));
  });
  afterAll(() => ctx.close());

  /** A concrete address for a route pattern: real records of locality A where there are some. */
  function concrete(url: string): string {
    const kind = /\/(partnerships|organisations|memberships)\/:id/.exec(url)?.[1];
    const id =
      kind === 'partnerships'
        ? ids.partnership
        : kind === 'organisations'
          ? ids.organisation
          : kind === 'memberships'
            ? ids.membership
            : '00000000-0000-4000-8000-000000000000';
    return url
      .replace(':code', A)
      .replace(':list', 'theme')
      .replace(':item', 'housing')
      .replace(':id', id ?? '')
      .replace(':token', 'not-a-real-token')
      .replace(':theme', 'housing')
      .replace(':section', 'problem')
      .replace(/:(grantId|userId|operationId)/g, '00000000-0000-4000-8000-000000000000');
  }

  function refused(status: number, location: string | undefined, body: string): boolean {
    if (status === 401 || status === 403) return true;
    if (status === 303 && location?.startsWith('/sign-in')) return true;
    // The gate answers 404 "page" where the person may not know the locality's restricted
    // pages exist; a missing record behind an allowed route says which record it was.
    return (
      status === 404 && (body.includes('"title":"Page not found"') || body.includes('We could not find that page'))
    );
  }

  it('has a rule for every route, and the rules are the known ones', () => {
    expect(ctx.app.routeTable.length).toBeGreaterThan(50);
    for (const route of ctx.app.routeTable) expect(ACCESS_RULES).toContain(route.access);
  });

  it('allows and refuses exactly as the role table says, for every route and every person', async () => {
    const mismatches: string[] = [];
    // A visitor's forms carry a CSRF token like any browser's would, so only access is tested.
    const form = await ctx.app.inject({ method: 'GET', url: '/sign-in' });
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
    const csrfCookie = [form.headers['set-cookie'] ?? []]
      .flat()
      .map((c) => c.split(';')[0])
      .join('; ');
    // Sign-out and session routes are checked elsewhere; here everything goes through tokens.
    const routes = ctx.app.routeTable.filter((r) => !['/sign-out', '/sign-in'].includes(r.url));
    for (const route of routes) {
      for (const who of EVERYONE) {
        const person = people.get(who);
        const response = await ctx.app.inject({
          method: route.method as 'GET',
          url: concrete(route.url),
          headers: person?.headers ?? { cookie: csrfCookie },
          ...(route.method === 'GET' ? {} : { payload: person ? {} : { _csrf: csrf } }),
        });
        const expectedAllowed =
          MAY[route.access].includes(who) && !SERVICE_REFUSES.has(`${route.method} ${route.url} as ${who}`);
        const wasRefused = refused(response.statusCode, response.headers.location as string | undefined, response.body);
        if (expectedAllowed === wasRefused) {
          mismatches.push(
            `${route.method} ${route.url} (${route.access}) as ${who}: expected ${expectedAllowed ? 'allowed' : 'refused'}, got ${response.statusCode}`,
          );
        }
      }
    }
    expect(mismatches).toEqual([]);
    // Every route × every person is some thousands of requests: about 30 s alone, more beside
    // other suites on two cores.
  }, 600_000); // every route for every person: minutes on a busy two-core machine
});
