import type { Db } from '../../db/database.js';
import type { AuditEventRow } from '../../db/tables.js';

export interface NewAuditEvent {
  localityId: string | null;
  actor: string;
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

export class AuditRepository {
  async insert(db: Db, event: NewAuditEvent): Promise<void> {
    await db
      .insertInto('audit_events')
      .values({
        locality_id: event.localityId,
        actor: event.actor,
        action: event.action,
        entity_type: event.entityType,
        entity_id: event.entityId,
        partnership_id: event.partnershipId ?? null,
        organisation_id: event.organisationId ?? null,
        summary: event.summary,
        before: event.before === undefined ? null : JSON.stringify(event.before),
        after: event.after === undefined ? null : JSON.stringify(event.after),
      })
      .execute();
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
}
