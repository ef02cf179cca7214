/**
 * Overlap engine benchmark: the whole-register analysis on synthetic national data at 1,000,
 * 10,000 and 50,000 partnerships, each size in its own child process so that peak memory
 * (maxRSS) belongs to that size alone.
 *
 * For each size it prints: analysis time (index, pairs, explanations, clusters and candidates,
 * metrics), peak memory, pairs found, recall against an exact all-pairs pass of the same score
 * (the full set at 1k and 10k; at 50k a uniform random sample of 5,000 partnerships and a sample
 * of whole localities of at least 2,000, since nearly all pairs lie within a locality), precision
 * and recall against the planted near-duplicates, and the median time to check one new
 * partnership against the index. Baselines from the same run, because the machine is shared
 * and noisy: an inverted-index pass that only counts the pairs sharing a member (what DESIGN.md
 * measured at ~0.6 s for 50k), and at 1k/10k the exact all-pairs pass.
 *
 *   npx tsx bench/overlap.bench.ts              # 1k, 10k, 50k
 *   npx tsx bench/overlap.bench.ts 50000        # chosen sizes
 *   npx tsx bench/overlap.bench.ts --tune       # threshold, weight and member-floor sweeps
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { analyseScope } from '../src/modules/overlap/analysis.js';
import { buildIndex, checkOne, exactAllPairs, findSimilarPairs } from '../src/modules/overlap/engine.js';
import type { OverlapIndex } from '../src/modules/overlap/engine.js';
import { generateNational, pairKey, plantedPairKeys } from '../src/modules/overlap/generate.js';
import type { NationalData } from '../src/modules/overlap/generate.js';
import { scoreIfAbove } from '../src/modules/overlap/features.js';
import { Random } from '../src/core/random.js';
import { DEFAULT_THRESHOLD, resolveWeights } from '../src/modules/overlap/scoring.js';
import type { PartnershipFeatures, ScoreWeights, SimilarPair } from '../src/modules/overlap/types.js';

const SEED = 20250401;
const EXACT_UP_TO = 10_000;

/** Organisations and localities scale with the register, keeping DOMAIN.md's national ratios. */
function sizeOptions(partnerships: number) {
  return {
    partnerships,
    organisations: Math.round(partnerships * 0.4),
    localities: Math.max(1, Math.round(partnerships / 143)),
    seed: SEED,
  };
}

const keysOf = (pairs: readonly SimilarPair[]) => new Set(pairs.map((p) => pairKey(p.aId, p.bId)));

function recallAgainst(found: ReadonlySet<string>, exact: readonly SimilarPair[]) {
  const hit = exact.filter((p) => found.has(pairKey(p.aId, p.bId))).length;
  return { exactPairs: exact.length, recall: exact.length === 0 ? 1 : hit / exact.length };
}

function timeIt<T>(work: () => T): { ms: number; result: T } {
  const started = performance.now();
  const result = work();
  return { ms: performance.now() - started, result };
}

/** Baseline: every pair sharing at least one member, counted through the organisation index (no scoring). */
function countMemberPairs(index: OverlapIndex): number {
  const { members, memberPostings, size } = index;
  const seen = new Int32Array(size).fill(-1);
  let pairs = 0;
  for (let x = 0; x < size; x++) {
    for (let k = members.start[x]!; k < members.start[x + 1]!; k++) {
      const org = members.values[k]!;
      for (let c = memberPostings.start[org]!; c < memberPostings.start[org + 1]!; c++) {
        const y = memberPostings.positions[c]!;
        if (y > x && seen[y] !== x) {
          seen[y] = x;
          pairs++;
        }
      }
    }
  }
  return pairs;
}

/**
 * Baseline 2, DESIGN.md's blocking pass: score (the same score, stopping early as the engine
 * does) every pair that shares a member. Misses pairs with the same purpose and other members.
 */
function blockingOnMembers(index: OverlapIndex): SimilarPair[] {
  const { members, memberPostings, size, records } = index;
  const weights = resolveWeights();
  const seen = new Int32Array(size).fill(-1);
  const found: SimilarPair[] = [];
  for (let x = 0; x < size; x++) {
    for (let k = members.start[x]!; k < members.start[x + 1]!; k++) {
      const org = members.values[k]!;
      for (let c = memberPostings.start[org]!; c < memberPostings.start[org + 1]!; c++) {
        const y = memberPostings.positions[c]!;
        if (y <= x || seen[y] === x) continue;
        seen[y] = x;
        const s = scoreIfAbove(index, x, y, weights, DEFAULT_THRESHOLD);
        if (s)
          found.push({
            aId: records[x]!.id,
            bId: records[y]!.id,
            score: s.score,
            members: s.members,
            text: s.text,
            themes: s.themes,
            areas: s.areas,
          });
      }
    }
  }
  return found;
}

