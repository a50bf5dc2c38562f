// The side panel on the OneTrust respondent view: it says how many sections there are and which is open, opens
// the next one, and steps through every section filling its high-confidence answers; the page model agrees.
import type { Page } from '@playwright/test';
import { test, expect } from './support/extension';

const ROUTE = '/app/#/pia/assessment/wizard/info/5d0c8a56-9a51-4c2e-b1f3-0d7f6a2b9e41/1';
const SEEDED = 'b0c1e7a2-11aa-4c1e-9d01-000000000201';

function pageModel(page: Page): Promise<{ answers: Record<string, unknown>; openSection: number | null; submitted: boolean }> {
  return page.evaluate(() => {
    const ot = (window as unknown as { __ot: { answers: Record<string, unknown>; openSection: number | null; submitted: boolean } }).__ot;
    return JSON.parse(JSON.stringify({ answers: ot.answers, openSection: ot.openSection, submitted: ot.submitted })) as never;
  });
}

test('sections in the panel: open the next one, then step through all, filling high-confidence answers', async ({ context, portalUrl, openPanel }) => {
  test.setTimeout(120_000);
  const page = await context.newPage();
  await page.goto(portalUrl('onetrust', ROUTE));
  await expect(page.locator('aa-assessment-detail-question')).toHaveCount(6);
  const panel = await openPanel(page);
  await expect(panel.getByText('5 sections, 1 open: Information Security Program')).toBeVisible();
  await expect(panel.getByRole('heading', { name: /documented information security policy/ })).toBeVisible();

  await panel.getByRole('button', { name: 'Open next section' }).click();
  await expect(panel.getByText('5 sections, 1 open: Access Control')).toBeVisible({ timeout: 15_000 });
  await expect(panel.getByRole('heading', { name: /multi-factor authentication/ })).toBeVisible();
  expect((await pageModel(page)).openSection).toBe(2);

  await panel.getByRole('button', { name: 'Fill high-confidence in every section' }).click();
  const done = panel.getByText(/Stepped through the sections: filled \d+ high-confidence answers/);
  await expect(done).toBeVisible({ timeout: 90_000 });
  const filled = Number(/filled (\d+)/.exec((await done.textContent()) ?? '')?.[1]);
  const model = await pageModel(page);
  expect(model.openSection).toBe(4);
  expect(model.submitted).toBe(false);
  // Every fill the panel counts is in the page model, and they come from several sections (ids end in <section><nn>).
  const answered = Object.entries(model.answers).filter(([id, v]) => id !== SEEDED && v !== '' && !(Array.isArray(v) && v.length === 0));
  expect(answered.length).toBe(filled);
  expect(answered.length).toBeGreaterThanOrEqual(3);
  expect(new Set(answered.map(([id]) => id.slice(-3, -2))).size).toBeGreaterThanOrEqual(3);
});
