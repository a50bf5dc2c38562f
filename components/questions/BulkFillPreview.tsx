// "Fill all high-confidence": the preview of which questions get which answers, the confirmation, and progress.
// Items are grouped by section; each can be unticked and its full answer opened. Esc closes the preview.
// When stepping through sections it previews one section at a time, with its place in the walk.
import { useEffect, useRef, useState } from 'react';
import type { BulkItem, BulkPlan } from '../../lib/panel/bulk-fill';
import { groupBulkItems, tickedItems } from '../../lib/panel/bulk-groups';
import { NO_SECTION } from '../../lib/panel/summary';
import { ProgressBar } from '../common/ProgressBar';
import { answersWord, fillAnswersLabel } from '../../lib/panel/bulk-labels';

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

function BulkRow({ item, ticked, onTick }: { item: BulkItem; ticked: boolean; onTick(ticked: boolean): void }) {
  const [open, setOpen] = useState(false);
  const answer = `${shown(item.plan.value)}${item.plan.comment && item.plan.comment !== item.plan.value ? ` + comment: ${item.plan.comment}` : ''}`;
  const answerId = `bulk-a-${item.key}`;
  return (
    <li className={ticked ? undefined : 'unticked'}>
      <label className="bulk-tick">
        <input type="checkbox" checked={ticked} onChange={(e) => onTick(e.target.checked)} />
        <span className="bulk-q">
          {item.number && <span className="qnum">{item.number}</span>} {item.text}
        </span>
      </label>
      <span id={answerId} className={`bulk-a${open ? ' open' : ''}`}>
        → {answer}
      </span>
      <button type="button" className="linklike small" aria-expanded={open} aria-controls={answerId} onClick={() => setOpen(!open)}>
        {open ? 'Hide full answer' : 'Full answer'}
      </button>
    </li>
  );
}

export function BulkFillPreview({
  plan,
  progress,
  matching,
  step,
  unticked,
  onTick,
  onConfirm,
  onSkipSection,
  onCancel,
}: {
  plan: BulkPlan;
  progress?: { done: number; total: number };
  /** Questions matched so far, while the preview waits for matching to finish before it is planned. */
  matching?: { done: number; total: number };
  step?: SectionStep;
  /** Keys of the items the analyst unticked; the confirmation fills the rest. */
  unticked: ReadonlySet<string>;
  onTick(keys: string[], ticked: boolean): void;
  onConfirm(): void;
  onSkipSection?: () => void;
  onCancel(): void;
}) {
  const focusTarget = useRef<HTMLHeadingElement & HTMLElement>(null);
  // Focus moves into the preview when it opens, when the fill starts and when the next section's preview replaces it.
  const filling = progress !== undefined;
  const waiting = matching !== undefined;
  useEffect(() => focusTarget.current?.focus(), [step?.index, filling, waiting]);
  const n = tickedItems(plan.items, unticked).length;
  const groups = groupBulkItems(plan.items);
  const grouped = groups.length > 1 || (groups[0] !== undefined && groups[0].section !== NO_SECTION);
  const last = step ? step.index === step.names.length - 1 : true;
  const where = step ? `Section ${step.index + 1} of ${step.names.length}: ${step.names[step.index] ?? ''}` : undefined;
  if (progress) {
    return (
      <section ref={focusTarget} tabIndex={-1} className="bulk-preview" aria-label="Bulk fill progress" onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
        {where && <p>{where}</p>}
        <ProgressBar label={progress.total ? 'Filling' : 'Opening the section'} done={progress.done} total={progress.total} onCancel={onCancel} />
      </section>
    );
  }
  if (matching) {
    return (
      <section ref={focusTarget} tabIndex={-1} className="bulk-preview" aria-label="Bulk fill waiting for matching" data-testid="bulk-matching" onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
        {where && <p>{where}</p>}
        <div className="progress" role="status">
          <label>
            <span>
              Matching… {matching.done} of {matching.total} questions
            </span>
            <progress max={Math.max(matching.total, 1)} value={matching.done} />
          </label>
          <button type="button" onClick={onCancel}>
            {step ? 'Stop' : 'Cancel'}
          </button>
        </div>
        <p className="hint">The preview opens once every question has been matched against the library.</p>
      </section>
    );
  }
  const confirmLabel = step ? (n === 0 ? (last ? 'Finish' : 'Next section') : `${fillAnswersLabel(n)}${last ? '' : ', then next section'}`) : fillAnswersLabel(n);
  return (
    <section
      className="bulk-preview"
      aria-labelledby="bulk-title"
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.stopPropagation();
        onCancel();
      }}
    >
      {step && <ProgressBar label={`Sections (${step.filled} filled so far)`} done={step.index} total={step.names.length} />}
      <h2 id="bulk-title" ref={focusTarget} tabIndex={-1}>
        {where ? `${where}. ` : ''}Fill {n} high-confidence {answersWord(n)}?
      </h2>
      <p className="hint">Only approved, fresh entries with high confidence, on fields that are still empty. Nothing is submitted or saved on the portal.</p>
      {plan.items.length > 0 && (
        <div className="bulk-items" role="group" aria-label="Answers to fill">
          {groups.map((group) => {
            const keys = group.items.map((i) => i.key);
            const tickedHere = keys.filter((k) => !unticked.has(k)).length;
            return (
              <section key={group.section} aria-label={grouped ? group.section : 'Answers'}>
                {grouped && (
                  <h3 className="bulk-section">
                    <label className="bulk-tick">
                      <input
                        type="checkbox"
                        checked={tickedHere === keys.length}
                        ref={(box) => {
                          if (box) box.indeterminate = tickedHere > 0 && tickedHere < keys.length;
                        }}
                        onChange={(e) => onTick(keys, e.target.checked)}
                      />
                      <span>
                        {group.section} ({tickedHere} of {keys.length})
                      </span>
                    </label>
                  </h3>
                )}
                <ol>
                  {group.items.map((item) => (
                    <BulkRow key={item.key} item={item} ticked={!unticked.has(item.key)} onTick={(ticked) => onTick([item.key], ticked)} />
                  ))}
                </ol>
              </section>
            );
          })}
        </div>
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
