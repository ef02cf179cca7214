import { distance } from 'fastest-levenshtein';
import { MAX_UPLOAD_MB } from '../../web/forms.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type FieldError, ValidationError } from '../../core/errors.js';
import { canManageReferenceData } from '../accounts/policy.js';
import { COLUMNS, KINDS, KIND_LABELS } from './columns.js';
import { type ImportIssue, ImportRejected, type ImportSummary } from './issues.js';
import {
  type CodeBook,
  type Mapping,
  REFERENCE_LIST_OF,
  UNITS,
  UNIT_LABELS,
  type UnitColumn,
  distinctCodedValues,
  findSheetMapping,
  isUnitColumn,
  resolveCode,
  slug,
  suggestCode,
  valueHints,
} from './mapping.js';
import { type ExchangeService, IMPORT_JOB } from './service.js';
import type { RawSheet } from './table.js';

export { MAX_UPLOAD_MB };
const MAX_FILES = 10;
const NEW_ITEM = '__new__';
const DEFAULT_FIELDS = ['statutory_type', 'basis_detail', 'purpose'] as const;

type Params = { code: string; id: string };
const codeOf = (request: FastifyRequest) => (request.params as Params).code.toUpperCase();
const idOf = (request: FastifyRequest) => (request.params as Params).id;
const uploadBase = (request: FastifyRequest) => `/localities/${codeOf(request)}/exchange/uploads`;

export interface RefusedUpload {
  errors: FieldError[];
  issues?: ImportIssue[];
  fileName?: string;
  values?: Record<string, unknown>;
}

/**
 * Bringing a register in on the web, a step at a time: upload the files (any layout, several
 * at once) → match their columns to ours → match their values to our codes → check (a
 * background job that does the whole import and rolls it back) → fix what it found → import
 * (a background job, all or nothing) → the register. The refused-upload page is the exchange
 * page, which the caller renders.
 */
