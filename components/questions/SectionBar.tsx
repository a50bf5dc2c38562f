// Portals that show one section at a time (OneTrust): which section is open, open another, or step through
// every section (each one's high-confidence answers previewed before they are filled).
import type { SectionInfo } from '../../lib/schema';

export function SectionBar({
  sections,
  busy,
  onOpen,
  onStepAll,
}: {
  sections: SectionInfo;
  busy: boolean;
  onOpen(index: number): void;
  onStepAll(): void;
}) {
  const open = sections.open;
  const openName = open === null ? undefined : sections.names[open];
  const next = open === null ? 0 : open + 1;
  return (
    <section className="sections" aria-label="Sections">
      <p>
        {sections.names.length} sections, {open === null ? 'none' : '1'} open{openName ? `: ${openName}` : ''}
      </p>
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
          Step through every section…
        </button>
      </div>
    </section>
  );
}
