// After an edited fill: offer to keep the edit in the library as a draft, or the question wording as an
// alternate wording of the entry, so the next questionnaire gets it right.
import { useEffect, useRef, useState } from 'react';
import type { LibraryEntry } from '../../lib/schema';

export interface EditOffer {
  key: string;
  questionText: string;
  answer: string;
  choice?: string;
  base?: LibraryEntry;
}

export function SaveEditOffer({
  offer,
  onSaveDraft,
  onAddWording,
  onDismiss,
}: {
  offer: EditOffer;
  onSaveDraft(): Promise<string>;
  onAddWording(): Promise<string>;
  onDismiss(): void;
}) {
  const [message, setMessage] = useState<string>();
  const [busy, setBusy] = useState(false);
  const box = useRef<HTMLElement>(null);
  // The edited fill closed the editor the focus was in: focus lands on this offer, the next thing to decide.
  useEffect(() => box.current?.focus(), [offer.key]);
  const run = async (action: () => Promise<string>) => {
    setBusy(true);
    try {
      setMessage(await action());
    } catch (e) {
      setMessage(`Not saved: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section ref={box} tabIndex={-1} className="offer" aria-label="Save your edit">
      {message ? (
        <p role="status">{message}</p>
      ) : (
        <p>You edited the answer to “{offer.questionText}”. Keep it in the library?</p>
      )}
      <div className="actions">
        {!message && (
          <>
            <button type="button" className="primary" disabled={busy} onClick={() => void run(onSaveDraft)}>
              Save edit as draft
            </button>
            {offer.base && (
              <button type="button" disabled={busy} onClick={() => void run(onAddWording)}>
                Add wording to “{offer.base.id}”
              </button>
            )}
          </>
        )}
        <button type="button" onClick={onDismiss}>
          {message ? 'Close' : 'No thanks'}
        </button>
      </div>
    </section>
  );
}
