import { test, expect } from './support/extension';

test('the service worker starts and opens the panel from the toolbar button', async ({ sw }) => {
  const behavior = await sw.evaluate(() => chrome.sidePanel.getPanelBehavior());
  expect(behavior.openPanelOnActionClick).toBe(true);
});

test('the content script runs on a portal host name and not on a foreign one', async ({ context, portalUrl }) => {
  const page = await context.newPage();
  await page.goto(portalUrl('servicenow', '/smoke.html'));
  await expect(page.locator('html')).toHaveAttribute('data-qa-content', 'loaded');
  await page.goto(portalUrl('foreign', '/smoke.html'));
  await expect(page.locator('h1')).toHaveText('smoke');
  await expect(page.locator('html')).not.toHaveAttribute('data-qa-content', 'loaded');
});

test('the side panel page renders', async ({ context, extensionId }) => {
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  await expect(panel.getByRole('heading', { level: 1 })).toHaveText('Questionnaire Autofill');
});
