import { describe, expect, it } from 'vitest';
import { KeptUntilChange, type RegisterChanges } from './changes.js';

/** A database heard all along, whose announcements the test makes. */
function heard(): RegisterChanges & { announce(): void } {
  const subscribers: Array<() => void> = [];
  return {
    live: true,
    subscribe: (onChange) => void subscribers.push(onChange),
    close: async () => undefined,
    announce: () => subscribers.forEach((s) => s()),
  };
}

describe('values kept until the database announces a change', () => {
  it('keeps at most its limit, forgetting the longest kept first, and everything at a change', async () => {
    const changes = heard();
    const kept = new KeptUntilChange<string, string>(changes, 2);
    const reads: string[] = [];
    const read = (key: string) => kept.get(key, async () => (reads.push(key), `${key}${reads.length}`));
    expect([await read('a'), await read('b'), await read('a')]).toEqual(['a1', 'b2', 'a1']);
    await read('c');
    expect(await read('b')).toBe('b2');
    expect(await read('a')).toBe('a4');
    expect(reads).toEqual(['a', 'b', 'c', 'a']);
    changes.announce();
    expect(await read('a')).toBe('a5');
  });
});
