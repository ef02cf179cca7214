/**
 * The performance framework page (/localities/:code/performance) on PGlite with the demo
 * locality: the mean time of one request, and the time for eight people (one per demo role)
 * asking at once, as a crawl or a morning's first visits do. PGlite has one connection, so
 * concurrent requests queue query by query; the fewer and lighter the queries a page makes,
 * the less each waits. The baseline, measured in the same run, is the partnership register's
 * first page.
 *
 *   npm run bench:performance-page
 */
import os from 'node:os';
import { createTestContext } from '../test/helpers/context.js';
import { seedDemoUsers } from '../src/modules/accounts/demo-users.js';
import { seedDemoLocality } from '../src/modules/demo/seed.js';
import { FormSession } from '../test/helpers/forms.js';
import { DEMO_PASSWORD } from '../src/modules/accounts/demo-users.js';

const ROLES = ['admin', 'panel', 'secretary', 'partner', 'scrutiny'].map((r) => `${r}@brackenfield.example`);
ROLES.push('adviser@go-eastmidlands.example', 'gatekeeper@national.example', 'sysadmin@joinedup.example');
const RUNS = 30;

const ctx = await createTestContext('pglite');
try {
  await seedDemoLocality(ctx.services);
  await seedDemoUsers(ctx.services, 'E07999001');
  const sessions: FormSession[] = [];
  for (const email of ROLES) {
    const session = new FormSession(ctx.app);
    await session.signIn(email, DEMO_PASSWORD);
    sessions.push(session);
  }
  const measure = async (url: string) => {
    for (const s of sessions) await s.get(url); // warm: templates compiled, code optimised
    let started = performance.now();
    for (let i = 0; i < RUNS; i++) {
      const response = await (sessions[i % sessions.length] as FormSession).get(url);
      if (response.statusCode !== 200) throw new Error(`${url} answered ${response.statusCode}`);
    }
    const single = (performance.now() - started) / RUNS;
    started = performance.now();
    for (let i = 0; i < 5; i++) await Promise.all(sessions.map((s) => s.get(url)));
    const together = (performance.now() - started) / 5;
    return { single, together };
  };
  const baseline = await measure('/localities/E07999001/partnerships');
  const page = await measure('/localities/E07999001/performance');
  console.log(`load average ${os.loadavg()[0]?.toFixed(2)}; ${RUNS} single requests, then 5 rounds of 8 at once`);
  console.log('page                 one request   8 people at once   ratio to baseline (one / eight)');
  for (const [name, f] of [
    ['register (baseline)', baseline],
    ['performance', page],
  ] as const)
    console.log(
      `${name.padEnd(20)} ${`${f.single.toFixed(1)} ms`.padEnd(13)} ${`${f.together.toFixed(0)} ms`.padEnd(18)} ${(f.single / baseline.single).toFixed(2)}× / ${(f.together / baseline.together).toFixed(2)}×`,
    );
} finally {
  await ctx.close();
}
