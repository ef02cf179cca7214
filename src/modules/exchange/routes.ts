import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Services } from '../../services.js';
import { type FieldError, ValidationError } from '../../core/errors.js';
import { parseInput } from '../../core/validation.js';
import { apiRoute, prefersAsync } from '../../web/api.js';
import { jobOutput } from '../jobs/schema.js';
import { COLUMNS, KINDS, KIND_LABELS, LIST_SEPARATOR } from './columns.js';
import { type ImportIssue, ImportRejected } from './issues.js';
import type { ExchangeService, FileKind } from './service.js';
import { MAX_UPLOAD_MB, uploadRoutes } from './upload-routes.js';
import { XLSX_TYPE } from './xlsx.js';

const CSV_TYPE = 'text/csv';

const localityParams = z.object({
  code: z.string().meta({ description: 'ONS GSS code of the locality, e.g. E07999001' }),
});
const exportQuery = z.object({
  format: z
    .enum(['csv', 'xlsx'], { error: 'Choose the format: csv or xlsx' })
    .default('xlsx')
    .meta({ description: 'xlsx: one workbook with a sheet per kind; csv: one kind, named by `kind`' }),
  kind: z
    .enum(KINDS, { error: 'Choose the kind: organisations, partnerships or memberships' })
    .optional()
    .meta({ description: 'Which records, for CSV' }),
});
const importQuery = z.object({
  kind: z
    .enum(KINDS, { error: 'Choose the kind: organisations, partnerships or memberships' })
    .optional()
    .meta({ description: 'Which records a text/csv body holds; not needed for an XLSX workbook' }),
});
const importOutput = z.object({
  imported: z.object({
    organisations: z.number().int(),
    partnerships: z.number().int(),
    memberships: z.number().int(),
  }),
});
const layoutOutput = z.object({
  listSeparator: z.string(),
  kinds: z.record(
    z.string(),
    z.array(
      z.object({
        name: z.string(),
        required: z.boolean(),
        list: z.boolean(),
        description: z.string(),
        example: z.string(),
      }),
    ),
  ),
});

type Params = { code: string };
const codeOf = (request: FastifyRequest) => (request.params as Params).code.toUpperCase();

/**
 * Import and export pages and API. The routes live in their own plugin scope, so the body
 * parsers for text/csv and XLSX uploads apply to these routes only.
 */
export function exchangeRoutes(app: FastifyInstance, services: Services): void {
  app.register(async (scope) => {
    scope.addContentTypeParser([CSV_TYPE, XLSX_TYPE], { parseAs: 'buffer' }, (_request, body, done) =>
      done(null, body),
    );
    pageRoutes(scope, services.exchange);
    apiRoutes(scope, services.exchange);
  });
}

// --- pages ------------------------------------------------------------------------------

function pageRoutes(app: FastifyInstance, exchange: ExchangeService): void {
  app.get('/localities/:code/exchange', { config: { access: 'public' } }, async (request, reply) =>
    renderExchangePage(request, reply, exchange, {}),
  );

  app.get('/localities/:code/exchange/columns', { config: { access: 'public' } }, async (request, reply) => {
    const locality = await exchange.register.locality(codeOf(request));
    const codes = await exchange.codeLists();
    const listed = new Set(codes.map((c) => c.list));
    return reply.view('exchange/views/columns.njk', {
      title: 'Column layout for imports and exports',
      section: 'exchange',
      locality,
      breadcrumbs: [{ text: 'Import and export', href: `/localities/${locality.gss_code}/exchange` }],
      kinds: KINDS.map((kind) => ({
        kind,
        label: KIND_LABELS[kind],
        columns: COLUMNS[kind].map((c) => ({ ...c, code: listed.has(c.name) })),
      })),
      codeLists: groupCodes(codes),
      listSeparator: LIST_SEPARATOR,
    });
  });

  uploadRoutes(app, exchange, (request, reply, refused) => renderExchangePage(request, reply, exchange, refused));
}

async function renderExchangePage(
  request: FastifyRequest,
  reply: FastifyReply,
  exchange: ExchangeService,
  extra: { errors?: FieldError[]; issues?: ImportIssue[]; fileName?: string; values?: Record<string, unknown> },
) {
  const overview = await exchange.overview(request.principal, codeOf(request));
  const saved = overview.canImport ? await exchange.savedMappings(request.principal, codeOf(request)) : [];
  const chosen = extra.values?.mapping;
  return reply.view('exchange/views/exchange.njk', {
    title: 'Import and export',
    section: 'exchange',
    ...overview,
    kinds: KINDS.map((kind) => ({ kind, label: KIND_LABELS[kind] })),
    savedMappings: saved.map((m) => ({ id: m.id, name: m.name })),
    mappingItems: [
      { value: '', text: 'Suggest one from the files', selected: !chosen },
      ...saved.map((m) => ({ value: m.id, text: m.name, selected: chosen === m.id })),
    ],
    maxUploadMb: MAX_UPLOAD_MB,
    values: {},
    ...extra,
  });
}

function groupCodes(codes: Array<{ list: string; code: string; label: string }>) {
  const lists = [...new Set(codes.map((c) => c.list))];
  return lists.map((list) => ({ column: list, items: codes.filter((c) => c.list === list) }));
}

// --- API --------------------------------------------------------------------------------

