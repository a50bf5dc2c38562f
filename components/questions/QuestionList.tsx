// The question list, grouped by section with a summary per section, virtualised so 500 questions stay smooth.
import { useVirtualizer } from '@tanstack/react-virtual';
import { forwardRef, useEffect, useImperativeHandle, useMemo, useRef, useState } from 'react';
import type { QuestionRow } from '../../lib/panel/question-rows';
import { formatCounts, NO_SECTION, type SectionSummary } from '../../lib/panel/summary';
import { QuestionCard, type QuestionCardProps, type CardMode } from './QuestionCard';

type Item = { kind: 'section'; summary: SectionSummary } | { kind: 'row'; row: QuestionRow; index: number };

export interface QuestionListHandle {
  scrollToRow(index: number): void;
  /** Moves keyboard focus to the card of `key` once it is rendered (the list is virtualised). */
  focusCard(key: string): void;
}

type CardCallbacks = Omit<QuestionCardProps, 'row' | 'index' | 'selected' | 'tabStop' | 'mode'>;

export const QuestionList = forwardRef<
  QuestionListHandle,
  { rows: QuestionRow[]; sections: SectionSummary[]; selected: number; modes: Record<string, CardMode> } & CardCallbacks
>(function QuestionList({ rows, sections, selected, modes, ...callbacks }, ref) {
  const scroller = useRef<HTMLDivElement>(null);
  const items = useMemo(() => {
    const list: Item[] = [];
    const showHeaders = sections.length > 1 || (sections[0] && sections[0].section !== NO_SECTION);
    let section: string | undefined;
    rows.forEach((row, index) => {
      const name = row.question.section ?? NO_SECTION;
      if (showHeaders && name !== section) {
        section = name;
        const summary = sections.find((s) => s.section === name);
        if (summary) list.push({ kind: 'section', summary });
      }
      list.push({ kind: 'row', row, index });
    });
    return list;
  }, [rows, sections]);
  const rowToItem = useMemo(() => {
    const map = new Map<number, number>();
    items.forEach((item, i) => item.kind === 'row' && map.set(item.index, i));
    return map;
  }, [items]);

  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => (items[i]?.kind === 'section' ? 44 : callbacks.compact ? 70 : 230),
    overscan: 4,
    getItemKey: (i) => {
      const item = items[i];
      return item?.kind === 'row' ? item.row.key : `section:${item?.summary.section ?? i}`;
    },
  });

  // A card to focus after an action re-rendered or removed the focused control (otherwise focus drops to the body).
  const focusWanted = useRef<string>(undefined);
  const [, setFocusRequest] = useState(0);
  useEffect(() => {
    const key = focusWanted.current;
    if (key === undefined) return;
    const card = scroller.current?.querySelector<HTMLElement>(`article.card[data-key="${CSS.escape(key)}"]`);
    if (card) {
      focusWanted.current = undefined;
      card.focus({ preventScroll: true });
      return;
    }
    const item = items.findIndex((it) => it.kind === 'row' && it.row.key === key);
    if (item >= 0) virtualizer.scrollToIndex(item, { align: 'auto' });
  });

  useImperativeHandle(ref, () => ({
    scrollToRow(index) {
      const item = rowToItem.get(index);
      if (item !== undefined) virtualizer.scrollToIndex(item, { align: 'auto' });
    },
    focusCard(key) {
      focusWanted.current = key;
      setFocusRequest((n) => n + 1);
    },
  }));

  return (
    <div className="question-list" ref={scroller} role="region" aria-label="Detected questions" tabIndex={-1}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((v) => {
          const item = items[v.index]!;
          return (
            <div key={v.key} data-index={v.index} ref={virtualizer.measureElement} className="vrow" style={{ transform: `translateY(${v.start}px)` }}>
              {item.kind === 'section' ? (
                <h2 className="section-head">
                  <span>{item.summary.section}</span>
                  <span className="section-counts">{formatCounts(item.summary)}</span>
                </h2>
              ) : (
                <QuestionCard
                  row={item.row}
                  index={item.index}
                  selected={item.index === selected}
                  tabStop={item.index === Math.max(0, selected)}
                  mode={modes[item.row.key] ?? 'view'}
                  {...callbacks}
                />
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
});
