// The extension's IndexedDB database. Declarative versions: bump only to migrate data or add an index or a table
// (a later version declares only the tables it adds or changes), and keep a frozen seed of each released version
// in tests/fixtures/db/ (see tests/unit/db-migration.test.ts).
import Dexie, { type EntityTable } from 'dexie';
import type { FillEvent } from '../schema';
import { groupByPage, newPageStamp } from './entry-pages';
import type { EntryVersion, LearnedAlias, Setting, StoredEntry, StoredEvidence } from './records';

export type { EntryMeta, EntryVersion, StoredEntry, LearnedAlias, Setting, EvidenceMeta, StoredEvidence } from './records';

import { DB_NAME } from './db-names';

export { DB_NAME };

/** One stored page of library entries (lib/db/entry-pages.ts): its number and its entries, in id order. */
export interface EntryPage {
  page: number;
  entries: StoredEntry[];
  /**
   * Drawn anew (random) every time the page is written, by the database itself (the `entry-page-stamps` middleware
   * below): the matching worker's library fingerprint is taken over the pages' stamps instead of every entry. A page
   * with none (written below Dexie) makes it fingerprint the entries.
   */
  stamp?: string;
}

export class AutofillDatabase extends Dexie {
  /** Library entries, a page of a few hundred per record: read and write them through lib/db/entries-repository.ts. */
  entryPages!: EntityTable<EntryPage, 'page'>;
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
    // v6: entries stored in pages (lib/db/entry-pages.ts), a few hundred per record: the database's cost is per
    // record, and a 20,000-entry import spent 2-2.5 s of its write storing and committing 20,000 of them. Every
    // entry moves unchanged into the page its id hashes to; the `entries` store is then dropped.
    this.version(6)
      .stores({
        entries: null,
        entryPages: 'page',
      })
      .upgrade(async (tx) => {
        const entries = (await tx.table('entries').toArray()) as StoredEntry[];
        const pages = [...groupByPage(entries)].map(([page, rows]) => ({ page, entries: [...rows.values()] }));
        await tx.table('entryPages').bulkAdd(pages);
      });
    // v7: an index on the entry pages' stamps, so the matching worker reads the library's version (every page's
    // number and stamp) from the index's keys alone, without cloning 5,000 entries out of the pages
    // (readLibraryVersion in lib/db/entry-pages.ts). IndexedDB builds it over the stored pages; no row changes, so no
    // upgrade function. A page with no stamp is left out of the index, and the reader then says it cannot tell.
    this.version(7).stores({
      entryPages: 'page, stamp',
    });
    // Every page written through this database gets a new stamp, whatever wrote it: the matching worker trusts the
    // stamps to say the library changed (a page put back unchanged only costs a new match). Set here, below every
    // table method, rather than by each writer, so a write path added later cannot keep a page's old stamp.
    this.use({
      stack: 'dbcore',
      name: 'entry-page-stamps',
      create: (down) => ({
        ...down,
        table: (tableName) => {
          const table = down.table(tableName);
          if (tableName !== 'entryPages') return table;
          return {
            ...table,
            mutate: (req) =>
              req.type === 'put' || req.type === 'add'
                ? table.mutate({ ...req, values: req.values.map((page: EntryPage) => ({ ...page, stamp: newPageStamp() })) })
                : table.mutate(req),
          };
        },
      }),
    });
  }
}

let shared: AutofillDatabase | undefined;

/** The one database of this extension page. */
export function getDatabase(): AutofillDatabase {
  shared ??= new AutofillDatabase();
  return shared;
}
