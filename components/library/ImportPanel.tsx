// Import: pick a .json/.csv/.xlsx file, see what the sync would do (added, updated, unchanged, conflicts, invalid,
// removed when mirroring), resolve conflicts, then apply in one transaction. A bad file changes nothing. The
// import session (parse-file.ts) does the work in the import worker; this view shows its preview and progress.
import { memo, useRef, useState, type ChangeEvent } from 'react';
import type { AutofillDatabase } from '../../lib/db/database';
import { checkLibraryFileSize } from '../../lib/library/parse-library-file';
import { whenSampleSettled } from '../../lib/library/sample-library';
import { planBlockers, PREVIEW_ROWS, summarizePlan, type ConflictChoices, type PlannedEntry, type SyncOptions, type SyncPreview } from '../../lib/library/plan-sync';
import { ConflictChoice } from './ConflictChoice';
import { EntryBadges } from './EntryBadges';
import { ProgressBar } from '../common/ProgressBar';
import { describeError } from './describe-error';
import { IdWarningList } from './IdWarningList';
import { createLibraryImportSession } from './parse-file';
import type { ImportSession } from '../../lib/library/import-session';
import { readBundle, type BundleFile } from '../../lib/evidence/bundle';
import { planEvidenceImport, putEvidenceFiles } from '../../lib/db/evidence-repository';

interface Props {
  db: AutofillDatabase;
  /** How many sample entries the library holds: the preview offers to remove them with the import. */
  sampleCount: number;
  /** Shows a message in the Library view; undefined clears the previous one. */
  onMessage: (message: { kind: 'status' | 'error'; text: string } | undefined) => void;
  onActiveChange: (active: boolean) => void;
}

const SHOWN = PREVIEW_ROWS;

// Memoised: the plan's lists do not change while it is applied, but the progress bar re-renders the panel after
// every written chunk (20 times for 20,000 entries), and re-rendering up to 600 rows with badges each time cost
// about a second of an import.
const EntryIdList = memo(function EntryIdList({ title, items, count, today }: { title: string; items: PlannedEntry[]; count: number; today: string }) {
  if (count === 0) return null;
  return (
    <details>
      <summary>
        {title} ({count})
      </summary>
      <ul>
        {items.slice(0, SHOWN).map((p) => (
          <li key={p.entry.id}>
            {p.entry.id}: {p.entry.question} <EntryBadges entry={p.entry} today={today} />
          </li>
        ))}
        {count > SHOWN && <li>and {count - SHOWN} more</li>}
      </ul>
    </details>
  );
});

