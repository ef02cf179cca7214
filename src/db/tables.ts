import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { NotificationTables } from '../modules/notifications/schema.js';
import type { PerformanceTables } from '../modules/performance/schema.js';
import type { GatekeeperTables } from '../modules/gatekeeper/schema.js';
import type { RationalisationTables } from '../modules/rationalisation/schema.js';
import type { JobTables } from '../modules/jobs/schema.js';
import type { ExchangeTables } from '../modules/exchange/schema.js';
import type { OverlapTables } from '../modules/overlap/schema.js';
import type { ThesaurusTables } from '../modules/thesaurus/schema.js';
import type { KnowledgeTables } from '../modules/knowledge/schema.js';
import type { CyclesTables } from '../modules/cycles/schema.js';
import type { BidTables } from '../modules/bids/schema.js';
import type { ResourcesTables } from '../modules/resources/schema.js';
import type { AssuranceTables } from '../modules/assurance/schema.js';
import type { ScrutinyTables } from '../modules/scrutiny/schema.js';
import type { FundsTables } from '../modules/funds/schema.js';

/** Kysely's view of the database: one interface per table, matching the migrations. */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** `date` columns are read as ISO strings (YYYY-MM-DD): a plan date has no time zone. */
type DateOnly = string;
type Json = ColumnType<unknown, string | null, string | null>;

export interface LocalitiesTable {
  id: Generated<string>;
  gss_code: string;
  name: string;
  kind: string;
  region: string;
  nation: string;
  is_demo: Generated<boolean>;
  created_at: Timestamp;
}

export interface ReferenceItemsTable {
  id: Generated<string>;
  list: string;
  code: string;
  label: string;
  detail: string | null;
  sort_order: Generated<number>;
  active: Generated<boolean>;
  attributes: ColumnType<Record<string, unknown>, string | undefined, string>;
}

export interface OrganisationsTable {
  id: Generated<string>;
  locality_id: string;
  name: string;
  sector: string;
  org_type: string;
  identifier: string | null;
  /** The locality's own code for it (EBC, PCT-01), kept beside the org-id identifier. */
  local_reference: Generated<string | null>;
  /** The one national record of the body (register/national-bodies.ts), where it has an identifier. */
  national_organisation_id: Generated<string | null>;
  website: string | null;
  status: Generated<string>;
  closed_on: DateOnly | null;
  close_reason: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A body with an org-id identifier, once for the country; each locality links its own record to it. */
export interface NationalOrganisationsTable {
  id: Generated<string>;
  identifier: string;
  name: string;
  sector: string;
  org_type: string;
  website: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PartnershipsTable {
  id: Generated<string>;
  locality_id: string;
  reference: string;
  name: string;
  purpose: string;
  basis: string;
  basis_detail: string | null;
  statutory_type: string | null;
  legal_form: string;
  accountable_body_id: string | null;
  layer: string;
  status: string;
  parent_id: string | null;
  lead_organisation_id: string | null;
  chair_name: string | null;
  secretary_name: string | null;
  lead_officer: string | null;
  service_area: string | null;
  meetings_per_year: number | null;
  meeting_minutes: number | null;
  typical_attendance: number | null;
  /** Its total yearly budget, in pence. */
  annual_budget_pence: Generated<number | null>;
  significance: string | null;
  established_on: DateOnly | null;
  review_date: DateOnly | null;
  terms_of_reference_url: string | null;
  closed_on: DateOnly | null;
  close_reason: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PartnershipThemesTable {
  partnership_id: string;
  theme: string;
}

export interface PartnershipAreasTable {
  partnership_id: string;
  gss_code: string;
}

export interface MembershipsTable {
  id: Generated<string>;
  locality_id: string;
  partnership_id: string;
  organisation_id: string;
  role: string;
  representative: string | null;
  started_on: DateOnly | null;
  ended_on: DateOnly | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AuditEventsTable {
  id: Generated<string>;
  locality_id: string | null;
  occurred_at: Timestamp;
  actor: string;
  action: string;
  entity_type: string;
  entity_id: string;
  partnership_id: string | null;
  organisation_id: string | null;
  summary: string;
  before: Json;
  after: Json;
  actor_id: string | null;
  prev_hash: string | null;
  hash: string | null;
}

export interface UsersTable {
  id: Generated<string>;
  email: string;
  name: string;
  password_hash: string | null;
  active: Generated<boolean>;
  created_at: Timestamp;
  last_sign_in_at: Date | null;
}

export interface RoleAssignmentsTable {
  id: Generated<string>;
  user_id: string;
  role: string;
  locality_id: string | null;
  region: string | null;
  partnership_id: string | null;
  organisation_id: string | null;
  created_at: Timestamp;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  created_at: Timestamp;
  expires_at: Date;
  revoked_at: Date | null;
}

export interface OneTimeTokensTable {
  token_hash: string;
  user_id: string;
  purpose: 'reset' | 'invite';
  created_at: Timestamp;
  expires_at: Date;
  used_at: Date | null;
}

export interface ApiTokensTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  token_hash: string;
  scope: 'read' | 'write';
  created_at: Timestamp;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export interface SignInAttemptsTable {
  id: Generated<string>;
  email: string;
  address: string;
  succeeded: boolean;
  at: Timestamp;
}

export interface OutboxTable {
  id: Generated<string>;
  recipient: string;
  subject: string;
  body: string;
  /** The HTML part, where the email has one. */
  html: string | null;
  created_at: Timestamp;
}

/** Each later capability declares its tables beside its code; the database is all of them. */
export interface DB
  extends
    NotificationTables,
    PerformanceTables,
    GatekeeperTables,
    RationalisationTables,
    OverlapTables,
    JobTables,
    ExchangeTables,
    ThesaurusTables,
    KnowledgeTables,
    CyclesTables,
    BidTables,
    ResourcesTables,
    AssuranceTables,
    ScrutinyTables,
    FundsTables {
  localities: LocalitiesTable;
  reference_items: ReferenceItemsTable;
  organisations: OrganisationsTable;
  national_organisations: NationalOrganisationsTable;
  partnerships: PartnershipsTable;
  partnership_themes: PartnershipThemesTable;
  partnership_areas: PartnershipAreasTable;
  memberships: MembershipsTable;
  audit_events: AuditEventsTable;
  users: UsersTable;
  role_assignments: RoleAssignmentsTable;
  sessions: SessionsTable;
  one_time_tokens: OneTimeTokensTable;
  api_tokens: ApiTokensTable;
  sign_in_attempts: SignInAttemptsTable;
  outbox: OutboxTable;
}

export type Locality = Selectable<LocalitiesTable>;
export type ReferenceItem = Selectable<ReferenceItemsTable>;
export type OrganisationRow = Selectable<OrganisationsTable>;
export type PartnershipRow = Selectable<PartnershipsTable>;
export type NewPartnershipRow = Insertable<PartnershipsTable>;
export type PartnershipUpdate = Updateable<PartnershipsTable>;
export type MembershipRow = Selectable<MembershipsTable>;
export type AuditEventRow = Selectable<AuditEventsTable>;
export type UserRow = Selectable<UsersTable>;
export type RoleAssignmentRow = Selectable<RoleAssignmentsTable>;
export type ApiTokenRow = Selectable<ApiTokensTable>;
