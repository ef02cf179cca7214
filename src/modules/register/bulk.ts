import { randomUUID } from 'node:crypto';
import type { Principal } from '../../core/actor.js';
import { NotFoundError, ValidationError } from '../../core/errors.js';
import { parseInput } from '../../core/validation.js';
import { BATCH_ROWS, type Columns, insertRows, insertRowsReturning } from '../../db/bulk-insert.js';
import type { Db } from '../../db/database.js';
import type { Locality, MembershipRow, OrganisationRow, PartnershipRow } from '../../db/tables.js';
import { requireLocalityAdmin } from '../accounts/policy.js';
import type { AuditService, RecordInput } from '../audit/service.js';
import type { ReferenceSnapshot } from '../reference/service.js';
import type {
  MembershipRepository,
  MembershipView,
  OrganisationRepository,
  PartnershipRepository,
} from './repository.js';
import { linkNationalBodies } from './national-bodies-schema.js';
import {
  type CurrentSeat,
  membershipAdded,
  membershipProblems,
  organisationCreated,
  organisationProblems,
  partnershipCreated,
  partnershipProblems,
  seatAllowed,
  toPartnershipRow,
} from './rules.js';
import { membershipInput, organisationInput, partnershipInput } from './schema.js';

/** What a seat, a parent link and a reference need to know about a partnership. */
type PartnershipSummary = Pick<
  PartnershipRow,
  'id' | 'reference' | 'name' | 'status' | 'meetings_per_year' | 'meeting_minutes'
>;

type NewOrganisation = Omit<
  OrganisationRow,
  'version' | 'created_at' | 'updated_at' | 'closed_on' | 'close_reason' | 'national_organisation_id'
>;
type NewPartnership = Omit<PartnershipRow, 'version' | 'created_at' | 'updated_at'>;
type NewMembership = Omit<MembershipRow, 'version' | 'created_at' | 'updated_at'>;

/** A seat as a batch reports it: what an import needs to recognise it again and to update it. */
export type BatchSeat = Pick<
  MembershipView,
  | 'id'
  | 'version'
  | 'organisation_id'
  | 'role'
  | 'representative'
  | 'started_on'
  | 'ended_on'
  | 'partnership_reference'
  | 'partnership_name'
  | 'organisation_name'
>;

interface Repositories {
  organisations: OrganisationRepository;
  partnerships: PartnershipRepository;
  memberships: MembershipRepository;
  audit: AuditService;
}

/**
 * New records for one locality, checked one by one against the register's rules as the
 * service checks them (rules.ts), and written together: the locality is read once, each new
 * record is checked against it and against the records added before it, and `flush` writes
 * every waiting record and its audit entry in a few multi-row statements. A refused record
 * throws the same ValidationError the service would and leaves nothing waiting.
 *
 * Work that changes records already in the register goes through the service, after a flush,
 * and tells the batch what changed (`noteOrganisation`, `notePartnership`), so the batch's
 * picture of the locality stays the register's.
 */
export class RegisterBatch {
  private readonly organisations = new Map<string, Pick<OrganisationRow, 'id' | 'name' | 'status'>>();
  private readonly organisationByIdentifier = new Map<string, string>();
  private readonly organisationByLocalReference = new Map<string, string>();
  private readonly organisationByName = new Map<string, string>();
  private readonly partnerships = new Map<string, PartnershipSummary>();
  private readonly partnershipByReference = new Map<string, string>();
  /** Current seats of each partnership the batch has added seats to. */
  private readonly seats = new Map<string, CurrentSeat[]>();
  private readonly staged = new Set<string>();
  private waiting = {
    organisations: [] as NewOrganisation[],
    partnerships: [] as Array<{ row: NewPartnership; themes: string[]; areas: string[] }>,
    memberships: [] as NewMembership[],
  };

  private constructor(
    private readonly trx: Db,
    private readonly principal: Principal,
    private readonly locality: Locality,
    private readonly snapshot: ReferenceSnapshot,
    private readonly repositories: Repositories,
  ) {}

