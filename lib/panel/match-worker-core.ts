// What the matching worker does, without the worker: holds the library snapshot sent in chunks, builds the match
// index and ranks questions in small time-boxed batches, first ones first, so a newer request can replace an older
// one between batches. Proposals ranked against a library are remembered with its persisted index, so reopening
// the panel on a page it has seen answers those questions at once. entrypoints/sidepanel/match.worker.ts wires it
// to `self`; tests wire it to a fake channel.
import { z } from 'zod';
import type { MatchIndex } from '../match';
import { libraryFingerprint, libraryVersionFingerprint } from '../match/library-fingerprint';
import type { IndexCache, RememberedRow } from '../db/index-cache';
import { FromMatchWorkerEnvelopeSchema, FromMatchWorkerSchema, ToMatchWorkerSchema, type FromMatchWorker, type ToMatchWorker } from './match-protocol';
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
/**
 * Up to this many remembered wordings go out in one message (a 300-question page reopened: one parse of about 15 ms
 * and one commit in the panel instead of three messages, each checked and rendered); more go KNOWN_PER_MESSAGE a
 * message, so a 1,000-question page still makes no long task.
 */
const KNOWN_IN_ONE_MESSAGE = 300;
/**
 * After a request answered wholly from remembered proposals, the matcher's chunk and the index load this much later:
 * evaluating the one and cloning the other out of IndexedDB took CPU from the panel while it rendered the proposals
 * (a 1,000-question page: ten messages) on a 2-core machine.
 */
const PRELOAD_AFTER_MS = 500;
/** Wordings whose proposals are remembered per library: the last pages opened, a few thousand questions. */
const REMEMBERED_WORDINGS = 5_000;

const RememberedProposalsSchema = z.array(ProposalSchema);

/**
 * Proposals remembered for a library, by wording, as read from the cache: each wording's list is checked with zod
 * when it is first asked for (a reopened page asks for its few hundred of up to REMEMBERED_WORDINGS), and one out
 * of shape counts as not remembered (matched again, and replaced).
 */
class Remembered {
  private readonly checked = new Map<string, Proposal[] | null>();
  private readonly stored: Record<string, unknown>;

  constructor(stored: unknown) {
    this.stored = typeof stored === 'object' && stored !== null && !Array.isArray(stored) ? (stored as Record<string, unknown>) : {};
  }

  get(wording: string): Proposal[] | undefined {
    let proposals = this.checked.get(wording);
    if (proposals === undefined) {
      if (!Object.hasOwn(this.stored, wording)) return undefined;
      const parsed = RememberedProposalsSchema.safeParse(this.stored[wording]);
      proposals = parsed.success ? parsed.data : null;
      this.checked.set(wording, proposals);
    }
    return proposals ?? undefined;
  }

  set(wording: string, proposals: Proposal[]): void {
    this.checked.set(wording, proposals);
  }

  /** What to store again: `fresh` first, then the rest (those found out of shape left out), up to `cap` wordings. */
  keep(fresh: Map<string, Proposal[]>, cap: number): Record<string, unknown> {
    const kept = new Map<string, unknown>();
    const add = (wording: string, proposals: unknown) => {
      if (kept.size < cap && !kept.has(wording) && proposals !== null) kept.set(wording, proposals);
    };
    for (const [wording, proposals] of fresh) add(wording, proposals);
    for (const [wording, proposals] of this.checked) add(wording, proposals);
    for (const wording of Object.keys(this.stored)) if (!this.checked.has(wording)) add(wording, this.stored[wording]);
    // Object.fromEntries defines each wording as an own property (a wording "__proto__" included).
    return Object.fromEntries(kept);
  }
}

type LibraryChunk = Extract<ToMatchWorker, { type: 'library-chunk' }>;
type MatchRequest = Extract<ToMatchWorker, { type: 'match' }>;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The matcher (./match-engine.ts), imported on first need: a reopened page whose wordings are all remembered is
 * answered by the worker's first module alone (Dexie, zod, the pages' read), before the matcher's chunk loads.
 */
let engine: Promise<typeof import('./match-engine')> | undefined;
const loadEngine = () => {
  engine ??= import('./match-engine');
  // A failed load is not kept: the next need imports again.
  engine.catch(() => {
    engine = undefined;
  });
  return engine;
};

