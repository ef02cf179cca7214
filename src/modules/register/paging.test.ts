import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../core/actor.js';
import { backends } from '../../../test/helpers/database.js';
import { type TestContext, createTestContext } from '../../../test/helpers/context.js';
import { SORTS } from './schema.js';

const CODE = 'E07000021';
const api = `/api/v1/localities/${CODE}/partnerships`;

interface ListPage {
  items: Array<{ id: string; name: string }>;
  total: number;
  page: number | null;
  next: string | null;
}

describe.each(backends)('paging the register by position on %s', (backend) => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await createTestContext(backend);
    const { register } = ctx.services;
    await register.createLocality(SYSTEM, { gssCode: CODE, name: 'Pageshire', kind: 'district', region: 'North West' });
    const organisations: string[] = [];
    for (const name of ['Pageshire Council', 'Pageshire Police', 'Pageshire NHS Trust'])
      organisations.push(
        (await register.createOrganisation(SYSTEM, CODE, { name, sector: 'public', orgType: 'police' })).id,
      );
    // Many ties on every sort column: five names, three layers, two statuses, three meeting
    // patterns and 0–3 members, so only the full order (column, name, id) tells rows apart.
    for (let i = 0; i < 37; i++) {
      const created = await register.createPartnership(SYSTEM, CODE, {
        name: `Board ${i % 5}`,
        purpose: 'Work together',
        basis: 'voluntary',
        legalForm: 'unincorporated',
        layer: (['strategic', 'executive', 'operational'] as const)[i % 3],
        status: i % 4 === 0 ? 'proposed' : 'active',
        meetingsPerYear: i % 3 === 0 ? undefined : (i % 2) * 6 + 4,
      });
      for (const organisationId of organisations.slice(0, i % 4))
        await register.addMembership(SYSTEM, CODE, created.id, { organisationId, role: 'member' });
    }
  }, 120_000);
  afterAll(() => ctx.close());

  async function get(query: string): Promise<ListPage> {
    const response = await ctx.app.inject({ url: `${api}?${query}` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as ListPage;
  }

  it('pages through every partnership exactly once, in the order the list shows, for every sort and order', async () => {
    for (const sort of SORTS) {
      for (const order of ['asc', 'desc']) {
        const shown = await get(`sort=${sort}&order=${order}&pageSize=500`);
        expect(shown.total).toBe(27); // the public sees the 27 that are not proposed
        const walked: string[] = [];
        let page = await get(`sort=${sort}&order=${order}&pageSize=6`);
        expect(page.page).toBe(1);
        walked.push(...page.items.map((p) => p.id));
        let pages = 1;
        while (page.next) {
          page = await get(`sort=${sort}&order=${order}&pageSize=6&after=${encodeURIComponent(page.next)}`);
          expect(page.page).toBeNull();
          walked.push(...page.items.map((p) => p.id));
          pages++;
          expect(pages).toBeLessThan(10);
        }
        expect(walked, `${sort} ${order}`).toEqual(shown.items.map((p) => p.id));
        expect(pages).toBe(5);
      }
    }
  });

  it('keeps the filters while paging by position', async () => {
    const admin = await ctx.person([{ role: 'locality-admin', localityCode: CODE }]);
    const all = await ctx.app.inject({ url: `${api}?layer=executive&pageSize=500`, headers: admin.headers });
    const expected = (all.json() as ListPage).items.map((p) => p.id);
    expect(expected.length).toBe(12);
    const walked: string[] = [];
    let next: string | null = null;
    do {
      const response = await ctx.app.inject({
        url: `${api}?layer=executive&pageSize=5${next ? `&after=${encodeURIComponent(next)}` : ''}`,
        headers: admin.headers,
      });
      const page = response.json() as ListPage;
      walked.push(...page.items.map((p) => p.id));
      next = page.next;
    } while (next);
    expect(walked).toEqual(expected);
  });

  it('refuses a position that this list did not give, or one made for another order', async () => {
    const first = await get('sort=name&pageSize=5');
    for (const query of [
      `sort=name&after=not-a-position`,
      `sort=members&after=${encodeURIComponent(first.next ?? '')}`,
      `sort=name&order=desc&after=${encodeURIComponent(first.next ?? '')}`,
    ]) {
      const response = await ctx.app.inject({ url: `${api}?${query}` });
      expect(response.statusCode).toBe(422);
      expect(response.json().errors[0].field).toBe('after');
    }
  });
});
