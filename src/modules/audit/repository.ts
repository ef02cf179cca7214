import { sql } from 'kysely';
import { type Columns, insertRows } from '../../db/bulk-insert.js';
import { giveWay } from '../../db/give-way.js';
import type { Db } from '../../db/database.js';
import { TransactionCache } from '../../db/transaction-cache.js';
import type { AuditEventRow } from '../../db/tables.js';
import { type ChainedContent, chainHash } from './chain.js';

export interface NewAuditEvent {
  localityId: string | null;
  actor: string;
  actorId?: string | null;
  action: string;
  entityType: string;
  entityId: string;
  partnershipId?: string | null;
  organisationId?: string | null;
  summary: string;
  before?: unknown;
  after?: unknown;
}

export interface AuditPage {
  events: AuditEventRow[];
  total: number;
}

export interface ChainBreak {
  id: number;
  occurredAt: Date;
  reason: string;
}

/** Arbitrary key for the advisory lock that puts audit writes in one line, so the chain never forks. */
const CHAIN_LOCK = 7_205_551;

/** What an entry stores as JSON reads back the same way: dates become ISO strings. */
const asStored = (value: unknown): unknown => (value === undefined ? null : JSON.parse(JSON.stringify(value)));

function contentOf(row: AuditEventRow): ChainedContent {
  return {
    occurredAt: new Date(row.occurred_at).toISOString(),
    localityId: row.locality_id,
    actor: row.actor,
    actorId: row.actor_id,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    partnershipId: row.partnership_id,
    organisationId: row.organisation_id,
    summary: row.summary,
    before: row.before ?? null,
    after: row.after ?? null,
  };
}

type StoredEntry = Omit<AuditEventRow, 'id' | 'occurred_at' | 'before' | 'after'> & {
  occurred_at: string;
  before: string | null;
  after: string | null;
};

const AUDIT_COLUMNS: Columns<StoredEntry> = [
  ['occurred_at', 'timestamptz'],
  ['locality_id', 'uuid'],
  ['actor', 'text'],
  ['actor_id', 'text'],
  ['action', 'text'],
  ['entity_type', 'text'],
  ['entity_id', 'text'],
  ['partnership_id', 'uuid'],
  ['organisation_id', 'uuid'],
  ['summary', 'text'],
  ['before', 'jsonb'],
  ['after', 'jsonb'],
  ['prev_hash', 'text'],
  ['hash', 'text'],
];

const ENTRIES_BETWEEN_PAUSES = 1_000;
export class AuditRepository {
  /** The chain's last hash, known from the moment a transaction holds the chain lock until it ends. */
  private readonly lastHash = new TransactionCache<'last', string | null>();

  /** Must run inside the caller's transaction: the lock is held until it commits. */
  insert(db: Db, event: NewAuditEvent): Promise<void> {
    return this.insertMany(db, [event]);
  }

  /** Appends several entries to the chain, in order, in one statement. */
  async insertMany(db: Db, events: NewAuditEvent[]): Promise<void> {
    if (events.length === 0) return;
    let prevHash = await this.lastHash.get(db, 'last', async () => {
      await sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`.execute(db);
      const last = await db.selectFrom('audit_events').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
      return last?.hash ?? null;
    });
    const occurredAt = new Date().toISOString();
    const rows: StoredEntry[] = [];
    for (const [i, event] of events.entries()) {
      // Hashing thousands of entries (an import) is long work: let other requests in now and then.
      if (i > 0 && i % ENTRIES_BETWEEN_PAUSES === 0) await giveWay();
      const content: ChainedContent = {
        occurredAt,
        localityId: event.localityId,
        actor: event.actor,
        actorId: event.actorId ?? null,
        action: event.action,
        entityType: event.entityType,
        entityId: event.entityId,
        partnershipId: event.partnershipId ?? null,
        organisationId: event.organisationId ?? null,
        summary: event.summary,
        before: asStored(event.before),
        after: asStored(event.after),
      };
      const hash = chainHash(prevHash, content);
      const row = {
        occurred_at: content.occurredAt,
        locality_id: content.localityId,
        actor: content.actor,
        actor_id: content.actorId,
        action: content.action,
        entity_type: content.entityType,
        entity_id: content.entityId,
        partnership_id: content.partnershipId,
        organisation_id: content.organisationId,
        summary: content.summary,
        before: content.before === null ? null : JSON.stringify(content.before),
        after: content.after === null ? null : JSON.stringify(content.after),
        prev_hash: prevHash,
        hash,
      };
      prevHash = hash;
      rows.push(row);
    }
    // Identity values follow the order of the rows, so the chain order is the id order.
    await insertRows(db, 'audit_events', AUDIT_COLUMNS, rows);
    this.lastHash.set(db, 'last', prevHash);
  }

  async forSubject(
    db: Db,
    subject: { partnershipId?: string; organisationId?: string },
    page: { limit: number; offset: number },
  ): Promise<AuditPage> {
    let query = db.selectFrom('audit_events');
    if (subject.partnershipId) query = query.where('partnership_id', '=', subject.partnershipId);
    if (subject.organisationId) query = query.where('organisation_id', '=', subject.organisationId);
    const [events, count] = await Promise.all([
      query.selectAll().orderBy('id', 'desc').limit(page.limit).offset(page.offset).execute(),
      query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { events, total: Number(count.n) };
  }

  /** Walks the whole chain in order, a batch at a time; returns the first broken link. */
  async verify(db: Db, onProgress?: (checked: number) => void): Promise<{ checked: number; firstBreak?: ChainBreak }> {
    let previous: string | null = null;
    let afterId = 0;
    let checked = 0;
    for (;;) {
      const rows = await db
        .selectFrom('audit_events')
        .selectAll()
        .where('id', '>', String(afterId))
        .orderBy('id')
        .limit(1000)
        .execute();
      if (rows.length === 0) return { checked };
      for (const row of rows) {
        const id = Number(row.id);
        if (row.prev_hash !== previous)
          return {
            checked,
            firstBreak: {
              id,
              occurredAt: row.occurred_at,
              reason: 'it does not follow the entry before it (an entry was removed or inserted)',
            },
          };
        const expected = chainHash(previous, contentOf(row));
        if (row.hash !== expected)
          return {
            checked,
            firstBreak: { id, occurredAt: row.occurred_at, reason: 'its content was changed after it was written' },
          };
        previous = row.hash;
        afterId = id;
        checked++;
      }
      onProgress?.(checked);
    }
  }
}
