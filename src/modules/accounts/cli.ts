import type { Command } from 'commander';
import { ROLES } from '../../core/actor.js';
import type { AddUserOptions } from './cli-actions.js';

// The commands only: each action imports its work (cli-actions.ts) when it runs.

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
    .action(async (options: AddUserOptions) => (await import('./cli-actions.js')).addUser(options));

  program
    .command('audit')
    .description('check the audit trail')
    .command('verify')
    .description('recompute the hash chain of the audit trail and report the first broken link')
    .action(async () => (await import('./cli-actions.js')).verifyAudit());
}
