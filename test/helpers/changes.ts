import type { RegisterChanges } from '../../src/db/changes.js';

/** Resolves at the next change the database announces to this process (rejects after 5 s). */
export function nextChange(changes: RegisterChanges): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no change was announced within 5 s')), 5000);
    changes.subscribe(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Waits until the process hears the database's changes (listening starts with the first value kept). */
export async function untilListening(changes: RegisterChanges): Promise<void> {
  for (let i = 0; i < 100 && !changes.live; i++) await new Promise((r) => setTimeout(r, 50));
  if (!changes.live) throw new Error('the database’s changes were not heard within 5 s');
}
