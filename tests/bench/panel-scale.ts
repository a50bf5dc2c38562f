// The panel at scale in the real browser: a 20,000-entry library imported through the Library view, then a
// 1,000-question page opened, scrolled, filled and re-scanned, once with the matching worker and once with the
// main-thread design (`?matcher=main`). Main-thread blocking is read from the page's own Long Tasks and Event
// Timing entries, so it is what the analyst would feel. Used by panel.bench.ts; needs the e2e build.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolve } from 'node:path';
import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { EXTENSION_DIR, HOSTS, launchWithExtension } from '../e2e/support/extension';
import { LIBRARY_FORMAT } from '../../lib/schema';
import { attributeTrace, saveTrace, startTrace } from './cpu-profile';
import { waitForOpeningEnd, waitForPanelState } from './opening-end';

interface PageTask {
  start: number;
  duration: number;
}

const ENTRIES = 20_000;
const QUESTIONS = 1_000;
const LONG_TASK_MS = 50;
const IMPORT_TARGET_MS = 3_000;

const SUBJECTS = [
  'customer data encryption at rest', 'encryption in transit', 'multi-factor authentication', 'privileged access reviews', 'audit logging',
  'log retention', 'database backups', 'backup restore testing', 'incident response', 'breach notification', 'vulnerability scanning',
  'penetration testing', 'patch management', 'endpoint protection', 'secure software development', 'code review', 'change management',
  'vendor risk assessment', 'subprocessor management', 'data retention', 'data deletion', 'data residency', 'business continuity',
  'disaster recovery', 'security awareness training', 'background checks', 'physical security', 'network segmentation', 'firewall rules',
  'intrusion detection', 'key management', 'secrets rotation', 'password policy', 'single sign-on', 'session timeout', 'mobile device management',
  'cloud configuration monitoring', 'container image scanning', 'denial of service protection', 'privacy impact assessments',
];
const SCOPES = [
  'production systems', 'employee laptops', 'the customer portal', 'internal tools', 'payment processing', 'the data warehouse', 'support tooling',
  'mobile apps', 'partner integrations', 'the public API', 'office networks', 'build pipelines', 'staging environments', 'analytics platforms',
  'email systems', 'collaboration tools', 'HR systems', 'finance systems', 'remote access', 'third-party hosting', 'archived records', 'test data',
  'machine learning models', 'identity providers', 'monitoring agents',
];
const FORMS = [
  (s: string, c: string) => `Do you have a documented process for ${s} covering ${c}?`,
  (s: string, c: string) => `How often is ${s} reviewed for ${c}?`,
  (s: string, c: string) => `Describe your controls for ${s} in ${c}.`,
  (s: string, c: string) => `Who is responsible for ${s} across ${c}?`,
  (s: string, c: string) => `Is ${s} enforced for ${c}?`,
  (s: string, c: string) => `What tooling supports ${s} within ${c}?`,
  (s: string, c: string) => `Is ${s} independently audited for ${c}?`,
  (s: string, c: string) => `How do you monitor ${s} for ${c}?`,
  (s: string, c: string) => `Are exceptions to ${s} tracked for ${c}?`,
  (s: string, c: string) => `When did you last test ${s} in ${c}?`,
  (s: string, c: string) => `Is ${s} part of onboarding for ${c}?`,
  (s: string, c: string) => `Can customers request evidence of ${s} for ${c}?`,
  (s: string, c: string) => `What metrics do you keep on ${s} for ${c}?`,
  (s: string, c: string) => `How is ${s} handled by contractors working on ${c}?`,
  (s: string, c: string) => `Is ${s} covered by your SOC 2 report for ${c}?`,
  (s: string, c: string) => `Which standard guides ${s} for ${c}?`,
  (s: string, c: string) => `How are failures of ${s} escalated for ${c}?`,
  (s: string, c: string) => `Is ${s} automated for ${c}?`,
  (s: string, c: string) => `How is ${s} documented for ${c}?`,
  (s: string, c: string) => `Does ${s} apply to legacy parts of ${c}?`,
];

interface Entry {
  id: string;
  question: string;
  answer: string;
  choice: string;
  tags: string[];
  citations: { title: string; section: string }[];
  updatedAt: string;
}

