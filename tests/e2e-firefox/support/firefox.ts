// Firefox fixtures: Debian's firefox-esr driven by puppeteer-core over WebDriver BiDi (Playwright cannot drive a
// stock Firefox), the e2e Firefox build installed as a temporary add-on, and the fixture server. Every host name
// resolves to 127.0.0.1 (network.dns.forceResolve), so portal fixtures are served under their real host names as in
// the Chromium suite. The runner is Playwright Test; the browser is driven with puppeteer-core's API.
import { test as base, expect } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { startFixtureServer } from '../../e2e/support/server';
import { HOSTS } from '../../e2e/support/extension';
import { findFirefox } from '../../support/find-firefox';

export const FIREFOX_EXTENSION_DIR = resolve(import.meta.dirname, '../../..', process.env.QA_OUT_DIR ?? '.output', 'firefox-mv2-e2e');
/** The add-on id from the manifest; its moz-extension:// host is pinned below so tests can open its pages. */
const ADDON_ID = 'questionnaire-autofill@example.org';
export const EXTENSION_UUID = '3f6f0f55-8f3c-4c55-9a0a-6d1c2f6b7a10';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

export async function launchFirefox(): Promise<Browser> {
  if (!existsSync(FIREFOX_EXTENSION_DIR)) throw new Error(`Build the Firefox e2e extension first (npm run build:e2e): ${FIREFOX_EXTENSION_DIR} is missing`);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: true,
    // The fixture server's self-signed certificate (HSTS-preloaded hosts such as *.onetrust.com are https-only).
    acceptInsecureCerts: true,
    args: ['--remote-allow-system-access'],
    defaultViewport: { width: 1280, height: 900 },
    extraPrefsFirefox: {
      'network.dns.forceResolve': '127.0.0.1',
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: EXTENSION_UUID }),
      // No first-run pages, update checks or telemetry pings against a closed network.
      'browser.shell.checkDefaultBrowser': false,
      'app.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
    },
  });
  await browser.installExtension(FIREFOX_EXTENSION_DIR);
  return browser;
}

/**
 * Go to a URL and wait for `ready` (a selector). Puppeteer's BiDi navigation does not see moz-extension:// loads
 * finish, so every navigation waits on the page's own state instead.
 */
export async function open(page: Page, url: string, ready: string): Promise<void> {
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 15_000 }).catch(() => undefined);
  await page.waitForSelector(ready, { timeout: 60_000 });
}

/** The text content of the first element matching `selector` whose text matches `pattern`, once there is one. */
export async function waitForText(page: Page, selector: string, pattern: RegExp, timeout = 60_000): Promise<string> {
  const matching = await page
    .waitForFunction(
      (sel, source, flags) => Array.from(document.querySelectorAll(sel)).find((el) => new RegExp(source, flags).test(el.textContent ?? '')) ?? false,
      { timeout, polling: 100 },
      selector,
      pattern.source,
      pattern.flags,
    )
    .catch(async (e: unknown) => {
      // Say what was there instead: a timeout alone does not tell a wrong text from a missing element.
      const seen = await page.$$eval(selector, (els) => els.map((el) => el.textContent ?? '')).catch(() => []);
      // And what the page says: an alert, a status line or a still-open preview explains a missing element.
      const said = await page
        .$$eval('[role=alert], [role=status], .library-preview h3, button:disabled', (els) =>
          els.map((el) => `${el.tagName === 'BUTTON' ? 'disabled button: ' : ''}${(el.textContent ?? '').trim().slice(0, 200)}`).filter((t) => t.length > 0),
        )
        .catch(() => []);
      throw new Error(
        `No ${selector} matched ${pattern} within ${timeout} ms; seen: ${JSON.stringify(seen)}; the page says: ${JSON.stringify(said)} (${e instanceof Error ? e.message : String(e)})`,
      );
    });
  return page.evaluate((el) => (el as unknown as Element).textContent ?? '', matching);
}

/** The first `selector` element (inside `within`, when given) whose text matches `text`. */
export async function byText(page: Page, selector: string, text: RegExp, within?: ElementHandle<Element>): Promise<ElementHandle<Element>> {
  const handle = await page.waitForFunction(
    (root, sel, source, flags) =>
      Array.from((root ?? document).querySelectorAll(sel)).find((el) => new RegExp(source, flags).test(el.textContent ?? '')) ?? false,
    { timeout: 60_000, polling: 100 },
    within ?? null,
    selector,
    text.source,
    text.flags,
  );
  return handle as ElementHandle<Element>;
}

