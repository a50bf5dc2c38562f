// "Fill all high-confidence…" clicked while matching still runs (a large team library, a long page): the preview
// waits for every question's proposals, then offers exactly what it offers once matching is over, and the page
// ends up with that many answers.
import type { Page } from '@playwright/test';
import { buildBenchPage } from '../bench/panel.bench';
import { bigLibraryExport } from './support/big-library';
import { test, expect as baseExpect } from './support/extension';
import { importSampleAsTeamLibrary } from './support/team-library';

const expect = baseExpect.configure({ timeout: 60_000 });
test.describe.configure({ timeout: 400_000 });

const QUESTIONS = 300;
const EXTRA_ENTRIES = 6_000;
const CANCEL_ENTRIES = 20_000;

/** How many of the page's fields hold a value, read from the page itself. */
function filledFields(page: Page): Promise<number> {
  return page.evaluate(() => Array.from(document.querySelectorAll<HTMLTextAreaElement | HTMLSelectElement>('form textarea, form select')).filter((f) => f.value !== '').length);
}

async function previewCount(panel: Page): Promise<number> {
  const heading = panel.locator('.bulk-preview').getByRole('heading', { level: 2 });
  await expect(heading).toHaveText(/^Fill \d+ high-confidence answers?\?$/, { timeout: 120_000 });
  return Number(/Fill (\d+)/.exec((await heading.textContent()) ?? '')![1]);
}

test('bulk fill clicked while matching runs waits for matching and previews every high-confidence answer', async ({ context, extensionId, portalUrl, openPanel }) => {
  await importSampleAsTeamLibrary(context, extensionId, bigLibraryExport(EXTRA_ENTRIES).entries);
  const url = portalUrl('servicenow', '/bench/bulk-while-matching.html');
  await context.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: buildBenchPage(QUESTIONS) }));
  const page = await context.newPage();
  await page.goto(url);
  const panel = await openPanel(page);

  // Click as soon as the rows show: matching is still running then (the precondition of this test).
  await expect(panel.getByTestId('page-summary')).toHaveText(new RegExp(`^${QUESTIONS} detected`), { timeout: 120_000 });
  const progress = panel.getByTestId('matching-progress');
  await expect(progress).toBeVisible();
  await panel.getByRole('button', { name: 'Fill all high-confidence…' }).click();
  const early = await previewCount(panel);

  // The same preview opened once matching is over: the early one must have counted the same.
  await panel.locator('.bulk-preview').getByRole('button', { name: 'Cancel' }).click();
  await expect(progress).toHaveCount(0, { timeout: 120_000 });
  await panel.getByRole('button', { name: 'Fill all high-confidence…' }).click();
  const settled = await previewCount(panel);
  expect(settled).toBeGreaterThan(0);
  expect(early).toBe(settled);

  // Nothing is on the page before the confirmation; afterwards exactly the previewed answers are.
  expect(await filledFields(page)).toBe(0);
  await panel.locator('.bulk-preview').getByRole('button', { name: /^Fill \d+ answers?$/ }).click();
  await expect(panel.locator('.notice')).toHaveText(new RegExp(`^Filled ${settled} of ${settled} answers\\.`), { timeout: 120_000 });
  expect(await filledFields(page)).toBe(settled);
});

test('the preview waiting for matching can be cancelled', async ({ context, extensionId, portalUrl, openPanel }) => {
  // A library large enough that reading it, building its index and matching still run when Cancel is clicked on a
  // quiet machine (at 6,000 entries the index was built and matched before the click in 3 of 5 runs).
  await importSampleAsTeamLibrary(context, extensionId, bigLibraryExport(CANCEL_ENTRIES).entries);
  const url = portalUrl('servicenow', '/bench/bulk-cancel-while-matching.html');
  await context.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: buildBenchPage(QUESTIONS) }));
  const page = await context.newPage();
  await page.goto(url);
  const panel = await openPanel(page);
  await expect(panel.getByTestId('page-summary')).toHaveText(new RegExp(`^${QUESTIONS} detected`), { timeout: 120_000 });
  await expect(panel.getByTestId('matching-progress')).toBeVisible();
  await panel.getByRole('button', { name: 'Fill all high-confidence…' }).click();
  const waiting = panel.getByTestId('bulk-matching');
  await expect(waiting).toContainText(new RegExp(`Matching… \\d+ of ${QUESTIONS} questions`));
  await waiting.getByRole('button', { name: 'Cancel' }).click();
  await expect(waiting).toHaveCount(0);
  await expect(panel.getByRole('button', { name: 'Fill all high-confidence…' })).toBeEnabled();
  // Matching finishing later opens nothing by itself.
  await expect(panel.getByTestId('matching-progress')).toHaveCount(0, { timeout: 120_000 });
  await expect(panel.locator('.bulk-preview')).toHaveCount(0);
  expect(await filledFields(page)).toBe(0);
});
