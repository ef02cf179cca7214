import type { Db } from '../../db/database.js';
import type { ReferenceItem } from '../../db/tables.js';
import type { SeedItem } from './data.js';

export class ReferenceRepository {
  list(db: Db, list: string, includeInactive: boolean): Promise<ReferenceItem[]> {
    let query = db.selectFrom('reference_items').selectAll().where('list', '=', list);
    if (!includeInactive) query = query.where('active', '=', true);
    return query.orderBy('sort_order').orderBy('label').execute();
  }

  all(db: Db): Promise<ReferenceItem[]> {
    return db
      .selectFrom('reference_items')
      .selectAll()
      .orderBy('list')
      .orderBy('sort_order')
      .orderBy('label')
      .execute();
  }

  find(db: Db, list: string, code: string): Promise<ReferenceItem | undefined> {
    return db
      .selectFrom('reference_items')
      .selectAll()
      .where('list', '=', list)
      .where('code', '=', code)
      .executeTakeFirst();
  }

  async insertMissing(db: Db, list: string, items: SeedItem[]): Promise<number> {
    if (items.length === 0) return 0;
    const result = await db
      .insertInto('reference_items')
      .values(
        items.map((item, index) => ({
          list,
          code: item.code,
          label: item.label,
          detail: item.detail ?? null,
          sort_order: (index + 1) * 10,
          attributes: JSON.stringify(item.attributes ?? {}),
        })),
      )
      .onConflict((oc) => oc.columns(['list', 'code']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0);
  }

  insert(
    db: Db,
    item: { list: string; code: string; label: string; detail: string | null; sortOrder: number },
  ): Promise<ReferenceItem> {
    return db
      .insertInto('reference_items')
      .values({ list: item.list, code: item.code, label: item.label, detail: item.detail, sort_order: item.sortOrder })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  update(
    db: Db,
    id: string,
    changes: { label: string; detail: string | null; sort_order: number; active: boolean },
  ): Promise<ReferenceItem> {
    return db.updateTable('reference_items').set(changes).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  }

  async usageCount(db: Db, list: string, code: string): Promise<number> {
    const count = (q: { n: number | string } | undefined) => Number(q?.n ?? 0);
    switch (list) {
      case 'theme':
        return count(
          await db
            .selectFrom('partnership_themes')
            .where('theme', '=', code)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirst(),
        );
      case 'basis':
      case 'legal-form':
      case 'statutory-type': {
        const column = list === 'basis' ? 'basis' : list === 'legal-form' ? 'legal_form' : 'statutory_type';
        return count(
          await db
            .selectFrom('partnerships')
            .where(column, '=', code)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirst(),
        );
      }
      case 'organisation-type':
        return count(
          await db
            .selectFrom('organisations')
            .where('org_type', '=', code)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirst(),
        );
      case 'fund':
        return count(
          await db
            .selectFrom('funding_streams')
            .where('fund_code', '=', code)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirst(),
        );
      case 'legal-basis':
        return count(
          await db
            .selectFrom('pooled_budgets')
            .where('legal_basis', '=', code)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirst(),
        );
      default:
        return 0;
    }
  }
}
