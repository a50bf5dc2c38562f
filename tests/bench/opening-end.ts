// The end of a panel opening, seen from inside the panel: the summary says `summary` and no "Matching…" line is
// left. Playwright's locator waits poll with a growing back-off (0, 20, 50, 100, 100 ms, then every 500 ms), so a
// wait that started ~300 ms before the end saw it up to 500 ms late: the reopen bench's end-to-end medians sat at
// ~950 ms while the panel had shown every proposal at ~530 ms. Here a MutationObserver in the page sees the
// change when React commits it, and the wait ends at the next animation frame (the frame that paints it).
import type { Page } from '@playwright/test';

/** When the opening ended, in ms on the panel's clock (from its navigation start): the commit and its frame. */
export interface OpeningEnd {
  committed: number;
  frame: number;
}

/** Resolves once the panel's summary contains `summary` with matching finished (at most `timeoutMs`). */
export function waitForOpeningEnd(panel: Page, summary: string, timeoutMs = 120_000): Promise<OpeningEnd> {
  // No named function inside page.evaluate: tsx would wrap it in a `__name` helper the page does not have.
  return panel.evaluate(
    ({ summary, timeoutMs }) =>
      new Promise<OpeningEnd>((resolve, reject) => {
        const state = { done: false, timer: 0 };
        // Checked now and after every change of the document; the first time it holds ends the wait.
        const observer = new MutationObserver(() => {
          if (state.done) return;
          const ended =
            !!document.querySelector('[data-testid="page-summary"]')?.textContent?.includes(summary) &&
            !document.querySelector('[data-testid="matching-progress"]');
          if (!ended) return;
          state.done = true;
          observer.disconnect();
          clearTimeout(state.timer);
          const committed = performance.now();
          // A hidden page paints no frame (and runs no animation frame callback): its commit is its end.
          if (document.visibilityState === 'hidden') resolve({ committed, frame: committed });
          else requestAnimationFrame(() => resolve({ committed, frame: performance.now() }));
        });
        state.timer = window.setTimeout(() => {
          observer.disconnect();
          reject(new Error(`the panel did not show "${summary}" with matching finished within ${timeoutMs} ms`));
        }, timeoutMs);
        observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
        // The first check, for an opening that ended before the wait began: a change the observer sees at once.
        document.documentElement.toggleAttribute('data-opening-end-check');
      }),
    { summary, timeoutMs },
  );
}