  static async open(
    trx: Db,
    principal: Principal,
    locality: Locality,
    snapshot: ReferenceSnapshot,
    repositories: Repositories,
  ): Promise<RegisterBatch> {
    // Adding organisations is the administrator's; so a batch is too.
    requireLocalityAdmin(principal, locality, 'Organisation');
    const batch = new RegisterBatch(trx, principal, locality, snapshot, repositories);
    const [organisations, partnerships] = await Promise.all([
      repositories.organisations.allForLocality(trx, locality.id),
      repositories.partnerships.summaries(trx, locality.id),
    ]);
    for (const organisation of organisations) batch.noteOrganisation(organisation);
    for (const partnership of partnerships) batch.notePartnership(partnership);
    return batch;
  }

  // --- what the locality holds ------------------------------------------------------------

  /** An organisation by identifier, then local reference, then name, as the register looks one up. */
  organisationId(key: string): string | undefined {
    return (
      this.organisationByIdentifier.get(key.trim().toUpperCase()) ??
      this.organisationByLocalReference.get(key.trim().toLowerCase()) ??
      this.organisationByName.get(key.trim().toLowerCase())
    );
  }

  partnershipId(reference: string): string | undefined {
    return this.partnershipByReference.get(reference);
  }

  /** Whether the record was added by this batch (so the register held nothing of it before). */
  isNew(id: string): boolean {
    return this.staged.has(id);
  }

  noteOrganisation(o: Pick<OrganisationRow, 'id' | 'name' | 'status' | 'identifier' | 'local_reference'>): void {
    const before = this.organisations.get(o.id);
    if (before) this.forgetOrganisationKeys(o.id);
    this.organisations.set(o.id, { id: o.id, name: o.name, status: o.status });
    if (o.identifier) this.organisationByIdentifier.set(o.identifier, o.id);
    if (o.local_reference) this.organisationByLocalReference.set(o.local_reference.toLowerCase(), o.id);
    this.organisationByName.set(o.name.toLowerCase(), o.id);
  }

  notePartnership(p: PartnershipSummary): void {
    const before = this.partnerships.get(p.id);
    if (before && this.partnershipByReference.get(before.reference) === p.id)
      this.partnershipByReference.delete(before.reference);
    this.partnerships.set(p.id, p);
    this.partnershipByReference.set(p.reference, p.id);
  }

  private forgetOrganisationKeys(id: string): void {
    for (const index of [this.organisationByIdentifier, this.organisationByLocalReference, this.organisationByName])
      for (const [key, value] of index) if (value === id) index.delete(key);
  }

  // --- new records ------------------------------------------------------------------------

  createOrganisation(input: unknown): NewOrganisation {
    const data = parseInput(organisationInput, input);
    const nameHolder = this.organisationByName.get(data.name.toLowerCase());
    const clash = nameHolder
      ? 'name'
      : data.identifier && this.organisationByIdentifier.has(data.identifier)
        ? 'identifier'
        : undefined;
    const localReferenceTaken =
      data.localReference !== undefined && this.organisationByLocalReference.has(data.localReference.toLowerCase());
    const errors = organisationProblems(this.snapshot, data, { localReferenceTaken, clash });
    if (errors.length) throw new ValidationError(errors);
    const row: NewOrganisation = {
      id: randomUUID(),
      locality_id: this.locality.id,
      name: data.name,
      sector: data.sector,
      org_type: data.orgType,
      identifier: data.identifier ?? null,
      local_reference: data.localReference ?? null,
      website: data.website ?? null,
      status: 'active',
    };
    this.waiting.organisations.push(row);
    this.staged.add(row.id);
    this.noteOrganisation(row);
    return row;
  }

