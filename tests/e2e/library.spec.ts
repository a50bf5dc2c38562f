// The Library view in the built extension: import JSON, CSV and XLSX through the real file input, see the preview,
// apply, reload, and the data is still there; a bad file leaves the library untouched.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { a11yViolations } from './support/a11y';
import { test, expect } from './support/extension';
import { bigLibraryExport } from './support/big-library';

const fixture = (name: string) => resolve(import.meta.dirname, '../fixtures/library', name);

async function openLibrary(page: Page, extensionId: string): Promise<void> {
  await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  await page.getByRole('tab', { name: 'Library' }).click();
  // First run loads the 68-entry sample library.
  await expect(page.locator('.library-counts')).toContainText('of 68 entries shown');
}

/** What IndexedDB holds, read in the page itself (not from the DOM). */
async function storedIds(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((done, fail) => {
        const open = indexedDB.open('questionnaire-autofill');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          // Entries are stored a page of them per record (database version 6).
          const request = open.result.transaction('entryPages').objectStore('entryPages').getAll();
          request.onsuccess = () => {
            done((request.result as Array<{ entries: Array<{ id: string }> }>).flatMap((p) => p.entries.map((e) => e.id)).sort());
            open.result.close();
          };
        };
      }),
  );
}

test('imports JSON, CSV and XLSX through the preview; the entries survive a reload', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await openLibrary(page, extensionId);
  const input = page.getByLabel('Import library file (.json, .csv, .xlsx)');

  await input.setInputFiles(fixture('good-library.json'));
  await expect(page.getByRole('heading', { name: 'Preview of good-library.json' })).toBeVisible();
  await expect(page.locator('.library-preview-summary')).toHaveText('3 added, 0 updated, 0 unchanged, 0 conflicts, 0 invalid. Nothing is written until you apply.');
  await expect(page.getByText('From Northwind Security Team, exported 2026-11-20T08:00:00Z')).toBeVisible();
  expect(await storedIds(page)).not.toContain('json-quantum-crypto');
  await page.getByRole('button', { name: 'Apply import' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported good-library.json: 3 added, 0 updated.' })).toBeVisible();

  await input.setInputFiles(fixture('good-library.csv'));
  await expect(page.locator('.library-preview-summary')).toContainText('3 added, 0 updated');
  await page.getByRole('button', { name: 'Apply import' }).click();
  await expect(page.getByText('Imported good-library.csv: 3 added, 0 updated.')).toBeVisible();

  await input.setInputFiles(fixture('good-library.xlsx'));
  await expect(page.locator('.library-preview-summary')).toContainText('3 added, 0 updated');
  await page.getByText('Added (3)').click();
  await expect(page.getByText('xlsx-vendor-offboarding: How do you offboard a vendor that had access to customer data?')).toBeVisible();
  await page.getByRole('button', { name: 'Apply import' }).click();
  await expect(page.getByText('Imported good-library.xlsx: 3 added, 0 updated.')).toBeVisible();
  await expect(page.locator('.library-counts')).toContainText('of 77 entries shown');

  await page.reload();
  await page.getByRole('tab', { name: 'Library' }).click();
  await expect(page.locator('.library-counts')).toContainText('of 77 entries shown');
  const ids = await storedIds(page);
  for (const id of ['json-quantum-crypto', 'csv-hsm', 'csv-formula', 'xlsx-clean-desk', 'xlsx-wireless']) expect(ids).toContain(id);

  // The imported entries are searchable and show their fields as plain text.
  await page.getByLabel('Search the library').fill('post-quantum');
  await page.getByRole('button', { name: /Do you have a plan for post-quantum cryptography\?/ }).click();
  await expect(page.locator('.library-detail')).toContainText('Cryptography and Key Management Standard, 7 Post-quantum readiness');
  await page.getByLabel('Search the library').fill('formula cell');
  await page.getByRole('button', { name: /=Is a formula cell imported as text\?/ }).click();
  await expect(page.locator('.library-detail')).toContainText('Draft');
  await expect(page.locator('.library-answer')).toHaveText('@Yes, the leading apostrophe is removed on import.');
});

test('a bad file shows what is wrong and leaves the library untouched', async ({ context, extensionId }, testInfo) => {
  const page = await context.newPage();
  await openLibrary(page, extensionId);
  const before = await storedIds(page);
  const input = page.getByLabel('Import library file (.json, .csv, .xlsx)');

  await input.setInputFiles(fixture('newer-version.json'));
  await expect(page.getByRole('alert')).toHaveText(
    'Nothing was imported. newer-version.json: written in library format version 2, newer than this extension reads (version 1). Update the extension, then import again.',
  );
  await input.setInputFiles(fixture('binary-renamed.csv'));
  await expect(page.getByRole('alert')).toContainText('binary-renamed.csv: this is a binary file, not CSV text');
  const huge = testInfo.outputPath('huge.json');
  writeFileSync(huge, Buffer.alloc(60 * 1024 * 1024, 0x20));
  await input.setInputFiles(huge);
  await expect(page.getByRole('alert')).toContainText('huge.json: the file is 60.0 MB; the limit is 50 MB.');

  // Some valid entries and some invalid ones: the preview lists the invalid rows and apply is refused.
  await input.setInputFiles(fixture('missing-fields.json'));
  await expect(page.getByText('entry 2 (id "no-answer"): answer: required field is missing')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Apply import' })).toBeDisabled();
  await page.getByRole('button', { name: 'Cancel' }).click();

  await page.reload();
  await page.getByRole('tab', { name: 'Library' }).click();
  await expect(page.locator('.library-counts')).toContainText('of 68 entries shown');
  expect(await storedIds(page)).toEqual(before);
});

test('a conflict is shown side by side and the analyst’s choice is applied', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await openLibrary(page, extensionId);
  await page.getByLabel('Import library file (.json, .csv, .xlsx)').setInputFiles(fixture('good-library.json'));
  await page.getByRole('button', { name: 'Apply import' }).click();

  // Edit the imported entry here, then import a newer version of it.
  await page.getByLabel('Search the library').fill('tabletop exercise');
  await page.getByRole('button', { name: /When was your last incident response tabletop exercise\?/ }).click();
  await page.getByRole('button', { name: 'Edit' }).click();
  await page.getByLabel('Answer', { exact: true }).fill('Edited here: our last tabletop was in October 2026.');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Saved "json-tabletop".')).toBeVisible();

  const newer = {
    format: 'answer-library',
    version: 1,
    entries: [{ id: 'json-tabletop', question: 'When was your last incident response tabletop exercise?', answer: 'From the team: November 2026.', updatedAt: '2026-11-25T00:00:00Z' }],
  };
  await page.getByLabel('Import library file (.json, .csv, .xlsx)').setInputFiles({ name: 'team.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(newer)) });
  await expect(page.locator('.library-preview-summary')).toContainText('0 added, 0 updated, 0 unchanged, 1 conflicts');
  const conflict = page.getByRole('group', { name: /Conflict: json-tabletop/ });
  await expect(conflict.getByRole('row', { name: /Answer \(differs\)/ })).toContainText('Edited here: our last tabletop was in October 2026.');
  await expect(conflict.getByRole('row', { name: /Answer \(differs\)/ })).toContainText('From the team: November 2026.');
  await expect(page.getByRole('button', { name: 'Apply import' })).toBeDisabled();
  await conflict.getByLabel("Take the file's").check();
  await page.getByRole('button', { name: 'Apply import' }).click();
  await expect(page.getByText('Imported team.json: 0 added, 1 updated.')).toBeVisible();
  await page.getByLabel('Search the library').fill('tabletop exercise');
  await page.getByRole('button', { name: /When was your last incident response tabletop exercise\?/ }).click();
  await expect(page.locator('.library-answer')).toHaveText('From the team: November 2026.');
});

test('a 20,000-entry library imports, scrolls and searches with only the visible rows in the DOM; an edit shows in place and in other windows', async ({ context, extensionId }, testInfo) => {
  test.setTimeout(300_000);
  const page = await context.newPage();
  await openLibrary(page, extensionId);
  const file = testInfo.outputPath('big-library.json');
  writeFileSync(file, JSON.stringify(bigLibraryExport(20_000)));

  await page.getByLabel('Import library file (.json, .csv, .xlsx)').setInputFiles(file);
  await expect(page.locator('.library-preview-summary')).toContainText('20000 added', { timeout: 120_000 });
  await page.getByRole('button', { name: 'Apply import' }).click();
  await expect(page.locator('.library-counts')).toContainText('20068 of 20068 entries shown', { timeout: 120_000 });

  const list = page.locator('.library-list');
  expect(await list.locator('li').count()).toBeLessThan(60);
  await list.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  // Sorted by id, the sample's "waf-ddos" comes last.
  await expect(page.getByRole('button', { name: /Do you use a web application firewall and DDoS protection\?/ })).toBeVisible();
  expect(await list.locator('li').count()).toBeLessThan(60);

  const search = page.getByLabel('Search the library');
  await search.fill('system 42 backups');
  await expect(page.locator('.library-counts')).toContainText(/^\d+ of 20068 entries shown/);
  // Every word in the wording ranks first, in library order: entry 398 is the first "backups" entry of system 42.
  await expect(list.locator('li[data-index="0"]')).toContainText('Question 398: how do you handle backups for system 42?', { timeout: 30_000 });
  await expect(page.locator('.library-counts')).not.toContainText('20068 of 20068');
  await search.fill('encrpytion');
  await expect(list.locator('li[data-index="0"]')).toContainText('encryption', { timeout: 30_000 });
  await list.locator('li[data-index="0"] button').click();
  await page.getByRole('button', { name: 'Retire' }).click();
  await expect(page.locator('.library-detail')).toContainText('Retired');

  // An edit shows at once in the detail and in the list (how long it takes: `npm run bench -- library-view`).
  const question = (await page.locator('#library-detail-question').textContent()) ?? '';
  const edited = `${question} (edited in place)`;
  await page.getByRole('button', { name: 'Edit' }).click();
  await page.getByLabel('Question', { exact: true }).fill(edited);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.locator('#library-detail-question')).toHaveText(edited);
  await expect(list.locator('li[data-index="0"]')).toContainText('(edited in place)');

  // A change made in another panel window reaches this one without a reload.
  const other = await context.newPage();
  await other.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  await other.getByRole('tab', { name: 'Library' }).click();
  await expect(other.locator('.library-counts')).toContainText('20068 of 20068 entries shown', { timeout: 120_000 });
  await other.getByLabel('Search the library').fill('big-00007');
  await other.getByRole('button', { name: /Question 7: how do you handle/ }).click();
  await other.getByRole('button', { name: 'Edit' }).click();
  await other.getByLabel('Question', { exact: true }).fill('Question 7, edited in another window');
  await other.getByRole('button', { name: 'Save changes' }).click();
  await expect(other.locator('#library-detail-question')).toHaveText('Question 7, edited in another window');
  await other.close();
  await search.fill('big-00007');
  await expect(list.locator('li[data-index="0"]')).toContainText('Question 7, edited in another window', { timeout: 30_000 });
  await expect(page.locator('.library-counts')).toContainText('of 20068 entries shown');
});

test('the Library view has no detectable accessibility violations', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await openLibrary(page, extensionId);
  await page.getByLabel('Search the library').fill('encrypted at rest');
  await page.getByRole('button', { name: /Is customer data encrypted at rest\?/ }).click();
  expect(await a11yViolations(page, '#panel-library')).toEqual([]);
  await page.getByRole('button', { name: 'Edit' }).click();
  await page.getByRole('button', { name: 'Add citation' }).click();
  expect(await a11yViolations(page, '#panel-library')).toEqual([]);
});

test('each export downloads a file that imports back with every entry unchanged', async ({ context, extensionId }, testInfo) => {
  const page = await context.newPage();
  await openLibrary(page, extensionId);
  await expect(page.locator('.library-storage')).toContainText(/Storage is (not )?persistent.*Using \d/);
  for (const kind of ['JSON', 'CSV', 'XLSX']) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: `Export ${kind}` }).click()]);
    const fileName = download.suggestedFilename();
    expect(fileName).toMatch(new RegExp(`^answer-library-\\d{4}-\\d{2}-\\d{2}\\.${kind.toLowerCase()}$`));
    const path = testInfo.outputPath(fileName);
    await download.saveAs(path);
    await page.getByLabel('Import library file (.json, .csv, .xlsx)').setInputFiles(path);
    await expect(page.locator('.library-preview-summary')).toHaveText('0 added, 0 updated, 68 unchanged, 0 conflicts, 0 invalid. Nothing is written until you apply.');
    await page.getByRole('button', { name: 'Cancel' }).click();
  }
});

