// Fill only frames that belong to the page (SECURITY.md 37-39): a frame is trusted for the top page's origin or
// an origin the analyst allowed for this tab by name, never for a portal-looking host name; frames a page wrote
// with document.open()/write() are refused; a frame replaced while it is filled gives `not-found`, never
// `filled`. Driven through the real side panel.
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect } from './support/extension';
import { allCardHeadings, importLibrary, revealCard } from '../fixtures/portals/hostile/panel';
import { answerOf, integrityLibrary } from '../fixtures/portals/hostile/integrity-library';

const TOP = /user access rights/;
const TENANT = /written information security policy/;

async function openWithPanel(context: BrowserContext, url: string, openPanel: (p: Page) => Promise<Page>, detected: number) {
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForLoadState('load');
  const panel = await openPanel(page);
  await expect(panel.getByTestId('page-summary')).toHaveText(new RegExp(`^${detected} detected`), { timeout: 30_000 });
  return { page, panel };
}

test.describe('frames on a hostile page', () => {
  test.beforeEach(async ({ context, extensionId }) => {
    test.setTimeout(120_000);
    await importLibrary(context, extensionId, integrityLibrary());
  });

  test("another tenant's portal frame is refused and named; allowed for the tab by name, its card says where the field lives", async ({ context, serverPort, portalUrl, openPanel }) => {
    const tenant = `http://evil.service-now.com:${serverPort}`;
    const { page, panel } = await openWithPanel(context, portalUrl('servicenow', '/portals/hostile/tenant-frames.html'), openPanel, 1);
    const frame = page.frameLocator('#f-tenant');
    await expect(frame.locator('#fsame')).toBeVisible();
    expect((await allCardHeadings(panel)).filter((h) => TENANT.test(h))).toEqual([]);
    const refused = panel.getByRole('note', { name: 'Frames not read' });
    await expect(refused).toContainText(tenant);
    // Filling everything offered leaves the foreign frame alone.
    await panel.getByRole('button', { name: 'Fill all high-confidence…' }).click();
    await panel.getByRole('button', { name: 'Fill 1 answer' }).click();
    await expect(panel.getByRole('status').filter({ hasText: /Filled/ })).toContainText('Filled 1 of 1 answers', { timeout: 30_000 });
    await expect(page.locator('#top-q')).toHaveValue(answerOf('access-review'));
    await expect(frame.locator('#fsame')).toHaveValue('');

    await refused.getByRole('button', { name: 'Allow for this tab' }).click();
    await expect(panel.getByTestId('page-summary')).toHaveText(/^2 detected/, { timeout: 30_000 });
    const card = await revealCard(panel, TENANT);
    await expect(card).toContainText(`In a frame from ${tenant}`);
    await card.getByRole('button', { name: 'Accept & fill' }).click();
    await expect(card.locator('.badge-filled')).toHaveText('Filled', { timeout: 20_000 });
    await expect(frame.locator('#fsame')).toHaveValue(answerOf('infosec-policy'));
  });

  test('frames written with document.open()/write() are refused like about:blank; a served same-origin frame is read', async ({ context, portalUrl, openPanel }) => {
    const { page, panel } = await openWithPanel(context, portalUrl('servicenow', '/portals/hostile/frame-written.html'), openPanel, 2);
    await expect.poll(() => page.evaluate(() => (window as unknown as { rewrote?: boolean }).rewrote === true)).toBe(true);
    await panel.getByRole('button', { name: 'Re-scan' }).click();
    await expect(panel.getByTestId('page-summary')).toHaveText(/^2 detected/, { timeout: 30_000 });
    const headings = await allCardHeadings(panel);
    expect(headings.filter((h) => /segregate production networks|background checks/.test(h)), JSON.stringify(headings)).toEqual([]);
    expect(headings.filter((h) => /data retention and deletion policy/.test(h)), 'the served same-origin frame (positive control) was not read').toHaveLength(1);
    await expect(page.frameLocator('#f-written').locator('#fw')).toHaveValue('');
    await expect(page.frameLocator('#f-rewritten').locator('#frw')).toHaveValue('');
  });

  test('a frame replaced while it is filled gives not-found, never filled', async ({ context, portalUrl, openPanel }) => {
    const { page, panel } = await openWithPanel(context, portalUrl('servicenow', '/portals/hostile/frame-replace.html'), openPanel, 2);
    const card = await revealCard(panel, /data retention and deletion policy/);
    await card.getByRole('button', { name: 'Accept & fill' }).click();
    await expect(card.locator('.failure')).toContainText('The field is no longer on the page', { timeout: 20_000 });
    await expect.poll(() => page.evaluate(() => (window as unknown as { replacements: number }).replacements)).toBe(1);
    await expect(page.frameLocator('#inner').locator('#retention')).toHaveValue('');
  });
});
