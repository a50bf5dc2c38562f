// The page in one tab, as the panel sees it: typed messages to the content script in the tab's frames,
// replies parsed with zod, and change notices accepted only from that tab.
import { browser } from 'wxt/browser';
import { FillReplySchema, OkReplySchema, ScanReplySchema, type PageScan, type PanelToContent } from '../../lib/schema';
import type { ContentPort } from '../../lib/panel/ports';
import { acceptContentMessage, isPageChange } from '../../lib/panel/target-tab';

async function send(tabId: number, frameId: number | undefined, message: PanelToContent): Promise<unknown> {
  return browser.tabs.sendMessage(tabId, message, { frameId: frameId ?? 0 });
}

function problem(what: string, reply: unknown): Error {
  return new Error(`The page gave an unexpected answer to "${what}". Reload the page and re-scan. (${JSON.stringify(reply)?.slice(0, 120)})`);
}

export function createContentPort(tabId: number): ContentPort {
  return {
    async scan(): Promise<PageScan> {
      let reply: unknown;
      try {
        reply = await send(tabId, 0, { type: 'scan' });
      } catch {
        throw new Error('This page cannot be read: it is not a questionnaire the extension can reach, or it is still loading.');
      }
      const parsed = ScanReplySchema.safeParse(reply);
      if (!parsed.success) throw problem('scan', reply);
      return { ...parsed.data.scan, questions: parsed.data.scan.questions.map((q) => ({ ...q, frameId: q.frameId ?? 0 })) };
    },
    async fill(frameId, requests) {
      const reply = await send(tabId, frameId, { type: 'fill', requests });
      const parsed = FillReplySchema.safeParse(reply);
      if (!parsed.success) throw problem('fill', reply);
      return parsed.data.results;
    },
    async highlight(frameId, fieldIds, mode) {
      OkReplySchema.safeParse(await send(tabId, frameId, { type: 'highlight', fieldIds, mode }));
    },
    async scrollTo(frameId, fieldId) {
      OkReplySchema.safeParse(await send(tabId, frameId, { type: 'scroll-to', fieldId }));
    },
    async openSection(index) {
      const parsed = OkReplySchema.safeParse(await send(tabId, 0, { type: 'open-section', index }));
      if (parsed.success && !parsed.data.ok) throw new Error(parsed.data.message ?? `Section ${index + 1} could not be opened.`);
    },
    watch(onChange) {
      const onUpdated = (id: number, change: { status?: string; url?: string }) => {
        if (id === tabId && isPageChange(change)) onChange();
      };
      const onMessage = (message: unknown, sender: { id?: string; tab?: { id?: number }; frameId?: number }) => {
        if (acceptContentMessage(message, sender, tabId, browser.runtime.id)) onChange();
      };
      browser.tabs.onUpdated.addListener(onUpdated);
      browser.runtime.onMessage.addListener(onMessage);
      return () => {
        browser.tabs.onUpdated.removeListener(onUpdated);
        browser.runtime.onMessage.removeListener(onMessage);
      };
    },
  };
}
