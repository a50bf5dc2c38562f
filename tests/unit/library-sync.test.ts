import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { AutofillDatabase } from '../../lib/db/database';
import { countEntries, createEntry, getEntry, listEntries, updateEntry } from '../../lib/db/entries-repository';
import type { StoredEntry } from '../../lib/db/records';
import { StorageFullError } from '../../lib/db/storage';
import { applySyncPlan } from '../../lib/library/apply-sync';
import { SyncApplyError } from '../../lib/library/library-errors';
import { parseLibraryFile, type ParsedLibraryFile } from '../../lib/library/parse-library-file';
import { compareTimes, planBlockers, planSync, summarizePlan } from '../../lib/library/plan-sync';
import type { LibraryEntry } from '../../lib/schema';

let dbCount = 0;
const freshDb = () => new AutofillDatabase(`sync-test-${++dbCount}`);
const T0 = new Date('2026-11-01T10:00:00Z');
const T1 = new Date('2026-11-02T10:00:00Z');
const T2 = new Date('2026-11-03T10:00:00Z');

const entry = (id: string, answer: string, updatedAt?: string): LibraryEntry => ({
  id,
  question: `Question ${id}?`,
  answer,
  ...(updatedAt ? { updatedAt } : {}),
});
const fileOf = (entries: LibraryEntry[], name = 'team.json'): ParsedLibraryFile => ({
  fileName: name,
  kind: 'json',
  entries: entries.map((e, index) => ({ entry: e, index, where: `entry ${index + 1}` })),
  invalid: [],
});
const ids = (items: { entry: LibraryEntry }[]) => items.map((i) => i.entry.id);

async function importFile(db: AutofillDatabase, entries: LibraryEntry[], now = T0) {
  return applySyncPlan(db, planSync(fileOf(entries), await listEntries(db)), {}, now);
}

describe('planSync', () => {
  it('sorts entries into added / updated / unchanged by id and updatedAt', async () => {
    const db = freshDb();
    await importFile(db, [entry('a', 'A1', '2026-10-01T00:00:00Z'), entry('b', 'B1', '2026-10-01T00:00:00Z'), entry('c', 'C1', '2026-10-05T00:00:00Z')]);
    const plan = planSync(
      fileOf([
        entry('a', 'A2', '2026-10-02T00:00:00Z'), // newer: updated
        entry('b', 'B0', '2026-09-01T00:00:00Z'), // older: unchanged
        entry('c', 'C-other', '2026-10-05T00:00:00Z'), // equal time: unchanged
        entry('d', 'D1'), // new id: added
      ]),
      await listEntries(db),
    );
    expect(ids(plan.added)).toEqual(['d']);
    expect(ids(plan.updated)).toEqual(['a']);
    expect(ids(plan.unchanged)).toEqual(['b', 'c']);
    expect(plan.conflicts).toEqual([]);
    expect(plan.removed).toEqual([]);
    expect(summarizePlan(plan)).toBe('1 added, 1 updated, 2 unchanged, 0 conflicts, 0 invalid');
  });

  it('compares date-times by instant, honouring offsets', () => {
    expect(compareTimes('2026-10-01T10:00:00+02:00', '2026-10-01T09:00:00Z')).toBe(-1);
    expect(compareTimes('2026-10-01T10:00:00Z', undefined)).toBe(1);
  });

  it('a local edit after the last import makes a changed entry a conflict, not an overwrite', async () => {
    const db = freshDb();
    await importFile(db, [entry('a', 'A1', '2026-10-01T00:00:00Z'), entry('b', 'B1', '2026-10-01T00:00:00Z')]);
    await updateEntry('a', { question: 'Question a?', answer: 'A-local' }, db, T1);
    const plan = planSync(fileOf([entry('a', 'A2', '2026-10-02T00:00:00Z'), entry('b', 'B2', '2026-10-02T00:00:00Z')]), await listEntries(db));
    expect(ids(plan.conflicts)).toEqual(['a']);
    expect(plan.conflicts[0]?.local.answer).toBe('A-local');
    expect(ids(plan.updated)).toEqual(['b']);
  });

  it('re-importing the file the analyst already synced keeps local edits without a conflict', async () => {
    const db = freshDb();
    const file = [entry('a', 'A1', '2026-10-01T00:00:00Z')];
    await importFile(db, file);
    await updateEntry('a', { question: 'Question a?', answer: 'A-local' }, db, T1);
    const plan = planSync(fileOf(file), await listEntries(db));
    expect(ids(plan.unchanged)).toEqual(['a']);
    expect(plan.conflicts).toEqual([]);
  });

  it('an entry created locally with an id the file also has is a conflict when they differ', async () => {
    const db = freshDb();
    await createEntry(entry('a', 'mine'), db, T0);
    const plan = planSync(fileOf([entry('a', 'theirs', '2026-01-01T00:00:00Z')]), await listEntries(db));
    expect(ids(plan.conflicts)).toEqual(['a']);
  });

  it('mirror lists local entries missing from the file for removal; otherwise they are kept', async () => {
    const db = freshDb();
    await importFile(db, [entry('a', 'A'), entry('b', 'B'), entry('c', 'C')]);
    const file: ParsedLibraryFile = { ...fileOf([entry('a', 'A')]), invalid: [{ index: 1, where: 'entry 2', id: 'c', reason: 'answer: answer is empty' }] };
    expect(planSync(file, await listEntries(db)).removed).toEqual([]);
    const mirrored = planSync(file, await listEntries(db), { mirror: true });
    expect(mirrored.removed.map((e) => e.id)).toEqual(['b']);
  });
});

