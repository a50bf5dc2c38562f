// Questionnaires built with real widget libraries (Tom Select, Choices.js, jQuery UI, Shoelace, react-select, MUI, Chosen,
// bootstrap-select, Headless UI), scanned and filled through the built extension. Every assertion about an answer reads the library's own model
// (window.__truth()), never the DOM the writer touched.
import type { Page } from '@playwright/test';
import { test, expect } from './support/extension';
import { fillPage, scanPage, watchQuestionsChanged, type LooseFillRequest } from './support/content';
import { widgetPages, type WidgetPage } from './support/widget-pages';
import { buildWidgetFixtures } from '../fixtures/portals/widgets/build-widget-fixtures';
import type { PageScan } from '../../lib/schema';

test.beforeAll(async () => {
  await buildWidgetFixtures();
});

async function openWidgetPage(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => typeof (window as unknown as { __truth?: unknown }).__truth === 'function');
  await page.evaluate(() => (window as unknown as { __ready?: Promise<unknown> }).__ready);
  // Every Enter key press anywhere on the page (shadow roots included) is counted: a fill must never press one.
  await page.evaluate(() => {
    const w = window as unknown as { __enterPresses: number };
    w.__enterPresses = 0;
    window.addEventListener('keydown', (e) => { if (e.key === 'Enter') w.__enterPresses++; }, true);
  });
}

const truth = (page: Page) => page.evaluate(() => (window as unknown as { __truth: () => Record<string, unknown> }).__truth());
const pageCount = (page: Page, expression: string) => page.evaluate((e) => (0, eval)(e) as number, expression);

function exactly(scan: PageScan, text: string): PageScan['questions'][number] {
  const found = scan.questions.filter((q) => q.text === text);
  expect(found, `"${text}" once among ${scan.questions.map((q) => JSON.stringify(q.text)).join(', ')}`).toHaveLength(1);
  return found[0] as PageScan['questions'][number];
}

function fillRequests(scan: PageScan, widget: WidgetPage): LooseFillRequest[] {
  return widget.questions.flatMap((q) => {
    const found = exactly(scan, q.text);
    const main: LooseFillRequest = { fieldId: found.fieldId, value: q.value };
    if (!q.comment) return [main];
    expect(found.commentFieldId, `the comment box of "${q.text}"`).toBeDefined();
    return [main, { fieldId: found.commentFieldId as string, value: q.comment.value }];
  });
}

