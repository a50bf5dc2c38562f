// The persisted match index: a cache beside the library database, in its own IndexedDB database so it can be
// dropped or damaged without touching an entry (and the library's schema version does not move for it). One slot:
// the index of the library last matched, with the fingerprint of the entries it was built from (lib/match/
// index-snapshot.ts). The matching worker reads it on open and writes it after building; anything that does not
// fit the library it is asked for is ignored and replaced. Beside it, the proposals already ranked against that
// library (with its learned wordings): reopening the panel on a page it has seen shows them without matching again.
import Dexie, { type EntityTable } from 'dexie';
import type { IndexSnapshot } from '../match/index-snapshot';

import { INDEX_CACHE_DB_NAME } from './db-names';

export { INDEX_CACHE_DB_NAME };

export interface CachedIndex {
  slot: 'library';
  fingerprint: string;
  savedAt: string;
  snapshot: IndexSnapshot;
}

/** Proposals by question wording (the matcher's memo key), ranked against one library and one set of aliases. */
export interface CachedProposals {
  slot: 'library';
  fingerprint: string;
  /** The learned wordings the proposals were ranked with, as JSON: any change makes them stale. */
  aliases: string;
  savedAt: string;
  byWording: Record<string, unknown>;
  /**
   * The entries those proposals name (proposed and runner-up), by id, each as the JSON text the proposals message
   * carries: the worker answers a reopened page from this row and the library's version alone, before reading the
   * entry pages. Same fingerprint, same entries (any write of an entry changes it). Absent in rows written before.
   */
  entries?: Record<string, string>;
}

/** A proposals row as the worker reads it back: unchecked (the caller validates what it uses). */
export interface RememberedRow {
  aliases: string;
  byWording: Record<string, unknown>;
  entries?: unknown;
}

export class IndexCacheDatabase extends Dexie {
  indexes!: EntityTable<CachedIndex, 'slot'>;
  proposals!: EntityTable<CachedProposals, 'slot'>;

  constructor(name: string = INDEX_CACHE_DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({ indexes: 'slot' });
    this.version(2).stores({ proposals: 'slot' });
  }
}

/** What the matching worker needs of the cache (tests pass an in-memory one). */
export interface IndexCache {
  /** The snapshot stored for this fingerprint, or undefined (none, another library's, unreadable). */
  load(fingerprint: string): Promise<unknown>;
  save(fingerprint: string, snapshot: IndexSnapshot): Promise<void>;
  /** Proposals stored for exactly this library and these aliases (unchecked: the caller validates), or undefined. */
  loadProposals?(fingerprint: string, aliases: string): Promise<Record<string, unknown> | undefined>;
  saveProposals?(fingerprint: string, aliases: string, byWording: Record<string, unknown>, entries?: Record<string, string>): Promise<void>;
  /** The proposals row stored for this library, whatever learned wordings it was ranked with (the caller compares). */
  peekProposals?(fingerprint: string): Promise<RememberedRow | undefined>;
  /** The one proposals row stored, whatever library it was ranked against (the caller compares the fingerprint). */
  lastProposals?(): Promise<(RememberedRow & { fingerprint: string }) | undefined>;
}

export function createIndexCache(db: IndexCacheDatabase = new IndexCacheDatabase()): IndexCache {
  return {
    async load(fingerprint) {
      try {
        const row = await db.indexes.get('library');
        return row?.fingerprint === fingerprint ? row.snapshot : undefined;
      } catch {
        return undefined;
      }
    },
    async save(fingerprint, snapshot) {
      await db.indexes.put({ slot: 'library', fingerprint, savedAt: new Date().toISOString(), snapshot });
    },
    async loadProposals(fingerprint, aliases) {
      try {
        const row = await db.proposals.get('library');
        return row?.fingerprint === fingerprint && row.aliases === aliases ? row.byWording : undefined;
      } catch {
        return undefined;
      }
    },
    async peekProposals(fingerprint) {
      try {
        const row = await db.proposals.get('library');
        return row?.fingerprint === fingerprint ? { aliases: row.aliases, byWording: row.byWording, ...(row.entries !== undefined ? { entries: row.entries } : {}) } : undefined;
      } catch {
        return undefined;
      }
    },
    async lastProposals() {
      try {
        const row = await db.proposals.get('library');
        return row ? { fingerprint: row.fingerprint, aliases: row.aliases, byWording: row.byWording, ...(row.entries !== undefined ? { entries: row.entries } : {}) } : undefined;
      } catch {
        return undefined;
      }
    },
    async saveProposals(fingerprint, aliases, byWording, entries) {
      await db.proposals.put({ slot: 'library', fingerprint, aliases, savedAt: new Date().toISOString(), byWording, ...(entries ? { entries } : {}) });
    },
  };
}
