// The team library arriving: the bundled sample's answers imported as the team's own export (no sample marker),
// through the Library view's import preview with "Remove the sample entries" ticked. Specs that bulk-fill
// need this, because sample entries are never bulk-filled.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, type BrowserContext } from '@playwright/test';

const SAMPLE_FILE = resolve(import.meta.dirname, '../../../public/sample-library.json');

/** `extraEntries` are imported with the sample's answers (a larger team library). */
export async function importSampleAsTeamLibrary(context: BrowserContext, extensionId: string, extraEntries: unknown[] = []): Promise<void> {
  const sample = JSON.parse(readFileSync(SAMPLE_FILE, 'utf8')) as { source?: string; entries: unknown[] };
  const library = { ...sample, entries: [...sample.entries, ...extraEntries] };
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  await page.getByRole('tab', { name: 'Library' }).click();
  // The first-run sample is in place (so the import replaces it rather than racing it).
  await expect(page.locator('.library-sample-line')).toBeVisible({ timeout: 60_000 });
  await page.getByLabel('Import library file (.json, .csv, .xlsx)').setInputFiles({
    name: 'team-library.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ ...library, source: 'Team export' })),
  });
  await page.getByLabel(/Remove the \d+ sample entries/).check();
  await page.getByRole('button', { name: 'Apply import' }).click();
  await expect(page.locator('.library-counts')).toContainText(`of ${library.entries.length} entries shown`, { timeout: 60_000 });
  await expect(page.locator('.library-sample-line')).toHaveCount(0);
  await page.close();
}
