// A browser whose extension is loaded through the DevTools protocol, so a test can reload it the way
// chrome://extensions "Reload" and an update do. (In this Chromium, chrome.runtime.reload() on an extension loaded
// with --load-extension leaves it disabled, so that path cannot be tested here.)
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { chromiumArgs, EXTENSION_DIR } from './extension';
import { findChromium } from '../../support/find-chromium';

export async function launchReloadable(): Promise<{ context: BrowserContext; load: () => Promise<string> }> {
  const args = chromiumArgs()
    .filter((a) => !a.startsWith('--load-extension') && !a.startsWith('--disable-extensions-except'))
    .concat(['--enable-unsafe-extension-debugging']);
  const context = await chromium.launchPersistentContext('', {
    executablePath: findChromium(),
    headless: true,
    ignoreHTTPSErrors: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    args,
  });
  const cdp = await context.browser()!.newBrowserCDPSession();
  const load = async () => ((await cdp.send('Extensions.loadUnpacked' as never, { path: EXTENSION_DIR } as never)) as { id: string }).id;
  return { context, load };
}

/** Opens the panel page as a tab working on `target`, looking the tab up from an extension page. */
export async function openPanelIn(context: BrowserContext, extensionId: string, target: Page): Promise<Page> {
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  const tabId = await panel.evaluate(async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)?.id ?? -1, target.url());
  if (tabId < 0) throw new Error(`no tab found for ${target.url()}`);
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tab=${tabId}`);
  return panel;
}
