// The wordings learned for one entry from the pages they were accepted on: where and when each was learned,
// whether it was reviewed, and the actions to mark it reviewed (it then counts on every site) or remove it.
import { useCallback, useEffect, useState } from 'react';
import { getDatabase } from '../../lib/db/database';
import { listLearnedAliases, markLearnedAliasReviewed, removeLearnedAlias } from '../../lib/db/aliases-repository';
import type { LearnedAlias } from '../../lib/db/records';
import { siteName } from '../../lib/panel/learned-wording';
import { describeError } from './describe-error';

export function LearnedWordings({ entryId }: { entryId: string }) {
  const db = getDatabase();
  const [wordings, setWordings] = useState<LearnedAlias[]>([]);
  const [problem, setProblem] = useState<string>();

  const reload = useCallback(() => {
    listLearnedAliases(entryId, db).then(setWordings, (e: unknown) => setProblem(`The learned wordings could not be read: ${describeError(e)}`));
  }, [entryId, db]);
  useEffect(reload, [reload]);

  const act = (action: () => Promise<void>) => {
    setProblem(undefined);
    action().then(reload, (e: unknown) => setProblem(describeError(e)));
  };

  if (wordings.length === 0 && !problem) return null;
  return (
    <section className="learned-wordings" aria-label="Learned wordings">
      <h4>Learned wordings</h4>
      {problem && <p role="alert">{problem}</p>}
      <ul>
        {wordings.map((w) => (
          <li key={w.id}>
            <span className="badge">learned</span> “{w.text}”
            <span className="learned-origin">
              {' '}
              on {siteName(w.origin)}
              {w.pageTitle ? ` (${w.pageTitle})` : ''}, {w.createdAt.slice(0, 10)} · {w.reviewedAt ? `reviewed ${w.reviewedAt.slice(0, 10)}` : 'not reviewed: not bulk-filled on other sites'}
            </span>{' '}
            {!w.reviewedAt && (
              <button type="button" aria-label={`Mark reviewed: “${w.text}”`} onClick={() => act(() => markLearnedAliasReviewed(w.id!, db))}>
                Mark reviewed
              </button>
            )}
            <button type="button" aria-label={`Remove “${w.text}”`} onClick={() => act(() => removeLearnedAlias(w.id!, db))}>
              Remove
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
