// Status and freshness labels of a library entry, as text (never colour alone): Sample, Draft, Retired, Stale since <date>.
import { SampleBadge } from '../common/Badges';
import { entryStatus, isStale, type LibraryEntry } from '../../lib/schema';

export function EntryBadges({ entry, today }: { entry: LibraryEntry; today: string }) {
  const status = entryStatus(entry);
  return (
    <>
      {entry.sample && <SampleBadge />}
      {status === 'draft' && <span className="badge badge-draft">Draft</span>}
      {status === 'retired' && <span className="badge badge-retired">Retired</span>}
      {status !== 'retired' && isStale(entry, today) && <span className="badge badge-stale">Stale since {entry.expiresAt}</span>}
    </>
  );
}
