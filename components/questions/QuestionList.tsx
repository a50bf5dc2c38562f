// The question list, grouped by section with a summary per section, virtualised so 500 questions stay smooth.
import { measureElement, useVirtualizer } from '@tanstack/react-virtual';
import { forwardRef, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { QuestionRow } from '../../lib/panel/question-rows';
import { formatCounts, NO_SECTION, type SectionSummary } from '../../lib/panel/summary';
import { QuestionCard, type QuestionCardProps, type CardMode } from './QuestionCard';

type Item = { kind: 'section'; summary: SectionSummary } | { kind: 'row'; row: QuestionRow; index: number };

export interface QuestionListHandle {
  scrollToRow(index: number): void;
  /** Moves keyboard focus to the card of `key` once it is rendered (the list is virtualised). */
  focusCard(key: string): void;
}

/** Where the analyst is in the list: the first item at the top of the view, and how far it is scrolled past. */
export interface ListPlace {
  key: string | number | bigint;
  into: number;
}

type CardCallbacks = Omit<QuestionCardProps, 'row' | 'index' | 'selected' | 'tabStop' | 'mode'>;

interface PlaceProps {
  /** False while the view is hidden (the browser drops a hidden list's scroll position). */
  shown: boolean;
  /** Where to open the list (the place it had when the panel last showed this page). */
  place?: ListPlace;
  /** Told the list's place as the analyst scrolls, while shown. */
  onPlace?: (place: ListPlace) => void;
}

export const QuestionList = forwardRef<
  QuestionListHandle,
  { rows: QuestionRow[]; sections: SectionSummary[]; selected: number; modes: Record<string, CardMode> } & PlaceProps & CardCallbacks
>(function QuestionList({ rows, sections, selected, modes, shown, place, onPlace, ...callbacks }, ref) {
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
    // A hidden view's cards measure 0 px: those sizes are not kept, or the list comes back with every card after
    // the drawn ones moved up.
    measureElement: (element, entry, instance) => {
      if (scroller.current?.clientHeight) return measureElement(element, entry, instance);
      const index = instance.indexFromElement(element);
      return instance.itemSizeCache.get(instance.options.getItemKey(index)) ?? instance.options.estimateSize(index);
    },
  });

  // The analyst's place: kept from the list's scroll events while it is shown, put back when it is shown again (a
  // hidden view's list comes back scrolled to the top) and when the list is drawn anew for a page it showed before.
  // Read from the element itself: the virtualiser reports offset 0 while it attaches to a new list.
  const shownRef = useRef(false);
  const placeRef = useRef<ListPlace | undefined>(place);
  const onPlaceRef = useRef(onPlace);
  onPlaceRef.current = onPlace;
  const itemsRef = useRef(items);
  itemsRef.current = items;
  useLayoutEffect(() => {
    const at = placeRef.current;
    const index = at && shown ? itemsRef.current.findIndex((_, i) => virtualizer.options.getItemKey(i) === at.key) : -1;
    const start = index >= 0 ? virtualizer.measurementsCache[index]?.start : undefined;
    if (start !== undefined) virtualizer.scrollToOffset(Math.max(0, start + at!.into));
    shownRef.current = shown;
    return () => {
      shownRef.current = false;
    };
  }, [shown]);
  const keepPlace = () => {
    const el = scroller.current;
    if (!shownRef.current || !el?.clientHeight) return;
    const top = el.scrollTop;
    const measured = virtualizer.measurementsCache;
    // The first item whose end is below the top of the view (binary search: items are in order).
    let lo = 0;
    let hi = measured.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (measured[mid]!.end > top) hi = mid;
      else lo = mid + 1;
    }
    const first = measured[lo];
    if (!first) return;
    placeRef.current = { key: first.key, into: top - first.start };
    onPlaceRef.current?.(placeRef.current);
  };

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
    <div className="question-list" ref={scroller} role="region" aria-label="Detected questions" tabIndex={-1} onScroll={keepPlace}>
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
