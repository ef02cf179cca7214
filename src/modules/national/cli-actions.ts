import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { createServices } from '../../services.js';
import { loadConfig } from '../../config.js';
import { cliActor } from '../../core/actor.js';
import { ValidationError } from '../../core/errors.js';
import { parseInput } from '../../core/validation.js';
import type { Database } from '../../db/database.js';
import { openConfiguredDatabase } from '../../main.js';
import { progressReporter } from '../exchange/progress.js';
import { MAX_LOCALITIES } from './plan.js';
import { type GenerateResult, NationalService } from './service.js';

const whole = (flag: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${flag} must be a whole number` })
    .int({ message: `${flag} must be a whole number` })
    .min(min, { message: `${flag} must be ${min} or more` })
    .max(max, { message: `${flag} must be ${max.toLocaleString('en-GB')} or fewer` });

const generateOptions = z.object({
  partnerships: whole('--partnerships', 12, 1_000_000),
  organisations: whole('--organisations', 5, 1_000_000),
  localities: whole('--localities', 1, MAX_LOCALITIES),
  seed: whole('--seed', 0, 2 ** 32 - 1),
  boilerplateShare: z.coerce
    .number({ error: '--boilerplate-share must be a number' })
    .min(0, { message: '--boilerplate-share must be from 0 to 0.95' })
    .max(0.95, { message: '--boilerplate-share must be from 0 to 0.95' }),
  groundTruth: z.string().min(1).optional(),
  truth: z.string().min(1).optional(),
});

export async function generate(raw: unknown): Promise<void> {
  const options = parseCliOptions(raw);
  const config = loadConfig();
  const database = await openConfiguredDatabase(config);
  try {
    const file = path.resolve(options.groundTruth ?? defaultGroundTruthFile(database, config.dataDir));
    const truthFile = path.resolve(options.truth ?? defaultGroundTruthFile(database, config.dataDir, 'truth'));
    // Find out now, not after the data is written, that the files cannot be written.
    for (const folder of new Set([path.dirname(file), path.dirname(truthFile)])) {
      await fs.mkdir(folder, { recursive: true });
      await fs.access(folder, fs.constants.W_OK);
    }

    const services = createServices(database, config);
    const national = new NationalService(database.db, services.audit, services.reference);
    const generating = progressReporter('Generating localities');
    const writing = progressReporter('Writing rows');
    let result: GenerateResult;
    try {
      result = await national.generate(cliActor('generate'), {
        partnerships: options.partnerships,
        organisations: options.organisations,
        localities: options.localities,
        seed: options.seed,
        boilerplateShare: options.boilerplateShare,
        commandLine: ['joinedup', ...process.argv.slice(2)].join(' '),
        onProgress: (phase, done, total) => {
          if (phase === 'generate') generating.update(done, total);
          else {
            generating.stop();
            writing.update(done, total);
          }
        },
      });
    } finally {
      generating.stop();
      writing.stop();
    }
    await writeTruth(file, result.groundTruth);
    await writeTruth(truthFile, result.benchmarkTruth);
    console.log(summary(result, database, file, truthFile));
  } finally {
    await database.close();
  }
}

function parseCliOptions(raw: unknown): z.output<typeof generateOptions> {
  try {
    return parseInput(generateOptions, raw);
  } catch (error) {
    if (error instanceof ValidationError)
      throw new Error(error.errors.map((e) => e.message).join('; '), { cause: error });
    throw error;
  }
}

async function writeTruth(file: string, truth: unknown): Promise<void> {
  try {
    await fs.writeFile(file, `${JSON.stringify(truth, null, 1)}\n`);
  } catch (error) {
    throw new Error(
      `The register was written, but the ground truth could not be written to ${file}: ${(error as Error).message}`,
      { cause: error },
    );
  }
}

/** Next to the PGlite data folder (`./data` → `./data-ground-truth.json`); on PostgreSQL, named after the database, here. */
export function defaultGroundTruthFile(
  database: Pick<Database, 'kind' | 'location'>,
  dataDir: string,
  suffix: 'ground-truth' | 'truth' = 'ground-truth',
): string {
  if (database.kind === 'pglite') return `${dataDir.replace(/[\\/]+$/, '')}-${suffix}.json`;
  const name = database.location.split('/').pop() || 'postgres';
  return `joinedup-${name.replace(/[^A-Za-z0-9_.-]/g, '_')}-${suffix}.json`;
}

const n = (value: number) => value.toLocaleString('en-GB');
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export function summary(
  result: GenerateResult,
  database: Pick<Database, 'kind' | 'location'>,
  file: string,
  truthFile: string,
): string {
  const c = result.counts;
  const t = result.timings;
  const codes = result.localityCodes;
  const rate = Math.round(c.rows / Math.max(t.writeMs / 1000, 0.001));
  return [
    `Generated into ${database.kind}: ${database.location}, in one transaction:`,
    `  ${n(c.localities)} localities (${codes.length > 1 ? `${[...codes].sort()[0]} … ${[...codes].sort().at(-1)}` : codes[0]}), flagged as demo data`,
    `  ${n(c.partnerships)} partnerships, ${n(c.themes)} themes, ${n(c.areas)} areas${c.reopened ? ` (${n(c.reopened)} closed parents kept open for their open sub-groups)` : ''}`,
    `  ${n(c.organisations)} organisations as ${n(c.organisationRecords)} records (a shared body has a record in each locality it serves)${c.unplacedOrganisations ? `; ${n(c.unplacedOrganisations)} generated regional bodies sit on no board and were left out` : ''}`,
    `  ${n(c.memberships)} memberships, ${n(c.auditEntries)} audit entries`,
    `  ${n(c.plantedGroups)} planted groups of near-duplicates (${n(c.plantedPairs)} pairs) and ${n(c.hardNegatives)} hard negatives: ground truth in ${file}, and as a benchmark truth file in ${truthFile}`,
    `Took ${seconds(t.totalMs)}: generating ${seconds(t.generateMs)}, writing ${seconds(t.writeMs)} (${n(c.rows)} rows, ${n(rate)} rows/s).`,
  ].join('\n');
}
