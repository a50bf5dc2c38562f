// `npm run demo`: build the extension, serve the demo portal pages (the test fixtures) on localhost, and launch
// Chromium with the extension; the panel loads the sample library on first run.
// With a display (DISPLAY / WAYLAND_DISPLAY, macOS, Windows): a window opens for you to try it; `--headless`
// forces the other mode. Without one: a headless run through one questionnaire
// (scan, proposals, fill all high-confidence) writes screenshots and demo-output/report.md, and exits non-zero
// with the reason if any step fails. `--readme` also refreshes the README screenshots in docs/screenshots/.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { chromiumArgs, HOSTS } from '../tests/e2e/support/extension';
import { startFixtureServer } from '../tests/e2e/support/server';

const root = resolve(import.meta.dirname, '..');
const outDir = process.env.QA_OUT_DIR ?? '.output';
const extensionDir = join(root, outDir, 'chrome-mv3');
const reportDir = join(root, 'demo-output');
const readmeShots = join(root, 'docs/screenshots');
const hasDisplay = !!process.env.DISPLAY || !!process.env.WAYLAND_DISPLAY || process.platform === 'darwin' || process.platform === 'win32';
const headed = hasDisplay && !process.argv.includes('--headless');
const refreshReadme = process.argv.includes('--readme');

/** The questionnaire the demo walks through, and the other demo portal pages offered in the window. */
const DEMO = { host: 'servicenow', path: '/sp?id=take_survey&instance_id=3c1f2b7e1b8a4d10a6f2c9e4d7b01a5f' } as const;
const OTHER_PAGES = [
  { host: 'onetrust', path: '/app/#/assessment/response/7d2e' },
  { host: 'processunity', path: '/acme/Default.aspx?nav=assessments/vendor-questionnaire' },
] as const;

function step(message: string) {
  console.log(`demo: ${message}`);
}

function build() {
  step(`building the extension into ${outDir}/chrome-mv3`);
  const result = spawnSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'inherit', env: { ...process.env, QA_OUT_DIR: outDir } });
  if (result.status !== 0) throw new Error(`the extension build failed (exit ${result.status}); run "npx wxt build" to see why`);
}

async function launch(profile: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: !headed,
    ignoreHTTPSErrors: true,
    args: chromiumArgs(extensionDir),
    viewport: headed ? null : { width: 1280, height: 900 },
  });
}

