// "Questions for owners": the page's questions the library cannot answer well enough (no proposal, below High, a
// draft or expired answer), exported as a sheet with a suggested owner each. The owners' answers come back through
// the Library view's import as draft entries (lib/library/handoff.ts). The list re-renders this on every proposal
// batch and fill, so only the count is kept up to date; the sheet (owners looked up in the library) is built on export.
import { useDeferredValue, useMemo, useState } from 'react';
import type { LibraryEntry } from '../../lib/schema';
import { buildHandoffSheet, countHandoffRows, handoffFile, handoffFileName, type HandoffPage } from '../../lib/panel/handoff-sheet';
import type { QuestionRow } from '../../lib/panel/question-rows';
import { downloadBlob } from '../common/download';

const NO_ROWS: readonly QuestionRow[] = [];

export function HandoffButtons({
  rows,
  library,
  page,
}: {
  rows: readonly QuestionRow[];
  /** Every library entry (owners are suggested from the whole library, not only the proposed entries). */
  library: () => Promise<ReadonlyMap<string, LibraryEntry>>;
  page: HandoffPage;
}) {
  // Counted in a render of its own after the list's (React's deferred lane, a task that yields): the first render of
  // 1,000 rows and every proposal batch's render no longer carry the count over all rows (6-11 ms at scale).
  const countedRows = useDeferredValue(rows, NO_ROWS);
  const count = useMemo(() => countHandoffRows(countedRows), [countedRows]);
  const [message, setMessage] = useState<{ kind: 'status' | 'error'; text: string }>();
  const run = async (kind: 'csv' | 'xlsx') => {
    try {
      const sheet = buildHandoffSheet(rows, await library(), page);
      const count = sheet.rows.length;
      const fileName = handoffFileName(page, kind);
      downloadBlob(await handoffFile(sheet, kind), fileName);
      setMessage({
        kind: 'status',
        text: `Saved ${count} question${count === 1 ? '' : 's'} to ${fileName}. Owners write their answers in the answer column; import the returned sheet in the Library view (answers come in as drafts).`,
      });
    } catch (e) {
      setMessage({ kind: 'error', text: `The sheet was not saved: ${e instanceof Error ? e.message : String(e)}` });
    }
  };
  return (
    <details className="handoff" data-testid="handoff">
      <summary>Questions for owners ({count})</summary>
      <p className="hint">
        {count === 0
          ? 'Every question here has a High, approved, current answer or has been filled.'
          : `${count} question${count === 1 ? '' : 's'} with no answer, or one below High, a draft or expired: export them with a suggested owner each.`}
      </p>
      <div role="group" aria-label="Export questions for owners">
        <button type="button" disabled={count === 0} onClick={() => void run('csv')}>
          Export CSV
        </button>
        <button type="button" disabled={count === 0} onClick={() => void run('xlsx')}>
          Export XLSX
        </button>
      </div>
      {message && (
        <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind === 'error' ? 'error' : 'hint'}>
          {message.text}
        </p>
      )}
    </details>
  );
}
