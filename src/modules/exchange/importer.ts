import type { Principal } from '../../core/actor.js';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
  ValidationError,
} from '../../core/errors.js';
import type { ZodObject } from 'zod';
import { formToInput } from '../../core/validation.js';
import type { Db } from '../../db/database.js';
import type { Locality, OrganisationRow } from '../../db/tables.js';
import { diff } from '../audit/service.js';
import type { BatchSeat, RegisterBatch } from '../register/bulk.js';
import type { PartnershipRecord } from '../register/repository.js';
import { membershipInput, organisationInput, partnershipInput } from '../register/schema.js';
import type { RegisterService } from '../register/service.js';
import { CODE_COLUMNS, COLUMNS, type Kind, LIST_SEPARATOR, columnForField } from './columns.js';
import {
  type FieldChange,
  type ImportIssue,
  ImportRejected,
  type ImportSummary,
  type SourceRow,
  type SourceTable,
  noCounts,
  sortIssues,
} from './issues.js';

export interface ImportProgress {
  (done: number, total: number): void;
}

interface Row extends SourceRow {
  sheet: string;
  /** Our columns the row's file has; on a record already in the register only these change. */
  columns: ReadonlySet<string>;
}

/** What a key in a cell points at: a record, a row of this import that failed, or nothing. */
type Target = { id: string } | { failed: true } | { missing: true };

/** A keyed row of this import: its record once created, or failed when it could not be. */
interface Entry {
  line: number;
  id?: string;
  failed: boolean;
  /** The record's status before this import (undefined for a new record). */
  wasStatus?: string;
}

/** Rows between two pauses that let the process's other work (timers, requests) run. */
const YIELD_EVERY = 25;

/** How many samples of created and changed records a summary keeps per kind. */
const SAMPLES = 10;

/** Columns that refer to an organisation, and the service field each fills. */
const ORGANISATION_LINKS = [
  ['accountable_body', 'accountableBodyId'],
  ['lead_organisation', 'leadOrganisationId'],
] as const;

/**
 * One import into one locality, inside the caller's transaction. New records are checked one
 * by one by the register's own rules and written together (the register's batch, bulk.ts);
 * a row naming a record already in the register (a partnership by its reference, an
 * organisation by its identifier, local reference or name, a seat by its partnership,
 * organisation and representative) updates that record through the register service, changing
 * only the columns the file has, so importing next year's register again changes what changed
 * and duplicates nothing. Every rule, the history and the audit trail apply either way.
 *
 * Rows go in an order that lets rows refer to each other: organisations, then partnerships
 * parents first, then memberships, then the closing of closed partnerships (deepest first) and
 * organisations. A row's problems are collected and the import carries on, so one run reports
 * every bad row; the caller's transaction is rolled back if there were any, and nothing waiting
 * in the batch is written.
 *
 * Rules are checked before anything is written, so a rejected row leaves nothing half-done and
 * PostgreSQL's transaction stays usable. Any other error (a database error) aborts the
 * transaction: it is reported against its row and the import stops there.
 */
export class RegisterImport {
  private readonly issues: ImportIssue[] = [];
  private readonly organisationsByIdentifier = new Map<string, Entry>();
  private readonly organisationsByName = new Map<string, Entry>();
  private readonly organisationsByLocalReference = new Map<string, Entry>();
  private readonly partnershipsByReference = new Map<string, Entry>();
  /** Each keyed row's state; absent for rows refused as duplicates. */
  private readonly entries = new Map<Row, Entry>();
  private readonly summary: ImportSummary = {
    created: noCounts(),
    updated: noCounts(),
    unchanged: noCounts(),
    createdSamples: { organisations: [], partnerships: [], memberships: [] },
    updatedSamples: { organisations: [], partnerships: [], memberships: [] },
  };
  /** Each partnership's seats, loaded once when the import first touches it. */
  private readonly seats = new Map<string, BatchSeat[]>();
  /** New records wait here, checked, and are written together before anything reads them. */
  private batch!: RegisterBatch;
  private done = 0;
  private total = 0;