for (const widget of widgetPages) {
  test.describe(widget.library, () => {
    test('every question is detected once, with its kind and the options a person sees', async ({ context, sw, portalUrl }) => {
      const page = await context.newPage();
      await openWidgetPage(page, portalUrl('buyer', widget.path));
      // The scan the analyst asks for: lists that hold their options only while open may be read by opening them.
      const scan = await scanPage(sw, page, [], { openLists: true });
      expect(scan.questions.map((q) => q.text)).toEqual(widget.questions.map((q) => q.text));
      for (const q of widget.questions) {
        const found = exactly(scan, q.text);
        expect({ text: found.text, kind: found.kind }).toEqual({ text: q.text, kind: q.kind });
        if (q.options) expect(found.options, q.text).toEqual(q.options);
        for (const option of found.options) expect(option, 'options are plain text').not.toMatch(/[<>]/);
        expect(found.hidden, `${q.text} is in plain view`).toBeUndefined();
        expect(Boolean(found.commentFieldId), `${q.text} has its comment box`).toBe(Boolean(q.comment));
      }
      expect(await pageCount(page, 'window.__openPopups()'), 'the scan leaves no list open').toBe(0);
    });

    test("fills reach the library's own state; no list left open, no Enter, nothing submitted", async ({ context, sw, portalUrl }) => {
      const page = await context.newPage();
      await openWidgetPage(page, portalUrl('buyer', widget.path));
      const scan = await scanPage(sw, page);
      const requests = fillRequests(scan, widget);
      const results = await fillPage(sw, page, requests);
      expect(results.map((r) => [r.status, r.message ?? ''])).toEqual(requests.map(() => ['filled', '']));
      const expected: Record<string, unknown> = {};
      for (const q of widget.questions) {
        expected[q.truth[0]] = q.truth[1];
        if (q.comment) expected[q.comment.truth] = q.comment.value;
      }
      expect(await truth(page)).toEqual(expected);
      // A calendar fades out after Escape: wait for the state, not a time.
      await expect.poll(() => pageCount(page, 'window.__openPopups()'), { message: 'no list or calendar left open' }).toBe(0);
      expect(await pageCount(page, 'window.__enterPresses'), 'no Enter pressed').toBe(0);
      expect(await pageCount(page, 'window.__submits'), 'nothing submitted').toBe(0);

      // Read back through what the person sees: the same answers again change nothing.
      const again = await fillPage(sw, page, requests);
      expect(again.map((r) => r.status)).toEqual(requests.map(() => 'unchanged'));
      expect(await truth(page)).toEqual(expected);
    });

    test('after a fill, the change the page reports lists the same questions, through the same fields, as a full scan', async ({ context, sw, portalUrl }) => {
      const page = await context.newPage();
      await openWidgetPage(page, portalUrl('buyer', widget.path));
      const scan = await scanPage(sw, page);
      const changes = await watchQuestionsChanged(sw, page);
      try {
        const results = await fillPage(sw, page, fillRequests(scan, widget));
        expect(results.every((r) => r.status === 'filled')).toBe(true);
        // The fill changes values, so the content script reports the page again (an incremental re-scan of what
        // changed): that report is what the side panel's rows follow.
        let reported: PageScan | undefined;
        await expect.poll(async () => (reported = (await changes.take()).at(-1)?.scan) !== undefined, { message: 'a change report after the fill' }).toBe(true);
        await page.waitForTimeout(600);
        reported = (await changes.take()).at(-1)?.scan ?? reported;
        const full = await scanPage(sw, page);
        const rows = (s: PageScan) => s.questions.map((q) => `${q.text} @ ${q.fieldId}`);
        expect(rows(reported as PageScan)).toEqual(rows(full));
      } finally {
        await changes.stop();
      }
    });

    test('an answer the list does not offer is refused, naming the options, and changes nothing', async ({ context, sw, portalUrl }) => {
      const page = await context.newPage();
      await openWidgetPage(page, portalUrl('buyer', widget.path));
      const scan = await scanPage(sw, page);
      const choice = widget.questions.find((q) => q.kind === 'single-choice') as WidgetPage['questions'][number];
      const before = await truth(page);
      const [result] = await fillPage(sw, page, [{ fieldId: exactly(scan, choice.text).fieldId, value: 'Antarctica' }]);
      expect(result?.status).toBe('refused');
      expect(result?.message).toContain(`"${(choice.options as string[])[0]}"`);
      expect(await truth(page)).toEqual(before);
      expect(await pageCount(page, 'window.__openPopups()')).toBe(0);
    });

    test('strict fixture: bare writes without events (one per widget kind) do not reach the library', async ({ context, portalUrl }) => {
      const page = await context.newPage();
      await openWidgetPage(page, portalUrl('buyer', widget.path));
      const before = await truth(page);
      for (const write of widget.naiveWrites) {
        expect(before, `the truth holds "${write.truth}"`).toHaveProperty(write.truth);
        await page.evaluate((e) => (0, eval)(e), write.expression);
        expect((await truth(page))[write.truth], write.expression).toEqual(before[write.truth]);
      }
      expect(await truth(page)).toEqual(before);
    });
  });
}

test('a scan the analyst did not ask for opens no list: such lists are choices whose options are read when filled', async ({ context, sw, portalUrl }) => {
  const page = await context.newPage();
  const widget = widgetPages.find((w) => w.path.endsWith('react-select.html')) as WidgetPage;
  await openWidgetPage(page, portalUrl('buyer', widget.path));
  const openings = () => pageCount(page, 'window.__menuOpenings');
  // The panel's own scans: on opening, and again after the page changes.
  const first = await scanPage(sw, page);
  await page.evaluate(() => document.body.append(Object.assign(document.createElement('p'), { textContent: 'Saved.' })));
  const again = await scanPage(sw, page);
  expect(await openings(), 'lists opened by scans nobody asked for').toBe(0);
  for (const scan of [first, again]) {
    expect(scan.questions.map((q) => q.text)).toEqual(widget.questions.map((q) => q.text));
    const region = exactly(scan, 'Region where customer data is stored');
    expect({ kind: region.kind, options: region.options }).toEqual({ kind: 'single-choice', options: [] });
  }
  // Focus and scroll are where the person left them after the analyst's scan opened and closed the lists.
  await page.locator('#contact').focus();
  const before = await page.evaluate(() => [window.scrollY, document.activeElement?.id]);
  const asked = await scanPage(sw, page, [], { openLists: true });
  expect(await openings()).toBeGreaterThan(0);
  expect(await page.evaluate(() => [window.scrollY, document.activeElement?.id])).toEqual(before);
  expect(exactly(asked, 'Region where customer data is stored').options).toEqual(['European Union', 'United States', 'Australia']);
  // Read once, remembered: the panel's next scan of its own knows the options without opening anything.
  const counted = await openings();
  const later = await scanPage(sw, page);
  expect(exactly(later, 'Region where customer data is stored').options).toEqual(['European Union', 'United States', 'Australia']);
  expect(await openings()).toBe(counted);
  expect(await pageCount(page, 'window.__openPopups()')).toBe(0);
});

