// `npm run demo`: build the extension, serve the demo portal pages (the test fixtures) on localhost, and launch
// Chromium with the extension; the panel loads the sample library on first run.
// With a display (DISPLAY / WAYLAND_DISPLAY, macOS, Windows): a window opens for you to try it; `--headless`
// forces the other mode. Without one: a headless run through three questionnaires (the ServiceNow survey's
// pages, the OneTrust assessment's sections, the classic assessment in the UI16 shell): scan, proposals, fill all
// high-confidence, read back from the page's own state, history; it writes screenshots and
// demo-output/report.md, and exits non-zero with the reason if any step fails. `--readme` also refreshes the README screenshots in docs/screenshots/.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { chromiumArgs, HOSTS } from '../tests/e2e/support/extension';
import { startFixtureServer } from '../tests/e2e/support/server';
import { findChromium } from '../tests/support/find-chromium';
import { importSampleAsTeamLibrary } from '../tests/e2e/support/team-library';

const root = resolve(import.meta.dirname, '..');
const outDir = process.env.QA_OUT_DIR ?? '.output';
const extensionDir = join(root, outDir, 'chrome-mv3');
const reportDir = join(root, 'demo-output');
const readmeShots = join(root, 'docs/screenshots');
const hasDisplay = !!process.env.DISPLAY || !!process.env.WAYLAND_DISPLAY || process.platform === 'darwin' || process.platform === 'win32';
const headed = hasDisplay && !process.argv.includes('--headless');
const refreshReadme = process.argv.includes('--readme');

/** The questionnaires the headless run walks through, in order; the window mode opens them all as tabs. */
const SURVEY = { host: 'servicenow', path: '/sp?id=take_survey&instance_id=3c1f2b7e1b8a4d10a6f2c9e4d7b01a5f' } as const;
const ONETRUST = { host: 'onetrust', path: '/app/#/pia/assessment/wizard/info/5d0c8a56-9a51-4c2e-b1f3-0d7f6a2b9e41/1' } as const;
const CLASSIC = {
  host: 'servicenow',
  path: '/nav_to.do?uri=assessment_take2.do%3Fsysparm_assessable_type%3D7c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f%26sysparm_assessable_sysid%3D9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b',
} as const;
const OTHER_PAGES = [ONETRUST, CLASSIC, { host: 'processunity', path: '/acme/Default.aspx?nav=assessments/vendor-questionnaire' }] as const;

type Base = (host: keyof typeof HOSTS, path: string) => string;
/** The answers a questionnaire page holds in its own state (not the DOM the panel reads), by field. */
type PageModel = Record<string, string>;

/** The demo screenshots the README shows (as docs/screenshots/panel-<name>). */
const README_SHOTS = ['01-proposals.png', '02-bulk-preview.png', '03-filled.png', '03-leftovers.png', '04-history.png'];

const answers = (n: number) => `${n} high-confidence answer${n === 1 ? '' : 's'}`;

function step(message: string) {
  console.log(`demo: ${message}`);
}

function build() {
  step(`building the extension into ${outDir}/chrome-mv3`);
  const result = spawnSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'inherit', env: { ...process.env, QA_OUT_DIR: outDir } });
  if (result.status !== 0) throw new Error(`the extension build failed (exit ${result.status}); run "npx wxt build" to see why`);
}

