import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { AuditEventRow } from '../../db/tables.js';
import type {
  CommentRow,
  ConsentRow,
  Decision,
  LineageRow,
  OperationKind,
  OperationRow,
  PlanRow,
  PlanStatus,
} from './schema.js';

export interface NewOperation {
  kind: OperationKind;
  subject_ids: string[];
  target_id: string | null;
  new_name: string | null;
  new_layer: string | null;
  change_parent: boolean;
  meetings_per_year: number | null;
  meeting_minutes: number | null;
  reason: string | null;
}

export interface PlanListRow extends PlanRow {
  operations: number;
}

/** All the SQL of rationalisation plans, consent, comments and lineage; every read is scoped by locality. */
export class RationalisationRepository {
  listPlans(db: Db, localityId: string): Promise<PlanListRow[]> {
    return db
      .selectFrom('rationalisation_plans as r')
      .selectAll('r')
      .select(sql<number>`(select count(*) from rationalisation_operations o where o.plan_id = r.id)`.as('operations'))
      .where('r.locality_id', '=', localityId)
      .orderBy(sql`r.status = 'open'`, 'desc')
      .orderBy('r.effective_on', 'desc')
      .orderBy('r.reference', 'desc')
      .execute()
      .then((rows) => rows.map((r) => ({ ...r, operations: Number(r.operations) })));
  }

