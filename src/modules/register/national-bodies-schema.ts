import { sql, type QueryExecutorProvider } from 'kysely';
import type { Migration } from 'kysely/migration';
import { runStatements } from '../../db/statements.js';

/**
 * National bodies: a body that serves many localities (a police force, an NHS trust, a county
 * council) is one record with one identifier, taking seats in many localities.
 *
 * Each locality still holds its own record of the body (its local name and reference, whether it
 * is active there, its seats), because every locality keeps its own view and permissions and every
 * locality page reads one locality's rows. Those local records point to the one national record
 * through `organisations.national_organisation_id`, matched on the org-id identifier: the national
 * record is what the body is, and the country's seats are counted through it.
 *
 * Every path that writes organisations (a form, the API, an import, `joinedup generate`) calls
 * `linkNationalBodies` in its transaction, so a record with an identifier is never left unlinked.
 */
export const nationalBodiesMigration: Migration = {
  async up(db) {
    await runStatements(
      db,
      `
      create table national_organisations (
        id uuid primary key default gen_random_uuid(),
        identifier text not null unique,
        name text not null,
        sector text not null,
        org_type text not null,
        website text,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );
      alter table organisations add column national_organisation_id uuid references national_organisations(id);
      create index organisations_national on organisations (national_organisation_id);
      create index audit_events_register_latest on audit_events (id)
        where entity_type in ('locality', 'partnership', 'organisation', 'membership');
      `,
    );
    await linkNationalBodies(db);
  },
};

/** Which local records to link: all, a locality's, or some by id. */
export type LinkScope = { localityIds: readonly string[] } | { organisationIds: readonly string[] } | undefined;

/**
 * Makes every local record with an identifier point to the national record of that identifier,
 * creating national records for identifiers not seen before, and unlinks records whose identifier
 * was removed. A new national record takes the name, sector and type most localities use.
 * Set-based: two statements for a whole import, however many rows.
 */
export async function linkNationalBodies(db: QueryExecutorProvider, scope?: LinkScope): Promise<void> {
  if (scope && ('localityIds' in scope ? scope.localityIds : scope.organisationIds).length === 0) return;
  const within =
    scope === undefined
      ? sql`true`
      : 'localityIds' in scope
        ? sql`o.locality_id in (${sql.join(scope.localityIds.map((id) => sql`${id}::uuid`))})`
        : sql`o.id in (${sql.join(scope.organisationIds.map((id) => sql`${id}::uuid`))})`;
  await sql`
    insert into national_organisations (identifier, name, sector, org_type, website)
    select o.identifier, mode() within group (order by o.name), mode() within group (order by o.sector),
           mode() within group (order by o.org_type), min(o.website)
    from organisations o
    where o.identifier is not null and ${within}
      and not exists (select 1 from national_organisations n where n.identifier = o.identifier)
    group by o.identifier
    on conflict (identifier) do nothing`.execute(db);
  await sql`
    update organisations o set national_organisation_id = n.id
    from national_organisations n
    where n.identifier = o.identifier and o.national_organisation_id is distinct from n.id and ${within}`.execute(db);
  await sql`
    update organisations o set national_organisation_id = null
    where o.identifier is null and o.national_organisation_id is not null and ${within}`.execute(db);
}
