// The page's first scan, asked for by the panel's first module (start-worker.ts) before React and the panel's modules
// load, so the content script scans while they do; the Questions view's first scan of that tab takes it
// (content-port.ts) instead of asking again. Only the transport is here (lib/messaging/frame-send.ts, no zod): the
// replies are checked when taken, as any scan's are. Never stale: a change notice from the tab or a new page in it
// after the scan was asked for, or an answer older than EARLY_SCAN_TTL_MS, and the Questions view scans afresh.
import { browser } from 'wxt/browser';
import { askAllFramesRaw, type RawFrameReplies } from '../../lib/messaging/frame-send';
import { isPageChange, tabFromSearch } from '../../lib/panel/target-tab';
import { markOpen } from '../../lib/panel/open-marks';

/** After this long the early scan is not taken (the Questions view opened late, e.g. after another view). */
export const EARLY_SCAN_TTL_MS = 5_000;

interface EarlyScan {
  tabId: number;
  askedAt: number;
  replies: Promise<RawFrameReplies | undefined>;
  /** A change seen in the tab since the scan was asked for. */
  changed: boolean;
  stop: () => void;
}

let early: EarlyScan | undefined;

/** The tab the panel opens on, as useTargetTab finds it first: `?tab=<id>`, else the active tab of the panel's window. */
async function firstTabId(search: string): Promise<number | undefined> {
  const given = tabFromSearch(search);
  if (given !== undefined) return given;
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id;
}

/** Asks the tab the panel opens on for its scan now (the panel's first module); `?scan=late` keeps the design before. */
export function askEarlyScan(search: string = location.search, now: () => number = () => performance.now()): void {
  if (new URLSearchParams(search).get('scan') === 'late' || typeof browser?.tabs?.query !== 'function') return;
  const given = tabFromSearch(search);
  // Without `?tab=` the tab id is known only after a query; changes are watched from the start either way.
  const state: EarlyScan = { tabId: given ?? -1, askedAt: now(), replies: Promise.resolve(undefined), changed: false, stop: () => undefined };
  const onUpdated = (id: number, change: { status?: string; url?: string }) => {
    if (id === state.tabId && isPageChange(change)) state.changed = true;
  };
  const onMessage = (message: unknown, sender: { tab?: { id?: number } }) => {
    if (sender.tab?.id === state.tabId && (message as { type?: unknown } | null)?.type === 'questions-changed') state.changed = true;
    return undefined;
  };
  browser.tabs.onUpdated.addListener(onUpdated);
  browser.runtime.onMessage.addListener(onMessage);
  state.stop = () => {
    browser.tabs.onUpdated.removeListener(onUpdated);
    browser.runtime.onMessage.removeListener(onMessage);
  };
  markOpen('early-scan-start');
  state.replies = firstTabId(search)
    .then((tabId) => {
      if (tabId === undefined) return undefined;
      state.tabId = tabId;
      return askAllFramesRaw(tabId, { type: 'scan' }, []);
    })
    .then(
      (replies) => (markOpen('early-scan-done'), replies),
      // A tab that cannot be read (no access, a browser page, the panel itself): the view's own scan says why.
      () => undefined,
    );
  early = state;
  // Not taken in time: let go of the listeners.
  setTimeout(() => {
    if (early === state) dropEarlyScan();
  }, EARLY_SCAN_TTL_MS);
}

/**
 * The early scan's replies for `tabId`, once (undefined when there is none for that tab, it failed, it is too old,
 * or the tab changed since it was asked for: then the caller scans). The caller must start watching the tab for
 * changes in the same task, as the Questions view does (its watch effect runs in the same commit as its first scan).
 */
export async function takeEarlyScan(tabId: number, now: () => number = () => performance.now()): Promise<RawFrameReplies | undefined> {
  const state = early;
  if (!state) return undefined;
  const replies = await state.replies;
  // Another take got there first, or the scan was for another tab (the analyst moved before the panel loaded).
  if (early !== state || state.tabId !== tabId) return undefined;
  dropEarlyScan();
  if (state.changed || now() - state.askedAt > EARLY_SCAN_TTL_MS || !replies) return undefined;
  return replies;
}

/** Forgets the early scan and stops watching for its changes. */
export function dropEarlyScan(): void {
  early?.stop();
  early = undefined;
}
