import fs from 'node:fs/promises';
import { loadConfig } from '../../config.js';
import { openConfiguredDatabase } from '../../main.js';
import { progressReporter } from '../exchange/progress.js';
import { backupDatabase, holdsData, restoreDatabase } from './backup.js';

export async function backupTo(file: string): Promise<void> {
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
}

export async function restoreFrom(file: string, options: { force?: boolean }): Promise<void> {
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
}
