// The content script: registered for the portal hosts (all frames) and injected on demand into any other page
// the analyst picks (lib/messaging/tab-client.ts `ensureContentScript`). It answers the panel's messages with
// the detect/fill engine and reports question changes; it never reads the library and never uses postMessage.
import { browser } from 'wxt/browser';
import { portalAdapters } from '@/lib/detect/portals';
import { PORTAL_HOST_SUFFIXES } from '@/lib/detect/portal-hosts';
import { ContentEndpoint } from '@/lib/messaging/content-endpoint';
import { startLifetime, watchLocation } from '@/lib/messaging/content-lifetime';
import { frameRole } from '@/lib/messaging/frame-role';
import { isFromExtensionPage } from '@/lib/messaging/sender-checks';
import { LOADED_FLAG } from '@/lib/messaging/tab-client';

export default defineContentScript({
  matches: PORTAL_HOST_SUFFIXES.map((suffix) => `*://*${suffix}/*`),
  allFrames: true,
  // WXT's "newer copy started" notice goes through a DOM event only, not window.postMessage.
  noScriptStartedPostMessage: true,
  // WXT's `ctx` is not used: it stops on a `document` event that page scripts can send (in a loop, to keep us
  // off). Our lifetime follows only our isolated world and the extension's runtime (content-lifetime.ts).
  main() {
    const world = globalThis as Record<string, unknown>;
    const signal = startLifetime({
      world,
      isOrphaned: () => browser.runtime?.id === undefined,
      onStop: () => {
        world[LOADED_FLAG] = false;
      },
    });
    // The flag lives in our isolated world: the panel reads it before injecting, so the script is loaded once.
    world[LOADED_FLAG] = true;
    document.documentElement.dataset.qaContent = 'loaded';

    const endpoint = new ContentEndpoint({
      doc: document,
      adapters: portalAdapters,
      role: (frames) => frameRole(window, frames),
      layout: true,
      signal,
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
    signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onMessage), { once: true });
    // Single-page apps change the URL without a reload: re-read the page once the new view is in.
    watchLocation(window, signal, () => {
      const timer = setTimeout(() => endpoint.rescanAndNotify(), 300);
      signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
    });
  },
});