test('Headless UI: the panel\'s own scans open no Listbox or Combobox; the analyst\'s Re-scan may', async ({ context, sw, portalUrl }) => {
  const page = await context.newPage();
  const widget = widgetPages.find((w) => w.path.endsWith('headless-ui.html')) as WidgetPage;
  await openWidgetPage(page, portalUrl('buyer', widget.path));
  // Headless UI mounts a list's options only while it is open: every options container added to the page is one
  // opening, whoever caused it.
  await page.evaluate(() => {
    const w = window as unknown as { __listOpenings: number };
    w.__listOpenings = 0;
    const isList = (n: Node) => n instanceof Element && (n.matches('[role="listbox"]') || n.querySelector('[role="listbox"]') !== null);
    new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) if (isList(n)) w.__listOpenings++;
    }).observe(document.documentElement, { childList: true, subtree: true });
  });
  const openings = () => pageCount(page, 'window.__listOpenings');
  const lists = ['Main hosting region', 'Certifications you hold', 'How long are audit logs kept?'];
  // The panel's own scans: on opening, after the page changes, and the one before a bulk fill.
  const scans = [await scanPage(sw, page)];
  await page.evaluate(() => document.body.append(Object.assign(document.createElement('p'), { textContent: 'Saved.' })));
  scans.push(await scanPage(sw, page));
  scans.push(await scanPage(sw, page));
  expect(await openings(), 'lists opened by scans nobody asked for').toBe(0);
  for (const scan of scans) {
    expect(scan.questions.map((q) => q.text)).toEqual(widget.questions.map((q) => q.text));
    // A list not yet opened is a choice whose options (and whether it takes several answers) are read when it is filled.
    for (const text of lists) {
      const found = exactly(scan, text);
      expect({ kind: found.kind, options: found.options }, text).toEqual({ kind: 'single-choice', options: [] });
    }
  }
  // The analyst's Re-scan opens and closes each list once, with focus and scroll put back.
  await page.locator('#contact').focus();
  const before = await page.evaluate(() => [window.scrollY, document.activeElement?.id]);
  const asked = await scanPage(sw, page, [], { openLists: true });
  expect(await openings(), 'each list opened once by the Re-scan').toBe(lists.length);
  expect(await page.evaluate(() => [window.scrollY, document.activeElement?.id])).toEqual(before);
  for (const text of lists) {
    const expected = widget.questions.find((q) => q.text === text) as WidgetPage['questions'][number];
    const found = exactly(asked, text);
    expect({ kind: found.kind, options: found.options }, text).toEqual({ kind: expected.kind, options: expected.options });
  }
  await expect.poll(() => pageCount(page, 'window.__openPopups()'), { message: 'the Re-scan leaves no list open' }).toBe(0);
  // Read once, remembered: the panel's next scan knows the options without opening anything.
  const counted = await openings();
  const later = await scanPage(sw, page);
  expect(exactly(later, 'Main hosting region').options).toEqual(['European Union', 'United States', 'Japan']);
  expect(await openings()).toBe(counted);
});

test('a multi-select answer that would need an option removed is refused, not half-written', async ({ context, sw, portalUrl }) => {
  const page = await context.newPage();
  await openWidgetPage(page, portalUrl('buyer', '/portals/widgets/tom-select.html'));
  const scan = await scanPage(sw, page);
  const certs = exactly(scan, 'Which certifications do you hold?');
  expect((await fillPage(sw, page, [{ fieldId: certs.fieldId, value: ['ISO 27001', 'HITRUST'] }]))[0]?.status).toBe('filled');
  const [result] = await fillPage(sw, page, [{ fieldId: certs.fieldId, value: ['HITRUST'] }]);
  expect(result?.status).toBe('refused');
  expect(result?.message).toContain('"ISO 27001"');
  expect((await truth(page)).certs).toEqual(['iso', 'hitrust']);
  expect(await pageCount(page, 'window.__openPopups()')).toBe(0);
});