async function openPanelFor(context: BrowserContext, page: Page): Promise<Page> {
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(sw.url()).host;
  const tabId = await sw.evaluate(async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)?.id ?? -1, page.url());
  if (tabId < 0) throw new Error(`the demo page's tab was not found (${page.url()})`);
  const panel = await context.newPage();
  if (!headed) await panel.setViewportSize({ width: 400, height: 860 });
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tab=${tabId}`);
  return panel;
}

/** The Service Portal survey starts behind an intro panel. */
async function startSurvey(page: Page) {
  const start = page.getByRole('button', { name: /get started/i });
  if (await start.isVisible().catch(() => false)) await start.click();
}

async function runHeadless(context: BrowserContext, base: (host: keyof typeof HOSTS, path: string) => string) {
  const shots: string[] = [];
  const shoot = async (panel: Page, name: string) => {
    const file = join(reportDir, name);
    await panel.screenshot({ path: file });
    shots.push(name);
  };
  const started = performance.now();
  const page = await context.newPage();
  step(`opening ${base(DEMO.host, DEMO.path)}`);
  await page.goto(base(DEMO.host, DEMO.path));
  await startSurvey(page);
  const panel = await openPanelFor(context, page);
  const summary = panel.getByTestId('page-summary');
  await summary.filter({ hasText: /[1-9]\d* detected/ }).waitFor({ timeout: 30_000 }).catch(async () => {
    throw new Error(`no questions were detected on the demo page; the panel says: "${await panel.locator('.questions-view').innerText().catch(() => '?')}"`);
  });
  const scanned = (await summary.textContent()) ?? '';
  const scanMs = performance.now() - started;
  step(`scanned: ${scanned}`);
  await shoot(panel, '01-proposals.png');

  await panel.getByRole('button', { name: 'Fill all high-confidence…' }).click();
  const confirm = panel.getByRole('button', { name: /^Fill \d+ answers$/ });
  await confirm.waitFor();
  const planned = Number(/\d+/.exec((await confirm.textContent()) ?? '')?.[0] ?? 0);
  await shoot(panel, '02-bulk-preview.png');
  if (planned === 0) throw new Error('the bulk fill preview offered no high-confidence answers for the demo questionnaire');
  await confirm.click();
  const notice = panel.locator('.notice').filter({ hasText: /Filled \d+ of \d+ answers/ });
  await notice.waitFor({ timeout: 30_000 });
  const result = (await notice.textContent()) ?? '';
  const filled = Number(/Filled (\d+)/.exec(result)?.[1] ?? 0);
  step(result);
  await shoot(panel, '03-filled.png');
  if (filled === 0) throw new Error(`nothing was filled: ${result}`);
  let filledTotal = filled;
  const afterFill = (await summary.textContent()) ?? '';

  // The survey's next page: open it from the panel and fill its high-confidence answers too.
  const pages: string[] = [];
  const nextSection = panel.getByRole('button', { name: 'Open next section' });
  while (await nextSection.isEnabled().catch(() => false)) {
    const before = (await panel.getByRole('region', { name: 'Sections' }).locator('p').textContent()) ?? '';
    await nextSection.click();
    await panel.getByRole('region', { name: 'Sections' }).locator('p').filter({ hasNotText: before }).waitFor({ timeout: 15_000 });
    await summary.filter({ hasText: / detected/ }).waitFor();
    const open = (await panel.getByRole('region', { name: 'Sections' }).locator('p').textContent()) ?? '';
    await panel.getByRole('button', { name: 'Fill all high-confidence…' }).click();
    const pageConfirm = panel.getByRole('button', { name: /^Fill \d+ answers$/ });
    await pageConfirm.waitFor();
    const offered = Number(/\d+/.exec((await pageConfirm.textContent()) ?? '')?.[0] ?? 0);
    if (offered === 0) {
      await panel.getByRole('button', { name: 'Cancel' }).click();
      pages.push(`${open}: no high-confidence answers`);
      continue;
    }
    await pageConfirm.click();
    const pageNotice = panel.locator('.notice').filter({ hasText: new RegExp(`Filled \\d+ of ${offered} answers`) });
    await pageNotice.waitFor({ timeout: 30_000 });
    const pageResult = (await pageNotice.textContent()) ?? '';
    pages.push(`${open}: ${pageResult}`);
    filledTotal += Number(/Filled (\d+)/.exec(pageResult)?.[1] ?? 0);
  }

  await panel.getByRole('tab', { name: 'History' }).click();
  await panel.locator('.history-item').first().waitFor();
  const recorded = await panel.locator('.history-item').count();
  const fills = await panel.locator('.history-item').evaluateAll((items) =>
    items.map((li) => {
      const q = li.querySelector('.history-q')?.textContent?.trim() ?? '';
      const v = li.querySelector('.history-v')?.textContent?.trim() ?? '';
      const r = li.querySelector('.history-head .badge:nth-of-type(2)')?.textContent?.trim() ?? '';
      return `- ${q} → ${v.length > 90 ? `${v.slice(0, 90)}…` : v} (${r})`;
    }),
  );
  await shoot(panel, '04-history.png');
  await page.screenshot({ path: join(reportDir, '05-portal-page.png'), fullPage: true });
  shots.push('05-portal-page.png');
  if (recorded < filledTotal) throw new Error(`the history shows ${recorded} fills but ${filledTotal} were made`);

  const report = [
    '# Demo run',
    '',
    `- Date: ${new Date().toISOString()}`,
    `- Questionnaire: ServiceNow Service Portal survey fixture (${base(DEMO.host, DEMO.path)})`,
    `- Library: the sample library (public/sample-library.json), loaded on first run`,
    `- Scan and proposals: ${scanned} (${scanMs.toFixed(0)} ms from opening the page)`,
    `- Bulk fill preview offered ${planned} high-confidence answers; ${result}`,
    `- After the fill: ${afterFill}`,
    ...pages.map((p) => `- Next page of the survey (${p})`),
    `- History: ${recorded} recorded fills`,
    '',
    '## What was filled',
    '',
    ...fills,
    '',
    '## Screenshots',
    '',
    ...shots.map((s) => `![${s}](${s})`),
    '',
  ].join('\n');
  writeFileSync(join(reportDir, 'report.md'), report);
  if (refreshReadme) {
    mkdirSync(readmeShots, { recursive: true });
    for (const s of shots.slice(0, 4)) copyFileSync(join(reportDir, s), join(readmeShots, `panel-${s}`));
    step(`README screenshots refreshed in docs/screenshots/`);
  }
  step(`report written to demo-output/report.md`);
}

async function runHeaded(context: BrowserContext, base: (host: keyof typeof HOSTS, path: string) => string) {
  for (const other of OTHER_PAGES) await (await context.newPage()).goto(base(other.host, other.path)).catch(() => undefined);
  const page = await context.newPage();
  await page.goto(base(DEMO.host, DEMO.path));
  await startSurvey(page);
  await openPanelFor(context, page);
  await page.bringToFront();
  step('Chromium is open with the demo portals. Click the extension\'s toolbar button to open the side panel');
  step('(a copy of the panel is also open in a tab). Close the browser window to end the demo.');
  await new Promise<void>((done) => context.on('close', () => done()));
}

async function main() {
  build();
  rmSync(reportDir, { recursive: true, force: true });
  mkdirSync(reportDir, { recursive: true });
  const server = await startFixtureServer();
  const base = (host: keyof typeof HOSTS, path: string) => `${host === 'onetrust' ? 'https' : 'http'}://${HOSTS[host]}:${server.port}${path}`;
  const profile = mkdtempSync(join(tmpdir(), 'qa-demo-profile-'));
  step(`demo portals served on 127.0.0.1:${server.port} under their real host names; ${headed ? 'opening a window' : 'no display: running headless'}`);
  const context = await launch(profile);
  try {
    if (headed) await runHeaded(context, base);
    else await runHeadless(context, base);
  } finally {
    await context.close().catch(() => undefined);
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`demo failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
