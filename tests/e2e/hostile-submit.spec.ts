// Never submit or save (SECURITY.md 40-41): moving between survey pages never clicks a control that submits,
// and while any click of ours runs the page's submit events are cancelled. The fixture's form posts to the
// fixture server, so a submission shows as a POST and a navigation. Driven through the real side panel.
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect } from './support/extension';

const SURVEY = '/portals/hostile/survey-submit.html';

async function openSurvey(context: BrowserContext, url: string, openPanel: (p: Page) => Promise<Page>) {
  const page = await context.newPage();
  const posts: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST') posts.push(r.url());
  });
  await page.goto(url);
  const panel = await openPanel(page);
  await expect(panel.getByTestId('page-summary')).toHaveText(/^1 detected/, { timeout: 30_000 });
  await expect(panel.getByRole('region', { name: 'Sections' })).toContainText('2 sections');
  return { page, panel, posts };
}

const submitEvents = (page: Page) => page.evaluate(() => (window as unknown as { submitEvents: number }).submitEvents);

test.describe('survey paging that would submit', () => {
  test('a Next that is a submit button is not clicked: no POST, no navigation, and the panel says the section was not opened', async ({ context, portalUrl, openPanel }) => {
    const url = portalUrl('servicenow', `${SURVEY}?next=submit`);
    const { page, panel, posts } = await openSurvey(context, url, openPanel);
    await panel.getByRole('button', { name: 'Open next section' }).click();
    await expect(panel.getByRole('status').filter({ hasText: 'could not be opened' })).toContainText('Section 2 could not be opened', { timeout: 20_000 });
    await page.waitForTimeout(500);
    expect(posts).toEqual([]);
    expect(page.url()).toBe(url);
    expect(await submitEvents(page)).toBe(0);
    await expect(page.locator('.sp-survey-progress')).toHaveText('Page 1 of 2');
  });

  test('a Next whose handler submits the form: the page moves on, the submit is cancelled', async ({ context, portalUrl, openPanel }) => {
    const url = portalUrl('servicenow', `${SURVEY}?next=handler`);
    const { page, panel, posts } = await openSurvey(context, url, openPanel);
    await panel.getByRole('button', { name: 'Open next section' }).click();
    await expect(panel.getByRole('heading', { name: /data retention and deletion policy/ })).toBeVisible({ timeout: 20_000 });
    await page.waitForTimeout(500);
    expect(posts).toEqual([]);
    expect(page.url()).toBe(url);
    expect(await submitEvents(page)).toBe(0);
    await expect(page.locator('.sp-survey-progress')).toHaveText('Page 2 of 2');
  });
});
