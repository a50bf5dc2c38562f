// Import: pick a .json/.csv/.xlsx file, see what the sync would do (added, updated, unchanged, conflicts, invalid,
// removed when mirroring), resolve conflicts, then apply in one transaction. A bad file changes nothing.
import { memo, useState, type ChangeEvent } from 'react';
import type { AutofillDatabase } from '../../lib/db/database';
import { listEntries } from '../../lib/db/entries-repository';
import { applySyncPlan } from '../../lib/library/apply-sync';
import { checkLibraryFileSize, type ParsedLibraryFile } from '../../lib/library/parse-library-file';
import { planBlockers, planSync, summarizePlan, type ConflictChoices, type PlannedEntry, type SyncOptions, type SyncPlan } from '../../lib/library/plan-sync';
import { ConflictChoice } from './ConflictChoice';
import { EntryBadges } from './EntryBadges';
import { ProgressBar } from '../common/ProgressBar';
import { describeError } from './describe-error';
import { IdWarningList } from './IdWarningList';
import { parseImportedFile } from './parse-file';

interface Props {
  db: AutofillDatabase;
  /** How many sample entries the library holds: the preview offers to remove them with the import. */
  sampleCount: number;
  /** Shows a message in the Library view; undefined clears the previous one. */
  onMessage: (message: { kind: 'status' | 'error'; text: string } | undefined) => void;
  onActiveChange: (active: boolean) => void;
}

const SHOWN = 200;

// Memoised: the plan's lists do not change while it is applied, but the progress bar re-renders the panel after
// every written chunk (20 times for 20,000 entries), and re-rendering up to 600 rows with badges each time cost
// about a second of an import.
const EntryIdList = memo(function EntryIdList({ title, items, today }: { title: string; items: PlannedEntry[]; today: string }) {
  if (items.length === 0) return null;
  return (
    <details>
      <summary>
        {title} ({items.length})
      </summary>
      <ul>
        {items.slice(0, SHOWN).map((p) => (
          <li key={p.entry.id}>
            {p.entry.id}: {p.entry.question} <EntryBadges entry={p.entry} today={today} />
          </li>
        ))}
        {items.length > SHOWN && <li>and {items.length - SHOWN} more</li>}
      </ul>
    </details>
  );
});

