import { type ExpressionBuilder, sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { DB, Locality, MembershipRow, OrganisationRow, PartnershipRow } from '../../db/tables.js';
import type { OrganisationListQuery, PartnershipListQuery } from './schema.js';
import type { DatedChange } from './as-at.js';
import type { BurdenTotals } from './burden.js';

/** Fields whose changes are dated, so the register can be shown as at a past date. */
export const DATED_FIELDS = [
  'parent_id',
  'layer',
  'meetings_per_year',
  'meeting_minutes',
  'typical_attendance',
] as const;

export type NewPartnership = Omit<PartnershipRow, 'id' | 'version' | 'created_at' | 'updated_at'>;
export type PartnershipChanges = Partial<
  Omit<PartnershipRow, 'id' | 'locality_id' | 'version' | 'created_at' | 'updated_at'>
>;

export interface PartnershipListRow {
  id: string;
  reference: string;
  name: string;
  layer: string;
  status: string;
  basis: string;
  lead_organisation_name: string | null;
  meetings_per_year: number | null;
  member_count: number;
  themes: string[];
  updated_at: Date;
}

export interface PartnershipRecord extends PartnershipRow {
  themes: string[];
  areas: string[];
}

export interface OrganisationListRow extends OrganisationRow {
  seats: number;
  meeting_hours: number;
}

export interface MembershipView extends MembershipRow {
  organisation_name: string;
  organisation_sector: string;
  partnership_name: string;
  partnership_status: string;
  partnership_reference: string;
  meetings_per_year: number | null;
  meeting_minutes: number | null;
}

/**
 * A seat that counts towards an organisation's burden (burden.ts): current, on an active
 * partnership, in any role but observer. Reads `m` (memberships) and `p` (partnerships).
 */
export const countedSeat = sql<boolean>`m.ended_on is null and p.status = 'active' and m.role <> 'observer'`;

function themesOf(eb: ExpressionBuilder<DB & { p: DB['partnerships'] }, 'p'>) {
  return eb
    .selectFrom('partnership_themes as t')
    .whereRef('t.partnership_id', '=', 'p.id')
    .select(sql<string[]>`coalesce(array_agg(t.theme order by t.theme), '{}')`.as('themes'));
}

/** Where a row stands in the register's order: its sort column's value (as text), its name in lower case and its id. */
export interface ListPosition {
  value: string;
  name: string;
  id: string;
}

/** The SQL type of each sort column's value, to read a stored position back. */
const SORT_TYPES: Record<PartnershipListQuery['sort'], string> = {
  name: 'text',
  reference: 'text',
  layer: 'integer',
  status: 'integer',
  members: 'bigint',
  meetings: 'integer',
  updated: 'timestamptz',
};

export class LocalityRepository {
  list(db: Db): Promise<Locality[]> {
    return db.selectFrom('localities').selectAll().orderBy('name').execute();
  }

  byCode(db: Db, gssCode: string): Promise<Locality | undefined> {
    return db.selectFrom('localities').selectAll().where('gss_code', '=', gssCode).executeTakeFirst();
  }

  /**
   * A locality with the versions of what its register shows: the newest audit entry about its
   * register (every change to a locality, partnership, organisation or seat writes one in the
   * same transaction) and the newest about the reference lists (their labels). One query,
   * answered from two partial indexes.
   */
  async byCodeWithVersions(
    db: Db,
    gssCode: string,
  ): Promise<{ locality: Locality; register: number; reference: number } | undefined> {
    const row = await db
      .selectFrom('localities as l')
      .selectAll('l')
      .select([
        sql<number>`(select coalesce(max(a.id), 0) from audit_events a where a.locality_id = l.id
          and a.entity_type in ('locality', 'partnership', 'organisation', 'membership'))`.as('register_version'),
        sql<number>`(select coalesce(max(a.id), 0) from audit_events a
          where a.entity_type = 'reference-item')`.as('reference_version'),
      ])
      .where('l.gss_code', '=', gssCode)
      .executeTakeFirst();
    if (!row) return undefined;
    const { register_version, reference_version, ...locality } = row;
    return { locality, register: Number(register_version), reference: Number(reference_version) };
  }

  insert(
    db: Db,
    row: { gss_code: string; name: string; kind: string; region: string; nation: string; is_demo?: boolean },
  ): Promise<Locality> {
    return db.insertInto('localities').values(row).returningAll().executeTakeFirstOrThrow();
  }

  async isEmpty(db: Db, localityId: string): Promise<boolean> {
    const row = await db
      .selectNoFrom((eb) => [
        eb.exists(eb.selectFrom('partnerships').select('id').where('locality_id', '=', localityId)).as('p'),
        eb.exists(eb.selectFrom('organisations').select('id').where('locality_id', '=', localityId)).as('o'),
      ])
      .executeTakeFirstOrThrow();
    return !row.p && !row.o;
  }
}

export class PartnershipRepository {
  /**
   * A page of the register, filtered and sorted, in a total order (the sort column, then the
   * name, then the id). With `after` (the position of the last row of the page before: see
   * `ListPosition`), the page is the rows after it in that order, found through the
   * locality's index however deep, rather than by counting past every row before it; `next`
   * is where the page after this one starts, when there is one.
   */
  async list(
    db: Db,
    localityId: string,
    q: PartnershipListQuery,
    publishedOnly = false,
    after?: ListPosition,
  ): Promise<{ rows: PartnershipListRow[]; total: number; next?: ListPosition }> {
    let base = db.selectFrom('partnerships as p').where('p.locality_id', '=', localityId);
    if (publishedOnly) base = base.where('p.status', '<>', 'proposed');
    if (q.q) {
      const pattern = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      base = base.where((eb) =>
        eb.or([eb('p.name', 'ilike', pattern), eb('p.purpose', 'ilike', pattern), eb('p.reference', 'ilike', pattern)]),
      );
    }
    if (q.layer) base = base.where('p.layer', '=', q.layer);
    if (q.status) base = base.where('p.status', '=', q.status);
    if (q.basis) base = base.where('p.basis', '=', q.basis);
    if (q.theme) {
      const theme = q.theme;
      base = base.where((eb) =>
        eb.exists(
          eb
            .selectFrom('partnership_themes as t')
            .whereRef('t.partnership_id', '=', 'p.id')
            .where('t.theme', '=', theme)
            .select('t.theme'),
        ),
      );
    }
    if (q.area) {
      const area = q.area.toUpperCase();
      base = base.where((eb) =>
        eb.exists(
          eb
            .selectFrom('partnership_areas as a')
            .whereRef('a.partnership_id', '=', 'p.id')
            .where('a.gss_code', '=', area)
            .select('a.gss_code'),
        ),
      );
    }
    if (q.organisation) {
      const org = q.organisation;
      base = base.where((eb) =>
        eb.or([
          eb('p.lead_organisation_id', '=', org),
          eb.exists(
            eb
              .selectFrom('memberships as m')
              .whereRef('m.partnership_id', '=', 'p.id')
              .where('m.organisation_id', '=', org)
              .where('m.ended_on', 'is', null)
              .select('m.id'),
          ),
        ]),
      );
    }
    const memberCount = sql<number>`(select count(*) from memberships m where m.partnership_id = p.id and m.ended_on is null)`;
    const sortColumn = {
      name: sql`lower(p.name)`,
      reference: sql`p.reference`,
      layer: sql`array_position(array['strategic','executive','operational'], p.layer)`,
      status: sql`array_position(array['proposed','active','merged','nested','closed'], p.status)`,
      members: memberCount,
      meetings: sql`coalesce(p.meetings_per_year, -1)`,
      updated: sql`p.updated_at`,
    }[q.sort];
    const direction = q.order === 'desc' ? sql`desc` : sql`asc`;
    let page = base;
    if (after) {
      // The stored position is text; read back as the sort column's own type, so a date
      // updated keeps its microseconds and numbers compare as numbers.
      const value = sql`cast(${after.value} as ${sql.raw(SORT_TYPES[q.sort])})`;
      const beyond = q.order === 'desc' ? sql`<` : sql`>`;
      page = page.where(
        sql<boolean>`(${sortColumn} ${beyond} ${value} or (${sortColumn} = ${value} and (lower(p.name), p.id) > (${after.name}, ${after.id}::uuid)))`,
      );
    }
    const [found, total] = await Promise.all([
      page
        .leftJoin('organisations as lead', 'lead.id', 'p.lead_organisation_id')
        .select((eb) => [
          'p.id',
          'p.reference',
          'p.name',
          'p.layer',
          'p.status',
          'p.basis',
          'p.meetings_per_year',
          'p.updated_at',
          'lead.name as lead_organisation_name',
          memberCount.as('member_count'),
          themesOf(eb).as('themes'),
          sql<string>`(${sortColumn})::text`.as('sort_value'),
          sql<string>`lower(p.name)`.as('sort_name'),
        ])
        .orderBy(sql`${sortColumn} ${direction}`)
        .orderBy(sql`lower(p.name)`)
        .orderBy('p.id')
        // One row more than the page, to know whether another page follows.
        .limit(q.pageSize + 1)
        .offset(after ? 0 : (q.page - 1) * q.pageSize)
        .execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    const shown = found.slice(0, q.pageSize);
    const last = shown.at(-1);
    return {
      rows: shown.map(({ sort_value: _value, sort_name: _name, ...r }) => ({
        ...r,
        themes: r.themes ?? [],
        member_count: Number(r.member_count),
      })),
      total: Number(total.n),
      next:
        found.length > q.pageSize && last ? { value: last.sort_value, name: last.sort_name, id: last.id } : undefined,
    };
  }

  /** A partnership with its themes and areas, in one query (a partnership page asks on every view). */
  async get(db: Db, localityId: string, id: string): Promise<PartnershipRecord | undefined> {
    const row = await db
      .selectFrom('partnerships as p')
      .selectAll('p')
      .select([
        sql<
          string[]
        >`array(select t.theme from partnership_themes t where t.partnership_id = p.id order by t.theme)`.as('themes'),
        sql<
          string[]
        >`array(select a.gss_code from partnership_areas a where a.partnership_id = p.id order by a.gss_code)`.as(
          'areas',
        ),
      ])
      .where('p.locality_id', '=', localityId)
      .where('p.id', '=', id)
      .executeTakeFirst();
    return row;
  }

  /** The few columns a membership change needs, in one query. */
  summary(db: Db, localityId: string, id: string) {
    return db
      .selectFrom('partnerships')
      .select(['id', 'name', 'status', 'reference', 'meetings_per_year', 'meeting_minutes'])
      .where('locality_id', '=', localityId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  async idByReference(db: Db, localityId: string, reference: string): Promise<string | undefined> {
    const row = await db
      .selectFrom('partnerships')
      .select('id')
      .where('locality_id', '=', localityId)
      .where('reference', '=', reference)
      .executeTakeFirst();
    return row?.id;
  }

  async insert(db: Db, row: NewPartnership, themes: string[], areas: string[]): Promise<PartnershipRow> {
    const created = await db.insertInto('partnerships').values(row).returningAll().executeTakeFirstOrThrow();
    await this.replaceThemesAndAreas(db, created.id, themes, areas);
    return created;
  }

  /** Applies changes only if nobody else saved since `version` was read; undefined means they did. */
  async update(db: Db, id: string, version: number, changes: PartnershipChanges): Promise<PartnershipRow | undefined> {
    return db
      .updateTable('partnerships')
      .set({ ...changes, version: sql`version + 1`, updated_at: sql`now()` })
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
  }

  async replaceThemesAndAreas(db: Db, id: string, themes: string[], areas: string[]): Promise<void> {
    await db.deleteFrom('partnership_themes').where('partnership_id', '=', id).execute();
    await db.deleteFrom('partnership_areas').where('partnership_id', '=', id).execute();
    if (themes.length)
      await db
        .insertInto('partnership_themes')
        .values(themes.map((theme) => ({ partnership_id: id, theme })))
        .execute();
    if (areas.length)
      await db
        .insertInto('partnership_areas')
        .values(areas.map((gss_code) => ({ partnership_id: id, gss_code })))
        .execute();
  }

  /** Every partnership above `id`, nearest first; used to refuse a nesting cycle. */
  async ancestorIds(db: Db, id: string): Promise<string[]> {
    const result = await sql<{ id: string }>`
      with recursive up(id, depth) as (
        select parent_id, 1 from partnerships where id = ${id} and parent_id is not null
        union all
        select p.parent_id, up.depth + 1 from partnerships p join up on p.id = up.id where p.parent_id is not null and up.depth < 100
      )
      select id from up order by depth`.execute(db);
    return result.rows.map((r) => r.id);
  }

  children(db: Db, id: string): Promise<Array<Pick<PartnershipRow, 'id' | 'name' | 'status' | 'layer' | 'reference'>>> {
    return db
      .selectFrom('partnerships')
      .select(['id', 'name', 'status', 'layer', 'reference'])
      .where('parent_id', '=', id)
      .orderBy('name')
      .execute();
  }

  options(db: Db, localityId: string): Promise<Array<{ id: string; name: string; status: string }>> {
    return db
      .selectFrom('partnerships')
      .select(['id', 'name', 'status'])
      .where('locality_id', '=', localityId)
      .orderBy(sql`lower(name)`)
      .orderBy('id')
      .execute();
  }

  /** Every partnership of a locality in a few columns: for lists and names, without themes and areas. */
  summaries(
    db: Db,
    localityId: string,
  ): Promise<
    Array<
      Pick<
        PartnershipRow,
        'id' | 'reference' | 'name' | 'layer' | 'status' | 'parent_id' | 'meetings_per_year' | 'meeting_minutes'
      >
    >
  > {
    return db
      .selectFrom('partnerships')
      .select(['id', 'reference', 'name', 'layer', 'status', 'parent_id', 'meetings_per_year', 'meeting_minutes'])
      .where('locality_id', '=', localityId)
      .orderBy('reference')
      .execute();
  }

  async names(db: Db, ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await db.selectFrom('partnerships').select(['id', 'name']).where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  async nextReference(db: Db, localityId: string): Promise<string> {
    const row = await db
      .selectFrom('partnerships')
      .select(sql<number>`coalesce(max(substring(reference from '^P-(\\d+)$')::int), 0)`.as('n'))
      .where('locality_id', '=', localityId)
      .executeTakeFirstOrThrow();
    return `P-${String(Number(row.n) + 1).padStart(4, '0')}`;
  }

  /** Dated changes of parent, layer and meeting pattern, for the register as at a past date. */
  changes(db: Db, localityId: string): Promise<DatedChange[]> {
    return db
      .selectFrom('partnership_changes as c')
      .innerJoin('partnerships as p', 'p.id', 'c.partnership_id')
      .select(['c.partnership_id', 'c.field', 'c.before', 'c.after', 'c.effective_on', 'c.created_at'])
      .where('p.locality_id', '=', localityId)
      .orderBy('c.effective_on')
      .orderBy('c.created_at')
      .execute();
  }

  /** Records dated changes of the fields the register keeps a history of (see as-at.ts). */
  async recordChanges(
    db: Db,
    partnershipId: string,
    before: Partial<Record<(typeof DATED_FIELDS)[number], unknown>>,
    after: Partial<Record<(typeof DATED_FIELDS)[number], unknown>>,
    effectiveOn: string,
  ): Promise<void> {
    const rows = DATED_FIELDS.filter((field) => (before[field] ?? null) !== (after[field] ?? null)).map((field) => ({
      partnership_id: partnershipId,
      field,
      before: before[field] === null || before[field] === undefined ? null : String(before[field]),
      after: after[field] === null || after[field] === undefined ? null : String(after[field]),
      effective_on: effectiveOn,
    }));
    if (rows.length) await db.insertInto('partnership_changes').values(rows).execute();
  }

  allForLocality(db: Db, localityId: string): Promise<PartnershipRecord[]> {
    return db
      .selectFrom('partnerships as p')
      .selectAll('p')
      .select((eb) => [
        themesOf(eb).as('themes'),
        eb
          .selectFrom('partnership_areas as a')
          .whereRef('a.partnership_id', '=', 'p.id')
          .select(sql<string[]>`coalesce(array_agg(a.gss_code order by a.gss_code), '{}')`.as('areas'))
          .as('areas'),
      ])
      .where('p.locality_id', '=', localityId)
      .orderBy('p.reference')
      .orderBy('p.id')
      .execute()
      .then((rows) => rows.map((r) => ({ ...r, themes: r.themes ?? [], areas: r.areas ?? [] })));
  }
}

export class OrganisationRepository {
  async list(
    db: Db,
    localityId: string,
    q: OrganisationListQuery,
  ): Promise<{ rows: OrganisationListRow[]; total: number }> {
    let base = db.selectFrom('organisations as o').where('o.locality_id', '=', localityId);
    if (q.q) {
      const pattern = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      base = base.where((eb) => eb.or([eb('o.name', 'ilike', pattern), eb('o.identifier', 'ilike', pattern)]));
    }
    if (q.sector) base = base.where('o.sector', '=', q.sector);
    if (q.type) base = base.where('o.org_type', '=', q.type);
    if (q.status) base = base.where('o.status', '=', q.status);
    const burden = this.burdenQuery(db, localityId).as('b');
    const seats = sql<number>`coalesce(b.seats, 0)`;
    const hours = sql<number>`coalesce(b.meeting_hours, 0)`;
    const sortColumn = { name: sql`lower(o.name)`, sector: sql`o.sector`, seats, hours }[q.sort];
    const direction = q.order === 'desc' ? sql`desc` : sql`asc`;
    const [rows, total] = await Promise.all([
      base
        .leftJoin(burden, 'b.organisation_id', 'o.id')
        .selectAll('o')
        .select([seats.as('seats'), hours.as('meeting_hours')])
        .orderBy(sql`${sortColumn} ${direction}`)
        .orderBy(sql`lower(o.name)`)
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize)
        .execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return {
      rows: rows.map((r) => ({
        ...r,
        seats: Number(r.seats),
        meeting_hours: Math.round(Number(r.meeting_hours) * 10) / 10,
      })),
      total: Number(total.n),
    };
  }

  /** Each organisation's counted seats (see burden.ts), their meetings and meeting hours a year. */
  private burdenQuery(db: Db, localityId: string) {
    return db
      .selectFrom('memberships as m')
      .innerJoin('partnerships as p', 'p.id', 'm.partnership_id')
      .where('m.locality_id', '=', localityId)
      .where(countedSeat)
      .groupBy('m.organisation_id')
      .select([
        'm.organisation_id',
        sql<string>`count(*)`.as('seats'),
        sql<string>`coalesce(sum(p.meetings_per_year), 0)`.as('meetings'),
        sql<string>`coalesce(sum(coalesce(p.meetings_per_year, 0) * coalesce(p.meeting_minutes, 0) / 60.0), 0)`.as(
          'meeting_hours',
        ),
      ]);
  }

  /**
   * The burden totals of the locality's organisations (or of those given) that hold a counted
   * seat, with their names and sectors: the one query behind every page's burden figures.
   */
  async burden(db: Db, localityId: string, organisationIds?: readonly string[]): Promise<BurdenTotals[]> {
    if (organisationIds?.length === 0) return [];
    let query = db
      .selectFrom(this.burdenQuery(db, localityId).as('b'))
      .innerJoin('organisations as o', 'o.id', 'b.organisation_id')
      .select([
        'b.organisation_id',
        'o.name as organisation_name',
        'o.sector as organisation_sector',
        'b.seats',
        'b.meetings',
        'b.meeting_hours',
      ]);
    if (organisationIds) query = query.where('b.organisation_id', 'in', [...organisationIds]);
    const rows = await query.orderBy('b.organisation_id').execute();
    return rows.map((r) => ({
      ...r,
      seats: Number(r.seats),
      meetings: Number(r.meetings),
      meeting_hours: Number(r.meeting_hours),
    }));
  }

  get(db: Db, localityId: string, id: string): Promise<OrganisationRow | undefined> {
    return db
      .selectFrom('organisations')
      .selectAll()
      .where('locality_id', '=', localityId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  async byIds(db: Db, localityId: string, ids: string[]): Promise<Map<string, OrganisationRow>> {
    if (ids.length === 0) return new Map();
    const rows = await db
      .selectFrom('organisations')
      .selectAll()
      .where('locality_id', '=', localityId)
      .where('id', 'in', ids)
      .execute();
    return new Map(rows.map((r) => [r.id, r]));
  }

  /** The organisation a key names: its identifier first, then its local reference, then its name. */
  async idByIdentifierOrName(db: Db, localityId: string, key: string): Promise<string | undefined> {
    const rows = await db
      .selectFrom('organisations')
      .select(['id', 'identifier', 'local_reference'])
      .where('locality_id', '=', localityId)
      .where((eb) =>
        eb.or([
          eb('identifier', '=', key.toUpperCase()),
          eb(sql`lower(local_reference)`, '=', key.toLowerCase()),
          eb(sql`lower(name)`, '=', key.toLowerCase()),
        ]),
      )
      .execute();
    const rank = (r: (typeof rows)[number]) =>
      r.identifier === key.toUpperCase() ? 0 : r.local_reference?.toLowerCase() === key.toLowerCase() ? 1 : 2;
    return rows.sort((a, b) => rank(a) - rank(b))[0]?.id;
  }

  async idByLocalReference(
    db: Db,
    localityId: string,
    localReference: string,
    exceptId?: string,
  ): Promise<string | undefined> {
    let query = db
      .selectFrom('organisations')
      .select('id')
      .where('locality_id', '=', localityId)
      .where(sql`lower(local_reference)`, '=', localReference.toLowerCase());
    if (exceptId) query = query.where('id', '<>', exceptId);
    return (await query.executeTakeFirst())?.id;
  }

  async findClash(
    db: Db,
    localityId: string,
    name: string,
    identifier: string | null,
    exceptId?: string,
  ): Promise<'name' | 'identifier' | undefined> {
    let query = db
      .selectFrom('organisations')
      .select(['name', 'identifier'])
      .where('locality_id', '=', localityId)
      .where((eb) =>
        eb.or([
          eb(sql`lower(name)`, '=', name.toLowerCase()),
          ...(identifier ? [eb('identifier', '=', identifier)] : []),
        ]),
      );
    if (exceptId) query = query.where('id', '<>', exceptId);
    const clash = await query.executeTakeFirst();
    if (!clash) return undefined;
    return clash.name.toLowerCase() === name.toLowerCase() ? 'name' : 'identifier';
  }

  insert(
    db: Db,
    row: Omit<
      OrganisationRow,
      | 'id'
      | 'version'
      | 'created_at'
      | 'updated_at'
      | 'status'
      | 'closed_on'
      | 'close_reason'
      | 'local_reference'
      | 'national_organisation_id'
    > & { local_reference?: string | null },
  ): Promise<OrganisationRow> {
    return db.insertInto('organisations').values(row).returningAll().executeTakeFirstOrThrow();
  }

  update(
    db: Db,
    id: string,
    version: number,
    changes: Partial<Omit<OrganisationRow, 'id' | 'locality_id' | 'version' | 'created_at' | 'updated_at'>>,
  ): Promise<OrganisationRow | undefined> {
    return db
      .updateTable('organisations')
      .set({ ...changes, version: sql`version + 1`, updated_at: sql`now()` })
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
  }

  options(db: Db, localityId: string): Promise<Array<{ id: string; name: string; sector: string; status: string }>> {
    return db
      .selectFrom('organisations')
      .select(['id', 'name', 'sector', 'status'])
      .where('locality_id', '=', localityId)
      .orderBy(sql`lower(name)`)
      .orderBy('id')
      .execute();
  }

  async names(db: Db, ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await db.selectFrom('organisations').select(['id', 'name']).where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** Active partnerships this organisation leads or holds the money for. */
  responsibilities(db: Db, id: string): Promise<Array<{ id: string; name: string; as: string }>> {
    return db
      .selectFrom('partnerships')
      .select([
        'id',
        'name',
        sql<string>`case when accountable_body_id = ${id} then 'accountable body' else 'lead organisation' end`.as(
          'as',
        ),
      ])
      .where((eb) => eb.or([eb('accountable_body_id', '=', id), eb('lead_organisation_id', '=', id)]))
      .where('status', 'in', ['proposed', 'active'])
      .orderBy('name')
      .execute();
  }

  allForLocality(db: Db, localityId: string): Promise<OrganisationRow[]> {
    return db
      .selectFrom('organisations')
      .selectAll()
      .where('locality_id', '=', localityId)
      .orderBy(sql`lower(name)`)
      .orderBy('id')
      .execute();
  }
}

export class MembershipRepository {
  private view(db: Db) {
    return db
      .selectFrom('memberships as m')
      .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
      .innerJoin('partnerships as p', 'p.id', 'm.partnership_id')
      .selectAll('m')
      .select([
        'o.name as organisation_name',
        'o.sector as organisation_sector',
        'p.name as partnership_name',
        'p.status as partnership_status',
        'p.reference as partnership_reference',
        'p.meetings_per_year',
        'p.meeting_minutes',
      ]);
  }

  forPartnership(db: Db, partnershipId: string): Promise<MembershipView[]> {
    return this.view(db)
      .where('m.partnership_id', '=', partnershipId)
      .orderBy(sql`m.ended_on is not null`)
      .orderBy(sql`array_position(array['chair','vice-chair','accountable-body','member','observer'], m.role)`)
      .orderBy(sql`lower(o.name)`)
      .execute();
  }

  /** Current seats of a partnership, for the one-chair and no-duplicate rules. */
  currentSeats(db: Db, partnershipId: string) {
    return db
      .selectFrom('memberships as m')
      .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
      .select(['m.id', 'm.organisation_id', 'm.role', 'm.representative', 'o.name as organisation_name'])
      .where('m.partnership_id', '=', partnershipId)
      .where('m.ended_on', 'is', null)
      .execute();
  }

  /** An organisation's seats, each marked with whether it counts towards its burden (burden.ts). */
  forOrganisation(db: Db, organisationId: string): Promise<Array<MembershipView & { counted: boolean }>> {
    return this.view(db)
      .select(countedSeat.as('counted'))
      .where('m.organisation_id', '=', organisationId)
      .orderBy(sql`m.ended_on is not null or p.status not in ('proposed', 'active')`)
      .orderBy(sql`lower(p.name)`)
      .execute();
  }

  get(db: Db, localityId: string, id: string): Promise<MembershipView | undefined> {
    return this.view(db).where('m.locality_id', '=', localityId).where('m.id', '=', id).executeTakeFirst();
  }

  insertMany(
    db: Db,
    rows: Array<Omit<MembershipRow, 'id' | 'version' | 'created_at' | 'updated_at'>>,
  ): Promise<MembershipRow[]> {
    return rows.length ? db.insertInto('memberships').values(rows).returningAll().execute() : Promise.resolve([]);
  }

  update(
    db: Db,
    id: string,
    version: number,
    changes: Partial<Pick<MembershipRow, 'role' | 'representative' | 'started_on' | 'ended_on' | 'organisation_id'>>,
  ): Promise<MembershipRow | undefined> {
    return db
      .updateTable('memberships')
      .set({ ...changes, version: sql`version + 1`, updated_at: sql`now()` })
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
  }

  /** Ends every open seat of a partnership or an organisation; returns the seats it ended. */
  endOpen(
    db: Db,
    where: { partnershipId?: string; organisationId?: string },
    endedOn: string,
  ): Promise<MembershipRow[]> {
    let query = db
      .updateTable('memberships')
      .set({
        ended_on: sql<string>`greatest(coalesce(started_on, ${endedOn}::date), ${endedOn}::date)`,
        version: sql`version + 1`,
        updated_at: sql`now()`,
      })
      .where('ended_on', 'is', null);
    if (where.partnershipId) query = query.where('partnership_id', '=', where.partnershipId);
    if (where.organisationId) query = query.where('organisation_id', '=', where.organisationId);
    return query.returningAll().execute();
  }

  allForLocality(db: Db, localityId: string): Promise<MembershipView[]> {
    return (
      this.view(db)
        .where('m.locality_id', '=', localityId)
        // A seat is always in its partnership's locality; said again, the planner reads the
        // locality's partnerships by index (5 ms on a 50,000-partnership set) instead of
        // hashing the whole country's (31 ms).
        .where('p.locality_id', '=', localityId)
        // Every column that can tell two seats apart, then the id: exports must not depend on
        // the order rows happen to be stored in (a restore stores them in another).
        .orderBy('p.reference')
        .orderBy(sql`lower(o.name)`)
        .orderBy('o.id')
        .orderBy(sql`m.started_on nulls first`)
        .orderBy('m.role')
        .orderBy(sql`m.representative nulls first`)
        .orderBy('m.id')
        .execute()
    );
  }
}
