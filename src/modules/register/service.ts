import { z } from 'zod';
import type { Principal } from '../../core/actor.js';
import { ConflictError, NotFoundError, ValidationError } from '../../core/errors.js';
import { parseInput, isUuid } from '../../core/validation.js';
import type { Db } from '../../db/database.js';
import { KeptUntilChange, type RegisterChanges } from '../../db/changes.js';
import { TransactionCache } from '../../db/transaction-cache.js';
import { todayInLondon } from '../../core/dates.js';
import { membershipsAsAt, partnershipsAsAt } from './as-at.js';
import { RegisterBatch } from './bulk.js';
import {
  type BurdenOptions,
  MEETING_HOURS_ONLY,
  type PartnerBurden,
  byBurden,
  isCountedSeat,
  partnerBurden,
} from './burden.js';
import type { Locality, MembershipRow, OrganisationRow, PartnershipRow } from '../../db/tables.js';
import { type AuditService, diff } from '../audit/service.js';
import {
  canAdministerLocality,
  canCreateLocality,
  canEditPartnership,
  canReadRestricted,
  refuse,
  requireLocalityAdmin,
  requirePartnershipEditor,
} from '../accounts/policy.js';
import type { ReferenceService, ReferenceSnapshot } from '../reference/service.js';
import {
  type SeatInput,
  membershipAdded,
  membershipProblems,
  organisationCreated,
  organisationProblems,
  partnershipCreated,
  partnershipProblems,
  seatAllowed,
  toPartnershipRow,
} from './rules.js';
import {
  type ListPosition,
  LocalityRepository,
  type MembershipView,
  MembershipRepository,
  type OrganisationListRow,
  OrganisationRepository,
  type PartnershipListRow,
  type PartnershipRecord,
  PartnershipRepository,
} from './repository.js';
import { linkNationalBodies } from './national-bodies-schema.js';
import { type LocalRecordRow, type NationalBodyRow, NationalBodyRepository } from './national-bodies.js';
import {
  type PartnershipInput,
  closeInput,
  endMembershipInput,
  localityInput,
  membershipInput,
  membershipUpdate,
  organisationInput,
  organisationListQuery,
  nationalBodyListQuery,
  type NationalBodyListQuery,
  organisationUpdate,
  partnershipInput,
  type PartnershipListQuery,
  partnershipListQuery,
  partnershipUpdate,
} from './schema.js';

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
  pages: number;
}

export interface PartnershipDetail {
  locality: Locality;
  /** Whether the viewer sees restricted fields and unpublished records. */
  restricted: boolean;
  /** Whether the viewer may edit this partnership and its memberships. */
  canEdit: boolean;
  /** Whether the viewer may create, close and re-parent partnerships (the locality administrator). */
  canAdminister: boolean;
  partnership: PartnershipRecord;
  parent?: { id: string; name: string };
  children: Array<{ id: string; name: string; status: string; layer: string; reference: string }>;
  leadOrganisation?: { id: string; name: string };
  accountableBody?: { id: string; name: string };
  members: MembershipView[];
  activeMembers: number;
  /** Of those, the seats that count towards their organisations' burden (burden.ts). */
  countedSeats: number;
  /** Organisation-hours of meetings a year: the seats that count towards burden (burden.ts) × meetings × length. */
  yearlyMeetingHours: number;
  separateLegalStatus: boolean;
}

/** A row of the register as at a past date, with the seats then held. */
export interface PartnershipAsAt extends PartnershipListRow {
  parent_id: string | null;
  meeting_minutes: number | null;
  members: MembershipView[];
}

export interface OrganisationDetail {
  locality: Locality;
  restricted: boolean;
  canEdit: boolean;
  organisation: OrganisationRow;
  /** The one national record of the body, with its seats across the country, where it has an identifier. */
  national: NationalBodyRow | undefined;
  /** Its seats, each marked with whether it counts towards its burden. */
  memberships: Array<MembershipView & { counted: boolean }>;
  /** Its seats and meeting hours a year (burden.ts), without preparation. */
  burden: PartnerBurden;
  seats: number;
  meetingHours: number;
}

/** Options for write methods: run inside a caller's transaction (an import) instead of a new one. */
export interface WriteOptions {
  trx?: Db;
}

const NATIONAL_BODIES_KEPT_MS = 60_000;
/** Partnership pages' register reads kept at once: about 2,000 × a few kilobytes. */
const PARTNERSHIP_PAGES_KEPT = 2_000;
/** National bodies' pages kept at once: the busiest has a row for each of hundreds of localities. */
const NATIONAL_BODY_PAGES_KEPT = 200;

const NATIONS: Record<string, string> = { E: 'England', W: 'Wales', S: 'Scotland', N: 'Northern Ireland' };
const OPEN = new Set(['proposed', 'active']);

function pageOf<T>(items: T[], total: number, page: number, pageSize: number): Page<T> {
  return { items, total, page, pageSize, pages: Math.max(1, Math.ceil(total / pageSize)) };
}

/**
 * A list position as the `after` of the next request: opaque to clients (base64url JSON), and
 * tied to the sort it was made for, since a position means nothing in another order.
 */
function writeListPosition(position: ListPosition, q: PartnershipListQuery): string {
  return Buffer.from(JSON.stringify([q.sort, q.order, position.value, position.name, position.id])).toString(
    'base64url',
  );
}

function readListPosition(text: string, q: PartnershipListQuery): ListPosition {
  const problem = () =>
    ValidationError.of('after', 'after must be the next of a page of this list, with the same sort and order');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw problem();
  }
  const position = listPosition.safeParse(parsed);
  if (!position.success) throw problem();
  const [sort, order, value, name, id] = position.data;
  if (sort !== q.sort || order !== q.order) throw problem();
  return { value, name, id };
}

const listPosition = z.tuple([z.string(), z.string(), z.string().max(400), z.string().max(400), z.uuid()]);

export function seatHours(m: Pick<MembershipView, 'meetings_per_year' | 'meeting_minutes'>): number {
  return ((m.meetings_per_year ?? 0) * (m.meeting_minutes ?? 0)) / 60;
}

export function isActiveSeat(m: Pick<MembershipView, 'ended_on' | 'partnership_status'>): boolean {
  return m.ended_on === null && OPEN.has(m.partnership_status);
}

/**
 * The register of a locality: partnerships, organisations and their memberships. Every write
 * checks the rules, runs in one transaction and records its audit entry in that transaction.
 */
