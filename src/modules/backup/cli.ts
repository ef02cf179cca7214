import type { Command } from 'commander';

// The commands only: each action imports its work (cli-actions.ts) when it runs.

/** `joinedup backup FILE` and `joinedup restore FILE`: a logical copy that works on PGlite and PostgreSQL. */
export function backupCommands(program: Command): void {
  program
    .command('backup')
    .description('write every row of the database to FILE (gzip-compressed JSON lines), from one consistent snapshot')
    .argument('<file>', 'where to write the backup, e.g. joinedup-2025-03-31.jsonl.gz')
    .action(async (file: string) => (await import('./cli-actions.js')).backupTo(file));

  program
    .command('restore')
    .description(
      'replace ALL data in the database with a backup, in one transaction (the backup must come from the same migration)',
    )
    .argument('<file>', 'a backup written by `joinedup backup`')
    .option('--force', 'replace the data even though the database already holds some')
    .action(async (file: string, options: { force?: boolean }) =>
      (await import('./cli-actions.js')).restoreFrom(file, options),
    );
}
