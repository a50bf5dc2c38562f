// Reads a library file (.json canonical, .csv, .xlsx) into validated entries plus a list of invalid ones.
// Pure: runs in Node (tests, CLI) and in the extension. A file that is not a library at all throws LibraryFileError.
import Papa from 'papaparse';
import { z } from 'zod';
import { LIBRARY_FORMAT, LIBRARY_FORMAT_VERSION, LibraryEntrySchema, type LibraryEntry } from '../schema';
import { findOverlongText, isBeyondNow, normalizeEntryId, overlongTextReason } from './entry-checks';
import { LibraryFileError } from './library-errors';
import { MAX_ENTRY_NESTING, MAX_LIBRARY_ENTRIES, MAX_LIBRARY_FILE_BYTES } from './limits';
import { handoffRowCells, isHandoffHeader } from './handoff';
import { questionId } from './question-id';
import { COLUMN_OF_FIELD, REQUIRED_COLUMNS, cellsToRawEntry, columnLetters, normalizeHeader, unprotectCell } from './table-columns';
import { checkWorkbook } from './workbook-guard';

export type LibraryFileKind = 'json' | 'csv' | 'xlsx';

export const InvalidEntrySchema = z.object({
  /** 0-based position among the file's entries (data rows for CSV/XLSX). */
  index: z.number().int(),
  /** Where a person finds it: "entry 3" (JSON) or "row 4" (spreadsheet, header = row 1). */
  where: z.string(),
  id: z.string().optional(),
  reason: z.string(),
});
export type InvalidEntry = z.infer<typeof InvalidEntrySchema>;

export interface ParsedEntry {
  entry: LibraryEntry;
  /** 0-based position among the file's entries, as in InvalidEntry. */
  index: number;
  where: string;
}

export interface ParsedLibraryFile {
  fileName: string;
  kind: LibraryFileKind;
  source?: string;
  exportedAt?: string;
  entries: ParsedEntry[];
  invalid: InvalidEntry[];
  /** A returned hand-off sheet (lib/library/handoff.ts): its entries are drafts; unanswered rows are in `skipped`. */
  handoff?: boolean;
  /** Rows left out on purpose (not errors): a hand-off sheet's questions nobody answered yet. */
  skipped?: InvalidEntry[];
}

export type LibraryFileInput = string | Uint8Array | ArrayBuffer;

export interface ParseOptions {
  /** The time `updatedAt` values are checked against (tests pin it); defaults to the current time. */
  now?: Date;
}

const MB = 1024 * 1024;

/** The kind of library file a name stands for, or undefined for an unsupported extension. */
export function libraryFileKind(fileName: string): LibraryFileKind | undefined {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  return extension === 'json' || extension === 'csv' || extension === 'xlsx' ? extension : undefined;
}

/** Refuses a file over the size limit before any of it is read. */
export function checkLibraryFileSize(fileName: string, bytes: number): void {
  if (bytes === 0) throw new LibraryFileError(fileName, 'the file is empty (0 bytes). Choose the exported library file again.');
  if (bytes > MAX_LIBRARY_FILE_BYTES) {
    throw new LibraryFileError(
      fileName,
      `the file is ${(bytes / MB).toFixed(1)} MB; the limit is ${MAX_LIBRARY_FILE_BYTES / MB} MB. Split the library into smaller files.`,
    );
  }
}

function byteLength(input: LibraryFileInput): number {
  if (typeof input !== 'string') return input.byteLength;
  // Only measure exactly when the text could be near the limit (a UTF-16 unit is at most 3 UTF-8 bytes).
  return input.length * 3 <= MAX_LIBRARY_FILE_BYTES ? input.length : new TextEncoder().encode(input).byteLength;
}

const toBytes = (input: Uint8Array | ArrayBuffer) => (input instanceof Uint8Array ? input : new Uint8Array(input));
const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

