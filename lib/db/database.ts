// The extension's IndexedDB database. Declarative versions: bump only to migrate data,
// and keep a frozen seed of each released version in tests/fixtures/db/ (see tests/unit/db-migration.test.ts).
import Dexie, { type EntityTable } from 'dexie';
import type { FillEvent, LibraryEntry } from '../schema';

/** Local bookkeeping kept beside each entry; never exported. */
export interface EntryMeta {
  /** When this entry was last written by an import (ISO date-time). */
  importedAt?: string;
  /** The export's `updatedAt` at that import. */
  importedUpdatedAt?: string;
  /** When the analyst last edited this entry in the extension (ISO date-time). */
  localEditedAt?: string;
}

export type StoredEntry = LibraryEntry & { _meta?: EntryMeta };

/** A question wording the analyst accepted for an entry; matches it exactly next time. */
export interface LearnedAlias {
  id?: number;
  entryId: string;
  text: string;
  /** The normalised text (lib/match normalisation), the lookup key. */
  normalized: string;
  createdAt: string;
}

export interface Setting {
  key: string;
  value: unknown;
}

export const DB_NAME = 'questionnaire-autofill';

export class AutofillDatabase extends Dexie {
  entries!: EntityTable<StoredEntry, 'id'>;
  history!: EntityTable<FillEvent, 'seq'>;
  aliases!: EntityTable<LearnedAlias, 'id'>;
  settings!: EntityTable<Setting, 'key'>;

  constructor(name: string = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({
      entries: 'id, status, updatedAt, expiresAt',
      history: '++seq, at, portal, entryId, result, questionKey',
      aliases: '++id, entryId, &normalized',
      settings: 'key',
    });
  }
}

let shared: AutofillDatabase | undefined;

/** The one database of this extension page. */
export function getDatabase(): AutofillDatabase {
  shared ??= new AutofillDatabase();
  return shared;
}
