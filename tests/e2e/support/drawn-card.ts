// The Questions view draws only the cards in view: scroll its list from the top until a card is drawn.
import { expect, type Locator, type Page } from '@playwright/test';

/** The card of the question whose heading contains `question`, once the list has been scrolled to draw it. */
export async function drawnCard(panel: Page, question: string): Promise<Locator> {
  const card = panel.locator('article.card').filter({ has: panel.locator('h3', { hasText: question }) });
  const list = panel.getByRole('region', { name: 'Detected questions' });
  await list.evaluate((el) => el.scrollTo(0, 0));
  await expect
    .poll(async () => {
      if ((await card.count()) > 0) return true;
      await list.evaluate((el) => el.scrollBy(0, el.clientHeight / 2));
      return false;
    }, { message: `the card of “${question}” is drawn`, timeout: 30_000 })
    .toBe(true);
  return card;
}

/** The card of the question whose heading matches `text` (drawn or not: the locator waits). */
export function card(panel: Page, text: RegExp): Locator {
  return panel.locator('article.card').filter({ has: panel.getByRole('heading', { name: text }) });
}
