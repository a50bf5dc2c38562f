// The extension inside a hostile portal page (tests/fixtures/portals/hostile): the page records every message,
// mutation, attribute, event and readable string. After scan, highlights and fills it must have seen no library
// text except the values written into the fields that were filled; decoys and refused frames are neither
// detected nor filled; dangerous answers land as inert text.
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect } from './support/extension';
import { attachPanelDiagnostics } from './support/panel-diagnostics';
import { fillPage, highlightPage, scanPage, scrollToField } from './support/content';
import { hostileLibrary } from '../fixtures/portals/hostile/library';
import { findLeaks, readHostile } from '../fixtures/portals/hostile/leaks';
import { allCardHeadings, importLibrary, revealCard } from '../fixtures/portals/hostile/panel';
import type { FillRequest, PageScan } from '../../lib/schema';

const HOSTILE_PATH = '/portals/hostile/questionnaire.html';

/** DOM id of each real question's main control -> the library entry whose answer belongs there. */
const REAL_FIELDS: Record<string, { entry: string; text: RegExp }> = {
  'q-encryption': { entry: 'enc-at-rest', text: /encrypted at rest/ },
  'q-incident': { entry: 'incident-plan', text: /incident response plan/ },
  'q-shadow': { entry: 'access-review', text: /user access rights/ },
  'q-script': { entry: 'xss-script', text: /sanitise user-supplied HTML/ },
  'q-html': { entry: 'xss-html', text: /web application firewall/ },
  'q-jsurl': { entry: 'jsurl', text: /URL of your published security policy/ },
  'q-huge': { entry: 'huge', text: /business continuity programme/ },
  'q-rich': { entry: 'sdlc', text: /secure software development lifecycle/ },
};
const CHOICE_FIELDS = [/annual third-party penetration tests/, /multi-factor authentication/];
/** Faded and parked-off-screen decoys are not questions at all. */
const HIDDEN_DECOY_QUESTIONS = [/SOC 2 Type II/, /cyber liability insurance/];
/**
 * A field under an opaque overlay is visible markup, so it may be listed (hit testing needs it in the viewport,
 * and a sticky portal header would hide real questions at scan time); it is refused at fill time.
 */
const COVERED_DECOY_QUESTION = /TLS 1\.2 or higher/;
const REFUSED_FRAME_QUESTIONS = [
  /data retention and deletion policy/, // sandboxed (opaque origin)
  /vulnerability disclosure program/, // cross-origin, not a portal host
  /encrypt backups/, // srcdoc
  /segregate production networks/, // sandboxed srcdoc
  /scan dependencies/, // data: URL
  /background checks/, // about:blank written by the page
];
const SAME_ORIGIN_FRAME_QUESTION = /written information security policy/;

const library = hostileLibrary();
const answerOf = (id: string) => library.entries.find((e) => e.id === id)!.answer;

async function openHostilePage(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await expect(page.locator('#f-same')).toBeVisible();
  await page.frameLocator('#f-same').locator('#fsame').waitFor();
  return page;
}

function findQuestion(scan: PageScan, text: RegExp) {
  return scan.questions.find((q) => text.test(q.text));
}

