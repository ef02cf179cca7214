import { createServices } from '../../services.js';
import { ROLES, type Role, cliActor } from '../../core/actor.js';
import { ValidationError } from '../../core/errors.js';
import { loadConfig } from '../../config.js';
import { openConfiguredDatabase } from '../../main.js';

async function withServices<T>(
  work: (
    services: ReturnType<typeof createServices>,
    db: Awaited<ReturnType<typeof openConfiguredDatabase>>,
  ) => Promise<T>,
): Promise<T> {
  const config = loadConfig();
  const database = await openConfiguredDatabase(config);
  try {
    return await work(createServices(database, config), database);
  } finally {
    await database.close();
  }
}

export interface AddUserOptions {
  email: string;
  name: string;
  admin?: boolean;
  role?: string;
  locality?: string;
  region?: string;
  passwordEnv?: string;
}

export async function addUser(options: AddUserOptions): Promise<void> {
  const role = (options.admin ? 'system-admin' : options.role) as Role | undefined;
  if (role && !ROLES.includes(role)) throw new Error(`Unknown role ${role}: use one of ${ROLES.join(', ')}`);
  const password = options.passwordEnv ? process.env[options.passwordEnv] : undefined;
  if (options.passwordEnv && !password) throw new Error(`The environment variable ${options.passwordEnv} is empty`);
  await withServices(async (services) => {
    try {
      const grants = role
        ? [
            {
              role,
              localityCode: options.locality,
              region: options.region ?? null,
              partnershipId: null,
              organisationId: null,
            },
          ]
        : [];
      const { user: created, setPasswordLink } = await services.accounts.createUser(
        cliActor('user add'),
        { email: options.email, name: options.name, password },
        grants,
      );
      console.log(`Created ${created.name} <${created.email}>${role ? ` as ${role}` : ''}.`);
      if (setPasswordLink) console.log(`They choose a password here (valid 7 days, once): ${setPasswordLink}`);
    } catch (error) {
      if (error instanceof ValidationError)
        throw new Error(error.errors.map((e) => e.message).join('; '), { cause: error });
      throw error;
    }
  });
}

export async function verifyAudit(): Promise<void> {
  await withServices(async (services, database) => {
    const result = await services.audit.verify(
      database.db,
      (checked) => process.stderr.isTTY && process.stderr.write(`\rchecked ${checked} entries`),
    );
    if (process.stderr.isTTY) process.stderr.write('\n');
    if (result.firstBreak) {
      console.error(
        `The audit trail is broken at entry ${result.firstBreak.id} (${result.firstBreak.occurredAt.toISOString()}): ${result.firstBreak.reason}. ${result.checked} entries before it are intact.`,
      );
      process.exitCode = 4;
    } else {
      console.log(`The audit trail is intact: ${result.checked} entries, every link checked.`);
    }
  });
}
