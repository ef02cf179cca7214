import { sql, type Insertable, type Updateable } from 'kysely';
import type { Db } from '../../db/database.js';
import type {
  BidChallengesTable,
  BidHereditamentsTable,
  BidPapersTable,
  BidRow,
  BidsTable,
  ChallengeRow,
  BidConsultationResponsesTable,
  ConsultationRow,
  BidLevyCollectionsTable,
  BidSpendingTable,
  CollectionRow,
  SpendingRow,
  HereditamentRow,
  PaperRow,
} from './schema.js';

export interface PaperListRow extends PaperRow {
  reference: string;
  address: string;
}

const CHUNK = 1000;

/** Every query of the BIDs capability; each is scoped by the locality. */
export class BidRepository {
  list(db: Db, localityId: string): Promise<BidRow[]> {
    return db.selectFrom('bids').selectAll().where('locality_id', '=', localityId).orderBy('name').execute();
  }

  get(db: Db, localityId: string, id: string): Promise<BidRow | undefined> {
    return db
      .selectFrom('bids')
      .selectAll()
      .where('locality_id', '=', localityId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** A BID by id alone (a voter's code leads to it), locked for the transaction when asked. */
  byId(db: Db, id: string, options: { lock?: boolean } = {}): Promise<BidRow | undefined> {
    const query = db.selectFrom('bids').selectAll().where('id', '=', id);
    return (options.lock ? query.forUpdate() : query).executeTakeFirst();
  }

  async hereditamentCount(db: Db, bidId: string): Promise<number> {
    const row = await db
      .selectFrom('bid_hereditaments')
      .select(db.fn.countAll<string>().as('n'))
      .where('bid_id', '=', bidId)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /** The row locked for the rest of the transaction, so two writers of one BID take turns. */
  lock(db: Db, localityId: string, id: string): Promise<BidRow | undefined> {
    return db
      .selectFrom('bids')
      .selectAll()
      .where('locality_id', '=', localityId)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
  }

  insert(db: Db, row: Insertable<BidsTable>): Promise<BidRow> {
    return db.insertInto('bids').values(row).returningAll().executeTakeFirstOrThrow();
  }

  update(db: Db, id: string, changes: Updateable<BidsTable>): Promise<BidRow> {
    return db
      .updateTable('bids')
      .set({ ...changes, version: sql`version + 1`, updated_at: sql`now()` })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  hereditaments(db: Db, bidId: string): Promise<HereditamentRow[]> {
    return db.selectFrom('bid_hereditaments').selectAll().where('bid_id', '=', bidId).orderBy('line').execute();
  }

  async replaceHereditaments(db: Db, bidId: string, rows: Array<Insertable<BidHereditamentsTable>>): Promise<void> {
    await db.deleteFrom('bid_hereditaments').where('bid_id', '=', bidId).execute();
    for (let i = 0; i < rows.length; i += CHUNK)
      await db
        .insertInto('bid_hereditaments')
        .values(rows.slice(i, i + CHUNK))
        .execute();
  }

  papers(db: Db, bidId: string): Promise<PaperListRow[]> {
    return db
      .selectFrom('bid_papers as p')
      .innerJoin('bid_hereditaments as h', 'h.id', 'p.hereditament_id')
      .selectAll('p')
      .select(['h.reference', 'h.address'])
      .where('p.bid_id', '=', bidId)
      .orderBy('h.line')
      .orderBy('p.issued_at')
      .execute();
  }

  paper(db: Db, bidId: string, id: string): Promise<PaperListRow | undefined> {
    return db
      .selectFrom('bid_papers as p')
      .innerJoin('bid_hereditaments as h', 'h.id', 'p.hereditament_id')
      .selectAll('p')
      .select(['h.reference', 'h.address'])
      .where('p.bid_id', '=', bidId)
      .where('p.id', '=', id)
      .forUpdate('p')
      .executeTakeFirst();
  }

  /** A paper by its code, in any BID (online voting), locked for the transaction. */
  paperByCode(db: Db, code: string): Promise<(PaperListRow & { bid_locality_id: string }) | undefined> {
    return db
      .selectFrom('bid_papers as p')
      .innerJoin('bid_hereditaments as h', 'h.id', 'p.hereditament_id')
      .selectAll('p')
      .select(['h.reference', 'h.address', 'p.locality_id as bid_locality_id'])
      .where('p.code', '=', code)
      .forUpdate('p')
      .executeTakeFirst();
  }

  async insertPapers(db: Db, rows: Array<Insertable<BidPapersTable>>): Promise<PaperRow[]> {
    const out: PaperRow[] = [];
    for (let i = 0; i < rows.length; i += CHUNK)
      out.push(
        ...(await db
          .insertInto('bid_papers')
          .values(rows.slice(i, i + CHUNK))
          .returningAll()
          .execute()),
      );
    return out;
  }

  updatePaper(db: Db, id: string, changes: Updateable<BidPapersTable>): Promise<PaperRow> {
    return db.updateTable('bid_papers').set(changes).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  }

  /** How many papers there are in each state: what anyone running the ballot may see before the close. */
  async paperCounts(db: Db, bidId: string): Promise<Record<string, number>> {
    const rows = await db
      .selectFrom('bid_papers')
      .select(['status', db.fn.countAll<string>().as('n')])
      .where('bid_id', '=', bidId)
      .groupBy('status')
      .execute();
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  }

  challenges(db: Db, bidId: string): Promise<ChallengeRow[]> {
    return db
      .selectFrom('bid_challenges')
      .selectAll()
      .where('bid_id', '=', bidId)
      .orderBy('made_on')
      .orderBy('created_at')
      .execute();
  }

  insertChallenge(db: Db, row: Insertable<BidChallengesTable>): Promise<ChallengeRow> {
    return db.insertInto('bid_challenges').values(row).returningAll().executeTakeFirstOrThrow();
  }

  updateChallenge(db: Db, id: string, changes: Updateable<BidChallengesTable>): Promise<ChallengeRow> {
    return db.updateTable('bid_challenges').set(changes).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  }

  consultation(db: Db, bidId: string): Promise<ConsultationRow[]> {
    return db
      .selectFrom('bid_consultation_responses')
      .selectAll()
      .where('bid_id', '=', bidId)
      .orderBy('received_on')
      .orderBy('created_at')
      .execute();
  }

  insertConsultation(db: Db, row: Insertable<BidConsultationResponsesTable>): Promise<ConsultationRow> {
    return db.insertInto('bid_consultation_responses').values(row).returningAll().executeTakeFirstOrThrow();
  }

  hereditamentByReference(db: Db, bidId: string, reference: string): Promise<HereditamentRow | undefined> {
    return db
      .selectFrom('bid_hereditaments')
      .selectAll()
      .where('bid_id', '=', bidId)
      .where(sql<string>`upper(reference)`, '=', reference.trim().toUpperCase())
      .executeTakeFirst();
  }

  /** The levy collected for a year of the term, oldest first. */
  collections(db: Db, bidId: string, year?: number): Promise<CollectionRow[]> {
    let query = db.selectFrom('bid_levy_collections').selectAll().where('bid_id', '=', bidId);
    if (year !== undefined) query = query.where('year', '=', year);
    return query.orderBy('received_on').orderBy('created_at').execute();
  }

  insertCollection(db: Db, row: Insertable<BidLevyCollectionsTable>): Promise<CollectionRow> {
    return db.insertInto('bid_levy_collections').values(row).returningAll().executeTakeFirstOrThrow();
  }

  spending(db: Db, bidId: string, year?: number): Promise<SpendingRow[]> {
    let query = db.selectFrom('bid_spending').selectAll().where('bid_id', '=', bidId);
    if (year !== undefined) query = query.where('year', '=', year);
    return query.orderBy('spent_on').orderBy('created_at').execute();
  }

  insertSpending(db: Db, row: Insertable<BidSpendingTable>): Promise<SpendingRow> {
    return db.insertInto('bid_spending').values(row).returningAll().executeTakeFirstOrThrow();
  }
}
