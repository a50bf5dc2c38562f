// The library as the matching worker reads it for itself (lib/panel/match-worker-core.ts, `library-from-db`): the
// entries (bookkeeping stripped, id order, as the panel loads them), the proposals remembered beside the persisted
// match index, and the entry-change announcements that make a read stale. Dexie works in a worker: same origin,
// same database as the panel's.
import { getDatabase, type AutofillDatabase } from './database';
import { watchEntryChanges } from './entry-changes';
import { readAllEntries, readEntriesWithVersion, readLibraryVersion } from './entry-pages';
import type { StoredEntry } from './records';
import type { LibraryEntry } from '../schema';
import type { IndexCache } from './index-cache';
import type { LibraryDatabase } from '../panel/match-worker-core';

export function createLibraryReader(cache: IndexCache | undefined, db: AutofillDatabase = getDatabase()): LibraryDatabase {
  return {
    // One read: off the panel's main thread, a long clone out of IndexedDB delays nothing the analyst sees. Fields
    // in the order the library message's schema gives them (id, question, answer, then the rest as stored), so the
    // fingerprint, and with it the persisted index and remembered proposals, is the one of the same entries sent.
    readEntries: async () => (await readAllEntries(db)).map(asLibraryEntry),
    // With the pages' stamps: the fingerprint is taken over them instead of 5,000 entries' JSON text.
    readEntriesWithVersion: async () => {
      const { entries, version } = await readEntriesWithVersion(db);
      return { entries: entries.map(asLibraryEntry), ...(version !== undefined ? { version } : {}) };
    },
    // The pages' numbers and stamps alone, from the stamp index's keys: the remembered proposals' key without the entries.
    readVersion: () => readLibraryVersion(db),
    ...(cache?.peekProposals ? { readRemembered: (fingerprint: string) => cache.peekProposals!(fingerprint) } : {}),
    ...(cache?.lastProposals ? { readLastRemembered: () => cache.lastProposals!() } : {}),
    watchChanges: (listener) => void watchEntryChanges(() => listener()),
  };
}

function asLibraryEntry({ _meta: _ignored, id, question, answer, ...rest }: StoredEntry): LibraryEntry {
  return { id, question, answer, ...rest };
}
