// The panel on a portal that shows one section at a time (the OneTrust fixture): the section line, opening the
// next section, and stepping through every section filling its high-confidence answers, with the page's own model
// holding what the history says was filled.
import type { Page } from '@playwright/test';
import { test, expect as baseExpect } from './support/extension';
import { watchPageErrors } from './support/page-errors';
import { importSampleAsTeamLibrary } from './support/team-library';

// The machine running e2e may be busy: scans and fills get more time than the default.
const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 300_000 });

const ROUTE = '/app/#/pia/assessment/wizard/info/5d0c8a56-9a51-4c2e-b1f3-0d7f6a2b9e41/1';

/** Every answer the OneTrust page model holds (option answers, Quill texts, justifications), by key. */
function otValues(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const ot = (window as unknown as { __ot: { answers: Record<string, unknown>; justifications: Record<string, string>; quills: Record<string, { getText(): string }> } }).__ot;
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(ot.answers)) out[`a:${k}`] = JSON.stringify(v);
    for (const [k, v] of Object.entries(ot.justifications)) out[`j:${k}`] = v;
    for (const [k, q] of Object.entries(ot.quills)) out[`q:${k}`] = q.getText().trim();
    return out;
  });
}

test('sections: shows which is open, opens the next, steps through all filling high-confidence answers', async ({ context, extensionId, portalUrl, openPanel }) => {
  // Sample entries are never bulk-filled: the team library (the sample's answers, as the team's export) replaces it.
  await importSampleAsTeamLibrary(context, extensionId);
  const page = await context.newPage();
  await page.goto(portalUrl('onetrust', ROUTE));
  await expect(page.locator('aa-assessment-detail-question')).toHaveCount(6);
  const panel = await openPanel(page);
  // The section list of this page is rebuilt on every toggle; nothing in the panel may fail unhandled meanwhile.
  const errors = await watchPageErrors(panel);

  const sections = panel.getByRole('region', { name: 'Sections' });
  await expect(sections).toContainText('5 sections, 1 open: Information Security Program');
  await expect(panel.getByTestId('page-summary')).toHaveText(/^6 detected/);

  await sections.getByRole('button', { name: 'Open next section' }).click();
  await expect(sections).toContainText('5 sections, 1 open: Access Control');
  await expect(panel.getByTestId('page-summary')).toHaveText(/^4 detected/);
  await expect(panel.getByRole('heading', { level: 2, name: /^Access Control/ })).toBeVisible();
  // The questions of a newly opened section are not flagged as having appeared after a change.
  await expect(panel.locator('.badge-new')).toHaveCount(0);

  const before = await otValues(page);
  await sections.getByRole('button', { name: 'Step through every section…' }).click();
  // Each section is opened and its high-confidence answers previewed; the analyst confirms each one.
  const preview = panel.locator('.bulk-preview');
  const notice = panel.locator('.notice');
  const previewed: number[] = [];
  for (let i = 0; i < 5; i++) {
    await expect(preview.getByRole('heading', { level: 2 })).toHaveText(new RegExp(`^Section ${i + 1} of 5: .*Fill \\d+ high-confidence answers\\?$`), { timeout: 30_000 });
    previewed.push(await preview.getByRole('listitem').count());
    await preview.getByRole('button', { name: /^(Fill \d+ answers?(, then next section)?|Next section|Finish)$/ }).click();
  }
  await expect(notice).toHaveText(/^Stepped through 5 sections: filled \d+ high-confidence answers\.$/, { timeout: 30_000 });
  const filled = Number(/filled (\d+)/.exec((await notice.textContent()) ?? '')![1]);
  expect(filled).toBe(previewed.reduce((a, b) => a + b, 0));
  expect(filled).toBeGreaterThan(0);
  // The last section is left open.
  await expect(sections).toContainText('1 open: Business Continuity');
  // The filled questions of the sections left are not on the page now, nor hidden by an answer: nothing to warn of.
  await expect(panel.getByTestId('hidden-fills')).toHaveCount(0);

  const after = await otValues(page);
  const changed = Object.keys(after).filter((k) => after[k] !== before[k] && after[k] !== '');
  expect(changed.length).toBeGreaterThanOrEqual(filled);

  await panel.getByRole('tab', { name: 'History' }).click();
  await expect(panel.locator('.history-item')).toHaveCount(filled);
  await expect(panel.locator('.history-item .badge-failed')).toHaveCount(0);

  // Stop ends the walk where it is, filling nothing more.
  await panel.getByRole('tab', { name: 'Questions' }).click();
  await sections.getByRole('button', { name: 'Step through every section…' }).click();
  await expect(preview.getByRole('heading', { level: 2 })).toHaveText(/^Section 1 of 5/);
  await preview.getByRole('button', { name: 'Stop' }).click();
  await expect(notice).toHaveText('Stopped at section 1 of 5: filled 0 high-confidence answers.');
  errors.expectNone();
});

test('drift warnings: a recognised portal page that is not fillable says why', async ({ context, portalUrl, openPanel }) => {
  const page = await context.newPage();
  await page.goto(portalUrl('processunity', '/acme/Default.aspx?nav=assessments/vendor-questionnaire'));
  const panel = await openPanel(page);
  const warning = panel.getByRole('note', { name: 'Page structure warnings' });
  await expect(warning).toContainText('read-only: click Edit in the action bar, then scan again');
  await expect(panel.locator('.page-title .portal')).toHaveText('processunity');
});
