// Versions of library entries: every change of an entry writes its new content as a numbered version row, in the
// same transaction as the entry itself, so "what did we send" can be answered after the entry moved on.
import Dexie from 'dexie';
import { getTeamName } from '../library/team-name';
import type { LibraryEntry } from '../schema';
import { getDatabase, type AutofillDatabase } from './database';
import { getOneEntry } from './entry-pages';
import { EntryVersionSchema, type EntryVersion, type StoredEntry, type VersionHow } from './records';

/** One entry write: the stored row it replaces (none for a new entry) and the row to store. */
export interface VersionedWrite {
  previous?: StoredEntry;
  next: StoredEntry;
}

/** The entry without local bookkeeping, as a version keeps it. */
function contentOf(entry: StoredEntry): LibraryEntry {
  const { _meta: _ignored, ...rest } = entry;
  return rest;
}

/** The stored entry with no pending (unrecorded) version: its version now has its row. */
function withoutUnrecorded(entry: StoredEntry): StoredEntry {
  if (entry._meta?.unrecorded === undefined) return entry;
  const { unrecorded: _recordedNow, ...meta } = entry._meta;
  return { ...entry, _meta: meta };
}

/**
 * The row for the version a stored entry is at now, when it has none yet: with the provenance kept on the entry
 * (an import that deferred it), else as "earlier" (stored before versions were kept).
 */
function rowForCurrent(entry: StoredEntry, fallbackAt: string): EntryVersion {
  const version = versionOf(entry);
  const pending = entry._meta?.unrecorded;
  if (pending) {
    return { entryId: entry.id, version, at: pending.at, how: pending.how, ...(pending.by !== undefined ? { by: pending.by } : {}), entry: { ...contentOf(entry), version } };
  }
  return { entryId: entry.id, version, at: entry.updatedAt ?? fallbackAt, how: { kind: 'earlier' }, entry: { ...contentOf(entry), version } };
}

/** The stored entry's version number; entries stored before versions were kept count as version 1. */
export function versionOf(entry: Pick<LibraryEntry, 'version'>): number {
  return entry.version ?? 1;
}

/** Who is making changes from this browser: the team name setting, or nobody when it is empty. */
export async function currentAuthor(db: AutofillDatabase = getDatabase()): Promise<string | undefined> {
  const name = await getTeamName(db);
  return name === '' ? undefined : name;
}

const versionKey = (entryId: string, version: number) => `${entryId}\u0000${version}`;

/**
 * Numbers each write and returns the entries and version rows to store. Call inside a read-write transaction over
 * `entries` and `versions`, and store both results in it: a change is its entry and its version together, or
 * nothing. The version is one more than the one replaced (or than the last one recorded under the id, for an id
 * used before); an import may carry a higher number from its file, which is then kept. A replaced entry that has
 * no version row yet (stored before versions were kept) gets one first, so its old content is not lost.
 */