test('a full disk is reported, not swallowed, and nothing is written', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await openLibrary(page, extensionId);
  // Every IndexedDB write now fails the way a full disk makes it fail: in the panel, and in the import worker,
  // which writes the import.
  const fillDisk = () => {
    const full = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    IDBObjectStore.prototype.put = full;
    IDBObjectStore.prototype.add = full;
  };
  await page.evaluate(fillDisk);
  await page.getByLabel('Search the library').fill('loss prevention');
  await page.getByRole('button', { name: /Do you use data loss prevention/ }).click();
  await page.getByRole('button', { name: 'Edit' }).click();
  await page.getByLabel('Answer', { exact: true }).fill('This edit cannot be stored.');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'The browser has no storage space left for this extension, so the change to "dlp" was not saved (nothing was changed). Free disk space or clear other site data, then try again.',
  );

  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByLabel('Import library file (.json, .csv, .xlsx)').setInputFiles(fixture('good-library.json'));
  await page.getByRole('button', { name: 'Apply import' }).waitFor();
  const importWorkers = page.workers().filter((w) => w.url().includes('import.worker'));
  expect(importWorkers).toHaveLength(1);
  await importWorkers[0]!.evaluate(fillDisk);
  await page.getByRole('button', { name: 'Apply import' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'so the import of good-library.json was not saved (nothing was changed)' })).toBeVisible();

  await page.reload();
  await page.getByRole('tab', { name: 'Library' }).click();
  await expect(page.locator('.library-counts')).toContainText('of 68 entries shown');
  expect(await storedIds(page)).not.toContain('json-quantum-crypto');
  await page.getByLabel('Search the library').fill('loss prevention');
  await page.getByRole('button', { name: /Do you use data loss prevention/ }).click();
  await expect(page.locator('.library-answer')).toContainText('DLP policies in Google Workspace');
});
