// The matching worker's first reads, from its boot module (entrypoints/sidepanel/match.worker.ts) while the rest of
// its code (Dexie, zod, the core: about 218 kB) still loads: the library's version (every entry page's number and
// stamp, from the stamp index's keys) and the one remembered-proposals row. Plain IndexedDB, no Dexie: this module is
// all the worker evaluates before asking. It only reads, and never creates or upgrades a database: anything other
// than the schema it expects (a database missing, older, a store or index absent, a failed request) gives
// `undefined`, and the worker then reads through Dexie as before. What it gives is unchecked, as the Dexie reads are.
import { DB_NAME, INDEX_CACHE_DB_NAME } from './db-names';
import type { LibraryDatabase } from '../panel/match-worker-core';

/** The library's version as readLibraryVersion gives it: undefined when a page has no stamp (not in the index). */
export function versionOfStamps(pages: number, stamps: readonly (readonly [number, string])[]): string | undefined {
  if (stamps.length !== pages || stamps.some(([, stamp]) => stamp.length === 0)) return undefined;
  return [...stamps]
    .sort((a, b) => a[0] - b[0])
    .map(([page, stamp]) => `${page}:${stamp}`)
    .join(',');
}

/** The proposals row as the cache's lastProposals gives it (unchecked). */
export interface BootRow {
  fingerprint: string;
  aliases: string;
  byWording: Record<string, unknown>;
  entries?: unknown;
}

export interface BootRead {
  /** The library's version, or undefined when the stamps cannot say (as readLibraryVersion). */
  version: string | undefined;
  /** The one remembered-proposals row, or undefined when none is stored. */
  last: BootRow | undefined;
}

/**
 * Whether the database is listed, asked before opening it: opening one that does not exist starts an upgrade (which
 * the open then aborts), and a worker ended in that upgrade (the panel starts a second worker when its services
 * restart) is a state no open should ever have to wait behind. Factories without `databases()` are asked by opening.
 */
async function listed(factory: IDBFactory, name: string): Promise<boolean> {
  if (typeof factory.databases !== 'function') return true;
  try {
    return (await factory.databases()).some((database) => database.name === name);
  } catch {
    return false;
  }
}

/** Opens an existing database at whatever version it has; undefined if it does not exist (nothing is created). */
async function openExisting(factory: IDBFactory, name: string): Promise<IDBDatabase | undefined> {
  if (!(await listed(factory, name))) return undefined;
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(name);
    } catch {
      resolve(undefined);
      return;
    }
    // Only a database that does not exist yet gets an upgrade when opened without a version: abort it, so none is
    // created (the panel's Dexie creates it with its schema).
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onsuccess = () => {
      const db = request.result;
      // Another page upgrading the schema is never held back by this read.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    request.onerror = (event) => {
      event.preventDefault();
      resolve(undefined);
    };
    request.onblocked = () => resolve(undefined);
  });
}

const done = <T>(request: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = (event) => {
      event.preventDefault();
      reject(request.error ?? new Error('IndexedDB request failed'));
    };
  });

/** Dexie's version 7 of the library database (the stamp index) is IndexedDB version 70. */
const LIBRARY_STAMP_VERSION = 70;
/** Dexie's version 2 of the cache database (the proposals store) is IndexedDB version 20. */
const CACHE_PROPOSALS_VERSION = 20;

async function readVersion(factory: IDBFactory): Promise<{ version: string | undefined } | undefined> {
  const db = await openExisting(factory, DB_NAME);
  if (!db) return undefined;
  try {
    if (db.version < LIBRARY_STAMP_VERSION || !db.objectStoreNames.contains('entryPages')) return undefined;
    const store = db.transaction('entryPages', 'readonly').objectStore('entryPages');
    if (!store.indexNames.contains('stamp')) return undefined;
    const stamps: [number, string][] = [];
    const keys = new Promise<void>((resolve, reject) => {
      const cursor = store.index('stamp').openKeyCursor();
      cursor.onsuccess = () => {
        const at = cursor.result;
        if (!at) return resolve();
        stamps.push([at.primaryKey as number, String(at.key)]);
        at.continue();
      };
      cursor.onerror = (event) => {
        event.preventDefault();
        reject(cursor.error ?? new Error('IndexedDB cursor failed'));
      };
    });
    const [pages] = await Promise.all([done(store.count()), keys]);
    return { version: versionOfStamps(pages, stamps) };
  } finally {
    db.close();
  }
}

