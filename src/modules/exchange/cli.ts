import type { Command } from 'commander';
import { backupCommands } from '../backup/cli.js';
import { LOCALITY_KINDS } from '../register/kinds.js';
import { KINDS } from './columns.js';

// Only the commands are declared here, so `joinedup --help` loads no database, service or zod:
// each action imports its work (cli-actions.ts) when it runs.

/** import, export, backup and restore: the operator's way in and out of the register. */
export function exchangeCommands(program: Command): void {
  program
    .command('import')
    .description(
      `import a register, all or nothing across every file: CSV files and/or .xlsx workbooks, in our layout (CSV files named after their kind: ${KINDS.map((k) => `${k}.csv`).join(', ')}) or in any layout with --mapping`,
    )
    .argument('<files...>', 'the files to import')
    .option(
      '--locality <code>',
      'GSS code of the locality to import into; without it, files named like E07000001-partnerships.csv are grouped by their code and each locality is imported in turn',
    )
    .option(
      '--mapping <file>',
      'a mapping of the files’ own layout to ours (JSON, as saved or downloaded from the import pages)',
    )
    .option('--preview', 'check everything and say what would be created and changed, then write nothing')
    .option('--create-locality <name>', 'create the locality first (in the same transaction), with this name')
    .option('--kind <kind>', `kind of authority, with --create-locality: ${LOCALITY_KINDS.join(', ')}`, 'district')
    .option('--region <region>', 'region, with --create-locality, e.g. "East Midlands"')
    .action(async (files: string[], raw: unknown) => (await import('./cli-actions.js')).importRegister(files, raw));

  program
    .command('suggest-mapping')
    .description(
      'write a first mapping of some files’ own layout to ours (JSON), to check and edit before `import --mapping`',
    )
    .argument('<files...>', 'the files, as they will be imported')
    .option('--out <file>', 'where to write it (default: the standard output)')
    .action(async (files: string[], raw: { out?: string }) =>
      (await import('./cli-actions.js')).suggestMapping(files, raw),
    );

  program
    .command('export')
    .description('export a locality’s whole register in the import layout: one .xlsx workbook, or three CSV files')
    .requiredOption('--locality <code>', 'GSS code of the locality')
    .option('--format <format>', 'csv or xlsx', 'xlsx')
    .option('--out <path>', 'a folder (made if missing), or for xlsx a file name ending .xlsx', '.')
    .action(async (raw: unknown) => (await import('./cli-actions.js')).exportRegister(raw));

  backupCommands(program);
}
