import { giveWay } from '../../db/give-way.js';
import { distance } from 'fastest-levenshtein';
import { sql } from 'kysely';
import type { Principal } from '../../core/actor.js';
import { NotFoundError, ValidationError } from '../../core/errors.js';
import { type Db, refreshStatistics } from '../../db/database.js';
import type { Locality } from '../../db/tables.js';
import {
  canAdministerLocality,
  canManageReferenceData,
  canReadRestricted,
  refuse,
  requireLocalityAdmin,
} from '../accounts/policy.js';
import type { JobContext, JobService } from '../jobs/service.js';
import type { JobOutput } from '../jobs/schema.js';
import type { ReferenceService } from '../reference/service.js';
import type { ReferenceList } from '../reference/data.js';
import {
  LAYERS,
  ROLES,
  ROLE_LABELS,
  SECTORS,
  SECTOR_LABELS,
  SIGNIFICANCE,
  STATUSES,
  STATUS_LABELS,
} from '../register/schema.js';
import type { RegisterService } from '../register/service.js';
import { CODE_COLUMNS, COLUMNS, KINDS, type Kind, LIST_SEPARATOR, kindFromName } from './columns.js';
import { readCsv, readCsvSheet, writeCsv } from './csv.js';
import { type ImportProgress, RegisterImport } from './importer.js';
import {
  type ImportCounts,
  type ImportIssue,
  ImportRejected,
  type ImportSummary,
  type SourceTable,
  sortIssues,
} from './issues.js';
import {
  type CodeBook,
  type Mapping,
  REFERENCE_LIST_OF,
  applyMapping,
  parseMapping,
  resolveCode,
  suggestMapping,
} from './mapping.js';
import { suggestFixes } from './suggestions.js';
import { type RawSheet, toTable } from './table.js';
import { UploadRepository } from './uploads.js';
import {
  type CodeListEntry,
  type SheetData,
  looksLikeXlsx,
  readWorkbook,
  readWorkbookSheets,
  writeWorkbook,
} from './xlsx.js';

/** What an uploaded file holds: one kind of record as CSV, or a whole XLSX workbook. */
export type FileKind = Kind | 'workbook';

export interface ImportFile {
  /** The file's name, used in messages and, when `kind` is absent, to tell what it holds. */
  name: string;
  content: Buffer;
  kind?: FileKind;
}

export interface ImportOptions {
  /** Create the locality first, in the same transaction (command line). */
  createLocality?: { name: string; kind: string; region: string };
  onProgress?: ImportProgress;
  /** The files are in their own layout: this mapping says what they hold. */
  mapping?: Mapping;
  /** Do everything, then roll it all back: what the import would do, and every problem. */
  preview?: boolean;
}

export interface ImportResult {
  locality: Locality;
  /** Records created. */
  counts: ImportCounts;
  summary: ImportSummary;
}

/** The reference lists whose codes the columns use, named by their column. */
const CODE_LISTS: Array<[ReferenceList, string]> = [
  ['organisation-type', 'org_type'],
  ['theme', 'themes'],
  ['basis', 'basis'],
  ['statutory-type', 'statutory_type'],
  ['legal-form', 'legal_form'],
];

/** Codes fixed in the product (rules depend on them), by the column that takes them. */
const FIXED_CODES: Array<[string, Array<{ code: string; label: string }>]> = [
  ['sector', SECTORS.map((code) => ({ code, label: SECTOR_LABELS[code] }))],
  ['layer', LAYERS.map((code) => ({ code, label: code }))],
  ['status', STATUSES.map((code) => ({ code, label: STATUS_LABELS[code] }))],
  ['significance', SIGNIFICANCE.map((code) => ({ code, label: code }))],
  ['role', ROLES.map((code) => ({ code, label: ROLE_LABELS[code] }))],
];

/** Thrown inside a preview's transaction to roll back everything it did. */
class PreviewRollback extends Error {
  constructor(readonly result: ImportResult) {
    super('preview: rolled back');
  }
}

type ExportRow = Record<string, string | number | null>;

