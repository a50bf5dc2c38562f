// The ServiceNow Service Portal survey fixture (tests/fixtures/portals/servicenow/sp-take-survey.html) as an analyst
// opens it: the take_survey page, then "Get Started" to show its first page of questions.
import { expect, type Page } from '@playwright/test';

export const SP_SURVEY = '/sp?id=take_survey&instance_id=3c1f2b7e1b8a4d10a6f2c9e4d7b01a5f';

/** Opens the survey at `url` (portalUrl('servicenow', SP_SURVEY)) and starts it. */
export async function startSurvey(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: 'Get Started' }).click();
  await expect(page.locator('.question-label:visible').first()).toBeVisible({ timeout: 30_000 });
}
