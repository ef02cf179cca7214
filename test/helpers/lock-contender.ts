/**
 * One contender in the data-folder lock race (src/db/lock.test.ts): a process of its own, as
 * a second `joinedup start` would be. It reads commands on stdin, one a line:
 *   try FOLDER   try to lock FOLDER; answer "won" or "lost"
 *   release      let go of the lock it holds
 * so the test can start 20 of them once and race them many times.
 */
import readline from 'node:readline';
import { type DataFolderLock, DataFolderLockedError, lockDataFolder } from '../../src/db/lock.js';

let held: DataFolderLock | undefined;
const lines = readline.createInterface({ input: process.stdin });
lines.on('line', (line) => {
  const [command, folder] = line.split(' ');
  if (command === 'try' && folder) {
    try {
      held = lockDataFolder(folder);
      process.stdout.write('won\n');
    } catch (error) {
      process.stdout.write(error instanceof DataFolderLockedError ? 'lost\n' : `error ${String(error)}\n`);
    }
  } else if (command === 'release') {
    held?.release();
    held = undefined;
    process.stdout.write('released\n');
  }
});
lines.on('close', () => process.exit(0));
process.stdout.write('ready\n');
