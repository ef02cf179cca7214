/**
 * Overlap quality on registers the engine's authors did not write, through the product's real
 * paths: each register is imported by the command line (`joinedup import --mapping`) into a fresh
 * embedded database, the analysis is run by the overlap service, and what it flags is scored
 * against the register's known answers, beside the plain word-overlap baseline computed in the
 * same run. Also: the gatekeeper pre-check on proposals reworded from existing partnerships, the
 * demo locality, and the synthetic national register.
 *
 *   npm run bench:quality                 every register under ../shared/benchmarks and bench/registers
 *   npm run bench:quality -- DIR…          just these register folders
 *   npm run bench:quality -- --national 10000   also the synthetic national set at this size
 *
 * A register folder holds organisations.csv, partnerships.csv, memberships.csv and truth.json
 * (../shared/benchmarks/README.md); its mapping is bench/mappings/<folder>.json, or the one the
 * product suggests for it.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SYSTEM } from '../src/core/actor.js';
import { loadConfig } from '../src/config.js';
import { openConfiguredDatabase } from '../src/main.js';
import { createServices, type Services } from '../src/services.js';
import type { Db } from '../src/db/database.js';
import { analyseScope } from '../src/modules/overlap/analysis.js';
import { generateNational } from '../src/modules/overlap/generate.js';
import { placeWords } from '../src/modules/overlap/features.js';
import { compileThesaurus } from '../src/modules/thesaurus/matcher.js';
import { DEFAULT_THESAURUS } from '../src/modules/thesaurus/default/index.js';
import {
  type QualityScore,
  type Truth,
  pairKey,
  pairsOfGroups,
  scoreAgainstTruth,
  scorePrecheck,
  truthFile,
  wordOverlapBaseline,
} from '../src/modules/overlap/quality.js';
import { DEMO_DUPLICATE_GROUPS, DEMO_LOCALITY_CODE, seedDemoLocality } from '../src/modules/demo/seed.js';

const CODE = 'E07990001';
const SWEEP = [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8];
const args = process.argv.slice(2);
const nationalSize = args.includes('--national') ? Number(args[args.indexOf('--national') + 1] ?? 10_000) : 0;
const folders = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--national');

function registerFolders(): string[] {
  if (folders.length > 0) return folders;
  const roots = [path.resolve('../shared/benchmarks'), path.resolve('bench/registers')];
  return roots.flatMap((root) =>
    fs.existsSync(root)
      ? fs
          .readdirSync(root)
          .map((name) => path.join(root, name))
          .filter(
            (dir) => fs.existsSync(path.join(dir, 'truth.json')) && fs.existsSync(path.join(dir, 'partnerships.csv')),
          )
      : [],
  );
}

function joinedup(dataDir: string, ...commandArgs: string[]): string {
  const result = spawnSync(process.execPath, ['bin/joinedup.mjs', ...commandArgs], {
    env: { ...process.env, JOINEDUP_DATA_DIR: dataDir, LOG_LEVEL: 'silent', NODE_ENV: 'development' },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`joinedup ${commandArgs[0]} failed: ${result.stderr || result.stdout}`);
  return result.stdout;
}

function mappingFor(dir: string, dataDir: string): string {
  const own = path.resolve('bench/mappings', `${path.basename(dir)}.json`);
  if (fs.existsSync(own)) return own;
  const suggested = path.join(dataDir, '..', `${path.basename(dir)}-mapping.json`);
  joinedup(dataDir, 'suggest-mapping', '--out', suggested, ...csvFiles(dir));
  return suggested;
}

function csvFiles(dir: string): string[] {
  return ['organisations.csv', 'partnerships.csv', 'memberships.csv'].map((f) => path.join(dir, f));
}

const databases = new WeakMap<Services, Db>();
const database = (services: Services) => databases.get(services)!;

async function withServices<T>(dataDir: string, work: (services: Services) => Promise<T>): Promise<T> {
  const config = loadConfig({ ...process.env, JOINEDUP_DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  const database = await openConfiguredDatabase(config);
  try {
    const services = createServices(database, config);
    databases.set(services, database.db);
    return await work(services);
  } finally {
    await database.close();
  }
}

interface RegisterResult {
  name: string;
  partnerships: number;
  likely: QualityScore;
  /** Every pair inside a group the analysis formed (what a user sees as a group). */
  grouped: QualityScore;
  /** Pairs at least worth a look. */
  look: QualityScore;
  baseline: QualityScore & { threshold: number };
  precheck: { proposals: number; top3: number; groups: number; groupsAllTop3: number };
  /** F1 of "likely" had the threshold been each of these: how far the default is from this register's best. */
  sweep: Array<{ threshold: number; f1: number }>;
  seconds: { import: number; analysis: number };
}

