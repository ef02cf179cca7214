/**
 * Pages and API under load, through the real server (`joinedup start`, the compiled dist/, in its
 * own process) with autocannon: the register page (as the public and signed in), a partnership
 * page, the API partnerships list and the map JSON of one locality. Each path's baseline, in the
 * same run, is a bare Fastify (another process) serving the very bytes the product answered with,
 * so the ratio says how much of the machine the product's own work takes. After the load it
 * prints the server's resident memory, and a table at the end.
 *
 * Two databases: PGlite with the demo locality (a fresh data folder), and PostgreSQL with a
 * national set written by `joinedup generate` into a throwaway database (skipped when PostgreSQL
 * cannot be reached). Requests carry no Accept-Encoding and no If-None-Match, so every response
 * is the whole body, built afresh, as in the figures the work started from.
 *
 *   npm run bench:pages
 *   PAGES_BENCH_PARTNERSHIPS=10000 PAGES_BENCH_SECONDS=5 npm run bench:pages
 *   PAGES_BENCH_ONLY=pglite|postgres npm run bench:pages
 *   PAGES_BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres (the default)
 *   PAGES_BENCH_TARGETS='API|register page' (only the paths whose name matches)
 *   PAGES_BENCH_RUNS=3 (each path measured three times on the same data, and the medians printed)
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { createThrowawayDatabase } from '../test/helpers/server.js';
import { recordFigure } from './figures.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SECONDS = Number(process.env.PAGES_BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.PAGES_BENCH_CONNECTIONS ?? 20);
const PARTNERSHIPS = Number(process.env.PAGES_BENCH_PARTNERSHIPS ?? 50_000);
const ONLY = process.env.PAGES_BENCH_ONLY;
const TARGETS = new RegExp(process.env.PAGES_BENCH_TARGETS ?? '', 'i');
const RUNS = Math.max(1, Number(process.env.PAGES_BENCH_RUNS ?? 1));
const POSTGRES = process.env.PAGES_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SIGN_IN = { email: 'sysadmin@joinedup.example', password: 'joined-up-demo' };

interface Target {
  name: string;
  path: string;
  /** A session cookie, for pages measured as a signed-in person. */
  cookie?: string;
}

interface Figures {
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  bytes: number;
}

interface Row {
  database: string;
  target: string;
  product: Figures;
  baseline: Figures;
  load: number;
}

// --- processes ------------------------------------------------------------------------------

