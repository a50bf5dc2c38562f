// Portal sessions in the panel: fills the portal has not saved are counted and warned about before the configured
// idle sign-out (a 1-minute timeout, so the warning shows at once: no waiting, no timing assertions); the analyst's
// own Save click clears them; after a reload the emptied answers are offered again, and only empty fields are
// re-filled.
import type { Page } from '@playwright/test';
import { test, expect as baseExpect } from './support/extension';
import { watchPageErrors } from './support/page-errors';
import { fillPage, question, scanPage } from './support/content';
import { importLibrary } from '../fixtures/portals/hostile/panel';
import { LIBRARY_FORMAT, LIBRARY_FORMAT_VERSION, type LibraryEntry } from '../../lib/schema';

const expect = baseExpect.configure({ timeout: 15_000 });
test.describe.configure({ timeout: 120_000 });

const CLASSIC = '/assessment_take2.do?sysparm_assessable_type=7c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f&sysparm_assessable_sysid=9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b';
const SURVEY = '/sp?id=take_survey&instance_id=3c1f2b7e1b8a4d10a6f2c9e4d7b01a5f';
const BACKUP = 'ASMTQUESTION:c3a1e5f0b2d44f6a9e8d7c6b5a4f3e04';
const CISO = 'ASMTQUESTION:c3a1e5f0b2d44f6a9e8d7c6b5a4f3e05';

const entry = (id: string, question: string, answer: string): LibraryEntry => ({
  id, question, answer, tags: [], citations: [{ title: 'Security Overview' }], status: 'approved', reviewedAt: '2026-07-01', updatedAt: '2026-07-01T00:00:00Z',
});

function card(panel: Page, text: RegExp) {
  return panel.locator('article.card').filter({ has: panel.getByRole('heading', { name: text }) });
}

async function setTimeoutMinutes(panel: Page, minutes: string): Promise<void> {
  const session = panel.getByRole('region', { name: 'Portal session' });
  await session.getByText('Session timeout').click();
  await session.getByLabel(/signs out after/).fill(minutes);
  await session.getByRole('button', { name: 'Save timeout' }).click();
}

test('warns about unsaved fills before the sign-out, and the analyst\'s Save click clears the warning', async ({ context, portalUrl, openPanel }) => {
  const page = await context.newPage();
  await page.goto(portalUrl('servicenow', SURVEY));
  await page.getByRole('button', { name: 'Get Started' }).click();
  const panel = await openPanel(page);
  const errors = await watchPageErrors(panel);
  await setTimeoutMinutes(panel, '1');
  const session = panel.getByRole('region', { name: 'Portal session' });
  await expect(session.getByRole('alert')).toHaveCount(0);

  const mfa = card(panel, /multi-factor authentication/);
  await mfa.getByRole('button', { name: 'Accept & fill' }).click();
  await expect(mfa.locator('.badge-filled')).toHaveText('Filled');
  await expect(session.getByRole('alert')).toContainText('1 fill is not saved in the portal yet. ServiceNow signs out after 1 idle minutes');

  // The analyst saves in the portal (the extension never does): the fills are no longer at risk.
  await page.locator('.hidden-xs button', { hasText: /^Save$/ }).click();
  await expect(session.getByRole('alert')).toHaveCount(0);
  errors.expectNone();
});

test('after a reload, offers the emptied answers again and never overwrites what the page holds', async ({ context, extensionId, portalUrl, openPanel }) => {
  await importLibrary(context, extensionId, {
    format: LIBRARY_FORMAT,
    version: LIBRARY_FORMAT_VERSION,
    entries: [
      entry('backup', 'Describe your backup and restore strategy', 'Nightly encrypted backups, restores tested every quarter.'),
      entry('ciso', 'Name of your Chief Information Security Officer', 'Dana Whitfield'),
    ],
  });
  const page = await context.newPage();
  await page.goto(portalUrl('servicenow', CLASSIC));
  const panel = await openPanel(page);
  const errors = await watchPageErrors(panel);
  const session = panel.getByRole('region', { name: 'Portal session' });

  for (const text of [/backup and restore strategy/, /Chief Information Security Officer/]) {
    const c = card(panel, text);
    await c.getByRole('button', { name: 'Accept & fill' }).click();
    await expect(c.locator('.badge-filled')).toHaveText('Filled');
  }
  await expect(page.locator(`[id="${BACKUP}"]`)).toHaveValue(/^Nightly encrypted backups/);
  await expect(session).toContainText('2 fills are not saved in the portal yet.');

  // The page reloads without a save: both answers are gone. The analyst types a name of their own first.
  await page.reload();
  await page.locator(`[id="${CISO}"]`).fill('Jordan Lee');
  // The offer counts the empty fields as of its last read of the page; the re-fill reads the page again first.
  const offer = session.getByRole('note', { name: 'Lost answers' });
  await expect(offer).toContainText(/filled before the page reloaded (is|are) empty now\./);
  await offer.getByRole('button', { name: /^Re-fill \d empty answers?$/ }).click();
  await expect(session.getByRole('status')).toHaveText('Re-filled 1 of 1 answers; 1 already on the page were left as they are.');
  await expect(page.locator(`[id="${BACKUP}"]`)).toHaveValue('Nightly encrypted backups, restores tested every quarter.');
  await expect(page.locator(`[id="${CISO}"]`)).toHaveValue('Jordan Lee');
  await expect(offer).toHaveCount(0);
  // The classic form saw a real change (its own modified bookkeeping), and nothing was saved or submitted.
  expect(await page.evaluate((id) => (window as unknown as { g_form: { modified: Record<string, boolean> } }).g_form.modified[id], BACKUP)).toBe(true);
  expect(await page.evaluate(() => (document.getElementById('selection_result') as HTMLInputElement).value)).toBe('');
  errors.expectNone();
});

test('an autosaving portal\'s own "Saved" badge counts as a save; the page id stays until a reload', async ({ context, sw, portalUrl }) => {
  const page = await context.newPage();
  await page.goto(portalUrl('servicenow', '/svdp?id=assessment&sys_id=5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b0a'));
  await page.locator('sn-sae-assessment').locator('.sae-question-card').first().waitFor();
  const before = await scanPage(sw, page);
  expect(before.session?.saves).toBe(0);
  const [result] = await fillPage(sw, page, [{ fieldId: question(before, 'security responsibilities').fieldId, value: 'The CISO owns the programme.' }]);
  expect(result?.status).toBe('filled');
  const after = await scanPage(sw, page);
  expect(after.session).toEqual({ pageId: before.session?.pageId, saves: 1 });
  await page.reload();
  await page.locator('sn-sae-assessment').locator('.sae-question-card').first().waitFor();
  expect((await scanPage(sw, page)).session?.pageId).not.toBe(before.session?.pageId);
});