async function launch(profile: string, executablePath: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath,
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

/** Service Portal survey: the AngularJS model behind both copies of the form (every page of the survey). */
function surveyModel(page: Page): Promise<PageModel> {
  return page.evaluate(() => {
    type Q = { value: unknown; add_info?: string; choices?: { label: string; selected?: boolean }[] };
    const ng = (window as unknown as { angular: { element(e: Element | null): { scope(): { c: { data: { questions: { idMap: Record<string, Q> } } } } } } }).angular;
    const out: Record<string, string> = {};
    for (const [id, q] of Object.entries(ng.element(document.getElementById('sp_survey_root')).scope().c.data.questions.idMap)) {
      const picked = (q.choices ?? []).filter((c) => c.selected).map((c) => c.label);
      out[id] = `${String(q.value ?? '')}|${q.add_info ?? ''}|${picked.join(',')}`;
    }
    return out;
  });
}

/** OneTrust: the page's own model (option answers, N/A, justifications) and Quill's getText() per editor. */
function oneTrustModel(page: Page): Promise<PageModel> {
  return page.evaluate(() => {
    const ot = (window as unknown as { __ot: { answers: Record<string, unknown>; notApplicable: Record<string, boolean>; justifications: Record<string, string>; quills: Record<string, { getText(): string }> } }).__ot;
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(ot.answers)) out[`answer:${k}`] = JSON.stringify(v);
    for (const [k, v] of Object.entries(ot.notApplicable)) out[`na:${k}`] = v ? 'true' : '';
    for (const [k, v] of Object.entries(ot.justifications)) out[`justification:${k}`] = v;
    for (const [k, q] of Object.entries(ot.quills)) out[`quill:${k}`] = q.getText().trim();
    return out;
  });
}

/** Classic assessment: what the form would post, read inside the shell's iframe#gsft_main. */
async function classicModel(page: Page): Promise<PageModel> {
  const frame = page.frame({ name: 'gsft_main' });
  if (!frame) throw new Error('the UI16 shell has no iframe#gsft_main');
  return frame.evaluate(() => {
    const out: Record<string, string> = {};
    for (const el of Array.from(document.querySelectorAll<HTMLInputElement>('[name^="ASMTQUESTION:"], [name^="ADDINFO:"]'))) {
      if ((el.type === 'radio' || el.type === 'checkbox') && !el.checked) continue;
      out[el.name] = el.value;
    }
    return out;
  });
}

/** Fields whose value the fills changed to something non-empty. */
function changedFields(before: PageModel, after: PageModel): string[] {
  return Object.keys(after).filter((k) => after[k] !== (before[k] ?? '') && after[k] !== '' && after[k] !== '||');
}

async function failures(panel: Page): Promise<string> {
  const texts = await panel.locator('article.card').filter({ has: panel.locator('.failure') }).evaluateAll((cards) =>
    cards.map((c) => `${c.querySelector('h3')?.textContent?.trim() ?? '?'}: ${c.querySelector('.failure')?.textContent?.trim() ?? ''}`),
  );
  return texts.join('; ') || 'no reason shown';
}

/** "Fill all high-confidence…" on what the panel shows now: previewed, confirmed, every answer read back as filled. */
async function fillHighConfidence(panel: Page, where: string, shoot?: (name: string) => Promise<void>): Promise<{ offered: number; filled: number; notice: string }> {
  await panel.getByRole('button', { name: 'Fill all high-confidence…' }).click();
  const confirm = panel.getByRole('button', { name: /^Fill \d+ answers?$/ });
  const none = panel.getByRole('button', { name: 'Cancel' });
  await confirm.or(none).first().waitFor({ timeout: 15_000 });
  const offered = (await confirm.isVisible()) ? Number(/\d+/.exec((await confirm.textContent()) ?? '')?.[0] ?? 0) : 0;
  await shoot?.('02-bulk-preview.png');
  if (offered === 0) {
    await none.click();
    return { offered, filled: 0, notice: 'no high-confidence answers' };
  }
  await confirm.click();
  const noticeEl = panel.locator('.notice').filter({ hasText: new RegExp(`Filled \\d+ of ${offered} answers`) });
  await noticeEl.waitFor({ timeout: 30_000 });
  const notice = (await noticeEl.textContent()) ?? '';
  const filled = Number(/Filled (\d+)/.exec(notice)?.[1] ?? 0);
  if (filled < offered) throw new Error(`${where}: ${notice} ${await failures(panel)}`);
  return { offered, filled, notice };
}

