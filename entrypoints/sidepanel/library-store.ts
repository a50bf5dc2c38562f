// The panel's view of the library database: load entries and learned aliases for matching, save an edit as a
// draft or a new wording, learn accepted wordings, and record fills in the history.
import type { LibraryEntry } from '../../lib/schema';
import type { LibraryStore } from '../../lib/panel/ports';
import { createEntry, getEntry, listEntries, stripMeta, updateEntry, EntryNotFoundError } from '../../lib/db/entries-repository';
import { addLearnedAlias, listLearnedAliases } from '../../lib/db/aliases-repository';
import { addFillEvent, queryHistory } from '../../lib/db/history-repository';
import { createLearnedAlias } from '../../lib/match';
import { loadSampleLibraryIfEmpty } from '../../lib/library/sample-library';

/** A free id for a draft made from an edit: `<base>-edit`, then `-edit-2`, ... */
async function freeDraftId(base: string): Promise<string> {
  const stem = `${base.slice(0, 180)}-edit`;
  for (let n = 1; ; n++) {
    const id = n === 1 ? stem : `${stem}-${n}`;
    if (!(await getEntry(id))) return id;
  }
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60) || 'answer';
}

export function createLibraryStore(): LibraryStore {
  let firstRun: Promise<unknown> | undefined;
  return {
    async load() {
      // First run: an empty library gets the bundled sample once, so the panel has something to propose.
      firstRun ??= loadSampleLibraryIfEmpty().catch(() => 0);
      await firstRun;
      const [entries, aliases] = await Promise.all([listEntries(), listLearnedAliases()]);
      return { entries: entries.map(stripMeta), aliases };
    },
    async saveDraft({ question, answer, choice, base }) {
      const id = await freeDraftId(base?.id ?? slug(question));
      const draft: LibraryEntry = {
        id,
        question: base?.question ?? question,
        alternateQuestions: base && base.question !== question ? [question] : undefined,
        answer,
        choice: choice ?? undefined,
        tags: base?.tags,
        citations: base?.citations,
        owner: base?.owner,
        status: 'draft',
      };
      return stripMeta(await createEntry(draft));
    },
    async addAlternateWording(entryId, wording) {
      const existing = await getEntry(entryId);
      if (!existing) throw new EntryNotFoundError(entryId);
      const { id: _id, _meta: _m, ...fields } = existing;
      const alternates = existing.alternateQuestions ?? [];
      if (alternates.includes(wording) || existing.question === wording) return stripMeta(existing);
      return stripMeta(await updateEntry(entryId, { ...fields, alternateQuestions: [...alternates, wording] }));
    },
    async learnAlias(entryId, wording) {
      await addLearnedAlias(createLearnedAlias(wording, entryId));
    },
    async recordFill(event) {
      await addFillEvent(event);
    },
    history() {
      return queryHistory();
    },
  };
}
