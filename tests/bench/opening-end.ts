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

/** What a phase's end looks like in the panel: every part must hold at once. */
export interface PanelState {
  /** A selector that must match something. */
  present?: string;
  /** In place of `present`: a selector that matches nothing (e.g. the card waited on left the list). */
  orAbsent?: string;
  /** A selector that must match nothing. */
  absent?: string;
  /** A button whose whole text is this must be shown. */
  button?: string;
  /** A window property that must be true (set by an observer the bench installed before acting). */
  flag?: string;
}

/**
 * Resolves once the panel shows `state` (checked on every change of its document, from inside the page, so without
 * Playwright's polling back-off), with the time on the panel's clock of the commit and of the frame after it.
 */
export function waitForPanelState(panel: Page, state: PanelState, timeoutMs = 120_000): Promise<OpeningEnd> {
  return panel.evaluate(
    ({ state, timeoutMs }) =>
      new Promise<OpeningEnd>((resolve, reject) => {
        const run = { done: false, timer: 0 };
        // No named function here either (see above): the condition is written out in the callback.
        const observer = new MutationObserver(() => {
          if (run.done) return;
          const holds =
            (!state.present || !!document.querySelector(state.present) || (!!state.orAbsent && !document.querySelector(state.orAbsent))) &&
            (!state.absent || !document.querySelector(state.absent)) &&
            (!state.button || [...document.querySelectorAll('button')].some((b) => b.textContent === state.button)) &&
            (!state.flag || (window as unknown as Record<string, unknown>)[state.flag] === true);
          if (!holds) return;
          run.done = true;
          observer.disconnect();
          clearTimeout(run.timer);
          const committed = performance.now();
          if (document.visibilityState === 'hidden') resolve({ committed, frame: committed });
          else requestAnimationFrame(() => resolve({ committed, frame: performance.now() }));
        });
        run.timer = window.setTimeout(() => {
          observer.disconnect();
          reject(new Error(`the panel did not reach ${JSON.stringify(state)} within ${timeoutMs} ms`));
        }, timeoutMs);
        observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
        document.documentElement.toggleAttribute('data-panel-state-check');
      }),
    { state, timeoutMs },
  );
}
