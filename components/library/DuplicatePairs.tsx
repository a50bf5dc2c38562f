// Near-duplicate entries in the Library view: found on request (same answer under different ids, or questions the
// matcher finds alike), shown side by side, and merged into the entry the analyst keeps. The search runs in the
// duplicates worker, with progress and Cancel; the panel gets the pairs' ids only.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { AutofillDatabase } from '../../lib/db/database';
import { mergeEntryInto } from '../../lib/db/entries-repository';
import type { StoredEntry } from '../../lib/db/records';
import { createDuplicateSearch, DuplicateSearchCancelled, type DuplicatePairIds, type DuplicateSearch } from '../../lib/library/duplicates-in-worker';
import { describeError } from './describe-error';
import { ProgressBar } from '../common/ProgressBar';

/** Pairs rendered at a time: 200 pairs side by side at once would hold the panel for a few hundred milliseconds. */
const PAIRS_PAGE = 25;

interface Props {
  db: AutofillDatabase;
  entries: readonly StoredEntry[];
  onOpen: (id: string) => void;
  onMessage: (m: { kind: 'status' | 'error'; text: string }) => void;
}

function Side({ entry }: { entry: StoredEntry }) {
  return (
    <div className="duplicate-side">
      <p className="library-row-id">{entry.id}</p>
      <p className="duplicate-question">{entry.question}</p>
      <p className="duplicate-answer">{entry.answer}</p>
      {entry.alternateQuestions && entry.alternateQuestions.length > 0 && <p className="hint">Also asked as: {entry.alternateQuestions.join(' · ')}</p>}
    </div>
  );
}

function startWorker() {
  return new Worker(new URL('../../entrypoints/sidepanel/duplicates.worker.ts', import.meta.url), { type: 'module' });
}

export function DuplicatePairs({ db, entries, onOpen, onMessage }: Props) {
  // The pairs the search found, by id: shown only while both entries are still in the library.
  const [searched, setSearched] = useState<DuplicatePairIds[]>();
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number }>();
  const [shownCount, setShownCount] = useState(PAIRS_PAGE);
  const search = useRef<DuplicateSearch>(undefined);
  // Leaving the view stops a search nobody waits for any more (silently).
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      search.current?.cancel();
    };
  }, []);
  const present = useMemo(() => new Map(entries.map((e) => [e.id, e])), [entries]);
  const pairs = useMemo(
    () =>
      (searched ?? []).flatMap((p) => {
        const left = present.get(p.leftId);
        const right = present.get(p.rightId);
        return left && right ? [{ ...p, left, right }] : [];
      }),
    [searched, present],
  );

  const find = async () => {
    search.current ??= createDuplicateSearch(startWorker);
    setProgress({ done: 0, total: 0 });
    try {
      const found = await search.current.find((done, total) => setProgress({ done, total }));
      setShownCount(PAIRS_PAGE);
      setSearched(found);
    } catch (e) {
      if (!mounted.current) return;
      if (e instanceof DuplicateSearchCancelled) onMessage({ kind: 'status', text: 'The near-duplicate search was cancelled.' });
      else onMessage({ kind: 'error', text: describeError(e) });
    } finally {
      setProgress(undefined);
    }
  };

  const merge = async (kept: StoredEntry, other: StoredEntry) => {
    setBusy(true);
    try {
      const written = await mergeEntryInto(kept.id, other.id, db);
      onMessage({ kind: 'status', text: `Merged "${other.id}" into "${kept.id}" (its version ${written.version}); its wordings are alternates now.` });
    } catch (e) {
      onMessage({ kind: 'error', text: `Not merged (nothing was changed): ${describeError(e)}` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <details className="library-duplicates">
      <summary>Near-duplicates{searched ? `: ${pairs.length} ${pairs.length === 1 ? 'pair' : 'pairs'}` : ''}</summary>
      <div className="library-actions">
        <button type="button" disabled={busy || !!progress} onClick={() => void find()}>
          {searched ? 'Search again' : 'Find near-duplicates'}
        </button>
      </div>
      {progress && <ProgressBar label="Comparing entries" done={progress.done} total={progress.total} onCancel={() => search.current?.cancel()} />}
      {searched && pairs.length === 0 && <p className="library-empty">No near-duplicates: no two live entries share an answer or a question.</p>}
      <ol className="duplicate-list">
        {pairs.slice(0, shownCount).map((pair) => (
          <li key={`${pair.left.id}\u0000${pair.right.id}`} className="duplicate-pair" aria-label={`${pair.left.id} and ${pair.right.id}`}>
            <p className="hint">{pair.reason === 'same-answer' ? 'Same answer' : `Similar question (${Math.round(pair.score * 100)}%)`}</p>
            <div className="duplicate-sides">
              <Side entry={pair.left} />
              <Side entry={pair.right} />
            </div>
            <div className="library-actions">
              <button type="button" disabled={busy} onClick={() => void merge(pair.left, pair.right)}>
                Keep {pair.left.id}, merge {pair.right.id} into it
              </button>
              <button type="button" disabled={busy} onClick={() => void merge(pair.right, pair.left)}>
                Keep {pair.right.id}, merge {pair.left.id} into it
              </button>
              <button type="button" className="linklike small" onClick={() => onOpen(pair.left.id)}>
                Open {pair.left.id}
              </button>
            </div>
          </li>
        ))}
      </ol>
      {pairs.length > shownCount && (
        <button type="button" className="linklike" onClick={() => setShownCount((n) => n + PAIRS_PAGE)}>
          Show {Math.min(PAIRS_PAGE, pairs.length - shownCount)} more pairs ({pairs.length - shownCount} not shown)
        </button>
      )}
    </details>
  );
}
