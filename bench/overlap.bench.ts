/**
 * Overlap engine speed: the whole analysis of a synthetic national register at 1,000, 10,000 and
 * 50,000 partnerships (each locality analysed with its own weights and the shipped thesaurus),
 * each size in its own child process so that peak memory (maxRSS) belongs to that size alone.
 *
 * Then the boilerplate stress set (GENERATOR.md, "The stress set"): the same register at 50,000
 * with about 100 partnerships a locality given one boilerplate purpose, as registers do, so that
 * candidate generation is measured where a shared text would make it quadratic.
 *
 * For each size it prints: analysis time (index, pairs, clusters and candidates, metrics), peak
 * memory, pairs scored and found, and the median and 95th percentile time to check one new
 * partnership against a locality (the gatekeeper's pre-check). Baselines from the same run,
 * because the machine is shared and noisy: scoring every pair within each locality one by one
 * (what the search must agree with, pair for pair), and reading every partnership's text once
 * (tokens and thesaurus), which any analysis must do.
 *
 *   npm run bench:overlap                              # 1k, 10k, 50k, and the boilerplate set at 50k
 *   npm run bench:overlap -- 50000                     # chosen sizes, and the boilerplate set at 50k
 *   npm run bench:overlap -- 10000 --boilerplate 10000 # the boilerplate set at another size (0: none)
 */
import { spawn } from 'node:child_process';
import { recordFigure } from './figures.js';
import { fileURLToPath } from 'node:url';
import { analyseScope } from '../src/modules/overlap/analysis.js';
import { checkOne, exactAllPairs } from '../src/modules/overlap/engine.js';
import { placeWords, readFeatures, type ReadingContext } from '../src/modules/overlap/features.js';
import { generateNational } from '../src/modules/overlap/generate.js';
import { DEFAULT_SETTINGS } from '../src/modules/overlap/scoring.js';
import { compileThesaurus } from '../src/modules/thesaurus/matcher.js';
import { DEFAULT_THESAURUS } from '../src/modules/thesaurus/default/index.js';

const SEED = 20250401;
/** About 100 of a locality's 143 partnerships share one purpose (the set of issue 14). */
const BOILERPLATE_SHARE = 0.7;

function sizeOptions(partnerships: number, boilerplateShare = 0) {
  return {
    partnerships,
    organisations: Math.round(partnerships * 0.4),
    localities: Math.max(1, Math.round(partnerships / 143)),
    seed: SEED,
    boilerplateShare,
  };
}

