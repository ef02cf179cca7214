import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type {
  AcknowledgementRow,
  Decision,
  ProposalAnswers,
  ProposalCommentRow,
  ProposalEventRow,
  ProposalRow,
  StoredPrecheck,
} from './schema.js';
import { DEFAULT_SERVICE_LEVEL_DAYS } from './timing.js';

const OPEN_PARTNERSHIP = ['proposed', 'active'];

/** All the gatekeeper's SQL. Every query is scoped by locality or by a proposal already scoped. */
export class GatekeeperRepository {
  async serviceLevelDays(db: Db, localityId: string): Promise<number> {
    const row = await db
      .selectFrom('gatekeeper_settings')
      .select('service_level_days')
      .where('locality_id', '=', localityId)
      .executeTakeFirst();
    return row?.service_level_days ?? DEFAULT_SERVICE_LEVEL_DAYS;
  }

  async setServiceLevelDays(db: Db, localityId: string, days: number): Promise<void> {
    await db
      .insertInto('gatekeeper_settings')
      .values({ locality_id: localityId, service_level_days: days, updated_at: new Date() })
      .onConflict((oc) => oc.column('locality_id').doUpdateSet({ service_level_days: days, updated_at: new Date() }))
      .execute();
  }

  async nextReference(db: Db, localityId: string, year: number): Promise<string> {
    const prefix = `GK-${year}-`;
    const row = await db
      .selectFrom('proposals')
      .select((eb) => eb.fn.count<string>('id').as('n'))
      .where('locality_id', '=', localityId)
      .where('reference', 'like', `${prefix}%`)
      .executeTakeFirst();
    return `${prefix}${String(Number(row?.n ?? 0) + 1).padStart(3, '0')}`;
  }

