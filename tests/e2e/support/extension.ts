// Playwright fixtures: the built extension (e2e build) in Debian Chromium, a fixture server, and helpers
// to reach pages under real portal host names (mapped to 127.0.0.1 by --host-resolver-rules).
import { test as base, chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { startFixtureServer } from './server';
import { findChromium } from '../../support/find-chromium';

// QA_OUT_DIR lets parallel work build and test separate copies (QA_OUT_DIR=.output-x npm run build:e2e).
export const EXTENSION_DIR = resolve(import.meta.dirname, '../../..', process.env.QA_OUT_DIR ?? '.output', 'chrome-mv3-e2e');

/** Host names the fixtures are served under; all resolve to the local fixture server. */
export const HOSTS = {
  servicenow: 'acme.service-now.com',
  servicenowGov: 'fermi.servicenowservices.com',
  onetrust: 'app-eu.onetrust.com',
  processunity: 'app.processunity.net',
  /** A buyer's own questionnaire site: not a portal host, so the content script is injected on demand. */
  buyer: 'vendors.buyer.example',
  /** A cross-origin, non-portal host used for frames that must be refused. */
  foreign: 'ads.foreign.example',
} as const;

export function chromiumArgs(extensionDir = EXTENSION_DIR): string[] {
  const rules = Object.values(HOSTS)
    .map((h) => `MAP ${h} 127.0.0.1`)
    .concat(['MAP *.service-now.com 127.0.0.1', 'MAP *.onetrust.com 127.0.0.1', 'MAP *.processunity.net 127.0.0.1'])
    .join(', ');
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    `--host-resolver-rules=${rules}`,
    '--disable-features=HttpsUpgrades,HttpsFirstBalancedModeAutoEnable,HttpsFirstModeV2ForEngagedSites',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ];
}

/** `extensionDir` loads another build (the bench alternates a baseline build with this one). */
export async function launchWithExtension(extraArgs: string[] = [], extensionDir = EXTENSION_DIR): Promise<BrowserContext> {
  if (!existsSync(extensionDir)) throw new Error(`Build the e2e extension first (npm run build:e2e): ${extensionDir} is missing`);
  return chromium.launchPersistentContext('', {
    executablePath: findChromium(),
    headless: true,
    // The fixture server's self-signed certificate (HSTS-preloaded hosts such as *.onetrust.com are https-only).
    ignoreHTTPSErrors: true,
    args: [...chromiumArgs(extensionDir), ...extraArgs],
    viewport: { width: 1280, height: 900 },
  });
}

/** Open the side panel page as a tab that works on `target` (the panel's `?tab=` parameter names the portal tab). */
export async function openPanelTab(context: BrowserContext, sw: Worker, extensionId: string, target: Page): Promise<Page> {
  await target.bringToFront();
  const tabId = await sw.evaluate(async (url) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((t) => t.url === url)?.id ?? -1;
  }, target.url());
  if (tabId < 0) throw new Error(`no tab found for ${target.url()}`);
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tab=${tabId}`);
  return panel;
}

type WorkerFixtures = { serverPort: number };
type TestFixtures = {
  context: BrowserContext;
  sw: Worker;
  extensionId: string;
  /** URL of a fixture under one of HOSTS, e.g. portalUrl('servicenow', '/sp?id=take_survey'). */
  portalUrl: (host: keyof typeof HOSTS, path: string) => string;
  /** Open the side panel page as a tab that works on `target`. */
  openPanel: (target: Page) => Promise<Page>;
};

export const test = base.extend<TestFixtures, WorkerFixtures>({
  serverPort: [
    async ({}, use) => {
      const server = await startFixtureServer();
      await use(server.port);
      await server.close();
    },
    { scope: 'worker' },
  ],
  context: async ({}, use) => {
    const context = await launchWithExtension();
    await use(context);
    await context.close();
  },
  sw: async ({ context }, use) => {
    const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await use(sw);
  },
  extensionId: async ({ sw }, use) => {
    await use(new URL(sw.url()).host);
  },
  portalUrl: async ({ serverPort }, use) => {
    await use((host, path) => `http://${HOSTS[host]}:${serverPort}${path.startsWith('/') ? path : `/${path}`}`);
  },
  openPanel: async ({ context, extensionId, sw }, use) => {
    await use((target) => openPanelTab(context, sw, extensionId, target));
  },
});

export const expect = test.expect;
