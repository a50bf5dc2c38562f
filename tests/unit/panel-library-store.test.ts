import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { AutofillDatabase } from '../../lib/db/database';
import { createEntry, getEntry } from '../../lib/db/entries-repository';
import { listLearnedAliases, markLearnedAliasReviewed } from '../../lib/db/aliases-repository';
import { createLibraryStore } from '../../entrypoints/sidepanel/library-store';
import { entry } from './panel-fixtures';

let n = 0;
const freshDb = () => new AutofillDatabase(`panel-store-${++n}`);

describe('panel library store', () => {
  it('loads the sample once on first run and reports when it fails', async () => {
    const db = freshDb();
    let calls = 0;
    const store = createLibraryStore(db, async (d) => {
      calls++;
      await createEntry(entry({ id: 'sample' }), d);
      return 1;
    });
    expect((await store.load()).entries.map((e) => e.id)).toEqual(['sample']);
    await store.load();
    expect(calls).toBe(1);

    const broken = createLibraryStore(freshDb(), async () => {
      throw new Error('404');
    });
    const snapshot = await broken.load();
    expect(snapshot.entries).toEqual([]);
    expect(snapshot.problem).toContain('The sample library could not be loaded (404)');
  });

  it('saves an edit as a new draft beside the base entry, keeping its citations, with a free id', async () => {
    const db = freshDb();
    const base = entry({ id: 'enc', question: 'Is data encrypted at rest?', citations: [{ title: 'Policy' }], owner: 'sec@x' });
    await createEntry(base, db);
    const store = createLibraryStore(db, async () => 0);
    const first = await store.saveDraft({ question: 'Do you encrypt stored data?', answer: 'Yes, AES-256.', choice: 'Yes', base });
    const second = await store.saveDraft({ question: 'Do you encrypt stored data?', answer: 'Yes.', base });
    expect([first.id, second.id]).toEqual(['enc-edit', 'enc-edit-2']);
    expect(first).toMatchObject({ status: 'draft', question: base.question, alternateQuestions: ['Do you encrypt stored data?'], answer: 'Yes, AES-256.', choice: 'Yes', owner: 'sec@x', citations: [{ title: 'Policy' }] });
    expect((await getEntry('enc', db))?.answer).toBe(base.answer);
    const fresh = await store.saveDraft({ question: 'Who is your DPO?', answer: 'Jane Doe.' });
    expect(fresh).toMatchObject({ id: 'who-is-your-dpo-edit', question: 'Who is your DPO?', status: 'draft' });
  });

  it('adds a wording to an entry once, learns aliases, and records fills newest first', async () => {
    const db = freshDb();
    await createEntry(entry({ id: 'mfa', question: 'Do you enforce MFA?' }), db);
    const store = createLibraryStore(db, async () => 0);
    await store.addAlternateWording('mfa', 'Is 2FA required?');
    const again = await store.addAlternateWording('mfa', 'Is 2FA required?');
    expect(again.alternateQuestions).toEqual(['Is 2FA required?']);
    await expect(store.addAlternateWording('missing', 'x')).rejects.toThrow('No library entry has the id "missing"');

    const learned = await store.learnAlias('mfa', 'Q3. Second factor for VPN?', { url: 'https://acme.service-now.com/sp?id=x', title: 'Survey' });
    expect((await store.load()).aliases).toMatchObject([{ entryId: 'mfa', text: 'Q3. Second factor for VPN?', origin: 'https://acme.service-now.com', pageUrl: 'https://acme.service-now.com/sp?id=x', pageTitle: 'Survey' }]);
    expect((await store.load()).aliases[0]).not.toHaveProperty('reviewedAt');
    // Undo of the fill that taught it: the wording is forgotten.
    await store.forgetLearning(learned);
    expect((await store.load()).aliases).toEqual([]);
    // Marked reviewed from the Library view (another writer): the next load sees it, though the entries are cached.
    await store.learnAlias('mfa', 'Q4. MFA for admins?', { url: 'https://acme.service-now.com/sp?id=x', title: 'Survey' });
    expect((await store.load()).aliases[0]).not.toHaveProperty('reviewedAt');
    await markLearnedAliasReviewed((await listLearnedAliases(undefined, db))[0]!.id!, db);
    expect((await store.load()).aliases[0]).toHaveProperty('reviewedAt');

    const event = { at: '2026-11-28T00:00:00Z', portal: 'generic' as const, pageUrl: 'u', pageTitle: 't', questionKey: 'k', questionText: 'q', value: 'v', edited: false, result: 'filled' as const, previous: null };
    await store.recordFills([event, { ...event, questionKey: 'k2' }]);
    expect((await store.history()).map((e) => e.questionKey)).toEqual(['k2', 'k']);
  });
});

describe('panel library store, with the matching worker reading the entries', () => {
  it('hands out one entry-less snapshot while nothing changes, and a new one after a write or a new wording', async () => {
    const db = freshDb();
    await createEntry(entry({ id: 'enc', question: 'Is data encrypted at rest?' }), db);
    const store = createLibraryStore(db, async () => 0, { matchFromDatabase: true });
    const first = await store.loadForMatching!();
    expect(first.entries).toEqual([]);
    expect(first.fromDatabase).toBeDefined();
    expect(await store.loadForMatching!()).toBe(first);
    // A draft saved here: the worker must read again.
    await store.saveDraft({ question: 'Do you encrypt stored data?', answer: 'Yes.' });
    const second = await store.loadForMatching!();
    expect(second).not.toBe(first);
    expect(second.fromDatabase!.generation).toBeGreaterThan(first.fromDatabase!.generation);
    // A learned wording alone: a new snapshot, same generation (the worker's read stays good).
    await store.learnAlias('enc', 'Q1. Encryption at rest?', { url: 'https://x.example/a', title: 'A' });
    const third = await store.loadForMatching!();
    expect(third).not.toBe(second);
    expect(third.aliases.map((a) => a.text)).toEqual(['Q1. Encryption at rest?']);
    expect(third.fromDatabase!.generation).toBe(second.fromDatabase!.generation);
    // Without the option the panel matches with what it reads itself.
    expect(createLibraryStore(db, async () => 0).loadForMatching).toBeUndefined();
  });

  it('counts the first-run sample as a change, and reads entries by id as stored now', async () => {
    const db = freshDb();
    // The loader says it added one entry (written without an announcement here): a worker's read ahead is stale.
    const store = createLibraryStore(db, async () => 1, { matchFromDatabase: true });
    const first = await store.loadForMatching!();
    expect(first.fromDatabase!.generation).toBe(1);
    await createEntry(entry({ id: 'sample', answer: 'One.' }), db);
    expect((await store.entriesById!(['sample', 'missing'])).map((e) => [e.id, e.answer])).toEqual([['sample', 'One.']]);
    expect((await store.entriesById!(['sample']))[0]).not.toHaveProperty('_meta');
  });
});
