import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { joinedup as run } from '../../../test/helpers/cli.js';
import { afterAll, describe, expect, it } from 'vitest';
import type { BenchmarkTruth } from './benchmark.js';
import type { GroundTruth } from './plan.js';

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'joinedup-generate-'));
const dataDir = path.join(folder, 'data');
// PGlite in a folder of its own, whatever DATABASE_URL the test run has.
const { DATABASE_URL: _unused, ...inherited } = process.env;
const env = { ...inherited, JOINEDUP_DATA_DIR: dataDir, LOG_LEVEL: 'silent' };

const joinedup = (...args: string[]) => run(env, ...args);

afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

describe('joinedup generate', () => {
  it('writes a small national register and its ground truth, then refuses to write it twice', async () => {
    const badSize = await joinedup('generate', '--localities', '0', '--boilerplate-share', '1.5');
    expect(badSize.code).toBe(1);
    expect(badSize.stderr).toContain('--localities must be 1 or more');
    expect(badSize.stderr).toContain('--boilerplate-share must be from 0 to 0.95');

    const generated = await joinedup(
      'generate',
      '--partnerships',
      '240',
      '--organisations',
      '120',
      '--localities',
      '4',
      '--seed',
      '5',
    );
    expect(generated.stderr).toBe('');
    expect(generated.code).toBe(0);
    // Not a terminal: plain progress lines, then the summary.
    expect(generated.stdout).toContain('Writing rows: ');
    expect(generated.stdout).toMatch(/4 localities \(E0\d998001 … E0\d99800\d\)/);
    expect(generated.stdout).toContain('240 partnerships');
    expect(generated.stdout).toMatch(
      /Took [\d.]+ s: generating [\d.]+ s, writing [\d.]+ s \([\d,]+ rows, [\d,]+ rows\/s\)/,
    );

    const file = `${dataDir}-ground-truth.json`;
    expect(generated.stdout).toContain(file);
    const truth = JSON.parse(fs.readFileSync(file, 'utf8')) as GroundTruth;
    expect(truth.seed).toBe(5);
    expect(truth.groups.length).toBeGreaterThan(0);
    expect(truth.pairs.length).toBeGreaterThanOrEqual(truth.groups.length);
    expect(truth.pairs[0]).toMatchObject({
      aReference: expect.stringMatching(/^P-\d{4}$/),
      locality: expect.stringMatching(/^E0\d998\d{3}$/),
    });
    expect(truth.hardNegatives.length).toBeGreaterThan(0);

    // The same truth in the benchmark registers' format, beside it.
    const benchmarkFile = `${dataDir}-truth.json`;
    expect(generated.stdout).toContain(benchmarkFile);
    const benchmark = JSON.parse(fs.readFileSync(benchmarkFile, 'utf8')) as BenchmarkTruth;
    expect(benchmark.groups).toHaveLength(truth.groups.length);
    expect(benchmark.groups[0]![0]).toMatch(/^E0\d998\d{3}\/P-\d{4}$/);
    expect(benchmark.hard_negatives).toHaveLength(truth.hardNegatives.length);
    expect(benchmark.group_kinds).toEqual(truth.groups.map((g) => g.kind));

    const again = await joinedup(
      'generate',
      '--partnerships',
      '240',
      '--organisations',
      '120',
      '--localities',
      '4',
      '--ground-truth',
      path.join(folder, 'elsewhere.json'),
    );
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exist');
    expect(fs.existsSync(path.join(folder, 'elsewhere.json'))).toBe(false);

    const verified = await joinedup('audit', 'verify');
    expect(verified.code).toBe(0);
    expect(verified.stdout).toContain('The audit trail is intact: 4 entries');
    // Four commands, each starting the command line and opening a database: on a busy machine
    // that alone takes most of a minute.
  }, 180_000);
});
