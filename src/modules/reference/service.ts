import type { Principal } from '../../core/actor.js';
import { NotFoundError, ValidationError } from '../../core/errors.js';
import { parseInput } from '../../core/validation.js';
import type { Db } from '../../db/database.js';
import { TransactionCache } from '../../db/transaction-cache.js';
import { KeptUntilChange, type RegisterChanges } from '../../db/changes.js';
import type { ReferenceItem } from '../../db/tables.js';
import { canManageReferenceData, refuse } from '../accounts/policy.js';
import type { AuditService } from '../audit/service.js';
import { REFERENCE_LIST_NAMES, type ReferenceList, SEED_REFERENCE } from './data.js';
import { ReferenceRepository } from './repository.js';
import { referenceItemInput, referenceItemUpdate, referenceListName } from './schema.js';

/** Every reference list at one moment, for validating a write and for filling a form. */
export class ReferenceSnapshot {
  constructor(private readonly byList: Map<string, ReferenceItem[]>) {}

  items(list: ReferenceList, includeInactive = false): ReferenceItem[] {
    const items = this.byList.get(list) ?? [];
    return includeInactive ? items : items.filter((i) => i.active);
  }

  has(list: ReferenceList, code: string): boolean {
    return this.items(list).some((i) => i.code === code);
  }

  find(list: ReferenceList, code: string | null | undefined): ReferenceItem | undefined {
    return code ? this.items(list, true).find((i) => i.code === code) : undefined;
  }

  label(list: ReferenceList, code: string | null | undefined): string {
    return this.find(list, code)?.label ?? code ?? '';
  }
}

export class ReferenceService {
  private readonly snapshots = new TransactionCache<'all', ReferenceSnapshot>();
  /** Outside a transaction, the lists kept until they change (db/changes.ts): most pages show them. */
  private readonly kept: KeptUntilChange<'all', ReferenceSnapshot>;

  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly repository = new ReferenceRepository(),
    changes?: RegisterChanges,
  ) {
    this.kept = new KeptUntilChange(changes);
  }

  /** Adds any seed entry that is missing; never overwrites an administrator's edits. */
  async ensureSeeded(db: Db = this.db): Promise<number> {
    let added = 0;
    for (const list of REFERENCE_LIST_NAMES)
      added += await this.repository.insertMissing(db, list, SEED_REFERENCE[list]);
    return added;
  }

  snapshot(db: Db = this.db): Promise<ReferenceSnapshot> {
    if (db === this.db) return this.kept.get('all', () => this.read(db));
    return this.snapshots.get(db, 'all', () => this.read(db));
  }

  private async read(db: Db): Promise<ReferenceSnapshot> {
    const byList = new Map<string, ReferenceItem[]>();
    for (const item of await this.repository.all(db)) {
      const items = byList.get(item.list) ?? [];
      items.push(item);
      byList.set(item.list, items);
    }
    return new ReferenceSnapshot(byList);
  }

  list(list: string, includeInactive = false): Promise<ReferenceItem[]> {
    return this.repository.list(this.db, parseInput(referenceListName, list), includeInactive);
  }

  async get(list: string, code: string): Promise<ReferenceItem> {
    const item = await this.repository.find(this.db, parseInput(referenceListName, list), code);
    if (!item) throw new NotFoundError('Reference item');
    return item;
  }

  /** Adds an item; inside `options.trx` when the caller's work (an import) must commit or fail with it. */
  async add(actor: Principal, list: string, input: unknown, options: { trx?: Db } = {}): Promise<ReferenceItem> {
    if (!canManageReferenceData(actor)) refuse(actor, undefined, 'Reference item');
    const listName = parseInput(referenceListName, list);
    const data = parseInput(referenceItemInput, input);
    const write = <T>(work: (trx: Db) => Promise<T>) =>
      options.trx ? work(options.trx) : this.db.transaction().execute(work);
    return write(async (trx) => {
      if (await this.repository.find(trx, listName, data.code)) {
        throw ValidationError.of('code', `The code ${data.code} is already used in this list`);
      }
      const existing = await this.repository.list(trx, listName, true);
      const sortOrder = data.sortOrder ?? Math.max(0, ...existing.map((i) => i.sort_order)) + 10;
      const item = await this.repository.insert(trx, {
        list: listName,
        code: data.code,
        label: data.label,
        detail: data.detail ?? null,
        sortOrder,
      });
      await this.audit.record(trx, actor, {
        localityId: null,
        action: 'create',
        entityType: 'reference-item',
        entityId: item.id,
        summary: `Added ${item.label} to ${listName}`,
        after: item,
      });
      this.snapshots.forget(trx, 'all');
      return item;
    });
  }

  async update(actor: Principal, list: string, code: string, input: unknown): Promise<ReferenceItem> {
    if (!canManageReferenceData(actor)) refuse(actor, undefined, 'Reference item');
    const listName = parseInput(referenceListName, list);
    const data = parseInput(referenceItemUpdate, input);
    return this.db.transaction().execute(async (trx) => {
      const before = await this.repository.find(trx, listName, code);
      if (!before) throw new NotFoundError('Reference item');
      const item = await this.repository.update(trx, before.id, {
        label: data.label,
        detail: data.detail ?? null,
        sort_order: data.sortOrder ?? before.sort_order,
        active: data.active ?? before.active,
      });
      const retiring = before.active && !item.active;
      const uses = retiring ? await this.repository.usageCount(trx, listName, code) : 0;
      await this.audit.record(trx, actor, {
        localityId: null,
        action: 'update',
        entityType: 'reference-item',
        entityId: item.id,
        summary: retiring
          ? `Retired ${item.label} from ${listName} (still used by ${uses} records, which keep it)`
          : `Changed ${item.label} in ${listName}`,
        before,
        after: item,
      });
      return item;
    });
  }

  usageCount(list: ReferenceList, code: string): Promise<number> {
    return this.repository.usageCount(this.db, list, code);
  }
}
