// The fill history never loses or misstates a fill: a bulk fill interrupted by the panel closing, the extension
// reloading or a tab switch, a page that renumbers its questions mid-fill, and a frame that navigates away
// mid-fill. Each time the history equals what the page's own form holds, row for row, and the panel's counts agree.
import type { Page } from '@playwright/test';
import { test, expect } from './support/extension';
import { expectHistoryMatchesPage, formValues, readHistoryRows } from './support/history-rows';
import { launchReloadable, openPanelIn } from './support/reloadable';
import { importSampleAsTeamLibrary } from './support/team-library';
import { fillAnswersLabel } from '../../lib/panel/bulk-labels';

const SLOW_FORM = '/portals/history/slow-form.html';

async function startBulkFill(panel: Page, count: number): Promise<void> {
  await expect(panel.getByTestId('page-summary')).toHaveText(new RegExp(`^${count} detected · `), { timeout: 30_000 });
  await panel.getByRole('button', { name: 'Fill all high-confidence…' }).click();
  await panel.getByRole('button', { name: fillAnswersLabel(count) }).click();
}

function answered(page: Page): Promise<number> {
  return formValues(page).then((values) => Object.values(values).filter(Boolean).length);
}

/** Waits until the form's answers stop changing (an interrupted fill may still be writing its last field). */
async function untilFormSettles(page: Page): Promise<void> {
  let last = '';
  await expect
    .poll(
      async () => {
        const now = JSON.stringify(await formValues(page));
        const still = now === last;
        last = now;
        return still;
      },
      { intervals: [1500], timeout: 60_000 },
    )
    .toBe(true);
}

function card(panel: Page, text: RegExp) {
  return panel.locator('article.card').filter({ has: panel.getByRole('heading', { name: text }) });
}

test('the panel closed in the middle of a bulk fill: reopened, the history holds every fill the page holds and the cards are Filled with Undo', async ({ context, extensionId, portalUrl, openPanel }) => {
  test.setTimeout(120_000);
  // Sample entries are never bulk-filled: the team library replaces them.
  await importSampleAsTeamLibrary(context, extensionId);
  const page = await context.newPage();
  await page.goto(portalUrl('buyer', SLOW_FORM));
  const panel = await openPanel(page);
  await startBulkFill(panel, 6);
  await expect.poll(() => answered(page), { timeout: 30_000 }).toBeGreaterThan(0);
  await panel.close();

  // The batch already sent keeps being written by the content script.
  await expect.poll(() => answered(page), { timeout: 60_000 }).toBe(6);
  const reopened = await openPanel(page);
  await expect(reopened.getByTestId('page-summary')).toHaveText(/^6 detected · \d+ proposed · 6 filled · /, { timeout: 30_000 });
  expect(expectHistoryMatchesPage(await readHistoryRows(reopened), await formValues(page))).toBe(6);

  // Undo comes back with the history, not with the panel's memory.
  const rest = card(reopened, /encrypted at rest/);
  await expect(rest.locator('.badge-filled')).toHaveText('Filled');
  await rest.getByRole('button', { name: 'Undo fill' }).click();
  await expect(page.locator('#q-rest')).toHaveValue('');
  await expect(reopened.getByTestId('page-summary')).toHaveText(/· 5 filled · /);
  const undo = (await readHistoryRows(reopened)).filter((r) => r.undo);
  expect(undo.map((r) => [r.questionText, r.result, r.value])).toEqual([['Is customer data encrypted at rest?', 'filled', '']]);
});

test('a tab switch in the middle of a bulk fill: the fills already sent are recorded, and back on the page its cards and counts agree', async ({ context, extensionId, portalUrl, openPanel }) => {
  test.setTimeout(120_000);
  // Sample entries are never bulk-filled: the team library replaces them.
  await importSampleAsTeamLibrary(context, extensionId);
  const page = await context.newPage();
  await page.goto(portalUrl('buyer', SLOW_FORM));
  const panel = await openPanel(page);
  await startBulkFill(panel, 6);
  await expect.poll(() => answered(page), { timeout: 30_000 }).toBeGreaterThan(0);

  const other = await context.newPage();
  await other.goto(portalUrl('buyer', '/portals/generic/label-for.html'));
  await other.bringToFront();
  await expect(panel.locator('.page-title strong')).toHaveText('Supplier onboarding - security profile', { timeout: 30_000 });
  await expect.poll(() => answered(page), { timeout: 60_000 }).toBe(6);
  await expect.poll(async () => (await readHistoryRows(panel)).filter((r) => r.result === 'pending').length, { timeout: 30_000 }).toBe(0);

  await page.bringToFront();
  await expect(panel.locator('.page-title strong')).toHaveText('Supplier security review - slow form', { timeout: 30_000 });
  await expect(panel.getByTestId('page-summary')).toHaveText(/^6 detected · \d+ proposed · 6 filled · /, { timeout: 30_000 });
  expect(expectHistoryMatchesPage(await readHistoryRows(panel), await formValues(page))).toBe(6);
});

