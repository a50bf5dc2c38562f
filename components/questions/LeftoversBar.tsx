// The leftovers controls above the question list: which rows to show (with counts) and the card density.
import { ROW_FILTER_LABEL, ROW_FILTERS, type RowFilter } from '../../lib/panel/row-filter';

export function LeftoversBar({
  filter,
  counts,
  compact,
  onFilter,
  onCompact,
}: {
  filter: RowFilter;
  counts: Record<RowFilter, number>;
  compact: boolean;
  onFilter(filter: RowFilter): void;
  onCompact(compact: boolean): void;
}) {
  return (
    <div className="leftovers-bar">
      <label className="inline">
        <span>Show</span>
        <select value={filter} onChange={(e) => onFilter(e.target.value as RowFilter)} aria-label="Show questions">
          {ROW_FILTERS.map((f) => (
            <option key={f} value={f}>
              {ROW_FILTER_LABEL[f]} ({counts[f]})
            </option>
          ))}
        </select>
      </label>
      <label className="inline">
        <input type="checkbox" checked={compact} onChange={(e) => onCompact(e.target.checked)} />
        <span>Compact cards</span>
      </label>
    </div>
  );
}
