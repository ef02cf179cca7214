import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { joinedup as run } from '../../../test/helpers/cli.js';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/database.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'joinedup-cli-'));
const env = {
  ...process.env,
  JOINEDUP_DATA_DIR: dataDir,
  LOG_LEVEL: 'silent',
  FIRST_PASSWORD: 'a long first password',
};

const joinedup = (...args: string[]) => run(env, ...args);

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('joinedup user add and audit verify', () => {
  it('creates the first administrator and invites others, and verify finds a tampered entry', async () => {
    const added = await joinedup(
      'user',
      'add',
      '--admin',
      '--email',
      'First.Admin@Example.org',
      '--name',
      'First Admin',
      '--password-env',
      'FIRST_PASSWORD',
    );
    expect(added.stderr).toBe('');
    expect(added.stdout).toContain('Created First Admin <first.admin@example.org> as system-admin');
    const again = await joinedup('user', 'add', '--email', 'first.admin@example.org', '--name', 'Twice');
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain('already exists');
    const invited = await joinedup('user', 'add', '--email', 'later@example.org', '--name', 'Later Person');
    expect(invited.stdout).toMatch(/choose a password here .*\/reset-password\/\S+/);

    const intact = await joinedup('audit', 'verify');
    expect(intact.code).toBe(0);
    expect(intact.stdout).toMatch(/The audit trail is intact: \d+ entries/);

    const database = await openDatabase({ dataDir });
    const first = await database.db
      .selectFrom('audit_events')
      .select('id')
      .orderBy('id')
      .limit(1)
      .executeTakeFirstOrThrow();
    await sql`update audit_events set actor = 'Someone else' where id = ${first.id}`.execute(database.db);
    await database.close();

    const broken = await joinedup('audit', 'verify');
    expect(broken.code).toBe(4);
    expect(broken.stderr).toContain(`broken at entry ${first.id}`);
    // Five runs of the command line, each opening the embedded database: slow on a busy machine.
  }, 180_000);
});
