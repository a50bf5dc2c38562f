// The CSV/XLSX column layout and the lossless mapping between an entry and one row of text cells.
// Anything a column cannot hold exactly (an empty list, a tag with ";", unknown non-text fields) goes into the
// `extra` column as JSON, so a spreadsheet round trip keeps every field.
import type { Citation, LibraryEntry } from '../schema';
import { KNOWN_ENTRY_KEYS, canonicalEntry } from './canonical-entry';

export const TABLE_COLUMNS = [
  'id',
  'question',
  'answer',
  'choice',
  'tags',
  'citation_title',
  'citation_section',
  'citation_url',
  'owner',
  'status',
  'reviewed_at',
  'expires_at',
  'updated_at',
  'alternate_questions',
] as const;
export const EXTRA_COLUMN = 'extra';
export const REQUIRED_COLUMNS = ['question', 'answer'] as const;

/** Which entry field a column fills, for error messages that speak the spreadsheet's language. */
export const COLUMN_OF_FIELD: Record<string, string> = {
  id: 'id',
  question: 'question',
  answer: 'answer',
  choice: 'choice',
  tags: 'tags',
  citations: 'citation_title',
  owner: 'owner',
  status: 'status',
  reviewedAt: 'reviewed_at',
  expiresAt: 'expires_at',
  updatedAt: 'updated_at',
  alternateQuestions: 'alternate_questions',
};

const TEXT_FIELDS = [
  ['choice', 'choice'],
  ['owner', 'owner'],
  ['reviewedAt', 'reviewed_at'],
  ['expiresAt', 'expires_at'],
  ['updatedAt', 'updated_at'],
] as const;

/** Keys that would reach an object's prototype if assigned; never taken from a file's columns or `extra`. */
const UNSAFE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

// The full-width forms (＝ ＋ － ＠) count too: spreadsheets in East Asian locales convert them to formulas.
const FORMULA_START = /^'*[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/;

/** Prefixes `'` to a cell a spreadsheet would run as a formula (and to one that already looks prefixed, so import is exact). */
export function protectCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * One CSV cell: neutralised against formula injection as protectCell does (full-width ＝＋－＠ too, which
 * East Asian locales turn into formulas), quoted when it holds a separator (`;` as well: locales that split on it),
 * a quote or a line break.
 */
