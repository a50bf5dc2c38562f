// The review queue in the Library view: entries due for review (expired, expiring within N days, drafts, no owner,
// no citation) grouped by owner; mark one or many reviewed (reviewed today, next expiry one team review period
// ahead), export the queue as CSV for the owners, and set the team's review period.
import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import type { AutofillDatabase } from '../../lib/db/database';
import { markEntriesReviewed } from '../../lib/db/entries-repository';
import type { StoredEntry } from '../../lib/db/records';
import { getReviewPeriod, saveReviewPeriod } from '../../lib/library/review-period';
import { DEFAULT_DUE_WITHIN_DAYS, REVIEW_REASON_LABEL, reviewQueue, reviewQueueCsv, reviewedChanges } from '../../lib/library/review-queue';
import { downloadBlob } from '../common/download';
import { describeError } from './describe-error';

/** Rows drawn per owner; the export always holds every row. */
const ROWS_PER_GROUP = 100;

interface Props {
  db: AutofillDatabase;
  entries: readonly StoredEntry[];
  today: string;
  onOpen: (id: string) => void;
  onMessage: (m: { kind: 'status' | 'error'; text: string }) => void;
}

export function ReviewQueue({ db, entries, today, onOpen, onMessage }: Props) {
  const id = useId();
  const [dueWithin, setDueWithin] = useState(DEFAULT_DUE_WITHIN_DAYS);
  const [period, setPeriod] = useState<number>();
  const [periodDraft, setPeriodDraft] = useState('');
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    getReviewPeriod(db).then(
      (days) => {
        setPeriod(days);
        setPeriodDraft(String(days));
      },
      (e: unknown) => onMessage({ kind: 'error', text: `The review period could not be read: ${describeError(e)}` }),
    );
  }, [db, onMessage]);

  const groups = useMemo(() => reviewQueue(entries, today, dueWithin), [entries, today, dueWithin]);
  const due = useMemo(() => groups.flatMap((g) => g.items.map((i) => i.entry.id)), [groups]);
  // Ticks on entries that left the queue (reviewed elsewhere, retired) no longer count.
  const selected = useMemo(() => due.filter((d) => ticked.has(d)), [due, ticked]);

  const toggle = (entryId: string, on: boolean) =>
    setTicked((t) => {
      const next = new Set(t);
      if (on) next.add(entryId);
      else next.delete(entryId);
      return next;
    });

  const markReviewed = async (ids: readonly string[]) => {
    if (period === undefined || ids.length === 0) return;
    setBusy(true);
    try {
      const changes = reviewedChanges(today, period);
      const { updated, missing } = await markEntriesReviewed(ids, changes, db);
      setTicked(new Set());
      const gone = missing.length ? ` ${missing.length} no longer in the library: ${missing.join(', ')}.` : '';
      onMessage({ kind: 'status', text: `Marked ${updated.length} ${updated.length === 1 ? 'entry' : 'entries'} reviewed today; next review by ${changes.expiresAt}.${gone}` });
    } catch (e) {
      onMessage({ kind: 'error', text: `Not marked reviewed (nothing was changed): ${describeError(e)}` });
    } finally {
      setBusy(false);
    }
  };

  const savePeriod = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const days = await saveReviewPeriod(Number(periodDraft.trim() === '' ? Number.NaN : periodDraft), db);
      setPeriod(days);
      setPeriodDraft(String(days));
      onMessage({ kind: 'status', text: `Review period saved: entries marked reviewed are due again in ${days} days.` });
    } catch (e) {
      onMessage({ kind: 'error', text: describeError(e) });
    }
  };

  const exportCsv = () => {
    downloadBlob(new Blob([reviewQueueCsv(groups)], { type: 'text/csv;charset=utf-8' }), `review-queue-${today}.csv`);
    onMessage({ kind: 'status', text: `Exported the review queue (${due.length} entries) to review-queue-${today}.csv.` });
  };

  return (
    <details className="library-review">
      <summary>
        Review queue: {due.length} {due.length === 1 ? 'entry' : 'entries'} due
      </summary>
      <div className="library-review-controls">
        <label htmlFor={`${id}-within`}>Expiring within</label>
        <input
          id={`${id}-within`}
          type="number"
          min={0}
          max={365}
          value={dueWithin}
          onChange={(e) => setDueWithin(Math.max(0, Math.min(365, Math.trunc(Number(e.target.value) || 0))))}
        />
        <span>days</span>
      </div>
      <form className="library-review-controls" onSubmit={savePeriod}>
        <label htmlFor={`${id}-period`}>Review period</label>
        <input id={`${id}-period`} type="number" min={1} value={periodDraft} onChange={(e) => setPeriodDraft(e.target.value)} disabled={period === undefined} />
        <span>days</span>
        <button type="submit" disabled={period === undefined || periodDraft === String(period)}>
          Save
        </button>
      </form>
      {due.length === 0 ? (
        <p className="library-empty">Nothing is due: every entry is current, owned and cited.</p>
      ) : (
        <>
          <div className="library-actions" role="group" aria-label="Review queue actions">
            <button type="button" disabled={busy || selected.length === 0 || period === undefined} onClick={() => void markReviewed(selected)}>
              Mark {selected.length} selected reviewed
            </button>
            <button type="button" onClick={() => setTicked(selected.length === due.length ? new Set() : new Set(due))}>
              {selected.length === due.length ? 'Select none' : 'Select all'}
            </button>
            <button type="button" onClick={exportCsv}>
              Export the queue (CSV)
            </button>
          </div>
          {groups.map((group) => (
            <section key={group.owner ?? '\u0000'} className="library-review-group" aria-label={group.owner ? `Owner ${group.owner}` : 'No owner'}>
              <h3>
                {group.owner ?? 'No owner'} ({group.items.length})
              </h3>
              <ul>
                {group.items.slice(0, ROWS_PER_GROUP).map(({ entry, reasons }) => (
                  <li key={entry.id}>
                    <input
                      type="checkbox"
                      aria-label={`Select ${entry.id}`}
                      checked={ticked.has(entry.id)}
                      onChange={(e) => toggle(entry.id, e.target.checked)}
                    />
                    <button type="button" className="linklike small library-row-id" onClick={() => onOpen(entry.id)}>
                      {entry.id}
                    </button>
                    <span className="library-review-question">{entry.question}</span>
                    <span className="library-review-reasons">
                      {reasons.map((r) => (
                        <span key={r} className={`badge badge-review-${r}`}>
                          {REVIEW_REASON_LABEL[r]}
                          {(r === 'expired' || r === 'expiring') && entry.expiresAt ? ` ${entry.expiresAt}` : ''}
                        </span>
                      ))}
                    </span>
                    <button type="button" disabled={busy || period === undefined} onClick={() => void markReviewed([entry.id])} aria-label={`Mark reviewed: ${entry.id}`}>
                      Mark reviewed
                    </button>
                  </li>
                ))}
              </ul>
              {group.items.length > ROWS_PER_GROUP && (
                <p className="library-empty">
                  and {group.items.length - ROWS_PER_GROUP} more (the CSV export holds them all).
                </p>
              )}
            </section>
          ))}
        </>
      )}
    </details>
  );
}