export function ImportPanel({ db, sampleCount, onMessage, onActiveChange }: Props) {
  const [parsed, setParsed] = useState<ParsedLibraryFile>();
  const [plan, setPlan] = useState<SyncPlan>();
  const [mirror, setMirror] = useState(false);
  // Offered whenever sample entries remain: one tick removes them with the team library's import.
  const [removeSample, setRemoveSample] = useState(false);
  const [choices, setChoices] = useState<ConflictChoices>({});
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  /** While the apply writes: entries written so far, of how many, and how to cancel. */
  const [writing, setWriting] = useState<{ written: number; total: number; cancel: AbortController }>();

  const close = () => {
    setParsed(undefined);
    setPlan(undefined);
    setChoices({});
    setMirror(false);
    setRemoveSample(false);
    onActiveChange(false);
  };

  const preview = async (file: ParsedLibraryFile, options: SyncOptions) => {
    setPlan(planSync(file, await listEntries(db), options));
  };

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Cleared so choosing the same file again (after fixing it) fires another change.
    event.target.value = '';
    if (!file) return;
    setError(undefined);
    onMessage(undefined);
    setBusy(true);
    close();
    try {
      checkLibraryFileSize(file.name, file.size);
      const result = await parseImportedFile(new Uint8Array(await file.arrayBuffer()), file.name);
      setParsed(result);
      await preview(result, { mirror: false, removeSample: false });
      onActiveChange(true);
    } catch (e) {
      setError(`Nothing was imported. ${describeError(e)}`);
    } finally {
      setBusy(false);
    }
  };

  const toggleMirror = async (checked: boolean) => {
    setMirror(checked);
    if (parsed) await preview(parsed, { mirror: checked, removeSample });
  };

  const toggleRemoveSample = async (checked: boolean) => {
    setRemoveSample(checked);
    if (parsed) await preview(parsed, { mirror, removeSample: checked });
  };

  const apply = async () => {
    if (!plan) return;
    setBusy(true);
    setError(undefined);
    const cancel = new AbortController();
    setWriting({ written: 0, total: 0, cancel });
    try {
      const result = await applySyncPlan(db, plan, choices, {
        signal: cancel.signal,
        onProgress: (written, total) => setWriting({ written, total, cancel }),
      });
      const parts = [`${result.added} added`, `${result.updated} updated`];
      if (result.keptLocal) parts.push(`${result.keptLocal} kept as edited here`);
      if (result.removed) parts.push(`${result.removed} removed`);
      onMessage({ kind: 'status', text: `Imported ${plan.fileName}: ${parts.join(', ')}.` });
      close();
    } catch (e) {
      setError(describeError(e));
    } finally {
      setWriting(undefined);
      setBusy(false);
    }
  };

  const setAll = (side: 'local' | 'incoming') => setChoices(Object.fromEntries((plan?.conflicts ?? []).map((c) => [c.entry.id, side])));
  const blockers = plan ? planBlockers(plan, choices) : [];
  const today = new Date().toISOString().slice(0, 10);
  const changes = plan ? plan.added.length + plan.updated.length + plan.conflicts.length + plan.removed.length : 0;

  return (
    <section className="library-import" aria-label="Import">
      <p className="library-file-picker">
        <label htmlFor="library-import-file">Import library file (.json, .csv, .xlsx)</label>
        <input
          id="library-import-file"
          type="file"
          accept=".json,.csv,.xlsx,application/json,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={onFile}
          disabled={busy}
        />
      </p>
      {error && (
        <p role="alert" className="library-error">
          {error}
        </p>
      )}
      {plan && (
        <div className="library-preview" aria-labelledby="library-preview-heading">
          <h3 id="library-preview-heading">Preview of {plan.fileName}</h3>
          {(plan.source || plan.exportedAt) && (
            <p>
              {plan.source ? `From ${plan.source}` : ''}
              {plan.source && plan.exportedAt ? ', ' : ''}
              {plan.exportedAt ? `exported ${plan.exportedAt}` : ''}
            </p>
          )}
          <p role="status" className="library-preview-summary">
            {summarizePlan(plan)}. Nothing is written until you apply.
          </p>
          {plan.invalid.length > 0 && (
            <div className="library-invalid">
              <h4>Invalid entries ({plan.invalid.length}): fix them in the file, then import it again</h4>
              <ul>
                {plan.invalid.slice(0, SHOWN).map((i) => (
                  <li key={`${i.index}-${i.where}`}>
                    {i.where}
                    {i.id ? ` (id "${i.id}")` : ''}: {i.reason}
                  </li>
                ))}
                {plan.invalid.length > SHOWN && <li>and {plan.invalid.length - SHOWN} more</li>}
              </ul>
            </div>
          )}
          <IdWarningList warnings={plan.idWarnings} />
          {plan.conflicts.length > 0 && (
            <div className="library-conflicts">
              <h4>Conflicts ({plan.conflicts.length}): edited here since the last import, and different in the file</h4>
              <div className="library-actions">
                <button type="button" onClick={() => setAll('local')}>
                  Keep all mine
                </button>
                <button type="button" onClick={() => setAll('incoming')}>
                  Take all from the file
                </button>
              </div>
              {plan.conflicts.slice(0, SHOWN).map((c) => (
                <ConflictChoice
                  key={c.entry.id}
                  conflict={c}
                  fileName={plan.fileName}
                  choice={choices[c.entry.id]}
                  onChoose={(side) => setChoices((all) => ({ ...all, [c.entry.id]: side }))}
                />
              ))}
              {plan.conflicts.length > SHOWN && <p>{plan.conflicts.length - SHOWN} more conflicts: use the buttons above to decide them all.</p>}
            </div>
          )}
          <EntryIdList title="Added" items={plan.added} today={today} />
          <EntryIdList title="Updated" items={plan.updated} today={today} />
          <EntryIdList title="Unchanged" items={plan.unchanged} today={today} />
          {sampleCount > 0 && (
            <p className="library-sample-offer">
              <label className="library-check">
                <input type="checkbox" checked={removeSample} onChange={(e) => void toggleRemoveSample(e.target.checked)} />
                <span>Remove the {sampleCount} sample entries (fictional answers loaded on first run); an entry of the same id in this file replaces its sample</span>
              </label>
            </p>
          )}
          <p>
            <label className="library-check">
              <input type="checkbox" checked={mirror} onChange={(e) => void toggleMirror(e.target.checked)} />
              <span>Mirror the export: remove local entries that are not in this file</span>
            </label>
          </p>
          {plan.removed.length > 0 && (
            <details open={plan.mirror}>
              <summary>Removed ({plan.removed.length})</summary>
              <ul>
                {plan.removed.slice(0, SHOWN).map((e) => (
                  <li key={e.id}>
                    {e.id}: {e.question}
                  </li>
                ))}
                {plan.removed.length > SHOWN && <li>and {plan.removed.length - SHOWN} more</li>}
              </ul>
            </details>
          )}
          {blockers.length > 0 && (
            <p id="library-apply-blockers" className="library-error">
              {blockers.join(' ')}
            </p>
          )}
          {writing && <ProgressBar label="Importing entries" done={writing.written} total={writing.total} onCancel={() => writing.cancel.abort()} />}
          <div className="library-actions">
            <button
              type="button"
              className="primary"
              onClick={() => void apply()}
              disabled={busy || blockers.length > 0}
              aria-describedby={blockers.length > 0 ? 'library-apply-blockers' : undefined}
            >
              {changes === 0 ? 'Apply (nothing to change)' : 'Apply import'}
            </button>
            <button type="button" onClick={close} disabled={busy}>
              Cancel
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
