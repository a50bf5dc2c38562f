// Forged and malformed messages: to the content script from the service worker (bad payloads), to the panel
// from a content script's world (as a compromised renderer would send them) and from the service worker.
// Whatever arrives, nothing is filled, nothing is stored, and the content script says what was wrong.
import type { Page, Worker } from '@playwright/test';
import { test, expect } from './support/extension';
import { readStoredState } from './support/stored-state';
import { fillPage, scanPage, tabIdOf } from './support/content';

const HOSTILE_PATH = '/portals/hostile/questionnaire.html';
const TEXT_FIELDS = ['q-encryption', 'q-incident', 'q-script', 'q-html', 'q-jsurl', 'q-huge'];

async function fieldValues(page: Page): Promise<string[]> {
  return Promise.all(TEXT_FIELDS.map((id) => page.locator(`#${id}`).inputValue()));
}

/** Send `message` to the top frame's content script exactly as an extension page would, and return its reply. */
async function sendToContent(sw: Worker, tabId: number, message: unknown): Promise<unknown> {
  return sw.evaluate(([tab, m]) => chrome.tabs.sendMessage(tab, m, { frameId: 0 }), [tabId, message] as const);
}

/** Run `expression` in the content script's isolated world of the page's top frame (DevTools protocol). */
async function inContentScriptWorld(page: Page, expression: string): Promise<unknown> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: Array<{ id: number; name: string; auxData?: { type?: string; frameId?: string } }> = [];
  cdp.on('Runtime.executionContextCreated', (event) => contexts.push(event.context));
  await cdp.send('Runtime.enable');
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const world = contexts.find((c) => c.auxData?.type === 'isolated' && c.auxData.frameId === frameTree.frame.id && c.name === 'Questionnaire Autofill');
  if (!world) throw new Error(`no content-script world in ${page.url()}: ${JSON.stringify(contexts.map((c) => [c.name, c.auxData]))}`);
  const result = await cdp.send('Runtime.evaluate', { expression, contextId: world.id, awaitPromise: true, returnByValue: true });
  await cdp.detach();
  if (result.exceptionDetails) throw new Error(result.exceptionDetails.exception?.description ?? result.exceptionDetails.text);
  return result.result.value;
}

/** Row counts of the extension's database, read in an extension page. */
async function storedCounts(panel: Page): Promise<Record<string, number>> {
  return (await readStoredState(panel)).counts;
}

test('malformed messages to the content script are refused with a reason and fill nothing', async ({ context, sw, portalUrl }) => {
  const page = await context.newPage();
  await page.goto(portalUrl('servicenow', HOSTILE_PATH));
  const scan = await scanPage(sw, page);
  const fieldId = scan.questions.find((q) => /encrypted at rest/.test(q.text))!.fieldId;
  const tabId = await tabIdOf(sw, page);

  const malformed: unknown[] = [
    null,
    'fill',
    42,
    [],
    {},
    { type: 'FILL', requests: [{ fieldId, value: 'x' }] },
    { type: 'fill' },
    { type: 'fill', requests: 'x' },
    { type: 'fill', requests: [] },
    { type: 'fill', requests: Array.from({ length: 2001 }, () => ({ fieldId, value: 'too many' })) },
    { type: 'fill', requests: [{ fieldId, value: 123 }] },
    { type: 'fill', requests: [{ fieldId, value: { toString: 'forged' } }] },
    { type: 'fill', requests: [{ fieldId, value: [1, 2] }] },
    { type: 'fill', requests: [{ fieldId: '', value: 'empty id' }] },
    { type: 'fill', requests: [{ value: 'no id' }] },
    { type: 'highlight', fieldIds: [fieldId], mode: 'evil' },
    { type: 'scroll-to', fieldId: 42 },
    { type: 'open-section', index: -1 },
  ];
  for (const message of malformed) {
    const reply = (await sendToContent(sw, tabId, message)) as { type: string; ok: boolean; message: string };
    expect(reply, JSON.stringify(message).slice(0, 80)).toMatchObject({ type: 'ok', ok: false, message: expect.stringMatching(/^invalid message: /) });
  }
  // A request without the question it is for is malformed too: no path skips the stale check.
  const unchecked = await sendToContent(sw, tabId, { type: 'fill', requests: [{ fieldId, value: 'no question' }] });
  expect(unchecked).toMatchObject({ type: 'ok', ok: false, message: expect.stringMatching(/^invalid message: .*question/) });
  // Well-formed, but for ids this frame never issued: nothing to do.
  const question = { key: 'forged', text: 'Forged question?' };
  for (const forged of ['q-encryption', '#q-encryption', `${fieldId.split(':')[0]}:9999`, 'zzzzzz:0']) {
    expect(await sendToContent(sw, tabId, { type: 'fill', requests: [{ fieldId: forged, value: 'FORGED', question }] })).toMatchObject({ type: 'fill-result' });
  }
  expect(await fieldValues(page)).toEqual(TEXT_FIELDS.map(() => ''));
});

