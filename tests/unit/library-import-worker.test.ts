// Import at scale: the file parsed in the import worker gives what the main-thread parser gives (entries back in
// chunks, a refused file as the same LibraryFileError), and the apply writes in steps with progress, where Cancel
// rolls the whole transaction back. The whole import run in the worker: preview against the stored library, the
// write from the worker, Cancel and a failed chunk leaving the library as it was.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { AutofillDatabase } from '../../lib/db/database';
import { applySyncPlan, ImportCancelledError } from '../../lib/library/apply-sync';
import { ENTRY_PAGES } from '../../lib/db/entry-pages';
import { LibraryFileError } from '../../lib/library/library-errors';
import { createImportWorkerCore, createWorkerImportSession, createWorkerParser, PARSED_CHUNK, type ImportWorkerLike } from '../../lib/library/parse-in-worker';
import { parseLibraryFile } from '../../lib/library/parse-library-file';
import { planSync, PREVIEW_ROWS, summarizePlan } from '../../lib/library/plan-sync';
import { countEntries, listEntries, putEntries } from '../../lib/db/entries-repository';

/** Entries enough for an import written in several steps. */
const APPLY_CHUNK = 1_000;

/** Progress as a write in several steps reports it: rising, the total constant, ending at the total. */
function expectSteps(progress: readonly (readonly [number, number])[], total: number): void {
  expect(progress.length).toBeGreaterThan(1);
  progress.forEach(([written, of], i) => {
    expect(of).toBe(total);
    if (i > 0) expect(written).toBeGreaterThan(progress[i - 1]![0]);
  });
  expect(progress.at(-1)![0]).toBe(total);
}

function fakeImportWorker(): ImportWorkerLike & { answers: number } {
  const worker: ImportWorkerLike & { answers: number } = {
    answers: 0,
    onmessage: null,
    postMessage(message) {
      const copy = structuredClone(message);
      setTimeout(() => void receive(copy), 0);
    },
  };
  const receive = createImportWorkerCore((answer) => {
    worker.answers++;
    const copy = structuredClone(answer);
    setTimeout(() => worker.onmessage?.({ data: copy } as MessageEvent<unknown>), 0);
  });
  return worker;
}

const library = (count: number) =>
  JSON.stringify({
    format: 'answer-library',
    version: 1,
    source: 'Team',
    entries: [
      ...Array.from({ length: count }, (_, i) => ({ id: `e-${String(i).padStart(5, '0')}`, question: `Question ${i}?`, answer: `Answer ${i}.`, updatedAt: '2026-06-01T09:30:00Z' })),
      { id: 'bad', question: 'No answer?' },
    ],
  });

const bytesOf = (text: string) => new Uint8Array(new TextEncoder().encode(text));

describe('parsing in the import worker', () => {
  it('gives what the main-thread parser gives, with the entries sent back in chunks', async () => {
    const text = library(2 * PARSED_CHUNK + 10);
    const worker = fakeImportWorker();
    const parsed = await createWorkerParser(worker)(bytesOf(text), 'team.json');
    expect(parsed).toEqual(await parseLibraryFile(text, 'team.json'));
    expect(parsed.invalid).toHaveLength(1);
    // Three chunks of entries, then the rest of the result.
    expect(worker.answers).toBe(4);
  });

  it('refuses a bad file with the same LibraryFileError as the main-thread parser', async () => {
    const error = await createWorkerParser(fakeImportWorker())(bytesOf('{"format":"other"}'), 'other.json').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LibraryFileError);
    expect((error as LibraryFileError).message).toBe('other.json: not an answer-library file: "format" is "other" (expected "answer-library").');
  });
});

