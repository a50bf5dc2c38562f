import { defineConfig } from '@playwright/test';
import { findChromium } from './tests/support/find-chromium';

// Waits are on state, never on time, so generous timeouts cost nothing on an idle machine and keep the suite green
// on a loaded one (CI shares 2 cores with whatever else runs). Durations are measured by `npm run bench`.
export default defineConfig({
  workers: 2,
  fullyParallel: true,
  retries: process.env.CI ? 1 : 0,
  timeout: 120_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  use: {
    actionTimeout: 30_000,
    trace: 'retain-on-failure',
  },
  projects: [
    // The built Chrome extension in Chromium (Playwright).
    { name: 'chromium', testDir: 'tests/e2e', use: { launchOptions: { executablePath: findChromium() } } },
    // The built Firefox add-on in Firefox (puppeteer-core over WebDriver BiDi; tests/e2e-firefox/support/firefox.ts).
    { name: 'firefox', testDir: 'tests/e2e-firefox' },
  ],
});