export function uploadRoutes(
  app: FastifyInstance,
  exchange: ExchangeService,
  renderRefused: (request: FastifyRequest, reply: FastifyReply, refused: RefusedUpload) => Promise<unknown>,
): void {
  const access = { config: { access: 'locality-admin' as const } };
  const route = (path: string) => `/localities/:code/exchange/uploads/:id${path}`;
  const refuse = (
    request: FastifyRequest,
    reply: FastifyReply,
    files: Array<{ name: string }>,
    issues: ImportIssue[],
  ) => {
    const count = issues.length;
    const names = files.map((f) => f.name).join(', ');
    return renderRefused(request, reply.code(422), {
      errors: [
        {
          field: 'file',
          message: `${names} ${count === 1 ? 'has a problem' : `has ${count} problems`}. Nothing was imported: fix ${count === 1 ? 'it' : 'them'} and upload again.`,
        },
      ],
      issues,
      fileName: names,
    });
  };

  app.post('/localities/:code/exchange/import', access, async (request, reply) => {
    const upload = await readUpload(request);
    const errors = uploadErrors(upload);
    if (errors.length) return renderRefused(request, reply.code(422), { errors, values: { mapping: upload.mapping } });
    try {
      const created = await exchange.startUpload(
        request.principal,
        codeOf(request),
        upload.files,
        upload.mapping || undefined,
      );
      return reply.redirect(`${uploadBase(request)}/${created.id}/columns`, 303);
    } catch (error) {
      if (!(error instanceof ImportRejected)) throw error;
      return refuse(request, reply, upload.files, error.issues);
    }
  });

  const page = async (request: FastifyRequest) => {
    const view = await exchange.upload(request.principal, codeOf(request), idOf(request));
    return {
      view,
      context: {
        section: 'exchange',
        locality: view.locality,
        breadcrumbs: [{ text: 'Import and export', href: `/localities/${view.locality.gss_code}/exchange` }],
        uploadId: view.upload.id,
        fileNames: view.files.map((f) => f.name),
      },
    };
  };

  app.get(route('/columns'), access, async (request, reply) => {
    const { view, context } = await page(request);
    return reply.view('exchange/views/upload-columns.njk', {
      ...context,
      title: 'Match your columns to ours',
      sheets: columnsView(view.sheets, view.mapping),
    });
  });

  app.post(route('/columns'), access, async (request, reply) => {
    const { view } = await page(request);
    const body = request.body as Record<string, string>;
    const mapping: Mapping = structuredClone(view.mapping);
    view.sheets.forEach((sheet, i) => {
      const sheetMap = findSheetMapping(mapping, sheet.name);
      const kind = KINDS.find((k) => k === body[`kind-${i}`]) ?? sheetMap?.kind ?? 'partnerships';
      const columns: Record<string, string> = {};
      const units: Record<string, string> = {};
      sheet.header.forEach((heading, j) => {
        if (heading.trim() === '' || heading in columns) return;
        const target = body[`column-${i}-${j}`] ?? '';
        const chosen = COLUMNS[kind].some((c) => c.name === target) ? target : '';
        columns[heading] = chosen;
        const allowed: readonly string[] = isUnitColumn(chosen) ? UNITS[chosen as UnitColumn] : [];
        const unit = body[`unit-${i}-${j}`] ?? sheetMap?.units[heading];
        if (allowed.length) units[heading] = unit && allowed.includes(unit) ? unit : (allowed[0] as string);
      });
      const entry = { source: sheet.name, kind, columns, units };
      if (sheetMap) Object.assign(sheetMap, entry);
      else mapping.sheets.push(entry);
    });
    await exchange.setMapping(request.principal, codeOf(request), idOf(request), mapping);
    return reply.redirect(`${uploadBase(request)}/${idOf(request)}/values`, 303);
  });

  app.get(route('/values'), access, async (request, reply) => {
    const { view, context } = await page(request);
    return reply.view('exchange/views/upload-values.njk', {
      ...context,
      title: 'Match your values to our codes',
      columns: valuesView(view.sheets, view.mapping, view.book, canManageReferenceData(request.principal)),
      defaults: defaultsView(view.mapping, view.book),
    });
  });

  app.post(route('/values'), access, async (request, reply) => {
    const { view } = await page(request);
    const body = request.body as Record<string, string>;
    const mapping: Mapping = structuredClone(view.mapping);
    for (const column of valuesView(view.sheets, view.mapping, view.book, true)) {
      column.rows.forEach((row) => {
        const chosen = body[row.id] ?? '';
        const key = row.value.toLowerCase();
        delete mapping.values[column.column]?.[key];
        delete mapping.newItems[column.column]?.[key];
        if (chosen === NEW_ITEM)
          (mapping.newItems[column.column] ??= {})[key] = { code: slug(row.value), label: row.value };
        else if (chosen && chosen !== row.automatic) (mapping.values[column.column] ??= {})[key] = chosen;
      });
    }
    for (const field of DEFAULT_FIELDS) {
      const value = (body[`default-${field}`] ?? '').trim();
      if (value) mapping.defaults[field] = value;
      else delete mapping.defaults[field];
    }
    await exchange.setMapping(request.principal, codeOf(request), idOf(request), mapping);
    const job = await exchange.startPreview(request.principal, codeOf(request), idOf(request));
    return reply.redirect(`/jobs/${job.id}`, 303);
  });

  app.get(route('/preview'), access, async (request, reply) => {
    const { view, context } = await page(request);
    const jobId = view.upload.import_job_id ?? view.upload.preview_job_id;
    if (!jobId) return reply.redirect(`${uploadBase(request)}/${view.upload.id}/values`, 303);
    const job = await exchange.jobs.get(request.principal, jobId);
    if (job.state === 'queued' || job.state === 'running') return reply.redirect(`/jobs/${job.id}`, 303);
    const result = (job.result ?? {}) as { summary?: ImportSummary; issues?: ImportIssue[]; totalIssues?: number };
    const count = result.totalIssues ?? result.issues?.length ?? 0;
    const errors = count
      ? [
          {
            field: 'problems',
            message: `${count} problem${count === 1 ? '' : 's'} found. Nothing was imported: fix ${count === 1 ? 'it' : 'them'}, then check again.`,
          },
        ]
      : job.state === 'failed'
        ? [{ field: 'problems', message: job.error ?? 'The check failed' }]
        : [];
    return reply.view('exchange/views/upload-preview.njk', {
      ...context,
      title: job.state === 'failed' ? 'Problems to fix before importing' : 'Check what will be imported',
      job,
      imported: job.kind === IMPORT_JOB && job.state === 'succeeded',
      summary: result.summary,
      kinds: KINDS.map((kind) => ({ kind, label: KIND_LABELS[kind] })),
      issues: result.issues ?? [],
      totalIssues: count,
      errors,
      maxUploadMb: MAX_UPLOAD_MB,
    });
  });

  app.post(route('/files'), access, async (request, reply) => {
    const upload = await readUpload(request);
    const errors = uploadErrors(upload);
    if (errors.length) throw new ValidationError(errors);
    try {
      await exchange.replaceUploadFiles(request.principal, codeOf(request), idOf(request), upload.files);
    } catch (error) {
      if (!(error instanceof ImportRejected)) throw error;
      return refuse(request, reply, upload.files, error.issues);
    }
    const job = await exchange.startPreview(request.principal, codeOf(request), idOf(request));
    return reply.redirect(`/jobs/${job.id}`, 303);
  });

  app.post(route('/import'), access, async (request, reply) => {
    const job = await exchange.startImport(request.principal, codeOf(request), idOf(request));
    return reply.redirect(`/jobs/${job.id}`, 303);
  });

  app.post(route('/save-mapping'), access, async (request, reply) => {
    const { view } = await page(request);
    const name = String((request.body as Record<string, string>).name ?? '');
    const saved = await exchange.saveMapping(request.principal, codeOf(request), name, view.mapping);
    return reply.redirectWithFlash(
      `${uploadBase(request)}/${view.upload.id}/preview`,
      `Saved the mapping as “${saved.name}”: choose it when you upload next year’s file`,
    );
  });

  app.get(route('/mapping.json'), access, async (request, reply) => {
    const { view } = await page(request);
    return json(reply, 'joinedup-mapping.json', view.mapping);
  });

  app.get('/localities/:code/exchange/mappings/:id', access, async (request, reply) => {
    const mapping = await exchange.savedMapping(request.principal, codeOf(request), idOf(request));
    return json(reply, `${slug(mapping.name ?? '') || 'mapping'}.json`, mapping);
  });
}