test.describe('a hostile portal page', () => {
  test('detects the real questions (top, shadow root, same-origin frame) and no decoy or refused-frame question', async ({ context, sw, portalUrl }) => {
    const page = await openHostilePage(context, portalUrl('servicenow', HOSTILE_PATH));
    const scan = await scanPage(sw, page);
    const texts = scan.questions.map((q) => q.text);
    for (const { text } of Object.values(REAL_FIELDS)) expect(texts.some((t) => text.test(t)), `missing ${text}; found ${JSON.stringify(texts)}`).toBe(true);
    for (const text of CHOICE_FIELDS) expect(texts.some((t) => text.test(t)), `missing ${text}`).toBe(true);
    expect(texts.some((t) => SAME_ORIGIN_FRAME_QUESTION.test(t)), 'the same-origin frame (positive control) was not read').toBe(true);
    for (const text of [...HIDDEN_DECOY_QUESTIONS, ...REFUSED_FRAME_QUESTIONS]) expect(texts.filter((t) => text.test(t)), `detected ${text}`).toEqual([]);
  });

  test('after scan, highlights and fills the page has seen no library text beyond the filled values', async ({ context, sw, portalUrl }) => {
    const page = await openHostilePage(context, portalUrl('servicenow', HOSTILE_PATH));
    const scan = await scanPage(sw, page);
    const requests: FillRequest[] = [];
    for (const { entry, text } of Object.values(REAL_FIELDS)) {
      const q = findQuestion(scan, text);
      expect(q, `missing ${text}`).toBeDefined();
      requests.push({ fieldId: q!.fieldId, value: answerOf(entry), question: { key: q!.key, text: q!.text } });
    }
    for (const text of CHOICE_FIELDS) {
      const q = findQuestion(scan, text)!;
      requests.push({ fieldId: q.fieldId, value: 'Yes', question: { key: q.key, text: q.text } });
    }
    const activeMarkup = () => page.evaluate(() => document.querySelectorAll('script, img, iframe, object, embed, a[href^="javascript:"]').length);
    const markupBefore = await activeMarkup();
    await highlightPage(sw, page, scan.questions.map((q) => q.fieldId), 'detected');
    await scrollToField(sw, page, requests[0]!.fieldId);
    const results = await fillPage(sw, page, requests);
    await highlightPage(sw, page, requests.map((r) => r.fieldId), 'filled');
    expect(results.map((r) => r.status)).toEqual(requests.map(() => 'filled'));

    // Every text field holds exactly its answer, as text.
    for (const [domId, { entry }] of Object.entries(REAL_FIELDS)) {
      if (domId === 'q-rich' || domId === 'q-shadow') continue;
      expect(await page.locator(`#${domId}`).inputValue(), domId).toBe(answerOf(entry));
    }
    expect(await page.locator('#q-shadow-host').evaluate((host) => (host.shadowRoot!.querySelector('#q-shadow') as HTMLTextAreaElement).value)).toBe(answerOf('access-review'));
    expect(await page.locator('#q-pentest').inputValue()).toBe('Yes');
    expect(await page.locator('#q-mfa-yes').isChecked()).toBe(true);

    // Dangerous answers stay inert: no markup was parsed, no script ran, nothing navigated.
    const rich = page.locator('#q-rich');
    expect(await rich.evaluate((el) => el.textContent)).toBe(answerOf('sdlc'));
    expect(await rich.evaluate((el) => el.querySelectorAll('*').length === el.querySelectorAll('br, p, div').length)).toBe(true);
    expect(await activeMarkup(), 'an answer was parsed into elements').toBe(markupBefore);
    expect(await page.locator('#q-huge').evaluate((el) => (el as HTMLTextAreaElement).value.length)).toBe(answerOf('huge').length);
    await page.waitForTimeout(300);

    const hostile = await readHostile(page);
    expect(hostile.pwned, 'an answer ran as script in the page').toBeNull();
    expect(hostile.submitted, 'the questionnaire was submitted').toBe(0);
    expect(hostile.databases, 'IndexedDB was opened in the portal origin').toEqual([]);
    const filled = Object.fromEntries(Object.entries(REAL_FIELDS).map(([domId, { entry }]) => [domId, entry]));
    expect(findLeaks(hostile.observations, filled)).toEqual([]);
    // The one string every log must contain proves the spy saw the fills at all (a test that can fail).
    expect(hostile.observations.some((o) => o.where === 'q-encryption' && o.text.includes('LEAKCANARY-enc-at-rest'))).toBe(true);
    // Nothing the extension did posted a message the page could read (the page's own forgeries aside).
    const messages = hostile.observations.filter((o) => o.kind === 'message').map((o) => o.text);
    expect(messages.filter((m) => !/FORGED|"type":"(scan|highlight|fill-result|questions-changed)"|^undefined$/.test(m))).toEqual([]);
  });

  test('a field hidden, faded or covered between scan and fill is refused, not filled', async ({ context, sw, portalUrl }) => {
    const page = await openHostilePage(context, portalUrl('servicenow', HOSTILE_PATH));
    const scan = await scanPage(sw, page);
    const encryption = findQuestion(scan, REAL_FIELDS['q-encryption']!.text)!;
    const incident = findQuestion(scan, REAL_FIELDS['q-incident']!.text)!;
    const html = findQuestion(scan, REAL_FIELDS['q-html']!.text)!;
    await page.evaluate(() => {
      (document.getElementById('q-encryption')!.parentElement as HTMLElement).style.opacity = '0.02';
      const incident = document.getElementById('q-incident')!.parentElement as HTMLElement;
      incident.style.position = 'absolute';
      incident.style.left = '-10000px';
      const cover = document.createElement('div');
      const box = document.getElementById('q-html')!.getBoundingClientRect();
      Object.assign(cover.style, { position: 'absolute', left: `${box.left + scrollX - 5}px`, top: `${box.top + scrollY - 5}px`, width: `${box.width + 10}px`, height: `${box.height + 10}px`, background: 'white', zIndex: '100' });
      cover.textContent = 'Click to continue';
      document.body.append(cover);
    });
    const results = await fillPage(sw, page, [encryption, incident, html].map((q) => ({ fieldId: q.fieldId, value: 'should never land', expectedText: q.text })));
    for (const r of results) expect(r.status, JSON.stringify(r)).not.toBe('filled');
    for (const id of ['q-encryption', 'q-incident', 'q-html']) expect(await page.locator(`#${id}`).inputValue(), id).toBe('');
  });

  test('refused frames and decoys stay empty; forged page and frame messages fill nothing', async ({ context, sw, portalUrl }) => {
    const page = await openHostilePage(context, portalUrl('servicenow', HOSTILE_PATH));
    const scan = await scanPage(sw, page);
    // Fill everything the scan offered, as a careless "fill all" would.
    const results = await fillPage(sw, page, scan.questions.map((q) => ({ fieldId: q.fieldId, value: q.options.length ? q.options[0]! : 'FILLED-BY-EXTENSION' })));
    const covered = scan.questions.findIndex((q) => COVERED_DECOY_QUESTION.test(q.text));
    if (covered >= 0) expect(results[covered], 'the covered decoy was filled').toMatchObject({ status: 'refused', message: expect.stringMatching(/covered/) });
    await page.evaluate(() => (window as unknown as { __hostile: { forgeAll(): void } }).__hostile.forgeAll());
    await page.waitForTimeout(300);

    for (const id of ['d-faint', 'd-offscreen', 'd-covered']) expect(await page.locator(`#${id}`).inputValue(), id).toBe('');
    const frameFields: Array<[string, string]> = [
      ['#f-sandboxed', '#fsb'],
      ['#f-foreign', '#ff'],
      ['#f-srcdoc', '#fs'],
      ['#f-opaque-srcdoc', '#fo'],
      ['#f-data', '#fd'],
      ['#f-blank', '#fb'],
    ];
    for (const [frame, field] of frameFields) expect(await page.frameLocator(frame).locator(field).inputValue(), `${frame} ${field}`).toBe('');
    expect(await page.frameLocator('#f-same').locator('#fsame').inputValue(), 'the same-origin frame (positive control) was not filled').toBe('FILLED-BY-EXTENSION');
    // No field anywhere holds a forged value.
    const values = (await readHostile(page)).observations.filter((o) => o.kind === 'value').map((o) => o.text);
    expect(values.filter((v) => v.includes('FORGED'))).toEqual([]);
    // A web page has no channel to the extension at all (no externally_connectable).
    expect(await page.evaluate(() => typeof (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage)).toBe('undefined');
  });
});

test.describe('the side panel on a hostile page', () => {
  test.afterEach(async ({ context }, testInfo) => attachPanelDiagnostics(context, testInfo));

  /** Open the hostile page with the hostile library and the panel on it; records the panel's requests. */
  async function openPanelOnHostilePage(
    { context, extensionId, portalUrl, openPanel }: { context: BrowserContext; extensionId: string; portalUrl: (h: 'servicenow', p: string) => string; openPanel: (p: Page) => Promise<Page> },
  ) {
    await importLibrary(context, extensionId, library);
    const page = await openHostilePage(context, portalUrl('servicenow', HOSTILE_PATH));
    const panel = await openPanel(page);
    const requests: string[] = [];
    panel.on('request', (r) => requests.push(r.url()));
    await expect(panel.getByTestId('page-summary')).toHaveText(/^\d+ detected · \d+ proposed/, { timeout: 30_000 });
    // Matching done: cards change height as their proposals land, and the virtualised list may then no longer
    // render a card found while it still said "Matching…".
    await expect(panel.getByTestId('matching-progress')).toHaveCount(0, { timeout: 30_000 });
    return { page, panel, requests };
  }

  /** Accept each question's proposal from its card, one click each, and wait for the card to say Filled. */
  async function acceptEach(panel: Page, questions: RegExp[]): Promise<void> {
    for (const text of questions) {
      // A fill changes the heights of cards (a filled card shows its answer; a re-scan follows), so the card found
      // may leave the list's rendered window before the click: find it again and retry until the click lands.
      await expect(async () => {
        const card = await revealCard(panel, text);
        await card.getByRole('button', { name: 'Accept & fill' }).click({ timeout: 5_000 });
      }).toPass({ timeout: 45_000 });
      await expect((await revealCard(panel, text)).locator('.badge-filled'), String(text)).toHaveText('Filled', { timeout: 30_000 });
    }
  }

  /** What the page recorded holds no library text beyond the answers of `filledFields`; nothing ran or was submitted. */
  async function expectNoLeaks(page: Page, panel: Page, filledFields: string[]): Promise<Awaited<ReturnType<typeof readHostile>>> {
    const hostile = await readHostile(page);
    expect(hostile.pwned, 'an answer ran as script in the page').toBeNull();
    expect(hostile.submitted).toBe(0);
    expect(hostile.databases).toEqual([]);
    expect(findLeaks(hostile.observations, Object.fromEntries(filledFields.map((domId) => [domId, REAL_FIELDS[domId]!.entry])))).toEqual([]);
    expect(await panel.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned ?? null)).toBeNull();
    return hostile;
  }

  test('the panel lists the real questions only and renders dangerous answers as text, requesting nothing outside the extension', async ({ context, extensionId, portalUrl, openPanel }) => {
    const { panel, requests } = await openPanelOnHostilePage({ context, extensionId, portalUrl, openPanel });
    const cards = panel.locator('article.card');

    // Decoys hidden from the analyst and refused frames have no card; the same-origin frame has one.
    const headings = await allCardHeadings(panel);
    expect(headings.length, JSON.stringify(headings)).toBeGreaterThanOrEqual(Object.keys(REAL_FIELDS).length + CHOICE_FIELDS.length + 1);
    for (const text of [...HIDDEN_DECOY_QUESTIONS, ...REFUSED_FRAME_QUESTIONS]) expect(headings.filter((h) => text.test(h)), String(text)).toEqual([]);
    expect(headings.filter((h) => SAME_ORIGIN_FRAME_QUESTION.test(h))).toHaveLength(1);

    // Dangerous answers are shown as text: the markup is visible characters, not elements, and nothing ran.
    await expect(await revealCard(panel, REAL_FIELDS['q-script']!.text)).toContainText("<script>window.__pwned = 'script'</script>");
    await expect(await revealCard(panel, REAL_FIELDS['q-html']!.text)).toContainText('<img src="x" onerror=');
    expect(await cards.locator('script, img[src="x"], iframe, object, embed, a[href^="javascript:"]').count()).toBe(0);
    // A citation URL from the library is a link only when it is http(s).
    const jsurlCard = await revealCard(panel, REAL_FIELDS['q-jsurl']!.text);
    await expect(jsurlCard).toContainText('policy link');
    expect(await jsurlCard.locator('a[href^="javascript:"], a[href*="__pwned"]').count()).toBe(0);

    expect(await panel.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned ?? null)).toBeNull();
    expect(requests.filter((url) => !url.startsWith(`chrome-extension://${extensionId}/`))).toEqual([]);
  });

  test('text fields filled from the panel (top page, shadow root, script and HTML answers) leak no other library text', async ({ context, extensionId, portalUrl, openPanel }) => {
    const { page, panel, requests } = await openPanelOnHostilePage({ context, extensionId, portalUrl, openPanel });
    const fields = ['q-encryption', 'q-incident', 'q-shadow', 'q-script', 'q-html'];
    await acceptEach(panel, fields.map((domId) => REAL_FIELDS[domId]!.text));

    for (const domId of fields) {
      if (domId === 'q-shadow') continue;
      expect(await page.locator(`#${domId}`).inputValue(), domId).toBe(answerOf(REAL_FIELDS[domId]!.entry));
    }
    for (const id of ['d-faint', 'd-offscreen', 'd-covered']) expect(await page.locator(`#${id}`).inputValue(), id).toBe('');
    const hostile = await expectNoLeaks(page, panel, fields);
    // The recorder works: the filled value itself was seen by the page.
    expect(hostile.observations.some((o) => o.where === 'q-html' && o.text.includes('LEAKCANARY-xss-html'))).toBe(true);
    expect(requests.filter((url) => !url.startsWith(`chrome-extension://${extensionId}/`))).toEqual([]);
  });

  test('rich text, a 100,000-character answer, a link answer and choices filled from the panel leak no other library text', async ({ context, extensionId, portalUrl, openPanel }) => {
    test.setTimeout(240_000);
    const { page, panel } = await openPanelOnHostilePage({ context, extensionId, portalUrl, openPanel });
    const fields = ['q-jsurl', 'q-huge', 'q-rich'];
    await acceptEach(panel, [...fields.map((domId) => REAL_FIELDS[domId]!.text), ...CHOICE_FIELDS]);

    expect(await page.locator('#q-jsurl').inputValue()).toBe(answerOf('jsurl'));
    expect(await page.locator('#q-huge').inputValue()).toBe(answerOf('huge'));
    expect(await page.locator('#q-rich').evaluate((el) => el.textContent)).toBe(answerOf('sdlc'));
    expect(await page.locator('#q-pentest').inputValue()).toBe('Yes');
    await expectNoLeaks(page, panel, fields);
  });
});
