// A filled question the page hides afterwards (a dependent question whose parent answer changed) is named in the
// panel: the analyst no longer sees it on the page or in the list, and what was filled may still be saved with the
// form. ServiceNow Service Portal survey: "Which MFA methods are supported?" shows only while MFA is answered Yes.
import type { Page } from '@playwright/test';
import { expectNoSeriousA11yIssues } from './support/a11y';
import { test, expect as baseExpect } from './support/extension';
import { importSampleAsTeamLibrary } from './support/team-library';
import { card } from './support/drawn-card';
import { SP_SURVEY, startSurvey } from './support/sp-survey';

const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 300_000 });

const MFA = 'a1f0c3e21b2a4d10b8e2f1a7c9d04e03';
const METHODS = 'a1f0c3e21b2a4d10b8e2f1a7c9d04e04';

type SurveyQuestion = { value: string; choices?: { label: string; selected: boolean }[] };
/** Read or change a question in the survey's own model (AngularJS scope), as the portal's own widgets do. */
async function model(page: Page, id: string, value?: string): Promise<SurveyQuestion> {
  return page.evaluate(
    ([qid, next]) => {
      const ng = (window as unknown as { angular: { element(e: Element | null): { scope(): { $apply(f: () => void): void; c: { data: { questions: { idMap: Record<string, SurveyQuestion> } } } } } } }).angular;
      const scope = ng.element(document.getElementById('sp_survey_root')).scope();
      const q = scope.c.data.questions.idMap[qid!]!;
      if (next !== undefined) scope.$apply(() => (q.value = next));
      return JSON.parse(JSON.stringify(q)) as SurveyQuestion;
    },
    [id, value] as const,
  );
}

test('a filled dependent question the page hides after its parent answer changed is named, until it shows again', async ({ context, extensionId, portalUrl, openPanel }) => {
  await importSampleAsTeamLibrary(context, extensionId);
  const survey = await context.newPage();
  await startSurvey(survey, portalUrl('servicenow', SP_SURVEY));
  const panel = await openPanel(survey);
  const summary = panel.getByTestId('page-summary');
  await expect(summary).toHaveText(/^4 detected · /);
  await expect(panel.getByTestId('matching-progress')).toHaveCount(0);

  // MFA: Yes, which shows the dependent question; then the dependent question is filled too.
  const mfa = card(panel, /multi-factor authentication/);
  await mfa.getByRole('button', { name: 'Accept & fill' }).click();
  await expect(mfa.locator('.badge-filled')).toHaveText('Filled');
  await expect(summary).toHaveText(/^5 detected · .* · 1 filled · /);
  const methods = card(panel, /Which MFA methods are supported/);
  await expect(panel.getByTestId('matching-progress')).toHaveCount(0);
  // No library entry answers it: the analyst picks an option by hand.
  await methods.getByRole('button', { name: 'Edit' }).click();
  await methods.locator('form.editor select').selectOption({ label: 'Authenticator app (TOTP)' });
  await methods.getByRole('button', { name: 'Fill edited answer' }).click();
  await expect(methods.locator('.badge-edited')).toHaveText('Edited');
  await expect.poll(async () => (await model(survey, METHODS)).choices?.filter((c) => c.selected).map((c) => c.label)).toEqual(['Authenticator app (TOTP)']);
  await expect(panel.getByTestId('hidden-fills')).toHaveCount(0);

  // The analyst answers MFA "No" in the portal: the page hides the dependent question, whose boxes stay ticked in the
  // model. The panel drops the card (the question is not on the page) and says what was filled there.
  await model(survey, MFA, '0');
  await expect(summary).toHaveText(/^4 detected · /);
  const notice = panel.getByTestId('hidden-fills');
  await expect(notice).toContainText('A question you filled is no longer shown');
  await expect(notice.getByRole('listitem')).toHaveText(['4 Which MFA methods are supported? (Access Control)']);
  expect((await model(survey, METHODS)).choices?.some((c) => c.selected)).toBe(true);
  await expectNoSeriousA11yIssues(panel, 'hidden fills notice');

  // MFA back to Yes: the question shows again with its fill (undo is there), and the notice goes.
  await model(survey, MFA, '1');
  await expect(summary).toHaveText(/^5 detected · /);
  await expect(notice).toHaveCount(0);
  await expect(methods.locator('.badge-edited')).toHaveText('Edited');
  await expect(methods.getByRole('button', { name: 'Undo fill' })).toBeVisible();

  // Hidden again and dismissed: gone until something else is hidden.
  await model(survey, MFA, '0');
  await expect(notice).toBeVisible();
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
});
