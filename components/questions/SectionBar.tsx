// Portals that show one section at a time (OneTrust): which section is open, open the next one, or step
// through every section filling its high-confidence answers, with progress and Cancel.
import type { SectionInfo } from '../../lib/schema';
import { ProgressBar } from '../common/ProgressBar';

export interface StepProgress {
  done: number;
  total: number;
  filled: number;
}

export function SectionBar({
  sections,
  stepping,
  busy,
  onOpen,
  onStepAll,
  onCancel,
}: {
  sections: SectionInfo;
  stepping?: StepProgress;
  busy: boolean;
  onOpen(index: number): void;
  onStepAll(): void;
  onCancel(): void;
}) {
  const open = sections.open;
  const openName = open === null ? undefined : sections.names[open];
  const next = open === null ? 0 : open + 1;
  return (
    <section className="sections" aria-label="Sections">
      <p>
        {sections.names.length} sections, {open === null ? 'none' : '1'} open{openName ? `: ${openName}` : ''}
      </p>
      {stepping ? (
        <ProgressBar label={`Sections (${stepping.filled} filled)`} done={stepping.done} total={stepping.total} onCancel={onCancel} />
      ) : (
        <div className="actions">
          <label className="inline">
            <span className="visually-hidden">Open section</span>
            <select value={open ?? ''} disabled={busy} onChange={(e) => e.target.value !== '' && onOpen(Number(e.target.value))}>
              {open === null && <option value="">Open a section…</option>}
              {sections.names.map((name, i) => (
                <option key={i} value={i}>
                  {i + 1}. {name}
                </option>
              ))}
            </select>
          </label>
          <button type="button" disabled={busy || next >= sections.names.length} onClick={() => onOpen(next)}>
            Open next section
          </button>
          <button type="button" disabled={busy} onClick={onStepAll}>
            Fill high-confidence in every section
          </button>
        </div>
      )}
    </section>
  );
}
