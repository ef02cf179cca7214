import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { countedSeat } from './repository.js';

export interface NationalBodyRow {
  id: string;
  identifier: string;
  name: string;
  sector: string;
  org_type: string;
  website: string | null;
  /** Localities holding a record of the body. */
  localities: number;
  /** Counted seats (burden.ts) across the country. */
  seats: number;
  meeting_hours: number;
}

/** A locality's record of a national body, with its seats there. */
export interface LocalRecordRow {
  organisation_id: string;
  name: string;
  status: string;
  locality_id: string;
  locality_name: string;
  gss_code: string;
  region: string;
  seats: number;
  meeting_hours: number;
}

/** Reads the national bodies and their seats across the country (burden.ts counts each seat). */
export class NationalBodyRepository {
  /** Every body held by at least one locality, with its totals across the country, by name. */
  async all(db: Db): Promise<NationalBodyRow[]> {
    const rows = await db
      .selectFrom('national_organisations as n')
      .innerJoin(this.totals(db).as('t'), 't.national_organisation_id', 'n.id')
      .select(['n.id', 'n.identifier', 'n.name', 'n.sector', 'n.org_type', 'n.website'])
      .select(['t.localities', 't.seats', 't.meeting_hours'])
      .orderBy(sql`lower(n.name)`)
      .orderBy('n.identifier')
      .execute();
    return rows.map(numbersOf);
  }

  /** The newest change to any locality's register: every register write leaves an audit entry. */
  async registerVersion(db: Db): Promise<string> {
    const row = await db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.max('id').as('id'))
      .where('entity_type', 'in', ['locality', 'partnership', 'organisation', 'membership'])
      .executeTakeFirst();
    return String(row?.id ?? 0);
  }

  async get(db: Db, identifier: string): Promise<NationalBodyRow | undefined> {
    const body = await db
      .selectFrom('national_organisations')
      .select(['id', 'identifier', 'name', 'sector', 'org_type', 'website'])
      .where('identifier', '=', identifier)
      .executeTakeFirst();
    if (!body) return undefined;
    const totals = await this.totals(db, body.id).executeTakeFirst();
    if (!totals) return undefined; // no locality holds a record of it any more
    return numbersOf({ ...body, ...totals });
  }

  /** The body's record in each locality, with its seats there, by locality name. */
  async localRecords(db: Db, nationalId: string): Promise<LocalRecordRow[]> {
    const rows = await db
      .selectFrom('organisations as o')
      .innerJoin('localities as l', 'l.id', 'o.locality_id')
      .leftJoin(this.seatsByRecord(db, nationalId).as('b'), 'b.organisation_id', 'o.id')
      .where('o.national_organisation_id', '=', nationalId)
      .select([
        'o.id as organisation_id',
        'o.name',
        'o.status',
        'l.id as locality_id',
        'l.name as locality_name',
        'l.gss_code',
        'l.region',
        sql<string>`coalesce(b.seats, 0)`.as('seats'),
        sql<string>`coalesce(b.meeting_hours, 0)`.as('meeting_hours'),
      ])
      .orderBy('l.name')
      .orderBy('o.name')
      .execute();
    return rows.map((r) => ({ ...r, seats: Number(r.seats), meeting_hours: roundHours(r.meeting_hours) }));
  }

  /** Each local record's counted seats and meeting hours a year (of one body's records, given its id). */
  private seatsByRecord(db: Db, nationalId?: string) {
    let query = db
      .selectFrom('memberships as m')
      .innerJoin('partnerships as p', 'p.id', 'm.partnership_id')
      .where(countedSeat);
    if (nationalId)
      query = query.where('m.organisation_id', 'in', (eb) =>
        eb.selectFrom('organisations').select('id').where('national_organisation_id', '=', nationalId),
      );
    return query
      .groupBy('m.organisation_id')
      .select([
        'm.organisation_id',
        sql<string>`count(*)`.as('seats'),
        sql<string>`sum(coalesce(p.meetings_per_year, 0) * coalesce(p.meeting_minutes, 0) / 60.0)`.as('meeting_hours'),
      ]);
  }

  /** Each national body's localities, seats and meeting hours, summed over its local records. */
  private totals(db: Db, nationalId?: string) {
    let query = db
      .selectFrom('organisations as o')
      .leftJoin(this.seatsByRecord(db, nationalId).as('b'), 'b.organisation_id', 'o.id')
      .where('o.national_organisation_id', 'is not', null)
      .groupBy('o.national_organisation_id')
      .select([
        'o.national_organisation_id',
        sql<string>`count(distinct o.locality_id)`.as('localities'),
        sql<string>`coalesce(sum(b.seats), 0)`.as('seats'),
        sql<string>`coalesce(sum(b.meeting_hours), 0)`.as('meeting_hours'),
      ]);
    if (nationalId) query = query.where('o.national_organisation_id', '=', nationalId);
    return query;
  }
}

function roundHours(value: unknown): number {
  return Math.round(Number(value) * 10) / 10;
}

function numbersOf<R extends { localities: unknown; seats: unknown; meeting_hours: unknown }>(
  row: R,
): Omit<R, 'localities' | 'seats' | 'meeting_hours'> & { localities: number; seats: number; meeting_hours: number } {
  return {
    ...row,
    localities: Number(row.localities),
    seats: Number(row.seats),
    meeting_hours: roundHours(row.meeting_hours),
  };
}
