// One recorded fill: when, where, which question, what was written, how sure, what the page kept, and the library
// entry's version that was filled (shown as it was then, even after the entry changed).
import { useState } from 'react';
import type { FillEvent } from '../../lib/schema';
import type { FilledVersion } from '../../lib/panel/ports';
import { valueText } from '../../lib/panel/history-export';

interface Props {
  event: FillEvent;
  onOpenEntry(entryId: string): void;
  loadVersion(entryId: string, version: number): Promise<FilledVersion | undefined>;
}

type Shown = { state: 'loading' } | { state: 'found'; found: FilledVersion } | { state: 'missing' } | { state: 'error'; message: string };

export function HistoryItem({ event, onOpenEntry, loadVersion }: Props) {
  const ok = event.result === 'filled' || event.result === 'unchanged';
  const [shown, setShown] = useState<Shown>();
  const toggleVersion = async () => {
    if (shown) return setShown(undefined);
    if (!event.entryId || event.entryVersion === undefined) return;
    setShown({ state: 'loading' });
    try {
      const found = await loadVersion(event.entryId, event.entryVersion);
      setShown(found ? { state: 'found', found } : { state: 'missing' });
    } catch (e) {
      setShown({ state: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  };
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
            {event.entryVersion !== undefined ? (
              <>
                {' · '}
                <button type="button" className="linklike" aria-expanded={shown !== undefined} onClick={() => void toggleVersion()}>
                  {shown ? 'Hide' : 'Show'} filled version {event.entryVersion}
                </button>
              </>
            ) : (
              event.entryUpdatedAt && ` (version of ${event.entryUpdatedAt.slice(0, 10)})`
            )}
          </>
        )}
      </p>
      {shown && (
        <div className="history-version" aria-label={`Entry version ${event.entryVersion} as filled`}>
          {shown.state === 'loading' && <p className="hint">Reading the version…</p>}
          {shown.state === 'missing' && <p className="hint">Version {event.entryVersion} of this entry is not recorded (the entry was removed before versions were kept).</p>}
          {shown.state === 'error' && (
            <p className="error" role="alert">
              The version could not be read: {shown.message}
            </p>
          )}
          {shown.state === 'found' && (
            <>
              <p className="hint">
                Version {shown.found.version}
                {shown.found.at && ` of ${shown.found.at.slice(0, 10)}`}
                {shown.found.current ? ' (still the current version)' : ' (the entry has changed since)'}
              </p>
              <p className="history-version-question">{shown.found.entry.question}</p>
              <p className="history-version-answer">{shown.found.entry.answer}</p>
            </>
          )}
        </div>
      )}
    </li>
  );
}
