// Entry versions: every change (create, edit, review, retire, restore, import, restore of a version) writes the
// entry and its numbered version row together; earlier versions stay readable; a failed write keeps neither.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { AutofillDatabase } from '../../lib/db/database';
import { createEntry, deleteEntries, getEntry, listEntries, markEntriesReviewed, mergeEntryInto, putEntries, restoreEntry, restoreEntryVersion, retireEntry, updateEntry, VersionNotFoundError } from '../../lib/db/entries-repository';
import { findEntryVersion, listEntryVersions } from '../../lib/db/versions-repository';
import { applySyncPlan } from '../../lib/library/apply-sync';
import type { ParsedLibraryFile } from '../../lib/library/parse-library-file';
import { planSync } from '../../lib/library/plan-sync';
import { saveTeamName } from '../../lib/library/team-name';
import { removeSampleEntries } from '../../lib/library/sample-library';
import { exportLibraryJson } from '../../lib/library/export-library';
import { parseLibraryFile } from '../../lib/library/parse-library-file';
import type { LibraryEntry } from '../../lib/schema';

let dbCount = 0;
const freshDb = () => new AutofillDatabase(`versions-test-${++dbCount}`);
const T0 = new Date('2026-11-01T10:00:00Z');
const T1 = new Date('2026-11-02T10:00:00Z');
const T2 = new Date('2026-11-03T10:00:00Z');
const T3 = new Date('2026-11-04T10:00:00Z');

const fileOf = (entries: LibraryEntry[], name = 'team.json'): ParsedLibraryFile => ({
  fileName: name,
  kind: 'json',
  entries: entries.map((e, index) => ({ entry: e, index, where: `entry ${index + 1}` })),
  invalid: [],
});

async function importFile(db: AutofillDatabase, entries: LibraryEntry[], now: Date, name = 'team.json') {
  return applySyncPlan(db, planSync(fileOf(entries, name), await listEntries(db)), {}, now);
}

const summary = (rows: Awaited<ReturnType<typeof listEntryVersions>>) => rows.map((r) => [r.version, r.how.kind, r.entry.answer]);

