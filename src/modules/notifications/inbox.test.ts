import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createDemoTestContext } from '../../../test/helpers/context.js';
import { backends } from '../../../test/helpers/database.js';
import { FormSession } from '../../../test/helpers/forms.js';
import { DEMO_PASSWORD, seedDemoUsers } from '../accounts/demo-users.js';
import { DEMO_LOCALITY_CODE } from '../demo/seed.js';

/**
 * The inbox of the demo locality's people: what needs each of them now, worked out from the
 * records, above the notices they were sent. The demo holds a proposal waiting well past the
 * gatekeeper's service level and a rationalisation plan still waiting for a board's answer.
 */
describe.each(backends)('the inbox lists the work waiting on each person (%s)', (backend) => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await createDemoTestContext(backend);
    await seedDemoUsers(ctx.services, DEMO_LOCALITY_CODE, 'test');
  }, 120_000);
  afterAll(() => ctx.close());

  async function inboxOf(email: string, password = DEMO_PASSWORD): Promise<string> {
    const session = new FormSession(ctx.app);
    await session.signIn(email, password);
    const page = await session.get('/inbox');
    expect(page.statusCode).toBe(200);
    return page.body;
  }
  /** The entries under "What needs you now", as text: tag, title and detail. */
  function workEntries(html: string): string[] {
    const list = /<ul class="govuk-list app-inbox" id="work-list">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '';
    return [...list.matchAll(/<li[^>]*>([\s\S]*?)<\/li>/g)].map((m) =>
      (m[1] ?? '')
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .replace(/&#8217;|&rsquo;/g, '’')
        .trim(),
    );
  }

  it('shows the LSP manager the overdue proposal to review first, and the plan still awaiting answers', async () => {
    const work = workEntries(await inboxOf('admin@brackenfield.example'));
    expect(work.length).toBeGreaterThanOrEqual(2);
    expect(work[0]).toMatch(/^Overdue Brackenfield \(demo\) Review proposal GK-\d{4}-\d{3}: /);
    expect(work[0]).toMatch(/Waiting \d+ working days: it was due on \d{1,2} \w+ \d{4}\./);
    expect(work.some((w) => /^Answer needed .* Plan RP-\d{3}: .* awaits answers Still waiting for /.test(w))).toBe(
      true,
    );
    // Values waiting for approval before they count.
    expect(work.some((w) => /Approve or reject \d+ performance values?/.test(w))).toBe(true);
  });

  it('shows a gatekeeper panel member the proposals to review, and nothing of the administrator’s', async () => {
    const work = workEntries(await inboxOf('panel@brackenfield.example'));
    expect(work.length).toBeGreaterThan(0);
    for (const entry of work) expect(entry).toMatch(/Review proposal GK-/);
  });

  it('asks a partnership secretary for their board’s answer, and stops asking once it is given', async () => {
    const { rationalisation, register } = ctx.services;
    const admin = await ctx.services.accounts.principalFor(await userByEmail('admin@brackenfield.example'));
    const open = (await rationalisation.listPlans(admin, DEMO_LOCALITY_CODE)).plans.find((p) => p.status === 'open');
    expect(open).toBeDefined();
    const detail = await rationalisation.getPlan(admin, DEMO_LOCALITY_CODE, open?.id as string);
    const waiting = detail.affected.find((a) => !a.answer);
    expect(waiting).toBeDefined();
    const locality = await register.locality(DEMO_LOCALITY_CODE);
    const secretary = await ctx.person([
      { role: 'partnership-secretary', localityCode: locality.gss_code, partnershipId: waiting?.id as string },
    ]);
    const asked = workEntries(await inboxOf(secretary.email, secretary.password));
    expect(asked).toEqual([
      expect.stringMatching(
        new RegExp(
          `^Answer needed Brackenfield \\(demo\\) Give ${escape(waiting?.name ?? '')}’s answer to plan ${open?.reference}`,
        ),
      ),
    ]);
    await rationalisation.recordConsent(secretary.principal, DEMO_LOCALITY_CODE, open?.id as string, {
      partnershipId: waiting?.id,
      decision: 'agree',
    });
    expect(workEntries(await inboxOf(secretary.email, secretary.password))).toEqual([]);
  });

  async function userByEmail(email: string) {
    const user = await ctx.database.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
    if (!user) throw new Error(`no user ${email}`);
    return user;
  }
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
