// The incremental re-scan keeps the hidden reasons of questions a change cannot reach; this proves it never keeps
// a wrong one: after a section is hidden, an overlay is shown over a field and hidden again, a field is revealed
// and the page is scrolled, the re-scan reports exactly what a full scan reports, hidden reasons included. The
// engine runs in a plain Chromium page (tests/support/detect-engine.ts), as the content script runs it.
import { test, expect, type Page } from '@playwright/test';
import { bundleDetectEngine, type DetectEngine, type QuestionSummary } from '../support/detect-engine';

const PAGE = `<!doctype html><html><head><style>
  form { position: relative; }
  .gone { display: none; }
  .q { margin: 8px; }
  .q input { width: 300px; }
  #overlay { position: absolute; background: #fff; display: none; }
  #overlay.shown { display: block; }
  #tail { height: 2000px; }
</style></head><body><form>
  <div id="s1"><h2>Access</h2>
    <div class="q"><label for="a1">Do you enforce MFA for administrators?</label><input id="a1"></div>
    <div class="q"><label for="a2">Do you review access rights quarterly?</label><input id="a2"></div>
  </div>
  <div id="s2"><h2>Backups</h2>
    <div class="q"><label for="b1">Are backups encrypted at rest?</label><input id="b1"></div>
    <div class="q"><label for="b2">Are restores tested every year?</label><input id="b2"></div>
  </div>
  <div id="s3"><h2>Logging</h2>
    <div class="q"><label for="c1">Are security logs retained for a year?</label><input id="c1"></div>
    <div class="q gone" id="later"><label for="c2">Which SIEM collects the logs?</label><input id="c2"></div>
  </div>
  <div id="layer"><div id="overlay"></div></div>
  <div id="tail"></div>
</form></body></html>`;

type Engine = { qaDetect: DetectEngine };

async function openPage(page: Page): Promise<void> {
  await page.setViewportSize({ width: 1000, height: 700 });
  await page.setContent(PAGE);
  await page.addScriptTag({ content: await bundleDetectEngine() });
}

/** Re-scan incrementally, scan afresh, insist they agree, and return the (agreed) questions. */
async function rescanAgrees(page: Page): Promise<QuestionSummary[]> {
  const { incremental, fresh } = await page.evaluate(() => {
    const engine = (window as unknown as Engine).qaDetect;
    return { incremental: engine.incremental(), fresh: engine.fresh() };
  });
  expect(incremental).toEqual(fresh);
  return incremental;
}

const byText = (qs: QuestionSummary[], text: string) => qs.find((q) => q.text.includes(text));

test('the incremental re-scan equals a full scan while sections, overlays and fields change visibility', async ({ page }) => {
  await openPage(page);
  const first = await page.evaluate(() => (window as unknown as Engine).qaDetect.full());
  expect(first.map((q) => q.text)).toHaveLength(5);
  expect(first.every((q) => q.hidden === null)).toBe(true);

  // A section hidden: its questions go.
  await page.evaluate(() => document.getElementById('s1')!.classList.add('gone'));
  let qs = await rescanAgrees(page);
  expect(byText(qs, 'MFA')).toBeUndefined();
  expect(qs).toHaveLength(3);

  // An opaque overlay shown over one field, from a container holding no control: that field is hidden, the others
  // keep their (visible) verdicts.
  await page.evaluate(() => {
    const field = document.getElementById('b1')!.getBoundingClientRect();
    const form = document.querySelector('form')!.getBoundingClientRect();
    const overlay = document.getElementById('overlay')!;
    Object.assign(overlay.style, { left: `${field.left - form.left - 4}px`, top: `${field.top - form.top - 4}px`, width: `${field.width + 8}px`, height: `${field.height + 8}px` });
    overlay.classList.add('shown');
  });
  qs = await rescanAgrees(page);
  expect(byText(qs, 'encrypted')?.hidden).toBe('covered by another element');
  expect(byText(qs, 'restores')?.hidden).toBeNull();

  // A field revealed, and the overlay gone again (it leaves no box behind): both are seen.
  await page.evaluate(() => {
    document.getElementById('later')!.classList.remove('gone');
    document.getElementById('overlay')!.classList.remove('shown');
  });
  qs = await rescanAgrees(page);
  expect(byText(qs, 'SIEM')?.hidden).toBeNull();
  expect(byText(qs, 'encrypted')?.hidden).toBeNull();

  // The overlay shown again, then the page scrolled by itself (no mutation reports a scroll) and a change made
  // far from the field: the verdict under the overlay still follows what a full scan says.
  await page.evaluate(() => {
    document.getElementById('overlay')!.classList.add('shown');
  });
  qs = await rescanAgrees(page);
  expect(byText(qs, 'encrypted')?.hidden).toBe('covered by another element');
  await page.evaluate(() => {
    window.scrollTo(0, 40);
    document.getElementById('tail')!.textContent = 'End of the questionnaire';
  });
  qs = await rescanAgrees(page);
  expect(qs).toHaveLength(4);
});