  constructor(
    private readonly trx: Db,
    private readonly register: RegisterService,
    private readonly locality: Locality,
    private readonly actor: Principal,
    private readonly onProgress?: ImportProgress,
  ) {}

  async run(tables: SourceTable[]): Promise<ImportSummary> {
    // Copies, so that references given to blank rows do not change the caller's tables.
    const rowsOf = (kind: Kind): Row[] =>
      tables
        .filter((t) => t.kind === kind)
        .flatMap((t) => {
          const columns = new Set(t.columns);
          return t.rows.map((r) => ({ line: r.line, cells: { ...r.cells }, sheet: t.sheet, columns }));
        });
    const organisations = rowsOf('organisations');
    const partnerships = rowsOf('partnerships');
    const memberships = rowsOf('memberships');
    const closing = (rows: Row[]) => rows.filter((r) => lower(r.cells.status) === 'closed');
    this.total =
      organisations.length +
      partnerships.length +
      memberships.length +
      closing(organisations).length +
      closing(partnerships).length;

    this.batch = await this.register.batch(this.actor, this.locality, this.trx);
    this.indexOrganisations(organisations);
    await this.assignReferences(partnerships);
    this.indexPartnerships(partnerships);
    const ordered = this.parentsFirst(partnerships);

    const pending = (row: Row) => this.entries.get(row)?.failed === false;
    const created = (row: Row) => this.entries.get(row)?.id !== undefined;
    // Only records that were open before the import are closed by it.
    const toClose = (row: Row) => created(row) && this.entries.get(row)?.wasStatus !== 'closed';
    for (const row of organisations)
      await this.step(row, 'organisations', pending(row), () => this.saveOrganisation(row));
    for (const row of ordered) await this.step(row, 'partnerships', pending(row), () => this.savePartnership(row));
    for (const row of memberships) await this.step(row, 'memberships', true, () => this.saveMembership(row));
    for (const row of closing(ordered).reverse())
      await this.step(row, 'partnerships', toClose(row), () => this.closePartnership(row));
    for (const row of closing(organisations))
      await this.step(row, 'organisations', toClose(row), () => this.closeOrganisation(row));
    if (!this.issues.length) await this.batch.flush();
    this.onProgress?.(this.total, this.total);

    if (this.issues.length)
      throw new ImportRejected(
        sortIssues(
          this.issues,
          tables.map((t) => t.sheet),
        ),
      );
    return this.summary;
  }

  // --- keys -------------------------------------------------------------------------------

  /** Later rows repeating an identifier or name are refused here, naming the earlier line. */
  private indexOrganisations(rows: Row[]): void {
    for (const row of rows) {
      const entry: Entry = { line: row.line, failed: false };
      const identifier = row.cells.identifier?.trim().toUpperCase() ?? '';
      const name = row.cells.name?.trim().toLowerCase() ?? '';
      const local = row.cells.local_reference?.trim().toLowerCase() ?? '';
      const earlier =
        (identifier && this.organisationsByIdentifier.get(identifier)) ||
        (local && this.organisationsByLocalReference.get(local)) ||
        (name && this.organisationsByName.get(name));
      if (earlier) {
        const column =
          identifier && this.organisationsByIdentifier.has(identifier)
            ? 'identifier'
            : local && this.organisationsByLocalReference.has(local)
              ? 'local_reference'
              : 'name';
        this.fail(
          row,
          entry,
          column,
          `${row.cells[column]?.trim()} is also on line ${earlier.line}: each organisation appears once`,
        );
        continue;
      }
      if (identifier) this.organisationsByIdentifier.set(identifier, entry);
      if (local) this.organisationsByLocalReference.set(local, entry);
      if (name) this.organisationsByName.set(name, entry);
      this.entries.set(row, entry);
    }
  }