const resolveOrKeep = (column: string, value: string, book: CodeBook) => resolveCode(column, value, book) ?? value;

export const IMPORT_JOB = 'exchange.import';
const ROWS_BETWEEN_PAUSES = 10_000;
/**
 * New rows after which an import refreshes the planner's statistics: until then the planner
 * believes the tables as small as they were (see refreshStatistics).
 */
const REFRESH_STATISTICS_AFTER = 10_000;
export const PREVIEW_JOB = 'exchange.preview';
interface UploadJob {
  uploadId: string;
  gssCode: string;
  fileNames: string[];
}

/**
 * Import and export of a locality's register (CSV and XLSX): in the one layout of columns.ts,
 * or in a register's own layout through a mapping (mapping.ts). Imports are all or nothing
 * across every file of the set, preview first, update what is already there, and run as
 * background jobs on the web.
 */
export class ExchangeService {
  readonly uploads = new UploadRepository();

  constructor(
    readonly db: Db,
    readonly register: RegisterService,
    readonly reference: ReferenceService,
    readonly jobs: JobService,
  ) {
    const job = (preview: boolean) => ({
      title: (p: UploadJob) => `${preview ? 'Check' : 'Import'} ${p.fileNames.join(', ')} (${p.gssCode})`,
      // Everything an import writes is in one transaction: if the server stops mid-way, nothing
      // was kept, so it can simply run again.
      maxAttempts: 2,
      run: async ({ payload, principal, progress }: JobContext<UploadJob>) => {
        const { files, mapping } = await this.loadUpload(principal, payload.uploadId);
        const result = await this.importFiles(principal, payload.gssCode, files, {
          mapping,
          preview,
          onProgress: (done, total) => progress(done, total, preview ? 'checking rows' : 'importing rows'),
        });
        return { summary: result.summary };
      },
      failure: (error: unknown) =>
        error instanceof ImportRejected
          ? {
              error: `${error.issues.length} problem${error.issues.length === 1 ? '' : 's'} found: nothing was ${preview ? 'changed' : 'imported'}.`,
              result: { issues: error.issues.slice(0, 2000), totalIssues: error.issues.length },
            }
          : undefined,
      resultLink: (row: { payload: unknown; state: string }) => {
        const p = row.payload as UploadJob;
        const base = `/localities/${p.gssCode}`;
        return !preview && row.state === 'succeeded'
          ? `${base}/partnerships`
          : `${base}/exchange/uploads/${p.uploadId}/preview`;
      },
    });
    jobs.define<UploadJob>(PREVIEW_JOB, job(true));
    jobs.define<UploadJob>(IMPORT_JOB, job(false));
  }

  // --- reading files ----------------------------------------------------------------------

  /** The codes each coded column accepts, from the fixed lists and the reference lists as they are now. */
  async codeBook(db: Db = this.db): Promise<CodeBook> {
    const snapshot = await this.reference.snapshot(db);
    const book: CodeBook = new Map(FIXED_CODES);
    for (const [list, column] of CODE_LISTS)
      book.set(
        column,
        snapshot.items(list).map((i) => ({ code: i.code, label: i.label })),
      );
    return book;
  }

  /** Every file as read, whatever its layout: CSV files, and each sheet of a workbook. */
  async readSheets(files: ImportFile[]): Promise<{ sheets: RawSheet[]; issues: ImportIssue[] }> {
    const sheets: RawSheet[] = [];
    const issues: ImportIssue[] = [];
    for (const file of files) {
      const problem = (message: string) => issues.push({ sheet: file.name, line: 1, column: '', message });
      if (file.content.length === 0) {
        problem('The file is empty');
        continue;
      }
      if (looksLikeXlsx(file.content)) {
        const read = await readWorkbookSheets(file.content);
        issues.push(...read.issues.map((i) => ({ ...i, sheet: file.name })));
        sheets.push(...read.sheets);
      } else if (file.name.toLowerCase().endsWith('.xlsx'))
        problem('The file is named .xlsx but is not an XLSX workbook: save it again from your spreadsheet');
      else {
        const read = await readCsvSheet(file.name, file.content);
        issues.push(...read.issues);
        if (read.raw) sheets.push(read.raw);
      }
    }
    return { sheets, issues };
  }

