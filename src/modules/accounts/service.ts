import { type Principal, PUBLIC, ROLE_NAMES, type Role, type RoleGrant, SYSTEM, cliActor } from '../../core/actor.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../core/errors.js';
import { parseInput } from '../../core/validation.js';
import type { Db } from '../../db/database.js';
import type { Locality, UserRow } from '../../db/tables.js';
import type { AuditService } from '../audit/service.js';
import type { RegisterService } from '../register/service.js';
import type { Mailer } from './mailer.js';
import { composeEmail } from './email.js';
import { isSystem, refuse, requireLocalityAdmin } from './policy.js';
import { AccountsRepository, type GrantColumns } from './repository.js';
import {
  apiTokenInput,
  forgotPasswordInput,
  inviteInput,
  newUserInput,
  resetPasswordInput,
  signInInput,
} from './schema.js';
import { hashPassword, hashToken, newToken, verifyPassword } from './secrets.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
export const SESSION_IDLE = 2 * HOUR;
export const SESSION_MAX = 12 * HOUR;
const RESET_LIFETIME = HOUR;
const INVITE_LIFETIME = 7 * 24 * HOUR;
export const LOCKOUT_WINDOW = 15 * MINUTE;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 30;

export class TooManyAttemptsError extends Error {
  constructor(message = 'Too many failed sign-in attempts. Wait 15 minutes, then try again, or reset your password.') {
    super(message);
    this.name = 'TooManyAttemptsError';
  }
}

const SIGN_IN_FAILED = 'Enter a correct email address and password';

/** How often an API token's "last used" time is written, at most. */
const TOKEN_TOUCH_INTERVAL = 60_000;

/** The principal of a session's or token's owner, from the one query that read both. */
function principalOf(
  owner: { user_id: string; name: string; email: string; grants: GrantColumns[] },
  canWrite = true,
): Principal {
  return {
    id: owner.user_id,
    label: owner.name,
    kind: 'user',
    userId: owner.user_id,
    email: owner.email,
    grants: owner.grants.map(toGrant),
    canWrite,
  };
}

function toGrant(row: GrantColumns): RoleGrant {
  return {
    role: row.role as Role,
    localityId: row.locality_id,
    region: row.region,
    partnershipId: row.partnership_id,
    organisationId: row.organisation_id,
  };
}

/**
 * Accounts: sign-in and sessions, password reset, invitations, roles and API tokens. Session
 * and token secrets are random and only their SHA-256 is stored, so a copy of the database
 * does not let anyone sign in.
 */
