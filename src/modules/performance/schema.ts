import type { Migration } from 'kysely/migration';
import { runStatements } from '../../db/statements.js';

/** The performance tables. Still being built: this migration is edited until it first ships. */
export const performanceMigration: Migration = {
  async up(db) {
    await runStatements(db, `select 1`);
  },
};

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in as the tables are added
export interface PerformanceTables {}
