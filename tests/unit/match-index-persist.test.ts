// The persisted match index: a snapshot read back (through structured clone, as IndexedDB stores it) ranks exactly
// as the index it was taken from; a snapshot of another library, day or format, or a damaged one, is refused; the
// matching worker loads a fitting one instead of building, and rebuilds (and replaces) one that does not fit.
// Proposals ranked against a library are remembered beside its index and sent at once on the next opening, only
// for the same library and the same learned wordings.
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { createIndexCache, IndexCacheDatabase, type IndexCache } from '../../lib/db/index-cache';
import { addLearnedAlias, buildIndex, matchQuestion, type MatchIndex } from '../../lib/match';
import { INDEX_SNAPSHOT_FORMAT, libraryFingerprint, libraryVersionFingerprint, restoreIndex, snapshotIndex, type IndexSnapshot } from '../../lib/match/index-snapshot';
import { shippedEntriesOf, ToMatchWorkerSchema, type FromMatchWorker } from '../../lib/panel/match-protocol';
import { AutofillDatabase } from '../../lib/db/database';
import { createLibraryReader } from '../../lib/db/library-reader';
import Dexie from 'dexie';
import { createMatchWorkerCore, type LibraryDatabase } from '../../lib/panel/match-worker-core';
import { createProposer } from '../../lib/panel/propose';
import type { LibraryEntry, Proposal } from '../../lib/schema';
import { entry } from './panel-fixtures';
import { deleteEntries, listEntries, putEntries } from '../../lib/db/entries-repository';

const TODAY = '2026-12-01';

const entries: LibraryEntry[] = [
  entry({ id: 'enc', question: 'Is customer data encrypted at rest?', answer: 'Yes, AES-256 on every database and backup.', choice: 'Yes', tags: ['encryption', 'data'] }),
  entry({ id: 'mfa', question: 'Do you enforce multi-factor authentication for administrators?', alternateQuestions: ['Is MFA required for admins?'], answer: 'Yes, hardware keys for all admins.', choice: 'Yes' }),
  entry({ id: 'backup', question: 'How often are backups tested?', answer: 'Quarterly restore tests, documented.', tags: ['backups'] }),
  entry({ id: 'draft', question: 'Do you run a bug bounty programme?', answer: 'Not yet.', status: 'draft' }),
  entry({ id: 'old', question: 'Is the penetration test report available?', answer: 'Yes, under NDA.', expiresAt: '2025-01-01' }),
  entry({ id: 'gone', question: 'Do you use floppy disks?', answer: 'No.', status: 'retired' }),
  ...Array.from({ length: 40 }, (_, i) => entry({ id: `filler-${i}`, question: `How is widget ${i} calibrated for the vendor portal?`, answer: `Widget ${i} is calibrated monthly.`, tags: [`group-${i % 4}`] })),
];

const asked = [
  'Is customer data encrypted at rest?',
  'Please confirm: are backups tested, and how often?',
  'Is MFA required for admins?',
  'Do you run a bug bounty?',
  'Is the pentest report available?',
  'How is widget 7 calibrated?',
  'Is custmer data encrypted?',
  'Do you use floppy disks?',
];

function ranked(index: MatchIndex) {
  return asked.map((text) => matchQuestion(index, { text, kind: 'text', options: [] }, { candidateCount: 4 }));
}

/** What IndexedDB gives back: a structured clone. */
const stored = (index: MatchIndex) => structuredClone(snapshotIndex(index));

