// The content script: registered for the portal hosts (all frames) and injected on demand into any other page
// the analyst picks (lib/messaging/tab-client.ts `ensureContentScript`). It answers the panel's messages with
// the detect/fill engine and reports question changes; it never reads the library and never uses postMessage.
import { browser } from 'wxt/browser';
import { portalAdapters } from '@/lib/detect/portals';
import { PORTAL_HOST_SUFFIXES } from '@/lib/detect/portal-hosts';
import { ContentEndpoint } from '@/lib/messaging/content-endpoint';
import { frameRole } from '@/lib/messaging/frame-role';
import { isFromExtensionPage } from '@/lib/messaging/sender-checks';
import { LOADED_FLAG } from '@/lib/messaging/tab-client';

export default defineContentScript({
  matches: PORTAL_HOST_SUFFIXES.map((suffix) => `*://*${suffix}/*`),
  allFrames: true,
  // WXT's "newer copy started" notice goes through a DOM event only, not window.postMessage.
  noScriptStartedPostMessage: true,
  main(ctx) {
    // The flag lives in our isolated world: the panel reads it before injecting, so the script is loaded once.
    (globalThis as Record<string, unknown>)[LOADED_FLAG] = true;
    ctx.onInvalidated(() => {
      (globalThis as Record<string, unknown>)[LOADED_FLAG] = false;
    });
    document.documentElement.dataset.qaContent = 'loaded';

    const endpoint = new ContentEndpoint({
      doc: document,
      adapters: portalAdapters,
      role: frameRole(window),
      layout: true,
      signal: ctx.signal,
      notify: (message) => {
        browser.runtime.sendMessage(message).catch(() => undefined);
      },
    });
    const extensionOrigin = browser.runtime.getURL('/');
    const onMessage = (message: unknown, sender: Parameters<Parameters<typeof browser.runtime.onMessage.addListener>[0]>[1], sendResponse: (reply: unknown) => void) => {
      if (!isFromExtensionPage(sender, browser.runtime.id, extensionOrigin)) return false;
      endpoint.handle(message).then(sendResponse, (err: unknown) => sendResponse({ type: 'ok', ok: false, message: err instanceof Error ? err.message : String(err) }));
      return true;
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
    // Single-page apps change the URL without a reload: re-read the page once the new view is in.
    ctx.addEventListener(window, 'wxt:locationchange', () => ctx.setTimeout(() => endpoint.rescanAndNotify(), 300));
  },
});
