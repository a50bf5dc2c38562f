// Steering the panel to another tab: a page that opens and activates a tab of its own must not receive the
// analyst's next key presses, a tab the extension cannot read is named as such (never the previous portal), and a
// bulk fill already running stays with the tab it started on, says so, and goes no further.
import type { Page } from '@playwright/test';
import { test, expect } from './support/extension';
import { importLibrary } from '../fixtures/portals/hostile/panel';
import { ROUND2_ANSWERS, round2Library } from '../fixtures/portals/hostile/round2-library';
import { fillAnswersLabel } from '../../lib/panel/bulk-labels';

const TABS_PATH = '/portals/hostile/tabs.html';
const QUESTIONS = Array.from({ length: 12 }, (_, i) => `#q-${i + 1}`);

async function values(page: Page): Promise<string[]> {
  return Promise.all(QUESTIONS.map((q) => page.locator(q).inputValue()));
}

test('a tab the page opens and activates does not receive the analyst’s key presses', async ({ context, extensionId, portalUrl, openPanel }) => {
  test.setTimeout(180_000);
  await importLibrary(context, extensionId, round2Library());
  const page = await context.newPage();
  await page.goto(portalUrl('servicenow', TABS_PATH));
  const panel = await openPanel(page);
  await expect(panel.getByTestId('page-summary')).toHaveText(/^12 detected · 12 proposed/, { timeout: 30_000 });
  await expect(panel.getByTestId('target-tab')).toContainText(/Tab steering - Hostile Buyer Ltd — acme\.service-now\.com:\d+/);
  // The analyst works down the list with the keyboard: select, accept (which moves to the next question).
  await panel.keyboard.press('j');
  await panel.keyboard.press('a');
  await expect(page.locator('#q-1')).toHaveValue(ROUND2_ANSWERS.encryption, { timeout: 30_000 });

  // Every state the panel shows from here on, the tab it names beside its counts (recorded at each DOM change, before
  // paint): the opened tab must never be shown with this tab's counts, even for one frame.
  await panel.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __shown: string[] }).__shown = seen;
    const text = (id: string) => document.querySelector(`[data-testid="${id}"]`)?.textContent ?? '';
    new MutationObserver(() => seen.push(`${text('target-tab')} | ${text('page-summary')}`)).observe(document.body, { subtree: true, childList: true, characterData: true });
  });

  // The page opens a tab of its own, which becomes active, just as the analyst keeps pressing `a`.
  const opened = context.waitForEvent('page');
  await page.evaluate(() => (window as unknown as { __openVictim: () => void }).__openVictim());
  const victim = await opened;
  for (let i = 0; i < 12; i++) {
    await panel.keyboard.press('a');
    await panel.waitForTimeout(100);
  }
  await expect(panel.getByTestId('target-tab')).toContainText(/Opened by the page - Victim Portal — acme\.service-now\.com:\d+/, { timeout: 30_000 });
  await expect(panel.getByTestId('page-summary')).toHaveText(/^12 detected · 12 proposed · 0 filled/, { timeout: 30_000 });
  for (let i = 0; i < 12; i++) {
    await panel.keyboard.press('a');
    await panel.waitForTimeout(100);
  }
  expect(await values(victim)).toEqual(QUESTIONS.map(() => ''));
  expect((await values(page)).slice(1)).toEqual(QUESTIONS.slice(1).map(() => ''));
  const shown = await panel.evaluate(() => (window as unknown as { __shown: string[] }).__shown);
  const onVictim = shown.filter((s) => s.includes('Opened by the page'));
  expect(onVictim.length).toBeGreaterThan(0);
  expect(onVictim.filter((s) => /1 filled/.test(s)), 'the opened tab named with the first tab’s counts').toEqual([]);

  // Once the analyst has seen the tab the panel names and picks a question there, keys work on that tab.
  await expect
    .poll(async () => {
      await panel.keyboard.press('j');
      return panel.locator('article.card.selected').count();
    }, { timeout: 30_000 })
    .toBe(1);
  await panel.keyboard.press('a');
  await expect(victim.locator('#q-1')).toHaveValue(ROUND2_ANSWERS.encryption, { timeout: 30_000 });
});

test('a tab the extension cannot read is named as such, and the previous portal is not filled', async ({ context, extensionId, portalUrl, openPanel }) => {
  test.setTimeout(180_000);
  await importLibrary(context, extensionId, round2Library());
  const page = await context.newPage();
  await page.goto(portalUrl('servicenow', TABS_PATH));
  const panel = await openPanel(page);
  await expect(panel.getByTestId('page-summary')).toHaveText(/^12 detected · 12 proposed/, { timeout: 30_000 });

  // A site with no host access and no toolbar click: the browser hides even its URL from the extension.
  const foreign = await context.newPage();
  await foreign.goto(portalUrl('foreign', TABS_PATH));
  await expect(panel.getByTestId('target-tab')).toContainText('may not read', { timeout: 30_000 });
  await expect(panel.getByText('click the toolbar button to allow this site')).toBeVisible();
  await expect(panel.getByText(/may still be loading/)).toHaveCount(0);
  await expect(panel.getByText(/Tab steering/)).toHaveCount(0);
  await expect(panel.getByRole('button', { name: 'Fill all high-confidence…' })).toHaveCount(0);
  await panel.keyboard.press('j');
  await panel.keyboard.press('a');
  expect(await values(page)).toEqual(QUESTIONS.map(() => ''));

  // Back on the questionnaire, the panel names it again and works there.
  await page.bringToFront();
  await expect(panel.getByTestId('target-tab')).toContainText(/Tab steering - Hostile Buyer Ltd — acme\.service-now\.com:\d+/, { timeout: 30_000 });
  await expect(panel.getByTestId('page-summary')).toHaveText(/^12 detected · 12 proposed/, { timeout: 30_000 });
});

test('a bulk fill running when another tab becomes active stays with its tab, says so, and goes no further', async ({ context, extensionId, portalUrl, openPanel }) => {
  test.setTimeout(180_000);
  await importLibrary(context, extensionId, round2Library());
  const page = await context.newPage();
  await page.goto(portalUrl('servicenow', `${TABS_PATH}?openOnFill`));
  const panel = await openPanel(page);
  await expect(panel.getByTestId('page-summary')).toHaveText(/^12 detected · 12 proposed/, { timeout: 30_000 });
  await panel.getByRole('button', { name: 'Fill all high-confidence…' }).click();
  const opened = context.waitForEvent('page');
  await panel.getByRole('button', { name: fillAnswersLabel(12) }).click();
  const victim = await opened;

  await expect(panel.getByRole('status').filter({ hasText: 'stayed with' })).toContainText(/“Tab steering - Hostile Buyer Ltd — acme\.service-now\.com:\d+”.*filled 10 of 12 answers there/, { timeout: 60_000 });
  expect(await values(page)).toEqual([...Array.from({ length: 10 }, (_, i) => [ROUND2_ANSWERS.encryption, ROUND2_ANSWERS.incident, ROUND2_ANSWERS.pentest][i % 3]), '', '']);
  // Then the panel moves to the tab that became active; nothing was written there.
  await expect(panel.getByTestId('target-tab')).toContainText('Opened by the page - Victim Portal', { timeout: 30_000 });
  expect(await values(victim)).toEqual(QUESTIONS.map(() => ''));
});
