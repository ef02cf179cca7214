/**
 * The national overlap analysis through the service, as the national page asks for it, on a
 * synthetic national register in embedded PGlite (or PostgreSQL with DATABASE_URL):
 *
 * - the first analysis, every locality read and scored (the baseline of this run);
 * - after a partnership is added to one locality: only its locality is read and scored again;
 * - a new process on the same database (a restart, or a second replica): the localities' kept
 *   parts are read from the database instead of being scored again.
 *
 * Each figure is printed beside the full pass measured in the same run, with the ratio.
 *
 *   npm run bench:national-refresh              # 10,000 partnerships, 70 localities
 *   npm run bench:national-refresh -- 50000
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SYSTEM, cliActor } from '../src/core/actor.js';
import { recordFigure } from './figures.js';
import { loadConfig } from '../src/config.js';
import { openConfiguredDatabase } from '../src/main.js';
import { createServices, type Services } from '../src/services.js';
import type { Db } from '../src/db/database.js';
import { NationalService } from '../src/modules/national/service.js';
import type { LocalityAnalysis } from '../src/modules/overlap/service.js';
import { draftProposal } from '../src/modules/overlap/test-records.js';

if (process.argv[2] === '--precheck-in') {
  console.log(JSON.stringify(await precheckInNewProcess(process.argv[3]!)));
  process.exit(0);
}

const size = Number(process.argv[2] ?? 10_000);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'joinedup-national-refresh-'));
const config = loadConfig({ ...process.env, JOINEDUP_DATA_DIR: dataDir, LOG_LEVEL: 'silent', NODE_ENV: 'test' });
const database = await openConfiguredDatabase(config);
let databaseOpen = true;
async function closeDatabase() {
  if (databaseOpen) await database.close();
  databaseOpen = false;
}

/** The national result, waiting out "still computing" and "refreshing", timed from the first ask. */
async function timedNational(services: Services): Promise<{ seconds: number; result: LocalityAnalysis }> {
  const started = performance.now();
  for (;;) {
    try {
      const result = await services.overlap.analyseWide(SYSTEM);
      if (!result.refreshing) return { seconds: (performance.now() - started) / 1000, result };
    } catch (error) {
      if ((error as Error).name !== 'StillComputingError') throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The proposal the pre-check is measured with: the first locality's first partnership, as written. */
async function firstProposal(services: Services, db: Db) {
  const first = await db.selectFrom('localities').select('gss_code').orderBy('gss_code').executeTakeFirstOrThrow();
  const listed = (await services.register.listPartnerships(SYSTEM, first.gss_code, { pageSize: 1 })).items[0]!;
  const detail = (await services.register.getPartnership(SYSTEM, first.gss_code, listed.id)).partnership;
  const locality = await services.register.locality(first.gss_code);
  return { first, detail, locality, proposal: draftProposal(locality.id, detail.name, detail.purpose) };
}

/**
 * The national pre-check in a process that only opened the database, as a restarted server
 * would: the run's own process also generated the country and holds what that left behind.
 */
async function precheckInNewProcess(dataDir: string) {
  const config = loadConfig({ ...process.env, JOINEDUP_DATA_DIR: dataDir, LOG_LEVEL: 'silent', NODE_ENV: 'test' });
  const database = await openConfiguredDatabase(config);
  try {
    const services = createServices(database, config);
    await timedNational(services);
    const { locality, proposal } = await firstProposal(services, database.db);
    return await timings(() => services.overlap.checkProposal(locality, proposal));
  } finally {
    await database.close();
  }
}

/** Median and 95th percentile of 41 runs, after one to warm up. */
async function timings(work: () => Promise<unknown>): Promise<{ median: number; p95: number }> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < 41; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { median: times[20]!, p95: times[Math.ceil(0.95 * times.length) - 1]! };
}

try {
  const services = createServices(database, config);
  await services.reference.ensureSeeded();
  const national = new NationalService(database.db, services.audit, services.reference);
  const generating = performance.now();
  await national.generate(cliActor('bench'), {
    partnerships: size,
    organisations: Math.round(size * 0.4),
    localities: Math.max(1, Math.round(size / 143)),
    seed: 17,
    commandLine: `bench national-refresh ${size}`,
  });
  console.log(`Generated ${size} partnerships in ${((performance.now() - generating) / 1000).toFixed(1)} s`);

  const full = await timedNational(services);
  const cached = await timedNational(services);

  const { first, detail, locality, proposal } = await firstProposal(services, database.db);
  await services.register.createPartnership(SYSTEM, first.gss_code, {
    name: `${detail.name} Forum`,
    purpose: detail.purpose,
    basis: 'voluntary',
    legalForm: 'unincorporated',
    layer: 'operational',
  });
  const changed = await timedNational(services);

  // The gatekeeper's pre-check of one proposal (a partnership's own name and purpose, reworded
  // by nothing), against the resident index, and read fresh from the database as the baseline.
  // Measured before the restart below, whose second set of services (a second process's) stays
  // in this one's memory: a server holds one national analysis, not two.
  const precheck = {
    resident: await timings(() => services.overlap.checkProposal(locality, proposal, { national: false })),
    national: await timings(() => services.overlap.checkProposal(locality, proposal)),
    fresh: await timings(() => services.overlap.checkProposal(locality, proposal, { trx: database.db })),
  };

  const restarted = await timedNational(createServices(database, config));

  await database.db.deleteFrom('overlap_parts').execute();
  const fullAgain = await timedNational(createServices(database, config));
  // Closed for the child to open: a PGlite folder has one process at a time.
  await closeDatabase();
  const newProcess = precheckInChild(dataDir);

  const baseline = (full.seconds + fullAgain.seconds) / 2;
  const row = (label: string, run: { seconds: number; result: LocalityAnalysis }) =>
    `| ${label} | ${run.seconds.toFixed(3)} s | ${run.result.analysis.stats.localitiesScored} scored, ${run.result.analysis.stats.localitiesReused} kept | ${(run.seconds / baseline).toFixed(3)} |`;
  console.log(
    `\n${full.result.records.size} partnerships in ${full.result.localities.length} localities; load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}\n`,
  );
  console.log('| national analysis | time | localities | ratio to a full pass (same run) |');
  console.log('|---|---|---|---|');
  console.log(row('full pass, first', full));
  console.log(row('unchanged (kept in memory)', cached));
  console.log(row('after one partnership added', changed));
  console.log(row('new process, parts kept in the database', restarted));
  console.log(row('full pass, again (baseline)', fullAgain));
  console.log('\n| pre-check of one proposal (41 runs) | median | p95 | median ratio to reading fresh |');
  console.log('|---|---|---|---|');
  for (const [label, t] of [
    ['its locality, resident index', precheck.resident],
    ['its locality and every other, resident', precheck.national],
    ['the same, in a new process (a restarted server)', newProcess],
    ['its locality read fresh (baseline)', precheck.fresh],
  ] as const)
    console.log(
      `| ${label} | ${t.median.toFixed(1)} ms | ${t.p95.toFixed(1)} ms | ${(t.median / precheck.fresh.median).toFixed(3)} |`,
    );
  console.log(`\nPeak memory ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  const set = `${Math.round(full.result.records.size / 1000)}k`;
  const fullPass = { value: baseline, what: 'a full pass' };
  recordFigure({
    path: `national analysis through the service, ${set}: first`,
    measured: full.seconds,
    unit: 's',
    goal: { value: 3, better: 'lower' },
  });
  recordFigure({
    path: `national analysis through the service, ${set}: after one change`,
    measured: changed.seconds,
    unit: 's',
    baseline: fullPass,
    goal: { value: 3, better: 'lower' },
  });
  recordFigure({
    path: `national analysis through the service, ${set}: new process`,
    measured: restarted.seconds,
    unit: 's',
    baseline: fullPass,
    goal: { value: 3, better: 'lower' },
  });
  recordFigure({
    path: `national analysis through the service, ${set}: peak memory of the process (generating the set included)`,
    measured: process.resourceUsage().maxRSS / 1024,
    unit: 'MB',
    goal: { value: 500, better: 'lower' },
  });
  const fresh = { value: precheck.fresh.p95, what: 'reading the locality fresh' };
  recordFigure({
    path: `pre-check through the service, ${set}: p95`,
    measured: precheck.national.p95,
    unit: 'ms',
    baseline: fresh,
    goal: { value: 20, better: 'lower' },
  });
  recordFigure({
    path: `pre-check through the service, ${set}, in a new process: p95`,
    measured: newProcess.p95,
    unit: 'ms',
    baseline: fresh,
    goal: { value: 20, better: 'lower' },
  });
} finally {
  await closeDatabase();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

/** precheckInNewProcess, in a child process on the same (closed) data folder. */
function precheckInChild(dataDir: string): { median: number; p95: number } {
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), '--precheck-in', dataDir],
    {
      encoding: 'utf8',
      env: process.env,
    },
  );
  if (child.status !== 0) throw new Error(`the pre-check in a new process failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as { median: number; p95: number };
}