export class AccountsService {
  readonly repository = new AccountsRepository();

  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly register: RegisterService,
    readonly mailer: Mailer,
    private readonly publicUrl: string,
  ) {}

  /**
   * Who started a background job, as they are now: a user with their current roles (none if
   * the account was deactivated), or the system and its commands.
   */
  async principalForOwner(ownerId: string): Promise<Principal | undefined> {
    if (ownerId === SYSTEM.id) return SYSTEM;
    if (ownerId.startsWith('cli:')) return cliActor(ownerId.slice(4));
    const user = /^[0-9a-f-]{36}$/i.test(ownerId) ? await this.repository.userById(this.db, ownerId) : undefined;
    return user?.active ? this.principalFor(user) : undefined;
  }

  async principalFor(user: UserRow, canWrite = true): Promise<Principal> {
    const grants = (await this.repository.grants(this.db, user.id)).map(toGrant);
    return { id: user.id, label: user.name, kind: 'user', userId: user.id, email: user.email, grants, canWrite };
  }

  // --- sign-in and sessions ---------------------------------------------------------------

  async signIn(input: unknown, address: string): Promise<{ token: string; principal: Principal }> {
    const { email, password } = parseInput(signInInput, input);
    const since = new Date(Date.now() - LOCKOUT_WINDOW);
    if (
      (await this.repository.recentFailures(this.db, email, since)) >= MAX_FAILURES_PER_ACCOUNT ||
      (await this.repository.recentAttemptsFrom(this.db, address, since)) >= MAX_FAILURES_PER_ADDRESS
    ) {
      throw new TooManyAttemptsError();
    }
    const user = await this.repository.userByEmail(this.db, email);
    const ok = (await verifyPassword(password, user?.password_hash ?? null)) && user?.active === true;
    await this.db.transaction().execute(async (trx) => {
      await this.repository.recordAttempt(trx, email, address, ok);
      const actor = user ? { id: user.id, label: user.name } : { id: 'unknown', label: 'Unknown person' };
      await this.audit.record(trx, actor, {
        localityId: null,
        action: ok ? 'sign-in' : 'sign-in-failed',
        entityType: 'user',
        entityId: user?.id ?? 'unknown',
        summary: ok
          ? `${user?.name} signed in`
          : user
            ? `Failed sign-in for ${user.name}`
            : 'Failed sign-in for an email address with no account',
      });
    });
    if (!ok || !user) throw new ValidationError([{ field: 'email', message: SIGN_IN_FAILED }]);
    const token = newToken();
    await this.repository.insertSession(this.db, hashToken(token), user.id, new Date(Date.now() + SESSION_IDLE));
    await this.repository.touchSignIn(this.db, user.id);
    return { token, principal: await this.principalFor(user) };
  }

  /** The signed-in person for a session cookie, or undefined if it expired or was revoked. */
  /**
   * Where someone lands after signing in when no page asked them to: the register of their
   * locality when every role they hold is in one locality; otherwise (regional, national and
   * system roles, or several localities) the list of localities.
   */
  async landingFor(principal: Principal): Promise<string> {
    const scoped = principal.grants.every((g) => g.localityId !== null);
    const ids = new Set(principal.grants.map((g) => g.localityId));
    if (!scoped || ids.size !== 1) return '/';
    const locality = (await this.register.listLocalities()).find((l) => ids.has(l.id));
    return locality ? `/localities/${locality.gss_code}/partnerships` : '/';
  }

  async principalForSession(token: string | undefined): Promise<Principal | undefined> {
    if (!token) return undefined;
    const tokenHash = hashToken(token);
    const session = await this.repository.session(this.db, tokenHash);
    const now = Date.now();
    if (!session || session.revoked_at || !session.active || new Date(session.expires_at).getTime() <= now)
      return undefined;
    const hardLimit = new Date(session.created_at).getTime() + SESSION_MAX;
    if (hardLimit <= now) return undefined;
    // Slide the idle timeout, but only write when half of it has gone, not on every request.
    if (new Date(session.expires_at).getTime() - now < SESSION_IDLE / 2) {
      await this.repository.extendSession(this.db, tokenHash, new Date(Math.min(now + SESSION_IDLE, hardLimit)));
    }
    return principalOf(session);
  }

  async signOut(principal: Principal, token: string | undefined): Promise<void> {
    if (!token) return;
    await this.db.transaction().execute(async (trx) => {
      await this.repository.revokeSession(trx, hashToken(token));
      if (principal.userId) {
        await this.audit.record(trx, principal, {
          localityId: null,
          action: 'sign-out',
          entityType: 'user',
          entityId: principal.userId,
          summary: `${principal.label} signed out`,
        });
      }
    });
  }

  async principalForApiToken(token: string): Promise<Principal | undefined> {
    const found = await this.repository.apiTokenByHash(this.db, hashToken(token));
    if (!found || found.revoked_at || !found.active) return undefined;
    // "Last used" to the minute is enough to tell a live token from a forgotten one; writing
    // it on every call made each API read a write too.
    if (!found.last_used_at || Date.now() - new Date(found.last_used_at).getTime() > TOKEN_TOUCH_INTERVAL)
      await this.repository.touchApiToken(this.db, found.id);
    return principalOf(found, found.scope === 'write');
  }

  // --- password reset and invitations ------------------------------------------------------

  /** Always answers the same way, whether or not the address has an account. */
  async requestPasswordReset(input: unknown): Promise<void> {
    const { email } = parseInput(forgotPasswordInput, input);
    const user = await this.repository.userByEmail(this.db, email);
    if (!user || !user.active) return;
    const token = newToken();
    await this.repository.insertOneTimeToken(
      this.db,
      hashToken(token),
      user.id,
      'reset',
      new Date(Date.now() + RESET_LIFETIME),
    );
    await this.mailer.send(
      composeEmail({
        to: user.email,
        subject: 'Reset your Joined Up password',
        name: user.name,
        paragraphs: ['Use this link within 1 hour to choose a new password.'],
        action: { label: 'Choose a new password', url: `${this.publicUrl}/reset-password/${token}` },
        afterAction: [
          'The link works once. If you did not ask for this, you can ignore this email: your password has not changed.',
        ],
      }),
    );
  }

  async checkOneTimeToken(token: string): Promise<{ purpose: 'reset' | 'invite'; user: UserRow }> {
    const row = await this.repository.oneTimeToken(this.db, hashToken(token));
    const user = row ? await this.repository.userById(this.db, row.user_id) : undefined;
    if (!row || !user || row.used_at || new Date(row.expires_at).getTime() <= Date.now()) {
      throw new NotFoundError('Link');
    }
    return { purpose: row.purpose, user };
  }

  async resetPassword(token: string, input: unknown): Promise<UserRow> {
    const { password } = parseInput(resetPasswordInput, input);
    const { user } = await this.checkOneTimeToken(token);
    const passwordHash = await hashPassword(password);
    return this.db.transaction().execute(async (trx) => {
      if (!(await this.repository.useOneTimeToken(trx, hashToken(token)))) throw new NotFoundError('Link');
      await this.repository.setPassword(trx, user.id, passwordHash);
      await this.repository.revokeSessionsOf(trx, user.id);
      await this.audit.record(
        trx,
        { id: user.id, label: user.name },
        {
          localityId: null,
          action: 'password-reset',
          entityType: 'user',
          entityId: user.id,
          summary: `${user.name} set a new password`,
        },
      );
      return user;
    });
  }

  /** A locality administrator invites someone with a role in that locality. */
  async invite(principal: Principal, gssCode: string, input: unknown): Promise<UserRow> {
    const locality = await this.register.locality(gssCode);
    requireLocalityAdmin(principal, locality, 'Locality');
    const data = parseInput(inviteInput, input);
    await this.checkGrantTargets(locality, data);
    const { user, token } = await this.db.transaction().execute(async (trx) => {
      const existing = await this.repository.userByEmail(trx, data.email);
      const user =
        existing ??
        (await this.repository.insertUser(trx, { email: data.email, name: data.name, password_hash: null }));
      const held = await this.repository.grants(trx, user.id);
      if (
        held.some(
          (g) =>
            g.role === data.role &&
            g.locality_id === locality.id &&
            g.partnership_id === (data.partnershipId ?? null) &&
            g.organisation_id === (data.organisationId ?? null),
        )
      ) {
        throw ValidationError.of('role', `${user.name} already has this role here`);
      }
      await this.grantIn(trx, principal, user, locality, {
        role: data.role,
        partnershipId: data.partnershipId ?? null,
        organisationId: data.organisationId ?? null,
        region: null,
      });
      let token: string | undefined;
      if (!existing || !existing.password_hash) {
        token = newToken();
        await this.repository.insertOneTimeToken(
          trx,
          hashToken(token),
          user.id,
          'invite',
          new Date(Date.now() + INVITE_LIFETIME),
        );
      }
      return { user, token };
    });
    const role = ROLE_NAMES[data.role];
    await this.mailer.send(
      composeEmail({
        to: user.email,
        subject: `You have been given access to ${locality.name} on Joined Up`,
        name: user.name,
        ...(token
          ? {
              paragraphs: [`${principal.label} has invited you to Joined Up as ${role} for ${locality.name}.`],
              action: { label: 'Choose your password', url: `${this.publicUrl}/reset-password/${token}` },
              afterAction: ['The link works once, within 7 days.'],
            }
          : {
              paragraphs: [`${principal.label} has given you the role ${role} for ${locality.name}.`],
              action: { label: 'Sign in to use it', url: `${this.publicUrl}/sign-in` },
            }),
      }),
    );
    return user;
  }

  private async checkGrantTargets(
    locality: Locality,
    data: { role: Role; partnershipId?: string; organisationId?: string },
  ): Promise<void> {
    if (data.role === 'partnership-secretary' || data.role === 'partnership-chair') {
      if (!data.partnershipId)
        throw ValidationError.of(
          'partnershipId',
          data.role === 'partnership-chair'
            ? 'Choose the partnership they chair'
            : 'Choose the partnership they administer',
        );
      if (!(await this.register.partnerships.get(this.db, locality.id, data.partnershipId)))
        throw ValidationError.of('partnershipId', 'Choose a partnership from this locality');
    }
    if (data.role === 'partner-representative' || data.role === 'local-stakeholder') {
      if (!data.organisationId) throw ValidationError.of('organisationId', 'Choose the organisation they represent');
      if (!(await this.register.organisations.get(this.db, locality.id, data.organisationId)))
        throw ValidationError.of('organisationId', 'Choose an organisation from this locality');
    }
  }

  private async grantIn(
    trx: Db,
    principal: Principal,
    user: UserRow,
    locality: Locality | null,
    grant: Omit<RoleGrant, 'localityId'>,
  ): Promise<void> {
    await this.repository.grant(trx, {
      user_id: user.id,
      role: grant.role,
      locality_id: locality?.id ?? null,
      region: grant.region,
      partnership_id: grant.partnershipId,
      organisation_id: grant.organisationId,
    });
    await this.repository.revokeSessionsOf(trx, user.id);
    await this.audit.record(trx, principal, {
      localityId: locality?.id ?? null,
      action: 'grant-role',
      entityType: 'user',
      entityId: user.id,
      summary: `Gave ${user.name} the role ${ROLE_NAMES[grant.role]}${locality ? ` in ${locality.name}` : grant.region ? ` for ${grant.region}` : ''}`,
      after: {
        role: grant.role,
        locality: locality?.gss_code ?? null,
        region: grant.region,
        partnershipId: grant.partnershipId,
        organisationId: grant.organisationId,
      },
    });
  }

  async revokeRole(principal: Principal, gssCode: string, grantId: string): Promise<void> {
    const locality = await this.register.locality(gssCode);
    requireLocalityAdmin(principal, locality, 'Locality');
    await this.db.transaction().execute(async (trx) => {
      const grant = await this.repository.grantById(trx, grantId);
      if (!grant || grant.locality_id !== locality.id) throw new NotFoundError('Role');
      const user = await this.repository.userById(trx, grant.user_id);
      if (!user) throw new NotFoundError('User');
      await this.repository.revokeGrant(trx, grantId);
      await this.repository.revokeSessionsOf(trx, user.id);
      await this.audit.record(trx, principal, {
        localityId: locality.id,
        action: 'revoke-role',
        entityType: 'user',
        entityId: user.id,
        summary: `Removed the role ${ROLE_NAMES[grant.role as Role]} from ${user.name} in ${locality.name}`,
        before: { role: grant.role, partnershipId: grant.partnership_id, organisationId: grant.organisation_id },
      });
    });
  }

  /** Removes every role someone holds in the locality; with none left anywhere, the account is deactivated. */
  async deactivateInLocality(principal: Principal, gssCode: string, userId: string): Promise<void> {
    const locality = await this.register.locality(gssCode);
    requireLocalityAdmin(principal, locality, 'Locality');
    if (principal.userId === userId)
      throw new ForbiddenError('You cannot remove your own access; ask another administrator');
    await this.db.transaction().execute(async (trx) => {
      const user = await this.repository.userById(trx, userId);
      const grants = user ? await this.repository.grants(trx, userId) : [];
      const here = grants.filter((g) => g.locality_id === locality.id);
      if (!user || here.length === 0) throw new NotFoundError('User');
      for (const g of here) await this.repository.revokeGrant(trx, g.id);
      const deactivated = here.length === grants.length;
      if (deactivated) await this.repository.setActive(trx, userId, false);
      await this.repository.revokeSessionsOf(trx, userId);
      await this.audit.record(trx, principal, {
        localityId: locality.id,
        action: 'deactivate',
        entityType: 'user',
        entityId: userId,
        summary: `Removed ${user.name}'s access to ${locality.name}${deactivated ? ' and deactivated the account' : ''}`,
        before: { roles: here.map((g) => g.role) },
      });
    });
  }

  async usersOfLocality(principal: Principal, gssCode: string) {
    const locality = await this.register.locality(gssCode);
    requireLocalityAdmin(principal, locality, 'Locality');
    return { locality, users: await this.repository.usersOfLocality(this.db, locality.id) };
  }

  /**
   * Creates an account from the command line or the demo seed (the system acting). Returns a
   * link to choose a password when none was given.
   */
  async createUser(
    principal: Principal,
    input: unknown,
    grants: Array<Omit<RoleGrant, 'localityId'> & { localityCode?: string }>,
  ): Promise<{ user: UserRow; setPasswordLink?: string }> {
    if (!isSystem(principal)) refuse(principal, undefined, 'User');
    const data = parseInput(newUserInput, input);
    const passwordHash = data.password ? await hashPassword(data.password) : null;
    return this.db.transaction().execute(async (trx) => {
      if (await this.repository.userByEmail(trx, data.email))
        throw ValidationError.of('email', `An account for ${data.email} already exists`);
      const user = await this.repository.insertUser(trx, {
        email: data.email,
        name: data.name,
        password_hash: passwordHash,
      });
      for (const grant of grants) {
        const locality = grant.localityCode ? await this.register.locality(grant.localityCode, trx) : null;
        await this.grantIn(trx, principal, user, locality, grant);
      }
      if (passwordHash) return { user };
      const token = newToken();
      await this.repository.insertOneTimeToken(
        trx,
        hashToken(token),
        user.id,
        'invite',
        new Date(Date.now() + INVITE_LIFETIME),
      );
      return { user, setPasswordLink: `${this.publicUrl}/reset-password/${token}` };
    });
  }

  // --- API tokens -------------------------------------------------------------------------

  async createApiToken(principal: Principal, input: unknown): Promise<{ token: string; id: string }> {
    if (principal.kind !== 'user' || !principal.userId || !principal.canWrite) refuse(principal, undefined, 'Token');
    const data = parseInput(apiTokenInput, input);
    const token = newToken('ju_');
    const userId = principal.userId;
    const row = await this.db.transaction().execute(async (trx) => {
      const created = await this.repository.insertApiToken(trx, {
        user_id: userId,
        name: data.name,
        token_hash: hashToken(token),
        scope: data.scope,
      });
      await this.audit.record(trx, principal, {
        localityId: null,
        action: 'create-token',
        entityType: 'api-token',
        entityId: created.id,
        summary: `${principal.label} created the API token “${data.name}” (${data.scope === 'write' ? 'read and write' : 'read only'})`,
      });
      return created;
    });
    return { token, id: row.id };
  }

  apiTokens(principal: Principal) {
    if (principal.kind !== 'user' || !principal.userId) refuse(principal, undefined, 'Token');
    return this.repository.apiTokensOf(this.db, principal.userId);
  }

  async revokeApiToken(principal: Principal, id: string): Promise<void> {
    if (principal.kind !== 'user' || !principal.userId || !principal.canWrite) refuse(principal, undefined, 'Token');
    const userId = principal.userId;
    await this.db.transaction().execute(async (trx) => {
      if (!(await this.repository.revokeApiToken(trx, id, userId))) throw new NotFoundError('Token');
      await this.audit.record(trx, principal, {
        localityId: null,
        action: 'revoke-token',
        entityType: 'api-token',
        entityId: id,
        summary: `${principal.label} revoked an API token`,
      });
    });
  }
}

export { PUBLIC };
