import { type Kysely, sql } from 'kysely';
import { type Migration, type MigrationProvider, Migrator } from 'kysely/migration';
import { runStatements } from './statements.js';
import { REGISTER_CHANNEL } from './changes.js';
import { notificationsMigration } from '../modules/notifications/schema.js';
import { performanceMigration } from '../modules/performance/schema.js';
import { gatekeeperMigration } from '../modules/gatekeeper/schema.js';
import { overlapMigration, overlapPartsMigration } from '../modules/overlap/schema.js';
import { rationalisationMigration } from '../modules/rationalisation/schema.js';
import { jobsMigration } from '../modules/jobs/schema.js';
import { exchangeMigration } from '../modules/exchange/schema.js';
import { thesaurusMigration } from '../modules/thesaurus/schema.js';
import { knowledgeMigration } from '../modules/knowledge/schema.js';
import { cyclesConsentMigration, cyclesMigration, cyclesReleasesMigration } from '../modules/cycles/schema.js';
import { bidsMapCollectionsMigration, bidsMigration } from '../modules/bids/schema.js';
import { resourceSettingsMigration, resourcesMigration } from '../modules/resources/schema.js';
import { assuranceEvidenceMigration, assuranceMigration } from '../modules/assurance/schema.js';
import { scrutinyConsultationMigration, scrutinyMigration } from '../modules/scrutiny/schema.js';
import { fundsMigration, fundsMonitoringMigration } from '../modules/funds/schema.js';
import { nationalBodiesMigration } from '../modules/register/national-bodies-schema.js';

/** Statement-level triggers announcing every change to these tables on the register's channel (changes.ts). */
async function announceChanges(db: Kysely<unknown>, tables: string[]): Promise<void> {
  for (const table of tables)
    await sql
      .raw(
        `create trigger ${table}_changed after insert or update or delete or truncate on ${table}
        for each statement execute function register_notify()`,
      )
      .execute(db);
}

/**
 * Versioned migrations, kept in code (not read from disk) so they run the same from source,
 * from a bundle and under the test runner. Never edit a migration that has shipped: add one.
 * Kysely's migrator takes a lock table, so two replicas starting together migrate once.
 */
