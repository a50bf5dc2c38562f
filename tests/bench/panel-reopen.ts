// Reopening the side panel with the match index persisted (lib/db/index-cache.ts): a 5,000-entry library, a
// 300-question page, the panel opened again and again; time from opening to every proposal shown, with the
// earlier designs, alternated: the page's scan asked for by the Questions view only, not by the panel's first
// module (`?scan=late`), the matching worker started by the services instead of the panel's first module
// (`?worker=late`), the panel reading every entry and sending them to the worker (`?open=panel-reads`), every
// question matched again (`?open=previous`), the index built on every opening (`?index=rebuild`), and with
// REOPEN_BASE_DIR another build. Used by panel.bench.ts (`PANEL_BENCH=reopen` runs only this; REOPEN_RUNS sets the
// openings per design, REOPEN_DESIGNS which designs, REOPEN_MARKS=each prints every opening's marks); needs the e2e build. Prints the load average before and after.
import { HOSTS, launchWithExtension } from '../e2e/support/extension';
import type { Page } from '@playwright/test';
import { importThroughLibraryView, observeMainThread, scaleLibrary, scalePage } from './panel-scale';
import { OPEN_MARK_PREFIX } from '../../lib/panel/open-marks';
import { waitForOpeningEnd } from './opening-end';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';

/** The machine's 1-minute load average, as the figures are read beside it. */
const loadAverage = () => loadavg()[0]!.toFixed(1);

const ENTRIES = 5_000;
const QUESTIONS = 300;
const RUNS = Number(process.env.REOPEN_RUNS ?? 5);
const TARGET_MS = 300;

/** One build of the extension in its own browser, its library imported and the bench page open. */
interface Build {
  /** Opens the panel with `query`; done when the summary reads `summary` (default: the page counted) with matching over. */
  openOnce(query: string, summary?: string): Promise<Opening>;
  /** When the stored index was written (read from an extension page, whose origin owns the database). */
  savedAt(): Promise<string | undefined>;
  close(): Promise<void>;
}

async function prepareBuild(extensionDir: string | undefined, entries: ReturnType<typeof scaleLibrary>): Promise<Build> {
  const context = await launchWithExtension([], extensionDir);
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(sw.url()).host;
  await importThroughLibraryView(context, extensionId, entries);
  const url = `http://${HOSTS.servicenow}/bench/reopen-${QUESTIONS}.html`;
  const html = scalePage(entries, QUESTIONS);
  await context.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: html }));
  const page = await context.newPage();
  await page.goto(url);
  const tabId = await sw.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id ?? -1, url);
  if (tabId < 0) throw new Error('bench page tab not found');
  return {
    async openOnce(query, summary) {
      const panel = await context.newPage();
      await panel.addInitScript(observeMainThread);
      const start = performance.now();
      await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tab=${tabId}${query}`);
      // Done when the summary says what a finished opening said (every proposal counted), and matching stopped: seen
      // in the page as React commits it (Playwright's locator waits poll every 500 ms after the first 270 ms and
      // added up to 500 ms to every opening, see opening-end.ts).
      const end = await waitForOpeningEnd(panel, summary ?? `${QUESTIONS} detected`);
      const ms = performance.now() - start;
      const text = (await panel.getByTestId('page-summary').textContent()) ?? '';
      const { marks, longest } = await readOpening(panel);
      marks['end-committed'] = end.committed;
      marks['end-frame'] = end.frame;
      await panel.close();
      return { ms, summary: text, marks, longest };
    },
    async savedAt() {
      const probe = await context.newPage();
      await probe.goto(`chrome-extension://${extensionId}/sidepanel.html`);
      const at = await probe.evaluate(
        () =>
          new Promise<string | undefined>((resolve) => {
            const open = indexedDB.open('questionnaire-autofill-match-index');
            open.onerror = () => resolve(undefined);
            open.onsuccess = () => {
              const db = open.result;
              if (!db.objectStoreNames.contains('indexes')) return resolve(undefined);
              const get = db.transaction('indexes').objectStore('indexes').get('library');
              get.onsuccess = () => resolve((get.result as { savedAt?: string } | undefined)?.savedAt);
              get.onerror = () => resolve(undefined);
            };
          }),
      );
      await probe.close();
      return at;
    },
    close: () => context.close(),
  };
}