describe('applying an import in steps', () => {
  const entries = (count: number) => Array.from({ length: count }, (_, i) => ({ id: `e-${i}`, question: `Q${i}?`, answer: `A${i}.` }));
  const fileOf = (count: number) => ({ fileName: 'team.json', kind: 'json' as const, entries: entries(count).map((entry, index) => ({ entry, index, where: `entry ${index + 1}` })), invalid: [] });

  it('reports progress after each step of the one transaction', async () => {
    const db = new AutofillDatabase(`apply-progress-${Math.random()}`);
    const progress: Array<[number, number]> = [];
    const result = await applySyncPlan(db, planSync(fileOf(APPLY_CHUNK * 2 + 1), []), {}, { onProgress: (written, total) => progress.push([written, total]) });
    expect(result.added).toBe(APPLY_CHUNK * 2 + 1);
    expectSteps(progress, APPLY_CHUNK * 2 + 1);
    expect(await countEntries(db)).toBe(APPLY_CHUNK * 2 + 1);
    // Stored a page of entries per record, not a record per entry.
    expect(await db.entryPages.count()).toBeLessThanOrEqual(ENTRY_PAGES);
    expect((await listEntries(db)).map((e) => e.id)).toEqual(entries(APPLY_CHUNK * 2 + 1).map((e) => e.id).sort());
    db.close();
  });

  it('writes nothing when cancelled part-way: the library is exactly as before', async () => {
    const db = new AutofillDatabase(`apply-cancel-${Math.random()}`);
    await putEntries(db, [{ id: 'kept', question: 'Kept?', answer: 'Yes.' }]);
    const cancel = new AbortController();
    const error = await applySyncPlan(db, planSync(fileOf(APPLY_CHUNK * 3), await listEntries(db)), {}, {
      signal: cancel.signal,
      onProgress: (written, total) => {
        if (written < total) cancel.abort();
      },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportCancelledError);
    expect((error as Error).message).toBe('The import of team.json was cancelled; nothing was imported.');
    expect(await listEntries(db)).toEqual([{ id: 'kept', question: 'Kept?', answer: 'Yes.' }]);
    db.close();
  });
});

describe('the whole import in the worker (preview, write, cancel)', () => {
  /** A worker whose core writes to `db`, messages structured-cloned both ways as a real worker does. */
  /**
   * The session over a fake worker channel. `soon` delivers each message in a microtask instead of a task: the
   * paged write of a few thousand entries takes fake-indexeddb only a few tasks, fewer than a Cancel needs to cross
   * back over a task-based channel, whereas a real import's write lasts long enough for a click.
   */
  function sessionOver(db: AutofillDatabase, deliver: 'task' | 'soon' = 'task') {
    const later = (run: () => void) => (deliver === 'task' ? setTimeout(run, 0) : queueMicrotask(run));
    const worker: ImportWorkerLike = {
      onmessage: null,
      postMessage(message) {
        const copy = structuredClone(message);
        later(() => void receive(copy));
      },
    };
    const receive = createImportWorkerCore((answer) => {
      const copy = structuredClone(answer);
      later(() => worker.onmessage?.({ data: copy } as MessageEvent<unknown>));
    }, { db: () => db });
    return createWorkerImportSession(worker);
  }
  const valid = (count: number) => library(count).replace(',{"id":"bad","question":"No answer?"}', '');

  it('previews against the stored library with full counts and a bounded list, then writes every entry', async () => {
    const db = new AutofillDatabase(`worker-import-${Math.random()}`);
    await putEntries(db, [{ id: 'e-00000', question: 'Question 0?', answer: 'Answer 0.', updatedAt: '2026-06-01T09:30:00Z' }]);
    const session = sessionOver(db);
    const preview = await session.open(bytesOf(library(PREVIEW_ROWS + 50)), 'team.json', {});
    expect(preview.counts).toEqual({ added: PREVIEW_ROWS + 49, updated: 0, unchanged: 1, conflicts: 0, invalid: 1, removed: 0, skipped: 0, merged: 0 });
    expect(preview.added).toHaveLength(PREVIEW_ROWS);
    expect(summarizePlan(preview)).toBe(`${PREVIEW_ROWS + 49} added, 0 updated, 1 unchanged, 0 conflicts, 1 invalid`);
    // The invalid entry blocks the apply, which says where, and nothing is written.
    const refused = await session.apply({}).catch((e: unknown) => e);
    expect((refused as Error).message).toMatch(/^Nothing was imported\. team\.json has 1 invalid entry \(first: entry \d+: /);
    expect(await countEntries(db)).toBe(1);

    const ok = await session.open(bytesOf(valid(APPLY_CHUNK + 5)), 'team.json', {});
    expect(ok.counts.added).toBe(APPLY_CHUNK + 4);
    const progress: [number, number][] = [];
    const result = await session.apply({}, (written, total) => progress.push([written, total]));
    expect(result).toEqual({ added: APPLY_CHUNK + 4, updated: 0, keptLocal: 0, removed: 0 });
    expectSteps(progress, APPLY_CHUNK + 4);
    expect(await countEntries(db)).toBe(APPLY_CHUNK + 5);
    // Mirroring is planned in the worker too, against the library as it is now.
    await putEntries(db, [{ id: 'local-only', question: 'Only here?', answer: 'Yes.' }]);
    const mirrored = await session.replan({ mirror: true });
    expect(mirrored.counts).toMatchObject({ added: 0, unchanged: APPLY_CHUNK + 5, removed: 1 });
    expect(mirrored.removed.map((e) => e.id)).toEqual(['local-only']);
    db.close();
  });

  it('Cancel during the write rolls the transaction back: nothing of the import is written', async () => {
    const db = new AutofillDatabase(`worker-cancel-${Math.random()}`);
    await putEntries(db, [{ id: 'kept', question: 'Kept?', answer: 'Yes.' }]);
    const session = sessionOver(db, 'soon');
    await session.open(bytesOf(valid(APPLY_CHUNK * 4)), 'team.json', {});
    const error = await session
      .apply({}, (written, total) => {
        if (written < total) session.cancel();
      })
      .catch((e: unknown) => e);
    expect((error as Error).name).toBe('ImportCancelledError');
    expect((error as Error).message).toBe('The import of team.json was cancelled; nothing was imported.');
    expect(await listEntries(db)).toEqual([{ id: 'kept', question: 'Kept?', answer: 'Yes.' }]);
    db.close();
  });

  it('a chunk that fails to write rolls back the chunks written before it', async () => {
    const db = new AutofillDatabase(`worker-failed-chunk-${Math.random()}`);
    const session = sessionOver(db);
    await session.open(bytesOf(valid(APPLY_CHUNK * 3)), 'team.json', {});
    const bulkPut = db.entryPages.bulkPut.bind(db.entryPages);
    let calls = 0;
    db.entryPages.bulkPut = ((...args: Parameters<typeof bulkPut>) => {
      calls++;
      if (calls === 2) return Promise.reject(new Error('disk error on the second chunk'));
      return bulkPut(...args);
    }) as typeof bulkPut;
    const progress: number[] = [];
    const error = await session.apply({}, (written) => progress.push(written)).catch((e: unknown) => e);
    expect((error as Error).message).toBe('disk error on the second chunk');
    expect(progress).toHaveLength(1);
    expect(progress[0]).toBeGreaterThan(0);
    expect(progress[0]).toBeLessThan(APPLY_CHUNK * 3);
    db.entryPages.bulkPut = bulkPut;
    expect(await countEntries(db)).toBe(0);
    db.close();
  });

  it('a refused file comes back as the same LibraryFileError, naming the file', async () => {
    const error = await sessionOver(new AutofillDatabase(`worker-bad-${Math.random()}`)).open(bytesOf('{"format":"other"}'), 'other.json', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LibraryFileError);
    expect((error as Error).message).toBe('other.json: not an answer-library file: "format" is "other" (expected "answer-library").');
  });
});
