// The History view: every fill and undo, filtered by portal, date range, text and result, exported to CSV
// or JSON, each linking back to the library entry it came from.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { FillEvent } from '../../lib/schema';
import { exportFileName, filterHistory, historyToCsv, historyToJson, type HistoryFilter } from '../../lib/panel/history-export';
import { usePanelServices } from '../common/PanelServices';
import { HistoryFilters } from './HistoryFilters';
import { HistoryItem } from './HistoryItem';

function download(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Rows rendered at once; the rest are behind "Show more" (exports always include every filtered row). */
const PAGE = 100;

export function HistoryTab({ active }: { active: boolean }) {
  const services = usePanelServices();
  const [events, setEvents] = useState<FillEvent[]>();
  const [error, setError] = useState<string>();
  const [filter, setFilter] = useState<HistoryFilter>({});
  const [shown, setShown] = useState(PAGE);

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

  const exportAs = (kind: 'csv' | 'json') => {
    const at = new Date().toISOString();
    // The byte-order mark makes Excel read the file as UTF-8 (answers often hold curly quotes and accents).
    if (kind === 'csv') download(exportFileName('csv', at), 'text/csv;charset=utf-8', `\uFEFF${historyToCsv(filtered)}`);
    else download(exportFileName('json', at), 'application/json', historyToJson(filtered, at));
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
          {events === undefined ? 'Loading…' : `${filtered.length} of ${events.length} fills`}
        </p>
        <button type="button" disabled={filtered.length === 0} onClick={() => exportAs('csv')}>
          Export CSV
        </button>
        <button type="button" disabled={filtered.length === 0} onClick={() => exportAs('json')}>
          Export JSON
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {events !== undefined && events.length === 0 && <p className="empty">Nothing filled yet. Every fill and undo you make is listed here.</p>}
      <ol className="history-list">
        {filtered.slice(0, shown).map((e) => (
          <HistoryItem key={e.seq ?? `${e.at}-${e.questionKey}`} event={e} onOpenEntry={services.showLibraryEntry} />
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
