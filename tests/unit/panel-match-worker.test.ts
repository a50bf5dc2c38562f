// The matching worker and the panel's side of it, wired through a fake channel: proposals equal the main-thread
// proposer's, the library goes in chunks, re-asked wordings come from the cache, a newer request replaces an older
// one, and the rows reducer fills rows in as batches land.
import { describe, expect, it } from 'vitest';
import { createBatchedProposer, PROPOSALS_AT_ONCE, PROPOSALS_IN_ONE_TASK, type MatchWorkerLike } from '../../lib/panel/batched-proposer';
import { LIBRARY_CHUNK, shippedEntriesOf, type ToMatchWorker } from '../../lib/panel/match-protocol';
import { createMatchWorkerCore } from '../../lib/panel/match-worker-core';
import type { LibrarySnapshot } from '../../lib/panel/ports';
import { createProposer } from '../../lib/panel/propose';
import { emptyRows, rowsReducer } from '../../lib/panel/question-rows';
import { needsAttention } from '../../lib/panel/summary';
import type { Proposal } from '../../lib/schema';
import { entry, question } from './panel-fixtures';

const TODAY = '2026-12-01';

/** A worker whose messages go through structuredClone, as postMessage would, in both directions. */
function fakeWorker(batchMs = 0): MatchWorkerLike & { sent: ToMatchWorker[] } {
  const worker: MatchWorkerLike & { sent: ToMatchWorker[] } = {
    sent: [],
    onmessage: null,
    postMessage(message) {
      worker.sent.push(message);
      const copy = structuredClone(message);
      setTimeout(() => receive(copy), 0);
    },
  };
  const receive = createMatchWorkerCore((answer) => {
    const copy = structuredClone(answer);
    setTimeout(() => worker.onmessage?.({ data: copy } as MessageEvent<unknown>), 0);
  }, batchMs);
  return worker;
}

const library: LibrarySnapshot = {
  entries: [
    entry({ id: 'enc', question: 'Is customer data encrypted at rest?', answer: 'Yes, AES-256.', choice: 'Yes' }),
    entry({ id: 'mfa', question: 'Do you enforce multi-factor authentication for administrators?', answer: 'Yes, for all admins.', choice: 'Yes' }),
    entry({ id: 'backup', question: 'How often are backups tested?', answer: 'Quarterly restore tests.' }),
    ...Array.from({ length: 2 * LIBRARY_CHUNK + 5 }, (_, i) => entry({ id: `filler-${i}`, question: `Filler topic number ${i} about widgets?` })),
  ],
  aliases: [],
};

const questions = [
  question({ key: 'a', text: 'Is customer data encrypted at rest?', kind: 'yesno', options: ['Yes', 'No'] }),
  question({ key: 'b', text: 'Do you enforce MFA for administrators?' }),
  question({ key: 'c', text: 'Describe your vendor item 9.' }),
  question({ key: 'd', text: 'How often are backups tested?' }),
  // The same wording as "a" under another key: matched once, answered for both.
  question({ key: 'e', text: 'Is customer data encrypted at rest?', kind: 'yesno', options: ['Yes', 'No'] }),
];

async function collect(propose: ReturnType<typeof createBatchedProposer>, asked = questions) {
  const batches: Record<string, Proposal[]>[] = [];
  const result = propose(asked, library, (b) => batches.push(b));
  await result.done;
  return { ...result, batches, all: Object.assign({}, result.known, ...batches) as Record<string, Proposal[]> };
}

