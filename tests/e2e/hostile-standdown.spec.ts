// A page cannot switch the extension off: it sends WXT's "a newer copy of the content script started" event in a
// loop (and whenever a copy marks the page), while the analyst scans and fills through the side panel.
import { test, expect } from './support/extension';
import { importLibrary, revealCard } from '../fixtures/portals/hostile/panel';
import { ROUND2_ANSWERS, round2Library } from '../fixtures/portals/hostile/round2-library';

test('a page sending the "newer copy started" event in a loop cannot stand the content script down', async ({ context, extensionId, portalUrl, openPanel }) => {
  test.setTimeout(180_000);
  await importLibrary(context, extensionId, round2Library());
  const page = await context.newPage();
  await page.goto(portalUrl('servicenow', `/portals/hostile/standdown.html#ext=${extensionId}`));
  // The loop is running before the panel opens, and keeps running while it works.
  await expect.poll(() => page.evaluate(() => (window as unknown as { __forged: number }).__forged), { timeout: 30_000 }).toBeGreaterThan(40);
  const panel = await openPanel(page);
  const summary = panel.getByTestId('page-summary');
  await expect(summary).toHaveText(/^3 detected · 3 proposed/, { timeout: 30_000 });

  const encryption = await revealCard(panel, /encrypted at rest/);
  await encryption.getByRole('button', { name: 'Accept & fill' }).click();
  await expect(page.locator('#q-encryption')).toHaveValue(ROUND2_ANSWERS.encryption, { timeout: 30_000 });

  await panel.getByRole('button', { name: 'Re-scan' }).click();
  await expect(summary).toHaveText(/^3 detected/, { timeout: 30_000 });
  const incident = await revealCard(panel, /incident response plan/);
  await incident.getByRole('button', { name: 'Accept & fill' }).click();
  await expect(page.locator('#q-incident')).toHaveValue(ROUND2_ANSWERS.incident, { timeout: 30_000 });

  // The loop has sent over 100 forged events by now (fewer on a loaded machine: waited for, not read once), and the
  // content script still answers a scan after them.
  await expect.poll(() => page.evaluate(() => (window as unknown as { __forged: number }).__forged), { timeout: 60_000 }).toBeGreaterThan(100);
  await panel.getByRole('button', { name: 'Re-scan' }).click();
  await expect(summary).toHaveText(/^3 detected/, { timeout: 30_000 });
  await expect(panel.getByText(/cannot be read/)).toHaveCount(0);
});
