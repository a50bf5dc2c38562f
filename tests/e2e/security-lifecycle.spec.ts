// Nothing is lost to the browser's lifecycle: the service worker stopped mid-session (DevTools protocol), the
// extension reloaded (as an update does), two panels editing the library at once.
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect } from './support/extension';
import { launchReloadable } from './support/reloadable';
import { readStoredState as storedState } from './support/stored-state';

const HOSTILE_PATH = '/portals/hostile/questionnaire.html';

function card(panel: Page, text: RegExp) {
  return panel.locator('article.card').filter({ has: panel.getByRole('heading', { name: text }) });
}

/** Open the hostile questionnaire and the panel on it, accept the encryption question, wait until it is filled. */
async function fillOneQuestion(context: BrowserContext, url: string, openPanel: (p: Page) => Promise<Page>): Promise<{ page: Page; panel: Page }> {
  const page = await context.newPage();
  await page.goto(url);
  const panel = await openPanel(page);
  const encryption = card(panel, /encrypted at rest/);
  await encryption.getByRole('button', { name: 'Accept & fill' }).click();
  await expect(encryption.locator('.badge-filled')).toHaveText('Filled');
  await expect(page.locator('#q-encryption')).not.toHaveValue('');
  return { page, panel };
}

/** Stop the extension's service worker through the DevTools protocol and wait until Chrome reports it stopped. */
async function stopServiceWorker(context: BrowserContext, from: Page): Promise<void> {
  const cdp = await context.newCDPSession(from);
  const stopped = new Promise<void>((ok) => {
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      if (versions.some((v) => v.scriptURL.endsWith('/background.js') && v.runningStatus === 'stopped')) ok();
    });
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
  await cdp.send('ServiceWorker.disable');
  await cdp.detach();
}

test('the service worker stopped in the middle of a session: the next panel action works and nothing is lost', async ({ context, portalUrl, openPanel }) => {
  const { page, panel } = await fillOneQuestion(context, portalUrl('servicenow', HOSTILE_PATH), openPanel);
  const before = await storedState(panel);

  await stopServiceWorker(context, panel);

  // The next actions in the panel: fill another question, re-scan; the fill is recorded, the library intact.
  const incident = card(panel, /incident response plan/);
  await incident.getByRole('button', { name: 'Accept & fill' }).click();
  await expect(incident.locator('.badge-filled')).toHaveText('Filled');
  await expect(page.locator('#q-incident')).not.toHaveValue('');
  await panel.getByRole('button', { name: 'Re-scan' }).click();
  await expect(panel.getByTestId('page-summary')).toHaveText(/· 2 filled ·/);
  const after = await storedState(panel);
  expect(after.counts.history).toBe(before.counts.history! + 1);
  expect(after.answers).toEqual(before.answers);
  // What the worker set up survives it: the toolbar button still opens the panel.
  expect(await panel.evaluate(() => chrome.sidePanel.getPanelBehavior())).toMatchObject({ openPanelOnActionClick: true });
});

test('an extension reload (as an update does) keeps the library and the fill history', async ({ portalUrl }) => {
  test.setTimeout(240_000);
  const { context, load } = await launchReloadable();
  try {
    const extensionId = await load();
    const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const openPanelOn = async (target: Page) => {
      const tabId = await sw.evaluate(async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)?.id ?? -1, target.url());
      const panel = await context.newPage();
      await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tab=${tabId}`);
      return panel;
    };
    const { panel } = await fillOneQuestion(context, portalUrl('servicenow', HOSTILE_PATH), openPanelOn);
    const before = await storedState(panel);
    expect(before.counts.entries).toBeGreaterThan(0);
    expect(before.counts.history).toBeGreaterThan(0);

    const closed = new Promise<void>((ok) => panel.once('close', () => ok()));
    expect(await load()).toBe(extensionId);
    await closed; // the old extension's pages go away with it

    const reopened = await context.newPage();
    await reopened.goto(`chrome-extension://${extensionId}/sidepanel.html`);
    await expect(reopened.getByRole('heading', { level: 1 })).toHaveText('Questionnaire Autofill');
    expect(await storedState(reopened)).toEqual(before);
    await reopened.getByRole('tab', { name: 'History' }).click();
    await expect(reopened.locator('.history-item').filter({ hasText: 'Is customer data encrypted at rest?' })).toHaveCount(1);

    // The portal tab that was open across the reload (Chrome does not re-run manifest content scripts in open tabs)
    // still works from a panel opened on it, without reloading the portal page and losing unsaved answers.
    const portalTab = context.pages().find((p) => p.url().includes(HOSTILE_PATH))!;
    const tabId = await reopened.evaluate(async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)?.id ?? -1, portalTab.url());
    const panelAgain = await context.newPage();
    await panelAgain.goto(`chrome-extension://${extensionId}/sidepanel.html?tab=${tabId}`);
    await expect(panelAgain.getByTestId('page-summary')).toHaveText(/^\d+ detected · /);
    const incident = card(panelAgain, /incident response plan/);
    await incident.getByRole('button', { name: 'Accept & fill' }).click();
    await expect(incident.locator('.badge-filled')).toHaveText('Filled');
    await expect(portalTab.locator('#q-incident')).not.toHaveValue('');
  } finally {
    await context.close();
  }
});

async function openEntryEditor(page: Page, extensionId: string, search: string, question: RegExp): Promise<void> {
  await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  await page.getByRole('tab', { name: 'Library' }).click();
  await expect(page.locator('.library-counts')).toContainText('entries shown');
  await page.getByLabel('Search the library').fill(search);
  await page.getByRole('button', { name: question }).first().click();
  await page.locator('.library-detail').getByRole('button', { name: 'Edit' }).click();
}

test('two panels editing the library at once: no lost update, a clear conflict for the later save', async ({ context, extensionId }) => {
  const first = await context.newPage();
  const second = await context.newPage();
  const question = /Is customer data encrypted at rest\?/;
  await openEntryEditor(first, extensionId, 'encrypted at rest', question);
  await openEntryEditor(second, extensionId, 'encrypted at rest', question);
  await first.getByLabel('Answer', { exact: true }).fill('Edited in the first window: AES-256 with customer-managed keys.');
  await first.getByRole('button', { name: 'Save changes' }).click();
  await expect(first.getByText(/^Saved "/)).toBeVisible();

  await second.getByLabel('Answer', { exact: true }).fill('Edited in the second window, from the old version.');
  await second.getByRole('button', { name: 'Save changes' }).click();
  await expect(second.getByText(/was changed elsewhere .* your edit was not saved/)).toBeVisible();

  const answers = (await storedState(second)).answers;
  expect(Object.values(answers)).toContain('Edited in the first window: AES-256 with customer-managed keys.');
  expect(Object.values(answers)).not.toContain('Edited in the second window, from the old version.');

  // Reopened on the current version, the second window's edit goes through (and keeps the first one's history).
  await openEntryEditor(second, extensionId, 'encrypted at rest', question);
  await expect(second.getByLabel('Answer', { exact: true })).toHaveValue('Edited in the first window: AES-256 with customer-managed keys.');
  await second.getByLabel('Answer', { exact: true }).fill('Edited in the second window, on top of the first.');
  await second.getByRole('button', { name: 'Save changes' }).click();
  await expect(second.getByText(/^Saved "/)).toBeVisible();
  expect(Object.values((await storedState(first)).answers)).toContain('Edited in the second window, on top of the first.');
});
