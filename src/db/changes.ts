import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/**
 * The channel on which the database announces a committed change to what the register's version
 * is read from (migration 0034_register_notify: audit events, localities, reference items) and to
 * what the overlap analysis's is (0035_overlap_notify: judgements, settings, thesaurus edits). PostgreSQL delivers
 * a notification only when the writing transaction commits, to every session listening, in every
 * process on the same database: this one, a second replica, a CLI import.
 */
export const REGISTER_CHANNEL = 'joinedup_register';

/**
 * Committed changes to the register, as they happen, for values kept in memory until the next one.
 * `live` is true only while no change can be missed: a value may be kept only then, and whatever
 * was kept must be forgotten when a change is announced or when listening stops (`onChange` is
 * called for both).
 */
export interface RegisterChanges {
  readonly live: boolean;
  /** Calls `onChange` on every change and whenever listening stops or starts again. */
  subscribe(onChange: () => void): void;
  close(): Promise<void>;
}

class Subscribers {
  private readonly callbacks: Array<() => void> = [];
  add(callback: () => void): void {
    this.callbacks.push(callback);
  }
  notify = (): void => {
    for (const callback of this.callbacks) callback();
  };
}

/**
 * PGlite: one process holds the data folder, and its one session hears its own notifications
 * before the statement or the commit that made them returns.
 */
export function pgliteChanges(pglite: PGlite): RegisterChanges {
  const subscribers = new Subscribers();
  let live = false;
  let started: Promise<unknown> | undefined;
  let stop: (() => Promise<void>) | undefined;
  return {
    get live() {
      return live;
    },
    subscribe(onChange) {
      subscribers.add(onChange);
      started ??= pglite
        .listen(REGISTER_CHANNEL, subscribers.notify)
        .then((unlisten) => {
          stop = unlisten;
          live = true;
          subscribers.notify();
        })
        .catch(() => undefined);
    },
    async close() {
      live = false;
      await started;
      if (!pglite.closed) await stop?.().catch(() => undefined);
    },
  };
}

const RETRY_MS = [100, 500, 1000, 2000, 5000];

/**
 * PostgreSQL: one connection of its own listens (the pool's connections come and go), and is
 * opened again when lost; until it listens again nothing may be kept. Each of the pool's
 * connections listens as well, so a change this process commits is heard on the connection that
 * committed it before the commit returns: the next request here sees it, whatever the moment the
 * listening connection hears it.
 */
export function postgresChanges(pool: pg.Pool, config: pg.ClientConfig): RegisterChanges {
  const subscribers = new Subscribers();
  let live = false;
  let closed = false;
  let client: pg.Client | undefined;
  let attempt = 0;
  let timer: NodeJS.Timeout | undefined;
  let starting: Promise<void> | undefined;

  pool.on('connect', (connection) => {
    connection.on('notification', (message) => {
      if (message.channel === REGISTER_CHANNEL) subscribers.notify();
    });
    connection.query(`listen ${REGISTER_CHANNEL}`).catch(() => undefined);
  });

  const lost = (listener: pg.Client) => {
    if (listener !== client) return;
    client = undefined;
    live = false;
    subscribers.notify();
    listener.end().catch(() => undefined);
    if (closed) return;
    const delay = RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)] ?? 5000;
    attempt += 1;
    timer = setTimeout(() => void (starting = start()), delay);
    timer.unref();
  };

  const start = async () => {
    if (closed) return;
    const listener = new pg.Client({ ...config, application_name: 'joinedup register listener' });
    client = listener;
    listener.on('error', () => lost(listener));
    listener.on('end', () => lost(listener));
    listener.on('notification', (message) => {
      if (message.channel === REGISTER_CHANNEL) subscribers.notify();
    });
    try {
      await listener.connect();
      await listener.query(`listen ${REGISTER_CHANNEL}`);
    } catch {
      lost(listener);
      return;
    }
    if (client !== listener || closed) return;
    attempt = 0;
    live = true;
    // Anything kept before now may have missed a change: start afresh.
    subscribers.notify();
  };

  return {
    get live() {
      return live;
    },
    subscribe(onChange) {
      subscribers.add(onChange);
      starting ??= start();
    },
    async close() {
      closed = true;
      live = false;
      clearTimeout(timer);
      await starting;
      const listener = client;
      client = undefined;
      await listener?.end().catch(() => undefined);
    },
  };
}

/**
 * Values read from the register, kept in memory until the database announces a change (or stops
 * being heard, when everything kept is forgotten). Without `changes` (or while not heard) every
 * call reads afresh. A value read while a change was announced is not kept: it may predate it.
 * Without `limit`, keys must be few (localities, not queries): nothing is evicted but by a
 * change; with it, the longest kept goes first once that many are kept.
 */
export class KeptUntilChange<K, V> {
  private readonly kept = new Map<K, V>();
  private changesSeen = 0;
  private subscribed = false;

  constructor(
    private readonly changes: RegisterChanges | undefined,
    private readonly limit = Infinity,
  ) {}

  private keep(key: K, value: V): void {
    this.kept.set(key, value);
    if (this.kept.size > this.limit) this.kept.delete(this.kept.keys().next().value as K);
  }

  async get(key: K, load: () => Promise<V>, keep: (value: V) => boolean = () => true): Promise<V> {
    const changes = this.listening();
    if (!changes) return load();
    if (changes.live && this.kept.has(key)) return this.kept.get(key) as V;
    const seen = this.changesSeen;
    const loaded = await load();
    if (changes.live && seen === this.changesSeen && keep(loaded)) this.keep(key, loaded);
    return loaded;
  }

  /** Many keys at once: those not kept are loaded together, by one call of `load`. */
  async getMany(keys: readonly K[], load: (missing: K[]) => Promise<Map<K, V>>): Promise<Map<K, V>> {
    const changes = this.listening();
    if (!changes) return load([...keys]);
    const found = new Map<K, V>();
    const missing: K[] = [];
    for (const key of keys)
      if (changes.live && this.kept.has(key)) found.set(key, this.kept.get(key) as V);
      else missing.push(key);
    if (missing.length === 0) return found;
    const seen = this.changesSeen;
    const loaded = await load(missing);
    const keep = changes.live && seen === this.changesSeen;
    for (const [key, value] of loaded) {
      found.set(key, value);
      if (keep) this.keep(key, value);
    }
    return found;
  }

  private listening(): RegisterChanges | undefined {
    const changes = this.changes;
    if (changes && !this.subscribed) {
      this.subscribed = true;
      changes.subscribe(() => {
        this.changesSeen += 1;
        this.kept.clear();
      });
    }
    return changes;
  }
}