  private indexPartnerships(rows: Row[]): void {
    for (const row of rows) {
      const entry: Entry = { line: row.line, failed: false };
      const reference = row.cells.reference?.trim() ?? '';
      const earlier = this.partnershipsByReference.get(reference);
      if (earlier) {
        this.fail(
          row,
          entry,
          'reference',
          `The reference ${reference} is also on line ${earlier.line}: each partnership appears once`,
        );
        continue;
      }
      this.partnershipsByReference.set(reference, entry);
      this.entries.set(row, entry);
    }
  }

  /**
   * A row without a reference gets the next free P-number now, before anything is written,
   * so that it cannot take a number that a later row of the file asks for.
   */
  private async assignReferences(rows: Row[]): Promise<void> {
    const blank = rows.filter((r) => !r.cells.reference?.trim());
    if (!blank.length) return;
    const existing = await this.trx
      .selectFrom('partnerships')
      .select('reference')
      .where('locality_id', '=', this.locality.id)
      .execute();
    const numbers = [...existing.map((r) => r.reference), ...rows.map((r) => r.cells.reference?.trim() ?? '')]
      .map((ref) => /^P-(\d+)$/.exec(ref)?.[1])
      .filter((n): n is string => n !== undefined);
    let next = numbers.reduce((max, n) => Math.max(max, Number(n)), 0) + 1;
    for (const row of blank) row.cells.reference = `P-${String(next++).padStart(4, '0')}`;
  }

  private async organisation(key: string): Promise<Target> {
    const entry =
      this.organisationsByIdentifier.get(key.toUpperCase()) ??
      this.organisationsByLocalReference.get(key.toLowerCase()) ??
      this.organisationsByName.get(key.toLowerCase());
    if (entry) return entry.id ? { id: entry.id } : { failed: true };
    const id = this.batch.organisationId(key);
    return id ? { id } : { missing: true };
  }

  private async partnership(reference: string): Promise<Target> {
    const entry = this.partnershipsByReference.get(reference);
    if (entry) return entry.id ? { id: entry.id } : { failed: true };
    const id = this.batch.partnershipId(reference);
    return id ? { id } : { missing: true };
  }

  /**
   * Partnerships in an order where each comes after the parent it names in the same import,
   * whatever order the file has. Rows on a loop of parents are reported and left out.
   */
  private parentsFirst(rows: Row[]): Row[] {
    const byReference = new Map(rows.map((r) => [r.cells.reference?.trim() ?? '', r]));
    const parentOf = (row: Row) => byReference.get(row.cells.parent_reference?.trim() ?? '');
    const onLoop = (row: Row): boolean => {
      const seen = new Set<Row>();
      for (let current = parentOf(row); current && !seen.has(current); current = parentOf(current)) {
        if (current === row) return true;
        seen.add(current);
      }
      return false;
    };
    const ordered: Row[] = [];
    const placed = new Set<Row>();
    const place = (row: Row): void => {
      if (placed.has(row) || onLoop(row)) return;
      const parent = parentOf(row);
      if (parent) place(parent);
      placed.add(row);
      ordered.push(row);
    };
    for (const row of rows) {
      place(row);
      if (placed.has(row)) continue;
      this.fail(
        row,
        this.entries.get(row) ?? { line: row.line, failed: true },
        'parent_reference',
        'The parent references make a loop: this partnership would sit beneath itself',
      );
      this.progress();
    }
    return ordered;
  }

  // --- rows -------------------------------------------------------------------------------