export class RegisterService {
  readonly localities = new LocalityRepository();
  readonly partnerships = new PartnershipRepository();
  readonly organisations = new OrganisationRepository();
  readonly nationalBodies = new NationalBodyRepository();
  private keptNationalBodies:
    | { version: string; at: number; byName: Promise<NationalBodyRow[]>; orders: Map<string, NationalBodyRow[]> }
    | undefined;
  readonly memberships = new MembershipRepository();
  private readonly localityByCode = new TransactionCache<string, Locality | undefined>();
  /**
   * Each locality with its register's version and the reference lists', kept until the register
   * changes: every request of the API and the register's pages asks for them (db/changes.ts).
   */
  private readonly versions: KeptUntilChange<
    string,
    { locality: Locality; register: number; reference: number } | undefined
  >;
  /** The newest change to any locality's register, for the national bodies. */
  private readonly nationalVersion: KeptUntilChange<'all', string>;
  private readonly allLocalities: KeptUntilChange<'all', Locality[]>;
  /** Each national body's page (its record and its seats in every locality), kept until the register changes. */
  private readonly nationalBodyPages: KeptUntilChange<
    string,
    { body: NationalBodyRow; records: LocalRecordRow[] } | undefined
  >;
  /**
   * What each partnership's page reads of the register, by locality and id, kept until the
   * register changes; the most visited few thousand (a page is a few kilobytes).
   */
  private readonly partnershipPages: KeptUntilChange<
    string,
    Awaited<ReturnType<RegisterService['readPartnershipPage']>>
  >;

  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly reference: ReferenceService,
    changes?: RegisterChanges,
  ) {
    this.versions = new KeptUntilChange(changes);
    this.nationalVersion = new KeptUntilChange(changes);
    this.allLocalities = new KeptUntilChange(changes);
    this.partnershipPages = new KeptUntilChange(changes, PARTNERSHIP_PAGES_KEPT);
    this.nationalBodyPages = new KeptUntilChange(changes, NATIONAL_BODY_PAGES_KEPT);
  }

  private write<T>(options: WriteOptions | undefined, work: (trx: Db) => Promise<T>): Promise<T> {
    return options?.trx ? work(options.trx) : this.db.transaction().execute(work);
  }

  /**
   * New records for a locality checked one by one and written together (bulk.ts), inside the
   * caller's transaction: imports use it.
   */
  async batch(principal: Principal, locality: Locality, trx: Db): Promise<RegisterBatch> {
    return RegisterBatch.open(trx, principal, locality, await this.reference.snapshot(trx), {
      organisations: this.organisations,
      partnerships: this.partnerships,
      memberships: this.memberships,
      audit: this.audit,
    });
  }

  // --- localities -------------------------------------------------------------------------

  /** Every locality, by name; kept until the database announces a change (a copy each call). */
  async listLocalities(): Promise<Locality[]> {
    return [...(await this.allLocalities.get('all', () => this.localities.list(this.db)))];
  }

  async locality(gssCode: string, db: Db = this.db): Promise<Locality> {
    const code = gssCode.toUpperCase();
    const locality =
      db === this.db
        ? (await this.localityWithVersions(code))?.locality
        : await this.localityByCode.get(db, code, () => this.localities.byCode(db, code));
    if (!locality) throw new NotFoundError('Locality');
    return locality;
  }

  private localityWithVersions(code: string) {
    return this.versions.get(
      code,
      () => this.localities.byCodeWithVersions(this.db, code),
      (found) => found !== undefined,
    );
  }

  /**
   * The locality, whether this viewer sees its restricted records, and a stamp that changes
   * whenever what its register shows this viewer may have: the register's and the reference
   * lists' newest audit entries, and the viewer's kind of access. Equal stamps, equal register:
   * responses built from it can be kept and answered with 304 Not Modified.
   */
  async registerStamp(
    principal: Principal,
    gssCode: string,
  ): Promise<{ locality: Locality; restricted: boolean; stamp: string }> {
    const code = gssCode.toUpperCase();
    const found = await this.localityWithVersions(code);
    if (!found) throw new NotFoundError('Locality');
    const restricted = canReadRestricted(principal, found.locality);
    const stamp = `${found.locality.id}.${found.register}.${found.reference}.${restricted ? 'all' : 'published'}`;
    return { locality: found.locality, restricted, stamp };
  }

  async createLocality(
    principal: Principal,
    input: unknown,
    options: WriteOptions & { isDemo?: boolean } = {},
  ): Promise<Locality> {
    if (!canCreateLocality(principal)) refuse(principal, undefined, 'Locality');
    const data = parseInput(localityInput, input);
    return this.write(options, async (trx) => {
      if (await this.localities.byCode(trx, data.gssCode))
        throw ValidationError.of('gssCode', `A locality with the code ${data.gssCode} already exists`);
      const locality = await this.localities.insert(trx, {
        gss_code: data.gssCode,
        name: data.name,
        kind: data.kind,
        region: data.region,
        nation: NATIONS[data.gssCode[0] ?? 'E'] ?? 'England',
        is_demo: options.isDemo ?? false,
      });
      await this.audit.record(trx, principal, {
        localityId: locality.id,
        action: 'create',
        entityType: 'locality',
        entityId: locality.id,
        summary: `Created locality ${locality.name}`,
        after: locality,
      });
      return locality;
    });
  }

  // --- partnerships -----------------------------------------------------------------------

  async listPartnerships(
    principal: Principal,
    gssCode: string,
    query: unknown,
  ): Promise<Page<PartnershipListRow> & { query: ReturnType<typeof partnershipListQuery.parse>; next: string | null }> {
    const locality = await this.locality(gssCode);
    const q = partnershipListQuery.parse(query ?? {});
    const after = q.after === undefined ? undefined : readListPosition(q.after, q);
    const publishedOnly = !canReadRestricted(principal, locality);
    const { rows, total, next } = await this.partnerships.list(this.db, locality.id, q, publishedOnly, after);
    return { ...pageOf(rows, total, q.page, q.pageSize), query: q, next: next ? writeListPosition(next, q) : null };
  }

  /**
   * A key that changes whenever this viewer's page of the register for this query may have,
   * with the locality and whether the viewer may administer it (the page shows them more).
   */
  async partnershipListKey(
    principal: Principal,
    gssCode: string,
    query: unknown,
  ): Promise<{ key: string; locality: Locality; canAdminister: boolean }> {
    const q = partnershipListQuery.parse(query ?? {});
    const { stamp, locality } = await this.registerStamp(principal, gssCode);
    return {
      key: `partnerships|${stamp}|${JSON.stringify(q)}`,
      locality,
      canAdminister: canAdministerLocality(principal, locality),
    };
  }

  /**
   * The register as it stood at the end of `date` (see as-at.ts): the partnerships that then
   * existed, each with the seats then held, filtered, sorted and paged like the register.
   */
  async registerAsAt(
    principal: Principal,
    gssCode: string,
    date: string,
    query: unknown = {},
  ): Promise<Page<PartnershipAsAt> & { query: ReturnType<typeof partnershipListQuery.parse>; asAt: string }> {
    const locality = await this.locality(gssCode);
    const q = partnershipListQuery.parse(query ?? {});
    const restricted = canReadRestricted(principal, locality);
    const { partnerships, memberships } = await this.snapshotAsAt(locality, date);
    const lead = await this.organisations.names(this.db, [
      ...new Set(partnerships.map((p) => p.lead_organisation_id).filter((v): v is string => !!v)),
    ]);
    const needle = q.q?.toLowerCase();
    const rows: PartnershipAsAt[] = partnerships
      .filter((p) => restricted || isPublished(p))
      .filter((p) => !needle || [p.name, p.purpose, p.reference].some((v) => v.toLowerCase().includes(needle)))
      .filter(
        (p) =>
          (!q.layer || p.layer === q.layer) &&
          (!q.status || p.status === q.status) &&
          (!q.basis || p.basis === q.basis) &&
          (!q.theme || p.themes.includes(q.theme)) &&
          (!q.area || p.areas.includes(q.area.toUpperCase())),
      )
      .map((p) => {
        const members = (memberships.get(p.id) ?? []).map((m) => (restricted ? m : redactMembership(m)));
        return {
          id: p.id,
          reference: p.reference,
          name: p.name,
          layer: p.layer,
          status: p.status,
          basis: p.basis,
          parent_id: p.parent_id,
          lead_organisation_name: p.lead_organisation_id ? (lead.get(p.lead_organisation_id) ?? null) : null,
          meetings_per_year: p.meetings_per_year,
          meeting_minutes: p.meeting_minutes,
          member_count: members.length,
          themes: p.themes,
          updated_at: p.updated_at,
          members,
        };
      })
      .filter((p) => !q.organisation || p.members.some((m) => m.organisation_id === q.organisation));
    const direction = q.order === 'desc' ? -1 : 1;
    const layerRank = (l: string) => ['strategic', 'executive', 'operational'].indexOf(l);
    const key = (p: PartnershipAsAt): string | number =>
      ({
        name: p.name.toLowerCase(),
        reference: p.reference,
        layer: layerRank(p.layer),
        status: p.status,
        members: p.member_count,
        meetings: p.meetings_per_year ?? -1,
        updated: p.updated_at.getTime(),
      })[q.sort];
    rows.sort((a, b) => (key(a) < key(b) ? -direction : key(a) > key(b) ? direction : a.name.localeCompare(b.name)));
    const start = (q.page - 1) * q.pageSize;
    return { ...pageOf(rows.slice(start, start + q.pageSize), rows.length, q.page, q.pageSize), query: q, asAt: date };
  }

  /** Every partnership that existed at the end of `date` and the seats each then held. */
  async snapshotAsAt(
    locality: Locality,
    date: string,
    db: Db = this.db,
  ): Promise<{ partnerships: PartnershipRecord[]; memberships: Map<string, MembershipView[]> }> {
    const all = await this.partnerships.allForLocality(db, locality.id);
    const changes = await this.partnerships.changes(db, locality.id);
    const seats = membershipsAsAt(await this.memberships.allForLocality(db, locality.id), date);
    const partnerships = partnershipsAsAt(all, changes, date);
    const status = new Map(partnerships.map((p) => [p.id, p]));
    const memberships = new Map<string, MembershipView[]>();
    for (const m of seats) {
      const then = status.get(m.partnership_id);
      if (!then) continue;
      memberships.set(m.partnership_id, [
        ...(memberships.get(m.partnership_id) ?? []),
        {
          ...m,
          partnership_status: then.status,
          meetings_per_year: then.meetings_per_year,
          meeting_minutes: then.meeting_minutes,
        },
      ]);
    }
    return { partnerships, memberships };
  }

  /**
   * A partnership as it stood at the end of `date`: its status, layer, parent and meeting
   * pattern then, and the seats then held. Not found if it did not exist that day.
   */
  async getPartnershipAsAt(
    principal: Principal,
    gssCode: string,
    id: string,
    date: string,
  ): Promise<PartnershipDetail & { asAt: string }> {
    const today = await this.getPartnership(principal, gssCode, id);
    const { partnerships, memberships } = await this.snapshotAsAt(today.locality, date);
    const then = partnerships.find((p) => p.id === id);
    if (!then) throw new NotFoundError('Partnership on that date');
    const members = (memberships.get(id) ?? []).map((m) => (today.restricted ? m : redactMembership(m)));
    // Seats held that day count as current ones (burden.ts), whenever they ended later.
    const countedSeats = members.filter((m) =>
      isCountedSeat({ ...m, ended_on: null, partnership_status: then.status }),
    ).length;
    const parents = await this.partnerships.names(this.db, then.parent_id ? [then.parent_id] : []);
    const partnership = { ...(today.restricted ? then : redactPartnership(then)) };
    return {
      ...today,
      asAt: date,
      canEdit: false,
      canAdminister: false,
      partnership,
      parent: then.parent_id ? { id: then.parent_id, name: parents.get(then.parent_id) ?? '' } : undefined,
      children: partnerships
        .filter((p) => p.parent_id === id && (today.restricted || isPublished(p)))
        .map((p) => ({ id: p.id, name: p.name, status: p.status, layer: p.layer, reference: p.reference })),
      members,
      activeMembers: members.length,
      countedSeats,
      yearlyMeetingHours: countedSeats * seatHours(then),
    };
  }

  async getPartnership(principal: Principal, gssCode: string, id: string): Promise<PartnershipDetail> {
    const locality = await this.locality(gssCode);
    const read = isUuid(id)
      ? await this.partnershipPages.get(
          `${locality.id}/${id}`,
          () => this.readPartnershipPage(locality.id, id),
          (page) => page !== undefined,
        )
      : undefined;
    const restricted = canReadRestricted(principal, locality);
    if (!read || (!restricted && !isPublished(read.found))) throw new NotFoundError('Partnership');
    const { found, orgNames, parentNames } = read;
    const partnership = restricted ? found : redactPartnership(found);
    const children = restricted ? [...read.children] : read.children.filter(isPublished);
    const members = restricted ? [...read.members] : read.members.map(redactMembership);
    const snapshot = await this.reference.snapshot(this.db);
    const named = (map: Map<string, string>, key: string | null) =>
      key && map.has(key) ? { id: key, name: map.get(key) ?? '' } : undefined;
    const activeSeats = members.filter(isActiveSeat).length;
    const countedSeats = members.filter(isCountedSeat).length;
    return {
      locality,
      restricted,
      canEdit: canEditPartnership(principal, locality, id),
      canAdminister: canEditPartnership(principal, locality),
      partnership,
      parent: named(parentNames, partnership.parent_id),
      children,
      leadOrganisation: named(orgNames, partnership.lead_organisation_id),
      accountableBody: named(orgNames, partnership.accountable_body_id),
      members,
      activeMembers: activeSeats,
      countedSeats,
      yearlyMeetingHours: countedSeats * seatHours(partnership),
      separateLegalStatus: hasSeparateLegalStatus(snapshot, partnership.legal_form),
    };
  }

  /** What a partnership's page shows of the register, for every viewer (redacted per viewer). */
  private async readPartnershipPage(localityId: string, id: string) {
    const found = await this.partnerships.get(this.db, localityId, id);
    if (!found) return undefined;
    const [children, members, orgNames, parentNames] = await Promise.all([
      this.partnerships.children(this.db, id),
      this.memberships.forPartnership(this.db, id),
      this.organisations.names(
        this.db,
        [found.lead_organisation_id, found.accountable_body_id].filter((v): v is string => !!v),
      ),
      this.partnerships.names(this.db, found.parent_id ? [found.parent_id] : []),
    ]);
    return { found, children, members, orgNames, parentNames };
  }

  async createPartnership(
    principal: Principal,
    gssCode: string,
    input: unknown,
    options?: WriteOptions & { allowAnyStatus?: boolean },
  ): Promise<PartnershipRow> {
    const data = parseInput(partnershipInput, input);
    return this.write(options, async (trx) => {
      const locality = await this.locality(gssCode, trx);
      requirePartnershipEditor(principal, locality);
      const status = data.status ?? 'active';
      if (!options?.allowAnyStatus && !OPEN.has(status)) {
        throw ValidationError.of(
          'status',
          'A new partnership is proposed or active; it is merged, nested or closed through the register afterwards',
        );
      }
      await this.checkPartnershipRules(trx, locality, data);
      const reference = data.reference ?? (await this.partnerships.nextReference(trx, locality.id));
      if (await this.partnerships.idByReference(trx, locality.id, reference)) {
        throw ValidationError.of('reference', `The reference ${reference} is already used in this register`);
      }
      const created = await this.partnerships.insert(
        trx,
        { ...toPartnershipRow(data), locality_id: locality.id, reference, status, closed_on: null, close_reason: null },
        unique(data.themes),
        unique(data.areas),
      );
      await this.audit.record(trx, principal, partnershipCreated(created, unique(data.themes), unique(data.areas)));
      return created;
    });
  }

  async updatePartnership(
    principal: Principal,
    gssCode: string,
    id: string,
    input: unknown,
    options?: WriteOptions,
  ): Promise<PartnershipRow> {
    const data = parseInput(partnershipUpdate, input);
    return this.write(options, async (trx) => {
      const locality = await this.locality(gssCode, trx);
      const before = isUuid(id) ? await this.partnerships.get(trx, locality.id, id) : undefined;
      if (!before) throw new NotFoundError('Partnership');
      requirePartnershipEditor(principal, locality, id);
      const status = data.status ?? before.status;
      if (data.parentId !== (before.parent_id ?? undefined) && !canEditPartnership(principal, locality)) {
        throw ValidationError.of(
          'parentId',
          'Only the locality administrator can move a partnership to another parent',
        );
      }
      if (status !== before.status && (!OPEN.has(status) || !OPEN.has(before.status))) {
        throw ValidationError.of(
          'status',
          before.status === 'closed'
            ? 'A closed partnership cannot be reopened by editing it'
            : 'Use “Close partnership” to close it; merging and nesting are done through rationalisation',
        );
      }
      await this.checkPartnershipRules(trx, locality, data, id);
      const reference = data.reference ?? before.reference;
      if (reference !== before.reference && (await this.partnerships.idByReference(trx, locality.id, reference))) {
        throw ValidationError.of('reference', `The reference ${reference} is already used in this register`);
      }
      const updated = await this.partnerships.update(trx, id, data.version ?? before.version, {
        ...toPartnershipRow(data),
        reference,
        status,
      });
      if (!updated)
        throw new ConflictError(
          'Someone else changed this partnership while you were editing it. Your changes were not saved: reload the page to see theirs, then make yours again.',
        );
      await this.partnerships.replaceThemesAndAreas(trx, id, unique(data.themes), unique(data.areas));
      await this.partnerships.recordChanges(trx, id, before, updated, todayInLondon());
      const after = { ...updated, themes: unique(data.themes), areas: unique(data.areas) };
      const changes = diff(before, after);
      await this.audit.record(trx, principal, {
        localityId: locality.id,
        action: 'update',
        entityType: 'partnership',
        entityId: id,
        partnershipId: id,
        summary: changes.length
          ? `Changed ${changes.map((c) => fieldLabel(c.field)).join(', ')}`
          : 'Saved with no changes',
        before: pick(
          before,
          changes.map((c) => c.field),
        ),
        after: pick(
          after,
          changes.map((c) => c.field),
        ),
      });
      return updated;
    });
  }

  async closePartnership(
    principal: Principal,
    gssCode: string,
    id: string,
    input: unknown,
    options?: WriteOptions,
  ): Promise<PartnershipRow> {
    const data = parseInput(closeInput, input);
    return this.write(options, async (trx) => {
      const locality = await this.locality(gssCode, trx);
      const before = isUuid(id) ? await this.partnerships.get(trx, locality.id, id) : undefined;
      if (!before) throw new NotFoundError('Partnership');
      requireLocalityAdmin(principal, locality, 'Partnership');
      if (!OPEN.has(before.status))
        throw ValidationError.of('closedOn', `This partnership is already ${before.status}`);
      if (before.established_on && data.closedOn < before.established_on)
        throw ValidationError.of('closedOn', 'The closing date must be on or after the date it was established');
      const openChildren = (await this.partnerships.children(trx, id)).filter((c) => OPEN.has(c.status));
      if (openChildren.length) {
        throw ValidationError.of(
          'closedOn',
          `Close or move its ${openChildren.length} open sub-partnership${openChildren.length === 1 ? '' : 's'} first: ${openChildren.map((c) => c.name).join(', ')}`,
        );
      }
      const updated = await this.partnerships.update(trx, id, data.version ?? before.version, {
        status: 'closed',
        closed_on: data.closedOn,
        close_reason: data.reason,
      });
      if (!updated)
        throw new ConflictError(
          'Someone else changed this partnership in the meantime. Nothing was closed: reload the page and try again.',
        );
      const ended = await this.memberships.endOpen(trx, { partnershipId: id }, data.closedOn);
      await this.audit.record(trx, principal, {
        localityId: locality.id,
        action: 'close',
        entityType: 'partnership',
        entityId: id,
        partnershipId: id,
        summary: `Closed partnership: ${data.reason}${ended.length ? ` (${ended.length} membership${ended.length === 1 ? '' : 's'} ended)` : ''}`,
        before: { status: before.status, closed_on: null, close_reason: null },
        after: { status: 'closed', closed_on: data.closedOn, close_reason: data.reason },
      });
      return updated;
    });
  }

  private async checkPartnershipRules(trx: Db, locality: Locality, data: PartnershipInput, id?: string): Promise<void> {
    const snapshot = await this.reference.snapshot(trx);
    const organisationsFound = new Set<string>();
    for (const orgId of [data.leadOrganisationId, data.accountableBodyId])
      if (orgId && (await this.organisations.get(trx, locality.id, orgId))) organisationsFound.add(orgId);
    const parent = data.parentId ? await this.partnerships.get(trx, locality.id, data.parentId) : undefined;
    const parentBelow =
      parent !== undefined &&
      id !== undefined &&
      (parent.id === id || (await this.partnerships.ancestorIds(trx, parent.id)).includes(id));
    const errors = partnershipProblems(snapshot, data, { organisationsFound, parent, parentBelow });
    if (errors.length) throw new ValidationError(errors);
  }

  // --- organisations ----------------------------------------------------------------------

  async listOrganisations(
    _principal: Principal,
    gssCode: string,
    query: unknown,
  ): Promise<Page<OrganisationListRow> & { query: ReturnType<typeof organisationListQuery.parse> }> {
    const locality = await this.locality(gssCode);
    const q = organisationListQuery.parse(query ?? {});
    const { rows, total } = await this.organisations.list(this.db, locality.id, q);
    return { ...pageOf(rows, total, q.page, q.pageSize), query: q };
  }

  // --- national bodies: one record per body across localities (national-bodies-schema.ts) ---

  /** The country's bodies with their localities, seats and meeting hours: public, as seats on active boards are. */
  async listNationalBodies(
    _principal: Principal,
    query: unknown,
  ): Promise<Page<NationalBodyRow> & { query: NationalBodyListQuery }> {
    const q = nationalBodyListQuery.parse(query ?? {});
    const matching = chooseBodies(await this.nationalBodiesInOrder(q.sort, q.order), q);
    const start = (q.page - 1) * q.pageSize;
    return { ...pageOf(matching.slice(start, start + q.pageSize), matching.length, q.page, q.pageSize), query: q };
  }

  /**
   * Every national body with its totals, in the order asked for, kept until the next register
   * change anywhere (at most a minute): adding up the country's seats reads every membership,
   * 0.6–0.9 s at 50,000 partnerships, and sorting 20,000 bodies is most of a request's time after
   * that. The version itself is kept until the database announces a change (db/changes.ts).
   */
  private async nationalBodiesInOrder(
    sort: NationalBodyListQuery['sort'],
    order: NationalBodyListQuery['order'],
  ): Promise<NationalBodyRow[]> {
    const version = await this.nationalVersion.get('all', () => this.nationalBodies.registerVersion(this.db));
    let kept = this.keptNationalBodies;
    if (!kept || kept.version !== version || Date.now() - kept.at >= NATIONAL_BODIES_KEPT_MS) {
      const byName = this.nationalBodies.all(this.db);
      kept = { version, at: Date.now(), byName, orders: new Map() };
      this.keptNationalBodies = kept;
      const failed = kept;
      byName.catch(() => {
        if (this.keptNationalBodies === failed) this.keptNationalBodies = undefined;
      });
    }
    const key = `${sort} ${order}`;
    let rows = kept.orders.get(key);
    if (!rows) {
      rows = sortBodies(await kept.byName, sort, order);
      kept.orders.set(key, rows);
    }
    return rows;
  }

  /** A national body and its record in each locality, with the seats it holds there. */
  async getNationalBody(
    _principal: Principal,
    identifier: string,
  ): Promise<{ body: NationalBodyRow; records: LocalRecordRow[]; reference: ReferenceSnapshot }> {
    const key = identifier.trim().toUpperCase();
    const found = await this.nationalBodyPages.get(
      key,
      async () => {
        const body = await this.nationalBodies.get(this.db, key);
        return body ? { body, records: await this.nationalBodies.localRecords(this.db, body.id) } : undefined;
      },
      (page) => page !== undefined,
    );
    if (!found) throw new NotFoundError('National body');
    return { body: found.body, records: [...found.records], reference: await this.reference.snapshot(this.db) };
  }

  async getOrganisation(principal: Principal, gssCode: string, id: string): Promise<OrganisationDetail> {
    const locality = await this.locality(gssCode);
    const organisation = isUuid(id) ? await this.organisations.get(this.db, locality.id, id) : undefined;
    if (!organisation) throw new NotFoundError('Organisation');
    const restricted = canReadRestricted(principal, locality);
    const all = await this.memberships.forOrganisation(this.db, id);
    const memberships = restricted ? all : all.filter((m) => m.partnership_status !== 'proposed').map(redactMembership);
    const [burden] = await this.burden(this.db, locality.id, [organisation], MEETING_HOURS_ONLY);
    const national = organisation.identifier
      ? await this.nationalBodies.get(this.db, organisation.identifier)
      : undefined;
    return {
      locality,
      organisation,
      national,
      memberships,
      restricted,
      canEdit: canEditPartnership(principal, locality),
      burden: burden!,
      seats: burden!.seats,
      meetingHours: burden!.meetingHours,
    };
  }

  /**
   * The partnership burden (burden.ts) of the given organisations of a locality, in their order,
   * each with a figure (0 when it holds no counted seat); or, without `organisations`, of every
   * organisation holding a counted seat, heaviest first. The one function every page's seats and
   * meeting hours come from; `options.preparationHoursPerMeeting` adds preparation to the same
   * figures.
   */
  async burden(
    db: Db,
    localityId: string,
    organisations: ReadonlyArray<{ id: string; name: string; sector: string }> | undefined,
    options: BurdenOptions,
  ): Promise<PartnerBurden[]> {
    const totals = await this.organisations.burden(
      db,
      localityId,
      organisations?.map((o) => o.id),
    );
    if (!organisations)
      return totals
        .map((t) =>
          partnerBurden(
            { id: t.organisation_id, name: t.organisation_name, sector: t.organisation_sector },
            t,
            options,
          ),
        )
        .sort(byBurden);
    const byId = new Map(totals.map((t) => [t.organisation_id, t]));
    return organisations.map((o) => partnerBurden(o, byId.get(o.id), options));
  }

  async createOrganisation(
    principal: Principal,
    gssCode: string,
    input: unknown,
    options?: WriteOptions,
  ): Promise<OrganisationRow> {
    const data = parseInput(organisationInput, input);
    return this.write(options, async (trx) => {
      const locality = await this.locality(gssCode, trx);
      requireLocalityAdmin(principal, locality, 'Organisation');
      await this.checkOrganisationRules(trx, locality, data);
      const created = await this.organisations.insert(trx, {
        locality_id: locality.id,
        name: data.name,
        sector: data.sector,
        org_type: data.orgType,
        identifier: data.identifier ?? null,
        local_reference: data.localReference ?? null,
        website: data.website ?? null,
      });
      await this.audit.record(trx, principal, organisationCreated(created));
      if (!created.identifier) return created;
      await linkNationalBodies(trx, { organisationIds: [created.id] });
      return (await this.organisations.get(trx, locality.id, created.id))!;
    });
  }

  async updateOrganisation(
    principal: Principal,
    gssCode: string,
    id: string,
    input: unknown,
    options?: WriteOptions,
  ): Promise<OrganisationRow> {
    const data = parseInput(organisationUpdate, input);
    return this.write(options, async (trx) => {
      const locality = await this.locality(gssCode, trx);
      const before = isUuid(id) ? await this.organisations.get(trx, locality.id, id) : undefined;
      if (!before) throw new NotFoundError('Organisation');
      requireLocalityAdmin(principal, locality, 'Organisation');
      await this.checkOrganisationRules(trx, locality, data, id);
      const updated = await this.organisations.update(trx, id, data.version ?? before.version, {
        name: data.name,
        sector: data.sector,
        org_type: data.orgType,
        identifier: data.identifier ?? null,
        // The form does not show it: an edit there keeps what an import set.
        local_reference: data.localReference === undefined ? before.local_reference : data.localReference,
        website: data.website ?? null,
      });
      if (!updated)
        throw new ConflictError(
          'Someone else changed this organisation while you were editing it. Your changes were not saved: reload the page and make them again.',
        );
      const changes = diff(before, updated);
      await this.audit.record(trx, principal, {
        localityId: locality.id,
        action: 'update',
        entityType: 'organisation',
        entityId: id,
        organisationId: id,
        summary: changes.length
          ? `Changed ${changes.map((c) => fieldLabel(c.field)).join(', ')}`
          : 'Saved with no changes',
        before: pick(
          before,
          changes.map((c) => c.field),
        ),
        after: pick(
          updated,
          changes.map((c) => c.field),
        ),
      });
      if (updated.identifier === before.identifier) return updated;
      await linkNationalBodies(trx, { organisationIds: [id] });
      return (await this.organisations.get(trx, locality.id, id))!;
    });
  }

  async closeOrganisation(
    principal: Principal,
    gssCode: string,
    id: string,
    input: unknown,
    options?: WriteOptions,
  ): Promise<OrganisationRow> {
    const data = parseInput(closeInput, input);
    return this.write(options, async (trx) => {
      const locality = await this.locality(gssCode, trx);
      const before = isUuid(id) ? await this.organisations.get(trx, locality.id, id) : undefined;
      if (!before) throw new NotFoundError('Organisation');
      requireLocalityAdmin(principal, locality, 'Organisation');
      if (before.status === 'closed') throw ValidationError.of('closedOn', 'This organisation is already closed');
      const duties = await this.organisations.responsibilities(trx, id);
      if (duties.length) {
        throw ValidationError.of(
          'closedOn',
          `First name another lead or accountable body for: ${duties.map((d) => `${d.name} (${d.as})`).join('; ')}`,
        );
      }
      const updated = await this.organisations.update(trx, id, data.version ?? before.version, {
        status: 'closed',
        closed_on: data.closedOn,
        close_reason: data.reason,
      });
      if (!updated)
        throw new ConflictError(
          'Someone else changed this organisation in the meantime. Nothing was closed: reload the page and try again.',
        );
      const ended = await this.memberships.endOpen(trx, { organisationId: id }, data.closedOn);
      await this.audit.record(trx, principal, {
        localityId: locality.id,
        action: 'close',
        entityType: 'organisation',
        entityId: id,
        organisationId: id,
        summary: `Closed organisation: ${data.reason}${ended.length ? ` (${ended.length} seat${ended.length === 1 ? '' : 's'} ended)` : ''}`,
        before: { status: before.status },
        after: { status: 'closed', closed_on: data.closedOn, close_reason: data.reason },
      });
      return updated;
    });
  }

  private async checkOrganisationRules(
    trx: Db,
    locality: Locality,
    data: { name: string; orgType: string; identifier?: string; localReference?: string },
    id?: string,
  ): Promise<void> {
    const snapshot = await this.reference.snapshot(trx);
    const localReferenceTaken =
      data.localReference !== undefined &&
      (await this.organisations.idByLocalReference(trx, locality.id, data.localReference, id)) !== undefined;
    const clash = await this.organisations.findClash(trx, locality.id, data.name, data.identifier ?? null, id);
    const errors = organisationProblems(snapshot, data, { localReferenceTaken, clash });
    if (errors.length) throw new ValidationError(errors);
  }

  // --- memberships ------------------------------------------------------------------------

  async getMembership(
    principal: Principal,
    gssCode: string,
    id: string,
  ): Promise<MembershipView & { locality: Locality; restricted: boolean }> {
    const locality = await this.locality(gssCode);
    const membership = isUuid(id) ? await this.memberships.get(this.db, locality.id, id) : undefined;
    const restricted = canReadRestricted(principal, locality);
    if (!membership || (!restricted && membership.partnership_status === 'proposed'))
      throw new NotFoundError('Membership');
    return { ...(restricted ? membership : redactMembership(membership)), locality, restricted };
  }

  /**
   * Adds a seat. `allowAnyStatus` lets an import bring in the past seats (with an end date)
   * of a partnership that has since been merged or nested.
   */
  async addMembership(
    principal: Principal,
    gssCode: string,
    partnershipId: string,
    input: unknown,
    options?: WriteOptions & { allowAnyStatus?: boolean },
  ): Promise<MembershipView> {
    const [added] = await this.addMemberships(principal, gssCode, partnershipId, [input], options);
    if (!added) throw new NotFoundError('Membership');
    return added;
  }

  /**
   * Adds several seats to one partnership in one go, each checked against the rules as if
   * added one after another (one chair; no seat twice). Bulk work (the demo, imports) uses it
   * to save a round of queries per seat.
   */
  async addMemberships(
    principal: Principal,
    gssCode: string,
    partnershipId: string,
    inputs: unknown[],
    options?: WriteOptions & { allowAnyStatus?: boolean },
  ): Promise<MembershipView[]> {
    const seats = inputs.map((input) => parseInput(membershipInput, input));
    return this.write(options, async (trx) => {
      const locality = await this.locality(gssCode, trx);
      const partnership = isUuid(partnershipId)
        ? await this.partnerships.summary(trx, locality.id, partnershipId)
        : undefined;
      if (!partnership) throw new NotFoundError('Partnership');
      requirePartnershipEditor(principal, locality, partnershipId);
      const organisations = await this.organisations.byIds(trx, locality.id, [
        ...new Set(seats.map((s) => s.organisationId)),
      ]);
      const current = await this.memberships.currentSeats(trx, partnershipId);
      for (const seat of seats) {
        if (!seatAllowed(partnership.status, seat, options?.allowAnyStatus === true))
          throw ValidationError.of('organisationId', `Members cannot be added to a ${partnership.status} partnership`);
        const organisation = organisations.get(seat.organisationId);
        const problems = membershipProblems(organisation, current, seat);
        if (problems.length || !organisation) throw new ValidationError(problems);
        if (!seat.endedOn)
          current.push({
            id: '',
            organisation_id: seat.organisationId,
            role: seat.role,
            representative: seat.representative ?? null,
            organisation_name: organisation.name,
          });
      }
      const created = await this.memberships.insertMany(
        trx,
        seats.map((seat) => ({
          locality_id: locality.id,
          partnership_id: partnershipId,
          organisation_id: seat.organisationId,
          role: seat.role,
          representative: seat.representative ?? null,
          started_on: seat.startedOn ?? null,
          ended_on: seat.endedOn ?? null,
        })),
      );
      const nameOf = (m: MembershipRow) => organisations.get(m.organisation_id)?.name ?? '';
      await this.audit.recordMany(
        trx,
        principal,
        created.map((m) => membershipAdded(m, nameOf(m), partnership.name)),
      );
      return created.map((m) => ({
        ...m,
        organisation_name: nameOf(m),
        organisation_sector: organisations.get(m.organisation_id)?.sector ?? '',
        partnership_name: partnership.name,
        partnership_status: partnership.status,
        partnership_reference: partnership.reference,
        meetings_per_year: partnership.meetings_per_year,
        meeting_minutes: partnership.meeting_minutes,
      }));
    });
  }

  async updateMembership(
    principal: Principal,
    gssCode: string,
    id: string,
    input: unknown,
    options?: WriteOptions,
  ): Promise<MembershipView> {
    const data = parseInput(membershipUpdate, input);
    return this.write(options, async (trx) => {
      const locality = await this.locality(gssCode, trx);
      const before = isUuid(id) ? await this.memberships.get(trx, locality.id, id) : undefined;
      if (!before) throw new NotFoundError('Membership');
      requirePartnershipEditor(principal, locality, before.partnership_id);
      await this.checkMembershipRules(trx, locality, before.partnership_id, data, id);
      const updated = await this.memberships.update(trx, id, data.version ?? before.version, {
        organisation_id: data.organisationId,
        role: data.role,
        representative: data.representative ?? null,
        started_on: data.startedOn ?? null,
        ended_on: data.endedOn ?? null,
      });
      if (!updated)
        throw new ConflictError(
          'Someone else changed this membership while you were editing it. Reload the page and try again.',
        );
      const view = await this.memberships.get(trx, locality.id, id);
      if (!view) throw new NotFoundError('Membership');
      const fields = ['organisation_id', 'role', 'representative', 'started_on', 'ended_on'];
      const changes = diff(pick(before, fields), pick(updated, fields));
      await this.audit.record(trx, principal, {
        localityId: locality.id,
        action: 'update',
        entityType: 'membership',
        entityId: id,
        partnershipId: before.partnership_id,
        organisationId: updated.organisation_id,
        summary: `Changed ${view.organisation_name}’s membership: ${changes.map((c) => fieldLabel(c.field)).join(', ') || 'no changes'}`,
        before: pick(
          before,
          changes.map((c) => c.field),
        ),
        after: pick(
          updated,
          changes.map((c) => c.field),
        ),
      });
      return view;
    });
  }

  async endMembership(
    principal: Principal,
    gssCode: string,
    id: string,
    input: unknown,
    options?: WriteOptions,
  ): Promise<MembershipView> {
    const data = parseInput(endMembershipInput, input);
    return this.write(options, async (trx) => {
      const locality = await this.locality(gssCode, trx);
      const before = isUuid(id) ? await this.memberships.get(trx, locality.id, id) : undefined;
      if (!before) throw new NotFoundError('Membership');
      requirePartnershipEditor(principal, locality, before.partnership_id);
      if (before.ended_on) throw ValidationError.of('endedOn', 'This membership has already ended');
      if (before.started_on && data.endedOn < before.started_on)
        throw ValidationError.of('endedOn', 'The end date must be on or after the start date');
      const updated = await this.memberships.update(trx, id, data.version ?? before.version, {
        ended_on: data.endedOn,
      });
      if (!updated)
        throw new ConflictError('Someone else changed this membership in the meantime. Reload the page and try again.');
      await this.audit.record(trx, principal, {
        localityId: locality.id,
        action: 'end',
        entityType: 'membership',
        entityId: id,
        partnershipId: before.partnership_id,
        organisationId: before.organisation_id,
        summary: `Ended ${before.organisation_name}’s membership of ${before.partnership_name}`,
        before: { ended_on: null },
        after: { ended_on: data.endedOn },
      });
      return { ...before, ...updated };
    });
  }

  /** Checks a changed seat against the rules and returns its organisation. */
  private async checkMembershipRules(
    trx: Db,
    locality: Locality,
    partnershipId: string,
    data: SeatInput,
    id: string,
  ): Promise<OrganisationRow> {
    const organisation = await this.organisations.get(trx, locality.id, data.organisationId);
    const current = (await this.memberships.currentSeats(trx, partnershipId)).filter((m) => m.id !== id);
    const problems = membershipProblems(organisation, current, data);
    if (problems.length || !organisation) throw new ValidationError(problems);
    return organisation;
  }

  // --- history ----------------------------------------------------------------------------

  /** The audit trail holds before-and-after values of restricted fields, so it is for restricted readers. */
  async history(
    principal: Principal,
    gssCode: string,
    subject: { partnershipId?: string; organisationId?: string },
    page = 1,
  ) {
    const locality = await this.locality(gssCode);
    if (!canReadRestricted(principal, locality)) refuse(principal, locality, 'History');
    const exists = subject.partnershipId
      ? isUuid(subject.partnershipId) && (await this.partnerships.get(this.db, locality.id, subject.partnershipId))
      : subject.organisationId &&
        isUuid(subject.organisationId) &&
        (await this.organisations.get(this.db, locality.id, subject.organisationId));
    if (!exists) throw new NotFoundError(subject.partnershipId ? 'Partnership' : 'Organisation');
    return this.audit.history(this.db, subject, page);
  }

  /** What the register's filters offer: the forms' options without every partnership's name. */
  async filterOptions(gssCode: string) {
    const locality = await this.locality(gssCode);
    const [organisations, reference] = await Promise.all([
      this.organisations.options(this.db, locality.id),
      this.reference.snapshot(this.db),
    ]);
    return { locality, organisations, reference };
  }

  async formOptions(gssCode: string) {
    const locality = await this.locality(gssCode);
    const [organisations, partnerships, reference] = await Promise.all([
      this.organisations.options(this.db, locality.id),
      this.partnerships.options(this.db, locality.id),
      this.reference.snapshot(this.db),
    ]);
    return { locality, organisations, partnerships, reference };
  }
}