test('a page that renumbers its questions during a bulk fill: every fill is recorded once and every card keeps Filled and its Undo', async ({ context, extensionId, portalUrl, openPanel }) => {
  test.setTimeout(120_000);
  // Sample entries are never bulk-filled: the team library replaces them.
  await importSampleAsTeamLibrary(context, extensionId);
  const page = await context.newPage();
  await page.goto(portalUrl('buyer', `${SLOW_FORM}?renumber=1`));
  const panel = await openPanel(page);
  await startBulkFill(panel, 6);
  await expect(panel.locator('.notice')).toHaveText('Filled 6 of 6 answers.', { timeout: 60_000 });
  await expect(page.locator('label[for="q-rest"]')).toHaveText('2. Is customer data encrypted at rest?');

  // The panel re-scans the renumbered page (new keys): the cards stay Filled and the counts still agree.
  await expect(panel.getByTestId('page-summary')).toHaveText(/^7 detected · \d+ proposed · 6 filled · /, { timeout: 30_000 });
  expect(expectHistoryMatchesPage(await readHistoryRows(panel), await formValues(page))).toBe(6);
  const rest = card(panel, /encrypted at rest/);
  await expect(rest.locator('.badge-filled')).toHaveText('Filled');
  await rest.getByRole('button', { name: 'Undo fill' }).click();
  await expect(page.locator('#q-rest')).toHaveValue('');
  await expect(panel.getByTestId('page-summary')).toHaveText(/· 5 filled · /);
});

test('a frame that navigates away mid-fill: the rows equal what the departed page held, name the frame (not the top page), and claim nothing on the next page', async ({ context, extensionId, portalUrl, openPanel }) => {
  test.setTimeout(120_000);
  // Sample entries are never bulk-filled: the team library replaces them.
  await importSampleAsTeamLibrary(context, extensionId);
  const page = await context.newPage();
  await page.goto(portalUrl('buyer', '/portals/history/frame-host.html'));
  const panel = await openPanel(page);
  await startBulkFill(panel, 4);
  await expect(panel.locator('.notice')).toHaveText(/^Filled \d of 4 answers\./, { timeout: 60_000 });
  await expect.poll(() => page.frames().some((f) => f.url().includes('page=2'))).toBe(true);
  const frame = page.frames().find((f) => f.url().includes('page=2'))!;
  await frame.waitForLoadState();

  const rows = await readHistoryRows(panel);
  const firstPage = portalUrl('buyer', '/portals/history/frame-form.html?page=1');
  expect(rows.map((r) => [r.frameUrl, r.frameOrigin])).toEqual(rows.map(() => [firstPage, new URL(firstPage).origin]));
  // No row claims what page 1 of the frame did not hold when it went away (its autosave): a `filled` row's value is
  // in the departed page; the field being written as the frame left is `not-found` (its read-back could not be
  // made in the document that was scanned), never `filled`; nothing stays pending.
  const saved = await page.evaluate(() => (window as unknown as { savedPage1: Record<string, string> }).savedPage1);
  const fills = rows.filter((r) => !r.undo);
  expect(fills.filter((r) => r.result === 'pending')).toEqual([]);
  for (const row of fills.filter((r) => r.result === 'filled')) expect(saved[row.questionText]).toBe(row.value);
  expect(fills.filter((r) => r.result !== 'filled' && r.result !== 'not-found')).toEqual([]);
  const kept = fills.filter((r) => r.result === 'filled').length;
  expect(kept).toBeGreaterThan(0);
  expect(kept).toBeGreaterThanOrEqual(Object.values(saved).filter(Boolean).length - 1);
  await expect(panel.locator('.notice')).toHaveText(new RegExp(`^Filled ${kept} of 4 answers\\.`));
  // Page 2 holds nothing, and the panel, now showing it, counts nothing filled.
  expect(Object.values(await formValues(frame))).toEqual(['', '', '', '']);
  await expect(panel.getByTestId('page-summary')).toHaveText(/ · 0 filled · /, { timeout: 30_000 });
});

test('the extension reloaded in the middle of a bulk fill: reopened, the history holds what the page holds and nothing stays pending', async ({ portalUrl }) => {
  test.setTimeout(180_000);
  const { context, load } = await launchReloadable();
  try {
    const extensionId = await load();
    await importSampleAsTeamLibrary(context, extensionId);
    const page = await context.newPage();
    await page.goto(portalUrl('buyer', `${SLOW_FORM}?delay=600`));
    const panel = await openPanelIn(context, extensionId, page);
    await startBulkFill(panel, 6);
    await expect.poll(() => answered(page), { timeout: 30_000 }).toBeGreaterThan(0);

    const closed = new Promise<void>((ok) => panel.once('close', () => ok()));
    expect(await load()).toBe(extensionId);
    await closed;
    await untilFormSettles(page);

    const reopened = await openPanelIn(context, extensionId, page);
    await expect(reopened.getByTestId('page-summary')).toHaveText(/^6 detected · /, { timeout: 30_000 });
    const values = await formValues(page);
    const filled = Object.values(values).filter(Boolean).length;
    await expect(reopened.getByTestId('page-summary')).toHaveText(new RegExp(` · ${filled} filled · `));
    const rows = await readHistoryRows(reopened);
    // Every fill of the batch was written before it was sent: none is lost, each is filled or unknown.
    expect(rows.filter((r) => !r.undo).map((r) => r.result).sort()).toEqual([...Array(filled).fill('filled'), ...Array(6 - filled).fill('unknown')]);
    expect(expectHistoryMatchesPage(rows, values)).toBe(filled);
  } finally {
    await context.close();
  }
});
