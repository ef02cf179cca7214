import fs from 'node:fs';

/**
 * Runs `make` once for the whole test run, in whichever worker gets there first, and writes what
 * it returns to `resultFile` (JSON); the others wait for that file. A lock file beside it, created
 * exclusively and holding the maker's process id, says who is making it: if that process died,
 * the next one makes it instead.
 */
export async function oncePerRun(resultFile: string, make: () => Promise<unknown>): Promise<void> {
  const lockFile = `${resultFile}.lock`;
  for (;;) {
    if (fs.existsSync(resultFile)) return;
    let fd: number;
    try {
      fd = fs.openSync(lockFile, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (!holderAlive(lockFile)) fs.rmSync(lockFile, { force: true });
      else await new Promise((resolve) => setTimeout(resolve, 200));
      continue;
    }
    try {
      fs.writeSync(fd, String(process.pid));
      if (!fs.existsSync(resultFile)) writeAtomically(resultFile, JSON.stringify((await make()) ?? null));
    } finally {
      fs.closeSync(fd);
      fs.rmSync(lockFile, { force: true });
    }
  }
}

function holderAlive(lockFile: string): boolean {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(lockFile, 'utf8'));
  } catch {
    return true; // gone already, or being written: look again
  }
  if (!pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function writeAtomically(file: string, content: string | Buffer): void {
  const partial = `${file}.${process.pid}.partial`;
  fs.writeFileSync(partial, content);
  fs.renameSync(partial, file);
}