describe('index snapshot', () => {
  it('a snapshot read back ranks every question as the built index does, learned wordings included', () => {
    const built = buildIndex(entries, [], { today: TODAY });
    const restored = restoreIndex(stored(built), entries, TODAY);
    expect(restored).toBeDefined();
    expect(ranked(restored!)).toEqual(ranked(built));
    // Aliases are added after loading, as buildIndex adds them after the entries.
    const alias = { entryId: 'backup', text: 'What is your restore drill cadence?' };
    addLearnedAlias(built, alias);
    addLearnedAlias(restored!, alias);
    expect(ranked(restored!)).toEqual(ranked(built));
    expect(matchQuestion(restored!, { text: alias.text, kind: 'text', options: [] }).proposal?.entryId).toBe('backup');
    expect(ranked(buildIndex(entries, [alias], { today: TODAY }))).toEqual(ranked(restored!));
  });

  it('is refused for another library, another day or another format', () => {
    const snapshot = stored(buildIndex(entries, [], { today: TODAY }));
    expect(restoreIndex(snapshot, entries, '2026-12-02')).toBeUndefined();
    expect(restoreIndex(snapshot, entries.slice(1), TODAY)).toBeUndefined();
    expect(restoreIndex(snapshot, [entries[1]!, entries[0]!, ...entries.slice(2)], TODAY)).toBeUndefined();
    expect(restoreIndex({ ...snapshot, format: INDEX_SNAPSHOT_FORMAT + 1 }, entries, TODAY)).toBeUndefined();
    expect(restoreIndex(snapshot, entries, TODAY)).toBeDefined();
  });

  it('a damaged snapshot is refused, never half used', () => {
    const good = stored(buildIndex(entries, [], { today: TODAY }));
    const damaged: ((s: IndexSnapshot) => unknown)[] = [
      () => null,
      () => 'not an index',
      (s) => ({ ...s, dictionary: undefined }),
      (s) => ({ ...s, unitText: [...s.unitText, 'extra'] }),
      (s) => ({ ...s, unitEntry: s.unitEntry.slice(1) }),
      (s) => ({ ...s, unitEntry: s.unitEntry.map((e, i) => (i === 3 ? 99_999 : e)) }),
      (s) => ({ ...s, unitKind: s.unitKind.map(() => 9) }),
      (s) => ({ ...s, unitTerms: { ...s.unitTerms, terms: s.unitTerms.terms.map(() => -1) } }),
      (s) => ({ ...s, unitTerms: { ...s.unitTerms, offsets: s.unitTerms.offsets.slice(0, -1) } }),
      (s) => ({ ...s, unitPostings: { ...s.unitPostings, ids: s.unitPostings.ids.map(() => s.unitText.length) } }),
      (s) => ({ ...s, answerPostings: { ...s.answerPostings, impact: Array.from(s.answerPostings.impact) } }),
      (s) => ({ ...s, exact: { ...s.exact, offsets: s.exact.offsets.map((o, i) => (i === 1 ? 1_000_000 : o)) } }),
      (s) => ({ ...s, answerLength: new Float64Array(s.answerLength) }),
      (s) => ({ ...s, documentFrequency: { terms: s.documentFrequency.terms, counts: s.documentFrequency.counts.slice(1) } }),
      (s) => ({ ...s, version: 'one' }),
    ];
    for (const damage of damaged) expect(restoreIndex(damage(structuredClone(good)), entries, TODAY)).toBeUndefined();
  });

  it('the fingerprint changes with any field of any entry, their order and the day', async () => {
    const base = await libraryFingerprint(entries, TODAY);
    expect(await libraryFingerprint(structuredClone(entries), TODAY)).toBe(base);
    expect(await libraryFingerprint(entries, '2026-12-02')).not.toBe(base);
    expect(await libraryFingerprint([entries[1]!, entries[0]!, ...entries.slice(2)], TODAY)).not.toBe(base);
    const edited = entries.map((e) => (e.id === 'backup' ? { ...e, answer: 'Monthly restore tests.' } : e));
    expect(await libraryFingerprint(edited, TODAY)).not.toBe(base);
    const retired = entries.map((e) => (e.id === 'enc' ? { ...e, status: 'retired' as const } : e));
    expect(await libraryFingerprint(retired, TODAY)).not.toBe(base);
  });
});

/** An in-memory cache that counts its reads and writes. */
function memoryCache() {
  const rows = new Map<string, unknown>();
  const cache: IndexCache & { rows: Map<string, unknown>; saves: number } = {
    rows,
    saves: 0,
    async load(fingerprint) {
      return structuredClone(rows.get(fingerprint));
    },
    async save(fingerprint, snapshot) {
      cache.saves++;
      rows.clear();
      rows.set(fingerprint, structuredClone(snapshot));
    },
  };
  return cache;
}

/** An in-memory cache that also remembers proposals, as the IndexedDB one does. */
function rememberingCache() {
  const base = memoryCache();
  const remembered = new Map<string, unknown>();
  const cache = Object.assign(base, {
    remembered,
    proposalSaves: 0,
    /** Waits for the deferred write of the opening before (it lands a task after the last proposals). */
    settled: (count: number) => vi.waitFor(() => expect(cache.proposalSaves).toBeGreaterThanOrEqual(count)),
    async loadProposals(fingerprint: string, aliases: string) {
      return structuredClone(remembered.get(`${fingerprint}|${aliases}`)) as Record<string, unknown> | undefined;
    },
    async saveProposals(fingerprint: string, aliases: string, byWording: Record<string, unknown>) {
      cache.proposalSaves++;
      remembered.clear();
      remembered.set(`${fingerprint}|${aliases}`, structuredClone(byWording));
    },
  });
  return cache;
}

/** One panel opening: a fresh worker core sends the library, asks for every wording and collects the proposals. */
async function open(
  library: LibraryEntry[],
  cache: IndexCache,
  aliases: { entryId: string; text: string; normalized: string }[] = [],
  knownPerMessage?: number,
  knownInOneMessage?: number,
) {
  const how: string[] = [];
  let messages = 0;
  const sizes: number[] = [];
  let doneAt = -1;
  const proposals: Record<string, Proposal[]> = {};
  let finished!: () => void;
  const done = new Promise<void>((resolve) => (finished = resolve));
  const receive = createMatchWorkerCore(
    (message: FromMatchWorker) => {
      if (message.type === 'failed') throw new Error(message.message);
      messages++;
      sizes.push(Object.keys(message.proposals).length);
      Object.assign(proposals, message.proposals);
      if (message.done) {
        doneAt = messages;
        finished();
      }
    },
    { batchMs: 0, cache, onIndex: (h) => how.push(h), knownPerMessage, knownInOneMessage },
  );
  receive(structuredClone({ type: 'library-chunk', version: 1, entries: library, aliases, last: true, today: TODAY }));
  receive({ type: 'match', request: 1, version: 1, questions: asked.map((text) => ({ key: text, text, kind: 'text', options: [] })) });
  await done;
  // Let the deferred save land.
  await new Promise((resolve) => setTimeout(resolve, 5));
  return { how, proposals, messages, sizes, doneAt };
}

