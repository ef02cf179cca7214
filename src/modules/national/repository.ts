import { type Columns, insertRows } from '../../db/bulk-insert.js';
import { linkNationalBodies } from '../register/national-bodies-schema.js';
import type { Db } from '../../db/database.js';
import type {
  AreaRow,
  LocalityRow,
  MembershipRow,
  OrganisationRow,
  PartnershipRow,
  RegisterPlan,
  ThemeRow,
} from './plan.js';

const LOCALITY_COLUMNS: Columns<LocalityRow> = [
  ['id', 'uuid'],
  ['gss_code', 'text'],
  ['name', 'text'],
  ['kind', 'text'],
  ['region', 'text'],
  ['nation', 'text'],
  ['is_demo', 'boolean'],
];

const ORGANISATION_COLUMNS: Columns<OrganisationRow> = [
  ['id', 'uuid'],
  ['locality_id', 'uuid'],
  ['name', 'text'],
  ['sector', 'text'],
  ['org_type', 'text'],
  ['identifier', 'text'],
];

const PARTNERSHIP_COLUMNS: Columns<PartnershipRow> = [
  ['id', 'uuid'],
  ['locality_id', 'uuid'],
  ['reference', 'text'],
  ['name', 'text'],
  ['purpose', 'text'],
  ['basis', 'text'],
  ['basis_detail', 'text'],
  ['statutory_type', 'text'],
  ['legal_form', 'text'],
  ['accountable_body_id', 'uuid'],
  ['layer', 'text'],
  ['status', 'text'],
  ['parent_id', 'uuid'],
  ['lead_organisation_id', 'uuid'],
  ['meetings_per_year', 'integer'],
  ['meeting_minutes', 'integer'],
  ['typical_attendance', 'integer'],
  ['significance', 'text'],
  ['established_on', 'date'],
  ['closed_on', 'date'],
  ['close_reason', 'text'],
];

const THEME_COLUMNS: Columns<ThemeRow> = [
  ['partnership_id', 'uuid'],
  ['theme', 'text'],
];

const AREA_COLUMNS: Columns<AreaRow> = [
  ['partnership_id', 'uuid'],
  ['gss_code', 'text'],
];

const MEMBERSHIP_COLUMNS: Columns<MembershipRow> = [
  ['id', 'uuid'],
  ['locality_id', 'uuid'],
  ['partnership_id', 'uuid'],
  ['organisation_id', 'uuid'],
  ['role', 'text'],
  ['started_on', 'date'],
  ['ended_on', 'date'],
];

export class NationalRepository {
  /** Localities among these codes that already exist. */
  existingLocalities(db: Db, codes: string[]): Promise<Array<{ gss_code: string; name: string }>> {
    if (codes.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('localities')
      .select(['gss_code', 'name'])
      .where('gss_code', 'in', codes)
      .orderBy('gss_code')
      .execute();
  }

  /**
   * Writes the whole plan, parents before children (localities, organisations, partnerships in
   * the generator's order, which puts every parent first), in batches; `onRows` hears how many
   * rows each batch wrote. Run it inside a transaction: a failure then leaves nothing behind.
   */
  async insertPlan(db: Db, plan: RegisterPlan, onRows?: (rows: number) => void): Promise<void> {
    const write = <T>(table: string, columns: Columns<T>, rows: readonly T[]) =>
      insertRows(db, table, columns, rows, onRows);
    await write('localities', LOCALITY_COLUMNS, plan.localities);
    await write('organisations', ORGANISATION_COLUMNS, plan.organisations);
    // A body serving many localities is one national record, whatever number of local records.
    await linkNationalBodies(db, { localityIds: plan.localities.map((l) => l.id) });
    await write('partnerships', PARTNERSHIP_COLUMNS, plan.partnerships);
    await write('partnership_themes', THEME_COLUMNS, plan.themes);
    await write('partnership_areas', AREA_COLUMNS, plan.areas);
    await write('memberships', MEMBERSHIP_COLUMNS, plan.memberships);
  }
}