/** Whole localities, in random order, until the sample holds at least `minimum` partnerships. */
function localitySample(data: NationalData, rng: Random, minimum: number): number[] {
  const byLocality = new Map<string, number[]>();
  data.partnerships.forEach((p, position) => {
    const list = byLocality.get(p.localityId) ?? [];
    list.push(position);
    byLocality.set(p.localityId, list);
  });
  const sample: number[] = [];
  for (const locality of rng.shuffle([...byLocality.keys()])) {
    if (sample.length >= minimum) break;
    sample.push(...byLocality.get(locality)!);
  }
  return sample.sort((a, b) => a - b);
}

function sampleRecall(index: OverlapIndex, found: ReadonlySet<string>, positions: number[]) {
  const inSample = new Set(positions.map((p) => index.records[p]!.id));
  const exact = timeIt(() => exactAllPairs(index, { positions }));
  const foundInSample = new Set([...found].filter((k) => k.split('|').every((id) => inSample.has(id))));
  return {
    partnerships: positions.length,
    ms: exact.ms,
    ...recallAgainst(foundInSample, exact.result),
    foundInSample: foundInSample.size,
  };
}

/** A plausible proposal: an existing partnership with a new name, a member fewer and one more sentence. */
function proposalFrom(p: PartnershipFeatures, n: number): PartnershipFeatures {
  return {
    ...p,
    id: `NEW-${n}`,
    name: `${p.name} Steering Group`,
    purpose: `${p.purpose} It will also look at transport to services.`,
    memberOrganisationIds: p.memberOrganisationIds.slice(1),
    status: 'proposed',
  };
}

function checkTimes(index: OverlapIndex, data: NationalData, rng: Random, probes: number) {
  const times: number[] = [];
  let matches = 0;
  for (let n = 0; n < probes; n++) {
    const proposal = proposalFrom(rng.pick(data.partnerships), n);
    const { ms, result } = timeIt(() => checkOne(proposal, index));
    times.push(ms);
    matches += result.length;
  }
  times.sort((a, b) => a - b);
  return {
    median: times[Math.floor(times.length / 2)]!,
    p95: times[Math.floor(times.length * 0.95)]!,
    meanMatches: matches / probes,
  };
}

function runSize(partnerships: number) {
  const gen = timeIt(() => generateNational(sizeOptions(partnerships)));
  const data = gen.result;
  (globalThis as { gc?: () => void }).gc?.();
  const rssBefore = process.memoryUsage().rss;
  const analysis = timeIt(() => analyseScope(data.partnerships, data.organisations));
  const peakRss = process.resourceUsage().maxRSS * 1024;
  const rssAfter = process.memoryUsage().rss;
  const analysed = analysis.result.pairs.map((e) => ({
    aId: e.aId,
    bId: e.bId,
    score: e.score,
    members: 0,
    text: 0,
    themes: 0,
    areas: 0,
  }));
  const found = keysOf(analysed);

  const index = buildIndex(data.partnerships);
  const baseline = timeIt(() => countMemberPairs(index));
  const blocking = timeIt(() => blockingOnMembers(index));
  const minhash = timeIt(() => findSimilarPairs(index, { textCandidates: 'minhash' }));
  const planted = plantedPairKeys(data.planted);
  const plantedHits = [...planted].filter((k) => found.has(k)).length;
  const rng = new Random(SEED + partnerships);

  let exact: { ms: number; exactPairs: number; recall: number } | null = null;
  let samples: ReturnType<typeof sampleRecall>[] = [];
  if (partnerships <= EXACT_UP_TO) {
    const all = timeIt(() => exactAllPairs(index));
    exact = { ms: all.ms, ...recallAgainst(found, all.result) };
  } else {
    const uniform = rng
      .sample(
        Array.from({ length: index.size }, (_, p) => p),
        5_000,
      )
      .sort((a, b) => a - b);
    samples = [sampleRecall(index, found, uniform), sampleRecall(index, found, localitySample(data, rng, 2_000))];
  }
  const minhashRecall = recallAgainst(keysOf(minhash.result.pairs), analysed);
  return {
    partnerships,
    organisations: data.organisations.length,
    memberships: data.partnerships.reduce((s, p) => s + p.memberOrganisationIds.length, 0),
    generateMs: gen.ms,
    analysisMs: analysis.ms,
    timings: analysis.result.stats.timings,
    search: { ...analysis.result.stats, timings: undefined },
    rssBeforeMb: rssBefore / 2 ** 20,
    rssAfterMb: rssAfter / 2 ** 20,
    peakRssMb: peakRss / 2 ** 20,
    pairs: analysis.result.pairs.length,
    clusters: analysis.result.clusters.length,
    exact,
    samples,
    planted: {
      pairs: planted.size,
      recall: plantedHits / planted.size,
      precision:
        analysis.result.pairs.length === 0
          ? 1
          : analysis.result.pairs.filter((e) => planted.has(pairKey(e.aId, e.bId))).length /
            analysis.result.pairs.length,
    },
    baselineMs: baseline.ms,
    blocking: { ms: blocking.ms, recallOfExactPairs: recallAgainst(keysOf(blocking.result), analysed).recall },
    memberSharingPairs: baseline.result,
    minhash: {
      ms: minhash.ms,
      prefixMs: analysis.result.stats.timings.pairs,
      recallOfExactPairs: minhashRecall.recall,
    },
    check: checkTimes(index, data, rng, 201),
  };
}