const expected = (library: LibraryEntry[], aliases: { entryId: string; text: string; normalized: string }[] = []) =>
  createProposer(() => TODAY)(
    asked.map((text) => ({ key: text, text, kind: 'text', options: [] })),
    { entries: library, aliases },
  );

describe('the matching worker with a persisted index', () => {
  it('builds and saves on the first opening, loads on the next, with the same proposals', async () => {
    const cache = memoryCache();
    const first = await open(entries, cache);
    expect(first.how).toEqual(['built']);
    expect(cache.saves).toBe(1);
    const second = await open(entries, cache);
    expect(second.how).toEqual(['loaded']);
    expect(cache.saves).toBe(1);
    expect(second.proposals).toEqual(first.proposals);
    expect(second.proposals).toEqual(expected(entries));
  });

  it('learned wordings apply on top of a loaded index and are never saved into it', async () => {
    const cache = memoryCache();
    const aliases = [{ entryId: 'backup', text: 'What is your restore drill cadence?', normalized: 'restore drill cadence' }];
    await open(entries, cache, aliases);
    const reopened = await open(entries, cache, aliases);
    expect(reopened.how).toEqual(['loaded']);
    expect(reopened.proposals).toEqual(expected(entries, aliases));
    // Without the alias, the stored index ranks as an index built without it.
    expect((await open(entries, cache)).proposals).toEqual(expected(entries));
  });

  it('a changed library never uses the stale index: it is rebuilt and replaces it', async () => {
    const cache = memoryCache();
    await open(entries, cache);
    const edited = entries.map((e) => (e.id === 'backup' ? { ...e, question: 'How often do you test restoring backups?', answer: 'Monthly.' } : e));
    const changed = await open(edited, cache);
    expect(changed.how).toEqual(['built']);
    expect(changed.proposals).toEqual(expected(edited));
    expect(cache.saves).toBe(2);
    expect((await open(edited, cache)).how).toEqual(['loaded']);
  });

  it('a corrupt stored index is ignored, rebuilt and replaced', async () => {
    const cache = memoryCache();
    await open(entries, cache);
    const [fingerprint, snapshot] = [...cache.rows][0] as [string, IndexSnapshot];
    cache.rows.set(fingerprint, { ...snapshot, unitEntry: snapshot.unitEntry.map(() => 1_000_000) });
    const reopened = await open(entries, cache);
    expect(reopened.how).toEqual(['built']);
    expect(reopened.proposals).toEqual(expected(entries));
    expect((await open(entries, cache)).how).toEqual(['loaded']);
  });

  it('a cache that fails to read or write only costs a rebuild', async () => {
    const broken: IndexCache = {
      load: () => Promise.reject(new Error('disk gone')),
      save: () => Promise.reject(new Error('quota')),
    };
    const opened = await open(entries, broken);
    expect(opened.how).toEqual(['built']);
    expect(opened.proposals).toEqual(expected(entries));
  });
});

