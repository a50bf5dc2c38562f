// Filters of the History view: portal, date range, text and result.
import { HistoryResultSchema, PortalIdSchema } from '../../lib/schema';
import type { HistoryFilter } from '../../lib/panel/history-export';

export function HistoryFilters({ filter, onChange }: { filter: HistoryFilter; onChange(filter: HistoryFilter): void }) {
  const set = <K extends keyof HistoryFilter>(key: K, value: HistoryFilter[K] | '') => onChange({ ...filter, [key]: value === '' ? undefined : value });
  return (
    <fieldset className="filters">
      <legend>Filter</legend>
      <label>
        Text
        <input type="search" value={filter.text ?? ''} onChange={(e) => set('text', e.target.value)} placeholder="question, answer, page" />
      </label>
      <label>
        Portal
        <select value={filter.portal ?? ''} onChange={(e) => set('portal', e.target.value === '' ? '' : PortalIdSchema.parse(e.target.value))}>
          <option value="">All</option>
          {PortalIdSchema.options.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </label>
      <label>
        Result
        <select value={filter.result ?? ''} onChange={(e) => set('result', e.target.value === '' ? '' : HistoryResultSchema.parse(e.target.value))}>
          <option value="">All</option>
          {HistoryResultSchema.options.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </label>
      <label>
        From
        <input type="date" value={filter.from ?? ''} onChange={(e) => set('from', e.target.value)} />
      </label>
      <label>
        To
        <input type="date" value={filter.to ?? ''} onChange={(e) => set('to', e.target.value)} />
      </label>
    </fieldset>
  );
}