  /** Creates the organisation, or updates the one already in the register that the row names. */
  private async saveOrganisation(row: Row): Promise<void> {
    const status = lower(row.cells.status);
    if (status !== '' && status !== 'active' && status !== 'closed')
      this.issue(row, 'status', 'Status must be active or closed');
    this.checkClosingColumns(row, status);
    const fields = this.fieldsOf('organisations', row);
    const existing = await this.existingOrganisation(row);
    if (existing) {
      this.entry(row).wasStatus = existing.status;
      const input = formToInput(organisationInput, {
        ...organisationFields(existing),
        ...this.present(row, 'organisations', fields),
      });
      const changes = changesBetween(organisationInput, organisationFields(existing), input);
      if (changes.length) {
        await this.batch.flush();
        const updated = await this.register.updateOrganisation(
          this.actor,
          this.locality.gss_code,
          existing.id,
          { ...input, version: existing.version },
          { trx: this.trx },
        );
        this.batch.noteOrganisation(updated);
        this.changed(row, 'organisations', existing.id, updated.identifier ?? updated.name, updated.name, changes);
      } else this.unchanged(row, 'organisations', existing.id);
      return;
    }
    const created = this.batch.createOrganisation(formToInput(organisationInput, fields));
    this.created(row, created.id);
    this.sample('organisations', created.identifier ?? created.local_reference ?? created.name, created.name);
  }

  /** The organisation already in the register that a row names: by identifier, local reference, then name. */
  private async existingOrganisation(row: Row): Promise<OrganisationRow | undefined> {
    for (const key of [row.cells.identifier, row.cells.local_reference, row.cells.name]) {
      const value = key?.trim();
      const id = value ? this.batch.organisationId(value) : undefined;
      if (!id) continue;
      await this.batch.flush();
      return this.register.organisations.get(this.trx, this.locality.id, id);
    }
    return undefined;
  }

  /** Creates the partnership, or updates the one with the row's reference. */
  private async savePartnership(row: Row): Promise<void> {
    const status = lower(row.cells.status);
    this.checkClosingColumns(row, status);
    const fields = this.fieldsOf('partnerships', row);
    // A link to a row that failed is left out, so that the row's own problems are still found.
    const linked = (target: string | undefined | typeof SKIP) => (target === SKIP ? undefined : target);
    for (const [column, field] of ORGANISATION_LINKS) {
      fields[field] = linked(
        await this.link(row, column, (key) => this.organisation(key), 'organisation with the identifier or name'),
      );
    }
    fields.parentId = linked(
      await this.link(
        row,
        'parent_reference',
        (reference) => this.partnership(reference),
        'partnership with the reference',
      ),
    );
    const reference = row.cells.reference?.trim() ?? '';
    const existingId = reference ? this.batch.partnershipId(reference) : undefined;
    if (existingId) await this.batch.flush();
    const existing = existingId
      ? await this.register.partnerships.get(this.trx, this.locality.id, existingId)
      : undefined;
    if (existing) {
      this.entry(row).wasStatus = existing.status;
      // Closing is its own step (below); the edit keeps the status it had.
      const present = this.present(row, 'partnerships', fields);
      delete present.status;
      const input = formToInput(partnershipInput, { ...partnershipFields(existing), ...present });
      const changes = changesBetween(partnershipInput, partnershipFields(existing), input);
      if (changes.length) {
        const updated = await this.register.updatePartnership(
          this.actor,
          this.locality.gss_code,
          existing.id,
          { ...input, version: existing.version },
          { trx: this.trx },
        );
        this.batch.notePartnership(updated);
        this.changed(row, 'partnerships', existing.id, updated.reference, updated.name, changes);
      } else this.unchanged(row, 'partnerships', existing.id);
      return;
    }
    // A closed partnership is created open, given its members, then closed through the
    // register like any other, so closing's own rules apply. Merged and nested ones have no
    // such step yet, so they are created with their status.
    if (status === 'closed') fields.status = 'active';
    const created = this.batch.createPartnership(formToInput(partnershipInput, fields), {
      allowAnyStatus: status === 'merged' || status === 'nested',
    });
    this.created(row, created.id);
    this.sample('partnerships', created.reference, created.name);
  }

