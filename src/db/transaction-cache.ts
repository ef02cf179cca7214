import type { Db } from './database.js';

/**
 * Remembers a value for the life of one transaction. Inside a transaction nothing else can
 * change what it has read or written, so a long unit of work (an import, the demo seed)
 * need not ask the database the same question hundreds of times. Outside a transaction
 * nothing is cached: every call sees the latest data.
 */
export class TransactionCache<K, V> {
  private readonly byTransaction = new WeakMap<Db, Map<K, V>>();

  async get(db: Db, key: K, load: () => Promise<V>): Promise<V> {
    if (!db.isTransaction) return load();
    let values = this.byTransaction.get(db);
    if (!values) {
      values = new Map();
      this.byTransaction.set(db, values);
    }
    if (values.has(key)) return values.get(key) as V;
    const value = await load();
    values.set(key, value);
    return value;
  }

  set(db: Db, key: K, value: V): void {
    if (!db.isTransaction) return;
    const values = this.byTransaction.get(db) ?? new Map<K, V>();
    values.set(key, value);
    this.byTransaction.set(db, values);
  }

  /** Drops a remembered value: the transaction itself changed what it was read from. */
  forget(db: Db, key: K): void {
    this.byTransaction.get(db)?.delete(key);
  }
}
