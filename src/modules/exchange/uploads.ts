import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { ExchangeMappingRow, ExchangeUploadRow } from './schema.js';

export interface UploadFile {
  name: string;
  content: Buffer;
}

/**
 * Files uploaded on the web, kept in the database until they are imported: the columns, values
 * and preview pages and the background jobs all read them from here, on any server.
 */
export class UploadRepository {
  async insert(db: Db, localityId: string, ownerId: string, files: UploadFile[], mapping: unknown) {
    const upload = await db
      .insertInto('exchange_uploads')
      .values({ locality_id: localityId, owner_id: ownerId, mapping: JSON.stringify(mapping) })
      .returningAll()
      .executeTakeFirstOrThrow();
    await this.replaceFiles(db, upload.id, files);
    return upload;
  }

  async replaceFiles(db: Db, uploadId: string, files: UploadFile[]): Promise<void> {
    await db.deleteFrom('exchange_upload_files').where('upload_id', '=', uploadId).execute();
    if (files.length)
      await db
        .insertInto('exchange_upload_files')
        .values(files.map((f, position) => ({ upload_id: uploadId, position, name: f.name, content: f.content })))
        .execute();
  }

  get(db: Db, localityId: string, id: string): Promise<ExchangeUploadRow | undefined> {
    return db
      .selectFrom('exchange_uploads')
      .selectAll()
      .where('locality_id', '=', localityId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  byId(db: Db, id: string): Promise<ExchangeUploadRow | undefined> {
    return db.selectFrom('exchange_uploads').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async files(db: Db, uploadId: string): Promise<UploadFile[]> {
    const rows = await db
      .selectFrom('exchange_upload_files')
      .select(['name', 'content'])
      .where('upload_id', '=', uploadId)
      .orderBy('position')
      .execute();
    return rows.map((r) => ({ name: r.name, content: Buffer.from(r.content) }));
  }

  async update(
    db: Db,
    id: string,
    changes: { mapping?: unknown; previewJobId?: string | null; importJobId?: string | null },
  ): Promise<void> {
    await db
      .updateTable('exchange_uploads')
      .set({
        ...(changes.mapping !== undefined ? { mapping: JSON.stringify(changes.mapping) } : {}),
        ...(changes.previewJobId !== undefined ? { preview_job_id: changes.previewJobId } : {}),
        ...(changes.importJobId !== undefined ? { import_job_id: changes.importJobId } : {}),
      })
      .where('id', '=', id)
      .execute();
  }

  mappings(db: Db, localityId: string): Promise<ExchangeMappingRow[]> {
    return db
      .selectFrom('exchange_mappings')
      .selectAll()
      .where('locality_id', '=', localityId)
      .orderBy(sql`lower(name)`)
      .execute();
  }

  mapping(db: Db, localityId: string, id: string): Promise<ExchangeMappingRow | undefined> {
    return db
      .selectFrom('exchange_mappings')
      .selectAll()
      .where('locality_id', '=', localityId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** Saves a mapping under a name, replacing the locality's mapping of that name. */
  async saveMapping(db: Db, localityId: string, name: string, mapping: unknown): Promise<ExchangeMappingRow> {
    const existing = await db
      .selectFrom('exchange_mappings')
      .select('id')
      .where('locality_id', '=', localityId)
      .where(sql`lower(name)`, '=', name.toLowerCase())
      .executeTakeFirst();
    if (existing)
      return db
        .updateTable('exchange_mappings')
        .set({ mapping: JSON.stringify(mapping), updated_at: sql`now()` })
        .where('id', '=', existing.id)
        .returningAll()
        .executeTakeFirstOrThrow();
    return db
      .insertInto('exchange_mappings')
      .values({ locality_id: localityId, name, mapping: JSON.stringify(mapping) })
      .returningAll()
      .executeTakeFirstOrThrow();
  }
}
