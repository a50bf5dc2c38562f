// e2e helpers that drive the content script without the side panel: they call the panel's own tab client
// (lib/messaging/tab-client.ts), which the e2e build exposes on the service worker as `qaTabClient`.
import type { Page, Worker } from '@playwright/test';
import type { FillRequest, FillResult, PageScan } from '../../../lib/schema';
import { fieldOwners } from '../../../lib/fill/fill-fields';

type TabClient = typeof import('../../../lib/messaging/tab-client');

/** The id of the tab showing `page` (matched by URL; the page must be loaded). */
export async function tabIdOf(sw: Worker, page: Page): Promise<number> {
  const url = page.url();
  const id = await sw.evaluate(async (u) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((t) => t.url === u)?.id ?? -1;
  }, url);
  if (id < 0) throw new Error(`no tab shows ${url}`);
  return id;
}

async function callClient<K extends keyof TabClient>(sw: Worker, name: K, args: unknown[]): Promise<Awaited<ReturnType<Extract<TabClient[K], (...a: never[]) => unknown>>>> {
  return sw.evaluate(
    async ([fn, a]) => {
      const client = (globalThis as unknown as { qaTabClient?: Record<string, (...x: unknown[]) => unknown> }).qaTabClient;
      if (!client) throw new Error('qaTabClient is missing: build with `wxt build --mode e2e`');
      const f = client[fn as string];
      if (!f) throw new Error(`qaTabClient.${String(fn)} does not exist`);
      return f(...(a as unknown[]));
    },
    [name, args] as const,
  ) as never;
}

/**
 * Inject the content script where missing (buyer pages) and scan every trusted frame of the page's tab;
 * `allowedOrigins` are frame origins allowed for the tab, as the analyst allows them in the panel.
 */
/** The scan the panel runs on its own; `openLists` for the one the analyst asks for with Re-scan. */
export async function scanPage(sw: Worker, page: Page, allowedOrigins: string[] = [], options: { openLists?: boolean } = {}): Promise<PageScan> {
  return callClient(sw, 'scanTab', [await tabIdOf(sw, page), allowedOrigins, options]);
}

/** A request written before fills carried their question: `expectedText` stands for the text the test chose. */
export type LooseFillRequest = Omit<FillRequest, 'question'> & { question?: FillRequest['question']; expectedText?: string };

/**
 * Fill fields by id through the content script; results in request order. Requests without `question` get the
 * one that owns the field in a fresh scan (with `expectedText` as its text when given), as if chosen just now;
 * an id no question owns gets a question no page has, so it can only come back `not-found` or `stale`.
 */
export async function fillPage(sw: Worker, page: Page, requests: LooseFillRequest[], allowedOrigins: string[] = []): Promise<FillResult[]> {
  const loose = requests.some((r) => !r.question);
  const owners = loose ? fieldOwners(await scanPage(sw, page, allowedOrigins)) : new Map<string, FillRequest['question']>();
  const complete: FillRequest[] = requests.map(({ expectedText, question, ...r }) => {
    const owner = question ?? owners.get(r.fieldId) ?? { key: 'never-scanned', text: 'never scanned' };
    return { ...r, question: { key: owner.key, text: expectedText ?? owner.text } };
  });
  return callClient(sw, 'fillTab', [await tabIdOf(sw, page), complete, allowedOrigins]);
}


export async function highlightPage(sw: Worker, page: Page, fieldIds: string[], mode: 'detected' | 'focus' | 'filled' | 'clear'): Promise<void> {
  await callClient(sw, 'highlightInTab', [await tabIdOf(sw, page), fieldIds, mode]);
}

export async function scrollToField(sw: Worker, page: Page, fieldId: string): Promise<boolean> {
  return callClient(sw, 'scrollToField', [await tabIdOf(sw, page), fieldId]);
}

export async function openSection(sw: Worker, page: Page, index: number): Promise<boolean> {
  return callClient(sw, 'openSectionInTab', [await tabIdOf(sw, page), index]);
}

/** Frame ids of the tab now running the content script (injects it where missing). */
export async function contentFrames(sw: Worker, page: Page, allowedOrigins: string[] = []): Promise<number[]> {
  return callClient(sw, 'ensureContentScript', [await tabIdOf(sw, page), allowedOrigins]);
}

/**
 * Collect `questions-changed` messages of the page's tab inside the service worker; `take()` returns those
 * received so far (their scans), `stop()` removes the listener.
 */
export async function watchQuestionsChanged(sw: Worker, page: Page): Promise<{ take: () => Promise<Array<{ frameId: number; scan: PageScan }>>; stop: () => Promise<void> }> {
  const tabId = await tabIdOf(sw, page);
  const key = `qaChanges${tabId}_${Date.now()}`;
  await sw.evaluate(
    ([k, t]) => {
      const g = globalThis as unknown as Record<string, unknown> & { qaTabClient: { onQuestionsChanged: (tab: number, cb: (c: unknown) => void) => () => void } };
      const list: unknown[] = [];
      g[k] = list;
      g[`${k}_stop`] = g.qaTabClient.onQuestionsChanged(t, (c) => list.push(c));
    },
    [key, tabId] as const,
  );
  return {
    take: () => sw.evaluate((k) => ((globalThis as unknown as Record<string, unknown>)[k] as Array<{ frameId: number; scan: PageScan }>).slice(), key),
    stop: () => sw.evaluate((k) => ((globalThis as unknown as Record<string, () => void>)[`${k}_stop`] as () => void)(), key),
  };
}

/** Find a scanned question by (part of) its text; throws with the texts found when it is missing. */
export function question(scan: PageScan, text: string | RegExp): PageScan['questions'][number] {
  const q = scan.questions.find((x) => (typeof text === 'string' ? x.text.includes(text) : text.test(x.text)));
  if (!q) throw new Error(`no question matching ${String(text)}; found: ${scan.questions.map((x) => JSON.stringify(x.text)).join(', ')}`);
  return q;
}