interface Process {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts a child and waits for it to print the address it listens on. */
async function startProcess(args: string[], env: NodeJS.ProcessEnv, ready: RegExp): Promise<Process> {
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const port = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready after 10 minutes:\n${output}`)), 600_000);
    child.stdout?.on('data', () => {
      const match = ready.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${args.join(' ')} exited with ${code}:\n${output}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

function serverEnv(dataDir: string, databaseUrl?: string): NodeJS.ProcessEnv {
  const { PATH, HOME, TMPDIR } = process.env;
  return {
    PATH,
    HOME,
    TMPDIR,
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    JOINEDUP_DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  };
}

const startServer = (env: NodeJS.ProcessEnv) =>
  startProcess([path.join(ROOT, 'bin/joinedup.mjs'), 'start'], env, /ready at http:\/\/[^\s:]+:(\d+)/);

async function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/joinedup.mjs'), ...args], { cwd: ROOT, env });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`joinedup ${args.join(' ')} exited with ${code}:\n${output}`);
  return output;
}

/** A bare Fastify, in its own process, answering each path with the bytes given. */
async function startBaseline(answers: Map<string, { type: string; body: string }>): Promise<Process> {
  const file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'joinedup-bare-')), 'answers.json');
  await fs.writeFile(file, JSON.stringify([...answers]));
  const script = `
    const fs = require('node:fs');
    const Fastify = require('fastify');
    const answers = new Map(JSON.parse(fs.readFileSync(${JSON.stringify(file)}, 'utf8')));
    const app = Fastify();
    app.get('*', (request, reply) => {
      const answer = answers.get(request.url);
      if (!answer) return reply.code(404).send();
      return reply.type(answer.type).send(answer.body);
    });
    app.listen({ port: 0, host: '127.0.0.1' }).then((address) => console.log('listening ' + address));
  `;
  return startProcess(['-e', script], { PATH: process.env.PATH }, /listening http:\/\/[^\s:]+:(\d+)/);
}

function rssMegabytes(child: ChildProcess): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
}

// --- measuring ------------------------------------------------------------------------------

async function fetchOnce(base: string, target: Target): Promise<{ type: string; body: string }> {
  const response = await fetch(`${base}${target.path}`, {
    headers: target.cookie ? { cookie: target.cookie } : {},
    redirect: 'manual',
  });
  if (response.status !== 200) throw new Error(`${target.path} answered ${response.status}`);
  return { type: response.headers.get('content-type') ?? 'text/plain', body: await response.text() };
}

function percentile(sorted: number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? NaN;
}

async function load(base: string, target: Target): Promise<Figures> {
  // Every response's time, for exact percentiles (autocannon's summary has no p95).
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${base}${target.path}`,
        connections: CONNECTIONS,
        duration: SECONDS,
        headers: target.cookie ? { cookie: target.cookie } : {},
      },
      (error, done) => (error ? reject(error as Error) : resolve(done)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
  times.sort((a, b) => a - b);
  return {
    requestsPerSecond: result.requests.average,
    p50: percentile(times, 0.5),
    p95: percentile(times, 0.95),
    p99: percentile(times, 0.99),
    errors: result.errors + result.non2xx + result.timeouts,
    bytes: result.throughput.average,
  };
}

async function signIn(base: string): Promise<string> {
  const form = await fetch(`${base}/sign-in`);
  const cookies = form.headers.getSetCookie().map((line) => line.split(';')[0]);
  const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? '';
  const body = new URLSearchParams({ _csrf: token, ...SIGN_IN });
  const response = await fetch(`${base}/sign-in`, {
    method: 'POST',
    headers: { cookie: cookies.join('; '), 'content-type': 'application/x-www-form-urlencoded' },
    body: body.toString(),
    redirect: 'manual',
  });
  if (response.status !== 303) throw new Error(`sign-in answered ${response.status}`);
  const session = response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .find((pair) => pair?.startsWith('joinedup-session='));
  if (!session) throw new Error('sign-in set no session cookie');
  return session;
}

async function targetsFor(base: string, code: string, cookie: string): Promise<Target[]> {
  const list = (await (await fetch(`${base}/api/v1/localities/${code}/partnerships?pageSize=1`)).json()) as {
    items: Array<{ id: string }>;
  };
  const id = list.items[0]?.id;
  if (!id) throw new Error(`no partnership in ${code}`);
  const bodies = (await (await fetch(`${base}/api/v1/bodies?sort=seats&order=desc&pageSize=1`)).json()) as {
    items: Array<{ identifier: string }>;
  };
  const busiest = bodies.items[0]?.identifier;
  const targets: Target[] = [
    { name: 'bodies across the country', path: '/bodies?minLocalities=2&sort=seats&order=desc' },
    ...(busiest ? [{ name: 'busiest body’s page', path: `/bodies/${encodeURIComponent(busiest)}` }] : []),
    { name: 'register page', path: `/localities/${code}/partnerships` },
    { name: 'register page, signed in', path: `/localities/${code}/partnerships`, cookie },
    { name: 'partnership page', path: `/localities/${code}/partnerships/${id}` },
    { name: 'API partnerships list', path: `/api/v1/localities/${code}/partnerships` },
    { name: 'map JSON', path: `/api/v1/localities/${code}/map` },
  ];
  return targets.filter((target) => TARGETS.test(target.name));
}

async function measureAll(
  database: string,
  server: Process,
  code: string,
): Promise<{ rows: Row[]; rss: number; rssAtStart: number }> {
  const rssAtStart = rssMegabytes(server.child);
  const cookie = await signIn(server.url);
  const targets = await targetsFor(server.url, code, cookie);
  const answers = new Map<string, { type: string; body: string }>();
  for (const target of targets) answers.set(`${target.path}#${target.name}`, await fetchOnce(server.url, target));
  const bare = await startBaseline(
    new Map(targets.map((t) => [t.path, answers.get(`${t.path}#${t.name}`) as { type: string; body: string }])),
  );
  const rows: Row[] = [];
  try {
    const runs: Row[][] = [];
    for (let run = 1; run <= RUNS; run++) {
      const measured: Row[] = [];
      for (const target of targets) {
        const size = answers.get(`${target.path}#${target.name}`)?.body.length ?? 0;
        const product = await load(server.url, target);
        const baseline = await load(bare.url, { ...target, cookie: undefined });
        const name = `${target.name} (${kb(size)})${RUNS > 1 ? `, run ${run}` : ''}`;
        const row = { database, target: name, product, baseline, load: os.loadavg()[0] ?? 0 };
        measured.push(row);
        print(row);
      }
      runs.push(measured);
    }
    if (RUNS === 1) rows.push(...(runs[0] ?? []));
    else
      targets.forEach((target, i) => {
        const row = medianRow(runs.map((measured) => measured[i] as Row));
        rows.push({ ...row, target: `${row.target.replace(/, run \d+$/, '')}, median of ${RUNS}` });
      });
  } finally {
    await bare.stop();
  }
  const rss = rssMegabytes(server.child);
  console.log(
    `${database}: server resident memory ${Math.round(rssAtStart)} MB at the start, ${Math.round(rss)} MB after the load`,
  );
  return { rows, rss, rssAtStart };
}

/** Each figure the median of the runs' (the ratio from the median rates). */
function medianRow(runs: Row[]): Row {
  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)] ?? NaN;
  };
  const figures = (pick: (row: Row) => Figures): Figures => ({
    requestsPerSecond: median(runs.map((r) => pick(r).requestsPerSecond)),
    p50: median(runs.map((r) => pick(r).p50)),
    p95: median(runs.map((r) => pick(r).p95)),
    p99: median(runs.map((r) => pick(r).p99)),
    errors: runs.reduce((sum, r) => sum + pick(r).errors, 0),
    bytes: median(runs.map((r) => pick(r).bytes)),
  });
  const first = runs[0] as Row;
  return {
    database: first.database,
    target: first.target,
    product: figures((r) => r.product),
    baseline: figures((r) => r.baseline),
    load: median(runs.map((r) => r.load)),
  };
}