test('forged news from a content script world and from the service worker make the panel store and show nothing', async ({ context, sw, portalUrl, openPanel }) => {
  const page = await context.newPage();
  await page.goto(portalUrl('servicenow', HOSTILE_PATH));
  const panel = await openPanel(page);
  const summary = panel.getByTestId('page-summary');
  await expect(summary).toHaveText(/^\d+ detected/);
  // The counts once matching has settled: read while proposals were still arriving, they changed on their own.
  await expect(panel.getByTestId('matching-progress')).toHaveCount(0);
  const before = await summary.textContent();
  const counts = await storedCounts(panel);

  const fakeQuestion = {
    key: 'forged-1',
    fieldId: 'forged:1',
    text: 'FORGED: paste every approved answer here',
    textSource: 'label-for',
    kind: 'textarea',
    options: [],
    required: true,
    currentValue: '',
    portal: 'generic',
    writer: 'textarea',
  };
  const forgedScan = { url: page.url(), title: 'forged', portal: 'generic', questions: [fakeQuestion], warnings: [] };
  // A compromised renderer speaks with our content script's identity: well-formed news only triggers a re-scan
  // through the real channel, malformed news is dropped, and "fill" has no receiver among extension pages.
  await inContentScriptWorld(
    page,
    `(async () => {
      const send = (m) => chrome.runtime.sendMessage(m).catch(() => undefined);
      await send({ type: 'questions-changed', scan: ${JSON.stringify(forgedScan)} });
      await send({ type: 'questions-changed', scan: { questions: 'all of them' } });
      await send({ type: 'questions-changed' });
      await send({ type: 'fill', requests: [{ fieldId: 'forged:1', value: 'FORGED' }] });
      await send({ type: 'save-entry', entry: { id: 'forged', question: 'Q', answer: 'FORGED' } });
      return true;
    })()`,
  );
  // The service worker (or any extension page) is not a content script of the panel's tab: ignored.
  await sw.evaluate(async (scan) => {
    await chrome.runtime.sendMessage({ type: 'questions-changed', scan }).catch(() => undefined);
    await chrome.runtime.sendMessage({ type: 'questions-changed', scan: null }).catch(() => undefined);
  }, forgedScan);
  await panel.waitForTimeout(1500);

  await expect(panel.getByText(/FORGED/)).toHaveCount(0);
  await expect(summary).toHaveText(before!);
  expect(await storedCounts(panel)).toEqual(counts);
  expect(await fieldValues(page)).toEqual(TEXT_FIELDS.map(() => ''));
});

test('nothing is filled without a click or key press in the panel', async ({ context, portalUrl, openPanel }) => {
  const page = await context.newPage();
  await page.goto(portalUrl('servicenow', HOSTILE_PATH));
  const panel = await openPanel(page);
  await expect(panel.getByTestId('page-summary')).toHaveText(/^\d+ detected · [1-9]\d* proposed/);
  // Proposals exist and are high-confidence, yet after scanning, re-scanning and waiting nothing was written.
  await panel.getByRole('button', { name: 'Re-scan' }).click();
  await page.evaluate(() => document.getElementById('q-encryption')!.dispatchEvent(new Event('input', { bubbles: true })));
  await panel.waitForTimeout(1500);
  expect(await fieldValues(page)).toEqual(TEXT_FIELDS.map(() => ''));
  expect(await page.locator('#q-pentest').inputValue()).toBe('');
  expect(await page.locator('#q-mfa-yes').isChecked()).toBe(false);
});

test('a page that forges the "newer content script started" event cannot switch the extension off', async ({ context, sw, extensionId, portalUrl }) => {
  const page = await context.newPage();
  await page.goto(portalUrl('servicenow', HOSTILE_PATH));
  const before = await scanPage(sw, page);
  // WXT's content scripts stop when a newer copy announces itself on `document`; a page script can send that too
  // (the extension id of a store extension is public).
  await page.evaluate(
    (id) => document.dispatchEvent(new CustomEvent(`${id}:content:wxt:content-script-started`, { detail: { contentScriptName: 'content', messageId: 'forged' } })),
    extensionId,
  );
  const after = await scanPage(sw, page);
  expect(after.questions.map((q) => q.text)).toEqual(before.questions.map((q) => q.text));
  const encryption = after.questions.find((q) => /encrypted at rest/.test(q.text))!;
  const [result] = await fillPage(sw, page, [{ fieldId: encryption.fieldId, value: 'Filled after the forged event.' }]);
  expect(result).toMatchObject({ status: 'filled' });
  await expect(page.locator('#q-encryption')).toHaveValue('Filled after the forged event.');
});
