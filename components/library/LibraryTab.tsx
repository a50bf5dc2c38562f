// The Library view: browse and search the answer library, add/edit/retire/restore entries, import a shared export
// through a sync preview, export it, work through the review queue, and see how the browser stores it. Loads the
// sample library on first run.
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { getDatabase } from '../../lib/db/database';
import { createEntry, getEntries, listEntries, restoreEntry, restoreEntryVersion, retireEntry, updateEntry } from '../../lib/db/entries-repository';
import { watchEntryChanges, writtenEntriesOf } from '../../lib/db/entry-changes';
import type { StoredEntry } from '../../lib/db/records';
import { getStorageStatus, requestPersistentStorage, type StorageStatus } from '../../lib/db/storage';
import { isSampleEntry, loadSampleLibraryIfEmpty, removeSampleEntries, sampleAddedInThisPage } from '../../lib/library/sample-library';
import { mergeEntries, mergeManyEntries } from '../../lib/library/merge-entries';
import { LIBRARY_FILTERS, createLibrarySearchIndex, matchesFilter, type LibraryFilter, type LibrarySearchIndex } from '../../lib/library/search-library';
import { entryStatus, type LibraryEntry } from '../../lib/schema';
import { describeError } from './describe-error';
import { DuplicatePairs } from './DuplicatePairs';
import { EntryDetail } from './EntryDetail';
import { EntryEditor } from './EntryEditor';
import { EntryList } from './EntryList';
import { EvidenceSection } from './EvidenceSection';
import { ExportButtons } from './ExportButtons';
import { ImportPanel } from './ImportPanel';
import { ReviewQueue } from './ReviewQueue';
import { markImport } from '../../lib/library/import-marks';
import { StorageLine } from './StorageLine';
import { TeamNameSetting } from './TeamNameSetting';
import './library.css';

type Message = { kind: 'status' | 'error'; text: string };

const FILTER_LABEL: Record<LibraryFilter, string> = {
  all: 'All',
  approved: 'Approved',
  draft: 'Drafts',
  stale: 'Stale',
  retired: 'Retired',
};

