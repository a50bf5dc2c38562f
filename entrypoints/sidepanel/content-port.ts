// The page in one tab, as the panel sees it, through the typed tab client (lib/messaging): every frame is
// scanned and merged, fills go to the frame that owns each field, change notices come only from that tab.
import { browser } from 'wxt/browser';
import type { ContentPort } from '../../lib/panel/ports';
import { isPageChange } from '../../lib/panel/target-tab';
import { fillTab, highlightInTab, onQuestionsChanged, openSectionInTab, scanTab, scrollToField } from '../../lib/messaging/tab-client';

export function createContentPort(tabId: number): ContentPort {
  return {
    async scan() {
      try {
        return await scanTab(tabId);
      } catch (e) {
        const detail = e instanceof Error ? e.message : String(e);
        throw new Error(`This page cannot be read yet: it may still be loading, or the extension has no access to it (${detail}).`);
      }
    },
    fill: (requests) => fillTab(tabId, requests),
    highlight: (fieldIds, mode) => highlightInTab(tabId, fieldIds, mode),
    async scrollTo(fieldId) {
      await scrollToField(tabId, fieldId);
    },
    async openSection(index) {
      if (!(await openSectionInTab(tabId, index))) throw new Error(`Section ${index + 1} could not be opened on the page.`);
    },
    watch(onChange) {
      const onUpdated = (id: number, change: { status?: string; url?: string }) => {
        if (id === tabId && isPageChange(change)) onChange();
      };
      browser.tabs.onUpdated.addListener(onUpdated);
      const stopQuestions = onQuestionsChanged(tabId, () => onChange());
      return () => {
        browser.tabs.onUpdated.removeListener(onUpdated);
        stopQuestions();
      };
    },
  };
}
