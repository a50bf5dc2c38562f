// Library entries as the editor changes them: every write is validated, stamps `updatedAt` and records a local edit
// (which is what makes a later import of a changed entry a conflict instead of a silent overwrite).
import { LibraryEntrySchema, type LibraryEntry } from '../schema';
import { getDatabase, type AutofillDatabase } from './database';
import { announceEntryChange } from './entry-changes';
import type { StoredEntry } from './records';
import { withStorageErrors } from './storage';

export class EntryNotFoundError extends Error {
  override readonly name = 'EntryNotFoundError';
  constructor(id: string) {
    super(`No library entry has the id "${id}".`);
  }
}

export class DuplicateEntryIdError extends Error {
  override readonly name = 'DuplicateEntryIdError';
  constructor(id: string) {
    super(`A library entry with the id "${id}" already exists; choose another id.`);
  }
}

/** Removes the local bookkeeping, leaving the entry as the format defines it. */
export function stripMeta(entry: StoredEntry): LibraryEntry {
  const { _meta: _ignored, ...rest } = entry;
  return rest;
}

export async function listEntries(db: AutofillDatabase = getDatabase()): Promise<StoredEntry[]> {
  return db.entries.toArray();
}

export async function countEntries(db: AutofillDatabase = getDatabase()): Promise<number> {
  return db.entries.count();
}

export async function getEntry(id: string, db: AutofillDatabase = getDatabase()): Promise<StoredEntry | undefined> {
  return db.entries.get(id);
}

/** Adds a new entry written in the extension. Throws if the id is taken or a field is invalid. */
export async function createEntry(
  input: LibraryEntry,
  db: AutofillDatabase = getDatabase(),
  now: Date = new Date(),
): Promise<StoredEntry> {
  const at = now.toISOString();
  const entry = LibraryEntrySchema.parse({ ...input, updatedAt: at });
  const stored: StoredEntry = { ...entry, _meta: { localEditedAt: at } };
  await withStorageErrors(`the new entry "${entry.id}"`, () =>
    db.transaction('rw', db.entries, async () => {
      if (await db.entries.get(entry.id)) throw new DuplicateEntryIdError(entry.id);
      await db.entries.add(stored);
    }),
  );
  announceEntryChange({ kind: 'entries', ids: [stored.id] });
  return stored;
}

/** An edit started from an older version of the entry: saving it would silently undo someone else's change. */
export class EntryChangedError extends Error {
  override readonly name = 'EntryChangedError';
  constructor(readonly entryId: string) {
    super(
      `"${entryId}" was changed elsewhere (another window or an import) after you opened it, so your edit was not saved. ` +
        'Open the entry again to see the current version, then make your edit.',
    );
  }
}

/**
 * Replaces an entry's fields (the id stays). Unknown fields the caller passes along are kept.
 * `changes.updatedAt`, when present, is the version the edit started from: if the stored entry has moved on
 * since (two panels editing at once), nothing is written and EntryChangedError says so.
 */
export async function updateEntry(
  id: string,
  changes: Omit<LibraryEntry, 'id'>,
  db: AutofillDatabase = getDatabase(),
  now: Date = new Date(),
): Promise<StoredEntry> {
  const at = now.toISOString();
  const entry = LibraryEntrySchema.parse({ ...changes, id, updatedAt: at });
  const saved = await withStorageErrors(`the change to "${id}"`, () =>
    db.transaction('rw', db.entries, async () => {
      const existing = await db.entries.get(id);
      if (!existing) throw new EntryNotFoundError(id);
      if (changes.updatedAt !== undefined && changes.updatedAt !== existing.updatedAt) throw new EntryChangedError(id);
      const stored: StoredEntry = { ...entry, _meta: { ...existing._meta, localEditedAt: at } };
      await db.entries.put(stored);
      return stored;
    }),
  );
  announceEntryChange({ kind: 'entries', ids: [id] });
  return saved;
}

/**
 * Marks entries reviewed in one transaction (all or nothing): `changes` (reviewedAt and the next expiresAt, from
 * lib/library/review-queue) on each, stamped as a local edit. Ids no longer in the library are skipped and returned.
 */
export async function markEntriesReviewed(
  ids: readonly string[],
  changes: Pick<LibraryEntry, 'reviewedAt' | 'expiresAt'>,
  db: AutofillDatabase = getDatabase(),
  now: Date = new Date(),
): Promise<{ updated: StoredEntry[]; missing: string[] }> {
  const at = now.toISOString();
  const result = await withStorageErrors(`marking ${ids.length} entries reviewed`, () =>
    db.transaction('rw', db.entries, async () => {
      const rows = await db.entries.bulkGet([...ids]);
      const updated: StoredEntry[] = [];
      const missing: string[] = [];
      rows.forEach((row, i) => {
        if (!row) missing.push(ids[i]!);
        else updated.push({ ...LibraryEntrySchema.parse({ ...stripMeta(row), ...changes, updatedAt: at }), _meta: { ...row._meta, localEditedAt: at } });
      });
      await db.entries.bulkPut(updated);
      return { updated, missing };
    }),
  );
  if (result.updated.length) announceEntryChange({ kind: 'entries', ids: result.updated.map((e) => e.id) });
  return result;
}

/** Retired entries are never proposed but stay in the library (and in exports) until restored. */
export async function retireEntry(id: string, db: AutofillDatabase = getDatabase(), now: Date = new Date()): Promise<StoredEntry> {
  return changeStatus(id, 'retire', db, now);
}

/** Brings a retired entry back with the status it had before (approved if unknown). */
export async function restoreEntry(id: string, db: AutofillDatabase = getDatabase(), now: Date = new Date()): Promise<StoredEntry> {
  return changeStatus(id, 'restore', db, now);
}

async function changeStatus(id: string, action: 'retire' | 'restore', db: AutofillDatabase, now: Date): Promise<StoredEntry> {
  const at = now.toISOString();
  const stored = await withStorageErrors(`${action === 'retire' ? 'retiring' : 'restoring'} "${id}"`, () =>
    db.transaction('rw', db.entries, async () => {
      const existing = await db.entries.get(id);
      if (!existing) throw new EntryNotFoundError(id);
      const meta = { ...existing._meta, localEditedAt: at };
      let next: StoredEntry;
      if (action === 'retire') {
        if (existing.status === 'retired') return existing;
        next = { ...existing, status: 'retired', updatedAt: at, _meta: { ...meta, statusBeforeRetire: existing.status ?? 'approved' } };
      } else {
        if (existing.status !== 'retired') return existing;
        const { statusBeforeRetire, ...rest } = meta;
        next = { ...existing, status: statusBeforeRetire ?? 'approved', updatedAt: at, _meta: rest };
      }
      await db.entries.put(next);
      return next;
    }),
  );
  announceEntryChange({ kind: 'entries', ids: [id] });
  return stored;
}