export function ImportPanel({ db, sampleCount, onMessage, onActiveChange }: Props) {
  // Started on the first file chosen: the import worker runs only for an import.
  const sessionRef = useRef<ImportSession>(undefined);
  const session = () => (sessionRef.current ??= createLibraryImportSession(db));
  const [plan, setPlan] = useState<SyncPreview>();
  const [mirror, setMirror] = useState(false);
  // Offered whenever sample entries remain: one tick removes them with the team library's import.
  const [removeSample, setRemoveSample] = useState(false);
  const [choices, setChoices] = useState<ConflictChoices>({});
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  /** While the apply writes: entries written so far, of how many. */
  const [writing, setWriting] = useState<{ written: number; total: number }>();
  /** The evidence files of an evidence bundle (.zip) being previewed, and what they change. */
  const [bundle, setBundle] = useState<{ files: BundleFile[]; added: number; replaced: number }>();

  const close = () => {
    setPlan(undefined);
    setChoices({});
    setMirror(false);
    setRemoveSample(false);
    setBundle(undefined);
    onActiveChange(false);
  };

  // Apply and the options wait for the new plan: an Apply clicked meanwhile would write the plan before the
  // change (a mirror ticked but not applied) and replace the replan's answer.
  const replan = async (options: SyncOptions) => {
    setBusy(true);
    try {
      setPlan(await session().replan(options));
    } catch (e) {
      setError(`Nothing was imported. ${describeError(e)}`);
    } finally {
      setBusy(false);
    }
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
      // The first-run sample may still be being written: the preview must see it (and offer to remove it).
      await whenSampleSettled(db);
      if (/\.zip$/i.test(file.name)) {
        // An evidence bundle: every part checked first; its library JSON then goes through the same preview.
        const read = await readBundle(file.name, new Uint8Array(await file.arrayBuffer()));
        const libraryBytes = new TextEncoder().encode(read.libraryJson);
        const libraryName = `${file.name} › library.json`;
        checkLibraryFileSize(libraryName, libraryBytes.length);
        setPlan(await session().open(libraryBytes, libraryName, { mirror: false, removeSample: false }));
        setBundle({ files: read.files, ...(await planEvidenceImport(read.files, db)) });
      } else {
        checkLibraryFileSize(file.name, file.size);
        setPlan(await session().open(new Uint8Array(await file.arrayBuffer()), file.name, { mirror: false, removeSample: false }));
      }
      onActiveChange(true);
    } catch (e) {
      setError(`Nothing was imported. ${describeError(e)}`);
    } finally {
      setBusy(false);
    }
  };

  const toggleMirror = async (checked: boolean) => {
    setMirror(checked);
    if (plan) await replan({ mirror: checked, removeSample });
  };

  const toggleRemoveSample = async (checked: boolean) => {
    setRemoveSample(checked);
    if (plan) await replan({ mirror, removeSample: checked });
  };

  const apply = async () => {
    if (!plan) return;
    setBusy(true);
    setError(undefined);
    setWriting({ written: 0, total: 0 });
    // A bundle's files are written first, in one transaction; if the entries then fail, they are taken back.
    let undoEvidence: (() => Promise<void>) | undefined;
    try {
      if (bundle) undoEvidence = await putEvidenceFiles(bundle.files, db);
      let result;
      try {
        result = await session().apply(choices, (written, total) => setWriting({ written, total }));
      } catch (e) {
        await undoEvidence?.();
        throw e;
      }
      const parts = [`${result.added} added`, `${result.updated} updated`];
      if (bundle) parts.push(`${bundle.files.length} evidence ${bundle.files.length === 1 ? 'file' : 'files'}`);
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
  const changes = plan ? plan.counts.added + plan.counts.updated + plan.counts.conflicts + plan.counts.removed + (bundle?.files.length ?? 0) : 0;

  return (
    <section className="library-import" aria-label="Import">
      <p className="library-file-picker">
        <label htmlFor="library-import-file">Import library file (.json, .csv, .xlsx)</label>
        <input
          id="library-import-file"
          type="file"
          accept=".json,.csv,.xlsx,.zip,application/json,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
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
          {plan.handoff && (
            <div className="library-handoff" data-testid="handoff-note">
              <p>
                A sheet of questions returned by their owners: each answered question comes in as a <strong>draft</strong> entry worded like the
                page, proposed with a draft marker and never filled in bulk until someone approves it in the Library view.
              </p>
              {plan.counts.skipped > 0 && (
                <details>
                  <summary>Not answered yet ({plan.counts.skipped}), left out</summary>
                  <ul>
                    {plan.skipped.slice(0, SHOWN).map((i) => (
                      <li key={`${i.index}-${i.where}`}>
                        {i.where}: {i.reason}
                      </li>
                    ))}
                    {plan.counts.skipped > SHOWN && <li>and {plan.counts.skipped - SHOWN} more</li>}
                  </ul>
                </details>
              )}
            </div>
          )}
          {bundle && (
            <p className="library-preview-evidence">
              With {bundle.files.length} evidence {bundle.files.length === 1 ? 'file' : 'files'} (each checked against the manifest's SHA-256): {bundle.added} new, {bundle.replaced} replacing the stored file of the same id.
            </p>
          )}
          {plan.counts.invalid > 0 && (
            <div className="library-invalid">
              <h4>Invalid entries ({plan.counts.invalid}): fix them in the file, then import it again</h4>
              <ul>
                {plan.invalid.slice(0, SHOWN).map((i) => (
                  <li key={`${i.index}-${i.where}`}>
                    {i.where}
                    {i.id ? ` (id "${i.id}")` : ''}: {i.reason}
                  </li>
                ))}
                {plan.counts.invalid > SHOWN && <li>and {plan.counts.invalid - SHOWN} more</li>}
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
          <EntryIdList title="Added" items={plan.added} count={plan.counts.added} today={today} />
          <EntryIdList title="Updated" items={plan.updated} count={plan.counts.updated} today={today} />
          <EntryIdList title="Unchanged" items={plan.unchanged} count={plan.counts.unchanged} today={today} />
          {sampleCount > 0 && !plan.handoff && (
            <p className="library-sample-offer">
              <label className="library-check">
                <input type="checkbox" checked={removeSample} disabled={busy} onChange={(e) => void toggleRemoveSample(e.target.checked)} />
                <span>Remove the {sampleCount} sample entries (fictional answers loaded on first run); an entry of the same id in this file replaces its sample</span>
              </label>
            </p>
          )}
          {!plan.handoff && (
            <p>
              <label className="library-check">
                <input type="checkbox" checked={mirror} disabled={busy} onChange={(e) => void toggleMirror(e.target.checked)} />
                <span>Mirror the export: remove local entries that are not in this file</span>
              </label>
            </p>
          )}
          {plan.counts.removed > 0 && (
            <details open={plan.mirror}>
              <summary>Removed ({plan.counts.removed})</summary>
              <ul>
                {plan.removed.slice(0, SHOWN).map((e) => (
                  <li key={e.id}>
                    {e.id}: {e.question}
                  </li>
                ))}
                {plan.counts.removed > SHOWN && <li>and {plan.counts.removed - SHOWN} more</li>}
              </ul>
            </details>
          )}
          {blockers.length > 0 && (
            <p id="library-apply-blockers" className="library-error">
              {blockers.join(' ')}
            </p>
          )}
          {writing && <ProgressBar label="Importing entries" done={writing.written} total={writing.total} onCancel={() => session().cancel()} />}
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
