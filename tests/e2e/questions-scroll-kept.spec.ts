// The Questions list keeps the analyst's place: scrolled down a 300-question page, a fill the page refuses (its
// field was hidden after the scan, which also makes the page re-scan), a question added to the page (a re-scan and
// its proposal batch) and a library import (every question proposed for again, batch by batch) leave the list where
// it was: it never passes through the top, and the card the analyst was looking at stays drawn in view.
import type { Locator, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildBenchPage } from '../bench/panel.bench';
import { test, expect as baseExpect } from './support/extension';

const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 240_000 });

const COUNT = 300;

function listOf(panel: Page): Locator {
  return panel.getByRole('region', { name: 'Detected questions' });
}

/** Starts recording the list's scroll positions: every scroll event and a sample each frame. */
async function watchScroll(panel: Page): Promise<void> {
  await listOf(panel).evaluate((el) => {
    const w = window as unknown as { __scrollTops: number[]; __stopWatch?: () => void };
    w.__stopWatch?.();
    w.__scrollTops = [el.scrollTop];
    const record = () => w.__scrollTops.push(el.scrollTop);
    el.addEventListener('scroll', record);
    let frame = requestAnimationFrame(function sample() {
      record();
      frame = requestAnimationFrame(sample);
    });
    w.__stopWatch = () => {
      el.removeEventListener('scroll', record);
      cancelAnimationFrame(frame);
    };
  });
}

/** The lowest scroll position seen since `watchScroll`, and the position now. */
async function scrollSeen(panel: Page): Promise<{ lowest: number; now: number }> {
  return listOf(panel).evaluate((el) => {
    const w = window as unknown as { __scrollTops: number[]; __stopWatch?: () => void };
    w.__stopWatch?.();
    return { lowest: Math.min(...w.__scrollTops), now: el.scrollTop };
  });
}

/** The card's top relative to the list's visible top (undefined when the card is not drawn). */
async function offsetInList(panel: Page, key: string): Promise<number | undefined> {
  return listOf(panel).evaluate((el, k) => {
    const card = el.querySelector(`article.card[data-key="${CSS.escape(k)}"]`);
    return card ? card.getBoundingClientRect().top - el.getBoundingClientRect().top : undefined;
  }, key);
}

/**
 * Scrolls the list to `fraction` of its height and returns the key and question number of a card with a proposal
 * drawn well inside the view, and its offset there.
 */
async function scrollTo(panel: Page, fraction: number): Promise<{ key: string; n: number; offset: number }> {
  const list = listOf(panel);
  await list.evaluate((el, f) => el.scrollTo(0, (el.scrollHeight - el.clientHeight) * f), fraction);
  // Settled: drawn cards measured, the position no longer corrected.
  let last = -1;
  await expect
    .poll(async () => {
      const top = await list.evaluate((el) => el.scrollTop);
      const settled = top === last && top > 2000;
      last = top;
      return settled;
    }, { message: 'the list settles scrolled down', intervals: [200] })
    .toBe(true);
  let found: { key: string; n: number; offset: number } | undefined;
  await expect
    .poll(async () => {
      found = await list.evaluate((el) => {
        const view = el.getBoundingClientRect();
        for (const card of el.querySelectorAll<HTMLElement>('article.card')) {
          const box = card.getBoundingClientRect();
          const accept = [...card.querySelectorAll('button')].some((b) => b.textContent === 'Accept & fill');
          const n = Number(/^(\d+)/.exec(card.querySelector('h3')?.textContent ?? '')?.[1]);
          if (accept && n > 0 && box.top > view.top + 40 && box.bottom < view.bottom - 20) return { key: card.dataset.key!, n, offset: box.top - view.top };
        }
        return undefined;
      });
      return found !== undefined;
    }, { message: 'a card with a proposal drawn inside the list' })
    .toBe(true);
  return found!;
}

/** After `event`: the list never went back towards the top, and the card is still drawn where it was (within a card's slack). */
async function expectPlaceKept(panel: Page, key: string, offset: number, what: string): Promise<void> {
  const { lowest, now } = await scrollSeen(panel);
  const before = await listOf(panel).evaluate(() => (window as unknown as { __scrollTops: number[] }).__scrollTops[0]!);
  const after = await offsetInList(panel, key);
  expect(lowest, `${what}: the list scrolled from ${before} px up to ${lowest} px`).toBeGreaterThan(before - 1000);
  expect(now, `${what}: the list is at ${now} px, was at ${before} px`).toBeGreaterThan(before - 1000);
  expect(after, `${what}: the card looked at is still drawn`).not.toBeUndefined();
  expect(Math.abs(after! - offset), `${what}: the card looked at moved from ${offset} px to ${after} px in the list`).toBeLessThan(300);
}

