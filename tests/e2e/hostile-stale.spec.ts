// Fill only the question the analyst chose (SECURITY.md 33-36): a page that re-binds its comment boxes, rewrites
// a question, inserts one above the selection or changes fields after the bulk preview gets nothing written into
// the wrong box. Driven through the real side panel on tests/fixtures/portals/hostile/stale.html.
import type { Page } from '@playwright/test';
import { test, expect } from './support/extension';
import { importLibrary, revealCard } from '../fixtures/portals/hostile/panel';
import { answerOf, integrityLibrary } from '../fixtures/portals/hostile/integrity-library';
import { fillAnswersLabel } from '../../lib/panel/bulk-labels';

const STALE_PATH = '/portals/hostile/stale.html';
const A = /encrypted at rest/;
const C = /user access rights/;

type StaleHooks = { __stale: Record<string, (...args: string[]) => void> };
const arm = (page: Page, trick: string, ...args: string[]) =>
  page.evaluate(([t, a]) => (window as unknown as StaleHooks).__stale[t]!(...a), [trick, args] as const);
const rowBox = (page: Page, row: string) => page.locator(`#row-${row} textarea`);
const rowChoice = (page: Page, row: string) => page.locator(`#row-${row} select`);

test.describe('a page that changes its questions under the analyst', () => {
  test.beforeEach(async ({ context, extensionId }) => {
    test.setTimeout(120_000);
    await importLibrary(context, extensionId, integrityLibrary());
  });

  async function open(context: import('@playwright/test').BrowserContext, url: string, openPanel: (p: Page) => Promise<Page>) {
    const page = await context.newPage();
    await page.goto(url);
    const panel = await openPanel(page);
    await expect(panel.getByTestId('page-summary')).toHaveText(/^4 detected · 4 proposed/, { timeout: 30_000 });
    return { page, panel };
  }

  test('a comment box re-bound to another question during the fill is refused as stale', async ({ context, portalUrl, openPanel }) => {
    const { page, panel } = await open(context, portalUrl('servicenow', STALE_PATH), openPanel);
    await arm(page, 'swapCommentsOnChange', 'a');
    const card = await revealCard(panel, A);
    await card.getByRole('button', { name: 'Accept & fill' }).click();
    await expect(card.locator('.failure')).toContainText(/question now reads "Do you maintain a documented incident response plan\?"/, { timeout: 20_000 });
    // The choice went in before the page moved the boxes; neither comment box holds A's answer.
    await expect(rowChoice(page, 'a')).toHaveValue('Yes');
    await expect(rowBox(page, 'b')).toHaveValue('');
    await expect(rowBox(page, 'a')).toHaveValue('');
  });

  test('a question rewritten during the fill gets no comment', async ({ context, portalUrl, openPanel }) => {
    const { page, panel } = await open(context, portalUrl('servicenow', STALE_PATH), openPanel);
    await arm(page, 'rewriteOnChange', 'c', 'Do you share customer data with third parties?');
    const card = await revealCard(panel, C);
    await card.getByRole('button', { name: 'Accept & fill' }).click();
    await expect(card.locator('.failure')).toContainText('question now reads "Do you share customer data with third parties?"', { timeout: 20_000 });
    await expect(rowBox(page, 'c')).toHaveValue('');
  });

  test('undo after the page re-bound its comment boxes does not write into the other question\'s box', async ({ context, portalUrl, openPanel }) => {
    const { page, panel } = await open(context, portalUrl('servicenow', STALE_PATH), openPanel);
    const card = await revealCard(panel, A);
    await card.getByRole('button', { name: 'Accept & fill' }).click();
    await expect(card.locator('.badge-filled')).toHaveText('Filled', { timeout: 20_000 });
    await expect(rowBox(page, 'a')).toHaveValue(answerOf('encryption'));
    // The page re-binds: A's box (holding A's answer) now sits in B's row; the analyst writes B's note into it.
    await arm(page, 'swapComments');
    await rowBox(page, 'b').fill("B's own note");
    await expect(panel.getByTestId('page-summary')).toHaveText(/^4 detected/);
    await (await revealCard(panel, A)).getByRole('button', { name: 'Undo fill' }).click();
    await expect((await revealCard(panel, A)).locator('.failure')).toContainText(/Undo did not restore the field: stale/, { timeout: 20_000 });
    await expect(rowBox(page, 'b')).toHaveValue("B's own note");
  });

  test('keys act on the selected question: one inserted above the selection does not receive the answer', async ({ context, portalUrl, openPanel }) => {
    const { page, panel } = await open(context, portalUrl('servicenow', STALE_PATH), openPanel);
    await panel.locator('body').click({ position: { x: 2, y: 2 } });
    for (let i = 0; i < 3; i++) await panel.keyboard.press('j');
    await expect(panel.locator('article.card[aria-current="true"] h3')).toContainText(C);
    await arm(page, 'insertAbove', 'c');
    await expect(panel.getByTestId('page-summary')).toHaveText(/^5 detected/, { timeout: 20_000 });
    await expect(panel.locator('article.card[aria-current="true"] h3')).toContainText(C);
    await panel.keyboard.press('a');
    await expect(rowChoice(page, 'c')).toHaveValue('Yes', { timeout: 20_000 });
    await expect(rowBox(page, 'c')).toHaveValue(answerOf('access-review'));
    await expect(rowChoice(page, 'new')).toHaveValue('');
    await expect(rowBox(page, 'new')).toHaveValue('');
  });

  test('bulk fill keeps its preview\'s promise: a field that gained a value is kept, a changed or moved question is left out, and the result says so', async ({
    context,
    portalUrl,
    openPanel,
  }) => {
    const { page, panel } = await open(context, portalUrl('servicenow', STALE_PATH), openPanel);
    await panel.getByRole('button', { name: 'Fill all high-confidence…' }).click();
    await expect(panel.getByRole('heading', { name: /Fill 4 high-confidence answers/ })).toBeVisible();
    // After the preview: the analyst answers A by hand, the page rewrites B and moves C.
    await rowChoice(page, 'a').selectOption('No');
    await arm(page, 'rewrite', 'b', 'Do you share customer data with third parties?');
    await arm(page, 'moveToEnd', 'c');
    await panel.getByRole('button', { name: fillAnswersLabel(4) }).click();
    const notice = panel.getByRole('status').filter({ hasText: /Filled/ });
    await expect(notice).toContainText('Filled 1 of 4 answers', { timeout: 30_000 });
    await expect(notice).toContainText(/3 left out because the page changed since the preview/);
    await expect(notice).toContainText(/gained a value on the page.*Is customer data encrypted at rest\?/);
    await expect(notice).toContainText(/question changed.*Do you maintain a documented incident response plan\?/);
    await expect(notice).toContainText(/Do you review user access rights at least quarterly\?/);
    await expect(rowChoice(page, 'a')).toHaveValue('No');
    await expect(rowBox(page, 'a')).toHaveValue('');
    await expect(rowChoice(page, 'b')).toHaveValue('');
    await expect(rowBox(page, 'b')).toHaveValue('');
    await expect(rowChoice(page, 'c')).toHaveValue('');
    await expect(rowChoice(page, 'd')).toHaveValue('Yes');
    await expect(rowBox(page, 'd')).toHaveValue(answerOf('pentest'));
  });
});
