// Reads the fill history straight from the extension's IndexedDB (not through its code), and a page's questions
// with the values its own form holds, so a test can compare the two row for row.
import { expect, type Frame, type Page } from '@playwright/test';
import type { FillEvent } from '../../../lib/schema';

export function readHistoryRows(extensionPage: Page): Promise<FillEvent[]> {
  return extensionPage.evaluate(
    () =>
      new Promise<FillEvent[]>((done, fail) => {
        const open = indexedDB.open('questionnaire-autofill');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction('history').objectStore('history').getAll();
          all.onsuccess = () => {
            db.close();
            done(all.result as FillEvent[]);
          };
          all.onerror = () => fail(all.error);
        };
      }),
  );
}

/** Each textarea of the page (or frame) by its label text without the number, with the value the form holds. */
export function formValues(target: Page | Frame): Promise<Record<string, string>> {
  return target.evaluate(() =>
    Object.fromEntries(
      Array.from(document.querySelectorAll('textarea')).map((t) => {
        const label = document.querySelector(`label[for="${t.id}"]`)?.textContent ?? t.id;
        return [label.replace(/^\s*\d+\.\s*/, '').trim(), t.value];
      }),
    ),
  );
}

/**
 * The history tells what the page holds, row for row: a question whose field holds a value has exactly one
 * fill row, `filled`, with that value; a question whose field is empty has no `filled` row; no row is left
 * `pending`. Returns how many questions are filled.
 */
export function expectHistoryMatchesPage(rows: readonly FillEvent[], page: Record<string, string>): number {
  const fills = rows.filter((r) => !r.undo);
  expect(fills.filter((r) => r.result === 'pending')).toEqual([]);
  let filled = 0;
  for (const [question, value] of Object.entries(page)) {
    const mine = fills.filter((r) => r.questionText === question);
    if (value === '') {
      expect(mine.filter((r) => r.result === 'filled').map((r) => r.questionText)).toEqual([]);
    } else {
      filled++;
      expect(mine.map((r) => [r.questionText, r.result, r.value])).toEqual([[question, 'filled', value]]);
    }
  }
  return filled;
}