describe('the matching worker with remembered proposals', () => {
  it('sends what an earlier opening ranked at once, in one message, equal to matching again', async () => {
    const cache = rememberingCache();
    const first = await open(entries, cache);
    // One question per batch (batchMs 0): the first opening matches each wording.
    expect(first.messages).toBe(asked.length);
    await cache.settled(1);
    expect(cache.remembered.size).toBe(1);
    const second = await open(entries, cache);
    expect(second.messages).toBe(1);
    expect(second.proposals).toEqual(expected(entries));
  });

  it('sends many remembered proposals in messages of a bounded size, the last one marked done', async () => {
    const cache = rememberingCache();
    await open(entries, cache);
    await cache.settled(1);
    const second = await open(entries, cache, [], 2);
    expect(second.sizes).toEqual([...Array(Math.ceil(asked.length / 2))].map((_, i) => Math.min(2, asked.length - 2 * i)));
    expect(second.doneAt).toBe(second.messages);
    expect(second.proposals).toEqual(expected(entries));
  });

  it('asks for the remembered proposals before it reads the large index', async () => {
    const cache = rememberingCache();
    await open(entries, cache);
    await cache.settled(1);
    const reads: string[] = [];
    const { load, loadProposals } = cache;
    cache.load = (fingerprint) => (reads.push('index'), load(fingerprint));
    cache.loadProposals = (fingerprint, aliases) => (reads.push('proposals'), loadProposals(fingerprint, aliases));
    const second = await open(entries, cache);
    // The index is read a little after the remembered proposals went out (PRELOAD_AFTER_MS).
    expect(reads).toEqual(['proposals']);
    await vi.waitFor(() => expect(reads).toContain('index'), { timeout: 5_000 });
    expect(reads).toEqual(['proposals', 'index']);
    expect(second.proposals).toEqual(expected(entries));
  });

  it('reads the large index only once every remembered proposal went out, and then still reads it', async () => {
    const cache = rememberingCache();
    await open(entries, cache);
    await cache.settled(1);
    const log: string[] = [];
    const { load } = cache;
    cache.load = (fingerprint) => (log.push('index'), load(fingerprint));
    const receive = createMatchWorkerCore((message) => void log.push(message.type === 'proposals' && message.done ? 'done' : message.type), {
      batchMs: 0,
      cache,
      knownPerMessage: 3,
    });
    receive(structuredClone({ type: 'library-chunk', version: 1, entries, aliases: [], last: true, today: TODAY }));
    receive({ type: 'match', request: 1, version: 1, questions: asked.map((text) => ({ key: text, text, kind: 'text', options: [] })) });
    await vi.waitFor(() => expect(log).toContain('index'), { timeout: 5_000 });
    expect(log).toEqual(['proposals', 'proposals', 'done', 'index']);
  });

  it('a reopened page sends its remembered proposals in one message up to the cap, split above it', async () => {
    const cache = rememberingCache();
    await open(entries, cache);
    await cache.settled(1);
    const reopened = await open(entries, cache);
    expect(reopened.sizes).toEqual([asked.length]);
    expect(reopened.doneAt).toBe(1);
    expect(reopened.proposals).toEqual(expected(entries));
    const atCap = await open(entries, cache, [], 3, asked.length);
    expect(atCap.sizes).toEqual([asked.length]);
    const overCap = await open(entries, cache, [], 3, asked.length - 1);
    expect(overCap.messages).toBe(Math.ceil(asked.length / 3));
    expect(overCap.doneAt).toBe(overCap.messages);
    expect(overCap.proposals).toEqual(expected(entries));
  });

  it('matches only the wordings not seen before, and remembers them too', async () => {
    const cache = rememberingCache();
    await open(entries, cache);
    await cache.settled(1);
    const stored = [...cache.remembered.values()][0] as Record<string, unknown>;
    const [forgotten] = Object.keys(stored);
    delete stored[forgotten!];
    const second = await open(entries, cache);
    // The remembered ones together, then the one matched again.
    expect(second.messages).toBe(2);
    expect(second.proposals).toEqual(expected(entries));
    await cache.settled(2);
    expect(Object.keys([...cache.remembered.values()][0] as object)).toContain(forgotten);
  });

  it('checks only the asked wordings: one out of shape is matched again and replaced, the others unasked are kept', async () => {
    const cache = rememberingCache();
    await open(entries, cache);
    await cache.settled(1);
    const [key] = [...cache.remembered.keys()];
    const stored = cache.remembered.get(key!) as Record<string, unknown>;
    const broken = asked[1]!;
    stored[broken] = [{ entryId: 'enc', confidence: 7 }];
    // A wording of another page, out of shape too: not asked, so not checked, and stored again as it was.
    stored['A question of another page'] = 'not a list';
    const reopened = await open(entries, cache);
    // The remembered ones together, then the broken one matched again.
    expect(reopened.messages).toBe(2);
    expect(reopened.sizes[0]).toBe(asked.length - 1);
    expect(reopened.proposals).toEqual(expected(entries));
    await cache.settled(2);
    const saved = cache.remembered.get(key!) as Record<string, unknown>;
    expect(saved[broken]).toEqual(expected(entries)[broken]);
    expect(saved['A question of another page']).toBe('not a list');
    expect(Object.keys(saved)).toHaveLength(asked.length + 1);
  });

  it('another library or other learned wordings never get the remembered proposals', async () => {
    const cache = rememberingCache();
    const aliases = [{ entryId: 'backup', text: 'What is your restore drill cadence?', normalized: 'restore drill cadence' }];
    await open(entries, cache);
    await cache.settled(1);
    const withAlias = await open(entries, cache, aliases);
    expect(withAlias.messages).toBe(asked.length);
    expect(withAlias.proposals).toEqual(expected(entries, aliases));
    const edited = entries.map((e) => (e.id === 'backup' ? { ...e, question: 'How often do you test restoring backups?', answer: 'Monthly.' } : e));
    const changed = await open(edited, cache, aliases);
    expect(changed.messages).toBe(asked.length);
    expect(changed.proposals).toEqual(expected(edited, aliases));
  });

  it('remembered proposals out of shape are ignored and matched again', async () => {
    const cache = rememberingCache();
    await open(entries, cache);
    await cache.settled(1);
    const [key] = [...cache.remembered.keys()];
    cache.remembered.set(key!, { [asked[0]!]: [{ entryId: 'enc', confidence: 7 }] });
    const reopened = await open(entries, cache);
    expect(reopened.messages).toBe(asked.length);
    expect(reopened.proposals).toEqual(expected(entries));
  });
});

