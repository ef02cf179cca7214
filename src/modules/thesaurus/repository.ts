import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { EditKind, ThesaurusEditRow } from './schema.js';

export class ThesaurusRepository {
  edits(db: Db): Promise<ThesaurusEditRow[]> {
    return db.selectFrom('thesaurus_edits').selectAll().orderBy('id').execute();
  }

  /** The newest edit's id (0 when there is none): the edition changes exactly when this does. */
  async lastEditId(db: Db): Promise<number> {
    const row = await db
      .selectFrom('thesaurus_edits')
      .select(sql<number | null>`max(id)`.as('last'))
      .executeTakeFirst();
    return Number(row?.last ?? 0);
  }

  insert(
    db: Db,
    edit: {
      kind: EditKind;
      conceptId: string;
      label?: string | null;
      field?: string | null;
      broader?: string[];
      madeBy: string;
      madeByName: string;
    },
  ): Promise<ThesaurusEditRow> {
    return db
      .insertInto('thesaurus_edits')
      .values({
        kind: edit.kind,
        concept_id: edit.conceptId,
        label: edit.label ?? null,
        field: edit.field ?? null,
        broader: JSON.stringify(edit.broader ?? []),
        made_by: edit.madeBy,
        made_by_name: edit.madeByName,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** The latest edits of one concept, newest first. */
  history(db: Db, conceptId: string, limit = 20): Promise<ThesaurusEditRow[]> {
    return db
      .selectFrom('thesaurus_edits')
      .selectAll()
      .where('concept_id', '=', conceptId)
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
  }
}
