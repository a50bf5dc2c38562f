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