describe('the IndexedDB index cache', () => {
  it('keeps one index, read back only for its fingerprint, typed arrays intact', async () => {
    const db = new IndexCacheDatabase('index-cache-test');
    const cache = createIndexCache(db);
    const snapshot = snapshotIndex(buildIndex(entries, [], { today: TODAY }));
    const fingerprint = await libraryFingerprint(entries, TODAY);
    await cache.save(fingerprint, snapshot);
    expect(await cache.load('another-library')).toBeUndefined();
    const loaded = await cache.load(fingerprint);
    const restored = restoreIndex(loaded, entries, TODAY);
    expect(restored).toBeDefined();
    expect(ranked(restored!)).toEqual(ranked(buildIndex(entries, [], { today: TODAY })));
    await cache.save('next', snapshot);
    expect(await db.indexes.count()).toBe(1);
    expect(await cache.load(fingerprint)).toBeUndefined();
    db.close();
  });

  it('keeps the proposals of one library, read back only for its fingerprint and learned wordings', async () => {
    const db = new IndexCacheDatabase('proposal-cache-test');
    const cache = createIndexCache(db);
    const byWording = { 'Is customer data encrypted at rest?': [] };
    await cache.saveProposals!('lib-1', '[]', byWording);
    expect(await cache.loadProposals!('lib-1', '[]')).toEqual(byWording);
    expect(await cache.loadProposals!('lib-2', '[]')).toBeUndefined();
    expect(await cache.loadProposals!('lib-1', '[{"entryId":"x"}]')).toBeUndefined();
    await cache.saveProposals!('lib-2', '[]', {});
    expect(await db.proposals.count()).toBe(1);
    db.close();
  });
});

/** The library database as the worker reads it itself: entries (cloned on every read), reads counted, changes announced. */
function storedLibrary(initial: LibraryEntry[], cache: ReturnType<typeof rememberingCache>) {
  const listeners: (() => void)[] = [];
  const library = {
    entries: initial,
    reads: 0,
    /** Another extension page wrote entries and said so (lib/db/entry-changes.ts). */
    edit(next: LibraryEntry[]) {
      library.entries = next;
      for (const listener of listeners) listener();
    },
    database: {
      readEntries: async () => (library.reads++, structuredClone(library.entries)),
      readRemembered: async (fingerprint: string) => {
        const [key, byWording] = [...cache.remembered].find(([k]) => k.startsWith(`${fingerprint}|`)) ?? [];
        return key ? { aliases: key.slice(fingerprint.length + 1), byWording: structuredClone(byWording) as Record<string, unknown> } : undefined;
      },
      watchChanges: (listener: () => void) => void listeners.push(listener),
    },
  };
  return library;
}

/** A worker core that reads `library` itself (as the panel's worker does), and a way to ask it for every wording. */
function readingWorker(library: { database: LibraryDatabase }, cache: IndexCache) {
  let batches: FromMatchWorker[] = [];
  let finished: (() => void) | undefined;
  const receive = createMatchWorkerCore(
    (message) => {
      batches.push(message);
      if (message.type === 'failed' || message.done) finished?.();
    },
    { batchMs: 0, cache, database: library.database, today: () => TODAY },
  );
  let request = 0;
  const ask = async (version: number, aliases: { entryId: string; text: string; normalized: string }[] = []) => {
    batches = [];
    const done = new Promise<void>((resolve) => (finished = resolve));
    receive({ type: 'library-from-db', version, aliases, today: TODAY });
    receive({ type: 'match', request: ++request, version, questions: asked.map((text) => ({ key: text, text, kind: 'text', options: [] })) });
    await done;
    await new Promise((resolve) => setTimeout(resolve, 5));
    const failed = batches.find((m) => m.type === 'failed');
    if (failed?.type === 'failed') throw new Error(failed.message);
    return { messages: batches.length, proposals: Object.assign({}, ...batches.map((m) => (m.type === 'proposals' ? m.proposals : {}))) as Record<string, Proposal[]> };
  };
  return { ask };
}

