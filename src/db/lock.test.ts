import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DataFolderLockedError, UNREADABLE_LOCK_GRACE_MS, lockDataFolder } from './lock.js';

const folders: string[] = [];
function tempFolder(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'joinedup-lock-'));
  folders.push(folder);
  return folder;
}
afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

/** A PID no process has: the kernel's PIDs stop well below it. */
const DEAD_PID = 2 ** 22 + 12345;
const lockFile = (folder: string) => path.join(folder, 'joinedup.lock');
const writeStaleLock = (folder: string) =>
  fs.writeFileSync(lockFile(folder), JSON.stringify({ pid: DEAD_PID, host: os.hostname() }));

describe('data folder lock', () => {
  it('refuses a second holder while the first is alive, naming the folder', () => {
    const folder = tempFolder();
    const lock = lockDataFolder(folder);
    expect(() => lockDataFolder(folder)).toThrow(DataFolderLockedError);
    expect(() => lockDataFolder(folder)).toThrow(folder);
    lock.release();
    lockDataFolder(folder).release();
  });

  it('takes over a lock left by a process that no longer exists', () => {
    const folder = tempFolder();
    writeStaleLock(folder);
    const lock = lockDataFolder(folder);
    expect(JSON.parse(fs.readFileSync(lockFile(folder), 'utf8')).pid).toBe(process.pid);
    lock.release();
    expect(fs.readdirSync(folder)).toEqual([]);
  });

  it('treats an empty lock file that was just created as live: another start may still be writing it', () => {
    const folder = tempFolder();
    fs.writeFileSync(lockFile(folder), '');
    expect(() => lockDataFolder(folder)).toThrow(DataFolderLockedError);
    expect(fs.readFileSync(lockFile(folder), 'utf8')).toBe('');
  });

  it('takes over an empty lock file once it is older than the grace period', () => {
    const folder = tempFolder();
    fs.writeFileSync(lockFile(folder), '');
    const old = new Date(Date.now() - UNREADABLE_LOCK_GRACE_MS - 1000);
    fs.utimesSync(lockFile(folder), old, old);
    const lock = lockDataFolder(folder);
    expect(JSON.parse(fs.readFileSync(lockFile(folder), 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('does not remove a lock another process took after this one was released', () => {
    const folder = tempFolder();
    const first = lockDataFolder(folder);
    first.release();
    const second = lockDataFolder(folder);
    first.release();
    expect(() => lockDataFolder(folder)).toThrow(DataFolderLockedError);
    second.release();
  });
});

describe('twenty starts racing for one stale lock', () => {
  const CONTENDERS = 20;
  const ROUNDS = 8;
  const script = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test/helpers/lock-contender.ts');
  const contenders: Array<{ child: ChildProcessWithoutNullStreams; next(): Promise<string> }> = [];

  function contender() {
    const child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['pipe', 'pipe', 'pipe'] });
    const lines: string[] = [];
    const waiting: Array<(line: string) => void> = [];
    let buffered = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      let newline: number;
      while ((newline = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        const resolve = waiting.shift();
        if (resolve) resolve(line);
        else lines.push(line);
      }
    });
    const next = () =>
      new Promise<string>((resolve) => {
        const line = lines.shift();
        if (line !== undefined) resolve(line);
        else waiting.push(resolve);
      });
    return { child, next };
  }

  beforeAll(async () => {
    for (let i = 0; i < CONTENDERS; i++) contenders.push(contender());
    expect(await Promise.all(contenders.map((c) => c.next()))).toEqual(Array(CONTENDERS).fill('ready'));
  }, 120_000);
  afterAll(() => {
    for (const { child } of contenders) child.stdin.end();
  });

  it('lets exactly one of them win, every time', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const folder = tempFolder();
      writeStaleLock(folder);
      for (const { child } of contenders) child.stdin.write(`try ${folder}\n`);
      const answers = await Promise.all(contenders.map((c) => c.next()));
      expect({ round, winners: answers.filter((a) => a === 'won').length }).toEqual({ round, winners: 1 });
      expect(answers.filter((a) => a !== 'won' && a !== 'lost')).toEqual([]);
      const winner = contenders[answers.indexOf('won')];
      expect(JSON.parse(fs.readFileSync(lockFile(folder), 'utf8')).pid).toBe(winner?.child.pid);
      for (const { child } of contenders) child.stdin.write('release\n');
      await Promise.all(contenders.map((c) => c.next()));
      // Nothing left behind: no candidate or takeover files, and the lock is gone with its owner.
      expect(fs.readdirSync(folder)).toEqual([]);
    }
  }, 120_000);
});
