// Small status labels: the row state, the confidence band and the entry's freshness. Text, never colour alone.
import type { ConfidenceBand, LibraryEntry, Proposal } from '../../lib/schema';
import type { RowStatus } from '../../lib/panel/question-rows';

const STATUS_LABEL: Record<RowStatus, string> = {
  proposed: 'Proposed',
  'no-match': 'No match',
  filled: 'Filled',
  edited: 'Edited',
  skipped: 'Skipped',
  failed: 'Failed',
};

export function StatusBadge({ status, pending }: { status: RowStatus; pending?: boolean }) {
  if (pending) return <span className="badge badge-pending">Filling…</span>;
  return <span className={`badge badge-${status}`}>{STATUS_LABEL[status]}</span>;
}

const BAND_LABEL: Record<ConfidenceBand, string> = { high: 'High', review: 'Review', none: 'Low' };

export function BandBadge({ band, confidence }: { band: ConfidenceBand; confidence: number }) {
  return (
    <span className={`badge band-${band}`} title="How closely the library wording matches this question (not whether the answer is right)">
      {BAND_LABEL[band]} {Math.round(confidence * 100)}%
    </span>
  );
}

/** Stale, draft, owner and reviewed date of the entry behind a proposal. */
export function Freshness({ entry, proposal }: { entry: LibraryEntry; proposal: Pick<Proposal, 'stale' | 'draft'> }) {
  return (
    <p className="freshness">
      {proposal.stale && <span className="badge badge-stale">Stale{entry.expiresAt ? ` since ${entry.expiresAt}` : ''}</span>}
      {proposal.draft && <span className="badge badge-draft">Draft</span>}
      {entry.owner && <span>Owner {entry.owner}</span>}
      <span>{entry.reviewedAt ? `Reviewed ${entry.reviewedAt}` : 'Never reviewed'}</span>
    </p>
  );
}
