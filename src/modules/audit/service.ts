import type { Actor } from '../../core/actor.js';
import type { Db } from '../../db/database.js';
import { AuditRepository, type AuditPage } from './repository.js';

export interface Change {
  field: string;
  before: unknown;
  after: unknown;
}

/** Fields that differ between two snapshots, ignoring bookkeeping columns. */
export function diff(beforeRecord: object, afterRecord: object): Change[] {
  const before = beforeRecord as Record<string, unknown>;
  const after = afterRecord as Record<string, unknown>;
  const ignored = new Set(['version', 'updated_at', 'created_at']);
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const changes: Change[] = [];
  for (const field of keys) {
    if (ignored.has(field)) continue;
    if (JSON.stringify(before[field] ?? null) !== JSON.stringify(after[field] ?? null)) {
      changes.push({ field, before: before[field] ?? null, after: after[field] ?? null });
    }
  }
  return changes;
}

/** What an audit entry can be about: the register, accounts, and each later capability's records. */
export type AuditEntity =
  | 'partnership'
  | 'organisation'
  | 'membership'
  | 'reference-item'
  | 'locality'
  | 'user'
  | 'api-token'
  | 'plan'
  | 'outcome'
  | 'indicator'
  | 'target'
  | 'measurement'
  | 'proposal'
  | 'rationalisation-plan'
  | 'overlap-judgement'
  | 'overlap-settings'
  | 'thesaurus-concept'
  | 'knowledge-item'
  | 'calendar'
  | 'calendar-event'
  | 'calendar-feed'
  | 'meeting'
  | 'bid'
  | 'bid-paper'
  | 'bid-money'
  | 'contribution'
  | 'funding-stream'
  | 'pooled-budget'
  | 'budget-line'
  | 'benefit'
  | 'resource-settings'
  | 'checklist'
  | 'assessment'
  | 'assurance-action'
  | 'significance-rule'
  | 'annual-review'
  | 'accreditation'
  | 'risk'
  | 'scrutiny-committee'
  | 'scrutiny-review'
  | 'evidence-pack'
  | 'recommendation'
  | 'accountability-settings'
  | 'lever'
  | 'fund'
  | 'fund-round'
  | 'fund-application'
  | 'fund-settings'
  | 'complaints-contact'
  | 'consultation-activity';

export type AuditAction =
  | 'create'
  | 'update'
  | 'close'
  | 'end'
  | 'import'
  | 'generate'
  | 'reference'
  | 'sign-in'
  | 'sign-in-failed'
  | 'sign-out'
  | 'password-reset'
  | 'grant-role'
  | 'revoke-role'
  | 'deactivate'
  | 'create-token'
  | 'revoke-token'
  | 'enter'
  | 'approve'
  | 'reject'
  | 'merge'
  | 'comment'
  | 'consent'
  | 'carry-out'
  | 'judge'
  | 'withdraw'
  | 'issue'
  | 'record-return'
  | 'cast'
  | 'replace'
  | 'declare';

export interface RecordInput {
  localityId: string | null;
  action: AuditAction;
  entityType: AuditEntity;
  entityId: string;
  partnershipId?: string | null;
  organisationId?: string | null;
  summary: string;
  before?: unknown;
  after?: unknown;
}

/**
 * The audit trail: who changed what, when, before and after. Callers pass the transaction
 * they are writing in, so a change and its record commit or fail together.
 */
export class AuditService {
  constructor(private readonly repository = new AuditRepository()) {}

  record(trx: Db, actor: Actor, input: RecordInput): Promise<void> {
    return this.repository.insert(trx, { ...input, actor: actor.label, actorId: actor.id });
  }

  recordMany(trx: Db, actor: Actor, inputs: RecordInput[]): Promise<void> {
    return this.repository.insertMany(
      trx,
      inputs.map((input) => ({ ...input, actor: actor.label, actorId: actor.id })),
    );
  }

  verify(db: Db, onProgress?: (checked: number) => void) {
    return this.repository.verify(db, onProgress);
  }

  history(
    db: Db,
    subject: { partnershipId?: string; organisationId?: string },
    page = 1,
    pageSize = 50,
  ): Promise<AuditPage> {
    return this.repository.forSubject(db, subject, { limit: pageSize, offset: (page - 1) * pageSize });
  }
}