function apiRoutes(app: FastifyInstance, exchange: ExchangeService): void {
  const tag = 'Import and export';

  apiRoute(app, {
    method: 'GET',
    url: '/api/v1/localities/:code/export',
    operationId: 'exportRegister',
    summary:
      'Export the whole register of a locality: an XLSX workbook (format=xlsx) or one kind as CSV (format=csv&kind=…), in the import layout',
    tag,
    access: 'locality-reader',
    params: localityParams,
    query: exportQuery,
    response: z.string().meta({
      description: 'text/csv, or an XLSX workbook (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet)',
    }),
    responseContentType: CSV_TYPE,
    handler: async (request, reply) => {
      const query = parseInput(exportQuery, request.query);
      const code = codeOf(request);
      if (query.format === 'xlsx') {
        const { locality, xlsx } = await exchange.exportWorkbook(request.principal, code);
        return download(reply, `${locality.gss_code}-register.xlsx`, XLSX_TYPE, xlsx);
      }
      if (!query.kind)
        throw ValidationError.of(
          'kind',
          'Choose which records to export as CSV: organisations, partnerships or memberships',
        );
      const { locality, csv } = await exchange.exportCsv(request.principal, code, query.kind);
      return download(reply, `${locality.gss_code}-${query.kind}.csv`, `${CSV_TYPE}; charset=utf-8`, csv);
    },
  });

  apiRoute(app, {
    method: 'POST',
    url: '/api/v1/localities/:code/import',
    operationId: 'importRegister',
    summary:
      'Import records, all or nothing: a text/csv body of one kind (kind=…) or an XLSX workbook. Every problem is reported as {sheet, line, column, detail}. With Prefer: respond-async it runs as a background job: 202, and the job (its progress, then its result or every problem) at Location.',
    tag,
    access: 'locality-admin',
    params: localityParams,
    query: importQuery,
    bodyContentType: [CSV_TYPE, XLSX_TYPE],
    response: importOutput,
    accepted: jobOutput,
    handler: async (request, reply) => {
      const query = parseInput(importQuery, request.query);
      const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
      if (!Buffer.isBuffer(request.body) || (type !== CSV_TYPE && type !== XLSX_TYPE)) {
        return reply
          .code(415)
          .type('application/problem+json')
          .send({
            type: '/api/docs#problem-415',
            title: 'Unsupported media type',
            status: 415,
            detail: `Send the file as ${CSV_TYPE} (with ?kind=) or as ${XLSX_TYPE}`,
          });
      }
      const kind: FileKind | undefined = type === XLSX_TYPE ? 'workbook' : query.kind;
      if (!kind)
        throw ValidationError.of(
          'kind',
          'Say which records the CSV holds: ?kind=organisations, partnerships or memberships',
        );
      const name = kind === 'workbook' ? 'workbook' : `${kind}.csv`;
      if (prefersAsync(request)) {
        const job = await exchange.startLayoutImport(request.principal, codeOf(request), [
          { name, content: request.body, kind },
        ]);
        return reply
          .code(202)
          .header('location', `/api/v1/jobs/${job.id}`)
          .header('preference-applied', 'respond-async')
          .send(job);
      }
      try {
        const result = await exchange.importFiles(request.principal, codeOf(request), [
          { name, content: request.body, kind },
        ]);
        return { imported: result.counts };
      } catch (error) {
        if (!(error instanceof ImportRejected)) throw error;
        return importProblem(reply, error.issues);
      }
    },
  });

  apiRoute(app, {
    method: 'GET',
    url: '/api/v1/exchange/template',
    operationId: 'importTemplate',
    summary:
      'The import template: an XLSX workbook with a "Read me" sheet (format=xlsx), or one kind as CSV (format=csv&kind=…), with one example row',
    tag,
    access: 'public',
    query: exportQuery,
    response: z.string(),
    responseContentType: CSV_TYPE,
    handler: async (request, reply) => {
      const query = parseInput(exportQuery, request.query);
      if (query.format === 'xlsx')
        return download(reply, 'joinedup-import-template.xlsx', XLSX_TYPE, await exchange.templateWorkbook());
      if (!query.kind)
        throw ValidationError.of('kind', 'Choose which template: organisations, partnerships or memberships');
      return download(reply, `${query.kind}.csv`, `${CSV_TYPE}; charset=utf-8`, exchange.templateCsv(query.kind));
    },
  });

  apiRoute(app, {
    method: 'GET',
    url: '/api/v1/exchange/layout',
    operationId: 'importLayout',
    summary:
      'The column layout of imports and exports: the columns of each kind, which are required, and what they hold',
    tag,
    access: 'public',
    response: layoutOutput,
    handler: async () => ({
      listSeparator: LIST_SEPARATOR,
      kinds: Object.fromEntries(
        KINDS.map((kind) => [
          kind,
          COLUMNS[kind].map((c) => ({
            name: c.name,
            required: c.required,
            list: c.list === true,
            description: c.description,
            example: c.example,
          })),
        ]),
      ),
    }),
  });
}

function download(reply: FastifyReply, fileName: string, type: string, body: string | Buffer) {
  return reply
    .type(type)
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .header('cache-control', 'no-store')
    .send(body);
}

/**
 * The refusal of an import, as RFC 9457 problem details: one entry per problem, naming the
 * sheet (file or sheet name), the line as a spreadsheet numbers it, and the column.
 */
function importProblem(reply: FastifyReply, issues: ImportIssue[]) {
  return reply
    .code(422)
    .type('application/problem+json')
    .send({
      type: '/api/docs#problem-422',
      title: 'The import was refused: nothing was written',
      status: 422,
      detail: `${issues.length} problem${issues.length === 1 ? '' : 's'} found. Fix every one and send the whole file again.`,
      errors: issues.map((issue) => ({
        sheet: issue.sheet,
        line: issue.line,
        column: issue.column,
        field: issue.column,
        pointer: `/${[issue.sheet, issue.line, issue.column]
          .filter((p) => p !== '')
          .map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1'))
          .join('/')}`,
        detail: issue.message,
      })),
    });
}