function timeIt<T>(work: () => T): { ms: number; result: T } {
  const started = performance.now();
  const result = work();
  return { ms: performance.now() - started, result };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

function runSize(partnerships: number, boilerplateShare: number) {
  const generated = timeIt(() => generateNational(sizeOptions(partnerships, boilerplateShare)));
  const data = generated.result;
  const thesaurus = compileThesaurus(DEFAULT_THESAURUS);
  const names = new Map(data.localities.map((l) => [l.id, l.name]));
  const contexts = new Map<string, ReadingContext>();
  const contextFor = (id: string) => {
    let c = contexts.get(id);
    if (!c) contexts.set(id, (c = { thesaurus, stopWords: placeWords(names.get(id) ?? '') }));
    return c;
  };
  const reading = timeIt(() => {
    for (const p of data.partnerships) readFeatures(p.name, p.purpose, contextFor(p.localityId));
  });
  const rssBefore = process.memoryUsage().rss;
  const cpuBefore = process.cpuUsage();
  const analysis = timeIt(() => analyseScope(data.partnerships, data.organisations, { contextFor, perLocality: true }));
  const cpu = process.cpuUsage(cpuBefore);
  const rssAfter = process.memoryUsage().rss;
  // Baseline and check: every pair of a sample of localities scored one by one.
  const sample = data.localities.slice(0, Math.min(20, data.localities.length));
  let exactMs = 0;
  let exactPairs = 0;
  let agreed = 0;
  const found = new Set(analysis.result.pairs.map((p) => `${p.aId}|${p.bId}`));
  for (const locality of sample) {
    const index = analysis.result.indexOf(locality.id)!;
    const exact = timeIt(() => exactAllPairs(index, DEFAULT_SETTINGS.look));
    exactMs += exact.ms;
    exactPairs += exact.result.length;
    agreed += exact.result.filter((p) => found.has(`${p.aId}|${p.bId}`) || found.has(`${p.bId}|${p.aId}`)).length;
  }
  const sampleShare = sample.reduce((n, l) => n + (analysis.result.indexOf(l.id)?.size ?? 0), 0) / partnerships;
  const checks: number[] = [];
  for (let i = 0; i < 200; i++) {
    const source = data.partnerships[(i * 7919) % data.partnerships.length]!;
    const index = analysis.result.indexOf(source.localityId)!;
    const proposal = { ...source, id: `proposal:${i}`, name: `${source.name} Task Group`, memberOrganisationIds: [] };
    checks.push(
      timeIt(() => checkOne(proposal, index, { floor: DEFAULT_SETTINGS.look, limit: 8, settings: DEFAULT_SETTINGS }))
        .ms,
    );
  }
  return {
    partnerships,
    boilerplateShare,
    localities: data.localities.length,
    memberships: data.partnerships.reduce((n, p) => n + p.memberOrganisationIds.length, 0),
    generateMs: generated.ms,
    readingMs: reading.ms,
    analysisMs: analysis.ms,
    // On a shared machine the time the process had the CPU says more than the clock.
    analysisCpuMs: (cpu.user + cpu.system) / 1000,
    timings: analysis.result.stats.timings,
    pairsScored: analysis.result.stats.pairsScored,
    pairs: analysis.result.pairs.length,
    likely: analysis.result.pairs.filter((p) => p.tier === 'likely').length,
    clusters: analysis.result.clusters.length,
    exact: { ms: exactMs / Math.max(sampleShare, 1e-9), pairs: exactPairs, agreed },
    check: { median: percentile(checks, 0.5), p95: percentile(checks, 0.95) },
    rssBeforeMb: rssBefore / 2 ** 20,
    rssAfterMb: rssAfter / 2 ** 20,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

type SizeResult = ReturnType<typeof runSize>;

const s = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 2 : 0)} ms`);

function report(r: SizeResult): void {
  const t = r.timings;
  console.log(
    `\n== ${r.partnerships.toLocaleString('en-GB')} partnerships in ${r.localities} localities, ${r.memberships.toLocaleString('en-GB')} memberships${r.boilerplateShare > 0 ? `, ${Math.round(r.boilerplateShare * 100)}% of each locality's with one boilerplate purpose` : ''} (generated in ${s(r.generateMs)})`,
  );
  console.log(
    `analysis: ${s(r.analysisMs)} (CPU ${s(r.analysisCpuMs)}) = index ${s(t.index)} + pairs ${s(t.pairs)} + groups ${s(t.clusters)} + metrics ${s(t.metrics)}`,
  );
  console.log(
    `  baseline, reading every partnership's text, one by one: ${s(r.readingMs)} (analysis/reading ${(r.analysisMs / r.readingMs).toFixed(2)})`,
  );
  console.log(
    `  baseline, scoring every pair within each locality: ${s(r.exact.ms)} (estimated from 20 localities; analysis/all-pairs ${(r.analysisMs / r.exact.ms).toFixed(2)}); the search found ${r.exact.agreed} of the ${r.exact.pairs} pairs it found there`,
  );
  console.log(
    `  pairs scored: ${r.pairsScored.toLocaleString('en-GB')}; worth a look or more: ${r.pairs.toLocaleString('en-GB')}; likely: ${r.likely.toLocaleString('en-GB')} in ${r.clusters} groups`,
  );
  console.log(
    `memory: peak RSS ${r.peakRssMb.toFixed(0)} MB (generated data included); ${r.rssBeforeMb.toFixed(0)} MB before the analysis, ${r.rssAfterMb.toFixed(0)} MB after`,
  );
  console.log(`pre-check of one proposal against its locality: median ${s(r.check.median)}, p95 ${s(r.check.p95)}`);
  const set = `engine, ${Math.round(r.partnerships / 1000)}k${r.boilerplateShare > 0 ? ' with boilerplate' : ''}`;
  const reading = { value: r.readingMs / 1000, what: 'reading every text once' };
  recordFigure({
    path: `national analysis, ${set}`,
    measured: r.analysisMs / 1000,
    unit: 's',
    baseline: reading,
    goal: { value: r.boilerplateShare > 0 ? 5 : 3, better: 'lower' },
  });
  recordFigure({
    path: `national analysis, ${set}: peak memory`,
    measured: r.peakRssMb,
    unit: 'MB',
    goal: { value: 500, better: 'lower' },
  });
  recordFigure({
    path: `pre-check, ${set}: p95`,
    measured: r.check.p95,
    unit: 'ms',
    goal: { value: 20, better: 'lower' },
  });
}

const self = fileURLToPath(import.meta.url);
const args = process.argv.slice(2);
if (args[0] === '--child') {
  process.stdout.write(JSON.stringify(runSize(Number(args[1]), Number(args[2]))));
} else {
  const flag = args.indexOf('--boilerplate');
  const boilerplateSize = flag >= 0 ? Number(args[flag + 1]) : 50_000;
  const sizeArgs = flag >= 0 ? [...args.slice(0, flag), ...args.slice(flag + 2)] : args;
  const sizes = sizeArgs.length ? sizeArgs.map(Number) : [1_000, 10_000, 50_000];
  const runs = [
    ...sizes.map((size) => [size, 0] as const),
    ...(boilerplateSize > 0 ? [[boilerplateSize, BOILERPLATE_SHARE] as const] : []),
  ];
  console.log(
    `Overlap engine, sizes ${sizes.join(', ')}, boilerplate set ${boilerplateSize || 'none'}; load average ${(
      await import('node:os')
    )
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  for (const [size, share] of runs) {
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', self, '--child', String(size), String(share)], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`size ${size} exited with ${code}`))));
    });
    report(JSON.parse(output) as SizeResult);
  }
}