/** 40 subjects × 25 scopes × 20 question forms: 20,000 distinct, realistic wordings. */
export function scaleLibrary(): Entry[] {
  const entries: Entry[] = [];
  for (let f = 0; f < FORMS.length; f++) {
    for (let s = 0; s < SUBJECTS.length; s++) {
      for (let c = 0; c < SCOPES.length; c++) {
        const n = entries.length;
        entries.push({
          id: `scale-${String(n).padStart(5, '0')}`,
          question: FORMS[f]!(SUBJECTS[s]!, SCOPES[c]!),
          answer: `Yes. ${SUBJECTS[s]} for ${SCOPES[c]} follows our security policy, is owned by the security team and is reviewed every year; evidence is in the SOC 2 Type II report.`,
          choice: n % 3 === 0 ? 'Yes' : n % 3 === 1 ? 'No' : 'N/A',
          tags: [SUBJECTS[s]!.split(' ')[0]!, SCOPES[c]!.split(' ').at(-1)!],
          citations: [{ title: 'Information Security Policy', section: `${(s % 12) + 1}.${c % 9}` }],
          updatedAt: '2026-06-01T09:30:00Z',
        });
      }
    }
  }
  return entries;
}

/** A 1,000-question page (or `count`): library wordings as asked, reworded, or unknown, each with a reference number. */
export function scalePage(entries: readonly Entry[], count = QUESTIONS): string {
  const rows: string[] = [];
  for (let i = 0; i < count; i++) {
    const entry = entries[(i * 7919) % entries.length]!;
    const n = i + 1;
    const text = i % 3 === 1 ? `Please confirm: ${entry.question.replace(/[?.]$/, '')}?` : i % 11 === 10 ? `Describe your process for vendor item ${n}.` : entry.question;
    const head = i % 50 === 0 ? `<h2>Section ${Math.floor(i / 50) + 1}</h2>` : '';
    const field = i % 2 === 0
      ? `<select id="q${n}" name="q${n}"><option value=""></option><option>Yes</option><option>No</option><option>N/A</option></select>`
      : `<textarea id="q${n}" name="q${n}"></textarea>`;
    rows.push(`${head}<div class="q"><label for="q${n}">${n}. ${text} (ref ${n})</label>${field}</div>`);
  }
  return `<!doctype html><html><head><meta charset="utf-8"><title>Vendor review (${count} questions)</title></head><body><form>${rows.join('\n')}</form></body></html>`;
}

/** Collects the panel's long tasks and slow input events from its first script on. */
export function observeMainThread(): void {
  const target = window as unknown as { __longTasks: { start: number; duration: number }[]; __events: { name: string; start: number; duration: number }[] };
  target.__longTasks = [];
  target.__events = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) target.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) target.__events.push({ name: e.name, start: e.startTime, duration: e.duration });
    }).observe({ type: 'event', buffered: true, durationThreshold: 16 } as PerformanceObserverInit);
  } catch {
    // An old browser without these entry types: the figures say "n/a".
  }
}

interface PhaseFigures {
  ms: number;
  longest: number;
  over50: number;
  /** The time past 50 ms of every long task, summed (total blocking time): moves with a task shortened under 50 ms too. */
  blocking: number;
  /**
   * The panel renderer's main-thread task time in the phase (DevTools' `TaskDuration` metric), every task, long or
   * not: the work itself, which the load stretches less than it changes which tasks cross 50 ms.
   */
  busy: number;
  slowestEvent: number;
  /** The long tasks themselves (what the observer reported). */
  tasks: PageTask[];
  /** With PANEL_PROFILE: the functions that ran in each task over 50 ms. */
  attribution?: string[];
  /** The fill phase: how each of its fills ended (filled, failed (stale), skipped, card gone). */
  outcomes?: string[];
}

/** With PANEL_PROFILE: a CPU profile per phase, saved under `dir` and read against the phase's long tasks. */
interface Profiling {
  session: CDPSession;
  dir: string;
  label: string;
  origin: string;
  stop?: () => Promise<Parameters<typeof saveTrace>[1]>;
}