export function csvCell(raw: string): string {
  const safe = protectCell(raw);
  return /[",;\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Undoes protectCell. */
export function unprotectCell(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

/** Spreadsheet letters of a 1-based column number (1 = A, 27 = AA), for messages that point at a cell. */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** A header cell as a column name: "Citation Title" and "citation-title" both mean citation_title. */
export function normalizeHeader(header: string): string {
  return header.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s-]+/g, '_');
}

const splitLines = (cell: string) => cell.split('\n').map((line) => line.replace(/\r$/, ''));
const optionalText = (cell: string) => (cell === '' ? undefined : cell);

function decodeTags(cell: string): string[] | undefined {
  const tags = cell.split(';').map((t) => t.trim()).filter((t) => t !== '');
  return tags.length ? tags : undefined;
}
function decodeAlternates(cell: string): string[] | undefined {
  const lines = splitLines(cell).filter((l) => l.trim() !== '');
  return lines.length ? lines : undefined;
}
function decodeStatus(cell: string): string | undefined {
  const status = cell.trim().toLowerCase();
  return status === '' ? undefined : status;
}
function decodeCitations(title: string, section: string, url: string): Citation[] | undefined {
  const titles = splitLines(title);
  const sections = splitLines(section);
  const urls = splitLines(url);
  const count = Math.max(title ? titles.length : 0, section ? sections.length : 0, url ? urls.length : 0);
  const citations: Citation[] = [];
  for (let i = 0; i < count; i++) {
    const t = titles[i] ?? '';
    const s = sections[i] ?? '';
    const u = urls[i] ?? '';
    if (t === '' && s === '' && u === '') continue;
    const citation: Citation = { title: t };
    if (s !== '') citation.section = s;
    if (u !== '') citation.url = u;
    citations.push(citation);
  }
  return citations.length ? citations : undefined;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Columns an export needs: the fixed ones, unknown text fields as their own columns, and `extra` when used. */
export interface TableLayout {
  columns: string[];
  rows: string[][];
}

/** Entries as rows of unprotected text cells (callers add formula protection for their format). */
export function entriesToTable(entries: readonly LibraryEntry[]): TableLayout {
  const prepared = entries.map((entry) => entryToCells(canonicalEntry(entry)));
  const unknownColumns = [...new Set(prepared.flatMap((p) => Object.keys(p.unknown)))].sort();
  const needsExtra = prepared.some((p) => Object.keys(p.extra).length > 0);
  const columns = [...TABLE_COLUMNS, ...unknownColumns, ...(needsExtra ? [EXTRA_COLUMN] : [])];
  const rows = prepared.map((p) =>
    columns.map((column) => {
      if (column === EXTRA_COLUMN) return Object.keys(p.extra).length ? JSON.stringify(p.extra) : '';
      return p.cells[column] ?? p.unknown[column] ?? '';
    }),
  );
  return { columns, rows };
}

function entryToCells(entry: LibraryEntry): { cells: Record<string, string>; unknown: Record<string, string>; extra: Record<string, unknown> } {
  const cells: Record<string, string> = { id: entry.id, question: entry.question, answer: entry.answer };
  const extra: Record<string, unknown> = {};
  const unknown: Record<string, string> = {};
  // The importer trims the id cell, so an id with surrounding spaces travels exactly in `extra` (it wins on import).
  if (entry.id.trim() !== entry.id) extra.id = entry.id;

  for (const [field, column] of TEXT_FIELDS) {
    const value = entry[field];
    if (value === undefined) continue;
    if (value === '') extra[field] = value;
    else cells[column] = value;
  }
  if (entry.status !== undefined) cells.status = entry.status;

  if (entry.tags !== undefined) {
    const cell = entry.tags.join('; ');
    if (same(decodeTags(cell), entry.tags)) cells.tags = cell;
    else extra.tags = entry.tags;
  }
  if (entry.alternateQuestions !== undefined) {
    const cell = entry.alternateQuestions.join('\n');
    if (same(decodeAlternates(cell), entry.alternateQuestions)) cells.alternate_questions = cell;
    else extra.alternateQuestions = entry.alternateQuestions;
  }
  if (entry.citations !== undefined) {
    const title = entry.citations.map((c) => c.title).join('\n');
    const section = entry.citations.map((c) => c.section ?? '').join('\n');
    const url = entry.citations.map((c) => c.url ?? '').join('\n');
    if (same(decodeCitations(title, section, url), entry.citations)) {
      cells.citation_title = title;
      cells.citation_section = section.replace(/^\n+$/, '');
      cells.citation_url = url.replace(/^\n+$/, '');
    } else {
      extra.citations = entry.citations;
    }
  }
  for (const [key, value] of Object.entries(entry)) {
    if (KNOWN_ENTRY_KEYS.has(key)) continue;
    const column = normalizeHeader(key);
    const fitsColumn =
      typeof value === 'string' && value !== '' && column === key && !(TABLE_COLUMNS as readonly string[]).includes(key) && key !== EXTRA_COLUMN;
    if (fitsColumn) unknown[key] = value;
    else extra[key] = value;
  }
  return { cells, unknown, extra };
}

/** One data row (unprotected cells keyed by normalised column name) as a raw entry, before schema validation. */
export function cellsToRawEntry(cells: Record<string, string>, deriveId: (question: string) => string): { raw: Record<string, unknown>; problem?: string } {
  const raw: Record<string, unknown> = {};
  const question = cells.question ?? '';
  raw.id = cells.id?.trim() ? cells.id.trim() : question.trim() ? deriveId(question) : '';
  raw.question = question;
  const alternates = decodeAlternates(cells.alternate_questions ?? '');
  if (alternates) raw.alternateQuestions = alternates;
  raw.answer = cells.answer ?? '';
  const choice = optionalText(cells.choice ?? '');
  if (choice !== undefined) raw.choice = choice;
  const tags = decodeTags(cells.tags ?? '');
  if (tags) raw.tags = tags;
  const citations = decodeCitations(cells.citation_title ?? '', cells.citation_section ?? '', cells.citation_url ?? '');
  if (citations) raw.citations = citations;
  const owner = optionalText(cells.owner ?? '');
  if (owner !== undefined) raw.owner = owner;
  const status = decodeStatus(cells.status ?? '');
  if (status !== undefined) raw.status = status;
  for (const [field, column] of TEXT_FIELDS) {
    if (field === 'choice' || field === 'owner') continue;
    const value = optionalText((cells[column] ?? '').trim());
    if (value !== undefined) raw[field] = value;
  }
  for (const [column, value] of Object.entries(cells)) {
    if ((TABLE_COLUMNS as readonly string[]).includes(column) || column === EXTRA_COLUMN || value === '' || UNSAFE_KEYS.has(column)) continue;
    raw[column] = value;
  }
  const extraCell = cells[EXTRA_COLUMN]?.trim();
  if (extraCell) {
    let extra: unknown;
    try {
      extra = JSON.parse(extraCell);
    } catch {
      return { raw, problem: `${EXTRA_COLUMN}: not valid JSON (it holds fields the other columns cannot; leave it as exported or empty)` };
    }
    if (typeof extra !== 'object' || extra === null || Array.isArray(extra)) {
      return { raw, problem: `${EXTRA_COLUMN}: expected a JSON object like {"field": "value"}` };
    }
    for (const [key, value] of Object.entries(extra)) if (!UNSAFE_KEYS.has(key)) raw[key] = value;
  }
  return { raw };
}