type SizeResult = ReturnType<typeof runSize>;

const s = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function report(r: SizeResult): void {
  const t = r.timings;
  console.log(
    `\n== ${r.partnerships.toLocaleString('en-GB')} partnerships, ${r.organisations.toLocaleString('en-GB')} organisations, ${r.memberships.toLocaleString('en-GB')} memberships (generated in ${s(r.generateMs)})`,
  );
  console.log(
    `analysis: ${s(r.analysisMs)} = index ${s(t.index)} + pairs ${s(t.pairs)} + explain ${s(t.explain)} + clusters/candidates ${s(t.clusters)} + metrics ${s(t.metrics)}`,
  );
  console.log(
    `  pairs scored: ${r.search.scoredFromMembers.toLocaleString('en-GB')} via members, ${r.search.scoredFromText.toLocaleString('en-GB')} via text prefixes, ${r.search.scoredFromSparse.toLocaleString('en-GB')} for ${r.search.sparseQueries} partnerships without members`,
  );
  console.log(
    `memory: peak RSS ${r.peakRssMb.toFixed(0)} MB (process, generated data included); RSS ${r.rssBeforeMb.toFixed(0)} MB before the analysis, ${r.rssAfterMb.toFixed(0)} MB after`,
  );
  console.log(`found: ${r.pairs.toLocaleString('en-GB')} pairs in ${r.clusters.toLocaleString('en-GB')} clusters`);
  if (r.exact)
    console.log(
      `recall vs exact all-pairs: ${pct(r.exact.recall)} of ${r.exact.exactPairs} pairs (exact pass ${s(r.exact.ms)}; analysis/exact ratio ${(r.analysisMs / r.exact.ms).toFixed(3)})`,
    );
  for (const [name, sample] of [
    ['uniform sample', r.samples[0]],
    ['whole-locality sample', r.samples[1]],
  ] as const) {
    if (sample)
      console.log(
        `recall vs exact, ${name} of ${sample.partnerships.toLocaleString('en-GB')}: ${pct(sample.recall)} of ${sample.exactPairs} pairs (engine found ${sample.foundInSample} there; exact pass ${s(sample.ms)})`,
      );
  }
  console.log(
    `planted near-duplicates: recall ${pct(r.planted.recall)} of ${r.planted.pairs} pairs, precision ${pct(r.planted.precision)} (found pairs that were planted: a floor, chance duplicates count against it)`,
  );
  console.log(
    `check one new partnership: median ${r.check.median.toFixed(2)} ms, p95 ${r.check.p95.toFixed(2)} ms (${r.check.meanMatches.toFixed(1)} matches each on average)`,
  );
  console.log(
    `baseline, counting the ${r.memberSharingPairs.toLocaleString('en-GB')} pairs that share a member: ${s(r.baselineMs)}; analysis/baseline ratio ${(r.analysisMs / r.baselineMs).toFixed(2)}`,
  );
  console.log(
    `baseline, scoring every pair that shares a member (DESIGN.md's blocking): ${s(r.blocking.ms)}, found ${pct(r.blocking.recallOfExactPairs)} of the pairs; analysis/blocking ratio ${(r.analysisMs / r.blocking.ms).toFixed(2)}`,
  );
  console.log(
    `MinHash + LSH instead of the prefix filter: pairs in ${s(r.minhash.ms)} vs ${s(r.minhash.prefixMs)}; it found ${pct(r.minhash.recallOfExactPairs)} of the pairs`,
  );
}

