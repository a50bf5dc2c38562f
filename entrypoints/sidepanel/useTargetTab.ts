// The tab the panel works on: `?tab=<id>` when given, else the active tab of the panel's window; either way it
// follows the analyst to whichever tab they activate in that window, including one the extension may not read
// (the panel then says so instead of pointing at the previous portal). Only the panel's own pages (the panel
// opened as a tab) are not followed, and when the target closes the panel goes back to the tab before it.
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { describeTab, tabFromSearch, type TargetTab } from '../../lib/panel/target-tab';
import { markOpen } from '../../lib/panel/open-marks';

function isOwnPage(url: string | undefined): boolean {
  return !!url && url.startsWith(browser.runtime.getURL('/'));
}

/**
 * The panel's own tab, when it is opened as a tab (undefined in the side panel). Known by its id as well as by its
 * URL: Chromium 150 gives an extension without the `tabs` permission no URL even for a tab of its own pages.
 */
const ownTabId: Promise<number | undefined> = browser.tabs.getCurrent().then(
  (tab) => tab?.id,
  () => undefined,
);

export function useTargetTab(): TargetTab | undefined {
  const [target, setTarget] = useState<TargetTab | undefined>();

  useEffect(() => {
    let windowId: number | undefined;
    let cancelled = false;
    /** The tab last asked for (activated, or gone back to): a slower read of an older one never wins. */
    let wantedId: number | undefined;
    const visited: number[] = [];
    /** Reads the tab afresh (title, URL and access change as it loads) and works on it if it is still wanted. */
    const follow = async (id: number) => {
      wantedId = id;
      const [tab, own] = await Promise.all([browser.tabs.get(id).catch(() => undefined), ownTabId]);
      if (cancelled || id !== wantedId || !tab) return;
      if (id === own || isOwnPage(tab.url)) {
        // The panel itself (opened as a tab) was activated: it works on the tab it showed before, read again (a
        // read of that tab started just before this one was dropped as outdated).
        const back = visited.at(-1);
        if (back !== undefined) void follow(back);
        return;
      }
      const at = visited.indexOf(id);
      if (at >= 0) visited.splice(at, 1);
      visited.push(id);
      markOpen('target-known');
      setTarget(describeTab({ id, url: tab.url, title: tab.title }));
    };
    const initial = tabFromSearch(location.search);
    void browser.windows.getCurrent().then(async (win) => {
      windowId = win.id;
      const [active] = await browser.tabs.query({ active: true, windowId });
      const start = initial ?? active?.id;
      if (start !== undefined && wantedId === undefined) await follow(start);
    });
    const onActivated = (info: { tabId: number; windowId: number }) => {
      if (info.windowId === windowId) void follow(info.tabId);
    };
    // The wanted tab loaded a page (or got a title): name it again, and learn whether it can be read now.
    const onUpdated = (id: number, change: { url?: string; title?: string; status?: string }) => {
      if (id === wantedId && (change.url !== undefined || change.title !== undefined || change.status === 'complete')) void follow(id);
    };
    const onRemoved = (removed: number) => {
      const at = visited.indexOf(removed);
      if (at >= 0) visited.splice(at, 1);
      if (removed !== wantedId) return;
      const back = visited.at(-1);
      if (back === undefined) setTarget(undefined);
      else void follow(back);
    };
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    browser.tabs.onRemoved.addListener(onRemoved);
    return () => {
      cancelled = true;
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.tabs.onRemoved.removeListener(onRemoved);
    };
  }, []);

  return target;
}
