/**
 * Issue 14's table in one run: the benches that measure national scale through the real paths,
 * each run RUNS times (3 unless set), then one table of medians with the same-run baselines, the
 * ratio and the goal. The machine is shared and noisy, so the load average of each figure's runs
 * is printed beside it.
 *
 *   npm run bench:national                           # 50,000 partnerships, 3 runs (about an hour)
 *   NATIONAL_BENCH_PARTNERSHIPS=10000 NATIONAL_BENCH_RUNS=1 npm run bench:national
 *
 * The pages bench needs at least 4,200 partnerships (12 in each of 350 localities).
 *
 * What each row comes from:
 *   bench/overlap.bench.ts           the engine on the generated national set, and its boilerplate variant
 *   bench/national-refresh.bench.ts  the national analysis and the pre-check through the service (PGlite)
 *   bench/pages.bench.ts             pages and API with autocannon (PostgreSQL national set, PGlite demo)
 *   bench/startup.bench.ts           first start, reopen and `joinedup --help`
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Figure } from './figures.js';

const PARTNERSHIPS = Number(process.env.NATIONAL_BENCH_PARTNERSHIPS ?? 50_000);
const RUNS = Number(process.env.NATIONAL_BENCH_RUNS ?? 3);
const figuresFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'joinedup-national-')), 'figures.jsonl');

const BENCHES: Array<{ name: string; args: string[]; env?: Record<string, string> }> = [
  { name: 'engine', args: ['bench/overlap.bench.ts', String(PARTNERSHIPS), '--boilerplate', String(PARTNERSHIPS)] },
  { name: 'service', args: ['bench/national-refresh.bench.ts', String(PARTNERSHIPS)] },
  // bench:pages takes medians of 3 itself.
  { name: 'pages', args: ['bench/pages.bench.ts'], env: { PAGES_BENCH_PARTNERSHIPS: String(PARTNERSHIPS) } },
  { name: 'start-up', args: ['bench/startup.bench.ts'] },
];

type Recorded = Figure & { load: number };

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

function show(value: number, unit: Figure['unit']): string {
  if (unit === 'ratio') return value.toFixed(3);
  if (unit === 's') return `${value.toFixed(2)} s`;
  if (unit === 'ms') return `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`;
  return `${Math.round(value).toLocaleString('en-GB')} ${unit}`;
}

const failed: string[] = [];
for (let run = 1; run <= RUNS; run++) {
  for (const bench of BENCHES) {
    console.log(`\n### ${bench.name}, run ${run} of ${RUNS} (load ${os.loadavg()[0]!.toFixed(1)})`);
    const result = spawnSync(process.execPath, ['--import', 'tsx', ...bench.args], {
      stdio: 'inherit',
      env: { ...process.env, ...bench.env, BENCH_FIGURES: figuresFile },
    });
    if (result.status !== 0) failed.push(`${bench.name} (run ${run}, exit ${result.status})`);
  }
}

const recorded: Recorded[] = fs.existsSync(figuresFile)
  ? fs
      .readFileSync(figuresFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Recorded)
  : [];
const byPath = new Map<string, Recorded[]>();
for (const figure of recorded) byPath.set(figure.path, [...(byPath.get(figure.path) ?? []), figure]);

const header = ['path', 'measured (median)', 'same-run baseline', 'ratio', 'goal', 'met', 'runs', 'load'];
const lines = [...byPath].map(([name, figures]) => {
  const first = figures[0]!;
  const measured = median(figures.map((f) => f.measured));
  const baselines = figures.flatMap((f) => (f.baseline ? [f.baseline.value] : []));
  const baseline = baselines.length > 0 ? median(baselines) : undefined;
  const goal = first.goal;
  const met = goal ? (goal.better === 'lower' ? measured <= goal.value : measured >= goal.value) : undefined;
  const loads = figures.map((f) => f.load);
  return [
    name,
    show(measured, first.unit),
    baseline === undefined ? '—' : `${show(baseline, first.unit)} (${first.baseline!.what})`,
    baseline === undefined || baseline === 0 ? '—' : (measured / baseline).toFixed(2),
    goal ? `${goal.better === 'lower' ? '≤' : '≥'} ${show(goal.value, first.unit)}` : '—',
    met === undefined ? '—' : met ? 'yes' : 'no',
    String(figures.length),
    `${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}`,
  ];
});
console.log(`\n## National scale, ${PARTNERSHIPS.toLocaleString('en-GB')} partnerships, medians of ${RUNS} run(s)\n`);
console.log(`| ${header.join(' | ')} |`);
console.log(`|${header.map(() => '---').join('|')}|`);
for (const line of lines) console.log(`| ${line.join(' | ')} |`);
if (failed.length > 0) {
  console.log(`\nBenches that failed: ${failed.join(', ')}`);
  process.exitCode = 1;
}