function decodeText(fileName: string, input: LibraryFileInput, kind: 'json' | 'csv'): string {
  if (typeof input === 'string') return input.replace(/^\uFEFF/, '');
  const bytes = toBytes(input);
  if (isZip(bytes)) {
    throw new LibraryFileError(fileName, `this is a binary (ZIP/XLSX) file, not ${kind.toUpperCase()} text. If it is an Excel workbook, rename it to .xlsx.`);
  }
  if (bytes.subarray(0, 65536).includes(0)) {
    throw new LibraryFileError(fileName, `this is a binary file, not ${kind.toUpperCase()} text. Export the library again as ${kind.toUpperCase()}.`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new LibraryFileError(fileName, `this file is not UTF-8 text. Save it as "CSV UTF-8" or export it again.`);
  }
}

/**
 * Parses a library file. `fileName` decides the format by its extension (.json, .csv, .xlsx).
 * Throws LibraryFileError when the file as a whole is unusable; entries that fail validation (and duplicate ids)
 * are returned in `invalid` with their row or index and the reason.
 */
export async function parseLibraryFile(input: LibraryFileInput, fileName: string, options: ParseOptions = {}): Promise<ParsedLibraryFile> {
  const kind = libraryFileKind(fileName);
  if (!kind) throw new LibraryFileError(fileName, 'unsupported file type. Import a .json, .csv or .xlsx library file.');
  checkLibraryFileSize(fileName, byteLength(input));
  const now = (options.now ?? new Date()).getTime();
  if (kind === 'json') return parseJsonLibrary(fileName, decodeText(fileName, input, 'json'), now);
  if (kind === 'csv') return parseCsvLibrary(fileName, decodeText(fileName, input, 'csv'), now);
  if (typeof input === 'string' || !isZip(toBytes(input))) {
    throw new LibraryFileError(fileName, 'this is not an Excel workbook (.xlsx files are ZIP archives). Export the library again as XLSX.');
  }
  return parseXlsxLibrary(fileName, toBytes(input), now);
}

/** For code that needs usable entries or nothing (the match CLI): throws unless every entry is valid. */
export async function readLibraryEntries(input: LibraryFileInput, fileName: string): Promise<LibraryEntry[]> {
  const parsed = await parseLibraryFile(input, fileName);
  if (parsed.invalid.length > 0) {
    const shown = parsed.invalid.slice(0, 5).map((i) => `${i.where}: ${i.reason}`).join('; ');
    const more = parsed.invalid.length > 5 ? ` (and ${parsed.invalid.length - 5} more)` : '';
    throw new LibraryFileError(fileName, `${parsed.invalid.length} invalid entr${parsed.invalid.length === 1 ? 'y' : 'ies'}: ${shown}${more}`);
  }
  return parsed.entries.map((p) => p.entry);
}

function checkEntryCount(fileName: string, count: number): void {
  if (count > MAX_LIBRARY_ENTRIES) {
    throw new LibraryFileError(fileName, `the file has ${count} entries; the limit is ${MAX_LIBRARY_ENTRIES}. Split it into smaller files.`);
  }
}

function parseJsonLibrary(fileName: string, text: string, now: number): ParsedLibraryFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new LibraryFileError(fileName, `not valid JSON (${(error as Error).message}). Export the library again or fix the file.`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new LibraryFileError(fileName, `not an answer-library file: expected a JSON object with "format": "${LIBRARY_FORMAT}".`);
  }
  const envelope = data as Record<string, unknown>;
  if (envelope.format !== LIBRARY_FORMAT) {
    const found = envelope.format === undefined ? 'no "format" field' : `"format" is ${JSON.stringify(envelope.format)}`;
    throw new LibraryFileError(fileName, `not an answer-library file: ${found} (expected "${LIBRARY_FORMAT}").`);
  }
  const version = envelope.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new LibraryFileError(fileName, `"version" must be a whole number from 1 (found ${JSON.stringify(version) ?? 'nothing'}).`);
  }
  if (version > LIBRARY_FORMAT_VERSION) {
    throw new LibraryFileError(
      fileName,
      `written in library format version ${version}, newer than this extension reads (version ${LIBRARY_FORMAT_VERSION}). Update the extension, then import again.`,
    );
  }
  if (!Array.isArray(envelope.entries)) throw new LibraryFileError(fileName, '"entries" is missing or not a list.');
  checkEntryCount(fileName, envelope.entries.length);
  const result: ParsedLibraryFile = { fileName, kind: 'json', entries: [], invalid: [] };
  if (typeof envelope.source === 'string') result.source = envelope.source;
  if (typeof envelope.exportedAt === 'string') result.exportedAt = envelope.exportedAt;
  envelope.entries.forEach((raw, index) => addEntry(result, raw, { index, where: `entry ${index + 1}`, fieldName: (field) => field, now }));
  return finish(result);
}

