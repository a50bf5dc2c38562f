// What the matching worker does, without the worker: holds the library snapshot sent in chunks, builds the match
// index and ranks questions in small time-boxed batches, first ones first, so a newer request can replace an older
// one between batches. Proposals ranked against a library are remembered with its persisted index, so reopening
// the panel on a page it has seen answers those questions at once. entrypoints/sidepanel/match.worker.ts wires it
// to `self`; tests wire it to a fake channel.
import { z } from 'zod';
import { addLearnedAlias, buildIndex, type MatchIndex } from '../match';
import { libraryFingerprint, restoreIndex, snapshotIndex } from '../match/index-snapshot';
import type { IndexCache } from '../db/index-cache';
import { createProposer } from './propose';
import { FromMatchWorkerSchema, ToMatchWorkerSchema, type FromMatchWorker, type ToMatchWorker } from './match-protocol';
import type { LibrarySnapshot, ProposeFn } from './ports';
import { ProposalSchema, type LibraryEntry, type Proposal } from '../schema';
import { markOpen } from './open-marks';

/** Work per batch before the results go out and newer requests get a chance to replace this one. */
const BATCH_MS = 25;
/**
 * Remembered proposals per message: the panel parses each message in one task (about 0.05 ms a wording on a loaded
 * machine), so the 1,000 wordings of a page reopened go out in ten messages a task apart instead of one 50-90 ms task.
 */
const KNOWN_PER_MESSAGE = 100;
/** Wordings whose proposals are remembered per library: the last pages opened, a few thousand questions. */
const REMEMBERED_WORDINGS = 5_000;

const RememberedSchema = z.record(z.string(), z.array(ProposalSchema));

type LibraryChunk = Extract<ToMatchWorker, { type: 'library-chunk' }>;
type MatchRequest = Extract<ToMatchWorker, { type: 'match' }>;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export interface MatchWorkerOptions {
  batchMs?: number;
  /** Where the built index is kept between panel openings (IndexedDB in the worker); none: always built. */
  cache?: IndexCache;
  /** Told how each library snapshot got its index (tests, diagnostics). */
  onIndex?: (how: 'loaded' | 'built', ms: number) => void;
  /** Remember ranked proposals in the cache (default: whenever there is a cache). */
  rememberProposals?: boolean;
  /** Remembered wordings per message (tests). */
  knownPerMessage?: number;
}

/** What a library snapshot is matched with: its proposer and what was remembered of earlier openings. */
interface Prepared {
  /** Settles once the index is loaded or built: remembered proposals do not wait for it. */
  propose: Promise<ProposeFn>;
  /** Proposals by wording ranked against exactly this snapshot before (read from the cache). */
  remembered: Map<string, Proposal[]>;
  remember?: (fresh: Map<string, Proposal[]>) => void;
}

/**
 * The index of a library snapshot: the persisted one when it was built from exactly these entries on this day,
 * else built here (and persisted for the next opening). Learned aliases are added after, as buildIndex does.
 */
async function prepareIndex(snapshot: LibrarySnapshot, today: string, fingerprint: string, options: MatchWorkerOptions): Promise<MatchIndex> {
  const started = performance.now();
  const { cache } = options;
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
  markOpen('worker-index-ready');
  options.onIndex?.(how, performance.now() - started);
  return index;
}

/** Proposals remembered for this library and these aliases; anything unreadable or out of shape counts as none. */
async function readRemembered(cache: IndexCache, fingerprint: string, aliases: string): Promise<Map<string, Proposal[]>> {
  const stored = await cache.loadProposals?.(fingerprint, aliases).catch(() => undefined);
  const parsed = RememberedSchema.safeParse(stored ?? {});
  return new Map(parsed.success ? Object.entries(parsed.data) : []);
}

