// Reads the extension's own IndexedDB from an extension page (the panel), without going through its code.
import type { Page } from '@playwright/test';

export interface StoredState {
  /** Row count of every table; `entries` counts the entries the entry pages hold. */
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
          // Entries are stored a page of them per record (database version 6): counted and read entry by entry.
          if (names.includes('entryPages')) {
            const all = tx.objectStore('entryPages').getAll();
            all.onsuccess = () => {
              const entries = (all.result as Array<{ entries: Array<{ id: string; answer: string }> }>).flatMap((p) => p.entries);
              counts.entries = entries.length;
              for (const e of entries) answers[e.id] = e.answer;
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