describe('the matching worker reading the library database itself', () => {
  it('reads the library once, ahead of the panel asking, and proposes what matching the sent library does', async () => {
    const cache = rememberingCache();
    const library = storedLibrary(entries, cache);
    const worker = readingWorker(library, cache);
    // Read ahead as the worker starts, before any message.
    expect(library.reads).toBe(1);
    const opened = await worker.ask(1);
    expect(opened.proposals).toEqual(expected(entries));
    expect(library.reads).toBe(1);
  });

  it('sends the remembered proposals of the same stored library at once on the next opening', async () => {
    const cache = rememberingCache();
    const library = storedLibrary(entries, cache);
    await readingWorker(library, cache).ask(1);
    await cache.settled(1);
    // What the panel-sends design remembered is found too: the fingerprint is of the same entries.
    const reopened = await readingWorker(library, cache).ask(1);
    expect(reopened.messages).toBe(1);
    expect(reopened.proposals).toEqual(expected(entries));
    const aliases = [{ entryId: 'backup', text: 'What is your restore drill cadence?', normalized: 'restore drill cadence' }];
    const withAlias = await readingWorker(library, cache).ask(1, aliases);
    expect(withAlias.messages).toBe(asked.length);
    expect(withAlias.proposals).toEqual(expected(entries, aliases));
  });

  it('never uses a read-ahead made stale by an edit elsewhere, nor what was remembered for it', async () => {
    const cache = rememberingCache();
    const library = storedLibrary(entries, cache);
    await readingWorker(library, cache).ask(1);
    await cache.settled(1);
    // The panel opens (its worker reads ahead), then another window edits an entry before the panel asks.
    const worker = readingWorker(library, cache);
    const edited = entries.map((e) => (e.id === 'backup' ? { ...e, question: 'How often do you test restoring backups?', answer: 'Monthly.' } : e));
    library.edit(edited);
    const opened = await worker.ask(1);
    expect(library.reads).toBe(3);
    expect(opened.messages).toBe(asked.length);
    expect(opened.proposals).toEqual(expected(edited));
  });

  it('reads again for a new snapshot only after an announced entry change', async () => {
    const cache = rememberingCache();
    const library = storedLibrary(entries, cache);
    const worker = readingWorker(library, cache);
    await worker.ask(1);
    const aliases = [{ entryId: 'backup', text: 'What is your restore drill cadence?', normalized: 'restore drill cadence' }];
    // New learned wordings only: the entries read stay good.
    expect((await worker.ask(2, aliases)).proposals).toEqual(expected(entries, aliases));
    expect(library.reads).toBe(1);
    const edited = entries.filter((e) => e.id !== 'enc');
    library.edit(edited);
    expect((await worker.ask(3, aliases)).proposals).toEqual(expected(edited, aliases));
    expect(library.reads).toBe(2);
  });

  it('sends, with the proposals, each entry they name once per library version, and only when the panel holds none', async () => {
    const cache = rememberingCache();
    const library = storedLibrary(entries, cache);
    const messages: FromMatchWorker[] = [];
    const receive = createMatchWorkerCore((m) => messages.push(m), { batchMs: 0, cache, database: library.database, today: () => TODAY });
    const questions = asked.map((text) => ({ key: text, text, kind: 'text' as const, options: [] }));
    const lastDone = () => messages.some((m) => m.type === 'proposals' && m.done);
    receive({ type: 'library-from-db', version: 1, aliases: [], today: TODAY, shipEntries: true });
    receive({ type: 'match', request: 1, version: 1, questions });
    await vi.waitFor(() => expect(lastDone()).toBe(true));
    const proposals = messages.flatMap((m) => (m.type === 'proposals' ? Object.values(m.proposals).flat() : []));
    const named = new Set(proposals.flatMap((p) => [p.entryId, ...(p.why.runnerUp ? [p.why.runnerUp.entryId] : [])]));
    expect(named.size).toBeGreaterThan(1);
    const sent = messages.flatMap((m) => (m.type === 'proposals' ? (m.entries ? (shippedEntriesOf(m.entries) ?? []) : []) : []));
    // Every named entry, as stored, and each once.
    expect(new Set(sent.map((e) => e.id))).toEqual(named);
    expect(sent).toHaveLength(named.size);
    for (const entry of sent) expect(entry).toEqual(entries.find((e) => e.id === entry.id));
    // The same questions asked again against the same version: nothing sent twice.
    messages.length = 0;
    receive({ type: 'match', request: 2, version: 1, questions });
    await vi.waitFor(() => expect(lastDone()).toBe(true));
    expect(messages.flatMap((m) => (m.type === 'proposals' ? (m.entries ? (shippedEntriesOf(m.entries) ?? []) : []) : []))).toEqual([]);
    // A new version starts over; a panel holding the entries itself gets none.
    messages.length = 0;
    receive({ type: 'library-from-db', version: 2, aliases: [], today: TODAY, shipEntries: true });
    receive({ type: 'match', request: 3, version: 2, questions });
    await vi.waitFor(() => expect(lastDone()).toBe(true));
    expect(new Set(messages.flatMap((m) => (m.type === 'proposals' ? (m.entries ? (shippedEntriesOf(m.entries) ?? []) : []) : [])).map((e) => e.id))).toEqual(named);
    messages.length = 0;
    receive({ type: 'library-from-db', version: 3, aliases: [], today: TODAY });
    receive({ type: 'match', request: 4, version: 3, questions });
    await vi.waitFor(() => expect(lastDone()).toBe(true));
    expect(messages.every((m) => m.type === 'proposals' && m.entries === undefined)).toBe(true);
  });

  it('reads again when the panel knows of an entry change the worker has not heard of', async () => {
    const cache = rememberingCache();
    const library = storedLibrary(entries, cache);
    const messages: FromMatchWorker[] = [];
    const receive = createMatchWorkerCore((m) => messages.push(m), { batchMs: 0, cache, database: library.database, today: () => TODAY });
    expect(library.reads).toBe(1);
    // The panel wrote the entries (the first-run sample) after the worker's read ahead; no announcement arrived yet.
    const written = entries.filter((e) => e.id !== 'enc');
    library.entries = written;
    receive({ type: 'library-from-db', version: 1, aliases: [], today: TODAY, generation: 1 });
    receive({ type: 'match', request: 1, version: 1, questions: asked.map((text) => ({ key: text, text, kind: 'text', options: [] })) });
    await vi.waitFor(() => expect(messages.some((m) => m.type === 'proposals' && m.done)).toBe(true));
    expect(library.reads).toBe(2);
    expect(Object.assign({}, ...messages.map((m) => (m.type === 'proposals' ? m.proposals : {})))).toEqual(expected(written));
    // The same generation again: the read is kept.
    receive({ type: 'library-from-db', version: 2, aliases: [], today: TODAY, generation: 1 });
    receive({ type: 'match', request: 2, version: 2, questions: [{ key: 'q', text: 'q', kind: 'text', options: [] }] });
    await vi.waitFor(() => expect(messages.filter((m) => m.type === 'proposals' && m.done)).toHaveLength(2));
    expect(library.reads).toBe(2);
  });

  it('a worker without the database says so instead of matching an empty library', async () => {
    const messages: FromMatchWorker[] = [];
    const receive = createMatchWorkerCore((m) => messages.push(m), { batchMs: 0 });
    receive({ type: 'library-from-db', version: 1, aliases: [], today: TODAY });
    receive({ type: 'match', request: 1, version: 1, questions: [{ key: 'q', text: 'q', kind: 'text', options: [] }] });
    await vi.waitFor(() => expect(messages).toHaveLength(1));
    expect(messages[0]?.type).toBe('failed');
  });
});

