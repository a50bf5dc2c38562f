// Routed questions through the built extension: the Questions view exports the page's questions without a fillable
// answer as a sheet for their owners; the sheet comes back with an answer written in, imports through the Library
// view as a draft worded like the page (unanswered rows skipped, nothing mirrored), and the question is then proposed
// from it, marked as a draft.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Page } from '@playwright/test';
import { expectNoSeriousA11yIssues } from './support/a11y';
import { test, expect as baseExpect } from './support/extension';
import { drawnCard } from './support/drawn-card';

const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 300_000 });

const ASKED = 'How many employees have access to customer data?';
const OWNERS_ANSWER = 'Forty-two employees in the support and operations teams; contractors included.';

/** Every entry IndexedDB holds, read in the panel page (not from the DOM). */
async function storedEntries(page: Page): Promise<Array<Record<string, unknown>>> {
  return page.evaluate(
    () =>
      new Promise<Array<Record<string, unknown>>>((done, fail) => {
        const open = indexedDB.open('questionnaire-autofill');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          // Entries are stored a page of them per record (database version 6).
          const request = open.result.transaction('entryPages').objectStore('entryPages').getAll();
          request.onsuccess = () => {
            done((request.result as Array<{ entries: Array<Record<string, unknown>> }>).flatMap((p) => p.entries));
            open.result.close();
          };
        };
      }),
  );
}

test('questions for owners: export the unanswered, import the owners’ answers as drafts, proposed as drafts', async ({ context, portalUrl, openPanel }, testInfo) => {
  const form = await context.newPage();
  await form.goto(portalUrl('buyer', '/portals/generic/label-for.html'));
  const panel = await openPanel(form);
  await expect(panel.getByTestId('page-summary')).toHaveText(/detected/);
  await expect(panel.getByTestId('matching-progress')).toHaveCount(0);
  const before = (await storedEntries(panel)).length;

  const handoff = panel.getByTestId('handoff');
  await handoff.locator('summary').click();
  await expect(handoff.locator('summary')).toHaveText(/^Questions for owners \([1-9]\d*\)$/);
  await expectNoSeriousA11yIssues(panel, 'questions with the hand-off open');
  const [download] = await Promise.all([panel.waitForEvent('download'), handoff.getByRole('button', { name: 'Export CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^questions-for-owners-[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.csv$/);
  await expect(handoff.getByRole('status')).toContainText('Owners write their answers in the answer column');
  const path = testInfo.outputPath('owners.csv');
  await download.saveAs(path);

  const sheet = Papa.parse<Record<string, string>>(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  const count = Number(/\((\d+)\)/.exec((await handoff.locator('summary').textContent()) ?? '')?.[1]);
  expect(sheet.data).toHaveLength(count);
  expect(sheet.meta.fields).toEqual(expect.arrayContaining(['question', 'answer', 'owner', 'status', 'handoff_reason', 'handoff_page', 'handoff_url']));
  const asked = sheet.data.find((row) => row.question === ASKED);
  expect(asked, `${ASKED} is in the sheet`).toBeDefined();
  // The page's address without query or fragment; every row starts as an unanswered draft.
  expect(asked!.handoff_url).toBe(new URL(form.url()).origin + new URL(form.url()).pathname);
  expect(sheet.data.every((row) => row.answer === '' && row.status === 'draft')).toBe(true);

  // The owner answers one question (and writes "approved", which the sheet cannot grant).
  asked!.answer = OWNERS_ANSWER;
  asked!.status = 'approved';
  const returned = Papa.unparse({ fields: sheet.meta.fields!, data: sheet.data.map((row) => sheet.meta.fields!.map((f) => row[f] ?? '')) });

  await panel.getByRole('tab', { name: 'Library' }).click();
  await panel.getByLabel('Import library file (.json, .csv, .xlsx)').setInputFiles({ name: 'owners-returned.csv', mimeType: 'text/csv', buffer: Buffer.from(returned) });
  await expect(panel.getByTestId('handoff-note')).toContainText('comes in as a draft');
  await expect(panel.locator('.library-preview-summary')).toContainText(`1 added, 0 updated, 0 unchanged, 0 conflicts, 0 invalid, ${count - 1} not answered yet (skipped)`);
  // A hand-off sheet is not a library: no mirroring, no removing the sample.
  await expect(panel.getByText('Mirror the export')).toHaveCount(0);
  await panel.getByRole('button', { name: 'Apply import' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Imported owners-returned.csv' })).toBeVisible();

  const entries = await storedEntries(panel);
  expect(entries).toHaveLength(before + 1);
  const draft = entries.find((e) => e.question === ASKED);
  expect(draft).toMatchObject({ answer: OWNERS_ANSWER, status: 'draft' });
  expect(Object.keys(draft!).filter((k) => k.startsWith('handoff'))).toEqual([]);

  // Back on the questions: the owner's answer is proposed for the question, marked as a draft.
  await panel.getByRole('tab', { name: 'Questions' }).click();
  await panel.getByRole('button', { name: 'Re-scan' }).click();
  const card = await drawnCard(panel, ASKED);
  await card.click();
  await expect(card).toContainText(OWNERS_ANSWER);
  // A draft is never High: it waits for approval before any bulk fill.
  await expect(card).toContainText('Draft');
  await expect(card).toContainText(/Review \d+%/);
  const [again] = await Promise.all([panel.waitForEvent('download'), handoff.getByRole('button', { name: 'Export CSV' }).click()]);
  await again.saveAs(testInfo.outputPath('again.csv'));
  const second = Papa.parse<Record<string, string>>(readFileSync(testInfo.outputPath('again.csv'), 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  // The draft still goes to its owner until someone approves it (other questions' scores may move with the library).
  expect(second.data.find((r) => r.question === ASKED)?.handoff_reason).toMatch(/is a draft, not yet approved/);
  await expect(handoff.locator('summary')).toHaveText(`Questions for owners (${second.data.length})`);
});