const migrations: Record<string, Migration> = {
  '0001_register': {
    async up(db: Kysely<unknown>) {
      await runStatements(
        db,
        `
        create table localities (
          id uuid primary key default gen_random_uuid(),
          gss_code text not null unique,
          name text not null,
          kind text not null,
          region text not null,
          nation text not null,
          is_demo boolean not null default false,
          created_at timestamptz not null default now()
        );

        create table reference_items (
          id uuid primary key default gen_random_uuid(),
          list text not null,
          code text not null,
          label text not null,
          detail text,
          sort_order integer not null default 0,
          active boolean not null default true,
          attributes jsonb not null default '{}',
          unique (list, code)
        );

        create table organisations (
          id uuid primary key default gen_random_uuid(),
          locality_id uuid not null references localities(id),
          name text not null,
          sector text not null check (sector in ('public', 'private', 'voluntary', 'community')),
          org_type text not null,
          identifier text,
          website text,
          status text not null default 'active' check (status in ('active', 'closed')),
          closed_on date,
          close_reason text,
          version integer not null default 1,
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now()
        );
        create unique index organisations_identifier_key on organisations (locality_id, identifier) where identifier is not null;
        create unique index organisations_name_key on organisations (locality_id, lower(name));

        create table partnerships (
          id uuid primary key default gen_random_uuid(),
          locality_id uuid not null references localities(id),
          reference text not null,
          name text not null,
          purpose text not null,
          basis text not null,
          basis_detail text,
          statutory_type text,
          legal_form text not null,
          accountable_body_id uuid references organisations(id),
          layer text not null check (layer in ('strategic', 'executive', 'operational')),
          status text not null check (status in ('proposed', 'active', 'merged', 'nested', 'closed')),
          parent_id uuid references partnerships(id),
          lead_organisation_id uuid references organisations(id),
          chair_name text,
          secretary_name text,
          lead_officer text,
          service_area text,
          meetings_per_year integer check (meetings_per_year between 0 and 365),
          meeting_minutes integer check (meeting_minutes between 0 and 1440),
          typical_attendance integer check (typical_attendance between 0 and 1000),
          significance text check (significance in ('high', 'medium', 'low')),
          established_on date,
          review_date date,
          terms_of_reference_url text,
          closed_on date,
          close_reason text,
          version integer not null default 1,
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now(),
          check (parent_id is null or parent_id <> id)
        );
        create unique index partnerships_reference_key on partnerships (locality_id, reference);
        create index partnerships_locality_name on partnerships (locality_id, lower(name));
        create index partnerships_parent on partnerships (parent_id);

        create table partnership_themes (
          partnership_id uuid not null references partnerships(id) on delete cascade,
          theme text not null,
          primary key (partnership_id, theme)
        );
        create index partnership_themes_theme on partnership_themes (theme);

        create table partnership_areas (
          partnership_id uuid not null references partnerships(id) on delete cascade,
          gss_code text not null,
          primary key (partnership_id, gss_code)
        );

        create table memberships (
          id uuid primary key default gen_random_uuid(),
          locality_id uuid not null references localities(id),
          partnership_id uuid not null references partnerships(id),
          organisation_id uuid not null references organisations(id),
          role text not null check (role in ('chair', 'vice-chair', 'member', 'observer', 'accountable-body')),
          representative text,
          started_on date,
          ended_on date,
          version integer not null default 1,
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now(),
          check (ended_on is null or started_on is null or ended_on >= started_on)
        );
        create index memberships_partnership on memberships (partnership_id);
        create index memberships_organisation on memberships (organisation_id);

        create table audit_events (
          id bigint generated always as identity primary key,
          locality_id uuid references localities(id),
          occurred_at timestamptz not null default now(),
          actor text not null,
          action text not null,
          entity_type text not null,
          entity_id text not null,
          partnership_id uuid,
          organisation_id uuid,
          summary text not null,
          before jsonb,
          after jsonb
        );
        create index audit_events_entity on audit_events (entity_id);
        create index audit_events_partnership on audit_events (partnership_id);
        create index audit_events_organisation on audit_events (organisation_id);
        create index audit_events_locality on audit_events (locality_id, occurred_at);
      `,
      );
    },
  },
  '0002_accounts': {
    async up(db: Kysely<unknown>) {
      await runStatements(
        db,
        `
        create table users (
          id uuid primary key default gen_random_uuid(),
          email text not null,
          name text not null,
          password_hash text,
          active boolean not null default true,
          created_at timestamptz not null default now(),
          last_sign_in_at timestamptz
        );
        create unique index users_email_key on users (lower(email));

        create table role_assignments (
          id uuid primary key default gen_random_uuid(),
          user_id uuid not null references users(id) on delete cascade,
          role text not null,
          locality_id uuid references localities(id),
          region text,
          partnership_id uuid references partnerships(id),
          organisation_id uuid references organisations(id),
          created_at timestamptz not null default now()
        );
        create index role_assignments_user on role_assignments (user_id);
        create index role_assignments_locality on role_assignments (locality_id);

        create table sessions (
          token_hash text primary key,
          user_id uuid not null references users(id) on delete cascade,
          created_at timestamptz not null default now(),
          expires_at timestamptz not null,
          revoked_at timestamptz
        );
        create index sessions_user on sessions (user_id);

        create table one_time_tokens (
          token_hash text primary key,
          user_id uuid not null references users(id) on delete cascade,
          purpose text not null check (purpose in ('reset', 'invite')),
          created_at timestamptz not null default now(),
          expires_at timestamptz not null,
          used_at timestamptz
        );

        create table api_tokens (
          id uuid primary key default gen_random_uuid(),
          user_id uuid not null references users(id) on delete cascade,
          name text not null,
          token_hash text not null unique,
          scope text not null check (scope in ('read', 'write')),
          created_at timestamptz not null default now(),
          last_used_at timestamptz,
          revoked_at timestamptz
        );

        create table sign_in_attempts (
          id bigint generated always as identity primary key,
          email text not null,
          address text not null,
          succeeded boolean not null,
          at timestamptz not null default now()
        );
        create index sign_in_attempts_email on sign_in_attempts (lower(email), at);
        create index sign_in_attempts_address on sign_in_attempts (address, at);

        create table outbox (
          id bigint generated always as identity primary key,
          recipient text not null,
          subject text not null,
          body text not null,
          created_at timestamptz not null default now()
        );

        alter table audit_events add column actor_id text;
        alter table audit_events add column prev_hash text;
        alter table audit_events add column hash text
      `,
      );
    },
  },
  // Later capabilities keep their schema beside their code, in order of dependence.
  '0003_notifications': notificationsMigration,
  '0004_performance': performanceMigration,
  '0005_gatekeeper': gatekeeperMigration,
  '0006_rationalisation': rationalisationMigration,
  '0010_overlap': overlapMigration,
  '0011_jobs': jobsMigration,
  '0012_exchange': exchangeMigration,
  // Emails are kept with their HTML part beside the text one, so the outbox shows both.
  '0013_outbox_html': {
    async up(db) {
      await sql`alter table outbox add column html text`.execute(db);
    },
  },
  // The administrator's edits to the shipped thesaurus, laid over it in order.
  '0014_thesaurus': thesaurusMigration,
  // Indexes for what the register, the map and the organisations page read by locality (without
  // the first, a locality's map read all 479,000 seats of a 50,000-partnership national set),
  // and for the register's version (RegisterService.registerStamp), asked on every API read.
  '0015_register_indexes': {
    async up(db) {
      await runStatements(
        db,
        `
        create index memberships_locality on memberships (locality_id);
        create index partnerships_locality_updated on partnerships (locality_id, updated_at);
        create index partnerships_lead on partnerships (lead_organisation_id);
        create index partnership_areas_area on partnership_areas (gss_code);
        create index audit_events_register_version on audit_events (locality_id, id)
          where entity_type in ('locality', 'partnership', 'organisation', 'membership');
        create index audit_events_reference_version on audit_events (id) where entity_type = 'reference-item';
        `,
      );
    },
  },
  // The knowledge base: items, their published versions, moderation and the search index.
  '0016_knowledge': knowledgeMigration,
  // Planning and reporting cycles: calendars, dependencies, feed links, and meetings.
  '0018_cycles': cyclesMigration,
  // Business Improvement Districts: proposals, rating lists, ballot papers and declarations.
  '0019_bids': bidsMigration,
  // Partners' contributions, funding streams, pooled budgets, budget lines and benefits.
  '0017_resources': resourcesMigration,
  // Overview and scrutiny, risk registers, levers, and difficult decisions on meetings' decisions.
  '0020_scrutiny': scrutinyMigration,
  // Governance assurance: checklists, assessments, actions, significance, annual review, accreditation.
  '0021_assurance': assuranceMigration,
  // Community capacity funds: funds, rounds, applications, assessments and payments.
  '0022_capacity_funds': fundsMigration,
  // Each locality's part of the last overlap analysis, kept across restarts and processes.
  '0023_overlap_parts': overlapPartsMigration,
  // BIDs: the area drawn as GeoJSON, hereditaments' locations, levy collections and spending.
  '0024_bids_map_collections': bidsMapCollectionsMigration,
  // Planning cycles: versions on entered dependencies; the aligned calendar agreed move by move.
  '0025_cycles_consent': cyclesConsentMigration,
  // Each locality's resources settings (financial year, cost rates, grade rates); a contribution's grade.
  '0026_resources_settings': resourceSettingsMigration,
  // Monitoring returns written by the group online, withdrawn applications, a locality's 360Giving prefix.
  '0027_funds_monitoring': fundsMonitoringMigration,
  // Data releases name the indicators they publish; aligned-calendar proposals for one partnership.
  '0029_cycles_releases': cyclesReleasesMigration,
  // Documents uploaded as evidence for assessments; local stakeholders' views on accreditation.
  '0030_assurance_evidence_roles': assuranceEvidenceMigration,
  // Scrutiny: committees changed at a version, complaints contacts, consultation activities.
  '0031_scrutiny_consultation': scrutinyConsultationMigration,
  // A body serving many localities is one national record, each locality's record linked to it.
  '0033_national_bodies': nationalBodiesMigration,
  // A committed change to what the register's version is read from (audit events of the register
  // and the reference lists, localities), or to the reference lists, is announced to every process on the database, which
  // keep each locality's version in memory until then (db/changes.ts).
  '0034_register_notify': {
    async up(db) {
      const statements = [
        `create function register_notify() returns trigger language plpgsql as $$
        begin
          perform pg_notify('${REGISTER_CHANNEL}', '');
          return null;
        end $$`,
        `create function register_notify_added() returns trigger language plpgsql as $$
        begin
          if exists (select 1 from added where entity_type in
              ('locality', 'partnership', 'organisation', 'membership', 'reference-item')) then
            perform pg_notify('${REGISTER_CHANNEL}', '');
          end if;
          return null;
        end $$`,
        `create trigger audit_events_register_added after insert on audit_events
          referencing new table as added for each statement execute function register_notify_added()`,
        `create trigger audit_events_register_changed after update or delete or truncate on audit_events
          for each statement execute function register_notify()`,
        `create trigger localities_register_changed after insert or update or delete or truncate on localities
          for each statement execute function register_notify()`,
        // Seeding adds reference items without an audit entry.
        `create trigger reference_items_register_changed after insert or update or delete or truncate
          on reference_items for each statement execute function register_notify()`,
      ];
      for (const statement of statements) await sql.raw(statement).execute(db);
    },
  },
  // Officers' overlap judgements, a locality's overlap settings and thesaurus edits are announced
  // too: the overlap analysis keeps each locality's version in memory until one of them changes.
  '0035_overlap_notify': {
    async up(db) {
      await announceChanges(db, ['overlap_judgements', 'overlap_settings', 'thesaurus_edits']);
    },
  },
  // Pages keep what they read until it changes: a partnership's related guidance
  // (KnowledgeService.relatedTo) and a national body's page (RegisterService.getNationalBody).
  '0036_page_sources_notify': {
    async up(db) {
      await announceChanges(db, ['knowledge_items', 'knowledge_search', 'national_organisations']);
    },
  },
};

/** PGlite's extended protocol takes one statement per query, so a script runs statement by statement. */
const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Every migration this code has, in the order they run. */
export function migrationNames(): string[] {
  return Object.keys(migrations).sort();
}

export function latestMigration(): string {
  return migrationNames().at(-1) ?? '';
}

/** True when the newest migration has already run: one query instead of the migrator's dozen. */
async function isUpToDate(db: Kysely<unknown>): Promise<boolean> {
  try {
    const result = await sql<{ name: string }>`select name from kysely_migration order by name desc limit 1`.execute(
      db,
    );
    return result.rows[0]?.name === latestMigration();
  } catch {
    return false; // no migration table yet: a new database
  }
}

export async function migrateToLatest(db: Kysely<unknown>): Promise<string[]> {
  if (await isUpToDate(db)) return [];
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