describe('applySyncPlan', () => {
  it('writes added and updated entries with import bookkeeping', async () => {
    const db = freshDb();
    await importFile(db, [entry('a', 'A1', '2026-10-01T00:00:00Z')]);
    const result = await importFile(db, [entry('a', 'A2', '2026-10-02T00:00:00Z'), entry('b', 'B1')], T1);
    expect(result).toEqual({ added: 1, updated: 1, keptLocal: 0, removed: 0 });
    // The import that changed "a" is its second version.
    expect(await getEntry('a', db)).toEqual({ ...entry('a', 'A2', '2026-10-02T00:00:00Z'), version: 2, _meta: { importedAt: T1.toISOString(), importedUpdatedAt: '2026-10-02T00:00:00Z' } });
    // A new entry's first version is the entry itself until it changes: its import is recorded on it, not as a row.
    expect((await getEntry('b', db))?._meta).toEqual({ importedAt: T1.toISOString(), unrecorded: { at: T1.toISOString(), how: { kind: 'import', file: 'team.json' } } });
  });

  it('refuses to apply while conflicts are undecided, then applies the analyst’s choices', async () => {
    const db = freshDb();
    await importFile(db, [entry('a', 'A1', '2026-10-01T00:00:00Z'), entry('b', 'B1', '2026-10-01T00:00:00Z')]);
    await updateEntry('a', { question: 'Question a?', answer: 'A-local' }, db, T1);
    await updateEntry('b', { question: 'Question b?', answer: 'B-local' }, db, T1);
    const incoming = [entry('a', 'A2', '2026-10-02T00:00:00Z'), entry('b', 'B2', '2026-10-02T00:00:00Z')];
    const plan = planSync(fileOf(incoming), await listEntries(db));
    expect(planBlockers(plan, { a: 'incoming' })).toEqual(['Choose a side for 1 conflict (first: "b").']);
    await expect(applySyncPlan(db, plan, { a: 'incoming' }, T2)).rejects.toThrow(SyncApplyError);
    expect((await getEntry('a', db))?.answer).toBe('A-local');

    const result = await applySyncPlan(db, plan, { a: 'incoming', b: 'local' }, T2);
    expect(result).toEqual({ added: 0, updated: 1, keptLocal: 1, removed: 0 });
    expect((await getEntry('a', db))?.answer).toBe('A2');
    expect((await getEntry('b', db))?.answer).toBe('B-local');
    // The same file again: the declined version is remembered, so no new conflict.
    const again = planSync(fileOf(incoming), await listEntries(db));
    expect(again.conflicts).toEqual([]);
    // A newer file conflicts again with the kept local edit.
    const newer = planSync(fileOf([entry('b', 'B3', '2026-10-09T00:00:00Z')]), await listEntries(db));
    expect(ids(newer.conflicts)).toEqual(['b']);
  });

  it('refuses a file with invalid entries and writes nothing', async () => {
    const db = freshDb();
    const parsed = await parseLibraryFile(
      JSON.stringify({ format: 'answer-library', version: 1, entries: [entry('ok', 'Fine'), { id: 'bad', question: 'No answer?' }] }),
      'half.json',
    );
    const plan = planSync(parsed, []);
    expect(ids(plan.added)).toEqual(['ok']);
    await expect(applySyncPlan(db, plan)).rejects.toThrow(/Nothing was imported\. half\.json has 1 invalid entry \(first: entry 2: answer: required field is missing\)/);
    expect(await countEntries(db)).toBe(0);
  });

  it('mirror removes entries missing from the file in the same transaction', async () => {
    const db = freshDb();
    await importFile(db, [entry('a', 'A'), entry('b', 'B')]);
    const plan = planSync(fileOf([entry('a', 'A'), entry('c', 'C')]), await listEntries(db), { mirror: true });
    expect(await applySyncPlan(db, plan, {}, T1)).toEqual({ added: 1, updated: 0, keptLocal: 0, removed: 1 });
    expect((await listEntries(db)).map((e) => e.id)).toEqual(['a', 'c']);
  });

  it('is all or nothing: a failing write rolls back the removals already made', async () => {
    const db = freshDb();
    await importFile(db, [entry('a', 'A'), entry('b', 'B')]);
    const before = await listEntries(db);
    const plan = planSync(fileOf([entry('c', 'C')]), before, { mirror: true });
    const spy = vi.spyOn(db.entryPages, 'bulkPut').mockImplementation(() => Dexie.Promise.reject(new DOMException('disk full', 'QuotaExceededError')));
    const error = await applySyncPlan(db, plan, {}, T1).catch((e: unknown) => e);
    spy.mockRestore();
    expect(error).toBeInstanceOf(StorageFullError);
    expect((error as Error).message).toMatch(/no storage space left.*the import of team\.json was not saved \(nothing was changed\)/);
    expect(await listEntries(db)).toEqual(before);
  });

  it('refuses a plan made before the library changed', async () => {
    const db = freshDb();
    await importFile(db, [entry('a', 'A1', '2026-10-01T00:00:00Z')]);
    const plan = planSync(fileOf([entry('a', 'A2', '2026-10-02T00:00:00Z'), entry('n', 'N')]), await listEntries(db));
    await createEntry(entry('n', 'created meanwhile'), db, T1);
    await expect(applySyncPlan(db, plan, {}, T2)).rejects.toThrow(/library changed since the preview \(entry "n"\)/);
    expect((await getEntry('a', db))?.answer).toBe('A1');
  });

  it('refuses a mirror made before an entry was added (the first-run sample loading late): the mirror would keep it', async () => {
    const db = freshDb();
    await importFile(db, [entry('a', 'A')]);
    const plan = planSync(fileOf([entry('a', 'A'), entry('c', 'C')]), await listEntries(db), { mirror: true });
    await createEntry(entry('late', 'written after the preview'), db, T1);
    await expect(applySyncPlan(db, plan, {}, T2)).rejects.toThrow(/entry "late" was added to the library since the preview, and mirroring the export would have kept it/);
    expect((await listEntries(db)).map((e) => e.id)).toEqual(['a', 'late']);
    // Without a mirror the entry added meanwhile is simply kept beside the import.
    const keep = planSync(fileOf([entry('a', 'A'), entry('c', 'C')]), (await listEntries(db)).filter((e) => e.id !== 'late'));
    expect(await applySyncPlan(db, keep, {}, T2)).toMatchObject({ added: 1, removed: 0 });
    expect((await listEntries(db)).map((e) => e.id)).toEqual(['a', 'c', 'late']);
  });

  it('keeps the stored rows valid against the stored-entry schema', async () => {
    const db = freshDb();
    await importFile(db, [entry('a', 'A')]);
    const rows: StoredEntry[] = await listEntries(db);
    const { StoredEntrySchema } = await import('../../lib/db/records');
    for (const row of rows) expect(StoredEntrySchema.safeParse(row).success).toBe(true);
  });
});
