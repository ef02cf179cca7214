import type { ColumnType, Generated, Selectable } from 'kysely';
import type { Migration } from 'kysely/migration';
import { runStatements } from '../../db/statements.js';

export const notificationsMigration: Migration = {
  async up(db) {
    await runStatements(
      db,
      `
      create table notifications (
        id uuid primary key default gen_random_uuid(),
        user_id uuid not null references users(id) on delete cascade,
        locality_id uuid references localities(id),
        subject text not null,
        body text not null,
        link text,
        created_at timestamptz not null default now(),
        read_at timestamptz,
        email_status text not null default 'pending' check (email_status in ('pending', 'sending', 'sent', 'failed')),
        email_attempts integer not null default 0
      );
      create index notifications_email_pending on notifications (created_at) where email_status in ('pending', 'sending');
      create index notifications_user on notifications (user_id, created_at desc);
      `,
    );
  },
};

export interface NotificationsTable {
  id: Generated<string>;
  user_id: string;
  locality_id: string | null;
  subject: string;
  body: string;
  link: string | null;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
  read_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** Email goes out after the notice's transaction commits: pending until then, then sent (or failed after retries). */
  email_status: Generated<'pending' | 'sending' | 'sent' | 'failed'>;
  email_attempts: Generated<number>;
}

export interface NotificationTables {
  notifications: NotificationsTable;
}

export type NotificationRow = Selectable<NotificationsTable>;
