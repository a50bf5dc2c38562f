// Library entries as the editor changes them: every write is validated, stamps `updatedAt`, records a local edit
// (which is what makes a later import of a changed entry a conflict instead of a silent overwrite) and writes the
// entry's next version in the same transaction (lib/db/versions-repository.ts).
import { mergedContent } from '../library/merged-content';
import { LibraryEntrySchema, type LibraryEntry } from '../schema';
import { getDatabase, type AutofillDatabase } from './database';
import { announceEntryChange } from './entry-changes';
import { getEntries, getOneEntry, hasEntries, putEntries, readAllEntries } from './entry-pages';
import type { StoredEntry, VersionHow } from './records';
import { withStorageErrors } from './storage';
import { currentAuthor, stampVersions, versionOf, type VersionedWrite } from './versions-repository';

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

export { deleteEntries, getEntries, hasEntries, putEntries, readAllEntries } from './entry-pages';

/** Every entry, in id order. */
export async function listEntries(db: AutofillDatabase = getDatabase()): Promise<StoredEntry[]> {
  return readAllEntries(db);
}

export async function countEntries(db: AutofillDatabase = getDatabase()): Promise<number> {
  if (!(await hasEntries(db))) return 0;
  return (await db.entryPages.toArray()).reduce((sum, page) => sum + page.entries.length, 0);
}

export async function getEntry(id: string, db: AutofillDatabase = getDatabase()): Promise<StoredEntry | undefined> {
  return getOneEntry(db, id);
}

