// The near-duplicate search off the panel's main thread: the duplicates worker reads the library from IndexedDB
// itself, runs findDuplicatePairs with progress, and sends back only the pairs' ids (at most MAX_DUPLICATE_PAIRS),
// so neither the search nor the library crosses to the panel. Cancel stops the worker outright (the search is one
// synchronous run). The same core runs in the worker (entrypoints/sidepanel/duplicates.worker.ts) and in tests.
import { z } from 'zod';
import type { LibraryEntry } from '../schema';
import { findDuplicatePairs } from './find-duplicates';

export const ToDuplicatesWorkerSchema = z.object({ type: z.literal('find'), request: z.number().int() });
export type ToDuplicatesWorker = z.infer<typeof ToDuplicatesWorkerSchema>;

const PairIdsSchema = z.object({ leftId: z.string(), rightId: z.string(), reason: z.enum(['same-answer', 'similar-question']), score: z.number() });
export type DuplicatePairIds = z.infer<typeof PairIdsSchema>;

export const FromDuplicatesWorkerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), request: z.number().int(), done: z.number().int().min(0), total: z.number().int().min(0) }),
  z.object({ type: z.literal('pairs'), request: z.number().int(), pairs: z.array(PairIdsSchema) }),
  z.object({ type: z.literal('failed'), request: z.number().int(), message: z.string() }),
]);
export type FromDuplicatesWorker = z.infer<typeof FromDuplicatesWorkerSchema>;

/** The worker's side: reads the library with `loadEntries`, searches, and answers through `post`. */
export function createDuplicatesWorkerCore(post: (message: FromDuplicatesWorker) => void, loadEntries: () => Promise<readonly LibraryEntry[]>): (data: unknown) => Promise<void> {
  return async (data) => {
    const parsed = ToDuplicatesWorkerSchema.safeParse(data);
    if (!parsed.success) return;
    const { request } = parsed.data;
    try {
      const entries = await loadEntries();
      const pairs = findDuplicatePairs(entries, undefined, (done, total) => post({ type: 'progress', request, done, total }));
      post({ type: 'pairs', request, pairs: pairs.map((p) => ({ leftId: p.left.id, rightId: p.right.id, reason: p.reason, score: p.score })) });
    } catch (error) {
      post({ type: 'failed', request, message: error instanceof Error ? error.message : String(error) });
    }
  };
}

export interface DuplicatesWorkerLike {
  postMessage(message: ToDuplicatesWorker): void;
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  onerror?: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

/** Thrown by a search the analyst cancelled. */
export class DuplicateSearchCancelled extends Error {
  override readonly name = 'DuplicateSearchCancelled';
  constructor() {
    super('The near-duplicate search was cancelled.');
  }
}

export interface DuplicateSearch {
  /** Resolves with the pairs' ids; rejects with DuplicateSearchCancelled after `cancel`. */
  find(onProgress: (done: number, total: number) => void): Promise<DuplicatePairIds[]>;
  cancel(): void;
}

/**
 * The panel's side: one search at a time, each in a worker from `startWorker`; Cancel terminates that worker and
 * the next search starts a new one.
 */
export function createDuplicateSearch(startWorker: () => DuplicatesWorkerLike): DuplicateSearch {
  let requests = 0;
  let running: { worker: DuplicatesWorkerLike; reject: (error: Error) => void } | undefined;
  const stop = () => {
    running?.worker.terminate();
    running = undefined;
  };
  return {
    find(onProgress) {
      if (running) {
        running.reject(new DuplicateSearchCancelled());
        stop();
      }
      const request = ++requests;
      const worker = startWorker();
      return new Promise<DuplicatePairIds[]>((resolve, reject) => {
        running = { worker, reject };
        const finish = () => {
          if (running?.worker === worker) stop();
        };
        worker.onmessage = (event) => {
          const parsed = FromDuplicatesWorkerSchema.safeParse(event.data);
          if (!parsed.success || parsed.data.request !== request) return;
          const message = parsed.data;
          if (message.type === 'progress') {
            onProgress(message.done, message.total);
            return;
          }
          finish();
          if (message.type === 'pairs') resolve(message.pairs);
          else reject(new Error(`The near-duplicate search failed: ${message.message}`));
        };
        worker.onerror = (event) => {
          finish();
          reject(new Error(`The near-duplicate search stopped: ${event.message}`));
        };
        worker.postMessage({ type: 'find', request });
      });
    },
    cancel() {
      running?.reject(new DuplicateSearchCancelled());
      stop();
    },
  };
}
