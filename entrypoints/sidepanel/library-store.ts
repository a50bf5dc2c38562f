// The panel's view of the library database: load entries and learned aliases for matching (the bundled sample
// on first run), save an edit as a draft or a new wording, learn accepted wordings, record fills in the history.
import type { LibraryEntry } from '../../lib/schema';
import type { LibraryStore } from '../../lib/panel/ports';
import { getDatabase, type AutofillDatabase } from '../../lib/db/database';
import { createEntry, getEntry, listEntries, stripMeta, updateEntry, EntryNotFoundError } from '../../lib/db/entries-repository';
import { addLearnedAlias, listLearnedAliases } from '../../lib/db/aliases-repository';
import { addFillEvent, queryHistory } from '../../lib/db/history-repository';
import { createLearnedAlias } from '../../lib/match';
import { loadSampleLibraryIfEmpty } from '../../lib/library/sample-library';

/** A free id for a draft made from an edit: `<base>-edit`, then `-edit-2`, ... */
async function freeDraftId(base: string, db: AutofillDatabase): Promise<string> {
  const stem = `${base.slice(0, 180)}-edit`;
  for (let n = 1; ; n++) {
    const id = n === 1 ? stem : `${stem}-${n}`;
    if (!(await getEntry(id, db))) return id;
  }
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'answer'
  );
}

export function createLibraryStore(db: AutofillDatabase = getDatabase(), loadSample: (db: AutofillDatabase) => Promise<number> = loadSampleLibraryIfEmpty): LibraryStore {
  let firstRun: Promise<string | undefined> | undefined;
  return {
    async load() {
      // First run: an empty library gets the bundled sample once, so the panel has something to propose.
      firstRun ??= loadSample(db).then(
        () => undefined,
        (e: unknown) => `The sample library could not be loaded (${e instanceof Error ? e.message : String(e)}); import a library in the Library view.`,
      );
      const problem = await firstRun;
      const [entries, aliases] = await Promise.all([listEntries(db), listLearnedAliases(undefined, db)]);
      return { entries: entries.map(stripMeta), aliases, problem };
    },
    async saveDraft({ question, answer, choice, base }) {
      const id = await freeDraftId(base?.id ?? slug(question), db);
      const draft: LibraryEntry = {
        id,
        question: base?.question ?? question,
        alternateQuestions: base && base.question !== question ? [question] : undefined,
        answer,
        choice,
        tags: base?.tags,
        citations: base?.citations,
        owner: base?.owner,
        status: 'draft',
      };
      return stripMeta(await createEntry(draft, db));
    },
    async addAlternateWording(entryId, wording) {
      const existing = await getEntry(entryId, db);
      if (!existing) throw new EntryNotFoundError(entryId);
      const { id: _id, _meta: _m, ...fields } = existing;
      const alternates = existing.alternateQuestions ?? [];
      if (alternates.includes(wording) || existing.question === wording) return stripMeta(existing);
      return stripMeta(await updateEntry(entryId, { ...fields, alternateQuestions: [...alternates, wording] }, db));
    },
    async learnAlias(entryId, wording) {
      await addLearnedAlias(createLearnedAlias(wording, entryId), db);
    },
    async recordFill(event) {
      await addFillEvent(event, db);
    },
    history() {
      return queryHistory({}, db);
    },
  };
}
