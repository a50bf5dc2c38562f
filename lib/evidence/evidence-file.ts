// Which files the library accepts as evidence, and how it checks them: the extension must agree with the
// file's first bytes (a renamed executable is not a PDF), and each file stays under the per-file limit.
// Pure logic: no browser-extension imports, so it runs in Node for tests.

/** The per-file limit: large enough for a SOC 2 report, small enough to cross the message boundary once. */
export const EVIDENCE_MAX_BYTES = 25 * 1024 * 1024;

export type EvidenceKind = 'pdf' | 'docx' | 'xlsx' | 'png' | 'jpeg' | 'txt';

interface KindRule {
  extensions: readonly string[];
  mime: string;
  label: string;
}

export const EVIDENCE_KINDS: Record<EvidenceKind, KindRule> = {
  pdf: { extensions: ['pdf'], mime: 'application/pdf', label: 'PDF' },
  docx: { extensions: ['docx'], mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: 'Word document (DOCX)' },
  xlsx: { extensions: ['xlsx'], mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', label: 'Excel workbook (XLSX)' },
  png: { extensions: ['png'], mime: 'image/png', label: 'PNG image' },
  jpeg: { extensions: ['jpg', 'jpeg'], mime: 'image/jpeg', label: 'JPEG image' },
  txt: { extensions: ['txt'], mime: 'text/plain', label: 'text file' },
};

/** The file types as a person reads them, for error messages and the file picker's hint. */
export const ACCEPTED_TYPES_TEXT = 'PDF, DOCX, XLSX, PNG, JPEG or TXT';
/** The `accept` attribute of the Library view's file picker. */
export const ACCEPT_ATTRIBUTE = Object.values(EVIDENCE_KINDS).flatMap((k) => k.extensions.map((e) => `.${e}`)).join(',');

export class EvidenceFileError extends Error {
  override readonly name = 'EvidenceFileError';
}

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((b, i) => bytes[offset + i] === b);
}

/** True when the bytes look like text: valid UTF-8 (BOM allowed) and no control characters beyond tab/newlines. */
function looksLikeText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 64 * 1024);
  for (const b of sample) if (b === 0 || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c)) return false;
  try {
    // A multi-byte character cut at the sample's end is not an error of the file.
    const trimmed = sample.length < bytes.length ? sample.subarray(0, Math.max(0, sample.length - 4)) : sample;
    new TextDecoder('utf-8', { fatal: true }).decode(trimmed);
    return true;
  } catch {
    return false;
  }
}

/** The kind the first bytes say the file is; a ZIP container is DOCX or XLSX by the part names it holds. */
export function sniffKind(bytes: Uint8Array): EvidenceKind | 'zip' | undefined {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // OOXML packages name their main part in the local file headers near the start.
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, Math.min(bytes.length, 64 * 1024)));
    if (head.includes('word/')) return 'docx';
    if (head.includes('xl/')) return 'xlsx';
    return 'zip';
  }
  if (looksLikeText(bytes)) return 'txt';
  return undefined;
}

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot <= 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

export interface CheckedEvidenceFile {
  kind: EvidenceKind;
  mime: string;
}

/**
 * Checks a file before it enters the library (and again before it is attached): a known extension, first bytes
 * of that type, not empty, at most 25 MB. The error says what is wrong with which file and what to do.
 */
export function checkEvidenceFile(fileName: string, bytes: Uint8Array): CheckedEvidenceFile {
  const ext = extensionOf(fileName);
  const byExtension = (Object.entries(EVIDENCE_KINDS) as Array<[EvidenceKind, KindRule]>).find(([, rule]) => rule.extensions.includes(ext))?.[0];
  if (!byExtension) {
    throw new EvidenceFileError(`"${fileName}" is not an accepted evidence file (${ext ? `.${ext}` : 'no extension'}). Evidence must be a ${ACCEPTED_TYPES_TEXT} file.`);
  }
  if (bytes.length > EVIDENCE_MAX_BYTES) {
    throw new EvidenceFileError(`"${fileName}" is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; evidence files may be at most 25 MB. Compress it or split it, then add it again.`);
  }
  if (bytes.length === 0) throw new EvidenceFileError(`"${fileName}" is empty (0 bytes); pick the file that holds the document.`);
  const sniffed = sniffKind(bytes);
  if (sniffed !== byExtension) {
    const what = sniffed === undefined ? 'an unknown binary format' : sniffed === 'zip' ? 'a ZIP archive' : `a ${EVIDENCE_KINDS[sniffed].label}`;
    throw new EvidenceFileError(`"${fileName}" is named as a ${EVIDENCE_KINDS[byExtension].label}, but its content is ${what}. Export the document as a real ${EVIDENCE_KINDS[byExtension].label} and add it again.`);
  }
  return { kind: byExtension, mime: EVIDENCE_KINDS[byExtension].mime };
}

/** The SHA-256 of the bytes as lowercase hex (Web Crypto, in the browser and in Node). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Evidence past its validity end date (ISO dates compared as strings). */
export function isEvidenceExpired(evidence: { validUntil?: string }, today: string = new Date().toISOString().slice(0, 10)): boolean {
  return evidence.validUntil !== undefined && evidence.validUntil < today;
}
