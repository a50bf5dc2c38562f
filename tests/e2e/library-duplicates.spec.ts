// Near-duplicates in the built extension: two team entries with the same answer are listed side by side, merged
// into one (the other's question becomes an alternate, the merge is a version of the kept entry), and importing
// the same file again does not bring the merged entry back. On a large library the search shows progress, can be
// cancelled and lists its pairs a page at a time (its main-thread cost is timed by tests/bench/library-view.bench.ts).
import { bigLibraryExport } from './support/big-library';
import { test, expect as baseExpect } from './support/extension';

const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 180_000 });

const TEAM_FILE = {
  name: 'team-duplicates.json',
  mimeType: 'application/json',
  buffer: Buffer.from(
    JSON.stringify({
      format: 'answer-library',
      version: 1,
      source: 'Team export',
      entries: [
        { id: 'dup-a', question: 'Do you keep an asset inventory?', answer: 'Yes. Every laptop and server is in the asset register.', updatedAt: '2026-10-01T00:00:00Z' },
        { id: 'dup-b', question: 'Is there a register of company hardware?', answer: 'Yes. Every laptop and server is in the asset register.', updatedAt: '2026-10-01T00:00:00Z' },
      ],
    }),
  ),
};

test('a pair with the same answer is merged into one, and a later import of the merged id does not bring it back', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  await page.getByRole('tab', { name: 'Library' }).click();
  await expect(page.locator('.library-counts')).toContainText('of 68 entries shown');
  const input = page.getByLabel('Import library file (.json, .csv, .xlsx)');
  await input.setInputFiles(TEAM_FILE);
  await page.getByRole('button', { name: 'Apply import' }).click();
  await expect(page.locator('.library-counts')).toContainText('of 70 entries shown');

  await page.getByText('Near-duplicates', { exact: true }).click();
  await page.getByRole('button', { name: 'Find near-duplicates' }).click();
  const pair = page.getByRole('listitem', { name: 'dup-a and dup-b' });
  await expect(pair).toContainText('Same answer');
  await expect(pair).toContainText('Do you keep an asset inventory?');
  await expect(pair).toContainText('Is there a register of company hardware?');
  await pair.getByRole('button', { name: 'Keep dup-a, merge dup-b into it' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Merged "dup-b" into "dup-a" (its version 2)' })).toBeVisible();
  await expect(page.locator('.library-counts')).toContainText('of 69 entries shown');
  await expect(page.getByRole('listitem', { name: 'dup-a and dup-b' })).toHaveCount(0);

  // The same file again: dup-b is skipped as merged here, not added back.
  await input.setInputFiles(TEAM_FILE);
  await expect(page.locator('.library-preview-summary')).toContainText('0 added, 0 updated, 1 unchanged');
  await expect(page.locator('.library-preview-summary')).toContainText('1 merged here before (skipped)');
  await page.getByRole('button', { name: 'Apply (nothing to change)' }).click();
  await expect(page.locator('.library-counts')).toContainText('of 69 entries shown');

  await page.getByLabel('Search the library').fill('asset register');
  await page.getByRole('button', { name: /Do you keep an asset inventory\?/ }).click();
  await expect(page.locator('.library-detail')).toContainText('Is there a register of company hardware?');
  await expect(page.getByRole('region', { name: 'Versions' }).getByRole('listitem', { name: 'Version 2' })).toContainText('merge of dup-b');
});

test('on 2,000 entries the search shows progress, can be cancelled, and lists its pairs a page at a time', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  await page.getByRole('tab', { name: 'Library' }).click();
  await expect(page.locator('.library-counts')).toContainText('of 68 entries shown');
  const big = bigLibraryExport(2_000);
  await page.getByLabel('Import library file (.json, .csv, .xlsx)').setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...big, source: 'Team export' })) });
  await page.getByRole('button', { name: 'Apply import' }).click();
  await expect(page.locator('.library-counts')).toContainText('of 2068 entries shown', { timeout: 120_000 });

  await page.getByText('Near-duplicates', { exact: true }).click();
  const section = page.locator('.library-duplicates');
  await section.getByRole('button', { name: 'Find near-duplicates' }).click();
  const progress = section.locator('.progress');
  await expect(progress).toContainText(/Comparing entries \d+ \/ 2000/);
  await progress.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The near-duplicate search was cancelled.' })).toBeVisible();
  await expect(progress).toHaveCount(0);
  await expect(section.locator('.duplicate-pair')).toHaveCount(0);

  await section.getByRole('button', { name: 'Find near-duplicates' }).click();
  await expect(section.locator('summary')).toHaveText('Near-duplicates: 200 pairs', { timeout: 180_000 });
  await expect(section.locator('.duplicate-pair').first()).toContainText('Same answer');
  // A page of pairs at a time.
  await expect(section.locator('.duplicate-pair')).toHaveCount(25);
  await section.getByRole('button', { name: 'Show 25 more pairs (175 not shown)' }).click();
  await expect(section.locator('.duplicate-pair')).toHaveCount(50);
});
