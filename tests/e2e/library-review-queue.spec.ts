// The review queue in the Library view of the built extension: what is due, grouped by owner; mark reviewed (one and
// many) writes the review date and the next expiry from the team's review period into IndexedDB; the CSV export for
// the owners holds the queue.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { addDays } from '../../lib/library/review-queue';
import { a11yViolations } from './support/a11y';
import { test, expect } from './support/extension';

const today = new Date().toISOString().slice(0, 10);
const cited = [{ title: 'Information Security Policy', section: '3.1' }];

const teamLibrary = {
  format: 'answer-library',
  version: 1,
  source: 'Review queue test',
  entries: [
    { id: 'rq-expired', question: 'Do you encrypt backups?', answer: 'Yes, with AES-256.', owner: 'Alice', citations: cited, expiresAt: addDays(today, -3) },
    { id: 'rq-expiring', question: 'Do you run penetration tests?', answer: 'Yes, yearly.', owner: 'Alice', citations: cited, expiresAt: addDays(today, 10) },
    { id: 'rq-later', question: 'Is there an incident response plan?', answer: 'Yes.', owner: 'Alice', citations: cited, expiresAt: addDays(today, 60) },
    { id: 'rq-draft', question: 'Do you review access quarterly?', answer: 'Yes.', owner: 'Bob', citations: cited, status: 'draft' },
    { id: 'rq-no-owner', question: 'Is MFA enforced?', answer: 'Yes.', citations: cited },
    { id: 'rq-no-citation', question: 'Do you log admin actions?', answer: 'Yes.', owner: 'Bob' },
    { id: 'rq-current', question: 'Do you scan for vulnerabilities?', answer: 'Weekly.', owner: 'Bob', citations: cited, expiresAt: addDays(today, 200) },
    { id: 'rq-retired', question: 'Old question?', answer: 'Old answer.', status: 'retired', expiresAt: addDays(today, -100) },
  ],
};

/** An entry as IndexedDB holds it, read in the page (not from the DOM). */
async function stored(page: Page, id: string): Promise<Record<string, unknown> | undefined> {
  return page.evaluate(
    (key) =>
      new Promise<Record<string, unknown> | undefined>((done, fail) => {
        const open = indexedDB.open('questionnaire-autofill');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          // Entries are stored a page of them per record (database version 6).
          const request = open.result.transaction('entryPages').objectStore('entryPages').getAll();
          request.onsuccess = () => {
            done((request.result as Array<{ entries: Array<Record<string, unknown>> }>).flatMap((p) => p.entries).find((e) => e.id === key));
            open.result.close();
          };
        };
      }),
    id,
  );
}

test('the review queue lists what is due by owner, marks one and many reviewed, and exports the queue as CSV', async ({ context, extensionId }, testInfo) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  await page.getByRole('tab', { name: 'Library' }).click();
  await expect(page.locator('.library-counts')).toContainText('of 68 entries shown');
  // Sample entries are never in the queue, whatever their dates.
  await expect(page.locator('.library-review summary')).toHaveText('Review queue: 0 entries due');

  await page.getByLabel('Import library file (.json, .csv, .xlsx)').setInputFiles({ name: 'team.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(teamLibrary)) });
  await page.getByRole('button', { name: 'Apply import' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported team.json' })).toBeVisible();

  const queue = page.locator('.library-review');
  await expect(queue.locator('summary')).toHaveText('Review queue: 5 entries due');
  await queue.locator('summary').click();
  await expect(queue.locator('h3')).toHaveText(['Alice (2)', 'Bob (2)', 'No owner (1)']);
  const alice = queue.getByRole('region', { name: 'Owner Alice' });
  await expect(alice.locator('li .library-row-id')).toHaveText(['rq-expired', 'rq-expiring']);
  await expect(alice.locator('li').first().locator('.badge')).toHaveText(`expired ${addDays(today, -3)}`);
  await expect(queue.getByRole('region', { name: 'Owner Bob' }).locator('.badge')).toHaveText(['draft', 'no citation']);
  expect(await a11yViolations(page, '#panel-library')).toEqual([]);

  // A wider window takes in the entry that expires in 60 days.
  await queue.getByLabel('Expiring within').fill('90');
  await expect(queue.locator('summary')).toHaveText('Review queue: 6 entries due');
  await expect(alice.locator('li .library-row-id')).toHaveText(['rq-expired', 'rq-expiring', 'rq-later']);
  await queue.getByLabel('Expiring within').fill('30');

  // The CSV for the owners.
  const [download] = await Promise.all([page.waitForEvent('download'), queue.getByRole('button', { name: 'Export the queue (CSV)' }).click()]);
  expect(download.suggestedFilename()).toBe(`review-queue-${today}.csv`);
  const path = testInfo.outputPath('queue.csv');
  await download.saveAs(path);
  const lines = readFileSync(path, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
  expect(lines[0]).toBe('owner,id,question,reasons,expiresAt,reviewedAt,status,citation');
  expect(lines.slice(1).map((l) => l.split(',')[1])).toEqual(['rq-expired', 'rq-expiring', 'rq-draft', 'rq-no-citation', 'rq-no-owner']);

  // A 90-day team period; one entry marked reviewed on its own.
  await queue.getByLabel('Review period').fill('90');
  await queue.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Review period saved' })).toBeVisible();
  await queue.getByRole('button', { name: 'Mark reviewed: rq-expired' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Marked 1 entry reviewed today; next review by ${addDays(today, 90)}.` })).toBeVisible();
  expect(await stored(page, 'rq-expired')).toMatchObject({ reviewedAt: today, expiresAt: addDays(today, 90) });
  await expect(queue.locator('summary')).toHaveText('Review queue: 4 entries due');

  // Many at once: the two with dates go; a draft stays due (approving it is an edit), as does the one with no owner.
  await queue.getByLabel('Select rq-expiring').check();
  await queue.getByLabel('Select rq-draft').check();
  await queue.getByRole('button', { name: 'Mark 2 selected reviewed' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Marked 2 entries reviewed today' })).toBeVisible();
  expect(await stored(page, 'rq-expiring')).toMatchObject({ reviewedAt: today, expiresAt: addDays(today, 90) });
  expect(await stored(page, 'rq-draft')).toMatchObject({ reviewedAt: today, status: 'draft' });
  await expect(queue.locator('summary')).toHaveText('Review queue: 3 entries due');
  await expect(queue.locator('h3')).toHaveText(['Bob (2)', 'No owner (1)']);

  // An id opens the entry.
  await queue.getByRole('button', { name: 'rq-no-owner', exact: true }).click();
  await expect(page.locator('.library-detail')).toContainText('Is MFA enforced?');
  // The period survives a reload.
  await page.reload();
  await page.getByRole('tab', { name: 'Library' }).click();
  await page.locator('.library-review summary').click();
  await expect(page.locator('.library-review').getByLabel('Review period')).toHaveValue('90');
});