async function scoreRegister(dir: string): Promise<RegisterResult> {
  const name = path.basename(dir);
  const truth: Truth = truthFile.parse(JSON.parse(fs.readFileSync(path.join(dir, 'truth.json'), 'utf8')));
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'joinedup-quality-'));
  const dataDir = path.join(work, 'data');
  try {
    const startedImport = performance.now();
    const mapping = mappingFor(dir, dataDir);
    const title = name.charAt(0).toUpperCase() + name.slice(1);
    joinedup(
      dataDir,
      'import',
      '--create-locality',
      title,
      '--locality',
      CODE,
      '--region',
      'East of England',
      '--mapping',
      mapping,
      ...csvFiles(dir),
    );
    const importSeconds = (performance.now() - startedImport) / 1000;
    return await withServices(dataDir, async (services) => {
      const startedAnalysis = performance.now();
      const result = await services.overlap.analyse(SYSTEM, CODE);
      const analysisSeconds = (performance.now() - startedAnalysis) / 1000;
      const list = await services.register.partnerships.allForLocality(database(services), result.locality.id);
      const refOf = new Map(list.map((p) => [p.id, p.reference]));
      const idOf = new Map(list.map((p) => [p.reference, p.id]));
      const ref = (id: string) => refOf.get(id) ?? id;
      const { analysis } = result;
      const pairsOf = (tier: 'likely' | 'look') =>
        analysis.pairs
          .filter((p) => tier === 'look' || p.tier === 'likely')
          .map((p) => pairKey(ref(p.aId), ref(p.bId)));
      const groups = analysis.clusters.map((c) => c.partnershipIds.map(ref));
      // The pre-check reads a proposal's name and purpose only: each group member, reworded by its
      // group-mates, is put as a proposal with no members; is a group-mate in its top three?
      const precheck = scorePrecheck(
        truth,
        analysis.indexOf(result.locality.id)!,
        analysis.settings[result.locality.id]!,
        (member) => result.records.get(idOf.get(member) ?? ''),
        ref,
      );
      // The baseline reads each partnership's name and purpose as imported, whatever the register's headings.
      const rows = list.map((p) => ({ ref: p.reference, text: `${p.name} ${p.purpose}` }));
      return {
        name,
        partnerships: list.length,
        likely: scoreAgainstTruth(pairsOf('likely'), groups, truth),
        grouped: scoreAgainstTruth(pairsOfGroups(groups), groups, truth),
        look: scoreAgainstTruth(pairsOf('look'), groups, truth),
        baseline: wordOverlapBaseline(rows, truth),
        precheck: { ...precheck, groups: truth.groups.length },
        sweep: SWEEP.map((threshold) => ({
          threshold,
          f1: scoreAgainstTruth(
            analysis.pairs.filter((p) => p.score >= threshold).map((p) => pairKey(ref(p.aId), ref(p.bId))),
            groups,
            truth,
          ).f1,
        })),
        seconds: { import: importSeconds, analysis: analysisSeconds },
      };
    });
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

async function scoreDemo() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'joinedup-quality-demo-'));
  try {
    return await withServices(path.join(work, 'data'), async (services) => {
      await services.reference.ensureSeeded();
      await seedDemoLocality(services, { today: '2026-11-23' });
      const result = await services.overlap.analyse(SYSTEM, DEMO_LOCALITY_CODE);
      const list = await services.register.partnerships.allForLocality(database(services), result.locality.id);
      const refOf = new Map(list.map((p) => [p.id, p.reference]));
      const truth: Truth = { groups: DEMO_DUPLICATE_GROUPS.map((g) => g.references), hard_negatives: [] };
      const likely = result.analysis.pairs
        .filter((p) => p.tier === 'likely')
        .map((p) => pairKey(refOf.get(p.aId)!, refOf.get(p.bId)!));
      const planted = pairsOfGroups(truth.groups);
      const groups = result.analysis.clusters.map((c) => c.partnershipIds.map((id) => refOf.get(id)!));
      return {
        score: scoreAgainstTruth(likely, groups, truth),
        extra: likely.filter((k) => !planted.has(k)).map((k) => k.replace('|', ' ~ ')),
      };
    });
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function scoreNational(size: number) {
  const data = generateNational({
    partnerships: size,
    organisations: Math.round(size * 0.4),
    localities: Math.max(1, Math.round(size / 143)),
    seed: 7,
  });
  const started = performance.now();
  const names = new Map(data.localities.map((l) => [l.id, l.name]));
  // The engine alone, each locality read with the shipped thesaurus and its own name as place words.
  const thesaurus = compileThesaurus(DEFAULT_THESAURUS);
  const analysis = analyseScope(data.partnerships, data.organisations, {
    contextFor: (id) => ({ thesaurus, stopWords: placeWords(names.get(id) ?? '') }),
    perLocality: false,
  });
  const seconds = (performance.now() - started) / 1000;
  const truth: Truth = {
    groups: data.planted.map((g) => g.ids),
    hard_negatives: data.hardNegatives.map((h) => [h.ids[0], h.ids[1]] as [string, string]),
  };
  const likely = analysis.pairs.filter((p) => p.tier === 'likely').map((p) => pairKey(p.aId, p.bId));
  return {
    score: scoreAgainstTruth(
      likely,
      analysis.clusters.map((c) => c.partnershipIds),
      truth,
    ),
    seconds,
  };
}

const pct = (x: number) => `${(x * 100).toFixed(0)}%`;
const line = (label: string, s: QualityScore) =>
  `  ${label.padEnd(26)} P ${pct(s.precision).padStart(4)}  R ${pct(s.recall).padStart(4)}  F1 ${s.f1.toFixed(2)}  flagged ${String(s.flagged).padStart(4)}  hard negatives ${s.hardNegativesFlagged}/${s.hardNegatives}  groups exact ${s.groupsExact}/${s.groups}`;

const load = os
  .loadavg()
  .map((l) => l.toFixed(1))
  .join(' ');
console.log(`Overlap quality, ${new Date().toISOString()}, load average ${load}`);
const summary: string[] = [];
for (const dir of registerFolders()) {
  const r = await scoreRegister(dir);
  console.log(
    `\n${r.name}: ${r.partnerships} partnerships (import ${r.seconds.import.toFixed(1)} s, analysis ${r.seconds.analysis.toFixed(2)} s)`,
  );
  console.log(line('likely the same work', r.likely));
  console.log(line('in the same group', r.grouped));
  console.log(line('at least worth a look', r.look));
  console.log(line(`word overlap (best ${r.baseline.threshold.toFixed(2)})`, r.baseline));
  console.log(
    `  likely F1 at other thresholds: ${r.sweep.map((s) => `${s.threshold.toFixed(2)} → ${s.f1.toFixed(2)}`).join(', ')}`,
  );
  console.log(
    `  pre-check: a group-mate in the top 3 for ${r.precheck.top3}/${r.precheck.proposals} reworded proposals; every member of ${r.precheck.groupsAllTop3}/${r.precheck.groups} groups`,
  );
  summary.push(
    `${r.name.padEnd(14)} F1 ${r.likely.f1.toFixed(2)} (grouped ${r.grouped.f1.toFixed(2)}, baseline ${r.baseline.f1.toFixed(2)}, ratio ${(r.likely.f1 / Math.max(0.01, r.baseline.f1)).toFixed(1)}×), hard negatives ${r.likely.hardNegativesFlagged}, pre-check top 3 ${pct(r.precheck.top3 / Math.max(1, r.precheck.proposals))}`,
  );
}
const demo = await scoreDemo();
console.log(`\ndemo locality (planted groups):`);
console.log(line('likely the same work', demo.score));
console.log(`  flagged likely but not planted: ${demo.extra.length ? demo.extra.join('; ') : 'none'}`);
summary.push(
  `demo           planted groups found ${demo.score.groupsExact}/${demo.score.groups}, recall ${pct(demo.score.recall)}, unplanted likely pairs ${demo.extra.length}`,
);
if (nationalSize > 0) {
  const national = scoreNational(nationalSize);
  console.log(
    `\nsynthetic national register, ${nationalSize} partnerships (engine, ${national.seconds.toFixed(1)} s):`,
  );
  console.log(line('likely the same work', national.score));
  summary.push(`national ${nationalSize}  F1 ${national.score.f1.toFixed(2)}`);
}
console.log(`\nSummary\n${summary.map((s) => `  ${s}`).join('\n')}`);