/** Matching for a snapshot: index (loaded or built) and, with a cache, what earlier openings ranked. */
async function prepare(snapshot: LibrarySnapshot, today: string, options: MatchWorkerOptions): Promise<Prepared> {
  const { cache } = options;
  const fingerprint = cache ? libraryFingerprint(snapshot.entries, today) : '';
  const remember = !!cache?.loadProposals && !!cache.saveProposals && options.rememberProposals !== false;
  const aliases = JSON.stringify(snapshot.aliases);
  // The remembered proposals are a small read asked for first: started after it, the large index read (and its
  // structured clone, on this thread) would hold them back.
  const remembered = remember ? await readRemembered(cache!, fingerprint, aliases) : new Map<string, Proposal[]>();
  const propose = prepareIndex(snapshot, today, fingerprint, options).then((index) => createProposer(() => today, () => index));
  // Not left unhandled while the remembered proposals go out; match() awaits it and reports a failure.
  propose.catch(() => undefined);
  if (!remember) return { propose, remembered };
  return {
    propose,
    remembered,
    remember(fresh) {
      // The newest first, then what was remembered before, up to the cap. A failed write costs only a re-match.
      for (const [wording, proposals] of fresh) remembered.set(wording, proposals);
      const kept = [...fresh, ...[...remembered].filter(([wording]) => !fresh.has(wording))].slice(0, REMEMBERED_WORDINGS);
      setTimeout(() => void cache!.saveProposals!(fingerprint, aliases, Object.fromEntries(kept)).catch(() => undefined), 0);
    },
  };
}

/** Returns the handler for messages from the panel; answers go to `post`. */
export function createMatchWorkerCore(post: (message: FromMatchWorker) => void, options: MatchWorkerOptions | number = {}): (data: unknown) => void {
  const settings = typeof options === 'number' ? { batchMs: options } : options;
  const batchMs = settings.batchMs ?? BATCH_MS;
  let incoming: { version: number; entries: LibraryEntry[]; aliases: LibrarySnapshot['aliases'] } | undefined;
  let library: { version: number; snapshot: LibrarySnapshot; ready: Promise<Prepared> } | undefined;
  let latestRequest = -1;
  const send = (message: FromMatchWorker) => post(FromMatchWorkerSchema.parse(message));

  const receiveChunk = (chunk: LibraryChunk) => {
    if (incoming?.version !== chunk.version) incoming = { version: chunk.version, entries: [], aliases: [] };
    for (const entry of chunk.entries) incoming.entries.push(entry as LibraryEntry);
    incoming.aliases.push(...chunk.aliases);
    if (!chunk.last) return;
    markOpen('worker-library-received');
    const today = chunk.today;
    const snapshot = { entries: incoming.entries, aliases: incoming.aliases };
    const ready = prepare(snapshot, today, settings);
    library = { version: incoming.version, snapshot, ready };
    incoming = undefined;
  };

  const match = async (request: MatchRequest) => {
    if (!library || library.version !== request.version) {
      send({ type: 'failed', request: request.request, message: `library version ${request.version} was not sent to the matcher` });
      return;
    }
    const { snapshot, ready } = library;
    const { remembered, remember } = await ready;
    // Wordings ranked against this library before go out at once, a few messages a task apart; the rest are matched.
    const known: [string, Proposal[]][] = [];
    const questions = request.questions.filter((q) => {
      const proposals = remembered.get(q.key);
      if (proposals) known.push([q.key, proposals]);
      return !proposals;
    });
    if (questions.length < request.questions.length || questions.length === 0) {
      markOpen('worker-first-batch');
      const perMessage = Math.max(1, settings.knownPerMessage ?? KNOWN_PER_MESSAGE);
      for (let start = 0; start === 0 || start < known.length; start += perMessage) {
        if (start > 0 && latestRequest !== request.request) return;
        const last = start + perMessage >= known.length;
        if (last && questions.length === 0) markOpen('worker-last-batch');
        send({ type: 'proposals', request: request.request, proposals: Object.fromEntries(known.slice(start, start + perMessage)), done: last && questions.length === 0 });
        if (last && questions.length === 0) return;
        await nextTask();
      }
    }
    const propose = await ready.then((prepared) => prepared.propose);
    const fresh = new Map<string, Proposal[]>();
    let next = 0;
    while (next < questions.length && latestRequest === request.request) {
      const started = performance.now();
      const proposals: ReturnType<ProposeFn> = {};
      // At least one question per batch, so the first batch (which also builds the index) makes progress.
      do {
        Object.assign(proposals, propose([questions[next]!], snapshot));
        next++;
      } while (next < questions.length && performance.now() - started < batchMs);
      for (const [wording, list] of Object.entries(proposals)) fresh.set(wording, list);
      markOpen('worker-first-batch');
      if (next >= questions.length) markOpen('worker-last-batch');
      send({ type: 'proposals', request: request.request, proposals, done: next >= questions.length });
      await nextTask();
    }
    if (fresh.size > 0) remember?.(fresh);
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
