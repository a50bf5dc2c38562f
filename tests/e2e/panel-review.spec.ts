// The side panel end to end against the ServiceNow fixtures: scan and proposals, accept (click and key),
// edit then fill (with the save-as-draft offer), skip, undo, bulk fill with preview after following the
// analyst to another tab, the history of every fill, CSV export, and axe on each view.
import { readFileSync } from 'node:fs';
import { expectNoSeriousA11yIssues } from './support/a11y';
import type { Page } from '@playwright/test';
import { test, expect as baseExpect } from './support/extension';
import { importSampleAsTeamLibrary } from './support/team-library';
import { card } from './support/drawn-card';
import { SP_SURVEY, startSurvey } from './support/sp-survey';
import { fillAnswersLabel } from '../../lib/panel/bulk-labels';

// The machine running e2e may be busy: scans and fills get more time than the default.
const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 300_000 });

const CLASSIC = '/assessment_take2.do?sysparm_assessable_type=a1&sysparm_assessable_sysid=b2';
const Q = {
  legalName: 'a1f0c3e21b2a4d10b8e2f1a7c9d04e01',
  accessReview: 'a1f0c3e21b2a4d10b8e2f1a7c9d04e02',
  mfa: 'a1f0c3e21b2a4d10b8e2f1a7c9d04e03',
};

/** The Service Portal survey's own model (AngularJS scope), which is what the portal would save. */
async function surveyModel(page: Page, id: string): Promise<{ value: string; add_info: string }> {
  return page.evaluate((qid) => {
    const ng = (window as unknown as { angular: { element(e: Element | null): { scope(): { c: { data: { questions: { idMap: Record<string, { value: string; add_info: string }> } } } } } } }).angular;
    const q = ng.element(document.getElementById('sp_survey_root')).scope().c.data.questions.idMap[qid]!;
    return { value: q.value, add_info: q.add_info };
  }, id);
}

