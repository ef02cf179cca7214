import { sql } from 'kysely';
import type { Principal } from '../../core/actor.js';
import type { Db } from '../../db/database.js';
import type { Locality } from '../../db/tables.js';
import { canAdministerLocality, canReadRestricted, refuse, requireLocalityAdmin } from '../accounts/policy.js';
import type { ReferenceService } from '../reference/service.js';
import type { ReferenceList } from '../reference/data.js';
import type { RegisterService } from '../register/service.js';
import { COLUMNS, KINDS, type Kind, LIST_SEPARATOR, kindFromName } from './columns.js';
import { readCsv, writeCsv } from './csv.js';
import { type ImportProgress, RegisterImport } from './importer.js';
import { type ImportCounts, type ImportIssue, ImportRejected, type SourceTable, sortIssues } from './issues.js';
import { type CodeListEntry, type SheetData, looksLikeXlsx, readWorkbook, writeWorkbook } from './xlsx.js';

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
}

export interface ImportResult {
  locality: Locality;
  counts: ImportCounts;
}

/** The reference lists whose codes the columns use, named by their column. */
const CODE_LISTS: Array<[ReferenceList, string]> = [
  ['organisation-type', 'org_type'],
  ['theme', 'themes'],
  ['basis', 'basis'],
  ['statutory-type', 'statutory_type'],
  ['legal-form', 'legal_form'],
];

type ExportRow = Record<string, string | number | null>;

/** Import and export of a locality's register (CSV and XLSX), in the one layout of columns.ts. */
export class ExchangeService {
  constructor(
    readonly db: Db,
    readonly register: RegisterService,
    readonly reference: ReferenceService,
  ) {}

  // --- import -----------------------------------------------------------------------------

  /** Reads files into tables; throws ImportRejected naming every problem found in any of them. */
  async readFiles(files: ImportFile[]): Promise<SourceTable[]> {
    const tables: SourceTable[] = [];
    const issues: ImportIssue[] = [];
    for (const file of files) {
      const result = await this.readFile(file);
      issues.push(...result.issues);
      tables.push(...result.tables);
    }
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
    return tables;
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
        `Cannot tell what the file holds: name it after its kind (${KINDS.map((k) => `${k}.csv`).join(', ')}) or use an .xlsx workbook`,
      );
    if (looksLikeXlsx(file.content)) return problem('The file is an XLSX workbook, not CSV: import it as a workbook');
    const result = readCsv(kind, file.name, file.content);
    return { tables: result.table ? [result.table] : [], issues: result.issues };
  }

  /**
   * Imports files into a locality, all or nothing: one transaction, every row through the
   * register service, and on any problem a rollback and ImportRejected listing all of them.
   */
  async importFiles(
    principal: Principal,
    gssCode: string,
    files: ImportFile[],
    options: ImportOptions = {},
  ): Promise<ImportResult> {
    if (!options.createLocality) requireLocalityAdmin(principal, await this.register.locality(gssCode), 'Locality');
    return this.importTables(principal, gssCode, await this.readFiles(files), options);
  }

  /** Imports are the locality administrator's: the whole import is refused before any row is read otherwise. */
  async importTables(
    principal: Principal,
    gssCode: string,
    tables: SourceTable[],
    options: ImportOptions = {},
  ): Promise<ImportResult> {
    return this.db.transaction().execute(async (trx) => {
      const locality = options.createLocality
        ? await this.register.createLocality(principal, { gssCode, ...options.createLocality }, { trx })
        : await this.register.locality(gssCode, trx);
      requireLocalityAdmin(principal, locality, 'Locality');
      const counts = await new RegisterImport(trx, this.register, locality, principal, options.onProgress).run(tables);
      return { locality, counts };
    });
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

function exampleRow(kind: Kind): ExportRow {
  return Object.fromEntries(COLUMNS[kind].map((c) => [c.name, c.example]));
}
