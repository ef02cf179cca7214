import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { type Services, createServices } from '../../services.js';
import { loadConfig } from '../../config.js';
import { cliActor } from '../../core/actor.js';
import { NotFoundError, ValidationError } from '../../core/errors.js';
import { parseInput } from '../../core/validation.js';
import { refreshStatistics } from '../../db/database.js';
import { openConfiguredDatabase } from '../../main.js';
import { LOCALITY_KINDS } from '../register/schema.js';
import { KINDS } from './columns.js';
import { ImportRejected, describeCounts, describeIssue } from './issues.js';
import { type Mapping, parseMapping } from './mapping.js';
import { progressReporter } from './progress.js';
import type { ImportFile } from './service.js';

const importOptions = z
  .object({
    locality: z.string().trim().toUpperCase().min(1).optional(),
    createLocality: z.string().trim().min(1).optional(),
    mapping: z.string().trim().min(1).optional(),
    preview: z.boolean().default(false),
    kind: z.enum(LOCALITY_KINDS, { error: `--kind must be one of ${LOCALITY_KINDS.join(', ')}` }).default('district'),
    region: z.string().trim().min(1).optional(),
  })
  .refine((o) => !o.createLocality || o.region, {
    message: '--create-locality needs --region, e.g. --region "East Midlands"',
    path: ['region'],
  })
  .refine((o) => !o.createLocality || o.locality, {
    message: '--create-locality needs --locality, the new locality’s GSS code',
    path: ['locality'],
  });

/** Files named after a locality's GSS code (as `joinedup export` names them), grouped by it. */
const LOCALITY_PREFIX = /^([EWSN]\d{8})[-_ ]/i;

const exportOptions = z.object({
  locality: z.string({ error: 'Give the locality: --locality E07999001' }).trim().toUpperCase().min(1),
  format: z.enum(['csv', 'xlsx'], { error: '--format must be csv or xlsx' }).default('xlsx'),
  out: z.string().min(1).default('.'),
});

/** `joinedup import`: one locality at a time, all or nothing across its files. */
export async function importRegister(files: string[], raw: unknown): Promise<void> {
  const options = parseCliOptions(importOptions, raw);
  const mapping = options.mapping ? await readMappingFile(options.mapping) : undefined;
  const groups = groupByLocality(files, options.locality);
  const started = Date.now();
  await withServices(async (services) => {
    // Codes are checked against the reference lists, so a new database needs them first.
    await services.reference.ensureSeeded();
    let failed = 0;
    for (const [code, paths] of groups) {
      const inputs = await Promise.all(paths.map(readInputFile));
      const ok = await importOne(services, code, inputs, {
        mapping,
        preview: options.preview,
        createLocality: options.createLocality
          ? { name: options.createLocality, kind: options.kind, region: options.region ?? '' }
          : undefined,
        label: groups.size > 1 ? `${code}: ` : '',
      });
      if (!ok) failed++;
    }
    // Each locality is small, the whole run is not: the planner should know (see refreshStatistics).
    if (groups.size > 1 && !options.preview && failed < groups.size) await refreshStatistics(services.exchange.db);
    if (groups.size > 1)
      console.log(
        `${groups.size - failed} of ${groups.size} localities ${options.preview ? 'checked' : 'imported'} in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
      );
    if (failed)
      throw new Error(
        `Nothing was imported into ${failed === 1 ? 'one locality' : `${failed} localities`}: the problems are listed above.`,
      );
  });
}

/** `joinedup suggest-mapping`: a first mapping of some files’ own layout, to check and edit. */
export async function suggestMapping(files: string[], raw: { out?: string }): Promise<void> {
  const inputs = await Promise.all(files.map(readInputFile));
  await withServices(async ({ exchange, reference }) => {
    await reference.ensureSeeded();
    try {
      const { mapping } = await exchange.suggestMapping(inputs);
      const text = `${JSON.stringify(mapping, null, 2)}\n`;
      if (raw.out) {
        await fs.writeFile(raw.out, text);
        console.log(`Wrote ${raw.out}: check each column and value, then import with --mapping ${raw.out}`);
      } else process.stdout.write(text);
    } catch (error) {
      if (!(error instanceof ImportRejected)) throw error;
      for (const issue of error.issues) console.error(describeIssue(issue));
      throw new Error('The files could not be read: the problems are listed above.', { cause: error });
    }
  });
}

/** `joinedup export`: a locality’s register as one workbook or three CSV files. */
export async function exportRegister(raw: unknown): Promise<void> {
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

/** The locality each file goes to: the one given, or each file's own GSS code prefix. */
function groupByLocality(files: string[], locality: string | undefined): Map<string, string[]> {
  if (locality) return new Map([[locality, files]]);
  const groups = new Map<string, string[]>();
  for (const file of files) {
    const code = LOCALITY_PREFIX.exec(path.basename(file))?.[1]?.toUpperCase();
    if (!code)
      throw new Error(
        `Give the locality (--locality E07999001), or name each file after its locality’s code, like E07999001-partnerships.csv: ${file} is not`,
      );
    groups.set(code, [...(groups.get(code) ?? []), file]);
  }
  return groups;
}

/** Imports (or checks) one locality's set with a progress bar; reports the outcome; false when refused. */
async function importOne(
  services: Services,
  code: string,
  inputs: ImportFile[],
  options: {
    mapping?: Mapping;
    preview: boolean;
    createLocality?: { name: string; kind: string; region: string };
    label: string;
  },
): Promise<boolean> {
  const progress = progressReporter(`${options.label}${options.preview ? 'Checking' : 'Importing'} rows`);
  try {
    const result = await services.exchange.importFiles(cliActor('import'), code, inputs, {
      mapping: options.mapping,
      preview: options.preview,
      createLocality: options.createLocality,
      onProgress: (done, total) => progress.update(done, total),
    });
    progress.stop();
    const { created, updated, unchanged } = result.summary;
    const where = `${result.locality.name} (${result.locality.gss_code})`;
    console.log(
      `${options.label}${options.preview ? 'Would create' : 'Created'} ${describeCounts(created)}; ${options.preview ? 'would change' : 'changed'} ${describeCounts(updated)}; left ${describeCounts(unchanged)} as they were, in ${where}.${options.preview ? ' Nothing was written.' : ''}`,
    );
    return true;
  } catch (error) {
    progress.stop();
    if (error instanceof NotFoundError && error.what === 'Locality') {
      throw new Error(`There is no locality ${code}: create it with --create-locality "Name" --region "Region"`, {
        cause: error,
      });
    }
    if (!(error instanceof ImportRejected)) throw error;
    for (const issue of error.issues) console.error(`${options.label}${describeIssue(issue)}`);
    console.error(
      `${options.label}Nothing was imported: ${error.issues.length} problem${error.issues.length === 1 ? '' : 's'}, listed above.`,
    );
    return false;
  }
}

async function readMappingFile(file: string): Promise<Mapping> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read the mapping ${file}: ${(error as Error).message}`, { cause: error });
  }
  try {
    return parseMapping(JSON.parse(text));
  } catch (error) {
    if (error instanceof ValidationError)
      throw new Error(`The mapping ${file} is not valid: ${error.errors.map((e) => e.message).join('; ')}`, {
        cause: error,
      });
    throw new Error(`The mapping ${file} is not valid JSON: ${(error as Error).message}`, { cause: error });
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