  getPlan(db: Db, localityId: string, id: string): Promise<PlanRow | undefined> {
    return db
      .selectFrom('rationalisation_plans')
      .selectAll()
      .where('locality_id', '=', localityId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** The plan row, locked until the transaction ends, so two people cannot carry it out at once. */
  lockPlan(db: Db, localityId: string, id: string): Promise<PlanRow | undefined> {
    return db
      .selectFrom('rationalisation_plans')
      .selectAll()
      .where('locality_id', '=', localityId)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
  }

  /** Open plans, in every locality, whose effective date has come: candidates to carry out. */
  async plansDue(db: Db, today: string): Promise<Array<{ id: string; reference: string; gss_code: string }>> {
    return db
      .selectFrom('rationalisation_plans as p')
      .innerJoin('localities as l', 'l.id', 'p.locality_id')
      .select(['p.id', 'p.reference', 'l.gss_code'])
      .where('p.status', '=', 'open')
      .where('p.effective_on', '<=', today)
      .orderBy('p.effective_on')
      .orderBy('p.reference')
      .execute();
  }

  async nextReference(db: Db, localityId: string): Promise<string> {
    const row = await db
      .selectFrom('rationalisation_plans')
      .select(sql<number>`coalesce(max(substring(reference from '^RP-(\\d+)$')::int), 0)`.as('n'))
      .where('locality_id', '=', localityId)
      .executeTakeFirstOrThrow();
    return `RP-${String(Number(row.n) + 1).padStart(3, '0')}`;
  }

  insertPlan(
    db: Db,
    row: {
      locality_id: string;
      reference: string;
      title: string;
      rationale: string;
      cluster_id: string | null;
      effective_on: string;
      created_by: string;
    },
  ): Promise<PlanRow> {
    return db.insertInto('rationalisation_plans').values(row).returningAll().executeTakeFirstOrThrow();
  }

  updatePlan(
    db: Db,
    id: string,
    changes: Partial<{
      title: string;
      rationale: string;
      effective_on: string;
      status: PlanStatus;
      predicted_saving_pence: number | null;
      comparison: string | null;
      carried_out_at: Date;
      carried_out_by: string;
    }>,
    options: { newRound?: boolean; version?: number } = {},
  ): Promise<PlanRow | undefined> {
    let query = db
      .updateTable('rationalisation_plans')
      .set({
        ...changes,
        version: sql`version + 1`,
        updated_at: sql`now()`,
        ...(options.newRound ? { consent_round: sql`consent_round + 1` } : {}),
      })
      .where('id', '=', id);
    if (options.version !== undefined) query = query.where('version', '=', options.version);
    return query.returningAll().executeTakeFirst();
  }

  operations(db: Db, planId: string): Promise<OperationRow[]> {
    return db
      .selectFrom('rationalisation_operations')
      .selectAll()
      .where('plan_id', '=', planId)
      .orderBy('position')
      .execute();
  }

  async insertOperation(db: Db, planId: string, op: NewOperation): Promise<OperationRow> {
    const row = await db
      .selectFrom('rationalisation_operations')
      .select(sql<number>`coalesce(max(position), 0)`.as('n'))
      .where('plan_id', '=', planId)
      .executeTakeFirstOrThrow();
    return db
      .insertInto('rationalisation_operations')
      .values({ ...op, plan_id: planId, position: Number(row.n) + 1, subject_ids: JSON.stringify(op.subject_ids) })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async deleteOperation(db: Db, planId: string, operationId: string): Promise<boolean> {
    const result = await db
      .deleteFrom('rationalisation_operations')
      .where('plan_id', '=', planId)
      .where('id', '=', operationId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  setOperationResult(db: Db, operationId: string, resultId: string): Promise<unknown> {
    return db
      .updateTable('rationalisation_operations')
      .set({ result_id: resultId })
      .where('id', '=', operationId)
      .execute();
  }

  consents(db: Db, planId: string): Promise<ConsentRow[]> {
    return db
      .selectFrom('rationalisation_consents')
      .selectAll()
      .where('plan_id', '=', planId)
      .orderBy('recorded_at')
      .execute();
  }

  insertConsent(
    db: Db,
    row: {
      plan_id: string;
      partnership_id: string;
      round: number;
      decision: Decision;
      detail: string | null;
      on_behalf_of_board: boolean;
      recorded_by: string;
      recorded_by_id: string | null;
    },
  ): Promise<ConsentRow> {
    return db.insertInto('rationalisation_consents').values(row).returningAll().executeTakeFirstOrThrow();
  }

  comments(db: Db, planId: string): Promise<CommentRow[]> {
    return db
      .selectFrom('rationalisation_comments')
      .selectAll()
      .where('plan_id', '=', planId)
      .orderBy('created_at')
      .execute();
  }

  insertComment(
    db: Db,
    row: { plan_id: string; author: string; author_id: string | null; author_role: string; body: string },
  ): Promise<CommentRow> {
    return db.insertInto('rationalisation_comments').values(row).returningAll().executeTakeFirstOrThrow();
  }

  insertLineage(
    db: Db,
    rows: Array<{
      locality_id: string;
      plan_id: string | null;
      kind: LineageRow['kind'];
      from_id: string;
      to_id: string | null;
      detail: string | null;
      effective_on: string;
    }>,
  ): Promise<unknown> {
    return rows.length ? db.insertInto('partnership_lineage').values(rows).execute() : Promise.resolve();
  }

  /** Every lineage link of a locality (a few per carried-out plan), with the plan's reference and title. */
  lineage(
    db: Db,
    localityId: string,
  ): Promise<Array<LineageRow & { plan_reference: string | null; plan_title: string | null }>> {
    return db
      .selectFrom('partnership_lineage as l')
      .leftJoin('rationalisation_plans as r', 'r.id', 'l.plan_id')
      .selectAll('l')
      .select(['r.reference as plan_reference', 'r.title as plan_title'])
      .where('l.locality_id', '=', localityId)
      .orderBy('l.effective_on')
      .orderBy('l.created_at')
      .execute();
  }

  /** Partnerships a merge created, with the operation's plan. */
  createdByPlans(
    db: Db,
    localityId: string,
  ): Promise<Array<{ result_id: string; plan_id: string; reference: string; title: string; effective_on: string }>> {
    return db
      .selectFrom('rationalisation_operations as o')
      .innerJoin('rationalisation_plans as r', 'r.id', 'o.plan_id')
      .select(['o.result_id', 'r.id as plan_id', 'r.reference', 'r.title', 'r.effective_on'])
      .where('r.locality_id', '=', localityId)
      .where('o.kind', '=', 'merge')
      .where('o.target_id', 'is', null)
      .where('o.result_id', 'is not', null)
      .execute()
      .then((rows) => rows.map((r) => ({ ...r, result_id: r.result_id as string })));
  }

  /**
   * Dates a plan's own records (opened, answered, carried out) to when they happened, for
   * plans entered after the event (the demo's past plan). The audit trail keeps when they were
   * entered.
   */
  async backdate(
    db: Db,
    planId: string,
    at: { openedAt: string; answeredAt: string; carriedOutAt: string },
  ): Promise<void> {
    await db
      .updateTable('rationalisation_plans')
      .set({ created_at: at.openedAt, carried_out_at: at.carriedOutAt })
      .where('id', '=', planId)
      .execute();
    await db
      .updateTable('rationalisation_consents')
      .set({ recorded_at: at.answeredAt })
      .where('plan_id', '=', planId)
      .execute();
  }

  /** The audit entry that created a partnership: who added it, when, and whether by import. */
  creationEvent(
    db: Db,
    partnershipId: string,
  ): Promise<Pick<AuditEventRow, 'actor' | 'actor_id' | 'occurred_at' | 'summary'> | undefined> {
    return db
      .selectFrom('audit_events')
      .select(['actor', 'actor_id', 'occurred_at', 'summary'])
      .where('entity_type', '=', 'partnership')
      .where('entity_id', '=', partnershipId)
      .where('action', 'in', ['create', 'import', 'generate'])
      .orderBy('id')
      .executeTakeFirst();
  }
}
