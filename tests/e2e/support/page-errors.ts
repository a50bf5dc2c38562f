// Fails a test on what a page never shows its user: uncaught exceptions and unhandled promise rejections of the
// side panel (Chromium reports both as Playwright `pageerror`; the init script also catches rejections that
// Chromium logs only to the console).
import type { Page } from '@playwright/test';

const MARK = '[unhandled rejection]';

export interface ErrorWatch {
  /** Every error seen so far, as text. */
  errors: string[];
  /** Throws with the errors when there were any. */
  expectNone(): void;
}

/** Start watching `page` for uncaught errors; call before the actions that could cause them. */
export async function watchPageErrors(page: Page): Promise<ErrorWatch> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.stack ?? e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && (m.text().startsWith(MARK) || /^Uncaught\b/.test(m.text()))) errors.push(m.text());
  });
  await page.evaluate((mark) => {
    window.addEventListener('unhandledrejection', (e) => console.error(`${mark} ${String((e.reason as Error)?.stack ?? e.reason)}`));
  }, MARK);
  return {
    errors,
    expectNone() {
      if (errors.length > 0) throw new Error(`the page had ${errors.length} uncaught error(s):\n${errors.join('\n')}`);
    },
  };
}
