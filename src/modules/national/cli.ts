import type { Command } from 'commander';
import { MAX_LOCALITIES } from './plan.js';

// The command only: its action imports its work (cli-actions.ts) when it runs.

/** `joinedup generate`: synthetic national data for benchmarks and demonstrations. */
export function nationalCommands(program: Command): void {
  program
    .command('generate')
    .description(
      `write a synthetic national register (fictional localities E06998001–E09998${String(MAX_LOCALITIES)}, flagged as demo) to the configured database, all or nothing, with the planted near-duplicates written to a ground-truth file`,
    )
    .option('--partnerships <n>', 'partnerships in all', '50000')
    .option('--organisations <n>', 'distinct organisations in all', '20000')
    .option('--localities <n>', `localities (1–${MAX_LOCALITIES})`, '350')
    .option('--seed <n>', 'the same seed gives the same register', '1')
    .option(
      '--boilerplate-share <share>',
      'share of each locality’s other partnerships given one boilerplate purpose (0.7 gives the stress set of about 100 a locality)',
      '0',
    )
    .option(
      '--ground-truth <file>',
      'where to write the planted near-duplicates and hard negatives as JSON (default: next to the data folder, <data folder>-ground-truth.json; on PostgreSQL joinedup-<database>-ground-truth.json in the current folder)',
    )
    .option(
      '--truth <file>',
      'where to write the same truth in the benchmark registers’ format, by GSS/reference (default: <data folder>-truth.json; on PostgreSQL joinedup-<database>-truth.json)',
    )
    .action(async (raw: unknown) => (await import('./cli-actions.js')).generate(raw));
}
