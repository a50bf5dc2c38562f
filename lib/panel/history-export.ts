// Fill history: filtering and counting for the History view and export to CSV and JSON. An undo is its own row,
// exported as action "undo" and never counted as a fill. CSV cells that a spreadsheet would run as a formula
// (=, +, -, @, tab, CR) are prefixed with a quote so an opened export cannot execute.
import { csvCell } from '../library/table-columns';
import type { Citation, FillEvent, HistoryResult, PortalId } from '../schema';

export { csvCell };

export interface HistoryFilter {
  portal?: PortalId;
  /** ISO dates (inclusive), compared against the event's local calendar day. */
  from?: string;
  to?: string;
  text?: string;
  result?: HistoryResult;
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

export type HistoryAction = 'fill' | 'undo';

export function actionOf(event: Pick<FillEvent, 'undo'>): HistoryAction {
  return event.undo ? 'undo' : 'fill';
}

export interface HistoryCounts {
  fills: number;
  /** Fills whose value the page kept (filled, or already held it). */
  filled: number;
  undos: number;
  /** Rows still waiting for the page's answer. */
  pending: number;
}

/** Fills and undos counted apart: an undo is never a fill. */
export function countHistory(events: readonly FillEvent[]): HistoryCounts {
  const counts: HistoryCounts = { fills: 0, filled: 0, undos: 0, pending: 0 };
  for (const e of events) {
    if (e.result === 'pending') counts.pending++;
    if (e.undo) counts.undos++;
    else {
      counts.fills++;
      if (e.result === 'filled' || e.result === 'unchanged') counts.filled++;
    }
  }
  return counts;
}

export function formatHistoryCounts(c: HistoryCounts): string {
  const parts = [`${c.fills} ${c.fills === 1 ? 'fill' : 'fills'} (${c.filled} kept by the page)`, `${c.undos} ${c.undos === 1 ? 'undo' : 'undos'}`];
  if (c.pending > 0) parts.push(`${c.pending} pending`);
  return parts.join(' · ');
}

/** "Title, section (url)" per citation, joined with "; ". */
export function citationText(citations: readonly Citation[] | undefined): string {
  return (citations ?? []).map((c) => `${[c.title, c.section].filter(Boolean).join(', ')}${c.url ? ` (${c.url})` : ''}`).join('; ');
}

export const CSV_COLUMNS = [
  'at',
  'action',
  'portal',
  'pageTitle',
  'pageUrl',
  'frameUrl',
  'questionNumber',
  'questionText',
  'entryId',
  'entryUpdatedAt',
  'citation',
  'value',
  'previous',
  'comment',
  'edited',
  'confidence',
  'band',
  'result',
  'message',
  'entryVersion',
] as const;


function cellOf(event: FillEvent, column: (typeof CSV_COLUMNS)[number]): string {
  switch (column) {
    case 'action':
      return actionOf(event);
    case 'citation':
      return citationText(event.citations);
    case 'value':
    case 'previous':
      return valueText(event[column]);
    case 'edited':
      return event.edited ? 'yes' : 'no';
    case 'confidence':
      return event.confidence === undefined ? '' : event.confidence.toFixed(2);
    case 'entryVersion':
      return event.entryVersion === undefined ? '' : String(event.entryVersion);
    default:
      return event[column] ?? '';
  }
}

export function historyToCsv(events: readonly FillEvent[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const event of events) lines.push(CSV_COLUMNS.map((c) => csvCell(cellOf(event, c))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** Version 2 adds `action` to every event (and the write-ahead fields: request id, frame, citations, read-back). */
export function historyToJson(events: readonly FillEvent[], exportedAt: string): string {
  const rows = events.map((e) => ({ action: actionOf(e), ...e }));
  return `${JSON.stringify({ format: 'fill-history', version: 2, exportedAt, events: rows }, null, 2)}\n`;
}

/** A file name like `fill-history-2026-11-28.csv`. */
export function exportFileName(kind: 'csv' | 'json', at: string): string {
  return `fill-history-${at.slice(0, 10)}.${kind}`;
}
