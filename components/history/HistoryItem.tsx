// One recorded fill: when, where, which question, what was written, how sure, what the page kept.
import type { FillEvent } from '../../lib/schema';
import { valueText } from '../../lib/panel/history-export';

export function HistoryItem({ event, onOpenEntry }: { event: FillEvent; onOpenEntry(entryId: string): void }) {
  const ok = event.result === 'filled' || event.result === 'unchanged';
  return (
    <li className="history-item">
      <p className="history-head">
        <time dateTime={event.at}>{new Date(event.at).toLocaleString()}</time>
        <span className="badge portal">{event.portal}</span>
        <span className={`badge ${ok ? 'badge-filled' : event.result === 'pending' ? 'badge-pending' : 'badge-failed'}`}>{event.undo ? `undo ${event.result}` : event.result}</span>
        {event.edited && <span className="badge badge-edited">edited</span>}
        {event.confidence !== undefined && <span className="hint">{Math.round(event.confidence * 100)}%</span>}
      </p>
      <p className="history-q">
        {event.questionNumber && <span className="qnum">{event.questionNumber}</span>} {event.questionText}
      </p>
      <p className="history-v">{valueText(event.value) || '(emptied)'}</p>
      {event.comment && <p className="history-v hint">Comment: {event.comment}</p>}
      {event.message && <p className="hint">{event.message}</p>}
      <p className="hint">
        {event.pageTitle || event.pageUrl}
        {event.frameOrigin && event.frameUrl !== event.pageUrl && ` · in a frame of ${event.frameOrigin}`}
        {event.entryId && (
          <>
            {' · '}
            <button type="button" className="linklike" onClick={() => onOpenEntry(event.entryId!)}>
              Library entry {event.entryId}
            </button>
            {event.entryUpdatedAt && ` (version of ${event.entryUpdatedAt.slice(0, 10)})`}
          </>
        )}
      </p>
    </li>
  );
}
