import type { Command } from 'commander';
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

/** `joinedup user add` and `joinedup audit verify`. */
export function accountCommands(program: Command): void {
  const user = program.command('user').description('manage accounts');
  user
    .command('add')
    .description('create an account; --admin makes a system administrator (the first account)')
    .requiredOption('--email <email>', 'their email address')
    .requiredOption('--name <name>', 'their name')
    .option('--admin', 'make them a system administrator')
    .option('--role <role>', `a role: ${ROLES.join(', ')}`)
    .option('--locality <code>', 'the GSS code of the locality the role is held in')
    .option('--region <region>', 'for a Government Office adviser, the region')
    .option(
      '--password-env <variable>',
      'take the password from this environment variable (otherwise a set-password link is printed)',
    )
    .action(
      async (options: {
        email: string;
        name: string;
        admin?: boolean;
        role?: string;
        locality?: string;
        region?: string;
        passwordEnv?: string;
      }) => {
        const role = (options.admin ? 'system-admin' : options.role) as Role | undefined;
        if (role && !ROLES.includes(role)) throw new Error(`Unknown role ${role}: use one of ${ROLES.join(', ')}`);
        const password = options.passwordEnv ? process.env[options.passwordEnv] : undefined;
        if (options.passwordEnv && !password)
          throw new Error(`The environment variable ${options.passwordEnv} is empty`);
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
      },
    );

  program
    .command('audit')
    .description('check the audit trail')
    .command('verify')
    .description('recompute the hash chain of the audit trail and report the first broken link')
    .action(async () => {
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
    });
}
