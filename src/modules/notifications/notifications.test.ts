import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../core/actor.js';
import { backends } from '../../../test/helpers/database.js';
import { type Person, type TestContext, createTestContext } from '../../../test/helpers/context.js';
import { FormSession } from '../../../test/helpers/forms.js';

const CODE = 'E07000041';
const REGION = 'South West';

describe.each(backends)('notifications on %s', (backend) => {
  let ctx: TestContext;
  let admin: Person;
  let panel: Person;
  let adviser: Person;
  let elsewhere: Person;
  let localityId: string;

  beforeAll(async () => {
    ctx = await createTestContext(backend);
    localityId = (
      await ctx.services.register.createLocality(SYSTEM, {
        gssCode: CODE,
        name: 'Noticeford',
        kind: 'district',
        region: REGION,
      })
    ).id;
    admin = await ctx.person([{ role: 'locality-admin', localityCode: CODE }]);
    panel = await ctx.person([{ role: 'locality-gatekeeper', localityCode: CODE }]);
    adviser = await ctx.person([{ role: 'go-adviser', region: REGION }]);
    elsewhere = await ctx.person([{ role: 'go-adviser', region: 'Wales' }]);
  });
  afterAll(() => ctx.close());

  const outbox = () =>
    ctx.database.db.selectFrom('outbox').select(['recipient', 'subject', 'body']).orderBy('created_at').execute();

  it('tells everyone holding the roles, once each, in the inbox and by email, but not the person who acted', async () => {
    const told = await ctx.services.notifications.notify({
      roles: [
        { role: 'locality-gatekeeper', localityId },
        { role: 'go-adviser', region: REGION },
      ],
      userIds: [adviser.principal.userId as string, admin.principal.userId as string],
      except: admin.principal.userId,
      localityId,
      subject: 'A proposal needs review',
      body: 'Youth Voice Board was submitted for review.',
      link: `/localities/${CODE}/proposals`,
    });
    expect(told.map((r) => r.email).sort()).toEqual([adviser.email, panel.email].sort());
    const mail = (await outbox()).filter((m) => m.subject === 'Joined Up: A proposal needs review');
    expect(mail.map((m) => m.recipient).sort()).toEqual([adviser.email, panel.email].sort());
    expect(mail[0]?.body).toContain(`/localities/${CODE}/proposals`);
    expect(await ctx.services.notifications.unreadCount(elsewhere.principal)).toBe(0);
    expect(await ctx.services.notifications.unreadCount(admin.principal)).toBe(0);
    expect(await ctx.services.notifications.unreadCount(panel.principal)).toBe(1);
  });

  it('writes nothing when the transaction that caused the notice rolls back, and emails only after a commit', async () => {
    const before = await ctx.services.notifications.unreadCount(panel.principal);
    const mailBefore = (await outbox()).length;
    await expect(
      ctx.database.db.transaction().execute(async (trx) => {
        await ctx.services.notifications.notify(
          { roles: [{ role: 'locality-gatekeeper', localityId }], subject: 'Rolled back', body: 'Never happened' },
          { trx },
        );
        throw new Error('the decision failed');
      }),
    ).rejects.toThrow('the decision failed');
    expect(await ctx.services.notifications.unreadCount(panel.principal)).toBe(before);
    expect(await ctx.services.notifications.deliverPending()).toBe(0);

    await ctx.database.db
      .transaction()
      .execute((trx) =>
        ctx.services.notifications.notify(
          { roles: [{ role: 'locality-gatekeeper', localityId }], subject: 'Committed', body: 'Happened' },
          { trx },
        ),
      );
    expect((await outbox()).length).toBe(mailBefore);
    expect(await ctx.services.notifications.deliverPending()).toBe(1);
    expect((await outbox()).at(-1)).toMatchObject({ recipient: panel.email, subject: 'Joined Up: Committed' });
    expect(await ctx.services.notifications.deliverPending()).toBe(0);
    await ctx.services.notifications.markAllRead(panel.principal);
  });

  it('shows the inbox with an unread count, opens a notice at its link, and marks all read', async () => {
    await ctx.services.notifications.notify({
      userIds: [panel.principal.userId as string],
      subject: 'A plan needs your consent',
      body: 'Merge two boards',
      link: `/localities/${CODE}/rationalisation`,
    });
    const browser = new FormSession(ctx.app);
    await browser.signIn(panel.email, panel.password);
    const inbox = await browser.get('/inbox');
    expect(inbox.statusCode).toBe(200);
    expect(inbox.body).toContain('A plan needs your consent');
    expect(inbox.body).toMatch(/Inbox <span class="app-count">1<span class="govuk-visually-hidden"> unread/);

    const id = /action="\/inbox\/([0-9a-f-]+)\/open"/.exec(inbox.body)?.[1] as string;
    const opened = await browser.submit('/inbox', `/inbox/${id}/open`, {});
    expect(opened.statusCode).toBe(303);
    expect(opened.headers.location).toBe(`/localities/${CODE}/rationalisation`);
    expect(await ctx.services.notifications.unreadCount(panel.principal)).toBe(0);

    await ctx.services.notifications.notify({
      userIds: [panel.principal.userId as string],
      subject: 'Second',
      body: 'Another',
    });
    await ctx.services.notifications.notify({
      userIds: [panel.principal.userId as string],
      subject: 'Third',
      body: 'And another',
    });
    const readAll = await browser.submit('/inbox', '/inbox/read-all', {});
    expect(readAll.statusCode).toBe(303);
    expect((await browser.get('/inbox')).body).toContain('Marked 2 notifications as read');
    expect(await ctx.services.notifications.unreadCount(panel.principal)).toBe(0);
  });

  it("cannot open someone else's notice, and a visitor is asked to sign in", async () => {
    const [notice] = (await ctx.services.notifications.inbox(adviser.principal)).notifications;
    const intruder = new FormSession(ctx.app);
    await intruder.signIn(elsewhere.email, elsewhere.password);
    const response = await intruder.submit('/inbox', `/inbox/${notice?.id}/open`, {});
    expect(response.statusCode).toBe(404);
    expect((await ctx.app.inject({ method: 'GET', url: '/inbox' })).headers.location).toBe(
      '/sign-in?returnTo=%2Finbox',
    );
  });

  it('says so when the inbox is empty', async () => {
    const browser = new FormSession(ctx.app);
    await browser.signIn(elsewhere.email, elsewhere.password);
    const body = (await browser.get('/inbox')).body;
    expect(body).toContain('Nothing waits on you');
    expect(body).toContain('No notices yet');
  });
});