function json(reply: FastifyReply, fileName: string, value: unknown) {
  return reply
    .type('application/json')
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .header('cache-control', 'no-store')
    .send(`${JSON.stringify(value, null, 2)}\n`);
}

interface Upload {
  files: Array<{ name: string; content: Buffer }>;
  mapping?: string;
  tooLarge?: boolean;
  notMultipart?: boolean;
}

/** Reads the multipart form: every chosen `file` (an empty part means none was chosen) and the saved `mapping`. */
async function readUpload(request: FastifyRequest): Promise<Upload> {
  if (!request.isMultipart()) return { files: [], notMultipart: true };
  const upload: Upload = { files: [] };
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const content = await part.toBuffer();
        if (part.filename) upload.files.push({ name: part.filename, content });
      } else if (part.fieldname === 'mapping') upload.mapping = String(part.value ?? '');
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code !== 'FST_REQ_FILE_TOO_LARGE' && code !== 'FST_FILES_LIMIT') throw error;
    upload.tooLarge = true;
  }
  return upload;
}

function uploadErrors(upload: Upload): FieldError[] {
  if (upload.notMultipart) return [{ field: 'file', message: 'Choose the files to import' }];
  if (upload.tooLarge)
    return [{ field: 'file', message: `Choose up to ${MAX_FILES} files, each smaller than ${MAX_UPLOAD_MB} MB` }];
  if (!upload.files.length) return [{ field: 'file', message: 'Choose the files to import' }];
  const empty = upload.files.find((f) => f.content.length === 0);
  if (empty) return [{ field: 'file', message: `${empty.name} is empty` }];
  return [];
}