/**
 * A phase's action resolves with its end on the panel's clock (seen from inside the panel, see opening-end.ts), or
 * with nothing when the bench's own last step is its end.
 */
async function phase(panel: Page, action: () => Promise<number | void>, profiling?: Profiling, name = '', taskTime?: () => Promise<number>): Promise<PhaseFigures> {
  if (profiling && name !== 'open') profiling.stop = await startTrace(profiling.session);
  const busyBefore = (await taskTime?.()) ?? 0;
  const start = await panel.evaluate(() => performance.now());
  const ended = (await action()) ?? (await panel.evaluate(() => performance.now()));
  // Let a task still running at the end of the action land in the observer.
  await panel.waitForTimeout(300);
  const end = await panel.evaluate(() => performance.now());
  const busy = ((await taskTime?.()) ?? 0) - busyBefore;
  const { tasks, events } = await panel.evaluate(
    ([from, to]) => {
      const w = window as unknown as { __longTasks: { start: number; duration: number }[]; __events: { start: number; duration: number }[] };
      return { tasks: w.__longTasks.filter((t) => t.start >= from! && t.start < to!), events: w.__events.filter((e) => e.start >= from! && e.start < to!) };
    },
    [start, end],
  );
  const figures: PhaseFigures = {
    ms: ended - start,
    longest: Math.max(0, ...tasks.map((t) => t.duration)),
    over50: tasks.filter((t) => t.duration > LONG_TASK_MS).length,
    blocking: blockingOf(tasks),
    busy,
    slowestEvent: Math.max(0, ...events.map((e) => e.duration)),
    tasks,
  };
  if (profiling) await readProfile(profiling, name, figures);
  return figures;
}

const blockingOf = (tasks: readonly PageTask[]) => tasks.reduce((sum, t) => sum + Math.max(0, t.duration - LONG_TASK_MS), 0);

/** A profiled phase reports the trace's tasks (the Long Tasks observer is quiet under the profiler). */
async function readProfile(profiling: Profiling, name: string, figures: PhaseFigures): Promise<void> {
  const events = await profiling.stop!();
  saveTrace(join(profiling.dir, `${profiling.label}-${name}.json`), events);
  const { tasks, lines } = attributeTrace(events, profiling.origin, LONG_TASK_MS);
  figures.tasks = tasks;
  figures.longest = Math.max(0, ...tasks.map((t) => t.duration));
  figures.over50 = tasks.length;
  figures.blocking = blockingOf(tasks);
  figures.attribution = lines;
}

export interface ImportFigures {
  /** Choosing the file to the result message. */
  ms: number;
  /** Choosing the file to the preview shown (Apply offered). */
  previewMs: number;
  /** Choosing the file to the library list counting the imported entries. */
  listedMs: number;
  /** The panel's longest main-thread task meanwhile. */
  longest: number;
  /** The import's marks (lib/library/import-marks.ts, panel and worker) in ms from choosing the file. */
  marks: Record<string, number>;
}

/** The import marks of the panel and its workers, on the panel's clock, from `chosenAt` (the panel's clock). */
async function readImportMarks(panel: Page, chosenAt: number): Promise<Record<string, number>> {
  const read = () => ({ origin: performance.timeOrigin, marks: performance.getEntriesByType('mark').map((m) => ({ name: m.name, at: m.startTime })) });
  const own = await panel.evaluate(read);
  const marks: Record<string, number> = {};
  const add = (list: { origin: number; marks: { name: string; at: number }[] }) => {
    for (const m of list.marks) if (m.name.startsWith('qa:import-')) marks[m.name.slice(3)] = list.origin + m.at - own.origin - chosenAt;
  };
  add(own);
  for (const worker of panel.workers()) add(await worker.evaluate(read).catch(() => ({ origin: 0, marks: [] })));
  return marks;
}

/** Imports the library through the Library view; returns the time from choosing the file to the result message. */
export async function importThroughLibraryView(context: BrowserContext, extensionId: string, entries: readonly Entry[]): Promise<number> {
  return (await importFigures(context, extensionId, entries)).ms;
}