describe('the library as the worker reads it from IndexedDB', () => {
  it('has the fingerprint of the same entries sent by the panel, so both find the same index and proposals', async () => {
    const db = new AutofillDatabase('library-reader-test');
    // Stored as the repositories write them: bookkeeping beside the fields, fields in any order.
    await putEntries(db, entries.map(({ id, question, answer, ...rest }) => ({ ...rest, answer, question, id, _meta: { localEditedAt: '2026-11-30T00:00:00.000Z' } })));
    const read = await createLibraryReader(undefined, db).readEntries();
    // What the panel-sends design gives the worker: its store's entries (bookkeeping stripped), through the message schema.
    const panel = (await listEntries(db)).map(({ _meta: _ignored, ...e }) => e);
    const sent = ToMatchWorkerSchema.parse({ type: 'library-chunk', version: 1, entries: panel, aliases: [], last: true, today: TODAY });
    expect(sent.type === 'library-chunk' && (await libraryFingerprint(sent.entries as LibraryEntry[], TODAY))).toBe(await libraryFingerprint(read, TODAY));
    expect(read.some((e) => '_meta' in e)).toBe(false);
    db.close();
    await Dexie.delete('library-reader-test');
  });

  it("is fingerprinted by its pages' stamps: the same pages reopen with what was remembered, any write is matched again", async () => {
    const db = new AutofillDatabase('library-version-test');
    const cacheDb = new IndexCacheDatabase('library-version-test-cache');
    const cache = createIndexCache(cacheDb);
    await putEntries(db, entries);
    const reader = createLibraryReader(cache, db);
    const first = await reader.readEntriesWithVersion!();
    expect(first.version).toMatch(/^\d+:/);
    expect(first.entries).toEqual(await reader.readEntries());
    expect((await reader.readEntriesWithVersion!()).version).toBe(first.version);

    expect((await readingWorker({ database: reader }, cache).ask(1)).proposals).toEqual(expected(entries));
    for (let i = 0; i < 200 && (await cacheDb.proposals.count()) === 0; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    const reopened = await readingWorker({ database: reader }, cache).ask(1);
    expect(reopened.messages).toBe(1);
    expect(reopened.proposals).toEqual(expected(entries));

    // Another page edits an entry and this worker hears nothing of it: the stamps alone make the next opening match again.
    const edited = entries.map((e) => (e.id === 'backup' ? { ...e, question: 'How often do you test restoring backups?', answer: 'Monthly.' } : e));
    await putEntries(db, edited.filter((e) => e.id === 'backup'));
    expect((await reader.readEntriesWithVersion!()).version).not.toBe(first.version);
    const afterEdit = await readingWorker({ database: reader }, cache).ask(1);
    expect(afterEdit.messages).toBe(asked.length);
    expect(afterEdit.proposals).toEqual(expected(edited));

    const beforeDelete = (await reader.readEntriesWithVersion!()).version;
    await deleteEntries(db, ['old']);
    expect((await reader.readEntriesWithVersion!()).version).not.toBe(beforeDelete);
    // A page put straight into the table with the stamp it was read with (a writer that forgot the rule) still gets
    // a new stamp: the database sets it on every write.
    const page = (await db.entryPages.toArray())[0]!;
    const beforePut = (await reader.readEntriesWithVersion!()).version;
    await db.entryPages.put(page);
    expect((await db.entryPages.get(page.page))?.stamp).not.toBe(page.stamp);
    expect((await reader.readEntriesWithVersion!()).version).not.toBe(beforePut);
    // A page with no stamp (written below Dexie): no version, the entries are fingerprinted.
    await new Promise<void>((resolve, reject) => {
      const tx = db.backendDB().transaction('entryPages', 'readwrite');
      tx.objectStore('entryPages').put({ page: page.page, entries: page.entries });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    expect((await reader.readEntriesWithVersion!()).version).toBeUndefined();
    db.close();
    cacheDb.close();
    await Dexie.delete('library-version-test');
    await Dexie.delete('library-version-test-cache');
  });

  it("answers a page whose wordings are all remembered from the row and the stamps alone, the entries read after; an edit is matched again", async () => {
    const db = new AutofillDatabase('library-row-test');
    const cacheDb = new IndexCacheDatabase('library-row-test-cache');
    const cache = createIndexCache(cacheDb);
    await putEntries(db, entries);
    const reader = createLibraryReader(cache, db);
    /**
     * One opening by a new worker (the panel holds no entries): proposals, the entries shipped, entry reads when
     * answered, and that worker's entry reads so far (each worker counts its own: a worker from an earlier opening
     * reading late, on a busy machine, must not count against the next).
     */
    const openPanel = async () => {
      let entryReads = 0;
      const counted: LibraryDatabase = {
        ...reader,
        readEntriesWithVersion: async () => {
          entryReads++;
          return reader.readEntriesWithVersion!();
        },
      };
      const messages: FromMatchWorker[] = [];
      let finished!: () => void;
      const done = new Promise<void>((resolve) => (finished = resolve));
      let readsWhenAnswered = -1;
      const receive = createMatchWorkerCore(
        (message) => {
          messages.push(message);
          if (message.type === 'failed' || message.done) {
            readsWhenAnswered = entryReads;
            finished();
          }
        },
        { batchMs: 0, cache, database: counted, today: () => TODAY, preloadAfterMs: 20 },
      );
      receive({ type: 'library-from-db', version: 1, aliases: [], today: TODAY, shipEntries: true });
      receive({ type: 'match', request: 1, version: 1, questions: asked.map((text) => ({ key: text, text, kind: 'text', options: [] })) });
      await done;
      const proposals = Object.assign({}, ...messages.map((m) => (m.type === 'proposals' ? m.proposals : {}))) as Record<string, Proposal[]>;
      const shipped = messages.flatMap((m) => (m.type === 'proposals' && m.entries ? (shippedEntriesOf(m.entries) ?? []) : []));
      return { proposals, shipped, messages: messages.length, readsWhenAnswered, reads: () => entryReads };
    };
    const named = (proposals: Record<string, Proposal[]>) =>
      [...new Set(Object.values(proposals).flatMap((list) => list.flatMap((p) => [p.entryId, ...(p.why.runnerUp ? [p.why.runnerUp.entryId] : [])])))].sort();
    const byIdSorted = (list: LibraryEntry[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));

    const first = await openPanel();
    expect(first.proposals).toEqual(expected(entries));
    expect(first.readsWhenAnswered).toBe(1);
    for (let i = 0; i < 200 && !(await cacheDb.proposals.get('library'))?.entries; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    // The row keeps, as JSON text, every entry its proposals name.
    const row = (await cacheDb.proposals.get('library'))!;
    expect(Object.keys(row.entries ?? {}).sort()).toEqual(named(first.proposals));

    const reopened = await openPanel();
    expect(reopened.readsWhenAnswered).toBe(0);
    expect(reopened.messages).toBe(1);
    expect(reopened.proposals).toEqual(first.proposals);
    expect(byIdSorted(reopened.shipped)).toEqual(byIdSorted(first.shipped));
    expect(reopened.shipped.map((e) => e.id).sort()).toEqual(named(first.proposals));
    // Then read for the matcher, once the answer went out.
    for (let i = 0; i < 400 && reopened.reads() === 0; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(reopened.reads()).toBe(1);

    // A row stored before rows kept their entries: answered after the entries are read, and stored again with them.
    const { entries: _kept, ...withoutEntries } = (await cacheDb.proposals.get('library'))!;
    await cacheDb.proposals.put(withoutEntries);
    const fromOldRow = await openPanel();
    expect(fromOldRow.readsWhenAnswered).toBe(1);
    expect(fromOldRow.proposals).toEqual(first.proposals);
    expect(byIdSorted(fromOldRow.shipped)).toEqual(byIdSorted(first.shipped));
    for (let i = 0; i < 200 && !(await cacheDb.proposals.get('library'))?.entries; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(Object.keys((await cacheDb.proposals.get('library'))?.entries ?? {}).sort()).toEqual(named(first.proposals));
    expect((await openPanel()).readsWhenAnswered).toBe(0);

    // An entry edited by another page: its page's stamp changes, the row is not used, the entries are read and matched.
    const edited = entries.map((e) => (e.id === 'enc' ? { ...e, answer: 'Yes, AES-256 and customer-managed keys.' } : e));
    await putEntries(db, edited.filter((e) => e.id === 'enc'));
    const afterEdit = await openPanel();
    expect(afterEdit.readsWhenAnswered).toBe(1);
    expect(afterEdit.proposals).toEqual(expected(edited));
    expect(afterEdit.shipped.find((e) => e.id === 'enc')?.answer).toBe('Yes, AES-256 and customer-managed keys.');

    await new Promise((resolve) => setTimeout(resolve, 50));
    db.close();
    cacheDb.close();
    await Dexie.delete('library-row-test');
    await Dexie.delete('library-row-test-cache');
  });

  it('a version fingerprint never equals an entries fingerprint, and changes with the version and the day', async () => {
    const byVersion = await libraryVersionFingerprint('0:a,1:b', TODAY);
    expect(byVersion).not.toBe(await libraryFingerprint(entries, TODAY));
    expect(await libraryVersionFingerprint('0:a,1:b', TODAY)).toBe(byVersion);
    expect(await libraryVersionFingerprint('0:a,1:c', TODAY)).not.toBe(byVersion);
    expect(await libraryVersionFingerprint('0:a,1:b', '2026-12-02')).not.toBe(byVersion);
  });
});