/** Adds a new entry written in the extension. Throws if the id is taken or a field is invalid. */
export async function createEntry(
  input: LibraryEntry,
  db: AutofillDatabase = getDatabase(),
  now: Date = new Date(),
): Promise<StoredEntry> {
  const at = now.toISOString();
  const entry = LibraryEntrySchema.parse({ ...input, updatedAt: at });
  const by = await currentAuthor(db);
  const stored = await withStorageErrors(`the new entry "${entry.id}"`, () =>
    db.transaction('rw', db.entryPages, db.versions, async () => {
      if (await getOneEntry(db, entry.id)) throw new DuplicateEntryIdError(entry.id);
      const { entries, rows } = await stampVersions(db, [{ next: { ...entry, _meta: { localEditedAt: at } } }], { kind: 'create' }, at, by);
      await putEntries(db, [entries[0]!]);
      await db.versions.bulkAdd(rows);
      return entries[0]!;
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
  const by = await currentAuthor(db);
  const saved = await withStorageErrors(`the change to "${id}"`, () =>
    db.transaction('rw', db.entryPages, db.versions, async () => {
      const existing = await getOneEntry(db, id);
      if (!existing) throw new EntryNotFoundError(id);
      if (changes.updatedAt !== undefined && changes.updatedAt !== existing.updatedAt) throw new EntryChangedError(id);
      const [stored] = await writeVersioned(db, [{ previous: existing, next: { ...entry, _meta: { ...existing._meta, localEditedAt: at } } }], { kind: 'edit' }, at, by);
      return stored!;
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
  const by = await currentAuthor(db);
  const result = await withStorageErrors(`marking ${ids.length} entries reviewed`, () =>
    db.transaction('rw', db.entryPages, db.versions, async () => {
      const rows = await getEntries(db, ids);
      const writes: VersionedWrite[] = [];
      const missing: string[] = [];
      rows.forEach((row, i) => {
        if (!row) missing.push(ids[i]!);
        else writes.push({ previous: row, next: { ...LibraryEntrySchema.parse({ ...stripMeta(row), ...changes, updatedAt: at }), _meta: { ...row._meta, localEditedAt: at } } });
      });
      const updated = await writeVersioned(db, writes, { kind: 'review' }, at, by);
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
  const by = await currentAuthor(db);
  const stored = await withStorageErrors(`${action === 'retire' ? 'retiring' : 'restoring'} "${id}"`, () =>
    db.transaction('rw', db.entryPages, db.versions, async () => {
      const existing = await getOneEntry(db, id);
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
      const [written] = await writeVersioned(db, [{ previous: existing, next }], { kind: action === 'retire' ? 'retire' : 'unretire' }, at, by);
      return written!;
    }),
  );
  announceEntryChange({ kind: 'entries', ids: [id] });
  return stored;
}

/** A version that is not (or no longer) recorded for the entry. */
export class VersionNotFoundError extends Error {
  override readonly name = 'VersionNotFoundError';
  constructor(id: string, version: number) {
    super(`"${id}" has no recorded version ${version}; open the entry again to see its versions.`);
  }
}

/**
 * Makes an earlier version of an entry current again, as a new version (nothing recorded is rewritten). The
 * restored content keeps this entry's id and is stamped as a local edit, like an edit in the Library view.
 */
export async function restoreEntryVersion(id: string, version: number, db: AutofillDatabase = getDatabase(), now: Date = new Date()): Promise<StoredEntry> {
  const at = now.toISOString();
  const by = await currentAuthor(db);
  const stored = await withStorageErrors(`restoring version ${version} of "${id}"`, () =>
    db.transaction('rw', db.entryPages, db.versions, async () => {
      const existing = await getOneEntry(db, id);
      if (!existing) throw new EntryNotFoundError(id);
      const row = await db.versions.where('[entryId+version]').equals([id, version]).first();
      if (!row) throw new VersionNotFoundError(id, version);
      const entry = LibraryEntrySchema.parse({ ...row.entry, id, updatedAt: at });
      // A restored retired version remembers what to come back as, like a retire does.
      const { statusBeforeRetire, ...meta } = existing._meta ?? {};
      const before = existing.status === 'retired' ? statusBeforeRetire : existing.status;
      const next: StoredEntry = { ...entry, _meta: { ...meta, localEditedAt: at, ...(entry.status === 'retired' ? { statusBeforeRetire: before ?? 'approved' } : {}) } };
      const [written] = await writeVersioned(db, [{ previous: existing, next }], { kind: 'restore', fromVersion: version }, at, by);
      return written!;
    }),
  );
  announceEntryChange({ kind: 'entries', ids: [id] });
  return stored;
}

/**
 * Merges entry `otherId` into `keptId`, in one transaction: the other's wordings become alternates of the kept
 * entry (a new version of it, "merge of <other id>"), the other's id is remembered on the kept entry so a later
 * import of that id does not bring it back, wordings learned for the other now count for the kept entry, and the
 * other entry is removed. Its versions stay, so fill history that names it still shows what was filled.
 */
export async function mergeEntryInto(keptId: string, otherId: string, db: AutofillDatabase = getDatabase(), now: Date = new Date()): Promise<StoredEntry> {
  if (keptId === otherId) throw new Error(`An entry cannot be merged into itself ("${keptId}").`);
  const at = now.toISOString();
  const by = await currentAuthor(db);
  const stored = await withStorageErrors(`merging "${otherId}" into "${keptId}"`, () =>
    db.transaction('rw', db.entryPages, db.versions, db.aliases, async () => {
      const [kept, other] = await getEntries(db, [keptId, otherId]);
      if (!kept) throw new EntryNotFoundError(keptId);
      if (!other) throw new EntryNotFoundError(otherId);
      const mergedIds = [...new Set([...(kept._meta?.mergedIds ?? []), otherId, ...(other._meta?.mergedIds ?? [])])];
      const content = LibraryEntrySchema.parse({ ...mergedContent(stripMeta(kept), other), updatedAt: at });
      const next: StoredEntry = { ...content, _meta: { ...kept._meta, localEditedAt: at, mergedIds } };
      // The other entry's last content is kept as a version too (it may never have changed since versions began).
      const { rows: otherRows } = await stampVersions(db, [{ previous: other, next: other }], { kind: 'merge', mergedId: otherId }, at, by);
      const [written] = await writeVersioned(db, [{ previous: kept, next }], { kind: 'merge', mergedId: otherId }, at, by);
      await db.versions.bulkAdd(otherRows.filter((row) => row.version === versionOf(other)));
      await db.aliases.where('entryId').equals(otherId).modify({ entryId: keptId });
      await putEntries(db, [], [otherId]);
      return written!;
    }),
  );
  announceEntryChange({ kind: 'entries', ids: [keptId, otherId] });
  return stored;
}

/** The entry an id now stands for: itself, or the entry it was merged into. */
export async function resolveEntryId(id: string, db: AutofillDatabase = getDatabase()): Promise<string | undefined> {
  if (await getOneEntry(db, id)) return id;
  const into = (await readAllEntries(db)).find((e) => e._meta?.mergedIds?.includes(id) === true);
  return into?.id;
}

/** Numbers the writes, then stores the entries and their version rows. Call inside a transaction over both tables. */
async function writeVersioned(db: AutofillDatabase, writes: readonly VersionedWrite[], how: VersionHow, at: string, by: string | undefined): Promise<StoredEntry[]> {
  const { entries, rows } = await stampVersions(db, writes, how, at, by);
  await putEntries(db, entries);
  await db.versions.bulkAdd(rows);
  return entries;
}
