/**
 * Documents uploaded as evidence: what kind a file is, read from its bytes (the name and the
 * type the browser claims are not trusted), and a file name safe to store and to send back.
 * Pure: no I/O.
 */

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

const startsWith = (content: Buffer, bytes: number[], at = 0) =>
  content.length >= at + bytes.length && bytes.every((b, i) => content[at + i] === b);

/** The names of a ZIP archive's entries, read from its local file headers. */
function zipEntries(content: Buffer): string[] {
  const names: string[] = [];
  let at = 0;
  // Office files put their parts first; a few dozen headers are plenty to recognise one.
  while (names.length < 64 && startsWith(content, [0x50, 0x4b, 0x03, 0x04], at) && at + 30 <= content.length) {
    const compressed = content.readUInt32LE(at + 18);
    const nameLength = content.readUInt16LE(at + 26);
    const extraLength = content.readUInt16LE(at + 28);
    names.push(content.toString('latin1', at + 30, at + 30 + nameLength));
    const flags = content.readUInt16LE(at + 6);
    // With a data descriptor the size is not in the header: stop at what was read.
    if (flags & 0x08) break;
    at += 30 + nameLength + extraLength + compressed;
  }
  return names;
}

function sniffZip(content: Buffer): EvidenceType | null {
  const names = zipEntries(content);
  // An OpenDocument file starts with an uncompressed entry "mimetype" holding its type.
  if (names[0] === 'mimetype') {
    const type = content.toString('latin1', 38, 38 + ODT.contentType.length);
    return type === ODT.contentType ? ODT : null;
  }
  const latin = content.toString('latin1');
  if (!names.includes('[Content_Types].xml') && !latin.includes('[Content_Types].xml')) return null;
  if (latin.includes('word/document.xml')) return DOCX;
  if (latin.includes('xl/workbook.xml')) return XLSX;
  return null;
}

/** Text a spreadsheet could have written: UTF-8, no NUL or other control characters but tab and line ends. */
function looksLikeCsv(content: Buffer): boolean {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(content);
  if (text.includes('\uFFFD')) return false;
  // eslint-disable-next-line no-control-regex
  return !/[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/.test(text);
}

/**
 * What the file is, from its first bytes, or null when it is none of the kinds taken. CSV has
 * no signature: a file named .csv is taken when it is plain text.
 */
export function sniffEvidence(fileName: string, content: Buffer): EvidenceType | null {
  if (startsWith(content, [0x25, 0x50, 0x44, 0x46, 0x2d])) return PDF; // %PDF-
  if (startsWith(content, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return PNG;
  if (startsWith(content, [0xff, 0xd8, 0xff])) return JPEG;
  if (startsWith(content, [0x50, 0x4b, 0x03, 0x04])) return sniffZip(content);
  // An OLE2 compound file is a Word 97–2003 document or an old workbook alike: the name decides.
  if (startsWith(content, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))
    return /\.doc$/i.test(fileName) ? DOC : null;
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
