// The first-run sample library is marked as such, never bulk-filled, replaced by a team library that arrives,
// and removable in one step (issue 13, point 1).
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AutofillDatabase } from '../../lib/db/database';
import { addLearnedAlias, listLearnedAliases } from '../../lib/db/aliases-repository';
import { createEntry, listEntries } from '../../lib/db/entries-repository';
import { applySyncPlan } from '../../lib/library/apply-sync';
import { parseLibraryFile } from '../../lib/library/parse-library-file';
import { planSync } from '../../lib/library/plan-sync';
import { loadSampleLibraryIfEmpty, removeSampleEntries } from '../../lib/library/sample-library';
import { planBulkFill } from '../../lib/panel/bulk-fill';
import { emptyRows, rowsReducer } from '../../lib/panel/question-rows';
import { entry, proposal, question } from './panel-fixtures';

const sampleText = readFileSync(resolve(import.meta.dirname, '../../public/sample-library.json'), 'utf8');
let dbSeq = 0;

async function sampleDb(): Promise<AutofillDatabase> {
  const db = new AutofillDatabase(`sample-marker-${dbSeq++}`);
  await loadSampleLibraryIfEmpty(db, async () => sampleText);
  return db;
}

function teamFile(entries: object[]) {
  return parseLibraryFile(JSON.stringify({ format: 'answer-library', version: 1, source: 'Team', entries }), 'team.json');
}

describe('sample library marker', () => {
  it('marks every entry loaded on first run as a sample', async () => {
    const entries = await listEntries(await sampleDb());
    expect(entries.length).toBeGreaterThan(50);
    expect(entries.filter((e) => e.sample !== true).map((e) => e.id)).toEqual([]);
  });

  it('an import offers to remove the sample: samples not in the file go, one of the same id is replaced, own entries stay', async () => {
    const db = await sampleDb();
    await createEntry({ id: 'mine', question: 'Do you have a CISO?', answer: 'Yes.' }, db);
    const [first] = await listEntries(db);
    const file = await teamFile([
      { id: first!.id, question: first!.question, answer: 'The team answer.', updatedAt: first!.updatedAt },
      { id: 'team-new', question: 'Is there a bug bounty?', answer: 'Yes, on HackerOne.' },
    ]);
    const plan = planSync(file, await listEntries(db), { removeSample: true });
    expect(plan.updated.map((p) => p.entry.id)).toEqual([first!.id]);
    expect(plan.removed.every((e) => e.sample === true)).toBe(true);
    expect(plan.removed.map((e) => e.id)).not.toContain('mine');
    expect(plan.removed.map((e) => e.id)).not.toContain(first!.id);
    await applySyncPlan(db, plan);
    const after = await listEntries(db);
    expect(after.map((e) => e.id).sort()).toEqual([first!.id, 'mine', 'team-new'].sort());
    expect(after.find((e) => e.id === first!.id)).toMatchObject({ answer: 'The team answer.' });
    expect(after.some((e) => e.sample)).toBe(false);

    // Without the option nothing of the sample is removed.
    const db2 = await sampleDb();
    const count = (await listEntries(db2)).length;
    const keep = planSync(await teamFile([{ id: 'team-new', question: 'Is there a bug bounty?', answer: 'Yes.' }]), await listEntries(db2));
    expect(keep.removed).toEqual([]);
    await applySyncPlan(db2, keep);
    expect((await listEntries(db2)).length).toBe(count + 1);
  });

  it('removes every sample entry and the wordings learned for them in one step, and nothing else', async () => {
    const db = await sampleDb();
    await createEntry({ id: 'mine', question: 'Do you have a CISO?', answer: 'Yes.' }, db);
    const sampleId = (await listEntries(db)).find((e) => e.sample)!.id;
    await addLearnedAlias({ entryId: sampleId, text: 'Is it encrypted?', normalized: 'is it encrypted' }, db);
    await addLearnedAlias({ entryId: 'mine', text: 'Is there a CISO?', normalized: 'there ciso' }, db);
    const removed = await removeSampleEntries(db);
    expect(removed).toBeGreaterThan(50);
    expect((await listEntries(db)).map((e) => e.id)).toEqual(['mine']);
    expect((await listLearnedAliases(undefined, db)).map((a) => a.entryId)).toEqual(['mine']);
    expect(await removeSampleEntries(db)).toBe(0);
  });

  it('a sample entry is never bulk-filled, even at high confidence', () => {
    const rows = rowsReducer(emptyRows, {
      type: 'scanned',
      questions: [question({ key: 'team' }), question({ key: 'sample' })],
      proposals: { team: [proposal({ entryId: 'e-team' })], sample: [proposal({ entryId: 'e-sample' })] },
    }).rows;
    const entries = new Map([entry({ id: 'e-team' }), entry({ id: 'e-sample', sample: true })].map((e) => [e.id, e]));
    const plan = planBulkFill(rows, entries);
    expect(plan.items.map((i) => i.key)).toEqual(['team']);
    expect(plan.excluded).toEqual([{ key: 'sample', reason: 'the library entry is a fictional sample' }]);
  });
});
