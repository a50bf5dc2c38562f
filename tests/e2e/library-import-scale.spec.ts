// Importing at scale and hostile files through the Library view: a 20,000-entry import shows its progress and
// Cancel leaves the library exactly as it was; a workbook with a value far outside the library (which made the
// spreadsheet reader fill billions of cells) is refused with the cell named, and nothing is imported.
import { buildWorkbook, sheetXml } from '../support/zip-builder';
import { readStoredState } from './support/stored-state';
import { test, expect as baseExpect } from './support/extension';

const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 180_000 });

const IMPORT_LABEL = 'Import library file (.json, .csv, .xlsx)';

function bigLibrary(count: number): string {
  const entries = Array.from({ length: count }, (_, i) => ({
    id: `bulk-${String(i).padStart(5, '0')}`,
    question: `Do you review access for system ${i}?`,
    answer: `Yes. Access to system ${i} is reviewed every quarter.`,
    updatedAt: '2026-06-01T09:30:00Z',
  }));
  return JSON.stringify({ format: 'answer-library', version: 1, entries });
}

test('Cancel during a 20,000-entry import writes nothing', async ({ context, extensionId }) => {
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  await panel.getByRole('tab', { name: 'Library' }).click();
  await expect(panel.locator('.library-counts')).toContainText('entries shown');
  const before = await readStoredState(panel);
  expect(before.counts.entries).toBeGreaterThan(0);

  await panel.getByLabel(IMPORT_LABEL).setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(bigLibrary(20_000)) }, { timeout: 120_000 });
  await expect(panel.locator('.library-preview-summary')).toContainText('20000 added', { timeout: 120_000 });
  // Cancel is clicked in the page the moment the progress bar shows it: the write of 20,000 entries in pages
  // (database version 6) can end sooner than a click from the test reaches the page (1 of 10 runs at load 5).
  await panel.evaluate(() => {
    const observer = new MutationObserver(() => {
      const cancel = [...document.querySelectorAll<HTMLButtonElement>('.library-import .progress button')].find((b) => b.textContent?.trim() === 'Cancel');
      if (!cancel) return;
      observer.disconnect();
      cancel.click();
    });
    observer.observe(document.body, { subtree: true, childList: true });
  });
  await panel.getByRole('button', { name: 'Apply import' }).click();
  const progress = panel.locator('.library-import .progress');
  await expect(panel.locator('.library-import .library-error')).toHaveText('The import of big.json was cancelled; nothing was imported.', { timeout: 120_000 });
  await expect(progress).toHaveCount(0);

  const after = await readStoredState(panel);
  expect(after.counts.entries).toBe(before.counts.entries);
  expect(after.answers).toEqual(before.answers);
});

test('a workbook with a stray value at XFD1048576 is refused with the cell named, and nothing is imported', async ({ context, extensionId }) => {
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  await panel.getByRole('tab', { name: 'Library' }).click();
  await expect(panel.locator('.library-counts')).toContainText('entries shown');
  const before = await readStoredState(panel);

  const sheet = sheetXml(
    [
      ['id', 'question', 'answer'],
      ['stray-1', 'Is data encrypted?', 'Yes.'],
    ],
    { extraCells: '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>' },
  );
  await panel.getByLabel(IMPORT_LABEL).setInputFiles({ name: 'stray.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(buildWorkbook(sheet)) });
  await expect(panel.getByRole('alert')).toContainText('Nothing was imported. stray.xlsx: sheet "Library": cell XFD1048576 holds a value in column 16,384');
  expect((await readStoredState(panel)).answers).toEqual(before.answers);
});