/** "Step through every section…": each section opened, its high-confidence answers previewed and filled. */
async function stepThroughSections(panel: Page, where: string): Promise<{ offered: number; filled: number; notice: string; perSection: string[] }> {
  const bar = panel.getByRole('region', { name: 'Sections' });
  const count = Number(/(\d+) sections/.exec((await bar.locator('p').textContent()) ?? '')?.[1] ?? 0);
  if (count === 0) throw new Error(`${where}: the panel shows no sections`);
  await bar.getByRole('button', { name: 'Step through every section…' }).click();
  const preview = panel.locator('.bulk-preview');
  const perSection: string[] = [];
  let offered = 0;
  for (let i = 1; i <= count; i++) {
    const heading = preview.getByRole('heading', { level: 2 }).filter({ hasText: new RegExp(`^Section ${i} of ${count}: `) });
    await heading.waitFor({ timeout: 20_000 }).catch(async () => {
      throw new Error(`${where}: section ${i} of ${count} was not previewed; the panel says "${await panel.locator('.notice, .bulk-preview').first().innerText().catch(() => '?')}"`);
    });
    const items = await preview.getByRole('listitem').count();
    offered += items;
    const title = /^Section \d+ of \d+: (.*?)\.? Fill \d+/.exec((await heading.textContent()) ?? '')?.[1] ?? `section ${i}`;
    perSection.push(`${title}: ${items}`);
    await preview.getByRole('button', { name: /^(Fill \d+ answers?(, then next section)?|Next section|Finish)$/ }).click();
  }
  const noticeEl = panel.locator('.notice').filter({ hasText: /^(Stepped through|Stopped at)/ });
  await noticeEl.waitFor({ timeout: 30_000 });
  const notice = (await noticeEl.textContent()) ?? '';
  const filled = Number(/filled (\d+)/.exec(notice)?.[1] ?? -1);
  if (!notice.startsWith('Stepped through') || filled < offered) throw new Error(`${where}: ${notice} (${offered} were offered) ${await failures(panel)}`);
  return { offered, filled, notice, perSection };
}

async function waitForScan(panel: Page, where: string): Promise<string> {
  const summary = panel.getByTestId('page-summary');
  await summary.filter({ hasText: /[1-9]\d* detected/ }).waitFor({ timeout: 30_000 }).catch(async () => {
    throw new Error(`${where}: no questions were detected; the panel says: "${await panel.locator('.questions-view').innerText().catch(() => '?')}"`);
  });
  return (await summary.textContent()) ?? '';
}

/** The History tab's entries, newest first, as report lines. */
async function historyLines(panel: Page): Promise<string[]> {
  await panel.getByRole('tab', { name: 'History' }).click();
  await panel.locator('.history-item').first().waitFor();
  return panel.locator('.history-item').evaluateAll((items) =>
    items.map((li) => {
      const q = li.querySelector('.history-q')?.textContent?.trim() ?? '';
      const v = li.querySelector('.history-v')?.textContent?.trim() ?? '';
      const r = li.querySelector('.history-head .badge:nth-of-type(2)')?.textContent?.trim() ?? '';
      return `- ${q} → ${v.length > 90 ? `${v.slice(0, 90)}…` : v} (${r})`;
    }),
  );
}

interface Walked {
  name: string;
  url: string;
  lines: string[];
  filled: number;
}

