import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * An exclusive lock on a PGlite data folder. PGlite is single-process: two processes on one
 * folder corrupt it, so a second process must fail at once. The lock file holds the owner's
 * PID; a lock left by a process that no longer exists (kill -9, power cut) is taken over,
 * so a crash never needs a manual clean-up.
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

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(lockPath: string): { pid: number; host: string } | undefined {
  try {
    const parsed = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as { pid?: unknown; host?: unknown };
    if (typeof parsed.pid === 'number' && typeof parsed.host === 'string')
      return { pid: parsed.pid, host: parsed.host };
  } catch {
    // unreadable or half-written: treated as stale below
  }
  return undefined;
}

export function lockDataFolder(dataDir: string): DataFolderLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, LOCK_FILE);
  const content = JSON.stringify({ pid: process.pid, host: os.hostname(), since: new Date().toISOString() });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, content, { flag: 'wx' });
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          const owner = readOwner(lockPath);
          if (owner?.pid === process.pid) fs.rmSync(lockPath, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = readOwner(lockPath);
      const sameHost = owner?.host === os.hostname();
      if (owner && (!sameHost || isAlive(owner.pid))) throw new DataFolderLockedError(dataDir, owner.pid);
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new DataFolderLockedError(dataDir, readOwner(lockPath)?.pid ?? -1);
}