  /** A first mapping for files in their own layout, to confirm or change (see mapping.ts). */
  async suggestMapping(files: ImportFile[], base?: Mapping): Promise<{ mapping: Mapping; sheets: RawSheet[] }> {
    const { sheets, issues } = await this.readSheets(files);
    if (issues.length) throw new ImportRejected(sortIssues(issues));
    return { mapping: suggestMapping(sheets, await this.codeBook(), distance, base), sheets };
  }

  /**
   * Reads files into tables in our layout; throws ImportRejected naming every problem found in
   * any of them. With a mapping the files may be in any layout; without, in ours.
   */
  async readFiles(files: ImportFile[], mapping?: Mapping, db: Db = this.db): Promise<SourceTable[]> {
    const book = await this.codeBook(db);
    const { tables, issues } = mapping ? await this.readMapped(files, mapping, book) : await this.readOwnLayout(files);
    for (const kind of KINDS) {
      const holding = tables.filter((t) => t.kind === kind);
      if (holding.length > 1)
        issues.push({
          sheet: holding[1]?.sheet ?? kind,
          line: 1,
          column: '',
          message: `Only one file or sheet of ${kind} can be imported at once; ${holding.map((t) => t.sheet).join(' and ')} both hold them`,
        });
    }
    if (issues.length)
      throw new ImportRejected(
        sortIssues(
          issues,
          files.map((f) => f.name),
        ),
      );
    // Codes may be written as their labels ("Accountable body") in any layout.
    let rowsRead = 0;
    for (const table of tables)
      for (const row of table.rows) {
        // A long file is a long loop: let other requests in now and then.
        if (++rowsRead % ROWS_BETWEEN_PAUSES === 0) await giveWay();
        for (const column of CODE_COLUMNS) {
          const value = row.cells[column];
          if (!value) continue;
          row.cells[column] = value
            .split(LIST_SEPARATOR)
            .map((v) => v.trim())
            .filter(Boolean)
            .map((v) => (column === 'status' && v.toLowerCase() === 'open' ? 'active' : v))
            .map((v) => resolveOrKeep(column, v, book))
            .join(LIST_SEPARATOR);
        }
      }
    return tables;
  }

  private async readMapped(files: ImportFile[], mapping: Mapping, book: CodeBook) {
    const read = await this.readSheets(files);
    const mapped = await applyMapping(read.sheets, mapping, book);
    const issues = [...read.issues, ...mapped.issues];
    const tables: SourceTable[] = [];
    for (const sheet of mapped.sheets) {
      const result = toTable(sheet.kind, sheet.name, sheet.header, sheet.records);
      issues.push(...result.issues.map((i) => ({ ...i, column: sheet.sourceColumns[i.column] ?? i.column })));
      if (result.table) tables.push({ ...result.table, sourceColumns: sheet.sourceColumns });
    }
    return { tables, issues };
  }

  private async readOwnLayout(files: ImportFile[]) {
    const tables: SourceTable[] = [];
    const issues: ImportIssue[] = [];
    for (const file of files) {
      const result = await this.readFile(file);
      issues.push(...result.issues);
      tables.push(...result.tables);
    }
    return { tables, issues };
  }

  private async readFile(file: ImportFile): Promise<{ tables: SourceTable[]; issues: ImportIssue[] }> {
    const kind = file.kind ?? (file.name.toLowerCase().endsWith('.xlsx') ? 'workbook' : kindFromName(file.name));
    const problem = (message: string) => ({ tables: [], issues: [{ sheet: file.name, line: 1, column: '', message }] });
    if (file.content.length === 0) return problem('The file is empty');
    if (kind === 'workbook')
      return looksLikeXlsx(file.content)
        ? readWorkbook(file.content)
        : problem('The file is not an XLSX workbook: choose the kind of CSV file it holds instead');
    if (!kind)
      return problem(
        `Cannot tell what the file holds: name it after its kind (${KINDS.map((k) => `${k}.csv`).join(', ')}), use an .xlsx workbook, or import it with a mapping`,
      );
    if (looksLikeXlsx(file.content)) return problem('The file is an XLSX workbook, not CSV: import it as a workbook');
    const result = await readCsv(kind, file.name, file.content);
    return { tables: result.table ? [result.table] : [], issues: result.issues };
  }

