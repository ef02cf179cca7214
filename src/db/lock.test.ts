import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataFolderLockedError, lockDataFolder } from './lock.js';

const folders: string[] = [];
function tempFolder(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'joinedup-lock-'));
  folders.push(folder);
  return folder;
}
afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

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
    fs.writeFileSync(path.join(folder, 'joinedup.lock'), JSON.stringify({ pid: 2 ** 22 + 12345, host: os.hostname() }));
    const lock = lockDataFolder(folder);
    expect(JSON.parse(fs.readFileSync(path.join(folder, 'joinedup.lock'), 'utf8')).pid).toBe(process.pid);
    lock.release();
    expect(fs.existsSync(path.join(folder, 'joinedup.lock'))).toBe(false);
  });
});