/** The question card whose heading matches `text`, scrolled into view (the list is virtualised). */
export async function card(panel: Page, text: RegExp): Promise<ElementHandle<Element>> {
  const handle = await panel.waitForFunction(
    (source, flags) => {
      const re = new RegExp(source, flags);
      const found = Array.from(document.querySelectorAll('article.card')).find((c) => re.test(c.querySelector('h3, h2, [role=heading]')?.textContent ?? c.textContent ?? ''));
      if (found) return found;
      const list = document.querySelector('[aria-label="Detected questions"]');
      list?.scrollBy({ top: (list as HTMLElement).clientHeight * 0.7 });
      return false;
    },
    { timeout: 60_000, polling: 200 },
    text.source,
    text.flags,
  );
  const el = handle as ElementHandle<Element>;
  await el.evaluate((c) => c.scrollIntoView({ block: 'center' }));
  return el;
}

/**
 * Click the button named `name` (its text) inside `within` or the page, as a real user click, once it is enabled: a
 * click on a disabled button is dropped without a word (Apply import is disabled while ticking "Remove the sample
 * entries" re-plans the import, which takes longer on a busy machine), and Playwright's own click waits the same way.
 */
export async function clickButton(page: Page, name: RegExp, within?: ElementHandle<Element>): Promise<void> {
  const button = await byText(page, 'button:not(:disabled)', name, within);
  await button.click();
}

const SAMPLE_FILE = resolve(import.meta.dirname, '../../../public/sample-library.json');

/**
 * The team library arriving: the bundled sample's answers imported as the team's own export through the Library
 * view, with "Remove the sample entries" ticked. Tests that bulk-fill need it: sample entries are never bulk-filled.
 */
export async function importSampleAsTeamLibrary(firefox: Browser): Promise<void> {
  const library = JSON.parse(readFileSync(SAMPLE_FILE, 'utf8')) as { entries: unknown[] };
  const file = join(mkdtempSync(join(tmpdir(), 'qa-team-')), 'team-library.json');
  writeFileSync(file, JSON.stringify({ ...library, source: 'Team export' }));
  const page = await firefox.newPage();
  await open(page, `${EXTENSION_ORIGIN}/sidepanel.html`, '[role=tablist]');
  await clickButton(page, /^Library$/);
  // The first-run sample is in place, so the import replaces it rather than racing it.
  await page.waitForSelector('.library-sample-line', { timeout: 60_000 });
  const input = (await page.waitForSelector('input[type=file]')) as ElementHandle<HTMLInputElement>;
  await input.uploadFile(file);
  const remove = await byText(page, 'label', /Remove the \d+ sample entries/);
  await remove.click();
  await clickButton(page, /^Apply import$/);
  await waitForText(page, '.library-counts', new RegExp(`of ${library.entries.length} entries shown`));
  await page.waitForFunction(() => !document.querySelector('.library-sample-line'), { timeout: 60_000, polling: 100 });
  await page.close();
}

type Fixtures = {
  firefox: Browser;
  portalUrl: (host: keyof typeof HOSTS, path: string) => string;
  /** Open the panel page as a tab that works on the tab showing `target`. */
  openPanel: (target: Page) => Promise<Page>;
};

export const test = base.extend<Fixtures, { serverPort: number }>({
  serverPort: [
    async ({}, use) => {
      const server = await startFixtureServer();
      await use(server.port);
      await server.close();
    },
    { scope: 'worker' },
  ],
  firefox: async ({}, use) => {
    const browser = await launchFirefox();
    await use(browser);
    await browser.close();
  },
  portalUrl: async ({ serverPort }, use) => {
    await use((host, path) => `${host === 'onetrust' ? 'https' : 'http'}://${HOSTS[host]}:${serverPort}${path.startsWith('/') ? path : `/${path}`}`);
  },
  openPanel: async ({ firefox }, use) => {
    await use(async (target) => {
      const panel = await firefox.newPage();
      await open(panel, `${EXTENSION_ORIGIN}/sidepanel.html`, '[role=tablist]');
      const url = target.url();
      const tabId = await panel.evaluate(async (u) => (await browser.tabs.query({})).find((t) => t.url === u)?.id ?? -1, url);
      if (tabId < 0) throw new Error(`no tab found for ${url}`);
      await target.bringToFront();
      await open(panel, `${EXTENSION_ORIGIN}/sidepanel.html?tab=${tabId}`, '[data-testid=page-summary]');
      return panel;
    });
  },
});

export { expect };
