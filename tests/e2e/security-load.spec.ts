// Load: a 20,000-entry library and a 1,000-question page. The panel must propose for every question, stay
// responsive while the analyst scrolls and fills, and keep its memory bounded across re-scans. Prints the figures
// the README "Load" section quotes.
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect } from './support/extension';
import { LOAD_LIBRARY_SIZE, LOAD_PAGE_QUESTIONS, loadLibrary } from '../fixtures/portals/hostile/load-library';

const MB = 1024 * 1024;

/** JS heap in use (after a forced garbage collection) of one page, over the DevTools protocol. */
async function heapAfterGc(context: BrowserContext, page: Page): Promise<number> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  return metrics.find((m) => m.name === 'JSHeapUsedSize')!.value;
}

/** The longest main-thread task in the panel since it loaded (the index build and first matching included). */
async function longestTaskSinceLoad(panel: Page): Promise<number> {
  return panel.evaluate(
    () =>
      new Promise<number>((done) => {
        new PerformanceObserver((list, observer) => {
          observer.disconnect();
          done(Math.round(Math.max(0, ...list.getEntries().map((e) => e.duration))));
        }).observe({ type: 'longtask', buffered: true });
        setTimeout(() => done(0), 1000);
      }),
  );
}

/** Start recording long tasks and slow input events (Event Timing) in the panel from now on. */
async function watchResponsiveness(panel: Page): Promise<() => Promise<{ longestTaskMs: number; longTasks: number; slowestInputMs: number }>> {
  await panel.evaluate(() => {
    const w = window as unknown as { __load: { tasks: number[]; inputs: number[] } };
    w.__load = { tasks: [], inputs: [] };
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__load.tasks.push(e.duration))).observe({ type: 'longtask' });
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__load.inputs.push(e.duration))).observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit);
  });
  return () =>
    panel.evaluate(() => {
      const { tasks, inputs } = (window as unknown as { __load: { tasks: number[]; inputs: number[] } }).__load;
      return { longestTaskMs: Math.round(Math.max(0, ...tasks)), longTasks: tasks.length, slowestInputMs: Math.round(Math.max(0, ...inputs)) };
    });
}

test('a 20,000-entry library on a 1,000-question page: proposals for all, responsive panel, bounded memory', async ({ context, extensionId, portalUrl, openPanel }) => {
  test.setTimeout(240_000);
  const figures: Record<string, string> = {};

  // The library, imported the way an analyst does it (Library view, mirror the export).
  const library = await context.newPage();
  await library.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  await library.getByRole('tab', { name: 'Library' }).click();
  await expect(library.locator('.library-counts')).toContainText('entries shown');
  let started = Date.now();
  await library.getByLabel('Import library file (.json, .csv, .xlsx)').setInputFiles({
    name: 'load-library.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(loadLibrary())),
  });
  await library.getByLabel(/Mirror the export/).check();
  await library.getByRole('button', { name: 'Apply import' }).click();
  await expect(library.locator('.library-counts')).toContainText(`of ${LOAD_LIBRARY_SIZE} entries shown`, { timeout: 60_000 });
  figures['import 20,000 entries (preview + apply)'] = `${Date.now() - started} ms`;
  await library.close();

  // The page and the panel on it: every question detected, proposals computed against the whole library.
  const page = await context.newPage();
  await page.goto(portalUrl('servicenow', '/portals/hostile/thousand-questions.html'));
  started = Date.now();
  const panel = await openPanel(page);
  const summary = panel.getByTestId('page-summary');
  await expect(summary).toHaveText(new RegExp(`^${LOAD_PAGE_QUESTIONS} detected · \\d+ proposed`), { timeout: 90_000 });
  figures['panel open to 1,000 proposals'] = `${Date.now() - started} ms`;
  const proposed = Number(/· (\d+) proposed/.exec((await summary.textContent()) ?? '')?.[1]);
  expect(proposed).toBeGreaterThanOrEqual(LOAD_PAGE_QUESTIONS * 0.95);
  expect(await panel.locator('article.card').count(), 'the question list renders only what is visible').toBeLessThan(60);

  figures['longest panel task while opening (index build + first matching)'] = `${await longestTaskSinceLoad(panel)} ms`;
  const responsiveness = await watchResponsiveness(panel);
  const heapStart = await heapAfterGc(context, panel);

  // Scroll the whole list, then accept and fill a question in the middle and one at the end.
  const list = panel.getByRole('region', { name: 'Detected questions' });
  for (let step = 1; step <= 10; step++) {
    await list.evaluate((el, s) => el.scrollTo({ top: (el.scrollHeight * s) / 10 }), step);
    await panel.waitForTimeout(80);
  }
  const last = panel.locator('article.card').filter({ has: panel.getByRole('heading', { name: /for system 999\?/ }) });
  started = Date.now();
  await last.getByRole('button', { name: 'Accept & fill' }).click();
  await expect(last.locator('.badge-filled')).toHaveText('Filled');
  figures['accept & fill, click to Filled'] = `${Date.now() - started} ms`;
  await expect(page.locator('#q999')).toHaveValue(/system 999/);

  // Re-scan three times: the heap must come back to about where it was.
  started = Date.now();
  for (let i = 0; i < 3; i++) {
    await panel.getByRole('button', { name: 'Re-scan' }).click();
    await expect(summary).toHaveText(new RegExp(`^${LOAD_PAGE_QUESTIONS} detected · \\d+ proposed · 1 filled`), { timeout: 60_000 });
  }
  figures['re-scan (mean of 3)'] = `${Math.round((Date.now() - started) / 3)} ms`;
  const heapEnd = await heapAfterGc(context, panel);
  const pageHeap = await heapAfterGc(context, page);
  const r = await responsiveness();

  figures['panel JS heap after scans'] = `${(heapEnd / MB).toFixed(1)} MB (start ${(heapStart / MB).toFixed(1)} MB, growth ${((heapEnd - heapStart) / MB).toFixed(1)} MB over 3 re-scans)`;
  figures['portal page JS heap (page + content script)'] = `${(pageHeap / MB).toFixed(1)} MB`;
  figures['longest main-thread task in the panel while scrolling, filling, re-scanning'] = `${r.longestTaskMs} ms (${r.longTasks} tasks over 50 ms)`;
  figures['slowest input event in the panel (Event Timing)'] = `${r.slowestInputMs} ms`;
  console.log(Object.entries(figures).map(([k, v]) => `LOAD ${k}: ${v}`).join('\n'));

  expect(heapEnd / MB, 'panel heap').toBeLessThan(400);
  expect((heapEnd - heapStart) / MB, 'panel heap growth over three re-scans').toBeLessThan(40);
  expect(pageHeap / MB, 'portal page heap').toBeLessThan(150);
  expect(r.slowestInputMs, 'a click or key press in the panel waited too long').toBeLessThan(1000);
  expect(r.longestTaskMs, 'the panel froze while the analyst scrolled, filled or re-scanned').toBeLessThan(3000);
});
