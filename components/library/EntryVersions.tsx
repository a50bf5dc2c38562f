// The versions of one entry, newest first: when, how and by whom each was written, a word-level diff of the
// question and answer against the version before it, the other fields it changed, and "restore" for earlier ones.
import { useEffect, useState } from 'react';
import type { AutofillDatabase } from '../../lib/db/database';
import type { EntryVersion, StoredEntry } from '../../lib/db/records';
import { listEntryVersions, versionOf } from '../../lib/db/versions-repository';
import { changedFields, describeHow } from '../../lib/library/version-history';
import { diffWords } from '../../lib/library/word-diff';
import { describeError } from './describe-error';

interface Props {
  db: AutofillDatabase;
  entry: StoredEntry;
  busy: boolean;
  onRestoreVersion(version: number): void;
}

/** Text nodes only: removed words struck through, added words marked, whatever the answer contains. */
function WordDiff({ before, after }: { before: string; after: string }) {
  return (
    <span className="version-diff">
      {diffWords(before, after).map((piece, i) => {
        const text = `${i > 0 ? ' ' : ''}${piece.text}`;
        if (piece.op === 'removed') return <del key={i}>{text}</del>;
        if (piece.op === 'added') return <ins key={i}>{text}</ins>;
        return <span key={i}>{text}</span>;
      })}
    </span>
  );
}

const OTHER_FIELD_LABELS: Record<string, string> = {
  alternateQuestions: 'alternate questions',
  choice: 'choice',
  tags: 'tags',
  citations: 'citations',
  owner: 'owner',
  status: 'status',
  reviewedAt: 'reviewed date',
  expiresAt: 'expiry date',
  sample: 'sample marker',
};

export function EntryVersions({ db, entry, busy, onRestoreVersion }: Props) {
  const [versions, setVersions] = useState<EntryVersion[]>();
  const [error, setError] = useState<string>();
  const current = versionOf(entry);

  useEffect(() => {
    let active = true;
    listEntryVersions(entry.id, db).then(
      (rows) => {
        if (!active) return;
        setVersions(rows);
        setError(undefined);
      },
      (e: unknown) => active && setError(`The versions could not be read: ${describeError(e)}`),
    );
    return () => {
      active = false;
    };
    // Read again whenever the entry changes (a new version was written here or in another window).
  }, [db, entry.id, current, entry.updatedAt]);

  return (
    <section className="entry-versions" aria-label="Versions">
      <h4>Versions</h4>
      {error && (
        <p role="alert" className="library-error">
          {error}
        </p>
      )}
      {versions !== undefined && versions.length === 0 && <p className="hint">Version {current}: no earlier versions recorded. Each change from now on is kept here.</p>}
      {versions !== undefined && versions.length > 0 && (
        <ol className="entry-version-list" reversed>
          {[...versions].reverse().map((v) => {
            const before = versions[versions.indexOf(v) - 1]?.entry;
            const others = changedFields(before, v.entry).filter((field) => field !== 'question' && field !== 'answer');
            return (
              <li key={v.version} className="entry-version" aria-label={`Version ${v.version}`}>
                <p className="entry-version-head">
                  <strong>Version {v.version}</strong>
                  {v.version === current && <span className="badge">current</span>}
                  <time dateTime={v.at}>{v.at.slice(0, 16).replace('T', ' ')}</time>
                  <span>{describeHow(v.how)}</span>
                  {v.by && <span>by {v.by}</span>}
                </p>
                {before && before.question !== v.entry.question && (
                  <p className="entry-version-question">
                    Question: <WordDiff before={before.question} after={v.entry.question} />
                  </p>
                )}
                <p className="entry-version-answer">
                  {before ? <WordDiff before={before.answer} after={v.entry.answer} /> : v.entry.answer}
                </p>
                {others.length > 0 && <p className="hint">Also changed: {others.map((f) => OTHER_FIELD_LABELS[f] ?? f).join(', ')}</p>}
                {v.version !== current && (
                  <button type="button" onClick={() => onRestoreVersion(v.version)} disabled={busy}>
                    Restore version {v.version}
                  </button>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
