import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * `joinedup start` twice on one PGlite data folder: the second must refuse at once, naming
 * the folder, and leave the first serving; the first stops cleanly on SIGTERM, and the folder
 * then opens again with its data.
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(ROOT, 'bin/joinedup.mjs');
const READY = /Joined Up is ready at (\S+)/;

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Milliseconds from spawn to exit. */
  ms: number;
}

class JoinedUp {
  readonly child: ChildProcess;
  readonly started = Date.now();
  stdout = '';
  stderr = '';
  readonly exited: Promise<Exit>;

  constructor(dataDir: string) {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      JOINEDUP_DATA_DIR: dataDir,
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
    };
    delete env.DATABASE_URL; // the embedded database, whatever the caller's environment says
    this.child = spawn(process.execPath, [CLI, 'start'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (this.stdout += chunk));
    this.child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (this.stderr += chunk));
    this.exited = new Promise((resolve) =>
      this.child.once('exit', (code, signal) => resolve({ code, signal, ms: Date.now() - this.started })),
    );
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Resolves with the server's address once it prints "ready at"; fails if it exits or takes too long. */
  async ready(timeoutMs = 240_000): Promise<{ url: string; ms: number }> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const match = READY.exec(this.stdout);
      if (match?.[1]) return { url: match[1], ms: Date.now() - this.started };
      if (!this.running)
        throw new Error(
          `joinedup start exited (${this.child.exitCode ?? this.child.signalCode}) before it was ready.\nstdout: ${this.stdout}\nstderr: ${this.stderr}`,
        );
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(
      `joinedup start was not ready within ${timeoutMs} ms.\nstdout: ${this.stdout}\nstderr: ${this.stderr}`,
    );
  }

  async exit(timeoutMs = 30_000): Promise<Exit> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new Error(`joinedup did not exit within ${timeoutMs} ms.\nstdout: ${this.stdout}\nstderr: ${this.stderr}`),
          ),
        timeoutMs,
      );
    });
    try {
      return await Promise.race([this.exited, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}

/** The address printed uses "localhost"; ask 127.0.0.1, where the server listens. */
async function health(url: string): Promise<number> {
  const address = new URL('/healthz', url);
  address.hostname = '127.0.0.1';
  return (await fetch(address)).status;
}

function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

describe('joinedup start on a data folder already in use', () => {
  let dataDir: string;
  const processes: JoinedUp[] = [];
  const launch = () => {
    const process_ = new JoinedUp(dataDir);
    processes.push(process_);
    return process_;
  };

  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'joinedup-lock-'));
  });

  afterAll(async () => {
    // Only the processes this test started, each by its own PID.
    for (const p of processes) {
      if (p.running) {
        p.child.kill('SIGKILL');
        await p.exited;
      }
    }
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  // A first start builds the demo locality, which takes a while on a busy two-core machine.
  it(
    'refuses a second process at once, naming the folder, and stops the first cleanly on SIGTERM',
    { timeout: 300_000 },
    async () => {
      const first = launch();
      const { url, ms: firstStart } = await first.ready();
      expect(await health(url)).toBe(200);

      const second = launch();
      const refused = await second.exit(30_000);
      expect(refused.signal).toBeNull();
      expect(refused.code).not.toBe(0);
      expect(second.stderr).toContain(dataDir);
      expect(second.stderr).toContain('in use');
      expect(second.stdout).not.toMatch(READY);
      console.log(
        `first start (new folder, migrations, demo) ready in ${firstStart} ms; second start refused in ${refused.ms} ms (exit code ${refused.code}): ${second.stderr.trim()}`,
      );

      // The first goes on serving, undisturbed.
      expect(first.running).toBe(true);
      expect(await health(url)).toBe(200);

      first.child.kill('SIGTERM');
      const stopped = await first.exit(30_000);
      expect(stopped).toMatchObject({ code: 0, signal: null });
      expect(first.stdout).toContain('SIGTERM received');
      // The lock is released with the database.
      await expect(fs.access(path.join(dataDir, 'joinedup.lock'))).rejects.toThrow();
    },
  );

  it('opens the same folder again after the first has stopped, with its data', { timeout: 300_000 }, async () => {
    // Should the first test have failed half-way, its server is stopped first.
    for (const earlier of processes.filter((p) => p.running)) {
      earlier.child.kill('SIGTERM');
      await earlier.exit(30_000);
    }
    const third = launch();
    const { url, ms } = await third.ready();
    const ownTime = /started in ([\d.]+ s)/.exec(third.stdout)?.[1];
    console.log(
      `reopen of ${dataDir}: ready in ${ms} ms from spawn (the service's own start: ${ownTime ?? 'not printed'})`,
    );
    expect(await health(url)).toBe(200);
    // The demo locality made by the first start is still there, so it is not made again.
    expect(third.stdout).not.toContain('Created the demo locality');
    const demo = /Created the demo locality (.+?): \d+ partnerships/.exec(processes[0]?.stdout ?? '')?.[1];
    expect(demo, 'the first start made the demo locality').toBeTruthy();
    const home = await (await fetch(new URL('/', url.replace('localhost', '127.0.0.1')))).text();
    expect(home).toContain(escapeHtml(demo ?? ''));

    third.child.kill('SIGTERM');
    expect(await third.exit(30_000)).toMatchObject({ code: 0, signal: null });
  });
});