async function runHeadless(context: BrowserContext, base: Base) {
  const shots: string[] = [];
  const shoot = async (page: Page, name: string) => {
    await page.screenshot({ path: join(reportDir, name) });
    shots.push(name);
  };
  const started = performance.now();
  const walked: Walked[] = [];
  let filledSoFar = 0;

  /** Opens one questionnaire with its panel, runs `fill`, reads the page's own state back, checks the history. */
  const walk = async (
    name: string,
    target: { host: keyof typeof HOSTS; path: string },
    prepare: (page: Page) => Promise<void>,
    model: (page: Page) => Promise<PageModel>,
    fill: (panel: Page) => Promise<{ filled: number; lines: string[] }>,
    last: (page: Page, panel: Page) => Promise<void> = async () => undefined,
  ) => {
    const t0 = performance.now();
    const url = base(target.host, target.path);
    step(`${name}: opening ${url}`);
    const page = await context.newPage();
    await page.goto(url);
    await prepare(page);
    const panel = await openPanelFor(context, page);
    const scanned = await waitForScan(panel, name);
    const scanMs = performance.now() - t0;
    step(`${name}: scanned: ${scanned}`);
    const before = await model(page);
    const { filled, lines } = await fill(panel);
    if (filled === 0) throw new Error(`${name}: nothing was filled`);
    // Read back from the page's own state, not from the panel.
    const changed = changedFields(before, await model(page));
    if (changed.length < filled) throw new Error(`${name}: ${filled} answers were filled but the page's own state holds only ${changed.length} new values`);
    filledSoFar += filled;
    const history = await historyLines(panel);
    if (history.length < filledSoFar) throw new Error(`${name}: the history shows ${history.length} fills but ${filledSoFar} were made so far`);
    await last(page, panel);
    const seconds = ((performance.now() - t0) / 1000).toFixed(1);
    step(`${name}: filled ${filled}, read back ${changed.length} new values in the page's state, history ${history.length} (${seconds} s)`);
    walked.push({
      name,
      url,
      filled,
      lines: [
        `- Scan and proposals: ${scanned} (${scanMs.toFixed(0)} ms from opening the page)`,
        ...lines,
        `- Read back: the page's own state holds ${changed.length} new values (${filled} filled; a choice with its comment box is one answer, two values)`,
        `- History: ${history.length} recorded fills in total`,
      ],
    });
    await panel.close();
    return history;
  };

  // Sample entries are never bulk-filled: the sample's answers come in as the team's export, replacing the sample.
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  step('importing the team library (the sample answers, as a team export) through the Library view');
  await importSampleAsTeamLibrary(context, new URL(sw.url()).host);

  // 1. ServiceNow Service Portal survey, both pages: the README screenshots come from here.
  await walk('ServiceNow survey', SURVEY, startSurvey, surveyModel, async (panel) => {
    // Full cards for the proposals shot; side-panel width opens in compact cards.
    const compact = panel.getByLabel('Compact cards');
    await compact.uncheck();
    await shoot(panel, '01-proposals.png');
    const first = await fillHighConfidence(panel, 'ServiceNow survey, page 1', (n) => shoot(panel, n));
    await shoot(panel, '03-filled.png');
    // The leftovers: compact cards, only the questions that need the analyst, the next one selected with n.
    await compact.check();
    await panel.getByLabel('Show questions').selectOption('attention');
    await panel.locator('body').press('n');
    await shoot(panel, '03-leftovers.png');
    await panel.getByLabel('Show questions').selectOption('all');
    const lines = [`- Page 1: bulk fill preview offered ${answers(first.offered)}; ${first.notice}`];
    let filled = first.filled;
    const bar = panel.getByRole('region', { name: 'Sections' });
    const nextSection = bar.getByRole('button', { name: 'Open next section' });
    while (await nextSection.isEnabled().catch(() => false)) {
      const before = (await bar.locator('p').textContent()) ?? '';
      await nextSection.click();
      await bar.locator('p').filter({ hasNotText: before }).waitFor({ timeout: 15_000 });
      await waitForScan(panel, 'ServiceNow survey, next page');
      const open = ((await bar.locator('p').textContent()) ?? '').replace(/^.*open: /, '');
      const next = await fillHighConfidence(panel, `ServiceNow survey, ${open}`);
      lines.push(`- ${open}: ${next.offered ? `bulk fill preview offered ${answers(next.offered)}; ${next.notice}` : next.notice}`);
      filled += next.filled;
    }
    return { filled, lines };
  }, async (page, panel) => {
    await shoot(panel, '04-history.png');
    await page.screenshot({ path: join(reportDir, '05-portal-page.png'), fullPage: true });
    shots.push('05-portal-page.png');
  });

  // 2. OneTrust assessment: the accordion stepped through section by section.
  await walk('OneTrust assessment', ONETRUST, async (page) => {
    await page.locator('aa-assessment-detail-question').first().waitFor({ timeout: 15_000 });
  }, oneTrustModel, async (panel) => {
    const r = await stepThroughSections(panel, 'OneTrust assessment');
    return { filled: r.filled, lines: [`- Stepped through every section (high-confidence answers per section: ${r.perSection.join(', ')}); ${r.notice}`] };
  }, async (_page, panel) => shoot(panel, '06-onetrust-history.png'));

  // 3. Classic assessment_take2.do inside the UI16 shell (iframe#gsft_main).
  const history = await walk('ServiceNow classic assessment (UI16)', CLASSIC, async (page) => {
    await page.frameLocator('#gsft_main').locator('#submit_assessment').waitFor({ timeout: 15_000 });
  }, classicModel, async (panel) => {
    await shoot(panel, '07-classic-proposals.png');
    const r = await fillHighConfidence(panel, 'ServiceNow classic assessment');
    return { filled: r.filled, lines: [`- Bulk fill preview offered ${answers(r.offered)}; ${r.notice}`] };
  }, async (page) => {
    await page.screenshot({ path: join(reportDir, '08-classic-page.png'), fullPage: true });
    shots.push('08-classic-page.png');
  });

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const report = [
    '# Demo run',
    '',
    `- Date: ${new Date().toISOString()}`,
    `- Library: the sample library (public/sample-library.json) loaded on first run, then its answers imported as the team's export (which removes the sample)`,
    `- ${walked.length} questionnaires, ${filledSoFar} answers filled and read back, ${seconds} s in the browser`,
    '',
    ...walked.flatMap((w) => [`## ${w.name}`, '', `${w.url}`, '', ...w.lines, '']),
    '## What was filled (the history, newest first)',
    '',
    ...history,
    '',
    '## Screenshots',
    '',
    ...shots.map((s) => `![${s}](${s})`),
    '',
  ].join('\n');
  writeFileSync(join(reportDir, 'report.md'), report);
  if (refreshReadme) {
    mkdirSync(readmeShots, { recursive: true });
    for (const s of README_SHOTS) copyFileSync(join(reportDir, s), join(readmeShots, `panel-${s}`));
    step(`README screenshots refreshed in docs/screenshots/`);
  }
  step(`done in ${seconds} s: ${walked.map((w) => `${w.name} ${w.filled}`).join(', ')} answers filled; report written to demo-output/report.md`);
}

