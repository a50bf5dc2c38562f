// Near-duplicate entries in the Library view: found on request (same answer under different ids, or questions the
// matcher finds alike), shown side by side, and merged into the entry the analyst keeps.
import { useMemo, useState } from 'react';
import type { AutofillDatabase } from '../../lib/db/database';
import { mergeEntryInto } from '../../lib/db/entries-repository';
import type { StoredEntry } from '../../lib/db/records';
import { findDuplicatePairs, type DuplicatePair } from '../../lib/library/find-duplicates';
import { describeError } from './describe-error';

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

export function DuplicatePairs({ db, entries, onOpen, onMessage }: Props) {
  // The ids the search ran on: pairs are shown only while both entries are still in the library.
  const [searched, setSearched] = useState<DuplicatePair<StoredEntry>[]>();
  const [busy, setBusy] = useState(false);
  const present = useMemo(() => new Map(entries.map((e) => [e.id, e])), [entries]);
  const pairs = useMemo(
    () =>
      (searched ?? []).flatMap((p) => {
        const left = present.get(p.left.id);
        const right = present.get(p.right.id);
        return left && right ? [{ ...p, left, right }] : [];
      }),
    [searched, present],
  );

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
        <button type="button" disabled={busy} onClick={() => setSearched(findDuplicatePairs(entries))}>
          {searched ? 'Search again' : 'Find near-duplicates'}
        </button>
      </div>
      {searched && pairs.length === 0 && <p className="library-empty">No near-duplicates: no two live entries share an answer or a question.</p>}
      <ol className="duplicate-list">
        {pairs.map((pair) => (
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
    </details>
  );
}
