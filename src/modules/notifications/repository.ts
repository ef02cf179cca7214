import type { Db } from '../../db/database.js';
import type { Role } from '../../core/actor.js';

/** Who holds a role: the people a notification about a locality, region or partnership goes to. */
export interface RoleHolderQuery {
  role: Role;
  localityId?: string;
  region?: string;
  partnershipId?: string;
}

export interface Recipient {
  id: string;
  email: string;
  name: string;
}

export class NotificationRepository {
  async roleHolders(db: Db, query: RoleHolderQuery): Promise<Recipient[]> {
    let q = db
      .selectFrom('role_assignments as r')
      .innerJoin('users as u', 'u.id', 'r.user_id')
      .select(['u.id', 'u.email', 'u.name'])
      .distinct()
      .where('r.role', '=', query.role)
      .where('u.active', '=', true);
    if (query.localityId) q = q.where('r.locality_id', '=', query.localityId);
    if (query.region) q = q.where('r.region', '=', query.region);
    if (query.partnershipId) q = q.where('r.partnership_id', '=', query.partnershipId);
    return q.orderBy('u.name').execute();
  }

  async usersById(db: Db, ids: string[]): Promise<Recipient[]> {
    if (ids.length === 0) return [];
    return db
      .selectFrom('users')
      .select(['id', 'email', 'name'])
      .where('id', 'in', ids)
      .where('active', '=', true)
      .execute();
  }

  async insert(
    db: Db,
    rows: Array<{ user_id: string; locality_id: string | null; subject: string; body: string; link: string | null }>,
  ): Promise<void> {
    if (rows.length > 0) await db.insertInto('notifications').values(rows).execute();
  }

  async page(db: Db, userId: string, offset: number, limit: number) {
    const [rows, total] = await Promise.all([
      db
        .selectFrom('notifications')
        .selectAll()
        .where('user_id', '=', userId)
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .offset(offset)
        .limit(limit)
        .execute(),
      db
        .selectFrom('notifications')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('user_id', '=', userId)
        .executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(total.n) };
  }

  async unreadCount(db: Db, userId: string): Promise<number> {
    const row = await db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async markRead(db: Db, userId: string, id?: string): Promise<number> {
    let q = db
      .updateTable('notifications')
      .set({ read_at: new Date() })
      .where('user_id', '=', userId)
      .where('read_at', 'is', null);
    if (id) q = q.where('id', '=', id);
    const result = await q.executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /**
   * Claims pending emails for sending: marking them "sending" in one statement means two
   * deliveries running at once (two requests, two replicas) never send the same email twice.
   */
  async claimPendingEmails(db: Db, limit: number) {
    const claimed = await db
      .updateTable('notifications')
      .set((eb) => ({ email_status: 'sending', email_attempts: eb('email_attempts', '+', 1) }))
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('notifications')
          .select('id')
          .where('email_status', '=', 'pending')
          .orderBy('created_at')
          .limit(limit),
      )
      .returning(['id', 'user_id', 'subject', 'body', 'link', 'email_attempts'])
      .execute();
    if (claimed.length === 0) return [];
    const users = await db
      .selectFrom('users')
      .select(['id', 'email', 'name'])
      .where('id', 'in', [...new Set(claimed.map((c) => c.user_id))])
      .execute();
    const byId = new Map(users.map((u) => [u.id, u]));
    return claimed.flatMap((c) => {
      const user = byId.get(c.user_id);
      return user ? [{ ...c, email: user.email, name: user.name }] : [];
    });
  }

  async setEmailStatus(db: Db, id: string, status: 'pending' | 'sent' | 'failed'): Promise<void> {
    await db.updateTable('notifications').set({ email_status: status }).where('id', '=', id).execute();
  }

  async byId(db: Db, userId: string, id: string) {
    return db
      .selectFrom('notifications')
      .selectAll()
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .executeTakeFirst();
  }
}
