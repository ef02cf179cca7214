import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { chooseLsp } from '../register/lsp.js';
import type { OrganisationRecord, PartnershipFeatures, Sector } from './types.js';
import type { OverlapJudgementRow } from './schema.js';
import { NATIONAL_INDICATORS } from '../performance/indicators.js';

/** Reads a locality's open partnerships from the register into the engine's input shape. */
export class OverlapRepository {
  /**
   * With `byIdentifier`, members are named by their org-id identifier where they have one: the
   * register keeps organisations per locality, so across localities the same police force is
   * several records sharing one identifier, and only the identifier shows the shared seat.
   */
  async features(
    db: Db,
    localityIds: string | string[],
    separateLegalStatus: (legalForm: string) => boolean,
    byIdentifier = false,
  ): Promise<PartnershipFeatures[]> {
    const ids = [localityIds].flat();
    if (ids.length === 0) return [];
    const rows = await db
      .selectFrom('partnerships as p')
      .select((eb) => [
        'p.id',
        'p.reference',
        'p.basis_detail',
        'p.locality_id',
        'p.name',
        'p.purpose',
        'p.basis',
        'p.legal_form',
        'p.parent_id',
        'p.status',
        'p.layer',
        'p.meetings_per_year',
        'p.meeting_minutes',
        'p.typical_attendance',
        eb
          .selectFrom('partnership_themes as t')
          .whereRef('t.partnership_id', '=', 'p.id')
          .select(sql<string[]>`coalesce(array_agg(t.theme), '{}')`.as('x'))
          .as('themes'),
        eb
          .selectFrom('partnership_areas as a')
          .whereRef('a.partnership_id', '=', 'p.id')
          .select(sql<string[]>`coalesce(array_agg(a.gss_code), '{}')`.as('x'))
          .as('areas'),
        eb
          .selectFrom('memberships as m')
          .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
          .whereRef('m.partnership_id', '=', 'p.id')
          .where('m.ended_on', 'is', null)
          .select(
            byIdentifier
              ? sql<string[]>`coalesce(array_agg(distinct coalesce(o.identifier, o.id::text)), '{}')`.as('x')
              : sql<string[]>`coalesce(array_agg(distinct m.organisation_id), '{}')`.as('x'),
          )
          .as('members'),
      ])
      .where('p.locality_id', 'in', ids)
      .where('p.status', 'in', ['proposed', 'active'])
      .orderBy('p.locality_id')
      .orderBy('p.reference')
      .execute();
    const lsps = new Set<string>();
    for (const localityId of ids) {
      const lsp = lspOf(rows.filter((r) => r.locality_id === localityId));
      if (lsp) lsps.add(lsp);
    }
    return rows.map((r) => ({
      id: r.id,
      localityId: r.locality_id,
      name: r.name,
      purpose: r.purpose,
      themes: r.themes ?? [],
      areas: r.areas ?? [],
      memberOrganisationIds: r.members ?? [],
      meetingsPerYear: r.meetings_per_year,
      meetingMinutes: r.meeting_minutes,
      typicalAttendance: r.typical_attendance,
      basis: r.basis,
      statutory: r.basis === 'statutory',
      separateLegalStatus: separateLegalStatus(r.legal_form),
      parentId: r.parent_id,
      status: r.status,
      layer: r.layer,
      isLsp: lsps.has(r.id),
    }));
  }

  async organisations(db: Db, localityIds: string | string[], byIdentifier = false): Promise<OrganisationRecord[]> {
    const ids = [localityIds].flat();
    if (ids.length === 0) return [];
    const rows = await db
      .selectFrom('organisations')
      .select(['id', 'identifier', 'name', 'sector', 'locality_id'])
      .where('locality_id', 'in', ids)
      .execute();
    const byKey = new Map<string, OrganisationRecord>();
    for (const o of rows) {
      const key = byIdentifier && o.identifier ? o.identifier : o.id;
      const seen = byKey.get(key);
      // One body in several localities serves no single one of them.
      if (seen) seen.localityId = seen.localityId === o.locality_id ? seen.localityId : null;
      else byKey.set(key, { id: key, name: o.name, sector: o.sector as Sector, localityId: o.locality_id });
    }
    return [...byKey.values()];
  }

