// The question list, grouped by section with a summary per section, virtualised so 500 questions stay smooth.
import { useVirtualizer } from '@tanstack/react-virtual';
import { forwardRef, useImperativeHandle, useMemo, useRef } from 'react';
import type { QuestionRow } from '../../lib/panel/question-rows';
import { formatCounts, NO_SECTION, type SectionSummary } from '../../lib/panel/summary';
import { QuestionCard, type QuestionCardProps, type CardMode } from './QuestionCard';

type Item = { kind: 'section'; summary: SectionSummary } | { kind: 'row'; row: QuestionRow; index: number };

export interface QuestionListHandle {
  scrollToRow(index: number): void;
}

type CardCallbacks = Omit<QuestionCardProps, 'row' | 'index' | 'selected' | 'mode'>;

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
    estimateSize: (i) => (items[i]?.kind === 'section' ? 44 : 230),
    overscan: 4,
    getItemKey: (i) => {
      const item = items[i];
      return item?.kind === 'row' ? item.row.key : `section:${item?.summary.section ?? i}`;
    },
  });

  useImperativeHandle(ref, () => ({
    scrollToRow(index) {
      const item = rowToItem.get(index);
      if (item !== undefined) virtualizer.scrollToIndex(item, { align: 'auto' });
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
                <QuestionCard row={item.row} index={item.index} selected={item.index === selected} mode={modes[item.row.key] ?? 'view'} {...callbacks} />
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
});