function tune(): void {
  const data = generateNational(sizeOptions(10_000));
  const planted = plantedPairKeys(data.planted);
  const index = buildIndex(data.partnerships);
  const weightSets: [string, Partial<ScoreWeights>][] = [
    ['0.5 members + 0.5 text (DESIGN.md)', { members: 0.5, text: 0.5, themes: 0, areas: 0 }],
    ['0.45/0.45/0.05/0.05', { members: 0.45, text: 0.45, themes: 0.05, areas: 0.05 }],
    ['0.4/0.4/0.1/0.1 (default)', { members: 0.4, text: 0.4, themes: 0.1, areas: 0.1 }],
    ['0.35/0.35/0.15/0.15', { members: 0.35, text: 0.35, themes: 0.15, areas: 0.15 }],
    ['0.5/0.3/0.1/0.1', { members: 0.5, text: 0.3, themes: 0.1, areas: 0.1 }],
    ['0.3/0.5/0.1/0.1', { members: 0.3, text: 0.5, themes: 0.1, areas: 0.1 }],
  ];
  const thresholds = [0.45, 0.5, 0.55, 0.6, 0.65, 0.7];
  console.log('Planted near-duplicates at 10k: recall / precision (F1) by weights and threshold');
  console.log(['weights'.padEnd(36), ...thresholds.map((t) => String(t).padEnd(20))].join(''));
  for (const [name, weights] of weightSets) {
    const pairs = findSimilarPairs(index, { weights, threshold: Math.min(...thresholds) }).pairs;
    const cells = thresholds.map((threshold) => {
      const kept = pairs.filter((p) => p.score >= threshold);
      const hits = kept.filter((p) => planted.has(pairKey(p.aId, p.bId))).length;
      const recall = hits / planted.size;
      const precision = kept.length === 0 ? 1 : hits / kept.length;
      return `${recall.toFixed(2)}/${precision.toFixed(2)} (${((2 * recall * precision) / (recall + precision)).toFixed(2)})`.padEnd(
        20,
      );
    });
    console.log([name.padEnd(36), ...cells].join(''));
  }
  const national = generateNational(sizeOptions(50_000));
  const nationalIndex = buildIndex(national.partnerships);
  console.log('\nMember floor at 50k (default weights and threshold): time to find pairs, best of 3');
  for (const memberFloor of [0.1, 0.15, 0.2, 0.25, 0.3]) {
    const times = [0, 1, 2].map(() => timeIt(() => findSimilarPairs(nationalIndex, { memberFloor })));
    const best = times.reduce((a, b) => (a.ms < b.ms ? a : b));
    console.log(
      `  floor ${memberFloor}: ${s(best.ms)} (${best.result.pairs.length} pairs; text floor ${best.result.stats.textFloor.toFixed(3)}; scored ${best.result.stats.scoredFromMembers} + ${best.result.stats.scoredFromText} + ${best.result.stats.scoredFromSparse})`,
    );
  }
}

async function runChild(partnerships: number): Promise<SizeResult> {
  const self = fileURLToPath(import.meta.url);
  const child = spawn(process.execPath, ['--expose-gc', ...process.execArgv, self, '--child', String(partnerships)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`the ${partnerships} run exited with ${code}`);
  return JSON.parse(output.trim().split('\n').pop()!) as SizeResult;
}

const args = process.argv.slice(2);
if (args[0] === '--child') {
  console.log(JSON.stringify(runSize(Number(args[1]))));
} else if (args[0] === '--tune') {
  tune();
} else {
  const sizes = args.length > 0 ? args.map(Number) : [1_000, 10_000, 50_000];
  console.log(
    `Overlap engine benchmark (seed ${SEED}); targets at 50k: analysis ≤ 5 s, peak ≤ 500 MB, recall vs exact ≥ 98%, one check ≤ 50 ms`,
  );
  for (const size of sizes) report(await runChild(size));
}
