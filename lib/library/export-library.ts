// Writes the library as JSON (canonical), CSV or XLSX. Deterministic: entries sorted by id, keys in format order,
// so exporting what was imported gives the same bytes.
import Papa from 'papaparse';
import { LIBRARY_FORMAT, LIBRARY_FORMAT_VERSION, type LibraryEntry, type LibraryExport } from '../schema';
import { canonicalEntry, sortById } from './canonical-entry';
import { LibraryExportError } from './library-errors';
import { MAX_XLSX_CELL_CHARS } from './limits';
import type { LibraryFileKind } from './parse-library-file';
import { entriesToTable, protectCell } from './table-columns';

export interface ExportOptions {
  /** ISO date-time written as `exportedAt`; defaults to now. */
  exportedAt?: string;
  source?: string;
}

/** The canonical JSON export: 2-space indentation, trailing newline. */
export function exportLibraryJson(entries: readonly LibraryEntry[], options: ExportOptions = {}): string {
  const document: LibraryExport = {
    format: LIBRARY_FORMAT,
    version: LIBRARY_FORMAT_VERSION,
    exportedAt: options.exportedAt ?? new Date().toISOString(),
    ...(options.source !== undefined ? { source: options.source } : {}),
    entries: sortById(entries).map(canonicalEntry),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** CSV with a UTF-8 byte-order mark (so Excel reads it as UTF-8) and CRLF line ends. */
export function exportLibraryCsv(entries: readonly LibraryEntry[]): string {
  const { columns, rows } = entriesToTable(sortById(entries));
  return writeTableCsv(columns, rows);
}

/** Any table of text cells as CSV: formula-safe cells, a byte-order mark, CRLF line ends. */
export function writeTableCsv(columns: readonly string[], rows: readonly (readonly string[])[]): string {
  // Quoting a cell with ";" keeps it whole when a locale that separates with ";" opens the file.
  const quotes = (cell: unknown) => typeof cell === 'string' && cell.includes(';');
  const csv = Papa.unparse({ fields: [...columns], data: rows.map((row) => row.map(protectCell)) }, { newline: '\r\n', quotes });
  return `\uFEFF${csv}\r\n`;
}

// eslint-disable-next-line no-control-regex
const XLSX_UNSTORABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uD800-\uDFFF\uFFFD-\uFFFF]/u;

export async function exportLibraryXlsx(entries: readonly LibraryEntry[]): Promise<Blob> {
  const sorted = sortById(entries);
  const { columns, rows } = entriesToTable(sorted);
  return writeTableXlsx(columns, rows, { sheet: 'Library', rowName: (r) => `Entry "${sorted[r]?.id}"`, fallback: 'Export as JSON or CSV instead.' });
}

export interface XlsxTableOptions {
  sheet: string;
  /** How an error names a data row (0-based), e.g. `Entry "enc-at-rest"`. */
  rowName: (row: number) => string;
  /** What the analyst can do instead when a cell cannot be written. */
  fallback: string;
}

/** Any table of text cells as a workbook with a bold header; refuses (naming row and column) a cell XLSX cannot hold. */
export async function writeTableXlsx(columns: readonly string[], rows: readonly (readonly string[])[], options: XlsxTableOptions): Promise<Blob> {
  const { rowName, fallback } = options;
  rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell.length + 1 > MAX_XLSX_CELL_CHARS) {
        throw new LibraryExportError(
          `${rowName(r)}: its ${columns[c]} has ${cell.length} characters, more than an Excel cell holds (${MAX_XLSX_CELL_CHARS}). ${fallback}`,
        );
      }
      // A workbook cannot carry control characters, lone surrogates or U+FFFD-U+FFFF: the reader drops them, so the
      // cell would come back changed (or empty). Refuse rather than export a file that does not hold the library.
      const unstorable = XLSX_UNSTORABLE.exec(cell);
      if (unstorable) {
        const code = unstorable[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
        throw new LibraryExportError(`${rowName(r)}: its ${columns[c]} contains the character U+${code}, which an XLSX file cannot hold. ${fallback}`);
      }
      // write-excel-file indexes shared strings in a plain object, so a cell named like an Object.prototype member
      // ("constructor", "toString", "__proto__") would be written as garbage and the workbook could not be read back.
      if (protectCell(cell) in Object.prototype) {
        throw new LibraryExportError(`${rowName(r)}: its ${columns[c]} is exactly "${cell}", which the XLSX writer cannot store. ${fallback}`);
      }
    }),
  );
  const header = columns.map((name) => ({ value: name, fontWeight: 'bold' as const }));
  const data = rows.map((row) => row.map((cell) => (cell === '' ? null : { value: protectCell(cell), type: String })));
  // Loaded on demand: the spreadsheet writer is large and only the exports need it.
  const { default: writeXlsxFile } = await import('write-excel-file/universal');
  return writeXlsxFile([header, ...data], { sheet: options.sheet, stickyRowsCount: 1 }).toBlob();
}

export const EXPORT_MIME_TYPES: Record<LibraryFileKind, string> = {
  json: 'application/json',
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** One export as a downloadable Blob with a dated file name, e.g. answer-library-2026-11-28.csv. */
export async function exportLibraryFile(
  entries: readonly LibraryEntry[],
  kind: LibraryFileKind,
  options: ExportOptions = {},
): Promise<{ blob: Blob; fileName: string }> {
  const exportedAt = options.exportedAt ?? new Date().toISOString();
  const fileName = `answer-library-${exportedAt.slice(0, 10)}.${kind}`;
  if (kind === 'xlsx') return { blob: await exportLibraryXlsx(entries), fileName };
  const text = kind === 'json' ? exportLibraryJson(entries, { ...options, exportedAt }) : exportLibraryCsv(entries);
  return { blob: new Blob([text], { type: EXPORT_MIME_TYPES[kind] }), fileName };
}
