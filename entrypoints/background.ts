// The service worker: opens the side panel from the toolbar button. It keeps no state (it is stopped when idle);
// the side panel talks to the content script directly through lib/messaging/tab-client.ts.
import * as tabClient from '@/lib/messaging/tab-client';
import { openSidebarOnToolbarClick, type FirefoxToolbarApi } from '@/lib/panel/open-panel';

export default defineBackground(() => {
  // Open the side panel from the toolbar button; Chrome does this inside the click's user gesture.
  void browser.sidePanel?.setPanelBehavior({ openPanelOnActionClick: true });
  // Firefox has no side panel API: the toolbar button opens the sidebar.
  if (import.meta.env.FIREFOX) openSidebarOnToolbarClick(browser as unknown as FirefoxToolbarApi);
  // The e2e build exposes the panel's tab client to Playwright (sw.evaluate), so tests drive scan and fill through
  // the same code as the panel without clicking it. Production builds leave it out.
  if (import.meta.env.MODE === 'e2e') Object.assign(globalThis, { qaTabClient: tabClient });
});