function parseCsvLibrary(fileName: string, text: string, now: number): ParsedLibraryFile {
  if (text.trim() === '') throw new LibraryFileError(fileName, 'the file has no header row and no entries.');
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false, delimiter: headerDelimiter(text) });
  const quoteError = parsed.errors.find((e) => e.type === 'Quotes');
  if (quoteError) {
    throw new LibraryFileError(fileName, `row ${(quoteError.row ?? 0) + 1}: a quoted cell is never closed (${quoteError.message}).`);
  }
  return tableToLibrary(fileName, 'csv', parsed.data, now);
}

/** The separator the header row uses: Excel writes ";" in locales with a decimal comma, and some tools use tabs. */
function headerDelimiter(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  const count = (d: string) => header.split(d).length - 1;
  return [',', ';', '\t'].reduce((best, d) => (count(d) > count(best) ? d : best), ',');
}

async function parseXlsxLibrary(fileName: string, bytes: Uint8Array, now: number): Promise<ParsedLibraryFile> {
  await checkWorkbook(fileName, bytes);
  let rows: unknown[][];
  try {
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    // Loaded on demand: the spreadsheet reader is large and most imports are JSON.
    const { readSheet } = await import('read-excel-file/universal');
    rows = (await readSheet(buffer, { trim: false })) as unknown[][];
  } catch (error) {
    throw new LibraryFileError(fileName, `the workbook cannot be read (${(error as Error).message}). Save it again from Excel as .xlsx.`);
  }
  return tableToLibrary(fileName, 'xlsx', rows.map((row) => row.map(cellText)), now);
}

/** A spreadsheet cell as text: dates as ISO dates (or date-times when they carry a time). */
function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) {
    const iso = cell.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z');
  }
  return String(cell);
}

function tableToLibrary(fileName: string, kind: 'csv' | 'xlsx', table: string[][], now: number): ParsedLibraryFile {
  const [headerRow, ...dataRows] = table;
  const headers = (headerRow ?? []).map(normalizeHeader);
  const missing = REQUIRED_COLUMNS.filter((c) => !headers.includes(c));
  if (missing.length > 0) {
    const found = headers.filter((h) => h !== '').join(', ') || 'none';
    throw new LibraryFileError(
      fileName,
      `the header row has no ${missing.map((m) => `"${m}"`).join(' or ')} column (found: ${found}). The first row must name the columns, e.g. id, question, answer.`,
    );
  }
  const duplicateHeader = headers.find((h, i) => h !== '' && headers.indexOf(h) !== i);
  if (duplicateHeader) throw new LibraryFileError(fileName, `the header row names the column "${duplicateHeader}" twice.`);

  const rows = dataRows.map((cells, i) => ({ cells, rowNumber: i + 2 })).filter(({ cells }) => cells.some((c) => c.trim() !== ''));
  checkEntryCount(fileName, rows.length);
  const handoff = isHandoffHeader(headers);
  const result: ParsedLibraryFile = { fileName, kind, entries: [], invalid: [], ...(handoff ? { handoff, skipped: [] } : {}) };
  const importedAt = new Date(now).toISOString();
  rows.forEach(({ cells, rowNumber }, index) => {
    let named: Record<string, string> = {};
    let overlong: string | undefined;
    headers.forEach((header, column) => {
      if (header === '') return;
      const text = unprotectCell(cells[column] ?? '');
      named[header] = text;
      overlong ??= overlongTextReason(`${header} (column ${columnLetters(column + 1)})`, text);
    });
    const where = `row ${rowNumber}`;
    if (handoff) {
      const answered = handoffRowCells(named, importedAt);
      if (!answered) {
        result.skipped!.push({ index, where, reason: 'no answer written yet' });
        return;
      }
      named = answered;
    }
    const { raw, problem = overlong } = cellsToRawEntry(named, questionId);
    if (problem) {
      result.invalid.push({ index, where, id: typeof raw.id === 'string' && raw.id ? raw.id : undefined, reason: problem });
      return;
    }
    addEntry(result, raw, { index, where, fieldName: (field) => COLUMN_OF_FIELD[field] ?? field, now });
  });
  return finish(result);
}

/**
 * Nesting depth of a parsed JSON value, walked without recursion (a hostile file may nest thousands deep). Two
 * parallel stacks and only objects pushed: nothing is allocated per value (it runs for every entry of a file).
 */
