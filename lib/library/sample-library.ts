// First run: an empty library is filled from the sample shipped in public/sample-library.json, once.
// The fetch is injectable so tests (and any non-extension caller) can supply the file.
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { getDatabase, type AutofillDatabase } from '../db/database';
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
  const load = loadOnce(db, fetchSample, now).finally(() => loading.delete(db));
  loading.set(db, load);
  return load;
}

async function loadOnce(db: AutofillDatabase, fetchSample: () => Promise<string>, now: Date): Promise<number> {
  if ((await db.entries.count()) > 0) return 0;
  if ((await getSetting(SAMPLE_LOADED_SETTING, z.string(), '', db)) !== '') return 0;
  const parsed = await parseLibraryFile(await fetchSample(), 'sample-library.json');
  const plan = planSync(parsed, await db.entries.toArray());
  const result = await applySyncPlan(db, plan, {}, now);
  await setSetting(SAMPLE_LOADED_SETTING, now.toISOString(), db);
  return result.added;
}
