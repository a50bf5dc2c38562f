// The extension's IndexedDB database. Declarative versions: bump only to migrate data,
// and keep a frozen seed of each released version in tests/fixtures/db/ (see tests/unit/db-migration.test.ts).
import Dexie, { type EntityTable } from 'dexie';
import type { FillEvent } from '../schema';
import type { LearnedAlias, Setting, StoredEntry } from './records';

export type { EntryMeta, StoredEntry, LearnedAlias, Setting } from './records';

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