/** The columns page: each sheet's kind and, for each of its columns, examples and the column of ours it feeds. */
function columnsView(sheets: RawSheet[], mapping: Mapping) {
  return sheets.map((sheet, i) => {
    const sheetMap = findSheetMapping(mapping, sheet.name);
    const kind = sheetMap?.kind ?? 'partnerships';
    return {
      index: i,
      name: sheet.name,
      rows: sheet.records.length,
      kindItems: KINDS.map((k) => ({ value: k, text: KIND_LABELS[k], selected: k === kind })),
      columns: sheet.header
        .map((heading, j) => ({ heading, j }))
        .filter(({ heading }) => heading.trim() !== '')
        .map(({ heading, j }) => {
          const target = sheetMap?.columns[heading] ?? '';
          const examples = [...new Set(sheet.records.map((r) => (r.values[j] ?? '').trim()).filter(Boolean))].slice(
            0,
            3,
          );
          const units: readonly string[] = isUnitColumn(target) ? UNITS[target] : [];
          return {
            heading,
            id: `column-${i}-${j}`,
            unitId: `unit-${i}-${j}`,
            examples,
            items: [
              { value: '', text: 'Leave this column out', selected: target === '' },
              ...COLUMNS[kind].map((c) => ({
                value: c.name,
                text: `${c.name}${c.required ? ' (required)' : ''}`,
                selected: c.name === target,
              })),
            ],
            unitItems: units.map((u) => ({
              value: u,
              text: UNIT_LABELS[u] ?? u,
              selected: sheetMap?.units[heading] === u,
            })),
          };
        }),
    };
  });
}

/** The values page: every distinct value of each coded column, with the code it is (or may be) mapped to. */
function valuesView(sheets: RawSheet[], mapping: Mapping, book: CodeBook, canAddItems: boolean) {
  const hints = valueHints(sheets, mapping, book);
  return [...distinctCodedValues(sheets, mapping)].map(([column, values]) => ({
    column,
    rows: values.map((value, k) => {
      const key = value.toLowerCase();
      const automatic = resolveCode(column, value, book) ?? '';
      const chosen = mapping.newItems[column]?.[key] ? NEW_ITEM : (mapping.values[column]?.[key] ?? automatic);
      const suggestion = automatic ? undefined : suggestCode(column, value, book, distance, hints.get(key));
      const listed = column in REFERENCE_LIST_OF;
      return {
        value,
        id: `value-${column}-${k}`,
        automatic,
        needsChoice: chosen === '',
        suggested: suggestion !== undefined && suggestion.code === chosen,
        items: [
          { value: '', text: 'Choose a code', selected: chosen === '' },
          ...(book.get(column) ?? []).map((item) => ({
            value: item.code,
            text: item.label.toLowerCase() === item.code ? item.code : `${item.label} (${item.code})`,
            selected: item.code === chosen,
          })),
          ...(listed && (canAddItems || chosen === NEW_ITEM)
            ? [{ value: NEW_ITEM, text: `Add “${value}” as a new item`, selected: chosen === NEW_ITEM }]
            : []),
        ],
      };
    }),
  }));
}

/** Values for what the register never recorded, used where a row leaves the column empty. */
function defaultsView(mapping: Mapping, book: CodeBook) {
  return {
    statutoryTypeItems: [
      { value: '', text: 'No default', selected: !mapping.defaults.statutory_type },
      ...(book.get('statutory_type') ?? []).map((i) => ({
        value: i.code,
        text: i.label,
        selected: mapping.defaults.statutory_type === i.code,
      })),
    ],
    basisDetail: mapping.defaults.basis_detail ?? '',
    purpose: mapping.defaults.purpose ?? '',
  };
}
