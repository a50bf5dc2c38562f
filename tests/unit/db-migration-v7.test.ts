// Version 7 of the database (an index on the entry pages' stamps): a v6 database, its pages stamped as version 6
// wrote them, upgrades with every row kept and every stamp unchanged; the library's version then reads from the
// index's keys alone, equal to the one read with the entries, and any write of an entry changes it.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { AutofillDatabase } from '../../lib/db/database';
import { listEntries, updateEntry, getEntry } from '../../lib/db/entries-repository';
import { groupByPage, readEntriesWithVersion, readLibraryVersion } from '../../lib/db/entry-pages';
import type { StoredEntry } from '../../lib/db/records';
import { V6_STORES, readSeed, readSeedTable } from '../support/frozen-db';

const SEED = 'v5-seed.json';

/** A v6 database holding the seed's rows, its entries paged and stamped as version 6 stored them; then upgraded. */
async function upgradedV6(name: string, stamp: (page: number) => string | undefined): Promise<{ db: AutofillDatabase; pages: unknown[] }> {
  const seed = readSeed(SEED);
  const old = new Dexie(name);
  old.version(6).stores(V6_STORES);
  await old.open();
  const pages = [...groupByPage(seed.tables.entries as StoredEntry[])].map(([page, rows]) => {
    const s = stamp(page);
    return { page, entries: [...rows.values()], ...(s !== undefined ? { stamp: s } : {}) };
  });
  await old.table('entryPages').bulkAdd(pages);
  for (const table of ['history', 'aliases', 'settings'] as const) await old.table(table).bulkAdd(seed.tables[table]);
  await old.table('versions').bulkAdd(readSeedTable(SEED, 'versions'));
  old.close();
  const db = new AutofillDatabase(name);
  await db.open();
  return { db, pages };
}

describe('database version 7', () => {
  it('upgrades a v6 database: every page kept with its stamp, the stamp index built, the version read from its keys', async () => {
    const seed = readSeed(SEED);
    const { db, pages } = await upgradedV6('migration-v6-v7', (page) => `stamp-${page}`);
    expect(db.verno).toBe(7);
    expect((await db.entryPages.toArray()).sort((a, b) => a.page - b.page)).toEqual((pages as { page: number }[]).sort((a, b) => a.page - b.page));
    expect(await listEntries(db)).toEqual(seed.tables.entries);
    expect(await db.history.toArray()).toEqual(seed.tables.history);
    expect(await db.aliases.toArray()).toEqual(seed.tables.aliases);
    expect(await db.settings.toArray()).toEqual(seed.tables.settings);
    expect(await db.versions.toArray()).toEqual(readSeedTable(SEED, 'versions'));
    const tx = db.backendDB().transaction(['entryPages'], 'readonly');
    expect([...tx.objectStore('entryPages').indexNames]).toEqual(['stamp']);

    const keysOnly = await readLibraryVersion(db);
    expect(keysOnly).toBe((await readEntriesWithVersion(db)).version);
    expect(keysOnly).toBe(
      (pages as { page: number }[])
        .map((p) => p.page)
        .sort((a, b) => a - b)
        .map((page) => `${page}:stamp-${page}`)
        .join(','),
    );

    // An edit of one entry draws its page a new stamp: the version read from the keys changes, and equals the full read's.
    const first = (await listEntries(db))[0]!;
    const { id: _id, _meta: _meta, ...fields } = (await getEntry(first.id, db))!;
    await updateEntry(first.id, { ...fields, answer: `${fields.answer} Edited.` }, db);
    const afterEdit = await readLibraryVersion(db);
    expect(afterEdit).not.toBe(keysOnly);
    expect(afterEdit).toBe((await readEntriesWithVersion(db)).version);
    db.close();
    await Dexie.delete('migration-v6-v7');
  });

  it('says it cannot tell when a page has no stamp (left out of the index), as the read with the entries does', async () => {
    let first = true;
    const { db } = await upgradedV6('migration-v6-v7-unstamped', (page) => {
      if (first) {
        first = false;
        return undefined;
      }
      return `stamp-${page}`;
    });
    expect(await db.entryPages.count()).toBeGreaterThan(1);
    expect((await readEntriesWithVersion(db)).version).toBeUndefined();
    expect(await readLibraryVersion(db)).toBeUndefined();
    db.close();
    await Dexie.delete('migration-v6-v7-unstamped');
  });
});
