// The panel's view of the library database: load entries and learned aliases for matching (the bundled sample
// on first run), save an edit as a draft or a new wording, learn accepted wordings, record fills in the history.
import type { LibraryEntry } from '../../lib/schema';
import type { LibrarySnapshot, LibraryStore } from '../../lib/panel/ports';
import { getDatabase, type AutofillDatabase } from '../../lib/db/database';
import { createEntry, getEntries, getEntry, stripMeta, updateEntry, EntryNotFoundError } from '../../lib/db/entries-repository';
import { byId } from '../../lib/db/entry-pages';
import { watchEntryChanges } from '../../lib/db/entry-changes';
import { forgetLearning, learnAlias, listLearnedAliases } from '../../lib/db/aliases-repository';
import { findEntryVersion } from '../../lib/db/versions-repository';
import { addFillEvents, clearHistory, listPendingFillEvents, pageFillEvents, queryHistory, resolveFillEvents } from '../../lib/db/history-repository';
import { createLearnedAlias } from '../../lib/match/learn';
import { loadSampleLibraryIfEmpty } from '../../lib/library/sample-library';
import { originOf } from '../../lib/panel/learned-wording';

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

/** Every entry, in id order, a stored page (a few hundred entries, lib/db/entry-pages.ts) per task: reading 20,000
 * at once is one long task on the panel's main thread. */
async function readEntriesInPages(db: AutofillDatabase): Promise<LibraryEntry[]> {
  const entries: LibraryEntry[] = [];
  const numbers = (await db.entryPages.toCollection().primaryKeys()) as number[];
  for (const [i, number] of numbers.entries()) {
    if (i > 0) await new Promise((resolve) => setTimeout(resolve, 0));
    for (const entry of (await db.entryPages.get(number))?.entries ?? []) entries.push(stripMeta(entry));
  }
  return entries.sort(byId);
}

export interface LibraryStoreOptions {
  /**
   * The Questions view opens without reading the entries (`loadForMatching`): the matching worker reads them and
   * sends those its proposals name; the whole library is read only for the by-hand search, later.
   */
  matchFromDatabase?: boolean;
}

export function createLibraryStore(
  db: AutofillDatabase = getDatabase(),
  loadSample: (db: AutofillDatabase) => Promise<number> = loadSampleLibraryIfEmpty,
  options: LibraryStoreOptions = {},
): LibraryStore {
  let firstRun: Promise<string | undefined> | undefined;
  /** Entry changes this page knows of (announced by any page, or written here). */
  let generation = 0;
  const changeListeners = new Set<() => void>();
  // The last read of the entries, kept until an entry change is announced (by any extension page, this one
  // included): the re-scan after every fill then costs no read of the whole library. Learned wordings are few and
  // change from other views (marked reviewed, forgotten), so they are read on every load.
  let cached: Promise<Omit<LibrarySnapshot, 'aliases'>> | undefined;
  watchEntryChanges(() => {
    cached = undefined;
    generation++;
    for (const listener of changeListeners) listener();
  });
  const written = () => {
    cached = undefined;
    generation++;
  };
  /** The sample library, once, on the first read of this page. */
  const ensureFirstRun = (): Promise<string | undefined> =>
    (firstRun ??= loadSample(db).then(
      (added) => {
        // The sample was written by this page: a read made before (the matching worker's, ahead) is stale.
        if (added > 0) generation++;
        return undefined;
      },
      (e: unknown) => `The sample library could not be loaded (${e instanceof Error ? e.message : String(e)}); import a library in the Library view.`,
    ));
  /** The last snapshot for matching, kept while neither the entries nor the learned wordings changed. */
  let light: LibrarySnapshot | undefined;
  const readEntries = async (): Promise<Omit<LibrarySnapshot, 'aliases'>> => {
    // First run: an empty library gets the bundled sample once, so the panel has something to propose.
    const problem = await ensureFirstRun();
    return { entries: await readEntriesInPages(db), problem };
  };
  const loadForMatching = async (): Promise<LibrarySnapshot> => {
    const problem = await ensureFirstRun();
    const aliases = await listLearnedAliases(undefined, db);
    const same =
      light?.fromDatabase?.generation === generation &&
      light.problem === problem &&
      light.aliases.length === aliases.length &&
      light.aliases.every((a, i) => JSON.stringify(a) === JSON.stringify(aliases[i]));
    if (!same) light = { entries: [], aliases, ...(problem ? { problem } : {}), fromDatabase: { generation } };
    return light!;
  };
  return {
    ...(options.matchFromDatabase ? { loadForMatching } : {}),
    onEntriesChanged(listener) {
      changeListeners.add(listener);
      return () => void changeListeners.delete(listener);
    },
    async entriesById(ids) {
      const rows = await getEntries(db, ids);
      return rows.flatMap((row) => (row ? [stripMeta(row)] : []));
    },
    async load() {
      const reading = (cached ??= readEntries());
      // A failed read is not kept: the next load tries again.
      reading.catch(() => {
        if (cached === reading) cached = undefined;
      });
      const [{ entries, problem }, aliases] = await Promise.all([reading, listLearnedAliases(undefined, db)]);
      return { entries, aliases, problem };
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
      const created = stripMeta(await createEntry(draft, db));
      written();
      return created;
    },
    async addAlternateWording(entryId, wording) {
      const existing = await getEntry(entryId, db);
      if (!existing) throw new EntryNotFoundError(entryId);
      const { id: _id, _meta: _m, ...fields } = existing;
      const alternates = existing.alternateQuestions ?? [];
      if (alternates.includes(wording) || existing.question === wording) return stripMeta(existing);
      const updated = stripMeta(await updateEntry(entryId, { ...fields, alternateQuestions: [...alternates, wording] }, db));
      written();
      return updated;
    },
    async learnAlias(entryId, wording, page) {
      const origin = originOf(page.url);
      const token = await learnAlias({ ...createLearnedAlias(wording, entryId), ...(origin ? { origin } : {}), pageUrl: page.url, pageTitle: page.title }, db);
      return token;
    },
    async forgetLearning(token) {
      await forgetLearning(token, db);
    },
    recordFills: (events) => addFillEvents(events, db),
    resolveFills: (resolutions) => resolveFillEvents(resolutions, db),
    pendingFills: () => listPendingFillEvents(db),
    pageHistory: (pageUrl) => pageFillEvents(pageUrl, db),
    history() {
      return queryHistory({}, db);
    },
    clearHistory: () => clearHistory(db),
    entryVersion: (entryId, version) => findEntryVersion(entryId, version, db),
  };
}
