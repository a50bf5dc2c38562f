// The tab the panel works on: `?tab=<id>` when given, else the active tab of the panel's window; either way it
// follows the analyst to whichever web page they activate in that window. Tabs that cannot hold a questionnaire
// (the panel itself, new-tab and browser pages) are not followed, and when the target closes the panel goes
// back to the page it worked on before.
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { tabFromSearch } from '../../lib/panel/target-tab';

function isWebPage(url: string | undefined): boolean {
  return !!url && /^(https?|file):/.test(url);
}

export function useTargetTab(): number | undefined {
  const [tabId, setTabId] = useState<number | undefined>(() => tabFromSearch(location.search));

  useEffect(() => {
    let windowId: number | undefined;
    let activeId: number | undefined;
    let cancelled = false;
    const visited: number[] = [];
    const follow = (id: number) => {
      if (cancelled) return;
      const at = visited.indexOf(id);
      if (at >= 0) visited.splice(at, 1);
      visited.push(id);
      setTabId(id);
    };
    const initial = tabFromSearch(location.search);
    if (initial !== undefined) visited.push(initial);
    void browser.windows.getCurrent().then(async (win) => {
      windowId = win.id;
      const [active] = await browser.tabs.query({ active: true, windowId });
      activeId = active?.id;
      if (initial === undefined && active?.id !== undefined && isWebPage(active.url)) follow(active.id);
    });
    const onActivated = (info: { tabId: number; windowId: number }) => {
      if (info.windowId !== windowId) return;
      activeId = info.tabId;
      void browser.tabs.get(info.tabId).then((tab) => isWebPage(tab.url) && follow(info.tabId));
    };
    // A new tab that was activated blank becomes followable once it loads a web page.
    const onUpdated = (id: number, change: { url?: string }) => {
      if (id === activeId && isWebPage(change.url)) follow(id);
    };
    const onRemoved = (removed: number) => {
      const at = visited.indexOf(removed);
      if (at >= 0) visited.splice(at, 1);
      setTabId((current) => (current === removed ? visited.at(-1) : current));
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

  return tabId;
}
