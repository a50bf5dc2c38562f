// The History view: every fill and undo, filtered by portal, date range, text and result, exported to CSV
// or JSON, each linking back to the library entry it came from; cleared only after a confirmation that offers
// an export first.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { FillEvent } from '../../lib/schema';
import { countHistory, exportFileName, filterHistory, formatHistoryCounts, historyToCsv, historyToJson, type HistoryFilter } from '../../lib/panel/history-export';
import { downloadBlob } from '../common/download';
import { usePanelServices } from '../common/PanelServices';
import { HistoryFilters } from './HistoryFilters';
import { HistoryItem } from './HistoryItem';

/** Rows rendered at once; the rest are behind "Show more" (exports always include every filtered row). */
const PAGE = 100;

export function HistoryTab({ active }: { active: boolean }) {
  const services = usePanelServices();
  const [events, setEvents] = useState<FillEvent[]>();
  const [error, setError] = useState<string>();
  const [filter, setFilter] = useState<HistoryFilter>({});
  const [shown, setShown] = useState(PAGE);
  const [confirmClear, setConfirmClear] = useState(false);

  const load = useCallback(async () => {
    try {
      setEvents(await services.library.history());
      setError(undefined);
    } catch (e) {
      setError(`The history could not be read: ${e instanceof Error ? e.message : String(e)}`);
    }
  }, [services]);

  useEffect(() => {
    if (active) void load();
  }, [active, load]);

  const filtered = useMemo(() => filterHistory(events ?? [], filter), [events, filter]);

  const exportAs = (kind: 'csv' | 'json', rows: readonly FillEvent[] = filtered) => {
    const at = new Date().toISOString();
    // The byte-order mark makes Excel read the file as UTF-8 (answers often hold curly quotes and accents).
    if (kind === 'csv') downloadBlob(new Blob([`\uFEFF${historyToCsv(rows)}`], { type: 'text/csv;charset=utf-8' }), exportFileName('csv', at));
    else downloadBlob(new Blob([historyToJson(rows, at)], { type: 'application/json' }), exportFileName('json', at));
  };

  const clear = async () => {
    try {
      await services.library.clearHistory();
      setConfirmClear(false);
      await load();
    } catch (e) {
      setError(`The history was not cleared: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <section aria-label="History" className="view history-view">
      <HistoryFilters
        filter={filter}
        onChange={(f) => {
          setFilter(f);
          setShown(PAGE);
        }}
      />
      <div className="toolbar">
        <p className="summary" aria-live="polite">
          {events === undefined ? 'Loading…' : `${formatHistoryCounts(countHistory(filtered))}${filtered.length < events.length ? ` (filtered from ${events.length} rows)` : ''}`}
        </p>
        <button type="button" disabled={filtered.length === 0} onClick={() => exportAs('csv')}>
          Export CSV
        </button>
        <button type="button" disabled={filtered.length === 0} onClick={() => exportAs('json')}>
          Export JSON
        </button>
        <button type="button" disabled={!events?.length || confirmClear} onClick={() => setConfirmClear(true)}>
          Clear history…
        </button>
      </div>
      {confirmClear && events && (
        <div className="warning" role="alertdialog" aria-label="Clear the fill history">
          <p>
            Clear all {events.length} rows of the fill history? They cannot be brought back. Export them first if a reviewer may
            need them.
          </p>
          <div className="toolbar">
            <button type="button" onClick={() => exportAs('csv', events)}>
              Export all as CSV
            </button>
            <button type="button" onClick={() => exportAs('json', events)}>
              Export all as JSON
            </button>
            <button type="button" className="danger" onClick={() => void clear()}>
              Clear history
            </button>
            <button type="button" onClick={() => setConfirmClear(false)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {events !== undefined && events.length === 0 && <p className="empty">Nothing filled yet. Every fill and undo you make is listed here.</p>}
      <ol className="history-list">
        {filtered.slice(0, shown).map((e) => (
          <HistoryItem key={e.seq ?? `${e.at}-${e.questionKey}`} event={e} onOpenEntry={services.showLibraryEntry} loadVersion={services.library.entryVersion} />
        ))}
      </ol>
      {filtered.length > shown && (
        <button type="button" onClick={() => setShown(shown + PAGE)}>
          Show more ({filtered.length - shown} left)
        </button>
      )}
    </section>
  );
}