test('review loop: scan, accept, edit, skip, undo, follow tabs, bulk fill with preview, history and CSV export', async ({ context, extensionId, portalUrl, openPanel }) => {
  // Sample entries are never bulk-filled: the team library (the sample's answers, as the team's export) replaces it.
  await importSampleAsTeamLibrary(context, extensionId);
  const survey = await context.newPage();
  await startSurvey(survey, portalUrl('servicenow', SP_SURVEY));

  const panel = await openPanel(survey);
  const summary = panel.getByTestId('page-summary');
  await expect(summary).toHaveText(/^4 detected · [1-4] proposed · 0 filled · \d need attention$/);
  await expect(panel.getByText('2 sections, 1 open')).toBeVisible();
  await expectNoSeriousA11yIssues(panel, 'questions');

  // The proposal card shows the answer, the option for a choice question, the citation, band and why, freshness.
  const mfa = card(panel, /multi-factor authentication/);
  await expect(mfa.locator('.option')).toContainText('Option: Yes · answer text goes into the comment box');
  await expect(mfa.getByRole('link', { name: /Access Control Policy/ })).toBeVisible();
  await expect(mfa.locator('.meta .badge')).toHaveText(/^(High|Review) \d+%$/);
  await expect(mfa.locator('.why')).toContainText(/wording/);
  await expect(mfa.getByText(/Reviewed \d{4}-\d{2}-\d{2}/)).toBeVisible();

  // Accept: the option goes into the Yes/No choice, the answer text into the Justification box.
  await mfa.getByRole('button', { name: 'Accept & fill' }).click();
  await expect(mfa.locator('.badge-filled')).toHaveText('Filled');
  await expect.poll(() => surveyModel(survey, Q.mfa)).toMatchObject({ value: '1', add_info: expect.stringContaining('MFA is enforced') });
  // Answering "Yes" reveals the dependent question; the page says its questions changed and the panel re-scans.
  await expect(summary).toHaveText(/^5 detected · .* · 1 filled · /);
  await expect(mfa.locator('.warning-line')).toHaveCount(0);
  await expect(card(panel, /Which MFA methods are supported/).locator('.badge-new')).toHaveText('New');
  // The accepted wording was learned as an alias: the re-scan now matches it exactly.
  await expect(mfa.locator('.why')).toContainText('A wording you accepted before');

  // Edit then fill, and the offer to keep the edit in the library as a draft.
  const review = card(panel, /user access review process/);
  await review.getByRole('button', { name: 'Edit' }).click();
  const edited = 'Access is reviewed quarterly by system owners; the review is tracked in Jira.';
  await review.getByLabel('Answer').fill(edited);
  await review.getByRole('button', { name: 'Fill edited answer' }).click();
  await expect(review.locator('.badge-edited')).toHaveText('Edited');
  await expect.poll(async () => (await surveyModel(survey, Q.accessReview)).value).toBe(edited);
  await panel.getByRole('button', { name: 'Save edit as draft' }).click();
  await expect(panel.getByText(/Saved as draft “[^”]+-edit”/)).toBeVisible();
  await panel.getByRole('button', { name: 'Close' }).click();

  // Skip with the keyboard: select the first question by clicking it (which also shows it on the page), press s.
  const legal = card(panel, /Company legal name/);
  await legal.getByRole('button', { name: /Company legal name/ }).click();
  await expect(legal).toHaveAttribute('aria-current', 'true');
  await panel.keyboard.press('s');
  await expect(legal.locator('.badge')).toHaveText('Skipped');

  // Undo the edited fill: the portal's model is empty again and the card is back to proposed.
  await review.getByRole('button', { name: 'Undo fill' }).click();
  await expect(review.locator('.badge').first()).toHaveText('Proposed');
  await expect.poll(async () => (await surveyModel(survey, Q.accessReview)).value).toBe('');

  // Switch tabs: the panel follows the analyst to the classic assessment page.
  const classic = await context.newPage();
  await classic.goto(portalUrl('servicenow', CLASSIC));
  await classic.bringToFront();
  await expect(panel.locator('.page-title strong')).toHaveText('Vendor Risk Assessment | ServiceNow');
  await expect(summary).toHaveText(/^7 detected/);

  // Bulk fill: the preview lists the question and the answer, fills on confirm. The yes/no checkbox nobody touched
  // is unanswered (not "No"), so no field is left out as already answered.
  await panel.getByRole('button', { name: 'Fill all high-confidence…' }).click();
  const preview = panel.locator('.bulk-preview');
  const encrypted = preview.getByRole('listitem').filter({ hasText: 'Is customer data encrypted at rest?' });
  await expect(encrypted).toContainText('→ Yes + comment: Yes. All customer data');
  await expect(preview).not.toContainText('the page already has an answer');
  const bulkCount = await preview.getByRole('listitem').count();
  await expectNoSeriousA11yIssues(panel, 'bulk preview');
  await preview.getByRole('button', { name: fillAnswersLabel(bulkCount) }).click();
  await expect(panel.locator('.notice')).toHaveText(`Filled ${bulkCount} of ${bulkCount} answers.`);
  const encId = 'ASMTQUESTION:c3a1e5f0b2d44f6a9e8d7c6b5a4f3e03';
  await expect(classic.locator(`[id="${encId}"]`)).toHaveValue('1');
  await expect(classic.locator(`[id="ADDINFO:${encId}"]`)).toHaveValue(/^Yes\. All customer data/);
  expect(await classic.evaluate((id) => (window as unknown as { g_form: { modified: Record<string, boolean> } }).g_form.modified[id], encId)).toBe(true);

  // History: every fill and the undo, newest first, each linking back to its library entry.
  await panel.getByRole('tab', { name: 'History' }).click();
  const items = panel.locator('.history-item');
  await expect(items).toHaveCount(3 + bulkCount);
  await expect(items.filter({ hasText: 'Is customer data encrypted at rest?' })).toHaveCount(1);
  await expect(items.nth(bulkCount)).toContainText('undo filled');
  await expect(items.nth(bulkCount + 1)).toContainText('edited');
  await expect(items.nth(bulkCount + 2)).toContainText('multi-factor authentication');
  const entryLink = items.nth(bulkCount + 2).getByRole('button', { name: /Library entry / });
  const entryId = (await entryLink.textContent())!.replace('Library entry ', '');
  await expectNoSeriousA11yIssues(panel, 'history');

  await panel.getByLabel('Text').fill('encrypted at rest');
  await expect(items).toHaveCount(1);
  await panel.getByLabel('Text').fill('');
  const [download] = await Promise.all([panel.waitForEvent('download'), panel.getByRole('button', { name: 'Export CSV' }).click()]);
  const file = readFileSync((await download.path())!, 'utf8');
  expect(file.startsWith('\uFEFF')).toBe(true);
  const csv = file.slice(1);
  const lines = csv.trim().split('\r\n');
  expect(lines[0]).toMatch(/^at,action,portal,pageTitle,pageUrl,frameUrl,questionNumber,questionText,entryId,entryUpdatedAt,citation,value,previous/);
  expect(lines).toHaveLength(4 + bulkCount);
  expect(csv).toContain('Is customer data encrypted at rest?');
  expect(csv).toContain(edited);
  expect(download.suggestedFilename()).toMatch(/^fill-history-\d{4}-\d{2}-\d{2}\.csv$/);

  // A history entry links back to its library entry.
  await entryLink.click();
  await expect(panel.getByRole('tab', { name: 'Library' })).toHaveAttribute('aria-selected', 'true');
  await expect(panel.locator('.library-detail')).toContainText(entryId);
  await expectNoSeriousA11yIssues(panel, 'library');
});

