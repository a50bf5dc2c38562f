// The extension's IndexedDB database. Declarative versions: bump only to migrate data or add an index or a table
// (a later version declares only the tables it adds or changes), and keep a frozen seed of each released version
// in tests/fixtures/db/ (see tests/unit/db-migration.test.ts).
import Dexie, { type EntityTable } from 'dexie';
import type { FillEvent } from '../schema';
import type { EntryVersion, LearnedAlias, Setting, StoredEntry, StoredEvidence } from './records';

export type { EntryMeta, EntryVersion, StoredEntry, LearnedAlias, Setting, EvidenceMeta, StoredEvidence } from './records';

export const DB_NAME = 'questionnaire-autofill';

export class AutofillDatabase extends Dexie {
  entries!: EntityTable<StoredEntry, 'id'>;
  history!: EntityTable<FillEvent, 'seq'>;
  aliases!: EntityTable<LearnedAlias, 'id'>;
  settings!: EntityTable<Setting, 'key'>;
  versions!: EntityTable<EntryVersion, 'id'>;
  evidence!: EntityTable<StoredEvidence, 'id'>;

  constructor(name: string = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({
      entries: 'id, status, updatedAt, expiresAt',
      history: '++seq, at, portal, entryId, result, questionKey',
      aliases: '++id, entryId, &normalized',
      settings: 'key',
    });
    // v2: the write-ahead fill history resolves rows by request id and reads one page's rows back on every scan.
    // v1 rows keep every field; they simply have no request id (nothing to convert, so no upgrade function).
    this.version(2).stores({
      history: '++seq, at, portal, entryId, result, questionKey, requestId, pageUrl',
    });
    // v3: every version of every entry (lib/db/versions-repository.ts). Entries stored before it simply have no
    // version rows yet; their state is recorded as version 1 ("earlier") when they first change.
    this.version(3).stores({
      versions: '++id, entryId, &[entryId+version], at',
    });
    // v4: evidence files (Blob + metadata), found by the entries they support and by content hash. A new table
    // only, so no upgrade function.
    this.version(4).stores({
      evidence: 'id, title, validUntil, sha256, *entryIds',
    });
    // v5: entries keep only their primary key. Nothing ever queried the `status`, `updatedAt` and `expiresAt`
    // indexes (lists filter and sort in memory), yet every entry write maintained them: a 20,000-entry import
    // spent about a third of its put calls on index keys. Dexie drops them on upgrade; no row changes.
    this.version(5).stores({
      entries: 'id',
    });
  }
}

let shared: AutofillDatabase | undefined;

/** The one database of this extension page. */
export function getDatabase(): AutofillDatabase {
  shared ??= new AutofillDatabase();
  return shared;
}
