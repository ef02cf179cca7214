/**
 * Writes one generated locality as a council-style register in the independent benchmarks'
 * layout (organisations.csv, partnerships.csv, memberships.csv, truth.json), so the quality bench
 * can import it through the product's import path like a register written outside the project.
 *
 *   npm run bench:register -- --out DIR [--seed 1] [--partnerships 100] [--organisations 80]
 *     [--planted-share 0.15] [--hard-negative-share 0.12]
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generatedBenchmarkRegister, SMALL_REGISTER } from '../src/modules/national/benchmark.js';

const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    seed: { type: 'string', default: String(SMALL_REGISTER.seed) },
    partnerships: { type: 'string', default: String(SMALL_REGISTER.partnerships) },
    organisations: { type: 'string', default: String(SMALL_REGISTER.organisations) },
    'planted-share': { type: 'string', default: String(SMALL_REGISTER.plantedShare) },
    'hard-negative-share': { type: 'string', default: String(SMALL_REGISTER.hardNegativeShare) },
  },
});
if (!values.out) {
  console.error('Usage: npm run bench:register -- --out DIR [--seed 1] [--partnerships 100] …');
  process.exit(1);
}

const register = generatedBenchmarkRegister({
  seed: Number(values.seed),
  partnerships: Number(values.partnerships),
  organisations: Number(values.organisations),
  plantedShare: Number(values['planted-share']),
  hardNegativeShare: Number(values['hard-negative-share']),
});
const out = path.resolve(values.out);
await fs.mkdir(out, { recursive: true });
await fs.writeFile(path.join(out, 'organisations.csv'), register.organisations);
await fs.writeFile(path.join(out, 'partnerships.csv'), register.partnerships);
await fs.writeFile(path.join(out, 'memberships.csv'), register.memberships);
await fs.writeFile(path.join(out, 'truth.json'), `${JSON.stringify(register.truth, null, 1)}\n`);
const c = register.counts;
console.log(
  `Wrote ${register.name} to ${out}: ${c.partnerships} partnerships, ${c.organisations} organisations, ${c.memberships} memberships; truth: ${c.groups} groups, ${c.hardNegatives} hard negatives.`,
);