  /**
   * Imports files into a locality, all or nothing: one transaction for the whole set (every
   * file and sheet, and any reference items the mapping adds), every row through the register
   * service, and on any problem a rollback and ImportRejected listing all of them, each with the
   * value and a suggested fix where one can be guessed. As a preview, the same, always rolled back.
   */
  async importFiles(
    principal: Principal,
    gssCode: string,
    files: ImportFile[],
    options: ImportOptions = {},
  ): Promise<ImportResult> {
    if (!options.createLocality) requireLocalityAdmin(principal, await this.register.locality(gssCode), 'Locality');
    return this.importTables(principal, gssCode, await this.readFiles(files, options.mapping), options);
  }

  /** Imports are the locality administrator's: the whole import is refused before any row is read otherwise. */
  async importTables(
    principal: Principal,
    gssCode: string,
    tables: SourceTable[],
    options: ImportOptions = {},
  ): Promise<ImportResult> {
    try {
      const result = await this.db.transaction().execute(async (trx) => {
        const locality = options.createLocality
          ? await this.register.createLocality(principal, { gssCode, ...options.createLocality }, { trx })
          : await this.register.locality(gssCode, trx);
        requireLocalityAdmin(principal, locality, 'Locality');
        if (options.mapping) await this.addNewItems(trx, principal, options.mapping);
        const summary = await new RegisterImport(trx, this.register, locality, principal, options.onProgress).run(
          tables,
        );
        const result = { locality, counts: summary.created, summary };
        if (options.preview) throw new PreviewRollback(result);
        return result;
      });
      const { organisations, partnerships, memberships } = result.counts;
      if (organisations + partnerships + memberships >= REFRESH_STATISTICS_AFTER) await refreshStatistics(this.db);
      return result;
    } catch (error) {
      if (error instanceof PreviewRollback) return error.result;
      if (error instanceof ImportRejected) {
        const book = await this.codeBook();
        throw new ImportRejected(suggestFixes(error.issues, tables, book, distance));
      }
      throw error;
    }
  }

  /** Reference items the mapping adds ("add as a new item"), in the import's own transaction. */
  private async addNewItems(trx: Db, principal: Principal, mapping: Mapping): Promise<void> {
    const snapshot = await this.reference.snapshot(trx);
    for (const [column, items] of Object.entries(mapping.newItems)) {
      const list = REFERENCE_LIST_OF[column];
      for (const [value, item] of Object.entries(items)) {
        if (!list || snapshot.has(list, item.code)) continue;
        if (!canManageReferenceData(principal))
          throw new ImportRejected([
            {
              sheet: 'mapping',
              line: 1,
              column,
              value,
              message: `Only a system administrator can add “${item.label}” to the ${list} list`,
              suggestion: 'Map the value to an existing code, or ask a system administrator to add the item first',
            },
          ]);
        await this.reference.add(principal, list, { code: item.code, label: item.label }, { trx });
      }
    }
  }

  // --- uploads on the web ------------------------------------------------------------------

  /**
   * Keeps uploaded files for the mapping, preview and import steps, with a first mapping: the
   * saved mapping chosen (its columns and values, for files like last year's), or one suggested
   * from the files' headings and values. Unreadable files are refused here, before anything is kept.
   */
  async startUpload(principal: Principal, gssCode: string, files: ImportFile[], savedMappingId?: string) {
    const locality = await this.register.locality(gssCode);
    requireLocalityAdmin(principal, locality, 'Locality');
    const saved = savedMappingId ? await this.uploads.mapping(this.db, locality.id, savedMappingId) : undefined;
    if (savedMappingId && !saved) throw ValidationError.of('mapping', 'Choose one of the saved mappings');
    const base = saved ? parseMapping(saved.mapping) : undefined;
    const { mapping } = await this.suggestMapping(files, base);
    return this.uploads.insert(this.db, locality.id, principal.id, files, mapping);
  }

