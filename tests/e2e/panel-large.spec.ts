// The panel on a 500-question page (generated from the sample library's wordings): the list stays virtualised,
// the keyboard reaches the last question, and a question without a match is answered by searching the library
// by hand; another is answered with a runner-up candidate.
import type { Page } from '@playwright/test';
import { buildBenchPage } from '../bench/panel.bench';
import { test, expect as baseExpect } from './support/extension';

// The machine running e2e may be busy: scans and fills get more time than the default.
const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 300_000 });

function card(panel: Page, text: RegExp) {
  return panel.locator('article.card').filter({ has: panel.getByRole('heading', { name: text }) });
}

test('500 questions: virtualised list, keyboard to the end, search the library by hand, pick another candidate', async ({ context, portalUrl, openPanel }) => {
  const url = portalUrl('servicenow', '/bench/large-500.html');
  await context.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: buildBenchPage(500) }));
  const page = await context.newPage();
  await page.goto(url);
  const panel = await openPanel(page);
  await expect(panel.getByTestId('page-summary')).toHaveText(/^500 detected/, { timeout: 20_000 });
  expect(await panel.locator('article.card').count()).toBeLessThan(30);

  // k from no selection goes to the last question; the list scrolls it into view.
  await panel.locator('body').click({ position: { x: 5, y: 5 } });
  await panel.keyboard.press('k');
  await expect(card(panel, /^500 /)).toHaveAttribute('aria-current', 'true');
  // Selecting a question scrolls the page to its field.
  await expect(page.locator('#q500')).toBeInViewport();

  // Question 7 ("Describe your process for vendor item 7.") has no match: search the library and fill.
  await panel.keyboard.press('Home');
  const seven = card(panel, /^7 Describe your process for vendor item 7/);
  for (let i = 0; i < 6; i++) await panel.keyboard.press('j');
  await expect(seven).toHaveAttribute('aria-current', 'true');
  await expect(seven.locator('.badge').first()).toHaveText('No match');
  await panel.keyboard.press('/');
  await seven.getByLabel('Search the library').fill('encrypted at rest');
  await seven.getByRole('button', { name: /Is customer data encrypted at rest\?/ }).click();
  await expect(seven.locator('.why')).toHaveText('Picked by hand');
  await seven.getByRole('button', { name: 'Accept & fill' }).click();
  await expect(seven.locator('.badge-filled')).toHaveText('Filled');
  // Question 7 is a Yes/No select: the picked entry's short answer is mapped onto its option.
  await expect(page.locator('#q7')).toHaveValue('Yes');

  // A stale entry picked by hand is filled only after confirming (expiry enforced at fill time).
  const twentyOne = card(panel, /^21 Describe your process for vendor item 21/);
  await panel.keyboard.press('Home');
  for (let i = 0; i < 20; i++) await panel.keyboard.press('j');
  await expect(twentyOne).toHaveAttribute('aria-current', 'true');
  await panel.keyboard.press('/');
  await twentyOne.getByLabel('Search the library').fill('intrusion detection');
  await twentyOne.getByRole('button', { name: /Do you use intrusion detection in the production environment\?/ }).click();
  await expect(twentyOne.locator('.badge-stale')).toHaveText('Stale since 2026-06-01');
  await panel.locator('body').click({ position: { x: 5, y: 5 } });
  await panel.keyboard.press('a');
  await expect(twentyOne.getByRole('alertdialog')).toHaveText(/past its review date \(expired 2026-06-01\)\. Fill it anyway\?/);
  await expect(page.locator('#q21')).toHaveValue('');
  await twentyOne.getByRole('button', { name: 'Fill anyway' }).click();
  await expect(twentyOne.locator('.badge-filled')).toHaveText('Filled');
  await expect(page.locator('#q21')).not.toHaveValue('');

  // Another question: pick the runner-up under "Other answers" and fill that one.
  const two = card(panel, /^2 Please confirm/);
  await panel.keyboard.press('Home');
  await two.getByRole('button', { name: 'Accept & fill' }).waitFor();
  await two.getByRole('button', { name: /Other answers/ }).click();
  const options = two.getByRole('radio');
  await options.nth(1).check();
  const picked = (await two.locator('.candidate').nth(1).locator('strong').textContent())!;
  await two.getByRole('button', { name: 'Done' }).click();
  await two.getByRole('button', { name: 'Accept & fill' }).click();
  await expect(two.locator('.badge-filled')).toHaveText('Filled');
  const written = await page.locator('#q2').inputValue();
  expect(written.length).toBeGreaterThan(10);
  await expect(two.locator('.answer')).toHaveText(written);
  expect(picked.length).toBeGreaterThan(5);
});