async function runHeaded(context: BrowserContext, base: Base) {
  for (const other of OTHER_PAGES) await (await context.newPage()).goto(base(other.host, other.path)).catch(() => undefined);
  const page = await context.newPage();
  await page.goto(base(SURVEY.host, SURVEY.path));
  await startSurvey(page);
  await openPanelFor(context, page);
  await page.bringToFront();
  step('Chromium is open with the demo portals. Click the extension\'s toolbar button to open the side panel');
  step('(a copy of the panel is also open in a tab). Close the browser window to end the demo.');
  await new Promise<void>((done) => context.on('close', () => done()));
}

async function main() {
  // Before the build, so a machine without a browser learns how to get one at once.
  const executablePath = findChromium();
  build();
  rmSync(reportDir, { recursive: true, force: true });
  mkdirSync(reportDir, { recursive: true });
  const server = await startFixtureServer();
  const base = (host: keyof typeof HOSTS, path: string) => `${host === 'onetrust' ? 'https' : 'http'}://${HOSTS[host]}:${server.port}${path}`;
  const profile = mkdtempSync(join(tmpdir(), 'qa-demo-profile-'));
  step(`demo portals served on 127.0.0.1:${server.port} under their real host names; ${headed ? 'opening a window' : 'no display: running headless'}`);
  const context = await launch(profile, executablePath);
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