describe('entry versions', () => {
  it('numbers every change and keeps each version with when, how and by whom', async () => {
    const db = freshDb();
    await saveTeamName('Northwind Security', db);
    await createEntry({ id: 'mfa', question: 'MFA?', answer: 'Yes.' }, db, T0);
    const edited = await updateEntry('mfa', { question: 'MFA?', answer: 'Yes, for everyone.' }, db, T1);
    expect(edited.version).toBe(2);
    await markEntriesReviewed(['mfa'], { reviewedAt: '2026-11-03', expiresAt: '2027-11-03' }, db, T2);
    await retireEntry('mfa', db, T2);
    const back = await restoreEntry('mfa', db, T3);
    expect(back.version).toBe(5);

    const versions = await listEntryVersions('mfa', db);
    expect(summary(versions)).toEqual([
      [1, 'create', 'Yes.'],
      [2, 'edit', 'Yes, for everyone.'],
      [3, 'review', 'Yes, for everyone.'],
      [4, 'retire', 'Yes, for everyone.'],
      [5, 'unretire', 'Yes, for everyone.'],
    ]);
    expect(versions[1]).toMatchObject({ entryId: 'mfa', at: T1.toISOString(), by: 'Northwind Security', entry: { version: 2 } });
    expect(versions[3]?.entry.status).toBe('retired');
    // The version row holds the entry without local bookkeeping.
    expect(versions.every((v) => !('_meta' in v.entry))).toBe(true);
    // The stored entry is the last version.
    expect((await getEntry('mfa', db))?.version).toBe(5);
  });

  it('records a change made without a team name as by nobody', async () => {
    const db = freshDb();
    await createEntry({ id: 'a', question: 'Q?', answer: 'A.' }, db, T0);
    expect((await listEntryVersions('a', db))[0]?.by).toBeUndefined();
  });

  it('keeps the content of an entry stored before versions as its version 1 when it first changes', async () => {
    const db = freshDb();
    // As a database upgraded from version 2 holds it: no version number, no version rows.
    await putEntries(db, [{ id: 'old', question: 'Old?', answer: 'Before versions.', updatedAt: '2026-01-01T00:00:00Z' }]);
    expect(await findEntryVersion('old', 1, db)).toMatchObject({ current: true, entry: { answer: 'Before versions.' } });
    await updateEntry('old', { question: 'Old?', answer: 'After versions.' }, db, T1);
    const versions = await listEntryVersions('old', db);
    expect(summary(versions)).toEqual([
      [1, 'earlier', 'Before versions.'],
      [2, 'edit', 'After versions.'],
    ]);
    expect(versions[0]?.at).toBe('2026-01-01T00:00:00Z');
    // A fill of version 1 still shows what was sent, though the entry changed.
    expect(await findEntryVersion('old', 1, db)).toMatchObject({ current: false, entry: { answer: 'Before versions.' } });
    expect(await findEntryVersion('old', 2, db)).toMatchObject({ current: true, entry: { answer: 'After versions.' } });
    expect(await findEntryVersion('old', 3, db)).toBeUndefined();
  });

  it('restores an earlier version as a new version, keeping every version before it', async () => {
    const db = freshDb();
    await createEntry({ id: 'enc', question: 'Encrypted?', answer: 'Yes, AES-256.', owner: 'sec@x.example' }, db, T0);
    await updateEntry('enc', { question: 'Encrypted at rest?', answer: 'No longer true.' }, db, T1);
    const restored = await restoreEntryVersion('enc', 1, db, T2);
    expect(restored).toMatchObject({ id: 'enc', version: 3, question: 'Encrypted?', answer: 'Yes, AES-256.', owner: 'sec@x.example', updatedAt: T2.toISOString() });
    expect(restored._meta?.localEditedAt).toBe(T2.toISOString());
    const versions = await listEntryVersions('enc', db);
    expect(summary(versions)).toEqual([
      [1, 'create', 'Yes, AES-256.'],
      [2, 'edit', 'No longer true.'],
      [3, 'restore', 'Yes, AES-256.'],
    ]);
    expect(versions[2]?.how).toEqual({ kind: 'restore', fromVersion: 1 });
    await expect(restoreEntryVersion('enc', 9, db, T3)).rejects.toThrow(VersionNotFoundError);
    expect((await getEntry('enc', db))?.version).toBe(3);
  });

  it('restoring a retired version remembers the status to come back as', async () => {
    const db = freshDb();
    await createEntry({ id: 'r', question: 'Q?', answer: 'A.', status: 'draft' }, db, T0);
    await retireEntry('r', db, T1);
    await restoreEntry('r', db, T2);
    const again = await restoreEntryVersion('r', 2, db, T3);
    expect(again.status).toBe('retired');
    expect((await restoreEntry('r', db, T3)).status).toBe('draft');
  });

  it('an import is a version "import of <file>"; unchanged and kept-local entries get none', async () => {
    const db = freshDb();
    await importFile(db, [{ id: 'a', question: 'A?', answer: 'A1', updatedAt: '2026-10-01T00:00:00Z' }], T0, 'first.json');
    await importFile(db, [{ id: 'a', question: 'A?', answer: 'A2', updatedAt: '2026-10-02T00:00:00Z' }], T1, 'second.json');
    await importFile(db, [{ id: 'a', question: 'A?', answer: 'A2', updatedAt: '2026-10-02T00:00:00Z' }], T2, 'second.json');
    const versions = await listEntryVersions('a', db);
    expect(versions.map((v) => [v.version, v.how])).toEqual([
      [1, { kind: 'import', file: 'first.json' }],
      [2, { kind: 'import', file: 'second.json' }],
    ]);
    // A local edit, then a conflict where the analyst keeps the local side: bookkeeping only, no new version.
    await updateEntry('a', { question: 'A?', answer: 'A-local' }, db, T2);
    const plan = planSync(fileOf([{ id: 'a', question: 'A?', answer: 'A3', updatedAt: '2026-10-03T00:00:00Z' }]), await listEntries(db));
    expect(plan.conflicts).toHaveLength(1);
    await applySyncPlan(db, plan, { a: 'local' }, T3);
    expect((await listEntryVersions('a', db)).map((v) => v.version)).toEqual([1, 2, 3]);
    expect((await getEntry('a', db))?.version).toBe(3);
  });

  it('an imported new entry writes no version row until it changes or goes, and its import provenance is kept', async () => {
    const db = freshDb();
    await saveTeamName('Northwind Security', db);
    await importFile(db, [
      { id: 'a', question: 'A?', answer: 'A1' },
      { id: 'b', question: 'B?', answer: 'B1' },
      { id: 'c', question: 'C?', answer: 'C1' },
    ], T0, 'first.json');
    // Half the writes of a large import: the entries only.
    expect(await db.versions.count()).toBe(0);
    const listed = await listEntryVersions('a', db);
    expect(listed.map((v) => [v.version, v.how, v.at, v.by, v.entry.answer])).toEqual([[1, { kind: 'import', file: 'first.json' }, T0.toISOString(), 'Northwind Security', 'A1']]);
    expect(await findEntryVersion('a', 1, db)).toMatchObject({ version: 1, current: true, at: T0.toISOString(), entry: { answer: 'A1' } });

    // First change: version 1 is written with the import's provenance (not as "earlier"), then version 2.
    await updateEntry('a', { question: 'A?', answer: 'A2' }, db, T1);
    expect((await listEntryVersions('a', db)).map((v) => [v.version, v.how.kind, v.at, v.entry.answer])).toEqual([
      [1, 'import', T0.toISOString(), 'A1'],
      [2, 'edit', T1.toISOString(), 'A2'],
    ]);
    expect((await getEntry('a', db))?._meta?.unrecorded).toBeUndefined();
    expect(await db.versions.where('entryId').equals('a').count()).toBe(2);

    // Removed by a mirror import: its version 1 is written as it goes, so history naming it still resolves.
    const mirror = planSync(fileOf([{ id: 'a', question: 'A?', answer: 'A2' }, { id: 'c', question: 'C?', answer: 'C1' }]), await listEntries(db), { mirror: true });
    expect(mirror.removed.map((e) => e.id)).toEqual(['b']);
    await applySyncPlan(db, mirror, { a: 'local' }, T2);
    expect(await getEntry('b', db)).toBeUndefined();
    expect(await findEntryVersion('b', 1, db)).toMatchObject({ version: 1, current: false, at: T0.toISOString(), entry: { answer: 'B1' } });

    // An import that updates a never-changed entry records its imported version first.
    await importFile(db, [{ id: 'c', question: 'C?', answer: 'C2', updatedAt: '2026-11-03T00:00:00Z' }], T3, 'second.json');
    expect((await listEntryVersions('c', db)).map((v) => [v.version, v.how, v.entry.answer])).toEqual([
      [1, { kind: 'import', file: 'first.json' }, 'C1'],
      [2, { kind: 'import', file: 'second.json' }, 'C2'],
    ]);
  });

  it('merging or removing the sample keeps the version of an imported entry that never changed', async () => {
    const db = freshDb();
    await importFile(db, [
      { id: 'x', question: 'X?', answer: 'X1' },
      { id: 'y', question: 'Y?', answer: 'Y1' },
      { id: 's', question: 'S?', answer: 'S1', sample: true },
    ], T0, 'first.json');
    await mergeEntryInto('x', 'y', db, T1);
    expect(await getEntry('y', db)).toBeUndefined();
    expect(await findEntryVersion('y', 1, db)).toMatchObject({ current: false, at: T0.toISOString(), entry: { answer: 'Y1' } });
    expect((await listEntryVersions('y', db)).map((v) => v.how)).toEqual([{ kind: 'import', file: 'first.json' }]);
    expect(await removeSampleEntries(db)).toBe(1);
    expect(await findEntryVersion('s', 1, db)).toMatchObject({ current: false, entry: { answer: 'S1' } });
  });

  it("follows a file's higher version number, never goes backwards, and ignores the number when comparing content", async () => {
    const db = freshDb();
    await importFile(db, [{ id: 'a', question: 'A?', answer: 'A1', updatedAt: '2026-10-01T00:00:00Z', version: 7 }], T0);
    expect((await getEntry('a', db))?.version).toBe(7);
    // Same content under another number: unchanged.
    const same = planSync(fileOf([{ id: 'a', question: 'A?', answer: 'A1', updatedAt: '2026-10-01T00:00:00Z', version: 2 }]), await listEntries(db));
    expect(same.unchanged).toHaveLength(1);
    await importFile(db, [{ id: 'a', question: 'A?', answer: 'A2', updatedAt: '2026-10-02T00:00:00Z', version: 3 }], T1);
    expect((await getEntry('a', db))?.version).toBe(8);
  });

  it('exports the version number and imports files without one unchanged', async () => {
    const db = freshDb();
    await createEntry({ id: 'a', question: 'A?', answer: 'A1' }, db, T0);
    await updateEntry('a', { question: 'A?', answer: 'A2' }, db, T1);
    const json = exportLibraryJson(await listEntries(db), { exportedAt: T2.toISOString() });
    expect(JSON.parse(json).entries[0].version).toBe(2);
    const reread = await parseLibraryFile(json, 'mine.json');
    expect(reread.entries[0]?.entry.version).toBe(2);
    const v1 = await parseLibraryFile(JSON.stringify({ format: 'answer-library', version: 1, entries: [{ id: 'b', question: 'B?', answer: 'B.' }] }), 'v1.json');
    expect(v1.invalid).toEqual([]);
    expect(v1.entries[0]?.entry).toEqual({ id: 'b', question: 'B?', answer: 'B.' });
    await applySyncPlan(db, planSync(v1, await listEntries(db)), {}, T2);
    expect((await getEntry('b', db))?.version).toBe(1);
    const bad = await parseLibraryFile(JSON.stringify({ format: 'answer-library', version: 1, entries: [{ id: 'c', question: 'C?', answer: 'C.', version: 0 }] }), 'bad.json');
    expect(bad.invalid).toHaveLength(1);
    const huge = await parseLibraryFile(JSON.stringify({ format: 'answer-library', version: 1, entries: [{ id: 'd', question: 'D?', answer: 'D.', version: 1e12 }] }), 'huge.json');
    expect(huge.invalid[0]?.reason).toMatch(/version is larger than 999999999/);
  });

  it('numbers a re-added id after the versions recorded under it, so no version is overwritten', async () => {
    const db = freshDb();
    await createEntry({ id: 'a', question: 'A?', answer: 'First life.' }, db, T0);
    await updateEntry('a', { question: 'A?', answer: 'First life, edited.' }, db, T1);
    await deleteEntries(db, ['a']);
    const again = await createEntry({ id: 'a', question: 'A?', answer: 'Second life.' }, db, T2);
    expect(again.version).toBe(3);
    expect(summary(await listEntryVersions('a', db)).map(([v, , answer]) => [v, answer])).toEqual([
      [1, 'First life.'],
      [2, 'First life, edited.'],
      [3, 'Second life.'],
    ]);
  });

  it('writes neither the entry nor its version when one of the two writes fails', async () => {
    const db = freshDb();
    await createEntry({ id: 'a', question: 'A?', answer: 'Kept.' }, db, T0);
    const spy = vi.spyOn(db.versions, 'bulkAdd').mockImplementation(() => Dexie.Promise.reject(new DOMException('full', 'QuotaExceededError')));
    await expect(updateEntry('a', { question: 'A?', answer: 'Lost.' }, db, T1)).rejects.toThrow(/not saved/);
    await expect(importFile(db, [{ id: 'a', question: 'A?', answer: 'Imported.', updatedAt: '2027-01-01T00:00:00Z' }, { id: 'b', question: 'B?', answer: 'B.' }], T1)).rejects.toThrow();
    spy.mockRestore();
    expect(await getEntry('a', db)).toMatchObject({ answer: 'Kept.', version: 1 });
    expect(await getEntry('b', db)).toBeUndefined();
    expect((await listEntryVersions('a', db)).map((v) => v.version)).toEqual([1]);
  });
});
