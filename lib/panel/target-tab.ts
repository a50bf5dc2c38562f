// Which browser tab the panel works on, and which tab events mean "scan it again". (Content messages are
// validated and sender-checked by lib/messaging/tab-client.ts onQuestionsChanged.)

/** The `?tab=<id>` of the panel URL (used when the panel page is opened as a tab, as the e2e tests do). */
export function tabFromSearch(search: string): number | undefined {
  const raw = new URLSearchParams(search).get('tab');
  if (raw === null || !/^\d+$/.test(raw)) return undefined;
  return Number(raw);
}

/** A tabs.onUpdated change that means the page is new or finished loading, so the panel scans it again. */
export function isPageChange(change: { status?: string; url?: string }): boolean {
  return change.status === 'complete' || change.url !== undefined;
}

/** What the panel can do with a tab: read and fill it, not read it (no host access yet), or never (a browser page). */
export type TabAccess = 'page' | 'no-access' | 'browser-page';

/** The tab the panel works on, as the analyst sees it named in the panel. */
export interface TargetTab {
  id: number;
  access: TabAccess;
  /** "<title> — <host>", or what can be said when the extension may not read the tab. */
  label: string;
}

/**
 * A tab as the panel names it. Without host access (no portal host, no toolbar click yet) the browser hides the
 * tab's URL and title from the extension, so an unknown URL means "no access".
 */
export function describeTab(tab: { id: number; url?: string; title?: string }): TargetTab {
  if (!tab.url) return { id: tab.id, access: 'no-access', label: 'A site the extension may not read yet' };
  let parsed: URL | undefined;
  try {
    parsed = new URL(tab.url);
  } catch {
    parsed = undefined;
  }
  if (!parsed || !['http:', 'https:', 'file:'].includes(parsed.protocol)) {
    return { id: tab.id, access: 'browser-page', label: tab.title ? `${tab.title} — ${tab.url}` : tab.url };
  }
  const host = parsed.protocol === 'file:' ? 'local file' : parsed.host;
  return { id: tab.id, access: 'page', label: `${tab.title?.trim() || 'Untitled page'} — ${host}` };
}

/**
 * The tab the panel works on next: the one the analyst activated, except while a fill runs on the current one,
 * which stays with its tab (the panel moves when it ends). The same tab with a new title or URL is taken as is.
 */
export function nextWorkingTab(current: TargetTab | undefined, wanted: TargetTab | undefined, fillRunning: boolean): TargetTab | undefined {
  if (!fillRunning || !current || wanted?.id === current.id) return wanted;
  return current;
}

/** After the panel moves to another tab, keys act only once that tab's questions have been on screen this long. */
export const KEYS_SETTLE_MS = 1000;

/** When the panel first showed the questions of a tab (ms since the epoch). */
export interface ShownTab {
  tabId: number;
  at: number;
}

/**
 * Why a key press must not act now, or undefined when it may: the panel has not yet shown the questions of the
 * tab it works on (it just moved there, or is still reading it), or showed them too briefly for the analyst to
 * have seen which tab the next key would fill.
 */
export function keysPausedReason(shown: ShownTab | undefined, target: TargetTab | undefined, now: number): string | undefined {
  if (!target) return 'There is no tab to work on.';
  if (!shown || shown.tabId !== target.id) return `The panel is switching to “${target.label}”: keys act once its questions are shown.`;
  if (now - shown.at < KEYS_SETTLE_MS) return `The panel just switched to “${target.label}”: check it is the questionnaire you mean, then press the key again.`;
  return undefined;
}