function nestingDepth(value: unknown, stopAbove: number): number {
  let deepest = 0;
  const nodes: object[] = [];
  const depths: number[] = [];
  if (typeof value === 'object' && value !== null) {
    nodes.push(value);
    depths.push(1);
  }
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const depth = depths.pop()!;
    deepest = Math.max(deepest, depth);
    if (deepest > stopAbove) break;
    for (const key in node) {
      if (!Object.hasOwn(node, key)) continue;
      const child = (node as Record<string, unknown>)[key];
      if (typeof child === 'object' && child !== null) {
        nodes.push(child);
        depths.push(depth + 1);
      }
    }
  }
  return deepest;
}

interface EntryPlace {
  index: number;
  where: string;
  /** The field's name as the file's reader knows it (a column name for spreadsheets). */
  fieldName: (field: string) => string;
  now: number;
}

function addEntry(result: ParsedLibraryFile, input: unknown, place: EntryPlace): void {
  const { index, where, fieldName } = place;
  const raw = withNormalizedId(input);
  if (nestingDepth(raw, MAX_ENTRY_NESTING) > MAX_ENTRY_NESTING) {
    const id = typeof raw === 'object' && raw !== null && typeof (raw as Record<string, unknown>).id === 'string' ? ((raw as Record<string, unknown>).id as string) : undefined;
    result.invalid.push({ index, where, ...(id ? { id } : {}), reason: `entry: values nested more than ${MAX_ENTRY_NESTING} levels deep; remove or flatten the extra fields` });
    return;
  }
  const record = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : undefined;
  const id = typeof record?.id === 'string' && record.id !== '' ? record.id : undefined;
  const overlong = findOverlongText(raw);
  if (overlong) {
    const [top, ...rest] = overlong.path;
    result.invalid.push({ index, where, ...(id ? { id } : {}), reason: overlongTextReason([fieldName(top ?? 'entry'), ...rest].join('.'), overlong.text)! });
    return;
  }
  const parsed = LibraryEntrySchema.safeParse(raw);
  if (parsed.success) {
    const reason = futureTimeReason(parsed.data, fieldName, place.now);
    if (reason) result.invalid.push({ index, where, id: parsed.data.id, reason });
    else result.entries.push({ entry: parsed.data, index, where });
    return;
  }
  if (!record) {
    result.invalid.push({ index, where, reason: 'not an object with id, question and answer' });
    return;
  }
  const reasons = parsed.error.issues.map((issue) => {
    const [top, ...rest] = issue.path.map(String);
    const name = top === undefined ? 'entry' : [fieldName(top), ...rest].join('.');
    if (top !== undefined && rest.length === 0 && record[top] === undefined) return `${name}: required field is missing`;
    return `${name}: ${issue.message}`;
  });
  result.invalid.push({ index, where, id, reason: reasons.join('; ') });
}

/** The entry with its id normalised (NFC, invisible characters removed, trimmed), so look-alike repeats collide. */
function withNormalizedId(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  const record = raw as Record<string, unknown>;
  return typeof record.id === 'string' ? { ...record, id: normalizeEntryId(record.id) } : raw;
}

/** An `updatedAt` later than now (plus skew) would win every later sync, pinning the entry: refused. */
function futureTimeReason(entry: LibraryEntry, fieldName: (field: string) => string, now: number): string | undefined {
  if (!isBeyondNow(entry.updatedAt, now)) return undefined;
  return `${fieldName('updatedAt')}: ${entry.updatedAt} is in the future (more than a day after this computer's time). The exporting computer's clock was probably wrong; correct the time and export again.`;
}

/** Marks every repeat of an id as invalid: sync matches by id, so a file must not say two things about one id. */
function finish(result: ParsedLibraryFile): ParsedLibraryFile {
  const firstSeen = new Map<string, string>();
  const kept: ParsedEntry[] = [];
  result.entries.forEach((parsed) => {
    const first = firstSeen.get(parsed.entry.id);
    if (first === undefined) {
      firstSeen.set(parsed.entry.id, parsed.where);
      kept.push(parsed);
    } else {
      result.invalid.push({
        index: parsed.index,
        where: parsed.where,
        id: parsed.entry.id,
        reason: `duplicate id "${parsed.entry.id}" (already used by ${first}); ids must be unique within a file`,
      });
    }
  });
  result.entries = kept;
  result.invalid.sort((a, b) => a.index - b.index);
  return result;
}