test("questions below an inner pane's fold are offered and filled; a control parked off-screen in that pane is not", async ({ context, sw, portalUrl }) => {
  const page = await context.newPage();
  await openWidgetPage(page, portalUrl('buyer', '/portals/widgets/chosen.html'));
  const layout = await page.evaluate(() => {
    const pane = (document.getElementById('details') as HTMLElement).getBoundingClientRect();
    const at = (id: string) => (document.getElementById(id) as HTMLElement).getBoundingClientRect();
    return { paneBottom: pane.bottom, dateTop: at('lastreview').top, parkedRight: at('bots').right, pageScrolls: document.documentElement.scrollHeight > innerHeight };
  });
  // The fixture is what the test says it is: the date is past the pane's fold, the window cannot scroll to it, the
  // parked box is left of everything.
  expect(layout.dateTop).toBeGreaterThan(layout.paneBottom);
  expect(layout.pageScrolls).toBe(false);
  expect(layout.parkedRight).toBeLessThan(0);
  const scan = await scanPage(sw, page);
  expect(scan.questions.map((q) => q.text)).not.toContain('Leave this field empty');
  const date = exactly(scan, 'Date of the last access review');
  expect(date.hidden).toBeUndefined();
  const [result] = await fillPage(sw, page, [{ fieldId: date.fieldId, value: '2026-03-31' }]);
  expect(result?.status).toBe('filled');
  expect((await truth(page)).lastreview).toBe('2026-03-31');
  expect(await page.evaluate(() => (document.getElementById('details') as HTMLElement).scrollTop), 'the pane scrolled to the date').toBeGreaterThan(0);
});

test('a list drawn without ARIA is read back from what its box shows, not from the select it hides', async ({ context, sw, portalUrl }) => {
  const page = await context.newPage();
  await openWidgetPage(page, portalUrl('buyer', '/portals/widgets/chosen.html'));
  const scan = await scanPage(sw, page);
  const region = exactly(scan, 'Primary hosting region');
  // The hidden select now holds Switzerland, but the box still shows its placeholder and the page heard nothing.
  await page.evaluate(() => { (document.getElementById('region') as HTMLSelectElement).value = 'ch'; });
  expect(await page.locator('#region_chosen').innerText()).not.toContain('Switzerland');
  const [result] = await fillPage(sw, page, [{ fieldId: region.fieldId, value: 'Switzerland' }]);
  expect(result?.status, 'not "unchanged": the person saw no answer').toBe('filled');
  expect(await page.locator('#region_chosen .chosen-single').innerText()).toBe('Switzerland');
  expect((await truth(page)).region).toBe('ch');
  expect(await pageCount(page, 'window.__openPopups()')).toBe(0);
  expect(await pageCount(page, 'window.__enterPresses')).toBe(0);
});

test('parked means no scrolling reaches it: far down a pane is offered, above or left of its scroll range is not', async ({ context, sw, portalUrl }) => {
  const page = await context.newPage();
  await openWidgetPage(page, portalUrl('buyer', '/portals/widgets/chosen.html'));
  await page.evaluate(() => {
    const pane = document.getElementById('details') as HTMLElement;
    const add = (html: string) => pane.insertAdjacentHTML('beforeend', html);
    // The pane is positioned: these boxes scroll with it.
    add('<div style="position:absolute; top:3000px; left:20px"><label for="far">Name of your auditor</label><input id="far"></div>');
    add('<div style="position:absolute; top:-9999px; left:20px"><label for="above">Above the pane</label><input id="above"></div>');
    // A nested scroller holding a box parked left of its range.
    add('<div style="height:80px; overflow:auto; position:relative"><div style="position:absolute; left:-9999px"><label for="left">Left of the list</label><input id="left"></div><p>Notes</p></div>');
  });
  const scan = await scanPage(sw, page);
  const texts = scan.questions.map((q) => q.text);
  expect(texts).toContain('Name of your auditor');
  expect(exactly(scan, 'Name of your auditor').hidden).toBeUndefined();
  expect(texts).not.toContain('Above the pane');
  expect(texts).not.toContain('Left of the list');
});
