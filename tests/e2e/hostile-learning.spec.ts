// Learning the page's words: a wording accepted on one site records where it was learned, shows in the Library
// with that origin, never on its own makes an answer bulk-fillable on another site until it is reviewed, can be
// removed, and is forgotten again when the fill that taught it is undone.
import type { Page } from '@playwright/test';
import { test, expect } from './support/extension';
import { importLibrary, revealCard } from '../fixtures/portals/hostile/panel';
import { ROUND2_ANSWERS, round2Library } from '../fixtures/portals/hostile/round2-library';

const LEARNING_PATH = '/portals/hostile/learning.html';

async function programCard(panel: Page) {
  await expect(panel.getByTestId('page-summary')).toHaveText(/^2 detected/, { timeout: 30_000 });
  return revealCard(panel, /Describe your security program/);
}

test('a wording learned on one site is not bulk-filled on another until reviewed, and can be removed', async ({ context, extensionId, portalUrl, openPanel }) => {
  test.setTimeout(180_000);
  await importLibrary(context, extensionId, round2Library());
  const planting = await context.newPage();
  await planting.goto(portalUrl('servicenow', LEARNING_PATH));
  const plantingPanel = await openPanel(planting);
  const planted = await programCard(plantingPanel);
  // A loose match, not the library's own wording: accepting it teaches the page's words.
  await expect(planted.locator('.why')).not.toContainText('Same wording');
  await planted.getByRole('button', { name: 'Accept & fill' }).click();
  await expect(planting.locator('#q-program')).toHaveValue(ROUND2_ANSWERS.program, { timeout: 30_000 });
  // Filled on the card means the wording is stored too: closing the panel now loses nothing.
  await expect(planted.locator('.badge-filled')).toHaveText('Filled', { timeout: 30_000 });
  await plantingPanel.close();

  // Another customer's portal asks the same broad question.
  const other = await context.newPage();
  await other.goto(portalUrl('onetrust', LEARNING_PATH));
  const panel = await openPanel(other);
  let card = await programCard(panel);
  await expect(card.locator('.why')).toContainText(/learned on acme\.service-now\.com:\d+, not reviewed: kept below High/, { timeout: 30_000 });
  await expect(card.locator('.badge.band-review')).toBeVisible();
  await panel.getByRole('button', { name: 'Fill all high-confidence…' }).click();
  const preview = panel.locator('.bulk-items');
  await expect(preview).toContainText('encrypted at rest');
  await expect(preview).not.toContainText('security program');
  await panel.getByRole('button', { name: 'Cancel' }).click();

  // The Library names the learned wording and where it came from; marking it reviewed makes it count here too.
  await panel.getByRole('tab', { name: 'Library' }).click();
  await panel.getByLabel('Search the library').fill('information security program');
  await panel.getByRole('button', { name: /Describe your information security program/ }).click();
  const learned = panel.getByRole('region', { name: 'Learned wordings' });
  await expect(learned).toContainText(/learned “Describe your security program\.” on acme\.service-now\.com:\d+ \(Security overview - Hostile Buyer Ltd\)/);
  await expect(learned).toContainText('not reviewed');
  await learned.getByRole('button', { name: 'Mark reviewed: “Describe your security program.”' }).click();
  await expect(learned).toContainText(/reviewed \d{4}-\d\d-\d\d/);
  await panel.getByRole('tab', { name: 'Questions' }).click();
  await panel.getByRole('button', { name: 'Re-scan' }).click();
  card = await programCard(panel);
  await expect(card.locator('.why')).toContainText(/learned on acme\.service-now\.com:\d+, reviewed/, { timeout: 30_000 });
  await expect(card.locator('.badge.band-high')).toBeVisible();

  // Removed, it no longer decides anything.
  await panel.getByRole('tab', { name: 'Library' }).click();
  await learned.getByRole('button', { name: 'Remove “Describe your security program.”' }).click();
  await expect(learned).toHaveCount(0);
  await panel.getByRole('tab', { name: 'Questions' }).click();
  await panel.getByRole('button', { name: 'Re-scan' }).click();
  card = await programCard(panel);
  await expect(card.locator('.why')).not.toContainText('accepted before', { timeout: 30_000 });
  await expect(card.locator('.why')).not.toContainText('learned on');
});

test('undoing a fill forgets the wording it taught', async ({ context, extensionId, portalUrl, openPanel }) => {
  test.setTimeout(180_000);
  await importLibrary(context, extensionId, round2Library());
  const page = await context.newPage();
  await page.goto(portalUrl('servicenow', LEARNING_PATH));
  const panel = await openPanel(page);
  let card = await programCard(panel);
  const before = await card.locator('.why').innerText();
  await card.getByRole('button', { name: 'Accept & fill' }).click();
  await expect(page.locator('#q-program')).toHaveValue(ROUND2_ANSWERS.program, { timeout: 30_000 });
  card = await revealCard(panel, /Describe your security program/);
  await card.getByRole('button', { name: 'Undo fill' }).click();
  await expect(page.locator('#q-program')).toHaveValue('', { timeout: 30_000 });

  await panel.getByRole('button', { name: 'Re-scan' }).click();
  card = await programCard(panel);
  await expect(card.locator('.why')).toHaveText(before, { timeout: 30_000 });
  await expect(card.locator('.why')).not.toContainText('accepted before');
  await panel.getByRole('tab', { name: 'Library' }).click();
  await panel.getByLabel('Search the library').fill('information security program');
  await panel.getByRole('button', { name: /Describe your information security program/ }).click();
  await expect(panel.getByRole('heading', { name: /Describe your information security program/ })).toBeVisible();
  await expect(panel.getByRole('region', { name: 'Learned wordings' })).toHaveCount(0);
});