/** The import through the Library view, timed; `query` names a design (`?import=previous`). */
export async function importFigures(context: BrowserContext, extensionId: string, entries: readonly Entry[], query = ''): Promise<ImportFigures> {
  const panel = await context.newPage();
  await panel.addInitScript(observeMainThread);
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html${query}`);
  await panel.getByRole('tab', { name: 'Library' }).click();
  // Chosen from disk, as the analyst does: a file handed over as a buffer is decoded from base64 by a script in the
  // page, which cost ~2.5 s of main thread at 20,000 entries and is no part of the panel's import.
  const dir = mkdtempSync(join(tmpdir(), 'qa-bench-'));
  const path = join(dir, 'scale.json');
  writeFileSync(path, JSON.stringify({ format: LIBRARY_FORMAT, version: 1, exportedAt: '2026-06-01T10:00:00Z', entries }));
  const start = Date.now();
  const chosenAt = await panel.evaluate(() => performance.now());
  await panel.getByLabel('Import library file (.json, .csv, .xlsx)').setInputFiles(path, { timeout: 300_000 });
  const apply = panel.getByRole('button', { name: 'Apply import' });
  await apply.waitFor({ timeout: 120_000 });
  const previewMs = Date.now() - start;
  await apply.click({ timeout: 120_000 });
  await panel.getByText(/^Imported scale\.json: /).waitFor({ timeout: 300_000 });
  const ms = Date.now() - start;
  // The library list showing the imported entries (the sample's few beside them): the import as the analyst sees it.
  await panel.locator('.library-counts').filter({ hasText: new RegExp(`of ${String(entries.length).slice(0, -2)}\\d\\d entries shown`) }).waitFor({ timeout: 300_000 });
  const listedMs = Date.now() - start;
  const listedAt = (await panel.evaluate(() => performance.now())) - chosenAt;
  const marks = { ...(await readImportMarks(panel, chosenAt)), 'listed (bench saw it)': listedAt };
  const longest = await panel.evaluate(() => Math.max(0, ...(window as unknown as { __longTasks: { duration: number }[] }).__longTasks.map((t) => t.duration)));
  await panel.close();
  rmSync(dir, { recursive: true, force: true });
  return { ms, previewMs, listedMs, longest, marks };
}

/**
 * PANEL_BENCH=import: the 20,000-entry import in this build and in PANEL_BASE_DIR's (e.g. a build of main), round
 * by round in ABBA order (PANEL_ROUNDS, 4 by default), each into a fresh browser profile; prints each run and the
 * median time of every import mark (where the time goes) for both builds.
 */
export async function runImportAgainstBase(): Promise<void> {
  const baseDir = process.env.PANEL_BASE_DIR;
  if (!baseDir) throw new Error('PANEL_BENCH=import needs PANEL_BASE_DIR (an output dir holding the baseline chrome-mv3-e2e build)');
  const rounds = Number(process.env.PANEL_ROUNDS ?? 4);
  const entries = scaleLibrary();
  const builds = [
    { name: 'this build', dir: EXTENSION_DIR },
    { name: `baseline (${baseDir})`, dir: resolve(import.meta.dirname, '../..', baseDir, 'chrome-mv3-e2e') },
  ];
  const figures = new Map<string, ImportFigures[]>(builds.map((b) => [b.name, []]));
  const faster: boolean[] = [];
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? builds : [...builds].reverse();
    const thisRound: Record<string, number> = {};
    for (const build of order) {
      const before = load();
      const context = await launchWithExtension([], build.dir);
      try {
        const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
        const f = await importFigures(context, new URL(sw.url()).host, entries);
        figures.get(build.name)!.push(f);
        thisRound[build.name] = f.listedMs;
        console.log(`round ${round + 1}, ${build.name} (load ${before} -> ${load()}): preview ${f.previewMs} ms, imported ${f.ms} ms, listed ${f.listedMs} ms, Apply -> listed ${f.listedMs - f.previewMs} ms`);
      } finally {
        await context.close();
      }
    }
    faster.push(thisRound[builds[0]!.name]! < thisRound[builds[1]!.name]!);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(`import of ${ENTRIES.toLocaleString('en-US')} entries, median of ${rounds} (ms from choosing the file; this build faster in ${faster.filter(Boolean).length} of ${rounds} rounds):`);
  const names = [...new Set([...figures.values()].flatMap((list) => list.flatMap((f) => Object.keys(f.marks))))];
  const at = (list: ImportFigures[], n: string) => { const xs = list.flatMap((f) => (f.marks[n] === undefined ? [] : [f.marks[n]!])); return xs.length ? median(xs).toFixed(0) : '-'; };
  const [mine, base] = [figures.get(builds[0]!.name)!, figures.get(builds[1]!.name)!];
  names.sort((a, b) => Number(at(mine, a)) - Number(at(mine, b)));
  console.log(`  ${'mark'.padEnd(26)} ${'this build'.padStart(10)} ${'baseline'.padStart(10)}`);
  for (const n of names) console.log(`  ${n.padEnd(26)} ${at(mine, n).padStart(10)} ${at(base, n).padStart(10)}`);
  for (const [label, pick] of [['preview shown', (f: ImportFigures) => f.previewMs], ['Apply -> listed', (f: ImportFigures) => f.listedMs - f.previewMs], ['choose -> listed', (f: ImportFigures) => f.listedMs]] as const) {
    console.log(`  ${label.padEnd(26)} ${median(mine.map(pick)).toFixed(0).padStart(10)} ${median(base.map(pick)).toFixed(0).padStart(10)}   (${mine.map(pick).join('/')} | ${base.map(pick).join('/')})`);
  }
}

const IMPORT_RUNS = 2;

/**
 * The 20,000-entry import in each design, alternated, each into a fresh browser profile (an empty library): the
 * worker-run import beside the design before it (`?import=previous`: parsed in the worker, previewed and written
 * by the panel).
 */
export async function runImport(): Promise<void> {
  const entries = scaleLibrary();
  const designs = [['worker', ''], ['previous', '?import=previous']] as const;
  const figures: Record<string, ImportFigures[]> = { worker: [], previous: [] };
  for (let i = 0; i < IMPORT_RUNS; i++) {
    for (const [name, query] of designs) {
      const context = await launchWithExtension();
      try {
        const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
        figures[name]!.push(await importFigures(context, new URL(sw.url()).host, entries, query));
      } finally {
        await context.close();
      }
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const describe = (list: ImportFigures[]) =>
    `${median(list.map((f) => f.ms)).toFixed(0)} ms (preview shown at ${median(list.map((f) => f.previewMs)).toFixed(0)} ms; listed at ${median(list.map((f) => f.listedMs)).toFixed(0)} ms; longest panel task ${Math.max(...list.map((f) => f.longest)).toFixed(0)} ms)`;
  const worker = median(figures.worker!.map((f) => f.ms));
  const previous = median(figures.previous!.map((f) => f.ms));
  console.log(`import of ${ENTRIES.toLocaleString('en-US')} entries through the Library view (JSON, choose file -> preview -> apply -> imported), median of ${IMPORT_RUNS}, each into an empty library:`);
  console.log(`  in the worker (parse, preview, write)   ${describe(figures.worker!)} (target <= ${IMPORT_TARGET_MS} ms) ${worker <= IMPORT_TARGET_MS ? 'OK' : 'OVER TARGET'}`);
  console.log(`  previous (?import=previous)             ${describe(figures.previous!)}, ${(previous / worker).toFixed(1)}x the time of the worker import`);
}

interface DesignFigures {
  open: PhaseFigures;
  scroll: PhaseFigures;
  fill: PhaseFigures;
  rescan: PhaseFigures;
  summary: string;
}

async function measureDesign(
  context: BrowserContext,
  extensionId: string,
  tabId: number,
  matcher: 'worker' | 'main',
  profile?: { dir: string; label: string },
): Promise<DesignFigures> {
  const panel = await context.newPage();
  await panel.addInitScript(observeMainThread);
  const url = `chrome-extension://${extensionId}/sidepanel.html?tab=${tabId}${matcher === 'main' ? '&matcher=main' : ''}`;
  let profiling: Profiling | undefined;
  // The renderer's task time is read on a page of the extension's origin first: the panel's navigation stays in
  // that renderer, so the opening's work is the difference.
  await panel.goto(`chrome-extension://${extensionId}/manifest.json`);
  const metrics = await context.newCDPSession(panel);
  await metrics.send('Performance.enable');
  const taskTime = async () => {
    const { metrics: list } = await metrics.send('Performance.getMetrics');
    return (list.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
  };
  if (profile) {
    // Sampling starts on a page of the extension's own origin, so the panel's first script is in the profile.
    profiling = { session: await context.newCDPSession(panel), origin: `chrome-extension://${extensionId}/`, ...profile };
    profiling.stop = await startTrace(profiling.session);
  }
  let summary = '';
  let openedAt = 0;
  const open = await phase(panel, async () => {
    await panel.goto(url);
    // Seen from inside the panel: a locator wait polls every 500 ms after its first few polls.
    openedAt = (await waitForOpeningEnd(panel, `${QUESTIONS} detected`, 300_000)).frame;
    summary = (await panel.getByTestId('page-summary').textContent()) ?? '';
  }, undefined, 'open', taskTime);
  // Opening counts from navigation start: everything the page ran before `phase` began belongs to it.
  const openTasks = await panel.evaluate(() => (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks);
  open.tasks = openTasks;
  open.longest = Math.max(0, ...openTasks.map((t) => t.duration));
  open.over50 = openTasks.filter((t) => t.duration > LONG_TASK_MS).length;
  open.blocking = blockingOf(openTasks);
  // From the panel's navigation start to the frame that showed the last proposal.
  open.ms = openedAt;
  if (process.env.PANEL_MARKS) {
    // The opening's marks beside its long tasks: which step each task came in.
    const marks = await panel.evaluate(() => performance.getEntriesByType('mark').map((m) => `${m.name.replace(/^qa:/, '')} ${m.startTime.toFixed(0)}`));
    console.log(`    open marks: ${marks.join(', ')}`);
    console.log(`    open tasks > ${LONG_TASK_MS} ms (start+duration): ${openTasks.filter((t) => t.duration > LONG_TASK_MS).map((t) => `${t.start.toFixed(0)}+${t.duration.toFixed(0)}`).join(', ')}`);
  }
  if (profiling) await readProfile(profiling, 'open', open);

  const list = panel.locator('article.card').first();
  const scroll = await phase(panel, async () => {
    await list.hover();
    for (let i = 0; i < 20; i++) {
      await panel.mouse.wheel(0, 1200);
      await panel.waitForTimeout(50);
    }
  }, profiling, 'scroll', taskTime);
  const outcomes: string[] = [];
  const fill = await phase(panel, async () => {
    let filledAt = 0;
    for (let i = 0; i < 3; i++) {
      // CSS and text only: a role query computes accessible names over the whole list, a task of 80 ms in the panel
      // that the bench itself ran and the figures counted.
      const card = panel.locator('article.card:not(.status-filled):not(.status-edited):not(.status-failed):not(.status-skipped)').filter({ has: panel.locator('button.primary', { hasText: /^Accept & fill$/ }) }).first();
      const key = await card.getAttribute('data-key');
      const at = `article.card[data-key="${key}"]`;
      // Set before the click, so a fill quicker than the bench's next step is still seen when it lands. A fill that
      // fails, goes stale or is skipped ends the wait too, as does the card leaving the list (a re-scan renumbered it).
      const settled = waitForPanelState(panel, { present: FILL_ENDS.map((s) => `${at}${s}`).join(', '), orAbsent: at }, 60_000);
      await card.locator('button.primary', { hasText: /^Accept & fill$/ }).click();
      const end = await settled.catch(() => undefined);
      if (!end) {
        outcomes.push('no end within 60 s');
        continue;
      }
      filledAt = end.frame;
      outcomes.push(await fillOutcome(panel, at));
    }
    return filledAt;
  }, profiling, 'fill', taskTime);
  fill.outcomes = outcomes;
  const rescan = await phase(panel, async () => {
    // The button says "Scanning…" until the scan is in: seen by an observer set before the click, so a scan shorter
    // than Playwright's polling still counts and the phase never ends before React has re-rendered the click.
    await panel.evaluate(() => {
      const w = window as unknown as { __sawScanning: boolean };
      w.__sawScanning = false;
      const seen = new MutationObserver(() => {
        if ([...document.querySelectorAll('button')].some((b) => b.textContent === 'Scanning…')) {
          w.__sawScanning = true;
          seen.disconnect();
        }
      });
      seen.observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    const scanned = waitForPanelState(panel, { flag: '__sawScanning', button: 'Re-scan', absent: '[data-testid="matching-progress"]' });
    // By its text, not its role (see the fill above).
    await panel.locator('button', { hasText: /^Re-scan$/ }).click();
    return (await scanned).frame;
  }, profiling, 'rescan', taskTime);
  await panel.close();
  return { open, scroll, fill, rescan, summary };
}

/** What ends a fill's wait on its card: Filled (or Edited), Failed (a stale question is a failed fill), Skipped. */
const FILL_ENDS = [' .badge-filled', ' .badge-edited', '.status-failed', '.status-skipped'];

/** How a fill the bench started ended, in a word (with the card's reason when it failed). */
async function fillOutcome(panel: Page, at: string): Promise<string> {
  return panel.evaluate((at) => {
    const card = document.querySelector(at);
    if (!card) return 'card gone';
    const status = [...card.classList].find((c) => c.startsWith('status-'))?.slice('status-'.length) ?? 'unknown';
    const reason = card.querySelector('.failure')?.textContent?.trim();
    return status === 'failed' && reason ? `failed (${/changed since the scan/.test(reason) ? 'stale' : reason.slice(0, 60)})` : status;
  }, at);
}

/** Bytes of the JavaScript the panel's HTML loads before anything else (its scripts and module preloads). */
export function initialPanelJs(dir = EXTENSION_DIR): { bytes: number; files: string[] } {
  const html = readFileSync(join(dir, 'sidepanel.html'), 'utf8');
  const files = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+)"/g)].map((m) => m[1]!.replace(/^\//, ''));
  return { bytes: files.reduce((sum, f) => sum + statSync(join(dir, f)).size, 0), files };
}

const row = (name: string, f: PhaseFigures) =>
  `  ${name.padEnd(8)} ${f.ms.toFixed(0).padStart(7)} ms   longest task ${f.longest.toFixed(0).padStart(5)} ms   tasks > ${LONG_TASK_MS} ms: ${String(f.over50).padStart(3)}   blocking ${f.blocking.toFixed(0).padStart(4)} ms   busy ${f.busy.toFixed(0).padStart(5)} ms   slowest input event ${f.slowestEvent.toFixed(0).padStart(4)} ms`;

interface Build {
  name: string;
  dir: string;
  context: BrowserContext;
  extensionId: string;
  page: Page;
  tabId: number;
}

/** A browser with `dir`'s build, the scale library imported and the 1,000-question page open. */
async function prepareBuild(name: string, dir: string, entries: Entry[]): Promise<Build> {
  const context = await launchWithExtension([], dir);
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(sw.url()).host;
  const importMs = await importThroughLibraryView(context, extensionId, entries);
  console.log(
    `${name}: import of ${ENTRIES.toLocaleString('en-US')} entries through the Library view (JSON, choose file -> preview -> apply -> imported): ${importMs} ms ` +
      `(target <= ${IMPORT_TARGET_MS} ms) ${importMs <= IMPORT_TARGET_MS ? 'OK' : 'OVER TARGET'}`,
  );
  const url = `http://${HOSTS.servicenow}/bench/scale-${QUESTIONS}.html`;
  const html = scalePage(entries);
  await context.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: html }));
  const page = await context.newPage();
  await page.goto(url);
  const tabId = await sw.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id ?? -1, url);
  if (tabId < 0) throw new Error('bench page tab not found');
  return { name, dir, context, extensionId, page, tabId };
}

