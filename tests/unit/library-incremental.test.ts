import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { AutofillDatabase } from '../../lib/db/database';
import { createEntry, getEntry, retireEntry, updateEntry } from '../../lib/db/entries-repository';
import { watchEntryChanges, writtenEntriesOf, type EntryChange } from '../../lib/db/entry-changes';
import { applySyncPlan } from '../../lib/library/apply-sync';
import { planSync } from '../../lib/library/plan-sync';
import { mergeEntries, mergeManyEntries } from '../../lib/library/merge-entries';
import { createLibrarySearchIndex } from '../../lib/library/search-library';
import type { LibraryEntry } from '../../lib/schema';

const entry = (id: string, question: string, extra: Partial<LibraryEntry> = {}): LibraryEntry => ({ id, question, answer: `Answer to ${question}`, ...extra });
const library = Array.from({ length: 200 }, (_, i) => entry(`e-${String(i).padStart(3, '0')}`, `Question ${i} about ${i % 2 ? 'encryption' : 'backups'}`));
const ids = (list: readonly LibraryEntry[]) => list.map((e) => e.id);

describe('mergeManyEntries', () => {
  it('gives the same list as merging one change at a time, for an import-sized batch', () => {
    const changed = [
      ...Array.from({ length: 120 }, (_, i) => entry(`n-${String(119 - i).padStart(3, '0')}`, `New ${i}`)),
      ...library.filter((_, i) => i % 3 === 0).map((e) => ({ ...e, answer: 'Changed.' })),
    ];
    const removed = ['e-001', 'e-150', 'missing'];
    const many = mergeManyEntries(library, changed, removed);
    expect(many).toEqual(mergeEntries(library, changed, removed));
    expect(ids(many)).toEqual([...ids(many)].sort());
    expect(many).toHaveLength(200 + 120 - 2);
    expect(many.find((e) => e.id === 'e-003')?.answer).toBe('Changed.');
    expect(library).toHaveLength(200);
  });
});

describe('mergeEntries', () => {
  it('replaces, inserts in id order and removes, leaving the input untouched', () => {
    const edited = entry('e-010', 'Edited question');
    const added = entry('e-010a', 'New question');
    const next = mergeEntries(library, [edited, added], ['e-199', 'missing']);
    expect(next).not.toBe(library);
    expect(library).toHaveLength(200);
    expect(next).toHaveLength(200);
    expect(next[10]).toBe(edited);
    expect(next[11]).toBe(added);
    expect(ids(next)).toEqual([...ids(next)].sort());
    expect(ids(next)).not.toContain('e-199');
    expect(mergeEntries([], [added])).toEqual([added]);
  });

  it('returns the same list when every change is already in it (so nothing renders twice)', () => {
    expect(mergeEntries(library, [structuredClone(library[5]!)], ['missing'])).toBe(library);
    expect(mergeEntries(library, [{ ...library[5]!, status: 'retired' }])).not.toBe(library);
  });
});

describe('search index after a change', () => {
  it('next() finds the edited wording, forgets the old one and corrects typos against the new vocabulary', () => {
    const first = createLibrarySearchIndex(library);
    expect(ids(first.search('encrpytion', 'all')).length).toBe(100);
    const edited = mergeEntries(library, [entry('e-001', 'Do you rotate cryptographic keys?', { status: 'retired' })]);
    const second = first.next(edited);
    expect(ids(second.search('cryptographic', 'all'))).toEqual(['e-001']);
    expect(ids(second.search('cryptograhpic', 'all'))).toEqual(['e-001']);
    expect(ids(second.search('question 1 about', 'all'))).not.toContain('e-001');
    expect(ids(second.search('', 'retired'))).toEqual(['e-001']);
    expect(second.search('encryption', 'all')).toHaveLength(99);
  });

  it('a word no entry uses any more is no longer a correction, and gives the same results as a fresh index', () => {
    const unique = [...library, entry('z-1', 'Zephyrwind telemetry?')];
    const index = createLibrarySearchIndex(unique);
    expect(ids(index.search('zephyrwnd', 'all'))).toEqual(['z-1']);
    const without = unique.slice(0, -1);
    const next = index.next(without);
    expect(next.search('zephyrwnd', 'all')).toEqual([]);
    for (const query of ['encrpytion', 'backups 12', 'question', 'bakcups']) {
      expect(ids(next.search(query, 'all'))).toEqual(ids(createLibrarySearchIndex(without).search(query, 'all')));
    }
  });
});

describe('change signal', () => {
  it('names the entry after each single-entry write and sends what an import wrote; a failed write says nothing', async () => {
    const db = new AutofillDatabase('incremental-signal-test');
    const heard: EntryChange[] = [];
    const stop = watchEntryChanges((change) => heard.push(change));
    const settle = () => new Promise((done) => setTimeout(done, 50));
    try {
      await createEntry(entry('a', 'First?'), db);
      await updateEntry('a', { question: 'First, edited?', answer: 'Yes.' }, db);
      await retireEntry('a', db);
      await expect(updateEntry('missing', { question: 'Q?', answer: 'A.' }, db)).rejects.toThrow(/No library entry/);
      await settle();
      expect(heard).toEqual([
        { kind: 'entries', ids: ['a'] },
        { kind: 'entries', ids: ['a'] },
        { kind: 'entries', ids: ['a'] },
      ]);
      const plan = planSync({ fileName: 'f.json', kind: 'json', entries: [{ entry: entry('b', 'Second?'), index: 0, where: 'entry 1' }], invalid: [] }, []);
      await applySyncPlan(db, plan);
      // An import sends the rows it wrote: a page merges them instead of reading the whole table back. Waited for,
      // not slept on: under a loaded machine the channel took longer than a fixed 50 ms (full suite, load 14).
      await vi.waitFor(() => expect(heard).toHaveLength(4));
      const last = heard.at(-1);
      expect(last).toMatchObject({ kind: 'written', removed: [] });
      const rows = last?.kind === 'written' ? writtenEntriesOf(last) : undefined;
      expect(rows).toEqual([await getEntry('b', db)]);
    } finally {
      stop();
      db.close();
    }
  });
});

describe('writtenEntriesOf', () => {
  it('reads the rows an import sent, and refuses text that is not a list of entries (the page re-reads instead)', () => {
    const rows = [entry('a', 'Q?', { tags: ['x'] })];
    expect(writtenEntriesOf({ kind: 'written', entries: JSON.stringify(rows), removed: [] })).toEqual(rows);
    for (const text of ['not json', '{"id":"a"}', '[{"id":"a","question":"Q?"}]', '[null]', '[{"id":1,"question":"Q?","answer":"A."}]']) {
      expect(writtenEntriesOf({ kind: 'written', entries: text, removed: [] })).toBeUndefined();
    }
  });
});
