// A cheap signal that library entries changed, shared by every extension page (other panel windows, the options
// page) over a BroadcastChannel: which ids changed, or "many" after an import. Pages re-read only what it names.
import { z } from 'zod';

const CHANNEL = 'questionnaire-autofill:entries';

export const EntryChangeSchema = z.union([
  z.object({ kind: z.literal('entries'), ids: z.array(z.string()).min(1) }),
  /** Too many to name (an import): re-read the whole table. */
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
