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

export function StatusBadge({ status, pending, matching }: { status: RowStatus; pending?: boolean; matching?: boolean }) {
  if (pending) return <span className="badge badge-pending">Filling…</span>;
  if (matching && status === 'no-match') return <span className="badge badge-pending">Matching…</span>;
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

/** The entry is a fictional one from the bundled sample library. */
export function SampleBadge() {
  return (
    <span className="badge badge-sample" title="A fictional answer from the sample library: never bulk-filled; remove the sample in the Library view">
      Sample
    </span>
  );
}

/** Stale, draft, sample, owner and reviewed date of the entry behind a proposal. */
export function Freshness({ entry, proposal }: { entry: LibraryEntry; proposal: Pick<Proposal, 'stale' | 'draft'> }) {
  return (
    <p className="freshness">
      {proposal.stale && <span className="badge badge-stale">Stale{entry.expiresAt ? ` since ${entry.expiresAt}` : ''}</span>}
      {proposal.draft && <span className="badge badge-draft">Draft</span>}
      {entry.sample && <SampleBadge />}
      {entry.owner && <span>Owner {entry.owner}</span>}
      <span>{entry.reviewedAt ? `Reviewed ${entry.reviewedAt}` : 'Never reviewed'}</span>
    </p>
  );
}
