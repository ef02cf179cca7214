import fs from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { type Services, createServices } from '../../services.js';
import { loadConfig } from '../../config.js';
import { cliActor } from '../../core/actor.js';
import { NotFoundError, ValidationError } from '../../core/errors.js';
import { parseInput } from '../../core/validation.js';
import { openConfiguredDatabase } from '../../main.js';
import { backupCommands } from '../backup/cli.js';
import { LOCALITY_KINDS } from '../register/schema.js';
import { KINDS } from './columns.js';
import { ImportRejected, describeCounts, describeIssue } from './issues.js';
import { progressReporter } from './progress.js';
import type { ImportFile } from './service.js';

const importOptions = z
  .object({
    locality: z.string({ error: 'Give the locality: --locality E07999001' }).trim().toUpperCase().min(1),
    createLocality: z.string().trim().min(1).optional(),
    kind: z.enum(LOCALITY_KINDS, { error: `--kind must be one of ${LOCALITY_KINDS.join(', ')}` }).default('district'),
    region: z.string().trim().min(1).optional(),
  })
  .refine((o) => !o.createLocality || o.region, {
    message: '--create-locality needs --region, e.g. --region "East Midlands"',
    path: ['region'],
  });

const exportOptions = z.object({
  locality: z.string({ error: 'Give the locality: --locality E07999001' }).trim().toUpperCase().min(1),
  format: z.enum(['csv', 'xlsx'], { error: '--format must be csv or xlsx' }).default('xlsx'),
  out: z.string().min(1).default('.'),
});

/** import, export, backup and restore: the operator's way in and out of the register. */
export function exchangeCommands(program: Command): void {
  program
    .command('import')
    .description(
      `import a register, all or nothing: CSV files named after their kind (${KINDS.map((k) => `${k}.csv`).join(', ')}) and/or one .xlsx workbook`,
    )
    .argument('<files...>', 'the files to import')
    .requiredOption('--locality <code>', 'GSS code of the locality to import into')
    .option('--create-locality <name>', 'create the locality first (in the same transaction), with this name')
    .option('--kind <kind>', `kind of authority, with --create-locality: ${LOCALITY_KINDS.join(', ')}`, 'district')
    .option('--region <region>', 'region, with --create-locality, e.g. "East Midlands"')
    .action(async (files: string[], raw: unknown) => {
      const options = parseCliOptions(importOptions, raw);
      const inputs = await Promise.all(files.map(readInputFile));
      await withServices(async (services) => {
        // Codes are checked against the reference lists, so a new database needs them first.
        await services.reference.ensureSeeded();
        const progress = progressReporter('Importing rows');
        try {
          const result = await services.exchange.importFiles(cliActor('import'), options.locality, inputs, {
            createLocality: options.createLocality
              ? { name: options.createLocality, kind: options.kind, region: options.region ?? '' }
              : undefined,
            onProgress: (done, total) => progress.update(done, total),
          });
          progress.stop();
          console.log(
            `Imported ${describeCounts(result.counts)} into ${result.locality.name} (${result.locality.gss_code}).`,
          );
        } catch (error) {
          progress.stop();
          if (error instanceof NotFoundError && error.what === 'Locality') {
            throw new Error(
              `There is no locality ${options.locality}: create it with --create-locality "Name" --region "Region"`,
              { cause: error },
            );
          }
          if (!(error instanceof ImportRejected)) throw error;
          for (const issue of error.issues) console.error(describeIssue(issue));
          throw new Error(
            `Nothing was imported: ${error.issues.length} problem${error.issues.length === 1 ? '' : 's'}, listed above.`,
            { cause: error },
          );
        }
      });
    });

  program
    .command('export')
    .description('export a locality’s whole register in the import layout: one .xlsx workbook, or three CSV files')
    .requiredOption('--locality <code>', 'GSS code of the locality')
    .option('--format <format>', 'csv or xlsx', 'xlsx')
    .option('--out <path>', 'a folder (made if missing), or for xlsx a file name ending .xlsx', '.')
    .action(async (raw: unknown) => {
      const options = parseCliOptions(exportOptions, raw);
      await withServices(async ({ exchange }) => {
        const actor = cliActor('export');
        if (options.format === 'xlsx') {
          const { locality, xlsx } = await exchange.exportWorkbook(actor, options.locality);
          const file = options.out.toLowerCase().endsWith('.xlsx')
            ? options.out
            : path.join(options.out, `${locality.gss_code}-register.xlsx`);
          await fs.mkdir(path.dirname(path.resolve(file)), { recursive: true });
          await fs.writeFile(file, xlsx);
          console.log(`Wrote ${file}`);
          return;
        }
        await fs.mkdir(options.out, { recursive: true });
        for (const kind of KINDS) {
          const { locality, csv } = await exchange.exportCsv(actor, options.locality, kind);
          const file = path.join(options.out, `${locality.gss_code}-${kind}.csv`);
          await fs.writeFile(file, csv);
          console.log(`Wrote ${file}`);
        }
      });
    });

  backupCommands(program);
}

/** Opens the configured database for one command and always closes it, so PGlite's lock is freed. */
export async function withServices<T>(work: (services: Services) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openConfiguredDatabase(config);
  try {
    return await work(createServices(database, config));
  } finally {
    await database.close();
  }
}

function parseCliOptions<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  try {
    return parseInput(schema, raw);
  } catch (error) {
    if (error instanceof ValidationError)
      throw new Error(error.errors.map((e) => e.message).join('; '), { cause: error });
    throw error;
  }
}

async function readInputFile(file: string): Promise<ImportFile> {
  try {
    return { name: path.basename(file), content: await fs.readFile(file) };
  } catch (error) {
    throw new Error(
      `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such file' : (error as Error).message}`,
      { cause: error },
    );
  }
}
