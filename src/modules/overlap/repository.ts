import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { chooseLsp } from '../register/lsp.js';
import type { OrganisationRecord, PartnershipFeatures, Sector } from './types.js';
import type { OverlapJudgementRow } from './schema.js';
import { NATIONAL_INDICATORS } from '../performance/indicators.js';
import { giveWay } from '../../db/give-way.js';

/** Reads a locality's open partnerships from the register into the engine's input shape. */
export class OverlapRepository {
  /**
   * With `byIdentifier`, members are named by their org-id identifier where they have one: each
   * locality keeps its own record of a police force, all linked to the force's one national record
   * by that identifier (register/national-bodies-schema.ts), so its seats add up across the country.
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
    return mergeOrganisations([...(await this.organisationsByLocality(db, localityIds, byIdentifier)).values()]);
  }

  /** Each locality's organisations, keyed by identifier where they have one when `byIdentifier`. */
  async organisationsByLocality(
    db: Db,
    localityIds: string | string[],
    byIdentifier = false,
  ): Promise<Map<string, OrganisationRecord[]>> {
    const ids = [localityIds].flat();
    const byLocality = new Map<string, Map<string, OrganisationRecord>>(ids.map((id) => [id, new Map()]));
    if (ids.length === 0) return new Map();
    const rows = await db
      .selectFrom('organisations as o')
      .leftJoin('national_organisations as n', 'n.id', 'o.national_organisation_id')
      .select(['o.id', 'o.identifier', 'o.name', 'o.sector', 'o.locality_id', 'n.name as national_name'])
      .where('o.locality_id', 'in', ids)
      .execute();
    for (const o of rows) {
      const national = byIdentifier && o.identifier;
      const key = national ? o.identifier! : o.id;
      const name = national ? (o.national_name ?? o.name) : o.name;
      const local = byLocality.get(o.locality_id)!;
      if (!local.has(key)) local.set(key, { id: key, name, sector: o.sector as Sector, localityId: o.locality_id });
    }
    return new Map([...byLocality].map(([id, local]) => [id, [...local.values()]]));
  }

  /**
   * What each locality's analysis is computed from, as a stamp per locality: the newest audit
   * entry about its register (every register change writes one; roles, proposals, plans and
   * indicators leave it alone, so they do not send the analysis off to be computed again), and
   * the count and newest change of its officers' judgements and sensitivity settings.
   */
  async localityStamps(db: Db, localityIds: string[]): Promise<Map<string, string>> {
    if (localityIds.length === 0) return new Map();
    const stamps = new Map(localityIds.map((id) => [id, { register: 0, judgements: '0:0', settings: '0:0' }]));
    const at = (v: unknown) => (v ? new Date(v as string).getTime() : 0);
    const register = await db
      .selectFrom('audit_events')
      .select((eb) => ['locality_id', eb.fn.max('id').as('id')])
      .where('locality_id', 'in', localityIds)
      .where('entity_type', 'in', REGISTER_ENTITIES)
      .groupBy('locality_id')
      .execute();
    for (const r of register) if (r.locality_id) stamps.get(r.locality_id)!.register = Number(r.id ?? 0);
    const judgements = await db
      .selectFrom('overlap_judgements')
      .select((eb) => ['locality_id', eb.fn.countAll<string>().as('n'), eb.fn.max('judged_at').as('at')])
      .where('locality_id', 'in', localityIds)
      .groupBy('locality_id')
      .execute();
    for (const j of judgements) stamps.get(j.locality_id)!.judgements = `${j.n}:${at(j.at)}`;
    const settings = await db
      .selectFrom('overlap_settings')
      .select(['locality_id', 'version', 'updated_at'])
      .where('locality_id', 'in', localityIds)
      .execute();
    for (const s of settings) stamps.get(s.locality_id)!.settings = `${s.version}:${at(s.updated_at)}`;
    return new Map([...stamps].map(([id, s]) => [id, `${s.register}/${s.judgements}/${s.settings}`]));
  }

  // --- kept parts of the last analysis -----------------------------------------------------------

  async keptParts(
    db: Db,
    localityIds: string[],
    scope: string,
  ): Promise<Array<{ localityId: string; version: string; part: unknown }>> {
    const found: Array<{ localityId: string; version: string; part: unknown }> = [];
    for (let start = 0; start < localityIds.length; start += PARTS_PER_STATEMENT) {
      if (start > 0) await giveWay();
      const rows = await db
        .selectFrom('overlap_parts')
        .select(['locality_id', 'version', 'part'])
        .where('locality_id', 'in', localityIds.slice(start, start + PARTS_PER_STATEMENT))
        .where('scope', '=', scope)
        .execute();
      for (const r of rows)
        found.push({
          localityId: r.locality_id,
          version: r.version,
          part: typeof r.part === 'string' ? JSON.parse(r.part) : r.part,
        });
    }
    return found;
  }

  async keepParts(db: Db, scope: string, parts: Array<{ localityId: string; version: string; part: unknown }>) {
    for (let start = 0; start < parts.length; start += PARTS_PER_STATEMENT) {
      if (start > 0) await giveWay();
      const rows = parts.slice(start, start + PARTS_PER_STATEMENT).map((p) => ({
        locality_id: p.localityId,
        scope,
        version: p.version,
        computed_at: new Date(),
        part: JSON.stringify(p.part),
      }));
      await db
        .insertInto('overlap_parts')
        .values(rows)
        .onConflict((oc) =>
          oc.columns(['locality_id', 'scope']).doUpdateSet((eb) => ({
            version: eb.ref('excluded.version'),
            computed_at: eb.ref('excluded.computed_at'),
            part: eb.ref('excluded.part'),
          })),
        )
        .execute();
    }
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

/**
 * Kept parts read and written a few localities a statement, giving way between: a national
 * analysis reads or writes hundreds, and a page's queries wait behind each statement (steps.ts).
 */
const PARTS_PER_STATEMENT = 5;

/** Several localities' organisations as one list: one body in several localities serves no single one of them. */
export function mergeOrganisations(lists: readonly (readonly OrganisationRecord[])[]): OrganisationRecord[] {
  const byKey = new Map<string, OrganisationRecord>();
  for (const list of lists)
    for (const o of list) {
      const seen = byKey.get(o.id);
      if (!seen) byKey.set(o.id, o);
      else if (seen.localityId !== null && seen.localityId !== o.localityId)
        byKey.set(o.id, { ...seen, localityId: null });
    }
  return [...byKey.values()];
}

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
