// One entry, read-only: every field as plain text, citations with their source, and the actions on it.
import type { AutofillDatabase } from '../../lib/db/database';
import type { StoredEntry } from '../../lib/db/records';
import { versionOf } from '../../lib/db/versions-repository';
import { entryStatus } from '../../lib/schema';
import { EntryBadges } from './EntryBadges';
import { EntryVersions } from './EntryVersions';
import { LearnedWordings } from './LearnedWordings';

interface Props {
  db: AutofillDatabase;
  entry: StoredEntry;
  today: string;
  busy: boolean;
  onEdit: () => void;
  onRetire: () => void;
  onRestore: () => void;
  onRestoreVersion: (version: number) => void;
}

/** Only web links become links; anything else (javascript:, data:) stays text. */
const isWebUrl = (url: string) => /^https?:\/\//i.test(url);

export function EntryDetail({ db, entry, today, busy, onEdit, onRetire, onRestore, onRestoreVersion }: Props) {
  const retired = entryStatus(entry) === 'retired';
  return (
    <article className="library-detail" aria-labelledby="library-detail-question">
      <h3 id="library-detail-question">{entry.question}</h3>
      <p className="library-detail-badges">
        <EntryBadges entry={entry} today={today} />
        <span className="library-row-id">{entry.id}</span>
      </p>
      <dl>
        <dt>Answer</dt>
        <dd className="library-answer">{entry.answer}</dd>
        {entry.choice !== undefined && (
          <>
            <dt>Choice</dt>
            <dd>{entry.choice}</dd>
          </>
        )}
        {entry.alternateQuestions && entry.alternateQuestions.length > 0 && (
          <>
            <dt>Alternate questions</dt>
            <dd>
              <ul>
                {entry.alternateQuestions.map((q, i) => (
                  <li key={i}>{q}</li>
                ))}
              </ul>
            </dd>
          </>
        )}
        <dt>Citations</dt>
        <dd>
          {entry.citations && entry.citations.length > 0 ? (
            <ul>
              {entry.citations.map((c, i) => (
                <li key={i}>
                  {c.title}
                  {c.section ? `, ${c.section}` : ''}
                  {c.url && (
                    <>
                      {' '}
                      {isWebUrl(c.url) ? (
                        <a href={c.url} target="_blank" rel="noopener noreferrer">
                          {c.url}
                        </a>
                      ) : (
                        <span>{c.url}</span>
                      )}
                    </>
                  )}
                </li>
              ))}
            </ul>
          ) : (
            <span className="badge badge-stale">No citation</span>
          )}
        </dd>
        {entry.tags && entry.tags.length > 0 && (
          <>
            <dt>Tags</dt>
            <dd>{entry.tags.join(', ')}</dd>
          </>
        )}
        <dt>Owner</dt>
        <dd>{entry.owner ?? 'Nobody'}</dd>
        <dt>Status</dt>
        <dd>{entryStatus(entry)}</dd>
        <dt>Reviewed</dt>
        <dd>{entry.reviewedAt ?? 'Never'}</dd>
        <dt>Expires</dt>
        <dd>{entry.expiresAt ?? 'No expiry date'}</dd>
        <dt>Version</dt>
        <dd>{versionOf(entry)}</dd>
        <dt>Last change</dt>
        <dd>
          {entry.updatedAt ?? 'Unknown'}
          {entry._meta?.importedAt ? ` (imported ${entry._meta.importedAt.slice(0, 10)})` : ''}
        </dd>
      </dl>
      <LearnedWordings entryId={entry.id} />
      <EntryVersions db={db} entry={entry} busy={busy} onRestoreVersion={onRestoreVersion} />
      <div className="library-actions">
        <button type="button" onClick={onEdit} disabled={busy}>
          Edit
        </button>
        {retired ? (
          <button type="button" onClick={onRestore} disabled={busy}>
            Restore
          </button>
        ) : (
          <button type="button" onClick={onRetire} disabled={busy}>
            Retire
          </button>
        )}
      </div>
    </article>
  );
}