  /** An upload with its files read as they are, and its mapping, for its pages. */
  async upload(principal: Principal, gssCode: string, id: string) {
    const locality = await this.register.locality(gssCode);
    requireLocalityAdmin(principal, locality, 'Locality');
    const upload = /^[0-9a-f-]{36}$/i.test(id) ? await this.uploads.get(this.db, locality.id, id) : undefined;
    if (!upload) throw new NotFoundError('Upload');
    const files = await this.uploads.files(this.db, upload.id);
    const { sheets } = await this.readSheets(files);
    const mapping = upload.mapping === null ? (await this.suggestMapping(files)).mapping : parseMapping(upload.mapping);
    return { locality, upload, files, sheets, mapping, book: await this.codeBook() };
  }

  /**
   * Files in our own layout imported in the background, all or nothing, exactly as a direct
   * import would read them (no mapping): the API's asynchronous import.
   */
  async startLayoutImport(principal: Principal, gssCode: string, files: ImportFile[]): Promise<JobOutput> {
    const locality = await this.register.locality(gssCode);
    requireLocalityAdmin(principal, locality, 'Locality');
    const upload = await this.uploads.insert(this.db, locality.id, principal.id, files, null);
    const job = await this.startJob(principal, gssCode, upload.id, IMPORT_JOB);
    return this.jobs.get(principal, job.id);
  }

  /** The files and mapping of an upload, for its background job (which checks the locality again). */
  private async loadUpload(principal: Principal, id: string): Promise<{ files: ImportFile[]; mapping?: Mapping }> {
    const upload = await this.uploads.byId(this.db, id);
    if (!upload) throw new NotFoundError('Upload');
    const locality = (await this.register.listLocalities()).find((l) => l.id === upload.locality_id);
    if (!locality) throw new NotFoundError('Locality');
    requireLocalityAdmin(principal, locality, 'Locality');
    const files = await this.uploads.files(this.db, id);
    // An upload without a mapping holds files in our own layout.
    return { files, mapping: upload.mapping === null ? undefined : parseMapping(upload.mapping) };
  }

  /** Changes an upload's mapping (checked: every column, unit and code list must exist). */
  async setMapping(principal: Principal, gssCode: string, id: string, mapping: unknown): Promise<Mapping> {
    const { upload } = await this.upload(principal, gssCode, id);
    const checked = parseMapping(mapping);
    await this.uploads.update(this.db, upload.id, { mapping: checked });
    return checked;
  }

  /** Replaces an upload's files with corrected ones, keeping its mapping for the columns they share. */
  async replaceUploadFiles(principal: Principal, gssCode: string, id: string, files: ImportFile[]) {
    const { upload, mapping } = await this.upload(principal, gssCode, id);
    const suggested = await this.suggestMapping(files, mapping);
    await this.uploads.replaceFiles(this.db, upload.id, files);
    await this.uploads.update(this.db, upload.id, { mapping: suggested.mapping, previewJobId: null });
  }

  /** Checks the whole set in the background: what it would create and change, and every problem. */
  async startPreview(principal: Principal, gssCode: string, id: string) {
    return this.startJob(principal, gssCode, id, PREVIEW_JOB);
  }

  /** Imports the whole set in the background, all or nothing. */
  async startImport(principal: Principal, gssCode: string, id: string) {
    return this.startJob(principal, gssCode, id, IMPORT_JOB);
  }

