// "Fill all high-confidence": the preview of which questions get which answers, the confirmation, and progress.
import type { BulkPlan } from '../../lib/panel/bulk-fill';
import { ProgressBar } from '../common/ProgressBar';

function groupReasons(plan: BulkPlan): string {
  const counts = new Map<string, number>();
  for (const e of plan.excluded) counts.set(e.reason, (counts.get(e.reason) ?? 0) + 1);
  return [...counts].map(([reason, n]) => `${n} ${reason}`).join(' · ');
}

function shown(value: string | string[] | null): string {
  if (value === null) return '';
  return Array.isArray(value) ? value.join(', ') : value;
}

export function BulkFillPreview({
  plan,
  progress,
  onConfirm,
  onCancel,
}: {
  plan: BulkPlan;
  progress?: { done: number; total: number };
  onConfirm(): void;
  onCancel(): void;
}) {
  if (progress) return <ProgressBar label="Filling" done={progress.done} total={progress.total} onCancel={onCancel} />;
  return (
    <section className="bulk-preview" aria-labelledby="bulk-title">
      <h2 id="bulk-title">Fill {plan.items.length} high-confidence answers?</h2>
      <p className="hint">Only approved, fresh entries with high confidence, on fields that are still empty. Nothing is submitted or saved on the portal.</p>
      {plan.items.length > 0 && (
        <ol className="bulk-items">
          {plan.items.map((item) => (
            <li key={item.key}>
              <span className="bulk-q">
                {item.number && <span className="qnum">{item.number}</span>} {item.text}
              </span>
              <span className="bulk-a">
                → {shown(item.plan.value)}
                {item.plan.comment && item.plan.comment !== item.plan.value ? ` + comment: ${item.plan.comment}` : ''}
              </span>
            </li>
          ))}
        </ol>
      )}
      {plan.excluded.length > 0 && <p className="hint">Left for you: {groupReasons(plan)}</p>}
      <div className="actions">
        <button type="button" className="primary" disabled={plan.items.length === 0} onClick={onConfirm}>
          Fill {plan.items.length} answers
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}
