// The load scenario shared by tests/e2e/security-load.spec.ts (behaviour and memory ceilings) and
// tests/bench/load.bench.ts (how long each step took): a 20,000-entry library imported through the Library view,
// the panel on a 1,000-question page, scrolling, a fill and three re-scans.
import { expect, type BrowserContext, type Page } from '@playwright/test';
import { LOAD_LIBRARY_SIZE, LOAD_PAGE_QUESTIONS, loadLibrary } from '../../fixtures/portals/hostile/load-library';

const MB = 1024 * 1024;

export interface LoadRun {
  /** Wall-clock figures of each step, for the bench; the test never asserts them. */
  timings: Record<string, number>;
  proposed: number;
  cardsInDom: number;
  heapStartMb: number;
  heapEndMb: number;
  pageHeapMb: number;
  longestOpeningTaskMs: number;
  longestTaskMs: number;
  longTasks: number;
  slowestInputMs: number;
}

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

/**
 * Runs the scenario and checks what it must do (every question proposed, only visible cards rendered, the fill
 * lands); waits are on the page's state with timeouts that leave room for a loaded machine.
 */
export async function runLoadScenario(
  context: BrowserContext,
  extensionId: string,
  pageUrl: string,
  openPanel: (target: Page) => Promise<Page>,
): Promise<LoadRun> {
  const timings: Record<string, number> = {};
  const library = await context.newPage();
  await library.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  await library.getByRole('tab', { name: 'Library' }).click();
  await expect(library.locator('.library-counts')).toContainText('entries shown', { timeout: 30_000 });
  let started = Date.now();
  await library.getByLabel('Import library file (.json, .csv, .xlsx)').setInputFiles({
    name: 'load-library.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(loadLibrary())),
  });
  await library.getByLabel(/Mirror the export/).check({ timeout: 60_000 });
  await library.getByRole('button', { name: 'Apply import' }).click();
  await expect(library.locator('.library-counts')).toContainText(`of ${LOAD_LIBRARY_SIZE} entries shown`, { timeout: 120_000 });
  timings['import 20,000 entries (preview + apply)'] = Date.now() - started;
  await library.close();

  const page = await context.newPage();
  await page.goto(pageUrl);
  started = Date.now();
  const panel = await openPanel(page);
  const summary = panel.getByTestId('page-summary');
  await expect(summary).toHaveText(new RegExp(`^${LOAD_PAGE_QUESTIONS} detected · \\d+ proposed`), { timeout: 180_000 });
  // Proposals arrive in batches from the matching worker: wait until the last one landed.
  await expect(panel.getByTestId('matching-progress')).toHaveCount(0, { timeout: 180_000 });
  timings['panel open to 1,000 proposals'] = Date.now() - started;
  const proposed = Number(/· (\d+) proposed/.exec((await summary.textContent()) ?? '')?.[1]);
  const cardsInDom = await panel.locator('article.card').count();

  const longestOpeningTaskMs = await longestTaskSinceLoad(panel);
  const responsiveness = await watchResponsiveness(panel);
  const heapStart = await heapAfterGc(context, panel);

  // Scroll the whole list, then accept and fill the question at the end.
  const list = panel.getByRole('region', { name: 'Detected questions' });
  for (let step = 1; step <= 10; step++) {
    await list.evaluate((el, s) => el.scrollTo({ top: (el.scrollHeight * s) / 10 }), step);
    await panel.waitForTimeout(80);
  }
  const last = panel.locator('article.card').filter({ has: panel.getByRole('heading', { name: /for system 999\?/ }) });
  started = Date.now();
  await last.getByRole('button', { name: 'Accept & fill' }).click();
  await expect(last.locator('.badge-filled')).toHaveText('Filled', { timeout: 60_000 });
  timings['accept & fill, click to Filled'] = Date.now() - started;
  await expect(page.locator('#q999')).toHaveValue(/system 999/);

  // Re-scan three times: the heap must come back to about where it was.
  started = Date.now();
  for (let i = 0; i < 3; i++) {
    await panel.getByRole('button', { name: 'Re-scan' }).click();
    await expect(summary).toHaveText(new RegExp(`^${LOAD_PAGE_QUESTIONS} detected · \\d+ proposed · 1 filled`), { timeout: 120_000 });
  }
  timings['re-scan (mean of 3)'] = Math.round((Date.now() - started) / 3);
  const heapEnd = await heapAfterGc(context, panel);
  const pageHeap = await heapAfterGc(context, page);
  const r = await responsiveness();
  return {
    timings,
    proposed,
    cardsInDom,
    heapStartMb: heapStart / MB,
    heapEndMb: heapEnd / MB,
    pageHeapMb: pageHeap / MB,
    longestOpeningTaskMs,
    ...r,
  };
}
