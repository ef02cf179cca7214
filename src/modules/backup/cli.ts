import fs from 'node:fs/promises';
import type { Command } from 'commander';
import { loadConfig } from '../../config.js';
import { openConfiguredDatabase } from '../../main.js';
import { progressReporter } from '../exchange/progress.js';
import { backupDatabase, holdsData, restoreDatabase } from './backup.js';

/** `joinedup backup FILE` and `joinedup restore FILE`: a logical copy that works on PGlite and PostgreSQL. */
export function backupCommands(program: Command): void {
  program
    .command('backup')
    .description('write every row of the database to FILE (gzip-compressed JSON lines), from one consistent snapshot')
    .argument('<file>', 'where to write the backup, e.g. joinedup-2025-03-31.jsonl.gz')
    .action(async (file: string) => {
      const database = await openConfiguredDatabase(loadConfig());
      const progress = progressReporter('Backing up rows');
      try {
        const summary = await backupDatabase(database, file, (done, total) => progress.update(done, total));
        progress.stop();
        const total = Object.values(summary.rows).reduce((a, b) => a + b, 0);
        console.log(
          `Wrote ${file}: ${total} rows from ${database.kind} (${database.location}), migration ${summary.migration}. It holds password and token hashes: keep it as safe as the database.`,
        );
      } finally {
        progress.stop();
        await database.close();
      }
    });

  program
    .command('restore')
    .description(
      'replace ALL data in the database with a backup, in one transaction (the backup must come from the same migration)',
    )
    .argument('<file>', 'a backup written by `joinedup backup`')
    .option('--force', 'replace the data even though the database already holds some')
    .action(async (file: string, options: { force?: boolean }) => {
      await fs.access(file).catch(() => {
        throw new Error(`There is no file ${file}`);
      });
      const database = await openConfiguredDatabase(loadConfig());
      const progress = progressReporter('Restoring rows');
      try {
        if (!options.force && (await holdsData(database.db))) {
          throw new Error(
            `The database (${database.kind}: ${database.location}) already holds data. Restoring replaces all of it: run again with --force to go ahead.`,
          );
        }
        const summary = await restoreDatabase(database, file, {
          onProgress: (done, total) => progress.update(done, total),
        });
        progress.stop();
        const total = Object.values(summary.rows).reduce((a, b) => a + b, 0);
        console.log(`Restored ${total} rows from ${file} into ${database.kind} (${database.location}).`);
      } finally {
        progress.stop();
        await database.close();
      }
    });
}
