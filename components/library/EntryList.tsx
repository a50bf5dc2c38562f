// The library as a virtualised list: only the rows in view are in the DOM, so 20,000 entries scroll smoothly.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { LibraryEntry } from '../../lib/schema';
import { distinguishingStart } from '../../lib/library/distinguish-titles';
import { EntryBadges } from './EntryBadges';

interface Props<T extends LibraryEntry> {
  entries: readonly T[];
  selectedId: string | undefined;
  onSelect: (id: string) => void;
  today: string;
  /** Changes when the search or filter changes: the list then starts again at the top (best matches). */
  resetKey: string;
}

const ROW_HEIGHT = 62;

/** The question on one line, from the part that tells it apart from its neighbours; read out in full. */
function RowQuestion({ question, neighbours }: { question: string; neighbours: (string | undefined)[] }) {
  const start = distinguishingStart(question, neighbours);
  return (
    <span className="library-row-question" title={question}>
      {start > 0 && (
        <>
          <span className="visually-hidden">{question.slice(0, start)}</span>
          <span aria-hidden="true">…</span>
        </>
      )}
      {question.slice(start)}
    </span>
  );
}

export function EntryList<T extends LibraryEntry>({ entries, selectedId, onSelect, today, resetKey }: Props<T>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const selectedIndex = selectedId === undefined ? -1 : entries.findIndex((e) => e.id === selectedId);

  useEffect(() => {
    virtualizer.scrollToOffset(0);
  }, [resetKey, virtualizer]);

  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const next = Math.min(entries.length - 1, Math.max(0, selectedIndex + (event.key === 'ArrowDown' ? 1 : -1)));
    const entry = entries[next];
    if (!entry) return;
    onSelect(entry.id);
    virtualizer.scrollToIndex(next, { align: 'auto' });
    requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLButtonElement>(`[data-index="${next}"] button`)?.focus());
  };

  if (entries.length === 0) return <p className="library-empty">No entries match.</p>;
  return (
    <div ref={scrollRef} className="library-list" onKeyDown={onKeyDown}>
      <ul aria-label="Library entries" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((row) => {
          const entry = entries[row.index]!;
          const selected = entry.id === selectedId;
          return (
            <li
              key={entry.id}
              data-index={row.index}
              aria-setsize={entries.length}
              aria-posinset={row.index + 1}
              style={{ transform: `translateY(${row.start}px)`, height: ROW_HEIGHT }}
            >
              <button type="button" className={selected ? 'library-row selected' : 'library-row'} aria-current={selected ? 'true' : undefined} onClick={() => onSelect(entry.id)}>
                <RowQuestion question={entry.question} neighbours={[entries[row.index - 1]?.question, entries[row.index + 1]?.question]} />
                <span className="library-row-meta">
                  <span className="library-row-id">{entry.id}</span>
                  <EntryBadges entry={entry} today={today} />
                  {entry.tags && entry.tags.length > 0 && <span className="library-row-tags">{entry.tags.slice(0, 3).join(', ')}</span>}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