describe('matching worker', () => {
  it('proposes exactly what the main-thread proposer does, in batches, with the library sent in chunks', async () => {
    const worker = fakeWorker();
    const { known, pending, batches, all } = await collect(createBatchedProposer(worker, () => TODAY));
    expect(known).toEqual({});
    expect(pending.sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(batches.length).toBeGreaterThan(1);
    expect(all).toEqual(createProposer(() => TODAY)(questions, library));
    expect(all.a?.[0]?.entryId).toBe('enc');
    const chunks = worker.sent.filter((m) => m.type === 'library-chunk');
    expect(chunks.map((c) => c.entries.length)).toEqual([LIBRARY_CHUNK, LIBRARY_CHUNK, 8]);
    expect(chunks.map((c) => c.last)).toEqual([false, false, true]);
    const match = worker.sent.find((m) => m.type === 'match');
    expect(match?.type === 'match' && match.questions.length).toBe(4);
  });

  it('with the worker reading the database, sends only the learned wordings of each new snapshot, never its entries', async () => {
    const worker = fakeWorker();
    const propose = createBatchedProposer(worker, () => TODAY, { fromDatabase: true });
    const withAlias: LibrarySnapshot = { entries: library.entries, aliases: [{ entryId: 'enc', text: 'Data encrypted?', normalized: 'data encrypted', origin: 'https://x.example' }] };
    // This fake worker has no database to read, so matching fails: only what the panel sends is looked at here.
    const ask = (snapshot: LibrarySnapshot) => void propose(questions, snapshot, () => undefined).done.catch(() => undefined);
    ask(withAlias);
    ask(withAlias);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(worker.sent.filter((m) => m.type === 'library-chunk')).toEqual([]);
    const snapshots = worker.sent.filter((m) => m.type === 'library-from-db');
    expect(snapshots).toEqual([{ type: 'library-from-db', version: 1, aliases: [{ entryId: 'enc', text: 'Data encrypted?', normalized: 'data encrypted' }], today: TODAY }]);
    // A changed snapshot is announced again, as a new version.
    ask({ ...withAlias, aliases: [] });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(worker.sent.filter((m) => m.type === 'library-from-db').map((m) => m.version)).toEqual([1, 2]);
  });

  it('with a snapshot the panel did not read, sends it ahead and hands over the entries each proposal names', async () => {
    const sent: ToMatchWorker[] = [];
    const worker: MatchWorkerLike = {
      onmessage: null,
      postMessage(message) {
        sent.push(message);
        const copy = structuredClone(message);
        setTimeout(() => receive(copy), 0);
      },
    };
    const database = { readEntries: async () => structuredClone(library.entries), watchChanges: () => undefined };
    const receive = createMatchWorkerCore((answer) => {
      const copy = structuredClone(answer);
      setTimeout(() => worker.onmessage?.({ data: copy } as MessageEvent<unknown>), 0);
    }, { batchMs: 0, database, today: () => TODAY });
    const propose = createBatchedProposer(worker, () => TODAY);
    const lazy: LibrarySnapshot = { entries: [], aliases: [], fromDatabase: { generation: 2 } };
    propose.sendAhead!(lazy);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(sent).toEqual([{ type: 'library-from-db', version: 1, aliases: [], today: TODAY, generation: 2, shipEntries: true }]);
    const batches: Record<string, Proposal[]>[] = [];
    const result = propose(questions, lazy, (b) => batches.push(b));
    await result.done;
    // Asked against the snapshot sent ahead: not sent again.
    expect(sent.filter((m) => m.type === 'library-from-db')).toHaveLength(1);
    const all = Object.assign({}, ...batches) as Record<string, Proposal[]>;
    expect(all).toEqual(createProposer(() => TODAY)(questions, library));
    const named = new Set(Object.values(all).flatMap((list) => list.flatMap((p) => [p.entryId, ...(p.why.runnerUp ? [p.why.runnerUp.entryId] : [])])));
    expect(named.has('enc')).toBe(true);
    expect(new Set(result.entries!.keys())).toEqual(named);
    expect(result.entries!.get('enc')).toEqual(library.entries[0]);
    // A re-scan is answered from the cache, with the entries still at hand.
    const again = propose(questions, lazy, () => undefined);
    expect(again.pending).toEqual([]);
    expect(again.entries!.get('enc')?.answer).toBe('Yes, AES-256.');
    // A changed snapshot starts with no entries: those of the one before may be out of date.
    const next = propose(questions.slice(0, 1), { ...lazy, fromDatabase: { generation: 3 } }, () => undefined);
    expect(next.entries!.size).toBe(0);
    await next.done;
    expect(next.entries!.has('enc')).toBe(true);
  });

  it('takes the entries sent with proposals only when every row has the shape of an entry', () => {
    expect(shippedEntriesOf(JSON.stringify([library.entries[0]]))).toEqual([library.entries[0]]);
    expect(shippedEntriesOf(JSON.stringify([library.entries[0], { id: 'x', question: 'q' }]))).toBeUndefined();
    expect(shippedEntriesOf(JSON.stringify([null]))).toBeUndefined();
    expect(shippedEntriesOf('{"id":"x"}')).toBeUndefined();
    expect(shippedEntriesOf('not json')).toBeUndefined();
  });

  it('answers a re-scan of the same questions from the cache without asking the worker again', async () => {
    const worker = fakeWorker();
    const propose = createBatchedProposer(worker, () => TODAY);
    const first = await collect(propose);
    const sentBefore = worker.sent.length;
    const again = propose(questions, library, () => undefined);
    expect(again.pending).toEqual([]);
    expect(again.known).toEqual(first.all);
    expect(worker.sent.length).toBe(sentBefore);
  });

  it('sends a changed library again and matches against it', async () => {
    const worker = fakeWorker();
    const propose = createBatchedProposer(worker, () => TODAY);
    await collect(propose);
    const changed: LibrarySnapshot = { entries: library.entries.filter((e) => e.id !== 'enc'), aliases: [] };
    const batches: Record<string, Proposal[]>[] = [];
    const result = propose(questions.slice(0, 1), changed, (b) => batches.push(b));
    await result.done;
    expect(result.pending).toEqual(['a']);
    expect(batches.flatMap((b) => b.a ?? []).some((p) => p.entryId === 'enc')).toBe(false);
  });

  it('settles an older request when a newer one replaces it, and only the newer one gets batches afterwards', async () => {
    const worker = fakeWorker();
    const propose = createBatchedProposer(worker, () => TODAY);
    const older: string[] = [];
    const first = propose(questions, library, (b) => older.push(...Object.keys(b)));
    const second = propose([question({ key: 'z', text: 'How often are backups tested?' })], library, () => undefined);
    await first.done;
    await second.done;
    expect(older).toEqual([]);
  });

  it('ignores a malformed message from the worker and one for another request', async () => {
    const worker = fakeWorker();
    const propose = createBatchedProposer(worker, () => TODAY);
    const got: Record<string, Proposal[]>[] = [];
    const result = propose(questions.slice(0, 1), library, (b) => got.push(b));
    worker.onmessage?.({ data: { type: 'proposals', request: 999, proposals: { x: [] }, done: true } } as MessageEvent<unknown>);
    worker.onmessage?.({ data: { type: 'proposals', proposals: 'not a record' } } as MessageEvent<unknown>);
    await result.done;
    expect(got.flatMap((b) => Object.keys(b))).toEqual(['a']);
  });
});

describe('a large batch checked in slices', () => {
  /** A worker the test answers by hand: what the panel asked, and a way to send it messages. */
  function handWorker() {
    const worker: MatchWorkerLike & { sent: ToMatchWorker[] } = { sent: [], onmessage: null, postMessage: (m) => void worker.sent.push(m) };
    return worker;
  }
  const many = Array.from({ length: PROPOSALS_IN_ONE_TASK + 50 }, (_, i) => question({ key: `k${i}`, text: `Question number ${i} about widgets?` }));
  const proposal = createProposer(() => TODAY)(questions.slice(0, 1), library).a!;
  const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

  async function asked(bad?: number, count = many.length) {
    const worker = handWorker();
    const yields = { n: 0 };
    const propose = createBatchedProposer(worker, () => TODAY, { slicing: { yieldTask: async () => void yields.n++, sliceMs: 8, now: () => 0 } });
    const batches: Record<string, Proposal[]>[] = [];
    const result = propose(many.slice(0, count), library, (b) => batches.push(b));
    // The library goes first, in chunks a task apart; the match request after it.
    for (let i = 0; i < 20 && !worker.sent.some((m) => m.type === 'match'); i++) await tick();
    const match = worker.sent.find((m) => m.type === 'match')!;
    if (match.type !== 'match') throw new Error('no match request');
    const proposals = Object.fromEntries(match.questions.map((q, i) => [q.key, i === bad ? [{ ...proposal[0], confidence: 'high' }] : proposal]));
    const send = (data: unknown) => worker.onmessage?.({ data: structuredClone(data) } as MessageEvent<unknown>);
    send({ type: 'proposals', request: match.request, proposals, done: false });
    // Sent while the large batch is still being checked: it lands after it, not before.
    send({ type: 'proposals', request: match.request, proposals: { [match.questions[0]!.key]: [] }, done: true });
    const error = await result.done.then(() => undefined, (e: unknown) => e);
    return { batches, yields: yields.n, error };
  }

  it('lands the batch whole, in order with the next one, after a pause per slice', async () => {
    const { batches, yields, error } = await asked();
    expect(error).toBeUndefined();
    expect(batches.map((b) => Object.keys(b).length)).toEqual([many.length, 1]);
    expect(batches[0]!.k249).toEqual(proposal);
    expect(batches[1]!.k0).toEqual([]);
    expect(yields).toBe(Math.ceil(many.length / PROPOSALS_AT_ONCE));
  });

  it('checks a batch of a reopened 300-question page in the task it arrived in, without a pause', async () => {
    const { batches, yields } = await asked(undefined, PROPOSALS_IN_ONE_TASK);
    expect(batches.map((b) => Object.keys(b).length)).toEqual([PROPOSALS_IN_ONE_TASK, 1]);
    expect(yields).toBe(0);
  });

  it('drops a batch with a malformed proposal in a later slice, as a check at once would, lands the next, and ends the request with an error', async () => {
    const { batches, error } = await asked(PROPOSALS_IN_ONE_TASK + 10);
    expect(batches.map((b) => Object.keys(b))).toEqual([['k0']]);
    // Its questions are not left matching for ever: the request ends with an error the panel shows.
    expect(String(error)).toMatch(/did not pass the check/);
  });

  it('ends the request with an error at once when the dropped batch was its last', async () => {
    const worker = handWorker();
    const propose = createBatchedProposer(worker, () => TODAY);
    const result = propose(questions.slice(0, 2), library, () => undefined);
    for (let i = 0; i < 20 && !worker.sent.some((m) => m.type === 'match'); i++) await tick();
    const match = worker.sent.find((m) => m.type === 'match')!;
    if (match.type !== 'match') throw new Error('no match request');
    worker.onmessage?.({ data: { type: 'proposals', request: match.request, proposals: { [match.questions[0]!.key]: [{ bad: true }] }, done: true } } as MessageEvent<unknown>);
    await expect(result.done).rejects.toThrow(/did not pass the check/);
  });
});

describe('rows while matching', () => {
  it('shows rows at once marked as matching, not as needing attention, and fills them in as batches land', () => {
    const qs = questions.slice(0, 2);
    let state = rowsReducer(emptyRows, { type: 'scanned', questions: qs, proposals: {}, matching: ['a', 'b'] });
    expect(state.rows.map((r) => [r.key, r.matching, r.status])).toEqual([
      ['a', true, 'no-match'],
      ['b', true, 'no-match'],
    ]);
    expect(state.rows.some(needsAttention)).toBe(false);
    const found = createProposer(() => TODAY)(qs, library);
    state = rowsReducer(state, { type: 'proposed', proposals: { a: found.a! } });
    expect(state.rows[0]).toMatchObject({ key: 'a', status: 'proposed' });
    expect(state.rows[0]!.matching).toBeUndefined();
    expect(state.rows[0]!.proposals[0]?.entryId).toBe('enc');
    expect(state.memory.get('a')?.status).toBe('proposed');
    expect(state.rows[1]!.matching).toBe(true);
  });

  it('keeps a filled row filled when its proposals arrive after a re-scan', () => {
    const q = questions[0]!;
    const found = createProposer(() => TODAY)([q], library);
    let state = rowsReducer(emptyRows, { type: 'scanned', questions: [q], proposals: found });
    state = rowsReducer(state, { type: 'fill-finished', key: 'a', fill: { requests: [{ fieldId: q.fieldId, value: 'Yes', question: { key: q.key, text: q.text } }], results: [{ fieldId: q.fieldId, status: 'filled', actual: 'Yes', previous: null }], value: 'Yes', edited: false, entryId: 'enc' } });
    state = rowsReducer(state, { type: 'scanned', questions: [q], proposals: {}, matching: ['a'] });
    state = rowsReducer(state, { type: 'proposed', proposals: found });
    expect(state.rows[0]).toMatchObject({ status: 'filled', lastFill: { entryId: 'enc' } });
  });
});
