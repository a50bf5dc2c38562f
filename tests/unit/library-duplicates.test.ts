// Near-duplicate entries: found (same answer, similar question), merged into one as a version of the kept entry,
// and never brought back by a later import of the merged id.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { addLearnedAlias, listLearnedAliases } from '../../lib/db/aliases-repository';
import { AutofillDatabase } from '../../lib/db/database';
import { createEntry, EntryNotFoundError, getEntry, listEntries, mergeEntryInto, putEntries, resolveEntryId, updateEntry } from '../../lib/db/entries-repository';
import { findEntryVersion, listEntryVersions } from '../../lib/db/versions-repository';
import { applySyncPlan } from '../../lib/library/apply-sync';
import { findDuplicatePairs, mergedContent } from '../../lib/library/find-duplicates';
import type { ParsedLibraryFile } from '../../lib/library/parse-library-file';
import { planSync, summarizePlan } from '../../lib/library/plan-sync';
import type { LibraryEntry } from '../../lib/schema';

let dbCount = 0;
const freshDb = () => new AutofillDatabase(`duplicates-test-${++dbCount}`);
const T0 = new Date('2026-11-01T10:00:00Z');
const T1 = new Date('2026-11-02T10:00:00Z');
const T2 = new Date('2026-11-03T10:00:00Z');

const fileOf = (entries: LibraryEntry[], name = 'team.json'): ParsedLibraryFile => ({
  fileName: name,
  kind: 'json',
  entries: entries.map((e, index) => ({ entry: e, index, where: `entry ${index + 1}` })),
  invalid: [],
});

const LIBRARY: LibraryEntry[] = [
  { id: 'enc-rest', question: 'Is customer data encrypted at rest?', answer: 'Yes, with AES-256.' },
  { id: 'enc-rest-2', question: 'Do you encrypt customer data at rest?', answer: 'Yes. AES-256 on every volume.' },
  { id: 'mfa', question: 'Is multi-factor authentication required for administrators?', answer: 'Yes, hardware keys.' },
  { id: 'mfa-copy', question: 'How do admins sign in?', answer: 'yes,  hardware   keys.' },
  { id: 'pentest', question: 'How often do you run penetration tests?', answer: 'Annually, by an outside firm.' },
  { id: 'old', question: 'Is customer data encrypted at rest?', answer: 'Yes, with AES-256.', status: 'retired' },
];

describe('findDuplicatePairs', () => {
  it('pairs the same answer under different ids and similar questions, leaving out retired and unrelated entries', () => {
    const pairs = findDuplicatePairs(LIBRARY);
    expect(pairs.map((p) => [p.left.id, p.right.id, p.reason])).toEqual([
      ['mfa', 'mfa-copy', 'same-answer'],
      ['enc-rest', 'enc-rest-2', 'similar-question'],
    ]);
    expect(pairs[1]!.score).toBeGreaterThanOrEqual(0.8);
    expect(findDuplicatePairs(LIBRARY, 1)).toHaveLength(1);
    expect(findDuplicatePairs([LIBRARY[4]!])).toEqual([]);
  });

  it('merges wordings: the other question and alternates become alternates, each once', () => {
    const kept = { id: 'a', question: 'Q one?', alternateQuestions: ['Q two?'], answer: 'A.' };
    expect(mergedContent(kept, { id: 'b', question: 'Q two?', alternateQuestions: ['Q one?', 'Q three?'], answer: 'B.' })).toEqual({
      id: 'a',
      question: 'Q one?',
      alternateQuestions: ['Q two?', 'Q three?'],
      answer: 'A.',
    });
  });
});

