// The canonical shape of an entry: known fields in format-doc order, then unknown fields in their own order.
// Export writes this shape, so export -> import -> export gives the same bytes.
import type { Citation, LibraryEntry } from '../schema';

const ENTRY_KEY_ORDER = [
  'id',
  'question',
  'alternateQuestions',
  'answer',
  'choice',
  'tags',
  'citations',
  'owner',
  'status',
  'reviewedAt',
  'expiresAt',
  'updatedAt',
] as const;
const CITATION_KEY_ORDER = ['title', 'section', 'url'] as const;

export const KNOWN_ENTRY_KEYS: ReadonlySet<string> = new Set(ENTRY_KEY_ORDER);

function reorder<T extends object>(value: T, order: readonly string[], skip: ReadonlySet<string> = new Set()): T {
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of order) if (source[key] !== undefined) out[key] = source[key];
  for (const key of Object.keys(source)) {
    if (!order.includes(key) && !skip.has(key) && source[key] !== undefined) out[key] = source[key];
  }
  return out as T;
}

/** The entry without local bookkeeping (`_meta`), keys in canonical order. */
export function canonicalEntry(entry: LibraryEntry): LibraryEntry {
  const ordered = reorder(entry, ENTRY_KEY_ORDER, new Set(['_meta']));
  if (ordered.citations) ordered.citations = ordered.citations.map((c: Citation) => reorder(c, CITATION_KEY_ORDER));
  return ordered;
}

/** Same content (ignoring key order, `_meta` and the version number, which each library counts for itself). */
export function sameEntryContent(a: LibraryEntry, b: LibraryEntry): boolean {
  return JSON.stringify(canonicalEntry({ ...a, version: undefined })) === JSON.stringify(canonicalEntry({ ...b, version: undefined }));
}

/** Entries sorted by id the way IndexedDB orders string keys (UTF-16 code units). */
export function sortById<T extends { id: string }>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
