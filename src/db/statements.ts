import { type Kysely, sql } from 'kysely';

/** Runs a migration script one statement at a time (PGlite's extended protocol takes one at a time). */
export async function runStatements(db: Kysely<unknown>, script: string): Promise<void> {
  for (const statement of script
    .split(/;\s*\n/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    await sql.raw(statement).execute(db);
  }
}
