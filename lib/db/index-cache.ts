// The persisted match index: a cache beside the library database, in its own IndexedDB database so it can be
// dropped or damaged without touching an entry (and the library's schema version does not move for it). One slot:
// the index of the library last matched, with the fingerprint of the entries it was built from (lib/match/
// index-snapshot.ts). The matching worker reads it on open and writes it after building; anything that does not
// fit the library it is asked for is ignored and replaced.
import Dexie, { type EntityTable } from 'dexie';
import type { IndexSnapshot } from '../match/index-snapshot';

export const INDEX_CACHE_DB_NAME = 'questionnaire-autofill-match-index';

export interface CachedIndex {
  slot: 'library';
  fingerprint: string;
  savedAt: string;
  snapshot: IndexSnapshot;
}

export class IndexCacheDatabase extends Dexie {
  indexes!: EntityTable<CachedIndex, 'slot'>;

  constructor(name: string = INDEX_CACHE_DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({ indexes: 'slot' });
  }
}

/** What the matching worker needs of the cache (tests pass an in-memory one). */
export interface IndexCache {
  /** The snapshot stored for this fingerprint, or undefined (none, another library's, unreadable). */
  load(fingerprint: string): Promise<unknown>;
  save(fingerprint: string, snapshot: IndexSnapshot): Promise<void>;
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
  };
}