  /** Adds the seat, or updates the partnership's seat for the same organisation and representative. */
  private async saveMembership(row: Row): Promise<void> {
    const partnershipId = await this.link(
      row,
      'partnership_reference',
      (reference) => this.partnership(reference),
      'partnership with the reference',
      true,
    );
    const organisationId = await this.link(
      row,
      'organisation',
      (key) => this.organisation(key),
      'organisation with the identifier or name',
      true,
    );
    // A membership of a row that failed cannot be checked without it: it is left unreported.
    if (partnershipId === SKIP || organisationId === SKIP || !partnershipId || !organisationId) return;
    const fields = { ...this.fieldsOf('memberships', row), organisationId };
    const seat = await this.existingSeat(partnershipId, organisationId, row);
    if (seat) {
      const before = membershipFields(seat);
      const input = formToInput(membershipInput, {
        ...before,
        ...this.present(row, 'memberships', fields),
        organisationId,
      });
      const changes = changesBetween(membershipInput, before, input);
      if (changes.length) {
        await this.batch.flush();
        await this.register.updateMembership(
          this.actor,
          this.locality.gss_code,
          seat.id,
          { ...input, version: seat.version },
          { trx: this.trx },
        );
        this.batch.forgetSeats(partnershipId);
        this.changed(
          row,
          'memberships',
          seat.id,
          seat.partnership_reference,
          `${seat.organisation_name} on ${seat.partnership_name}`,
          changes,
        );
      } else this.unchanged(row, 'memberships', seat.id);
      return;
    }
    const added = await this.batch.addMembership(partnershipId, formToInput(membershipInput, fields), {
      allowAnyStatus: true,
    });
    this.seats.get(partnershipId)?.push(added);
    this.summary.created.memberships++;
    this.sample('memberships', added.partnership_reference, `${added.organisation_name} on ${added.partnership_name}`);
  }

  /** A seat already held: same partnership, organisation, representative and (where both say) start date. */
  private async existingSeat(partnershipId: string, organisationId: string, row: Row): Promise<BatchSeat | undefined> {
    let seats = this.seats.get(partnershipId);
    if (!seats) {
      seats = this.batch.isNew(partnershipId)
        ? []
        : await this.register.memberships.forPartnership(this.trx, partnershipId);
      this.seats.set(partnershipId, seats);
    }
    const representative = (row.cells.representative ?? '').trim().toLowerCase();
    const started = row.cells.started_on?.trim() ?? '';
    return seats.find(
      (m) =>
        m.organisation_id === organisationId &&
        (m.representative ?? '').toLowerCase() === representative &&
        (!started || !m.started_on || m.started_on === started),
    );
  }

  /** Closing is the register's own step (it ends the seats and records why), after every new record is written. */
  private async closePartnership(row: Row): Promise<void> {
    const id = this.entries.get(row)?.id;
    if (!id) return;
    await this.batch.flush();
    const closed = await this.register.closePartnership(this.actor, this.locality.gss_code, id, this.closeFields(row), {
      trx: this.trx,
    });
    this.batch.notePartnership(closed);
  }

  private async closeOrganisation(row: Row): Promise<void> {
    const id = this.entries.get(row)?.id;
    if (!id) return;
    await this.batch.flush();
    const closed = await this.register.closeOrganisation(
      this.actor,
      this.locality.gss_code,
      id,
      this.closeFields(row),
      {
        trx: this.trx,
      },
    );
    this.batch.noteOrganisation(closed);
  }

  // --- helpers ----------------------------------------------------------------------------

