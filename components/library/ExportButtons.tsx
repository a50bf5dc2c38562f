// Export the whole library (retired entries included, local bookkeeping never) as JSON, CSV or XLSX; JSON names
// the team (the Team name setting) as its source.
import { useState } from 'react';
import type { AutofillDatabase } from '../../lib/db/database';
import { exportStoredLibrary } from '../../lib/library/export-stored-library';
import type { LibraryFileKind } from '../../lib/library/parse-library-file';
import { downloadBlob } from '../common/download';
import { describeError } from './describe-error';

const FORMATS: { kind: LibraryFileKind; label: string }[] = [
  { kind: 'json', label: 'Export JSON' },
  { kind: 'csv', label: 'Export CSV' },
  { kind: 'xlsx', label: 'Export XLSX' },
];

export function ExportButtons({ db, onMessage }: { db: AutofillDatabase; onMessage: (m: { kind: 'status' | 'error'; text: string }) => void }) {
  const [busy, setBusy] = useState(false);
  const run = async (kind: LibraryFileKind) => {
    setBusy(true);
    try {
      const { blob, fileName, count } = await exportStoredLibrary(db, kind);
      downloadBlob(blob, fileName);
      onMessage({ kind: 'status', text: `Exported ${count} entries to ${fileName}.` });
    } catch (e) {
      onMessage({ kind: 'error', text: `Export failed: ${describeError(e)}` });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="library-actions" role="group" aria-label="Export">
      {FORMATS.map((f) => (
        <button key={f.kind} type="button" onClick={() => void run(f.kind)} disabled={busy}>
          {f.label}
        </button>
      ))}
    </div>
  );
}
