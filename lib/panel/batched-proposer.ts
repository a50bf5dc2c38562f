// The panel's side of the matching worker: sends each library snapshot once (in chunks, a task apart), asks for the
// questions not matched yet and hands proposals over as batches arrive. Questions already matched against the same
// snapshot are answered at once from a cache, so the re-scan after every fill needs no round trip.
import { FromMatchWorkerEnvelopeSchema, LIBRARY_CHUNK, ProposalListSchema, shippedEntriesOf, type FromMatchWorker, type MatchQuestion, type ToMatchWorker } from './match-protocol';
import { SLICE_MS, yieldTask } from '../messaging/yield-task';
import type { LibrarySnapshot } from './ports';
import { markOpen } from './open-marks';
import type { DetectedQuestion, LibraryEntry, Proposal } from '../schema';

/** What the panel needs of a Worker (a real one in the panel, a fake in tests). */
export interface MatchWorkerLike {
  postMessage(message: ToMatchWorker): void;
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  onerror?: ((event: ErrorEvent) => void) | null;
}

export interface BatchedProposal {
  /** Proposals known at once (matched before against this snapshot). */
  known: Record<string, Proposal[]>;
  /** Keys still being matched; their proposals come through `onBatch`. */
  pending: string[];
  /** Settles when every pending key was answered, or when a newer call replaced this one. */
  done: Promise<void>;
  /**
   * For a snapshot read by the worker (`fromDatabase`): the entries its proposals name, as the worker sent them
   * with the proposals, for this snapshot (filled in before each `onBatch`).
   */
  entries?: ReadonlyMap<string, LibraryEntry>;
}

export type ProposeInBatchesFn = ((
  questions: Pick<DetectedQuestion, 'key' | 'text' | 'kind' | 'options' | 'optionsSearchable'>[],
  library: LibrarySnapshot,
  onBatch: (proposals: Record<string, Proposal[]>) => void,
) => BatchedProposal) & {
  /** Sends a snapshot to the worker now, before any question is asked (the worker starts reading and preparing). */
  sendAhead?: (library: LibrarySnapshot) => void;
};

const memoKey = (q: Pick<DetectedQuestion, 'text' | 'kind' | 'options' | 'optionsSearchable'>) =>
  `${q.text}\u0000${q.kind}\u0000${q.optionsSearchable ? 's' : ''}\u0000${q.options.join('\u0001')}`;
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

interface Waiting {
  request: number;
  onBatch: (proposals: Record<string, Proposal[]>) => void;
  keysByMemo: Map<string, string[]>;
  settle: (error?: Error) => void;
  /** A batch for this request failed the check and was dropped. */
  dropped?: boolean;
}

const DROPPED = 'Matching failed: the matcher sent proposals that did not pass the check (Re-scan to match again)';

/** Wordings whose proposals are checked a slice at a time when a batch is checked in slices. */
export const PROPOSALS_AT_ONCE = 100;
/**
 * Up to this many wordings are checked in the task the batch arrived in (a 300-question page reopened: one message
 * of remembered proposals, about 15 ms of checks); a larger batch is checked in slices of PROPOSALS_AT_ONCE.
 */
export const PROPOSALS_IN_ONE_TASK = 300;

/** How a large batch is checked: a pause between slices, the slice's time and its clock (fakes in tests). */
export interface ProposalSlicing {
  yieldTask: () => Promise<void>;
  sliceMs: number;
  now: () => number;
}

const realSlicing: ProposalSlicing = { yieldTask, sliceMs: SLICE_MS, now: () => performance.now() };

export interface BatchedProposerOptions {
  /**
   * The worker reads the library database itself (`library-from-db`): for each new snapshot only its learned
   * wordings go out, not its entries (the worker's own read is what it matches, fingerprints and remembers by).
   */
  fromDatabase?: boolean;
  slicing?: ProposalSlicing;
}