  /**
   * The newest audit entry about the localities' register: every register change writes one,
   * so it dates the data. Other entries (roles, proposals, plans, indicators) leave it alone,
   * so they do not send the analysis off to be computed again.
   */
  async registerVersion(db: Db, localityIds: string | string[]): Promise<number> {
    const ids = [localityIds].flat();
    if (ids.length === 0) return 0;
    const row = await db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.max('id').as('id'))
      .where('locality_id', 'in', ids)
      .where('entity_type', 'in', REGISTER_ENTITIES)
      .executeTakeFirst();
    return Number(row?.id ?? 0);
  }

  // --- judgements and settings ---------------------------------------------------------------

  judgements(db: Db, localityIds: string | string[]): Promise<OverlapJudgementRow[]> {
    const ids = [localityIds].flat();
    if (ids.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('overlap_judgements')
      .selectAll()
      .where('locality_id', 'in', ids)
      .orderBy('judged_at', 'desc')
      .orderBy('id')
      .execute();
  }

  judgement(db: Db, aId: string, bId: string): Promise<OverlapJudgementRow | undefined> {
    const [a, b] = aId < bId ? [aId, bId] : [bId, aId];
    return db
      .selectFrom('overlap_judgements')
      .selectAll()
      .where('partnership_a', '=', a)
      .where('partnership_b', '=', b)
      .executeTakeFirst();
  }

  async saveJudgement(
    db: Db,
    row: Omit<OverlapJudgementRow, 'id' | 'version' | 'judged_at'>,
    previousVersion?: number,
  ): Promise<OverlapJudgementRow | undefined> {
    if (previousVersion === undefined) {
      return db.insertInto('overlap_judgements').values(row).returningAll().executeTakeFirst();
    }
    return db
      .updateTable('overlap_judgements')
      .set({ ...row, judged_at: new Date(), version: sql`version + 1` })
      .where('partnership_a', '=', row.partnership_a)
      .where('partnership_b', '=', row.partnership_b)
      .where('version', '=', previousVersion)
      .returningAll()
      .executeTakeFirst();
  }

  async deleteJudgement(db: Db, aId: string, bId: string, version: number): Promise<boolean> {
    const [a, b] = aId < bId ? [aId, bId] : [bId, aId];
    const result = await db
      .deleteFrom('overlap_judgements')
      .where('partnership_a', '=', a)
      .where('partnership_b', '=', b)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  settings(db: Db, localityIds: string | string[]) {
    const ids = [localityIds].flat();
    if (ids.length === 0) return Promise.resolve([]);
    return db.selectFrom('overlap_settings').selectAll().where('locality_id', 'in', ids).execute();
  }

  async saveSettings(
    db: Db,
    row: { locality_id: string; likely: number; look: number; updated_by_name: string },
    previousVersion: number | undefined,
  ): Promise<boolean> {
    if (previousVersion === undefined) {
      const inserted = await db
        .insertInto('overlap_settings')
        .values(row)
        .onConflict((oc) => oc.column('locality_id').doNothing())
        .executeTakeFirst();
      return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
    }
    const updated = await db
      .updateTable('overlap_settings')
      .set({ ...row, updated_at: new Date(), version: sql`version + 1` })
      .where('locality_id', '=', row.locality_id)
      .where('version', '=', previousVersion)
      .executeTakeFirst();
    return Number(updated.numUpdatedRows) > 0;
  }

  /**
   * What an analysis of these localities was computed from, besides the register: the officers'
   * judgements and the sensitivity settings. A change to either makes it stale.
   */
  async judgementStamp(db: Db, localityIds: string[]): Promise<string> {
    if (localityIds.length === 0) return '';
    const row = await db
      .selectFrom('overlap_judgements')
      .select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.max('judged_at').as('at')])
      .where('locality_id', 'in', localityIds)
      .executeTakeFirst();
    const settings = await db
      .selectFrom('overlap_settings')
      .select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.max('updated_at').as('at')])
      .where('locality_id', 'in', localityIds)
      .executeTakeFirst();
    const at = (v: unknown) => (v ? new Date(v as string).getTime() : 0);
    return `${row?.n ?? 0}:${at(row?.at)}:${settings?.n ?? 0}:${at(settings?.at)}`;
  }

  /** National indicator titles by number (`112`), from the indicator library or the shipped list. */
  async indicatorTitles(db: Db): Promise<Map<string, string>> {
    const titles = new Map<string, string>();
    const number = (code: string) => /^NI\s*-?\s*(\d{1,3}[a-d]?)$/i.exec(code.trim())?.[1]?.toLowerCase();
    for (const i of NATIONAL_INDICATORS) {
      const n = number(i.code);
      if (n) titles.set(n, i.title);
    }
    const rows = await db.selectFrom('indicators').select(['code', 'title']).where('locality_id', 'is', null).execute();
    for (const r of rows) {
      const n = number(r.code);
      if (n) titles.set(n, r.title);
    }
    return titles;
  }
}

const REGISTER_ENTITIES = ['locality', 'partnership', 'organisation', 'membership'];

/** The LSP among a locality's open partnerships (the rule is in register/lsp.ts). */
function lspOf(
  open: Array<{
    id: string;
    reference: string;
    name: string;
    purpose: string;
    basis_detail: string | null;
    layer: string;
    parent_id: string | null;
  }>,
): string | undefined {
  const openIds = new Set(open.map((p) => p.id));
  const children = new Map<string, string[]>();
  for (const p of open)
    if (p.parent_id && openIds.has(p.parent_id))
      children.set(p.parent_id, [...(children.get(p.parent_id) ?? []), p.id]);
  const descendants = (id: string, seen = new Set<string>()): number => {
    for (const child of children.get(id) ?? []) if (!seen.has(child)) descendants(child, seen.add(child));
    return seen.size;
  };
  const tops = open.filter((p) => !p.parent_id || !openIds.has(p.parent_id));
  return chooseLsp(
    tops.map((p) => ({
      id: p.id,
      reference: p.reference,
      name: p.name,
      purpose: p.purpose,
      basisDetail: p.basis_detail,
      layer: p.layer,
      descendants: descendants(p.id),
    })),
  )?.id;
}
