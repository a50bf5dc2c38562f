// Reads the extension's own IndexedDB from an extension page (the panel), without going through its code.
import type { Page } from '@playwright/test';

export interface StoredState {
  /** Row count of every table. */
  counts: Record<string, number>;
  /** Each entry's answer, by id. */
  answers: Record<string, string>;
}

export function readStoredState(extensionPage: Page): Promise<StoredState> {
  return extensionPage.evaluate(
    () =>
      new Promise<StoredState>((done, fail) => {
        const open = indexedDB.open('questionnaire-autofill');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = Array.from(db.objectStoreNames);
          const tx = db.transaction(names);
          const counts: Record<string, number> = {};
          const answers: Record<string, string> = {};
          for (const name of names) {
            const req = tx.objectStore(name).count();
            req.onsuccess = () => (counts[name] = req.result);
          }
          if (names.includes('entries')) {
            const all = tx.objectStore('entries').getAll();
            all.onsuccess = () => {
              for (const e of all.result as Array<{ id: string; answer: string }>) answers[e.id] = e.answer;
            };
          }
          tx.oncomplete = () => {
            db.close();
            done({ counts, answers });
          };
        };
      }),
  );
}
