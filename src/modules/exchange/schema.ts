import type { ColumnType, Generated, Selectable } from 'kysely';
import type { Migration } from 'kysely/migration';
import { runStatements } from '../../db/statements.js';

/**
 * What bringing a council's own register in needs: its local codes for organisations and the
 * partnership's budget (columns such registers keep), the files uploaded on the web until they
 * are imported, and mappings of a register's own layout saved for next year's file.
 */
export const exchangeMigration: Migration = {
  async up(db) {
    await runStatements(
      db,
      `
      alter table organisations add column local_reference text;
      create unique index organisations_local_reference_key on organisations (locality_id, lower(local_reference)) where local_reference is not null;
      alter table partnerships add column annual_budget_pence bigint check (annual_budget_pence >= 0);

      create table exchange_uploads (
        id uuid primary key default gen_random_uuid(),
        locality_id uuid not null references localities(id),
        owner_id text not null,
        mapping jsonb not null default '{}',
        preview_job_id uuid references jobs(id),
        import_job_id uuid references jobs(id),
        created_at timestamptz not null default now()
      );
      create index exchange_uploads_locality on exchange_uploads (locality_id, created_at desc);

      create table exchange_upload_files (
        upload_id uuid not null references exchange_uploads(id) on delete cascade,
        position integer not null,
        name text not null,
        content bytea not null,
        primary key (upload_id, position)
      );

      create table exchange_mappings (
        id uuid primary key default gen_random_uuid(),
        locality_id uuid not null references localities(id),
        name text not null,
        mapping jsonb not null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );
      create unique index exchange_mappings_name on exchange_mappings (locality_id, lower(name))
      `,
    );
  },
};

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type JsonColumn = ColumnType<unknown, string, string>;

export interface ExchangeUploadsTable {
  id: Generated<string>;
  locality_id: string;
  owner_id: string;
  mapping: JsonColumn;
  preview_job_id: string | null;
  import_job_id: string | null;
  created_at: Timestamp;
}

export interface ExchangeUploadFilesTable {
  upload_id: string;
  position: number;
  name: string;
  content: Buffer;
}

export interface ExchangeMappingsTable {
  id: Generated<string>;
  locality_id: string;
  name: string;
  mapping: JsonColumn;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ExchangeTables {
  exchange_uploads: ExchangeUploadsTable;
  exchange_upload_files: ExchangeUploadFilesTable;
  exchange_mappings: ExchangeMappingsTable;
}

export type ExchangeUploadRow = Selectable<ExchangeUploadsTable>;
export type ExchangeMappingRow = Selectable<ExchangeMappingsTable>;
