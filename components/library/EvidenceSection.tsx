// The Library view's evidence files: add one (checked by type and size, hashed), list them with the total stored,
// link each to the entries it supports, remove one. The bytes stay in this browser.
import { useCallback, useEffect, useState } from 'react';
import type { AutofillDatabase } from '../../lib/db/database';
import { addEvidence, evidenceTotalBytes, linkEvidence, listEvidence, listEvidenceWithBytes, removeEvidence } from '../../lib/db/evidence-repository';
import { buildBundle } from '../../lib/evidence/bundle';
import { exportStoredLibrary } from '../../lib/library/export-stored-library';
import { downloadBlob } from '../common/download';
import type { EvidenceMeta } from '../../lib/db/records';
import { formatBytes } from '../../lib/db/storage';
import { ACCEPT_ATTRIBUTE, ACCEPTED_TYPES_TEXT, isEvidenceExpired } from '../../lib/evidence/evidence-file';
import { describeError } from './describe-error';

interface Props {
  db: AutofillDatabase;
  /** Ids of the library's entries, to check links against. */
  entryIds: ReadonlySet<string>;
  today: string;
  onMessage: (message: { kind: 'status' | 'error'; text: string }) => void;
}

function parseIds(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export function EvidenceSection({ db, entryIds, today, onMessage }: Props) {
  const [files, setFiles] = useState<EvidenceMeta[]>();
  const [total, setTotal] = useState(0);
  const [file, setFile] = useState<File>();
  const [title, setTitle] = useState('');
  const [owner, setOwner] = useState('');
  const [validUntil, setValidUntil] = useState('');
  const [links, setLinks] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [pickerKey, setPickerKey] = useState(0);

  const refresh = useCallback(async () => {
    setFiles(await listEvidence(db));
    setTotal(await evidenceTotalBytes(db));
  }, [db]);
  // Read again when the library changes (a bundle import writes files too).
  useEffect(() => {
    void refresh();
  }, [refresh, entryIds]);

  const unknownIds = (ids: string[]) => ids.filter((id) => !entryIds.has(id));

  async function add() {
    if (!file) {
      setError('Choose a file to add.');
      return;
    }
    const ids = parseIds(links);
    const unknown = unknownIds(ids);
    if (unknown.length > 0) {
      setError(`No library entry has the id ${unknown.map((id) => `"${id}"`).join(', ')}; fix the links (entry ids, comma-separated).`);
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const stored = await addEvidence({ title: title.trim() || file.name, owner, validUntil: validUntil || undefined, fileName: file.name, bytes, entryIds: ids }, db);
      onMessage({ kind: 'status', text: `Added evidence "${stored.title}" (${stored.fileName}, ${formatBytes(stored.size)}).` });
      setFile(undefined);
      setTitle('');
      setOwner('');
      setValidUntil('');
      setLinks('');
      setPickerKey((k) => k + 1);
      await refresh();
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  }

  /** The whole library and its evidence as one .zip (import it with the Library import above). */
  async function exportBundle() {
    setBusy(true);
    try {
      const exportedAt = new Date().toISOString();
      const library = await exportStoredLibrary(db, 'json', exportedAt);
      const files = await listEvidenceWithBytes(db);
      const zip = await buildBundle(await library.blob.text(), files, exportedAt);
      downloadBlob(new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), `evidence-bundle-${exportedAt.slice(0, 10)}.zip`);
      onMessage({ kind: 'status', text: `Exported an evidence bundle: ${library.count} entries and ${files.length} evidence ${files.length === 1 ? 'file' : 'files'}.` });
    } catch (e) {
      onMessage({ kind: 'error', text: `The evidence bundle was not exported: ${describeError(e)}` });
    } finally {
      setBusy(false);
    }
  }

  async function remove(meta: EvidenceMeta) {
    setBusy(true);
    try {
      await removeEvidence(meta.id, db);
      onMessage({ kind: 'status', text: `Removed evidence "${meta.title}".` });
      await refresh();
    } finally {
      setBusy(false);
    }
  }

  async function relink(meta: EvidenceMeta, text: string) {
    const ids = parseIds(text);
    const unknown = unknownIds(ids);
    if (unknown.length > 0) {
      onMessage({ kind: 'error', text: `No library entry has the id ${unknown.map((id) => `"${id}"`).join(', ')}; the links of "${meta.title}" were not changed.` });
      return;
    }
    await linkEvidence(meta.id, ids, db);
    onMessage({ kind: 'status', text: `"${meta.title}" now supports ${ids.length === 0 ? 'no entry' : ids.join(', ')}.` });
    await refresh();
  }

  return (
    <section className="evidence-section" aria-labelledby="evidence-heading">
      <h3 id="evidence-heading">Evidence files</h3>
      <p className="evidence-total" data-testid="evidence-total">
        {files === undefined ? 'Loading evidence…' : `${files.length} ${files.length === 1 ? 'file' : 'files'}, ${formatBytes(total)} stored in this browser.`}
      </p>
      {files !== undefined && files.length > 0 && (
        <ul className="evidence-list">
          {files.map((meta) => (
            <EvidenceRow key={meta.id} meta={meta} expired={isEvidenceExpired(meta, today)} busy={busy} onRemove={() => void remove(meta)} onRelink={(text) => void relink(meta, text)} />
          ))}
        </ul>
      )}
      <p>
        <button type="button" disabled={busy} onClick={() => void exportBundle()}>
          Export evidence bundle (.zip)
        </button>{' '}
        <span className="hint">The library and every file, with a manifest of SHA-256 hashes; import it with the Library import above.</span>
      </p>
      <fieldset className="evidence-add" disabled={busy}>
        <legend>Add evidence</legend>
        <label>
          File ({ACCEPTED_TYPES_TEXT}, at most 25 MB)
          <input key={pickerKey} type="file" accept={ACCEPT_ATTRIBUTE} aria-label="Evidence file" onChange={(e) => setFile(e.target.files?.[0])} />
        </label>
        <label>
          Title
          <input type="text" value={title} onChange={(e) => setTitle(e.target.value)} placeholder="e.g. SOC 2 Type II report 2026" />
        </label>
        <label>
          Owner
          <input type="text" value={owner} onChange={(e) => setOwner(e.target.value)} />
        </label>
        <label>
          Valid until
          <input type="date" value={validUntil} onChange={(e) => setValidUntil(e.target.value)} />
        </label>
        <label>
          Supports entries (ids, comma-separated)
          <input type="text" value={links} onChange={(e) => setLinks(e.target.value)} />
        </label>
        <button type="button" onClick={() => void add()}>
          Add evidence file
        </button>
        {error && (
          <p role="alert" className="evidence-error">
            {error}
          </p>
        )}
      </fieldset>
    </section>
  );
}

function EvidenceRow({ meta, expired, busy, onRemove, onRelink }: { meta: EvidenceMeta; expired: boolean; busy: boolean; onRemove: () => void; onRelink: (text: string) => void }) {
  const [links, setLinks] = useState(meta.entryIds.join(', '));
  return (
    <li className="evidence-row" data-evidence-id={meta.id}>
      <strong>{meta.title}</strong> · {meta.fileName} · {formatBytes(meta.size)}
      {meta.owner && <> · {meta.owner}</>}
      {meta.validUntil && <> · {expired ? <span className="badge badge-review-expired">expired {meta.validUntil}</span> : <>valid until {meta.validUntil}</>}</>}
      <div className="evidence-hash" title={meta.sha256}>
        SHA-256 {meta.sha256.slice(0, 16)}…
      </div>
      <label>
        Supports
        <input type="text" aria-label={`Entries supported by ${meta.title}`} value={links} onChange={(e) => setLinks(e.target.value)} />
      </label>
      <button type="button" disabled={busy} onClick={() => onRelink(links)}>
        Save links
      </button>
      <button type="button" disabled={busy} onClick={onRemove} aria-label={`Remove evidence ${meta.title}`}>
        Remove
      </button>
    </li>
  );
}
