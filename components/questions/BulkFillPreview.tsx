// "Fill all high-confidence": the preview of which questions get which answers, the confirmation, and progress.
// When stepping through sections it previews one section at a time, with its place in the walk.
import type { BulkPlan } from '../../lib/panel/bulk-fill';
import { ProgressBar } from '../common/ProgressBar';

export interface SectionStep {
  index: number;
  names: string[];
  /** Answers filled in the sections before this one. */
  filled: number;
}

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
  step,
  onConfirm,
  onSkipSection,
  onCancel,
}: {
  plan: BulkPlan;
  progress?: { done: number; total: number };
  step?: SectionStep;
  onConfirm(): void;
  onSkipSection?: () => void;
  onCancel(): void;
}) {
  const n = plan.items.length;
  const last = step ? step.index === step.names.length - 1 : true;
  const where = step ? `Section ${step.index + 1} of ${step.names.length}: ${step.names[step.index] ?? ''}` : undefined;
  if (progress) {
    return (
      <section className="bulk-preview" aria-label="Bulk fill progress">
        {where && <p>{where}</p>}
        <ProgressBar label={progress.total ? 'Filling' : 'Opening the section'} done={progress.done} total={progress.total} onCancel={onCancel} />
      </section>
    );
  }
  const confirmLabel = step ? (n === 0 ? (last ? 'Finish' : 'Next section') : `Fill ${n} answers${last ? '' : ', then next section'}`) : `Fill ${n} answers`;
  return (
    <section className="bulk-preview" aria-labelledby="bulk-title">
      {step && <ProgressBar label={`Sections (${step.filled} filled so far)`} done={step.index} total={step.names.length} />}
      <h2 id="bulk-title">
        {where ? `${where}. ` : ''}Fill {n} high-confidence answers?
      </h2>
      <p className="hint">Only approved, fresh entries with high confidence, on fields that are still empty. Nothing is submitted or saved on the portal.</p>
      {n > 0 && (
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
        <button type="button" className="primary" disabled={!step && n === 0} onClick={onConfirm}>
          {confirmLabel}
        </button>
        {onSkipSection && n > 0 && !last && (
          <button type="button" onClick={onSkipSection}>
            Skip this section
          </button>
        )}
        <button type="button" onClick={onCancel}>
          {step ? 'Stop' : 'Cancel'}
        </button>
      </div>
    </section>
  );
}