test('keyboard: next, accept and undo without the mouse; shortcuts are listed; focus is visible', async ({ context, portalUrl, openPanel }) => {
  const survey = await context.newPage();
  await startSurvey(survey, portalUrl('servicenow', SP_SURVEY));
  const panel = await openPanel(survey);
  await expect(panel.getByTestId('page-summary')).toHaveText(/^4 detected/);

  await panel.getByText('Keyboard shortcuts').click();
  for (const label of ['Next question', 'Previous question', 'Accept and fill', 'Edit, then fill', 'Skip / unskip', 'Undo the last fill']) {
    await expect(panel.getByText(label, { exact: true })).toBeVisible();
  }

  await panel.locator('body').click({ position: { x: 5, y: 5 } });
  for (let i = 0; i < 2; i++) await panel.keyboard.press('j');
  const review = card(panel, /user access review process/);
  await expect(review).toHaveAttribute('aria-current', 'true');
  await panel.keyboard.press('a');
  await expect(review.locator('.badge-filled')).toHaveText('Filled');
  await expect.poll(async () => (await surveyModel(survey, Q.accessReview)).value).toMatch(/^Yes\. Access to production/);
  // Someone changes the answer on the page after the fill, once the panel has read the page again, and leaves the
  // cursor in the box (no blur, so no change event): the card still says so.
  // (The pause lets the panel's own re-read after the fill land first, as it does on a busy machine.)
  await survey.waitForTimeout(1_500);
  await survey.locator(`[id="${Q.accessReview}"]`).fill('Changed by hand on the page');
  await expect(review.locator('.warning-line')).toHaveText('Changed on the page since the fill: now “Changed by hand on the page”.');
  // Accepting moves on to the next question; k comes back, u undoes.
  await expect(card(panel, /multi-factor authentication/)).toHaveAttribute('aria-current', 'true');
  await panel.keyboard.press('k');
  await expect(review).toHaveAttribute('aria-current', 'true');
  await panel.keyboard.press('u');
  // The analyst moves on at once: the undo ends after that key and must not pull the selection back to its card,
  // or the next key would act on the card just undone.
  await panel.keyboard.press('j');
  await expect.poll(async () => (await surveyModel(survey, Q.accessReview)).value).toBe('');
  await expect(review.locator('.badge').first()).toHaveText('Proposed');
  const mfa = card(panel, /multi-factor authentication/);
  await expect(mfa).toHaveAttribute('aria-current', 'true');
  await expect(review).not.toHaveAttribute('aria-current', 'true');

  // Undo of a select2 Yes/No goes back to no answer through select2's own clear button; the model follows.
  await panel.keyboard.press('a');
  await expect(mfa.locator('.badge-filled')).toHaveText('Filled');
  await expect.poll(() => surveyModel(survey, Q.mfa)).toMatchObject({ value: '1', add_info: expect.stringContaining('MFA is enforced') });
  await mfa.getByRole('button', { name: 'Undo fill' }).click();
  await expect.poll(() => surveyModel(survey, Q.mfa)).toMatchObject({ value: '', add_info: '' });
  await expect(mfa.locator('.badge').first()).toHaveText('Proposed');
  await expect(mfa.locator('.failure')).toHaveCount(0);
  await expect(survey.locator('.hidden-xs .select2-chosen').first()).toHaveText('-- None --');

  // Keyboard focus on a control is drawn with a clear outline.
  await panel.keyboard.press('Tab');
  const outline = await panel.evaluate(() => {
    const s = getComputedStyle(document.activeElement!);
    return `${s.outlineStyle} ${s.outlineWidth}`;
  });
  expect(outline).toBe('solid 3px');
});
