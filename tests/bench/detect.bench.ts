// Detection and fill in Chromium on a generated questionnaire of 1,000 questions (3,000 controls): full scan,
// incremental re-scan after one section is added, and filling 300 text fields with read-back. The engine
// (lib/detect + lib/fill, pure DOM) is bundled with esbuild and run in the page, as the content script runs it.
import { chromium, type Browser, type Page } from '@playwright/test';
import { bundleForPage } from '../support/bundle-for-page';
import { findChromium } from '../support/find-chromium';
const QUESTIONS = 1000;
const RUNS = 7;

/** One section of `count` questions; three controls each (radio x3, select + comment + attachment, checkbox x3). */
export function section(index: number, count: number, firstQuestion: number): string {
  let html = `<section><h2>Section ${index}: Controls area ${index}</h2><table>`;
  for (let i = 0; i < count; i++) {
    const n = firstQuestion + i;
    const text = `Question ${n}: do you operate control number ${n} across all production environments?`;
    let cell: string;
    if (n % 3 === 0) cell = ['Yes', 'No', 'N/A'].map((o) => `<label><input type="radio" name="r${n}" value="${o}">${o}</label>`).join('');
    else if (n % 3 === 1) cell = `<select name="s${n}"><option value="">-</option><option>Yes</option><option>No</option></select></td><td><textarea name="c${n}"></textarea><input type="file" name="f${n}">`;
    else cell = ['Daily', 'Weekly', 'Monthly'].map((o) => `<label><input type="checkbox" name="k${n}_${o}">${o}</label>`).join('');
    html += `<tr><td>${index}.${i + 1}</td><td>${text}</td><td>${cell}</td></tr>`;
  }
  return `${html}</table></section>`;
}

export function textSection(count: number): string {
  let html = '<section><h2>Free text</h2>';
  for (let i = 0; i < count; i++) html += `<p><label for="t${i}">Describe procedure ${i} in your own words</label><input id="t${i}" name="t${i}" style="width:400px"></p>`;
  return `${html}</section>`;
}

async function bundleEngine(): Promise<string> {
  return bundleForPage(
    `
        import { scanPage } from './lib/detect/scan-page';
        import { FieldRegistry } from './lib/detect/field-registry';
        import { fieldOwners, fillFields } from './lib/fill/fill-fields';
        import { GenericScanCache } from './lib/detect/incremental-scan';
        const registry = new FieldRegistry('bench');
        const cache = new GenericScanCache();
        let last;
        const summary = (scan) => JSON.stringify(scan.questions.map((q) => [q.key, q.text, q.kind, q.hidden ?? null]));
        window.qaBench = {
          /** The last scan against a full scan with a cache and registry of its own, field ids aside. */
          compare() {
            const fresh = scanPage(document, { adapters: [], layout: true, registry: new FieldRegistry('fresh') });
            return { incremental: summary(last), full: summary(fresh), hidden: fresh.questions.filter((q) => q.hidden).length };
          },
          scan() { const t = performance.now(); last = scanPage(document, { adapters: [], layout: true, registry, cache }); return { ms: performance.now() - t, questions: last.questions.length }; },
          rescan(dirty) { const t = performance.now(); last = scanPage(document, { adapters: [], layout: true, registry, cache, dirty }); return { ms: performance.now() - t, questions: last.questions.length }; },
          async fillText(count) {
            const fields = last.questions.filter((q) => q.kind === 'text').slice(0, count);
            const t0 = performance.now();
            const fresh = scanPage(document, { adapters: [], layout: true, registry });
            const results = await fillFields(fields.map((q, i) => ({ fieldId: q.fieldId, value: 'Answer ' + i + ': documented, reviewed yearly.', question: { key: q.key, text: q.text } })), { registry, owners: () => fieldOwners(fresh), layout: true });
            return { ms: performance.now() - t0, filled: results.filter((r) => r.status === 'filled').length, total: results.length };
          },
        };`,
    'for the bench',
  );
}

