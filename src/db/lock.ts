import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * An exclusive lock on a PGlite data folder. PGlite is single-process: two processes on one
 * folder corrupt it, so a second process must fail at once. The lock file holds the owner's
 * PID; a lock left by a process that no longer exists (kill -9, power cut) is taken over,
 * so a crash never needs a manual clean-up.
 *
 * Every change to the lock file is atomic, so two processes can never both win:
 * - a lock is created by hard-linking a fully written candidate file into place, which fails
 *   if the lock exists; nobody ever sees a half-written lock of ours;
 * - a stale lock is replaced only by the holder of a takeover file (created exclusively),
 *   who first checks that the lock is still the very file judged stale, then renames its
 *   candidate over it. A process that judged the same lock stale a moment later finds it
 *   changed, looks again and sees a live owner.
 */
export class DataFolderLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly ownerPid: number,
  ) {
    super(
      `The data folder ${dataDir} is in use by another Joined Up process (PID ${ownerPid}). ` +
        'Only one process may open an embedded database at a time: stop the other process, ' +
        'or set JOINEDUP_DATA_DIR to a different folder.',
    );
    this.name = 'DataFolderLockedError';
  }
}

export interface DataFolderLock {
  release(): void;
}

const LOCK_FILE = 'joinedup.lock';
const TAKEOVER_FILE = 'joinedup.lock.takeover';
/** An empty or unreadable lock this young may be another start still writing it: it counts as live. */
export const UNREADABLE_LOCK_GRACE_MS = 5_000;
/** A takeover lasts microseconds; a takeover file this old was left by a process that died in it. */
const TAKEOVER_STALE_MS = 10_000;
const ATTEMPTS = 50;

interface Owner {
  pid: number;
  host: string;
  nonce?: string;
}

type LockState = { kind: 'absent' } | { kind: 'live'; pid: number } | { kind: 'stale'; ino: number; content: string };

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function parseOwner(content: string): Owner | undefined {
  try {
    const parsed = JSON.parse(content) as { pid?: unknown; host?: unknown; nonce?: unknown };
    if (typeof parsed.pid === 'number' && typeof parsed.host === 'string')
      return { pid: parsed.pid, host: parsed.host, nonce: typeof parsed.nonce === 'string' ? parsed.nonce : undefined };
  } catch {
    // empty or half-written by a start that is not atomic: judged by its age below
  }
  return undefined;
}

/** Reads the lock once: its inode and content are what a takeover later checks it has not changed from. */
function inspect(lockPath: string): LockState {
  let ino: number;
  let mtimeMs: number;
  let content: string;
  try {
    const fd = fs.openSync(lockPath, 'r');
    try {
      ({ ino, mtimeMs } = fs.fstatSync(fd));
      content = fs.readFileSync(fd, 'utf8');
    } finally {
      fs.closeSync(fd);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'absent' };
    throw error;
  }
  const owner = parseOwner(content);
  if (!owner) {
    return Date.now() - mtimeMs < UNREADABLE_LOCK_GRACE_MS
      ? { kind: 'live', pid: -1 }
      : { kind: 'stale', ino, content };
  }
  // Another machine's process cannot be checked from here, so its lock is respected.
  if (owner.host !== os.hostname() || isAlive(owner.pid)) return { kind: 'live', pid: owner.pid };
  return { kind: 'stale', ino, content };
}

function sameFile(lockPath: string, judged: { ino: number; content: string }): boolean {
  const now = inspect(lockPath);
  return now.kind === 'stale' && now.ino === judged.ino && now.content === judged.content;
}

/** Clears a takeover file left by a process that died inside a takeover, without touching a fresh one. */
function clearAbandonedTakeover(takeoverPath: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(takeoverPath);
  } catch {
    return;
  }
  if (Date.now() - stat.mtimeMs < TAKEOVER_STALE_MS) return;
  const aside = `${takeoverPath}.${process.pid}.${crypto.randomUUID()}`;
  try {
    fs.renameSync(takeoverPath, aside);
  } catch {
    return;
  }
  // Moved someone's fresh takeover file by mistake (it was replaced between stat and rename): put it back.
  try {
    if (fs.statSync(aside).ino !== stat.ino) fs.linkSync(aside, takeoverPath);
  } catch {
    // a newer takeover file is already there: it stands
  }
  fs.rmSync(aside, { force: true });
}

/** Replaces the stale lock with the candidate, if no one else is doing so and it is still the same stale lock. */
function takeOver(dataDir: string, candidate: string, judged: { ino: number; content: string }): boolean {
  const lockPath = path.join(dataDir, LOCK_FILE);
  const takeoverPath = path.join(dataDir, TAKEOVER_FILE);
  let fd: number;
  try {
    fd = fs.openSync(takeoverPath, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    clearAbandonedTakeover(takeoverPath);
    return false;
  }
  try {
    if (!sameFile(lockPath, judged)) return false;
    fs.renameSync(candidate, lockPath);
    return true;
  } finally {
    fs.closeSync(fd);
    fs.rmSync(takeoverPath, { force: true });
  }
}

function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export function lockDataFolder(dataDir: string): DataFolderLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, LOCK_FILE);
  const nonce = crypto.randomUUID();
  const content = JSON.stringify({ pid: process.pid, host: os.hostname(), nonce, since: new Date().toISOString() });
  const candidate = path.join(dataDir, `${LOCK_FILE}.${process.pid}.${nonce}`);
  fs.writeFileSync(candidate, content, { flag: 'wx' });
  try {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      try {
        fs.linkSync(candidate, lockPath);
        return heldLock(lockPath, nonce);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const state = inspect(lockPath);
      if (state.kind === 'live') throw new DataFolderLockedError(dataDir, state.pid);
      if (state.kind === 'stale') {
        if (takeOver(dataDir, candidate, state)) return heldLock(lockPath, nonce);
        // Someone else is taking it over: give them a moment, then look again.
        pause(5 + Math.floor(Math.random() * 10));
      }
    }
  } finally {
    fs.rmSync(candidate, { force: true });
  }
  const last = inspect(lockPath);
  throw new DataFolderLockedError(dataDir, last.kind === 'live' ? last.pid : -1);
}

function heldLock(lockPath: string, nonce: string): DataFolderLock {
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      let content: string;
      try {
        content = fs.readFileSync(lockPath, 'utf8');
      } catch {
        return;
      }
      if (parseOwner(content)?.nonce === nonce) fs.rmSync(lockPath, { force: true });
    },
  };
}