describe('mergeEntryInto', () => {
  it('keeps one entry as a new version, moves learned wordings, and the other id still resolves', async () => {
    const db = freshDb();
    for (const entry of LIBRARY.slice(0, 2)) await createEntry(entry, db, T0);
    await addLearnedAlias({ entryId: 'enc-rest-2', text: 'Is stored data encrypted?', normalized: 'stored data encrypted' }, db, T0);

    const kept = await mergeEntryInto('enc-rest', 'enc-rest-2', db, T1);
    expect(kept).toMatchObject({
      id: 'enc-rest',
      version: 2,
      answer: 'Yes, with AES-256.',
      alternateQuestions: ['Do you encrypt customer data at rest?'],
      _meta: { mergedIds: ['enc-rest-2'] },
    });
    expect(await getEntry('enc-rest-2', db)).toBeUndefined();
    expect((await listEntryVersions('enc-rest', db)).map((v) => [v.version, v.how])).toEqual([
      [1, { kind: 'create' }],
      [2, { kind: 'merge', mergedId: 'enc-rest-2' }],
    ]);
    expect((await listLearnedAliases(undefined, db)).map((a) => a.entryId)).toEqual(['enc-rest']);
    // History that filled the merged entry still shows what was filled, and its link finds the kept entry.
    expect(await findEntryVersion('enc-rest-2', 1, db)).toMatchObject({ entry: { answer: 'Yes. AES-256 on every volume.' }, current: false });
    expect(await resolveEntryId('enc-rest-2', db)).toBe('enc-rest');
    expect(await resolveEntryId('nothing', db)).toBeUndefined();
  });

  it('records the merged entry content even when it was stored before versions', async () => {
    const db = freshDb();
    await createEntry(LIBRARY[0]!, db, T0);
    await putEntries(db, [{ ...LIBRARY[1]! }]);
    await mergeEntryInto('enc-rest', 'enc-rest-2', db, T1);
    expect(await findEntryVersion('enc-rest-2', 1, db)).toMatchObject({ entry: { answer: 'Yes. AES-256 on every volume.' } });
  });

  it('refuses a missing entry or a merge into itself, changing nothing', async () => {
    const db = freshDb();
    await createEntry(LIBRARY[0]!, db, T0);
    await expect(mergeEntryInto('enc-rest', 'nope', db, T1)).rejects.toThrow(EntryNotFoundError);
    await expect(mergeEntryInto('enc-rest', 'enc-rest', db, T1)).rejects.toThrow(/itself/);
    expect((await getEntry('enc-rest', db))?.version).toBe(1);
    expect(await db.versions.count()).toBe(1);
  });
});

describe('sync after a merge', () => {
  it('an import of the merged id does not bring it back, and a mirror does not remove the kept entry', async () => {
    const db = freshDb();
    await applySyncPlan(db, planSync(fileOf(LIBRARY.slice(0, 2).map((e) => ({ ...e, updatedAt: '2026-10-01T00:00:00Z' }))), []), {}, T0);
    await mergeEntryInto('enc-rest', 'enc-rest-2', db, T1);

    // The team's next export still has both ids, one of them changed.
    const next = fileOf([
      { ...LIBRARY[0]!, updatedAt: '2026-10-01T00:00:00Z' },
      { ...LIBRARY[1]!, answer: 'Changed in the team library.', updatedAt: '2026-10-05T00:00:00Z' },
    ]);
    const plan = planSync(next, await listEntries(db), { mirror: true });
    expect(plan.added).toEqual([]);
    expect(plan.removed).toEqual([]);
    expect(plan.merged?.map((m) => [m.entry.id, m.intoId])).toEqual([['enc-rest-2', 'enc-rest']]);
    expect(summarizePlan(plan)).toContain('1 merged here before (skipped)');
    await applySyncPlan(db, plan, {}, T2);
    expect((await listEntries(db)).map((e) => e.id)).toEqual(['enc-rest']);

    // A mirror of a file holding only the merged id keeps the kept entry too.
    const onlyOld = planSync(fileOf([{ ...LIBRARY[1]!, updatedAt: '2026-10-05T00:00:00Z' }]), await listEntries(db), { mirror: true });
    expect(onlyOld.removed).toEqual([]);
  });

  it('an edit of the kept entry keeps the merged ids', async () => {
    const db = freshDb();
    for (const entry of LIBRARY.slice(0, 2)) await createEntry(entry, db, T0);
    await mergeEntryInto('enc-rest', 'enc-rest-2', db, T1);
    const { id: _id, _meta: _meta, ...fields } = (await getEntry('enc-rest', db))!;
    const edited = await updateEntry('enc-rest', { ...fields, answer: 'Yes, AES-256 everywhere.' }, db, T2);
    expect(edited._meta?.mergedIds).toEqual(['enc-rest-2']);
    expect(planSync(fileOf([LIBRARY[1]!]), await listEntries(db)).merged).toHaveLength(1);
  });
});
