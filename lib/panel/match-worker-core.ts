// What the matching worker does, without the worker: holds the library snapshot sent in chunks, builds the match
// index and ranks questions in small time-boxed batches, first ones first, so a newer request can replace an older
// one between batches. entrypoints/sidepanel/match.worker.ts wires it to `self`; tests wire it to a fake channel.
import { addLearnedAlias, buildIndex, type MatchIndex } from '../match';
import { libraryFingerprint, restoreIndex, snapshotIndex } from '../match/index-snapshot';
import type { IndexCache } from '../db/index-cache';
import { createProposer } from './propose';
import { FromMatchWorkerSchema, ToMatchWorkerSchema, type FromMatchWorker, type ToMatchWorker } from './match-protocol';
import type { LibrarySnapshot, ProposeFn } from './ports';
import type { LibraryEntry } from '../schema';

/** Work per batch before the results go out and newer requests get a chance to replace this one. */
const BATCH_MS = 25;

type LibraryChunk = Extract<ToMatchWorker, { type: 'library-chunk' }>;
type MatchRequest = Extract<ToMatchWorker, { type: 'match' }>;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export interface MatchWorkerOptions {
  batchMs?: number;
  /** Where the built index is kept between panel openings (IndexedDB in the worker); none: always built. */
  cache?: IndexCache;
  /** Told how each library snapshot got its index (tests, diagnostics). */
  onIndex?: (how: 'loaded' | 'built', ms: number) => void;
}

/**
 * The index of a library snapshot: the persisted one when it was built from exactly these entries on this day,
 * else built here (and persisted for the next opening). Learned aliases are added after, as buildIndex does.
 */
async function prepareIndex(snapshot: LibrarySnapshot, today: string, options: MatchWorkerOptions): Promise<MatchIndex> {
  const started = performance.now();
  const { cache } = options;
  const fingerprint = cache ? libraryFingerprint(snapshot.entries, today) : '';
  let index = cache ? restoreIndex(await cache.load(fingerprint).catch(() => undefined), snapshot.entries, today) : undefined;
  const how = index ? 'loaded' : 'built';
  if (!index) {
    index = buildIndex(snapshot.entries, [], { today });
    if (cache) {
      const stored = snapshotIndex(index);
      // A failed write only costs the next opening a rebuild.
      setTimeout(() => void cache.save(fingerprint, stored).catch(() => undefined), 0);
    }
  }
  for (const alias of snapshot.aliases) addLearnedAlias(index, alias);
  options.onIndex?.(how, performance.now() - started);
  return index;
}

/** Returns the handler for messages from the panel; answers go to `post`. */
export function createMatchWorkerCore(post: (message: FromMatchWorker) => void, options: MatchWorkerOptions | number = {}): (data: unknown) => void {
  const settings = typeof options === 'number' ? { batchMs: options } : options;
  const batchMs = settings.batchMs ?? BATCH_MS;
  let incoming: { version: number; entries: LibraryEntry[]; aliases: LibrarySnapshot['aliases'] } | undefined;
  let library: { version: number; snapshot: LibrarySnapshot; ready: Promise<ProposeFn> } | undefined;
  let latestRequest = -1;
  const send = (message: FromMatchWorker) => post(FromMatchWorkerSchema.parse(message));

  const receiveChunk = (chunk: LibraryChunk) => {
    if (incoming?.version !== chunk.version) incoming = { version: chunk.version, entries: [], aliases: [] };
    for (const entry of chunk.entries) incoming.entries.push(entry as LibraryEntry);
    incoming.aliases.push(...chunk.aliases);
    if (!chunk.last) return;
    const today = chunk.today;
    const snapshot = { entries: incoming.entries, aliases: incoming.aliases };
    const ready = prepareIndex(snapshot, today, settings).then((index) => createProposer(() => today, () => index));
    library = { version: incoming.version, snapshot, ready };
    incoming = undefined;
  };

  const match = async (request: MatchRequest) => {
    if (!library || library.version !== request.version) {
      send({ type: 'failed', request: request.request, message: `library version ${request.version} was not sent to the matcher` });
      return;
    }
    const { snapshot } = library;
    const propose = await library.ready;
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
