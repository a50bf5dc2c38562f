// The first-run sample library (issue 13, point 1): marked "Sample" on cards and in the library, never bulk-filled,
// offered for removal in the import preview when a team library arrives and removable in one click; and the
// Library view's search (point 9): "mfa methods" finds the MFA entries, rows that share an opening show what differs.
import { expectNoSeriousA11yIssues } from './support/a11y';
import type { Page } from '@playwright/test';
import { test, expect as baseExpect } from './support/extension';

const expect = baseExpect.configure({ timeout: 15_000 });
test.describe.configure({ timeout: 120_000 });

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Vendor review (sample)</title></head><body><form>
<div><label for="q1">1. Is customer data encrypted at rest?</label><textarea id="q1"></textarea></div>
<div><label for="q2">2. Do you perform regular vulnerability scanning?</label><textarea id="q2"></textarea></div>
</form></body></html>`;

function card(panel: Page, text: RegExp) {
  return panel.locator('article.card').filter({ has: panel.getByRole('heading', { name: text }) });
}

test('sample entries are marked, never bulk-filled, and go when the team library arrives', async ({ context, portalUrl, openPanel }) => {
  const url = portalUrl('servicenow', '/review/sample.html');
  await context.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: PAGE }));
  const page = await context.newPage();
  await page.goto(url);
  const panel = await openPanel(page);
  await expect(panel.getByTestId('page-summary')).toHaveText(/^2 detected · 2 proposed/);

  const enc = card(panel, /encrypted at rest/);
  await expect(enc.locator('.badge-sample')).toHaveText('Sample');
  await panel.getByRole('button', { name: 'Fill all high-confidence…' }).click();
  const preview = panel.locator('.bulk-preview');
  await expect(preview.getByRole('heading', { level: 2 })).toHaveText('Fill 0 high-confidence answers?');
  await expect(preview).toContainText('2 the library entry is a fictional sample');
  await preview.getByRole('button', { name: 'Cancel' }).click();

  // The Library view: the first-run notice says what is true; rows are marked; one line offers the removal.
  await panel.getByRole('tab', { name: 'Library' }).click();
  await expect(panel.locator('.library-notice')).toHaveText(/^Loaded the sample library \(\d+ fictional entries, marked Sample\).* never bulk-filled\./);
  await expect(panel.locator('.library-sample-line')).toContainText(/\d+ entries are fictional samples/);
  await expect(panel.getByRole('list', { name: 'Library entries' }).locator('li').first().locator('.badge-sample')).toHaveText('Sample');
  await expectNoSeriousA11yIssues(panel, 'library with the sample');

  // The team's export arrives: the preview offers to remove the samples (one tick); its entry of the same id replaces one.
  const team = {
    format: 'answer-library',
    version: 1,
    source: 'Acme Security',
    entries: [
      { id: 'enc-at-rest', question: 'Is customer data encrypted at rest?', answer: 'Yes. Acme encrypts all stored customer data with AES-256 (KMS).', status: 'approved' },
      { id: 'acme-ciso', question: 'Who is your CISO?', answer: 'Dana Reyes.', status: 'approved' },
    ],
  };
  await panel.getByLabel('Import library file (.json, .csv, .xlsx)').setInputFiles({ name: 'acme.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(team)) });
  const remove = panel.getByLabel(/Remove the \d+ sample entries/);
  await expect(panel.locator('.library-preview-summary')).toContainText(/^1 added, 1 updated, 0 unchanged, 0 conflicts, 0 invalid\./);
  await remove.check();
  await expect(panel.locator('.library-preview-summary')).toContainText(/^1 added, 1 updated, 0 unchanged, 0 conflicts, 0 invalid, \d+ removed/);
  await expectNoSeriousA11yIssues(panel, 'import preview with the sample removal');
  await panel.getByRole('button', { name: 'Apply import' }).click();
  await expect(panel.locator('.library-counts')).toContainText('2 of 2 entries shown');
  await expect(panel.locator('.library-sample-line')).toHaveCount(0);
  await expect(panel.locator('.badge-sample')).toHaveCount(0);

  // Back on the questions: the team's answer, not marked, and offered for bulk fill.
  await panel.getByRole('tab', { name: 'Questions' }).click();
  await expect(enc.locator('.answer')).toContainText('Acme encrypts');
  await expect(enc.locator('.badge-sample')).toHaveCount(0);
  await expect(card(panel, /vulnerability scanning/).locator('.badge-sample')).toHaveCount(0);
  await expect(card(panel, /vulnerability scanning/)).not.toContainText('Sample');
  await panel.getByRole('button', { name: 'Fill all high-confidence…' }).click();
  await expect(preview.getByRole('heading', { level: 2 })).toHaveText('Fill 1 high-confidence answer?');
});

test('the Library view removes the sample in one click; its search finds the MFA entries for "mfa methods"', async ({ context, extensionId }) => {
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  await panel.getByRole('tab', { name: 'Library' }).click();
  await expect(panel.locator('.library-sample-line')).toBeVisible();

  const list = panel.getByRole('list', { name: 'Library entries' });
  await panel.getByLabel('Search the library').fill('mfa methods');
  await expect(list.locator('li').first()).toContainText('multi-factor authentication');
  await expect(list.locator('li').nth(1)).toContainText('multi-factor authentication');
  await panel.getByLabel('Search the library').fill('pasword');
  await expect(list.locator('li').first()).toContainText('What password requirements are enforced?');
  await panel.getByLabel('Search the library').fill('');

  await panel.getByRole('button', { name: 'Remove the sample entries' }).click();
  await expect(panel.locator('.library-notice')).toHaveText(/^Removed \d+ sample entries\.$/);
  await expect(panel.locator('.library-counts')).toContainText('0 of 0 entries shown');
});