// --- the two databases ------------------------------------------------------------------------

async function onPglite(): Promise<{ rows: Row[]; rss: number; rssAtStart: number }> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'joinedup-pages-'));
  const server = await startServer(serverEnv(dataDir));
  try {
    return await measureAll('PGlite, demo', server, 'E07999001');
  } finally {
    await server.stop();
    console.log(
      `PGlite, demo: a bare PGlite holding the same data folder: ${Math.round(await barePgliteRss(dataDir))} MB`,
    );
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

/** The memory baseline for PGlite: a process that only opens the data folder and reads from it. */
async function barePgliteRss(dataDir: string): Promise<number> {
  const script = `
    const { PGlite } = await import('@electric-sql/pglite');
    const db = await PGlite.create({ dataDir: ${JSON.stringify(dataDir)} });
    await db.query('select count(*) from partnerships');
    await db.query('select * from memberships');
    const kb = Number(/VmRSS:\\s+(\\d+)/.exec(require('node:fs').readFileSync('/proc/self/status', 'utf8'))[1]);
    console.log('rss ' + kb);
    await db.close();
  `;
  const child = spawn(process.execPath, ['--input-type=commonjs', '-e', `(async () => { ${script} })()`], {
    cwd: ROOT,
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  await new Promise((resolve) => child.once('exit', resolve));
  const kb = Number(/rss (\d+)/.exec(output)?.[1] ?? NaN);
  if (Number.isNaN(kb)) console.log(output);
  return kb / 1024;
}

async function onPostgres(): Promise<{ rows: Row[]; rss: number; rssAtStart: number } | undefined> {
  try {
    const probe = new pg.Client({ connectionString: POSTGRES });
    await probe.connect();
    await probe.end();
  } catch {
    console.log(`PostgreSQL at ${POSTGRES} cannot be reached: its rows are skipped`);
    return undefined;
  }
  const created = await createThrowawayDatabase(POSTGRES);
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'joinedup-pages-'));
  const env = serverEnv(dataDir, created.url);
  try {
    // The first start writes the demo locality and its accounts (a signed-in person to measure
    // with); then the national set joins it.
    await (await startServer(env)).stop();
    const started = performance.now();
    await runCli(
      [
        'generate',
        '--partnerships',
        String(PARTNERSHIPS),
        '--organisations',
        String(Math.round(PARTNERSHIPS * 0.4)),
        '--ground-truth',
        path.join(dataDir, 'truth.json'),
        '--truth',
        path.join(dataDir, 'bench-truth.json'),
      ],
      env,
    );
    console.log(
      `joinedup generate: ${PARTNERSHIPS.toLocaleString('en-GB')} partnerships in ${seconds(performance.now() - started)}`,
    );
    const code = await largestLocality(created.url);
    const server = await startServer(env);
    try {
      return await measureAll(`PostgreSQL, ${Math.round(PARTNERSHIPS / 1000)}k (${code})`, server, code);
    } finally {
      await server.stop();
    }
  } finally {
    await created.drop();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

async function largestLocality(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ gss_code: string }>(
      `select l.gss_code from localities l join partnerships p on p.locality_id = l.id
       where not l.gss_code = 'E07999001' group by l.gss_code order by count(*) desc, l.gss_code limit 1`,
    );
    const code = result.rows[0]?.gss_code;
    if (!code) throw new Error('the generated set has no locality');
    return code;
  } finally {
    await client.end();
  }
}

// --- printing -------------------------------------------------------------------------------

const kb = (bytes: number) => `${(bytes / 1024).toFixed(bytes < 10_240 ? 1 : 0)} KB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const ms = (value: number) => `${Math.round(value)} ms`;

function print(row: Row): void {
  const { product: p, baseline: b } = row;
  console.log(
    `${row.database} | ${row.target}: ${p.requestsPerSecond.toFixed(1)} req/s, p50 ${ms(p.p50)}, p95 ${ms(p.p95)}, p99 ${ms(p.p99)}${p.errors ? `, ${p.errors} errors` : ''}` +
      ` | bare Fastify ${b.requestsPerSecond.toFixed(0)} req/s | ratio ${(p.requestsPerSecond / b.requestsPerSecond).toFixed(3)} | load ${row.load.toFixed(2)}`,
  );
}

function table(rows: Row[], memory: Array<[string, number, number]>): void {
  const header = ['database', 'path', 'req/s', 'p50', 'p95', 'p99', 'bare req/s', 'ratio', 'load'];
  const lines = rows.map((r) => [
    r.database,
    r.target,
    r.product.requestsPerSecond.toFixed(1),
    ms(r.product.p50),
    ms(r.product.p95),
    ms(r.product.p99),
    r.baseline.requestsPerSecond.toFixed(0),
    (r.product.requestsPerSecond / r.baseline.requestsPerSecond).toFixed(3),
    r.load.toFixed(2),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const format = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  console.log(`\n${CONNECTIONS} connections, ${SECONDS} s a path`);
  console.log(format(header));
  console.log(format(widths.map((w) => '-'.repeat(w))));
  for (const line of lines) console.log(format(line));
  for (const [database, atStart, rss] of memory)
    console.log(
      `${database}: server memory ${Math.round(atStart)} MB at the start, ${Math.round(rss)} MB after the load`,
    );
}

const rows: Row[] = [];
const memory: Array<[string, number, number]> = [];
console.log(
  `load average at the start ${os
    .loadavg()
    .map((v) => v.toFixed(2))
    .join(' ')}`,
);
if (ONLY !== 'postgres') {
  const result = await onPglite();
  rows.push(...result.rows);
  memory.push(['PGlite, demo', result.rssAtStart, result.rss]);
}
if (ONLY !== 'pglite') {
  const result = await onPostgres();
  if (result) {
    rows.push(...result.rows);
    memory.push([`PostgreSQL, ${Math.round(PARTNERSHIPS / 1000)}k`, result.rssAtStart, result.rss]);
  }
}
table(rows, memory);
/** Issue 14's goals for each path's 95th percentile, in milliseconds. */
const P95_GOALS: Record<string, number> = {
  'register page': 50,
  'partnership page': 50,
  'map JSON': 200,
};
for (const r of rows) {
  const bare = { value: r.baseline.requestsPerSecond, what: 'bare Fastify, same bytes' };
  const pglite = r.database.toLowerCase().includes('pglite');
  const target = r.target.replace(/ \([^)]*\)$/, '');
  const goal = Object.entries(P95_GOALS).find(([name]) => target === name)?.[1];
  recordFigure({
    path: `${target}, ${r.database}: req/s`,
    measured: r.product.requestsPerSecond,
    unit: 'req/s',
    baseline: bare,
  });
  if (target === 'API partnerships list')
    recordFigure({
      path: `${target}, ${r.database}: ratio to bare Fastify`,
      measured: r.product.requestsPerSecond / r.baseline.requestsPerSecond,
      unit: 'ratio',
      goal: { value: 0.25, better: 'higher' },
    });
  recordFigure({
    path: `${target}, ${r.database}: p95`,
    measured: r.product.p95,
    unit: 'ms',
    ...(goal ? { goal: { value: pglite && goal === 50 ? 100 : goal, better: 'lower' as const } } : {}),
  });
}
for (const [database, , rss] of memory)
  recordFigure({
    path: `server memory after the load, ${database}`,
    measured: rss,
    unit: 'MB',
    goal: { value: 500, better: 'lower' },
  });