test('the Questions list keeps its scroll position through a refused fill, a re-scan and proposal batches', async ({ context, sw, extensionId, portalUrl, openPanel }) => {
  const url = portalUrl('servicenow', '/bench/scroll-300.html');
  await context.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: buildBenchPage(COUNT) }));
  const page = await context.newPage();
  await page.goto(url);
  const panel = await openPanel(page);
  await expect(panel.getByTestId('page-summary')).toHaveText(new RegExp(`^${COUNT} detected · \\d+ proposed`));
  await expect(panel.getByTestId('matching-progress')).toHaveCount(0);

  // 1. A fill the page refuses: the field was made transparent after the scan (the change also re-scans the page).
  const refused = await scrollTo(panel, 0.3);
  await watchScroll(panel);
  await page.locator(`#q${refused.n}`).evaluate((el) => ((el as HTMLElement).style.opacity = '0'));
  const card = panel.locator(`article.card[data-key="${refused.key}"]`);
  await card.getByRole('button', { name: 'Accept & fill' }).click();
  await expect(card.locator('.failure')).toContainText('refused');
  await expect(page.locator(`#q${refused.n}`)).toHaveValue('');
  // The re-scan the change set off, and its proposals, have come and gone.
  await panel.waitForTimeout(1500);
  await expect(panel.getByTestId('matching-progress')).toHaveCount(0);
  await expectPlaceKept(panel, refused.key, refused.offset, 'refused fill');

  // 2. A question added at the end of the page: re-scanned, and its proposal arrives while the list is scrolled down.
  const added = await scrollTo(panel, 0.5);
  await watchScroll(panel);
  await page.evaluate(() => {
    const div = document.createElement('div');
    div.className = 'q';
    div.innerHTML = '<label for="q-added">Do you encrypt customer data at rest? (added)</label><textarea id="q-added" name="q-added"></textarea>';
    document.querySelector('form')!.append(div);
  });
  await expect(panel.getByTestId('page-summary')).toHaveText(new RegExp(`^${COUNT + 1} detected`));
  await expect(panel.getByTestId('matching-progress')).toHaveCount(0);
  await panel.waitForTimeout(500);
  await expectPlaceKept(panel, added.key, added.offset, 'question added');

  // 3. The library changed in another window: every question is proposed for again, batch by batch.
  const relisted = await scrollTo(panel, 0.7);
  await watchScroll(panel);
  // Matching may show and end between two polls: an observer set before the import sees it.
  await panel.evaluate(() => {
    const w = window as unknown as { __sawMatching: boolean };
    w.__sawMatching = false;
    const seen = new MutationObserver(() => {
      if (document.querySelector('[data-testid="matching-progress"]')) {
        w.__sawMatching = true;
        seen.disconnect();
      }
    });
    seen.observe(document.body, { subtree: true, childList: true });
  });
  const sample = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../public/sample-library.json'), 'utf8')) as { entries: { answer: string }[] };
  sample.entries[0]!.answer = `${sample.entries[0]!.answer} (revised)`;
  // In a window of its own, unfocused: a new tab in the panel's window would be the tab the panel works on.
  const opened = context.waitForEvent('page');
  await sw.evaluate((u) => chrome.windows.create({ url: u, focused: false }), `chrome-extension://${extensionId}/sidepanel.html`);
  const other = await opened;
  await other.getByRole('tab', { name: 'Library' }).click();
  await other.getByLabel('Import library file (.json, .csv, .xlsx)').setInputFiles({ name: 'revised.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(sample)) });
  await other.getByRole('button', { name: 'Apply import' }).click();
  await expect(other.getByText(/^Imported revised\.json: /)).toBeVisible();
  await other.close();
  // The panel proposes again (matching shows, then ends).
  await panel.waitForFunction(() => (window as unknown as { __sawMatching: boolean }).__sawMatching, undefined, { timeout: 30_000 });
  await expect(panel.getByTestId('matching-progress')).toHaveCount(0);
  await panel.waitForTimeout(500);
  await expectPlaceKept(panel, relisted.key, relisted.offset, 'library re-proposed');
});

test('the Questions list keeps its place when the analyst looks at the Library view, or at another tab, and comes back', async ({ context, portalUrl, openPanel }) => {
  const url = portalUrl('servicenow', '/bench/scroll-300.html');
  await context.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: buildBenchPage(COUNT) }));
  const page = await context.newPage();
  await page.goto(url);
  const panel = await openPanel(page);
  await expect(panel.getByTestId('page-summary')).toHaveText(new RegExp(`^${COUNT} detected · \\d+ proposed`));
  await expect(panel.getByTestId('matching-progress')).toHaveCount(0);

  // 1. The Library view and back (the Questions view stays mounted, hidden meanwhile).
  const looked = await scrollTo(panel, 0.4);
  await panel.getByRole('tab', { name: 'Library' }).click();
  await expect(panel.locator('.library-counts')).toContainText('entries shown');
  await panel.getByRole('tab', { name: 'Questions' }).click();
  await expect(panel.getByTestId('matching-progress')).toHaveCount(0);
  await panel.waitForTimeout(500);
  const back = await offsetInList(panel, looked.key);
  expect(back, `after the Library view, the card looked at (question ${looked.n}) is drawn`).not.toBeUndefined();
  expect(Math.abs(back! - looked.offset), `after the Library view, the card moved from ${looked.offset} px to ${back} px`).toBeLessThan(300);

  // 2. Another tab activated (the panel follows it), then the questionnaire again: the panel reads the page again.
  const again = await scrollTo(panel, 0.6);
  const other = await context.newPage();
  await other.goto(portalUrl('servicenow', '/nothing-here.html')).catch(() => undefined);
  await expect(panel.getByTestId('page-summary')).toHaveText(/^0 detected/);
  // Back to the questionnaire's tab (activated again until the panel names it: a late load event of the other tab
  // can still be on its way), then to the panel.
  await expect
    .poll(async () => {
      await page.bringToFront();
      await panel.waitForTimeout(300);
      return panel.getByTestId('target-tab').textContent();
    }, { message: 'the panel works on the questionnaire again' })
    .toContain('Vendor security review');
  await panel.bringToFront();
  await expect(panel.getByTestId('page-summary')).toHaveText(new RegExp(`^${COUNT} detected · \\d+ proposed`));
  await expect(panel.getByTestId('matching-progress')).toHaveCount(0);
  await panel.waitForTimeout(500);
  const returned = await offsetInList(panel, again.key);
  expect(returned, `after another tab, the card looked at (question ${again.n}) is drawn`).not.toBeUndefined();
  expect(Math.abs(returned! - again.offset), `after another tab, the card moved from ${again.offset} px to ${returned} px`).toBeLessThan(300);
});

