// Another extension installed beside ours (tests/fixtures/portals/hostile/attacker-extension) with its own
// content script on the portal: it messages and connects to our extension, and reads the page including CLOSED
// shadow roots. It must neither drive a fill nor see library text beyond the values the analyst filled.
import { resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from '@playwright/test';
import { test, expect, chromiumArgs, EXTENSION_DIR } from './support/extension';
import { findChromium } from '../support/find-chromium';
import { CANARY, hostileLibrary } from '../fixtures/portals/hostile/library';
import { findLeaks, type Observation } from '../fixtures/portals/hostile/leaks';
import { importLibrary, revealCard } from '../fixtures/portals/hostile/panel';

const ATTACKER_DIR = resolve(import.meta.dirname, '../fixtures/portals/hostile/attacker-extension');

async function launchWithAttacker(): Promise<BrowserContext> {
  const both = `${EXTENSION_DIR},${ATTACKER_DIR}`;
  const args = chromiumArgs().map((a) =>
    a.startsWith('--disable-extensions-except=') ? `--disable-extensions-except=${both}` : a.startsWith('--load-extension=') ? `--load-extension=${both}` : a,
  );
  return chromium.launchPersistentContext('', {
    executablePath: findChromium(),
    headless: true,
    ignoreHTTPSErrors: true,
    args,
    viewport: { width: 1280, height: 900 },
  });
}

/** Both service workers, told apart by their manifest names. */
async function workers(context: BrowserContext): Promise<{ ours: Worker; attacker: Worker }> {
  const named = async () => Promise.all(context.serviceWorkers().map(async (w) => ({ w, name: await w.evaluate(() => chrome.runtime.getManifest().name) })));
  await expect.poll(async () => context.serviceWorkers().length, { timeout: 30_000 }).toBe(2);
  const all = await named();
  return { ours: all.find((x) => x.name === 'Questionnaire Autofill')!.w, attacker: all.find((x) => x.name !== 'Questionnaire Autofill')!.w };
}

async function historyCount(context: BrowserContext, extensionId: string): Promise<number> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  const count = await page.evaluate(
    () =>
      new Promise<number>((done, fail) => {
        const open = indexedDB.open('questionnaire-autofill');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('history').objectStore('history').count();
          req.onsuccess = () => {
            open.result.close();
            done(req.result);
          };
        };
      }),
  );
  await page.close();
  return count;
}

test('another extension can neither drive a fill nor read library text, even through closed shadow roots', async ({ portalUrl }) => {
  test.setTimeout(240_000);
  const context = await launchWithAttacker();
  try {
    const { ours, attacker } = await workers(context);
    const extensionId = new URL(ours.url()).host;
    const library = hostileLibrary();
    await importLibrary(context, extensionId, library);

    const page = await context.newPage();
    await page.goto(portalUrl('servicenow', '/portals/hostile/questionnaire.html'));
    const tabId = await ours.evaluate(async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)?.id ?? -1, page.url());
    const panel = await context.newPage();
    await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tab=${tabId}`);
    const encryption = await revealCard(panel, /encrypted at rest/);
    await encryption.getByRole('button', { name: 'Accept & fill' }).click();
    await expect(encryption.locator('.badge-filled')).toHaveText('Filled');
    // Outline every detected field, so the overlay (a closed shadow root) is in the page while the attacker reads.
    const fieldIds = await ours.evaluate(async (tab) => {
      const client = (globalThis as unknown as { qaTabClient: { scanTab(t: number): Promise<{ questions: Array<{ fieldId: string }> }>; highlightInTab(t: number, ids: string[], mode: string): Promise<void> } }).qaTabClient;
      const scan = await client.scanTab(tab);
      const ids = scan.questions.map((q) => q.fieldId);
      await client.highlightInTab(tab, ids, 'detected');
      return ids;
    }, tabId);
    const historyBefore = await historyCount(context, extensionId);

    // Drive us: direct messages and a port, in every shape our own protocol uses.
    const attempts = [
      { type: 'fill', requests: [{ fieldId: fieldIds[1], value: 'FORGED by another extension' }] },
      { type: 'scan' },
      { type: 'questions-changed', scan: { url: page.url(), title: 'x', portal: 'generic', questions: [], warnings: [] } },
    ];
    for (const message of attempts) {
      const sent = await attacker.evaluate(([id, m]) => (globalThis as unknown as { attack: { messageExtension(i: string, x: unknown): Promise<{ reply?: unknown; error?: string }> } }).attack.messageExtension(id, m), [extensionId, message] as const);
      expect(sent.reply, `the extension answered ${JSON.stringify(message).slice(0, 60)}`).toBeUndefined();
      const port = await attacker.evaluate(([id, m]) => (globalThis as unknown as { attack: { connectExtension(i: string, x: unknown): Promise<unknown> } }).attack.connectExtension(id, m), [extensionId, message] as const);
      expect(port).toMatchObject({ disconnected: true });
    }

    // Read the page as another extension can, closed shadow roots included.
    const observations = (await attacker.evaluate((tab) => (globalThis as unknown as { attack: { collect(t: number): Promise<Observation[]> } }).attack.collect(tab), tabId)) as Observation[];
    expect(observations.some((o) => /closed shadow/.test(o.scope ?? '')), 'the attacker did not reach our closed overlay root').toBe(true);
    expect(observations.some((o) => o.where === 'q-encryption' && o.text.includes(`${CANARY}-enc-at-rest`))).toBe(true);
    expect(findLeaks(observations, { 'q-encryption': 'enc-at-rest' })).toEqual([]);

    for (const id of ['q-incident', 'q-script', 'q-html', 'q-jsurl']) expect(await page.locator(`#${id}`).inputValue(), id).toBe('');
    expect(await historyCount(context, extensionId)).toBe(historyBefore);
  } finally {
    await context.close();
  }
});
