// The matching worker's boot reads (lib/db/boot-read.ts): plain IndexedDB reads of the library's version and the
// remembered-proposals row, equal to what the Dexie reads give; nothing created when a database is missing; and
// handed to the worker's core only once each, only when no entry change was announced since they began.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { AutofillDatabase } from '../../lib/db/database';
import { createEntry } from '../../lib/db/entries-repository';
import { readLibraryVersion } from '../../lib/db/entry-pages';
import { createIndexCache, IndexCacheDatabase } from '../../lib/db/index-cache';
import { bootRead, versionOfStamps, withBootRead, type BootRead } from '../../lib/db/boot-read';
import { DB_NAME, INDEX_CACHE_DB_NAME } from '../../lib/db/db-names';
import type { LibraryDatabase } from '../../lib/panel/match-worker-core';

describe('versionOfStamps', () => {
  it('lists the pages in number order, and cannot tell when a page has no stamp', () => {
    expect(versionOfStamps(3, [[5, 'c'], [1, 'a'], [2, 'b']])).toBe('1:a,2:b,5:c');
    expect(versionOfStamps(3, [[1, 'a'], [2, 'b']])).toBeUndefined();
    expect(versionOfStamps(2, [[1, 'a'], [2, '']])).toBeUndefined();
    expect(versionOfStamps(0, [])).toBe('');
  });
});

describe('bootRead', () => {
  it('creates no database when none is stored, and says it cannot read', async () => {
    const factory = new IDBFactory();
    expect(await bootRead(factory)).toBeUndefined();
    expect((await factory.databases()).map((d) => d.name)).toEqual([]);
  });

  it('reads the version and the row the Dexie reads give', async () => {
    const factory = new IDBFactory();
    const options = { indexedDB: factory, IDBKeyRange };
    const db = new AutofillDatabase(DB_NAME, options);
    for (const id of ['q-1', 'q-2', 'q-3']) await createEntry({ id, question: `Question ${id}?`, answer: 'Yes.' } as never, db);
    const cacheDb = new IndexCacheDatabase(INDEX_CACHE_DB_NAME, options);
    const cache = createIndexCache(cacheDb);
    // The cache database open, its row not yet written: the row is known to be absent.
    await cacheDb.open();
    const before = await bootRead(factory);
    expect(before).toEqual({ version: await readLibraryVersion(db), last: undefined });
    await cache.saveProposals!('fp', '[]', { 'Question q-1?': [] }, { 'q-1': '{"id":"q-1"}' });
    const read = await bootRead(factory);
    expect(read?.version).toBe(await readLibraryVersion(db));
    expect(read?.version).toMatch(/^\d+:.+/);
    expect(read?.last).toEqual(await cache.lastProposals!());
    // Its connections are closed: a schema upgrade by another page is not held back.
    db.close();
    cacheDb.close();
  });

  it('says it cannot read a library database without the stamp index (an older schema)', async () => {
    const factory = new IDBFactory();
    const open = factory.open(DB_NAME, 60);
    open.onupgradeneeded = () => open.result.createObjectStore('entryPages', { keyPath: 'page' });
    await new Promise((resolve) => (open.onsuccess = resolve));
    open.result.close();
    const cacheDb = new IndexCacheDatabase(INDEX_CACHE_DB_NAME, { indexedDB: factory, IDBKeyRange });
    await cacheDb.open();
    cacheDb.close();
    expect(await bootRead(factory)).toBeUndefined();
  });
});

/** A reader whose own reads say where they came from. */
function reader(): LibraryDatabase & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    readEntries: async () => [],
    readVersion: async () => (calls.push('version'), 'own-version'),
    readLastRemembered: async () => (calls.push('last'), { fingerprint: 'own', aliases: '[]', byWording: {} }),
    watchChanges: () => undefined,
  };
}

const booted: BootRead = { version: 'boot-version', last: { fingerprint: 'boot', aliases: '[]', byWording: {} } };

describe('withBootRead', () => {
  it('answers the first version and row reads from the boot, later ones from the reader, and then stops watching', async () => {
    const own = reader();
    const stop = vi.fn();
    const db = withBootRead(own, { read: Promise.resolve(booted), changedSince: () => false, stop });
    expect(await db.readVersion!()).toBe('boot-version');
    expect(stop).not.toHaveBeenCalled();
    expect((await db.readLastRemembered!())?.fingerprint).toBe('boot');
    expect(stop).toHaveBeenCalledOnce();
    expect(await db.readVersion!()).toBe('own-version');
    expect((await db.readLastRemembered!())?.fingerprint).toBe('own');
    expect(own.calls).toEqual(['version', 'last']);
  });

  it('does not use the boot reads after an entry change was announced, nor when the boot could not read', async () => {
    let changed = false;
    let release!: (read: BootRead) => void;
    const own = reader();
    const db = withBootRead(own, { read: new Promise((resolve) => (release = resolve)), changedSince: () => changed, stop: () => undefined });
    const version = db.readVersion!();
    // Announced while the boot read ran.
    changed = true;
    release(booted);
    expect(await version).toBe('own-version');
    expect((await db.readLastRemembered!())?.fingerprint).toBe('own');

    const failed = reader();
    const none = withBootRead(failed, { read: Promise.resolve(undefined), changedSince: () => false, stop: () => undefined });
    expect(await none.readVersion!()).toBe('own-version');
    expect(failed.calls).toEqual(['version']);
  });
});

describe('the boot read on a database not stored and a read that never settles', () => {
  it('does not open (and so never starts an upgrade of) a database that is not listed', async () => {
    const factory = new IDBFactory();
    const open = vi.spyOn(factory, 'open');
    expect(await bootRead(factory)).toBeUndefined();
    expect(open).not.toHaveBeenCalled();
    // Once listed, it is opened.
    const cacheDb = new IndexCacheDatabase(INDEX_CACHE_DB_NAME, { indexedDB: factory, IDBKeyRange });
    await cacheDb.open();
    cacheDb.close();
    open.mockClear();
    await bootRead(factory);
    expect(open.mock.calls.map(([name]) => name)).toEqual([INDEX_CACHE_DB_NAME]);
  });

  it('reads through the reader when the boot read has not settled within the limit, and says so', async () => {
    const own = reader();
    const late = vi.fn();
    const stop = vi.fn();
    const db = withBootRead(own, { read: new Promise<BootRead | undefined>(() => undefined), changedSince: () => false, stop }, 20, late);
    expect(await db.readVersion!()).toBe('own-version');
    expect((await db.readLastRemembered!())?.fingerprint).toBe('own');
    expect(late).toHaveBeenCalledTimes(2);
    expect(stop).toHaveBeenCalledOnce();
    expect(own.calls).toEqual(['version', 'last']);
  });
});