/** The entry another view asked to show (App sets `#entry=<id>`). */
function entryIdFromHash(): string | undefined {
  const match = /(?:^#|&)entry=([^&]+)/.exec(location.hash);
  return match?.[1] ? decodeURIComponent(match[1]) : undefined;
}

export function LibraryTab() {
  const db = getDatabase();
  const [entries, setEntries] = useState<readonly StoredEntry[]>();
  const [message, setMessage] = useState<Message>();
  const [storage, setStorage] = useState<StorageStatus>();
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<LibraryFilter>('all');
  const [selectedId, setSelectedId] = useState<string | undefined>(entryIdFromHash);
  const [mode, setMode] = useState<'view' | 'edit' | 'new'>('view');
  const [busy, setBusy] = useState(false);
  const [importing, setImporting] = useState(false);
  /** Shows one entry from a list elsewhere in the view (review queue, near-duplicates): no search or filter hides it. */
  const openEntry = (id: string) => {
    setQuery('');
    setFilter('all');
    setMode('view');
    setSelectedId(id);
  };
  const deferredQuery = useDeferredValue(query);
  const today = new Date().toISOString().slice(0, 10);

  const refreshStorage = useCallback(() => {
    getStorageStatus().then(setStorage, () => setStorage(undefined));
  }, []);

  useEffect(() => {
    // The table is read once; after that only what a change names is read again and merged in place (one entry in a
    // 20,000-entry library costs milliseconds, the whole table seconds). Changes come from this view, the Questions
    // view (drafts, wordings), imports and other panel windows alike; an import sends the rows it wrote.
    let active = true;
    const fail = (e: unknown) => {
      if (active) setMessage({ kind: 'error', text: `The library could not be read: ${describeError(e)}` });
    };
    let reading: Promise<void> = Promise.resolve();
    const readAll = () => {
      reading = listEntries(db).then((rows) => {
        if (!active) return;
        setEntries(rows);
        refreshStorage();
      }, fail);
    };
    readAll();
    const stop = watchEntryChanges((change) => {
      if (change.kind === 'all') return readAll();
      if (change.kind === 'written') {
        // An import: its rows arrive with the signal, so the 20,000-entry table is not read back.
        markImport('import-signal-received');
        const written = writtenEntriesOf(change);
        if (!written) return readAll();
        void reading.then(() => {
          if (!active) return;
          setEntries((all) => (all ? mergeManyEntries(all, written, change.removed) : all));
          markImport('import-merged');
          refreshStorage();
        });
        return;
      }
      // After any full read in flight, so an older snapshot cannot land on top of this change.
      void reading.then(async () => {
        const rows = await getEntries(db, change.ids);
        if (!active) return;
        const present = rows.filter((row): row is StoredEntry => row !== undefined);
        const removed = change.ids.filter((_, i) => rows[i] === undefined);
        setEntries((all) => (all ? mergeEntries(all, present, removed) : all));
        refreshStorage();
      }).catch(fail);
    });
    return () => {
      active = false;
      stop();
    };
  }, [db, refreshStorage]);

  useEffect(() => {
    loadSampleLibraryIfEmpty(db).then(
      // The Questions view may have loaded it before this view was first opened.
      (addedNow) => {
        const added = addedNow || sampleAddedInThisPage(db);
        if (added === 0) return;
        setMessage({
          kind: 'status',
          text: `Loaded the sample library (${added} fictional entries, marked Sample) so there is something to try. Sample answers are never bulk-filled. Importing your team's library offers to remove them, or remove them here.`,
        });
      },
      (e: unknown) => setMessage({ kind: 'error', text: `The sample library could not be loaded: ${describeError(e)}` }),
    );
    requestPersistentStorage().catch(() => null).finally(refreshStorage);
  }, [db, refreshStorage]);

  useEffect(() => {
    const onHash = () => {
      const id = entryIdFromHash();
      if (!id) return;
      setQuery('');
      setFilter('all');
      setMode('view');
      setSelectedId(id);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  // Each change derives the next index from the last one, so an edit does not rebuild the search structures.
  const lastIndex = useRef<LibrarySearchIndex<StoredEntry>>(undefined);
  const index = useMemo(() => {
    const next = lastIndex.current ? lastIndex.current.next(entries ?? []) : createLibrarySearchIndex(entries ?? []);
    lastIndex.current = next;
    return next;
  }, [entries]);
  useEffect(() => {
    // Prepared after the list has painted, so the first search does not pay for it.
    const timer = setTimeout(() => index.warmUp(), 300);
    return () => clearTimeout(timer);
  }, [index]);
  const visible = useMemo(() => index.search(deferredQuery, filter, today), [index, deferredQuery, filter, today]);
  const counts = useMemo(() => {
    const all = entries ?? [];
    return Object.fromEntries(LIBRARY_FILTERS.map((f) => [f, all.filter((e) => matchesFilter(e, f, today)).length])) as Record<LibraryFilter, number>;
  }, [entries, today]);
  // An id merged into another entry (a history link, say) opens the entry it was merged into.
  const selected = entries?.find((e) => e.id === selectedId) ?? (selectedId === undefined ? undefined : entries?.find((e) => e._meta?.mergedIds?.includes(selectedId)));
  const sampleCount = useMemo(() => (entries ?? []).filter(isSampleEntry).length, [entries]);
  const entryIdSet = useMemo(() => new Set((entries ?? []).map((e) => e.id)), [entries]);

  const removeSample = async () => {
    setBusy(true);
    try {
      const removed = await removeSampleEntries(db);
      setMessage({ kind: 'status', text: `Removed ${removed} sample entries.` });
    } catch (e) {
      setMessage({ kind: 'error', text: describeError(e) });
    } finally {
      setBusy(false);
    }
  };

  const run = async (action: () => Promise<StoredEntry>, done: (entry: StoredEntry) => string) => {
    setBusy(true);
    try {
      const entry = await action();
      // Shown at once; the change signal that follows finds it already merged and changes nothing.
      setEntries((all) => (all ? mergeEntries(all, [entry]) : all));
      setSelectedId(entry.id);
      setMode('view');
      setMessage({ kind: 'status', text: done(entry) });
    } catch (e) {
      setMessage({ kind: 'error', text: describeError(e) });
    } finally {
      setBusy(false);
    }
  };

  const save = (entry: LibraryEntry) => {
    if (mode === 'new') void run(() => createEntry(entry, db), (e) => `Added "${e.id}".`);
    else {
      const { id, ...changes } = entry;
      const wasApproved = selected !== undefined && entryStatus(selected) === 'approved';
      void run(
        () => updateEntry(id, changes, db),
        (e) => `Saved "${e.id}".${wasApproved && e.status === 'draft' ? ' It is a draft now: the edit changed what is filled, so it needs review before it is proposed for bulk fill.' : ''}`,
      );
    }
  };

  return (
    <section className="library" aria-labelledby="library-heading">
      <h2 id="library-heading">Library</h2>
      {message && (
        <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind === 'error' ? 'library-error' : 'library-notice'}>
          {message.text}
        </p>
      )}
      <ImportPanel db={db} sampleCount={sampleCount} onMessage={setMessage} onActiveChange={setImporting} />
      {!importing && (
        <>
          {sampleCount > 0 && (
            <p className="library-sample-line">
              <span>{sampleCount} entries are fictional samples (marked Sample).</span>
              <button type="button" onClick={() => void removeSample()} disabled={busy}>
                Remove the sample entries
              </button>
            </p>
          )}
          <div className="library-toolbar">
            <div className="library-search">
              <label htmlFor="library-search">Search the library</label>
              <input id="library-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Question, answer, tag or id" />
            </div>
            <div>
              <label htmlFor="library-filter">Show</label>
              <select id="library-filter" value={filter} onChange={(e) => setFilter(e.target.value as LibraryFilter)}>
                {LIBRARY_FILTERS.map((f) => (
                  <option key={f} value={f}>
                    {FILTER_LABEL[f]} ({counts[f]})
                  </option>
                ))}
              </select>
            </div>
            <button
              type="button"
              onClick={() => {
                setMode('new');
                setSelectedId(undefined);
              }}
              disabled={busy}
            >
              Add entry
            </button>
          </div>
          {entries !== undefined && (
            <ReviewQueue
              db={db}
              entries={entries}
              today={today}
              onMessage={setMessage}
              onOpen={openEntry}
            />
          )}
          {entries !== undefined && (
            <DuplicatePairs
              db={db}
              entries={entries}
              onMessage={setMessage}
              onOpen={openEntry}
            />
          )}
          <p className="library-counts" aria-live="polite">
            {entries === undefined
              ? 'Loading the library…'
              : `${visible.length} of ${entries.length} entries shown · ${counts.draft} drafts · ${counts.stale} stale · ${counts.retired} retired`}
          </p>
          {entries !== undefined && (
            <EntryList
              entries={visible}
              selectedId={selectedId}
              today={today}
              resetKey={`${filter}\n${deferredQuery}`}
              onSelect={(id) => {
                setSelectedId(id);
                setMode('view');
              }}
            />
          )}
          {mode === 'new' && <EntryEditor key="new" entry={undefined} busy={busy} onSave={save} onCancel={() => setMode('view')} />}
          {mode === 'edit' && selected && <EntryEditor key={selected.id} entry={selected} busy={busy} onSave={save} onCancel={() => setMode('view')} />}
          {mode === 'view' && selected && (
            <EntryDetail
              db={db}
              entry={selected}
              today={today}
              busy={busy}
              onEdit={() => setMode('edit')}
              onRetire={() => void run(() => retireEntry(selected.id, db), (e) => `Retired "${e.id}": it is no longer proposed.`)}
              onRestore={() => void run(() => restoreEntry(selected.id, db), (e) => `Restored "${e.id}" as ${e.status ?? 'approved'}.`)}
              onRestoreVersion={(version) =>
                void run(() => restoreEntryVersion(selected.id, version, db), (e) => `Restored version ${version} of "${e.id}" as its version ${e.version}.`)
              }
            />
          )}
          {entries !== undefined && <EvidenceSection db={db} entryIds={entryIdSet} today={today} onMessage={setMessage} />}
          <ExportButtons db={db} onMessage={setMessage} />
          <TeamNameSetting db={db} onMessage={setMessage} />
        </>
      )}
      <StorageLine status={storage} />
    </section>
  );
}
