// The tab the panel works on: `?tab=<id>` when given, else the active tab of the panel's window; either way it
// follows the analyst to whichever tab they activate in that window (never to the panel page itself).
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { tabFromSearch } from '../../lib/panel/target-tab';

function isOwnPage(url: string | undefined): boolean {
  return !!url && url.startsWith(browser.runtime.getURL('/'));
}

export function useTargetTab(): number | undefined {
  const [tabId, setTabId] = useState<number | undefined>(() => tabFromSearch(location.search));

  useEffect(() => {
    let windowId: number | undefined;
    let cancelled = false;
    void browser.windows.getCurrent().then(async (win) => {
      windowId = win.id;
      if (tabFromSearch(location.search) !== undefined) return;
      const [active] = await browser.tabs.query({ active: true, windowId });
      if (!cancelled && active?.id !== undefined && !isOwnPage(active.url)) setTabId(active.id);
    });
    const onActivated = (info: { tabId: number; windowId: number }) => {
      if (info.windowId !== windowId) return;
      void browser.tabs.get(info.tabId).then((tab) => {
        if (!cancelled && !isOwnPage(tab.url)) setTabId(info.tabId);
      });
    };
    const onRemoved = (removed: number) => setTabId((current) => (current === removed ? undefined : current));
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onRemoved.addListener(onRemoved);
    return () => {
      cancelled = true;
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onRemoved.removeListener(onRemoved);
    };
  }, []);

  return tabId;
}
