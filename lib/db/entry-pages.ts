// How library entries are stored since database version 6: in pages, a few hundred entries per IndexedDB record,
// each entry in the page its id hashes to (ENTRY_PAGES pages at most). IndexedDB's cost is per record: 20,000 entries
// put one a record took the database 2-2.5 s to store and commit in one transaction, the same entries as 20 records
// 0.17 s. Everything that reads or writes entries goes through these functions (lib/db/entries-repository.ts
// re-exports the ones callers use), so callers keep reading and writing entries by id.
//
// Writes read the pages they touch and put them back whole: call them inside a read-write transaction over
// `entryPages` when other writes must commit with them (they open their own transaction otherwise). IndexedDB runs
// read-write transactions over the same store one after another, so two writes to one page never interleave.
import type { AutofillDatabase, EntryPage } from './database';
import type { StoredEntry } from './records';
import { versionOfStamps } from './boot-read';

/**
 * Pages the entries are spread over. Fixed: a page's number is part of the stored data (changing it needs a new
 * database version that re-pages every entry). 64 pages hold about 310 entries each at 20,000 entries.
 */
export const ENTRY_PAGES = 64;

/** The page an entry id is stored in: FNV-1a over its UTF-16 code units, modulo ENTRY_PAGES. */
export function pageOf(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % ENTRY_PAGES;
}

/** IndexedDB's order of string keys (UTF-16 code units), which `<` on strings also follows. */
export function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The entries grouped by page number; a later entry with an id replaces an earlier one. */
export function groupByPage(entries: readonly StoredEntry[]): Map<number, Map<string, StoredEntry>> {
  const pages = new Map<number, Map<string, StoredEntry>>();
  for (const entry of entries) {
    const page = pageOf(entry.id);
    let rows = pages.get(page);
    if (!rows) pages.set(page, (rows = new Map()));
    rows.set(entry.id, entry);
  }
  return pages;
}

/** Every stored entry, in id order (the order the table had when each entry was its own record). */
export async function readAllEntries(db: AutofillDatabase): Promise<StoredEntry[]> {
  const pages = await db.entryPages.toArray();
  return pages.flatMap((p) => p.entries).sort(byId);
}

/** A page's stamp: random, so no two writes of a page (even after the library was cleared) get the same one. */
export function newPageStamp(): string {
  return crypto.randomUUID();
}

/**
 * Every stored entry in id order, and the library's version: the pages' numbers and stamps, which any write of an
 * entry changes (read in the same read as the entries). Undefined when a page has no stamp (written before stamps).
 */
export async function readEntriesWithVersion(db: AutofillDatabase): Promise<{ entries: StoredEntry[]; version?: string }> {
  const pages = await db.entryPages.toArray();
  const entries = pages.flatMap((p) => p.entries).sort(byId);
  const stamped = pages.every((p) => typeof p.stamp === 'string' && p.stamp.length > 0);
  return stamped ? { entries, version: pages.map((p) => `${p.page}:${p.stamp}`).join(',') } : { entries };
}

/**
 * The library's version exactly as readEntriesWithVersion gives it (pages' numbers and stamps, in page order), read
 * from the keys of the `stamp` index (database version 7) with no entry cloned. Undefined when a page has no stamp:
 * such a page is not in the index, so the index holds fewer keys than the table holds pages (both read in one
 * transaction).
 */
export async function readLibraryVersion(db: AutofillDatabase): Promise<string | undefined> {
  return db.transaction('r', db.entryPages, async () => {
    const stamps: [number, string][] = [];
    const [pages] = await Promise.all([
      db.entryPages.count(),
      db.entryPages.orderBy('stamp').eachKey((stamp, cursor) => {
        stamps.push([cursor.primaryKey as number, String(stamp)]);
      }),
    ]);
    return versionOfStamps(pages, stamps);
  });
}

/** Whether any entry is stored (an emptied page is removed, so a stored page holds at least one entry). */
export async function hasEntries(db: AutofillDatabase): Promise<boolean> {
  return (await db.entryPages.count()) > 0;
}

/** The stored entries with these ids, in the same order; undefined where none is stored. */
export async function getEntries(db: AutofillDatabase, ids: readonly string[]): Promise<(StoredEntry | undefined)[]> {
  if (ids.length === 0) return [];
  const numbers = [...new Set(ids.map(pageOf))];
  const pages = await db.entryPages.bulkGet(numbers);
  const byKey = new Map<string, StoredEntry>();
  for (const page of pages) for (const entry of page?.entries ?? []) byKey.set(entry.id, entry);
  return ids.map((id) => byKey.get(id));
}

export async function getOneEntry(db: AutofillDatabase, id: string): Promise<StoredEntry | undefined> {
  const page = await db.entryPages.get(pageOf(id));
  return page?.entries.find((e) => e.id === id);
}

/** The page records after putting `entries` and removing `removed` (ids) on the stored pages; emptied pages listed apart. */
export async function pagesAfter(
  db: AutofillDatabase,
  entries: readonly StoredEntry[],
  removed: readonly string[] = [],
): Promise<{ pages: EntryPage[]; emptied: number[] }> {
  const changes = groupByPage(entries);
  const removals = new Map<number, string[]>();
  for (const id of removed) {
    const page = pageOf(id);
    removals.set(page, [...(removals.get(page) ?? []), id]);
  }
  const numbers = [...new Set([...changes.keys(), ...removals.keys()])].sort((a, b) => a - b);
  const stored = await db.entryPages.bulkGet(numbers);
  const pages: EntryPage[] = [];
  const emptied: number[] = [];
  numbers.forEach((page, i) => {
    const rows = new Map((stored[i]?.entries ?? []).map((e) => [e.id, e]));
    for (const id of removals.get(page) ?? []) rows.delete(id);
    for (const [id, entry] of changes.get(page) ?? []) rows.set(id, entry);
    if (rows.size === 0) emptied.push(page);
    else pages.push({ page, entries: [...rows.values()].sort(byId) }); // the database stamps it when it is written
  });
  return { pages, emptied };
}

/** Stores entries (adding or replacing by id) and removes `removed` ids, in one transaction. */
export async function putEntries(db: AutofillDatabase, entries: readonly StoredEntry[], removed: readonly string[] = []): Promise<void> {
  if (entries.length === 0 && removed.length === 0) return;
  await db.transaction('rw', db.entryPages, async () => {
    const { pages, emptied } = await pagesAfter(db, entries, removed);
    if (emptied.length) await db.entryPages.bulkDelete(emptied);
    if (pages.length) await db.entryPages.bulkPut(pages);
  });
}

export async function deleteEntries(db: AutofillDatabase, ids: readonly string[]): Promise<void> {
  await putEntries(db, [], ids);
}
