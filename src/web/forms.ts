import type { FastifyReply, FastifyRequest } from 'fastify';
import { dateParts } from '../core/dates.js';
import { ConflictError, type FieldError, ValidationError } from '../core/errors.js';

export interface SelectItem {
  value: string;
  text: string;
  selected?: boolean;
  checked?: boolean;
}

/** Items for a GOV.UK select, radios or checkboxes, marking the current value(s). */
export function choices(
  options: Array<{ value: string; text: string }>,
  current: unknown,
  blank?: string,
): SelectItem[] {
  const selected = new Set(
    (Array.isArray(current) ? current : [current]).filter((v) => v !== undefined && v !== null && v !== '').map(String),
  );
  const items = options.map((o) => ({ ...o, selected: selected.has(o.value), checked: selected.has(o.value) }));
  return blank === undefined ? items : [{ value: '', text: blank, selected: selected.size === 0 }, ...items];
}

export function labelled<T extends string>(labels: Record<T, string>): Array<{ value: string; text: string }> {
  return (Object.entries(labels) as Array<[string, string]>).map(([value, text]) => ({ value, text }));
}

/** Adds name-day / name-month / name-year for each ISO date, for GOV.UK date inputs. */
export function withDateParts(values: Record<string, unknown>, fields: string[]): Record<string, unknown> {
  const out = { ...values };
  for (const field of fields) {
    const parts = dateParts(typeof values[field] === 'string' ? (values[field] as string) : undefined);
    out[`${field}-day`] ??= parts.day;
    out[`${field}-month`] ??= parts.month;
    out[`${field}-year`] ??= parts.year;
  }
  return out;
}

/**
 * Runs a form's action. On invalid input or a conflicting edit the form is shown again with
 * what the user typed and a GOV.UK error summary, so nothing they entered is lost.
 */
export async function submitForm(
  reply: FastifyReply,
  form: {
    template: string;
    context: () => Promise<Record<string, unknown>> | Record<string, unknown>;
    values: Record<string, unknown>;
  },
  action: () => Promise<{ redirect: string; flash: string }>,
): Promise<FastifyReply> {
  let errors: FieldError[];
  try {
    const { redirect, flash } = await action();
    return reply.redirectWithFlash(redirect, flash);
  } catch (error) {
    if (error instanceof ValidationError) errors = error.errors;
    else if (error instanceof ConflictError) errors = [{ field: 'version', message: error.message }];
    else throw error;
  }
  return reply.code(422).view(form.template, { ...(await form.context()), values: form.values, errors });
}

/** A form's one uploaded file, if one was chosen, or that it was over the size limit. */
export interface FileUpload {
  file?: { name: string; content: Buffer };
  tooLarge?: boolean;
}

/** The largest file a form takes (the multipart limit set in app.ts). */
export const MAX_UPLOAD_MB = 20;

/** The error a form shows when no file came: too large, or none chosen (`ask` says what to choose). */
export function noFileProblem(upload: FileUpload, ask = 'Choose a file to import'): { field: string; message: string } {
  return { field: 'file', message: upload.tooLarge ? `The file must be smaller than ${MAX_UPLOAD_MB} MB` : ask };
}

/** Reads a multipart form's file (an empty part means none was chosen); other fields are not read. */
export async function readFileUpload(request: FastifyRequest): Promise<FileUpload> {
  if (!request.isMultipart()) return {};
  const upload: FileUpload = {};
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const content = await part.toBuffer();
        if (part.filename && content.length) upload.file = { name: part.filename, content };
      }
    }
  } catch (error) {
    if ((error as { code?: string }).code !== 'FST_REQ_FILE_TOO_LARGE') throw error;
    upload.tooLarge = true;
  }
  return upload;
}

/** What a form page shows for a file refused whole: each problem by line, and one summary error. */
export function refusedUpload<T>(fileName: string, problems: readonly T[]) {
  const count = problems.length;
  return {
    problems,
    fileName,
    errors: [
      {
        field: 'file',
        message: `${fileName} was not imported: ${count} problem${count === 1 ? '' : 's'} found. Nothing was written.`,
      },
    ],
  };
}
