// A cheap signal that library entries changed, shared by every extension page (other panel windows, the options
// page) over a BroadcastChannel: which ids changed, what an import wrote, or "re-read everything". Pages re-read
// only what it names.
import { z } from 'zod';
import { entryRowsOf } from '../schema/entry-rows';
import type { StoredEntry } from './records';
import { ENTRY_CHANGES_CHANNEL } from './db-names';

const CHANNEL = ENTRY_CHANGES_CHANNEL;

export const EntryChangeSchema = z.union([
  z.object({ kind: z.literal('entries'), ids: z.array(z.string()).min(1) }),
  /**
   * What an import committed, as the stored rows (one JSON text: one copy instead of 20,000 objects to clone),
   * and the ids it removed: pages merge them instead of re-reading the whole table.
   */
  z.object({ kind: z.literal('written'), entries: z.string(), removed: z.array(z.string()) }),
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

/**
 * The rows a `written` change carries, or undefined when its text is not a list of entries (each an object with a
 * string id, question and answer): the page then re-reads the table instead. A sender is an extension page.
 */
export function writtenEntriesOf(change: Extract<EntryChange, { kind: 'written' }>): StoredEntry[] | undefined {
  return entryRowsOf<StoredEntry>(change.entries);
}