const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');

/**
 * The scale run. Environment: PANEL_BASE_DIR=.output-main (an output dir holding another build's
 * chrome-mv3-e2e, e.g. `QA_OUT_DIR=.output-main npm run build:bench` on main) alternates that build with this one,
 * round by round (PANEL_ROUNDS, 3 by default with a baseline), each in its own browser with the library imported
 * once; PANEL_MATCHERS=worker,main picks the designs (only the worker with a baseline, by default);
 * PANEL_PROFILE=dir saves a CPU profile per phase there and prints which functions ran in each task over 50 ms.
 */
export async function runScale(): Promise<void> {
  const baseDir = process.env.PANEL_BASE_DIR;
  const rounds = Number(process.env.PANEL_ROUNDS ?? (baseDir ? 3 : 1));
  const matchers = (process.env.PANEL_MATCHERS ?? (baseDir ? 'worker' : 'worker,main')).split(',') as ('worker' | 'main')[];
  const profileDir = process.env.PANEL_PROFILE ? resolve(process.env.PANEL_PROFILE) : undefined;
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const entries = scaleLibrary();
  const builds: Build[] = [];
  const figures = new Map<string, DesignFigures[]>();
  try {
    builds.push(await prepareBuild('this build', EXTENSION_DIR, entries));
    if (baseDir) builds.push(await prepareBuild(`baseline (${baseDir})`, resolve(import.meta.dirname, '../..', baseDir, 'chrome-mv3-e2e'), entries));
    for (let round = 0; round < rounds; round++) {
      // ABBA order: a load that drifts over the run weighs on both builds alike.
      const order = round % 2 === 0 ? builds : [...builds].reverse();
      for (const build of order) {
        for (const matcher of matchers) {
          await build.page.reload();
          const before = load();
          const label = `${build.name === 'this build' ? 'this' : 'base'}-${matcher}-r${round + 1}`;
          const f = await measureDesign(build.context, build.extensionId, build.tabId, matcher, profileDir ? { dir: profileDir, label } : undefined);
          const key = `${build.name}, ${matcher === 'worker' ? 'matching worker' : 'main-thread design (?matcher=main)'}`;
          figures.set(key, [...(figures.get(key) ?? []), f]);
          console.log(`round ${round + 1}, ${key}, ${ENTRIES.toLocaleString('en-US')} entries / ${QUESTIONS.toLocaleString('en-US')} questions (load ${before} -> ${load()}): ${f.summary}`);
          for (const [name, p] of [['open', f.open], ['scroll', f.scroll], ['fill x3', f.fill], ['re-scan', f.rescan]] as const) {
            console.log(row(name, p));
            if (p.outcomes?.some((o) => o !== 'filled')) console.log(`           fills ended: ${p.outcomes.join(', ')}`);
            if (p.over50 > 0) console.log(`           tasks > ${LONG_TASK_MS} ms: ${p.tasks.filter((t) => t.duration > LONG_TASK_MS).map((t) => t.duration.toFixed(0)).join(', ')}`);
            for (const line of p.attribution ?? []) console.log(line);
          }
        }
      }
    }
  } finally {
    for (const build of builds) await build.context.close();
  }
  if (rounds > 1) {
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    console.log(`medians over ${rounds} rounds (tasks > ${LONG_TASK_MS} ms, longest task, phase time; sums over the rounds of tasks > ${LONG_TASK_MS} ms and of blocking time):`);
    for (const [key, list] of figures) {
      console.log(`  ${key}`);
      for (const name of ['open', 'scroll', 'fill', 'rescan'] as const) {
        const ps = list.map((f) => f[name]);
        console.log(
          `    ${name.padEnd(7)} tasks > ${LONG_TASK_MS} ms ${String(median(ps.map((p) => p.over50))).padStart(3)} (${ps.map((p) => p.over50).join('/')})` +
            `   longest ${median(ps.map((p) => p.longest)).toFixed(0).padStart(5)} ms (${ps.map((p) => p.longest.toFixed(0)).join('/')})   ${median(ps.map((p) => p.ms)).toFixed(0).padStart(6)} ms` +
            `   sums: ${ps.reduce((n, p) => n + p.over50, 0)} tasks, blocking ${ps.reduce((n, p) => n + p.blocking, 0).toFixed(0)} ms` +
            `   main-thread task time ${median(ps.map((p) => p.busy)).toFixed(0)} ms (${ps.map((p) => p.busy.toFixed(0)).join('/')})`,
        );
      }
    }
  }
  const initial = initialPanelJs();
  console.log(`side panel initial JS: ${(initial.bytes / 1024).toFixed(1)} KB (${initial.files.join(', ')})`);
}