  private async startJob(principal: Principal, gssCode: string, id: string, kind: string) {
    const { locality, upload, files } = await this.upload(principal, gssCode, id);
    const job = await this.jobs.enqueue<UploadJob>(
      principal,
      kind,
      { uploadId: upload.id, gssCode: locality.gss_code, fileNames: files.map((f) => f.name) },
      { localityId: locality.id },
    );
    await this.uploads.update(
      this.db,
      upload.id,
      kind === PREVIEW_JOB ? { previewJobId: job.id } : { importJobId: job.id },
    );
    return job;
  }

  // --- saved mappings ---------------------------------------------------------------------

  async savedMappings(principal: Principal, gssCode: string) {
    const locality = await this.register.locality(gssCode);
    requireLocalityAdmin(principal, locality, 'Locality');
    return this.uploads.mappings(this.db, locality.id);
  }

  async savedMapping(principal: Principal, gssCode: string, id: string): Promise<Mapping> {
    const locality = await this.register.locality(gssCode);
    requireLocalityAdmin(principal, locality, 'Locality');
    const row = /^[0-9a-f-]{36}$/i.test(id) ? await this.uploads.mapping(this.db, locality.id, id) : undefined;
    if (!row) throw new NotFoundError('Mapping');
    return parseMapping(row.mapping);
  }

  /** Saves a mapping under a name for next year's file (and for `joinedup import --mapping`, as a download). */
  async saveMapping(principal: Principal, gssCode: string, name: string, mapping: unknown) {
    const locality = await this.register.locality(gssCode);
    requireLocalityAdmin(principal, locality, 'Locality');
    const title = name.trim();
    if (!title) throw ValidationError.of('name', 'Enter a name for the mapping, such as “Council register 2025”');
    if (title.length > 200) throw ValidationError.of('name', 'The name must be 200 characters or fewer');
    return this.uploads.saveMapping(this.db, locality.id, title, { ...parseMapping(mapping), name: title });
  }

  // --- export -----------------------------------------------------------------------------