export function createBatchedProposer(
  worker: MatchWorkerLike,
  today: () => string = () => new Date().toISOString().slice(0, 10),
  options: BatchedProposerOptions = {},
): ProposeInBatchesFn {
  const versions = new WeakMap<LibrarySnapshot, number>();
  let sentVersion = -1;
  let lastVersion = 0;
  let requests = 0;
  /** Proposals by question wording for the snapshot last sent. */
  let memo = new Map<string, Proposal[]>();
  let waiting: Waiting | undefined;
  /** Entries the worker sent with proposals for the snapshot last sent, and the first request asked against it. */
  let entries = new Map<string, LibraryEntry>();
  let firstRequestOfVersion = 1;
  /** Library chunks go out one task apart; a match request waits behind them. */
  let sending: Promise<void> = Promise.resolve();

  const slicing = options.slicing ?? realSlicing;

  /** Checks a message as FromMatchWorkerSchema does; a large batch's proposals a slice a task. Undefined if invalid. */
  const check = (data: unknown): FromMatchWorker | undefined | Promise<FromMatchWorker | undefined> => {
    const envelope = FromMatchWorkerEnvelopeSchema.safeParse(data);
    if (!envelope.success) return undefined;
    if (envelope.data.type !== 'proposals') return envelope.data;
    const message = envelope.data;
    const wordings = Object.keys(message.proposals);
    const checked: Record<string, Proposal[]> = {};
    const checkOne = (wording: string) => {
      const list = ProposalListSchema.safeParse(message.proposals[wording]);
      if (list.success) checked[wording] = list.data;
      return list.success;
    };
    if (wordings.length <= PROPOSALS_IN_ONE_TASK) return wordings.every(checkOne) ? { ...message, proposals: checked } : undefined;
    return (async () => {
      let next = 0;
      while (next < wordings.length) {
        await slicing.yieldTask();
        const started = slicing.now();
        const end = Math.min(wordings.length, next + PROPOSALS_AT_ONCE);
        do {
          if (!checkOne(wordings[next]!)) return undefined;
          next++;
        } while (next < end && slicing.now() - started < slicing.sliceMs);
      }
      return { ...message, proposals: checked };
    })();
  };

  /** Messages arriving while a large batch is being checked wait behind it, so batches land in order. */
  let behind: Promise<void> | undefined;
  let queued = 0;
  const landed = () => void queued--;
  // A throw while handling one message is reported as uncaught (as a throw in onmessage was) without stopping the line.
  const rethrow = (error: unknown) => void queueMicrotask(() => {
    throw error;
  });
  worker.onmessage = (event) => {
    markOpen('proposals-received');
    if (queued === 0) {
      const result = check(event.data);
      if (!(result instanceof Promise)) return receive(result, event.data);
      queued++;
      behind = result.then((message) => receive(message, event.data)).catch(rethrow).finally(landed);
      return;
    }
    queued++;
    behind = behind!.then(async () => receive(await check(event.data), event.data)).catch(rethrow).finally(landed);
  };

  const receive = (message: FromMatchWorker | undefined, data: unknown) => {
    if (!message) {
      // A message that fails the check is dropped. When it answers the request waited on, its questions would say
      // "Matching…" for ever: the request goes on (later batches land) and ends with an error the panel shows, at
      // its last batch or now when the dropped one was the last.
      const { request, done } = typeof data === 'object' && data !== null ? (data as { request?: unknown; done?: unknown }) : {};
      if (!waiting || request !== waiting.request) return;
      if (done === true) waiting.settle(new Error(DROPPED));
      else waiting.dropped = true;
      return;
    }
    // Entries are sent once per snapshot: kept even from the answer to a request since replaced.
    if (message.type === 'proposals' && message.entries && message.request >= firstRequestOfVersion) {
      for (const entry of shippedEntriesOf(message.entries) ?? []) entries.set(entry.id, entry);
    }
    if (!waiting || message.request !== waiting.request) return;
    if (message.type === 'failed') {
      waiting.settle(new Error(`Matching failed: ${message.message}`));
      return;
    }
    const byKey: Record<string, Proposal[]> = {};
    for (const [wording, proposals] of Object.entries(message.proposals)) {
      memo.set(wording, proposals);
      for (const key of waiting.keysByMemo.get(wording) ?? []) byKey[key] = proposals;
    }
    markOpen('first-proposals');
    waiting.onBatch(byKey);
    if (message.done) {
      markOpen('all-proposals');
      waiting.settle(waiting.dropped ? new Error(DROPPED) : undefined);
    }
  };
  worker.onerror = (event) => waiting?.settle(new Error(`The matcher stopped: ${event.message}`));

  const sendLibrary = (library: LibrarySnapshot, version: number) => {
    const day = today();
    const lazy = library.fromDatabase;
    if (options.fromDatabase || lazy) {
      const aliases = library.aliases.map(({ entryId, text, normalized }) => ({ entryId, text, normalized }));
      const extra = lazy ? { generation: lazy.generation, shipEntries: true } : {};
      sending = sending.then(() => {
        worker.postMessage({ type: 'library-from-db', version, aliases, today: day, ...extra });
        markOpen('library-sent');
      });
      return;
    }
    sending = sending.then(async () => {
      const { entries, aliases } = library;
      for (let start = 0; start === 0 || start < entries.length; start += LIBRARY_CHUNK) {
        const last = start + LIBRARY_CHUNK >= entries.length;
        worker.postMessage({ type: 'library-chunk', version, entries: entries.slice(start, start + LIBRARY_CHUNK), aliases: start === 0 ? aliases : [], last, today: day });
        if (!last) await nextTask();
        else markOpen('library-sent');
      }
    });
  };

  /** The snapshot's version, sent to the worker unless it was the last one sent. */
  const ensureSent = (library: LibrarySnapshot): number => {
    let version = versions.get(library);
    if (version === undefined) {
      version = ++lastVersion;
      versions.set(library, version);
    }
    if (version !== sentVersion) {
      sentVersion = version;
      memo = new Map();
      entries = new Map();
      firstRequestOfVersion = requests + 1;
      sendLibrary(library, version);
    }
    return version;
  };

  const proposeInBatches: ProposeInBatchesFn = (questions, library, onBatch) => {
    const version = ensureSent(library);
    const shipped = library.fromDatabase ? { entries } : {};
    waiting?.settle();
    const known: Record<string, Proposal[]> = {};
    const keysByMemo = new Map<string, string[]>();
    const ask: MatchQuestion[] = [];
    for (const q of questions) {
      const wording = memoKey(q);
      const cached = memo.get(wording);
      if (cached) {
        known[q.key] = cached;
        continue;
      }
      const keys = keysByMemo.get(wording);
      if (keys) {
        keys.push(q.key);
        continue;
      }
      keysByMemo.set(wording, [q.key]);
      // The worker answers by wording, so a question asked twice on a page is matched once.
      ask.push({ key: wording, text: q.text, kind: q.kind, options: q.options, ...(q.optionsSearchable ? { optionsSearchable: true } : {}) });
    }
    const pending = [...keysByMemo.values()].flat();
    if (ask.length === 0) return { known, pending, done: Promise.resolve(), ...shipped };
    const request = ++requests;
    const done = new Promise<void>((resolve, reject) => {
      waiting = {
        request,
        onBatch,
        keysByMemo,
        settle: (error) => {
          if (waiting?.request === request) waiting = undefined;
          if (error) reject(error);
          else resolve();
        },
      };
    });
    const sentWith = version;
    sending = sending.then(() => worker.postMessage({ type: 'match', request, version: sentWith, questions: ask }));
    return { known, pending, done, ...shipped };
  };
  proposeInBatches.sendAhead = (library) => void ensureSent(library);
  return proposeInBatches;
}
