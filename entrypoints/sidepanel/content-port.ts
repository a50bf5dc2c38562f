// The page in one tab, as the panel sees it, through the typed tab client (lib/messaging): every frame is
// scanned and merged, fills go to the frame that owns each field, change notices come only from that tab.
import { browser } from 'wxt/browser';
import type { ContentPort } from '../../lib/panel/ports';
import { isPageChange } from '../../lib/panel/target-tab';
import { attachInFrame, fillTab, highlightInTab, onQuestionsChangedNotice, openSectionInTab, scanTab, scanTabFromReplies, scrollToField } from '../../lib/messaging/tab-client';
import { takeEarlyScan } from './early-scan';

/**
 * Fills go only to the tab the analyst is looking at: the active tab of its window, or the tab the panel shows
 * while the panel itself (opened as a tab) is the active one there. A page that opens or activates another tab
 * cannot make a key press or a bulk fill land in a tab in the background.
 */
async function assertFillable(tabId: number): Promise<void> {
  const [tab, self] = await Promise.all([browser.tabs.get(tabId), browser.tabs.getCurrent()]);
  if (tab.active) return;
  if (self?.active && self.windowId === tab.windowId) {
    const [active] = await browser.tabs.query({ active: true, windowId: tab.windowId });
    if (active?.id === self.id) return;
  }
  throw new Error('Not filled: that tab is no longer the active tab in its window. Switch back to it (the panel follows) and try again.');
}

/** "Cannot access contents of …", "… must request permission to access …": the extension has no access to the page. */
function isNoAccess(detail: string): boolean {
  return /cannot access|permission/i.test(detail);
}

export function createContentPort(tabId: number): ContentPort {
  // Frame origins the analyst allowed for this tab: kept for the life of the port (this tab in this panel).
  const allowed: string[] = [];
  return {
    async scan(options) {
      try {
        // The first plain scan of this tab takes the one the panel's first module asked for, if still current.
        const early = !options?.openLists && allowed.length === 0 ? await takeEarlyScan(tabId) : undefined;
        return await (early ? scanTabFromReplies(tabId, early) : scanTab(tabId, allowed, options));
      } catch (e) {
        const detail = e instanceof Error ? e.message : String(e);
        if (isNoAccess(detail)) throw new Error(`The extension may not read this site yet: click the toolbar button to allow this site (${detail}).`);
        throw new Error(`This page cannot be read yet: it may still be loading, or the extension has no access to it (${detail}).`);
      }
    },
    async fill(requests) {
      await assertFillable(tabId);
      return fillTab(tabId, requests, allowed);
    },
    highlight: (fieldIds, mode) => highlightInTab(tabId, fieldIds, mode, allowed),
    async scrollTo(fieldId) {
      await scrollToField(tabId, fieldId, allowed);
    },
    async openSection(index) {
      if (!(await openSectionInTab(tabId, index, allowed))) throw new Error(`Section ${index + 1} could not be opened on the page.`);
    },
    async attach(frameId, message) {
      await assertFillable(tabId);
      return attachInFrame(tabId, frameId, message, allowed);
    },
    allowFrameOrigin(origin) {
      if (!allowed.includes(origin)) allowed.push(origin);
    },
    watch(onChange) {
      const onUpdated = (id: number, change: { status?: string; url?: string }) => {
        if (id === tabId && isPageChange(change)) onChange();
      };
      browser.tabs.onUpdated.addListener(onUpdated);
      const stopQuestions = onQuestionsChangedNotice(tabId, () => onChange());
      return () => {
        browser.tabs.onUpdated.removeListener(onUpdated);
        stopQuestions();
      };
    },
  };
}
