// The match index persisted by the matching worker (lib/db/index-cache.ts) in the real browser: the first opening
// stores it, a reopening proposes the same, and a damaged stored index is ignored, rebuilt and replaced.
import type { Page } from '@playwright/test';
import { buildBenchPage } from '../bench/panel.bench';
import { test, expect as baseExpect } from './support/extension';

const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 180_000 });

interface StoredRow {
  fingerprint: string;
  savedAt: string;
  entries: number;
  units: number;
}

/** The cache row as the panel's origin sees it (the database is the extension's, read from the panel page). */
function readCache(panel: Page): Promise<StoredRow | undefined> {
  return panel.evaluate(
    () =>
      new Promise<StoredRow | undefined>((resolve, reject) => {
        const open = indexedDB.open('questionnaire-autofill-match-index');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('indexes')) return resolve(undefined);
          const get = db.transaction('indexes').objectStore('indexes').get('library');
          get.onsuccess = () => {
            const row = get.result as { fingerprint: string; savedAt: string; snapshot: { entryIds: string[]; unitText: string[] } } | undefined;
            db.close();
            resolve(row && { fingerprint: row.fingerprint, savedAt: row.savedAt, entries: row.snapshot.entryIds.length, units: row.snapshot.unitText.length });
          };
        };
      }),
  );
}

/** Overwrites the stored index with a damaged one under the same fingerprint. */
function damageCache(panel: Page): Promise<void> {
  return panel.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('questionnaire-autofill-match-index');
        open.onsuccess = () => {
          const db = open.result;
          const store = db.transaction('indexes', 'readwrite').objectStore('indexes');
          const get = store.get('library');
          get.onsuccess = () => {
            const row = get.result as { snapshot: Record<string, unknown> };
            const put = store.put({ ...row, savedAt: 'damaged', snapshot: { ...row.snapshot, unitEntry: new Int32Array(3).fill(1_000_000) } });
            put.onsuccess = () => {
              db.close();
              resolve();
            };
            put.onerror = () => reject(put.error);
          };
        };
      }),
  );
}

test('the match index is stored on first opening, reused on the next, and a damaged one is rebuilt', async ({ context, portalUrl, openPanel }) => {
  const url = portalUrl('servicenow', '/bench/persisted-60.html');
  await context.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: buildBenchPage(60) }));
  const page = await context.newPage();
  await page.goto(url);

  const first = await openPanel(page);
  await expect(first.getByTestId('page-summary')).toHaveText(/^60 detected · \d+ proposed/);
  await expect(first.getByTestId('matching-progress')).toHaveCount(0);
  const summary = await first.getByTestId('page-summary').textContent();
  await expect.poll(() => readCache(first)).toMatchObject({ entries: expect.any(Number) });
  const stored = (await readCache(first))!;
  expect(stored.entries).toBeGreaterThan(10);
  expect(stored.units).toBeGreaterThan(stored.entries);
  await first.close();

  // Reopened: the same proposals, and the stored index was used (not written again).
  const second = await openPanel(page);
  await expect(second.getByTestId('page-summary')).toHaveText(summary!);
  await expect(second.getByTestId('matching-progress')).toHaveCount(0);
  expect(await readCache(second)).toEqual(stored);

  // Damaged under the same fingerprint: ignored, the proposals are unchanged, and a sound index replaces it.
  await damageCache(second);
  await second.close();
  const third = await openPanel(page);
  await expect(third.getByTestId('page-summary')).toHaveText(summary!);
  await expect(third.getByTestId('matching-progress')).toHaveCount(0);
  await expect.poll(async () => (await readCache(third))?.savedAt).not.toBe('damaged');
  expect(await readCache(third)).toMatchObject({ fingerprint: stored.fingerprint, entries: stored.entries, units: stored.units });
});
