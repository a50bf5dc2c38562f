// Fill history: filtering for the History view and export to CSV and JSON. CSV cells that a spreadsheet
// would run as a formula (=, +, -, @, tab, CR) are prefixed with a quote so an opened export cannot execute.
import type { FillEvent, FillStatus, PortalId } from '../schema';

export interface HistoryFilter {
  portal?: PortalId;
  /** ISO dates (inclusive), compared against the event's local calendar day. */
  from?: string;
  to?: string;
  text?: string;
  result?: FillStatus;
}

/** The analyst's calendar day (YYYY-MM-DD, local time) of an ISO date-time; the date filters compare against it. */
export function localDay(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso.slice(0, 10);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function filterHistory(events: readonly FillEvent[], filter: HistoryFilter, dayOf: (iso: string) => string = localDay): FillEvent[] {
  const text = filter.text?.trim().toLowerCase();
  return events.filter((e) => {
    if (filter.portal && e.portal !== filter.portal) return false;
    if (filter.result && e.result !== filter.result) return false;
    const day = dayOf(e.at);
    if (filter.from && day < filter.from) return false;
    if (filter.to && day > filter.to) return false;
    if (text) {
      const hay = [e.questionText, e.questionNumber, e.pageTitle, e.pageUrl, e.entryId, valueText(e.value), e.comment]
        .filter(Boolean)
        .join('\n')
        .toLowerCase();
      if (!hay.includes(text)) return false;
    }
    return true;
  });
}

export function valueText(value: FillEvent['value']): string {
  if (value === null) return '';
  return Array.isArray(value) ? value.join('; ') : value;
}

export const CSV_COLUMNS = [
  'at',
  'portal',
  'pageTitle',
  'pageUrl',
  'questionNumber',
  'questionText',
  'entryId',
  'entryUpdatedAt',
  'value',
  'comment',
  'edited',
  'confidence',
  'band',
  'result',
  'message',
  'undo',
] as const;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell: neutralised against formula injection, quoted when it holds a separator, quote or line break. */
export function csvCell(raw: string): string {
  const safe = FORMULA_START.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function cellOf(event: FillEvent, column: (typeof CSV_COLUMNS)[number]): string {
  switch (column) {
    case 'value':
      return valueText(event.value);
    case 'edited':
    case 'undo':
      return event[column] ? 'yes' : 'no';
    case 'confidence':
      return event.confidence === undefined ? '' : event.confidence.toFixed(2);
    default:
      return event[column] ?? '';
  }
}

export function historyToCsv(events: readonly FillEvent[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const event of events) lines.push(CSV_COLUMNS.map((c) => csvCell(cellOf(event, c))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

export function historyToJson(events: readonly FillEvent[], exportedAt: string): string {
  return `${JSON.stringify({ format: 'fill-history', version: 1, exportedAt, events }, null, 2)}\n`;
}

/** A file name like `fill-history-2026-11-28.csv`. */
export function exportFileName(kind: 'csv' | 'json', at: string): string {
  return `fill-history-${at.slice(0, 10)}.${kind}`;
}