/**
 * REOPEN_BASE_DIR=.output-main (an output dir holding another build's chrome-mv3-e2e, e.g. `main` built with
 * `QA_OUT_DIR=.output-main npm run build:bench`) adds that build's default design as the design `baseline`, in its
 * own browser and profile, alternated with the others opening by opening.
 */
export async function runReopen(): Promise<void> {
  // Every fourth entry of the scale library: all subjects, scopes and forms, 5,000 entries.
  const entries = scaleLibrary().filter((_, i) => i % 4 === 0).slice(0, ENTRIES);
  const baseDir = process.env.REOPEN_BASE_DIR;
  const build = await prepareBuild(undefined, entries);
  const base = baseDir ? await prepareBuild(resolve(import.meta.dirname, '../..', baseDir, 'chrome-mv3-e2e'), entries).catch(async (e: unknown) => {
    await build.close();
    throw e;
  }) : undefined;
  try {
    // The first opening of each build builds the index and stores it; it is not timed.
    const { summary } = await build.openOnce('');
    if (base) await base.openOnce('');
    let storedAt: string | undefined;
    for (let i = 0; i < 100 && !storedAt; i++) {
      storedAt = await build.savedAt();
      if (!storedAt) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // REOPEN_DESIGNS=persisted,previous times only those (more runs in the same time).
    const only = process.env.REOPEN_DESIGNS?.split(',');
    const designs = (
      [
        ['persisted', build, ''],
        ['late-worker', build, '&worker=late'],
        ['late-scan', build, '&scan=late'],
        ['panel-reads', build, '&open=panel-reads'],
        ['previous', build, '&open=previous'],
        ['rebuild', build, '&index=rebuild'],
        ...(base ? ([['baseline', base, '']] as const) : []),
      ] as const
    ).filter(([name]) => !only || only.includes(name) || (name === 'baseline' && !!base));
    const figures: Record<string, number[]> = Object.fromEntries(designs.map(([name]) => [name, []]));
    const openings: Record<string, Opening[]> = Object.fromEntries(designs.map(([name]) => [name, []]));
    const load: string[] = [loadAverage()];
    const started = new Date().toISOString().slice(0, 16);
    // The designs that read the library themselves fingerprint it by its pages' stamps, the others by its entries:
    // their remembered proposals and stored index overwrite each other's. A design opened right after one of the other
    // kind would miss them, which no analyst reopening the panel meets, so it is first opened once untimed.
    const fingerprintKind = (name: string) => (name === 'persisted' || name === 'late-worker' || name === 'late-scan' ? 'stamps' : 'entries');
    const lastKind = new Map<unknown, string>([[build, 'stamps'], [base, 'stamps']]);
    for (let i = 0; i < RUNS; i++) {
      // Alternated, so every design sees the same machine load; the order turns every round.
      const round = designs.map((_, k) => designs[(k + i) % designs.length]!);
      for (const [name, where, query] of round) {
        if (lastKind.get(where) !== fingerprintKind(name)) await where.openOnce(query, summary);
        lastKind.set(where, fingerprintKind(name));
        const opening = await where.openOnce(query, summary);
        figures[name]!.push(opening.ms);
        openings[name]!.push(opening);
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const describe = (xs: number[]) => `median ${median(xs).toFixed(0)} ms (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)})`;
    load.push(loadAverage());
    const first = designs[0]![0];
    const reference = median(figures[first]!);
    const ratio = (name: string) => `${(median(figures[name]!) / reference).toFixed(2)}x the time of ${first}`;
    const labels: Record<string, string> = {
      persisted: `worker started first, reads the library (default)${first === 'persisted' ? ` (target <= ${TARGET_MS} ms)` : ''}`,
      'late-worker': 'worker started with the services (?worker=late)',
      'late-scan': 'scan asked by the Questions view only (?scan=late)',
      'panel-reads': 'panel reads the library (?open=panel-reads)',
      previous: 'persisted index only (?open=previous)',
      rebuild: 'rebuilt index (?index=rebuild)',
      baseline: `baseline build (${baseDir ?? ''}), its default design`,
    };
    console.log(`reopen -> all proposals shown, ${ENTRIES.toLocaleString('en-US')} entries / ${QUESTIONS} questions (${summary}), ${RUNS} runs each, from ${started} UTC, load average ${load.join(' -> ')}:`);
    for (const [name] of designs) {
      const xs = figures[name]!;
      const verdict = name === 'persisted' ? (median(xs) <= TARGET_MS ? ' OK' : ' OVER TARGET') : `, ${ratio(name)}`;
      console.log(`  ${labels[name]!.padEnd(58)} ${describe(xs)}${name === first ? (name === 'persisted' ? verdict : '') : verdict}`);
    }
    for (const [name, list] of Object.entries(openings)) if (list.length) console.log(describePhases(name, list));
    // REOPEN_MARKS=each: every opening's marks, in the order they happened (medians of each mark can mislead).
    if (process.env.REOPEN_MARKS === 'each') {
      for (const [name, list] of Object.entries(openings)) {
        for (const o of list) {
          const at = Object.entries(o.marks).sort((a, b) => a[1] - b[1]).map(([n, ms]) => `${n} ${ms.toFixed(0)}`);
          console.log(`  ${name} ${o.ms.toFixed(0)} ms: ${at.join(', ')}`);
        }
      }
    }
    // Unchanged after the reopenings: every one loaded the stored index instead of building (and storing) its own.
    const after = await build.savedAt();
    console.log(`  stored index ${storedAt ? `written once at ${storedAt}, ${after === storedAt ? 'reused by every reopening' : `rewritten (${after ?? 'gone'}): a reopening rebuilt it`}` : 'never written'}`);
  } finally {
    await build.close();
    await base?.close();
  }
}

interface Opening {
  ms: number;
  summary: string;
  /** Each opening mark (lib/panel/open-marks.ts) in ms from the panel's navigation start, the worker's included. */
  marks: Record<string, number>;
  /** The panel's longest main-thread task during the opening. */
  longest: number;
}

/** The opening's marks from the panel and its matching worker, on the panel's clock, and its longest task. */
async function readOpening(panel: Page): Promise<{ marks: Record<string, number>; longest: number }> {
  const read = () => ({
    origin: performance.timeOrigin,
    marks: performance.getEntriesByType('mark').map((m) => ({ name: m.name, at: m.startTime })),
  });
  const own = await panel.evaluate(read);
  const marks: Record<string, number> = {};
  const add = (list: { origin: number; marks: { name: string; at: number }[] }) => {
    for (const m of list.marks) if (m.name.startsWith(OPEN_MARK_PREFIX)) marks[m.name.slice(OPEN_MARK_PREFIX.length)] = list.origin + m.at - own.origin;
  };
  add(own);
  for (const worker of panel.workers()) add(await worker.evaluate(read).catch(() => ({ origin: 0, marks: [] })));
  const longest = await panel.evaluate(() => Math.max(0, ...(window as unknown as { __longTasks: { duration: number }[] }).__longTasks.map((t) => t.duration)));
  return { marks, longest };
}

/** Median time of each mark over the openings, in the order they happened, and the longest task seen. */
function describePhases(name: string, openings: Opening[]): string {
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const names = [...new Set(openings.flatMap((o) => Object.keys(o.marks)))];
  const at = names.map((n) => ({ n, ms: median(openings.flatMap((o) => (o.marks[n] === undefined ? [] : [o.marks[n]!]))) })).sort((a, b) => a.ms - b.ms);
  const longest = Math.max(...openings.map((o) => o.longest));
  return `  ${name} phases (median ms from navigation start): ${at.map((p) => `${p.n} ${p.ms.toFixed(0)}`).join(', ')}; longest panel task ${longest.toFixed(0)} ms`;
}
