// A question's upload control on its card: proposes the evidence linked to the matched entry (or lets the analyst
// pick any file of the library), attaches it on a click, shows what the page lists, and undoes it where the page
// allows. Never part of bulk fill.
import { useEffect, useId, useState } from 'react';
import { listEvidence } from '../../lib/db/evidence-repository';
import type { EvidenceMeta } from '../../lib/db/records';
import { formatBytes } from '../../lib/db/storage';
import { evidenceChoices } from '../../lib/panel/attach-plan';
import type { AttachReply } from '../../lib/schema';

interface Props {
  questionKey: string;
  /** The matched entry, whose linked evidence is proposed. */
  entryId: string | undefined;
  /** Evidence ids the matched entry's citations point to. */
  citedIds: readonly string[];
  tabIndex: number | undefined;
  /** The upload is optional beside an answer (OneTrust offers one on every card): shown only when the library has files. */
  optional: boolean;
  onAttach(key: string, evidenceId: string, undo: boolean): Promise<AttachReply>;
}

function describeReply(reply: AttachReply, fileName: string): string {
  const shown = reply.shown.length > 0 ? ` The page lists: ${reply.shown.join(', ')}.` : '';
  switch (reply.status) {
    case 'attached':
      return `Attached “${fileName}”.${shown}`;
    case 'removed':
      return `Removed “${fileName}” from the page's upload control.`;
    default:
      return `${reply.message ?? `Not attached (${reply.status}).`}${reply.status === 'kept' ? '' : shown}`;
  }
}

export function EvidenceAttach({ questionKey, entryId, citedIds, tabIndex, optional, onAttach }: Props) {
  const [all, setAll] = useState<EvidenceMeta[]>();
  const [picked, setPicked] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ reply: AttachReply; meta: EvidenceMeta; undo: boolean }>();
  const id = useId();
  const today = new Date().toISOString().slice(0, 10);

  useEffect(() => {
    let live = true;
    listEvidence().then(
      (rows) => live && setAll(rows),
      () => live && setAll([]),
    );
    return () => {
      live = false;
    };
  }, []);

  if (all === undefined || (optional && all.length === 0)) return null;
  const { choices, proposed } = evidenceChoices(all, entryId, today, citedIds);
  const chosenId = picked ?? proposed;
  const chosen = choices.find((c) => c.meta.id === chosenId);

  async function run(meta: EvidenceMeta, undo: boolean) {
    setBusy(true);
    try {
      setOutcome({ reply: await onAttach(questionKey, meta.id, undo), meta, undo });
    } finally {
      setBusy(false);
    }
  }

  const attachedNow = outcome && !outcome.undo && outcome.reply.status === 'attached';
  return (
    <div className="evidence-attach" role="group" aria-label="Attach evidence">
      {choices.length === 0 ? (
        <p className="hint">This question takes a file. Add evidence files in the Library view to attach them from here.</p>
      ) : (
        <>
          <label htmlFor={`${id}-pick`}>Evidence to attach</label>{' '}
          <select id={`${id}-pick`} tabIndex={tabIndex} value={chosenId ?? ''} onChange={(e) => setPicked(e.target.value || undefined)}>
            <option value="">Choose an evidence file…</option>
            {choices.map((c) => (
              <option key={c.meta.id} value={c.meta.id}>
                {c.meta.title} ({c.meta.fileName}, {formatBytes(c.meta.size)}){c.linked ? ' · supports this answer' : ''}
                {c.expired ? ` · expired ${c.meta.validUntil}` : ''}
              </option>
            ))}
          </select>
          {chosen?.expired && <p className="hint warn">This file's validity ended on {chosen.meta.validUntil}; attach it only if the portal asks for that period.</p>}
          <div className="actions">
            <button type="button" tabIndex={tabIndex} disabled={busy || !chosen} onClick={() => chosen && void run(chosen.meta, false)}>
              {chosen ? `Attach “${chosen.meta.fileName}”` : 'Attach'}
            </button>
            {attachedNow && (
              <button type="button" tabIndex={tabIndex} disabled={busy} onClick={() => void run(outcome.meta, true)}>
                Undo attachment
              </button>
            )}
          </div>
        </>
      )}
      {busy && <p className="hint">Attaching… waiting for the page to list the file.</p>}
      {outcome && (
        <p className={`attach-outcome attach-${outcome.reply.status}`} role="status" data-status={outcome.reply.status}>
          {describeReply(outcome.reply, outcome.meta.fileName)}
        </p>
      )}
    </div>
  );
}