export interface MatchWorkerOptions {
  batchMs?: number;
  /** Where the built index is kept between panel openings (IndexedDB in the worker); none: always built. */
  cache?: IndexCache;
  /** Told how each library snapshot got its index (tests, diagnostics). */
  onIndex?: (how: 'loaded' | 'built', ms: number) => void;
  /** Remember ranked proposals in the cache (default: whenever there is a cache). */
  rememberProposals?: boolean;
  /** The library database, for `library-from-db` snapshots: read ahead as soon as the worker starts. */
  database?: LibraryDatabase;
  /** Today's date (YYYY-MM-DD) for the read ahead; the panel's message says the day it matches for. */
  today?: () => string;
  /** Remembered wordings per message (tests); set without `knownInOneMessage`, it applies to any number of them. */
  knownPerMessage?: number;
  /** Delay of the matcher's and index's load after a request answered wholly from memory (tests). */
  preloadAfterMs?: number;
  /** Remembered wordings sent in one message when there are no more than this (tests). */
  knownInOneMessage?: number;
}

/** What the worker reads of the library database itself (lib/db in the worker; tests pass an in-memory one). */
export interface LibraryDatabase {
  /** Every entry as the panel would load it (bookkeeping stripped), in id order. */
  readEntries(): Promise<LibraryEntry[]>;
  /**
   * The same entries and, read with them, the library's stored version (changed by every entry write; undefined
   * when the store cannot say): fingerprinted instead of the entries' text.
   */
  readEntriesWithVersion?(): Promise<{ entries: LibraryEntry[]; version?: string }>;
  /**
   * The library's stored version alone (the same as readEntriesWithVersion gives, undefined when the store cannot
   * say), read without the entries: the remembered proposals are looked up by it before the entries are read.
   */
  readVersion?(): Promise<string | undefined>;
  /** The proposals row stored for this fingerprint, whatever learned wordings it was ranked with (unchecked). */
  readRemembered?(fingerprint: string): Promise<RememberedRow | undefined>;
  /**
   * The one proposals row stored and the fingerprint it was stored under (unchecked): read beside the version, it
   * serves when the fingerprints are equal.
   */
  readLastRemembered?(): Promise<(RememberedRow & { fingerprint: string }) | undefined>;
  /** Calls `listener` whenever an extension page announces an entry change (lib/db/entry-changes.ts). */
  watchChanges(listener: () => void): void;
}

/** Entries read from the database, their fingerprint and the proposals remembered for it, read in one go. */
interface StoredRead {
  entries: LibraryEntry[];
  fingerprint: string;
  /** Remembered proposals (unchecked until asked for) and the learned wordings they were ranked with. */
  remembered?: { aliases: string; byWording: unknown; withEntries: boolean };
}

/** The remembered-proposals row of the library's version, read before (and without) the entries. */
interface VersionRead {
  fingerprint: string;
  row: RememberedRow;
}

/** What a request is answered from before the entries are read: the row's proposals and the entries they name. */
interface Answerable {
  remembered: Remembered;
  /** Entry id → the entry's JSON text as a proposals message carries it (unchecked: a missing or odd one is not used). */
  entries: Record<string, unknown>;
}

/** The library database's reads for one day and one count of entry changes. */
interface Reads {
  /** The row remembered for the library's version; undefined when there is none or the version is unknown. */
  version: Promise<VersionRead | undefined>;
  /** The entries, their fingerprint and row: started ahead when the version read found nothing to answer from. */
  full: () => Promise<StoredRead>;
}

/** The entry ids a remembered list of proposals names (proposed and runner-up), whatever else it holds. */
function namedIds(list: unknown, out: Set<string>): void {
  if (!Array.isArray(list)) return;
  for (const proposal of list as unknown[]) {
    if (typeof proposal !== 'object' || proposal === null) continue;
    const { entryId, why } = proposal as { entryId?: unknown; why?: { runnerUp?: { entryId?: unknown } } };
    if (typeof entryId === 'string') out.add(entryId);
    const runnerUp = typeof why === 'object' && why !== null ? why.runnerUp?.entryId : undefined;
    if (typeof runnerUp === 'string') out.add(runnerUp);
  }
}

