import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { ApiTokenRow, RoleAssignmentRow, UserRow } from '../../db/tables.js';

export interface UserWithRoles extends UserRow {
  roles: Array<
    RoleAssignmentRow & {
      locality_name: string | null;
      locality_code: string | null;
      partnership_name: string | null;
      organisation_name: string | null;
    }
  >;
}

/** The roles a person holds, oldest first, as the columns `toGrant` reads. */
export interface GrantColumns {
  role: string;
  locality_id: string | null;
  region: string | null;
  partnership_id: string | null;
  organisation_id: string | null;
}

function grantsOf(userId: 'u.id') {
  return sql<GrantColumns[]>`coalesce((
    select json_agg(json_build_object(
      'role', r.role, 'locality_id', r.locality_id, 'region', r.region,
      'partnership_id', r.partnership_id, 'organisation_id', r.organisation_id
    ) order by r.created_at, r.id)
    from role_assignments r where r.user_id = ${sql.ref(userId)}
  ), '[]'::json)`;
}

export class AccountsRepository {
  userByEmail(db: Db, email: string): Promise<UserRow | undefined> {
    return db
      .selectFrom('users')
      .selectAll()
      .where(sql`lower(email)`, '=', email.toLowerCase())
      .executeTakeFirst();
  }

  userById(db: Db, id: string): Promise<UserRow | undefined> {
    return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  }

  insertUser(db: Db, user: { email: string; name: string; password_hash: string | null }): Promise<UserRow> {
    return db.insertInto('users').values(user).returningAll().executeTakeFirstOrThrow();
  }

  async setPassword(db: Db, userId: string, passwordHash: string): Promise<void> {
    await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
  }

  async setActive(db: Db, userId: string, active: boolean): Promise<void> {
    await db.updateTable('users').set({ active }).where('id', '=', userId).execute();
  }

  async touchSignIn(db: Db, userId: string): Promise<void> {
    await db.updateTable('users').set({ last_sign_in_at: new Date() }).where('id', '=', userId).execute();
  }

  grants(db: Db, userId: string): Promise<RoleAssignmentRow[]> {
    return db.selectFrom('role_assignments').selectAll().where('user_id', '=', userId).orderBy('created_at').execute();
  }

  grant(db: Db, row: Omit<RoleAssignmentRow, 'id' | 'created_at'>): Promise<RoleAssignmentRow> {
    return db.insertInto('role_assignments').values(row).returningAll().executeTakeFirstOrThrow();
  }

