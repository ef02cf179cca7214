import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../../test/helpers/database.js';
import { type TestContext, createTestContext } from '../../../test/helpers/context.js';
import { createThrowawayDatabase } from '../../../test/helpers/server.js';
import { SYSTEM } from '../../core/actor.js';
import { loadConfig } from '../../config.js';
import { openConfiguredDatabase } from '../../main.js';
import { createServices } from '../../services.js';

describe.each(backends)('background jobs (%s)', (backend) => {
  let context: TestContext;
  beforeAll(async () => {
    context = await createTestContext(backend);
    context.services.jobs.define<{ n: number; fail?: boolean }>('test.count', {
      title: (p) => `Count to ${p.n}`,
      run: async ({ payload, progress }) => {
        for (let i = 1; i <= payload.n; i++) progress(i, payload.n, `counted ${i}`);
        if (payload.fail) throw new Error('ran out of fingers');
        return { counted: payload.n };
      },
    });
  });
  afterAll(async () => context?.close());

  it('runs a queued job, keeps its progress and result, and shows it only to those allowed', async () => {
    const { jobs, register } = context.services;
    await register.createLocality(SYSTEM, {
      gssCode: 'E07000951',
      name: 'Jobs Vale',
      kind: 'district',
      region: 'North West',
    });
    const locality = await register.locality('E07000951');
    const admin = await context.person([{ role: 'locality-admin', localityCode: 'E07000951' }]);
    const stranger = await context.person([]);
    const queued = await jobs.enqueue(admin.principal, 'test.count', { n: 5 }, { localityId: locality.id });
    const failing = await jobs.enqueue(
      admin.principal,
      'test.count',
      { n: 2, fail: true },
      { localityId: locality.id },
    );
    await jobs.start();
    await jobs.idle();
    await jobs.stop();
    const done = await jobs.get(admin.principal, queued.id);
    expect(done).toMatchObject({
      state: 'succeeded',
      title: 'Count to 5',
      progress: { done: 5, total: 5, percent: 100 },
      result: { counted: 5 },
      localityCode: 'E07000951',
    });
    expect(await jobs.get(admin.principal, failing.id)).toMatchObject({
      state: 'failed',
      error: 'The job stopped with an error: ran out of fingers',
    });
    await expect(jobs.get(stranger.principal, queued.id)).rejects.toThrow('Job not found');
    expect((await jobs.list(admin.principal)).items.map((j) => j.id)).toEqual(
      expect.arrayContaining([queued.id, failing.id]),
    );
    expect((await jobs.list(stranger.principal)).items).toEqual([]);

    const page = await context.app.inject({ method: 'GET', url: `/api/v1/jobs/${queued.id}`, headers: admin.headers });
    expect(page.json()).toMatchObject({ state: 'succeeded', links: { page: `/jobs/${queued.id}` } });
    const hidden = await context.app.inject({
      method: 'GET',
      url: `/api/v1/jobs/${queued.id}`,
      headers: stranger.headers,
    });
    expect(hidden.statusCode).toBe(404);
  });

  it('an import killed mid-way leaves nothing written, then resumes and finishes at the next start', async () => {
    const dataDir = backend === 'pglite' ? await fs.mkdtemp(path.join(os.tmpdir(), 'joinedup-kill-')) : undefined;
    const database =
      backend === 'postgres' ? await createThrowawayDatabase(process.env.TEST_DATABASE_URL ?? '') : undefined;
    const { DATABASE_URL: _ignored, ...inherited } = process.env;
    const env = {
      ...inherited,
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      ...(dataDir ? { JOINEDUP_DATA_DIR: dataDir } : { DATABASE_URL: database?.url }),
      // Enough rows for several batches of writes (5,000 each), so there is a middle to kill it in.
      IMPORT_ROWS: '12000',
    };
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/import-child.ts'], { env });
      let output = '';
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const killed = await new Promise<boolean>((resolve) => {
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const progress = [...output.matchAll(/progress (\d+)/g)].map((m) => Number(m[1]));
          if (progress.some((n) => n >= 100 && n < 11_000)) {
            child.kill('SIGKILL');
            resolve(true);
          }
        });
        child.on('exit', () => resolve(false));
      });
      expect(killed, `the child never reported progress: ${output} ${stderr}`).toBe(true);
      await new Promise((resolve) => child.once('exit', resolve));

      // Open the database again, as a restarted server would.
      const config = loadConfig({
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        ...(dataDir ? { JOINEDUP_DATA_DIR: dataDir } : { DATABASE_URL: database?.url ?? '' }),
      });
      const reopened = await openConfiguredDatabase(config);
      try {
        const services = createServices(reopened, config);
        const count = async () =>
          Number(
            (
              await reopened.db
                .selectFrom('organisations')
                .select((eb) => eb.fn.countAll<number>().as('n'))
                .executeTakeFirstOrThrow()
            ).n,
          );
        expect(await count()).toBe(0);
        const [job] = await reopened.db.selectFrom('jobs').selectAll().execute();
        expect(job?.state).toBe('running');
        // On PostgreSQL another server waits two minutes for a silent worker; here we need not wait.
        expect(await services.jobs.recover({ staleAfterMs: 0 })).toBe(1);
        const requeued = await services.jobs.get(SYSTEM, job?.id ?? '');
        expect(requeued).toMatchObject({ state: 'queued', attempts: 1 });
        expect(requeued.progress.message).toMatch(/has started again/);
        await services.jobs.start();
        await services.jobs.idle();
        await services.jobs.stop();
        expect(await services.jobs.get(SYSTEM, job?.id ?? '')).toMatchObject({ state: 'succeeded', attempts: 2 });
        expect(await count()).toBe(12_000);
      } finally {
        await reopened.close();
      }
    } finally {
      if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
      await database?.drop();
    }
  }, 600_000);
});
