// Entry versions in the built extension: an entry edited, filled on a page, then edited again; the history row
// still shows the version that was filled, and the entry lists its versions with a word-level diff and can
// restore an earlier one.
import type { Page } from '@playwright/test';
import { test, expect as baseExpect } from './support/extension';

const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 240_000 });

const FORM = `<!doctype html><html><head><meta charset="utf-8"><title>Vendor review (versions)</title></head><body>
<h1>Vendor review</h1><form>
<div><label for="q1">1. Is customer data encrypted at rest?</label><textarea id="q1"></textarea></div>
</form></body></html>`;

const SECOND = 'Version two: customer data is encrypted at rest with AES-256.';
const THIRD = 'Version three: customer data is encrypted at rest with keys the customer manages.';

async function editAnswer(panel: Page, answer: string): Promise<void> {
  await panel.getByRole('tab', { name: 'Library' }).click();
  await panel.getByLabel('Search the library').fill('encrypted at rest');
  await panel.getByRole('button', { name: /Is customer data encrypted at rest\?/ }).first().click();
  await panel.locator('.library-detail').getByRole('button', { name: 'Edit' }).click();
  await panel.getByLabel('Answer', { exact: true }).fill(answer);
  // Reviewed here, so the entry stays approved (a draft would ask "Fill anyway?" on the page).
  await panel.getByLabel('I have reviewed this change: keep it approved').check();
  await panel.getByRole('button', { name: 'Save changes' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Saved "enc-at-rest".' })).toBeVisible();
  await expect(panel.locator('.library-answer')).toHaveText(answer);
}

test('edit, fill, edit again: the history row still shows the filled version, and an earlier version can be restored', async ({ context, portalUrl, openPanel }) => {
  const url = portalUrl('servicenow', '/versions/form.html');
  await context.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: FORM }));
  const page = await context.newPage();
  await page.goto(url);
  const panel = await openPanel(page);
  await expect(panel.getByTestId('page-summary')).toHaveText(/^1 detected/);

  // Version 1 is the sample's entry as the first run imported it; the first edit is version 2.
  await editAnswer(panel, SECOND);
  await panel.getByRole('tab', { name: 'Questions' }).click();
  const card = panel.locator('article.card').filter({ hasText: 'Is customer data encrypted at rest?' });
  await expect(card).toContainText(SECOND);
  await card.getByRole('button', { name: 'Accept & fill' }).click();
  await expect(page.locator('#q1')).toHaveValue(SECOND);

  await editAnswer(panel, THIRD);
  const versions = panel.getByRole('region', { name: 'Versions' });
  await expect(versions.getByRole('listitem')).toHaveCount(3);
  const latest = versions.getByRole('listitem', { name: 'Version 3' });
  await expect(latest).toContainText('edit');
  // The word-level diff: the second version's words struck out, the third's marked as added.
  await expect(latest.locator('del')).toContainText(['two:']);
  await expect(latest.locator('ins')).toContainText(['three:']);
  await expect(versions.getByRole('listitem', { name: 'Version 1' })).toContainText('import of sample-library.json');

  // The history row links to the version that was filled, which is not the entry's current text.
  await panel.getByRole('tab', { name: 'History' }).click();
  const row = panel.locator('.history-item').filter({ hasText: 'Is customer data encrypted at rest?' });
  await expect(row).toHaveCount(1);
  await row.getByRole('button', { name: 'Show filled version 2' }).click();
  const filled = row.getByLabel('Entry version 2 as filled');
  await expect(filled.locator('.history-version-answer')).toHaveText(SECOND);
  await expect(filled).toContainText('the entry has changed since');
  await expect(filled).not.toContainText(THIRD);

  // Restoring version 2 makes its text current again, as version 4.
  await row.getByRole('button', { name: 'Library entry enc-at-rest' }).click();
  await panel.getByRole('region', { name: 'Versions' }).getByRole('button', { name: 'Restore version 2' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Restored version 2 of "enc-at-rest" as its version 4.' })).toBeVisible();
  await expect(panel.locator('.library-answer')).toHaveText(SECOND);
  await expect(panel.getByRole('region', { name: 'Versions' }).getByRole('listitem', { name: 'Version 4' })).toContainText('restore of version 2');
});

test('an entry edited in another window while the Questions view is open: the card shows the new text, and accept never fills the old one', async ({ context, extensionId, portalUrl, openPanel }) => {
  const url = portalUrl('servicenow', '/versions/edited-elsewhere.html');
  await context.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: FORM }));
  const page = await context.newPage();
  await page.goto(url);
  const panel = await openPanel(page);
  await expect(panel.getByTestId('page-summary')).toHaveText(/^1 detected/);
  const card = panel.locator('article.card').filter({ hasText: 'Is customer data encrypted at rest?' });
  await expect(card.getByRole('button', { name: 'Accept & fill' })).toBeVisible();
  await expect(card).not.toContainText(SECOND);

  // The Library view of another panel window; this one stays on its Questions view.
  const other = await context.newPage();
  await other.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  await other.getByRole('tab', { name: 'Library' }).click();
  // The panel follows the active tab: the portal is brought back to the front before the edit.
  await page.bringToFront();
  await expect(card.getByRole('button', { name: 'Accept & fill' })).toBeVisible();
  await expect(card).not.toContainText(SECOND);
  await editAnswer(other, SECOND);
  await expect(card).toContainText(SECOND);
  await expect(panel.getByRole('tab', { name: 'Questions' })).toHaveAttribute('aria-selected', 'true');

  // Edited again, and accepted at once: whether or not the card caught up yet, the page gets the new text or
  // nothing (the card then says the entry changed), never the text it replaced.
  await editAnswer(other, THIRD);
  await card.getByRole('button', { name: 'Accept & fill' }).click();
  const field = page.locator('#q1');
  await expect.poll(async () => ((await field.inputValue()) === THIRD ? 'filled' : (await card.textContent())?.includes('changed since it was proposed') ? 'refused' : 'waiting')).not.toBe('waiting');
  await expect(field).not.toHaveValue(SECOND);
  await expect(card).toContainText(THIRD);
  if ((await field.inputValue()) !== THIRD) {
    await card.getByRole('button', { name: 'Accept & fill' }).click();
    await expect(field).toHaveValue(THIRD);
  }
  await other.close();
});
