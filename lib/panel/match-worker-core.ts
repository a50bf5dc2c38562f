// What the matching worker does, without the worker: holds the library snapshot sent in chunks, builds the match
// index and ranks questions in small time-boxed batches, first ones first, so a newer request can replace an older
// one between batches. entrypoints/sidepanel/match.worker.ts wires it to `self`; tests wire it to a fake channel.
import { createProposer } from './propose';
import { FromMatchWorkerSchema, ToMatchWorkerSchema, type FromMatchWorker, type ToMatchWorker } from './match-protocol';
import type { LibrarySnapshot, ProposeFn } from './ports';
import type { LibraryEntry } from '../schema';

/** Work per batch before the results go out and newer requests get a chance to replace this one. */
const BATCH_MS = 25;

type LibraryChunk = Extract<ToMatchWorker, { type: 'library-chunk' }>;
type MatchRequest = Extract<ToMatchWorker, { type: 'match' }>;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Returns the handler for messages from the panel; answers go to `post`. */
export function createMatchWorkerCore(post: (message: FromMatchWorker) => void, batchMs = BATCH_MS): (data: unknown) => void {
  let incoming: { version: number; entries: LibraryEntry[]; aliases: LibrarySnapshot['aliases'] } | undefined;
  let library: { version: number; snapshot: LibrarySnapshot; propose: ProposeFn } | undefined;
  let latestRequest = -1;
  const send = (message: FromMatchWorker) => post(FromMatchWorkerSchema.parse(message));

  const receiveChunk = (chunk: LibraryChunk) => {
    if (incoming?.version !== chunk.version) incoming = { version: chunk.version, entries: [], aliases: [] };
    for (const entry of chunk.entries) incoming.entries.push(entry as LibraryEntry);
    incoming.aliases.push(...chunk.aliases);
    if (!chunk.last) return;
    const today = chunk.today;
    library = { version: incoming.version, snapshot: { entries: incoming.entries, aliases: incoming.aliases }, propose: createProposer(() => today) };
    incoming = undefined;
  };

  const match = async (request: MatchRequest) => {
    if (!library || library.version !== request.version) {
      send({ type: 'failed', request: request.request, message: `library version ${request.version} was not sent to the matcher` });
      return;
    }
    const { snapshot, propose } = library;
    let next = 0;
    do {
      const started = performance.now();
      const proposals: ReturnType<ProposeFn> = {};
      // At least one question per batch, so the first batch (which also builds the index) makes progress.
      do {
        Object.assign(proposals, propose([request.questions[next]!], snapshot));
        next++;
      } while (next < request.questions.length && performance.now() - started < batchMs);
      send({ type: 'proposals', request: request.request, proposals, done: next >= request.questions.length });
      await nextTask();
    } while (next < request.questions.length && latestRequest === request.request);
  };

  return (data) => {
    const parsed = ToMatchWorkerSchema.safeParse(data);
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.type === 'library-chunk') {
      receiveChunk(message);
      return;
    }
    latestRequest = message.request;
    if (message.questions.length === 0) {
      send({ type: 'proposals', request: message.request, proposals: {}, done: true });
      return;
    }
    match(message).catch((error: unknown) => send({ type: 'failed', request: message.request, message: error instanceof Error ? error.message : String(error) }));
  };
}