/** What a library snapshot is matched with: its proposer and what was remembered of earlier openings. */
interface Prepared {
  snapshot: LibrarySnapshot;
  /**
   * Loads or builds the index on the first call (later calls share it). Called once the remembered proposals went
   * out: loading the index clones it out of IndexedDB on this thread, which would hold back the match request
   * (and with it the remembered proposals) if it came while the clone runs.
   */
  propose: () => Promise<ProposeFn>;
  /** Proposals by wording ranked against exactly this snapshot before (read from the cache). */
  remembered: Remembered;
  remember?: (fresh: Map<string, Proposal[]>) => void;
  /** The row read was stored without the entries it names (before rows kept them): stored again, with them, once. */
  rowWithoutEntries?: boolean;
}

/**
 * The index of a library snapshot: the persisted one when it was built from exactly these entries on this day,
 * else built here (and persisted for the next opening). Learned aliases are added after, as buildIndex does.
 */
async function prepareIndex(snapshot: LibrarySnapshot, today: string, fingerprint: string, options: MatchWorkerOptions): Promise<MatchIndex> {
  const { addLearnedAlias, buildIndex, restoreIndex, snapshotIndex } = await loadEngine();
  markOpen('worker-engine-loaded');
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
async function readRemembered(cache: IndexCache, fingerprint: string, aliases: string): Promise<Remembered> {
  return new Remembered(await cache.loadProposals?.(fingerprint, aliases).catch(() => undefined));
}

/** Matching for a snapshot: index (loaded or built) and, with a cache, what earlier openings ranked. */
async function prepare(snapshot: LibrarySnapshot, today: string, options: MatchWorkerOptions, stored?: StoredRead): Promise<Prepared> {
  const { cache } = options;
  const fingerprint = cache ? (stored?.fingerprint ?? (await libraryFingerprint(snapshot.entries, today))) : '';
  const remember = !!cache?.loadProposals && !!cache.saveProposals && options.rememberProposals !== false;
  const aliases = JSON.stringify(snapshot.aliases);
  // The remembered proposals are a small read asked for first: started after it, the large index read (and its
  // structured clone, on this thread) would hold them back. Read ahead with the entries, they count only if they
  // were ranked with exactly these learned wordings.
  const remembered = !remember
    ? new Remembered(undefined)
    : stored?.remembered
      ? new Remembered(stored.remembered.aliases === aliases ? stored.remembered.byWording : undefined)
      : await readRemembered(cache!, fingerprint, aliases);
  let started: Promise<ProposeFn> | undefined;
  const propose = () => {
    if (started) return started;
    started = Promise.all([prepareIndex(snapshot, today, fingerprint, options), loadEngine()]).then(([index, { createProposer }]) =>
      createProposer(() => today, () => index),
    );
    // Not left unhandled when started ahead of a need; match() awaits it and reports a failure.
    started.catch(() => undefined);
    return started;
  };
  if (!remember) return { snapshot, propose, remembered };
  return {
    snapshot,
    propose,
    remembered,
    rowWithoutEntries: stored?.remembered?.aliases === aliases && !stored.remembered.withEntries,
    remember(fresh) {
      // The newest first, then what was remembered before, up to the cap. A failed write costs only a re-match.
      for (const [wording, proposals] of fresh) remembered.set(wording, proposals);
      const kept = remembered.keep(fresh, REMEMBERED_WORDINGS);
      setTimeout(() => {
        // With the entries every kept wording names, as the messages carry them: the next opening answers from this
        // row without reading the pages. Taken from this snapshot, whose fingerprint the row is stored under.
        const ids = new Set<string>();
        for (const list of Object.values(kept)) namedIds(list, ids);
        const byId = new Map(snapshot.entries.map((entry) => [entry.id, entry]));
        const texts: [string, string][] = [];
        for (const id of ids) {
          const entry = byId.get(id);
          if (entry) texts.push([id, JSON.stringify(entry)]);
        }
        // Object.fromEntries defines each id as an own property (an id "__proto__" included).
        const entries = Object.fromEntries(texts);
        void cache!.saveProposals!(fingerprint, aliases, kept, entries).catch(() => undefined);
      }, 0);
    },
  };
}

const withEntries = (entries: LibraryEntry[] | undefined) => (entries ? { entries: JSON.stringify(entries) } : {});

/** Returns the handler for messages from the panel; answers go to `post`. */
export function createMatchWorkerCore(post: (message: FromMatchWorker) => void, options: MatchWorkerOptions | number = {}): (data: unknown) => void {
  const settings = typeof options === 'number' ? { batchMs: options } : options;
  const batchMs = settings.batchMs ?? BATCH_MS;
  let incoming: { version: number; entries: LibraryEntry[]; aliases: LibrarySnapshot['aliases'] } | undefined;
  /** `shipped`: the panel holds no entries; the ids whose entries went out with proposals for this version. */
  let library: { version: number; ready: () => Promise<Prepared>; answerable?: Promise<Answerable | undefined>; shipped?: Set<string> } | undefined;
  let byId: { snapshot: LibrarySnapshot; map: Map<string, LibraryEntry> } | undefined;

  /** The entries these proposals name (proposed and runner-up) that the panel was not sent yet for this version. */
  const entriesFor = (snapshot: LibrarySnapshot, shipped: Set<string> | undefined, proposals: ReturnType<ProposeFn>): LibraryEntry[] | undefined => {
    if (!shipped) return undefined;
    if (byId?.snapshot !== snapshot) byId = { snapshot, map: new Map(snapshot.entries.map((e) => [e.id, e])) };
    const out: LibraryEntry[] = [];
    const add = (id: string | undefined) => {
      if (id === undefined || shipped.has(id)) return;
      const entry = byId!.map.get(id);
      if (!entry) return;
      shipped.add(id);
      out.push(entry);
    };
    for (const list of Object.values(proposals)) {
      for (const p of list) {
        add(p.entryId);
        add(p.why.runnerUp?.entryId);
      }
    }
    return out;
  };
  let latestRequest = -1;
  const send = (message: FromMatchWorker) => post(FromMatchWorkerSchema.parse(message));
  /**
   * For remembered proposals, each list already checked with zod in this worker (when read, by `Remembered`; a
   * list matched here, when it was sent): the message around them is checked, not every list again. The panel
   * checks all of it with zod, as every message it receives.
   */
  const sendRemembered = (message: Extract<FromMatchWorker, { type: 'proposals' }>) =>
    post({ ...FromMatchWorkerEnvelopeSchema.parse(message), proposals: message.proposals } as FromMatchWorker);

  // The library database, read ahead from the worker's start (while the panel still scans the page) and kept until
  // an extension page announces an entry change: a read started before the last announced change is not used. First
  // the library's version (the pages' stamps, from an index's keys) and the proposals row remembered for it: a
  // reopened page whose wordings are all in that row is answered from it, and the entry pages (a structured clone of
  // every entry on this thread) are read only after, for the matcher. With nothing to answer from, they are read at once.
  const { database, cache } = settings;
  const remembering = !!cache && settings.rememberProposals !== false;
  let changes = 0;
  let stored: { day: string; changes: number; generation: number; reads: Reads } | undefined;
  const readStored = (day: string, generation = 0): Reads => {
    if (stored && stored.day === day && stored.changes === changes && stored.generation === generation) return stored.reads;
    let fullRead: Promise<StoredRead> | undefined;
    const version = (async (): Promise<VersionRead | undefined> => {
      if (!remembering || !database!.readVersion || !database!.readRemembered) return undefined;
      // The row stored (one slot) is read beside the version, not after it: it serves if it was stored under this
      // version's fingerprint, else the row is asked for by the fingerprint (none stored under it, as a rule).
      const last = database!.readLastRemembered?.().catch(() => undefined);
      const read = await database!.readVersion();
      markOpen('worker-version-read');
      if (read === undefined) return undefined;
      const fingerprint = await libraryVersionFingerprint(read, day);
      markOpen('worker-fingerprinted');
      const lastRow = await last;
      const row = lastRow ? (lastRow.fingerprint === fingerprint ? lastRow : undefined) : await database!.readRemembered(fingerprint);
      markOpen('worker-remembered-read');
      return row ? { fingerprint, row } : undefined;
    })().catch(() => undefined);
    const full = (): Promise<StoredRead> => {
      if (fullRead) return fullRead;
      const read = (async (): Promise<StoredRead> => {
        const { entries, version: stamps } = database!.readEntriesWithVersion ? await database!.readEntriesWithVersion() : { entries: await database!.readEntries() };
        markOpen('worker-entries-read');
        const fingerprint = !cache ? '' : stamps !== undefined ? await libraryVersionFingerprint(stamps, day) : await libraryFingerprint(entries, day);
        markOpen('worker-library-read');
        // The row read with the version serves if the entries are still those of that version.
        const early = await version;
        const row = !remembering
          ? undefined
          : early?.fingerprint === fingerprint
            ? early.row
            : await database!.readRemembered?.(fingerprint).catch(() => undefined);
        markOpen('worker-remembered-read');
        const hasEntries = typeof row?.entries === 'object' && row.entries !== null;
        return { entries, fingerprint, ...(row ? { remembered: { aliases: row.aliases, byWording: row.byWording, withEntries: hasEntries } } : {}) };
      })();
      fullRead = read;
      // A failed read is not kept: the next need reads again.
      read.catch(() => {
        if (fullRead === read) fullRead = undefined;
      });
      return read;
    };
    // Nothing to answer from (or no way to tell before reading the entries): the entries are read at once.
    if (!remembering || !database!.readVersion || !database!.readRemembered) full().catch(() => undefined);
    else
      void version.then((read) => {
        if (!read) full().catch(() => undefined);
      });
    const reads = { version, full };
    stored = { day, changes, generation, reads };
    return reads;
  };
  if (database) {
    database.watchChanges(() => {
      changes++;
    });
    readStored((settings.today ?? (() => new Date().toISOString().slice(0, 10)))());
  }

  const receiveFromDb = (message: Extract<ToMatchWorker, { type: 'library-from-db' }>) => {
    if (!database) {
      const failed = Promise.reject(new Error('this matcher has no library database to read'));
      failed.catch(() => undefined);
      library = { version: message.version, ready: () => failed };
      return;
    }
    const aliases = message.aliases;
    const aliasesText = JSON.stringify(aliases);
    // A read tagged with another generation of the panel's (it wrote or heard of an entry change this worker may
    // not have heard of yet) is not used.
    const reads = readStored(message.today, message.generation);
    let prepared: Promise<Prepared> | undefined;
    const ready = () => {
      prepared ??= reads.full().then((read) => prepare({ entries: read.entries, aliases }, message.today, settings, read));
      prepared.catch(() => undefined);
      return prepared;
    };
    // Answerable before the entries are read: the row of the library's version, ranked with these learned wordings.
    const answerable = reads.version.then((read): Answerable | undefined => {
      if (!read || read.row.aliases !== aliasesText) return undefined;
      const entries = read.row.entries;
      return {
        remembered: new Remembered(read.row.byWording),
        entries: typeof entries === 'object' && entries !== null && !Array.isArray(entries) ? (entries as Record<string, unknown>) : {},
      };
    });
    library = { version: message.version, ready, answerable, ...(message.shipEntries ? { shipped: new Set<string>() } : {}) };
  };

  const receiveChunk = (chunk: LibraryChunk) => {
    if (incoming?.version !== chunk.version) incoming = { version: chunk.version, entries: [], aliases: [] };
    for (const entry of chunk.entries) incoming.entries.push(entry as LibraryEntry);
    incoming.aliases.push(...chunk.aliases);
    if (!chunk.last) return;
    markOpen('worker-library-received');
    const today = chunk.today;
    const snapshot = { entries: incoming.entries, aliases: incoming.aliases };
    const ready = prepare(snapshot, today, settings);
    library = { version: incoming.version, ready: () => ready };
    incoming = undefined;
  };

  /**
   * Sends remembered proposals, a few messages a task apart (one when there are few); `entriesOf` gives the entries
   * a message carries. False when a newer request replaced this one between messages.
   */
  const sendKnown = async (
    request: MatchRequest,
    known: [string, Proposal[]][],
    done: boolean,
    entriesOf: (proposals: ReturnType<ProposeFn>) => string | undefined,
  ): Promise<boolean> => {
    markOpen('worker-first-batch');
    const oneMessage = known.length <= (settings.knownInOneMessage ?? (settings.knownPerMessage === undefined ? KNOWN_IN_ONE_MESSAGE : 0));
    const perMessage = Math.max(1, oneMessage ? known.length : (settings.knownPerMessage ?? KNOWN_PER_MESSAGE));
    for (let start = 0; start === 0 || start < known.length; start += perMessage) {
      if (start > 0 && latestRequest !== request.request) return false;
      const last = start + perMessage >= known.length;
      if (last && done) markOpen('worker-last-batch');
      const proposals: ReturnType<ProposeFn> = Object.fromEntries(known.slice(start, start + perMessage));
      const entries = entriesOf(proposals);
      sendRemembered({ type: 'proposals', request: request.request, proposals, done: last && done, ...(entries !== undefined ? { entries } : {}) });
      markOpen('worker-first-posted');
      if (last && done) return true;
      await nextTask();
    }
    return true;
  };

  /** Every asked wording's remembered proposals and, when the panel holds no entries, every entry they name; else undefined. */
  const answerWhole = (request: MatchRequest, answerable: Answerable, shipped: Set<string> | undefined): [string, Proposal[]][] | undefined => {
    const known: [string, Proposal[]][] = [];
    const ids = new Set<string>();
    for (const question of request.questions) {
      const proposals = answerable.remembered.get(question.key);
      if (!proposals) return undefined;
      known.push([question.key, proposals]);
      if (shipped) namedIds(proposals, ids);
    }
    for (const id of ids) if (!Object.hasOwn(answerable.entries, id) || typeof answerable.entries[id] !== 'string') return undefined;
    return known;
  };

  const match = async (request: MatchRequest) => {
    if (!library || library.version !== request.version) {
      send({ type: 'failed', request: request.request, message: `library version ${request.version} was not sent to the matcher` });
      return;
    }
    const { ready, shipped, answerable } = library;
    markOpen('worker-match-received');
    // Every wording remembered for the library's version, with the entries named: answered before the entry pages
    // are read. They, the matcher and the index load a little later, ready for the next questions, not while the
    // panel still renders these (a request that needs them loads them at once).
    const early = answerable ? await answerable : undefined;
    const whole = early ? answerWhole(request, early, shipped) : undefined;
    markOpen('worker-answer-checked');
    if (early && whole) {
      const rowEntries = (proposals: ReturnType<ProposeFn>): string | undefined => {
        if (!shipped) return undefined;
        const ids = new Set<string>();
        for (const list of Object.values(proposals)) namedIds(list, ids);
        const texts: string[] = [];
        for (const id of ids) {
          if (shipped.has(id)) continue;
          shipped.add(id);
          texts.push(early.entries[id] as string);
        }
        return `[${texts.join(',')}]`;
      };
      if (await sendKnown(request, whole, true, rowEntries)) {
        setTimeout(() => void ready().then((prepared) => prepared.propose()).catch(() => undefined), settings.preloadAfterMs ?? PRELOAD_AFTER_MS);
      }
      return;
    }
    const prepared = await ready();
    const { snapshot, remembered, remember } = prepared;
    // Wordings ranked against this library before go out at once, a few messages a task apart; the rest are matched.
    const known: [string, Proposal[]][] = [];
    const questions = request.questions.filter((q) => {
      const proposals = remembered.get(q.key);
      if (proposals) known.push([q.key, proposals]);
      return !proposals;
    });
    if (questions.length < request.questions.length || questions.length === 0) {
      const entriesOf = (proposals: ReturnType<ProposeFn>) => withEntries(entriesFor(snapshot, shipped, proposals)).entries;
      if (!(await sendKnown(request, known, questions.length === 0, entriesOf))) return;
      if (questions.length === 0) {
        // A row kept before rows held their entries is stored again with them, so the next opening is answered from it.
        if (prepared.rowWithoutEntries && known.length > 0) {
          prepared.rowWithoutEntries = false;
          remember?.(new Map());
        }
        setTimeout(() => void ready().then((prepared) => prepared.propose()).catch(() => undefined), settings.preloadAfterMs ?? PRELOAD_AFTER_MS);
        return;
      }
    }
    const propose = await ready().then((prepared) => prepared.propose());
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
      send({ type: 'proposals', request: request.request, proposals, done: next >= questions.length, ...withEntries(entriesFor(snapshot, shipped, proposals)) });
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
    if (message.type === 'library-from-db') {
      receiveFromDb(message);
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
