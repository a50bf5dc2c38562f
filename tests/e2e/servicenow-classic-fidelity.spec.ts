// The classic assessment_take2.do as the panel shows it: categories as sections, no made-up numbers, a date metric
// as a date, and a yes/no checkbox nobody touched offered to bulk fill (it is unanswered, not "No").
import { test, expect as baseExpect } from './support/extension';
import { watchPageErrors } from './support/page-errors';
import { importLibrary } from '../fixtures/portals/hostile/panel';
import { LIBRARY_FORMAT, LIBRARY_FORMAT_VERSION, type LibraryEntry } from '../../lib/schema';
import { fillAnswersLabel } from '../../lib/panel/bulk-labels';

const expect = baseExpect.configure({ timeout: 15_000 });
test.describe.configure({ timeout: 120_000 });

const CLASSIC = '/assessment_take2.do?sysparm_assessable_type=7c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f&sysparm_assessable_sysid=9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b';
const IR_PLAN = 'ASMTQUESTION:c3a1e5f0b2d44f6a9e8d7c6b5a4f3e02';

const entry = (id: string, question: string, answer: string, choice?: string): LibraryEntry => ({
  id, question, answer, ...(choice ? { choice } : {}), tags: [], citations: [{ title: 'Security Overview' }], status: 'approved', reviewedAt: '2026-07-01', updatedAt: '2026-07-01T00:00:00Z',
});

test('panel: sections from the categories, no invented numbers, and bulk fill includes the untouched checkbox', async ({ context, extensionId, portalUrl, openPanel }) => {
  await importLibrary(context, extensionId, {
    format: LIBRARY_FORMAT,
    version: LIBRARY_FORMAT_VERSION,
    entries: [
      entry('ir-plan', 'We maintain a documented incident response plan', 'Yes. The plan is reviewed every year.', 'Yes'),
      entry('pentest', 'Date of your most recent external penetration test', '2026-03-02'),
    ],
  });
  const page = await context.newPage();
  await page.goto(portalUrl('servicenow', CLASSIC));
  const panel = await openPanel(page);
  const errors = await watchPageErrors(panel);

  await expect(panel.getByTestId('page-summary')).toHaveText(/^7 detected/);
  await expect(panel.getByRole('heading', { level: 2, name: /^Security Operations/ })).toBeVisible();
  await expect(panel.getByRole('heading', { level: 2, name: /^Data Protection/ })).toBeVisible();
  await expect(panel.locator('article.card .qnum')).toHaveCount(0);

  await panel.getByRole('button', { name: 'Fill all high-confidence…' }).click();
  const preview = panel.locator('.bulk-preview');
  await expect(preview.getByRole('listitem').filter({ hasText: 'We maintain a documented incident response plan' })).toContainText('→ Yes');
  await expect(preview.getByRole('listitem').filter({ hasText: 'most recent external penetration test' })).toContainText('2026-03-02');
  await expect(preview).not.toContainText('the page already has an answer');
  const count = await preview.getByRole('listitem').count();
  await preview.getByRole('button', { name: fillAnswersLabel(count) }).click();
  await expect(panel.locator('.notice')).toHaveText(`Filled ${count} of ${count} answers.`);

  // The classic form's own fields hold the answers: the hidden true/false input and the date metric.
  await expect(page.locator(`[id="${IR_PLAN}"]`)).toHaveValue('true');
  await expect(page.locator(`[id="ni.${IR_PLAN}"]`)).toBeChecked();
  await expect(page.locator('[id="ASMTQUESTION:c3a1e5f0b2d44f6a9e8d7c6b5a4f3e07"]')).toHaveValue('2026-03-02');
  expect(await page.evaluate(() => (document.getElementById('selection_result') as HTMLInputElement).value)).toBe('');
  errors.expectNone();
});
