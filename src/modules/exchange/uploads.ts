import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { giveWay } from '../../db/give-way.js';
import type { ExchangeMappingRow, ExchangeUploadRow } from './schema.js';

/**
 * How much of a file goes to or from the database in one statement. On PGlite a statement runs on
 * the server's one thread: a 5 MB file written or read whole held every other request for half a
 * second or more.
 */
const FILE_PART_BYTES = 512 * 1024;

function partsOf(content: Buffer): Buffer[] {
  const parts: Buffer[] = [];
  for (let start = 0; start < content.length; start += FILE_PART_BYTES)
    parts.push(content.subarray(start, start + FILE_PART_BYTES));
  return parts;
}

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

  /** A file goes in a part at a time (FILE_PART_BYTES). */
  async replaceFiles(db: Db, uploadId: string, files: UploadFile[]): Promise<void> {
    await db.deleteFrom('exchange_upload_files').where('upload_id', '=', uploadId).execute();
    for (const [position, file] of files.entries()) {
      const parts = partsOf(file.content);
      await db
        .insertInto('exchange_upload_files')
        .values({ upload_id: uploadId, position, name: file.name, content: parts[0] ?? Buffer.alloc(0) })
        .execute();
      for (const part of parts.slice(1)) {
        await giveWay();
        await db
          .updateTable('exchange_upload_files')
          .set({ content: sql<Buffer>`content || ${part}` })
          .where('upload_id', '=', uploadId)
          .where('position', '=', position)
          .execute();
      }
    }
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

  /** The files, each read a part at a time (FILE_PART_BYTES). */
  async files(db: Db, uploadId: string): Promise<UploadFile[]> {
    const rows = await db
      .selectFrom('exchange_upload_files')
      .select(['position', 'name', sql<number>`octet_length(content)`.as('bytes')])
      .where('upload_id', '=', uploadId)
      .orderBy('position')
      .execute();
    const files: UploadFile[] = [];
    for (const row of rows) {
      const parts: Buffer[] = [];
      for (let start = 0; start < Number(row.bytes); start += FILE_PART_BYTES) {
        if (start > 0) await giveWay();
        const read = await db
          .selectFrom('exchange_upload_files')
          .select(sql<Buffer>`substring(content from ${start + 1} for ${FILE_PART_BYTES})`.as('part'))
          .where('upload_id', '=', uploadId)
          .where('position', '=', row.position)
          .executeTakeFirstOrThrow();
        parts.push(Buffer.from(read.part));
      }
      files.push({ name: row.name, content: Buffer.concat(parts) });
    }
    return files;
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