  /**
   * Runs one row's work, turning the service's refusal into issues on the row's columns.
   * Work that depends on a row that failed is skipped rather than reported, so the report
   * names causes, not their echoes.
   */
  private async step(row: Row, kind: Kind, run: boolean, work: () => Promise<void>): Promise<void> {
    const entry = this.entries.get(row);
    try {
      if (run) await work();
    } catch (error) {
      // Not being allowed is not a problem with the row: the whole import is refused as it is.
      if (error instanceof ForbiddenError || error instanceof UnauthenticatedError) throw error;
      if (error instanceof ValidationError) {
        for (const e of error.errors) this.issue(row, columnForField(kind, e.field), e.message);
      } else if (error instanceof NotFoundError || error instanceof ConflictError) {
        this.issue(row, '', error.message);
      } else {
        this.issue(
          row,
          '',
          `This row could not be saved, so the import stopped here: ${error instanceof Error ? error.message : String(error)}`,
        );
        throw new ImportRejected(sortIssues(this.issues));
      }
      if (entry && entry.id === undefined) entry.failed = true;
    } finally {
      this.progress();
      if (!this.issues.length) await this.batch.flushWhenFull();
      // PGlite answers in microtasks, so a long import would starve timers and incoming
      // requests of the event loop: let them in now and then.
      if (this.done % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private progress(): void {
    this.done++;
    this.onProgress?.(Math.min(this.done, this.total), this.total);
  }

  /** The service input fields of a row, lists split, codes in lower case. */
  private fieldsOf(kind: Kind, row: Row): Record<string, unknown> {
    const fields: Record<string, unknown> = {};
    for (const spec of COLUMNS[kind]) {
      if (!spec.field) continue;
      const raw = row.cells[spec.name] ?? '';
      const value = CODE_COLUMNS.has(spec.name) ? raw.trim().toLowerCase() : raw;
      fields[spec.field] = spec.list ? splitList(value) : spec.name === 'annual_budget' ? poundsToPence(value) : value;
    }
    return fields;
  }

  private closeFields(row: Row): Record<string, unknown> {
    return { closedOn: row.cells.closed_on?.trim() || undefined, reason: row.cells.close_reason?.trim() || undefined };
  }

  private checkClosingColumns(row: Row, status: string): void {
    if (status === 'closed') return;
    for (const column of ['closed_on', 'close_reason']) {
      if (row.cells[column]?.trim()) this.issue(row, column, `Leave ${column} empty unless the status is closed`);
    }
  }

  /**
   * Resolves a key cell to a record id: undefined when the cell is empty or names nothing
   * (then an issue is recorded), SKIP when it names a row of this import that failed.
   */
  private async link(
    row: Row,
    column: string,
    find: (key: string) => Promise<Target>,
    what: string,
    required = false,
  ): Promise<string | undefined | typeof SKIP> {
    const key = row.cells[column]?.trim() ?? '';
    if (!key) {
      if (required)
        this.issue(
          row,
          column,
          `Enter the ${what.split(' ')[0]}’s ${column === 'organisation' ? 'identifier or name' : 'reference'}`,
        );
      return undefined;
    }
    const target = await find(key);
    if ('id' in target) return target.id;
    if ('failed' in target) return SKIP;
    this.issue(row, column, `There is no ${what} “${key}” in this import or in the register`);
    return undefined;
  }

  private entry(row: Row): Entry {
    return this.entries.get(row) ?? { line: row.line, failed: false };
  }

  private created(row: Row, id: string): void {
    const entry = this.entries.get(row);
    if (entry) entry.id = id;
  }

  private sample(kind: Kind, key: string, name: string): void {
    if (kind !== 'memberships') this.summary.created[kind]++;
    if (this.summary.createdSamples[kind].length < SAMPLES) this.summary.createdSamples[kind].push({ key, name });
  }

  private changed(row: Row, kind: Kind, id: string, key: string, name: string, changes: FieldChange[]): void {
    this.created(row, id);
    this.summary.updated[kind]++;
    if (this.summary.updatedSamples[kind].length < SAMPLES)
      this.summary.updatedSamples[kind].push({ key, name, changes });
  }

  private unchanged(row: Row, kind: Kind, id: string): void {
    this.created(row, id);
    this.summary.unchanged[kind]++;
  }

  /** The fields of the columns the row's file has: on an update, the others keep the register's values. */
  private present(row: Row, kind: Kind, fields: Record<string, unknown>): Record<string, unknown> {
    const kept: Record<string, unknown> = {};
    for (const spec of COLUMNS[kind])
      if (spec.field && spec.field in fields && row.columns.has(spec.name)) kept[spec.field] = fields[spec.field];
    for (const field of ['organisationId', 'accountableBodyId', 'leadOrganisationId', 'parentId'])
      if (field in fields && kept[field] === undefined && fields[field] !== undefined) kept[field] = fields[field];
    return kept;
  }

  private fail(row: Row, entry: Entry, column: string, message: string): void {
    entry.failed = true;
    this.issue(row, column, message);
  }

  private issue(row: Row, column: string, message: string): void {
    this.issues.push({ sheet: row.sheet, line: row.line, column, message });
  }
}

const SKIP = Symbol('skip: depends on a row that failed');

/** "£12,000.50" as 1200050 pence; text that is not an amount is passed on for the schema to refuse. */
function poundsToPence(value: string): string | number {
  const cleaned = value.replace(/[£,\s]/g, '');
  if (cleaned === '') return '';
  return /^\d+(\.\d{1,2})?$/.test(cleaned) ? Math.round(Number(cleaned) * 100) : value;
}

/**
 * What an update would change, compared as the register stores it (codes trimmed, lists
 * sorted), so a row that says the same thing in another way changes nothing. Input the schema
 * refuses is reported against the row by the update itself.
 */
function changesBetween(
  schema: ZodObject,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): FieldChange[] {
  const stored = (value: Record<string, unknown>) => {
    const parsed = schema.safeParse(value);
    if (!parsed.success) return undefined;
    return Object.fromEntries(
      Object.entries(parsed.data as Record<string, unknown>).map(([k, v]) => [
        k,
        Array.isArray(v) ? [...new Set(v)].sort() : v,
      ]),
    );
  };
  const next = stored(after);
  // Refused input goes to the update, which names each bad field against the row.
  if (!next) return [{ field: 'input', before: null, after: null }];
  return diff(stored(before) ?? before, next);
}

/** A record's service fields as they are, to merge a re-imported row's columns into. */
function organisationFields(o: OrganisationRow): Record<string, unknown> {
  return {
    name: o.name,
    sector: o.sector,
    orgType: o.org_type,
    identifier: o.identifier ?? undefined,
    localReference: o.local_reference ?? undefined,
    website: o.website ?? undefined,
  };
}

function partnershipFields(p: PartnershipRecord): Record<string, unknown> {
  const optional = <T>(value: T | null) => value ?? undefined;
  return {
    reference: p.reference,
    name: p.name,
    purpose: p.purpose,
    themes: [...p.themes].sort(),
    basis: p.basis,
    basisDetail: optional(p.basis_detail),
    statutoryType: optional(p.statutory_type),
    legalForm: p.legal_form,
    accountableBodyId: optional(p.accountable_body_id),
    layer: p.layer,
    status: p.status,
    parentId: optional(p.parent_id),
    leadOrganisationId: optional(p.lead_organisation_id),
    chairName: optional(p.chair_name),
    secretaryName: optional(p.secretary_name),
    leadOfficer: optional(p.lead_officer),
    serviceArea: optional(p.service_area),
    areas: [...p.areas].sort(),
    meetingsPerYear: optional(p.meetings_per_year),
    meetingMinutes: optional(p.meeting_minutes),
    typicalAttendance: optional(p.typical_attendance),
    annualBudgetPence: optional(p.annual_budget_pence),
    significance: optional(p.significance),
    establishedOn: optional(p.established_on),
    reviewDate: optional(p.review_date),
    termsOfReferenceUrl: optional(p.terms_of_reference_url),
  };
}

function membershipFields(m: BatchSeat): Record<string, unknown> {
  return {
    organisationId: m.organisation_id,
    role: m.role,
    representative: m.representative ?? undefined,
    startedOn: m.started_on ?? undefined,
    endedOn: m.ended_on ?? undefined,
  };
}

function lower(value: string | undefined): string {
  return (value ?? '').trim().toLowerCase();
}

function splitList(value: string): string[] {
  return value
    .split(LIST_SEPARATOR)
    .map((v) => v.trim())
    .filter((v) => v !== '');
}
