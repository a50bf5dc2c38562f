// The leftovers after a bulk fill: which rows a filter shows, and where the next unresolved question is.
import { needsAttention } from './summary';
import type { QuestionRow } from './question-rows';

export const ROW_FILTERS = ['all', 'attention', 'proposed', 'filled', 'skipped', 'failed'] as const;
export type RowFilter = (typeof ROW_FILTERS)[number];

export const ROW_FILTER_LABEL: Record<RowFilter, string> = {
  all: 'All',
  attention: 'Needs attention',
  proposed: 'Proposed',
  filled: 'Filled',
  skipped: 'Skipped',
  failed: 'Failed',
};

export function matchesRowFilter(row: QuestionRow, filter: RowFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'attention':
      return needsAttention(row);
    case 'filled':
      return row.status === 'filled' || row.status === 'edited';
    default:
      return row.status === filter;
  }
}

export function countByFilter(rows: readonly QuestionRow[]): Record<RowFilter, number> {
  const counts = Object.fromEntries(ROW_FILTERS.map((f) => [f, 0])) as Record<RowFilter, number>;
  for (const row of rows) for (const filter of ROW_FILTERS) if (matchesRowFilter(row, filter)) counts[filter]++;
  return counts;
}

/** Still waiting for the analyst: not filled, not set aside, not being filled right now. */
export function isUnresolved(row: QuestionRow): boolean {
  return !row.pending && (row.status === 'proposed' || row.status === 'no-match' || row.status === 'failed');
}

/** The first unresolved row after `from`, wrapping round to the top; -1 when every row is resolved. */
export function nextUnresolved(rows: readonly QuestionRow[], from: number): number {
  const n = rows.length;
  for (let step = 1; step <= n; step++) {
    const i = (((from + step) % n) + n) % n;
    if (isUnresolved(rows[i]!)) return i;
  }
  return -1;
}
