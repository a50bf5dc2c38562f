// Import at scale: the file parsed in the import worker gives what the main-thread parser gives (entries back in
// chunks, a refused file as the same LibraryFileError), and the apply writes in steps with progress, where Cancel
// rolls the whole transaction back.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { AutofillDatabase } from '../../lib/db/database';
import { APPLY_CHUNK, applySyncPlan, ImportCancelledError } from '../../lib/library/apply-sync';
import { LibraryFileError } from '../../lib/library/library-errors';
import { createImportWorkerCore, createWorkerParser, PARSED_CHUNK, type ImportWorkerLike } from '../../lib/library/parse-in-worker';
import { parseLibraryFile } from '../../lib/library/parse-library-file';
import { planSync } from '../../lib/library/plan-sync';

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
    expect(progress).toEqual([
      [APPLY_CHUNK, APPLY_CHUNK * 2 + 1],
      [APPLY_CHUNK * 2, APPLY_CHUNK * 2 + 1],
      [APPLY_CHUNK * 2 + 1, APPLY_CHUNK * 2 + 1],
    ]);
    expect(await db.entries.count()).toBe(APPLY_CHUNK * 2 + 1);
    db.close();
  });

  it('writes nothing when cancelled part-way: the library is exactly as before', async () => {
    const db = new AutofillDatabase(`apply-cancel-${Math.random()}`);
    await db.entries.put({ id: 'kept', question: 'Kept?', answer: 'Yes.' });
    const cancel = new AbortController();
    const error = await applySyncPlan(db, planSync(fileOf(APPLY_CHUNK * 3), await db.entries.toArray()), {}, {
      signal: cancel.signal,
      onProgress: (written) => {
        if (written === APPLY_CHUNK) cancel.abort();
      },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportCancelledError);
    expect((error as Error).message).toBe('The import of team.json was cancelled; nothing was imported.');
    expect(await db.entries.toArray()).toEqual([{ id: 'kept', question: 'Kept?', answer: 'Yes.' }]);
    db.close();
  });
});
