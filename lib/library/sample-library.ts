// First run: an empty library is filled from the sample shipped in public/sample-library.json, once, every entry
// marked `sample` (fictional answers: never bulk-filled); and the one-step removal of those entries later.
// The fetch is injectable so tests (and any non-extension caller) can supply the file.
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { getDatabase, type AutofillDatabase } from '../db/database';
import { deleteEntries, hasEntries, readAllEntries } from '../db/entries-repository';
import { announceEntryChange } from '../db/entry-changes';
import { withStorageErrors } from '../db/storage';
import { pendingRowsOf } from '../db/versions-repository';
import type { LibraryEntry } from '../schema';
import { getSetting, setSetting } from '../db/settings-repository';
import { applySyncPlan } from './apply-sync';
import { parseLibraryFile } from './parse-library-file';
import { planSync } from './plan-sync';

export const SAMPLE_LIBRARY_PATH = '/sample-library.json';
/** Set once the sample was offered, so an analyst who empties the library does not get it back. */
export const SAMPLE_LOADED_SETTING = 'library.sampleLoadedAt';

async function fetchBundledSample(): Promise<string> {
  const response = await fetch(browser.runtime.getURL(SAMPLE_LIBRARY_PATH));
  if (!response.ok) throw new Error(`The sample library could not be read (${response.status}).`);
  return response.text();
}

// The panel's views start together and may both ask; they share one load per database.
const loading = new WeakMap<AutofillDatabase, Promise<number>>();
// How many entries the sample load in this page added: a view opened after the load (the Library view mounts on
// first use) still tells the analyst the sample is there.
const addedHere = new WeakMap<AutofillDatabase, number>();

/** Entries the sample load added in this page (0 when it added none, or they were removed since). */
export function sampleAddedInThisPage(db: AutofillDatabase = getDatabase()): number {
  return addedHere.get(db) ?? 0;
}

/**
 * Loads the sample library when the library is empty and the sample was never loaded. Returns how many entries
 * it added (0 when it did nothing). Concurrent calls for one database share the same load.
 */
export function loadSampleLibraryIfEmpty(
  db: AutofillDatabase = getDatabase(),
  fetchSample: () => Promise<string> = fetchBundledSample,
  now: Date = new Date(),
): Promise<number> {
  const pending = loading.get(db);
  if (pending) return pending;
  const load = loadOnce(db, fetchSample, now)
    .then((added) => {
      if (added > 0) addedHere.set(db, added);
      return added;
    })
    .finally(() => loading.delete(db));
  loading.set(db, load);
  return load;
}

/**
 * Settles once a sample load started in this page has ended (at once when none runs): an import previewed before
 * it ends would be planned against a library the sample is still being written into.
 */
export function whenSampleSettled(db: AutofillDatabase = getDatabase()): Promise<void> {
  const pending = loading.get(db);
  if (!pending) return Promise.resolve();
  return pending.then(
    () => undefined,
    () => undefined,
  );
}

async function loadOnce(db: AutofillDatabase, fetchSample: () => Promise<string>, now: Date): Promise<number> {
  if (await hasEntries(db)) return 0;
  if ((await getSetting(SAMPLE_LOADED_SETTING, z.string(), '', db)) !== '') return 0;
  const parsed = await parseLibraryFile(await fetchSample(), 'sample-library.json');
  // Marked here, not only in the file, so whatever the bundled file says its entries are known as samples.
  const marked = { ...parsed, entries: parsed.entries.map((p) => ({ ...p, entry: { ...p.entry, sample: true } })) };
  const plan = planSync(marked, await readAllEntries(db));
  const result = await applySyncPlan(db, plan, {}, now);
  await setSetting(SAMPLE_LOADED_SETTING, now.toISOString(), db);
  return result.added;
}

export function isSampleEntry(entry: Pick<LibraryEntry, 'sample'>): boolean {
  return entry.sample === true;
}

/** Deletes every sample entry and the wordings learned for them, in one transaction; returns how many went. */
export async function removeSampleEntries(db: AutofillDatabase = getDatabase()): Promise<number> {
  const removed = await withStorageErrors('removing the sample entries', () =>
    db.transaction('rw', db.entryPages, db.aliases, db.versions, async () => {
      const samples = (await readAllEntries(db)).filter(isSampleEntry);
      const ids = samples.map((e) => e.id);
      if (ids.length === 0) return 0;
      // Fill history that names a sample entry still shows what was filled.
      await db.versions.bulkAdd(pendingRowsOf(samples));
      await deleteEntries(db, ids);
      await db.aliases.where('entryId').anyOf(ids).delete();
      return ids.length;
    }),
  );
  addedHere.delete(db);
  if (removed > 0) announceEntryChange({ kind: 'all' });
  return removed;
}