  grantById(db: Db, id: string): Promise<RoleAssignmentRow | undefined> {
    return db.selectFrom('role_assignments').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async revokeGrant(db: Db, id: string): Promise<void> {
    await db.deleteFrom('role_assignments').where('id', '=', id).execute();
  }

  /** Users holding any role in a locality, with all their roles there (for the users page). */
  async usersOfLocality(db: Db, localityId: string): Promise<UserWithRoles[]> {
    const users = await db
      .selectFrom('users')
      .selectAll()
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('role_assignments as r')
            .whereRef('r.user_id', '=', 'users.id')
            .where('r.locality_id', '=', localityId)
            .select('r.id'),
        ),
      )
      .orderBy(sql`lower(name)`)
      .execute();
    if (users.length === 0) return [];
    const roles = await db
      .selectFrom('role_assignments as r')
      .leftJoin('localities as l', 'l.id', 'r.locality_id')
      .leftJoin('partnerships as p', 'p.id', 'r.partnership_id')
      .leftJoin('organisations as o', 'o.id', 'r.organisation_id')
      .selectAll('r')
      .select([
        'l.name as locality_name',
        'l.gss_code as locality_code',
        'p.name as partnership_name',
        'o.name as organisation_name',
      ])
      .where(
        'r.user_id',
        'in',
        users.map((u) => u.id),
      )
      .where('r.locality_id', '=', localityId)
      .orderBy('r.created_at')
      .execute();
    return users.map((u) => ({ ...u, roles: roles.filter((r) => r.user_id === u.id) }));
  }

  async insertSession(db: Db, tokenHash: string, userId: string, expiresAt: Date): Promise<void> {
    await db.insertInto('sessions').values({ token_hash: tokenHash, user_id: userId, expires_at: expiresAt }).execute();
  }

  /**
   * A session with its person and their roles, in one query: asked on every request a
   * signed-in person makes, so it must stay one primary-key read (no cache to go stale when a
   * role is removed or the session ends).
   */
  session(db: Db, tokenHash: string) {
    return db
      .selectFrom('sessions as s')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .select([
        's.token_hash',
        's.created_at',
        's.expires_at',
        's.revoked_at',
        'u.id as user_id',
        'u.active',
        'u.name',
        'u.email',
        grantsOf('u.id').as('grants'),
      ])
      .where('s.token_hash', '=', tokenHash)
      .executeTakeFirst();
  }

  async extendSession(db: Db, tokenHash: string, expiresAt: Date): Promise<void> {
    await db.updateTable('sessions').set({ expires_at: expiresAt }).where('token_hash', '=', tokenHash).execute();
  }

  async revokeSession(db: Db, tokenHash: string): Promise<void> {
    await db
      .updateTable('sessions')
      .set({ revoked_at: new Date() })
      .where('token_hash', '=', tokenHash)
      .where('revoked_at', 'is', null)
      .execute();
  }

  async revokeSessionsOf(db: Db, userId: string): Promise<void> {
    await db
      .updateTable('sessions')
      .set({ revoked_at: new Date() })
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .execute();
  }

  async insertOneTimeToken(
    db: Db,
    tokenHash: string,
    userId: string,
    purpose: 'reset' | 'invite',
    expiresAt: Date,
  ): Promise<void> {
    await db
      .insertInto('one_time_tokens')
      .values({ token_hash: tokenHash, user_id: userId, purpose, expires_at: expiresAt })
      .execute();
  }

  oneTimeToken(db: Db, tokenHash: string) {
    return db.selectFrom('one_time_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  }

  /** Marks the token used if it still can be; false if someone used it first. */
  async useOneTimeToken(db: Db, tokenHash: string): Promise<boolean> {
    const result = await db
      .updateTable('one_time_tokens')
      .set({ used_at: new Date() })
      .where('token_hash', '=', tokenHash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', new Date())
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async recordAttempt(db: Db, email: string, address: string, succeeded: boolean): Promise<void> {
    await db.insertInto('sign_in_attempts').values({ email: email.toLowerCase(), address, succeeded }).execute();
  }

  async recentFailures(db: Db, email: string, since: Date): Promise<number> {
    const row = await db
      .selectFrom('sign_in_attempts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(sql`lower(email)`, '=', email.toLowerCase())
      .where('succeeded', '=', false)
      .where('at', '>', since)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async recentAttemptsFrom(db: Db, address: string, since: Date): Promise<number> {
    const row = await db
      .selectFrom('sign_in_attempts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('address', '=', address)
      .where('succeeded', '=', false)
      .where('at', '>', since)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  insertApiToken(
    db: Db,
    row: { user_id: string; name: string; token_hash: string; scope: 'read' | 'write' },
  ): Promise<ApiTokenRow> {
    return db.insertInto('api_tokens').values(row).returningAll().executeTakeFirstOrThrow();
  }

  apiTokensOf(db: Db, userId: string): Promise<ApiTokenRow[]> {
    return db
      .selectFrom('api_tokens')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('created_at', 'desc')
      .execute();
  }

  /** An API token with its owner and their roles, in one query (see `session`). */
  apiTokenByHash(db: Db, tokenHash: string) {
    return db
      .selectFrom('api_tokens as t')
      .innerJoin('users as u', 'u.id', 't.user_id')
      .select([
        't.id',
        't.scope',
        't.revoked_at',
        't.last_used_at',
        'u.id as user_id',
        'u.active',
        'u.name',
        'u.email',
        grantsOf('u.id').as('grants'),
      ])
      .where('t.token_hash', '=', tokenHash)
      .executeTakeFirst();
  }

  async touchApiToken(db: Db, id: string): Promise<void> {
    await db.updateTable('api_tokens').set({ last_used_at: new Date() }).where('id', '=', id).execute();
  }

  async revokeApiToken(db: Db, id: string, userId: string): Promise<boolean> {
    const result = await db
      .updateTable('api_tokens')
      .set({ revoked_at: new Date() })
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}