/** A page on a real (routed) origin: fill refuses opaque-origin documents such as about:blank. */
async function openPage(browser: Browser, html: string, engine: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.route('http://bench.buyer.example/**', (route) => route.fulfill({ contentType: 'text/html', body: html }));
  await page.goto('http://bench.buyer.example/questionnaire');
  await page.addScriptTag({ content: engine });
  return page;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

export async function run(): Promise<void> {
  const engine = await bundleEngine();
  const browser = await chromium.launch({ executablePath: findChromium(), headless: true });
  try {
    let body = '';
    for (let s = 0; s < 20; s++) body += section(s + 1, QUESTIONS / 20, s * (QUESTIONS / 20));
    const page = await openPage(browser, `<!doctype html><html><head><title>bench</title></head><body><form id="f">${body}<div id="more"></div></form></body></html>`, engine);
    const controls = await page.evaluate(() => document.querySelectorAll('input, select, textarea').length);

    type Timing = { ms: number; questions: number };
    const full: number[] = [];
    let found = 0;
    for (let i = 0; i < RUNS; i++) {
      const r = await page.evaluate(() => (window as unknown as { qaBench: { scan(): Timing } }).qaBench.scan());
      full.push(r.ms);
      found = r.questions;
    }

    // One section appended, as a lazy-loading portal does; the re-scan gets the added node, as the content
    // script's MutationObserver hands over a pure addition.
    const incremental: number[] = [];
    let afterIncremental = 0;
    for (let i = 0; i < RUNS; i++) {
      const html = section(100 + i, 10, 5000 + i * 10);
      const r = await page.evaluate((h) => {
        const more = document.getElementById('more')!;
        more.insertAdjacentHTML('beforeend', h);
        return (window as unknown as { qaBench: { rescan(d: Node[]): Timing } }).qaBench.rescan([more.lastElementChild!]);
      }, html);
      incremental.push(r.ms);
      afterIncremental = r.questions;
    }
    type Comparison = { incremental: string; full: string; hidden: number };
    const compare = () => page.evaluate(() => (window as unknown as { qaBench: { compare(): Comparison } }).qaBench.compare());
    const assertEqual = (c: Comparison, after: string) => {
      if (c.incremental !== c.full) throw new Error(`BENCH FAILED: after ${after}, the incremental re-scan differs from a full scan (questions, keys or hidden reasons)`);
    };
    assertEqual(await compare(), 'adding sections');
    // Untimed: visibility changes (a section hidden, an overlay shown over a field in view, a field revealed) must
    // reach the incremental re-scan too.
    await page.evaluate(() => {
      const sections = document.querySelectorAll('section');
      (sections[1] as HTMLElement).style.display = 'none';
      const field = document.querySelector('select')!.getBoundingClientRect();
      const overlay = document.createElement('div');
      Object.assign(overlay.style, { position: 'absolute', left: `${field.left + scrollX - 2}px`, top: `${field.top + scrollY - 2}px`, width: `${field.width + 4}px`, height: `${field.height + 4}px`, background: '#fff' });
      document.getElementById('more')!.append(overlay);
      (sections[2] as HTMLElement).hidden = true;
      const bench = (window as unknown as { qaBench: { rescan(d: Node[]): Timing } }).qaBench;
      bench.rescan([sections[1]!, overlay, sections[2]!]);
    });
    const afterHiding = await compare();
    assertEqual(afterHiding, 'hiding sections and covering a field');
    if (afterHiding.hidden < 1) throw new Error('BENCH FAILED: the field under the overlay was not reported hidden');
    await page.evaluate(() => {
      document.querySelectorAll('section')[2]!.hidden = false;
      const bench = (window as unknown as { qaBench: { rescan(d: Node[]): Timing } }).qaBench;
      bench.rescan([document.querySelectorAll('section')[2]!]);
    });
    assertEqual(await compare(), 'revealing a section');

    const fillPage = await openPage(browser, `<!doctype html><html><body><form>${textSection(300)}</form></body></html>`, engine);
    await fillPage.evaluate(() => (window as unknown as { qaBench: { scan(): Timing } }).qaBench.scan());
    const fill = await fillPage.evaluate(() => (window as unknown as { qaBench: { fillText(n: number): Promise<{ ms: number; filled: number; total: number }> } }).qaBench.fillText(300));

    console.log(`page: ${QUESTIONS} questions generated, ${controls} controls; detected ${found} questions`);
    console.log(`full scan: median ${median(full).toFixed(1)} ms over ${RUNS} runs (min ${Math.min(...full).toFixed(1)}, max ${Math.max(...full).toFixed(1)}); target <= 150 ms`);
    console.log(`re-scan after adding a 10-question section (incremental, ${afterIncremental} questions, equal to a full scan): median ${median(incremental).toFixed(1)} ms (min ${Math.min(...incremental).toFixed(1)}); target <= 20 ms`);
    console.log(`fill 300 text fields with read-back: ${fill.ms.toFixed(0)} ms, ${fill.filled}/${fill.total} filled; target <= 3000 ms`);
  } finally {
    await browser.close();
  }
}