  /** `allowAnyStatus` lets an import bring in a merged or nested partnership as it is. */
  createPartnership(input: unknown, options: { allowAnyStatus?: boolean } = {}): NewPartnership {
    const data = parseInput(partnershipInput, input);
    const status = data.status ?? 'active';
    if (!options.allowAnyStatus && status !== 'proposed' && status !== 'active')
      throw ValidationError.of(
        'status',
        'A new partnership is proposed or active; it is merged, nested or closed through the register afterwards',
      );
    const organisationsFound = new Set(
      [data.leadOrganisationId, data.accountableBodyId].filter(
        (id): id is string => id !== undefined && this.organisations.has(id),
      ),
    );
    const parent = data.parentId ? this.partnerships.get(data.parentId) : undefined;
    const errors = partnershipProblems(this.snapshot, data, { organisationsFound, parent, parentBelow: false });
    if (errors.length) throw new ValidationError(errors);
    const reference = data.reference ?? this.nextReference();
    if (this.partnershipByReference.has(reference))
      throw ValidationError.of('reference', `The reference ${reference} is already used in this register`);
    const row: NewPartnership = {
      id: randomUUID(),
      locality_id: this.locality.id,
      reference,
      status,
      ...toPartnershipRow(data),
      closed_on: null,
      close_reason: null,
    };
    this.waiting.partnerships.push({ row, themes: sortedUnique(data.themes), areas: sortedUnique(data.areas) });
    this.staged.add(row.id);
    this.seats.set(row.id, []);
    this.notePartnership(row);
    return row;
  }

  /**
   * A seat, checked as if added after every seat before it (one chair; no seat twice).
   * `allowAnyStatus` lets an import bring in the past seats of a merged or nested partnership.
   */
  async addMembership(
    partnershipId: string,
    input: unknown,
    options: { allowAnyStatus?: boolean } = {},
  ): Promise<BatchSeat> {
    const seat = parseInput(membershipInput, input);
    const partnership = this.partnerships.get(partnershipId);
    if (!partnership) throw new NotFoundError('Partnership');
    if (!seatAllowed(partnership.status, seat, options.allowAnyStatus === true))
      throw ValidationError.of('organisationId', `Members cannot be added to a ${partnership.status} partnership`);
    const organisation = this.organisations.get(seat.organisationId);
    const current = await this.currentSeats(partnershipId);
    const errors = membershipProblems(organisation, current, seat);
    if (errors.length || !organisation) throw new ValidationError(errors);
    const row: NewMembership = {
      id: randomUUID(),
      locality_id: this.locality.id,
      partnership_id: partnershipId,
      organisation_id: seat.organisationId,
      role: seat.role,
      representative: seat.representative ?? null,
      started_on: seat.startedOn ?? null,
      ended_on: seat.endedOn ?? null,
    };
    if (!row.ended_on)
      current.push({
        id: row.id,
        organisation_id: row.organisation_id,
        role: row.role,
        representative: row.representative,
        organisation_name: organisation.name,
      });
    this.waiting.memberships.push(row);
    return {
      ...row,
      version: 1,
      partnership_reference: partnership.reference,
      partnership_name: partnership.name,
      organisation_name: organisation.name,
    };
  }

  private async currentSeats(partnershipId: string): Promise<CurrentSeat[]> {
    let seats = this.seats.get(partnershipId);
    if (!seats) {
      seats = await this.repositories.memberships.currentSeats(this.trx, partnershipId);
      this.seats.set(partnershipId, seats);
    }
    return seats;
  }

  /** Seats change outside the batch (an update through the service): read them again when next needed. */
  forgetSeats(partnershipId: string): void {
    if (!this.staged.has(partnershipId)) this.seats.delete(partnershipId);
  }

  private nextReference(): string {
    let highest = 0;
    for (const reference of this.partnershipByReference.keys()) {
      const number = /^P-(\d+)$/.exec(reference)?.[1];
      if (number) highest = Math.max(highest, Number(number));
    }
    return `P-${String(highest + 1).padStart(4, '0')}`;
  }

  // --- writing ----------------------------------------------------------------------------

  /**
   * Writes what is waiting once there is a full batch of it, so a large import holds a few
   * thousand records in memory at a time rather than all of them.
   */
  async flushWhenFull(): Promise<void> {
    const { organisations, partnerships, memberships } = this.waiting;
    if (organisations.length + partnerships.length + memberships.length >= BATCH_ROWS) await this.flush();
  }