async function readLastRow(factory: IDBFactory): Promise<{ last: BootRow | undefined } | undefined> {
  const db = await openExisting(factory, INDEX_CACHE_DB_NAME);
  if (!db) return undefined;
  try {
    if (db.version < CACHE_PROPOSALS_VERSION || !db.objectStoreNames.contains('proposals')) return undefined;
    const row = (await done(db.transaction('proposals', 'readonly').objectStore('proposals').get('library'))) as unknown;
    if (row === undefined) return { last: undefined };
    if (typeof row !== 'object' || row === null) return undefined;
    const { fingerprint, aliases, byWording, entries } = row as Record<string, unknown>;
    if (typeof fingerprint !== 'string' || typeof aliases !== 'string' || typeof byWording !== 'object' || byWording === null) return undefined;
    return { last: { fingerprint, aliases, byWording: byWording as Record<string, unknown>, ...(entries !== undefined ? { entries } : {}) } };
  } finally {
    db.close();
  }
}

/**
 * Both reads at once; undefined when either could not be done as the Dexie reads would (the worker reads through
 * Dexie). `done` is told when each has ended (the opening's marks).
 */
export async function bootRead(
  factory: IDBFactory | undefined = globalThis.indexedDB,
  done: { version?: () => void; row?: () => void } = {},
): Promise<BootRead | undefined> {
  if (!factory) return undefined;
  try {
    const [version, last] = await Promise.all([readVersion(factory).finally(done.version), readLastRow(factory).finally(done.row)]);
    return version && last ? { version: version.version, last: last.last } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * How long the core waits for the boot's reads before reading through Dexie itself. They take a few milliseconds;
 * the limit only keeps a read that never settles (an IndexedDB open held behind something) from holding the worker's
 * first answer for ever.
 */
export const BOOT_READ_LIMIT_MS = 1500;

/** `read`'s value, or undefined when it fails or has not settled within `limitMs` (then `onLate` is told). */
function withinLimit<T>(read: Promise<T | undefined>, limitMs: number, onLate?: () => void): Promise<T | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      onLate?.();
      resolve(undefined);
    }, limitMs);
    read.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      () => {
        clearTimeout(timer);
        resolve(undefined);
      },
    );
  });
}

/** What the boot module hands to the worker's core: its reads, and whether an entry change was announced since they began. */
export interface BootHandover {
  read: Promise<BootRead | undefined>;
  changedSince(): boolean;
  /** Stops watching for entry changes (the core watches from its start). */
  stop(): void;
}

/**
 * `reader` whose first version read and first last-row read are the boot module's, unless the boot could not read
 * them or an entry change was announced since it began (then, and for every later read, `reader`'s own). Call it
 * where the core starts watching for entry changes: a change announced after that makes the core read again itself.
 */
export function withBootRead(reader: LibraryDatabase, boot: BootHandover, limitMs = BOOT_READ_LIMIT_MS, onLate?: () => void): LibraryDatabase {
  const pending = new Set<'version' | 'last'>(['version', ...(reader.readLastRemembered ? (['last'] as const) : [])]);
  const take = async (which: 'version' | 'last'): Promise<BootRead | undefined> => {
    if (!pending.has(which)) return undefined;
    pending.delete(which);
    const read = await withinLimit(boot.read, limitMs, onLate);
    const usable = read && !boot.changedSince() ? read : undefined;
    if (pending.size === 0) boot.stop();
    return usable;
  };
  const readLastRemembered = reader.readLastRemembered;
  const readVersion = reader.readVersion;
  if (!readVersion) pending.delete('version');
  return {
    ...reader,
    ...(readVersion
      ? {
          readVersion: async () => {
            const read = await take('version');
            return read ? read.version : readVersion();
          },
        }
      : {}),
    ...(readLastRemembered
      ? {
          readLastRemembered: async () => {
            const read = await take('last');
            return read ? read.last : readLastRemembered();
          },
        }
      : {}),
  };
}