/** Partnership fields only restricted readers see; the rest are published. */
export const RESTRICTED_PARTNERSHIP_FIELDS = [
  'significance',
  'review_date',
  'lead_officer',
  'secretary_name',
  'service_area',
] as const;

/** A proposed partnership is a draft: only restricted readers see it. */
export const isPublished = (p: { status: string }): boolean => p.status !== 'proposed';

export function redactPartnership<T extends PartnershipRecord>(p: T): T {
  const copy = { ...p } as Record<string, unknown>;
  for (const field of RESTRICTED_PARTNERSHIP_FIELDS) copy[field] = null;
  return copy as T;
}

/** Representatives are named people: their names are restricted. */
export function redactMembership<T extends MembershipView>(m: T): T {
  return { ...m, representative: null };
}

export function hasSeparateLegalStatus(snapshot: ReferenceSnapshot, legalForm: string): boolean {
  return snapshot.find('legal-form', legalForm)?.attributes?.separateLegalStatus === true;
}

function unique(values: string[]): string[] {
  return [...new Set(values)].sort();
}

function pick(source: object, fields: string[]): Record<string, unknown> {
  const record = source as Record<string, unknown>;
  return Object.fromEntries(fields.map((f) => [f, record[f] ?? null]));
}

const FIELD_LABELS: Record<string, string> = {
  name: 'name',
  purpose: 'purpose',
  basis: 'basis',
  basis_detail: 'basis detail',
  statutory_type: 'statutory type',
  legal_form: 'legal form',
  accountable_body_id: 'accountable body',
  layer: 'layer',
  status: 'status',
  parent_id: 'parent partnership',
  lead_organisation_id: 'lead organisation',
  chair_name: 'chair',
  secretary_name: 'secretary',
  lead_officer: 'lead officer',
  service_area: 'service area',
  meetings_per_year: 'meetings a year',
  meeting_minutes: 'meeting length',
  typical_attendance: 'typical attendance',
  annual_budget_pence: 'annual budget',
  local_reference: 'local reference',
  significance: 'significance',
  established_on: 'date established',
  review_date: 'review date',
  terms_of_reference_url: 'terms of reference',
  themes: 'themes',
  areas: 'areas',
  reference: 'reference',
  sector: 'sector',
  org_type: 'organisation type',
  identifier: 'identifier',
  website: 'website',
  organisation_id: 'organisation',
  role: 'role',
  representative: 'representative',
  started_on: 'start date',
  ended_on: 'end date',
};

export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field.replace(/_/g, ' ');
}

/** The national bodies a list query asks for, from all of them in its order. */
function chooseBodies(rows: NationalBodyRow[], q: NationalBodyListQuery): NationalBodyRow[] {
  const text = q.q?.toLowerCase();
  return rows.filter(
    (b) =>
      b.localities >= q.minLocalities &&
      (!q.sector || b.sector === q.sector) &&
      (!text || b.name.toLowerCase().includes(text) || b.identifier.toLowerCase().includes(text)),
  );
}

/** Bodies come by name: a stable sort keeps that order among equal figures. */
function sortBodies(
  byName: NationalBodyRow[],
  sort: NationalBodyListQuery['sort'],
  order: NationalBodyListQuery['order'],
): NationalBodyRow[] {
  if (sort === 'name') return order === 'desc' ? [...byName].reverse() : byName;
  const value = (b: NationalBodyRow) =>
    sort === 'localities' ? b.localities : sort === 'seats' ? b.seats : b.meeting_hours;
  const direction = order === 'desc' ? -1 : 1;
  return [...byName].sort((a, b) => direction * (value(a) - value(b)));
}