  /** Writes every waiting record, parents before children, each with its audit entry. */
  async flush(): Promise<void> {
    const { organisations, partnerships, memberships } = this.waiting;
    if (!organisations.length && !partnerships.length && !memberships.length) return;
    this.waiting = { organisations: [], partnerships: [], memberships: [] };
    const events: RecordInput[] = [];
    const storedOrganisations = await insertRowsReturning<NewOrganisation, OrganisationRow>(
      this.trx,
      'organisations',
      ORGANISATION_COLUMNS,
      organisations,
    );
    events.push(...storedOrganisations.map(organisationCreated));
    if (storedOrganisations.length) await linkNationalBodies(this.trx, { localityIds: [this.locality.id] });
    const storedPartnerships = await insertRowsReturning<NewPartnership, PartnershipRow>(
      this.trx,
      'partnerships',
      PARTNERSHIP_COLUMNS,
      partnerships.map((p) => p.row),
    );
    const lists = new Map(partnerships.map((p) => [p.row.id, p]));
    const themes = partnerships.flatMap((p) => p.themes.map((theme) => ({ partnership_id: p.row.id, theme })));
    const areas = partnerships.flatMap((p) => p.areas.map((gss_code) => ({ partnership_id: p.row.id, gss_code })));
    await insertRows(this.trx, 'partnership_themes', THEME_COLUMNS, themes);
    await insertRows(this.trx, 'partnership_areas', AREA_COLUMNS, areas);
    for (const row of storedPartnerships)
      events.push(partnershipCreated(row, lists.get(row.id)?.themes ?? [], lists.get(row.id)?.areas ?? []));
    const storedSeats = await insertRowsReturning<NewMembership, MembershipRow>(
      this.trx,
      'memberships',
      MEMBERSHIP_COLUMNS,
      memberships,
    );
    for (const seat of storedSeats)
      events.push(
        membershipAdded(
          seat,
          this.organisations.get(seat.organisation_id)?.name ?? '',
          this.partnerships.get(seat.partnership_id)?.name ?? '',
        ),
      );
    await this.repositories.audit.recordMany(this.trx, this.principal, events);
  }
}

const ORGANISATION_COLUMNS: Columns<NewOrganisation> = [
  ['id', 'uuid'],
  ['locality_id', 'uuid'],
  ['name', 'text'],
  ['sector', 'text'],
  ['org_type', 'text'],
  ['identifier', 'text'],
  ['local_reference', 'text'],
  ['website', 'text'],
  ['status', 'text'],
];

const PARTNERSHIP_COLUMNS: Columns<NewPartnership> = [
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
  ['chair_name', 'text'],
  ['secretary_name', 'text'],
  ['lead_officer', 'text'],
  ['service_area', 'text'],
  ['meetings_per_year', 'integer'],
  ['meeting_minutes', 'integer'],
  ['typical_attendance', 'integer'],
  ['annual_budget_pence', 'bigint'],
  ['significance', 'text'],
  ['established_on', 'date'],
  ['review_date', 'date'],
  ['terms_of_reference_url', 'text'],
  ['closed_on', 'date'],
  ['close_reason', 'text'],
];

const THEME_COLUMNS: Columns<{ partnership_id: string; theme: string }> = [
  ['partnership_id', 'uuid'],
  ['theme', 'text'],
];

const AREA_COLUMNS: Columns<{ partnership_id: string; gss_code: string }> = [
  ['partnership_id', 'uuid'],
  ['gss_code', 'text'],
];

const MEMBERSHIP_COLUMNS: Columns<NewMembership> = [
  ['id', 'uuid'],
  ['locality_id', 'uuid'],
  ['partnership_id', 'uuid'],
  ['organisation_id', 'uuid'],
  ['role', 'text'],
  ['representative', 'text'],
  ['started_on', 'date'],
  ['ended_on', 'date'],
];

function sortedUnique(values: string[]): string[] {
  return [...new Set(values)].sort();
}
