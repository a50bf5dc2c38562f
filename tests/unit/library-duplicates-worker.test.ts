// The near-duplicate search in its worker: progress while entries are compared, the pairs back by id, failures
// named, and Cancel stopping the worker so a late answer is never taken.
import { describe, expect, it } from 'vitest';
import { findDuplicatePairs } from '../../lib/library/find-duplicates';
import { createDuplicateSearch, createDuplicatesWorkerCore, DuplicateSearchCancelled, type DuplicatesWorkerLike } from '../../lib/library/duplicates-in-worker';
import type { LibraryEntry } from '../../lib/schema';

function library(count: number): LibraryEntry[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `e-${String(i).padStart(4, '0')}`,
    question: `How do you protect system ${i} against threat ${i * 7}?`,
    answer: i % 50 === 0 ? 'The same answer for every fiftieth entry.' : `System ${i} answer ${i * 13}.`,
  }));
}

/** A worker run in this process: messages go to the core a task later, answers come back unless terminated. */
function fakeWorker(loadEntries: () => Promise<readonly LibraryEntry[]>): DuplicatesWorkerLike & { terminated: boolean } {
  const worker: DuplicatesWorkerLike & { terminated: boolean } = {
    terminated: false,
    onmessage: null,
    onerror: null,
    postMessage(message) {
      setTimeout(() => void receive(message), 0);
    },
    terminate() {
      worker.terminated = true;
    },
  };
  const receive = createDuplicatesWorkerCore((message) => {
    if (!worker.terminated) worker.onmessage?.({ data: message } as MessageEvent<unknown>);
  }, loadEntries);
  return worker;
}

describe('findDuplicatePairs progress', () => {
  it('reports how many live entries were compared, ending at all of them', () => {
    const seen: Array<[number, number]> = [];
    findDuplicatePairs(library(250), undefined, (done, total) => seen.push([done, total]));
    expect(seen).toEqual([
      [0, 250],
      [100, 250],
      [200, 250],
      [250, 250],
    ]);
  });
});

describe('duplicate search in a worker', () => {
  it('answers with the pairs findDuplicatePairs finds, by id, after progress', async () => {
    const entries = library(220);
    const workers: Array<ReturnType<typeof fakeWorker>> = [];
    const search = createDuplicateSearch(() => {
      workers.push(fakeWorker(async () => entries));
      return workers.at(-1)!;
    });
    const progress: number[] = [];
    const pairs = await search.find((done) => progress.push(done));
    const expected = findDuplicatePairs(entries);
    expect(expected.length).toBeGreaterThan(0);
    expect(pairs).toEqual(expected.map((p) => ({ leftId: p.left.id, rightId: p.right.id, reason: p.reason, score: p.score })));
    expect(progress).toEqual([0, 100, 200, 220]);
    // The worker is done with once it answered.
    expect(workers[0]!.terminated).toBe(true);
  });

  it('Cancel rejects the search and terminates its worker; the next search starts a new one', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const workers: Array<ReturnType<typeof fakeWorker>> = [];
    const search = createDuplicateSearch(() => {
      workers.push(fakeWorker(async () => (workers.length === 1 ? (await gate, library(30)) : library(30))));
      return workers.at(-1)!;
    });
    const first = search.find(() => {});
    search.cancel();
    await expect(first).rejects.toBeInstanceOf(DuplicateSearchCancelled);
    expect(workers[0]!.terminated).toBe(true);
    release();
    const second = await search.find(() => {});
    expect(workers).toHaveLength(2);
    expect(second.map((p) => `${p.leftId}/${p.rightId}`)).toEqual(findDuplicatePairs(library(30)).map((p) => `${p.left.id}/${p.right.id}`));
  });

  it('says why when the library could not be read', async () => {
    const search = createDuplicateSearch(() => fakeWorker(async () => Promise.reject(new Error('database closed'))));
    await expect(search.find(() => {})).rejects.toThrow('The near-duplicate search failed: database closed');
  });
});
