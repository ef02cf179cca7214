/**
 * Documents uploaded as evidence: what kind a file is, read from its bytes (the name and the
 * type the browser claims are not trusted), and a file name safe to store and to send back.
 * Pure: no I/O.
 */
import { fileTypeFromBuffer } from 'file-type';

export interface EvidenceType {
  contentType: string;
  extension: string;
  label: string;
}

const PDF: EvidenceType = { contentType: 'application/pdf', extension: 'pdf', label: 'PDF' };
const DOCX: EvidenceType = {
  contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  extension: 'docx',
  label: 'Word document',
};
const DOC: EvidenceType = { contentType: 'application/msword', extension: 'doc', label: 'Word 97–2003 document' };
const ODT: EvidenceType = {
  contentType: 'application/vnd.oasis.opendocument.text',
  extension: 'odt',
  label: 'OpenDocument text',
};
const XLSX: EvidenceType = {
  contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  extension: 'xlsx',
  label: 'Excel workbook',
};
const CSV: EvidenceType = { contentType: 'text/csv; charset=utf-8', extension: 'csv', label: 'CSV' };
const PNG: EvidenceType = { contentType: 'image/png', extension: 'png', label: 'PNG image' };
const JPEG: EvidenceType = { contentType: 'image/jpeg', extension: 'jpg', label: 'JPEG image' };

/** For the page's hint and the error message. */
export const EVIDENCE_KINDS_TEXT = 'a PDF, Word (DOCX or DOC), OpenDocument text (ODT), XLSX, CSV, PNG or JPEG file';
export const EVIDENCE_ACCEPT = '.pdf,.docx,.doc,.odt,.xlsx,.csv,.png,.jpg,.jpeg';

/** Text a spreadsheet could have written: UTF-8, no NUL or other control characters but tab and line ends. */
function looksLikeCsv(content: Buffer): boolean {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(content);
  if (text.includes('\uFFFD')) return false;
  // eslint-disable-next-line no-control-regex
  return !/[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/.test(text);
}

/** The kinds taken, by the extension `file-type` names for each. */
const BY_SIGNATURE: Record<string, EvidenceType> = { pdf: PDF, png: PNG, jpg: JPEG, docx: DOCX, xlsx: XLSX, odt: ODT };

/**
 * What the file is, from its bytes (`file-type` reads their signatures, and a ZIP's entries for
 * the Office and OpenDocument kinds), or null when it is none of the kinds taken. CSV has no
 * signature: a file named .csv is taken when it is plain text.
 */
export async function sniffEvidence(fileName: string, content: Buffer): Promise<EvidenceType | null> {
  const found = await fileTypeFromBuffer(content);
  // An OLE2 compound file is a Word 97–2003 document or an old workbook alike: the name decides.
  if (found?.ext === 'cfb') return /\.doc$/i.test(fileName) ? DOC : null;
  if (found) return BY_SIGNATURE[found.ext] ?? null;
  if (/\.csv$/i.test(fileName) && looksLikeCsv(content)) return CSV;
  return null;
}

/**
 * A name to keep and to offer on download: the last part of whatever path the browser sent,
 * letters, digits, spaces and a few marks only, at most 100 characters, ending in the
 * extension of the kind the bytes showed.
 */
export function safeFileName(original: string, type: EvidenceType): string {
  const last = original.split(/[\\/]/).pop() ?? '';
  const stem = last
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\.[A-Za-z0-9]{1,5}$/, '')
    .replace(/[^A-Za-z0-9 ._()-]+/g, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '')
    .slice(0, 90);
  return `${stem || 'evidence'}.${type.extension}`;
}

/** The Content-Disposition of a download: always an attachment, never shown in the page. */
export function attachmentHeader(fileName: string): string {
  const ascii = fileName.replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