  insert(
    db: Db,
    row: {
      locality_id: string;
      reference: string;
      title: string;
      national: boolean;
      answers: ProposalAnswers;
      proposer_id: string;
      proposer_name: string;
      created_at?: Date;
    },
  ): Promise<ProposalRow> {
    const at = row.created_at ?? new Date();
    return db
      .insertInto('proposals')
      .values({
        ...row,
        answers: JSON.stringify(row.answers),
        status: 'draft',
        status_since: at,
        created_at: at,
        updated_at: at,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  byId(db: Db, localityId: string, id: string): Promise<ProposalRow | undefined> {
    return db
      .selectFrom('proposals')
      .selectAll()
      .where('locality_id', '=', localityId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** Locks the proposal's row for the rest of the transaction, so two decisions cannot cross. */
  forUpdate(db: Db, localityId: string, id: string): Promise<ProposalRow | undefined> {
    return db
      .selectFrom('proposals')
      .selectAll()
      .where('locality_id', '=', localityId)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
  }

  list(db: Db, localityIds: string[]): Promise<Array<ProposalRow & { locality_code: string; locality_name: string }>> {
    if (localityIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('proposals as p')
      .innerJoin('localities as l', 'l.id', 'p.locality_id')
      .selectAll('p')
      .select(['l.gss_code as locality_code', 'l.name as locality_name'])
      .where('p.locality_id', 'in', localityIds)
      .orderBy('p.created_at', 'desc')
      .orderBy('p.reference', 'desc')
      .execute();
  }

  /** Decided proposals, newest decision first, for the public log and the statistics. */
  decided(
    db: Db,
    localityIds: string[] | 'all',
  ): Promise<Array<ProposalRow & { locality_code: string; locality_name: string; partnership_status: string | null }>> {
    let q = db
      .selectFrom('proposals as p')
      .innerJoin('localities as l', 'l.id', 'p.locality_id')
      .leftJoin('partnerships as created', 'created.id', 'p.partnership_id')
      .selectAll('p')
      .select(['l.gss_code as locality_code', 'l.name as locality_name', 'created.status as partnership_status'])
      .where('p.decided_at', 'is not', null);
    if (localityIds !== 'all') {
      if (localityIds.length === 0) return Promise.resolve([]);
      q = q.where('p.locality_id', 'in', localityIds);
    }
    return q.orderBy('p.decided_at', 'desc').orderBy('p.reference', 'desc').execute();
  }

  async update(
    db: Db,
    id: string,
    changes: {
      title?: string;
      national?: boolean;
      answers?: ProposalAnswers;
      precheck?: StoredPrecheck;
      submitted_at?: Date;
      decision?: Decision;
      decided_at?: Date;
      decided_by?: string;
      partnership_id?: string;
    },
  ): Promise<ProposalRow> {
    const { answers, precheck, decision, ...plain } = changes;
    return db
      .updateTable('proposals')
      .set({
        ...plain,
        ...(answers ? { answers: JSON.stringify(answers) } : {}),
        ...(precheck ? { precheck: JSON.stringify(precheck) } : {}),
        ...(decision ? { decision: JSON.stringify(decision) } : {}),
        updated_at: new Date(),
        version: sql<number>`version + 1`,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async moveTo(
    db: Db,
    proposal: ProposalRow,
    to: string,
    actor: { id: string; name: string },
    note: string | null,
    at = new Date(),
  ): Promise<ProposalRow> {
    await db
      .insertInto('proposal_events')
      .values({
        proposal_id: proposal.id,
        from_status: proposal.status,
        to_status: to,
        actor_id: actor.id,
        actor_name: actor.name,
        note,
        occurred_at: at,
      })
      .execute();
    return db
      .updateTable('proposals')
      .set({ status: to, status_since: at, updated_at: at, version: sql<number>`version + 1` })
      .where('id', '=', proposal.id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async recordCreated(db: Db, proposal: ProposalRow, actor: { id: string; name: string }): Promise<void> {
    await db
      .insertInto('proposal_events')
      .values({
        proposal_id: proposal.id,
        from_status: null,
        to_status: 'draft',
        actor_id: actor.id,
        actor_name: actor.name,
        note: null,
        occurred_at: proposal.created_at,
      })
      .execute();
  }

  events(db: Db, proposalIds: string[]): Promise<ProposalEventRow[]> {
    if (proposalIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('proposal_events')
      .selectAll()
      .where('proposal_id', 'in', proposalIds)
      .orderBy('occurred_at')
      .execute();
  }

  comments(db: Db, proposalId: string): Promise<ProposalCommentRow[]> {
    return db
      .selectFrom('proposal_comments')
      .selectAll()
      .where('proposal_id', '=', proposalId)
      .orderBy('created_at')
      .execute();
  }

  addComment(
    db: Db,
    row: {
      proposal_id: string;
      author_id: string;
      author_name: string;
      author_role: string;
      body: string;
      created_at?: Date;
    },
  ): Promise<ProposalCommentRow> {
    return db.insertInto('proposal_comments').values(row).returningAll().executeTakeFirstOrThrow();
  }

  acknowledgements(db: Db, proposalId: string): Promise<AcknowledgementRow[]> {
    return db.selectFrom('proposal_acknowledgements').selectAll().where('proposal_id', '=', proposalId).execute();
  }

  async acknowledge(
    db: Db,
    row: { proposal_id: string; partnership_id: string; explanation: string; acknowledged_by: string },
  ): Promise<void> {
    await db
      .insertInto('proposal_acknowledgements')
      .values({ ...row, acknowledged_at: new Date() })
      .onConflict((oc) =>
        oc.columns(['proposal_id', 'partnership_id']).doUpdateSet({
          explanation: row.explanation,
          acknowledged_by: row.acknowledged_by,
          acknowledged_at: new Date(),
        }),
      )
      .execute();
  }

  /** Open partnerships of the locality sharing a theme with the proposal, with their areas. */
  sharingTheme(db: Db, localityId: string, themes: string[]) {
    if (themes.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('partnerships as p')
      .select((eb) => [
        'p.id',
        'p.name',
        'p.reference',
        'p.basis',
        'p.statutory_type',
        'p.layer',
        eb
          .selectFrom('partnership_themes as t')
          .whereRef('t.partnership_id', '=', 'p.id')
          .select(sql<string[]>`coalesce(array_agg(t.theme order by t.theme), '{}')`.as('x'))
          .as('themes'),
        eb
          .selectFrom('partnership_areas as a')
          .whereRef('a.partnership_id', '=', 'p.id')
          .select(sql<string[]>`coalesce(array_agg(a.gss_code order by a.gss_code), '{}')`.as('x'))
          .as('areas'),
      ])
      .where('p.locality_id', '=', localityId)
      .where('p.status', 'in', OPEN_PARTNERSHIP)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('partnership_themes as t')
            .whereRef('t.partnership_id', '=', 'p.id')
            .where('t.theme', 'in', themes),
        ),
      )
      .orderBy('p.name')
      .execute();
  }

  async openPartnershipCount(db: Db, localityId: string): Promise<number> {
    const row = await db
      .selectFrom('partnerships')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('locality_id', '=', localityId)
      .where('status', 'in', OPEN_PARTNERSHIP)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /** Which of these organisations hold a current seat on each open partnership of the locality. */
  async currentSeats(db: Db, localityId: string, organisationIds: string[]): Promise<Map<string, string[]>> {
    if (organisationIds.length === 0) return new Map();
    const rows = await db
      .selectFrom('memberships as m')
      .innerJoin('partnerships as p', 'p.id', 'm.partnership_id')
      .select(['m.partnership_id', 'm.organisation_id'])
      .distinct()
      .where('m.locality_id', '=', localityId)
      .where('m.organisation_id', 'in', organisationIds)
      .where('m.ended_on', 'is', null)
      .where('p.status', 'in', OPEN_PARTNERSHIP)
      .execute();
    const seats = new Map<string, string[]>();
    for (const r of rows) seats.set(r.partnership_id, [...(seats.get(r.partnership_id) ?? []), r.organisation_id]);
    return seats;
  }

  async organisationIdentifiers(db: Db, ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await db.selectFrom('organisations').select(['id', 'identifier']).where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, r.identifier ?? r.id]));
  }

  async partnershipLocalityNames(
    db: Db,
    ids: string[],
  ): Promise<Map<string, { name: string; code: string; localityName: string }>> {
    if (ids.length === 0) return new Map();
    const rows = await db
      .selectFrom('partnerships as p')
      .innerJoin('localities as l', 'l.id', 'p.locality_id')
      .select(['p.id', 'p.name', 'l.gss_code', 'l.name as locality_name'])
      .where('p.id', 'in', ids)
      .execute();
    return new Map(rows.map((r) => [r.id, { name: r.name, code: r.gss_code, localityName: r.locality_name }]));
  }

  byPartnership(db: Db, partnershipId: string): Promise<ProposalRow | undefined> {
    return db.selectFrom('proposals').selectAll().where('partnership_id', '=', partnershipId).executeTakeFirst();
  }
}
