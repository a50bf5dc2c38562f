// A cheap signal that library entries changed, shared by every extension page (other panel windows, the options
// page) over a BroadcastChannel: which ids changed, what an import wrote, or "re-read everything". Pages re-read
// only what it names.
import { z } from 'zod';
import type { StoredEntry } from './records';

const CHANNEL = 'questionnaire-autofill:entries';

export const EntryChangeSchema = z.union([
  z.object({ kind: z.literal('entries'), ids: z.array(z.string()).min(1) }),
  /**
   * What an import committed, as the stored rows (one JSON text: one copy instead of 20,000 objects to clone),
   * and the ids it removed: pages merge them instead of re-reading the whole table.
   */
  z.object({
    kind: z.literal('written'),
    entries: z.string(),
    removed: z.array(z.string()),
    /** Names this write: the importing page may have read the rows before the commit (primeWrittenEntries). */
    key: z.string().optional(),
  }),
  /** Too many to name: re-read the whole table. */
  z.object({ kind: z.literal('all') }),
]);
export type EntryChange = z.infer<typeof EntryChangeSchema>;

/** Tells every extension page (this one included) that entries were written. Call after the write committed. */
export function announceEntryChange(change: EntryChange): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage(change);
  channel.close();
}

/** Calls `listener` for every valid change announced by any extension page; returns the unsubscribe. */
export function watchEntryChanges(listener: (change: EntryChange) => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent<unknown>) => {
    const parsed = EntryChangeSchema.safeParse(event.data);
    if (parsed.success) listener(parsed.data);
  };
  return () => channel.close();
}

/** The rows of a `written` text, or undefined when it is not a list of entries (each with a string id, question and answer). */
function rowsOf(text: string): StoredEntry[] | undefined {
  let rows: unknown;
  try {
    rows = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!Array.isArray(rows)) return undefined;
  for (const row of rows as unknown[]) {
    if (typeof row !== 'object' || row === null) return undefined;
    const { id, question, answer } = row as Record<string, unknown>;
    if (typeof id !== 'string' || typeof question !== 'string' || typeof answer !== 'string') return undefined;
  }
  return rows as StoredEntry[];
}

/** The rows of the write this page is waiting for, read while the database committed them. One at a time. */
let primed: { key: string; text: string; rows: StoredEntry[] | undefined } | undefined;

/**
 * Reads the rows of a write before it commits (the import worker sends them to its page while the database
 * stores them, a second or more at 20,000 entries), so the `written` change naming `key` finds them parsed and
 * the list is updated without parsing 20,000 rows after the commit. Nothing is shown from them until that change
 * arrives; a write that fails or is cancelled announces nothing, and the next write replaces them.
 */
export function primeWrittenEntries(key: string, text: string): void {
  primed = { key, text, rows: rowsOf(text) };
}

/** Drops primed rows that will not be announced (the write failed or was cancelled). */
export function forgetPrimedEntries(): void {
  primed = undefined;
}

/**
 * The rows a `written` change carries, or undefined when its text is not a list of entries (each an object with a
 * string id, question and answer): the page then re-reads the table instead. A sender is an extension page. Rows
 * primed under the change's key are used when the change carries the same text.
 */
export function writtenEntriesOf(change: Extract<EntryChange, { kind: 'written' }>): StoredEntry[] | undefined {
  const ready = primed;
  if (ready && change.key !== undefined && ready.key === change.key && ready.text === change.entries) {
    primed = undefined;
    return ready.rows;
  }
  return rowsOf(change.entries);
}