  /** Every organisation, partnership (all statuses) and membership (ended ones too) of a locality, as rows. */
  async exportSheets(principal: Principal, gssCode: string): Promise<{ locality: Locality; sheets: SheetData[] }> {
    // One snapshot, so the three sheets agree with each other.
    return this.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => {
        const locality = await this.register.locality(gssCode, trx);
        // The export holds everything, restricted fields and proposals included.
        if (!canReadRestricted(principal, locality)) refuse(principal, locality, 'Locality');
        const [organisations, partnerships, memberships] = await Promise.all([
          this.register.organisations.allForLocality(trx, locality.id),
          this.register.partnerships.allForLocality(trx, locality.id),
          this.register.memberships.allForLocality(trx, locality.id),
        ]);
        const organisationKey = new Map(organisations.map((o) => [o.id, o.identifier ?? o.name]));
        const referenceOf = new Map(partnerships.map((p) => [p.id, p.reference]));
        const keyOf = (id: string | null) => (id ? (organisationKey.get(id) ?? null) : null);
        const sheets: SheetData[] = [
          {
            kind: 'organisations',
            rows: organisations.map((o) => ({
              identifier: o.identifier,
              local_reference: o.local_reference,
              name: o.name,
              sector: o.sector,
              org_type: o.org_type,
              website: o.website,
              status: o.status,
              closed_on: o.closed_on,
              close_reason: o.close_reason,
            })),
          },
          {
            kind: 'partnerships',
            rows: partnerships.map((p) => ({
              reference: p.reference,
              name: p.name,
              purpose: p.purpose,
              themes: p.themes.join(LIST_SEPARATOR),
              basis: p.basis,
              basis_detail: p.basis_detail,
              statutory_type: p.statutory_type,
              legal_form: p.legal_form,
              accountable_body: keyOf(p.accountable_body_id),
              layer: p.layer,
              status: p.status,
              parent_reference: p.parent_id ? (referenceOf.get(p.parent_id) ?? null) : null,
              lead_organisation: keyOf(p.lead_organisation_id),
              chair: p.chair_name,
              secretary: p.secretary_name,
              lead_officer: p.lead_officer,
              service_area: p.service_area,
              areas: p.areas.join(LIST_SEPARATOR),
              meetings_per_year: p.meetings_per_year,
              meeting_minutes: p.meeting_minutes,
              annual_budget: p.annual_budget_pence === null ? null : penceToPounds(p.annual_budget_pence),
              typical_attendance: p.typical_attendance,
              significance: p.significance,
              established_on: p.established_on,
              review_date: p.review_date,
              terms_of_reference_url: p.terms_of_reference_url,
              closed_on: p.closed_on,
              close_reason: p.close_reason,
            })),
          },
          {
            kind: 'memberships',
            rows: memberships.map((m) => ({
              partnership_reference: m.partnership_reference,
              organisation: keyOf(m.organisation_id),
              role: m.role,
              representative: m.representative,
              started_on: m.started_on,
              ended_on: m.ended_on,
            })),
          },
        ];
        return { locality, sheets };
      });
  }

  async exportCsv(principal: Principal, gssCode: string, kind: Kind): Promise<{ locality: Locality; csv: string }> {
    const { locality, sheets } = await this.exportSheets(principal, gssCode);
    return { locality, csv: writeCsv(kind, sheets.find((s) => s.kind === kind)?.rows ?? []) };
  }

  async exportWorkbook(principal: Principal, gssCode: string): Promise<{ locality: Locality; xlsx: Buffer }> {
    const { locality, sheets } = await this.exportSheets(principal, gssCode);
    const intro = `The register of ${locality.name} (${locality.gss_code}), exported from Joined Up on ${new Date().toISOString().slice(0, 10)}. It can be imported into an empty locality as it is.`;
    return { locality, xlsx: await writeWorkbook(sheets, await this.codeLists(), intro) };
  }

  // --- templates and layout ---------------------------------------------------------------

  /** The headings and one example row, which imports cleanly into an empty locality. */
  templateCsv(kind: Kind): string {
    return writeCsv(kind, [exampleRow(kind)]);
  }

  async templateWorkbook(): Promise<Buffer> {
    const sheets = KINDS.map((kind) => ({ kind, rows: [exampleRow(kind)] }));
    return writeWorkbook(
      sheets,
      await this.codeLists(),
      'Joined Up import template: replace the example rows with your register, then import the workbook.',
    );
  }

  /** The codes the code columns accept, from the reference lists as they are now. */
  async codeLists(): Promise<CodeListEntry[]> {
    const snapshot = await this.reference.snapshot();
    return CODE_LISTS.flatMap(([list, column]) =>
      snapshot.items(list).map((item) => ({ list: column, code: item.code, label: item.label })),
    );
  }

  /** What the exchange page offers this principal, and how many records the export would hold. */
  async overview(
    principal: Principal,
    gssCode: string,
  ): Promise<{ locality: Locality; canImport: boolean; canExport: boolean; counts?: ImportCounts }> {
    const locality = await this.register.locality(gssCode);
    const canExport = canReadRestricted(principal, locality);
    return {
      locality,
      canImport: canAdministerLocality(principal, locality),
      canExport,
      counts: canExport ? await this.counts(locality.id) : undefined,
    };
  }

  private async counts(localityId: string): Promise<ImportCounts> {
    const count = (table: 'organisations' | 'partnerships' | 'memberships') =>
      this.db
        .selectFrom(table)
        .select(sql<number>`count(*)`.as('n'))
        .where('locality_id', '=', localityId)
        .executeTakeFirstOrThrow()
        .then((r) => Number(r.n));
    const [organisations, partnerships, memberships] = await Promise.all([
      count('organisations'),
      count('partnerships'),
      count('memberships'),
    ]);
    return { organisations, partnerships, memberships };
  }
}

/** 1200050 pence as "12000.50"; whole pounds without pence. */
function penceToPounds(pence: number): string {
  return pence % 100 === 0 ? String(pence / 100) : (pence / 100).toFixed(2);
}

function exampleRow(kind: Kind): ExportRow {
  return Object.fromEntries(COLUMNS[kind].map((c) => [c.name, c.example]));
}