export async function stampVersions(
  db: AutofillDatabase,
  writes: readonly VersionedWrite[],
  how: VersionHow,
  at: string,
  by: string | undefined,
  /**
   * Entries new to the library (no previous row, id never used) get no version row now: their provenance is kept
   * on the entry and the row is written when they first change or are removed. For imports of many entries.
   */
  options: { deferNew?: boolean } = {},
): Promise<{ entries: StoredEntry[]; rows: EntryVersion[] }> {
  const replaced = writes.filter((w) => w.previous !== undefined).map((w) => w.previous!);
  const recorded = new Set(
    replaced.length === 0
      ? []
      : ((await db.versions
          .where('[entryId+version]')
          .anyOf(replaced.map((p) => [p.id, versionOf(p)]))
          .keys()) as unknown as [string, number][]).map(([id, version]) => versionKey(id, version)),
  );
  const fresh = writes.filter((w) => w.previous === undefined).map((w) => w.next.id);
  const usedBefore = new Map<string, number>();
  if (fresh.length > 0) {
    const seen = new Set((await db.versions.where('entryId').anyOf(fresh).keys()) as string[]);
    for (const id of seen) {
      const last = await db.versions.where('[entryId+version]').between([id, Dexie.minKey], [id, Dexie.maxKey]).last();
      if (last) usedBefore.set(id, last.version);
    }
  }

  const entries: StoredEntry[] = [];
  const rows: EntryVersion[] = [];
  for (const { previous, next } of writes) {
    let base: number;
    if (previous) {
      base = versionOf(previous);
      if (!recorded.has(versionKey(previous.id, base))) rows.push(rowForCurrent(previous, at));
    } else {
      base = usedBefore.get(next.id) ?? 0;
    }
    const fromFile = how.kind === 'import' && next.version !== undefined ? next.version : 0;
    const version = Math.max(base + 1, fromFile);
    if (options.deferNew && !previous && !usedBefore.has(next.id)) {
      entries.push({ ...next, version, _meta: { ...next._meta, unrecorded: { at, how, ...(by !== undefined ? { by } : {}) } } });
      continue;
    }
    const stored: StoredEntry = withoutUnrecorded({ ...next, version });
    entries.push(stored);
    rows.push({ entryId: next.id, version, at, how, ...(by !== undefined ? { by } : {}), entry: contentOf(stored) });
  }
  return { entries, rows };
}

/** Every recorded version of an entry, oldest first. Rows that no longer match the schema are left out. */
export async function listEntryVersions(entryId: string, db: AutofillDatabase = getDatabase()): Promise<EntryVersion[]> {
  const [rows, stored] = await Promise.all([
    db.versions.where('[entryId+version]').between([entryId, Dexie.minKey], [entryId, Dexie.maxKey]).toArray(),
    getOneEntry(db, entryId),
  ]);
  const versions = rows.flatMap((row) => {
    const parsed = EntryVersionSchema.safeParse(row);
    return parsed.success ? [parsed.data] : [];
  });
  // An imported entry that has not changed since: its one version is the entry itself, with the import's provenance.
  if (stored?._meta?.unrecorded && !versions.some((v) => v.version === versionOf(stored))) {
    versions.push(rowForCurrent(stored, stored._meta.unrecorded.at));
  }
  return versions;
}

/**
 * Rows for entries about to be removed whose current version has no row yet (imported and never changed since),
 * so fill history that names them still shows what was filled. Call in the transaction that removes them.
 */
export function pendingRowsOf(entries: readonly StoredEntry[]): EntryVersion[] {
  return entries.filter((e) => e._meta?.unrecorded !== undefined).map((e) => rowForCurrent(e, e._meta!.unrecorded!.at));
}

/** One version of an entry as it was filled or shown. */
export interface FoundVersion {
  entryId: string;
  version: number;
  entry: LibraryEntry;
  /** When that version was written, when known. */
  at?: string;
  /** It is still the entry's current version. */
  current: boolean;
}

/**
 * Version `version` of entry `entryId`: its recorded row, or the entry itself while it is still that version
 * (an entry that has not changed since versions were kept has no row yet). Undefined when neither exists.
 */
export async function findEntryVersion(entryId: string, version: number, db: AutofillDatabase = getDatabase()): Promise<FoundVersion | undefined> {
  const [row, stored] = await Promise.all([db.versions.where('[entryId+version]').equals([entryId, version]).first(), getOneEntry(db, entryId)]);
  const current = stored !== undefined && versionOf(stored) === version;
  if (row) {
    const parsed = EntryVersionSchema.safeParse(row);
    if (parsed.success) return { entryId, version, entry: parsed.data.entry, at: parsed.data.at, current };
  }
  const at = stored?._meta?.unrecorded?.at ?? stored?.updatedAt;
  if (stored && current) return { entryId, version, entry: contentOf(stored), ...(at ? { at } : {}), current };
  return undefined;
}
